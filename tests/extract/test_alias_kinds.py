"""Kinds of synonyms issue 10 still missed (session 7), on docs whose entities are given by
hand: a body or outlet named later by its proper part ("Freedom" of "Freedom Magazine")
whatever type each got, a bare head noun ("Members of Parliament") that must not keep
"the Parliament" from the body named before, a sea with and without "Sea"."""

from __future__ import annotations

from test_actors import blank_doc, by_name

from workbench.extract.actors import extract_actors
from workbench.model import ActorType


def test_an_outlet_named_later_by_its_proper_part_is_one_actor():
    doc = blank_doc(
        "He read the publication Freedom Magazine. He said the claims in the Freedom article "
        "were lies.",
        [("Freedom Magazine", "ORG"), ("Freedom", "ORG")],
    )
    actors = by_name(extract_actors(doc))
    assert set(actors) == {"Freedom Magazine"}
    assert actors["Freedom Magazine"].type is ActorType.MEDIA
    assert actors["Freedom Magazine"].aliases == ("Freedom",)


def test_a_proper_part_written_before_the_full_name_stays_apart():
    # "Freedom" first and "Freedom House" later: nothing says the first is the body
    doc = blank_doc(
        "Freedom rallied the crowd. Freedom House published its report.",
        [("Freedom", "ORG"), ("Freedom House", "ORG")],
    )
    assert set(by_name(extract_actors(doc))) == {"Freedom", "Freedom House"}


def test_a_proper_part_two_bodies_share_joins_neither():
    doc = blank_doc(
        "Sky News and Sky Magazine were sold. Sky said the deal was done.",
        [("Sky News", "ORG"), ("Sky Magazine", "ORG"), ("Sky", "ORG")],
    )
    assert "Sky" in by_name(extract_actors(doc))


def test_a_bare_head_noun_does_not_take_the_body_named_before():
    doc = blank_doc(
        "The Parliament of Lebanon passed a law. Several Members of Parliament walked out. "
        "The European Union welcomed the Parliament's vote.",
        [("Parliament of Lebanon", "ORG"), ("Parliament", "ORG"), ("Parliament", "ORG")],
    )
    actors = extract_actors(doc)
    body = by_name(actors)["Parliament of Lebanon"]
    later = doc.text.rindex("Parliament")
    assert any(m.start == later for m in body.mentions)


def test_a_sea_with_and_without_its_head_is_one_place():
    doc = blank_doc(
        "The ship crossed the Mediterranean Sea. Thousands drowned in the Mediterranean.",
        [("the Mediterranean Sea", "LOC"), ("the Mediterranean", "LOC")],
    )
    actors = extract_actors(doc)
    assert len(actors) == 1 and actors[0].type is ActorType.PLACE


def test_a_states_body_under_two_of_the_states_names_is_one_body():
    doc = blank_doc(
        "Protesters stormed the United States Embassy in Baghdad. The Embassy was closed. "
        "Iran's Foreign Ministry and the U.S. Embassy traded words. The Iranian Foreign "
        "Ministry summoned the Swiss envoy.",
        [
            ("United States Embassy", "ORG"),
            ("Embassy", "ORG"),
            ("Iran's Foreign Ministry", "ORG"),
            ("U.S. Embassy", "ORG"),
            ("Iranian Foreign Ministry", "ORG"),
        ],
    )
    actors = by_name(extract_actors(doc))
    assert set(actors["United States Embassy"].aliases) == {"Embassy", "U.S. Embassy"}
    ministry = [a for a in actors.values() if "Iranian Foreign Ministry" in (a.name, *a.aliases)]
    assert len(ministry) == 1 and "Iran's Foreign Ministry" in (
        ministry[0].name,
        *ministry[0].aliases,
    )


def test_the_first_word_of_x_of_y_with_the_is_that_body():
    doc = blank_doc(
        "Pelosi is the Speaker of the House. The House of Representatives voted. Members of "
        "the House Intelligence Committee spoke.",
        [
            ("House", "ORG"),
            ("House of Representatives", "ORG"),
            ("House Intelligence Committee", "ORG"),
        ],
    )
    actors = by_name(extract_actors(doc))
    assert actors["House of Representatives"].aliases == ("House",)
    assert "House Intelligence Committee" in actors  # another body


def test_an_acronym_of_a_body_named_after_its_state_joins_it():
    doc = blank_doc(
        "The United States Commission on Presidential Debates met. CPD said the debate was off.",
        [("United States Commission on Presidential Debates", "ORG"), ("CPD", "ORG")],
    )
    actors = by_name(extract_actors(doc))
    assert actors["United States Commission on Presidential Debates"].aliases == ("CPD",)
