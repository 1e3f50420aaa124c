"""Actor types: what a candidate mention is, from the gazetteers, its label and its parse.

Fixed names get a cluster key (`country:Egypt`, `media:Reuters`, `group:Islamic State`);
a capital that acts ("Riyadh suspended", "Cairo's move") is its country; a demonym is no
actor. Person or organisation is decided per cluster, from every mention's evidence:
titles and roles, names built like a body's, other people's first names in the article.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import (
    armed_group_info,
    countries,
    country_info,
    country_of_capital,
    country_of_demonym,
    fold,
    name_key,
    organization_info,
)
from ..model import ActorType
from . import media_ruler
from .actor_mentions import Candidate, people_named
from .armed_acts import (
    a_group_here,
    acts_armed,
    names_an_armed_group,
    owed_allegiance,
    struck_here,
)
from .forces import forces_name
from .names import (
    ORG_HEADS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLES,
    core_words,
    ends_with_org_head,
    given_names,
    listed_person,
    looks_like_person_name,
    names_a_body,
    strip_particle,
)
from .places import is_dateline_span, place_country
from .roles import roles_of
from .speech import OUTLET_VERBS, speech_verbs

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# verbs after which a capital is a destination, not a government ("visited Cairo")
_MOVEMENT_VERBS = lexicon.words("movement_verbs.txt")
# "visited", "reached": going to a place (one visits people too)
_VISIT_VERBS = lexicon.words("movement_verbs.txt", flag="visit")
# "toured": what one tours is a place unless it is named as a person
_TOURED = lexicon.words("movement_verbs.txt", flag="toured")
# "in support of Moscow", "relations with Damascus": the city stands for its government
_GOVERNMENT_PREPS = lexicon.words("prepositions.txt", flag="government")
# last words of outlet names: "Edmonton Sun", "al-Masirah TV"
_NEWSPAPER_WORDS = lexicon.words("outlet_name_words.txt")
# role nouns that describe a body, not a person: the outlet nouns
_BODY_ROLES = lexicon.words("outlet_nouns.txt")
# "the decision of Riyadh": the capital stands for its government
_STANCE_NOUNS = lexicon.words("stance_nouns.txt", flag="capital")
# adjectives of regions: "Middle Eastern disputes", "West African nations" name no actor
_REGIONAL_ADJECTIVES = lexicon.words("regional_adjectives.txt")


def is_demonym_phrase(mention: Candidate) -> bool:
    """ "Saudi Arabian", "Middle Eastern", "West African" modifying a noun: no actor."""
    text = mention.text
    if mention.label not in ("NORP", "GPE", "LOC") or len(text.split()) < 2:
        return False  # a lone "Syrian" is judged by _classify_norp ("Syrians" are a group)
    if country_of_demonym(text) is not None and mention.span.root.tag_ not in ("NNS", "NNPS"):
        return True
    if mention.span.root.dep_ != "amod":
        return False
    last = fold(text.split()[-1])
    return last in _REGIONAL_ADJECTIVES or country_of_demonym(last) is not None


def classify(mention: Candidate) -> None:
    """Set the type (and for fixed names the cluster key) of one mention."""
    label, text = mention.label, mention.text
    if label != media_ruler.MEDIA_LABEL and is_demonym_phrase(mention):
        mention.type = None  # see link_demonyms
        return
    if label == media_ruler.MEDIA_LABEL:
        name = mention.canonical or text
        if _head_noun(name) in _MONITOR_HEADS:
            # "the Syrian Observatory for Human Rights": its head noun says a body that
            # watches and counts, not a news medium, whatever list has it
            _fix(mention, ActorType.ORGANIZATION, "org", name)
            return
        _fix(mention, ActorType.MEDIA, "media", name)
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
        if group is not None and a_group_here(candidate, mention.span.doc):
            _fix(mention, ActorType.GROUP, "group", group.name)
            return
        organization = organization_info(candidate)
        if organization is not None:
            _fix(mention, ActorType.ORGANIZATION, "org", organization.name)
            return
    if label != "GPE" and names_an_armed_group(text):
        # "Liwa al-Quds", "Saraya Awliya al-Dam": a name that says the kind of armed unit
        _fix(mention, ActorType.GROUP, "group", text)
        return
    forces = _forces_of(text)
    if forces is not None and label == "ORG":
        # "the Israeli army" and "the Israeli military": one actor, the state's forces
        _fix(mention, ActorType.ORGANIZATION, "forces", forces)
        mention.canonical = text  # named as the text first names it
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
    if _names_the_place_after(mention):
        mention.type = ActorType.PLACE  # "Ras Isa port", "the Orontes river", "Nur Shams camp"
        return
    if label == "NORP":
        if country_of_demonym(text) is None and _titled(mention.span):
            # "Sheikh Tamim": the NER took the name for a people; the title says a person's
            mention.label = "PERSON"
            mention.type = ActorType.PERSON
            return
        if country_of_demonym(text) is None and place_country(text) is not None:
            mention.type = ActorType.PLACE  # "Aleppo residents": a city, not a nationality
            return
        _classify_norp(mention)
        return
    if label in ("ORG", "LOC") and " " not in text and _is_state_term(text) and _after_the(mention):
        # "The North said": a state's name for itself, the NER's label aside (add_state_terms)
        mention.type = None
        mention.key = "state:" + fold(text)
        return
    if label in ("GPE", "LOC", "FAC") and _a_title_alone(text):
        # "the Sheriff" the NER took for a building: a person's title, no place; alone it
        # is a description, not a name (gold/README.md), so cluster_names drops it
        mention.type = ActorType.PERSON
        return
    if label in ("GPE", "LOC"):
        capital_of = country_of_capital(text)
        dateline = is_dateline_span(mention.span)
        if capital_of is not None and _stands_for_government(mention.span) and not dateline:
            _fix(mention, ActorType.COUNTRY, "country", capital_of.name)
        elif label == "GPE" and _is_state_term(text):
            mention.type = None  # resolved against the countries around it
            mention.key = "state:" + fold(text)
        else:
            mention.type = ActorType.PLACE
        return
    if label == "FAC" and ends_with_org_head(text) and acts_armed(mention.span):
        # "Fighters of the Nour al-Din al-Zenki Movement": a body's name, its fighters named
        _fix(mention, ActorType.GROUP, "group", text)
        return
    if label == "FAC":
        person = looks_like_person_name(text) and not _a_building_named_after(mention.span)
        mention.type = ActorType.PERSON if person else ActorType.PLACE
        return
    capital_of = country_of_capital(text) if label in ("PERSON", "ORG") else None
    if capital_of is not None and _capital_acts(mention):
        # "Ankara said": the NER took the capital for a person; acting, it is the government
        _fix(mention, ActorType.COUNTRY, "country", capital_of.name)
        return
    if _opens_with_a_place_word(mention):
        mention.type = ActorType.PLACE  # "Masjid Al-Aqsa", "Jabal al-Zawiya" taken for people
        return
    if _listed_place(mention):
        mention.type = ActorType.PLACE  # "Abha", "Sanaa", a dateline "BAGHDAD"
        return
    if _named_by_a_place_noun(mention.span):
        mention.type = ActorType.PLACE  # "the towns of Saraqib and Maarat Misrin"
        return
    if label == "PERSON" and _a_toured_place(mention):
        mention.type = ActorType.PLACE  # "Sudani visited Jurf al-Sakhar", "toured Neom"
        return
    if (
        label in ("PERSON", "ORG")
        and struck_here(mention.span)
        and not names_a_body(text)
        and not _person_beside(mention.span)
    ):
        mention.type = ActorType.PLACE  # "a shell landed near Nirim": where the blow fell
        return
    placed = label in ("PERSON", "ORG") and _ends_with_a_place_noun(text, body=label == "ORG")
    if placed and (not _titled(mention.span) or _a_building_named_after(mention.span)):
        # "Gaisano Mall", "Tahrir Square": no one's name; "the King Hussein Bridge": a
        # building named after a titled person
        mention.type = ActorType.PLACE
        return
    words = fold(text).split()
    if called_an_outlet(mention.span):
        # "the newspaper Politiken", "broadcaster NRK", "Kathimerini newspaper"
        _fix(mention, ActorType.MEDIA, "media", text)
        return
    if len(words) >= 2 and (words[-1] in _NEWSPAPER_WORDS or words[-2:] == ["news", "agency"]):
        # "Edmonton Sun", "al-Masirah TV": an unlisted outlet is still an outlet
        _fix(mention, ActorType.MEDIA, "media", text)
        return
    mention.type = ActorType.PERSON if label == "PERSON" else ActorType.ORGANIZATION
    mention.by_default = True  # nothing but the NER's label said so


_MONITOR_HEADS = lexicon.words("org_heads.txt", flag="monitor")


def _head_noun(name: str) -> str:
    """The head noun of a name: its last word before "for", "of" or "on" ("Observatory"
    of "Syrian Observatory for Human Rights")."""
    words = fold(name).split()
    for i, word in enumerate(words):
        if i and word in ("for", "of", "on"):
            return words[i - 1]
    return words[-1] if words else ""


# nouns that say the name beside them is an outlet: "broadcaster NRK", "X newspaper"
_OUTLET_NOUNS = lexicon.words("outlet_nouns.txt", flag="before")
# after a name fewer: "the WHO website" and "his YouTube channel" are no outlets
_OUTLET_NOUNS_AFTER = lexicon.words("outlet_nouns.txt", flag="after")


def called_an_outlet(span: Span) -> bool:
    """Whether the text calls this name an outlet: "the newspaper X", "X newspaper"."""
    doc = span.doc
    if span.start > 0:
        before = doc[span.start - 1]
        earlier = doc[span.start - 2] if span.start > 1 else None
        if before.lower_ in ("daily", "weekly"):
            # "Greek daily Kathimerini", "the daily Haaretz"; not "a daily Aspirin"
            return earlier is not None and (
                earlier.lower_ == "the" or earlier.is_title or earlier.text.isupper()
            )
        if before.lower_ in _OUTLET_NOUNS and before.pos_ in ("NOUN", "PROPN", "ADJ"):
            return before.lower_ != "agency" or (earlier is not None and earlier.lower_ == "news")
    if span.end < len(doc):
        after = doc[span.end]
        if after.lower_ in _OUTLET_NOUNS_AFTER and after.pos_ in ("NOUN", "PROPN"):
            return after.is_lower and not (span.end + 1 < len(doc) and doc[span.end + 1].is_title)
        if (
            after.lower_ == "news"
            and span.end + 1 < len(doc)
            and doc[span.end + 1].lower_ == ("agency")
        ):
            return True
    return False


def reported_by(span: Span) -> bool:
    """Whether this name is the subject of a verb outlets do ("+report" in speech_verbs.txt):
    "NRK reported the fire..."."""
    token = span.root
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in OUTLET_VERBS


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


_FORCE_KINDS = {row["phrase"]: row["kind"] for row in lexicon.table("force_nouns.csv")}


def _forces_of(text: str) -> str | None:
    """The name of a state's forces ("Iraqi security forces"), one per state and kind."""
    demonym, _, rest = text.partition(" ")
    kind = _FORCE_KINDS.get(rest.lower())
    country = country_of_demonym(demonym)
    if kind is None or country is None:
        # "the Iraqi federal police", "the Saudi-led coalition" (forces.py)
        named = forces_name(text)
        return named[0] if named else None
    same_kind = [n for n, k in _FORCE_KINDS.items() if k == kind]
    return f"{demonym} {same_kind[0]}" if kind == "armed" else f"{demonym} {rest.lower()}"


