"""Arabic dates: Gregorian and Levantine month names (often both, "تشرين الأول/أكتوبر"),
Arabic-Indic digits, Hijri dates converted by hijridate (Umm al-Qura), years ("عام 2012"),
weekdays and expressions relative to the publication date ("أمس", "مطلع الشهر الجاري"); a
weekday or month name with a direction after it ("الثلاثاء المقبل" next Tuesday, "تموز
الماضي") or a part of the month before it ("مطلع أيلول", "أواخر تموز"), from
`ar_date_modifiers.csv`.

Matched by regular expressions over the text itself, so offsets are the text's."""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from ... import lexicon
from ..date_values import (
    ResolvedDate,
    between,
    day,
    month,
    month_part,
    safe_date,
    year,
    year_part,
)
from .tokens import normal, western_digits

_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_PREFIX = r"(?<![\u0621-\u064a])(?:[وفب]|في\s+)?"
_END = r"(?![\u0621-\u064a0-9\u0660-\u0669])"
_HIJRI_MARK = r"(?:\s*(?:هـ|ه\b|للهجرة|هجري(?:ة)?))"


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: ResolvedDate


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _months() -> tuple[dict[str, int], dict[str, int]]:
    gregorian: dict[str, int] = {}
    hijri: dict[str, int] = {}
    for row in lexicon.table("ar_months.csv"):
        target = hijri if row["calendar"] == "hijri" else gregorian
        target[normal(row["name"])] = int(row["number"])
        target[row["name"]] = int(row["number"])
    return gregorian, hijri


@lru_cache(maxsize=1)
def _modifiers() -> tuple[dict[str, int], dict[str, str]]:
    """(direction word -> 1 next / -1 last / 0 current, part word -> early | middle | late)."""
    directions: dict[str, int] = {}
    parts: dict[str, str] = {}
    for row in lexicon.table("ar_date_modifiers.csv"):
        if row["kind"] == "direction":
            directions[row["word"]] = int(row["value"])
        else:
            parts[row["word"]] = row["value"]
    return directions, parts


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    return {r["word"]: int(r["day"]) for r in lexicon.table("ar_ordinal_days.csv")}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    gregorian, hijri = _months()
    g, h = _alternation(list(gregorian)), _alternation(list(hijri))
    # "5 آذار" or "الخامس من آذار" (ar_ordinal_days.csv)
    ordinals = _alternation(list(_ordinals()))
    # "الفاتح نوفمبر": the Maghreb's first day needs no من before the month
    d = (
        rf"(?:(?P<day>{_DIGIT}{{1,2}})|(?P<ordinal>{ordinals})"
        rf"(?:(?=\s+من\s)|(?<=الفاتح)(?=\s+(?:{g}))))"
    )
    y = rf"(?P<year>{_DIGIT}{{4}})"
    # "تشرين الأول/أكتوبر", and the Egyptian-Maghrebi order with the Levantine name in
    # brackets: "يناير (كانون الثاني)"
    other = rf"(?:\s*/\s*(?:{g})|\s*\(\s*(?:{g})\s*\))"
    month_pair = rf"(?P<month>{g})(?P<pair>{other})?"
    # "يناير (كانون الثاني) وسبتمبر (أيلول) ٢٠٢٠": the first month takes the second's year
    shared_year = rf"(?:(?=\s+و(?:{g}){other}?\s+(?:عام\s+)?(?P<year2>{_DIGIT}{{4}})))?"
    directions, parts = (_alternation(list(words)) for words in _modifiers())
    # "الثلاثاء المقبل", "أيلول/سبتمبر المقبل": which one is meant
    direction = rf"(?:\s+(?P<direction>{directions}))?"
    part = rf"(?:(?P<part>{parts})\s+)?"  # "مطلع أيلول", "أواخر تموز"
    relative = _alternation([r["phrase"] for r in lexicon.table("ar_relative_dates.csv")])
    weekdays = _alternation([r["name"] for r in lexicon.table("ar_weekdays.csv")])
    # "مساء السبت": the part of the day belongs to the expression
    day_parts = _alternation(sorted(lexicon.words("ar_day_parts.txt")))
    # "فجر الاثنين 6 شباط/فبراير": the weekday (and its part) before a date is one expression
    lead = (
        rf"(?:(?:(?:{day_parts})\s+){{0,2}}(?:{weekdays})(?:\s*،)?\s+)?"  # "صباح يوم الأحد ٥ آذار"
    )
    return {
        "hijri": re.compile(rf"(?:{d}\s+)?(?P<month>{h})\s+{y}{_HIJRI_MARK}{_END}"),
        "gregorian": re.compile(
            rf"{part}(?:{lead}{d}\s+(?:من\s+)?)?{month_pair}"
            rf"(?:\s+(?:من\s+)?(?:عام\s+|العام\s+)?{y})?{shared_year}{direction}{_END}"
        ),
        # "٩ من الشهر نفسه": a day of the month named last
        "same_month": re.compile(
            rf"{d}\s+من\s+(?:الشهر\s+(?:نفسه|ذاته)|نفس\s+الشهر|ذات\s+الشهر){_END}"
        ),
        "year": re.compile(rf"(?:(?:عام|العام|سنة|لعام)\s+){y}{_END}"),
        # "عامي ١٩٧٦ و١٩٨٦", "العامين 2021 و2022": two years, each its own date
        "two_years": re.compile(
            rf"(?<![\u0621-\u064a])(?:[وفبل]|ل?ل)?(?:عامي|العامين|سنتي|السنتين)\s+"
            rf"(?P<year>{_DIGIT}{{4}})\s+و\s*(?P<year2>{_DIGIT}{{4}}){_END}"
        ),
        # "أمس الاثنين", "أمس (الاثنين)": the weekday names the same day, one expression;
        # "مطلع العام المقبل": a part of a year
        "relative": re.compile(
            rf"(?:(?P<part>{parts}|{day_parts})\s+)?{_PREFIX}(?P<phrase>{relative})"
            rf"(?:\s+(?:{weekdays})|\s*\(\s*(?:{weekdays})\s*\))?{_END}"
        ),
        # "بين ١٥ و٢٠ أيار": the first day of a range, whose month the second names
        "range_start": re.compile(
            rf"(?<![\u0621-\u064a])(?:بين|من)\s+(?P<day>{_DIGIT}{{1,2}})\s+(?:و|إلى|حتى)\s*"
            rf"(?={_DIGIT}{{1,2}}\s+(?:من\s+)?(?:{g}))"
        ),
        "weekday": re.compile(rf"(?:(?:{day_parts})\s+)?(?P<weekday>{weekdays}){direction}{_END}"),
    }


