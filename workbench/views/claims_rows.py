"""The Claims panel's words and rows, as pure functions: what a person reads for each claim
(plain words, never the case's internal names), the table rows, a chain of outlets being
edited, and where a claim can be cut in two. No widget here: tested without a browser.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..analysis.corroboration import corroborate_claims
from ..analysis.periods import published_in, range_bounds
from ..analysis.reader import CaseView
from ..analysis.timeline_dates import claim_dates, claim_in_range
from ..case.records import CaseClaim, SourceLink

# the plain words live in the core (a refused edit's message says them too); the panels
# import them from here
from ..case.words import (  # noqa: F401
    KIND_WORDS,
    RELATION_WORDS,
    REVIEW_WORDS,
    STATUS_WORDS,
    words_for,
)
from ..model import ReviewStatus
from .table import Column, TableRow

# --- plain words ------------------------------------------------------------------------------

FLAG_WORDS = {
    "single_source": "one source only",
    "state_media_only": "state media only",
    "unnamed_source_only": "unnamed source only",
    "no_source": "no source",
    "contradicted": "contradicted",
}
CITING = "citing"
REPORTED_BY = "reported_by"
STEP_WORDS = {REPORTED_BY: "carried it", CITING: "citing the step before"}
SHORT = 90  # characters of a claim's words in the table


def short(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the chain of outlets ------------------------------------------------------------------------


@dataclass(frozen=True)
class Chain:
    """A claim's outlets, origin first, each with how it passed the claim on; every edit
    gives a new chain, whose `steps()` is what `Case.update_claim(channels=...)` takes."""

    actors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    @classmethod
    def of(cls, claim: CaseClaim) -> Chain:
        kinds = tuple(claim.channel_kinds) or (REPORTED_BY,) * len(claim.channels)
        return cls(tuple(claim.channels), kinds)

    def steps(self) -> list[tuple[str, str]]:
        return list(zip(self.actors, self.kinds, strict=True))

    def add(self, actor_id: str, kind: str = REPORTED_BY) -> Chain:
        if actor_id in self.actors:
            raise ValueError("that outlet is in the chain already")
        return Chain((*self.actors, actor_id), (*self.kinds, kind))

    def remove(self, index: int) -> Chain:
        self._check(index)
        return Chain(
            self.actors[:index] + self.actors[index + 1 :],
            self.kinds[:index] + self.kinds[index + 1 :],
        )

    def move(self, index: int, by: int) -> Chain:
        """Move step `index` `by` places (-1: towards the origin, +1: away from it)."""
        self._check(index)
        to = index + by
        if not 0 <= to < len(self.actors):
            raise ValueError("that step cannot move further")
        actors, kinds = list(self.actors), list(self.kinds)
        actors[index], actors[to] = actors[to], actors[index]
        kinds[index], kinds[to] = kinds[to], kinds[index]
        return Chain(tuple(actors), tuple(kinds))

    def set_kind(self, index: int, kind: str) -> Chain:
        self._check(index)
        kinds = list(self.kinds)
        kinds[index] = kind
        return Chain(self.actors, tuple(kinds))

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self.actors):
            raise ValueError("choose a step of the chain first")


def chain_text(
    names: Sequence[str], kinds: Sequence[str], speaker: str | None, *, arrow: str = " ← "
) -> str:
    """The chain as a person reads it, latest outlet first: "Middle East Eye ← AFP ← a
    Syrian political source" (a step marked citing says so: "Middle East Eye (citing)")."""
    parts = [
        f"{name} (citing)" if kind == CITING else name
        for name, kind in zip(names, kinds, strict=False)
    ]
    parts.reverse()
    if speaker and (not parts or parts[-1] != speaker):  # SANA said, on SANA: once
        parts.append(speaker)
    return arrow.join(parts)


# --- splitting -----------------------------------------------------------------------------------

_WORD = re.compile(r"\S+")


def split_points(article_text: str, start: int, end: int) -> list[tuple[str, int]]:
    """Where a claim spanning `start`-`end` of its article can be cut: before each word but
    the first, as (label, article offset); the label shows the words either side."""
    span = article_text[start:end]
    words = [(m.start(), m.group()) for m in _WORD.finditer(span)]
    points = []
    for (_, before), (offset, word) in zip(words, words[1:], strict=False):
        points.append((f"…{short(before, 24)} | {short(word, 24)}…", start + offset))
    return points


# --- the table --------------------------------------------------------------------------------

COLUMNS = (
    Column("status", "status", choices=True, width="9em"),
    Column("speaker", "speaker", choices=True, width="11em"),
    Column("words", "words", width="26em"),
    Column("outlets", "outlets", choices=True, width="15em"),
    Column("article", "article", choices=True, width="11em"),
    Column("kind", "kind", choices=True, width="7em"),
    Column("flags", "flags", choices=True, width="9em"),
    Column("links", "links", width="4em", sort_numeric=True),
)


