"""Hostile and broken Arabic text: the rules never fail and every offset holds."""

from __future__ import annotations

import datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.extract.arabic import extract_arabic
from workbench.model import Article
from workbench.schema import validate_extraction

WORDS = [
    "قال",
    "قالت",
    "إن",
    "أن",
    "عن",
    "لـ",
    "وفقا",
    "بحسب",
    "نقلت",
    "وكالة",
    "فرانس",
    "برس",
    "سانا",
    "الأخبار",
    "صحيفة",
    "مصدر",
    "مطلع",
    "اللواء",
    "علي",
    "مملوك",
    "المملوك",
    "الرئيس",
    "السيسي",
    "القاهرة",
    "تشرين",
    "الأول",
    "أكتوبر",
    "محرم",
    "هـ",
    "عام",
    "أمس",
    "2016",
    "٢٠١٦",
    "٨",
    "31",
    "1438",
] + list('«»"“”:،.؟!()/-\n')


@settings(max_examples=150, deadline=None)
@example(words=["قال"] * 7 + ['"'], glue=" ", published=None)  # a lone mark as content
@given(
    words=st.lists(st.sampled_from(WORDS), max_size=50),
    glue=st.sampled_from([" ", "", "  ", "\n"]),
    published=st.sampled_from([None, datetime.date(2016, 10, 17), datetime.date(2020, 2, 29)]),
)
def test_any_mix_of_words_and_marks_extracts_with_true_offsets(words, glue, published):
    text = glue.join(words)
    extraction = extract_arabic(Article(id="x", text=text, published=published, language="ar"))
    validate_extraction(extraction.to_dict())  # text[start:end] is every span's text
    assert all(claim.text.strip() for claim in extraction.claims)


def test_impossible_dates_are_no_dates():
    for text in ("في 31 شباط 2016", "0 أكتوبر 2016", "29 ذو الحجة 1600 هـ"):
        extraction = extract_arabic(
            Article(id="x", text=text, published=datetime.date(2016, 10, 17), language="ar")
        )
        assert extraction.events == (), text


def test_a_weekday_before_a_long_run_of_spaces_does_not_hang():
    # the weekday before a date once matched its spaces two ways (\s*،?\s+): n² on a run
    # of spaces with no date after it; in its own process, so a hang fails, not sticks
    import subprocess
    import sys

    code = (
        "from workbench.extract.arabic.dates import find_dates\n"
        "for gap in (' ', '\\u00a0', ' ، '):\n"
        "    print(find_dates('صباح يوم الأحد' + gap * 200_000 + 'x', None))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    assert done.stdout.split() == ["[]", "[]", "[]"]


def test_a_long_run_of_closed_quotations_and_cues_does_not_hang():
    # the clause splitter once looked back to the sentence's start for each "»، وقال" (n²:
    # 160,000 characters took minutes); in its own process, so a hang fails, not sticks
    import subprocess
    import sys

    code = (
        "from workbench.extract.arabic.cues import clauses\n"
        "from workbench.extract.arabic.tokens import tokenize\n"
        "tokens = tokenize('»، وقال ' * 40_000)\n"
        "print(len(clauses(tokens, 0, len(tokens))) > 1)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    assert done.stdout.split() == ["True"]
