"""The network and the timeline as a journalist uses them, in Debian chromium at 1440x900:
a click on a node selects the actor in the Actors panel, the ego view hides the rest, a
filter that leaves nothing says so, and claims with no date of their own are on the
timeline, marked as dated by publication. Nothing leaves the machine, no page error."""

from __future__ import annotations

import pytest
from browser_steps import (
    PAGE_LOAD,
    WAIT,
    mamlouk,
    network_drawn,
    network_settled,
    open_tab,
    read_case,
    screenshot,
    timeline_drawn,
)

from workbench.analysis import network_data

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def page_1440(watched_page):
    """The watched page (requests off this machine blocked and recorded) at 1440x900."""
    watched_page.page.set_viewport_size({"width": 1440, "height": 900})
    return watched_page


def drawn_ids(page) -> set[str]:
    return set(
        page.evaluate(
            """() => Object.keys(
                document.querySelector(".wb-network-canvas").__wbNetwork.getPositions())"""
        )
    )


def click_node(page, node_id: str) -> None:
    """Click the dot of `node_id` where vis-network drew it."""
    point = page.evaluate(
        """(id) => {
            const canvas = document.querySelector(".wb-network-canvas");
            const network = canvas.__wbNetwork;
            const at = network.canvasToDOM(network.getPositions([id])[id]);
            const box = canvas.getBoundingClientRect();
            return {x: box.left + at.x, y: box.top + at.y};
        }""",
        node_id,
    )
    page.mouse.click(point["x"], point["y"])


def test_network_and_timeline_read_and_select(voila_server, page_1440, screenshots):
    page = page_1440.page
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    case, actors, rows = read_case(voila_server.case_path)
    actor = mamlouk(actors)
    data = network_data(case)
    case.close()

    # the overview: every node of a small case, laid out by Python, nothing moving
    assert network_drawn(page) == len(data.nodes)
    network_settled(page)
    screenshot(page, screenshots, "network-overview")

    # a click on his dot selects him in every panel: the Actors panel edits him
    click_node(page, actor.id)
    page.locator(".wb-network-panel .widget-dropdown select").first.wait_for(timeout=WAIT)
    page.wait_for_function(
        """(name) => [...document.querySelectorAll(".wb-network-panel select option:checked")]
            .some((o) => o.textContent.replace(/\u00a0/g, " ") === name)""",
        arg=actor.name,
        timeout=WAIT,
    )
    open_tab(page, "Actors")
    name_box = page.locator(".wb-actor-name input")
    page.wait_for_function(
        "([sel, name]) => document.querySelector(sel) && document.querySelector(sel).value === name",
        arg=[".wb-actor-name input", actor.name],
        timeout=WAIT,
    )
    assert name_box.input_value() == actor.name

    # the ego view: he and his neighbours, the rest hidden (not greyed)
    open_tab(page, "Network")
    page.locator(".wb-network-ego input").check()
    page.locator(f".wb-network-canvas[data-focus='{actor.id}']").wait_for(timeout=WAIT)
    network_settled(page)
    assert drawn_ids(page) == {actor.id, *data.neighbours(actor.id)}
    note = page.locator(".wb-network-note").inner_text()
    assert actor.name in note and "hidden" in note
    corner = page.locator(".wb-network-canvas").bounding_box()
    page.mouse.move(corner["x"] + 4, corner["y"] + 4)  # an empty spot: the tooltip goes
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.vis-tooltip')]"
        ".every((t) => t.style.visibility !== 'visible')",
        timeout=WAIT,
    )
    screenshot(page, screenshots, "network-ego")

    # filters that leave nothing: a message in words, not a blank canvas
    page.locator(".wb-network-ego input").uncheck()
    page.select_option(
        ".wb-network-panel .widget-dropdown:has-text('Claims') select", label="false"
    )
    for kind in ("people", "organisations", "media", "countries", "places", "armed groups"):
        page.locator(f".wb-network-panel .widget-checkbox:has-text('{kind}') input").uncheck()
    empty = page.locator(".wb-network-empty")
    empty.wait_for(timeout=WAIT)
    assert "Nothing matches" in empty.inner_text() and "false" in empty.inner_text()
    assert not page.locator(".wb-network-canvas").is_visible()

    # the timeline: claims with no date of their own are there, marked as such
    undated = [r for r in rows if r.dated_by_publication]
    assert undated, "the seed article has claims without a date of their own"
    assert timeline_drawn(page) >= len(undated)
    summary = page.locator(".wb-timeline-summary").inner_text()
    assert f"{len(undated)} claim(s) with no date of their own" in summary
    hollow = page.locator(
        ".wb-timeline-panel svg g.mark-symbol.role-mark path[aria-label*='dated by publication']"
    )
    assert hollow.count() == len(undated)
    screenshot(page, screenshots, "timeline-lanes")

    # zoom: the wheel over the story changes its days (the strip above keeps the whole span)
    story = page.locator(".wb-timeline-panel svg g.mark-group.role-scope").nth(1)
    days = story.locator("g.role-axis-label text")
    before = days.all_text_contents()
    box = story.locator("path.background").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 40)
    page.mouse.wheel(0, 600)
    page.wait_for_function(
        """(before) => {
            const scope = document.querySelectorAll(
                ".wb-timeline-panel svg g.mark-group.role-scope")[1];
            const now = [...scope.querySelectorAll("g.role-axis-label text")]
                .map((t) => t.textContent);
            return JSON.stringify(now) !== JSON.stringify(before);
        }""",
        arg=before,
        timeout=WAIT,
    )

    assert page_1440.foreign == [] and page_1440.errors == []
