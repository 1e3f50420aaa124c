"""Alias merging: which candidate mentions name one actor.

Fixed names meet under their gazetteer key; places under their name ("Taipei City" is
Taipei). People and organisations are compared fullest name first: a surname, a
transliteration ("Mamluk"), a name without its Arabic particle ("Al-Mamlouk"), an
acronym ("EGPC"), "the Church" for "the Church of Scientology".
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from ..lexicon.gazetteer import country_info, country_of_demonym, fold, name_key
from ..model import ActorType
from .actor_mentions import Candidate
from .actor_types import only_nationality, person_or_organization
from .names import (
    ORG_HEADS,
    TITLES,
    core_words,
    given_names,
    is_acronym_of,
    looks_like_person_name,
    same_word,
    strip_particle,
)

# "bin", "ibn": "son of", the father's name follows (names.py's particles)
_PATRONYMIC = lexicon.words("name_particles.txt", flag="patronymic")

# honorifics before the name of someone dead ("Shahid Soleymani"); also given names
# ("Shahid Afridi"), so they are dropped only to join a person already named here
HONORIFICS = lexicon.words("honorifics.txt")


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
    """The fixed names among `mentions` (those with a gazetteer key), one cluster per key."""
    clusters: dict[str, Cluster] = {}
    for mention in mentions:
        if not mention.key:
            continue  # not a fixed name: cluster_names or cluster_places takes it
        cluster = clusters.setdefault(mention.key, Cluster(key=mention.key))
        cluster.mentions.append(mention)
        cluster.canonical = cluster.canonical or mention.canonical
        cluster.type = cluster.type or mention.type
    return list(clusters.values())


def cluster_places(mentions: list[Candidate]) -> list[Cluster]:
    """Places under their name without its kind ("Taipei City" is Taipei). Two kinds of one
    name are two places ("Gaza City" and "the Gaza Strip"); the bare name is then the one
    named nearest before it (the first named, if none is before)."""
    by_name: dict[str, list[tuple[Candidate, str | None]]] = {}
    for mention in mentions:
        name, kind = _place_parts(mention.text)
        by_name.setdefault(name, []).append((mention, kind))
    clusters: list[Cluster] = []
    for entries in by_name.values():
        kinds = sorted({kind for _, kind in entries if kind})
        keys: list[str | None] = [*kinds] or [None]
        per_kind = {kind: Cluster(type=ActorType.PLACE) for kind in keys}
        kinded = sorted((m.start, kind) for m, kind in entries if kind)
        for mention, kind in entries:
            if kind is None and len(kinds) > 1:
                kind = _nearest_kind(kinded, mention.start)
            per_kind[kind if len(kinds) > 1 else next(iter(per_kind))].mentions.append(mention)
        clusters.extend(per_kind.values())
    return clusters


def _nearest_kind(kinded: list[tuple[int, str]], start: int) -> str:
    """The kind of the nearest named form before `start` (forms in order of start); the
    first form's if none is before."""
    before = bisect_right(kinded, (start, "")) - 1
    return kinded[max(before, 0)][1]


# what kind of place a name is, written before it with "of" or after it ("the Strait of
# Hormuz", "Idlib province"): the place's name without it is the same place
_KINDS_BEFORE = lexicon.words("place_name_kinds.txt", flag="before")
_KINDS_AFTER = lexicon.words("place_name_kinds.txt", flag="after")
_KIND_BEFORE = re.compile(r"^(?:the\s+)?(" + "|".join(sorted(_KINDS_BEFORE)) + r") of\s+")
_KIND_AFTER = re.compile(r"\s+(" + "|".join(sorted(_KINDS_AFTER)) + r")$")


def place_key(text: str) -> str:
    """ "Taipei City" and "Taipei", "State of Texas" and "Texas", "the Mediterranean Sea" and
    "the Mediterranean", "the Strait of Hormuz" and "the Hormuz Strait" are one place."""
    return _place_parts(text)[0]


