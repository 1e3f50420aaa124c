"""Re-extraction keeps every decision a person made: one test per kind of decision.

`apply_reextraction` is `reextract` without the NLP: each test re-extracts with a
different (hand-built) extraction of the same article, as a model change would give.
"""

from __future__ import annotations

import dataclasses

import pytest
from case_builders import FIRST_TEXT, actor_named, build_extraction, first_extraction

from workbench import Case
from workbench.errors import CaseError, NotFoundError
from workbench.model import ActorType, ClaimKind, ClaimStatus, Extraction, ReviewStatus

ARTICLE = "syrian-security-chief-visits-cairo"


def variant(**changes) -> Extraction:
    """The first article as another model might extract it."""
    spec = {
        "outlet": "Middle East Eye",
        "actors": [
            ("Ali Mamlouk", "person", ["Mamlouk"]),
            ("Mamluk", "person", []),  # this model misses the spelling variant
            ("Cairo", "place", []),
            ("SANA", "media", []),
            ("AFP", "media", []),
            ("Middle East Eye", "media", []),
            ("Khaled Fawzy", "person", []),
            ("Syria", "country", []),
        ],
        "claims": [
            {  # narrower than before: without "the"
                "text": "two sides agreed to coordinate political stances",
                "speaker": "SANA",
                "channels": ["SANA"],
            },
            {
                "text": "Mamluk had met Egyptian officials before",
                "speaker": None,
                "speaker_text": "A Syrian political source",
                "channels": ["AFP", "Middle East Eye"],
            },
        ],
        "events": [{"date_text": "16 October 2016", "date": "2016-10-16"}],
        "relations": [("Ali Mamlouk", "Khaled Fawzy", "met")],
    }
    spec.update(changes)
    return build_extraction(ARTICLE, FIRST_TEXT, **spec)


@pytest.fixture
def loaded(case: Case) -> Case:
    case.add_extraction(first_extraction())
    return case


def reextract(case: Case, extraction: Extraction | None = None) -> None:
    case.apply_reextraction([extraction or variant()], model="test-model")


def agreed(case: Case):
    return next(c for c in case.claims() if "agreed" in c.text)


def test_plain_reextraction_keeps_ids_and_adopts_new_extraction(loaded: Case) -> None:
    before = agreed(loaded)
    reextract(loaded)
    after = agreed(loaded)
    assert after.id == before.id
    assert after.text == "two sides agreed to coordinate political stances"
    assert len(loaded.claims()) == 2
    assert len(loaded.actors()) == len({a.name for a in loaded.actors()})
    assert loaded.article(ARTICLE).model == "test-model"
    assert loaded.history()[-1].action == "reextract"


def test_reextracting_twice_changes_nothing_more(loaded: Case) -> None:
    reextract(loaded)
    first = (loaded.actors(), loaded.claims(), loaded.events())
    reextract(loaded)
    assert (loaded.actors(), loaded.claims(), loaded.events()) == first


def test_confirmed_and_rejected_actors_stay_so(loaded: Case) -> None:
    loaded.update_actor(actor_named(loaded, "Khaled Fawzy").id, status="confirmed")
    loaded.update_actor(actor_named(loaded, "Syria").id, status="rejected")
    reextract(loaded)
    assert actor_named(loaded, "Khaled Fawzy").status is ReviewStatus.CONFIRMED
    assert actor_named(loaded, "Syria").status is ReviewStatus.REJECTED


def test_renamed_actor_keeps_its_name_and_its_mentions(loaded: Case) -> None:
    fawzy = actor_named(loaded, "Khaled Fawzy")
    loaded.update_actor(fawzy.id, name="Khaled Fawzi")
    reextract(loaded)
    renamed = loaded.actor(fawzy.id)
    assert renamed.name == "Khaled Fawzi"
    assert renamed.mention_count == 1
    assert "Khaled Fawzy" not in {a.name for a in loaded.actors()}


def test_retyped_actor_keeps_its_type(loaded: Case) -> None:
    cairo = actor_named(loaded, "Cairo")
    loaded.update_actor(cairo.id, type="country")
    reextract(loaded)  # the extractor still says "place"
    assert loaded.actor(cairo.id).type is ActorType.COUNTRY
    assert [a.id for a in loaded.actors() if a.name == "Cairo"] == [cairo.id]


def test_a_merge_holds_when_extraction_splits_the_actor_again(case: Case) -> None:
    loaded = case
    loaded.add_extraction(variant())  # this model makes "Mamluk" an actor of its own
    mamlouk = actor_named(loaded, "Ali Mamlouk")
    mamluk = actor_named(loaded, "Mamluk")
    loaded.merge_actors(mamlouk.id, mamluk.id)
    reextract(loaded)
    assert [a.name for a in loaded.actors() if "Maml" in a.name] == ["Ali Mamlouk"]
    assert "Mamluk" in {m.text for m in loaded.mentions(actor_id=mamlouk.id)}


def test_a_split_holds_when_extraction_groups_the_alias_again(loaded: Case) -> None:
    mamlouk = actor_named(loaded, "Ali Mamlouk")
    new_id = loaded.split_alias(mamlouk.id, "Mamluk")
    reextract(loaded, first_extraction())  # groups Mamluk under Ali Mamlouk again
    assert {m.text for m in loaded.mentions(actor_id=new_id)} == {"Mamluk"}
    assert "Mamluk" not in {m.text for m in loaded.mentions(actor_id=mamlouk.id)}
    assert loaded.actor(new_id).name == "Mamluk"


