"""Reads frozen out of the collector's passes (`reader._long_lived`, `gc.freeze`) are still
let go once dropped, even in a cycle: a snapshot and its `CaseView` refer to each other,
and `gc.freeze` moved such a dropped read into a generation never collected. A memo made
after each change kept every earlier memo's read alive (bench_case's 20,000-article curve
reached 15.6 GB)."""

from __future__ import annotations

import gc
import weakref

import pytest
from analysis_builders import build_story_case

from workbench import Case
from workbench.analysis import CaseSnapshot, CaseView, reader


@pytest.fixture
def freezing(monkeypatch):
    """Every whole read frozen (the story case is far below 10,000 records), and a thawed
    collection each time the frozen objects grew at all; the process's frozen objects
    thawed before and after (what other tests of this worker froze is theirs, not ours)."""
    gc.unfreeze()
    monkeypatch.setattr(reader, "FROZEN_AT", 1)
    monkeypatch.setattr(reader, "THAWED_WHEN", 1.0)
    monkeypatch.setattr(reader, "_frozen_after_pass", 0)
    yield
    gc.unfreeze()


def test_a_dropped_read_in_a_cycle_is_freed_after_a_later_freeze(tmp_path, freezing):
    with build_story_case(tmp_path / "c.case") as case:
        dropped = []
        for _ in range(6):
            snap = CaseSnapshot(case)
            snap.claims()  # read whole: frozen
            CaseView.of(snap)  # the snapshot holds its view, the view its snapshot
            dropped.append(weakref.ref(snap))
            del snap
        CaseSnapshot(case).claims()  # a later read, frozen in its turn
        gc.collect()
        # the last loop's snapshot may be frozen with the later read; the older ones were
        # thawed and collected (all six stayed before: a frozen cycle is never collected)
        assert sum(ref() is not None for ref in dropped) <= 1


def test_memos_after_a_colleagues_edits_leave_no_older_read(tmp_path, freezing, monkeypatch):
    """A memo carries its read to the next (`MemoReads`) after this connection's own edits;
    after another connection's it reads the case whole again, and the read it drops is in
    a cycle: each such memo kept one whole read before (the curve's memo on a case opened
    again too)."""
    made = []
    taken = CaseSnapshot.__init__

    def counted(self, case):
        taken(self, case)
        made.append(weakref.ref(self))

    monkeypatch.setattr(CaseSnapshot, "__init__", counted)
    path = tmp_path / "c.case"
    build_story_case(path).close()
    with Case.open(path) as colleague, Case.open(path) as case:
        claim = case.claims()[0]
        for i in range(8):
            colleague.set_claim_status(claim.id, ["disputed", "corroborated"][i % 2])
            case.export(tmp_path / f"memo{i}.html")
        gc.collect()
        alive = sum(ref() is not None for ref in made)
    assert len(made) >= 8  # a whole read for each memo
    # the last memo's read is kept with the case for the next memo, and the one before it
    # may stay until a later read's pass (what died since it dropped the count of frozen
    # objects below the last pass's); every memo's stayed before
    assert alive <= 2, f"{alive} of {len(made)} memo reads still alive"
