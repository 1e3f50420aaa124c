"""A name's lineage words (بن، ولد، آل ...) from ar_name_words.csv, and where they end: ولد
is also the verb "was born" (review session 10, round 2, G1; no model: fast tier)."""

from __future__ import annotations

import datetime

import pytest

from workbench import lexicon
from workbench.extract.arabic import actors as actors_module
from workbench.extract.arabic import extract_arabic
from workbench.model import ActorType, Article

TUESDAY = datetime.date(2024, 8, 6)


def persons(text: str) -> list[str]:
    found = extract_arabic(Article(id="t", text=text, published=TUESDAY, language="ar"))
    return [a.name for a in found.actors if a.type is ActorType.PERSON]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # ولد "was born" after the subject's name: a preposition, a date word, a number
        ("وكان الوزير أحمد سالم ولد في أطار عام 1962.", "Ahmed Salem"),
        ("وقال الوزير محمد سالم ولد في نواكشوط عام 1960 إن «لا».", "Mohammed Salem"),
        ("وكان الوزير أحمد ولد عام 1962 في أطار.", "Ahmed"),
        # lineage words in a row: none is followed by a name word
        ("قال الوزير محمد سالم ولد ولد ولد ولد إن «لا».", "Mohammed Salem"),
        # a بن with no father's name after it ends no name either
        ("قال الوزير محمد سالم بن في تونس إن «لا».", "Mohammed Salem"),
    ],
)
def test_a_lineage_word_before_no_name_word_is_not_the_names(text, name):
    assert persons(text) == [name]


def test_a_fathers_name_may_open_with_a_title_word_after_ould():
    # the commonest Mauritanian form: given name + ولد + الشيخ + a name; never a bare Ould
    # (a name no gazetteer lists: the gazetteer knows the president since session 11)
    (name,) = persons("قال الرئيس محمد ولد الشيخ الحسني إن «لا».")
    assert name.startswith("Mohammed Ould ") and name.endswith("Hsni"), name


def test_a_lineage_before_a_name_word_still_goes_on():
    assert persons("قال الوزير محمد سالم ولد بوبكر إن «لا».") == ["Mohammed Salem Ould Boubkr"]
    assert persons("قال الوزير محمد بن سلمان إن «لا».") == ["Mohammed bin Salman"]


def test_the_lineage_words_and_their_counts_come_from_the_name_table():
    rows = lexicon.table("ar_name_words.csv")
    listed = {r["arabic"]: int(r["lineage"]) for r in rows if r["lineage"]}
    assert listed == {"بن": 2, "بنت": 2, "ابن": 2, "ولد": 2, "آل": 1}
    assert actors_module._lineage() == listed
    assert all(r["kind"] == "particle" for r in rows if r["lineage"])
