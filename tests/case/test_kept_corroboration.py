"""Corroboration after a change is brought up to date from the result held, only the claims
the change reaches worked out again (`analysis.corroboration.updated_corroboration`,
`kept_updates.corroboration_reach`), and equals corroboration worked out afresh from the
rows: after each kind of change and its undo, both back ends; and each change below does
change corroboration (with its reach cut, the update is stale), so the checks can fail."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from case_builders import actor_named, first_extraction, fresh_results

from workbench import Case, workflow
from workbench.analysis import corroborate_claims
from workbench.case import kept_updates


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per corroboration of every claim through `Case`."""
    calls: list[int] = []

    def counted(*args, **kwargs):
        calls.append(1)
        return corroborate_claims(*args, **kwargs)

    monkeypatch.setattr(workflow, "corroborate_claims", counted)
    return calls


def _claim(case: Case, words: str) -> str:
    return next(c.id for c in case.claims() if words in c.text)


def _linked(case: Case) -> Case:
    """The story with links to web pages: one on AFP's site (AFP the case's media actor
    while it is one), one on a site no outlet has, and one to an actor; on a claim that
    neither AFP nor SANA passed on (their channels reach other claims)."""
    claim = _claim(case, "their political stances")
    case.link_source(claim, "https://www.afp.com/en/news/1", relation="corroborates")
    case.link_source(claim, "https://example.org/post", relation="contradicts")
    case.link_source(claim, actor_named(case, "SANA").id)
    return case


# each change, chosen so that it changes corroboration
CHANGES: dict[str, Callable[[Case], object]] = {
    # AFP no longer a media actor: its channel and the page on its site change source
    "actor type": lambda c: c.update_actor(actor_named(c, "AFP").id, type="person"),
    # a name the gazetteer does not know: SANA's channel is no longer state media
    "actor name": lambda c: c.update_actor(actor_named(c, "SANA").id, name="Damascus Wire"),
    "merge": lambda c: c.merge_actors(actor_named(c, "AFP").id, actor_named(c, "SANA").id),
    "link": lambda c: c.link_source(
        _claim(c, "political stances"), actor_named(c, "AFP").id, relation="contradicts"
    ),
    "unlink": lambda c: c.unlink_source(c.links()[0].id),
    "article outlet": lambda c: c.update_article("sisi-receives-syrian-envoy", outlet="Reuters"),
}


def _corroboration(case: Case) -> object:
    found = case.corroboration()
    case._store.settle()
    return found


@pytest.mark.parametrize("change", list(CHANGES))
def test_after_each_change_and_its_undo_corroboration_is_updated(
    story: Case, computed: list[int], change: str
) -> None:
    case = _linked(story)
    before = _corroboration(case)
    assert before == fresh_results(case)["corroboration"]
    calls = len(computed)
    CHANGES[change](case)
    after = _corroboration(case)
    assert after == fresh_results(case)["corroboration"]
    assert after != before  # the change reached corroboration
    case.undo()
    assert _corroboration(case) == fresh_results(case)["corroboration"]
    assert len(computed) == calls  # updated each time, never worked out whole


@pytest.mark.parametrize("change", list(CHANGES))
def test_with_the_reach_cut_the_update_is_stale(
    story: Case, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """The update's reach is what makes it right: with no claim, actor or article reached,
    every change above leaves it unlike a fresh result."""
    case = _linked(story)
    _corroboration(case)
    monkeypatch.setattr(
        workflow,
        "corroboration_reach",
        lambda store, entries: (
            None
            if kept_updates.corroboration_reach(store, entries) is None
            else (set(), set(), set())
        ),
    )
    CHANGES[change](case)
    assert _corroboration(case) != fresh_results(case)["corroboration"]


def test_a_write_that_does_not_tell_its_rows_computes_it_whole(
    story: Case, computed: list[int]
) -> None:
    _corroboration(story)
    calls = len(computed)
    with story._store.write("a test's own statement") as tx:
        # a statement run as it is, its rows not told
        tx.execute("UPDATE articles SET outlet = 'SANA' WHERE outlet IS NOT NULL")
    assert _corroboration(story) == fresh_results(story)["corroboration"]
    assert len(computed) == calls + 1


def test_a_merge_across_the_case_is_updated_its_rows_noted_once(
    story: Case, computed: list[int]
) -> None:
    """A merge of two outlets named across the case: each row it writes is noted once
    (though written as it was and as it is), so a merge of the two most-named outlets of
    a 5,000-article case (3,500 mentions, 2,000 claims) stays under the rows a commit notes
    (`touched.MAX_NOTED_ROWS`) and its corroboration is updated like the others', not
    worked out whole (1.0 s of CPU there; measured, not built here: minutes of adding)."""
    for number in range(40):
        extraction = first_extraction()
        article = dataclasses.replace(
            extraction.article,
            id=f"{extraction.article.id}-{number}",
            text=extraction.article.text + f" (copy {number})",
        )
        story.add_extraction(dataclasses.replace(extraction, article=article))
    case = _linked(story)
    before = _corroboration(case)
    calls = len(computed)
    case.merge_actors(actor_named(case, "AFP").id, actor_named(case, "SANA").id)
    for rows in case._store._journal[-1].ids.values():
        ids = [tuple(sorted(row.items())) for row in rows]
        assert all(a != b for a, b in zip(ids, ids[1:], strict=False))  # each noted once
    after = _corroboration(case)
    assert after == fresh_results(case)["corroboration"] != before
    case.undo()
    assert _corroboration(case) == fresh_results(case)["corroboration"]
    assert len(computed) == calls  # updated each time, never worked out whole
