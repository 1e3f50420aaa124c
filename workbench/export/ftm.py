"""The case as FollowTheMoney entities, one JSON object per line, for Aleph (`ftm validate`).

Every value goes through `followthemoney`'s own cleaning (`EntityProxy.add`), so what is
written is what Aleph would keep. The mapping:

- an article is an `Article` (a Document: title, body text, publisher, date, url);
- an actor is a `Person`, an `Organization` (organisations, groups, media outlets), a
  `PublicBody` (a state, or an international organisation of the gazetteer) or an
  `Address` (a place). FtM has no Country schema: a country actor is the state as a
  `PublicBody` whose `country` and `jurisdiction` are the country's code;
- each mention of an actor is a `Mention` (the name as written, resolved to the actor, in
  the article) and each article an actor appears in a `Documentation` link (role
  "mentioned"); each claim a `Documentation` of its speaker (role "quoted", the words as
  the summary);
- a dated event is an `Event` (date or start/end at the known precision, involved actors),
  documented by its article.

Rejected actors, claims and events are left out, as in every other export. Ids are
hashes of the case name and the case id (`make_id`), stable from one export to the next.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..lexicon.gazetteer import country_info, media_info, organization_info
from ..model import ActorType, ReviewStatus
from .common import ExportError, replacing

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

    from ..analysis import CaseReader
    from ..case import CaseActor


def _schema_of(actor: CaseActor) -> str:
    if actor.type is ActorType.PERSON:
        return "Person"
    if actor.type is ActorType.COUNTRY:
        return "PublicBody"
    if actor.type is ActorType.PLACE:
        return "Address"
    if actor.type is ActorType.ORGANIZATION and organization_info(actor.name) is not None:
        return "PublicBody"  # the UN, the EU, the Arab League: intergovernmental bodies
    return "Organization"


class _Builder:
    def __init__(self, namespace: str) -> None:
        try:
            from followthemoney import model
        except ImportError:
            raise ExportError(
                "the FollowTheMoney export needs the followthemoney package: "
                "pip install 'workbench[ftm]' (it builds PyICU: install the ICU headers first, "
                "libicu-dev on Debian)"
            ) from None

        self.model = model
        self.namespace = namespace

    def entity(self, schema: str, *key: str) -> EntityProxy:
        proxy = self.model.make_entity(schema)
        proxy.make_id("workbench", self.namespace, *key)
        return proxy


def _country_code(name: str) -> str | None:
    from followthemoney.types import registry

    found = country_info(name)
    return registry.country.clean(found.name if found else name)


def _actor(build: _Builder, actor: CaseActor) -> EntityProxy:
    proxy = build.entity(_schema_of(actor), "actor", actor.id)
    proxy.add("name", actor.name)
    proxy.add("alias", [a for a in actor.aliases if a != actor.name])
    if actor.type is ActorType.PLACE:
        proxy.add("full", actor.name)
        return proxy
    if actor.roles:
        proxy.add("description", "; ".join(actor.roles))
    if actor.type is ActorType.COUNTRY:
        code = _country_code(actor.name)
        proxy.add("country", code)
        proxy.add("jurisdiction", code)
        proxy.add("description", f"the state of {actor.name}")
    elif actor.type is ActorType.MEDIA:
        outlet = media_info(actor.name)
        proxy.add("classification", f"news outlet ({outlet.kind})" if outlet else "news outlet")
        if outlet is not None:
            proxy.add("country", _country_code(outlet.country))
            if outlet.state_run:
                proxy.add("description", "state-run news outlet")
    elif actor.type is ActorType.GROUP:
        proxy.add("classification", "group")
    return proxy


def ftm_entities(case: CaseReader, *, namespace: str | None = None) -> Iterator[EntityProxy]:
    """The case's articles, actors, mentions, claims and events as FtM entity proxies."""
    build = _Builder(namespace or case.path.stem)
    actors = {a.id: a for a in case.actors() if a.status is not ReviewStatus.REJECTED}
    entities = {a.id: _actor(build, a) for a in actors.values()}
    yield from entities.values()
    for article in case.articles():
        doc = build.entity("Article", "article", article.id)
        doc.add("title", article.title or article.id)
        doc.add("bodyText", article.text)
        doc.add("publisher", article.outlet)
        doc.add("author", article.author)
        doc.add("publishedAt", article.published)
        doc.add("sourceUrl", article.url)
        yield doc
        seen: set[str] = set()
        for mention in case.mentions(article_id=article.id):
            actor = entities.get(mention.actor_id)
            if actor is None:
                continue
            link = build.entity("Mention", "mention", mention.id)
            link.add("document", doc.id)
            link.add("resolved", actor.id)
            link.add("name", mention.text)
            link.add("detectedSchema", actor.schema.name)
            yield link
            if mention.actor_id not in seen:
                seen.add(mention.actor_id)
                about = build.entity("Documentation", "documentation", article.id, mention.actor_id)
                about.add("document", doc.id)
                about.add("entity", actor.id)
                about.add("role", "mentioned")
                yield about
        for claim in case.claims(article_id=article.id):
            speaker = entities.get(claim.speaker or "")
            if claim.review is ReviewStatus.REJECTED or speaker is None:
                continue
            quoted = build.entity("Documentation", "claim", claim.id)
            quoted.add("document", doc.id)
            quoted.add("entity", speaker.id)
            quoted.add("role", "quoted")
            quoted.add("summary", claim.text)
            quoted.add("status", claim.status.value)
            quoted.add("date", article.published)
            yield quoted
        for event in case.events(article_id=article.id):
            if event.review is ReviewStatus.REJECTED:
                continue
            happened = build.entity("Event", "event", event.id)
            happened.add("name", event.summary or event.date_text)
            happened.add("description", event.date_text)
            if event.date_end is not None:
                happened.add("startDate", event.date.isoformat())
                happened.add("endDate", event.date_end.isoformat())
            else:
                happened.add("date", event.date.isoformat())
            happened.add("involved", [entities[a].id for a in event.actors if a in entities])
            yield happened
            source = build.entity("Documentation", "event-source", event.id)
            source.add("document", doc.id)
            source.add("entity", happened.id)
            source.add("role", "reported")
            yield source


def ftm_lines(case: CaseReader, *, namespace: str | None = None) -> Iterator[str]:
    for proxy in ftm_entities(case, namespace=namespace):
        yield json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True)


def write_ftm(case: CaseReader, path: str | os.PathLike[str]) -> Path:
    with replacing(path) as handle:
        for line in ftm_lines(case):
            handle.write(line + "\n")
    return Path(path)


def entity_dicts(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The entities of an FtM JSONL file, as dicts (for checking an export)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
