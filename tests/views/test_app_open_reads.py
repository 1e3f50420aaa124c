"""Opening the app reads what the first tab and the header show, not the whole case: the
Article tab reads its article's claims and events alone, and the Summary counts by SQL
(issue 11: a case of 5,000 articles interactive in 5 s).

No model: the story case is built from hand-made extractions."""

from __future__ import annotations

import pytest
from analysis_builders import build_story_case, claim_id

from workbench.analysis import CaseSnapshot, case_summary
from workbench.analysis.summary import counted_summary
from workbench.views import Workbench
from workbench.views.app_read import ALONE, AppSnapshot
from workbench.views.article_panel import article_marks


@pytest.fixture
def story(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    yield case
    case.close()


class Reads:
    """Which tables the case was asked for whole (no `article_id`)."""

    def __init__(self, case, monkeypatch) -> None:
        self.whole: list[str] = []
        for table in ("actors", "claims", "events", "links", "notes", "relations"):
            monkeypatch.setattr(case, table, self._counted(table, getattr(case, table)))

    def _counted(self, table, read):
        def counted(*args, **options):
            if options.get("article_id") is None and not args:
                self.whole.append(table)
            return read(*args, **options)

        return counted


def test_the_first_tab_reads_its_article_not_the_whole_case(story, monkeypatch):
    reads = Reads(story, monkeypatch)
    app = Workbench(story, watch=False)
    try:
        article = app.panel("Article")
        assert 'class="wb-article"' in article.view.html  # drawn, with its marks
        assert "claim by" in article.view.html
        assert reads.whole == []
        app.show("Summary")  # counted where it is stored
        assert "articles</td><td>2" in app.panel("Summary").numbers.value
        assert reads.whole == []
        app.show("Claims")  # a tab that lists every claim reads the table, once
        assert reads.whole.count("claims") == 1
        marks = article_marks(app.ctx.snapshot, app.selection.article_id)
        assert marks == article_marks(CaseSnapshot(story), app.selection.article_id)
    finally:
        app.close()


def test_an_articles_records_read_alone_are_the_snapshots(story):
    claim = claim_id(story, "agreed to coordinate")
    story.set_claim_status(claim, "disputed")
    story.reject_claim(claim_id(story, "met Egyptian officials"))
    for article in story.articles():
        alone, whole = AppSnapshot(story), CaseSnapshot(story)
        for options in ({}, {"include_rejected": True}):
            assert alone.claims(article_id=article.id, **options) == whole.claims(
                article_id=article.id, **options
            )
        assert alone.events(article_id=article.id) == whole.events(article_id=article.id)
        assert alone._claims is None and alone._events is None  # read alone
        alone.claims(), alone.events()  # the whole tables, once read, answer for an article
        assert alone.claims(article_id=article.id) == whole.claims(article_id=article.id)


def test_the_counted_summary_is_the_read_one(story):
    assert counted_summary(story) == case_summary(story)
    story.reject_event(story.events()[0].id)
    story.reject_claim(claim_id(story, "agreed to coordinate"))
    story.update_actor(story.actors()[0].id, status="confirmed")
    story.add_note(claim_id(story, "met Egyptian officials"), "ask AFP")
    counted = counted_summary(story)
    assert counted == case_summary(story)
    assert counted.events == len(story.events()) - 1


def test_many_articles_asked_one_by_one_are_read_in_one_go(story, monkeypatch):
    reads = Reads(story, monkeypatch)
    snapshot = AppSnapshot(story)
    ids = [a.id for a in story.articles()]
    for i in range(ALONE + 5):  # a caller going through a large case article by article
        snapshot.events(article_id=ids[i % len(ids)])
        snapshot.claims(article_id=f"no-such-article-{i}")
    assert reads.whole == ["claims"]  # the events: two articles, each read alone once
    assert snapshot.claims(article_id=ids[0]) == CaseSnapshot(story).claims(article_id=ids[0])
