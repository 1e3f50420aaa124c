"""One date type for the whole project, and the one parser every boundary uses.

News dates are often known only to the month or the year ("in October 2016", "in 2012").
`PartialDate` is a calendar date at day, month or year precision, and `parse_date` is the
only place a date written by a person or a file is read: the CLI, front matter and
sidecars, CSV/JSONL corpora, `Case.add_article` and `update_article`, the Load panel and
import all call it, so the same input is accepted or refused everywhere, with the same
one-line message. Impossible dates (2016-02-31) are refused everywhere.

    >>> parse_date("17 October 2016")
    PartialDate(year=2016, month=10, day=17)
    >>> str(parse_date("2016-10"))
    '2016-10'
    >>> parse_day("Mon, 17 Oct 2016 10:00:00 GMT")
    datetime.date(2016, 10, 17)

Like followthemoney's date type, the text form is ISO 8601 cut to the precision
(``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``); that is what files and the case store hold.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from enum import Enum
from functools import total_ordering

from .errors import InputError
from .lexicon import month_numbers

HINT = "write it as YYYY-MM-DD (or 17 October 2016)"


class Precision(str, Enum):
    """How much of a date is known. An approximate date is a range: date .. date_end."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    APPROXIMATE = "approximate"


class DateError(InputError):
    """A value that is not a date, or not one precise enough for its use."""


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the day, the month or the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"there is no month {self.month}")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                month = calendar.month_name[self.month]
                raise ValueError(f"{month} {self.year} has {last} days")

    # --- forms ---------------------------------------------------------------------------------

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read the stored form (YYYY, YYYY-MM or YYYY-MM-DD); ValueError otherwise."""
        match = _STORED.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"not a stored date: {text!r}")
        return cls(*(int(part) for part in match.groups() if part is not None))

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def isoformat(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    __str__ = isoformat

    @property
    def first(self) -> datetime.date:
        """The first day of the period the date names."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> datetime.date:
        """The last day of the period the date names."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return datetime.date(self.year, month, day)

    def to_date(self) -> datetime.date:
        """The day itself; ValueError for a month or a year."""
        if self.day is None:
            raise ValueError(f"{self} is not a day")
        return self.first

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.first, self.last) < (other.first, other.last)


# --- the parser ------------------------------------------------------------------------------

_STORED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ISO = re.compile(
    r"(?P<year>\d{4})(?:[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?)?"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?",
    re.IGNORECASE,
)
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TAIL = r"(?:[,\s].*)?"  # a time or zone after a written date: "17 October 2016, 10:00 GMT"
_DAY_MONTH_YEAR = re.compile(
    _WEEKDAY
    + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH
    + r",?\s+(?P<year>\d{4})"
    + _TAIL,
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TAIL,
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(_MONTH + r",?\s+(?P<year>\d{4})", re.IGNORECASE)


def parse_date(value: object, *, what: str = "date") -> PartialDate:
    """The one date parser: a `PartialDate` from what a person or a file wrote.

    Accepts ISO forms (2016, 2016-10, 2016-10-17, with or without a time), written dates
    in English (17 October 2016, October 17, 2016, Oct. 2016), e-mail and HTTP dates, a
    `datetime.date` and a `PartialDate`. Refuses with a one-line `DateError` naming `what`
    anything else, impossible days (2016-02-31) and all-digit day/month orders
    (01/02/2016), which are ambiguous.
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    if not isinstance(value, str):
        raise DateError(f"{what} {value!r} is not a date: {HINT}")
    text = " ".join(value.split())
    if not text:
        raise DateError(f"{what} is empty: {HINT}")
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR):
        match = pattern.fullmatch(text)
        if match is not None:
            return _from_match(match, value, what)
    try:  # e-mail and HTTP dates: "Mon, 17 Oct 2016 10:00:00 GMT"
        return PartialDate.from_date(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        pass
    raise DateError(f"{what} {value!r} is not a date: {HINT}")


def parse_day(value: object, *, what: str = "publication date") -> datetime.date:
    """A date known to the day (a publication date): `parse_date`, then the day itself."""
    found = parse_date(value, what=what)
    if found.day is None:
        raise DateError(f"{what} {value!r} names no day: {HINT}")
    return found.to_date()


def parse_optional_day(value: object, *, what: str = "publication date") -> datetime.date | None:
    """`parse_day` for a value that may be missing: None and blank text give None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_day(value, what=what)


def _from_match(match: re.Match[str], value: str, what: str) -> PartialDate:
    parts = match.groupdict()
    month_text = parts.get("month")
    month: int | None = None
    if month_text is not None:
        month = int(month_text) if month_text.isdigit() else month_numbers().get(month_text.lower())
        if month is None:
            raise DateError(f"{what} {value!r} is not a date: {HINT}")
    day = int(parts["day"]) if parts.get("day") else None
    try:
        return PartialDate(int(parts["year"]), month, day)
    except ValueError as error:
        raise DateError(f"{what} {value!r} is not a date ({error}): {HINT}") from None


__all__ = [
    "HINT",
    "DateError",
    "Precision",
    "PartialDate",
    "parse_date",
    "parse_day",
    "parse_optional_day",
]
