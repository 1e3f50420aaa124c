"""Corroboration and similar claims are kept while the case is unchanged (`Store.derived`):
worked out again after any change, by this connection or another, and then the same as a
fresh computation. On both back ends."""

from __future__ import annotations

from pathlib import Path

import pytest
from case_builders import actor_named

from workbench import Case, workflow
from workbench.analysis import corroborate_claims, similar_claims


def claim_with(case: Case, words: str):
    return next(c for c in case.claims() if words in c.text)


def fresh_corroboration(case: Case):
    return corroborate_claims(
        case.claims(include_rejected=True),
        links=case.links(),
        actors=case.actors(),
        articles=case.articles(),
    )


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many times each computation ran."""
    calls = {"corroboration": 0, "similar": 0}

    def corroborate(*args, **kwargs):
        calls["corroboration"] += 1
        return corroborate_claims(*args, **kwargs)

    def similar(*args, **kwargs):
        calls["similar"] += 1
        return similar_claims(*args, **kwargs)

    monkeypatch.setattr(workflow, "corroborate_claims", corroborate)
    monkeypatch.setattr(workflow, "similar_claims", similar)
    return calls


def test_kept_while_the_case_is_unchanged(story: Case, counted: dict[str, int]) -> None:
    first = story.corroboration()
    assert story.corroboration() == first == fresh_corroboration(story)
    pairs = story.similar_claims()
    assert story.similar_claims() == pairs
    story.claims()  # reads change nothing
    story.corroboration()
    story.similar_claims()
    assert counted == {"corroboration": 1, "similar": 1}
    # each caller gets a list of its own: changing it changes nothing kept
    first.clear()
    assert story.corroboration() == fresh_corroboration(story)
    # other arguments are another result
    story.similar_claims(threshold=0.3)
    assert counted["similar"] == 2
    story.similar_claims(threshold=0.3)
    assert counted["similar"] == 2


def test_one_result_is_kept_per_kind(story: Case, counted: dict[str, int]) -> None:
    """The last arguments' only: a threshold tried after another lets the first go."""
    story.corroboration()
    for threshold in (0.3, 0.4, 0.3):
        story.similar_claims(threshold=threshold)
        story._store.settle()  # the case keeps the last one too, once written
    assert counted["similar"] == 3
    # corroboration (and the actor listing it reads), and the last similar claims
    assert sorted(map(str, story._store._derived)) == ["actors", "corroboration", "similar claims"]
    story.corroboration()
    assert counted["corroboration"] == 1


def test_an_edit_and_its_undo_are_brought_up_to_date(story: Case, counted: dict[str, int]) -> None:
    before = story.corroboration()
    claim = claim_with(story, "their political stances")
    afp = actor_named(story, "AFP")
    story.link_source(claim.id, afp.id, relation="contradicts")
    after = story.corroboration()
    # brought up to date from the kept result (the linked claim alone worked out again:
    # tests/case/test_kept_corroboration.py), not worked out whole
    assert counted["corroboration"] == 1
    assert after != before and after == fresh_corroboration(story)
    story.undo()
    assert story.corroboration() == before == fresh_corroboration(story)
    assert counted["corroboration"] == 1


def test_a_change_by_another_connection_is_seen(
    story: Case, case_path: Path | str, counted: dict[str, int]
) -> None:
    before = story.similar_claims(threshold=0.0, per_claim=None)
    claims = story.claims()
    with Case.open(case_path) as other:
        other.reject_claim(claims[0].id)
    after = story.similar_claims(threshold=0.0, per_claim=None)
    assert counted["similar"] == 2
    assert after == similar_claims(story.claims(), threshold=0.0, per_claim=None)
    assert len(after) < len(before)


def test_inside_a_change_nothing_is_kept(story: Case, counted: dict[str, int]) -> None:
    """A change of this thread's own is not counted until it commits: a result worked out
    inside it is neither kept nor taken from what was kept."""
    story.corroboration()
    with story._store.write("look inside a change"):
        story.corroboration()
        story.corroboration()
    assert counted["corroboration"] == 3


def test_inside_a_snapshot_what_is_kept_is_used(story: Case, counted: dict[str, int]) -> None:
    """A read snapshot sees the count its rows were read at: what was kept at that count is
    the same result (the memo reads corroboration inside its snapshot)."""
    with story.snapshot():
        story.corroboration()
        story.corroboration()
    story.corroboration()
    assert counted["corroboration"] == 1