def _int(text: str) -> int:
    return int(western_digits(text))


def _year_for(month_number: int, day_number: int | None, published: datetime.date) -> int:
    """A month without its year is the latest one not after the publication (news looks back)."""
    candidate = published.year
    first = datetime.date(candidate, month_number, 1)
    if first > published and (day_number is None or first > published):
        candidate -= 1
    return candidate


def _gregorian(m: re.Match[str], published: datetime.date | None) -> ResolvedDate | None:
    gregorian, _ = _months()
    number = gregorian.get(m["month"]) or gregorian.get(normal(m["month"]))
    if number is None:
        return None
    direction = _modifiers()[0].get(m["direction"]) if m["direction"] else None
    day_number = _int(m["day"]) if m["day"] else _ordinals().get(m["ordinal"] or "")
    given_year = m["year"] or m["year2"]
    if (
        given_year is None
        and day_number is None
        and m["part"] is None
        and direction is None
        and m["pair"] is None
    ):
        # a bare month name: "آب" and "أيار" are also ordinary words; a pair of names
        # ("كانون الثاني/يناير") is a month whatever stands around it
        return None
    if given_year is not None:
        year_number = _int(given_year)
    elif published is None:
        return None
    elif direction == 1:  # "أيلول المقبل": the next September after publication
        year_number = published.year + (number <= published.month)
    elif direction == -1:  # "تموز الماضي": the last July before it
        year_number = published.year - (number >= published.month)
    else:
        year_number = _year_for(number, None, published)
    if day_number is None and m["part"] is not None:
        return month_part(year_number, number, _modifiers()[1][m["part"]])
    if day_number is None:
        return month(year_number, number)
    value = safe_date(year_number, number, day_number)
    return day(value) if value is not None else None


_DATED_REACH = 300


