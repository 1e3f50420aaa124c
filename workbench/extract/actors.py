"""Actors: the people, organisations, outlets, countries and places an article names.

Starts from spaCy's entities (plus the MEDIA entities of `media_ruler`), fixes their
types with the gazetteer and the parse, and merges the mentions of one actor:
"Ali Mamlouk", "Mamlouk", "Mamluk" and "Al-Mamlouk" are one person; "Riyadh suspended"
and "the Kingdom" are Saudi Arabia; "(EGPC)" is the corporation named before it.
Demonyms ("Syrian") link to their country (`link_demonyms`) without becoming actors.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, ActorType, Mention
from . import media_ruler
from .gazetteer import (
    MediaOutlet,
    armed_group_info,
    countries,
    country_info,
    country_of_capital,
    country_of_demonym,
    fold,
    media_info,
    name_key,
    organization_info,
)
from .names import (
    ORG_HEADS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLES,
    acronym,
    core_words,
    ends_with_org_head,
    given_names,
    is_acronym_of,
    looks_like_person_name,
    names_a_body,
    same_word,
    word_set,
)
from .roles import roles_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "DemonymLink",
    "MediaOutlet",
    "configure_pipeline",
    "extract_actors",
    "link_demonyms",
    "media_info",
]

_NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "NORP"})
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$")
# verbs after which a capital is a destination, not a government ("visited Cairo")
_MOVEMENT_VERBS = word_set(
    "visit leave enter reach tour travel arrive return fly move flee attack bomb shell"
)
# "in support of Moscow", "relations with Damascus": the city stands for its government
_GOVERNMENT_PREPS = frozenset({"with", "against", "between", "by", "toward", "towards"})
_NEWSPAPER_WORDS = word_set(
    """
    times post news herald tribune journal gazette chronicle telegraph observer mirror
    express courier examiner inquirer dispatch bulletin sun star daily weekly tv radio
    television
    """
)
_CLOCK_WORDS = word_set("am pm utc gmt est edt cet et pt ct mt")
# "COVID-19", "H5N1-2": a code, not a name
_CODE = re.compile(r"^[A-Za-z]+-?\d+[A-Za-z]?$")
# role nouns that describe a body, not a person
_BODY_ROLES = word_set("agency broadcaster newspaper daily channel network outlet")
_STANCE_NOUNS = word_set(
    """
    support backing position stance decision policy ally allies pressure criticism request
    demand move vote statement side approval objection response approach relations
    behalf accusation ties
    """
)


def configure_pipeline(nlp: Language) -> None:
    """Add the media gazetteer after the NER (once; calling again changes nothing)."""
    if media_ruler.COMPONENT in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(media_ruler.COMPONENT, after="ner")
    else:
        nlp.add_pipe(media_ruler.COMPONENT, last=True)


@dataclass
class _Mention:
    """A mention being worked on: its span, what it is, and which cluster it joins."""

    span: Span
    start: int
    end: int
    text: str
    label: str
    type: ActorType | None = None
    key: str | None = None  # set for fixed names: "country:Egypt", "media:Reuters"
    canonical: str | None = None


@dataclass
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)
    key: str | None = None
    canonical: str | None = None
    type: ActorType | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


@dataclass(frozen=True)
class DemonymLink:
    """A demonym in the text and the country it names: "Syrian" -> Syria."""

    start: int
    end: int
    text: str
    country: str
    actor: str | None = None  # the country's actor id, when the article names it


def extract_actors(doc: Doc) -> list[Actor]:
    """The actors of one parsed article, ids "a1", "a2", ... in order of first mention."""
    mentions = [m for ent in doc.ents for m in _mentions(ent)]
    mentions = _split_pairs_of_people(mentions)
    _relabel_from_other_mentions(mentions)
    for mention in mentions:
        _classify(mention)
    clusters = _cluster_fixed([m for m in mentions if m.key])
    clusters += _cluster_names(
        [m for m in mentions if not m.key and m.type in (ActorType.PERSON, ActorType.ORGANIZATION)]
    )
    clusters += _cluster_places([m for m in mentions if not m.key and m.type is ActorType.PLACE])
    _add_state_terms(doc, clusters)
    _merge_acronyms(clusters)
    _merge_parenthesised_short_forms(doc, clusters)
    _add_untagged_short_forms(doc, clusters)
    _add_definite_heads(doc, clusters)
    clusters = [c for c in clusters if c.mentions and c.type is not None]
    clusters.sort(key=lambda c: c.first)
    return [_actor(f"a{i}", cluster) for i, cluster in enumerate(clusters, start=1)]


def link_demonyms(doc: Doc, actors: list[Actor] | None = None) -> list[DemonymLink]:
    """Every demonym in the text with its country (and the country's actor id, if any)."""
    by_name = {a.name: a.id for a in actors or () if a.type is ActorType.COUNTRY}
    links = []
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        for token in ent:
            country = country_of_demonym(token.text)
            if country is not None:
                links.append(
                    DemonymLink(
                        start=token.idx,
                        end=token.idx + len(token.text),
                        text=token.text,
                        country=country.name,
                        actor=by_name.get(country.name),
                    )
                )
    return links


# --- mentions --------------------------------------------------------------------------


def _mentions(ent: Span) -> list[_Mention]:
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
    mention = _mention(doc, ent.start, ent.end, label, kb_id=ent.kb_id_)
    return [mention] if mention is not None else []


def _mention(doc: Doc, start: int, end: int, label: str, *, kb_id: str = "") -> _Mention | None:
    """A mention without leading article, possessive or trailing punctuation."""
    while start < end and (
        doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    for i in range(start + 1, end):
        if doc[i].text in ("(", "["):
            end = i  # "World Health Organization (WHO": the bracket starts another name
            break
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
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
        text = doc.text[char_start:char_end]
    if not any(c.isupper() for c in text):
        return None  # "don", "disco club": the small model's lowercase guesses
    if name_key(text) in _CLOCK_WORDS:
        return None  # "A.M.", "UTC"
    if _CODE.match(text) and "-" in text:
        return None  # "COVID-19"
    if label == "ORG" and len(span) == 1 and _inside_title(span):
        return None  # "State" in "Secretary of State"
    mention = _Mention(span=span, start=char_start, end=char_end, text=text, label=label)
    if label == media_ruler.MEDIA_LABEL:
        mention.canonical = kb_id or text
    return mention


def _inside_title(span: Span) -> bool:
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    word = fold(doc[span.start - 2].text)
    return word in TITLES or word in ROLE_NOUNS


def _split_pairs_of_people(mentions: list[_Mention]) -> list[_Mention]:
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


def _relabel_from_other_mentions(mentions: list[_Mention]) -> None:
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


def _vote_org_or_place(mentions: list[_Mention]) -> None:
    """One written name, one label: "YPG" tagged ORG here and GPE there is one group."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        if mention.label in ("ORG", "GPE", "LOC", "FAC"):
            labels[name_key(mention.text)][mention.label] += 1
    for mention in mentions:
        counts = labels.get(name_key(mention.text))
        if not counts or len(counts) < 2 or "ORG" not in counts:
            continue
        if country_info(mention.text) or country_of_capital(mention.text):
            continue
        as_place = sum(n for label, n in counts.items() if label != "ORG")
        prefer_org = counts["ORG"] >= as_place or mention.text.isupper()
        mention.label = "ORG" if prefer_org else "GPE"


def _classify(mention: _Mention) -> None:
    """Set the type (and for fixed names the cluster key) of one mention."""
    label, text = mention.label, mention.text
    if label == media_ruler.MEDIA_LABEL:
        _fix(mention, ActorType.MEDIA, "media", mention.canonical or text)
        return
    outlet = media_ruler.listed_forms().get(text)
    unambiguous = len(text.split()) > 1 or text.isupper()  # the ruler judged the others
    if outlet is not None and unambiguous and label in ("PERSON", "ORG", "NORP"):
        # the media component normally labels these; a doc built without it still knows SANA
        _fix(mention, ActorType.MEDIA, "media", outlet.name)
        return
    # "the Afghan Taliban", "Lebanon's Hezbollah": a known body under a nationality
    for candidate in dict.fromkeys((text, _without_nationality(text))):
        group = armed_group_info(candidate)
        if group is not None:
            _fix(mention, ActorType.GROUP, "group", group.name)
            return
        organization = organization_info(candidate)
        if organization is not None:
            _fix(mention, ActorType.ORGANIZATION, "org", organization.name)
            return
    governed = _government_of(text)
    if governed is not None and label in ("ORG", "GPE", "NORP"):
        _fix(mention, ActorType.COUNTRY, "country", governed)
        return
    country = country_info(text)
    # a NORP that is a country's whole name ("Syrian Arab Republic") is the country
    if country is not None and (label != "NORP" or len(text.split()) > 1):
        _fix(mention, ActorType.COUNTRY, "country", country.name)
        return
    if label == "NORP":
        _classify_norp(mention)
        return
    if label in ("GPE", "LOC"):
        capital_of = country_of_capital(text)
        if capital_of is not None and _stands_for_government(mention.span):
            _fix(mention, ActorType.COUNTRY, "country", capital_of.name)
        elif label == "GPE" and _is_state_term(text):
            mention.type = None  # resolved against the countries around it
            mention.key = "state:" + fold(text)
        else:
            mention.type = ActorType.PLACE
        return
    if label == "FAC":
        mention.type = ActorType.PERSON if looks_like_person_name(text) else ActorType.PLACE
        return
    words = fold(text).split()
    if len(words) >= 2 and (words[-1] in _NEWSPAPER_WORDS or words[-2:] == ["news", "agency"]):
        # "Edmonton Sun", "al-Masirah TV": an unlisted outlet is still an outlet
        _fix(mention, ActorType.MEDIA, "media", text)
        return
    mention.type = ActorType.PERSON if label == "PERSON" else ActorType.ORGANIZATION


def _without_nationality(text: str) -> str:
    words = text.split()
    while len(words) > 1 and (
        country_of_demonym(words[0]) or country_info(re.sub(r"['\u2019]s$", "", words[0]))
    ):
        words = words[1:]
    return " ".join(words)


_GOVERNMENT = re.compile(
    r"^(?:(?:the\s+)?government\s+of\s+(?P<of>.+)|(?P<adj>.+?)(?:['\u2019]s)?\s+government)$",
    re.IGNORECASE,
)


def _government_of(text: str) -> str | None:
    """ "Government of Iraq", "the Iraqi government": the state, as an actor."""
    match = _GOVERNMENT.match(text.strip())
    if match is None:
        return None
    named = match.group("of") or match.group("adj")
    country = country_info(named) or country_of_demonym(named)
    return country.name if country else None


def _fix(mention: _Mention, actor_type: ActorType, namespace: str, name: str) -> None:
    mention.type = actor_type
    mention.key = f"{namespace}:{name}"
    mention.canonical = name


def _classify_norp(mention: _Mention) -> None:
    """A NORP entity: a demonym (no actor), a people (group), or a mislabelled company."""
    words = mention.text.split()
    span = mention.span
    # "Saudi Aramco": a demonym before a proper name is a company's or body's name
    if (
        len(words) > 1
        and country_of_demonym(words[0])
        and not country_of_demonym(words[-1])
        and all(w[:1].isupper() for w in words[1:])
    ):
        mention.type = ActorType.ORGANIZATION
        return
    root = span.root
    is_noun = root.pos_ in ("NOUN", "PROPN") and root.dep_ not in ("amod", "compound", "nmod")
    if is_noun and root.tag_ in ("NNS", "NNPS"):
        _fix(mention, ActorType.GROUP, "group", mention.text)
    else:
        mention.type = None  # an adjective: see link_demonyms


def _stands_for_government(span: Span) -> bool:
    """ "Riyadh suspended", "Cairo's move", "support of Moscow": the capital acts."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    dep = token.dep_
    if dep in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    if dep == "dobj":
        return token.head.lemma_.lower() not in _MOVEMENT_VERBS
    if dep == "pobj":
        prep = token.head
        if prep.lower_ in _GOVERNMENT_PREPS:
            return True
        return prep.lower_ == "of" and prep.head.lemma_.lower() in _STANCE_NOUNS
    return False


def _is_state_term(text: str) -> bool:
    folded = fold(text)
    return any(fold(term) == folded for c in countries() for term in c.state_terms)


# --- clusters ----------------------------------------------------------------------------


def _cluster_fixed(mentions: list[_Mention]) -> list[_Cluster]:
    clusters: dict[str, _Cluster] = {}
    for mention in mentions:
        cluster = clusters.setdefault(mention.key, _Cluster(key=mention.key))
        cluster.mentions.append(mention)
        cluster.canonical = cluster.canonical or mention.canonical
        cluster.type = cluster.type or mention.type
    return list(clusters.values())


def _cluster_places(mentions: list[_Mention]) -> list[_Cluster]:
    clusters: dict[str, _Cluster] = {}
    for mention in mentions:
        cluster = clusters.setdefault(_place_key(mention.text), _Cluster(type=ActorType.PLACE))
        cluster.mentions.append(mention)
    return list(clusters.values())


def _place_key(text: str) -> str:
    """ "Taipei City" and "Taipei", "State of Texas" and "Texas" are one place."""
    key = re.sub(r"^(?:state|province|city|county|region) of\s+", "", fold(text))
    key = re.sub(r"\s+(?:city|province|county|region|governorate)$", "", key)
    return name_key(key)


def _cluster_names(mentions: list[_Mention]) -> list[_Cluster]:
    """People and organisations: fullest names first, then shorter forms join them."""
    clusters: list[_Cluster] = []
    words_of = {id(m): core_words(m.text) for m in mentions}
    ordered = sorted(mentions, key=lambda m: (-len(words_of[id(m)]), m.start))
    for mention in ordered:
        words = words_of[id(mention)]
        if not words:
            continue
        target = _best_cluster(mention, words, clusters, words_of)
        if target is None:
            target = _Cluster()
            clusters.append(target)
        target.mentions.append(mention)
    # first names the NER used in this article: "Nikos Christodoulides" after "Nikos Dendias"
    first_names: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for m in mentions:
        words = words_of[id(m)]
        if m.label == "PERSON" and len(words) >= 2 and not country_of_demonym(words[0]):
            first_names[words[0]].add(tuple(words[1:]))
    for cluster in clusters:
        cluster.type = _name_type(cluster, first_names=first_names)
    return clusters


def _best_cluster(
    mention: _Mention,
    words: list[str],
    clusters: list[_Cluster],
    words_of: dict[int, list[str]],
) -> _Cluster | None:
    candidates = []
    for cluster in clusters:
        longest = max(cluster.mentions, key=lambda m: len(words_of[id(m)]))
        if _same_actor(mention, words, longest, words_of[id(longest)]):
            candidates.append(cluster)
    if not candidates and len(words) == 1 and mention.label == "PERSON":
        # "Qaboos" for "Qaboos bin Said", "Jamal" for "Jamal Khashoggi": a first name alone
        # names the one person here who has it, and no one if two do
        first_named = [
            c
            for c in clusters
            if any(
                m.label == "PERSON" and len(words_of[id(m)]) >= 2 and words_of[id(m)][0] == words[0]
                for m in c.mentions
            )
        ]
        if len(first_named) == 1:
            return first_named[0]
    if not candidates:
        return None
    # two Assads: the nearest full name before this mention wins
    return min(candidates, key=lambda c: _distance(mention, c))


def _distance(mention: _Mention, cluster: _Cluster) -> int:
    before = [mention.start - m.start for m in cluster.mentions if m.start <= mention.start]
    return min(before) if before else 10**9 + min(m.start for m in cluster.mentions)


def _same_actor(mention: _Mention, words: list[str], full: _Mention, full_words: list[str]) -> bool:
    # initials stand for bodies; "NG" for Natasha Gownaris is an interview's speaker tag
    if full.label != "PERSON" and (
        is_acronym_of(mention.text, full.text.split())
        or is_acronym_of(full.text, mention.text.split())
    ):
        return True
    if len(words) > len(full_words):
        return False
    if len(words) == len(full_words):
        return all(same_word(a, b) for a, b in zip(words, full_words, strict=True))
    # a shorter form is the end of the full one: "Mamlouk" of "Ali Mamlouk",
    # "Aramco" of "Saudi Aramco"; never a generic head like "Council"
    tail = full_words[-len(words) :]
    if (
        all(same_word(a, b) for a, b in zip(words, tail, strict=True))
        and (
            len(words) >= 2  # "Home Office" of "UK Home Office"
            # a lone word: a person's surname, never a generic head ("Council") or a title;
            # an organisation's name only without its nationality ("Aramco" of "Saudi
            # Aramco", not "ISIS" of "Coalition to Defeat ISIS")
            or (
                words[-1] not in ORG_HEADS
                and words[-1] not in TITLES
                and (full.label == "PERSON" or _only_nationality(full_words[: -len(words)]))
            )
        )
    ):
        return True
    # "the Church" for "the Church of Scientology": a definite head noun (see also
    # _add_definite_heads for the ones the NER did not tag)
    if len(words) == 1 and words[0] in ORG_HEADS and words[0] in full_words:
        start = mention.span.start
        return start > 0 and mention.span.doc[start - 1].lower_ == "the" and full.label != "PERSON"
    # "Scientology" of "Church of Scientology": the proper part of "<head> of <name>"
    if "of" in full_words and full_words[0] in ORG_HEADS and mention.label == full.label:
        named = full_words[full_words.index("of") + 1 :]
        return len(named) == len(words) and all(
            same_word(a, b) for a, b in zip(words, named, strict=True)
        )
    return False


def _only_nationality(words: list[str]) -> bool:
    return bool(words) and all(country_of_demonym(w) or country_info(w) for w in words)


def _name_type(cluster: _Cluster, *, first_names: dict[str, set[tuple[str, ...]]]) -> ActorType:
    """Person or organisation, from every mention's evidence rather than one NER label."""
    fullest = max(cluster.mentions, key=lambda m: len(core_words(m.text)))
    if (
        names_a_body(fullest.text)
        or any(m.text.isupper() and len(m.text) > 1 for m in cluster.mentions)
        or any(_called_a_body(m.span) for m in cluster.mentions)
    ):
        return ActorType.ORGANIZATION
    if any(_titled(m.span) for m in cluster.mentions) or looks_like_person_name(fullest.text):
        return ActorType.PERSON
    words = core_words(fullest.text)
    if 2 <= len(words) <= 4 and first_names.get(words[0], set()) - {tuple(words[1:])}:
        return ActorType.PERSON  # the first name of another person here
    if any(_has_person_role(m.span) for m in cluster.mentions):
        return ActorType.PERSON
    if any(m.label == "PERSON" and len(core_words(m.text)) >= 2 for m in cluster.mentions):
        return ActorType.PERSON
    votes = sum(1 if m.type is ActorType.PERSON else -1 for m in cluster.mentions)
    if votes == 0:  # a tie: a lone capitalised word the NER calls a person half the time is one
        return ActorType.PERSON
    return ActorType.PERSON if votes > 0 else ActorType.ORGANIZATION


def _called_a_body(span: Span) -> bool:
    """ "Localist group Civic Passion": the noun right before the name makes it a body."""
    if span.start == 0 or not span.doc.has_annotation("DEP"):
        return False
    before = span.doc[span.start - 1]
    # a modifier of the name itself, not "speaker of the parliament Ali Larijani"
    modifies = (
        before.dep_ in ("compound", "nmod", "amod") and span.start <= before.head.i < span.end
    )
    return modifies and before.pos_ == "NOUN" and before.lower_ in ORG_HEADS


def _has_person_role(span: Span) -> bool:
    """ "a State Department spokesperson, Morgan Ortagus": a role only people hold."""
    for role in roles_of(span):
        words = [fold(w) for w in re.findall(r"[\w\-]+", role)]
        if any(w in ROLE_NOUNS and w not in _BODY_ROLES for w in words):
            return True
    return False


def _titled(span: Span) -> bool:
    """A personal title right before the name or at its start ("General Khaled Fawzy")."""
    doc = span.doc
    first = doc[span.start]
    if first.is_title and fold(first.text) in TITLES and fold(first.text) not in TITLE_MODIFIERS:
        return len(span) > 1 and not ends_with_org_head(span.text)
    if span.start == 0:
        return False
    before: Token = doc[span.start - 1]
    word = fold(before.text)
    return word in TITLES and word not in TITLE_MODIFIERS and before.pos_ in ("NOUN", "PROPN")


def _add_state_terms(doc: Doc, clusters: list[_Cluster]) -> None:
    """ "the Kingdom" is the nearest country called a kingdom before it."""
    pending = [m for c in clusters if c.key and c.key.startswith("state:") for m in c.mentions]
    pending.extend(_untagged_state_terms(doc, clusters))
    countries_seen = [
        (m.start, c) for c in clusters if c.type is ActorType.COUNTRY for m in c.mentions
    ]
    for mention in pending:
        term = fold(mention.text)
        before = sorted(
            ((s, c) for s, c in countries_seen if s < mention.start), key=lambda x: -x[0]
        )
        for _, cluster in before:
            info = country_info(cluster.canonical or "")
            if info and any(fold(t) == term for t in info.state_terms):
                cluster.mentions.append(mention)
                break
    for cluster in clusters:
        if cluster.key and cluster.key.startswith("state:"):
            cluster.mentions = []


def _untagged_state_terms(doc: Doc, clusters: list[_Cluster]) -> list[_Mention]:
    """ "the kingdom" where the NER saw nothing."""
    terms = {fold(t) for c in countries() for t in c.state_terms if " " not in t}
    taken = [(e.start_char, e.end_char) for e in doc.ents]
    found = []
    for token in doc[1:]:
        if token.lower_ not in terms or doc[token.i - 1].lower_ != "the":
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
            continue  # "the Kingdom of Jordan" is a name the NER tags itself
        start, end = token.idx, token.idx + len(token.text)
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(
            _Mention(
                span=doc[token.i : token.i + 1], start=start, end=end, text=token.text, label="GPE"
            )
        )
    return found


def _merge_parenthesised_short_forms(doc: Doc, clusters: list[_Cluster]) -> None:
    """ "the Islamic State (ISIS)": a capitalised form in brackets right after a name is it."""
    owner = {(m.start, m.end): c for c in clusters for m in c.mentions}
    for cluster in clusters:
        if cluster.type not in (ActorType.ORGANIZATION, ActorType.MEDIA):
            continue
        for mention in list(cluster.mentions):
            if not mention.label:
                continue
            i = mention.span.end
            if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
                continue
            short = doc[i + 1]
            first = core_words(mention.text)[:1]
            if not short.text.isupper() or not first or short.text[0].lower() != first[0][0]:
                continue
            other = owner.get((short.idx, short.idx + len(short.text)))
            if other is None or other is cluster or other.type is ActorType.COUNTRY:
                continue
            # every mention of the same short form belongs with it
            cluster.mentions.extend(other.mentions)
            for moved in other.mentions:
                owner[(moved.start, moved.end)] = cluster
            other.mentions = []


def _merge_acronyms(clusters: list[_Cluster]) -> None:
    """ "KSC" joins "Kennedy Space Center" even when the NER typed them differently."""
    expansions: dict[str, _Cluster] = {}
    for cluster in clusters:
        if cluster.type in (ActorType.COUNTRY, ActorType.PERSON, None):
            continue
        for mention in cluster.mentions:
            words = mention.text.split()
            if len(words) >= 2:
                expansions.setdefault(acronym(words), cluster)
    for cluster in clusters:
        if cluster.type in (ActorType.COUNTRY, ActorType.PERSON, None) or not cluster.mentions:
            continue
        if not all(m.text.replace(".", "").isupper() for m in cluster.mentions):
            continue
        target = expansions.get(cluster.mentions[0].text.replace(".", ""))
        if target is not None and target is not cluster:
            target.mentions.extend(cluster.mentions)
            cluster.mentions = []


def _add_untagged_short_forms(doc: Doc, clusters: list[_Cluster]) -> None:
    """Mentions the NER missed: a defined acronym "(EGPC)", a surname, "Aramco"."""
    taken = [(e.start_char, e.end_char) for e in doc.ents]
    taken += [(m.start, m.end) for c in clusters for m in c.mentions]
    forms: dict[str, _Cluster] = {}
    for cluster in clusters:
        if cluster.type not in (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.MEDIA):
            continue
        for mention in cluster.mentions:
            words = mention.text.split()
            if cluster.type is ActorType.ORGANIZATION and len(words) >= 2:
                forms.setdefault(_acronym_form(words), cluster)
            if len(words) >= 2 and cluster.type is not ActorType.MEDIA:
                last = words[-1]
                usable = cluster.type is ActorType.PERSON or _only_nationality(words[:-1])
                if usable and last[:1].isupper() and fold(last) not in ORG_HEADS and len(last) > 3:
                    forms.setdefault(last, cluster)
                # "Scientology" of "Church of Scientology"
                if len(words) == 3 and words[1] == "of" and fold(words[0]) in ORG_HEADS:
                    forms.setdefault(words[2], cluster)
            if len(words) == 1 and mention.text[:1].isupper():
                forms.setdefault(mention.text, cluster)
    forms.pop("", None)
    for token in doc:
        cluster = forms.get(token.text)
        if cluster is None or token.pos_ != "PROPN" and not token.text.isupper():
            continue
        start, end = token.idx, token.idx + len(token.text)
        if any(s < end and start < e for s, e in taken):
            continue
        span = doc[token.i : token.i + 1]
        cluster.mentions.append(
            _Mention(span=span, start=start, end=end, text=token.text, label="", type=cluster.type)
        )
        taken.append((start, end))


def _add_definite_heads(doc: Doc, clusters: list[_Cluster]) -> None:
    """ "the Church" after "the Church of Scientology": a capitalised head noun with "the"
    names the nearest organisation before it whose name has that head."""
    heads: list[tuple[int, str, _Cluster]] = []
    for cluster in clusters:
        if cluster.type is not ActorType.ORGANIZATION:
            continue
        for mention in cluster.mentions:
            for word in core_words(mention.text):
                if word in ORG_HEADS:
                    heads.append((mention.start, word, cluster))
    if not heads:
        return
    taken = [(e.start_char, e.end_char) for e in doc.ents]
    taken += [(m.start, m.end) for c in clusters for m in c.mentions]
    for token in doc[1:]:
        word = token.lower_
        if not token.is_title or word not in ORG_HEADS or doc[token.i - 1].lower_ != "the":
            continue
        if token.is_sent_start or doc[token.i - 1].is_sent_start and token.i - 1 == 0:
            continue
        if token.i + 1 < len(doc) and (
            doc[token.i + 1].is_title or doc[token.i + 1].lower_ == "of"
        ):
            continue  # the start of a longer name
        start, end = token.idx, token.idx + len(token.text)
        if any(s < end and start < e for s, e in taken):
            continue
        before = [(s, c) for s, w, c in heads if w == word and s < start]
        if not before:
            continue
        cluster = max(before, key=lambda x: x[0])[1]
        span = doc[token.i : token.i + 1]
        cluster.mentions.append(
            _Mention(span=span, start=start, end=end, text=token.text, label="", type=cluster.type)
        )


def _acronym_form(words: list[str]) -> str:
    initials = acronym(words)
    return initials if len(initials) >= 2 else ""


# --- actors ------------------------------------------------------------------------------


def _actor(actor_id: str, cluster: _Cluster) -> Actor:
    mentions = sorted(
        {(m.start, m.end): m for m in cluster.mentions}.values(), key=lambda m: m.start
    )
    name = cluster.canonical or _fullest_name(cluster)
    aliases = sorted({m.text for m in mentions} - {name})
    roles: list[str] = []
    if cluster.type in (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.MEDIA):
        for mention in mentions:
            if mention.label:
                person = cluster.type is ActorType.PERSON
                roles.extend(r for r in roles_of(mention.span, person=person) if r not in roles)
    return Actor(
        id=actor_id,
        name=name,
        type=cluster.type or ActorType.ORGANIZATION,
        aliases=tuple(aliases),
        roles=tuple(roles),
        mentions=tuple(Mention(m.start, m.end, m.text) for m in mentions),
    )


def _fullest_name(cluster: _Cluster) -> str:
    """The written form with the most name words; titles and "the" dropped."""
    best = max(cluster.mentions, key=lambda m: (len(core_words(m.text)), len(m.text), -m.start))
    words = best.text.split()
    while len(words) > 1 and (fold(words[0]) in TITLES or fold(words[0]) == "the"):
        if cluster.type is not ActorType.PERSON and fold(words[0]) != "the":
            break
        words = words[1:]
    return " ".join(words)
