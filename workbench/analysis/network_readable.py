"""The network as a person can read it: the most connected nodes (a cap), or one actor and
its neighbours (the ego view: the rest hidden, not greyed), laid out the same way every
time, with labels placed by importance so that none overlaps another.

`readable_network(data, ...)` takes the `NetworkData` of the filters (`network_data`) and
returns what is drawn: nodes with positions and the zoom at which their label shows, edges
with a short label and the claims they stand for, and a sentence saying what is shown and
what is hidden, or, when nothing is left, why the canvas is empty.

Labels: vis-network draws a label below its dot, in the drawing's units, so a label's box
scales with the zoom like the positions do. Each label gets the smallest zoom (1 at the
default view, then 1.5, 2, 3, 4) at which, drawn at a constant size on screen, it overlaps
no label of a more important node shown at that zoom. The view shows a label once the
person has zoomed that far; a label that never fits is in the node's tooltip.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from .network import ARTICLE_NODE, UNNAMED_NODE, NetworkData, NetworkEdge, NetworkNode, edge_word
from .network_layout import Point, layout

DEFAULT_CAP = 80  # nodes drawn by default: see docs/app.md for how it was chosen
MAX_CAP = 400  # the most a person may ask for: beyond it no label fits and drawing lags
LABEL_ZOOMS = (1.0, 1.5, 2.0, 3.0, 4.0)
FONT_SIZE = 14.0  # of a label at the default zoom, in drawing units (vis-network's default)
CHAR_WIDTH = 0.56  # average width of a character, in font sizes (sans-serif, mixed case)
LABEL_LIMIT = 26  # characters of a name shown; the tooltip has the whole name
EDGE_LABELS_UP_TO = 40  # edges drawn with a written label (the ego view is smaller than this)


@dataclass(frozen=True)
class ShownNode:
    id: str
    label: str  # shortened name; the tooltip (`title`) has the whole of it
    type: str
    weight: int
    title: str  # plain text: escape it before it becomes HTML
    status: str
    degree: float  # summed weight of the edges drawn to it: its importance
    x: float
    y: float
    size: float  # radius of its dot, in drawing units
    label_zoom: float | None  # zoom from which the label shows; None: tooltip only
    selected: bool = False


@dataclass(frozen=True)
class ShownEdge:
    source: str
    target: str
    kind: str
    weight: float
    title: str  # plain text: the relation, or the claims it carries
    label: str  # a few words written on the edge ("" where edges are too many)
    claims: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadableNetwork:
    nodes: tuple[ShownNode, ...]
    edges: tuple[ShownEdge, ...]
    message: str  # what is shown and what is hidden; why it is empty
    total: int  # nodes the filters let through, before the cap or the ego view
    focus: str | None = None  # the actor of the ego view, when there is one

    @property
    def empty(self) -> bool:
        return not self.nodes

    def positions(self) -> dict[str, Point]:
        return {n.id: (n.x, n.y) for n in self.nodes}


def node_size(node: NetworkNode) -> float:
    return 8.0 + 1.6 * min(node.weight, 10)


def short_label(text: str, limit: int = LABEL_LIMIT) -> str:
    """`text` cut at a word boundary to `limit` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def degrees(edges: tuple[NetworkEdge, ...]) -> defaultdict[str, float]:
    """Each node's summed edge weight (relations weigh floats): its importance."""
    found: defaultdict[str, float] = defaultdict(float)
    for edge in edges:
        found[edge.source] += edge.weight
        found[edge.target] += edge.weight
    return found


def readable_network(
    data: NetworkData,
    *,
    focus: str | None = None,
    cap: int = DEFAULT_CAP,
    previous: Mapping[str, Point] | None = None,
    selected: str | None = None,
) -> ReadableNetwork:
    """What to draw of `data`: the `cap` most connected nodes, or `focus` and its neighbours.

    `previous` (the positions of the last drawing) keeps nodes where they were;
    `selected` is marked (drawn with a thick border).
    """
    cap = max(1, min(cap, MAX_CAP))
    total = len(data.nodes)
    if total == 0:
        return ReadableNetwork((), (), "", 0, focus)
    degree = degrees(data.edges)

    def rank(node: NetworkNode) -> tuple:  # the most connected first; one order (ids differ)
        return (-degree[node.id], -node.weight, node.label.casefold(), node.id)

    if focus is not None:
        if data.node(focus) is None:
            return ReadableNetwork((), (), "", total, focus)
        around = sorted(data.neighbours(focus), key=lambda i: rank(data.node(i)))  # type: ignore[arg-type]
        keep = {focus, *around[: cap - 1]}
        hidden = len(around) - (len(keep) - 1)
        name = data.node(focus).label  # type: ignore[union-attr]  # checked just above
        message = f"{name} and {len(keep) - 1} neighbour(s); the other {total - len(keep)} node(s) are hidden."
        if hidden:
            message += f" {hidden} less connected neighbour(s) left out: raise the number shown."
    else:
        # the first `cap` of all in that order, without sorting them all (5,000 articles:
        # 20,000 nodes)
        keep = {n.id for n in heapq.nsmallest(cap, _contenders(data, degree, cap), key=rank)}
        if len(keep) < total:
            message = (
                f"The {len(keep)} most connected of {total} nodes; the other {total - len(keep)}"
                " are hidden: select an actor to see its neighbours, filter, or show more."
            )
        else:
            message = f"All {total} nodes."
    # in one order whatever order `data` lists them in (a carried tally lists new edges last)
    edges = sorted(
        (e for e in data.edges if e.source in keep and e.target in keep),
        key=lambda e: (e.source, e.target, e.kind),
    )
    nodes = sorted((n for n in data.nodes if n.id in keep), key=rank)
    positions = layout(
        [n.id for n in nodes],
        [(e.source, e.target, e.weight) for e in edges],
        previous=previous,
        centre=focus,
    )
    shown_degree = degrees(tuple(edges))
    zooms = label_zooms(nodes, positions, selected=selected or focus)
    shown_nodes = tuple(
        ShownNode(
            id=n.id,
            label=short_label(n.label),
            type=n.type,
            weight=n.weight,
            title=n.title,
            status=n.status,
            degree=shown_degree[n.id],
            x=positions[n.id][0],
            y=positions[n.id][1],
            size=node_size(n),
            label_zoom=zooms[n.id],
            selected=n.id == selected,
        )
        for n in nodes
    )
    written = len(edges) <= EDGE_LABELS_UP_TO
    shown_edges = tuple(
        ShownEdge(
            e.source,
            e.target,
            e.kind,
            e.weight,
            e.title or f"{edge_word(e.kind)} ({e.weight:g})",
            _edge_label(e) if written else "",
            e.claims,
        )
        for e in edges
    )
    return ReadableNetwork(shown_nodes, shown_edges, message, total, focus)


