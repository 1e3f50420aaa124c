"""The loaded model is taken out of the garbage collector's full passes."""

from __future__ import annotations

import gc
import weakref

import spacy

from workbench import nlp as nlp_module
from workbench.extract import pipeline


class _Node:
    """An object the collector tracks, which can be put in a cycle."""

    other: object = None


def test_what_is_alive_is_frozen_and_garbage_is_freed_first():
    alive = _Node()
    garbage = _Node()
    garbage.other = garbage  # a cycle: only a collector pass frees it
    gone = weakref.ref(garbage)
    del garbage
    try:
        nlp_module.freeze_loaded_objects()
        assert gone() is None  # collected, not frozen for good
        assert gc.get_freeze_count() > 0
        assert not any(o is alive for o in gc.get_objects())  # no pass scans it now
    finally:
        gc.unfreeze()


def test_building_the_pipeline_freezes_what_it_loaded(monkeypatch):
    calls = []
    monkeypatch.setattr(spacy, "load", lambda name: spacy.blank("en"))
    monkeypatch.setattr(pipeline, "freeze_loaded_objects", lambda: calls.append(1))
    built = pipeline.build_nlp.__wrapped__("en_core_web_sm")
    assert calls == [1]
    assert "workbench_paragraphs" in built.pipe_names  # frozen once our components are in
