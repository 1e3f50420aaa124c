"""The checking loop's part of `CaseFile`: every extracted item can be accepted, fixed,
rejected or added. Each method is one action: one transaction, one audit row, undoable.

Made for a panel to call directly: a selection in the Article panel gives an article id
and character offsets (`start`, `end`), and every edit of an existing item takes
`expected=`, the `version` of the record the person was looking at; if another session
(a tab, the CLI) changed it since, the edit is refused with a `StaleEditError` naming the
current value.

    >>> claim = case.add_claim("visit", 120, 184, speaker="A3", channels=["A5", ("A6", "citing")])
    >>> case.reject_claim("C2", expected=case.claim("C2").version)
    >>> case.add_actor("Israeli army", "organization", mentions=[("visit", 310, 322)])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from ..errors import CaseError
from ..model import ClaimKind, ReviewStatus
from . import checking, edits, reads
from .checking import Speaker, Step
from .edits import update_event
from .records import CaseActor, CaseClaim, CaseEvent, CaseMention, SourceLink
from .store import Store
from .versions import checked_row

if TYPE_CHECKING:
    from .api import Recording

# what several claims can be set to at once: accepted or rejected
BULK_REVIEWS = (ReviewStatus.CONFIRMED.value, ReviewStatus.REJECTED.value)


class CheckingEdits:
    """Adding what extraction missed, and rejecting, restoring, splitting and merging."""

    _store: Store
    user: str

    if TYPE_CHECKING:

        def _recording(
            self, action: str, target: str | None, **subjects: tuple[str, str | None]
        ) -> AbstractContextManager[Recording]: ...

        def claim(self, claim_id: str) -> CaseClaim: ...

        def actor(self, actor_id: str) -> CaseActor: ...

        def event(self, event_id: str) -> CaseEvent: ...

    # --- claims ------------------------------------------------------------------------------

    def add_claim(
        self,
        article_id: str,
        start: int,
        end: int,
        *,
        speaker: Speaker = None,
        speaker_text: str | None = None,
        channels: Sequence[Step] = (),
        kind: str = ClaimKind.DIRECT.value,
        cue: str | None = None,
    ) -> CaseClaim:
        """A claim extraction missed: the words `start`-`end` of the article (its text is the
        article's). `speaker`: an actor id, a new actor as (name, type), or None for an
        unnamed source described by `speaker_text`. `channels`: the outlets that carried
        it, origin first, each an actor id or (actor id, "reported_by" | "citing").
        Confirmed, and kept by re-extraction whatever it finds."""
        with self._recording("add_claim", None) as rec:
            claim_id = checking.add_claim(
                rec.tx,
                article_id,
                start,
                end,
                speaker=speaker,
                speaker_text=speaker_text,
                channels=channels,
                kind=kind,
                cue=cue,
            )
            rec.target = claim_id
            rec.track("claim", "claim", claim_id)
        return self.claim(claim_id)

    def accept_claim(self, claim_id: str, *, expected: int | None = None) -> CaseClaim:
        """Confirm an extracted claim as right."""
        return self._review_claim("accept_claim", claim_id, ReviewStatus.CONFIRMED, expected)

    def reject_claim(self, claim_id: str, *, expected: int | None = None) -> CaseClaim:
        """Reject a claim: hidden from `claims()` (and every analysis and export) unless
        asked for with `include_rejected=True`; re-extraction keeps it rejected."""
        return self._review_claim("reject_claim", claim_id, ReviewStatus.REJECTED, expected)

    def restore_claim(self, claim_id: str, *, expected: int | None = None) -> CaseClaim:
        """Undo a rejection at any later time: the claim is back as it was extracted (or
        confirmed, if a person added it)."""
        with self._recording("restore_claim", claim_id, claim=("claim", claim_id)) as rec:
            review = checking.restored_review(rec.tx, claim_id)
            checking.set_claim_review(rec.tx, claim_id, review, expected=expected)
        return self.claim(claim_id)

    def _review_claim(
        self, action: str, claim_id: str, review: ReviewStatus, expected: int | None
    ) -> CaseClaim:
        with self._recording(action, claim_id, claim=("claim", claim_id)) as rec:
            checking.set_claim_review(rec.tx, claim_id, review, expected=expected)
        return self.claim(claim_id)

    def split_claim(self, claim_id: str, at: int, *, expected: int | None = None) -> CaseClaim:
        """Cut a claim in two at article offset `at`; returns the new second claim."""
        with self._recording("split_claim", claim_id, claim=("claim", claim_id)) as rec:
            new_id = checking.split_claim(rec.tx, claim_id, at, expected=expected)
            rec.track("new_claim", "claim", new_id)
        return self.claim(new_id)

    def merge_claims(
        self,
        keep_id: str,
        other_id: str,
        *,
        expected: int | None = None,
        other_expected: int | None = None,
    ) -> CaseClaim:
        """Make two claims of one article one: `keep_id` spans both and takes the other's
        chain, links, notes and events; the other is rejected."""
        with self._recording(
            "merge_claims", keep_id, keep=("claim", keep_id), other=("claim", other_id)
        ) as rec:
            checking.merge_claims(
                rec.tx, keep_id, other_id, expected=expected, other_expected=other_expected
            )
        return self.claim(keep_id)

    def update_claims(
        self,
        claim_ids: Sequence[str],
        *,
        review: str | None = None,
        status: str | None = None,
        expected: Mapping[str, int] | None = None,
    ) -> list[CaseClaim]:
        """Accept or reject (`review`: "confirmed" or "rejected") and/or set the verification
        status of several claims at once (the Claims table's ticked rows): one action, undone
        as one. `expected`: the versions the person saw, by claim id; any changed since
        refuses the whole action."""
        ids = list(dict.fromkeys(claim_ids))
        if not ids:
            raise CaseError("no claims to update: tick at least one")
        if review is None and status is None:
            raise CaseError("nothing to change: give review or status")
        if review is not None and review not in BULK_REVIEWS:
            raise CaseError(f"review must be confirmed or rejected, not {review!r}")
        subjects = {i: ("claim", i) for i in ids}
        with self._recording("update_claims", ", ".join(ids), **subjects) as rec:
            rows = [checked_row(rec.tx, "claims", i, (expected or {}).get(i)) for i in ids]
            for row in rows:
                if status is not None:
                    edits.set_claim_status(rec.tx, row["id"], status, who=self.user)
                # a ticked claim already accepted (or rejected) is left as it is
                if review is not None and row["review"] != review:
                    checking.set_claim_review(rec.tx, row["id"], ReviewStatus(review))
            if not rec.tx.changes:
                raise CaseError(f"nothing to change: the {len(ids)} claims are so already")
        return [self.claim(i) for i in ids]

    # --- actors and mentions -------------------------------------------------------------------

    def add_actor(
        self, name: str, type: str, *, mentions: Iterable[tuple[str, int, int]] = ()
    ) -> CaseActor:
        """An actor extraction missed, confirmed, with its mentions as (article_id, start,
        end). Its name is known to the case from now on: later articles and re-extraction
        recognise it with this type."""
        with self._recording("add_actor", None) as rec:
            actor_id = checking.add_actor(rec.tx, name, type, list(mentions))
            rec.target = actor_id
            rec.track("actor", "actor", actor_id)
        return self.actor(actor_id)

    def add_mention(self, actor_id: str, article_id: str, start: int, end: int) -> CaseMention:
        """Mark the words `start`-`end` of an article as a mention of `actor_id`."""
        with self._recording("add_mention", actor_id, actor=("actor", actor_id)) as rec:
            mention_id = checking.add_mention(rec.tx, actor_id, article_id, start, end)
            rec.track("mention", "mention", mention_id)
        return reads.load_mentions(self._store, mention_id=mention_id)[0]

    def remove_mention(self, mention_id: str, *, expected: int | None = None) -> None:
        """A wrong mention: it names nobody from now on, and re-extraction does not bring
        it back (`mentions(include_rejected=True)` still lists it)."""
        with self._recording("remove_mention", None, mention=("mention", mention_id)) as rec:
            rec.target = checking.remove_mention(rec.tx, mention_id, expected=expected)

    # --- events --------------------------------------------------------------------------------

    def add_event(
        self,
        article_id: str,
        start: int,
        end: int,
        date: object,
        *,
        precision: str | None = None,
        date_end: object = None,
        summary: str = "",
        claim: str | None = None,
        actors: Sequence[str] = (),
    ) -> CaseEvent:
        """A dated event extraction missed: `start`-`end` are the words of its date, `date`
        goes through the one date parser (its precision unless `precision` says)."""
        with self._recording("add_event", None) as rec:
            event_id = checking.add_event(
                rec.tx,
                article_id,
                start,
                end,
                date,
                precision=precision,
                date_end=date_end,
                summary=summary,
                claim=claim,
                actors=actors,
            )
            rec.target = event_id
            rec.track("event", "event", event_id)
        return self.event(event_id)

    def reject_event(self, event_id: str, *, expected: int | None = None) -> CaseEvent:
        """Not an event of the story: left out of the timeline and every export."""
        with self._recording("reject_event", event_id, event=("event", event_id)) as rec:
            event = checked_row(rec.tx, "events", event_id, expected)
            if event["review"] == ReviewStatus.REJECTED.value:
                rec.cancel()
            else:
                update_event(rec.tx, event_id, review=ReviewStatus.REJECTED.value)
        return self.event(event_id)

    # --- source links --------------------------------------------------------------------------

    def update_link(
        self,
        link_id: str,
        *,
        relation: str | None = None,
        note: str | None = None,
        expected: int | None = None,
    ) -> SourceLink:
        """Change a source link's relation (reported_by, corroborates, contradicts) or its
        note ("" clears it)."""
        with self._recording("update_link", None, link=("link", link_id)) as rec:
            rec.target = checking.update_link(
                rec.tx, link_id, relation=relation, note=note, expected=expected
            )
        return reads.load_links(self._store, link_id=link_id)[0]
