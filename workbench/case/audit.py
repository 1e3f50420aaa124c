"""The audit log: one row per action, with who, when, and the state before and after.

`before` and `after` are JSON objects with the same keys, one per record the action
concerns ("actor", "keep" and "other" for a merge, "claim" and "note" for a status with a
note...). Each value is that record as the read API returns it (`to_dict()`, an article
without its text), or null where the record does not exist: before it was created, after
it was removed. So a history view compares the two key by key, whatever the action.

The row changes an undo replays are kept apart, in the `changes` column. What an undo
promises (`CaseFile.undo`, and on a server `pg_edit_sql`'s `wb_undo`): every row the
action wrote is as it was before it, column for column, or nothing is written and the
undo is refused in one line naming the row and the other session's action that changed
it since (`changed_since`, `missing_reference`). A removed row comes back with its ids
and its old rowid, so in its old place in every listing; when a row another session
added since holds that rowid (SQLite gives the next row max(rowid) + 1, a removed last
row's; a server's sequence never gives one twice), it comes back under a new one, last
(`Transaction.revert`). The rowid only orders rows: nothing refers to it, and format
11's listing rows, which keep a first mention's rowid, are kept by triggers from the row
as inserted. Both back ends undo the same actions.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from ..model import to_plain
from . import postgres, reads
from .backend import inserted_id
from .migrations import now
from .records import Records
from .store import Store, Transaction

# every action, with the words for it ("cannot <words>", "undid <words>")
ACTIONS = {
    "add_article": "add an article",
    "reextract": "re-extract the case",
    "update_article": "update an article",
    "merge_actors": "merge actors",
    "split_alias": "split an alias",
    "update_actor": "update an actor",
    "update_actors": "update actors",
    "update_claim": "update a claim",
    "update_event": "update an event",
    "set_claim_status": "set a claim's status",
    "link_source": "link a source",
    "unlink_source": "remove a source link",
    "add_note": "add a note",
    "remove_article": "remove an article",
    "add_claim": "add a claim",
    "accept_claim": "accept a claim",
    "reject_claim": "reject a claim",
    "restore_claim": "restore a claim",
    "split_claim": "split a claim",
    "merge_claims": "merge claims",
    "add_actor": "add an actor",
    "add_mention": "add a mention",
    "remove_mention": "remove a mention",
    "add_event": "add an event",
    "reject_event": "reject an event",
    "update_link": "update a source link",
    "update_claims": "update claims",
    "undo": "undo",
}

# actions that cannot be undone: their changes are not recorded
NOT_UNDOABLE = frozenset({"add_article", "reextract", "undo"})

# an audit row's columns, in the order each writer gives them: `write_entry`, and on a
# server the one-round-trip edits' `pg_temp.wb_audit` (pg_functions.py)
AUDIT_COLUMNS = ("at", "who", "action", "target", "before", "after", "changes", "session")


def audit_insert(columns: Sequence[str] = AUDIT_COLUMNS) -> str:
    """The INSERT of an audit row with these of its columns (`touched` notes it)."""
    return f"INSERT INTO audit ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def record_state(store: Store, kind: str, record_id: str | None) -> dict[str, Any] | None:
    """One record as the read API gives it (inside a transaction: as changed so far)."""
    return state_of(kind, read_record(store, kind, record_id))


def state_of(kind: str, record: Any) -> dict[str, Any] | None:
    """A record (`read_record`) as the audit log keeps it."""
    if record is None:
        return None
    if kind == "article":
        return {k: v for k, v in record.to_dict().items() if k != "text"}
    if kind == "actor":
        return _actor_state(record)
    return dict(record.to_dict())


def _actor_state(actor: Any) -> dict[str, Any]:
    """`actor.to_dict()`, made faster for an actor named in thousands of articles (its
    articles and names are lists of plain strings, which `to_plain` walks one by one:
    a third of an edit's CPU for such an actor on a file)."""
    state: dict[str, Any] = {}
    for field in dataclasses.fields(actor):
        value = getattr(actor, field.name)
        # the types checked in C: a generator over thousands of ids costs what it saves
        plain = isinstance(value, tuple) and set(map(type, value)) <= {str}
        state[field.name] = list(value) if plain else to_plain(value)
    return state


def read_record(store: Store, kind: str, record_id: str | None) -> Any:
    """One record by kind and id, or None."""
    if record_id is None:
        return None
    if kind == "article":
        found = reads.load_articles(store, article_id=record_id)
        return found[0] if found else None
    loaders: dict[str, Callable[[], Records[Any]]] = {
        "actor": lambda: reads.load_actors(store, actor_id=record_id),
        "claim": lambda: reads.load_claims(store, claim_id=record_id),
        "mention": lambda: reads.load_mentions(store, mention_id=record_id, include_rejected=True),
        "event": lambda: reads.load_events(store, event_id=record_id),
        "link": lambda: reads.load_links(store, link_id=record_id),
        "note": lambda: reads.load_notes(store, note_id=record_id),
    }
    found = loaders[kind]()
    return found[0] if found else None


class FileActorRead(dict[str, Any]):
    """An actor's row as a file's read gave it (`read_record_later`), with the rest of
    that read (its names, articles and mention count): the actor after an edit of its
    row alone is made from these, not read again (`record_after`)."""

    def __init__(self, row: Any, pieces: tuple[Any, Any, Any]) -> None:
        super().__init__(row)
        self.pieces = pieces


def read_record_later(
    store: Store, kind: str, record_id: str | None, then: Callable[[Any, Any], None]
) -> None:
    """`then(record, read)`: the record as `read_record` reads it at this point of the
    transaction, and on a server the row that read gave (else None). There an actor's or
    a claim's read (one statement) is queued, and sent with the transaction's next
    statement, in its round trip: an edit's first read of its record is not needed
    before its audit row, and goes with the read of the row it checks."""
    db = store.db
    if kind in _ONE_STATEMENT and record_id is not None and isinstance(db, postgres.Connection):
        if kind == "actor":
            sql, params = reads.one_actor_on_server(store, record_id)
        else:
            sql, params = "SELECT * FROM claims WHERE id = ?", (record_id,)

        def read(rows: list[sqlite3.Row]) -> None:
            row = dict(rows[0]) if rows else None
            then(None if row is None else _record_of_row(kind, record_id, row), row)

        db.execute_later(sql, params, read)
        return
    if kind == "actor" and record_id is not None:
        # on a file the actor is read whole (an actor named across a large case: most of
        # an edit's work), once: the record after is made from this read
        rows, aliases, articles, counts = reads._read_actors(store, [record_id])
        found = reads._actor_records(rows, aliases, articles, counts)
        row = FileActorRead(dict(rows[0]), (aliases, articles, counts)) if rows else None
        then(found[0] if found else None, row)
        return
    then(read_record(store, kind, record_id), None)


# the records read in one statement on a server, with the table of their row
_ONE_STATEMENT = {"actor": "actors", "claim": "claims"}


def _record_of_row(kind: str, record_id: str, row: dict[str, Any]) -> Any:
    if kind == "actor":
        found = reads.actors_on_server(record_id, [row])
        return found[0] if found else None
    return reads.claim_of_row(row)


def record_after(
    kind: str, record_id: str, read: dict[str, Any], changes: list[dict[str, Any]]
) -> Any:
    """The record as an action leaves it, from the row `read_record_later` read before it
    and the action's row changes, when these are updates of that record's row alone:
    what reading it again would give (the same columns through the same reader), without
    the round trip. None otherwise."""
    table = _ONE_STATEMENT.get(kind)
    if table is None:
        return None
    row = dict(read)
    for change in changes:
        if change["op"] != "update" or change["table"] != table:
            return None
        if change["key"] != {"id": record_id}:
            return None
        row.update(change["after"])
    if isinstance(read, FileActorRead):
        found = reads._actor_records([row], *read.pieces)
        return found[0] if found else None
    return _record_of_row(kind, record_id, row)


def send_queued(store: Store) -> None:
    """Send what `read_record_later` (or an update) left queued on a server, if anything."""
    if isinstance(store.db, postgres.Connection):
        store.db.flush()


def case_counts(tx: Transaction) -> dict[str, Any]:
    """What a re-extraction changes, in numbers."""
    counts: dict[str, Any] = {}
    for table in ("articles", "actors", "claims", "events"):
        row = tx.row(f"SELECT count(*) FROM {table}")
        counts[table] = int(row[0]) if row is not None else 0
    models = tx.rows("SELECT DISTINCT model FROM articles WHERE model IS NOT NULL")
    counts["models"] = sorted(r[0] for r in models)
    return counts


def write_entry(
    tx: Transaction,
    *,
    who: str,
    session: str | None = None,
    action: str,
    target: str | None,
    before: dict[str, Any],
    after: dict[str, Any],
    at_commit: bool = False,
) -> int:
    """Add the audit row of `action` to the open transaction; returns its id. `at_commit`:
    written with the COMMIT (`Transaction.insert_at_commit`), its id then in
    `tx.committed_id` and 0 returned."""
    if set(before) != set(after):
        raise ValueError(f"audit of {action}: before and after describe different records")
    row = {
        "at": now(),
        "who": who,
        "action": action,
        "target": target,
        "before": json.dumps(before, ensure_ascii=False),
        "after": json.dumps(after, ensure_ascii=False),
        "changes": None if action in NOT_UNDOABLE else tx.changes_json(),
    }
    if session is not None:  # None: a case at a format before audit rows had sessions
        row["session"] = session
    insert = audit_insert(list(row))
    if at_commit:
        tx.insert_at_commit(insert, tuple(row.values()))
        return 0
    return inserted_id(tx.db, insert, tuple(row.values()))


def _expected_rows(changes: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any] | None]:
    """What the rows an action wrote looked like just after it: the columns it set, or
    None for a row it deleted. Keyed by table and JSON-encoded primary key."""
    expected: dict[tuple[str, str], dict[str, Any] | None] = {}
    for change in changes:
        where = (change["table"], json.dumps(change["key"], sort_keys=True))
        if change["op"] == "delete":
            expected[where] = None
        elif change["op"] == "insert":
            expected[where] = {k: v for k, v in change["after"].items() if k != "rowid"}
        else:
            expected[where] = {**(expected.get(where) or {}), **change["after"]}
    return expected


