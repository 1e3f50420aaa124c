"""The date resolver: pure, table-driven, no spaCy model."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.extract.dates import (
    FUTURE,
    PAST,
    TENSE_TOLERANCE,
    ResolvedDate,
    find_date_expressions,
    resolve_date,
)
from workbench.model import Precision

DAY, MONTH, YEAR, APPROX = (
    Precision.DAY,
    Precision.MONTH,
    Precision.YEAR,
    Precision.APPROXIMATE,
)
SEED_PUBLISHED = date(2016, 10, 17)  # a Monday

ABSOLUTE = [
    ("August 2015", "2015-08", MONTH, None),
    ("Aug. 2015", "2015-08", MONTH, None),
    ("August of 2015", "2015-08", MONTH, None),
    ("2012", "2012", YEAR, None),
    ("in 2012", "2012", YEAR, None),
    ("the year 2012", "2012", YEAR, None),
    ("October 8, 2016", "2016-10-08", DAY, None),
    ("Oct. 8, 2016", "2016-10-08", DAY, None),
    ("8 October 2016", "2016-10-08", DAY, None),
    ("8th of October 2016", "2016-10-08", DAY, None),
    ("2016-10-08", "2016-10-08", DAY, None),
    ("2016-10", "2016-10", MONTH, None),
    ("Friday, July 21, 2017", "2017-07-21", DAY, None),
    ("Saturday, 9 October 2010", "2010-10-09", DAY, None),
    ("March 9 2014", "2014-03-09", DAY, None),
    ("October 8-9, 2016", "2016-10-08", APPROX, "2016-10-09"),
    ("in the 1990s", "1990-01-01", APPROX, "1999-12-31"),
    ("the early 1990s", "1990-01-01", APPROX, "1993-12-31"),
    ("the '60s", "1960-01-01", APPROX, "1969-12-31"),
    ("the sixties", "1960-01-01", APPROX, "1969-12-31"),
    ("the 20th century", "1900-01-01", APPROX, "1999-12-31"),
    ("the nineteenth century", "1800-01-01", APPROX, "1899-12-31"),
    ("early 2015", "2015-01-01", APPROX, "2015-04-30"),
    ("late 2015", "2015-09-01", APPROX, "2015-12-31"),
    ("mid-October 2016", "2016-10-11", APPROX, "2016-10-20"),
    ("summer of 2014", "2014-06-01", APPROX, "2014-08-31"),
    ("winter 2014", "2014-12-01", APPROX, "2015-02-28"),
    ("2015-16", "2015-01-01", APPROX, "2016-12-31"),
    # a half or a quarter of a calendar year
    ("the first half of 2019", "2019-01-01", APPROX, "2019-06-30"),
    ("the second half of 2018", "2018-07-01", APPROX, "2018-12-31"),
    ("the third quarter of 2019", "2019-07-01", APPROX, "2019-09-30"),
    ("the final quarter of 2020", "2020-10-01", APPROX, "2020-12-31"),
]


@pytest.mark.parametrize(("expression", "value", "precision", "end"), ABSOLUTE)
def test_absolute_dates_need_no_publication_date(expression, value, precision, end):
    assert resolve_date(expression, published=None) == ResolvedDate(value, precision, end)


RELATIVE = [
    # the seed article's expressions, published Monday 2016-10-17
    ("October 8", PAST, "2016-10-08", DAY, None),
    ("on October 8", None, "2016-10-08", DAY, None),
    ("over the weekend", PAST, "2016-10-15", APPROX, "2016-10-16"),
    ("in the past year", PAST, "2015-10-17", APPROX, "2016-10-17"),
    ("early this month", PAST, "2016-10-01", APPROX, "2016-10-10"),
    ("early October", PAST, "2016-10-01", APPROX, "2016-10-10"),
    # partial dates take their year from publication, the most recent one when past
    ("December 20", PAST, "2015-12-20", DAY, None),
    ("December 20", FUTURE, "2016-12-20", DAY, None),
    ("December 20", None, "2016-12-20", DAY, None),
    ("February 3", FUTURE, "2017-02-03", DAY, None),
    ("20 December", PAST, "2015-12-20", DAY, None),
    ("in December", PAST, "2015-12", MONTH, None),
    ("in March", PAST, "2016-03", MONTH, None),
    ("last December", None, "2015-12", MONTH, None),
    ("next March", None, "2017-03", MONTH, None),
    ("mid-October", PAST, "2016-10-11", APPROX, "2016-10-17"),
    ("mid-October", None, "2016-10-11", APPROX, "2016-10-20"),
    ("late September", PAST, "2016-09-21", APPROX, "2016-09-30"),
    # weekdays: the most recent one for past tense, the next one for future tense
    ("on Friday", PAST, "2016-10-14", DAY, None),
    ("Thursday", None, "2016-10-13", DAY, None),
    ("Monday", PAST, "2016-10-17", DAY, None),
    ("last Monday", None, "2016-10-10", DAY, None),
    ("on Tuesday", FUTURE, "2016-10-18", DAY, None),
    ("next Tuesday", None, "2016-10-18", DAY, None),
    ("next Monday", None, "2016-10-24", DAY, None),
    ("Friday, July 21", None, None, None, None),
    # words relative to publication
    ("today", None, "2016-10-17", DAY, None),
    ("yesterday", PAST, "2016-10-16", DAY, None),
    ("Yesterday's", PAST, "2016-10-16", DAY, None),
    ("the day before yesterday", PAST, "2016-10-15", DAY, None),
    ("tomorrow", FUTURE, "2016-10-18", DAY, None),
    ("last night", PAST, "2016-10-16", DAY, None),
    ("this morning", None, "2016-10-17", DAY, None),
    ("this week", None, "2016-10-17", APPROX, "2016-10-23"),
    ("last week", PAST, "2016-10-10", APPROX, "2016-10-16"),
    ("this past week", PAST, "2016-10-10", APPROX, "2016-10-16"),
    ("next week", FUTURE, "2016-10-24", APPROX, "2016-10-30"),
    ("this month", None, "2016-10", MONTH, None),
    ("last month", PAST, "2016-09", MONTH, None),
    ("next month", FUTURE, "2016-11", MONTH, None),
    ("this year", None, "2016", YEAR, None),
    ("last year", PAST, "2015", YEAR, None),
    ("next year", FUTURE, "2017", YEAR, None),
    ("late last year", PAST, "2015-09-01", APPROX, "2015-12-31"),
    ("early next year", FUTURE, "2017-01-01", APPROX, "2017-04-30"),
    ("the end of the year", None, "2016-12-01", APPROX, "2016-12-31"),
    ("year-end", None, "2016-12-01", APPROX, "2016-12-31"),
    ("late this month", FUTURE, "2016-10-21", APPROX, "2016-10-31"),
    ("this weekend", FUTURE, "2016-10-22", APPROX, "2016-10-23"),
    ("next weekend", None, "2016-10-22", APPROX, "2016-10-23"),
    ("last summer", PAST, "2016-06-01", APPROX, "2016-08-31"),
    ("this spring", PAST, "2016-03-01", APPROX, "2016-05-31"),
    ("two years ago", PAST, "2014", YEAR, None),
    ("Seventeen years ago", PAST, "1999", YEAR, None),
    ("a decade ago", PAST, "2006", YEAR, None),
    # half a unit is no exact count: a month either side of eighteen months back
    ("a year-and-a-half ago", PAST, "2015-03-01", APPROX, "2015-05-31"),
    ("two and a half months ago", PAST, "2016-07-27", APPROX, "2016-08-10"),
    ("three months ago", PAST, "2016-07", MONTH, None),
    ("five days ago", PAST, "2016-10-12", DAY, None),
    ("two weeks ago", PAST, "2016-09-30", APPROX, "2016-10-06"),
    ("the past 30 days", PAST, "2016-09-17", APPROX, "2016-10-17"),
    ("over the last three years", PAST, "2013-10-17", APPROX, "2016-10-17"),
    ("in recent months", PAST, "2016-07-17", APPROX, "2016-10-17"),
    ("the coming weeks", FUTURE, "2016-10-17", APPROX, "2016-11-07"),
    ("later this week", FUTURE, "2016-10-18", APPROX, "2016-10-23"),
    ("earlier this month", PAST, "2016-10-01", APPROX, "2016-10-16"),
    ("earlier in the year", PAST, "2016-01-01", APPROX, "2016-10-16"),
    ("A few days back", PAST, "2016-10-13", APPROX, "2016-10-15"),
    ("Wednesday through Friday", PAST, "2016-10-12", APPROX, "2016-10-14"),
    ("Wednesday through Friday", FUTURE, "2016-10-19", APPROX, "2016-10-21"),
    # no tense to go by: the nearest occurrence
    ("November 27", None, "2016-11-27", DAY, None),
    ("the first half of this year", PAST, "2016-01-01", APPROX, "2016-06-30"),
    ("the second half of last year", None, "2015-07-01", APPROX, "2015-12-31"),
    # counted ahead of now, unless told as done ("the city fell in two days")
    ("in two days", None, "2016-10-19", DAY, None),
    ("in three weeks' time", FUTURE, "2016-11-07", DAY, None),
    ("in two months", FUTURE, "2016-12", MONTH, None),
    ("in two days", PAST, None, None, None),
    # a stretch of days of one month
    ("October 2 to 5", PAST, "2016-10-02", APPROX, "2016-10-05"),
    ("October 2-5", PAST, "2016-10-02", APPROX, "2016-10-05"),
    ("Sunday October 2", PAST, "2016-10-02", DAY, None),
    ("Monday October 2", PAST, None, None, None),
    ("in a few days", FUTURE, None, None, None),
]


def test_without_tense_a_partial_date_is_the_nearest_occurrence():
    january = date(2020, 1, 9)
    assert resolve_date("November 27", published=january) == ResolvedDate("2019-11-27", DAY)
    assert resolve_date("in January", published=january) == ResolvedDate("2020-01", MONTH)
    assert resolve_date("February 3", published=january) == ResolvedDate("2020-02-03", DAY)


@pytest.mark.parametrize(("expression", "tense", "value", "precision", "end"), RELATIVE)
def test_relative_dates_resolve_against_publication(expression, tense, value, precision, end):
    expected = ResolvedDate(value, precision, end) if value else None
    assert resolve_date(expression, published=SEED_PUBLISHED, tense=tense) == expected


NOT_DATES = [
    "morning",
    "in the evening",
    "winter",
    "the last day",
    "three years",
    "for three years",
    "the third half of 2019",
    "62 years old",
    "the 23-year-old",
    "annual",
    "daily",
    "recently",
    "the time",
    "a long time",
    "1,500",
    # a count of hours from now is a time, not a calendar date (they resolved before)
    "36 hours ago",
    "in the past 24 hours",
    "the last 48 hours",
    "the next 72 hours",
    "",
    "   ",
]


@pytest.mark.parametrize("expression", NOT_DATES)
def test_durations_ages_and_vague_words_are_not_dates(expression):
    assert resolve_date(expression, published=SEED_PUBLISHED) is None


@pytest.mark.parametrize(
    "expression",
    ["October 8", "yesterday", "on Monday", "last week", "over the weekend", "two years ago"],
)
def test_without_publication_date_relative_expressions_stay_unresolved(expression):
    assert resolve_date(expression, published=None, tense=PAST) is None


VOTE_DAY = ResolvedDate("2016-10-08", DAY)
EARLY_OCTOBER = ResolvedDate("2016-10-01", APPROX, "2016-10-10")
ANCHORED = [
    ("Days after the vote", VOTE_DAY, "2016-10-10", APPROX, "2016-10-17"),
    ("One day later", VOTE_DAY, "2016-10-09", DAY, None),
    ("two days later", VOTE_DAY, "2016-10-10", DAY, None),
    ("a week later", VOTE_DAY, "2016-10-15", DAY, None),
    ("the next day", VOTE_DAY, "2016-10-09", DAY, None),
    ("the day before", VOTE_DAY, "2016-10-07", DAY, None),
    ("the year before", VOTE_DAY, "2015", YEAR, None),
    ("hours after the vote", VOTE_DAY, "2016-10-08", APPROX, "2016-10-09"),
    ("a few hours before the crash", VOTE_DAY, "2016-10-07", APPROX, "2016-10-08"),
    ("weeks before the vote", VOTE_DAY, "2016-08-09", APPROX, "2016-09-24"),
    ("One day later", EARLY_OCTOBER, "2016-10-02", APPROX, "2016-10-11"),
    ("that day", VOTE_DAY, "2016-10-08", DAY, None),
    ("a few weeks after the vote", VOTE_DAY, "2016-10-22", APPROX, "2016-11-05"),
    ("later that day", VOTE_DAY, "2016-10-08", DAY, None),
    ("the same year", VOTE_DAY, "2016", YEAR, None),
    ("that month", VOTE_DAY, "2016-10", MONTH, None),
    ("three years later", ResolvedDate("2011", YEAR), "2014", YEAR, None),
    ("two months earlier", ResolvedDate("2016-03", MONTH), "2016-01", MONTH, None),
    # counted from an event's date (the anchor the extraction finds for "the summit")
    ("two days ahead of the summit", VOTE_DAY, "2016-10-06", DAY, None),
    ("four months in advance of the competition", VOTE_DAY, "2016-06", MONTH, None),
    ("a month after the resignation", VOTE_DAY, "2016-11-08", DAY, None),
    ("ten days into the offensive", VOTE_DAY, "2016-10-18", DAY, None),
    ("a week prior to the vote", VOTE_DAY, "2016-10-01", DAY, None),
    ("four months before", ResolvedDate("2016", YEAR), None, None, None),
    # a day within an event, counted from its first day (the anchor)
    ("day five", VOTE_DAY, "2016-10-12", DAY, None),
    ("the fourth or fifth day", VOTE_DAY, "2016-10-11", APPROX, "2016-10-12"),
    ("the opening night", VOTE_DAY, "2016-10-08", DAY, None),
    ("day five", EARLY_OCTOBER, None, None, None),
]


@pytest.mark.parametrize(("expression", "anchor", "value", "precision", "end"), ANCHORED)
def test_expressions_counted_from_an_earlier_date(expression, anchor, value, precision, end):
    resolved = resolve_date(expression, published=SEED_PUBLISHED, tense=PAST, anchor=anchor)
    if value is None:  # no date can be counted from that anchor
        assert resolved is None
    else:
        assert resolved == ResolvedDate(value, precision, end)


def test_counted_expressions_need_an_anchor():
    assert resolve_date("One day later", published=SEED_PUBLISHED) is None
    assert resolve_date("Days after the vote", published=SEED_PUBLISHED) is None


def test_past_ranges_end_by_publication():
    late_vote = ResolvedDate("2016-10-14", DAY)
    resolved = resolve_date(
        "days after the vote", published=SEED_PUBLISHED, tense=PAST, anchor=late_vote
    )
    assert resolved == ResolvedDate("2016-10-16", APPROX, "2016-10-17")


def test_first_and_last_day_of_each_precision():
    assert ResolvedDate("2016", YEAR).first_day == date(2016, 1, 1)
    assert ResolvedDate("2016", YEAR).last_day == date(2016, 12, 31)
    assert ResolvedDate("2016-02", MONTH).last_day == date(2016, 2, 29)
    assert ResolvedDate("2016-10-01", APPROX, "2016-10-10").last_day == date(2016, 10, 10)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)))
def test_every_calendar_day_round_trips_in_three_spellings(day):
    expected = ResolvedDate(day.isoformat(), DAY)
    us = f"{day:%B} {day.day}, {day.year}"
    uk = f"{day.day} {day:%B} {day.year}"
    assert resolve_date(us, published=None) == expected
    assert resolve_date(uk, published=None) == expected
    assert resolve_date(day.isoformat(), published=None) == expected


@given(
    published=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    expression=st.sampled_from(
        [
            "yesterday",
            "last week",
            "over the weekend",
            "on Friday",
            "last month",
            "in the past year",
        ]
    ),
)
def test_past_expressions_never_land_after_publication(published, expression):
    resolved = resolve_date(expression, published=published, tense=PAST)
    assert resolved is not None
    assert resolved.last_day <= published


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_a_past_partial_date_is_within_a_year_before_publication(published):
    resolved = resolve_date("October 8", published=published, tense=PAST)
    assert resolved is not None
    # up to the tense tolerance ahead (a publication date can be off by days)
    assert published - timedelta(days=366) < resolved.first_day <= published + TENSE_TOLERANCE


def test_find_date_expressions_in_the_seed_sentences():
    text = (
        "Media outlets over the weekend reported it. Days after the vote, Riyadh suspended "
        "its aid. In August 2015 he travelled. Aramco informed EGPC in early October. "
        "One day later, supplies resumed. It may rain in May, he said on Monday. "
        "Talks run Wednesday through Friday."
    )
    found = [e.text for e in find_date_expressions(text)]
    for expected in (
        "over the weekend",
        "Days after the vote",
        "August 2015",
        "early October",
        "One day later",
        "Wednesday through Friday",
        "May",
        "Monday",
    ):
        assert expected in found
    assert all(text[e.start : e.end] == e.text for e in find_date_expressions(text))
    # "may" the verb is not a month
    assert not any(e.text == "may" for e in find_date_expressions(text))


def test_tokenised_text_with_spaced_commas():
    found = [e.text for e in find_date_expressions("on April 12 , 1981 and Friday , May 8 , 2009")]
    assert "April 12 , 1981" in found and "Friday , May 8 , 2009" in found
    assert resolve_date("April 12 , 1981", published=None) == ResolvedDate("1981-04-12", DAY)


def test_bare_numbers_need_a_cue_to_be_years():
    found = [
        e.text for e in find_date_expressions("About 1500 people came in 2012 and since 1999.")
    ]
    assert "2012" in found and "1999" in found
    assert "1500" not in found


# --- the search sentence by sentence finds what one search over the whole text finds -------


def _whole_text_search(text: str) -> list[tuple[int, int]]:
    from workbench.extract.dates import _CUED, _FIND_ANY_CASE, _months_capitalised, cued

    found = {
        (m.start(), m.end())
        for m in _FIND_ANY_CASE.finditer(text)
        if _months_capitalised(m.group())
    }
    found |= {(m.start("x"), m.end("x")) for m in _CUED.finditer(text) if cued(text, m)}
    return sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "The talks began on Jan. 5, 2019. They ended in Sept. 2020 after two weeks.",
        "He left in May.\nIn March 2011 the war began; three days later it spread.",
        "Prices rose. Shortly after the vote, it fell! Was it 2014-03-05? Yes, last night.",
        "No date here. None at all, just words.\n\nThe twenties came back in the 1990s.",
        "He spoke on Monday and Tuesday morning.  On 5  2019 the same week.",
    ],
)
def test_sentence_by_sentence_search_matches_the_whole_text_search(text):
    assert [(e.start, e.end) for e in find_date_expressions(text)] == _whole_text_search(text)
    assert find_date_expressions(text)  # each text has dates: the comparison is not empty


def test_a_text_that_lower_case_lengthens_keeps_its_offsets():
    # "İ" is two characters in lower case: the offsets must stay those of the text
    text = "İ" * 20 + " x. On May 5 we met."
    assert [(e.start, e.end) for e in find_date_expressions(text)] == _whole_text_search(text)
    assert [e.text for e in find_date_expressions(text)] == ["May 5"]


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("March of this year", "2016-03"),
        ("in May last year", "2015-05"),
        ("January, next year", "2017-01"),
        ("Sept. of last year", "2015-09"),
    ],
)
def test_a_month_of_a_year_named_relative_to_publication(expression, value):
    resolved = resolve_date(expression, published=SEED_PUBLISHED, tense=PAST)
    assert resolved == ResolvedDate(value, MONTH)


def test_a_month_of_this_year_is_found_whole_not_as_the_year():
    text = "The department described him in March of this year as an emerging figure."
    found = [e.text for e in find_date_expressions(text)]
    assert "March of this year" in found


@pytest.mark.parametrize("expression", ["that same day", "that very day", "later that same day"])
def test_that_same_day_is_the_anchor_day(expression):
    assert expression in [e.text for e in find_date_expressions(f"He left {expression}.")]
    resolved = resolve_date(expression, published=SEED_PUBLISHED, tense=PAST, anchor=VOTE_DAY)
    assert resolved == VOTE_DAY


def test_the_direction_of_a_counted_distance_comes_from_the_lexicon():
    # every row of date_directions.csv counts its way: back ("three days earlier") or on
    from workbench import lexicon

    anchor = ResolvedDate("2016-10-14", DAY)
    rows = lexicon.table("date_directions.csv")
    assert {"earlier", "prior to", "later"} <= {row["words"] for row in rows}
    for row in rows:
        resolved = resolve_date(
            f"three days {row['words']}", published=SEED_PUBLISHED, tense=PAST, anchor=anchor
        )
        expected = "2016-10-11" if row["back"] == "yes" else "2016-10-17"
        assert resolved == ResolvedDate(expected, DAY), row


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a bare unit counted from an event with no article before it: the extraction looks
        # for that event's date (or the day the phrase is set beside)
        ("Jets struck a post hours after a rocket landed near Sderot.", ["hours after"]),
        ("Jets struck a post days after Hamas fired rockets.", ["days after"]),
        # the same unit twice is a repetition, no count from an event
        ("The shelling went on day after day.", []),
        ("Prices rose year after year.", []),
        # "the years after ...": a vague period, no count (review NIT on d308176)
        ("In the years after the 2003 invasion, output recovered.", []),
        ("In the weeks before the election, militias campaigned.", []),
    ],
)
def test_a_bare_unit_counted_from_an_event_is_found(text, found):
    assert [e.text for e in find_date_expressions(text)] == found
