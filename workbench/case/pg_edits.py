"""The common edits in one round trip on a PostgreSQL server.

Each round trip to a server waits twice for a CPU on a busy machine (the client, then the
server's process), so an edit's p95 under load grows with its round trips. An actor's
status or type, a claim's status (with its note), a note, an undo, a source linked or
unlinked, several actors' status or type, a rename, a claim's text, span, speaker,
speaker's description, chain, kind or review, an event, a split of an alias, and a merge
are each sent here as one call of a function of the connection's own
(`pg_temp`, made in the first such edit's round trip: always the code of the workbench
release that calls it, whatever another person's release is; `pg_functions.py`,
`pg_edit_sql.py`), with the transaction's BEGIN, the writers' lock and its COMMIT, in one
message (`postgres.Connection.send_as_one`):

- the stale-edit check (the row's version against the one the person saw);
- the writes, as `Transaction` makes and records them: the changed columns only, each
  checked row's version bumped once (`Transaction.update`, `bump_versions`), rows added
  and removed, and the undo data (`changes`); an undo's check that every row the action
  wrote is as it left it (`audit.changed_since`), then its changes replayed backwards
  (`Transaction.revert`);
- the audit row, its `before` and `after` the records as the read API gives them
  (`wb_actor_state`, `wb_claim_state`, `wb_link_state`: the same fields as `to_dict()`,
  worked out in SQL the way `reads` works them out: tests/case/test_postgres_one_trip.py
  compares the two);
- the case's count of changes and what the change touched (`touched.py`'s counters,
  named as `touched.Touched` names them; the journal's entry is noted on the client from
  the rows the server says it wrote, `_noted_ops`).

The record handed back is made by the read API's own code: a claim from its row, an
actor from its state after (as the audit row holds it), an undone entry from its audit
row. Anything unusual (no such record, a stale version, a duplicate link, an undo another
session's work would be overwritten by, a new speaker given by name, a span outside its
article, a case at another format, a role that may not make temporary functions) writes
nothing and is done again by the ordinary path, whose errors and messages are the ones a
person knows (`None` from these functions).

Names are normalised by Python (`resolve.normalise_name`: Unicode decomposition, combining
marks, case folding, Unicode word characters), which SQL cannot repeat exactly beyond
plain ASCII (`pg_temp.wb_norm`). A merge or a split that meets another name (accents,
Arabic) asks for it before writing anything (outcome "names"); the client normalises the
names and calls again with them (`_asking`): two round trips, the second under the lock
as ever, so a name renamed in between is simply asked again or left to the ordinary path.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, cast

from ..dates import DateError, parse_date
from ..errors import CaseError
from ..model import ClaimKind, Precision, ReviewStatus, SourceRelation
from . import checking, postgres, touched
from .audit import ACTIONS, _record_of_row, audit_insert, record_after
from .edits import split_actor_row
from .migrations import FORMAT_VERSION, now
from .pg_edit_sql import edit_functions
from .pg_functions import RECORDER, STATES, functions
from .reads import _actor_records, _event_from_row, _json, claim_of_row
from .records import HistoryEntry
from .resolve import normalise_name

if TYPE_CHECKING:
    from .store import Store

FUNCTIONS = functions(STATES, RECORDER) + edit_functions()

# empties the server's log of an action (`pg_functions.RECORDER`'s `wb_log`)
CLEAR_LOG = "DELETE FROM pg_temp.wb_log"

# how the audit row is inserted (`audit.write_entry`): what `touched` notes of it
AUDIT_INSERT = audit_insert()


class Editor(Protocol):
    """What the one-trip edits need of a case object (`CaseFile`)."""

    _store: Store
    user: str
    session: str

    def _remember(self, entry_id: int, changes: list[dict[str, Any]]) -> None: ...


def available(store: Store) -> bool:
    """Whether edits can be sent in one round trip: a case on a server, at this release's
    format, on a connection that could make its functions (or has not tried)."""
    db = store.db
    return (
        isinstance(db, postgres.Connection)
        and db.one_trip is not False
        and store.format_version == FORMAT_VERSION
        and not store.readonly
    )


def update_row(
    case: Editor,
    action: str,
    kind: str,
    record_id: str,
    values: Mapping[str, str],
    expected: object,
    none: Sequence[str] = (),
    note: str | None = None,
) -> Any:
    """Set text columns of one actor or claim (`values`, cleaned already, each named in
    its `edited` list) as `edits.update_actor` / `set_claim_status` do, in one round trip;
    `none`: records the audit row names as neither before nor after (a claim's status
    names its note, which `set_claim_status` may add); `note`: that note's text, added in
    the same action. The record as the edit leaves it, or None: done by the ordinary path
    instead."""
    store = case._store
    if not values or not available(store):
        return None
    if expected is not None and (isinstance(expected, bool) or not isinstance(expected, int)):
        return None  # the ordinary path says what is wrong with it
    table = {"actor": "actors", "claim": "claims"}[kind]
    cols = list(values)
    always, per_col = _counter_names(table, cols)
    if note is not None:  # the note's row too, as `Transaction.insert` notes it
        noted = touched.Touched()
        noted.wrote("notes", {"id": None, "target_id": record_id})
        always = list(dict.fromkeys([*always, *_names(noted)]))
    result = _one_trip(
        store,
        f"{action.replace('_', ' ')}",
        "SELECT pg_temp.wb_update(%s::text, %s::text, %s::text, %s::text[], %s::text[], %s::text[], "
        "%s::bigint, %s::text[], %s::jsonb, %s::text, %s::text, %s::text, %s::text, %s::text[], "
        "%s::text, %s::text)",
        (
            table,
            kind,
            record_id,
            cols,
            [values[c] for c in cols],
            cols,
            expected,
            always,
            json.dumps(per_col),
            now(),
            case.user,
            case.session,
            action,
            list(none),
            note,
            now(),
        ),
        lambda found: _noted_update(table, found),
    )
    if result is None:
        return None
    changes = result["changes"]
    case._remember(int(result["audit"]), changes)
    if kind == "actor":  # made of its state after, as the audit row has it
        return _actor_of_state(result["after"][kind])
    read = {k: v for k, v in result["read"].items() if k != "rowid"}  # as `SELECT *` hides it
    after = record_after(kind, record_id, read, [c for c in changes if c["table"] == table])
    return after if after is not None else _record_of_row(kind, record_id, read)


def _actor_of_state(state: dict[str, Any]) -> Any:
    """The actor (`CaseActor`) whose `to_dict()` is `state`, made by the read API's code."""
    actor_id = state["id"]
    row = {
        **{k: state[k] for k in ("id", "name", "type", "status", "version")},
        "roles": json.dumps(state["roles"]),
        "edited": json.dumps(state["edited"]),
    }
    found = _actor_records(
        [row],
        {actor_id: list(state["aliases"])},
        {actor_id: list(state["articles"])},
        {actor_id: int(state["mention_count"])},
    )
    return found[0]


