"""The case's knowledge in extraction: names a person confirmed are found in every later
article (with the type the person gave), names a person rejected are not proposed again.

Runs in two steps around our actor rules (`pipeline.extraction_from_doc`):
- `mark_known_names(doc, known)`, before them: every span of the text that is a known
  name, within the alias rules' spelling ("Al-Mamlouk" is "Mamlouk"), becomes an entity
  labelled by its known type, replacing the NER's entities it overlaps (a longer NER
  entity that holds it stays: "Ali Mamlouk" around a known "Mamlouk"); NER entities
  with a rejected name go.
- `apply_known_types(actors, known, found=...)`, after them: an actor the case knows by
  its name takes the case's name and type (its own name stays an alias), one known by
  other names only their type; mentions with a rejected name go, and an actor left without
  mentions with them. A known name the rules let go ("a member of Parliament", dropped as
  part of a title) or could not see ("U.S." inside the one token "U.S.-led") comes back as
  a mention of its case actor: the person said it is one.

`drop_rejected_claims(claims, known)`, after the claim rules: a claim of a pattern a
person rejected (`Knowledge.rejects_claim`) is not proposed again.

The knowledge itself is the case's (`workbench.case.Knowledge`, read from the store);
extraction sees it only through `ActorKnowledge`, so this layer imports no store.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..model import Actor, ActorType, Claim, Mention
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

    def rejects_claim(self, cue: str | None, text: str) -> bool: ...

    def may_start(self, word: str) -> bool: ...

    @property
    def max_words(self) -> int: ...

    @property
    def surface_forms(self) -> Sequence[str]: ...

    def __bool__(self) -> bool: ...


def _name_like(span: Span, *, comma: bool = False) -> bool:
    """A span that could be a name as written: capitalised start, no line break, no
    punctuation at either end (`comma`: a comma inside is allowed)."""
    first, last = span[0], span[-1]
    if not first.text[:1].isupper() or first.is_punct or last.is_punct:
        return False
    # a name holds hyphens, dots and apostrophes ("Al-Mamlouk", "U.S."), never a bracket
    # or a quote: "(UN) General Assembly" is not the name "UN General Assembly"; a comma
    # only where a known name has one ("United Nations Educational, Scientific and ...")
    allowed = NAME_PUNCT | {","} if comma else NAME_PUNCT
    if any(t.is_punct and t.text not in allowed for t in span):
        return False
    return "\n" not in span.text


def _holds_a_name(ent: Span) -> bool:
    """An entity that reads as a name once a leading "the" goes ("the United States
    Department of Defense"), not one across a bracket ("Ayasofya [Haghia Sophia")."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ == "the":
        start += 1
    return _name_like(ent.doc[start : ent.end])


@dataclass(frozen=True)
class KnownSpan:
    """A known name found in the text (character offsets), with its case name and type."""

    start: int
    end: int
    text: str
    name: str
    type: ActorType


def _with_commas(known: ActorKnowledge) -> set[tuple[str, ActorType]]:
    """The known actors a name with a comma belongs to: only theirs may hold one."""
    found = (known.recognise(form) for form in known.surface_forms if "," in form)
    return {match for match in found if match is not None}


def known_spans(doc: Doc, known: ActorKnowledge) -> list[tuple[Span, ActorType]]:
    """Every known name in the text, longest first where two overlap."""
    longest = known.max_words + EXTRA_TOKENS
    commas = _with_commas(known)
    found: list[tuple[Span, ActorType]] = []
    taken: set[int] = set()
    for start in range(len(doc)):
        if start in taken or not doc[start].text[:1].isupper():
            continue
        if doc[start].lower_ == "the":  # "the Israeli army": the name starts after it
            continue
        if not known.may_start(doc[start].text):
            continue  # no known name starts so: spare the spans from here
        for end in range(min(len(doc), start + longest), start, -1):
            span = doc[start:end]
            if not _name_like(span, comma=bool(commas)):
                continue
            match = known.recognise(span.text)
            if match is None or ("," in span.text and match not in commas):
                continue
            found.append((span, match[1]))
            taken.update(range(start, end))
            break
    return found


# "U.S.-led", "Iran-backed": a name and a participle written as one token
_COMPOUND = re.compile(r"^(?P<name>.+?)-(?P<rest>[a-z]+)$")


def compound_names(doc: Doc, known: ActorKnowledge) -> list[KnownSpan]:
    """Known names written as the first part of a hyphenated word ("U.S." of "U.S.-led",
    "United States" of "United States-backed"): no token boundary there for an entity."""
    found = []
    for token in doc:
        parts = _COMPOUND.match(token.text)
        if parts is None:
            continue
        end = token.idx + len(parts.group("name"))
        # the name may start a few tokens back ("United States-led")
        for start in range(max(0, token.i - known.max_words), token.i + 1):
            first = doc[start]
            if not first.text[:1].isupper() or any(
                t.is_punct or "\n" in t.whitespace_ for t in doc[start : token.i]
            ):
                continue
            text = doc.text[first.idx : end]
            match = known.recognise(text)
            if match is not None:
                found.append(KnownSpan(first.idx, end, text, match[0], match[1]))
                break
    return found


def mark_known_names(doc: Doc, known: ActorKnowledge) -> list[KnownSpan]:
    """Known names become entities of their type; entities with a rejected name go.
    Returns the known names marked (and those inside hyphenated words), for
    `apply_known_types` to restore where the actor rules let them go."""
    if not known:
        return []
    from spacy.tokens import Span

    kept = [ent for ent in doc.ents if not known.rejects(ent.text)]
    added = []
    marked = []
    spans = known_spans(doc, known)
    for span, actor_type in spans:
        holder = next(
            (e for e in kept if e.start <= span.start and span.end <= e.end and len(e) > len(span)),
            None,
        )
        # "Ali Mamlouk" holds a known "Mamlouk": the fuller name stays; not a holder that
        # is no name ("Ayasofya [Haghia Sophia", across a bracket), nor one that is known
        # names of several actors side by side ("Hong Kong Carrie Lam")
        if (
            holder is not None
            and _holds_a_name(holder)
            and known.recognise(holder.text) is None
            and not _side_by_side(holder, spans, known)
        ):
            continue
        kept = [e for e in kept if e.end <= span.start or span.end <= e.start]
        added.append(Span(doc, span.start, span.end, label=LABELS[actor_type]))
        match = known.recognise(span.text)
        name = match[0] if match is not None else span.text
        marked.append(KnownSpan(span.start_char, span.end_char, span.text, name, actor_type))
    doc.ents = sorted([*kept, *added], key=lambda e: e.start)
    return [*marked, *compound_names(doc, known)]


def _side_by_side(ent: Span, spans: list[tuple[Span, ActorType]], known: ActorKnowledge) -> bool:
    """Known names of two actors or more fill the entity, word for word: the model ran
    them together ("Chief Executive of Hong Kong Carrie Lam"), it is no fuller name."""
    inside = [s for s, _ in spans if ent.start <= s.start and s.end <= ent.end]
    names = {match[0] for match in map(known.recognise, (s.text for s in inside)) if match}
    words = {i for s in inside for i in range(s.start, s.end)}
    return len(names) > 1 and words >= set(range(ent.start, ent.end))


def apply_known_types(
    actors: Sequence[Actor], known: ActorKnowledge, *, found: Sequence[KnownSpan] = ()
) -> list[Actor]:
    """Actors with the case's types for the names it knows, without rejected names, and
    with the known names `found` in the text (`mark_known_names`) that no actor holds."""
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
    return _restore_known(result, found)


def _restore_known(actors: list[Actor], found: Sequence[KnownSpan]) -> list[Actor]:
    """A known name no actor's mention covers becomes a mention of the actor of that name
    (and type), or of a new actor: the rules dropped it, the person had kept it."""
    held = [(m.start, m.end) for a in actors for m in a.mentions]
    by_name = {(a.name, a.type): i for i, a in enumerate(actors)}
    for span in found:
        if any(span.start < end and start < span.end for start, end in held):
            continue
        mention = Mention(span.start, span.end, span.text)
        held.append((span.start, span.end))
        index = by_name.get((span.name, span.type))
        if index is None:
            by_name[(span.name, span.type)] = len(actors)
            first: tuple[str, ...] = (span.text,) if span.text != span.name else ()
            number = 1 + max((_number(a.id) for a in actors), default=0)
            actors.append(
                Actor(f"a{number}", span.name, span.type, aliases=first, mentions=(mention,))
            )
            continue
        actor = actors[index]
        mentions = tuple(sorted((*actor.mentions, mention), key=lambda m: m.start))
        aliases = actor.aliases
        if span.text != actor.name and span.text not in aliases:
            aliases = tuple(sorted((*aliases, span.text)))
        actors[index] = dataclasses.replace(actor, aliases=aliases, mentions=mentions)
    return actors


def _number(actor_id: str) -> int:
    return int(actor_id[1:]) if actor_id[1:].isdigit() else 0


def drop_rejected_claims(claims: Sequence[Claim], known: ActorKnowledge) -> list[Claim]:
    """The claims but those of a pattern a person rejected in this case (its cue and words:
    "asked" + "not to be named" is no speech)."""
    return [c for c in claims if not known.rejects_claim(c.cue, c.text)]
