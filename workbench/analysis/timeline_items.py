"""The timeline a person reads: every dated event and every claim, each in a lane.

- Every claim is placed: on its own date (a dated event reports it), else on its article's
  publication day, marked `by_publication` (`timeline_dates`). Events that report a claim
  are drawn once, as the event with the claim's status.
- Lanes: by actor (the event's first actor, the claim's speaker) or by article; the lanes
  with most items first, the rest in one "other" lane, so a large case stays a few lanes.
- Labels are short: the event's summary or the claim's words, cut at a word.
- `dense_period`: the days most items fall in, for the default view, so that one event
  years away does not squash the story into a sliver; `outside` lists what it leaves out.
- `in_brush`: the one rule a brushed range applies (overlap with the item's days), the
  same as the claims list and the network apply to claims.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..case.records import CaseClaim
from .network_readable import short_label
from .periods import Bounds
from .reader import CaseReader, CaseView
from .timeline import TimelineRow
from .timeline_dates import ClaimDate, overlaps

BY_ACTOR = "actor"
BY_ARTICLE = "article"
NO_ACTOR = "(no actor named)"
OTHER_LANE = "other"
MAX_LANES = 14  # a lane is a row on screen: more than this and names get too small to read
LABEL_LIMIT = 44
DENSE_SHARE = 0.8  # the default view holds at least this share of the items


@dataclass(frozen=True)
class TimelineItem:
    id: str  # the event's id, or the claim's for a claim with no dated event
    kind: str  # "event" or "claim"
    start: datetime.date
    end: datetime.date
    by_publication: bool  # a claim placed on its article's publication day
    label: str  # short: the summary or the claim's words, cut at a word (no speaker)
    text: str  # the whole of it, for a tooltip
    date_text: str  # the article's words ("early this month"), or "published ..."
    precision: str
    actors: tuple[str, ...]  # actor ids, the lane's actor first
    actor_names: tuple[str, ...]
    claim_id: str | None
    claim_status: str | None
    article_id: str
    article_title: str


def timeline_items(
    case: CaseReader,
    *,
    actor_ids: Collection[str] | None = None,
    article_id: str | None = None,
) -> list[TimelineItem]:
    """Dated events and every claim without one, earliest first (see the module's doc)."""
    # the tally's code is the one code path: a panel keeps a tally and carries it over edits
    from .timeline_tally import TimelineTally

    return TimelineTally(case).items(actor_ids=actor_ids, article_id=article_id)


def event_item(row: TimelineRow, claim: CaseClaim | None, view: CaseView) -> TimelineItem:
    """A dated event (`row`) as an item; `claim`: the claim it reports, if not rejected."""
    actors = row.actors
    names = row.actor_names
    # the event's own actors first (its lane): the speaker who reported it comes after
    if claim is not None and claim.speaker in view.actors and claim.speaker not in actors:
        actors, names = (*actors, claim.speaker), (*names, view.actor_name(claim.speaker))
    text = row.label if row.label != row.date_text else f"{row.date_text}"
    return TimelineItem(
        id=row.event_id,
        kind="event",
        start=row.start,
        end=row.end,
        by_publication=False,
        label=short_label(text, LABEL_LIMIT),
        text=text,
        date_text=row.date_text,
        precision=row.precision,
        actors=actors,
        actor_names=names,
        claim_id=row.claim_id,
        claim_status=row.claim_status,
        article_id=row.article_id,
        article_title=row.article_title,
    )


def claim_item(claim: CaseClaim, when: ClaimDate, view: CaseView) -> TimelineItem:
    """A claim no dated event reports, placed `when` (its own date or its article's)."""
    speaker = claim.speaker if claim.speaker in view.actors else None
    actors = tuple(dict.fromkeys(a for a in (speaker, *claim.channels) if a in view.actors))
    who = view.speaker_label(claim)
    return TimelineItem(
        id=claim.id,
        kind="claim",
        start=when.start,
        end=when.end,
        by_publication=when.by_publication,
        label=short_label(claim.text, LABEL_LIMIT),
        text=f"{who}: {claim.text}",
        date_text=f"published {when.start.isoformat()}" if when.by_publication else claim.id,
        precision="day",
        actors=actors,
        actor_names=tuple(view.actor_name(a) for a in actors),
        claim_id=claim.id,
        claim_status=claim.status.value,
        article_id=claim.article_id,
        article_title=view.article_title(claim.article_id),
    )


def lane_of(item: TimelineItem, by: str) -> str:
    if by == BY_ARTICLE:
        return item.article_title or item.article_id
    return item.actor_names[0] if item.actor_names else NO_ACTOR


def lanes(
    items: Sequence[TimelineItem], *, by: str = BY_ACTOR, limit: int = MAX_LANES
) -> list[str]:
    """The lanes to draw, most items first; beyond `limit`, the rest share `OTHER_LANE`."""
    counts = Counter(lane_of(i, by) for i in items)
    ordered = sorted(counts, key=lambda lane: (-counts[lane], lane.casefold()))
    if len(ordered) <= limit:
        return ordered
    return [*ordered[: limit - 1], OTHER_LANE]


def lane_map(
    items: Sequence[TimelineItem], *, by: str = BY_ACTOR, limit: int = MAX_LANES
) -> dict[str, str]:
    """Each item's lane (its id to the lane's name), with the overflow in `OTHER_LANE`."""
    shown = set(lanes(items, by=by, limit=limit))
    return {i.id: lane if (lane := lane_of(i, by)) in shown else OTHER_LANE for i in items}


def dense_period(
    items: Sequence[TimelineItem], *, share: float = DENSE_SHARE
) -> tuple[datetime.date, datetime.date] | None:
    """The shortest span of days holding `share` of the items' first days, padded a little.

    None for no items. Outliers (a 2012 event in a 2016 story) fall outside it; the chart
    opens on this span, and the rest is a zoom or a pan away.
    """
    if not items:
        return None
    days = sorted(i.start for i in items)
    need = max(1, math.ceil(share * len(days)))
    best = min(range(len(days) - need + 1), key=lambda k: (days[k + need - 1] - days[k], k))
    low, high = (
        days[best],
        max(i.end for i in items if days[best] <= i.start <= days[best + need - 1]),
    )
    pad = max(datetime.timedelta(days=2), (high - low) * 0.06)
    return low - pad, high + pad + datetime.timedelta(days=1)


def outside(
    items: Sequence[TimelineItem], period: tuple[datetime.date, datetime.date] | None
) -> list[TimelineItem]:
    """The items the default view does not show (none of their days in `period`)."""
    if period is None:
        return []
    return [i for i in items if not overlaps(i.start, i.end, (period[0], period[1]))]


def in_brush(item: TimelineItem, bounds: Bounds | None) -> bool:
    """Whether a brushed range keeps the item: one of its days is in it."""
    return overlaps(item.start, item.end, bounds)


@dataclass(frozen=True)
class Placement:
    row: int  # the line within its lane, from 0
    labelled: bool  # whether its label is written (else it shows on hover)
    left: bool = False  # written to the left of its dot (near the right edge)


def shown_label(item: TimelineItem, by: str) -> str:
    """The words written beside an item: in a lane by actor the lane names the actor; in a
    lane by article, the actor comes first."""
    if by == BY_ARTICLE and item.actor_names:
        return short_label(f"{item.actor_names[0]}: {item.label}", LABEL_LIMIT)
    return item.label


def place_labels(
    items: Sequence[TimelineItem],
    lane_of_item: dict[str, str],
    period: tuple[datetime.date, datetime.date] | None,
    *,
    labels: dict[str, str] | None = None,
    width: float = 760.0,
    char_width: float = 6.2,
    max_rows: int = 3,
) -> dict[str, Placement]:
    """Lines within each lane so that written labels do not run into each other.

    At the default view (`period` across `width` pixels) an item's label (`labels`, else
    its own) runs from its dot rightwards, `char_width` pixels a character, or leftwards
    when it would pass the right edge. Each item takes the first line of its lane free
    there; when none of `max_rows` is, it goes on the line free soonest, its label left
    to its tooltip. Items outside `period` (drawn at the edge) go on line 0, unlabelled.
    """
    placed: dict[str, Placement] = {}
    if period is None:
        return placed
    low, high = period
    days = max(1, (high - low).days)
    free: dict[str, list[float]] = {}
    for item in sorted(items, key=lambda i: (i.start, i.id)):
        lane = lane_of_item.get(item.id, OTHER_LANE)
        if item.start < low or item.start > high:
            placed[item.id] = Placement(0, False)
            continue
        x = (item.start - low).days / days * width
        text = (labels or {}).get(item.id, item.label)
        span = 10 + len(text) * char_width
        left = x + span > width and x - span >= 0
        begin, reach = (x - span, x + 8) if left else (x - 8, x + span)
        rows = free.setdefault(lane, [])
        for row, taken in enumerate(rows):
            if taken <= begin:
                rows[row] = reach
                placed[item.id] = Placement(row, True, left)
                break
        else:
            if len(rows) < max_rows:
                rows.append(reach)
                placed[item.id] = Placement(len(rows) - 1, True, left)
            else:
                row = min(range(len(rows)), key=rows.__getitem__)
                rows[row] = max(rows[row], x + 8)  # the dot itself still takes room
                placed[item.id] = Placement(row, False)
    return placed


__all__ = [
    "BY_ACTOR",
    "BY_ARTICLE",
    "claim_item",
    "event_item",
    "OTHER_LANE",
    "Placement",
    "TimelineItem",
    "dense_period",
    "in_brush",
    "lane_map",
    "lane_of",
    "lanes",
    "outside",
    "place_labels",
    "shown_label",
    "timeline_items",
]
