"""Similar claims brought up to date after a few claims changed
(`workbench.analysis.similarity_update`) equal similar claims paired afresh: after a claim
is rejected, reworded, moved or added, and an article's claims added or removed, for
several thresholds and numbers of partners, on claims with many copies (ties between
partners) and many near copies."""

from __future__ import annotations

import random

import pytest

from workbench.analysis import similarity_update
from workbench.analysis.similarity import ClaimWords, similar_claims
from workbench.analysis.similarity_update import updated_similar_claims

WORDS = [
    "minister",
    "visited",
    "cairo",
    "talks",
    "security",
    "border",
    "officials",
    "army",
    "ceasefire",
    "rebels",
    "aid",
    "convoy",
    "city",
    "north",
    "south",
    "damascus",
    "embassy",
    "delegation",
    "meeting",
    "president",
]


def _text(rng: random.Random) -> str:
    return " ".join(rng.sample(WORDS, rng.randint(2, 7)))


def _claims(rng: random.Random, articles: int) -> list[ClaimWords]:
    """Claims of `articles` articles, in a case's order; a few texts copied often."""
    stock = [_text(rng) for _ in range(12)]
    claims = []
    for a in range(articles):
        for k in range(rng.randint(1, 6)):
            text = rng.choice(stock) if rng.random() < 0.6 else _text(rng)
            claims.append(ClaimWords(f"C{a}-{k}", f"art{a}", text))
    return claims


def _changed(
    rng: random.Random, claims: list[ClaimWords], kind: str, articles: int
) -> tuple[list[ClaimWords], list[ClaimWords], set[str]]:
    """The claims before and after one change of `kind`, and the ids it names."""
    at = rng.randrange(len(claims))
    target = claims[at]
    if kind == "rejected":
        return claims, claims[:at] + claims[at + 1 :], {target.id}
    if kind == "back":  # a rejection undone: the claim back in its place
        return claims[:at] + claims[at + 1 :], claims, {target.id}
    if kind == "reworded":
        text = rng.choice([c.text for c in claims] + [_text(rng)])
        return claims, [*claims[:at], target._replace(text=text), *claims[at + 1 :]], {target.id}
    if kind == "added article":
        new = [ClaimWords(f"N{k}", f"art{articles}", rng.choice(claims).text) for k in range(4)]
        new.append(ClaimWords("N9", f"art{articles}", _text(rng)))
        return claims, claims + new, {c.id for c in new}
    # an article's claims gone
    gone = [c for c in claims if c.article_id == target.article_id]
    return claims, [c for c in claims if c not in gone], {c.id for c in gone}


def _no_fresh(*args: object, **kwargs: object) -> object:
    raise AssertionError("paired afresh, not updated")


KINDS = ["rejected", "back", "reworded", "added article", "removed"]


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("kind", KINDS)
def test_updated_pairs_equal_fresh_ones(
    seed: int, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every change is updated here, never handed to a fresh pairing: the test is of the
    # update (a change reaching most claims would otherwise be paired afresh)
    monkeypatch.setattr(similarity_update, "MAX_SHARE", 1.0)
    monkeypatch.setattr(similarity_update, "similar_claims", _no_fresh)
    rng = random.Random(seed * 31 + KINDS.index(kind))
    articles = 30
    claims = _claims(rng, articles)
    for threshold, per_claim in ((0.6, 5), (0.5, 2), (0.0, None), (0.8, 1), (0.6, None)):
        before, after, changed = _changed(rng, claims, kind, articles)
        previous = similar_claims(before, threshold=threshold, per_claim=per_claim)
        assert previous  # the claims pair: the update has something to keep
        updated = updated_similar_claims(
            previous, after, changed, threshold=threshold, per_claim=per_claim
        )
        assert updated == similar_claims(after, threshold=threshold, per_claim=per_claim)


def test_pairs_that_no_longer_fit_the_claims_are_paired_afresh() -> None:
    """A change not named (a claim gone, or claims in another order) is not guessed at:
    the claims are paired afresh."""
    rng = random.Random(7)
    claims = _claims(rng, 20)
    previous = similar_claims(claims)
    lone = next(p for p in previous)
    gone = [c for c in claims if c.id != lone.claim_id]
    assert updated_similar_claims(previous, gone, set()) == similar_claims(gone)
    swapped = list(reversed(claims))
    assert updated_similar_claims(previous, swapped, set()) == similar_claims(swapped)


def test_a_change_reaching_most_claims_pairs_them_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(3)
    claims = _claims(rng, 20)
    previous = similar_claims(claims)
    calls = []

    def fresh(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return similar_claims(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(similarity_update, "similar_claims", fresh)
    changed = {c.id for c in claims[: len(claims) * 2 // 3]}
    assert updated_similar_claims(previous, claims, changed) == previous
    assert calls == [1]