def _place_parts(text: str) -> tuple[str, str | None]:
    """A place's name without its kind, and the kind ("straits" as "strait"), if written."""
    name, kind = fold(text), None
    before = _KIND_BEFORE.match(name)
    if before:
        name, kind = name[before.end() :], before.group(1)
    after = _KIND_AFTER.search(name)
    if after:
        name, kind = name[: after.start()], kind or after.group(1)
    # "Eastern Mediterranean" and "East Mediterranean"
    name = re.sub(r"^(north|south|east|west)ern\b", r"\1", name)
    return name_key(name), kind.rstrip("s") if kind else None


def cluster_names(mentions: list[Candidate]) -> list[Cluster]:
    """People and organisations: fullest names first, then shorter forms join them."""
    clusters: list[Cluster] = []
    words_of = {id(m): core_words(m.text) for m in mentions}
    ordered = sorted(mentions, key=lambda m: (-len(words_of[id(m)]), m.start))
    index = _ClusterIndex()
    for mention in ordered:
        words = words_of[id(mention)]
        if not words:
            continue
        target = _best_cluster(mention, words, clusters, index)
        if target is None:
            target = Cluster()
            clusters.append(target)
        target.mentions.append(mention)
        index.add(target, mention, words)
    # first names the NER used in this article: "Nikos Christodoulides" after "Nikos Dendias"
    first_names: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for m in mentions:
        words = words_of[id(m)]
        if m.label == "PERSON" and len(words) >= 2 and not country_of_demonym(words[0]):
            first_names[words[0]].add(tuple(words[1:]))
    for cluster in clusters:
        cluster.type = person_or_organization(cluster.mentions, first_names=first_names)
    return clusters


class _ClusterIndex:
    """What _best_cluster asks of each cluster, kept as mentions join it, so that a
    mention is never compared with every earlier mention of its name (a 20,000-character
    piece saying "Assad" a thousand times stays linear)."""

    def __init__(self) -> None:
        # mentions join in order of fewest words last, so a cluster's first is its longest
        self.longest: dict[int, tuple[Candidate, list[str]]] = {}
        self.starts: dict[int, list[int]] = defaultdict(list)
        self.endings: dict[int, set[tuple[str, ...]]] = defaultdict(set)
        self.forms: dict[int, set[tuple[str, ...]]] = defaultdict(set)
        # first words of the cluster's names of two words or more the NER took for people
        self.first_words: dict[int, set[str]] = defaultdict(set)

    def add(self, cluster: Cluster, mention: Candidate, words: list[str]) -> None:
        key = id(cluster)
        self.longest.setdefault(key, (mention, words))
        insort(self.starts[key], mention.start)
        form = tuple(words)
        if form not in self.forms[key]:
            self.forms[key].add(form)
            self.endings[key].update(form[-size:] for size in range(1, len(form) + 1))
        if mention.label == "PERSON" and len(words) >= 2:
            self.first_words[key].add(words[0])

    def spelled_alike(self, words: list[str], cluster: Cluster) -> bool:
        """Whether some mention of the cluster ends with exactly these words."""
        return tuple(words) in self.endings[id(cluster)]

    def distance(self, mention: Candidate, cluster: Cluster) -> int:
        """How far back the cluster's nearest mention stands; after all others if none
        stands before."""
        starts = self.starts[id(cluster)]
        before = bisect_right(starts, mention.start)
        return mention.start - starts[before - 1] if before else 10**9 + starts[0]


