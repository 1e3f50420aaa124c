"""Turning bytes and loose strings into clean article text (dates: workbench.dates).

Normalisation only touches whitespace, control characters and invisible characters,
never words, so that what the journalist reads is what the extractor saw: `text.split()`
is the same before and after, once the dropped characters are gone. The zero-width
non-joiner and joiner (U+200C, U+200D) are kept: they are part of Persian, Arabic and
Indic spelling, and change how a word is written.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .errors import InputError

# Line and paragraph separators that editors and web pages leave behind; vertical tab and
# form feed (a page break in text taken from PDFs and word processors) end a line too.
_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\u0085\u2028\u2029]")
# Spaces that look like a space: no-break (U+00A0), figure (U+2007), narrow no-break
# (U+202F), the typographic spaces U+2000..U+200A, ogham, math and ideographic spaces, and
# the C0 information separators U+001C..U+001F, which Python counts as whitespace.
_SPACES = re.compile("[\x1c-\x1f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Control characters (C0, DEL and C1) other than tab and newline: never text, and raw ESC
# reaches the terminal, NUL and the like make XML exports invalid.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x9f]")
# Invisible characters that split words for a tokenizer without showing on screen:
# zero-width space, word joiner, BOM (zero-width no-break space), and the soft hyphen,
# which only shows where a renderer breaks the line inside a word.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n|$)")
_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Plain newlines and spaces, no control or invisible characters, one blank line at most.

    Tab and newline are the only control characters kept; ZWNJ and ZWJ are kept.
    """
    text = _NEWLINES.sub("\n", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROLS.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def normalize_title(title: str | None) -> str | None:
    """A title on one line without control characters, or None when there is none."""
    if title is None:
        return None
    title = " ".join(normalize_text(str(title)).split())
    return title or None


# --- bytes to text -------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, newlines, form feed and escape aside).
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B} | {0x7F}
_SNIFF_BYTES = 8192


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte order mark at the start of `data` names, or None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes near the start: an image, archive or program.

    UTF-16 and UTF-32 text is full of NUL bytes: with its byte order mark it is text, and
    decoding it (by the mark) is what tells whether it is."""
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    if bom_encoding(head) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return controls / len(head) > 0.05


def decode_bytes(data: bytes, *, name: str) -> str:
    """Text from bytes: a BOM or UTF-8 first, then a detected legacy encoding (cp1256, latin-1...).

    Raises InputError for binary data and for bytes no encoding reads as prose.
    """
    encoding = detect_encoding(data, name=name)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:  # only a BOM's codec can fail here
        raise _undecodable(name, exc) from None


def detect_encoding(sample: bytes, *, name: str, complete: bool = True) -> str:
    """The codec that reads `sample` as text: its BOM's, UTF-8, or a detected legacy one.

    `complete` is False when the sample is only the start of a longer input: the sample may
    then end inside a character, and the caller must still check the rest as it decodes.
    Raises InputError for binary data and for bytes no encoding reads as prose.
    """
    for bom, encoding in _BOMS:
        # UTF-16/32 text is full of NUL bytes, so its BOM must be honoured before sniffing.
        if sample.startswith(bom):
            try:
                codecs.getincrementaldecoder(encoding)().decode(sample, final=complete)
            except UnicodeDecodeError as exc:
                raise _undecodable(name, exc, complete=complete) from None
            return encoding
    if looks_binary(sample):
        raise InputError(f"{name}: this looks like a binary file, not an article")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError as exc:
        if _is_damaged_utf8(sample):
            raise _undecodable(name, exc, complete=complete) from None
        first_error = exc
    if not complete and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]  # whole lines: no character cut in two
    legacy = _legacy_encoding(sample)
    if legacy is None:
        raise _undecodable(name, first_error, complete=complete) from None
    return legacy


def _undecodable(name: str, exc: UnicodeDecodeError, *, complete: bool = True) -> InputError:
    # In a sample made of pieces of the input, a position would point nowhere.
    where = f"bad byte at position {exc.start}" if complete else "bad bytes"
    return InputError(
        f"{name}: the text encoding cannot be read ({where}); save the file as UTF-8 and try again"
    )


def _is_damaged_utf8(data: bytes) -> bool:
    """Mostly valid UTF-8 with a few bad bytes: a broken UTF-8 file, not a legacy encoding.

    Legacy encodings almost never form valid multi-byte UTF-8 sequences by chance, so as
    many valid non-ASCII characters as bad bytes means the file was meant to be UTF-8.
    """
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    ascii_chars = len(decoded.encode("ascii", errors="ignore"))
    good = len(decoded) - ascii_chars - bad
    return good >= bad


# Western European text is the most common legacy case, and charset-normalizer's guess
# among look-alike single-byte codecs for it is shaky (French latin-1 comes back as cp1257).
_PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")


def _legacy_encoding(data: bytes) -> str | None:
    """The legacy codec that reads `data` as prose, or None."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best_chaos = min(m.chaos for m in matches)
    best_coherence = max(m.coherence for m in matches)
    plausible = [
        m for m in matches if m.chaos <= best_chaos + 0.1 and m.coherence >= best_coherence - 0.15
    ]
    chosen = None
    for preferred in _PREFERRED_LEGACY:
        if any(preferred in m.could_be_from_charset for m in plausible):
            try:
                text = data.decode(preferred)
            except UnicodeDecodeError:
                continue
            chosen = preferred
            break
    if chosen is None:
        chosen = plausible[0].encoding
        text = str(plausible[0])
    return chosen if _reads_as_prose(text) else None


# Letters, their combining marks (Arabic vowel signs) and decimal digits; not modifier
# letters or fractions, which a wrong codec turns stray bytes into.
_WORD_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lo", "Mn", "Mc", "Nd"})
# Enough text to judge, whatever the size of the input.
_PROSE_SAMPLE_CHARS = 100_000


def _reads_as_prose(text: str) -> bool:
    """Mostly letters and digits between the spaces: true of articles in any script.

    Judged on the first 100,000 characters.
    """
    visible = wordlike = 0
    for char in text[:_PROSE_SAMPLE_CHARS]:
        if char.isspace():
            continue
        visible += 1
        if unicodedata.category(char) in _WORD_CATEGORIES:
            wordlike += 1
    return visible > 0 and wordlike / visible >= 0.7


__all__ = [
    "bom_encoding",
    "decode_bytes",
    "detect_encoding",
    "looks_binary",
    "normalize_text",
    "normalize_title",
]
