"""Arabic relations: who did what to whom, without a parser.

Arabic news puts the verb first: "استقبل الرئيس المصري عبد الفتاح السيسي اللواء علي مملوك",
"التقى وزير الخارجية جبران باسيل المبعوث الأممي يان كوبيتش". After an action verb
(`ar_relation_verbs.csv`) the first actor is its subject and the next other actor its object
(also after مع or ب: "اجتمع لافروف مع دي ميستورا"); the kind is the English lemma, so a
relation reads the same in both languages. Actors named in one sentence also co-occur.
"""

from __future__ import annotations

import bisect
from collections import Counter
from functools import lru_cache

from ... import lexicon
from ...model import ActorType, Relation
from .tokens import Token, normal

# how many words an action verb's subject (with its title) may take before the object
_MAX_SUBJECT_WORDS = 9
_CO_OCCURS = "co-occurs"
# prepositions of place and direction: an actor after one is not the verb's object
_PLACES = frozenset(normal(w) for w in ("في", "إلى", "من", "على", "عن"))


@lru_cache(maxsize=1)
def action_verbs() -> dict[str, str]:
    """Verb (normal form) -> the relation's kind."""
    return {normal(r["verb"]): r["kind"] for r in lexicon.table("ar_relation_verbs.csv")}


def action_of(token: Token) -> str | None:
    """The kind of relation a verb states, with و or ف before it or not."""
    table = action_verbs()
    for _, word in token.readings()[:2]:
        if word in table:
            return table[word]
    return None


class _Spans:
    """The mentions sorted by start, looked up by a range of characters or by where they
    end, so that each verb and each sentence reads only its own (a long text stays linear)."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]
        self.by_end: dict[int, list[tuple[int, int, str]]] = {}
        for span in self.spans:
            self.by_end.setdefault(span[1], []).append(span)

    def within(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        a, b = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [m for m in self.spans[a:b] if m[1] <= hi]


# how many tokens after a verb its subject and object are looked for: the object starts
# within _MAX_SUBJECT_WORDS words, and a name runs a few more
_REACH = _MAX_SUBJECT_WORDS + 8


def _typed(
    tokens: list[Token], first: int, last: int, spans: _Spans, types: dict
) -> list[tuple[str, str, str]]:
    found = []
    for v in range(first, last):
        kind = action_of(tokens[v])
        if kind is None or v + 1 >= last:
            continue
        end = min(last, v + 1 + _REACH)
        lo, hi = tokens[v + 1].start, tokens[end - 1].end
        after = spans.within(lo, hi)
        if not after:
            continue
        before = [
            m
            for m in (spans.by_end.get(tokens[v - 1].end, []) if v > first else [])
            if types[m[2]] is not ActorType.PLACE
        ]  # "في دمشق استقبل الأسد ...": a place before the verb is where, not who
        if before:
            # "السيسي استقبل المملوك": the subject first, the object after the verb
            subject, rest = before[0], [m for m in after if m[2] != before[0][2]]
        else:
            subject = after[0]
            rest = [m for m in after[1:] if m[2] != subject[2]]
        if rest and types[subject[2]] is not ActorType.PERSON and not before:
            # "رئيس مكتب الأمن الوطني اللواء علي مملوك": a body inside the title, the person acts
            words = sum(1 for t in tokens[v + 1 : end] if subject[1] <= t.start < rest[0][0])
            if types[rest[0][2]] is ActorType.PERSON and words <= 2:
                subject, rest = rest[0], [m for m in rest[1:] if m[2] != rest[0][2]]
        if not rest:
            continue
        words = sum(1 for t in tokens[v + 1 : end] if lo <= t.start < rest[0][0])
        preceding = next((t for t in reversed(tokens[v + 1 : end]) if t.end <= rest[0][0]), None)
        if words > _MAX_SUBJECT_WORDS or (preceding is not None and preceding.norm in _PLACES):
            continue  # "استقبل المملوك في القاهرة": where it happened, not to whom
        found.append((subject[2], rest[0][2], kind))
    return found


def extract_relations(
    tokens: list[Token],
    ranges: list[tuple[int, int]],
    spans: list[tuple[int, int, str]],
    types: dict[str, ActorType],
) -> list[Relation]:
    """Typed relations from action verbs, then co-occurrence; no self-loops."""
    counts: Counter[tuple[str, str, str]] = Counter()
    indexed = _Spans(spans)
    for first, last in ranges:
        for relation in dict.fromkeys(_typed(tokens, first, last, indexed, types)):
            counts[relation] += 1
        s, e = tokens[first].start, tokens[last - 1].end
        ids = list(dict.fromkeys(i for _, _, i in indexed.within(s, e)))
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                counts[(ids[x], ids[y], _CO_OCCURS)] += 1
    return [
        Relation(source=a, target=b, kind=kind, weight=float(w))
        for (a, b, kind), w in sorted(counts.items())
        if a != b
    ]
