"""The timeline's items kept between edits, so that an edit to a few claims redraws in time
proportional to the edit, not to the case.

An item depends on one claim at most: an event item on the claim it reports (its status,
its speaker), a claim item on the claim itself and where it is placed (`place_claim`).
Given a snapshot carried from the one it read (`CaseSnapshot.carry`: unchanged tables are
the same lists, a claim edited in place is a new record at the same place), `carry` builds
again the items of the claims that changed, and keeps the items in time order by moving
only those. Any other change (an event, an actor, an article, a claim added or removed) is
read again from scratch, which is always right.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from collections.abc import Collection, Sequence

from ..case.records import CaseClaim
from ..model import ReviewStatus
from .reader import CaseReader, CaseSnapshot, CaseView
from .timeline import TimelineRow, timeline_rows
from .timeline_dates import place_claim, reporting_events
from .timeline_items import TimelineItem, claim_item, event_item

Key = tuple  # (start, end, id): the timeline's order


def _key(item: TimelineItem) -> Key:
    return (item.start, item.end, item.id)


def shown_first(item: TimelineItem) -> tuple[int, str]:
    """Which items a crowded timeline draws first: checked claims, then claims, then other
    events (`TimelinePanel` draws at most a few hundred)."""
    if item.claim_status not in (None, "unverified"):
        return (0, item.id)
    return (1 if item.claim_id else 2, item.id)


class TimelineTally:
    """Every item of `case`'s timeline (`timeline_items`), in time order."""

    def __init__(self, case: CaseReader) -> None:
        self.view = view = CaseView.of(case)
        self.reporting = reporting_events(view)
        self._tables = self._tables_of(case)
        self.claims: Sequence[CaseClaim] = (
            case.claims(include_rejected=True) if isinstance(case, CaseSnapshot) else view.claims
        )
        live = {c.id: c for c in view.claims}
        self.rows_of: dict[str, list[TimelineRow]] = defaultdict(list)  # claim id -> rows
        event_claim = {e.id: e.claim for e in view.events}
        self.by_key: dict[Key, TimelineItem] = {}
        self.claim_items: dict[str, TimelineItem] = {}  # the claims no dated event reports
        reported: set[str] = set()
        for row in timeline_rows(view.source):
            reports = event_claim.get(row.event_id)
            if reports:
                self.rows_of[reports].append(row)
            if row.claim_id is not None:
                reported.add(row.claim_id)
            item = event_item(row, live.get(row.claim_id or ""), view)
            self.by_key[_key(item)] = item
        for claim in view.claims:
            if claim.id not in reported and (placed := self._place(claim)) is not None:
                self.by_key[_key(placed)] = placed
        self.order = sorted(self.by_key)  # the keys in time order
        self.ranked = sorted(shown_first(i) for i in self.by_key.values())
        self.key_of = {k[2]: k for k in self.by_key}  # item id -> key
        self.version = 0  # moves when `carry` changed something

    @staticmethod
    def _tables_of(case: CaseReader) -> tuple | None:
        """The tables a claim edit leaves as they were (the same lists in a carried snapshot)."""
        if not isinstance(case, CaseSnapshot):
            return None
        return (case.articles(), case.actors(), case.events())

    def _place(self, claim: CaseClaim) -> TimelineItem | None:
        """The claim's own item (it has no dated event), if it can be placed."""
        when = place_claim(claim, self.reporting.get(claim.id, ()), self.view.articles)
        if when is None:
            return None
        item = claim_item(claim, when, self.view)
        self.claim_items[claim.id] = item
        return item

    # --- an edit --------------------------------------------------------------------------

    def carry(self, case: CaseReader) -> bool:
        """Take in the claims `case` changed in place since the case this read; False
        (nothing done) when it cannot tell, or something else changed: read it again."""
        tables = self._tables_of(case)
        if tables is None or self._tables is None:
            return False
        if any(a is not b for a, b in zip(tables, self._tables, strict=True)):
            return False
        claims = case.claims(include_rejected=True)
        if claims is self.claims:
            return True
        if len(claims) != len(self.claims):
            return False
        changed = [
            i for i, (a, b) in enumerate(zip(self.claims, claims, strict=True)) if a is not b
        ]
        if len(changed) > max(64, len(claims) // 4) or any(
            self.claims[i].id != claims[i].id for i in changed
        ):
            return False  # read again (most claims): tallying afresh is as quick
        for place in changed:
            self._replace(claims[place])
        self.claims = claims
        if changed:
            self.version += 1
        return True

    def _replace(self, claim: CaseClaim) -> None:
        live = claim if claim.review is not ReviewStatus.REJECTED else None
        reported = False
        for row in self.rows_of.get(claim.id, ()):
            # what `timeline_rows` says of the claim an event reports: gone when rejected
            row = dataclasses.replace(
                row,
                claim_id=live.id if live is not None else None,
                claim_status=live.status.value if live is not None else None,
            )
            reported = reported or live is not None
            self._put(event_item(row, live, self.view))  # an event's dates are its own
        old = self.claim_items.pop(claim.id, None)
        if old is not None:
            self._drop(old)
        if live is not None and not reported:
            new = self._place(live)
            if new is not None:
                self._put(new)

    def _put(self, item: TimelineItem) -> None:
        """`item` in the timeline, in place of the one of the same id and dates if any."""
        key = _key(item)
        old = self.by_key.get(key)
        if old is None:
            bisect.insort(self.order, key)
        else:
            del self.ranked[bisect.bisect_left(self.ranked, shown_first(old))]
        self.by_key[key] = item
        self.key_of[item.id] = key
        bisect.insort(self.ranked, shown_first(item))

    def _drop(self, item: TimelineItem) -> None:
        key = _key(item)
        del self.by_key[key]
        del self.key_of[item.id]
        del self.order[bisect.bisect_left(self.order, key)]
        del self.ranked[bisect.bisect_left(self.ranked, shown_first(item))]

    def __len__(self) -> int:
        return len(self.by_key)

    def chosen(self, limit: int) -> list[TimelineItem]:
        """At most `limit` items, those `shown_first` ranks first, in time order; what
        `TimelinePanel`'s `choose_items` takes of `items()`, in time proportional to `limit`."""
        if len(self.by_key) <= limit:
            return self.items()
        keys = sorted(self.key_of[i] for _, i in self.ranked[:limit])
        return [self.by_key[k] for k in keys]

    # --- the items --------------------------------------------------------------------------

    def items(
        self,
        *,
        actor_ids: Collection[str] | None = None,
        article_id: str | None = None,
    ) -> list[TimelineItem]:
        """The items, earliest first: with `actor_ids`, those involving one of them; with
        `article_id`, those of that article."""
        items = [self.by_key[k] for k in self.order]
        if actor_ids is not None:
            focus = set(actor_ids)
            items = [i for i in items if not focus.isdisjoint(i.actors)]
        if article_id is not None:
            items = [i for i in items if i.article_id == article_id]
        return items


__all__ = ["TimelineTally", "shown_first"]
