"""Arabic text as tokens with offsets: spaCy's Arabic tokenizer, taught the quotation
marks and Arabic punctuation it leaves stuck to words ("مستمر»."), plus the normal forms
our lookups compare (no diacritics, one alif, ى as ي, ة as ه, clitics and article off)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol, cast

from ...lexicon.transliterate import clean_arabic
from ..long_words import linear_tokenizer

if TYPE_CHECKING:
    from spacy.language import Language

# punctuation spaCy's Arabic rules keep inside a token: split off both ends
_PUNCT = r"[«»\"“”„‘’'()\[\]:؛،,.!?؟…]"
_ALIF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# conjunctions and prepositions written as one word with what follows
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
SENTENCE_END = frozenset(".!?؟")
OPEN_QUOTES = frozenset('«“"')
CLOSE_QUOTES = frozenset('»”"')


class _TokenizerRules(Protocol):
    """The attributes of spaCy's (Cython) Tokenizer we set: it ships no type stub."""

    prefix_search: Callable[[str], Any]
    suffix_search: Callable[[str], Any]
    infix_finditer: Callable[[str], Any]


@lru_cache(maxsize=1)
def arabic_nlp() -> Language:
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = spacy.blank("ar")
    tokenizer = cast(_TokenizerRules, nlp.tokenizer)  # typed by spaCy as a plain callable
    defaults = nlp.Defaults
    tokenizer.prefix_search = compile_prefix_regex([_PUNCT, *(defaults.prefixes or ())]).search
    tokenizer.suffix_search = compile_suffix_regex([_PUNCT, *(defaults.suffixes or ())]).search
    # "لـ«الأخبار»": a preposition written against a quotation mark; "لـ(وات)" against a
    # bracket, after its tatweel (a bracket inside a word otherwise stays: "(2)")
    tokenizer.infix_finditer = compile_infix_regex(
        [r"[«»\"“”]", r"(?<=ـ)\(", *(defaults.infixes or ())]
    ).finditer
    linear_tokenizer(nlp)
    return nlp


def normal(word: str) -> str:
    """The form lookups compare: no diacritics or tatweel, one alif, ى as ي, ة as ه."""
    return clean_arabic(word).translate(_ALIF)


# the words that open reported content (إن and its sisters, with a pronoun or ب); the noun
# right after one is its clause's subject ("أكد أن موسكو ملتزمة")
THAT_WORDS = frozenset(normal(w) for w in ("إن", "أن", "بأن", "فإن", "إنه", "أنه", "إنها", "أنها"))


_ALIF_KEEP_YA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه"})


def normal_keep_ya(word: str) -> str:
    """`normal` with ى kept apart from ي: the name علي (Ali) is not the preposition على."""
    return clean_arabic(word).translate(_ALIF_KEEP_YA)


def western_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as 0-9 (one character each: offsets keep)."""
    return text.translate(_ARABIC_INDIC)


def without_article(form: str) -> str:
    return form[2:] if form.startswith("ال") and len(form) > 3 else form


@dataclass(frozen=True)
class Token:
    i: int
    text: str
    start: int
    end: int
    norm: str  # `normal(text)`

    @property
    def is_punct(self) -> bool:
        return bool(re.fullmatch(r"\W+", self.text))

    def readings(self) -> list[tuple[int, str]]:
        """(clitic length, the word without them): the word itself first, then without a
        conjunction (و ف), a preposition (ب ل ك) or both; "لل" is ل + the article."""
        found = [(0, self.norm)]
        word, skipped = self.norm, 0
        if len(word) > 3 and word[0] in _CONJUNCTIONS:
            word, skipped = word[1:], 1
            found.append((skipped, word))
        if len(word) > 3 and word[0] in _PREPOSITIONS:
            if word.startswith("لل"):
                found.append((skipped + 1, "ا" + word[1:]))
                found.append((skipped + 2, word[2:]))
            else:
                found.append((skipped + 1, word[1:]))
        return found


def tokenize(text: str) -> list[Token]:
    doc = arabic_nlp()(text)
    return [
        Token(i=n, text=t.text, start=t.idx, end=t.idx + len(t.text), norm=normal(t.text))
        for n, t in enumerate(t for t in doc if not t.is_space)
    ]


def sentences(tokens: list[Token], text: str) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the sentences: a full stop, ! or ؟ outside quotation
    marks «», or a line break, ends one."""
    found = []
    start = 0
    depth = 0
    for n, token in enumerate(tokens):
        if token.text == "«":
            depth += 1
        elif token.text == "»":
            depth = max(0, depth - 1)
        breaks = n + 1 < len(tokens) and "\n" in text[token.end : tokens[n + 1].start]
        if (token.text in SENTENCE_END and depth == 0) or breaks:
            found.append((start, n + 1))
            start = n + 1
            depth = 0
    if start < len(tokens):
        found.append((start, len(tokens)))
    return found
