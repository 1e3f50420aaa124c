"""Opening case files: creation, format versions, and files that must be refused untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from case_builders import first_extraction

from workbench import Case
from workbench.case import FORMAT_VERSION
from workbench.case.migrations import APPLICATION_ID
from workbench.errors import CaseError


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes, and which sibling files exist (no -wal/-shm may appear)."""
    siblings = sorted(p.name for p in path.parent.iterdir())
    return hashlib.sha256(path.read_bytes()).hexdigest(), siblings


def assert_refused(path: Path, message: str) -> None:
    before = fingerprint(path)
    with pytest.raises(CaseError, match=message):
        Case.open(path)
    assert fingerprint(path) == before


@pytest.fixture
def case_path(case_file: Path) -> Path:
    """What only a file has (its header, pages, permissions, WAL, locks): SQLite alone.
    The server's counterparts are in test_postgres.py."""
    return case_file


def test_open_creates_a_case_with_its_format_recorded(case_path: Path) -> None:
    assert not case_path.exists()
    with Case.open(case_path) as case:
        assert case.articles() == []
    db = sqlite3.connect(case_path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        numbers = [r[0] for r in db.execute("SELECT number FROM migrations ORDER BY number")]
        assert numbers == list(range(1, FORMAT_VERSION + 1))
    finally:
        db.close()
    # no temporary file left beside it
    assert sorted(p.name for p in case_path.parent.iterdir()) == [case_path.name]


def test_reopening_keeps_the_data(case_path: Path) -> None:
    with Case.open(case_path) as case:
        case.add_extraction(first_extraction())
        claims = case.claims()
    with Case.open(case_path) as case:
        assert case.claims() == claims


def test_foreign_keys_are_enforced(case: Case) -> None:
    with pytest.raises(CaseError), case._store.write("test") as tx:
        tx.execute("INSERT INTO mentions VALUES ('M99', 'no-such-article', 'A1', 0, 1, 'x')")


def test_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.case"
    path.write_text("my notes, not a case\n" * 100)
    assert_refused(path, "not a case file")


def test_an_empty_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "empty.case"
    path.touch()
    assert_refused(path, "empty")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="folder"):
        Case.open(tmp_path)


def test_another_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE things (x)")
    db.commit()
    db.close()
    assert_refused(path, "not a workbench case")


def test_a_newer_format_is_refused_untouched(case_path: Path) -> None:
    Case.open(case_path).close()
    db = sqlite3.connect(case_path)
    db.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    db.commit()
    db.close()
    assert_refused(case_path, f"newer workbench.*format {FORMAT_VERSION + 1}")


def test_a_corrupt_file_is_refused_untouched(case_path: Path) -> None:
    with Case.open(case_path) as case:
        case.add_extraction(first_extraction())
    data = bytearray(case_path.read_bytes())
    # keep the 100-byte header, scramble the schema page and what follows
    data[100:4096] = bytes((i * 37) % 251 for i in range(100, 4096))
    case_path.write_bytes(bytes(data))
    assert_refused(case_path, "damaged|not a")


