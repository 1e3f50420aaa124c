"""Text normalisation, encoding detection and date parsing (workbench/normalize.py)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.errors import InputError
from workbench.normalize import decode_bytes, normalize_text, normalize_title

# What normalisation drops: invisible characters and control characters but tab and newline
# (the whitespace ones among them, like form feed, become a newline or a space).
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")

ARABIC = (
    "قالت وكالة سانا في 17 أكتوبر 2016 إن اللواء علي مملوك التقى اللواء خالد فوزي في القاهرة، "
    "وإن الجانبين اتفقا على تنسيق المواقف السياسية وتعزيز التنسيق في مكافحة الإرهاب. "
    "وذكرت صحيفة الأخبار اللبنانية أن الرئيس عبد الفتاح السيسي استقبل المسؤول السوري."
)
FRENCH = (
    "Le général égyptien a reçu à Paris le chef des services de sécurité syriens, "
    "a déclaré l'agence. Café, été, où, déjà : la réunion a duré deux heures."
)
GERMAN = "Müller sagte, die Straße sei gesperrt. Größere Änderungen folgen später."


# --- normalize_text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("one\u2028two\u2029three\u0085four", "one\ntwo\nthree\nfour"),
        ("A\u00a0top", "A top"),  # no-break space, as in the seed article
        ("10\u202f000 and 3\u2007km", "10 000 and 3 km"),  # narrow no-break, figure space
        ("Mam\u200blouk \u2060\ufeffsaid", "Mamlouk said"),
        # ZWNJ and ZWJ are spelling in Persian, Arabic and Indic scripts: kept
        ("\u0645\u06cc\u200c\u0634\u0648\u062f", "\u0645\u06cc\u200c\u0634\u0648\u062f"),
        ("\u0915\u094d\u200d\u0937", "\u0915\u094d\u200d\u0937"),
        # control characters go, tab and newline stay; page breaks end a line
        ("Visit\x01\x1b to Cairo", "Visit to Cairo"),
        ("a\x00b\x7fc\x9bd\x08e", "abcde"),
        ("col\tumn\x0cnext\x0bline\x1fend", "col\tumn\nnext\nline end"),
        ("Mam\u00adlouk", "Mamlouk"),  # soft hyphen
        ("line one   \nline two\t\n", "line one\nline two"),
        ("a\n\n\n\n\nb\n\n\nc\n\nd", "a\n\nb\n\nc\n\nd"),
        ("a\n \n\t\n  \nb", "a\n\nb"),  # blank lines holding only spaces are blank too
        ("\n\n  Title\n", "Title"),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


def test_normalize_text_keeps_inner_spacing_and_punctuation():
    text = "He said:  \u201cNo.\u201d \u2013 then left\u2026 (AFP)"
    assert normalize_text(text) == text


def test_seed_article_only_loses_its_non_breaking_spaces(corpora_dir):
    raw = (corpora_dir / "seed" / "mamlouk-visits-cairo.txt").read_text(encoding="utf-8")
    assert "A\u00a0top Syrian" in raw
    text = normalize_text(raw)
    assert "A top Syrian" in text and "\u00a0" not in text
    assert text == raw.replace("\u00a0", " ").strip()


_PIECES = st.sampled_from(
    [
        "Mamlouk",
        "Cairo",
        "said",
        "\u201cquote\u201d",
        "al-Assad",
        "2016",
        "مملوك",
        ".",
        ",",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\n\n\n\n",
        "\u00a0",
        "\u202f",
        "\u2007",
        "\u2028",
        "\u2029",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u00ad",
        "\u2060",
        "\u200c",
        "\x01",
        "\x1b",
        "\x00",
        "\x7f",
        "\x9b",
        "\x0c",
        "\x0b",
        "\x1e",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_normalisation_never_changes_words(raw):
    text = normalize_text(raw)
    assert text.split() == INVISIBLE.sub("", raw).split()
    assert normalize_text(text) == text  # idempotent
    assert "\n\n\n" not in text and "\r" not in text
    assert not re.search(r"[ \t]\n", text)


def test_normalize_title():
    assert normalize_title("  Iran admits\n downing\u00a0jet ") == "Iran admits downing jet"
    assert normalize_title("  ") is None
    assert normalize_title(None) is None
    assert normalize_title("Visit\x01\x1b to\x0cCairo\u200b") == "Visit to Cairo"
    assert normalize_title("\x1b[31m") == "[31m"


def test_normalized_text_has_no_control_characters_but_tab_and_newline():
    raw = "".join(chr(c) for c in range(0xA0)) + " \u200c\u200d"
    text = normalize_text(raw)
    assert not [c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n"]
    assert text.endswith("~\n \u200c\u200d")  # NEL (U+0085) is a newline


# --- decode_bytes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Égypte \u2013 Syrie".encode(), "Égypte \u2013 Syrie"),
        ("\ufeffBOM first".encode(), "BOM first"),
        ("Unicode from Notepad: é".encode("utf-16"), "Unicode from Notepad: é"),
        (ARABIC.encode("cp1256"), ARABIC),
        (FRENCH.encode("latin-1"), FRENCH),
        (GERMAN.encode("latin-1"), GERMAN),
        ("naïve café".encode("latin-1"), "naïve café"),
        (
            "\u201cSmart quotes\u201d from Word".encode("cp1252"),
            "\u201cSmart quotes\u201d from Word",
        ),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "cp1256-arabic",
        "latin1-french",
        "latin1-german",
        "latin1-short",
        "cp1252-quotes",
    ],
)
def test_decode_bytes(data, expected):
    assert decode_bytes(data, name="story.txt") == expected


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02PNG\x00\x00IHDR" * 20,
        bytes(range(256)) * 40,
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(1, 30)) * 10,  # gzip-like
    ],
)
def test_binary_data_is_refused(data):
    with pytest.raises(
        InputError, match=r"^x\.bin: this looks like a binary file, not an article$"
    ):
        decode_bytes(data, name="x.bin")


@pytest.mark.parametrize(
    "data",
    [
        bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 50,
        "Égypte: le général a été reçu. ".encode() * 20 + b"\xff\xfe\xc3" + b" fin",
    ],
    ids=["garbled", "damaged-utf8"],
)
def test_undecodable_text_is_refused_with_advice(data):
    with pytest.raises(InputError) as caught:
        decode_bytes(data, name="garbled.txt")
    message = str(caught.value)
    assert message.startswith("garbled.txt: ") and "UTF-8" in message and "\n" not in message
