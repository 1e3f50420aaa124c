"""What a date counted from an event counts from: "two days after the Houthis claimed ...",
"four months ahead of the summit", "day five of the World Cup".

The anchor is the date the article itself gives that event, found by the event's head word
(the verb of the clause after "after", or the noun it governs): a date inside the event's
own clause ("claimed an attack on September 14"), else a date in another sentence naming
the same event by the same lemma, verb or noun ("claimed" -> "the claim", "the summit" ->
"the summit opened on Monday"). With none, the expression stays undated: counting it from
the publication date would invent a date, often one in the future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .date_values import DAY_NUMBER_RE, ORDINAL_RE, ResolvedDate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# the words that lead from a counted distance to its event: "after/before <event>", "ahead
# of/in advance of <event>", "prior to <event>", "day five of <event>"
_LINKS = {"after", "before", "of", "to"}
COUNTED_FROM_EVENT = re.compile(
    r"\b(?:after|before|ahead of|prior to|in advance of)\b(?! yesterday| tomorrow)", re.IGNORECASE
)
# a day counted within an event: "day five", "the fourth or fifth day", "the opening night"
DAY_OF_EVENT = re.compile(
    rf"^(?:on )?(?:the )?{ORDINAL_RE}(?: or {ORDINAL_RE})? day$|^(?:on )?day {DAY_NUMBER_RE}$"
    r"|^(?:on )?(?:the )?opening (?:day|night)$",
    re.IGNORECASE,
)
_EVENT_POS = {"NOUN", "VERB", "PROPN"}


@dataclass(frozen=True)
class Dated:
    """A resolved date expression of the article, where it is."""

    start: int
    end: int
    text: str
    resolved: ResolvedDate
    sentence: Span | None


def event_head(doc: Doc, start: int, end: int) -> Token | None:
    """The verb or noun naming the event an expression counts from: the clause or object of
    its last linking word ("after", "of", ...), or None ("two days later", "days after,")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tokens = list(span)
    if span.end < len(doc) and doc[span.end].lower_ == "of":
        tokens.append(doc[span.end])  # "day five" + "of the World Cup"
    links = [t for t in tokens if t.lower_ in _LINKS]
    if not links:
        return None
    link = links[-1]
    if link.dep_ == "mark" and link.head.i > link.i and link.head.pos_ in ("VERB", "AUX"):
        return link.head  # "after the Houthis claimed ..."
    for child in link.children:
        if child.dep_ in ("pobj", "pcomp") and child.i > link.i:
            return child  # "after the vote", "after claiming ..."
    return None


def same_word(token: Token, word: str) -> bool:
    """Whether `token` is a form of `word` (a lemma): "claimed" of "claim", "votes" of "vote"."""
    lemma = token.lemma_.lower()
    return lemma == word or token.lower_ == word or (len(word) > 4 and lemma[:-1] == word[:-1])


def event_anchors(head: Token, dated: list[Dated], *, first: bool = False) -> list[ResolvedDate]:
    """The dates the article gives the event `head` names, best first.

    A date in the event's own clause (the head's subtree) comes first. Then, for each other
    sentence naming the event by the head's lemma, the date in that word's clause nearest
    it: the nearest sentence before the expression first, then those after it; for a day
    counted within an event (`first`), the event's first date in the text, its first day.
    """
    lo = min(t.idx for t in head.subtree)
    hi = max(t.idx + len(t) for t in head.subtree)
    inside = [d.resolved for d in dated if lo <= d.start and d.end <= hi]
    word = head.lemma_.lower()
    found: list[tuple[Token, Dated]] = []
    for token in head.doc:
        if token.sent == head.sent or token.pos_ not in _EVENT_POS or not same_word(token, word):
            continue
        lo_scope, hi_scope = _clause_of(token)
        in_clause = [d for d in dated if lo_scope <= d.start and d.end <= hi_scope]
        if in_clause:
            found.append((token, min(in_clause, key=lambda d: abs(d.start - token.idx))))
    if first:
        ordered = sorted(found, key=lambda pair: pair[1].start)
    else:
        before = sorted((p for p in found if p[0].i < head.i), key=lambda p: -p[0].i)
        ordered = before + sorted((p for p in found if p[0].i > head.i), key=lambda p: p[0].i)
    return inside + [d.resolved for _, d in ordered]


_CORE = {"nsubj", "nsubjpass", "dobj", "attr"}


def _clause_of(token: Token) -> tuple[int, int]:
    """Where a date of the event `token` names can be, as character offsets: a verb's own
    clause; for a noun, the clause it is the subject or object of ("The festival opened on
    Saturday"), else the noun's own phrase ("the summit on Monday"). A date elsewhere in
    the sentence dates another event ("Just ahead of the convention, his brother died on
    August 15" does not date the convention)."""
    scope = token
    if token.pos_ != "VERB" and token.dep_ in _CORE and token.head.pos_ in ("VERB", "AUX"):
        scope = token.head
    words = list(scope.subtree)
    return words[0].idx, words[-1].idx + len(words[-1])


def appositive_date(source: str, start: int, dated: list[Dated]) -> ResolvedDate | None:
    """ "Yesterday, day five of the World Cup": the date a day-of expression is set beside."""
    for d in reversed(dated):
        if d.end <= start:
            between_them = source[d.end : start].strip()
            return d.resolved if between_them in (",", "\u2014", "\u2013", "-") else None
    return None


__all__ = [
    "COUNTED_FROM_EVENT",
    "DAY_OF_EVENT",
    "Dated",
    "appositive_date",
    "event_anchors",
    "event_head",
    "same_word",
]
