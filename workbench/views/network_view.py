"""The network a person can read: the most connected actors by default, one actor and its
neighbours on request (the rest hidden), filters, a legend, and a sentence saying what is
shown, what is hidden, or why nothing is.

What is drawn is decided in `analysis.network_readable` (cap, ego view, labels) and
`analysis.network_layout` (positions: seeded, and warm-started from the last drawing so a
redraw moves nothing already on screen); pyvis's `Network` turns it into vis-network's
nodes and edges; `network_canvas.NetworkCanvas` draws them (vis-network sent once per page,
then only the drawing: tens of kB, not a page of 2 MB). A click on a node selects the actor
(or the article, or the unnamed speaker's claim) in every panel.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W
from pyvis.network import Network

from ..analysis import ARTICLE_NODE, ATTRIBUTION, UNNAMED_NODE, NetworkData
from ..analysis.network import EDGE_WORDS
from ..analysis.network_layout import Point
from ..analysis.network_readable import (
    DEFAULT_CAP,
    MAX_CAP,
    ReadableNetwork,
    empty_message,
    readable_network,
)
from ..analysis.network_tally import NetworkTally
from ..collector import collector_held
from ..model import ActorType
from .app_read import article_heads
from .article_picker import ArticlePicker
from .highlight import ACTOR_COLOURS
from .network_canvas import NetworkCanvas
from .panel import Panel, set_options
from .selection import Context

NODE_COLOURS = {**ACTOR_COLOURS, ARTICLE_NODE: "#e8e8e8", UNNAMED_NODE: "#f5f5f5"}
BORDER_COLOURS = {"person": "#c08a00", "organization": "#2b6cd9", "media": "#7b3fd9",
                  "country": "#2b9d4a", "place": "#2b9d8a", "group": "#d92b2b",
                  ARTICLE_NODE: "#777777", UNNAMED_NODE: "#999999"}  # fmt: skip
# the words a person reads for each kind of node
TYPE_WORDS = {"person": "people", "organization": "organisations", "media": "media",
              "country": "countries", "place": "places", "group": "armed groups",
              ARTICLE_NODE: "articles", UNNAMED_NODE: "unnamed sources"}  # fmt: skip
SHAPES = {ARTICLE_NODE: "square", UNNAMED_NODE: "triangle"}
EDGE_COLOURS = {ATTRIBUTION: "#d9822b", "corroborates": "#2b9d4a", "contradicts": "#d92b2b",
                "reported_by": "#7b3fd9"}  # fmt: skip
SELECTED_BORDER = "#d92b2b"
OPTIONS = {
    "physics": {"enabled": False},  # positions come from analysis.network_layout
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": False},
    "edges": {
        "smooth": False,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "font": {"size": 11, "color": "#555555", "strokeWidth": 3, "align": "middle"},
    },
    "nodes": {"font": {"size": 14, "color": "#222222"}},
    "layout": {"randomSeed": 7},
}
ANY_STATUS = "any"
STATUS_WORDS = {"unverified": "unverified", "in_progress": "being checked",
                "corroborated": "corroborated", "disputed": "disputed", "false": "false",
                "unverifiable": "unverifiable"}  # fmt: skip


def vis_graph(shown: ReadableNetwork) -> dict[str, Any]:
    """vis-network's nodes, edges and options for `shown`, built by pyvis's `Network`."""
    net = Network(directed=True)
    for node in shown.nodes:
        net.add_node(
            node.id,
            label=node.label,
            title=node.title,  # plain text: the canvas makes it a text node
            shape=SHAPES.get(node.type, "dot"),
            size=node.size * (0.8 if node.type in SHAPES else 1),
            x=node.x,
            y=node.y,
            color={
                "background": NODE_COLOURS.get(node.type, "#dddddd"),
                "border": SELECTED_BORDER
                if node.selected
                else BORDER_COLOURS.get(node.type, "#999999"),
                "highlight": {"background": "#fff3c4", "border": SELECTED_BORDER},
            },
            borderWidth=5 if node.selected else 1,
            wbZoom=node.label_zoom,
            wbType=node.type,
        )
    for edge in shown.edges:
        net.add_edge(
            edge.source,
            edge.target,
            title=edge.title,
            label=edge.label or None,
            width=1 + min(edge.weight, 6) * 0.6,
            color={"color": EDGE_COLOURS.get(edge.kind, "#8a8a8a"), "opacity": 0.8},
            dashes=edge.kind == ATTRIBUTION,
        )
    edges = [{k: v for k, v in e.items() if v is not None} for e in net.edges]
    return {
        "nodes": net.nodes,
        "edges": edges,
        "options": OPTIONS,
        "message": shown.message,
        "focus": shown.focus or "",
    }


def legend_html() -> str:
    nodes = "".join(
        f'<span class="wb-legend-item" style="background:{NODE_COLOURS[k]};'
        f'border:1px solid {BORDER_COLOURS[k]}">{escape(TYPE_WORDS[k])}</span>'
        for k in NODE_COLOURS
    )
    edges = "".join(
        f'<span style="color:{EDGE_COLOURS.get(k, "#8a8a8a")};margin-right:8px">'
        f"{'╌╌' if k == ATTRIBUTION else '──'} {escape(word)}</span>"
        for k, word in EDGE_WORDS.items()
        if k != "co-occurs"
    )
    return (
        "<style>.wb-legend-item{padding:0 5px;margin-right:4px;border-radius:3px;"
        "font-size:12px;white-space:nowrap}</style>"
        f'<div class="wb-network-legend"><small>{nodes}<br>{edges}'
        '<span style="color:#8a8a8a">── what the text says (met, received...)</span><br>'
        "A dot's size: how often the actor is named. Squares are articles, triangles unnamed "
        "sources. Hover over a dot or a line for what it stands for; zoom in for more names; "
        "click a dot to select it in every tab.</small></div>"
    )


class NetworkPanel(Panel):
    title = "Network"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._drawn: ReadableNetwork | None = None  # what the canvas shows
        self._drawn_from: tuple | None = None  # what it was made from (see `readable`)
        self._drawing_from: tuple | None = None
        self._positions: dict[str, Point] = {}  # where the overview put each node last
        # the network of the last read and filters: choosing an actor, the ego view or the
        # cap redraws from it without reading the case again (the largest cost at 5,000)
        self._data: tuple[tuple, NetworkData, tuple] | None = None
        self._tally: tuple[tuple, NetworkTally] | None = None  # carried over claim edits
        kinds = [t.value for t in ActorType] + [ARTICLE_NODE, UNNAMED_NODE]
        self.types = {
            k: W.Checkbox(value=True, description=TYPE_WORDS[k], indent=False,
                          layout=W.Layout(width="auto", margin="0 10px 0 0"))
            for k in kinds
        }  # fmt: skip
        # widths that hold label, control and readout on one line: the app lets a control's
        # parts wrap in a narrow window, and a wrapped readout is hidden below its row
        self.min_weight = W.IntSlider(
            value=1,
            min=1,
            max=10,
            description="Seen at least",
            style={"description_width": "auto"},
            layout=W.Layout(width="24em"),
        )
        # the latest articles and a search for any other: a drop-down of every article was
        # 5,000 options at 5,000 articles, sent again whenever one was added
        self.article = ArticlePicker(every="all articles", css="wb-network-article", width="26em")
        self.status = W.Dropdown(
            options=[("any claim", ANY_STATUS)] + [(w, s) for s, w in STATUS_WORDS.items()],
            value=ANY_STATUS,
            description="Claims",
            layout=W.Layout(width="20em"),
        )
        self.cap = W.IntSlider(
            value=DEFAULT_CAP, min=10, max=MAX_CAP, step=10, description="Show up to",
            style={"description_width": "auto"}, layout=W.Layout(width="24em"),
        )  # fmt: skip
        self.focus = W.Checkbox(
            value=False, description="Only the selected actor and its neighbours", indent=False
        )
        self.focus.add_class("wb-network-ego")
        self.actor = W.Dropdown(description="Selected", layout=W.Layout(width="22em"))
        self.canvas = NetworkCanvas()
        self.canvas.add_class("wb-network")
        self.legend = W.HTML(legend_html())
        # a slider's readout stays beside its track (the app lets controls' parts wrap)
        self.style = W.HTML(
            "<style>.wb-network-panel .widget-slider { flex-wrap: nowrap !important; }</style>"
        )
        wrap = W.Layout(flex_flow="row wrap", align_items="center")
        self.widget = W.VBox(
            [
                W.HBox([self.actor, self.focus, self.cap], layout=wrap),
                W.HBox([*self.types.values()], layout=wrap),
                W.HBox([self.min_weight, self.status], layout=wrap),
                self.article.widget,
                self.canvas,
                self.legend,
                self.style,
            ]
        )
        self.widget.add_class("wb-network-panel")
        controls = [*self.types.values(), self.min_weight, self.article, self.status, self.cap]
        for control in (*controls, self.focus):
            control.observe(self.guard(lambda _c: self.draw()), names="value")
        self.actor.observe(self.guard(self._picked), names="value")
        self.canvas.observe(self.guard(self._clicked), names="clicked")
        ctx.selection.observe(self.guard(self._selection_changed), names=["actor_id", "date_range"])

    def refresh(self) -> None:
        snap = self.snapshot
        actors = sorted(
            (a for a in snap.actors() if a.status.value != "rejected"),
            key=lambda a: a.name.casefold(),
        )
        self._refreshing = True
        try:
            wanted = self.ctx.selection.actor_id or ""
            set_options(
                self.actor,
                [("(none)", "")] + [(a.name, a.id) for a in actors],
                wanted if any(a.id == wanted for a in actors) else "",
            )
            # titles, outlets and dates only; an article gone means all articles again
            self.article.set_articles(article_heads(snap), self.article.value)
        finally:
            self._refreshing = False
        self.draw()

    # --- what is drawn --------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The filters as `network_data` takes them."""
        status = self.status.value
        return {
            "date_range": self.ctx.selection.date_range,
            "min_weight": self.min_weight.value,
            "article_id": self.article.value or None,
            "status": None if status == ANY_STATUS else status,
        }

    def kinds(self) -> frozenset[str]:
        return frozenset(k for k, box in self.types.items() if box.value)

    def readable(self) -> ReadableNetwork:
        """What the canvas draws, with the filters, the cap and the ego view."""
        snap = self.snapshot
        kinds = self.kinds()
        data = self._filtered(snap, kinds)
        selected = self.actor.value or None
        focus = selected if self.focus.value else None
        inputs = (data, focus, self.cap.value, selected, self.focus.value)
        self._drawing_from = inputs
        last = self._drawn_from
        if (
            self._drawn is not None
            and last is not None
            and last[0] is data
            and last[1:] == inputs[1:]
        ):
            return self._drawn  # the same network and choices (a note was added): the same drawing
        shown = readable_network(
            data,
            focus=focus,
            cap=self.cap.value,
            # the overview keeps its own positions; an ego view is laid out around its actor
            previous=self._positions if focus is None else None,
            selected=selected,
        )
        if shown.empty:
            message = self._empty_message(snap, kinds, focus)
            shown = ReadableNetwork((), (), message, shown.total, focus)
        elif self.focus.value and not selected:
            message = "Select an actor (click a dot, or pick one above) to see its neighbours."
            shown = ReadableNetwork(shown.nodes, shown.edges, message + " " + shown.message,
                                    shown.total, None)  # fmt: skip
        return shown

    def _filtered(self, snap, kinds: frozenset[str]) -> NetworkData:
        filters = self.filters()
        # the snapshot itself, not its id: an id may be reused once the snapshot is gone
        key = (snap, tuple(sorted(filters.items())), kinds)
        if self._data is not None and self._data[0] == key:
            return self._data[1]
        tallied = (filters["article_id"], filters["status"])
        # after an edit, the tally takes in what it changed (`NetworkTally.carry`); a
        # brushed range moves only the claims entering or leaving it (`brush`)
        if self._tally is None or self._tally[0] != tallied or not self._tally[1].carry(snap):
            tally = NetworkTally(
                snap,
                date_range=filters["date_range"],
                article_id=filters["article_id"],
                status=filters["status"],
            )
            self._tally = (tallied, tally)
        self._tally[1].brush(filters["date_range"])
        whole = self._tally[1].data(min_weight=filters["min_weight"])
        if self._data is not None and self._data[2][0] is whole and self._data[2][1] == kinds:
            data = self._data[1]  # nothing drawn changed (a note, a claim's words...)
        elif kinds == frozenset(self.types):
            data = whole  # every kind of node: nothing to leave out
        else:
            keep = tuple(n for n in whole.nodes if n.type in kinds)
            kept = {n.id for n in keep}
            data = NetworkData(
                nodes=keep,
                edges=tuple(e for e in whole.edges if e.source in kept and e.target in kept),
            )
        self._data = (key, data, (whole, kinds))
        return data

    def _empty_message(self, snap, kinds: frozenset[str], focus: str | None) -> str:
        if not any(a.status.value != "rejected" for a in snap.actors()):
            return empty_message(case_empty=True)
        filters = self.filters()
        every = frozenset(self.types)
        chosen = self.article.chosen if filters["article_id"] else None
        article = (chosen.title or chosen.id) if chosen else None
        return empty_message(
            types=None if kinds == every else frozenset(TYPE_WORDS[k] for k in kinds),
            min_weight=filters["min_weight"],
            article=article,
            statuses=frozenset({filters["status"]}) if filters["status"] else None,
            date_range=filters["date_range"],
            focus=self.actor.label if focus else None,
        )

    def draw(self) -> None:
        if self._refreshing or self.defer():
            return
        with collector_held():  # a burst of records: see workbench.collector
            shown = self.readable()
        if shown == self._drawn:
            self._drawn_from = self._drawing_from
            return  # the same nodes, places and labels: the canvas is right
        self.canvas.show(vis_graph(shown))  # what changed, or the drawing whole
        self._drawn = shown  # only once shown: a failed drawing is tried again
        self._drawn_from = self._drawing_from
        if shown.focus is None and shown.nodes:
            self._positions.update(shown.positions())

    # --- selection ------------------------------------------------------------------------

    def _clicked(self, change) -> None:
        node_id = (change["new"] or {}).get("id")
        if not node_id:
            return
        selection = self.ctx.selection
        if node_id.startswith(f"{UNNAMED_NODE}:"):
            selection.claim_id = node_id.split(":", 1)[1]
        elif any(v == node_id for _, v in self.actor.options):
            selection.actor_id = node_id
        elif self.article.knows(node_id):
            selection.article_id = node_id

    def _picked(self, change) -> None:
        if self._refreshing:
            return
        self.ctx.selection.actor_id = change["new"] or None
        self.draw()

    def _selection_changed(self, change) -> None:
        if self.defer():
            return
        if change["name"] == "actor_id":
            wanted = change["new"] or ""
            if wanted != self.actor.value and wanted in [v for _, v in self.actor.options]:
                self.actor.value = wanted  # redraws through _picked
            return
        self.draw()


__all__ = ["NetworkPanel", "legend_html", "vis_graph"]
