"""A state's forces and coalitions written with more than the demonym and the force noun.

The media component finds "the Israeli army" and "Jordanian border guards" (a demonym
right before a force noun of lexicon/force_nouns.csv). The press also writes a modifier
between them ("the Iraqi federal police", "Lebanese internal security forces", "Syrian
government forces") and names coalitions by their leader ("the Saudi-led coalition",
"US-led forces"): the whole phrase, the nationality included, is one collective actor.
So are a people's fighters ("Alawite militiamen", "Kurdish fighters": lexicon/peoples.txt),
where the people's word alone would be no actor, or the wrong one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import country_info, country_of_demonym
from .spans import tokens_spelled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FORCE_KINDS = {row["phrase"]: row["kind"] for row in lexicon.table("force_nouns.csv")}
_LAST_WORDS = frozenset(phrase.split()[-1] for phrase in FORCE_KINDS)
_MODIFIERS = 2  # "internal security", "federal": words between the demonym and the noun
_PEOPLES = lexicon.words("peoples.txt")
_FIGHTERS = lexicon.words("armed_acts.txt", flag="member")
# The leader is one character or ends with a non-space: the shortest leader never ends with
# a space past its first character (the "\s*" takes it), so the match is the same as with
# ".+?", but a long run of spaces is no longer scanned again from each of its characters.
_LED = re.compile(r"^(?P<leader>.|.*?\S)\s*-\s*led\s+(?P<rest>.+)$", re.IGNORECASE)


def state_of(word: str) -> str | None:
    """The country a demonym or a country's name stands for: "Saudi", "US", "Iraqi"."""
    country = country_of_demonym(word) or country_info(word)
    return country.name if country else None


def force_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of forces named with a modifier or by their leader."""
    found = []
    for token in tokens_spelled(doc, _LAST_WORDS):
        if token.ent_type_:
            continue
        start = _phrase_start(token)
        if start is None:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN") and after.is_alpha:
            continue  # "the Saudi-led coalition's air strikes" is fine; "coalition forces" no
        found.append((start, token.i + 1))
    return found


def _phrase_start(noun: Token) -> int | None:
    doc = noun.doc
    phrase_start = next(
        (
            noun.i - n + 1
            for n in (3, 2, 1)
            if noun.i - n + 1 >= 0 and doc[noun.i - n + 1 : noun.i + 1].text.lower() in FORCE_KINDS
        ),
        None,
    )
    if phrase_start is None:
        return None
    i = phrase_start - 1
    # "Saudi-led coalition": the leader, a hyphen and "led"
    if i >= 2 and doc[i].lower_ == "led" and doc[i - 1].text == "-":
        leader = doc[i - 2]
        return leader.i if leader.text[:1].isupper() and state_of(leader.text) else None
    modifiers = 0
    while i >= 0 and modifiers < _MODIFIERS and _a_modifier(doc[i], noun):
        i -= 1
        modifiers += 1
    if modifiers == 0 or i < 0:
        return None  # with no modifier the media component has it already
    demonym = doc[i]
    if not demonym.text[:1].isupper() or country_of_demonym(demonym.text) is None:
        return None
    return i


def _a_modifier(token: Token, noun: Token) -> bool:
    """A lower-case word modifying the force noun: "federal", "internal", "government"."""
    return (
        token.is_alpha
        and token.is_lower
        and token.dep_ in ("amod", "compound")
        and token.head.i <= noun.i
        and token.head.i > token.i
    )


def forces_name(text: str) -> tuple[str, str] | None:
    """(name, kind) of a force phrase: "Saudi-led coalition" -> ("Saudi-led coalition",
    "coalition"); "Iraqi federal police" -> ("Iraqi federal police", "police")."""
    led = _LED.match(text)
    if led:
        kind = FORCE_KINDS.get(led.group("rest").lower())
        if kind is None or state_of(led.group("leader")) is None:
            return None
        return f"{led.group('leader')}-led {led.group('rest').lower()}", kind
    words = text.split()
    if len(words) < 3 or country_of_demonym(words[0]) is None:
        return None
    for n in (3, 2, 1):
        tail = " ".join(words[-n:]).lower()
        if len(words) - n >= 2 and tail in FORCE_KINDS:
            return f"{words[0]} {' '.join(words[1:]).lower()}", FORCE_KINDS[tail]
    return None


def fighters_of_peoples(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of a people's fighters: "Alawite militiamen", "Sunni
    tribesmen" (the people's word modifying the fighters' noun right after it)."""
    found = []
    for noun in tokens_spelled(doc, _FIGHTERS):
        if noun.i == 0:
            continue
        people = doc[noun.i - 1]
        if (
            people.is_title
            and people.lower_ in _PEOPLES
            and people.head.i == noun.i
            and people.dep_ in ("amod", "compound", "nmod")
        ):
            found.append((people.i, noun.i + 1))
    return found
