"""Pure functions over a case: the data the views draw and the exports write.

Nothing here draws, prints or writes: each function reads the case through its public read
API (`articles()`, `actors()`, `claims()`, `events()`, `relations()`, `links()`, `notes()`)
and returns frozen rows. Titles and labels are plain text; whoever turns them into HTML
escapes them.

Items a person rejected (actors, claims, events) are left out everywhere: a rejection says
"this is not real", so it must not reappear in a network, a timeline or a report.

Every function reads the whole case. To draw several things from one state of the case
(the views redraw every panel after an edit), give them one `CaseSnapshot`: each table is
then read once, on first use, and the indexes built from them are shared.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .case.corroboration import corroborate_claims
from .extract.gazetteer import media_info
from .model import ActorType, ClaimStatus, Precision, ReviewStatus, SourceRelation

if TYPE_CHECKING:
    import pandas as pd

DateLike = date | str
DateRange = tuple[DateLike | None, DateLike | None]

ARTICLE_NODE = "article"
UNNAMED_NODE = "unnamed"  # an unnamed speaker ("a Syrian political source"), one per claim
ATTRIBUTION = "attribution"  # speaker -> channel -> ... -> article

# a claim is "checked" once a person reached a verdict on it
CHECKED_STATUSES = (
    ClaimStatus.CORROBORATED,
    ClaimStatus.DISPUTED,
    ClaimStatus.FALSE,
    ClaimStatus.UNVERIFIABLE,
)
OPEN_STATUSES = (ClaimStatus.UNVERIFIED, ClaimStatus.IN_PROGRESS)


# --- dates ------------------------------------------------------------------------------


def parse_date(value: DateLike, *, end: bool = False) -> date:
    """A date from YYYY, YYYY-MM or YYYY-MM-DD: the first day of the period, or the last."""
    if isinstance(value, date):
        return value
    parts = [int(p) for p in str(value).strip().split("-")]
    if not 1 <= len(parts) <= 3:
        raise ValueError(f"not a date: {value!r}")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    if len(parts) == 3:
        return date(year, month, parts[2])
    return date(year, month, calendar.monthrange(year, month)[1] if end else 1)


def event_span(
    date_text: str, precision: Precision | str, date_end: str | None
) -> tuple[date, date]:
    """The days an event may have happened on: "2016-10" at month precision is Oct 1-31."""
    start = parse_date(date_text)
    end = parse_date(date_end or date_text, end=True)
    if Precision(precision) is Precision.DAY and not date_end:
        end = start
    return start, max(start, end)


def _bounds(date_range: DateRange | None) -> tuple[date, date] | None:
    if date_range is None:
        return None
    low, high = date_range
    return (
        parse_date(low) if low is not None else date.min,
        parse_date(high, end=True) if high is not None else date.max,
    )


def _published_in(published: str | None, bounds: tuple[date, date] | None) -> bool:
    """An article's date in range; an undated article is outside every range."""
    if bounds is None:
        return True
    if not published:
        return False
    try:
        # [:10]: a timestamp ("2016-10-17T09:00") counts by its day
        return bounds[0] <= parse_date(published[:10]) <= bounds[1]
    except ValueError:
        return False


def _wanted(value: Any, wanted: Any) -> bool:
    """`wanted` is None (anything), one value, or a collection of values."""
    if wanted is None:
        return True
    if isinstance(wanted, str) or not isinstance(wanted, Collection):
        wanted = (wanted,)
    return _plain(value) in {_plain(w) for w in wanted}


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)


# --- the case, read once ----------------------------------------------------------------


