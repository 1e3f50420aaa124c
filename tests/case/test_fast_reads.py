"""The reads a large case leans on give what the records' own constructors give, on both
back ends: claims (read by a reader made once per read, not per row), relations (made
straight from their rows) and actors (kept until the case changes)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from case_builders import actor_named

from workbench import Case
from workbench.case import reads
from workbench.case.records import CaseActor, CaseClaim, CaseRelation
from workbench.model import _cleaners_of


def as_constructed(record):
    """The record its class's constructor makes from the record's own field values."""
    return type(record)(**{f.name: getattr(record, f.name) for f in dataclasses.fields(record)})


def assert_constructed(records) -> None:
    for record in records:
        made = as_constructed(record)
        assert record == made
        names = [f.name for f in dataclasses.fields(record)]
        assert list(vars(record)) == names  # every field, no other, in field order
        for name in names:
            assert type(getattr(record, name)) is type(getattr(made, name)), name


def test_claims_read_are_the_constructors(story: Case) -> None:
    claims = story.claims()
    # a person's edits: a rejected claim, an edited one with a channel chain, a status
    story.reject_claim(claims[0].id)
    afp = actor_named(story, "AFP")
    story.update_claim(claims[1].id, channels=[afp.id], speaker="")
    story.set_claim_status(claims[2].id, "disputed")
    read = story.claims(include_rejected=True)
    assert {c.review.value for c in read} >= {"rejected", "extracted"}
    assert any(c.edited and c.channels for c in read)
    assert_constructed(read)
    assert isinstance(read[0], CaseClaim)
    # one claim read alone is the one listed
    for claim in read:
        assert story.claim(claim.id) == claim


def test_actors_kept_until_the_case_changes(story: Case, case_path: Path | str) -> None:
    actors = story.actors()
    assert_constructed(actors)
    again = story.actors()
    assert again == actors and again is not actors and isinstance(again[0], CaseActor)
    again.clear()  # the caller's own list
    assert story.actors() == actors
    afp = actor_named(story, "AFP")
    story.update_actor(afp.id, name="Agence France-Presse")
    renamed = story.actors()
    assert [a.name for a in renamed if a.id == afp.id] == ["Agence France-Presse"]
    story.undo()
    assert story.actors() == actors
    with Case.open(case_path) as other:
        other.update_actor(afp.id, status="rejected")
    assert [a.status.value for a in story.actors() if a.id == afp.id] == ["rejected"]


def test_an_actor_read_alone_is_the_one_listed(story: Case) -> None:
    # on a server one query reads an actor's names and articles (a round trip fewer per
    # read); it must give what the listing's two give, a removed mention left out
    afp = actor_named(story, "AFP")
    story.remove_mention(story.mentions(actor_id=afp.id)[0].id)
    listed = story.actors()
    assert any(len(a.aliases) > 1 for a in listed) and any(len(a.articles) > 1 for a in listed)
    for actor in listed:
        assert story.actor(actor.id) == actor


def test_relations_read_are_the_constructors(story: Case) -> None:
    # made from their rows uncleaned: right only while no field of theirs has a cleaner
    assert not dict(_cleaners_of(CaseRelation))
    relations = story.relations()
    assert len(relations) >= 2
    assert_constructed(relations)
    article = relations[-1].article_id
    assert story.relations(article_id=article) == [r for r in relations if r.article_id == article]


def test_actors_articles_follow_their_first_mentions(story: Case) -> None:
    """The listing reads each actor's articles and count grouped in SQL (on SQLite a row
    per actor, its articles sorted in Python): they are its kept mentions' articles in the
    order of the first mention in each, and their number, as the rows themselves give."""
    removed = story.mentions()[0]
    story.remove_mention(removed.id)  # a removed mention names nobody
    expected: dict[str, list[str]] = {}
    counted: dict[str, int] = {}
    for actor_id, article_id in story._store.rows(
        "SELECT actor_id, article_id FROM mentions WHERE review != 'rejected' ORDER BY rowid"
    ):
        if article_id not in expected.setdefault(actor_id, []):
            expected[actor_id].append(article_id)
        counted[actor_id] = counted.get(actor_id, 0) + 1
    listed = story.actors()
    assert any(len(a.articles) > 1 for a in listed)
    for actor in listed:
        assert list(actor.articles) == expected.get(actor.id, []), actor.name
        assert actor.mention_count == counted.get(actor.id, 0), actor.name


def test_the_whole_listing_runs_no_collection_while_its_records_are_made(story: Case) -> None:
    """The listing is a burst of records: the collector is held off while it is made and
    looks at its young objects once at the end (a full pass over the process ran in the
    middle of a first listing at 5,000 articles)."""
    import gc

    seen: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append(info["generation"])

    thresholds = gc.get_threshold()
    gc.set_threshold(50, 1, 1)  # a collection, full ones too, every few objects
    gc.collect()  # counting from nothing
    gc.callbacks.append(note)
    try:
        listing = reads.load_actors(story._store)
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*thresholds)
    assert listing
    assert seen == [1]  # `collector_held`'s own look at the burst's young objects
