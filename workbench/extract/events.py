"""Dated events: every date expression in an article, resolved against its publication date.

Candidates come from spaCy's DATE (and TIME) entities plus our own patterns for the
relative phrases the small model misses ("over the weekend", "days after the vote");
a candidate is kept only if it resolves to a calendar value, which drops durations
("for three years") and ages ("62 years old"). Each event carries its sentence as
summary, the actors of that sentence, and the claim whose content contains the date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from itertools import accumulate, chain, islice
from typing import TYPE_CHECKING

from .. import lexicon
from ..dates import PartialDate
from ..model import Actor, Claim, Event, Precision
from .date_rules import IN_TIME
from .date_values import DAY_RE, MONTH_RE, UNIT_RE, WEEKDAY_RE, YEAR_RE, add_months, between
from .dates import FUTURE, PAST, PRESENT, ResolvedDate, find_date_expressions, resolve_date
from .event_anchors import (
    COUNTED_FROM_EVENT,
    DAY_OF_EVENT,
    INTO_EVENT,
    Dated,
    EventWords,
    appositive_date,
    event_anchors,
    event_head,
    same_word,
)
from .spans import ActorIndex, doc_text
from .speech import speech_verbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUMMARY_LIMIT = 200
_DATE_LABELS = ("DATE", "TIME")
# Any fixed day serves to ask "is this a date expression at all?" before the real
# resolution, which needs the publication date and the previous event as anchor.
_PROBE_DAY = date(2000, 6, 14)
_PROBE = ResolvedDate(PartialDate.from_date(date(2000, 6, 10)), Precision.DAY)
_YEAR = re.compile(r"(?<![\d,.])(?:1[5-9]|20)\d\d(?![\d,.%]\d|%)")
_ANCHORED_NOUN = re.compile(r"(?:after|before) (?:the|his|her|its|their) (\w+)$", re.IGNORECASE)
_COUNTS_DAYS = re.compile(r"\b(?:day|days|morning|evening|night)\b", re.IGNORECASE)
_NEARBY_TOKENS = 120  # about five sentences of news prose
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}


def extract_events(
    doc: Doc,
    actors: Sequence[Actor],
    claims: Sequence[Claim],
    *,
    published: date | None,
    index: ActorIndex,
) -> list[Event]:
    """One event per resolvable date expression, ids e1.. in text order."""
    source = doc_text(doc)
    # a wire dateline's date is the story's "now": "CAIRO, Aug 28 (AFP) - ... earlier this
    # month" is August, whenever the page was published
    published = dateline_day(source, published) or published
    resolved_so_far: list[tuple[ResolvedDate, Span]] = []
    # the dates that set the story's time, without those naming a thing ("the November 27
    # agreement"): "the following day" counts from these
    narrative: list[tuple[ResolvedDate, Span]] = []
    # the dates "the same day" may name: the last one in discourse, a thing's date too ("The
    # November 4 issue ... On the same day"), each with whether it is in its sentence's main
    # clause (a date embedded beside a main-clause one yields to it: "ruled on Tuesday that
    # the law, passed on March 3, was void")
    discourse: list[tuple[ResolvedDate, Span, bool]] = []
    dated: list[Dated] = []  # every resolved expression, for the event-anchored ones
    own_end: dict[int, int] = {}  # a day with a phrase set beside it: where the day ends
    # counted from an event no earlier sentence dates: tried again once all are resolved
    deferred: list[tuple[int, int, Span | None, Token | None, str | None]] = []
    spans = _date_spans(doc, source)
    span_starts = [s for s, _ in spans]
    words = EventWords(doc)  # the event words of the doc, looked up once for every anchor
    later_dates = _LaterDates(doc, source, spans, published)
    around = _ClaimsAround(claims)  # the claim holding a date, by bisect
    saying_days = _SayingDays(doc, source, spans, published)  # each span resolved once
    lead_scan = _LeadScan()  # the lead's day and what the story told about it, read once
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        sentence = span.sent if span is not None else None
        tense = _tense(span) if span is not None else None
        text = source[start:end]
        if span is not None and _MONTH_ALONE.fullmatch(text) and _names_a_thing(span):
            # "Monday's bid for October elections failed": the elections' month is not the
            # bid's past; the October nearest publication, as for a date with no tense
            tense = None
        if span is not None and _date_of_a_plan(span):
            # "rescheduled its primary to June 2": the plan's date, not the rescheduling's
            # past; the June 2 nearest publication, as for a date with no tense
            tense = None
        head = _event_head(doc, text, start, end) if span is not None else None
        clause = head is not None and head.pos_ in ("VERB", "AUX") and head.idx >= end
        # (a day of an event set beside a date, "Yesterday, day five of the World Cup", stays
        # an expression of its own, as GUM marks it: _from_event gives it that date)
        counted = head is not None and not DAY_OF_EVENT.match(text)
        phrase_head = head
        if span is not None and _SAME_PERIOD.match(text) and _COUNTS_DAYS.search(text):
            # "on Saturday, the same day that the sanctions took effect": that Saturday too,
            # the phrase's clause hanging on its "day"
            counted, phrase_head = True, span[-1]
        beside = _day_beside(doc, start, end, dated) if counted else None
        if beside is not None and phrase_head is not None:
            # "on Tuesday, two days after the ceasefire took effect": the whole phrase is set
            # beside that Tuesday and names it, its event's clause or phrase too ("a month
            # after the fall of Baghouz")
            # (from the day's end: hedging words before the phrase hang on the clause too)
            next_date = _next_start(span_starts, start, len(source))
            end = _clause_end(phrase_head, dated[-1].end, end, next_date)
            text = source[start:end]
        elif clause and COUNTED_FROM_EVENT.search(text):
            # "two days after the Houthis claimed": the clause's subject is no part of the date
            end = start + [m.end() for m in COUNTED_FROM_EVENT.finditer(text)][-1]
            text = source[start:end]
        if beside is not None:
            # "Sunday, a day before the vote": one expression of the day it is set beside,
            # whether or not the article dates the vote (the counted date agrees with it or
            # the article slipped); two events of one day would be one happening twice
            last = dated[-1]
            dated[-1] = Dated(last.start, end, source[last.start : end], beside, last.sentence)
            own_end.setdefault(last.start, last.end)  # the claim holding the day holds it
            continue
        if head is not None or DAY_OF_EVENT.match(text):
            # "two days after the Houthis claimed ...", "day five of the World Cup": counted
            # from the date the article gives that event, never from publication
            later = later_dates.after(start)
            resolved = _from_event(
                text, head, source, start, dated + later, tense, published, words=words
            )
            if resolved is None:
                deferred.append((start, end, sentence, head, tense))
                continue
        else:
            if _ANCHORED_NOUN.search(text):
                earlier = resolved_so_far
            elif _SAME_PERIOD.match(text):
                earlier = _salient(discourse)
            else:
                earlier = narrative
            anchor = _anchor_for(text, earlier)
            now = _speech_day(source, start, text, narrative, published)
            said = _reported_day(doc, saying_days, around, start, end, text, published)
            if said is not None and span is not None and _future_in_the_past(span):
                # "told reporters on Tuesday that the tanker would be released on Saturday":
                # the Saturday after that Tuesday
                tense = FUTURE
            now = said or now
            now = _inner_quote_day(source, start, text, dated) or now
            resolved = resolve_date(text, published=now, tense=tense, anchor=anchor)
            if resolved is None:
                continue
            if span is not None and tense == PAST and _WEEKDAY_ALONE.match(text):
                resolved = _before_the_lead(
                    doc, span, text, narrative, published, resolved, lead_scan
                )
            resolved = _deadline(source, start, text, resolved)
            resolved = _hedged(source, start, text, resolved)
        dated.append(Dated(start, end, text, resolved, sentence))
        if sentence is not None:
            resolved_so_far.append((resolved, sentence))
            discourse.append((resolved, sentence, span is None or _in_main_clause(span)))
            # a quotation's "last night" is the speaker's time, not the story's
            if (span is None or not _names_a_thing(span)) and not _quoted(source, start):
                narrative.append((resolved, sentence))
    for start, end, sentence, head, tense in deferred:
        text = source[start:end]
        resolved = _from_event(
            text, head, source, start, dated, tense, published, last_try=True, words=words
        )
        if resolved is not None:
            dated.append(Dated(start, end, text, resolved, sentence))
    events = []
    cuts: dict[tuple[int, int], list[int]] = {}  # each sentence's clauses, cut once
    for number, found in enumerate(sorted(dated, key=lambda d: d.start), start=1):
        sent_start = found.sentence.start_char if found.sentence is not None else found.start
        sent_end = found.sentence.end_char if found.sentence is not None else found.end
        if (sent_start, sent_end) not in cuts:
            cuts[sent_start, sent_end] = clause_cuts(source, sent_start, sent_end)
        events.append(
            Event(
                id=f"e{number}",
                date=found.resolved.date,
                date_end=found.resolved.date_end,
                precision=found.resolved.precision,
                date_text=found.text,
                start=found.start,
                end=found.end,
                summary=summarise(
                    source,
                    sent_start,
                    sent_end,
                    found.start,
                    found.end,
                    cuts=cuts[sent_start, sent_end],
                ),
                actors=tuple(a.id for a in index.actors_in(sent_start, sent_end)),
                claim=_reporting_claim(around, found.start, own_end.get(found.start, found.end)),
            )
        )
    return events


# "BEIRUT, Sept 12 (Reuters) -", "AMMAN, Lebanon, Sept. 4 (Petra) --", "CAIRO, Aug 28:": a
# place in capitals, a day of a month, maybe the outlet, then a dash or a colon
_DATELINE = re.compile(
    rf"\s*[A-Z][A-Z'. -]*[A-Z](?:, [A-Z][A-Za-z'. -]*)?, "
    rf"(?P<date>(?i:{MONTH_RE}) {DAY_RE}(?:,? {YEAR_RE})?)"
    r"(?: \([^()\n]{1,40}\))? ?(?:-{1,2}|\u2014|\u2013|:)"
)
_DATELINE_REACH = 160  # characters: a dateline opens the text
_DATELINE_DRIFT = 366  # days: a dateline further from publication is a slip, not the story's day


def dateline_day(source: str, published: date | None) -> date | None:
    """The day a wire dateline opening the text gives ("BEIRUT, Sept 12 (Reuters) -"),
    in the year nearest publication; None without such a dateline."""
    match = _DATELINE.match(source, 0, min(len(source), _DATELINE_REACH))
    if match is None:
        return None
    resolved = resolve_date(match["date"], published=published)
    if resolved is None or resolved.precision != Precision.DAY:
        return None
    if published is not None and abs((resolved.first_day - published).days) > _DATELINE_DRIFT:
        return None
    return resolved.first_day


# what may stand between a day and an expression counted from an event set beside it
_BESIDE = {",", "-", "--", "\u2014", "\u2013"}


def _day_beside(doc: Doc, start: int, end: int, dated: list[Dated]) -> ResolvedDate | None:
    """The day an expression counted from an event is set beside, with only a comma or a
    dash between them ("on Tuesday, two days after the ceasefire took effect", "Sunday, a
    day before the vote") and the words that hedge the count ("Tuesday, just two days
    after", "less than 24 hours after"): the phrase names that day. `dated` is in text
    order (the last one resolved is the nearest before), so one look."""
    if not dated:
        return None
    last = dated[-1]
    if last.end > start or last.resolved.precision != Precision.DAY:
        return None
    gap = doc_text(doc)[_owned_phrase_end(doc, last) : start].strip()
    mark = next((m for m in sorted(_BESIDE, key=len, reverse=True) if gap.startswith(m)), None)
    if mark is None:
        return None
    if gap == mark or _hedges(doc, start - len(gap) + len(mark), start, end):
        return last.resolved
    return None


def _closing_mark(token: Token) -> bool:
    """A comma, or a dash standing apart ("sit-in" holds a hyphen, which closes nothing)."""
    return token.text == "," or (
        token.text in _BESIDE and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    )


def _owned_phrase_end(doc: Doc, day: Dated) -> int:
    """Where the noun phrase a day owns ends ("Saturday's drone attack on the plant"), for
    a phrase set beside it names that day too; the day's own end when it owns none."""
    words = doc.char_span(day.start, day.end, alignment_mode="expand")
    if words is None or words[-1].dep_ != "poss":
        return day.end
    owned = words[-1].head
    if owned.i <= words[-1].i or owned.pos_ not in _NOUNS:
        return day.end
    # up to the comma or dash after it (a parse may hang the sentence on the noun), a
    # bounded scan however long the sentence
    last = owned
    for token in doc[owned.i + 1 : min(owned.right_edge.i, owned.i + _PHRASE_REACH) + 1]:
        if _closing_mark(token):
            break
        last = token
    return last.idx + len(last)


_HEDGE_WORDS = 3  # "less than", "just", "some": a hedge is a word or two, never a clause
_HEDGE_POS = {"ADV", "ADJ", "ADP", "DET", "PART"}


def _hedges(doc: Doc, begin: int, start: int, end: int) -> bool:
    """Whether the words in [begin, start) only hedge the count of the expression at
    [start, end) ("just two days after", "less than 24 hours after"): a few modifiers,
    each hanging on a word of theirs or of the expression."""
    words = doc.char_span(begin, start, alignment_mode="expand")
    expression = doc.char_span(start, end, alignment_mode="expand")
    if words is None or expression is None or not 0 < len(words) <= _HEDGE_WORDS:
        return False
    if words.end != expression.start:
        return False
    return all(w.pos_ in _HEDGE_POS and words.start <= w.head.i < expression.end for w in words)


def _next_start(starts: list[int], start: int, default: int) -> int:
    """Where the next date expression after the one at `start` begins (`starts` sorted)."""
    at = bisect_right(starts, start)
    return starts[at] if at < len(starts) else default


# how far past the found expression its event's phrase may reach, in tokens: a phrase set
# beside a day is a few words ("the first round of the presidential vote"), and the scan
# for a closing mark stays bounded however long the sentence
_PHRASE_REACH = 30
# a word that names a thing inside a longer noun phrase ("the Court of Session ruling"):
# the phrase is its head's
_INSIDE_A_NOUN = {"compound", "amod", "nmod", "poss"}


def _clause_end(head: Token, start: int, end: int, next_date: int) -> int:
    """Where the clause or phrase of the event a date is counted from ends ("two days after
    the ceasefire took effect", "the Court of Session ruling"), within its sentence and
    before a comma or dash closing the one that opened it ("Tuesday - a day after Iran
    seized the tanker - in Bahrain"); `end` if its words reach back before the expression
    (a parse that hangs the sentence on it), hold another date ("took effect on Sunday":
    that date is its own expression) or run on too far."""
    head = _whole_noun(head, start)
    left, right = head.left_edge, head.right_edge
    doc = head.doc
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None or left.idx < start or right.i - first.end > _PHRASE_REACH:
        return end
    for token in doc[first.end : right.i + 1]:
        if _closing_mark(token):
            right = doc[token.i - 1]
            break
    while right.i > head.i and right.is_punct:
        right = doc[right.i - 1]
    stop = right.idx + len(right)
    if stop > min(head.sent.end_char, next_date) or stop <= end:
        return end
    return stop


_NOUNS = {"NOUN", "PROPN"}


def _whole_noun(token: Token, start: int) -> Token:
    """The noun heading the phrase `token` is inside, after `start` (the day beside it)
    ("Session" -> "ruling" in "the Court of Session ruling"): up from a word modifying a
    noun and from the object of "of" to its noun. A few steps, as deep as the phrase."""
    while True:
        up = token.head
        if token.dep_ == "pobj" and up.dep_ == "prep" and up.lower_ == "of":
            up = up.head
        elif token.dep_ not in _INSIDE_A_NOUN:
            return token
        if up.i == token.i or up.pos_ not in _NOUNS or up.idx < start:
            return token
        token = up


def _event_head(doc: Doc, text: str, start: int, end: int) -> Token | None:
    """The event an expression counts from, when it names one after its "after", "before",
    "ahead of", "prior to" or "day N of"."""
    if not (COUNTED_FROM_EVENT.search(text) or DAY_OF_EVENT.match(text)) or _DEICTIC.match(text):
        return None
    return event_head(doc, start, end)


def _from_event(
    text: str,
    head: Token | None,
    source: str,
    start: int,
    dated: list[Dated],
    tense: str | None,
    published: date | None,
    *,
    last_try: bool = False,
    words: EventWords | None = None,
) -> ResolvedDate | None:
    """The date of an expression counted from an event, from the first of the event's
    dates that gives one; None when the article dates no such event. An event told as done
    (past or present tense) dated after publication was counted from the wrong anchor, and
    that anchor is passed over."""
    day_of = DAY_OF_EVENT.match(text) is not None
    # "day five of the World Cup", "a week into the offensive": from the event's first date
    first = day_of or INTO_EVENT.search(text) is not None
    anchors: Iterable[ResolvedDate] = ()
    if day_of:
        beside = appositive_date(source, start, dated)
        if beside is not None and beside.precision == Precision.DAY:
            return beside  # "Yesterday, day five of the World Cup": that day itself
    if head is not None:
        others = [d for d in dated if d.start != start]
        anchors = event_anchors(head, others, first=first, words=words)
        subject = _phase_subject(head)
        if subject is not None:
            # "a week after the trial began": the trial's dates, after those of "began"
            anchors = chain(anchors, event_anchors(subject, others, first=first, words=words))
    elif day_of and last_try:
        # the headline's "day five" is the body's "day five of the World Cup"
        same = [d for d in dated if d.text.lower().startswith(text.lower()) and d.start != start]
        return same[0].resolved if same else None
    for anchor in anchors:
        resolved = resolve_date(text, published=published, tense=tense, anchor=anchor)
        if resolved is None:
            continue
        if tense in (PAST, PRESENT) and published is not None and resolved.first_day > published:
            continue  # "This comes a week after he attended ...": told as done, not ahead
        return resolved
    return None


def _phase_subject(head: Token) -> Token | None:
    """The event a verb of beginning, ending or taking place has as its subject: "trial" in
    "after the trial began", "talks" in "after the talks were held"."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in lexicon.words("event_phase_verbs.txt"):
        return None
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    return subjects[0] if subjects else None


class _LaterDates:
    """The date expressions after a point in its sentence, each resolved on its own: an
    event's clause may carry its date after the expression counted from it ("A few hours
    before the jet crashed on Wednesday").

    A sentence's expressions are resolved once per doc (on their own, with no anchor, so
    the answer is the same whichever expression asks) and found by bisect: a long sentence
    of "two days after the ballot, on Tuesday" resolved every later date again for each
    such expression, work growing with the square of the sentence."""

    def __init__(
        self, doc: Doc, source: str, spans: list[tuple[int, int]], published: date | None
    ) -> None:
        self._doc = doc
        self._source = source
        self._spans = spans  # sorted, not overlapping
        self._starts = [start for start, _ in spans]
        self._published = published
        # by the sentence's first character: the starts and the resolved expressions in it
        self._by_sentence: dict[int, tuple[list[int], list[Dated]]] = {}

    def after(self, after: int) -> list[Dated]:
        """The resolved expressions starting after `after` in its sentence, in text order."""
        first = self._doc.char_span(after, after + 1, alignment_mode="expand")
        if first is None:
            return []
        sentence = first.sent
        held = self._by_sentence.get(sentence.start_char)
        if held is None:
            held = self._resolved_in(sentence)
            self._by_sentence[sentence.start_char] = held
        starts, found = held
        return found[bisect_right(starts, after) :]

    def _resolved_in(self, sentence: Span) -> tuple[list[int], list[Dated]]:
        lo = bisect_left(self._starts, sentence.start_char)
        hi = bisect_left(self._starts, sentence.end_char)
        found = []
        for start, end in self._spans[lo:hi]:
            span = self._doc.char_span(start, end, alignment_mode="expand")
            tense = _tense(span) if span is not None else None
            text = self._source[start:end]
            if COUNTED_FROM_EVENT.search(text) or DAY_OF_EVENT.match(text):
                continue
            resolved = resolve_date(text, published=self._published, tense=tense)
            if resolved is not None:
                found.append(Dated(start, end, text, resolved, sentence))
        return [d.start for d in found], found


def _date_spans(doc: Doc, source: str) -> list[tuple[int, int]]:
    """Non-overlapping character spans of date expressions, longest first where they clash."""
    entities = [ent for ent in doc.ents if ent.label_ in _DATE_LABELS]
    candidates = [_trimmed(source, ent.start_char, ent.end_char) for ent in entities]
    # a bare year is a date when the model says so, also inside an entity we cannot
    # resolve as a whole ("over 2000 - 2050")
    candidates += [
        (ent.start_char + m.start(), ent.start_char + m.end())
        for ent in entities
        for m in _YEAR.finditer(ent.text)
    ]
    candidates += [(e.start, e.end) for e in find_date_expressions(source)]
    plausible = [
        (s, e)
        for s, e in set(candidates)
        if resolve_date(source[s:e], published=_PROBE_DAY, anchor=_PROBE, probe=True) is not None
        and not _count_of_things(doc, source, s, e)
        and not _number_of_another_kind(source, s, e)
        and not _named_day(source, s)
    ]
    plausible.sort(key=lambda se: (-(se[1] - se[0]), se[0]))
    # the chosen spans kept sorted: they never overlap, so a new one clashes with one of
    # them only if it clashes with its neighbours (bisect), not with every span chosen
    # before it (work growing with the square of a text of dates; review session 10, F6)
    chosen: list[tuple[int, int]] = []
    for s, e in plausible:
        at = bisect_left(chosen, (s, e))
        if at > 0 and chosen[at - 1][1] > s:
            continue  # the span before it reaches into it
        if at < len(chosen) and chosen[at][0] < e:
            continue  # the span after it starts inside it
        chosen.insert(at, (s, e))
    return chosen


_BARE_YEAR = re.compile(r"\d{4}")
_MONTH_ALONE = re.compile(MONTH_RE, re.IGNORECASE)


def _count_of_things(doc: Doc, source: str, start: int, end: int) -> bool:
    """ "1846 persons were hospitalized", "killed 1500 soldiers": a number counting the
    plural subject or object after it, not a year; "the 2020 elections" (a determiner before
    it), "the 1973 building" and "10 % of 2000 levels" are years."""
    if not _BARE_YEAR.fullmatch(source[start:end]):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    number = span[0]
    if number.dep_ == "nsubjpass":
        return True  # "and 1720 had been discharged": what is done to is no year
    counted = number.head
    return (
        number.dep_ == "nummod"
        and counted.tag_ in ("NNS", "NNPS")
        and counted.dep_ in ("nsubj", "nsubjpass", "dobj")  # "of 2000 levels" stays a year
        and counted.i > number.i
        and not any(t.dep_ in ("det", "poss") for t in counted.children if t.i < number.i)
    )


# what a four-digit number is before these: a clock time ("1800 UTC", "(1930 GMT)"), a name
# ("2019-nCoV"), a season or fiscal year written with a slash ("the 2019/20 fiscal year"), a
# count of time ("a 2000 year old tradition", "2000 years of history"; "World Cup 2018 day
# five" is a year)
_CLOCK_ZONES = "|".join(
    sorted(w.upper() for w in lexicon.words("clock_words.txt") if w not in ("am", "pm"))
)
_UNITS_COUNTED = UNIT_RE.removesuffix("?")  # "years", "days": the plural alone
_NOT_A_YEAR_AFTER = re.compile(
    rf" ?(?:{_CLOCK_ZONES})\b|-[a-z]*[A-Z]|/\d|[ -](?:years?[ -]old|{_UNITS_COUNTED})\b"
)
_FISCAL_BEFORE = re.compile(r"\bfiscal $", re.IGNORECASE)


def _number_of_another_kind(source: str, start: int, end: int) -> bool:
    """A four-digit number that is a clock time, part of a name or half of a fiscal year,
    and the end of a fiscal year ("at fiscal year-end"): no calendar date."""
    if _BARE_YEAR.fullmatch(source[start:end]):
        return _NOT_A_YEAR_AFTER.match(source, end) is not None
    return "year" in source[start:end].lower() and (
        _FISCAL_BEFORE.search(source, max(0, start - 8), start) is not None
    )


_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")
_STARTS_WITH_WEEKDAY = re.compile(rf"{WEEKDAY_RE}\b", re.IGNORECASE)


def _named_day(source: str, start: int) -> bool:
    """ "Super Tuesday", "Black Friday": a weekday in a name is no day of this week."""
    if not _STARTS_WITH_WEEKDAY.match(source, start):
        return False
    before = _NAME_BEFORE.search(source, max(0, start - 20), start)
    return before is not None and before[1].lower() in lexicon.words("named_weekdays.txt")


# a weekday alone, maybe with a part of the day: "on Friday", "Saturday night"
_WEEKDAY_ALONE = re.compile(
    r"^(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?: (?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
_LEAD_SENTENCES = 2  # the lead: the story's first sentences


def _lead(
    doc: Doc, narrative: list[tuple[ResolvedDate, Span]], published: date | None
) -> tuple[date, Span] | None:
    """The day and sentence of the story's lead, when its first sentences date it before
    publication."""
    if not narrative or published is None:
        return None
    resolved, sentence = narrative[0]
    if resolved.precision != Precision.DAY or resolved.first_day >= published:
        return None
    for lead_sentence in islice(doc.sents, _LEAD_SENTENCES):
        if lead_sentence == sentence:
            return resolved.first_day, sentence
    return None


def _before_the_lead(
    doc: Doc,
    span: Span,
    text: str,
    narrative: list[tuple[ResolvedDate, Span]],
    published: date | None,
    resolved: ResolvedDate,
    scan: _LeadScan,
) -> ResolvedDate:
    """A weekday told in the past tense after the lead, while the story tells what led up
    to the lead's news, precedes the lead's day. The lead carries the latest news ("On
    Wednesday the search for survivors ended"); a clause about what the lead already takes
    as given ("The earthquake occurred on Friday") is before it, and so is a clause in the
    pluperfect ("had met on Friday"). Once the story has stepped back before the lead's day
    and not past it, what its sources said is told from those days ("Local officials said on
    Saturday", "the leaders spoke on Friday night"); an event it tells is not moved ("A
    funeral was held for the victims on Friday" after the lead is the Friday after it). A
    date after the lead's day brings the story forward ("A military funeral was held on
    Wednesday", after the Tuesday of the death and a mourning from Wednesday): then the
    weekday counts from publication."""
    lead = _lead(doc, narrative, published)
    if lead is None or span.sent == lead[1] or resolved.first_day <= lead[0]:
        return resolved
    scan.update(narrative, lead)
    verb = _clause_verb(span)
    reported = verb.lemma_.lower() in speech_verbs()  # a source's words, not an event
    if not (
        _presupposed_by(verb, scan.lead_nouns)
        or _pluperfect(verb)
        or (reported and scan.stepped_back and not scan.moved_on)
    ):
        return resolved
    return resolve_date(text, published=lead[0], tense=PAST) or resolved


def _clause_verb(span: Span) -> Token:
    """The verb of the clause a date expression is in (or the nearest head that is one)."""
    verb = span.root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    return verb


def _pluperfect(verb: Token) -> bool:
    """ "had met", "had been held": told as before the story's time."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lemma_.lower() == "have" and a.tag_ == "VBD" for a in auxiliaries)


def _presupposed_by(verb: Token, lead_nouns: frozenset[str]) -> bool:
    """Whether the subject of the date's clause (its verb `verb`) is a thing the lead
    already names ("the earthquake", one of `lead_nouns`): the lead's news comes after it."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.pos_ == "NOUN" and s.lemma_.lower() in lead_nouns for s in subjects)


class _LeadScan:
    """What the story has told by now about the lead's day, read once per doc: whether it
    stepped back before that day (a day before it; a background year is no step back) or
    past it, and the lead's nouns. Each past-tense weekday asked again over the whole
    story's dates and the lead's words, work growing with the square of a long story
    (review session 10, F6)."""

    def __init__(self) -> None:
        self.scanned = 0
        self.stepped_back = False
        self.moved_on = False
        self.lead_nouns: frozenset[str] = frozenset()
        self._lead: Span | None = None

    def update(self, narrative: list[tuple[ResolvedDate, Span]], lead: tuple[date, Span]) -> None:
        if self._lead is None:  # the lead is the story's first dated sentence: it stays
            self._lead = lead[1]
            self.lead_nouns = frozenset(t.lemma_.lower() for t in lead[1] if t.pos_ == "NOUN")
        for told, _ in narrative[self.scanned :]:
            self.stepped_back |= told.precision == Precision.DAY and told.last_day < lead[0]
            self.moved_on |= told.last_day > lead[0]
        self.scanned = len(narrative)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding whitespace or punctuation ("Thursday, May 7, 2015\\n")."""
    while start < end and (text[start].isspace() or text[start] in ",;:-\u2013\u2014("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-\u2013\u2014)"):
        end -= 1
    if end - start > 1 and text[end - 1] == "." and text[end - 2].isdigit():
        end -= 1  # "on September 3.": the sentence's full stop (a month's "Sept." keeps its own)
    return start, end


def _anchor_for(text: str, earlier: list[tuple[ResolvedDate, Span]]) -> ResolvedDate | None:
    """The date an expression like "days after the vote" or "the previous day" counts from.

    "after the vote": the last earlier event whose sentence mentions the vote (any form
    of the word). A count of days: the last earlier *day* within a few sentences, since
    "the previous day" needs a day to count from; "last October" in between is background.
    Otherwise the last earlier event.
    """
    if not earlier:
        return None
    match = _ANCHORED_NOUN.search(text)
    if match:
        noun = match.group(1).lower()
        for resolved, sentence in reversed(earlier):
            if any(same_word(token, noun) for token in sentence):
                return resolved
    if _COUNTS_DAYS.search(text):
        last_sentence = earlier[-1][1]
        for resolved, sentence in reversed(earlier):
            if last_sentence.start - sentence.start > _NEARBY_TOKENS:
                break
            if resolved.precision == Precision.DAY:
                return resolved
    return earlier[-1][0]


def _names_a_thing(span: Span) -> bool:
    """ "the November 27 agreement", "the October 8 vote": a date modifying a noun after
    it names that thing; the story's time is not moved to it."""
    root = span.root
    return (
        root.dep_ in ("nmod", "compound", "nummod", "amod")
        and root.head.pos_ == "NOUN"
        and root.head.i >= span.end
    )


# "the same day", "that day", "later that night": the period of the last date in discourse
_SAME_PERIOD = re.compile(
    r"^(?:on )?(?:(?:later|earlier) )?(?:that|the same|that same|that very) "
    r"(?:day|morning|afternoon|evening|night|week|month|year)$",
    re.IGNORECASE,
)


def _in_main_clause(span: Span) -> bool:
    """Whether a date belongs to its sentence's main clause: its verb is the root, or joined
    to it by "and" ("arrested on May 3 and released on May 9"), not a clause inside it
    ("said on Thursday it had signed the November 4 deal")."""
    verb = _clause_verb(span)
    for _ in range(6):
        if verb.head.i == verb.i:  # the root (tokens are made afresh: no `is`)
            return True
        if verb.dep_ != "conj":
            return False
        verb = verb.head
    return False


def _salient(
    discourse: list[tuple[ResolvedDate, Span, bool]],
) -> list[tuple[ResolvedDate, Span]]:
    """The dates "the same day" may count from, in text order: in the last sentence holding
    a main-clause date, the embedded dates after it yield to it."""
    # the last dates only: what is looked back at lies within a few sentences ("that year"
    # takes the very last), and a hostile text of thousands of "the same day" stays linear
    recent = discourse[-_SALIENT_REACH:]
    if not recent:
        return []
    last = recent[-1][1]
    keep_embedded = not any(main for _, sentence, main in recent if sentence == last)
    return [
        (resolved, sentence)
        for resolved, sentence, main in recent
        if main or sentence != last or keep_embedded
    ]


_SALIENT_REACH = 64


_DEICTIC = re.compile(
    r"^(?:the day (?:before|after) )?(?:today|tonight|yesterday|tomorrow|last night|"
    r"(?:earlier |later )?this (?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)
_QUOTE_REACH = 7  # days: a quotation is reported within a week of being said


def _speech_day(
    source: str,
    start: int,
    text: str,
    narrative: list[tuple[ResolvedDate, Span]],
    published: date | None,
) -> date | None:
    """The "now" of "today", "last night" or "tomorrow": the publication date, except
    inside a quotation, where it is the day the words were said. That is the story's last
    day before the quotation that falls in the week before publication ("On Tuesday, Trump
    wrote: 'I informed John Bolton last night'" is Monday night), passing over a day ahead
    or a background date weeks before."""
    deictic = _DEICTIC.match(text) or _in_time(text)
    if published is None or not deictic or not _quoted(source, start):
        return published
    for resolved, _ in reversed(narrative):
        if resolved.precision != Precision.DAY:
            continue
        said = resolved.first_day
        if 0 <= (published - said).days <= _QUOTE_REACH:
            return said
        # a day ahead ("is to leave office on August 2") or long before ("the collision on
        # August 27") is not when the words were said: the story's day may come before it
    return published


# an inner quotation opens with a single quote after a space or a double quote ("... said,
# 'Let's talk tomorrow.'"); an apostrophe ("Let's", "the Houthis' claim") does not
_INNER_OPEN = re.compile(r"(?:(?<=\s)|(?<=[\"\u201c]))['\u2018](?=\w)")
_INNER_CLOSE = re.compile(r"(?<=[\w.,!?])['\u2019](?=[\s\"\u201d.,;:!?]|$)")


# what counts from the speaker's "now": a weekday, "yesterday", "last week", "this weekend"
_FROM_NOW = re.compile(
    r"^(?:on )?(?:(?:last|this|next|past|previous|coming|this past|this coming) )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?: (?:morning|afternoon|evening|night))?$"
    r"|^(?:the day (?:before|after) )?(?:today|tonight|yesterday|tomorrow|last night)\b"
    r"|^(?:last|this|next|the past|the coming|over the) (?:week|weekend|month)$",
    re.IGNORECASE,
)


def _in_time(text: str) -> bool:
    """ "in two days": counted from the speaker's now in reported speech, as "tomorrow" is."""
    return IN_TIME.fullmatch(text.lower().strip(" ,.;:!?")) is not None


def _reported_day(
    doc: Doc,
    days: _SayingDays,
    claims: _ClaimsAround,
    start: int,
    end: int,
    text: str,
    published: date | None,
) -> date | None:
    """The "now" of a weekday or "yesterday" in reported speech: the day the words were
    said, when the sentence dates the saying outside the reported words ("Police said on
    Tuesday that the attack happened on Friday": the Friday before that Tuesday). None
    when the sentence gives no such day before publication."""
    if published is None or not (_FROM_NOW.match(text) or _in_time(text)):
        return None
    claim = claims.holding(start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if claim is None or span is None:
        return None
    sentence = span.sent
    # a quotation ended by "!" or "?" is a sentence of its own: the saying's sentence after it
    # ('"... in two days!" Macron told the world on Thursday') dates "in two days" too (only
    # that: a weekday or "yesterday" there keeps to its own sentence, as before)
    last = _saying_after(doc, claim.end) if _in_time(text) else 0
    region_end = max(sentence.end_char, last)
    # the first day of saying from the sentence's start, past the claim's own words (they are
    # one run of the sorted spans): a jump each, never a walk over every span of the sentence
    # for each weekday (review session 10, F6; session 11: a sentence of many weekdays)
    at = days.first_from(sentence.start_char)
    if at is not None and claim.start <= days.spans[at][0] < claim.end:
        at = days.first_from(claim.end)
    if at is None:
        return None
    other_start, other_end = days.spans[at]
    if other_start >= region_end or other_end > region_end:
        return None
    return days.day(at)


class _SayingDays:
    """The date spans that can date a saying (a day, not after publication), each resolved
    once per doc and only when asked for; `first_from` jumps to the next such span, the
    spans passed over remembering where it is (so every span is looked at about once)."""

    def __init__(
        self, doc: Doc, source: str, spans: list[tuple[int, int]], published: date | None
    ) -> None:
        self.doc, self.source, self.spans, self.published = doc, source, spans, published
        self._days: dict[int, date | None] = {}
        self._next: dict[int, int] = {}  # span index -> the first day of saying at or after it

    def day(self, at: int) -> date | None:
        """The day span `at` names, if it can date a saying."""
        if at not in self._days:
            other_start, other_end = self.spans[at]
            other = self.doc.char_span(other_start, other_end, alignment_mode="expand")
            tense = _tense(other) if other is not None else None
            said = resolve_date(
                self.source[other_start:other_end], published=self.published, tense=tense
            )
            good = (
                said is not None
                and said.precision == Precision.DAY
                and self.published is not None
                and said.first_day <= self.published
            )
            self._days[at] = said.first_day if good and said is not None else None
        return self._days[at]

    def first_from(self, offset: int) -> int | None:
        """The index of the first span starting at or after `offset` that can date a saying."""
        at = bisect_left(self.spans, (offset, -1))
        passed = []
        while at < len(self.spans) and at not in self._next and self.day(at) is None:
            passed.append(at)
            at += 1
        found = self._next.get(at, at) if at < len(self.spans) else len(self.spans)
        for index in passed:
            self._next[index] = found
        self._next[found] = found
        return found if found < len(self.spans) else None


def _saying_after(doc: Doc, end: int) -> int:
    """Where the sentence of the first word after a claim ending at `end` ends (the words
    of saying after a quotation), or 0 when none follows."""
    for at in range(end, min(end + 4, len(doc.text))):  # past the closing quote and a space
        near = doc.char_span(at, at + 1, alignment_mode="expand")
        if near is None or len(near) == 0:
            continue
        for token in doc[near.start : near.start + 4]:
            if token.idx >= end and not token.is_punct and not token.is_space:
                return token.sent.end_char
        return 0
    return 0


def _inner_quote_day(source: str, start: int, text: str, dated: list[Dated]) -> date | None:
    """The "now" of "tomorrow" in a quotation inside a quotation ("I offered to resign last
    night and he said, 'Let's talk about it tomorrow.'"): the day the outer speaker dates
    the inner words to, the last day the outer quotation named before them."""
    if not _DEICTIC.match(text) or not _quoted(source, start):
        return None
    paragraph_start = source.rfind("\n", 0, start) + 1
    outer = max(
        source.rfind('"', paragraph_start, start), source.rfind("\u201c", paragraph_start, start)
    )
    opens = [m.start() for m in _INNER_OPEN.finditer(source, outer + 1, start)]
    if outer < 0 or not opens or _INNER_CLOSE.search(source, opens[-1] + 1, start):
        return None
    for found in reversed(dated):
        if outer < found.start < opens[-1] and found.resolved.precision == Precision.DAY:
            return found.resolved.first_day
    return None


def _quoted(source: str, start: int) -> bool:
    """Whether `start` is inside a quotation of its paragraph (straight or curly quotes)."""
    paragraph = source[source.rfind("\n", 0, start) + 1 : start]
    if paragraph.rfind("\u201c") > paragraph.rfind("\u201d"):
        return True
    return paragraph.count('"') % 2 == 1


def _tense(span: Span) -> str | None:
    """Tense of the clause a date belongs to: past (incl. present perfect), future, present."""
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(token, depth=0)


def _verb_tense(verb: Token, *, depth: int) -> str | None:
    # Tags rather than morphology: a participle is Tense=Past even in "is to be held".
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.lower_ for aux in auxiliaries}
    if words & _FUTURE_AUX or "going" in words:
        return FUTURE
    if any(aux.lemma_ == "have" or aux.lower_ == "having" for aux in auxiliaries):
        # perfect, also "believed to have been involved" and "having entered the town" (the
        # model leaves "having" its own lemma)
        return PAST
    if any(aux.tag_ == "TO" for aux in auxiliaries):
        # an infinitive looks ahead of its governing verb: "is to run" is future,
        # "was willing to skip" is past; with no tensed verb above it, we cannot tell
        governing = _governing_verb(verb)
        governing_tense = (
            _verb_tense(governing, depth=depth + 1) if governing and depth < 3 else None
        )
        if governing_tense is None:
            return None
        return PAST if governing_tense == PAST else FUTURE
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxiliaries):
        return PAST
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and _to_infinitive(verb):
        return FUTURE  # "On Wednesday, he and his father are to travel to the UN"
    if verb.tag_ in ("VBZ", "VBP") or any(aux.tag_ in ("VBZ", "VBP") for aux in auxiliaries):
        return PRESENT
    if verb.tag_ == "VBN" and not auxiliaries and verb.dep_ in ("acl", "advcl") and depth < 3:
        # "the law, passed on March 3, was void", "Elected on July 2, she took office": a
        # participle alone tells what was done before its clause's time; told from a past or
        # present clause, it is past (never the March 3 ahead of publication)
        governing = _governing_verb(verb)
        governing_tense = _verb_tense(governing, depth=depth + 1) if governing else None
        return PAST if governing_tense in (PAST, PRESENT) else None
    return None


_PLAN_PREPOSITIONS = frozenset({"for", "to", "until"})


def _date_of_a_plan(span: Span) -> bool:
    """Whether a date is what a verb of scheduling sets: the object of its "for", "to" or
    "until" ("was originally planned for April 28", "rescheduled the races to June 2")."""
    preposition = span.root.head
    if span.root.dep_ != "pobj" or preposition.lower_ not in _PLAN_PREPOSITIONS:
        return False
    verb = preposition.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.words("event_schedule_verbs.txt")


def _future_in_the_past(span: Span) -> bool:
    """ "would be released": reported speech's future, ahead of the day it was said ("would
    have been" looks back, and is left to the tense rules)."""
    auxiliaries = {
        child.lower_ for child in _clause_verb(span).children if child.dep_ in ("aux", "auxpass")
    }
    return bool(auxiliaries & _WOULD) and not auxiliaries & _PERFECT


_WOULD = frozenset({"would", "'d"})
_PERFECT = frozenset({"have", "'ve", "has", "had"})


def _to_infinitive(verb: Token) -> bool:
    """Whether a verb governs a "to" infinitive ("is to travel": an arrangement ahead)."""
    return any(
        child.dep_ == "xcomp" and any(a.tag_ == "TO" for a in child.children)
        for child in verb.children
    )


def _governing_verb(verb: Token) -> Token | None:
    token = verb
    for _ in range(3):
        if token.head is token:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


# "the end of the year", "year end", "the end of March": the end of a period
_PERIOD_END = re.compile(r"\bend\b", re.IGNORECASE)
_BY = re.compile(r"\bby\s+$", re.IGNORECASE)


def _deadline(source: str, start: int, text: str, resolved: ResolvedDate) -> ResolvedDate:
    """ "by the end of the year", "by year end": a deadline, which a timeline places on the
    period's last day (December 31). Without "by" the end of a period is a range of its last
    days ("in the news at the end of July": July 21-31), as the dev gold reads it."""
    if resolved.precision != Precision.APPROXIMATE or not _PERIOD_END.search(text):
        return resolved
    if not (_BY.search(source, max(0, start - 4), start) or text.lower().startswith("by ")):
        return resolved
    return ResolvedDate(PartialDate.from_date(resolved.last_day), Precision.DAY)


# "nearly a decade ago", "about two years ago": the writer says the count is not exact
_HEDGE = re.compile(
    r"\b(?:nearly|almost|about|around|roughly|some|approximately|more than|over|less than)\s+$",
    re.IGNORECASE,
)
_AGO = re.compile(r"\b(?:ago|back)$", re.IGNORECASE)


def _hedged(source: str, start: int, text: str, resolved: ResolvedDate) -> ResolvedDate:
    """A hedged count back from publication is a range of a unit either side of its year or
    month ("nearly a decade ago", published 2011: 2000-2002), not the exact year."""
    if resolved.precision not in (Precision.YEAR, Precision.MONTH) or not _AGO.search(text):
        return resolved
    if not _HEDGE.search(source, max(0, start - 16), start):
        return resolved
    if resolved.precision == Precision.YEAR:
        year = resolved.first_day.year
        return between(date(year - 1, 1, 1), date(year + 1, 12, 31))
    first = add_months(resolved.first_day, -1)
    after = add_months(resolved.first_day, 2)  # the first day of the month after the next
    return between(first, after - timedelta(days=1))


def _reporting_claim(claims: _ClaimsAround, start: int, end: int) -> str | None:
    """The claim whose content contains the date: the event is known only through it."""
    claim = claims.holding(start, end)
    return claim.id if claim is not None else None


class _ClaimsAround:
    """The first claim, in text order, whose content holds a span, found by bisect: among
    the claims starting at or before the span, the first whose end reaches the span's end
    (the running maximum of the ends is sorted). A scan of every claim for each date grew
    with the square of a long text of reported dates (review session 10, F6)."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self._claims = sorted(claims, key=lambda c: c.start)  # the extraction's order
        self._starts = [c.start for c in self._claims]
        self._reach = list(accumulate((c.end for c in self._claims), max))

    def holding(self, start: int, end: int) -> Claim | None:
        starting_before = bisect_right(self._starts, start)
        first = bisect_left(self._reach, end)
        return self._claims[first] if first < starting_before else None


_CLAUSE_BREAK = re.compile(r"\s*[;,\u2013\u2014]\s+|\s+-\s+")


def clause_cuts(text: str, sent_start: int, sent_end: int) -> list[int]:
    """The clause boundaries of a sentence, as offsets into `text`, in order."""
    cuts = [sent_start] + [
        sent_start + m.end() for m in _CLAUSE_BREAK.finditer(text[sent_start:sent_end])
    ]
    cuts.append(sent_end)
    return cuts


def summarise(
    text: str,
    sent_start: int,
    sent_end: int,
    start: int,
    end: int,
    *,
    cuts: list[int] | None = None,
) -> str:
    """The sentence around [start, end), trimmed to the clauses nearest the date. `cuts`, the
    sentence's clause_cuts, when the caller holds them: a long sentence of many dates is cut
    once, and each date finds its clauses by bisect, not by a walk over all of them."""
    sentence = text[sent_start:sent_end].strip()
    if len(sentence) <= SUMMARY_LIMIT:
        return sentence
    if cuts is None:
        cuts = clause_cuts(text, sent_start, sent_end)
    begin = cuts[bisect_right(cuts, start) - 1]  # the last cut at or before the date
    finish = cuts[bisect_left(cuts, end)]  # the first cut at or after it
    # grow clause by clause, preferring what follows the date
    while True:
        after = bisect_right(cuts, finish)
        before = bisect_left(cuts, begin)
        if after < len(cuts) and cuts[after] - begin <= SUMMARY_LIMIT:
            finish = cuts[after]
        elif before > 0 and finish - cuts[before - 1] <= SUMMARY_LIMIT:
            begin = cuts[before - 1]
        else:
            break
    if finish - begin > SUMMARY_LIMIT:
        begin, finish = _word_window(text, begin, finish, start, end)
    clause = text[begin:finish].strip(" ,;\u2013\u2014-")
    prefix = "\u2026" if begin > sent_start else ""
    suffix = "\u2026" if finish < sent_end and not clause.endswith((".", "!", "?")) else ""
    return f"{prefix}{clause}{suffix}"


def _word_window(text: str, begin: int, finish: int, start: int, end: int) -> tuple[int, int]:
    """A window of at most SUMMARY_LIMIT chars around the date, cut at spaces."""
    room = max(0, SUMMARY_LIMIT - (end - start))
    lo = max(begin, start - room // 3)
    hi = min(finish, end + room - (start - lo))
    space = text.find(" ", lo, start)
    lo = space + 1 if space != -1 and lo > begin else lo
    space = text.rfind(" ", end, hi)
    hi = space if space != -1 and hi < finish else hi
    return lo, hi


__all__ = ["extract_events", "summarise"]
