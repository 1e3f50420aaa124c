"""Warm kernels (`workbench app --warm-kernels N`, Voila's pre-heated kernels) are never the
ones reclaimed at the cap: they wait, with no page, for the next visitors. The browser test
of a page served warm is in test_voila_browser.py."""

from __future__ import annotations

import asyncio
import datetime
from types import SimpleNamespace

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