class CaseSnapshot:
    """A case read once: each table on first use, then kept; the same read API as `Case`.

    For drawing several things from one state of the case without reading it again for
    each: `claim_rows(snap)`, `source_rows(snap)` and `case_summary(snap)` share one read
    and one index. Take a new snapshot after the case changes; a snapshot never sees
    changes made after a table was read. The records are the case's own: do not change
    the lists.

        >>> snap = CaseSnapshot(case)
        >>> rows, summary = claim_rows(snap), case_summary(snap)
    """

    def __init__(self, case: Any) -> None:
        self.case = case
        self._tables: dict[str, Any] = {}
        self._mentions: dict[str | None, Any] = {}
        self._view: _View | None = None

    @property
    def path(self) -> Any:
        return self.case.path

    def _table(self, name: str) -> Any:
        if name not in self._tables:
            self._tables[name] = getattr(self.case, name)()
        return self._tables[name]

    def articles(self) -> Any:
        return self._table("articles")

    def actors(self) -> Any:
        return self._table("actors")

    def claims(self, *, article_id: str | None = None) -> Any:
        return _of_article(self._table("claims"), article_id)

    def events(self, *, article_id: str | None = None) -> Any:
        return _of_article(self._table("events"), article_id)

    def relations(self, *, article_id: str | None = None) -> Any:
        return _of_article(self._table("relations"), article_id)

    def links(self, claim_id: str | None = None) -> Any:
        links = self._table("links")
        return links if claim_id is None else [k for k in links if k.claim_id == claim_id]

    def notes(self, target_id: str | None = None) -> Any:
        notes = self._table("notes")
        return notes if target_id is None else [n for n in notes if n.target_id == target_id]

    def mentions(self, *, article_id: str | None = None) -> Any:
        """Mentions are many: read per article, when first asked for."""
        if article_id not in self._mentions:
            self._mentions[article_id] = self.case.mentions(article_id=article_id)
        return self._mentions[article_id]

    def __repr__(self) -> str:
        return f"CaseSnapshot({self.case!r}, read={sorted(self._tables)})"


def _of_article(records: Any, article_id: str | None) -> Any:
    return records if article_id is None else [r for r in records if r.article_id == article_id]


@dataclass(frozen=True)
class _View:
    """One read of everything the shaping functions need, indexed by id.

    `relations` (the largest table, for the network only) and `events` (for the timeline
    and the summary) are read when first used.
    """

    articles: dict[str, Any]
    actors: dict[str, Any]
    claims: list[Any]
    links: dict[str, list[Any]]
    notes: dict[str, list[Any]]
    all_actors: list[Any]  # rejected ones too: a claim may still name one as its channel
    source: Any = field(repr=False, compare=False)  # the case or snapshot it was read from

    @cached_property
    def relations(self) -> list[Any]:
        return list(self.source.relations())

    @cached_property
    def events(self) -> list[Any]:
        return [e for e in self.source.events() if e.review is not ReviewStatus.REJECTED]

    @classmethod
    def of(cls, case: Any) -> _View:
        if isinstance(case, CaseSnapshot):  # read once per snapshot, shared by every caller
            if case._view is None:
                case._view = cls._read(case)
            return case._view
        return cls._read(case)

    @classmethod
    def _read(cls, case: Any) -> _View:
        links: dict[str, list[Any]] = defaultdict(list)
        for link in case.links():
            links[link.claim_id].append(link)
        notes: dict[str, list[Any]] = defaultdict(list)
        for note in case.notes():
            notes[note.target_id].append(note)
        actors = list(case.actors())
        return cls(
            articles={a.id: a for a in case.articles()},
            actors={a.id: a for a in actors if a.status is not ReviewStatus.REJECTED},
            claims=[c for c in case.claims() if c.review is not ReviewStatus.REJECTED],
            links=links,
            notes=notes,
            all_actors=actors,
            source=case,
        )

    def actor_name(self, actor_id: str | None) -> str:
        actor = self.actors.get(actor_id or "")
        return actor.name if actor is not None else ""

    def speaker_label(self, claim: Any) -> str:
        """The speaker's name, or the article's own words for an unnamed one."""
        return self.actor_name(claim.speaker) or claim.speaker_text or "unnamed source"

    def source_label(self, link: Any) -> str:
        return self.actor_name(link.actor_id) or link.url or ""


