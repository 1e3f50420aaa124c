"""Short forms: mentions the NER missed or split off, joined to their actor.

"(EGPC)" after the corporation's name, "the Kingdom" after Saudi Arabia, "Aramco" after
"Saudi Aramco", "the Church" after "the Church of Scientology", "KSC" for "Kennedy Space
Center" typed differently by the NER, "Freedom" after the outlet "Freedom Magazine".
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import countries, country_info, country_of_demonym, fold, name_key
from ..model import ActorType
from .actor_mentions import Candidate
from .actor_types import only_nationality
from .aliases import Cluster, place_key
from .names import (
    ORG_HEADS,
    ROLE_NOUNS,
    TITLES,
    acronym,
    acronyms,
    core_words,
    given_names,
    looks_like_person_name,
    strip_particle,
)
from .spans import doc_text, tokens_spelled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def add_state_terms(doc: Doc, clusters: list[Cluster]) -> None:
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


def _untagged_state_terms(doc: Doc, clusters: list[Cluster]) -> list[Candidate]:
    """ "the kingdom" where the NER saw nothing."""
    terms = {fold(t) for c in countries() for t in c.state_terms if " " not in t}
    # "the North" for North Korea: a term that opens the state's name is a compass word,
    # the state only capitalised ("in the north" is a part of any country)
    capitalised = {fold(t) for c in countries() for t in c.state_terms if c.name.split()[0] == t}
    taken = _char_flags(len(doc_text(doc)), [(e.start_char, e.end_char) for e in doc.ents])
    found = []
    for token in tokens_spelled(doc, terms):
        if token.i == 0 or doc[token.i - 1].lower_ != "the":
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
            continue  # "the Kingdom of Jordan" is a name the NER tags itself
        if token.lower_ in capitalised and (
            not token.is_title or (token.i + 1 < len(doc) and doc[token.i + 1].is_title)
        ):
            continue  # "in the north", "the North Atlantic"
        start, end = token.idx, token.idx + len(token.text)
        if taken.find(1, start, end) != -1:
            continue
        found.append(
            Candidate(
                span=doc[token.i : token.i + 1], start=start, end=end, text=token.text, label="GPE"
            )
        )
    return found


def merge_parenthesised_short_forms(doc: Doc, clusters: list[Cluster]) -> None:
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


def merge_acronyms(clusters: list[Cluster]) -> None:
    """ "KSC" joins "Kennedy Space Center" even when the NER typed them differently."""
    expansions: dict[str, Cluster] = {}
    for cluster in clusters:
        if cluster.type in (ActorType.COUNTRY, None):
            continue
        # a person's three names or more ("John Fitzgerald Kennedy", JFK; a group's
        # transliterated name the NER took for a person's, "Kataib Hamiyat al-Sharq", KHS)
        least = 3 if cluster.type is ActorType.PERSON else 2
        for mention in cluster.mentions:
            words = mention.text.split()
            if len(words) >= least:
                for initials in acronyms(words):
                    expansions.setdefault(initials, cluster)
            # "CPD" of "the United States Commission on Presidential Debates": the
            # initials of the body's name without the state it opens with
            for cut in range(1, len(words) - 1):
                head = " ".join(words[:cut])
                if country_info(head) or country_of_demonym(head):
                    expansions.setdefault(acronym(words[cut:]), cluster)
    for cluster in clusters:
        if cluster.type in (ActorType.COUNTRY, ActorType.PERSON, None) or not cluster.mentions:
            continue
        if not all(m.text.replace(".", "").isupper() for m in cluster.mentions):
            continue
        target = expansions.get(cluster.mentions[0].text.replace(".", ""))
        if target is not None and target is not cluster:
            target.mentions.extend(cluster.mentions)
            cluster.mentions = []


# what a body's or an outlet's name ends with to say what it is: "Magazine", "Airlines"
_KIND_WORDS = (
    ORG_HEADS | lexicon.words("org_kind_words.txt") | lexicon.words("outlet_name_words.txt")
)
_LAST_KIND_WORDS = (
    ORG_HEADS
    | lexicon.words("outlet_name_words.txt")
    | lexicon.words("org_kind_words.txt", flag="last")
)


def merge_proper_parts(clusters: list[Cluster]) -> None:
    """ "Freedom" after "Freedom Magazine": a body or an outlet named later by its proper
    part alone, without the words saying what kind it is, whatever type the NER gave each
    (aliases._proper_part does this for two mentions both typed a body); "the Islamic
    Resistance" after "the Islamic Resistance in Iraq", without the country it works in."""
    _join_places_named_without_their_kind(clusters)
    parts: dict[tuple[str, ...], list[tuple[int, Cluster]]] = {}
    for cluster in clusters:
        if cluster.type is ActorType.GROUP or cluster.type is ActorType.ORGANIZATION:
            for mention in cluster.mentions:
                part = _without_country_served(core_words(mention.text))
                if part:
                    parts.setdefault(part, []).append((mention.start, cluster))
        if cluster.type not in (ActorType.ORGANIZATION, ActorType.MEDIA):
            continue
        for mention in cluster.mentions:
            words = core_words(mention.text)
            for cut in range(1, len(words)):
                rest = words[cut:]
                if rest[-1] in _LAST_KIND_WORDS and all(w in _KIND_WORDS for w in rest):
                    if not all(w in _KIND_WORDS for w in words[:cut]):
                        parts.setdefault(tuple(words[:cut]), []).append((mention.start, cluster))
                    break
    if not parts:
        return
    for cluster in clusters:
        if cluster.key or cluster.type not in _PART_TYPES:
            continue
        forms = {tuple(core_words(m.text)) for m in cluster.mentions}
        if len(forms) != 1 or not cluster.mentions:
            continue
        if cluster.type in (ActorType.PERSON, ActorType.PLACE) and not _a_lone_proper_word(
            next(iter(forms))
        ):
            continue
        if cluster.type is ActorType.PLACE and any(_used_as_a_place(m) for m in cluster.mentions):
            continue  # "Mysore district": the town, not "Mysore Division"
        owners = {id(c): (start, c) for start, c in parts.get(forms.pop(), ()) if c is not cluster}
        if len(owners) != 1:
            continue  # two bodies share the proper part: which one is meant is unknown
        start, owner = next(iter(owners.values()))
        if start > cluster.first or any(looks_like_person_name(m.text) for m in cluster.mentions):
            continue
        owner.mentions.extend(cluster.mentions)
        cluster.mentions = []


