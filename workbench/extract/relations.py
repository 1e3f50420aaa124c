"""Relations between actors: who did what to whom, and who appears together.

Two sources, one edge list:
- sentence structure: a subject and an object of an action verb ("Sisi received Mamlouk",
  "Mamlouk met with Fawzy", "Riyadh suspended its oil aid to Egypt"), kind = the lemma;
- co-occurrence: actors named in the same sentence ("co-occurs"), weight = sentences.

Who told whom is not a relation: it restates a claim's speaker and channels, and the
analysis derives it from the current claims (`workbench.analysis.network`), so an edit to a
claim can never leave a stale "told" edge behind.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import ActorType, Relation
from .spans import ActorIndex, tokens_spelled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ACTION_VERBS = lexicon.words("action_verbs.txt")
# Prepositions that carry the object of an intransitive use: "met with", "voted against",
# "travelled to", "aid to Egypt" (the object of "suspended its aid *to* Egypt").
_OBJECT_PREPOSITIONS = lexicon.words("prepositions.txt", flag="object")
# "voted in favor of X", "in support of X": the object sits two prepositions down.
_STANCE_NOUNS = lexicon.words("stance_nouns.txt", flag="in")
# A light verb with an action noun: "made an official visit to Cairo", "held talks with".
_LIGHT_VERBS = lexicon.words("light_verbs.txt")
ACTION_NOUNS = {row["noun"]: row["action"] for row in lexicon.table("action_nouns.csv")}
# Actions two parties do together: "Trump and Erdogan spoke", "the two sides met".
RECIPROCAL = lexicon.words("reciprocal_verbs.txt")
_NOUN_PREPOSITIONS = lexicon.words("prepositions.txt", flag="noun-object")
# Person descriptions that refer back to someone named earlier ("the Syrian official").
_PERSON_NOUNS = lexicon.words("person_nouns.txt", flag="office")
_PERSONAL_PRONOUNS = lexicon.words("pronouns.txt", flag="person")
_REPORTED_PRONOUNS = lexicon.words("pronouns.txt", flag="reported")
# Nouns that stand for the actor in their "of" phrase: "the government of Syria".
_INSTITUTION_NOUNS = lexicon.words("government_nouns.txt", flag="of")
# not "attr" or "oprd": in "calling it an aggression on Iraq" Iraq is not the one called
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT = "nsubjpass"
_CO_OCCURS = "co-occurs"


def _spellings(words: Iterable[str]) -> frozenset[str]:
    """The lemmas as the lemmatizer may write them: lower case, and capitalised where a
    word opens a sentence ("Visit" stays as written for some nouns)."""
    return frozenset(f(w) for w in words for f in (str.lower, str.title, str.upper))


# Every lemma a relation starts from (the rules compare `lemma_.lower()` with these).
_CUE_LEMMAS = _spellings(
    ACTION_VERBS | _LIGHT_VERBS | RECIPROCAL | ACTION_NOUNS.keys() | {"criticise", "recognise"}
)


def extract_relations(doc: Doc, *, index: ActorIndex) -> list[Relation]:
    """Typed relations from sentence structure, then co-occurrence; no self-loops."""
    counts: Counter[tuple[str, str, str]] = Counter()
    # the few verbs and nouns a relation can start from, picked from the doc's arrays:
    # a Token object for every word of every sentence, twice, was a tenth of our rules
    cues = tokens_spelled(doc, _CUE_LEMMAS, attr="LEMMA")
    positions = [t.i for t in cues]
    for sentence in doc.sents:
        here = cues[
            bisect.bisect_left(positions, sentence.start) : bisect.bisect_left(
                positions, sentence.end
            )
        ]
        # a verb and its nominal twin may state one relation twice: count it once
        typed = dict.fromkeys([*_verb_relations(here, index), *_noun_relations(here, index)])
        for source, target, kind in typed:
            counts[(source, target, kind)] += 1
        present = [a.id for a in index.actors_in(sentence.start_char, sentence.end_char)]
        for first, second in combinations(sorted(set(present)), 2):
            counts[(first, second, _CO_OCCURS)] += 1
    return [
        Relation(source=source, target=target, kind=kind, weight=float(weight))
        for (source, target, kind), weight in counts.items()
        if source != target
    ]


def _verb_relations(tokens: Sequence[Token], index: ActorIndex) -> Iterable[tuple[str, str, str]]:
    for token in tokens:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        kind = _lemma(token)
        if kind in ACTION_VERBS:
            subjects = _subjects(token, index) + _passive_agents(token, index)
            objects = _objects(token, index)
        elif kind in _LIGHT_VERBS:
            # "made an official visit to Cairo": the noun is the action
            # the noun as object, or after "into" ("entered into an agreement with X")
            nouns = [
                c for c in token.children if c.dep_ in _OBJECT_DEPS and c.lemma_ in ACTION_NOUNS
            ] + [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "into"
                for g in c.children
                if g.dep_ == "pobj" and g.lemma_ in ACTION_NOUNS
            ]
            if not nouns:
                continue
            kind = ACTION_NOUNS[nouns[0].lemma_]
            subjects = _subjects(token, index)
            objects = _actors_of(
                _prepositional_objects(nouns[0], _NOUN_PREPOSITIONS)
                + _prepositional_objects(token, _NOUN_PREPOSITIONS),
                index,
            )
        elif kind in RECIPROCAL:
            subjects = _subjects(token, index)
            objects = []
        else:
            continue
        if not objects and kind in RECIPROCAL and len(subjects) > 1:
            # "Trump and Erdogan spoke on the phone": each with the next
            objects = subjects[1:]
            subjects = subjects[:1]
        for subject in subjects:
            for obj in objects:
                if subject != obj:
                    yield subject, obj, kind


def _noun_relations(tokens: Sequence[Token], index: ActorIndex) -> Iterable[tuple[str, str, str]]:
    """An action noun with its doer as possessor: "the United States' killing of
    Soleimani", "Mamlouk's visit to Cairo"."""
    for token in tokens:
        kind = ACTION_NOUNS.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
        if kind is None:
            continue
        doers = _actors_of([c for c in token.children if c.dep_ == "poss"], index)
        if not doers:
            continue
        targets = _actors_of(_prepositional_objects(token, _NOUN_PREPOSITIONS | {"of"}), index)
        for doer in doers:
            for target in targets:
                if doer != target:
                    yield doer, target, kind


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    return {"criticise": "criticize", "recognise": "recognize"}.get(lemma, lemma)


