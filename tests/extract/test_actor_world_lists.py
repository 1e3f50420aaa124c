"""Typing from the licensed lists of session 7 (issue 10), on docs whose entities are given
by hand: a given name from Faker's world-wide lists makes a person ("Thibaut Courtois"
tagged ORG), a first-level region is a place ("Tasmania" tagged ORG or PERSON), a title
alone is never a place, and a listed armed group the NER left untagged is found."""

from __future__ import annotations

import spacy
from test_actors import blank_doc, by_name

from workbench import lexicon
from workbench.extract.actor_mentions import candidates_of
from workbench.extract.actors import extract_actors
from workbench.extract.names import given_names, looks_like_person_name
from workbench.extract.places import place_country
from workbench.lexicon.gazetteer import countries, fold
from workbench.model import ActorType


def test_a_given_name_of_the_world_list_makes_a_person():
    assert looks_like_person_name("Thibaut Courtois")
    assert looks_like_person_name("Tiziano Lugli")
    assert not looks_like_person_name("Thibaut Holdings Company")  # a body's word in it
    doc = blank_doc("Goalkeeper Thibaut Courtois made three saves.", [("Thibaut Courtois", "ORG")])
    assert by_name(extract_actors(doc))["Thibaut Courtois"].type is ActorType.PERSON


def test_the_world_list_holds_no_country_capital_or_common_word():
    world = {fold(n) for n in lexicon.lines("given_names_world.txt")}
    assert "thibaut" in world
    for country in countries():
        for form in (country.name, *country.variants, country.capital):
            assert fold(form) not in world, form  # "Jordan", "Israel" stay countries
    assert not world & {"will", "grace", "hope", "royal", "general"}
    # the other rules read the hand-written list alone: a rare name is no evidence there
    assert "thibaut" not in given_names()


def test_a_region_of_the_list_is_a_place():
    assert place_country("Tasmania") == "Australia"
    assert place_country("Kerala") == "India"
    assert place_country("Victoria") is None  # a common given name: left out of the list
    for label in ("ORG", "PERSON"):
        doc = blank_doc("Tasmania has the highest rate.", [("Tasmania", label)])
        assert by_name(extract_actors(doc))["Tasmania"].type is ActorType.PLACE


def test_a_title_alone_is_no_place():
    for label in ("FAC", "GPE", "LOC"):
        doc = blank_doc("Officials gave the Sheriff's detective a file.", [("Sheriff", label)])
        assert extract_actors(doc) == []  # a description, not a name; never a place


def test_a_listed_armed_group_the_ner_missed_is_found():
    doc = spacy.blank("en")("Daesh fighters attacked an army post. IS claimed it.")
    texts = [(m.text, m.label) for m in candidates_of(doc)]
    assert ("Daesh", "ORG") in texts
    # "IS" written in capitals among words that are not: the group, not the verb
    assert ("IS", "ORG") in texts
    actors = by_name(extract_actors(doc))
    assert actors["Islamic State"].type is ActorType.GROUP
    assert [m.text for m in actors["Islamic State"].mentions] == ["Daesh", "IS"]


def test_is_in_a_line_of_capitals_is_the_verb():
    doc = spacy.blank("en")("WHO IS TO BLAME FOR THE ATTACK? Daesh fighters attacked a post.")
    assert all(m.text != "IS" for m in candidates_of(doc))


def test_a_person_the_ner_left_untagged_is_found_by_the_given_name():
    # a misspelt title hid "Adam Schiff" from the NER, which then took "Schiff" for a place
    doc = spacy.blank("en")(
        "Committee chair Represenative Adam Schiff questioned the plan. Schiff called it a "
        "non-starter. The Adam Smith Institute and Sultan Qaboos agreed."
    )
    second = doc.text.index("Schiff called")
    doc.ents = [doc.char_span(second, second + len("Schiff"), label="LOC")]
    texts = {m.text: m.label for m in candidates_of(doc)}
    assert texts["Adam Schiff"] == "PERSON"
    assert "Adam Smith Institute" not in texts and "Adam Smith" not in texts  # a body's name
    assert "Sultan Qaboos" not in texts  # a title first: the NER's to tag
    actors = by_name(extract_actors(doc))
    assert actors["Adam Schiff"].type is ActorType.PERSON
    assert actors["Adam Schiff"].aliases == ("Schiff",)


def test_a_name_opening_with_a_kind_of_place_is_a_place():
    doc = blank_doc(
        "Police entered Masjid Al-Aqsa. Troops shelled Jabal al-Zawiya. Mount Lebanon "
        "flooded. Wadi Barada Water Company said Tal Becker spoke.",
        [
            ("Masjid Al-Aqsa", "ORG"),
            ("Jabal al-Zawiya", "PERSON"),
            ("Mount Lebanon", "PERSON"),
            ("Wadi Barada Water Company", "ORG"),
        ],
    )
    actors = by_name(extract_actors(doc))
    for place in ("Masjid Al-Aqsa", "Jabal al-Zawiya", "Mount Lebanon"):
        assert actors[place].type is ActorType.PLACE, place
    assert actors["Wadi Barada Water Company"].type is ActorType.ORGANIZATION  # a body's name


def test_a_head_that_is_also_a_given_name_needs_a_place_form():
    # no parse here: neither a title nor speech, only the words after "Ras", "Ayn", "Tal"
    doc = blank_doc(
        "Police met Ras Baraka. Ayn Rand was read. Troops took Ras al-Ain and Tal Abyad.",
        [
            ("Ras Baraka", "PERSON"),
            ("Ayn Rand", "PERSON"),
            ("Ras al-Ain", "PERSON"),
            ("Tal Abyad", "PERSON"),
        ],
    )
    actors = by_name(extract_actors(doc))
    assert actors["Ras Baraka"].type is ActorType.PERSON
    assert actors["Ayn Rand"].type is ActorType.PERSON
    assert actors["Ras al-Ain"].type is ActorType.PLACE  # the Arabic article after the head
    assert actors["Tal Abyad"].type is ActorType.PLACE  # a listed place
    assert looks_like_person_name("Tal Becker")  # "Tal" is a given name again
