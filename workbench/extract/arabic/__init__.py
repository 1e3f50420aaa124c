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

import bisect
import math
from itertools import accumulate
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
    """The sentence (of `bounds`, sorted) holding character `start`, else an empty one."""
    n = bisect.bisect_right(bounds, (start, math.inf)) - 1
    if n >= 0 and bounds[n][0] <= start < bounds[n][1]:
        return bounds[n]
    return (start, start)


def _events(
    text: str,
    dates: list[FoundDate],
    bounds: list[tuple[int, int]],
    spans: list[tuple[int, int, str]],
    claims: list[Claim],
) -> list[Event]:
    # looked up by bisection and once per sentence: a text of thousands of dates, mentions
    # and claims in one sentence stays linear
    bounds = sorted(bounds)
    spans = sorted(spans)
    span_starts = [a for a, _, _ in spans]
    by_start = sorted(claims, key=lambda c: c.start)
    claim_starts = [c.start for c in by_start]
    # the furthest end of the claims up to each one: the first claim (by start) holding a
    # date is the first whose running end passes it
    reach = list(accumulate((c.end for c in by_start), max))
    in_sentence: dict[tuple[int, int], tuple[str, ...]] = {}
    summaries: dict[tuple[int, int], str] = {}  # one string per sentence, not one per date
    events = []
    for n, found in enumerate(dates, start=1):
        s, e = _sentence_of(bounds, found.start)
        if (s, e) not in in_sentence:
            ids = []
            for a, b, i in spans[bisect.bisect_left(span_starts, s) :]:
                if a >= e:
                    break
                if b <= e:
                    ids.append(i)
            in_sentence[(s, e)] = tuple(dict.fromkeys(ids))
            summaries[(s, e)] = text[s:e].strip()
        last = bisect.bisect_right(claim_starts, found.start) - 1
        first = bisect.bisect_right(reach, found.start)
        claim = by_start[first].id if first <= last else None
        events.append(
            Event(
                id=f"e{n}",
                date=found.value.date,
                precision=found.value.precision,
                date_end=found.value.date_end,
                date_text=text[found.start : found.end],
                start=found.start,
                end=found.end,
                summary=summaries[(s, e)],
                actors=in_sentence[(s, e)],
                claim=claim,
            )
        )
    return events


__all__ = ["extract_arabic"]