@dataclass(frozen=True)
class ClaimEntry:
    """One claim as the panel shows it: the case's record and what it is drawn with."""

    claim: CaseClaim
    speaker: str  # the speaker's name, or the article's words for an unnamed one
    channel_names: tuple[str, ...]
    article: str  # the article's title
    published: str | None
    flags: tuple[str, ...]
    links: tuple[SourceLink, ...]
    link_labels: tuple[str, ...]  # the outlet's name or the URL, one per link
    notes: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def rejected(self) -> bool:
        return self.claim.review is ReviewStatus.REJECTED

    def status_words(self) -> str:
        if self.rejected:
            return "rejected"
        words = words_for(STATUS_WORDS, self.claim.status.value)
        if self.claim.review is ReviewStatus.CONFIRMED:
            return f"{words}, accepted"
        return words

    def outlets(self) -> str:
        return chain_text(self.channel_names, self.claim.channel_kinds, self.speaker)

    def row(self) -> TableRow:
        # made for thousands of claims at once (a merge across the case): each word looked
        # up once per status, kind or flag (`_words`), not worked out again per claim
        claim = self.claim
        status = _words(STATUS_WORDS, claim.status)
        rejected = claim.review is ReviewStatus.REJECTED
        accepted = claim.review is ReviewStatus.CONFIRMED
        flags = tuple([_words(FLAG_WORDS, f) for f in self.flags])
        linked = [label for label in self.link_labels if label]
        links = len(self.links)
        return TableRow(
            claim.id,
            {
                "status": "rejected" if rejected else f"{status}, accepted" if accepted else status,
                "speaker": self.speaker,
                "words": short(claim.text),
                "outlets": self.outlets(),
                "article": self.article,
                "kind": _words(KIND_WORDS, claim.kind),
                "flags": ", ".join(flags),
                "links": str(links),
            },
            order={"article": (self.published or "", self.article), "links": links},
            # a choice filter matches any of these: a status or "accepted", any outlet
            facets={
                "status": ("rejected",)
                if rejected
                else (status, "accepted")
                if accepted
                else (status,),
                "outlets": tuple(dict.fromkeys((*self.channel_names, *linked))),
                "flags": flags,
            },
            muted=rejected,
        )


# the words of each value, by word list (the module's constants: they live as long)
_WORDS: dict[tuple[int, Any], str] = {}


def _words(mapping: Mapping[str, str], value: Any) -> str:
    """`words_for(mapping, value)` of an enum member's value or a plain string, kept."""
    key = (id(mapping), value)
    found = _WORDS.get(key)
    if found is None:
        found = _WORDS[key] = words_for(mapping, getattr(value, "value", value))
    return found


def claim_entries(
    snap,
    *,
    include_rejected: bool = False,
    date_range: tuple[str, str] | None = None,
    only: Collection[str] | None = None,
) -> list[ClaimEntry]:
    """Every claim of the case as the panel shows it (the rejected ones when asked for),
    in the case's order; `date_range` keeps those the core's claim filter keeps (placed on
    their own date, else on their article's publication day: `analysis.timeline_dates`).
    `only`: just these claims (an edit's redraw), each exactly as the whole list has it:
    a claim's corroboration depends on its own record, links, actors and article alone."""
    view = CaseView.of(snap)
    links: dict[str, list[SourceLink]] = {}
    for link in snap.links():
        if only is None or link.claim_id in only:
            links.setdefault(link.claim_id, []).append(link)
    claims = view.claims if only is None else [c for c in view.claims if c.id in only]
    # the flags claim_rows gives, without the rest of its rows (the costly part of a redraw)
    flags = {
        s.claim_id: s.flags
        for s in corroborate_claims(
            claims,
            links=[k for v in links.values() for k in v],
            actors=view.all_actors,
            articles=view.articles.values(),
        )
    }
    bounds = range_bounds(date_range)
    placed = claim_dates(snap) if bounds is not None else {}
    articles = view.articles
    entries = []
    if only is None:
        chosen = snap.claims(include_rejected=include_rejected)
    elif not include_rejected:
        chosen = claims  # the view's claims are the case's not rejected, in its order
    else:  # the ids first: cheaper than the review of 47,500 claims
        chosen = [c for c in snap.claims(include_rejected=True) if c.id in only]
    for claim in chosen:
        article = articles.get(claim.article_id)
        published = article.published if article is not None else None
        if bounds is not None and not (
            # the core's rule (a claim on its own date, else its article's day); a rejected
            # claim, which the core places nowhere, on its article's day
            claim_in_range(placed.get(claim.id), bounds)
            if claim.review is not ReviewStatus.REJECTED
            else published_in(published, bounds, record=f"article {claim.article_id}")
        ):
            continue
        own = tuple(links.get(claim.id, ()))
        entries.append(
            ClaimEntry(
                claim=claim,
                speaker=view.speaker_label(claim),
                # a rejected outlet still names a step: its name, not a hole in the chain
                channel_names=tuple(_any_name(view, c) for c in claim.channels),
                article=view.article_title(claim.article_id),
                published=published.isoformat() if published else None,
                flags=flags.get(claim.id, ()),
                links=own,
                link_labels=tuple(_any_name(view, k.actor_id) or k.url or "" for k in own),
                notes=tuple(n.text for n in view.notes.get(claim.id, ())),
            )
        )
    return entries


def _any_name(view: CaseView, actor_id: str | None) -> str:
    if not actor_id:
        return ""
    name = view.actor_name(actor_id)
    if name:
        return name
    for actor in view.all_actors:
        if actor.id == actor_id:
            return f"{actor.name} (rejected)"
    return actor_id


def rows_of(entries: Iterable[ClaimEntry]) -> list[TableRow]:
    return [e.row() for e in entries]
