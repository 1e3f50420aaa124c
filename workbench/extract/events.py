"""Dated events: every date expression in an article, resolved against its publication date.

Candidates come from spaCy's DATE (and TIME) entities plus our own patterns for the
relative phrases the small model misses ("over the weekend", "days after the vote");
a candidate is kept only if it resolves to a calendar value, which drops durations
("for three years") and ages ("62 years old"). Each event carries its sentence as
summary, the actors of that sentence, and the claim whose content contains the date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..dates import PartialDate
from ..model import Actor, Claim, Event, Precision
from .dates import FUTURE, PAST, PRESENT, ResolvedDate, find_date_expressions, resolve_date
from .spans import ActorIndex, doc_text

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
    events: list[Event] = []
    resolved_so_far: list[tuple[ResolvedDate, Span]] = []
    # the dates that set the story's time, without those naming a thing ("the November 27
    # agreement"): "the following day" counts from these
    narrative: list[tuple[ResolvedDate, Span]] = []
    source = doc_text(doc)
    spans = _date_spans(doc, source)
    for position, (start, end) in enumerate(spans):
        span = doc.char_span(start, end, alignment_mode="expand")
        sentence = span.sent if span is not None else None
        tense = _tense(span) if span is not None else None
        text = source[start:end]
        anchor = _anchor_ahead(doc, source, text, sentence, spans[position + 1 :], published)
        if anchor is None and _anchored_to_clause(doc, text, end):
            # "two days after the Houthis claimed ...": counted from an event that only
            # an earlier sentence about the same actors can date; else no date at all
            anchor = _anchor_for(text, [(r, s) for r, s in resolved_so_far if s != sentence])
            if anchor is None or not _ANCHORED_NOUN.search(text):
                continue
        anchor = anchor or _anchor_for(
            text, resolved_so_far if _ANCHORED_NOUN.search(text) else narrative
        )
        now = _speech_day(source, start, text, narrative, published)
        inner = _inner_quote_day(source, start, text, events)
        now = inner or now
        resolved = resolve_date(text, published=now, tense=tense, anchor=anchor)
        if resolved is None:
            continue
        if span is not None and tense == PAST and _WEEKDAY_ALONE.match(text):
            # "On Wednesday the search for survivors of the earthquake ended. [...] The
            # earthquake occurred on Friday": what the lead takes as given happened before
            # the lead's day, not on the Friday after it
            lead = _lead(doc, narrative, published)
            if lead and resolved.first_day > lead[0] and _presupposed_by(span, lead[1]):
                resolved = resolve_date(text, published=lead[0], tense=tense) or resolved
        if sentence is not None:
            resolved_so_far.append((resolved, sentence))
            # a quotation's "last night" is the speaker's time, not the story's
            if (span is None or not _names_a_thing(span)) and not _quoted(source, start):
                narrative.append((resolved, sentence))
        sent_start = sentence.start_char if sentence is not None else start
        sent_end = sentence.end_char if sentence is not None else end
        events.append(
            Event(
                id=f"e{len(events) + 1}",
                date=resolved.date,
                date_end=resolved.date_end,
                precision=resolved.precision,
                date_text=text,
                start=start,
                end=end,
                summary=summarise(source, sent_start, sent_end, start, end),
                actors=tuple(a.id for a in index.actors_in(sent_start, sent_end)),
                claim=_reporting_claim(claims, start, end),
            )
        )
    return events


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
        if resolve_date(source[s:e], published=_PROBE_DAY, anchor=_PROBE) is not None
    ]
    plausible.sort(key=lambda se: (-(se[1] - se[0]), se[0]))
    chosen: list[tuple[int, int]] = []
    for s, e in plausible:
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    return sorted(chosen)


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
    for lead_sentence in list(doc.sents)[:_LEAD_SENTENCES]:
        if lead_sentence == sentence:
            return resolved.first_day, sentence
    return None


def _presupposed_by(span: Span, lead: Span) -> bool:
    """Whether the subject of the date's clause is a thing the lead already names ("the
    earthquake"): the lead's news comes after it."""
    verb = span.root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    lead_nouns = {t.lemma_.lower() for t in lead if t.pos_ == "NOUN"}
    return any(s.pos_ == "NOUN" and s.lemma_.lower() in lead_nouns for s in subjects)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding whitespace or punctuation ("Thursday, May 7, 2015\\n")."""
    while start < end and (text[start].isspace() or text[start] in ",;:-\u2013\u2014("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-\u2013\u2014)"):
        end -= 1
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
            if any(_same_word(token, noun) for token in sentence):
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
    day before the quotation ("On Tuesday, Trump wrote: 'I informed John Bolton last
    night'" is Monday night), when it falls in the week before publication."""
    if published is None or not _DEICTIC.match(text) or not _quoted(source, start):
        return published
    for resolved, _ in reversed(narrative):
        if resolved.precision != Precision.DAY:
            continue
        said = resolved.first_day
        if 0 <= (published - said).days <= _QUOTE_REACH:
            return said
        break
    return published


