"""Date expressions: finding them in text and resolving them against a publication date.

Pure functions, no spaCy. A resolved date is a calendar value at a precision: a day, a
month, a year, or an approximate range (`date` .. `date_end`, both whole days). Relative
expressions ("yesterday", "last week") need a publication date; without one they are
not resolved, rather than guessed. The rules live in `date_rules`, the calendar
arithmetic in `date_values`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Precision
from .date_rules import IN_TIME, RULES, in_time
from .date_values import (
    DAY_NUMBER_RE,
    DAY_RE,
    FUTURE,
    HIJRI_MONTH_RE,
    HIJRI_YEAR_RE,
    MONTH_RE,
    NAMED_DAY_RE,
    NUMBER_RE,
    ORDINAL_RE,
    ORDINALS,
    PAST,
    PRESENT,
    TENSE_TOLERANCE,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    ResolvedDate,
    between,
)


@dataclass(frozen=True)
class DateExpression:
    """A date expression found in text: `text == source[start:end]`."""

    start: int
    end: int
    text: str


# --- normalising an expression --------------------------------------------------------

_LEADING = re.compile(
    r"^(?:(?:on|in|at|by|since|during|from|until|till|through|throughout|over|of|for|around|about|"
    r"as of|as early as|as late as|sometime|some time|circa|c\.|approximately|roughly|until|"
    r"before|after|(?:earlier|later)(?! (?:this|in the) (?:week|month|year)))\s+)+"
)


_WEEKDAY_BESIDE = re.compile(rf"^(?P<wd>{WEEKDAY_RE}),? (?={MONTH_RE} {DAY_RE}$)")


def _plain(expression: str) -> str:
    """The expression in lower case, spaces and quotes evened, its edges trimmed."""
    text = expression.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip(' ,.;:()[]"')


def _normalise(expression: str) -> str:
    text = expression.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u2013\u2014]", "-", text)
    text = re.sub(r"'s\b|s'$", "", text)
    text = re.sub(r"^\[ ?(\w+) ?\]|(?<=\w) ?\](?= )", r"\1", text)  # "[ten] years ago"
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
    probe: bool = False,
) -> ResolvedDate | None:
    """The calendar value of a date expression, or None when it has none we can trust.

    `published` anchors relative expressions; `tense` ("past", "present", "future") of
    the clause picks the year of a partial date and the week of a weekday; `anchor` is the
    date that "one day later" or "days after the vote" count from. With `probe`, only
    whether the words are a date at all is asked (on any day): a weekday beside a date
    need not be that date's ("Tuesday, July 2" is a date, whatever day July 2 was in the
    probe's year).
    """
    ahead = IN_TIME.fullmatch(_plain(expression))
    if ahead is not None:
        return in_time(ahead, published=published, tense=tense)
    text = _normalise(expression)
    if not text:
        return None
    beside = _WEEKDAY_BESIDE.match(text)
    if beside is not None:
        # "Sunday, July 2": the date, when the weekday is its own (a slip otherwise)
        resolved = resolve_date(text[beside.end() :], published=published, tense=tense)
        if probe:
            return resolved
        if resolved is None or resolved.first_day.weekday() != WEEKDAYS[beside["wd"]]:
            return None
        return resolved
    for rule in RULES:
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


# --- finding expressions in text ---------------------------------------------------------

_RELATIVE_WORD = r"(?:this|last|next|past|previous|coming|this past|this coming)"
_FIND_PATTERNS = [
    # absolute dates, longest forms first
    rf"(?:{WEEKDAY_RE} ?,? )?{MONTH_RE} {DAY_RE} ?,? {YEAR_RE}",
    rf"(?:{WEEKDAY_RE} ?,? )?(?:the )?{DAY_RE} (?:of )?{MONTH_RE} ?,? {YEAR_RE}",
    rf"{MONTH_RE} {DAY_RE} ?(?:-|to|through) ?{DAY_RE} ?,? {YEAR_RE}",
    r"(?<![\d/-])\d{4}-\d{2}-\d{2}(?![\d/-])",
    rf"(?:(?:early|mid|late)[- ]|(?:the )?(?:beginning|start|end|middle) of )?{MONTH_RE} ?,? (?:of )?{YEAR_RE}",
    rf"(?:(?:early|mid|late)[- ]|(?:the )?(?:beginning|start|end|middle) of )(?:{YEAR_RE}|the (?:19|20)\d0s)",
    r"(?:(?:early|mid|late)[- ])?(?:the )?(?:1[5-9]|20)\d0s|the '\d0s|the (?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    rf"(?:the )?(?:\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(ORDINALS)}) century",
    rf"(?:spring|summer|autumn|fall|winter) (?:of )?{YEAR_RE}",
    rf"{YEAR_RE}-\d\d(?![\d-])",
    # Hijri dates in English text: "Ramadan 1440", "1440 AH" (a holiday's month alone is none)
    rf"{HIJRI_MONTH_RE} {HIJRI_YEAR_RE}(?: ah)?|{HIJRI_YEAR_RE} ah",
    # a holiday with its year: "Eid al-Fitr 2019", "Christmas 2018" (without one, no date)
    rf"{NAMED_DAY_RE},? (?:of )?{YEAR_RE}",
    # partial dates: the year comes from the publication date
    rf"(?:(?:early|mid|late)[- ])?{MONTH_RE}(?: the)? {DAY_RE}(?![\d:,.]\d)",
    rf"(?:the )?{DAY_RE} (?:of )?{MONTH_RE}",
    # "Sunday, July 2": the weekday names the same day as the date beside it
    rf"{WEEKDAY_RE} ?,? {MONTH_RE} {DAY_RE}(?![\d:,.]\d)",
    # "July 2 to 5", "July 2-5": a stretch of days of one month, its year from publication
    rf"{MONTH_RE} {DAY_RE} ?(?:-|to|through|until|till) ?{DAY_RE}(?![\d:,.]\d)",
    rf"(?:(?:early|mid|late)[- ]|(?:the )?(?:beginning|start|end|middle) of ){MONTH_RE}",
    rf"{WEEKDAY_RE} (?:through|to|until) {WEEKDAY_RE}",
    rf"(?:{_RELATIVE_WORD} )?{WEEKDAY_RE}(?: (?:morning|afternoon|evening|night))?",
    # relative expressions
    r"(?:the day (?:before|after) )?(?:yesterday|tomorrow)(?: (?:morning|afternoon|evening|night))?|today|tonight|last night",
    r"(?:(?:early|mid|late)[- ]|(?:the )?(?:beginning|start|end|middle) of )?(?:this|last|next|this past|the past|the previous|the coming|the following) (?:week|month|year|decade)(?:end)?",
    rf"(?:over|during|at|on) the weekend|(?:{_RELATIVE_WORD} )weekend",
    rf"(?:{_RELATIVE_WORD} )(?:spring|summer|autumn|fall|winter)",
    rf"{NUMBER_RE}[ -]{UNIT_RE}[ -]and[ -]a[ -]half (?:ago|back)|{NUMBER_RE} and a half {UNIT_RE} (?:ago|back)",
    # "[ Ten ] years ago": a quotation's number bracketed by its editor
    rf"{NUMBER_RE}(?: ?\])? {UNIT_RE} (?:ago|back)",
    r"(?:earlier|later) (?:this|in the) (?:week|month|year)",
    r"(?:(?:later|earlier) )?(?:that|the same|that same|that very) (?:day|morning|evening|night|week|month|year)",
    # "the first half of this year", "the third quarter of 2019": a part of a calendar year
    rf"(?:the )?(?:first|second|third|fourth|last|final) (?:half|quarter) of (?:the year )?(?:{YEAR_RE}|(?:this|last|next) year)",
    # "March of this year", "in May last year": a month of a year named relative to now
    rf"{MONTH_RE},? (?:of )?(?:this|last|next) year",
    # "late last July", "early next March": a part of a month named relative to now
    rf"(?:early|mid|late)[- ](?:this|last|next) {MONTH_RE}",
    rf"(?:(?:in|over|during|for) )?(?:the |these )?(?:past|last|previous|recent|coming|next) (?:{NUMBER_RE} )?{UNIT_RE}",
    r"(?:in )?recent (?:days|weeks|months|years)",
    rf"(?:{NUMBER_RE} |(?<!the )(?<!these )(?<!those ))(?:{UNIT_RE}|shortly|soon|just|moments) (?:after|before) (?:the|his|her|its|their) [a-z]+",
    rf"{NUMBER_RE} {UNIT_RE} (?:later|earlier)",
    # "in two days", "in three weeks' time": ahead of now, unless told as done
    rf"in {NUMBER_RE} {UNIT_RE}'?(?: time)?",
    # counted from an event the words after it name ("two days after Israel struck", "four
    # months in advance of the competition", "a week into the offensive", "hours after a
    # rocket landed"): the extraction finds that event's date ("day after day" is no date,
    # nor "the years after the invasion", a vague period)
    rf"(?:{NUMBER_RE} |(?<!the )(?<!these )(?<!those )){UNIT_RE} (?:after|before|ahead of|prior to|in advance of|into)(?= \w)(?! (?:day|night|week|month|year)s?\b)(?: (?:the|his|her|its|their) [a-z]+)?",
    # a day counted within an event: "day five" (of the World Cup), "the fourth day of"
    rf"(?:the )?{ORDINAL_RE}(?: or {ORDINAL_RE})? day(?= of )|day {DAY_NUMBER_RE}"
    r"|(?:the )?opening (?:day|night)|(?:the )?eve(?= of )",
    r"the (?:next|following|previous|preceding) (?:day|morning|evening|week|month|year)",
    r"the (?:day|night|morning|evening|week|month|year) (?:before|after)",
    r"(?:the )?(?:year|month)[- ]end|the end of the (?:year|month)",
]
# The words an expression can start with, one for each pattern's first element above (a
# digit, a month, a weekday, a number or an ordinal word, "the", "early", "last", ...). As a
# lookahead it lets the search skip every other word after one cheap test instead of trying
# the thirty patterns there: the date finder was the costliest rule of the extraction.
# (tests/extract/test_dates_find.py holds a sentence for each pattern and checks that the
# finds equal those of the patterns without the lookahead, on the Wikinews corpus too.)
_FIRST_WORDS = "|".join(
    [
        r"\d",
        "'",
        MONTH_RE,
        WEEKDAY_RE,
        NUMBER_RE,
        UNIT_RE,
        "|".join(ORDINALS),
        "the|these|this|that|last|next|past|previous|coming|recent|early|mid|late",
        "beginning|start|end|middle|spring|summer|autumn|fall|winter|opening|eve",
        "yesterday|tomorrow|today|tonight|earlier|later|shortly|soon|just|moments",
        "over|during|at|on|in|for",
        HIJRI_MONTH_RE,
        NAMED_DAY_RE,
    ]
)
_FIND_BODY = r"\b(?=(?:" + _FIRST_WORDS + r"))(?:" + "|".join(_FIND_PATTERNS) + r")\b"
# The patterns are written in lower case: matched against the text in lower case they need
# no IGNORECASE, which triples the speed; a text that lower case would lengthen ("İ") is
# searched as written, ignoring case.
_FIND = re.compile(_FIND_BODY)
_FIND_ANY_CASE = re.compile(_FIND_BODY, re.IGNORECASE)
# A month name alone or a bare year is a date only after a cue word ("in May", "since 2011");
# without one, "May" is a verb and "1500" a count. Only the month or year is the expression.
_CUED = re.compile(
    rf"\b(?:in|since|by|until|till|during|through|from|of|before|after|between|and|to|"
    rf"early|late|mid-|circa|the year|fiscal|last|next|this)[ -](?P<x>{MONTH_RE}|{YEAR_RE})\b(?![-/,]?\d)",
    re.IGNORECASE,
)


# "and" cues a year only after a date: "in 2001 and 2005", "May 2001 and 2005"
_LISTED = re.compile(rf"(?:\b{MONTH_RE}|\b{YEAR_RE}|\d),? $", re.IGNORECASE)


def cued(text: str, m: re.Match[str]) -> bool:
    """Whether a `_CUED` find is a month or year: capitalised ("May", not "may") or in
    digits, and a year after "and" only in a list of dates ("1846 persons were hospitalized
    and 1720 discharged" counts people)."""
    if not (m["x"][0].isupper() or m["x"][0].isdigit()):
        return False
    if m["x"][0].isdigit() and m.group()[:3].lower() == "and":
        return _LISTED.search(text, max(0, m.start() - 12), m.start()) is not None
    return True


_MONTH_WORD = re.compile(rf"\b{MONTH_RE}(?![a-z])", re.IGNORECASE)


def _months_capitalised(expression: str) -> bool:
    """ "may", "march" and "sat" in lower case are words, not months."""
    return all(m.group()[0].isupper() for m in _MONTH_WORD.finditer(expression))


# Every expression either pattern finds holds a digit or one of these words (a month or a
# weekday, a unit of time, a part of the day, a season, a decade word, or a word of the
# "shortly after the vote" form); a sentence with none of them is not worth the patterns,
# which try some thirty alternatives at every word (the costliest rule of the extraction).
_TRIGGER = re.compile(
    rf"\d|\b{MONTH_RE}|day|week|month|year|decade|hour|night|tomorrow|morning|evening|"
    r"spring|summer|autumn|fall|winter|centur|twenties|thirties|forties|fifties|sixties|"
    r"seventies|eighties|nineties|shortly|soon|just|moment|\beve\b",
)
# the same ignoring case, for a text that lower case would lengthen ("İ"): a quarter as
# fast as searching the text in lower case
_TRIGGER_ANY_CASE = re.compile(_TRIGGER.pattern, re.IGNORECASE)
# Where a sentence ends no expression goes on: the patterns hold single spaces only (never
# a line break) and a full stop only after a month's short form ("Jan. 5"), which is why
# the stop must not end that word.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|(?=[^\S ])")
_MONTH_SHORT = re.compile(rf"\b{MONTH_RE[:-3]}\.$", re.IGNORECASE)


def _sentences(text: str) -> list[tuple[int, int]]:
    """The text cut where no expression can cross, as (start, end) offsets."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group() == "." and _MONTH_SHORT.search(text, max(0, m.start() - 10), m.end()):
            continue
        if m.end() > start:
            bounds.append((start, m.end()))
            start = m.end()
    bounds.append((start, len(text)))
    return bounds


def find_date_expressions(text: str) -> list[DateExpression]:
    """Date expressions found by pattern, in text order; overlapping finds are all kept
    (the caller keeps the longest one that resolves)."""
    found: set[tuple[int, int]] = set()
    lower = text.lower()
    same_length = len(lower) == len(text)
    trigger, probed = (_TRIGGER, lower) if same_length else (_TRIGGER_ANY_CASE, text)
    find = _FIND if same_length else _FIND_ANY_CASE
    for start, end in _sentences(text):
        if not trigger.search(probed, start, end):
            continue
        # `pos`/`endpos` rather than a slice: the look-behinds still see the text before
        # the sentence, and the line break or space after it reads as its end either way
        found.update(
            (m.start(), m.end())
            for m in find.finditer(probed, start, end)
            if _months_capitalised(text[m.start() : m.end()])
        )
        found.update(
            (m.start("x"), m.end("x")) for m in _CUED.finditer(text, start, end) if cued(text, m)
        )
    return [DateExpression(s, e, text[s:e]) for s, e in sorted(_bracketed(text, found))]


_OPENING_BRACKET = re.compile(r"\[ ?$")


def _bracketed(text: str, found: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """ "Ten ] years ago" found after its editor's "[": the expression starts there."""
    spans = set()
    for start, end in found:
        opening = _OPENING_BRACKET.search(text, max(0, start - 2), start)
        if opening is not None and "]" in text[start:end]:
            start = opening.start()
        spans.add((start, end))
    return spans


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
