"""`workbench extract` on articles in other languages: Arabic through its own rules, an
unsupported language written with its language, empty, and a warning (never English junk)."""

from __future__ import annotations

import json

import pytest

from workbench.cli import main
from workbench.schema import validate_extraction

GERMAN = (
    "Der Bundespräsident sagte am Montag in Berlin, dass die Regierung die Sanktionen gegen "
    "den Iran verlängern werde. Die Opposition kritisierte die Entscheidung scharf und "
    "forderte eine Debatte im Bundestag über die Außenpolitik des Landes und die Folgen."
)


@pytest.mark.slow  # the English model is loaded for the run
def test_an_unsupported_language_gives_a_warning_and_no_junk(capsys, tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_text(GERMAN, encoding="utf-8")
    code = main(["extract", str(path)])
    out, err = capsys.readouterr()
    assert code == 0
    data = json.loads(out)
    validate_extraction(data)
    assert data["article"]["language"] == "de"
    assert data["actors"] == data["claims"] == data["events"] == []
    assert "bericht.txt" in err and "'de'" in err and "no actors, claims or events" in err


@pytest.mark.slow
def test_an_arabic_article_goes_through_the_cli(capsys, samples_dir):
    code = main(["extract", str(samples_dir / "mamlouk-visits-cairo-ar.txt")])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    data = json.loads(out)
    validate_extraction(data)
    assert data["article"]["language"] == "ar"
    assert data["article"]["published"] == "2016-10-17"
    names = {a["name"] for a in data["actors"]}
    assert "Ali Mamlouk" in names and "Al-Akhbar" in names
    assert data["claims"] and data["events"]


@pytest.mark.slow
def test_english_articles_say_english(capsys, samples_dir):
    code = main(["extract", str(samples_dir / "mamlouk-visits-cairo.txt")])
    out, _ = capsys.readouterr()
    assert code == 0 and json.loads(out)["article"]["language"] == "en"


@pytest.mark.slow
def test_case_add_warns_of_an_unsupported_language(capsys, tmp_path):
    path = tmp_path / "bericht.txt"
    path.write_text(GERMAN, encoding="utf-8")
    code = main(["case", "add", str(tmp_path / "c.case"), str(path)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "0 actors, 0 claims, 0 events" in out
    assert "'de'" in err and "no actors, claims or events" in err
    code = main(["case", "list", str(tmp_path / "c.case"), "articles"])
    out, _ = capsys.readouterr()
    header, row = out.splitlines()
    assert header.split() == ["ID", "PUBLISHED", "OUTLET", "LANGUAGE", "TITLE"]
    assert row.split() == ["bericht", "de"]  # no date, outlet or title: empty cells
