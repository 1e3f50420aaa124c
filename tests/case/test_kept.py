"""Derived results kept in the case itself (format 9, `workbench/case/derived.py`): the
first call after opening a case reads what an earlier session computed, while nothing has
changed since; any change (an edit, an undo, another connection's commit) makes the next
call compute again, and every result read back equals a fresh computation. Both back ends.
"""

from __future__ import annotations

import copy
import importlib.metadata
import json
import os
import zlib
from pathlib import Path
from typing import Any

import pytest
from case_builders import actor_named, fresh_results

from workbench import Case, workflow
from workbench.analysis import corroborate_claims, similar_claims
from workbench.case import derived, reads, signing
from workbench.case.dump import dump_tables
from workbench.case.records import CaseArticle

LOAD_ACTORS = reads.load_actors  # the listing from the rows, uncounted


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many times each result was worked out from the case's rows."""
    calls = {"actors": 0, "corroboration": 0, "similar": 0, "memo": 0}

    def corroborate(*args, **kwargs):
        calls["corroboration"] += 1
        return corroborate_claims(*args, **kwargs)

    def similar(*args, **kwargs):
        calls["similar"] += 1
        return similar_claims(*args, **kwargs)

    load_actors = reads.load_actors

    def actors(store, *, actor_id=None):
        if actor_id is None:
            calls["actors"] += 1
        return load_actors(store, actor_id=actor_id)

    from workbench.export import report

    gather = report.gather_memo

    def memo(*args, **kwargs):
        calls["memo"] += 1
        return gather(*args, **kwargs)

    monkeypatch.setattr(workflow, "corroborate_claims", corroborate)
    monkeypatch.setattr(workflow, "similar_claims", similar)
    monkeypatch.setattr(reads, "load_actors", actors)
    monkeypatch.setattr(report, "gather_memo", memo)
    return calls


fresh = fresh_results  # each result worked out afresh (case_builders)


def looked_at(case: Case, folder: Path) -> dict[str, object]:
    """What a person asks of a large case, through the API that keeps results."""
    found = {
        "actors": case.actors(),
        "corroboration": case.corroboration(),
        "similar": case.similar_claims(threshold=0.0, per_claim=None),
        "memo": case.export(folder / "memo.html").read_text(encoding="utf-8"),
    }
    case._store.settle()  # kept in the case after being handed back: written by now
    return found


def without_time(memo: object) -> str:
    """The memo without its 'Generated ...' line, the one part that is not the case's."""
    return "\n".join(line for line in str(memo).splitlines() if "Generated " not in line)


def test_the_first_call_after_opening_reads_what_was_kept(
    story: Case, case_path: Path | str, tmp_path: Path, counted: dict[str, int]
) -> None:
    first = looked_at(story, tmp_path)
    assert counted == {"actors": 1, "corroboration": 1, "similar": 1, "memo": 1}
    with Case.open(case_path) as again:
        kept = looked_at(again, tmp_path)
        assert counted == {"actors": 1, "corroboration": 1, "similar": 1, "memo": 1}
        assert {k: v for k, v in kept.items() if k != "memo"} == fresh(again)
    assert kept["actors"] == first["actors"] and kept["similar"] == first["similar"]
    assert without_time(kept["memo"]) == without_time(first["memo"])
    # the memo's own parts are filled in afresh: its title is the case's name
    assert f'Verification memo: <span dir="auto">{story.path.stem}</span>' in str(kept["memo"])


