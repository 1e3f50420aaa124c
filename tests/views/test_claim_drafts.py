"""What a person typed for one claim never ends up on another, and is never lost silently."""

from __future__ import annotations

import pytest

from workbench.views import Workbench

pytestmark = pytest.mark.slow  # the real spaCy model extracts the seed article


@pytest.fixture
def app(seed_case):
    app = Workbench(seed_case)
    app.show("Claims")
    yield app
    app.case.close()


def test_a_note_typed_for_one_claim_is_not_saved_on_the_next(app):
    claims = app.panel("Claims")
    first, second = app.case.claims()[:2]
    claims.choose(first.id)
    claims.note.value = "checked with the ministry"
    claims.link_note.value = "their statement"
    app.selection.claim_id = second.id  # chosen elsewhere (the article, the sources)
    assert claims.current == second.id
    assert claims.note.value == claims.link_note.value == ""
    claims.status_button.click()
    assert "checked with the ministry" not in str(app.case.claim(second.id))


def test_an_unsaved_text_edit_is_not_moved_and_is_reported(app):
    claims = app.panel("Claims")
    first, second = app.case.claims()[:2]
    claims.choose(first.id)
    claims.text.value = "a corrected <b>wording</b>"
    app.selection.claim_id = second.id
    assert claims.text.value == second.text
    status = app.status.value
    assert f"unsaved text edit of claim {first.id} was discarded" in status
    assert "<b>wording" not in status
    assert app.case.claim(first.id).text == first.text


def test_a_draft_survives_a_redraw_of_the_same_claim_and_choosing_without_edits_is_quiet(app):
    claims = app.panel("Claims")
    first, second = app.case.claims()[:2]
    claims.choose(first.id)
    claims.choose(second.id)
    assert "discarded" not in app.status.value
    claims.text.value = "a corrected wording"
    claims.status.value = "disputed"
    claims.status_button.click()  # an edit: the panel is redrawn on the same claim
    assert "Saved" in app.status.value
    assert claims.text.value == "a corrected wording"
    claims.text_button.click()
    assert app.case.claim(second.id).text == "a corrected wording"
