"""Extraction: spaCy plus our rules, from an `Article` to an `Extraction`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import Extractor, build_nlp, extraction_from_doc

__all__ = ["Extractor", "build_nlp", "extraction_from_doc"]


def __getattr__(name: str) -> Any:
    # Lazy, so that pure submodules (the gazetteer) load without importing spaCy.
    if name in __all__:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'workbench.extract' has no attribute {name!r}")
