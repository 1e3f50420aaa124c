"""The dates-only sets (`eval/gold_dates/`): built from their sheets, every span where it
says, every value a date the product's parser reads, and scored on their date rows only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.gold_build import build
from eval.gold_dates import DATES_DIR, DATES_HELD_APART_DIR, dates_only, load, run
from eval.scoring import ArticleScores, DateScores, Ratio, date_range

FOLDERS = (DATES_DIR, DATES_HELD_APART_DIR)
SHEETS = [sheet for folder in FOLDERS for sheet in sorted((folder / "src").glob("*.ann"))]


def test_both_sets_hold_articles_and_no_article_is_in_both():
    dev, held = ({g["id"] for g in load(folder)} for folder in FOLDERS)
    assert len(dev) >= 8 and len(held) >= 3
    assert not dev & held
    assert (DATES_DIR / "README.md").is_file()


def test_no_article_is_already_in_the_full_gold():
    root = DATES_DIR.parent
    full = {
        json.loads(p.read_text(encoding="utf-8"))["url"]
        for folder in (root / "gold", root / "gold_held_apart")
        for p in folder.glob("*.json")
    }
    assert not {g["url"] for folder in FOLDERS for g in load(folder)} & full


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.stem)
def test_the_json_is_built_from_its_sheet(sheet: Path, corpora_dir: Path):
    stored = json.loads((sheet.parent.parent / f"{sheet.stem}.json").read_text(encoding="utf-8"))
    assert build(sheet, corpora_dir) == stored
    assert stored["events"] and not stored["claims"] and not stored["actors"]
    for event in stored["events"]:
        assert stored["text"][event["start"] : event["end"]] == event["date_text"]
        first, last = date_range(event["date"], event["date_end"])
        assert first <= last


def test_the_rows_are_the_date_rows_only():
    ours = ArticleScores(dates=DateScores(calendar=Ratio(3, 4)))
    printed: list[dict] = []

    def evaluate(golds):
        printed.append({"n": len(golds)})
        return {"ours": [ours] * len(golds), "baseline": [ArticleScores()] * len(golds)}

    results = run(evaluate, all_problems=False)
    assert set(results) == {"dates-only dev set", "dates-only held apart"}
    rows = results["dates-only dev set"]["ours"]
    assert set(rows) == {
        "date expressions F1",
        "date expressions P",
        "date expressions R",
        "calendar dates right",
        "approximate ranges right",
    }
    assert rows["calendar dates right"]["right"] == 3 * printed[0]["n"]
    assert dates_only({"claims F1 (0.3 overlap)": {"value": 1.0}}) == {}
