"""Extraction: spaCy plus our rules, from an `Article` to an `Extraction`."""

from .pipeline import Extractor, build_nlp, extraction_from_doc

__all__ = ["Extractor", "build_nlp", "extraction_from_doc"]
