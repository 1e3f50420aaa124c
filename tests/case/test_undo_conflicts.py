"""An undo that would break a foreign key because of another session's action since is
refused like any other conflicting undo: one line naming the row and the action that
changed it, nothing written. Without the check the revert itself failed on the key, with
the database's own words ("FOREIGN KEY constraint failed", "violates foreign key
constraint") and no word of who or what. On both back ends (`case_path`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from backends import foreign_key_problems
from case_builders import actor_named, first_extraction

from workbench import Case
from workbench.errors import CaseError


@pytest.fixture
def two(case_path: Path):
    """Two sessions on one case holding the first report."""
    with Case.open(case_path) as a, Case.open(case_path) as b:
        a.add_extraction(first_extraction())
        yield a, b


def refused(case: Case) -> str:
    """The message of an undo that must be refused; checks nothing was written."""
    entries = len(case.history())
    with pytest.raises(CaseError) as raised:
        case.undo()
    message = str(raised.value)
    assert "\n" not in message
    assert "foreign key" not in message.lower()
    assert message.endswith("in another session; undo that first or edit by hand")
    assert len(case.history()) == entries
    assert not [h for h in case.history() if h.session == case.session][-1].undone
    return message


def test_undo_of_a_split_refuses_when_another_session_merged_the_actor_away(
    two, case_path: Path
) -> None:
    a, b = two
    afp, syria = actor_named(a, "AFP"), actor_named(a, "Syria")
    a.update_actor(afp.id, name="Agence France-Presse")  # "AFP" stays its alias
    split_off = a.split_alias(afp.id, "AFP")
    b.merge_actors(syria.id, afp.id)  # the actor the split's undo points back to: gone

    message = refused(a)
    assert f"cannot undo split_alias {afp.id}" in message
    assert f"actors {afp.id} (removed)" in message
    assert f"(merge_actors {syria.id} at" in message
    assert a.actor(split_off).name == "AFP"  # the split stands
    assert foreign_key_problems(case_path) == []

    # as the message says: once B undoes its merge, A's undo goes through
    b.undo()
    assert a.undo().action == "split_alias"
    assert "AFP" in a.actor(afp.id).aliases
    assert split_off not in {actor.id for actor in a.actors()}
    assert foreign_key_problems(case_path) == []


def _mention(b: Case, actor_id: str) -> str:
    article = b.articles()[0]
    return b.add_mention(actor_id, article.id, 0, 5).id


def _speaker(b: Case, actor_id: str) -> str:
    claim = b.claims()[0].id
    b.update_claim(claim, speaker=actor_id)
    return claim


def _link(b: Case, actor_id: str) -> str:
    return b.link_source(b.claims()[0].id, actor_id).id


@pytest.mark.parametrize(
    ("refer", "table", "action"),
    [
        (_mention, "mentions", "add_mention"),
        (_speaker, "claims", "update_claim"),
        (_link, "links", "link_source"),
    ],
)
def test_undo_refuses_to_remove_an_actor_another_session_has_since_referred_to(
    two, case_path: Path, refer, table: str, action: str
) -> None:
    a, b = two
    added = a.add_actor("Wire Desk", "media").id
    row = refer(b, added)  # B's row now refers to the actor A's undo would remove

    message = refused(a)
    assert f"cannot undo add_actor {added}" in message
    assert f"{table} {row} (refers to actors {added})" in message
    assert f"by {b.user} ({action} " in message
    assert added in {actor.id for actor in a.actors()}

    b.undo()
    assert a.undo().action == "add_actor"
    assert added not in {actor.id for actor in a.actors()}
    assert foreign_key_problems(case_path) == []


def test_a_conflicts_columns_are_named_in_one_order_on_both_back_ends(two) -> None:
    # the columns came in the order the action's log gave them: Python's on a file,
    # jsonb's (shortest key first) for an edit made on the server in one round trip
    a, b = two
    sana = actor_named(a, "SANA")
    a.update_actor(sana.id, status="confirmed")
    b.update_actor(sana.id, type="media", status="rejected")
    assert f"actors {sana.id} (edited, status, version) was changed since" in refused(a)
