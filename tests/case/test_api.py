"""The Case API over hand-built extractions: reads, cross-article actors, edits, audit, undo."""

from __future__ import annotations

import pandas as pd
import pytest
from case_builders import FIRST_TEXT, actor_named, first_extraction

from workbench import Case
from workbench.case import CaseActor, CaseClaim
from workbench.dates import DateError, PartialDate, Precision
from workbench.errors import CaseError, NotFoundError
from workbench.model import ActorType, ClaimStatus, ReviewStatus, SourceRelation


def test_add_extraction_stores_the_article_and_its_offsets(case: Case) -> None:
    article = case.add_extraction(first_extraction())
    assert article.id == "syrian-security-chief-visits-cairo"
    assert article.text == FIRST_TEXT
    assert article.outlet == "Middle East Eye"
    for mention in case.mentions(article_id=article.id):
        assert article.text[mention.start : mention.end] == mention.text
    for claim in case.claims(article_id=article.id):
        assert article.text[claim.start : claim.end] == claim.text
    for event in case.events(article_id=article.id):
        assert article.text[event.start : event.end] == event.date_text


def test_adding_the_same_text_twice_returns_the_stored_article(case: Case) -> None:
    first = case.add_extraction(first_extraction())
    again = case.add_extraction(first_extraction())
    assert again == first
    assert len(case.articles()) == 1
    assert len(case.claims()) == 2


def test_same_id_different_text_gets_a_new_id(case: Case) -> None:
    import dataclasses

    extraction = first_extraction()
    other = dataclasses.replace(
        extraction, article=dataclasses.replace(extraction.article, text=FIRST_TEXT + " More.")
    )
    case.add_extraction(extraction)
    assert case.add_extraction(other).id == "syrian-security-chief-visits-cairo-2"


def test_the_same_person_in_two_articles_is_one_actor(story: Case) -> None:
    mamlouk = actor_named(story, "Ali Mamlouk")
    assert {"Ali Mamlouk", "Mamlouk", "Mamluk", "Al-Mamlouk"} <= set(mamlouk.aliases)
    assert mamlouk.articles == ("syrian-security-chief-visits-cairo", "sisi-receives-syrian-envoy")
    assert mamlouk.type is ActorType.PERSON
    assert mamlouk.mention_count == len(story.mentions(actor_id=mamlouk.id))
    cairo = [a for a in story.actors() if a.name == "Cairo"]
    assert len(cairo) == 1 and len(cairo[0].articles) == 2
    # a relation in the second article points at the first article's actor
    received = next(r for r in story.relations() if r.kind == "received")
    assert received.target == mamlouk.id


def test_same_name_different_type_stays_apart(case: Case) -> None:
    from case_builders import build_extraction

    case.add_extraction(build_extraction("a", "Jordan spoke.", actors=[("Jordan", "person", [])]))
    case.add_extraction(
        build_extraction("b", "Jordan closed its border.", actors=[("Jordan", "country", [])])
    )
    assert sorted(a.type.value for a in case.actors() if a.name == "Jordan") == [
        "country",
        "person",
    ]


def test_claims_map_speakers_and_channels_to_case_actors(story: Case) -> None:
    relayed = next(c for c in story.claims() if c.text.startswith("Mamluk had met"))
    assert relayed.speaker is None
    assert relayed.speaker_text == "A Syrian political source"
    names = [story.actor(a).name for a in relayed.channels]
    assert names == ["AFP", "Middle East Eye"]
    assert relayed.status is ClaimStatus.UNVERIFIED
    assert relayed.review is ReviewStatus.EXTRACTED
    assert relayed.origin == "extracted" and relayed.edited == ()


