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

import bisect
import datetime
import functools
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
    items: Sequence[TimelineItem],
    *,
    by: str = BY_ACTOR,
    limit: int = MAX_LANES,
    shown: Sequence[str] | None = None,
) -> dict[str, str]:
    """Each item's lane (its id to the lane's name), with the overflow in `OTHER_LANE`;
    `shown`: `lanes(items, by=by, limit=limit)` if the caller has it."""
    drawn = set(shown if shown is not None else lanes(items, by=by, limit=limit))
    return {i.id: lane if (lane := lane_of(i, by)) in drawn else OTHER_LANE for i in items}


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


# pixels a character takes at the chart's 11 px sans-serif (DejaVu Sans, wider than most):
# generous, so that two labels measured apart are apart on screen
NARROW = frozenset(" .,:;'|!ilIjtf()[]-")
WIDE = frozenset("mwMW@%")
LABEL_PIXELS = 300.0  # the chart's text mark cuts a label longer than this (`limit`)


def _char_width(ch: str) -> float:
    if ch in NARROW:
        return 4.0
    if ch in WIDE:
        return 11.0
    return 8.2 if ch.isupper() or ch.isdigit() else 7.0


_WIDTHS = {chr(c): _char_width(chr(c)) for c in range(32, 127)}


@functools.lru_cache(maxsize=4096)
def label_width(text: str) -> float:
    """The pixels `text` takes as a label, at most `LABEL_PIXELS` (an overestimate).
    Cached: a redraw measures the same few hundred labels again."""
    widths = _WIDTHS
    return min(sum(widths.get(ch) or _char_width(ch) for ch in text), LABEL_PIXELS)


def label_reach(text: str, left: bool) -> tuple[float, float]:
    """Where a label written beside its anchor runs, in pixels from it: (from, to). A left
    label ends `LABEL_DX` before its dot; a right one starts `LABEL_DX` after its dot, or
    after its bar's end (`label_anchor`), so it never covers its own marks."""
    width = label_width(text)
    return (-LABEL_DX - width - 2, -LABEL_DX) if left else (LABEL_DX, LABEL_DX + width + 2)


LABEL_DX = 8.0  # pixels between a label and its anchor: the chart's text marks' dx
MARK_RADIUS = 6.0  # pixels either side of a dot's centre (70-80 px² point marks, a margin)


def label_anchor(item: TimelineItem, left: bool) -> float:
    """The day (an ordinal) a label is written from: a left label from its dot, a right one
    from its dot too, or from its bar's end for an item of several days (the day after its
    last day, where the chart's bar ends): a label from the dot would cover the bar."""
    if left or item.start == item.end:
        return float(item.start.toordinal())
    return float(item.end.toordinal() + 1)


Extent = tuple[float, float, float, float]  # (day, pixels, day, pixels): see `clear_from`


def mark_extents(item: TimelineItem) -> tuple[Extent, ...]:
    """What an item's marks cover: its dot and, for an item of several days, its bar, each
    from `day * s + pixels` to `day * s + pixels` at `s` pixels a day."""
    first = float(item.start.toordinal())
    dot = (first, -MARK_RADIUS, first, MARK_RADIUS)
    if item.start == item.end:
        return (dot,)
    return dot, (first, 0.0, float(item.end.toordinal() + 1), 0.0)


def clear_from(a: Extent, b: Extent) -> float:
    """The least zoom (pixels a day) from which extents `a` and `b` are apart at every
    greater zoom: one ends before the other starts. `NEVER` if they meet however far in."""
    best = NEVER
    for first, then in ((a, b), (b, a)):
        gap, room = then[0] - first[2], first[3] - then[1]  # days between, pixels wanted
        if gap > 0:
            best = min(best, max(0.0, room / gap))
        elif gap == 0 and room <= 0:
            return 0.0
    return best


