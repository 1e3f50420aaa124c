"""Who said it: the speaker's words in the sentence, the actor they name, pronouns resolved.

A speaker is a noun phrase in the parse (the subject of "said", the object of
"according to"). Its actor is the one named by the phrase's head or by a name in
apposition to it ("Saudi ambassador ... Abduallah al-Mouallimi"); a phrase whose head
names nobody ("a Syrian political source in Damascus") is an unnamed source and stays
unnamed, even when it mentions a place or an outlet in passing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import country_info, country_of_demonym, name_key
from ..model import Actor, ActorType
from .anaphora import antecedent, subject_body
from .spans import DATELINE_ENDS, ActorIndex
from .speech import (
    COLLECTIVE_NOUNS,
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    GOVERNMENT_NOUNS,
    GROUP_PRONOUNS,
    MEDIA_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    THING_PRONOUNS,
    speech_verb,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependents that end a speaker's noun phrase: clauses and appositions after a comma
# ("Mamlouk, who has served as ..., said") are about the speaker, not part of the name.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "parataxis", "appos"})
# Dependents through which a name stands for the head noun itself.
_NAME_DEPS = frozenset({"appos", "compound", "flat", "nmod", "npadvmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# How far back a pronoun may look for the person it stands for.
_PRONOUN_WINDOW_SENTENCES = 3
# ... and how many words at most, over those sentences: one endless sentence of names and
# pronouns made every pronoun walk back over all of it (review H14: quadratic); three
# news sentences are rarely longer
_PRONOUN_REACH_WORDS = 250
# "Other Republicans": words that make a plural name some of a group's members
_PART_QUANTIFIERS = lexicon.words("part_quantifiers.txt")
# "his surviving father": kinship nouns, whose relative the text may name later
_KIN_NOUNS = lexicon.words("kin_nouns.txt")
# "Hamas's armed wing": a part of a body that speaks for it, its owner named
_PART_NOUNS = lexicon.words("speaker_part_nouns.txt")
# "its", "their" to "it", "they": a possessive stands for what its subject form would
_POSSESSIVES = {
    row["possessive"]: row["pronoun"] for row in lexicon.table("possessive_pronouns.csv")
}
# "Its spokesman said": the one person noun whose words are the body's (review J10)
_SPOKESPERSON_NOUNS = lexicon.words("spokesperson_nouns.txt")
# How far back (characters) "the agency" may look for the outlet it refers to.
_DESCRIPTION_REACH = 1500


@dataclass(frozen=True)
class Speaker:
    actor: Actor | None
    text: str  # the words naming the speaker, as written
    start: int
    end: int
    head: Token


def noun_phrase(head: Token) -> tuple[int, int]:
    """Token range [start, end) of the phrase headed by `head`, without trailing clauses."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in _CLAUSE_DEPS and not _describes_head(child):
            break
        if child.dep_ == "appos" or any(t.text == "," for t in head.doc[end : child.i]):
            break
        end = child.right_edge.i + 1
    # nor runs past a comma inside its modifiers ("the report on Saturday, which ...")
    comma = next((t.i for t in head.doc[head.i + 1 : end] if t.text in (",", ";")), None)
    if comma is not None:
        end = comma
    if end == head.i + 2 and head.doc[head.i + 1].dep_ == "case":
        end = head.i + 1  # "Iran's claim": the speaker is "Iran"
    # nor ends on the line break after a headline ("..., says UN envoy\n\nThe envoy ...")
    while end > head.i + 1 and head.doc[end - 1].is_space:
        end -= 1
    start = _after_dateline(head, head.left_edge.i)
    # a phrase never starts with a comma, quote mark or dash the parser attached to it
    while start < head.i and (head.doc[start].is_punct or head.doc[start].is_space):
        start += 1
    return start, end


def _after_dateline(head: Token, start: int) -> int:
    """ "ADDIS ABABA - Ethiopia's election board": the parser can take the wire dateline
    that opens the sentence into the phrase; the phrase starts after its colon or dash."""
    doc = head.doc
    i = head.sent.start
    while i < head.i and doc[i].text.isupper() and len(doc[i].text) > 1:
        i += 1
    if i == head.sent.start or i >= head.i or doc[i].text not in DATELINE_ENDS:
        return start
    if doc[i].text == "-" and not doc[i - 1].whitespace_:
        return start  # "US-backed forces": a hyphen inside a word, no dateline's dash
    return max(start, i + 1)