def add_note(case: Editor, target_id: str, text: str) -> Any:
    """`edits.add_note` in one round trip: the note, or None (the ordinary path then)."""
    from .records import Note

    store = case._store
    if not text.strip() or not available(store):
        return None
    noted = touched.Touched()
    noted.wrote("notes", {"id": None, "target_id": target_id})
    noted.statement(AUDIT_INSERT)
    created = now()
    result = _one_trip(
        store,
        "add a note",
        "SELECT pg_temp.wb_add_note(%s::text, %s::text, %s::text, %s::text, %s::text, %s::text, "
        "%s::text[])",
        (target_id, text, created, case.user, now(), case.session, _names(noted)),
        lambda found: _noted_insert(found),
    )
    if result is None:
        return None
    case._remember(int(result["audit"]), result["changes"])
    return Note(
        id=result["id"], target_id=target_id, text=text, created_at=created, created_by=case.user
    )


def undo(case: Editor) -> Any:
    """`CaseFile.undo` in one round trip: the history entry undone, or None (nothing to
    undo, an action that cannot be undone, one whose rows another session changed since:
    the ordinary path then, which says so)."""
    store = case._store
    if not available(store):
        return None
    base = touched.Touched()
    base.statement(UNDONE_BY)
    result = _one_trip(
        store,
        "undo",
        "SELECT pg_temp.wb_undo(%s::text, %s::text, %s::text, %s::text[], %s::text[])",
        (case.session, now(), case.user, _names(base), sorted(touched._UNREAD)),
        _noted_revert,
    )
    if result is None:
        return None
    # as `reads.load_history` makes it of its row
    entry = dict(result["entry"])
    entry["before"], entry["after"] = _json(entry["before"]), _json(entry["after"])
    return HistoryEntry(**entry)


