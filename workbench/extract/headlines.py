"""Headline labels: the name before a headline's colon, and what it is.

"Lavrov: talks with Kyiv are stalled" credits the rest of the line to Lavrov, while
"Coronavirus: cases rise" and "Hurricane Dorian: thousands flee" only name the topic.
Of the 343 headlines of the corpora the repository carries (Wikinews, GUM, the sample
articles), the seven English "X:" labels are all topics ("Study:", "Lion Air disaster:",
"2020 United States presidential election:"); regional wire headlines ("Erdogan: ...",
"Hezbollah: ...") put a speaker there. A label the NER names is read as that actor by
`claims`. One it leaves unnamed is, by `label_kind`:
- a topic: a section label or a word of events, diseases and storms
  (`headline_labels.txt`), a place, or a word the article also writes in lower case
  ("the coronavirus spread", "the storm hit"): a name is capitalised wherever it stands;
- an unnamed source: one noun of people, bodies or documents ("Police:", "Officials:");
- else a person's name ("Pelosi:", "Lavrov:"), which `headline_people` makes an actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from .. import lexicon
from ..lexicon.gazetteer import country_info
from ..model import ActorType
from .actor_mentions import Candidate
from .aliases import Cluster
from .places import place_country
from .speech import COLLECTIVE_NOUNS, DOCUMENT_NOUNS, GOVERNMENT_NOUNS, PERSON_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A line with no full stop, short, a name alone before the colon.
_HEADLINE = re.compile(r"(?m)^[ \t]*(?P<who>[^\n:]{2,60}?)[ \t]*:[ \t]+(?P<what>[^\n]{10,200})$")
_TOPIC_WORDS = lexicon.words("headline_labels.txt")
_SOURCE_NOUNS = PERSON_NOUNS | COLLECTIVE_NOUNS | GOVERNMENT_NOUNS | DOCUMENT_NOUNS

LabelKind = Literal["person", "source", "topic"]


def headline_labels(text: str) -> Iterator[re.Match[str]]:
    """Each headline line that credits its content with a colon: the label is group
    "who", the content "what" (datelines in capitals, "CAIRO: ...", are not labels)."""
    for match in _HEADLINE.finditer(text):
        what = match["what"].rstrip()
        if what[-1:] in ".!?;" or len(what.split()) < 3 or match["who"].isupper():
            continue
        yield match


def label_kind(who: str, text: str, after: int) -> LabelKind | None:
    """What a label the NER left unnamed is (module docstring); None for a label of
    more than two words or not written as a name, which only a named actor makes a
    speaker. `after` is where the label ends in `text`."""
    words = who.split()
    if not 0 < len(words) <= 2 or not all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words
    ):
        return None
    lower = [w.lower() for w in words]
    if any(w in _TOPIC_WORDS for w in lower):
        return "topic"
    if place_country(who) is not None or country_info(who) is not None:
        return "topic"
    singular = {lower[0], lower[0].removesuffix("s"), lower[0].removesuffix("es")}
    if len(words) == 1 and singular & _SOURCE_NOUNS:
        return "source"
    rest = text[after:]
    if any(re.search(rf"\b{re.escape(w)}\b", rest) for w in lower):
        return "topic"
    return "person"


def headline_people(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """A label that is a person's name and no actor's mention yet ("Pelosi: ..." where
    the NER was silent and the article never gives the full name) becomes a person."""
    taken = [(m.start, m.end) for c in clusters for m in c.mentions]
    for match in headline_labels(text):
        start, end = match.span("who")
        if any(s < end and start < e for s, e in taken):
            continue
        if label_kind(match["who"], text, end) != "person":
            continue
        span = doc.char_span(start, end)
        if span is None:
            continue
        mention = Candidate(
            span=span, start=start, end=end, text=span.text, label="", type=ActorType.PERSON
        )
        clusters.append(Cluster(mentions=[mention], type=ActorType.PERSON))
