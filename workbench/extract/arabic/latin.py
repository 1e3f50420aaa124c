"""The Latin name of a person no gazetteer knows, by the convention of the person's press.

`romanize` (workbench/lexicon/transliterate.py) writes a name the way the wires write the
Mashriq's names ("Mohammed", "al-Talebi"). Two kinds of name need another convention
(issue 13, the eighth fresh set's Latin-name errors):

- a Western name written in Arabic letters: a Western given name of `ar_western_names.csv`
  gives its language, and the rest of the name is read with that language's spelling
  (French: و ou, a final يه e, ي between consonants e: سيجورنيه Sejourne; Dutch: وي ui, a
  final ز s: بروينز Bruins; German: ز s, اي ei: زايلر Seiler; Italian, Spanish: ك c
  before a back vowel);
- a name of the Maghreb (Algeria, Morocco, Tunisia, Mauritania), which the press there
  writes the French way: the given names of `ar_maghreb_names.csv` (Mohamed, Mustapha,
  Youcef in Algeria), عبد joined to its second word (Abdellatif), no article (Talbi,
  Jebabli), ou for و and ch for ش (Ouahbi, Cherif), -aoui for the nisba -awi, a single s
  between vowels doubled (Hassani), and dj for ج in Algeria (Djamel).

Both are word by word over the letters, so linear in the name's length.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicon
from ...lexicon.transliterate import clean_arabic, romanize

# the states whose press writes names the French way (the brief's Maghreb; Libya's press
# and the wires write Libyan names the Mashriq way: al-Dbeibah, al-Menfi)
MAGHREB = frozenset(("Algeria", "Morocco", "Tunisia", "Mauritania"))
_COUNTRY_COLUMNS = {"Algeria": "algeria", "Morocco": "morocco", "Tunisia": "tunisia"}
_ABD = "عبد"
_DIN = "الدين"
_VOWELS = frozenset("aeiou")
_ROMANCE = frozenset(("fr", "it", "es", "pt"))
# letters the Arabic wires never use to write a European name (خ and ط they do: خوسيه, طوني)
_ARABIC_ONLY = frozenset("عحصضظقذث")
_GERMANIC = frozenset(("de", "nl", "sv", "da", "no"))


@lru_cache(maxsize=1)
def _maghreb_names() -> dict[str, dict[str, str]]:
    return {clean_arabic(r["arabic"]): r for r in lexicon.table("ar_maghreb_names.csv")}


@lru_cache(maxsize=1)
def _western() -> dict[str, dict[str, str]]:
    return {clean_arabic(r["arabic"]): r for r in lexicon.table("ar_western_names.csv")}


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The name words the wires' romaniser spells from its table (ar_name_words.csv)."""
    return frozenset(clean_arabic(r["arabic"]) for r in lexicon.table("ar_name_words.csv"))


@lru_cache(maxsize=1)
def _letters() -> dict[str, str]:
    return {r["letter"]: r["latin"] for r in lexicon.table("ar_letters.csv")}


def person_latin(arabic: str, country: str | None = None) -> str:
    """The Latin name of a person named `arabic`, of `country` where the text says it (the
    title's demonym, the sentence's or the dateline's state): a Western name in its
    language's spelling, a Maghreb name in the Maghreb's, else the wires' (`romanize`)."""
    words = clean_arabic(arabic).split()
    language = _western_language(words)
    if language is not None:
        return _western_name(words, language)
    if country in MAGHREB:
        return _maghreb_name(words, country)
    return romanize(arabic)


# ---------------------------------------------------------------- Western names


def _western_language(words: list[str]) -> str | None:
    """The language of the first Western given name in the name (one or two words)."""
    table = _western()
    for n, word in enumerate(words[:2]):
        for found in (" ".join(words[n : n + 2]), word):
            row = table.get(found)
            if row is not None and row["kind"] == "given" and row["language"]:
                return row["language"]
    return None


def _western_name(words: list[str], language: str) -> str:
    table = _western()
    out: list[str] = []
    n = 0
    while n < len(words):
        pair = " ".join(words[n : n + 2])
        if n + 1 < len(words) and pair in table:
            out.append(table[pair]["latin"])
            n += 2
            continue
        word = words[n]
        n += 1
        if word in table:
            out.append(table[word]["latin"])
        elif _ARABIC_ONLY & set(word) or word in _known_words():
            # "ميشال معوض": a Lebanese surname after a French given name is Arabic (a
            # letter no European name is written with, or a name word the wires list)
            out.append(romanize(word))
        else:
            out.append(_western_word(word, language))
    return " ".join(w for w in out if w)