def changed_since(
    tx: Transaction, changes: list[dict[str, Any]]
) -> tuple[str, dict[str, Any], str] | None:
    """The first row an action wrote that no longer holds what it wrote: its table, key
    and "table key (columns)"; None when every row is as the action left it, so
    reverting it loses nothing."""
    for (table, key_json), columns in _expected_rows(changes).items():
        key = json.loads(key_json)
        where = " AND ".join(f'"{k}" = ?' for k in key)
        found = tx.row(f'SELECT * FROM "{table}" WHERE {where}', tuple(key.values()))
        label = f"{table} {'/'.join(str(v) for v in key.values())}"
        if columns is None:
            if found is not None:
                return table, key, f"{label} (added again)"
            continue
        if found is None:
            return table, key, f"{label} (removed)"
        # sorted: the columns come in the order the log gives them (jsonb's on a server)
        differ = sorted(c for c, v in columns.items() if found[c] != v)
        if differ:
            return table, key, f"{label} ({', '.join(differ)})"
    return None


def changed_by(
    tx: Transaction, after_id: int, session: str, table: str, key: dict[str, Any]
) -> sqlite3.Row | None:
    """The newest audit row after `after_id`, of another session, that changed that row
    (or, failing that, the newest one that records no row changes: a re-extraction)."""
    rows = tx.rows(
        "SELECT who, action, target, at, changes FROM audit WHERE id > ? AND session IS NOT ? "
        "ORDER BY id DESC",
        (after_id, session),
    )
    for row in rows:
        if row["changes"] is not None and any(
            c["table"] == table and c["key"] == key for c in json.loads(row["changes"])
        ):
            return row
    return next((row for row in rows if row["changes"] is None), None)


