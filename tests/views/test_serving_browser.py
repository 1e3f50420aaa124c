"""A class on `workbench app --visitors own`, in chromium: two students give their names and
each gets a case of their own; neither sees a case box. Pictures for docs/app.md."""

from __future__ import annotations

import pytest
from browser_steps import PAGE_LOAD, WAIT, screenshot
from serving import start_app, stop_app

from workbench import Case

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_two_visitors_each_get_their_own_case(tmp_path, browser, screenshots):
    cases = tmp_path / "cases"
    app = start_app(tmp_path, "--visitors", "own", "--cases-dir", str(cases))
    try:
        pages = []
        for name in ("ada", "bob"):
            # each a browser of its own: fresh cookies, as two students' laptops
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            context.set_default_timeout(WAIT)
            page = context.new_page()
            page.goto(app.url, timeout=PAGE_LOAD)
            page.locator(".wb-visitor-name input").wait_for(timeout=PAGE_LOAD)
            if name == "ada":
                page.fill(".wb-visitor-name input", "ada")
                screenshot(page, screenshots, "visitor-name")
            page.fill(".wb-visitor-name input", name)
            page.click(".wb-visitor-start")
            page.locator(".wb-app .wb-article").wait_for(timeout=WAIT)
            pages.append((context, page))
        page = pages[0][1]
        page.locator(".wb-app .lm-TabBar-tab", has_text="Load").first.click()
        page.locator(".wb-load-panel").wait_for(timeout=WAIT)
        assert page.locator(".wb-case-name").count() == 0  # no way to another case
        screenshot(page, screenshots, "visitor-load")
        assert sorted(p.name for p in cases.glob("*.case")) == ["ada.case", "bob.case"]
        assert not (cases / "workbench.case").exists()  # the starting case is no one's
        for name in ("ada", "bob"):
            with Case.open(cases / f"{name}.case") as case:
                assert len(case.articles()) == 1  # the sample, in each
        # closing a page sends its kernel's shutdown from its unload handler, but
        # `close(run_before_unload=True)` does not wait for the page to go: its browser is
        # closed only once the server has that shutdown (closed at once, it could take the
        # request with it and leave the kernel running: seen once in CI)
        for left, (context, page) in zip(range(len(pages) - 1, -1, -1), pages, strict=True):
            page.close(run_before_unload=True)
            app.wait_kernels(left, timeout=WAIT / 1000)
            context.close()
    finally:
        stop_app(app)

    # the teacher, on a server of their own, compares the two cases
    with Case.open(cases / "ada.case") as case:
        claim = case.claims()[0]
        case.set_claim_status(claim.id, "disputed", note="no second source")
    teacher = start_app(tmp_path / "teacher", "class", "--cases-dir", str(cases))
    try:
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        page.goto(teacher.url, timeout=PAGE_LOAD)
        table = page.locator(".wb-class-view table.wb-class-claims")
        table.wait_for(timeout=PAGE_LOAD)
        assert "disputed" in table.inner_text()
        assert "ada" in page.locator(".wb-class-view table.wb-class-cases").inner_text()
        screenshot(page, screenshots, "class-view")
        context.close()
    finally:
        stop_app(teacher)
    with Case.open(cases / "bob.case") as case:  # read, never written
        assert case.claim(claim.id).status.value != "disputed"
