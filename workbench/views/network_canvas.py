"""The network's canvas: vis-network in an anywidget, sent to the page once, fed small drawings.

Why not a pyvis page in an iframe: each drawing was a whole page with vis-network inlined
(0.7 MB, 2 MB at 500 articles), and a click in a sandboxed frame cannot reach Python. Here
the widget's module carries vis-network (the copy pyvis ships: nothing from a CDN) once per
page; each drawing is only its nodes and edges (built by pyvis's `Network`, positions from
`analysis.network_layout`, physics off), and a click on a node comes back as `clicked`.

Titles are plain text made into text nodes, never HTML: article text cannot become markup.
Labels show from the zoom `analysis.network_readable` computed for each (`wbZoom`), at a
constant size on screen, so that no two overlap at any zoom.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import anywidget
import traitlets

NETWORK_CSS = """
.wb-network-box { position: relative; width: 100%; }
.wb-network-canvas { width: 100%; height: 560px; border: 1px solid #ddd; background: #fff; }
.wb-network-note { font-size: 13px; color: #444; margin: 4px 0; }
.wb-network-empty { border: 1px dashed #bbb; background: #fafafa; padding: 48px 16px;
  text-align: center; font-size: 15px; color: #333; }
div.vis-tooltip { position: absolute; visibility: hidden; padding: 5px; white-space: pre-line;
  max-width: 30em; font-family: sans-serif; font-size: 12px; color: #000;
  background-color: #f5f4ed; border: 1px solid #808074; border-radius: 3px;
  box-shadow: 3px 3px 10px rgba(0, 0, 0, 0.2); pointer-events: none; z-index: 5; }
"""

RENDER = """
function asText(title) {
  const box = document.createElement("div");
  box.textContent = title || "";
  return box;
}

function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "wb-network-box";
  const note = document.createElement("div");
  note.className = "wb-network-note";
  const canvas = document.createElement("div");
  canvas.className = "wb-network-canvas";
  box.append(note, canvas);
  el.appendChild(box);
  let network = null;
  let nodes = null;
  let fitScale = 1;
  let pending = false;
  let moved = false;  // the person zoomed or dragged: a resize no longer refits the view

  // a node's label shows once the zoom (relative to the fitted view) reaches its wbZoom,
  // at a constant size on screen
  function labelsFor(zoom) {
    const font = 14 / Math.max(zoom, 1);
    return nodes.get().map((n) => ({
      id: n.id,
      label: n.wbZoom !== null && zoom >= n.wbZoom - 1e-6 ? n.wbLabel : "",
      font: { size: font, color: "#222222", strokeWidth: 4 / Math.max(zoom, 1), strokeColor: "#ffffff" },
    }));
  }
  function relabel() {
    pending = false;
    if (!network || !nodes) { return; }
    nodes.update(labelsFor(network.getScale() / fitScale));
  }
  function fit() {
    if (!network) { return; }
    network.fit({ animation: false });
    fitScale = network.getScale() || 1;
    relabel();
  }

  // the drawing is `graph` (sent whole) with `changes` laid over it: the nodes and edges
  // added, changed (whole) or removed (null) since, by id; a redraw sends only those
  let base = { nodes: new Map(), edges: new Map() };
  let laid = { nodes: {}, edges: {} };  // the changes now laid over the base
  let edges = null;
  function asNode(n) {
    return { ...n, title: asText(n.title), wbLabel: n.label, label: "" };
  }
  function asEdge(e) {
    return { ...e, title: asText(e.title) };
  }
  function tell(graph, count, edgeCount) {
    note.textContent = graph.message || "";
    canvas.dataset.nodes = String(count);
    canvas.dataset.edges = String(edgeCount);
    canvas.dataset.focus = graph.focus || "";
    el.dataset.drawn = String((Number(el.dataset.drawn) || 0) + 1);
  }

  function draw() {
    const graph = model.get("whole") || {};
    // nothing sent yet (the page drawn before the kernel's first drawing): no empty box,
    // which would say "nothing to show" of a network still coming
    if (graph.nodes === undefined) { return; }
    const rawNodes = graph.nodes || [];
    const rawEdges = graph.edges || [];
    base = { nodes: new Map(rawNodes.map((n) => [n.id, n])),
             edges: new Map(rawEdges.map((e) => [e.id, e])), seq: graph.seq };
    laid = { nodes: {}, edges: {} };
    tell(graph, rawNodes.length, rawEdges.length);
    if (rawNodes.length === 0) {
      note.classList.add("wb-network-empty");
      canvas.style.display = "none";
      return;
    }
    note.classList.remove("wb-network-empty");
    canvas.style.display = "";
    nodes = new vis.DataSet(rawNodes.map(asNode));
    edges = new vis.DataSet(rawEdges.map(asEdge));
    const data = { nodes: nodes, edges: edges };
    if (network === null) {
      network = new vis.Network(canvas, data, graph.options || {});
      canvas.__wbNetwork = network;
      window.workbenchNetwork = network;
      network.on("click", (params) => {
        if (!params.nodes.length) { return; }
        model.set("clicked", { id: String(params.nodes[0]), at: Date.now() });
        model.save_changes();
      });
      network.on("zoom", () => {
        moved = true;
        if (!pending) { pending = true; requestAnimationFrame(relabel); }
      });
      network.on("dragStart", () => { moved = true; });
      // for tests and pictures: which drawing is on the canvas, and where
      network.on("afterDrawing", () => {
        const box = canvas.getBoundingClientRect();
        canvas.dataset.painted = el.dataset.drawn + ":" + Math.round(box.width) + "x"
          + Math.round(box.height) + "@" + network.getScale().toFixed(4);
      });
      // drawn in a hidden tab the canvas is 0x0, and the page may still be laying out:
      // fit again when its size changes, unless the person has moved the view
      if (window.ResizeObserver) {
        new ResizeObserver(() => {
          if (canvas.clientWidth === 0 || canvas.clientHeight === 0) { return; }
          network.redraw();
          if (!moved) { fit(); }
        }).observe(canvas);
      }
    } else {
      network.setOptions(graph.options || {});
      network.setData(data);
      moved = false;  // a new drawing opens fitted
    }
    fit();
    canvas.dataset.shown = String(rawNodes.length);
    patch();
  }

  // lay `changes` over the base in place: the view, its zoom and every other node stay
  function patch() {
    const changes = model.get("changes") || {};
    if (changes.base === undefined || changes.base !== base.seq || nodes === null) { return; }
    const now = { nodes: changes.nodes || {}, edges: changes.edges || {} };
    const zoom = network.getScale() / fitScale;
    for (const [kind, set, made, shape] of [["nodes", nodes, base.nodes, asNode],
                                             ["edges", edges, base.edges, asEdge]]) {
      const ids = new Set([...Object.keys(laid[kind]), ...Object.keys(now[kind])]);
      const put = [];
      const gone = [];
      for (const id of ids) {
        const item = id in now[kind] ? now[kind][id] : made.get(id);
        if (item) { put.push(shape(item)); } else if (set.get(id)) { gone.push(id); }
      }
      if (gone.length) { set.remove(gone); }
      if (put.length) { set.update(put); }
    }
    laid = now;
    tell(changes, nodes.length, edges.length);
    el.dataset.patched = String((Number(el.dataset.patched) || 0) + 1);
    nodes.update(labelsFor(zoom));
  }
  draw();
  model.on("change:whole", draw);
  model.on("change:changes", patch);
}
export default { render };
"""


@cache
def vis_module() -> str:
    """vis-network (pyvis's copy) wrapped so that it defines `vis` inside our module only:
    given `module` and `exports`, its UMD header takes the CommonJS branch."""
    import pyvis

    path = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    # split on "\n" only: the code holds U+2028 and other separators inside its strings
    code = "\n".join(
        line
        for line in path.read_text(encoding="utf-8").split("\n")
        if not line.startswith("//# sourceMappingURL")
    )
    return (
        "const vis = (function () {\n"
        "  const module = { exports: {} };\n"
        "  const exports = module.exports;\n"
        f"{code}\n"
        "  return module.exports;\n"
        "})();\n" + RENDER
    )


# past this share of the drawing changed, it is sent whole (and opens fitted)
WHOLE_SHARE = 0.5


class NetworkCanvas(anywidget.AnyWidget):
    """Draws `graph` ({"nodes", "edges", "options", "message", "focus"}); reports clicks.
    What the page gets is `whole`, a drawing sent whole, and `changes`, what differs from
    it since, by node and edge id: a redraw after an edit sends the few nodes and edges it
    changed (not the 90 kB of the whole at 5,000 articles), and the page moves nothing
    else."""

    _esm = vis_module()  # read when this module is imported: when the Network tab opens
    _css = NETWORK_CSS
    whole = traitlets.Dict().tag(sync=True)
    changes = traitlets.Dict().tag(sync=True)
    clicked = traitlets.Dict().tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._sent = 0  # the number of the drawing sent whole
        self._drawing: dict[str, Any] = {}

    @property
    def graph(self) -> dict[str, Any]:
        """The drawing shown (edges with their ids)."""
        return self._drawing

    @graph.setter
    def graph(self, drawing: dict[str, Any]) -> None:
        self.show(drawing)

    def show(self, drawing: dict[str, Any]) -> None:
        """Draw `drawing`: its changes from the drawing sent whole, or it whole when it is
        another view (options, focus), empty, or mostly changed."""
        drawing = {**drawing, "edges": with_ids(drawing.get("edges", []))}
        self._drawing = drawing
        whole = self.whole
        changes = drawing_changes(whole, drawing) if whole.get("nodes") else None
        size = len(drawing["nodes"]) + len(drawing["edges"])
        if (
            changes is None
            or not drawing["nodes"]
            or drawing.get("options") != whole.get("options")
            or drawing.get("focus", "") != whole.get("focus", "")
            or len(changes["nodes"]) + len(changes["edges"]) > WHOLE_SHARE * size
        ):
            self._sent += 1
            with self.hold_sync():
                self.whole = {**drawing, "seq": self._sent}
                self.changes = {}
            return
        self.changes = {**changes, "base": self._sent}


def with_ids(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`edges` each with an id that names it across drawings: its ends and its look (kind),
    numbered when two look the same."""
    seen: dict[str, int] = {}
    found = []
    for edge in edges:
        colour = edge.get("color")
        look = colour.get("color") if isinstance(colour, dict) else colour
        name = f"{edge['from']}\u2192{edge['to']}\u00b7{look}\u00b7{edge.get('dashes', False)}"
        seen[name] = seen.get(name, 0) + 1
        found.append({**edge, "id": name if seen[name] == 1 else f"{name}#{seen[name]}"})
    return found


def drawing_changes(whole: dict[str, Any], drawing: dict[str, Any]) -> dict[str, Any]:
    """What `drawing` changed of `whole`: nodes and edges by id, whole when added or
    changed, None when removed; and its message and focus."""
    found: dict[str, Any] = {"message": drawing.get("message", ""),
                             "focus": drawing.get("focus", "")}  # fmt: skip
    for kind in ("nodes", "edges"):
        before = {item["id"]: item for item in whole.get(kind, [])}
        now = {item["id"]: item for item in drawing.get(kind, [])}
        changed: dict[str, Any] = {i: item for i, item in now.items() if before.get(i) != item}
        changed.update({i: None for i in before.keys() - now.keys()})
        found[kind] = changed
    return found
