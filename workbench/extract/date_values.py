"""Calendar values for date expressions: the vocabulary, the regex pieces, `ResolvedDate`
and the arithmetic the resolution rules share. Pure, no spaCy."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Precision

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
WEEKDAYS.update({calendar.day_abbr[i].lower(): i for i in range(7)})

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a couple of": 2,
    "a few": 3,
    "few": 3,
    "several": 3,
}
DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
# Northern-hemisphere meteorological seasons: (first month, last month), winter spans a year end.
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
PAST, PRESENT, FUTURE = "past", "present", "future"

MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)"
NUMBER_RE = (
    r"(?:\d+|a couple of|a few|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
)
UNIT_RE = r"(?:hour|day|week|month|year|decade)s?"
WEEKDAY_ALONE_RE = re.compile(rf"(?P<rel>)?(?P<wd>{WEEKDAY_RE})")
PART_RE = (
    r"(?:early|mid|middle|late|the (?:beginning|start|end|middle) of|end of|beginning of|start of)"
)


@dataclass(frozen=True)
class ResolvedDate:
    """A calendar value at a precision; approximate ones are ranges of whole days."""

    date: str  # YYYY, YYYY-MM or YYYY-MM-DD, at `precision`
    precision: Precision
    date_end: str | None = None  # set for approximate dates

    @property
    def first_day(self) -> date:
        return _parse_iso(self.date, end=False)

    @property
    def last_day(self) -> date:
        return _parse_iso(self.date_end or self.date, end=True)


def day(value: date) -> ResolvedDate:
    return ResolvedDate(value.isoformat(), Precision.DAY)


def month(year: int, month_number: int) -> ResolvedDate:
    return ResolvedDate(f"{year:04d}-{month_number:02d}", Precision.MONTH)


def year(value: int) -> ResolvedDate:
    return ResolvedDate(f"{value:04d}", Precision.YEAR)


def between(first: date, last: date) -> ResolvedDate:
    """An approximate range; a one-day range is still approximate (the words were vague)."""
    if last < first:
        first, last = last, first
    return ResolvedDate(first.isoformat(), Precision.APPROXIMATE, last.isoformat())


def _parse_iso(value: str, *, end: bool) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], month_length(*parts) if end else 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def month_length(year_number: int, month_number: int) -> int:
    return calendar.monthrange(year_number, month_number)[1]


def parse_number(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def safe_date(year_number: int, month_number: int, day_number: int) -> date | None:
    try:
        return date(year_number, month_number, day_number)
    except ValueError:
        return None


def add_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    y, m = divmod(index, 12)
    return date(y, m + 1, min(value.day, month_length(y, m + 1)))


def add_years(value: date, years: int) -> date:
    return add_months(value, 12 * years)


# How far on the "wrong" side of the publication date a partial date may fall before we
# move it a year: tense detection is imperfect, and a "future" date a few days back is
# more likely a past one than one a year ahead.
TENSE_TOLERANCE = timedelta(days=14)


def pick_year(candidates: list[tuple[int, date, date]], published: date, tense: str | None) -> int:
    """The year for a partial date: for a past-tense clause the most recent one up to the
    publication date, for a future one the next one from it, else the nearest one.
    `candidates` are (year, first day, last day) for the years around publication."""
    if tense == PAST:
        past = [c for c in candidates if c[1] <= published + TENSE_TOLERANCE]
        if past:
            return past[-1][0]
    elif tense == FUTURE:
        future = [c for c in candidates if c[2] >= published - TENSE_TOLERANCE]
        if future:
            return future[0][0]
    # no tense to go by: the occurrence nearest publication ("November 27" in January)
    return min(
        candidates, key=lambda c: (_distance(c[1], c[2], published), c[0] != published.year)
    )[0]


def _distance(first: date, last: date, published: date) -> int:
    if first <= published <= last:
        return 0
    return min(abs((first - published).days), abs((last - published).days))


def span_back(published: date, unit: str, n: int) -> ResolvedDate:
    return between(shift(published, unit, -n), published)


def span_forward(published: date, unit: str, n: int) -> ResolvedDate:
    return between(published, shift(published, unit, n))


def shift(value: date, unit: str, n: int) -> date:
    if unit == "hour":
        return value + timedelta(days=0 if abs(n) < 24 else n // 24)
    if unit == "day":
        return value + timedelta(days=n)
    if unit == "week":
        return value + timedelta(weeks=n)
    if unit == "month":
        return add_months(value, n)
    if unit == "decade":
        return add_years(value, 10 * n)
    return add_years(value, n)


# -- expressions counted from an earlier date in the text --


def month_part(year_number: int, month_number: int, part: str) -> ResolvedDate:
    last = month_length(year_number, month_number)
    if part in ("early", "the beginning of", "beginning of", "the start of", "start of"):
        days = (1, 10)
    elif part in ("mid", "middle", "the middle of"):
        days = (11, 20)
    else:  # late, the end of
        days = (21, last)
    return between(
        date(year_number, month_number, days[0]), date(year_number, month_number, days[1])
    )


def year_part(year_number: int, part: str) -> ResolvedDate:
    if part in ("early", "the beginning of", "beginning of", "the start of", "start of"):
        months = (1, 4)
    elif part in ("mid", "middle", "the middle of"):
        months = (5, 8)
    elif part in ("end of", "the end of"):
        months = (12, 12)
    else:
        months = (9, 12)
    return between(
        date(year_number, months[0], 1),
        date(year_number, months[1], month_length(year_number, months[1])),
    )


def season_range(start_year: int, season: str) -> ResolvedDate:
    first_month, last_month = SEASONS[season]
    end_year = start_year + 1 if last_month < first_month else start_year
    return between(
        date(start_year, first_month, 1),
        date(end_year, last_month, month_length(end_year, last_month)),
    )
