"""Similar claims brought up to date after a few claims changed, rather than paired again.

A rejected claim, a claim's new wording or an added article's claims change the pairs of
few claims: after one such change on a case of 5,000 articles, pairing all 47,500 claims
again (each claim's best partners, then sorting and making a quarter of a million
records) took 0.5 s of CPU, several seconds on a busy machine. Here the claims' groups and
the scores between groups are worked out as `similar_claims` works them out (cheap: a
group per distinct set of words), and then only the pairs of the claims a change can
reach are chosen again:

- the changed claims themselves (gone, new, or worded anew);
- the claims they were paired with: a partner gone frees a place among a claim's best;
- the claims of every group linked to a changed claim's group now: a new partner may
  take a place among their best.

Every other claim's best partners are the ones it had: its candidates are the same
claims, in the same order (claims keep their order in the case: new ones are noted as
changed), so its pairs in the previous result stand as they were. The pairs chosen again
are merged into those, in the result's order. The result is the one `similar_claims`
gives on the claims now (tests/analysis/test_similarity_update.py compares them after
each kind of change). When a change reaches more than half of the claims, or the previous
result does not fit the claims (a pair whose claims are gone or in another order: a
change not noted; one pair in `SAMPLE` of those that stand is checked), everything is
paired again.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from itertools import compress
from operator import add, attrgetter, or_

from ..collector import collector_held
from .similarity import (
    ClaimText,
    SimilarClaims,
    _records,
    _similar_groups,
    best_of,
    grouped,
    partners_of,
    similar_claims,
    tiers_of,
)

# a change that reaches more than this share of the claims pairs them all again: choosing
# that many claims' partners one by one costs more than doing them all at once
MAX_SHARE = 0.5
# one pair in this many of those that stand is checked against the claims now
SAMPLE = 16


def updated_similar_claims(
    previous: Sequence[SimilarClaims],
    claims: Sequence[ClaimText],
    changed: Collection[str],
    *,
    threshold: float = 0.6,
    min_shared: int = 2,
    per_claim: int | None = 5,
) -> list[SimilarClaims]:
    """`similar_claims(claims, ...)`, from `previous` (its result on the claims as they
    were) when the claims `changed` names (by id: gone, new, reworded or moved) are the
    only ones that differ."""
    if per_claim is not None and per_claim <= 0:
        return []
    with collector_held():
        found = _updated(previous, claims, set(changed), threshold, max(min_shared, 1), per_claim)
    if found is None:
        return similar_claims(
            claims, threshold=threshold, min_shared=min_shared, per_claim=per_claim
        )
    return found


def _updated(
    previous: Sequence[SimilarClaims],
    claims: Sequence[ClaimText],
    changed: set[str],
    threshold: float,
    min_shared: int,
    per_claim: int | None,
) -> list[SimilarClaims] | None:
    words, members = grouped(claims, min_shared)
    partners = partners_of(_similar_groups(words, threshold=threshold, min_shared=min_shared))
    ids = [claim.id for claim in claims]
    articles = [claim.article_id for claim in claims]
    place = {claim_id: i for i, claim_id in enumerate(ids)}
    if len(place) != len(ids):
        return None  # an id twice: not a case's claims
    group_at = [-1] * len(ids)
    for g, placed in enumerate(members):
        for i in placed:
            group_at[i] = g

    # the previous pairs' claims as columns: each pass below is a C loop (map, compress),
    # not a Python one per pair (a quarter of a million pairs at 5,000 articles)
    firsts = list(map(attrgetter("claim_id"), previous))
    seconds = list(map(attrgetter("other_id"), previous))

    # the claims a change reaches: the changed, their partners before, and the claims of
    # the groups linked to theirs now
    hit = set(changed)
    for pair in compress(previous, _either(changed, firsts, seconds)):
        hit.add(pair.claim_id)
        hit.add(pair.other_id)
    linked = {
        h for c in changed if c in place and (g := group_at[place[c]]) >= 0 for _, h in partners[g]
    }
    for h in linked:
        hit.update(ids[j] for j in members[h])
    if len(hit) > MAX_SHARE * len(ids):
        return None

    # the previous pairs that stand: neither claim reached; the others are chosen again.
    # The changes named are all there are (the store notes every row a write touches, or
    # nothing is updated): a sample of the pairs that stand is checked against the claims
    # (both there, in the same order and articles), every pair would cost a third of the
    # update
    reached = list(map(add, map(hit.__contains__, firsts), map(hit.__contains__, seconds)))
    if not all(
        _fits(pair, place, articles)
        for pair in previous[::SAMPLE]
        if pair.claim_id not in hit and pair.other_id not in hit
    ):
        return None
    touching = list(compress(previous, reached))
    ends = [pair for pair, n in zip(touching, filter(None, reached), strict=True) if n == 1]

    tiers: dict[int, list[tuple[float, Sequence[int]]]] = {}

    def tiers_at(i: int) -> list[tuple[float, Sequence[int]]]:
        g = group_at[i]
        if g < 0:
            return []
        if g not in tiers:
            tiers[g] = tiers_of(list(partners[g]), members)
        return tiers[g]

    found: dict[tuple[int, int], float] = {}
    if per_claim is None:  # every pair of linked claims in different articles
        for i in sorted(place[c] for c in hit if c in place):
            for key, listed in tiers_at(i):
                for j in listed:
                    if j != i and articles[j] != articles[i]:
                        found[(i, j) if i < j else (j, i)] = key
    else:
        for i in sorted(place[c] for c in hit if c in place):
            for j, key in best_of(i, tiers_at(i), articles, per_claim):
                found[(i, j) if i < j else (j, i)] = key
        # a pair of a reached claim and one not reached stands if the latter chose it: its
        # best partners are the ones it had
        for pair in ends:
            mine, other = (
                (pair.claim_id, pair.other_id)
                if pair.claim_id in hit
                else (pair.other_id, pair.claim_id)
            )
            if mine not in place or other not in place:
                if other not in place:
                    return None  # a claim not reached is gone: a change went unnoted
                continue
            i, j = place[mine], place[other]
            for chosen, key in best_of(j, tiers_at(j), articles, per_claim):
                if chosen == i:
                    found[(i, j) if i < j else (j, i)] = key
    # only what differs from the previous result is written into it: most pairs chosen
    # again are the ones the reached claims had (an added article's 14 claims reach
    # thousands, whose best partners stay the same)
    wanted = {(ids[i], ids[j]): (key, i, j) for (i, j), key in found.items()}
    gone = []
    for pair in touching:
        same = wanted.get((pair.claim_id, pair.other_id))
        if (
            same is not None
            and same[0] == -pair.score
            and articles[same[1]] == pair.article_id
            and articles[same[2]] == pair.other_article_id
        ):
            del wanted[(pair.claim_id, pair.other_id)]
        else:
            gone.append(pair)
    ordered = [(key, first, second, i, j) for (first, second), (key, i, j) in wanted.items()]
    ordered.sort()
    return _merged(_without(previous, gone), _records(ordered, articles))


def _either(ids: set[str], firsts: list[str], seconds: list[str]) -> list[bool]:
    """For each pair, whether either of its claims is among `ids` (in C loops)."""
    return list(map(or_, map(ids.__contains__, firsts), map(ids.__contains__, seconds)))


def _fits(pair: SimilarClaims, place: dict[str, int], articles: list[str]) -> bool:
    """Whether a pair that stands fits the claims now: both claims there, in the same order
    and articles."""
    at, to = place.get(pair.claim_id), place.get(pair.other_id)
    return (
        at is not None
        and to is not None
        and at < to
        and articles[at] == pair.article_id
        and articles[to] == pair.other_article_id
    )


def _order(pair: SimilarClaims) -> tuple[float, str, str]:
    """A pair's place in the result: best first (its score negated, as sorted), then by
    its claims' ids."""
    return (-pair.score, pair.claim_id, pair.other_id)


