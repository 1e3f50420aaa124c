"""The timeline's chart: the frame (pure pandas) and the altair spec built from it.

Two views, one above the other:
- the overview (on top, so it is in sight however many lanes follow): every item on the
  whole span, where dragging chooses a date range (the brush `when`) that filters the
  claims and the network; in the story, what the brush leaves out fades, by the same rule
  (a day of the item in the range);
- the story: lanes (by actor or by article), a dot per item (hollow for a claim dated by its
  article's publication), a bar for an item known only to a range of days, a short label;
  its time axis opens on the dense period (`analysis.timeline_items.dense_period`), is
  bound to zoom (wheel) and pan (drag), and clamps what lies outside to the edge, so an
  outlier is a dot at the border, not a squashed story.

The selection is highlighted through two chart parameters (`wb_actor`, `wb_claim`), set
from Python without sending the data again. altair is imported by the caller, on first show.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..analysis.timeline_items import (
    BY_ACTOR,
    Placement,
    TimelineItem,
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
COLUMNS = ["id", "start", "end", "start_ms", "end_ms", "lane", "row", "shown_label", "side",
           "text", "when", "days", "dated", "actors", "actor_ids", "claim_id", "status",
           "article"]  # fmt: skip


def _ms(day: datetime.date) -> int:
    return (day - datetime.date(1970, 1, 1)).days * DAY_MS


def timeline_frame(
    items: Sequence[TimelineItem],
    *,
    by: str = BY_ACTOR,
    period: tuple[datetime.date, datetime.date] | None = None,
) -> pd.DataFrame:
    """One row per item: its lane, its line in the lane, and what its tooltip says."""
    lane_of_item = lane_map(items, by=by)
    written = {i.id: shown_label(i, by) for i in items}
    placed = place_labels(items, lane_of_item, period, labels=written)
    rows = []
    for i in items:
        where = placed.get(i.id, Placement(0, True))
        end = i.end + datetime.timedelta(days=1)  # a bar ends the day after its last day
        rows.append(
            {
                "id": i.id,
                "start": i.start.isoformat(),
                "end": end.isoformat(),
                "start_ms": _ms(i.start),
                "end_ms": _ms(end),
                "lane": lane_of_item[i.id],
                "row": where.row,
                "shown_label": written[i.id] if where.labelled else "",
                "side": "left" if where.left else "right",
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
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def lane_order(items: Sequence[TimelineItem], *, by: str = BY_ACTOR) -> list[str]:
    return lanes(items, by=by)


# the brush keeps an item when one of its days is in the range: the rule of
# analysis.timeline_items.in_brush and of every date filter (days floored, as Python does)
IN_BRUSH = (
    f"!isValid({BRUSH}.start) || "
    f"(datum.end_ms > floor(min({BRUSH}.start[0], {BRUSH}.start[1]) / {DAY_MS}) * {DAY_MS}"
    f" && datum.start_ms <= floor(max({BRUSH}.start[0], {BRUSH}.start[1]) / {DAY_MS}) * {DAY_MS})"
)
# the selected actor's items stand out, the others fade; a selected claim is ringed
# (below) without fading the rest: it is one item, the story around it still matters
HIGHLIGHTED = f"{ACTOR_PARAM} == '' || indexof(datum.actor_ids, '|' + {ACTOR_PARAM} + '|') >= 0"


def timeline_chart(
    frame: pd.DataFrame,
    *,
    lane_names: Sequence[str],
    period: tuple[datetime.date, datetime.date] | None,
    actor: str = "",
    claim: str = "",
) -> alt.VConcatChart:
    """The overview with the brush above, the story below (see the module's docstring)."""
    import altair as alt

    rows = int(frame["row"].max()) + 1 if len(frame) else 1
    lane_height = ROW_HEIGHT * rows + 6
    height = max(120, lane_height * max(1, len(lane_names)))
    domain = [period[0].isoformat(), period[1].isoformat()] if period else alt.Undefined
    x_scale = alt.Scale(type="utc", domain=domain, clamp=True)
    zoom = alt.selection_interval(name=ZOOM, bind="scales", encodings=["x"])
    brush = alt.selection_interval(name=BRUSH, encodings=["x"])
    actor_param = alt.param(name=ACTOR_PARAM, value=actor)
    claim_param = alt.param(name=CLAIM_PARAM, value=claim)
    status_scale = alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values()))
    colour = alt.Color(
        "status:N",
        title="claim status",
        scale=status_scale,
        legend=alt.Legend(orient="right"),
    )
    y = alt.Y(
        "lane:N",
        sort=list(lane_names),
        title=None,
        scale=alt.Scale(paddingInner=0.15),
        axis=alt.Axis(labelLimit=180, grid=True, domain=False, ticks=False),
    )
    y_offset = alt.YOffset("row:O", scale=alt.Scale(domain=list(range(rows)), paddingInner=0.1))
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
    base = alt.Chart(frame, width=WIDTH, height=height).encode(
        y=y, yOffset=y_offset, tooltip=tooltip, opacity=opacity
    )
    # the days on top: with many lanes the bottom of the chart is below the fold
    x = alt.X(
        "start:T",
        title=None,
        scale=x_scale,
        axis=alt.Axis(format="%e %b %Y", labelFlush=True, orient="top"),
    )
    bars = base.mark_bar(height=5, cornerRadius=2).encode(x=x, x2="end:T", color=colour)
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
    labels = [
        base.transform_filter(f"datum.side == '{side}'")
        .mark_text(align=align, dx=dx, fontSize=11, limit=300)
        .encode(x=x, text="shown_label:N", color=alt.value("#222222"))
        for side, align, dx in (("right", "left", 8), ("left", "right", -8))
    ]
    story = alt.layer(bars, *dots, *labels).add_params(zoom, actor_param, claim_param)
    overview = (
        alt.Chart(frame, width=WIDTH, height=46)
        .mark_tick(thickness=2, size=16)
        .encode(
            x=alt.X("start:T", title="drag here to choose dates (filters claims and network)",
                    scale=alt.Scale(type="utc"), axis=alt.Axis(format="%b %Y")),
            color=colour,  # the same legend as the story's: vega draws it once
            opacity=alt.condition(IN_BRUSH, alt.value(1.0), alt.value(0.3)),
            tooltip=tooltip,
        )
        .add_params(brush)
    )  # fmt: skip
    # the strip first: above the fold however many lanes the story has
    return alt.vconcat(overview, story, spacing=6).configure_view(stroke="#dddddd")


