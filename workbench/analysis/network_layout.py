"""Where each node of a drawn network sits: a seeded force layout, warm-started from the
positions of the last drawing, so a redraw moves nothing that was already on screen.

The browser draws with its physics off: a network laid out here appears at once, in the
same place every time (the same nodes and edges give the same positions), and a person's
view does not reshuffle when a filter adds or removes a few nodes. Coordinates are in the
drawing's own units, centred on 0, spread over a box of `WIDTH` x `HEIGHT` at most: the
label placement (`network_readable`) measures text in the same units.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence

import numpy as np

WIDTH = 1100.0  # the box the layout fills: about the canvas at 1440 px, zoom 1
HEIGHT = 520.0
ITERATIONS = 120  # Fruchterman-Reingold steps for a new layout
ROW = 70.0  # height of a row of nodes without edges, below the graph
ROW_STEP = 170.0  # space between two of them: room for a label
WARM_ITERATIONS = 40  # steps when most nodes already have a place: only the new ones move far

Point = tuple[float, float]


def _seeded_point(node_id: str) -> Point:
    """A start position that depends on the node alone, not on the order nodes come in."""
    h = zlib.crc32(node_id.encode("utf-8"))
    angle = (h & 0xFFFF) / 0xFFFF * 2 * math.pi
    radius = 0.2 + 0.8 * ((h >> 16) & 0xFFFF) / 0xFFFF
    return (math.cos(angle) * radius, math.sin(angle) * radius)


def layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str, float]],
    *,
    previous: Mapping[str, Point] | None = None,
    centre: str | None = None,
) -> dict[str, Point]:
    """Positions for `nodes` (ids), joined by `edges` (source, target, weight).

    `previous` (positions of an earlier drawing, in these units) is where known nodes
    start, and they are held there: only new nodes move, starting beside a placed
    neighbour. `centre` (the ego view's actor) is pinned at the middle.
    """
    ids = list(dict.fromkeys(nodes))
    n = len(ids)
    if n == 0:
        return {}
    if n == 1:
        return {ids[0]: (0.0, 0.0)}
    previous = previous or {}
    linked = {s for s, t, _ in edges if s != t} | {t for s, t, _ in edges if s != t}
    # actors with no edge drawn (a mention is a fact) go in a row below the graph: among
    # the others, repulsion would push them to the edges and squeeze the graph to a corner
    loose = [node for node in ids if node not in linked and node not in previous]
    placed = _row(loose) if len(loose) < n else {}
    ids = [node for node in ids if node not in placed]
    n = len(ids)
    if n == 0:
        return placed
    index = {node: i for i, node in enumerate(ids)}
    scale = np.array([WIDTH / 2, (HEIGHT - (ROW if placed else 0)) / 2])
    pairs = [(index[s], index[t], w) for s, t, w in edges if s in index and t in index and s != t]

    pos = np.array([_seeded_point(node) for node in ids], dtype=float)
    held = np.zeros(n, dtype=bool)
    for node, i in index.items():
        if node in previous:
            pos[i] = np.array(previous[node]) / scale
            held[i] = True
    # a new node starts beside a neighbour that has a place, not at a random spot
    for s, t, _ in pairs:
        for new, old in ((s, t), (t, s)):
            if not held[new] and held[old]:
                jitter = np.array(_seeded_point(ids[new])) * 0.08
                pos[new] = pos[old] + jitter
    pinned = held.copy()
    if centre in index and held.any():
        pos[index[centre]] = 0.0
        pinned[index[centre]] = True
    if pinned.all():
        return placed | {node: _scaled(pos[i], scale) for node, i in index.items()}

    if not held.any():
        return placed | _fresh(ids, pairs, scale, centre=index.get(centre or ""))
    _relax(pos, pairs, pinned, WARM_ITERATIONS)
    pos[~pinned] = np.clip(pos[~pinned], -1.0, 1.0)
    return placed | {node: _scaled(pos[i], scale) for node, i in index.items()}


def _components(n: int, pairs: list[tuple[int, int, float]]) -> list[list[int]]:
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for s, t, _ in pairs:
        parent[root(s)] = root(t)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _fresh(
    ids: list[str], pairs: list[tuple[int, int, float]], scale: np.ndarray, *, centre: int | None
) -> dict[str, Point]:
    """A new layout: each connected part laid out alone, the parts packed in rows (the
    largest first) so that two stories do not squeeze each other into corners."""
    pos = np.array([_seeded_point(node) for node in ids], dtype=float)
    cells = []
    for group in _components(len(ids), pairs):
        local = {g: i for i, g in enumerate(group)}
        sub = pos[group].copy()
        sub_pairs = [(local[s], local[t], w) for s, t, w in pairs if s in local]
        pinned = np.zeros(len(group), dtype=bool)
        if centre in local:
            sub[local[centre]] = 0.0
            pinned[local[centre]] = True
        if len(group) > 1:
            _relax(sub, sub_pairs, pinned, ITERATIONS)
            sub -= (sub.max(axis=0) + sub.min(axis=0)) / 2 if centre not in local else 0.0
            sub = _fill(sub)
        else:
            sub[:] = 0.0
        cells.append((group, sub, math.sqrt(len(group))))
    # shelf packing: rows about as wide as the box's shape asks for
    aspect = float(scale[0] / scale[1])
    row_width = math.sqrt(sum(side * side for _, _, side in cells) * aspect)
    x = y = row_height = 0.0
    for group, sub, side in cells:
        if x > 0 and x + side > row_width * 1.05:
            x, y, row_height = 0.0, y + row_height, 0.0
        pos[group] = sub * (side * 0.42) + np.array([x + side / 2, y + side / 2])
        x += side
        row_height = max(row_height, side)
    pos -= (pos.max(axis=0) + pos.min(axis=0)) / 2
    pos = _fill(pos)
    return {node: _scaled(pos[i], scale) for i, node in enumerate(ids)}


def _fill(pos: np.ndarray) -> np.ndarray:
    """Stretched to fill [-1, 1] on both axes, by where most nodes are: a few far-flung
    nodes (a speaker on a long spoke) are pulled in to the border instead of squeezing
    the rest into the middle."""
    if len(pos) < 2:
        return pos
    extent = np.quantile(np.abs(pos), 0.9, axis=0) / 0.85
    extent = np.maximum(extent, np.abs(pos).max(axis=0) * 0.3)
    extent[extent == 0] = 1.0
    return np.clip(pos / extent, -1.0, 1.0)


def _row(nodes: list[str]) -> dict[str, Point]:
    """Nodes without edges in rows along the bottom of the box, in the order given."""
    per_row = max(1, int(WIDTH // ROW_STEP))
    found = {}
    for i, node in enumerate(nodes):
        row, col = divmod(i, per_row)
        count = min(per_row, len(nodes) - row * per_row)
        x = (col - (count - 1) / 2) * ROW_STEP
        found[node] = (round(x, 1), round(HEIGHT / 2 + ROW / 2 + row * ROW, 1))
    return found


def _relax(
    pos: np.ndarray, pairs: list[tuple[int, int, float]], pinned: np.ndarray, steps: int
) -> None:
    """Fruchterman-Reingold in place: every pair repels, edges attract; pinned nodes stay."""
    n = len(pos)
    k = math.sqrt(4.0 / n)  # the ideal distance in a 2x2 box
    if pairs:
        src = np.array([p[0] for p in pairs])
        dst = np.array([p[1] for p in pairs])
        weight = np.array([min(p[2], 5.0) for p in pairs]) ** 0.5
    temperature = 0.2
    cooling = temperature / (steps + 1)
    for _ in range(steps):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.sqrt((delta**2).sum(axis=2)) + 1e-9
        np.fill_diagonal(distance, np.inf)
        force = (delta * (k * k / distance**2)[:, :, None]).sum(axis=1)
        if pairs:
            d = pos[src] - pos[dst]
            length = np.sqrt((d**2).sum(axis=1)) + 1e-9
            pull = d * (length / k * weight)[:, None]
            np.add.at(force, src, -pull)
            np.add.at(force, dst, pull)
        # a weak pull to the middle keeps loose actors (no edges) from drifting away
        force -= pos * 0.05
        length = np.sqrt((force**2).sum(axis=1)) + 1e-9
        step = force * (np.minimum(length, temperature) / length)[:, None]
        step[pinned] = 0.0
        pos += step
        temperature -= cooling


def _scaled(point: np.ndarray, scale: np.ndarray) -> Point:
    x, y = point * scale
    return (round(float(x), 1), round(float(y), 1))


__all__ = ["HEIGHT", "WIDTH", "Point", "layout"]
