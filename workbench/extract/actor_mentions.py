"""Candidate mentions: spaCy's entities trimmed, split and relabelled by the document.

The small model's entities need work before they are mentions: no leading "the", no
possessive, no open bracket; "Ukraine Volodymyr Zelenskyy" and "Biden and Sanders" are
two mentions each; a label the NER got wrong in one place is corrected by the same name's
other mentions ("Bolden" tagged GPE after "Charles Bolden").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import (
    armed_group_info,
    country_info,
    country_of_capital,
    fold,
    media_info,
    name_key,
    organization_info,
)
from ..model import ActorType
from . import media_ruler
from .armed_acts import (
    a_group_here,
    acts_armed,
    group_name_spans,
    struck_places,
    untagged_name,
)
from .forces import fighters_of_peoples, force_spans
from .names import (
    ORG_HEADS,
    ROLE_NOUNS,
    TITLES,
    acronym,
    core_words,
    given_names,
    listed_person,
    looks_like_person_name,
)
from .places import dateline_spans, place_country
from .spans import capitalised_outside_entities, doc_text, tokens_spelled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "NORP"})
# the NER's labels for a foreign name it did not know ("Jabal Mohsen" a product); not
# EVENT or LAW, which it gives rightly ("the World Cup area", "the Olympics village")
_NO_ACTOR_NAME_LABELS = frozenset({"PRODUCT", "WORK_OF_ART"})


_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$")


_CLOCK_WORDS = lexicon.words("clock_words.txt")
_VESSEL_NOUNS = lexicon.words("common_nouns.txt", flag="vessel")
_SHIP_PREFIXES = lexicon.words("ship_prefixes.txt")
# common nouns that open a sentence capitalised: "Media reported", "Strikes hit"
_COMMON_NOUNS = frozenset().union(
    *(
        lexicon.words(name)
        for name in (
            "common_nouns.txt",
            "outlet_nouns.txt",
            "person_nouns.txt",
            "collective_nouns.txt",
            "government_nouns.txt",
            "group_nouns.txt",
            "document_nouns.txt",
        )
    )
)


# "COVID-19", "H5N1-2": a code, not a name
_CODE = re.compile(r"^[A-Za-z]+-?\d+[A-Za-z]?$")


@dataclass
class Candidate:
    """A mention being worked on: its span, what it is, and which cluster it joins."""

    span: Span
    start: int
    end: int
    text: str
    label: str
    type: ActorType | None = None
    key: str | None = None  # set for fixed names: "country:Egypt", "media:Reuters"
    canonical: str | None = None
    # a place by coordination with a country ("Crete" of "Crete and Cyprus")
    beside_country: bool = False
    # typed only by the NER's label, no rule's evidence (actor_types.classify's last line)
    by_default: bool = False


def candidates_of(doc: Doc) -> list[Candidate]:
    """The document's name entities as candidate mentions, in text order."""
    found = [m for ent in doc.ents for m in _mentions(ent)]
    found += _untagged_countries(doc)
    found += _untagged_armed_groups(doc)
    found += _untagged_people(doc)
    found = _with_forces(doc, found)
    found = _with_group_names(doc, found)
    found = _with_datelines(doc, found)
    found = _untagged_struck_places(doc, found)
    found = _names_of_defined_acronyms(doc, found)
    found.sort(key=lambda m: m.start)
    found = _bodies_across_for_and_of(doc, found)
    found = _split_pairs_of_people(found)
    found = _drop_bracketed_first_names(found)
    found = _split_coordinated_places(found)
    found = _split_joined_towns(found)
    found = _without_ships(doc, found)
    found = _national_editions(found)
    found += _untagged_coordinated_places(doc, found)
    found += _untagged_places_before_a_place_noun(doc, found)
    found += _untagged_places_a_place_noun_is_of(doc, found)
    found.sort(key=lambda m: m.start)
    _relabel_from_other_mentions(found)
    return found


def _without_overlaps(
    doc: Doc, found: list[Candidate], spans: list[tuple[int, int]]
) -> list[Candidate]:
    """`found` without the mentions overlapping one of the token `spans`: one flag per
    token, so a long text with many of each stays linear."""
    if not spans:
        return found
    flags = bytearray(len(doc) + 1)
    for start, end in spans:
        flags[start:end] = b"\x01" * (end - start)
    return [m for m in found if flags.find(1, m.span.start, m.span.end) == -1]


