"""A class on `workbench app`: 30 visitors open the app at once, some reload, some close the
tab, some vanish; every kernel goes and the server's memory returns to where it started
(issue 12: a reload used to get "403 _xsrf argument missing" and leave its kernel behind,
and nothing culled idle kernels). On 127.0.0.1 only; bounded in visitors and time."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError

import pytest
from browser_steps import PAGE_LOAD, WAIT
from serving import Visitor, start_app, stop_app

pytestmark = pytest.mark.slow

VISITORS = 30
AT_ONCE = 4  # pages loading together: each runs the notebook, ~6 s of CPU on 2 cores
CULL = 60  # s: how long the cap test waits, past the 30 s a kernel must be idle for reclaim
# Vanished visitors' kernels are culled after 30 s idle (looked for every 15 s). Not less:
# on a busy machine a page's kernel can sit idle for several seconds between running the
# notebook and the page's socket connecting, and a culler that fast took it away first
# (a 404 on the socket, seen in CI at load 18).
IDLE_MINUTES = "0.5"
# What may stay in the server after the kernels are gone: Voila's own process keeps about
# 3 MB per page served (native memory: tracemalloc sees under 0.2 MB of Python objects kept
# for 6 pages), an open item; every kernel's 300-400 MB must be returned
KEPT_PER_PAGE_MB = 5


def refused(log: str) -> None:
    """No request was refused: the shutdown used to get "403 ... '_xsrf' argument missing"."""
    assert "_xsrf" not in log and not re.search(r"\b403 (GET|POST)", log), log[-3000:]


class Peak:
    """The highest resident memory of the app's process tree, sampled every half second."""

    def __init__(self, app) -> None:
        self.app, self.mb, self._done = app, app.rss_mb(), threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(0.5):
            self.mb = max(self.mb, self.app.rss_mb())

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.mb


def test_thirty_visitors_open_reload_close_and_vanish_and_nothing_is_left(tmp_path, capsys):
    app = start_app(tmp_path, "--idle-minutes", IDLE_MINUTES, "--max-visitors", "40")
    try:
        start = time.monotonic()
        baseline = app.rss_mb()
        peak = Peak(app)
        visitors = [Visitor(app) for _ in range(VISITORS)]
        with ThreadPoolExecutor(AT_ONCE) as pool:
            list(pool.map(lambda v: v.open(), visitors))
        assert len(app.kernels()) == VISITORS  # all in class at once
        reloading, closing, vanishing = visitors[:10], visitors[10:20], visitors[20:]

        def reload(visitor: Visitor) -> int:
            status = visitor.leave()
            visitor.open()
            return status

        with ThreadPoolExecutor(AT_ONCE) as pool:
            assert set(pool.map(reload, reloading)) == {204}  # not 403: the cookie is there
        assert {v.leave() for v in closing} == {204}
        for visitor in vanishing:
            visitor.vanish()  # no shutdown request: the culler's job
        app.wait_kernels(len(reloading), timeout=CULL)
        assert {v.leave() for v in reloading} == {204}
        app.wait_kernels(0, timeout=WAIT / 1000)
        top = peak.stop()
        end = app.rss_mb()
        figures = (
            f"{VISITORS} visitors ({len(reloading)} reloaded, {len(closing)} closed, "
            f"{len(vanishing)} vanished), {VISITORS + len(reloading)} pages: memory of the "
            f"server's process tree {baseline:.0f} MB at start, {top:.0f} MB at peak, "
            f"{end:.0f} MB at the end; kernels left {len(app.kernels())}; "
            f"{time.monotonic() - start:.0f} s"
        )
        with capsys.disabled():
            print("\n" + figures)
        (tmp_path / "figures.txt").write_text(figures)
        # the visitors' kernels were really there: each holds the app, about 90 MB since the
        # panels, altair and spaCy load only when needed (2,830 MB at peak for 30 in CI)
        assert top > baseline + VISITORS * 60
        pages = VISITORS + len(reloading)
        assert end < baseline + pages * KEPT_PER_PAGE_MB, figures
        refused(app.log.read_text(errors="replace"))
    finally:
        stop_app(app)


@pytest.mark.browser
def test_a_reload_in_a_fresh_browser_shuts_the_old_kernel_down(tmp_path, watched_page):
    """What the page's own script does, in chromium: no cookie yet, then a reload."""
    app = start_app(tmp_path)  # culling after 10 minutes: only the page can end its kernel
    try:
        page = watched_page.page
        page.goto(app.url, timeout=PAGE_LOAD)
        page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
        first = {p.pid for p in app.kernels()}
        assert len(first) == 1
        page.reload(timeout=PAGE_LOAD)
        page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
        app.wait_kernels(1, timeout=WAIT / 1000)
        assert {p.pid for p in app.kernels()}.isdisjoint(first)
        assert watched_page.foreign == []
        # Closing the tab sends the same shutdown, but a browser may drop a request sent
        # while its tab goes away (seen once in CI): a closed tab's kernel is the culler's
        # to end, which the thirty-visitor test above checks for closing and vanishing pages.
        refused(app.log.read_text(errors="replace"))
    finally:
        stop_app(app)


def test_past_the_cap_a_visitor_is_told_the_app_is_full_until_a_kernel_is_free(tmp_path):
    app = start_app(tmp_path, "--max-visitors", "2")  # culling after 10 minutes
    try:
        first, second, third = Visitor(app), Visitor(app), Visitor(app)
        first.open()
        second.open()
        with pytest.raises(HTTPError) as refused_page:
            third.open()
        assert refused_page.value.code == 503
        assert "This workbench is full" in refused_page.value.read().decode()
        assert len(app.kernels()) == 2
        first.vanish()  # its kernel has no page now: reclaimed once idle 30 s, at the cap
        deadline = time.monotonic() + CULL + 30
        while True:
            try:
                third.open()
                break
            except HTTPError as error:
                assert error.code == 503
                assert time.monotonic() < deadline, "the idle kernel was never reclaimed"
                time.sleep(2)  # polled: the server says nothing when a kernel frees up
        assert len(app.kernels()) == 2
        assert {second.leave(), third.leave()} == {204}
    finally:
        stop_app(app)