# an inner quotation opens with a single quote after a space or a double quote ("... said,
# 'Let's talk tomorrow.'"); an apostrophe ("Let's", "the Houthis' claim") does not
_INNER_OPEN = re.compile(r"(?:(?<=\s)|(?<=[\"\u201c]))['\u2018](?=\w)")
_INNER_CLOSE = re.compile(r"(?<=[\w.,!?])['\u2019](?=[\s\"\u201d.,;:!?]|$)")


def _inner_quote_day(source: str, start: int, text: str, events: list[Event]) -> date | None:
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
    for event in reversed(events):
        if outer < event.start < opens[-1] and event.precision == Precision.DAY:
            return event.date.first
    return None


def _quoted(source: str, start: int) -> bool:
    """Whether `start` is inside a quotation of its paragraph (straight or curly quotes)."""
    paragraph = source[source.rfind("\n", 0, start) + 1 : start]
    if paragraph.rfind("\u201c") > paragraph.rfind("\u201d"):
        return True
    return paragraph.count('"') % 2 == 1


def _anchor_ahead(
    doc: Doc,
    source: str,
    text: str,
    sentence: Span | None,
    later: list[tuple[int, int]],
    published: date | None,
) -> ResolvedDate | None:
    """ "A few hours before the jet crashed on Wednesday": the anchor clause carries its
    own date, later in the same sentence."""
    if sentence is None or not _ANCHORED_NOUN.search(text):
        return None
    for start, end in later:
        if start >= sentence.end_char:
            break
        span = doc.char_span(start, end, alignment_mode="expand")
        tense = _tense(span) if span is not None else None
        resolved = resolve_date(source[start:end], published=published, tense=tense)
        if resolved is not None:
            return resolved
    return None


def _anchored_to_clause(doc: Doc, text: str, end: int) -> bool:
    """Whether "N days after the X" goes on with X's verb: an event, not a date."""
    if not _ANCHORED_NOUN.search(text):
        return False
    span = doc.char_span(end, end + 1, alignment_mode="expand")
    if span is None or span.start >= len(doc):
        return False
    after = doc[span.start]
    return after.pos_ in ("VERB", "AUX") and after.idx >= end


def _same_word(token: Token, noun: str) -> bool:
    lemma = token.lemma_.lower()
    return lemma == noun or token.lower_ == noun or (len(noun) > 4 and lemma[:-1] == noun[:-1])


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
    if any(aux.lemma_ == "have" for aux in auxiliaries):
        return PAST  # perfect, also "believed to have been involved"
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
    if verb.tag_ in ("VBZ", "VBP") or any(aux.tag_ in ("VBZ", "VBP") for aux in auxiliaries):
        return PRESENT
    return None


def _governing_verb(verb: Token) -> Token | None:
    token = verb
    for _ in range(3):
        if token.head is token:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _reporting_claim(claims: Sequence[Claim], start: int, end: int) -> str | None:
    """The claim whose content contains the date: the event is known only through it."""
    for claim in claims:
        if claim.start <= start and end <= claim.end:
            return claim.id
    return None


_CLAUSE_BREAK = re.compile(r"\s*[;,\u2013\u2014]\s+|\s+-\s+")


def summarise(text: str, sent_start: int, sent_end: int, start: int, end: int) -> str:
    """The sentence around [start, end), trimmed to the clauses nearest the date."""
    sentence = text[sent_start:sent_end].strip()
    if len(sentence) <= SUMMARY_LIMIT:
        return sentence
    # clause boundaries within the sentence, as offsets into `text`
    cuts = [sent_start] + [
        sent_start + m.end() for m in _CLAUSE_BREAK.finditer(text[sent_start:sent_end])
    ]
    cuts.append(sent_end)
    begin = max(c for c in cuts if c <= start)
    finish = min(c for c in cuts if c >= end)
    # grow clause by clause, preferring what follows the date
    while True:
        later = [c for c in cuts if c > finish]
        earlier = [c for c in cuts if c < begin]
        if later and later[0] - begin <= SUMMARY_LIMIT:
            finish = later[0]
        elif earlier and finish - earlier[-1] <= SUMMARY_LIMIT:
            begin = earlier[-1]
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
