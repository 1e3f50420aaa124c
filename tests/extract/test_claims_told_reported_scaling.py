"""Claim rules stay linear in one long sentence of nested reports (review F6, round 2).

"Ali Hassan told Shafaq News that the dam broke, Al Jazeera reported, Ali Hassan told ..."
with no full stop: each "told" clause is the complement of the "reported" after it, so the
complements nest. Walking each complement's subtree (`attribution.complement`), listing
each aside's subtree (`claims._after_parenthetical`) or every ancestor of each content's
last word (`claims._drop_writers_sequel`) made the work grow with (cues x sentence).
Measured in executed lines of the rules (a count, not a clock): twice the sentence must
cost about twice the lines, not four times.
"""

from __future__ import annotations

from line_counting import lines_run

from workbench.extract import attribution as attribution_module
from workbench.extract import claims as claims_module
from workbench.extract.actors import extract_actors
from workbench.extract.claims import extract_claims
from workbench.extract.spans import ActorIndex

_RULE_FILES = {claims_module.__file__, attribution_module.__file__}
_UNIT = "Ali Hassan told Shafaq News that the dam broke, Al Jazeera reported, "


def _lines_run(nlp, repeats: int) -> tuple[int, int]:
    doc = nlp("He said: " + _UNIT * repeats + "it ended.")
    assert len(list(doc.sents)) <= 3  # one long sentence, or the test measures nothing
    actors = extract_actors(doc)
    count, found = lines_run(
        _RULE_FILES, lambda: extract_claims(doc, actors, index=ActorIndex(actors))
    )
    return count, len(found)


def test_twice_the_nested_reports_cost_about_twice_the_work(nlp):
    small = 20
    lines_small, claims_small = _lines_run(nlp, small)
    lines_large, claims_large = _lines_run(nlp, 2 * small)
    assert claims_small >= 1 and claims_large >= 1  # the cues were read
    assert lines_large < 2.3 * lines_small, (lines_small, lines_large)