def _describes_head(child: Token) -> bool:
    """A participle right after the head, with no comma, says which one is meant ("an
    official based in Ramallah", "a statement released by Erdogan's office"): part of
    the speaker's words. A participle of saying carries the content ("a statement
    saying ...") and one after a comma is a clause about the speaker."""
    head = child.head
    return (
        child.dep_ == "acl"
        and child.tag_ in ("VBN", "VBG")
        and not any(t.text in (",", ";", "(") for t in head.doc[head.i + 1 : child.i])
        and not any(c.dep_ in ("ccomp", "nsubj", "nsubjpass") for c in child.children)
        and speech_verb(child) is None
    )


def _actor_on(token: Token, index: ActorIndex) -> Actor | None:
    return index.actor_at(token.idx, token.idx + len(token.text))


def actor_of_phrase(head: Token, index: ActorIndex) -> Actor | None:
    """The actor a noun phrase names: at its head, in a name joined to the head, or the
    author of a document noun ("a statement from the ministry", "SANA's report")."""
    actor = _actor_on(head, index)
    if actor is not None:
        return actor
    # a person's affiliation is not their name: "an Interpol spokesperson" is unnamed,
    # while "the Houthi movement" and "the SANA report" are named by their modifier
    if head.pos_ == "NOUN" and head.lemma_.lower() in PERSON_NOUNS:
        deps = frozenset({"appos", "flat"})
    else:
        deps = _NAME_DEPS
    # "Iran's IRNA news agency": the parser can take an outlet's name for an adjective
    stack = [c for c in head.children if c.dep_ in deps or _outlet_modifier(c)]
    while stack:
        child = stack.pop(0)
        if child.pos_ == "PROPN" or child.ent_type_:
            actor = _actor_on(child, index)
            # "the Trump campaign" is not Trump: a person modifying a common noun
            # names whose it is, not who it is
            modifier = head.pos_ == "NOUN" and child.dep_ == "compound"
            if actor is not None and not (modifier and actor.type is ActorType.PERSON):
                return actor
        stack.extend(c for c in child.children if c.dep_ in _NAME_DEPS)
    if head.lemma_.lower() in _PART_NOUNS:
        # "Hamas's armed wing", "the military wing of Hezbollah": the owning body speaks
        owner = _owner(head, index)
        if owner is not None and owner.type in (ActorType.GROUP, ActorType.ORGANIZATION):
            return owner
    if head.lemma_.lower() in DOCUMENT_NOUNS:
        for child in head.children:
            if child.dep_ == "poss":
                return actor_of_phrase(child, index)
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return actor_of_phrase(objects[0], index)
    return None


def _owner(head: Token, index: ActorIndex) -> Actor | None:
    """The actor named as the owner of `head`: its possessive, or the object of its "of"."""
    for child in head.children:
        if child.dep_ == "poss":
            return _actor_on(child, index)
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return _actor_on(objects[0], index) if objects else None
    return None


def _outlet_modifier(child: Token) -> bool:
    return child.dep_ == "amod" and child.ent_type_ == "MEDIA"  # media_ruler.MEDIA_LABEL


def _compatible(actor: Actor, pronoun: str) -> bool:
    if pronoun in PERSON_PRONOUNS:
        return actor.type is ActorType.PERSON
    if pronoun in THING_PRONOUNS:
        return actor.type in (ActorType.ORGANIZATION, ActorType.MEDIA, ActorType.COUNTRY)
    if pronoun in GROUP_PRONOUNS:
        return actor.type in (
            ActorType.ORGANIZATION,
            ActorType.MEDIA,
            ActorType.COUNTRY,
            ActorType.GROUP,
        )
    return False


