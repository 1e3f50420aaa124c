"""A case on a PostgreSQL server: a psycopg 3 connection that offers the store the part of
Python's sqlite3 API it is written against, so every case module runs unchanged on both.

- Statements are translated from the SQLite dialect (`sqlpg.translate`); the few that name
  SQLite itself (PRAGMA user_version, application_id, table_info, defer_foreign_keys, and
  the durability settings, which the server owns) are answered here.
- Rows are `sqlite3.Row`s (built on a descriptor cursor per column list), and errors
  `sqlite3` errors, with the server's message: callers catch one hierarchy.
- `BEGIN IMMEDIATE` (a write) is a transaction holding the case's advisory lock, so writers
  take turns exactly as on SQLite, waiting up to the busy timeout; every statement of it
  then sees all that was committed before. A plain `BEGIN` (several reads) is a REPEATABLE
  READ transaction: one snapshot. A client killed mid-transaction has its transaction
  rolled back and its lock released by the server.
- Each round trip waits twice for a CPU on a busy machine, so statements whose answer is
  not needed at once wait for the next one and go with it (`execute_later`, psycopg's
  pipeline mode): a writer's BEGIN and lock, the record before an edit, an update. The
  common edits (statuses, notes, undo, links, renames, claim edits, merges) are one
  round trip each, a call of a function of the connection's own sent as one message
  (`pg_edits.py`, `send_as_one`; docs/postgresql.md, "Round trips").

A case is a schema of a database: the `public` one unless the URL names another with the
parameter `case=NAME` (taken off before connecting: libpq does not know it), which is made
on first open. `user_version` and `application_id` live in its table `pragmas`.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from ..errors import CaseError
from .sqlpg import Statement, Unsupported, inserted_columns, replace_clause, translate

SCHEMES = ("postgresql", "postgres")
PRAGMA_TABLE = "pragmas"
# the advisory lock writers take: (our application id, the case schema's hash)
LOCK_CLASS = 0x57424353
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def is_url(location: object) -> bool:
    """True for a `postgresql://` (or `postgres://`) URL."""
    return (
        isinstance(location, str)
        and location.split("://", 1)[0].lower() in SCHEMES
        and ("://" in location)
    )


class Location:
    """A case's URL, split into what libpq connects to and the case schema."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        cases = [v for k, v in query if k == "case"]
        self.schema = cases[-1] if cases else "public"
        if not NAME.match(self.schema):
            raise CaseError(
                f"case={self.schema!r}: a case name is letters, digits and _ (at most 63), "
                "not starting with a digit"
            )
        # the query as written (not encoded again), without `case`
        raw = [p for p in parts.query.split("&") if p]
        kept = "&".join(p for p in raw if p.split("=", 1)[0] != "case")
        self.conninfo = urlunsplit(parts._replace(query=kept))
        # shown in messages and as the case's path: never the password
        netloc = parts.netloc
        if "@" in netloc:
            user, host = netloc.rsplit("@", 1)
            netloc = f"{user.split(':', 1)[0]}@{host}"
        shown_query = "&".join(
            "password=***" if p.split("=", 1)[0] == "password" else p for p in raw
        )
        self.shown = urlunsplit(parts._replace(netloc=netloc, query=shown_query))

    def __str__(self) -> str:
        return self.shown


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _as_sqlite_error(exc: Exception) -> sqlite3.Error:
    """The sqlite3 error a caller expects for a psycopg one, keeping the server's message."""
    import psycopg
    from psycopg import errors

    message = _one_line(exc)
    if isinstance(exc, errors.LockNotAvailable | errors.QueryCanceled):
        return sqlite3.OperationalError(f"database is locked ({message})")
    if isinstance(exc, psycopg.IntegrityError):
        return sqlite3.IntegrityError(message)
    if isinstance(exc, psycopg.OperationalError | psycopg.ProgrammingError):
        return sqlite3.OperationalError(message)
    if isinstance(exc, psycopg.DatabaseError | psycopg.InterfaceError):
        return sqlite3.DatabaseError(message)
    return sqlite3.Error(message)


