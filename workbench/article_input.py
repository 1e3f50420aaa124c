"""Turning what `Case.add_article` is given (a path, URL, `-`, or text) into an `Article`.

Dates given here go through the one date parser (`workbench.dates`), as everywhere."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from .dates import parse_optional_day
from .documents import parse_document
from .errors import CaseError, InputError
from .ingest import read_articles
from .model import Article, slug


def read_article(
    source: str | os.PathLike[str] | Article,
    *,
    published: object = None,
    outlet: str | None = None,
    title: str | None = None,
    public_only: bool = False,
) -> Article:
    """An Article from a path, URL, `-`, or the text itself; keyword values fill the gaps.

    public_only: a URL inside a network is refused (see `fetch_url`)."""
    published = parse_optional_day(published)  # refused before anything is read
    if isinstance(source, Article):
        article = source
    else:
        text = _not_blank(source)
        if _looks_like_location(text):
            found = read_articles(text, published=published, public_only=public_only)
            if len(found) != 1:
                raise CaseError(
                    f"{text} holds {len(found)} articles: add them with add_articles "
                    "or one at a time"
                )
            article = found[0]
        elif _looks_like_a_missing_path(text):
            raise InputError(f"{text}: no such file")
        else:
            article = _article_from_text(text)
    changes: dict[str, Any] = {
        name: value
        for name, value in (("published", published), ("outlet", outlet), ("title", title))
        if value is not None and (name != "published" or not article.published)
    }
    return dataclasses.replace(article, **changes) if changes else article


def _not_blank(source: str | os.PathLike[str]) -> str:
    """The source as text; an empty one is refused before it is taken for a path ("" is
    the current folder to `Path`, which would then be read as a corpus)."""
    text = os.fspath(source)
    if not text.strip():
        raise InputError("the article source is empty: give a path, an http(s) URL or the text")
    return text


def _looks_like_location(text: str) -> bool:
    if text == "-" or text.lower().startswith(("http://", "https://")):
        return True
    if "\n" in text or len(text) > 4096:
        return False
    try:
        return Path(text).expanduser().exists()
    except OSError:
        return False


_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".csv", ".jsonl", ".json")


def _looks_like_a_missing_path(text: str) -> bool:
    """A typo in a file name must not become a one-line article about the file name."""
    if any(ch.isspace() for ch in text.strip()) or len(text) > 300:
        return False
    return "/" in text or os.sep in text or text.lower().endswith(_SUFFIXES)


def read_articles_from(
    source: str | os.PathLike[str] | Article, *, published: object = None
) -> list[Article]:
    """Every article in a source: a folder or a corpus gives several."""
    published = parse_optional_day(published)
    if not isinstance(source, Article) and _looks_like_location(_not_blank(source)):
        return read_articles(os.fspath(source), published=published)
    return [read_article(source, published=published)]


def _article_from_text(text: str) -> Article:
    """The text as a `.txt` file with the same content would be read: a short first line
    standing alone is the title (and leaves the body), front matter gives metadata."""
    if not text.strip():
        raise InputError("the article text is empty")
    body, meta = parse_document(text, kind="text", name="the article text")
    first_line = next(line for line in body.splitlines() if line.strip())
    return Article(
        id=slug(meta.title or first_line),
        text=body,
        title=meta.title,
        published=meta.published,
        outlet=meta.outlet,
        url=meta.url,
        author=meta.author,
    )
