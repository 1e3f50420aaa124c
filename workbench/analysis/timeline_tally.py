"""The timeline's items kept between edits, so that an edit redraws in time proportional to
the edit, not to the case.

An item depends on one event or one claim, the claim an event reports, the actors it names
and its article. Given a snapshot carried from the one it read (`CaseSnapshot.carry`:
unchanged tables are the same lists, a claim edited in place is a new record at the same
place), `carry` builds again the items of the claims that changed. After an edit that reads
whole tables again (an actor merged, renamed, retyped or rejected, an article added) it
finds the records that changed (by identity, else by value) and builds again the items
that name them: an actor's items, an article's events and claims, the events reporting a
changed claim. The items stay in time order by moving only those. A change to many
records is read again from scratch, which is always right (and as quick then).
"""

from __future__ import annotations

import bisect
import copy
import dataclasses
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from ..case.records import CaseClaim, CaseEvent
from ..model import ReviewStatus
from .reader import CaseReader, CaseSnapshot, CaseView
from .tally_changes import changed_places
from .timeline import TimelineRow, dated_rows, timeline_rows
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
        # event id -> the claim it reports (events not rejected): to move it when it changes
        self.report_of = {e.id: c for c, events in self.reporting.items() for e in events}
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
        # what each item names, to find it again when that changes: item id -> actor ids
        # (as recorded, rejected ones too), and article id -> item ids
        self.names: dict[str, tuple[str, ...]] = {}
        self.by_actor: dict[str, set[str]] = defaultdict(set)
        self.by_article: dict[str, set[str]] = defaultdict(set)
        self.reported_by: dict[str, set[str]] = defaultdict(set)  # claim id -> event ids
        self.claim_of_event: dict[str, str] = {}  # event id -> the claim it reports
        events = {e.id: e for e in view.events}
        claims_by_id = {c.id: c for c in self.claims}
        self.claim_of = claims_by_id  # every claim by id (rejected too), kept by `carry`
        for row in timeline_rows(view.source):
            reports = event_claim.get(row.event_id)
            if reports:
                self.rows_of[reports].append(row)
                self.claim_of_event[row.event_id] = reports
            if row.claim_id is not None:
                reported.add(row.claim_id)
                self.reported_by[row.claim_id].add(row.event_id)
            item = event_item(row, live.get(row.claim_id or ""), view)
            self.by_key[_key(item)] = item
            self._index(item, self._event_names(events[row.event_id], claims_by_id))
        for claim in view.claims:
            if claim.id not in reported and (placed := self._place(claim)) is not None:
                self.by_key[_key(placed)] = placed
                self._index(placed, (claim.speaker or "", *claim.channels))
        self.order = sorted(self.by_key)  # the keys in time order
        self.ranked = sorted(shown_first(i) for i in self.by_key.values())
        self.key_of = {k[2]: k for k in self.by_key}  # item id -> key
        self.version = 0  # moves when `carry` changed something

    @staticmethod
    def _event_names(event: CaseEvent, claims: dict[str, CaseClaim]) -> tuple[str, ...]:
        claim = claims.get(event.claim or "")
        return (*event.actors, claim.speaker or "" if claim is not None else "")

    def _index(self, item: TimelineItem, names: tuple[str, ...]) -> None:
        self.names[item.id] = names
        for actor in names:
            self.by_actor[actor].add(item.id)
        self.by_article[item.article_id].add(item.id)

    def _unindex(self, item: TimelineItem) -> None:
        for actor in self.names.pop(item.id, ()):
            self.by_actor[actor].discard(item.id)
        self.by_article[item.article_id].discard(item.id)

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
            return self._carry_records(case, tables)
        claims = case.claims(include_rejected=True)
        changed = changed_places(self.claims, claims)
        if changed is None:
            return False  # read again (most claims): tallying afresh is as quick
        for place in changed:
            self._replace(claims[place])
        self.claims = claims
        if changed:
            self.version += 1
        return True

    def _replace(self, claim: CaseClaim) -> None:
        self.claim_of[claim.id] = claim
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
            item = event_item(row, live, self.view)  # an event's dates are its own
            names = self.names.get(row.event_id, ("",))
            self._put(item, (*names[:-1], live.speaker or "" if live is not None else ""))
        old = self.claim_items.pop(claim.id, None)
        if old is not None:
            self._drop(old)
        if live is not None and not reported:
            new = self._place(live)
            if new is not None:
                self._put(new, (live.speaker or "", *live.channels))

    def _carry_records(self, case: CaseReader, tables: tuple) -> bool:
        """Take in an edit that read whole tables again: build again the items naming what
        changed (see the module's doc); False when too much changed: read it again."""
        old_view, view = self.view, CaseView.of(case)
        claims = case.claims(include_rejected=True)
        old_articles, old_actors, old_events = self._tables  # type: ignore[misc]
        articles, actors, events = tables
        limit = max(64, len(claims) // 4)
        changed_actors = _changed(old_actors, actors)
        # an actor renamed, retyped or confirmed: its items keep their places
        renamed = _renamed(old_actors, actors, changed_actors)
        changed_actors -= renamed.keys()
        changed_articles = _changed(old_articles, articles)
        new_events: dict[str, CaseEvent] = {}
        events_before: dict[str, CaseEvent] = {}
        changed_events = _changed(old_events, events, new_events, events_before)
        by_place: dict[str, CaseClaim] = {}
        changed_claims = _changed(self.claims, claims, by_place)
        if changed_actors and not changed_articles:
            # an actor merged into another: its items take the kept actor in place
            merged = self._merged(
                old_view,
                view,
                actors,
                changed_actors,
                renamed.keys(),
                (changed_claims, by_place),
                (changed_events, new_events, events_before),
            )
            if merged is not None:
                self._relabel(merged, view, by_place, new_events, renamed)
                self._tables, self.claims = tables, claims
                self.version += 1
                return True
        if (
            len(changed_actors) + len(changed_articles) + len(changed_events)
            + len(changed_claims) > limit
        ):  # fmt: skip
            return False
        # the articles whose events are built again, and the claims placed again
        again: set[str] = set(changed_articles)
        placed: set[str] = set(changed_claims)
        for article in changed_articles:
            placed |= {i for i in self.by_article.get(article, ()) if i in self.claim_items}
        for event_id in changed_events:
            if (record := new_events.get(event_id)) is not None:
                again.add(record.article_id)
            if (key := self.key_of.get(event_id)) is not None:  # drawn before: its article
                again.add(self.by_key[key].article_id)
        for actor in changed_actors:
            for item_id in self.by_actor.get(actor, ()):
                if item_id in self.claim_items:
                    placed.add(item_id)
                else:
                    again.add(self.by_key[self.key_of[item_id]].article_id)
        for claim_id in changed_claims:
            # the events reporting it, before and now: their items show its status
            for event_id in self.reported_by.get(claim_id, ()):
                again.add(self.by_key[self.key_of[event_id]].article_id)
        if changed_claims:
            for event in events:
                if event.claim in changed_claims:
                    again.add(event.article_id)
        if len(again) > limit:
            return False
        self.view = view
        self._rename(renamed, again, placed, view)
        self._report(changed_events, new_events)
        for claim_id in changed_claims:
            if (claim := by_place.get(claim_id)) is None:
                self.claim_of.pop(claim_id, None)
            else:
                self.claim_of[claim_id] = claim
        by_id = self.claim_of
        live = _Live(by_id)
        # the articles' events, built again as `timeline_rows` builds them
        for article in again:
            for item_id in list(self.by_article.get(article, ())):
                if item_id in self.claim_items:
                    continue
                item = self.by_key[self.key_of[item_id]]
                if item.claim_id is not None:
                    self.reported_by[item.claim_id].discard(item.id)
                    placed.add(item.claim_id)
                if (reports := self.claim_of_event.pop(item.id, None)) is not None:
                    rows = self.rows_of[reports]
                    rows[:] = [r for r in rows if r.event_id != item.id]
                    placed.add(reports)
                self._drop(item)
        wanted = [e for e in view.events if e.article_id in again]
        event_of = {e.id: e for e in wanted}
        for row in dated_rows(wanted, view, live):
            event = event_of[row.event_id]
            if event.claim:
                self.rows_of[event.claim].append(row)
                self.claim_of_event[row.event_id] = event.claim
            if row.claim_id is not None:
                self.reported_by[row.claim_id].add(row.event_id)
                placed.discard(row.claim_id)  # drawn as its event: no item of its own
                if (old := self.claim_items.pop(row.claim_id, None)) is not None:
                    self._drop(old)
            self._put(event_item(row, live.get(row.claim_id or ""), view),
                      self._event_names(event, by_id))  # fmt: skip
        for claim_id in placed:
            old = self.claim_items.pop(claim_id, None)
            if old is not None:
                self._drop(old)
            claim = live.get(claim_id)
            if claim is not None and not self.reported_by.get(claim_id):
                new = self._place(claim)
                if new is not None:
                    self._put(new, (claim.speaker or "", *claim.channels))
        self._tables, self.claims = tables, claims
        del old_view
        if again or placed or any(name is not None for name in renamed.values()):
            self.version += 1  # else (a retype, a confirmation) nothing drawn changed
        return True

    def _merged(
        self,
        old_view: CaseView,
        view: CaseView,
        actors: Sequence,
        gone: set[str],
        kept_ids: Collection[str],
        claims: tuple[set[str], dict[str, CaseClaim]],
        events: tuple[set[str], dict[str, CaseEvent], dict[str, CaseEvent]],
    ) -> dict[str, str] | None:
        """The actors merged into others (gone id -> kept id) when that is all that
        changed: the `gone` actors left the case, and every changed claim and event differs
        only by naming the kept actor (one of `kept_ids`, the actors edited in place) in
        their place. None otherwise (built again)."""
        if not all(g in old_view.actors for g in gone) or not gone.isdisjoint(a.id for a in actors):
            return None  # an actor added, rejected or brought back: not a merge
        changed_claims, claim_records = claims
        changed_events, event_records, old_events = events
        pairs: list[tuple[Any, Any, tuple[str, ...]]] = []  # (before, after, actor fields)
        for claim_id in changed_claims:
            pairs.append((self.claim_of.get(claim_id), claim_records.get(claim_id),
                          ("speaker", "channels")))  # fmt: skip
        for event_id in changed_events:
            pairs.append((old_events.get(event_id), event_records.get(event_id), ("actors",)))
        if any(was is None or now is None for was, now, _ in pairs):
            return None  # a record added or removed
        # which actor each gone one went into: the id now where it was
        into: dict[str, str] = {}
        for was, now, _ in pairs:
            speaker = (now.speaker or "") if isinstance(was, CaseClaim) else ""
            if (
                isinstance(was, CaseClaim)
                and was.speaker in gone
                and into.setdefault(was.speaker, speaker) != speaker
            ):
                return None
            lists = (was.channels, now.channels) if isinstance(was, CaseClaim) else (
                was.actors, now.actors)  # fmt: skip
            came = [a for a in lists[1] if a not in lists[0]]
            left = [a for a in lists[0] if a in gone]
            if len(came) == 1 and len(left) == 1 and into.setdefault(left[0], came[0]) != came[0]:
                return None
        if not gone <= into.keys():
            # named only beside the kept actor (a list that lost it): the kept actor took
            # its name as an alias (checked below against every record, like the rest)
            now_of = {a.id: a for a in actors if a.id in kept_ids}
            for g in gone - into.keys():
                took = [k for k, a in now_of.items() if old_view.actors[g].name in a.aliases]
                if len(took) == 1:
                    into[g] = took[0]
                elif self.by_actor.get(g):
                    return None  # items name it, and nothing says where it went
        for was, now, fields in pairs:
            if not _alike(was, now, fields):
                return None
            for field in fields:
                before, after = getattr(was, field), getattr(now, field)
                if isinstance(before, tuple):
                    if tuple(dict.fromkeys(into.get(a, a) for a in before)) != after:
                        return None
                elif into.get(before or "", before) != after:
                    return None
        for g in gone:
            kept = into.get(g)
            if self.by_actor.get(g) and (
                kept is None or kept not in old_view.actors or kept not in view.actors
            ):
                return None  # its items would name an actor not drawn before or now
        return into

    def _relabel(
        self,
        into: dict[str, str],
        view: CaseView,
        claims: dict[str, CaseClaim],
        events: dict[str, CaseEvent],
        renamed: dict[str, str | None],
    ) -> None:
        """The items naming a merged actor name the kept one, where they are: a merge moves
        no item in time or in the ranking (a speaker quoted in every article: thousands
        of items, which building again and placing again cost seconds)."""
        self.view = view
        self._report(set(events), events)
        for claim_id, claim in claims.items():
            self.claim_of[claim_id] = claim
        for event_id in events:  # the rows kept for claim edits (`_replace`)
            reports = self.claim_of_event.get(event_id)
            if reports is not None:
                self.rows_of[reports] = [
                    _row_named(r, into, view) if r.event_id == event_id else r
                    for r in self.rows_of[reports]
                ]
        for gone, kept in into.items():
            for item_id in self.by_actor.pop(gone, set()):
                key = self.key_of[item_id]
                item = self.by_key[key]
                actors = tuple(dict.fromkeys(into.get(a, a) for a in item.actors))
                new = copy.copy(item)  # as `_rename`: two or three fields set
                object.__setattr__(new, "actors", actors)
                object.__setattr__(new, "actor_names", tuple(view.actor_name(a) for a in actors))
                if item.kind == "claim":  # "speaker: words"
                    claim = self.claim_of[item_id]
                    object.__setattr__(new, "text", f"{view.speaker_label(claim)}: {claim.text}")
                self.by_key[key] = new
                self.names[item_id] = _names_merged(self.names[item_id], into, item.kind)
                self.by_actor[kept].add(item_id)
        self._rename(renamed, set(), set(), view)

    def _report(self, changed: set[str], records: dict[str, CaseEvent]) -> None:
        """`reporting` (claim id -> the events reporting it) with the `changed` events
        (`records`: their new records, none for an event removed) moved; as
        `reporting_events` gives it for the new case, but for the order of a list."""
        for event_id in changed:
            claim_id = self.report_of.pop(event_id, None)
            if claim_id is not None:
                left = [e for e in self.reporting[claim_id] if e.id != event_id]
                if left:
                    self.reporting[claim_id] = left
                else:
                    del self.reporting[claim_id]
            event = records.get(event_id)
            if event is not None and event.claim and event.review is not ReviewStatus.REJECTED:
                self.reporting.setdefault(event.claim, []).append(event)
                self.report_of[event_id] = event.claim

    def _rename(
        self, renamed: dict[str, str | None], again: set[str], placed: set[str], view: CaseView
    ) -> None:
        """The items naming a `renamed` actor (id -> its new name; a type or a review
        changes no item) take its new name where they are: the same days, the same
        place in time and in the ranking (items built again anyway are left alone)."""
        for actor in (a for a, name in renamed.items() if name is not None):
            for item_id in self.by_actor.get(actor, ()):
                key = self.key_of[item_id]
                item = self.by_key[key]
                if item.article_id in again or item_id in placed:
                    continue  # built again below
                names = tuple(view.actor_name(a) for a in item.actors)
                text = item.text
                if item.kind == "claim":  # "speaker: words"
                    claim = self.claim_of[item_id]
                    text = f"{view.speaker_label(claim)}: {claim.text}"
                # a copy with two fields set: `dataclasses.replace` costs ten times more,
                # and a rename reaches every item of a much-quoted actor
                new = copy.copy(item)
                object.__setattr__(new, "actor_names", names)
                object.__setattr__(new, "text", text)
                self.by_key[key] = new

    def _put(self, item: TimelineItem, names: tuple[str, ...]) -> None:
        """`item` in the timeline, in place of the one of the same id and dates if any;
        `names`: the actor ids it names (`_index`)."""
        key = _key(item)
        old = self.by_key.get(key)
        if old is None:
            bisect.insort(self.order, key)
        else:
            del self.ranked[bisect.bisect_left(self.ranked, shown_first(old))]
            self._unindex(old)
        self.by_key[key] = item
        self.key_of[item.id] = key
        bisect.insort(self.ranked, shown_first(item))
        self._index(item, names)

    def _drop(self, item: TimelineItem) -> None:
        key = _key(item)
        del self.by_key[key]
        del self.key_of[item.id]
        del self.order[bisect.bisect_left(self.order, key)]
        del self.ranked[bisect.bisect_left(self.ranked, shown_first(item))]
        self._unindex(item)

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


def _renamed(old: Sequence, new: Sequence, changed: set[str]) -> dict[str, str | None]:
    """Of the `changed` actors, those still there and as live as before (neither rejected
    nor brought back): their id -> their new name, or None when their name is the same
    (a type, a role, a confirmation: nothing an item shows)."""
    if not changed:
        return {}
    before = {a.id: a for a in old if a.id in changed}
    found: dict[str, str | None] = {}
    for actor in new:
        was = before.get(actor.id)
        if was is None:
            continue
        if (was.status is ReviewStatus.REJECTED) != (actor.status is ReviewStatus.REJECTED):
            continue
        found[actor.id] = actor.name if actor.name != was.name else None
    return found


def _changed(
    old: Sequence, new: Sequence, records: dict | None = None, olds: dict | None = None
) -> set[str]:
    """The ids of the records added, removed or changed from `old` to `new` (carried
    records are the same objects: compared by value only when re-read); `records` gets
    the new records of those ids (none for a record removed), `olds` the old ones (none
    for a record added)."""
    if old is new:
        return set()
    found = records if records is not None else {}
    was_of = olds if olds is not None else {}
    common = min(len(old), len(new))
    moved = [k for k in range(common) if old[k] is not new[k]]
    if len(moved) <= max(64, common // 4) and all(old[k].id == new[k].id for k in moved):
        # in place, and maybe some at the end (an article added): no index of the rest
        for k in moved:
            if old[k] != new[k]:
                found[new[k].id] = new[k]
                was_of[old[k].id] = old[k]
        for record in new[common:]:
            found[record.id] = record
        was_of.update((r.id, r) for r in old[common:])
        gone = {r.id for r in old[common:]} - found.keys()
        return set(found) | gone
    before = {r.id: r for r in old}
    for record in new:
        was = before.pop(record.id, None)
        if was is None or (was is not record and was != record):
            found[record.id] = record
            if was is not None:
                was_of[record.id] = was
    was_of.update(before)
    return set(found) | before.keys()


def _alike(was: object, now: object, named: tuple[str, ...]) -> bool:
    """Two records of one id equal but for the actor fields `named` and their edit marks."""
    before, after = vars(was), vars(now)
    skip = {*named, "version", "edited"}
    return before.keys() == after.keys() and all(
        before[k] == after[k] for k in before if k not in skip
    )


def _names_merged(names: tuple[str, ...], into: dict[str, str], kind: str) -> tuple[str, ...]:
    """What `_index` records of an item after a merge: a claim's speaker then its channels,
    an event's actors then its claim's speaker; each list as the merge wrote it."""

    def merged(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(into.get(a, a) for a in ids))

    if kind == "claim":
        return (into.get(names[0], names[0]), *merged(names[1:]))
    return (*merged(names[:-1]), into.get(names[-1], names[-1]))


def _row_named(row: TimelineRow, into: dict[str, str], view: CaseView) -> TimelineRow:
    actors = tuple(dict.fromkeys(into.get(a, a) for a in row.actors))
    names = tuple(view.actor_name(a) for a in actors)
    return dataclasses.replace(row, actors=actors, actor_names=names)


class _Live(Mapping[str, CaseClaim]):
    """The claims not rejected, by id, read through the map of every claim (no copy)."""

    def __init__(self, every: dict[str, CaseClaim]) -> None:
        self.every = every

    def __getitem__(self, key: str) -> CaseClaim:
        claim = self.every[key]
        if claim.review is ReviewStatus.REJECTED:
            raise KeyError(key)
        return claim

    def __iter__(self) -> Iterator[str]:
        return (k for k, c in self.every.items() if c.review is not ReviewStatus.REJECTED)

    def __len__(self) -> int:
        return sum(1 for _ in self)


__all__ = ["TimelineTally", "shown_first"]
