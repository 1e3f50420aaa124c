"""Places the NER mistakes for people or bodies: towns and cities of the region
(`places_middle_east.csv`, from GeoNames), first-level regions of some countries
(`places_regions.csv`, from Faker: "Tasmania"), and datelines ("BAGHDAD (Reuters) -").

The small model calls "Abha" and "Sanaa" people and "BAGHDAD" an organisation; a listed
place name is a place unless the text makes it a person (a title before it, another
word of a person's name with it) or the list of bodies knows it first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy

from .. import lexicon
from ..lexicon.gazetteer import name_key
from .spans import DATELINE_ENDS, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# what follows a dateline: "BAGHDAD (Reuters) -", "CAIRO:", "SANAA, Yemen --"
_DATELINE_END = ("(", ":", "-", "\u2014", "\u2013", ",")


@lru_cache(maxsize=1)
def _place_countries() -> dict[str, str]:
    found: dict[str, str] = {}
    # the region's towns first, then the first-level regions of other countries ("Tasmania")
    rows = lexicon.table("places_middle_east.csv") + lexicon.table("places_regions.csv")
    for row in rows:
        for form in (row["name"], *(row["variants"] or "").split("|")):
            if form:
                # the first row wins: the file lists the bigger place of a name first
                found.setdefault(name_key(form), row["country"])
    return found


def place_country(name: str) -> str | None:
    """The country of a listed place called `name` ("Abha" -> Saudi Arabia), if any."""
    places = _place_countries()
    key = name_key(name)
    found = places.get(key)
    if found is None and key.endswith("ah"):
        found = places.get(key[:-1])  # the Arabic ending written -ah or -a: Hodeidah, Hodeida
    elif found is None and key.endswith("a"):
        found = places.get(key + "h")
    return found


def is_dateline_span(span: Span) -> bool:
    """Whether the capitals of `span` open a paragraph as its dateline: "BAGHDAD (Reuters)
    -", "CAIRO:", "SANAA, Yemen --", or a place in small letters before an agency in
    brackets, "Jerusalem (AFP) -" (read from the tokens: Doc.text would join the whole
    text anew for every mention)."""
    doc = span.doc
    if len(span.text) < 3:
        return False
    if span.start > 0:
        before = doc[span.start - 1]
        if not (before.is_space and "\n" in before.text) and "\n" not in before.whitespace_:
            return False
    if span.end >= len(doc) or doc[span.end].text[:1] not in _DATELINE_END:
        return False
    # capitals need only what follows; small letters, an agency or a country and a dash
    return span.text.isupper() or _before_an_agency(span)


_DATELINE_PARTS = 2  # "Cairo, Egypt, Oct 3 (AFP)": a country, then a date, each after a comma
_DATELINE_PART_WORDS = 4  # "United Arab Emirates", "Oct. 3"


def _before_an_agency(span: Span) -> bool:
    """ "Jerusalem (AFP) -", "Baghdad, Iraq -", "Cairo, Oct 3 (AFP) -": a place in small
    letters is a dateline only where its country or date after a comma (at most two, a few
    words each) ends at an agency in brackets or a dash (capitals need only the dash)."""
    doc = span.doc
    i = span.end
    parts = 0
    while i < len(doc) and doc[i].text == "," and parts < _DATELINE_PARTS:
        end = i + 1
        while (
            end < len(doc)
            and end - i <= _DATELINE_PART_WORDS
            and doc[end].ent_type_
            in (
                "GPE",
                "DATE",
            )
        ):
            end += 1
        if end == i + 1:
            return False  # "Aleppo, which ...": no country or date after the comma
        i, parts = end, parts + 1
    if i >= len(doc):
        return False
    if doc[i].text == "(":
        return i + 1 < len(doc) and doc[i + 1].ent_type_ == "MEDIA"
    return parts > 0 and doc[i].text in DATELINE_ENDS


_DATELINE_WORDS = 4  # "RAS AL-AIN", "GAZA CITY", "NEW YORK CITY": a dateline's place


def dateline_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of the places of paragraph datelines written in capitals:
    "GAZA CITY (AP) --", "RAS AL-AIN, Syria (AFP) -". A run of capitals before an
    agency in brackets is a dateline whatever its words; before a dash, a colon or a
    comma only where the NER or the place list says a place (a line "BREAKING:" is not)."""
    found = []
    for start in _paragraph_starts(doc):
        end = start
        while end < len(doc) and end - start < _DATELINE_WORDS and _capitals(doc[end]):
            end += 1
        if end == start or end >= len(doc) or end - start == len(doc):
            continue
        after = doc[end]
        bracketed = after.text == "(" and end + 1 < len(doc) and doc[end + 1].ent_type_ == "MEDIA"
        placed = any(t.ent_type_ in ("GPE", "LOC") for t in doc[start:end]) or bool(
            place_country(doc[start:end].text)
        )
        if bracketed or (after.text[:1] in _DATELINE_END and placed):
            found.append((start, end))
    return found


def _paragraph_starts(doc: Doc) -> list[int]:
    """The first word of each line, found from the text's line breaks (a Token per word
    costs more than the rule)."""
    if not len(doc):
        return []
    offsets = doc.to_array("IDX")
    text = doc_text(doc)
    starts = {0}
    at = text.find("\n")
    while at != -1:
        i = int(numpy.searchsorted(offsets, at + 1))
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i < len(doc):
            starts.add(i)
        at = text.find("\n", at + 1)
    return sorted(starts)


def _capitals(token: Token) -> bool:
    text = token.text.replace("-", "")
    return len(text) >= 2 and text.isalpha() and text.isupper()
