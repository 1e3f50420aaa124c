"""The classroom exercise's checks, on the real extraction of its two articles: the
extraction leaves each task to do, a student doing it right gets "done", one doing it
wrong gets "not yet" with a hint that does not give the answer away."""

from __future__ import annotations

import shutil

import pytest

from workbench import Case
from workbench.views import exercise
from workbench.views.exercise import TASKS, check_task, progress


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, extractor):
    """A case with the two exercise articles, extracted once for the module."""
    path = tmp_path_factory.mktemp("exercise") / "prepared.case"
    with Case.open(path) as case:
        case._extractor_cache = extractor
        assert exercise.add_articles(case) == 2
        assert exercise.add_articles(case) == 0  # already there: nothing added twice
    return path


@pytest.fixture
def student(prepared, tmp_path):
    path = tmp_path / "student.case"
    shutil.copy(prepared, path)
    with Case.open(path) as case:
        yield case


def actor_holding(case: Case, words: str, article_index: int) -> str:
    articles = exercise.find_articles(case)
    article = (articles.first, articles.second)[article_index]
    found = exercise._actor_of_mention(case, article, words)
    assert found is not None, words
    return found


def claim_over(case: Case, words: str, article_index: int):
    articles = exercise.find_articles(case)
    article = (articles.first, articles.second)[article_index]
    (claim,) = exercise._claims_over(case, article, words)
    return claim


def test_the_extraction_leaves_every_task_to_do(student):
    assert progress(student) == {task.key: False for task in TASKS}
    # what makes each task real work, as the extraction gives it
    assert actor_holding(student, "Karim Haddad", 0) != actor_holding(student, "Kareem Hadad", 1)
    lead = claim_over(student, exercise.MISATTRIBUTED, 1)
    assert student.actor(lead.speaker).type.value == "media"  # the agency, not the minister
    assert claim_over(student, exercise.NOT_A_CLAIM, 0).review.value == "extracted"


def test_a_case_without_the_articles_says_how_to_start(tmp_path):
    with Case.open(tmp_path / "empty.case") as case:
        verdict = check_task(case, "merge")
        assert not verdict.done and "Add the exercise" in verdict.message
        assert progress(case) is None


def test_merging_the_governor(student):
    karim = actor_holding(student, "Karim Haddad", 0)
    kareem = actor_holding(student, "Kareem Hadad", 1)
    saleh = actor_holding(student, "Nadia Saleh", 1)
    wrong = student.merge_actors(karim, [saleh])  # the wrong pair first
    verdict = check_task(student, "merge")
    assert not verdict.done and "two actors" in verdict.message
    assert "Hadad" not in verdict.message and "Haddad" not in verdict.message  # no answer
    student.merge_actors(karim, [kareem])
    verdict = check_task(student, "merge")
    assert not verdict.done and "more than one person" in verdict.message
    student.undo()
    student.undo()
    assert wrong is not None
    student.merge_actors(karim, [kareem])
    assert check_task(student, "merge").done


def test_setting_the_right_speaker(student):
    claim = claim_over(student, exercise.MISATTRIBUTED, 1)
    student.update_claim(claim.id, speaker="")  # unnamed: not yet
    verdict = check_task(student, "speaker")
    assert not verdict.done and "no named speaker" in verdict.message
    assert exercise.MINISTER not in verdict.message
    khoury = actor_holding(student, "Rami Khoury", 1)
    student.update_claim(claim.id, speaker=khoury)  # the spokesman of the next paragraph
    assert not check_task(student, "speaker").done
    student.update_claim(claim.id, speaker=actor_holding(student, "Nadia Saleh", 1))
    assert check_task(student, "speaker").done
    student.reject_claim(claim.id)  # rejected, the claim no longer has any speaker
    assert "gone" in check_task(student, "speaker").message


def test_judging_the_single_source_claim(student):
    claim = claim_over(student, exercise.SINGLE_SOURCE, 0)
    assert "still has the status" in check_task(student, "single-source").message
    student.set_claim_status(claim.id, "unverifiable")
    assert "Almost" in check_task(student, "single-source").message  # no note yet
    student.set_claim_status(claim.id, "corroborated", note="Reuters says so")
    verdict = check_task(student, "single-source")
    assert not verdict.done and "two independent sources" in verdict.message
    student.set_claim_status(claim.id, "disputed")
    assert "contradicts" in check_task(student, "single-source").message
    student.set_claim_status(
        claim.id, "in_progress", note="one unnamed security source, via Reuters only"
    )
    assert check_task(student, "single-source").done


