"""Opening the app is fast: panels are built when their tab first opens, the network's
and timeline's libraries and spaCy load only when needed, and a sample to extract first
is extracted in the background with a progress bar while the app is already shown."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time

import pytest

from workbench import Case
from workbench.views import Workbench

HEAVY = ("altair", "pyvis", "spacy", "jsonschema")


def imported_after(code: str, modules=HEAVY) -> dict[str, bool]:
    """Which of `modules` a fresh interpreter has imported after running `code`."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {list(modules)!r}}}))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=300
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_the_app_loads_no_chart_library_and_no_model():
    assert not any(imported_after("import workbench.views.app").values())


@pytest.mark.slow
def test_showing_an_extracted_case_loads_no_chart_library_and_no_model(seed_case):
    path = seed_case.path
    seed_case.close()
    loaded = imported_after(
        f"from workbench.views import Workbench\napp = Workbench({str(path)!r})\n"
        "app.show('Summary')\nassert 'articles</td><td>1' in app.panel('Summary').numbers.value"
    )
    assert loaded == dict.fromkeys(HEAVY, False), loaded


@pytest.mark.slow
def test_a_panel_is_built_when_its_tab_first_opens(seed_case):
    app = Workbench(seed_case, watch=False)
    assert set(app._built) == {"Article"}
    app.show("Summary")
    assert set(app._built) == {"Article", "Summary"}
    summary = app._built["Summary"]
    assert "articles</td><td>1" in summary.numbers.value
    index = list(app.tabs.titles).index("Summary")
    assert app.tabs.children[index].children == (summary.widget,)
    assert [p.title for p in app.panels] == list(app.tabs.titles)  # `panels` builds them all
    assert len(app._built) == len(app.tabs.children)


@pytest.mark.slow
def test_a_sample_is_extracted_in_the_background_with_a_progress_bar(tmp_path, samples_dir):
    app = Workbench.open(
        tmp_path / "new.case", sample=samples_dir / "mamlouk-visits-cairo.txt", background=True
    )
    shown = time.monotonic()
    assert app.progress.layout.display == ""  # the bar shows while the model loads
    assert "Adding the sample article" in app.status.value
    app.wait(timeout=600)
    assert time.monotonic() - shown > 0  # the app existed before the extraction ended
    assert app.progress.layout.display == "none"
    assert "Saved: Added the sample article mamlouk-visits-cairo.txt" in app.status.value
    assert len(app.case.articles()) == 1
    assert "1 article" in app.header.value
    app.close()


@pytest.mark.slow
def test_in_a_kernel_the_app_polls_for_changes_made_elsewhere(seed_case):
    """On an event loop (a kernel's), the app looks for changes by itself."""

    async def scenario() -> str:
        app = Workbench(seed_case)
        app.watcher.interval = 0.05
        app.watcher.stop()
        app.watcher.stopped = False
        assert app.watcher.start()
        app.show("Summary")
        claim = seed_case.claims()[0]
        with Case.open(seed_case.path) as other:
            other.set_claim_status(claim.id, "disputed")
        for _ in range(200):
            await asyncio.sleep(0.05)
            if "disputed</td><td>1" in app.panel("Summary").numbers.value:
                break
        app.close()
        return app.status.value

    assert "made elsewhere" in run_on_a_fresh_loop(scenario)


def run_on_a_fresh_loop(coroutine_function):
    """Run a coroutine on a new event loop in its own thread. Playwright's sync API,
    alive in the same pytest worker for the browser tests, marks its loop as running in
    the main thread, where `asyncio.run` would then refuse to start."""
    result: dict = {}

    def run() -> None:
        try:
            result["value"] = asyncio.run(coroutine_function())
        except BaseException as error:  # handed back to the test's thread
            result["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=600)
    assert not thread.is_alive(), "the scenario did not finish in 600 s"
    if "error" in result:
        raise result["error"]
    return result["value"]