# the types the NER may give a body's short form: "Mahan" after "Mahan Air" a place,
# "Burisma" after "Burisma Holdings" a person
_PART_TYPES = (
    ActorType.ORGANIZATION,
    ActorType.MEDIA,
    ActorType.GROUP,
    ActorType.PERSON,
    ActorType.PLACE,
)


def _a_lone_proper_word(words: tuple[str, ...]) -> bool:
    """One word that is no given name: a person's or a place's type for it is the NER's
    guess, which the body named in full before overrides ("Mahan has been sanctioned")."""
    return len(words) == 1 and words[0] not in given_names()


# "district", "town", "region": a name right before one is a place's (not buildings, nor
# the camps and ports a body may own and name). A preposition of place before the name
# is no such evidence: "a role in Burisma", "corruption at Burisma" are how one writes of a
# company (review J5)
_PLACE_NOUNS = (
    lexicon.words("place_nouns.txt")
    - lexicon.words("place_nouns.txt", flag="building")
    - lexicon.words("place_nouns.txt", flag="ownable")
)


def _used_as_a_place(mention: Candidate) -> bool:
    """A name the text writes as a place's: before a noun of a kind of place ("Mysore
    district"). The NER's place type for it then stands, whatever body's name opens with
    the same word ("Mysore Division")."""
    span = mention.span
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _PLACE_NOUNS