class _Descriptors:
    """`sqlite3.Row` needs a cursor to name its columns: one idle in-memory cursor per list
    of names, made once, gives every row of that shape its keys."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._cursors: dict[tuple[str, ...], sqlite3.Cursor] = {}
        self._lock = threading.Lock()

    def cursor(self, names: tuple[str, ...]) -> sqlite3.Cursor:
        found = self._cursors.get(names)
        if found is None:
            with self._lock:
                columns = ", ".join('NULL AS "{}"'.format(n.replace('"', '""')) for n in names)
                found = self._db.execute(f"SELECT {columns}" if names else "SELECT 1 WHERE 0")
                self._cursors[names] = found
        return found


_DESCRIPTORS = _Descriptors()


class Cursor:
    """The result of one statement, read whole (the store reads every result whole)."""

    def __init__(self, rows: list[sqlite3.Row], description: Any, rowcount: int) -> None:
        self._rows = rows
        self._at = 0
        self.description = description
        self.rowcount = rowcount
        self.lastrowid = None  # PostgreSQL has none: the store uses RETURNING

    def fetchone(self) -> Any:
        if self._at >= len(self._rows):
            return None
        self._at += 1
        return self._rows[self._at - 1]

    def fetchall(self) -> list[Any]:
        rest = self._rows[self._at :]
        self._at = len(self._rows)
        return rest

    def fetchmany(self, size: int = 1) -> list[Any]:
        rest = self._rows[self._at : self._at + size]
        self._at += len(rest)
        return rest

    def __iter__(self) -> Iterator[Any]:
        while (row := self.fetchone()) is not None:
            yield row

    def close(self) -> None:
        self._rows = []


def _rows(cur: Any, statement: Statement) -> tuple[list[sqlite3.Row], Any]:
    if cur.description is None:
        return [], None
    names = [c.name for c in cur.description]
    keep = list(range(len(names)))
    if statement.hide_rowid:
        rowids = [i for i, n in enumerate(names) if n == "rowid"]
        dropped = set(rowids if statement.hide_rowid == "all" else rowids[1:])
        keep = [i for i in keep if i not in dropped]
    kept_names = tuple(names[i] for i in keep)
    descriptor = _DESCRIPTORS.cursor(kept_names)
    data = cur.fetchall()
    if len(keep) != len(names):
        data = [tuple(row[i] for i in keep) for row in data]
    description = tuple((n, None, None, None, None, None, None) for n in kept_names)
    return [sqlite3.Row(descriptor, tuple(row)) for row in data], description


class Connection:
    """A psycopg connection in autocommit mode, the store's transactions being explicit."""

    def __init__(self, location: Location, *, busy_timeout_ms: int) -> None:
        import psycopg

        self.location = location
        try:
            self._db = psycopg.connect(location.conninfo, autocommit=True, connect_timeout=30)
        except psycopg.Error as exc:
            raise CaseError(f"cannot connect to {location}: {_one_line(exc)}") from None
        _configure(self._db)
        self.busy_timeout_ms = busy_timeout_ms
        self._primary_keys: dict[str, list[str]] = {}
        # statements not sent yet (`execute_later`, a writer's BEGIN and lock): they go
        # with the next one, in one round trip (psycopg's pipeline mode)
        self._queue: list[_Queued] = []
        # whether this connection has made the functions of `pg_edits` (None: not tried
        # yet; False: the server refused them, and edits take the ordinary path)
        self.one_trip: bool | None = None
        schema = location.schema
        self._run(
            "SELECT set_config('search_path', %s, false), set_config('lock_timeout', %s, false)",
            (f'"{schema}"', f"{busy_timeout_ms}ms"),
        )

    # --- the sqlite3 API the store uses ------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        if any(q.begins for q in self._queue):
            return True  # a writer's BEGIN, not sent yet
        # UNKNOWN: the connection is lost, and with it (on the server) any transaction
        status = self._db.info.transaction_status
        return status in (TransactionStatus.INTRANS, TransactionStatus.INERROR)

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = (), /) -> Cursor:
        special = self._special(sql, parameters)
        if special is not None:
            return special
        try:
            statement = translate(sql)
        except Unsupported as exc:
            raise sqlite3.OperationalError(f"not supported on PostgreSQL: {exc}") from None
        text = statement.sql
        if statement.replace_table is not None:
            key = self._primary_key(statement.replace_table)
            text = text.replace("/*replace*/", replace_clause(inserted_columns(sql), key), 1)
        return self._run(text, parameters, statement)

    def execute_later(
        self,
        sql: str,
        parameters: Sequence[Any] = (),
        then: Callable[[list[sqlite3.Row]], None] | None = None,
    ) -> None:
        """`sql` sent with the next statement, in its round trip: a write whose result is
        not needed at once (an update), or a read wanted later (the state of a record
        before an edit). `then` gets its rows when they come. An error is raised by the
        statement it went with: inside a transaction, whose rollback then drops it."""
        try:
            statement = translate(sql)
        except Unsupported as exc:
            raise sqlite3.OperationalError(f"not supported on PostgreSQL: {exc}") from None
        params = _parameters(parameters, statement)
        self._queue.append(_Queued(statement.sql, params, statement, then))

    def execute_native_later(
        self,
        sql: str,
        parameters: Sequence[Any] | None = None,
        then: Callable[[list[sqlite3.Row]], None] | None = None,
    ) -> None:
        """As `execute_later`, for a statement in PostgreSQL's own dialect and psycopg's
        `%s` parameters, sent as it is (`pg_edits`: its functions, and the call of one)."""
        self._queue.append(
            _Queued(sql, None if parameters is None else tuple(parameters), None, then)
        )

    def send_as_one(
        self, statements: Sequence[tuple[str, Sequence[Any] | None]]
    ) -> list[list[Any] | None]:
        """What is queued, then `statements` (PostgreSQL's own, psycopg's `%s`
        parameters), sent as one message of the simple query protocol, their values
        written in by psycopg (`ClientCursor`): one round trip, as the pipeline's, but the
        server's process woken once to read it, where the pipeline sends each statement as
        it is queued and may wake it for each (on a busy machine each wake-up waits for a
        CPU; a commit's wait for the disk wakes it again, whichever way it was sent). For `pg_edits`: statements whose values are text, numbers, lists and JSON.
        Each statement's rows (None: it gives none). An error is raised as `_send` raises
        it, the transaction it leaves failed to be rolled back by the caller."""
        import psycopg
        from psycopg import errors

        queued, self._queue = self._queue, []
        texts: list[str] = []
        try:
            with psycopg.ClientCursor(self._db) as cur:
                for item in [*queued, *(_Queued(sql, params) for sql, params in statements)]:
                    texts.append(
                        item.sql if item.params is None else cur.mogrify(item.sql, item.params)
                    )
                cur.execute(";\n".join(texts))
                found: list[list[Any] | None] = []
                while True:
                    found.append(list(cur.fetchall()) if cur.description is not None else None)
                    if not cur.nextset():
                        break
        except psycopg.Error as exc:
            if any(q.begins for q in queued) and isinstance(
                exc, errors.LockNotAvailable | errors.QueryCanceled
            ):
                raise sqlite3.OperationalError(
                    f"{self.location} is busy or locked (database is locked ({_one_line(exc)}))"
                ) from exc
            raise self._error(exc) from exc
        return found[len(queued) :]

    def flush(self) -> None:
        """Send what `execute_later` queued (one round trip) when anything of it awaits
        its answer (a read, an update whose version is wanted); writes alone wait for the
        next statement (the COMMIT)."""
        if any(q.then is not None for q in self._queue):
            self._send([])

    def close(self) -> None:
        self._queue = []
        self._db.close()

    @property
    def closed(self) -> bool:
        return bool(self._db.closed)

    # --- internals -------------------------------------------------------------------------

    def _run(
        self,
        sql: str,
        parameters: Sequence[Any] | Mapping[str, Any] = (),
        statement: Statement | None = None,
    ) -> Cursor:
        if sql == "ROLLBACK" and self._queue:
            unsent_begin = any(q.begins for q in self._queue)
            self._queue = []  # dropped with the transaction
            if unsent_begin:  # nothing of it reached the server
                return Cursor([], None, -1)
        return self._send([_Queued(sql, _parameters(parameters, statement), statement)])[-1]

    def _send(self, items: list[_Queued]) -> list[Cursor]:
        """The queued statements, then `items`, in one round trip: one statement plainly,
        several in psycopg's pipeline mode. Their results, each queued one's also handed
        to its `then`."""
        import psycopg
        from psycopg import errors

        queued, self._queue = self._queue, []
        items = [*queued, *items]
        cursors: list[Any] = []
        try:
            if len(items) == 1:
                with self._db.cursor() as cur:
                    cur.execute(items[0].sql, items[0].params)
                    found = [_result(cur, items[0])]
            else:
                try:
                    with self._db.pipeline():
                        for item in items:
                            cursors.append(self._db.cursor())
                            cursors[-1].execute(item.sql, item.params)
                    found = [_result(cur, item) for cur, item in zip(cursors, items, strict=True)]
                finally:
                    for cur in cursors:
                        cur.close()
        except psycopg.Error as exc:
            if any(q.begins for q in queued) and isinstance(
                exc, errors.LockNotAvailable | errors.QueryCanceled
            ):
                # the writers' lock, sent with the transaction's first statement
                raise sqlite3.OperationalError(
                    f"{self.location} is busy or locked (database is locked ({_one_line(exc)}))"
                ) from exc
            raise self._error(exc) from exc
        for item, result in zip(items, found, strict=True):
            if item.then is not None:
                item.then(result.fetchall())
        return found

    def _error(self, exc: Exception) -> Exception:
        """A lost connection is said as such (not as a failed statement); the rest as the
        sqlite3 error a caller expects."""
        if self._db.closed or self._db.broken:
            return CaseError(
                f"lost the connection to {self.location} ({_one_line(exc)}): open the case again"
            )
        return _as_sqlite_error(exc)

    def _special(self, sql: str, parameters: Any) -> Cursor | None:
        words = sql.strip().rstrip(";").split()
        if not words:
            return Cursor([], None, -1)
        head = words[0].upper()
        if head == "BEGIN":
            mode = words[1].upper() if len(words) > 1 else "DEFERRED"
            if mode in ("IMMEDIATE", "EXCLUSIVE"):
                # writers take turns, as SQLite's write lock makes them. The case's name,
                # not current_schema(): NULL (no lock) before the schema exists. Sent
                # with the transaction's first statement, in its round trip (no
                # parameters: the name is checked against NAME)
                self.flush()
                self._queue.append(_Queued("BEGIN", None, None, begins=True))
                self._queue.append(
                    _Queued(
                        f"SELECT pg_advisory_xact_lock({LOCK_CLASS}, "
                        f"hashtext('{self.location.schema}'))",
                        None,
                    )
                )
            else:
                self._run("BEGIN ISOLATION LEVEL REPEATABLE READ")
            return Cursor([], None, -1)
        if head in ("COMMIT", "END", "ROLLBACK") and len(words) <= 2:
            return self._run("COMMIT" if head == "END" else head)
        if head == "PRAGMA":
            return self._pragma(" ".join(words[1:]))
        return None

    def _pragma(self, text: str) -> Cursor:
        match = re.fullmatch(r"(\w+)\s*(?:=\s*(\w+)|\(\s*\"?(\w+)\"?\s*\))?", text)
        if match is None:
            raise sqlite3.OperationalError(f"not supported on PostgreSQL: PRAGMA {text}")
        name, value, argument = match[1].lower(), match[2], match[3]
        if name in ("user_version", "application_id"):
            if value is None:
                if not self._has_table(PRAGMA_TABLE):  # not (yet) a case
                    return self._run(f"SELECT 0 AS {name}")
                return self._run(
                    f"SELECT coalesce((SELECT value FROM {PRAGMA_TABLE} WHERE name = %s), 0) "
                    f"AS {name}",
                    (name,),
                )
            self._run(
                f"CREATE TABLE IF NOT EXISTS {PRAGMA_TABLE} "
                "(name TEXT PRIMARY KEY, value BIGINT NOT NULL)"
            )
            return self._run(
                f"INSERT INTO {PRAGMA_TABLE} VALUES (%s, %s) "
                f"ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value",
                (name, int(value)),
            )
        if name == "table_info" and argument is not None:
            return self._run(
                "SELECT a.attnum - 1 AS cid, a.attname AS name, format_type(a.atttypid, "
                "a.atttypmod) AS type, a.attnotnull::int AS notnull, NULL AS dflt_value, "
                "0 AS pk FROM pg_attribute a WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 "
                "AND NOT a.attisdropped AND a.attname <> 'rowid' ORDER BY a.attnum",
                (f'"{argument}"',),
            )
        if name == "defer_foreign_keys":
            deferred = (value or "").upper() in ("ON", "1", "TRUE", "YES")
            return self._run(f"SET CONSTRAINTS ALL {'DEFERRED' if deferred else 'IMMEDIATE'}")
        if name in _SERVER_OWNED:
            return Cursor([], None, -1)
        raise sqlite3.OperationalError(f"not supported on PostgreSQL: PRAGMA {text}")

    def _has_table(self, name: str) -> bool:
        found = self._run("SELECT to_regclass(%s) IS NOT NULL", (f'"{name}"',)).fetchone()
        return bool(found[0])

    def _primary_key(self, table: str) -> list[str]:
        if table not in self._primary_keys:
            rows = self._run(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass(%s) "
                "AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)",
                (f'"{table}"',),
            ).fetchall()
            self._primary_keys[table] = [r[0] for r in rows]
        return self._primary_keys[table]

    # --- what only this back end has ---------------------------------------------------------

    def tables(self) -> list[str]:
        """The case's tables, oldest first (SQLite's sqlite_master order)."""
        rows = self._run(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind = 'r' ORDER BY c.oid",
            (self.location.schema,),
        ).fetchall()
        return [r[0] for r in rows if r[0] != PRAGMA_TABLE]

    def commit_counting(
        self, count: str, insert: tuple[str, Sequence[Any]] | None = None
    ) -> int | None:
        """`insert` (an INSERT whose id is wanted: an action's audit row), `count` (a
        statement without parameters) and COMMIT, in one round trip with whatever is
        queued. Returns that id."""
        items = [_Queued(count, None), _Queued("COMMIT", None)]
        if insert is None:
            self._send(items)
            return None
        sql, parameters = insert
        statement = translate(f"{sql} RETURNING id")
        found = self._send([_Queued(statement.sql, _parameters(parameters, statement)), *items])
        row = found[-3].fetchone()
        if row is None:
            raise sqlite3.OperationalError("an insert gave no id")
        return int(row[0])

    def schema_exists(self) -> bool:
        found = self._run(
            "SELECT 1 FROM pg_namespace WHERE nspname = %s", (self.location.schema,)
        ).fetchone()
        return found is not None

    def create_schema(self) -> None:
        """The case's schema, made under the writers' lock (two first opens may race)."""
        self.execute("BEGIN IMMEDIATE")
        try:
            self._run(f'CREATE SCHEMA IF NOT EXISTS "{self.location.schema}"')
        except BaseException:
            self._run("ROLLBACK")
            raise
        self._run("COMMIT")

    def is_case(self) -> bool:
        return self._has_table(PRAGMA_TABLE)

    def is_empty(self) -> bool:
        return not self.tables()

    def drop_case(self) -> None:
        """Remove the case's tables, the functions its triggers run (format 11:
        `migrations.SERVER_FUNCTIONS`, which would otherwise keep the schema, or stay
        behind in `public`) and its schema, unless it is `public`, in one transaction
        under the writers' lock."""
        from .migrations import SERVER_FUNCTIONS  # migrations' steps run on this API

        self.execute("BEGIN IMMEDIATE")
        try:
            for table in [*self.tables(), PRAGMA_TABLE]:
                self._run(f'DROP TABLE IF EXISTS "{table}" CASCADE')
            for function in SERVER_FUNCTIONS:  # CASCADE: any trigger left with it
                self._run(f'DROP FUNCTION IF EXISTS "{function}"() CASCADE')
            if self.location.schema != "public":
                self._run(f'DROP SCHEMA IF EXISTS "{self.location.schema}"')
        except BaseException:
            self._run("ROLLBACK")
            raise
        self._run("COMMIT")

    def read_only(self) -> bool:
        """A standby, a read-only session, or a role that may not write the audit log."""
        row = self._run(
            "SELECT current_setting('transaction_read_only') = 'on' OR "
            "(to_regclass('audit') IS NOT NULL AND NOT has_table_privilege('audit', 'INSERT'))"
        ).fetchone()
        return bool(row[0])

    def reset_sequences(self) -> None:
        """After rows were loaded with their ids: each sequence past the largest id."""
        rows = self._run(
            "SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), "
            "a.attname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_attribute a ON a.attrelid = c.oid WHERE n.nspname = current_schema() "
            "AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped "
            "AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL"
        ).fetchall()
        for table, column, sequence in rows:
            self._run(
                f'SELECT setval(%s, coalesce((SELECT max("{column}") FROM "{table}"), 0) + 1, '
                "false)",
                (sequence,),
            )


