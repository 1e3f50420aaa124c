"""The classroom exercise in chromium: a student served by `workbench app --visitors own`
checks a task (not yet), does it in the Claims tab, checks again (done); the teacher's
class view, on a server of its own, shows the task done for that student.
Pictures for docs/classroom.md."""

from __future__ import annotations

import pytest
from browser_steps import PAGE_LOAD, WAIT, open_tab, screenshot, wait_status
from serving import start_app, stop_app

from workbench import Case
from workbench.views import exercise

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def single_source_claim(case_path) -> str:
    with Case.open(case_path) as case:
        article = exercise.find_articles(case).first
        (claim,) = exercise._claims_over(case, article, exercise.SINGLE_SOURCE)
        return claim.id


def test_a_student_completes_a_task_and_the_teacher_sees_it(
    tmp_path, browser, screenshots, extractor
):
    from workbench.views.claims_rows import STATUS_WORDS

    # the teacher's starting case: the two reports, extracted once before the lesson
    with Case.open(tmp_path / "class.case") as starting:
        starting._extractor_cache = extractor
        exercise.add_articles(starting)
    cases = tmp_path / "cases"
    app = start_app(tmp_path, "--visitors", "own", "--cases-dir", str(cases))
    try:
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        context.set_default_timeout(WAIT)
        page = context.new_page()
        page.goto(app.url, timeout=PAGE_LOAD)
        page.locator(".wb-visitor-name input").wait_for(timeout=PAGE_LOAD)
        page.fill(".wb-visitor-name input", "ada")
        page.click(".wb-visitor-start")
        page.locator(".wb-app").wait_for(timeout=WAIT)

        open_tab(page, "Tasks")
        task = page.locator(".wb-task-single-source")
        task.wait_for(timeout=WAIT)
        page.click(".wb-task-check-single-source")
        result = task.locator(".wb-task-result")
        result.filter(has_text="Not yet").wait_for(timeout=WAIT)
        # asked once the kernel has answered the click (after drawing the tab): no Add
        # button, the reports came with the case
        assert page.locator(".wb-tasks-add").is_hidden()

        # the task, done as a student does it: the claim, its status and a note
        claim_id = single_source_claim(cases / "ada.case")
        open_tab(page, "Claims")
        page.locator(f'.wb-claim-list tr[data-id="{claim_id}"]').click()
        page.locator(".wb-claim-details-box", has_text="two men had been seen").wait_for(
            timeout=WAIT
        )
        page.select_option(".wb-claim-status select", label=STATUS_WORDS["unverifiable"])
        page.fill(".wb-claim-note textarea", "one unnamed security source, via Reuters only")
        page.click(".wb-set-status")
        wait_status(page, "Saved")

        open_tab(page, "Tasks")
        page.click(".wb-task-check-single-source")
        result.filter(has_text="Done").wait_for(timeout=WAIT)
        assert "✔" in result.inner_text()
        page.click(".wb-task-check-merge")  # another task, not done: says so
        page.locator(".wb-task-merge .wb-task-result", has_text="Not yet").wait_for(timeout=WAIT)
        screenshot(page, screenshots, "tasks")
        page.close(run_before_unload=True)
        context.close()
    finally:
        stop_app(app)

    teacher = start_app(tmp_path / "teacher", "class", "--cases-dir", str(cases))
    try:
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        page.goto(teacher.url, timeout=PAGE_LOAD)
        row = page.locator('.wb-class-view table.wb-class-progress tr[data-case="ada"]')
        row.wait_for(timeout=PAGE_LOAD)
        assert row.locator(".wb-task-done").count() == 1
        assert "1 of 4" in row.inner_text()
        key = page.locator(".wb-answer-key pre")
        assert not key.is_visible()  # folded: a class may see the teacher's screen
        screenshot(page, screenshots, "class-progress")
        page.locator(".wb-answer-key", has_text="Answer key").first.click()
        key.filter(has_text="Nadia Saleh").wait_for(timeout=WAIT)
        page.locator(".wb-answer-key").first.scroll_into_view_if_needed()
        screenshot(page, screenshots, "class-answer-key")
        context.close()
    finally:
        stop_app(teacher)
