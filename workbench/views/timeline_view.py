"""The timeline a person can read: lanes by actor or by article, every claim placed (its own
date, else its article's publication day, drawn hollow and said so), short labels, zoom and
pan, the selection highlighted, and an overview strip above it where dragging chooses a date
range that filters the claims and the network by the same rule the chart fades by.

The chart is an altair `JupyterChart` in offline mode (its JavaScript from vl-convert, not a
CDN), built the first time the tab is shown: altair, and `enable_offline` (about 1 s), are
not paid for by an app that never opens the tab. Tooltips are rendered by vega-tooltip,
which escapes values. The selection changes two chart parameters, not the data.
"""

from __future__ import annotations

import heapq
from html import escape
from typing import Any

import ipywidgets as W
import pandas as pd

from ..analysis.timeline_items import (
    BY_ACTOR,
    BY_ARTICLE,
    TimelineItem,
    dense_period,
    outside,
)
from ..analysis.timeline_tally import TimelineTally, shown_first
from ..collector import collector_held
from .app_read import article_heads
from .article_picker import ArticlePicker
from .panel import Panel
from .selection import Context
from .timeline_chart import (
    BRUSH,
    COLUMNS,
    brushed_range,
    chart_params,
    lane_order,
    timeline_chart,
    timeline_records,
    with_data,
)

# items drawn at most: past this the chart's data passes half a megabyte (about 500 bytes an
# item); a person narrows to an article or an actor instead (the summary says so)
MAX_ITEMS = 800


def choose_items(items: list[TimelineItem], limit: int = MAX_ITEMS) -> list[TimelineItem]:
    """At most `limit` items: checked claims first, then claims, then other events; in
    time order."""
    if len(items) <= limit:
        return items
    kept = {i.id for i in heapq.nsmallest(limit, items, key=shown_first)}  # sorted(...)[:limit]
    return [i for i in items if i.id in kept]


def summary_html(total: int, shown: list[TimelineItem], period) -> str:
    """What the chart shows (`shown` of `total` items), in words: counts, the claims placed
    by publication, outliers."""
    if not total:
        return ""
    by_publication = sum(1 for i in shown if i.by_publication)
    parts = [f"{len(shown)} item(s)"]
    if len(shown) < total:
        parts[0] = (
            f"{len(shown)} of {total} items (checked claims first): choose an article or "
            "the selected actor only to see all of theirs"
        )
    if by_publication:
        parts.append(
            f"{by_publication} claim(s) with no date of their own, placed on their article's "
            "publication day (hollow diamonds, “dated by publication”)"
        )
    away = outside(shown, period)
    if away:
        days = sorted({i.start.isoformat()[:7] for i in away})
        listed = ", ".join(days[:4]) + (" ..." if len(days) > 4 else "")
        parts.append(
            f"{len(away)} far from the rest ({listed}): at the chart's edge; scroll to zoom "
            "out, drag to pan"
        )
    return "<small>" + escape("; ".join(parts)) + ".</small>"


