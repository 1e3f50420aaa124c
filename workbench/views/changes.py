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
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
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
    """Calls `changed(entry)` when the case's newest audit row (`entry`) is not the one
    last drawn (`marker`, which the app moves when it draws).

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

    def latest(self) -> int:
        """The marker of the case as it is now (0 for a closed or never changed case)."""
        case = self._case()
        return 0 if case.closed else marker_of(latest_change(case))

    def check(self) -> bool:
        """Redraw if someone changed the case since it was last drawn; True if they had."""
        case = self._case()
        if case.closed:
            return False
        entry = latest_change(case)
        if marker_of(entry) == self.marker:
            return False
        self._changed(entry)  # which redraws, and moves `marker` to what it drew
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


# the store's tables, and the tables of a `CaseSnapshot` whose records they make
SNAPSHOT_TABLES = {
    "articles": {"articles"},
    "actors": {"actors"},
    "aliases": {"actors"},
    "mentions": {"actors", "mentions"},
    "claims": {"claims"},
    "events": {"events"},
    "relations": {"relations"},
    "links": {"links"},
    "notes": {"notes"},
}
ALL_TABLES = frozenset(set().union(*SNAPSHOT_TABLES.values()))
IN_PLACE = ("claims", "actors")  # tables whose edited rows are read again one by one
PLACE = ("article_id", "start", "end")  # what orders a table's records


@dataclass
class Changes:
    """What changed in a case since a given audit row, as a snapshot reads it."""

    tables: set[str] = field(default_factory=set)  # snapshot tables to read again whole
    rows: dict[str, set[str]] = field(default_factory=dict)  # table -> ids changed in place

    @property
    def unchanged(self) -> set[str]:
        return set(ALL_TABLES - self.tables)


def changes_since(case: Any, after_id: int, until_id: int) -> Changes | None:
    """The changes the audit log records after row `after_id` up to `until_id`, or None
    when they are not
    all known (an added article, re-extraction, a table this does not know): read it all.

    Every edit records the rows it changed (`CaseFile._recording`); an undo reverts those
    of the row it undid."""
    store = getattr(case, "_store", None)
    if store is None or after_id <= 0:
        return None
    found = Changes()
    for row in store.rows(
        "SELECT action, target, changes FROM audit WHERE id > ? AND id <= ? ORDER BY id",
        (after_id, until_id),
    ):
        recorded = row["changes"]
        if recorded is None and row["action"] == "undo" and str(row["target"] or "").isdigit():
            undone = store.row("SELECT changes FROM audit WHERE id = ?", (int(row["target"]),))
            recorded = undone["changes"] if undone is not None else None
        if recorded is None:
            return None
        for change in json.loads(recorded):
            table = change.get("table")
            if table not in SNAPSHOT_TABLES:
                return None
            before, after = change.get("before") or {}, change.get("after") or {}
            key = (change.get("key") or {}).get("id")
            if (
                change.get("op") == "update"
                and table in IN_PLACE
                and key
                and all(before.get(k) == after.get(k) for k in PLACE)
            ):
                found.rows.setdefault(table, set()).add(key)
            else:
                found.tables |= SNAPSHOT_TABLES[table]
    for table in found.tables:
        found.rows.pop(table, None)
    return found
