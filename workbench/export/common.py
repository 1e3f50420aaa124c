"""What every exporter shares: the formats, telling them from a path, and safe writing.

A file is written beside its destination and moved into place only when complete, so a
failed export never leaves half a report where the last good one was.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import WorkbenchError
from ..files import replacing as _replacing

FORMATS = (
    "json", "csv", "graphml", "gexf", "timelinejs", "md", "html", "ftm", "claimreview",
    "annotations",
)  # fmt: skip

# longest suffix first: "x.timeline.json" is TimelineJS, "x.json" the whole case
_SUFFIXES = (
    (".timeline.json", "timelinejs"),
    (".ftm.json", "ftm"),
    (".ftm.jsonl", "ftm"),
    (".ftm", "ftm"),
    (".claimreview.json", "claimreview"),
    (".claimreview.jsonld", "claimreview"),
    (".annotations.json", "annotations"),
    (".annotations.jsonld", "annotations"),
    (".timelinejs", "timelinejs"),
    (".json", "json"),
    (".zip", "csv"),
    (".graphml", "graphml"),
    (".gexf", "gexf"),
    (".md", "md"),
    (".markdown", "md"),
    (".html", "html"),
    (".htm", "html"),
)


class ExportError(WorkbenchError):
    """An export or import that cannot be done as asked: unknown format, bad file, clash."""


def format_of(path: str | os.PathLike[str], *, format: str | None = None) -> str:
    """The format asked for, or the one the path's extension names."""
    if format is not None:
        name = format.lower().lstrip(".")
        name = {
            "markdown": "md",
            "htm": "html",
            "timeline": "timelinejs",
            "zip": "csv",
            "followthemoney": "ftm",
            "annotation": "annotations",
        }.get(name, name)
        if name not in FORMATS:
            raise ExportError(f"unknown export format {format!r} (one of: {', '.join(FORMATS)})")
        return name
    lower = str(path).lower()
    for suffix, name in _SUFFIXES:
        if lower.endswith(suffix):
            return name
    if lower.endswith(".csv"):
        raise ExportError(f"{path}: CSV export writes several tables; give a folder or a .zip file")
    if Path(path).is_dir() or not Path(path).suffix:
        raise ExportError(
            f"cannot tell the format of {path}: give format='csv' to write a folder of CSV "
            "files, or a file name ending in one of " + ", ".join(s for s, _ in _SUFFIXES)
        )
    raise ExportError(
        f"cannot tell the format of {path} from its extension; give format= "
        f"(one of: {', '.join(FORMATS)})"
    )


def replacing(path: str | os.PathLike[str], *, mode: str = "w"):
    """A file opened beside `path` that replaces it only if the block ends without error."""
    return _replacing(path, mode=mode, error=ExportError)


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    with replacing(path) as handle:
        handle.write(text)
    return Path(path)
