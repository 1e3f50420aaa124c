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

  function draw() {
    const graph = model.get("graph") || {};
    const rawNodes = graph.nodes || [];
    const rawEdges = graph.edges || [];
    note.textContent = graph.message || "";
    canvas.dataset.nodes = String(rawNodes.length);
    canvas.dataset.edges = String(rawEdges.length);
    canvas.dataset.focus = graph.focus || "";
    el.dataset.drawn = String((Number(el.dataset.drawn) || 0) + 1);
    if (rawNodes.length === 0) {
      note.classList.add("wb-network-empty");
      canvas.style.display = "none";
      return;
    }
    note.classList.remove("wb-network-empty");
    canvas.style.display = "";
    rawNodes.forEach((n) => { n.title = asText(n.title); n.wbLabel = n.label; n.label = ""; });
    rawEdges.forEach((e) => { e.title = asText(e.title); });
    nodes = new vis.DataSet(rawNodes);
    const data = { nodes: nodes, edges: new vis.DataSet(rawEdges) };
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
  }
  draw();
  model.on("change:graph", draw);
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


class NetworkCanvas(anywidget.AnyWidget):
    """Draws `graph` ({"nodes", "edges", "options", "message", "focus"}); reports clicks."""

    _esm = vis_module()  # read when this module is imported: when the Network tab opens
    _css = NETWORK_CSS
    graph = traitlets.Dict().tag(sync=True)
    clicked = traitlets.Dict().tag(sync=True)
