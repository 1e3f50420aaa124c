"""The timeline's chart: the frame (pure pandas) and the altair spec built from it.

Two views, one above the other:
- the overview (on top, so it is in sight however many lanes follow): every item on the
  whole span, where dragging chooses a date range (the brush `when`) that filters the
  claims and the network; in the story, what the brush leaves out fades, by the same rule
  (a day of the item in the range);
- the story: lanes (by actor or by article), a dot per item (hollow for a claim dated by its
  article's publication), a bar for an item known only to a range of days, a short label
  (from its bar's end, or up to its dot near the right edge), written only at the zooms
  where it covers no other label, dot or bar of its line; its time axis opens on the dense period (`analysis.timeline_items.dense_period`), is
  bound to zoom (wheel) and pan (drag), and clamps what lies outside to the edge, so an
  outlier is a dot at the border, not a squashed story.

The selection is highlighted through two chart parameters (`wb_actor`, `wb_claim`), set
from Python without sending the data again. altair is imported by the caller, on first show.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..analysis.timeline_items import (
    BY_ACTOR,
    LABEL_DX,
    LABEL_PIXELS,
    MIN_ROOM,
    NEVER,
    Placement,
    TimelineItem,
    label_anchor,
    label_scales,
    label_stops,
    label_width,
    lane_map,
    lanes,
    place_labels,
    shown_label,
)

if TYPE_CHECKING:
    import altair as alt

BRUSH = "when"
ZOOM = "zoom"
ACTOR_PARAM = "wb_actor"
CLAIM_PARAM = "wb_claim"
PERIOD_PARAM = "wb_period"  # the default view's days, [first ms, last ms]
DATASET = "wb_items"  # one fixed name: the page swaps new items into it (timeline_widget)
WIDTH = 760
ROW_HEIGHT = 15  # pixels of one line within a lane
DAY_MS = 86_400_000
TEXT_LIMIT = 160  # characters of an item's words in its tooltip: the data is sent whole
STATUS_WORDS = {
    "corroborated": "corroborated",
    "disputed": "disputed",
    "false": "false",
    "unverifiable": "unverifiable",
    "in_progress": "being checked",
    "unverified": "unverified",
    None: "no claim",
}
STATUS_COLOURS = {
    "corroborated": "#2b9d4a",
    "disputed": "#d9822b",
    "false": "#d92b2b",
    "unverifiable": "#777777",
    "being checked": "#2b6cd9",
    "unverified": "#9a9a9a",
    "no claim": "#b9a3e3",
}
COLUMNS = ["id", "start", "end", "start_ms", "end_ms", "lane", "lane_rank", "row",
           "shown_label", "label_at", "side", "label_ms", "label_px", "stop_ms", "stop_px", "text",
           "when", "days", "dated", "actors", "actor_ids", "claim_id", "status",
           "article"]  # fmt: skip
FAR_MS = 10**15  # a stop past any date: a label with nothing after it on its line

Frame = pd.DataFrame | list[dict[str, Any]]  # `timeline_frame` or `timeline_records`


def _ms(day: datetime.date) -> int:
    return (day - datetime.date(1970, 1, 1)).days * DAY_MS


def timeline_frame(
    items: Sequence[TimelineItem],
    *,
    by: str = BY_ACTOR,
    period: tuple[datetime.date, datetime.date] | None = None,
) -> pd.DataFrame:
    """One row per item: its lane, its line in the lane, and what its tooltip says."""
    return pd.DataFrame(timeline_records(items, by=by, period=period), columns=COLUMNS)


def timeline_records(
    items: Sequence[TimelineItem],
    *,
    by: str = BY_ACTOR,
    period: tuple[datetime.date, datetime.date] | None = None,
) -> list[dict[str, Any]]:
    """`timeline_frame`'s rows as the chart's data: what the panel sends (a frame of
    strings costs more to build and to turn back into JSON than the drawing itself)."""
    ordered = lanes(items, by=by)
    lane_of_item = lane_map(items, by=by, shown=ordered)
    rank = {lane: n for n, lane in enumerate(ordered)}
    written = {i.id: shown_label(i, by) for i in items}
    placed = place_labels(items, lane_of_item, period, labels=written)
    scales = label_scales(items, lane_of_item, placed, written)
    stops = label_stops(items, lane_of_item, placed, written)
    rows = []
    for i in items:
        where = placed.get(i.id, Placement(0, True))
        lane = lane_of_item[i.id]
        stop = stops.get(i.id)
        if stop is not None:  # a right label: written where it has room (`label_stops`)
            scales[i.id] = NEVER if stop.blocked else 0.0
        rows.append(
            {
                **_item_fields(i),
                "lane": lane,
                "lane_rank": rank.get(lane, len(rank)),
                "row": where.row,
                # written when the zoom reaches `label_at` pixels a day (`label_scales`)
                "shown_label": written[i.id],
                "label_at": round(min(scales.get(i.id, NEVER), NEVER), 4),
                "side": "left" if where.left else "right",
                # where its label is written from: its dot, or its bar's end (`label_anchor`)
                "label_ms": _ms(datetime.date.fromordinal(int(label_anchor(i, where.left)))),
                # its words' width (`label_width`, an overestimate) and where a right label
                # must end: `stop_px` pixels from the day `stop_ms` (`label_stops`)
                "label_px": round(label_width(written[i.id]), 1),
                "stop_ms": _stop_ms(stop.day) if stop is not None else FAR_MS,
                "stop_px": stop.pixels if stop is not None else 0.0,
            }
        )
    return rows


def _stop_ms(day: float) -> int:
    if day == float("inf"):
        return FAR_MS
    return _ms(datetime.date.fromordinal(int(day)))


@functools.lru_cache(maxsize=8192)
def _item_fields(i: TimelineItem) -> dict[str, Any]:
    """What an item's row says of the item alone (its neighbours decide the rest). Kept:
    a redraw after an edit sends mostly the items it sent before. Copied, never changed."""
    end = i.end + datetime.timedelta(days=1)  # a bar ends the day after its last day
    return {
        "id": i.id,
        "start": i.start.isoformat(),
        "end": end.isoformat(),
        "start_ms": _ms(i.start),
        "end_ms": _ms(end),
        "text": i.text if len(i.text) <= TEXT_LIMIT else i.text[: TEXT_LIMIT - 1] + "…",
        "when": i.date_text,
        "days": i.start.isoformat()
        if i.start == i.end
        else f"{i.start.isoformat()} to {i.end.isoformat()}",
        "dated": "dated by publication" if i.by_publication else "its own date",
        "actors": ", ".join(i.actor_names) or "-",
        "actor_ids": "|" + "|".join(i.actors) + "|",
        "claim_id": i.claim_id or "",
        "status": STATUS_WORDS.get(i.claim_status, i.claim_status or "no claim"),
        "article": i.article_title,
    }


def lane_order(items: Sequence[TimelineItem], *, by: str = BY_ACTOR) -> list[str]:
    return lanes(items, by=by)


# the brush keeps an item when one of its days is in the range: the rule of
# analysis.timeline_items.in_brush and of every date filter (days floored, as Python does)
IN_BRUSH = (
    f"!isValid({BRUSH}.start_ms) || "
    f"(datum.end_ms > floor(min({BRUSH}.start_ms[0], {BRUSH}.start_ms[1]) / {DAY_MS}) * {DAY_MS}"
    f" && datum.start_ms <= floor(max({BRUSH}.start_ms[0], {BRUSH}.start_ms[1]) / {DAY_MS})"
    f" * {DAY_MS})"
)
# the selected actor's items stand out, the others fade; a selected claim is ringed
# (below) without fading the rest: it is one item, the story around it still matters
HIGHLIGHTED = f"{ACTOR_PARAM} == '' || indexof(datum.actor_ids, '|' + {ACTOR_PARAM} + '|') >= 0"
# the days the story shows now: the zoom's (once a person zoomed or panned), else the default
_SHOWN = f"(isObject({ZOOM}) && isArray({ZOOM}.start_ms) ? {ZOOM}.start_ms : {PERIOD_PARAM})"
_LOW = f"min(toNumber({_SHOWN}[0]), toNumber({_SHOWN}[1]))"
_HIGH = f"max(toNumber({_SHOWN}[0]), toNumber({_SHOWN}[1]))"
_PX = f"({WIDTH} / ({_HIGH} - {_LOW}))"  # pixels a millisecond at the zoom shown
# the room a label has at the zoom shown, in pixels: a right one to its stop (the next dot
# of its line, or the next item's left label: `analysis.timeline_items.label_stops`) and
# to the chart's right edge; a left one to the chart's left edge
ROOM = {
    "right": f"min((datum.stop_ms - datum.label_ms) * {_PX} + datum.stop_px,"
    f" ({_HIGH} - datum.label_ms) * {_PX}) - {LABEL_DX + 2}",
    "left": f"(datum.label_ms - {_LOW}) * {_PX} - {LABEL_DX + 2}",
}
# a label is written when its item is in view (not clamped to the edge), the zoom lets it
# (`label_at` pixels a day: a left label clear of every dot, bar and left label,
# `label_scales`; a right one unless blocked) and its room holds its words or at least
# MIN_ROOM pixels of them: shortened to its room (the text mark's `limit`), with an ellipsis
WRITTEN = {
    side: f"datum.start_ms >= {_LOW} && datum.start_ms <= {_HIGH}"
    f" && datum.label_at * ({_HIGH} - {_LOW}) <= {WIDTH * DAY_MS}"
    f" && ({room}) >= min(datum.label_px, {MIN_ROOM})"
    for side, room in ROOM.items()
}


def period_ms(period: tuple[datetime.date, datetime.date] | None) -> list[int]:
    if period is None:
        return [0, DAY_MS]
    return [_ms(period[0]), _ms(period[1])]


def timeline_chart(
    frame: Frame,
    *,
    lane_names: Sequence[str] | None = None,
    period: tuple[datetime.date, datetime.date] | None,
    actor: str = "",
    claim: str = "",
) -> alt.VConcatChart:
    """The overview with the brush above, the story below (see the module's docstring).

    The lanes, their order (`lane_rank`) and every label's zoom come with the items, so a
    chart of other items is the same spec with other data (`with_data`): the page swaps
    them into the chart shown. `lane_names` is the frame's lanes in order (`lane_order`),
    accepted for callers that pass it; the frame's `lane_rank` orders them."""
    import altair as alt

    domain = [period[0].isoformat(), period[1].isoformat()] if period else alt.Undefined
    x_scale = alt.Scale(type="utc", domain=domain, clamp=True)
    zoom = alt.selection_interval(name=ZOOM, bind="scales", encodings=["x"])
    brush = alt.selection_interval(name=BRUSH, encodings=["x"])
    actor_param = alt.param(name=ACTOR_PARAM, value=actor)
    claim_param = alt.param(name=CLAIM_PARAM, value=claim)
    period_param = alt.param(name=PERIOD_PARAM, value=period_ms(period))
    status_scale = alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values()))
    colour = alt.Color(
        "status:N",
        title="claim status",
        scale=status_scale,
        legend=alt.Legend(orient="right"),
    )
    y = alt.Y(
        "lane:N",
        sort=alt.EncodingSortField("lane_rank", op="min", order="ascending"),
        title=None,
        scale=alt.Scale(paddingInner=0.15),
        axis=alt.Axis(labelLimit=180, grid=True, domain=False, ticks=False),
    )
    # the lines of a lane from the data too (0, 1, 2 as used): a new spec is never needed
    y_offset = alt.YOffset("row:O", scale=alt.Scale(paddingInner=0.1))
    opacity = alt.condition(f"({IN_BRUSH}) && ({HIGHLIGHTED})", alt.value(1.0), alt.value(0.3))
    tooltip = [
        alt.Tooltip("text:N", title="what"),
        alt.Tooltip("when:N", title="in the text"),
        alt.Tooltip("days:N", title="days"),
        alt.Tooltip("dated:N", title="placed by"),
        alt.Tooltip("actors:N", title="actors"),
        alt.Tooltip("status:N", title="claim"),
        alt.Tooltip("article:N", title="article"),
    ]
    items = alt.NamedData(name=DATASET)
    # the height follows the lanes in the data: a step for each line of a lane (`row`)
    base = alt.Chart(items, width=WIDTH, height=alt.Step(ROW_HEIGHT)).encode(
        y=y, yOffset=y_offset, tooltip=tooltip, opacity=opacity
    )
    # the days on top: with many lanes the bottom of the chart is below the fold
    x = alt.X(
        "start_ms:T",
        title=None,
        scale=x_scale,
        # zoomed in, the days crowd ("11 Oct 201612 Oct 2016"): vega drops every other
        # label until each stands apart from the next
        axis=alt.Axis(
            format="%e %b %Y",
            labelFlush=True,
            orient="top",
            labelOverlap="parity",
            labelSeparation=8,
        ),
    )
    # a bar for an item of several days only: a day-long bar under a dot says nothing
    bars = (
        base.transform_filter(f"datum.end_ms - datum.start_ms > {DAY_MS}")
        .mark_bar(height=5, cornerRadius=2)
        .encode(x=x, x2="end_ms:T", color=colour)
    )
    own = base.transform_filter("datum.dated == 'its own date'").mark_point(
        filled=True, size=70, shape="circle"
    )
    by_publication = base.transform_filter("datum.dated != 'its own date'").mark_point(
        filled=False, size=80, shape="diamond", strokeWidth=2
    )
    chosen = f"{CLAIM_PARAM} != '' && datum.claim_id == {CLAIM_PARAM}"
    dots = [
        own.encode(
            x=x,
            color=colour,
            stroke=alt.condition(chosen, alt.value("#000000"), alt.value(None)),
            strokeWidth=alt.condition(chosen, alt.value(3), alt.value(0)),
        ),
        by_publication.encode(
            x=x,
            color=colour,
            strokeWidth=alt.condition(chosen, alt.value(4), alt.value(2)),
        ),
    ]
    # a right label starts after its dot or its own bar's end, a left one before its dot
    # (`analysis.timeline_items.label_anchor`): none covers its own marks at any zoom
    labels = [
        base.transform_filter(f"datum.side == '{side}'")
        # shortened to its room with an ellipsis (vega measures the words in the page's
        # font); clipped as well, for the frame between a zoom and its redraw
        .mark_text(
            align=align,
            dx=dx,
            fontSize=11,
            limit=alt.ExprRef(f"max(1, min({LABEL_PIXELS}, {ROOM[side]}))"),
            clip=True,
        )
        .encode(
            x=alt.X("label_ms:T", scale=x_scale),
            text=alt.condition(WRITTEN[side], "shown_label:N", alt.value("")),
            color=alt.value("#222222"),
        )
        for side, align, dx in (("right", "left", LABEL_DX), ("left", "right", -LABEL_DX))
    ]
    story = alt.layer(bars, *dots, *labels).add_params(zoom, actor_param, claim_param, period_param)
    overview = (
        alt.Chart(items, width=WIDTH, height=46)
        .mark_tick(thickness=2, size=16)
        .encode(
            x=alt.X("start_ms:T", title="drag here to choose dates (filters claims and network)",
                    scale=alt.Scale(type="utc"), axis=alt.Axis(format="%e %b %Y", labelFlush=True)),
            color=colour,  # the same legend as the story's: vega draws it once
            opacity=alt.condition(IN_BRUSH, alt.value(1.0), alt.value(0.3)),
            tooltip=tooltip,
        )
        .add_params(brush)
    )  # fmt: skip
    # the strip first: above the fold however many lanes the story has
    return (
        alt.vconcat(overview, story, spacing=6)
        .configure_view(stroke="#dddddd")
        .properties(datasets={DATASET: frame_values(frame)})
    )