def _join_places_named_without_their_kind(clusters: list[Cluster]) -> None:
    """ "Sinai" the NER took for a body, after "the Sinai Peninsula": a place named first
    with the kind of place it is, then without it (the kinds: aliases.place_key)."""
    kinds: dict[str, list[tuple[int, Cluster]]] = {}
    for cluster in clusters:
        if cluster.type is not ActorType.PLACE:
            continue
        for mention in cluster.mentions:
            key = place_key(mention.text)
            if key != name_key(mention.text):
                kinds.setdefault(key, []).append((mention.start, cluster))
    if not kinds:
        return
    for cluster in clusters:
        if cluster.key or cluster.type is not ActorType.ORGANIZATION or not cluster.mentions:
            continue
        if any(m.label == "PERSON" for m in cluster.mentions):
            continue  # "Washington" after "Washington State" may be a person's name
        forms = {name_key(m.text) for m in cluster.mentions}
        if len(forms) != 1:
            continue
        owners = {id(c): (start, c) for start, c in kinds.get(forms.pop(), ())}
        if len(owners) != 1:
            continue
        start, owner = next(iter(owners.values()))
        if start < cluster.first:
            owner.mentions.extend(cluster.mentions)
            cluster.mentions = []


def _without_country_served(words: list[str]) -> tuple[str, ...]:
    """ "Islamic Resistance" of "Islamic Resistance in Iraq": a body's name of two words or
    more without "in" and the country it works in, the name the press shortens it to."""
    if "in" not in words:
        return ()
    cut = words.index("in")
    if cut < 2 or country_info(" ".join(words[cut + 1 :])) is None:
        return ()
    return tuple(words[:cut])


def _char_flags(length: int, spans: list[tuple[int, int]]) -> bytearray:
    """One flag per character, set inside `spans`: whether a token overlaps one of them
    is then one lookup (`flags.find(1, start, end) != -1`), not a scan of all spans."""
    flags = bytearray(length + 1)
    for start, end in spans:
        flags[start:end] = b"\x01" * (end - start)
    return flags


def add_untagged_short_forms(doc: Doc, clusters: list[Cluster]) -> None:
    """Mentions the NER missed: a defined acronym "(EGPC)", a surname, "Aramco"."""
    taken = _char_flags(
        len(doc_text(doc)),
        [(e.start_char, e.end_char) for e in doc.ents if not _no_people(e)]
        + [(m.start, m.end) for c in clusters for m in c.mentions],
    )
    forms: dict[str, Cluster] = {}
    for cluster in clusters:
        if cluster.type is ActorType.GROUP:
            # "AAH" after "Asaib Ahl al-Haq": an armed group's initials, three letters at
            # least ("IS" in a shouted line is a word)
            for mention in cluster.mentions:
                words = mention.text.split()
                if len(words) >= 3:
                    for initials in acronyms(words):
                        forms.setdefault(initials, cluster)
            continue
        if cluster.type not in (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.MEDIA):
            continue
        for mention in cluster.mentions:
            words = mention.text.split()
            if cluster.type is ActorType.ORGANIZATION and len(words) >= 2:
                for initials in acronyms(words):
                    forms.setdefault(initials if len(initials) >= 2 else "", cluster)
            if len(words) >= 2 and cluster.type is not ActorType.MEDIA:
                last = words[-1]
                usable = cluster.type is ActorType.PERSON or only_nationality(words[:-1])
                if usable and last[:1].isupper() and fold(last) not in ORG_HEADS and len(last) > 3:
                    forms.setdefault(last, cluster)
                if cluster.type is ActorType.PERSON:
                    # "Muhajir" of "Hamza al-Muhajir", "Hashimi" of "Abu Ibrahim al-Hashimi
                    # al-Qurashi": a name word written with its Arabic article, used without
                    # it (the tokenizer splits "al-Muhajir", so the form alone is a token)
                    for word in words[1:]:
                        bare = strip_particle(word)
                        if bare != word and bare[:1].isupper() and len(bare) > 3:
                            forms.setdefault(bare, cluster)
                # "Scientology" of "Church of Scientology"
                if len(words) == 3 and words[1] == "of" and fold(words[0]) in ORG_HEADS:
                    forms.setdefault(words[2], cluster)
            if len(words) == 1 and mention.text[:1].isupper():
                forms.setdefault(mention.text, cluster)
    forms.pop("", None)
    for token in tokens_spelled(doc, forms, attr="ORTH"):
        owner = forms[token.text]
        if (
            token.pos_ != "PROPN"
            and not token.text.isupper()
            and not _surname_as_speaker(token, owner)
        ):
            continue
        start, end = token.idx, token.idx + len(token.text)
        if taken.find(1, start, end) != -1:
            continue
        span = doc[token.i : token.i + 1]
        owner.mentions.append(
            Candidate(span=span, start=start, end=end, text=token.text, label="", type=owner.type)
        )
        taken[start:end] = b"\x01" * (end - start)
    _add_titled_given_names(doc, clusters, taken)