def _after_dated(
    text: str, start: int, value: ResolvedDate, dated: tuple[int, int, int | None] | None
) -> ResolvedDate | None:
    """ "في آب/أغسطس 2019 وعاد في تشرين الأول/أكتوبر": a month with no year after a month
    of the same sentence named with its year is of that year (the next one if it comes
    earlier in the calendar: a story told forwards), not the publication's."""
    # within one sentence, and a bounded stretch of it (a text of thousands of dates and no
    # full stop stays linear)
    if dated is None or start - dated[0] > _DATED_REACH:
        return None
    if _SENTENCE_END.search(text, dated[0], start):
        return None
    _, year_number, month_number = dated
    number = value.date.month
    if number is None or month_number is None:
        return None
    if number < month_number:
        year_number += 1
    if value.date.day is not None:
        moved = safe_date(year_number, number, value.date.day)
        return day(moved) if moved is not None else None
    if value.date_end is not None:  # a part of the month ("أواخر تموز")
        return None
    return month(year_number, number)


def _same_month(m: re.Match[str], before: list[FoundDate]) -> ResolvedDate | None:
    """ "٩ من الشهر نفسه": that day of the month of the last date named before it."""
    named = max((f for f in before if f.value.date.month is not None), key=lambda f: f.start,
                default=None)  # fmt: skip
    day_number = _int(m["day"]) if m["day"] else _ordinals().get(m["ordinal"] or "")
    if named is None or day_number is None or named.value.date.month is None:
        return None
    value = safe_date(named.value.date.year, named.value.date.month, day_number)
    return day(value) if value is not None else None


def _hijri(m: re.Match[str]) -> ResolvedDate | None:
    from hijridate import Hijri

    _, hijri = _months()
    number = hijri.get(m["month"]) or hijri.get(normal(m["month"]))
    if number is None:
        return None
    try:
        day_number = _int(m["day"]) if m["day"] else _ordinals().get(m["ordinal"] or "")
        if day_number is not None:
            return day(Hijri(_int(m["year"]), number, day_number).to_gregorian())
        first = Hijri(_int(m["year"]), number, 1)
        last = Hijri(_int(m["year"]), number, first.month_length())
        return between(first.to_gregorian(), last.to_gregorian())
    except (ValueError, OverflowError):  # a Hijri year outside Umm al-Qura's table
        return None


def _relative(
    phrase: str, published: datetime.date, part: str | None = None
) -> ResolvedDate | None:
    row = next(r for r in lexicon.table("ar_relative_dates.csv") if r["phrase"] == phrase)
    unit, offset = row["unit"], int(row["offset"])
    if part is not None and part not in _modifiers()[1]:
        part = None  # "مساء أمس": a part of the day, the day itself
    if part is not None:  # "مطلع العام المقبل": early next year; "أواخر الشهر": late in it
        if unit == "year":
            return year_part(published.year + offset, _modifiers()[1][part])
        if unit == "month":
            y, m = divmod(published.year * 12 + published.month - 1 + offset, 12)
            return month_part(y, m + 1, _modifiers()[1][part])
        if unit == "week":  # "مطلع الأسبوع المقبل": early next week
            return _week_part(published, offset, _modifiers()[1][part])
        return None
    if unit == "day":
        return day(published + datetime.timedelta(days=offset))
    if unit == "week":
        monday = (
            published
            - datetime.timedelta(days=published.weekday())
            + datetime.timedelta(weeks=offset)
        )
        sunday = monday + datetime.timedelta(days=6)
        # the current or a past week ends at the publication date; "الأسبوع المقبل" is whole
        return between(monday, min(sunday, published) if offset <= 0 else sunday)
    if unit == "weekend":
        # the last Friday-Saturday (the Arab weekend) and Saturday-Sunday before publication
        saturday = published - datetime.timedelta(days=(published.weekday() - 5) % 7 or 7)
        return between(saturday - datetime.timedelta(days=1), saturday + datetime.timedelta(days=1))
    if unit == "month":
        y, m = divmod(published.year * 12 + published.month - 1 + offset, 12)
        return month(y, m + 1)
    if unit == "month_part":  # "مطلع الشهر المقبل": the part of the month `offset` away
        y, m = divmod(published.year * 12 + published.month - 1 + offset, 12)
        return month_part(y, m + 1, row["part"])
    if unit == "year":
        return year(published.year + offset)
    return None


# a part of a week, as days from its Sunday: the working week starts on Sunday in most Arab
# states and on Monday in Lebanon and the Maghreb, so "early" (Sunday to Tuesday) holds the
# first two working days under either
_WEEK_PARTS = {"early": (0, 2), "middle": (2, 4), "late": (4, 6)}


