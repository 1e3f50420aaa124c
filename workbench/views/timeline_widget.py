"""The widget the timeline chart is shown in: altair's `JupyterChart` (offline: its
JavaScript from vl-convert, not a CDN) taught to swap new data into the vega view it shows.

altair's page code embeds the chart again whenever its spec changes: the zoom, the pan and
a brushed range are lost, and the whole chart is drawn anew. Here a new spec that differs
from the one shown only by its data (`datasets`) and the selection's parameters is put
into the live view with vega's `view.change` (a changeset: remove all, insert the new
items), so what a person zoomed to or brushed stays as it was after an edit. Any other
change (the default period, the lines per lane) embeds it again, as before.

The page keeps two counts on the widget's element, for tests and for a person debugging:
`data-wb-embeds` (times embedded) and `data-wb-swaps` (times the data was swapped in).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("workbench.views")

# the places in altair's bundled page code (altair 6, minified by vl-convert) that change
_RENDER = "async function render({model,el}){let finalize;"
_EMBEDDED = "finalize=api.finalize;"
_ON_SPEC = 'model.on("change:spec",reembed);'
_EXPORTS = "const __default={render};"

_SWAP = (
    "let wbShown=null;"
    "const wbSwap=async()=>{"
    'const spec=model.get("spec");'
    "if(wbShown!==null&&spec!=null&&wbSameButData(wbShown.spec,spec)){"
    "const view=wbShown.view;"
    "for(const [name,values] of Object.entries(spec.datasets??{})){"
    "view.change(name,view.changeset().remove(()=>true).insert(structuredClone(values)));}"
    "wbShown.spec=spec;"
    "await view.runAsync();"
    "el.dataset.wbSwaps=String(Number(el.dataset.wbSwaps??0)+1);"
    "return;}"
    # embedding again: no view to swap into until it is done (a swap meanwhile would go
    # into the view being finalized, or into a dead one if the embed fails)
    "wbShown=null;"
    "await reembed();};"
)
_REMEMBER = (
    'wbShown={view:api.view,spec:model.get("spec")};'
    "el.dataset.wbEmbeds=String(Number(el.dataset.wbEmbeds??0)+1);"
)
# the same chart but its data: equal once the datasets and the selection's parameters
# (set on the live view through `params` anyway) are left out
_SAME = (
    "function wbSameButData(a,b){"
    "const strip=(s)=>JSON.stringify(s,(k,v)=>{"
    'if(k==="datasets")return undefined;'
    'if(v&&typeof v==="object"&&!Array.isArray(v)&&(v.name==="wb_actor"||v.name==="wb_claim"))'
    "return {...v,value:null};"
    "return v;});"
    "return strip(a)===strip(b);}"
)

_CLASS: Any = None


def patched(source: str) -> str | None:
    """altair's page code with the data swap put in; None if it is not the code expected."""
    parts = (_RENDER, _EMBEDDED, _ON_SPEC, _EXPORTS)
    if any(source.count(p) != 1 for p in parts):
        return None
    return (
        source.replace(_RENDER, _RENDER + _SWAP)
        .replace(_EMBEDDED, _EMBEDDED + _REMEMBER)
        .replace(_ON_SPEC, 'model.on("change:spec",wbSwap);')
        .replace(_EXPORTS, _SAME + _EXPORTS)
    )


def chart_class() -> Any:
    """`JupyterChart` with the swap (altair imported here, on the timeline's first show)."""
    global _CLASS
    if _CLASS is None:
        import altair as alt

        alt.JupyterChart.enable_offline()  # once per kernel: JavaScript from vl-convert
        source = patched(alt.JupyterChart._esm)
        if source is None:  # another altair: charts are embedded again on each change
            log.warning("altair's chart code is not the one expected: no data swap")
            _CLASS = alt.JupyterChart
        else:
            _CLASS = type("TimelineChart", (alt.JupyterChart,), {"_esm": source})
    return _CLASS


__all__ = ["chart_class", "patched"]