def _best_cluster(
    mention: Candidate,
    words: list[str],
    clusters: list[Cluster],
    index: _ClusterIndex,
) -> Cluster | None:
    candidates = []
    for cluster in clusters:
        longest, longest_words = index.longest[id(cluster)]
        if _same_actor(mention, words, longest, longest_words):
            candidates.append(cluster)
    if len(words) == 1 and mention.label == "PERSON":
        # "Qaboos" for "Qaboos bin Said", "Jamal" for "Jamal Khashoggi": a first name alone
        # names the one person here who has it, and no one if two do
        first_named = [
            c
            for c in clusters
            # spelled alike too: "Prince Mohammad" after "Mohammed bin Salman"
            if any(same_word(first, words[0]) for first in index.first_words[id(c)])
        ]
        # "King Salman" beside "Salman bin Abdulaziz" and his son "Mohammed bin Salman":
        # a name after "bin" is the father's, so the person whose own name it is takes it
        if len(first_named) == 1 and (
            not candidates or all(_fathers_name(words[0], index, c) for c in candidates)
        ):
            return first_named[0]
    if not candidates and len(words) >= 2 and words[0] in HONORIFICS:
        # "Shahid Soleymani" (martyr Soleimani) names the Soleimani of the article, if any
        return _best_cluster(mention, words[1:], clusters, index)
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    # "Soleimani" could be "Qasem Soleimani" or, spelled differently, "Shahid Soleymani":
    # the same spelling first; then two Assads: the nearest full name before this mention
    # "Members of Parliament" made a cluster of the bare head; "the Parliament" later is
    # the "Parliament of Iraq" named before, not that head spelled alike
    candidates = [c for c in candidates if not _bare_head(c, index)] or candidates
    exact = [c for c in candidates if index.spelled_alike(words, c)]
    return min(exact or candidates, key=lambda c: index.distance(mention, c))


def _fathers_name(word: str, index: _ClusterIndex, cluster: Cluster) -> bool:
    """Whether the cluster's fullest name has `word` only after "bin"/"ibn" ("Salman" of
    "Mohammed bin Salman"): the name of the person's father, not the person's own."""
    longest, _ = index.longest[id(cluster)]
    written = [fold(w) for w in longest.text.split()]
    return any(
        before in _PATRONYMIC and same_word(strip_particle(after), word)
        for before, after in zip(written, written[1:], strict=False)
    ) and not any(same_word(strip_particle(w), word) for w in written[:1])


@lru_cache(maxsize=4096)  # asked for every pair of an article's names
def _only_after_patronymic(word: str, text: str, full_text: str) -> bool:
    """Whether the short form and the full name disagree on "bin": `word` is written in
    the full name only after "bin"/"ibn" (his father's name) and the short form has no
    "bin" ("Salman" is not "Mohammed bin Salman"), or the short form has one and the full
    name does not write it before the word ("Bin Salman" is not King "Salman")."""
    own = any(fold(w) in _PATRONYMIC for w in text.split())
    raw = [fold(w) for w in full_text.split()]
    after = {i for i in range(1, len(raw)) if raw[i - 1] in _PATRONYMIC}
    if not own and not after:
        return False  # no "bin" on either side: most pairs
    places = [i for i, w in enumerate(raw) if same_word(strip_particle(w), word)]
    if own:
        return not any(i in after for i in places)
    return bool(places) and all(i in after for i in places)


def _bare_head(cluster: Cluster, index: _ClusterIndex) -> bool:
    """Whether the cluster is only a generic head noun: "Parliament", "Council"."""
    return all(len(form) == 1 and form[0] in ORG_HEADS for form in index.forms[id(cluster)])


def one_owner_per_short_form(clusters: list[Cluster]) -> None:
    """A short form names one actor per article: never "Soleimani" in two clusters.

    The actor named first in the article under another form keeps them all: the
    story's subject ("Donald Trump" before "Melania Trump" takes every "Trump"), and
    the same type first when a person and a body share the word. A cluster's own full
    name is not a short form.
    """
    owners: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        if cluster.key or cluster.type not in (ActorType.PERSON, ActorType.ORGANIZATION):
            continue
        if not cluster.mentions:  # emptied by an earlier merge
            continue
        longest = max(len(core_words(m.text)) for m in cluster.mentions)
        for form in {name_key(m.text) for m in cluster.mentions}:
            sample = next(m for m in cluster.mentions if name_key(m.text) == form)
            if len(core_words(sample.text)) < longest:
                owners[form].append(cluster)
    for form, holders in owners.items():
        if len(holders) < 2:
            continue
        labels = [m.label for c in holders for m in c.mentions if name_key(m.text) == form]
        label = max(set(labels), key=labels.count)

        def rank(c: Cluster, form: str = form, label: str = label) -> tuple[bool, int]:
            named = [m.start for m in c.mentions if name_key(m.text) != form]
            same_type = (c.type is ActorType.PERSON) == (label == "PERSON")
            return (not same_type, min(named, default=c.first))

        keeper, *others = sorted(holders, key=rank)
        for other in others:
            moved = [m for m in other.mentions if name_key(m.text) == form]
            other.mentions = [m for m in other.mentions if name_key(m.text) != form]
            keeper.mentions.extend(moved)