def _without(pairs: Sequence[SimilarClaims], gone: list[SimilarClaims]) -> list[SimilarClaims]:
    """`pairs` (sorted) without those of `gone` (among them), each found by bisection."""
    if len(gone) * 16 > len(pairs):  # many: one pass costs less than a search each
        dropped = set(map(id, gone))
        return [pair for pair in pairs if id(pair) not in dropped]
    places = sorted(bisect.bisect_left(pairs, _order(pair), key=_order) for pair in gone)
    out: list[SimilarClaims] = []
    at = 0
    for to in places:
        out.extend(pairs[at:to])
        at = to + 1
    out.extend(pairs[at:])
    return out


def _merged(kept: list[SimilarClaims], new: list[SimilarClaims]) -> list[SimilarClaims]:
    """Both sorted lists as one: each new pair found in `kept` by bisection, runs of kept
    pairs copied whole; many new ones sorted in with the rest (two sorted runs, merged by
    the sort in one pass)."""
    if not new:
        return kept
    if len(new) * 16 > len(kept):
        out = kept + new
        out.sort(key=_order)
        return out
    out = []
    at = 0
    for pair in new:
        to = bisect.bisect_left(kept, _order(pair), lo=at, key=_order)
        out.extend(kept[at:to])
        out.append(pair)
        at = to
    out.extend(kept[at:])
    return out


__all__ = ["updated_similar_claims"]
