"""The Network panel driven from Python on the two-article story (no spaCy): clicks select,
the ego view hides the rest, filters, a cap, an empty result in words, small drawings."""

from __future__ import annotations

import dataclasses
import json

import pytest
from analysis_builders import actor_id, build_story_case, claim_id
from timeline_fixtures import story_panel


@pytest.fixture
def panel(tmp_path):
    from workbench.views.network_view import NetworkPanel

    with story_panel(NetworkPanel, tmp_path, shown=True) as network:
        yield network


def drawn(panel) -> set[str]:
    return {n["id"] for n in panel.canvas.graph["nodes"]}


def test_a_click_on_a_node_selects_it_everywhere(panel):
    case, selection = panel.case, panel.ctx.selection
    mamlouk = actor_id(case, "Ali Mamlouk")
    panel.canvas.clicked = {"id": mamlouk, "at": 1}  # what a click on his dot sends
    assert selection.actor_id == mamlouk and panel.actor.value == mamlouk
    panel.canvas.clicked = {"id": "sisi", "at": 2}  # an article's square
    assert selection.article_id == "sisi"
    officials = claim_id(case, "Egyptian officials")
    panel.canvas.clicked = {"id": f"unnamed:{officials}", "at": 3}  # an unnamed source
    assert selection.claim_id == officials
    selected = [n["id"] for n in panel.canvas.graph["nodes"] if n["borderWidth"] > 1]
    assert selected == [mamlouk]


def test_the_ego_view_hides_the_rest_and_follows_the_selection(panel):
    case = panel.case
    everything = drawn(panel)
    mamlouk, afp = actor_id(case, "Ali Mamlouk"), actor_id(case, "AFP")
    panel.focus.value = True
    assert "Select an actor" in panel.canvas.graph["message"]
    panel.ctx.selection.actor_id = mamlouk
    ego = drawn(panel)
    cairo, fawzy = actor_id(case, "Cairo"), actor_id(case, "Khaled Fawzy")
    assert {mamlouk, cairo, fawzy} <= ego < everything  # hidden, not greyed: not sent at all
    assert panel.canvas.graph["focus"] == mamlouk
    assert "hidden" in panel.canvas.graph["message"]
    labels = {e["label"] for e in panel.canvas.graph["edges"]}
    assert {"met", "visited ×2"} <= labels  # a small view: each edge says what it is
    panel.canvas.clicked = {"id": afp, "at": 4}  # another actor clicked: the view moves to it
    assert panel.canvas.graph["focus"] == afp and mamlouk not in drawn(panel)


def test_filters_and_an_empty_result_in_words(panel):
    case = panel.case
    panel.types["media"].value = False
    assert actor_id(case, "AFP") not in drawn(panel)
    panel.article.value = "sisi"
    assert "visit" not in drawn(panel)
    panel.status.value = "false"
    for box in panel.types.values():
        box.value = False
    graph = panel.canvas.graph
    assert graph["nodes"] == [] and graph["message"].startswith("No kind of node is ticked")
    panel.types["article"].value = True
    message = panel.canvas.graph["message"]
    assert message.startswith("Nothing matches only articles;")
    assert "“Sisi receives Syrian envoy”" in message and "claims false" in message


def test_the_cap_and_a_stable_layout(panel):
    first = {n["id"]: (n["x"], n["y"]) for n in panel.canvas.graph["nodes"]}
    panel.cap.value = 10  # the slider's least
    capped = {n["id"]: (n["x"], n["y"]) for n in panel.canvas.graph["nodes"]}
    assert len(capped) == 10 and "most connected" in panel.canvas.graph["message"]
    assert all(capped[i] == first[i] for i in capped)  # nothing moved
    panel.cap.value = 80
    assert {n["id"]: (n["x"], n["y"]) for n in panel.canvas.graph["nodes"]} == first


def test_a_drawing_is_small_and_its_text_is_data(panel):
    graph = panel.canvas.graph
    assert len(json.dumps(graph)) < 20_000  # not a page with vis-network in it
    assert "vis.Network" in panel.canvas._esm  # that came once, with the widget
    titles = [n["title"] for n in graph["nodes"]] + [e["title"] for e in graph["edges"]]
    assert all(isinstance(t, str) for t in titles)  # made text nodes by the canvas, never HTML
    assert any("“Mamluk had met Egyptian officials before”" in t for t in titles)


def test_the_collector_is_held_during_a_redraw_and_back_after(panel, monkeypatch):
    import gc

    import workbench.views.network_view as network_view

    seen = []
    original = network_view.readable_network
    monkeypatch.setattr(
        network_view,
        "readable_network",
        lambda *a, **k: seen.append(gc.isenabled()) or original(*a, **k),
    )
    panel.cap.value = 20  # a redraw
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a caller that had it off keeps it off
    try:
        panel.cap.value = 30
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_actor_edits_and_a_brush_redraw_from_the_carried_tally(tmp_path):
    """In the app, a merge, a rename, an added article and a brushed range move the
    Network's tally (no tally afresh), and what it draws is the network of the case read
    whole."""
    from analysis_builders import visit_extraction

    from workbench.analysis import CaseSnapshot, network_data
    from workbench.views import Workbench

    case = build_story_case(tmp_path / "story.case")
    app = Workbench(case, watch=False)
    try:
        app.show("Network")
        panel = app.panel("Network")
        tally = panel._tally[1]

        def check(date_range=None) -> None:
            assert panel._tally[1] is tally  # carried or brushed, never tallied afresh
            want = network_data(CaseSnapshot(case), date_range=date_range)
            got = panel._filtered(panel.snapshot, panel.kinds())
            assert set(got.nodes) == set(want.nodes) and set(got.edges) == set(want.edges)
            assert {n["id"] for n in panel.canvas.graph["nodes"]} <= {n.id for n in want.nodes}

        def places() -> dict[str, tuple]:
            return {n["id"]: (n["x"], n["y"]) for n in panel.canvas.graph["nodes"]}

        version = tally.version
        before = places()
        case.merge_actors(actor_id(case, "AFP"), actor_id(case, "SANA"))
        app._edited("merged")
        check()
        after = places()
        assert after and all(after[i] == before[i] for i in after.keys() & before.keys())
        case.update_actor(actor_id(case, "AFP"), name="Agence France-Presse")
        app._edited("renamed")
        check()
        assert places() == after  # a new name moves nothing
        assert any(n["label"] == "Agence France-Presse" for n in panel.canvas.graph["nodes"])
        other = visit_extraction()
        again = dataclasses.replace(
            other.article, id="visit-2", text=other.article.text + " Again."
        )
        case.add_extraction(dataclasses.replace(other, article=again))
        app._edited("added")
        check()
        app.ctx.selection.date_range = ("2016-11", "2016-11")
        check(("2016-11", "2016-11"))
        assert tally.version >= version + 4
    finally:
        app.close()
        case.close()
