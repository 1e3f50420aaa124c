"""Removing an article with everything extracted from it, as one undoable change.

What goes: the article, its mentions, claims, events and relations, the source links of
its claims, the notes on any of these (and the notes on those notes), and the actors only
it referred to that no person worked on. What stays: the other articles' records and every
decision on them. An actor a person confirmed, renamed, merged, split, linked or annotated
stays even when no article mentions it any more; an event of another article that pointed
at one of the removed claims loses that pointer.

Every row goes through `Transaction.delete/update`, so `Case.undo` puts all of it back.
"""

from __future__ import annotations

from collections.abc import Sequence

from .edits import get_row
from .loading import remove_unused_actors
from .resolve import distinct
from .store import Transaction

_CHUNK = 500  # ids per query, well under SQLite's limit on bound parameters


def _ids(tx: Transaction, sql: str, article_id: str) -> list[str]:
    return [row[0] for row in tx.rows(sql, (article_id,))]


def _actors_referred(tx: Transaction, article_id: str) -> list[str]:
    return distinct(
        _ids(
            tx,
            """
            SELECT actor_id FROM mentions WHERE article_id = ?1
            UNION ALL SELECT speaker FROM claims WHERE article_id = ?1 AND speaker IS NOT NULL
            UNION ALL SELECT j.value FROM claims, json_each(claims.channels) j
                      WHERE claims.article_id = ?1
            UNION ALL SELECT j.value FROM events, json_each(events.actors) j
                      WHERE events.article_id = ?1
            UNION ALL SELECT source FROM relations WHERE article_id = ?1
            UNION ALL SELECT target FROM relations WHERE article_id = ?1
            """,
            article_id,
        )
    )


def _notes_on(tx: Transaction, targets: Sequence[str]) -> list[str]:
    """The notes on `targets`, and the notes on those notes, and so on."""
    found: list[str] = []
    seen: set[str] = set()
    frontier = list(targets)
    while frontier:
        batch: list[str] = []
        for start in range(0, len(frontier), _CHUNK):
            chunk = frontier[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            batch += [
                row[0]
                for row in tx.rows(
                    f"SELECT id FROM notes WHERE target_id IN ({marks}) ORDER BY rowid", chunk
                )
            ]
        frontier = [n for n in distinct(batch) if n not in seen]
        seen.update(frontier)
        found += frontier
    return found


def remove_article(tx: Transaction, article_id: str) -> dict[str, int]:
    """Remove one article and what hangs on it; returns how many of each went."""
    get_row(tx, "articles", article_id, "article")
    mentions = _ids(tx, "SELECT id FROM mentions WHERE article_id = ? ORDER BY rowid", article_id)
    claims = _ids(tx, "SELECT id FROM claims WHERE article_id = ? ORDER BY rowid", article_id)
    events = _ids(tx, "SELECT id FROM events WHERE article_id = ? ORDER BY rowid", article_id)
    relations = _ids(tx, "SELECT id FROM relations WHERE article_id = ? ORDER BY rowid", article_id)
    links = _ids(
        tx,
        "SELECT l.id FROM links l JOIN claims c ON c.id = l.claim_id "
        "WHERE c.article_id = ? ORDER BY l.rowid",
        article_id,
    )
    actors = _actors_referred(tx, article_id)
    notes = _notes_on(tx, [article_id, *claims, *events, *relations, *links])

    # children before parents: the foreign keys hold at every step, and an undo, which
    # replays these backwards, puts parents back first
    for note_id in notes:
        tx.delete("notes", {"id": note_id})
    for link_id in links:
        tx.delete("links", {"id": link_id})
    for row in tx.rows(
        "SELECT e.id FROM events e JOIN claims c ON c.id = e.claim "
        "WHERE c.article_id = ?1 AND e.article_id != ?1",
        (article_id,),
    ):
        tx.update("events", {"id": row[0]}, {"claim": None})
    for table, ids in (
        ("events", events),
        ("claims", claims),
        ("mentions", mentions),
        ("relations", relations),
    ):
        for record_id in ids:
            tx.delete(table, {"id": record_id})
    tx.delete("articles", {"id": article_id})
    removed_actors = remove_unused_actors(tx, among=actors, record=True)
    return {
        "mentions": len(mentions),
        "claims": len(claims),
        "events": len(events),
        "relations": len(relations),
        "links": len(links),
        "notes": len(notes),
        "actors": removed_actors,
    }
