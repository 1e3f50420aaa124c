"""A spaCy component that labels media outlets from the gazetteer as MEDIA entities.

It runs after the statistical NER and overrides it where a listed outlet is written:
the small English model calls SANA and "Daily Al-Akhbar" people and misses
"Middle East Eye" without its "the". Each entity's `kb_id_` is the outlet's canonical
name, so `gazetteer.media_info(ent.kb_id_)` gives its country, kind and ownership.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span

from .. import lexicon
from ..lexicon.gazetteer import (
    MediaOutlet,
    armed_groups,
    countries,
    country_of_capital,
    country_of_demonym,
    fold,
    media_surface_forms,
    organizations,
)
from .names import given_names
from .places import is_dateline_span, place_country

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

MEDIA_LABEL = "MEDIA"
COMPONENT = "workbench_media"

# An outlet named right before one of these is still the outlet ("told AFP Monday").
# Weekdays by their full names only: "Sun" and "Sat" are too often other words.
_CALENDAR = frozenset(lexicon.month_numbers()) | {
    entry.words[0] for entry in lexicon.entries("weekdays.txt")
}
# Labels and places in a sentence where a single title-case word is something else
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
_LOCATIVE_PREPS = lexicon.words("prepositions.txt", flag="locative")
_OUTLET_NOUNS = lexicon.words("outlet_nouns.txt", flag="near")
_VISIT_VERBS = lexicon.words("movement_verbs.txt", flag="visit")
# a state's forces after its demonym: "the Israeli army", "Iraqi security forces"
FORCE_NOUNS = tuple(row["phrase"] for row in lexicon.table("force_nouns.csv"))
# nouns of a group's members and cells: "IS fighters", "IS militants", "IS group"
_MEMBER_NOUNS = lexicon.words("group_nouns.txt") | lexicon.words("common_nouns.txt", flag="member")
_ARABIC_ARTICLE = re.compile(r"^(al|el|an|as|ash|ad|ar|at)([\-\s])(.+)$", re.IGNORECASE)


def written_forms(form: str) -> list[str]:
    """The ways the press writes one listed name.

    "Al-Akhbar" -> Al-Akhbar, Al Akhbar, al-Akhbar, al Akhbar; "The Washington Post" ->
    also "the Washington Post" and "Washington Post".
    """
    options = []
    for word in form.split(" "):
        match = _ARABIC_ARTICLE.match(word)
        if match and match.group(3)[:1].isupper():
            rest = match.group(3)
            article = match.group(1).lower()
            options.append(
                [f"{a}{sep}{rest}" for a in (article.title(), article) for sep in ("-", " ")]
            )
        else:
            options.append([word])
    forms = [" ".join(combo) for combo in itertools.product(*options)]
    if form.startswith("The "):
        rest = form[4:]
        forms.append("the " + rest)
        if " " in rest:  # a lone "Guardian" or "Independent" is too often something else
            forms.append(rest)
    for written in list(forms):
        if "'" in written:
            forms.append(written.replace("'", "\u2019"))
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=1)
def listed_forms() -> dict[str, MediaOutlet]:
    """Every way of writing every outlet, exactly as the ruler matches it."""
    forms: dict[str, MediaOutlet] = {}
    for form, outlet in media_surface_forms():
        for written in written_forms(form):
            forms.setdefault(written, outlet)
    return forms


@lru_cache(maxsize=1)
def listed_body_names() -> tuple[str, ...]:
    """Multi-word names of organisations and armed groups the small NER often misses
    or cuts ("Islamic State of Iraq and the Levant")."""
    names = []
    for body in (*organizations(), *armed_groups()):
        for form in (body.name, *body.variants):
            # "Israeli army" is found by the forces rule, which knows "Israeli army
            # operations" is no actor; a form ending in a lower-case word is left to it
            if " " in form and form[:1].isupper() and form.split()[-1] not in FORCE_NOUNS:
                names.append(form)
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=1)
def listed_acronyms() -> dict[str, str]:
    """Upper-case short names of listed countries and bodies ("USA", "ISIS", "YPG"), with
    the label they get where the NER missed them. Two letters are too often other things
    ("IS", "US" in a shouted headline)."""
    found: dict[str, str] = {}
    for body in (*organizations(), *armed_groups()):
        for form in (body.name, *body.variants):
            if len(form) >= 3 and form.isupper() and form.isalpha():
                found.setdefault(form, "ORG")
    for country in countries():
        for form in (country.name, *country.variants):
            if len(form) >= 3 and form.isupper() and form.isalpha():
                found.setdefault(form, "GPE")
    return found


@lru_cache(maxsize=1)
def short_group_acronyms() -> frozenset[str]:
    """Two-letter names of armed groups ("IS"): too short to trust alone, a name where
    a noun of the group's members follows ("IS fighters", "IS militants")."""
    return frozenset(
        form
        for body in armed_groups()
        for form in (body.name, *body.variants)
        if len(form) == 2 and form.isupper() and form.isalpha()
    )