def test_reads_filter_and_give_frames(story: Case) -> None:
    first = "syrian-security-chief-visits-cairo"
    assert {c.article_id for c in story.claims(article_id=first)} == {first}
    assert story.claims(status="corroborated") == []
    with pytest.raises(CaseError, match="not a claim status"):
        story.claims(status="maybe")
    frame = story.actors().to_frame()
    assert isinstance(frame, pd.DataFrame)
    assert {"id", "name", "type", "status", "aliases", "origin"} <= set(frame.columns)
    assert len(frame) == len(story.actors())
    empty = story.links().to_frame()
    assert list(empty.columns)[:3] == ["id", "claim_id", "relation"] and len(empty) == 0
    assert all(isinstance(c, CaseClaim) for c in story.claims())
    assert isinstance(story.get(actor_named(story, "SANA").id), CaseActor)


def test_unknown_ids_raise_not_found(story: Case) -> None:
    with pytest.raises(NotFoundError):
        story.actor("A999")
    with pytest.raises(NotFoundError):
        story.set_claim_status("C999", "false")
    with pytest.raises(NotFoundError):
        story.merge_actors("A1", "A999")
    with pytest.raises(NotFoundError):
        story.add_note("nothing", "text")
    with pytest.raises(NotFoundError):
        story.unlink_source("L1")


# --- edits, each with its audit row ------------------------------------------------------------


def last_entry(case: Case):
    return case.history()[-1]


def test_merge_actors_moves_everything_and_is_audited(story: Case) -> None:
    sana = actor_named(story, "SANA")
    akhbar = actor_named(story, "Al-Akhbar")
    claim = next(c for c in story.claims() if "Al-Akhbar" in story.actor(c.channels[0]).name)
    story.add_note(akhbar.id, "Lebanese daily, close to Hezbollah")
    kept = story.merge_actors(sana.id, akhbar.id)
    assert "Al-Akhbar" in kept.aliases
    assert set(kept.articles) == {a.id for a in story.articles()}
    with pytest.raises(NotFoundError):
        story.actor(akhbar.id)
    assert story.claim(claim.id).channels == (sana.id,)
    assert story.claim(claim.id).speaker == sana.id
    assert story.notes(sana.id)[0].text.startswith("Lebanese")
    entry = last_entry(story)
    assert (entry.action, entry.target, entry.undoable) == ("merge_actors", sana.id, True)
    assert entry.before["other"]["name"] == "Al-Akhbar" and entry.after["other"] is None
    assert "Al-Akhbar" in entry.after["keep"]["aliases"]
    assert entry.who and entry.at


def test_merging_several_actors_is_one_action(story: Case) -> None:
    sana, afp, akhbar = (actor_named(story, n) for n in ("SANA", "AFP", "Al-Akhbar"))
    entries = len(story.history())
    kept = story.merge_actors(sana.id, (afp.id, akhbar.id))
    assert {"AFP", "Al-Akhbar"} <= set(kept.aliases)
    assert {afp.id, akhbar.id}.isdisjoint(a.id for a in story.actors())
    assert len(story.history()) == entries + 1
    entry = last_entry(story)
    assert (entry.action, entry.target) == ("merge_actors", sana.id)
    assert entry.before[afp.id]["name"] == "AFP" and entry.after[afp.id] is None
    assert entry.before[akhbar.id]["name"] == "Al-Akhbar" and entry.after[akhbar.id] is None
    story.undo()  # one undo brings both back
    assert story.actor(afp.id).name == "AFP" and story.actor(akhbar.id).name == "Al-Akhbar"
    assert "AFP" not in story.actor(sana.id).aliases


def test_a_merge_of_several_that_fails_midway_changes_nothing(story: Case) -> None:
    sana, afp = actor_named(story, "SANA"), actor_named(story, "AFP")
    entries = len(story.history())
    with pytest.raises(NotFoundError, match="A999"):
        story.merge_actors(sana.id, [afp.id, "A999"])
    assert story.actor(afp.id).name == "AFP"
    assert "AFP" not in story.actor(sana.id).aliases
    assert len(story.history()) == entries


