"""A case moved whole between back ends: an SQLite file to a PostgreSQL server and back.

Every stored table goes across row by row (`dump_tables` / `restore_tables`), so the copy
holds what the read API never shows too: alias rules and pins, row versions, the audit log
with each action's session and the row changes its undo replays. The copy is then read
back and compared with the original, table by table and row by row; only then is it
declared made. A copy that fails is removed, never left half made under its name.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..errors import CaseError
from . import backend, postgres
from .api import CaseFile
from .dump import dump_tables, restore_tables
from .store import BUSY_TIMEOUT_MS

Tables = dict[str, list[dict[str, Any]]]


def case_exists(location: backend.Location) -> bool:
    """Whether a case is stored there (a file, or a case on the server)."""
    if not backend.is_server(location):
        return Path(location).expanduser().exists()
    reason = postgres.missing_driver()
    if reason is not None:
        raise CaseError(reason)
    db = postgres.connect(str(location), busy_timeout_ms=1000)
    try:
        return db.is_case()
    finally:
        db.close()


def copy_case(source: backend.Location, dest: backend.Location) -> dict[str, int]:
    """Copy the case at `source` to `dest`, which must not hold a case yet. Returns how many
    rows of each table were copied (after checking the copy holds exactly the same)."""
    if backend.shown(source) == backend.shown(dest):
        raise CaseError("the source and the destination are the same case")
    if not case_exists(source):
        raise CaseError(f"{backend.shown(source)}: no such case")
    if case_exists(dest):
        raise CaseError(f"cannot copy to {backend.shown(dest)}: a case is there already")
    with CaseFile.open(source) as original:
        version, tables = dump_tables(original)
    if backend.is_server(dest):
        _copy_to_server(str(dest), tables, version)
    else:
        _copy_to_file(Path(dest).expanduser(), tables, version)
    return {table: len(rows) for table, rows in tables.items()}


def _copy_to_file(target: Path, tables: Tables, version: int) -> None:
    folder = target.resolve().parent
    if not folder.is_dir():
        raise CaseError(f"cannot copy to {target}: the folder {folder} does not exist")
    # built aside, linked into place once checked: never a half-made case under its name
    workdir = Path(tempfile.mkdtemp(dir=folder, prefix=f".{target.name}."))
    staging = workdir / "copy.case"
    try:
        restore_tables(staging, tables, case_format=version)
        _check_same(staging, tables, version)
        try:
            os.link(staging, target)
        except FileExistsError:
            raise CaseError(f"cannot copy to {target}: the file appeared meanwhile") from None
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _copy_to_server(url: str, tables: Tables, version: int) -> None:
    try:
        restore_tables(url, tables, case_format=version)
        _check_same(url, tables, version)
    except BaseException:
        _drop_server_case(url)
        raise


def _drop_server_case(url: str) -> None:
    """Remove what a failed copy made (the case was not there before it)."""
    db = postgres.connect(url, busy_timeout_ms=BUSY_TIMEOUT_MS)
    try:
        db.drop_case()
    finally:
        db.close()


def _check_same(location: backend.Location, tables: Tables, version: int) -> None:
    """The copy holds the same rows as the original, table by table, in the same order."""
    with CaseFile.open(location) as copy:
        copied_version, copied = dump_tables(copy)
    if copied_version != version:
        raise CaseError(f"the copy is at case format {copied_version}, the original {version}")
    for table in sorted(set(tables) | set(copied)):
        mine, theirs = tables.get(table, []), copied.get(table, [])
        if len(mine) != len(theirs):
            raise CaseError(
                f"the copy's {table} holds {len(theirs)} rows, the original's {len(mine)}"
            )
        for number, (row, other) in enumerate(zip(mine, theirs, strict=True), start=1):
            if row != other:
                differ = sorted(k for k in set(row) | set(other) if row.get(k) != other.get(k))
                raise CaseError(
                    f"the copy's {table} row {number} differs from the original "
                    f"({', '.join(differ)})"
                )
