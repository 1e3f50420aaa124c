"""Long articles in bounded pieces: time and memory linear in the length of the text.

spaCy's cost per character grows with the size of a doc (one 900 KB text took 11 minutes
and 14.5 GB), and some of our rules compare every actor with every other. A text longer
than `PIECE_CHARS` characters or `PIECE_WORDS` words is cut at paragraph breaks (else
line breaks, sentence ends, spaces), each piece parsed and extracted on its own, one at a
time, and the results joined:
offsets shifted back into the whole text, actors of two pieces that share a name or an
alias (compared as `name_key` compares them) or a person's surname joined into one, ids
renumbered in text order. A claim or a quotation that would run across a cut is what the
pieces cannot give; at paragraph breaks that is rare.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..lexicon.gazetteer import name_key
from ..model import Actor, ActorType, Article, Claim, Event, Extraction, Mention, Relation

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# A piece holds at most this many characters and this many words (runs of non-space):
# spaCy's memory follows the tokens (about 40 KB each with the small model), and lines of
# "a" have ten times as many per character as prose. A normal article is one piece.
PIECE_CHARS = 20_000
PIECE_WORDS = 4_000
_WORD = re.compile(r"\S+")
# a cut is looked for in the second half of a piece: no piece is shorter than half of it
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")
_CO_OCCURS = "co-occurs"
_NAMED = (ActorType.PERSON, ActorType.ORGANIZATION)


def needs_pieces(text: str) -> bool:
    """Whether `text` is longer than one piece (in characters or in words)."""
    if len(text) > PIECE_CHARS:
        return True
    # n words need at least 2n - 1 characters: most texts are told by their length alone
    return len(text) >= 2 * PIECE_WORDS and _words_end(text, 0, len(text)) < len(text)


def piece_bounds(
    text: str, *, limit: int | None = None, words: int | None = None
) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces covering `text`, each at most `limit` characters
    (default PIECE_CHARS) and about `words` words (default PIECE_WORDS) long."""
    limit = limit or PIECE_CHARS
    words = words or PIECE_WORDS
    bounds = []
    start = 0
    while start < len(text):
        stop = _words_end(text, start, min(start + limit, len(text)), words=words)
        if stop >= len(text):
            break
        end = _cut(text, start, stop)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _words_end(text: str, start: int, stop: int, *, words: int | None = None) -> int:
    """Where the text from `start` holds `words` words (at most `stop`)."""
    for count, match in enumerate(_WORD.finditer(text, start, stop), start=1):
        if count > (words or PIECE_WORDS):
            return match.start()
    return stop


def _cut(text: str, start: int, stop: int) -> int:
    """Where to end the piece that starts at `start`: the last good break before `stop`."""
    low = start + (stop - start) // 2
    for mark in ("\n\n", "\n"):
        found = text.rfind(mark, low, stop)
        if found >= 0:
            return found + len(mark)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, low, stop)]
    if ends:
        return ends[-1]
    for position in range(stop - 1, low - 1, -1):
        if text[position].isspace():
            return position + 1
    # one "word" longer than half a piece: cut it, but not between a letter and its marks
    cut = stop
    while cut > low and unicodedata.combining(text[cut]):
        cut -= 1
    return cut


def extract_in_pieces(
    nlp: Language, article: Article, extract: Callable[[Doc, Article], Extraction]
) -> Extraction:
    """`extract(nlp(text), article)`, piece by piece for a long text (see the module)."""
    bounds = piece_bounds(article.text)
    if len(bounds) == 1:
        return extract(nlp(article.text), article)
    parts = []
    for start, end in bounds:
        piece = dataclasses.replace(article, text=article.text[start:end])
        # one piece at a time: its Doc is freed before the next is made
        parts.append((start, extract(nlp(piece.text), piece)))
    return join_pieces(article, parts)


# --- joining ---------------------------------------------------------------------------------


class _Joined:
    """An actor being built from the actors of several pieces."""

    def __init__(self, actor: Actor) -> None:
        self.name = actor.name
        self.type = actor.type
        self.aliases: list[str] = []
        self.roles: list[str] = []
        self.mentions: list[Mention] = []
        self.keys: set[str] = set()

    def add(self, actor: Actor, shift: int) -> None:
        for name in (actor.name, *actor.aliases):
            if name != self.name and name not in self.aliases:
                self.aliases.append(name)
            if key := name_key(name):
                self.keys.add(key)
        self.roles.extend(r for r in actor.roles if r not in self.roles)
        self.mentions.extend(_shifted(m, shift) for m in actor.mentions)

    def actor(self, actor_id: str) -> Actor:
        mentions = sorted({(m.start, m.end): m for m in self.mentions}.values(), key=_start)
        return Actor(
            id=actor_id,
            name=self.name,
            type=self.type,
            aliases=tuple(sorted(self.aliases)),
            roles=tuple(self.roles),
            mentions=tuple(mentions),
        )