def _week_part(published: datetime.date, offset: int, part: str) -> ResolvedDate:
    """A part of the week `offset` weeks from the publication's (a week from Sunday)."""
    sunday = published - datetime.timedelta(days=(published.weekday() + 1) % 7)
    sunday += datetime.timedelta(weeks=offset)
    first, last = _WEEK_PARTS[part]
    return between(sunday + datetime.timedelta(days=first), sunday + datetime.timedelta(days=last))


def _weekday(name: str, published: datetime.date, direction: str | None) -> ResolvedDate:
    """The latest such day not after publication; "الثلاثاء المقبل" the next one after it,
    "الخميس الماضي" the last one before it."""
    number = next(int(r["number"]) for r in lexicon.table("ar_weekdays.csv") if r["name"] == name)
    if direction == _NEXT:  # the coming one: the publication's own day if it is that day
        return day(published + datetime.timedelta(days=(number - published.weekday()) % 7))
    towards = _modifiers()[0].get(direction) if direction else None
    if towards == 1:
        return day(published + datetime.timedelta(days=(number - published.weekday()) % 7 or 7))
    back = (published.weekday() - number) % 7
    if towards == -1:
        back = back or 7
    return day(published - datetime.timedelta(days=back))


def find_dates(text: str, published: datetime.date | None) -> list[FoundDate]:
    """Every date expression with its value, in text order, not overlapping."""
    patterns = _patterns()
    found: list[FoundDate] = []
    # the spans found so far, sorted and never overlapping: a new span is checked against
    # its two neighbours only (a text of thousands of dates stays linear)
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        n = bisect.bisect_left(taken, (start, end))
        return (n == 0 or taken[n - 1][1] <= start) and (n == len(taken) or end <= taken[n][0])

    for m in patterns["two_years"].finditer(text):
        for group in ("year", "year2"):
            found.append(FoundDate(*m.span(group), year(_int(m[group]))))
            bisect.insort(taken, m.span(group))
    # the last month named with its year (its end, year, month): a month after it with none
    dated: tuple[int, int, int | None] | None = None
    for name in ("hijri", "gregorian", "same_month", "year", "relative", "weekday"):
        for m in patterns[name].finditer(text):
            start, end = m.span()
            if name == "relative":
                start = m.start("part") if m["part"] else m.start("phrase")
            if not free(start, end):
                continue
            value: ResolvedDate | None
            if name == "hijri":
                value = _hijri(m)
            elif name == "gregorian":
                value = _gregorian(m, published)
                if value is not None and (m["year"] or m["year2"]):
                    dated = (end, value.date.year, value.date.month)
                elif value is not None and m["direction"] is None:
                    value = _after_dated(text, start, value, dated) or value
            elif name == "same_month":
                value = _same_month(m, [f for f in found if f.start < start])
            elif name == "year":
                value = year(_int(m["year"]))
            elif published is None:
                value = None
            elif name == "relative":
                value = _relative(m["phrase"], published, m["part"])
            else:
                direction = m["direction"]
                if direction is None and _future_before(text, start):
                    direction = _NEXT  # "سيعقد جلسة الثلاثاء": the coming Tuesday
                value = _weekday(m["weekday"], published, direction)
            if value is None:
                continue
            found.append(FoundDate(start, end, value))
            bisect.insort(taken, (start, end))
    for m in patterns["range_start"].finditer(text):
        # "بين ١٥ و٢٠ أيار": two dates, the first taking the second's month and year
        second = next((f for f in found if f.start == m.end()), None)
        first = _range_start(m, second)
        if first is not None and free(*m.span("day")):
            found.append(FoundDate(*m.span("day"), first))
            bisect.insort(taken, m.span("day"))
    found = sorted((_deadline(text, f) for f in found), key=lambda f: f.start)
    return _said_yesterday(text, found, published)


# a bare weekday in a clause whose verb is in the future ("سيعقد المجلس جلسة الثلاثاء") is
# the coming one, not the last: سوف, or the future prefix س on the imperfect (ي ت ن أ) of
# a verb news puts in the future before a date (ar_future_verbs.txt: positive evidence; a
# word that only looks so, سيطرت، سيدني، سيناتور، is none, and a missed future leaves the
# last such day). Looked for within the clause only, at most this many characters back.
_NEXT = "coming"  # not an Arabic direction word of ar_date_modifiers.csv
_FUTURE_REACH = 60
_FUTURE = re.compile(
    r"(?<![\u0621-\u064a])[وف]?(?:سوف|س[يتنأ][\u0621-\u064a]{2,}(?<![ةء]))(?![\u0621-\u064a])"
)
_CLAUSE_BREAK = re.compile(
    r"[.،,؛!?؟\n]|(?<![\u0621-\u064a])[وفل]?[إأ]ن(?:ه|ها)?(?![\u0621-\u064a])"
)


