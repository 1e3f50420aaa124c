"""The connection behind a case: opening safely, transactions, and undo-able writes.

A case is an SQLite file (a path: the default, no server needed) or a schema on a
PostgreSQL server (a `postgresql://` URL, see `postgres.py`); the code below is written
once, against Python's sqlite3 API, which the PostgreSQL connection offers too (its rows
are `sqlite3.Row`s and its errors `sqlite3` errors).

Opening never writes to a file it then refuses: the header, the application id and the
format version are checked first. A new case is built in a temporary file and linked into
place only when complete, so a crash never leaves a half-made case under the user's name.

The case file is only ever read through SQLite, never with `open()`: SQLite's locks are
POSIX locks, which the kernel drops for the whole process when any descriptor on the file
is closed, so a stray `open()` while another `Store` on the same file is open in this
process would silently take that one's locks away (and with them, its WAL).

A `Store` may be used from any thread of its process: its connection is shared, and a
re-entrant lock, held for every statement, snapshot and transaction, keeps two threads
from interleaving on it.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar, cast

from ..dates import PartialDate
from ..errors import CaseError
from . import backend, derived, pagecheck, postgres, touched
from .backend import Cursor, Database, Location, ServerCasePath
from .derived import Codec
from .migrations import (
    APP_NAME,
    APPLICATION_ID,
    DERIVED_FORMAT,
    FORMAT_VERSION,
    VERSIONED_TABLES,
    apply_migrations,
    make_derived_table,
)

T = TypeVar("T")

BUSY_TIMEOUT_MS = 15_000
SQLITE_NOTADB = 26  # the primary result code of "file is not a database"

# primary key columns of the tables an undo can touch
KEYS: dict[str, tuple[str, ...]] = {"aliases": ("norm", "type")}


def _key_columns(table: str) -> tuple[str, ...]:
    return KEYS.get(table, ("id",))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _connect(uri: str) -> sqlite3.Connection:
    # any thread may use it: `Store.lock` keeps them from interleaving
    db = sqlite3.connect(
        uri,
        uri=True,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
    )
    db.row_factory = sqlite3.Row
    return db


def _file_uri(path: Path, **params: str) -> str:
    from urllib.parse import quote

    query = "&".join(f"{k}={v}" for k, v in params.items())
    return "file:" + quote(str(path.resolve())) + (f"?{query}" if query else "")


def _check_file(path: Path) -> None:
    """What can be told without opening the file: `stat` and `access` take no descriptor."""
    if path.is_dir():
        raise CaseError(f"{path} is a folder, not a case file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CaseError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not os.access(path, os.R_OK):
        raise CaseError(f"cannot read {path}: permission denied")
    if size == 0:
        raise CaseError(f"{path} is empty, not a case file")


def _not_a_database(exc: sqlite3.DatabaseError) -> bool:
    return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == SQLITE_NOTADB


def _check_sqlite(db: sqlite3.Connection, path: Path) -> None:
    """SQLite reads the header: anything but an SQLite database is refused, untouched."""
    try:
        db.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        if _not_a_database(exc):
            raise CaseError(f"{path} is not a case file (not an SQLite database)") from None
        raise


def _check_case(db: Database, path: Path) -> int:
    """The file's format version, after checking that it is a case this release can read."""
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            what = "a PostgreSQL schema" if backend.on_server(db) else "an SQLite database"
            raise CaseError(f"{path} is {what} but not a workbench case file")
        if version > FORMAT_VERSION:
            raise CaseError(
                f"{path} was written by a newer workbench (case format {version}; this "
                f"release reads formats up to {FORMAT_VERSION}): upgrade workbench to open it"
            )
        if version < 1:
            # a case is only ever linked into place complete, at format 1 or later: this
            # is another program's database with our id, and no table may be added to it
            raise CaseError(f"{path} is not a workbench case file (no case format recorded)")
        row = db.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
        if row is None or row[0] != APP_NAME:
            raise CaseError(f"{path} is not a workbench case file (no case metadata)")
        return int(version)
    except sqlite3.DatabaseError as exc:
        raise CaseError(f"{path} is damaged and cannot be read as a case file ({exc})") from None


def _check_pages(db: sqlite3.Connection, path: Path) -> pagecheck.Signature | None:
    """The file's pages checked unless unchanged since its last clean check; the signature
    the user's record now vouches for, if any."""
    # a damaged page deep in the file would otherwise surface only mid-session; the check
    # reads every page (most of a large case's open), so a file unchanged since its last
    # clean check is not read again (pagecheck.py)
    before = pagecheck.signature(path)
    if pagecheck.unchanged_since_check(path, before):
        return before
    started = time.time_ns()
    problems = [row[0] for row in db.execute("PRAGMA quick_check(3)").fetchall()]
    if problems != ["ok"]:
        raise CaseError(f"{path} is damaged ({'; '.join(problems)}): restore it from a copy")
    return before if pagecheck.remember(path, before, started) else None


