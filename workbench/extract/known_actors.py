"""The case's knowledge in extraction: names a person confirmed are found in every later
article (with the type the person gave), names a person rejected are not proposed again.

Runs in two steps around our actor rules (`pipeline.extraction_from_doc`):
- `mark_known_names(doc, known)`, before them: every span of the text that is a known
  name, within the alias rules' spelling ("Al-Mamlouk" is "Mamlouk"), becomes an entity
  labelled by its known type, replacing the NER's entities it overlaps (a longer NER
  entity that holds it stays: "Ali Mamlouk" around a known "Mamlouk"); NER entities
  with a rejected name go.
- `apply_known_types(actors, known)`, after them: an actor the case knows by its name
  takes the case's name and type (its own name stays an alias), one known by other names
  only their type; mentions with a rejected name go, and an actor left without mentions
  with them.

The knowledge itself is the case's (`workbench.case.Knowledge`, read from the store);
extraction sees it only through `ActorKnowledge`, so this layer imports no store.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from ..model import Actor, ActorType
from .media_ruler import MEDIA_LABEL

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# the NER label our actor rules read a known type from
LABELS = {
    ActorType.PERSON: "PERSON",
    ActorType.ORGANIZATION: "ORG",
    ActorType.GROUP: "ORG",
    ActorType.MEDIA: MEDIA_LABEL,
    ActorType.COUNTRY: "GPE",
    ActorType.PLACE: "LOC",
}
# "Al-Mamlouk" is three tokens for the one name "Mamlouk": look a little further
EXTRA_TOKENS = 2
NAME_PUNCT = frozenset({"-", ".", "'", "\u2019", "&"})


class ActorKnowledge(Protocol):
    """What extraction needs of a case's knowledge (`workbench.case.Knowledge` has it)."""

    def recognise(self, text: str) -> tuple[str, ActorType] | None: ...

    def rejects(self, text: str) -> bool: ...

    @property
    def max_words(self) -> int: ...

    def __bool__(self) -> bool: ...


def _name_like(span: Span) -> bool:
    """A span that could be a name as written: capitalised start, no line break, no
    punctuation at either end."""
    first, last = span[0], span[-1]
    if not first.text[:1].isupper() or first.is_punct or last.is_punct:
        return False
    # a name holds hyphens, dots and apostrophes ("Al-Mamlouk", "U.S."), never a bracket,
    # a comma or a quote: "(UN) General Assembly" is not the name "UN General Assembly"
    if any(t.is_punct and t.text not in NAME_PUNCT for t in span):
        return False
    return "\n" not in span.text


def known_spans(doc: Doc, known: ActorKnowledge) -> list[tuple[Span, ActorType]]:
    """Every known name in the text, longest first where two overlap."""
    longest = known.max_words + EXTRA_TOKENS
    found: list[tuple[Span, ActorType]] = []
    taken: set[int] = set()
    for start in range(len(doc)):
        if start in taken or not doc[start].text[:1].isupper():
            continue
        if doc[start].lower_ == "the":  # "the Israeli army": the name starts after it
            continue
        for end in range(min(len(doc), start + longest), start, -1):
            span = doc[start:end]
            if not _name_like(span):
                continue
            match = known.recognise(span.text)
            if match is not None:
                found.append((span, match[1]))
                taken.update(range(start, end))
                break
    return found


def mark_known_names(doc: Doc, known: ActorKnowledge) -> None:
    """Known names become entities of their type; entities with a rejected name go."""
    if not known:
        return
    from spacy.tokens import Span

    kept = [ent for ent in doc.ents if not known.rejects(ent.text)]
    added = []
    for span, actor_type in known_spans(doc, known):
        holder = next(
            (e for e in kept if e.start <= span.start and span.end <= e.end and len(e) > len(span)),
            None,
        )
        if holder is not None and known.recognise(holder.text) is None:
            continue  # "Ali Mamlouk" holds a known "Mamlouk": the fuller name stays
        kept = [e for e in kept if e.end <= span.start or span.end <= e.start]
        added.append(Span(doc, span.start, span.end, label=LABELS[actor_type]))
    doc.ents = sorted([*kept, *added], key=lambda e: e.start)


def apply_known_types(actors: Sequence[Actor], known: ActorKnowledge) -> list[Actor]:
    """Actors with the case's types for the names it knows, without rejected names."""
    if not known:
        return list(actors)
    result = []
    for actor in actors:
        mentions = tuple(m for m in actor.mentions if not known.rejects(m.text))
        if not mentions:
            continue  # the person said this is no actor
        if len(mentions) < len(actor.mentions):
            forms = {m.text for m in mentions}
            name = actor.name
            if known.rejects(name):  # named after a rejected mention: after a kept one
                name = max(forms, key=len)
            aliases = tuple(sorted(a for a in actor.aliases if a in forms and a != name))
            actor = dataclasses.replace(actor, name=name, aliases=aliases, mentions=mentions)
        match = known.recognise(actor.name)
        if match is not None:
            if (match[0], match[1]) != (actor.name, actor.type):
                # the case's name and type: the actor resolves to the case actor it is
                aliases = tuple(sorted({*actor.aliases, actor.name} - {match[0]}))
                actor = dataclasses.replace(actor, name=match[0], type=match[1], aliases=aliases)
        else:
            # known by another of its names only: the type, when they all agree; never the
            # name, which would undo a split ("Mamluk", split off "Ali Mamlouk", stays apart)
            others = {known.recognise(n) for n in (*actor.aliases, *(m.text for m in mentions))}
            types = {found[1] for found in others if found is not None}
            if len(types) == 1 and actor.type not in types:
                actor = dataclasses.replace(actor, type=types.pop())
        result.append(actor)
    return result
