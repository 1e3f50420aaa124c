"""English names for bodies found by their head noun (`bodies.py`), as the English press
writes them: "المديرية العامة للوقاية المدنية" is the "General Directorate of Civil
Protection", "حكومة الوحدة الوطنية" the "Government of National Unity" (the words in
`ar_body_words.csv`). The Arabic name is a head noun and what it is of (in construct or
after ل), each with its adjectives; the English puts each adjective before its noun and
joins the nouns with "of" ("and" after و). A demonym is the body's country ("Iraqi ...").
A name with a word not in the list is left to the romaniser (None)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ... import lexicon
from .gazetteer import Match, demonym_country
from .tokens import Token, normal, without_article


@lru_cache(maxsize=1)
def _words() -> dict[tuple[str, ...], tuple[str, str]]:
    """Arabic words (normal form, no article) -> (English, kind)."""
    return {
        tuple(without_article(normal(w)) for w in r["arabic"].split()): (r["english"], r["kind"])
        for r in lexicon.table("ar_body_words.csv")
    }


@lru_cache(maxsize=1)
def _befores() -> dict[str, str]:
    """Head nouns (normal form) -> their English before noun adjuncts (هيئة: Authority)."""
    return {
        without_article(normal(r["arabic"])): r["before"]
        for r in lexicon.table("ar_body_words.csv")
        if r.get("before")
    }


@dataclass
class _Noun:
    english: str
    adjectives: list[str] = field(default_factory=list)
    joined_by: str = "of"
    adjunct: bool = False  # a field ("Broadcasting") or a known place: may stand before the head

    def text(self) -> str:
        return " ".join((*self.adjectives, self.english))


def english_name(
    tokens: list[Token],
    first: int,
    last: int,
    inside: dict[int, Match],
    adjective_of: Callable[[str], str],
) -> str | None:
    """The English name of the body whose Arabic name is tokens `first`..`last`; `inside`:
    the gazetteer's bodies and places within it by first token (their own names);
    `adjective_of`: a country's English adjective ("Iraqi")."""
    words = _words()
    nouns: list[_Noun] = []
    head_adjectives: list[str] = []
    country: str | None = None
    k = first
    construct = False
    while k <= last:
        token = tokens[k]
        if k in inside and demonym_country(token) is not None and inside[k].last == k:
            country = demonym_country(token)  # "السورية", though the gazetteer has it: Syrian
            k += 1
            continue
        if k in inside:
            # a known place in construct may stand before the head ("Suez Canal Authority");
            # after ل it keeps "of"
            clitic_on = inside[k].start > token.start
            nouns.append(_Noun(inside[k].entry.name, adjunct=not clitic_on))
            k, construct = inside[k].last + 1, False
            continue
        found = _reading(tokens, k, last, words)
        if found is None:
            if demonym_country(token) is None:
                return None
            country = demonym_country(token)
            k += 1
            continue
        clitic, bare, english, kind, step = found
        if kind in ("noun", "field", "field-media"):
            joined = "and" if clitic == "و" else "of"
            if nouns and not (construct or clitic):
                return None  # two nouns side by side that the grammar above cannot join
            # "هيئة البث" in construct: Broadcasting Authority; "للطيران المدني" after ل keeps
            # "of" (General Authority of Civil Aviation)
            field_word = kind.startswith("field")
            nouns.append(_Noun(english, joined_by=joined, adjunct=field_word and not clitic))
            construct = bare
        elif not nouns or (
            kind == "head-adjective"
            and (len(nouns) == 1 or _feminine(tokens[first]) == _feminine(token))
        ):
            # "هيئة النزاهة الاتحادية": the commission is federal; but "المديرية العامة
            # للأمن العام": العام is masculine, the security's, not the directorate's
            # (General Directorate of General Security)
            head_adjectives.append(english)
        else:
            nouns[-1].adjectives.append(english)
        k += step
    if not nouns:
        return None
    nouns[0].adjectives[:0] = head_adjectives
    before = _befores().get(without_article(tokens[first].norm)) or next(
        (_befores()[without_article(w)] for _, w in tokens[first].readings()
         if without_article(w) in _befores()),
        None,
    )  # fmt: skip
    rest = nouns[1:]
    if before and rest and all(n.adjunct and n.joined_by == "of" for n in rest):
        # "هيئة البث الإسرائيلية": Israeli Broadcasting Authority; "مؤسسة موانئ البحر
        # الأحمر": Red Sea Ports Corporation (the genitives before the head, last first)
        name = " ".join(n.text() for n in reversed(rest))
        name = " ".join((*nouns[0].adjectives, name, before))
        return f"{adjective_of(country)} {name}" if country else name
    name = nouns[0].text()
    for noun in nouns[1:]:
        name += f" {noun.joined_by} {noun.text()}"
    return f"{adjective_of(country)} {name}" if country else name


def _feminine(token: Token) -> bool:
    """Whether a noun or adjective has the feminine ending ة (ه in normal form)."""
    return token.norm.endswith("ه")


def word_reading(tokens: list[Token], k: int, last: int) -> tuple[str, bool, str, str, int] | None:
    """(clitic, bare, English, kind, words read) for the word at `k` in the body-word list."""
    return _reading(tokens, k, last, _words())


def is_adjective(token: Token) -> bool:
    """Whether a word is an adjective of a body's name the list reads (الوطني، العليا)."""
    return any(
        _words().get((without_article(w),), ("", ""))[1] in ("adjective", "head-adjective")
        for _, w in token.readings()
    )


def broadcasts(tokens: list[Token], first: int, last: int) -> bool:
    """Whether a body's name holds a broadcaster's field (البث): the body is an outlet."""
    return any(
        (found := _reading(tokens, k, last, _words())) is not None and found[3] == "field-media"
        for k in range(first, last + 1)
    )


def is_common_word(token: Token) -> bool:
    """Whether a word is one of a body's common words (ar_body_words.csv: جنوب، وطني ...)."""
    return any((without_article(w),) in _words() for _, w in token.readings())


def _reading(
    tokens: list[Token], k: int, last: int, words: dict[tuple[str, ...], tuple[str, str]]
) -> tuple[str, bool, str, str, int] | None:
    """(clitic, bare: no article, English, kind, words read) for the word at `k`, the word
    itself read first ("وحدة" is unity, not و + حدة), then without its clitics."""
    token = tokens[k]
    after = without_article(tokens[k + 1].norm) if k < last else None
    for skipped, word in token.readings():
        key = without_article(word)
        clitic = token.text[:1] if skipped else ""
        if after is not None and (key, after) in words:  # "حقوق الإنسان": Human Rights
            return (clitic, not word.startswith("ال"), *words[(key, after)], 2)
        if (key,) in words:
            return (clitic, not word.startswith("ال"), *words[(key,)], 1)
    return None
