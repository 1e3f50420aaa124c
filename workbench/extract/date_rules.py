"""The resolution rules, one per kind of date expression, tried in order.

Each rule is a regex over the normalised expression (lower case, no leading
preposition) and a function from its match to a `ResolvedDate`, or None to let the
next rule try. A rule may need the publication date or an anchor (an earlier date).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .. import lexicon
from ..model import Precision
from .date_values import (
    DAY_NUMBER_RE,
    DAY_RE,
    DECADE_WORDS,
    FUTURE,
    HIJRI_MONTH_RE,
    HIJRI_MONTHS,
    HIJRI_YEAR_RE,
    MONTH_RE,
    MONTHS,
    NAMED_DAY_RE,
    NAMED_DAYS,
    NUMBER_RE,
    ORDINAL_RE,
    ORDINALS,
    PART_RE,
    PAST,
    UNIT_RE,
    WEEKDAY_ALONE_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    ResolvedDate,
    add_months,
    between,
    day,
    month,
    month_length,
    month_part,
    ordinal_value,
    parse_number,
    pick_year,
    safe_date,
    season_range,
    shift,
    span_back,
    span_forward,
    unit_count,
    year,
    year_part,
)

# "last week", "the coming month": which period, from the current one
_RELATIVE_OFFSETS = {
    row["words"]: int(row["offset"]) for row in lexicon.table("relative_periods.csv")
}


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: Callable[..., ResolvedDate | None]  # (match, *, published, tense, anchor)
    needs: str | None = None  # "published" or "anchor"


def _rule(regex: str, *, needs: str | None = None):
    def register(func):
        RULES.append(_Rule(re.compile(regex), func, needs))
        return func

    return register


RULES: list[_Rule] = []


@_rule(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
def _iso_day(match, **_):
    value = safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return day(value) if value else None


@_rule(r"(?P<y>\d{4})-(?P<m>\d{2})")
def _iso_month(match, **_):
    m = int(match["m"])
    return month(int(match["y"]), m) if 1 <= m <= 12 else None


@_rule(
    rf"(?:{WEEKDAY_RE},? )?(?:the )?(?P<d>{DAY_RE}) (?:of )?(?P<mo>{MONTH_RE}),? (?P<y>{YEAR_RE})"
)
@_rule(rf"(?:{WEEKDAY_RE},? )?(?P<mo>{MONTH_RE}) (?:the )?(?P<d>{DAY_RE}),? (?P<y>{YEAR_RE})")
def _full_date(match, **_):
    value = safe_date(int(match["y"]), MONTHS[match["mo"].rstrip(".")], _day_number(match["d"]))
    return day(value) if value else None


@_rule(
    rf"(?P<mo>{MONTH_RE}) (?P<d1>{DAY_RE}) ?(?:-|to|and|through) ?(?P<d2>{DAY_RE}),? (?P<y>{YEAR_RE})"
)
@_rule(rf"(?P<d1>{DAY_RE}) ?(?:-|to|and) ?(?P<d2>{DAY_RE}) (?P<mo>{MONTH_RE}),? (?P<y>{YEAR_RE})")
def _day_range(match, **_):
    y, m = int(match["y"]), MONTHS[match["mo"].rstrip(".")]
    first = safe_date(y, m, _day_number(match["d1"]))
    last = safe_date(y, m, _day_number(match["d2"]))
    return between(first, last) if first and last else None


def _day_number(text: str) -> int:
    """The number of a day as DAY_RE matches it: "17", "03", "1st", "22nd"."""
    digits = re.match(r"\d+", text)
    if digits is None:  # DAY_RE starts with digits: a rule passed something else
        raise ValueError(f"not a day of the month: {text!r}")
    return int(digits.group())


@_rule(rf"(?P<mo>{MONTH_RE}),? (?:of )?(?P<y>{YEAR_RE})")
def _month_year(match, **_):
    return month(int(match["y"]), MONTHS[match["mo"].rstrip(".")])


@_rule(rf"(?:the )?(?:year |fiscal |calendar )?(?P<y>{YEAR_RE})")
def _year(match, **_):
    return year(int(match["y"]))


@_rule(rf"(?P<y1>{YEAR_RE})-(?P<y2>\d\d)")
def _year_range(match, **_):
    first, last = int(match["y1"]), match["y2"]
    last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if last_year <= first:
        return None
    return between(date(first, 1, 1), date(last_year, 12, 31))


@_rule(rf"(?P<part>{PART_RE})[- ]?(?P<y>{YEAR_RE})")
def _part_of_year(match, **_):
    return year_part(int(match["y"]), match["part"])


@_rule(rf"(?P<part>{PART_RE})[- ]?(?P<mo>{MONTH_RE}),? (?P<y>{YEAR_RE})")
def _part_of_month_year(match, **_):
    return month_part(int(match["y"]), MONTHS[match["mo"].rstrip(".")], match["part"])


@_rule(
    r"(?:the )?(?:(?P<part>early|mid|late)[- ])?(?:(?P<c>1[5-9]|20)(?P<d>\d)0|'(?P<short>\d)0)'?s"
)
def _decade(match, **_):
    if match["short"]:
        # "the '90s": news prose means the 20th century's
        start = 1900 + int(match["short"]) * 10
    else:
        start = int(match["c"]) * 100 + int(match["d"]) * 10
    first, last = start, start + 9
    if match["part"] == "early":
        last = start + 3
    elif match["part"] == "mid":
        first, last = start + 3, start + 6
    elif match["part"] == "late":
        first = start + 6
    return between(date(first, 1, 1), date(last, 12, 31))


@_rule(r"(?:the )?(?P<w>" + "|".join(DECADE_WORDS) + ")")
def _decade_word(match, **_):
    start = 1900 + DECADE_WORDS[match["w"]]
    return between(date(start, 1, 1), date(start + 9, 12, 31))


@_rule(r"(?:the )?(?P<n>\d{1,2})(?:st|nd|rd|th) century")
@_rule(r"(?:the )?(?P<w>" + "|".join(ORDINALS) + ") century")
def _century(match, **_):
    number = int(match["n"]) if match.groupdict().get("n") else ORDINALS[match["w"]]
    start = (number - 1) * 100
    return between(date(max(start, 1), 1, 1), date(start + 99, 12, 31))


@_rule(rf"(?P<season>spring|summer|autumn|fall|winter) (?:of )?(?P<y>{YEAR_RE})")
def _season_year(match, **_):
    return season_range(int(match["y"]), match["season"])


# -- expressions that need the publication date --


@_rule(
    r"(?:the )?(?:day )?today|(?:earlier |later )?this (?:morning|afternoon|evening)|tonight|now",
    needs="published",
)
def _today(match, *, published, **_):
    return day(published)


@_rule(
    r"(?:the day before )yesterday|yesterday(?: (?:morning|afternoon|evening|night))?|last night",
    needs="published",
)
def _yesterday(match, *, published, **_):
    offset = 2 if match.group().startswith("the day before") else 1
    return day(published - timedelta(days=offset))


@_rule(r"(?:the day after )?tomorrow(?: (?:morning|afternoon|evening|night))?", needs="published")
def _tomorrow(match, *, published, **_):
    offset = 2 if match.group().startswith("the day after") else 1
    return day(published + timedelta(days=offset))


@_rule(
    r"(?:later |earlier )?(?:that|the same|that same|that very) (?P<unit>day|morning|afternoon|evening|night|week|month|year)",
    needs="anchor",
)
def _same_period(match, *, anchor, **_):
    """ "that day", "the same year": the anchor itself, at the precision the words give."""
    unit = match["unit"]
    if unit == "year" and anchor.precision != Precision.APPROXIMATE:
        return year(anchor.first_day.year)
    if unit == "month" and anchor.precision in (Precision.DAY, Precision.MONTH):
        return month(anchor.first_day.year, anchor.first_day.month)
    if unit == "week" and anchor.precision == Precision.DAY:
        monday = anchor.first_day - timedelta(days=anchor.first_day.weekday())
        return between(monday, monday + timedelta(days=6))
    if unit not in ("week", "month", "year") and anchor.precision == Precision.DAY:
        return anchor
    return None


# "Monday to Wednesday" is a range; "on Sunday and Saturday" is two days, each its own date
# (a range from Sunday to the Saturday after it would take in a week that is not meant)
@_rule(rf"(?P<first>{WEEKDAY_RE}) (?:through|to|until|-) (?P<last>{WEEKDAY_RE})", needs="published")
def _weekday_range(match, *, published, tense, **_):
    first = _weekday(WEEKDAY_ALONE_RE.fullmatch(match["first"]), published=published, tense=tense)
    days_between = (WEEKDAYS[match["last"]] - WEEKDAYS[match["first"]]) % 7
    return between(first.first_day, first.first_day + timedelta(days=days_between))


@_rule(
    rf"(?:(?P<rel>last|this|next|this past|this coming|coming|past|previous) )?(?P<wd>{WEEKDAY_RE})"
    r"(?: (?:morning|afternoon|evening|night))?",
    needs="published",
)
def _weekday(match, *, published, tense, **_):
    target = WEEKDAYS[match["wd"]]
    rel = match["rel"] or ""
    back = (published.weekday() - target) % 7
    forward = (target - published.weekday()) % 7
    if rel in ("next", "coming", "this coming"):
        return day(published + timedelta(days=forward or 7))
    if not rel and tense == FUTURE:
        # "is scheduled to meet on Monday" in Monday's paper is that day: a week ahead
        # would be "next Monday"
        return day(published + timedelta(days=forward))
    if rel in ("last", "past", "this past", "previous") and back == 0:
        return day(published - timedelta(days=7))
    if rel == "this" and tense != PAST:
        return day(published + timedelta(days=forward))
    # news reports what has happened: the most recent such day, the publication day included
    return day(published - timedelta(days=back))


@_rule(
    rf"(?:(?P<part>{PART_RE})[- ]?)?(?P<mo>{MONTH_RE})(?: the)? (?P<d>{DAY_RE})|(?:the )?(?P<d2>{DAY_RE}) (?:of )?(?P<mo2>{MONTH_RE})",
    needs="published",
)
def _month_day(match, *, published, tense, **_):
    if match["part"]:
        return None
    m = MONTHS[(match["mo"] or match["mo2"]).rstrip(".")]
    d = _day_number(match["d"] or match["d2"])
    candidates = [
        (y, value, value)
        for y in (published.year - 1, published.year, published.year + 1)
        if (value := safe_date(y, m, d))
    ]
    if not candidates:
        return None
    chosen = pick_year(candidates, published, tense)
    value = safe_date(chosen, m, d)
    return day(value) if value else None


@_rule(
    rf"(?P<mo>{MONTH_RE}) (?P<d1>{DAY_RE}) ?(?:-|to|through|until|till) ?(?P<d2>{DAY_RE})",
    needs="published",
)
def _month_days(match, *, published, tense, **_):
    """ "July 2 to 5", "July 2-5": the days between, in the year a partial date takes ("July
    2 and 3" stays its first day, by the guideline: two days, not a stretch)."""
    m = MONTHS[match["mo"].rstrip(".")]
    first_day, last_day = _day_number(match["d1"]), _day_number(match["d2"])
    if last_day <= first_day:
        return None  # "July 20 to 5": no stretch of one month
    candidates = [
        (y, first, last)
        for y in (published.year - 1, published.year, published.year + 1)
        if (first := safe_date(y, m, first_day)) and (last := safe_date(y, m, last_day))
    ]
    if not candidates:
        return None
    chosen = next(c for c in candidates if c[0] == pick_year(candidates, published, tense))
    return between(chosen[1], chosen[2])


# "the first half of 2019", "the third quarter of this year": a calendar year's half or
# quarter (a company's fiscal quarter the text names as such is no calendar one: "fiscal"
# stops the pattern)
_HALVES = {"first": (1, 6), "second": (7, 12)}
_QUARTERS = {"first": (1, 3), "second": (4, 6), "third": (7, 9), "fourth": (10, 12)}
_QUARTERS |= {"last": _QUARTERS["fourth"], "final": _QUARTERS["fourth"]}
_PART_OF = r"(?:the )?(?P<which>first|second|third|fourth|last|final) (?P<kind>half|quarter) of "


def _half_or_quarter(match, year_number: int) -> ResolvedDate | None:
    table = _HALVES if match["kind"] == "half" else _QUARTERS
    if match["which"] not in table:
        return None  # "the third half"
    first, last = table[match["which"]]
    return between(
        date(year_number, first, 1), date(year_number, last, month_length(year_number, last))
    )


@_rule(rf"{_PART_OF}(?:the year )?(?P<y>{YEAR_RE})")
def _part_of_numbered_year(match, **_):
    return _half_or_quarter(match, int(match["y"]))


@_rule(rf"{_PART_OF}(?P<rel>this|last|next) year", needs="published")
def _part_of_relative_year(match, *, published, **_):
    return _half_or_quarter(match, published.year + _RELATIVE_OFFSETS.get(match["rel"], 0))


@_rule(rf"(?P<mo>{MONTH_RE}),? (?:of )?(?P<rel>this|last|next) year", needs="published")
def _month_of_relative_year(match, *, published, **_):
    """ "March of this year", "May last year": the month, in the year the words name."""
    return month(
        published.year + _RELATIVE_OFFSETS.get(match["rel"], 0), MONTHS[match["mo"].rstrip(".")]
    )


@_rule(
    rf"(?:(?P<part0>{PART_RE})[- ])?(?:(?P<rel>last|this|next|this past|this coming|coming|past) )?"
    rf"(?:(?P<part>{PART_RE})[- ]?)?(?P<mo>{MONTH_RE})",
    needs="published",
)
def _month_name(match, *, published, tense, **_):
    """ "July", "last July", "early next March", "late last July": the part of the month
    may come before or after the word naming its year."""
    m = MONTHS[match["mo"].rstrip(".")]
    rel = match["rel"]
    if match["part0"] and match["part"]:
        return None  # "late last early July"
    part = match["part0"] or match["part"]
    if rel in ("last", "past", "this past"):
        chosen = published.year if m < published.month else published.year - 1
    elif rel in ("next", "coming", "this coming"):
        chosen = published.year if m > published.month else published.year + 1
    else:
        candidates = [
            (y, date(y, m, 1), date(y, m, month_length(y, m)))
            for y in (published.year - 1, published.year, published.year + 1)
        ]
        chosen = pick_year(candidates, published, tense)
    if part:
        return month_part(chosen, m, part)
    return month(chosen, m)


@_rule(
    rf"(?:(?P<part>{PART_RE})[- ]?)?(?:(?P<rel>this|last|next|this past|the past|the previous|the coming|the following) )(?P<unit>week|month|year|decade)(?: end)?",
    needs="published",
)
@_rule(r"(?P<unit>week|month|year)[- ](?P<end>end)", needs="published")
@_rule(
    r"(?P<part>(?:the )?(?:end|beginning|start|middle) of) the (?P<unit>week|month|year)",
    needs="published",
)
def _named_period(match, *, published, **_):
    groups = match.groupdict()
    rel = groups.get("rel") or "this"
    part = groups.get("part") or ("end of" if groups.get("end") else None)
    if rel == "the following":
        # "The following week, Iran released the tanker": the week after the story's last
        # date, never publication's (the anchored rule below counts it from that date)
        return None
    offset = _RELATIVE_OFFSETS.get(rel, 0)
    unit = match["unit"]
    if rel == "the past":
        # "the past week/month/year": the span running up to publication
        return span_back(published, unit, 1)
    if unit == "week" and rel == "the coming":
        # "likely in the coming week": the seven days ahead, which from a Monday is that
        # week itself and from a Friday mostly the next
        return between(published, published + timedelta(days=6))
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return between(monday, monday + timedelta(days=6))
    if unit == "month":
        first = add_months(published.replace(day=1), offset)
        if part:
            return month_part(first.year, first.month, part)
        return month(first.year, first.month)
    if unit == "year":
        if part:
            return year_part(published.year + offset, part)
        return year(published.year + offset)
    start = published.year // 10 * 10 + 10 * offset
    return between(date(start, 1, 1), date(start + 9, 12, 31))


@_rule(
    r"(?P<which>earlier|later) (?:this|in the) (?P<unit>week|month|year)",
    needs="published",
)
def _rest_of_period(match, *, published, **_):
    """ "later this week": from the day after publication to the end of the week."""
    unit = match["unit"]
    if unit == "week":
        first = published - timedelta(days=published.weekday())
        last = first + timedelta(days=6)
    elif unit == "month":
        first = published.replace(day=1)
        last = published.replace(day=month_length(published.year, published.month))
    else:
        first, last = date(published.year, 1, 1), date(published.year, 12, 31)
    if match["which"] == "later":
        return between(min(published + timedelta(days=1), last), last)
    return between(first, max(published - timedelta(days=1), first))


@_rule(
    r"(?:(?P<rel>this|last|next|the past|the previous|the coming|this past|this coming) )?(?:the )?weekend",
    needs="published",
)
def _weekend(match, *, published, tense, **_):
    rel = match["rel"]
    saturday_back = (published.weekday() - 5) % 7
    last_saturday = published - timedelta(days=saturday_back)
    if published.weekday() == 5 and rel in ("last", "the past", "the previous", "this past"):
        last_saturday -= timedelta(days=7)
    forward = (
        rel in ("next", "the coming", "this coming")
        or (rel == "this" and tense == FUTURE)
        or (rel is None and tense == FUTURE)
    )
    if forward:
        saturday = published + timedelta(days=(5 - published.weekday()) % 7 or 7)
        return between(saturday, saturday + timedelta(days=1))
    if rel == "this" and tense != PAST and published.weekday() < 5:
        saturday = published + timedelta(days=5 - published.weekday())
        return between(saturday, saturday + timedelta(days=1))
    return between(last_saturday, last_saturday + timedelta(days=1))


@_rule(
    r"(?P<rel>this|last|next|the past|the coming) (?P<season>spring|summer|autumn|fall|winter)",
    needs="published",
)
def _season_relative(match, *, published, tense, **_):
    season = match["season"]
    rel = match["rel"]
    # the season year is the year it begins in
    candidates = []
    for y in (published.year - 2, published.year - 1, published.year, published.year + 1):
        found = season_range(y, season)
        candidates.append((y, found.first_day, found.last_day))
    if rel in ("last", "the past"):
        finished = [c for c in candidates if c[2] < published]
        return season_range(finished[-1][0], season)
    if rel in ("next", "the coming"):
        upcoming = [c for c in candidates if c[1] > published]
        return season_range(upcoming[0][0], season)
    current = [c for c in candidates if c[1] <= published <= c[2]]
    if current:
        return season_range(current[0][0], season)
    if tense == PAST:
        return season_range([c for c in candidates if c[2] < published][-1][0], season)
    return season_range([c for c in candidates if c[1] > published][0][0], season)


@_rule(
    rf"(?:(?P<n>{NUMBER_RE})[ -](?P<unit>{UNIT_RE})[ -]and[ -]a[ -]half"
    rf"|(?P<n2>{NUMBER_RE}) and a half (?P<unit2>{UNIT_RE})) (?:ago|back)",
    needs="published",
)
def _ago_and_a_half(match, *, published, **_):
    """ "a year-and-a-half ago": half a unit is no exact count, so a range around it (a
    month either side for years, a week for months, two days for weeks)."""
    n = parse_number(match["n"] or match["n2"])
    unit = (match["unit"] or match["unit2"]).rstrip("s")
    if n is None:
        return None
    if unit == "year":
        value = add_months(published, -(12 * n + 6))
        first = add_months(value.replace(day=1), -1)
        last = add_months(value.replace(day=1), 2) - timedelta(days=1)
        return between(first, last)
    if unit == "month":
        value = published - timedelta(days=30 * n + 15)
        return between(value - timedelta(days=7), value + timedelta(days=7))
    if unit == "week":
        value = published - timedelta(days=7 * n + 3)
        return between(value - timedelta(days=2), value + timedelta(days=2))
    return None


# "in two days", "in three weeks' time": counted ahead from now. Matched on the words as
# written, before "in" is dropped as a leading preposition ("two days" alone is no date).
IN_TIME = re.compile(rf"in (?P<n>{NUMBER_RE}) (?P<unit>{UNIT_RE})'?(?: time)?")


def in_time(
    match: re.Match[str], *, published: date | None, tense: str | None
) -> ResolvedDate | None:
    """The day (month, year) "in two days" names ahead of `published`; none in a clause told
    as done, where it is how long something took ("the city fell in two days")."""
    n = parse_number(match["n"])
    if published is None or tense == PAST or n is None:
        return None
    if match["n"] in ("a few", "few", "several", "a couple of"):
        return None  # "in a few days": no day a reader can give
    unit, n = unit_count(match["unit"], n)
    if unit in ("hour", "day", "week"):
        return day(shift(published, unit, n))
    if unit == "month":
        value = add_months(published, n)
        return month(value.year, value.month)
    if unit == "year":
        return year(published.year + n)
    return None  # "in two decades"


@_rule(rf"(?P<n>{NUMBER_RE}) (?P<unit>{UNIT_RE}) (?:ago|back)", needs="published")
def _ago(match, *, published, **_):
    n = parse_number(match["n"])
    if n is None:
        return None
    unit, n = unit_count(match["unit"], n)
    vague = match["n"] in ("a few", "few", "several", "a couple of")
    if unit == "hour":
        # "36 hours ago": a time of day counted back, no calendar date (eval/gold/README.md)
        return None
    if unit == "day":
        value = published - timedelta(days=n)
        return (
            between(value - timedelta(days=1), value + timedelta(days=1)) if vague else day(value)
        )
    if unit == "week":
        value = published - timedelta(weeks=n)
        return between(value - timedelta(days=3), value + timedelta(days=3))
    if unit == "month":
        value = add_months(published, -n)
        return (
            between(add_months(value, -1), add_months(value, 1))
            if vague
            else month(value.year, value.month)
        )
    if unit == "decade":
        n *= 10
    if vague:
        return between(date(published.year - n - 1, 1, 1), date(published.year - n + 1, 12, 31))
    return year(published.year - n)


@_rule(
    rf"(?:the |these |those )?(?:(?P<rel>past|last|previous|recent|coming|next)) (?:(?P<n>{NUMBER_RE}) )?(?P<unit>{UNIT_RE})",
    needs="published",
)
@_rule(rf"(?:the )?recent (?P<unit>{UNIT_RE})", needs="published")
def _span(match, *, published, tense=None, **_):
    groups = match.groupdict()
    if groups.get("rel") in ("coming", "next") and tense == PAST:
        # "He spent the next five decades in Congress": a stretch after the clause's own
        # time, which publication is not; counted from it, a past event gets a future date
        return None
    count = groups.get("n")
    if groups.get("rel") in ("next", "previous") and not count and not match["unit"].endswith("s"):
        return None  # "the next day" counts from an earlier date, not from publication
    if match["unit"] == "day" and not count:
        return None  # "the last day" of something, not the day before publication
    n = parse_number(count) if count else (3 if match["unit"].endswith("s") else 1)
    if n is None:
        return None
    unit = match["unit"].rstrip("s")
    if unit == "hour":
        return None  # "in the past 24 hours", "the next 48 hours": a stretch of time, no date
    if groups.get("rel") in ("coming", "next"):
        return span_forward(published, unit, n)
    return span_back(published, unit, n)


# "three days earlier", "two weeks after": which way a counted distance goes from its anchor
_DIRECTIONS = {row["words"]: row["back"] == "yes" for row in lexicon.table("date_directions.csv")}


def _words_re(words: Iterable[str]) -> str:
    """An alternation of `words` in the file's order (it puts "prior to" before "prior")."""
    return "|".join(re.escape(w) for w in words)


@_rule(
    rf"(?P<n>{NUMBER_RE}) (?P<unit>{UNIT_RE}) "
    rf"(?:(?P<back>{_words_re(w for w, back in _DIRECTIONS.items() if back)})"
    rf"|{_words_re(w for w, back in _DIRECTIONS.items() if not back)})"
    r"(?: (?:that|this|the \w+|his \w+|her \w+|its \w+|their \w+))?",
    needs="anchor",
)
def _counted(match, *, anchor, **_):
    n = parse_number(match["n"])
    if n is None:
        return None
    sign = -1 if match["back"] else 1
    unit, n = unit_count(match["unit"], n)
    if anchor.precision == Precision.YEAR and unit not in ("year", "decade"):
        return None  # "four months before" a year names no date
    vague = match["n"] in ("a few", "few", "several", "a couple of")
    if unit == "hour" and (vague or n >= 12):
        # "a few hours before": the same day or the one next to it
        side = (
            anchor.first_day - timedelta(days=1)
            if sign < 0
            else anchor.last_day + timedelta(days=1)
        )
        return between(min(side, anchor.first_day), max(side, anchor.last_day))
    if anchor.precision == Precision.DAY and unit in ("day", "hour") and not vague:
        return day(shift(anchor.first_day, unit, sign * n))
    if anchor.precision == Precision.DAY and unit == "week" and not vague:
        return day(shift(anchor.first_day, unit, sign * n))
    if anchor.precision == Precision.DAY and unit == "month" and n == 1 and not vague:
        # "a month after he resigned on April 2": May 2, as a reader counts a single month
        # (longer counts are rounder: "four months ahead of the race" names a month)
        return day(add_months(anchor.first_day, sign * n))
    if anchor.precision in (Precision.DAY, Precision.MONTH) and unit == "month" and not vague:
        shifted = add_months(anchor.first_day, sign * n)
        return month(shifted.year, shifted.month)
    if anchor.precision != Precision.APPROXIMATE and unit in ("year", "decade") and not vague:
        return year(anchor.first_day.year + sign * n * (10 if unit == "decade" else 1))
    if vague:
        # "a few weeks after": two to four weeks, on the anchor's side
        near, far = sign * (n - 1), sign * (n + 1)
        ends = [shift(anchor.first_day, unit, near), shift(anchor.last_day, unit, far)]
        return between(min(ends), max(ends))
    return between(shift(anchor.first_day, unit, sign * n), shift(anchor.last_day, unit, sign * n))


@_rule(
    r"(?:the )?(?P<which>next|following|previous|preceding) (?P<unit>day|morning|evening|night|week|month|year)"
    r"|(?:the )?(?P<unit2>day|night|morning|evening|week|month|year) (?P<dir>after|before)",
    needs="anchor",
)
def _next_unit(match, *, anchor, **_):
    sign = -1 if (match["which"] in ("previous", "preceding") or match["dir"] == "before") else 1
    unit = match["unit"] or match["unit2"]
    if unit in ("morning", "evening", "night"):
        unit = "day"
    if unit == "day" and anchor.precision == Precision.DAY:
        return day(anchor.first_day + timedelta(days=sign))
    if unit == "week" and anchor.precision == Precision.DAY:
        # "the week after the election": the seven days after its day (before: the seven before)
        if sign > 0:
            return between(
                anchor.first_day + timedelta(days=1), anchor.first_day + timedelta(days=7)
            )
        return between(anchor.first_day - timedelta(days=7), anchor.first_day - timedelta(days=1))
    if unit == "month" and anchor.precision in (Precision.DAY, Precision.MONTH):
        value = add_months(anchor.first_day.replace(day=1), sign)
        return month(value.year, value.month)
    if unit == "year" and anchor.precision != Precision.APPROXIMATE:
        return year(anchor.first_day.year + sign)
    return between(shift(anchor.first_day, unit, sign), shift(anchor.last_day, unit, sign))


# How far "days after", "weeks before"... reach from their anchor: (nearest, farthest, unit).
VAGUE_DISTANCES = {
    row["word"]: (int(row["nearest"]), int(row["farthest"]), row["unit"])
    for row in lexicon.table("vague_distances.csv")
}


@_rule(
    r"(?P<amount>" + "|".join(VAGUE_DISTANCES) + ")"
    r" (?P<dir>later|after|before|earlier|afterwards)(?: \w+(?: \w+)?)?",
    needs="anchor",
)
def _vague_after(match, *, anchor, **_):
    """ "days after the vote": an approximate range on the right side of the anchor."""
    low, high, unit = VAGUE_DISTANCES[match["amount"]]
    if match["dir"] in ("before", "earlier"):
        return between(shift(anchor.first_day, unit, -high), shift(anchor.first_day, unit, -low))
    return between(shift(anchor.last_day, unit, low), shift(anchor.last_day, unit, high))


@_rule(
    rf"(?:the )?(?P<n>{ORDINAL_RE})(?: or (?P<n2>{ORDINAL_RE}))? day|day (?P<count>{DAY_NUMBER_RE})"
    r"|(?:the )?(?P<opening>opening) (?:day|night)|(?:the )?(?P<eve>eve)",
    needs="anchor",
)
def _day_of_event(match, *, anchor, **_):
    """ "day five" (of the World Cup), "the fourth or fifth day" (of the festival), "the
    opening night" (its first): counted from the anchor, the event's first day; "fourth or
    fifth" is a range of the two."""
    if anchor.precision != Precision.DAY:
        return None
    if match["opening"]:
        return day(anchor.first_day)
    if match["eve"]:
        return day(anchor.first_day - timedelta(days=1))  # "the eve of the vote"
    first = ordinal_value(match["n"]) if match["n"] else parse_number(match["count"])
    if not first:
        return None
    start = anchor.first_day + timedelta(days=first - 1)
    last = ordinal_value(match["n2"]) if match["n2"] else None
    if last is None:
        return day(start)
    return between(start, anchor.first_day + timedelta(days=last - 1))


# -- calendars and holidays: last, as no expression of the rules above can be one of these
# (they start with a Hijri month, a holiday or a Hijri year), which spares every other
# expression two more patterns


@_rule(rf"(?P<mo>{HIJRI_MONTH_RE}) (?P<y>{HIJRI_YEAR_RE})(?: ah)?|(?P<y2>{HIJRI_YEAR_RE}) ah")
def _hijri(match, **_):
    """ "Ramadan 1440": the Gregorian days of that Hijri month (Umm al-Qura, as the Arabic
    rules count); "1440 AH": those of the Hijri year. A range: neither is a Gregorian month."""
    from hijridate import Hijri

    year_number = int(match["y"] or match["y2"])
    months = (HIJRI_MONTHS[match["mo"]],) * 2 if match["mo"] else (1, 12)
    try:
        first = Hijri(year_number, months[0], 1)
        end = Hijri(year_number, months[1], 1)
        last = Hijri(year_number, months[1], end.month_length())
    except (ValueError, OverflowError):  # a year outside Umm al-Qura's table
        return None
    return between(first.to_gregorian(), last.to_gregorian())


@_rule(rf"(?P<name>{NAMED_DAY_RE}),? (?:of )?(?P<y>{YEAR_RE})")
def _named_day_of_year(match, **_):
    """ "Eid al-Fitr 2019", "Christmas 2018": the holiday's day in that Gregorian year; a
    Hijri holiday's, the first of its days that falls in the year (Umm al-Qura)."""
    calendar, month_number, day_number = NAMED_DAYS[match["name"]]
    year_number = int(match["y"])
    if calendar != "hijri":
        value = safe_date(year_number, month_number, day_number)
        return day(value) if value else None
    from hijridate import Gregorian, Hijri

    try:
        first_hijri_year = Gregorian(year_number, 1, 1).to_hijri().year
        for hijri_year in (first_hijri_year, first_hijri_year + 1):
            value = Hijri(hijri_year, month_number, day_number).to_gregorian()
            if value.year == year_number:
                return day(date(value.year, value.month, value.day))
    except (ValueError, OverflowError):  # a year outside Umm al-Qura's table
        return None
    return None
