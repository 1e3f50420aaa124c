"""Exports of a case, one module per family of formats, and the JSON import.

>>> export_case(case, "story.json")            # the whole case; import_case reads it
>>> export_case(case, "tables.zip")            # actors, claims, events, sources as CSV
>>> export_case(case, "tables", format="csv")  # the same as a folder
>>> export_case(case, "story.graphml")         # or .gexf, for Gephi
>>> export_case(case, "story.timeline.json")   # TimelineJS
>>> export_case(case, "memo.md")               # or memo.html: the verification memo
>>> export_case(case, "story.ftm.json")        # FollowTheMoney entities for Aleph
>>> export_case(case, "story.claimreview.json")  # schema.org ClaimReview JSON-LD
>>> export_case(case, "story.annotations.json")  # W3C Web Annotations of claims, mentions
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .common import FORMATS, ExportError, format_of
from .json_io import dump_case, import_case, write_json

if TYPE_CHECKING:
    from ..case import CaseFile


def export_case(case: CaseFile, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write `case` to `path` in `format` (by default the one its extension names).

    Returns the path written. Raises ExportError for an unknown format or a path that
    cannot take it; an existing file is replaced only once the new one is complete.
    """
    kind = format_of(path, format=format)
    if kind == "json":
        return write_json(case, path)
    if kind == "csv":
        from .tables import write_csv

        return write_csv(case, path)
    if kind in ("graphml", "gexf"):
        from .graph import write_graph

        return write_graph(case, path, format=kind)
    if kind == "timelinejs":
        from .timelinejs import write_timelinejs

        return write_timelinejs(case, path)
    if kind == "ftm":
        from .ftm import write_ftm

        return write_ftm(case, path)
    if kind == "claimreview":
        from .claimreview import write_claimreview

        return write_claimreview(case, path)
    if kind == "annotations":
        from .annotations import write_annotations

        return write_annotations(case, path)
    from .report import write_report

    return write_report(case, path, format=kind)


__all__ = ["FORMATS", "ExportError", "dump_case", "export_case", "format_of", "import_case"]
