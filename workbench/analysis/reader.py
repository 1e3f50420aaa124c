"""What analysis and export read from a case, and one read of it shared by many functions.

`CaseReader` is the read interface: `Case` has it, and so has `CaseSnapshot`, a case read
once (each table on first use, then kept). `CaseView` is the indexed form the shaping
functions work on: the records of one read, by id, with rejected actors and claims left
out (a rejection says "this is not real", so it must not reappear in a network, a timeline
or a report).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import count
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..case.records import (
    CaseActor,
    CaseArticle,
    CaseClaim,
    CaseEvent,
    CaseMention,
    CaseRelation,
    Note,
    Records,
    SourceLink,
)
from ..errors import NotFoundError
from ..model import ReviewStatus


class CaseReader(Protocol):
    """Exactly what analysis and export read from a case (`Case` and `CaseSnapshot` have it)."""

    @property
    def path(self) -> Path: ...

    def articles(self) -> Sequence[CaseArticle]: ...

    def actors(self) -> Sequence[CaseActor]: ...

    def claims(
        self, *, article_id: str | None = None, include_rejected: bool = False
    ) -> Sequence[CaseClaim]: ...

    def events(self, *, article_id: str | None = None) -> Sequence[CaseEvent]: ...

    def relations(self, *, article_id: str | None = None) -> Sequence[CaseRelation]: ...

    def links(self, claim_id: str | None = None) -> Sequence[SourceLink]: ...

    def notes(self, target_id: str | None = None) -> Sequence[Note]: ...

    def mentions(self, *, article_id: str | None = None) -> Sequence[CaseMention]: ...


class CaseSnapshot:
    """A case read once: each table on first use, then kept; the same read API as `Case`.

    For drawing several things from one state of the case without reading it again for
    each: `claim_rows(snap)`, `source_rows(snap)` and `case_summary(snap)` share one read
    and one index. Take a new snapshot after the case changes; a snapshot never sees
    changes made after a table was read. The records are the case's own: do not change
    the lists.

        >>> snap = CaseSnapshot(case)
        >>> rows, summary = claim_rows(snap), case_summary(snap)
    """

    def __init__(self, case: CaseReader) -> None:
        self.case = case
        self._articles: Sequence[CaseArticle] | None = None
        self._actors: Sequence[CaseActor] | None = None
        self._claims: Sequence[CaseClaim] | None = None
        self._events: Sequence[CaseEvent] | None = None
        self._relations: Sequence[CaseRelation] | None = None
        self._links: Sequence[SourceLink] | None = None
        self._notes: Sequence[Note] | None = None
        self._mentions: dict[str | None, Sequence[CaseMention]] = {}
        self._view: CaseView | None = None
        # what a redraw needs to update only what changed: this read's number, and (after
        # `carry`) the number of the read it was carried from, the tables read again and
        # the ids of the records put in
        self.serial = next(_SERIALS)
        self.carried_from: int | None = None
        self.reread: frozenset[str] = frozenset()
        self.changed: dict[str, frozenset[str]] = {}
        self.added: dict[str, frozenset[str]] = {}
        # the view of the read this one was carried from, and the tables they share
        self._older_view: tuple[CaseView, set[str]] | None = None
        self.removed: dict[str, frozenset[str]] = {}
        # the claims (rejected ones too) by each actor they name and by article: made on
        # first use from the whole list, then carried from read to read with only the
        # claims an edit changed moved (`claims_naming`, `claims_of_articles`)
        self._claim_index: _ClaimIndex | None = None
        self._claim_moves: tuple[list[CaseClaim], list[CaseClaim]] | None = None
        # each patched table's record places by id, carried while no record moved: a
        # patch looks its records up here, not in a dict of 47,500 claims made again
        self._places: dict[str, dict[str, int]] = {}

    @property
    def path(self) -> Path:
        return self.case.path

    def articles(self) -> Sequence[CaseArticle]:
        if self._articles is None:
            self._articles = _long_lived(self.case.articles())
        return self._articles

    def actors(self) -> Sequence[CaseActor]:
        if self._actors is None:
            self._actors = _long_lived(self.case.actors())
        return self._actors

    def claims(
        self, *, article_id: str | None = None, include_rejected: bool = False
    ) -> Sequence[CaseClaim]:
        """As `Case.claims`: the rejected ones only when asked for."""
        if self._claims is None:
            self._claims = _long_lived(self.case.claims(include_rejected=True))
        claims = _of_article(self._claims, article_id)
        if include_rejected:
            return claims
        return [c for c in claims if c.review is not ReviewStatus.REJECTED]

    def events(self, *, article_id: str | None = None) -> Sequence[CaseEvent]:
        if self._events is None:
            self._events = _long_lived(self.case.events())
        return _of_article(self._events, article_id)

    def relations(self, *, article_id: str | None = None) -> Sequence[CaseRelation]:
        if self._relations is None:
            self._relations = _long_lived(self.case.relations())
        return _of_article(self._relations, article_id)

    def links(self, claim_id: str | None = None) -> Sequence[SourceLink]:
        if self._links is None:
            self._links = self.case.links()
        if claim_id is None:
            return self._links
        return [k for k in self._links if k.claim_id == claim_id]

    def notes(self, target_id: str | None = None) -> Sequence[Note]:
        if self._notes is None:
            self._notes = self.case.notes()
        if target_id is None:
            return self._notes
        return [n for n in self._notes if n.target_id == target_id]

    def mentions(self, *, article_id: str | None = None) -> Sequence[CaseMention]:
        """Mentions are many: read per article, when first asked for."""
        if article_id not in self._mentions:
            self._mentions[article_id] = self.case.mentions(article_id=article_id)
        return self._mentions[article_id]

    def claims_naming(self, actor_ids: Iterable[str]) -> set[str]:
        """The ids of the claims (rejected ones too) naming any of `actor_ids` as their
        speaker or one of their outlets: looked up, not a pass over every claim (an
        actor edit at 5,000 articles touches a few hundred of 50,000)."""
        by_actor = self._index().by_actor
        found: set[str] = set()
        for actor_id in actor_ids:
            found |= by_actor.get(actor_id, set())
        return found

    def claims_of_articles(self, article_ids: Iterable[str]) -> set[str]:
        """The ids of the claims (rejected ones too) of the articles `article_ids`."""
        by_article = self._index().by_article
        found: set[str] = set()
        for article_id in article_ids:
            found |= by_article.get(article_id, set())
        return found

    def _index(self) -> _ClaimIndex:
        if self._claim_index is None:
            self._claim_index = _ClaimIndex.of(self.claims(include_rejected=True))
        return self._claim_index

    def carry(
        self,
        older: CaseSnapshot,
        tables: Iterable[str],
        *,
        updated: Mapping[str, Sequence[Any]] | None = None,
        deltas: Mapping[str, Delta] | None = None,
    ) -> None:
        """Take `older`'s reads of `tables` (nothing in them changed since it read them), with
        the records in `updated` ("claims" or "actors": records changed in place, same id and
        order) put in, and each table of `deltas` patched: the records it names read again
        one by one (in place, added at their place, or dropped), and the records of the
        articles it names read again per article. The rest is read again when first asked
        for. An app redrawing after one edit reads what the edit touched, not the whole case.

        What a redraw can rely on afterwards (the Claims, Sources, Network and Timeline
        panels do): `reread`, the tables read again whole; `changed[table]`, the ids of the
        records that differ from `older`'s (put in, added or dropped); `added[table]` and
        `removed[table]`, those that came in or went. A table neither reread nor patched is
        `older`'s very list (`is`), and a record that did not change is `older`'s very
        object, also inside a patched table."""
        deltas = dict(deltas or {})
        tables = set(tables) | set(deltas)
        self.carried_from = older.serial
        self.reread = frozenset(_TABLES - tables)
        self.changed = {t: frozenset(r.id for r in rs) for t, rs in (updated or {}).items()}
        # articles first: the tables ordered by article place their records by them
        for table in sorted(tables, key=lambda t: t != "articles"):
            if table == "mentions":
                self._mentions = dict(older._mentions)
                if "mentions" in deltas:
                    self._drop_mentions(deltas["mentions"])
                continue
            kept = getattr(older, f"_{table}")
            if table in older._places:  # in place or not, the same records in each place
                self._places[table] = older._places[table]
            fresh = {r.id: r for r in (updated or {}).get(table, ())}
            if kept is not None and fresh:
                kept = Records.of(
                    type(kept[0]) if kept else object, [fresh.get(r.id, r) for r in kept]
                )
            if kept is not None and table in deltas:
                kept = self._patched(table, kept, deltas[table])
                if kept is None:  # could not be patched: read it again when asked for
                    self.reread |= {table}
            setattr(self, f"_{table}", kept)
        if older._view is not None:
            self._older_view = (older._view, self._same_as(older))
        self._carry_index(older, whole=bool((updated or {}).get("claims")))

    def _carry_index(self, older: CaseSnapshot, *, whole: bool) -> None:
        """Take `older`'s claim index: as it is when the claims are its very list, with the
        claims the patch changed moved when they were patched; else made again on use."""
        moves, self._claim_moves = self._claim_moves, None
        index = older._claim_index
        if whole:
            return  # claims put in by `updated`: not moved in the index
        if index is None or self._claims is None or "claims" in self.reread:
            return
        if self._claims is older._claims:
            self._claim_index = index
        elif moves is not None:
            self._claim_index = index.moved(*moves)

    def _same_as(self, older: CaseSnapshot) -> set[str]:
        """The tables this snapshot holds as `older`'s very lists."""
        return {
            t
            for t in ("articles", "actors", "claims", "events", "relations", "links", "notes")
            if getattr(self, f"_{t}") is not None
            and getattr(self, f"_{t}") is getattr(older, f"_{t}")
        }

    def _drop_mentions(self, delta: Delta) -> None:
        """Forget the mentions read of the articles `delta` touched (all, when it cannot
        say which): they are read again, per article, when asked for."""
        self._mentions.pop(None, None)
        articles = set(delta.articles) | set(delta.article_of.values())
        if delta.ids.keys() - delta.article_of.keys():
            self._mentions = {}
        for article_id in articles:
            self._mentions.pop(article_id, None)
        self.changed["mentions"] = frozenset(delta.ids)

    def _patched(self, table: str, kept: Sequence[Any], delta: Delta) -> Sequence[Any] | None:
        """`kept` with `delta` applied (None: it cannot be, read the table again). A record
        equal to the one `kept` has stays that very object; `kept` itself, when nothing
        differs."""
        # kept again below only if every record stays at its place
        place = self._places.pop(table, None)
        if place is None:
            place = dict(zip((r.id for r in kept), range(len(kept)), strict=True))
        by_id = _ByPlace(kept, place)
        blocks = set(delta.articles)
        found: dict[str, Any] = {}
        gone: set[str] = set()
        ordered = table in _BY_ARTICLE
        batch = self._fetch_all(table, delta.ids)
        for record_id in delta.ids:
            try:
                record = (
                    batch.get(record_id)
                    if batch is not None
                    else self._fetch(table, record_id, by_id, delta)
                )
            except LookupError:
                return None
            at = place.get(record_id)  # not through `by_id`: this runs for thousands
            old = kept[at] if at is not None else None
            if record is None:
                if old is not None:
                    gone.add(record_id)
            else:
                found[record_id] = old if old == record else record
            if ordered and (
                record is None
                or old is None
                or (old.article_id, old.start) != (record.article_id, record.start)
            ):
                # a record comes, goes or moves: its articles' records are read again whole
                blocks |= {r.article_id for r in (old, record) if r is not None}
        if delta.exists is not None:
            gone |= by_id.keys() - delta.exists
        differ = {i for i, r in found.items() if (at := place.get(i)) is None or r is not kept[at]}
        if not differ and not gone and not blocks:
            self._places[table] = place
            return kept  # nothing changed: the very list
        replaced = {i: found[i] for i in differ if i in place}
        if gone:
            records = [replaced.get(r.id, r) for r in kept if r.id not in gone]
        else:
            # put in at their places: not a lookup per record of the 47,500 kept
            records = list(kept)
            for record_id, record in replaced.items():
                records[place[record_id]] = record
        added = {i for i in differ if i not in place}
        if ordered and blocks:
            records, in_blocks = self._with_blocks(table, records, blocks, by_id)
            added = {i for i in in_blocks if i not in by_id}
            gone |= {r.id for r in kept if r.article_id in blocks} - in_blocks.keys()
            differ |= {i for i, r in in_blocks.items() if r is not by_id.get(i)}
        elif not ordered:
            # in the order they were written (a set's order is not): they go last in it
            new = {i: r for i, r in found.items() if i in added}
            placed = self._placed(records, new, delta)
            if placed is None:
                return None
            records = placed
        if table == "claims":
            fresh = {**found, **(in_blocks if ordered and blocks else {})}
            self._claim_moves = (
                [by_id[i] for i in differ | gone if i in by_id],
                [fresh[i] for i in differ if i in fresh],
            )
        if not gone and not added and not blocks:
            self._places[table] = place  # every record at its old place: the same index
        elif not gone and not blocks and not ordered and _put_last(records, len(kept), added):
            # records only put last: the old index (shared with `older`: copied) plus them
            self._places[table] = place | {
                r.id: n for n, r in enumerate(records[len(kept) :], len(kept))
            }
        self.changed[table] = frozenset(self.changed.get(table, frozenset()) | differ | gone)
        self.added[table] = frozenset(added)
        self.removed[table] = frozenset(gone)
        kind = type(kept[0]) if kept else type(records[0]) if records else object
        return Records.of(kind, records)

    @staticmethod
    def _placed(records: list[Any], found: Mapping[str, Any], delta: Delta) -> list[Any] | None:
        """`records` (in the order rows were written) with the new ones of `found` put in:
        last, or after the record `delta.after` names (a row put back by an undo). None
        when that record is not there."""
        if all(delta.after.get(i) is None for i in found):
            # all written last (an added article's records): no index of the 200,000 kept
            records.extend(found.values())
            return records
        place = {r.id: i for i, r in enumerate(records)}
        waiting = [i for i in found if i not in place]
        while waiting:
            left = []
            for record_id in waiting:
                before = delta.after.get(record_id)
                if before is None:  # written last: it comes last
                    place[record_id] = len(records)
                    records.append(found[record_id])
                elif before and before not in place:
                    left.append(record_id)  # after one not put in yet
                else:
                    records.insert(place[before] + 1 if before else 0, found[record_id])
                    place = {r.id: i for i, r in enumerate(records)}
            if len(left) == len(waiting):
                return None  # the record before it is not in this read
            waiting = left
        return records

    def _fetch_all(self, table: str, ids: Iterable[str]) -> Mapping[str, Any] | None:
        """The records `ids` of `table` as the case holds them now, by id (one gone is
        left out), read together; None when this case reads them only one by one. A merge
        of an actor named across 5,000 articles changes 3,500 claims: read one by one, a
        query each, they took half a second (and its 5,500 relations, each read with its
        article's, 2.6 s)."""
        if table not in ("claims", "events", "relations"):
            return None
        read = getattr(self.case, f"{table}_by_id", None)
        return read(ids) if read is not None else None

    def _fetch(self, table: str, record_id: str, by_id: Mapping[str, Any], delta: Delta) -> Any:
        """The record `record_id` of `table` as the case holds it now; None if gone.
        LookupError: this case cannot read it alone."""
        one = {"articles": "article", "actors": "actor", "claims": "claim", "events": "event"}
        if table in one:
            read = getattr(self.case, one[table], None)
            if read is None:
                raise LookupError(table)
            try:
                return read(record_id)
            except NotFoundError:  # deleted since (or merged away)
                return None
        if table == "relations":
            old = by_id.get(record_id)
            article_id = delta.article_of.get(record_id) or (old.article_id if old else None)
            if article_id is None:
                raise LookupError(table)
            return next(
                (r for r in self.case.relations(article_id=article_id) if r.id == record_id),
                None,
            )
        raise LookupError(table)

    def _with_blocks(
        self, table: str, records: list[Any], blocks: set[str], by_id: Mapping[str, Any]
    ) -> tuple[list[Any], dict[str, Any]]:
        """`records` (ordered by article) with the records of `blocks` read again, each
        article's at its article's place; and the records read again, by id (one equal
        to the older read's is that very object)."""
        read: dict[str, Callable[[str], Sequence[Any]]] = {
            "claims": lambda a: self.case.claims(article_id=a, include_rejected=True),
            "events": lambda a: self.case.events(article_id=a),
        }
        order = {a.id: i for i, a in enumerate(self.articles())}
        in_blocks: dict[str, Any] = {}
        fresh = []
        for article_id in blocks:
            block = []
            for now in read[table](article_id):
                old = by_id.get(now.id)
                record = old if old == now else now
                in_blocks[record.id] = record
                block.append(record)
            fresh.append((order.get(article_id, len(order)), block))
        fresh.sort(key=lambda b: b[0])
        if fresh and records and order.get(records[-1].article_id, len(order)) < fresh[0][0]:
            # the blocks come after every record kept (an article added last, its claims):
            # put at the end, not 47,500 records walked through to place them
            return records + [r for _, block in fresh for r in block], in_blocks
        out: list[Any] = []
        waiting = iter(fresh)
        next_block = next(waiting, None)
        for record in records:
            if record.article_id in blocks:
                continue
            place = order.get(record.article_id, len(order))
            while next_block is not None and next_block[0] < place:
                out.extend(next_block[1])
                next_block = next(waiting, None)
            out.append(record)
        while next_block is not None:
            out.extend(next_block[1])
            next_block = next(waiting, None)
        return out, in_blocks

    def __repr__(self) -> str:
        read = [
            name
            for name in ("articles", "actors", "claims", "events", "relations", "links", "notes")
            if getattr(self, f"_{name}") is not None
        ]
        return f"CaseSnapshot({self.case!r}, read={read})"


