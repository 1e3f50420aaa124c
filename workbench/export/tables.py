"""CSV tables for spreadsheets: actors, claims, events and sources, as a folder or a zip.

Lists inside a cell are joined with " | ". Text that a spreadsheet would run as a formula
(starting with =, +, -, @) gets a leading apostrophe: article text is untrusted.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..analysis import CaseReader, claim_rows, source_rows, timeline_rows
from .common import ExportError, replacing

LIST_SEPARATOR = " | "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ACTOR_COLUMNS = (
    "id", "name", "type", "status", "aliases", "roles", "mention_count", "articles", "edited",
)  # fmt: skip
CLAIM_COLUMNS = (
    "id", "article_id", "article_title", "published", "text", "kind", "speaker",
    "speaker_name", "speaker_text", "channels", "channel_names", "status", "review",
    "independent_sources", "flags", "links", "notes",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "start", "end", "precision", "date_text", "label", "actors", "actor_names",
    "claim_id", "claim_status", "article_id", "article_title",
)  # fmt: skip
SOURCE_COLUMNS = (
    "id", "name", "country", "kind", "state_run", "claims", "corroborates", "contradicts",
    "articles",
)  # fmt: skip


def cell(value: Any) -> Any:
    """A value as a spreadsheet cell: lists joined, formulas defused, None empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(str(cell(v)) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def actor_table(case: CaseReader) -> list[tuple[Any, ...]]:
    return [
        (
            a.id,
            a.name,
            a.type.value,
            a.status.value,
            a.aliases,
            a.roles,
            a.mention_count,
            a.articles,
            a.edited,
        )  # fmt: skip
        for a in case.actors()
    ]


def claim_table(case: CaseReader) -> list[tuple[Any, ...]]:
    return [
        (
            r.claim_id,
            r.article_id,
            r.article_title,
            r.published,
            r.text,
            r.kind,
            r.speaker,
            r.speaker_label,
            r.speaker_text,
            r.channels,
            r.channel_names,
            r.status,
            r.review,
            r.independent_sources,
            r.flags,
            [f"{k.relation}: {k.label}" + (f" ({k.note})" if k.note else "") for k in r.links],
            r.notes,
        )  # fmt: skip
        for r in claim_rows(case)
    ]


def event_table(case: CaseReader) -> list[tuple[Any, ...]]:
    return [
        (
            r.event_id,
            r.start.isoformat(),
            r.end.isoformat(),
            r.precision,
            r.date_text,
            r.label,
            r.actors,
            r.actor_names,
            r.claim_id,
            r.claim_status,
            r.article_id,
            r.article_title,
        )  # fmt: skip
        for r in timeline_rows(case)
    ]


def source_table(case: CaseReader) -> list[tuple[Any, ...]]:
    return [
        (
            r.actor_id,
            r.name,
            r.country,
            r.kind,
            r.state_run,
            r.claims,
            r.corroborates,
            r.contradicts,
            r.articles,
        )  # fmt: skip
        for r in source_rows(case)
    ]


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return buffer.getvalue()


def case_tables(case: CaseReader) -> dict[str, str]:
    """File name -> CSV text, for every table."""
    return {
        "actors.csv": csv_text(ACTOR_COLUMNS, actor_table(case)),
        "claims.csv": csv_text(CLAIM_COLUMNS, claim_table(case)),
        "events.csv": csv_text(EVENT_COLUMNS, event_table(case)),
        "sources.csv": csv_text(SOURCE_COLUMNS, source_table(case)),
    }


def write_csv(case: CaseReader, path: str | os.PathLike[str]) -> Path:
    """A .zip of the tables, or a folder of them (created if missing, files replaced)."""
    target = Path(path)
    tables = case_tables(case)
    if target.suffix.lower() == ".zip":
        with (
            replacing(target, mode="wb") as handle,
            zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for name, text in tables.items():
                archive.writestr(name, text)
        return target
    if target.exists() and not target.is_dir():
        raise ExportError(f"cannot write CSV tables into {target}: it is a file, not a folder")
    try:
        target.mkdir(exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create the folder {target}: {exc.strerror or exc}") from None
    for name, text in tables.items():
        with replacing(target / name) as handle:
            handle.write(text)
    return target
