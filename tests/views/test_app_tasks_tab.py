"""The Tasks tab (the classroom exercise) shows in an exercise's app only: on a case holding
an exercise article, or in a class (a case per visitor); a journalist's case has no tasks.

No model: the articles are stored as they are read, without extraction."""

from __future__ import annotations

import pytest

from workbench import Case
from workbench.ingest import read_articles
from workbench.model import Extraction
from workbench.views import Workbench, exercise
from workbench.views.launch import OWN, VISITORS_ENV
from workbench.views.load_panel import default_samples_dir
from workbench.views.shared_cases import release


def stored(case: Case, path) -> None:
    """The article of `path` in the case, as read (no NLP: nothing extracted)."""
    (article,) = read_articles(str(path))
    case.add_extraction(Extraction(article=article))


@pytest.fixture
def journalist(tmp_path):
    with Case.open(tmp_path / "story.case") as case:
        stored(case, default_samples_dir() / "mamlouk-visits-cairo.txt")
        yield case


@pytest.fixture
def open_app():
    apps = []

    def opened(case: Case, **options) -> Workbench:
        app = Workbench(case, watch=False, **options)
        apps.append(app)
        return app

    yield opened
    for app in apps:
        app.close()


def test_a_journalists_case_has_no_tasks_tab(journalist, open_app, monkeypatch):
    monkeypatch.delenv(VISITORS_ENV, raising=False)
    app = open_app(journalist)
    assert "Tasks" not in app.tabs.titles
    assert len(app.tabs.children) == len(app.tabs.titles)
    assert "Tasks" not in [p.title for p in app.panels]
    with pytest.raises(ValueError, match="no Tasks tab"):
        app.show("Tasks")


def test_an_exercise_case_shows_the_tasks_tab(tmp_path, open_app, monkeypatch):
    monkeypatch.delenv(VISITORS_ENV, raising=False)
    with Case.open(tmp_path / "lesson.case") as case:
        for path in exercise.exercise_files():
            stored(case, path)
        app = open_app(case)
        assert app.tabs.titles[-1] == "Tasks"
        app.show("Tasks")
        shown = app.tabs.children[app.tabs.selected_index]
        assert shown.children == (app.panel("Tasks").widget,)
        assert app.panel("Tasks").start.layout.display == "none"  # both reports are in


def test_the_tab_comes_with_an_exercise_article_and_the_tab_in_view_stays(
    journalist, open_app, monkeypatch
):
    monkeypatch.delenv(VISITORS_ENV, raising=False)
    app = open_app(journalist)
    app.show("Claims")
    stored(journalist, exercise.exercise_files()[0])  # one report is enough to be one
    app.refresh()
    assert app.tabs.titles[-1] == "Tasks"
    assert app.tabs.titles[app.tabs.selected_index] == "Claims"


def test_a_class_shows_the_tasks_tab_on_a_case_without_the_reports(tmp_path, open_app, monkeypatch):
    """Served with a case per visitor, a student's new case may lack the reports: the tab
    is there, with its button to add them."""
    monkeypatch.setenv(VISITORS_ENV, OWN)
    with Case.open(tmp_path / "ada.case") as case:
        app = open_app(case)
        assert "Tasks" in app.tabs.titles
        assert app.panel("Tasks").start.layout.display != "none"


def test_the_app_can_be_told(journalist, open_app, monkeypatch):
    monkeypatch.delenv(VISITORS_ENV, raising=False)
    assert "Tasks" in open_app(journalist, exercise=True).tabs.titles
    monkeypatch.setenv(VISITORS_ENV, OWN)
    assert "Tasks" not in open_app(journalist, exercise=False).tabs.titles


def test_is_exercise_case(journalist):
    assert not exercise.is_exercise_case(journalist)
    stored(journalist, exercise.exercise_files()[1])
    assert exercise.is_exercise_case(journalist)
    assert not exercise.find_articles(journalist).complete


def test_opening_a_journalists_case_takes_the_tab_away(tmp_path, open_app, monkeypatch):
    monkeypatch.delenv(VISITORS_ENV, raising=False)
    with Case.open(tmp_path / "lesson.case") as lesson:
        stored(lesson, exercise.exercise_files()[0])
        with Case.open(tmp_path / "story.case") as story:
            stored(story, default_samples_dir() / "mamlouk-visits-cairo.txt")
        app = open_app(lesson, cases_dir=tmp_path)
        app.show("Tasks")
        app.open_case("story")
        assert "Tasks" not in app.tabs.titles
        assert app.tabs.titles[app.tabs.selected_index] == "Article"  # the tab in view went
        assert "Mamlouk" in app.panel("Article").view.html
        app.open_case("lesson")  # opened again by the app, on a connection of its own
        assert app.tabs.titles[-1] == "Tasks"
        release(app.case)  # closed: the app opened it
        assert app.case.closed
