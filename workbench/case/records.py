"""What the case file's read API returns: frozen dataclasses, converted from rows at the store's
boundary, and `Records`, a list of them that also gives a pandas DataFrame.

Ids are strings assigned by the case (``A12`` actor, ``C3`` claim, ``E7`` event, ``R4``
relation, ``L2`` source link, ``N1`` note, ``M9`` mention); an article keeps a slug of its
own id. Every record has `to_dict()` (JSON-ready) and `from_dict()`.

Review status (`ReviewStatus`: extracted, confirmed, rejected) says where an extracted item
stands with the person reviewing it; `origin` says whether a person changed it
("extracted" or "user") and `edited` names the fields a person set, which re-extraction
never overwrites.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..model import (
    ActorIdentity,
    ActorType,
    Article,
    Claim,
    ClaimStatus,
    Event,
    Mention,
    Origin,
    Record,
    Relation,
    ReviewStatus,
    SourceRelation,
    to_plain,
)

if TYPE_CHECKING:
    import pandas as pd

R = TypeVar("R")


class ChannelKind(str, Enum):
    """How one outlet of a claim's chain passed it on, from the step before it."""

    REPORTED_BY = "reported_by"  # carried it: "told AFP", "as reported by Middle East Eye"
    CITING = "citing"  # named the step before as its source: "Middle East Eye, citing AFP"


# Each case record is the extraction record it stores, plus what the case adds (keyword-only,
# so the extraction's fields keep their order and meaning): one definition of every field,
# one cleaning rule (`Record`).


@dataclass(frozen=True, kw_only=True)
class CaseArticle(Article):
    added_at: str = ""  # ISO timestamp, UTC
    model: str | None = None  # the spaCy model of the last extraction

    def to_article(self) -> Article:
        """The article alone, as extraction takes it."""
        return Article(**{f.name: getattr(self, f.name) for f in fields(Article)})


@dataclass(frozen=True, kw_only=True)
class CaseActor(ActorIdentity):
    # `aliases` holds every surface form seen or given, the name included
    status: ReviewStatus = ReviewStatus.EXTRACTED
    articles: tuple[str, ...] = ()  # ids of the articles that mention the actor
    mention_count: int = 0
    origin: Origin = Origin.EXTRACTED
    # what a person did: set "name", "type", "status"; "merged" others in; made by "split";
    # "added" it from a text selection
    edited: tuple[str, ...] = ()
    version: int = 1  # bumped by each write: an edit may say which one it was made against


@dataclass(frozen=True)
class ActorLabel(Record):
    """What a mark in an article says of its actor, read without counting its mentions
    across the case (`Case.actor_labels`): an actor named in thousands of articles is read
    as fast as any."""

    id: str
    name: str
    type: ActorType
    status: ReviewStatus = ReviewStatus.EXTRACTED


@dataclass(frozen=True)
class ArticleHead(Record):
    """An article without its text (`Case.article_heads`): what the app's article picker
    lists and searches; reading 5,000 articles' texts takes half a second."""

    id: str
    title: str | None = None
    outlet: str | None = None
    published: datetime.date | None = None  # cleaned by the one date parser


@dataclass(frozen=True, kw_only=True)
class CaseMention(Mention):
    id: str
    article_id: str
    actor_id: str
    # "confirmed": a person added it; "rejected": removed (read with include_rejected=True)
    review: ReviewStatus = ReviewStatus.EXTRACTED
    known: bool = False  # the name is one a person confirmed in this case (its knowledge)
    version: int = 1


@dataclass(frozen=True, kw_only=True)
class CaseClaim(Claim):
    # `speaker` and `channels` hold case actor ids
    article_id: str
    status: ClaimStatus = ClaimStatus.UNVERIFIED  # verification
    review: ReviewStatus = ReviewStatus.EXTRACTED
    origin: Origin = Origin.EXTRACTED
    # "text", "span", "speaker", "channels", "kind", "status", "review"; "added" (a person
    # added it), "split", "merged"
    edited: tuple[str, ...] = ()
    # True when re-extraction no longer finds the claim but a person's work hangs on it
    detached: bool = False
    # how each of `channels` passed the claim on (ChannelKind values), in the same order
    channel_kinds: tuple[str, ...] = ()
    version: int = 1


@dataclass(frozen=True, kw_only=True)
class CaseEvent(Event):
    # `actors` holds case actor ids, `claim` a case claim id
    article_id: str
    review: ReviewStatus = ReviewStatus.EXTRACTED
    origin: Origin = Origin.EXTRACTED
    # "date", "date_end", "precision", "summary", "review", "claim"; "added"
    edited: tuple[str, ...] = ()
    version: int = 1


@dataclass(frozen=True, kw_only=True)
class CaseRelation(Relation):
    # `source` and `target` hold case actor ids
    id: str
    article_id: str


@dataclass(frozen=True)
class SourceLink(Record):
    """A claim tied by a person to a source: a media actor of the case or a URL."""

    id: str
    claim_id: str
    relation: SourceRelation
    actor_id: str | None = None
    url: str | None = None
    note: str | None = None
    created_at: str = ""
    created_by: str = ""
    version: int = 1

    @property
    def source(self) -> str:
        return self.actor_id or self.url or ""


@dataclass(frozen=True)
class Note(Record):
    id: str
    target_id: str  # any case id: article, actor, claim, event, link
    text: str
    created_at: str = ""
    created_by: str = ""


@dataclass(frozen=True)
class HistoryEntry(Record):
    """One row of the audit log: who did what, when, with the state before and after."""

    id: int
    at: str
    who: str
    action: str
    target: str | None = None
    before: Any = None  # JSON-ready
    after: Any = None
    undone: bool = False  # a later `undo` reverted this action
    undoable: bool = False
    session: str | None = None  # the `Case` object that made it (None: before format 3)


class Records(list, Generic[R]):
    """A list of records that also gives a pandas DataFrame (one row per record)."""

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        if not self:
            return pd.DataFrame(columns=self._columns())
        # column by column: several times faster than a dict per record on large cases
        names = [f.name for f in fields(self[0])]
        columns = {name: [to_plain(getattr(r, name)) for r in self] for name in names}
        return pd.DataFrame(columns, columns=names)

    def _columns(self) -> list[str]:
        record_type = getattr(self, "record_type", None)
        return [f.name for f in fields(record_type)] if record_type else []

    @classmethod
    def of(cls, record_type: type[R], items: Iterable[R]) -> Records[R]:
        records: Records[R] = cls(items)
        records.record_type = record_type  # type: ignore[attr-defined]
        return records


__all__ = [
    "ChannelKind",
    "CaseArticle",
    "CaseActor",
    "CaseMention",
    "CaseClaim",
    "CaseEvent",
    "CaseRelation",
    "SourceLink",
    "Note",
    "HistoryEntry",
    "Records",
]
