"""A network tally carried over any edit a person makes, or brushed to a date range, draws
what a fresh tally of the same state draws.

`NetworkTally.carry` takes in actor merges, renames, retypes and rejections, added
articles, claim edits and source links by moving only their shares; `brush` moves the
date range from the claims' dates placed once. Hypothesis draws sequences of edits and
ranges on a hand-built case (no model), reads the case after each as a carried snapshot
holds it (what did not change kept, records edited in place put in; or the whole case
read again) and compares
the carried tally with a fresh one: the same nodes, edges, weights, tooltips and drawing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import tempfile
from pathlib import Path

import pytest
from analysis_builders import actor_id, build_story_case, sisi_extraction, visit_extraction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.analysis import CaseSnapshot, network_data
from workbench.analysis.network_readable import readable_network
from workbench.analysis.network_tally import NetworkTally
from workbench.errors import WorkbenchError

RANGES = (None, ("2016-10-17", "2016-10-17"), ("2016-11", "2016-11"), ("2016-10", None))
DATES = ("2016-10-17", "2016-11-02", "2016-10-20", None)


def copy(n: int):
    """Another article: one of the two reports, with its own id, text and date."""
    base = (visit_extraction, sisi_extraction)[n % 2]()
    article = dataclasses.replace(
        base.article,
        id=f"{base.article.id}-{n}",
        text=base.article.text + f"\n\nCopy {n}.",
        published=DATES[n % len(DATES)],
    )
    return dataclasses.replace(base, article=article)


def read_after(case, older: CaseSnapshot, *, carried: bool) -> CaseSnapshot:
    """A read of the case after an edit: `carried`, as a snapshot carried over the edit is
    (a table that did not change is `older`'s list, a record edited in place a new record
    at its place among `older`'s, any other table read again); else the whole case again."""
    snap = CaseSnapshot(case)
    if not carried:
        return snap
    fresh = CaseSnapshot(case)
    kept, updated = [], {}
    for table in ("articles", "actors", "claims", "events", "relations", "links", "notes"):
        new, old = getattr(fresh, table)(), getattr(older, f"_{table}")
        if old is None:
            continue
        if [r.id for r in new] == [r.id for r in old]:
            kept.append(table)
            updated[table] = [r for r, o in zip(new, old, strict=True) if r != o]
    snap.carry(older, kept, updated=updated)
    return snap


def same(tally: NetworkTally, snap: CaseSnapshot, **filters) -> None:
    fresh = NetworkTally(snap, **filters)
    for min_weight in (1, 2):
        got, want = tally.data(min_weight=min_weight), fresh.data(min_weight=min_weight)
        assert sorted(got.nodes, key=repr) == sorted(want.nodes, key=repr)
        assert sorted(got.edges, key=repr) == sorted(want.edges, key=repr)
        assert readable_network(got) == readable_network(want)
    assert fresh.data() == network_data(snap, **filters)


def edit(case, op: str, i: int, j: int, count: int) -> None:
    """One edit a person makes, on the i-th and j-th of what the case holds."""
    actors = [a.id for a in case.actors()]
    live = [a.id for a in case.actors() if a.status.value != "rejected"]
    claims = [c.id for c in case.claims(include_rejected=True)]
    claim = claims[i % len(claims)]
    if op == "merge" and len(live) > 1:
        keep, other = live[i % len(live)], live[j % len(live)]
        if keep != other:
            case.merge_actors(keep, other)
    elif op == "rename":
        case.update_actor(actors[i % len(actors)], name=f"Renamed {count}")
    elif op == "retype":
        case.update_actor(actors[i % len(actors)], type=("person", "media", "group")[j % 3])
    elif op == "reject actor":
        case.update_actor(actors[i % len(actors)], status=("rejected", "confirmed")[j % 2])
    elif op == "status":
        case.set_claim_status(claim, ("corroborated", "disputed", "false")[j % 3])
    elif op == "speaker":
        case.update_claim(claim, speaker=live[j % len(live)] if j % 4 else "")
    elif op == "reject claim":
        case.update_claim(claim, review=("rejected", "confirmed")[j % 2])
    elif op == "link":
        case.link_source(claim, live[j % len(live)], relation="reported_by")
    elif op == "unlink" and case.links():
        case.unlink_source(case.links()[j % len(case.links())].id)
    elif op == "add":
        case.add_extraction(copy(count))


OPS = ("merge", "rename", "retype", "reject actor", "status", "speaker", "reject claim",
       "link", "unlink", "add", "brush")  # fmt: skip
STEPS = st.lists(
    st.tuples(st.sampled_from(OPS), st.integers(0, 50), st.integers(0, 50), st.booleans()),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(
    steps=STEPS,
    status=st.sampled_from([None, "disputed", "corroborated"]),
    one_article=st.booleans(),
    start=st.sampled_from(RANGES),
)
def test_any_edits_carried_are_a_fresh_tally(steps, status, one_article, start):
    with tempfile.TemporaryDirectory() as folder:
        case = build_story_case(Path(folder) / "story.case")
        try:
            article = case.articles()[0].id if one_article else None
            date_range = start
            snap = CaseSnapshot(case)
            tally = NetworkTally(snap, date_range=date_range, article_id=article, status=status)
            for count, (op, i, j, carried) in enumerate(steps):
                if op == "brush":
                    date_range = RANGES[i % len(RANGES)]
                    tally.brush(date_range)
                else:
                    with contextlib.suppress(WorkbenchError):  # an edit the case refuses
                        edit(case, op, i, j, count)
                    snap = read_after(case, snap, carried=carried)
                    assert tally.carry(snap), op  # no edit here needs a tally afresh
                same(tally, snap, date_range=date_range, article_id=article, status=status)
        finally:
            case.close()


@pytest.fixture
def case(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    yield case
    case.close()


def test_a_merge_moves_the_edges_onto_the_kept_actor(case):
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    sana, afp = actor_id(case, "SANA"), actor_id(case, "AFP")
    case.merge_actors(afp, sana)
    later = read_after(case, snap, carried=True)
    version = tally.version
    assert tally.carry(later)
    assert tally.version == version + 1
    same(tally, later)
    ends = {e.source for e in tally.data().edges} | {e.target for e in tally.data().edges}
    assert sana not in ends and afp in ends
    assert tally.data().node(sana) is None


def test_a_rename_changes_names_and_titles_only(case):
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    before = tally.data()
    afp = actor_id(case, "AFP")
    case.update_actor(afp, name="Agence France-Presse")
    later = read_after(case, snap, carried=True)
    assert tally.carry(later)
    same(tally, later)
    after = tally.data()
    assert after.node(afp).label == "Agence France-Presse"
    assert [(e.source, e.target, e.kind, e.weight) for e in after.edges] == [
        (e.source, e.target, e.kind, e.weight) for e in before.edges
    ]
    assert any("Agence France-Presse" in e.title for e in after.edges)


def test_an_added_article_adds_its_shares(case):
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    edges = len(tally.data().edges)
    case.add_extraction(copy(3))
    later = CaseSnapshot(case)
    assert tally.carry(later)
    same(tally, later)
    assert len(tally.data().edges) > edges


@pytest.mark.parametrize("afresh", [False, True])
@pytest.mark.parametrize("date_range", RANGES[1:])
def test_a_brush_is_a_fresh_tally_of_the_range(case, date_range, afresh, monkeypatch):
    if afresh:  # every claim moved counts as most of the case: tallied afresh from the read
        monkeypatch.setattr("workbench.analysis.tally_changes.MANY", 0)
        monkeypatch.setattr("workbench.analysis.tally_changes.SHARE", 10**9)
        monkeypatch.setattr("workbench.analysis.network_tally.BRUSH_AFRESH", 0)
    for n in range(4):  # the last undated: in no range
        case.add_extraction(copy(n))
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    everything = tally.data()
    tally.brush(date_range)
    same(tally, snap, date_range=date_range)
    assert tally.data() != everything
    tally.brush(None)  # and back
    same(tally, snap)


@pytest.mark.parametrize("carried", [True, False])
def test_a_rejected_actor_leaves_with_its_relations_and_comes_back(case, carried):
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    mamlouk = actor_id(case, "Ali Mamlouk")
    assert any(e.kind == "met" for e in tally.data().edges)
    case.update_actor(mamlouk, status="rejected")
    later = read_after(case, snap, carried=carried)
    assert tally.carry(later)
    same(tally, later)
    assert not any(mamlouk in (e.source, e.target) for e in tally.data().edges)
    case.update_actor(mamlouk, status="confirmed")
    again = read_after(case, later, carried=carried)
    assert tally.carry(again)
    same(tally, again)
    assert any(e.kind == "met" for e in tally.data().edges)


def test_the_events_are_read_only_for_a_date_range(case):
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    case.merge_actors(actor_id(case, "AFP"), actor_id(case, "SANA"))
    later = read_after(case, snap, carried=True)
    assert tally.carry(later)
    assert later._events is None and snap._events is None  # 30,000 records at 5,000 articles
    tally.brush(RANGES[1])
    assert later._events is not None
    same(tally, later, date_range=RANGES[1])


@pytest.mark.parametrize("afresh", [False, True])
def test_a_brush_back_and_forth_works_out_no_claim_or_date_again(case, afresh, monkeypatch):
    """Each claim's edges and each article's day are worked out once per read: brushing
    back and forth (tallied afresh when most of the case moves) only adds up. At 5,000
    articles working them out was most of a brush's 440-740 ms."""
    from collections import Counter

    import workbench.analysis.network_tally as module
    import workbench.analysis.periods as periods

    if afresh:
        monkeypatch.setattr("workbench.analysis.tally_changes.MANY", 0)
        monkeypatch.setattr("workbench.analysis.tally_changes.SHARE", 10**9)
        monkeypatch.setattr("workbench.analysis.network_tally.BRUSH_AFRESH", 0)
    for n in range(4):
        case.add_extraction(copy(n))
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    for date_range in (*RANGES[1:], None):  # each range once: worked out here
        tally.brush(date_range)
    counted = {"chains": 0, "dates": 0, "relations": 0}
    for where, name, key in (
        (module, "attribution_chain", "chains"),
        (periods, "stored_date", "dates"),
        (module, "stored_date", "dates"),
    ):
        real = getattr(periods if name == "stored_date" else where, name)

        def counting(*args, _real=real, _key=key, **kwargs):
            counted[_key] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(where, name, counting, raising=False)
    real_relation = NetworkTally._add_relation

    def adding(self, place, relation):
        counted["relations"] += 1
        return real_relation(self, place, relation)

    monkeypatch.setattr(NetworkTally, "_add_relation", adding)
    brushes = (*RANGES[1:], None, RANGES[1])  # again: nothing new to work out
    during = Counter()
    for date_range in brushes:
        before = dict(counted)
        tally.brush(date_range)
        during.update({k: counted[k] - before[k] for k in counted})
        same(tally, snap, date_range=date_range)  # (a fresh tally works them out: not counted)
    assert during["chains"] == 0 and during["dates"] == 0
    if afresh:  # a tally afresh adds up the relations of the articles in range only
        assert during["relations"] < len(brushes) * len(tally.relations)


@pytest.mark.parametrize(
    "weights", [(1.0, 2.0, 3.0), (0.1, 0.2, 0.7), (1.0, 0.3, 0.1, 0.7, 2.0, 0.3, 0.7, 0.1)]
)
def test_a_brush_sums_relation_weights_as_a_fresh_tally(case, weights):
    """A brush keeps each edge's relation weights summed as articles come and go; weights
    that are not whole numbers (0.1 + 0.2 + 0.7 depends on the order) are summed again in
    the table's order, so the edge weighs exactly what a fresh tally gives, also once the
    fractions have left and whole numbers remain (1 + 0.1 - 0.1 is not 1)."""
    for n in range(8):
        extraction = copy(n)
        relations = tuple(
            dataclasses.replace(r, weight=weights[n % len(weights)]) for r in extraction.relations
        )
        case.add_extraction(dataclasses.replace(extraction, relations=relations))
    snap = CaseSnapshot(case)
    tally = NetworkTally(snap)
    for date_range in (RANGES[1], RANGES[3], None, RANGES[1], RANGES[2], None, RANGES[3]):
        tally.brush(date_range)
        same(tally, snap, date_range=date_range)
        fresh = NetworkTally(snap, date_range=date_range).data()
        assert {(e.source, e.target, e.kind): e.weight for e in tally.data().edges} == {
            (e.source, e.target, e.kind): e.weight for e in fresh.edges
        }


def test_relations_of_whole_int_weights_are_tallied(case):
    """A relation's weight may be an int (1, not 1.0: a record built in Python), and
    `int.is_integer` exists only from Python 3.12: the tally asks it of a float, when a
    relation is added, brushed in or out, and taken back by a carried edit."""
    snap = CaseSnapshot(case)
    relations = snap.relations()
    assert relations, "the story case has relations"
    snap._relations = [dataclasses.replace(r, weight=int(r.weight)) for r in relations]
    floats = CaseSnapshot(case)
    tally = NetworkTally(snap)
    same(tally, floats)
    for date_range in (("2016-10-17", "2016-10-17"), ("2016-11", "2016-11"), None):
        tally.brush(date_range)  # relations taken out and put back
        same(tally, floats, date_range=date_range)
    case.merge_actors(actor_id(case, "AFP"), relations[0].target)  # a relation moves
    later = read_after(case, snap, carried=True)  # its int share taken back
    assert tally.carry(later)
    same(tally, later)
