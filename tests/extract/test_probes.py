"""The tuned probe sentences (`eval/probes/tuned.jsonl`): one construction of real
conflict reporting each (wire leads, relays, citing, anaphora, places, datelines), with
the speaker, channels and kind it must give. `python -m eval` also scores the held-apart
set, which no rule was tuned on."""

from __future__ import annotations

import pytest

from eval.probing import PROBES, check_probe, load_probes, probe_article

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
