"""Claims as rows: speaker, channels, status, the sources linked, notes and corroboration."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import is_

from ..case.records import CaseClaim
from ..model import ClaimStatus
from .corroboration import ClaimSources, corroborate_claims
from .periods import DateRange, published_text, range_bounds
from .reader import CaseReader, CaseView
from .timeline_dates import claim_dates, claim_in_range, overlaps, place_claim, reporting_events

# one status, several, or None for any; a status is a ClaimStatus or its value
StatusFilter = ClaimStatus | str | Collection[ClaimStatus | str] | None


def status_set(status: StatusFilter) -> frozenset[ClaimStatus] | None:
    """A caller's status filter as a set of `ClaimStatus`; ValueError for an unknown one."""
    if status is None:
        return None
    if isinstance(status, str):  # a ClaimStatus is a str too
        return frozenset({ClaimStatus(status)})
    return frozenset(ClaimStatus(s) for s in status)


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
    published: str | None  # ISO text
    links: tuple[LinkRow, ...] = ()
    notes: tuple[str, ...] = ()
    # corroboration: one label per independent voice, and warnings such as "single_source"
    independent_sources: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    # the days the claim is placed on (ISO first, last): its own date, else its article's
    # publication day (`dated_by_publication`); None when neither is known
    dated: tuple[str, str] | None = None
    dated_by_publication: bool = False


def claim_rows(
    case: CaseReader,
    *,
    status: StatusFilter = None,
    speaker: str | None = None,
    outlet: str | None = None,
    date_range: DateRange | None = None,
    corroboration: Iterable[ClaimSources] | None = None,
    kept: dict[str, KeptRow] | None = None,
) -> list[ClaimRow]:
    """Claims with their speaker, channels, status, linked sources and notes.

    `outlet` (a media actor id) keeps claims carried by it or linked to it by a person;
    `date_range` keeps claims placed in it: on their own date, else on their article's
    publication day (`timeline_dates`: the timeline draws them there). `corroboration`:
    the case's own (`Case.corroboration`, kept between edits) for the same state of the
    case, else worked out here (each claim's depends on its own links, actors and article
    only, so the same either way); a claim it lacks is worked out here too. Rows from one
    state need the corroboration taken in that state (`gather_memo` reads in a snapshot).

    `kept`: each claim's row by what it was made from, reused when all of it is the same
    (the very records, as a snapshot carried across an edit holds them; its links, notes
    and sources equal) and left holding this call's rows only (`MemoReads`: the memo after
    an edit makes the rows of the claims it changed, not 47,500). Not with `date_range`.
    """
    view = CaseView.of(case)
    bounds = range_bounds(date_range)
    if bounds is not None:
        kept = None
    # with rows kept, a claim is placed only when its row is made again
    reporting = reporting_events(view) if kept is not None else {}
    placed = claim_dates(view.source) if kept is None else {}
    wanted = status_set(status)

    def worked_out(claims: Iterable[CaseClaim]) -> list[ClaimSources]:
        return corroborate_claims(
            claims,
            links=[k for v in view.links.values() for k in v],
            actors=view.all_actors,
            articles=view.articles.values(),
        )

    if corroboration is None:
        sources = {s.claim_id: s for s in worked_out(view.claims)}
    else:
        sources = {s.claim_id: s for s in corroboration}
        # a claim the given corroboration lacks (it was taken from another state of the
        # case: a claim added since) is worked out here, never a KeyError
        missing = [claim for claim in view.claims if claim.id not in sources]
        if missing:
            sources.update((s.claim_id, s) for s in worked_out(missing))
    rows = []
    kept_before = dict(kept) if kept is not None else {}
    if kept is not None:
        kept.clear()  # left holding this call's rows only
    # an article's title and day, worked out once for all its claims (ten on average)
    of_article: dict[str, tuple[str, str | None]] = {}
    actors, view_links, view_notes = view.actors, view.links, view.notes
    for claim in view.claims:
        links = view_links.get(claim.id, [])
        if wanted is not None and claim.status not in wanted:
            continue
        if speaker is not None and claim.speaker != speaker:
            continue
        if (
            outlet is not None
            and outlet not in claim.channels
            and all(link.actor_id != outlet for link in links)
        ):
            continue
        found = sources[claim.id]
        if kept is not None:
            notes = view_notes.get(claim.id, ())
            events = reporting.get(claim.id, ())
            made_of = (
                claim,
                view.articles.get(claim.article_id),
                actors.get(claim.speaker or ""),
                *(actors.get(c) for c in claim.channels),
                *events,
            )
            held = kept_before.get(claim.id)
            if (
                held is not None
                and same_records(held[0], made_of)
                and held[1] == found
                and held[2] == links
                and held[3] == notes
            ):
                kept[claim.id] = held
                rows.append(held[4])
                continue
            when = place_claim(claim, events, view.articles)
        else:
            when = placed.get(claim.id)
            if not claim_in_range(when, bounds):
                continue
        channels = tuple(c for c in claim.channels if c in actors)
        shown = of_article.get(claim.article_id)
        if shown is None:
            article = view.articles.get(claim.article_id)
            published = article.published if article is not None else None
            shown = of_article[claim.article_id] = (
                view.article_title(claim.article_id),
                published_text(published, record=f"article {claim.article_id}"),
            )
        row = ClaimRow(
            claim_id=claim.id,
            text=claim.text,
            kind=claim.kind.value,
            speaker=claim.speaker if claim.speaker in actors else None,
            speaker_label=view.speaker_label(claim),
            speaker_text=claim.speaker_text,
            channels=channels,
            channel_names=tuple(view.actor_name(c) for c in channels),
            status=claim.status.value,
            review=claim.review.value,
            article_id=claim.article_id,
            article_title=shown[0],
            published=shown[1],
            links=tuple(
                LinkRow(k.relation.value, k.source, view.source_label(k), k.note) for k in links
            ),
            notes=tuple(n.text for n in view_notes.get(claim.id, ())),
            independent_sources=found.independent,
            flags=found.flags,
            dated=(when.start.isoformat(), when.end.isoformat()) if when else None,
            dated_by_publication=when.by_publication if when else False,
        )
        rows.append(row)
        if kept is not None:
            kept[claim.id] = (made_of, found, links, notes, row)
    return rows


