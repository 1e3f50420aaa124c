"""Edits never land on stale data: each checked row carries a `version`, bumped by every
write, and an edit may name the version it was made against (`expected=`). If the row
changed since, the edit is refused with the row's current value, in one line, so a panel
can show it and refresh.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..errors import CaseError
from . import words
from .edits import get_row
from .migrations import VERSIONED_TABLES
from .store import Transaction

# table -> the word for one of its rows, in messages
WHAT = {
    "actors": "actor",
    "mentions": "mention",
    "claims": "claim",
    "events": "event",
    "links": "source link",
}
SHOWN = 60  # characters of a text shown in a message


class StaleEditError(CaseError):
    """An edit made against an older version of a row than the case now holds."""


def _short(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "\u2026"


def _name(tx: Transaction, actor_id: str | None) -> str:
    """An actor's name (its id only if the actor is gone)."""
    if not actor_id:
        return ""
    found = tx.row("SELECT name FROM actors WHERE id = ?", (actor_id,))
    return str(found[0]) if found is not None else actor_id


def _outlets(tx: Transaction, row: dict[str, Any]) -> str:
    """The chain as the Claims table shows it, latest outlet first: "Reuters ← SANA"."""
    channels = json.loads(row["channels"] or "[]")
    kinds = json.loads(row.get("channel_kinds") or "[]")
    names = [
        f"{_name(tx, c)} (citing)" if i < len(kinds) and kinds[i] == "citing" else _name(tx, c)
        for i, c in enumerate(channels)
    ]
    return " \u2190 ".join(reversed(names)) or "none"


def _date(row: dict[str, Any]) -> str:
    end = f" to {row['date_end']}" if row["date_end"] else ""
    return f"{row['date']}{end}"


# table -> (columns, what a person calls them, their current value in words); a change to
# any of the columns is told as that field. Order: the fields most worth seeing first.
Field = tuple[tuple[str, ...], str, Callable[[Transaction, dict[str, Any]], str]]
FIELDS: dict[str, tuple[Field, ...]] = {
    "claims": (
        (
            ("status", "review"),
            "status",
            lambda tx, r: words.claim_status_words(r["status"], r["review"]),
        ),
        (
            ("speaker", "speaker_text"),
            "speaker",
            lambda tx, r: (
                _name(tx, r["speaker"]) or f"unnamed ({_short(r['speaker_text']) or '-'})"
            ),
        ),
        (("channels", "channel_kinds"), "outlets", _outlets),
        (("kind",), "kind", lambda tx, r: words.words_for(words.KIND_WORDS, r["kind"])),
        (("text", "start", "end"), "words", lambda tx, r: f"\u201c{_short(r['text'])}\u201d"),
    ),
    "actors": (
        (
            ("status",),
            "status",
            lambda tx, r: words.words_for(words.ACTOR_STATUS_WORDS, r["status"]),
        ),
        (("name",), "name", lambda tx, r: str(r["name"])),
        (("type",), "type", lambda tx, r: str(r["type"])),
    ),
    "events": (
        (("review",), "status", lambda tx, r: words.words_for(words.REVIEW_WORDS, r["review"])),
        (("date", "date_end", "precision"), "date", lambda tx, r: _date(r)),
        (("claim",), "claim", lambda tx, r: _claim_words(tx, r["claim"])),
        (("summary",), "summary", lambda tx, r: f"\u201c{_short(r['summary'])}\u201d"),
    ),
    "links": (
        (
            ("relation",),
            "relation",
            lambda tx, r: words.words_for(words.RELATION_WORDS, r["relation"]),
        ),
        (("actor_id", "url"), "source", lambda tx, r: _name(tx, r["actor_id"]) or str(r["url"])),
        (
            ("note",),
            "note",
            lambda tx, r: f"\u201c{_short(r['note'])}\u201d" if r["note"] else "none",
        ),
    ),
    "mentions": (
        (("review",), "status", lambda tx, r: words.words_for(words.REVIEW_WORDS, r["review"])),
        (("actor_id",), "actor", lambda tx, r: _name(tx, r["actor_id"])),
        (("text", "start", "end"), "words", lambda tx, r: f"\u201c{_short(r['text'])}\u201d"),
    ),
}


