"""The classroom app as a person meets it: Voila with our template, in Debian chromium."""

from __future__ import annotations

import re
import time

import pytest
from browser_steps import (
    HOSTILE_NAME,
    PAGE_LOAD,
    WAIT,
    add_hostile_article,
    brush_timeline,
    check_claim,
    network_drawn,
    network_settled,
    nothing_executed,
    nothing_executed_in_frames,
    open_tab,
    rename_to_hostile,
    screenshot,
    split_and_merge,
    timeline_drawn,
)

from workbench import Case

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTE = "Egypt denies it; <i>no</i> second source yet"


def test_voila_app_offline_edits_persist(voila_server, watched_page, screenshots):
    page = watched_page.page
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    assert "Mamlouk" in page.locator(".wb-article").inner_text()
    tabs = page.locator(".wb-app .lm-TabBar-tab").all_inner_texts()
    assert "Summary" in tabs and "Tasks" not in tabs  # a journalist's case: no class tasks
    screenshot(page.locator(".wb-app"), screenshots, "article")

    actor_id = split_and_merge(page, voila_server.case_path)
    screenshot(page.locator(".wb-app"), screenshots, "actors")
    claim_id, afp_id = check_claim(page, voila_server.case_path, NOTE)
    screenshot(page.locator(".wb-app"), screenshots, "claims")

    assert network_drawn(page) > 3
    network_settled(page)  # the picture shows the final layout
    screenshot(page.locator(".wb-app"), screenshots, "network")
    assert timeline_drawn(page) > 3
    screenshot(page.locator(".wb-app"), screenshots, "timeline")
    claims = brush_timeline(page)  # a person drags across the chart
    assert re.search(r"dates \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}", claims)
    page.click(".wb-claims-panel button:has-text('Clear dates')")
    open_tab(page, "Sources")
    page.locator(".wb-source-list tr.wb-tbl-row").first.wait_for(timeout=WAIT)
    screenshot(page.locator(".wb-app"), screenshots, "sources")
    open_tab(page, "Summary")
    screenshot(page.locator(".wb-app"), screenshots, "summary")

    # the edits are in the case file, read by another connection
    with Case.open(voila_server.case_path) as case:
        assert case.actor(actor_id).status.value == "confirmed"
        assert case.claim(claim_id).status.value == "disputed"
        assert [n.text for n in case.notes(claim_id)] == [NOTE]
        assert [k.actor_id for k in case.links(claim_id)] == [afp_id]

    add_hostile_article(page)
    nothing_executed(page)
    hostile_id = rename_to_hostile(page, voila_server.case_path)
    listed = page.locator(".wb-actors-table").inner_text().replace("\xa0", " ")
    assert HOSTILE_NAME in listed  # as text in the table
    assert network_drawn(page) > 0  # the name is a node's label and title now
    nothing_executed_in_frames(page)
    with Case.open(voila_server.case_path) as case:
        assert case.actor(hostile_id).name == HOSTILE_NAME
    open_tab(page, "Load")
    screenshot(page.locator(".wb-app"), screenshots, "load")

    # a new page, a new kernel: the same case, edits kept
    page.reload(timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    nothing_executed(page)  # the hostile article is the latest, shown first
    nothing_executed_in_frames(page)
    # a tab draws when it opens: wait for its list to arrive from the kernel
    open_tab(page, "Actors")
    page.locator(".wb-actors-table td", has_text="confirmed").first.wait_for(timeout=WAIT)
    open_tab(page, "Claims")
    page.locator(".wb-claim-list tr.wb-tbl-row", has_text="disputed").wait_for(timeout=WAIT)

    assert watched_page.foreign == [], "requests left the machine"
    assert watched_page.errors == []
    assert watched_page.dialogs == []


def test_a_warm_kernel_serves_the_page_with_the_case_already_open(tmp_path, watched_page):
    """`workbench app --warm-kernels 1`: the visitor gets a kernel that ran the notebook
    before they came (Voila's pre-heated kernel), the app answers, and the next visitor's
    kernel is started for them."""
    from serving import start_app, stop_app

    from workbench.ingest import read_articles
    from workbench.model import Extraction
    from workbench.views.load_panel import default_samples_dir

    with Case.open(tmp_path / "class.case") as case:  # stored as read: no model needed
        (article,) = read_articles(str(default_samples_dir() / "mamlouk-visits-cairo.txt"))
        case.add_extraction(Extraction(article=article))
    app = start_app(tmp_path, "--warm-kernels", "1")
    try:
        deadline = time.monotonic() + PAGE_LOAD / 1000
        while b"is filled with" not in app.log.read_bytes():  # Voila says so in its log only
            assert time.monotonic() < deadline, "no warm kernel started"
            time.sleep(0.2)
        page = watched_page.page
        page.goto(app.url, timeout=PAGE_LOAD)
        page.locator(".wb-app .wb-article", has_text="Mamlouk").wait_for(timeout=PAGE_LOAD)
        open_tab(page, "Summary")
        page.locator(".wb-summary-panel table").first.wait_for(timeout=WAIT)
        log = app.log.read_text(errors="replace")
        assert "Using pre-heated kernel" in log, log[-2000:]
        app.wait_kernels(2, timeout=PAGE_LOAD / 1000)  # the next visitor's, started after
        assert watched_page.errors == [] and watched_page.foreign == []
    finally:
        stop_app(app)
