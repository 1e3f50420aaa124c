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
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from heapq import heappop, heappush
from itertools import chain
from typing import TYPE_CHECKING

from .. import lexicon
from .date_values import DAY_NUMBER_RE, ORDINAL_RE, ResolvedDate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# the words that lead from a counted distance to its event: "after/before <event>", "ahead
# of/in advance of <event>", "prior to <event>", "day five of <event>", "a week into <event>"
_LINKS = {"after", "before", "of", "to", "into"}
COUNTED_FROM_EVENT = re.compile(
    r"\b(?:after|before|ahead of|prior to|in advance of|into)\b(?! yesterday| tomorrow)",
    re.IGNORECASE,
)
# "a week into the offensive" counts from the event's start, as "day five of" does: its
# first date in the text, not the one nearest the expression
INTO_EVENT = re.compile(r"\binto\b", re.IGNORECASE)
# a day counted within an event: "day five", "the fourth or fifth day", "the opening night";
# and the day before it: "on the eve of the vote"
DAY_OF_EVENT = re.compile(
    rf"^(?:on )?(?:the )?{ORDINAL_RE}(?: or {ORDINAL_RE})? day$|^(?:on )?day {DAY_NUMBER_RE}$"
    r"|^(?:on )?(?:the )?opening (?:day|night)$|^(?:on )?(?:the )?eve$",
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


def _endings() -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    rows = lexicon.table("event_noun_endings.csv")
    found = [
        (r["ending"], tuple("" if v == "-" else v for v in r["verbs"].split()), r["whole"] == "yes")
        for r in rows
    ]
    return tuple(sorted(found, key=lambda row: -len(row[0])))


_ENDINGS = _endings()
_STEM = 3  # letters a noun keeps before its ending: "session" is no "set", "station" no "state"


# asked for every noun of every article: a few hundred distinct words in news, but junk
# tagged NOUN (numbers, addresses, hostile text) is endless in a long-lived worker: bounded
@lru_cache(maxsize=1 << 14)
def verbs_of_noun(noun: str) -> frozenset[str]:
    """The verb lemmas an event noun may be made from: "meeting" -> meet, "explosion" ->
    explode, "withdrawal" -> withdraw, "blast" -> explode. Candidates only: the caller
    keeps those the article uses as verbs."""
    found: set[str] = set()
    for ending, verbs, whole in _ENDINGS:
        if whole:
            if noun == ending:
                found.update(verbs)
        elif noun.endswith(ending) and len(noun) - len(ending) >= _STEM:
            found.update(noun[: -len(ending)] + v for v in verbs)
    found.discard(noun)
    return frozenset(found)


def same_word(token: Token, word: str) -> bool:
    """Whether `token` is a form of `word` (a lemma): "claimed" of "claim", "votes" of "vote"."""
    lemma = token.lemma_.lower()
    return lemma == word or token.lower_ == word or (len(word) > 4 and lemma[:-1] == word[:-1])


class EventWords:
    """A doc's event words looked up once: the tokens naming an event by each word, and each
    token's clause. Looking a word up scans no tokens, so dating every "days after the vote"
    of a long article costs about what its expressions are, not expressions x tokens x dates
    (a hostile text repeating one took minutes a piece)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._clauses: dict[int, tuple[int, int]] = {}
        self._built = False  # most articles count no date from an event: built when asked

    def _build(self) -> None:
        doc = self.doc
        self._built = True
        self._by_lemma: dict[str, list[int]] = defaultdict(list)
        self._by_lower: dict[str, list[int]] = defaultdict(list)
        self._by_stem: dict[str, list[int]] = defaultdict(list)
        # the nouns by the verbs they are made from: "the meeting" under meet
        self._by_verb: dict[str, list[int]] = defaultdict(list)
        self._sentence: list[int] = [0] * len(doc)  # each token's sentence start (a token index)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self._sentence[i] = sent.start
        for token in doc:
            if token.pos_ not in _EVENT_POS:
                continue
            lemma = token.lemma_.lower()
            self._by_lemma[lemma].append(token.i)
            self._by_lower[token.lower_].append(token.i)
            self._by_stem[lemma[:-1]].append(token.i)
            if token.pos_ == "NOUN":
                for verb in verbs_of_noun(lemma):
                    self._by_verb[verb].append(token.i)

    def tokens(self, word: str) -> list[int]:
        """The indexes, in text order, of the tokens `same_word` finds for `word`."""
        if not self._built:
            self._build()
        found = set(self._by_lemma.get(word, ())) | set(self._by_lower.get(word, ()))
        if len(word) > 4:
            found.update(self._by_stem.get(word[:-1], ()))
        # the same event as a verb and as a noun: "met" and "the meeting", "exploded" and
        # "the blast" (two nouns of one verb, "the blast" and "the explosion", too)
        verbs = verbs_of_noun(word) | {word}
        for verb in verbs:
            found.update(i for i in self._by_lemma.get(verb, ()) if self.doc[i].pos_ == "VERB")
            found.update(self._by_verb.get(verb, ()))
        return sorted(found)

    def kin(self, token: Token) -> list[int]:
        """The indexes, in text order, of the nouns and verbs naming the event of `token` in
        other words ("elections" and "polls" for "the vote", "the strike" for "the walkout"):
        `event_synonyms.txt`, a line a kind. Those `tokens` finds are left out."""
        if not self._built:
            self._build()
        own = {token.lemma_.lower(), token.lower_}
        others = {w for kind in _kinds(own) for w in kind} - own
        found = {
            i
            for w in others
            for i in chain(self._by_lemma.get(w, ()), self._by_lower.get(w, ()))
            if self.doc[i].pos_ in ("NOUN", "VERB")
        }
        return sorted(found - set(self.tokens(token.lemma_.lower())))

    def same_sentence(self, a: int, b: int) -> bool:
        if not self._built:
            self._build()
        return self._sentence[a] == self._sentence[b]

    def sentence_start(self, i: int) -> int:
        if not self._built:
            self._build()
        return self._sentence[i]

    def clause(self, i: int) -> tuple[int, int]:
        if i not in self._clauses:
            self._clauses[i] = _clause_of(self.doc[i])
        return self._clauses[i]


def _kinds(words: set[str]) -> list[frozenset[str]]:
    """The lines of `event_synonyms.txt` holding any of `words`."""
    return [kind for kind in _EVENT_KINDS if kind & words]


_EVENT_KINDS = tuple(frozenset(e.words) for e in lexicon.entries("event_synonyms.txt"))


# how many same-word tokens on each side of an expression are looked at: the nearest dated
# one is what is used; a text naming the event hundreds of times gains nothing from the rest
_NEAREST = 40


def event_anchors(
    head: Token,
    dated: list[Dated],
    *,
    first: bool = False,
    words: EventWords | None = None,
) -> Iterator[ResolvedDate]:
    """The dates the article gives the event `head` names, best first, found as they are asked
    for (the caller stops at the first that serves).

    A date in the event's own clause (the head's subtree) comes first. Then, for each other
    sentence naming the event by the head's lemma, the date in that word's clause nearest
    it: the nearest sentence before the expression first, then those after it; for a day
    counted within an event (`first`), the event's first date in the text, its first day.
    """
    words = words if words is not None else EventWords(head.doc)
    # by start (ties in the caller's order), so the dates inside a stretch are a bisect away
    order = sorted(range(len(dated)), key=lambda n: (dated[n].start, n))
    starts = [dated[n].start for n in order]

    def within(lo: int, hi: int) -> list[int]:
        """The positions in `dated` of the dates inside [lo, hi), in the caller's order."""
        return sorted(
            n
            for n in order[bisect_left(starts, lo) : bisect_left(starts, hi)]
            if dated[n].end <= hi
        )

    subtree = list(head.subtree)
    for n in within(min(t.idx for t in subtree), max(t.idx + len(t) for t in subtree)):
        yield dated[n].resolved

    def nearest(i: int) -> tuple[int, int] | None:
        """The token's clause's date nearest it, as (start, position in `dated`)."""
        clause = words.clause(i)
        if words.same_sentence(i, head.i) and clause[0] <= head.idx < clause[1]:
            return None  # a clause holding the expression dates the expression's own event
        idx = words.doc[i].idx
        near = min(within(*clause), key=lambda n: abs(dated[n].start - idx), default=None)
        return None if near is None else (dated[near].start, near)

    # the event's own word first ("the vote" ... "voted"), then its kin in other words
    # ("elections were held"): a date given the same word is the surer anchor
    for candidates in (words.tokens(head.lemma_.lower()), words.kin(head)):
        at = bisect_left(candidates, head.i)
        if not first:
            before = candidates[max(0, at - _NEAREST) : at][::-1]
            after = [i for i in candidates[at : at + _NEAREST + 1] if i != head.i][:_NEAREST]
            for i in before + after:
                found = nearest(i)
                if found is not None:
                    yield dated[found[1]].resolved
            continue
        # the first date: tokens in text order, each date given out once no later sentence
        # can hold an earlier one (a token's clause lies in its sentence)
        waiting: list[tuple[int, int, int]] = []  # (date start, token index, position)
        for i in candidates[: 2 * _NEAREST]:
            sentence_start = words.doc[words.sentence_start(i)].idx
            while waiting and waiting[0][0] < sentence_start:
                yield dated[heappop(waiting)[2]].resolved
            found = nearest(i)
            if found is not None:
                heappush(waiting, (found[0], i, found[1]))
        while waiting:
            yield dated[heappop(waiting)[2]].resolved


