"""`make bench` keeps running: the benchmarks follow the APIs they measure.

Nothing else imports benchmarks/, so a renamed class or a panel rebuilt on another widget
broke `make bench` halfway without any test failing (bench_views.py used `analysis._View`
and the panels' old `listing` long after both were gone). Two guards:

- fast: every `workbench` name a benchmark imports, or reads off a `workbench` module it
  imported (`analysis.network_data`), exists, in functions too (most import lazily);
- slow: the benchmarks that need no browser and no cluster run to the end on a tiny case,
  as subprocesses (they patch methods to time them), and print their tables. bench_dask
  (a dask cluster whose workers each load the model), bench_extract (its scaling run starts
  worker processes), time_to_interactive (Voila and chromium) and bench_pg_edits (two
  checkouts of workbench and a PostgreSQL server) only get the fast check.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
SCRIPTS = sorted(p.name for p in BENCHMARKS.glob("*.py"))

# script -> (arguments for a tiny run, a line its report must print)
RUNS = {
    "bench_views.py": (
        ["--articles", "4", "--repeat", "2", "--visits", "0", "--redraw-sizes", ""],
        "Where the time goes",
    ),
    "bench_actors_table.py": (["--sizes", "12", "--repeat", "1"], "app: Confirm clicked"),
    "bench_claims_redraw.py": (["--sizes", "12", "--repeat", "1"], "--- 12 articles ---"),
    "bench_redraw.py": (["--sizes", "12", "--repeat", "1"], "Network panel redraw"),
    "bench_timeline_redraw.py": (
        ["--sizes", "12", "--repeat", "1"],
        "Timeline redraw after an edit",
    ),
    "bench_case.py": (["--articles", "12"], "actor"),
    "bench_limits.py": (["--sizes", "2", "--kinds", "lines"], "lines"),
}
# not run here, and why (see the module docstring)
NOT_RUN = {"bench_dask.py", "bench_extract.py", "bench_pg_edits.py", "time_to_interactive.py"}


def workbench_names(path: Path) -> list[tuple[str, str, int]]:
    """(module, name, line) of each `workbench` name the script imports or reads off a
    `workbench` module it imported under a name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found, aliases = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workbench"):
            for alias in node.names:
                found.append((node.module, alias.name, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("workbench") and alias.asname:
                    aliases[alias.asname] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            found.append((aliases[node.value.id], node.attr, node.lineno))
    return found


def test_every_benchmark_is_run_or_said_why_not():
    assert set(SCRIPTS) <= {*RUNS, *NOT_RUN}


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_workbench_names_a_benchmark_uses_exist(script):
    missing = []
    for module, name, line in workbench_names(BENCHMARKS / script):
        imported = importlib.import_module(module)
        if not hasattr(imported, name):
            try:  # `from workbench import views` names a submodule
                importlib.import_module(f"{module}.{name}")
            except ModuleNotFoundError:
                missing.append(f"{script}:{line}: {module}.{name}")
    assert not missing, "gone from workbench: " + ", ".join(missing)


def test_the_name_check_sees_a_removed_name(tmp_path):
    stale = tmp_path / "stale.py"
    stale.write_text(
        "def main():\n"
        "    import workbench.analysis as analysis\n"
        "    from workbench.analysis import CaseView\n"
        "    return analysis._View, CaseView\n"
    )
    names = workbench_names(stale)
    assert ("workbench.analysis", "_View", 4) in names
    assert ("workbench.analysis", "CaseView", 3) in names


# one process runs them all in turn (runpy, as `python script.py` does): the model and the
# views are imported and loaded once, not once per benchmark. bench_views goes last: it
# wraps methods of the views to time them, for the rest of the process.
DRIVER = """
import runpy, sys, traceback
for script, *arguments in ARGS:
    print("##bench " + script, flush=True)
    sys.argv = [script, *arguments]
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as exit:
        if exit.code not in (None, 0):
            print("##bench-failed " + script + ": " + str(exit.code), flush=True)
    except BaseException:
        traceback.print_exc(file=sys.stdout)
        print("##bench-failed " + script, flush=True)
"""


@pytest.mark.slow
def test_the_benchmarks_run_to_the_end_on_a_tiny_case():
    scripts = sorted(set(RUNS) & set(SCRIPTS), key=lambda s: s == "bench_views.py")
    argv = [[str(BENCHMARKS / s), *RUNS[s][0]] for s in scripts]
    proc = subprocess.run(
        [sys.executable, "-c", f"ARGS = {argv!r}\n{DRIVER}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "##bench-failed" not in proc.stdout, proc.stdout[-6000:]
    parts = proc.stdout.split("##bench ")[1:]
    sections = dict((part.split("\n", 1) + [""])[:2] for part in parts)
    for script in scripts:
        report = sections.get(str(BENCHMARKS / script), "")
        assert RUNS[script][1] in report, f"{script} printed:\n{report[-3000:]}"
