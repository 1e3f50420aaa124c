"""One name across scripts: علي مملوك, Ali Mamlouk and Mamluk.

Two functions over `ar_letters.csv`:

- `romanize`: an Arabic name written in Latin letters the way the press writes names
  (ش sh, خ kh, no diacritics): a readable label for a name no gazetteer knows. Arabic
  script leaves short vowels unwritten, so it is a guess ("محمد" gives "Mhmd"); a name the
  gazetteer knows carries its real Latin name instead.
- `skeleton`: the consonants a name keeps in both scripts, in one alphabet of classes:
  "مملوك", "Mamlouk", "Mamluk" and "Al-Mamlouk" all give "mlk". Vowels, the letters that
  double as vowels (و ي ا, w y), the article (ال, al-, el-) and doubled letters go;
  emphatic and plain consonants meet (ص/س, ط/ت, ق/ك/q). `same_name` compares two names by
  it, word for word.

No package fits this job offline today: the PyPI romanisers of Arabic names either call a
web service or ship a neural model; the skeleton is deliberately simple and documented in
docs/arabic.md with its failure cases (two names with one skeleton, e.g. Malik / Mamlouk's
"mlk" against Malik's "mlk").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import table

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alif, tatweel
_LATIN_ARTICLE_WORD = re.compile(r"al|el|an|as|ad|ar|at|ash|az", re.IGNORECASE)
# Latin spellings to the skeleton's classes: digraphs first, then letters. Vowels and the
# half-vowels w and y are dropped (their Arabic letters double as long vowels).
# g, gh and j are one class: the Arabic wires write a foreign g as غ or ج (أنغيلا, أنجيلا
# Angela), Egyptian names spell ج as g (Gamal), ar_letters.csv gives غ and ج one class
_LATIN_DIGRAPHS = (("sh", "s"), ("kh", "k"), ("th", "t"), ("dh", "d"), ("gh", "j"), ("ch", "j"))
_LATIN_LETTERS = {"q": "k", "c": "k", "x": "ks", "p": "b", "v": "f", "g": "j", "'": ""}
_LATIN_VOWELS = frozenset("aeiouwy")


@lru_cache(maxsize=1)
def _name_words() -> dict[str, str]:
    return {clean_arabic(row["arabic"]): row["latin"] for row in table("ar_name_words.csv")}


@lru_cache(maxsize=1)
def given_names_with_article() -> frozenset[str]:
    """Given names written with the article (الطيب، المنصف: the Maghreb's), as cleaned."""
    return frozenset(w for w in _name_words() if w.startswith("ال") and " " not in w)


@lru_cache(maxsize=1)
def _foreign_given() -> frozenset[str]:
    """Foreign given names as the Arabic wires write them (أنطونيو, فرانسوا): a sign that
    the rest of the name is foreign too, and takes foreign vowels."""
    rows = table("ar_name_words.csv")
    return frozenset(clean_arabic(r["arabic"]) for r in rows if r["origin"] == "foreign")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, str], ...]:
    """(pattern, latin) pairs of ar_name_patterns.csv: C a consonant, other letters themselves."""
    return tuple((r["pattern"], r["latin"]) for r in table("ar_name_patterns.csv"))


@lru_cache(maxsize=1)
def _letters() -> dict[str, tuple[str, str]]:
    return {row["letter"]: (row["latin"], row["skeleton"]) for row in table("ar_letters.csv")}


def is_arabic(text: str) -> bool:
    """Whether a name is written in Arabic script (any Arabic letter in it)."""
    return bool(_ARABIC.search(text))


def clean_arabic(text: str) -> str:
    """Arabic without diacritics and tatweel; the alif forms kept (the table reads them)."""
    return _DIACRITICS.sub("", unicodedata.normalize("NFC", text))


def _arabic_words(text: str) -> list[str]:
    """Words of an Arabic name, each without its article ال (a name's "al-" is a prefix);
    عبد and أبو joined to the next word, article and all (عبد الله is one name, "Abdallah")."""
    words: list[str] = []
    joined = False
    for word in clean_arabic(text).split():
        if joined:
            words[-1] += word
            joined = False
            continue
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        words.append(word)
        joined = word in _COMPOUND_FIRST
    return words


# ي and و stand for vowels (i, ou) inside a word, for consonants at its start
_FIRST_CONSONANT = {"ي": "y", "و": "w"}
# letters Arabic keeps for sounds it lacks (پ p, چ ch, گ g, ڤ v): only foreign names have them
_FOREIGN_LETTERS = frozenset("پچگڤ")
# a foreign name's first vowel is written with a hamza seat and a long-vowel letter:
# إي is e (إيفانز Evans), أو is o (أوباما Obama)
_FOREIGN_OPENINGS = {"إي": "e", "أو": "o"}
# the first words of compound names, in both scripts: joined to the next word
_COMPOUND_FIRST = frozenset(("عبد", "أبو", "ابو"))
_LATIN_COMPOUND_FIRST = re.compile(r"^(?:abd|abdel|abdul|abdal|abu|abou)$", re.IGNORECASE)