def test_rejecting_what_is_no_claim(student):
    junk = claim_over(student, exercise.NOT_A_CLAIM, 0)
    other = claim_over(student, exercise.SINGLE_SOURCE, 0)
    student.reject_claim(other.id)  # the wrong one
    assert not check_task(student, "not-a-claim").done
    student.reject_claim(junk.id)
    assert check_task(student, "not-a-claim").done
    assert progress(student) == {
        "merge": False,
        "speaker": False,
        "single-source": False,  # rejected: "the claim is gone"
        "not-a-claim": True,
    }


# --- the Tasks tab and the teacher's view, driven from Python ----------------------------------


def test_the_tasks_tab_checks_the_students_case(student):
    from workbench.views.app import Workbench

    app = Workbench(student, watch=False)
    try:
        tasks = app.panel("Tasks")
        assert tasks.start.layout.display == "none"  # the articles are in: no Add button
        assert not tasks.check("not-a-claim")
        assert "Not yet" in tasks.results["not-a-claim"].value
        student.reject_claim(claim_over(student, exercise.NOT_A_CLAIM, 0).id)
        assert tasks.check("not-a-claim")
        assert "✔ Done" in tasks.results["not-a-claim"].value
        student.undo()  # the answer shown no longer holds: the tab says so when next drawn
        tasks.refresh()
        assert "Not yet" in tasks.results["not-a-claim"].value
        assert tasks.results["merge"].value == ""  # never checked: nothing said
    finally:
        app.close()


def test_the_teachers_view_shows_each_students_progress(prepared, tmp_path):
    from workbench.views.class_view import class_tables, read_class

    for name in ("ada", "bo"):
        shutil.copy(prepared, tmp_path / f"{name}.case")
    with Case.open(tmp_path / "bo.case") as bo:
        bo.reject_claim(claim_over(bo, exercise.NOT_A_CLAIM, 0).id)
    Case.open(tmp_path / "empty.case").close()
    reading = read_class(tmp_path)
    tasks = {c.name: c.tasks for c in reading.cases}
    assert tasks["ada"] == {t.key: False for t in TASKS}
    assert tasks["bo"] == {**{t.key: False for t in TASKS}, "not-a-claim": True}
    assert tasks["empty"] is None
    html = class_tables(reading)
    bo_row = html[html.index('data-case="bo"') :].split("</tr>")[0]
    assert bo_row.count("✔ done") == 1 and "1 of 4" in bo_row
    assert "no exercise articles" in html
    assert "not checked" in html and "unverified" not in html  # statuses in plain words


def test_the_answer_key_is_in_the_teachers_view_only():
    from workbench.views.class_view import answer_key_html

    key = answer_key_html()
    assert "Nadia Saleh" in key and "Kareem Hadad" in key
    for task in TASKS:  # no hint a student reads names an answer
        for verdict_text in (task.instruction,):
            assert "Nadia" not in verdict_text and "Hadad" not in verdict_text


def test_the_tasks_tab_adds_the_exercise_to_a_case_without_it(tmp_path, extractor):
    from workbench.views.app import Workbench

    case = Case.open(tmp_path / "alone.case")
    case._extractor_cache = extractor
    app = Workbench(case, watch=False)
    try:
        tasks = app.panel("Tasks")
        assert tasks.start.layout.display != "none"
        assert not tasks.check("merge")
        assert "Add the exercise" in tasks.results["merge"].value
        tasks.add_button.click()
        assert exercise.find_articles(case).complete
        assert tasks.start.layout.display == "none"
        assert tasks.results["merge"].value == ""  # the old answer no longer holds
        assert "Added the exercise" in app.status.widget.value
    finally:
        app.close()


def test_every_task_can_be_done_in_the_panels(student):
    """What a student does, through the panels' own controls: each task turns done."""
    from workbench.views.app import Workbench

    app = Workbench(student, watch=False)
    try:
        tasks = app.panel("Tasks")
        actors = app.panel("Actors")
        actors.choose(
            actor_holding(student, "Karim Haddad", 0), actor_holding(student, "Kareem Hadad", 1)
        )
        actors.merge_selected()
        claims = app.panel("Claims")
        claims.choose(claim_over(student, exercise.MISATTRIBUTED, 1).id)
        claims.speaker.value = actor_holding(student, "Nadia Saleh", 1)
        claims.set_speaker()
        claims.choose(claim_over(student, exercise.SINGLE_SOURCE, 0).id)
        claims.status.value = "in_progress"
        claims.note.value = "one unnamed source, via Reuters only"
        claims.set_status()
        claims.choose(claim_over(student, exercise.NOT_A_CLAIM, 0).id)
        claims.reject()
        assert [tasks.check(t.key) for t in TASKS] == [True, True, True, True], [
            r.value for r in tasks.results.values()
        ]
    finally:
        app.close()
