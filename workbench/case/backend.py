"""The two back ends of the store, and the few things they do differently.

A case is an SQLite file (the default: a path) or a schema on a PostgreSQL server (a
`postgresql://` URL). The case modules write SQLite's SQL against Python's sqlite3 API;
on PostgreSQL, `postgres.Connection` offers that API and translates (`sqlpg`). What cannot
be one statement for both is here, answered per back end.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeAlias

from ..errors import CaseError
from . import postgres

Database: TypeAlias = sqlite3.Connection | postgres.Connection
Cursor: TypeAlias = sqlite3.Cursor | postgres.Cursor
Location: TypeAlias = str | os.PathLike[str]

is_server = postgres.is_url


def on_server(db: Database) -> bool:
    return isinstance(db, postgres.Connection)


def tables(db: Database) -> list[str]:
    """The case's tables in the order they were made (bookkeeping of each back end aside)."""
    if isinstance(db, postgres.Connection):
        return db.tables()
    rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
    return [r[0] for r in rows if not r[0].startswith("sqlite_")]


def after_bulk_load(db: Database) -> None:
    """After rows were inserted with their own ids (a restore, a copy): the next id made
    must follow them. SQLite's AUTOINCREMENT keeps track by itself; sequences do not."""
    if isinstance(db, postgres.Connection):
        db.reset_sequences()


def inserted_id(db: Database, sql: str, params: Sequence[Any]) -> int:
    """INSERT one row and give its INTEGER PRIMARY KEY: SQLite's lastrowid (RETURNING needs
    SQLite 3.35, newer than some supported systems ship), RETURNING on the server."""
    if isinstance(db, postgres.Connection):
        row = db.execute(f"{sql} RETURNING id", params).fetchone()
        return int(row[0])
    return int(db.execute(sql, params).lastrowid or 0)


def next_counter(db: Database, name: str) -> int:
    """The counter `name` plus one, stored. One round trip on the server, where each costs."""
    upsert = "INSERT INTO counters VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1"
    if isinstance(db, postgres.Connection):
        return int(db.execute(f"{upsert} RETURNING value", (name,)).fetchone()[0])
    db.execute(upsert, (name,))
    return int(db.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()[0])


COUNT_CHANGE = "UPDATE counters SET value = value + 1 WHERE name = 'changes'"


def commit_change(
    db: Database, insert: tuple[str, Sequence[Any]] | None = None, count: str = COUNT_CHANGE
) -> int | None:
    """Commit a write, bumping the case's count of changes (format 9: what kept derived
    results are stamped with) in the same transaction; `insert` first, an INSERT whose id
    is wanted (an action's audit row, its last write), whose id is returned. On the server
    all go in one round trip, as the COMMIT alone did. Before format 9 the count is
    missing and stays so. `count`: the statement that counts (`Store.write` gives one that
    also notes which tables and columns changed, `changes.py`)."""
    if isinstance(db, postgres.Connection):
        return db.commit_counting(count, insert)
    found = None if insert is None else int(db.execute(*insert).lastrowid or 0)
    db.execute(count)
    db.execute("COMMIT")
    return found


def change_token(db: Database) -> object:
    """A value that differs whenever the case may have changed since it was taken, by this
    connection or any other: what derived results (corroboration, similar claims) are kept
    by. Equal tokens promise an unchanged case; a change elsewhere in the database (another
    case's schema on the same server) may change it too, costing only a recomputation.

    SQLite: this connection's count of rows written, with `data_version`, which moves when
    another connection commits. PostgreSQL: the server's current snapshot
    (xmin:xmax:in-progress ids), which moves when any transaction that wrote commits or
    starts writing. One cheap statement either way."""
    if isinstance(db, postgres.Connection):
        return db.execute("SELECT pg_current_snapshot()::text").fetchone()[0]
    return db.total_changes, db.execute("PRAGMA data_version").fetchone()[0]


class ServerCasePath(type(Path())):  # type: ignore[misc]  # PosixPath or WindowsPath, at run time
    """A server case's stand-in for a file path: `str()` is its URL without the password,
    `.name` and `.stem` the case's name, so code that shows or names a case by its path
    works unchanged. Nothing is ever opened through it."""

    _shown: str

    def __new__(cls, location: postgres.Location) -> ServerCasePath:
        made = super().__new__(cls, location.schema)
        made._shown = str(location)
        return made

    def __init__(self, location: postgres.Location) -> None:
        if sys.version_info >= (3, 12):  # pathlib parses in __init__ from 3.12 on
            super().__init__(location.schema)

    def with_segments(self, *segments: str | os.PathLike[str]) -> Path:
        """3.12 on: a path made from this one (`.parent`, `/`) is a plain path."""
        return Path(*segments)

    def __str__(self) -> str:
        return getattr(self, "_shown", None) or super().__str__()

    def __repr__(self) -> str:
        return f"ServerCasePath({str(self)!r})"

    def __fspath__(self) -> str:
        return str(self)


def shown(location: Location) -> str:
    """A location as messages show it: a URL without its password."""
    if is_server(location):
        try:
            return str(postgres.Location(str(location)))
        except (CaseError, ValueError):  # too broken to parse: its scheme only
            return str(location).split("://", 1)[0] + "://..."
    return str(location)


__all__ = [
    "Cursor",
    "Database",
    "Location",
    "ServerCasePath",
    "after_bulk_load",
    "change_token",
    "commit_change",
    "inserted_id",
    "next_counter",
    "is_server",
    "on_server",
    "shown",
    "tables",
]