def _latin_words(text: str) -> list[str]:
    parts = [p for w in text.split() for p in re.split(r"[-\u2010]", w) if p]
    words: list[str] = []
    joined = False
    for part in parts:
        if joined:
            words[-1] += part
            joined = False
            continue
        if _LATIN_ARTICLE_WORD.fullmatch(part) and len(parts) > 1:
            continue
        words.append(part)
        joined = bool(_LATIN_COMPOUND_FIRST.match(part))
    return words


def romanize(text: str) -> str:
    """An Arabic name in Latin letters, press style: "علي مملوك" -> "Ali Mmlouk".

    Common given names take their usual spelling from `ar_name_words.csv` ("محمد عبد السلام"
    -> "Mohammed Abdulsalam"); other words are written letter by letter, with a foreign
    name's vowels when the name is foreign ("أنطونيو غوتيريش" -> "Antonio Gotirish").

    Latin text comes back unchanged. The article becomes "al-" ("المعلم" -> "al-Mlm");
    a letter the table does not know is kept as it is.
    """
    if not is_arabic(text):
        return text
    known = _name_words()
    words = []
    parts = clean_arabic(text).split()
    foreign = _is_foreign(parts, known)
    n = 0
    while n < len(parts):
        # a common given name has a usual spelling (ar_name_words.csv): "محمد" is
        # "Mohammed", not the consonants; a compound one (عبد السلام) is looked up whole
        pair = " ".join(parts[n : n + 2])
        if len(parts) > n + 1 and pair in known:
            words.append(known[pair])
            n += 2
            continue
        word = parts[n]
        n += 1
        if word in known:
            words.append(known[word])
            continue
        joined = _joined_compound(word)
        if joined in known:  # "عبدالله" written as one word is "عبد الله", Abdullah
            words.append(known[joined])
            continue
        if word.startswith("ال") and word[2:] in known and not foreign:
            # a family name with its article: "الحداد" is al-Haddad, as "حداد" is Haddad
            words.append("al-" + known[word[2:]])
            continue
        words.append(_spell(word, foreign=foreign))
    return " ".join(w for w in words if w)


def _joined_compound(word: str) -> str:
    """A compound name written as one word ("عبدالله", "عبدالرحمن") with its space back, as
    the table lists it; any other word as it is."""
    first = next((f for f in _COMPOUND_FIRST if word.startswith(f)), None)
    if first is None or len(word) <= len(first) + 2:
        return word
    return first + " " + word[len(first) :]


def _is_foreign(parts: list[str], known: dict[str, str]) -> bool:
    """Whether a name is a foreign one written in Arabic: a foreign given name in it
    (ar_name_words.csv), a letter only foreign names use, or a word ending in و (Pedro,
    Mario) in a name with no Arabic given name from the table and no article: "كريم الحلو"
    (Karim al-Helou), "محمد حمدان دقلو" and "أبو علي" are Arabic."""
    arabic = any(part in known and part not in _foreign_given() for part in parts)
    return any(
        part in _foreign_given()
        or any(ch in _FOREIGN_LETTERS for ch in part)
        or "تش" in part  # ch (كوبيتش Kubis, تشرشل Churchill): no Arabic name joins them
        or (
            len(part) > 2
            and part.endswith("و")
            and part not in known
            and not arabic
            and not part.startswith("ال")
        )
        for part in parts
    )


def _is_consonant(letter: str) -> bool:
    return bool(_letters().get(letter, ("", ""))[1])


def _by_pattern(word: str) -> str | None:
    """The word written on its name pattern (ar_name_patterns.csv), if one fits it whole."""
    letters = _letters()
    for pattern, latin in _patterns():
        if len(pattern) != len(word):
            continue
        consonants = []
        for want, ch in zip(pattern, word, strict=True):
            if want == "C" and _is_consonant(ch) and ch not in "وي":
                consonants.append(letters[ch][0])
            elif want != ch:
                break
        else:
            found = iter(consonants)
            return "".join(next(found) if ch == "C" else ch for ch in latin)
    return None


# ي and و are consonants (y, w) where no long vowel can stand: before a long ا, or between
# ا and the feminine ending ة (a long vowel never follows another)
_GLIDES = {"ي": "y", "و": "w"}


def _glide(word: str, k: int) -> bool:
    after = word[k + 1 : k + 2]
    return after == "ا" or (after == "ة" and word[k - 1] == "ا")


def _two_consonants_after(word: str, k: int) -> bool:
    following = word[k + 1 : k + 3]
    return len(following) == 2 and all(_is_consonant(c) for c in following)