class Store:
    """One connection to one case file. Reads see committed data; writes go through `write()`."""

    def __init__(
        self,
        db: Database,
        path: Path,
        *,
        readonly: bool,
        format_version: int = FORMAT_VERSION,
    ) -> None:
        self.db = db
        self.path = path
        self.readonly = readonly
        self.format_version = format_version
        # held for every use of `db`; whoever uses `db` directly holds it too (or is
        # inside `snapshot()` or `write()`, which hold it)
        self.lock = threading.RLock()
        self.closed = False
        # kind -> derived results kept while what they read is unchanged, the last asked
        # for of each kind (`derived`)
        self._derived: dict[Hashable, _Kept] = {}
        # name -> a caller's own dict, held in memory with this connection only and
        # emptied on close (`memory`)
        self._memory: dict[Hashable, dict[Any, Any]] = {}
        # whether the case's `derived` table has signed rows (`derived.signed_table`)
        self.signed_derived: bool | None = None
        self._writing = False  # inside `write()`: its changes are not counted yet
        # what this connection's last commits touched, oldest first (`_journal_start` is
        # the place of the first in all it made): a kept result is brought up to date
        # from them when they are all the changes made since it (`derived`'s `update`)
        self._journal: list[touched.Touched] = []
        self._journal_start = 0
        self._journal_rows = 0  # the rows its entries note, in all (`JOURNAL_ROWS`)
        # results waiting to be written into the case, by kind (the latest of each), and
        # the thread writing them (`_keep_later`)
        self._to_keep: dict[str, tuple[Hashable, int, Callable[[], Any]]] = {}
        self._keeper: threading.Thread | None = None
        self._closing = False
        # a file: the signature its page check's record vouched for at open, and the
        # file's as this store's own last write of a kept result left it (None once
        # anything else may have written): see `close` and pagecheck.py
        self._vouched: pagecheck.Signature | None = None
        self._own_state: pagecheck.Signature | None = None

    @classmethod
    def open(cls, path: Location) -> Store:
        """Open (creating if missing) and upgrade to the latest format."""
        if backend.is_server(path):
            return cls._open_server(str(path), upgrade=True, create=True)
        path = Path(path).expanduser()
        if not path.exists():
            _create(path)
        return cls._open(path, upgrade=True)

    @classmethod
    def create_at_format(cls, path: Location, format_version: int) -> Store:
        """A new, empty case at an older format, not upgraded: for loading an export that an
        older release wrote, before `upgrade()` runs the migrations over its rows."""
        if backend.is_server(path):
            return cls._open_server(str(path), upgrade=False, create=True, fresh=format_version)
        path = Path(path).expanduser()
        if path.exists():
            raise CaseError(f"cannot create {path}: the file exists")
        _create(path, format_version=format_version)
        return cls._open(path, upgrade=False)

    def upgrade(self) -> None:
        """Run the migrations from this file's format to the latest, data steps included.

        A step that fails is rolled back whole and its SQLite error raised."""
        if self.readonly:
            raise CaseError(f"{self.path} is read-only: cannot upgrade it")
        with self.lock:
            self._check_open("upgrade it")
            if self.format_version < FORMAT_VERSION:
                self.format_version = apply_migrations(self.db, current=self.format_version)

    @classmethod
    def _open(cls, path: Path, *, upgrade: bool) -> Store:
        _check_file(path)
        readonly = not _writable(path)
        db = _open_connection(path, readonly=readonly)
        try:
            _check_sqlite(db, path)
            version = _check_case(db, path)
            vouched = _check_pages(db, path)
            if not readonly:
                db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                db.execute("PRAGMA journal_mode = WAL")
                # FULL: a commit survives power loss too, not only a killed process
                db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            if version < FORMAT_VERSION and upgrade:
                if readonly:
                    raise CaseError(
                        f"{path} uses an older case format ({version}) and is read-only: "
                        "open a writable copy to upgrade it"
                    )
                version = apply_migrations(db, current=version)
        except sqlite3.DatabaseError as exc:
            _close(db)
            raise CaseError(
                f"{path} is damaged and cannot be read as a case file ({exc})"
            ) from None
        except BaseException:
            _close(db)
            raise
        opened = cls(db, path, readonly=readonly, format_version=version)
        opened._vouched = opened._own_state = vouched
        return opened

    @classmethod
    def _open_server(
        cls, url: str, *, upgrade: bool, create: bool, fresh: int | None = None
    ) -> Store:
        """A case on a PostgreSQL server; made first if the schema holds none (`create`), or
        made at format `fresh` and refused if it exists already."""
        reason = postgres.missing_driver()
        if reason is not None:
            raise CaseError(reason)
        db = postgres.connect(url, busy_timeout_ms=BUSY_TIMEOUT_MS)
        where = ServerCasePath(db.location)
        try:
            if fresh is not None and db.is_case():
                raise CaseError(f"cannot create {where}: a case exists there")
            if create and not db.is_case():
                # a first open racing this one may make the case between the two looks (its
                # tables and its format come in one transaction): tables are refused only
                # while there is still no case beside them
                if not db.is_empty() and not db.is_case():
                    raise CaseError(
                        f"{where} holds tables but no workbench case: name another case "
                        "(case=NAME in the URL) or another database"
                    )
                db.create_schema()
                # two first opens may race: the writers' lock and the format check inside
                # each migration step make the second one's steps no-ops
                apply_migrations(db, current=0, target=fresh)
            version = _check_case(db, where)
            readonly = db.read_only()
            if version < FORMAT_VERSION and upgrade:
                if readonly:
                    raise CaseError(
                        f"{where} uses an older case format ({version}) and is read-only: "
                        "ask for write access to upgrade it"
                    )
                version = apply_migrations(db, current=version)
        except sqlite3.DatabaseError as exc:
            db.close()
            raise CaseError(f"cannot open {where} as a case ({exc})") from None
        except BaseException:
            db.close()
            raise
        return cls(db, where, readonly=readonly, format_version=version)

    def tables(self) -> list[str]:
        """The stored tables, oldest first."""
        with self.lock:
            self._check_open("read it")
            return backend.tables(self.db)

    def close(self) -> None:
        """Close the connection (waiting for another thread's statement or transaction, and
        for the results being kept to be written)."""
        self._closing = True
        self.settle()
        with self.lock:
            if not self.closed:
                self.closed = True
                # a closed case's results can no longer be asked for: the case object may
                # live on (a notebook's name for it), what it held need not
                self._derived.clear()
                self._memory.clear()
                # written to since its check only by this store's keeping of results: the
                # check's record follows the file as closing leaves it (pagecheck.carry)
                carrying = (
                    self._vouched is not None
                    and self._own_state is not None
                    and self._own_state != self._vouched
                    and pagecheck.signature(self.path) == self._own_state
                )
                _close(self.db)
                if carrying and self._vouched is not None:
                    pagecheck.carry(self.path, self._vouched, pagecheck.signature(self.path))

    def _check_open(self, what: str) -> None:
        if self.closed:
            raise CaseError(f"{self.path} is closed: cannot {what}")

    # --- reading ---------------------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[sqlite3.Row]:
        with self.lock:
            self._check_open("read it")
            try:
                return self.db.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                raise CaseError(f"cannot read {self.path}: {exc}") from None

    def row(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> sqlite3.Row | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Several reads that see one consistent state (another process may be writing).

        The block holds the lock: other threads of this process wait until it ends."""
        with self.lock:
            self._check_open("read it")
            if self.db.in_transaction:  # this thread's own: only it can hold the lock
                yield self
                return
            self.db.execute("BEGIN")
            try:
                yield self
            finally:
                if not self.closed:  # a close inside the block ended the transaction
                    self.db.execute("COMMIT")

    def change_token(self) -> object:
        """Differs whenever the case may have changed since it was taken: from format 9 the
        case's count of changes (`derived.count`), which every committed write bumps and
        which keeping a result leaves alone; before, `backend.change_token`."""
        with self.lock:
            self._check_open("read it")
            try:
                if self.format_version >= DERIVED_FORMAT:
                    count = derived.count(self)
                    if count is not None:
                        return count
                return backend.change_token(self.db)
            except sqlite3.DatabaseError as exc:
                raise CaseError(f"cannot read {self.path}: {exc}") from None

    def stamp(self, depends: touched.Depends | None) -> object:
        """`change_token()`, narrowed to what `depends` names (format 9 on): the count at
        which any of it last changed, so a change elsewhere leaves it as it was
        (`touched.py`). One statement."""
        return self._stamp(depends)[0]

    def _stamp(self, depends: touched.Depends | None) -> tuple[object, int | None]:
        """`stamp(depends)`, and the case's count of changes (None before format 9)."""
        if self.format_version < DERIVED_FORMAT:
            return self.change_token(), None
        names = touched.wanted(depends)
        with self.lock:
            self._check_open("read it")
            try:
                rows = self.db.execute(
                    "SELECT name, value FROM counters WHERE name IN "
                    f"({', '.join('?' for _ in names)})",
                    names,
                ).fetchall()
            except sqlite3.DatabaseError as exc:
                raise CaseError(f"cannot read {self.path}: {exc}") from None
        counters = {row[0]: row[1] for row in rows}
        found = touched.stamp(counters, depends)
        if found is None:
            return self.change_token(), None
        return found, int(counters["changes"])

    def derived(
        self,
        name: Hashable,
        compute: Callable[[], T],
        codec: derived.Codec[T] | None = None,
        depends: touched.Depends | None = None,
        update: Callable[[T, list[touched.Touched]], T | None] | None = None,
    ) -> T:
        """`compute()`, kept until the case changes: a large case's corroboration or similar
        claims take seconds, and a person looks at them again and again between edits.

        The token is taken before `compute` reads, so a change made while it runs leaves
        the result under the older token: the next call sees a new token and computes
        again. Not computed under the lock: other threads keep reading meanwhile (two
        threads asking at once may both compute). Inside a change of this thread (its own
        uncommitted writes, which the count does not show yet) nothing is kept or reused;
        inside a read snapshot the token is the snapshot's, and a kept result is used (one
        computed there is held in memory only: nothing can be written into the case).

        A tuple `name` is a result's kind and its arguments, ("similar claims", 0.6, 5):
        one result is kept per kind, the last asked for, so a person trying threshold
        after threshold does not leave one large result per value held.

        With a `codec` (format 9 on) the result is also kept in the case itself
        (`derived.py`), for the next session or another connection: read back while the
        case's count of changes is the one it was computed at.

        `depends`: what `compute` reads (tables, and columns of them): the result is then
        kept by the count at which any of that last changed (`stamp`), and an edit of
        anything else leaves it valid. None: the whole case.

        `update(result, touched)`: the result held in memory brought up to date with what
        this connection's commits since touched (when they are all the changes made since
        it, `touched.Touched`), or None to compute it again.

        A result is handed back first and written into the case afterwards, by a thread
        of the store's own (`_keep_later`; `close` waits for it)."""
        kind = name[0] if isinstance(name, tuple) and name else name
        with self.lock:
            if self._writing:
                return compute()
            token, count = self._stamp(depends)
            position = self._journal_start + len(self._journal)
            kept = self._derived.pop(kind, None)
            if kept is not None and (kept.name, kept.token) == (name, token):
                self._derived[kind] = kept
                return cast(T, kept.result)
            if kept is not None and update is not None and kept.name == name:
                brought = self._brought_up_to_date(kept, update, count)
                if brought is not None:
                    self._derived[kind] = _Kept(name, token, brought, count, position)
                    # as below: inside this thread's snapshot (a memo's) not encoded for nothing
                    if (
                        codec is not None
                        and isinstance(token, int)
                        and not self.readonly
                        and not self.db.in_transaction
                    ):
                        self._keep_later(str(kind), name, token, codec, brought)
                    return brought
            # a stale result (or another argument's) is let go before computing: two of a
            # large case's would be held at once (and every full garbage collection walks
            # what is held)
            stored = None
            if codec is not None and isinstance(token, int):
                try:
                    stored = derived.read(self, str(kind), name, token)
                except sqlite3.DatabaseError as exc:
                    raise CaseError(f"cannot read {self.path}: {exc}") from None
            if stored is not None:
                try:
                    result = codec.decode(stored)  # type: ignore[union-attr]  # set with stored
                except Exception:  # noqa: BLE001 - not what this code keeps, or damaged (a
                    pass  # bad date is a DateError, a deep one a RecursionError): computed again
                else:
                    self._derived[kind] = _Kept(name, token, result, count, position)
                    return result
        result = compute()
        with self.lock:
            self._derived[kind] = _Kept(name, token, result, count, position)
            # inside this thread's snapshot (the lock is held through it) nothing can be
            # written: encoding a large result for nothing is skipped too
            keeping = not self.db.in_transaction
        if keeping and codec is not None and isinstance(token, int) and not self.readonly:
            self._keep_later(str(kind), name, token, codec, result)
        return result

    def memory(self, name: Hashable) -> dict[Any, Any]:
        """A dict of the caller's, kept in memory with this connection (never in the case)
        and emptied when it closes: for what outlives one call but must not outlive the
        case, such as the memo's HTML of each claim by its row (`export.report`)."""
        with self.lock:
            self._check_open("keep anything for it")
            return self._memory.setdefault(name, {})

    def _brought_up_to_date(
        self, kept: _Kept, update: Callable[[Any, list[touched.Touched]], Any], count: int | None
    ) -> Any:
        """`update(kept result, what was touched since)`, when this connection's journal
        holds every change made since the result (the case's count moved by as many),
        else None. Under the lock."""
        if count is None or kept.count is None:
            return None
        since = kept.position - self._journal_start
        if since < 0:  # older than the journal holds
            return None
        entries = self._journal[since:]
        if count - kept.count != len(entries):  # another connection wrote meanwhile
            return None
        with self.snapshot():
            # the update reads in this snapshot: a commit of another connection since the
            # count was read would be in what it reads but not in `entries`
            if derived.count(self) != count:
                return None
            return update(kept.result, entries)

    def _keep_later(
        self, kind: str, name: Hashable, token: int, codec: Codec[Any], result: Any
    ) -> None:
        """Write `result` into the case after handing it back: encoding a large one (JSON,
        zlib, its signature) is a quarter of computing it. One thread of the store's own
        writes the latest result of each kind, then ends; `settle` waits for it."""
        with self.lock:
            self._to_keep[kind] = (name, token, lambda: codec.encode(result))
            if self._keeper is None or not self._keeper.is_alive():
                self._keeper = threading.Thread(
                    target=self._keep_pending, name="workbench-keep", daemon=True
                )
                self._keeper.start()

    def _keep_pending(self) -> None:
        while True:
            if not self._lock_unless_closing():
                return
            try:
                if not self._to_keep:
                    return
                kind = next(iter(self._to_keep))
                name, token, encode = self._to_keep.pop(kind)
            finally:
                self.lock.release()
            # keeping is only a saving: whatever fails, the next session computes it again
            # (the result was handed back already)
            with contextlib.suppress(Exception):
                derived.write(self, kind, name, token, encode())

    def _lock_unless_closing(self) -> bool:
        """Take the lock, unless the store is closing while another thread holds it (a
        close from inside a snapshot: the keeper must not keep `close` waiting for it)."""
        while not self.lock.acquire(timeout=0.05):
            if self._closing:
                return False
        return True

    def settle(self) -> None:
        """Wait until the results being kept are written into the case; inside a snapshot
        (this thread holds the lock the keeper writes under) only while closing, when the
        keeper gives up at its next wait for the lock (`_lock_unless_closing`, the only way
        it takes it): otherwise they are written once the snapshot ends."""
        keeper = self._keeper
        if keeper is None or keeper is threading.current_thread():
            return
        if self._holds_lock() and not self._closing:
            return  # the keeper may be waiting for this thread's lock: joining it would hang
        keeper.join()

    def _holds_lock(self) -> bool:
        """Whether this thread holds the store's lock (RLock's own check, which
        threading.Condition relies on too; typeshed does not declare it)."""
        return bool(self.lock._is_owned())  # type: ignore[attr-defined]

    def forget_derived(self) -> int:
        """Drop every result kept in the case (every user's), for a case edited with other
        tools (the sqlite3 shell, psql, an older release): their writes do not move the
        count of changes a kept result is stamped with. Counted as a change, so other
        connections let theirs go too; no audit row (the case's records are as they were).
        The number of rows dropped."""
        with self.lock:
            self._derived.clear()
        if self.format_version < DERIVED_FORMAT:
            return 0  # nothing kept before format 9
        with self.write("forget the kept results") as tx:
            # every stamp moves: the rows may have been changed by writes nobody noted
            tx.touched.unknown = True
            dropped = int(tx.execute("SELECT count(*) FROM derived").fetchone()[0])
            # made anew: also gives a case of format 9's first, unsigned table the new one
            make_derived_table(tx.db)  # type: ignore[arg-type]  # either back end's
        self.signed_derived = None
        return dropped

    def keep_derived(self, sql: str, params: Sequence[Any]) -> None:
        """One write that is no change to the case (a kept result: `derived.write`): not
        counted, not audited, and skipped rather than waited for when another writer holds
        the case, or when this thread is inside a change of its own."""
        if not self._lock_unless_closing():
            return
        try:
            if self.closed or self.db.in_transaction:
                return
            try:
                self._begin_at_once()
            except sqlite3.OperationalError:
                return
            # under the file's write lock: a change since this store's last own write is
            # another's, and the page check's record is not carried over (`close`)
            if self._own_state is not None and pagecheck.signature(self.path) != self._own_state:
                self._own_state = None
            try:
                self.db.execute(sql, params)
                self.db.execute("COMMIT")
            except sqlite3.DatabaseError:
                self._rollback()
                self._own_state = None
            except BaseException:
                self._rollback()
                raise
            if self._own_state is not None:
                self._own_state = pagecheck.signature(self.path)
        finally:
            self.lock.release()

    def _begin_at_once(self) -> None:
        """BEGIN IMMEDIATE, failing at once (OperationalError) rather than after the busy
        timeout when another connection writes to the file. On a server a plain BEGIN,
        without the writers' lock (`BEGIN IMMEDIATE` would wait for another person's edit):
        the upsert of a kept row needs none, each user's rows are their own, and a clash
        with another of this user's connections fails (and is skipped), not waited for."""
        if backend.on_server(self.db):
            self.db.execute("BEGIN")
            return
        waited = self.db.execute("PRAGMA busy_timeout").fetchone()[0]
        self.db.execute("PRAGMA busy_timeout = 0")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(waited)}")

    # --- writing ---------------------------------------------------------------------------

    @contextmanager
    def write(self, what: str) -> Iterator[Transaction]:
        """One transaction: committed whole when the block ends, rolled back on any error.

        The block holds the lock: other threads of this process wait until it ends."""
        if self.readonly:
            raise CaseError(f"{self.path} is read-only: cannot {what}")
        with self.lock:
            self._check_open(what)
            if self.db.in_transaction:  # this thread's own: only it can hold the lock
                raise CaseError(f"cannot {what} inside another change to the case")
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise CaseError(f"cannot {what}: {self.path} is busy or locked ({exc})") from None
            tx = Transaction(self.db)
            self._writing = True
            try:
                yield tx
                count = backend.COUNT_CHANGE
                if self.format_version >= DERIVED_FORMAT:
                    count = touched.count_statement(tx.touched)
                tx.committed_id = backend.commit_change(self.db, tx.at_commit, count)
                self.committed(tx.touched)
            except sqlite3.DatabaseError as exc:
                self._rollback()
                raise CaseError(f"cannot {what}: {exc}") from None
            except BaseException:
                self._rollback()
                raise
            finally:
                self._writing = False

    def committed(self, change: touched.Touched) -> None:
        """A change just committed (by `write`, or by one statement doing a whole edit on
        a server, `pg_edits`), which touched `change`. Under the lock."""
        self._own_state = None  # an edit: the next open checks the pages again
        self._journal.append(change)
        self._journal_rows += change.noted_rows()
        # the oldest let go past either bound (a result kept before them is computed again)
        while self._journal and (
            len(self._journal) > JOURNAL_LENGTH or self._journal_rows > JOURNAL_ROWS
        ):
            self._journal_rows -= self._journal.pop(0).noted_rows()
            self._journal_start += 1

    def _rollback(self) -> None:
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                if not backend.on_server(self.db):
                    raise
                # the server connection is lost: so is the transaction, rolled back there


