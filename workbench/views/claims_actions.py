"""The Claims panel's edits: each button of the panel as one action on the case, made
against the version of the claim (or link) the person was looking at, and reported in plain
words. A mixin of `ClaimsPanel`, which holds the widgets these read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .claims_rows import KIND_WORDS, RELATION_WORDS, STATUS_WORDS, Chain, ClaimEntry, words_for
from .status import undo_message

if TYPE_CHECKING:
    from .claims_panel import ClaimsPanel

UNNAMED = "__unnamed__"  # the speaker choice "unnamed source"
NEW_ACTOR = "__new__"  # the speaker choice "a new actor…"


class ClaimEdits:
    """What the Claims panel's buttons do."""

    def _chosen(self: ClaimsPanel) -> ClaimEntry | None:
        entry = self.entry()
        if entry is None:
            self.ctx.failed("Click a claim in the table first.")
        return entry

    def accept(self: ClaimsPanel) -> None:
        entry = self._chosen()
        if entry:
            claim = entry.claim
            self.run(
                lambda: self.case.accept_claim(claim.id, expected=claim.version),
                f"Accepted claim {claim.id} as a real claim",
            )

    def reject(self: ClaimsPanel) -> None:
        entry = self._chosen()
        if entry:
            claim = entry.claim
            self.run(
                lambda: self.case.reject_claim(claim.id, expected=claim.version),
                f"Rejected claim {claim.id}: hidden from the table, the network and the "
                "exports (tick 'show rejected' to see or restore it)",
            )

    def restore(self: ClaimsPanel) -> None:
        entry = self._chosen()
        if entry:
            claim = entry.claim
            self.run(
                lambda: self.case.restore_claim(claim.id, expected=claim.version),
                f"Restored claim {claim.id}",
            )

    def undo(self: ClaimsPanel) -> None:
        self.run(self.case.undo, undo_message)

    def set_chain(self: ClaimsPanel, chain: Chain, what: str) -> None:
        entry = self._chosen()
        if entry:
            claim = entry.claim
            self.run(
                lambda: self.case.update_claim(
                    claim.id, channels=chain.steps(), expected=claim.version
                ),
                f"Claim {claim.id}: {what}",
            )

    def split(self: ClaimsPanel) -> None:
        entry = self._chosen()
        at = self.split_at.value
        if entry is None or at is None:
            return
        claim = entry.claim
        self.run(
            lambda: self.case.split_claim(claim.id, at, expected=claim.version),
            lambda new: (
                f"Split claim {claim.id} in two: the words after the cut are claim {new.id}"
            ),
        )

    def merge(self: ClaimsPanel) -> None:
        ticked = [self._entries[i] for i in self.table.selected if i in self._entries]
        if len(ticked) != 2:
            self.ctx.failed("Tick exactly two claims of one article in the table to merge them.")
            return
        keep, other = sorted(ticked, key=lambda e: (e.claim.start, e.claim.end))
        seen = self.seen_ticks.expected([keep.id, other.id], self._version)
        self.run(
            lambda: self.case.merge_claims(
                keep.id,
                other.id,
                expected=seen[keep.id],
                other_expected=seen[other.id],
            ),
            f"Merged claim {other.id} into claim {keep.id} (one claim now; {other.id} rejected)",
        )

    def update_ticked(
        self: ClaimsPanel, *, review: str | None = None, status: str | None = None
    ) -> None:
        """Accept, reject or set the status of every ticked claim: one action on the case
        (one undo puts them all back), made against each row's version as the person saw it
        (`SeenTicks`: a change made elsewhere since the tick refuses it)."""
        ticked = [self._entries[i] for i in self.ticked()]
        if not ticked:
            self.ctx.failed("Tick claims in the table first.")
            return
        expected = self.seen_ticks.expected([e.id for e in ticked], self._version)
        if review is not None:
            done = "accepted" if review == "confirmed" else "rejected"
        else:
            done = f"now {words_for(STATUS_WORDS, status or '')}"
        many = f"{len(ticked)} claims" if len(ticked) > 1 else f"claim {ticked[0].id}"
        self.run(
            lambda: self.case.update_claims(
                list(expected), review=review, status=status, expected=expected
            ),
            f"{many[0].upper()}{many[1:]} {done}"
            + (" (one undo puts them back)" if len(ticked) > 1 else ""),
        )

    def set_status(self: ClaimsPanel) -> None:
        entry = self._chosen()
        if entry is None:
            return
        claim, status, note = entry.claim, self.status.value, self.note.value.strip()
        if self.run(
            lambda: self.case.set_claim_status(
                claim.id, status, note=note or None, expected=claim.version
            ),
            f"Claim {claim.id} is now {words_for(STATUS_WORDS, status)}"
            + (" (with your note)" if note else ""),
        ):
            self.note.value = ""

    def set_speaker(self: ClaimsPanel) -> None:
        entry = self._chosen()
        if entry is None:
            return
        claim, choice = entry.claim, self.speaker.value
        if choice == NEW_ACTOR:
            name = " ".join(self.new_name.value.split())
            if not name:
                self.ctx.failed("Type the new actor's name first.")
                return
            speaker: object = (name, self.new_type.value)
            changes = {"speaker": speaker}
            said = f"{name}, a new {self.new_type.value}"
        elif choice == UNNAMED:
            description = self.speaker_text.value.strip()
            # the case API reads "" as "unnamed" (None would mean "leave as is")
            changes = {"speaker": "", "speaker_text": description}
            said = f"an unnamed source ({description})" if description else "an unnamed source"
        else:
            actor = self._actors.get(choice)
            changes = {"speaker": choice}
            said = actor.name if actor else choice
        if self.run(
            lambda: self.case.update_claim(claim.id, **changes, expected=claim.version),
            f"Claim {claim.id}: the speaker is now {said}",
        ):
            self.new_name.value = ""

    def set_kind(self: ClaimsPanel) -> None:
        entry = self._chosen()
        if entry is None:
            return
        claim, kind = entry.claim, self.kind.value
        if kind == claim.kind.value:
            self.ctx.told(
                f"Claim {claim.id} is {words_for(KIND_WORDS, kind)} already: nothing to save."
            )
            return
        self.run(
            lambda: self.case.update_claim(claim.id, kind=kind, expected=claim.version),
            f"Claim {claim.id} is now {words_for(KIND_WORDS, kind)}",
        )

    def save_text_and_kind(self: ClaimsPanel) -> None:
        """Correct the selected claim's wording and kind (quoted, paraphrased, partly)."""
        entry = self.entry()
        if entry is None:
            return
        claim = entry.claim
        changes = {}
        text = self.text.value.strip()
        if text != claim.text:
            changes["text"] = text  # an empty text is refused by the case, with a reason
        if self.kind.value != claim.kind.value:
            changes["kind"] = self.kind.value
        if not changes:
            self.ctx.told("The claim's text and kind are unchanged: nothing to save.")
            return
        what = " and ".join(changes)
        self.run(
            lambda: self.case.update_claim(claim.id, **changes, expected=claim.version),
            f"Claim {claim.id}: corrected its {what}",
        )

    def link_source(self: ClaimsPanel) -> None:
        claim_id = self.current
        source = self.source.value or self.url.value.strip()
        if not claim_id or not source:
            self.ctx.failed("Choose a claim and a source (an outlet or a web address) first.")
            return
        relation, note = self.relation.value, self.link_note.value.strip() or None
        shown = self._actors[source].name if source in self._actors else source
        if self.run(
            lambda: self.case.link_source(claim_id, source, relation=relation, note=note),
            f"Linked claim {claim_id} to {shown} ({words_for(RELATION_WORDS, relation)})",
        ):
            self.url.value = self.link_note.value = ""


__all__ = ["NEW_ACTOR", "UNNAMED", "ClaimEdits"]