def with_data(
    spec: dict[str, Any], frame: pd.DataFrame, *, actor: str = "", claim: str = ""
) -> dict[str, Any]:
    """`spec` (a `timeline_chart(...).to_dict()`) with `frame`'s items as its data and the
    selection's parameters: what `timeline_chart` gives for the same lanes, rows and period,
    without building and validating the chart again (most of a redraw's time)."""
    import altair as alt
    from altair.vegalite.v6.api import _dataset_name  # the name altair gives a dataset

    values = alt.data_transformers.get()(frame)["values"]
    name = _dataset_name(values)
    (old,) = spec["datasets"]
    values_of = {ACTOR_PARAM: actor, CLAIM_PARAM: claim}

    def renamed(part: Any) -> Any:
        if isinstance(part, dict):
            if part.get("name") in values_of and "value" in part:
                return {**part, "value": values_of[part["name"]]}
            if set(part) == {"name"} and part["name"] == old:
                return {"name": name}
            return {k: renamed(v) for k, v in part.items()}
        if isinstance(part, list):
            return [renamed(v) for v in part]
        return part

    new = renamed({k: v for k, v in spec.items() if k != "datasets"})
    new["datasets"] = {name: values}
    return new


def chart_params(actor: str | None, claim: str | None) -> dict[str, Any]:
    return {ACTOR_PARAM: actor or "", CLAIM_PARAM: claim or ""}


def brushed_range(value: dict) -> tuple[str, str] | None:
    """The ISO date range from a vega interval selection's value, or None when cleared."""
    bounds = (value or {}).get("start")
    if not bounds or len(bounds) != 2:
        return None
    days = sorted(_day(b) for b in bounds)
    return days[0].isoformat(), days[1].isoformat()


def _day(bound) -> datetime.date:
    if isinstance(bound, (int, float)):  # vega sends epoch milliseconds for a temporal field
        return datetime.datetime.fromtimestamp(bound / 1000, tz=datetime.UTC).date()
    return datetime.date.fromisoformat(str(bound)[:10])
