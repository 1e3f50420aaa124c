"""Second names the text itself declares: "Rapa Nui, also called Easter Island",
"Mohammed bin Salman, widely known as MBS", "New South Wales (NSW)".

The cue words are data (lexicon/alias_cues.txt). A name on either side that the NER
missed becomes a mention of the actor named on the other side, so the rest of the
article's uses of it join too (add_untagged_short_forms runs after).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import fold
from ..model import ActorType
from .actor_mentions import Candidate
from .aliases import Cluster
from .names import ROLE_NOUNS, TITLES, acronym
from .spans import tokens_spelled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_CUES = lexicon.words("alias_cues.txt") - lexicon.words("alias_cues.txt", flag="adverb")
_CUES_WITH_AS = lexicon.words("alias_cues.txt", flag="as")
_ADVERBS = lexicon.words("alias_cues.txt", flag="adverb")
_NAME_REACH = 6  # words of a name the NER missed, at most


def merge_declared_aliases(doc: Doc, clusters: list[Cluster]) -> None:
    """Join the two names of "X, also known as Y" and "X (Y)" (Y the initials of X)."""
    owner: dict[tuple[int, int], Cluster] = {}
    by_start: dict[int, tuple[int, int]] = {}
    by_end: dict[int, tuple[int, int]] = {}
    for cluster in clusters:
        for m in cluster.mentions:
            owner[(m.start, m.end)] = cluster
            by_start[m.start] = (m.start, m.end)
            by_end[m.end] = (m.start, m.end)
    for first, second in _declared_pairs(doc) + _bracketed_initials(doc, by_end):
        _join(first, second, owner, by_start, by_end)


def _declared_pairs(doc: Doc) -> list[tuple[Span, Span]]:
    """(first name, second name) around each cue: the first ends before a comma or an
    open bracket, the adverbs and the cue; the second opens right after the cue."""
    pairs = []
    for cue in tokens_spelled(doc, _CUES):
        after = cue.i + 1
        if cue.lower_ in _CUES_WITH_AS:
            if after >= len(doc) or doc[after].lower_ != "as":
                continue
            after += 1
        i = cue.i - 1
        while i >= 0 and doc[i].lower_ in _ADVERBS:
            i -= 1
        if i < 1 or doc[i].text not in (",", "("):
            continue  # "Trump called Biden ...": a verb of its own, no declared name
        first = _name_ending_at(doc, i)
        second = _name_starting_at(doc, after)
        if first is not None and second is not None:
            pairs.append((first, second))
    return pairs


def _bracketed_initials(doc: Doc, by_end: dict[int, tuple[int, int]]) -> list[tuple[Span, Span]]:
    """ "Mohammed bin Salman (MBS)": capitals in brackets spelling the initials of the name
    just before them."""
    pairs = []
    for token in doc:
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        short = doc[token.i + 1]
        text = short.text.replace(".", "")
        if len(text) < 2 or not text.isupper() or not text.isalpha():
            continue
        first = _name_ending_at(doc, token.i)
        if first is not None and acronym(first.text.split()) == text:
            pairs.append((first, doc[short.i : short.i + 1]))
    return pairs


def _name_ending_at(doc: Doc, stop: int) -> Span | None:
    """The capitalised words right before token `stop` (small words such as "bin" or
    "of" inside), or None."""
    i = stop - 1
    start = None
    while i >= 0 and stop - i <= _NAME_REACH:
        token = doc[i]
        if _capitalised(token):
            start = i
        elif not (token.is_lower and token.is_alpha and len(token) <= 3 and start is not None):
            break
        i -= 1
    return doc[start:stop] if start is not None and _a_name(doc[start:stop]) else None


def _name_starting_at(doc: Doc, begin: int) -> Span | None:
    i = begin
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    start = i
    end = None
    while i < len(doc) and i - start < _NAME_REACH:
        token = doc[i]
        if _capitalised(token):
            end = i + 1
        elif not (token.is_lower and token.is_alpha and len(token) <= 3 and end is not None):
            break
        i += 1
    return doc[start:end] if end is not None and _a_name(doc[start:end]) else None


def _capitalised(token: Token) -> bool:
    """A capitalised word; opening a sentence, only a proper noun ("Abdullah bin Zayed
    (ABZ)", not "The")."""
    if not (token.is_alpha and token.text[:1].isupper()):
        return False
    return not token.is_sent_start or token.pos_ == "PROPN"


def _a_name(span: Span) -> bool:
    """Not a title or a role alone ("Captain", "CEO"), and ending on a capitalised word."""
    words = [fold(w) for w in span.text.split()]
    if all(w in TITLES or w in ROLE_NOUNS for w in words):
        return False
    return span[-1].text[:1].isupper()


def _join(
    first: Span,
    second: Span,
    owner: dict[tuple[int, int], Cluster],
    by_start: dict[int, tuple[int, int]],
    by_end: dict[int, tuple[int, int]],
) -> None:
    a = _cluster_at(first, owner, by_start, by_end)
    b = _cluster_at(second, owner, by_start, by_end)
    if a is None and b is None:
        return  # neither is a name the article has: nothing to join
    if a is not None and b is not None:
        if a is b or a.type is ActorType.COUNTRY and b.type is ActorType.COUNTRY:
            return  # two states are not one: "Persia" has its own key if listed
        if a.key and b.key and a.key != b.key:
            return
        a.mentions.extend(b.mentions)
        for m in b.mentions:
            owner[(m.start, m.end)] = a
        a.key = a.key or b.key
        b.mentions = []
        return
    target, missing = (a, second) if a is not None else (b, first)
    assert target is not None
    start, end = missing.start_char, missing.end_char
    if any(s < end and start < e for s, e in owner):
        return  # part of another name already
    candidate = Candidate(
        span=missing, start=start, end=end, text=missing.text, label="", type=target.type
    )
    target.mentions.append(candidate)
    owner[(start, end)] = target
    by_start[start] = by_end[end] = (start, end)


def _cluster_at(
    span: Span,
    owner: dict[tuple[int, int], Cluster],
    by_start: dict[int, tuple[int, int]],
    by_end: dict[int, tuple[int, int]],
) -> Cluster | None:
    """The cluster of the mention that is this span, or ends with it / starts with it
    ("the island of Rapa Nui": the span may be longer or shorter than the mention)."""
    key = by_end.get(span.end_char) or by_start.get(span.start_char)
    if key is None:
        return None
    start, end = key
    if not (start < span.end_char and span.start_char < end):
        return None
    found = owner.get(key)
    return found if found is not None and found.mentions else None
