"""The probe sets `python -m eval` reports, without running any probe through the
extraction: every file in eval/probes/ is scored as its own row and loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.probing import PROBE_SETS, PROBES, load_probes, run_probe_sets
from workbench.model import Extraction


def test_every_probe_file_is_a_scored_set():
    # a held-apart file missing from PROBE_SETS would be written and never measured
    on_disk = {path.stem for path in PROBES.glob("*.jsonl")}
    assert on_disk == set(PROBE_SETS)


@pytest.mark.parametrize("name", [n for n in PROBE_SETS if n not in ("tuned", "dev_open")])
def test_each_held_apart_set_loads_with_a_class_and_a_text(name):
    probes = load_probes(PROBES / f"{name}.jsonl")
    assert probes
    assert all(p["class"] and p["text"] for p in probes)


def test_the_second_fresh_set_covers_every_class_four_times():
    # issue 10's classes, each with at least four probes (written before any run)
    probes = load_probes(PROBES / "held_apart_fresh2.jsonl")
    counts: dict[str, int] = {}
    for probe in probes:
        counts[probe["class"]] = counts.get(probe["class"], 0) + 1
    assert 60 <= len(probes) <= 80
    assert min(counts.values()) >= 4
    assert {"wire-lead", "relay", "citing", "place-in-speaker", "anaphora", "collective"} <= set(
        counts
    )
    assert {"place-type", "dateline", "armed-group", "anchored-date", "not-a-claim"} <= set(counts)
    assert {"us-politics", "headline", "synonyms", "right-side"} <= set(counts)


@pytest.mark.parametrize(
    "name", ["held_apart_fresh4", "held_apart_fresh5", "held_apart_fresh6", "held_apart_fresh7"]
)
def test_the_fourth_to_seventh_fresh_sets_have_their_fifteen_classes_six_times(name):
    # written blind before a round of rules, six probes for each of issue 10's classes
    probes = load_probes(PROBES / f"{name}.jsonl")
    counts: dict[str, int] = {}
    for probe in probes:
        counts[probe["class"]] = counts.get(probe["class"], 0) + 1
    assert len(counts) == 15 and set(counts.values()) == {6}


def test_run_probe_sets_gives_the_second_fresh_set_its_own_row(tmp_path: Path):
    # a stand-in folder and empty extractions: the row is what is checked, not a score
    probe = {"class": "not-a-claim", "text": "Nobody spoke.", "claim": None}
    for name in PROBE_SETS:
        (tmp_path / f"{name}.jsonl").write_text(json.dumps(probe) + "\n", encoding="utf-8")

    def run_empty(articles):
        return [Extraction(article=a) for a in articles]

    results = run_probe_sets(run_empty, run_empty, folder=tmp_path)
    assert list(results) == list(PROBE_SETS)
    assert results["held_apart_fresh2"]["ours"]["total"] == 1


def test_a_held_apart_set_goes_out_by_class_never_its_failing_probes(capsys):
    # the eval's output is read by the people who write rules: a held-apart probe's text
    # must reach neither the screen nor --out, a tuned one's must (that is what it is for)
    from eval.__main__ import report_probe_sets

    def scored(text: str) -> dict:
        failure = {"class": "relay", "wrong": ["speaker: got X"], "text": text}
        side = {"total": 1, "passed": 0, "classes": {"relay": {"passed": 0, "total": 1}}}
        side["failures"] = [failure]
        return {"ours": side, "baseline": dict(side)}

    kept = report_probe_sets(
        {"tuned": scored("A tuned probe sentence."), "held_apart_fresh2": scored("A held one.")}
    )
    printed = capsys.readouterr().out
    assert "A tuned probe sentence." in printed
    assert "A held one." not in printed and "A held one." not in json.dumps(kept)
    assert kept["held_apart_fresh2"]["ours"]["total"] == 1


def test_the_third_fresh_set_covers_the_second_ones_classes_five_times():
    # same class names as fresh2 so the rows compare, each with at least five probes
    def counts(name: str) -> dict[str, int]:
        found: dict[str, int] = {}
        for probe in load_probes(PROBES / f"{name}.jsonl"):
            found[probe["class"]] = found.get(probe["class"], 0) + 1
        return found

    third = counts("held_apart_fresh3")
    assert set(third) == set(counts("held_apart_fresh2"))
    assert 80 <= sum(third.values()) <= 90
    assert min(third.values()) >= 5


def test_run_probe_sets_gives_the_third_fresh_set_its_own_row(tmp_path: Path):
    # a stand-in folder and empty extractions: the row is what is checked, not a score
    probe = {"class": "not-a-claim", "text": "Nobody spoke.", "claim": None}
    (tmp_path / "held_apart_fresh3.jsonl").write_text(json.dumps(probe) + "\n", encoding="utf-8")

    def run_empty(articles):
        return [Extraction(article=a) for a in articles]

    results = run_probe_sets(run_empty, run_empty, folder=tmp_path)
    assert list(results) == ["held_apart_fresh3"]
    assert results["held_apart_fresh3"]["baseline"]["total"] == 1
