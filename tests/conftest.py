"""Shared fixtures. The real spaCy model is loaded once per test process."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
CORPORA = ROOT / "eval" / "corpora"  # carried by the project: see its README.md


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    # the repository carries its corpora, so a missing folder is a broken checkout: fail
    assert CORPORA.is_dir(), f"corpora not found at {CORPORA}"
    return CORPORA


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline (model + our components), as extraction uses it."""
    from workbench.extract import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def raw_nlp():
    """The bare spaCy model, without our components."""
    from workbench.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def extractor():
    from workbench.extract import Extractor

    return Extractor()