class _Queued:
    """A statement to send: its text for psycopg, parameters, the translation it came
    from, what to hand its rows to, and whether it is a writer's BEGIN."""

    __slots__ = ("begins", "params", "sql", "statement", "then")

    def __init__(
        self,
        sql: str,
        params: Any,
        statement: Statement | None = None,
        then: Callable[[list[sqlite3.Row]], None] | None = None,
        *,
        begins: bool = False,
    ) -> None:
        self.sql, self.params, self.statement, self.then = sql, params, statement, then
        self.begins = begins


def _parameters(parameters: Any, statement: Statement | None) -> Any:
    """Parameters as psycopg takes them: numbered ones (`?1`) by name."""
    if statement is not None and statement.numbered and not isinstance(parameters, Mapping):
        return {f"p{n}": value for n, value in enumerate(parameters, start=1)}
    return dict(parameters) if isinstance(parameters, Mapping) else tuple(parameters)


def _result(cur: Any, item: _Queued) -> Cursor:
    rows, description = _rows(cur, item.statement or Statement(item.sql))
    return Cursor(rows, description, cur.rowcount)


# durability and locking the server owns; integrity_check/quick_check are SQLite's own
_SERVER_OWNED = frozenset(
    {"foreign_keys", "journal_mode", "synchronous", "busy_timeout", "wal_checkpoint"}
)


