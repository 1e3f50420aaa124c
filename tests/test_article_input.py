"""What `Case.add_article` makes of pasted text: the same article a `.txt` file gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.article_input import read_article
from workbench.errors import InputError
from workbench.ingest import read_articles

CONTENTS = {
    "title": "Title line\n\nBody text of the report, as a journalist pasted it.\n",
    "sentence": "The talks ended on Monday.\n\nBoth sides said they would meet again.",
    "no-blank-line": "Talks in Cairo\nAli Mamlouk met Khaled Fawzy on Sunday.",
    "front-matter": "---\ntitle: Talks in Cairo\npublished: 2016-10-18\noutlet: SANA\n---\n"
    "Ali Mamlouk met Khaled Fawzy in Cairo on Sunday.",
    "crlf": "Talks in Cairo\r\n\r\nAli Mamlouk met Khaled Fawzy.\r\n",
}


@pytest.mark.parametrize("content", CONTENTS.values(), ids=CONTENTS.keys())
def test_text_is_read_like_a_txt_file_with_the_same_content(tmp_path: Path, content: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content.encode("utf-8"))
    [from_file] = read_articles(str(path))
    from_text = read_article(content)
    for field in ("text", "title", "published", "outlet", "url", "author"):
        assert getattr(from_text, field) == getattr(from_file, field), field


def test_a_title_line_becomes_the_title_and_the_id() -> None:
    article = read_article(CONTENTS["title"])
    assert (article.id, article.title) == ("title-line", "Title line")
    assert article.text == "Body text of the report, as a journalist pasted it."
    untitled = read_article(CONTENTS["sentence"])
    assert (untitled.id, untitled.title) == ("the-talks-ended-on-monday", None)


def test_keywords_fill_what_the_text_does_not_say() -> None:
    article = read_article(CONTENTS["front-matter"], published="2020-01-01", title="Other")
    assert (article.title, str(article.published), article.outlet) == (
        "Other",
        "2016-10-18",
        "SANA",
    )


def test_empty_text_is_refused() -> None:
    with pytest.raises(InputError, match="empty"):
        read_article(" \n\n ")


@pytest.mark.parametrize("source", ["", "   ", "\n\t"])
def test_an_empty_source_is_refused_not_read_as_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    from workbench import Case

    # a folder of articles: "" taken as a path would be this folder, read as a corpus
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(f"Report {name}\n\nAli Mamlouk met Khaled Fawzy.\n")
    monkeypatch.chdir(tmp_path)

    def no_extraction(self):
        raise AssertionError("an empty source reached the extractor")

    monkeypatch.setattr(Case, "_extractor", no_extraction)
    with Case.open(tmp_path / "story.case") as case:
        with pytest.raises(InputError, match="^the article source is empty"):
            case.add_article(source)
        with pytest.raises(InputError, match="^the article source is empty"):
            case.add_articles(["Some report.\n\nIt has text.", source])
        assert case.articles() == []