_SERIALS = count(1)

# A whole table of this many records or more is frozen out of the garbage collector's
# passes once read (`gc.freeze`). The records of a read live as long as it, and the reads
# carried from it keep them: at 5,000 articles about two million objects, which CPython's
# collector went through again and again (a full pass took 1 to 5 s, landing on whichever
# redraw set it off). Frozen, they are no longer scanned; they are still freed when no
# longer used (a record holds no cycle: its count of references frees it). Small cases
# (tests, a classroom) never reach it.
FROZEN_AT = 10_000

# But `gc.freeze` moves every object the collector tracks, garbage not yet collected too,
# and a frozen object held in a cycle is never freed: a snapshot and its `CaseView` refer to
# each other, so each read dropped (a memo's, a redraw's older one) stayed, records and
# all, once a later read froze it. bench_case's curve made a memo after each change and
# grew to 15.6 GB at 20,000 articles (a memo after each of ten edits at 1,000 articles:
# 0.4 to 1.3 GB). So when the frozen objects have grown to this many times what the last
# full pass left, they are thawed, collected once and frozen again: the garbage held stays
# under half of what is alive (and the read being made), and a full pass (over all that is
# alive) comes only after half as much again was frozen, not at every read.
THAWED_WHEN = 1.5
_frozen_after_pass = 0


