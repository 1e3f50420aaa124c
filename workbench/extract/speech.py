"""Speech cues: the verbs and phrases that introduce what someone said.

The verb lexicon is data (`workbench/data/speech_verbs.txt`) so that it can grow without
touching the rules; the small closed sets of function words stay here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    particle: str | None = None  # "out" in "point out"
    takes_object: bool = False  # "condemned the vote": the object is what was said
    names_outlet: bool = False  # "reported": its subject or agent is usually an outlet


# Verbs that report speech only when a document is their subject.
DOCUMENT_VERBS = frozenset({"read", "find", "show"})


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, tuple[SpeechVerb, ...]]:
    """Speech verbs by lemma (a lemma can have a plain and a phrasal entry)."""
    found: dict[str, list[SpeechVerb]] = {}
    text = files("workbench.data").joinpath("speech_verbs.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        words = [w for w in line.split() if not w.startswith("+")]
        flags = {w[1:] for w in line.split() if w.startswith("+")}
        verb = SpeechVerb(
            lemma=words[0],
            particle=words[1] if len(words) > 1 else None,
            takes_object="object" in flags,
            names_outlet="report" in flags,
        )
        found.setdefault(verb.lemma, []).append(verb)
    return {lemma: tuple(verbs) for lemma, verbs in found.items()}


def speech_verb(token: Token) -> SpeechVerb | None:
    """The lexicon entry when `token` is a speech verb as used here, else None."""
    if token.pos_ not in ("VERB", "AUX") or token.pos_ == "AUX" and token.lemma_ != "say":
        return None
    if token.lemma_ in DOCUMENT_VERBS:
        # "reads Judge Miller's statement", "the poll found that": a document speaks;
        # a person reading or finding something does not
        if not any(c.lemma_.lower() in DOCUMENT_NOUNS for c in token.children):
            return None
        return SpeechVerb(lemma=token.lemma_)
    entries = speech_verbs().get(token.lemma_.lower())
    if not entries:
        return None
    particles = {child.lower_ for child in token.children if child.dep_ == "prt"}
    phrasal = [v for v in entries if v.particle is not None]
    for verb in phrasal:
        if verb.particle in particles:
            return verb
    plain = [v for v in entries if v.particle is None]
    return plain[0] if plain else None


def cue_text(token: Token) -> str:
    """The cue as written: the verb, with its particle for a phrasal verb ("pointed out")."""
    particle = next((c for c in token.children if c.dep_ == "prt" and c.i == token.i + 1), None)
    return f"{token.text} {particle.text}" if particle is not None else token.text


# Prepositions after a speech verb whose object can be the outlet a claim went through
# ("said in an interview with Al Jazeera", "told reporters on Al Arabiya").
CHANNEL_PREPOSITIONS = frozenset({"to", "with", "in", "on", "via", "through", "during"})

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


@lru_cache(maxsize=1)
def _noun_sections() -> dict[str, frozenset[str]]:
    text = files("workbench.data").joinpath("source_nouns.txt").read_text(encoding="utf-8")
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif line and current is not None:
            current.update(line.split())
    return {name: frozenset(words) for name, words in sections.items()}


DOCUMENT_NOUNS = _noun_sections()["document"]
MEDIA_NOUNS = _noun_sections()["media"]
GOVERNMENT_NOUNS = _noun_sections()["government"]
PERSON_NOUNS = _noun_sections()["person"]
COLLECTIVE_NOUNS = _noun_sections()["collective"]
CLAIM_NOUNS = _noun_sections()["claim"]
