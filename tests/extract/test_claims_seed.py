"""The seed article, end to end: every claim with its kind, cue, speaker and channels.

Expectations are checked in (`golden/seed_claims.json`) and were checked by hand against
the article. Speakers and channels are compared by how the actor is written in the text,
so the test does not depend on which spelling the actor rules pick as the actor's name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.extract.actors import extract_actors
from workbench.extract.claims import extract_claims
from workbench.extract.spans import ActorIndex
from workbench.model import Actor

GOLDEN = Path(__file__).parent / "golden" / "seed_claims.json"


def _written_as(actor: Actor, form: str) -> bool:
    forms = {actor.name, *actor.aliases, *(m.text for m in actor.mentions)}
    return any(form.lower() in f.lower() for f in forms)


@pytest.fixture(scope="module")
def seed(nlp, root):
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    text = (root / expected["article"]).read_text(encoding="utf-8")
    doc = nlp(text)
    actors = extract_actors(doc)
    index = ActorIndex(actors)
    return text, extract_claims(doc, actors, index=index), index, expected["claims"]


def test_every_claim_of_the_seed_article_and_no_other(seed):
    text, claims, index, expected = seed
    assert len(claims) == len(expected), [c.text[:40] for c in claims]
    for claim, want in zip(claims, expected, strict=True):
        where = f"{claim.id} {claim.text[:50]!r}"
        assert claim.text == text[claim.start : claim.end]
        if want["starts"]:
            assert claim.text.startswith(want["starts"]), where
        if want["ends"]:
            assert claim.text.rstrip(".,”\u201d ").endswith(want["ends"].rstrip(".,”")), where
        assert claim.kind.value == want["kind"], where
        assert claim.cue is not None and claim.cue.lower() == want["cue"], where
        assert claim.speaker_text == want["speaker_text"], where
        if want["speaker"] is None:
            assert claim.speaker is None, where
        else:
            assert claim.speaker is not None, where
            assert _written_as(index.by_id[claim.speaker], want["speaker"]), where
        assert len(claim.channels) == len(want["channels"]), where
        for channel, form in zip(claim.channels, want["channels"], strict=True):
            assert _written_as(index.by_id[channel], form), where


def test_the_long_quote_is_attributed_whole(seed):
    text, claims, index, _ = seed
    quote = next(c for c in claims if c.text.startswith("It was painful"))
    # the whole quotation, up to its closing mark, not the half a sentence splitter sees
    assert text[quote.end] == "\u201d"
    assert "closer to the Arab’s consensus than the Egyptian delegation" in quote.text


def test_beats_a_textbook_quote_extractor(seed):
    """Quote marks plus the nearest "said" find the direct quotes only; indirect speech,
    "according to" and participles are most of this article's claims."""
    text, claims, _, expected = seed
    indirect = [c for c in claims if c.kind.value != "direct"]
    assert len(indirect) >= len(expected) - 3