def frame_values(frame: Frame) -> list[dict[str, Any]]:
    """The items as the chart's data (plain JSON values)."""
    if isinstance(frame, pd.DataFrame):
        return frame.to_dict(orient="records")
    return frame


def with_data(
    spec: dict[str, Any],
    frame: Frame,
    *,
    period: tuple[datetime.date, datetime.date] | None,
    actor: str = "",
    claim: str = "",
) -> dict[str, Any]:
    """`spec` (a `timeline_chart(...).to_dict()`) with `frame`'s items as its data, the
    default view `period` and the selection's parameters: what `timeline_chart` gives for
    them, without building and validating the chart again (most of a redraw's time). With
    the same `period` it differs from `spec` by its data alone (lanes and lines come with
    the items), which the page swaps into the chart shown (zoom, pan and brush kept)."""
    values_of: dict[str, Any] = {
        ACTOR_PARAM: actor,
        CLAIM_PARAM: claim,
        PERIOD_PARAM: period_ms(period),
    }
    domain = [period[0].isoformat(), period[1].isoformat()] if period else None

    def renamed(part: Any) -> Any:
        if isinstance(part, dict):
            if part.get("name") in values_of and "value" in part:
                return {**part, "value": values_of[part["name"]]}
            new = {k: renamed(v) for k, v in part.items()}
            if new.get("type") == "utc" and new.get("clamp") is True:  # the story's days
                if domain is None:
                    new.pop("domain", None)
                else:
                    new["domain"] = domain
            return new
        if isinstance(part, list):
            return [renamed(v) for v in part]
        return part

    new = renamed({k: v for k, v in spec.items() if k != "datasets"})
    new["datasets"] = {DATASET: frame_values(frame)}
    return new


def chart_params(actor: str | None, claim: str | None) -> dict[str, Any]:
    return {ACTOR_PARAM: actor or "", CLAIM_PARAM: claim or ""}


def brushed_range(value: dict) -> tuple[str, str] | None:
    """The ISO date range from a vega interval selection's value, or None when cleared."""
    value = value or {}
    bounds = value.get("start_ms", value.get("start"))
    if not bounds or len(bounds) != 2:
        return None
    days = sorted(_day(b) for b in bounds)
    return days[0].isoformat(), days[1].isoformat()


def _day(bound) -> datetime.date:
    if isinstance(bound, (int, float)):  # vega sends epoch milliseconds for a temporal field
        return datetime.datetime.fromtimestamp(bound / 1000, tz=datetime.UTC).date()
    return datetime.date.fromisoformat(str(bound)[:10])
