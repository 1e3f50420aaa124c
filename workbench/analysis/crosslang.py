"""Claims matched across languages: where an outlet's own article carries a claim.

"Lebanese Daily Al-Akhbar reported that Abdel Fattah el-Sisi received the Syrian
official" names an outlet. If the case holds Al-Akhbar's own article (in Arabic or any
language), `propose_sources` points at its passages that may carry the claim, best
first, for a person to accept as a source link (reported by / corroborates /
contradicts) with the case's `link_source`.

Words cannot be compared across languages, so a passage is ranked by what the case has
already put in one alphabet: actors (resolved across scripts to the same case actor),
numbers (Arabic-Indic digits read as 0-9), dates (the events' calendar values) and places.
A pure function over the case's records (`CaseReader`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..case.records import CaseActor, CaseArticle, CaseClaim
from ..errors import NotFoundError
from ..lexicon.gazetteer import media_info, name_key
from ..model import ActorType, Record
from .reader import CaseReader

# what one shared item adds to a passage's score: a shared person or organisation says
# most (the claim is about them), a place or a date less (a story's articles share them)
WEIGHTS = {"actor": 3.0, "place": 1.0, "number": 2.0, "date": 2.0}
_PLACES = (ActorType.PLACE, ActorType.COUNTRY)
_NUMBER = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,][0-9\u0660-\u0669\u06f0-\u06f9]+)?")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# a sentence ends at . ! ? ؟ (a closing quotation mark may follow) and a space, or at a
# line break
_SENTENCE_END = re.compile(r"(?:(?<=[.!?؟])|(?<=[.!?؟][»”\"]))\s+|\n+")


@dataclass(frozen=True)
class SourceProposal(Record):
    """A passage of an outlet's article that may carry a claim, with why it was proposed."""

    claim_id: str  # the claim it may support, change or contradict
    article_id: str  # the outlet's article
    outlet_id: str  # the outlet's case actor
    start: int  # the passage: offsets into the article's text
    end: int
    text: str
    score: float
    language: str | None = None
    shared_actors: tuple[str, ...] = ()  # case actor ids
    shared_places: tuple[str, ...] = ()
    shared_numbers: tuple[str, ...] = ()
    shared_dates: tuple[str, ...] = ()  # ISO dates
    claims: tuple[str, ...] = ()  # the article's claims in the passage
    url: str | None = None

    @property
    def source(self) -> str:
        """What `link_source` takes: the article's URL when it has one, else the outlet."""
        return self.url or self.outlet_id

    def note(self) -> str:
        """A note for the link that says which passage backs it."""
        return f"{self.article_id} [{self.start}:{self.end}]: {self.text}"


def _outlets_of(claim: CaseClaim, actors: dict[str, CaseActor]) -> list[CaseActor]:
    ids = [*claim.channels, *([claim.speaker] if claim.speaker else [])]
    return [
        actors[i] for i in dict.fromkeys(ids) if i in actors and actors[i].type is ActorType.MEDIA
    ]


def _names_outlet(article: CaseArticle, outlet: CaseActor) -> bool:
    if not article.outlet:
        return False
    known = media_info(article.outlet)
    names = {name_key(n) for n in (outlet.name, *outlet.aliases)}
    if known is not None:
        mine = media_info(outlet.name)
        return mine is not None and mine.name == known.name
    return name_key(article.outlet) in names


def passages(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text, in either script (offsets into it, stripped)."""
    found, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        found.append((start, m.start()))
        start = m.end()
    found.append((start, len(text)))
    return [(s, e) for s, e in found if text[s:e].strip()]


def _numbers(text: str) -> set[str]:
    return {m.group().translate(_DIGITS) for m in _NUMBER.finditer(text)}


def _inside(start: int, end: int, s: int, e: int) -> bool:
    return s <= start and end <= e


def propose_sources(case: CaseReader, claim_id: str, *, limit: int = 5) -> list[SourceProposal]:
    """The passages of the claim's outlets' own articles that may carry it, best first.

    An outlet is a channel or the speaker of the claim; its articles are those whose
    `outlet` is that outlet. Passages sharing nothing with the claim are left out.
    Raises NotFoundError for a claim id the case does not hold (or a rejected claim).
    """
    claims = {c.id: c for c in case.claims()}
    claim = claims.get(claim_id)
    if claim is None:
        raise NotFoundError(f"no claim {claim_id!r} in this case")
    actors = {a.id: a for a in case.actors()}
    outlets = _outlets_of(claim, actors)
    if not outlets:
        return []
    articles = {a.id: a for a in case.articles()}
    source = articles[claim.article_id]

    mentions = case.mentions(article_id=claim.article_id)
    claim_actors = {m.actor_id for m in mentions if _inside(m.start, m.end, claim.start, claim.end)}
    if claim.speaker and claim.speaker in actors:
        claim_actors.add(claim.speaker)
    claim_actors -= {o.id for o in outlets}
    claim_dates = {
        e.date.isoformat()
        for e in case.events(article_id=claim.article_id)
        if _inside(e.start, e.end, claim.start, claim.end) or e.claim == claim.id
    }
    claim_numbers = _numbers(claim.text) - {d[:4] for d in claim_dates}

    found: list[SourceProposal] = []
    for outlet in outlets:
        for article in articles.values():
            if article.id == source.id or not _names_outlet(article, outlet):
                continue
            found.extend(
                _score_article(
                    case, article, outlet, claim, claim_actors, claim_numbers, claim_dates, actors
                )
            )
    found.sort(key=lambda p: (-p.score, p.article_id, p.start))
    return found[:limit]


def _score_article(
    case: CaseReader,
    article: CaseArticle,
    outlet: CaseActor,
    claim: CaseClaim,
    claim_actors: set[str],
    claim_numbers: set[str],
    claim_dates: set[str],
    actors: dict[str, CaseActor],
) -> list[SourceProposal]:
    mentions = case.mentions(article_id=article.id)
    events = case.events(article_id=article.id)
    its_claims: Sequence[CaseClaim] = case.claims(article_id=article.id)
    proposals = []
    for s, e in passages(article.text):
        here = {m.actor_id for m in mentions if _inside(m.start, m.end, s, e)}
        shared = sorted(here & claim_actors)
        places = [i for i in shared if i in actors and actors[i].type in _PLACES]
        people = [i for i in shared if i not in places]
        dates = sorted(
            {ev.date.isoformat() for ev in events if _inside(ev.start, ev.end, s, e)} & claim_dates
        )
        numbers = sorted((_numbers(article.text[s:e]) & claim_numbers) - {d[:4] for d in dates})
        score = (
            WEIGHTS["actor"] * len(people)
            + WEIGHTS["place"] * len(places)
            + WEIGHTS["number"] * len(numbers)
            + WEIGHTS["date"] * len(dates)
        )
        if not people and not numbers and not dates:
            continue  # a place alone is every sentence of a story
        proposals.append(
            SourceProposal(
                claim_id=claim.id,
                article_id=article.id,
                outlet_id=outlet.id,
                start=s,
                end=e,
                text=article.text[s:e],
                score=score,
                language=article.language,
                shared_actors=tuple(people),
                shared_places=tuple(places),
                shared_numbers=tuple(numbers),
                shared_dates=tuple(dates),
                claims=tuple(c.id for c in its_claims if c.start < e and s < c.end),
                url=article.url,
            )
        )
    return proposals


__all__ = ["SourceProposal", "passages", "propose_sources", "WEIGHTS"]
