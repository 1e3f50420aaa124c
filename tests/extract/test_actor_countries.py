"""Countries the NER leaves untagged are still mentions (issue 10's named mentions), with
the real model: a heading's "Group F — Sweden", the "U.S." of one token "U.S.-led"."""

from __future__ import annotations

import pytest
import spacy

from workbench.extract.actors import extract_actors
from workbench.model import ActorType

pytestmark = pytest.mark.slow


def countries(nlp, text):
    doc = nlp(text)
    found = {}
    for actor in extract_actors(doc):
        if actor.type is ActorType.COUNTRY:
            found[actor.name] = [(m.text, text[m.start : m.end]) for m in actor.mentions]
    return found


def test_an_untagged_country_in_a_heading_is_a_mention(nlp):
    found = countries(nlp, "Group F — Sweden 1 – 0 South Korea")
    assert found["Sweden"] == [("Sweden", "Sweden")]
    assert "South Korea" in found


def test_the_country_at_the_head_of_a_hyphenated_word(nlp):
    found = countries(nlp, "The Iraqi government was set up in 2003 after a U.S.-led invasion.")
    assert found["United States"] == [("U.S.", "U.S.")]


@pytest.mark.parametrize(
    "text",
    [
        "He was released on US$20,000 bail on Thursday.",  # money
        "The Sweden Democrats won seats in the vote.",  # a party's name
        "Jordan scored twice in the second half.",  # a given name
    ],
)
def test_no_country_where_the_word_is_no_country(text):
    # the model tags some of these itself; a doc without entities tests this rule alone
    doc = spacy.blank("en")(text)
    assert not [a for a in extract_actors(doc) if a.type is ActorType.COUNTRY]
