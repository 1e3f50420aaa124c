"""The media outlets of a case: what the gazetteer knows of them, and the claims they carry."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..case.records import CaseActor, CaseClaim, SourceLink
from ..lexicon.gazetteer import media_info
from ..model import ActorType, SourceRelation
from .reader import CaseReader, CaseView
from .web_sources import actor_of_url


@dataclass(frozen=True)
class SourceRow:
    actor_id: str
    name: str
    country: str | None  # from the outlet gazetteer; None when the outlet is not listed
    kind: str | None  # agency, newspaper, broadcaster, online
    state_run: bool | None
    claims: tuple[str, ...]  # claim ids the outlet carries (as a channel or "reported_by")
    corroborates: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()
    articles: tuple[str, ...] = field(default=())  # articles that mention the outlet


def source_rows(case: CaseReader) -> list[SourceRow]:
    """The media outlets in the case, what the gazetteer knows of them, and their claims."""
    view = CaseView.of(case)
    media = [a for a in view.actors.values() if a.type is ActorType.MEDIA]
    # claim ids per outlet as insertion-ordered dicts: a membership test on a list made
    # this quadratic (an agency carries thousands of claims at 5,000 articles)
    carried: dict[str, dict[str, None]] = defaultdict(dict)
    linked: dict[tuple[str, SourceRelation], dict[str, None]] = defaultdict(dict)
    for claim in view.claims:
        for actor_id, relation in _outlets_of(claim, view.links.get(claim.id, ()), media):
            if relation is SourceRelation.REPORTED_BY:
                carried[actor_id][claim.id] = None
            else:
                linked[(actor_id, relation)][claim.id] = None
    rows = []
    for actor in view.actors.values():
        if actor.type is not ActorType.MEDIA:
            continue
        info = next(filter(None, (media_info(n) for n in (actor.name, *actor.aliases))), None)
        rows.append(
            SourceRow(
                actor_id=actor.id,
                name=actor.name,
                country=info.country if info else None,
                kind=info.kind if info else None,
                state_run=info.state_run if info else None,
                claims=tuple(carried.get(actor.id, ())),
                corroborates=tuple(linked.get((actor.id, SourceRelation.CORROBORATES), ())),
                contradicts=tuple(linked.get((actor.id, SourceRelation.CONTRADICTS), ())),
                articles=tuple(actor.articles),
            )
        )
    return rows


def _outlets_of(
    claim: CaseClaim, links: Iterable[SourceLink], media: list[CaseActor]
) -> list[tuple[str, SourceRelation]]:
    """The outlets a claim counts for, and how: its channels carry it (as "reported_by"),
    and each link to an actor or to a page of an outlet's site, as its relation."""
    found = [(channel, SourceRelation.REPORTED_BY) for channel in claim.channels]
    for link in links:
        # a link to a page on an outlet's site (sana.sy) counts for that outlet (SANA)
        site = None if link.actor_id or not link.url else actor_of_url(link.url, media)
        actor_id = link.actor_id or (site.id if site else None)
        if actor_id:
            found.append((actor_id, link.relation))
    return found


def claim_outlets(case: CaseReader, claim_ids: Iterable[str]) -> dict[str, frozenset]:
    """For each of `claim_ids`, what it gives `source_rows`: the (outlet, relation) pairs
    it counts for, empty for a rejected or unknown claim. Equal before and after an edit:
    the edit changed no outlet's row (a redraw need not count them again)."""
    view = CaseView.of(case)
    wanted = set(claim_ids)
    media = [a for a in view.actors.values() if a.type is ActorType.MEDIA]
    found: dict[str, frozenset] = {i: frozenset() for i in wanted}
    for claim in view.claims:
        if claim.id in wanted:
            found[claim.id] = frozenset(_outlets_of(claim, view.links.get(claim.id, ()), media))
    return found


__all__ = ["SourceRow", "claim_outlets", "source_rows"]