def missing_reference(
    tx: Transaction, changes: list[dict[str, Any]]
) -> tuple[str, dict[str, Any], str] | None:
    """A foreign key that reverting `changes` would break, as `changed_since` gives a row
    changed since: a row the revert would point a row back to (a reference in a value it
    writes, an update's or a removed row's `before`) that is no longer there, removed by
    another action and not put back by the revert ("actors A4 (removed)"); or a row the
    revert would remove that a row it leaves refers to, another action's since
    ("mentions M9 (refers to actors A12)"). None when the revert breaks none; without this
    check it would fail on the foreign key, saying neither which row nor who."""
    # each row the revert touches: whether it is there once the revert ran (False: it
    # removes it), and the values it writes back; the revert runs backwards, so the first
    # change's are the ones left
    there: dict[tuple[str, str], bool] = {}
    written: dict[tuple[str, str], dict[str, Any]] = {}
    for change in reversed(changes):
        where = (change["table"], json.dumps(change["key"], sort_keys=True))
        if change["op"] != "update":
            there[where] = change["op"] == "delete"
        if change["op"] != "insert":
            written.setdefault(where, {}).update(change["before"])
    keys, references = schema(tx)
    for table, column, ref_table, ref_column in references:
        values = {  # written back, each once
            row[column]: None
            for (name, _), row in written.items()
            if name == table and row.get(column) is not None
        }
        missing = _missing(tx, there, ref_table, ref_column, list(values))
        if missing is not None:
            return ref_table, {ref_column: missing}, f"{ref_table} {missing} (removed)"
    for table, column, ref_table, ref_column in references:
        removed = [
            key[ref_column]
            for (name, key_json), put in there.items()
            if name == ref_table and not put
            for key in [json.loads(key_json)]
            if ref_column in key
        ]
        for row in _referring(tx, table, column, removed):
            key = {k: row[k] for k in keys[table]}
            where = (table, json.dumps(key, sort_keys=True))
            if (
                there.get(where) is False
                or written.get(where, {}).get(column, row[column]) != row[column]
            ):
                continue  # the revert removes it, or points it elsewhere
            label = "/".join(str(v) for v in key.values())
            return table, key, f"{table} {label} (refers to {ref_table} {row[column]})"
    return None


