"""The network's sums kept between edits, so that an edit redraws in time proportional to
what it changed, not to the case.

`network_data` is a tally: every relation and every claim adds weight (and claims) to the
edges it stands for. `NetworkTally` keeps each relation's and each claim's share. Given a
snapshot carried from the one it tallied (`CaseSnapshot.carry`: unchanged tables are the
same lists, a record edited in place is a new record at the same place, an added article's
records come last), `carry` takes back the shares of what changed, adds the new shares,
and rebuilds only the edges they touch:
- a claim edited (status, speaker, rejection): its share moves;
- an actor merged into another: the claims, relations and links moved onto the kept actor
  are records changed in place, the merged actor is gone;
- an actor renamed, retyped or rejected: its node, the titles of its edges, and (when it
  leaves or comes back) the shares naming it;
- an article added: its claims' and relations' shares are added.
`brush` moves the date range without reading the case: claims are placed once
(`timeline_dates.claim_dates`) and only those entering or leaving the range move.
Anything else (an article edited or removed, records gone, most of a table changed) is
tallied again from scratch, which is always right.

A fresh tally gives exactly what `network_data` always gave, in the same order; after
`carry` or `brush`, the same nodes and edges, where new edges come last (what is drawn
does not depend on that order: `readable_network` orders what it keeps).
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from ..case.records import CaseArticle, CaseClaim, CaseRelation
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
from .periods import DateRange, range_bounds, stored_date
from .reader import CaseReader, CaseSnapshot, CaseView
from .tally_changes import table_changes, too_many
from .timeline_dates import ClaimDate, claim_dates, claim_in_range, place_claim, reporting_events

EdgeKey = tuple[str, str, str]
Share = tuple[CaseClaim, list[EdgeKey], NetworkNode | None]  # a claim, its edges, its unnamed
Placed = tuple[int, tuple[EdgeKey, float], bool]  # a relation's place, share, whole weight
# a brush tallies afresh when more claims move than are in range after it (times this): a
# pass over what is in range is then the shorter way
BRUSH_AFRESH = 1.0
EXACT = 2.0**52  # integral floats below this add up exactly in any order


class _Tables:
    """The lists of a snapshot a tally read: what `carry` compares (by identity first)."""

    NAMES = ("articles", "actors", "claims", "relations", "links", "events")

    def __init__(self, case: CaseSnapshot, *, events: bool) -> None:
        self.articles = case.articles()
        self.actors = case.actors()
        self.claims = case.claims(include_rejected=True)
        self.relations = case.relations()
        self.links = case.links()
        # events place claims by date: read only when a range needs them (30,000 records
        # at 5,000 articles, which the network alone never reads otherwise)
        self.events: Sequence[Any] | None = case.events() if events else None

    def same(self, other: _Tables) -> bool:
        return all(getattr(self, n) is getattr(other, n) for n in self.NAMES)


def _article_seen(a: CaseArticle, b: CaseArticle) -> bool:
    """What the network shows of an article is the same (its node, title and date)."""
    return a is b or (a.id, a.title, a.outlet, a.published) == (
        b.id,
        b.title,
        b.outlet,
        b.published,
    )


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
        self.bounds = range_bounds(date_range)
        self.wanted = status_set(status)
        self.article_id = article_id
        self.version = 0  # moves when `carry` or `brush` changed something
        self._data: tuple[tuple, NetworkData] | None = None
        self._article_titles: dict[str, str] = {}
        self._article_nodes: dict[str, tuple[int, NetworkNode]] = {}
        self._article_days: dict[str, tuple[CaseArticle, datetime.date | None]] = {}
        self._reporting: tuple[Sequence[Any] | None, dict[str, list[Any]]] | None = None
        self._tally(case)

    def _tally(self, case: CaseReader, placed: dict[str, ClaimDate] | None = None) -> None:
        """Everything from scratch (`placed`: the claims' dates, when already known)."""
        view = CaseView.of(case)
        # the same read (a brush tallied afresh): the actors' nodes are the same
        same_read = getattr(self, "view", None) is view
        # ... and the same tables and dates: their indexes by article and by days stand
        brushed = same_read and placed is not None and placed is getattr(self, "placed", None)
        self.view, self.source = view, case
        self.placed = placed
        if self.bounds is not None and self.placed is None:
            self.placed = claim_dates(case)
        self._tables = (
            _Tables(case, events=self.placed is not None)
            if isinstance(case, CaseSnapshot)
            else None
        )
        self.articles = {
            i: a
            for i, a in view.articles.items()
            if self.article_id is None or i == self.article_id
        }
        self.dated = self._dated(self.articles.values())
        self._by_actor: dict[str, set[int]] | None = None  # relation places, when asked
        if not brushed:
            self._by_article: dict[str, list[Placed]] | None = None
            self._spans: dict[ClaimDate | None, list[int]] | None = None  # `_claim_spans`
        # relations weigh what the extraction gave (floats), summed in the table's order
        self.relations: Sequence[CaseRelation] = (
            self._tables.relations if self._tables is not None else view.relations
        )
        self.relation_shares: dict[int, tuple[EdgeKey, float]] = {}  # place -> its share
        self.relation_hits: dict[EdgeKey, set[int]] = {}  # edge -> relation places
        # each edge's relation weights that are whole numbers kept summed as they come and
        # go (exact in any order), and how many are not (then the edge's weights are summed
        # again in the table's order, as one pass sums floats)
        self._related_sum: dict[EdgeKey, float] = {}
        self._inexact: Counter[EdgeKey] = Counter()
        self.related: dict[EdgeKey, float] = {}
        if brushed and self.bounds is not None:  # the relations of the articles in range
            self._add_relations(self.dated)
            self.related = dict.fromkeys(self.relation_hits, 0.0)  # summed by `_rebuild`
        else:
            for place, relation in enumerate(self.relations):
                key = self._add_relation(place, relation)
                if key is not None:  # one pass in order: the sums as network_data made them
                    self.related[key] = self.related.get(key, 0) + relation.weight
        # each claim's share, by its place in the claims table
        self.shares: dict[int, Share] = {}
        self.hits: dict[EdgeKey, dict[int, int]] = {}  # edge -> claim place -> times
        self.article_claims: Counter[str] = Counter()
        self.unnamed: dict[str, NetworkNode] = {}
        if not same_read:
            # each claim's edges, worked out once per read: a brush moves thousands of
            # claims in and out of the network, and working them out is most of `_add`
            self._keys: dict[int, Share] = {}
            self._built: dict[EdgeKey, tuple[tuple, float, NetworkEdge]] = {}  # `_rebuild`
        self.claims: Sequence[CaseClaim] = (
            self._tables.claims if self._tables is not None else view.claims
        )
        claims = self.claims
        if brushed and self.bounds is not None:  # only the claims of the days in range
            spans, bounds = self._claim_spans(), self.bounds
            wanted = sorted(p for w, ps in spans.items() if claim_in_range(w, bounds) for p in ps)
            self._add_counted(wanted)  # the table's order, as one pass over it
        else:
            for place, claim in enumerate(claims):
                self._add(place, claim)
        keys = dict.fromkeys([*self.related, *self.hits])  # network_data's order
        self.edges: dict[EdgeKey, NetworkEdge] = {}
        for key in keys:
            self._rebuild(key)
        if not same_read:
            self._actor_nodes = {a.id: _actor_node(a) for a in view.actors.values()}

    def _dated(self, articles: Collection[CaseArticle]) -> set[str]:
        """The articles published in the range (`periods.published_in`'s rule)."""
        bounds = self.bounds
        if bounds is None:
            return {a.id for a in articles}
        days = self._article_days
        for a in articles:  # each article's day read once (a brush asks of every article)
            if a.id not in days or days[a.id][0] is not a:
                day = stored_date(a.published, record=f"article {a.id}")
                days[a.id] = (a, day.first if day is not None else None)
        low, high = bounds
        return {
            a.id for a in articles if (first := days[a.id][1]) is not None and low <= first <= high
        }

    # --- each relation's and each claim's share --------------------------------------------

    def _add_relation(self, place: int, relation: CaseRelation) -> EdgeKey | None:
        actors = self.view.actors
        if (
            relation.article_id not in self.dated
            or relation.source == relation.target  # two actors a person merged into one
            or relation.source not in actors
            or relation.target not in actors
        ):
            return None
        key = (relation.source, relation.target, relation.kind)
        weight = relation.weight
        self.relation_shares[place] = (key, weight)
        self.relation_hits.setdefault(key, set()).add(place)
        if float(weight).is_integer() and abs(weight) < EXACT:
            self._related_sum[key] = self._related_sum.get(key, 0) + weight
        else:
            self._inexact[key] += 1
        return key

    def _remove_relation(self, place: int) -> EdgeKey | None:
        share = self.relation_shares.pop(place, None)
        if share is None:
            return None
        key, weight = share
        self._take_relation(place, key, weight, float(weight).is_integer() and abs(weight) < EXACT)
        return key

    def _take_relation(self, place: int, key: EdgeKey, weight: float, whole: bool) -> None:
        places = self.relation_hits[key]
        places.discard(place)
        if not places:
            del self.relation_hits[key]
            self._related_sum.pop(key, None)
            self._inexact.pop(key, None)
        elif whole:
            self._related_sum[key] -= weight
        else:
            self._inexact[key] -= 1

    def _redo_relations(self, places: Iterable[int]) -> set[EdgeKey]:
        """Take back the shares of the relations at `places` and add them as they are now;
        the edges touched."""
        touched = set()
        for place in places:
            for key in (
                self._remove_relation(place),
                self._add_relation(place, self.relations[place]),
            ):
                if key is not None:
                    touched.add(key)
        return touched

    def _add(self, place: int, claim: CaseClaim) -> None:
        view = self.view
        if claim.review is ReviewStatus.REJECTED or claim.article_id not in self.articles:
            return  # as CaseView.claims: rejected claims are not in the network
        if self.bounds is not None and not claim_in_range(
            (self.placed or {}).get(claim.id), self.bounds
        ):
            return
        if self.wanted is not None and claim.status not in self.wanted:
            return
        self.article_claims[claim.article_id] += 1
        known = self._keys.get(place)
        if known is None or known[0] is not claim:
            chain = attribution_chain(claim, view.actors.keys())
            unnamed = _unnamed(claim) if chain[0] == unnamed_node(claim) else None
            keys = [(a, b, ATTRIBUTION) for a, b in _pairs(chain)]
            for link in view.links.get(claim.id, ()):
                if link.actor_id in view.actors:
                    keys.append((link.actor_id, claim.article_id, link.relation.value))
            self._keys[place] = (claim, keys, unnamed)
        else:
            keys, unnamed = known[1], known[2]
        self.shares[place] = (claim, keys, unnamed)
        for key in keys:
            hits = self.hits.setdefault(key, {})
            hits[place] = hits.get(place, 0) + 1
        if unnamed is not None:
            self.unnamed[unnamed.id] = unnamed

    def _add_counted(self, places: Iterable[int]) -> list[int]:
        """`_add` of claims known to count (`_claim_spans`, in range), in one tight pass
        for those whose edges are known; the places added."""
        claims, known_keys, shares, hits = self.claims, self._keys, self.shares, self.hits
        article_claims, unnamed = self.article_claims, self.unnamed
        added = []
        for place in places:
            claim = claims[place]
            known = known_keys.get(place)
            if known is None or known[0] is not claim:
                self._add(place, claim)  # its edges worked out (once per read)
                if place in shares:
                    added.append(place)
                continue
            shares[place] = known
            article_claims[claim.article_id] += 1
            for key in known[1]:
                got = hits.get(key)
                if got is None:
                    hits[key] = {place: 1}
                else:
                    got[place] = got.get(place, 0) + 1
            if known[2] is not None:
                unnamed[known[2].id] = known[2]
            added.append(place)
        return added

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
        places = self.relation_hits.get(key)
        if places:
            if self._inexact.get(key):
                related: float = 0
                for place in sorted(places):  # the table's order, as one pass sums (floats)
                    related += self.relation_shares[place][1]
            else:  # whole numbers: the kept sum is exact, whatever the order they came in
                related = self._related_sum.get(key, 0)
            self.related[key] = related
        else:
            self.related.pop(key, None)
        if not hits and key not in self.related:
            self.edges.pop(key, None)
            return
        related = self.related.get(key, 0)
        order = sorted(hits)  # the claims' order, as one pass over them gives
        counted = tuple(hits[p] for p in order)
        built = self._built.get(key)
        if built is not None and built[1] == related and built[0] == (*order, *counted):
            # the same claims and relations as when it was built (a brush brings an
            # article's edges back as they left): the same edge, not its title again
            self.edges[key] = built[2]
            return
        weight = related
        claims = []
        for place, times in zip(order, counted, strict=True):
            for _ in range(times):
                weight += 1  # one at a time, as one pass sums them (floats)
                claims.append(self.shares[place][0])
        source, target, kind = key
        edge = self.edges[key] = NetworkEdge(
            source,
            target,
            kind,
            weight,
            tuple(c.id for c in claims),
            _edge_title(self._name(source), self._name(target), kind, weight, claims),
        )
        self._built[key] = ((*order, *counted), related, edge)

    # --- an edit --------------------------------------------------------------------------

    def carry(self, case: CaseReader) -> bool:
        """Take in what `case` changed since the case this tallied (see the module's
        note); False (nothing done) when it cannot tell, or too much changed: tally again."""
        if self._tables is None or not isinstance(case, CaseSnapshot):
            return False
        old, new = self._tables, _Tables(case, events=self.placed is not None)
        if new.same(old):
            return True
        found = self._changes(old, new)
        if found is None:
            return False
        added_articles, claims, relations = found
        # the view indexes the whole case (tens of ms at 5,000 articles): made again only
        # when what the network reads of it (actors, articles, links) changed
        same = new.actors is old.actors and new.articles is old.articles
        view = self.view if same and new.links is old.links else CaseView.of(case)
        none: set[str] = set()
        gone, came, edited = (
            self._actor_changes(view) if new.actors is not old.actors else (none, none, none)
        )
        if too_many(len(gone) + len(came) + len(edited), len(view.actors)):
            return False
        before = self.view.actors
        moved_links = self._moved_links(view) if new.links is not old.links else set()
        if view is not self.view:
            self._keys = {}  # a claim's edges name actors and links: work them out again
        self._spans = None
        self._built = {}  # claims and names changed: an edge built before may not stand
        self.view, self.source, self._tables = view, case, new
        for article in added_articles:
            if self.article_id is None or article.id == self.article_id:
                self.articles[article.id] = article
                self.dated |= self._dated([article])
        replaced = self._placed_again(old, new, claims)
        members = gone | came  # actors that joined or left the network
        # relations: those edited or added, and those naming an actor that joined or left
        self.relations = new.relations
        self._keep_index(old, relations)
        redo = {*relations[0], *relations[1], *self._relations_naming(members)}
        touched = self._redo_relations(redo)
        # claims: those edited or added, placed again, or naming what joined, left or moved
        redo = {*claims[0], *claims[1], *replaced}
        if members or moved_links:
            linked = moved_links | {
                c for c, links in view.links.items() if any(k.actor_id in members for k in links)
            }
            redo.update(
                place
                for place, (claim, _, _) in self.shares.items()
                if claim.speaker in members
                or claim.id in linked
                or (claim.channels and not members.isdisjoint(claim.channels))
            )
            redo.update(  # a claim kept out stays out: only a link can bring it an edge
                p for p, c in enumerate(new.claims) if c.id in moved_links and p not in redo
            )
        for place in redo:
            touched |= self._remove(place)
        self.claims = new.claims
        for place in redo:
            self._add(place, self.claims[place])
            touched.update(self.shares[place][1] if place in self.shares else ())
        # an actor renamed: the titles of its edges
        renamed = {i for i in edited if before[i].name != view.actors[i].name}
        if renamed:
            touched.update(k for k in self.edges if k[0] in renamed or k[1] in renamed)
        for key in touched:
            self._rebuild(key)
        if gone or came or edited:
            nodes = self._actor_nodes
            self._actor_nodes = {
                i: nodes[i] if i in nodes and i not in edited else _actor_node(a)
                for i, a in view.actors.items()
            }
        self.version += 1
        return True

    def _actor_changes(self, view: CaseView) -> tuple[set[str], set[str], set[str]]:
        """The actors (not rejected) gone from the network, come into it, and edited."""
        before = self.view.actors
        gone = before.keys() - view.actors.keys()
        came = view.actors.keys() - before.keys()
        edited = {
            i for i, a in view.actors.items() if (b := before.get(i)) is not None and b is not a
        }
        return gone, came, {i for i in edited if before[i] != view.actors[i]}

    def _changes(
        self, old: _Tables, new: _Tables
    ) -> tuple[list[CaseArticle], tuple[list[int], range], tuple[list[int], range]] | None:
        """Articles added; claims and relations changed and added; None: tally again."""
        articles = table_changes(old.articles, new.articles)
        claims = table_changes(old.claims, new.claims)
        relations = table_changes(old.relations, new.relations)
        if articles is None or claims is None or relations is None:
            return None
        if any(not _article_seen(old.articles[i], new.articles[i]) for i in articles[0]):
            return None  # an article's title or date: its node and every edge's title
        return [new.articles[i] for i in articles[1]], claims, relations

    def _moved_links(self, view: CaseView) -> set[str]:
        """The claims whose source links changed."""
        before = self.view.links
        return {
            c
            for c in before.keys() | view.links.keys()
            if before.get(c, []) != view.links.get(c, [])
        }

    def _keep_index(self, old: _Tables, relations: tuple[list[int], range]) -> None:
        """Keep the index of relations by actor (when built) with the relations table."""
        index = self._by_actor
        self._by_article = None  # built again when a brush needs it
        if index is None:
            return
        for place in (*relations[0], *relations[1]):
            if place < len(old.relations):
                for end in (old.relations[place].source, old.relations[place].target):
                    index.get(end, set()).discard(place)
            relation = self.relations[place]
            index.setdefault(relation.source, set()).add(place)
            index.setdefault(relation.target, set()).add(place)

    def _relations_naming(self, members: set[str]) -> set[int]:
        """The places of the relations between an actor of `members` and another."""
        if not members:
            return set()
        index = self._by_actor
        if index is None:  # built on the first need, then kept with the table
            index = self._by_actor = {}
            for place, relation in enumerate(self.relations):
                index.setdefault(relation.source, set()).add(place)
                index.setdefault(relation.target, set()).add(place)
        return set().union(*(index.get(m, set()) for m in members))

    def _placed_again(
        self, old: _Tables, new: _Tables, claims: tuple[list[int], range]
    ) -> set[int]:
        """Keep the claims' dates (when known) with the case; the places of the claims whose
        date changed, when a date range is set."""
        if self.placed is None or (
            new.claims is old.claims and new.events is old.events and new.articles is old.articles
        ):
            return set()
        if self.bounds is None:
            self.placed = None  # placed again when a range is brushed
            return set()
        before = self.placed
        if new.events is not old.events or new.articles is not old.articles:
            self.placed = claim_dates(self.source)
        else:
            reporting = self._reporting_of(new.events)
            for place in (*claims[0], *claims[1]):
                claim = new.claims[place]
                self.placed.pop(claim.id, None)
                when = place_claim(claim, reporting.get(claim.id, ()), self.view.articles)
                if when is not None and claim.review is not ReviewStatus.REJECTED:
                    self.placed[claim.id] = when
            return set()  # those claims are taken in again anyway
        moved = {
            i for i in before.keys() | self.placed.keys() if before.get(i) != self.placed.get(i)
        }
        return {p for p, c in enumerate(new.claims) if c.id in moved} if moved else set()

    def _reporting_of(self, events: Sequence[Any] | None) -> dict[str, list[Any]]:
        """`reporting_events` of the case, read again only when its events changed: a claim
        edit under a date range places that claim again, not 30,000 events."""
        if self._reporting is None or self._reporting[0] is not events:
            self._reporting = (events, reporting_events(self.view))
        return self._reporting[1]

    # --- a brushed date range ---------------------------------------------------------------

    def brush(self, date_range: DateRange | None) -> None:
        """The same network within `date_range` (None: every date), from the claims' dates
        placed once: only the claims and articles entering or leaving the range move, each
        one way (a brush dragged a day at 5,000 articles moves 10,000 claims and 50,000
        relations: taken out or put in, never both)."""
        bounds = range_bounds(date_range)
        if bounds == self.bounds:
            return
        if self.placed is None:
            self.placed = claim_dates(self.source)
            if self._tables is not None and isinstance(self.source, CaseSnapshot):
                self._tables.events = self.source.events()  # what the dates came from
        before, self.bounds = self.bounds, bounds
        dated = self._dated(self.articles.values())
        left_articles, came_articles = self.dated - dated, dated - self.dated
        self.dated = dated
        leaving: list[int] = []
        coming: list[int] = []
        for span, places in self._claim_spans().items():  # the claims that may count
            now = claim_in_range(span, bounds)
            if claim_in_range(span, before) != now:
                (coming if now else leaving).extend(places)
        moved = len(leaving) + len(coming)
        if moved > BRUSH_AFRESH * max(len(self.shares) - len(leaving) + len(coming), 64):
            # most of the network comes or goes: a pass over what is in range is as quick
            self._tally(self.source, self.placed)
        else:
            touched = set(self._remove_relations(left_articles))
            touched.update(self._add_relations(came_articles))
            for place in leaving:
                touched.update(self._remove(place))
            for place in self._add_counted(sorted(coming)):
                touched.update(self.shares[place][1])
            for key in touched:
                self._rebuild(key)
        self.version += 1

    def _claim_spans(self) -> dict[ClaimDate | None, list[int]]:
        """The places of the claims that count when in range (`_add`'s tests but the range)
        by their days (one `ClaimDate` standing for all of the same days): a brush looks at
        the days it moved over, not at every claim."""
        if self._spans is None:
            placed = self.placed or {}
            spans: dict[tuple, tuple[ClaimDate | None, list[int]]] = {}
            articles, wanted = self.articles, self.wanted
            for place, claim in enumerate(self.claims):
                if (
                    claim.review is ReviewStatus.REJECTED
                    or claim.article_id not in articles
                    or (wanted is not None and claim.status not in wanted)
                ):
                    continue
                when = placed.get(claim.id)
                days = (when.start, when.end) if when is not None else ()
                spans.setdefault(days, (when, []))[1].append(place)
            self._spans = dict(spans.values())
        return self._spans

    def _relations_by_article(self) -> dict[str, list[Placed]]:
        """Each article's relations that the network shows when the article is in range
        (place, share, whether its weight is a whole number): worked out once per read, so
        that a brush adds or takes an article's relations in one tight pass (50,000 of them
        when a brush at 5,000 articles moves a day)."""
        if self._by_article is None:  # built on the first brush, again after an edit
            actors = self.view.actors
            index: dict[str, list[Placed]] = {}
            for place, r in enumerate(self.relations):
                if r.source == r.target or r.source not in actors or r.target not in actors:
                    continue  # `_add_relation`'s tests but the range
                weight = r.weight
                index.setdefault(r.article_id, []).append(
                    (place, ((r.source, r.target, r.kind), weight),
                     float(weight).is_integer() and abs(weight) < EXACT)
                )  # fmt: skip
            self._by_article = index
        return self._by_article

    def _add_relations(self, article_ids: Iterable[str]) -> list[EdgeKey]:
        """The relations of `article_ids` (now in range) added; the edges they touch."""
        index = self._relations_by_article()
        shares, hits = self.relation_shares, self.relation_hits
        sums, inexact = self._related_sum, self._inexact
        touched: list[EdgeKey] = []
        for article_id in article_ids:
            for place, share, whole in index.get(article_id, ()):
                shares[place] = share
                key, weight = share
                places = hits.get(key)
                if places is None:
                    hits[key] = {place}
                else:
                    places.add(place)
                if whole:
                    sums[key] = sums.get(key, 0) + weight
                else:
                    inexact[key] += 1
                touched.append(key)
        return touched

    def _remove_relations(self, article_ids: Iterable[str]) -> list[EdgeKey]:
        """The relations of `article_ids` (now out of range) taken out; the edges touched."""
        index = self._relations_by_article()
        shares = self.relation_shares
        touched: list[EdgeKey] = []
        for article_id in article_ids:
            for place, (key, weight), whole in index.get(article_id, ()):
                if shares.pop(place, None) is not None:
                    self._take_relation(place, key, weight, whole)
                    touched.append(key)
        return touched

    def in_fresh_order(self) -> None:
        """Put the edges and unnamed speakers in the order a fresh tally of the same case
        gives them (after `carry`, new ones come last): the memo's bytes follow that order
        (its list of edges, the picture's layout), and a memo carried across an edit must
        be the memo written afresh. The relations' edges by their first relation, then
        the claims' edges by their first claim and place in its chain, as one pass adds
        them (`_tally`)."""
        related = sorted(self.relation_hits, key=lambda k: min(self.relation_hits[k]))
        seen = set(related)
        first: dict[EdgeKey, tuple[int, int]] = {}
        for key, hits in self.hits.items():
            if key not in seen:
                place = min(hits)
                first[key] = (place, self.shares[place][1].index(key))
        keys = [*related, *sorted(first, key=first.__getitem__)]
        order = {key: at for at, key in enumerate(keys)}
        if list(self.edges) != [k for k in keys if k in self.edges]:
            self.edges = dict(sorted(self.edges.items(), key=lambda item: order[item[0]]))
            self._data = None
        unnamed = [s[2].id for _, s in sorted(self.shares.items()) if s[2] is not None]
        if list(self.unnamed) != unnamed:
            self.unnamed = {i: self.unnamed[i] for i in unnamed}
            self._data = None

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
        nodes += [self._article_node(a) for a in self.articles.values() if a.id in ends]
        nodes += [n for n in self.unnamed.values() if n.id in ends]
        data = NetworkData(nodes=tuple(nodes), edges=tuple(edges))
        self._data = (wanted, data)
        return data

    def _article_node(self, article: CaseArticle) -> NetworkNode:
        """An article's node, made again only when its count of claims moved (5,000
        articles: 5,000 nodes at each redraw otherwise)."""
        count = self.article_claims[article.id]
        made = self._article_nodes.get(article.id)
        if made is None or made[0] != count:
            node = NetworkNode(
                article.id,
                article.title or article.id,
                ARTICLE_NODE,
                1 + count,
                self._article_title(article.id),
                "",
            )
            self._article_nodes[article.id] = made = (count, node)
        return made[1]

    def _article_title(self, article_id: str) -> str:
        if article_id not in self._article_titles:
            self._article_titles[article_id] = _article_title(self.articles[article_id])
        return self._article_titles[article_id]


def _actor_node(actor: Any) -> NetworkNode:
    return NetworkNode(
        actor.id,
        actor.name,
        actor.type.value,
        actor.mention_count,
        _actor_title(actor),
        actor.status.value,
    )


__all__ = ["NetworkTally"]
