"""Corroboration: which independent sources stand behind each claim. Pure functions over records.

A claim's sources are the outlets it came through (its channels), the outlet of the article
that carries it, and the sources a person linked (`reported_by`, `corroborates`). Two
sources are independent when they are different outlets and not both state-run media of
the same state (SANA and the Syrian Arab TV are one voice). The outlet gazetteer says
which outlets are state-run, and of which state; an outlet it does not list counts alone.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple
from urllib.parse import urlsplit

from ..case.records import CaseActor, CaseArticle, CaseClaim, SourceLink
from ..lexicon.gazetteer import media_info, name_key
from ..model import ActorType, Record, SourceRelation
from .web_sources import actor_of_url, outlet_of_url

__all__ = [
    "CONTRADICTED",
    "ArticleOutlet",
    "ClaimChannels",
    "NO_SOURCE",
    "SINGLE_SOURCE",
    "STATE_MEDIA_ONLY",
    "UNNAMED_SOURCE_ONLY",
    "ClaimSources",
    "Source",
    "claim_sources",
    "corroborate_claims",
    "updated_corroboration",
]

SINGLE_SOURCE = "single_source"
STATE_MEDIA_ONLY = "state_media_only"
UNNAMED_SOURCE_ONLY = "unnamed_source_only"
NO_SOURCE = "no_source"
CONTRADICTED = "contradicted"


class ClaimChannels(NamedTuple):
    """All corroboration reads of a claim (`Case.corroboration` reads no more of its row):
    a claim's verification status, review or note leaves its sources as they are."""

    id: str
    article_id: str
    channels: tuple[str, ...]
    speaker: str | None


class ArticleOutlet(NamedTuple):
    """All corroboration reads of an article: its id and outlet."""

    id: str
    outlet: str | None


@dataclass(frozen=True)
class Source(Record):
    key: str  # sources with the same key are one voice
    label: str
    via: str  # "channel", "outlet" (of the article), "link"
    actor_id: str | None = None
    url: str | None = None
    state_media: bool = False
    country: str | None = None


@dataclass(frozen=True)
class ClaimSources(Record):
    claim_id: str
    sources: tuple[Source, ...] = ()
    independent: tuple[str, ...] = ()  # one label per independent voice
    contradicting: tuple[Source, ...] = ()
    flags: tuple[str, ...] = ()

    @property
    def independent_count(self) -> int:
        return len(self.independent)


def _outlet_source(name: str, *, via: str, actor_id: str | None = None) -> Source:
    info = media_info(name)
    label = info.name if info else name
    country = (info.country or None) if info else None
    state = bool(info and info.state_run)
    key = f"state:{name_key(country)}" if state and country else f"outlet:{name_key(label)}"
    return Source(
        key=key, label=label, via=via, actor_id=actor_id, state_media=state, country=country
    )


def _url_source(url: str) -> Source:
    host = (urlsplit(url).hostname or url).lower().removeprefix("www.")
    return Source(key=f"site:{host}", label=host, via="link", url=url)


# (outlet name, via, actor id) -> its Source
_OutletSource = Callable[[str, str, str | None], Source]


def _outlet_sources() -> _OutletSource:
    """`_outlet_source`, each (outlet, step, actor) looked up in the gazetteer once: a case
    names the same few outlets in tens of thousands of claims. Sources are frozen, so one
    may be shared; the memo lives as long as one call (a test may swap the gazetteer)."""
    found: dict[tuple[str, str, str | None], Source] = {}

    def outlet(name: str, via: str, actor_id: str | None = None) -> Source:
        key = (name, via, actor_id)
        source = found.get(key)
        if source is None:
            source = found[key] = _outlet_source(name, via=via, actor_id=actor_id)
        return source

    return outlet


def _link_source(
    link: SourceLink, actors: dict[str, CaseActor], outlet_source: _OutletSource
) -> Source:
    if link.actor_id:
        actor = actors.get(link.actor_id)
        name = actor.name if actor else link.actor_id
        if actor is not None and actor.type is ActorType.MEDIA:
            return outlet_source(name, "link", link.actor_id)
        return Source(key=f"actor:{link.actor_id}", label=name, via="link", actor_id=link.actor_id)
    url = link.url or ""
    # a page on an outlet's site is that outlet: one voice with it, not a second one
    site = actor_of_url(url, actors.values())
    if site is not None:
        return replace(outlet_source(site.name, "link", site.id), url=url)
    outlet = outlet_of_url(url)
    if outlet is not None:
        return replace(outlet_source(outlet.name, "link", None), url=url)
    return _url_source(url)


