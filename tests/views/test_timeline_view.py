"""The Timeline panel driven from Python on the two-article story (no spaCy): built on first
show, every claim placed, lanes, the selection as chart parameters, the brush."""

from __future__ import annotations

import subprocess
import sys

import pytest
from analysis_builders import actor_id, claim_id
from timeline_fixtures import story_panel


@pytest.fixture
def panel(tmp_path):
    from workbench.views.timeline_view import TimelinePanel

    with story_panel(TimelinePanel, tmp_path) as timeline:
        yield timeline


def test_the_chart_is_built_on_first_show_and_altair_imported_then():
    code = (
        "import sys\n"
        "from workbench.views.timeline_view import TimelinePanel\n"
        "assert 'altair' not in sys.modules, 'altair imported with the module'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)


def test_hidden_it_draws_nothing_shown_it_places_every_claim(panel):
    panel.refresh()  # its tab is not open: nothing built
    assert panel.chart is None and panel.stale
    panel.shown = True
    panel.refresh()
    assert panel.chart is not None and panel.chart.spec
    frame = panel.drawn_frame
    case = panel.case
    stances, officials = claim_id(case, "stances"), claim_id(case, "Egyptian officials")
    by_publication = frame[frame["dated"] == "dated by publication"]
    assert set(by_publication["id"]) == {stances, officials}
    assert set(by_publication["start"]) == {"2016-10-17"}
    assert "2 claim(s) with no date of their own" in panel.summary.value


def test_lanes_by_actor_or_by_article(panel):
    panel.shown = True
    panel.refresh()
    assert "Saudi Arabia" in set(panel.drawn_frame["lane"])
    panel.lanes.value = "article"
    assert set(panel.drawn_frame["lane"]) == {
        "Syrian security chief visits Cairo",
        "Sisi receives Syrian envoy",
    }


def test_the_selection_is_a_chart_parameter_not_a_new_chart(panel):
    panel.shown = True
    panel.refresh()
    spec = panel.chart.spec
    mamlouk = actor_id(panel.case, "Ali Mamlouk")
    panel.ctx.selection.actor_id = mamlouk
    officials = claim_id(panel.case, "Egyptian officials")
    panel.ctx.selection.claim_id = officials
    assert panel.chart.params.wb_actor == mamlouk and panel.chart.params.wb_claim == officials
    assert panel.chart.spec is spec  # the data was not sent again
    panel.only_actor.value = True  # now the selection filters: a new drawing
    rows = panel.drawn_frame
    assert len(rows) > 0 and all(f"|{mamlouk}|" in ids for ids in rows["actor_ids"])


def test_the_brush_sets_the_shared_date_range(panel):
    from workbench.views.timeline_chart import BRUSH

    panel.shown = True
    panel.refresh()
    # what the browser sends when a person drags across 17-18 October 2016
    panel.chart._vl_selections = {
        BRUSH: {"value": {"start": [1476662400000, 1476748800000]}, "store": []}
    }
    assert panel.ctx.selection.date_range == ("2016-10-17", "2016-10-18")
    panel.chart._vl_selections = {BRUSH: {"value": {}, "store": []}}
    assert panel.ctx.selection.date_range is None


def test_another_case_opens_on_its_own_period_not_the_last_ones(panel, tmp_path):
    """An edit keeps the days the chart opened on; another case is another question."""
    from analysis_builders import build_hostile_case

    panel.shown = True
    panel.refresh()
    story_period, story = panel._drawn[2], panel.ctx.case
    other = build_hostile_case(tmp_path / "other.case")
    try:
        panel.ctx.case = other
        panel.refresh()
        period = panel._drawn[2]
        assert period != story_period
        days = {str(d)[:10] for d in panel.drawn_frame["start"]}
        assert all(str(period[0])[:10] <= day <= str(period[1])[:10] for day in days), period
    finally:
        panel.ctx.case = story
        other.close()
