"""The workbench's data model: frozen dataclasses shared by every layer.

Offsets (`start`, `end`) are always character offsets into `Article.text`, so that
`article.text[start:end]` is the span's text. Ids are strings; within one extraction
they are short and sequential (``a1``, ``c1``, ``e1``); the case file assigns its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, TypeVar

SCHEMA_ID = "workbench.extraction/1"


class ActorType(str, Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    MEDIA = "media"
    COUNTRY = "country"
    PLACE = "place"
    GROUP = "group"


class ClaimKind(str, Enum):
    DIRECT = "direct"  # a quotation: "...", X said
    INDIRECT = "indirect"  # reported speech: X said that ...
    MIXED = "mixed"  # reported speech with quoted fragments


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    APPROXIMATE = "approximate"  # a range: date .. date_end


class ReviewStatus(str, Enum):
    """Where an extracted item stands with the person reviewing it."""

    EXTRACTED = "extracted"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class ClaimStatus(str, Enum):
    UNVERIFIED = "unverified"
    IN_PROGRESS = "in_progress"
    CORROBORATED = "corroborated"
    DISPUTED = "disputed"
    FALSE = "false"
    UNVERIFIABLE = "unverifiable"


class SourceRelation(str, Enum):
    REPORTED_BY = "reported_by"
    CORROBORATES = "corroborates"
    CONTRADICTS = "contradicts"


T = TypeVar("T")


def to_plain(value: Any) -> Any:
    """JSON-ready form of a dataclass field value (enums to str, tuples to lists)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


class Record:
    """to_dict/from_dict for flat frozen dataclasses (ours, and the case file's records)."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: to_plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class Article(Record):
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    author: str | None = None  # not part of extraction/1's article object

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data.pop("author")
        return data


@dataclass(frozen=True)
class Mention(Record):
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor(Record):
    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", ActorType(self.type))
        object.__setattr__(self, "aliases", tuple(self.aliases))
        object.__setattr__(self, "roles", tuple(self.roles))
        object.__setattr__(
            self,
            "mentions",
            tuple(m if isinstance(m, Mention) else Mention.from_dict(m) for m in self.mentions),
        )

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["mentions"] = [m.to_dict() for m in self.mentions]
        return data


@dataclass(frozen=True)
class Claim(Record):
    id: str
    text: str  # what was said: article.text[start:end]
    start: int
    end: int
    kind: ClaimKind
    cue: str | None = None  # the speech verb or phrase: "said", "according to"
    speaker: str | None = None  # actor id, or None for an unnamed/unresolved speaker
    speaker_text: str | None = None  # the words naming the speaker
    channels: tuple[str, ...] = ()  # actor ids of the outlets, origin first

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ClaimKind(self.kind))
        object.__setattr__(self, "channels", tuple(self.channels))


@dataclass(frozen=True)
class Event(Record):
    id: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD, at its precision
    precision: Precision
    date_text: str  # article.text[start:end]
    start: int
    end: int
    date_end: str | None = None  # set for approximate dates (a range)
    summary: str = ""
    actors: tuple[str, ...] = ()
    claim: str | None = None  # the claim that reports this event, if any

    def __post_init__(self) -> None:
        object.__setattr__(self, "precision", Precision(self.precision))
        object.__setattr__(self, "actors", tuple(self.actors))


@dataclass(frozen=True)
class Relation(Record):
    source: str  # actor id
    target: str  # actor id
    kind: str  # "met", "received", "visited", "condemned", ..., or "co-occurs"
    weight: float = 1.0


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article: the `workbench.extraction/1` object."""

    article: Article
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    schema: str = field(default=SCHEMA_ID)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "claims": [c.to_dict() for c in self.claims],
            "events": [e.to_dict() for e in self.events],
            "relations": [r.to_dict() for r in self.relations],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            article=Article.from_dict(data["article"]),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors", [])),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", [])),
            events=tuple(Event.from_dict(e) for e in data.get("events", [])),
            relations=tuple(Relation.from_dict(r) for r in data.get("relations", [])),
            schema=data.get("schema", SCHEMA_ID),
        )

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


__all__ = [
    "SCHEMA_ID",
    "Record",
    "to_plain",
    "ActorType",
    "ClaimKind",
    "Precision",
    "ReviewStatus",
    "ClaimStatus",
    "SourceRelation",
    "Article",
    "Mention",
    "Actor",
    "Claim",
    "Event",
    "Relation",
    "Extraction",
]
