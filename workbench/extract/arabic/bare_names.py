"""People named with no title: two or three name words next to a verb of saying, the first
a given name of `ar_name_words.csv` ("وقال فهد المهندي من مدينة الخور إن", "وقال علي
واعظ، مدير ...، إن"; "سالم الحارثي قال إن").

A title introduces most people the wires quote; a person quoted as a voter, a witness or an
expert often has none, and was left as plain words. The given name, the verb beside the
name and the word after it that is no name are what make the words a person: "قال محمد إن"
(one word) or "قال سعيد ..." followed by more content words stay no name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from ... import lexicon
from .cues import COMMA, cue_of
from .tokens import THAT_WORDS, Token

_SAY_KINDS = frozenset(("say", "report", "point", "inform", "judge", "object"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names (first words of a name), written as the lexicon writes them."""
    from ...lexicon.transliterate import clean_arabic

    return frozenset(
        clean_arabic(row["arabic"])
        for row in lexicon.table("ar_name_words.csv")
        if row["kind"] == "given"
    )


def says(token: Token) -> bool:
    """Whether the token is a verb of saying (a cue of one of the saying kinds)."""
    found = cue_of(token)
    return found is not None and found[1] in _SAY_KINDS


def bare_names(
    tokens: list[Token],
    taken: set[int],
    name_after: Callable[[list[Token], int, set[int]], tuple[int, int] | None],
    name_like: Callable[[Token], bool],
) -> Iterator[tuple[int, int]]:
    """(first, last) token of each person named with no title beside a verb of saying.

    `name_after`, `name_like`: the actor rules' tests of a title's name (two words, three
    with a compound given name or a lineage), shared so both read a name alike."""
    from ...lexicon.transliterate import clean_arabic

    for c, token in enumerate(tokens):
        if not says(token):
            continue
        # after the verb ("وقال فهد المهندي"), or before it at a clause's start
        for k in (c + 1, c - 2, c - 3):
            if k < 0 or k >= len(tokens) or k in taken:
                continue
            if clean_arabic(tokens[k].text) not in given_names():
                continue
            span = name_after(tokens, k, taken)
            if span is None or span[1] == k:
                continue  # one word alone ("قال محمد") is no name
            first, last = span
            after = last + 1
            if k < c:
                # before the verb: the name fills the words up to it, at a clause's start
                opens = k == 0 or tokens[k - 1].is_punct
                if last != c - 1 or not opens:
                    continue
            elif after < len(tokens) and name_like(tokens[after]) and not says(tokens[after]):
                continue  # the words run on: no name ends there
            yield first, last
            taken |= set(range(first, last + 1))
            break
    yield from _between_commas_before_that(tokens, taken, name_after)


def _between_commas_before_that(
    tokens: list[Token],
    taken: set[int],
    name_after: Callable[[list[Token], int, set[int]], tuple[int, int] | None],
) -> Iterator[tuple[int, int]]:
    """A name set off by commas right before the content's إن/أن is the person the title
    before it describes: "وقال مدير حملة المرشح ...، رمزي الجبابلي، إن" (the person at the
    end of the title phrase speaks). One pass over the tokens."""
    from ...lexicon.transliterate import clean_arabic

    for k in range(1, len(tokens)):
        if k in taken or tokens[k - 1].text not in COMMA:
            continue
        if clean_arabic(tokens[k].text) not in given_names():
            continue
        span = name_after(tokens, k, taken)
        if span is None or span[1] == k:
            continue
        first, last = span
        if (
            last + 2 < len(tokens)
            and tokens[last + 1].text in COMMA
            and tokens[last + 2].norm in THAT_WORDS
        ):
            yield first, last
            taken |= set(range(first, last + 1))
