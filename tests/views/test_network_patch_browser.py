"""After an edit the network sends only the nodes and edges it changed, and the page lays
them over the drawing it shows: in Debian chromium at 1440x900, an actor renamed from
outside the app (the case opened a second time, as the command line would) reaches the
page through the app's watcher; its dot takes the new name in place. No node moves, the
view keeps the person's zoom, and the drawing is not sent or fitted again. No page error."""

from __future__ import annotations

import re

import pytest
from browser_steps import (
    PAGE_LOAD,
    WAIT,
    network_drawn,
    network_settled,
    open_tab,
    read_case,
    screenshot,
    timeline_drawn,
)

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
    # the person zooms in with the wheel: a drawing sent again would open fitted, at
    # another scale (and the canvas keeps a zoomed view through a resize)
    box = page.locator(".wb-network-canvas canvas").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    fitted = page.evaluate(STATE)["scale"]
    page.mouse.wheel(0, -240)
    page.wait_for_function(f"() => ({STATE})().scale > {fitted} * 1.05", timeout=WAIT)
    network_settled(page)
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


SWAPS = """() => Number(document.querySelector(".wb-timeline-chart").dataset.wbSwaps || 0)"""
LANES = """() => [...document.querySelectorAll(
    ".wb-timeline-panel svg g.role-axis-label text")].map((t) => t.textContent)"""


def drag_strip(page, start: float, stop: float) -> None:
    """Drag across the timeline's overview strip from `start` to `stop` of its width, and
    wait for the Claims tab to say the dates."""
    timeline_drawn(page)
    strip = page.locator(".wb-timeline-panel svg g.mark-group.role-scope").first
    background = strip.locator("path.background").first
    background.scroll_into_view_if_needed(timeout=WAIT)
    frame = background.bounding_box()
    y = frame["y"] + frame["height"] / 2
    page.mouse.move(frame["x"] + start * frame["width"], y)
    page.mouse.down()
    page.mouse.move(frame["x"] + stop * frame["width"], y, steps=8)
    page.mouse.up()
    open_tab(page, "Claims")
    label = page.locator(".wb-claims-panel small", has_text=re.compile(r"dates \d{4}-"))
    label.first.wait_for(timeout=WAIT)


@pytest.fixture
def crowded(voila_server):
    """The story and forty wire reports a day apart (the zoom test's case), before the page
    opens: a network and a timeline with something to brush and to merge."""
    import datetime

    from analysis_builders import build_story_case
    from test_timeline_zoom_browser import REPORTS, report

    case = build_story_case(voila_server.case_path)
    first = datetime.date(2016, 10, 1)
    for n in range(REPORTS):
        case.add_extraction(report(n, first + datetime.timedelta(days=n)))
    case.close()
    return voila_server


def test_a_brush_then_a_merge_elsewhere(crowded, watched_page, screenshots):
    """A brushed range narrows the network (drawn whole: another question); a merge of two
    speakers made elsewhere leaves the timeline's lanes without the merged one, its items
    in the kept one's lane, in the chart shown (swapped in, not embedded again)."""
    from collections import Counter

    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    voila_server = crowded
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    every = network_drawn(page)
    drag_strip(page, 0.3, 0.6)  # a third of the days
    network_drawn(page)
    # the tab may show its last drawing until the kernel's redraw for the range arrives
    page.wait_for_function(
        "every => { const c = document.querySelector('.wb-network-canvas');"
        " return c && +c.dataset.nodes > 0 && +c.dataset.nodes < every; }",
        arg=every,
        timeout=WAIT,
    )
    network_settled(page)
    screenshot(page, screenshots, "network-after-a-brush")

    case, actors, _rows = read_case(voila_server.case_path)
    quoted = Counter(c.speaker for c in case.claims() if c.speaker)
    names = {a.id: a.name for a in actors}
    keep, other = (a for a, _ in quoted.most_common(2))
    case.close()
    open_tab(page, "Timeline")
    page.locator(".wb-timeline-chart").wait_for(timeout=WAIT)
    swaps = page.evaluate(SWAPS)
    assert names[other] in page.evaluate(LANES)
    with Case.open(voila_server.case_path) as elsewhere:
        elsewhere.merge_actors(keep, other)
    page.wait_for_function(f"() => ({SWAPS})() > {swaps}", timeout=WAIT)
    page.wait_for_function(f"(gone) => !({LANES})().includes(gone)", arg=names[other], timeout=WAIT)
    assert names[keep] in page.evaluate(LANES)
    screenshot(page, screenshots, "timeline-after-a-merge")
    assert watched_page.errors == [] and watched_page.foreign == []