# what a claim's row was made from (`claim_rows`' `kept`): the records it read, its
# sources, its links and its notes; and the row
KeptRow = tuple[tuple[object, ...], ClaimSources, Sequence[object], Sequence[object], ClaimRow]


def same_records(held: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """The very same records, one by one (records equal in value are compared no further:
    an actor's record lists thousands of articles)."""
    return len(held) == len(now) and all(map(is_, held, now))


def filter_claim_rows(
    rows: Iterable[ClaimRow],
    *,
    status: StatusFilter = None,
    speaker: str | None = None,
    outlet: str | None = None,
    date_range: DateRange | None = None,
) -> list[ClaimRow]:
    """`claim_rows`' filters applied to rows already made, without reading the case again.

    The same result as `claim_rows(case, ...)` with these filters, for `speaker` and
    `outlet` ids of actors that are not rejected (rows name only those).
    """
    bounds = range_bounds(date_range)
    wanted = status_set(status)
    return [
        row
        for row in rows
        if (wanted is None or ClaimStatus(row.status) in wanted)
        and (speaker is None or row.speaker == speaker)
        and (
            outlet is None
            or outlet in row.channels
            or any(link.source == outlet for link in row.links)
        )
        and (
            bounds is None
            or (
                row.dated is not None
                and overlaps(
                    date.fromisoformat(row.dated[0]), date.fromisoformat(row.dated[1]), bounds
                )
            )
        )
    ]


__all__ = ["ClaimRow", "LinkRow", "StatusFilter", "claim_rows", "filter_claim_rows"]
