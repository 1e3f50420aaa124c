"""The memo's read of a case carried from one memo to the next, as the app's panels carry
theirs: after an edit, only the records the edit wrote are read again, and the network's
tally takes back and adds only their shares (`NetworkTally.carry`).

At 5,000 articles a memo read the whole case (articles, actors, claims, events, 180,000
relations) and tallied its network from scratch after every change: two of its four
seconds of CPU. What an edit wrote is known from this connection's journal of commits
(`touched.Touched`, each write's rows by their ids: `Store.derived`'s `update`), which
`snapshot_deltas` turns into the `Delta`s `CaseSnapshot.carry` takes. Anything it cannot
tell (a write that does not name its rows, a table the memo does not know, another
connection's commit) gives None: the case is read afresh, which is always right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..case.kept_updates import actors_of_mentions
from ..case.touched import Touched
from .claims import KeptRow
from .network import NetworkData
from .network_tally import NetworkTally
from .reader import CaseReader, CaseSnapshot, Delta
from .timeline import KeptEventRow

# each table the store writes, and the tables of a snapshot whose records it makes (an
# actor's record counts its mentions and lists its names)
SNAPSHOT_OF: dict[str, frozenset[str]] = {
    "articles": frozenset({"articles"}),
    "actors": frozenset({"actors"}),
    "aliases": frozenset({"actors"}),
    "mentions": frozenset({"actors", "mentions"}),
    "claims": frozenset({"claims"}),
    "events": frozenset({"events"}),
    "relations": frozenset({"relations"}),
    "links": frozenset({"links"}),
    "notes": frozenset({"notes"}),
}
# written by every edit, read by no part of the memo
UNREAD = frozenset({"audit"})
# few records: read again whole when written (as the app does)
WHOLE = frozenset({"links", "notes"})
# the snapshot's tables in the order rows were written (rowid): a row put back by an undo
# goes back to its old place, after the row now before it
BY_ROWID = ("articles", "actors", "relations")
# the mentions are no part of the memo: never carried, read again if ever asked for
NOT_CARRIED = frozenset({"mentions"})
ALL_TABLES = frozenset().union(*SNAPSHOT_OF.values())
# ids per query (SQLite's limit on parameters before 3.32 is 999)
CHUNK = 500


@dataclass
class MemoReads:
    """One read of a case for its memo, and its network's tally."""

    snapshot: CaseSnapshot
    tally: NetworkTally
    # each claim's row and each event's days and row, by what they were made from
    # (`claim_rows`, `timeline_rows`): carried with the read, so the memo after an edit
    # makes again only the rows of the records it changed
    claim_rows: dict[str, KeptRow] = field(default_factory=dict)
    event_rows: dict[str, KeptEventRow] = field(default_factory=dict)

    @classmethod
    def fresh(cls, case: CaseReader) -> MemoReads:
        snapshot = CaseSnapshot(case)
        return cls(snapshot, NetworkTally(snapshot))

    def network(self) -> NetworkData:
        """`network_data` of the read, its edges in a fresh tally's order."""
        self.tally.in_fresh_order()
        return self.tally.data()

    def carried(self, case: CaseReader, store: Any, entries: Sequence[Touched]) -> MemoReads | None:
        """This read brought to the case after `entries` (every commit since it was taken,
        all of this connection's); None when they do not tell what they wrote."""
        found = snapshot_deltas(store, self.snapshot, entries)
        if found is None:
            return None
        unchanged, deltas = found
        snapshot = CaseSnapshot(case)
        snapshot.carry(self.snapshot, unchanged, deltas=deltas)
        tally = self.tally
        if not tally.carry(snapshot):  # too much changed: tallied afresh
            tally = NetworkTally(snapshot)
        return MemoReads(snapshot, tally, self.claim_rows, self.event_rows)


def snapshot_deltas(
    store: Any, older: CaseSnapshot, entries: Sequence[Touched]
) -> tuple[set[str], dict[str, Delta]] | None:
    """The snapshot tables `entries` left as they were, and a `Delta` per table whose
    records they name; None when a write cannot be told."""
    reread: set[str] = set(NOT_CARRIED)
    deltas: dict[str, Delta] = {}
    by_id: set[str] = set()  # mentions told by their ids alone: their actors looked up

    def delta(table: str) -> Delta:
        return deltas.setdefault(table, Delta())

    for entry in entries:
        if entry.unknown:
            return None
        for table in entry.tables - UNREAD:
            if table not in SNAPSHOT_OF:
                return None  # a table this does not know: what reads it is not told
            if table in WHOLE or table in entry.whole:
                reread |= SNAPSHOT_OF[table]
                continue
            for row in entry.ids.get(table, ()):
                if not _noted(table, row, delta, by_id):
                    return None
    if by_id:
        for actor_id in actors_of_mentions(store, by_id):
            delta("actors").ids[actor_id] = None
    for table in reread:
        deltas.pop(table, None)
    for table in BY_ROWID:
        if table in deltas:
            _place_put_back(store, older, table, deltas[table])
    return set(ALL_TABLES - reread - deltas.keys()), deltas


def _noted(table: str, row: dict[str, Any], delta: Callable[[str], Delta], by_id: set[str]) -> bool:
    """Note one written row in the deltas; False when it does not say which records."""
    if table == "aliases":  # an actor's names: that actor's record
        if not isinstance(row.get("actor_id"), str):
            return False
        delta("actors").ids[row["actor_id"]] = None
        return True
    if table == "mentions":  # an actor's mentions make its record (counts, articles)
        if "actor_id" in row:
            if isinstance(row["actor_id"], str):  # None: a mention that names nobody
                delta("actors").ids[row["actor_id"]] = None
            return True
        if not isinstance(row.get("id"), str):
            return False
        by_id.add(row["id"])  # its actor is the one it still has
        return True
    record = row.get("id")
    if not isinstance(record, str):
        return False
    found = delta(table)
    found.ids[record] = None
    article = row.get("article_id")
    if isinstance(article, str) and table != "articles":
        found.article_of[record] = article
    return True


def _place_put_back(store: Any, older: CaseSnapshot, table: str, delta: Delta) -> None:
    """`delta.after` for the records of `table` the older read lacks that are not written
    last (an undone deletion puts a row back at its old place): the record before each."""
    held = getattr(older, f"_{table}")
    if held is None:
        return  # not read: read whole when asked for
    # the places of the records held, when kept (180,000 relations' ids not gathered)
    place = older._places.get(table)
    known = place if place is not None else {r.id for r in held}
    new = [i for i in delta.ids if i not in known]
    if not new:
        return
    found = []
    for at in range(0, len(new), CHUNK):
        chunk = new[at : at + CHUNK]
        found += store.rows(
            f"SELECT t.id, t.rowid, (SELECT p.id FROM {table} AS p WHERE p.rowid < t.rowid "
            f"ORDER BY p.rowid DESC LIMIT 1) FROM {table} AS t "
            f"WHERE t.id IN ({', '.join('?' for _ in chunk)})",
            chunk,
        )
    last = held[-1].id if held else ""
    tail: set[str] = set()  # written after every record held: they go last, in order
    for record, _, before in sorted(found, key=lambda r: r[1]):
        if (before or "") == last or before in tail:
            tail.add(record)
        else:
            delta.after[record] = before or ""


__all__ = ["MemoReads", "snapshot_deltas"]
