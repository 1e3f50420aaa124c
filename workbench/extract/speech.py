"""Speech cues: the verbs and phrases that introduce what someone said.

The words are data in the lexicon (`speech_verbs.txt` with its flags, the noun lists,
`pronouns.txt`, `prepositions.txt`), so that they can grow without touching the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    particle: str | None = None  # "out" in "point out"
    takes_object: bool = False  # "condemned the vote": the object is what was said
    names_outlet: bool = False  # "reported": who does it is usually an outlet


_VERBS = "speech_verbs.txt"


def verbs_flagged(flag: str) -> frozenset[str]:
    """The lemmas of the speech verbs carrying `+flag` (see the file's header)."""
    return frozenset(e.words[0] for e in lexicon.entries(_VERBS) if flag in e.flags)


# Verbs that report speech only when a document is their subject.
DOCUMENT_VERBS = verbs_flagged("document")


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, tuple[SpeechVerb, ...]]:
    """Speech verbs by lemma (a lemma can have a plain and a phrasal entry)."""
    found: dict[str, list[SpeechVerb]] = {}
    for entry in lexicon.entries(_VERBS):
        if "document" in entry.flags:
            continue  # speech verbs only with a document for subject: see speech_verb
        verb = SpeechVerb(
            lemma=entry.words[0],
            particle=entry.words[1] if len(entry.words) > 1 else None,
            takes_object="object" in entry.flags,
            names_outlet="report" in entry.flags,
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
CHANNEL_PREPOSITIONS = lexicon.words("prepositions.txt", flag="channel")

PERSON_PRONOUNS = lexicon.words("pronouns.txt", flag="person")
GROUP_PRONOUNS = lexicon.words("pronouns.txt", flag="group")
THING_PRONOUNS = lexicon.words("pronouns.txt", flag="thing")
FIRST_PERSON = lexicon.words("pronouns.txt", flag="first")
RELATIVE_PRONOUNS = lexicon.words("pronouns.txt", flag="relative")

DOCUMENT_NOUNS = lexicon.words("document_nouns.txt")
# "the agency said": the outlet named last
MEDIA_NOUNS = lexicon.words("outlet_nouns.txt", flag="refers")
GOVERNMENT_NOUNS = lexicon.words("government_nouns.txt", flag="speaker")
PERSON_NOUNS = lexicon.words("person_nouns.txt")
COLLECTIVE_NOUNS = lexicon.words("collective_nouns.txt")
CLAIM_NOUNS = lexicon.words("claim_nouns.txt")
# Who does one of these verbs is usually an outlet ("NRK reported").
OUTLET_VERBS = verbs_flagged("report")
# Verbs whose object is the person told, not what was said.
HEARER_VERBS = verbs_flagged("hearer")
# Verbs of plain assertion: their complement is a proposition, never an act or a hearer.
SAY_VERBS = verbs_flagged("assert")
# Verbs after which "as" belongs to what was said: "characterized the attack as a violation".
DESCRIBING_VERBS = verbs_flagged("describe")
# Verbs of judging: an object alone is what was judged, not what was said (issue 10).
JUDGING_VERBS = verbs_flagged("judge")
# Verbs of promising: their "to" clause is what was promised ("vowed to keep fighting").
COMMIT_VERBS = verbs_flagged("commit")
# Verbs of recalling: their object is what was told only when a person recalls a thing.
RECOLLECTING_VERBS = verbs_flagged("recollect")
# Verbs of denying whose object can be a thing refused ("denied funding"), not a claim.
REFUSAL_VERBS = verbs_flagged("refusal")
# Verbs of confirming whose object can be a person approved for an office, not a claim.
APPOINTING_VERBS = verbs_flagged("appoint")
# Verbs that pass a claim on when they have an agent: "as reported by", "as quoted by".
RELAY_VERBS = lexicon.words("relay_verbs.txt")
# Relay verbs that name whom the claim came from: "quoted X as saying", "citing X".
NAMING_VERBS = lexicon.words("relay_verbs.txt", flag="naming")