def _with_forces(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "the Iraqi federal police", "the Saudi-led coalition", "Alawite militiamen": the
    whole phrase is the actor, in place of the nationality the NER tagged in it (forces.py)."""
    spans = [(s, e, "ORG") for s, e in force_spans(doc)]
    # "Alawite militiamen": a people, typed a group as "Syrians" are (_classify_norp)
    spans += [(s, e, "NORP") for s, e in fighters_of_peoples(doc)]
    if not spans:
        return found
    added = [m for s, e, label in spans if (m := _mention(doc, s, e, label)) is not None]
    return _without_overlaps(doc, found, [(a.span.start, a.span.end) for a in added]) + added


def _with_group_names(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "Fighters of Liwa al-Quds", "Jabhat Ansar al-Din fighters": an armed group's whole
    name, opening with the kind of unit, in place of the shorter name the NER tagged inside
    it (armed_acts.group_name_spans); actor_types types it a group."""
    spans = group_name_spans(doc)
    if not spans:
        return found
    added = [m for s, e in spans if (m := _mention(doc, s, e, "ORG")) is not None]
    return _without_overlaps(doc, found, [(a.span.start, a.span.end) for a in added]) + added


def _untagged_struck_places(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "fired rockets at Ofakim", "arrested in Beita": a name where an armed act fell or
    happened, the NER silent or giving it a label of no actor, is a place
    (armed_acts.struck_places). A lone NORP there ("near Heish") gives way to it."""
    spans = struck_places(doc)
    if not spans:
        return found
    norp = [m for m in found if m.label == "NORP"]
    if norp:
        dropped = {id(m) for m in norp} - {id(m) for m in _without_overlaps(doc, norp, spans)}
        found = [m for m in found if id(m) not in dropped]
    taken = {i for m in found for i in range(m.span.start, m.span.end)}
    for start, end in spans:
        if taken.isdisjoint(range(start, end)):
            mention = _mention(doc, start, end, "GPE")
            if mention is not None:
                found.append(mention)
                taken.update(range(start, end))
    return found


def _with_datelines(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "GAZA CITY (AP) --": the dateline's whole place, never an actor's name, in place
    of the part the NER tagged (places.dateline_spans)."""
    spans = dateline_spans(doc)
    if not spans:
        return found
    added = [m for s, e in spans if (m := _mention(doc, s, e, "GPE")) is not None]
    places = {(a.start, a.end) for a in added}
    for mention in found:
        if (mention.start, mention.end) in places:
            mention.label = "GPE"  # "MOGADISHU (Reuters)" the NER called a body: the place
    same = {(m.start, m.end) for m in found}
    added = [a for a in added if (a.start, a.end) not in same]
    return _without_overlaps(doc, found, [(a.span.start, a.span.end) for a in added]) + added


def _untagged_coordinated_places(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "the villages of Kafr Nabudah and Hbit": the NER's entity stops before "and"; the
    capitalised name joined to it under the same place noun is a place too."""
    taken = {i for m in found for i in range(m.span.start, m.span.end)}
    added = []
    for mention in found:
        span = mention.span
        if not _after_a_place_noun(span):
            continue
        for conj in span.root.conjuncts:
            if conj.i < span.end or conj.i in taken or not conj.is_title:
                continue
            if conj.pos_ != "PROPN" or conj.ent_type_:
                continue
            start = end = conj.i
            while (
                start - 1 >= span.end
                and doc[start - 1].dep_ == "compound"
                and doc[start - 1].is_title
            ):
                start -= 1
            candidate = _mention(doc, start, end + 1, "GPE")
            if candidate is not None:
                added.append(candidate)
                taken.update(range(start, end + 1))
    return added


def _untagged_places_before_a_place_noun(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "the Qalamoun mountains", "the Souq al-Juma district", "Nur Shams camp": capitalised
    words the NER left untagged, compounded with a kind of place written in small letters,
    name that place; before a camp, a base or a port (place_nouns.txt +ownable) only words
    of no person named in the text ("the Trump camp"). Words the NER tagged a product or a
    work count as untagged ("the Jabal Mohsen neighbourhood", a product to it). Only the
    tokens spelled as a kind of place, or with one as their lemma, are read (picked from
    the doc's arrays)."""
    nouns = {
        t.i: t
        for t in (
            *tokens_spelled(doc, _PLACE_KIND_NOUNS),
            *tokens_spelled(doc, _PLACE_KIND_NOUNS, attr="LEMMA"),
        )
    }
    if not nouns:
        return []
    taken = {i for m in found for i in range(m.span.start, m.span.end)}
    added = []
    people_words: set[str] | None = None  # the words of the people named, read once if needed
    for _, noun in sorted(nouns.items()):
        if noun.pos_ != "NOUN" or not noun.is_lower or noun.i in taken:
            continue
        if not {noun.lemma_.lower(), noun.lower_} & _PLACE_KIND_NOUNS:
            continue
        start = noun.i
        while (
            start > 0
            and doc[start - 1].dep_ == "compound"
            and start <= doc[start - 1].head.i <= noun.i
            and doc[start - 1].i not in taken
            and _name_word(doc[start - 1], no_actor_label=True)
        ):
            start -= 1
        if start == noun.i or not doc[start].is_title:
            continue
        if noun.lemma_.lower() in _OWNABLE_PLACE_NOUNS or noun.lower_ in _OWNABLE_PLACE_NOUNS:
            if people_words is None:
                people_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e}
            if any(t.lower_ in people_words for t in doc[start : noun.i]):
                continue  # "the Trump camp", "Donald Trump" named here: his following
            if noun.i - start == 1 and (
                listed_person(doc[start].text) or place_country(doc[start].text) is None
            ):
                continue  # "the Sadr camp": a leader's; one word needs a listed place
        candidate = _mention(doc, start, noun.i, "GPE")
        if candidate is not None:
            added.append(candidate)
            taken.update(range(start, noun.i))
    return added


def _untagged_places_a_place_noun_is_of(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "the Kurdish-held town of Manbij" (the NER calls it a product), "the villages of
    Kafr Batna and Hazzeh": the names a kind of place is "of", which the NER left untagged
    or gave a label of no actor, are places. Only the tokens spelled "of" are read."""
    added: list[Candidate] = []
    taken: set[int] | None = None
    for of in tokens_spelled(doc, ("of",)):
        noun = of.head
        if noun.i != of.i - 1 or noun.pos_ != "NOUN" or not noun.is_lower:
            continue
        if not {noun.lemma_.lower(), noun.lower_} & _PLACE_KIND_NOUNS:
            continue
        for obj in of.children:
            if obj.dep_ != "pobj":
                continue
            for name in (obj, *(c for c in obj.children if c.dep_ == "conj")):
                span = untagged_name(name)
                if span is None:
                    continue
                if taken is None:
                    taken = {i for m in found for i in range(m.span.start, m.span.end)}
                if not taken.isdisjoint(range(*span)):
                    continue
                candidate = _mention(doc, span[0], span[1], "GPE")
                if candidate is not None:
                    added.append(candidate)
                    taken.update(range(*span))
    return added


_NAME_LINKS = lexicon.words("prepositions.txt", flag="name-link")


def _bodies_across_for_and_of(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "Tunisian League for the Defence of Human Rights", "Puerto Rico Center for
    Investigative Journalism": a body's name ending in its head noun, then "for" or "of"
    and capitalised words, is one name the NER cut in two (or short). The words after
    the link are another mention the NER made, or capitalised words in no entity; never
    a person's or a country's name ("the Ministry of Egypt" is the state's)."""
    result: list[Candidate] = []
    i = 0
    while i < len(found):
        mention = found[i]
        span = mention.span
        link = span.end
        if (
            mention.label != "ORG"
            or fold(span[-1].text) not in ORG_HEADS
            or link + 1 >= len(doc)
            or doc[link].lower_ not in _NAME_LINKS
        ):
            result.append(mention)
            i += 1
            continue
        start = link + 1
        if doc[start].lower_ == "the" and start + 1 < len(doc):
            start += 1
        following = found[i + 1] if i + 1 < len(found) else None
        end = None
        if following is not None and following.span.start in (start, start - 1):
            if (
                following.label in ("ORG", "LOC", "FAC")
                and not country_info(following.text)
                and not following.text.isupper()  # "Office of the UN": the UN is its own
            ):
                end = following.span.end
        elif not doc[start].ent_type_:
            end = start
            while end < len(doc) and doc[end].is_title and not doc[end].ent_type_:
                end += 1
            end = end if end > start else None
        merged = _mention(doc, span.start, end, "ORG") if end is not None else None
        if merged is None:
            result.append(mention)
            i += 1
            continue
        result.append(merged)
        i += 2 if end is not None and following is not None and following.span.end == end else 1
    return result


def _national_editions(found: list[Candidate]) -> list[Candidate]:
    """ "CNN Philippines", "BBC Arabic": an outlet's name the parse makes a modifier of the
    country or language right after it is one outlet, that edition, not the outlet and a
    country."""
    result: list[Candidate] = []
    for mention in found:
        before = result[-1] if result else None
        if (
            before is not None
            and (before.label == media_ruler.MEDIA_LABEL or media_info(before.text) is not None)
            and mention.label in ("GPE", "NORP", "LANGUAGE")
            and mention.span.start == before.span.end
            and country_info(mention.text) is not None
            and not _opens_a_clause(mention.span)
        ):
            doc = mention.span.doc
            merged = _mention(doc, before.span.start, mention.span.end, media_ruler.MEDIA_LABEL)
            if merged is not None:
                merged.canonical = merged.text
                result[-1] = merged
                continue
        result.append(mention)
    return result


def _opens_a_clause(span: Span) -> bool:
    """ "told CNN Iran was behind it": the country is the next clause's subject, not an
    edition of the outlet."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return span.root.dep_ in ("nsubj", "nsubjpass") or (
        after is not None and after.pos_ in ("VERB", "AUX")
    )


def _without_ships(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """No ship is an actor: a name opening with a ship's prefix ("MV Namse Bangdzod"), or
    set off by commas after a vessel noun ("The boat, Conception, caught fire"), and the
    same name alone after it ("Namse Bangdzod", "the Conception"). The name before the
    ship is named is left alone: a ship named after someone ("renamed their ship after
    Alan Kurdi, a three-year-old child ... MV Alan Kurdi") leaves the person a person."""
    ships: dict[str, int] = {}  # a ship's name -> where the text first marks it a ship

    def ship(name: str, start: int) -> None:
        ships[name] = min(ships.get(name, start), start)

    for token in tokens_spelled(doc, _SHIP_PREFIXES, attr="ORTH"):
        # whatever the NER made of it (a product, a person, nothing)
        end = token.i + 1
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
        if end > token.i + 1:
            ship(doc[token.i : end].text, token.idx)
            ship(doc[token.i + 1 : end].text, token.idx)
    for mention in found:
        span = mention.span
        if (
            span.start >= 2
            and span.end < len(doc)
            and doc[span.start - 1].text == ","
            and doc[span.start - 2].lower_ in _VESSEL_NOUNS
            and doc[span.end].text == ","
        ):
            ship(mention.text, mention.start)
    if not ships:
        return found
    return [m for m in found if m.start < ships.get(m.text, len(doc_text(doc)) + 1)]


_LETTERS = re.compile(r"^[^\W\d_][\w .'\u2019]*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]+$")
_ACRONYM_REACH = 8  # words of a name before its bracketed acronym, at most
# small words an acronym leaves out ("of", "and"): inside a name, not its start
_ACRONYM_SKIP = lexicon.words("acronym_skip_words.txt")


def _names_of_defined_acronyms(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "Movimento 5 Stelle (M5S)": the words before a bracketed acronym that spells their
    initials are one body's name, whatever part of them the NER tagged ("Stelle", a
    person); the acronym then joins it as the body's short form (short_forms.py)."""
    added: list[Candidate] = []
    for token in tokens_spelled(doc, ("(",), attr="ORTH"):
        i = token.i
        if i + 2 >= len(doc) or doc[i + 2].text != ")":
            continue
        short = doc[i + 1].text
        if not _ACRONYM.match(short):
            continue
        for first in range(i - 1, max(-1, i - 1 - _ACRONYM_REACH), -1):
            word = doc[first].text
            if not (word[:1].isupper() or word.isdigit() or word.lower() in _ACRONYM_SKIP):
                break
            if word[:1].isupper() and short in _initials([t.text for t in doc[first:i]]):
                mention = _mention(doc, first, i, "ORG")
                if mention is not None:
                    added.append(mention)
                break
    for mention in added:
        inside = [m for m in found if mention.start <= m.start and m.end <= mention.end]
        crossing = [
            m for m in found if m.start < mention.end and mention.start < m.end and m not in inside
        ]
        if crossing or any((m.start, m.end) == (mention.start, mention.end) for m in inside):
            continue  # the NER's name is whole, or longer: it stands
        found = [m for m in found if m not in inside] + [mention]
    return found


def _initials(words: list[str]) -> tuple[str, str]:
    """A name's acronym without its small words ("Al-Qaeda in the Arabian Peninsula":
    AQAP), and with the initial of each word ("United Nations Interim Force in Lebanon":
    UNIFIL, its "in" counted)."""
    every = "".join(w if w.isdigit() else w[0].upper() for w in words if w[:1].isalnum())
    return acronym(words), every


_COUNTRY_WORDS = 3  # "Democratic Republic of Congo" is longer, and the NER tags it


def _untagged_countries(doc: Doc) -> list[Candidate]:
    """Countries the NER left untagged ("Group F — Sweden 1 – 0 South Korea"), also at the
    head of a hyphenated word ("a U.S.-led invasion", one token): a name of the country
    list standing alone, never a given name ("Jordan") nor part of a longer name ("Sweden
    Democrats")."""
    found: list[Candidate] = []
    after = 0  # the first token a country found leaves to look at
    for i in capitalised_outside_entities(doc):
        if i < after:
            continue
        token = doc[i]
        head, hyphen, rest = token.text.partition("-")
        if hyphen and rest.islower() and country_info(head) is not None:
            # "U.S.-led": the country is the word's first part
            found.append(
                Candidate(
                    span=doc[i : i + 1],
                    start=token.idx,
                    end=token.idx + len(head),
                    text=head,
                    label="GPE",
                )
            )
            continue
        for size in range(_COUNTRY_WORDS, 0, -1):
            span = doc[i : i + size]
            if len(span) < size or any(t.ent_type_ or t.is_punct for t in span):
                continue
            if not _LETTERS.match(span.text) or fold(span.text) in given_names():
                continue  # "US$" is money
            if country_info(span.text) is None:
                continue
            if _in_a_longer_name(span):
                continue
            found.append(
                Candidate(
                    span=span, start=span.start_char, end=span.end_char, text=span.text, label="GPE"
                )
            )
            after = i + size
            break
    return found


# "IS" alone is also a capitalised verb: one-word groups the NER missed need four letters,
# unless written in capitals in running text ("IS claimed")
_GROUP_MIN_LETTERS = 4


def _untagged_armed_groups(doc: Doc) -> list[Candidate]:
    """A listed armed group's one-word name the NER left untagged ("Daesh fighters
    attacked", the tagger calling it an adjective): the list knows it. An unlisted one
    is found by what it does ("Sarya claimed the bombing": armed_acts.py)."""
    found: list[Candidate] = []
    for i in capitalised_outside_entities(doc):
        token = doc[i]
        if token.is_punct:
            continue
        short = len(name_key(token.text)) < _GROUP_MIN_LETTERS
        if short and not _capitals_in_running_text(token):
            continue
        listed = armed_group_info(token.text) is not None and a_group_here(token.text, doc)
        if not listed and not _unknown_fighter(token):
            continue
        span = doc[token.i : token.i + 1]
        if _in_a_longer_name(span):
            continue
        found.append(
            Candidate(
                span=span,
                start=token.idx,
                end=token.idx + len(token.text),
                text=token.text,
                label="ORG",
            )
        )
    return found


def _unknown_fighter(token: Token) -> bool:
    """A capitalised word no dictionary knows (its lemma keeps the capital, or the tagger
    says a proper noun) as the subject of an armed act: "Sarya claimed the attack"."""
    if token.dep_ not in ("nsubj", "nsubjpass", "pobj") or token.is_stop or not token.is_alpha:
        return False
    if token.pos_ != "PROPN" and not token.lemma_[:1].isupper():
        return False  # "Militants claimed the attack": a common noun opening the sentence
    return acts_armed(token.doc[token.i : token.i + 1])


def _capitals_in_running_text(token: Token) -> bool:
    """ "IS claimed the attack": a short group name written in capitals among words that
    are not (the verb "is" is capitalised only in a line of capitals, "WHO IS")."""
    if not token.text.isupper() or len(token.text) < 2:
        return False
    doc = token.doc
    near = [
        t
        for t in doc[max(token.i - 2, 0) : token.i + 3]
        if t.i != token.i and t.is_alpha and len(t.text) > 1
    ]
    return bool(near) and not any(t.text.isupper() for t in near)


# "Mohammed bin Salman", "Ahmed al-Assiri": particles inside an Arabic name
_NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el"})


def _untagged_people(doc: Doc) -> list[Candidate]:
    """ "Adam Schiff" the NER left untagged (after a misspelt title): a common given name
    (the hand-written list) and one or two capitalised proper nouns after it, none of them
    in an entity, the name ending where the capitalised words end; a title, an
    organisation's word or a plural ("Christian Democrats") in it makes it no name."""
    found = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.ent_type_ or not token.is_title or fold(token.text) not in given_names():
            i += 1
            continue
        if fold(token.text) in TITLES:
            i += 1  # "Sultan Qaboos": a title, the NER's business
            continue
        end = i + 1
        while end < len(doc) and end - i <= 3 and _name_word(doc[end]):
            end += 1
        after = doc[end] if end < len(doc) else None
        if end - i < 2 or end - i > 3 or (after is not None and after.is_title):
            i = end
            continue
        words = [t for t in doc[i:end] if t.lower_ not in _NAME_PARTICLES]
        if words[-1].tag_ == "NNPS" or any(fold(t.text) in ORG_HEADS for t in words):
            i = end
            continue
        mention = _mention(doc, i, end, "PERSON")
        if mention is not None:
            found.append(mention)
        i = end
    return found


def _name_word(token: Token, *, no_actor_label: bool = False) -> bool:
    """A word that can be part of a name the NER left untagged; with `no_actor_label`,
    also one it tagged a product or a work, its guess for a foreign name."""
    if token.is_punct or token.is_space:
        return False
    if token.ent_type_ and not (no_actor_label and token.ent_type_ in _NO_ACTOR_NAME_LABELS):
        return False
    if token.lower_ in _NAME_PARTICLES or token.lower_.startswith(("al-", "el-")):
        return True
    return token.is_title and token.pos_ in ("PROPN", "") and fold(token.text) not in TITLES


def _in_a_longer_name(span: Span) -> bool:
    """ "Sweden Democrats", "China Daily", "New Guinea": a capitalised word beside it."""
    doc = span.doc
    beside = [doc[span.start - 1]] if span.start else []
    beside += [doc[span.end]] if span.end < len(doc) else []
    return any(t.is_title and t.pos_ in ("PROPN", "") for t in beside)


def _mentions(ent: Span) -> list[Candidate]:
    """An entity as mentions; "Ukraine Volodymyr Zelenskyy" (one ORG) as two."""
    label = ent.label_
    if label not in _NAME_LABELS and label not in ("GPE", "LOC", media_ruler.MEDIA_LABEL):
        return []
    doc = ent.doc
    if label in ("ORG", "PERSON") and len(ent) >= 3:
        head = doc[ent.start]
        rest = doc[ent.start + 1 : ent.end]
        if (
            head.is_title
            and fold(head.text) not in given_names()
            and fold(head.text) not in TITLES
            and all(t.is_title or t.is_punct for t in rest)
            and looks_like_person_name(rest.text)
        ):
            # "Ukraine Volodymyr Zelenskyy", "Vermont Bernie Sanders": a place glued to a
            # person; the place is kept only when the gazetteer knows it
            found = [_mention(doc, ent.start + 1, ent.end, "PERSON")]
            if country_info(head.text) is not None:
                found.insert(0, _mention(doc, ent.start, ent.start + 1, "GPE"))
            return [m for m in found if m is not None]
    if label == "ORG" and len(ent) >= 4:
        titled = _person_after_title(ent)
        if titled:
            return titled
    if (
        label == "PERSON"
        and ent.start > 0
        and doc[ent.start - 1].is_title
        and _a_place_opened_by_a_title(doc, ent.start - 1, ent.end)
    ):
        # "homes in Sheikh Jarrah": the NER's person after the title is a neighbourhood
        placed = _mention(doc, ent.start - 1, ent.end, "GPE")
        return [placed] if placed is not None else []
    start = _given_name_before(ent) if label == "PERSON" else ent.start
    mention = _mention(doc, start, _surname_after(ent), label, kb_id=ent.kb_id_)
    return [mention] if mention is not None else []


def _given_name_before(ent: Span) -> int:
    """Where a person's name starts: "Forces loyal to Ahmed Mansour Hadi" tagged "Mansour
    Hadi" is the whole name when the word left out, a compound of the name, is a listed
    given name. A title is never taken in ("Speaker Nancy Pelosi")."""
    doc = ent.doc
    if ent.start == 0:
        return ent.start
    before = doc[ent.start - 1]
    if (
        before.ent_type_
        or not before.is_title
        or before.pos_ != "PROPN"
        or before.dep_ != "compound"
        or not ent.start <= before.head.i < ent.end
        or fold(before.text) in TITLES
    ):
        return ent.start
    if fold(before.text) in given_names() and not before.is_sent_start:
        return ent.start - 1  # not "Will Nancy Pelosi run?"
    return ent.start


_PEOPLE_KEY = "workbench.actor_mentions.people"


def people_named(doc: Doc) -> tuple[frozenset[str], dict[str, int]]:
    """The texts of the entities the NER calls people, and for each of their words (folded)
    the length in tokens of the longest such entity holding it; read once per doc (a rule
    asking per mention would be quadratic in a text of many names)."""
    found = doc.user_data.get(_PEOPLE_KEY)
    if found is None:
        texts: set[str] = set()
        longest: dict[str, int] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            texts.add(ent.text)
            for token in ent:
                word = fold(token.text)
                longest[word] = max(longest.get(word, 0), len(ent))
        found = doc.user_data[_PEOPLE_KEY] = (frozenset(texts), longest)
    return found


def _person_after_title(ent: Span) -> list[Candidate]:
    """ "United States Representative Elijah Cummings" tagged one ORG: a personal title
    inside it followed by a person's name is that person, the words before the title
    his country when the gazetteer knows it."""
    doc = ent.doc
    for i in range(ent.end - 3, ent.start, -1):
        if fold(doc[i].text) not in TITLES or not doc[i].is_title:
            continue
        if not looks_like_person_name(doc[i + 1 : ent.end].text):
            return []
        found = [_mention(doc, i + 1, ent.end, "PERSON")]
        if country_info(doc[ent.start : i].text) is not None:
            found.insert(0, _mention(doc, ent.start, i, "GPE"))
        return [m for m in found if m is not None]
    return []


def _surname_after(ent: Span) -> int:
    """Where a person's name ends: "Chief Superintendent Graciano" tagged PERSON and
    "Mijares" left out, though the parse makes the entity's last word a compound of it,
    is "Graciano Mijares" (the surname is the noun phrase's head)."""
    end = ent.end
    if ent.label_ != "PERSON" or end >= len(ent.doc):
        return end
    after = ent.doc[end]
    if (
        after.pos_ == "PROPN"
        and after.is_title
        and not after.ent_type_
        and ent.doc[end - 1].dep_ == "compound"
        and ent.doc[end - 1].head.i == end
    ):
        return end + 1
    return end


def _mention(doc: Doc, start: int, end: int, label: str, *, kb_id: str = "") -> Candidate | None:
    """A mention without leading article, possessive or trailing punctuation."""
    while start < end and (
        doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    while label == "PERSON" and end - start > 1 and _a_title(doc[start]):
        if _a_place_opened_by_a_title(doc, start, end):
            label = "GPE"  # "homes in Sheikh Jarrah": a neighbourhood, not a sheikh
            break
        start += 1  # "Superintendent Graciano Mijares": the name is without its titles
    for i in range(start + 1, end):
        if doc[i].text in ("(", "["):
            end = i  # "World Health Organization (WHO": the bracket starts another name
            break
        if label in ("GPE", "LOC", "FAC") and _kind_of_place_then_more(doc, i, end):
            end = i  # "the Tishreen dam east (of Aleppo)": the name ends at its kind
            break
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in ("and", "or")  # "Kafr Nabudah and" of "X and Y"
    ):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    span.label_ = label
    text = span.text
    char_start, char_end = span.start_char, span.end_char
    possessive = _POSSESSIVE.search(text)
    if possessive and len(text) > 3:
        char_end -= len(possessive.group()) - (1 if possessive.group()[0] == "s" else 0)
        text = doc_text(doc)[char_start:char_end]
    if not any(c.isupper() for c in text):
        return None  # "don", "disco club": the small model's lowercase guesses
    if name_key(text) in _CLOCK_WORDS:
        return None  # "A.M.", "UTC"
    if _beside_a_ship_noun(doc, start, end, label):
        return None  # "the tanker Stena Impero": a ship, no actor
    if end - start == 1 and doc[start].is_sent_start and _common_noun(text):
        return None  # "Media reported ...", "Strikes hit ...": a noun, capitalised
    if _CODE.match(text) and "-" in text:
        return None  # "COVID-19"
    if label == "ORG" and len(span) == 1 and _inside_title(span):
        return None  # "State" in "Secretary of State"
    mention = Candidate(span=span, start=char_start, end=char_end, text=text, label=label)
    if label == media_ruler.MEDIA_LABEL:
        mention.canonical = kb_id or text
    return mention


def _kind_of_place_then_more(doc: Doc, i: int, end: int) -> bool:
    """A kind of place in small letters inside a place's entity, a direction after it in
    the entity: the NER ran on past the name ("Tishreen dam east (of Aleppo)")."""
    token = doc[i]
    return (
        i + 1 < end
        and token.is_lower
        and token.pos_ == "NOUN"
        and token.lower_ in _PLACE_KIND_NOUNS
        and doc[i + 1].is_lower
        and doc[i + 1].pos_ in ("ADV", "ADJ")  # "east", "north": where it lies from another
    )


def _a_title(token: Token) -> bool:
    return token.is_title and fold(token.text) in TITLES


# titles that also open places' names: "Sheikh Jarrah", "Sheikh Zuweid"
_TITLE_PLACE_HEADS = lexicon.words("place_heads_first.txt", flag="title")
# "in", "near", "around": where something is
_WHERE = lexicon.words("prepositions.txt", flag="locative")
# "toured": what one tours is a place ("toured Sheikh Zuweid"); one visits people too
_TOURED = lexicon.words("movement_verbs.txt", flag="toured")


def _a_place_opened_by_a_title(doc: Doc, start: int, end: int) -> bool:
    """ "Families in Sheikh Jarrah", "killed in Sheikh Maqsoud", "toured Sheikh Zuweid": a
    title that also opens places' names, its next word no given name, the name after a
    preposition of where or the object of a verb of touring, and no possessive's ("in Sheikh Tamim's palace" is the emir's)."""
    if (
        fold(doc[start].text) not in _TITLE_PLACE_HEADS
        or fold(doc[start + 1].text) in given_names()
    ):
        return False
    root = doc[start:end].root
    where = root.dep_ == "pobj" and root.head.lower_ in _WHERE
    toured = root.dep_ == "dobj" and root.head.lemma_.lower() in _TOURED
    if not (where or toured):
        return False
    return not (end < len(doc) and doc[end].tag_ == "POS")


def _drop_bracketed_first_names(mentions: list[Candidate]) -> list[Candidate]:
    """ "(Israeli Prime Minister Benjamin) Netanyahu": an editor's bracket splits one
    name; the first name closing the bracket is part of the person named after it."""
    kept = []
    for i, mention in enumerate(mentions):
        following = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            following is not None
            and mention.label == "PERSON"
            and following.label == "PERSON"
            and following.start - mention.end <= 3
            # the doc's tokens, not Doc.text, which joins the whole text anew each time
            and "".join(
                t.text_with_ws for t in mention.span.doc[mention.span.end : following.span.start]
            ).strip()
            == ")"
            and fold(mention.text) in given_names()
        ):
            continue
        kept.append(mention)
    return kept


def _beside_a_ship_noun(doc: Doc, start: int, end: int, label: str) -> bool:
    """ "the tanker Stena Impero"; "the Kokuka Courageous tanker" when the NER took the
    ship for a person or a building (not "an Aramco tanker": the owner is named)."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    return before in _VESSEL_NOUNS or (after in _VESSEL_NOUNS and label in ("PERSON", "FAC"))


def _common_noun(text: str) -> bool:
    word = fold(text)
    return word in _COMMON_NOUNS or (word.endswith("s") and word[:-1] in _COMMON_NOUNS)


def _inside_title(span: Span) -> bool:
    doc = span.doc
    if span.text.isupper() and len(span.text) > 1:
        return False  # "secretary general of CEI": an acronym names the body itself
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    word = fold(doc[span.start - 2].text)
    return word in TITLES or word in ROLE_NOUNS


def _split_pairs_of_people(mentions: list[Candidate]) -> list[Candidate]:
    """ "Biden and Sanders" tagged as one ORG: two people when both surnames are known here."""
    surnames = {
        core_words(m.text)[-1]
        for m in mentions
        if m.label == "PERSON" and len(core_words(m.text)) >= 2
    }
    result = []
    for mention in mentions:
        span = mention.span
        joins = [t for t in span if t.lower_ in ("and", "&")]
        if mention.label not in ("ORG", "PERSON") or len(joins) != 1:
            result.append(mention)
            continue
        middle = joins[0].i
        left, right = span.doc[span.start : middle], span.doc[middle + 1 : span.end]
        if all(
            len(part) and core_words(part.text)[-1:] and core_words(part.text)[-1] in surnames
            for part in (left, right)
        ):
            for part in (left, right):
                found = _mention(span.doc, part.start, part.end, "PERSON")
                if found is not None:
                    result.append(found)
        else:
            result.append(mention)
    return result


def _split_coordinated_places(mentions: list[Candidate]) -> list[Candidate]:
    """ "Crete and Cyprus" tagged as one entity: two mentions, unless the whole is one name.

    Each part must be capitalised; an ORG is split only when both parts are names known
    here (the gazetteer, or written alone elsewhere in the article) or one is a country
    or capital. "Bosnia and Herzegovina" (a listed country) and "Procter and Gamble" (an
    ORG whose parts are nowhere else) stay whole.
    """
    # names written alone as places elsewhere in the article
    alone = {name_key(m.text) for m in mentions if m.label in ("GPE", "LOC")}
    result = []
    for mention in mentions:
        span = mention.span
        joins = [t for t in span if t.lower_ in ("and", "&")]
        under_a_place_noun = _after_a_place_noun(span)
        if (
            (mention.label not in ("GPE", "LOC", "ORG") and not under_a_place_noun)
            or len(joins) != 1
            or _listed(mention.text)
        ):
            result.append(mention)
            continue
        middle = joins[0].i
        parts = [span.doc[span.start : middle], span.doc[middle + 1 : span.end]]
        if not all(
            len(p) and all(t.is_title or t.lower_ == "of" for t in p) for p in parts
        ) and not (under_a_place_noun and all(len(p) and p[0].is_title for p in parts)):
            result.append(mention)
            continue
        if len(parts[0]) == 1 and len(parts[1]) > 1 and not _a_place(parts[0].text):
            result.append(mention)  # "North and South Korea": one name for both
            continue
        known = [
            bool(country_info(p.text) or country_of_capital(p.text) or name_key(p.text) in alone)
            for p in parts
        ]
        beside_a_country = any(country_info(p.text) or country_of_capital(p.text) for p in parts)
        if mention.label == "ORG" and not (all(known) or beside_a_country or under_a_place_noun):
            result.append(mention)
            continue
        # "the villages of Kafr Nabudah and Hbit", whatever the NER called it: two places
        label = "GPE" if under_a_place_noun else mention.label
        if label == "ORG" and any(
            country_info(p.text) or country_of_capital(p.text) for p in parts
        ):
            label = "GPE"  # "Crete and Cyprus": coordinated with a country, a place
        split = [_mention(span.doc, p.start, p.end, label) for p in parts]
        for m in split:
            if m is not None:
                m.beside_country = label == "GPE" and mention.label == "ORG"
                result.append(m)
    return result


def _split_joined_towns(mentions: list[Candidate]) -> list[Candidate]:
    """ "the Homs-Palmyra road", "the Tyre-Naqoura road": two listed towns joined by a
    hyphen, which the NER takes for one name, are two places, the ends of a road or a
    front (route_nouns.txt) right after them; elsewhere the hyphenated name is one place
    ("Tel Aviv-Yafo", review J6). Countries are left joined ("the Iran-Iraq war")."""
    result = []
    for mention in mentions:
        span = mention.span
        doc = span.doc
        hyphens = [t.i for t in span if t.text == "-" and not t.whitespace_]
        if (
            len(hyphens) != 1
            or mention.label == media_ruler.MEDIA_LABEL
            or span.end >= len(doc)
            or doc[span.end].lower_ not in _ROUTE_NOUNS
        ):
            result.append(mention)
            continue
        parts = [(span.start, hyphens[0]), (hyphens[0] + 1, span.end)]
        texts = [doc[a:b].text for a, b in parts]
        if not all(
            a < b and place_country(text) is not None and country_info(text) is None
            for (a, b), text in zip(parts, texts, strict=True)
        ):
            result.append(mention)
            continue
        split = [_mention(doc, a, b, "GPE") for a, b in parts]
        result += [m for m in split if m is not None]
    return result


# what runs between two places: "the Homs-Palmyra road"
_ROUTE_NOUNS = lexicon.words("route_nouns.txt")
# kinds of place: "the villages of X and Y" names two of them
_PLACE_KIND_NOUNS = lexicon.words("place_nouns.txt") - lexicon.words(
    "place_nouns.txt", flag="building"
)
# "camp", "base", "port": also a body's or a person's following's ("the Trump camp")
_OWNABLE_PLACE_NOUNS = lexicon.words("place_nouns.txt", flag="ownable")


def _after_a_place_noun(span: Span) -> bool:
    """Right after a kind of place and "of": "the villages of X and Y"."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    noun = doc[span.start - 2].lower_
    singular = {noun, noun[:-1], noun[:-3] + "y"} if noun.endswith("s") else {noun}
    return bool(singular & _PLACE_KIND_NOUNS)


def _a_place(text: str) -> bool:
    return bool(country_info(text) or country_of_capital(text))


def _listed(text: str) -> bool:
    return bool(
        country_info(text) or organization_info(text) or armed_group_info(text) or media_info(text)
    )


def _relabel_from_other_mentions(mentions: list[Candidate]) -> None:
    """Let one name's other mentions correct a label the NER got wrong in one place.

    "Bolden" tagged GPE after "Charles Bolden" (PERSON) is the person; "Evansville" tagged
    PERSON once and GPE elsewhere is the town.
    """
    # first and last words of the multi-word names the NER called people, with the name
    # they come from: a mention is never its own evidence ("Ain Issa" tagged PERSON once)
    surnames: dict[str, set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = core_words(m.text)
        if m.label == "PERSON" and len(words) >= 2:
            surnames[words[-1]].add(name_key(m.text))
            given[words[0]].add(name_key(m.text))
    as_place: Counter[str] = Counter()
    as_person: Counter[str] = Counter()
    for m in mentions:
        if m.label in ("GPE", "LOC") or (m.label == "FAC" and not looks_like_person_name(m.text)):
            as_place[name_key(m.text)] += 1
        elif m.label == "PERSON":
            as_person[name_key(m.text)] += 1
    for mention in mentions:
        words = core_words(mention.text)
        if not words or mention.label == media_ruler.MEDIA_LABEL:
            continue
        key = name_key(mention.text)
        named = surnames[words[-1]] - {key} or given[words[0]] - {key}
        if mention.label in ("GPE", "LOC", "FAC", "ORG") and len(words) == 1 and named:
            # "Bolden" after "Charles Bolden"; "Paris" after "Valeska Paris" (a capital can
            # be a surname, a country hardly)
            if country_info(mention.text) is None:
                mention.label = "PERSON"
        elif mention.label == "PERSON" and as_place[key] >= as_person[key] and not named:
            # "Ain Issa", "Evansville": tagged a place at least as often, and no one's name
            mention.label = "GPE"
    _vote_org_or_place(mentions)


def _vote_org_or_place(mentions: list[Candidate]) -> None:
    """One written name, one label: "YPG" tagged ORG here and GPE there is one group."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        if mention.label in ("ORG", "GPE", "LOC", "FAC"):
            labels[name_key(mention.text)][mention.label] += 1
    beside_country = {name_key(m.text) for m in mentions if m.beside_country}
    for mention in mentions:
        counts = labels.get(name_key(mention.text))
        if not counts or len(counts) < 2 or "ORG" not in counts:
            continue
        if country_info(mention.text) or country_of_capital(mention.text):
            continue
        as_place = sum(n for label, n in counts.items() if label != "ORG")
        prefer_org = counts["ORG"] >= as_place or mention.text.isupper()
        if name_key(mention.text) in beside_country:
            prefer_org = False
        mention.label = "ORG" if prefer_org else "GPE"
