"""Paragraph breaks become sentence breaks before the parser (workbench/extract/paragraphs.py),
which the claim rules rely on: a title or an unpunctuated paragraph must not become the
subject or complement of the next paragraph's speech verb."""

from __future__ import annotations

from workbench.extract.paragraphs import COMPONENT


def test_the_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert COMPONENT in names
    assert names.index(COMPONENT) < names.index("parser")


def test_a_paragraph_without_final_punctuation_ends_its_sentence(nlp):
    doc = nlp(
        "A top official has discussed coordination amid warming ties between the two "
        "countries.security\n\nSyria’s state news agency SANA reported that the envoy "
        "made an official visit to Cairo."
    )
    second = [sent for sent in doc.sents if "SANA" in sent.text]
    assert len(second) == 1 and second[0].text.startswith("Syria’s")
    reported = next(t for t in doc if t.text == "reported")
    assert reported.dep_ == "ROOT"


def test_a_wrapped_line_is_not_a_break(nlp):
    doc = nlp("The minister said that the talks\nwould resume next week.")
    assert len(list(doc.sents)) == 1