def _unnamed_match(token: Token, pronoun: str) -> bool:
    """Whether an unnamed subject noun can be what `pronoun` refers to."""
    if token.pos_ != "NOUN":
        return False
    noun = token.lemma_.lower()
    if pronoun in PERSON_PRONOUNS:
        return noun in PERSON_NOUNS and token.tag_ == "NN"
    if pronoun in GROUP_PRONOUNS:
        return token.tag_ == "NNS" or noun in COLLECTIVE_NOUNS
    if pronoun in THING_PRONOUNS:
        # "The Israeli army said ... It added": the army, unnamed, and not whichever
        # outlet or country was named before it
        return token.tag_ == "NN" and noun in COLLECTIVE_NOUNS
    return False


class PronounResolver:
    """Resolves speaker pronouns to the nearest preceding compatible subject.

    Gender-agnostic: "he" and "she" both look for a person, because names alone do not
    tell us gender reliably. Subjects are preferred to other mentions because news
    prose keeps its topic in subject position ("al-Mouallimi said ... He also said").
    """

    def __init__(self, doc: Doc, index: ActorIndex) -> None:
        self.doc = doc
        self.index = index
        self._resolved: dict[int, Actor | None] = {}

    def resolve(self, pronoun: Token) -> Actor | None:
        if pronoun.i not in self._resolved:
            # "its" looks for what "it" would: its subject form (possessive_pronouns.csv)
            word = _POSSESSIVES.get(pronoun.lower_, pronoun.lower_)
            self._resolved[pronoun.i] = self._search(pronoun, word)
        return self._resolved[pronoun.i]

    def _search(self, pronoun: Token, word: str) -> Actor | None:
        if word in FIRST_PERSON:
            return None
        sentences = self._window(pronoun)
        fallback: Actor | None = None
        # "The Houthis claimed ... Saudi Arabia condemned ... They said": wire English
        # makes a country "it", so a country subject is what "they" stands for only when
        # no group, body or outlet was a subject before it in the window
        country: Actor | None = None
        floor = max(0, pronoun.i - _PRONOUN_REACH_WORDS)
        for sent in sentences:
            # nearest first, only the words before the pronoun (not a Token of each word)
            for i in range(min(sent.end, pronoun.i) - 1, max(sent.start, floor) - 1, -1):
                token = self.doc[i]
                if token.dep_ not in _SUBJECT_DEPS:
                    if fallback is None:
                        actor = _actor_on(token, self.index)
                        if actor is not None and _compatible(actor, word):
                            fallback = actor
                    continue
                if token.pos_ == "PRON" and token.lower_ != word:
                    continue
                if word in GROUP_PRONOUNS and any(c.dep_ == "conj" for c in token.children):
                    return None  # "X and Y gathered ... They said": no one actor
                actor = (
                    self.resolve(token)
                    if token.pos_ == "PRON"
                    else speaker_from_subjects([token], self.index, self).actor
                )
                if actor is not None and _compatible(actor, word):
                    if word in GROUP_PRONOUNS and actor.type is ActorType.COUNTRY:
                        country = country or actor
                        continue
                    return actor
                if _unnamed_match(token, word):
                    # the nearest subject that can be what the pronoun stands for:
                    # "a spokesperson, X, ... he said" (X whatever type its name was
                    # given), "an assembly of ministers met ... They said" (unnamed)
                    return actor
        return country or fallback

    def _window(self, pronoun: Token) -> list[Span]:
        """The pronoun's sentence and the ones before it, nearest first."""
        sentences: list[Span] = []
        sent: Span | None = pronoun.sent
        while sent is not None and len(sentences) <= _PRONOUN_WINDOW_SENTENCES:
            sentences.append(sent)
            sent = self.doc[sent.start - 1].sent if sent.start > 0 else None
        return sentences


def speaker_from_head(head: Token, index: ActorIndex, resolver: PronounResolver) -> Speaker:
    """The speaker named by the phrase headed by `head` (an agent, the object of
    "according to", a subject found by walking the parse)."""
    return speaker_from_subjects([head], index, resolver)


