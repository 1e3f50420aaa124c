"""Reading articles from files, corpora, directories and stdin (workbench/ingest.py)."""

from __future__ import annotations

import builtins
import csv
import io
import json
import shutil
import sys
import tracemalloc
from pathlib import Path

import pytest

from workbench import ingest
from workbench.dates import HINT
from workbench.errors import InputError
from workbench.ingest import iter_articles, read_articles
from workbench.model import Article

DATA = Path(__file__).parent / "data" / "ingest"
SEED_TEXT = "mamlouk-visits-cairo.txt"


def one(source, **options) -> Article:
    articles = read_articles(str(source), **options)
    assert len(articles) == 1
    return articles[0]


def error_of(source, **options) -> str:
    with pytest.raises(InputError) as caught:
        read_articles(str(source), **options)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


# --- text and Markdown -----------------------------------------------------------------------


def test_seed_article_with_its_sidecar(samples_dir):
    article = one(samples_dir / SEED_TEXT)
    assert article.id == "mamlouk-visits-cairo"
    assert article.title == "A Top Syrian Security Official Visits Egypt"
    assert str(article.published) == "2016-10-17"
    assert article.outlet is None and article.url is None
    assert article.path == str(samples_dir / SEED_TEXT)
    assert article.text.startswith("A top Syrian intelligence official")  # NBSP now a space
    assert "countries.security" in article.text  # the quirk stays: words are not touched
    assert article.text.endswith("were reportedly resumed according to the EGPC.")


def test_first_line_before_a_blank_line_is_the_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Iran admits downing jet\n\nIran said on Saturday it shot down the jet.\n")
    article = one(path)
    assert article.title == "Iran admits downing jet"
    assert article.text == "Iran said on Saturday it shot down the jet."
    assert article.published is None


@pytest.mark.parametrize(
    "content",
    [
        "Iran said on Saturday it shot down the jet.\n\nRouhani apologised.",  # a sentence
        "Iran said on Saturday it shot down the jet\nRouhani apologised.",  # no blank line
        ("word " * 60).strip() + "\n\nSecond paragraph.",  # too long for a headline
        "Only one line",
    ],
)
def test_no_title_when_the_first_line_is_not_a_headline(tmp_path, content):
    path = tmp_path / "story.txt"
    path.write_text(content)
    article = one(path)
    assert article.title is None
    assert article.text == content


def test_front_matter_and_sidecar(tmp_path):
    path = tmp_path / "visit.md"
    path.write_text(
        "---\npublished: 17 October 2016\noutlet: Middle East Eye\ntitle: 'From front matter'\n---\n"
        "# Mamlouk in Cairo\n\nSANA said the two sides agreed to coordinate.\n",
        encoding="utf-8",
    )
    article = one(path)
    # front matter beats the heading; the heading line is not part of the text
    assert (article.title, str(article.published), article.outlet) == (
        "From front matter",
        "2016-10-17",
        "Middle East Eye",
    )
    assert article.text == "SANA said the two sides agreed to coordinate."
    (tmp_path / "visit.meta.json").write_text(
        json.dumps({"published": "2016-10-18", "url": "https://example.org/visit", "title": None})
    )
    article = one(path)
    assert str(article.published) == "2016-10-18"  # the sidecar wins
    assert article.url == "https://example.org/visit"
    assert article.title == "From front matter"  # a null in the sidecar changes nothing


def test_markdown_heading_is_the_title(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Cairo summit\nForeign ministers met in Cairo on Wednesday.\n")
    article = one(path)
    assert article.title == "Cairo summit"
    assert article.text == "Foreign ministers met in Cairo on Wednesday."


def test_a_horizontal_rule_is_not_front_matter(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("---\nNot metadata, just a rule and a sentence.\n---\nMore text here.\n")
    article = one(path)
    assert article.text.startswith("---\nNot metadata")


def test_bad_sidecar_and_bad_front_matter_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some text about Cairo.")
    (tmp_path / "a.meta.json").write_text("{not json")
    assert error_of(path).startswith(f"{tmp_path / 'a.meta.json'}: not valid JSON")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "yesterday"}))
    assert "publication date 'yesterday' is not a date" in error_of(path)
    (tmp_path / "a.meta.json").unlink()
    path.write_text("---\ndate: 31/12/2019\n---\nText.")
    assert "publication date '31/12/2019' is not a date" in error_of(path)


