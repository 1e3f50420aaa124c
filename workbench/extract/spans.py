"""Finding the actor behind a character span: shared by the claim, event and relation rules."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy

from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TEXT_KEY = "workbench_text"


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: `Doc.text` makes a Token object per word and joins
    them anew on every access (a fifth of our rules' time when each rule asked for it)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """`doc`, told the text it was made from (`nlp(text)`: spaCy keeps every character, so
    `doc.text == text`), which spares `doc_text` joining its tokens again."""
    doc.user_data[_TEXT_KEY] = text
    return doc


# What ends a wire dateline opening a sentence: "BAGHDAD:", "ADDIS ABABA -", "CAIRO (Reuters)".
DATELINE_ENDS = frozenset({":", "-", "--", "\u2014", "\u2013", "("})


def tokens_spelled(doc: Doc, words: Iterable[str], *, attr: str = "LOWER") -> list[Token]:
    """The tokens whose `attr` ("LOWER", "ORTH" or "LEMMA") is one of `words`, picked from
    the doc's arrays: a Token object for every word of an article costs more than the
    rule that looks at the few that matter."""
    # the store's own ids: a dependency label or tag is a fixed symbol, not a hash
    strings = doc.vocab.strings
    hashes = numpy.array(sorted({strings.as_int(w) for w in words}), dtype=numpy.uint64)
    if not len(doc) or not len(hashes):
        return []
    column = doc.to_array([attr])
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(column, hashes))]


_CAPITALISED: dict[int, bool] = {}  # a word's ORTH id -> whether it opens with a capital


def capitalised_outside_entities(doc: Doc) -> list[int]:
    """Indices of the tokens in no entity (`not token.ent_type_`) whose text opens with an
    upper-case letter (`token.text[:1].isupper()`), picked from the doc's arrays: a rule
    looking for names the NER missed needs a `Token` only for these, not for every word."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    if len(_CAPITALISED) > 200_000:  # a bound for a process that reads for days
        _CAPITALISED.clear()
    found = []
    for i, (orth, entity) in enumerate(doc.to_array(["ORTH", "ENT_TYPE"]).tolist()):
        if entity:
            continue
        capital = _CAPITALISED.get(orth)
        if capital is None:
            capital = _CAPITALISED[orth] = strings[orth][:1].isupper()
        if capital:
            found.append(i)
    return found


class ActorIndex:
    """Actors' mentions sorted by offset, for "which actor is mentioned here?" lookups."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)
        self.by_id = {a.id: a for a in self.actors}
        spans = sorted((m.start, m.end, a.id) for a in self.actors for m in a.mentions)
        self._starts = [s for s, _, _ in spans]
        self._spans = spans

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, actor id) of every mention overlapping [start, end), in text order."""
        # mentions never nest deeply, so a mention overlapping `start` begins at most
        # a few entries before the first one that starts at or after it
        i = max(0, bisect.bisect_left(self._starts, start) - 8)
        found = []
        for span in self._spans[i:]:
            if span[0] >= end:
                break
            if span[1] > start:
                found.append(span)
        return found

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor whose mention best covers [start, end): the longest overlap wins."""
        best: tuple[int, str] | None = None
        for s, e, actor_id in self.mentions_in(start, end):
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, actor_id)
        return self.by_id[best[1]] if best else None

    def actors_in(self, start: int, end: int) -> list[Actor]:
        """Distinct actors mentioned in [start, end), in order of first mention."""
        seen: dict[str, Actor] = {}
        for _, _, actor_id in self.mentions_in(start, end):
            seen.setdefault(actor_id, self.by_id[actor_id])
        return list(seen.values())
