"""After an edit the app reads again what the edit changed, not the whole case: the audit
row lists the rows it changed, the snapshot keeps every other table from the last read."""

from __future__ import annotations

import pytest

from workbench import Case
from workbench.analysis import CaseSnapshot
from workbench.views import Workbench
from workbench.views.changes import changes_since

pytestmark = pytest.mark.slow  # the real spaCy model extracts the seed article

TABLES = ("articles", "actors", "claims", "events", "relations", "links", "notes")


@pytest.fixture
def app(seed_case):
    app = Workbench(seed_case, watch=False)
    for table in TABLES:  # every table read, as the tabs that list them read them
        getattr(app.ctx.snapshot, table)()
    yield app
    app.close()


def tables_of(snapshot) -> dict[str, object]:
    return {t: getattr(snapshot, f"_{t}") for t in TABLES}


def test_a_claim_edit_reads_that_claim_and_keeps_the_rest(app):
    before = tables_of(app.ctx.snapshot)
    assert before["claims"] is not None and before["actors"] is not None
    claim = app.case.claims()[3]
    app.case.set_claim_status(claim.id, "disputed", note="checked")
    app._edited("set", None)
    after = tables_of(app.ctx.snapshot)
    for table in ("articles", "actors", "events", "relations", "links"):
        assert after[table] is before[table], table  # the same read, not read again
    assert after["notes"] is not before["notes"]  # a note was added: read again
    assert [c.id for c in after["claims"]] == [c.id for c in before["claims"]]
    changed = {c.id: c for c in after["claims"]}[claim.id]
    assert changed.status.value == "disputed"
    assert "disputed</td><td>1" in app.panel("Summary").numbers.value


def test_a_merge_reads_the_tables_it_touched(app):
    before = tables_of(app.ctx.snapshot)
    actors = sorted(app.case.actors(), key=lambda a: a.mention_count)
    app.case.merge_actors(actors[-1].id, [actors[0].id])
    app._edited("merged", None)
    after = tables_of(app.ctx.snapshot)
    assert after["claims"] is before["claims"] and after["links"] is before["links"]
    assert after["actors"] is not before["actors"]
    assert actors[0].id not in {a.id for a in app.ctx.snapshot.actors()}
    # undo reverts the same rows: they are read again too
    app.case.undo()
    app._edited("undone", None)
    assert actors[0].id in {a.id for a in app.ctx.snapshot.actors()}


def test_an_added_article_reads_its_own_records(app, samples_dir):
    before = tables_of(app.ctx.snapshot)
    marker = app.watcher.marker
    app.case.add_article(samples_dir / "iran-admits-downing-ukrainian-jet.txt")
    changes = changes_since(app.case, marker, app.watcher.latest())
    assert changes is not None and not changes.tables  # not the whole case: its records
    app._edited("added", None)
    snap = app.ctx.snapshot
    assert len(snap.articles()) == 2
    whole = CaseSnapshot(app.case)
    for table in TABLES:
        read = getattr(snap, table)
        kwargs = {"include_rejected": True} if table == "claims" else {}
        assert list(read(**kwargs)) == list(getattr(whole, table)(**kwargs)), table
    # the first article's claims are the very records read before
    kept = {b.id for b in before["claims"]}
    first = [c for c in snap.claims(include_rejected=True) if c.id in kept]
    assert len(first) == len(before["claims"])
    assert all(a is b for a, b in zip(first, before["claims"], strict=True))


def test_a_change_made_elsewhere_is_read_in_place_too(app):
    before = tables_of(app.ctx.snapshot)
    actor = next(a for a in app.case.actors() if a.type.value == "person")
    with Case.open(app.case.path) as other:
        other.update_actor(actor.id, name="Renamed Elsewhere")
    assert app.watcher.check()
    after = tables_of(app.ctx.snapshot)
    assert after["claims"] is before["claims"]
    assert {a.id: a.name for a in after["actors"]}[actor.id] == "Renamed Elsewhere"
