"""CSV tables: a folder or a zip, read back with the csv module."""

from __future__ import annotations

import csv
import io
import zipfile

from analysis_builders import claim_id

from workbench.export import export_case

NAMES = {"actors.csv", "claims.csv", "events.csv", "sources.csv"}


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_zip_holds_every_table(story, tmp_path):
    path = export_case(story, tmp_path / "tables.zip")
    with zipfile.ZipFile(path) as archive:
        assert set(archive.namelist()) == NAMES
        claims = read(archive.read("claims.csv").decode("utf-8"))
        actors = read(archive.read("actors.csv").decode("utf-8"))
        events = read(archive.read("events.csv").decode("utf-8"))
    by_id = {c["id"]: c for c in claims}
    unnamed = by_id[claim_id(story, "Egyptian officials")]
    assert unnamed["speaker"] == ""
    assert unnamed["speaker_name"] == "A Syrian political source"
    assert unnamed["channel_names"] == "AFP | Middle East Eye"
    assert unnamed["status"] == "disputed"
    assert unnamed["links"] == "reported_by: AFP (AFP wire, 17 Oct) | contradicts: Al-Akhbar"
    assert unnamed["notes"] == "only an unnamed source"
    assert len(actors) == 10  # the rejected actor too, with its status
    assert {a["status"] for a in actors} == {"extracted", "confirmed", "rejected"}
    assert [(e["start"], e["end"]) for e in events][0] == ("2016-10-01", "2016-10-10")


def test_folder_of_tables(story, tmp_path):
    folder = tmp_path / "tables"
    export_case(story, folder, format="csv")
    assert {p.name for p in folder.iterdir()} == NAMES
    sources = read((folder / "sources.csv").read_text(encoding="utf-8"))
    sana = next(s for s in sources if s["name"] == "SANA")
    assert (sana["country"], sana["state_run"]) == ("Syria", "true")
    # exporting again replaces the files
    export_case(story, folder, format="csv")
    assert {p.name for p in folder.iterdir()} == NAMES


def test_spreadsheet_formulas_are_defused(hostile, tmp_path):
    hostile.add_note(hostile.claims()[0].id, '=HYPERLINK("http://evil")')
    folder = tmp_path / "tables"
    export_case(hostile, folder, format="csv")
    claims = read((folder / "claims.csv").read_text(encoding="utf-8"))
    assert claims[0]["notes"].endswith('\'=HYPERLINK("http://evil")')
    assert claims[0]["text"].startswith("<img")  # kept as text: CSV is not HTML
