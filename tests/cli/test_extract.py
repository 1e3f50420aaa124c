"""`workbench extract`: the JSON contract on every input kind, and clean failures on bad input.

The tests that extract run the real model (marked slow); the refusals need none."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.schema import validate_extraction

SEED = "mamlouk-visits-cairo.txt"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["extract", *args])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.slow  # extracts with the real spaCy model
def test_seed_article_as_one_json_object(capsys, samples_dir):
    code, out, err = run(capsys, str(samples_dir / SEED))
    assert code == 0, err
    data = json.loads(out)
    validate_extraction(data)
    assert data["article"]["published"] == "2016-10-17"
    assert data["article"]["title"] == "A Top Syrian Security Official Visits Egypt"
    assert data["actors"] and data["claims"] and data["events"]


@pytest.mark.slow  # extracts with the real spaCy model
def test_every_sample_article_validates_with_offsets(capsys, samples_dir):
    code, out, err = run(capsys, "--format", "jsonl", str(samples_dir))
    assert code == 0, err
    objects = jsonl(out)
    txt_files = sorted(
        p for p in samples_dir.iterdir() if p.suffix in {".txt", ".md"} and p.name != "SOURCES.md"
    )
    assert len(objects) == len(txt_files) >= 5
    for data in objects:
        validate_extraction(data)  # includes text[start:end] == span text for every span


@pytest.mark.slow  # extracts with the real spaCy model
def test_json_array_for_several_articles_in_input_order(capsys, samples_dir):
    files = sorted(samples_dir.glob("*.txt"))[:2]
    code, out, _ = run(capsys, str(files[1]), str(files[0]))
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 2
    assert [d["article"]["path"] for d in data] == [str(files[1]), str(files[0])]


@pytest.mark.slow  # extracts with the real spaCy model
def test_published_option_fills_missing_dates_only(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nThe minister said on Monday that talks would resume.")
    (tmp_path / "corpus.csv").write_text(
        "id,title,date,text\nr1,One,2019-09-15,The president said the attack failed.\n"
        "r2,Two,,Officials said talks were over.\n"
    )
    code, out, err = run(
        capsys,
        "--format",
        "jsonl",
        "--published",
        "2020-01-05",
        str(tmp_path / "a.txt"),
        str(tmp_path / "corpus.csv"),
    )
    assert code == 0, err
    published = [d["article"]["published"] for d in jsonl(out)]
    assert published == ["2020-01-05", "2019-09-15", "2020-01-05"]


@pytest.mark.slow  # extracts with the real spaCy model
def test_jsonl_corpus_and_stdin(capsys, tmp_path, monkeypatch):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "k1", "text": "Reuters reported that the talks failed."})
        + "\n"
        + json.dumps({"id": "k2", "text": "AFP said the port was closed.", "outlet": "AFP"})
        + "\n"
    )
    code, out, _ = run(capsys, "--format", "jsonl", str(corpus))
    assert code == 0
    assert len(jsonl(out)) == 2
    import io

    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The mayor said the bridge is safe."))
    )
    code, out, _ = run(capsys, "-")
    assert code == 0
    assert json.loads(out)["article"]["text"] == "The mayor said the bridge is safe."


@pytest.mark.slow  # extracts with the real spaCy model
def test_output_file(capsys, tmp_path, samples_dir):
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "--format", "jsonl", "-o", str(target), str(samples_dir / SEED))
    assert code == 0 and out == ""
    validate_extraction(jsonl(target.read_text())[0])


BAD_INPUTS = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n \t\n",
    "binary.txt": bytes(range(256)) * 40,
    "notes.docx": b"PK\x03\x04 not really a docx",
    "page.html": b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_file_is_one_clear_line_and_exit_2(capsys, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    code, out, err = run(capsys, str(path))
    assert code == 2
    assert out == ""
    assert err.startswith("workbench: ") and name in err
    assert "Traceback" not in err


def test_missing_path(capsys, tmp_path):
    code, _, err = run(capsys, str(tmp_path / "nope.txt"))
    assert code == 2 and "nope.txt" in err and "Traceback" not in err


def test_huge_file_is_refused_by_size(capsys, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing 50 MB
    code, _, err = run(capsys, str(path))
    assert code == 2 and "huge.txt" in err


def test_undecodable_bytes(capsys, tmp_path):
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 50)
    code, _, err = run(capsys, str(path))
    assert code == 2 and "garbled.txt" in err


def test_unreachable_url(capsys):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = run(capsys, f"http://127.0.0.1:{port}/story.html")
    assert code == 2 and "127.0.0.1" in err and "Traceback" not in err


@pytest.mark.slow  # extracts with the real spaCy model
def test_directory_with_good_and_bad_files_yields_the_good(capsys, tmp_path, samples_dir):
    (tmp_path / "good.txt").write_text((samples_dir / SEED).read_text(encoding="utf-8"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.bin.txt").write_bytes(bytes(range(256)) * 10)
    code, out, err = run(capsys, "--format", "jsonl", str(tmp_path))
    assert code == 2  # files were skipped (docs/cli.md)
    objects = jsonl(out)
    assert [Path(o["article"]["path"]).name for o in objects] == ["good.txt"]
    assert "empty.txt" in err and "junk.bin.txt" in err


def test_usage_errors_exit_2_without_traceback():
    for args in (["extract"], ["extract", "--published", "17/10/2016", "x.txt"], ["nonsense"]):
        proc = subprocess.run(
            [sys.executable, "-m", "workbench", *args], capture_output=True, text=True
        )
        assert proc.returncode == 2, args
        assert proc.stderr.startswith("workbench: ") or "usage:" in proc.stderr
        assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_workers_give_the_same_output_in_order(capsys, samples_dir):
    code, one, _ = run(capsys, "--format", "jsonl", str(samples_dir))
    assert code == 0
    code, two, _ = run(capsys, "--format", "jsonl", "--workers", "2", str(samples_dir))
    assert code == 0
    assert jsonl(one) == jsonl(two)


def test_console_script_installed(root):
    script = Path(sys.executable).parent / "workbench"
    proc = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert "extract" in proc.stdout and "case" in proc.stdout


def test_a_bug_is_one_line_and_exit_1(capsys, monkeypatch, samples_dir):
    from workbench.extract import pipeline

    def broken(self, articles, **kwargs):
        raise RuntimeError("rule exploded")

    monkeypatch.setattr(pipeline.Extractor, "extract_many", broken)
    monkeypatch.delenv("WORKBENCH_DEBUG", raising=False)
    code, out, err = run(capsys, str(samples_dir / SEED))
    assert code == 1
    assert err.count("\n") == 1 and "rule exploded" in err and "WORKBENCH_DEBUG" in err


@pytest.mark.slow  # extracts with the real spaCy model
def test_an_overlong_article_is_skipped_and_the_others_written(capsys, tmp_path):
    corpus = tmp_path / "mixed.jsonl"
    long_text = "The minister said the talks failed. " * 30_000  # over 1,000,000 characters
    corpus.write_text(
        json.dumps({"id": "short", "text": "Reuters reported that the port reopened."})
        + "\n"
        + json.dumps({"id": "long", "text": long_text})
        + "\n"
        + json.dumps({"id": "after", "text": "AFP said the border was closed."})
        + "\n"
    )
    out_file = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "--format", "jsonl", "-o", str(out_file), str(corpus))
    assert code == 2
    assert "too long for one article" in err and err.count("\n") == 1
    assert [d["article"]["id"] for d in jsonl(out_file.read_text())] == [
        "mixed-short",
        "mixed-after",
    ]


@pytest.mark.slow  # extracts with the real spaCy model
def test_a_bug_on_one_article_spares_the_others(capsys, monkeypatch, tmp_path):
    from workbench.extract import pipeline

    real = pipeline.extraction_from_doc

    def flaky(doc, article, known=None):
        if "cursed" in article.text:
            raise KeyError("rule exploded")
        return real(doc, article, known)

    monkeypatch.setattr(pipeline, "extraction_from_doc", flaky)
    (tmp_path / "a.txt").write_text("The mayor said the bridge is safe.")
    (tmp_path / "b.txt").write_text("The cursed mayor said the bridge is safe.")
    code, out, err = run(capsys, "--format", "jsonl", str(tmp_path))
    assert code == 1
    assert [Path(d["article"]["path"]).name for d in jsonl(out)] == ["a.txt"]
    assert "b.txt: extraction failed (KeyError" in err and "please report it" in err


def test_output_path_problems_are_input_errors(capsys, tmp_path, samples_dir):
    seed = str(samples_dir / SEED)
    code, _, err = run(capsys, "-o", str(tmp_path), seed)
    assert code == 2 and "it is a folder" in err
    code, _, err = run(capsys, "-o", str(tmp_path / "missing" / "x.json"), seed)
    assert code == 2 and "does not exist" in err


@pytest.mark.slow  # extracts with the real spaCy model
def test_output_file_keeps_its_permissions(capsys, tmp_path, samples_dir):
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o644)
    assert run(capsys, "-o", str(target), str(samples_dir / SEED))[0] == 0
    assert target.stat().st_mode & 0o777 == 0o644
    assert json.loads(target.read_text())["schema"] == "workbench.extraction/1"


@pytest.mark.slow  # extracts with the real spaCy model
def test_bad_rows_in_a_corpus_are_skipped(capsys, tmp_path):
    corpus = tmp_path / "rows.jsonl"
    corpus.write_text(
        json.dumps({"id": "r1", "text": "Reuters reported that the port reopened."})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "r3", "title": "no text here"})
        + "\n"
    )
    code, out, err = run(capsys, "--format", "jsonl", str(corpus))
    assert code == 2  # something was skipped: as `case add` (docs/cli.md)
    assert len(jsonl(out)) == 1
    assert err.count("skipped") == 2
