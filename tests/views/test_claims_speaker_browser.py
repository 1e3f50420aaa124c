"""The Claims tab's speaker picker in the Voila app and Debian chromium, by keyboard: type
part of a name in the find box, the short list offers the matches (the claim's own
speaker first), Tab to the list, Tab to the button, Enter: the speaker is set."""

from __future__ import annotations

import pytest
from browser_steps import PAGE_LOAD, WAIT, open_tab, screenshot, wait_status

from workbench import Case
from workbench.views.claims_speaker import LISTED, best_matches

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_speaker_found_by_typing_and_set_by_keyboard(voila_server, watched_page, screenshots):
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    open_tab(page, "Claims")
    page.locator(".wb-claim-list tr.wb-tbl-row").first.wait_for(timeout=WAIT)
    path = voila_server.case_path
    with Case.open(path) as case:
        claim = next(c for c in case.claims() if "first public visit" in c.text)
        live = [a for a in case.actors() if a.status.value != "rejected"]
        mamlouk = best_matches(live, "mamlo")[0]  # the best match of what is typed
        assert "Mamlouk" in mamlouk.name
    page.locator(f'.wb-claim-list tr.wb-tbl-row[data-id="{claim.id}"]').click()
    page.locator(".wb-claim-details-box", has_text=claim.text[:30]).wait_for(timeout=WAIT)

    select = page.locator(".wb-claims-panel .wb-claim-speaker select")
    find = page.locator(".wb-claims-panel .wb-claim-speaker-find input")
    find.click()
    find.press_sequentially("mamlo")
    # the list follows the typing: the match chosen, no more than the short list
    select.locator("option", has_text=mamlouk.name).first.wait_for(state="attached", timeout=WAIT)
    page.wait_for_function(
        "name => { const s = document.querySelector('.wb-claims-panel .wb-claim-speaker select');"
        " const o = s && s.options[s.selectedIndex];"
        # the drop-down writes its labels' spaces as no-break spaces
        " return o && o.text.replace(/\\u00a0/g, ' ') === name; }",
        arg=mamlouk.name,
        timeout=WAIT,
    )
    assert select.locator("option").count() <= LISTED + 3
    page.locator(".wb-claims-panel").evaluate("panel => panel.scrollIntoView()")
    page.locator(".wb-claims-panel .wb-claim-speaker-find").scroll_into_view_if_needed()
    screenshot(page, screenshots, "claims-speaker-picker")

    page.keyboard.press("Tab")  # to the list
    assert select.evaluate("s => s === document.activeElement")
    page.keyboard.press("Tab")  # to the button
    page.keyboard.press("Enter")
    wait_status(page, f"the speaker is now {mamlouk.name}")
    with Case.open(path) as case:
        assert case.claim(claim.id).speaker == mamlouk.id
    assert watched_page.foreign == [], "requests left the machine"
