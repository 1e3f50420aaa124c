"""Arabic claim and actor rules stay linear in the length of an article of many short
quoted names (review session 9, F2).

The Arabic path takes the whole text at once (no pieces, up to spaCy's max_length of a
million characters). "قال لـ(وات) وعلى منصة «إكس»، كتب ." repeated: each quoted name asked
for the actors between two tokens, whether the quotation is one span, and which gazetteer
matches lie inside it, and each answer scanned every span or match of the whole article,
so the work grew with (names x article). Measured in executed lines of the rule modules (a
count, not a clock): twice the text must cost about twice the lines, not four times.
"""

from __future__ import annotations

import datetime

import pytest
from line_counting import lines_run

from workbench.extract.arabic import actors as actors_module
from workbench.extract.arabic import claims as claims_module
from workbench.extract.arabic import extract_arabic
from workbench.model import Article

_RULE_FILES = {claims_module.__file__, actors_module.__file__}
_UNIT = "قال لـ(وات) وعلى منصة «إكس»، كتب . "


def _lines_run(length: int) -> tuple[int, int]:
    text = _UNIT * (length // len(_UNIT))
    article = Article(id="t", text=text, published=datetime.date(2024, 1, 1), language="ar")
    count, found = lines_run(_RULE_FILES, lambda: extract_arabic(article))
    return count, len(found.claims)


def test_twice_the_quoted_names_cost_about_twice_the_work():
    lines_small, claims_small = _lines_run(40_000)
    lines_large, claims_large = _lines_run(80_000)
    assert claims_small >= 1 and claims_large >= 1  # the cues were read
    assert lines_large < 3 * lines_small, (lines_small, lines_large)


# round 10's triggers: honorifics and "the paper" looking back for whom they stand for, bare
# names beside verbs of saying, a lineage of بن, an agency's acronym in brackets
_ROUND10_UNIT = (
    "استقبل جلالة الملك عبدالله الثاني الوفد. وكتب جلالته على منصة «إكس» أن «نعم». "
    "وقال فهد بن علي المهندي إن «لا». ذكرت صحيفة «لوموند» أن «نعم». وقالت الصحيفة إن «لا». "
    "ونقلت وكالة الأنباء الإيرانية (إرنا) أن «نعم». "
)


def _round10_lines_run(length: int, unit: str = _ROUND10_UNIT) -> tuple[int, int]:
    from workbench.extract.arabic import bare_names, referents

    text = unit * (length // len(unit))
    article = Article(id="t", text=text, published=datetime.date(2024, 1, 1), language="ar")
    files = _RULE_FILES | {bare_names.__file__, referents.__file__}
    count, found = lines_run(files, lambda: extract_arabic(article))
    return count, len(found.claims)


# review 10 (F10): a bare name beside every verb of saying reached a walk over every span
# of the article for each claim; an agency and its acronym, one over them per outlet told
_BARE_UNIT = "وقال فهد المهندي إن «لا». ونقلت وكالة الأنباء الإيرانية الرسمية (إرنا) أن «نعم». "


# round 11 (review 10, round 2, G3): a lineage word after a two-word given name, and the
# person set off by commas at the end of a title phrase
_OULD_UNIT = "قال الوزير محمد سالم ولد مرزوك إن «لا». "
_TITLE_PHRASE_UNIT = "وقال مدير حملة المرشح نبيل القروي، سامي الطرابلسي، إن «لا». "
# round 12 (session 11): a rank's participle, a third name word, a capital before its verb,
# a Maghreb name and outlet in a Rabat dispatch, a Western name in Arabic letters
_ROUND12_UNIT = (
    "وقال النائب المستقل رشيد الطالبي العلمي إن «لا». وكانت باريس قد أعلنت أنها «نعم». "
    "وقال السفير كلاوديو كوردوني لصحيفة «لوماتان» إن «لا». "
)


# (the bare-names unit: 2.0x now, 2.6x before the fix at these sizes, growing with the text)
@pytest.mark.parametrize(
    ("unit", "bound"),
    [
        (_ROUND10_UNIT, 3.0),
        (_BARE_UNIT, 2.4),
        (_OULD_UNIT, 2.4),
        (_TITLE_PHRASE_UNIT, 2.4),
        ("الرباط - " + _ROUND12_UNIT, 2.4),
    ],
    ids=["round10", "bare-names", "ould", "title-phrase", "round12"],
)
def test_round10_triggers_cost_about_twice_the_work_for_twice_the_text(unit, bound):
    lines_small, claims_small = _round10_lines_run(20_000, unit)
    lines_large, claims_large = _round10_lines_run(40_000, unit)
    assert claims_large > claims_small >= 1
    assert lines_large < bound * lines_small, (lines_small, lines_large)


# round 13 (review J3): the date finder's passes over a sentence with no full stop, "اليوم"
# after "أمس" and a month after a dated month, each date looking back for a sentence's end
# (a regular expression's scan, which executed lines do not count: CPU time, best of two)
_DATE_UNITS = (
    ("أعلن أمس، أن الاجتماع عقد ", "اليوم، و"),
    ("وصل في آب/أغسطس 2019 ", "وعاد في تشرين الأول/أكتوبر، "),
    ("وقال ", "إن اللجنة ستجتمع الثلاثاء، و"),
)


@pytest.mark.parametrize(("opening", "unit"), _DATE_UNITS)
def test_four_times_the_dates_in_one_sentence_cost_about_four_times_the_time(
    opening: str, unit: str
) -> None:
    import time

    from workbench.extract.arabic import dates as dates_module

    def seconds(length: int) -> float:
        text = opening + unit * (length // len(unit))
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            found = dates_module.find_dates(text, datetime.date(2019, 9, 20))
            best = min(best, time.process_time() - start)
        assert found
        return max(best, 1e-3)

    small, large = seconds(50_000), seconds(200_000)
    assert large < 8 * small, (small, large)  # quadratic: about 16 times
