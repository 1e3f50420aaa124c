"""The dev set's gold files are well-formed: offsets hold, names resolve, values parse."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eval.scoring import date_range

GOLD_DIR = Path(__file__).resolve().parent.parent / "eval" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
TYPES = {"person", "organization", "media", "country", "place", "group"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def test_there_is_a_dev_set():
    assert len(GOLD_FILES) >= 16
    assert (GOLD_DIR / "README.md").is_file()


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = gold["text"]
    assert gold["id"] == path.stem
    assert DATE.match(gold["published"])
    names = [a["name"] for a in gold["actors"]]
    assert len(names) == len(set(names)), "actor names are unique"
    spans = []
    for entry in gold["actors"]:
        assert entry["type"] in TYPES
        assert entry["mentions"], f"{entry['name']} is never mentioned"
        for m in entry["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
            assert m["text"] in entry["aliases"]
            spans.append((m["start"], m["end"]))
    for m in gold["optional_mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
        spans.append((m["start"], m["end"]))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), "mentions overlap"
    for claim in gold["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["kind"] in {"direct", "indirect", "mixed"}
        assert claim["speaker"] is None or claim["speaker"] in names
        assert claim["speaker"] is not None or claim["speaker_text"], "unnamed, but described"
        assert all(channel in names for channel in claim["channels"])
    for event in gold["events"]:
        assert text[event["start"] : event["end"]] == event["date_text"]
        assert event["precision"] in {"day", "month", "year", "approximate"}
        assert DATE.match(event["date"])
        if event["precision"] == "approximate":
            first, last = date_range(event["date"], event["date_end"])
            assert first <= last
        else:
            assert event["date_end"] is None
            assert len(event["date"]) == {"year": 4, "month": 7, "day": 10}[event["precision"]]


def test_gold_files_are_built_from_their_sheets(corpora_dir: Path):
    """The JSON is what `python -m eval.gold_build` makes of the annotation sheets."""
    from eval.gold_build import SOURCE_DIR, build

    sheets = sorted(SOURCE_DIR.glob("*.ann"))
    assert [s.stem for s in sheets] == [p.stem for p in GOLD_FILES]
    for sheet in sheets:
        built = json.loads(json.dumps(build(sheet, corpora_dir), ensure_ascii=False))
        stored = json.loads((GOLD_DIR / f"{sheet.stem}.json").read_text(encoding="utf-8"))
        assert built == stored, f"{sheet.name}: run `python -m eval.gold_build`"
