"""Inputs and conditions that once gave "unexpected error" (exit 1) or stopped a run part-way:
a full disk, a file given as the cases folder, an import that overflows, one article too
long among others, skipped corpus rows (issue 12)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.case.case_builders import first_extraction
from workbench.cli import main
from workbench.workflow import Case


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _can_mount_in_a_namespace() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d && umount $d"
    return (
        subprocess.run(["unshare", "-rm", "sh", "-c", probe], capture_output=True).returncode == 0
    )


@pytest.mark.skipif(not _can_mount_in_a_namespace(), reason="needs unshare and tmpfs")
def test_case_new_on_a_full_disk_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """A real full disk: a 64 KB tmpfs, mostly filled, in a private mount namespace."""
    disk = tmp_path / "disk"
    disk.mkdir()
    script = (
        'mount -t tmpfs -o size=64k tmpfs "$1" || exit 99\n'
        'dd if=/dev/zero of="$1/fill" bs=1k count=40 2>/dev/null\n'
        '"$2" -m workbench case new "$1/story.case"; code=$?\n'
        'ls -A "$1"; exit $code\n'
    )
    proc = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", str(disk), sys.executable],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    (line,) = proc.stderr.splitlines()
    assert line.startswith("workbench: cannot create ") and "free some space" in line
    assert proc.stdout.split() == ["fill"]  # no case, no temporary file left behind


def test_case_new_when_sqlite_reports_a_full_disk(tmp_path: Path, capsys, monkeypatch) -> None:
    """The same, where no tmpfs can be mounted: SQLite's error at the layer that meets it."""
    from workbench.case import store

    def full(db: sqlite3.Connection, **kwargs: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "apply_migrations", full)
    code, _, err = run(capsys, "case", "new", str(tmp_path / "story.case"))
    assert code == 2
    assert err.startswith("workbench: cannot create ") and "disk is full" in err
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["app", "lab"])
def test_a_file_as_the_cases_folder_is_one_line_and_exit_2(tmp_path: Path, command: str) -> None:
    a_file = tmp_path / "passwd"
    a_file.write_text("root:x:0:0::/root:/bin/sh\n")
    for value in (str(a_file), str(a_file / "sub")):
        proc = subprocess.run(
            [sys.executable, "-m", "workbench", command, "--cases-dir", value, "--no-browser"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 2
        assert proc.stderr.splitlines() == [
            f"workbench: argument --cases-dir: {a_file} is a file, not a folder "
            f"(see `workbench {command} --help`)"
        ]


def test_an_import_that_overflows_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    with Case.open(tmp_path / "story.case") as case:
        case.add_extraction(first_extraction())
    exported = tmp_path / "story.json"
    assert run(capsys, "case", "export", str(tmp_path / "story.case"), str(exported))[0] == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["tables"]["claims"][0]["start"] = 2**70
    exported.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "case", "import", str(exported), str(tmp_path / "copy.case"))
    assert code == 2
    assert err.count("\n") == 1 and "claims[0].start" in err
    assert not (tmp_path / "copy.case").exists()


@pytest.mark.slow  # extracts with the real spaCy model
def test_case_add_skips_an_article_too_long_and_adds_the_others(
    tmp_path: Path, samples_dir: Path, capsys
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-long.txt").write_text("a\n" * 1_000_000)  # 2,000,000 characters
    (folder / "good.txt").write_text(
        (samples_dir / "mamlouk-visits-cairo.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    case_path = tmp_path / "story.case"
    code, out, err = run(capsys, "case", "add", str(case_path), str(folder))
    assert code == 2
    assert [line.split(":")[0] for line in out.splitlines()] == ["good"]
    (line,) = err.splitlines()
    assert line.startswith("workbench: skipped ") and "a-long.txt: too long" in line
    with Case.open(case_path) as case:
        assert [a.id for a in case.articles()] == ["good"]


@pytest.mark.slow  # extracts with the real spaCy model
def test_extract_and_case_add_agree_on_skipped_rows(tmp_path: Path, capsys) -> None:
    """A corpus with bad rows: both commands write or add the good rows, report each bad
    one as skipped, and exit 2 (docs/cli.md)."""
    corpus = tmp_path / "rows.jsonl"
    corpus.write_text(
        json.dumps({"id": "r1", "text": "Reuters reported that the port reopened on Monday."})
        + "\n{not json\n"
    )
    code, out, err = run(capsys, "extract", "--format", "jsonl", str(corpus))
    assert (code, len(out.splitlines()), err.count("skipped")) == (2, 1, 1)
    code, out, err = run(capsys, "case", "add", str(tmp_path / "x.case"), str(corpus))
    assert (code, len(out.splitlines()), err.count("skipped")) == (2, 1, 1)


def test_case_new_shows_a_hostile_file_name_escaped(tmp_path: Path, capsys) -> None:
    name = tmp_path / "x\x1b[2J\n.case"
    code, out, _ = run(capsys, "case", "new", str(name))
    assert code == 0 and name.exists()
    assert out == f"created {tmp_path}/x\\x1b[2J\\n.case\n"
