"""Noticing changes made to the case elsewhere: another page, another kernel, the CLI.

Every change to a case writes an audit row (`CaseFile._recording`), so the newest audit
row's id is a marker that moves whenever anyone commits. The app polls it on a timer in
the kernel and redraws when it moved; a person never needs to reload to see a colleague's
edit (or their own, made from another tab).

The timer runs on the kernel's event loop (the loop that runs cells and, in Voila, widget
callbacks), so a redraw never runs at the same time as a callback of that loop. Outside a
kernel (a script, a test) there is no loop and no timer: call `ChangeWatcher.check()`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger("workbench.views")

POLL_SECONDS = 2.0  # how soon a change made elsewhere shows; one indexed query per poll


def latest_change(case: Any) -> Any:
    """The newest audit row of `case` (a `HistoryEntry`), or None for a case never changed."""
    newest = case.history(limit=1)
    return newest[0] if newest else None


def marker_of(entry: Any) -> int:
    return entry.id if entry is not None else 0


def kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop running in this thread (a kernel's, while a cell runs), if any."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class ChangeWatcher:
    """Calls `changed(entry)` when the case's newest audit row is not the one last seen.

    `case()` gives the case to watch (the app can switch cases); `seen()` is called by the
    app after it redraws for its own edit, so its own changes are not reported as news.
    """

    def __init__(
        self,
        case: Callable[[], Any],
        changed: Callable[[Any], None],
        *,
        interval: float = POLL_SECONDS,
    ) -> None:
        self._case = case
        self._changed = changed
        self.interval = interval
        self.marker = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._handle: asyncio.TimerHandle | None = None
        self.stopped = False

    def seen(self) -> None:
        """The case as it is now has been drawn."""
        case = self._case()
        if not case.closed:
            self.marker = marker_of(latest_change(case))

    def check(self) -> bool:
        """Redraw if someone changed the case since it was last drawn; True if they had."""
        case = self._case()
        if case.closed:
            return False
        entry = latest_change(case)
        if marker_of(entry) == self.marker:
            return False
        self.marker = marker_of(entry)
        self._changed(entry)
        return True

    def start(self) -> bool:
        """Poll on the kernel's loop every `interval` seconds; False outside a kernel."""
        self._loop = kernel_loop()
        if self._loop is None:
            return False
        self._schedule()
        return True

    def stop(self) -> None:
        self.stopped = True
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _schedule(self) -> None:
        if not self.stopped and self._loop is not None and not self._loop.is_closed():
            self._handle = self._loop.call_later(self.interval, self._tick)

    def _tick(self) -> None:
        try:
            self.check()
        except Exception:  # noqa: BLE001 - a failed look is retried at the next tick
            log.exception("could not check the case for changes")
        finally:
            self._schedule()


def call_in_loop(loop: asyncio.AbstractEventLoop | None, callback: Callable[[], None]) -> None:
    """Run `callback` on `loop` (from any thread), or here and now without a loop."""
    if loop is None or loop.is_closed():
        callback()
        return
    with contextlib.suppress(RuntimeError):  # the kernel is shutting down
        loop.call_soon_threadsafe(callback)
