"""Shared fixtures. The real spaCy model is loaded once per test process.

Two tiers: `make test` runs everything; `make test-fast` (`-m "not browser and not slow"`)
runs what needs no spaCy model, no server and no browser. A test that asks for the model
through a fixture below is marked `slow` here; one that loads it another way must carry
the mark itself, or the fast tier fails it (see `_no_model_outside_slow_tests`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis draws the same examples on every run: a run on a fresh clone must not fail on a
# case it happened to find that day (the verdict would be luck). `HYPOTHESIS_PROFILE=explore
# make test` draws new ones, to look for bugs on purpose; a case found that way is kept in
# its test with `@example`.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# `postgres_server`: one throwaway PostgreSQL per test process, for the case tests on it
pytest_plugins = ["postgres_server"]

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


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory):
    """Opening a case notes its clean page check in the user's cache (workbench/case/
    pagecheck.py): tests note theirs in a folder of their own, not the user's."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


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


# fixtures that load the real model: a test using any of them, even through another
# fixture, is slow
MODEL_FIXTURES = frozenset({"nlp", "raw_nlp", "extractor"})


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _no_model_outside_slow_tests(request, monkeypatch):
    """A test not marked slow may not load a spaCy model: the fast tier must stay fast and
    need none. `spacy.blank` and hand-built `Doc`s stay allowed."""
    if request.node.get_closest_marker("slow"):
        return
    import spacy

    load = spacy.load

    def refuse(name, *args, **kwargs):
        if not spacy.util.is_package(str(name)):
            return load(name, *args, **kwargs)  # a name that loads nothing: its own error
        raise AssertionError(
            f"{request.node.nodeid} loads the spaCy model {name!r}: mark it "
            "@pytest.mark.slow or use the nlp/raw_nlp/extractor fixture"
        )

    monkeypatch.setattr(spacy, "load", refuse)