def _subjects(verb: Token, index: ActorIndex) -> list[str]:
    """Actors that are the verb's subject, inherited through conjunctions and clauses
    ("Egypt defended its vote ..., saying that it supported ..."."""
    head = verb
    for _ in range(4):
        found = [c for c in head.children if c.dep_ in _SUBJECT_DEPS]
        if found and head.dep_ == "ccomp" and all(t.lower_ in _REPORTED_PRONOUNS for t in found):
            # "the SDF announced it had entered...": the reporter speaks of itself
            head = head.head
            continue
        if found:
            return _actors_of(found, index)
        if head.dep_ in ("conj", "advcl", "xcomp", "ccomp", "relcl") and head.head is not head:
            if head.dep_ == "relcl":
                return _actors_of([head.head], index)
            head = head.head
            continue
        break
    return []


def _passive_agents(verb: Token, index: ActorIndex) -> list[str]:
    agents = [
        grandchild
        for child in verb.children
        if child.dep_ == "agent"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ]
    return _actors_of(agents, index)


def _objects(verb: Token, index: ActorIndex) -> list[str]:
    """Actors the verb acts on: direct objects, prepositional objects, a passive subject,
    and the prepositional complement of a direct object ("suspended its aid to Egypt")."""
    found: list[Token] = []
    has_object = False
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS or child.dep_ == _PASSIVE_SUBJECT:
            # a second "object" is the parser's reading of a complement: "calling it an
            # aggression on Iraq", "received the nomination over ...: Perkins"
            if has_object:
                continue
            has_object = True
            found.append(child)
            found += _prepositional_objects(child)
        elif child.dep_ == "prep" and child.lower_ in _OBJECT_PREPOSITIONS:
            found += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "prep" and verb.lemma_ == "vote":
            stances = [g for g in child.children if g.dep_ == "pobj" and g.lemma_ in _STANCE_NOUNS]
            for stance in stances:
                found += [
                    g
                    for of in stance.children
                    if of.dep_ == "prep" and of.lower_ == "of"
                    for g in of.children
                    if g.dep_ == "pobj"
                ]
    return _actors_of(found, index)


