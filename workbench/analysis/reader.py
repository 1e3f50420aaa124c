"""What analysis and export read from a case, and one read of it shared by many functions.

`CaseReader` is the read interface: `Case` has it, and so has `CaseSnapshot`, a case read
once (each table on first use, then kept). `CaseView` is the indexed form the shaping
functions work on: the records of one read, by id, with rejected actors and claims left
out (a rejection says "this is not real", so it must not reappear in a network, a timeline
or a report).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
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

    @property
    def path(self) -> Path:
        return self.case.path

    def articles(self) -> Sequence[CaseArticle]:
        if self._articles is None:
            self._articles = self.case.articles()
        return self._articles

    def actors(self) -> Sequence[CaseActor]:
        if self._actors is None:
            self._actors = self.case.actors()
        return self._actors

    def claims(
        self, *, article_id: str | None = None, include_rejected: bool = False
    ) -> Sequence[CaseClaim]:
        """As `Case.claims`: the rejected ones only when asked for."""
        if self._claims is None:
            self._claims = self.case.claims(include_rejected=True)
        claims = _of_article(self._claims, article_id)
        if include_rejected:
            return claims
        return [c for c in claims if c.review is not ReviewStatus.REJECTED]

    def events(self, *, article_id: str | None = None) -> Sequence[CaseEvent]:
        if self._events is None:
            self._events = self.case.events()
        return _of_article(self._events, article_id)

    def relations(self, *, article_id: str | None = None) -> Sequence[CaseRelation]:
        if self._relations is None:
            self._relations = self.case.relations()
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

    def carry(
        self,
        older: CaseSnapshot,
        tables: Iterable[str],
        *,
        updated: Mapping[str, Sequence[Any]] | None = None,
    ) -> None:
        """Take `older`'s reads of `tables` (nothing in them changed since it read them), with
        the records in `updated` ("claims" or "actors": records changed in place, same id and
        order) put in. The rest is read again when first asked for. An app redrawing after
        one edit reads what the edit touched, not the whole case."""
        tables = set(tables)
        self.carried_from = older.serial
        self.reread = frozenset(_TABLES - tables)
        self.changed = {t: frozenset(r.id for r in rs) for t, rs in (updated or {}).items()}
        for table in tables:
            if table == "mentions":
                self._mentions = dict(older._mentions)
                continue
            kept = getattr(older, f"_{table}")
            fresh = {r.id: r for r in (updated or {}).get(table, ())}
            if kept is not None and fresh:
                kept = Records.of(
                    type(kept[0]) if kept else object, [fresh.get(r.id, r) for r in kept]
                )
            setattr(self, f"_{table}", kept)

    def __repr__(self) -> str:
        read = [
            name
            for name in ("articles", "actors", "claims", "events", "relations", "links", "notes")
            if getattr(self, f"_{name}") is not None
        ]
        return f"CaseSnapshot({self.case!r}, read={read})"


_SERIALS = count(1)
_TABLES = frozenset(
    ("articles", "actors", "claims", "events", "relations", "links", "notes", "mentions")
)

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
        """The view of `case`; a snapshot keeps its one view for every caller."""
        if isinstance(case, CaseSnapshot):
            if case._view is None:
                case._view = cls._read(case)
            return case._view
        return cls._read(case)

    @classmethod
    def _read(cls, case: CaseReader) -> CaseView:
        links: dict[str, list[SourceLink]] = defaultdict(list)
        for link in case.links():
            links[link.claim_id].append(link)
        notes: dict[str, list[Note]] = defaultdict(list)
        for note in case.notes():
            notes[note.target_id].append(note)
        actors = list(case.actors())
        return cls(
            articles={a.id: a for a in case.articles()},
            actors={a.id: a for a in actors if a.status is not ReviewStatus.REJECTED},
            claims=[c for c in case.claims() if c.review is not ReviewStatus.REJECTED],
            links=links,
            notes=notes,
            all_actors=actors,
            source=case,
        )

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


__all__ = ["CaseReader", "CaseSnapshot", "CaseView"]
