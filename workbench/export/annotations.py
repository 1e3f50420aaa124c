"""W3C Web Annotations (https://www.w3.org/TR/annotation-model/) for each claim and mention.

Each annotation targets its article with two selectors: a `TextQuoteSelector` (the exact
words, with up to 32 characters before and after them) and a `TextPositionSelector` (the
character offsets). Offsets break as soon as the text changes (a re-extraction that
normalises whitespace, a corrected paragraph, a re-import of the page); the quote with its
context does not. `anchor` finds a selector's span in a text again: the position when it
still holds the quote, else the occurrence of the quote whose surroundings match the
prefix and suffix best, nearest the old position on a tie.

The whole export is one `AnnotationCollection` whose single page holds every annotation.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import ReviewStatus
from .common import replacing

if TYPE_CHECKING:
    from ..analysis import CaseReader
    from ..case import CaseArticle

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_LENGTH = 32


def selectors(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """The quote and position selectors of `text[start:end]`."""
    return [
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - CONTEXT_LENGTH) : start],
            "suffix": text[end : end + CONTEXT_LENGTH],
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def anchor(text: str, selector_list: list[Mapping[str, Any]]) -> tuple[int, int] | None:
    """Where the selected span is in `text` now: (start, end), or None when the quote is gone."""
    quote = next((s for s in selector_list if s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selector_list if s.get("type") == "TextPositionSelector"), None)
    if quote is None:
        if position is None:
            return None
        start, end = int(position["start"]), int(position["end"])
        return (start, end) if 0 <= start <= end <= len(text) else None
    exact, prefix, suffix = quote["exact"], quote.get("prefix", ""), quote.get("suffix", "")
    if not exact:
        return None
    old = int(position["start"]) if position is not None else 0
    if position is not None and text[old : int(position["end"])] == exact:
        before, after = text[max(0, old - len(prefix)) : old], text[old + len(exact) :]
        if before == prefix and after.startswith(suffix):
            return old, old + len(exact)
    best: tuple[int, int, int] | None = None  # (-context score, distance, start)
    found = text.find(exact)
    while found != -1:
        score = _common_suffix(text[:found], prefix) + _common_prefix(
            text[found + len(exact) :], suffix
        )
        candidate = (-score, abs(found - old), found)
        if best is None or candidate < best:
            best = candidate
        found = text.find(exact, found + 1)
    return None if best is None else (best[2], best[2] + len(exact))


def _source(namespace: str, article: CaseArticle) -> str:
    return article.url or f"urn:workbench:{namespace}:article:{article.id}"


def _annotation(
    ident: str, source: str, text: str, start: int, end: int, body: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "id": ident,
        "type": "Annotation",
        "motivation": "identifying" if body[0].get("purpose") == "identifying" else "describing",
        "body": body,
        "target": {"source": source, "selector": selectors(text, start, end)},
    }


def iter_annotations(case: CaseReader, *, namespace: str | None = None) -> Iterator[dict[str, Any]]:
    """An annotation for each claim and each mention of an actor, article by article."""
    name = namespace or case.path.stem
    actors = {a.id: a for a in case.actors() if a.status is not ReviewStatus.REJECTED}
    for article in case.articles():
        source = _source(name, article)
        for claim in case.claims(article_id=article.id):
            if claim.review is ReviewStatus.REJECTED:
                continue
            speaker = actors.get(claim.speaker or "")
            said = f"{speaker.name if speaker else claim.speaker_text or 'unknown'} said this"
            body = [
                {"type": "TextualBody", "purpose": "describing", "value": said},
                {"type": "TextualBody", "purpose": "assessing", "value": claim.status.value},
            ]
            yield _annotation(
                f"urn:workbench:{name}:claim:{claim.id}",
                source,
                article.text,
                claim.start,
                claim.end,
                body,
            )
        for mention in case.mentions(article_id=article.id):
            actor = actors.get(mention.actor_id)
            if actor is None:
                continue
            body = [
                {"type": "TextualBody", "purpose": "identifying", "value": actor.name},
                {"type": "TextualBody", "purpose": "tagging", "value": actor.type.value},
            ]
            yield _annotation(
                f"urn:workbench:{name}:mention:{mention.id}",
                source,
                article.text,
                mention.start,
                mention.end,
                body,
            )


def annotation_collection(case: CaseReader) -> dict[str, Any]:
    items = list(iter_annotations(case))
    return {
        "@context": CONTEXT,
        "id": f"urn:workbench:{case.path.stem}:annotations",
        "type": "AnnotationCollection",
        "label": f"Claims and mentions of {case.path.stem}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write_annotations(case: CaseReader, path: str | os.PathLike[str]) -> Path:
    with replacing(path) as handle:
        json.dump(annotation_collection(case), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return Path(path)