def test_update_actors_is_one_action_undone_as_one(story: Case) -> None:
    ids = [actor_named(story, n).id for n in ("AFP", "Syria", "Cairo")]
    entries = len(story.history())
    updated = story.update_actors(ids, status="rejected")
    assert [a.id for a in updated] == ids
    assert {story.actor(i).status for i in ids} == {ReviewStatus.REJECTED}
    assert len(story.history()) == entries + 1
    entry = last_entry(story)
    assert entry.action == "update_actors" and set(entry.before) == set(ids)
    assert entry.after[ids[0]]["status"] == "rejected"
    story.undo()
    assert {story.actor(i).status for i in ids} == {ReviewStatus.EXTRACTED}


def test_update_actors_that_fails_midway_changes_nothing(story: Case) -> None:
    afp = actor_named(story, "AFP")
    with pytest.raises(NotFoundError, match="A999"):
        story.update_actors([afp.id, "A999"], status="confirmed")
    assert story.actor(afp.id).status is ReviewStatus.EXTRACTED


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.update_actors([], status="confirmed"), "no actors to update"),
        (lambda c: c.update_actors(["A1", "A1"], status="confirmed"), "'A1' is given twice"),
        (lambda c: c.update_actors(["A1"]), "nothing to change: give type or status"),
        (lambda c: c.merge_actors("A1", []), "no actors to merge"),
        (lambda c: c.merge_actors("A1", ["A2", "A2"]), "'A2' is given twice"),
        (lambda c: c.merge_actors("A1", ["A2", "A1"]), "itself"),
    ],
)
def test_bad_lists_of_actors_are_refused(story: Case, call, message) -> None:
    entries = len(story.history())
    with pytest.raises(CaseError, match=message):
        call(story)
    assert len(story.history()) == entries


def test_merging_an_actor_with_itself_is_refused(story: Case) -> None:
    with pytest.raises(CaseError, match="itself"):
        story.merge_actors("A1", "A1")


def test_split_alias_makes_a_new_actor_with_its_mentions(story: Case) -> None:
    mamlouk = actor_named(story, "Ali Mamlouk")
    new_id = story.split_alias(mamlouk.id, "Mamluk")
    new = story.actor(new_id)
    assert new.name == "Mamluk" and new.type is ActorType.PERSON
    assert "Mamluk" not in story.actor(mamlouk.id).aliases
    assert {m.text for m in story.mentions(actor_id=new_id)} == {"Mamluk"}
    assert "Mamluk" not in {m.text for m in story.mentions(actor_id=mamlouk.id)}
    assert new.origin == "user"
    assert last_entry(story).action == "split_alias"


def test_split_of_the_name_or_an_unknown_alias_is_refused(story: Case) -> None:
    mamlouk = actor_named(story, "Ali Mamlouk")
    with pytest.raises(CaseError, match="rename"):
        story.split_alias(mamlouk.id, "Ali Mamlouk")
    with pytest.raises(NotFoundError):
        story.split_alias(mamlouk.id, "Assad")


def test_update_actor_records_what_a_person_set(story: Case) -> None:
    fawzy = actor_named(story, "Khaled Fawzy")
    updated = story.update_actor(fawzy.id, name="Khaled Fawzi", type="person", status="confirmed")
    assert updated.name == "Khaled Fawzi"
    assert updated.status is ReviewStatus.CONFIRMED
    assert set(updated.edited) == {"name", "type", "status"} and updated.origin == "user"
    assert "Khaled Fawzy" in updated.aliases  # the old name still resolves here
    with pytest.raises(CaseError, match="not a actor type"):
        story.update_actor(fawzy.id, type="robot")
    with pytest.raises(CaseError, match="nothing to change"):
        story.update_actor(fawzy.id)
    entry = last_entry(story)
    assert entry.before["actor"]["name"] == "Khaled Fawzy"
    assert entry.after["actor"]["name"] == "Khaled Fawzi"


