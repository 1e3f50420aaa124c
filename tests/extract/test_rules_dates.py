"""Dates in a parsed sentence, resolved against the publication date: the tense of the
clause picks the past or the coming weekday. Hand-built parses (`hand_docs.py`), no model:
the fast tier. The resolver on bare expressions: `test_dates.py`.
"""

from __future__ import annotations

from datetime import date

from hand_docs import ARRIVED_SUNDAY, WILL_ARRIVE_SUNDAY, HandDoc

from workbench.extract.actors import extract_actors
from workbench.extract.events import extract_events
from workbench.extract.spans import ActorIndex
from workbench.model import Precision, to_plain

PUBLISHED = date(2016, 10, 17)  # a Monday, the seed article's date


def events_of(hand: HandDoc, published: date | None):
    doc = hand.doc()
    actors = extract_actors(doc)
    events = extract_events(doc, actors, [], published=published, index=ActorIndex(actors))
    return events, {a.name: a for a in actors}


def test_a_weekday_in_a_past_clause_is_the_one_before_publication():
    [event], actors = events_of(ARRIVED_SUNDAY, PUBLISHED)
    assert (event.date_text, to_plain(event.date), event.precision) == (
        "Sunday",
        "2016-10-16",
        Precision.DAY,
    )
    assert event.date_end is None
    assert event.summary == ARRIVED_SUNDAY.text
    assert event.actors == (actors["Cairo"].id,)  # the actors of its sentence


def test_a_weekday_in_a_future_clause_is_the_one_after_publication():
    [event], _ = events_of(WILL_ARRIVE_SUNDAY, PUBLISHED)
    assert (to_plain(event.date), event.precision) == ("2016-10-23", Precision.DAY)


def test_without_a_publication_date_a_weekday_is_no_event():
    # no day to count from: an unresolved weekday would be a guess
    for hand in (ARRIVED_SUNDAY, WILL_ARRIVE_SUNDAY):
        events, _ = events_of(hand, None)
        assert events == []


def test_the_event_offsets_are_the_texts():
    for hand in (ARRIVED_SUNDAY, WILL_ARRIVE_SUNDAY):
        [event], _ = events_of(hand, PUBLISHED)
        assert hand.text[event.start : event.end] == event.date_text
