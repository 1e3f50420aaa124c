"""Forms of one name that join one actor (issue 10's synonyms), on docs whose entities are
given by hand: a transliterated first vowel, a middle name left out, a body's name without
the words saying what kind of body it is, "East"/"Eastern" places."""

from __future__ import annotations

from test_actors import blank_doc, by_name

from workbench.extract.actors import extract_actors
from workbench.extract.names import same_word
from workbench.model import ActorType


def test_a_first_vowel_written_either_way_is_one_word():
    assert same_word("Osama", "Usama")
    assert same_word("Ibrahim", "Ebrahim")
    assert same_word("Omar", "Umar")
    assert not same_word("Osama", "Usman")  # the rest must be spelled alike
    assert not same_word("Amal", "Emil")
    assert not same_word("Ali", "Eli")  # short words need exact spelling


def test_usama_bin_ladin_is_osama_bin_laden():
    doc = blank_doc(
        "Osama bin Laden founded the group. Usama bin Ladin was killed. Osama had a son.",
        [("Osama bin Laden", "PERSON"), ("Usama bin Ladin", "PERSON"), ("Osama", "PERSON")],
    )
    actors = extract_actors(doc)
    assert len(actors) == 1
    assert set(actors[0].aliases) == {"Usama bin Ladin", "Osama"}


def test_a_name_without_its_middle_name_is_the_same_person():
    doc = blank_doc(
        "Elijah Eugene Cummings died on Thursday. Elijah Cummings was 68. Cummings served "
        "since 1996. Maya Rockeymoore Cummings is his wife.",
        [
            ("Elijah Eugene Cummings", "PERSON"),
            ("Elijah Cummings", "PERSON"),
            ("Cummings", "PERSON"),
            ("Maya Rockeymoore Cummings", "PERSON"),
        ],
    )
    actors = by_name(extract_actors(doc))
    assert set(actors) == {"Elijah Eugene Cummings", "Maya Rockeymoore Cummings"}
    assert set(actors["Elijah Eugene Cummings"].aliases) == {"Elijah Cummings", "Cummings"}


def test_a_different_first_name_is_another_person():
    doc = blank_doc(
        "Elijah Eugene Cummings spoke. Maya Cummings replied.",
        [("Elijah Eugene Cummings", "PERSON"), ("Maya Cummings", "PERSON")],
    )
    assert len(extract_actors(doc)) == 2


def test_a_body_named_without_the_kind_of_body_it_is():
    doc = blank_doc(
        "The plane belonged to Saha Airlines. A database lists Saha as its owner.",
        [("Saha Airlines", "ORG"), ("Saha", "PERSON")],
    )
    actors = extract_actors(doc)
    assert len(actors) == 1
    assert actors[0].name == "Saha Airlines"
    assert actors[0].type is ActorType.ORGANIZATION  # not a person called Saha


def test_the_surname_of_a_person_named_here_stays_with_the_person():
    doc = blank_doc(
        "Henry Ford founded Ford Motor Company. Ford said cars were for everyone.",
        [("Henry Ford", "PERSON"), ("Ford Motor Company", "ORG"), ("Ford", "PERSON")],
    )
    actors = by_name(extract_actors(doc))
    assert actors["Henry Ford"].aliases == ("Ford",)
    assert actors["Ford Motor Company"].aliases == ()


def test_a_word_before_the_full_name_is_not_its_short_form():
    doc = blank_doc(
        "Saha said the jet was lost. Saha Airlines owns it.",
        [("Saha", "PERSON"), ("Saha Airlines", "ORG")],
    )
    assert len(extract_actors(doc)) == 2


def test_east_and_eastern_name_one_region():
    doc = blank_doc(
        "Gas in the Eastern Mediterranean is disputed. Drilling in the East Mediterranean goes on.",
        [("Eastern Mediterranean", "LOC"), ("East Mediterranean", "LOC")],
    )
    actors = extract_actors(doc)
    assert len(actors) == 1
    assert actors[0].type is ActorType.PLACE


def test_a_municipality_is_its_town():
    doc = blank_doc(
        "The Municipality of Bogliasco asked for the tax. Bogliasco is near Genoa.",
        [("Municipality of Bogliasco", "GPE"), ("Bogliasco", "GPE"), ("Genoa", "GPE")],
    )
    assert len(extract_actors(doc)) == 2