_CORE = {"nsubj", "nsubjpass", "dobj", "attr"}


# prepositions that set an event beside another in time: "spoke before the vote on Tuesday"
# does not date the vote
_TIME_LINKS = lexicon.words("time_order_words.txt")


def _takes_part(preposition: Token) -> bool:
    """Whether a preposition joins its noun to the verb as where the doing took place ("went
    to the polls", "voted in the referendum"): attached to the verb itself (not "ahead of
    the convention") and not a word of time order ("before the vote")."""
    return (
        preposition.dep_ == "prep"
        and preposition.head.pos_ == "VERB"
        and preposition.lower_ not in _TIME_LINKS
    )


def _clause_of(token: Token) -> tuple[int, int]:
    """Where a date of the event `token` names can be, as character offsets: a verb's own
    clause; for a noun, the clause it is the subject or object of ("The festival opened on
    Saturday"), else the noun's own phrase ("the summit on Monday"). A date elsewhere in
    the sentence dates another event ("Just ahead of the convention, his brother died on
    August 15" does not date the convention)."""
    scope = token
    if token.pos_ != "VERB" and token.dep_ in _CORE and token.head.pos_ in ("VERB", "AUX"):
        scope = token.head
    elif token.pos_ == "NOUN" and token.dep_ == "pobj" and _takes_part(token.head):
        scope = token.head.head  # "Voters went to the polls on Saturday": the going's clause
    words = list(scope.subtree)
    # a verb joined after it by "and" is another event ("The election took place on Saturday,
    # and two days after the vote ..."): its words are not this clause's
    verbs = [
        c.left_edge.i
        for c in scope.children
        if c.dep_ == "conj" and c.i > scope.i and c.pos_ in ("VERB", "AUX")
    ]
    if verbs:
        words = [w for w in words if w.i < min(verbs)]
        while len(words) > 1 and words[-1].dep_ in ("cc", "punct"):
            words.pop()
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
    "INTO_EVENT",
    "DAY_OF_EVENT",
    "Dated",
    "EventWords",
    "appositive_date",
    "event_anchors",
    "event_head",
    "same_word",
]
