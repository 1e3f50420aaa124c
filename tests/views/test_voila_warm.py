"""Warm kernels (`workbench app --warm-kernels N`, Voila's pre-heated kernels) are never the
ones reclaimed at the cap: they wait, with no page, for the next visitors. The browser test
of a page served warm is in test_voila_browser.py."""

from __future__ import annotations

import asyncio
import datetime
import time
from types import SimpleNamespace

import pytest
from serving import PAGE, Visitor, start_app, stop_app

from workbench import Case
from workbench.ingest import read_articles
from workbench.model import Extraction
from workbench.views.load_panel import default_samples_dir
from workbench.views.voila_server import VisitorKernelManager


def test_at_the_cap_a_warm_kernel_is_not_reclaimed():
    manager = VisitorKernelManager()
    idle = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    kernels = {  # neither has a page; the warm one has been idle longer
        "warm": SimpleNamespace(last_activity=idle, execution_state="idle"),
        "left": SimpleNamespace(
            last_activity=idle + datetime.timedelta(seconds=1), execution_state="idle"
        ),
    }
    manager.list_kernel_ids = lambda: list(kernels)
    manager.get_kernel = kernels.__getitem__
    loop = asyncio.new_event_loop()  # a done future needs a loop, never run
    try:
        started = loop.create_future()
        started.set_result({"kernel_id": "warm"})  # as Voila's pool holds a started kernel
        manager._pools = {"workbench.ipynb": [started]}
        assert manager._reclaimable() == "left"
        manager._pools = {}  # taken by a visitor: an ordinary kernel again
        assert manager._reclaimable() == "warm"
    finally:
        loop.close()


def said(app, words: str, times: int = 1) -> None:
    """Wait until the server's log holds `words` `times` times (polled: Voila says it there
    only)."""
    deadline = time.monotonic() + PAGE
    while app.log.read_bytes().count(words.encode()) < times:
        assert time.monotonic() < deadline, app.log.read_text(errors="replace")[-3000:]
        time.sleep(0.2)


@pytest.mark.slow
def test_once_a_full_app_has_room_again_a_kernel_is_kept_warm_again(tmp_path):
    """Two visitors fill an app of two kernels: the warm kernel's refill is refused at the
    cap. When one leaves, a warm kernel is started again, and the next visitor gets it."""
    with Case.open(tmp_path / "class.case") as case:  # stored as read: no model needed
        (article,) = read_articles(str(default_samples_dir() / "mamlouk-visits-cairo.txt"))
        case.add_extraction(Extraction(article=article))
    app = start_app(tmp_path, "--max-visitors", "2", "--warm-kernels", "1")
    visitors = [Visitor(app) for _ in range(3)]
    try:
        said(app, "is filled with")  # the first warm kernel
        visitors[0].open()
        said(app, "is filled with", 2)  # its refill, 10 s later: two kernels, the cap
        visitors[1].open()
        said(app, "Kernel refused")  # the next refill: no room
        assert visitors[0].leave() in (200, 204)
        said(app, "Room again")
        said(app, "is filled with", 3)
        visitors[2].open()
        assert app.log.read_bytes().count(b"Using pre-heated kernel") == 3
    finally:
        for visitor in visitors:
            visitor.vanish()
        stop_app(app)