def test_a_truncated_file_is_refused_untouched(case_path: Path) -> None:
    with Case.open(case_path) as case:
        case.add_extraction(first_extraction())
    case_path.write_bytes(case_path.read_bytes()[:150])
    assert_refused(case_path, "damaged|not a")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_a_read_only_case_reads_but_refuses_edits_untouched(case_path: Path) -> None:
    with Case.open(case_path) as case:
        case.add_extraction(first_extraction())
        claim_id = case.claims()[0].id
    case_path.chmod(stat.S_IRUSR)
    try:
        before = fingerprint(case_path)
        with Case.open(case_path) as case:
            assert case.readonly
            assert len(case.claims()) == 2
            with pytest.raises(CaseError, match="read-only"):
                case.set_claim_status(claim_id, "false")
            with pytest.raises(CaseError, match="read-only"):
                case.add_extraction(first_extraction())
        assert fingerprint(case_path) == before
    finally:
        case_path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_case_in_a_read_only_folder_opens_for_reading(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "story.case"
    with Case.open(path) as case:
        case.add_extraction(first_extraction())
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with Case.open(path) as case:
            assert case.readonly
            assert len(case.articles()) == 1
            with pytest.raises(CaseError, match="read-only"):
                case.add_note(case.articles()[0].id, "x")
    finally:
        folder.chmod(stat.S_IRWXU)


# A writer that commits 25 articles and 50 status edits, then dies by SIGKILL: its edits
# are committed but still only in the -wal file beside the case.
KILLED_WRITER = """
import os, signal, sys
sys.path.insert(0, sys.argv[2])
from case_workers import numbered_extraction
from workbench import Case
case = Case.open(sys.argv[1])
for number in range(25):
    case.add_extraction(numbered_extraction(number))
for claim in case.claims()[:50]:
    case.set_claim_status(claim.id, "false")
os.kill(os.getpid(), signal.SIGKILL)
"""


def _killed_writer_copy(tmp_path: Path) -> Path:
    """A folder holding a copy of the case and its -wal (no -shm) after a `kill -9`."""
    import shutil
    import subprocess
    import sys

    source = tmp_path / "source" / "w.case"
    source.parent.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(source), str(Path(__file__).parent)],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -9, proc.stderr.decode()
    assert Path(f"{source}-wal").stat().st_size > 0
    shared = tmp_path / "shared"
    shared.mkdir()
    for name in ("w.case", "w.case-wal"):
        shutil.copyfile(source.parent / name, shared / name)
    return shared


def _unshare_available() -> bool:
    import shutil
    import subprocess

    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_available(), reason="needs unshare for a read-only bind mount")
def test_a_read_only_mount_shows_the_edits_committed_in_its_wal(tmp_path: Path) -> None:
    """A case copied with its -wal (after a kill -9) onto a read-only mount: every committed
    edit is read, not only what was checkpointed into the main file. The mount is made in
    a private mount namespace (`unshare -rm`), so root cannot write there either."""
    import subprocess
    import sys

    shared = _killed_writer_copy(tmp_path)
    before = fingerprint(shared / "w.case")
    script = (
        'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" || exit 99\n'
        'if touch "$1/probe" 2>/dev/null; then exit 98; fi\n'
        'exec "$2" -m workbench case list "$1/w.case" claims --status false --format json\n'
    )
    proc = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", str(shared), sys.executable],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    import json

    assert len(json.loads(proc.stdout)) == 50
    assert fingerprint(shared / "w.case") == before  # nothing written beside it


def test_a_case_whose_wal_cannot_be_read_in_place_is_read_from_a_private_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same code path in-process: the store sees the folder read-only and SQLite
    cannot make the -shm there (as in a read-only folder), so it reads a private copy,
    which it removes on close."""
    import tempfile

    from workbench.case import store

    shared = _killed_writer_copy(tmp_path)
    path = shared / "w.case"
    before = fingerprint(path)
    monkeypatch.setattr(store, "_writable", lambda p: False)
    real_connect = store._connect

    class NoShm:
        """As SQLite in a read-only folder: the connection opens, its first read fails."""

        def execute(self, *args: object) -> None:
            raise sqlite3.OperationalError("unable to open database file")

        def close(self) -> None:
            pass

    def no_shm_beside_the_case(uri: str) -> object:
        if str(shared) in uri and "immutable" not in uri:
            return NoShm()
        return real_connect(uri)

    monkeypatch.setattr(store, "_connect", no_shm_beside_the_case)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with Case.open(path) as case:
        assert case.readonly
        assert len(case.claims(status="false")) == 50
        assert len(case.articles()) == 25
        with pytest.raises(CaseError, match="read-only"):
            case.set_claim_status(case.claims()[0].id, "disputed")
        copies = list(tmp_path.glob(f"{store.COPY_PREFIX}*"))
        assert len(copies) == 1
    assert not copies[0].exists()
    assert fingerprint(path) == before


def test_creating_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="does not exist"):
        Case.open(tmp_path / "nowhere" / "story.case")


def test_an_older_format_is_migrated(case_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from workbench.case import migrations

    Case.open(case_path).close()

    def add_tags(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE tags (name TEXT)")

    newer = [*migrations.MIGRATIONS, (FORMAT_VERSION + 1, "tags", add_tags)]
    monkeypatch.setattr(migrations, "MIGRATIONS", newer)
    monkeypatch.setattr(migrations, "FORMAT_VERSION", FORMAT_VERSION + 1)
    from workbench.case import store

    monkeypatch.setattr(store, "FORMAT_VERSION", FORMAT_VERSION + 1)
    with Case.open(case_path) as case:
        rows = case._store.rows("SELECT number, name FROM migrations ORDER BY number")
        assert [tuple(r) for r in rows][-1] == (FORMAT_VERSION + 1, "tags")
        assert case._store.rows("PRAGMA user_version")[0][0] == FORMAT_VERSION + 1


def test_read_only_mode_refuses_edits_untouched(
    case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root (CI containers) chmod cannot make a file read-only: ask the store to see it so."""
    from workbench.case import store

    with Case.open(case_path) as case:
        case.add_extraction(first_extraction())
        claim_id = case.claims()[0].id
    monkeypatch.setattr(store, "_writable", lambda path: False)
    before = fingerprint(case_path)
    with Case.open(case_path) as case:
        assert case.readonly
        assert len(case.claims()) == 2
        with pytest.raises(CaseError, match="read-only"):
            case.set_claim_status(claim_id, "false")
        with pytest.raises(CaseError, match="read-only"):
            case.undo()
        # the connection itself is read-only: SQLite refuses a write that slipped past us
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            case._store.db.execute("DELETE FROM claims")
    assert fingerprint(case_path) == before