def _western_word(word: str, language: str) -> str:
    """One word of a Western surname, letter by letter in `language`'s spelling."""
    letters = _letters()
    french, germanic = language == "fr", language in _GERMANIC
    head = ""
    if word[:2] in ("إي", "اي"):
        head, word = "e", word[2:]
    elif word[:2] in ("أو", "او"):
        head, word = ("ou" if french else "o"), word[2:]
    tail = ""
    if word.endswith("يه") and len(word) > 3:
        word, tail = word[:-2], "e"  # Sejourne, Jose: a final e
    out: list[str] = []
    skip = -1
    for k, ch in enumerate(word):
        after = word[k + 1 : k + 2]
        if k == skip:
            continue
        if ch == "و" and after == "ي" and language == "nl":
            out.append("ui")  # بروينز Bruins: Dutch ui
            skip = k + 1
        elif ch == "ا" and after == "ي" and germanic:
            out.append("ei")  # زايلر Seiler: German ei
            skip = k + 1
        elif ch == "و":
            out.append("ou" if french else "o")
        elif ch == "ي" and k == 0:
            out.append("y")
        elif ch == "ي" and french and 0 < k < len(word) - 1 and not _long_vowel(word, k):
            out.append("e")  # سيجورنيه Sejourne: French e between consonants
        elif ch == "ي" and _two_consonants_after(word, k):
            out.append("e")  # a closed syllable: Merkel
        elif ch == "ز" and germanic and (k == 0 or k == len(word) - 1):
            out.append("s")  # German and Dutch s (زايلر Seiler, بروينز Bruins)
        elif ch == "ك" and language in _ROMANCE and after in ("و", "ا", "ل", "ر", ""):
            out.append("c")  # Italian, Spanish, French c: كوردوني Cordoni, كلاوديو Claudio
        elif ch == "غ":
            out.append("g")
        elif ch == "ش":
            out.append("ch" if french else "sch" if language == "de" else "sh")
        elif ch == "ر" and k == len(word) - 1 and k and _consonant(word[k - 1]):
            out.append("er")  # a final -er the Arabic leaves unwritten: Seiler, Schroder
        else:
            out.append(letters.get(ch, ch))
    latin = head + "".join(out) + tail
    latin = latin.replace("ii", "i").replace("oo", "o")
    return latin[:1].upper() + latin[1:]


def _consonant(letter: str) -> bool:
    return letter not in "اويىةءأإآؤئ"


def _long_vowel(word: str, k: int) -> bool:
    """Whether ي at `k` stands next to another vowel letter (a diphthong's half)."""
    return word[k - 1 : k] in ("ا", "و") or word[k + 1 : k + 2] in ("ا", "و")


def _two_consonants_after(word: str, k: int) -> bool:
    following = word[k + 1 : k + 3]
    return len(following) == 2 and all(_consonant(c) for c in following)


# ---------------------------------------------------------------- Maghreb names


def _maghreb_name(words: list[str], country: str) -> str:
    out: list[str] = []
    n = 0
    while n < len(words):
        pair = " ".join(words[n : n + 2])
        if n + 1 < len(words) and (found := _maghreb_given(pair, country)) is not None:
            out.append(found)
            n += 2
            continue
        if words[n] == _ABD and n + 1 < len(words):
            # عبد joined to its second word, the article's l kept: عبد اللطيف Abdellatif
            second = _maghreb_word(words[n + 1], country, article=False)
            out.append("Abdel" + second.lower())
            n += 2
            continue
        if n + 1 < len(words) and words[n + 1] == _DIN:
            out.append(_maghreb_word(words[n], country) + " Eddine")  # حسام الدين
            n += 2
            continue
        found = _maghreb_given(words[n], country)
        out.append(found if found is not None else _maghreb_word(words[n], country))
        n += 1
    return " ".join(w for w in out if w)


def _maghreb_given(arabic: str, country: str) -> str | None:
    row = _maghreb_names().get(arabic)
    if row is None:
        return None
    column = _COUNTRY_COLUMNS.get(country)
    return (row.get(column) if column else "") or row["latin"]


def _maghreb_word(word: str, country: str, *, article: bool = True) -> str:
    """One word in the Maghreb's French manner, over the wires' spelling of it."""
    bare = word[2:] if word.startswith("ال") and len(word) > 3 else word
    if bare != word and (found := _maghreb_given(word, country)) is not None:
        return found  # "المختار" Mokhtar: a given name written with the article
    if word in _known_words() and bare != word:
        bare = word  # "الطيب" Tayeb: a given name written with the article, as listed
    known = bare in _known_words()
    # an ع inside a word no table knows is written a (بوعسكر Bouasker, لعزيز Laziz),
    # where the wires leave it out
    pieces = [p for p in bare.split("ع") if p] if "ع" in bare[1:] and not known else [bare]
    latin = "a".join(romanize(p).lower() for p in pieces)
    if bare.startswith("ع") and not known:
        latin = "a" + latin if not latin.startswith("a") else latin
    if latin.startswith("w") and len(latin) > 1:
        # a first و is "Ou" in French letters, its vowel an a: وهبي Ouahbi, وافي Ouafi
        latin = ("oua" if latin[1] not in _VOWELS else "ou") + latin[1:].lstrip("a")
    latin = latin.replace("sh", "ch").replace("q", "k")
    latin = re.sub(r"(?<!o)u", "ou", latin)  # French has no bare u: Zouhair
    latin = re.sub(r"awi$", "aoui", latin)  # the nisba -awi: Maghzaoui, Sedraoui
    latin = re.sub(r"(?<=[aeiou])s(?=[aeiou])", "ss", latin)  # Hassani, Moussa
    if latin.endswith("ch"):
        latin += "e"  # a final ch is -che in French letters: Aouchiche
    if country == "Algeria":
        latin = re.sub(r"(?<![d])j", "dj", latin).replace("J", "Dj")
    if known:
        return latin[:1].upper() + latin[1:]
    opens_closed = len(latin) > 2 and not _VOWELS & set(latin[:2])
    if opens_closed and latin[:2] not in _DIGRAPHS:
        latin = latin[0] + "e" + latin[1:]  # Jbabli -> Jebabli: French letters need a vowel
    ends_closed = len(latin) > 3 and not _VOWELS & set(latin[-3:])
    if ends_closed and latin[-2:] not in _DIGRAPHS and latin[-2] != latin[-1]:
        latin = latin[:-1] + "e" + latin[-1]  # Bouaskr -> Bouasker
    return latin[:1].upper() + latin[1:]


_DIGRAPHS = frozenset(("ch", "kh", "gh", "th", "dh", "dj", "sh"))