def test_published_option_fills_only_missing_dates(tmp_path, samples_dir):
    (tmp_path / "a.txt").write_text("Text without a date.")
    assert str(one(tmp_path / "a.txt", published="2020-01-05").published) == "2020-01-05"
    assert str(one(samples_dir / SEED_TEXT, published="2020-01-05").published) == "2016-10-17"
    assert str(one(tmp_path / "a.txt", published="5 January 2020").published) == "2020-01-05"
    with pytest.raises(InputError, match="is not a date"):
        read_articles(str(tmp_path / "a.txt"), published="05/01/2020")


def test_encodings_of_text_files(tmp_path):
    arabic = "قالت وكالة سانا إن علي مملوك التقى خالد فوزي في القاهرة واتفقا على تنسيق المواقف."
    (tmp_path / "ar.txt").write_bytes(arabic.encode("cp1256"))
    assert one(tmp_path / "ar.txt").text == arabic
    french = "Le général égyptien a reçu à Paris le chef des services de sécurité syriens."
    (tmp_path / "fr.txt").write_bytes(french.encode("latin-1"))
    assert one(tmp_path / "fr.txt").text == french
    (tmp_path / "crlf.txt").write_bytes("Title\r\n\r\nBody\u00a0text.\r\n".encode())
    article = one(tmp_path / "crlf.txt")
    assert (article.title, article.text) == ("Title", "Body text.")


# --- HTML --------------------------------------------------------------------------------


def test_html_news_page_main_text_and_metadata():
    article = one(DATA / "dw-berlin-colonial-past.html")
    assert article.id == "dw-berlin-colonial-past"
    # og:title is "... | DW | 19.01.2020": the site's signature and the date are dropped
    assert article.title == "Berlin confronts Germany's colonial past with new initiative"
    assert str(article.published) == "2020-01-19"
    assert article.outlet == "DW.COM"
    assert article.url == (
        "https://www.dw.com/en/berlin-confronts-germanys-colonial-past-with-new-initiative/a-52060881"
    )
    text = article.text
    assert "ISD spokesman Tahir Della told DW." in text
    assert "the names of their streets" in text  # was "change&nbsp;the names"
    assert "\u00a0" not in text
    assert 'Tahir Della told DW. "The former colony' in text
    assert "Work in progress\n\nFreedom fighters replace colonial leaders\n\nThe renaming" in text
    for boilerplate in ("We use cookies", "DW.COM in 30 languages", "A - Z Index", "Advertisement"):
        assert boilerplate not in text


def test_html_json_ld_date_and_author():
    article = one(DATA / "aljazeera-malawians-flee-south-africa.html")
    assert article.title == "Malawians and Nigerians flee South Africa amid xenophobic threats"
    assert str(article.published) == "2026-06-11"
    assert article.outlet == "Al Jazeera"
    assert article.author == "Al Jazeera Staff"
    assert not article.text.startswith(article.title)  # the headline is not repeated
    assert "told the AFP news agency her daughter" in article.text
    assert "Code of Ethics" not in article.text and "Sign up" not in article.text


def test_html_sidecar_wins_over_page_metadata(tmp_path):
    page = tmp_path / "dw.html"
    shutil.copy(DATA / "dw-berlin-colonial-past.html", page)
    (tmp_path / "dw.meta.json").write_text(json.dumps({"outlet": "Deutsche Welle"}))
    article = one(page)
    assert article.outlet == "Deutsche Welle" and str(article.published) == "2020-01-19"


@pytest.mark.parametrize(
    "page",
    [
        (DATA / "lanouvellerepublique-app-shell.html").read_bytes(),
        b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        b"<html><body></body></html>",
    ],
    ids=["javascript-app-shell", "navigation-only", "empty-body"],
)
def test_html_without_article_text_is_refused(tmp_path, page):
    path = tmp_path / "page.html"
    path.write_bytes(page)
    assert error_of(path) == f"{path}: no article text found in this page"


# --- PDF ---------------------------------------------------------------------------------


