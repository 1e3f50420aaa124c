"""The actors-only dev set (`eval/gold_actors/`): offsets hold, types are the guideline's,
no claims or dates, and each JSON is what `python -m eval.gold_build` makes of its sheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ACTORS_DIR = Path(__file__).resolve().parent.parent / "eval" / "gold_actors"
FILES = sorted(ACTORS_DIR.glob("*.json"))
TYPES = {"person", "organization", "media", "country", "place", "group"}


def test_there_are_seven_articles_and_a_readme():
    assert len(FILES) == 7
    assert (ACTORS_DIR / "README.md").is_file()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_actors_only_gold_is_well_formed(path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = gold["text"]
    assert gold["id"] == path.stem
    assert gold["claims"] == [] and gold["events"] == []  # actors only, by design
    for entry in gold["actors"]:
        assert entry["type"] in TYPES
        assert entry["mentions"], f"{entry['name']} is never mentioned"
        for m in entry["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for m in gold["optional_mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]


def test_actors_only_gold_is_built_from_its_sheets(corpora_dir: Path):
    from eval.gold_build import build

    sheets = sorted((ACTORS_DIR / "src").glob("*.ann"))
    assert [s.stem for s in sheets] == [p.stem for p in FILES]
    for sheet in sheets:
        built = json.loads(json.dumps(build(sheet, corpora_dir), ensure_ascii=False))
        stored = json.loads((ACTORS_DIR / f"{sheet.stem}.json").read_text(encoding="utf-8"))
        assert built == stored, f"{sheet.name}: run `python -m eval.gold_build`"
