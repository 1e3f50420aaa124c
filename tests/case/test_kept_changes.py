"""A kept result after a change (`workbench/case/touched.py`): each result is kept by the
count at which what it reads last changed, so an edit of anything else leaves it valid,
and every result read after any kind of edit equals one worked out afresh from the rows.
Both back ends; in the same session (held in memory) and in the next (kept in the case).
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from case_builders import actor_named, first_extraction, fresh_results, second_extraction

from workbench import Case, workflow
from workbench.analysis import corroborate_claims, similar_claims
from workbench.case import reads, touched

LOAD_ACTORS = reads.load_actors


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many times each result was worked out from the case's rows."""
    calls = {"actors": 0, "corroboration": 0, "similar": 0}

    def corroborate(*args, **kwargs):
        calls["corroboration"] += 1
        return corroborate_claims(*args, **kwargs)

    def similar(*args, **kwargs):
        calls["similar"] += 1
        return similar_claims(*args, **kwargs)

    def actors(store, *, actor_id=None):
        if actor_id is None:
            calls["actors"] += 1
        return LOAD_ACTORS(store, actor_id=actor_id)

    monkeypatch.setattr(workflow, "corroborate_claims", corroborate)
    monkeypatch.setattr(workflow, "similar_claims", similar)
    monkeypatch.setattr(reads, "load_actors", actors)
    return calls


def looked_at(case: Case) -> dict[str, object]:
    found = {
        "actors": case.actors(),
        "corroboration": case.corroboration(),
        "similar": case.similar_claims(threshold=0.0, per_claim=None),
    }
    case._store.settle()  # kept in the case after being handed back: written by now
    return found


fresh = fresh_results  # each result worked out afresh (case_builders)


def _claim(case: Case, words: str) -> str:
    return next(c.id for c in case.claims() if words in c.text)


