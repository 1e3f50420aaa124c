"""Calendar values for date expressions: the vocabulary, the regex pieces, `ResolvedDate`
and the arithmetic the resolution rules share. Pure, no spaCy."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .. import lexicon
from ..dates import PartialDate, Precision

MONTHS = lexicon.month_numbers()
WEEKDAYS = lexicon.weekday_numbers()


def _numbers(kind: str) -> dict[str, int]:
    return {
        row["word"]: int(row["value"])
        for row in lexicon.table("number_words.csv")
        if row["kind"] == kind
    }


NUMBER_WORDS = _numbers("cardinal")
DECADE_WORDS = _numbers("decade")
ORDINALS = _numbers("ordinal")
# Northern-hemisphere meteorological seasons: (first month, last month), winter spans a year end.
SEASONS = {
    row["season"]: (int(row["first_month"]), int(row["last_month"]))
    for row in lexicon.table("seasons.csv")
}
PAST, PRESENT, FUTURE = "past", "present", "future"

MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)"
NUMBER_RE = (
    r"(?:\d+|a couple of|a few|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
)
# "fortnight": two weeks, as British and Gulf papers write it ("a fortnight after the talks")
UNIT_RE = r"(?:hour|day|week|fortnight|month|year|decade)s?"
# "fifth", "21st": an ordinal as a word or in digits, longest words first ("twenty-first")
ORDINAL_RE = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
# "day five", "day 3": a day counted within an event; exact numbers only, at most two digits
# ("day 2019" is no day; "the day a bomb exploded" no count)
VAGUE_AMOUNTS = frozenset(
    row["word"] for row in lexicon.table("number_words.csv") if row["vague"] == "yes"
)
DAY_NUMBER_RE = (
    r"(?:\d{1,2}|"
    + "|".join(sorted((w for w in NUMBER_WORDS if w not in VAGUE_AMOUNTS), key=len, reverse=True))
    + r")(?![\w-])"
)
WEEKDAY_ALONE_RE = re.compile(rf"(?P<rel>)?(?P<wd>{WEEKDAY_RE})")
# Hijri months as English writes them, with their Hijri year: "Ramadan 1440", "Dhu al-Hijjah
# 1440"; the years Umm al-Qura's table holds (1343-1500 AH) start with 13 or 14
HIJRI_MONTHS = {row["name"]: int(row["number"]) for row in lexicon.table("hijri_months.csv")}
HIJRI_MONTH_RE = (
    "(?:" + "|".join(re.escape(m) for m in sorted(HIJRI_MONTHS, key=len, reverse=True)) + ")"
)
HIJRI_YEAR_RE = r"(?:1[34]\d\d)"
# holidays on a fixed day of a calendar, a date with their year: "Eid al-Fitr 2019"
NAMED_DAYS = {
    row["name"]: (row["calendar"], int(row["month"]), int(row["day"]))
    for row in lexicon.table("event_named_days.csv")
}
NAMED_DAY_RE = (
    "(?:" + "|".join(re.escape(n) for n in sorted(NAMED_DAYS, key=len, reverse=True)) + ")"
)
PART_RE = (
    r"(?:early|mid|middle|late|the (?:beginning|start|end|middle) of|end of|beginning of|start of)"
)


@dataclass(frozen=True)
class ResolvedDate:
    """A calendar value at a precision; approximate ones are ranges of whole days."""

    date: PartialDate  # at `precision`; the first day of the range for approximate dates
    precision: Precision
    date_end: PartialDate | None = None  # set for approximate dates

    def __post_init__(self) -> None:
        # written dates ("2016-10") are read at construction, as records clean theirs
        for name in ("date", "date_end"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, PartialDate.from_iso(value))

    @property
    def first_day(self) -> datetime.date:
        return self.date.first

    @property
    def last_day(self) -> datetime.date:
        return (self.date_end or self.date).last


def day(value: datetime.date) -> ResolvedDate:
    return ResolvedDate(PartialDate.from_date(value), Precision.DAY)


def month(year: int, month_number: int) -> ResolvedDate:
    return ResolvedDate(PartialDate(year, month_number), Precision.MONTH)


def year(value: int) -> ResolvedDate:
    return ResolvedDate(PartialDate(value), Precision.YEAR)


def between(first: datetime.date, last: datetime.date) -> ResolvedDate:
    """An approximate range; a one-day range is still approximate (the words were vague)."""
    if last < first:
        first, last = last, first
    return ResolvedDate(
        PartialDate.from_date(first), Precision.APPROXIMATE, PartialDate.from_date(last)
    )


def month_length(year_number: int, month_number: int) -> int:
    return calendar.monthrange(year_number, month_number)[1]


def parse_number(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def ordinal_value(word: str) -> int | None:
    """ "fifth" -> 5, "21st" -> 21; None for anything else."""
    word = word.strip().lower()
    digits = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)
    return int(digits.group(1)) if digits else ORDINALS.get(word)


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


def unit_count(unit_word: str, n: int) -> tuple[str, int]:
    """The unit of a counted distance in the singular, and its count: a fortnight counts as
    two weeks ("a fortnight ago" is about the date "two weeks ago" is)."""
    unit = unit_word.lower().rstrip("s")
    if unit == "fortnight":
        return "week", 2 * n
    return unit, n


def shift(value: date, unit: str, n: int) -> date:
    if unit == "hour":
        return value + timedelta(days=0 if abs(n) < 24 else n // 24)
    if unit == "day":
        return value + timedelta(days=n)
    if unit == "week":
        return value + timedelta(weeks=n)
    if unit == "fortnight":
        return value + timedelta(weeks=2 * n)
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
