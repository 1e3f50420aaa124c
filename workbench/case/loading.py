"""Writing an extraction into the case, first time or again after re-extraction.

On re-extraction a person's work is matched, not overwritten: actors resolve through the
alias rules (so merges, splits, renames, retypes and review statuses hold), claims and
events are matched to their predecessors by span overlap or text and keep their ids and
every field a person set; a claim no longer found but carrying work is kept, `detached`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from ..model import Actor, Article, Claim, Event, Extraction, slug
from .knowledge import Knowledge, read_knowledge
from .migrations import now
from .resolve import add_aliases, distinct, pinned_owner, resolve_actor
from .store import Transaction, _cell

MATCH_THRESHOLD = 0.5  # overlap / union of spans for "the same claim, re-extracted"


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _unique_article_id(tx: Transaction, wanted: str) -> str:
    base = slug(wanted)
    candidate, n = base, 1
    while tx.row("SELECT 1 FROM articles WHERE id = ?", (candidate,)) is not None:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def find_article_by_text(tx: Transaction, text: str) -> str | None:
    found = tx.row("SELECT id FROM articles WHERE sha1 = ? LIMIT 1", (text_sha1(text),))
    return str(found[0]) if found is not None else None


def insert_article(tx: Transaction, article: Article, *, model: str | None) -> str:
    first_line = next((line for line in article.text.splitlines() if line.strip()), "")
    article_id = _unique_article_id(tx, article.id or article.title or first_line)
    tx.insert(
        "articles",
        {
            "id": article_id,
            "text": article.text,
            "title": article.title,
            "published": article.published,
            "outlet": article.outlet,
            "url": article.url,
            "path": article.path,
            "author": article.author,
            "sha1": text_sha1(article.text),
            "added_at": now(),
            "model": model,
            # an older format being filled to load an old export has no language column
            **({"language": article.language} if _has_language(tx) else {}),
        },
        record=False,
    )
    return article_id


def _has_language(tx: Transaction) -> bool:
    return any(row[1] == "language" for row in tx.rows("PRAGMA table_info(articles)"))


# --- actors ----------------------------------------------------------------------------------


def _has_reviewed_mentions(tx: Transaction) -> bool:
    """Whether the case is at a format with reviewed mentions (an older one is being
    filled to load an old export, before its migrations run)."""
    return any(row[1] == "review" for row in tx.rows("PRAGMA table_info(mentions)"))


def _kept_spans(tx: Transaction, article_id: str, known: Knowledge | None) -> list[tuple[int, int]]:
    """Spans of the mentions a person added or removed: extraction does not touch them."""
    if known is None:
        return []
    rows = tx.rows(
        "SELECT start, \"end\" FROM mentions WHERE article_id = ? AND review != 'extracted'",
        (article_id,),
    )
    return [(int(r[0]), int(r[1])) for r in rows]


def _store_actors(
    tx: Transaction, article_id: str, actors: Sequence[Actor], known: Knowledge | None
) -> dict[str, str]:
    """Resolve each extracted actor to a case actor (new if need be); store its mentions,
    but none over a mention a person added or removed."""
    kept = _kept_spans(tx, article_id, known)
    local_to_case: dict[str, str] = {}
    for actor in actors:
        case_id = resolve_actor(tx, actor)
        if case_id is None:
            case_id = tx.next_id("A")
            tx.insert(
                "actors",
                {"id": case_id, "name": actor.name, "type": actor.type.value, "roles": "[]"},
                record=False,
            )
        add_aliases(tx, case_id, actor)
        if actor.roles:
            row = tx.row("SELECT * FROM actors WHERE id = ?", (case_id,))
            stored = json.loads(row["roles"]) if row is not None else []
            roles = distinct([*stored, *actor.roles])
            if row is not None and roles != stored:
                values: dict[str, Any] = {"roles": json.dumps(roles)}
                _bump_if_changed(row, values)  # new roles: a new version, like any change
                tx.execute(
                    f"UPDATE actors SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                    (*values.values(), case_id),
                    rows=[{"id": case_id}],  # its rows told: kept results are updated
                )
        local_to_case[actor.id] = case_id
        for mention in actor.mentions:
            if any(mention.start < end and start < mention.end for start, end in kept):
                continue
            # a surface form a person split off follows its own actor
            owner = pinned_owner(tx, mention.text, actor.type) or case_id
            mention_row: dict[str, Any] = {
                "id": tx.next_id("M"),
                "article_id": article_id,
                "actor_id": owner,
                "start": mention.start,
                "end": mention.end,
                "text": mention.text,
            }
            if known is not None:
                mention_row["known"] = int(known.recognise(mention.text) is not None)
            tx.insert("mentions", mention_row, record=False)
    return local_to_case


def _speaker(tx: Transaction, claim: Claim, extraction: Extraction, ids: dict[str, str]) -> Any:
    if claim.speaker is None:
        return None
    actor = extraction.actor(claim.speaker)
    if actor is not None and claim.speaker_text:
        owner = pinned_owner(tx, claim.speaker_text, actor.type)
        if owner is not None:
            return owner
    return ids.get(claim.speaker)


# --- claims and events -------------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if inter > 0 and union > 0 else 0.0


def _norm_text(text: str) -> str:
    return " ".join(text.casefold().split())


def match_spans(
    new: Sequence[tuple[int, int, str]], old: Sequence[tuple[int, int, str]]
) -> dict[int, int]:
    """Greedy best-first pairing of new items to old ones: index in `new` -> index in `old`.

    Same text counts as a full match wherever it moved (a re-extraction that finds the
    claim's edges differently, or a text edit upstream that shifted offsets).
    """
    scored = []
    for i, (s1, e1, t1) in enumerate(new):
        for j, (s2, e2, t2) in enumerate(old):
            score = _overlap((s1, e1), (s2, e2))
            if t1 and _norm_text(t1) == _norm_text(t2):
                score = max(score, 1.0 if (s1, e1) == (s2, e2) else 0.99)
            if score >= MATCH_THRESHOLD:
                scored.append((score, -abs(s1 - s2), i, j))
    scored.sort(reverse=True)
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, i, j in scored:
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _claim_values(
    tx: Transaction, claim: Claim, extraction: Extraction, ids: dict[str, str]
) -> dict[str, Any]:
    channels = distinct(ids[c] for c in claim.channels if c in ids)
    return {
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "kind": claim.kind.value,
        "cue": claim.cue,
        "speaker": _speaker(tx, claim, extraction, ids),
        "speaker_text": claim.speaker_text,
        "channels": json.dumps(channels),
        "channel_kinds": json.dumps(["reported_by"] * len(channels)),
        "extracted_text": claim.text,
        "detached": 0,
    }


def _match_extracted_first(
    new: Sequence[tuple[int, int, str]], old: Sequence[tuple[int, int, str]], rows: Sequence[Any]
) -> dict[int, int]:
    """`match_spans`, first against the items extraction made, then against those a person
    added: an added item takes only what extraction finds that matched nothing else (so
    it is not added twice), never an extracted item's place."""
    added = [j for j, row in enumerate(rows) if "added" in json.loads(row["edited"])]
    extracted = [j for j in range(len(old)) if j not in added]
    pairs = {i: extracted[j] for i, j in match_spans(new, [old[j] for j in extracted]).items()}
    rest = [i for i in range(len(new)) if i not in pairs]
    late = match_spans([new[i] for i in rest], [old[j] for j in added])
    pairs.update({rest[i]: added[j] for i, j in late.items()})
    return pairs


def _bump_if_changed(old: Any, values: dict[str, Any]) -> None:
    """A row re-extraction changes gets a new version: an edit made on what a person saw
    before it is then refused as stale, like one made before another person's edit."""
    columns = set(old.keys())  # noqa: SIM118 - a Row iterates its values, not its keys
    if "version" not in columns:  # a format before row versions
        return
    if any(_cell(v) != old[k] for k, v in values.items() if k in columns):
        values["version"] = old["version"] + 1


# fields that travel with a field a person set
_WITH_EDITED = {"span": ("start", "end", "text"), "channels": ("channel_kinds",)}


def _keep_edited(values: dict[str, Any], edited: Sequence[str]) -> None:
    """Drop from re-extracted `values` what a person set: their value wins. An item a person
    added keeps everything (matched only so that extraction does not add it twice)."""
    if "added" in edited:
        values.clear()
        return
    for name in edited:
        values.pop(name, None)
        for column in _WITH_EDITED.get(name, ()):
            values.pop(column, None)


def _has_user_work(tx: Transaction, claim_row: Any) -> bool:
    if json.loads(claim_row["edited"]) or claim_row["status"] != "unverified":
        return True
    if claim_row["review"] != "extracted":
        return True
    claim_id = claim_row["id"]
    return (
        tx.row("SELECT 1 FROM links WHERE claim_id = ? LIMIT 1", (claim_id,)) is not None
        or tx.row("SELECT 1 FROM notes WHERE target_id = ? LIMIT 1", (claim_id,)) is not None
    )


def _store_claims(
    tx: Transaction,
    article_id: str,
    extraction: Extraction,
    ids: dict[str, str],
    *,
    checked: bool = True,
) -> dict[str, str]:
    old_rows = tx.rows(
        "SELECT * FROM claims WHERE article_id = ? ORDER BY start, rowid", (article_id,)
    )
    new_claims = list(extraction.claims)
    pairs = _match_extracted_first(
        [(c.start, c.end, c.text) for c in new_claims],
        [(r["start"], r["end"], r["extracted_text"]) for r in old_rows],
        old_rows,
    )
    local_to_case: dict[str, str] = {}
    for i, claim in enumerate(new_claims):
        values = _claim_values(tx, claim, extraction, ids)
        if not checked:  # a format before channel step kinds
            values.pop("channel_kinds")
        if i in pairs:
            old = old_rows[pairs[i]]
            _keep_edited(values, json.loads(old["edited"]))
            _bump_if_changed(old, values)
            tx.update("claims", {"id": old["id"]}, values, record=False)
            local_to_case[claim.id] = old["id"]
        else:
            claim_id = tx.next_id("C")
            tx.insert("claims", {"id": claim_id, "article_id": article_id, **values}, record=False)
            local_to_case[claim.id] = claim_id
    matched_old = set(pairs.values())
    for j, old in enumerate(old_rows):
        if j in matched_old:
            continue
        if "added" in json.loads(old["edited"]):
            continue  # a person's own claim: never the extractor's to find or lose
        if _has_user_work(tx, old):
            tx.execute(
                "UPDATE claims SET detached = 1 WHERE id = ?",
                (old["id"],),
                rows=[{"id": old["id"]}],
            )
        else:
            tx.execute("UPDATE events SET claim = NULL WHERE claim = ?", (old["id"],))
            tx.execute("DELETE FROM claims WHERE id = ?", (old["id"],), rows=[{"id": old["id"]}])
    return local_to_case


def _event_values(event: Event, ids: dict[str, str], claim_ids: dict[str, str]) -> dict[str, Any]:
    return {
        "date": event.date,
        "date_end": event.date_end,
        "precision": event.precision.value,
        "date_text": event.date_text,
        "start": event.start,
        "end": event.end,
        "summary": event.summary,
        "actors": json.dumps(distinct(ids[a] for a in event.actors if a in ids)),
        "claim": claim_ids.get(event.claim) if event.claim else None,
    }


def _store_events(
    tx: Transaction,
    article_id: str,
    extraction: Extraction,
    ids: dict[str, str],
    claim_ids: dict[str, str],
) -> None:
    old_rows = tx.rows("SELECT * FROM events WHERE article_id = ? ORDER BY start", (article_id,))
    events = list(extraction.events)
    pairs = _match_extracted_first(
        [(e.start, e.end, e.date_text) for e in events],
        [(r["start"], r["end"], r["date_text"]) for r in old_rows],
        old_rows,
    )
    for i, event in enumerate(events):
        values = _event_values(event, ids, claim_ids)
        if i in pairs:
            old = old_rows[pairs[i]]
            _keep_edited(values, json.loads(old["edited"]))
            _bump_if_changed(old, values)
            tx.update("events", {"id": old["id"]}, values, record=False)
        else:
            tx.insert(
                "events", {"id": tx.next_id("E"), "article_id": article_id, **values}, record=False
            )
    matched = set(pairs.values())
    for j, old in enumerate(old_rows):
        if j in matched or old["review"] != "extracted" or old["edited"] != "[]":
            continue  # an event a person reviewed stays, found again or not
        if tx.row("SELECT 1 FROM notes WHERE target_id = ?", (old["id"],)) is None:
            tx.execute("DELETE FROM events WHERE id = ?", (old["id"],))


def _store_relations(
    tx: Transaction, article_id: str, extraction: Extraction, ids: dict[str, str]
) -> None:
    for relation in extraction.relations:
        source, target = ids.get(relation.source), ids.get(relation.target)
        if source is None or target is None:
            continue
        tx.insert(
            "relations",
            {
                "id": tx.next_id("R"),
                "article_id": article_id,
                "source": source,
                "target": target,
                "kind": relation.kind,
                "weight": relation.weight,
            },
            record=False,
        )


def store_extraction(tx: Transaction, article_id: str, extraction: Extraction) -> list[str]:
    """Write (or rewrite) everything extracted from one stored article.

    Returns the ids of the case actors the extraction's actors resolved to.
    """
    # extracted mentions and relations carry no user work: rebuilt from scratch; the
    # mentions a person added or removed stay as they are
    checked = _has_reviewed_mentions(tx)
    only_extracted = " AND review = 'extracted'" if checked else ""
    # the rows it removes told, by their ids and actors: the actor listing kept is then
    # brought up to date (only these actors read again), not worked out again
    gone = tx.rows(
        f"SELECT id, actor_id FROM mentions WHERE article_id = ?{only_extracted}", (article_id,)
    )
    tx.execute(
        f"DELETE FROM mentions WHERE article_id = ?{only_extracted}",
        (article_id,),
        rows=[{"id": row[0], "actor_id": row[1]} for row in gone],
    )
    tx.execute("DELETE FROM relations WHERE article_id = ?", (article_id,))
    known = read_knowledge(tx, claims=False) if checked else None
    ids = _store_actors(tx, article_id, extraction.actors, known)
    claim_ids = _store_claims(tx, article_id, extraction, ids, checked=checked)
    _store_events(tx, article_id, extraction, ids, claim_ids)
    _store_relations(tx, article_id, extraction, ids)
    return distinct(ids.values())


def remove_unused_actors(
    tx: Transaction, *, among: Sequence[str] | None = None, record: bool = False
) -> int:
    """Drop actors nothing refers to any more and no person touched (`among` these only).

    Re-extraction leaves such actors behind; an extraction may name an actor it never
    mentions; removing an article leaves the actors only it mentioned. Either way an actor
    is in the case because something refers to it. `record`: undoably (see `Transaction`).
    """
    if among is not None and not among:
        return 0
    only = f" AND id IN ({', '.join('?' for _ in among)})" if among is not None else ""
    rows = tx.rows(
        """
        SELECT id FROM actors a
        WHERE status = 'extracted' AND edited = '[]'
          AND NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM claims WHERE speaker = a.id)
          AND NOT EXISTS (SELECT 1 FROM claims, json_each(claims.channels) j
                          WHERE j.value = a.id)
          AND NOT EXISTS (SELECT 1 FROM events, json_each(events.actors) j WHERE j.value = a.id)
          AND NOT EXISTS (SELECT 1 FROM relations WHERE source = a.id OR target = a.id)
          AND NOT EXISTS (SELECT 1 FROM links WHERE actor_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM notes WHERE target_id = a.id)
        """
        + only
        # in the order they were added, on both back ends (a file's plan gave the id
        # index's text order, A10 before A9): the undo data both write are the same
        + " ORDER BY rowid",
        tuple(among or ()),
    )
    for row in rows:
        if record:
            for alias in tx.rows(
                "SELECT norm, type FROM aliases WHERE actor_id = ? ORDER BY rowid", (row[0],)
            ):
                tx.delete("aliases", {"norm": alias[0], "type": alias[1]})
            tx.delete("actors", {"id": row[0]})
        else:
            tx.execute(
                "DELETE FROM aliases WHERE actor_id = ?", (row[0],), rows=[{"actor_id": row[0]}]
            )
            tx.execute("DELETE FROM actors WHERE id = ?", (row[0],), rows=[{"id": row[0]}])
    return len(rows)


# --- one article, undoably ------------------------------------------------------------------

# children after parents: the order rows can be inserted in with foreign keys on
_ROW_TABLES = ("actors", "aliases", "claims", "mentions", "events", "relations")
_ARTICLE_TABLES = frozenset({"claims", "mentions", "events", "relations"})


def _key(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["norm"], row["type"]) if table == "aliases" else (row["id"],)


def _snapshot(tx: Transaction, article_id: str) -> dict[str, dict[tuple[Any, ...], dict]]:
    found = {}
    for table in _ROW_TABLES:
        where = " WHERE article_id = ?" if table in _ARTICLE_TABLES else ""
        params = (article_id,) if where else ()
        rows = tx.rows(f'SELECT rowid AS rowid, * FROM "{table}"{where}', params)
        found[table] = {_key(table, dict(r)): dict(r) for r in rows}
    return found


def rewrite_article_recorded(tx: Transaction, article_id: str, extraction: Extraction) -> None:
    """`store_extraction` for one article, plus dropping the actors it left unused, with
    every row it changed recorded in `tx.changes`, so that `undo` puts them all back.

    `store_extraction` writes without recording (re-extraction of a case is not undone);
    here the rows before and after are compared instead, and the differences recorded in
    an order `Transaction.revert` can replay backwards with foreign keys on.
    """
    before = _snapshot(tx, article_id)
    touched = {r["actor_id"] for r in before["mentions"].values()}
    touched |= {r["speaker"] for r in before["claims"].values() if r["speaker"]}
    for relation in before["relations"].values():
        touched |= {relation["source"], relation["target"]}
    for event in before["events"].values():
        touched |= set(json.loads(event["actors"]))
    actor_ids = store_extraction(tx, article_id, extraction)
    remove_unused_actors(tx, among=sorted(touched | set(actor_ids)))
    after = _snapshot(tx, article_id)
    inserts, updates, deletes = [], [], []
    for table in _ROW_TABLES:
        key_names = ("norm", "type") if table == "aliases" else ("id",)
        old, new = before[table], after[table]
        for key, row in new.items():
            named = dict(zip(key_names, key, strict=True))
            if key not in old:
                values = {k: v for k, v in row.items() if k != "rowid"}
                inserts.append({"op": "insert", "table": table, "key": named, "after": values})
                continue
            changed = [c for c, v in row.items() if c != "rowid" and old[key][c] != v]
            if changed:
                updates.append(
                    {
                        "op": "update",
                        "table": table,
                        "key": named,
                        "before": {c: old[key][c] for c in changed},
                        "after": {c: row[c] for c in changed},
                    }
                )
        for key, row in old.items():
            if key not in new:
                named = dict(zip(key_names, key, strict=True))
                # without its rowid: a row inserted here may have taken it over
                values = {k: v for k, v in row.items() if k != "rowid"}
                deletes.append({"op": "delete", "table": table, "key": named, "before": values})
    # reverted backwards: deleted rows come back parents first, inserted ones go children first
    tx.changes.extend([*inserts, *updates, *reversed(deletes)])