def link_source(
    case: Editor, claim_id: str, source: str, relation: object, note: str | None
) -> Any:
    """`CaseFile.link_source` in one round trip: the link, or None (the ordinary path)."""
    from .records import SourceLink

    relation_value = _value(SourceRelation, relation)
    if relation_value is None or not _texts(claim_id, source) or not isinstance(note, str | None):
        return None
    source = source.strip()
    url_ok = source.lower().startswith(("http://", "https://")) and "." in source
    found = _recorded(
        case,
        "link a source",
        "SELECT pg_temp.wb_link_source(%s::text, %s::text, %s::bigint = 1, %s::text, "
        "%s::text, %s::text, %s::jsonb)",
        (claim_id, source, int(url_ok), relation_value, note, now()),
    )
    return None if found is None else SourceLink(**found["after"]["link"])


def unlink_source(case: Editor, link_id: str, expected: object) -> bool:
    """`CaseFile.unlink_source` in one round trip: whether it was done (else the ordinary
    path does it)."""
    if not _texts(link_id) or not _version(expected):
        return False
    found = _recorded(
        case,
        "remove a source link",
        "SELECT pg_temp.wb_unlink_source(%s::text, %s::bigint, %s::jsonb)",
        (link_id, expected),
    )
    return found is not None


def update_actors(
    case: Editor,
    action: str,
    ids: Sequence[str],
    keys: Sequence[str],
    values: Mapping[str, str],
    expected: Mapping[str, object] | None,
) -> list[Any] | None:
    """`CaseFile.update_actors`, or `update_actor` with a new name (its alias rule added as
    `edits.update_actor` adds it), in one round trip: `values` cleaned already, each named
    in `edited` (a name as "name"); the audit's records keyed by `keys`. The actors as the
    edit leaves them, or None (the ordinary path)."""
    if not values or not _texts(*ids) or not _versions(expected):
        return None
    name = values.get("name")
    norm = normalise_name(name) if name is not None else None
    found = _recorded(
        case,
        ACTIONS[action],
        "SELECT pg_temp.wb_update_actors(%s::text[], %s::text[], %s::jsonb, %s::jsonb, "
        "%s::text[], %s::text, %s::text, %s::text, %s::jsonb)",
        (
            list(ids),
            list(keys),
            json.dumps(dict(expected or {})),
            json.dumps(dict(values)),
            list(values),
            norm,
            action,
            ", ".join(ids),
        ),
    )
    return None if found is None else [_actor_of_state(found["after"][k]) for k in keys]


def update_claim_fields(
    case: Editor,
    claim_id: str,
    *,
    text: object = None,
    start: object = None,
    end: object = None,
    speaker: object = None,
    speaker_text: object = None,
    channels: object = None,
    kind: object = None,
    review: object = None,
    expected: object = None,
) -> Any:
    """`CaseFile.update_claim` whole (`checking.update_claim`'s arguments) in one round
    trip: a new span (trimmed on the server as `checking.article_span` trims it), text,
    speaker (an actor id or ""), speaker description, chain, kind, review. The claim as
    the edit leaves it, or None: the ordinary path, which says what is wrong (a span with
    a text, an unknown actor, a span outside the article) or adds a speaker given as
    (name, type)."""
    values: dict[str, Any] = {}
    edited: list[str] = []
    actors: list[str | None] = []
    span: list[int | None] | None = None
    if start is not None or end is not None:
        if text is not None or not all(_offset(v) for v in (start, end)):
            return None
        span = [cast(int | None, start), cast(int | None, end)]
        edited += ["span", "text"]
    if text is not None:
        if not isinstance(text, str) or not text.strip():
            return None
        values["text"] = text
        edited.append("text")
    if speaker is not None:
        if not isinstance(speaker, str):
            return None  # a new actor as (name, type): the ordinary path adds it
        values["speaker"] = speaker or None
        actors.append(speaker or None)
        edited.append("speaker")
    if speaker_text is not None:
        if not isinstance(speaker_text, str):
            return None
        values["speaker_text"] = speaker_text.strip() or None
        edited.append("speaker")
    if channels is not None:
        chain = _chain(channels)
        if chain is None:
            return None
        values["channels"], values["channel_kinds"] = chain
        actors += json.loads(chain[0])
        edited.append("channels")
    for column, value, enum in (("kind", kind, ClaimKind), ("review", review, ReviewStatus)):
        if value is not None:
            cleaned = _value(enum, value)
            if cleaned is None:
                return None
            values[column] = cleaned
            edited.append(column)
    if not values and span is None:
        return None  # nothing to change: the ordinary path says so
    return _update_claim(case, claim_id, values, edited, actors, span, expected)


