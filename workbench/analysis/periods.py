"""Dates as the days they cover: an event's range, a caller's date range, an article's day.

News dates are often known only to the month or the year: "2016-10" is October 1-31. Every
date is read by the one parser (`workbench.dates.parse_date`). A date a caller gives
(a `date_range`) that is not a date is refused with its `DateError`; a stored date that is
not one (typed badly by hand, or written by an old release) is skipped with a logged
warning, so one bad row cannot break a whole timeline, and is not hidden either.
"""

from __future__ import annotations

import datetime
import logging
from functools import lru_cache

from ..dates import DateError, PartialDate, parse_date
from ..model import Precision

log = logging.getLogger(__name__)

DateLike = PartialDate | datetime.date | str
DateRange = tuple[DateLike | None, DateLike | None]
Bounds = tuple[datetime.date, datetime.date]


def event_span(
    date: DateLike, precision: Precision, date_end: DateLike | None
) -> tuple[datetime.date, datetime.date]:
    """The days an event may have happened on: "2016-10" at month precision is Oct 1-31.

    Raises DateError for a value that is not a date.
    """
    start = parse_date(date, what="event date").first
    end = parse_date(date_end if date_end is not None else date, what="event end").last
    if Precision(precision) is Precision.DAY and date_end is None:
        end = start
    return start, max(start, end)


def range_bounds(date_range: DateRange | None) -> Bounds | None:
    """The first and last day of a caller's (low, high) range; None ends are open."""
    if date_range is None:
        return None
    low, high = date_range
    return (
        parse_date(low, what="start of the date range").first
        if low is not None
        else datetime.date.min,
        parse_date(high, what="end of the date range").last
        if high is not None
        else datetime.date.max,
    )


def stored_date(value: DateLike | None, *, record: str) -> PartialDate | None:
    """A date the case holds, or None for none; a bad one is None and a logged warning.

    `record` names the row ("article visit") in the warning, logged once per value.
    """
    if value is None or value == "":
        return None
    return _stored(value, record)


@lru_cache(maxsize=4096)
def _stored(value: DateLike, record: str) -> PartialDate | None:
    try:
        return parse_date(value, what=f"date of {record}")
    except DateError as exc:
        log.warning("%s left out of date filters and timelines: %s", record, exc)
        return None


def published_in(published: DateLike | None, bounds: Bounds | None, *, record: str) -> bool:
    """An article's day in range; an undated article is outside every range."""
    if bounds is None:
        return True
    day = stored_date(published, record=record)
    return day is not None and bounds[0] <= day.first <= bounds[1]


def published_text(published: DateLike | None, *, record: str) -> str | None:
    """An article's publication date as ISO text, for rows and reports."""
    day = stored_date(published, record=record)
    return day.isoformat() if day is not None else None


__all__ = ["DateLike", "DateRange", "event_span", "published_in", "range_bounds", "stored_date"]