def _add_titled_given_names(doc: Doc, clusters: list[Cluster], taken: bytearray) -> None:
    """ "Sheikh Mishal thanked his host" after "Sheikh Mishal al-Ahmad al-Sabah": a given
    name after a title, where the NER tagged nothing, names the one person of the article
    whose name opens with it (no one if two people's do)."""
    holders: dict[str, set[int]] = defaultdict(set)
    owner_of: dict[str, Cluster] = {}
    for cluster in clusters:
        if cluster.type is not ActorType.PERSON:
            continue
        for mention in cluster.mentions:
            words = mention.text.split()
            if len(words) >= 2 and words[0][:1].isupper():
                holders[words[0]].add(id(cluster))
                owner_of[words[0]] = cluster
    given = {word for word, owners in holders.items() if len(owners) == 1}
    for token in tokens_spelled(doc, given, attr="ORTH"):
        if token.i == 0 or fold(doc[token.i - 1].text) not in TITLES:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].is_title:
            continue  # the start of a longer name: "Sheikh Mishal al-Ahmad" is tagged already
        start, end = token.idx, token.idx + len(token.text)
        if taken.find(1, start, end) != -1:
            continue
        owner = owner_of[token.text]
        owner.mentions.append(
            Candidate(
                span=doc[token.i : token.i + 1],
                start=start,
                end=end,
                text=token.text,
                label="",
                type=owner.type,
            )
        )
        taken[start:end] = b"\x01" * (end - start)


def _no_people(ent: Span) -> bool:
    """A one-word NORP entity that is no people's name, or a one-word product or work:
    the NER's guess at an unknown word ("Tamim claimed", the surname of "Ali bin Tamim"
    named elsewhere; "Atwood was ..." after "Margaret Atwood"), which made no actor and
    so must not hide the word from the names of the article."""
    if len(ent) != 1:
        return False
    if ent.label_ in ("PRODUCT", "WORK_OF_ART"):
        return True
    return ent.label_ == "NORP" and country_of_demonym(ent.text) is None


def _surname_as_speaker(token: Token, owner: Cluster) -> bool:
    """A person's surname the tagger took for a common noun or an adjective ("Zayed
    claimed", of "Abdullah bin Zayed") where it names who speaks:
    the subject of a verb ("Trump characterized the call", opening a sentence) or a
    headline's label ("Pelosi: impeachment inquiry will move forward"), in an article
    that names the person in full."""
    if owner.type is not ActorType.PERSON or not token.is_title:
        return False
    if token.pos_ not in ("NOUN", "ADJ"):
        return False
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    doc = token.doc
    opens_line = token.i == 0 or "\n" in doc[token.i - 1].text_with_ws
    return opens_line and token.i + 1 < len(doc) and doc[token.i + 1].text == ":"