def _long_lived(records: _Read) -> _Read:
    """`records`, read whole: frozen out of the collector's passes if they are many."""
    if len(records) >= FROZEN_AT:
        global _frozen_after_pass
        if gc.get_freeze_count() > THAWED_WHEN * _frozen_after_pass:
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            _frozen_after_pass = gc.get_freeze_count()
        else:
            gc.freeze()
    return records


_TABLES = frozenset(
    ("articles", "actors", "claims", "events", "relations", "links", "notes", "mentions")
)

# the tables ordered by their article's place, then the record's start
_BY_ARTICLE = frozenset(("claims", "events"))


class _ByPlace(Mapping[str, Any]):
    """A table's records by id, through the index of their places (`CaseSnapshot._places`)."""

    def __init__(self, records: Sequence[Any], place: Mapping[str, int]) -> None:
        self._records, self._place = records, place

    def __getitem__(self, record_id: str) -> Any:
        return self._records[self._place[record_id]]

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._place

    def __iter__(self) -> Iterator[str]:
        return iter(self._place)

    def __len__(self) -> int:
        return len(self._place)


@dataclass
class Delta:
    """What changed in one table of a case since a read, as `CaseSnapshot.carry` takes it.

    `ids`: the records inserted, updated or deleted (in the order they were written: a
    record added goes after those added before it); `articles`: the articles whose records
    of this table are read again whole; `article_of`: a record's article, where known;
    `after`: for a record put back at its old place (an undone deletion), the id of the
    record now before it ("" for the first); `exists`: see below."""

    ids: dict[str, None] = field(default_factory=dict)  # a dict: ordered, no repeats
    articles: set[str] = field(default_factory=set)
    article_of: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    # every id the table holds now, when records may have gone unnamed (an added article
    # removes the actors it resolved to and left unused)
    exists: frozenset[str] | None = None