@dataclass
class _Kept:
    """A derived result held in memory: its name, the stamp of what it read, the case's
    count of changes and the place in the store's journal when it was taken."""

    name: Hashable
    token: object
    result: Any
    count: int | None
    position: int


# this connection's commits remembered for bringing kept results up to date: at most
# this many, and at most this many rows noted by their ids in all (`touched.Touched.ids`,
# 200 to 400 bytes a row: 20-40 MB; a commit notes up to `touched.MAX_NOTED_ROWS` rows
# of each table, and 200 large merges would otherwise hold hundreds of MB)
JOURNAL_LENGTH = 200
JOURNAL_ROWS = 100_000


class Transaction:
    """Writes that remember each row before and after, so the action can be undone.

    Plain `execute` is for writes that are not undone (adding articles, re-extraction).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.changes: list[dict[str, Any]] = []
        # an action on checked rows (`CaseFile._recording`, format 6 on): the first recorded
        # update of each such row bumps its `version` in the same statement
        # (`versions.bump_versions` bumps the rest), a round trip fewer on a server
        self.versioned = False
        self.bumped: set[tuple[str, Any]] = set()
        # an INSERT sent with the COMMIT (`insert_at_commit`), and its id once committed
        self.at_commit: tuple[str, tuple[Any, ...]] | None = None
        self.committed_id: int | None = None
        # a write not in `changes` (a statement of its own, or not recorded): the records
        # an action concerns are then read after it, not worked out from its changes
        self.unrecorded = False
        # what it wrote, noted with its commit: kept results that read none of it stay
        # valid (`touched.py`); writes made through `db` itself are not seen
        self.touched = touched.Touched()

    def insert_at_commit(self, sql: str, params: Sequence[Any]) -> None:
        """An INSERT (an action's audit row) sent with the COMMIT, in its round trip on a
        server: the transaction's last write, whose id `committed_id` gives once committed.
        Nothing in the transaction may read its row."""
        if self.at_commit is not None:
            raise CaseError("one insert at commit per transaction")
        self.touched.statement(sql)
        self.at_commit = (sql, tuple(params))

    def execute(
        self,
        sql: str,
        params: Sequence[Any] | Mapping[str, Any] = (),
        *,
        rows: Iterable[Mapping[str, Any]] | None = None,
    ) -> Cursor:
        """`rows`: the rows a write touches, by their ids (`id`, `..._id`), when the caller
        knows them: a kept result is then brought up to date from them rather than worked
        out again (`touched.Touched.statement`)."""
        if sql.lstrip()[:6].upper() != "SELECT":
            self.unrecorded = True
        self.touched.statement(sql, rows)
        return self.db.execute(sql, params)

    def rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[sqlite3.Row]:
        return self.execute(sql, params).fetchall()

    def row(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> sqlite3.Row | None:
        return self.execute(sql, params).fetchone()

    def next_id(self, prefix: str) -> str:
        return f"{prefix}{backend.next_counter(self.db, prefix)}"

    def _select(self, table: str, key: Mapping[str, Any]) -> dict[str, Any] | None:
        where = " AND ".join(f"{_quote(k)} = ?" for k in key)
        found = self.db.execute(
            # with its rowid, so an undone delete comes back in its old place in every listing
            f"SELECT rowid AS rowid, * FROM {_quote(table)} WHERE {where}",
            tuple(key.values()),
        ).fetchone()
        return dict(found) if found is not None else None

    def insert(self, table: str, row: Mapping[str, Any], *, record: bool = True) -> None:
        row = _cells(row)
        columns = ", ".join(_quote(c) for c in row)
        marks = ", ".join("?" for _ in row)
        self.db.execute(
            f"INSERT INTO {_quote(table)} ({columns}) VALUES ({marks})", tuple(row.values())
        )
        self.touched.wrote(table, row)
        if record:
            key = {k: row[k] for k in _key_columns(table)}
            self.changes.append({"op": "insert", "table": table, "key": key, "after": dict(row)})
        else:
            self.unrecorded = True

    def update(
        self,
        table: str,
        key: Mapping[str, Any],
        values: Mapping[str, Any],
        *,
        record: bool = True,
        before: Mapping[str, Any] | None = None,
    ) -> None:
        """`before`: the row as this transaction has read it already and not changed since
        (saves reading it again: a round trip on a server)."""
        if before is None:
            before = self._select(table, key)
        if before is None:
            return
        values = _cells(values)
        changed = {k: v for k, v in values.items() if k != "rowid" and before.get(k) != v}
        if not changed:
            return
        sets = ", ".join(f"{_quote(k)} = ?" for k in changed)
        where = " AND ".join(f"{_quote(k)} = ?" for k in key)
        bump = (
            record
            and self.versioned
            and table in VERSIONED_TABLES
            and "id" in key
            and "version" not in changed
            and (table, key["id"]) not in self.bumped
        )
        # on a server the version the row had when this transaction read it (under the
        # writers' lock: current) gives the new one without waiting for the answer, so
        # the update can go with the COMMIT; the statement checks it, failing (NOT NULL)
        # should the row hold another
        known = (
            bump
            and isinstance(self.db, postgres.Connection)
            and isinstance(before.get("version"), int)
        )
        if known:
            sets += ', "version" = CASE WHEN "version" = ? THEN "version" + 1 END'
        elif bump:
            sets += ', "version" = "version" + 1'
        sql = f"UPDATE {_quote(table)} SET {sets} WHERE {where}" + (
            ' RETURNING "version"' if bump and not known else ""
        )
        checked = (before["version"],) if known else ()
        params = (*changed.values(), *checked, *key.values())
        self.touched.updated(
            table, [*changed, *(["version"] if bump else [])], before, {**before, **changed}
        )
        was, now = {k: before[k] for k in changed}, dict(changed)
        if bump:
            self.bumped.add((table, key["id"]))
        if known:
            was["version"], now["version"] = int(before["version"]), int(before["version"]) + 1

        def bumped(found: Sequence[Any]) -> None:
            if bump and not known and found:
                # recorded as `increment` records it: the version before is the one after
                # less one
                was["version"], now["version"] = int(found[0][0]) - 1, int(found[0][0])

        if isinstance(self.db, postgres.Connection):
            # sent with the next statement (the record read after the edit, the COMMIT):
            # a round trip fewer; the version is filled in when it comes, before any use
            self.db.execute_later(sql, params, None if known or not bump else bumped)
        else:
            bumped(self.db.execute(sql, params).fetchall())
        if record:
            self.changes.append(
                {"op": "update", "table": table, "key": dict(key), "before": was, "after": now}
            )
        else:
            self.unrecorded = True

    def increment(self, table: str, key: Mapping[str, Any], column: str) -> None:
        """Add one to an integer column of a row, recorded as `update` records it: one
        statement where `update` takes two (read the row, write it), since the value before
        is the value after less one (a round trip each on a server)."""
        where = " AND ".join(f"{_quote(k)} = ?" for k in key)
        found = self.db.execute(
            f"UPDATE {_quote(table)} SET {_quote(column)} = {_quote(column)} + 1 "
            f"WHERE {where} RETURNING {_quote(column)}",
            tuple(key.values()),
        ).fetchone()
        self.touched.updated(table, [column], key)
        if found is not None:
            after = int(found[0])
            self.changes.append(
                {
                    "op": "update",
                    "table": table,
                    "key": dict(key),
                    "before": {column: after - 1},
                    "after": {column: after},
                }
            )

    def delete(self, table: str, key: Mapping[str, Any], *, record: bool = True) -> None:
        before = self._select(table, key)
        if before is None:
            return
        where = " AND ".join(f"{_quote(k)} = ?" for k in key)
        self.db.execute(f"DELETE FROM {_quote(table)} WHERE {where}", tuple(key.values()))
        self.touched.wrote(table, before)
        if record:
            self.changes.append(
                {"op": "delete", "table": table, "key": dict(key), "before": before}
            )
        else:
            self.unrecorded = True

    def revert(self, changes: Sequence[Mapping[str, Any]]) -> None:
        """Replay recorded changes backwards (recording the replay in turn). A removed row
        goes back with its old rowid (its old place in every listing), or under a new one
        when a row added since holds that one (`_restored`)."""
        for change in reversed(changes):
            table, key = change["table"], change["key"]
            if change["op"] == "insert":
                self.delete(table, key)
            elif change["op"] == "delete":
                self.insert(table, self._restored(table, change["before"]))
            else:
                self.update(table, key, change["before"])

    def _restored(self, table: str, row: Mapping[str, Any]) -> Mapping[str, Any]:
        """A removed row as the revert puts it back: without its rowid when another row
        holds it now, so it takes a new one (last in rowid order). SQLite gives the next
        row max(rowid) + 1, the rowid of a removed last row; a server's sequence never
        gives one twice (no look there: a round trip a row). The rowid only orders rows:
        nothing refers to it, and what keeps one (format 11's listing rows) is kept by
        triggers from the row as inserted."""
        rowid = row.get("rowid")
        if rowid is None or isinstance(self.db, postgres.Connection):
            return row
        taken = self.db.execute(
            f"SELECT 1 FROM {_quote(table)} WHERE rowid = ?", (rowid,)
        ).fetchone()
        return {k: v for k, v in row.items() if k != "rowid"} if taken else row

    def changes_json(self) -> str:
        if isinstance(self.db, postgres.Connection):
            self.db.flush()  # the versions of updates not sent yet (`update`), if any
        return json.dumps(self.changes, ensure_ascii=False)


def _cells(row: Mapping[str, Any]) -> dict[str, Any]:
    """Column values from record values: enums and dates in their stored text form. The one
    place the store converts on the way in (reads.py converts on the way out)."""
    return {k: _cell(v) for k, v in row.items()}


def _cell(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PartialDate | datetime.date):
        return value.isoformat()
    return value


def _writable(path: Path) -> bool:
    # WAL needs to create the -wal and -shm files beside the case
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK | os.X_OK)


def _open_connection(path: Path, *, readonly: bool) -> sqlite3.Connection:
    try:
        if not readonly:
            return _connect(_file_uri(path, mode="rw"))
        if not Path(f"{path}-wal").exists():
            # nothing pending in a WAL and we may not write: read the file as it is, without
            # the -shm/-wal files a read-only WAL reader would otherwise leave beside it
            return _connect(_file_uri(path, mode="ro", immutable="1"))
        db = _connect(_file_uri(path, mode="ro"))
        try:
            db.execute("PRAGMA schema_version").fetchone()
            return db
        except sqlite3.OperationalError:
            # a read-only folder with no -shm: SQLite cannot read the WAL in place, and
            # `immutable=1` would ignore it, silently dropping the edits committed there
            db.close()
        except BaseException:
            db.close()
            raise
        return _connect(_file_uri(_private_copy(path), mode="ro"))
    except sqlite3.DatabaseError as exc:
        if _not_a_database(exc):
            raise CaseError(f"{path} is not a case file (not an SQLite database)") from None
        raise CaseError(f"cannot open {path} as a case file ({exc})") from None


COPY_PREFIX = "workbench-readonly-"


def _private_copy(path: Path) -> Path:
    """The case and its WAL copied into a private temporary folder, where SQLite can make
    the -shm it needs to read the WAL: the only way to see every committed edit of a case
    in a read-only folder. `Store.close` removes the folder.

    This reads the case with `open()`, which the module docstring warns against: here it is
    safe, since nothing can be writing in a folder where no -shm can be made, and no
    connection of this process reads this file in place (it would have needed that -shm).
    """
    folder = Path(tempfile.mkdtemp(prefix=COPY_PREFIX))  # 0700: the case stays private
    copy = folder / "case"
    try:
        shutil.copyfile(path, copy)
        wal = Path(f"{path}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{copy}-wal"))
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise CaseError(
            f"cannot read {path}: its folder is read-only and its pending edits (the -wal "
            f"file) could not be copied to read them ({exc.strerror or exc})"
        ) from None
    return copy


def _close(db: Database) -> None:
    """Close a connection, and remove the private copy (`_private_copy`) it read, if any."""
    if isinstance(db, postgres.Connection):
        db.close()
        return
    try:
        row = db.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        row = None
    db.close()
    folder = Path(row[2]).parent if row and row[2] else None
    if (
        folder is not None
        and folder.name.startswith(COPY_PREFIX)
        and folder.resolve().parent == Path(tempfile.gettempdir()).resolve()
    ):
        shutil.rmtree(folder, ignore_errors=True)


def _create(path: Path, *, format_version: int | None = None) -> None:
    """Make a new case at `path` (at the latest format unless told) without ever exposing a
    partial file."""
    directory = path.resolve().parent
    if not directory.is_dir():
        raise CaseError(f"cannot create {path}: the folder {directory} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".new")
    except OSError as exc:
        raise CaseError(f"cannot create {path}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            db = _connect(_file_uri(tmp, mode="rw"))
            try:
                db.execute("PRAGMA journal_mode = WAL")
                apply_migrations(db, current=0, target=format_version)
            finally:
                db.close()
        except sqlite3.DatabaseError as exc:
            # a full disk ("database or disk is full", or an I/O error as the WAL grows)
            raise CaseError(f"cannot create {path}: {exc}{_space_hint(directory)}") from None
        try:
            # link, not rename: if someone created the case meanwhile, theirs wins
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:
            # a file system without hard links: rename, still never a partial file
            if not path.exists():
                try:
                    os.replace(tmp, path)
                except OSError as exc:
                    raise CaseError(f"cannot create {path}: {exc.strerror or exc}") from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def _space_hint(directory: Path) -> str:
    """What to tell a person whose disk is full, since SQLite may only say "I/O error"."""
    try:
        free = shutil.disk_usage(directory).free
    except OSError:
        return ""
    return (
        f" (only {free:,} bytes free in {directory}: free some space)" if free < 1_000_000 else ""
    )
