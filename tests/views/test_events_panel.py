"""The Events panel driven from Python: the events as a table in date order, a date, its
precision and range fixed, a claim attached, an event rejected and confirmed again; each
edit one action against the version seen, a stale one refused and the table read again."""

from __future__ import annotations

import pytest

from workbench import Case
from workbench.views import Workbench
from workbench.views.events_panel import date_label

pytestmark = pytest.mark.slow  # the real spaCy model extracts the seed article


@pytest.fixture
def app(seed_case):
    app = Workbench(seed_case)
    yield app
    app.case.close()


def october_8(case):
    return next(e for e in case.events() if e.date_text.endswith("October 8"))


def test_the_events_in_date_order_with_their_precision(app):
    app.show("Events")
    events = app.panel("Events")
    table = events.table
    stored = app.case.events()
    assert sorted(table.shown_ids()) == sorted(e.id for e in stored)
    firsts = [app.case.event(i).date.first for i in table.shown_ids()]
    assert firsts == sorted(firsts)  # the story in order
    event = october_8(app.case)
    row = table.row(event.id)
    assert (row.cell("date"), row.cell("precision"), row.cell("words")) == (
        "2016-10-08",
        "day",
        event.date_text,
    )
    assert row.cell("status") == "found by the machine"
    table.choice_values = {"precision": "month"}
    assert all(app.case.event(i).precision.value == "month" for i in table.shown_ids())


def test_fix_date_precision_range_claim_then_reject_and_confirm(app):
    app.show("Events")
    events = app.panel("Events")
    event = october_8(app.case)
    events.select_event(event.id)
    assert events.date.value == "2016-10-08" and not events.save_button.disabled
    assert app.selection.article_id == event.article_id

    events.date.value = "2016-10"
    events.precision.value = "approximate"
    events.date_end.value = "2016-10-15"
    events.summary.value = "UN Security Council vote"
    claim = next(c for c in app.case.claims() if c.article_id == event.article_id)
    events.claim.value = claim.id
    entries = len(app.case.history())
    events.save_button.click()
    assert "Saved: Event" in app.status.value, app.status.value
    assert len(app.case.history()) == entries + 1  # one action
    stored = app.case.event(event.id)
    assert (stored.date.isoformat(), stored.precision.value) == ("2016-10", "approximate")
    assert (stored.date_end.isoformat(), stored.summary, stored.claim) == (
        "2016-10-15",
        "UN Security Council vote",
        claim.id,
    )
    assert (
        events.table.row(event.id).cell("date") == date_label(stored) == ("2016-10 to 2016-10-15")
    )
    assert events.table.row(event.id).cell("claim").startswith(claim.id)

    events.reject_button.click()
    assert app.case.event(event.id).review.value == "rejected"
    assert event.id not in events.table.shown_ids()  # hidden unless asked for
    events.show_rejected.value = True
    assert events.table.row(event.id).muted
    events.select_event(event.id)
    events.confirm_button.click()
    assert app.case.event(event.id).review.value == "confirmed"
    # the timeline and the article see it
    app.show("Article")
    assert f'data-event="{event.id}"' in app.panel("Article").view.html


def test_a_stale_event_edit_is_refused_and_read_again(app):
    app.show("Events")
    events = app.panel("Events")
    event = october_8(app.case)
    events.select_event(event.id)
    with Case.open(app.case.path) as other:
        other.update_event(event.id, summary="changed in another tab")
    events.summary.value = "changed here"
    events.save_button.click()
    assert "✘" in app.status.value
    assert "changed since you saw it (summary now “changed in another tab”)" in app.status.value
    assert app.case.event(event.id).summary == "changed in another tab"
    assert events.table.row(event.id).cell("summary") == "changed in another tab"
    assert events.summary.value == "changed in another tab"  # the editor shows it now
    events.date.value = "   "
    events.save_button.click()
    assert "✘" in app.status.value and "date" in app.status.value
