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

from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..model import (
    ActorType,
    Article,
    ClaimKind,
    ClaimStatus,
    Precision,
    Record,
    ReviewStatus,
    SourceRelation,
    to_plain,
)

if TYPE_CHECKING:
    import pandas as pd

R = TypeVar("R")

ORIGIN_EXTRACTED = "extracted"
ORIGIN_USER = "user"


def _cell(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [to_plain(v) for v in value]
    return value


def _tuple(value: Iterable[Any] | None) -> tuple[Any, ...]:
    return tuple(value or ())


@dataclass(frozen=True)
class CaseArticle(Record):
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    author: str | None = None
    added_at: str = ""  # ISO timestamp, UTC
    model: str | None = None  # the spaCy model of the last extraction

    def to_article(self) -> Article:
        return Article(
            id=self.id,
            text=self.text,
            title=self.title,
            published=self.published,
            outlet=self.outlet,
            url=self.url,
            path=self.path,
            author=self.author,
        )


@dataclass(frozen=True)
class CaseActor(Record):
    id: str
    name: str
    type: ActorType
    status: ReviewStatus = ReviewStatus.EXTRACTED
    aliases: tuple[str, ...] = ()  # every surface form seen or given, the name included
    roles: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()  # ids of the articles that mention the actor
    mention_count: int = 0
    origin: str = ORIGIN_EXTRACTED
    # what a person did: set "name", "type", "status"; "merged" others in; made by "split"
    edited: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", ActorType(self.type))
        object.__setattr__(self, "status", ReviewStatus(self.status))
        for name in ("aliases", "roles", "articles", "edited"):
            object.__setattr__(self, name, _tuple(getattr(self, name)))


@dataclass(frozen=True)
class CaseMention(Record):
    id: str
    article_id: str
    actor_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CaseClaim(Record):
    id: str
    article_id: str
    text: str
    start: int
    end: int
    kind: ClaimKind
    cue: str | None = None
    speaker: str | None = None  # case actor id; None for an unnamed or unresolved speaker
    speaker_text: str | None = None
    channels: tuple[str, ...] = ()  # case actor ids of the outlets, origin first
    status: ClaimStatus = ClaimStatus.UNVERIFIED  # verification
    review: ReviewStatus = ReviewStatus.EXTRACTED
    origin: str = ORIGIN_EXTRACTED
    edited: tuple[str, ...] = ()  # "text", "speaker", "kind", "status", "review"
    # True when re-extraction no longer finds the claim but a person's work hangs on it
    detached: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ClaimKind(self.kind))
        object.__setattr__(self, "status", ClaimStatus(self.status))
        object.__setattr__(self, "review", ReviewStatus(self.review))
        object.__setattr__(self, "channels", _tuple(self.channels))
        object.__setattr__(self, "edited", _tuple(self.edited))
        object.__setattr__(self, "detached", bool(self.detached))


@dataclass(frozen=True)
class CaseEvent(Record):
    id: str
    article_id: str
    date: str
    precision: Precision
    date_text: str
    start: int
    end: int
    date_end: str | None = None
    summary: str = ""
    actors: tuple[str, ...] = ()  # case actor ids
    claim: str | None = None  # case claim id
    review: ReviewStatus = ReviewStatus.EXTRACTED
    origin: str = ORIGIN_EXTRACTED
    edited: tuple[str, ...] = ()  # "date", "date_end", "precision", "summary", "review"

    def __post_init__(self) -> None:
        object.__setattr__(self, "precision", Precision(self.precision))
        object.__setattr__(self, "review", ReviewStatus(self.review))
        object.__setattr__(self, "actors", _tuple(self.actors))
        object.__setattr__(self, "edited", _tuple(self.edited))


@dataclass(frozen=True)
class CaseRelation(Record):
    id: str
    article_id: str
    source: str  # case actor id
    target: str  # case actor id
    kind: str
    weight: float = 1.0


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "relation", SourceRelation(self.relation))

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

    def __post_init__(self) -> None:
        object.__setattr__(self, "undone", bool(self.undone))
        object.__setattr__(self, "undoable", bool(self.undoable))


class Records(list, Generic[R]):
    """A list of records that also gives a pandas DataFrame (one row per record)."""

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        if not self:
            return pd.DataFrame(columns=self._columns())
        # column by column: several times faster than a dict per record on large cases
        names = [f.name for f in fields(self[0])]
        columns = {name: [_cell(getattr(r, name)) for r in self] for name in names}
        return pd.DataFrame(columns, columns=names)

    def _columns(self) -> list[str]:
        record_type = getattr(self, "record_type", None)
        return [f.name for f in fields(record_type)] if record_type else []

    @classmethod
    def of(cls, record_type: type, items: Iterable[Any]) -> Records:
        records = cls(items)
        records.record_type = record_type  # type: ignore[attr-defined]
        return records


__all__ = [
    "ORIGIN_EXTRACTED",
    "ORIGIN_USER",
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
