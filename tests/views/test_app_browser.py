"""The Voila app as a visitor meets it (Debian chromium): it opens with a progress bar while
the sample is extracted, shows no code or notes meant for notebook readers, says what
happened in one status line, follows changes made elsewhere without a reload, and fits a
window 800 px wide."""

from __future__ import annotations

import time

import pytest
from browser_steps import PAGE_LOAD, WAIT, open_tab, screenshot, wait_status
from playwright.sync_api import expect

from workbench import Case

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DEVELOPER_TEXT = ("WORKBENCH_CASE", "The whole app in one cell", "from workbench", "Workbench.open")


def overflowing(page) -> list[str]:
    """Elements of the app that stick out past the window's right edge (an element inside
    a box that scrolls or clips within the window is reachable: not counted)."""
    return page.evaluate(
        """() => {
        const width = document.documentElement.clientWidth;
        const within = (el) => {
          for (let up = el.parentElement; up; up = up.parentElement) {
            const style = getComputedStyle(up);
            if (['auto', 'scroll', 'hidden'].includes(style.overflowX)) {
              return up.getBoundingClientRect().right <= width + 1;
            }
          }
          return false;
        };
        const out = [];
        for (const el of document.querySelectorAll('.wb-app *')) {
          const box = el.getBoundingClientRect();
          if (box.width > 0 && box.height > 0 && box.right > width + 1 && !within(el)) {
            out.push((el.className || el.tagName).toString().slice(0, 80) + ' ' + Math.round(box.right));
          }
        }
        return out.slice(0, 10);
      }"""
    )


def controls_off_their_row(page) -> list[str]:
    """Labelled controls (a label with its drop-down or box) whose control has fallen out
    of its own row: clipped under the next row, it reads as a blank beside its label."""
    return page.evaluate(
        """() => {
        const out = [];
        for (const row of document.querySelectorAll('.wb-app .widget-inline-hbox')) {
          const box = row.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) continue;
          for (const control of row.querySelectorAll(':scope > select, :scope > input')) {
            const c = control.getBoundingClientRect();
            if (c.top < box.top - 1 || c.bottom > box.bottom + 1) {
              const label = row.querySelector('.widget-label');
              out.push((label ? label.textContent : row.className).slice(0, 40));
            }
          }
        }
        return out.slice(0, 10);
      }"""
    )


def test_the_app_opens_says_what_happened_and_follows_changes(
    voila_server, watched_page, screenshots
):
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    started = time.monotonic()
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    # an empty case: the app is shown at once, the sample extracted meanwhile
    page.locator(".wb-app .lm-TabBar-tab").first.wait_for(timeout=PAGE_LOAD)
    shown = time.monotonic() - started
    page.locator(".wb-progress").or_(
        page.locator(".wb-status-line", has_text="Added")
    ).first.wait_for(timeout=WAIT)
    wait_status(page, "Saved: Added the sample article mamlouk-visits-cairo.txt")
    extracted = time.monotonic() - started
    page.locator(".wb-app .wb-article", has_text="Mamlouk").wait_for(timeout=WAIT)
    print(f"app shown after {shown:.1f} s, sample extracted after {extracted:.1f} s")

    # no code, no notes for notebook readers
    text = page.locator("body").inner_text()
    for words in DEVELOPER_TEXT:
        assert words not in text, words
    screenshot(page, screenshots, "app-1440")

    # adding the sample again: nothing added, and said so
    open_tab(page, "Load")
    page.select_option(".wb-sample select", label="mamlouk-visits-cairo.txt")
    page.click(".wb-add-sample")
    wait_status(page, "Nothing added")
    assert "Saved" not in page.locator(".wb-status-line").inner_text()

    # a change made elsewhere (the CLI, another page) shows without a reload
    open_tab(page, "Summary")
    summary = page.locator(".wb-summary-panel")
    summary.locator("table").first.wait_for(timeout=WAIT)
    disputed = summary.locator("tr", has_text="claims disputed").locator("td").nth(1)
    expect(disputed).to_have_text("0")
    with Case.open(voila_server.case_path) as other:
        claim = other.claims()[0]
        other.set_claim_status(claim.id, "disputed")
    expect(disputed).to_have_text("1", timeout=WAIT)  # polled by the kernel, no reload
    wait_status(page, "made elsewhere")

    # exports and undo speak in the one status line
    page.click(".wb-export-md")
    wait_status(page, "Exported: wrote")
    assert page.locator(".wb-status-line a.wb-download").count() == 1
    page.click(".wb-undo")
    wait_status(page, "Nothing undone")  # the visitor's page made no edit of its own
    screenshot(page, screenshots, "app-summary-1440")

    open_tab(page, "Claims")
    page.locator(".wb-claims-panel").wait_for(timeout=WAIT)
    page.locator(".wb-claim-list tr.wb-tbl-row").first.click()
    page.locator(".wb-claim-status select").wait_for(timeout=WAIT)
    screenshot(page, screenshots, "app-claims-1440")
    assert controls_off_their_row(page) == []  # "Status", "Kind", "as" beside their lists

    # a narrow window: every tab fits, nothing clipped
    page.set_viewport_size({"width": 800, "height": 900})
    for title in ("Load", "Article", "Claims", "Summary"):
        open_tab(page, title)
        panel = page.locator(f".wb-{title.lower()}-panel")
        panel.wait_for(timeout=WAIT)  # built in the kernel when its tab first opens
        expect(panel).to_be_visible()
        page.wait_for_timeout(500)  # the layout settles after the tab's content arrives
        screenshot(page, screenshots, f"app-800-{title.lower()}")
        assert overflowing(page) == [], title
        assert controls_off_their_row(page) == [], title
    assert watched_page.errors == [] and watched_page.foreign == []
