"""A case file's pages are checked in full only when it may have changed since its last
clean check (workbench/case/pagecheck.py); a damaged file is refused as before."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from case_workers import numbered_extraction
from test_store import assert_refused

from workbench import Case
from workbench.case import pagecheck, store


@pytest.fixture(autouse=True)
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A cache folder of the test's own: what another test noted is not seen here."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each page check SQLite is asked for, from every case connection opened."""
    seen: list[str] = []
    connect = store._connect

    def traced(uri: str) -> sqlite3.Connection:
        db = connect(uri)
        db.set_trace_callback(lambda sql: seen.append(sql) if "quick_check" in sql else None)
        return db

    monkeypatch.setattr(store, "_connect", traced)
    return seen


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as written long enough before their check (not "racily" clean): a test
    cannot wait the real two seconds of a FAT file system's time grain."""
    monkeypatch.setattr(pagecheck, "RACY_SECONDS", 0.0)


def _case(path: Path, articles: int = 30) -> None:
    with Case.open(path) as case:
        for number in range(articles):
            case.add_extraction(numbered_extraction(number))


def _damage_middle_page(case_file: Path) -> None:
    """Damage the file's middle page in place, the file's size and modification time as
    they were (as `cp -p` would leave them): only a check of the pages finds it."""
    st = case_file.stat()
    data = bytearray(case_file.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle + 8 : middle + page] = bytes(page - 8)
    data[middle : middle + 8] = b"\x0d\x00\x00\x00\x05\x0f\xf0\x00"  # a leaf claiming 5 cells
    _next_tick()
    case_file.write_bytes(bytes(data))
    os.utime(case_file, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert case_file.stat().st_size == st.st_size


def _next_tick() -> None:
    # the kernel stamps file times from a clock that moves a tick (1-4 ms) at a time: a
    # write in the tick of the last stat would leave the times as they were
    time.sleep(0.05)


def test_an_unchanged_case_is_checked_once(case_file: Path, checks: list[str], settled) -> None:
    _case(case_file, 2)
    _next_tick()
    checks.clear()
    Case.open(case_file).close()
    assert len(checks) == 1
    for _ in range(2):
        with Case.open(case_file) as case:
            assert len(case.articles()) == 2
    assert len(checks) == 1


def test_an_edited_case_is_checked_again(case_file: Path, checks: list[str], settled) -> None:
    _case(case_file, 2)
    _next_tick()
    Case.open(case_file).close()
    _next_tick()
    with Case.open(case_file) as case:
        case.add_extraction(numbered_extraction(7))
    checks.clear()
    _next_tick()
    Case.open(case_file).close()
    assert len(checks) == 1


def test_a_file_written_just_before_its_check_is_checked_at_every_open(
    case_file: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "just before" made an hour wide: on a loaded machine two seconds may pass between
    # the write and the check, and the test must not depend on the machine's speed
    monkeypatch.setattr(pagecheck, "RACY_SECONDS", 3600.0)
    _case(case_file, 2)
    checks.clear()
    Case.open(case_file).close()
    Case.open(case_file).close()
    assert len(checks) == 2  # written under RACY_SECONDS before: nothing noted


def test_a_case_damaged_after_a_clean_check_is_refused(case_file: Path, settled) -> None:
    """The same size, in place, its modification time put back (as `cp -p` would)."""
    _case(case_file)
    _next_tick()
    Case.open(case_file).close()  # clean: noted
    _damage_middle_page(case_file)
    assert_refused(case_file, "damaged")


def test_a_clean_check_is_trusted_for_a_while_only(
    case_file: Path, checks: list[str], settled, monkeypatch: pytest.MonkeyPatch
) -> None:
    _case(case_file, 2)
    _next_tick()
    Case.open(case_file).close()
    monkeypatch.setattr(pagecheck, "MAX_AGE_SECONDS", 0)
    checks.clear()
    Case.open(case_file).close()
    assert len(checks) == 1


def test_an_unwritable_cache_folder_only_costs_the_check(
    case_file: Path, checks: list[str], settled, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    _case(case_file, 2)
    _next_tick()
    checks.clear()
    for _ in range(2):
        with Case.open(case_file) as case:
            assert len(case.articles()) == 2
    assert len(checks) == 2