def _prepositional_objects(
    noun: Token, prepositions: frozenset[str] = _OBJECT_PREPOSITIONS
) -> list[Token]:
    return [
        grandchild
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ in prepositions
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ]


def _actors_of(tokens: Iterable[Token], index: ActorIndex) -> list[str]:
    """The actor each token's phrase names: the token itself, its conjuncts, or the
    possessor of its phrase ("Egypt's vote" stands for Egypt)."""
    found: list[str] = []
    for token in tokens:
        for member in [token, *token.conjuncts]:
            actor = _actor_of(member, index)
            if actor and actor not in found:
                found.append(actor)
    return found


def _actor_of(token: Token, index: ActorIndex) -> str | None:
    actor = index.actor_at(token.idx, token.idx + len(token))
    if actor is not None:
        return actor.id
    # a phrase about an actor ("Cairo's diplomatic move", "Egypt's vote") stands for it
    for child in token.children:
        if child.dep_ == "poss":
            actor = index.actor_at(child.idx, child.idx + len(child))
            if actor is not None:
                return actor.id
    if token.lemma_.lower() in _INSTITUTION_NOUNS:
        # "the government of Syria", "the people of Egypt"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for grandchild in child.children:
                    actor = index.actor_at(grandchild.idx, grandchild.idx + len(grandchild))
                    if grandchild.dep_ == "pobj" and actor is not None:
                        return actor.id
    if _refers_back(token):
        return _last_person_before(token, index)
    return None


def _refers_back(token: Token) -> bool:
    """ "he", "him", or a definite person description: "the Syrian official"."""
    if token.lower_ in _PERSONAL_PRONOUNS and token.pos_ == "PRON":
        return True
    return token.lemma_.lower() in _PERSONAL_NOUN_LEMMAS and any(
        child.dep_ == "det" and child.lower_ in ("the", "this", "that") for child in token.children
    )


_PERSONAL_NOUN_LEMMAS = _PERSON_NOUNS


def _last_person_before(token: Token, index: ActorIndex) -> str | None:
    """The person most recently named before `token`, within the sentence or the two before
    it, who is not the subject of the token's own clause (a person rarely receives
    himself)."""
    doc = token.doc
    sentence = token.sent
    window_start = sentence.start
    for _ in range(2):
        if window_start == 0:
            break
        window_start = doc[window_start - 1].sent.start
    begin = doc[window_start].idx
    excluded = {
        actor
        for subject in token.head.children
        if subject.dep_ in _SUBJECT_DEPS and subject is not token
        for actor in [index.actor_at(subject.idx, subject.idx + len(subject))]
        if actor is not None
    }
    for start, end, actor_id in reversed(index.mentions_in(begin, token.idx)):
        actor = index.by_id[actor_id]
        if actor.type != ActorType.PERSON or actor in excluded:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        # a name inside a modifier ("the Bashar al-Assad regime") is not a participant
        if span is not None and span.root.dep_ in ("compound", "amod", "nmod"):
            continue
        return actor_id
    return None


__all__ = ["extract_relations", "ACTION_VERBS"]
