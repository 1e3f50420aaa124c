"""Session 11's claim rules stay linear in one long sentence of their constructions
(hostile input): an object before a bracketed name, ", and also voted", a measured time
after a comma, ", echoing remarks by", ", according to a transcript", "— a claim that",
"in an interview aired ... that", "and demanded", repeated with no full stop. Measured
in executed lines of the claim rules (a count, not a clock): twice the sentence must
cost about twice the lines, not four times."""

from __future__ import annotations

from line_counting import lines_run

from workbench.extract import attribution as attribution_module
from workbench.extract import claims as claims_module
from workbench.extract.actors import extract_actors
from workbench.extract.claims import extract_claims
from workbench.extract.spans import ActorIndex

_RULE_FILES = {claims_module.__file__, attribution_module.__file__}
_UNIT = (
    "the council said dozens of PKK (Kurdistan Workers' Party) fighters crossed the border, "
    "and also voted for the plan, nearly a week before the order, echoing remarks by others, "
    "according to a transcript released by the office \u2014 a claim that officials have "
    "rejected \u2014 and an aide told Al Mayadeen in an interview aired on Monday that the "
    "agency reported Tehran seized two tankers and demanded from London to release its ship; "
)


def _lines_run(nlp, repeats: int) -> tuple[int, int]:
    doc = nlp("Meanwhile " + _UNIT * repeats + "nothing more.")
    assert len(list(doc.sents)) <= 3  # one long sentence, or the test measures nothing
    actors = extract_actors(doc)
    count, found = lines_run(
        _RULE_FILES, lambda: extract_claims(doc, actors, index=ActorIndex(actors))
    )
    return count, len(found)


def test_twice_the_sentence_costs_about_twice_the_work(nlp):
    small = 12
    lines_small, claims_small = _lines_run(nlp, small)
    lines_large, claims_large = _lines_run(nlp, 2 * small)
    assert claims_small >= 1 and claims_large >= 1  # the cues were read
    assert lines_large < 2.4 * lines_small, (lines_small, lines_large)


_PRONOUN_UNIT = "The Muslim Brotherhood won and the Muslim Brotherhood said it would rule, "


def test_a_pronouns_search_back_stays_linear_in_one_long_sentence(nlp):
    # review H14: every "it" walked back over the whole sentence for its actor
    from workbench.extract import speakers as speakers_module

    def lines(repeats: int) -> int:
        doc = nlp("He said: " + _PRONOUN_UNIT * repeats + "it ended.")
        assert len(list(doc.sents)) <= 3
        actors = extract_actors(doc)
        count, _ = lines_run(
            {speakers_module.__file__},
            lambda: extract_claims(doc, actors, index=ActorIndex(actors)),
        )
        return count

    small = 60
    lines_small, lines_large = lines(small), lines(2 * small)
    assert lines_large < 2.4 * lines_small, (lines_small, lines_large)