def _a_title_alone(text: str) -> bool:
    """ "Sheriff", "the President": one personal title and nothing else names the person
    who holds it (capitalised as a name), never a place."""
    words = fold(text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return len(words) == 1 and words[0] in TITLES and words[0] not in TITLE_MODIFIERS


def _fix(mention: Candidate, actor_type: ActorType, namespace: str, name: str) -> None:
    mention.type = actor_type
    mention.key = f"{namespace}:{name}"
    mention.canonical = name


# kinds of place written before the name: "Wadi Barada", "Mount Lebanon"
_PLACE_HEADS_FIRST = lexicon.words("place_heads_first.txt") - lexicon.words(
    "place_heads_first.txt", flag="title"
)
# those that are also given names or English words ("Tal Becker", "Lake Bell")
_AMBIGUOUS_HEADS = lexicon.words("place_heads_first.txt", flag="ambiguous")


def _opens_with_a_place_word(mention: Candidate) -> bool:
    """A person's or a body's label on a name that opens with a kind of place ("Masjid
    Al-Aqsa", "Jabal al-Zawiya"): a place, unless the text makes it a person (a personal
    title or role beside it: "spokeswoman Tal Heinrich", "Tal Becker, a legal adviser"), it
    speaks ("Mount Sinai said"), or it reads as a person's or a body's name. A head that is
    also a given name or an English word ("Tal", "Ras", "Lake") needs a place's form after it:
    "Ras al-Ain", "Tell Abyad", "Mount Lebanon", never "Ras Baraka" or "Ayn Rand"."""
    words = mention.text.split()
    if mention.label not in ("PERSON", "ORG") or len(words) < 2:
        return False
    first = fold(words[0])
    if first not in _PLACE_HEADS_FIRST or _speaks(mention.span):
        return False
    if mention.label == "PERSON" and _person_beside(mention.span):
        return False
    if names_a_body(mention.text):
        return False
    if first in _AMBIGUOUS_HEADS:
        return _in_a_place_form(mention.text) or _gone_to_or_struck(mention.span)
    return not looks_like_person_name(mention.text)


def agree_on_place_or_body(mentions: list[Candidate]) -> None:
    """One written name, one type: a name typed a place in some mentions and a body in
    others ("the Nagorno-Karabakh region" twice, "Nagorno-Karabakh" alone once) takes the
    type most of its mentions have, a place on a tie, counting as bodies only those typed
    so by evidence (a body is also the type of a name nothing else explains), so that it
    is one actor. Fixed names (keyed) are left alone."""
    counts: dict[str, Counter[ActorType]] = defaultdict(Counter)
    guessed: Counter[str] = Counter()  # bodies by the NER's label alone
    for mention in mentions:
        if not mention.key and mention.type in (ActorType.PLACE, ActorType.ORGANIZATION):
            counts[name_key(mention.text)][mention.type] += 1
            guessed[name_key(mention.text)] += mention.by_default
    for mention in mentions:
        if mention.key or mention.type not in (ActorType.PLACE, ActorType.ORGANIZATION):
            continue
        key = name_key(mention.text)
        types = counts[key]
        if len(types) == 2:
            # a body by the NER's label alone does not outvote a place found by evidence
            # ("the city of Cahors" once, "Cahors" the NER's body four times: review J8)
            bodies = types[ActorType.ORGANIZATION] - guessed[key]
            place = not bodies or types[ActorType.PLACE] >= bodies
            mention.type = ActorType.PLACE if place else ActorType.ORGANIZATION


def _a_toured_place(mention: Candidate) -> bool:
    """The object of "toured" that the NER calls a person with nothing of a person's about
    it: no title or role beside it, no given name first, no listed person, and no word of
    it in a longer person's name of the text ("toured Neom"). After "visited" or another
    verb of going (+visit in movement_verbs.txt; one visits people too: "Putin visited
    Erdogan") only with a place's form ("visited Jurf al-Sakhar") or a listed place
    joined to it ("visited Tabuk and Neom") (review J1)."""
    span = mention.span
    if not span.doc.has_annotation("DEP"):
        return False
    first = _first_conjunct(span.root)
    if first.dep_ != "dobj" or first.head.lemma_.lower() not in _VISIT_VERBS:
        return False
    text = mention.text
    in_a_place_form = " " in text and _in_a_place_form(text)
    if first.head.lemma_.lower() not in _TOURED and not (
        in_a_place_form or _joined_to_a_listed_place(span.root, first)
    ):
        return False  # "Putin visited Erdogan": one visits people too
    words = core_words(text)
    if not words or fold(words[0]) in given_names() or listed_person(text):
        return False
    if looks_like_person_name(text) or _person_beside(span):
        return False
    # a word of a longer name the NER calls a person here ("Jared Kushner")
    longest = people_named(span.doc)[1]
    return not any(longest.get(word, 0) > len(span) for word in words)


def _joined_to_a_listed_place(root: Token, first: Token) -> bool:
    """ "visited Tabuk and Neom": joined by "and" to a listed place or country."""
    if first.i == root.i:
        return False
    return place_country(first.text) is not None or country_info(first.text) is not None


def _first_conjunct(token: Token) -> Token:
    """The first of the names joined to `token` by "and": the one the sentence attaches
    ("shelled Ain Arnab and Tel Tamr": Tel Tamr's place in the clause is Ain Arnab's)."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _gone_to_or_struck(span: Span) -> bool:
    """ "shelled Ain Arnab and Tel Tamr", "fighting reached Ain Yousef", "withdrew from Tel
    Abyad": a name that opens with a kind of place, where something goes or is struck
    (the object of a verb of movement or attack, or after a preposition of where)."""
    if not span.doc.has_annotation("DEP"):
        return False
    token = _first_conjunct(span.root)
    head = token.head
    if token.dep_ == "dobj":
        return head.lemma_.lower() in _MOVEMENT_VERBS
    return token.dep_ == "pobj" and head.lower_ in _WHERE_PREPS | _DIRECTION_PREPS


def _in_a_place_form(text: str) -> bool:
    """ "Ras al-Ain" (an Arabic article after the head), "Tell Abyad" (a listed place),
    "Mount Lebanon" (a country after the head)."""
    rest = text.split(None, 1)[1]
    return (
        strip_particle(rest) != rest
        or place_country(text) is not None
        or place_country(rest) is not None
        or country_info(rest) is not None
    )


def _person_beside(span: Span) -> bool:
    """A personal title or a role only people hold next to the name: "Mayor Ras Baraka",
    "spokeswoman Tal Heinrich" (a noun before it that modifies it), "Tal Becker, a legal
    adviser" (an apposition), "General Tal Russo"."""
    if _titled(span) or _has_person_role(span) or _described_as_person(span):
        return True
    if span.start == 0 or not span.doc.has_annotation("DEP"):
        return False
    before = span.doc[span.start - 1]
    modifies = span.start <= before.head.i < span.end or (
        span.root.dep_ == "appos" and span.root.head.i == before.i
    )
    return modifies and before.pos_ in ("NOUN", "PROPN") and before.lower_ in _PERSON_NOUNS


def _speaks(span: Span) -> bool:
    """The subject of a verb of speech ("Lake Bell said", "Mount Sinai said"): a place
    does not speak."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in speech_verbs()


def _listed_place(mention: Candidate) -> bool:
    """A town or city of the place list that nothing in the text makes a person or a body."""
    span = mention.span
    if place_country(mention.text) is None:
        return False
    if mention.text.isupper():
        # capitals: a dateline, or an acronym the place list happens to spell
        return is_dateline_span(span)
    if owed_allegiance(span):
        return False  # "gunmen loyal to Sadr": a leader or a body, never a town
    if _before_an_ownable_place_noun(span) and listed_person(mention.text):
        return False  # "the Sadr camp": the cleric's following, not the town
    if mention.label == "PERSON" and (
        _titled(span) or looks_like_person_name(mention.text) or _in_a_full_name(span)
    ):
        return False
    return not (mention.label == "ORG" and names_a_body(mention.text))


def _in_a_full_name(span: Span) -> bool:
    """ "Mubarak" after "Hosni Mubarak": a word of a person's full name elsewhere in the text."""
    words = set(span.text.split())
    return any(
        e.label_ == "PERSON" and len(e) > 1 and words <= {t.text for t in e} and e != span
        for e in span.doc.ents
    )


def _classify_norp(mention: Candidate) -> None:
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


def _capital_acts(mention: Candidate) -> bool:
    """A capital the NER labelled a person or a body, standing for its government as a
    GPE would ("Ankara said", "Riyadh's decision"); not a given name ("Victoria said"), a
    dateline, nor a name with a title ("President X")."""
    text = mention.text
    if fold(text) in given_names() or is_dateline_span(mention.span):
        return False
    return not _titled(mention.span) and _stands_for_government(mention.span)


def _is_state_term(text: str) -> bool:
    folded = fold(text)
    return any(fold(term) == folded for c in countries() for term in c.state_terms)


def only_nationality(words: list[str]) -> bool:
    return bool(words) and all(country_of_demonym(w) or country_info(w) for w in words)


def person_or_organization(
    mentions: list[Candidate], *, first_names: dict[str, set[tuple[str, ...]]]
) -> ActorType:
    """Person or organisation, from every mention's evidence rather than one NER label."""
    fullest = max(mentions, key=lambda m: len(core_words(m.text)))
    if (
        not any(_titled(m.span) for m in mentions)
        and not looks_like_person_name(fullest.text)
        and (
            any(acts_armed(m.span, alone=False) for m in mentions)
            or (
                any(acts_armed(m.span) for m in mentions)
                and not _may_command(fullest.text, mentions)
            )
        )
    ):
        # "Liwa Thar claimed the attack", "the Jund al-Aqsa Brigades fired rockets": who
        # fights is an armed group, by agreement, whatever its name is built like
        return ActorType.GROUP
    if listed_person(fullest.text) and any(acts_armed(m.span) for m in mentions):
        return ActorType.PERSON  # "Haftar shelled Tripoli": a commander, whatever the NER said
    if _only_a_site(fullest.text, mentions):
        return ActorType.PLACE  # "died at Gleneagles Hospital": where, not who
    if (
        names_a_body(fullest.text)
        or any(m.text.isupper() and len(m.text) > 1 for m in mentions)
        or any(_called_a_body(m.span) or _described_as_body(m.span) for m in mentions)
    ):
        return ActorType.ORGANIZATION
    if not any(_titled(m.span) for m in mentions) and any(
        _described_as_place(m.span) for m in mentions
    ):
        return ActorType.PLACE  # "Hagia Sophia, formerly a church", "a region called X"
    if not any(_titled(m.span) for m in mentions) and any(
        m.label == "PERSON" and _with_the(m.span) for m in mentions
    ):
        # "to the Bat Cave": a person's name takes no article; where one goes is a place
        if any(_a_destination(m.span) for m in mentions):
            return ActorType.PLACE
        return ActorType.ORGANIZATION
    if (
        not any(_titled(m.span) or m.label == "PERSON" for m in mentions)
        and not listed_person(fullest.text)
        and any(_its_own(m.span) for m in mentions)
    ):
        # "Morgan Stanley cut its forecast": the NER's body built like a person's name,
        # and "its" says a body (where the NER says a person, "its" may be another's)
        return ActorType.ORGANIZATION
    if any(_titled(m.span) for m in mentions) or looks_like_person_name(fullest.text):
        return ActorType.PERSON
    words = core_words(fullest.text)
    if 2 <= len(words) <= 4 and first_names.get(words[0], set()) - {tuple(words[1:])}:
        return ActorType.PERSON  # the first name of another person here
    if any(_has_person_role(m.span) or _described_as_person(m.span) for m in mentions):
        return ActorType.PERSON
    if any(m.label == "PERSON" and len(core_words(m.text)) >= 2 for m in mentions):
        return ActorType.PERSON
    votes = sum(1 if m.type is ActorType.PERSON else -1 for m in mentions)
    # a tie: a lone capitalised word the NER calls a person half the time is one
    person = votes >= 0
    if any(_used_as_place(m.span, person=person) for m in mentions):
        return ActorType.PLACE  # nothing says who; the syntax says where
    return ActorType.PERSON if person else ActorType.ORGANIZATION


def _its_own(span: Span) -> bool:
    """The subject of a verb whose object is "its" something ("Morgan Stanley cut its
    forecast", "Toyota raised its prices"): a body, which a person's "his" or "her" would
    not be."""
    root = span.root
    if root.dep_ != "nsubj" or not span.doc.has_annotation("DEP"):
        return False
    return any(
        child.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ == "its" for g in child.children)
        for child in root.head.children
    )


