"""Claim rules stay linear in the length of one long sentence with many cues (review F3).

"He listed the places: potentially, according to Al Jazeera, US$3.6 billion from Qatar,
and potentially, according to ..." with no full stop: every "according to" is a claim
whose content runs to the sentence's end, so the claims' spans overlap. Looking for the
colon before each cue, or walking each claim's whole span for a concession, "such as" or
a joined act, made the work grow with (cues x sentence). Measured in executed lines of
the claim rules (a count, not a clock): twice the sentence must cost about twice the
lines, not four times.
"""

from __future__ import annotations

from line_counting import lines_run

from workbench.extract import claims as claims_module
from workbench.extract import content_edges as edges_module
from workbench.extract.actors import extract_actors
from workbench.extract.claims import extract_claims
from workbench.extract.spans import ActorIndex

_RULE_FILES = {claims_module.__file__, edges_module.__file__}
_UNIT = "potentially, according to Al Jazeera, US$3.6 billion from Qatar, and "


def _lines_run(nlp, repeats: int) -> tuple[int, int]:
    doc = nlp("He listed the places: " + _UNIT * repeats + "more.")
    assert len(list(doc.sents)) <= 3  # one long sentence, or the test measures nothing
    actors = extract_actors(doc)  # Al Jazeera, whom each cue names
    count, found = lines_run(
        _RULE_FILES, lambda: extract_claims(doc, actors, index=ActorIndex(actors))
    )
    return count, len(found)


def test_twice_the_sentence_costs_about_twice_the_work(nlp):
    small = 40
    lines_small, claims_small = _lines_run(nlp, small)
    lines_large, claims_large = _lines_run(nlp, 2 * small)
    assert claims_small >= 1 and claims_large >= 1  # the cues were read
    assert lines_large < 3 * lines_small, (lines_small, lines_large)
