"""Who a speaker's words stand for when they name no one: an honorific ("جلالته", "صاحب
السمو", "سمو الأمير") is the ruler named before with the same rank; an outlet's noun with
the article ("الصحيفة", "الوكالة", "القناة") is the outlet of that kind named before.

Both look back over a bounded number of mentions (not the whole article), so a long text of
honorifics stays linear.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from ... import lexicon
from ...model import Actor, ActorType
from .gazetteer import source_nouns
from .tokens import Token, normal, without_article

if TYPE_CHECKING:
    from collections.abc import Sequence

# how many mentions before the words are looked at for the one they stand for
_REACH = 40
# the words before and after a mention where an honorific's mark makes it the one honoured
_MARKS_BEFORE, _MARKS_AFTER = 5, 3


class _Spans(Protocol):
    """What the claims' sentence gives: the article's tokens, spans and actors."""

    tokens: list[Token]
    spans: list[tuple[int, int, str]]
    actors: dict[str, Actor]


def _plain(word: str) -> str:
    return without_article(normal(word))


@lru_cache(maxsize=1)
def _honorifics() -> dict[tuple[str, ...], frozenset[str]]:
    """Each honorific (its words, plain) and the marks of the person it stands for."""
    return {
        tuple(_plain(w) for w in row["honorific"].split()): frozenset(
            _plain(m) for m in row["marks"].split("|")
        )
        for row in lexicon.table("ar_honorifics.csv")
    }


_COURTESY = _plain("حضرة")  # "حضرة صاحب الجلالة": read past


def _spans_before(sentence: _Spans, start: int) -> Sequence[tuple[int, int, str]]:
    """The last `_REACH` spans of the article that end before `start`, latest first."""
    spans = sentence.spans  # in text order
    n = bisect_left(spans, start, key=lambda s: s[0])
    return [s for s in reversed(spans[max(0, n - _REACH) : n]) if s[1] <= start]


def _marked(tokens: list[Token], start: int, end: int, marks: frozenset[str]) -> bool:
    """Whether a mark stands in the few words before the mention at start..end or after it."""
    first = bisect_left(tokens, start, key=lambda t: t.start)
    last = bisect_left(tokens, end, key=lambda t: t.start)
    near = tokens[max(0, first - _MARKS_BEFORE) : first] + tokens[last : last + _MARKS_AFTER]
    return any(without_article(w) in marks for t in near for _, w in t.readings())


def honoured(sentence: _Spans, words: list[Token]) -> Actor | None:
    """The person an honorific alone names ("وأكد جلالته أن", "وكتب سمو الأمير"): the last
    person named before whose mention carries one of its marks, else None."""
    plain = tuple(_plain(t.text) for t in words if not t.is_punct)
    if plain[:1] == (_COURTESY,):
        plain = plain[1:]
    marks = _honorifics().get(plain)
    if marks is None:
        return None
    for start, end, actor_id in _spans_before(sentence, words[0].start):
        actor = sentence.actors[actor_id]
        if actor.type is ActorType.PERSON and _marked(sentence.tokens, start, end, marks):
            return actor
    return None


def outlet_named_before(sentence: _Spans, words: list[Token], text: str) -> Actor | None:
    """The actor an outlet noun with the article stands for ("وقالت الصحيفة إن", "وأضافت
    الوكالة"): the last one named before with the same noun, an outlet ("صحيفة «نيويورك
    تايمز»", "وكالة تسنيم") or a body whose name opens with it ("الوكالة الدولية للطاقة
    الذرية": the IAEA), else None."""
    if len(words) != 1 or not words[0].norm.startswith("ال"):
        return None
    noun = without_article(words[0].norm)
    if source_nouns().get(noun) != "outlet":
        return None
    for start, end, actor_id in _spans_before(sentence, words[0].start):
        # the noun right before the name, or the name's own first word
        before = text[max(0, start - 12) : start].replace("«", " ").replace('"', " ").split()
        own = text[start:end].split()[:1]
        if any(
            without_article(w) == noun for word in before[-1:] + own for _, w in _readings(word)
        ):
            return sentence.actors[actor_id]
    return None


def _readings(word: str) -> list[tuple[int, str]]:
    """A written word's readings without its clitics, as a token's (و ف ب ل ك)."""
    return Token(0, word, 0, len(word), normal(word)).readings()