def _update_claim(
    case: Editor,
    claim_id: str,
    values: dict[str, Any],
    edited: list[str],
    actors: list[str | None],
    span: list[int | None] | None,
    expected: object,
) -> Any:
    if not _texts(claim_id) or not _version(expected):
        return None
    found = _recorded(
        case,
        ACTIONS["update_claim"],
        "SELECT pg_temp.wb_update_claim(%s::text, %s::bigint, %s::jsonb, %s::text[], "
        "%s::text[], %s::bigint[], %s::text, %s::jsonb)",
        (
            claim_id,
            expected,
            json.dumps(values),
            edited,
            [a for a in actors if a],
            span,
            SPACES,
        ),
    )
    if found is None:
        return None
    row = json.loads(found["row"])  # in the table's columns' order, as `SELECT *` reads it
    row.pop("rowid", None)
    return claim_of_row(row)


# every character Python's str.isspace takes (Unicode 15 as Python 3.11-3.13 have it):
# `checking.article_span` trims a span of them, and the server, given them, trims it
# alike. Written out, not scanned from the 1.1 million code points at each import;
# tests/case/test_postgres_one_trip.py checks it against the scan
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


class _EveryActor:
    """A stand-in transaction for which every actor exists: `checking.channel_steps`
    then reads a chain as it always does (its steps' forms and kinds, an actor twice),
    and the server checks that its actors are the case's."""

    def row(self, sql: str, params: Sequence[Any]) -> dict[str, Any]:
        return {}


def _chain(steps: object) -> tuple[str, str] | None:
    """The chain as `checking.channel_steps` stores it, or None where it refuses it."""
    try:
        return checking.channel_steps(cast(Any, _EveryActor()), cast(Any, steps))
    except (CaseError, TypeError, ValueError):
        return None


