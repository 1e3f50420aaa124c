"""Every stored table of a case, row by row, and a new case file built from them.

The export layer writes these rows as JSON and reads them back (`workbench.export.json_io`);
this module is the store's side of it, so export needs nothing but the public API.

A dump of the stored tables, rather than of the read API's records, is what makes the
round trip exact: aliases, pins and undo data never show in the records. A dump records
the case format it was made at; `restore_tables` loads rows of an older format into a case
built at that format and lets the numbered migrations bring it to the current one, exactly
as opening an old case file would: the migrations are the only description of how the
format changed. Values are what SQLite stores: text, numbers and null.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CaseError
from .backend import Database, after_bulk_load, is_server
from .migrations import DERIVED_FORMAT
from .store import Store

if TYPE_CHECKING:
    from .api import CaseFile

CHANGES = "changes"  # the count of changes (format 9): each case counts its own

# Bookkeeping of the schema itself: a new case writes its own; kept derived results, a
# cache the new case works out again; and the actor listing's inputs (format 11), which
# the new case's triggers count again as its mentions load (they hold the mentions'
# rowids, which a load gives anew)
_SKIPPED_TABLES = frozenset({"migrations", "derived", "listing_articles", "listing_texts"})

Row = dict[str, Any]


def dump_tables(case: CaseFile) -> tuple[int, dict[str, list[Row]]]:
    """The case's format version and every stored table, in stored order, from one read."""
    store = case._store  # noqa: SLF001 - the store's own package
    tables: dict[str, list[Row]] = {}
    with store.snapshot():
        for table in _tables(store):
            columns = _columns(store.db, table)
            select = ", ".join(_quote(c) for c in columns)
            rows = store.db.execute(f"SELECT {select} FROM {_quote(table)} ORDER BY rowid")
            tables[table] = [
                dict(zip(columns, row, strict=True))
                for row in rows
                # bookkeeping, its own per case: the count of changes and what each
                # change touched (`touched.py`: `changes:...`)
                if table != "counters" or not _counts_changes(row[0])
            ]
        version = int(store.db.execute("PRAGMA user_version").fetchone()[0])
    return version, tables


def _counts_changes(name: str) -> bool:
    return name == CHANGES or name.startswith(f"{CHANGES}:")


def restore_tables(
    path: str | os.PathLike[str],
    tables: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    case_format: int,
) -> None:
    """A new case file at `path` holding `tables` (as `dump_tables` gave them), migrated to
    the current format.

    Raises CaseError for a table or column this format does not have, for rows that refer
    to nothing, and for a migration that fails on them (the file is then left half made:
    build it under a temporary name). `path` must not exist.
    """
    store = Store.create_at_format(path if is_server(path) else Path(path), case_format)
    try:
        try:
            _load(store, tables)
            store.upgrade()
        except sqlite3.DatabaseError as exc:
            raise CaseError(str(exc)) from None
        # fold the WAL into the file, so the main file alone is the whole case (a server
        # has no such file: the pragma is a no-op there)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()


def _load(store: Store, tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
    known = _tables(store)
    unknown = sorted(set(tables) - set(known))
    if unknown:
        raise CaseError(f"unknown tables {', '.join(unknown)}")
    with store.write("import a case") as tx:
        # rows refer to each other (claims to actors, audit to audit): check at commit
        tx.execute("PRAGMA defer_foreign_keys = ON")
        for table in known:
            columns = set(_columns(store.db, table))
            tx.execute(f"DELETE FROM {_quote(table)}")  # a new case's own metadata
            for row in tables.get(table, ()):
                extra = sorted(set(row) - columns)
                if extra:
                    raise CaseError(f"unknown columns in {table}: {', '.join(extra)}")
                tx.insert(table, row, record=False)
        if store.format_version >= DERIVED_FORMAT:  # the count of changes starts again
            tx.execute(f"INSERT INTO counters VALUES ('{CHANGES}', 0) ON CONFLICT(name) DO NOTHING")
        after_bulk_load(tx.db)


def _tables(store: Store) -> list[str]:
    return [t for t in store.tables() if t not in _SKIPPED_TABLES]


def _columns(db: Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({_quote(table)})")]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


__all__ = ["dump_tables", "restore_tables"]
