"""The snapshot's index of claims by the actors they name and by article
(`CaseSnapshot.claims_naming`, `claims_of_articles`): carried from read to read with only
the claims an edit changed moved, it answers as the claims themselves do, after any
sequence of edits. A hand-built case: no model."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from test_snapshot_carry import EDITS, article, edit, tables

from workbench.analysis import CaseSnapshot
from workbench.case import CaseFile
from workbench.views.changes import changes_since


def naming(snap: CaseSnapshot) -> dict[str, set[str]]:
    """Each actor's claims, by a pass over every claim (what the index must answer)."""
    found: dict[str, set[str]] = {}
    for claim in snap.claims(include_rejected=True):
        for actor_id in {claim.speaker, *claim.channels} - {None, ""}:
            found.setdefault(actor_id, set()).add(claim.id)
    return found


def answers(snap: CaseSnapshot, actor_ids, article_ids) -> tuple:
    return (
        {a: snap.claims_naming([a]) for a in actor_ids},
        {a: snap.claims_of_articles([a]) for a in article_ids},
    )


@settings(
    max_examples=30,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edits=EDITS)
def test_a_carried_index_answers_as_the_claims_do(edits):
    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "index.case")
        try:
            for n in range(3):
                case.add_extraction(article(n))
            added: list[int] = []
            snap = CaseSnapshot(case)
            tables(snap)
            snap.claims_naming(())  # the index made once, then only carried
            marker = case.history(limit=1)[0].id
            for name, k in edits:
                edit(case, name, k, added)
                now = case.history(limit=1)[0].id
                changes = changes_since(case, marker, now)
                assert changes is not None, name
                carried = CaseSnapshot(case)
                carried.carry(snap, changes.unchanged, deltas=changes.deltas)
                if "claims" not in carried.reread:
                    # carried, not made again from the whole list
                    assert carried._claim_index is not None, name
                truth = naming(carried)
                articles = {c.article_id for c in carried.claims(include_rejected=True)}
                # every actor ever named, and every article ever held: a claim gone from
                # one must be gone from the index too
                actors = truth.keys() | {a.id for a in case.actors()} | {"nobody"}
                articles |= {a.id for a in snap.articles()}
                got = answers(carried, actors, articles)
                fresh = CaseSnapshot(case)
                assert got == answers(fresh, actors, articles), (name, k)
                assert got[0] == {a: truth.get(a, set()) for a in actors}, (name, k)
                snap, marker = carried, now
        finally:
            case.close()


def test_the_index_is_shared_when_the_claims_did_not_change():
    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "same.case")
        try:
            for n in range(2):
                case.add_extraction(article(n))
            snap = CaseSnapshot(case)
            tables(snap)
            someone = next(c.speaker for c in case.claims() if c.speaker)
            before = snap.claims_naming([someone])
            marker = case.history(limit=1)[0].id
            claim = case.claims()[0]
            case.set_claim_status(claim.id, "disputed", note="checked")  # no actor moves
            changes = changes_since(case, marker, case.history(limit=1)[0].id)
            assert changes is not None
            carried = CaseSnapshot(case)
            carried.carry(snap, changes.unchanged, deltas=changes.deltas)
            assert carried.claims_naming([someone]) == before
            # the sets of the actors the edit did not move are the older index's own
            untouched = {c.speaker for c in case.claims() if c.speaker} - {claim.speaker}
            for actor_id in untouched:
                assert (
                    carried._claim_index.by_actor[actor_id] is snap._claim_index.by_actor[actor_id]
                )
        finally:
            case.close()


def test_a_carried_app_read_keeps_the_heads_of_the_articles_left_as_they_were():
    from workbench.views.app_read import AppSnapshot

    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "heads.case")
        try:
            for n in range(3):
                case.add_extraction(article(n))
            snap = AppSnapshot(case)
            snap.articles()
            heads = snap.article_heads()
            marker = case.history(limit=1)[0].id
            case.add_extraction(article(5))
            changes = changes_since(case, marker, case.history(limit=1)[0].id)
            assert changes is not None
            carried = AppSnapshot(case)
            carried.carry(snap, changes.unchanged, deltas=changes.deltas)
            now = carried.article_heads()
            assert now == AppSnapshot(case).article_heads()  # as a fresh read has them
            assert all(a is b for a, b in zip(now[:3], heads, strict=True))  # not made again
        finally:
            case.close()
