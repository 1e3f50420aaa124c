"""Removing an article drops the actors only it named, recorded in the order they were
added on both back ends (`loading.remove_unused_actors`): a file gave them in the id
index's text order (A10 before A9), a server in another, so the audit rows the two back
ends write differed."""

from __future__ import annotations

import json

from workbench import Case
from workbench.model import Actor, ActorType, Article, Extraction, Mention


def _people(article_id: str, names: list[str]) -> Extraction:
    text = ", ".join(names) + " spoke."
    actors, at = [], 0
    for i, name in enumerate(names):
        start = text.index(name, at)
        at = start + len(name)
        actors.append(
            Actor(
                id=f"a{i}",
                name=name,
                type=ActorType.PERSON,
                mentions=(Mention(start, start + len(name), name),),
            )
        )
    return Extraction(article=Article(id=article_id, text=text), actors=tuple(actors))


def test_the_actors_a_removal_drops_are_recorded_in_the_order_they_were_added(
    case: Case,
) -> None:
    case.add_extraction(_people("first", [f"Person Number{n}" for n in range(8)]))
    case.add_extraction(_people("second", ["Alice Ninth", "Bob Tenth"]))
    added = [a.id for a in case.actors() if a.name in ("Alice Ninth", "Bob Tenth")]
    assert len(added) == 2 and sorted(added) != added  # A9 and A10: text order differs
    case.remove_article("second")
    changes = json.loads(case._store.row("SELECT changes FROM audit ORDER BY id DESC")[0])
    dropped = [c["key"]["id"] for c in changes if c["table"] == "actors" and c["op"] == "delete"]
    assert dropped == added
