"""The case keeps each article's language (format 7): stored, read back, exported and
imported; an older case's articles read as unknown until their language is detected."""

from __future__ import annotations

import datetime
import sqlite3

from workbench import Case
from workbench.case.migrations import LANGUAGE_FORMAT
from workbench.export.json_io import import_case, write_json
from workbench.extract.arabic import extract_arabic
from workbench.model import Article, Extraction


def _arabic() -> Extraction:
    text = "وذكرت وكالة سانا أن اللواء علي مملوك زار القاهرة أمس."
    return extract_arabic(
        Article(id="ar", text=text, published=datetime.date(2016, 10, 17), language="ar")
    )


def test_an_articles_language_is_stored_and_read_back(case_file):
    case_path = case_file  # read back with sqlite3
    with Case.open(case_path) as case:
        added = case.add_extraction(_arabic())
        assert added.language == "ar"
    with Case.open(case_path) as case:
        assert [a.language for a in case.articles()] == ["ar"]
    db = sqlite3.connect(case_path)
    assert db.execute("SELECT language FROM articles").fetchone()[0] == "ar"
    assert db.execute("PRAGMA user_version").fetchone()[0] >= LANGUAGE_FORMAT
    db.close()


def test_the_language_goes_through_an_export_and_back(case_path, tmp_path):
    with Case.open(case_path) as case:
        case.add_extraction(_arabic())
        exported = write_json(case, tmp_path / "case.json")
    with import_case(exported, tmp_path / "copy.case") as copy:
        assert [a.language for a in copy.articles()] == ["ar"]


def test_an_older_case_reads_unknown_languages(case_file):
    case_path = case_file  # made older by hand
    from workbench.case import migrations, store

    with Case.open(case_path) as case:
        case.add_extraction(_arabic())
    db = sqlite3.connect(case_path)
    db.execute("ALTER TABLE articles DROP COLUMN language")
    db.execute("DELETE FROM migrations WHERE number >= ?", (LANGUAGE_FORMAT,))
    db.execute(f"PRAGMA user_version = {LANGUAGE_FORMAT - 1}")
    db.commit()
    db.close()
    assert migrations.FORMAT_VERSION == store.FORMAT_VERSION
    with Case.open(case_path) as case:  # migrated: the column is back, empty
        assert [a.language for a in case.articles()] == [None]
