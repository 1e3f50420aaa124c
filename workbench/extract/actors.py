"""Actors: the people, organisations, outlets, countries and places an article names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor, ActorType, Mention

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_LABEL_TYPES = {
    "PERSON": ActorType.PERSON,
    "ORG": ActorType.ORGANIZATION,
    "GPE": ActorType.COUNTRY,
    "LOC": ActorType.PLACE,
    "FAC": ActorType.PLACE,
}


def configure_pipeline(nlp: Language) -> None:
    """Add our components to a loaded spaCy model (none yet)."""


def extract_actors(doc: Doc) -> list[Actor]:
    """One actor per distinct entity text, in order of first mention."""
    groups: dict[tuple[str, ActorType], list[Mention]] = {}
    for ent in doc.ents:
        actor_type = _LABEL_TYPES.get(ent.label_)
        if actor_type is None:
            continue
        groups.setdefault((ent.text, actor_type), []).append(
            Mention(ent.start_char, ent.end_char, ent.text)
        )
    return [
        Actor(id=f"a{i}", name=name, type=actor_type, mentions=tuple(mentions))
        for i, ((name, actor_type), mentions) in enumerate(groups.items(), start=1)
    ]