def to_frame(rows: Iterable[Any]) -> pd.DataFrame:
    """A pandas DataFrame of any list of rows from this module (one column per field)."""
    import pandas as pd

    rows = list(rows)
    return pd.DataFrame([asdict(r) for r in rows]) if rows else pd.DataFrame()


# --- network ----------------------------------------------------------------------------


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


def _actor_title(actor: Any) -> str:
    lines = [f"{actor.name} ({_plain(actor.type)})"]
    others = [a for a in actor.aliases if a != actor.name]
    if others:
        lines.append("also: " + ", ".join(others))
    if actor.roles:
        lines.append("roles: " + ", ".join(actor.roles))
    lines.append(f"{actor.mention_count} mentions in {len(actor.articles)} articles")
    lines.append(f"status: {_plain(actor.status)}")
    return "\n".join(lines)


def _article_title(article: Any) -> str:
    lines = [article.title or article.id]
    details = [d for d in (article.outlet, article.published) if d]
    if details:
        lines.append(", ".join(details))
    return "\n".join(lines)


def network_data(
    case: Any,
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
    view = _View.of(case)
    bounds = _bounds(date_range)
    articles = {i: a for i, a in view.articles.items() if _published_in(a.published, bounds)}
    weights: Counter[tuple[str, str, str]] = Counter()
    article_claims: Counter[str] = Counter()
    unnamed: dict[str, NetworkNode] = {}

    for relation in view.relations:
        if (
            relation.article_id in articles
            and {relation.source, relation.target} <= view.actors.keys()
        ):
            weights[(relation.source, relation.target, relation.kind)] += relation.weight
    for claim in view.claims:
        if claim.article_id not in articles:
            continue
        article_claims[claim.article_id] += 1
        speaker = claim.speaker if claim.speaker in view.actors else None
        if speaker is None:
            speaker = f"{UNNAMED_NODE}:{claim.id}"
            label = claim.speaker_text or "unnamed source"
            unnamed[speaker] = NetworkNode(
                speaker, label, UNNAMED_NODE, 1, f"{label} (unnamed source)\nclaim {claim.id}", ""
            )
        chain = [speaker, *(c for c in claim.channels if c in view.actors), claim.article_id]
        for a, b in zip(chain, chain[1:], strict=False):
            if a != b:
                weights[(a, b, ATTRIBUTION)] += 1
        for link in view.links.get(claim.id, ()):
            if link.actor_id in view.actors:
                weights[(link.actor_id, claim.article_id, _plain(link.relation))] += 1

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
        NetworkNode(
            a.id, a.name, _plain(a.type), a.mention_count, _actor_title(a), _plain(a.status)
        )
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


# --- timeline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    event_id: str
    start: date  # the first day the event may have happened on
    end: date  # the last: equal to start for a known day
    precision: str
    date_text: str  # the article's words: "early this month"
    label: str
    actors: tuple[str, ...]
    actor_names: tuple[str, ...]
    claim_id: str | None
    claim_status: str | None
    article_id: str
    article_title: str


def timeline_rows(
    case: Any,
    *,
    actor_ids: Collection[str] | None = None,
    date_range: DateRange | None = None,
    status: ClaimStatus | str | Collection[ClaimStatus | str] | None = None,
) -> list[TimelineRow]:
    """Dated events, earliest first, each as the range of days it may have happened on.

    `date_range` keeps events whose range overlaps it; `actor_ids` those involving one of
    these actors; `status` those reported by a claim with that verification status.
    """
    view = _View.of(case)
    bounds = _bounds(date_range)
    focus = set(actor_ids) if actor_ids is not None else None
    claims = {c.id: c for c in view.claims}
    rows = []
    seen: set[tuple[str, str, date, date]] = set()
    for event in view.events:
        try:
            start, end = event_span(event.date, event.precision, event.date_end)
        except ValueError:
            continue  # a date a person typed badly must not break the whole timeline
        # one sentence naming the same date twice ("In August 2015 he ... in August 2015")
        # is one event on a timeline
        key = (event.article_id, event.summary or event.id, start, end)
        if key in seen:
            continue
        seen.add(key)
        if bounds is not None and (end < bounds[0] or start > bounds[1]):
            continue
        actors = tuple(a for a in event.actors if a in view.actors)
        if focus is not None and focus.isdisjoint(actors):
            continue
        claim = claims.get(event.claim or "")
        claim_status = _plain(claim.status) if claim is not None else None
        if status is not None and (claim_status is None or not _wanted(claim_status, status)):
            continue
        article = view.articles.get(event.article_id)
        rows.append(
            TimelineRow(
                event_id=event.id,
                start=start,
                end=end,
                precision=_plain(event.precision),
                date_text=event.date_text,
                label=event.summary or event.date_text,
                actors=actors,
                actor_names=tuple(view.actor_name(a) for a in actors),
                claim_id=claim.id if claim is not None else None,
                claim_status=claim_status,
                article_id=event.article_id,
                article_title=(article.title or article.id) if article is not None else "",
            )
        )
    return sorted(rows, key=lambda r: (r.start, r.end, r.event_id))


# --- claims -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkRow:
    relation: str
    source: str  # actor id or URL
    label: str  # the outlet's name, or the URL
    note: str | None


@dataclass(frozen=True)
class ClaimRow:
    claim_id: str
    text: str
    kind: str
    speaker: str | None  # actor id; None for an unnamed speaker
    speaker_label: str
    speaker_text: str | None
    channels: tuple[str, ...]
    channel_names: tuple[str, ...]
    status: str
    review: str
    article_id: str
    article_title: str
    published: str | None
    links: tuple[LinkRow, ...] = ()
    notes: tuple[str, ...] = ()
    # corroboration: one label per independent voice, and warnings such as "single_source"
    independent_sources: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


def claim_rows(
    case: Any,
    *,
    status: ClaimStatus | str | Collection[ClaimStatus | str] | None = None,
    speaker: str | None = None,
    outlet: str | None = None,
    date_range: DateRange | None = None,
) -> list[ClaimRow]:
    """Claims with their speaker, channels, status, linked sources and notes.

    `outlet` (a media actor id) keeps claims carried by it or linked to it by a person;
    `date_range` keeps claims whose article was published in it.
    """
    view = _View.of(case)
    bounds = _bounds(date_range)
    sources = {
        s.claim_id: s
        for s in corroborate_claims(
            view.claims,
            links=[k for v in view.links.values() for k in v],
            actors=view.all_actors,
            articles=view.articles.values(),
        )
    }
    rows = []
    for claim in view.claims:
        article = view.articles.get(claim.article_id)
        published = article.published if article is not None else None
        links = view.links.get(claim.id, [])
        if not _wanted(claim.status, status):
            continue
        if speaker is not None and claim.speaker != speaker:
            continue
        if (
            outlet is not None
            and outlet not in claim.channels
            and all(link.actor_id != outlet for link in links)
        ):
            continue
        if not _published_in(published, bounds):
            continue
        channels = tuple(c for c in claim.channels if c in view.actors)
        rows.append(
            ClaimRow(
                claim_id=claim.id,
                text=claim.text,
                kind=_plain(claim.kind),
                speaker=claim.speaker if claim.speaker in view.actors else None,
                speaker_label=view.speaker_label(claim),
                speaker_text=claim.speaker_text,
                channels=channels,
                channel_names=tuple(view.actor_name(c) for c in channels),
                status=_plain(claim.status),
                review=_plain(claim.review),
                article_id=claim.article_id,
                article_title=(article.title or article.id) if article is not None else "",
                published=published,
                links=tuple(
                    LinkRow(_plain(k.relation), k.source, view.source_label(k), k.note)
                    for k in links
                ),
                notes=tuple(n.text for n in view.notes.get(claim.id, ())),
                independent_sources=sources[claim.id].independent,
                flags=sources[claim.id].flags,
            )
        )
    return rows


def filter_claim_rows(
    rows: Iterable[ClaimRow],
    *,
    status: ClaimStatus | str | Collection[ClaimStatus | str] | None = None,
    speaker: str | None = None,
    outlet: str | None = None,
    date_range: DateRange | None = None,
) -> list[ClaimRow]:
    """`claim_rows`' filters applied to rows already made, without reading the case again.

    The same result as `claim_rows(case, ...)` with these filters, for `speaker` and
    `outlet` ids of actors that are not rejected (rows name only those).
    """
    bounds = _bounds(date_range)
    return [
        row
        for row in rows
        if _wanted(row.status, status)
        and (speaker is None or row.speaker == speaker)
        and (
            outlet is None
            or outlet in row.channels
            or any(link.source == outlet for link in row.links)
        )
        and _published_in(row.published, bounds)
    ]


# --- sources ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    actor_id: str
    name: str
    country: str | None  # from the outlet gazetteer; None when the outlet is not listed
    kind: str | None  # agency, newspaper, broadcaster, online
    state_run: bool | None
    claims: tuple[str, ...]  # claim ids the outlet carries (as a channel or "reported_by")
    corroborates: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()
    articles: tuple[str, ...] = field(default=())  # articles that mention the outlet


def source_rows(case: Any) -> list[SourceRow]:
    """The media outlets in the case, what the gazetteer knows of them, and their claims."""
    view = _View.of(case)
    carried: dict[str, list[str]] = defaultdict(list)
    linked: dict[tuple[str, str], list[str]] = defaultdict(list)
    for claim in view.claims:
        for channel in claim.channels:
            if claim.id not in carried[channel]:
                carried[channel].append(claim.id)
        for link in view.links.get(claim.id, ()):
            if not link.actor_id:
                continue
            relation = SourceRelation(link.relation)
            if relation is SourceRelation.REPORTED_BY:
                if claim.id not in carried[link.actor_id]:
                    carried[link.actor_id].append(claim.id)
            else:
                linked[(link.actor_id, relation.value)].append(claim.id)
    rows = []
    for actor in view.actors.values():
        if ActorType(actor.type) is not ActorType.MEDIA:
            continue
        info = next(filter(None, (media_info(n) for n in (actor.name, *actor.aliases))), None)
        rows.append(
            SourceRow(
                actor_id=actor.id,
                name=actor.name,
                country=info.country if info else None,
                kind=info.kind if info else None,
                state_run=info.state_run if info else None,
                claims=tuple(carried.get(actor.id, ())),
                corroborates=tuple(linked.get((actor.id, "corroborates"), ())),
                contradicts=tuple(linked.get((actor.id, "contradicts"), ())),
                articles=tuple(actor.articles),
            )
        )
    return rows


# --- summary ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseSummary:
    articles: int
    actors: int
    actors_to_review: int  # extracted, neither confirmed nor rejected
    claims: int
    claims_checked: int  # a verdict: corroborated, disputed, false, unverifiable
    claims_open: int  # unverified or in progress
    claims_by_status: dict[str, int]
    events: int
    source_links: int
    notes: int

    @property
    def claims_disputed(self) -> int:
        return self.claims_by_status.get(ClaimStatus.DISPUTED.value, 0)


def case_summary(case: Any) -> CaseSummary:
    view = _View.of(case)
    by_status = Counter(_plain(c.status) for c in view.claims)
    return CaseSummary(
        articles=len(view.articles),
        actors=len(view.actors),
        actors_to_review=sum(1 for a in view.actors.values() if a.status is ReviewStatus.EXTRACTED),
        claims=len(view.claims),
        claims_checked=sum(by_status[s.value] for s in CHECKED_STATUSES),
        claims_open=sum(by_status[s.value] for s in OPEN_STATUSES),
        claims_by_status={s.value: by_status[s.value] for s in ClaimStatus},
        events=len(view.events),
        source_links=sum(len(v) for v in view.links.values()),
        notes=sum(len(v) for v in view.notes.values()),
    )
