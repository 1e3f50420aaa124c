"""Stopping `workbench app` stops Voila and every kernel it started (issue 12, defect 6):
before, SIGTERM ended the `workbench` process only, and Voila kept answering."""

from __future__ import annotations

import os
import signal
import time
import urllib.error
import urllib.request

import psutil
import pytest
from serving import STOP, Visitor, start_app, stop_app

pytestmark = pytest.mark.slow


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2)
    except urllib.error.HTTPError:
        return True  # any HTTP status: something is serving
    except OSError:
        return False
    return True


def _gone(processes: list[psutil.Process], timeout: float) -> list[psutil.Process]:
    """Those of `processes` still running after `timeout` s (polled: no event to wait on)."""
    _gone, alive = psutil.wait_procs(processes, timeout=timeout)
    return alive


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_to_workbench_app_stops_voila_and_its_kernels(tmp_path, signum):
    app = start_app(tmp_path)
    try:
        visitor = Visitor(app)
        visitor.open()  # one page, so one kernel
        kernels = app.kernels()
        assert len(kernels) == 1
        server = [p for p in app.processes() if p.pid != app.proc.pid]
        app.proc.send_signal(signum)
        assert app.proc.wait(timeout=STOP) == 128 + signum
        assert _gone(server, timeout=STOP) == [], "Voila or a kernel outlived workbench app"
        assert not _answers(app.url + "voila/static/")
        visitor.vanish()
    finally:
        stop_app(app)
        for process in app.kernels():  # only if the test failed: leave nothing behind
            process.kill()


def test_voila_and_its_kernels_stop_when_workbench_app_is_killed(tmp_path):
    """SIGKILL cannot be caught: Linux tells Voila (PR_SET_PDEATHSIG), which stops."""
    if not os.path.exists("/proc/self"):
        pytest.skip("the parent-death signal is Linux's")
    app = start_app(tmp_path)
    server: list[psutil.Process] = []
    try:
        visitor = Visitor(app)
        visitor.open()
        server = [p for p in app.processes() if p.pid != app.proc.pid]
        assert len(app.kernels()) == 1
        app.proc.kill()
        app.proc.wait(timeout=STOP)
        assert _gone(server, timeout=STOP) == []
        deadline = time.monotonic() + STOP
        while _answers(app.url + "voila/static/") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _answers(app.url + "voila/static/")
        visitor.vanish()
    finally:
        for process in server:
            if process.is_running():
                process.kill()
