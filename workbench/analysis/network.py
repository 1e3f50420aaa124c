"""The case as a network: actors, articles and unnamed speakers; interactions and attribution.

Two kinds of edges, from two places:
- what the text says beyond its claims ("met", "received", "co-occurs"...): the relations
  the case stores, shown between actors that are not rejected;
- attribution, speaker -> channel -> ... -> article ("a Syrian political source told AFP,
  as reported by Middle East Eye"): derived here from the current claims every time, never
  stored, so a changed speaker, a merge or a rejection shows at once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from ..case.records import CaseActor, CaseArticle, CaseClaim
from .claims import StatusFilter
from .periods import DateRange, published_text
from .reader import CaseReader

ARTICLE_NODE = "article"
UNNAMED_NODE = "unnamed"  # an unnamed speaker ("a Syrian political source"), one per claim
ATTRIBUTION = "attribution"  # speaker -> channel -> ... -> article
# what an edge kind means, in plain words (tooltips, labels, the legend)
EDGE_WORDS = {
    ATTRIBUTION: "passed on",
    "reported_by": "reported by",
    "corroborates": "corroborates",
    "contradicts": "contradicts",
    "co-occurs": "named together",
}
CLAIMS_IN_TITLE = 3  # an edge's tooltip quotes this many of its claims, then counts the rest
QUOTE_LIMIT = 140  # characters of a claim quoted in a tooltip


def edge_word(kind: str) -> str:
    return EDGE_WORDS.get(kind, kind.replace("_", " "))


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
    claims: tuple[str, ...] = ()  # the claims an attribution or source-link edge stands for
    title: str = ""  # plain text for a tooltip (what the edge stands for): escape it in HTML


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


def _edge_title(
    source: str, target: str, kind: str, weight: float, claims: Collection[CaseClaim]
) -> str:
    """What an edge stands for, as plain text: the relation, or the claims it carries."""
    if not claims:
        times = f" ({weight:g} times)" if weight != 1 else ""
        return f"{source} {edge_word(kind)} {target}{times}"
    lines = [f"{source} → {target}: {edge_word(kind)}, {len(claims)} claim(s)"]
    for claim in list(claims)[:CLAIMS_IN_TITLE]:
        text = claim.text if len(claim.text) <= QUOTE_LIMIT else claim.text[: QUOTE_LIMIT - 1] + "…"
        lines.append(f"• “{text}” ({claim.id}, {claim.status.value.replace('_', ' ')})")
    if len(claims) > CLAIMS_IN_TITLE:
        lines.append(f"… and {len(claims) - CLAIMS_IN_TITLE} more")
    return "\n".join(lines)


def network_data(
    case: CaseReader,
    *,
    actor_ids: Collection[str] | None = None,
    date_range: DateRange | None = None,
    min_weight: float = 1,
    article_id: str | None = None,
    status: StatusFilter = None,
) -> NetworkData:
    """Actors, articles and unnamed speakers as nodes; interactions and attribution as edges.

    - `date_range` keeps the claims placed in it (their own date, else their article's
      publication day: `timeline_dates`, the rule of every date filter) and the relations
      of articles published in it (inclusive; "2016-10" is the whole month);
    - `article_id` keeps what comes from that one article;
    - `status` keeps the claims with that verification status (relations are no claims:
      they stay);
    - `actor_ids` keeps the edges that touch one of these actors, and their other ends;
    - `min_weight` drops edges seen fewer times (summed over articles).
    Actors stay even without edges (a mention is a fact); articles and unnamed speakers
    exist only as ends of attribution, so they go when their edges go.
    """
    # the tally's code is the one code path: a panel keeps a tally and carries it over edits
    from .network_tally import NetworkTally

    tally = NetworkTally(case, date_range=date_range, article_id=article_id, status=status)
    return tally.data(min_weight=min_weight, actor_ids=actor_ids)


__all__ = [
    "ARTICLE_NODE",
    "ATTRIBUTION",
    "EDGE_WORDS",
    "UNNAMED_NODE",
    "NetworkData",
    "NetworkEdge",
    "NetworkNode",
    "attribution_chain",
    "edge_word",
    "network_data",
]
