"""One document (text, Markdown, HTML or PDF) to normalised text plus its own metadata.

Paragraphs end up separated by one blank line whatever the format (a PDF's text layer
aside, whose lines are the page's lines).

The caller decides where the bytes come from (a file, a URL, stdin) and which format
they are; a sidecar `NAME.meta.json` beside a file adds or corrects metadata.
"""

from __future__ import annotations

import datetime
import io
import json
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .dates import DateError, parse_day
from .errors import InputError
from .files import shown
from .normalize import bom_encoding, decode_bytes, looks_binary, normalize_text, normalize_title

# A page without an article still yields scraps: menu entries, buttons, or the raw
# `{{ template }}` code of a page that builds itself in the browser. An article has at
# least one paragraph of real prose.
_MIN_PARAGRAPH_WORDS = 12
_TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# Longer first lines are paragraphs that happen to stand alone, not headlines.
_MAX_TITLE_CHARS = 200
_META_KEYS = ("title", "published", "outlet", "url", "author")


@dataclass(frozen=True)
class Metadata:
    """What a document says about itself; None where it says nothing."""

    title: str | None = None
    published: datetime.date | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None

    def updated(self, other: Metadata) -> Metadata:
        """Self, with every field that `other` knows taken from `other`."""
        known = {f.name: getattr(other, f.name) for f in fields(other)}
        return replace(self, **{k: v for k, v in known.items() if v is not None})


def sniff_format(data: bytes) -> str | None:
    """The format ("pdf" or "html") when the bytes say so themselves, else None."""
    if bom_encoding(data):
        head_text = data[:4096].decode(bom_encoding(data) or "utf-8", errors="ignore")
        return sniff_format(head_text.lstrip("\ufeff").encode("utf-8"))
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if re.match(rb"(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", head, re.I | re.S):
        return "html"
    return None


def parse_document(
    data: bytes | str, *, kind: str, name: str, url: str | None = None
) -> tuple[str, Metadata]:
    """Normalised text and metadata of one document; kind is text, markdown, html or pdf."""
    if kind == "pdf":
        return _parse_pdf(data if isinstance(data, bytes) else data.encode(), name=name)
    if isinstance(data, bytes) and bom_encoding(data):
        # a byte order mark says how to read the bytes (UTF-16 is full of NUL bytes)
        data = decode_bytes(data, name=name)
    if isinstance(data, bytes) and looks_binary(data):
        raise InputError(f"{name}: this looks like a binary file, not an article")
    if kind == "html":
        return _parse_html(data, name=name, url=url)
    text = data if isinstance(data, str) else decode_bytes(data, name=name)
    return _parse_text(text, name=name, markdown=kind == "markdown")


def _parse_text(text: str, *, name: str, markdown: bool) -> tuple[str, Metadata]:
    text = normalize_text(text)
    if not text:
        raise InputError(f"{name}: the file contains only whitespace")
    meta, text = _split_front_matter(text, name=name)
    if not text:
        raise InputError(f"{name}: there is no text after the front matter")
    first, _, rest = text.partition("\n")
    if markdown and first.startswith("#") and rest.strip():  # a Markdown heading
        return rest.strip(), Metadata(title=normalize_title(first.lstrip("#"))).updated(meta)
    is_headline = len(first) <= _MAX_TITLE_CHARS and not first.endswith(".")
    if is_headline and rest.startswith("\n") and rest.strip():
        return rest.strip(), Metadata(title=normalize_title(first)).updated(meta)
    return text, meta


_FRONT_MATTER = re.compile(r"---\n(?P<body>.*?)\n---(?:\n|$)", re.S)
_FIELD = re.compile(r"(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)")


