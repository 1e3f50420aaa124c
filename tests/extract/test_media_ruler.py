"""The MEDIA component: gazetteer outlets override the statistical NER."""

from __future__ import annotations

import spacy

from workbench.extract.actors import configure_pipeline
from workbench.extract.media_ruler import COMPONENT, MEDIA_LABEL, written_forms


def media(doc):
    return [(e.text, e.kb_id_) for e in doc.ents if e.label_ == MEDIA_LABEL]


def test_written_forms():
    forms = written_forms("Al-Akhbar")
    assert {"Al-Akhbar", "Al Akhbar", "al-Akhbar", "al Akhbar"} <= set(forms)
    forms = written_forms("The Washington Post")
    assert {"The Washington Post", "the Washington Post", "Washington Post"} <= set(forms)
    assert "Guardian" not in written_forms("The Guardian")  # a lone common word
    assert "People\u2019s Daily" in written_forms("People's Daily")


def test_outlets_the_ner_mistypes_are_media(nlp):
    doc = nlp("Lebanese Daily Al-Akhbar reported that SANA and the Middle East Eye agreed.")
    assert media(doc) == [
        ("Daily Al-Akhbar", "Al-Akhbar"),
        ("SANA", "Syrian Arab News Agency"),
        ("Middle East Eye", "Middle East Eye"),
    ]


def test_outlet_before_a_weekday_but_not_before_a_longer_name(nlp):
    assert media(nlp("A source told AFP Monday that the talks failed.")) == [
        ("AFP", "Agence France-Presse")
    ]
    assert media(nlp("The Guardian Council rejected the law.")) == []


def test_configure_pipeline_is_idempotent(nlp):
    before = list(nlp.pipe_names)
    configure_pipeline(nlp)
    assert nlp.pipe_names == before
    assert nlp.pipe_names.count(COMPONENT) == 1


def test_works_without_a_statistical_ner():
    nlp = spacy.blank("en")
    configure_pipeline(nlp)
    assert media(nlp("Reuters and al Jazeera said so.")) == [
        ("Reuters", "Reuters"),
        ("al Jazeera", "Al Jazeera"),
    ]


def test_long_names_of_listed_bodies_are_found(nlp):
    doc = nlp("A branch of the Islamic State of Iraq and the Levant claimed the attack.")
    assert "Islamic State of Iraq and the Levant" in [e.text for e in doc.ents if e.label_ == "ORG"]


def test_an_outlet_said_to_be_one_is_media_whatever_the_ner_says(nlp):
    doc = nlp("On Monday, state-owned Iranian news agency Fars reported the warrants.")
    assert media(doc) == [("Fars", "Fars News Agency")]
    assert media(nlp("Fighting spread across Fars province.")) == []


def test_the_and_a_word_modifying_a_noun_is_no_outlet(nlp):
    doc = nlp("I help run the Australian ex-Muslim group. They sailed along the Atlantic coast.")
    assert media(doc) == []
    doc = nlp("The Australian reported that the Atlantic published it.")
    assert [name for _, name in media(doc)] == ["The Australian", "The Atlantic"]
