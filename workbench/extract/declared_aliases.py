"""Second names the text itself declares: "Rapa Nui, also called Easter Island",
"Mohammed bin Salman, widely known as MBS", "New South Wales (NSW)".

The cue words are data (lexicon/alias_cues.txt). A name on either side that the NER
missed becomes a mention of the actor named on the other side, so the rest of the
article's uses of it join too (add_untagged_short_forms runs after).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import country_info, country_of_demonym, fold
from ..model import ActorType
from .actor_mentions import Candidate
from .aliases import Cluster
from .names import ROLE_NOUNS, TITLES, acronym
from .spans import doc_text, tokens_spelled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# "X, formerly Y": an adverb that declares the name after it alone
_NAME_NOUNS = lexicon.words("alias_cues.txt", flag="name-noun")
_CUES = (
    lexicon.words("alias_cues.txt") - lexicon.words("alias_cues.txt", flag="adverb") - _NAME_NOUNS
)
_CUES |= lexicon.words("alias_cues.txt", flag="alone")
_CUES_WITH_AS = lexicon.words("alias_cues.txt", flag="as")
_ADVERBS = lexicon.words("alias_cues.txt", flag="adverb")
_NAME_NOUN_REACH = 4  # "by his nom de guerre": lower-case words before the second name
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
    _add_spaced_forms(doc, clusters, owner)


_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")


def _add_spaced_forms(doc: Doc, clusters: list[Cluster], owner: dict) -> None:
    """ "Sea Watch" where the article also writes "SeaWatch", and the other way round:
    one name with and without its space, the form the NER missed a mention too."""
    forms: dict[str, Cluster] = {}
    for cluster in clusters:
        if cluster.type not in (ActorType.ORGANIZATION, ActorType.MEDIA):
            continue
        for m in cluster.mentions:
            words = m.text.split()
            if len(words) == 1 and _CAMEL.match(m.text):
                forms.setdefault(" ".join(re.findall(r"[A-Z][a-z]+", m.text)), cluster)
            elif 2 <= len(words) <= 3 and all(w.istitle() and w.isalpha() for w in words):
                forms.setdefault("".join(words), cluster)
    if not forms:
        return
    text = doc_text(doc)
    for form, cluster in forms.items():
        for match in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            start, end = match.span()
            if any(s < end and start < e for s, e in owner):
                continue
            span = doc.char_span(start, end)
            if span is None:
                continue
            candidate = Candidate(
                span=span, start=start, end=end, text=form, label="", type=cluster.type
            )
            cluster.mentions.append(candidate)
            owner[(start, end)] = cluster


def _declared_pairs(doc: Doc) -> list[tuple[Span, Span]]:
    """(first name, second name) around each cue: the first ends before a comma or an
    open bracket, the adverbs and the cue; the second opens right after the cue."""
    pairs = []
    for cue in tokens_spelled(doc, _CUES):
        after = cue.i + 1
        if cue.lower_ in _CUES_WITH_AS:
            if after < len(doc) and doc[after].lower_ == "by":
                past_noun = _after_name_noun(doc, after + 1)
                if past_noun is None:
                    continue
                after = past_noun
            elif after >= len(doc) or doc[after].lower_ != "as":
                continue
            else:
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


def _after_name_noun(doc: Doc, begin: int) -> int | None:
    """Where the name starts in "known by the nom de guerre Abu Bakr": after a few lower-case
    words ("the", "his", "de guerre") holding a noun for a name; None without one."""
    i = begin
    named = False
    while i < len(doc) and i - begin < _NAME_NOUN_REACH and doc[i].is_lower:
        named = named or doc[i].lower_ in _NAME_NOUNS
        i += 1
    return i if named else None


def _bracketed_initials(doc: Doc, by_end: dict[int, tuple[int, int]]) -> list[tuple[Span, Span]]:
    """A name and its short form, one of them in brackets right after the other:
    "Mohammed bin Salman (MBS)"; "CEI (Italian Episcopal Conference)", the initials of a
    translation in another order; "Philippine Institute of Volcanology and Seismology
    (Phivolcs)", a short form made of the name's first syllables."""
    pairs = []
    for token in tokens_spelled(doc, ("(",), attr="ORTH"):
        close = next(
            (t.i for t in doc[token.i + 1 : token.i + 2 + _NAME_REACH] if t.text == ")"), None
        )
        if close is None or close == token.i + 1:
            continue
        inside = doc[token.i + 1 : close]
        before = _name_ending_at(doc, token.i)
        if before is None:
            continue
        if len(inside) == 1 and _short_form_of(inside.text, before.text):
            pairs.append((before, inside))
        elif len(before) == 1 and _short_form_of(before.text, inside.text):
            named = _name_starting_at(doc, token.i + 1)
            if named is not None and named.end == close:
                pairs.append((before, named))
    return pairs