def _split_front_matter(text: str, *, name: str) -> tuple[Metadata, str]:
    """`---` / `key: value` lines / `---` at the top; anything else is left as text."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return Metadata(), text
    values: dict[str, Any] = {}
    for line in match["body"].splitlines():
        if not line.strip():
            continue
        field = _FIELD.fullmatch(line.strip())
        if field is None:
            return Metadata(), text  # a horizontal rule, not front matter
        values[field["key"].lower()] = field["value"].strip().strip("\"'") or None
    return metadata_from(values, name=name), text[match.end() :].strip()


def _parse_html(data: bytes | str, *, name: str, url: str | None) -> tuple[str, Metadata]:
    import trafilatura
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        # Metadata and markup only: a date found anywhere in the page is not its date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    # None when nothing was found; a dict only with the deprecated `as_dict`, not used here
    text = normalize_text(doc.text or "") if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or not _has_prose(text):
        raise InputError(f"{name}: no article text found in this page")
    outlet = normalize_title(doc.sitename)
    title = _without_site_suffix(normalize_title(doc.title), outlet)
    first, _, rest = text.partition("\n")
    if title and normalize_title(first) == title and rest.strip():
        text = rest.strip()  # trafilatura repeats the headline as the first line
    # One line per block (paragraph, heading, list item); a blank line between them, as in
    # text files, keeps paragraphs apart for the reader and the sentence splitter.
    text = text.replace("\n", "\n\n")
    return text, Metadata(
        title=title,
        published=_date_or_none(doc.date),
        outlet=outlet,
        url=doc.url or url,
        author=normalize_title(doc.author),
    )


def _without_site_suffix(title: str | None, outlet: str | None) -> str | None:
    """'Headline | DW | 19.01.2020' -> 'Headline': pages often sign their titles."""
    if not title:
        return title
    parts = title.split(" | ")
    site = _bare_site(outlet or "")
    while len(parts) > 1:
        last = parts[-1].strip()
        is_site = len(_bare_site(last)) >= 2 and bool(site) and site.startswith(_bare_site(last))
        if not (is_site or _DATE_LIKE.fullmatch(last)):
            break
        parts.pop()
    return " | ".join(parts).strip()


_DATE_LIKE = re.compile(r"[\d./\- ]{6,}")


def _bare_site(name: str) -> str:
    name = re.sub(r"^(https?://)?(www\.)?", "", name.lower())
    return re.sub(r"[^a-z0-9]", "", name)


def _has_prose(text: str) -> bool:
    lines = _TEMPLATE_CODE.sub(" ", text).splitlines()
    return any(len(line.split()) >= _MIN_PARAGRAPH_WORDS for line in lines)


def _parse_pdf(data: bytes, *, name: str) -> tuple[str, Metadata]:
    from pypdf import PdfReader

    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(f"{name}: this PDF is password-protected")
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on a damaged file
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"{name}: cannot read this PDF ({reason})") from None
    text = normalize_text("\n\n".join(pages))
    if not text:
        raise InputError(
            f"{name}: this PDF has no text layer (a scan?); run OCR on it or paste its text "
            "into a .txt file"
        )
    title = normalize_title(info.title) if info else None
    if title and _FILE_NAME_TITLE.search(title):
        title = None  # "Microsoft Word - draft3.docx" names the file, not the article
    author = normalize_title(info.author) if info else None
    return text, Metadata(title=title, author=author)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs what it repairs in a damaged file ("incorrect startxref pointer") and
    warns about odd ones: with no handler set, those lines land raw on the user's stderr.
    What we cannot read is reported as one line of ours instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


_FILE_NAME_TITLE = re.compile(
    r"^(microsoft word - |untitled)|\.(docx?|odt|rtf|pages|indd|pdf)$", re.I
)


def _date_or_none(value: str | None) -> datetime.date | None:
    """A page's own date, where trafilatura found one it could read. It guesses from
    markup, so a date that is not a day is no error of the page: it is left out."""
    try:
        return parse_day(value, what="page date") if value else None
    except DateError:
        return None


def read_sidecar(path: Path) -> Metadata:
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.is_file():
        return Metadata()
    name = shown(sidecar)
    try:
        values = json.loads(decode_bytes(sidecar.read_bytes(), name=name))
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read this file ({exc.strerror or exc})") from None
    if not isinstance(values, dict):
        raise InputError(f"{name}: expected a JSON object with title, published, outlet, url")
    return metadata_from(values, name=name)


def metadata_from(values: dict[str, Any], *, name: str) -> Metadata:
    """Metadata from a sidecar, front matter or corpus row; `date` is read as `published`."""
    values = {str(k).strip().lower(): v for k, v in values.items()}
    if values.get("published") in (None, ""):
        values["published"] = values.get("date")
    clean: dict[str, Any] = {}
    for key in _META_KEYS:
        value = values.get(key)
        if value is not None and not isinstance(value, str | int | float):
            raise InputError(f"{name}: {key} should be text, not {type(value).__name__}")
        clean[key] = normalize_title(str(value)) if value is not None else None
    if clean["published"]:
        clean["published"] = parse_day(clean["published"], what=f"{name}: publication date")
    return Metadata(**clean)


__all__ = ["Metadata", "metadata_from", "parse_document", "read_sidecar", "sniff_format"]
