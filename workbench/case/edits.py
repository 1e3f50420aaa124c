"""A person's edits, as changes inside one transaction. `Case` wraps each with its audit row.

Every write here goes through `Transaction.insert/update/delete`, which remember the rows
before and after: that is what `undo` replays backwards.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, TypeVar

from ..dates import parse_date
from ..errors import CaseError, NotFoundError
from ..model import ActorType, ClaimKind, ClaimStatus, Precision, ReviewStatus, SourceRelation
from .migrations import now
from .resolve import distinct, normalise_name
from .store import Transaction

E = TypeVar("E", bound=Enum)
NOTE_TARGETS = ("articles", "actors", "claims", "events", "relations", "links", "notes")


def choice(enum: type[E], value: Any, what: str) -> E:
    """`value` as a member of `enum`, or a CaseError naming the choices."""
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(m.value for m in enum)
        raise CaseError(f"{value!r} is not a {what} (one of: {choices})") from None


def get_row(tx: Transaction, table: str, row_id: str, what: str) -> dict[str, Any]:
    found = tx.row(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    if found is None:
        raise NotFoundError(f"no {what} {row_id!r} in this case")
    return dict(found)


def _with_edited(row: dict[str, Any], *names: str) -> str:
    return json.dumps(distinct([*json.loads(row["edited"]), *names]))


def _replace_in_json_lists(tx: Transaction, table: str, column: str, old: str, new: str) -> None:
    rows = tx.rows(
        f"SELECT t.id, t.{column} FROM {table} t WHERE EXISTS "
        f"(SELECT 1 FROM json_each(t.{column}) j WHERE j.value = ?) ORDER BY t.rowid",
        (old,),
    )
    for row in rows:
        values = distinct(new if v == old else v for v in json.loads(row[1]))
        tx.update(table, {"id": row[0]}, {column: json.dumps(values)})


# --- actors ----------------------------------------------------------------------------------


def merge_actors(tx: Transaction, keep_id: str, other_id: str) -> dict[str, Any]:
    if keep_id == other_id:
        raise CaseError(f"cannot merge actor {keep_id!r} with itself")
    keep = get_row(tx, "actors", keep_id, "actor")
    other = get_row(tx, "actors", other_id, "actor")
    # each in the order rows were added (rowid), on either back end: the undo data of a
    # merge is the same on a file and on a server, whichever index each reads by
    rules = tx.rows("SELECT norm, type FROM aliases WHERE actor_id = ? ORDER BY rowid", (other_id,))
    for alias in rules:
        tx.update("aliases", {"norm": alias[0], "type": alias[1]}, {"actor_id": keep_id})
    # the other's own name becomes an alias rule of the kept actor too
    _ensure_alias(tx, keep_id, other["name"], other["type"])
    for table, column in (("mentions", "actor_id"), ("claims", "speaker"), ("links", "actor_id")):
        for row in tx.rows(
            f"SELECT id FROM {table} WHERE {column} = ? ORDER BY rowid", (other_id,)
        ):
            tx.update(table, {"id": row[0]}, {column: keep_id})
    for column in ("source", "target"):
        for row in tx.rows(
            f"SELECT id FROM relations WHERE {column} = ? ORDER BY rowid", (other_id,)
        ):
            tx.update("relations", {"id": row[0]}, {column: keep_id})
    for row in tx.rows("SELECT id FROM notes WHERE target_id = ? ORDER BY rowid", (other_id,)):
        tx.update("notes", {"id": row[0]}, {"target_id": keep_id})
    _replace_in_json_lists(tx, "claims", "channels", other_id, keep_id)
    _replace_in_json_lists(tx, "events", "actors", other_id, keep_id)
    roles = distinct([*json.loads(keep["roles"]), *json.loads(other["roles"])])
    # "merged" marks the kept actor as a person's work: it, and so the merged alias
    # rules, outlive a re-extraction that no longer mentions it
    tx.update(
        "actors",
        {"id": keep_id},
        {"roles": json.dumps(roles), "edited": _with_edited(keep, "merged")},
    )
    tx.delete("actors", {"id": other_id})
    return {"keep": keep, "other": other}


def _ensure_alias(tx: Transaction, actor_id: str, name: str, actor_type: str) -> None:
    norm = normalise_name(name)
    if (
        norm
        and tx.row("SELECT 1 FROM aliases WHERE norm = ? AND type = ?", (norm, actor_type)) is None
    ):
        tx.insert(
            "aliases",
            {"actor_id": actor_id, "norm": norm, "type": actor_type, "alias": name, "pinned": 0},
        )


def split_alias(tx: Transaction, actor_id: str, alias: str) -> str:
    actor = get_row(tx, "actors", actor_id, "actor")
    norm = normalise_name(alias)
    # each in the order rows were added (rowid), as a merge reads them: the same undo data
    # on a file and on a server (`pg_edit_sql.wb_split_alias` too)
    rules = tx.rows(
        "SELECT norm, type, alias FROM aliases WHERE actor_id = ? AND norm = ? ORDER BY rowid",
        (actor_id, norm),
    )
    mentions = [
        row[0]
        for row in tx.rows(
            "SELECT id, text FROM mentions WHERE actor_id = ? ORDER BY rowid", (actor_id,)
        )
        if normalise_name(row[1]) == norm
    ]
    if not rules and not mentions:
        raise NotFoundError(f"actor {actor_id!r} has no alias {alias!r}")
    if norm == normalise_name(actor["name"]):
        raise CaseError(
            f"{alias!r} is the name of actor {actor_id!r}: rename the actor before splitting it off"
        )
    new_id = tx.next_id("A")
    tx.insert("actors", {"id": new_id, **split_actor_row(alias, actor["type"])})
    for rule in rules:
        tx.update("aliases", {"norm": rule[0], "type": rule[1]}, {"actor_id": new_id, "pinned": 1})
    if not rules:
        tx.insert(
            "aliases",
            {"actor_id": new_id, "norm": norm, "type": actor["type"], "alias": alias, "pinned": 1},
        )
    for mention_id in mentions:
        tx.update("mentions", {"id": mention_id}, {"actor_id": new_id})
    for row in tx.rows(
        "SELECT id, speaker_text FROM claims WHERE speaker = ? ORDER BY rowid", (actor_id,)
    ):
        if row[1] and normalise_name(row[1]) == norm:
            tx.update("claims", {"id": row[0]}, {"speaker": new_id})
    return new_id


def split_actor_row(alias: str, actor_type: str) -> dict[str, Any]:
    """The row of the actor `split_alias` makes of `alias` (without its id), written on
    a server by `pg_edits.split_alias` too."""
    return {
        "name": alias,
        "type": actor_type,
        "status": "extracted",
        "roles": "[]",
        "edited": json.dumps(["split"]),
    }


def update_actor(
    tx: Transaction,
    actor_id: str,
    *,
    name: str | None = None,
    type: str | None = None,
    status: str | None = None,
    row: dict[str, Any] | None = None,
) -> None:
    """`row`: the actor's row as this transaction already read it (one round trip fewer
    on a server)."""
    actor = row if row is not None else get_row(tx, "actors", actor_id, "actor")
    values: dict[str, Any] = {}
    edited: list[str] = []
    if name is not None:
        if not name.strip():
            raise CaseError("an actor's name cannot be empty")
        values["name"] = name.strip()
        edited.append("name")
        # the new name resolves to this actor in articles added later
        extracted_types = [
            r[0]
            for r in tx.rows("SELECT DISTINCT type FROM aliases WHERE actor_id = ?", (actor_id,))
        ]
        for actor_type in extracted_types or [actor["type"]]:
            _ensure_alias(tx, actor_id, values["name"], actor_type)
    if type is not None:
        values["type"] = choice(ActorType, type, "actor type").value
        edited.append("type")
    if status is not None:
        values["status"] = choice(ReviewStatus, status, "review status").value
        edited.append("status")
    if not values:
        raise CaseError("nothing to change: give name, type or status")
    values["edited"] = _with_edited(actor, *edited)
    # the row read above: adding an alias rule leaves it as it was
    tx.update("actors", {"id": actor_id}, values, before=actor)


# --- claims ------------------------------------------------------------------------------------


def update_claim(
    tx: Transaction,
    claim_id: str,
    *,
    text: str | None = None,
    speaker: str | None = None,
    kind: str | None = None,
    review: str | None = None,
) -> None:
    claim = get_row(tx, "claims", claim_id, "claim")
    values: dict[str, Any] = {}
    if text is not None:
        if not text.strip():
            raise CaseError("a claim's text cannot be empty")
        values["text"] = text
    if speaker is not None:
        if speaker:
            get_row(tx, "actors", speaker, "actor")
        values["speaker"] = speaker or None  # "" makes the speaker unnamed
    if kind is not None:
        values["kind"] = choice(ClaimKind, kind, "claim kind").value
    if review is not None:
        values["review"] = choice(ReviewStatus, review, "review status").value
    if not values:
        raise CaseError("nothing to change: give text, speaker, kind or review")
    values["edited"] = _with_edited(claim, *values)
    tx.update("claims", {"id": claim_id}, values)


def update_event(
    tx: Transaction,
    event_id: str,
    *,
    date: object = None,
    date_end: object = None,
    precision: str | None = None,
    summary: str | None = None,
    review: str | None = None,
    claim: str | None = None,
) -> None:
    event = get_row(tx, "events", event_id, "event")
    values: dict[str, Any] = {}
    if claim is not None:  # the claim that reports it; "" detaches it
        if claim:
            found = get_row(tx, "claims", claim, "claim")
            if found["article_id"] != event["article_id"]:
                raise CaseError(f"claim {claim} is not in the article of event {event_id}")
        values["claim"] = claim or None
    if date is not None:
        if not str(date).strip():
            raise CaseError("an event needs a date")
        values["date"] = parse_date(date, what="event date")
        own = values["date"].precision  # "2016-10" is a month
        if precision is None and event["precision"] not in (own.value, Precision.APPROXIMATE):
            values["precision"] = own
    if date_end is not None:  # "" clears the end of a range
        values["date_end"] = (
            parse_date(date_end, what="end date") if str(date_end).strip() else None
        )
    if precision is not None:
        values["precision"] = choice(Precision, precision, "date precision")
    if summary is not None:
        values["summary"] = summary
    if review is not None:
        values["review"] = choice(ReviewStatus, review, "review status").value
    if not values:
        raise CaseError(
            "nothing to change: give date, date_end, precision, summary, review or claim"
        )
    values["edited"] = _with_edited(event, *values)
    tx.update("events", {"id": event_id}, values)


def set_claim_status(
    tx: Transaction,
    claim_id: str,
    status: str,
    *,
    who: str,
    row: dict[str, Any] | None = None,
) -> str | None:
    """`row`: the claim's row as this transaction already read it (the version check's):
    two round trips fewer on a server (reading it, and reading it again to update it)."""
    claim = row if row is not None else get_row(tx, "claims", claim_id, "claim")
    value = choice(ClaimStatus, status, "claim status").value
    tx.update(
        "claims",
        {"id": claim_id},
        {"status": value, "edited": _with_edited(claim, "status")},
        before=claim,
    )
    return value


def link_source(
    tx: Transaction, claim_id: str, source: str, *, relation: str, note: str | None, who: str
) -> str:
    get_row(tx, "claims", claim_id, "claim")
    relation_value = choice(SourceRelation, relation, "source relation").value
    source = source.strip()
    actor_id: str | None = None
    url: str | None = None
    if tx.row("SELECT 1 FROM actors WHERE id = ?", (source,)) is not None:
        actor_id = source
    elif source.lower().startswith(("http://", "https://")) and "." in source:
        url = source
    else:
        raise NotFoundError(f"{source!r} is neither an actor of this case nor an http(s) URL")
    duplicate = tx.row(
        "SELECT id FROM links WHERE claim_id = ? AND relation = ? AND actor_id IS ? AND url IS ?",
        (claim_id, relation_value, actor_id, url),
    )
    if duplicate is not None:
        raise CaseError(f"claim {claim_id!r} is already linked to {source!r} ({duplicate[0]})")
    link_id = tx.next_id("L")
    tx.insert(
        "links",
        {
            "id": link_id,
            "claim_id": claim_id,
            "relation": relation_value,
            "actor_id": actor_id,
            "url": url,
            "note": note,
            "created_at": now(),
            "created_by": who,
        },
    )
    return link_id


def unlink_source(tx: Transaction, link_id: str) -> dict[str, Any]:
    link = get_row(tx, "links", link_id, "source link")
    tx.delete("links", {"id": link_id})
    return link


def add_note(tx: Transaction, target_id: str, text: str, *, who: str) -> str:
    if not text.strip():
        raise CaseError("a note cannot be empty")
    if not any(
        tx.row(f"SELECT 1 FROM {table} WHERE id = ?", (target_id,)) is not None
        for table in NOTE_TARGETS
    ):
        raise NotFoundError(f"no article, actor, claim, event or link {target_id!r} in this case")
    note_id = tx.next_id("N")
    tx.insert(
        "notes",
        {
            "id": note_id,
            "target_id": target_id,
            "text": text,
            "created_at": now(),
            "created_by": who,
        },
    )
    return note_id
