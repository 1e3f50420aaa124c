"""Quotations: pairing quote marks in raw text, the way news copy uses them.

Works on characters, not tokens, because sentence splitting is least reliable exactly
where quotes are: a quote can run over several sentences and paragraphs. News style
re-opens the quote mark at the start of each new paragraph of a continuing quote and
does not close the previous paragraph, so an open quote followed by a paragraph that
starts with an opening mark continues; an open quote followed by anything else ends
with its paragraph (a missing closing mark).

Double marks (“ ” " « » „) delimit quotations. Single marks (‘ ’ ') are read as
quotations only in texts that use no double marks at all (British style), because ’ is
also the apostrophe ("Syria’s").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_DOUBLE_OPEN = "\u201c\u00ab\u201e"  # “ « „
_DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
_SINGLE_OPEN = "\u2018"  # ‘
_SINGLE_CLOSE = "\u2019"  # ’
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Quote:
    """One quotation. `start`/`end` include the marks; `inner_*` is what was quoted."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True  # False when the last paragraph ends without a closing mark
    paragraphs: int = 1

    def words(self, text: str) -> int:
        return len(text[self.inner_start : self.inner_end].split())


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank lines separate paragraphs where the text has
    any (its single newlines are then line wraps), else every newline does."""
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    spans, pos = [], 0
    for match in breaks.finditer(text):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def _straight_opens(text: str, i: int) -> bool:
    """A straight mark opens when what precedes it is a space, an opening bracket or nothing."""
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in "([{-\u2014\u2013:/"


def _word_follows(text: str, i: int) -> bool:
    return i + 1 < len(text) and text[i + 1].isalnum()


def _single_opens(text: str, i: int) -> bool:
    return _straight_opens(text, i)


def _single_closes(text: str, i: int) -> bool:
    """’ closes a quote unless it is an apostrophe inside a word ("Syria’s", "don’t")."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _marks(text: str) -> tuple[str, str, str]:
    """(opening marks, closing marks, toggling marks) this text uses for quotations."""
    if any(c in text for c in _DOUBLE_OPEN + _DOUBLE_CLOSE + '"'):
        return _DOUBLE_OPEN, _DOUBLE_CLOSE, '"'
    return _SINGLE_OPEN, _SINGLE_CLOSE, "'"


_DOUBLED = re.compile(r"''|``")


def _doubled_marks(text: str) -> str:
    """Two apostrophes (or backquotes) used as one double mark, as typewritten and
    tokenised copy has them (``''We will not,'' he said``), written as a straight double
    mark of the same length: the mark where it opens or closes, a space beside it."""
    if "''" not in text and "``" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        i = match.start()
        opens = match.group() == "``" or (_straight_opens(text, i) and _word_follows(text, i + 1))
        return ' "' if opens else '" '

    return _DOUBLED.sub(one, text)


def find_quotes(text: str, within: tuple[int, int] | None = None) -> list[Quote]:
    """Every quotation in `text` (or in its stretch `within`, read with the marks the
    whole text uses), in text order, nested marks left inside."""
    text = _doubled_marks(text)
    opens, closes, toggles = _marks(text)
    single = opens == _SINGLE_OPEN
    quotes: list[Quote] = []
    if within is None:
        paragraphs = _paragraphs(text)
    else:
        a, b = within
        paragraphs = [(a + s, a + e) for s, e in _paragraphs(text[a:b])]
    open_at: int | None = None  # offset of the opening mark of the current quote
    count = 1
    # only marks change anything below: the loop jumps from one to the next rather than
    # looking at every character (a tenth of the claim rules' time, character by character)
    any_mark = re.compile("[" + re.escape("".join(sorted({*opens, *closes, *toggles}))) + "]")
    for p, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        nested = 0
        if open_at is not None:
            # a quote left open by the previous paragraph continues here only if this
            # paragraph re-opens it; otherwise it ended with that paragraph
            first = text[p_start]
            if first in opens or first in toggles:
                count += 1
                i = p_start + 1
            else:
                prev_end = paragraphs[p - 1][1]
                quotes.append(_unclosed(text, open_at, prev_end, count))
                open_at, count = None, 1
        while i < p_end:
            mark = any_mark.search(text, i, p_end)
            if mark is None:
                break
            i = mark.start()
            ch = text[i]
            is_open = ch in opens and (not single or _single_opens(text, i))
            is_close = ch in closes and (not single or _single_closes(text, i))
            if ch in toggles:
                if open_at is None and _straight_opens(text, i):
                    is_open = True
                elif open_at is not None and _straight_opens(text, i) and _word_follows(text, i):
                    # a straight mark that opens inside an open quotation is a quote
                    # within the quote ("... is not holding “United States” ..."),
                    # written with the same mark because the keyboard has only one
                    nested += 1
                    i += 1
                    continue
                elif open_at is not None and nested:
                    nested -= 1
                    i += 1
                    continue
                elif open_at is not None:
                    is_close = True
            if is_open and open_at is None:
                open_at = i
            elif is_close and open_at is not None:
                quotes.append(Quote(open_at, i + 1, open_at + 1, i, True, count))
                open_at, count, nested = None, 1, 0
            elif is_open:
                # a second opening mark inside a quote: the first was never closed, so
                # the quote we can trust starts here
                open_at, count = i, 1
            i += 1
    if open_at is not None and paragraphs:
        quotes.append(_unclosed(text, open_at, paragraphs[-1][1], count))
    return [q for q in quotes if q.inner_end > q.inner_start]


