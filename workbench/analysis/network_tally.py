"""The network's sums kept between edits, so that an edit to a few claims redraws in time
proportional to the edit, not to the case.

`network_data` is a tally: every relation and every claim adds weight (and claims) to the
edges it stands for. `NetworkTally` keeps each claim's share; given a snapshot carried from
the one it tallied (`CaseSnapshot.carry`: unchanged tables are the same lists, a claim
edited in place is a new record at the same place), `carry` takes back the shares of the
claims that changed, adds their new shares, and rebuilds only the edges they touch. Any
other change (an actor, an article, a relation, a link, a claim added or removed, a date
filter) is tallied again from scratch, which is always right.

A fresh tally gives exactly what `network_data` always gave, in the same order; after
`carry`, the same nodes and edges, where new edges come last (what is drawn does not
depend on that order: `readable_network` orders what it keeps).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from ..case.records import CaseClaim
from ..model import ReviewStatus
from .claims import StatusFilter, status_set
from .network import (
    ARTICLE_NODE,
    ATTRIBUTION,
    NetworkData,
    NetworkEdge,
    NetworkNode,
    _actor_title,
    _article_title,
    _edge_title,
    _pairs,
    _unnamed,
    attribution_chain,
    unnamed_node,
)
from .periods import DateRange, published_in, range_bounds
from .reader import CaseReader, CaseSnapshot, CaseView
from .timeline_dates import claim_dates, claim_in_range

EdgeKey = tuple[str, str, str]


class NetworkTally:
    """The network of `case` with the filters `network_data` takes before `min_weight`."""

    def __init__(
        self,
        case: CaseReader,
        *,
        date_range: DateRange | None = None,
        article_id: str | None = None,
        status: StatusFilter = None,
    ) -> None:
        self.view = view = CaseView.of(case)
        self.bounds = bounds = range_bounds(date_range)
        self.wanted = status_set(status)
        self.article_id = article_id
        self.articles = {
            i: a for i, a in view.articles.items() if article_id is None or i == article_id
        }
        dated = {
            i: a
            for i, a in self.articles.items()
            if published_in(a.published, bounds, record=f"article {i}")
        }
        self.dated = dated
        self.placed = claim_dates(view.source) if bounds is not None else {}
        # relations weigh what the extraction gave (floats); they never change by carry
        self.related: defaultdict[EdgeKey, float] = defaultdict(int)
        for relation in view.relations:
            if (
                relation.article_id in dated
                and relation.source != relation.target  # two actors a person merged into one
                and relation.source in view.actors
                and relation.target in view.actors
            ):
                self.related[(relation.source, relation.target, relation.kind)] += relation.weight
        # each claim's share, by its place in the claims table: (claim, edge keys, unnamed)
        self.shares: dict[int, tuple[CaseClaim, list[EdgeKey], NetworkNode | None]] = {}
        self.hits: dict[EdgeKey, dict[int, int]] = {}  # edge -> claim place -> times
        self.article_claims: Counter[str] = Counter()
        self.unnamed: dict[str, NetworkNode] = {}
        self._tables = self._tables_of(case)
        self.claims: Sequence[CaseClaim] = (
            case.claims(include_rejected=True) if isinstance(case, CaseSnapshot) else view.claims
        )
        for place, claim in enumerate(self.claims):
            self._add(place, claim)
        keys = dict.fromkeys([*self.related, *self.hits])  # network_data's order
        self.edges: dict[EdgeKey, NetworkEdge] = {}
        for key in keys:
            self._rebuild(key)
        self._actor_nodes = {
            a.id: NetworkNode(
                a.id, a.name, a.type.value, a.mention_count, _actor_title(a), a.status.value
            )
            for a in view.actors.values()
        }
        self._article_titles: dict[str, str] = {}
        self.version = 0  # moves when `carry` changed something
        self._data: tuple[tuple, NetworkData] | None = None

    @staticmethod
    def _tables_of(case: CaseReader) -> tuple | None:
        """The tables a claim edit leaves as they were (the same lists in a carried snapshot)."""
        if not isinstance(case, CaseSnapshot):
            return None
        return (case.articles(), case.actors(), case.relations(), case.links())

    # --- each claim's share -----------------------------------------------------------------

    def _add(self, place: int, claim: CaseClaim) -> None:
        view = self.view
        if claim.review is ReviewStatus.REJECTED or claim.article_id not in self.articles:
            return  # as CaseView.claims: rejected claims are not in the network
        if self.bounds is not None and not claim_in_range(self.placed.get(claim.id), self.bounds):
            return
        if self.wanted is not None and claim.status not in self.wanted:
            return
        self.article_claims[claim.article_id] += 1
        chain = attribution_chain(claim, view.actors.keys())
        unnamed = _unnamed(claim) if chain[0] == unnamed_node(claim) else None
        keys = [(a, b, ATTRIBUTION) for a, b in _pairs(chain)]
        for link in view.links.get(claim.id, ()):
            if link.actor_id in view.actors:
                keys.append((link.actor_id, claim.article_id, link.relation.value))
        self.shares[place] = (claim, keys, unnamed)
        for key in keys:
            hits = self.hits.setdefault(key, {})
            hits[place] = hits.get(place, 0) + 1
        if unnamed is not None:
            self.unnamed[unnamed.id] = unnamed

    def _remove(self, place: int) -> set[EdgeKey]:
        share = self.shares.pop(place, None)
        if share is None:
            return set()
        claim, keys, unnamed = share
        self.article_claims[claim.article_id] -= 1
        if not self.article_claims[claim.article_id]:
            del self.article_claims[claim.article_id]
        for key in keys:
            hits = self.hits[key]
            hits[place] -= 1
            if not hits[place]:
                del hits[place]
            if not hits:
                del self.hits[key]
        if unnamed is not None:
            self.unnamed.pop(unnamed.id, None)
        return set(keys)

    def _name(self, node_id: str) -> str:
        # network_data's order of precedence: unnamed speakers, then articles, then actors
        if node_id in self.unnamed:
            return self.unnamed[node_id].label
        if node_id in self.articles:
            return self.articles[node_id].title or node_id
        actor = self.view.actors.get(node_id)
        return actor.name if actor is not None else node_id

    def _rebuild(self, key: EdgeKey) -> None:
        hits = self.hits.get(key, {})
        if not hits and key not in self.related:
            self.edges.pop(key, None)
            return
        weight = self.related.get(key, 0)
        claims = []
        for place in sorted(hits):  # the claims' order, as one pass over them gives
            for _ in range(hits[place]):
                weight += 1  # one at a time, as one pass sums them (floats)
                claims.append(self.shares[place][0])
        source, target, kind = key
        self.edges[key] = NetworkEdge(
            source,
            target,
            kind,
            weight,
            tuple(c.id for c in claims),
            _edge_title(self._name(source), self._name(target), kind, weight, claims),
        )

    # --- an edit --------------------------------------------------------------------------

    def carry(self, case: CaseReader) -> bool:
        """Take in the claims `case` changed in place since the case this tallied; False
        (nothing done) when it cannot tell, or something else changed: tally again."""
        if self.bounds is not None or self._tables is None:
            return False  # a date range places claims by their events: tally again
        tables = self._tables_of(case)
        if tables is None or any(a is not b for a, b in zip(tables, self._tables, strict=True)):
            return False
        claims = case.claims(include_rejected=True)
        if claims is self.claims:
            return True
        if len(claims) != len(self.claims):
            return False
        changed = [
            i for i, (a, b) in enumerate(zip(self.claims, claims, strict=True)) if a is not b
        ]
        if len(changed) > max(64, len(claims) // 4) or any(
            self.claims[i].id != claims[i].id for i in changed
        ):
            return False  # read again (most claims): tallying afresh is as quick
        touched: set[EdgeKey] = set()
        for place in changed:
            touched |= self._remove(place)
        for place in changed:
            self._add(place, claims[place])
            touched.update(self.shares[place][1] if place in self.shares else ())
        self.claims = claims
        for key in touched:
            self._rebuild(key)
        if changed:
            self.version += 1
        return True

    # --- the network ------------------------------------------------------------------------

    def data(
        self, *, min_weight: float = 1, actor_ids: Collection[str] | None = None
    ) -> NetworkData:
        """`network_data` of the tallied case; the same object while nothing changed."""
        wanted = (self.version, min_weight, None if actor_ids is None else frozenset(actor_ids))
        if self._data is not None and self._data[0] == wanted:
            return self._data[1]
        edges = [e for e in self.edges.values() if e.weight >= min_weight]
        focus = set(actor_ids) if actor_ids is not None else None  # a set: views pass long lists
        if focus is not None:
            edges = [e for e in edges if e.source in focus or e.target in focus]
        ends = {e.source for e in edges} | {e.target for e in edges}
        bounds, article_id, dated = self.bounds, self.article_id, self.dated
        if focus is None and bounds is None and article_id is None:
            nodes = list(self._actor_nodes.values())  # every actor: a mention is a fact
        else:
            nodes = [
                self._actor_nodes[a.id]
                for a in self.view.actors.values()
                if (focus is None or a.id in focus or a.id in ends)
                and (bounds is None or a.id in ends or any(x in dated for x in a.articles))
                and (article_id is None or a.id in ends or article_id in a.articles)
            ]
        nodes += [
            NetworkNode(
                a.id,
                a.title or a.id,
                ARTICLE_NODE,
                1 + self.article_claims[a.id],
                self._article_title(a.id),
                "",
            )
            for a in self.articles.values()
            if a.id in ends
        ]
        nodes += [n for n in self.unnamed.values() if n.id in ends]
        data = NetworkData(nodes=tuple(nodes), edges=tuple(edges))
        self._data = (wanted, data)
        return data

    def _article_title(self, article_id: str) -> str:
        if article_id not in self._article_titles:
            self._article_titles[article_id] = _article_title(self.articles[article_id])
        return self._article_titles[article_id]


__all__ = ["NetworkTally"]
