"""Reading many claims or events by id at once (`claims_by_id`, `events_by_id`) gives each
record as reading it alone does, on both back ends; and a case object keeps the row
changes of its latest edits (`recorded_changes`) exactly as the audit log holds them."""

from __future__ import annotations

import json

import pytest
from case_builders import actor_named

from workbench import Case
from workbench.case import api, reads


def test_claims_and_events_read_by_id_are_those_read_alone(
    story: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = story.claims()
    story.reject_claim(claims[0].id)  # a rejected claim is read by its id too
    story.set_claim_status(claims[1].id, "disputed")
    every = story.claims(include_rejected=True)
    events = story.events()
    assert len(every) >= 3 and len(events) >= 2
    # a query per two ids: several chunks, as thousands of ids make
    monkeypatch.setattr(reads, "BY_ID_CHUNK", 2)
    asked = [c.id for c in reversed(every)] + ["c_none", every[0].id]  # unknown, repeated
    found = story.claims_by_id(asked)
    assert found == {c.id: story.claim(c.id) for c in every}
    assert all(type(c) is type(every[0]) for c in found.values())
    found_events = story.events_by_id([e.id for e in events] + ["e_none"])
    assert found_events == {e.id: story.event(e.id) for e in events}
    assert story.claims_by_id([]) == {} and story.events_by_id(()) == {}


def test_the_latest_edits_row_changes_are_kept_as_the_log_holds_them(story: Case) -> None:
    mamlouk = actor_named(story, "Ali Mamlouk")
    sana = actor_named(story, "SANA")
    entries = []
    for n in range(api.RECENT_CHANGES + 1):
        story.update_actor(sana.id, name=f"SANA {n}")
        entries.append(story.history(limit=1)[0].id)
    story.merge_actors(mamlouk.id, [actor_named(story, "Khaled Fawzy").id])
    merge = story.history(limit=1)[0].id
    logged = story._store.row("SELECT changes FROM audit WHERE id = ?", (merge,))["changes"]
    kept = story.recorded_changes(merge)
    assert kept is not None and json.loads(json.dumps(kept)) == json.loads(logged)
    assert story.recorded_changes(entries[-1]) is not None
    # only the latest few; none for an undo (it records no changes of its own)
    assert story.recorded_changes(entries[0]) is None
    story.undo()
    assert story.recorded_changes(story.history(limit=1)[0].id) is None


def test_another_case_object_keeps_none_of_them(story: Case, case_path) -> None:
    sana = actor_named(story, "SANA")
    story.update_actor(sana.id, name="Syrian Arab News Agency")
    entry = story.history(limit=1)[0].id
    with Case.open(case_path) as other:
        assert other.recorded_changes(entry) is None
        assert story.recorded_changes(entry) is not None


def test_what_changed_is_read_alike_from_the_log_on_both_back_ends(story: Case, case_path) -> None:
    """`changes_since` (the app's redraw) over a merge and its undo: the same whether the
    case object that made them hands their row changes over or they are read from the log
    (another object: the JSON of the audit rows, on either back end)."""
    from workbench.views.changes import changes_since

    start = story.history(limit=1)[0].id
    mamlouk, fawzy = actor_named(story, "Ali Mamlouk"), actor_named(story, "Khaled Fawzy")
    story.merge_actors(mamlouk.id, [fawzy.id])
    story.undo()
    now = story.history(limit=1)[0].id
    kept = changes_since(story, start, now)
    with Case.open(case_path) as other:
        logged = changes_since(other, start, now)
    assert kept is not None and logged is not None
    assert {t: vars(d) for t, d in kept.deltas.items()} == {
        t: vars(d) for t, d in logged.deltas.items()
    }
    assert kept.tables == logged.tables and "actors" in kept.deltas
    assert fawzy.id in kept.deltas["actors"].ids and kept.deltas["mentions"].ids
