"""Each mention's text and the types of the actors holding it, from a real extraction:
what the actor-typing tests of several rounds assert on."""

from __future__ import annotations

from workbench.model import ActorType, Article


def types_by_mention(extractor, text: str) -> dict[str, set[ActorType]]:
    extraction = extractor.extract(Article(id="types", text=text, published="2019-09-20"))
    found: dict[str, set[ActorType]] = {}
    for actor in extraction.actors:
        for mention in actor.mentions:
            found.setdefault(mention.text, set()).add(actor.type)
    return found
