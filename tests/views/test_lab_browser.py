"""The workbench notebook in JupyterLab, as `workbench lab` opens it, in Debian chromium."""

from __future__ import annotations

import pytest
from browser_steps import (
    PAGE_LOAD,
    WAIT,
    add_hostile_article,
    check_claim,
    network_drawn,
    nothing_executed,
    open_tab,
    screenshot,
    split_and_merge,
    timeline_drawn,
)

from workbench import Case

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTE = "checked in JupyterLab"


def run_all(page) -> None:
    """Wait for the kernel, then Run > Run All Cells, and wait for the app."""
    page.locator(".jp-Notebook").first.wait_for(timeout=PAGE_LOAD)
    page.get_by_text("| Idle").first.wait_for(timeout=PAGE_LOAD)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    news = page.locator(".jp-Notification-Toast button", has_text="No")
    if news.count():
        news.first.click()  # "get notified about Jupyter news?": no


def test_lab_notebook_offline_edits_persist(lab_server, watched_page, screenshots):
    page = watched_page.page
    page.goto(lab_server.url + "lab/tree/workbench.ipynb", timeout=PAGE_LOAD)
    run_all(page)
    assert "Mamlouk" in page.locator(".wb-article").inner_text()

    actor_id = split_and_merge(page, lab_server.case_path)
    claim_id, afp_id = check_claim(page, lab_server.case_path, NOTE)
    assert network_drawn(page) > 3
    assert timeline_drawn(page) > 3
    add_hostile_article(page)
    nothing_executed(page)
    screenshot(page, screenshots, "jupyterlab")

    with Case.open(lab_server.case_path) as case:
        assert case.actor(actor_id).status.value == "confirmed"
        assert case.claim(claim_id).status.value == "disputed"
        assert [k.actor_id for k in case.links(claim_id)] == [afp_id]

    page.reload(timeout=PAGE_LOAD)  # the page's widgets are gone; the case file is not
    run_all(page)  # the cell again, in the same kernel: the app comes back with the edits
    open_tab(page, "Claims")  # the tab draws when it opens: wait for its list
    page.locator(".wb-claim-list tr.wb-tbl-row", has_text="disputed").wait_for(timeout=WAIT)

    assert watched_page.foreign == [], "requests left the machine"
    assert watched_page.errors == []
    assert watched_page.dialogs == []


def test_lab_in_a_narrow_window_opens_quickly_and_fits(lab_server, watched_page, screenshots):
    """800 px wide: the app answers soon after Run All, and no panel sticks out of its cell."""
    import time

    page = watched_page.page
    page.set_viewport_size({"width": 800, "height": 900})
    page.goto(lab_server.url + "lab/tree/workbench.ipynb", timeout=PAGE_LOAD)
    page.locator(".jp-Notebook").first.wait_for(timeout=PAGE_LOAD)
    page.get_by_text("| Idle").first.wait_for(timeout=PAGE_LOAD)
    started = time.monotonic()
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    open_tab(page, "Summary")
    page.locator(".wb-summary-panel table").first.wait_for(timeout=PAGE_LOAD)
    print(f"JupyterLab: Run All to a panel answering a click {time.monotonic() - started:.1f} s")
    page.locator(".wb-status-line", has_text="Added the sample").wait_for(timeout=PAGE_LOAD)
    for title in ("Claims", "Load", "Article"):
        open_tab(page, title)
        panel = page.locator(f".wb-{title.lower()}-panel")
        panel.wait_for(timeout=WAIT)
        page.wait_for_timeout(500)  # the layout settles after the tab's content arrives
        screenshot(page, screenshots, f"lab-800-{title.lower()}")
        sticking_out = page.evaluate(
            """() => {
            const cell = document.querySelector('.wb-app').closest('.jp-OutputArea-output');
            const edge = cell.getBoundingClientRect().right;
            const within = (el) => {
              for (let up = el.parentElement; up && up !== cell; up = up.parentElement) {
                if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) {
                  return up.getBoundingClientRect().right <= edge + 1;
                }
              }
              return false;
            };
            return [...document.querySelectorAll('.wb-app *')]
              .filter((el) => {
                const box = el.getBoundingClientRect();
                return box.width > 0 && box.right > edge + 1 && !within(el);
              })
              .map((el) => String(el.className).slice(0, 60));
          }"""
        )
        assert sticking_out == [], (title, sticking_out[:5])
    assert watched_page.errors == [] and watched_page.foreign == []
