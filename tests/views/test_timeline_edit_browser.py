"""After an edit the timeline sends its new items in the chart it shows (no chart built
again): in Debian chromium at 1440x900, vega draws them. A claim's status changed from
outside the app (the case opened a second time, as the command line would) reaches the
page through the app's watcher and its carried read, and the claim's mark takes the new
status's colour; no page error."""

from __future__ import annotations

import pytest
from browser_steps import PAGE_LOAD, WAIT, open_tab, read_case, screenshot, timeline_drawn

from workbench import Case
from workbench.views.timeline_chart import STATUS_COLOURS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COUNT = """(colour) => [...document.querySelectorAll(
    ".wb-timeline-panel .vega-embed svg g.mark-symbol.role-mark path")]
    .filter((p) => (p.getAttribute("fill") || "").toLowerCase() === colour
                || (p.getAttribute("stroke") || "").toLowerCase() === colour).length"""


def test_a_status_changed_elsewhere_recolours_its_mark(voila_server, watched_page, screenshots):
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    open_tab(page, "Timeline")
    assert timeline_drawn(page) > 3
    red = STATUS_COLOURS["false"]
    before = page.evaluate(COUNT, red)
    case, _actors, _rows = read_case(voila_server.case_path)
    claim = next(c for c in case.claims() if c.status.value != "false")
    case.close()

    with Case.open(voila_server.case_path) as other:
        other.set_claim_status(claim.id, "false")
    # the watcher looks every two seconds, then the chart is embedded again with the items
    page.wait_for_function(f"(c) => ({COUNT})(c) > {before}", arg=red, timeout=WAIT)
    screenshot(page, screenshots, "timeline-after-an-edit")
