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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the analysis (pandas) is not imported to show a tab bar
    from ..analysis.reader import Delta

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
# tables in the order rows were written (rowid): a row put back by an undo goes back to
# its old place, after the row now before it
BY_ROWID = frozenset(("articles", "actors", "relations"))


@dataclass
class Changes:
    """What changed in a case since a given audit row, as a snapshot reads it."""

    tables: set[str] = field(default_factory=set)  # snapshot tables to read again whole
    deltas: dict[str, Delta] = field(default_factory=dict)  # table -> records to read again
    unplaced: set[str] = field(default_factory=set)  # mentions whose article is not known yet

    @property
    def unchanged(self) -> set[str]:
        return set(ALL_TABLES - self.tables - self.deltas.keys())

    @property
    def rows(self) -> dict[str, set[str]]:
        """Table -> ids of the records changed (in place, added or dropped)."""
        return {t: set(d.ids) for t, d in self.deltas.items()}

    def delta(self, table: str) -> Delta:
        found = self.deltas.get(table)
        if found is None:
            from ..analysis.reader import Delta

            found = self.deltas[table] = Delta()
        return found


# past this many articles added since the last drawing (a bulk load in another kernel or
# from the command line), the app reads the case whole: each added article costs a few
# queries of its own, a whole read a few in all
ADDED_ARTICLES_CARRIED = 20
# audit rows whose changes are read in one query (each id a parameter: SQLite allows 32,766
# from 3.32, 999 before)
AUDIT_BATCH = 500


def changes_since(case: Any, after_id: int, until_id: int) -> Changes | None:
    """The changes the audit log records after row `after_id` up to `until_id`, or None
    when they are not all known (re-extraction, a table this does not know): read it all.

    Every edit records the rows it changed (`CaseFile._recording`); an undo reverts those
    of the row it undid. An added article records none: its article's records are read
    (they all come after the others), with the actors it names."""
    store = getattr(case, "_store", None)
    if store is None or after_id <= 0:
        return None
    found = Changes()
    added = 0
    kept = getattr(case, "recorded_changes", None)
    # the rows after the last one drawn (by the audit log's key), each an article added or
    # the audit row whose recorded changes it brings (an undo: the row it undid)
    steps: list[tuple[str, Any]] = []
    for row in store.rows(
        "SELECT id, action, target, changes IS NOT NULL AS recorded FROM audit "
        "WHERE id > ? AND id <= ? ORDER BY id",
        (after_id, until_id),
    ):
        entry_id = row["id"]
        if not row["recorded"] and row["action"] == "undo" and str(row["target"]).isdigit():
            entry_id = int(row["target"])  # an undo: the changes it reverted
        elif not row["recorded"]:
            if row["action"] == "add_article" and row["target"]:
                added += 1
                if added > ADDED_ARTICLES_CARRIED:
                    return None  # a bulk load elsewhere: one whole read beats many small ones
                steps.append(("article", str(row["target"])))
                continue
            return None
        steps.append(("changes", entry_id))
    # their changes only when this case object did not keep them (edits made elsewhere),
    # read together: a colleague's N edits are one query, not N (on a server each query is
    # a round trip)
    recorded: dict[int, list[dict[str, Any]]] = {}
    if kept is not None:
        for kind, entry_id in steps:
            if kind == "changes" and (mine := kept(entry_id)) is not None:
                recorded[entry_id] = mine
    missing = sorted({e for k, e in steps if k == "changes" and e not in recorded})
    for start in range(0, len(missing), AUDIT_BATCH):
        batch = missing[start : start + AUDIT_BATCH]
        marks = ", ".join("?" for _ in batch)
        for row in store.rows(
            f"SELECT id, changes FROM audit WHERE id IN ({marks}) AND changes IS NOT NULL",
            tuple(batch),
        ):
            recorded[row["id"]] = json.loads(row["changes"])
    for kind, value in steps:
        if kind == "article":
            _added_article(store, found, value)
        elif value not in recorded or not _take_all(store, found, recorded[value]):
            return None
    if found.unplaced:
        _place_mentions(store, found)
    for table in found.tables:
        found.deltas.pop(table, None)
    return found


# the tables whose plain updates say no more than "this record changed"
_PLAIN = frozenset(("articles", "actors", "claims", "events", "relations", "mentions"))


def _take_all(store: Any, found: Changes, changes: list[dict[str, Any]]) -> bool:
    """Add the recorded row changes of one audit row to `found` (as `_take` does, one by
    one); False when one is of a table not known. A merge across a case of 5,000 articles
    records 16,500 row changes, nearly all updates that change no article or actor of a
    row (a claim's speaker, a version): each such is only its id, taken here at once."""
    for change in changes:
        if change.get("op") == "update" and change.get("table") in _PLAIN:
            before, after = change.get("before") or {}, change.get("after") or {}
            key = (change.get("key") or {}).get("id")
            if (
                key
                and "article_id" not in before
                and "article_id" not in after
                and "actor_id" not in before
                and "actor_id" not in after
            ):
                table = change["table"]
                found.delta(table).ids[key] = None
                if table == "mentions":  # its article and actor looked up with the others
                    found.unplaced.add(key)
                continue
        if not _take(store, found, change):
            return False
    return True


