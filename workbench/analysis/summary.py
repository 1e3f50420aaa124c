"""How far the verification of a case has come: counts for the summary panel and the memo."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Protocol

from ..model import ClaimStatus, ReviewStatus
from .reader import CaseReader, CaseView

# a claim is "checked" once a person reached a verdict on it
CHECKED_STATUSES = (
    ClaimStatus.CORROBORATED,
    ClaimStatus.DISPUTED,
    ClaimStatus.FALSE,
    ClaimStatus.UNVERIFIABLE,
)
OPEN_STATUSES = (ClaimStatus.UNVERIFIED, ClaimStatus.IN_PROGRESS)


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


def case_summary(case: CaseReader) -> CaseSummary:
    view = CaseView.of(case)
    by_status = Counter(c.status for c in view.claims)
    return CaseSummary(
        articles=len(view.articles),
        actors=len(view.actors),
        actors_to_review=sum(1 for a in view.actors.values() if a.status is ReviewStatus.EXTRACTED),
        claims=len(view.claims),
        claims_checked=sum(by_status[s] for s in CHECKED_STATUSES),
        claims_open=sum(by_status[s] for s in OPEN_STATUSES),
        claims_by_status={s.value: by_status[s] for s in ClaimStatus},
        events=len(view.events),
        source_links=sum(len(v) for v in view.links.values()),
        notes=sum(len(v) for v in view.notes.values()),
    )


class Counting(Protocol):
    """A case that counts its records where they are stored (`Case.counts`)."""

    def counts(self) -> dict[str, Any]: ...


def counted_summary(case: Counting) -> CaseSummary:
    """`case_summary`, from the counts the case makes itself: no record is read (the
    Summary tab of a case of 5,000 articles opens in tens of ms, not seconds)."""
    counts = case.counts()
    statuses = counts["claims_by_status"]
    by_status = {s: statuses.get(s.value, 0) for s in ClaimStatus}
    return CaseSummary(
        articles=counts["articles"],
        actors=counts["actors"],
        actors_to_review=counts["actors_to_review"],
        claims=sum(by_status.values()),
        claims_checked=sum(by_status[s] for s in CHECKED_STATUSES),
        claims_open=sum(by_status[s] for s in OPEN_STATUSES),
        claims_by_status={s.value: n for s, n in by_status.items()},
        events=counts["events"],
        source_links=counts["links"],
        notes=counts["notes"],
    )


__all__ = [
    "CHECKED_STATUSES",
    "OPEN_STATUSES",
    "CaseSummary",
    "Counting",
    "case_summary",
    "counted_summary",
]
