"""`changes_since` after a colleague's edits (another `Case` object: their row changes come
from the audit log) reads those audit rows together, not one query each: on a server each
query is a round trip, and a redraw after N edits made N + 1 of them. Both back ends."""

from __future__ import annotations

import pytest
from analysis_builders import visit_extraction

from workbench import Case
from workbench.views import changes as changes_module
from workbench.views.changes import changes_since


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def location(request: pytest.FixtureRequest, tmp_path):
    if request.param == "sqlite":
        return tmp_path / "team.case"
    return request.getfixturevalue("postgres_server").url()


def audit_queries(case: Case, monkeypatch: pytest.MonkeyPatch, after_id: int, until_id: int):
    """What `changes_since` found, and the statements it sent that read the audit log."""
    store = case._store
    sent: list[str] = []
    rows, row = store.rows, store.row

    def counted_rows(sql, params=()):
        sent.append(sql)
        return rows(sql, params)

    def counted_row(sql, params=()):
        sent.append(sql)
        return row(sql, params)

    monkeypatch.setattr(store, "rows", counted_rows)
    monkeypatch.setattr(store, "row", counted_row)
    try:
        found = changes_since(case, after_id, until_id)
    finally:
        monkeypatch.undo()
    return found, [s for s in sent if "FROM audit" in s]


def test_a_colleagues_edits_are_read_in_one_query(location, monkeypatch):
    with Case.open(location) as mine, Case.open(location) as theirs:
        theirs.add_extraction(visit_extraction())
        drawn = mine.history(limit=1)[0].id
        claims = theirs.claims()
        statuses = ("disputed", "corroborated")
        for n in range(12):
            theirs.set_claim_status(claims[n % len(claims)].id, statuses[n % 2])
        theirs.undo()  # an undo brings the changes of the row it undid
        newest = mine.history(limit=1)[0].id
        found, queries = audit_queries(mine, monkeypatch, drawn, newest)
        assert found is not None and set(found.deltas["claims"].ids) == {c.id for c in claims}
        # the log's rows after the drawing, then their changes: two queries, whatever N
        assert len(queries) == 2, queries


def test_past_a_batch_the_changes_are_read_in_batches(location, monkeypatch):
    monkeypatch.setattr(changes_module, "AUDIT_BATCH", 4)
    with Case.open(location) as mine, Case.open(location) as theirs:
        theirs.add_extraction(visit_extraction())
        drawn = mine.history(limit=1)[0].id
        claim = theirs.claims()[0]
        for n in range(9):
            theirs.set_claim_status(claim.id, ("disputed", "corroborated")[n % 2])
        newest = mine.history(limit=1)[0].id
        found, queries = audit_queries(mine, monkeypatch, drawn, newest)
        assert found is not None and list(found.deltas["claims"].ids) == [claim.id]
        assert len(queries) == 1 + 3, queries  # 9 rows in batches of 4