def _same_actor(
    mention: Candidate, words: list[str], full: Candidate, full_words: list[str]
) -> bool:
    # initials stand for bodies; "NG" for Natasha Gownaris is an interview's speaker tag
    if full.label != "PERSON" and (
        is_acronym_of(mention.text, full.text.split())
        or is_acronym_of(full.text, mention.text.split())
    ):
        return True
    if "PERSON" not in (mention.label, full.label) and _same_body_of_a_state(mention, full):
        return True
    if len(words) == 1 and _only_after_patronymic(words[0], mention.text, full.text):
        return False  # "Salman" (King Salman) is not "Mohammed bin Salman"; "Bin Salman" is
    if len(words) != len(full_words) and "".join(words) == "".join(full_words):
        return len("".join(words)) >= 6  # "MarineTraffic" and "Marine Traffic"
    if len(words) > len(full_words):
        return False
    if len(words) == len(full_words):
        return all(same_word(a, b) for a, b in zip(words, full_words, strict=True))
    if _without_middle_names(words, full_words, (mention, full)):
        return True
    if len(words) == 1 and full.label == "PERSON" and _particle_word_of(words[0], full.text):
        return True  # "Hashimi" of "Abu Ibrahim al-Hashimi al-Qurashi"
    if (
        len(words) == 1
        and (full.label == "PERSON" or looks_like_person_name(full.text))
        and _first_surname(words[0], full_words, full.text)
    ):
        return True  # "Vázquez" of "Wanda Vázquez Garced"
    if _proper_part(words, full_words, mention, full):
        return True
    if _without_closing_phrase(words, full_words, mention, full):
        return True
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
                and (
                    full.label == "PERSON"
                    # "Morgan Tsvangirai of the MDC" the NER took for a body
                    or (mention.label == "PERSON" and looks_like_person_name(full.text))
                    or only_nationality(full_words[: -len(words)])
                )
            )
        )
    ):
        return True
    # "the Church" for "the Church of Scientology": a definite head noun (see also
    # add_definite_heads for the ones the NER did not tag)
    # "the House" for "the House of Representatives": the first word of "<X> of <name>"
    # is its head, whatever the word
    head_of = len(full_words) >= 3 and full_words[1] == "of" and words == full_words[:1]
    if len(words) == 1 and (words[0] in ORG_HEADS and words[0] in full_words or head_of):
        start = mention.span.start
        return start > 0 and mention.span.doc[start - 1].lower_ == "the" and full.label != "PERSON"
    # "Scientology" of "Church of Scientology": the proper part of "<head> of <name>"
    if "of" in full_words and full_words[0] in ORG_HEADS and mention.label == full.label:
        named = full_words[full_words.index("of") + 1 :]
        return len(named) == len(words) and all(
            same_word(a, b) for a, b in zip(words, named, strict=True)
        )
    return False


# "the Islamic Republic of Iran's": a country's name is four words at most before the body
_COUNTRY_WORDS = 4


@lru_cache(maxsize=4096)  # asked for every pair of an article's names
def _state_and_body(text: str) -> tuple[str, tuple[str, ...]] | None:
    """ "U.S. Embassy" -> ("United States", ("embassy",)): the state a body's name opens
    with, in any of its names or its demonym, and the rest of the name."""
    words = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE).split()
    for size in range(min(_COUNTRY_WORDS, len(words) - 1), 0, -1):
        head = re.sub(r"['\u2019]s$", "", " ".join(words[:size]))
        country = country_info(head) or country_of_demonym(head)
        if country is not None:
            return country.name, tuple(fold(w) for w in words[size:])
    return None


def _same_body_of_a_state(mention: Candidate, full: Candidate) -> bool:
    """ "U.S. Embassy" and "United States Embassy", "Iran's Foreign Ministry" and "Iranian
    Foreign Ministry": one state's body named with two of the state's names."""
    ours, theirs = _state_and_body(mention.text), _state_and_body(full.text)
    return ours is not None and ours == theirs


