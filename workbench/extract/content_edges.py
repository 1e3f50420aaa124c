"""The edges of a claim's content: words the parse puts inside what was said that the
writer added (eval/gold/README.md: the claim text is the content only).

- A concession at either end of reported speech: before a clause whose source is named
  after it, "Despite the assurances, she left the country, police revealed" (the writer's
  contrast with what came before; after "said that" it is the speaker's); at the end, an
  event set against the claim, "he asserted he had won the election despite several
  states certifying ..." (the writer's fact; "despite the sanctions", with no verb of its
  own, may be the speaker's and stays, and so does one set off by a comma, an aside the
  source may have made: "states the plane was a freighter, despite photos showing ..."). Concessive prepositions are `+concessive` in
  `prepositions.txt`.
- People given as examples of plural speakers at the end: "Other Republicans have urged
  him to move forward ..., such as former governor Chris Christie".
- A verb with a tense of its own joined to the bare infinitive a speaker urged or asked
  for: "urged the embassy to reconsider and spoke with the minister" (the speaker's next
  act, which the parser hangs on the infinitive).
Quoted words are never cut: inside a quotation the speaker said them.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

import numpy

from .. import lexicon
from .attribution import speaker_heads
from .quotes import Quote, quote_at
from .spans import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CONCESSIVE = lexicon.words("prepositions.txt", flag="concessive")
_TENSED = frozenset({"VBD", "VBZ", "VBP"})
_SEPARATORS = frozenset({",", ";", ":"})
_SUCH_AS = ", such as "
_TRIGGERS_KEY = "workbench_content_edge_triggers"


class _Triggers(NamedTuple):
    """Where in a doc each edge rule can fire, found once per doc: a claim's span is then
    searched by bisection, not walked token by token (spans overlap in one long sentence
    with many cues, and walking each made the rules quadratic: review F3)."""

    concessive: list[int]  # tokens spelled as a concessive preposition
    such_as_text: list[int]  # character offsets of ", such as " in the text
    such_as: list[int]  # "as" after "such" after a comma, in any case
    infinitives: list[int]  # bare infinitives an urging verb governs (xcomp, VB)


def _triggers(doc: Doc) -> _Triggers:
    found = doc.user_data.get(_TRIGGERS_KEY)
    if isinstance(found, _Triggers):
        return found
    strings = doc.vocab.strings
    if len(doc):
        lower, orth, dep, tag = doc.to_array(["LOWER", "ORTH", "DEP", "TAG"]).T
    else:
        lower = orth = dep = tag = numpy.zeros(0, dtype=numpy.uint64)
    concessive_ids = numpy.array(sorted(strings.as_int(w) for w in CONCESSIVE), dtype=numpy.uint64)
    concessive = numpy.flatnonzero(numpy.isin(lower, concessive_ids)).tolist()
    as_ = numpy.flatnonzero(lower == numpy.uint64(strings.as_int("as")))
    such_as = [
        int(i)
        for i in as_
        if i >= 2 and lower[i - 1] == strings.as_int("such") and orth[i - 2] == strings.as_int(",")
    ]
    infinitives = numpy.flatnonzero(
        (dep == numpy.uint64(strings.as_int("xcomp"))) & (tag == numpy.uint64(strings.as_int("VB")))
    ).tolist()
    text = doc_text(doc)
    such_as_text = []
    at = text.find(_SUCH_AS)
    while at != -1:
        such_as_text.append(at)
        at = text.find(_SUCH_AS, at + 1)
    found = doc.user_data[_TRIGGERS_KEY] = _Triggers(concessive, such_as_text, such_as, infinitives)
    return found


def _within(positions: list[int], start: int, end: int) -> list[int]:
    """The sorted `positions` in [start, end)."""
    return positions[bisect.bisect_left(positions, start) : bisect.bisect_left(positions, end)]


def trim_edges(
    doc: Doc, start: int, end: int, quotes: list[Quote], cue: Token | None
) -> tuple[int, int]:
    """The content [start, end) of a claim cued by `cue` without a concession at its
    edges nor a tensed act joined to an urged infinitive."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return start, end
    if cue is None or cue.idx >= end:
        start = _after_leading_concession(span, quotes, start)
    end = _before_trailing_concession(span, quotes, end)
    if cue is not None and _within(
        _triggers(doc).such_as_text, span.start_char, span.end_char - len(_SUCH_AS) + 1
    ):
        # `", such as " in span.text`, without joining the span's text for every claim
        end = _before_examples_of_the_speakers(span, quotes, end, cue)
    return start, _before_joined_act(span, quotes, end)