def claim_sources(
    claim: CaseClaim,
    *,
    links: Iterable[SourceLink] = (),
    actors: dict[str, CaseActor] | Iterable[CaseActor] = (),
    article: CaseArticle | None = None,
) -> ClaimSources:
    """The sources behind one claim, the independent voices among them, and warning flags."""
    by_id = actors if isinstance(actors, dict) else {a.id: a for a in actors}
    outlet = article.outlet if article is not None else None
    return _claim_sources(claim, links, by_id, outlet, _outlet_sources())


def _claim_sources(
    claim: CaseClaim | ClaimChannels,
    links: Iterable[SourceLink],
    by_id: dict[str, CaseActor],
    outlet: str | None,  # of the claim's article
    outlet_source: _OutletSource,
) -> ClaimSources:
    sources: list[Source] = []
    for channel in claim.channels:
        actor = by_id.get(channel)
        sources.append(outlet_source(actor.name if actor else channel, "channel", channel))
    if outlet:
        sources.append(outlet_source(outlet, "outlet", None))
    contradicting: list[Source] = []
    corroborating_links = 0
    for link in links:
        if link.claim_id != claim.id:
            continue
        source = _link_source(link, by_id, outlet_source)
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
    claims: Iterable[CaseClaim | ClaimChannels],
    *,
    links: Iterable[SourceLink] = (),
    actors: Iterable[CaseActor] = (),
    articles: Iterable[CaseArticle | ArticleOutlet] = (),
) -> list[ClaimSources]:
    """`claim_sources` for every claim, in the claims' order (whole records, or only what
    is read of them: `ClaimChannels`, `ArticleOutlet`)."""
    by_claim: dict[str, list[SourceLink]] = defaultdict(list)
    for link in links:
        by_claim[link.claim_id].append(link)
    actor_map = {a.id: a for a in actors}
    outlets = {a.id: a.outlet for a in articles}
    outlet_source = _outlet_sources()  # shared by every claim of this call
    # A claim no person linked a source to has the sources its channels, its article's
    # outlet and whether its speaker is named give: the many claims alike (every claim of
    # one outlet's articles relayed through AFP) are worked out once, then copied
    alike: dict[tuple[tuple[str, ...], str | None, bool], ClaimSources] = {}
    found = []
    for claim in claims:
        outlet = outlets.get(claim.article_id)
        linked = by_claim.get(claim.id, ())
        if linked:
            found.append(_claim_sources(claim, linked, actor_map, outlet, outlet_source))
            continue
        key = (claim.channels, outlet, claim.speaker is None)
        model = alike.get(key)
        if model is None:
            model = alike[key] = _claim_sources(claim, (), actor_map, outlet, outlet_source)
        found.append(model if model.claim_id == claim.id else _for_claim(model, claim.id))
    return found


def _for_claim(model: ClaimSources, claim_id: str) -> ClaimSources:
    """`model`'s sources and flags for another claim: the record copied, its fields already
    clean (`replace` would clean every source again)."""
    copied = copy.copy(model)
    object.__setattr__(copied, "claim_id", claim_id)
    return copied


def updated_corroboration(
    previous: Iterable[ClaimSources],
    claims: Iterable[CaseClaim | ClaimChannels],
    *,
    changed_claims: set[str],
    changed_actors: set[str],
    changed_articles: set[str],
    links: Iterable[SourceLink] = (),
    actors: Iterable[CaseActor] = (),
    articles: Iterable[CaseArticle | ArticleOutlet] = (),
) -> list[ClaimSources]:
    """`corroborate_claims` of the case now, from `previous` (the result before a change)
    and what the change wrote: a claim's sources depend only on its row, its article's
    outlet, its links and the actors its channels and links name, so only the claims a
    change reaches are worked out again: those written or linked anew (`changed_claims`),
    those of an article written, those whose channels or links name an actor written, and,
    when any actor was, every claim with a link to a web address (a page's site is matched
    against every actor's names). The others keep their previous sources."""
    listed = list(claims)
    by_claim: dict[str, list[SourceLink]] = defaultdict(list)
    for link in links:
        by_claim[link.claim_id].append(link)
    reached = set(changed_claims)
    for claim in listed:
        if claim.article_id in changed_articles or not changed_actors.isdisjoint(claim.channels):
            reached.add(claim.id)
    if changed_actors:
        for claim_id, linked in by_claim.items():
            if any(link.actor_id is None or link.actor_id in changed_actors for link in linked):
                reached.add(claim_id)
    kept = {c.claim_id: c for c in previous}
    again = corroborate_claims(
        [c for c in listed if c.id in reached or c.id not in kept],
        links=[link for claim_id in reached for link in by_claim.get(claim_id, ())],
        actors=actors,
        articles=articles,
    )
    fresh = {c.claim_id: c for c in again}
    return [fresh.get(c.id) or kept[c.id] for c in listed]