def _may_command(name: str, mentions: list[Candidate]) -> bool:
    """Whether the subject of a verb of fighting may be a person or a body that orders
    it ("Khalifa Haftar shelled Tripoli", "Erdogan shelled his opponents", "NATO bombed"):
    a listed person ("Haftar"), a name the NER calls a person somewhere and not built like an armed group's or a
    body's ("Jaysh al-Islam shelled Damascus" is a group), a country, or an organisation
    we know that is no armed group."""
    if armed_group_info(name) is not None:
        return False
    if country_info(name) is not None or organization_info(name) is not None:
        return True
    if listed_person(name):
        return True  # "Haftar shelled Tripoli": a commander the press names
    return any(m.label == "PERSON" for m in mentions) and not (
        names_an_armed_group(name) or names_a_body(name)
    )


# bodies that are also a site: "Gleneagles Hospital", "NTU Hospital Station"
_SITE_HEADS = lexicon.words("org_heads.txt", flag="site")
# "at", "in", "to": where a site is named as one
_SITE_PREPS = lexicon.words("prepositions.txt", flag="locative") | lexicon.words(
    "prepositions.txt", flag="direction"
)


def _only_a_site(name: str, mentions: list[Candidate]) -> bool:
    """A hospital's, an airport's, a station's name that the text only puts somewhere
    ("died at Gleneagles Hospital", "flown to Karaj airport"): a place; one that acts or
    speaks anywhere ("the hospital said") stays a body."""
    words = core_words(name)
    if not words or words[-1] not in _SITE_HEADS:
        return False
    placed = False
    for mention in mentions:
        root = mention.span.root
        if root.dep_ in ("nsubj", "nsubjpass", "poss") or root.head.dep_ == "agent":
            return False
        if root.dep_ == "pobj" and root.head.lower_ in _SITE_PREPS:
            placed = True
    return placed


