"""The seed article, end to end: every claim with its kind, cue, speaker and channels.

Expectations are checked in (`golden/seed_claims.json`) and were checked by hand against
the article. Speakers and channels are compared by how the actor is written in the text,
so the test does not depend on which spelling the actor rules pick as the actor's name.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from workbench.extract.actors import extract_actors
from workbench.extract.claims import extract_claims
from workbench.extract.spans import ActorIndex
from workbench.model import Actor

GOLDEN = Path(__file__).parent / "golden" / "seed_claims.json"


def _bare_end(text: str) -> str:
    return re.sub(r"[.,\u201d\s]+$", "", text)


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
            assert _bare_end(claim.text).endswith(_bare_end(want["ends"])), where
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


def _textbook_quotes(text: str) -> list[tuple[int, int]]:
    """The baseline the product is measured against: text between quote marks, kept when
    a "said"-like verb is in the same sentence."""
    found = []
    for match in re.finditer(r"[“\"]([^”\"]+)[”\"]", text):
        sentence_start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start()))
        sentence_end = min(
            (i for i in (text.find(". ", match.end()), text.find("\n", match.end())) if i >= 0),
            default=len(text),
        )
        if re.search(r"\b(said|says|told|stated)\b", text[sentence_start:sentence_end]):
            found.append((match.start(1), match.end(1)))
    return found


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, shared) / max(a[1] - a[0], b[1] - b[0])


def test_beats_a_textbook_quote_extractor(seed):
    """Quote marks plus a nearby "said" find the quotations only; indirect speech,
    "according to" and participles are most of this article's claims."""
    text, claims, _, _ = seed
    ours = [(c.start, c.end) for c in claims]
    baseline = _textbook_quotes(text)
    baseline_found = sum(any(_overlap(b, o) >= 0.3 for b in baseline) for o in ours)
    assert len(ours) == 13
    assert baseline_found <= len(ours) // 2
