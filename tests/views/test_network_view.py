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


def laid_over(whole: dict, changes: dict) -> dict:
    """What the page draws: the drawing sent whole with the changes laid over it (the
    canvas's `patch`)."""
    if changes.get("base") != whole.get("seq"):
        return whole
    found = {}
    for kind in ("nodes", "edges"):
        items = {i["id"]: i for i in whole[kind]}
        for item_id, item in changes[kind].items():
            if item is None:
                items.pop(item_id, None)
            else:
                items[item_id] = item
        found[kind] = items
    return found


def test_a_redraw_after_an_edit_sends_only_what_changed(panel):
    """An actor renamed: the page gets its node and the edges whose tooltips name it, not
    the drawing again; laid over the drawing it has, they make the new drawing. Another
    view (the ego view) is sent whole."""
    case = panel.case
    canvas = panel.canvas
    whole = canvas.whole
    assert whole["nodes"] and canvas.changes == {}
    sana = actor_id(case, "SANA")
    case.update_actor(sana, name="Syrian Arab News Agency")
    panel.ctx.snapshot = None
    panel.refresh()
    assert canvas.whole is whole, "the drawing was sent whole again"
    changes = canvas.changes
    assert set(changes["nodes"]) == {sana}
    assert changes["nodes"][sana]["label"] == "Syrian Arab News Agency"
    assert all(sana in edge_id for edge_id in changes["edges"])
    drawn_now = laid_over(whole, changes)
    for kind in ("nodes", "edges"):
        assert drawn_now[kind] == {i["id"]: i for i in canvas.graph[kind]}
    assert len(json.dumps(changes)) < len(json.dumps(whole)) / 3
    # another edit: the changes since the drawing sent whole, both of them
    mamlouk = actor_id(case, "Ali Mamlouk")
    case.update_actor(mamlouk, name="Ali Mamluk")
    panel.ctx.snapshot = None
    panel.refresh()
    assert canvas.whole is whole and {sana, mamlouk} <= set(canvas.changes["nodes"])
    assert laid_over(whole, canvas.changes)["nodes"] == {i["id"]: i for i in canvas.graph["nodes"]}
    # the ego view is another drawing: sent whole, opened fitted
    panel.actor.value = mamlouk
    panel.focus.value = True
    assert canvas.whole is not whole and canvas.whole["focus"] == mamlouk
    assert canvas.changes == {}
