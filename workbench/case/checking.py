"""The checking loop's edits: what a person adds, fixes, rejects, splits and merges while
checking what extraction proposed. Like `edits`, each is a set of changes inside one
transaction (`Case` wraps it with its audit row); all check the row's version first when
the caller says which one the person saw (`expected`, see `versions`).

Offsets are character offsets into the article text (what a selection in the Article
panel gives); a span's text is always the article's own, never typed.

What re-extraction must keep is marked in `edited`: "added" (a person made the item:
re-extraction never changes or removes it), "span" (its offsets are a person's).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..dates import parse_date
from ..errors import CaseError, NotFoundError
from ..model import ActorType, ClaimKind, Precision, ReviewStatus, SourceRelation
from .edits import _with_edited, choice, get_row
from .records import ChannelKind
from .resolve import distinct, normalise_name
from .store import Transaction
from .versions import checked_row

# a speaker or a chain step given as a new actor: (name, type)
NewActor = tuple[str, str]
Speaker = str | NewActor | None
# a chain step: an actor id, (actor id, kind), or {"actor": id, "kind": kind}
Step = str | tuple[str, str] | Mapping[str, str]


# --- spans -------------------------------------------------------------------------------------


def article_span(tx: Transaction, article_id: str, start: int, end: int) -> tuple[int, int, str]:
    """`start` and `end` checked against the article, trimmed of spaces; with their text."""
    row = tx.row("SELECT text FROM articles WHERE id = ?", (article_id,))
    if row is None:
        raise NotFoundError(f"no article {article_id!r} in this case")
    text = str(row[0])
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise CaseError(f"{name} must be a character offset, not {value!r}")
    if not 0 <= start < end <= len(text):
        raise CaseError(
            f"span {start}-{end} is not inside article {article_id!r} "
            f"(0 to {len(text)} characters, start before end)"
        )
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise CaseError(f"span {start}-{end} of article {article_id!r} holds only spaces")
    return start, end, text[start:end]


# --- actors ------------------------------------------------------------------------------------


def add_actor(
    tx: Transaction,
    name: str,
    actor_type: str,
    mentions: Iterable[tuple[str, int, int]] = (),
) -> str:
    """A new actor a person names (status confirmed), its alias rule, and its mentions."""
    name = " ".join(str(name).split())
    if not name:
        raise CaseError("an actor's name cannot be empty")
    type_value = choice(ActorType, actor_type, "actor type").value
    norm = normalise_name(name)
    if not norm:
        raise CaseError(f"{name!r} is not a name")
    owner = tx.row(
        "SELECT a.id, a.name FROM aliases s JOIN actors a ON a.id = s.actor_id "
        "WHERE s.norm = ? AND s.type = ?",
        (norm, type_value),
    )
    if owner is not None:
        raise CaseError(
            f"{name!r} ({type_value}) is already actor {owner[0]} ({owner[1]!r}): "
            "add the mention to it instead"
        )
    actor_id = tx.next_id("A")
    tx.insert(
        "actors",
        {
            "id": actor_id,
            "name": name,
            "type": type_value,
            "status": ReviewStatus.CONFIRMED.value,
            "roles": "[]",
            "edited": json.dumps(["added"]),
        },
    )
    tx.insert(
        "aliases",
        {"actor_id": actor_id, "norm": norm, "type": type_value, "alias": name, "pinned": 0},
    )
    for mention in mentions:
        try:
            article_id, start, end = mention
        except (TypeError, ValueError):
            raise CaseError(f"a mention is (article_id, start, end), not {mention!r}") from None
        add_mention(tx, actor_id, article_id, start, end)
    return actor_id


def add_mention(tx: Transaction, actor_id: str, article_id: str, start: int, end: int) -> str:
    """A mention of `actor_id` a person marked; an extracted mention of that span moves to
    the actor. Confirmed: re-extraction keeps it, whatever it finds there."""
    get_row(tx, "actors", actor_id, "actor")
    start, end, text = article_span(tx, article_id, start, end)
    same = tx.row(
        'SELECT id FROM mentions WHERE article_id = ? AND start = ? AND "end" = ?',
        (article_id, start, end),
    )
    if same is not None:
        tx.update(
            "mentions",
            {"id": same[0]},
            {"actor_id": actor_id, "review": ReviewStatus.CONFIRMED.value},
        )
        return str(same[0])
    mention_id = tx.next_id("M")
    tx.insert(
        "mentions",
        {
            "id": mention_id,
            "article_id": article_id,
            "actor_id": actor_id,
            "start": start,
            "end": end,
            "text": text,
            "review": ReviewStatus.CONFIRMED.value,
        },
    )
    return mention_id


def remove_mention(tx: Transaction, mention_id: str, *, expected: int | None = None) -> str:
    """A wrong mention, kept as rejected so re-extraction does not bring it back."""
    row = checked_row(tx, "mentions", mention_id, expected)
    if row["review"] == ReviewStatus.REJECTED.value:
        raise CaseError(f"mention {mention_id} is removed already")
    tx.update("mentions", {"id": mention_id}, {"review": ReviewStatus.REJECTED.value})
    return str(row["actor_id"])


# --- claims ------------------------------------------------------------------------------------


def speaker_id(tx: Transaction, speaker: Speaker) -> str | None:
    """An actor id for a speaker given as an id, a new actor (name, type), or ""/None."""
    if speaker is None or speaker == "":
        return None
    if isinstance(speaker, str):
        get_row(tx, "actors", speaker, "actor")
        return speaker
    if isinstance(speaker, tuple | list) and len(speaker) == 2:
        name, actor_type = speaker
        norm = normalise_name(str(name))
        type_value = choice(ActorType, actor_type, "actor type").value
        found = tx.row(
            "SELECT actor_id FROM aliases WHERE norm = ? AND type = ?", (norm, type_value)
        )
        return str(found[0]) if found is not None else add_actor(tx, str(name), type_value)
    raise CaseError(f"a speaker is an actor id or (name, type), not {speaker!r}")


def channel_steps(tx: Transaction, steps: Sequence[Step]) -> tuple[str, str]:
    """The chain as stored: actor ids and their step kinds, both JSON lists, origin first."""
    if isinstance(steps, str):
        raise CaseError("channels is a list of steps, not one string")
    ids: list[str] = []
    kinds: list[str] = []
    for step in steps:
        if isinstance(step, str):
            actor, kind = step, ChannelKind.REPORTED_BY.value
        elif isinstance(step, Mapping):
            actor = str(step.get("actor", ""))
            kind = str(step.get("kind", ChannelKind.REPORTED_BY.value))
        elif isinstance(step, tuple | list) and len(step) == 2:
            actor, kind = str(step[0]), str(step[1])
        else:
            raise CaseError(f"a channel step is an actor id or (actor id, kind), not {step!r}")
        get_row(tx, "actors", actor, "actor")
        if actor in ids:
            raise CaseError(f"actor {actor!r} is in the chain twice")
        ids.append(actor)
        kinds.append(choice(ChannelKind, kind, "channel step kind").value)
    return json.dumps(ids), json.dumps(kinds)


def add_claim(
    tx: Transaction,
    article_id: str,
    start: int,
    end: int,
    *,
    speaker: Speaker = None,
    speaker_text: str | None = None,
    channels: Sequence[Step] = (),
    kind: str = ClaimKind.DIRECT.value,
    cue: str | None = None,
) -> str:
    start, end, text = article_span(tx, article_id, start, end)
    ids, kinds = channel_steps(tx, channels)
    claim_id = tx.next_id("C")
    tx.insert(
        "claims",
        {
            "id": claim_id,
            "article_id": article_id,
            "text": text,
            "start": start,
            "end": end,
            "kind": choice(ClaimKind, kind, "claim kind").value,
            "cue": cue,
            "speaker": speaker_id(tx, speaker),
            "speaker_text": (speaker_text or "").strip() or None,
            "channels": ids,
            "channel_kinds": kinds,
            "review": ReviewStatus.CONFIRMED.value,
            "edited": json.dumps(["added"]),
            "extracted_text": "",
        },
    )
    return claim_id


def update_claim(
    tx: Transaction,
    claim_id: str,
    *,
    text: str | None = None,
    start: int | None = None,
    end: int | None = None,
    speaker: Speaker = None,
    speaker_text: str | None = None,
    channels: Sequence[Step] | None = None,
    kind: str | None = None,
    review: str | None = None,
    expected: int | None = None,
) -> None:
    claim = checked_row(tx, "claims", claim_id, expected)
    values: dict[str, Any] = {}
    edited: list[str] = []
    if start is not None or end is not None:
        if text is not None:
            raise CaseError("give a new span (start, end) or a new text, not both")
        new_start = claim["start"] if start is None else start
        new_end = claim["end"] if end is None else end
        values["start"], values["end"], values["text"] = article_span(
            tx, claim["article_id"], new_start, new_end
        )
        edited += ["span", "text"]
    if text is not None:
        if not text.strip():
            raise CaseError("a claim's text cannot be empty")
        values["text"] = text
        edited.append("text")
    if speaker is not None:
        values["speaker"] = speaker_id(tx, speaker)  # "" makes the speaker unnamed
        edited.append("speaker")
    if speaker_text is not None:
        values["speaker_text"] = speaker_text.strip() or None
        edited.append("speaker")
    if channels is not None:
        values["channels"], values["channel_kinds"] = channel_steps(tx, channels)
        edited.append("channels")
    if kind is not None:
        values["kind"] = choice(ClaimKind, kind, "claim kind").value
        edited.append("kind")
    if review is not None:
        values["review"] = choice(ReviewStatus, review, "review status").value
        edited.append("review")
    if not values:
        raise CaseError(
            "nothing to change: give text, start/end, speaker, speaker_text, channels, "
            "kind or review"
        )
    values["edited"] = _with_edited(claim, *edited)
    tx.update("claims", {"id": claim_id}, values)


def set_claim_review(
    tx: Transaction, claim_id: str, review: ReviewStatus, *, expected: int | None = None
) -> None:
    claim = checked_row(tx, "claims", claim_id, expected)
    if claim["review"] == review.value:
        raise CaseError(f"claim {claim_id} is {review.value} already")
    tx.update(
        "claims",
        {"id": claim_id},
        {"review": review.value, "edited": _with_edited(claim, "review")},
    )


def restored_review(tx: Transaction, claim_id: str) -> ReviewStatus:
    """What a restored claim is: confirmed if a person added it, else as extracted."""
    claim = get_row(tx, "claims", claim_id, "claim")
    if claim["review"] != ReviewStatus.REJECTED.value:
        raise CaseError(f"claim {claim_id} is not rejected ({claim['review']})")
    added = "added" in json.loads(claim["edited"])
    return ReviewStatus.CONFIRMED if added else ReviewStatus.EXTRACTED


def split_claim(tx: Transaction, claim_id: str, at: int, *, expected: int | None = None) -> str:
    """Cut a claim in two at article offset `at`: it keeps the words before, a new claim
    (same speaker, chain and kind) takes those after. Returns the new claim's id."""
    claim = checked_row(tx, "claims", claim_id, expected)
    if isinstance(at, bool) or not isinstance(at, int) or not claim["start"] < at < claim["end"]:
        raise CaseError(
            f"split claim {claim_id} inside its span ({claim['start']}-{claim['end']}), "
            f"not at {at!r}"
        )
    first = article_span(tx, claim["article_id"], claim["start"], at)
    second = article_span(tx, claim["article_id"], at, claim["end"])
    tx.update(
        "claims",
        {"id": claim_id},
        {
            "start": first[0],
            "end": first[1],
            "text": first[2],
            "edited": _with_edited(claim, "span", "text", "split"),
        },
    )
    new_id = tx.next_id("C")
    tx.insert(
        "claims",
        {
            "id": new_id,
            "article_id": claim["article_id"],
            "text": second[2],
            "start": second[0],
            "end": second[1],
            "kind": claim["kind"],
            "cue": claim["cue"],
            "speaker": claim["speaker"],
            "speaker_text": claim["speaker_text"],
            "channels": claim["channels"],
            "channel_kinds": claim["channel_kinds"],
            "status": claim["status"],
            "review": claim["review"],
            "edited": json.dumps(["added", "split"]),
            "extracted_text": "",
        },
    )
    return new_id