# nouns of kinds of place: "the Sulu region", "Bangsamoro province" name places
_BUILDING_NOUNS = lexicon.words("place_nouns.txt", flag="building")
# "the Golan Heights", "the Ghab Plain": no body is named so, whatever the NER says
_LANDFORM_NOUNS = lexicon.words("place_nouns.txt", flag="landform")
# "Alawite", "Kurdish": a people's word before a kind of place ("the Alawite coast") is theirs
_PEOPLES = lexicon.words("peoples.txt")
# "camp", "base", "port": kinds of place a body or a following may own and name
_OWNABLE_PLACE_NOUNS = lexicon.words("place_nouns.txt", flag="ownable")
_PLACE_NOUNS = lexicon.words("place_nouns.txt") - _BUILDING_NOUNS - _OWNABLE_PLACE_NOUNS
# "a region to be called Bangsamoro", "the town, renamed X"
_NAMING_VERBS = {"call", "name", "rename", "know"}


def _after_the(mention: Candidate) -> bool:
    span = mention.span
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def _with_the(span: Span) -> bool:
    """ "the Bat Cave": a name the NER called a person, with the definite article right
    before it and governing it (not "the Trump administration", where it is the noun's)."""
    if span.start == 0 or not span.doc.has_annotation("DEP"):
        return False
    before = span.doc[span.start - 1]
    return (
        before.lower_ == "the"
        and before.dep_ == "det"
        and before.head.i == span.root.i
        and span.root.tag_ == "NNP"
        and len(span) > 1
    )


