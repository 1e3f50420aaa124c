"""The whole case as one JSON file, and back.

The file holds every table of the case as it is stored (articles, actors, aliases with
their pins, mentions, claims, events, relations, links, notes, the audit log with its undo
data, the id counters), row by row in stored order, as `workbench.case.dump_tables` gives
them. Importing it builds a new case file whose read API and tables equal the original's:
every user decision, status, link, note and history entry survives, and `undo` still works.

An export records the case format of the file it came from. One written by an older
release is loaded at that format and then migrated, as an old case file is when opened
(`workbench.case.restore_tables`). An export from a newer release is refused.

Columns the store keeps as JSON text (channels, audit before/after...) are written as JSON
lists and objects, for people reading the file. A stored value is only ever text, a number
or null, so a list or an object in the file always means "JSON text", and it is decoded
only when encoding it again gives back the very same text.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..case import FORMAT_VERSION, CaseFile, dump_tables, restore_tables
from ..case.migrations import now
from ..dates import DateError
from ..errors import CaseError
from ..schema import case_export_problem
from .common import ExportError, replacing

SCHEMA_ID = "workbench.case-export/1"


def _readable(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            decoded = json.loads(value)
        except ValueError:
            return value
        if json.dumps(decoded, ensure_ascii=False) == value:
            return decoded
    return value


def _stored(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def dump_case(case: CaseFile) -> dict[str, Any]:
    """The case as a JSON-ready dict: every stored table, in stored order."""
    version, tables = dump_tables(case)
    return {
        "schema": SCHEMA_ID,
        "case_format": version,
        "exported_at": now(),
        "tables": {
            table: [{c: _readable(v) for c, v in row.items()} for row in rows]
            for table, rows in tables.items()
        },
    }


def write_json(case: CaseFile, path: str | os.PathLike[str]) -> Path:
    data = dump_case(case)
    with replacing(path) as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return Path(path)


def _format_of(data: dict[str, Any], path: str | os.PathLike[str]) -> int:
    version = data.get("case_format")
    latest = FORMAT_VERSION
    if type(version) is not int or version < 1:
        raise ExportError(f"cannot import {path}: unknown case format {version!r}")
    if version > latest:
        raise ExportError(
            f"cannot import {path}: it was written by a newer workbench (case format "
            f"{version}; this release reads formats up to {latest}): upgrade workbench to import it"
        )
    return version


def _read(path: str | os.PathLike[str]) -> tuple[int, dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise ExportError(f"cannot import {path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"cannot import {path}: not a JSON case export ({exc})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_ID:
        raise ExportError(f"cannot import {path}: not a workbench case export ({SCHEMA_ID})")
    version = _format_of(data, path)
    tables = data.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
        for rows in tables.values()
    ):
        raise ExportError(f"cannot import {path}: its 'tables' are not lists of rows")
    # every value, before anything is written: a status no case has, an integer SQLite
    # cannot hold, a row without an id (workbench/schema/case-export-1.json)
    problem = case_export_problem(data)
    if problem is not None:
        raise ExportError(f"cannot import {path}: {problem}")
    return version, tables


def _read_back(path: Path) -> None:
    """Read the imported records back through their types, so a value the case would
    refuse (a date naming no real day, say) refuses the import, not a later read."""
    with CaseFile.open(path) as case:
        case.articles()
        case.events()
        case.actors()
        case.claims()
        case.relations()
        case.links()
        case.notes()
        case.history()


def import_case(path_json: str | os.PathLike[str], case_path: str | os.PathLike[str]) -> CaseFile:
    """A new case file at `case_path` holding the case exported to `path_json`.

    Refuses to overwrite an existing file. The case is built under a temporary name and
    appears at `case_path` only when complete. An export of an older case format is
    loaded at that format and then migrated, as an old case file is when opened.
    """
    target = Path(case_path).expanduser()
    if target.exists():
        raise ExportError(f"cannot import into {target}: the file exists (import makes a new case)")
    if not target.resolve().parent.is_dir():
        raise ExportError(f"cannot import into {target}: its folder does not exist")
    version, tables = _read(path_json)
    workdir = tempfile.mkdtemp(dir=target.resolve().parent, prefix=f".{target.name}.")
    staging = Path(workdir) / "import.case"
    try:
        rows = {
            t: [{c: _stored(v) for c, v in row.items()} for row in r] for t, r in tables.items()
        }
        restore_tables(staging, rows, case_format=version)
        _read_back(staging)
        try:
            os.link(staging, target)
        except FileExistsError:
            raise ExportError(f"cannot import into {target}: the file appeared meanwhile") from None
    except (CaseError, DateError) as exc:
        raise ExportError(f"cannot import {path_json}: {exc}") from None
    finally:
        for leftover in Path(workdir).iterdir():
            leftover.unlink()
        os.rmdir(workdir)
    return CaseFile.open(target)
