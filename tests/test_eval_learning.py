"""The learning benchmark (`eval/learning.py`, `eval/stories.py`): how stories are split
into the articles a person checks and the later ones, the stories' gold, the tables, and
one tiny story end to end with the real model."""

from __future__ import annotations

import json

import pytest

from eval.gold_build import build
from eval.learning import ActorErrors, main, report_stories, run_stories, summed
from eval.stories import (
    FOLDERS,
    STORIES,
    STORY_GOLD_DIR,
    Story,
    StoryError,
    checked_count,
    load_story,
    split,
)


def _gold(article_id: str, published: str, text: str, actors: list[tuple[str, str, str]]) -> dict:
    """A gold article: every occurrence of each (name, type, form) is a mention."""
    entries = []
    for name, kind, form in actors:
        mentions, at = [], text.find(form)
        while at >= 0:
            mentions.append({"start": at, "end": at + len(form), "text": form})
            at = text.find(form, at + 1)
        entries.append({"name": name, "type": kind, "aliases": [form], "mentions": mentions})
    return {"id": article_id, "published": published, "text": text, "actors": entries,
            "optional_mentions": [], "title": None, "url": None}  # fmt: skip


@pytest.mark.parametrize(("articles", "checked"), [(2, 1), (3, 1), (5, 1), (6, 2), (9, 3)])
def test_the_person_checks_a_third_of_a_story_at_least_one(articles, checked):
    assert checked_count(articles) == checked


def test_a_story_of_one_article_is_refused():
    with pytest.raises(StoryError, match="two articles"):
        checked_count(1)


def test_a_story_is_split_in_order_of_publication():
    golds = [
        _gold("c", "2020-01-09", "x", []),
        _gold("b", "2020-01-05", "x", []),
        _gold("a", "2020-01-09", "x", []),  # same day: the id decides, every run alike
        _gold("d", "2020-07-02", "x", []),
    ]
    first, later = split(golds)
    assert [g["id"] for g in first] == ["b"]
    assert [g["id"] for g in later] == ["a", "c", "d"]


def test_the_stories_are_whole_and_one_is_held_apart():
    seen = set()
    for story in STORIES:
        golds = load_story(story)
        assert [g["id"] for g in golds] == sorted(story.articles)  # ids are dated: in order
        assert not seen & set(story.articles), "an article in two stories"
        seen |= set(story.articles)
        if story.held_apart:
            # the later articles of a held-apart story are no part of the dev set the
            # rules and the learning were tuned on
            _, later = split(golds)
            assert all(not (FOLDERS[0] / f"{g['id']}.json").exists() for g in later)
    assert {s.held_apart for s in STORIES} == {True, False}


def test_a_missing_story_article_is_one_clear_error():
    with pytest.raises(StoryError, match="no gold for wikinews-1999-nothing"):
        load_story(Story("x", "x", ("wikinews-1999-nothing", "wikinews-1999-other")))


@pytest.mark.parametrize(
    "sheet", sorted((STORY_GOLD_DIR / "src").glob("*.ann")), ids=lambda p: p.stem
)
def test_story_gold_is_built_from_its_sheet(sheet, corpora_dir):
    stored = json.loads((STORY_GOLD_DIR / f"{sheet.stem}.json").read_text(encoding="utf-8"))
    assert stored == build(sheet, corpora_dir)  # a sheet edited is rebuilt too
    for actor in stored["actors"]:
        assert actor["mentions"], actor["name"]
        for m in actor["mentions"]:
            assert stored["text"][m["start"] : m["end"]] == m["text"]


def test_parts_are_summed_and_the_table_shows_each_story():
    per_article = {
        "a": {"part": "later", "before": ActorErrors(2, 1, 1, 3), "after": ActorErrors(1, 0, 0, 1)},
        "b": {"part": "later", "before": ActorErrors(0, 2, 0, 0), "after": ActorErrors(0, 2, 0, 0)},
        "c": {"part": "re-extracted", "before": ActorErrors(9, 9, 9, 9), "after": ActorErrors()},
    }  # fmt: skip
    part = summed(per_article, "later")
    assert part["articles"] == 2
    assert part["before"] == {"spurious": 2, "missed": 3, "mistyped": 1, "total": 6, "taught": 3}
    assert part["after"]["total"] == 3 and part["fewer"] == 0.5
    table = report_stories(
        {
            "stories": {
                "impeachment": {
                    "held_apart": True,
                    "checked_articles": ["x"],
                    "note": "its first run found a bug",
                    **part,
                }
            },
            "totals": {"held apart": part},
        }
    )
    assert "impeachment *" in table and "50%" in table and "(3 -> 1)" in table
    assert "all held apart" in table
    assert "impeachment: its first run found a bug" in table  # said beside the figures


def test_no_errors_before_is_no_gain_not_a_division_by_zero():
    part = summed(
        {"a": {"part": "later", "before": ActorErrors(), "after": ActorErrors()}}, "later"
    )
    assert part["fewer"] == 0.0


def test_a_wrong_dev_set_folder_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["--gold", str(tmp_path), "--out", str(tmp_path / "out.json")]) == 2
    assert capsys.readouterr().err.strip().startswith("no dev set")


def test_a_tiny_story_end_to_end(extractor):
    """The person rejects "Republicans" (not an actor in the gold) on the first article:
    the second article's spurious "Republicans" goes, and the taught column says so."""
    first = _gold("one", "2020-01-01", "Republicans said on Monday that Nancy Pelosi would "
                  "lose the vote.", [("Nancy Pelosi", "person", "Nancy Pelosi")])  # fmt: skip
    later = _gold("two", "2020-01-02", "Republicans opposed the resolution of Nancy Pelosi "
                  "on Friday.", [("Nancy Pelosi", "person", "Nancy Pelosi")])  # fmt: skip
    story = Story("tiny", "a tiny story", ("one", "two"), held_apart=True)
    results = run_stories([(story, [later, first])], plain=extractor)
    tiny = results["stories"]["tiny"]
    assert tiny["checked_articles"] == ["one"] and tiny["articles"] == 1
    assert tiny["rejected_names"] == 1
    assert tiny["per_article"]["two"]["before_errors"] == ["spurious: Republicans"]
    assert tiny["before"]["taught"] == 1
    assert tiny["after"]["total"] == 0 and tiny["fewer"] == 1.0
    assert results["totals"]["held apart"]["articles"] == 1
    assert results["totals"]["tuned"]["articles"] == 0