# each kind of edit, and the results not worked out again after it: those it cannot
# change (left valid), and the actor listing and corroboration (brought up to date from
# the rows the edit wrote, in the session that made it)
EDITS: dict[str, tuple[Callable[[Case], object], set[str]]] = {
    "actor status": (
        lambda c: c.update_actor(actor_named(c, "AFP").id, status="confirmed"),
        {"similar", "actors", "corroboration"},
    ),
    "actor name": (
        lambda c: c.update_actor(actor_named(c, "AFP").id, name="Agence France-Presse"),
        {"similar", "actors", "corroboration"},
    ),
    "claim status": (
        lambda c: c.set_claim_status(_claim(c, "political stances"), "corroborated"),
        {"actors", "similar", "corroboration"},
    ),
    "claim rejected": (
        lambda c: c.reject_claim(_claim(c, "their political stances")),
        {"actors", "similar", "corroboration"},
    ),
    "claim reworded": (
        lambda c: c.update_claim(
            _claim(c, "their political stances"), text="Rain fell on Cairo all day long"
        ),
        {"actors", "similar", "corroboration"},
    ),
    "claim span": (
        lambda c: c.update_claim(_claim(c, "their political stances"), start=0, end=40),
        {"actors", "similar", "corroboration"},
    ),
    "link": (
        lambda c: c.link_source(
            _claim(c, "their political stances"), actor_named(c, "AFP").id, relation="corroborates"
        ),
        {"actors", "similar", "corroboration"},
    ),
    "merge": (
        lambda c: c.merge_actors(actor_named(c, "SANA").id, actor_named(c, "AFP").id),
        {"actors", "similar", "corroboration"},
    ),
    "split": (
        lambda c: c.split_alias(actor_named(c, "Ali Mamlouk").id, "Mamluk"),
        {"actors", "similar", "corroboration"},
    ),
    "added article": (
        lambda c: c.add_extraction(second_extraction()),
        {"similar", "actors", "corroboration"},
    ),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_after_each_kind_of_edit_results_equal_fresh_ones(
    story: Case, case_path: Path | str, counted: dict[str, int], edit: str
) -> None:
    change, unchanged = EDITS[edit]
    if edit == "added article":
        story.remove_article(story.articles()[-1].id)
    looked_at(story)
    before = dict(counted)
    change(story)
    # in this session: what the edit cannot change is not worked out again
    after = looked_at(story)
    assert after == fresh(story)
    for name in unchanged:
        assert counted[name] == before[name], name
    # the next session reads what this one kept
    kept = dict(counted)
    with Case.open(case_path) as again:
        assert looked_at(again) == fresh(again)
        assert counted == kept
    # undone, the results are those of before the edit, and equal fresh ones again
    if edit == "added article":  # not undone: removed
        story.remove_article(story.articles()[-1].id)
    else:
        story.undo()
    assert looked_at(story) == fresh(story)
    for name in unchanged:
        assert counted[name] == before[name], name


def _unnoted_change(case_path: Path | str) -> None:
    """A change counted as a migration step or an older release counts it: `changes`
    moves, what it touched is not noted."""
    with Case.open(case_path) as other, other._store.lock:
        db = other._store.db
        db.execute("BEGIN")
        # every result differs: a pair of similar claims is gone, an actor renamed
        db.execute(
            "UPDATE claims SET text = 'Rain fell on Cairo' WHERE text LIKE '%their political%'"
        )
        db.execute("UPDATE actors SET name = 'Agence France-Presse' WHERE name = 'AFP'")
        db.execute("UPDATE counters SET value = value + 1 WHERE name = 'changes'")
        db.execute("COMMIT")


def test_a_change_counted_without_noting_what_it_touched_computes_everything(
    story: Case, case_path: Path | str, counted: dict[str, int]
) -> None:
    looked_at(story)
    _unnoted_change(case_path)
    assert looked_at(story) == fresh(story)
    assert counted == {"actors": 2, "corroboration": 2, "similar": 2}


def test_the_next_noted_change_does_not_forget_an_unnoted_one(
    story: Case, case_path: Path | str
) -> None:
    sana = actor_named(story, "SANA").id
    looked_at(story)
    _unnoted_change(case_path)
    story.update_actor(sana, status="confirmed")  # nothing looked at in between
    assert looked_at(story) == fresh(story)
    with Case.open(case_path) as again:
        assert looked_at(again) == fresh(again)


def test_a_write_that_cannot_be_attributed_moves_every_stamp(story: Case) -> None:
    store = story._store
    before = {d: store.stamp(d) for d in (touched.ACTORS_READ, touched.SIMILAR_READ)}
    with store.write("test") as tx:
        tx.execute("WITH x AS (SELECT 1) UPDATE claims SET text = text WHERE 1 = 0")
    after = {d: store.stamp(d) for d in before}
    assert all(after[d] != before[d] for d in before)


def test_a_commit_gives_each_counter_it_names_the_same_new_count(story: Case) -> None:
    store = story._store
    with store.lock:
        changes = int(
            store.db.execute("SELECT value FROM counters WHERE name = 'changes'").fetchone()[0]
        )
    story.set_claim_status(_claim(story, "political stances"), "corroborated")
    rows = dict(store.rows("SELECT name, value FROM counters WHERE name LIKE 'changes%'"))
    assert rows["changes"] == changes + 1
    assert rows["changes:tracked"] == changes + 1
    assert rows["changes:table:claims"] == changes + 1
    assert rows["changes:col:claims.status"] == changes + 1
    assert "changes:col:claims.text" not in rows or rows["changes:col:claims.text"] <= changes


@pytest.mark.parametrize(
    ("sql", "wrote"),
    [
        ("SELECT * FROM claims", None),
        ("PRAGMA table_info(claims)", None),
        ('INSERT INTO "claims" (id) VALUES (?)', "claims"),
        ("insert or replace into links(id) values (?)", "links"),
        ("UPDATE mentions SET actor_id = ? WHERE actor_id = ?", "mentions"),
        ("DELETE FROM aliases WHERE actor_id = ?", "aliases"),
        ("WITH x AS (SELECT 1) DELETE FROM claims", "?"),
        ("PRAGMA foreign_keys = OFF", "?"),
        ("CREATE TABLE t (a)", "?"),
    ],
)
def test_statements_are_attributed_to_the_table_they_write(sql: str, wrote: str | None) -> None:
    found = touched.Touched()
    found.statement(sql)
    if wrote is None:
        assert not found.tables and not found.unknown
    elif wrote == "?":
        assert found.unknown
    else:
        assert found.rows == {wrote} and not found.unknown


def _tables_read(store, read: Callable[[], object]) -> set[str]:
    """The tables the statements `read` runs name (SQLite: traced)."""
    seen: list[str] = []
    store.db.set_trace_callback(seen.append)
    try:
        read()
    finally:
        store.db.set_trace_callback(None)
    return {t for sql in seen for t in re.findall(r"(?:FROM|JOIN)\s+\"?(\w+)", sql, re.I)}


def test_each_result_reads_only_what_it_declares(story: Case, backend: str) -> None:
    """A reader that starts reading another table must declare it (`touched.*_READ`),
    or an edit of that table would leave its kept result stale."""
    if backend != "sqlite":
        pytest.skip("traced through SQLite's own connection")
    store = story._store
    assert isinstance(store.db, sqlite3.Connection)
    declared = {
        "actors": {t for t, _ in touched.ACTORS_READ},
        "similar": {t for t, _ in touched.SIMILAR_READ},
        "corroboration": {t for t, _ in touched.CORROBORATION_READ},
    }
    # corroboration as `Case.corroboration` works it out, nothing kept
    computed = pytest.MonkeyPatch()
    computed.setattr(store, "derived", lambda _name, compute, *_args: compute())
    reads_of = {
        "actors": lambda: LOAD_ACTORS(store),
        "similar": story.claim_words,
        "corroboration": story.corroboration,
    }
    try:
        for name, read in reads_of.items():
            assert _tables_read(store, read) <= declared[name], name
        # corroboration's claims and articles: only the columns it declares
        seen: list[str] = []
        store.db.set_trace_callback(seen.append)
        try:
            story.corroboration()
        finally:
            store.db.set_trace_callback(None)
    finally:
        computed.undo()
    columns = dict(touched.CORROBORATION_READ)
    for table in ("claims", "articles"):
        pattern = rf"SELECT ([^()]*?) FROM {table}\b"
        selects = [m for sql in seen for m in re.findall(pattern, sql)]
        assert selects, table
        for select in selects:
            # "a.rowid": the rows' order, which rows there are (counted for every table)
            named = set(re.findall(r"\w+|\*", re.sub(r"\w+\.", "", select))) - {"rowid"}
            assert named <= set(columns[table] or ()), (table, select)


def test_a_result_is_handed_back_before_it_is_kept(story: Case, case_path: Path | str) -> None:
    """Encoding and writing a result (a quarter of computing a large one) happen after it
    is handed back, on the store's own thread; `close` waits for it."""
    from workbench.case import derived
    from workbench.case.records import CaseArticle

    records = derived.records_codec(CaseArticle)
    started, go_on = threading.Event(), threading.Event()

    def encode(articles: list[CaseArticle]) -> object:
        started.set()
        assert go_on.wait(60)
        return records.encode(articles)

    codec = derived.Codec(encode, records.decode)
    assert story._store.derived("dated", story.articles, codec) == story.articles()
    assert started.wait(60)  # handed back while it is being encoded
    with Case.open(case_path) as other:
        assert other._store.row("SELECT count(*) FROM derived WHERE kind = 'dated'")[0] == 0
    go_on.set()
    keeper = story._store._keeper
    story.close()
    assert keeper is not None and not keeper.is_alive()
    with Case.open(case_path) as other:
        assert other._store.row("SELECT count(*) FROM derived WHERE kind = 'dated'")[0] == 1


def test_closing_inside_a_snapshot_does_not_wait_for_the_keeper(story: Case) -> None:
    """The thread keeping a result waits for the store's lock; a close from inside a
    snapshot (which holds it) lets it give up rather than wait for each other."""
    from workbench.case import derived
    from workbench.case.records import CaseArticle

    story._store.derived("dated", story.articles, derived.records_codec(CaseArticle))
    with story._store.lock:  # as a snapshot holds it
        story._store.close()
    keeper = story._store._keeper
    assert keeper is None or not keeper.is_alive()


def test_a_listing_is_computed_again_when_a_write_does_not_tell_its_actor(story: Case) -> None:
    from workbench.case.kept_updates import update_actors

    listing = list(story.actors())
    told = touched.Touched()
    told.updated("mentions", ["review"], {"id": "M1"})  # its actor read from the row
    assert update_actors(story._store, listing, [told]) == listing
    for untold in (
        lambda t: t.updated("aliases", ["alias"], {"norm": "x"}),  # which actor: not told
        lambda t: t.statement("UPDATE mentions SET actor_id = ? WHERE actor_id = ?"),
        lambda t: t.statement("WITH x AS (SELECT 1) DELETE FROM actors"),
    ):
        entry = touched.Touched()
        untold(entry)
        assert update_actors(story._store, listing, [entry]) is None


def _gated_keeper(case: Case) -> tuple[threading.Event, threading.Thread]:
    """Start the keeper on a result whose encoding waits for the Event handed back: the
    keeper is then past taking its result and holds no lock."""
    from workbench.case import derived
    from workbench.case.records import CaseArticle

    records = derived.records_codec(CaseArticle)
    encoding, go_on = threading.Event(), threading.Event()

    def encode(articles: list[CaseArticle]) -> object:
        encoding.set()
        assert go_on.wait(60)
        return records.encode(articles)

    case._store.derived("dated", case.articles, derived.Codec(encode, records.decode))
    assert encoding.wait(60)
    keeper = case._store._keeper
    assert keeper is not None
    return go_on, keeper


def _ends(work: Callable[[], None]) -> bool:
    """Whether `work`, run in a thread of its own, ends: a deadlock fails the test rather
    than stick the suite (the stuck thread is a daemon)."""
    done, failed = threading.Event(), []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - raised again in the test's thread
            failed.append(exc)
        done.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=60)
    if failed:
        raise failed[0]
    return done.is_set()