class TimelinePanel(Panel):
    title = "Timeline"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        # what the chart shows: (its data, `timeline_records`; lanes; period; lines per lane)
        self._drawn: tuple | None = None
        self._drawn_from: tuple | None = None  # what it was drawn from (`_choices`)
        self._drawn_case: object = None  # the case it was drawn from: another opens afresh
        self._tally: TimelineTally | None = None  # the items, carried over claim edits
        # the records last made (`_records`): (items, lanes by, period, records, lanes, lines)
        self._made: tuple | None = None
        self.chart: Any = None  # the JupyterChart, built on first show
        self.lanes = W.ToggleButtons(
            options=[("by actor", BY_ACTOR), ("by article", BY_ARTICLE)],
            description="Lanes",
            style={"button_width": "auto"},
        )
        # the latest articles and a search for any other (not a drop-down of every article)
        self.article = ArticlePicker(every="all articles", css="wb-timeline-article", width="26em")
        self.only_actor = W.Checkbox(
            value=False, description="Only the selected actor", indent=False
        )
        self.hint = W.HTML(
            "<small>Drag across the strip at the top to choose dates: the claims and the "
            "network then show only those. Scroll over the chart below it to zoom, drag it to "
            "pan.</small>"
        )
        self.summary = W.HTML()
        self.summary.add_class("wb-timeline-summary")
        self.empty = W.HTML()
        self.holder = W.Box()
        wrap = W.Layout(flex_flow="row wrap", align_items="center")
        self.widget = W.VBox(
            [
                W.HBox([self.lanes, self.only_actor], layout=wrap),
                self.article.widget,
                self.hint,
                self.summary,
                self.empty,
                self.holder,
            ]
        )
        self.widget.add_class("wb-timeline-panel")
        for control in (self.lanes, self.article, self.only_actor):
            control.observe(self.guard(lambda _c: self.draw()), names="value")
        ctx.selection.observe(self.guard(self._selection_changed), names=["actor_id", "claim_id"])

    def refresh(self) -> None:
        snap = self.snapshot
        self._refreshing = True
        try:
            # titles, outlets and dates only; an article gone means all articles again
            self.article.set_articles(article_heads(snap), self.article.value)
        finally:
            self._refreshing = False
        self.draw()

    def tally(self) -> TimelineTally:
        """Every item of the case as last read; after an edit to claims, only those claims'
        items are built again (`TimelineTally.carry`)."""
        snap = self.snapshot
        if self._tally is None or not self._tally.carry(snap):
            self._tally = TimelineTally(snap)
        return self._tally

    def items(self) -> list[TimelineItem]:
        actor = self.ctx.selection.actor_id
        return self.tally().items(
            article_id=self.article.value or None,
            actor_ids=[actor] if self.only_actor.value and actor else None,
        )

    def _shown(self) -> tuple[int, list[TimelineItem]]:
        """How many items there are, and those drawn (`choose_items`)."""
        if self.article.value or self.only_actor.value:
            items = self.items()
            return len(items), choose_items(items)
        tally = self.tally()
        return len(tally), tally.chosen(MAX_ITEMS)  # without listing them all

    def _choices(self) -> tuple:
        """What the items drawn come from: the same, and the chart shown is right."""
        actor = self.ctx.selection.actor_id if self.only_actor.value else None
        tally = self._tally
        return (tally, tally.version if tally else 0, self.article.value, actor, self.lanes.value)

    def draw(self) -> None:
        if self._refreshing or self.defer():
            return
        with collector_held():  # a burst of records: see workbench.collector
            total, shown = self._shown()
        choices = self._choices()
        if (
            self._drawn is not None
            and choices == self._drawn_from
            and self._drawn_case is self.ctx.case
        ):
            return  # nothing the timeline draws changed (a note, an actor's role...)
        period = dense_period(shown)
        self.empty.value = (
            ""
            if total
            else "<p class='wb-timeline-empty'>Nothing to place in time"
            + (" with these choices." if self.article.value or self.only_actor.value else
               ": the case has no dated events or claims yet.")
            + "</p>"
        )  # fmt: skip
        by = self.lanes.value
        # an edit keeps the days the chart opened on (the page keeps the zoom, and a spec
        # that differs only by its data is swapped into the chart shown); other choices
        # (article, actor, lanes) are another question, opened on its own dense period
        same_question = (
            self._drawn_from is not None
            and choices[2:] == self._drawn_from[2:]
            and self._drawn_case is self.ctx.case
        )
        if same_question and self._drawn is not None and self._drawn[2] is not None:
            period = self._drawn[2]
        self.summary.value = summary_html(total, shown, period)
        drawing = self._records(shown, by, period)
        frame = drawing[0]
        if self._drawn is not None and self._drawn == drawing:
            self._drawn_from, self._drawn_case = choices, self.ctx.case
            return  # the same items, lanes and period: the chart shown is right
        selection = self.ctx.selection
        if self.chart is not None:
            # the items (and lanes) in the spec shown, not a chart built and validated again
            # (a second at 500 articles); the page swaps them into the live view
            self.chart.spec = with_data(
                self.chart.spec,
                frame,
                period=period,
                actor=selection.actor_id or "",
                claim=selection.claim_id or "",
            )
            self._drawn, self._drawn_from, self._drawn_case = drawing, choices, self.ctx.case
            return
        spec = timeline_chart(
            frame,
            lane_names=list(drawing[1]),
            period=period,
            actor=selection.actor_id or "",
            claim=selection.claim_id or "",
        )
        self.chart = self._new_chart(spec)
        self.holder.children = [self.chart]
        self._drawn = drawing  # only once shown: a failed drawing is tried again
        self._drawn_from, self._drawn_case = choices, self.ctx.case
        self._watch_brush()

    def _records(self, shown: list[TimelineItem], by: str, period) -> tuple:
        """(records, lanes, period, lines) of `shown`: those made last time when the same
        items are drawn the same way. An edit often leaves the items drawn as they were (at
        5,000 articles an added article's claims are not among the 800 drawn), and placing
        800 labels is most of a redraw."""
        made = self._made
        if (
            made is not None
            and made[1:3] == (by, period)
            and len(made[0]) == len(shown)
            and all(a is b for a, b in zip(made[0], shown, strict=True))
        ):
            return made[3]
        frame = timeline_records(shown, by=by, period=period)
        lanes = lane_order(shown, by=by)
        rows = max((r["row"] for r in frame), default=0) + 1
        drawing = (frame, tuple(lanes), period, rows)
        self._made = (shown, by, period, drawing)
        return drawing

    @property
    def drawn_frame(self) -> pd.DataFrame:
        """What the chart shows, as `timeline_frame` gives it (empty before the first show)."""
        return pd.DataFrame(self._drawn[0] if self._drawn else [], columns=COLUMNS)

    def _new_chart(self, spec) -> Any:
        from .timeline_widget import chart_class  # altair: here, not at import

        # svg: marks a test (or a screen reader) can find; no vega action menu to the web
        chart = chart_class()(spec, embed_options={"renderer": "svg", "actions": False})
        chart.add_class("wb-timeline-chart")
        return chart

    def _watch_brush(self) -> None:
        # a new chart brings a new Selections object; watch the one now in use
        selections = self.chart.selections
        if BRUSH in selections.trait_names() and getattr(selections, "_wb_watched", False) is False:
            selections.observe(self.guard(self._brushed), names=BRUSH)
            selections._wb_watched = True

    def _brushed(self, change) -> None:
        self.ctx.selection.date_range = brushed_range(change["new"].value)

    def _selection_changed(self, change) -> None:
        if self.defer():
            return
        if change["name"] == "actor_id" and self.only_actor.value:
            self.draw()
            return
        if self.chart is not None:
            selection = self.ctx.selection
            params = chart_params(selection.actor_id, selection.claim_id)
            for name, value in params.items():
                if getattr(self.chart.params, name, None) != value:
                    setattr(self.chart.params, name, value)


__all__ = ["MAX_ITEMS", "TimelinePanel", "choose_items", "summary_html"]
