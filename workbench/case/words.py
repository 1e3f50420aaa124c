"""The plain words a person reads for the case's internal values (statuses, kinds,
relations): one place, so a refused edit's message (versions.py) and the panels' tables
say the same thing. Internal names ("in_progress", "reported_by") are never shown.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import ClaimKind, ClaimStatus, ReviewStatus, SourceRelation

STATUS_WORDS = {
    ClaimStatus.UNVERIFIED.value: "not checked",
    ClaimStatus.IN_PROGRESS.value: "checking",
    ClaimStatus.CORROBORATED.value: "corroborated",
    ClaimStatus.DISPUTED.value: "disputed",
    ClaimStatus.FALSE.value: "false",
    ClaimStatus.UNVERIFIABLE.value: "cannot be checked",
}
REVIEW_WORDS = {
    ReviewStatus.EXTRACTED.value: "as extracted",
    ReviewStatus.CONFIRMED.value: "accepted",
    ReviewStatus.REJECTED.value: "rejected",
}
ACTOR_STATUS_WORDS = {
    ReviewStatus.EXTRACTED.value: "found by the machine",
    ReviewStatus.CONFIRMED.value: "confirmed",
    ReviewStatus.REJECTED.value: "rejected",
}
KIND_WORDS = {
    ClaimKind.DIRECT.value: "quoted",
    ClaimKind.INDIRECT.value: "paraphrased",
    ClaimKind.MIXED.value: "partly quoted",
}
RELATION_WORDS = {
    SourceRelation.REPORTED_BY.value: "reported by",
    SourceRelation.CORROBORATES.value: "corroborates",
    SourceRelation.CONTRADICTS.value: "contradicts",
}


def words_for(mapping: Mapping[str, str], value: str) -> str:
    """The plain words for an internal value (the value with spaces if none is known)."""
    return mapping.get(value, value.replace("_", " "))


def claim_status_words(status: str, review: str) -> str:
    """A claim's status as the Claims table shows it: "rejected", "false, accepted",
    "not checked"."""
    if review == ReviewStatus.REJECTED.value:
        return "rejected"
    words = words_for(STATUS_WORDS, status)
    return f"{words}, accepted" if review == ReviewStatus.CONFIRMED.value else words
