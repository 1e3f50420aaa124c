"""Quote-mark pairing on raw text: no model needed."""

from __future__ import annotations

from workbench.extract.quotes import find_nested_quotes, find_quotes, quote_at


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


def test_curly_quotes_pair_and_keep_apostrophes_inside():
    text = "SANA said “The two sides agreed,” adding that they would “strengthen Syria’s ties.”"
    assert inner(text) == ["The two sides agreed,", "strengthen Syria’s ties."]


def test_straight_quotes_pair_by_position():
    text = 'He said "we will win" and then "we will see".'
    assert inner(text) == ["we will win", "we will see"]


def test_single_quotes_inside_double_quotes_stay_inside():
    text = "She said, “They told me ‘no’ twice.”"
    assert inner(text) == ["They told me ‘no’ twice."]


def test_a_quote_continues_over_paragraphs_that_reopen_it():
    text = "He said: “First part.\n\n“Second part.\n\n“Third part.” Then nothing."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].paragraphs == 3
    assert text[quotes[0].inner_start : quotes[0].inner_end].endswith("Third part.")
    assert quotes[0].closed


def test_an_unclosed_quote_ends_with_its_paragraph():
    text = "He said “this never closes.\n\nA new paragraph with “a real quote” here."
    quotes = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in quotes] == [
        "this never closes.",
        "a real quote",
    ]
    assert not quotes[0].closed


def test_british_single_quotes_are_quotations_when_no_double_marks_are_used():
    text = "The minister said ‘we’re ready’ on Monday, and Syria’s envoy agreed."
    assert inner(text) == ["we’re ready"]


def test_single_newlines_split_paragraphs_only_without_blank_lines():
    wrapped = "He said “this quote is\nwrapped over two lines” today.\n\nNext."
    assert inner(wrapped) == ["this quote is\nwrapped over two lines"]


def test_quote_at_finds_the_enclosing_quote():
    text = "A “quoted” word."
    quotes = find_quotes(text)
    assert quote_at(quotes, text.index("quoted")) is quotes[0]
    assert quote_at(quotes, 0) is None


def test_straight_quote_inside_a_straight_quote():
    text = 'He wrote, "The "United States" is not holding any detainees." Then he left.'
    assert inner(text) == ['The "United States" is not holding any detainees.']


def test_nested_quotations_at_every_depth():
    text = "Smith said: \"Jones said 'Brown said “it is over” yesterday' at noon.\""
    nested = find_nested_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in nested.quotes] == [
        "Jones said 'Brown said “it is over” yesterday' at noon.",
        "Brown said “it is over” yesterday",
        "it is over",
    ]
    assert nested.parents == [-1, 0, 1]
    assert nested.innermost(text.index("at noon")) is nested.quotes[0]
    assert nested.innermost(text.index("yesterday")) is nested.quotes[1]
    assert nested.innermost(text.index("over")) is nested.quotes[2]
    assert nested.innermost(text.index("Smith")) is None


def test_nested_quotations_skip_apostrophes_and_unclosed_marks():
    text = "Syria’s envoy said 'we don't know' and “never closed.\n\nNext “one” here."
    nested = find_nested_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in nested.quotes] == ["we don't know", "one"]
    # the quotation before the offset has ended: its parents are tried, here none
    assert nested.innermost(text.index("never")) is None


def test_quotes_within_a_stretch_read_with_the_whole_texts_marks():
    text = "He said “off. She said ‘no’ and 'yes' “really"
    start = text.index("She")
    found = find_quotes(text, within=(start, len(text)))
    assert [text[q.inner_start : q.inner_end] for q in found] == ["really"]
