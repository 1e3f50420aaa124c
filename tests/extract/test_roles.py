"""Roles read from the parse around a mention (the session pipeline, one sentence each)."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from workbench.extract.roles import roles_of


def span_of(doc, text):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text))


def test_noun_phrase_before_the_name(nlp):
    doc = nlp("SANA said Syrian National Security Bureau chief Ali Mamlouk made a visit.")
    assert roles_of(span_of(doc, "Ali Mamlouk")) == ["Syrian National Security Bureau chief"]


def test_role_with_a_prepositional_phrase(nlp):
    doc = nlp("The Saudi ambassador to the UN Abduallah al-Mouallimi condemned the vote.")
    assert "Saudi ambassador to the UN" in roles_of(span_of(doc, "Abduallah al-Mouallimi"))


def test_title_and_apposition(nlp):
    doc = nlp(
        "He met with General Khaled Fawzy, the head of Egypt\u2019s General Intelligence "
        "Service, in Cairo."
    )
    assert roles_of(span_of(doc, "Khaled Fawzy")) == [
        "General",
        "head of Egypt\u2019s General Intelligence Service",
    ]


def test_predicates(nlp):
    doc = nlp("Al-Mamlouk was appointed chief of the Syrian National Security Bureau in 2012.")
    assert roles_of(span_of(doc, "Al-Mamlouk")) == ["chief of the Syrian National Security Bureau"]


def test_a_possessor_is_not_a_role(nlp):
    doc = nlp("He met the head of Egypt\u2019s General Intelligence Service yesterday.")
    assert roles_of(span_of(doc, "General Intelligence Service"), person=False) == []


def test_no_parse_no_roles():
    doc = spacy.blank("en")("Bureau chief Ali Mamlouk arrived.")
    assert roles_of(Span(doc, 2, 4)) == []