class MediaRuler:
    """Labels gazetteer outlets MEDIA, and listed bodies' long names ORG, overriding
    overlapping NER entities."""

    def __init__(self, nlp: Language) -> None:
        self.vocab: Vocab = nlp.vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterns: dict[str, list] = {}
        for written, outlet in listed_forms().items():
            patterns.setdefault(outlet.name, []).append(nlp.make_doc(written))
        for name, docs in patterns.items():
            self.matcher.add(name, docs)
        self.bodies = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.bodies.add("ORG", [nlp.make_doc(name) for name in listed_body_names()])
        self.forces = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forces.add("FORCES", [nlp.make_doc(phrase) for phrase in FORCE_NOUNS])
        self.short_acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.short_acronyms.add("ORG", [nlp.make_doc(f) for f in short_group_acronyms()])
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        for form, label in listed_acronyms().items():
            self.acronyms.add(label, [nlp.make_doc(form)])

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label=MEDIA_LABEL, kb_id=self.vocab.strings[match_id])
            if self._accept(span):
                found.append(span)
        for _, start, end in self.bodies(doc):
            span = Span(doc, start, end, label="ORG")
            if self._accept(span):
                found.append(span)
        found += _state_forces(doc, self.forces)
        if found:
            found = _longest_first(found)
            covered = _covered(doc, found)
            kept = [e for e in doc.ents if covered.find(1, e.start, e.end) == -1]
            doc.ents = sorted(kept + found, key=lambda s: s.start)
        # "ISIS fighters", "the USA": listed acronyms the NER left untagged, never over it
        missed = []
        tagged = _covered(doc, doc.ents)
        for match_id, start, end in self.acronyms(doc):
            span = Span(doc, start, end, label=self.vocab.strings[match_id])
            if tagged.find(1, start, end) != -1:
                continue
            if not (_shouted(span) and self.vocab[span.text.lower()].is_stop):
                missed.append(span)
        missed += _datelines(doc, tagged)
        for _, start, end in self.short_acronyms(doc):
            if (
                end < len(doc)
                and doc[end].lower_ in _MEMBER_NOUNS
                and tagged.find(1, start, end) == -1
                and not _shouted(doc[start:end])
            ):
                missed.append(Span(doc, start, end, label="ORG"))
        if missed:
            doc.ents = sorted([*doc.ents, *missed], key=lambda s: s.start)
        return doc

    @staticmethod
    def _accept(span: Span) -> bool:
        doc = span.doc
        if span.end < len(doc):
            after = doc[span.end]
            # the start of a longer name: "Guardian Council", "AP Stylebook"
            if (
                after.is_title
                and after.is_alpha
                and after.lower_ not in _CALENDAR
                # "NPR Hamza bin Laden": an outlet glued to a person's name
                and fold(after.text) not in given_names()
            ):
                return False
        if span[0].lower_ in ("al", "el") and span[0].is_lower and span.start > 0:
            # "Sheikh Mishal al-Ahmad al-Sabah": a family name with its article ending a
            # person's name, not the Iraqi paper; "told al-Sabah" is the paper
            before = doc[span.start - 1]
            if before.is_title and before.is_alpha and not before.is_sent_start:
                return False
        if len(span) == 1 and not span.text.isupper():
            return not _other_sense(span)
        if len(span) == 2 and span[0].lower_ == "the" and span.end < len(doc):
            # "the Australian ex-Muslim group", "the Atlantic coast": a word modifying the
            # noun after it, not "The Australian" the paper
            after = doc[span.end]
            if after.is_alpha and after.is_lower and after.pos_ in ("NOUN", "ADJ", "PROPN"):
                return False
        return True


