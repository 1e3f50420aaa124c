"""Session 11, round 2 (issue 10): where what was said ends (strict spans). Parsed with
the real model: the rules read how the parser joined the parts."""

from __future__ import annotations

import pytest

from workbench.model import Article


def _contents(extractor, text: str) -> list[str]:
    extraction = extractor.extract(Article(id="a", text=text, published="2024-05-01"))
    return [c.text for c in extraction.claims]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mijares further claimed 90 civilians were wounded, as were seventeen from the "
            "Armed Forces, and two each from the Coast Guard and the National Police.",
            "90 civilians were wounded, as were seventeen from the Armed Forces, and two each "
            "from the Coast Guard and the National Police",
        ),
        (
            "The ministry said 12 soldiers were killed in Daraa, as were four in Quneitra, "
            "and two more near Sweida.",
            "12 soldiers were killed in Daraa, as were four in Quneitra, and two more near Sweida",
        ),
    ],
)
def test_a_part_with_its_verb_left_out_is_more_of_the_clause(extractor, text, content):
    assert content in _contents(extractor, text)


def test_a_second_speakers_clause_after_and_stays_out(extractor):
    text = "The army said it struck a depot near Tyre, and Hezbollah said nothing."
    assert "it struck a depot near Tyre" in _contents(extractor, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Jordan announced a week of mourning, Sunday to Saturday.",
            "a week of mourning, Sunday to Saturday",
        ),
        (
            "The ministry announced three days of national mourning, Wednesday through Friday.",
            "three days of national mourning, Wednesday through Friday",
        ),
    ],
)
def test_a_period_after_the_object_is_its_time_not_the_time_of_saying(extractor, text, content):
    assert content in _contents(extractor, text)


def test_a_day_after_the_object_on_the_verb_is_still_when_it_was_said(extractor):
    assert "a curfew in Baghdad" in _contents(
        extractor, "Iraq announced a curfew in Baghdad on Monday."
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "In 2018 another aircraft confused the two airports, performing an emergency go "
            'around at "very low height" according to The Aviation Herald.\n\n\nThe '
            "airline said nothing.",
            "another aircraft confused the two airports, performing an emergency go around at "
            '"very low height"',
        ),
        (
            "Last week a patrol boat rammed the fishing vessel, sinking it off Tyre according "
            "to the Lebanese army.",
            "a patrol boat rammed the fishing vessel, sinking it off Tyre",
        ),
    ],
)
def test_according_to_on_a_participle_vouches_for_its_clause_too(extractor, text, content):
    assert any(content in c for c in _contents(extractor, text))


def test_according_to_inside_the_sentence_after_a_participle_vouches_for_it_alone(extractor):
    # review J14: the source phrase closes the participle's phrase, not the sentence
    text = (
        "Typhoon Phanfone made landfall on the central Philippines from Tuesday night through "
        "to Wednesday, killing at least 20 according to Philippine officials on Thursday, and "
        "leaving reportedly at least 15,000 stranded at ports."
    )
    contents = _contents(extractor, text)
    assert any(c.startswith("killing at least 20") for c in contents), contents
