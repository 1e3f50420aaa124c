"""Looking at a stored case from outside the store, on either back end: the tests' own
view of the rows, not the store's (an SQLite connection, or psycopg with no translation)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from workbench.case import FORMAT_VERSION
from workbench.case.postgres import Location, is_url


@contextmanager
def raw(location: Path | str) -> Iterator[Any]:
    """A plain connection to the case (read it; SQL in the back end's own dialect)."""
    if is_url(str(location)):
        import psycopg

        where = Location(str(location))
        with psycopg.connect(where.conninfo, autocommit=True) as db:
            db.execute(f'SET search_path TO "{where.schema}"')
            yield db
        return
    db = sqlite3.connect(f"file:{location}?mode=ro", uri=True)
    try:
        yield db
    finally:
        db.close()


def rows(location: Path | str, sql: str) -> list[tuple]:
    with raw(location) as db:
        return [tuple(r) for r in db.execute(sql).fetchall()]


def integrity(location: Path | str) -> str:
    """Gives "ok" for a case whose every table reads back whole: SQLite's integrity check of the
    file; on the server (which checks its own pages) every table read through and the
    case's format recorded."""
    if not is_url(str(location)):
        db = sqlite3.connect(location)
        try:
            return str(db.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            db.close()
    with raw(location) as db:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            ).fetchall()
        ]
        for table in tables:
            db.execute(f'SELECT * FROM "{table}"').fetchall()
        version = db.execute("SELECT value FROM pragmas WHERE name = 'user_version'").fetchone()
        return "ok" if version and version[0] == FORMAT_VERSION else f"format {version}"


def foreign_key_problems(location: Path | str) -> list:
    """Rows referring to nothing. The server refuses any commit that would leave one (its
    foreign keys are checked at the latest at commit), so there it is the commit's check."""
    if is_url(str(location)):
        return []
    db = sqlite3.connect(f"file:{location}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        db.close()