def test_an_edit_undo_or_other_connection_computes_again(
    story: Case, case_path: Path | str, tmp_path: Path, counted: dict[str, int]
) -> None:
    before = looked_at(story, tmp_path)
    claim = next(c for c in story.claims() if "their political stances" in c.text)
    afp = actor_named(story, "AFP")
    with Case.open(case_path) as other:  # another session: only what is in the case
        other.link_source(claim.id, afp.id, relation="contradicts")
        other.update_actor(afp.id, name="Agence France-Presse")
        with Case.open(case_path) as reopened:
            after = looked_at(reopened, tmp_path)
            # similar claims read claims' texts only: a link and an actor's name leave them
            assert counted == {"actors": 2, "corroboration": 2, "similar": 1, "memo": 2}
            assert {k: v for k, v in after.items() if k != "memo"} == fresh(reopened)
        assert after["corroboration"] != before["corroboration"]
        assert "Agence France-Presse" in str(after["memo"])
        assert after["actors"] != before["actors"]
        other.undo()
        other.undo()
    with Case.open(case_path) as undone:
        back = looked_at(undone, tmp_path)
        assert counted == {"actors": 3, "corroboration": 3, "similar": 1, "memo": 3}
        assert {k: v for k, v in back.items() if k != "memo"} == fresh(undone)
    assert back["corroboration"] == before["corroboration"]
    assert back["actors"] == before["actors"]
    assert without_time(back["memo"]) == without_time(before["memo"])


def test_an_added_article_computes_again(
    case: Case, case_path: Path | str, tmp_path: Path, counted: dict[str, int]
) -> None:
    from case_builders import first_extraction, second_extraction

    case.add_extraction(first_extraction())
    one = looked_at(case, tmp_path)
    case.add_extraction(second_extraction())
    with Case.open(case_path) as reopened:
        two = looked_at(reopened, tmp_path)
        assert counted["corroboration"] == counted["actors"] == 2
        assert {k: v for k, v in two.items() if k != "memo"} == fresh(reopened)
    assert len(two["corroboration"]) > len(one["corroboration"])  # type: ignore[arg-type]