def make_pdf(path: Path, paragraphs: list[str], *, title: str | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(4)
    pdf.output(str(path))
    return path


def test_pdf_text_layer_and_title(tmp_path):
    path = make_pdf(
        tmp_path / "report.pdf",
        [
            "SANA reported that Ali Mamlouk made an official visit to Cairo.",
            "A Syrian political source told AFP it was his first public visit.",
        ],
        title="Mamlouk visits Cairo",
    )
    article = one(path)
    assert article.id == "report" and article.title == "Mamlouk visits Cairo"
    assert "Ali Mamlouk made an official visit to Cairo." in article.text
    assert "told AFP it was his first public visit." in article.text


def test_pdf_title_that_names_a_file_is_ignored(tmp_path):
    path = make_pdf(
        tmp_path / "r.pdf",
        ["Aramco informed the EGPC early this month."],
        title="Microsoft Word - draft3.docx",
    )
    assert one(path).title is None


def test_pdf_without_text_layer_says_so(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a drawing, like a scanned page: no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    message = error_of(path)
    assert message.startswith(f"{path}: this PDF has no text layer")


def test_damaged_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n% not really a pdf\n" + b"garbage " * 50)
    assert error_of(path).startswith(f"{path}: cannot read this PDF")


# --- corpora -----------------------------------------------------------------------------


def test_csv_corpus_rows_dates_and_ids(tmp_path):
    path = tmp_path / "Corpus 2019.csv"
    path.write_text(
        "id,title,date,url,outlet,text\n"
        "r1,One,2019-09-15,https://example.org/1,AFP,The president said the attack failed.\n"
        ',Two,,,,"Officials said\ntalks were over."\n'
        "r3,Three,15 September 2019,,,\n"
        "r4,Four,someday,,,Text with a bad date.\n"
        "r1,Five,2019-09-16,,,Same id as the first row.\n",
        encoding="utf-8",
    )
    items = list(iter_articles([str(path)], published="2020-01-05"))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [a.id for a in articles] == ["corpus-2019-r1", "corpus-2019-2", "corpus-2019-r1-2"]
    assert [str(a.published) for a in articles] == ["2019-09-15", "2020-01-05", "2019-09-16"]
    assert (articles[0].url, articles[0].outlet, articles[0].title) == (
        "https://example.org/1",
        "AFP",
        "One",
    )
    assert articles[1].text == "Officials said\ntalks were over."
    assert all(a.path == str(path) for a in articles)
    assert errors == [
        f"{path}, row 3: the text is empty",
        f"{path}, row 4: publication date 'someday' is not a date: {HINT}",
    ]
    with pytest.raises(InputError, match="row 3: the text is empty"):
        read_articles(str(path))  # strict: the first bad row stops it


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("url,headline\nhttps://example.org,Hello\n")
    assert error_of(path) == (
        f"{path}: a corpus needs a 'text' column with each article's text "
        "(found the columns: url, headline)"
    )
    path.write_text("url;headline\nhttps://example.org;Hello, world\n")  # semicolons
    assert error_of(path).endswith("(found the columns: url, headline)")


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_csv_delimiter_is_detected(tmp_path, delimiter):
    path = tmp_path / "c.csv"
    rows = [
        ["text", "title", "date"],
        ["Officials said, in Cairo, that talks; were over.", "Talks; over", "2019-09-15"],
        ["Reuters reported the port was closed.", "Port closed", "2019-09-16"],
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    articles = read_articles(str(path))
    assert [(a.text, a.title, str(a.published)) for a in articles] == [
        ("Officials said, in Cairo, that talks; were over.", "Talks; over", "2019-09-15"),
        ("Reuters reported the port was closed.", "Port closed", "2019-09-16"),
    ]


def test_semicolon_csv_with_the_text_column_first(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("text;title\nSANA said the two sides agreed.;Mamlouk in Cairo\n")
    article = one(path)
    assert (article.text, article.title) == ("SANA said the two sides agreed.", "Mamlouk in Cairo")


def test_control_characters_in_a_corpus_row_are_dropped(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        'title,outlet,text\n"Visit\x01\x1b to Cairo",AFP\x1b[31m,"SANA\x07 said\x0cthe visit ended."\n'
    )
    article = one(path)
    assert article.title == "Visit to Cairo"
    assert article.outlet == "AFP[31m"
    assert article.text == "SANA said\nthe visit ended."


def test_csv_in_legacy_encoding_with_published_column(tmp_path):
    path = tmp_path / "c.csv"
    text = "Le général a été reçu au Caire par le président égyptien."
    path.write_bytes(f"Text,Published\n{text},2016-10-17\n".encode("latin-1"))
    article = one(path)
    assert (article.text, str(article.published), article.id) == (text, "2016-10-17", "c-1")


def test_wikinews_corpus(corpora_dir):
    path = corpora_dir / "wikinews" / "wikinews_2019.csv"
    articles = read_articles(str(path))
    assert len(articles) == 171
    assert len({a.id for a in articles}) == 171
    assert all(a.published and a.url.startswith("https://en.wikinews.org") for a in articles)
    saudi = next(a for a in articles if a.title.startswith("Oil facilities in Saudi Arabia"))
    assert str(saudi.published) == "2019-09-15"
    assert "\n\n\n" not in saudi.text


def test_jsonl_records_may_hold_line_separators_in_their_strings(tmp_path):
    path = tmp_path / "c.jsonl"
    records = [
        {"id": "a", "title": "One\u2028two", "text": "First\u2028line\u2029para\u0085end."},
        {"id": "b", "text": "Second record."},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    assert "\u2028" in lines[0]  # written raw, as json.dumps(ensure_ascii=False) does
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    items = list(iter_articles([str(path)]))
    assert [(i.id, i.title, i.text) for i in items] == [
        ("c-a", "One two", "First\nline\npara\nend."),
        ("c-b", None, "Second record."),
    ]


def test_jsonl_corpus(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps(
            {"id": "k1", "text": "Reuters reported that the talks failed.", "date": "2020-01-06"}
        )
        + "\n\n"
        + "{broken\n"
        + json.dumps(["not", "an", "object"])
        + "\n"
        + json.dumps({"id": 7, "text": "AFP said the port was closed.", "outlet": "AFP"})
        + "\n"
        + json.dumps({"id": "k3", "text": 12})
        + "\n"
    )
    items = list(iter_articles([str(path)]))
    assert [i.id for i in items if isinstance(i, Article)] == ["c-k1", "c-7"]
    assert [str(i) for i in items if isinstance(i, InputError)] == [
        f"{path}, line 3: not valid JSON (Expecting property name enclosed in double quotes)",
        f"{path}, line 4: expected a JSON object with a 'text' field",
        f"{path}, line 6: the text should be a string",
    ]
    assert str(items[0].published) == "2020-01-06" and items[-2].outlet == "AFP"


def _write_corpus(path: Path, rows: int, *, kind: str, encoding: str = "utf-8") -> None:
    text = "Le ministre a été reçu au Caire, a rapporté l'agence SANA lundi. " * 40
    with path.open("w", newline="", encoding=encoding) as handle:
        if kind == "csv":
            writer = csv.writer(handle)
            writer.writerow(["id", "title", "date", "text"])
            for n in range(rows):
                writer.writerow([f"r{n}", f"Story {n}", "2019-09-15", text])
        else:
            for n in range(rows):
                record = {"id": f"r{n}", "date": "2019-09-15", "text": text}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")


@pytest.mark.parametrize(
    ("kind", "encoding"), [("csv", "utf-8"), ("csv", "latin-1"), ("jsonl", "utf-8")]
)
def test_a_corpus_is_read_as_a_stream(tmp_path, kind, encoding):
    path = tmp_path / f"big.{kind}"
    _write_corpus(path, 6000, kind=kind, encoding=encoding)
    size = path.stat().st_size
    assert size > 15_000_000
    count = 0
    tracemalloc.start()
    try:
        for item in iter_articles([str(path)]):
            assert isinstance(item, Article)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 6000
    # neither the file's bytes nor its text are ever held whole: a fraction of its size
    assert peak < size / 4, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB corpus"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1256"])
@pytest.mark.parametrize("rows", [3, 2000], ids=["small", "over-the-sample"])
def test_corpus_encodings_with_a_bom_or_detected(tmp_path, encoding, rows):
    arabic = "قالت وكالة سانا إن علي مملوك التقى خالد فوزي في القاهرة واتفقا على تنسيق المواقف."
    path = tmp_path / "c.csv"
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=";").writerows([["title", "text"], *[["خبر", arabic]] * rows])
    assert path.stat().st_size > 65_536 or rows == 3
    articles = read_articles(str(path))
    assert len(articles) == rows
    assert {(a.title, a.text) for a in articles} == {("خبر", arabic)}


def test_a_legacy_character_past_the_start_of_a_corpus_sets_its_encoding(tmp_path):
    path = tmp_path / "c.csv"
    plain = "The minister was received in Cairo, the agency said on Monday. " * 4
    accented = "Le ministre a été reçu au Caire, a rapporté l'agence lundi. " * 4
    rows = [plain] * 2000 + [accented] * 2000  # ASCII for the first 500 KB
    with path.open("w", newline="", encoding="latin-1") as handle:
        csv.writer(handle).writerows([["text"], *([r] for r in rows)])
    articles = read_articles(str(path))
    assert [a.text for a in articles] == [r.strip() for r in rows]


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_an_encoding_error_deep_in_a_corpus_ends_it_with_a_clear_error(tmp_path, kind):
    path = tmp_path / f"c.{kind}"
    _write_corpus(path, 2000, kind=kind)
    data = bytearray(path.read_bytes())
    # between the sampled start (64 KB) and the first probe (a fifth of the way in)
    at = data.index(b"\xc3\xa9", len(data) // 10)
    data[at : at + 2] = b"\xe9\xff"
    path.write_bytes(bytes(data))
    items = list(iter_articles([str(path)]))
    *good, last = items
    assert len(good) > 100 and all(isinstance(i, Article) for i in good)
    what = "row" if kind == "csv" else "line"
    assert isinstance(last, InputError)
    assert str(last).startswith(f"{path}, near {what} ")
    assert str(last).endswith(
        "the text stops being valid utf-8 here, unlike the start of the file; "
        "save the file as UTF-8 and try again"
    )
    with pytest.raises(InputError, match="stops being valid utf-8"):
        read_articles(str(path))


def test_damaged_utf8_found_in_a_probe_refuses_the_corpus_at_once(tmp_path):
    path = tmp_path / "c.csv"
    _write_corpus(path, 2000, kind="csv")
    data = bytearray(path.read_bytes())
    at = data.index(b"\xc3\xa9", len(data) * 2 // 5 + 2000)  # inside the second probe
    data[at : at + 2] = b"\xe9\xff"
    path.write_bytes(bytes(data))
    items = list(iter_articles([str(path)]))
    assert [str(i) for i in items] == [
        f"{path}: the text encoding cannot be read (bad bytes); save the file as UTF-8 and try again"
    ]


def test_a_corpus_over_its_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "CORPUS_MAX_BYTES", 1000)
    path = tmp_path / "c.jsonl"
    _write_corpus(path, 10, kind="jsonl")
    assert error_of(path, max_bytes=500) == (
        f"{path}: the file is too big (0.0 MB; the limit is 0.001 MB)"
    )


def test_a_jsonl_line_over_its_limit_is_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "long", "text": "word " * 2000}),
        json.dumps({"id": "short", "text": "AFP said the port was closed."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(iter_articles([str(path)], max_bytes=1000))
    assert (
        str(items[0]) == f"{path}, line 1: the record is too long (over 0.006 million characters)"
    )
    assert [(i.id, i.text) for i in items[1:]] == [("c-short", "AFP said the port was closed.")]


# --- directories, ids and order ------------------------------------------------------------


def test_directory_yields_good_files_and_reports_bad_ones(tmp_path, samples_dir):
    folder = tmp_path / "case"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(samples_dir / SEED_TEXT, folder / "b-seed.txt")
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "d-notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "README.md").write_text("# About this folder\n\nNot an article.")
    (folder / "SOURCES.md").write_text("# Sources\n\nNot an article either.")
    (folder / "b-seed.meta.json").write_text(json.dumps({"published": "2016-10-17"}))
    (folder / ".hidden.txt").write_text("An editor's backup, not an article.")
    (folder / "sub" / "e-story.md").write_text("# Deep story\n\nIt sits in a subfolder.")
    items = list(iter_articles([str(folder)]))
    kinds = [(type(i).__name__, str(i) if isinstance(i, InputError) else i.id) for i in items]
    assert kinds == [
        ("InputError", f"{folder / 'a-empty.txt'}: the file is empty"),
        ("Article", "b-seed"),
        ("InputError", f"{folder / 'c-binary.txt'}: this looks like a binary file, not an article"),
        (
            "InputError",
            f"{folder / 'd-notes.docx'}: unsupported format .docx; "
            "use .txt, .md, .html, .pdf, .csv, .jsonl or a URL",
        ),
        ("Article", "e-story"),
    ]
    assert str(items[1].published) == "2016-10-17"
    with pytest.raises(InputError, match="a-empty.txt: the file is empty"):
        read_articles(str(folder))


def test_folder_skips_only_well_known_names(tmp_path):
    skipped = ["README", "readme.md", "README.txt", "LICENSE", "Licence.md", "CHANGELOG.md"]
    for name in [*skipped, "SOURCES.md", "story.meta.json", ".draft.txt"]:
        (tmp_path / name).write_text("About this folder\n\nNot an article, and not read.")
    (tmp_path / "notice.txt").write_text("Notice\n\nThe ministry issued a notice on Monday.")
    (tmp_path / "sources.csv").write_text("text\nAFP said the port was closed.\n")
    (tmp_path / "license-dispute.md").write_text("The court ruled on the licence.")
    (tmp_path / "contributing.txt").write_text("Reuters said volunteers contributed.")
    articles = read_articles(str(tmp_path))
    assert [a.id for a in articles] == ["contributing", "license-dispute", "notice", "sources-1"]


def test_inputs_keep_their_order_and_ids_stay_unique(tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story from {folder}.")
    sources = [str(tmp_path / "two" / "story.txt"), str(tmp_path / "one" / "story.txt")]
    articles = list(iter_articles(sources))
    assert [a.text for a in articles] == ["Story from two.", "Story from one."]
    assert [a.id for a in articles] == ["story", "story-2"]


def test_sample_folder_reads_every_article_and_no_other_file(samples_dir):
    articles = read_articles(str(samples_dir))
    names = sorted(p.name for p in samples_dir.glob("*.txt"))
    assert [Path(a.path).name for a in articles] == names
    assert len(articles) >= 6
    assert all(a.published and a.title for a in articles)


# --- bad inputs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n \t\n\xc2\xa0\n", "the file contains only whitespace"),
        ("invisible.md", "\u200b\ufeff\n".encode(), "the file contains only whitespace"),
        ("x.bin.txt", bytes(range(256)) * 40, "this looks like a binary file, not an article"),
        ("page.html", b"\x00\x01\x02\x03" * 100, "this looks like a binary file, not an article"),
        ("rows.csv", b"", "the file is empty"),
    ],
)
def test_bad_files(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    assert error_of(path) == f"{path}: {expected}"


def test_unknown_extension_and_missing_path(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    assert error_of(tmp_path / "notes.docx") == (
        f"{tmp_path / 'notes.docx'}: unsupported format .docx; "
        "use .txt, .md, .html, .pdf, .csv, .jsonl or a URL"
    )
    (tmp_path / "notes").write_text("text")
    assert "no file extension" in error_of(tmp_path / "notes")
    assert error_of(tmp_path / "nope.txt") == f"{tmp_path / 'nope.txt'}: no such file or directory"


def test_undecodable_file(tmp_path):
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 50)
    assert error_of(path).startswith(f"{path}: the text encoding cannot be read")


def test_huge_file_is_refused_by_its_size_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    opened = []
    real_open = io.open
    for owner in (io, builtins):  # Path.open goes through io.open

        def recording_open(file, *args, **kwargs):
            opened.append(file)
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(owner, "open", recording_open)
    message = error_of(path)
    assert message == f"{path}: the file is too big (52.4 MB; the limit is 20 MB)"
    assert opened == []  # refused from its size alone: not a byte read
    small = tmp_path / "small.txt"
    small.write_text("x" * 2000)
    assert "the limit is 0.001 MB" in error_of(small, max_bytes=1000)


# --- stdin --------------------------------------------------------------------------------


def stdin_of(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_text(monkeypatch):
    stdin_of(monkeypatch, "Cairo summit\n\nThe ministers met.\u00a0It was cold.".encode())
    article = one("-", published="2020-01-11")
    assert (article.id, article.title, article.text) == (
        "stdin",
        "Cairo summit",
        "The ministers met. It was cold.",
    )
    assert str(article.published) == "2020-01-11" and article.path is None


def test_stdin_html_is_recognised(monkeypatch):
    stdin_of(monkeypatch, (DATA / "dw-berlin-colonial-past.html").read_bytes())
    article = one("-")
    assert article.outlet == "DW.COM" and "Tahir Della told DW" in article.text


def test_empty_stdin(monkeypatch):
    stdin_of(monkeypatch, b"")
    assert error_of("-") == "standard input: nothing was given"


def test_html_in_a_legacy_encoding_declared_by_meta_charset(tmp_path):
    first = (
        "قالت وكالة سانا إن علي مملوك التقى خالد فوزي في القاهرة واتفقا على تنسيق المواقف السياسية."
    )
    second = "وذكرت صحيفة الأخبار اللبنانية أن الرئيس عبد الفتاح السيسي استقبل المسؤول السوري في القاهرة."
    page = (
        '<html><head><meta charset="windows-1256"><title>مملوك في القاهرة</title></head>'
        f"<body><nav><a href='/'>الرئيسية</a></nav><article><p>{first}</p>"
        f"<p>{second}</p></article></body></html>"
    )
    path = tmp_path / "ar.html"
    path.write_bytes(page.encode("cp1256"))
    article = one(path)
    assert article.text == f"{first}\n\n{second}"
    assert article.title == "مملوك في القاهرة"
    assert article.id == "ar"
