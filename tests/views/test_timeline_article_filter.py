"""The Network and Timeline tabs' article filter: "all articles" and the latest articles
listed, any other found by a search (the Article tab's picker), never a drop-down of every
article of the case. Driven from Python on the two-article story (no spaCy) with plain
articles added after it, so that the story's articles are no longer among the latest."""

from __future__ import annotations

import datetime

import pytest
from timeline_fixtures import story_panel

from workbench.model import Article, Extraction
from workbench.views.article_picker import LISTED
from workbench.views.network_view import NetworkPanel
from workbench.views.timeline_view import TimelinePanel


def add_plain(case, first: int, count: int) -> None:
    """`count` articles stored as read (no extraction), published in 2017, a day apart."""
    for i in range(first, first + count):
        day = datetime.date(2017, 1, 1) + datetime.timedelta(days=i)
        article = Article(id=f"plain-{i}", text=f"Plain {i}.", title=f"Plain {i}", published=day)
        case.add_extraction(Extraction(article=article))


@pytest.mark.parametrize("panel_class", [NetworkPanel, TimelinePanel])
def test_the_article_filter_lists_the_latest_and_finds_any_other(panel_class, tmp_path):
    with story_panel(panel_class, tmp_path, shown=True) as panel:
        add_plain(panel.case, 0, LISTED + 5)
        panel.ctx.snapshot = None  # the case changed: read it again, as the app does
        panel.refresh()
        picker = panel.article
        options = list(picker.dropdown.options)
        assert options[0] == ("all articles", "") and picker.value is None  # the default
        assert len(options) == LISTED + 1  # not the case's 37 articles
        assert options[1][1] == f"plain-{LISTED + 4}"  # the latest published first
        assert "sisi" not in {v for _, v in options}
        whole = shown_articles(panel)
        assert {"sisi", "visit"} <= whole

        picker.search.value = "sisi receives"  # the story's second article, found by title
        assert [v for _, v in picker.matches.options] == ["sisi"]
        picker.matches.value = "sisi"  # a person picks it: the tab shows that article only
        assert picker.value == "sisi" and picker.dropdown.value == "sisi"
        assert shown_articles(panel) == {"sisi"}

        add_plain(panel.case, LISTED + 5, 1)  # an article added: the filter stays
        panel.ctx.snapshot = None
        panel.refresh()
        assert picker.value == "sisi" and picker.dropdown.options[1][1] == "sisi"
        assert picker.dropdown.options[2][1] == f"plain-{LISTED + 5}"
        assert shown_articles(panel) == {"sisi"}

        picker.dropdown.value = ""  # "all articles" chosen again
        assert picker.value is None and shown_articles(panel) == whole


def shown_articles(panel) -> set[str]:
    """The articles the panel shows: the Network's article squares, the Timeline's items'."""
    if isinstance(panel, NetworkPanel):
        return {n["id"] for n in panel.canvas.graph["nodes"] if n["id"] in {"sisi", "visit"}}
    return {item.article_id for item in panel.items()}
