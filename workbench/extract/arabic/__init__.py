"""Arabic extraction: spaCy's Arabic tokenizer and our own rules (no Arabic NER model is
on PyPI), in the same extraction format as English: offsets into the original text.

    >>> extraction = extract_arabic(article)   # article.language == "ar"

- actors: the Arabic gazetteer (`ar_actors.csv`, with each name's Latin form), names a
  title introduces, later mentions by surname;
- claims: speech verbs and phrases of attribution, quotations «» and "", unnamed sources,
  outlets as channels ("نقلت صحيفة الأخبار عن مصدر ...");
- events: Gregorian, Levantine and Hijri dates, Arabic-Indic digits, relative expressions;
- relations: an action verb's subject and object (استقبل، التقى، اتهم ...), and actors named in
  one sentence (co-occurs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...errors import InputError
from ...model import Article, Claim, Event, Extraction
from .actors import extract_actors
from .claims import extract_claims
from .dates import FoundDate, find_dates
from .relations import extract_relations
from .tokens import arabic_nlp, sentences, tokenize

if TYPE_CHECKING:
    from ..known_actors import ActorKnowledge


def extract_arabic(article: Article, *, known: ActorKnowledge | None = None) -> Extraction:
    """The extraction of an Arabic article; `known`: the case's knowledge of actors."""
    nlp = arabic_nlp()
    if len(article.text) > nlp.max_length:
        raise InputError(
            f"{article.path or article.url or article.id}: too long for one article "
            f"({len(article.text):,} characters; the limit is {nlp.max_length:,}); "
            "split it into parts"
        )
    text = article.text
    tokens = tokenize(text)
    ranges = sentences(tokens, text)
    actors, spans = extract_actors(tokens, text, known=known)
    dates = find_dates(text, article.published)
    claims = extract_claims(tokens, ranges, text, actors, spans, tuple(d.start for d in dates))
    bounds = [(tokens[a].start, tokens[b - 1].end) for a, b in ranges]
    events = _events(text, dates, bounds, spans, claims)
    relations = extract_relations(tokens, ranges, spans, {a.id: a.type for a in actors})
    return Extraction(
        article=article,
        actors=tuple(actors),
        claims=tuple(claims),
        events=tuple(events),
        relations=tuple(relations),
    )


def _sentence_of(bounds: list[tuple[int, int]], start: int) -> tuple[int, int]:
    return next(((s, e) for s, e in bounds if s <= start < e), (start, start))


def _events(
    text: str,
    dates: list[FoundDate],
    bounds: list[tuple[int, int]],
    spans: list[tuple[int, int, str]],
    claims: list[Claim],
) -> list[Event]:
    events = []
    for n, found in enumerate(dates, start=1):
        s, e = _sentence_of(bounds, found.start)
        claim = next((c.id for c in claims if c.start <= found.start < c.end), None)
        events.append(
            Event(
                id=f"e{n}",
                date=found.value.date,
                precision=found.value.precision,
                date_end=found.value.date_end,
                date_text=text[found.start : found.end],
                start=found.start,
                end=found.end,
                summary=text[s:e].strip(),
                actors=tuple(dict.fromkeys(i for a, b, i in spans if s <= a and b <= e)),
                claim=claim,
            )
        )
    return events


__all__ = ["extract_arabic"]