def _claim_words(tx: Transaction, claim_id: str | None) -> str:
    if not claim_id:
        return "none"
    found = tx.row("SELECT text FROM claims WHERE id = ?", (claim_id,))
    return f"\u201c{_short(found[0])}\u201d" if found is not None else "none"


def changed_columns(tx: Transaction, table: str, row_id: str, expected: int) -> set[str] | None:
    """The columns of a row the recorded actions changed since version `expected`; None
    when they are not all recorded (a re-extraction or an undo changed it)."""
    columns: set[str] = set()
    # the recent undoable actions touching this id, newest first (a refusal is rare: the
    # text search over the log is cheap enough for it)
    found = tx.rows(
        "SELECT changes FROM audit WHERE changes LIKE ? AND undone_by IS NULL ORDER BY id DESC "
        "LIMIT 50",
        (f"%{json.dumps(row_id)}%",),
    )
    for (changes_json,) in found:
        for change in json.loads(changes_json):
            if change["op"] != "update" or change["table"] != table:
                continue
            if change["key"].get("id") != row_id:
                continue
            after = change["after"].get("version")
            if after is not None and after <= expected:
                return None  # the row went back (an undo): what changed is not recorded
            columns.update(c for c in change["after"] if c != "version")
            before = change["before"].get("version")
            if before is not None and before <= expected:
                return columns  # back to the version the person saw
    return None


def describe(tx: Transaction, table: str, row: dict[str, Any], changed: set[str] | None) -> str:
    """What changed in a row and its current value, in the words the panels use: "status
    now rejected", "speaker now Ali Mamlouk, outlets now Reuters \u2190 SANA"."""
    fields = FIELDS[table]
    told = [f for f in fields if changed is not None and set(f[0]) & changed]
    if not told:  # not known (re-extraction) or a column not shown: every field but words
        told = [f for f in fields if f[1] not in ("words", "summary")]
    return ", ".join(f"{label} now {value(tx, row)}" for _, label, value in told)


def _label(tx: Transaction, table: str, row: dict[str, Any]) -> str:
    """The row as a person recognises it: a claim's words, an actor's name."""
    if table in ("claims", "mentions"):
        return f" \u201c{_short(row['text'])}\u201d"
    if table == "actors":
        return f" {row['name']}"
    if table == "events":
        return f" of {_date(row)}"
    return ""


def stale_message(tx: Transaction, table: str, row: dict[str, Any], expected: int) -> str:
    """The one line a person reads when their edit was made on an old view of a row."""
    changed = changed_columns(tx, table, row["id"], expected)
    return (
        f"The {WHAT[table]}{_label(tx, table, row)} was changed since you saw it "
        f"({describe(tx, table, row, changed)}); nothing was saved: look at it again and redo "
        f"your change if it still applies ({WHAT[table]} {row['id']}, version {row['version']}, "
        f"you saw {expected})"
    )


def checked_row(tx: Transaction, table: str, row_id: str, expected: int | None) -> dict[str, Any]:
    """The row, after checking that it is still at `expected` (when given)."""
    what = WHAT[table]
    row = get_row(tx, table, row_id, what)
    if expected is not None:
        if isinstance(expected, bool) or not isinstance(expected, int):
            raise CaseError(f"expected must be a version number, not {expected!r}")
        if row["version"] != expected:
            raise StaleEditError(stale_message(tx, table, row, expected))
    return row


def bump_versions(tx: Transaction, changes: list[dict[str, Any]]) -> None:
    """One more version for every checked row the action updated (once per action)."""
    # only updates: an inserted row starts at its default, a re-inserted one at its own
    seen: set[tuple[str, str]] = set(tx.bumped)  # bumped by their update already
    for change in list(changes):
        table, key = change["table"], change["key"]
        if table not in VERSIONED_TABLES or change["op"] != "update" or "id" not in key:
            continue
        if (table, key["id"]) in seen:
            continue
        seen.add((table, key["id"]))
        # recorded like the edit: an undo brings the row back to the very version it
        # had, so an edit made against that state is no longer stale, and an undo
        # refuses to revert a row another session wrote since
        tx.increment(table, {"id": key["id"]}, "version")
