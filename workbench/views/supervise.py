"""Running a server (Voila, JupyterLab) as a child that stops when `workbench` is stopped.

`subprocess.call` left the server and its kernels running when `workbench app` was sent
SIGTERM (still answering on `--ip`): the signal ended only the `workbench` process. Here:

- the server runs in a session of its own, so a Ctrl+C in the terminal reaches `workbench`
  only, which passes it on once, as SIGTERM (one Ctrl+C stops the server, no prompt);
- SIGTERM, SIGINT and SIGHUP sent to `workbench` are passed on to the server's process
  group; the server then shuts its kernels down (Voila and Jupyter do on SIGTERM);
- a server that has not exited `STOP_GRACE` seconds later is killed with its group;
- kernels run in process groups of their own, so every process the server started (seen
  while it ran, polled each second) that outlives it is terminated, then killed;
- on Linux the server gets SIGTERM if `workbench` itself dies (even by SIGKILL).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

import psutil

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
STOP_GRACE = 20.0  # s: Voila shuts 30 kernels down in a few seconds; then they are killed
LEFTOVER_GRACE = 5.0  # s: for a process still there after the server, between TERM and KILL
POLL = 1.0  # s: how often the server's processes are listed while it runs


def _die_with_parent() -> Callable[[], None] | None:
    """A preexec_fn asking Linux to send SIGTERM to the child when its parent dies."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    pr_set_pdeathsig = 1

    def preexec() -> None:
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)

    return preexec


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def _end(processes: list[psutil.Process], grace: float) -> None:
    """Terminate what is still running of `processes`; kill what is left after `grace`."""
    alive = [p for p in processes if p.is_running()]
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.terminate()
    _gone, alive = psutil.wait_procs(alive, timeout=grace)
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(alive, timeout=grace)


def run(command: list[str], env: dict[str, str], *, grace: float = STOP_GRACE) -> int:
    """Run `command` until it exits or `workbench` is told to stop; the exit code.

    Stopped by a signal, the code is 128 + its number, as a shell reports it.
    """
    proc = subprocess.Popen(  # noqa: S603 - our own server command line
        command, env=env, start_new_session=True, preexec_fn=_die_with_parent()
    )
    stop: list[int] = []

    def on_signal(signum, _frame) -> None:
        if not stop:
            stop.append(signum)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)

    previous = {sig: signal.signal(sig, on_signal) for sig in STOP_SIGNALS}
    seen: dict[tuple[int, float], psutil.Process] = {}
    try:
        deadline = None
        while proc.poll() is None:
            for child in _descendants(proc.pid):
                with contextlib.suppress(psutil.Error):
                    seen.setdefault((child.pid, child.create_time()), child)
            if stop and deadline is None:
                deadline = time.monotonic() + grace
            if deadline is not None and time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=0.2 if stop else POLL)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if proc.poll() is None:  # an exception here: do not leave the server behind
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=grace)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        _end(list(seen.values()), LEFTOVER_GRACE)
    return 128 + stop[0] if stop else proc.returncode
