"""Corroboration: which independent sources stand behind each claim. Pure functions over records.

A claim's sources are the outlets it came through (its channels), the outlet of the article
that carries it, and the sources a person linked (`reported_by`, `corroborates`). Two
sources are independent when they are different outlets and not both state-run media of
the same state (SANA and the Syrian Arab TV are one voice). The media gazetteer of the
extraction layer says which outlets are state-run; without it, every outlet counts alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..model import ActorType, SourceRelation
from .records import CaseActor, CaseArticle, CaseClaim, SourceLink, _Record
from .resolve import media_info, normalise_name

SINGLE_SOURCE = "single_source"
STATE_MEDIA_ONLY = "state_media_only"
UNNAMED_SOURCE_ONLY = "unnamed_source_only"
NO_SOURCE = "no_source"
CONTRADICTED = "contradicted"


@dataclass(frozen=True)
class Source(_Record):
    key: str  # sources with the same key are one voice
    label: str
    via: str  # "channel", "outlet" (of the article), "link"
    actor_id: str | None = None
    url: str | None = None
    state_media: bool = False
    country: str | None = None


@dataclass(frozen=True)
class ClaimSources(_Record):
    claim_id: str
    sources: tuple[Source, ...] = ()
    independent: tuple[str, ...] = ()  # one label per independent voice
    contradicting: tuple[Source, ...] = ()
    flags: tuple[str, ...] = ()

    @property
    def independent_count(self) -> int:
        return len(self.independent)


@dataclass(frozen=True)
class SimilarClaims(_Record):
    claim_id: str
    other_id: str
    article_id: str
    other_article_id: str
    score: float


def _is_state_media(info: dict[str, Any] | None) -> bool:
    if not info:
        return False
    for key in ("state_run", "state_media", "state", "state_owned"):
        if key in info:
            return bool(info[key])
    return str(info.get("ownership", "")).lower() in ("state", "state-run", "government")


def _outlet_source(name: str, *, via: str, actor_id: str | None = None) -> Source:
    info = media_info(name)
    label = str(info.get("name") or name) if info else name
    country = str(info["country"]) if info and info.get("country") else None
    state = _is_state_media(info)
    key = (
        f"state:{normalise_name(country)}"
        if state and country
        else f"outlet:{normalise_name(label)}"
    )
    return Source(
        key=key, label=label, via=via, actor_id=actor_id, state_media=state, country=country
    )


def _url_source(url: str) -> Source:
    host = (urlsplit(url).hostname or url).lower().removeprefix("www.")
    return Source(key=f"site:{host}", label=host, via="link", url=url)


def _link_source(link: SourceLink, actors: dict[str, CaseActor]) -> Source:
    if link.actor_id:
        actor = actors.get(link.actor_id)
        name = actor.name if actor else link.actor_id
        if actor is not None and actor.type is ActorType.MEDIA:
            return _outlet_source(name, via="link", actor_id=link.actor_id)
        return Source(key=f"actor:{link.actor_id}", label=name, via="link", actor_id=link.actor_id)
    return _url_source(link.url or "")


def claim_sources(
    claim: CaseClaim,
    *,
    links: Iterable[SourceLink] = (),
    actors: dict[str, CaseActor] | Iterable[CaseActor] = (),
    article: CaseArticle | None = None,
) -> ClaimSources:
    """The sources behind one claim, the independent voices among them, and warning flags."""
    by_id = actors if isinstance(actors, dict) else {a.id: a for a in actors}
    sources: list[Source] = []
    for channel in claim.channels:
        actor = by_id.get(channel)
        sources.append(
            _outlet_source(actor.name if actor else channel, via="channel", actor_id=channel)
        )
    if article is not None and article.outlet:
        sources.append(_outlet_source(article.outlet, via="outlet"))
    contradicting: list[Source] = []
    corroborating_links = 0
    for link in links:
        if link.claim_id != claim.id:
            continue
        source = _link_source(link, by_id)
        if link.relation is SourceRelation.CONTRADICTS:
            contradicting.append(source)
            continue
        if link.relation is SourceRelation.CORROBORATES:
            corroborating_links += 1
        sources.append(source)
    voices: dict[str, str] = {}
    for source in sources:
        voices.setdefault(source.key, source.label)
    flags = []
    if not sources:
        flags.append(NO_SOURCE)
    if len(voices) == 1:
        flags.append(SINGLE_SOURCE)
    if sources and all(s.state_media for s in sources):
        flags.append(STATE_MEDIA_ONLY)
    if claim.speaker is None and corroborating_links == 0:
        flags.append(UNNAMED_SOURCE_ONLY)
    if contradicting:
        flags.append(CONTRADICTED)
    return ClaimSources(
        claim_id=claim.id,
        sources=tuple(sources),
        independent=tuple(voices.values()),
        contradicting=tuple(contradicting),
        flags=tuple(flags),
    )


def corroborate_claims(
    claims: Iterable[CaseClaim],
    *,
    links: Iterable[SourceLink] = (),
    actors: Iterable[CaseActor] = (),
    articles: Iterable[CaseArticle] = (),
) -> list[ClaimSources]:
    """`claim_sources` for every claim, in the claims' order."""
    by_claim: dict[str, list[SourceLink]] = defaultdict(list)
    for link in links:
        by_claim[link.claim_id].append(link)
    actor_map = {a.id: a for a in actors}
    article_map = {a.id: a for a in articles}
    return [
        claim_sources(
            claim,
            links=by_claim.get(claim.id, ()),
            actors=actor_map,
            article=article_map.get(claim.article_id),
        )
        for claim in claims
    ]


