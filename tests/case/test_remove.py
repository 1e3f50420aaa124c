"""Removing an article: its records and the work on them go, everything else stays; undoable."""

from __future__ import annotations

import backends
import pytest
from case_builders import actor_named, second_extraction

from workbench import Case
from workbench.errors import NotFoundError

FIRST = "syrian-security-chief-visits-cairo"
SECOND = "sisi-receives-syrian-envoy"


def decide_on_both_articles(case: Case) -> None:
    """User work on each article, some of it tying the two together."""
    first_claim = case.claims(article_id=FIRST)[0]
    second_claim = case.claims(article_id=SECOND)[0]
    afp = actor_named(case, "AFP")
    case.set_claim_status(first_claim.id, "corroborated", note="Al-Akhbar says the same")
    case.link_source(first_claim.id, afp.id, relation="corroborates")
    case.update_actor(actor_named(case, "Khaled Fawzy").id, status="confirmed")
    case.set_claim_status(second_claim.id, "disputed", note="only Al-Akhbar")
    link = case.link_source(second_claim.id, afp.id, relation="contradicts")
    case.add_note(link.id, "AFP wire of 18 October")
    note = case.add_note(SECOND, "Lebanese daily close to Hezbollah")
    case.add_note(note.id, "source: their about page")
    case.update_actor(actor_named(case, "Saudi Arabia").id, status="confirmed")
    case.update_event(case.events(article_id=SECOND)[0].id, summary="Saudi condemnation")


def first_article_state(case: Case) -> tuple:
    claims = case.claims(article_id=FIRST)
    return (
        case.article(FIRST),
        case.mentions(article_id=FIRST),
        claims,
        case.events(article_id=FIRST),
        case.relations(article_id=FIRST),
        [case.links(c.id) for c in claims],
        [case.notes(c.id) for c in claims],
        case.actor(actor_named(case, "Khaled Fawzy").id),
    )


def everything(case: Case) -> tuple:
    return (
        case.articles(),
        case.actors(),
        case.mentions(),
        case.claims(),
        case.events(),
        case.relations(),
        case.links(),
        case.notes(),
    )


def foreign_key_problems(case: Case) -> list:
    return backends.foreign_key_problems(str(case.path))


def test_remove_article_takes_its_records_and_leaves_the_others(story: Case) -> None:
    decide_on_both_articles(story)
    kept = first_article_state(story)
    sisi, akhbar = actor_named(story, "Abdel Fattah el-Sisi"), actor_named(story, "Al-Akhbar")
    saudi, cairo = actor_named(story, "Saudi Arabia"), actor_named(story, "Cairo")

    removed = story.remove_article(SECOND)

    assert removed == {
        "mentions": 6,
        "claims": 1,
        "events": 1,
        "relations": 1,
        "links": 1,
        "notes": 4,  # on the claim, the article, the link, and the note on the note
        "actors": 2,  # Sisi and Al-Akhbar: only this article had them, nobody worked on them
    }
    assert [a.id for a in story.articles()] == [FIRST]
    for reader in (story.mentions, story.claims, story.events, story.relations):
        assert reader(article_id=SECOND) == []
    assert len(story.links()) == 1 and len(story.notes()) == 1
    for actor in (sisi, akhbar):
        with pytest.raises(NotFoundError):
            story.actor(actor.id)
    # a person's decision keeps an actor that no article mentions any more
    assert story.actor(saudi.id).status.value == "confirmed"
    assert story.actor(saudi.id).mention_count == 0
    assert story.actor(cairo.id).articles == (FIRST,)
    assert first_article_state(story) == kept
    assert foreign_key_problems(story) == []
    entry = story.history()[-1]
    assert (entry.action, entry.target, entry.undoable) == ("remove_article", SECOND, True)
    assert entry.before["article"]["id"] == SECOND and entry.after["article"] is None
    assert entry.after["removed"] == removed


def test_undo_puts_the_article_and_all_the_work_back(story: Case) -> None:
    decide_on_both_articles(story)
    before = everything(story)
    story.remove_article(SECOND)
    assert everything(story) != before
    undone = story.undo()
    assert (undone.action, undone.undone) == ("remove_article", True)
    assert everything(story) == before
    assert foreign_key_problems(story) == []


def test_an_unknown_article_is_refused_and_nothing_is_written(story: Case) -> None:
    before = (everything(story), story.history())
    with pytest.raises(NotFoundError, match="no article 'nope'"):
        story.remove_article("nope")
    assert (everything(story), story.history()) == before


def test_a_removed_article_can_be_added_again(story: Case) -> None:
    story.remove_article(SECOND)
    again = story.add_extraction(second_extraction())
    assert again.id == SECOND
    assert len(story.claims(article_id=SECOND)) == 1
    assert actor_named(story, "Al-Akhbar").articles == (SECOND,)
