"""The actors panel's merge, confirm and reject buttons over a hand-built case (no NLP):
one click is one action in the case file, undone by one undo, all or nothing."""

from __future__ import annotations

import pytest
from case_builders import actor_named

from workbench import Case
from workbench.model import ReviewStatus


@pytest.fixture
def actors_panel(story: Case):
    from workbench.views import Workbench

    app = Workbench(story)
    app.show("Actors")
    return app.panel("Actors")


def test_merging_three_selected_actors_is_one_action(story: Case, actors_panel) -> None:
    ids = [actor_named(story, n).id for n in ("SANA", "AFP", "Al-Akhbar")]
    entries = len(story.history())
    actors_panel.choose(*ids)
    actors_panel.merge_button.click()
    assert len(story.history()) == entries + 1
    assert len({a.id for a in story.actors()} & set(ids)) == 1
    story.undo()  # the whole click, not half of it
    assert {a.id for a in story.actors()} >= set(ids)


@pytest.mark.parametrize(
    ("button", "status"),
    [("confirm_button", ReviewStatus.CONFIRMED), ("reject_button", ReviewStatus.REJECTED)],
)
def test_confirming_or_rejecting_several_is_one_action(
    story: Case, actors_panel, button: str, status: ReviewStatus
) -> None:
    ids = [actor_named(story, n).id for n in ("AFP", "Syria", "Cairo")]
    entries = len(story.history())
    actors_panel.choose(*ids)
    getattr(actors_panel, button).click()
    assert {story.actor(i).status for i in ids} == {status}
    assert len(story.history()) == entries + 1
    story.undo()
    assert {story.actor(i).status for i in ids} == {ReviewStatus.EXTRACTED}


def test_a_failed_confirm_changes_none_of_the_selected(story: Case, actors_panel) -> None:
    ids = [actor_named(story, n).id for n in ("AFP", "Syria")]
    actors_panel.choose(*ids)
    story.merge_actors(actor_named(story, "SANA").id, ids[1])  # gone before the click
    actors_panel.confirm_button.click()
    assert story.actor(ids[0]).status is ReviewStatus.EXTRACTED