def _start(mention: Mention) -> int:
    return mention.start


def _shifted(mention: Mention, shift: int) -> Mention:
    return Mention(mention.start + shift, mention.end + shift, mention.text)


def _keys(actor: Actor) -> set[str]:
    return {k for k in (name_key(n) for n in (actor.name, *actor.aliases)) if k}


def _surname(name: str) -> str:
    words = name.split()
    return name_key(words[-1]) if len(words) > 1 else ""


def _same_actor(joined: list[_Joined], actor: Actor) -> _Joined | None:
    """The actor of an earlier piece that `actor` names too, by the alias rules."""
    keys = _keys(actor)
    for candidate in joined:
        if candidate.type is actor.type and candidate.keys & keys:
            return candidate
    if actor.type in _NAMED and len(actor.name.split()) == 1:
        # "Mamlouk" after "Ali Mamlouk" in an earlier piece, when only one person fits
        # (alone, without the earlier piece's context, a surname may pass for a body)
        fits = [
            c
            for c in joined
            if c.type is ActorType.PERSON and _surname(c.name) and _surname(c.name) in keys
        ]
        if len(fits) == 1:
            return fits[0]
    return None


def join_pieces(article: Article, parts: Iterable[tuple[int, Extraction]]) -> Extraction:
    """One extraction of `article` from the extractions of its pieces (with their offsets
    into the whole text)."""
    parts = list(parts)
    joined: list[_Joined] = []
    owner: list[dict[str, _Joined]] = []  # per piece: its actor id -> the joined actor
    for shift, extraction in parts:
        mine: dict[str, _Joined] = {}
        for actor in extraction.actors:
            target = _same_actor(joined, actor)
            if target is None:
                target = _Joined(actor)
                joined.append(target)
            target.add(actor, shift)
            mine[actor.id] = target
        owner.append(mine)
    actors = [j.actor("") for j in joined]
    order = sorted(
        range(len(joined)), key=lambda i: actors[i].mentions[0].start if actors[i].mentions else 0
    )
    new_id = {id(joined[i]): f"a{n}" for n, i in enumerate(order, start=1)}
    actors = [dataclasses.replace(actors[i], id=new_id[id(joined[i])]) for i in order]

    def actor_id(piece: int, old: str) -> str:
        return new_id[id(owner[piece][old])]

    claims: list[Claim] = []
    events: list[Event] = []
    counts: dict[tuple[str, str, str], float] = {}
    for piece, (shift, extraction) in enumerate(parts):
        ids: dict[str, str] = {}
        for claim in extraction.claims:
            ids[claim.id] = f"c{len(claims) + 1}"
            claims.append(
                dataclasses.replace(
                    claim,
                    id=ids[claim.id],
                    start=claim.start + shift,
                    end=claim.end + shift,
                    speaker=actor_id(piece, claim.speaker) if claim.speaker else None,
                    channels=tuple(actor_id(piece, c) for c in claim.channels),
                )
            )
        for event in extraction.events:
            events.append(
                dataclasses.replace(
                    event,
                    id=f"e{len(events) + 1}",
                    start=event.start + shift,
                    end=event.end + shift,
                    actors=tuple(dict.fromkeys(actor_id(piece, a) for a in event.actors)),
                    claim=ids[event.claim] if event.claim else None,
                )
            )
        for relation in extraction.relations:
            source = actor_id(piece, relation.source)
            other = actor_id(piece, relation.target)
            if source == other:
                continue  # two actors of the piece turned out to be one
            if relation.kind == _CO_OCCURS:
                source, other = sorted((source, other))
            key = (source, other, relation.kind)
            counts[key] = counts.get(key, 0.0) + relation.weight
    relations = [
        Relation(source=s, target=t, kind=k, weight=weight) for (s, t, k), weight in counts.items()
    ]
    return Extraction(
        article=article,
        actors=tuple(actors),
        claims=tuple(claims),
        events=tuple(events),
        relations=tuple(relations),
    )


__all__ = [
    "PIECE_CHARS",
    "PIECE_WORDS",
    "extract_in_pieces",
    "join_pieces",
    "needs_pieces",
    "piece_bounds",
]
