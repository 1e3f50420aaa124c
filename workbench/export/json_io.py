"""The whole case as one JSON file, and back.

The file holds every table of the case as it is stored (articles, actors, aliases with
their pins, mentions, claims, events, relations, links, notes, the audit log with its undo
data, the id counters), row by row in stored order. Importing it builds a new case file
whose read API and tables equal the original's: every user decision, status, link, note
and history entry survives, and `undo` still works.

A dump of the stored tables, rather than of the read API's records, is what makes the
round trip exact: aliases, pins and undo data never show in the records.

An export records the case format of the file it came from. One written by an older
release is loaded into a case built at that older format, and the numbered migrations
then bring it to the current one, exactly as opening an old case file would: the
migrations are the only description of how the format changed. An export from a newer
release is refused.

Columns the store keeps as JSON text (channels, audit before/after...) are written as JSON
lists and objects, for people reading the file. A stored value is only ever text, a number
or null, so a list or an object in the file always means "JSON text", and it is decoded
only when encoding it again gives back the very same text.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from ..case import Case, migrations
from ..case.migrations import now
from ..case.store import Store
from .common import ExportError, replacing

SCHEMA_ID = "workbench.case-export/1"

# Bookkeeping of the schema itself: a new case writes its own.
_SKIPPED_TABLES = frozenset({"migrations", "sqlite_sequence"})


def _store_of(case: Case) -> Store:
    # `Case` has no public dump/restore yet; the store is the only complete view of a case.
    return case._store  # noqa: SLF001


def _tables(db: sqlite3.Connection) -> list[str]:
    names = [
        r[0]
        for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
    ]
    return [n for n in names if n not in _SKIPPED_TABLES and not n.startswith("sqlite_")]


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({_quote(table)})")]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


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


def dump_case(case: Case) -> dict[str, Any]:
    """The case as a JSON-ready dict: every stored table, in stored order."""
    store = _store_of(case)
    tables: dict[str, list[dict[str, Any]]] = {}
    with store.snapshot():
        for table in _tables(store.db):
            columns = _columns(store.db, table)
            select = ", ".join(_quote(c) for c in columns)
            rows = store.db.execute(f"SELECT {select} FROM {_quote(table)} ORDER BY rowid")
            tables[table] = [
                {c: _readable(v) for c, v in zip(columns, row, strict=True)} for row in rows
            ]
        version = store.db.execute("PRAGMA user_version").fetchone()[0]
    return {
        "schema": SCHEMA_ID,
        "case_format": version,
        "exported_at": now(),
        "tables": tables,
    }


def write_json(case: Case, path: str | os.PathLike[str]) -> Path:
    data = dump_case(case)
    with replacing(path) as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return Path(path)


def _format_of(data: dict[str, Any], path: str | os.PathLike[str]) -> int:
    version = data.get("case_format")
    latest = migrations.FORMAT_VERSION
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
    return version, tables


def _load_tables(store: Store, tables: dict[str, list[dict[str, Any]]], source: str) -> None:
    known = set(_tables(store.db))
    unknown = sorted(set(tables) - known)
    if unknown:
        raise ExportError(f"cannot import {source}: unknown tables {', '.join(unknown)}")
    with store.write("import a case") as tx:
        # rows refer to each other (claims to actors, audit to audit): check at commit
        tx.execute("PRAGMA defer_foreign_keys = ON")
        for table in _tables(store.db):
            rows = tables.get(table, [])
            columns = set(_columns(store.db, table))
            tx.execute(f"DELETE FROM {_quote(table)}")  # a new case's own metadata
            for row in rows:
                extra = sorted(set(row) - columns)
                if extra:
                    raise ExportError(
                        f"cannot import {source}: unknown columns in {table}: {', '.join(extra)}"
                    )
                tx.insert(table, {c: _stored(v) for c, v in row.items()}, record=False)


def import_case(path_json: str | os.PathLike[str], case_path: str | os.PathLike[str]) -> Case:
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
        store = Store.create_at_format(staging, version)
        try:
            _load_tables(store, tables, str(path_json))
            store.upgrade()
            # fold the WAL into the file: only the main file is linked into place
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            store.close()
        try:
            os.link(staging, target)
        except FileExistsError:
            raise ExportError(f"cannot import into {target}: the file appeared meanwhile") from None
    except sqlite3.DatabaseError as exc:
        raise ExportError(f"cannot import {path_json}: {exc}") from None
    finally:
        for leftover in Path(workdir).iterdir():
            leftover.unlink()
        os.rmdir(workdir)
    return Case.open(target)
