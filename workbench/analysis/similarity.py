"""The same claim in other articles: pairs of claims offered to a person as links.

Two claims look alike when their content words (longer than two letters, stop words left
out) mostly agree: the Dice coefficient of the two sets of words. A pair needs at least
`min_shared` shared words and a score of at least `threshold`.

Finding the pairs does not compare every claim with every other:

- blocking: claims with the very same words (a wire story copied by fifty outlets) form
  one group, compared with the others once;
- prefix filtering (Bayardo, Ma and Srikant, "Scaling up all pairs similarity search",
  WWW 2007): each group's words are sorted rarest first and only the first few are
  indexed, as many as could be missing from a partner that still reaches the threshold.
  Two groups sharing none of those cannot reach it and are never compared.

Every candidate is then scored exactly: the result is the one comparing all pairs gives.
`per_claim` keeps each claim's best few partners (ties go to the claims listed first, the
articles added first), so fifty copies offer a handful of links each, not a thousand.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from ..collector import collector_held
from ..model import Record


@dataclass(frozen=True)
class SimilarClaims(Record):
    claim_id: str
    other_id: str
    article_id: str
    other_article_id: str
    score: float


class ClaimText(Protocol):
    """What pairing reads of a claim: a `CaseClaim`, or a `ClaimWords` read alone."""

    @property
    def id(self) -> str: ...
    @property
    def article_id(self) -> str: ...
    @property
    def text(self) -> str: ...


class ClaimWords(NamedTuple):
    """A claim's id, article and text only: a large case reads these three columns of its
    claims in a third of the CPU whole records take (28,000 claims: 0.08 s against 0.25 s;
    `Case.similar_claims`)."""

    id: str
    article_id: str
    text: str


def _records(
    ordered: list[tuple[float, str, str, int, int]], articles: Sequence[str]
) -> list[SimilarClaims]:
    """`SimilarClaims(...)` of each (negated score, id, other id, i, j), without the frozen
    dataclass's field-by-field __init__: a large case makes hundreds of thousands of pairs,
    and that __init__ was most of their cost. No field has a type `Record` cleans
    (tests/analysis/test_scale.py holds it), so the record is the one the constructor
    makes. Each record is given its whole __dict__ at once, with the names looked up once
    for all (a call and a keyword dict per pair cost a fifth more)."""
    new, set_dict, cls = object.__new__, object.__setattr__, SimilarClaims
    records: list[SimilarClaims] = []
    append = records.append
    for key, claim_id, other_id, i, j in ordered:
        pair = new(cls)
        set_dict(
            pair,
            "__dict__",
            {
                "claim_id": claim_id,
                "other_id": other_id,
                "article_id": articles[i],
                "other_article_id": articles[j],
                "score": -key,
            },
        )
        append(pair)
    return records


_WORD = re.compile(r"\w+")
# fmt: off
_STOPWORDS = frozenset([
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with",
    "from", "that", "this", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "it", "its", "as", "not", "but", "he", "she", "they", "his", "her", "their", "him",
    "them", "said", "says", "will", "would", "could", "should", "which", "who", "whom",
    "whose", "what", "when", "where", "than", "then", "there", "also", "after", "before",
    "over", "into", "about",
])
# fmt: on


def claim_tokens(text: str) -> frozenset[str]:
    return frozenset(
        w
        for w in (m.group().casefold() for m in _WORD.finditer(text))
        if len(w) > 2 and w not in _STOPWORDS
    )


def token_set_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two token sets: 1.0 same words, 0.0 none shared."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _min_overlap(size: int, threshold: float) -> int:
    """The fewest words a set of `size` words must share with any partner to score
    `threshold`: 2o / (size + |b|) >= t with |b| >= o gives o >= t * size / (2 - t)."""
    if threshold <= 0:
        return 0
    # rounded down a hair: a shorter bound only makes the prefix longer, never unsafe
    return max(0, math.ceil(threshold * size / (2 - threshold) - 1e-9))


def _similar_groups(
    groups: Sequence[frozenset[str]], *, threshold: float, min_shared: int
) -> dict[tuple[int, int], float]:
    """(g, h) with g <= h -> score, for the word sets that qualify; (g, g) is a group
    paired with itself (copies of one claim)."""
    found: dict[tuple[int, int], float] = {}
    if threshold > 1:  # no two sets of words score above 1
        return found
    frequency = Counter(word for words in groups for word in words)
    index: dict[str, list[int]] = defaultdict(list)
    for g, words in enumerate(groups):
        size = len(words)
        if size < min_shared:
            continue
        overlap = max(min_shared, _min_overlap(size, threshold))
        rarest_first = sorted(words, key=lambda w: (frequency[w], w))
        candidates: set[int] = set()
        for word in rarest_first[: size - overlap + 1]:
            candidates.update(index[word])
            index[word].append(g)
        for h in candidates:
            shared = len(words & groups[h])
            score = 2 * shared / (size + len(groups[h]))
            if shared >= min_shared and score >= threshold:
                found[(h, g)] = score
        found[(g, g)] = 1.0  # copies of one claim in several articles
    return found


def _all_pairs(
    articles: Sequence[str], members: list[list[int]], groups: dict[tuple[int, int], float]
) -> Iterator[tuple[tuple[int, int], float]]:
    """Every pair of claims in different articles, (i, j) with i < j, and its score
    negated and rounded (the sort key `similar_claims` wants), worked out once per group
    pair: a pair of groups holds thousands of pairs of claims."""
    for (g, h), score in groups.items():
        key = -round(score, 3)
        if g == h:
            pairs: Iterator[tuple[int, int]] = itertools.combinations(members[g], 2)
        else:
            pairs = ((min(i, j), max(i, j)) for i in members[g] for j in members[h])
        for i, j in pairs:
            if articles[i] != articles[j]:
                yield (i, j), key


def partners_of(groups: dict[tuple[int, int], float]) -> dict[int, list[tuple[float, int]]]:
    """Each group's linked groups, (score, group), from `_similar_groups`' pairs."""
    partners: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (g, h), score in groups.items():
        partners[g].append((score, h))
        if h != g:
            partners[h].append((score, g))
    return partners


def tiers_of(
    linked: list[tuple[float, int]], members: Sequence[Sequence[int]]
) -> list[tuple[float, Sequence[int]]]:
    """A group's partners by tier, best first: each exact score's claims, listed first
    first, with the score negated and rounded (the sort key `similar_claims` wants)."""
    linked.sort(key=lambda pair: -pair[0])
    tiers: list[tuple[float, Sequence[int]]] = []
    for score, tier in itertools.groupby(linked, key=lambda pair: pair[0]):
        lists = [members[h] for _, h in tier]
        ordered = lists[0] if len(lists) == 1 else list(heapq.merge(*lists))
        # rounded once a tier, not once a pair; tiers stay split by the exact score
        tiers.append((-round(score, 3), ordered))
    return tiers


def best_of(
    i: int, tiers: list[tuple[float, Sequence[int]]], articles: Sequence[str], per_claim: int
) -> list[tuple[int, float]]:
    """Claim `i`'s `per_claim` best partners in other articles, (j, key), from its group's
    `tiers_of`."""
    article, taken = articles[i], []
    for key, ordered in tiers:
        for j in ordered:
            if j == i or articles[j] == article:
                continue
            taken.append((j, key))
            if len(taken) == per_claim:
                return taken
    return taken


def _best_pairs(
    articles: Sequence[str],
    members: list[list[int]],
    groups: dict[tuple[int, int], float],
    per_claim: int,
) -> dict[tuple[int, int], float]:
    """Each claim's `per_claim` best partners, highest score first, then listed first:
    (i, j) with i < j -> the score negated and rounded, as `_all_pairs` gives it."""
    chosen: dict[tuple[int, int], float] = {}
    for g, linked in partners_of(groups).items():
        tiers = tiers_of(linked, members)
        for i in members[g]:
            for j, key in best_of(i, tiers, articles, per_claim):
                chosen[(i, j) if i < j else (j, i)] = key
    return chosen


def grouped(
    claims: Sequence[ClaimText], min_shared: int
) -> tuple[list[frozenset[str]], list[list[int]]]:
    """Claims with the very same words as one group: each group's words, and its claims'
    places in `claims` (in order); claims with fewer than `min_shared` words in none."""
    group_of: dict[frozenset[str], int] = {}
    members: list[list[int]] = []
    words_of: dict[str, frozenset[str]] = {}  # copies of a text are read once
    for i, claim in enumerate(claims):
        words = words_of.get(claim.text)
        if words is None:
            words = words_of[claim.text] = claim_tokens(claim.text)
        if len(words) >= min_shared:
            g = group_of.setdefault(words, len(group_of))
            if g == len(members):
                members.append([])
            members[g].append(i)
    return list(group_of), members


def similar_claims(
    claims: Sequence[ClaimText],
    *,
    threshold: float = 0.6,
    min_shared: int = 2,
    per_claim: int | None = 5,
) -> list[SimilarClaims]:
    """Pairs of claims from different articles whose words mostly agree, best first.

    `per_claim=None` keeps every pair; otherwise a pair is kept when it is among the
    `per_claim` best of either of its claims.
    """
    if per_claim is not None and per_claim <= 0:
        return []
    min_shared = max(min_shared, 1)  # a pair shares a word at least
    words, members = grouped(claims, min_shared)
    groups = _similar_groups(words, threshold=threshold, min_shared=min_shared)
    # read off plain lists: a case of 5,000 articles makes hundreds of thousands of pairs
    ids = [claim.id for claim in claims]
    articles = [claim.article_id for claim in claims]
    with collector_held():
        found = (
            _all_pairs(articles, members, groups)
            if per_claim is None
            else _best_pairs(articles, members, groups, per_claim).items()
        )
        # sorted as plain tuples (best first, then by ids), made into records last; a list
        # built and sorted in place, not a generator's tuples fed to sorted()
        ordered = [(key, ids[i], ids[j], i, j) for (i, j), key in found]
        ordered.sort()
        return _records(ordered, articles)
