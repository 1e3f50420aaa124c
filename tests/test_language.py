"""Language detection: offline, Arabic by its script, English kept English when unsure."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workbench.extract.by_language import extract_other_language, with_language
from workbench.language import detect_language, is_supported, unsupported_message
from workbench.model import Article


def test_arabic_by_its_letters():
    assert detect_language("قال مصدر مطلع إن اللواء علي مملوك زار القاهرة") == "ar"
    # an English article quoting an Arabic name stays English
    assert detect_language("Ali Mamlouk (علي مملوك) visited Cairo, SANA said on Monday.") == "en"


def test_short_or_unsure_latin_text_stays_english():
    assert detect_language("Reuters said the minister met the Syrian envoy in Cairo.") == "en"
    assert detect_language("Der Präsident sagte") == "en"  # too short to be sure
    assert detect_language("1234 -- !!") is None


def test_a_long_text_in_another_language_is_called_by_it(samples_dir):
    german = (
        "Der Bundespräsident sagte am Montag in Berlin, dass die Regierung die Sanktionen "
        "gegen den Iran verlängern werde. Die Opposition kritisierte die Entscheidung "
        "scharf und forderte eine Debatte im Bundestag über die Außenpolitik des Landes."
    )
    assert detect_language(german) == "de"
    for path in sorted(samples_dir.glob("*.txt")):
        expected = "ar" if path.stem.endswith("-ar") else "en"
        assert detect_language(path.read_text(encoding="utf-8")) == expected, path.name


def test_a_given_language_is_kept_and_a_missing_one_detected():
    article = Article(id="a", text="قال مصدر مطلع إن الوفد وصل")
    assert with_language(article).language == "ar"
    assert with_language(replace(article, language="fa")).language == "fa"


def test_an_unsupported_language_extracts_nothing():
    article = Article(id="a", text="irrelevant", language="de")
    extraction = extract_other_language(article)
    assert not isinstance(extraction, Exception)
    assert extraction.actors == extraction.claims == extraction.events == ()
    assert extraction.article.language == "de"
    assert not is_supported("de") and is_supported("ar") and is_supported(None)
    assert "no actors, claims or events" in unsupported_message("x.txt", "de")


def test_plainly_english_text_skips_the_model_and_other_text_does_not(monkeypatch):
    import workbench.language as language

    english = (
        "The minister said on Monday that the government would extend the sanctions on "
        "Iran, and the opposition said it was a mistake that would cost the country dear."
    ) * 2
    # French without its accents: no letter outside ASCII, yet not English
    french = (
        "Le president a dit lundi a Paris que le gouvernement allait prolonger les "
        "sanctions contre l'Iran, et l'opposition a critique la decision du gouvernement."
    ) * 2
    assert detect_language(french) == "fr"

    def no_model():
        raise AssertionError("the model was asked")

    monkeypatch.setattr(language, "_identifier", no_model)
    assert detect_language(english) == "en"
    assert detect_language(english.replace("'", "\u2019")) == "en"  # typographic quotes
    with pytest.raises(AssertionError, match="the model was asked"):
        detect_language(french)  # French still goes to the model
