"""The bundled sample articles: faithful copies, dated, attributed, and read without changes."""

from __future__ import annotations

import csv
import json
import re

import pytest

from workbench.ingest import read_articles

INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")  # ZWNJ and ZWJ are kept


def sample_files(samples_dir):
    return sorted(samples_dir.glob("*.txt"))


def test_seed_is_kept_exactly_as_given(samples_dir, corpora_dir):
    given = (corpora_dir / "seed" / "mamlouk-visits-cairo.txt").read_bytes()
    assert (samples_dir / "mamlouk-visits-cairo.txt").read_bytes() == given
    meta = json.loads((samples_dir / "mamlouk-visits-cairo.meta.json").read_text())
    assert meta["published"] == "2016-10-17"


def _wikinews_rows(corpora_dir) -> dict[str, dict[str, str]]:
    csv.field_size_limit(10**8)
    rows = {}
    for path in sorted((corpora_dir / "wikinews").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                rows[row["title"]] = row
    return rows


def test_wikinews_samples_match_the_corpus_word_for_word(samples_dir, corpora_dir):
    rows = _wikinews_rows(corpora_dir)
    # the seed, its Arabic counterpart and the exercise's invented story (written for the
    # project) are not Wikinews copies
    written = ("mamlouk-visits", "exercise-")
    wikinews = [p for p in sample_files(samples_dir) if not p.stem.startswith(written)]
    assert len(wikinews) >= 5
    for path in wikinews:
        meta = json.loads(path.with_name(path.stem + ".meta.json").read_text(encoding="utf-8"))
        row = rows[meta["title"]]
        assert meta["published"] == row["date"]
        assert meta["outlet"] == "Wikinews"
        assert meta["url"] == row["url"].replace("wikinews.org//wiki/", "wikinews.org/wiki/")
        title, blank, body = path.read_text(encoding="utf-8").partition("\n\n")
        assert title == row["title"] and blank
        assert body.split() == row["text"].split(), path.name


def test_sources_file_names_every_sample_with_its_licence(samples_dir):
    sources = (samples_dir / "SOURCES.md").read_text(encoding="utf-8")
    assert "CC BY 2.5" in sources and "given by the project's user" in sources
    for path in sample_files(samples_dir):
        assert f"`{path.name}`" in sources
        meta = json.loads(path.with_name(path.stem + ".meta.json").read_text(encoding="utf-8"))
        if meta["url"]:
            assert meta["url"] in sources


@pytest.mark.parametrize("index", range(8))
def test_reading_a_sample_changes_no_word(samples_dir, index):
    files = sample_files(samples_dir)
    if index >= len(files):
        pytest.skip("fewer samples")
    path = files[index]
    (article,) = read_articles(str(path))
    raw = path.read_text(encoding="utf-8")
    assert (article.title + "\n\n" + article.text).split() == INVISIBLE.sub("", raw).split()
    assert article.title and article.published
    assert "\u00a0" not in article.text and "\r" not in article.text
