"""Actors: the people, organisations, outlets, countries and places an article names.

Starts from spaCy's entities (plus the MEDIA entities of `media_ruler`), fixes their
types with the gazetteer and the parse, and merges the mentions of one actor:
"Ali Mamlouk", "Mamlouk", "Mamluk" and "Al-Mamlouk" are one person; "Riyadh suspended"
and "the Kingdom" are Saudi Arabia; "(EGPC)" is the corporation named before it.
Demonyms ("Syrian", "Saudi Arabian", "Middle Eastern") link to their country
(`link_demonyms`) or to nothing, without becoming actors. A short form belongs to one
actor per article; each mention to one actor; "Crete and Cyprus" is two mentions; an
unlisted outlet is known by what the text calls it ("broadcaster NRK", "X reported").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon.gazetteer import MediaOutlet, country_of_demonym, fold, media_info
from ..model import Actor, ActorType, Mention
from . import media_ruler
from .actor_mentions import candidates_of
from .actor_types import agree_on_place_or_body, classify, reported_by
from .aliases import (
    HONORIFICS,
    Cluster,
    cluster_fixed,
    cluster_names,
    cluster_places,
    one_cluster_per_mention,
    one_owner_per_short_form,
)
from .declared_aliases import merge_declared_aliases
from .headlines import headline_people
from .names import TITLES, core_words, names_a_body
from .outlet_descriptions import described_outlets
from .roles import roles_of
from .short_forms import (
    add_definite_heads,
    add_state_terms,
    add_untagged_short_forms,
    merge_acronyms,
    merge_parenthesised_short_forms,
    merge_proper_parts,
)
from .spans import doc_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "DemonymLink",
    "MediaOutlet",
    "configure_pipeline",
    "extract_actors",
    "link_demonyms",
    "media_info",
]


def configure_pipeline(nlp: Language) -> None:
    """Add the media gazetteer after the NER (once; calling again changes nothing)."""
    if media_ruler.COMPONENT in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(media_ruler.COMPONENT, after="ner")
    else:
        nlp.add_pipe(media_ruler.COMPONENT, last=True)


@dataclass(frozen=True)
class DemonymLink:
    """A demonym in the text and the country it names: "Syrian" -> Syria."""

    start: int
    end: int
    text: str
    country: str
    actor: str | None = None  # the country's actor id, when the article names it


def extract_actors(doc: Doc) -> list[Actor]:
    """The actors of one parsed article, ids "a1", "a2", ... in order of first mention."""
    mentions = candidates_of(doc) + described_outlets(doc)
    for mention in mentions:
        classify(mention)
    agree_on_place_or_body(mentions)  # "Nagorno-Karabakh": one name, one type
    clusters = cluster_fixed(mentions)
    clusters += cluster_names(
        [m for m in mentions if not m.key and m.type in (ActorType.PERSON, ActorType.ORGANIZATION)]
    )
    clusters += cluster_places([m for m in mentions if not m.key and m.type is ActorType.PLACE])
    add_state_terms(doc, clusters)
    merge_acronyms(clusters)
    merge_proper_parts(clusters)
    merge_parenthesised_short_forms(doc, clusters)
    merge_declared_aliases(doc, clusters)  # "X, also known as Y", "X (initials)"
    add_untagged_short_forms(doc, clusters)
    headline_people(doc, doc_text(doc), clusters)  # "Pelosi: ...", the NER silent
    add_definite_heads(doc, clusters)
    one_owner_per_short_form(clusters)
    one_cluster_per_mention(clusters)
    for cluster in clusters:
        if _reporting_outlet(cluster):
            cluster.type = ActorType.MEDIA
    clusters = [c for c in clusters if c.mentions and c.type is not None]
    clusters.sort(key=lambda c: c.first)
    return [_actor(f"a{i}", cluster) for i, cluster in enumerate(clusters, start=1)]


def link_demonyms(doc: Doc, actors: list[Actor] | None = None) -> list[DemonymLink]:
    """Every demonym in the text with its country (and the country's actor id, if any)."""
    by_name = {a.name: a.id for a in actors or () if a.type is ActorType.COUNTRY}
    links = []
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        for token in ent:
            country = country_of_demonym(token.text)
            if country is not None:
                links.append(
                    DemonymLink(
                        start=token.idx,
                        end=token.idx + len(token.text),
                        text=token.text,
                        country=country.name,
                        actor=by_name.get(country.name),
                    )
                )
    return links


def _reporting_outlet(cluster: Cluster) -> bool:
    """ "NRK reported": an unlisted one-word name, never a person's nor a body's, that
    reports ("the US Geological Survey reported" is an agency of government)."""
    if cluster.key or cluster.type is not ActorType.ORGANIZATION or not cluster.mentions:
        return False
    if any(len(m.text.split()) > 1 for m in cluster.mentions):
        return False
    if any(m.label == "PERSON" or names_a_body(m.text) for m in cluster.mentions):
        return False
    return any(m.label and reported_by(m.span) for m in cluster.mentions)


def _actor(actor_id: str, cluster: Cluster) -> Actor:
    mentions = sorted(
        {(m.start, m.end): m for m in cluster.mentions}.values(), key=lambda m: m.start
    )
    name = cluster.canonical or _fullest_name(cluster)
    # a name broken over two lines is still one alias
    aliases = sorted({" ".join(m.text.split()) for m in mentions} - {name})
    roles: list[str] = []
    if cluster.type in (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.MEDIA):
        for mention in mentions:
            if mention.label:
                person = cluster.type is ActorType.PERSON
                roles.extend(r for r in roles_of(mention.span, person=person) if r not in roles)
    return Actor(
        id=actor_id,
        name=name,
        type=cluster.type or ActorType.ORGANIZATION,
        aliases=tuple(aliases),
        roles=tuple(roles),
        mentions=tuple(Mention(m.start, m.end, m.text) for m in mentions),
    )


def _fullest_name(cluster: Cluster) -> str:
    """The written form with the most name words; titles and "the" dropped."""

    def name_words(text: str) -> int:
        words = core_words(text)
        return len(words) - (1 if words[:1] and words[0] in HONORIFICS else 0)

    best = max(cluster.mentions, key=lambda m: (name_words(m.text), len(m.text), -m.start))
    words = best.text.split()
    while len(words) > 1 and (fold(words[0]) in TITLES or fold(words[0]) == "the"):
        if cluster.type is not ActorType.PERSON and fold(words[0]) != "the":
            break
        words = words[1:]
    return " ".join(words)
