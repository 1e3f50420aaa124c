"""The Article tab's picker: the latest articles listed, any other found as you type; the app
opens a large case without a drop-down of every article and without reading their texts.

No model: the articles are stored as they are read, without extraction."""

from __future__ import annotations

import datetime

import pytest
import traitlets

from workbench import Case
from workbench.case.records import ArticleHead
from workbench.ingest import read_articles
from workbench.model import Article, Extraction
from workbench.views import Workbench, exercise
from workbench.views.article_picker import LISTED, ArticlePicker, head_label
from workbench.views.launch import VISITORS_ENV

OUTLETS = ("Reuters", "Middle East Eye", "SANA")


def head(i: int, *, published: datetime.date | None = None) -> ArticleHead:
    day = published or datetime.date(2016, 1, 1) + datetime.timedelta(days=i)
    title = "Port fire in Tripoli" if i % 10 == 7 else f"Talks in Cairo, day {i}"
    return ArticleHead(f"a{i}", title, OUTLETS[i % 3], day)


def test_the_drop_down_lists_the_latest_and_the_search_finds_any_other():
    picker = ArticlePicker(listed=10, found=5)
    heads = [head(i) for i in range(200)]
    picker.set_articles(heads)
    assert picker.value == "a199"  # the last added, as before
    listed = [v for _, v in picker.dropdown.options]
    assert listed == [f"a{i}" for i in range(199, 189, -1)]  # the latest published first
    assert "200 articles: the 10 latest listed" in picker.note.value
    assert picker.matches.layout.display == "none"

    picker.search.value = "PORT fire"  # every word must begin a word: 7, 17, ... 197
    found = [v for _, v in picker.matches.options]
    assert found == ["a197", "a187", "a177", "a167", "a157"]  # the first 5, latest first
    assert picker.matches.layout.display == ""
    assert "20 articles match: the 5 latest listed" in picker.note.value
    picker.search.value = "fire sana"  # outlet words too
    assert [v for _, v in picker.matches.options] == ["a197", "a167", "a137", "a107", "a77"]
    picker.search.value = "ire"  # a word's beginning, not any part of it
    assert "no article matches" in picker.note.value
    picker.search.value = "fire mid"
    assert "7 articles match" in picker.note.value  # 187, 157, ... 7: the first 5 listed
    picker.search.value = "fire 2016-03"  # 8, 18 and 28 March 2016
    assert [v for _, v in picker.matches.options] == ["a87", "a77", "a67"]

    chosen = []
    picker.observe(lambda change: chosen.append(change["new"]), names="value")
    picker.matches.value = "a77"  # a person picks it
    assert chosen == ["a77"] and picker.value == "a77"
    assert picker.search.value == "" and picker.matches.layout.display == "none"
    assert picker.dropdown.value == "a77"  # listed first, though not among the latest
    assert picker.dropdown.options[0] == (head_label(heads[77], with_id=True), "a77")  # 20 fires
    assert len(picker.dropdown.options) == 11


def test_articles_of_the_same_title_are_told_apart_by_their_ids():
    picker = ArticlePicker()
    same = [
        ArticleHead(f"fire-{i}", "Port fire", "Reuters", datetime.date(2016, 10, i)) for i in (1, 2)
    ]
    picker.set_articles([*same, head(3)])
    labels = dict((v, lbl) for lbl, v in picker.dropdown.options)
    assert labels["fire-1"] == "Port fire — Reuters, 2016-10-01 (fire-1)"
    assert labels["a3"] == "Talks in Cairo, day 3 — Reuters, 2016-01-04"


def test_a_search_finds_a_date_as_people_write_it():
    picker = ArticlePicker()
    picker.set_articles([head(0), head(1), head(2, published=datetime.date(2016, 10, 17))])
    for query in ("2016-10-17", "17 october 2016", "October 2016", "2016-10"):
        picker.search.value = query
        assert [v for _, v in picker.matches.options] == ["a2"], query


def test_the_value_is_set_from_python_as_on_the_drop_down():
    picker = ArticlePicker(listed=3)
    heads = [head(i) for i in range(10)]
    picker.set_articles(heads, "a2")
    assert picker.value == "a2" and picker.dropdown.value == "a2"
    picker.value = "a0"  # not among the latest: listed first
    assert [v for _, v in picker.dropdown.options] == ["a0", "a9", "a8", "a7"]
    assert picker.knows("a5") and not picker.knows("nope")
    assert [v for _, v in picker.options] == [h.id for h in heads]  # the whole choice
    with pytest.raises(traitlets.TraitError, match="no article 'nope'"):
        picker.value = "nope"
    picker.set_articles(heads[:5], "gone")  # the article shown went: the last added
    assert picker.value == "a4"
    picker.set_articles([])
    assert picker.value is None and picker.dropdown.options == ()


def many(case: Case, count: int) -> list[str]:
    """`count` short articles stored as read (no NLP), published a day apart."""
    ids = []
    for i in range(count):
        day = datetime.date(2016, 1, 1) + datetime.timedelta(days=i)
        text = f"Story {i}. Officials met in Cairo on {day:%d %B %Y} to talk about item {i}."
        article = Article(
            id=f"story-{i}", text=text, title=f"Story {i}", published=day, outlet=OUTLETS[i % 3]
        )
        ids.append(case.add_extraction(Extraction(article=article)).id)
    return ids


