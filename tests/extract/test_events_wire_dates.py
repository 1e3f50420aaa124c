"""Dates of wire stories (issue 10, session 10): a dateline's day is the story's "now"; a
fortnight is two weeks; Hijri months with their year ("Ramadan 1440"); holidays with their
year ("Eid al-Fitr 2019"); "the following week"
counts from the story's date, not publication; a weekday ahead on its own day is that day;
reported speech's "would" looks ahead of the day it was said; a date a verb of scheduling sets takes no clause tense; four-digit clock
times, names and fiscal years are no years. Each failed before its rule."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.extract.date_values import FUTURE, between, day
from workbench.extract.dates import find_date_expressions, resolve_date
from workbench.extract.events import _number_of_another_kind, dateline_day
from workbench.model import Article

PUBLISHED = date(2019, 9, 20)  # a Friday


def _found(text: str) -> list[str]:
    return [e.text for e in find_date_expressions(text)]


# --- without the model ----------------------------------------------------------------


def test_a_fortnight_counts_two_weeks():
    anchor = day(date(2019, 8, 27))
    found = resolve_date("A fortnight after the meeting", published=PUBLISHED, anchor=anchor)
    assert found == day(date(2019, 9, 10))
    assert _found("A fortnight after the talks, the envoy left.") == ["A fortnight after the talks"]
    ago = resolve_date("a fortnight ago", published=PUBLISHED)
    assert ago is not None and ago.first_day <= date(2019, 9, 6) <= ago.last_day


def test_a_hijri_month_with_its_year_is_its_gregorian_days():
    assert _found("Pilgrims arrived during Dhu al-Hijjah 1440, officials said.") == [
        "Dhu al-Hijjah 1440"
    ]
    ramadan = resolve_date("Ramadan 1440", published=PUBLISHED)
    assert ramadan == between(date(2019, 5, 6), date(2019, 6, 3))  # Umm al-Qura
    assert resolve_date("1440 AH", published=PUBLISHED) == between(
        date(2018, 9, 11), date(2019, 8, 30)
    )


def test_a_hijri_month_without_its_year_is_no_date():
    assert _found("Shops stayed open late during Ramadan, the ministry said.") == []
    assert resolve_date("Ramadan 1900", published=PUBLISHED) is None  # no such Hijri year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eid al-Fitr 2019", date(2019, 6, 4)),  # 1 Shawwal 1440, Umm al-Qura
        ("Eid al-Adha 2018", date(2018, 8, 21)),
        ("Ashura 2018", date(2018, 9, 20)),
        ("Nowruz 2019", date(2019, 3, 21)),
        ("Christmas 2018", date(2018, 12, 25)),
        ("Eid al-Adha of 2000", date(2000, 3, 16)),  # the first of the year's days
    ],
)
def test_a_holiday_with_its_year_is_its_day(text, expected):
    # (the finder keeps overlapping finds, "2000" after "of" too: the longest one is kept)
    assert text in _found(f"Crowds gathered on {text}, officials said.")
    assert resolve_date(text, published=PUBLISHED) == day(expected)


def test_a_holiday_without_its_year_is_no_date():
    assert _found("Shops in Amman stayed open late before Eid al-Fitr, traders said.") == []


def test_the_following_week_counts_from_the_story_not_publication():
    anchor = day(date(2019, 8, 5))
    assert resolve_date("The following week", published=PUBLISHED, anchor=anchor) == between(
        date(2019, 8, 6), date(2019, 8, 12)
    )
    # with nothing to count from, no date (it was next week from publication)
    assert resolve_date("the following week", published=PUBLISHED) is None


def test_a_weekday_ahead_on_its_own_day_is_that_day():
    monday = date(2019, 2, 11)
    # "is scheduled to discuss the events on Monday", in Monday's paper
    assert resolve_date("Monday", published=monday, tense=FUTURE) == day(monday)
    # "next Monday" is still the week after
    assert resolve_date("next Monday", published=monday, tense=FUTURE) == day(date(2019, 2, 18))


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("BEIRUT, Sept 12 (Reuters) - Lebanese troops", date(2019, 9, 12)),
        ("AMMAN, Sept. 4 (Petra) -- Jordanian and Iraqi officials", date(2019, 9, 4)),
        ("GAZA CITY, Aug 30 \u2014 Crowds gathered", date(2019, 8, 30)),
        ("DUBAI, Sept 18: The Emirati ministry", date(2019, 9, 18)),
        ("BEIRUT (AP) \u2014 Lebanese troops", None),  # no date in it
        ("On Sept 4 - the talks opened", None),  # no place in capitals
        ("BAGHDAD, Iraq, Sept 1, 2016 - x", None),  # years from publication: a slip
    ],
)
def test_a_dateline_gives_the_story_its_day(opening, expected):
    assert dateline_day(opening, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "number", "other_kind"),
    [
        ("Smoke reached the city on Monday (1800 UTC).", "1800", True),
        ("The crash happened at 8:30 p.m. BST (1930 GMT) on August 27.", "1930", True),
        ("The coronavirus 2019-nCoV may have killed two men.", "2019", True),
        ("In the 2019/20 fiscal year, Tesco lost money.", "2019", True),
        ("The war began in 2011 and ended in 2014.", "2011", False),
        ("a 2016-era law", "2016", False),
        ("The festival continues a 2000 year old tradition.", "2000", True),
        ("The city claims 1500 years of history.", "1500", True),
        ("FIFA World Cup 2018 day five: Sweden beat Korea.", "2018", False),
    ],
)
def test_a_four_digit_clock_time_name_or_fiscal_year_is_no_year(text, number, other_kind):
    start = text.index(number)
    assert _number_of_another_kind(text, start, start + len(number)) is other_kind


def test_the_end_of_a_fiscal_year_is_no_calendar_date():
    text = "At fiscal year-end, the units held a value of 1 billion."
    start = text.index("year-end")
    assert _number_of_another_kind(text, start, start + len("year-end"))


# --- through the model (parsed docs) ------------------------------------------------------


def _dates(extractor, text: str, published: str = "2019-09-20") -> dict[str, str]:
    extraction = extractor.extract(Article(id="t", text=text, published=published))
    return {e.date_text: str(e.date) for e in extraction.events}


def test_a_dateline_dates_the_relative_words_of_the_story(extractor):
    text = "CAIRO, Aug 28 (AFP) - Egypt said earlier this month that it would reopen Rafah."
    assert _dates(extractor, text)["earlier this month"] == "2019-08-01"
    text = "AMMAN, Sept. 4 (Petra) -- Jordanian and Iraqi officials agreed on Tuesday to trade."
    assert _dates(extractor, text)["Tuesday"] == "2019-09-03"


def test_would_in_reported_speech_looks_ahead_of_the_saying(extractor):
    text = (
        "Iraq's oil minister told reporters on Tuesday that the pipeline would reopen on Saturday."
    )
    found = _dates(extractor, text)
    assert found["Tuesday"] == "2019-09-17"
    assert found["Saturday"] == "2019-09-21"  # the Saturday after that Tuesday, not before


def test_a_date_a_plan_is_set_to_takes_no_clause_tense(extractor):
    text = (
        "Maryland rescheduled its primary races to June 2; they were originally planned for "
        "April 28."
    )
    found = _dates(extractor, text, published="2020-03-20")
    assert found["June 2"] == "2020-06-02"
    assert found["April 28"] == "2020-04-28"


def test_a_clock_time_in_four_digits_is_no_year(extractor):
    text = "Around 3:00 p.m. local time on Monday (1800 UTC), smoke darkened the city."
    assert "1800" not in _dates(extractor, text)
