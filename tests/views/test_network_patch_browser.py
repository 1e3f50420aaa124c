"""After an edit the network sends only the nodes and edges it changed, and the page lays
them over the drawing it shows: in Debian chromium at 1440x900, an actor renamed from
outside the app (the case opened a second time, as the command line would) reaches the
page through the app's watcher; its dot takes the new name in place. No node moves, the
view keeps the person's zoom, and the drawing is not sent or fitted again. No page error."""

from __future__ import annotations

import pytest
from browser_steps import PAGE_LOAD, WAIT, network_drawn, network_settled, read_case, screenshot

from workbench import Case

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STATE = """() => {
    const canvas = document.querySelector(".wb-network-canvas[data-shown]");
    const network = canvas.__wbNetwork;
    const box = canvas.closest(".wb-network-box").parentElement;
    const nodes = network.body.data.nodes;
    return {
        positions: network.getPositions(),
        scale: network.getScale(),
        patched: Number(box.dataset.patched || 0),
        labels: Object.fromEntries(nodes.get().map((n) => [n.id, n.wbLabel])),
        titles: Object.fromEntries(nodes.get().map((n) => [n.id, n.title.textContent])),
        count: nodes.length,
    };
}"""


def test_a_rename_elsewhere_is_laid_over_the_drawing(voila_server, watched_page, screenshots):
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    assert network_drawn(page) > 3
    network_settled(page)
    # the person zooms in: a drawing sent again would open fitted, at another scale
    page.evaluate(
        """() => { const n = document.querySelector(".wb-network-canvas").__wbNetwork;
                   n.moveTo({scale: n.getScale() * 1.5}); }"""
    )
    before = page.evaluate(STATE)
    case, actors, _rows = read_case(voila_server.case_path)
    actor = next(a for a in actors if a.id in before["labels"])
    case.close()

    with Case.open(voila_server.case_path) as other:
        other.update_actor(actor.id, name="Renamed Elsewhere <b>x</b>")
    # the watcher looks every two seconds, then the canvas gets the changes
    page.wait_for_function(
        f"(id) => ({STATE})().labels[id] === 'Renamed Elsewhere <b>x</b>'",
        arg=actor.id,
        timeout=WAIT,
    )
    after = page.evaluate(STATE)
    assert after["patched"] == before["patched"] + 1
    assert after["positions"] == before["positions"]  # nothing moved
    assert after["scale"] == pytest.approx(before["scale"])  # not fitted again
    assert after["count"] == before["count"]
    assert "Renamed Elsewhere <b>x</b>" in after["titles"][actor.id]  # as text, not markup
    others = {i: v for i, v in after["labels"].items() if i != actor.id}
    assert others == {i: v for i, v in before["labels"].items() if i != actor.id}
    assert page.locator(".wb-network-canvas b").count() == 0
    network_settled(page)
    screenshot(page, screenshots, "network-after-a-rename")
