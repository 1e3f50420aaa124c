"""A selection in the Article panel, checked against the article text in the kernel
(no model, no browser): offsets fixed to the words the browser says were selected, dates
found in the words, the HTML pieces that carry the offsets."""

from __future__ import annotations

import datetime
import re
from html import unescape

import pytest

from workbench.views.article_selection import (
    SelectionError,
    TextSelection,
    guess_date,
    resolve_selection,
)
from workbench.views.highlight import Mark, highlight_html

TEXT = "Lebanese officials told Reuters on Sunday that the Israeli army had left."


def test_offsets_that_agree_with_the_words_are_kept_and_trimmed():
    start = TEXT.index("the Israeli army")
    got = resolve_selection(TEXT, start - 1, start + 17, " the Israeli army ")
    assert got == TextSelection(start, start + 16, "the Israeli army")


def test_offsets_that_disagree_are_moved_to_the_words_nearest_them():
    text = "the army said; later the army left"
    second = text.rindex("the army")
    # one character off, as a browser that folded a line ending would be
    got = resolve_selection(text, second + 1, second + 9, "the army")
    assert (got.start, got.end) == (second, second + 8)
    with pytest.raises(SelectionError, match="select the words again"):
        resolve_selection(text, 0, 3, "the navy")


def test_a_selection_running_over_the_title_keeps_the_article_words():
    got = resolve_selection(TEXT, 0, 8, "A title\nLebanese")
    assert got.text == "Lebanese"


@pytest.mark.parametrize("bad", [(None, 3), (1.5, 3), (True, 3)])
def test_offsets_must_be_numbers(bad):
    with pytest.raises(SelectionError):
        resolve_selection(TEXT, *bad, "x")


def test_spaces_only_is_refused():
    with pytest.raises(SelectionError, match="no words"):
        resolve_selection("a    b", 1, 5, "    ")


def test_a_date_in_the_selection_is_resolved_against_the_publication_date():
    start = TEXT.index("told")
    picked = resolve_selection(TEXT, start, start + 30, TEXT[start : start + 30])
    guess = guess_date(picked, datetime.date(2016, 10, 17))
    assert guess is not None
    assert (guess.date.isoformat(), guess.precision.value) == ("2016-10-16", "day")
    assert TEXT[guess.start : guess.end] == guess.words and "Sunday" in guess.words
    assert guess_date(picked, None) is None  # "Sunday" means nothing without a date
    month = TextSelection(0, 15, "in October 2016")
    assert guess_date(month, None).precision.value == "month"


def test_every_piece_of_text_carries_its_offset():
    text = 'A & B <i>said</i>\r\n"x" 😀 علي مملوك'
    marks = [Mark(0, 5, "actor", "A1", css="person", mention="M1", known=True)]
    html = highlight_html(text, marks + [Mark(4, 12, "claim", "C1")], title="T")
    pieces = re.findall(r'<span data-o="(\d+)">(.*?)</span>', html, re.S)
    rebuilt = "".join(unescape(p) for _, p in pieces)
    assert rebuilt == text
    for offset, piece in pieces:
        assert text[int(offset) :].startswith(unescape(piece))
    assert "&#13;" in html and "\r" not in html  # a carriage return the browser keeps
    assert 'data-mention="M1"' in html and "wb-known" in html


def test_an_arabic_date_is_read_by_the_arabic_rules():
    text = "قال المصدر إن الزيارة جرت في 8 تشرين الأول/أكتوبر 2016 في القاهرة"
    words = "جرت في 8 تشرين الأول/أكتوبر 2016"
    start = text.index(words)
    picked = resolve_selection(text, start, start + len(words), words)
    guess = guess_date(picked, datetime.date(2016, 10, 17))
    assert guess is not None
    assert (guess.date.isoformat(), guess.precision.value) == ("2016-10-08", "day")
    assert text[guess.start : guess.end] == guess.words and "2016" in guess.words
    assert guess_date(TextSelection(0, 3, "قال"), datetime.date(2016, 10, 17)) is None