def _configure(db: Any) -> None:
    """Values as SQLite gives them: booleans are 0/1, sums are ints (or floats)."""
    from psycopg.adapt import Dumper, Loader
    from psycopg.postgres import types

    class BoolAsInt(Dumper):
        oid = types["int8"].oid

        def dump(self, obj: Any) -> bytes:
            return b"1" if obj else b"0"

    class IntFromBool(Loader):
        def load(self, data: Any) -> int:
            return 1 if bytes(data) == b"t" else 0

    class NumberFromNumeric(Loader):
        def load(self, data: Any) -> int | float:
            text = bytes(data).decode()
            try:
                return int(text)
            except ValueError:
                return float(text)

    db.adapters.register_dumper(bool, BoolAsInt)
    db.adapters.register_loader("bool", IntFromBool)
    db.adapters.register_loader("numeric", NumberFromNumeric)


def connect(url: str, *, busy_timeout_ms: int) -> Connection:
    return Connection(Location(url), busy_timeout_ms=busy_timeout_ms)


def missing_driver() -> str | None:
    """Why PostgreSQL cases cannot be opened here, or None."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "a PostgreSQL case needs psycopg: pip install 'workbench[postgres]'"
    return None


__all__ = ["Connection", "Location", "connect", "is_url", "missing_driver"]