def _take(store: Any, found: Changes, change: dict[str, Any]) -> bool:
    """Add one recorded row change to `found`; False when it is of a table not known."""
    table = change.get("table")
    if table not in SNAPSHOT_TABLES:
        return False
    op = change.get("op")
    before, after = change.get("before") or {}, change.get("after") or {}
    key = (change.get("key") or {}).get("id")
    # links and notes are few: read again whole; the other tables record by record
    if table in ("links", "notes") or (table != "aliases" and not key):
        found.tables |= SNAPSHOT_TABLES[table]
        return True
    if table == "aliases":  # an actor's names: the actors it was and is a name of
        owners = {before.get("actor_id"), after.get("actor_id")}
        if op == "update" and not owners - {None}:
            return False
        for actor_id in sorted(owners - {None}):
            found.delta("actors").ids[actor_id] = None
        return True
    delta = found.delta(table)
    delta.ids[key] = None
    for values in (before, after):
        if values.get("article_id"):
            delta.article_of[key] = values["article_id"]
    rowid = (after if op == "insert" else before if op == "delete" else {}).get("rowid")
    if table in BY_ROWID and rowid is not None:
        # a row deleted (and so, undone, put back where it was: an undo's changes are
        # those it reverts) goes after the row now before it
        # by the rowid it holds now: put back under a new one when a row added since
        # took its old one (`Transaction.revert`)
        before_it = store.row(
            f"SELECT id FROM {table} WHERE rowid < coalesce((SELECT rowid FROM {table} "
            "WHERE id = ?), ?) ORDER BY rowid DESC LIMIT 1",
            (key, rowid),
        )
        delta.after[key] = before_it[0] if before_it is not None else ""
    if table == "mentions":
        # an actor's mentions make its record (articles, counts, names)
        owners = {before.get("actor_id"), after.get("actor_id")} - {None}
        if key not in delta.article_of or not owners:
            found.unplaced.add(key)  # looked up with the others, in one query
        for actor_id in sorted(owners):
            found.delta("actors").ids[actor_id] = None
    return True


def _place_mentions(store: Any, found: Changes) -> None:
    """The article and actor of each mention the log names without them (a merge moves a
    mention to another actor: its article is not in the change)."""
    ids = sorted(found.unplaced)
    mentions, actors = found.delta("mentions"), found.delta("actors")
    for start in range(0, len(ids), 500):  # SQLite's limit on a query's parameters
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in store.rows(
            f"SELECT id, actor_id, article_id FROM mentions WHERE id IN ({marks})", tuple(chunk)
        ):
            mentions.article_of[row["id"]] = row["article_id"]
            actors.ids[row["actor_id"]] = None
    found.unplaced.clear()


def _added_article(store: Any, found: Changes, article_id: str) -> None:
    """An added article: its records, and the actors it names (their counts change; new
    ones come after the others, in the order they were written)."""
    found.delta("articles").ids[article_id] = None
    for table in ("claims", "events", "mentions"):
        found.delta(table).articles.add(article_id)
    relations = found.delta("relations")
    for (relation_id,) in store.rows(
        "SELECT id FROM relations WHERE article_id = ? ORDER BY rowid", (article_id,)
    ):
        relations.ids[relation_id] = None
        relations.article_of[relation_id] = article_id
    named = [
        "SELECT actor_id FROM mentions WHERE article_id = ?",
        "SELECT speaker FROM claims WHERE article_id = ?",
        "SELECT value FROM claims, json_each(claims.channels) WHERE article_id = ?",
        "SELECT value FROM events, json_each(events.actors) WHERE article_id = ?",
        "SELECT source FROM relations WHERE article_id = ?",
        "SELECT target FROM relations WHERE article_id = ?",
    ]
    actor_ids = {r[0] for sql in named for r in store.rows(sql, (article_id,)) if r[0]}
    actors = found.delta("actors")
    # the actors it resolved to and left unused are removed: which, the log does not say
    actors.exists = frozenset(r[0] for r in store.rows("SELECT id FROM actors", ()))
    if not actor_ids:  # `IN ()` is no SQL on PostgreSQL
        return
    marks = ", ".join("?" for _ in actor_ids)
    for (actor_id,) in store.rows(
        f"SELECT id FROM actors WHERE id IN ({marks}) ORDER BY rowid", tuple(actor_ids)
    ):
        actors.ids[actor_id] = None