def add_definite_heads(doc: Doc, clusters: list[Cluster]) -> None:
    """ "the Church" after "the Church of Scientology": a capitalised head noun with "the"
    names the nearest organisation before it whose name has that head."""
    heads: list[tuple[int, str, Cluster]] = []
    for cluster in clusters:
        if cluster.type is not ActorType.ORGANIZATION and cluster.type is not ActorType.GROUP:
            continue
        for mention in cluster.mentions:
            words = core_words(mention.text)
            for word in words:
                if word in ORG_HEADS and cluster.type is ActorType.ORGANIZATION:
                    heads.append((mention.start, word, cluster))
            if (
                cluster.type is ActorType.GROUP
                and len(words) >= 2
                and _a_last_word_for_the_body(words[-1])
            ):
                # "the Brotherhood" after "the Muslim Brotherhood": a movement's last word;
                # a body's only when it is a head noun ("the House" is not the White House)
                heads.append((mention.start, words[-1], cluster))
    if not heads:
        return
    # each head word's mentions in order, so the nearest before a token is one bisection
    # (an article saying "the Council" a thousand times stays linear)
    by_word: dict[str, list[tuple[int, Cluster]]] = defaultdict(list)
    for start, word, cluster in sorted(heads, key=lambda h: h[0]):
        by_word[word].append((start, cluster))
    taken = _char_flags(
        len(doc_text(doc)),
        [(e.start_char, e.end_char) for e in doc.ents if not _no_people(e)]
        + [(m.start, m.end) for c in clusters for m in c.mentions],
    )
    for token in tokens_spelled(doc, set(by_word)):
        word = token.lower_
        if token.i == 0 or not token.is_title or doc[token.i - 1].lower_ != "the":
            continue
        if token.is_sent_start or doc[token.i - 1].is_sent_start and token.i - 1 == 0:
            continue
        if token.i + 1 < len(doc) and (
            doc[token.i + 1].is_title or doc[token.i + 1].lower_ == "of"
        ):
            continue  # the start of a longer name
        start, end = token.idx, token.idx + len(token.text)
        if taken.find(1, start, end) != -1:
            continue
        named = _nearest_before(by_word.get(word, []), start)
        if named is None:
            continue
        span = doc[token.i : token.i + 1]
        named.mentions.append(
            Candidate(span=span, start=start, end=end, text=token.text, label="", type=named.type)
        )
    _join_tagged_definite_heads(by_word, clusters)


def _nearest_before(
    heads: list[tuple[int, Cluster]], start: int, *, unlike: Cluster | None = None
) -> Cluster | None:
    """The cluster of the nearest head before `start` (heads in order of start); given
    `unlike`, the nearest other than it that still holds a name of two words or more."""
    i = bisect_left(heads, start, key=lambda h: h[0])
    while i > 0:
        i -= 1
        cluster = heads[i][1]
        if unlike is None:
            return cluster
        if cluster is not unlike and any(len(core_words(m.text)) > 1 for m in cluster.mentions):
            return cluster
    return None


def _a_last_word_for_the_body(word: str) -> bool:
    """Whether "the <word>" may name a body whose name ends with the word: not a head noun
    (those join above), a title ("the President" of "Office of the President"), a state's
    name or demonym, or a short word."""
    return (
        len(word) > 3
        and word not in ORG_HEADS
        and word not in TITLES
        and word not in ROLE_NOUNS
        and country_info(word) is None
        and country_of_demonym(word) is None
    )


def _join_tagged_definite_heads(
    by_word: dict[str, list[tuple[int, Cluster]]], clusters: list[Cluster]
) -> None:
    """ "The Observatory said" after "the Syrian Observatory for Human Rights": the same
    head noun the NER tagged alone, an actor of its own, joins the nearest organisation
    before it whose longer name has that head."""
    for cluster in clusters:
        if cluster.key or cluster.type is not ActorType.ORGANIZATION or not cluster.mentions:
            continue
        forms = {tuple(core_words(m.text)) for m in cluster.mentions}
        if len(forms) != 1:
            continue
        words = forms.pop()
        if (
            len(words) != 1
            or words[0] not in by_word
            or not all(_after_the(m) for m in cluster.mentions)
        ):
            continue
        owner = _nearest_before(by_word[words[0]], cluster.first, unlike=cluster)
        if owner is not None:
            owner.mentions.extend(cluster.mentions)
            cluster.mentions = []


def _after_the(mention: Candidate) -> bool:
    start = mention.span.start
    return start > 0 and mention.span.doc[start - 1].lower_ == "the"


def _acronym_form(words: list[str]) -> str:
    initials = acronym(words)
    return initials if len(initials) >= 2 else ""
