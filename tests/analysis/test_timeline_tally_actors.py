"""The timeline tally carried over the edits that read whole tables again (an actor merged,
renamed, retyped, rejected; an article added; a claim's speaker or status) gives what a
fresh read gives. Each step reads the case as the app reads it after an edit (the audit
log says what changed: `changes_since`, then `CaseSnapshot.carry`), carries the tally and
compares it, with its chosen items and indexes, with `timeline_items` of a fresh read.
Hypothesis draws the sequences of edits on the two-article story (no spaCy)."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from analysis_builders import actor_id, build_story_case, sisi_extraction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from workbench.analysis import CaseSnapshot
from workbench.analysis.timeline_items import timeline_items
from workbench.analysis.timeline_tally import TimelineTally
from workbench.errors import NotFoundError, WorkbenchError
from workbench.views.changes import changes_since, latest_change, marker_of

EDITS = ("merge", "rename", "retype", "reject", "restore", "status", "speaker", "article")
TYPES = ("person", "organization", "group", "country")
STATUSES = ("corroborated", "disputed", "false", "unverified")


def read_after(case, older: CaseSnapshot, drawn: int) -> tuple[CaseSnapshot, int]:
    """What the app reads after the edits since audit row `drawn` (`Workbench.refresh`)."""
    now = marker_of(latest_change(case))
    snap = CaseSnapshot(case)
    changes = changes_since(case, drawn, now)
    if changes is not None and hasattr(changes, "deltas"):  # records read one by one
        snap.carry(older, changes.unchanged, deltas=changes.deltas)
    elif changes is not None:
        readers = {"claims": case.claim, "actors": case.actor}
        try:
            updated = {t: [readers[t](i) for i in sorted(ids)] for t, ids in changes.rows.items()}
        except NotFoundError:  # gone since (merged): the app reads it all again
            return snap, now
        snap.carry(older, changes.unchanged, updated=updated)
    return snap, now


def same(tally: TimelineTally, snap: CaseSnapshot) -> None:
    fresh = TimelineTally(CaseSnapshot(snap.case))
    assert tally.items() == timeline_items(snap) == fresh.items()
    for limit in (1, 3, 100):
        assert tally.chosen(limit) == fresh.chosen(limit)
    for actor in {a for i in fresh.items() for a in i.actors}:
        assert tally.items(actor_ids=[actor]) == fresh.items(actor_ids=[actor])
    # the indexes the next edit looks things up in
    assert {k: v for k, v in tally.names.items()} == fresh.names
    assert {k: v for k, v in tally.by_actor.items() if v} == {
        k: v for k, v in fresh.by_actor.items() if v
    }
    assert {k: v for k, v in tally.reported_by.items() if v} == {
        k: v for k, v in fresh.reported_by.items() if v
    }
    assert tally.claim_of_event == fresh.claim_of_event
    assert tally.claim_of == fresh.claim_of
    assert tally.report_of == fresh.report_of
    assert {k: sorted(e.id for e in v) for k, v in tally.reporting.items()} == {
        k: sorted(e.id for e in v) for k, v in fresh.reporting.items()
    }
    assert {k: sorted(r.event_id for r in v) for k, v in tally.rows_of.items() if v} == {
        k: sorted(r.event_id for r in v) for k, v in fresh.rows_of.items() if v
    }


def edit(case, kind: str, pick: int, added: list[int]) -> bool:
    """One edit a person makes; False when it cannot be made (nothing to do)."""
    actors = sorted(case.actors(), key=lambda a: a.id)
    live = [a for a in actors if a.status.value != "rejected"]
    claims = sorted(case.claims(include_rejected=True), key=lambda c: c.id)
    try:
        if kind == "merge" and len(live) > 1:
            keep, other = live[pick % len(live)], live[(pick * 7 + 1) % len(live)]
            if keep.id == other.id:
                return False
            case.merge_actors(keep.id, other.id)
        elif kind == "rename" and live:
            case.update_actor(live[pick % len(live)].id, name=f"Renamed {pick}")
        elif kind == "retype" and live:
            case.update_actor(live[pick % len(live)].id, type=TYPES[pick % len(TYPES)])
        elif kind == "reject" and live:
            case.update_actor(live[pick % len(live)].id, status="rejected")
        elif kind == "restore" and len(live) < len(actors):
            gone = [a for a in actors if a.status.value == "rejected"]
            case.update_actor(gone[pick % len(gone)].id, status="confirmed")
        elif kind == "status" and claims:
            case.set_claim_status(claims[pick % len(claims)].id, STATUSES[pick % len(STATUSES)])
        elif kind == "speaker" and claims and live:
            case.update_claim(claims[pick % len(claims)].id, speaker=live[pick % len(live)].id)
        elif kind == "article":
            added.append(len(added))
            report = sisi_extraction()
            # another report of the story: a new id and words (the same text is not added)
            article = dataclasses.replace(
                report.article,
                id=f"{report.article.id}-{pick}-{len(added)}",
                text=f"{report.article.text}\n\nUpdated ({pick}, {len(added)}).",
            )
            case.add_extraction(dataclasses.replace(report, article=article))
        else:
            return False
    except WorkbenchError:
        return False
    return True


def run(steps) -> None:
    with tempfile.TemporaryDirectory() as folder:
        case = build_story_case(Path(folder) / "story.case")
        try:
            snap = CaseSnapshot(case)
            drawn = marker_of(latest_change(case))
            tally = TimelineTally(snap)
            carried = 0
            added: list[int] = []
            for kind, pick in steps:
                if not edit(case, kind, pick, added):
                    continue
                snap, drawn = read_after(case, snap, drawn)
                if tally.carry(snap):
                    carried += 1
                else:
                    tally = TimelineTally(snap)
                same(tally, snap)
        finally:
            case.close()


def test_each_actor_edit_is_carried_and_equals_a_fresh_read(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    try:
        snap = CaseSnapshot(case)
        drawn = marker_of(latest_change(case))
        tally = TimelineTally(snap)
        sana, afp = actor_id(case, "SANA"), actor_id(case, "AFP")
        mamlouk = actor_id(case, "Ali Mamlouk")
        for change, drawn_changes in (
            (lambda: case.update_actor(mamlouk, name="Ali Mamluk"), True),  # a lane's name
            (lambda: case.update_actor(sana, type="organization"), False),  # nothing drawn
            (lambda: case.merge_actors(sana, afp), True),  # AFP's claims now SANA's
            (lambda: case.update_actor(mamlouk, status="rejected"), True),
            (lambda: case.update_actor(mamlouk, status="confirmed"), True),
        ):
            version = tally.version
            change()
            snap, drawn = read_after(case, snap, drawn)
            assert tally.carry(snap), "read again from scratch"
            assert tally.version == version + drawn_changes
            same(tally, snap)
        lanes = {i.actor_names[0] for i in tally.items() if i.actor_names}
        assert "Ali Mamluk" in lanes and "AFP" not in lanes
    finally:
        case.close()


def test_an_added_article_is_carried(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    try:
        snap = CaseSnapshot(case)
        drawn = marker_of(latest_change(case))
        tally = TimelineTally(snap)
        before = len(tally)
        edit(case, "article", 1, [])
        snap, drawn = read_after(case, snap, drawn)
        assert tally.carry(snap)
        same(tally, snap)
        assert len(tally) > before
    finally:
        case.close()


@settings(
    max_examples=25,
    deadline=None,
    phases=(Phase.generate, Phase.target, Phase.shrink),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 50)), min_size=1, max_size=6))
def test_any_sequence_of_edits_equals_a_fresh_read(steps):
    run(steps)


def test_a_merge_names_the_kept_actor_in_place(tmp_path):
    """A merge moves no item: the items naming the merged actor name the kept one, and
    every other item stays the same object (a speaker quoted across a 5,000-article case
    had every article's items built again: seconds)."""
    case = build_story_case(tmp_path / "story.case")
    try:
        snap = CaseSnapshot(case)
        drawn = marker_of(latest_change(case))
        tally = TimelineTally(snap)
        for keep, other in (("Ali Mamlouk", "Khaled Fawzy"), ("SANA", "AFP")):
            kept, merged = actor_id(case, keep), actor_id(case, other)
            before = {i.id: i for i in tally.items()}
            naming = {i.id for i in before.values() if merged in i.actors}
            assert naming and len(naming) < len(before)
            order = list(tally.order)
            case.merge_actors(kept, merged)
            snap, drawn = read_after(case, snap, drawn)
            assert tally.carry(snap)
            same(tally, snap)
            assert tally.order == order
            for item in tally.items():
                if item.id in naming:
                    assert merged not in item.actors and kept in item.actors
                    assert keep in item.actor_names
                else:
                    assert item is before[item.id], item.id
    finally:
        case.close()