def test_other_code_or_arguments_compute_again(
    story: Case,
    case_path: Path | str,
    tmp_path: Path,
    counted: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looked_at(story, tmp_path)
    with Case.open(case_path) as again:
        again.similar_claims(threshold=0.5)  # another threshold than was kept
        assert counted["similar"] == 2
    # a release (or a word list) that computes differently never reads the old results
    monkeypatch.setattr(derived, "code_digest", lambda: "another release")
    with Case.open(case_path) as other_code:
        assert other_code.corroboration() == fresh(other_code)["corroboration"]
        other_code.actors()
        assert counted["corroboration"] == counted["actors"] == 2


def kept_data(case: Case, kind: str) -> Any:
    """The JSON value kept for `kind`, read as it is in the case (once written)."""
    case._store.settle()
    row = case._store.db.execute("SELECT payload FROM derived WHERE kind = ?", (kind,)).fetchone()
    return json.loads(zlib.decompress(bytes(row[0])))


def put_payload(case: Case, kind: str, payload: bytes, *, signed: bool = True) -> None:
    """Write `payload` over `kind`'s kept one, its keys left as they were and signed under
    this user's key (unless not `signed`): only the decoding can refuse it."""
    case._store.settle()
    secret = signing.key()
    assert secret is not None
    row = case._store.db.execute(
        "SELECT signer, name, stamp, code, signature FROM derived WHERE kind = ?", (kind,)
    ).fetchone()
    head = derived._head(kind, row[0], row[1], row[2], row[3])
    signature = signing.sign(secret, head, payload) if signed else row[4]
    with case._store.lock:
        case._store.keep_derived(
            "UPDATE derived SET payload = ?, signature = ? WHERE kind = ?",
            (payload, signature, kind),
        )


def put_data(case: Case, kind: str, data: Any) -> None:
    put_payload(case, kind, zlib.compress(json.dumps(data).encode()))


def hostile_corroboration(good: dict[str, Any]) -> list[tuple[str, Any]]:
    """Kept corroboration payloads a damaged or crafted case may hold, from a good one."""
    fields = good["fields"]
    claim_at, sources_at = fields.index("claim_id"), fields.index("sources")

    def changed(at: int, value: Any) -> dict[str, Any]:
        data = copy.deepcopy(good)
        data["columns"][at][0] = value
        return data

    pool = copy.deepcopy(good)
    pool["pools"]["sources"][0]["state_media"] = "yes"
    return [
        ("not zlib", b"not zlib"),
        ("nested too deep", zlib.compress(b"[" * 100_000)),
        ("cut short", zlib.compress(json.dumps(good).encode())[:-8]),
        ("a dict as a claim id", changed(claim_at, {"id": "c1"})),
        ("a negative pool index", changed(sources_at, [-1])),
        ("a pool index past the end", changed(sources_at, [10_000])),
        ("a pool index that is no number", changed(sources_at, ["0"])),
        ("a pool entry of the wrong type", pool),
        ("no columns", {"fields": fields, "columns": {}, "pools": {}}),
        ("a list", [1, 2]),
    ]


def test_a_damaged_result_is_computed_again(
    story: Case, case_path: Path | str, counted: dict[str, int]
) -> None:
    """A damaged or hostile payload, whatever its decoding raises, is computed again."""
    story.corroboration()
    story._store.settle()
    good = kept_data(story, "corroboration")
    computed = 1
    for what, payload in hostile_corroboration(good):
        if isinstance(payload, bytes):
            put_payload(story, "corroboration", payload)
        else:
            put_data(story, "corroboration", payload)
        with Case.open(case_path) as again:
            assert again.corroboration() == fresh(again)["corroboration"], what
            computed += 1
            assert counted["corroboration"] == computed, what
            assert kept_data(again, "corroboration") == good, what  # written over


def test_a_bad_date_or_a_payload_too_large_is_computed_again(
    story: Case, case_path: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A date no day has (a DateError, not a ValueError) and a payload that decompresses
    past `derived.MAX_PAYLOAD` (a zip bomb) are computed again; so is a kept memo that is
    not a text starting with its placeholder word."""
    calls = []

    def articles() -> list[CaseArticle]:
        calls.append(1)
        return story.articles()

    codec = derived.records_codec(CaseArticle)
    first = story._store.derived("dated", articles, codec)
    data = kept_data(story, "dated")
    data["columns"][data["fields"].index("published")][0] = "2024-13-45"
    put_data(story, "dated", data)
    with Case.open(case_path) as again:
        assert again._store.derived("dated", articles, codec) == first
    assert len(calls) == 2
    # a payload of 1 MB of blanks after good JSON: larger than allowed once decompressed
    big = json.dumps(kept_data(story, "dated")) + " " * 1_000_000
    put_payload(story, "dated", zlib.compress(big.encode()))
    monkeypatch.setattr(derived, "MAX_PAYLOAD", 100_000)
    with Case.open(case_path) as again:
        assert again._store.derived("dated", articles, codec) == first
    assert len(calls) == 3
    for memo in (["a", "list"], "<script>alert(1)</script>", "0123\nshort word"):
        with pytest.raises(ValueError):
            derived.TEXT_CODEC.decode(memo)
    word = "0123456789abcdef" * 2
    assert derived.TEXT_CODEC.decode(f"{word}\ntext") == f"{word}\ntext"


def test_a_result_kept_by_another_key_or_edited_is_computed_again(
    story: Case,
    case_path: Path | str,
    tmp_path: Path,
    counted: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A case file may come from anyone: a kept result is used only if this user's install
    signed it. Another user's (another key) is computed again and kept beside it, on one
    shared case each user keeps their own; a row edited in place is computed again."""
    story.corroboration()
    story._store.settle()
    key_file = signing.key_path()
    assert key_file.stat().st_mode & 0o777 == 0o600
    with monkeypatch.context() as another_user:
        another_user.setenv("XDG_CACHE_HOME", str(tmp_path / "another user"))
        with Case.open(case_path) as theirs:
            assert theirs.corroboration() == fresh(theirs)["corroboration"]
            assert counted["corroboration"] == 2
            theirs._store.settle()
            signers = theirs._store.db.execute(
                "SELECT signer FROM derived WHERE kind = ?", ("corroboration",)
            )
            assert len(signers.fetchall()) == 2
    with Case.open(case_path) as mine:  # the first user's is still theirs to read
        mine.corroboration()
        assert counted["corroboration"] == 2
        # a payload written over in place, well formed but not signed by this user
        good = kept_data(mine, "corroboration")
        good["columns"][good["fields"].index("flags")][0] = ["single source"]
    edited = zlib.compress(json.dumps(good).encode())
    with Case.open(case_path) as mine:
        signer = signing.signer_id(signing.key() or b"")
        with mine._store.lock:
            mine._store.keep_derived(
                "UPDATE derived SET payload = ? WHERE kind = ? AND signer = ?",
                (edited, "corroboration", signer),
            )
    with Case.open(case_path) as mine:
        assert mine.corroboration() == fresh(mine)["corroboration"]
        assert counted["corroboration"] == 3


def test_a_crafted_memo_never_reaches_the_written_file(
    story: Case, case_path: Path | str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept memo is HTML written out as it is: one crafted into the case (a script, the
    page's CSP dropped), signed by another key or by none, is never written."""
    first = story.export(tmp_path / "memo.html").read_text(encoding="utf-8")
    kind = "memo"
    word = kept_data(story, kind).partition("\n")[0]
    crafted = f"{word}\n<html><body><script>alert('crafted')</script></body></html>"
    put_payload(story, kind, zlib.compress(json.dumps(crafted).encode()), signed=False)
    with Case.open(case_path) as again:
        memo = again.export(tmp_path / "again.html").read_text(encoding="utf-8")
    assert "crafted" not in memo and without_time(memo) == without_time(first)
    # signed, but under another user's key: the same
    with monkeypatch.context() as another_key:
        another_key.setattr(signing, "key", lambda: b"k" * 32)
        put_payload(story, kind, zlib.compress(json.dumps(crafted).encode()))
    with Case.open(case_path) as again:
        memo = again.export(tmp_path / "again.html").read_text(encoding="utf-8")
    assert "crafted" not in memo and without_time(memo) == without_time(first)


class Fetches:
    """The case's connection, noting every row it hands back."""

    def __init__(self, db: Any) -> None:
        self.db, self.rows = db, []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.db, name)

    def execute(self, *args: Any) -> Any:
        cursor = self.db.execute(*args)
        rows = cursor.fetchall()
        self.rows.extend(rows)
        return _Rows(rows)


class _Rows(list[Any]):
    """Rows already fetched, read as a cursor's."""

    def fetchone(self) -> Any:
        return self[0] if self else None

    def fetchall(self) -> list[Any]:
        return list(self)


def test_a_stale_result_is_never_fetched(story: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept result of an older count, other arguments or other code is not downloaded
    only to be thrown away: the read asks for every key."""
    story.corroboration()
    story._store.settle()
    payload = bytes(story._store.db.execute("SELECT payload FROM derived").fetchone()[0])
    stamp = derived.count(story._store)
    assert stamp is not None
    store = story._store
    fetches = Fetches(store.db)
    monkeypatch.setattr(store, "db", fetches)
    with store.lock:
        for name, at in (
            ("corroboration", stamp + 1),
            ("another", stamp),
            ("corroboration", stamp),
        ):
            kept = derived.read(store, "corroboration", name, at)
            assert (kept is not None) == (at == stamp and name == "corroboration")
    fetched = [bytes(v) for row in fetches.rows for v in row if isinstance(v, bytes | memoryview)]
    assert fetched == [payload]  # the one read that used it


@pytest.fixture
def new_digest(monkeypatch: pytest.MonkeyPatch):
    """`derived.code_digest` worked out anew for the test, and again after it."""
    derived.code_digest.cache_clear()
    yield derived.code_digest
    monkeypatch.undo()
    derived.code_digest.cache_clear()


def test_the_code_digest_follows_contents_and_versions(
    new_digest: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed in place (same size, same modification time) or another version of
    numpy computes again; the contents' digest is noted in the user's cache folder."""
    package = tmp_path / "package"
    source = package / "analysis" / "corroboration.py"
    source.parent.mkdir(parents=True)
    source.write_text("WEIGHT = 1\n")
    monkeypatch.setattr(derived, "_PACKAGE", package)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache one"))
    first = new_digest()
    assert list((tmp_path / "cache one" / "workbench" / "code").iterdir())
    stat = source.stat()
    source.write_text("WEIGHT = 2\n")
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    derived.code_digest.cache_clear()
    assert new_digest() == first  # noted under the same size and time: not read again
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache two"))
    derived.code_digest.cache_clear()
    second = new_digest()
    assert second != first  # read: the contents differ
    versions = importlib.metadata.version

    def version(package: str) -> str:
        return "0.0.1" if package == "numpy" else versions(package)

    monkeypatch.setattr(importlib.metadata, "version", version)
    derived.code_digest.cache_clear()
    assert new_digest() != second


def test_keeping_on_a_server_does_not_wait_for_another_writer(
    story: Case, case_path: Path | str, backend: str
) -> None:
    """On PostgreSQL a result is kept while another person's edit holds the writers' lock:
    keeping takes no such lock, so it neither waits for the edit nor is skipped."""
    if backend != "postgresql":
        pytest.skip("the server's writers' lock (a file: see the test below)")
    with Case.open(case_path) as other, other._store.write("hold the writers' lock"):
        assert story.corroboration() == fresh(story)["corroboration"]
        story._store.settle()  # kept after being handed back, by the store's own thread
        stamp = derived.count(story._store)
        assert stamp is not None
        with story._store.lock:
            kept = derived.read(story._store, "corroboration", "corroboration", stamp)
        assert kept is not None


def test_a_result_computed_inside_a_snapshot_is_not_encoded(story: Case) -> None:
    """Inside a snapshot nothing can be written: a result computed there is handed back
    and held in memory, not encoded for nothing; after it, it is kept."""
    encoded = []
    records = derived.records_codec(CaseArticle)

    def encode(articles: list[CaseArticle]) -> Any:
        encoded.append(len(articles))
        return records.encode(articles)

    codec = derived.Codec(encode, records.decode)
    with story.snapshot():
        assert story._store.derived("dated", story.articles, codec) == story.articles()
    assert encoded == []
    story._store.derived("dated", story.articles, codec)  # held, not computed nor encoded
    assert encoded == []
    story._store._derived.clear()
    story._store.derived("dated", story.articles, codec)
    story._store.settle()
    assert encoded == [2]


def test_forget_kept_after_an_edit_made_with_other_tools(
    story: Case,
    case_path: Path | str,
    backend: str,
    counted: dict[str, int],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A write made outside workbench (here the sqlite3 module, as the sqlite3 shell would)
    moves no count of changes: the kept listing still shows the old name until `workbench
    case forget-kept` drops what was kept."""
    import sqlite3

    from workbench.cli import main

    afp = actor_named(story, "AFP")
    story.corroboration()
    story._store.settle()
    if backend != "sqlite":  # psql: dropped all the same
        assert main(["case", "forget-kept", str(case_path)]) == 0
        assert "dropped 2 kept results" in capsys.readouterr().out
        stamp = derived.count(story._store)
        assert stamp is not None
        with story._store.lock:
            assert derived.read(story._store, "actors", "actors", stamp) is None
        return
    outside = sqlite3.connect(case_path, isolation_level=None)
    try:
        outside.execute("UPDATE actors SET name = 'Agence France-Presse' WHERE id = ?", (afp.id,))
    finally:
        outside.close()
    with Case.open(case_path) as stale:  # what the docs warn of
        assert "AFP" in {a.name for a in stale.actors()}
    assert main(["case", "forget-kept", str(case_path)]) == 0
    assert "dropped 2 kept results" in capsys.readouterr().out
    with Case.open(case_path) as again:
        assert "Agence France-Presse" in {a.name for a in again.actors()}
        assert again.actors() == fresh(again)["actors"]
        assert counted["actors"] == 2
    assert story.actors() == fresh(story)["actors"]  # the first connection's let go too


def test_a_case_of_the_first_unsigned_table_computes_until_forgotten(
    story: Case, case_path: Path | str, counted: dict[str, int]
) -> None:
    """A case made by format 9 before its rows were signed (a table keyed by kind alone)
    is read and written without an error: nothing kept is used or written there, until
    `forget_kept` makes the table anew."""
    with story._store.write("the first format 9's table") as tx:
        tx.execute("DROP TABLE derived")
        tx.execute(
            "CREATE TABLE derived (kind TEXT PRIMARY KEY, name TEXT NOT NULL, "
            "stamp INTEGER NOT NULL, code TEXT NOT NULL, payload BLOB NOT NULL)"
        )
    with Case.open(case_path) as old:
        assert old.corroboration() == fresh(old)["corroboration"]
    with Case.open(case_path) as old:
        old.corroboration()
        assert counted["corroboration"] == 2  # nothing was kept
        assert old.forget_kept() == 0
    with Case.open(case_path) as new:
        new.corroboration()
    with Case.open(case_path) as new:
        new.corroboration()
        assert counted["corroboration"] == 3  # kept once, then read


def test_kept_results_are_not_part_of_the_case(story: Case) -> None:
    """A cache: not exported, not copied; and keeping one counts as no change."""
    story.corroboration()
    story._store.settle()
    story.similar_claims()
    story._store.settle()
    history = len(story.history())
    stamp = derived.count(story._store)
    assert stamp is not None
    assert derived.read(story._store, "corroboration", "corroboration", stamp) is not None
    story.similar_claims(threshold=0.3)  # written into the case again: no change counted
    assert len(story.history()) == history
    assert derived.count(story._store) == stamp
    _, tables = dump_tables(story)
    assert "derived" not in tables and "counters" in tables


def test_every_change_is_counted(story: Case) -> None:
    """The count a kept result is stamped with moves with each committed change."""

    def count() -> int:
        stamp = derived.count(story._store)
        assert stamp is not None
        return stamp

    start = count()
    actor = story.actors()[0]
    story.update_actor(actor.id, status="confirmed")
    assert count() == start + 1
    story.undo()
    assert count() == start + 2
    with pytest.raises(RuntimeError), story._store.write("fail") as tx:
        tx.execute("UPDATE actors SET status = 'rejected'")
        raise RuntimeError("rolled back")
    assert count() == start + 2  # a change rolled back counts nothing


def test_a_result_is_not_kept_while_another_connection_writes(
    story: Case, case_path: Path | str, backend: str, counted: dict[str, int]
) -> None:
    """Keeping is only a saving: while another connection holds the file's write lock the
    result is handed back (tried at once, `Store._begin_at_once`), not kept, and the
    connection's own busy timeout is left as it was."""
    if backend != "sqlite":
        pytest.skip("the file's write lock")
    import sqlite3

    story._store.db.execute("PRAGMA busy_timeout = 300")
    writer = sqlite3.connect(case_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        assert story.corroboration() == fresh(story)["corroboration"]
        # the keeper tries after the call, in its own thread: waited for while the file is
        # still locked, and before the timeout is read below (the keeper sets it to 0 for
        # its try: read meanwhile, as a CI run once did, it was 0)
        story._store.settle()
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert story._store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 300
    stamp = derived.count(story._store)
    assert stamp is not None
    assert derived.read(story._store, "corroboration", "corroboration", stamp) is None
    with Case.open(case_path) as again:
        again.corroboration()
    assert counted["corroboration"] == 2
