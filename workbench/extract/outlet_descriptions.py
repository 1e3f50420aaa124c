"""Outlets named only by what they are: "Iran's official news agency" is IRNA.

Wire copy often names a state outlet by its description ("the Syrian state news agency",
"Turkey's state-run news agency, citing security sources, said ..."). The description
says a country (a possessive or a demonym), a kind of outlet (its noun: agency,
television, newspaper) and often its standing ("state", "official"); the gazetteer knows
every listed outlet's country, kind and ownership, so a description that fits one outlet
only is a mention of it. Where a country has several outlets of a kind,
`outlet_descriptions.csv` says which words single one out ("official" is IRNA,
"semi-official" is none in particular); a description that still fits several names
nobody, rather than a guess.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import MediaOutlet, country_info, country_of_demonym, media_outlets
from . import media_ruler
from .actor_mentions import Candidate
from .spans import tokens_spelled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_STANDING = lexicon.words("outlet_description_words.txt", flag="standing")
_FILLERS = lexicon.words("outlet_description_words.txt", flag="filler")


@lru_cache(maxsize=1)
def _kind_of_noun() -> dict[str, str]:
    nouns = {
        "agency": lexicon.words("outlet_nouns.txt", flag="agency"),
        "broadcaster": lexicon.words("outlet_nouns.txt", flag="broadcaster"),
        "newspaper": lexicon.words("outlet_nouns.txt", flag="newspaper"),
    }
    return {noun: kind for kind, words in nouns.items() for noun in words}


@lru_cache(maxsize=1)
def _described_as() -> dict[str, frozenset[str]]:
    return {
        row["outlet"]: frozenset(w.strip() for w in row["described_as"].split("|") if w.strip())
        for row in lexicon.table("outlet_descriptions.csv")
    }


def outlet_described(country: str, kind: str, standing: frozenset[str]) -> MediaOutlet | None:
    """The one listed outlet of `country` and `kind` that the words of `standing` fit."""
    fitting = [o for o in media_outlets() if o.country == country and o.kind == kind]
    if standing:
        fitting = [o for o in fitting if o.state_run]
    if len(fitting) > 1 and standing:
        described = _described_as()
        fitting = [o for o in fitting if described.get(o.name, frozenset()) & standing]
    return fitting[0] if len(fitting) == 1 else None


def described_outlets(doc: Doc) -> list[Candidate]:
    """Mentions of listed outlets written as descriptions without a name; the mention is
    the description after its country ("Egypt's [state news agency]"), so the country
    keeps its own mention."""
    found = []
    kinds = _kind_of_noun()
    for head in tokens_spelled(doc, kinds):
        if head.pos_ != "NOUN" or _named_beside(head):
            continue
        words = _description(head)
        if words is None:
            continue
        country, first, standing = words
        outlet = outlet_described(country, kinds[head.lower_], standing)
        if outlet is None:
            continue
        span = doc[first : head.i + 1]
        found.append(
            Candidate(
                span=span,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                label=media_ruler.MEDIA_LABEL,
                canonical=outlet.name,
            )
        )
    return found


def _description(head: Token) -> tuple[str, int, frozenset[str]] | None:
    """(country, first token of the mention, words of standing) of the words before the
    outlet noun, or None when they are not a description of a country's outlet."""
    doc = head.doc
    country = None
    first = head.i
    standing: set[str] = set()
    i = head.i - 1
    while i >= max(0, head.i - 7):
        token = doc[i]
        word = token.lower_
        if word in ("'s", "\u2019s") and i > 0:
            country = _country_before(doc, i)
            break
        demonym = country_of_demonym(token.text) if token.text[:1].isupper() else None
        if demonym is not None:
            country, first = demonym.name, i + 1
            if i > 0 and doc[i - 1].lower_ in _STANDING:
                standing.add(doc[i - 1].lower_)  # "the official Saudi news agency"
            break
        joined = _hyphenated(doc, i)
        if word in _STANDING or joined in _STANDING:
            standing.add(joined if joined in _STANDING else word)
        elif word not in _FILLERS:
            return None  # "the agency", "its own news agency": no country, no description
        first = i
        i -= 1
    if country is None:
        return None
    # "Egypt's [state news agency]": the mention starts after the country's words
    while first < head.i and doc[first].lower_ in ("'s", "\u2019s"):
        first += 1
    return country, first, frozenset(standing)


def _hyphenated(doc: Doc, i: int) -> str:
    """ "state-run" as one word, from any of its three tokens."""
    start = i
    while start > 0 and (doc[start].text == "-" or doc[start - 1].text == "-"):
        start -= 1
    end = i
    while end + 1 < len(doc) and (doc[end].text == "-" or doc[end + 1].text == "-"):
        end += 1
    return "".join(t.lower_ for t in doc[start : end + 1])


def _country_before(doc: Doc, possessive: int) -> str | None:
    """The country named right before "'s": "Iran's", "Saudi Arabia's"."""
    for length in (1, 2, 3):
        start = possessive - length
        if start < 0:
            break
        country = country_info(doc[start:possessive].text)
        if country is not None:
            return country.name
    return None


def _named_beside(head: Token) -> bool:
    """ "Syria's state news agency SANA", "the news agency Fars": the outlet is named, and
    its name is the mention."""
    doc = head.doc
    near = doc[max(0, head.i - 3) : min(len(doc), head.i + 3)]
    return any(t.ent_type_ == media_ruler.MEDIA_LABEL for t in near)


__all__ = ["described_outlets", "outlet_described"]
