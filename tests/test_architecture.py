"""The core never imports the view libraries: checked in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

VIEW_LIBRARIES = ("ipywidgets", "pyvis", "altair", "anywidget", "IPython")

CHECK = """
import json, pkgutil, sys, importlib
import workbench
core = [m.name for m in pkgutil.walk_packages(workbench.__path__, "workbench.")
        if not m.name.startswith("workbench.views")]
for name in core:
    importlib.import_module(name)
# and a real use of the core, not just its imports
from workbench.model import Article
from workbench.extract import Extractor
Extractor().extract(Article(id="t", text="Reuters said the minister met the Syrian envoy in Cairo on Monday."))
print(json.dumps({"modules": core, "loaded": sorted(sys.modules)}))
"""


def test_core_imports_no_view_library():
    out = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=300
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert "workbench.cli" in result["modules"]
    assert "workbench.extract.pipeline" in result["modules"]
    leaked = [m for m in result["loaded"] if m.split(".")[0] in VIEW_LIBRARIES]
    assert leaked == [], f"the core imported view libraries: {leaked[:10]}"


def test_importing_workbench_is_cheap():
    out = subprocess.run(
        [sys.executable, "-c", "import sys, workbench; print('spacy' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"


# --- layers --------------------------------------------------------------------------------
# What each part of the package may import (docs/architecture.md): the flow
# ingest -> extract -> case file -> analysis -> views / export, with no way back.
ORDER = [
    "errors",
    "files",  # writing a file whole or not at all: for every layer that writes
    "collector",  # the garbage collector held off for a burst of records: for every layer
    "lexicon",
    "dates",
    "model",
    "ingest",
    "extract",
    "case",
    "analysis",
    "export",
    "archive",  # extractions as Parquet, and a case's selection from them
    "distributed",  # extraction on a Dask cluster, writing the archive
    "workflow",
    "views",
    "cli",
]
# the store, the analysis and the exports work on records: they never read or extract text
SKIPS = {layer: {"ingest", "extract"} for layer in ("case", "analysis", "export", "archive")}
LAYERS = {layer: set(ORDER[:index]) - SKIPS.get(layer, set()) for index, layer in enumerate(ORDER)}
# modules of the ingest layer that sit flat in the package
INGEST_MODULES = {"ingest", "normalize", "documents", "fetch", "article_input", "nlp"}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "workbench" or len(parts) < 2:
        return None
    name = parts[1]
    return "ingest" if name in INGEST_MODULES else name


def _imports() -> dict[str, set[str]]:
    """Every workbench module -> the workbench modules it imports (at any depth in the
    file, lazy imports included: a lazy import is still a dependency)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "workbench"
    found: dict[str, set[str]] = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {a.name for a in node.names if a.name.startswith("workbench")}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    name = ".".join(base + ([node.module] if node.module else []))
                else:
                    name = node.module or ""
                if name.startswith("workbench"):
                    targets.add(name)
                    targets |= {f"{name}.{a.name}" for a in node.names}
        found[module] = targets
    return found


def test_each_layer_imports_only_the_layers_before_it():
    wrong = []
    for module, targets in _imports().items():
        here = _layer(module)
        if here is None or here not in LAYERS:
            continue
        for target in targets:
            there = _layer(target)
            if there is None or there == here or there not in LAYERS:
                continue
            if there not in LAYERS[here]:
                wrong.append(f"{module} -> {target} ({here} may not import {there})")
    assert wrong == [], "\n".join(sorted(wrong))


def test_no_import_cycle_between_packages():
    graph: dict[str, set[str]] = {}
    for module, targets in _imports().items():
        here = _layer(module)
        if here is None:
            continue
        graph.setdefault(here, set()).update(
            t for t in map(_layer, targets) if t is not None and t != here
        )
    # depth-first search for a cycle among the layers
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        path.pop()
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            raise AssertionError("import cycle: " + " -> ".join(cycle))
