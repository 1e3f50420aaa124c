"""Inputs that once hung, were refused wrongly or spoke raw to the terminal: named pipes,
UTF-16 text, file names with control characters, damaged PDFs (issue 12)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.ingest import iter_articles, read_articles

TEXT = (
    "The minister said on Monday that the talks in Geneva had failed, "
    "and the envoy agreed with him.\n\nA second paragraph follows here."
)


def _workbench(*argv: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    # a subprocess with a timeout: a hang fails the test instead of stopping the suite
    return subprocess.run(
        [sys.executable, "-m", "workbench", *argv],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_at_once_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.txt")
    proc = _workbench("extract", "f.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"f.txt: not a regular file" in proc.stderr
    proc = _workbench("extract", ".", cwd=tmp_path)  # in a folder too
    assert proc.returncode == 2
    assert b"skipped f.txt: not a regular file" in proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_case_add_refuses_a_named_pipe(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "f.txt")
    proc = _workbench("case", "add", "x.case", "f.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == [
        "workbench: f.txt: not a regular file (a named pipe, device or socket); give a file"
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_with_a_bom_is_read(tmp_path: Path, codec: str) -> None:
    data = TEXT.encode(codec)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = ("\ufeff" + TEXT).encode(codec)  # the -be codec writes no BOM itself
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    (article,) = read_articles(str(path))
    assert article.text.endswith("A second paragraph follows here.")


def test_utf16_html_is_read(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{TEXT} Paragraph {n}.</p>" for n in range(3))
    page = f"<html><head><title>Talks fail</title></head><body><article>{paragraphs}"
    path = tmp_path / "page.html"
    path.write_bytes((page + "</article></body></html>").encode("utf-16"))
    (article,) = read_articles(str(path))
    assert "talks in Geneva" in article.text


def test_utf16_on_standard_input_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-16"))))
    (article,) = read_articles("-")
    assert article.text.startswith("The minister said")


def test_nul_bytes_without_a_bom_are_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))  # no BOM: nothing says it is text
    with pytest.raises(InputError, match="binary"):
        read_articles(str(path))


def test_shown_escapes_what_would_break_a_line_or_drive_a_terminal() -> None:
    from workbench.files import shown

    assert shown("plain name.txt") == "plain name.txt"
    assert shown("evil\n\x1b[31mred\u202e.txt") == "evil\\n\\x1b[31mred\\u202e.txt"


def test_a_file_name_with_control_characters_is_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / "evil\n\x1b[2Jname.txt").write_bytes(b"")
    (error,) = iter_articles([str(tmp_path)])
    assert isinstance(error, InputError)
    assert "\n" not in str(error) and "\x1b" not in str(error)
    assert "evil\\n\\x1b[2Jname.txt" in str(error)
    proc = _workbench("extract", ".", cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.decode().splitlines()
    assert "\x1b" not in proc.stderr.decode()
    assert lines == [
        "workbench: skipped evil\\n\\x1b[2Jname.txt: the file is empty",
        "workbench: no article to extract from",
    ]


def _damaged_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "Saudi Aramco informed the EGPC that it would halt the supply of oil.")
    data = bytes(pdf.output())
    # a wrong startxref: pypdf repairs it, and logs that it did
    return data[: data.rindex(b"startxref")] + b"startxref\n999999\n%%EOF\n"


def test_pypdf_says_nothing_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(_damaged_pdf())
    code = (
        "import sys; from workbench.ingest import read_articles; "
        "print(read_articles(sys.argv[1])[0].text[:12])"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "Saudi Aramco"
    assert proc.stderr == ""
