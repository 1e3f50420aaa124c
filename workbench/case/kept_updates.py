"""Kept results brought up to date after this session's own edits, rather than worked out
again (`Store.derived`'s `update`).

The actor listing is one record per actor: an edit that touched a few actors (a status, a
name, a merge, a split) changes only theirs. Each committed write notes the rows it wrote
by their ids (`touched.Touched.ids`); the listing's update reads again only the actors
those rows name, each as the whole listing reads it, a few queries per chunk of ids
(`reads.load_actors_by_id`), and takes the others as they were, in the case's order. An
added article's statements of their own (its old mentions removed, its aliases, an actor's
roles, actors left unused dropped: `loading.py`, `resolve.py`) tell their rows too. A
write whose rows are not told (a statement run as it is, more than
`touched.MAX_NOTED_ROWS` rows of a table) gives None: the listing is worked out again.

Similar claims are brought up to date likewise, from the claims the writes name
(`changed_claims`; `workflow.Case.similar_claims`, `analysis/similarity_update.py`),
and corroboration from the claims, actors and articles they name (`corroboration_reach`;
`analysis.corroboration.updated_corroboration`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..collector import collector_held
from . import reads
from .records import CaseActor

if TYPE_CHECKING:
    from .store import Store
    from .touched import Touched

# what the actor listing reads (touched.ACTORS_READ)
_LISTING_TABLES = frozenset({"actors", "aliases", "mentions", "listing_articles", "listing_texts"})


def _touched_actors(entries: Sequence[Touched]) -> tuple[set[str], set[str]] | None:
    """The ids of the actors the entries' writes name, and of the mentions whose actor is
    not told (a mention's review set: its actor is the one it still has); None if a
    write's rows are not told."""
    actors: set[str] = set()
    mentions: set[str] = set()
    for entry in entries:
        if entry.unknown or entry.whole & _LISTING_TABLES:
            return None
        for row in entry.ids.get("actors", ()):
            if "id" not in row:
                return None
            actors.add(row["id"])
        # an alias rule, or a kept input of the listing written from outside (the
        # triggers' own writes are never told: the mentions' are)
        for table in ("aliases", "listing_articles", "listing_texts"):
            for row in entry.ids.get(table, ()):
                if "actor_id" not in row:  # a row given in part: which actor is not told
                    return None
                actors.add(row["actor_id"])
        for row in entry.ids.get("mentions", ()):
            if "actor_id" in row:
                actors.add(row["actor_id"])  # None: a mention that names nobody
            elif "id" in row:
                mentions.add(row["id"])
            else:
                return None
    if any(not isinstance(a, str) for a in actors - {None}):
        return None
    return {a for a in actors if a is not None}, mentions


def update_actors(
    store: Store, listing: Sequence[CaseActor], entries: Sequence[Touched]
) -> list[CaseActor] | None:
    """The actor listing after `entries` (this connection's commits since `listing` was
    made, every one of them), or None when it must be worked out again."""
    found = _touched_actors(entries)
    if found is None:
        return None
    actors, mentions = found
    # held like the whole listing (`reads.load_actors`): the update's rows and records
    # are a burst too, and right after an added article (whose records push the old
    # objects' count past the collector's bar) a full pass over the process ran inside
    # it: 0.28 of its 0.30 s of CPU at 5,000 articles, the listing's own work 0.02
    with collector_held():
        return _updated(store, listing, actors, mentions)


def _updated(
    store: Store, listing: Sequence[CaseActor], actors: set[str], mentions: set[str]
) -> list[CaseActor] | None:
    """`update_actors`' reads and records: the touched actors read again, the others
    taken as they were, in the case's order."""
    with store.snapshot():
        actors |= actors_of_mentions(store, mentions)
        order = [row[0] for row in store.rows("SELECT id FROM actors ORDER BY rowid")]
        # a few queries per chunk of ids, not per actor: a status set on 500 actors
        # would otherwise be 500 reads (round trips on a server), more than the listing
        again = reads.load_actors_by_id(store, sorted(actors))
    kept = {actor.id: actor for actor in listing}
    updated = []
    for actor_id in order:
        actor = again.get(actor_id) or kept.get(actor_id)
        if actor is None:  # an actor no write told of: the listing is not this one's
            return None
        updated.append(actor)
    return updated


def changed_claims(entries: Sequence[Touched]) -> set[str] | None:
    """The ids of the claims the entries' writes name (rejected, reworded, moved, added or
    removed: similar claims pairs only those again), or None when a write to the claims or
    the articles does not tell its rows (an article's claims removed by one statement)."""
    found: set[str] = set()
    for entry in entries:
        if entry.unknown or entry.whole & {"claims", "articles"}:
            return None
        for row in entry.ids.get("claims", ()):
            if not isinstance(row.get("id"), str):
                return None
            found.add(row["id"])
    return found


# what corroboration reads (touched.CORROBORATION_READ)
_CORROBORATION_TABLES = frozenset({"claims", "links", "articles", *_LISTING_TABLES})


def corroboration_reach(
    store: Store, entries: Sequence[Touched]
) -> tuple[set[str], set[str], set[str]] | None:
    """The claims, actors and articles the entries' writes name, as corroboration reads
    them (a link's claim counts as a claim written), or None when a write to what it reads
    does not tell its rows (corroboration is then worked out again)."""
    for entry in entries:
        if entry.unknown or entry.whole & _CORROBORATION_TABLES:
            return None
    found = _touched_actors(entries)
    if found is None:
        return None
    actors, mentions = found
    claims: set[str] = set()
    articles: set[str] = set()
    for entry in entries:
        for row in entry.ids.get("claims", ()):
            if not isinstance(row.get("id"), str):
                return None
            claims.add(row["id"])
        for row in entry.ids.get("links", ()):
            if not isinstance(row.get("claim_id"), str):
                return None
            claims.add(row["claim_id"])
        for row in entry.ids.get("articles", ()):
            if not isinstance(row.get("id"), str):
                return None
            articles.add(row["id"])
    actors |= actors_of_mentions(store, mentions)
    return claims, actors, articles


def actors_of_mentions(store: Store, mentions: set[str]) -> set[str]:
    """The actors of mentions told by their ids alone (their names changed): one query per
    chunk of ids, not per mention."""
    ordered = sorted(mentions)
    found: set[str] = set()
    for at in range(0, len(ordered), reads.BY_ID_CHUNK):
        chunk = ordered[at : at + reads.BY_ID_CHUNK]
        rows = store.rows(
            f"SELECT actor_id FROM mentions WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
        )
        found.update(row[0] for row in rows if row[0] is not None)
    return found


__all__ = ["actors_of_mentions", "changed_claims", "corroboration_reach", "update_actors"]