def speaker_from_subjects(
    subjects: list[Token], index: ActorIndex, resolver: PronounResolver
) -> Speaker:
    """The speaker named by a verb's subject(s).

    The parser sometimes splits one subject phrase into several ("Syria's state news
    agency" and "SANA" both as subjects) or hangs part of it on the verb, so the phrase
    is the whole run of tokens from the first subject to the last.
    """
    doc = subjects[0].doc
    heads = []
    for head in subjects:
        if (
            head.lower_ in RELATIVE_PRONOUNS
            and head.tag_ in ("WP", "WDT")
            and head.head.dep_ == "relcl"
        ):
            # "Mamlouk, who said ...": the speaker is the noun the clause is about
            head = head.head.head
        heads.append(head)
    titled = _name_after_titles(heads[0], index) if len(heads) == 1 else None
    if titled is not None:
        heads.append(titled)
    ranges = [noun_phrase(h) for h in heads + _joined_sources(heads)]
    start, end = min(r[0] for r in ranges), max(r[1] for r in ranges)
    span = doc[start:end]
    last = heads[-1]
    actor: Actor | None = None
    if len(heads) == 1 and last.pos_ == "PRON":
        actor = resolver.resolve(last)
    elif _actor_on(last, index) is None:
        # "a State Department spokesperson, Morgan Ortagus, said": the name in
        # apposition is the speaker, and belongs in the speaker's words
        for child in _appositions(last, index):
            if (named := _named(child, index)) is not None:
                actor, end = named, max(end, noun_phrase(child)[1])
                span = doc[start:end]
                break
    if actor is None and last.pos_ != "PRON":
        actor = name_at_end(span, index) or next(
            (a for h in reversed(heads) if (a := actor_of_phrase(h, index)) is not None), None
        )
    if actor is None:
        actor = described_actor(last, span, index)
    if actor is None and last.pos_ == "NOUN" and last.lemma_.lower() in _SPOKESPERSON_NOUNS:
        actor = _body_by_possessive(last, resolver)
    if actor is None and last.lemma_.lower() in DOCUMENT_NOUNS:
        actor = _author(last, index, resolver)
    if actor is None and last.lemma_.lower() in _KIN_NOUNS:
        actor = _relative_named_later(last, index)
    if actor is not None and _some_members(last):
        actor = None  # "Other Republicans": some of the party's people, named by none
    if actor is not None and _only_as_backer(actor, span, index):
        actor = None  # "The UN-backed government": who backs it, not who it is
    return Speaker(actor, span.text, span.start_char, span.end_char, last)


