"""Which rules read an article: its language, detected once, picks them.

English articles go through the spaCy pipeline (`pipeline.py`); Arabic ones through
`extract/arabic/`; an article in a language we have no rules for comes back with its
language and nothing else (the CLI and the case say so), never with what English rules
would make of it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import ExtractionError, WorkbenchError
from ..language import detect_language, is_supported
from ..model import Article, Extraction

if TYPE_CHECKING:
    from .known_actors import ActorKnowledge


def with_language(article: Article) -> Article:
    """The article with its language set: kept when given, detected otherwise."""
    if article.language:
        return article
    return replace(article, language=detect_language(article.text))


def uses_english_rules(article: Article) -> bool:
    return article.language in (None, "en")


def extract_other_language(
    article: Article, known: ActorKnowledge | None = None
) -> Extraction | WorkbenchError:
    """The extraction of an article that is not English (with the case's knowledge of
    actors, `known`); a bug in a rule becomes an error for this article (as in the
    English pipeline), not for the run."""
    try:
        if article.language == "ar":
            from .arabic import extract_arabic

            return extract_arabic(article, known=known)
        if not is_supported(article.language):
            return Extraction(article=article)
        raise ValueError(f"no rules registered for {article.language!r}")
    except WorkbenchError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - reported to the user, per article
        return ExtractionError(
            f"{article.path or article.url or article.id}: extraction failed "
            f"({type(exc).__name__}: {exc}); please report it"
        )