def _a_destination(span: Span) -> bool:
    """ "to the Bat Cave", "in the Hagia Sophia": where something goes or is."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS | {"to", "into", "at"}


def _described_as_place(span: Span) -> bool:
    """A name the text itself says is a place: in apposition to a place or building noun
    ("Hagia Sophia, formerly a Greek Orthodox church"), joined to a place noun ("Jolo, and
    the Sulu region it is within"), or the name a place noun is called ("the new region, to
    be called Bangsamoro")."""
    if not span.doc.has_annotation("DEP"):
        return False
    root = span.root
    if any(
        child.i >= span.end
        and child.dep_ in ("appos", "conj")
        and child.pos_ == "NOUN"
        and child.lemma_.lower() in _PLACE_NOUNS | _BUILDING_NOUNS
        for child in root.children
    ):
        return True
    head = root.head
    return (
        root.dep_ in ("oprd", "attr", "xcomp")
        and head.lemma_.lower() in _NAMING_VERBS
        and head.dep_ in ("relcl", "acl")
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in _PLACE_NOUNS | _BUILDING_NOUNS
    )


def _names_the_place_after(mention: Candidate) -> bool:
    """A name compounded with a kind of place in small letters right after it ("Ras Isa
    port", "Qayyarah air base", "the Orontes river", "the Mansour district"), whatever the
    NER called it, unless something makes it a person's, a people's or a body's: a title,
    a person's full name here holding it, a listed person, a body's head, a nationality
    ("the Kurdish region"), or the phrase speaks ("the Trump camp said"). Listed groups
    and bodies ("a Hamas camp") are typed before this is asked."""
    span = mention.span
    if mention.label not in ("PERSON", "ORG", "NORP") or not span.doc.has_annotation("DEP"):
        return False
    root = span.root
    noun = root.head
    if root.dep_ != "compound" or noun.i < span.end or noun.pos_ != "NOUN" or not noun.is_lower:
        return False
    # only small-letter compounds between: "Qayyarah air base", not "Qayyarah Air Base"
    if any(not t.is_lower for t in span.doc[span.end : noun.i]):
        return False
    kinds = {noun.lemma_.lower(), noun.lower_}
    if not kinds & (_PLACE_NOUNS | _OWNABLE_PLACE_NOUNS):
        return False
    text = mention.text
    if kinds & _OWNABLE_PLACE_NOUNS and _a_following(mention):
        return False  # "the Trump base", "the Sadr camp": a leader's following
    if mention.label == "NORP" and (country_of_demonym(text) is not None or fold(text) in _PEOPLES):
        return False
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in speech_verbs():
        return False
    return not (
        _titled(span)
        or _in_a_full_name(span)
        or listed_person(text)
        or looks_like_person_name(text)
        or names_a_body(text)
    )


def _before_an_ownable_place_noun(span: Span) -> bool:
    root = span.root
    head = root.head
    return root.dep_ == "compound" and head.i >= span.end and head.lower_ in _OWNABLE_PLACE_NOUNS


def _a_following(mention: Candidate) -> bool:
    """A one-word name the NER calls a person or a body before "camp" or "base": a leader's
    or a body's following ("the Trump base", "the Sadr camp") unless a listed place no
    listed person shares ("Balata camp", "Qayyarah air base")."""
    text = mention.text
    if " " in text or mention.label not in ("PERSON", "ORG"):
        return False
    return place_country(text) is None or listed_person(text)


def _ends_with_a_place_noun(text: str, *, body: bool) -> bool:
    """A name of two words or more whose last is a kind of place or building, capitalised
    ("Gaisano Mall", "Tahrir Square"), and no body's head ("Grace Church"). A name the NER
    called a body needs a building ("Robinsons Mall") or a landform ("Golan Heights"): a
    club is named after its city ("Hull City")."""
    words = text.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    last = fold(words[-1])
    nouns = _BUILDING_NOUNS | _LANDFORM_NOUNS if body else _PLACE_NOUNS | _BUILDING_NOUNS
    return last in nouns and last not in ORG_HEADS


def _a_building_named_after(span: Span) -> bool:
    """ "The", a title, a name and a kind of building, capitalised: "the King Hussein
    Bridge", "the King Fahd Causeway", "the Sheikh Zayed Mosque" are built things named
    after a person (the title inside the name or right before it)."""
    words = span.text.split()
    if len(words) < 2 or not words[-1][:1].isupper() or fold(words[-1]) not in _BUILDING_NOUNS:
        return False
    # the title opens the name, or comes right before it, after "the": "General Tom
    # Bridge" is a man, "the King Fahd Causeway" a causeway
    doc = span.doc
    title = span.start if len(words) >= 3 and fold(words[0]) in TITLES else span.start - 1
    if title < 1 or (title < span.start and fold(doc[title].text) not in TITLES):
        return False
    return doc[title - 1].lower_ == "the"


def _named_by_a_place_noun(span: Span) -> bool:
    """The name (or a name joined to it by "and") that a kind of place is "of": "the
    villages of X and Y", "the province of North Cotabato", "the island of Rapa Nui"."""
    if not span.doc.has_annotation("DEP"):
        return False
    token = _first_conjunct(span.root)
    of = token.head
    if token.dep_ != "pobj" or of.lower_ != "of" or of.i >= span.start:
        return False
    noun = of.head
    return noun.pos_ == "NOUN" and noun.i == of.i - 1 and noun.lemma_.lower() in _PLACE_NOUNS


# "in Jolo", "near Sulu": where something is; not "at", which bodies take ("at Google")
_WHERE_PREPS = lexicon.words("prepositions.txt", flag="locative") - {"at"}
# "withdrew from Tel Abyad", "reached into Ain Issa": where something went
_DIRECTION_PREPS = lexicon.words("prepositions.txt", flag="direction")


def _used_as_place(span: Span, *, person: bool) -> bool:
    """A name the syntax uses as a place: beside a place noun ("the Sulu region"), in
    apposition to a place ("Livorno, Tuscany"), or, for a name with no evidence of a
    person but the NER's label, after a preposition of where ("bombings in Jolo")."""
    if not span.doc.has_annotation("DEP"):
        return False
    root = span.root
    head = root.head
    # the word as written too: the tagger makes "the Rafah crossing" a verb, "cross", though
    # a name compounded with it makes it a noun
    if root.dep_ in ("compound", "nmod") and {head.lemma_.lower(), head.lower_} & _PLACE_NOUNS:
        return head.i >= span.end and (head.pos_ == "NOUN" or head.tag_ == "VBG")
    if root.dep_ == "appos" and head.ent_type_ in ("GPE", "LOC") and head.i < span.start:
        return True
    return (
        person
        and root.dep_ == "pobj"
        and head.lower_ in _WHERE_PREPS
        and not any(t.tag_ == "POS" for t in span.doc[span.end : span.end + 1])
    )


# "Maya Cummings, his wife": nouns only people are (kin, and the role nouns of people)
_PERSON_NOUNS = (lexicon.words("person_nouns.txt") | ROLE_NOUNS) - _BODY_ROLES


def _described_as_person(span: Span) -> bool:
    """ "Maya Rockeymoore Cummings, his wife and ...": right after the name and a comma,
    a noun only a person is, joined to the name (the parser makes it an apposition or,
    before "and", a conjunct)."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or not doc.has_annotation("DEP"):
        return False
    for token in doc[span.end + 1 : span.end + 5]:
        if token.pos_ in ("NOUN", "PROPN"):
            return (
                token.lower_ in _PERSON_NOUNS
                and token.head.i == span.root.i
                and token.dep_ in ("appos", "conj")
            )
        if token.pos_ not in ("DET", "PRON", "ADJ"):
            return False
    return False


def _described_as_body(span: Span) -> bool:
    """ "Milltech Marine, a firm specialising in AIS": right after the name and a comma, a
    body's head noun in apposition to it (the mirror of _described_as_person)."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "," or not doc.has_annotation("DEP"):
        return False
    for token in doc[span.end + 1 : span.end + 5]:
        if token.pos_ in ("NOUN", "PROPN"):
            return (
                token.is_lower
                and token.lower_ in ORG_HEADS
                and token.head.i == span.root.i
                and token.dep_ == "appos"
            )
        if token.pos_ not in ("DET", "ADJ"):
            return False
    return False


def _called_a_body(span: Span) -> bool:
    """ "Localist group Civic Passion": the noun right before the name makes it a body."""
    if span.start == 0 or not span.doc.has_annotation("DEP"):
        return False
    before = span.doc[span.start - 1]
    # a modifier of the name itself, not "speaker of the parliament Ali Larijani"
    modifies = (
        before.dep_ in ("compound", "nmod", "amod") and span.start <= before.head.i < span.end
    ) or (span.root.dep_ == "appos" and span.root.head.i == before.i)
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
