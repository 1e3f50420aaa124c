"""`Case.counts`: what the case holds, counted where it is stored, on each back end; the
Summary tab's figures (`analysis.counted_summary`) are the ones a whole read gives.
`Case.actor_labels`: what a mark says of its actors, read alone."""

from __future__ import annotations

from workbench.analysis import case_summary
from workbench.analysis.summary import counted_summary


def test_counts_follow_the_decisions(story):
    before = story.counts()
    assert before["articles"] == 2
    assert sum(before["claims_by_status"].values()) == len(story.claims())
    claim, other = story.claims()[:2]
    story.set_claim_status(claim.id, "disputed")
    story.reject_claim(other.id)
    story.reject_event(story.events()[0].id)
    story.update_actor(story.actors()[0].id, status="rejected")
    story.update_actor(story.actors()[1].id, status="confirmed")
    story.add_note(claim.id, "ask the agency")
    story.link_source(claim.id, "https://example.org/report", relation="corroborates")
    after = story.counts()
    assert after["claims_by_status"].get("disputed") == 1
    assert sum(after["claims_by_status"].values()) == len(story.claims())
    assert after["events"] == len(story.events()) - 1
    assert (after["notes"], after["links"]) == (before["notes"] + 1, before["links"] + 1)
    assert after["actors"] == before["actors"] - 1
    assert after["actors_to_review"] == before["actors_to_review"] - 2
    assert counted_summary(story) == case_summary(story)


def test_actor_labels_are_the_actors_names_types_and_statuses(story):
    actors = story.actors()
    story.update_actor(actors[0].id, status="rejected")
    story.update_actor(actors[1].id, name="Renamed", type="organization")
    wanted = [a.id for a in actors[:3]] + ["no-such-actor"]
    labels = story.actor_labels(wanted)
    assert set(labels) == set(wanted[:3])
    for actor_id, label in labels.items():
        actor = story.actor(actor_id)
        assert (label.name, label.type, label.status) == (actor.name, actor.type, actor.status)
    assert story.actor_labels([]) == {}
