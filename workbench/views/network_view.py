"""The network: actors, articles and unnamed speakers as nodes; interactions and attribution
(speaker -> channel -> article) as edges. pyvis builds the page from our own template
(templates/network/network.html: vis-network inlined, no CDN, titles shown as text), and the
page is shown in a sandboxed iframe so its script cannot reach the notebook page.
"""

from __future__ import annotations

import json
from functools import cache
from html import escape
from pathlib import Path

import ipywidgets as W
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from ..analysis import ARTICLE_NODE, ATTRIBUTION, UNNAMED_NODE, NetworkData, network_data
from ..model import ActorType
from .highlight import ACTOR_COLOURS
from .panel import Panel, set_options
from .selection import Context

TEMPLATE_DIR = Path(__file__).parent / "templates" / "network"
TEMPLATE_FILE = "network.html"
NODE_COLOURS = {
    **{kind: colour for kind, colour in ACTOR_COLOURS.items()},
    ARTICLE_NODE: "#e8e8e8",
    UNNAMED_NODE: "#f5f5f5",
}
BORDER_COLOURS = {"person": "#c08a00", "organization": "#2b6cd9", "media": "#7b3fd9",
                  "country": "#2b9d4a", "place": "#2b9d8a", "group": "#d92b2b",
                  ARTICLE_NODE: "#777777", UNNAMED_NODE: "#999999"}  # fmt: skip
SHAPES = {ARTICLE_NODE: "box", UNNAMED_NODE: "ellipse"}
EDGE_COLOURS = {ATTRIBUTION: "#d9822b", "corroborates": "#2b9d4a", "contradicts": "#d92b2b",
                "reported_by": "#7b3fd9"}  # fmt: skip
FADED = "#eeeeee"
OPTIONS = {
    "physics": {"stabilization": {"iterations": 150}, "barnesHut": {"springLength": 140}},
    "interaction": {"hover": True, "tooltipDelay": 150},
    "edges": {"smooth": {"type": "continuous"}},
}


@cache  # one Environment, so jinja compiles the template (0.7 MB with vis-network) once
def _template_env() -> Environment:
    # our template first; pyvis's own folder second, for the vis-network files it includes
    import pyvis

    pyvis_templates = Path(pyvis.__file__).parent / "templates"
    return Environment(loader=FileSystemLoader([str(TEMPLATE_DIR), str(pyvis_templates)]))


def network_page(data: NetworkData, *, selected: str | None = None, height: str = "560px") -> str:
    """A self-contained HTML page drawing `data`; `selected` and its neighbours stand out."""
    net = Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    net.templateEnv = _template_env()
    net.path = TEMPLATE_FILE
    keep = {selected, *data.neighbours(selected)} if selected and data.node(selected) else None
    for node in data.nodes:
        faded = keep is not None and node.id not in keep
        net.add_node(
            node.id,
            label=node.label,
            title=node.title,  # plain text; the template shows it as text, never as HTML
            shape=SHAPES.get(node.type, "dot"),
            size=10 + 4 * min(node.weight, 10),
            color={
                "background": FADED if faded else NODE_COLOURS.get(node.type, "#dddddd"),
                "border": "#d92b2b"
                if node.id == selected
                else BORDER_COLOURS.get(node.type, "#999"),
            },
            borderWidth=4 if node.id == selected else 1,
            font={"color": "#bbbbbb" if faded else "#222222"},
        )
    for edge in data.edges:
        faded = keep is not None and not {edge.source, edge.target} <= keep
        net.add_edge(
            edge.source,
            edge.target,
            title=f"{edge.kind.replace('_', ' ')} ({edge.weight:g})",
            value=edge.weight,
            color=FADED if faded else EDGE_COLOURS.get(edge.kind, "#8a8a8a"),
            dashes=edge.kind == ATTRIBUTION,
        )
    net.set_options(json.dumps(OPTIONS))
    return net.generate_html()


def iframe_html(page: str, *, height: str = "580px") -> str:
    """The page in an iframe: srcdoc escaped; sandboxed so the page's script runs apart."""
    return (
        f'<iframe class="wb-network-frame" sandbox="allow-scripts" srcdoc="{escape(page, quote=True)}"'
        f' style="width: 100%; height: {height}; border: 1px solid #ddd;"></iframe>'
    )


class NetworkPanel(Panel):
    title = "Network"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._drawn: tuple | None = None  # what the frame shows: (data, selected actor)
        self.types = W.SelectMultiple(
            options=[t.value for t in ActorType],
            value=[t.value for t in ActorType],
            rows=6,
            description="Actors",
            layout=W.Layout(width="16em"),
        )
        self.min_weight = W.IntSlider(value=1, min=1, max=10, description="Min. weight")
        self.focus = W.Checkbox(value=False, description="Only the selected actor's neighbours")
        self.actor = W.Dropdown(description="Selected", layout=W.Layout(width="22em"))
        self.frame = W.HTML()
        self.legend = W.HTML(_legend_html())
        self.widget = W.VBox(
            [
                W.HBox(
                    [self.types, W.VBox([self.actor, self.min_weight, self.focus, self.legend])]
                ),
                self.frame,
            ]
        )
        self.widget.add_class("wb-network-panel")
        for control in (self.types, self.min_weight, self.focus):
            control.observe(self.guard(lambda _c: self.draw()), names="value")
        self.actor.observe(self.guard(self._picked), names="value")
        ctx.selection.observe(self.guard(self._selection_changed), names=["actor_id", "date_range"])

    def refresh(self) -> None:
        actors = sorted(
            (a for a in self.snapshot.actors() if a.status.value != "rejected"),
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
        finally:
            self._refreshing = False
        self.draw()

    def data(self) -> NetworkData:
        selected = self.actor.value or None
        kinds = set(self.types.value)
        snap = self.snapshot
        allowed = [a.id for a in snap.actors() if a.type.value in kinds]
        focus = [selected] if self.focus.value and selected else allowed
        data = network_data(
            snap,
            actor_ids=focus,
            date_range=self.ctx.selection.date_range,
            min_weight=self.min_weight.value,
        )
        hidden = {a.id for a in snap.actors() if a.type.value not in kinds}
        nodes = tuple(n for n in data.nodes if n.id not in hidden)
        kept = {n.id for n in nodes}
        edges = tuple(e for e in data.edges if e.source in kept and e.target in kept)
        return NetworkData(nodes=nodes, edges=edges)

    def draw(self) -> None:
        if self._refreshing or self.defer():
            return
        drawing = (self.data(), self.actor.value or None)
        if drawing == self._drawn:
            return  # the same nodes, edges and highlight: the page shown is right
        self.frame.value = iframe_html(network_page(drawing[0], selected=drawing[1]))
        self._drawn = drawing  # only once shown: a failed drawing is tried again

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


def _legend_html() -> str:
    items = "".join(
        f'<span style="background:{NODE_COLOURS[k]};border:1px solid {BORDER_COLOURS[k]};'
        f'padding:0 4px;margin-right:4px;border-radius:3px">{escape(k)}</span>'
        for k in NODE_COLOURS
    )
    edges = "".join(
        f'<span style="color:{c};margin-right:6px">— {escape(k.replace("_", " "))}</span>'
        for k, c in EDGE_COLOURS.items()
    )
    return f"<small>{items}<br>{edges}</small>"