def _missing(
    tx: Transaction, there: dict[tuple[str, str], bool], table: str, column: str, values: list[Any]
) -> Any:
    """The first of `values` no row of `table` will have in `column` after the revert."""
    unknown = []
    for value in values:
        put = there.get((table, json.dumps({column: value}, sort_keys=True)))
        if put is False:
            return value
        if put is None:
            unknown.append(value)
    found: set[Any] = set()
    for chunk in _chunks(unknown):
        marks = ", ".join("?" for _ in chunk)
        rows = tx.rows(f'SELECT "{column}" FROM "{table}" WHERE "{column}" IN ({marks})', chunk)
        found.update(row[0] for row in rows)
    return next((value for value in unknown if value not in found), None)


def _referring(tx: Transaction, table: str, column: str, values: list[Any]) -> list[Any]:
    """The rows of `table` whose `column` is one of `values`."""
    found = []
    for chunk in _chunks(values):
        marks = ", ".join("?" for _ in chunk)
        found += tx.rows(f'SELECT * FROM "{table}" WHERE "{column}" IN ({marks})', chunk)
    return found


def _chunks(values: list[Any]) -> list[list[Any]]:
    # a few hundred bound values a statement: well under either back end's limit
    return [values[start : start + 500] for start in range(0, len(values), 500)]


def schema(tx: Transaction) -> tuple[dict[str, list[str]], list[tuple[str, str, str, str]]]:
    """The case's primary key columns by table, and its foreign keys (table, column, and
    the table and column referred to), read from its schema: the same on both back ends.
    Read through the connection itself: reads of the schema, not of the case, nothing
    for `touched` to note."""
    db = tx.db
    if isinstance(db, postgres.Connection):
        rows = db.execute(
            "SELECT tc.constraint_type, kcu.table_name, kcu.column_name, ccu.table_name, "
            "ccu.column_name FROM information_schema.table_constraints tc "
            "JOIN information_schema.key_column_usage kcu "
            "ON kcu.constraint_name = tc.constraint_name "
            "AND kcu.constraint_schema = tc.constraint_schema "
            "JOIN information_schema.constraint_column_usage ccu "
            "ON ccu.constraint_name = tc.constraint_name "
            "AND ccu.constraint_schema = tc.constraint_schema "
            "WHERE tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY') "
            "AND tc.table_schema = current_schema() "
            "ORDER BY kcu.table_name, kcu.ordinal_position, kcu.column_name"
        ).fetchall()
        keys: dict[str, list[str]] = {}
        references = []
        for kind, table, column, ref_table, ref_column in rows:
            if kind == "PRIMARY KEY":
                if column not in keys.setdefault(table, []):
                    keys[table].append(column)
            else:
                references.append((table, column, ref_table, ref_column))
        return keys, references
    keys, references = {}, []
    tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    for (table,) in tables.fetchall():
        columns = db.execute(f'PRAGMA table_info("{table}")').fetchall()
        keys[table] = [c["name"] for c in sorted(columns, key=lambda c: c["pk"]) if c["pk"]]
        for ref in db.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
            # `to` is NULL for a reference to the primary key; every case table's is `id`
            references.append((table, ref["from"], ref["table"], ref["to"] or "id"))
    return keys, references
