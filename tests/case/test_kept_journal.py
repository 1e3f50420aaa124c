"""The store's journal of commits (what each touched, by the rows' ids), from which kept
results are brought up to date, holds a bounded number of noted rows: a session of large
merges and undos (thousands of rows noted each) does not hold hundreds of MB of ids. A
result kept before the commits let go is worked out again, and equals a fresh one."""

from __future__ import annotations

from pathlib import Path

import pytest
from case_builders import actor_named, fresh_results

from workbench import Case, workflow
from workbench.analysis import corroborate_claims
from workbench.case import store, touched

ROWS = 5_000  # noted by each large commit below: 200 of them are a million rows


def _large_change(number: int) -> touched.Touched:
    """A commit like a merge of two outlets named across a case: many mentions noted."""
    change = touched.Touched()
    change.updated(
        "mentions",
        ["actor_id"],
        *({"id": f"m{number}-{row}", "actor_id": f"x{number}"} for row in range(ROWS)),
    )
    return change


def test_the_journal_holds_a_bounded_number_of_noted_rows(case_file: Path) -> None:
    with Case.open(case_file) as case:
        kept = case._store
        for number in range(300):
            kept.committed(_large_change(number))
        held = sum(entry.noted_rows() for entry in kept._journal)
        assert 0 < held <= store.JOURNAL_ROWS < 200 * ROWS
        # the newest kept, the oldest let go, and the places of the kept ones still told
        assert kept._journal[-1].ids["mentions"][0]["id"] == "m299-0"
        assert kept._journal_start + len(kept._journal) == 300
        assert kept._journal_rows == held
        # small commits: as many as JOURNAL_LENGTH are held, as before
        for _ in range(store.JOURNAL_LENGTH + 5):
            small = touched.Touched()
            small.updated("actors", ["status"], {"id": "x1"})
            kept.committed(small)
        assert len(kept._journal) == store.JOURNAL_LENGTH
        assert kept._journal_rows == store.JOURNAL_LENGTH


def test_a_result_older_than_the_journal_is_worked_out_again(
    story: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def counted(*args, **kwargs):
        calls.append(1)
        return corroborate_claims(*args, **kwargs)

    monkeypatch.setattr(workflow, "corroborate_claims", counted)
    before = story.corroboration()
    story._store.settle()
    # a bound that the merge's noted rows pass: its entry is let go at once
    monkeypatch.setattr(store, "JOURNAL_ROWS", 1)
    story.merge_actors(actor_named(story, "AFP").id, actor_named(story, "SANA").id)
    assert story._store._journal == []
    after = story.corroboration()
    story._store.settle()
    assert after == fresh_results(story)["corroboration"] != before
    assert len(calls) == 2  # worked out whole, not updated from a journal without the merge