@dataclass(frozen=True)
class _ClaimIndex:
    """Claim ids by the actors they name (speaker, outlets) and by article. A carried
    index shares the sets no moved claim is in: they are never changed, only replaced."""

    by_actor: dict[str, set[str]]
    by_article: dict[str, set[str]]

    @classmethod
    def of(cls, claims: Iterable[CaseClaim]) -> _ClaimIndex:
        by_actor: dict[str, set[str]] = defaultdict(set)
        by_article: dict[str, set[str]] = defaultdict(set)
        for claim in claims:  # 47,500 at 5,000 articles: no set made per claim
            claim_id = claim.id
            if claim.speaker:
                by_actor[claim.speaker].add(claim_id)
            for actor_id in claim.channels:
                by_actor[actor_id].add(claim_id)
            by_article[claim.article_id].add(claim_id)
        by_actor.pop("", None)
        return cls(dict(by_actor), dict(by_article))

    def moved(self, olds: Iterable[CaseClaim], news: Iterable[CaseClaim]) -> _ClaimIndex:
        """This index with the claims `olds` taken out and `news` put in (a new object;
        this one is left as it is: the older read still uses it). A claim is moved only
        where it changed (its article, or the actors it names), and each actor's or
        article's set that changes is made again once, by set operations: a merge moves
        3,500 claims from one actor to the other and leaves their outlets and articles."""
        held = {c.id: c for c in olds}
        fresh = {c.id: c for c in news}
        moves = _Moves(), _Moves()  # by actor, by article
        for claim_id in held.keys() | fresh.keys():
            old, new = held.get(claim_id), fresh.get(claim_id)
            if old is None or new is None or old.article_id != new.article_id:
                moves[1].move(
                    claim_id,
                    (old.article_id,) if old is not None else (),
                    (new.article_id,) if new is not None else (),
                )
            if old is None or new is None or _named(old) != _named(new):
                moves[0].move(
                    claim_id,
                    _named(old) if old is not None else (),
                    _named(new) if new is not None else (),
                )
        return _ClaimIndex(moves[0].applied(self.by_actor), moves[1].applied(self.by_article))


