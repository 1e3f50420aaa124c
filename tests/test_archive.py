"""The Parquet archive: extractions back as written, selections, and a case fed from it.
Hand-made extractions (no spaCy, no cluster): the cluster's run is tests/test_distributed.py."""

from __future__ import annotations

import dataclasses
import json

import pyarrow.parquet as pq
import pytest
from analysis_builders import hostile_extraction, sisi_extraction, visit_extraction

from workbench.archive import (
    ARCHIVE_FORMAT,
    ArchiveError,
    add_archive,
    finish_archive,
    read_extractions,
    read_manifest,
    start_archive,
    write_partition,
)
from workbench.case import CaseFile
from workbench.model import SCHEMA_ID


def _extractions():
    visit, sisi, hostile = visit_extraction(), sisi_extraction(), hostile_extraction()
    later = dataclasses.replace(
        sisi,
        article=dataclasses.replace(
            sisi.article, id="later", text=sisi.article.text + " More.", outlet="SANA",
            published="2018-03-02", title=None, author="A. Writer",
        ),
    )  # fmt: skip
    return [visit, sisi, hostile, later]


@pytest.fixture
def archive(tmp_path):
    folder = start_archive(tmp_path / "archive")
    items = list(enumerate(_extractions()))
    write_partition(folder, 0, items[:3])
    write_partition(folder, 1, items[3:])
    finish_archive(folder, model="none", articles=4)
    return folder


def test_extractions_come_back_equal_in_input_order(archive):
    assert list(read_extractions(archive)) == _extractions()


def test_tables_are_partitioned_and_carry_the_format(archive):
    for table in ("articles", "actors", "mentions", "claims", "events", "relations"):
        parts = sorted(p.name for p in (archive / table).iterdir())
        assert parts == ["part=0", "part=1"]
    meta = pq.read_schema(archive / "claims" / "part=0" / "part-0.parquet").metadata
    assert meta[b"workbench.archive"].decode() == ARCHIVE_FORMAT
    assert meta[b"workbench.extraction"].decode() == SCHEMA_ID
    assert read_manifest(archive)["articles"] == 4
    rows = pq.read_table(archive / "mentions").to_pylist()
    assert len(rows) == sum(len(a.mentions) for e in _extractions() for a in e.actors)


def test_selection_by_words_dates_and_outlet(archive):
    def ids(**selection):
        return [e.article.id for e in read_extractions(archive, **selection)]

    every = [e.article.id for e in _extractions()]
    assert ids(query="SISI RECEIVES") == [every[1], "later"]  # title or text, any case
    assert ids(query="Mamluk") == [every[0]]
    assert ids(since="2018-01-01") == ["later"]
    assert ids(since="2017-01-01") == ["hostile", "later"]
    assert ids(until="2016-12-31") == ["visit", "sisi"]
    assert ids(outlet="sana") == ["later"]
    assert ids(query="Sisi", since="1 March 2018", until="2018-03-02") == ["later"]
    assert ids(limit=2) == every[:2]


def test_case_takes_a_selection_through_add_extraction(archive, tmp_path):
    case = CaseFile.open(tmp_path / "a.case")
    added = add_archive(case, archive, query="Cairo")
    assert [a.text for a in added] == [
        e.article.text for e in _extractions() if "Cairo" in e.article.text
    ]
    assert {a.id for a in case.articles()} == {a.id for a in added}
    names = {a.name for a in case.actors()}
    assert "Ali Mamlouk" in names
    # actors are resolved across the articles as for any added extraction
    mamlouk = next(a for a in case.actors() if a.name == "Ali Mamlouk")
    assert set(mamlouk.articles) == {"visit", "sisi", "later"}
    assert add_archive(case, archive, query="Cairo") == added  # nothing added twice
    assert len(case.history()) == len(added)
    case.close()


def test_unfinished_foreign_and_reused_archives_are_refused(tmp_path, archive):
    unfinished = start_archive(tmp_path / "unfinished")
    write_partition(unfinished, 0, [(0, visit_extraction())])
    with pytest.raises(ArchiveError, match="unfinished archive"):
        list(read_extractions(unfinished))
    with pytest.raises(ArchiveError, match="no archive"):
        list(read_extractions(tmp_path / "missing"))
    (unfinished / "_workbench_archive.json").write_text(json.dumps({"format": "other/1"}))
    with pytest.raises(ArchiveError, match="not a workbench.archive/1"):
        list(read_extractions(unfinished))
    with pytest.raises(ArchiveError, match="not empty"):
        start_archive(archive)


def test_an_archive_of_no_article_reads_as_empty(tmp_path):
    empty = start_archive(tmp_path / "empty")
    finish_archive(empty, articles=0)
    assert list(read_extractions(empty)) == []


def test_the_cli_adds_a_selection_and_skips_what_the_case_has(archive, tmp_path, capsys):
    from workbench.cli import main

    path = tmp_path / "cli.case"
    select = ["--query", "cairo", "--from", "1 October 2016", "--to", "2018-03-02"]
    assert main(["case", "add-archive", str(path), str(archive), *select, "--limit", "2"]) == 0
    said = capsys.readouterr().out
    assert "2 articles selected" in said and "2 added (0 already in the case)" in said
    with CaseFile.open(path) as case:
        assert [a.id for a in case.articles()] == ["visit", "sisi"]
    assert main(["case", "add-archive", str(path), str(archive), "--outlet", "SANA"]) == 0
    assert "1 added (0 already" in capsys.readouterr().out
    assert main(["case", "add-archive", str(path), str(archive), *select]) == 0
    assert "3 articles selected" in capsys.readouterr().out  # visit, sisi, later: all there
    with CaseFile.open(path) as case:
        assert [a.id for a in case.articles()] == ["visit", "sisi", "later"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["{missing}"], "no such archive folder"),
        (["{unfinished}"], "unfinished archive"),
        (["{archive}", "--from", "2018-01-01", "--to", "2017-01-01"], "is after --to"),
        (["{archive}", "--from", "someday"], "date"),
        (["{archive}", "--limit", "0"], "at least 1"),
    ],
)
def test_the_cli_refuses_bad_input_in_one_line(archive, tmp_path, capsys, arguments, message):
    from workbench.cli import main

    unfinished = start_archive(tmp_path / "unfinished")
    folders = {"archive": archive, "missing": tmp_path / "nowhere", "unfinished": unfinished}
    path = tmp_path / "refused.case"
    argv = [a.format(**folders) for a in arguments]
    try:
        code = main(["case", "add-archive", str(path), *argv])
    except SystemExit as stop:  # argparse's own refusals: the same one line and exit 2
        code = stop.code
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not path.exists()  # nothing made for an input refused
