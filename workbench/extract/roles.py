"""Roles: what the article says an actor is ("Saudi ambassador to the UN", "General").

Read from the parse around a mention: the noun phrase before a name ("Syrian National
Security Bureau chief Ali Mamlouk"), an apposition after it ("Khaled Fawzy, the head
of Egypt's General Intelligence Service"), and predicates ("was appointed chief of ...",
"who has served as ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import fold
from .names import ROLE_NOUNS, TITLE_MODIFIERS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_ROLE_TOKENS = 12
_LINKING_PREPS = lexicon.words("prepositions.txt", flag="linking")
# "X was appointed/named chief of Y", "X served as Y": any noun phrase is a role there
_ROLE_VERBS = lexicon.words("role_verbs.txt")
_COPULAS = frozenset({"be", "become", "remain"})


def roles_of(span: Span, *, person: bool = True) -> list[str]:
    """Roles stated next to one mention, in text order, without leading articles.

    For a body rather than a person (`person=False`) the phrase before the name must end
    in its role noun ("state news agency SANA"), since "the head of X" describes someone else.
    """
    if not span.doc.has_annotation("DEP"):
        return []  # roles are read from the parse; a doc without one states none
    found = []
    before = _role_before(span)
    if before and not person and fold(span.doc[span.start - 1].text) not in ROLE_NOUNS:
        before = None
    if before:
        found.append(before)
    found.extend(_roles_in_appositions(span, person=person))
    found.extend(_roles_in_predicates(span))
    return list(dict.fromkeys(found))


def _has_role_noun(tokens: list[Token]) -> bool:
    return any(
        fold(t.text) in ROLE_NOUNS
        or (fold(t.text) in TITLES and fold(t.text) not in TITLE_MODIFIERS)
        for t in tokens
    )


def _text(tokens: list[Token]) -> str:
    # a span's text, not doc.text sliced: spaCy rebuilds doc.text on every access
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def _role_before(span: Span) -> str | None:
    """The noun phrase right before a name: "Bureau chief", "the Saudi ambassador to the UN"."""
    doc = span.doc
    sent_start = span.sent.start
    i = span.start - 1
    tokens: list[Token] = []
    while i >= sent_start:
        token = doc[i]
        if token.pos_ == "DET":
            # "ambassador to the UN": an article inside the phrase, after a linking preposition
            if i - 1 >= sent_start and doc[i - 1].lower_ in _LINKING_PREPS and tokens:
                tokens.insert(0, token)
                i -= 1
                continue
            break
        if token.pos_ == "ADP":
            if token.lower_ not in _LINKING_PREPS or not tokens:
                break
            if i - 1 < sent_start or doc[i - 1].pos_ not in ("NOUN", "PROPN"):
                break
        elif token.pos_ == "PART" and token.tag_ == "POS":
            pass
        elif token.text in ("-", "\u2010") and tokens and i - 1 >= sent_start:
            pass  # "Secretary-General"
        elif token.pos_ not in ("NOUN", "PROPN", "ADJ") or token.is_punct:
            break
        tokens.insert(0, token)
        i -= 1
    while tokens and (tokens[0].pos_ in ("ADP", "PART") or tokens[0].is_punct):
        tokens = tokens[1:]
    if not tokens or len(tokens) > MAX_ROLE_TOKENS or tokens[-1].pos_ in ("ADP", "PART"):
        return None  # "head of Egypt's": a possessor before the name, not a role
    # the role word must be the phrase's head or govern it: "Bureau chief", "ambassador to
    # the UN"; not "Gulf" in "Gulf backer"
    if not _has_role_noun(tokens):
        return None
    return _text(tokens)


def _phrase(head: Token, *, stop_before: int | None = None) -> list[Token]:
    """A noun phrase from its head: its subtree up to a comma or a clause."""
    tokens = []
    for token in head.subtree:
        if stop_before is not None and token.i >= stop_before:
            break
        if token.i > head.i and (
            token.is_punct and token.text not in ("-", "\u2010") or token.dep_ in ("relcl", "acl")
        ):
            break
        tokens.append(token)
    while tokens and (tokens[0].pos_ in ("DET", "PRON") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in ("ADP", "CCONJ")):
        tokens = tokens[:-1]
    return tokens


def _roles_in_appositions(span: Span, *, person: bool) -> list[str]:
    found = []
    root = span.root
    heads = [root]
    # "the Corporation (EGPC), Egypt's state oil company": the apposition may hang on the
    # parenthesised acronym right after the name
    after = span.end + 1
    if after < len(span.doc) and span.doc[span.end].text == "(":
        heads.append(span.doc[after])
    for child in (c for head in heads for c in head.children):
        if child.dep_ == "appos" and child.i >= span.end and child.pos_ in ("NOUN", "PROPN"):
            tokens = _phrase(child)
            # a person's apposition must name a role; a body's describes it ("state oil company")
            described = _has_role_noun(tokens[:3]) if person else child.pos_ == "NOUN"
            if tokens and len(tokens) <= MAX_ROLE_TOKENS and described:
                found.append(_text(tokens))
    # "the head of X, Ali Y": the name is in apposition to its role
    if root.dep_ == "appos" and root.head.i < span.start and fold(root.head.text) in ROLE_NOUNS:
        tokens = [t for t in _phrase(root.head, stop_before=span.start)]
        if tokens and len(tokens) <= MAX_ROLE_TOKENS:
            found.append(_text(tokens))
    return found


def _roles_in_predicates(span: Span) -> list[str]:
    root = span.root
    verbs = []
    if root.dep_ in ("nsubj", "nsubjpass"):
        verbs.append(root.head)
    # "Mamlouk, who has served as ...": a relative clause whose subject is "who"
    for child in root.children:
        if child.dep_ == "relcl" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that") for c in child.children
        ):
            verbs.append(child)
    found = []
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if lemma not in _ROLE_VERBS and lemma not in _COPULAS:
            continue
        for child in verb.children:
            head = None
            if child.dep_ in ("oprd", "attr") and child.pos_ in ("NOUN", "PROPN"):
                head = child
            elif child.dep_ == "prep" and child.lower_ == "as":
                head = next((c for c in child.children if c.dep_ == "pobj"), None)
            if head is None:
                continue
            tokens = _phrase(head)
            if not tokens or len(tokens) > MAX_ROLE_TOKENS:
                continue
            if lemma in _COPULAS and not _has_role_noun(tokens):
                continue
            found.append(_text(tokens))
    return found
