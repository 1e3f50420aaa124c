"""Edits never land on stale data: each checked row carries a `version`, bumped by every
write, and an edit may name the version it was made against (`expected=`). If the row
changed since, the edit is refused with the row's current value, in one line, so a panel
can show it and refresh.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import CaseError
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


def describe(table: str, row: dict[str, Any]) -> str:
    """A row's current value in a few words, for a one-line message."""
    if table == "claims":
        speaker = row["speaker"] or f"unnamed ({_short(row['speaker_text']) or '-'})"
        channels = ", ".join(json.loads(row["channels"])) or "none"
        return (
            f"{row['review']}, {row['kind']}, speaker {speaker}, channels {channels}, "
            f"text {_short(row['text'])!r}"
        )
    if table == "actors":
        return f"{row['name']!r} ({row['type']}, {row['status']})"
    if table == "events":
        end = f" to {row['date_end']}" if row["date_end"] else ""
        return f"{row['date']}{end} ({row['precision']}), {row['review']}, claim {row['claim']}"
    if table == "links":
        return f"{row['relation']} {row['actor_id'] or row['url']}, note {_short(row['note'])!r}"
    return f"{row['text']!r} of actor {row['actor_id']} ({row['review']})"


def checked_row(tx: Transaction, table: str, row_id: str, expected: int | None) -> dict[str, Any]:
    """The row, after checking that it is still at `expected` (when given)."""
    what = WHAT[table]
    row = get_row(tx, table, row_id, what)
    if expected is not None:
        if isinstance(expected, bool) or not isinstance(expected, int):
            raise CaseError(f"expected must be a version number, not {expected!r}")
        if row["version"] != expected:
            raise StaleEditError(
                f"{what} {row_id} was changed since version {expected} (now version "
                f"{row['version']}: {describe(table, row)}): look again and redo the edit"
            )
    return row


def bump_versions(tx: Transaction, changes: list[dict[str, Any]]) -> None:
    """One more version for every checked row the action updated (once per action)."""
    # only updates: an inserted row starts at its default, a re-inserted one at its own
    seen: set[tuple[str, str]] = set()
    for change in list(changes):
        table, key = change["table"], change["key"]
        if table not in VERSIONED_TABLES or change["op"] != "update" or "id" not in key:
            continue
        if (table, key["id"]) in seen:
            continue
        seen.add((table, key["id"]))
        row = tx.row(f"SELECT version FROM {table} WHERE id = ?", (key["id"],))
        if row is not None:
            # recorded like the edit: an undo brings the row back to the very version it
            # had, so an edit made against that state is no longer stale, and an undo
            # refuses to revert a row another session wrote since
            tx.update(table, {"id": key["id"]}, {"version": int(row[0]) + 1})