def _short_form_of(short: str, name: str) -> bool:
    """Initials of the name, in its order or another (a translation: "CEI" of "Italian
    Episcopal Conference"), or a one-word short form holding the name's initials in order
    ("Phivolcs" of "Philippine Institute of Volcanology and Seismology")."""
    words = name.split()
    if len(words) < 2:
        return False
    letters = short.replace(".", "")
    if len(letters) >= 2 and letters.isupper() and letters.isalpha():
        initials = acronym(words)
        if letters == initials or sorted(letters) == sorted(initials) and len(letters) >= 3:
            return True
        # "CENTCOM" of "US Central Command", "UNIFIL" of "United Nations Interim Force in
        # Lebanon": syllables holding the initials in order, of the name without its state
        return len(letters) >= 4 and _holds_initials(letters, _without_state(words))
    if not (short.istitle() and short.isalpha() and len(short) >= 4):
        return False
    if any(fold(short) == fold(w) for w in words):
        return False  # "Institute of Seismology (Seismology)": a word of it, no short form
    # "Pagasa" of "Philippine Atmospheric Services Administration" (P, A, S, A)
    return _holds_initials(short, words)


def _holds_initials(short: str, words: list[str]) -> bool:
    """The name's initials (two at least) in order among the short form's letters, the
    first first."""
    wanted = acronym(words).lower()
    if len(wanted) < 2:
        return False
    remaining = iter(fold(short))  # "c in remaining" consumes up to c: an ordered search
    return fold(short)[0] == wanted[:1] and all(c in remaining for c in wanted)


def _without_state(words: list[str]) -> list[str]:
    """A body's name without the state it opens with: "US Central Command" -> "Central
    Command"."""
    for cut in range(min(2, len(words) - 2), 0, -1):
        head = " ".join(words[:cut])
        if country_info(head) or country_of_demonym(head):
            return words[cut:]
    return words


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
    # the same form named alone elsewhere, an actor of its own ("Pagasa said ..."): the same
    for other in {id(c): c for c in owner.values()}.values():
        if other is target or not other.mentions or other.key:
            continue
        if all(m.text == candidate.text for m in other.mentions):
            target.mentions.extend(other.mentions)
            for m in other.mentions:
                owner[(m.start, m.end)] = target
            other.mentions = []


def _titled_name(span: Span, key: tuple[int, int]) -> bool:
    """Whether the mention at `key` is the span without the titles it opens with:
    "Mahmoud Abbas" of "Palestinian President Mahmoud Abbas, also known as Abu Mazen" (a
    mention is the name without titles and nationality)."""
    start, end = key
    if end != span.end_char or start <= span.start_char:
        return False
    before = [fold(t.text) for t in span if t.idx < start]
    return bool(before) and all(
        w in TITLES or w in ROLE_NOUNS or country_of_demonym(w) is not None for w in before
    )


def _cluster_at(
    span: Span,
    owner: dict[tuple[int, int], Cluster],
    by_start: dict[int, tuple[int, int]],
    by_end: dict[int, tuple[int, int]],
) -> Cluster | None:
    """The cluster of the mention that is this span or holds it, ending or starting with it."""
    key = by_end.get(span.end_char) or by_start.get(span.start_char)
    if key is None:
        return None
    start, end = key
    if not (start <= span.start_char and span.end_char <= end) and not _titled_name(span, key):
        # a mention covering only part of the name ("Agnostics" of "Union of Rationalist
        # Atheists and Agnostics"): not the name the short form stands for
        return None
    found = owner.get(key)
    return found if found is not None and found.mentions else None
