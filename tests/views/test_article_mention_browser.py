"""The Article tab's *Add mention to…* on a case of more actors than a list shows, in the
Voila app and Debian chromium: the list holds the most named and says so, typing part of
a name finds any actor, the mention is saved to the actor found."""

from __future__ import annotations

import pytest
from browser_steps import PAGE_LOAD, WAIT, screenshot, wait_status
from test_selection_browser import STORY, drag_select

from workbench import Case
from workbench.views.claims_speaker import LISTED

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WITNESSES = LISTED + 10  # actors the case knows besides the story's own


def test_a_mention_added_to_an_actor_found_by_typing(voila_server, watched_page, screenshots):
    with Case.open(voila_server.case_path) as case:  # the app opens on this case
        story = case.add_article(STORY, published="2016-10-17")
        for n in range(WITNESSES):
            case.add_actor(f"Witness Number{n:02d}", "person")
        wanted = next(a for a in case.actors() if a.name == "Witness Number31")
        actors = sum(1 for a in case.actors() if a.status.value != "rejected")
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article", has_text="Kfar Kila").wait_for(timeout=PAGE_LOAD)

    drag_select(page, "The mukhtar")
    page.click(".wb-sel-mention")
    hint = page.locator(".wb-mention-actor-hint")
    hint.filter(has_text=f"most named of {actors} actors").wait_for(timeout=WAIT)
    assert page.locator(".wb-mention-actor select option").count() <= LISTED + 1
    page.locator(".wb-mention-actor-find input").press_sequentially("number31")
    page.wait_for_function(
        "name => { const s = document.querySelector('.wb-mention-actor select');"
        " const o = s && s.options[s.selectedIndex];"
        # the drop-down writes its labels' spaces as no-break spaces
        " return o && o.text.replace(/\\u00a0/g, ' ') === name; }",
        arg="Witness Number31 (person)",
        timeout=WAIT,
    )
    assert page.locator(".wb-mention-actor select option").count() == 1
    screenshot(page, screenshots, "article-add-mention-find")
    page.click(".wb-save-mention")
    wait_status(page, "Saved: Marked «The mukhtar» as Witness Number31")
    with Case.open(voila_server.case_path) as case:
        marked = [m.text for m in case.mentions(actor_id=wanted.id)]
        assert marked == ["The mukhtar"]
        assert all(m.article_id == story.id for m in case.mentions(actor_id=wanted.id))
    assert watched_page.foreign == [], "requests left the machine"