def _contenders(data: NetworkData, degree: Mapping[str, float], cap: int) -> list[NetworkNode]:
    """The nodes that may be among the `cap` first by `rank`: those ranking no lower than
    the cap-th on its first keys, degree and weight (cheap to compare, where the name's
    case-folding that breaks ties is not, on 20,000 nodes)."""
    if len(data.nodes) <= cap:
        return list(data.nodes)
    coarse = [(-degree.get(n.id, 0), -n.weight) for n in data.nodes]
    bound = heapq.nsmallest(cap, coarse)[-1]
    return [n for n, key in zip(data.nodes, coarse, strict=True) if key <= bound]


def _edge_label(edge: NetworkEdge) -> str:
    word = edge_word(edge.kind)
    count = len(edge.claims) if edge.claims else edge.weight
    return f"{word} ×{count:g}" if count > 1 else word


Box = tuple[float, float, float, float]  # left, top, right, bottom


def label_box(node: NetworkNode, point: Point, zoom: float) -> Box:
    """The box the label of `node` covers, in drawing units, at `zoom` (the font keeps its
    size on screen, so in drawing units it shrinks as the zoom grows)."""
    font = FONT_SIZE / zoom
    text = short_label(node.label)
    width = len(text) * font * CHAR_WIDTH
    x, y = point
    top = y + node_size(node) + 2 / zoom  # vis-network writes it just below the dot
    if node.type == ARTICLE_NODE or node.type == UNNAMED_NODE:
        top = y + node_size(node) * 0.8 + 2 / zoom
    return (x - width / 2, top, x + width / 2, top + font * 1.25)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_zooms(
    nodes: list[NetworkNode], positions: Mapping[str, Point], *, selected: str | None = None
) -> dict[str, float | None]:
    """The zoom from which each node's label shows (see the module's docstring).

    `nodes` come most important first; `selected` is placed before all of them. A label
    may cross dots and lines: the canvas writes it with a
    white outline, readable over a dot or a line.
    """
    order = sorted(nodes, key=lambda n: n.id != selected)  # stable: importance kept
    # each label's box at each zoom, once: the pairs below compare them many times over
    boxes = {n.id: [label_box(n, positions[n.id], z) for z in LABEL_ZOOMS] for n in order}
    placed: list[tuple[list[Box], int]] = []  # boxes of the labels placed, from which zoom
    zooms: dict[str, float | None] = {}
    for node in order:
        zooms[node.id] = None
        mine = boxes[node.id]
        for level, zoom in enumerate(LABEL_ZOOMS):
            # shown together from the larger of the two zooms on: check there
            if all(
                not _overlap(mine[max(level, at)], theirs[max(level, at)]) for theirs, at in placed
            ):
                zooms[node.id] = zoom
                placed.append((mine, level))
                break
    return zooms


def empty_message(
    *,
    types: frozenset[str] | None = None,
    min_weight: float = 1,
    article: str | None = None,
    statuses: frozenset[str] | None = None,
    date_range: tuple[str, str] | None = None,
    focus: str | None = None,
    case_empty: bool = False,
) -> str:
    """Why nothing is drawn, in words, naming the filters that are on."""
    if case_empty:
        return "The case has no actors yet: add an article on the Load tab."
    if types is not None and not types:
        return "No kind of node is ticked: tick people, media or another kind to see them."
    on = []
    if focus:
        on.append(f"the selected actor ({focus}) with its neighbours")
    if types is not None:
        on.append("only " + ", ".join(sorted(types)))
    if min_weight > 1:
        on.append(f"edges seen at least {min_weight:g} times")
    if article:
        on.append(f"the article “{article}”")
    if statuses is not None:
        on.append("claims " + ", ".join(sorted(s.replace("_", " ") for s in statuses)))
    if date_range:
        on.append(f"dates {date_range[0]} to {date_range[1]}")
    if not on:
        return "Nothing to draw."
    return "Nothing matches " + "; ".join(on) + ". Loosen a filter to see more."


__all__ = [
    "DEFAULT_CAP",
    "MAX_CAP",
    "ReadableNetwork",
    "ShownEdge",
    "ShownNode",
    "empty_message",
    "label_box",
    "label_zooms",
    "readable_network",
    "short_label",
]