def _opened_story(case_path: Path | str) -> Case:
    # opened here, not by the `story` fixture: after a deadlock its closing would hang
    case = Case.open(case_path)
    case.add_extraction(first_extraction())
    case.add_extraction(second_extraction())
    return case


def test_closing_inside_a_snapshot_while_the_keeper_encodes_ends(case_path: Path | str) -> None:
    """A close from inside a snapshot while the keeper encodes (no lock held): once
    encoded, the keeper must not wait for the lock the closing thread holds, nor the close
    for the keeper."""
    before = set(threading.enumerate())
    story = _opened_story(case_path)
    go_on, keeper = _gated_keeper(story)
    timer = threading.Timer(0.2, go_on.set)  # the keeper goes on while close() waits

    def close_inside_a_snapshot() -> None:
        with story._store.snapshot():
            timer.start()
            story._store.close()

    ended = _ends(close_inside_a_snapshot)
    go_on.set()
    assert ended, "close() inside a snapshot deadlocked with the keeper"
    assert story._store.closed
    keeper.join(timeout=60)
    timer.join(timeout=60)
    assert not [t for t in threading.enumerate() if t not in before and t.is_alive()]


def test_settling_inside_a_snapshot_does_not_wait_for_the_keeper(
    case_path: Path | str,
) -> None:
    """settle() from inside a snapshot while the keeper, encoded, waits for the lock the
    snapshot holds: it returns (the result is written once the snapshot ends)."""
    story = _opened_story(case_path)
    go_on, keeper = _gated_keeper(story)
    timer = threading.Timer(0.2, go_on.set)

    def settle_inside_a_snapshot() -> None:
        with story._store.snapshot():
            timer.start()
            timer.join()
            story._store.settle()

    ended = _ends(settle_inside_a_snapshot)
    go_on.set()
    assert ended, "settle() inside a snapshot deadlocked with the keeper"
    try:
        story._store.settle()  # outside the snapshot: written by now
        assert not keeper.is_alive()
        assert story._store.row("SELECT count(*) FROM derived WHERE kind = 'dated'")[0] == 1
    finally:
        story.close()


