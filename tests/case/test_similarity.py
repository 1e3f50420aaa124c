"""Look-alike claims across articles: the fast candidate search gives what comparing every
pair gives, and scales to a story copied by hundreds of outlets."""

from __future__ import annotations

import gc
import threading
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.analysis.similarity import (
    SimilarClaims,
    claim_tokens,
    similar_claims,
    token_set_similarity,
)
from workbench.case.records import CaseClaim


def claim(number: int, text: str, article: str) -> CaseClaim:
    return CaseClaim(
        id=f"C{number}", article_id=article, text=text, start=0, end=len(text), kind="direct"
    )


def every_pair(
    claims: list[CaseClaim], *, threshold: float, min_shared: int, per_claim: int | None
) -> list[SimilarClaims]:
    """The definition, by comparing every pair of claims."""
    words = [claim_tokens(c.text) for c in claims]
    scored = {}
    for i, j in combinations(range(len(claims)), 2):
        if claims[i].article_id == claims[j].article_id:
            continue
        score = token_set_similarity(words[i], words[j])
        if len(words[i] & words[j]) >= max(min_shared, 1) and score >= threshold:
            scored[(i, j)] = score
    if per_claim is not None:
        best = set()
        for k in range(len(claims)):
            # a claim's partners: the highest score first, then the one listed first
            mine = sorted(
                (-s, j if i == k else i, (i, j)) for (i, j), s in scored.items() if k in (i, j)
            )
            best.update(pair for _, _, pair in mine[:per_claim])
        scored = {pair: scored[pair] for pair in best}
    pairs = [
        SimilarClaims(
            claims[i].id, claims[j].id, claims[i].article_id, claims[j].article_id, round(s, 3)
        )
        for (i, j), s in scored.items()
    ]
    return sorted(pairs, key=lambda p: (-p.score, p.claim_id, p.other_id))


VOCABULARY = ["troops", "leave", "Iraq", "soon", "parliament", "voted", "the", "said"]


@st.composite
def claim_lists(draw):
    texts = draw(
        st.lists(
            st.lists(st.sampled_from(VOCABULARY), max_size=6).map(" ".join), min_size=1, max_size=6
        )
    )
    count = draw(st.integers(0, 24))
    return [
        claim(n, draw(st.sampled_from(texts)), draw(st.sampled_from(["a", "b", "c", "d"])))
        for n in range(count)
    ]


@settings(max_examples=300, deadline=None)
@given(
    claims=claim_lists(),
    threshold=st.sampled_from([-1.0, 0.0, 0.3, 0.5, 0.6, 2 / 3, 0.8, 1.0, 1.5, 2.0]),
    min_shared=st.integers(0, 3),
    per_claim=st.one_of(st.none(), st.integers(1, 4)),
)
def test_the_candidates_are_those_of_comparing_every_pair(
    claims, threshold, min_shared, per_claim
) -> None:
    options = {"threshold": threshold, "min_shared": min_shared, "per_claim": per_claim}
    assert similar_claims(claims, **options) == every_pair(claims, **options)


def test_a_claim_copied_by_hundreds_of_outlets_still_finds_its_copies() -> None:
    text = "Ali Mamlouk made an official visit to Cairo"
    claims = [claim(n, text, f"copy-{n}") for n in range(300)]
    claims.append(claim(300, "Saudi Arabia condemned the vote", "copy-0"))
    everything = similar_claims(claims, per_claim=None)
    assert len(everything) == 300 * 299 // 2
    capped = similar_claims(claims, per_claim=5)
    found = [c for p in capped for c in (p.claim_id, p.other_id)]
    assert set(found) == {f"C{n}" for n in range(300)}
    assert all(p.score == 1.0 for p in capped)
    # every copy is offered the first articles that carried it, the first ones each other
    assert {p.other_id for p in capped if p.claim_id == "C0"} == {f"C{n}" for n in range(1, 300)}
    assert {p.claim_id for p in capped if p.other_id == "C299"} == {f"C{n}" for n in range(5)}
    assert len(capped) == 300 * 5 - 15


def test_pairs_are_made_with_the_collector_held_off_and_it_is_back_on_after() -> None:
    # tens of thousands of pairs (records and tuples that hold no cycle) set off no
    # collection while they are made (one may come due as the collector is back on, and
    # the counts start from nought), and the collector is on again afterwards
    claims = [
        claim(n, "Ali Mamlouk made an official visit to Cairo", f"copy-{n}") for n in range(300)
    ]
    started: list[int] = []
    me = threading.get_ident()

    def seen(phase: str, info: dict) -> None:
        if phase == "start" and threading.get_ident() == me:  # another thread's is not ours
            started.append(info["generation"])

    assert gc.isenabled()
    gc.callbacks.append(seen)
    try:
        gc.collect()
        started.clear()
        pairs = similar_claims(claims, per_claim=None)
        assert len(started) <= 1  # made the usual way: a collection per 700 new objects
        assert gc.isenabled()
        gc.disable()  # the caller's choice is left alone
        try:
            assert similar_claims(claims, per_claim=None) == pairs
            assert not gc.isenabled()
        finally:
            gc.enable()
    finally:
        gc.callbacks.remove(seen)
    assert len(pairs) == 300 * 299 // 2
