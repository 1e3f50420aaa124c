"""Kinds of synonyms issue 10 still missed (session 11), on docs whose entities are given by
hand: a name declared "known by the nom de guerre Y", a declared name after a titled one,
a place with and without the kind of place it is ("the Strait of Hormuz", "the Gaza
Strip"), and a body named without the country it works in ("the Islamic Resistance" after
"the Islamic Resistance in Iraq")."""

from __future__ import annotations

from test_actors import blank_doc, by_name

from workbench.extract.actors import extract_actors
from workbench.model import ActorType


def test_a_name_known_by_a_nom_de_guerre_is_one_person():
    doc = blank_doc(
        "Ibrahim Awad al-Badri, known by the nom de guerre Abu Bakr al-Baghdadi, was killed "
        "in a raid.",
        [("Ibrahim Awad al-Badri", "PERSON"), ("Abu Bakr al-Baghdadi", "PERSON")],
    )
    actors = extract_actors(doc)
    assert len(actors) == 1
    assert actors[0].aliases == ("Abu Bakr al-Baghdadi",)


def test_known_by_words_without_a_noun_for_a_name_declare_nothing():
    # "known by the villagers": who knows him, no second name
    doc = blank_doc(
        "Ali Hassan, known by the villagers Omar Khalil and Sami Nasser, left Hama.",
        [("Ali Hassan", "PERSON"), ("Omar Khalil", "PERSON"), ("Sami Nasser", "PERSON")],
    )
    assert {"Ali Hassan", "Omar Khalil"} <= set(by_name(extract_actors(doc)))


def test_a_declared_name_after_a_titled_name_joins_the_person():
    # the mention is "Mahmoud Abbas", without the words the declared name opens with
    doc = blank_doc(
        "Talks opened as Palestinian President Mahmoud Abbas, also known as Abu Mazen, met "
        "the envoy. Abu Mazen said no.",
        [("Mahmoud Abbas", "PERSON"), ("Abu Mazen", "PERSON"), ("Abu Mazen", "PERSON")],
    )
    actors = by_name(extract_actors(doc))
    assert set(actors) == {"Mahmoud Abbas"}
    assert actors["Mahmoud Abbas"].aliases == ("Abu Mazen",)


def test_a_strait_named_before_or_after_its_name_is_one_place():
    doc = blank_doc(
        "Iran threatened to close the Strait of Hormuz. Tankers slowed in the Hormuz Strait. "
        "Traffic through Hormuz fell.",
        [("the Strait of Hormuz", "LOC"), ("the Hormuz Strait", "LOC"), ("Hormuz", "LOC")],
    )
    places = [a for a in extract_actors(doc) if a.type is ActorType.PLACE]
    assert len(places) == 1 and len(places[0].mentions) == 3


def test_a_strip_with_and_without_its_kind_is_one_place():
    doc = blank_doc(
        "Air strikes hit the Gaza Strip overnight. Hospitals in Gaza said 30 people died.",
        [("the Gaza Strip", "LOC"), ("Gaza", "GPE")],
    )
    actors = extract_actors(doc)
    assert len(actors) == 1 and actors[0].type is ActorType.PLACE


def test_a_body_named_without_the_country_it_works_in_is_that_body():
    doc = blank_doc(
        "The Islamic Resistance in Iraq claimed the attack. The Islamic Resistance said more "
        "would follow.",
        [("The Islamic Resistance in Iraq", "ORG"), ("The Islamic Resistance", "ORG")],
    )
    actors = extract_actors(doc)
    assert len(actors) == 1
    assert "Islamic Resistance" in actors[0].aliases


def test_a_short_form_before_the_body_in_a_country_stays_apart():
    # written first, nothing says the short name is the body named after it
    doc = blank_doc(
        "The Islamic Resistance rallied. The Islamic Resistance in Iraq claimed the attack.",
        [("The Islamic Resistance", "ORG"), ("The Islamic Resistance in Iraq", "ORG")],
    )
    assert len(extract_actors(doc)) == 2


def test_a_body_in_a_place_that_is_no_country_keeps_its_name_whole():
    doc = blank_doc(
        "The Popular Front in Gaza City fired rockets. The Popular Front said it would go on.",
        [("The Popular Front in Gaza City", "ORG"), ("The Popular Front", "ORG")],
    )
    assert len(extract_actors(doc)) == 2
