"""The checking loop in the Claims tab, in the Voila app and Debian chromium: reject a junk
claim, reorder a chain, remove a source link; undo each (the status line says what was
undone) and do it again; reload the page, re-extract the case: every correction kept."""

from __future__ import annotations

import pytest
from browser_steps import PAGE_LOAD, WAIT, open_tab, screenshot, wait_status

from workbench import Case

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MEE_URL = "https://www.middleeasteye.net/news/syria-mamlouk-cairo"


def row(page, claim_id: str):
    return page.locator(f'.wb-claim-list tr.wb-tbl-row[data-id="{claim_id}"]')


def click_row(page, claim_id: str, words: str) -> None:
    row(page, claim_id).click()
    page.locator(".wb-claim-details-box", has_text=words[:30]).wait_for(timeout=WAIT)


def claims_of(path):
    with Case.open(path) as case:
        return {c.id: c for c in case.claims(include_rejected=True)}


def test_reject_reorder_unlink_undo_and_all_kept(voila_server, watched_page, screenshots):
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    open_tab(page, "Claims")
    page.locator(".wb-claim-list tr.wb-tbl-row").first.wait_for(timeout=WAIT)

    path = voila_server.case_path
    claims = claims_of(path)
    junk = next(
        c for c in claims.values() if c.text == "Syrian officials had traveled to the country"
    )
    relayed = next(c for c in claims.values() if "first public visit" in c.text)
    with Case.open(path) as case:
        names = {a.id: a.name for a in case.actors()}
        afp = next(a for a in case.actors() if "AFP" in a.aliases)
    first, second = (names[a] for a in relayed.channels)

    # the filter box and a header click work in the page
    page.fill(".wb-claims-panel .wb-tbl-search", "first public")
    page.locator(".wb-claim-list tr.wb-tbl-row").nth(1).wait_for(state="detached", timeout=WAIT)
    assert page.locator(".wb-claim-list tr.wb-tbl-row").get_attribute("data-id") == relayed.id
    page.fill(".wb-claims-panel .wb-tbl-search", "")
    row(page, junk.id).wait_for(timeout=WAIT)
    page.click(".wb-claim-list th[data-column='words']")
    page.locator(".wb-claim-list th[aria-sort='ascending']").wait_for(timeout=WAIT)
    texts = page.locator(".wb-claim-list tr.wb-tbl-row td:nth-child(4)").all_inner_texts()
    assert texts == sorted(texts, key=str.casefold), texts

    # reject the junk claim: it leaves the table; undo brings it back, and says so
    click_row(page, junk.id, junk.text)
    page.click(".wb-claims-panel .wb-claim-reject")
    wait_status(page, f"Rejected claim {junk.id}")
    row(page, junk.id).wait_for(state="detached", timeout=WAIT)
    assert claims_of(path)[junk.id].review.value == "rejected"
    page.click(".wb-claims-panel .wb-claim-undo")
    wait_status(page, "Undid reject a claim (“Syrian officials had traveled to the country”)")
    row(page, junk.id).wait_for(timeout=WAIT)
    assert claims_of(path)[junk.id].review.value == "extracted"
    click_row(page, junk.id, junk.text)
    page.click(".wb-claims-panel .wb-claim-reject")
    wait_status(page, f"Rejected claim {junk.id}")

    # reorder the chain: the origin moves down one step; undo; again
    click_row(page, relayed.id, relayed.text)
    page.select_option(".wb-claims-panel .wb-chain-steps select", label=f"1. {first} — carried it")
    page.click(".wb-claims-panel .wb-chain-down")
    wait_status(page, f"moved {first} away from the origin")
    assert claims_of(path)[relayed.id].channels == (relayed.channels[1], relayed.channels[0])
    row(page, relayed.id).filter(has_text=f"{first} ← {second}").wait_for(timeout=WAIT)
    page.click(".wb-claims-panel .wb-claim-undo")
    wait_status(page, "Undid update a claim")
    assert claims_of(path)[relayed.id].channels == relayed.channels
    page.select_option(".wb-claims-panel .wb-chain-steps select", label=f"1. {first} — carried it")
    page.click(".wb-claims-panel .wb-chain-down")
    wait_status(page, f"moved {first} away from the origin")

    # two source links; the web address is removed, undone, removed again
    page.select_option(".wb-claims-panel .wb-claim-source select", label=afp.name)
    page.click(".wb-claims-panel .wb-link")
    wait_status(page, f"Linked claim {relayed.id} to {afp.name}")
    page.select_option(".wb-claims-panel .wb-claim-source select", label="(a web address)")
    page.fill(".wb-claims-panel .wb-claim-url input", MEE_URL)
    page.click(".wb-claims-panel .wb-link")
    wait_status(page, f"Linked claim {relayed.id} to {MEE_URL}")
    page.select_option(".wb-claims-panel .wb-link-choice select", label=f"reported by {MEE_URL}")
    page.click(".wb-claims-panel .wb-link-remove")
    wait_status(page, f"Removed the link of claim {relayed.id} to {MEE_URL}")
    with Case.open(path) as case:
        assert [k.actor_id for k in case.links(relayed.id)] == [afp.id]
    page.click(".wb-claims-panel .wb-claim-undo")
    wait_status(page, "Undid remove a source link")
    with Case.open(path) as case:
        assert {k.source for k in case.links(relayed.id)} == {afp.id, MEE_URL}
    page.select_option(".wb-claims-panel .wb-link-choice select", label=f"reported by {MEE_URL}")
    page.click(".wb-claims-panel .wb-link-remove")
    wait_status(page, f"Removed the link of claim {relayed.id} to {MEE_URL}")
    # the picture: the table at the top of the window, the claim's tools under it
    page.locator(".wb-claims-panel").evaluate("panel => panel.scrollIntoView()")
    screenshot(page, screenshots, "claims-checking")

    # re-extraction (here through a second connection, as the command line would) and a
    # new page with a new kernel: every correction is still there
    with Case.open(path) as case:
        case.reextract()
    page.reload(timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    open_tab(page, "Claims")
    row(page, relayed.id).filter(has_text=f"{first} ← {second}").wait_for(timeout=WAIT)
    assert row(page, junk.id).count() == 0  # rejected: hidden
    page.locator(".wb-claims-panel .wb-show-rejected input").check()
    row(page, junk.id).filter(has_text="rejected").wait_for(timeout=WAIT)
    click_row(page, relayed.id, relayed.text)
    links = page.locator(".wb-claim-links")
    links.filter(has_text=afp.name).wait_for(timeout=WAIT)
    assert MEE_URL not in links.inner_text()
    claims = claims_of(path)
    assert claims[junk.id].review.value == "rejected"
    assert claims[relayed.id].channels == (relayed.channels[1], relayed.channels[0])
    with Case.open(path) as case:
        assert [k.actor_id for k in case.links(relayed.id)] == [afp.id]

    # a narrow window: the tools wrap under each other, nothing is cut off at the side
    page.set_viewport_size({"width": 900, "height": 900})
    panel = page.locator(".wb-claims-panel")
    assert panel.evaluate("p => p.scrollWidth <= p.clientWidth + 1")
    screenshot(page, screenshots, "claims-narrow")

    assert watched_page.foreign == [], "requests left the machine"
    assert watched_page.errors == []
    assert watched_page.dialogs == []


def test_an_arabic_passage_proposed_and_linked(voila_server, watched_page, screenshots, root):
    # the English seed and the Arabic piece carrying the same facts, before the app opens
    path = voila_server.case_path
    with Case.open(path) as case:
        case.add_article(str(root / "sample_articles" / "mamlouk-visits-cairo.txt"))
        case.add_article(str(root / "sample_articles" / "mamlouk-visits-cairo-ar.txt"))
        claim = next(c for c in case.claims() if "Sisi received" in c.text)
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    open_tab(page, "Claims")
    click_row(page, claim.id, claim.text)
    page.click(".wb-claims-panel .wb-propose")
    passage = page.locator(".wb-claims-panel .wb-proposals .wb-passage").first
    passage.wait_for(timeout=WAIT)
    marked = passage.locator("mark")
    assert "السيسي" in marked.inner_text()
    assert passage.evaluate("p => getComputedStyle(p).direction") == "rtl"
    assert passage.locator("script, img, a, b").count() == 0
    page.locator(".wb-claims-panel .wb-proposals").scroll_into_view_if_needed()
    screenshot(page, screenshots, "claims-arabic-passage")
    page.locator(".wb-claims-panel .wb-propose-link").first.click()
    wait_status(page, f"Linked claim {claim.id} to the passage of")
    with Case.open(path) as case:
        (link,) = case.links(claim.id)
    assert link.relation.value == "reported_by" and "السيسي" in link.note
    links = page.locator(".wb-claims-panel .wb-claim-links", has_text="mamlouk-visits-cairo-ar [")
    links.wait_for(timeout=WAIT)
    assert watched_page.foreign == [] and watched_page.errors == []
