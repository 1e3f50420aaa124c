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
