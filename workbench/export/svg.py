"""The network and the timeline as inline SVG, for a report that works offline.

Pure functions from analysis rows to an SVG string. Every label and tooltip comes from
the case and is escaped; tooltips are SVG `<title>` elements, which browsers show as
plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

import networkx as nx

from ..analysis import ARTICLE_NODE, NetworkData, TimelineRow

# one colour per node type / claim status, readable on white
TYPE_COLOURS = {
    "person": "#1f77b4",
    "organization": "#2ca02c",
    "media": "#d62728",
    "country": "#9467bd",
    "place": "#8c564b",
    "group": "#e377c2",
    "article": "#7f7f7f",
    "unnamed": "#bcbd22",
}
STATUS_COLOURS = {
    "unverified": "#7f7f7f",
    "in_progress": "#1f77b4",
    "corroborated": "#2ca02c",
    "disputed": "#ff7f0e",
    "false": "#d62728",
    "unverifiable": "#9467bd",
    None: "#17becf",  # an event no claim reports
}
MAX_NODES = 45  # more would be unreadable at memo size: GraphML/GEXF hold them all
MAX_EVENTS = 80


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "\u2026"


def network_svg(data: NetworkData, *, width: int = 900, height: int = 640) -> str:
    """Nodes by type and weight, edges by kind; the heaviest MAX_NODES nodes if more."""
    nodes = sorted(data.nodes, key=lambda n: (-n.weight, n.id))[:MAX_NODES]
    kept = {n.id for n in nodes}
    edges = [e for e in data.edges if e.source in kept and e.target in kept]
    if not nodes:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40" role="img">'
            '<text x="10" y="25">No actors in this case yet.</text></svg>'
        )
    graph = nx.Graph()
    # in the nodes' order, not the set's: the spring layout starts from the graph's order,
    # and a set of strings is ordered by their hashes, which change from one process to the
    # next (the same case drew another picture each time its memo was written)
    graph.add_nodes_from(n.id for n in nodes)
    graph.add_edges_from((e.source, e.target) for e in edges)
    layout = _packed_layout(graph)
    xs = [p[0] for p in layout.values()]
    ys = [p[1] for p in layout.values()]
    # stretch the drawing to the frame, leaving room for labels at the sides
    margin_x, margin_y = 110, 40

    def at(node_id: str) -> tuple[float, float]:
        x, y = layout[node_id]
        return (
            margin_x + _unit(x, min(xs), max(xs)) * (width - 2 * margin_x),
            margin_y + _unit(y, min(ys), max(ys)) * (height - 2 * margin_y - 20),
        )

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="network of the case">'
    ]
    for edge in edges:
        (x1, y1), (x2, y2) = at(edge.source), at(edge.target)
        dash = ' stroke-dasharray="5,4"' if edge.kind == "attribution" else ""
        stroke = min(1 + edge.weight, 6)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#999" '
            f'stroke-width="{stroke:.1f}"{dash}><title>{_text(edge.source)} \u2192 '
            f"{_text(edge.target)}: {_text(edge.kind)} ({edge.weight:g})</title></line>"
        )
    for node in nodes:
        x, y = at(node.id)
        radius = 5 + min(node.weight, 30) ** 0.5 * 3
        colour = TYPE_COLOURS.get(node.type, "#333")
        shape = (
            f'<rect x="{x - radius:.1f}" y="{y - radius:.1f}" width="{2 * radius:.1f}" '
            f'height="{2 * radius:.1f}" fill="{colour}">'
            if node.type == ARTICLE_NODE
            else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{colour}">'
        )
        closing = "</rect>" if node.type == ARTICLE_NODE else "</circle>"
        parts.append(f"<g>{shape}<title>{_text(node.title)}</title>{closing}")
        parts.append(
            f'<text x="{x:.1f}" y="{y - radius - 4:.1f}" text-anchor="middle" '
            f'font-size="12">{_text(_short(node.label))}</text></g>'
        )
    parts.append(_legend(sorted({n.type for n in nodes}), TYPE_COLOURS, x=8, y=height - 16))
    parts.append("</svg>")
    return "".join(parts)


def _packed_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Each connected part laid out on its own, the parts packed in rows, biggest first.

    One spring layout of the whole graph pushes separate parts (an isolated actor, two
    unrelated articles) to the corners and crushes each part into a knot.
    """
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    row_width = max(1.0, len(graph) ** 0.5 * 1.2)
    layout: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part in parts:
        size = len(part) ** 0.5  # a part's side grows with the square root of its nodes
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height + 0.4, 0.0
        if len(part) == 1:
            local = {next(iter(part)): (0.5, 0.5)}
        else:
            # a fixed seed: the same case draws the same picture every time
            # the part's nodes in the graph's order: a subgraph view of a small part walks
            # the part's set, in the hash order that changes from process to process
            ordered = nx.Graph()
            ordered.add_nodes_from(n for n in graph if n in part)
            ordered.add_edges_from(graph.subgraph(part).edges)
            spring = nx.spring_layout(ordered, seed=7, iterations=200, k=2.2 / len(part) ** 0.5)
            px = [float(p[0]) for p in spring.values()]
            py = [float(p[1]) for p in spring.values()]
            local = {
                n: (_unit(float(p[0]), min(px), max(px)), _unit(float(p[1]), min(py), max(py)))
                for n, p in spring.items()
            }
        for node, (u, v) in local.items():
            layout[node] = (x + u * size, y + v * size)
        x += size + 0.4
        row_height = max(row_height, size)
    return layout


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Years on a long axis, months on a shorter one, days on a short one."""
    span = (last - first).days
    if span > 3 * 365:
        step = max(1, (last.year - first.year) // 10)
        return [(date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1, step)]
    if span > 62:
        months: list[tuple[date, str]] = []
        year, month = first.year, first.month
        while True:
            month, year = (1, year + 1) if month == 12 else (month + 1, year)
            tick = date(year, month, 1)
            if tick > last:
                break
            months.append(
                (tick, tick.strftime("%Y-%m") if month == 1 or not months else tick.strftime("%b"))
            )
        step = max(1, len(months) // 12)
        return months[::step]
    step = max(1, span // 8)
    return [
        (date.fromordinal(d), date.fromordinal(d).strftime("%d %b"))
        for d in range(first.toordinal(), last.toordinal() + 1, step)
    ]


def _unit(value: float, low: float, high: float) -> float:
    return 0.5 if high - low < 1e-9 else (value - low) / (high - low)


def _legend(keys: Sequence[object], colours: dict, *, x: float, y: float) -> str:
    items = []
    for key in keys:
        label = str(key) if key is not None else "no claim"
        items.append(
            f'<rect x="{x:.0f}" y="{y - 10:.0f}" width="10" height="10" '
            f'fill="{colours.get(key, "#333")}"/>'
            f'<text x="{x + 14:.0f}" y="{y:.0f}" font-size="11">{_text(label)}</text>'
        )
        x += 24 + 7 * len(label)
    return "<g>" + "".join(items) + "</g>"


def timeline_svg(rows: Sequence[TimelineRow], *, width: int = 900) -> str:
    """One bar per event over a shared date axis; a bar's length is its uncertainty."""
    rows = list(rows)[:MAX_EVENTS]
    if not rows:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40" role="img">'
            '<text x="10" y="25">No dated events in this case yet.</text></svg>'
        )
    left, right, row_height, top = 300, 20, 22, 30
    first = min(r.start for r in rows)
    last = max(r.end for r in rows)
    span = max((last - first).days, 1)
    height = top + row_height * len(rows) + 40

    def x_of(day: date) -> float:
        return left + (day - first).days / span * (width - left - right)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="timeline of the case">',
    ]
    for tick, label in _ticks(first, last):
        x = x_of(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{height - 30}" stroke="#eee"/>'
            f'<text x="{x:.1f}" y="16" font-size="11" text-anchor="middle">{_text(label)}</text>'
        )
    for index, row in enumerate(rows):
        y = top + index * row_height
        x1 = x_of(row.start)
        bar = max(x_of(row.end) - x1, 4)
        colour = STATUS_COLOURS.get(row.claim_status, STATUS_COLOURS[None])
        tooltip = f"{row.label}\n{row.start} \u2013 {row.end} ({row.precision}): {row.date_text}"
        if row.actor_names:
            tooltip += "\n" + ", ".join(row.actor_names)
        parts.append(
            f'<g><text x="{left - 8}" y="{y + 14}" font-size="12" text-anchor="end">'
            f"{_text(_short(row.label, 44))}</text>"
            f'<rect x="{x1:.1f}" y="{y + 4}" width="{bar:.1f}" height="{row_height - 8}" '
            f'fill="{colour}"><title>{_text(tooltip)}</title></rect></g>'
        )
    statuses = list(dict.fromkeys(r.claim_status for r in rows))
    parts.append(_legend(statuses, STATUS_COLOURS, x=8, y=height - 12))
    parts.append("</svg>")
    return "".join(parts)
