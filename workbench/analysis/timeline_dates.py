"""When each claim is placed in time: its own date, else its article's publication day.

A claim has a date of its own when a dated event reports it ("Mamlouk met Fawzy on 16
October"); most claims have none ("a source told AFP that ..."), and the only day they can
be put on is the day their article was published. The timeline draws both, marking the
second kind "dated by publication", and every date filter (the timeline's brush, the
claims list, the network) reads the same placement, so a brush excludes exactly the
claims it is drawn to exclude. A claim whose article has no date either is not placed:
it is in no date range.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..case.records import CaseArticle, CaseClaim, CaseEvent
from .periods import Bounds, event_span, stored_date
from .reader import CaseReader, CaseView


@dataclass(frozen=True)
class ClaimDate:
    claim_id: str
    start: datetime.date  # the first day the claim's matter may have happened on
    end: datetime.date  # the last: equal to start for a known day
    by_publication: bool  # no date of its own: placed on its article's publication day
    event_id: str | None = None  # the dated event that gives its own date


def claim_dates(case: CaseReader) -> dict[str, ClaimDate]:
    """Every claim that can be placed, by id: its earliest reporting event, else its
    article's publication day. Rejected claims and events are left out (`CaseView`)."""
    view = CaseView.of(case)
    reporting = reporting_events(view)
    placed = {}
    for claim in view.claims:
        when = place_claim(claim, reporting.get(claim.id, ()), view.articles)
        if when is not None:
            placed[claim.id] = when
    return placed


def reporting_events(view: CaseView) -> dict[str, list[CaseEvent]]:
    """The events (not rejected) that report each claim, by the claim's id."""
    found: dict[str, list[CaseEvent]] = defaultdict(list)
    for event in view.events:
        if event.claim:
            found[event.claim].append(event)
    return found


def event_days(event: CaseEvent) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day `event` may have happened on; None when its stored date is
    not a date (a logged warning)."""
    record = f"event {event.id}"
    first = stored_date(event.date, record=record)
    last = stored_date(event.date_end, record=record) if event.date_end else first
    if first is None or last is None:
        return None
    return event_span(first, event.precision, last if event.date_end else None)


def place_claim(
    claim: CaseClaim, events: Iterable[CaseEvent], articles: Mapping[str, CaseArticle]
) -> ClaimDate | None:
    """Where `claim` goes: the earliest of the dated `events` reporting it, else its
    article's publication day; None when neither has a date. One claim at a time, so that
    an edit places again only the claims it changed."""
    own: ClaimDate | None = None
    for event in events:
        days = event_days(event)
        if days is None:
            continue
        start, end = days
        if own is None or (start, event.id) < (own.start, own.event_id or ""):
            own = ClaimDate(claim.id, start, end, False, event.id)
    if own is not None:
        return own
    article = articles.get(claim.article_id)
    day = stored_date(
        article.published if article is not None else None,
        record=f"article {claim.article_id}",
    )
    return ClaimDate(claim.id, day.first, day.first, True) if day is not None else None


def overlaps(start: datetime.date, end: datetime.date, bounds: Bounds | None) -> bool:
    """The days start..end share at least one day with `bounds` (None: no range, True)."""
    return bounds is None or (end >= bounds[0] and start <= bounds[1])


def claim_in_range(placed: ClaimDate | None, bounds: Bounds | None) -> bool:
    """The rule every date filter applies to a claim: an unplaced claim is in no range."""
    if bounds is None:
        return True
    return placed is not None and overlaps(placed.start, placed.end, bounds)


__all__ = [
    "ClaimDate",
    "claim_dates",
    "claim_in_range",
    "event_days",
    "overlaps",
    "place_claim",
    "reporting_events",
]