# words after an organisation's proper name that say what kind of body it is: "Saha"
# of "Saha Airlines", "Payam" of "Payam International Airport", "Mahan" of "Mahan Air"
_KIND_WORDS = ORG_HEADS | lexicon.words("org_kind_words.txt")
_LAST_KIND_WORDS = lexicon.words("org_kind_words.txt", flag="last")  # "Mahan Air"


def _particle_word_of(word: str, full_name: str) -> bool:
    """A word the full name writes with its Arabic article ("al-Hashimi"): a name the
    person is known by alone, wherever it stands in the full name."""
    return any(
        strip_particle(w) != w and fold(strip_particle(w)) == word for w in full_name.split()[1:]
    )


def _first_surname(word: str, full_words: list[str], full_text: str) -> bool:
    """A word inside a person's name of three words or more that is no given name: a
    Spanish first surname ("Vázquez" of "Wanda Vázquez Garced", "Rosselló" of "Ricardo
    Rosselló Nevares"), the name the press uses alone; never a father's name after "bin"
    ("Rashid" of "Mohammed bin Rashid Al Maktoum")."""
    if len(full_words) < 3 or not any(same_word(word, w) for w in full_words[1:-1]):
        return False  # most pairs: asked first, the cheapest
    written = [fold(w) for w in full_text.split()]
    pairs = zip(written, written[1:], strict=False)
    fathers = {after for before, after in pairs if before in _PATRONYMIC}
    return word not in given_names() and word not in fathers


def _without_middle_names(
    words: list[str], full_words: list[str], pair: tuple[Candidate, Candidate]
) -> bool:
    """ "Elijah Cummings" of "Elijah Eugene Cummings": a person's first and last names,
    without the middle ones."""
    if len(words) < 2 or not all(m.label == "PERSON" for m in pair):
        return False
    return same_word(words[0], full_words[0]) and same_word(words[-1], full_words[-1])


def _proper_part(
    words: list[str], full_words: list[str], mention: Candidate, full: Candidate
) -> bool:
    """ "Saha" for "Saha Airlines": a body's name without the words saying what kind of
    body it is, after the full name was written."""
    if (
        full.label not in ("ORG", "FAC")
        or mention.start < full.start
        or mention.label not in ("ORG", "PERSON")
    ):
        return False
    rest = full_words[len(words) :]
    return (
        bool(rest)
        and all(w in _KIND_WORDS for w in rest)
        and (rest[-1] in ORG_HEADS or rest[-1] in _LAST_KIND_WORDS)
        and all(same_word(a, b) for a, b in zip(words, full_words, strict=False))
        and not looks_like_person_name(mention.text)
    )


# "for", "of": what joins a body's name to the phrase that closes it
_NAME_LINKS = lexicon.words("prepositions.txt", flag="name-link")


def _without_closing_phrase(
    words: list[str], full_words: list[str], mention: Candidate, full: Candidate
) -> bool:
    """ "Andy Warhol Foundation" of "Andy Warhol Foundation for the Visual Arts", "Syrian
    Observatory" of "Syrian Observatory for Human Rights": a body's name without the
    "for"/"of" phrase that closes it, its head noun kept (two words at least: a lone
    "Foundation" or "Bank" says no which)."""
    if "PERSON" in (mention.label, full.label) or len(words) < 2 or words[-1] not in ORG_HEADS:
        return False
    cut = next((i for i, w in enumerate(full_words) if w in _NAME_LINKS), None)
    return (
        cut == len(words)
        and cut < len(full_words) - 1
        and all(same_word(a, b) for a, b in zip(words, full_words, strict=False))
    )


def one_cluster_per_mention(clusters: list[Cluster]) -> None:
    """Each stretch of text names one actor: a mention two rules both placed ("Athens" as
    Greece and as the city) stays with the first cluster that took it (fixed names
    first), and a cluster never lists one mention twice."""
    seen: set[tuple[int, int]] = set()
    for cluster in sorted(clusters, key=lambda c: c.key is None):
        kept = []
        for mention in cluster.mentions:
            if (mention.start, mention.end) not in seen:
                seen.add((mention.start, mention.end))
                kept.append(mention)
        cluster.mentions = kept