@lru_cache(maxsize=1)
def _future_stems() -> frozenset[str]:
    """The verbs read as future after س (ar_future_verbs.txt), without their prefix ي."""
    return frozenset(normal(w)[1:] for w in lexicon.words("ar_future_verbs.txt"))


_PLURAL_ENDS = ("ون", "ان", "ن")


def _looks_future(word: str) -> bool:
    """ "سيعقد", "ستجتمع", "سيلتقون": س, an imperfect prefix, a listed verb (and a plural end)."""
    if not word.startswith("س") or len(word) < 3 or word[1] not in "يتنا":
        return False
    stem = word[2:]
    return stem in _future_stems() or any(
        stem.endswith(end) and stem[: -len(end)] in _future_stems() for end in _PLURAL_ENDS
    )


def _future_before(text: str, start: int) -> bool:
    window = text[max(0, start - _FUTURE_REACH) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    for m in _FUTURE.finditer(clause):
        word = normal(m.group())
        if word == normal("سوف") or word[1:] == normal("سوف"):
            return True
        if word[0] in "وف" and word[1:2] == "س":
            word = word[1:]
        if _looks_future(word):
            return True
    return False


# "أعلن ... أمس ...، وقال إن الأمير توفي اليوم": "اليوم" in a statement made yesterday is
# that day; the statement's day is the "أمس" earlier in the same sentence
_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _said_yesterday(
    text: str, found: list[FoundDate], published: datetime.date | None
) -> list[FoundDate]:
    if published is None:
        return found
    today = day(published)
    yesterday = day(published - datetime.timedelta(days=1))
    out: list[FoundDate] = []
    last_yesterday: int | None = None  # where the last bare "أمس" ended
    scanned = 0  # each stretch between dates is searched for a sentence's end once
    for f in found:
        phrase = text[f.start : f.end]
        if last_yesterday is not None and _SENTENCE_END.search(
            text, max(last_yesterday, scanned), f.start
        ):
            last_yesterday = None
        scanned = max(scanned, f.end)
        if f.value == yesterday and normal(phrase).endswith(normal("أمس")):
            last_yesterday = f.end
        elif last_yesterday is not None and f.value == today and normal(phrase) == normal("اليوم"):
            f = FoundDate(f.start, f.end, yesterday)
        out.append(f)
    return out


# "قبل نهاية حزيران الجاري", "بحلول نهاية العام": a deadline is the period's last day, as
# the English side reads "by the end of June" (the guideline: eval/gold/arabic/README.md)
_DEADLINE = re.compile(r"(?:^|(?<![\u0621-\u064a]))[وف]?(?P<cue>قبل|بحلول)\s+$")
_END_WORD = "نهاية"


# "قبل نهاية عام 2025": the end word before a year or a month the patterns found alone
_DEADLINE_END = re.compile(r"(?:^|(?<![\u0621-\u064a]))[وف]?(?P<cue>قبل|بحلول)\s+نهاية\s+$")


def _deadline(text: str, found: FoundDate) -> FoundDate:
    if not text.startswith(_END_WORD, found.start):
        lead = _DEADLINE_END.search(text, max(0, found.start - 20), found.start)
        if lead is None or found.value.date.day is not None:
            return found
        return FoundDate(lead.start("cue"), found.end, day(found.value.last_day))
    lead = _DEADLINE.search(text, max(0, found.start - 12), found.start)
    if lead is None:
        return found
    return FoundDate(lead.start("cue"), found.end, day(found.value.last_day))


def _range_start(m: re.Match[str], second: FoundDate | None) -> ResolvedDate | None:
    """The first day of "بين ١٥ و٢٠ أيار", from the second's month and year."""
    if second is None or second.value.date.month is None or second.value.date.day is None:
        return None
    value = safe_date(second.value.date.year, second.value.date.month, _int(m["day"]))
    return day(value) if value is not None else None
