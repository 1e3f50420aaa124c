"""In the Voila app and Debian chromium, at 1440x900: tick claims in the Claims table and
reject them with one visible button (one undo brings them back); a ticked claim changed
meanwhile refuses the action in plain words; a claim and an event the person added are
marked apart in the Article panel, with their legend entry."""

from __future__ import annotations

import pytest
from browser_steps import PAGE_LOAD, WAIT, open_tab, screenshot, wait_status

from workbench import Case

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def row(page, claim_id: str):
    return page.locator(f'.wb-claim-list tr.wb-tbl-row[data-id="{claim_id}"]')


def claims_of(path):
    with Case.open(path) as case:
        return {c.id: c for c in case.claims(include_rejected=True)}


def test_bulk_reject_undo_stale_refusal_and_added_marks(voila_server, watched_page, screenshots):
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    path = voila_server.case_path

    # a claim and an event added by a person (in another session: the app notices)
    with Case.open(path) as case:
        said = "has yet to make any official statements"
        article = next(a for a in case.articles() if said in a.text)
        words = next(c for c in case.claims() if "first public visit" in c.text).text
        start = article.text.index(said)
        added = case.add_claim(article.id, start, start + len(said))
        day = case.events(article_id=article.id)[0]
        event = case.add_event(article.id, day.start, day.end, "2016-10-17")
    page.locator(f'.wb-article .wb-claim.wb-added[data-claim="{added.id}"]').first.wait_for(
        timeout=WAIT
    )
    page.locator(f'.wb-article .wb-date.wb-added[data-event="{event.id}"]').first.wait_for(
        timeout=WAIT
    )
    assert page.locator(".wb-legend .wb-added-key").inner_text() == "added by you"
    extracted = next(c for c in claims_of(path).values() if c.text == words)
    mark = page.locator(f'.wb-article .wb-claim[data-claim="{extracted.id}"]').first
    assert "wb-added" not in (mark.get_attribute("class") or "")
    page.locator(".wb-legend .wb-added-key").scroll_into_view_if_needed()
    screenshot(page, screenshots, "article-added-marks")

    # tick two claims: the bar under the table says so; reject them with one click
    open_tab(page, "Claims")
    page.locator(".wb-claim-list tr.wb-tbl-row").first.wait_for(timeout=WAIT)
    ids = page.locator(".wb-claim-list tr.wb-tbl-row").evaluate_all(
        "rows => rows.slice(0, 2).map(r => r.dataset.id)"
    )
    for claim_id in ids:
        row(page, claim_id).locator("input.wb-tbl-tick").click()
    page.locator(".wb-claims-panel .wb-ticked-count", has_text="2 ticked").wait_for(timeout=WAIT)
    assert page.locator(".wb-claims-panel .wb-bulk-reject").is_enabled()
    screenshot(page, screenshots, "claims-ticked")
    page.click(".wb-claims-panel .wb-bulk-reject")
    wait_status(page, "2 claims rejected (one undo puts them back)")
    for claim_id in ids:
        row(page, claim_id).wait_for(state="detached", timeout=WAIT)
    assert {claims_of(path)[i].review.value for i in ids} == {"rejected"}
    page.click(".wb-claims-panel .wb-claim-undo")
    wait_status(page, "Undid update claims")
    for claim_id in ids:
        row(page, claim_id).wait_for(timeout=WAIT)
    assert {claims_of(path)[i].review.value for i in ids} == {"extracted"}

    # ticked again; another tab gives one of them a status meanwhile: refused, in words
    # (the claim last clicked is chosen again as it comes back: tick what is not ticked)
    for claim_id in ids:
        row(page, claim_id).locator("input.wb-tbl-tick").check(timeout=WAIT)
    page.locator(".wb-claims-panel .wb-ticked-count", has_text="2 ticked").wait_for(timeout=WAIT)
    with Case.open(path) as other:
        other.set_claim_status(ids[1], "false")
    page.click(".wb-claims-panel .wb-bulk-accept")
    wait_status(page, "was changed since you saw it (status now false)")
    status = page.locator(".wb-status-line").inner_text()
    assert "review" not in status and "unverified" not in status
    assert {claims_of(path)[i].review.value for i in ids} == {"extracted"}
    screenshot(page, screenshots, "claims-stale-refusal")


def test_shift_arrows_extend_a_selection_and_reach_the_kernel(
    voila_server, watched_page, screenshots
):
    """Words selected with the mouse, then Shift+arrows: each step is reported (the kernel's
    bar follows), and the browser's selection survives the redraw that marks the words."""
    from test_selection_browser import drag_select

    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    words = "Syrian officials had traveled"
    drag_select(page, words)
    bar = page.locator(".wb-selection-bar")
    page.locator(".wb-article [data-picked]").first.wait_for(timeout=WAIT)  # redrawn, marked
    for _ in range(len(" to the")):
        page.keyboard.press("Shift+ArrowRight")
    bar.filter(has_text=f"«{words} to the»").wait_for(timeout=WAIT)
    for _ in range(len(" the")):
        page.keyboard.press("Shift+ArrowLeft")
    bar.filter(has_text=f"«{words} to»").wait_for(timeout=WAIT)
    with Case.open(voila_server.case_path) as case:
        article = next(a for a in case.articles() if words in a.text)
    start = article.text.index(words)
    bar.filter(has_text=f"({start}–{start + len(words) + 3})").wait_for(timeout=WAIT)
    screenshot(page, screenshots, "article-keyboard-selection")
