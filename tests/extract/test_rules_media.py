"""The media ruler on hand-built parses of the bare model (`hand_docs.py`): listed
outlets become MEDIA whatever the NER called them, and a listed name used for something
else does not. No model: the fast tier. On the model's own parses: `test_media_ruler.py`.
"""

from __future__ import annotations

import pytest
from hand_docs import (
    ACCORDING_TO_SANA_RAW,
    ATLANTIC_COAST,
    BLOOMBERG_TWICE,
    GUARDIAN_COUNCIL,
    ISIS_MISSED,
    SANA_REPORTED,
    TOLD_AFP_MONDAY,
    HandDoc,
    blank,
)

from workbench.extract.media_ruler import MEDIA_LABEL, MediaRuler


@pytest.fixture(scope="module")
def ruler() -> MediaRuler:
    return MediaRuler(blank())  # the vocab the hand-built docs share


def ents_after(ruler: MediaRuler, hand: HandDoc) -> list[tuple[str, str, str]]:
    doc = ruler(hand.doc())
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def test_an_outlet_the_ner_missed_is_media_with_its_full_name(ruler):
    assert ents_after(ruler, SANA_REPORTED) == [
        ("SANA", MEDIA_LABEL, "Syrian Arab News Agency"),
        ("Mamlouk", "ORG", ""),  # what is not an outlet keeps the NER's label
        ("Cairo", "GPE", ""),
    ]


def test_an_outlet_the_ner_took_for_a_person_is_media(ruler):
    assert ents_after(ruler, ACCORDING_TO_SANA_RAW) == [
        ("SANA", MEDIA_LABEL, "Syrian Arab News Agency")
    ]


def test_a_weekday_after_an_outlet_does_not_make_it_a_longer_name(ruler):
    assert ents_after(ruler, TOLD_AFP_MONDAY) == [
        ("AFP", MEDIA_LABEL, "Agence France-Presse"),
        ("Monday", "DATE", ""),
    ]


def test_a_persons_surname_that_is_also_an_outlet_stays_the_person(ruler):
    ents = ents_after(ruler, BLOOMBERG_TWICE)
    assert ents == [("Michael Bloomberg", "PERSON", ""), ("Bloomberg", "ORG", "")]


def test_an_outlet_name_starting_a_longer_name_is_not_the_outlet(ruler):
    assert ents_after(ruler, GUARDIAN_COUNCIL) == [("The Guardian Council", "ORG", "")]


def test_the_and_an_outlet_word_before_a_noun_is_no_outlet(ruler):
    assert ents_after(ruler, ATLANTIC_COAST) == [("the Atlantic coast", "LOC", "")]


def test_a_listed_acronym_the_ner_missed_is_added(ruler):
    assert ents_after(ruler, ISIS_MISSED) == [("ISIS", "ORG", "")]
