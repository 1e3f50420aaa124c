"""Review finding F16 (session 10): a verb of fighting whatever its object ("shelled",
"attacked", lexicon/armed_acts.txt +alone) made its subject an armed group even where the
name reads as a person's ("Khalifa Haftar shelled Tripoli"). That weaker evidence now
types a group only a name the NER calls no person, or one built like an armed group's or
a body's ("Jaysh al-Islam shelled Damascus"), and never a country or a listed
organisation; a verb of fighting with an armed object ("fired rockets") still does. Each
text is parsed by the real model."""

from __future__ import annotations

import pytest

from workbench.extract.names import listed_person
from workbench.model import ActorType, Article


def _types(extractor, text: str) -> dict[str, ActorType]:
    extraction = extractor.extract(Article(id="f16", text=text, published="2019-09-20"))
    return {actor.name: actor.type for actor in extraction.actors}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Khalifa Haftar shelled Tripoli on Monday.", "Khalifa Haftar"),
        ("Erdogan shelled his opponents in a fiery speech.", "Erdogan"),
        # the NER calls Haftar alone a body; the list of people the press names knows him
        ("Haftar shelled Tripoli overnight.", "Haftar"),
        ("Mohamed Hamdan Dagalo shelled the city on Sunday.", "Mohamed Hamdan Dagalo"),
        ("President Bashar al-Assad shelled rebel towns.", "Bashar al-Assad"),
        ("General Khalifa Haftar attacked Tripoli.", "Khalifa Haftar"),
        (
            "Recep Tayyip Erdogan said the army would respond. Erdogan shelled his opponents.",
            "Recep Tayyip Erdogan",
        ),
    ],
    ids=[
        "given-and-family",
        "one-word",
        "listed-family-name",
        "warlord",
        "president",
        "general",
        "elsewhere",
    ],
)
def test_a_person_who_shells_or_attacks_stays_a_person(extractor, text, name):
    assert _types(extractor, text)[name] is ActorType.PERSON


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jaysh al-Islam shelled Damascus from Douma on Monday.", "Jaysh al-Islam"),
        ("The Turkish-backed Sultan Murad Division shelled Tal Tamr.", "Sultan Murad Division"),
        ("Hamas shelled Sderot on Monday.", "Hamas"),
        ("Liwa Thar fired two rockets at a border post on Monday.", "Liwa Thar"),
    ],
    ids=["transliterated-unit", "division", "listed-group", "armed-object"],
)
def test_a_group_that_shells_or_fires_stays_a_group(extractor, text, name):
    assert _types(extractor, text)[name] is ActorType.GROUP


def test_a_country_that_shells_stays_a_country(extractor):
    assert _types(extractor, "Turkey shelled Tal Tamr.")["Turkey"] is ActorType.COUNTRY


def test_a_listed_person_is_known_whole_or_by_family_name():
    assert listed_person("Khalifa Haftar")
    assert listed_person("Haftar")
    assert listed_person("Assad")  # "al-Assad" without its article
    assert not listed_person("Jaysh al-Islam")
    assert not listed_person("Tal Tamr")
