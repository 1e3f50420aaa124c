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
    if token.lemma_ == "read":
        # "reads Judge Miller's statement": a document speaks; a person reading does not
        if not any(c.lemma_.lower() in DOCUMENT_NOUNS for c in token.children):
            return None
        return SpeechVerb(lemma="read")
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


# Nouns for the documents a claim can come in: their author is the speaker
# ("a statement from the ministry said", "the agency's report said").
DOCUMENT_NOUNS = frozenset(
    [
        "statement",
        "report",
        "communique",
        "communiqué",
        "letter",
        "tweet",
        "post",
        "release",
        "announcement",
        "declaration",
        "note",
        "memo",
        "message",
        "bulletin",
        "broadcast",
        "article",
        "editorial",
        "interview",
        "transcript",
        "video",
        "footage",
        "document",
        "filing",
    ]
)

# Prepositions after a speech verb whose object can be the outlet a claim went through
# ("said in an interview with Al Jazeera", "told reporters on Al Arabiya").
CHANNEL_PREPOSITIONS = frozenset({"to", "with", "in", "on", "via", "through", "during"})

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

# Descriptions that refer back to an outlet ("the agency said") or stand for a state
# ("the Saudi government", "Syrian authorities").
MEDIA_NOUNS = frozenset(
    ["agency", "newspaper", "paper", "daily", "channel", "broadcaster", "network", "outlet"]
    + ["station", "website", "tabloid", "weekly", "wire", "broadcast"]
)
GOVERNMENT_NOUNS = frozenset(
    ["government", "authorities", "authority", "regime", "administration", "cabinet"]
    + ["presidency", "leadership", "state", "office"]
)

# Unnamed people and groups a pronoun can stand for ("the official ... he said").
PERSON_NOUNS = frozenset(
    [
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "source",
        "minister",
        "president",
        "ambassador",
        "envoy",
        "diplomat",
        "aide",
        "adviser",
        "advisor",
        "officer",
        "commander",
        "lawyer",
        "witness",
        "analyst",
        "expert",
        "journalist",
        "reporter",
        "correspondent",
        "leader",
        "chief",
        "head",
        "director",
        "governor",
        "mayor",
        "man",
        "woman",
        "activist",
        "resident",
        "member",
        "representative",
        "secretary",
        "general",
        "prosecutor",
        "judge",
        "doctor",
        "rapporteur",
        "negotiator",
        "lawmaker",
        "senator",
        "legislator",
        "candidate",
        "investigator",
    ]
)
COLLECTIVE_NOUNS = frozenset(
    [
        "assembly",
        "council",
        "committee",
        "group",
        "government",
        "ministry",
        "delegation",
        "coalition",
        "alliance",
        "panel",
        "board",
        "parliament",
        "team",
        "administration",
        "authorities",
        "police",
        "army",
        "military",
    ]
)
