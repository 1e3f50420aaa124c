"""The version of each ticked row as the person saw it, for the actions on all ticked rows.

A bulk action is made against these versions, so a row changed by someone else after the
person ticked it refuses the action. The app's poll may redraw that row between the tick
and the click (a colleague's edit shows within seconds): the version drawn then is one the
person has not looked at, so a redraw for a change made elsewhere does not move it on; a
redraw the person caused (their own edit, a refusal, a tab opened) does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


class SeenTicks:
    """Each ticked row's id and the version the person saw it at."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def note(
        self, ticked: Iterable[str], version_of: Callable[[str], int], *, looked: bool = False
    ) -> None:
        """Take the version of each newly ticked row (of every ticked one when `looked`:
        the person has the redrawn table before them); forget the unticked."""
        seen = {}
        for row_id in ticked:
            known = self._seen.get(row_id)
            seen[row_id] = version_of(row_id) if looked or known is None else known
        self._seen = seen

    def expected(self, ids: Iterable[str], version_of: Callable[[str], int]) -> dict[str, int]:
        """The version to check each of `ids` against (the drawn one for a row not ticked)."""
        return {i: self._seen[i] if i in self._seen else version_of(i) for i in ids}
