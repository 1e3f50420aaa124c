"""The workbench's data model: frozen dataclasses shared by every layer.

Offsets (`start`, `end`) are always character offsets into `Article.text`, so that
`article.text[start:end]` is the span's text. Ids are strings; within one extraction
they are short and sequential (``a1``, ``c1``, ``e1``); the case file assigns its own.
"""

from __future__ import annotations

import datetime
import re
import types
import typing
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, TypeVar

from .dates import PartialDate, Precision, parse_date, parse_optional_day

SCHEMA_ID = "workbench.extraction/1"


def slug(text: str, *, fallback: str = "article") -> str:
    """A short readable id (articles are named by it): ASCII when the name has Latin
    letters, its own script otherwise."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    found = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if not found:
        found = re.sub(r"[\W_]+", "-", text.lower()).strip("-")
    return found[:60].rstrip("-") or fallback


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


class ReviewStatus(str, Enum):
    """Where an extracted item stands with the person reviewing it."""

    EXTRACTED = "extracted"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class Origin(str, Enum):
    """Whether an item is as extraction proposed it or a person changed it."""

    EXTRACTED = "extracted"
    USER = "user"


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
    """JSON-ready form of a field value: enums and dates to str, tuples to lists."""
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PartialDate | datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value


Cleaner = Callable[[Any], Any]


def _cleaner(hint: Any, name: str) -> Cleaner | None:
    """How to clean a value for a field of type `hint`: None where nothing needs doing.

    This is the one place where a record's field values are coerced, followthemoney-style:
    enums from their values, tuples from any iterable, dates through the one date parser.
    """
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    optional = typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1
    clean = _required_cleaner(args[0] if optional else hint, name)
    if clean is None or not optional:
        return clean
    required = clean
    return lambda value: None if value is None else required(value)


def _required_cleaner(inner: Any, name: str) -> Cleaner | None:
    what = "publication date" if name == "published" else name.replace("_", " ")
    if isinstance(inner, type) and issubclass(inner, Enum):
        return inner
    if inner is PartialDate:
        return lambda value: parse_date(value, what=what)
    if inner is datetime.date:
        return lambda value: parse_optional_day(value, what=what)
    if inner is bool:
        return bool
    if typing.get_origin(inner) is not tuple:
        return None
    item = typing.get_args(inner)[0]
    if isinstance(item, type) and issubclass(item, Record):
        record_type: type[Record] = item
        return lambda value: tuple(
            v if isinstance(v, record_type) else record_type.from_dict(v) for v in (value or ())
        )
    return lambda value: tuple(value or ())


class Record:
    """Base of every record, the extraction's and the case file's: frozen dataclasses whose
    field values are cleaned on construction by their declared types (`_cleaner`), with
    `to_dict` (JSON-ready) and `from_dict`."""

    def __post_init__(self) -> None:
        for name, clean in _cleaners_of(type(self)):
            value = getattr(self, name)
            cleaned = clean(value)
            if cleaned is not value:
                object.__setattr__(self, name, cleaned)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: to_plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


_CLEANERS: dict[type, tuple[tuple[str, Cleaner], ...]] = {}


def _cleaners_of(cls: type) -> tuple[tuple[str, Cleaner], ...]:
    """The cleaners of a record class's fields, worked out once per class."""
    found = _CLEANERS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        pairs = ((f.name, _cleaner(hints[f.name], f.name)) for f in fields(cls))
        found = _CLEANERS[cls] = tuple((n, c) for n, c in pairs if c is not None)
    return found


@dataclass(frozen=True)
class Article(Record):
    id: str
    text: str
    title: str | None = None
    published: datetime.date | None = None  # cleaned by the one date parser
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    author: str | None = None  # not part of extraction/1's article object
    language: str | None = None  # ISO 639-1 ("en", "ar"), detected at extraction

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
class ActorIdentity(Record):
    """Who an actor is: what an extracted actor and a case actor share."""

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Actor(ActorIdentity):
    mentions: tuple[Mention, ...] = ()


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


@dataclass(frozen=True)
class Event(Record):
    id: str
    date: PartialDate  # at its precision; the start of the range for an approximate date
    precision: Precision
    date_text: str  # article.text[start:end]
    start: int
    end: int
    date_end: PartialDate | None = None  # set for approximate dates (a range)
    summary: str = ""
    actors: tuple[str, ...] = ()
    claim: str | None = None  # the claim that reports this event, if any


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
    "slug",
    "Record",
    "to_plain",
    "ActorType",
    "ClaimKind",
    "Precision",
    "ReviewStatus",
    "Origin",
    "ClaimStatus",
    "SourceRelation",
    "Article",
    "Mention",
    "ActorIdentity",
    "Actor",
    "Claim",
    "Event",
    "Relation",
    "Extraction",
]
