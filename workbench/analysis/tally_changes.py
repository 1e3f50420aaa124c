"""What changed in a table between two reads, as the tallies kept between edits ask it
(`NetworkTally`, `TimelineTally`).

A snapshot carried over an edit (`CaseSnapshot.carry`) keeps an unchanged table as the
same list, and a record edited in place as a new record at the same place; a table read
again is a new list of new records. Both tallies then take in only what changed, and
tally afresh when too much did (a pass over everything is as quick, and always right).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MANY = 64  # at least this many changed records are taken in one by one ...
SHARE = 4  # ... or a quarter of the table, if more


def too_many(changed: int, size: int) -> bool:
    """Whether `changed` records of a table of `size` are better tallied afresh."""
    return changed > max(MANY, size // SHARE)


def table_changes(old: Sequence[Any], new: Sequence[Any]) -> tuple[list[int], range] | None:
    """What `new` changed of `old`: the places of the records changed in place (same id at
    the same place), and the places of the records added at its end; None when it cannot
    tell (a record gone or moved) or most changed: tally afresh.

    Records are compared by identity first (a carried read costs one pass of `is`), then
    by value (a table read again holds equal records that are not the same objects)."""
    if new is old:
        return [], range(0)
    kept = len(old)
    if len(new) < kept:
        return None
    changed = [
        i
        for i, (a, b) in enumerate(zip(old, new, strict=False))  # `new` may be longer
        if a is not b and a != b
    ]
    if too_many(len(changed) + len(new) - kept, len(new)) or any(
        old[i].id != new[i].id for i in changed
    ):
        return None
    return changed, range(kept, len(new))


def changed_places(old: Sequence[Any], new: Sequence[Any]) -> list[int] | None:
    """The places of the records `new` holds in place of `old`'s (same length, same ids in
    the same places); None when it cannot tell or most changed: tally afresh."""
    found = table_changes(old, new)
    if found is None or found[1]:
        return None
    return found[0]


__all__ = ["MANY", "SHARE", "changed_places", "table_changes", "too_many"]
