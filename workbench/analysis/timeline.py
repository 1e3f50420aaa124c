"""Dated events as timeline rows: the range of days each may have happened on."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass

from ..case.records import CaseClaim, CaseEvent
from ..model import ClaimStatus
from .claims import StatusFilter, same_records, status_set
from .periods import DateRange, range_bounds
from .reader import CaseReader, CaseView
from .timeline_dates import event_days


@dataclass(frozen=True)
class TimelineRow:
    event_id: str
    start: datetime.date  # the first day the event may have happened on
    end: datetime.date  # the last: equal to start for a known day
    precision: str
    date_text: str  # the article's words: "early this month"
    label: str
    actors: tuple[str, ...]
    actor_names: tuple[str, ...]
    claim_id: str | None
    claim_status: str | None
    article_id: str
    article_title: str


def timeline_rows(
    case: CaseReader,
    *,
    actor_ids: Collection[str] | None = None,
    date_range: DateRange | None = None,
    status: StatusFilter = None,
    kept: dict[str, KeptEventRow] | None = None,
) -> list[TimelineRow]:
    """Dated events, earliest first, each as the range of days it may have happened on.

    `date_range` keeps events whose range overlaps it; `actor_ids` those involving one of
    these actors; `status` those reported by a claim with that verification status.
    An event whose stored date is not a date is left out, with a logged warning.
    `kept`: each event's days and row by what they were made from (`dated_rows`).
    """
    view = CaseView.of(case)
    bounds = range_bounds(date_range)
    focus = set(actor_ids) if actor_ids is not None else None
    wanted: frozenset[ClaimStatus] | None = status_set(status)
    claims = {c.id: c for c in view.claims}
    rows = []
    for row in dated_rows(view.events, view, claims, kept):
        if bounds is not None and (row.end < bounds[0] or row.start > bounds[1]):
            continue
        if focus is not None and focus.isdisjoint(row.actors):
            continue
        if wanted is not None and (
            row.claim_id is None or claims[row.claim_id].status not in wanted
        ):
            continue
        rows.append(row)
    return sorted(rows, key=lambda r: (r.start, r.end, r.event_id))


# what an event's row was made from (`dated_rows`' `kept`): the event, its article, the
# claim it reports and its actors (the very records); its days, and the row
KeptEventRow = tuple[
    tuple[object, ...], tuple[datetime.date, datetime.date] | None, "TimelineRow | None"
]


def dated_rows(
    events: Iterable[CaseEvent],
    view: CaseView,
    claims: Mapping[str, CaseClaim],
    kept: dict[str, KeptEventRow] | None = None,
) -> Iterator[TimelineRow]:
    """The rows of `events` (not rejected, in the case's order) that have a date; `claims`:
    the claims not rejected, by id. One sentence naming the same date twice ("In August
    2015 he ... in August 2015") is one event on a timeline: the first is kept. The rule
    looks within an article only, so an article's events give the same rows alone.

    `kept`: each event's days and row by what they were made from, reused when it is all
    the very same records (a snapshot carried across an edit holds them so), and left
    holding this pass's events only: the memo after an edit parses no date again."""
    seen: set[tuple[str, str, datetime.date, datetime.date]] = set()
    before = dict(kept) if kept is not None else {}
    if kept is not None:
        kept.clear()
    for event in events:
        claim = claims.get(event.claim or "")
        made_of: tuple[object, ...] = ()
        held = before.get(event.id)
        if kept is not None:
            made_of = (
                event,
                view.articles.get(event.article_id),
                claim,
                *(view.actors.get(a) for a in event.actors),
            )
        if held is None or held[0][0] is not event:
            held = None
            days = event_days(event)
        else:
            days = held[1]  # the same event: its dates as parsed before
        row = None
        if days is not None:
            start, end = days
            key = (event.article_id, event.summary or event.id, start, end)
            if key not in seen:
                seen.add(key)
                if held is not None and held[2] is not None and same_records(held[0], made_of):
                    row = held[2]
                else:
                    row = _row(event, start, end, claim, view)
        if kept is not None:
            kept[event.id] = (made_of, days, row)
        if row is not None:
            yield row


def _row(
    event: CaseEvent,
    start: datetime.date,
    end: datetime.date,
    claim: CaseClaim | None,
    view: CaseView,
) -> TimelineRow:
    actors = tuple(a for a in event.actors if a in view.actors)
    return TimelineRow(
        event_id=event.id,
        start=start,
        end=end,
        precision=event.precision.value,
        date_text=event.date_text,
        label=event.summary or event.date_text,
        actors=actors,
        actor_names=tuple(view.actor_name(a) for a in actors),
        claim_id=claim.id if claim is not None else None,
        claim_status=claim.status.value if claim is not None else None,
        article_id=event.article_id,
        article_title=view.article_title(event.article_id),
    )


__all__ = ["TimelineRow", "dated_rows", "timeline_rows"]
