"""The timeline: dated events as bars from the first to the last day they may have happened
on (an approximate date is a range, a known day a short bar), coloured by claim status or by
actor. Brushing a time range sets the shared selection's date range, which filters the claims
and the network.

The chart is an altair `JupyterChart` in offline mode: its JavaScript comes from
vl-convert, not from a CDN. Tooltips are rendered by vega-tooltip, which escapes values.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import altair as alt
import ipywidgets as W
import pandas as pd

from ..analysis import TimelineRow, timeline_rows
from .panel import Panel
from .selection import Context

BRUSH = "when"
STATUS_COLOURS = {
    "corroborated": "#2b9d4a",
    "disputed": "#d9822b",
    "false": "#d92b2b",
    "unverifiable": "#777777",
    "in_progress": "#2b6cd9",
    "unverified": "#b8b8b8",
    "no claim": "#d8c8f0",
}


def timeline_frame(rows: list[TimelineRow]) -> pd.DataFrame:
    """One row per event, ready for the chart: the bar ends the day after its last day."""
    return pd.DataFrame(
        [
            {
                "event": r.event_id,
                "start": r.start.isoformat(),
                "end": (r.end + timedelta(days=1)).isoformat(),
                "when": r.date_text,
                "range": r.start.isoformat()
                if r.start == r.end
                else f"{r.start.isoformat()} to {r.end.isoformat()}",
                "precision": r.precision,
                "label": f"{r.label} [{r.event_id}]",
                "actors": ", ".join(r.actor_names) or "-",
                "actor": r.actor_names[0] if r.actor_names else "(none)",
                "status": r.claim_status or "no claim",
                "article": r.article_title,
            }
            for r in rows
        ],
        columns=["event", "start", "end", "when", "range", "precision", "label", "actors",
                 "actor", "status", "article"],
    )  # fmt: skip


def timeline_chart(frame: pd.DataFrame, *, colour_by: str = "status") -> alt.LayerChart:
    """Bars on a time axis; an x-interval brush named `when`."""
    brush = alt.selection_interval(name=BRUSH, encodings=["x"])
    if colour_by == "status":
        colour = alt.Color(
            "status:N",
            title="claim status",
            scale=alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values())),
        )
    else:
        colour = alt.Color("actor:N", title="first actor")
    height = max(120, 22 * len(frame))
    base = alt.Chart(frame, height=height, width=720).encode(
        y=alt.Y("label:N", sort=alt.SortField("start"), title=None, axis=alt.Axis(labelLimit=320)),
        color=colour,
        tooltip=["when:N", "range:N", "precision:N", "actors:N", "status:N", "article:N"],
    )
    bars = base.mark_bar(cornerRadius=2, opacity=0.75).encode(
        x=alt.X("start:T", title="date"), x2="end:T"
    )
    # a dot at the start keeps a one-day event visible on a scale of years
    dots = base.mark_point(filled=True, size=50).encode(x="start:T")
    return alt.layer(bars.add_params(brush), dots)


def brushed_range(value: dict) -> tuple[str, str] | None:
    """The ISO date range from a vega interval selection's value, or None when cleared."""
    bounds = (value or {}).get("start")
    if not bounds or len(bounds) != 2:
        return None
    days = sorted(_day(b) for b in bounds)
    return days[0].isoformat(), days[1].isoformat()


def _day(bound) -> date:
    if isinstance(bound, (int, float)):  # vega sends epoch milliseconds for a temporal field
        return datetime.fromtimestamp(bound / 1000, tz=UTC).date()
    return date.fromisoformat(str(bound)[:10])


class TimelinePanel(Panel):
    title = "Timeline"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._drawn: tuple | None = None  # what the chart shows: (frame, colour_by)
        alt.JupyterChart.enable_offline()  # once per kernel: JavaScript from vl-convert
        self.colour_by = W.ToggleButtons(
            options=[("claim status", "status"), ("actor", "actor")], description="Colour by"
        )
        self.hint = W.HTML(
            "<small>Drag across the chart to choose a time range: the claims and the network "
            "then show only that range.</small>"
        )
        self.empty = W.HTML()
        # svg: marks a test (or a screen reader) can find; no vega action menu to the web
        self.chart = alt.JupyterChart(
            timeline_chart(timeline_frame([])), embed_options={"renderer": "svg", "actions": False}
        )
        self.widget = W.VBox([W.HBox([self.colour_by, self.hint]), self.empty, self.chart])
        self.widget.add_class("wb-timeline-panel")
        self.colour_by.observe(self.guard(lambda _c: self.refresh()), names="value")
        self._watch_brush()

    def refresh(self) -> None:
        rows = timeline_rows(self.snapshot)
        self.empty.value = "" if rows else "<i>No dated events in the case yet.</i>"
        frame, colour_by = timeline_frame(rows), self.colour_by.value
        if self._drawn is not None and self._drawn[1] == colour_by and self._drawn[0].equals(frame):
            return  # the same events, dates and colours: the chart shown is right
        self.chart.chart = timeline_chart(frame, colour_by=colour_by)
        self._drawn = (frame, colour_by)  # only once shown: a failed drawing is tried again
        self._watch_brush()

    def _watch_brush(self) -> None:
        # a new chart brings a new Selections object; watch the one now in use
        selections = self.chart.selections
        if BRUSH in selections.trait_names() and getattr(selections, "_wb_watched", False) is False:
            selections.observe(self.guard(self._brushed), names=BRUSH)
            selections._wb_watched = True

    def _brushed(self, change) -> None:
        self.ctx.selection.date_range = brushed_range(change["new"].value)