def _state_forces(doc: Doc, matcher: PhraseMatcher) -> list[Span]:
    """ "the Israeli army", "Iraqi security forces": a demonym and a force noun, heading
    their phrase (not "Turkish military operations", where they modify a noun)."""
    found = []
    for _, start, end in _longest_matches(matcher(doc)):
        if start == 0:
            continue
        demonym = doc[start - 1]
        if not demonym.text[:1].isupper() or country_of_demonym(demonym.text) is None:
            continue
        last = doc[end - 1]
        after = doc[end] if end < len(doc) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN") and after.is_alpha:
            continue  # "Iraqi military bases", "Turkish army deployments"
        if last.dep_ in ("compound", "amod", "nmod") and last.head.i >= end:
            continue
        if any(
            e.start <= start - 1 and e.end >= end and len(e) > end - start + 1 for e in doc.ents
        ):
            continue  # inside a longer name: "the Royal Saudi Air Force"
        found.append(Span(doc, start - 1, end, label="ORG"))
    return found


def _longest_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """ "security forces", not "forces" inside it."""
    kept: list[tuple[int, int, int]] = []
    for match in sorted(matches, key=lambda m: (m[1], -(m[2] - m[1]))):
        if kept and match[1] < kept[-1][2]:
            continue
        kept.append(match)
    return kept


def _datelines(doc: Doc, tagged: bytearray) -> list[Span]:
    """A paragraph's dateline the NER left out ("SANAA (AFP) -"): a listed place. Only
    the words in capitals are looked at, picked from the doc's arrays (a Token per word
    costs too much)."""
    found = []
    capitals = numpy.flatnonzero(doc.to_array(["IS_UPPER"]) if len(doc) else [])
    for i in capitals:
        span = doc[int(i) : int(i) + 1]
        if tagged.find(1, span.start, span.end) != -1 or not is_dateline_span(span):
            continue
        if place_country(span.text) or country_of_capital(span.text):
            found.append(Span(doc, span.start, span.end, label="GPE"))
    return found


def _shouted(span: Span) -> bool:
    """Whether the acronym sits in a stretch of capitals ("WHO CARES"), where a word that
    is also an English one ("who") is likely that word."""
    doc = span.doc
    around = [t for t in doc[max(span.start - 2, 0) : span.end + 2] if t.is_alpha]
    others = [t for t in around if t.i < span.start or t.i >= span.end]
    return any(t.is_upper and len(t) > 1 for t in others)


def _other_sense(span: Span) -> bool:
    """Whether a one-word, title-case outlet name is here something else.

    Bloomberg the man ("Michael Bloomberg ... Bloomberg said"), Petra the city ("visited
    Petra", tagged GPE); but "Sputnik reported", even when the NER calls it a person.
    """
    doc = span.doc
    token = span[0]
    near = doc[max(span.start - 2, 0) : span.start].text + " " + doc[span.end : span.end + 2].text
    if _OUTLET_NOUNS & set(near.lower().split()):
        return False  # "news agency Fars reported": said to be an outlet, whatever the NER thinks
    ner = next((e for e in doc.ents if e.start <= span.start < e.end), None)
    if ner is not None and len(ner) > 1:
        return True
    if ner is not None and ner.label_ in _PLACE_LABELS and not any(c.isdigit() for c in token.text):
        return True  # "visited Petra", "Fars province"; no place is named "Kurdistan24"
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    if token.text in surnames:
        return True
    if token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS:
        return True
    return token.dep_ == "dobj" and token.head.lemma_.lower() in _VISIT_VERBS


def _covered(doc: Doc, spans: Iterable[Span]) -> bytearray:
    """One flag per token, set where one of `spans` lies: overlap tests become lookups."""
    flags = bytearray(len(doc) + 1)
    for span in spans:
        flags[span.start : span.end] = b"\x01" * (span.end - span.start)
    return flags


def _longest_first(spans: list[Span]) -> list[Span]:
    chosen: list[Span] = []
    if not spans:
        return chosen
    taken = bytearray(len(spans[0].doc) + 1)
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if taken.find(1, span.start, span.end) == -1:
            chosen.append(span)
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    return chosen


@Language.factory(COMPONENT)
def make_media_ruler(nlp: Language, name: str) -> MediaRuler:
    return MediaRuler(nlp)
