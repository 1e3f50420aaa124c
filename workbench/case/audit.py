"""The audit log: one row per action, with who, when, and the state before and after.

`before` and `after` are JSON objects with the same keys, one per record the action
concerns ("actor", "keep" and "other" for a merge, "claim" and "note" for a status with a
note...). Each value is that record as the read API returns it (`to_dict()`, an article
without its text), or null where the record does not exist: before it was created, after
it was removed. So a history view compares the two key by key, whatever the action.

The row changes an undo replays are kept apart, in the `changes` column.
"""

from __future__ import annotations

import json
from typing import Any

from . import reads
from .migrations import now
from .store import Store, Transaction

# actions that cannot be undone: their changes are not recorded
NOT_UNDOABLE = frozenset({"add_article", "reextract", "undo"})


def record_state(store: Store, kind: str, record_id: str | None) -> dict[str, Any] | None:
    """One record as the read API gives it (inside a transaction: as changed so far)."""
    if record_id is None:
        return None
    if kind == "article":
        found = reads.load_articles(store, article_id=record_id)
        return {k: v for k, v in found[0].to_dict().items() if k != "text"} if found else None
    loaders = {
        "actor": lambda: reads.load_actors(store, actor_id=record_id),
        "claim": lambda: reads.load_claims(store, claim_id=record_id),
        "event": lambda: reads.load_events(store, event_id=record_id),
        "link": lambda: reads.load_links(store, link_id=record_id),
        "note": lambda: reads.load_notes(store, note_id=record_id),
    }
    found = loaders[kind]()
    return found[0].to_dict() if found else None


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
    action: str,
    target: str | None,
    before: dict[str, Any],
    after: dict[str, Any],
) -> int:
    """Add the audit row of `action` to the open transaction; returns its id."""
    if set(before) != set(after):
        raise ValueError(f"audit of {action}: before and after describe different records")
    cursor = tx.execute(
        "INSERT INTO audit (at, who, action, target, before, after, changes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            now(),
            who,
            action,
            target,
            json.dumps(before, ensure_ascii=False),
            json.dumps(after, ensure_ascii=False),
            None if action in NOT_UNDOABLE else tx.changes_json(),
        ),
    )
    return int(cursor.lastrowid or 0)