def merge_claims(
    tx: Transaction,
    keep_id: str,
    other_id: str,
    *,
    expected: int | None = None,
    other_expected: int | None = None,
) -> None:
    """One claim from two of one article: `keep_id` spans both and takes the other's chain,
    links and events; the other is rejected (so re-extraction does not bring it back)."""
    if keep_id == other_id:
        raise CaseError(f"cannot merge claim {keep_id!r} with itself")
    keep = checked_row(tx, "claims", keep_id, expected)
    other = checked_row(tx, "claims", other_id, other_expected)
    if keep["article_id"] != other["article_id"]:
        raise CaseError(
            f"claims {keep_id} and {other_id} are in different articles: only claims of one "
            "article merge"
        )
    if other["review"] == ReviewStatus.REJECTED.value:
        raise CaseError(f"claim {other_id} is rejected: restore it before merging it")
    start, end, text = article_span(
        tx, keep["article_id"], min(keep["start"], other["start"]), max(keep["end"], other["end"])
    )
    chain = dict(zip(json.loads(keep["channels"]), _kinds(keep), strict=True))
    for actor, kind in zip(json.loads(other["channels"]), _kinds(other), strict=True):
        chain.setdefault(actor, kind)
    values: dict[str, Any] = {
        "start": start,
        "end": end,
        "text": text,
        "channels": json.dumps(list(chain)),
        "channel_kinds": json.dumps(list(chain.values())),
    }
    if keep["speaker"] is None and other["speaker"] is not None:
        values["speaker"] = other["speaker"]
        values["speaker_text"] = other["speaker_text"]
    values["edited"] = _with_edited(keep, "span", "text", "channels", "merged")
    tx.update("claims", {"id": keep_id}, values)
    for link in tx.rows("SELECT * FROM links WHERE claim_id = ?", (other_id,)):
        duplicate = tx.row(
            "SELECT 1 FROM links WHERE claim_id = ? AND relation = ? AND actor_id IS ? "
            "AND url IS ?",
            (keep_id, link["relation"], link["actor_id"], link["url"]),
        )
        if duplicate is None:
            tx.update("links", {"id": link["id"]}, {"claim_id": keep_id})
    for row in tx.rows("SELECT id FROM notes WHERE target_id = ?", (other_id,)):
        tx.update("notes", {"id": row[0]}, {"target_id": keep_id})
    for row in tx.rows("SELECT id FROM events WHERE claim = ?", (other_id,)):
        tx.update("events", {"id": row[0]}, {"claim": keep_id})
    tx.update(
        "claims",
        {"id": other_id},
        {
            "review": ReviewStatus.REJECTED.value,
            "edited": _with_edited(other, "review", "merged"),
        },
    )


