"""The claim contract on real news: eight Wikinews articles of 2019, parsed in one batch."""

from __future__ import annotations

import csv

import pytest

from workbench.extract.actors import extract_actors
from workbench.extract.claims import extract_claims
from workbench.extract.spans import ActorIndex
from workbench.model import ActorType


@pytest.fixture(scope="module")
def extracted(nlp, corpora_dir):
    with (corpora_dir / "wikinews" / "wikinews_2019.csv").open(encoding="utf-8") as handle:
        texts = [row["text"] for row, _ in zip(csv.DictReader(handle), range(8), strict=False)]
    found = []
    for doc in nlp.pipe(texts):
        actors = extract_actors(doc)
        index = ActorIndex(actors)
        found.append((doc.text, index, extract_claims(doc, actors, index=index)))
    return found


def test_claims_keep_the_extraction_contract(extracted):
    total = 0
    for text, index, claims in extracted:
        total += len(claims)
        assert [c.id for c in claims] == [f"c{n}" for n in range(1, len(claims) + 1)]
        assert [c.start for c in claims] == sorted(c.start for c in claims)
        for claim in claims:
            assert 0 <= claim.start < claim.end <= len(text)
            assert claim.text == text[claim.start : claim.end]
            assert claim.text.strip() == claim.text
            assert claim.speaker is None or claim.speaker in index.by_id
            assert len(set(claim.channels)) == len(claim.channels)
            for channel in claim.channels:
                assert index.by_id[channel].type is ActorType.MEDIA
            if claim.speaker and index.by_id[claim.speaker].type is ActorType.MEDIA:
                assert claim.channels[0] == claim.speaker
    assert total >= 15  # news is full of attributions; finding none would be a bug


def test_no_two_claims_share_a_span(extracted):
    for _, _, claims in extracted:
        spans = [(c.start, c.end) for c in claims]
        assert len(spans) == len(set(spans))
