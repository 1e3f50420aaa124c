"""How much an edit reads on a file: an actor named across a large case is read whole
(its articles and names), so an edit of its row reads it once, for the audit row's state
before, and makes the state after from that read (tests/case/test_postgres_one_trip.py
has the server's one round trip)."""

from __future__ import annotations

import pytest
from case_builders import first_extraction, second_extraction

from workbench import Case
from workbench.case import audit, reads


@pytest.mark.parametrize(
    "change",
    [
        {"status": "confirmed"},
        {"type": "organization", "status": "rejected"},
        {"name": "Somebody Else"},  # a new alias rule: read again
        {"status": "extracted"},  # nothing changes
    ],
)
def test_an_actor_edit_reads_the_actor_once(tmp_path, monkeypatch, change) -> None:
    with Case.open(tmp_path / "story.case") as case:
        case.add_extraction(first_extraction())
        case.add_extraction(second_extraction())
        for actor in case.actors()[:3]:
            calls = []
            read = reads._read_actors

            def counted(store, ids, read=read, calls=calls):
                calls.append(ids)
                return read(store, ids)

            monkeypatch.setattr(reads, "_read_actors", counted)
            returned = case.update_actor(actor.id, **change)
            monkeypatch.undo()
            assert len(calls) == (2 if "name" in change else 1), calls
            again = case.actor(actor.id)
            assert returned == again
            entry = case.history(limit=1)[0]
            assert entry.before["actor"] == actor.to_dict()
            assert entry.after["actor"] == again.to_dict()
            case.undo()
            assert case.actor(actor.id) == actor


def test_an_actors_state_is_its_to_dict(tmp_path) -> None:
    """The audit log's faster form of an actor (plain lists of its strings) is `to_dict()`."""
    with Case.open(tmp_path / "story.case") as case:
        case.add_extraction(first_extraction())
        case.add_extraction(second_extraction())
        case.update_actor(case.actors()[0].id, status="confirmed")
        for actor in case.actors():
            state = audit.state_of("actor", actor)
            assert state == actor.to_dict()
            assert list(state) == list(actor.to_dict())