def test_read_only_case_refuses_before_running_extraction(
    case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.case import store

    Case.open(case_path).close()
    monkeypatch.setattr(store, "_writable", lambda path: False)

    class NoExtractor:
        model = "none"

        def extract(self, article):
            raise AssertionError("extraction ran on a case that cannot take its result")

    with Case.open(case_path) as case:
        case._extractor_cache = NoExtractor()
        with pytest.raises(CaseError, match="read-only"):
            case.add_article("Some text\n\nthat is an article.")
        with pytest.raises(CaseError, match="read-only"):
            case.reextract()


def test_a_damaged_page_deep_in_the_file_is_refused_at_open(case_path: Path) -> None:
    from case_workers import numbered_extraction

    with Case.open(case_path) as case:
        for number in range(30):
            case.add_extraction(numbered_extraction(number))
    data = bytearray(case_path.read_bytes())
    page = 4096
    assert len(data) > 20 * page
    middle = (len(data) // page // 2) * page
    data[middle + 8 : middle + page] = bytes(page - 8)  # keep the page header, zero the cells
    data[middle : middle + 8] = b"\x0d\x00\x00\x00\x05\x0f\xf0\x00"  # a leaf claiming 5 cells
    case_path.write_bytes(bytes(data))
    assert_refused(case_path, "damaged")


def test_opening_a_case_loads_neither_spacy_nor_pandas(case_path: Path) -> None:
    import subprocess
    import sys

    Case.open(case_path).close()
    script = (
        "import sys\nfrom workbench import Case\n"
        f"with Case.open({str(case_path)!r}) as case:\n"
        "    case.claims(); case.actors(); case.corroboration()\n"
        "print(sorted(m for m in ('spacy', 'pandas', 'ipywidgets') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_format_1_case_is_upgraded_with_its_data(case_path: Path, monkeypatch) -> None:
    """A case made by the first release opens, is migrated, and keeps every row."""
    from workbench.case import migrations, store

    first = migrations.MIGRATIONS[:1]
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", first)
        patch.setattr(migrations, "FORMAT_VERSION", 1)
        patch.setattr(store, "FORMAT_VERSION", 1)
        db = sqlite3.connect(case_path)
        try:
            migrations.apply_migrations(db, current=0)
            db.execute(
                "INSERT INTO articles (id, text, sha1, added_at) VALUES ('a', 'x', 's', 'now')"
            )
            db.commit()
        finally:
            db.close()
    with Case.open(case_path) as case:
        assert [a.id for a in case.articles()] == ["a"]
        assert case._store.rows("PRAGMA user_version")[0][0] == FORMAT_VERSION
        columns = [r[1] for r in case._store.rows("PRAGMA table_info(events)")]
        assert "edited" in columns


def test_a_foreign_database_with_our_id_at_format_0_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "theirs.case"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE their_data (x)")
    db.execute("INSERT INTO their_data VALUES (1)")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.commit()
    db.close()
    assert_refused(path, "not a workbench case file")
    db = sqlite3.connect(path)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    finally:
        db.close()
    assert tables == ["their_data"]