def test_the_listing_update_reads_touched_actors_in_a_few_queries(
    story: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The actors a write touched are read again together, not one query (a round trip on
    a server) each: touching every actor costs the queries touching one does."""
    from workbench.case.kept_updates import update_actors

    store = story._store
    listing = list(story.actors())
    assert len(listing) > 3
    queries = []
    rows = store.rows

    def counted_rows(sql, params=()):
        queries.append(sql)
        return rows(sql, params)

    monkeypatch.setattr(store, "rows", counted_rows)

    def queries_touching(actors: list) -> int:
        told = touched.Touched()
        for actor in actors:
            told.updated("actors", ["status"], {"id": actor.id})
        queries.clear()
        assert update_actors(store, listing, [told]) == listing
        return len(queries)

    assert queries_touching(listing) == queries_touching(listing[:1])
    monkeypatch.setattr(reads, "BY_ID_CHUNK", 2)  # several chunks: each actor read once
    assert queries_touching(listing) > queries_touching(listing[:2])


def test_an_added_article_tells_the_rows_it_writes(story: Case) -> None:
    """An added article's aliases, mentions and actors are written by statements of their
    own (`loading.py`, `resolve.py`); each tells its rows, so the actor listing and similar
    claims are brought up to date rather than worked out again."""
    story.remove_article(story.articles()[-1].id)
    story.add_extraction(second_extraction())
    entry = story._store._journal[-1]
    assert not entry.unknown
    assert not entry.whole & {"actors", "aliases", "mentions", "claims", "articles"}
    assert {"actors", "aliases", "mentions", "claims"} <= set(entry.ids)


def test_the_listing_update_after_an_added_article_runs_no_full_collection(
    story: Case,
) -> None:
    """The update after an added article is a burst of rows and records like the whole
    listing: the collector is held off while it is made and looks at its young objects
    once at the end (at 5,000 articles a full pass over the process ran inside it, 0.28
    of its 0.30 s of CPU)."""
    import gc
    import threading

    from workbench.case.kept_updates import update_actors

    story.remove_article(story.articles()[-1].id)
    listing = list(story.actors())
    story.add_extraction(second_extraction())
    entries = [story._store._journal[-1]]
    seen: list[int] = []
    this_thread = threading.get_ident()

    def note(phase: str, info: dict) -> None:
        # this thread's collections only: the store writes kept results from a thread of
        # its own, whose allocations set off collections of their own at these thresholds
        if phase == "start" and threading.get_ident() == this_thread:
            seen.append(info["generation"])

    thresholds = gc.get_threshold()
    gc.set_threshold(50, 1, 1)  # a collection, full ones too, every few objects
    gc.collect()  # counting from nothing
    gc.callbacks.append(note)
    try:
        updated = update_actors(story._store, listing, entries)
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*thresholds)
    assert updated == reads.load_actors(story._store)
    assert seen == [1]  # `collector_held`'s own look at the burst's young objects


def test_an_article_extracted_again_updates_the_listing(
    story: Case, counted: dict[str, int]
) -> None:
    """Re-extraction of one article: its old mentions are removed by one statement that
    tells them, an actor it no longer names is dropped; the listing is brought up to date
    and equals a fresh one."""
    looked_at(story)
    before = dict(counted)
    extraction = second_extraction()
    fewer = tuple(a for a in extraction.actors if a.name != "Abdel Fattah el-Sisi")
    story.apply_reextraction([dataclasses.replace(extraction, actors=fewer, relations=())])
    assert looked_at(story) == fresh(story)
    assert "Abdel Fattah el-Sisi" not in {a.name for a in story.actors()}
    assert counted["actors"] == before["actors"]


def test_a_statement_that_tells_its_rows_notes_them() -> None:
    told = touched.Touched()
    told.statement(
        "DELETE FROM mentions WHERE article_id = ?", [{"id": "M1", "actor_id": "A1", "text": "x"}]
    )
    assert told.ids == {"mentions": [{"id": "M1", "actor_id": "A1"}]}
    assert not told.whole and not told.unknown
    assert "changes:rows:mentions" in told.names()  # stamps move as for any write
    none = touched.Touched()
    none.statement("DELETE FROM mentions WHERE article_id = ?", [])  # no rows at all
    assert none.ids == {"mentions": []} and not none.whole
    untold = touched.Touched()
    untold.statement("DELETE FROM mentions WHERE article_id = ?")
    assert untold.whole == {"mentions"}
