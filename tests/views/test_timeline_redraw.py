"""After an edit the Timeline panel sends the new items in the spec it shows (no chart built
again), and what it sends is what a chart built from scratch would be; a note redraws
nothing. Driven from Python on the two-article story (no spaCy), the snapshot carried as
the app carries it after an edit."""

from __future__ import annotations

import json
import re

import pytest
from analysis_builders import actor_id, build_story_case, claim_id

from workbench.analysis import CaseSnapshot
from workbench.views.selection import Context, Selection

TABLES = ("articles", "actors", "events", "relations", "links", "notes", "mentions")


@pytest.fixture
def panel(tmp_path):
    from workbench.views.timeline_view import TimelinePanel

    case = build_story_case(tmp_path / "story.case")
    failures: list[str] = []
    ctx = Context(
        case=case,
        selection=Selection(),
        edited=lambda _message, _panel=None: None,
        failed=failures.append,
        open_case=lambda _name: None,
        busy=lambda _message: None,
    )
    timeline = TimelinePanel(ctx)
    timeline.shown = True
    timeline.refresh()
    yield timeline
    assert failures == []
    case.close()


def edited(panel, claim_ids, *, tables=(*TABLES, "claims")) -> None:
    """What the app does after an edit: a carried snapshot, then the panel's refresh."""
    case = panel.case
    snap = CaseSnapshot(case)
    snap.carry(panel.ctx.snapshot, tables, updated={"claims": [case.claim(i) for i in claim_ids]})
    panel.ctx.snapshot = snap
    panel.refresh()


def full_spec(panel) -> dict:
    from workbench.views.timeline_chart import timeline_chart

    frame, lanes, period, _rows = panel._drawn
    selection = panel.ctx.selection
    chart = timeline_chart(
        frame,
        lane_names=list(lanes),
        period=period,
        actor=selection.actor_id or "",
        claim=selection.claim_id or "",
    )
    return chart.to_dict()


def same_spec(got: dict, want: dict) -> bool:
    """Equal but for the names altair makes up for each chart it builds ("view_<hash>_1")."""

    def text(spec: dict) -> str:
        return re.sub(r"view_[0-9a-f]+_(\d+)", r"view_\1", json.dumps(spec, sort_keys=True))

    return text(got) == text(want)


def test_a_status_change_sends_the_items_in_the_spec_shown(panel):
    case = panel.case
    chart, built = panel.chart, panel.chart.chart
    panel.ctx.selection.actor_id = actor_id(case, "SANA")
    received = claim_id(case, "received")
    case.set_claim_status(received, "false")
    edited(panel, [received])
    assert panel.chart is chart and panel.chart.chart is built  # no chart built again
    frame = panel._drawn[0]
    assert frame[frame["claim_id"] == received]["status"].tolist() == ["false"]
    assert same_spec(panel.chart.spec, full_spec(panel))  # as a chart built from scratch


def test_a_speaker_change_gives_what_a_full_redraw_gives(panel):
    case = panel.case
    officials = claim_id(case, "Egyptian officials")
    case.update_claim(officials, speaker=actor_id(case, "SANA"))
    edited(panel, [officials])
    assert same_spec(panel.chart.spec, full_spec(panel))
    fresh = type(panel)(panel.ctx)
    fresh.shown = True
    fresh.refresh()
    assert fresh._drawn[0].equals(panel._drawn[0])


def test_a_note_redraws_nothing(panel):
    spec = panel.chart.spec
    case = panel.case
    case.add_note(case.claims()[0].id, "called the desk")
    edited(panel, [], tables=(*TABLES[:-2], "mentions", "claims"))
    assert panel.chart.spec is spec