def test_update_claim_and_status_with_note(story: Case) -> None:
    claim = story.claims()[0]
    sana = actor_named(story, "SANA")
    updated = story.update_claim(claim.id, text="They agreed to coordinate", kind="mixed")
    assert updated.text == "They agreed to coordinate" and updated.kind.value == "mixed"
    assert set(updated.edited) == {"text", "kind"}
    story.update_claim(claim.id, speaker="")
    assert story.claim(claim.id).speaker is None
    story.update_claim(claim.id, speaker=sana.id)
    assert story.claim(claim.id).speaker == sana.id
    done = story.set_claim_status(claim.id, "corroborated", note="Confirmed by Al-Akhbar")
    assert done.status is ClaimStatus.CORROBORATED
    assert [n.text for n in story.notes(claim.id)] == ["Confirmed by Al-Akhbar"]
    entry = last_entry(story)
    assert entry.action == "set_claim_status"
    assert (entry.before["claim"]["status"], entry.before["note"]) == ("unverified", None)
    assert entry.after["claim"]["status"] == "corroborated"
    assert entry.after["note"]["text"] == "Confirmed by Al-Akhbar"
    with pytest.raises(CaseError, match="not a claim status"):
        story.set_claim_status(claim.id, "probably")
    with pytest.raises(NotFoundError):
        story.update_claim(claim.id, speaker="A999")


def test_link_and_unlink_sources(story: Case) -> None:
    claim = story.claims()[0]
    afp = actor_named(story, "AFP")
    by_actor = story.link_source(claim.id, afp.id, relation="corroborates", note="wire copy")
    by_url = story.link_source(claim.id, "https://www.middleeasteye.net/news/x")
    assert by_actor.source == afp.id and by_actor.relation is SourceRelation.CORROBORATES
    assert by_url.url and by_url.relation is SourceRelation.REPORTED_BY
    assert by_url.created_by == story.user
    assert story.links(claim.id) == [by_actor, by_url]
    with pytest.raises(CaseError, match="already linked"):
        story.link_source(claim.id, afp.id, relation="corroborates")
    with pytest.raises(NotFoundError, match="neither"):
        story.link_source(claim.id, "somewhere")
    with pytest.raises(CaseError, match="not a source relation"):
        story.link_source(claim.id, afp.id, relation="likes")
    story.unlink_source(by_actor.id)
    assert story.links(claim.id) == [by_url]
    assert [e.action for e in story.history()][-3:] == [
        "link_source",
        "link_source",
        "unlink_source",
    ]


# --- undo -----------------------------------------------------------------------------------------


def state(case: Case) -> tuple:
    return (
        case.actors(),
        case.mentions(),
        case.claims(),
        case.events(),
        case.relations(),
        case.links(),
        case.notes(),
    )


@pytest.mark.parametrize(
    "edit",
    [
        lambda c: c.merge_actors(actor_named(c, "Ali Mamlouk").id, actor_named(c, "Cairo").id),
        lambda c: c.split_alias(actor_named(c, "Ali Mamlouk").id, "Mamluk"),
        lambda c: c.update_actor(actor_named(c, "AFP").id, name="Agence France-Presse"),
        lambda c: c.update_actor(actor_named(c, "Syria").id, type="place", status="rejected"),
        lambda c: c.update_claim(c.claims()[0].id, text="new", speaker="", kind="direct"),
        lambda c: c.set_claim_status(c.claims()[1].id, "disputed", note="why"),
        lambda c: c.link_source(c.claims()[1].id, "https://example.org/a"),
        lambda c: c.add_note(c.articles()[0].id, "check the date"),
        lambda c: c.update_event(c.events()[0].id, date="2016-10", precision="month"),
        lambda c: c.merge_actors(
            actor_named(c, "SANA").id, [actor_named(c, n).id for n in ("AFP", "Al-Akhbar")]
        ),
        lambda c: c.update_actors(
            [actor_named(c, n).id for n in ("AFP", "Syria", "Cairo")], status="confirmed"
        ),
    ],
    ids=[
        "merge",
        "split",
        "rename",
        "retype",
        "claim",
        "status",
        "link",
        "note",
        "event",
        "merge-several",
        "update-several",
    ],  # fmt: skip
)
def test_undo_restores_the_exact_state(story: Case, edit) -> None:
    before = state(story)
    edit(story)
    assert state(story) != before
    undone = story.undo()
    assert undone.undone
    assert state(story) == before
    assert story.history()[-1].action == "undo"


