"""A timeline tally carried over claim edits gives the items a fresh read of the case gives.

The app redraws the timeline after an edit from a snapshot carried from the last one
(`CaseSnapshot.carry`): `TimelineTally.carry` builds again only the edited claims' items.
Each test edits a real case, carries the tally, and compares it with `timeline_items` of
the same state (the full rebuild).
"""

from __future__ import annotations

import pytest
from analysis_builders import actor_id, build_story_case, claim_id

from workbench.analysis import CaseSnapshot
from workbench.analysis.timeline_items import timeline_items
from workbench.analysis.timeline_tally import TimelineTally

TABLES = ("articles", "actors", "events", "relations", "links", "notes", "mentions")


def carried(case, older: CaseSnapshot, claim_ids) -> CaseSnapshot:
    """What the app reads after an edit to `claim_ids`: those claims again, the rest kept."""
    snap = CaseSnapshot(case)
    snap.carry(older, (*TABLES, "claims"), updated={"claims": [case.claim(i) for i in claim_ids]})
    return snap


def same(tally: TimelineTally, snap: CaseSnapshot) -> None:
    assert tally.items() == timeline_items(snap)
    sana = actor_id(snap.case, "SANA")
    assert tally.items(actor_ids=[sana]) == timeline_items(snap, actor_ids=[sana])
    article = snap.articles()[0].id
    assert tally.items(article_id=article) == timeline_items(snap, article_id=article)


@pytest.fixture
def case(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    yield case
    case.close()


def test_status_and_speaker_changes_carried_are_a_fresh_read(case):
    snap = CaseSnapshot(case)
    tally = TimelineTally(snap)
    # a claim a dated event reports ("received ... in Cairo") and one placed by publication
    for fragment in ("received", "Egyptian officials", "coordinate"):
        claim = claim_id(case, fragment)
        case.set_claim_status(claim, "false")
        later = carried(case, snap, [claim])
        assert tally.carry(later)
        same(tally, later)
        case.update_claim(claim, speaker=actor_id(case, "SANA"))
        snap, later = later, carried(case, later, [claim])
        assert tally.carry(later)
        same(tally, later)
        assert any(i.claim_id == claim and i.claim_status == "false" for i in tally.items())
        snap = later


def test_a_rejected_claim_leaves_and_comes_back(case):
    snap = CaseSnapshot(case)
    tally = TimelineTally(snap)
    for fragment in ("received", "coordinate"):
        claim = claim_id(case, fragment)
        case.update_claim(claim, review="rejected")
        later = carried(case, snap, [claim])
        assert tally.carry(later)
        same(tally, later)
        assert not any(i.claim_id == claim for i in tally.items())
        case.update_claim(claim, review="confirmed")
        snap = carried(case, later, [claim])
        assert tally.carry(snap)
        same(tally, snap)
        assert any(i.claim_id == claim for i in tally.items())


def test_a_note_changes_nothing_and_a_case_read_afresh_is_compared(case):
    snap = CaseSnapshot(case)
    tally = TimelineTally(snap)
    case.add_note(case.claims()[0].id, "called the desk")
    later = CaseSnapshot(case)
    later.carry(snap, (*TABLES[:-2], "mentions", "claims"))
    assert tally.carry(later) and tally.version == 0
    case.update_actor(actor_id(case, "Ali Mamlouk"), name="Ali Mamluk")
    fresh = CaseSnapshot(case)  # every table read again: records compared by value
    assert tally.carry(fresh) and tally.version == 1
    same(tally, fresh)
    assert any("Ali Mamluk" in i.actor_names for i in tally.items())
    # plain reads (not snapshots) cannot be compared: read again
    assert not tally.carry(case)


def test_the_items_chosen_are_those_of_the_whole_list(case):
    from workbench.views.timeline_view import choose_items

    snap = CaseSnapshot(case)
    tally = TimelineTally(snap)
    claim = claim_id(case, "coordinate")
    for limit in (1, 2, 3, 100):
        assert tally.chosen(limit) == choose_items(tally.items(), limit)
    case.set_claim_status(claim, "corroborated")  # a checked claim is chosen first
    later = carried(case, snap, [claim])
    assert tally.carry(later)
    for limit in (1, 2, 3, 100):
        assert tally.chosen(limit) == choose_items(timeline_items(later), limit)
    assert tally.chosen(1)[0].claim_id in {claim, claim_id(case, "received"),
                                           claim_id(case, "Egyptian officials")}  # fmt: skip
    # an event's claim and a claim of its own no longer chosen before the others
    officials, received = claim_id(case, "Egyptian officials"), claim_id(case, "received")
    case.set_claim_status(officials, "unverified")
    case.set_claim_status(received, "unverified")
    again = carried(case, later, [officials, received])
    assert tally.carry(again)
    for limit in (1, 2, 3, 100):
        assert tally.chosen(limit) == choose_items(timeline_items(again), limit)
