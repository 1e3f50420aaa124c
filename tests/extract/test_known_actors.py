"""What the case taught, found in a new article's text: on a blank spaCy pipeline (the
entities set by hand where the model's would matter), with the case's own `Knowledge`."""

from __future__ import annotations

import pytest
import spacy

from workbench.case.knowledge import Knowledge, KnownActor
from workbench.case.resolve import normalise_name
from workbench.extract.known_actors import (
    KnownSpan,
    apply_known_types,
    compound_names,
    mark_known_names,
)
from workbench.model import Actor, ActorType, Mention


def knowing(*actors: tuple[str, str, tuple[str, ...]], rejected: tuple[str, ...] = ()) -> Knowledge:
    """Knowledge of (name, type, other names) as `read_knowledge` builds it."""
    known, forms = {}, []
    for number, (name, actor_type, others) in enumerate(actors, start=1):
        for form in (name, *others):
            known[normalise_name(form)] = KnownActor(f"A{number}", name, ActorType(actor_type))
            forms.append(form)
    return Knowledge(
        known=known,
        rejected=frozenset(normalise_name(r) for r in rejected),
        surface_forms=tuple(forms),
    )


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def with_ents(nlp, text: str, *ents: tuple[str, str]):
    doc = nlp(text)
    spans = []
    for words, label in ents:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return doc


US = ("United States", "country", ("U.S.", "US"))


def test_a_known_name_inside_a_hyphenated_word_is_found(nlp):
    doc = nlp("A U.S.-led coalition, United States-backed forces; a Saudi-led one.")
    assert "U.S.-led" in [t.text for t in doc]  # one token: no entity can end inside it
    found = compound_names(doc, knowing(US))
    assert [(f.text, f.name, f.type) for f in found] == [
        ("U.S.", "United States", ActorType.COUNTRY)
    ]  # "Saudi" was never taught
    assert doc.text[found[0].start : found[0].end] == "U.S."
    # where the tokenizer splits at the hyphen, the name is an entity as usual
    marked = mark_known_names(doc, knowing(US))
    assert [m.text for m in marked] == ["United States", "U.S."]
    assert [e.text for e in doc.ents] == ["United States"]


def test_a_known_name_with_a_comma_is_one_name(nlp):
    unesco = (
        "UNESCO",
        "organization",
        ("United Nations Educational, Scientific and Cultural Organization",),
    )
    text = "Critics, and the United Nations Educational, Scientific and Cultural Organization."
    doc = with_ents(
        nlp,
        text,
        ("United Nations Educational", "ORG"),
        ("Cultural Organization", "ORG"),
    )
    knowledge = knowing(unesco, rejected=("United Nations Educational", "Cultural Organization"))
    marked = mark_known_names(doc, knowledge)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("United Nations Educational, Scientific and Cultural Organization", "ORG")
    ]
    assert [m.name for m in marked] == ["UNESCO"]
    # a comma only where a known name has one: "Syria, Iran" is no name
    doc = nlp("Syria, Iran and Iraq.")
    mark_known_names(doc, knowing(("Syria Iran", "country", ())))
    assert list(doc.ents) == []


def test_a_known_name_wins_over_an_entity_across_a_bracket(nlp):
    text = 'He said "Ayasofya [Haghia Sophia] will be a mosque."'
    doc = with_ents(nlp, text, ("Ayasofya [Haghia Sophia", "WORK_OF_ART"))
    mark_known_names(doc, knowing(("Haghia Sophia", "place", ("Ayasofya",))))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ayasofya", "LOC"),
        ("Haghia Sophia", "LOC"),
    ]


def test_a_fuller_name_holding_a_known_one_stays(nlp):
    text = "Then the United States Department of Defense and Ali Mamlouk spoke."
    doc = with_ents(
        nlp,
        text,
        ("the United States Department of Defense", "ORG"),
        ("Ali Mamlouk", "PERSON"),
    )
    marked = mark_known_names(doc, knowing(US, ("Mamlouk", "person", ())))
    assert [e.text for e in doc.ents] == [
        "the United States Department of Defense",
        "Ali Mamlouk",
    ]
    assert marked == []


def test_a_known_name_the_rules_dropped_comes_back_as_its_actor(nlp):
    text = "Souhail Alouini, a member of Parliament, met U.S. envoys in the U.S.-led talks."
    parliament = ("Tunisian Parliament", "organization", ("Parliament",))
    knowledge = knowing(parliament, US)
    doc = with_ents(nlp, text, ("Souhail Alouini", "PERSON"), ("Parliament", "ORG"))
    found = mark_known_names(doc, knowledge)
    us = text.index("U.S.")
    # as the actor rules leave it: "Parliament" of "member of Parliament" dropped, the first
    # "U.S." found, the one inside "U.S.-led" unseen
    actors = [
        Actor(
            "a1", "Souhail Alouini", ActorType.PERSON, mentions=(Mention(0, 15, "Souhail Alouini"),)
        ),
        Actor("a2", "U.S.", ActorType.COUNTRY, mentions=(Mention(us, us + 4, "U.S."),)),
    ]
    result = apply_known_types(actors, knowledge, found=found)
    by_name = {a.name: a for a in result}
    assert set(by_name) == {"Souhail Alouini", "United States", "Tunisian Parliament"}
    led = text.index("U.S.-led")
    assert [m.start for m in by_name["United States"].mentions] == [us, led]
    (member,) = by_name["Tunisian Parliament"].mentions
    assert (member.text, by_name["Tunisian Parliament"].type) == (
        "Parliament",
        ActorType.ORGANIZATION,
    )
    assert by_name["Tunisian Parliament"].id == "a3"  # a new actor, after the others
    assert by_name["Tunisian Parliament"].aliases == ("Parliament",)


def test_a_found_name_inside_an_actors_mention_adds_nothing():
    knowledge = knowing(("Mamlouk", "person", ()))
    actors = [
        Actor("a1", "Ali Mamlouk", ActorType.PERSON, mentions=(Mention(0, 11, "Ali Mamlouk"),))
    ]
    found = [KnownSpan(4, 11, "Mamlouk", "Mamlouk", ActorType.PERSON)]
    assert apply_known_types(actors, knowledge, found=found) == actors


def test_the_matcher_tries_spans_only_from_words_a_known_name_can_start_with():
    from workbench.case.knowledge import _spellings

    knowledge = knowing(US, ("Karim Haddad", "person", ()))
    knowledge = Knowledge(
        known=knowledge.known,
        surface_forms=knowledge.surface_forms,
        spellings=_spellings(knowledge.known),
    )
    assert knowledge.may_start("U.S.") and knowledge.may_start("United")
    assert knowledge.may_start("Al") and knowledge.may_start("The")  # articles go
    assert knowledge.may_start("Kareem")  # another spelling of a known person's name
    assert not knowledge.may_start("Saudi") and not knowledge.may_start("Reuters")