def _body_by_possessive(head: Token, resolver: PronounResolver) -> Actor | None:
    """ "Its spokesman said" after "Jordan's Interior Ministry closed the bridge": the body
    the possessive pronoun stands for speaks through its spokesman. Where the text names
    the body ("Hamas's spokesman said") the gold guideline's unnamed source stays unnamed,
    its words naming the side; a person's spokesman is not the person, and a country's
    minister is a person of that country ("Its foreign minister said" after "Egypt")."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in _POSSESSIVES:
        return None
    actor = resolver.resolve(owner)
    spokesbody = actor is not None and actor.type in (ActorType.ORGANIZATION, ActorType.GROUP)
    return actor if spokesbody else None


def _joined_sources(heads: list[Token]) -> list[Token]:
    """ "an engineer at the dam and an official at the ministry told": unnamed sources
    joined by "and" speak together; the phrase holds both (a common noun each: named
    speakers joined are no one speaker, see claims._joint_speakers)."""
    if len(heads) != 1 or heads[0].pos_ != "NOUN":
        return []
    head = heads[0]
    if not any(c.dep_ == "cc" for c in head.children):
        return []
    return [c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > head.i]


def _only_as_backer(actor: Actor, span: Span, index: ActorIndex) -> bool:
    """Whether the actor is named in the phrase only before a hyphen and a participle
    ("The UN-backed government", "the Russia-allied militia", "a Moscow-based analyst"):
    the name says who backs, leads or hosts the speaker, and crediting it with the claim
    puts the claim on the other side. A name that holds the whole compound ("the
    Saudi-led coalition" as one actor) is the speaker's own."""
    doc = span.doc
    mentions = [m for m in index.mentions_in(span.start_char, span.end_char) if m[2] == actor.id]
    if not mentions:
        return False
    for _, end, _ in mentions:
        after = [t for t in doc[span.start : span.end] if t.idx >= end][:2]
        if len(after) < 2 or after[0].idx != end or after[0].text != "-":
            return False
        if after[1].tag_ not in ("VBN", "VBD"):
            return False
    return True


def _relative_named_later(head: Token, index: ActorIndex) -> Actor | None:
    """ "they had, his surviving father says, paid ..." and, a few sentences on, "said his
    father, Abdullah Kurdi": the same tie with the same possessive, named in apposition,
    is the speaker."""
    owner = next((c.lower_ for c in head.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    doc, limit = head.doc, head.idx + _DESCRIPTION_REACH
    for token in doc[head.i + 1 :]:
        if token.idx > limit:
            break
        if token.lemma_ != head.lemma_ or not any(
            c.dep_ == "poss" and c.lower_ == owner for c in token.children
        ):
            continue
        for child in token.children:
            if child.dep_ == "appos" and (named := _named(child, index)) is not None:
                return named if named.type is ActorType.PERSON else None
    return None


def _some_members(head: Token) -> bool:
    """ "Other Republicans", "Some Democrats": a plural name with a quantifier before it
    is some of a group's members, an unnamed speaker like "Saudi officials"."""
    return head.tag_ == "NNPS" and any(
        c.i < head.i and c.dep_ in ("amod", "det") and c.lower_ in _PART_QUANTIFIERS
        for c in head.children
    )


def _appositions(head: Token, index: ActorIndex) -> list[Token]:
    """Names in apposition to a speaker phrase's head. The parser hangs the apposition of
    "The mayor of Paris, Anne Hidalgo, wrote" on the place: a person set beside the
    object of a role's "of" (a place, a body, never a person) names the role's holder."""
    found = [c for c in head.rights if c.dep_ == "appos"]
    if head.lemma_.lower() not in PERSON_NOUNS:
        return found
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            holder = _actor_on(place, index)
            if holder is not None and holder.type is ActorType.PERSON:
                continue
            found += [
                c
                for c in place.rights
                if c.dep_ == "appos"
                and (actor := _actor_on(c, index)) is not None
                and actor.type is ActorType.PERSON
            ]
    return found


def _name_after_titles(head: Token, index: ActorIndex) -> Token | None:
    """ "Retired FBI agent and terrorism specialist Ali Soufan told": the parser joins the
    titles and the name as three subjects; a person's name glued to the title before it
    (no "and" nor comma between) is the one subject the titles describe."""
    if head.pos_ != "NOUN" or _actor_on(head, index) is not None:
        return None
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    if not conjuncts:
        return None
    name = conjuncts[-1]
    actor = _actor_on(name, index)
    before = head.doc[name.left_edge.i - 1]
    if actor is None or actor.type is not ActorType.PERSON or before.pos_ != "NOUN":
        return None
    return name


def _author(document: Token, index: ActorIndex, resolver: PronounResolver) -> Actor | None:
    """Who issued a document: "They released a statement which said", "a statement
    released by Erdogan's office"; for "the statement", the one who issued the statement
    mentioned last ("Trump, in a statement ..., announced ... The statement also said")."""
    found = _issuer(document, index, resolver)
    if found is not None or not any(c.lower_ == "the" for c in document.lefts):
        return found
    doc = document.doc
    start = doc[document.sent.start - 1].sent.start if document.sent.start > 0 else 0
    for token in reversed(doc[max(0, start - 60) : document.i]):
        # an earlier "the statement" says no more than this one: go back to its issuer
        if token.lemma_ == document.lemma_ and token.pos_ == "NOUN":
            found = _issuer(token, index, resolver)
            if found is not None:
                return found
    return None


def _issuer(document: Token, index: ActorIndex, resolver: PronounResolver) -> Actor | None:
    for child in document.children:
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            objects = [c for c in agent.children if c.dep_ == "pobj"] if agent else []
            if objects:
                return speaker_from_subjects(objects, index, resolver).actor
    verb = document.head
    if document.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "X, in a statement ..., announced"
    if document.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB":
        issuer = [c for c in verb.children if c.dep_ == "nsubj"]
        if issuer:
            return speaker_from_subjects(issuer, index, resolver).actor
    return None


def _named(token: Token, index: ActorIndex) -> Actor | None:
    actor = actor_of_phrase(token, index)
    if actor is not None and actor.type in (ActorType.PERSON, ActorType.MEDIA):
        return actor
    return None


def described_actor(head: Token, span: Span, index: ActorIndex) -> Actor | None:
    """The actor a description stands for when it can only mean one: "the agency" is
    the outlet last named, "the Saudi government" is Saudi Arabia. Unnamed sources
    ("the official", "a source") are left unnamed on purpose."""
    noun = head.lemma_.lower()
    if noun in MEDIA_NOUNS and span[0].lower_ == "the" and len(span) <= 3:
        # "the agency": the outlet named last; with none named, the body that was the
        # subject just before ("The World Health Organization sent ... The agency said")
        return _last_media_before(span.start_char, index) or subject_body(head, index)
    if noun in GOVERNMENT_NOUNS or noun in DOCUMENT_NOUNS:
        # "the Saudi government", "the Turkish statement", "Erdogan's office"
        for token in span:
            if token.i == head.i:
                continue
            country = country_of_demonym(token.text) or country_info(token.text)
            if country is None:
                actor = _actor_on(token, index)
                if actor is not None and (actor.type is ActorType.COUNTRY or token.dep_ == "poss"):
                    return actor
                continue
            actor = _country_actor(country.name, index)
            if actor is not None:
                return actor
    # "the group", "the ministry", "the government": the earlier actor it agrees with
    return antecedent(head, span, index)


def _last_media_before(offset: int, index: ActorIndex) -> Actor | None:
    found = [m for m in index.mentions_in(max(0, offset - _DESCRIPTION_REACH), offset)]
    for _, end, actor_id in reversed(found):
        actor = index.by_id[actor_id]
        if end <= offset and actor.type is ActorType.MEDIA:
            return actor
    return None


def _country_actor(name: str, index: ActorIndex) -> Actor | None:
    wanted = name_key(name)
    for actor in index.actors:
        if actor.type is not ActorType.COUNTRY:
            continue
        info = country_info(actor.name)
        if name_key(actor.name) == wanted or (info is not None and name_key(info.name) == wanted):
            return actor
    return None


def name_at_end(span: Span, index: ActorIndex) -> Actor | None:
    """A person or outlet named at the end of a speaker phrase, after its titles: "The
    Saudi ambassador to the UN Abduallah al-Mouallimi", "state news agency SANA".

    A name after a preposition belongs to the preposition ("a source close to Mamlouk",
    "an aide to President X") unless a complete name stands between them ("to the UN")
    or the preposition is part of a capitalised title ("Minister of Information X").
    """
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return None
    last = words[-1]
    mentions = index.mentions_in(last.idx, last.idx + len(last.text))
    if not mentions:
        return None
    m_start, _, actor_id = mentions[-1]
    actor = index.by_id[actor_id]
    if actor.type not in (ActorType.PERSON, ActorType.MEDIA):
        return None
    before = [t for t in words if t.idx + len(t.text) <= m_start]
    if not before:
        return actor
    if before[-1].pos_ in ("ADP", "ADJ", "VERB", "SCONJ", "CCONJ", "PRON", "AUX"):
        return None
    preposition = next((t for t in reversed(before) if t.pos_ == "ADP"), None)
    if preposition is None:
        return actor
    # the preposition's object must be a complete name of its own, ending where ours starts
    between = [t for t in before if t.i > preposition.i]
    named = (
        [
            m
            for m in index.mentions_in(between[0].idx, m_start)
            if m[1] <= m_start and m[2] != actor_id
        ]
        if between
        else []
    )
    if named and between[-1].idx + len(between[-1].text) == named[-1][1]:
        return actor
    # a capitalised title with its preposition: "Minister of Information X", "Secretary
    # of State X" (but "an aide to President X": the aide is a common noun)
    title = [t for t in before if t.i < preposition.i][-1:]
    if title and title[0].text[:1].isupper() and all(t.text[:1].isupper() for t in between):
        return actor
    return None