def test_an_edited_claim_keeps_the_persons_fields(loaded: Case) -> None:
    claim = agreed(loaded)
    afp = actor_named(loaded, "AFP")
    loaded.update_claim(
        claim.id, text="the two sides will coordinate", kind="mixed", speaker=afp.id
    )
    reextract(loaded)
    after = loaded.claim(claim.id)
    assert after.text == "the two sides will coordinate"
    assert after.kind is ClaimKind.MIXED
    assert after.speaker == afp.id
    # fields the person left alone follow the new extraction
    assert after.start == FIRST_TEXT.index("two sides agreed")


def test_status_notes_and_links_survive(loaded: Case) -> None:
    claim = agreed(loaded)
    loaded.set_claim_status(claim.id, "disputed", note="Egypt denies it")
    link = loaded.link_source(claim.id, "https://example.org/egypt-denies", relation="contradicts")
    reextract(loaded)
    assert loaded.claim(claim.id).status is ClaimStatus.DISPUTED
    assert [n.text for n in loaded.notes(claim.id)] == ["Egypt denies it"]
    assert loaded.links(claim.id) == [link]


def test_a_confirmed_claim_stays_confirmed(loaded: Case) -> None:
    claim = agreed(loaded)
    loaded.update_claim(claim.id, review="confirmed")
    reextract(loaded)
    assert loaded.claim(claim.id).review is ReviewStatus.CONFIRMED


def test_a_claim_no_longer_found_is_kept_detached_if_a_person_worked_on_it(loaded: Case) -> None:
    worked = agreed(loaded)
    untouched = next(c for c in loaded.claims() if c.id != worked.id)
    loaded.set_claim_status(worked.id, "corroborated")
    reextract(loaded, variant(claims=[]))
    assert loaded.claim(worked.id).detached
    assert loaded.claim(worked.id).status is ClaimStatus.CORROBORATED
    with pytest.raises(NotFoundError):
        loaded.claim(untouched.id)


def test_a_detached_claim_reattaches_when_found_again(loaded: Case) -> None:
    worked = agreed(loaded)
    loaded.add_note(worked.id, "keep")
    reextract(loaded, variant(claims=[]))
    reextract(loaded)
    assert not loaded.claim(worked.id).detached


def test_new_claims_and_actors_appear_and_unused_ones_go(loaded: Case) -> None:
    extra = variant(
        actors=[
            ("Ali Mamlouk", "person", ["Mamlouk", "Mamluk"]),
            ("SANA", "media", []),
            ("Egyptian", "group", []),
        ],
        claims=[
            {"text": "Ali Mamlouk made an official visit to Cairo", "speaker": "SANA"},
        ],
        events=[],
        relations=[],
    )
    fawzy = actor_named(loaded, "Khaled Fawzy")
    loaded.update_actor(fawzy.id, status="confirmed")
    reextract(loaded, extra)
    names = {a.name for a in loaded.actors()}
    assert "Egyptian" in names
    assert "AFP" not in names  # nobody touched it and nothing mentions it now
    assert "Khaled Fawzy" in names  # confirmed by a person: kept
    assert [c.text for c in loaded.claims()] == ["Ali Mamlouk made an official visit to Cairo"]


def test_an_event_a_person_reviewed_is_kept(loaded: Case) -> None:
    event = loaded.events()[0]
    loaded.update_event(event.id, review="confirmed")
    reextract(loaded, variant(events=[]))
    assert loaded.event(event.id).review is ReviewStatus.CONFIRMED


def test_a_corrected_event_date_is_kept(loaded: Case) -> None:
    event = loaded.events()[0]
    loaded.update_event(event.id, date="2016-10-15", summary="met Fawzy")
    reextract(loaded)  # finds the same date expression again
    after = loaded.event(event.id)
    assert (str(after.date), after.summary, after.edited) == (
        "2016-10-15",
        "met Fawzy",
        ("date", "summary"),
    )


def test_reextraction_is_all_or_nothing(loaded: Case) -> None:
    before = (loaded.actors(), loaded.claims(), loaded.history())
    stranger = dataclasses.replace(
        variant(), article=dataclasses.replace(variant().article, id="not-in-case")
    )
    with pytest.raises(NotFoundError):
        loaded.apply_reextraction([variant(), stranger])
    assert (loaded.actors(), loaded.claims(), loaded.history()) == before


def test_undo_does_not_cross_a_reextraction(loaded: Case) -> None:
    claim = agreed(loaded)
    loaded.set_claim_status(claim.id, "false")
    reextract(loaded)
    with pytest.raises(CaseError, match="reextract"):
        loaded.undo()
    assert loaded.claim(claim.id).status is ClaimStatus.FALSE


def test_an_event_with_a_note_is_kept(loaded: Case) -> None:
    event = loaded.events()[0]
    loaded.add_note(event.id, "the date is wrong: it was the 15th")
    reextract(loaded, variant(events=[]))
    assert loaded.event(event.id) == event


def test_a_merge_outlives_an_extraction_that_misses_the_actor(case: Case) -> None:
    case.add_extraction(variant())
    mamlouk = actor_named(case, "Ali Mamlouk")
    case.merge_actors(mamlouk.id, actor_named(case, "Mamluk").id)
    reextract(case, variant(actors=[("Cairo", "place", [])], claims=[], events=[], relations=[]))
    kept = case.actor(mamlouk.id)
    assert kept.mention_count == 0 and "merged" in kept.edited
    reextract(case)  # the model finds both spellings again, as two actors
    assert [a.id for a in case.actors() if "Maml" in a.name] == [mamlouk.id]
