"""The one date type and the one parser, and every boundary that reads a date through it."""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench import Case
from workbench.article_input import read_article
from workbench.dates import DateError, PartialDate, Precision, parse_date, parse_day
from workbench.ingest import read_articles
from workbench.model import Article, Event

# --- the parser ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-01-15", "2019-01-15"),
        ("2019-1-5", "2019-01-05"),
        ("2019/01/15", "2019-01-15"),
        ("2019-01-15T10:00:00Z", "2019-01-15"),
        ("2019-01-15 23:59:59+03:00", "2019-01-15"),
        ("15 January 2019", "2019-01-15"),
        ("15th Jan. 2019", "2019-01-15"),
        ("17 of October 2016", "2016-10-17"),
        ("January 15, 2019", "2019-01-15"),
        ("Sept 3 2019", "2019-09-03"),
        ("Friday, January 4, 2019", "2019-01-04"),
        ("Tue, 15 Jan 2019 10:00:00 +0000", "2019-01-15"),
        ("  2016-10  ", "2016-10"),
        ("October 2016", "2016-10"),
        ("Oct. 2016", "2016-10"),
        ("2016", "2016"),
        (datetime.date(2016, 10, 17), "2016-10-17"),
        (datetime.datetime(2016, 10, 17, 9, 30), "2016-10-17"),
        (PartialDate(2016, 10), "2016-10"),
    ],
)
def test_dates_are_read_at_their_precision(value, expected):
    assert parse_date(value).isoformat() == expected


@pytest.mark.parametrize(
    "value",
    [
        "01/02/2019",
        "2019-13-01",
        "2019-02-30",
        "2016-02-31",
        "soon",
        "",
        "   ",
        "Smarch 2016",
        2016,
    ],
)
def test_unreadable_impossible_or_ambiguous_dates_are_refused_in_one_line(value):
    with pytest.raises(DateError) as error:
        parse_date(value, what="corpus.csv, row 2: publication date")
    message = str(error.value)
    assert message.startswith("corpus.csv, row 2: publication date")
    assert "\n" not in message and "YYYY-MM-DD" in message


def test_an_impossible_day_says_why():
    with pytest.raises(DateError, match=r"February 2016 has 29 days"):
        parse_date("2016-02-31")


def test_a_publication_date_must_name_a_day():
    assert parse_day("17 October 2016") == datetime.date(2016, 10, 17)
    with pytest.raises(DateError, match="names no day"):
        parse_day("October 2016")


def test_precision_bounds_and_order():
    month = PartialDate(2016, 2)
    assert (month.precision, month.first, month.last) == (
        Precision.MONTH,
        datetime.date(2016, 2, 1),
        datetime.date(2016, 2, 29),
    )
    assert PartialDate(2016).precision is Precision.YEAR
    assert PartialDate(2016, 2, 3).precision is Precision.DAY
    assert sorted([PartialDate(2016, 3), PartialDate(2016), PartialDate(2016, 2, 9)]) == [
        PartialDate(2016),
        PartialDate(2016, 2, 9),
        PartialDate(2016, 3),
    ]
    with pytest.raises(ValueError):
        PartialDate(2016, None, 3)


@given(st.dates(min_value=datetime.date(1, 1, 1)), st.sampled_from(["day", "month", "year"]))
def test_the_stored_form_reads_back_as_the_same_date(day, precision):
    date = PartialDate(
        day.year,
        day.month if precision != "year" else None,
        day.day if precision == "day" else None,
    )
    assert PartialDate.from_iso(date.isoformat()) == date == parse_date(date.isoformat())


# --- records clean their dates on construction ------------------------------------------------


def test_records_hold_dates_not_strings():
    article = Article(id="a", text="t", published="17 October 2016")
    assert article.published == datetime.date(2016, 10, 17)
    assert article.to_dict()["published"] == "2016-10-17"
    event = Event.from_dict(
        {
            "id": "e1",
            "date": "2016-10",
            "precision": "month",
            "date_text": "October",
            "start": 0,
            "end": 7,
        }
    )
    assert event.date == PartialDate(2016, 10) and event.to_dict()["date"] == "2016-10"
    with pytest.raises(DateError, match="publication date '2016-02-31'"):
        Article(id="a", text="t", published="2016-02-31")


# --- every boundary accepts and refuses the same inputs, with the same message ---------------

GOOD = ("17 October 2016", "2016-10-17", "Mon, 17 Oct 2016 08:00:00 GMT")
BAD = ("2016-02-31", "17/10/2016", "someday")
TEXT = "Egypt received Ali Mamlouk on Sunday, the Syrian news agency SANA said.\n"


def _message(call) -> str:
    with pytest.raises(DateError) as error:
        call()
    return str(error.value).split("publication date ", 1)[1]


def _boundaries(tmp_path, value):
    """Each way a publication date comes in, as a function that reads `value` through it."""
    folder = tmp_path / f"b{abs(hash(value))}"
    folder.mkdir()

    def front_matter():
        path = folder / "front.md"
        path.write_text(f"---\npublished: {value}\n---\n{TEXT}", encoding="utf-8")
        return read_articles(str(path))[0].published

    def sidecar():
        path = folder / "side.txt"
        path.write_text(TEXT, encoding="utf-8")
        (folder / "side.meta.json").write_text(json.dumps({"published": value}), "utf-8")
        return read_articles(str(path))[0].published

    def corpus_row():
        path = folder / "corpus.jsonl"
        path.write_text(json.dumps({"text": TEXT, "date": value}) + "\n", encoding="utf-8")
        return read_articles(str(path))[0].published

    def option_for_a_file():
        path = folder / "plain.txt"
        path.write_text(TEXT, encoding="utf-8")
        return read_articles(str(path), published=value)[0].published

    def pasted_text():
        return read_article(TEXT, published=value).published

    def record():
        return Article(id="a", text=TEXT, published=value).published

    return {
        "front matter": front_matter,
        "sidecar": sidecar,
        "corpus row": corpus_row,
        "--published / add_article(path)": option_for_a_file,
        "add_article(text)": pasted_text,
        "Article record": record,
    }


@pytest.mark.parametrize("value", GOOD)
def test_every_boundary_reads_the_same_day(tmp_path, value):
    read = {name: boundary() for name, boundary in _boundaries(tmp_path, value).items()}
    assert set(read.values()) == {datetime.date(2016, 10, 17)}, read


@pytest.mark.parametrize("value", BAD)
def test_every_boundary_refuses_with_the_same_message(tmp_path, value):
    messages = {name: _message(boundary) for name, boundary in _boundaries(tmp_path, value).items()}
    assert len(set(messages.values())) == 1, messages


@pytest.mark.slow
def test_add_article_and_update_article_take_the_same_dates(tmp_path, monkeypatch):
    """The case API: `published` at add and at update goes through the same parser, and a
    relative date follows a publication date written out in words."""
    with Case.open(tmp_path / "d.case") as case:
        article = case.add_article(TEXT, published="17 October 2016")
        assert article.published == datetime.date(2016, 10, 17)
        sunday = next(e for e in case.events() if e.date_text == "Sunday")
        assert sunday.date == PartialDate(2016, 10, 16)
        case.update_article(article.id, published="Mon, 24 Oct 2016 08:00:00 GMT")
        assert case.article(article.id).published == datetime.date(2016, 10, 24)
        assert case.event(sunday.id).date == PartialDate(2016, 10, 23)
        with pytest.raises(DateError):
            case.update_article(article.id, published="2016-02-31")
        with pytest.raises(DateError):
            case.add_article(TEXT + " Again.", published="2016-02-31")