def _spell(word: str, *, foreign: bool) -> str:
    """One word letter by letter. Arabic names write و as ou and ي as i (Mamlouk, Said);
    a foreign name's long-vowel letters mostly stand for its o and e, as the Arabic wires
    write them: و is o (دونالد Donald, بوريس Boris), ي before two consonants e (ميركل
    Merkel, بيسكوف Peskov), else i (بوتين Putin); its غ is g and تش ch."""
    letters = _letters()
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "al-", word[2:]
    # a first ع is written as the vowel it carries: Ali, Omar, Abd
    head = "a" if word[:1] == "ع" else ""
    # a word never starts with a long vowel: a first ي or و is a consonant (Yazan, Wahbi)
    first = _FIRST_CONSONANT.get(word[:1])
    opening = _FOREIGN_OPENINGS.get(word[:2]) if foreign else None
    if first is not None:
        head, word = first, word[1:]
    elif opening is not None:
        head, word = opening, word[2:]
    if foreign:
        word = word.replace("تش", "چ")  # one sound, ch
    elif not head:
        # a name on a common pattern has predictable short vowels: جابر Jaber, not Jabr
        patterned = _by_pattern(word)
        if patterned is not None:
            return prefix + patterned[:1].upper() + patterned[1:]
    out = []
    for k, ch in enumerate(word):
        if foreign and ch == "و":
            out.append("o")
        elif foreign and ch == "غ":
            out.append("g")  # the wires write a foreign g as غ (غوتيريش Guterres)
        elif foreign and ch == "ي" and _two_consonants_after(word, k):
            out.append("e")  # a closed syllable: Merkel, not Mirkel
        elif ch in _GLIDES and k and _glide(word, k):
            out.append(_GLIDES[ch])  # "الراية" al-Raya, "رواية" Rwaya: no two long vowels
        else:
            out.append(letters.get(ch, (ch, ""))[0])
    latin = head + "".join(out)
    latin = latin.replace("ouou", "ou").replace("ii", "i").replace("oo", "o")
    return prefix + latin[:1].upper() + latin[1:]


def _arabic_skeleton(word: str) -> str:
    letters = _letters()
    skeleton = "".join(letters.get(ch, ("", ""))[1] for ch in word)
    # a last ه or ح is often left unwritten in Latin ("Fatta", "Abdalla"), as a final
    # h after a vowel is dropped on the Latin side: both sides drop it
    return skeleton[:-1] if skeleton.endswith("h") and len(skeleton) > 1 else skeleton


def _latin_skeleton(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(ch for ch in folded if ch.isalpha() or ch == "'")
    for digraph, cls in _LATIN_DIGRAPHS:
        text = text.replace(digraph, cls.upper())  # upper case: already a class
    out = []
    for ch in text:
        if ch.isupper():
            out.append(ch.lower())
        elif ch in _LATIN_VOWELS:
            continue
        else:
            out.append(_LATIN_LETTERS.get(ch, ch))
    skeleton = "".join(out)
    # a final h after a vowel is the Arabic ة or a long vowel's mark ("Abdallah", "Fatimah")
    if skeleton.endswith("h") and len(skeleton) > 1 and word[-2:-1].lower() in "aeiou":
        skeleton = skeleton[:-1]
    return skeleton


def _collapse(skeleton: str) -> str:
    """Doubled consonants once: Arabic writes a shadda (dropped), Latin often doubles."""
    return re.sub(r"(.)\1+", r"\1", skeleton)


def word_skeletons(name: str) -> tuple[str, ...]:
    """The skeleton of each word of a name, in either script, articles dropped."""
    if is_arabic(name):
        words = _arabic_words(name)
        found = [_collapse(_arabic_skeleton(w)) for w in words]
    else:
        words = _latin_words(name)
        found = [_collapse(_latin_skeleton(w)) for w in words]
    return tuple(s for s in found if s)


def skeleton(name: str) -> str:
    """The consonant skeleton of a whole name: "Ali Mamlouk" and "علي مملوك" give "l mlk"."""
    return " ".join(word_skeletons(name))


# a one-word name must keep this many consonants to be matched on its own: "Ali" ("l")
# would meet half the names of the region
MIN_SINGLE = 3


def same_name(a: str, b: str) -> bool:
    """Whether two names, in either script, can be the same person's.

    Equal skeletons, or one name a single word (a surname: "مملوك") whose skeleton is the
    last word of the other ("Ali Mamlouk"), with at least `MIN_SINGLE` consonants.
    """
    sa, sb = word_skeletons(a), word_skeletons(b)
    if not sa or not sb:
        return False
    if sa == sb:
        return len("".join(sa)) >= 2
    short, long_ = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(short) == 1 and len(short[0]) >= MIN_SINGLE and short[0] == long_[-1]


__all__ = ["clean_arabic", "is_arabic", "romanize", "same_name", "skeleton", "word_skeletons"]