def place_labels(
    items: Sequence[TimelineItem],
    lane_of_item: dict[str, str],
    period: tuple[datetime.date, datetime.date] | None,
    *,
    labels: dict[str, str] | None = None,
    width: float = 760.0,
    max_rows: int = 3,
) -> dict[str, Placement]:
    """Lines within each lane so that written labels do not run into each other.

    At the default view (`period` across `width` pixels) an item's label (`labels`, else
    its own) runs rightwards from its bar's end, `label_width` pixels, or leftwards from
    its dot when it would pass the right edge. Each item takes the first line of its lane
    free from its dot to its label's end there; when none of `max_rows` is, it goes on the
    line free soonest, its label left to its tooltip. Items outside `period` (drawn at the
    edge) go on line 0, unlabelled.
    """
    placed: dict[str, Placement] = {}
    if period is None:
        return placed
    low, high = period
    days = max(1, (high - low).days)
    scale = width / days
    origin = float(low.toordinal())
    free: dict[str, list[float]] = {}
    for item in sorted(items, key=lambda i: (i.start, i.id)):
        lane = lane_of_item.get(item.id, OTHER_LANE)
        if item.start < low or item.start > high:
            placed[item.id] = Placement(0, False)
            continue
        x = (item.start.toordinal() - origin) * scale
        text = (labels or {}).get(item.id, item.label)
        right = (label_anchor(item, False) - origin) * scale + label_reach(text, False)[1]
        # leftwards when it passes the right edge and fits on the left, or fits on neither
        # side but has more room on the left (it is shortened to its room: `label_stops`)
        left = right > width and (x + label_reach(text, True)[0] >= 0 or x > width - x)
        anchor = (label_anchor(item, left) - origin) * scale
        low_px, high_px = (anchor + d for d in label_reach(text, left))
        begin = min(low_px, x - MARK_RADIUS)
        ends = max(high_px, (label_anchor(item, False) - origin) * scale)  # its bar's end
        rows = free.setdefault(lane, [])
        for row, taken in enumerate(rows):
            if taken <= begin:
                rows[row] = ends
                placed[item.id] = Placement(row, True, left)
                break
        else:
            if len(rows) < max_rows:
                rows.append(ends)
                placed[item.id] = Placement(len(rows) - 1, True, left)
            else:
                row = min(range(len(rows)), key=rows.__getitem__)
                # the dot and bar themselves still take room
                rows[row] = max(
                    rows[row], x + MARK_RADIUS, (label_anchor(item, False) - origin) * scale
                )
                placed[item.id] = Placement(row, False)
    return placed


NEVER = 1e9  # a label's scale when it can never be written (it meets another's mark)


def label_scales(
    items: Sequence[TimelineItem],
    lane_of_item: dict[str, str],
    placed: dict[str, Placement],
    labels: dict[str, str],
) -> dict[str, float]:
    """The zoom each left label may be written at, in pixels a day: at `s` pixels a day
    the chart writes the left labels whose scale is at most `s`, and none of them overlaps
    another written left label or any item's dot or bar on its line. (A right label is
    written whenever it has room, shortened to the room before the next thing on its line:
    `label_stops`.)

    Labels of one line of a lane are taken in order of importance (those written at the
    default view first, then `shown_first`); each gets the least scale from which it is
    clear of every label before it and of every other item's marks (`clear_from`), which
    are drawn whether their labels are or not. Two written labels are then always clear of
    each other, whatever the zoom: the less important one's scale is at least the scale
    their pair needs. Zooming in writes more, zooming out fewer, never one over another or
    over a dot.
    """
    from .timeline_tally import shown_first  # the ranking of a crowded timeline

    groups: dict[tuple[str, int], list[TimelineItem]] = {}
    for item in items:
        where = placed.get(item.id, Placement(0, False))
        groups.setdefault((lane_of_item.get(item.id, OTHER_LANE), where.row), []).append(item)
    scales: dict[str, float] = {}
    for group in groups.values():
        marks = _Marks(group)
        group.sort(key=lambda i: (not placed.get(i.id, Placement(0, False)).labelled,
                                  shown_first(i)))  # fmt: skip
        xs: list[float] = []  # anchors of the labels taken so far, sorted, with their reach
        reach: list[tuple[float, float]] = []
        widest = 0.0
        for item in group:
            left = placed.get(item.id, Placement(0, False)).left
            if not left:
                continue  # see `label_stops`
            x = label_anchor(item, left)
            here = label_reach(labels.get(item.id, item.label), left)
            own = (x, here[0], x, here[1])  # this label's extent
            need = marks.clear_from(item.id, own)
            at = bisect.bisect_left(xs, x)
            # earlier anchors: this label must start after theirs end; beyond `widest / dx`
            # pixels a day no label that far away can reach it
            k = at - 1
            while need < NEVER and k >= 0 and (widest - here[0]) > need * (x - xs[k]):
                need = max(need, clear_from((xs[k], reach[k][0], xs[k], reach[k][1]), own))
                k -= 1
            k = at
            while need < NEVER and k < len(xs) and (here[1] + widest) > need * (xs[k] - x):
                need = max(need, clear_from((xs[k], reach[k][0], xs[k], reach[k][1]), own))
                k += 1
            scales[item.id] = need
            if need >= NEVER:
                continue  # never written: it stands in no other label's way
            xs.insert(at, x)
            reach.insert(at, here)
            widest = max(widest, here[1], -here[0])
    return scales


MIN_ROOM = 40.0  # pixels: a label shortened to less than this ("Sa…") says nothing


@dataclass(frozen=True)
class Stop:
    """Where a right label must end on its line: `pixels` from day `day` (an ordinal; at
    `s` pixels a day, `day * s + pixels`), the start of the next thing drawn after it (a
    dot, or a left label running back from its dot); `blocked`: never written (another
    item's bar runs under its start, or another right label starts at the same place)."""

    day: float
    pixels: float
    blocked: bool = False


NO_STOP = Stop(math.inf, 0.0)


