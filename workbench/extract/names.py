"""Comparing names written differently: titles, Arabic particles, transliterations, acronyms.

Pure string functions; `actors.py` uses them to decide which mentions are one actor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..lexicon.gazetteer import fold

# Words written before a name that say what the person is, not who.
TITLES = lexicon.words("titles.txt")

# Title words that only qualify another ("former President", "Crown Prince").
TITLE_MODIFIERS = lexicon.words("titles.txt", flag="modifier")

# Nouns that make a phrase before or beside a name a role ("Bureau chief", "the head of").
ROLE_NOUNS = lexicon.words("role_nouns.txt")

# Last words of organisation names: a span ending in one is not a person.
ORG_HEADS = lexicon.words("org_heads.txt")

# "al-", "Abu ", "bin ": longest first, so "ash-" is never read as "as"
_PARTICLES = sorted(lexicon.words("name_particles.txt"), key=lambda w: (-len(w), w))
_PARTICLE = re.compile(r"^(?:" + "|".join(_PARTICLES) + r")[\-\u2010\u2011\s]+", re.IGNORECASE)
_VOWELS = re.compile(r"[aeiouy]")
_INITIAL_VOWELS = frozenset("aeiou")
_NON_LETTER = re.compile(r"[^a-z]")


def strip_particle(word: str) -> str:
    """A name word without its Arabic article: "al-Mouallimi" -> "Mouallimi"."""
    stripped = _PARTICLE.sub("", word, count=1)
    return stripped or word


def core_words(text: str) -> list[str]:
    """The words that identify a name: no titles, particles, possessive or "the".

    "General Khaled Fawzy" -> ["khaled", "fawzy"]; "Al-Mamlouk's" -> ["mamlouk"].
    """
    return list(_core_words(text))


# the actor rules ask for the same few hundred names of an article thousands of times
@lru_cache(maxsize=4096)
def _core_words(text: str) -> tuple[str, ...]:
    text = fold(text)
    text = re.sub(r"'s?$", "", text.strip())
    words = re.findall(r"[\w.'\-]+", text)
    while words and (words[0] in TITLES or words[0] == "the"):
        words = words[1:]
    found = []
    for word in words:
        word = strip_particle(word).strip(".-'")
        if word and word not in {"al", "el", "bin", "ibn"}:
            found.append(word)
    # middle initials do not tell people apart: "John R. Bolton" is "John Bolton"
    if len(found) > 2:
        found = [found[0], *(w for w in found[1:-1] if len(w) > 1), found[-1]]
    return tuple(found)


def skeleton(word: str) -> str:
    """Consonants without repeats: transliterations of one Arabic name usually share it.

    "Mamlouk" and "Mamluk" -> "mmlk"; "Mouallimi" and "Muallimi" -> "mlm".
    """
    letters = _NON_LETTER.sub("", fold(word))
    consonants = _VOWELS.sub("", letters[1:]) if letters else ""
    head = letters[:1]
    squeezed: list[str] = []
    for c in head + consonants:
        if not squeezed or squeezed[-1] != c:
            squeezed.append(c)
    return "".join(squeezed)


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def same_word(a: str, b: str) -> bool:
    """One name word, possibly transliterated differently ("Mamlouk"/"Mamluk")."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4:
        return False
    if a[0] != b[0]:
        # an Arabic name's first vowel is written either way: "Osama"/"Usama",
        # "Omar"/"Umar", "Ibrahim"/"Ebrahim"; the rest must be spelled alike
        return a[0] in _INITIAL_VOWELS and b[0] in _INITIAL_VOWELS and a[1:] == b[1:]
    # the skeleton alone joins too much in short words ("Ali"/"Ala"), so also bound
    # the spelling difference by the words' length
    distance = edit_distance(a, b)
    if skeleton(a) == skeleton(b) and distance <= max(1, min(len(a), len(b)) // 3):
        return True
    # one letter apart in a long word: "Haghia"/"Hagia", "Hassan"/"Hasan"
    return distance == 1 and min(len(a), len(b)) >= 5 and a[-1] == b[-1]


def acronym(words: list[str]) -> str:
    """Initials of the capitalised words: "Egyptian General Petroleum Corporation" -> "EGPC"."""
    skip = lexicon.words("acronym_skip_words.txt")
    initials = []
    for word in words:
        if word.isdigit():
            initials.append(word)  # "Internet Explorer 6" -> "IE6"
        elif word and word.lower() not in skip and word[0].isalpha():
            initials.append(word[0].upper())
    return "".join(initials)


def acronyms(words: list[str]) -> tuple[str, ...]:
    """The initials of a name as written, and without the Arabic article glued to its
    words: "Asa'ib Ahl al-Haq" is written AAH, where "Al-Qaeda in the Arabian Peninsula"
    keeps its article's A (AQAP)."""
    stripped = [strip_particle(w) for w in words]
    return tuple(dict.fromkeys((acronym(words), acronym(stripped))))


def is_acronym_of(short: str, long_words: list[str]) -> bool:
    short = short.replace(".", "")
    if len(short) < 2 or not short.isupper():
        return False
    return short in acronyms(long_words)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(fold(name) for name in lexicon.lines("given_names.txt"))


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """The hand-written given names and Faker's world-wide lists ("Thibaut"): evidence that
    a multi-word name is a person's. Only this test reads the long list: the other rules
    ask whether one word alone is a given name, where a rarer name clashes with words of
    other names."""
    return given_names() | frozenset(fold(n) for n in lexicon.lines("given_names_world.txt"))


@lru_cache(maxsize=1)
def _listed_people() -> frozenset[str]:
    """The English wire spellings of the people who recur in the region's news
    (ar_people.csv's `name`: "Khalifa Haftar"), whole and by family name alone ("Haftar",
    "Assad"): a name the press uses for a commander or a head of state."""
    found = set()
    for row in lexicon.table("ar_people.csv"):
        words = row["name"].split()
        if words:
            found.add(fold(" ".join(words)))
            found.add(fold(strip_particle(words[-1])))
    return frozenset(found)


def listed_person(text: str) -> bool:
    """Whether the name is a listed person's, whole or by family name ("Haftar")."""
    words = text.split()
    if len(words) == 1:
        return fold(strip_particle(words[0])) in _listed_people()
    return fold(" ".join(words)) in _listed_people()


def looks_like_person_name(text: str) -> bool:
    """Two to four capitalised words starting with a known given name, no organisation word."""
    words = [w for w in re.findall(r"[\w'\-]+", text) if fold(w) != "the"]
    while words and fold(words[0]) in TITLES:
        words = words[1:]
    if not 2 <= len(words) <= 4:
        return False
    if any(fold(w) in ORG_HEADS for w in words):
        return False
    # "Mohammed bin Zayed": a particle alone between the names ("bin", "al") is lower case
    if not all(w[0].isupper() or _PARTICLE.match(fold(w) + " ") for w in words):
        return False
    return fold(words[0]) in _first_names()


# the last words of bodies' names that say their kind without a head noun ("Holdings")
_LAST_KIND_WORDS = lexicon.words("org_kind_words.txt", flag="last")

# Romance-language bodies put the head first: "Instituto Gonzaga", "Partito Democratico"
FIRST_ORG_HEADS = lexicon.words("org_heads_first.txt")


def names_a_body(text: str) -> bool:
    """A name built like an organisation's: an organisation word, or digits, in it."""
    words = re.findall(r"[\w.'\-]+", fold(text))
    if not words:
        return False
    if any(c.isdigit() for c in text):
        return True  # "Movimento 5 Stelle", "Studio 54": people's names have no digits
    if words[-1] in _LAST_KIND_WORDS:
        return True  # "Burisma Holdings", "Mahan Air": a kind of body as the last word
    return words[0] in FIRST_ORG_HEADS or ends_with_org_head(text)


def ends_with_org_head(text: str) -> bool:
    words = re.findall(r"[\w.'\-]+", fold(text))
    return bool(words) and re.sub(r"'s?$", "", words[-1]) in ORG_HEADS
