"""Dated events stay about linear in one long sentence of dates counted from an event
(review session 9, F1).

"Voters went to the polls on Saturday and two days after the ballot, on Tuesday, ..." with
no full stop: every "two days after the ballot" is counted from the event it names, and the
dates later in its sentence may date that event. Resolving every later date of the sentence
again for each such expression made the work grow with the square of the sentence.
Measured in executed lines of the event rules (a count, not a clock): twice the sentence
must cost well under four times the lines.
"""

from __future__ import annotations

from datetime import date

from line_counting import lines_run

from workbench.extract import dates as dates_module
from workbench.extract import event_anchors as anchors_module
from workbench.extract import events as events_module
from workbench.extract.events import extract_events
from workbench.extract.spans import ActorIndex

_RULE_FILES = {events_module.__file__, anchors_module.__file__, dates_module.__file__}
_UNIT = (
    "Voters went to the polls on Saturday and two days after the ballot, on Tuesday, July 2 to 5, "
)


def _lines_run(nlp, repeats: int) -> tuple[int, int]:
    doc = nlp(_UNIT * repeats + "end.")
    assert len(list(doc.sents)) <= 3  # one long sentence, or the test measures nothing
    count, events = lines_run(
        _RULE_FILES,
        lambda: extract_events(doc, [], [], published=date(2020, 1, 1), index=ActorIndex([])),
    )
    counted = sum(e.date_text.lower().startswith("two days after") for e in events)
    return count, counted


def test_twice_the_sentence_costs_about_twice_the_work(nlp):
    small = 20
    lines_small, counted_small = _lines_run(nlp, small)
    lines_large, counted_large = _lines_run(nlp, 2 * small)
    assert counted_small >= 1 and counted_large >= 1  # the counted dates were dated
    assert lines_large < 3 * lines_small, (lines_small, lines_large)


# review session 10, F6: a weekday in reported speech looked through every date span of the
# text for its saying's day, and every date through every claim for the one holding it
_REPORTED_UNIT = "Police said on Tuesday that it happened on Friday. "


def _reported_lines(extractor, repeats: int) -> tuple[int, int]:
    from workbench.model import Article

    article = Article(id="h", text=_REPORTED_UNIT * repeats, published="2019-09-20")
    count, extraction = lines_run({events_module.__file__}, lambda: extractor.extract(article))
    return count, sum(e.claim is not None for e in extraction.events)


def test_twice_the_reported_dates_cost_about_twice_the_work(extractor):
    small = 120  # (at 60 the linear work still hides the square)
    lines_small, held_small = _reported_lines(extractor, small)
    lines_large, held_large = _reported_lines(extractor, 2 * small)
    assert held_small >= small and held_large >= 2 * small  # the dates are in their claims
    assert lines_large < 3 * lines_small, (lines_small, lines_large)


# review session 10, F6 (the rest): in one long sentence whose saying comes after its many
# weekdays ("It happened on Friday and ... it ended, police said on Tuesday."), each weekday
# walked over every date span before the saying's: the square of the sentence
_AFTER_UNIT = "it happened on Friday and "


def _said_after_lines(extractor, repeats: int) -> tuple[int, int]:
    from workbench.model import Article

    text = _AFTER_UNIT * repeats + "it ended, police said on Tuesday."
    article = Article(id="h", text=text, published="2019-09-20")
    count, extraction = lines_run({events_module.__file__}, lambda: extractor.extract(article))
    # the Friday before that Tuesday, not the one before publication (the 20th, a Friday)
    return count, sum(str(e.date) == "2019-09-13" for e in extraction.events)


def test_a_sentence_of_weekdays_said_after_them_costs_about_twice_the_work(extractor):
    small = 40
    lines_small, dated_small = _said_after_lines(extractor, small)
    lines_large, dated_large = _said_after_lines(extractor, 2 * small)
    assert dated_small == small and dated_large == 2 * small
    assert lines_large < 2.4 * lines_small, (lines_small, lines_large)


# session 11: a phrase counted from an event set beside a day (owned, hedged, between
# dashes) is read by bounded scans; one long sentence of them stays linear
_BESIDE_UNIT = (
    "Monday's strike, just two days after the vote in the city, hit the camp "
    "and on Tuesday - a day after the talks - "
)


def _beside_lines(extractor, repeats: int) -> tuple[int, int]:
    from workbench.model import Article

    article = Article(id="h", text=_BESIDE_UNIT * repeats + "it ended.", published="2019-09-20")
    count, extraction = lines_run({events_module.__file__}, lambda: extractor.extract(article))
    return count, sum("after" in e.date_text for e in extraction.events)


def test_a_sentence_of_phrases_beside_days_costs_about_twice_the_work(extractor):
    small = 20
    lines_small, merged_small = _beside_lines(extractor, small)
    lines_large, merged_large = _beside_lines(extractor, 2 * small)
    assert merged_small >= small and merged_large >= 2 * small  # the phrases joined their days
    assert lines_large < 2.4 * lines_small, (lines_small, lines_large)
