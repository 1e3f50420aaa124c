"""After an edit the Timeline panel sends the new items in the spec it shows (no chart built
again), and what it sends is what a chart built from scratch would be; a note redraws
nothing. Driven from Python on the two-article story (no spaCy), the snapshot carried as
the app carries it after an edit."""

from __future__ import annotations

import json
import re

import pytest
from analysis_builders import actor_id, claim_id
from timeline_fixtures import story_panel

from workbench.analysis import CaseSnapshot

TABLES = ("articles", "actors", "events", "relations", "links", "notes", "mentions")


@pytest.fixture
def panel(tmp_path):
    from workbench.views.timeline_view import TimelinePanel

    with story_panel(TimelinePanel, tmp_path, shown=True) as timeline:
        yield timeline


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
    frame = panel.drawn_frame
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
    assert fresh.drawn_frame.equals(panel.drawn_frame)


def test_a_note_redraws_nothing(panel):
    spec = panel.chart.spec
    case = panel.case
    case.add_note(case.claims()[0].id, "called the desk")
    edited(panel, [], tables=(*TABLES[:-2], "mentions", "claims"))
    assert panel.chart.spec is spec


def only_data_differs(old: dict, new: dict) -> bool:
    """What the page checks before swapping data into the chart shown (timeline_widget):
    equal once the datasets and the selection's parameter values are left out."""

    def strip(spec: dict) -> str:
        def drop(part):
            if isinstance(part, dict):
                if part.get("name") in ("wb_actor", "wb_claim") and "value" in part:
                    return {**part, "value": None}
                return {k: drop(v) for k, v in part.items() if k != "datasets"}
            if isinstance(part, list):
                return [drop(v) for v in part]
            return part

        return json.dumps(drop(spec), sort_keys=True)

    return strip(old) == strip(new)


def test_an_actor_merge_changes_only_the_data_the_page_swaps_in(panel):
    """A merge moves a lane's items to another lane: the lanes come with the data, so the
    page swaps them into the chart shown and keeps the zoom and the brush."""
    case = panel.case
    spec = panel.chart.spec
    case.merge_actors(actor_id(case, "SANA"), actor_id(case, "AFP"))
    panel.ctx.snapshot = CaseSnapshot(case)  # every table read again
    panel.refresh()
    assert panel.chart.spec is not spec and only_data_differs(spec, panel.chart.spec)
    assert "AFP" not in set(panel.drawn_frame["lane"])
    assert same_spec(panel.chart.spec, full_spec(panel))


def test_the_page_code_swaps_data_into_the_view_shown():
    from workbench.views.timeline_widget import chart_class, patched

    chart = chart_class()
    assert chart.__name__ == "TimelineChart"  # altair's code was found and patched
    source = chart._esm if isinstance(chart._esm, str) else chart._esm.default_value
    assert 'model.on("change:spec",wbSwap)' in source and "view.change(" in source
    assert patched("not altair's code") is None  # another altair: embedded again, as before


def test_the_same_items_drawn_again_are_not_placed_again(panel, monkeypatch):
    """An edit that leaves the items drawn as they were (at 5,000 articles an added article's
    claims are not among the 800 drawn) reuses the records made for them: placing their
    labels was most of the redraw."""
    import workbench.views.timeline_view as view

    made = []
    real = view.timeline_records
    monkeypatch.setattr(view, "timeline_records", lambda *a, **k: made.append(1) or real(*a, **k))
    shown = panel.tally().items()
    by, period = panel.lanes.value, panel._drawn[2]
    assert panel._records(shown, by, period) is panel._made[3]  # the drawing shown: kept
    panel._made = None
    first = panel._records(shown, by, period)
    assert panel._records(list(shown), by, period) is first and made == [1]
    assert panel._records(shown[1:], by, period) is not first and made == [1, 1]
    assert panel._records(shown, "article", period) is not first and len(made) == 3
