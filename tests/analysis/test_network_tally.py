"""A network tally carried over claim edits draws what a tally of the edited case draws.

The app redraws the network after an edit from a snapshot carried from the last one
(`CaseSnapshot.carry`): `NetworkTally.carry` takes in only the edited claims. Each test
edits a real case, carries the tally, and compares it with a fresh tally (the full
rebuild) of the same state: the same nodes and edges, and the same drawing.
"""

from __future__ import annotations

import pytest
from analysis_builders import actor_id, build_story_case, claim_id

from workbench.analysis import CaseSnapshot, network_data
from workbench.analysis.network_readable import readable_network
from workbench.analysis.network_tally import NetworkTally

TABLES = ("articles", "actors", "events", "relations", "links", "notes", "mentions")


def carried(case, older: CaseSnapshot, claim_ids) -> CaseSnapshot:
    """What the app reads after an edit to `claim_ids`: those claims again, the rest kept."""
    snap = CaseSnapshot(case)
    snap.carry(older, (*TABLES, "claims"), updated={"claims": [case.claim(i) for i in claim_ids]})
    return snap


def same(carried_tally: NetworkTally, snap: CaseSnapshot, **filters) -> None:
    fresh = NetworkTally(snap, **filters)
    for min_weight in (1, 2):
        got, want = carried_tally.data(min_weight=min_weight), fresh.data(min_weight=min_weight)
        assert set(got.nodes) == set(want.nodes)
        assert set(got.edges) == set(want.edges)
        assert len(got.edges) == len(want.edges) and len(got.nodes) == len(want.nodes)
        assert readable_network(got) == readable_network(want)
    assert fresh.data() == network_data(snap, **filters)  # the tally is network_data's code


@pytest.fixture
def case(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    yield case
    case.close()


@pytest.mark.parametrize("status", [None, "corroborated", "disputed"])
def test_a_status_change_carried_is_a_fresh_tally(case, status):
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap, status=status)
    sources = claim_id(case, "Egyptian officials")
    before = tally.data()
    case.set_claim_status(sources, "corroborated")
    later = carried(case, snap, [sources])
    assert tally.carry(later)
    same(tally, later, status=status)
    if status is not None:  # the claim left or joined the filtered network
        assert tally.data() != before


def test_a_speaker_change_moves_the_attribution_edges(case):
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    received = claim_id(case, "received")
    sana = actor_id(case, "SANA")
    before = set(tally.data().edges)
    case.update_claim(received, speaker=sana)
    later = carried(case, snap, [received])
    assert tally.carry(later)
    same(tally, later)
    assert set(tally.data().edges) != before
    assert any(sana == e.source and received in e.claims for e in tally.data().edges)
    # and back again, from the carried snapshot: edges that went away come back
    case.update_claim(received, speaker="", speaker_text="a Syrian political source")
    again = carried(case, later, [received])
    assert tally.carry(again)
    same(tally, again)


def test_a_rejected_claim_leaves_and_nothing_else_moves(case):
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap, article_id=case.articles()[0].id)
    first = case.claims()[0].id
    case.update_claim(first, review="rejected")
    later = carried(case, snap, [first])
    assert tally.carry(later)
    same(tally, later, article_id=case.articles()[0].id)


def test_an_unchanged_case_keeps_the_same_network_object(case):
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    data = tally.data()
    case.add_note(case.claims()[0].id, "called the desk")
    later = CaseSnapshot(case)
    later.carry(snap, (*TABLES[:-2], "mentions", "claims"))  # the notes are read again
    assert tally.carry(later)
    assert tally.data() is data  # what the panel takes as "nothing to redraw"


def test_an_article_edit_is_tallied_again(case):
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    first = case.articles()[0]
    case.update_article(first.id, title="Renamed")
    assert not tally.carry(CaseSnapshot(case))  # every edge's title may name it: afresh


def test_claim_edits_under_a_date_range_read_the_events_once(case, monkeypatch):
    """Under a brushed range a claim edit places that claim again from the events reporting
    it: the index of those is kept while the events are the same (it was made again from
    every event at each edit: 30,000 at 5,000 articles)."""
    import workbench.analysis.network_tally as module

    calls = []
    real = module.reporting_events
    monkeypatch.setattr(module, "reporting_events", lambda view: calls.append(1) or real(view))
    date_range = ("2016-10-01", "2016-10-31")
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap, date_range=date_range)
    claim = claim_id(case, "Egyptian officials")
    for n, status in enumerate(("corroborated", "disputed", "false")):
        case.set_claim_status(claim, status)
        snap = carried(case, snap, [claim])
        assert tally.carry(snap)
        same(tally, snap, date_range=date_range)
        assert len(calls) <= 1, f"edit {n}: the events read again"