def label_stops(
    items: Sequence[TimelineItem],
    lane_of_item: dict[str, str],
    placed: dict[str, Placement],
    labels: dict[str, str],
) -> dict[str, Stop]:
    """Each right label's stop (`Stop`): the chart writes a right label at any zoom where
    its room, from its anchor to its stop (and to the chart's edge), holds its words or at
    least `MIN_ROOM` pixels, shortened with an ellipsis to that room. It then ends before
    the next dot of its line, or before the next item's left label, and the next right
    label starts after that dot: no label covers another or any item's dot or bar, and a
    crowded line still writes the start of each label at middle zooms."""
    from .timeline_tally import shown_first  # the ranking of a crowded timeline

    groups: dict[tuple[str, int], list[TimelineItem]] = {}
    for item in items:
        where = placed.get(item.id, Placement(0, False))
        groups.setdefault((lane_of_item.get(item.id, OTHER_LANE), where.row), []).append(item)
    stops: dict[str, Stop] = {}
    for group in groups.values():
        group.sort(key=lambda i: i.start)
        starts = [float(i.start.toordinal()) for i in group]
        bars = [(i.id, starts[k], float(i.end.toordinal() + 1))
                for k, i in enumerate(group) if i.end > i.start]  # fmt: skip
        taken: set[float] = set()  # anchors of the right labels written from there
        ranked = sorted(group, key=lambda i: (not placed.get(i.id, Placement(0, False)).labelled,
                                              shown_first(i)))  # fmt: skip
        for item in ranked:
            where = placed.get(item.id, Placement(0, False))
            if where.left:
                continue
            x = label_anchor(item, False)
            if x in taken or any(o != item.id and low <= x < high for o, low, high in bars):
                stops[item.id] = Stop(x, 0.0, blocked=True)
                continue
            taken.add(x)
            k = bisect.bisect_right(starts, x)
            if k == len(group):
                stops[item.id] = NO_STOP
                continue
            following = group[k]
            if placed.get(following.id, Placement(0, False)).left:
                low = label_reach(labels.get(following.id, following.label), True)[0]
                stops[item.id] = Stop(starts[k], min(low, -MARK_RADIUS))
            else:
                stops[item.id] = Stop(starts[k], -MARK_RADIUS)
    return stops


def right_room(item: TimelineItem, stop: Stop, scale: float) -> float:
    """The pixels a right label has before its stop at `scale` pixels a day (what the
    chart's text mark is limited to, but for the chart's edge)."""
    return (stop.day - label_anchor(item, False)) * scale + stop.pixels - LABEL_DX - 2


class _Marks:
    """The dots and bars of one line of a lane, for `label_scales`: which zoom a label
    needs to clear them all, looking only at the marks near enough to matter."""

    def __init__(self, group: Sequence[TimelineItem]) -> None:
        extents = [(item.id, e) for item in group for e in mark_extents(item)]
        self.by_start = sorted(extents, key=lambda m: m[1][0])
        self.starts = [m[1][0] for m in self.by_start]
        self.by_end = sorted(extents, key=lambda m: m[1][2])
        self.ends = [m[1][2] for m in self.by_end]
        self.long = [m for m in extents if m[1][2] - m[1][0] > 1]  # bars over several days

    def clear_from(self, own: str, label: Extent) -> float:
        need = 0.0
        x, low, high = label[0], label[1], label[3]
        # marks starting on or after the anchor, nearest first: past `(high + R) / days`
        # pixels a day none further can reach the label
        for k in range(bisect.bisect_left(self.starts, x), len(self.starts)):
            item_id, mark = self.by_start[k]
            if mark[0] > x and (high + MARK_RADIUS) <= need * (mark[0] - x):
                break
            if item_id != own:
                need = max(need, clear_from(mark, label))
                if need >= NEVER:
                    return NEVER
        # marks ending on or before it, nearest first
        for k in range(bisect.bisect_right(self.ends, x) - 1, -1, -1):
            item_id, mark = self.by_end[k]
            if mark[2] < x and (MARK_RADIUS - low) <= need * (x - mark[2]):
                break
            if item_id != own:
                need = max(need, clear_from(mark, label))
                if need >= NEVER:
                    return NEVER
        for item_id, mark in self.long:  # a bar over the anchor: neither before nor after
            if item_id != own and mark[0] < x < mark[2]:
                return NEVER
        return need


__all__ = [
    "BY_ACTOR",
    "BY_ARTICLE",
    "clear_from",
    "claim_item",
    "event_item",
    "OTHER_LANE",
    "Placement",
    "TimelineItem",
    "dense_period",
    "in_brush",
    "label_anchor",
    "label_reach",
    "label_scales",
    "label_stops",
    "MIN_ROOM",
    "right_room",
    "Stop",
    "label_width",
    "lane_map",
    "lane_of",
    "mark_extents",
    "lanes",
    "outside",
    "place_labels",
    "shown_label",
    "timeline_items",
]