class _Moves:
    """Ids to take out of and put into an index's sets, by key."""

    def __init__(self) -> None:
        self.out: dict[str, set[str]] = defaultdict(set)
        self.into: dict[str, set[str]] = defaultdict(set)

    def move(self, claim_id: str, old: Iterable[str], new: Iterable[str]) -> None:
        for key in old:
            self.out[key].add(claim_id)
        for key in new:
            self.into[key].add(claim_id)

    def applied(self, index: dict[str, set[str]]) -> dict[str, set[str]]:
        """`index` with the moves made: the sets of other keys shared, a changed one new
        (the older index keeps its own)."""
        moved = dict(index)
        empty: set[str] = set()
        for key in self.out.keys() | self.into.keys():
            held = index.get(key, empty)
            moved[key] = (held - self.out.get(key, empty)) | self.into.get(key, empty)
        return moved


def _named(claim: CaseClaim) -> set[str]:
    """The actors a claim names: its speaker and its outlets."""
    return {a for a in (claim.speaker, *claim.channels) if a}


_Read = TypeVar("_Read", bound=Sequence[Any])
_WithArticle = TypeVar("_WithArticle", CaseClaim, CaseEvent, CaseRelation)


def _of_article(records: Sequence[_WithArticle], article_id: str | None) -> Sequence[_WithArticle]:
    return records if article_id is None else [r for r in records if r.article_id == article_id]


