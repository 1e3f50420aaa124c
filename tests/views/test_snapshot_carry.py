"""A snapshot carried over an edit (`CaseSnapshot.carry` with `changes_since`'s deltas)
holds exactly what a fresh read of the case holds, after any sequence of edits: actor
merges, renames, retypes, rejections, an alias split off, articles added and removed,
claim edits, undo. And it reads only what changed: the tables an edit did not touch are
the older read's very lists. A hand-built case: no model."""

from __future__ import annotations

import contextlib
import dataclasses
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from test_claims_incremental import extraction

from workbench.analysis import CaseSnapshot, CaseView
from workbench.case import CaseFile
from workbench.errors import CaseError
from workbench.views.changes import changes_since

TABLES = ("articles", "actors", "claims", "events", "relations", "links", "notes")


def article(n: int):
    """Article `n`: the same story in other words' place (a distinct text: added anew)."""
    found = extraction(n)
    text = found.article.text + " " * (n + 1)  # after every mark: the offsets hold
    return dataclasses.replace(found, article=dataclasses.replace(found.article, text=text))


def tables(snap: CaseSnapshot) -> dict[str, list]:
    got: dict[str, list] = {
        t: list(getattr(snap, t)(**({"include_rejected": True} if t == "claims" else {})))
        for t in TABLES
    }
    got["mentions"] = [list(snap.mentions(article_id=a.id)) for a in snap.articles()]
    return got


def view_of(snap: CaseSnapshot) -> tuple:
    view = CaseView.of(snap)
    return (
        view.articles,
        view.actors,
        view.claims,
        dict(view.links),
        dict(view.notes),
        view.all_actors,
        view.relations,
        view.events,
    )


def edit(case, name: str, k: int, added: list[int]) -> None:
    with contextlib.suppress(CaseError):  # refused (nothing to undo, one actor left)
        actors = case.actors()
        actor, other = actors[k % len(actors)], actors[(k + 1) % len(actors)]
        claims = case.claims(include_rejected=True)
        claim = claims[k % len(claims)] if claims else None
        if name == "merge":
            case.merge_actors(actor.id, [other.id])
        elif name == "merge two":
            case.merge_actors(actor.id, [a.id for a in actors if a.id != actor.id][:2])
        elif name == "rename":
            case.update_actor(actor.id, name=f"{actor.name} {k}")
        elif name == "retype":
            case.update_actor(actor.id, type=("media", "person")[k % 2])
        elif name == "reject actor":
            case.update_actors([actor.id, other.id], status="rejected")
        elif name == "split":
            aliases = [a for a in actor.aliases if a != actor.name]
            if aliases:
                case.split_alias(actor.id, aliases[0])
        elif name == "add article":
            added.append(len(added) + 10)
            case.add_extraction(article(added[-1]))
        elif name == "remove article":
            articles = case.articles()
            if len(articles) > 1:
                case.remove_article(articles[k % len(articles)].id)
        elif name == "speaker" and claim is not None:
            case.update_claim(claim.id, speaker=actor.id)
        elif name == "status" and claim is not None:
            case.set_claim_status(claim.id, "disputed", note=f"n{k}")
        elif name == "link" and claim is not None:
            case.link_source(claim.id, actor.id, relation="corroborates")
        elif name == "undo" and case.history(limit=1):
            case.undo()


EDITS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "merge",
                "merge two",
                "rename",
                "retype",
                "reject actor",
                "split",
                "add article",
                "remove article",
                "speaker",
                "status",
                "link",
                "undo",
                "undo",
            ]
        ),
        st.integers(0, 40),
    ),
    min_size=1,
    max_size=10,
)


@settings(
    max_examples=40,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edits=EDITS)
# an added article removes an actor it resolved to and left unused (the split-off name's
# old actor): the log does not name it
@example(edits=[("split", 32), ("add article", 13)])
# merged actors put back by an undo, each after the other: at their old places
@example(edits=[("merge two", 0), ("undo", 0), ("remove article", 0), ("undo", 0)])
def test_a_carried_snapshot_is_a_fresh_read(edits):
    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "carry.case")
        try:
            for n in range(3):
                case.add_extraction(article(n))
            added: list[int] = []
            snap = CaseSnapshot(case)
            tables(snap)  # every table read, as an app showing every panel has
            view_of(snap)
            marker = case.history(limit=1)[0].id
            for name, k in edits:
                edit(case, name, k, added)
                now = case.history(limit=1)[0].id
                changes = changes_since(case, marker, now)
                assert changes is not None, name  # every edit here is known: no whole read
                carried = CaseSnapshot(case)
                carried.carry(snap, changes.unchanged, deltas=changes.deltas)
                kept = {t for t in TABLES if t not in carried.reread}
                fresh = CaseSnapshot(case)
                assert tables(carried) == tables(fresh), (name, k)
                # the indexed view, made from the older view's parts the edit left alone
                assert view_of(carried) == view_of(fresh), (name, k)
                for table in kept - carried.changed.keys():
                    # not touched: the older read's very list, not read again
                    assert getattr(carried, f"_{table}") is getattr(snap, f"_{table}"), table
                snap, marker = carried, now
        finally:
            case.close()


def test_a_merge_reads_the_merged_actors_and_their_claims_only():
    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "merge.case")
        try:
            for n in range(3):
                case.add_extraction(article(n))
            snap = CaseSnapshot(case)
            tables(snap)
            marker = case.history(limit=1)[0].id
            saudi = next(a for a in case.actors() if a.name == "Saudi Arabia")
            afp = next(a for a in case.actors() if a.name == "AFP")
            case.merge_actors(afp.id, [saudi.id])
            changes = changes_since(case, marker, case.history(limit=1)[0].id)
            assert changes is not None and not changes.tables
            carried = CaseSnapshot(case)
            carried.carry(snap, changes.unchanged, deltas=changes.deltas)
            assert carried.reread == frozenset()
            assert carried.removed["actors"] == {saudi.id}
            said = {c.id for c in case.claims() if c.speaker == afp.id}
            assert said and carried.changed["claims"] == said  # the speaker column's claims
            unchanged = [c for c in carried.claims() if c.id not in said]
            before = {c.id: c for c in snap.claims()}
            assert all(c is before[c.id] for c in unchanged)  # the very records, not re-read
        finally:
            case.close()