def _offset(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def update_event(
    case: Editor,
    event_id: str,
    *,
    date: object = None,
    date_end: object = None,
    precision: object = None,
    summary: object = None,
    review: object = None,
    claim: object = None,
    expected: object = None,
) -> Any:
    """`CaseFile.update_event` in one round trip: the values cleaned as
    `edits.update_event` cleans them (dates through the one date parser), a new date's
    own precision set on the server where the event's is another. The event as the edit
    leaves it, or None (the ordinary path, which says what is wrong)."""
    if not _texts(event_id) or not _version(expected):
        return None
    values: dict[str, Any] = {}
    own: str | None = None
    try:
        if claim is not None:
            if not isinstance(claim, str):
                return None
            values["claim"] = claim or None
        if date is not None:
            if not str(date).strip():
                return None
            parsed = parse_date(date, what="event date")
            values["date"] = parsed.isoformat()
            if precision is None:
                own = parsed.precision.value
        if date_end is not None:
            values["date_end"] = (
                parse_date(date_end, what="end date").isoformat() if str(date_end).strip() else None
            )
    except DateError:
        return None
    for column, value, enum in (
        ("precision", precision, Precision),
        ("summary", summary, None),
        ("review", review, ReviewStatus),
    ):
        if value is None:
            continue
        if enum is None:
            if not isinstance(value, str):
                return None
            values[column] = value
        else:
            cleaned = _value(enum, value)
            if cleaned is None:
                return None
            values[column] = cleaned
    if not values:
        return None
    edited = list(values)
    # with the date's own precision: named where `edits.update_event` adds it, after the date
    with_own = (
        [*edited[: edited.index("date") + 1], "precision", *edited[edited.index("date") + 1 :]]
        if own
        else edited
    )
    found = _recorded(
        case,
        ACTIONS["update_event"],
        "SELECT pg_temp.wb_update_event(%s::text, %s::bigint, %s::jsonb, %s::text[], %s::text, "
        "%s::text, %s::text[], %s::text, %s::jsonb)",
        (
            event_id,
            expected,
            json.dumps(values),
            edited,
            own,
            Precision.APPROXIMATE.value,
            with_own,
            values.get("claim"),
        ),
    )
    if found is None:
        return None
    row = json.loads(found["row"])
    row.pop("rowid", None)
    return _event_from_row(row)


def split_alias(case: Editor, actor_id: str, alias: str, expected: object) -> str | None:
    """`CaseFile.split_alias` in one round trip (two when a text of the actor is not
    plain ASCII: the server asks for the normal forms Python gives, `normalise_name`):
    the new actor's id, or None (the ordinary path)."""
    if not _texts(actor_id, alias) or not _version(expected):
        return None
    norm = normalise_name(alias)
    if not norm:
        return None
    found = _asking(
        case,
        ACTIONS["split_alias"],
        "SELECT pg_temp.wb_split_alias(%s::text, %s::text, %s::text, %s::bigint, %s::jsonb, "
        "%s::jsonb, %s::jsonb)",
        (actor_id, alias, norm, expected, json.dumps(split_actor_row(alias, ""))),
    )
    return None if found is None else str(found["id"])


def merge_actors(
    case: Editor,
    keep_id: str,
    others: Sequence[str],
    keys: Sequence[str],
    expected: Mapping[str, object] | None,
) -> Any:
    """`CaseFile.merge_actors` in one round trip: the kept actor as the merge leaves it,
    or None (the ordinary path)."""
    if not _texts(keep_id, *others) or keep_id in others or not _versions(expected):
        return None
    found = _asking(
        case,
        ACTIONS["merge_actors"],
        "SELECT pg_temp.wb_merge(%s::text, %s::text[], %s::text[], %s::jsonb, %s::jsonb, "
        "%s::jsonb)",
        (keep_id, list(others), list(keys), json.dumps(dict(expected or {}))),
    )
    return None if found is None else _actor_of_state(found["after"]["keep"])


def _asking(case: Editor, what: str, sql: str, params: Sequence[Any]) -> dict[str, Any] | None:
    """An edit whose function may ask for names' normal forms (outcome "names": names
    of other scripts, or with accents, which only Python's `normalise_name` normalises):
    called with none, then, if asked, again with those (the server wrote nothing the
    first time). `sql` takes the names' forms (JSON, by name) after `params`."""
    norms: dict[str, str] = {}
    for _ in range(2):
        found = _recorded(case, what, sql, (*params, json.dumps(norms)))
        if found is None or found["outcome"] == "done":
            return found
        norms = {str(name): normalise_name(str(name)) for name in found["names"]}
    return None  # renamed again between the two: the ordinary path


def _recorded(case: Editor, what: str, sql: str, params: Sequence[Any]) -> dict[str, Any] | None:
    """One edit written by the server's recorder (`pg_functions.wb_finish`): its call,
    with the context it records (when, who, which session, the counters its audit row
    moves) as the last parameter. Its answer, the change remembered for undo, or None."""
    if not available(case._store):
        return None
    base = touched.Touched()
    base.statement(AUDIT_INSERT)
    context = {
        "at": now(),
        "who": case.user,
        "session": case.session,
        "always": _names(base),
        "unread": sorted(touched._UNREAD),
    }
    found = _one_trip(case._store, what, sql, (*params, json.dumps(context)), _noted_ops)
    if found is not None and found["outcome"] == "done":
        case._remember(int(found["audit"]), found["changes"])
    return found


def _value(enum: type[Enum], value: object) -> str | None:
    """`value` as stored, when it is one of `enum`'s (else the ordinary path says why)."""
    try:
        return str(enum(value).value)
    except ValueError:
        return None


def _texts(*values: object) -> bool:
    return all(isinstance(v, str) for v in values)


def _version(expected: object) -> bool:
    """Whether `expected` is none or a version number (else the ordinary path refuses it)."""
    return expected is None or (isinstance(expected, int) and not isinstance(expected, bool))


def _versions(expected: Mapping[str, object] | None) -> bool:
    return expected is None or (
        isinstance(expected, Mapping)
        and all(isinstance(k, str) and v is not None and _version(v) for k, v in expected.items())
    )


# how `CaseFile.undo` marks the entry it undid (what `touched` notes of it)
UNDONE_BY = "UPDATE audit SET undone_by = ? WHERE id = ?"


def _noted_revert(found: dict[str, Any]) -> touched.Touched:
    """What an undo's revert touched, as `Transaction.revert` notes it."""
    return _noted_ops(found, UNDONE_BY)


def _noted_ops(found: dict[str, Any], statement: str = AUDIT_INSERT) -> touched.Touched:
    """What the server's writes (`ops`: rows updated, added or removed, whole) touched,
    as `Transaction.update`, `insert` and `delete` note them, with the audit's statement."""
    noted = touched.Touched()
    for op in found["ops"]:
        row = op["row"]
        if op["op"] == "updated":
            noted.updated(op["table"], op["cols"], row, {**row, **op["set"]})
        else:
            noted.wrote(op["table"], row)
    noted.statement(statement)
    return noted


def _names(noted: touched.Touched) -> list[str]:
    """The counters a change noted as `noted` moves, as `touched.count_statement` names
    them."""
    return ["changes", "changes:tracked", *noted.names()]


def _counter_names(table: str, cols: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """The counters an update of `cols` (and `edited`, `version`) of one row of `table`
    with its audit row moves: those moved whatever changed, and the rest by the column
    whose change moves them ("*": any column's)."""
    base = touched.Touched()
    base.statement(AUDIT_INSERT)
    always = _names(base)
    any_column = touched.Touched()
    any_column.updated(table, [])
    for_any = set(any_column.names())
    per_col: dict[str, str] = {}
    for column in [*cols, "edited", "version"]:
        one = touched.Touched()
        one.updated(table, [column])
        for name in one.names():
            if name not in always:
                per_col[name] = "*" if name in for_any or column == "version" else column
    return always, per_col


def _noted_update(table: str, found: dict[str, Any]) -> touched.Touched:
    """What the update touched, as `Transaction.update` notes it (the journal's entry)."""
    noted = touched.Touched()
    read = {k: v for k, v in found["read"].items() if k != "rowid"}  # as `SELECT *` hides it
    for change in found["changes"]:
        if change["op"] == "update":
            noted.updated(table, list(change["after"]), read, {**read, **change["after"]})
        else:  # a claim's status's note
            noted.wrote(change["table"], change["after"])
    noted.statement(AUDIT_INSERT)
    return noted


def _noted_insert(found: dict[str, Any]) -> touched.Touched:
    noted = touched.Touched()
    for change in found["changes"]:
        noted.wrote(change["table"], change["after"])
    noted.statement(AUDIT_INSERT)
    return noted


def _one_trip(
    store: Store,
    what: str,
    sql: str,
    params: Sequence[Any],
    noted: Callable[[dict[str, Any]], touched.Touched],
) -> dict[str, Any] | None:
    """BEGIN with the writers' lock, the functions if this connection has not made them
    yet, the call and COMMIT, in one round trip. The call's answer when it did the edit
    (its change then in the store's journal, `noted`), else None (nothing written)."""
    db = store.db
    assert isinstance(db, postgres.Connection)
    installing = not db.one_trip
    with store.lock:
        if store.closed:
            raise CaseError(f"{store.path} is closed: cannot {what}")
        if db.in_transaction:  # this thread's own: only it can hold the lock
            raise CaseError(f"cannot {what} inside another change to the case")
        db.execute("BEGIN IMMEDIATE")  # sent with what follows
        statements: list[tuple[str, Sequence[Any] | None]] = [
            *((function, None) for function in (FUNCTIONS if installing else ())),
            # the action's log starts empty whatever an earlier action left in it (a mark
            # left there would skip a version bump: `pg_functions.wb_set`)
            (CLEAR_LOG, None),
            (sql, params),
            ("COMMIT", None),
        ]
        try:
            # one message: the server's process woken once to read it (`send_as_one`)
            rows = db.send_as_one(statements)[-2]
        except sqlite3.OperationalError as exc:
            store._rollback()
            if "busy or locked" in str(exc):
                raise CaseError(f"cannot {what}: {exc}") from None
            if installing:  # no temporary functions for this role: the ordinary path
                db.one_trip = False
            return None
        except sqlite3.DatabaseError:
            store._rollback()
            return None
        db.one_trip = True
        found = rows[0][0] if rows else None
        if isinstance(found, dict) and found.get("outcome") == "names":
            return found  # nothing written: names to normalise, asked of the client
        if not isinstance(found, dict) or found.get("outcome") != "done":
            return None
        store.committed(noted(found))
    return found


__all__ = [
    "FUNCTIONS",
    "add_note",
    "available",
    "link_source",
    "merge_actors",
    "undo",
    "unlink_source",
    "update_actors",
    "split_alias",
    "update_claim_fields",
    "update_event",
    "update_row",
]