def test_undo_walks_back_one_action_at_a_time(story: Case) -> None:
    claim = story.claims()[0].id
    story.set_claim_status(claim, "in_progress")
    story.set_claim_status(claim, "false")
    story.undo()
    assert story.claim(claim).status is ClaimStatus.IN_PROGRESS
    story.undo()
    assert story.claim(claim).status is ClaimStatus.UNVERIFIED
    # then it reaches the articles' addition, which is not undone
    with pytest.raises(CaseError, match="cannot be undone"):
        story.undo()
    assert len(story.articles()) == 2


def test_undo_of_unlink_brings_the_link_back(story: Case) -> None:
    link = story.link_source(story.claims()[0].id, "https://example.org/a")
    story.unlink_source(link.id)
    story.undo()
    assert story.links() == [link]


def test_nothing_to_undo(case: Case) -> None:
    with pytest.raises(CaseError, match="nothing to undo"):
        case.undo()


def test_a_failed_edit_writes_nothing(story: Case) -> None:
    before = (state(story), story.history())
    with pytest.raises(NotFoundError):
        story.update_claim(story.claims()[0].id, text="changed", speaker="A999")
    assert (state(story), story.history()) == before


def test_history_names_who_and_when(story: Case) -> None:
    story.add_note(story.claims()[0].id, "first look")
    history = story.history()
    assert [e.action for e in history] == ["add_article", "add_article", "add_note"]
    assert all(e.who == story.user for e in history)
    assert [e.at for e in history] == sorted(e.at for e in history)
    assert story.history(limit=1) == history[-1:]


def test_a_shared_surname_does_not_merge_different_people(case: Case) -> None:
    from case_builders import build_extraction

    case.add_extraction(
        build_extraction(
            "a",
            "Bashar al-Assad spoke. Assad said no.",
            actors=[("Bashar al-Assad", "person", ["Assad"])],
        )
    )
    case.add_extraction(
        build_extraction(
            "b",
            "Hafez al-Assad ruled. Assad died.",
            actors=[("Hafez al-Assad", "person", ["Assad"])],
        )
    )
    case.add_extraction(
        build_extraction("c", "Assad met envoys.", actors=[("Assad", "person", [])])
    )
    people = {a.name: a for a in case.actors()}
    assert set(people) == {"Bashar al-Assad", "Hafez al-Assad"}
    # a bare "Assad" goes to the first actor known by it; a person can merge or split
    assert people["Bashar al-Assad"].articles == ("a", "c")


def test_update_event(story: Case) -> None:
    event = story.events()[0]
    updated = story.update_event(event.id, date="2016-10", precision="month", review="confirmed")
    assert (updated.date, updated.precision.value, updated.review.value) == (
        PartialDate(2016, 10),
        "month",
        "confirmed",
    )
    assert updated.origin == "user" and set(updated.edited) == {"date", "precision", "review"}
    with pytest.raises(DateError, match="not a date"):
        story.update_event(event.id, date="October")
    with pytest.raises(DateError, match="event date '2016-02-31'"):
        story.update_event(event.id, date="2016-02-31")
    # a new date without a precision takes its own: a month, then a day
    assert story.update_event(event.id, date="17 October 2016").precision is Precision.DAY
    assert story.update_event(event.id, date="2016-11").precision is Precision.MONTH
    with pytest.raises(CaseError, match="needs a date"):
        story.update_event(event.id, date="")
    assert story.history()[-1].action == "update_event"


def test_a_mistyped_path_is_an_error_not_an_article(case: Case) -> None:
    from workbench.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        case.add_article("sample_articles/no-such-file.txt")
    assert case.articles() == []
