"""The case as a network: actors, articles and unnamed speakers; interactions and attribution.

Two kinds of edges, from two places:
- what the text says beyond its claims ("met", "received", "co-occurs"...): the relations
  the case stores, shown between actors that are not rejected;
- attribution, speaker -> channel -> ... -> article ("a Syrian political source told AFP,
  as reported by Middle East Eye"): derived here from the current claims every time, never
  stored, so a changed speaker, a merge or a rejection shows at once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from ..case.records import CaseActor, CaseArticle, CaseClaim
from .periods import DateRange, published_in, published_text, range_bounds
from .reader import CaseReader, CaseView

ARTICLE_NODE = "article"
UNNAMED_NODE = "unnamed"  # an unnamed speaker ("a Syrian political source"), one per claim
ATTRIBUTION = "attribution"  # speaker -> channel -> ... -> article


@dataclass(frozen=True)
class NetworkNode:
    id: str
    label: str
    type: str  # an ActorType value, "article" or "unnamed"
    weight: int  # mentions for an actor, claims for an article
    title: str  # plain text for a tooltip: escape it before it becomes HTML
    status: str  # review status of an actor; "" for articles and unnamed speakers


@dataclass(frozen=True)
class NetworkEdge:
    source: str
    target: str
    kind: str  # a relation kind ("met", "co-occurs"...), "attribution", or a source link
    weight: float


@dataclass(frozen=True)
class NetworkData:
    nodes: tuple[NetworkNode, ...] = ()
    edges: tuple[NetworkEdge, ...] = ()
    _by_id: dict[str, NetworkNode] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # an index, so that labelling every edge of a large case stays linear
        object.__setattr__(self, "_by_id", {n.id: n for n in self.nodes})

    def node(self, node_id: str) -> NetworkNode | None:
        return self._by_id.get(node_id)

    def neighbours(self, node_id: str) -> frozenset[str]:
        found = {e.target for e in self.edges if e.source == node_id}
        found |= {e.source for e in self.edges if e.target == node_id}
        return frozenset(found - {node_id})

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [asdict(n) for n in self.nodes],
            "edges": [asdict(e) for e in self.edges],
        }


def attribution_chain(claim: CaseClaim, actors: Collection[str]) -> list[str]:
    """Who passed the claim on, in order: speaker, its channels, the article.

    Only `actors` (those not rejected) take part; an unnamed speaker, or one a person
    rejected, is the claim's own unnamed node (`unnamed:<claim id>`).
    """
    speaker = claim.speaker
    if speaker is None or speaker not in actors:
        speaker = unnamed_node(claim)
    return [speaker, *(c for c in claim.channels if c in actors), claim.article_id]


def unnamed_node(claim: CaseClaim) -> str:
    return f"{UNNAMED_NODE}:{claim.id}"


def _pairs(chain: list[str]) -> Iterator[tuple[str, str]]:
    for a, b in zip(chain, chain[1:], strict=False):
        if a != b:  # a speaker who is also the first channel ("SANA said")
            yield a, b


def _actor_title(actor: CaseActor) -> str:
    lines = [f"{actor.name} ({actor.type.value})"]
    others = [a for a in actor.aliases if a != actor.name]
    if others:
        lines.append("also: " + ", ".join(others))
    if actor.roles:
        lines.append("roles: " + ", ".join(actor.roles))
    lines.append(f"{actor.mention_count} mentions in {len(actor.articles)} articles")
    lines.append(f"status: {actor.status.value}")
    return "\n".join(lines)


def _article_title(article: CaseArticle) -> str:
    lines = [article.title or article.id]
    published = published_text(article.published, record=f"article {article.id}")
    details = [d for d in (article.outlet, published) if d]
    if details:
        lines.append(", ".join(details))
    return "\n".join(lines)


def _unnamed(claim: CaseClaim) -> NetworkNode:
    label = claim.speaker_text or "unnamed source"
    title = f"{label} (unnamed source)\nclaim {claim.id}"
    return NetworkNode(unnamed_node(claim), label, UNNAMED_NODE, 1, title, "")


def network_data(
    case: CaseReader,
    *,
    actor_ids: Collection[str] | None = None,
    date_range: DateRange | None = None,
    min_weight: float = 1,
) -> NetworkData:
    """Actors, articles and unnamed speakers as nodes; interactions and attribution as edges.

    - `date_range` keeps what comes from articles published in it (inclusive; "2016-10"
      is the whole month);
    - `actor_ids` keeps the edges that touch one of these actors, and their other ends;
    - `min_weight` drops edges seen fewer times (summed over articles).
    Actors stay even without edges (a mention is a fact); articles and unnamed speakers
    exist only as ends of attribution, so they go when their edges go.
    """
    view = CaseView.of(case)
    bounds = range_bounds(date_range)
    articles = {
        i: a
        for i, a in view.articles.items()
        if published_in(a.published, bounds, record=f"article {i}")
    }
    # relations weigh what the extraction gave (floats); attribution links count (ints)
    weights: defaultdict[tuple[str, str, str], float] = defaultdict(int)
    article_claims: Counter[str] = Counter()
    unnamed: dict[str, NetworkNode] = {}

    for relation in view.relations:
        if (
            relation.article_id in articles
            and relation.source != relation.target  # two actors a person merged into one
            and relation.source in view.actors
            and relation.target in view.actors
        ):
            weights[(relation.source, relation.target, relation.kind)] += relation.weight
    for claim in view.claims:
        if claim.article_id not in articles:
            continue
        article_claims[claim.article_id] += 1
        chain = attribution_chain(claim, view.actors.keys())
        if chain[0] == unnamed_node(claim):
            unnamed[chain[0]] = _unnamed(claim)
        for a, b in _pairs(chain):
            weights[(a, b, ATTRIBUTION)] += 1
        for link in view.links.get(claim.id, ()):
            if link.actor_id in view.actors:
                weights[(link.actor_id, claim.article_id, link.relation.value)] += 1

    edges = [
        NetworkEdge(s, t, kind, weight)
        for (s, t, kind), weight in weights.items()
        if weight >= min_weight
    ]
    focus = set(actor_ids) if actor_ids is not None else None  # a set: views pass long lists
    if focus is not None:
        edges = [e for e in edges if e.source in focus or e.target in focus]
    ends = {e.source for e in edges} | {e.target for e in edges}

    nodes = [
        NetworkNode(a.id, a.name, a.type.value, a.mention_count, _actor_title(a), a.status.value)
        for a in view.actors.values()
        if (focus is None or a.id in focus or a.id in ends)
        and (bounds is None or a.id in ends or any(x in articles for x in a.articles))
    ]
    nodes += [
        NetworkNode(
            a.id, a.title or a.id, ARTICLE_NODE, 1 + article_claims[a.id], _article_title(a), ""
        )
        for a in articles.values()
        if a.id in ends
    ]
    nodes += [n for n in unnamed.values() if n.id in ends]
    return NetworkData(nodes=tuple(nodes), edges=tuple(edges))


__all__ = [
    "ARTICLE_NODE",
    "ATTRIBUTION",
    "UNNAMED_NODE",
    "NetworkData",
    "NetworkEdge",
    "NetworkNode",
    "attribution_chain",
    "network_data",
]
