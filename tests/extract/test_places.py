"""The place list and datelines, without the model: a blank tokenizer is enough."""

from __future__ import annotations

import spacy

from workbench.extract.places import is_dateline_span, place_country


def test_listed_places_and_their_press_spellings():
    assert place_country("Abha") == "Saudi Arabia"
    assert place_country("Sanaa") == "Yemen"
    assert place_country("Hodeidah") == "Yemen"  # a GeoNames alternate name
    assert place_country("BAGHDAD") == "Iraq"  # keys ignore case
    assert place_country("Mohammed") is None  # given names are left out
    assert place_country("Syria") is None  # and countries


def test_a_dateline_opens_its_paragraph_and_is_followed_by_the_outlet_or_a_colon():
    nlp = spacy.blank("en")
    doc = nlp("BAGHDAD (Reuters) - Three died.\n\nCAIRO: Talks resumed. Then BEIRUT said no.")
    assert is_dateline_span(doc[0:1])
    cairo = next(t for t in doc if t.text == "CAIRO")
    assert is_dateline_span(doc[cairo.i : cairo.i + 1])
    beirut = next(t for t in doc if t.text == "BEIRUT")
    assert not is_dateline_span(doc[beirut.i : beirut.i + 1])  # mid-sentence
