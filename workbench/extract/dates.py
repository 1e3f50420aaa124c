"""Date expressions: finding them in text and resolving them against a publication date.

Pure functions, no spaCy. A resolved date is a calendar value at a precision: a day, a
month, a year, or an approximate range (`date` .. `date_end`, both whole days). Relative
expressions ("yesterday", "last week") need a publication date; without one they are
not resolved, rather than guessed.
"""

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

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUMBER = r"(?:\d+|a couple of|a few|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_UNIT = r"(?:hour|day|week|month|year|decade)s?"
_WEEKDAY_ALONE = re.compile(rf"(?P<rel>)?(?P<wd>{_WEEKDAY})")
_PART = r"(?:early|mid|middle|late|the (?:beginning|start|end|middle) of|end of|beginning of|start of)"


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


@dataclass(frozen=True)
class DateExpression:
    """A date expression found in text: `text == source[start:end]`."""

    start: int
    end: int
    text: str


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
        return date(parts[0], parts[1], _month_length(*parts) if end else 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def _month_length(year_number: int, month_number: int) -> int:
    return calendar.monthrange(year_number, month_number)[1]


def _number(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _safe_date(year_number: int, month_number: int, day_number: int) -> date | None:
    try:
        return date(year_number, month_number, day_number)
    except ValueError:
        return None


def _add_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    y, m = divmod(index, 12)
    return date(y, m + 1, min(value.day, _month_length(y, m + 1)))


def _add_years(value: date, years: int) -> date:
    return _add_months(value, 12 * years)


# How far on the "wrong" side of the publication date a partial date may fall before we
# move it a year: tense detection is imperfect, and a "future" date a few days back is
# more likely a past one than one a year ahead.
TENSE_TOLERANCE = timedelta(days=14)


def _pick_year(candidates: list[tuple[int, date, date]], published: date, tense: str | None) -> int:
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


# --- normalising an expression --------------------------------------------------------

_LEADING = re.compile(
    r"^(?:(?:on|in|at|by|since|during|from|until|till|through|throughout|over|of|for|around|about|"
    r"as of|as early as|as late as|sometime|some time|circa|c\.|approximately|roughly|until|"
    r"before|after|(?:earlier|later)(?! (?:this|in the) (?:week|month|year)))\s+)+"
)


def _normalise(expression: str) -> str:
    text = expression.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u2013\u2014]", "-", text)
    text = re.sub(r"'s\b|s'$", "", text)
    text = re.sub(r"\s+", " ", text).replace(" ,", ",").strip(' ,.;:()[]"')
    text = _LEADING.sub("", text)
    return text.strip()


# --- resolving ---------------------------------------------------------------------------


def resolve_date(
    expression: str,
    *,
    published: date | None,
    tense: str | None = None,
    anchor: ResolvedDate | None = None,
) -> ResolvedDate | None:
    """The calendar value of a date expression, or None when it has none we can trust.

    `published` anchors relative expressions; `tense` ("past", "present", "future") of
    the clause picks the year of a partial date and the week of a weekday; `anchor` is the
    date that "one day later" or "days after the vote" count from.
    """
    text = _normalise(expression)
    if not text:
        return None
    for rule in _RULES:
        match = rule.pattern.fullmatch(text)
        if match is None:
            continue
        if rule.needs == "published" and published is None:
            return None
        if rule.needs == "anchor" and anchor is None:
            return None
        result = rule.resolve(match, published=published, tense=tense, anchor=anchor)
        if result is not None:
            return _clamped(result, published=published, tense=tense)
    return None


def _clamped(result: ResolvedDate, *, published: date | None, tense: str | None) -> ResolvedDate:
    """A range in a past-tense report ends by the publication date at the latest."""
    if (
        published is not None
        and tense == PAST
        and result.precision == Precision.APPROXIMATE
        and result.first_day <= published < result.last_day
    ):
        return between(result.first_day, published)
    return result


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: object  # callable(match, *, published, tense, anchor) -> ResolvedDate | None
    needs: str | None = None  # "published" or "anchor"


def _rule(regex: str, *, needs: str | None = None):
    def register(func):
        _RULES.append(_Rule(re.compile(regex), func, needs))  # type: ignore[arg-type]
        return func

    return register


_RULES: list[_Rule] = []


@_rule(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
def _iso_day(match, **_):
    value = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return day(value) if value else None


@_rule(r"(?P<y>\d{4})-(?P<m>\d{2})")
def _iso_month(match, **_):
    m = int(match["m"])
    return month(int(match["y"]), m) if 1 <= m <= 12 else None


@_rule(rf"(?:{_WEEKDAY},? )?(?:the )?(?P<d>{_DAY}) (?:of )?(?P<mo>{_MONTH}),? (?P<y>{_YEAR})")
@_rule(rf"(?:{_WEEKDAY},? )?(?P<mo>{_MONTH}) (?:the )?(?P<d>{_DAY}),? (?P<y>{_YEAR})")
def _full_date(match, **_):
    value = _safe_date(
        int(match["y"]), MONTHS[match["mo"].rstrip(".")], int(match["d"][:2].rstrip("stndrh"))
    )
    return day(value) if value else None


@_rule(rf"(?P<mo>{_MONTH}) (?P<d1>{_DAY}) ?(?:-|to|and|through) ?(?P<d2>{_DAY}),? (?P<y>{_YEAR})")
@_rule(rf"(?P<d1>{_DAY}) ?(?:-|to|and) ?(?P<d2>{_DAY}) (?P<mo>{_MONTH}),? (?P<y>{_YEAR})")
def _day_range(match, **_):
    y, m = int(match["y"]), MONTHS[match["mo"].rstrip(".")]
    first = _safe_date(y, m, _day_number(match["d1"]))
    last = _safe_date(y, m, _day_number(match["d2"]))
    return between(first, last) if first and last else None


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


@_rule(rf"(?P<mo>{_MONTH}),? (?:of )?(?P<y>{_YEAR})")
def _month_year(match, **_):
    return month(int(match["y"]), MONTHS[match["mo"].rstrip(".")])


@_rule(rf"(?:the )?(?:year |fiscal |calendar )?(?P<y>{_YEAR})")
def _year(match, **_):
    return year(int(match["y"]))


@_rule(rf"(?P<y1>{_YEAR})-(?P<y2>\d\d)")
def _year_range(match, **_):
    first, last = int(match["y1"]), match["y2"]
    last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if last_year <= first:
        return None
    return between(date(first, 1, 1), date(last_year, 12, 31))


@_rule(rf"(?P<part>{_PART})[- ]?(?P<y>{_YEAR})")
def _part_of_year(match, **_):
    return _year_part(int(match["y"]), match["part"])


@_rule(rf"(?P<part>{_PART})[- ]?(?P<mo>{_MONTH}),? (?P<y>{_YEAR})")
def _part_of_month_year(match, **_):
    return _month_part(int(match["y"]), MONTHS[match["mo"].rstrip(".")], match["part"])


@_rule(
    r"(?:the )?(?:(?P<part>early|mid|late)[- ])?(?:(?P<c>1[5-9]|20)(?P<d>\d)0|'(?P<short>\d)0)'?s"
)
def _decade(match, **_):
    if match["short"]:
        # "the '90s": the most recent such decade of the 20th century or this one
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


@_rule(rf"(?P<season>spring|summer|autumn|fall|winter) (?:of )?(?P<y>{_YEAR})")
def _season_year(match, **_):
    return _season(int(match["y"]), match["season"])


# -- expressions that need the publication date --


@_rule(
    r"(?:the )?(?:day )?today|(?:earlier |later )?(?:this )?(?:morning|afternoon|evening)|tonight|now",
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


@_rule(r"(?:that|the same) (?:day|morning|afternoon|evening|night)", needs="anchor")
def _same_day(match, *, anchor, **_):
    return anchor if anchor.precision == Precision.DAY else None


@_rule(rf"(?P<first>{_WEEKDAY}) (?:through|to|until|and|-) (?P<last>{_WEEKDAY})", needs="published")
def _weekday_range(match, *, published, tense, **_):
    first = _weekday(_WEEKDAY_ALONE.fullmatch(match["first"]), published=published, tense=tense)
    days_between = (WEEKDAYS[match["last"]] - WEEKDAYS[match["first"]]) % 7
    return between(first.first_day, first.first_day + timedelta(days=days_between))


@_rule(
    rf"(?:(?P<rel>last|this|next|this past|this coming|coming|past|previous) )?(?P<wd>{_WEEKDAY})"
    r"(?: (?:morning|afternoon|evening|night))?",
    needs="published",
)
def _weekday(match, *, published, tense, **_):
    target = WEEKDAYS[match["wd"]]
    rel = match["rel"] or ""
    back = (published.weekday() - target) % 7
    forward = (target - published.weekday()) % 7
    if rel in ("next", "coming", "this coming") or (not rel and tense == FUTURE):
        return day(published + timedelta(days=forward or 7))
    if rel in ("last", "past", "this past", "previous") and back == 0:
        return day(published - timedelta(days=7))
    if rel == "this" and tense != PAST:
        return day(published + timedelta(days=forward))
    # news reports what has happened: the most recent such day, the publication day included
    return day(published - timedelta(days=back))


@_rule(
    rf"(?:(?P<part>{_PART})[- ]?)?(?P<mo>{_MONTH})(?: the)? (?P<d>{_DAY})|(?:the )?(?P<d2>{_DAY}) (?:of )?(?P<mo2>{_MONTH})",
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
        if (value := _safe_date(y, m, d))
    ]
    if not candidates:
        return None
    chosen = _pick_year(candidates, published, tense)
    value = _safe_date(chosen, m, d)
    return day(value) if value else None


@_rule(
    rf"(?:(?P<rel>last|this|next|this past|this coming|coming|past) )?(?:(?P<part>{_PART})[- ]?)?(?P<mo>{_MONTH})",
    needs="published",
)
def _month_name(match, *, published, tense, **_):
    m = MONTHS[match["mo"].rstrip(".")]
    rel = match["rel"]
    if rel in ("last", "past", "this past"):
        chosen = published.year if m < published.month else published.year - 1
    elif rel in ("next", "coming", "this coming"):
        chosen = published.year if m > published.month else published.year + 1
    else:
        candidates = [
            (y, date(y, m, 1), date(y, m, _month_length(y, m)))
            for y in (published.year - 1, published.year, published.year + 1)
        ]
        chosen = _pick_year(candidates, published, tense)
    if match["part"]:
        return _month_part(chosen, m, match["part"])
    return month(chosen, m)


@_rule(
    rf"(?:(?P<part>{_PART})[- ]?)?(?:(?P<rel>this|last|next|this past|the past|the previous|the coming|the following|the same) )(?P<unit>week|month|year|decade)(?: end)?",
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
    shift = {
        "last": -1,
        "this past": -1,
        "the previous": -1,
        "next": 1,
        "the following": 1,
        "the coming": 1,
    }.get(rel, 0)
    unit = match["unit"]
    if rel == "the past":
        # "the past week/month/year": the span running up to publication
        return _span_back(published, unit, 1)
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
        return between(monday, monday + timedelta(days=6))
    if unit == "month":
        first = _add_months(published.replace(day=1), shift)
        if part:
            return _month_part(first.year, first.month, part)
        return month(first.year, first.month)
    if unit == "year":
        if part:
            return _year_part(published.year + shift, part)
        return year(published.year + shift)
    start = published.year // 10 * 10 + 10 * shift
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
        last = published.replace(day=_month_length(published.year, published.month))
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
    r"(?:(?P<rel>this|last|next|the past|the coming) )?(?P<season>spring|summer|autumn|fall|winter)",
    needs="published",
)
def _season_relative(match, *, published, tense, **_):
    season = match["season"]
    first_month, last_month = SEASONS[season]
    rel = match["rel"]
    # the season year is the year it begins in
    candidates = []
    for y in (published.year - 2, published.year - 1, published.year, published.year + 1):
        found = _season(y, season)
        candidates.append((y, found.first_day, found.last_day))
    if rel in ("last", "the past"):
        finished = [c for c in candidates if c[2] < published]
        return _season(finished[-1][0], season)
    if rel in ("next", "the coming"):
        upcoming = [c for c in candidates if c[1] > published]
        return _season(upcoming[0][0], season)
    current = [c for c in candidates if c[1] <= published <= c[2]]
    if current:
        return _season(current[0][0], season)
    if tense == PAST:
        return _season([c for c in candidates if c[2] < published][-1][0], season)
    return _season([c for c in candidates if c[1] > published][0][0], season)


@_rule(rf"(?P<n>{_NUMBER}) (?P<unit>{_UNIT}) (?:ago|back)", needs="published")
def _ago(match, *, published, **_):
    n = _number(match["n"])
    if n is None:
        return None
    unit = match["unit"].rstrip("s")
    vague = match["n"] in ("a few", "few", "several", "a couple of")
    if unit == "hour":
        return day(published)
    if unit == "day":
        value = published - timedelta(days=n)
        return (
            between(value - timedelta(days=1), value + timedelta(days=1)) if vague else day(value)
        )
    if unit == "week":
        value = published - timedelta(weeks=n)
        return between(value - timedelta(days=3), value + timedelta(days=3))
    if unit == "month":
        value = _add_months(published, -n)
        return (
            between(_add_months(value, -1), _add_months(value, 1))
            if vague
            else month(value.year, value.month)
        )
    if unit == "decade":
        n *= 10
    if vague:
        return between(date(published.year - n - 1, 1, 1), date(published.year - n + 1, 12, 31))
    return year(published.year - n)


@_rule(
    rf"(?:the |these |those )?(?:(?P<rel>past|last|previous|recent|coming|next)) (?:(?P<n>{_NUMBER}) )?(?P<unit>{_UNIT})",
    needs="published",
)
@_rule(rf"(?:the )?recent (?P<unit>{_UNIT})", needs="published")
def _span(match, *, published, **_):
    groups = match.groupdict()
    count = groups.get("n")
    if groups.get("rel") in ("next", "previous") and not count and not match["unit"].endswith("s"):
        return None  # "the next day" counts from an earlier date, not from publication
    n = _number(count) if count else (3 if match["unit"].endswith("s") else 1)
    if n is None:
        return None
    unit = match["unit"].rstrip("s")
    if groups.get("rel") in ("coming", "next"):
        return _span_forward(published, unit, n)
    return _span_back(published, unit, n)


def _span_back(published: date, unit: str, n: int) -> ResolvedDate:
    return between(_shift(published, unit, -n), published)


def _span_forward(published: date, unit: str, n: int) -> ResolvedDate:
    return between(published, _shift(published, unit, n))


def _shift(value: date, unit: str, n: int) -> date:
    if unit == "hour":
        return value + timedelta(days=0 if abs(n) < 24 else n // 24)
    if unit == "day":
        return value + timedelta(days=n)
    if unit == "week":
        return value + timedelta(weeks=n)
    if unit == "month":
        return _add_months(value, n)
    if unit == "decade":
        return _add_years(value, 10 * n)
    return _add_years(value, n)


# -- expressions counted from an earlier date in the text --


@_rule(
    rf"(?P<n>{_NUMBER}) (?P<unit>{_UNIT}) (?P<dir>later|earlier|after|before|afterwards|on|prior)(?: (?:that|this|the \w+|his \w+|her \w+|its \w+|their \w+))?",
    needs="anchor",
)
def _counted(match, *, anchor, **_):
    n = _number(match["n"])
    if n is None:
        return None
    sign = -1 if match["dir"] in ("earlier", "before", "prior") else 1
    unit = match["unit"].rstrip("s")
    vague = match["n"] in ("a few", "few", "several", "a couple of")
    if anchor.precision == Precision.DAY and unit in ("day", "hour") and not vague:
        return day(_shift(anchor.first_day, unit, sign * n))
    if anchor.precision == Precision.DAY and unit == "week" and not vague:
        return day(_shift(anchor.first_day, unit, sign * n))
    if anchor.precision in (Precision.DAY, Precision.MONTH) and unit == "month" and not vague:
        shifted = _add_months(anchor.first_day, sign * n)
        return month(shifted.year, shifted.month)
    if anchor.precision != Precision.APPROXIMATE and unit in ("year", "decade") and not vague:
        return year(anchor.first_day.year + sign * n * (10 if unit == "decade" else 1))
    return between(
        _shift(anchor.first_day, unit, sign * n), _shift(anchor.last_day, unit, sign * n)
    )


@_rule(
    r"(?:the )?(?P<which>next|following|previous|preceding) (?P<unit>day|morning|evening|night|week|month|year)"
    r"|(?:the )?(?P<unit2>day|week|month|year) (?P<dir>after|before)",
    needs="anchor",
)
def _next_unit(match, *, anchor, **_):
    sign = -1 if (match["which"] in ("previous", "preceding") or match["dir"] == "before") else 1
    unit = match["unit"] or match["unit2"]
    if unit in ("morning", "evening", "night"):
        unit = "day"
    if unit == "day" and anchor.precision == Precision.DAY:
        return day(anchor.first_day + timedelta(days=sign))
    if unit == "month" and anchor.precision in (Precision.DAY, Precision.MONTH):
        value = _add_months(anchor.first_day.replace(day=1), sign)
        return month(value.year, value.month)
    if unit == "year" and anchor.precision != Precision.APPROXIMATE:
        return year(anchor.first_day.year + sign)
    return between(_shift(anchor.first_day, unit, sign), _shift(anchor.last_day, unit, sign))


@_rule(
    rf"(?P<n>hours|days|weeks|months|years|shortly|soon|just|moments|minutes|(?:{_NUMBER}) (?:{_UNIT}))(?: later| after| before| earlier|afterwards)?(?: \w+(?: \w+)?)?",
    needs="anchor",
)
def _vague_after(match, *, anchor, **_):
    text = match.group()
    before = " before" in text or " earlier" in text
    amount = match["n"]
    if amount in ("hours", "shortly", "soon", "just", "moments", "minutes"):
        low, high = 0, 3
        unit = "day"
    elif amount in ("days", "weeks", "months", "years"):
        unit = amount.rstrip("s")
        low, high = 2, 9 if unit == "day" else 11
        if unit == "week":
            low, high = 14, 60
            unit = "day"
    else:
        return None
    if not re.search(r" (?:later|after|before|earlier|afterwards)\b", text):
        return None
    if before:
        return between(_shift(anchor.first_day, unit, -high), _shift(anchor.first_day, unit, -low))
    return between(
        _shift(anchor.last_day, unit, low if low else 0), _shift(anchor.last_day, unit, high)
    )


def _month_part(year_number: int, month_number: int, part: str) -> ResolvedDate:
    last = _month_length(year_number, month_number)
    if part in ("early", "the beginning of", "beginning of", "the start of", "start of"):
        days = (1, 10)
    elif part in ("mid", "middle", "the middle of"):
        days = (11, 20)
    else:  # late, the end of
        days = (21, last)
    return between(
        date(year_number, month_number, days[0]), date(year_number, month_number, days[1])
    )


def _year_part(year_number: int, part: str) -> ResolvedDate:
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
        date(year_number, months[1], _month_length(year_number, months[1])),
    )


def _season(start_year: int, season: str) -> ResolvedDate:
    first_month, last_month = SEASONS[season]
    end_year = start_year + 1 if last_month < first_month else start_year
    return between(
        date(start_year, first_month, 1),
        date(end_year, last_month, _month_length(end_year, last_month)),
    )


# --- finding expressions in text ---------------------------------------------------------

_RELATIVE_WORD = r"(?:this|last|next|past|previous|coming|this past|this coming)"
_FIND_PATTERNS = [
    # absolute dates, longest forms first
    rf"(?:{_WEEKDAY} ?,? )?{_MONTH} {_DAY} ?,? {_YEAR}",
    rf"(?:{_WEEKDAY} ?,? )?(?:the )?{_DAY} (?:of )?{_MONTH} ?,? {_YEAR}",
    rf"{_MONTH} {_DAY} ?(?:-|to|through) ?{_DAY} ?,? {_YEAR}",
    r"(?<![\d/-])\d{4}-\d{2}-\d{2}(?![\d/-])",
    rf"(?:(?:early|mid|late)[- ]|(?:the )?(?:beginning|start|end|middle) of )?{_MONTH} ?,? (?:of )?{_YEAR}",
    rf"(?:(?:early|mid|late)[- ]|(?:the )?(?:beginning|start|end|middle) of )(?:{_YEAR}|the (?:19|20)\d0s)",
    r"(?:(?:early|mid|late)[- ])?(?:the )?(?:1[5-9]|20)\d0s|the '\d0s|the (?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    rf"(?:the )?(?:\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(ORDINALS)}) century",
    rf"(?:spring|summer|autumn|fall|winter) (?:of )?{_YEAR}",
    rf"{_YEAR}-\d\d(?![\d-])",
    # partial dates: the year comes from the publication date
    rf"(?:(?:early|mid|late)[- ])?{_MONTH}(?: the)? {_DAY}(?![\d:,.]\d)",
    rf"(?:the )?{_DAY} (?:of )?{_MONTH}",
    rf"(?:(?:early|mid|late)[- ]|(?:the )?(?:beginning|start|end|middle) of ){_MONTH}",
    rf"{_WEEKDAY} (?:through|to|until|and) {_WEEKDAY}",
    rf"(?:{_RELATIVE_WORD} )?{_WEEKDAY}(?: (?:morning|afternoon|evening|night))?",
    # relative expressions
    r"(?:the day (?:before|after) )?(?:yesterday|tomorrow)(?: (?:morning|afternoon|evening|night))?|today|tonight|last night",
    r"(?:(?:early|mid|late)[- ]|(?:the )?(?:beginning|start|end|middle) of )?(?:this|last|next|this past|the past|the previous|the coming|the following) (?:week|month|year|decade)(?:end)?",
    rf"(?:over|during|at|on) the weekend|(?:{_RELATIVE_WORD} )weekend",
    rf"(?:{_RELATIVE_WORD} )(?:spring|summer|autumn|fall|winter)",
    rf"{_NUMBER} {_UNIT} (?:ago|back)",
    r"(?:earlier|later) (?:this|in the) (?:week|month|year)",
    r"(?:that|the same) (?:day|morning|evening|night)",
    rf"(?:(?:in|over|during|for) )?(?:the |these )?(?:past|last|previous|recent|coming|next) (?:{_NUMBER} )?{_UNIT}",
    r"(?:in )?recent (?:days|weeks|months|years)",
    r"(?:hours|days|weeks|months|years|shortly|soon|just|moments) (?:after|before) (?:the|his|her|its|their) [a-z]+",
    rf"{_NUMBER} {_UNIT} (?:later|earlier)",
    r"the (?:next|following|previous|preceding) (?:day|morning|evening|week|month|year)",
    r"the (?:day|week|month|year) (?:before|after)",
    r"(?:the )?(?:year|month)[- ]end|the end of the (?:year|month)",
]
_FIND = re.compile(r"\b(?:" + "|".join(_FIND_PATTERNS) + r")\b", re.IGNORECASE)
# A month name alone or a bare year is a date only after a cue word ("in May", "since 2011");
# without one, "May" is a verb and "1500" a count. Only the month or year is the expression.
_CUED = re.compile(
    rf"\b(?:in|since|by|until|till|during|through|from|of|before|after|between|and|to|"
    rf"early|late|mid-|circa|the year|fiscal|last|next|this)[ -](?P<x>{_MONTH}|{_YEAR})\b(?![-/,]?\d)",
    re.IGNORECASE,
)


_MONTH_WORD = re.compile(rf"\b{_MONTH}(?![a-z])", re.IGNORECASE)


def _months_capitalised(expression: str) -> bool:
    """ "may", "march" and "sat" in lower case are words, not months."""
    return all(m.group()[0].isupper() for m in _MONTH_WORD.finditer(expression))


def find_date_expressions(text: str) -> list[DateExpression]:
    """Date expressions found by pattern, in text order; overlapping finds are all kept
    (the caller keeps the longest one that resolves)."""
    found = {(m.start(), m.end()) for m in _FIND.finditer(text) if _months_capitalised(m.group())}
    for m in _CUED.finditer(text):
        if m["x"][0].isupper() or m["x"][0].isdigit():
            found.add((m.start("x"), m.end("x")))
    return [DateExpression(s, e, text[s:e]) for s, e in sorted(found)]


__all__ = [
    "ResolvedDate",
    "DateExpression",
    "resolve_date",
    "find_date_expressions",
    "PAST",
    "PRESENT",
    "FUTURE",
    "TENSE_TOLERANCE",
]
