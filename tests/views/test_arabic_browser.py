"""An Arabic article as a person meets it in the Voila app: right to left, its actors
marked, its claims listed, its labels in the network; no request leaves the machine."""

from __future__ import annotations

import pytest
from browser_steps import PAGE_LOAD, WAIT, open_tab, screenshot

from workbench import Case

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_an_arabic_article_reads_right_to_left(voila_server, watched_page, screenshots, root):
    # the case holds the Arabic sample before the app opens it (no English model needed)
    with Case.open(voila_server.case_path) as case:
        case.add_article(str(root / "sample_articles" / "mamlouk-visits-cairo-ar.txt"))
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    article = page.locator('.wb-app .wb-article[dir="rtl"][lang="ar"]')
    article.wait_for(timeout=PAGE_LOAD)
    assert "علي مملوك" in article.inner_text()
    assert article.evaluate("e => getComputedStyle(e).direction") == "rtl"
    mamlouk = article.locator(".wb-actor.wb-person", has_text="علي مملوك").first
    assert mamlouk.get_attribute("title").startswith("Ali Mamlouk (person")
    assert "language Arabic" in page.locator(".wb-article-panel").inner_text()
    screenshot(page, screenshots, "arabic-article")

    open_tab(page, "Claims")
    # the claims table shows the Arabic claim with its speaker's Latin name
    claim = page.locator(".wb-claim-list tr.wb-tbl-row", has_text="الجانبين «اتفقا").first
    claim.wait_for(state="attached", timeout=WAIT)
    cells = [c.strip() for c in claim.locator("td").all_inner_texts()]
    assert cells[1:3] == ["not checked", "Syrian Arab News Agency"], cells
    screenshot(page, screenshots, "arabic-claims")

    open_tab(page, "Actors")
    page.locator(".wb-app", has_text="Agence France-Presse").first.wait_for(timeout=WAIT)
    screenshot(page, screenshots, "arabic-actors")
    assert watched_page.foreign == []