def _kinds(claim: Mapping[str, Any]) -> list[str]:
    """A claim's step kinds, one per channel (rows from before format 6 have none)."""
    channels = json.loads(claim["channels"])
    kinds = json.loads(claim["channel_kinds"])
    return [*kinds, *[ChannelKind.REPORTED_BY.value] * (len(channels) - len(kinds))][
        : len(channels)
    ]


# --- events ------------------------------------------------------------------------------------


def add_event(
    tx: Transaction,
    article_id: str,
    start: int,
    end: int,
    date: object,
    *,
    precision: str | None = None,
    date_end: object = None,
    summary: str = "",
    claim: str | None = None,
    actors: Sequence[str] = (),
) -> str:
    """A dated event a person marked in the text: `start`-`end` are the words of its date."""
    start, end, date_text = article_span(tx, article_id, start, end)
    if date is None or not str(date).strip():
        raise CaseError("an event needs a date")
    day = parse_date(date, what="event date")
    ending = parse_date(date_end, what="end date") if date_end not in (None, "") else None
    if claim:
        found = get_row(tx, "claims", claim, "claim")
        if found["article_id"] != article_id:
            raise CaseError(f"claim {claim} is not in article {article_id!r}")
    for actor in actors:
        get_row(tx, "actors", actor, "actor")
    event_id = tx.next_id("E")
    tx.insert(
        "events",
        {
            "id": event_id,
            "article_id": article_id,
            "date": day,
            "date_end": ending,
            "precision": choice(Precision, precision or day.precision.value, "date precision"),
            "date_text": date_text,
            "start": start,
            "end": end,
            "summary": summary,
            "actors": json.dumps(distinct(actors)),
            "claim": claim or None,
            "review": ReviewStatus.CONFIRMED.value,
            "edited": json.dumps(["added"]),
        },
    )
    return event_id


# --- source links ------------------------------------------------------------------------------


def update_link(
    tx: Transaction,
    link_id: str,
    *,
    relation: str | None = None,
    note: str | None = None,
    expected: int | None = None,
) -> str:
    link = checked_row(tx, "links", link_id, expected)
    values: dict[str, Any] = {}
    if relation is not None:
        values["relation"] = choice(SourceRelation, relation, "source relation").value
        duplicate = tx.row(
            "SELECT id FROM links WHERE claim_id = ? AND relation = ? AND actor_id IS ? "
            "AND url IS ? AND id != ?",
            (link["claim_id"], values["relation"], link["actor_id"], link["url"], link_id),
        )
        if duplicate is not None:
            raise CaseError(
                f"claim {link['claim_id']!r} is already linked to that source as "
                f"{values['relation']} ({duplicate[0]})"
            )
    if note is not None:
        values["note"] = note.strip() or None  # "" clears the note
    if not values:
        raise CaseError("nothing to change: give relation or note")
    tx.update("links", {"id": link_id}, values)
    return str(link["claim_id"])
