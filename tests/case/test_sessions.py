"""Sessions: several `Case` objects on one file (Voila visitors, notebooks, all the same OS
user) each undo only their own actions, and never overwrite another's work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from case_builders import actor_named, first_extraction, second_extraction

from workbench import Case
from workbench.case import FORMAT_VERSION, migrations
from workbench.errors import CaseError


@pytest.fixture
def two(case_path: Path):
    """Two sessions on one case file holding the two reports."""
    with Case.open(case_path) as a, Case.open(case_path) as b:
        a.add_extraction(first_extraction())
        a.add_extraction(second_extraction())
        yield a, b


def test_each_case_object_is_a_session_of_its_own(two) -> None:
    a, b = two
    assert a.session != b.session
    assert len(a.session) == 32


def test_undo_reverts_this_sessions_action_and_keeps_anothers_edit(two) -> None:
    a, b = two
    c1, c2 = (c.id for c in a.claims()[:2])
    a.set_claim_status(c1, "false")
    b.update_claim(c2, text="the text as B corrected it")
    undone = a.undo()
    assert (undone.action, undone.target, undone.session) == ("set_claim_status", c1, a.session)
    assert a.claim(c1).status.value == "unverified"
    assert b.claim(c2).text == "the text as B corrected it"
    assert "text" in b.claim(c2).edited


def test_history_shows_the_session_of_each_action(two) -> None:
    a, b = two
    c1 = a.claims()[0].id
    a.set_claim_status(c1, "false")
    b.add_note(c1, "from B")
    a.undo()
    history = a.history()
    assert [(h.action, h.session) for h in history[-3:]] == [
        ("set_claim_status", a.session),
        ("add_note", b.session),
        ("undo", a.session),
    ]
    assert "session" in history.to_frame().columns


def test_a_session_without_actions_has_nothing_to_undo(two) -> None:
    a, b = two
    a.set_claim_status(a.claims()[0].id, "false")
    with pytest.raises(CaseError, match="^nothing to undo in this session$"):
        b.undo()
    assert a.claims()[0].status.value == "false"


def test_undo_refuses_to_overwrite_what_another_session_changed_since(two) -> None:
    a, b = two
    c1 = a.claims()[0].id
    a.set_claim_status(c1, "false")
    b.set_claim_status(c1, "corroborated")
    entries = len(a.history())
    with pytest.raises(CaseError) as refused:
        a.undo()
    message = str(refused.value)
    assert "\n" not in message
    assert f"cannot undo set_claim_status {c1}" in message
    assert f"claims {c1} (status" in message
    assert f"(set_claim_status {c1} at" in message
    # nothing written: B's status stays, A's action is still not undone
    assert a.claim(c1).status.value == "corroborated"
    assert len(a.history()) == entries
    assert not a.history()[-2].undone
    # once B undoes its own action, A's undo goes through
    b.undo()
    a.undo()
    assert a.claim(c1).status.value == "unverified"


def test_undo_refuses_when_another_session_removed_the_record(two) -> None:
    a, b = two
    sana = actor_named(a, "SANA")
    a.update_actor(sana.id, status="confirmed")
    b.merge_actors(actor_named(b, "AFP").id, sana.id)
    with pytest.raises(CaseError, match=rf"actors {sana.id} \(removed\).*merge_actors"):
        a.undo()


def test_undo_walks_back_through_this_sessions_own_actions(two) -> None:
    a, b = two
    c1, c2 = (c.id for c in a.claims()[:2])
    a.set_claim_status(c1, "false")
    b.set_claim_status(c2, "disputed")
    a.set_claim_status(c1, "corroborated")
    assert a.undo().after["claim"]["status"] == "corroborated"
    assert a.undo().after["claim"]["status"] == "false"
    assert a.claim(c1).status.value == "unverified"
    assert a.claim(c2).status.value == "disputed"
    with pytest.raises(CaseError, match="cannot be undone"):
        a.undo()  # its next action back is adding an article


def test_a_session_can_be_carried_on(case_path: Path) -> None:
    with Case.open(case_path) as first:
        first.add_extraction(first_extraction())
        first.set_claim_status(first.claims()[0].id, "false")
        session = first.session
    with (
        Case.open(case_path) as other,
        pytest.raises(CaseError, match="nothing to undo in this session"),
    ):
        other.undo()
    with Case.open(case_path, session=session) as again:
        assert again.undo().action == "set_claim_status"
        assert again.claims()[0].status.value == "unverified"


def test_a_format_2_case_gains_the_session_column_with_null_for_old_rows(
    case_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_path = case_file  # an old file, made by hand
    from workbench.case import store

    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        patch.setattr(migrations, "FORMAT_VERSION", 2)
        patch.setattr(store, "FORMAT_VERSION", 2)
        db = sqlite3.connect(case_path)
        try:
            migrations.apply_migrations(db, current=0)
            db.execute(
                "INSERT INTO audit (at, who, action, target, before, after) "
                "VALUES ('2026-01-01', 'old', 'add_note', 'C1', '{}', '{}')"
            )
            db.commit()
        finally:
            db.close()
    with Case.open(case_path) as case:
        assert case._store.rows("PRAGMA user_version")[0][0] == FORMAT_VERSION
        [old] = case.history()
        assert (old.who, old.session) == ("old", None)
        with pytest.raises(CaseError, match="nothing to undo in this session"):
            case.undo()