# --- the same claim in other articles ------------------------------------------------------------

_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "that",
        "this",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "as",
        "not",
        "but",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "him",
        "them",
        "said",
        "says",
        "will",
        "would",
        "could",
        "should",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "than",
        "then",
        "there",
        "also",
        "after",
        "before",
        "over",
        "into",
        "about",
    ]
)


def claim_tokens(text: str) -> frozenset[str]:
    return frozenset(
        w
        for w in (m.group().casefold() for m in _WORD.finditer(text))
        if len(w) > 2 and w not in _STOPWORDS
    )


def token_set_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two token sets: 1.0 same words, 0.0 none shared."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def similar_claims(
    claims: Sequence[CaseClaim],
    *,
    threshold: float = 0.6,
    min_shared: int = 2,
    per_claim: int | None = 5,
) -> list[SimilarClaims]:
    """Pairs of claims from different articles whose words mostly agree, best first.

    Candidates come from an inverted index of words, so a large case is not compared
    pair by pair. `per_claim` keeps each claim's best few candidates: a wire story copied
    by fifty outlets should offer a person a handful of links, not a thousand.
    """
    tokens = [claim_tokens(c.text) for c in claims]
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(tokens):
        for word in words:
            index[word].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for postings in index.values():
        if len(postings) > 200:  # a word in that many claims tells nothing
            continue
        for x, i in enumerate(postings):
            for j in postings[x + 1 :]:
                if claims[i].article_id != claims[j].article_id:
                    shared[(i, j)] += 1
    pairs = []
    for (i, j), count in shared.items():
        if count < min_shared:
            continue
        score = token_set_similarity(tokens[i], tokens[j])
        if score >= threshold:
            a, b = claims[i], claims[j]
            pairs.append(SimilarClaims(a.id, b.id, a.article_id, b.article_id, round(score, 3)))
    pairs.sort(key=lambda p: (-p.score, p.claim_id, p.other_id))
    if per_claim is None:
        return pairs
    taken: dict[str, int] = defaultdict(int)
    kept = []
    for pair in pairs:
        if taken[pair.claim_id] < per_claim or taken[pair.other_id] < per_claim:
            kept.append(pair)
            taken[pair.claim_id] += 1
            taken[pair.other_id] += 1
    return kept
