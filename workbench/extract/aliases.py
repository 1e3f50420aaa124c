"""Alias merging: which candidate mentions name one actor.

Fixed names meet under their gazetteer key; places under their name ("Taipei City" is
Taipei). People and organisations are compared fullest name first: a surname, a
transliteration ("Mamluk"), a name without its Arabic particle ("Al-Mamlouk"), an
acronym ("EGPC"), "the Church" for "the Church of Scientology".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import ActorType
from .actor_mentions import Candidate
from .actor_types import only_nationality, person_or_organization
from .gazetteer import country_info, country_of_demonym, fold, name_key
from .names import ORG_HEADS, TITLES, core_words, is_acronym_of, same_word


@dataclass
class Cluster:
    mentions: list[Candidate] = field(default_factory=list)
    key: str | None = None
    canonical: str | None = None
    type: ActorType | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def cluster_fixed(mentions: list[Candidate]) -> list[Cluster]:
    clusters: dict[str, Cluster] = {}
    for mention in mentions:
        cluster = clusters.setdefault(mention.key, Cluster(key=mention.key))
        cluster.mentions.append(mention)
        cluster.canonical = cluster.canonical or mention.canonical
        cluster.type = cluster.type or mention.type
    return list(clusters.values())


def cluster_places(mentions: list[Candidate]) -> list[Cluster]:
    clusters: dict[str, Cluster] = {}
    for mention in mentions:
        cluster = clusters.setdefault(_place_key(mention.text), Cluster(type=ActorType.PLACE))
        cluster.mentions.append(mention)
    return list(clusters.values())


def _place_key(text: str) -> str:
    """ "Taipei City" and "Taipei", "State of Texas" and "Texas" are one place."""
    key = re.sub(r"^(?:state|province|city|county|region) of\s+", "", fold(text))
    key = re.sub(r"\s+(?:city|province|county|region|governorate)$", "", key)
    return name_key(key)


def cluster_names(mentions: list[Candidate]) -> list[Cluster]:
    """People and organisations: fullest names first, then shorter forms join them."""
    clusters: list[Cluster] = []
    words_of = {id(m): core_words(m.text) for m in mentions}
    ordered = sorted(mentions, key=lambda m: (-len(words_of[id(m)]), m.start))
    for mention in ordered:
        words = words_of[id(mention)]
        if not words:
            continue
        target = _best_cluster(mention, words, clusters, words_of)
        if target is None:
            target = Cluster()
            clusters.append(target)
        target.mentions.append(mention)
    # first names the NER used in this article: "Nikos Christodoulides" after "Nikos Dendias"
    first_names: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for m in mentions:
        words = words_of[id(m)]
        if m.label == "PERSON" and len(words) >= 2 and not country_of_demonym(words[0]):
            first_names[words[0]].add(tuple(words[1:]))
    for cluster in clusters:
        cluster.type = person_or_organization(cluster.mentions, first_names=first_names)
    return clusters


def _best_cluster(
    mention: Candidate,
    words: list[str],
    clusters: list[Cluster],
    words_of: dict[int, list[str]],
) -> Cluster | None:
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
    # "Soleimani" could be "Qasem Soleimani" or, spelled differently, "Shahid Soleymani":
    # the same spelling first; then two Assads: the nearest full name before this mention
    exact = [c for c in candidates if _spelled_alike(words, c, words_of)]
    return min(exact or candidates, key=lambda c: _distance(mention, c))


def _spelled_alike(words: list[str], cluster: Cluster, words_of: dict[int, list[str]]) -> bool:
    """Whether some mention of the cluster ends with exactly these words."""
    return any(words_of[id(m)][-len(words) :] == words for m in cluster.mentions)


def one_owner_per_short_form(clusters: list[Cluster]) -> None:
    """A short form names one actor per article: never "Soleimani" in two clusters.

    The cluster with most mentions of that form keeps them all (then the one with most
    mentions, then the earliest); a cluster's own full name is not a short form.
    """
    owners: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        if cluster.key or cluster.type not in (ActorType.PERSON, ActorType.ORGANIZATION):
            continue
        longest = max(len(core_words(m.text)) for m in cluster.mentions)
        for form in {name_key(m.text) for m in cluster.mentions}:
            sample = next(m for m in cluster.mentions if name_key(m.text) == form)
            if len(core_words(sample.text)) < longest:
                owners[form].append(cluster)
    for form, holders in owners.items():
        if len(holders) < 2:
            continue
        def rank(c: Cluster, form: str = form) -> tuple[int, int, int]:
            uses = sum(name_key(m.text) == form for m in c.mentions)
            return (-uses, -len(c.mentions), c.first)

        keeper, *others = sorted(holders, key=rank)
        for other in others:
            moved = [m for m in other.mentions if name_key(m.text) == form]
            other.mentions = [m for m in other.mentions if name_key(m.text) != form]
            keeper.mentions.extend(moved)


def _distance(mention: Candidate, cluster: Cluster) -> int:
    before = [mention.start - m.start for m in cluster.mentions if m.start <= mention.start]
    return min(before) if before else 10**9 + min(m.start for m in cluster.mentions)


def _same_actor(
    mention: Candidate, words: list[str], full: Candidate, full_words: list[str]
) -> bool:
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
                and (full.label == "PERSON" or only_nationality(full_words[: -len(words)]))
            )
        )
    ):
        return True
    # "the Church" for "the Church of Scientology": a definite head noun (see also
    # add_definite_heads for the ones the NER did not tag)
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


def one_sense_per_capital(clusters: list[Cluster]) -> None:
    """ "Athens expelled" (Greece) and "in Athens" (a place): one actor per written name.

    Each mention's sense comes from its syntax (`actor_types`); when one article uses a
    capital both ways, the sense used more often takes every mention, the government on
    a tie (the capital acted at least as often as it was a location).
    """
    places: dict[str, Cluster] = {}
    for cluster in clusters:
        if cluster.type is ActorType.PLACE and not cluster.key:
            for mention in cluster.mentions:
                places.setdefault(name_key(mention.text), cluster)
    for cluster in clusters:
        if cluster.type is not ActorType.COUNTRY:
            continue
        info = country_info(cluster.canonical or "")
        if info is None or not info.capital:
            continue
        capital = name_key(info.capital)
        place = places.get(capital)
        if place is None or place is cluster:
            continue
        as_government = [m for m in cluster.mentions if name_key(m.text) == capital]
        as_place = [m for m in place.mentions if name_key(m.text) == capital]
        if not as_government or not as_place:
            continue
        if len(as_government) >= len(as_place):
            place.mentions = [m for m in place.mentions if m not in as_place]
            cluster.mentions.extend(as_place)
        else:
            cluster.mentions = [m for m in cluster.mentions if m not in as_government]
            place.mentions.extend(as_government)
