"""Which language an article is written in, detected offline.

The detector is py3langid (BSD-3-Clause; langid.py's model of 97 languages ships inside the
package, about 4 MB, nothing is downloaded). Two guards keep English articles English:
Arabic script is recognised by its letters alone (a count, no model), and a Latin-script
text is only called another language when the model is sure and the text is long enough
to be sure about; a short English snippet must not lose its extraction to a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# the languages the extraction has rules for; any other gets a warning and no extraction
SUPPORTED = ("en", "ar")
NAMES = {"en": "English", "ar": "Arabic"}

_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]")
_LETTER = re.compile(r"[^\W\d_]")
# below this many letters a text says too little for the model to overrule English
MIN_LETTERS = 200
MIN_CONFIDENCE = 0.95
CLASSIFY_CHARS = 2000
# a Latin text with no letter outside ASCII whose words are at least this share English
# function words is English: the model (a tenth of the rules' own time) is not asked. On
# the 295 Wikinews articles and the samples the share is 0.24 or more for English, about
# 0.1 for French or Italian written without accents, and the model agreed on every
# article the shortcut took (253 of 305).
ENGLISH_SHARE = 0.2
_WORD = re.compile(r"[a-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language ("en", "ar", "de", ...), or None for a
    text with no letters. Latin-script text defaults to English unless the model is sure."""
    letters = _LETTER.findall(text[:20000])
    if not letters:
        return None
    # one pass of the pattern, not a match per letter (the letters of an English article
    # are thousands): Arabic letters are letters, so the two counts compare
    arabic = len(_ARABIC_LETTER.findall(text[:20000]))
    if arabic / len(letters) >= 0.5:
        return "ar"
    if len(letters) < MIN_LETTERS:
        return "en"
    # the model reads character n-grams: 2,000 characters decide as well as 20,000 did on
    # every Wikinews article, at half the cost (it ran on every article extracted)
    if _plainly_english(text[:CLASSIFY_CHARS]):
        return "en"
    code, confidence = _identifier().classify(text[:CLASSIFY_CHARS])
    if code == "ar" or (code != "en" and confidence < MIN_CONFIDENCE):
        # Arabic without Arabic letters is a transliteration: English rules fit it better
        return "en"
    return str(code)


def _plainly_english(text: str) -> bool:
    """Text with no letter outside ASCII (no accent, which other Latin languages hardly do
    without; quotes and dashes may be typographic) whose words are largely English
    function words ("the", "of", "said")."""
    if not text.isascii() and any(ch.isalpha() for ch in _NON_ASCII.findall(text)):
        return False
    words = _WORD.findall(text.lower())
    if not words:
        return False
    common = _function_words()
    return sum(w in common for w in words) >= ENGLISH_SHARE * len(words)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from .lexicon import words

    return words("en_function_words.txt")


def is_supported(language: str | None) -> bool:
    """Whether the extraction has rules for `language` (None, unknown, counts as English)."""
    return language is None or language in SUPPORTED


def language_name(code: str | None) -> str:
    """A code as a person reads it: "Arabic", or the code itself where we have no name."""
    if code is None:
        return "unknown"
    return NAMES.get(code, code)


def unsupported_message(article_name: str, language: str) -> str:
    """The one warning for an article in a language without rules, the same everywhere."""
    rules = ", ".join(f"{language_name(code)} ({code})" for code in SUPPORTED)
    return (
        f"{article_name}: its language was detected as {language_name(language)!r}; the "
        f"extraction has rules for {rules} only: no actors, claims or events were extracted"
    )


__all__ = [
    "SUPPORTED",
    "detect_language",
    "is_supported",
    "language_name",
    "unsupported_message",
]
