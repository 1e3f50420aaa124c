"""A merge reads the merged actor's claims, relations and links, and removing the actor
checks every foreign key naming it: each by an index (format 10), on both back ends, not
a scan of the whole table (25 ms a merge on a server at 1,000 articles, growing with the
case)."""

from __future__ import annotations

import pytest

from workbench import Case
from workbench.case.postgres import Connection

# the columns naming an actor, as a merge reads them (`edits.merge_actors`)
LOOKUPS = (
    ("claims", "speaker"),
    ("relations", "source"),
    ("relations", "target"),
    ("links", "actor_id"),
    ("mentions", "actor_id"),
    ("aliases", "actor_id"),
)


def _plan(case: Case, table: str, column: str) -> str:
    store = case._store
    sql = f"SELECT id FROM {table} WHERE {column} = ?"
    if table == "aliases":
        sql = "SELECT norm FROM aliases WHERE actor_id = ?"
    if isinstance(store.db, Connection):
        # tiny tables are cheaper to scan: the planner is told not to, so that only a
        # missing index leaves a scan (psycopg's own connection: EXPLAIN as it is)
        server = store.db._db
        with server.transaction():
            server.execute("SET LOCAL enable_seqscan = off")
            rows = server.execute(f"EXPLAIN {sql.replace('?', '%s')}", ("A1",)).fetchall()
        return " ".join(str(r[0]) for r in rows)
    return " ".join(str(r[-1]) for r in store.rows(f"EXPLAIN QUERY PLAN {sql}", ("A1",)))


@pytest.mark.parametrize(("table", "column"), LOOKUPS)
def test_an_actors_rows_are_found_by_an_index(story: Case, table: str, column: str) -> None:
    plan = _plan(story, table, column)
    # SQLite: "SEARCH t USING INDEX i" (not "SCAN t"); PostgreSQL: an index or bitmap scan
    assert "index" in plan.lower() and "seq scan" not in plan.lower(), plan
    assert not plan.startswith("SCAN"), plan


def test_a_merge_still_moves_everything(story: Case) -> None:
    """The indexes change no result: a merge moves the claims, relations and links."""
    keep, other = story.actors()[0], story.actors()[2]
    link = story.link_source(story.claims()[0].id, other.id)
    story.merge_actors(keep.id, other.id)
    assert story.links(story.claims()[0].id)[0].actor_id == keep.id
    assert all(c.speaker != other.id for c in story.claims())
    assert all(other.id not in (r.source, r.target) for r in story.relations())
    story.undo()
    assert story.links(story.claims()[0].id)[0] == link