@dataclass(frozen=True)
class CaseView:
    """One read of everything the shaping functions need, indexed by id.

    `actors` and `claims` leave out the rejected ones; `all_actors` keeps them (a claim
    may still name one as its channel). `relations` (the largest table, for the network
    only) and `events` (for the timeline and the summary) are read when first used.
    """

    articles: dict[str, CaseArticle]
    actors: dict[str, CaseActor]
    claims: list[CaseClaim]
    links: dict[str, list[SourceLink]]
    notes: dict[str, list[Note]]
    all_actors: list[CaseActor]
    source: CaseReader = field(repr=False, compare=False)

    @cached_property
    def relations(self) -> list[CaseRelation]:
        return list(self.source.relations())

    @cached_property
    def events(self) -> list[CaseEvent]:
        return [e for e in self.source.events() if e.review is not ReviewStatus.REJECTED]

    @classmethod
    def of(cls, case: CaseReader) -> CaseView:
        """The view of `case`; a snapshot keeps its one view for every caller. A snapshot
        carried from another takes the parts of that one's view whose tables it kept."""
        if isinstance(case, CaseSnapshot):
            if case._view is None:
                case._view = cls._read(case, case._older_view)
                case._older_view = None  # not kept: it holds the older read
            return case._view
        return cls._read(case)

    @classmethod
    def _read(cls, case: CaseReader, older: tuple[CaseView, set[str]] | None = None) -> CaseView:
        view, same = older if older is not None else (None, set())
        if view is not None and "links" in same:
            links = view.links
        else:
            links = defaultdict(list)
            for link in case.links():
                links[link.claim_id].append(link)
        if view is not None and "notes" in same:
            notes = view.notes
        else:
            notes = defaultdict(list)
            for note in case.notes():
                notes[note.target_id].append(note)
        if view is not None and "actors" in same:
            actors, live = view.all_actors, view.actors
        else:
            actors = list(case.actors())
            live = {a.id: a for a in actors if a.status is not ReviewStatus.REJECTED}
        made = cls(
            articles=(
                view.articles
                if view is not None and "articles" in same
                else {a.id: a for a in case.articles()}
            ),
            actors=live,
            claims=(
                view.claims
                if view is not None and "claims" in same
                # every claim, then the rejected left out: one pass (a snapshot's claims()
                # is a pass of its own)
                else [
                    c
                    for c in case.claims(include_rejected=True)
                    if c.review is not ReviewStatus.REJECTED
                ]
            ),
            links=links,
            notes=notes,
            all_actors=actors,
            source=case,
        )
        for kept in ("relations", "events"):  # read already by that view, and kept
            if view is not None and kept in same and kept in view.__dict__:
                made.__dict__[kept] = view.__dict__[kept]
        return made

    def actor_name(self, actor_id: str | None) -> str:
        actor = self.actors.get(actor_id or "")
        return actor.name if actor is not None else ""

    def speaker_label(self, claim: CaseClaim) -> str:
        """The speaker's name, or the article's own words for an unnamed one."""
        return self.actor_name(claim.speaker) or claim.speaker_text or "unnamed source"

    def source_label(self, link: SourceLink) -> str:
        return self.actor_name(link.actor_id) or link.url or ""

    def article_title(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return (article.title or article.id) if article is not None else ""


__all__ = ["CaseReader", "CaseSnapshot", "CaseView", "Delta"]


def _put_last(records: Sequence[Any], kept: int, added: set[str]) -> bool:
    """Whether the records after the first `kept` are exactly the `added` ones (none put
    in between the kept: their places hold)."""
    tail = records[kept:]
    return len(tail) == len(added) and all(r.id in added for r in tail)