@pytest.fixture
def big(tmp_path, monkeypatch):
    monkeypatch.delenv(VISITORS_ENV, raising=False)
    with Case.open(tmp_path / "big.case") as case:
        ids = many(case, LISTED + 40)
        app = Workbench(case, watch=False)
        yield app, ids
        app.close()


def test_the_app_opens_without_every_article_in_a_drop_down_or_their_texts(big):
    app, ids = big
    article = app.panel("Article")
    assert len(article.choice.dropdown.options) == LISTED  # not 70
    assert article.choice.value == ids[-1]
    assert app.ctx.snapshot._articles is None  # no article's text read but the one shown
    assert f"{len(ids)} articles" in app.header.value
    assert "Story 69" in article.view.html

    article.choice.search.value = "story-12"  # its id ("12" alone finds 12 January too)
    assert [v for _, v in article.choice.matches.options] == ["story-12"]
    article.choice.matches.value = "story-12"  # picked: drawn, and selected everywhere
    assert "Story 12." in article.view.html
    assert app.selection.article_id == "story-12"
    assert app.ctx.snapshot._articles is None

    app.selection.article_id = "story-3"  # selected elsewhere (another panel)
    assert article.choice.value == "story-3" and "Story 3." in article.view.html


def test_an_edit_redraws_without_reading_the_article_list_again(big, monkeypatch):
    app, ids = big
    article = app.panel("Article")
    reads = []
    real = type(app.case).article_heads
    monkeypatch.setattr(type(app.case), "article_heads", lambda case: reads.append(1) or real(case))
    app.case.update_article(ids[5], outlet="AFP")  # a change to no article's list entry...
    app.refresh(carry=True)
    assert len(reads) == 1  # ...an article changed: its list is read again
    label = next(lbl for lbl, v in article.choice.options if v == ids[5])
    assert "AFP" in label
    app.case.add_note(ids[5], "checked")
    app.refresh(carry=True)
    assert len(reads) == 1  # a note changes no article: the list is carried


def test_the_tasks_tab_is_looked_for_only_when_the_articles_change(tmp_path, monkeypatch):
    """Whether the case is an exercise's is asked when the case opens and when its articles
    change, not at each edit's redraw."""
    monkeypatch.delenv(VISITORS_ENV, raising=False)
    asked = []
    real = exercise.is_exercise_case
    monkeypatch.setattr(exercise, "is_exercise_case", lambda *a: asked.append(1) or real(*a))
    with Case.open(tmp_path / "lesson.case") as case:
        (first,) = many(case, 1)
        app = Workbench(case, watch=False)
        try:
            assert len(asked) == 1 and "Tasks" not in app.tabs.titles
            for i in range(3):
                case.add_note(first, f"note {i}")
                app.refresh(carry=True)
            assert len(asked) == 1
            (lesson,) = read_articles(str(exercise.exercise_files()[0]))
            case.add_extraction(Extraction(article=lesson))
            app.refresh(carry=True)
            assert len(asked) == 2 and "Tasks" in app.tabs.titles
        finally:
            app.close()


@pytest.mark.browser
@pytest.mark.slow
def test_in_the_browser_a_person_finds_an_article_by_typing(
    voila_server, watched_page, screenshots
):
    """The Voila app on 70 articles: the drop-down lists the latest 30; typing a date finds
    an older one, and picking it draws it."""
    from browser_steps import PAGE_LOAD, WAIT, screenshot

    with Case.open(voila_server.case_path) as case:  # before the page opens the case
        many(case, LISTED + 40)
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(voila_server.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article", has_text="Story 69.").wait_for(timeout=PAGE_LOAD)
    assert page.locator(".wb-article-choice select option").count() == LISTED
    assert "70 articles: the 30 latest listed" in page.locator(".wb-article-note").inner_text()
    screenshot(page, screenshots, "article-picker-at-open")

    page.locator(".wb-article-search input").press_sequentially("2016-01-13", delay=50)
    matches = page.locator(".wb-article-matches select option")
    matches.first.wait_for(timeout=WAIT)
    page.locator(".wb-article-note", has_text="1 article matches").wait_for(timeout=WAIT)
    shown = [text.replace("\xa0", " ") for text in matches.all_inner_texts()]  # ipywidgets' spaces
    assert shown == ["Story 12 — Reuters, 2016-01-13"]
    screenshot(page, screenshots, "article-picker-search")

    page.select_option(".wb-article-matches select", index=0)
    page.locator(".wb-app .wb-article", has_text="Story 12.").wait_for(timeout=WAIT)
    chosen = page.locator(".wb-article-choice select")
    picked = chosen.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")
    assert picked == "Story 12 — Reuters, 2016-01-13"
    page.locator(".wb-article-matches").wait_for(state="hidden", timeout=WAIT)
    assert page.locator(".wb-article-search input").input_value() == ""
    assert watched_page.errors == [] and watched_page.foreign == []