def _before_examples_of_the_speakers(span: Span, quotes: list[Quote], end: int, cue: Token) -> int:
    """ "Other Republicans have urged him to move forward ..., such as former governor Chris
    Christie": people given after a comma as examples of plural speakers are the writer's
    word on who spoke, which the parser hangs on the content's last noun."""
    speakers = [t for t in speaker_heads(cue)[0] if t.tag_ in ("NNS", "NNPS")]
    if not speakers:
        return end
    doc = span.doc
    for i in _within(_triggers(doc).such_as, span.start + 2, span.end):
        token = doc[i]
        if (
            token.right_edge.i >= span[-1].i - 1
            and any(t.ent_type_ == "PERSON" for t in token.subtree)
            and not _quoted(token, quotes)
        ):
            return min(end, _end_before(doc, token.i - 1, span.start))
    return end


def _quoted(token: Token, quotes: list[Quote]) -> bool:
    return quote_at(quotes, token.idx) is not None


def _after_leading_concession(span: Span, quotes: list[Quote], start: int) -> int:
    """ "Despite the assurances, she left": what was said starts after the comma."""
    first = span[0]
    if first.lower_ not in CONCESSIVE or _quoted(first, quotes) or first.head.i == first.i:
        return start
    after = first.right_edge.i + 1
    if (
        after >= span.end - 2
        or span.doc[after].text != ","
        or not span.start <= first.head.i < span.end
    ):
        return start
    return span.doc[after + 1].idx


def _before_trailing_concession(span: Span, quotes: list[Quote], end: int) -> int:
    """ "he had won the election despite several states certifying ...": cut before it."""
    doc = span.doc
    last = span.end - 1
    while last >= span.start and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if last < span.start:
        return end
    for i in _within(_triggers(doc).concessive, span.start + 3, span.end):
        token = doc[i]
        if (
            token.right_edge.i >= last
            and span.start <= token.head.i < token.i
            and not _quoted(token, quotes)
            and any(t.pos_ in ("VERB", "AUX") for t in token.subtree)
            and span.doc[token.i - 1].text != ","
        ):
            return _end_before(span.doc, token.i, span.start)
    return end


def _before_joined_act(span: Span, quotes: list[Quote], end: int) -> int:
    """ "the embassy to reconsider and spoke with ...": a tensed verb joined to a bare
    infinitive is the speaker's next act, not what was urged."""
    for i in _within(_triggers(span.doc).infinitives, span.start, span.end):
        token = span.doc[i]
        if _quoted(token, quotes):
            continue
        for joined in token.children:
            if (
                joined.dep_ == "conj"
                and joined.tag_ in _TENSED
                and span.start < joined.i < span.end
            ):
                cut = joined.i
                while cut - 1 > token.i and span.doc[cut - 1].dep_ in ("cc", "punct"):
                    cut -= 1
                return min(end, _end_before(span.doc, cut, span.start))
    return end


def _end_before(doc: Doc, i: int, floor: int) -> int:
    """The end offset of the last word before token i, separators skipped."""
    j = i - 1
    while j > floor and (doc[j].text in _SEPARATORS or doc[j].is_space):
        j -= 1
    return doc[j].idx + len(doc[j].text)
