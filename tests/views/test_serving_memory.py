"""The served app's memory returns after its pages close (issue 12).

Voila runs each page's notebook from its own process, so every message a page's kernel
sends (the widgets' state: hundreds of kB for a chart) passes through it. glibc kept that
freed heap, and the server grew by 2-3 MB per page served, for good. Here a notebook
whose widget carries 1.5 MB is served to visitors one after another, each leaving as a
browser tab does; the server's memory must stay where it was after the first pages.
"""

from __future__ import annotations

import subprocess
import time

import nbformat
import psutil
import pytest
from serving import PAGE, App, Visitor, free_port, isolated_env, stop_app, wait_for_http

from workbench.views.launch import server_env, voila_command
from workbench.views.voila_server import LATER

pytestmark = pytest.mark.slow

BIG_WIDGET = 'import ipywidgets as W\nW.HTML("<b>" + "x" * 1_500_000 + "</b>")'
WARM_UP = 3  # pages before the measure: imports, caches and the first kernels settle
PAGES = 12
ALLOWED_MB = 6  # growth over PAGES pages; it was 2-3 MB a page


def served(tmp_path) -> App:
    notebook = tmp_path / "big.ipynb"
    cell = nbformat.v4.new_code_cell(BIG_WIDGET)
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), notebook)
    port = free_port()
    env = {**server_env(None), **isolated_env(tmp_path / "jupyter")}
    log = tmp_path / "voila.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            voila_command(notebook, port=port, open_browser=False),
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
        )
    app = App(proc, port, log)
    wait_for_http(f"{app.url}voila/static/", proc=proc)
    return app


def serve_pages(app: App, count: int) -> None:
    for _ in range(count):
        visitor = Visitor(app)
        assert "kernelId" in visitor.open()
        assert visitor.leave() in (200, 204)
        app.wait_kernels(0, timeout=PAGE)


def server_mb(app: App) -> float:
    time.sleep(LATER + 1)  # the server gives memory back a little after a page's shutdown
    return psutil.Process(app.proc.pid).memory_info().rss / 2**20


def test_the_server_gives_back_the_memory_of_the_pages_it_served(tmp_path):
    app = served(tmp_path)
    try:
        serve_pages(app, WARM_UP)
        start = server_mb(app)
        serve_pages(app, PAGES)
        end = server_mb(app)
    finally:
        stop_app(app)
    print(f"Voila: {start:.0f} MB after {WARM_UP} pages, {end:.0f} MB after {PAGES} more")
    assert end - start < ALLOWED_MB, (start, end)