def _unclosed(text: str, open_at: int, end: int, paragraphs: int) -> Quote:
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return Quote(open_at, end, open_at + 1, end, False, paragraphs)


def quote_at(quotes: list[Quote], offset: int) -> Quote | None:
    """The quotation whose marks enclose character `offset`, if any (`quotes` in text
    order, as `find_quotes` gives them; they never overlap)."""
    i = bisect.bisect_right(quotes, offset, key=lambda q: q.start) - 1
    if i >= 0 and quotes[i].start <= offset < quotes[i].end:
        return quotes[i]
    return None


# -- quotations within quotations -----------------------------------------------------

# Each opening mark with the marks that close it.
_CLOSERS = {
    "\u201c": "\u201d",  # “ ”
    "\u201e": "\u201d\u201c",  # „ ” or „ “
    "\u00ab": "\u00bb",  # « »
    "\u2018": "\u2019",  # ‘ ’
    '"': '"',
    "'": "'",
}
_NESTED_MARKS = re.compile(
    "[" + re.escape("".join(sorted({*_CLOSERS, *"".join(_CLOSERS.values())}))) + "]"
)


@dataclass(frozen=True)
class NestedQuotes:
    """Every closed quotation of every paragraph, at every depth ("Jones said 'Brown
    said “it is over” yesterday' at noon" holds two), with single marks read as
    quotation marks in any text. For bounding claims, not for finding them: `find_quotes`
    decides what is a quotation of the article's own."""

    quotes: list[Quote]  # by start, an enclosing quotation before what it encloses
    parents: list[int]  # index of the enclosing quotation, -1 for none

    def innermost(self, offset: int) -> Quote | None:
        """The deepest quotation whose quoted text (marks excluded) holds `offset`."""
        i = bisect.bisect_right(self.quotes, offset, key=lambda q: q.inner_start) - 1
        while i >= 0:
            quote = self.quotes[i]
            if quote.inner_start <= offset < quote.inner_end:
                return quote
            # properly nested: a quotation holding `offset` encloses this one
            i = self.parents[i]
        return None


def find_nested_quotes(text: str) -> NestedQuotes:
    text = _doubled_marks(text)
    found: list[Quote] = []
    for p_start, p_end in _paragraphs(text):
        stack: list[tuple[str, int]] = []  # open marks and their offsets
        for mark in _NESTED_MARKS.finditer(text, p_start, p_end):
            i, ch = mark.start(), mark.group()
            k = _matching_open(text, i, stack)
            if k is not None:
                at = stack[k][1]
                del stack[k:]  # marks opened inside and never closed are dropped
                if i > at + 1:
                    found.append(Quote(at, i + 1, at + 1, i))
            elif ch in _CLOSERS and _straight_opens(text, i) and _word_follows(text, i):
                stack.append((ch, i))
    found.sort(key=lambda q: (q.start, -q.end))
    parents: list[int] = []
    enclosing: list[int] = []
    for i, quote in enumerate(found):
        while enclosing and found[enclosing[-1]].end <= quote.start:
            enclosing.pop()
        parents.append(enclosing[-1] if enclosing else -1)
        enclosing.append(i)
    return NestedQuotes(found, parents)


def _matching_open(text: str, i: int, stack: list[tuple[str, int]]) -> int | None:
    """Where in `stack` the quotation that the mark at `i` closes was opened, if it
    closes one: a straight mark that could open a quotation ('no "really') opens one
    when its kind is open already; an apostrophe inside a word ("Syria’s") closes none."""
    ch = text[i]
    if ch in "'\u2019" and _word_follows(text, i):
        return None
    if ch in "\"'" and _straight_opens(text, i) and _word_follows(text, i):
        return None
    for k in range(len(stack) - 1, -1, -1):
        if ch in _CLOSERS[stack[k][0]]:
            return k
    return None
