"""Headline labels (issue 10): "Lavrov: talks stalled" credits a speaker, "Coronavirus:
cases rise" names a topic, "Police: ..." an unnamed source (`extract/headlines.py`). Pure
functions over text: no model."""

from __future__ import annotations

import pytest

from workbench.extract.headlines import headline_labels, label_kind


def kind(text: str):
    [match] = headline_labels(text)
    return label_kind(match["who"], text, match.end("who"))


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov: talks with Kyiv are stalled\n\nRussia's foreign minister spoke in Moscow.",
        "Pelosi: impeachment inquiry will move forward\n\nThe Speaker spoke on Tuesday.",
        "Qassem: the resistance will respond\n\nHezbollah's deputy leader spoke on Sunday.",
    ],
)
def test_a_label_written_only_as_a_name_is_a_person(text):
    assert kind(text) == "person"


@pytest.mark.parametrize(
    "text",
    [
        # a word of the topics' lexicon: events, diseases, storms
        "Coronavirus: cases rise in Iran\n\nThe ministry reported 50 new cases.",
        "Hurricane Dorian: thousands flee the Bahamas\n\nThousands left on Sunday.",
        # a word the article also writes in lower case is no name
        "Locusts: swarms reach Kenya and Ethiopia\n\nThe locusts have eaten crops.",
        # a section label, a place
        "Analysis: the war enters its third year\n\nThe fighting went on.",
        "Idlib: a ceasefire begins at midnight\n\nBoth sides agreed.",
    ],
)
def test_a_label_naming_a_topic_is_no_speaker(text):
    assert kind(text) == "topic"


@pytest.mark.parametrize("label", ["Police", "Witnesses", "Officials", "Study"])
def test_a_noun_of_who_can_speak_is_an_unnamed_source(label):
    assert kind(f"{label}: three people were killed in the blast\n\nIt was Monday.") == "source"


def test_a_longer_or_lower_case_label_is_none_of_them():
    # only a named actor makes such a label a speaker ("Lion Air disaster: ...")
    assert kind("Lion Air disaster: the voice recorder was found\n\nDivers found it.") is None
    assert kind("Slippery business: scientists invent a coating\n\nIt is new.") is None


def test_datelines_and_sentences_are_no_headline_labels():
    assert list(headline_labels("CAIRO: Talks on the Nile dam resumed on Monday")) == []
    assert list(headline_labels("He said one thing: the talks were over.")) == []
