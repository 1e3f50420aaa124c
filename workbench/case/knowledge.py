"""What the case has learnt from the person checking it, as one value extraction can use.

A person's corrections are facts about names: an actor they confirmed, named, retyped,
merged, split or added is known under every name and alias it has (with its type); an
actor they rejected is not an actor under its names. `Knowledge` is read from the store
(`read_knowledge`) and handed to extraction (`Extractor.extract(article, known=...)`),
which recognises the known names in later articles and drops the rejected ones.

Merges and splits also live on as the alias rules (`aliases`), which resolve an extracted
actor to its case actor whatever the knowledge says; here they add the names.

A rejected claim teaches a pattern: its cue and its words ("asked" + "not to be named": a
speech verb used in a non-speech sense). A later claim with the same cue and the same
words is not proposed; when the rejected claim was a short fragment (a few words), the
same cue with the same first words is enough ("asked" + "not to be identified").
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from ..model import ActorType
from .resolve import normalise_name

# what a person did to an actor that makes its names theirs
_TAUGHT = frozenset({"name", "type", "merged", "split", "added", "status"})


# a rejected claim of at most this many words is a fragment: its first words make the pattern
FRAGMENT_WORDS = 5
PATTERN_WORDS = 3

# in SQL, a superset of the actors whose names the case knows or rejects (checked below)
_TOUCHED = "(a.status != 'extracted' OR a.edited != '[]')"


class _Reader(Protocol):
    def rows(self, sql: str, params: Sequence[Any] = ...) -> Sequence[Any]: ...


@dataclass(frozen=True)
class KnownActor:
    """A name the case knows: the actor it belongs to, its name and type."""

    actor_id: str
    name: str
    type: ActorType


@dataclass(frozen=True)
class Knowledge:
    """Known names (normalised, as the alias rules compare them) and rejected ones."""

    known: Mapping[str, KnownActor] = field(default_factory=dict)
    rejected: frozenset[str] = frozenset()
    surface_forms: tuple[str, ...] = ()  # every written form of the known names
    # (cue, words) of rejected claims, folded; a fragment's words are its first words
    rejected_claims: frozenset[tuple[str, str]] = frozenset()

    # a known person's names by their spelling key (`spelling_key`): another spelling of them
    spellings: Mapping[tuple[str, ...], Sequence[tuple[Spelling, KnownActor]]] = field(
        default_factory=dict
    )

    def recognise(self, text: str) -> tuple[str, ActorType] | None:
        """The known actor's name and type for a written name, within the alias rules
        ("Al-Mamlouk" is "Mamlouk"), or a known person's name in another spelling ("Mamluk",
        "Kareem Hadad" of "Karim Haddad"); None for a name the case was not taught."""
        found = self.known.get(normalise_name(text))
        if found is None and self.spellings:
            found = self._spelt(text)
        return (found.name, found.type) if found is not None else None

    def _spelt(self, text: str) -> KnownActor | None:
        """The one known person `text` is another spelling of, if exactly one."""
        candidates = self.spellings.get(spelling_key(text))
        if not candidates:
            return None
        written = spelling(text)
        owners = {a.actor_id: a for words, a in candidates if same_spelling(words, written)}
        return next(iter(owners.values())) if len(owners) == 1 else None

    def rejects(self, text: str) -> bool:
        """Whether a person rejected the actor of this name (and confirmed none under it)."""
        return normalise_name(text) in self.rejected

    def may_start(self, word: str) -> bool:
        """Whether a known name (or another spelling of a known person's) can start with
        this word: a matcher tries no longer spans from a word that cannot."""
        norm = normalise_name(word).split()  # "U.S." is "u s": a name starting "u"
        if not norm or norm[0] in self._first_words or _is_article(norm[0]):
            return True
        key = spelling_key(word)
        return bool(key) and key[0] in self._first_consonants

    @cached_property
    def _first_words(self) -> frozenset[str]:
        return frozenset(norm.split()[0] for norm in self.known if norm)

    @cached_property
    def _first_consonants(self) -> frozenset[str]:
        return frozenset(key[0] for key in self.spellings if key)

    @property
    def max_words(self) -> int:
        """The most words in a known name: how far a matcher needs to look."""
        return max((len(form.split()) for form in self.surface_forms), default=0)

    def rejects_claim(self, cue: str | None, text: str) -> bool:
        """Whether a person rejected a claim of this cue and these words (or, for a
        fragment, these first words) in this case."""
        if not self.rejected_claims:
            return False
        folded_cue, words = _fold(cue or ""), _fold(text).split()
        whole = " ".join(words)
        start = " ".join(words[:PATTERN_WORDS])
        return (folded_cue, whole) in self.rejected_claims or (
            folded_cue,
            start + " …",
        ) in self.rejected_claims

    def __bool__(self) -> bool:
        return bool(self.known or self.rejected or self.rejected_claims)


_VOWELS = frozenset("aeiouy")
_CONSONANT = re.compile(r"[^aeiouy]")
# vowels that transliterations of one Arabic name trade ("Mamlouk"/"Mamluk", "Khaled"/
# "Khalid", "Mohammed"/"Muhammad", "Hussein"/"Husayn", "Abdel"/"Abdul"); not "a"/"u" or
# "a"/"i": "Hassan" is not "Hussein", "Hamad" not "Hamid"
_LIKE_VOWELS = frozenset(
    frozenset(pair)
    for pair in [("o", "u"), ("ou", "u"), ("ou", "o"), ("e", "i"), ("e", "a"), ("e", "u"),
                 ("y", "i"), ("ie", "i"), ("ei", "ai"), ("ei", "ay"), ("ai", "ay"),
                 ("ey", "ei"), ("ey", "ay")]
)  # fmt: skip
SURNAME_LETTERS = 4  # a surname alone is matched in another spelling from this many consonants

Spelling = tuple[tuple[str, tuple[str, ...]], ...]  # per word: consonants, vowel runs


def _is_article(word: str) -> bool:
    """A word the alias rules drop before a name ("the", "al", "el", ...)."""
    return normalise_name(f"{word} x") == "x"


def spelling(name: str) -> Spelling:
    """A Latin-script name word by word: its consonants, and the vowels around them (a
    letter written twice in a row counts once; articles inside a name go: "al-Assad").
    Empty for a name with other characters (Arabic script: resolve.py joins across
    scripts)."""
    words = []
    for word in normalise_name(name).split():
        if _is_article(word):
            continue
        if not (word.isascii() and word.isalpha()):
            return ()
        single = "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])
        consonants = "".join(c for c in single if c not in _VOWELS)
        words.append((consonants, tuple(_CONSONANT.split(single))))
    return tuple(words)


def spelling_key(name: str) -> tuple[str, ...]:
    """The consonants of each word: the spellings of one name share it."""
    return tuple(consonants for consonants, _ in spelling(name))


def same_spelling(a: Spelling, b: Spelling) -> bool:
    """Whether two names are spellings of one ("Kareem Hadad", "Karim Haddad"): the same
    consonants, and vowels the same or traded as transliterations trade them."""
    if len(a) != len(b):
        return False
    for (consonants_a, vowels_a), (consonants_b, vowels_b) in zip(a, b, strict=True):
        if consonants_a != consonants_b or len(vowels_a) != len(vowels_b):
            return False
        for x, y in zip(vowels_a, vowels_b, strict=True):
            if x != y and frozenset((x, y)) not in _LIKE_VOWELS:
                return False
    return True


def _spellings(
    known: Mapping[str, KnownActor],
) -> dict[tuple[str, ...], list[tuple[Spelling, KnownActor]]]:
    """Known people's names of two words or more, and their surnames when long enough,
    by the consonants of their words (`Knowledge.recognise` compares the vowels)."""
    found: dict[tuple[str, ...], list[tuple[Spelling, KnownActor]]] = defaultdict(list)
    for norm, actor in known.items():
        if actor.type is not ActorType.PERSON:
            continue
        words = spelling(norm)
        if len(words) >= 2:
            found[spelling_key(norm)].append((words, actor))
        if words and len(words[-1][0]) >= SURNAME_LETTERS:
            found[(words[-1][0],)].append((words[-1:], actor))
    return dict(found)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def claim_patterns(cue: str | None, text: str) -> set[tuple[str, str]]:
    """What one rejected claim teaches: its cue and words; a fragment's first words too."""
    folded_cue, words = _fold(cue or ""), _fold(text).split()
    patterns = {(folded_cue, " ".join(words))}
    if len(words) <= FRAGMENT_WORDS and len(words) > PATTERN_WORDS:
        patterns.add((folded_cue, " ".join(words[:PATTERN_WORDS]) + " …"))
    return patterns


def read_knowledge(db: _Reader, *, claims: bool = True) -> Knowledge:
    """The case's knowledge as it stands (a `Store`, or inside a transaction).

    `claims=False`: without the rejected claims' patterns, which cost a scan of the claims
    (storing an extraction reads the knowledge of actors only, once per article)."""
    # only the actors a person touched: read for every article added, it must not grow with
    # the case's extracted actors and their mentions
    actors = {
        row["id"]: row
        for row in db.rows(
            f"SELECT id, name, type, status, edited FROM actors a WHERE {_TOUCHED} ORDER BY rowid"
        )
    }
    names: dict[str, set[str]] = {actor_id: {row["name"]} for actor_id, row in actors.items()}
    # `IN (...)`, not a join: SQLite then reads the few touched actors first and their
    # rows through the actor indexes, where a join scanned every mention of the case
    touched = f"(SELECT a.id FROM actors a WHERE {_TOUCHED})"
    for row in db.rows(
        f"SELECT s.actor_id, s.alias FROM aliases s WHERE s.actor_id IN {touched} ORDER BY s.rowid"
    ):
        names.setdefault(row["actor_id"], set()).add(row["alias"])
    for row in db.rows(
        f"SELECT DISTINCT m.actor_id, m.text FROM mentions m "
        f"WHERE m.review != 'rejected' AND m.actor_id IN {touched} ORDER BY m.rowid"
    ):
        names.setdefault(row["actor_id"], set()).add(row["text"])
    known: dict[str, KnownActor] = {}
    forms: list[str] = []
    rejected: set[str] = set()
    for actor_id, row in actors.items():
        edited = set(json.loads(row["edited"]))
        if row["status"] == "rejected":
            rejected |= {normalise_name(n) for n in names.get(actor_id, ())}
            continue
        if row["status"] != "confirmed" and not edited & _TAUGHT:
            continue
        for name in sorted(names.get(actor_id, ())):
            norm = normalise_name(name)
            if norm and norm not in known:
                known[norm] = KnownActor(actor_id, row["name"], ActorType(row["type"]))
                forms.append(name)
    # a known person's surname alone is known too ("Al-Mamlouk" of "Ali Mamlouk"), unless
    # two known people share it: then it names neither for sure
    surnames: dict[str, set[str]] = defaultdict(set)
    for norm, actor in known.items():
        words = norm.split()
        if actor.type is ActorType.PERSON and len(words) >= 2:
            surnames[normalise_name(words[-1])].add(actor.actor_id)
    for surname, owners in surnames.items():
        if surname and surname not in known and len(owners) == 1:
            owner = next(a for a in known.values() if a.actor_id in owners)
            known[surname] = owner
            forms.append(surname)
    patterns: set[tuple[str, str]] = set()
    if claims:
        for row in db.rows("SELECT cue, text FROM claims WHERE review = 'rejected'"):
            patterns |= claim_patterns(row["cue"], row["text"])
    return Knowledge(
        known=known,
        rejected=frozenset(rejected - set(known) - {""}),
        surface_forms=tuple(forms),
        rejected_claims=frozenset(patterns),
        spellings=_spellings(known),
    )
