"""What a committed change touched, counted per table and column, so that a kept result
stays valid across an edit that cannot change it (format 9 on).

The case's count of changes (`counters.changes`) moves with every committed write: a
result stamped with it is thrown away by any edit, an actor's new status as much as an
added article. Each write made through `Store.write` also notes, in the same statement
that counts it (`count_statement`, sent with the COMMIT: no round trip more), the count
at which each table it wrote last changed (`changes:table:T`), at which rows were added
to or removed from it (`changes:rows:T`), and at which each column an update set last
changed (`changes:col:T.c`). A result declares what it reads (`Depends`) and is stamped
with the latest of those counts (`stamp`): an actor's rename leaves similar claims
(which read claims' texts) valid, and a claim's new status leaves the actor listing so.

Writes this code cannot attribute fall back to the whole case, never to a guess:
- a statement of a transaction that is not a plain INSERT, UPDATE or DELETE of a named
  table moves `changes:base`, which every stamp includes;
- a commit that counted the change without noting what it touched (a migration step, an
  older release of workbench) leaves `changes:tracked` behind `changes`: every stamp is
  then the count of changes itself, and the next noted commit moves `changes:base`, so
  that the unattributed change is never forgotten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# (table, columns): a result reads these columns of the table's rows (and which rows
# there are, in their order); columns None: the whole table
Depends = tuple[tuple[str, tuple[str, ...] | None], ...]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_WRITE = re.compile(
    r"\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+\"?([A-Za-z_][A-Za-z0-9_]*)\"?[\s(]",
    re.IGNORECASE,
)
_READ = re.compile(r"\s*(?:SELECT|VALUES)\b", re.IGNORECASE)
# a PRAGMA that reads (no "=" and no argument that sets)
_PRAGMA_READ = re.compile(r"\s*PRAGMA\s+[\w.]+\s*(?:\(\s*\w+\s*\))?\s*;?\s*\Z", re.IGNORECASE)

# tables no kept result reads: their writes are not noted (the id counters, kept results)
_UNREAD = frozenset({"counters", "derived"})


# the rows of one table one transaction notes by their ids at most: more (a case's
# re-extraction) and a kept result is worked out again rather than updated. A merge of
# the two most-named outlets of a 5,000-article case writes 3,500 mentions (7,000 noted:
# each as it was and is) and 2,000 claims: noted, its corroboration is updated, not worked
# out whole (1.0 s of CPU). 200 to 400 bytes of ids a row (4-7 MB for 20,000): the
# store's journal of commits holds at most `store.JOURNAL_ROWS` noted rows in all
MAX_NOTED_ROWS = 20_000


@dataclass
class Touched:
    """What one transaction wrote, as far as it can be told."""

    tables: set[str] = field(default_factory=set)
    rows: set[str] = field(default_factory=set)  # tables with rows added or removed
    columns: set[tuple[str, str]] = field(default_factory=set)
    unknown: bool = False  # a write that could not be attributed: everything may differ
    # which rows, for a kept result that can be updated rather than worked out again (the
    # actor listing): each row written, by its ids (`id` and the `..._id` columns), as it
    # was before and after; a table in `whole` had rows written that are not told
    ids: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)

    def wrote(self, table: str, *rows: Mapping[str, Any] | None) -> None:
        """Rows of `table` added, removed or rewritten whole: `rows` (as they were, or are
        now), or rows not told when none are given."""
        if table in _UNREAD:
            return
        if not _NAME.match(table):
            self.unknown = True
            return
        self.tables.add(table)
        self.rows.add(table)
        self._note(table, rows or None)

    def _note(self, table: str, rows: Iterable[Mapping[str, Any] | None] | None) -> None:
        if rows is None:
            self.whole.add(table)
            return
        noted = self.ids.setdefault(table, [])
        for row in rows:
            if row is None:
                continue
            ids = {k: v for k, v in row.items() if k == "id" or k.endswith("_id")}
            if not noted or noted[-1] != ids:  # a row as it was and is, its ids the same
                noted.append(ids)
        if len(noted) > MAX_NOTED_ROWS:
            self.whole.add(table)
            noted.clear()

    def updated(self, table: str, columns: Iterable[str], *rows: Mapping[str, Any] | None) -> None:
        """Columns of rows of `table` set: `rows` (as they were, and are now)."""
        if table in _UNREAD:
            return
        names = list(columns)
        if not _NAME.match(table) or not all(_NAME.match(c) for c in names):
            self.unknown = True
            return
        self.tables.add(table)
        self.columns.update((table, c) for c in names)
        self._note(table, rows or None)

    def statement(self, sql: str, rows: Iterable[Mapping[str, Any]] | None = None) -> None:
        """A statement run as it is (`Transaction.execute`): a write to a named table counts
        as rows of it rewritten (its columns are not told); one of another kind, whatever
        it may write, as everything changed. `rows`: the rows it writes, by their ids, when
        the caller knows them (none at all: an empty list), else rows not told."""
        if _READ.match(sql) or _PRAGMA_READ.match(sql):
            return
        found = _WRITE.match(sql)
        if found is None:
            self.unknown = True
            return
        table = found.group(1)
        if rows is None or table in _UNREAD:
            self.wrote(table)
            return
        self.tables.add(table)
        self.rows.add(table)
        self._note(table, list(rows))

    def noted_rows(self) -> int:
        """How many rows this change notes by their ids (what it holds in memory)."""
        return sum(len(rows) for rows in self.ids.values())

    def names(self) -> list[str]:
        """The counters this change moves (besides `changes` and `changes:tracked`)."""
        found = [f"changes:table:{t}" for t in sorted(self.tables)]
        found += [f"changes:rows:{t}" for t in sorted(self.rows)]
        found += [f"changes:col:{t}.{c}" for t, c in sorted(self.columns)]
        if self.unknown:
            found.append("changes:base")
        return found


# what each kept result reads: an edit of anything else leaves it valid. Kept here, next
# to how changes are noted, so that a new column a reader reads is added in one place
# (tests/case/test_kept_changes.py checks each against the queries its reader runs)

# the actor listing (`reads.load_actors`): actors, their alias rules, their mentions (as
# the case keeps them grouped from format 11: `migrations.LISTING_TABLES`, written by
# triggers as the mentions are, so a write of the mentions' columns moves its stamp)
ACTORS_READ: Depends = (
    ("actors", None),
    ("aliases", None),
    ("mentions", ("actor_id", "article_id", "text", "review")),
    ("listing_articles", None),
    ("listing_texts", None),
)
# similar claims (`workflow.claim_texts`): each claim's words, article and place, and the
# order of the articles
SIMILAR_READ: Depends = (
    ("claims", ("id", "article_id", "text", "review", "start")),
    ("articles", ("id",)),
)
# corroboration (`workflow.Case.claim_channels`, `links`, the actors' names, types and
# aliases, each article's outlet): each claim's article, channels, speaker and place (every
# claim: rejected ones too), so a claim's verification status, review or note, or an
# actor's status, leaves it valid
CORROBORATION_READ: Depends = (
    ("claims", ("id", "article_id", "channels", "speaker", "start")),
    ("links", None),
    ("articles", ("id", "outlet")),
    ("actors", ("id", "name", "type")),
    ("aliases", ("actor_id", "alias")),
    ("mentions", ("actor_id", "text", "review")),
    # the actors' names as the listing reads them (format 11: their mentions' texts kept)
    ("listing_articles", None),
    ("listing_texts", None),
)


def count_statement(touched: Touched) -> str:
    """One statement, without parameters, that counts a committed change and notes what
    it touched: every counter it names set to the new count of changes, and
    `changes:base` too when a change was counted since the last noted one without being
    noted. Portable SQL (SQLite and PostgreSQL): the new count is read once, before any
    row is written (SQLite evaluates an INSERT's SELECT from its own table first; the
    server reads it from the statement's snapshot)."""
    names = ["changes", "changes:tracked", *touched.names()]
    # names are code's own (tables and columns checked against _NAME): quoted as literals
    chosen = " UNION ALL ".join(f"SELECT '{n}' AS name" for n in names)
    # each name once: PostgreSQL refuses an upsert that would set a row twice (a copy's
    # load, an unattributed write, names `changes:base` already)
    behind = (
        ""
        if "changes:base" in names
        else " UNION ALL SELECT 'changes:base' AS name WHERE COALESCE((SELECT value FROM "
        "counters WHERE name = 'changes:tracked'), -1) <> (SELECT value FROM counters WHERE "
        "name = 'changes')"
    )
    return (
        "INSERT INTO counters (name, value) SELECT name, (SELECT value + 1 FROM counters "
        f"WHERE name = 'changes') FROM ({chosen}{behind}) AS touched "
        "WHERE (SELECT value FROM counters WHERE name = 'changes') IS NOT NULL "
        "ON CONFLICT(name) DO UPDATE SET value = excluded.value"
    )


def wanted(depends: Depends | None) -> list[str]:
    """The counters `stamp` reads for `depends`."""
    names = ["changes", "changes:tracked", "changes:base"]
    for table, columns in depends or ():
        if columns is None:
            names.append(f"changes:table:{table}")
        else:
            names.append(f"changes:rows:{table}")
            names += [f"changes:col:{table}.{c}" for c in columns]
    return names


def stamp(counters: Mapping[str, Any], depends: Depends | None) -> int | None:
    """The count at which what `depends` names last changed, from the counters `wanted`
    names (None when the case keeps no count of changes). `depends` None: the count of
    changes itself (a result that reads the whole case)."""
    if counters.get("changes") is None:
        return None
    changes = int(counters["changes"])
    tracked = counters.get("changes:tracked")
    if depends is None or tracked is None or int(tracked) != changes:
        return changes  # a change counted without being noted: nothing can be told apart
    # a counter never set: nothing of it changed since noting began (which set the base)
    found = [int(counters.get(name) or 0) for name in wanted(depends)[2:]]
    return max(found)


__all__ = [
    "ACTORS_READ",
    "CORROBORATION_READ",
    "SIMILAR_READ",
    "Depends",
    "Touched",
    "count_statement",
    "stamp",
    "wanted",
]
