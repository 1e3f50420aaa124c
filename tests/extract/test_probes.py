"""The tuned probe sentences (`eval/probes/tuned.jsonl`): one construction of real
conflict reporting each (wire leads, relays, citing, anaphora, places, datelines), with
the speaker, channels and kind it must give. `python -m eval` also scores the held-apart
set, which no rule was tuned on."""

from __future__ import annotations

import json

import pytest

from eval.probing import PROBES, MalformedProbe, check_probe, load_probes, probe_article
from workbench.model import Extraction

TUNED = load_probes(PROBES / "tuned.jsonl")


@pytest.mark.parametrize("number", range(len(TUNED)), ids=[p["class"] for p in TUNED])
def test_tuned_probe(extractor, number):
    probe = TUNED[number]
    extraction = extractor.extract(probe_article(probe, number))
    assert check_probe(probe, extraction) == [], probe["text"]


def test_a_probe_fails_on_the_wrong_speaker(extractor):
    # the checker itself can fail: the same sentence with a speaker it does not give
    probe = {**TUNED[0], "speaker": "Reuters"}
    wrong = check_probe(probe, extractor.extract(probe_article(probe, 0)))
    assert wrong and "speaker" in wrong[0]


def test_a_probe_with_an_empty_form_list_is_reported_malformed(tmp_path):
    # `one_actor: [[]]` names no forms: a clear error saying so, not a TypeError
    probe = {"class": "synonyms", "text": "Al Jazeera said so.", "one_actor": [[]]}
    extraction = Extraction(article=probe_article(probe, 0))
    with pytest.raises(MalformedProbe, match="one_actor"):
        check_probe(probe, extraction)
    path = tmp_path / "probes.jsonl"
    path.write_text(json.dumps(TUNED[0]) + "\n" + json.dumps(probe) + "\n", encoding="utf-8")
    with pytest.raises(MalformedProbe, match=r"probes.jsonl:2: malformed probe"):
        load_probes(path)
