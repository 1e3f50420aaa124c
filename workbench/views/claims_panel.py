"""Review the claims: speaker, channels, kind, verification status with a note, source links;
correct a claim's text and kind.

Filters by status, speaker and outlet, by text, and by the date range chosen on the timeline.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W

from ..analysis import claim_rows, filter_claim_rows
from ..model import ClaimKind, ClaimStatus, SourceRelation
from .panel import TABLE_CSS, Panel, button, set_options
from .selection import Context

UNNAMED = "__unnamed__"


def claim_label(row) -> str:
    text = row.text if len(row.text) <= 90 else row.text[:87] + "..."
    return f"[{row.status}] {row.speaker_label}: {text}"


class ClaimsPanel(Panel):
    title = "Claims"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._actors: dict = {}
        self._all: list = []  # every claim row, made once per refresh; filtered in memory
        self._rows: dict = {}
        # the claim whose text and kind the boxes were filled with: (case file, claim id)
        self._shown: tuple[str, str] | None = None
        self._shown_text = self._shown_kind = ""
        self.search = W.Text(placeholder="search claim text", layout=W.Layout(width="14em"))
        self.status_filter = W.Dropdown(
            options=[("any status", "")] + [(s.value, s.value) for s in ClaimStatus],
            layout=W.Layout(width="10em"),
        )
        self.speaker_filter = W.Dropdown(layout=W.Layout(width="14em"))
        self.outlet_filter = W.Dropdown(layout=W.Layout(width="14em"))
        self.range_label = W.HTML()
        self.clear_range = button("Clear dates")
        self.count = W.HTML()
        self.listing = W.Select(rows=12, layout=W.Layout(width="100%"))
        self.listing.add_class("wb-claim-list")
        self.details = W.HTML()
        self.details.add_class("wb-claim-details-box")

        self.status = W.Dropdown(description="Status", options=[s.value for s in ClaimStatus])
        self.status.add_class("wb-claim-status")
        self.note = W.Textarea(
            placeholder="a note with the status: what you checked, where",
            layout=W.Layout(width="36em", margin="0 0 8px 90px"),
        )
        self.note.add_class("wb-claim-note")
        self.status_button = button("Set status", style="primary")
        self.status_button.add_class("wb-set-status")
        self.speaker = W.Dropdown(description="Speaker", layout=W.Layout(width="24em"))
        self.speaker.add_class("wb-claim-speaker")
        self.speaker_button = button("Set speaker")
        self.speaker_button.add_class("wb-set-speaker")
        self.source = W.Dropdown(description="Source", layout=W.Layout(width="24em"))
        self.source.add_class("wb-claim-source")
        self.url = W.Text(placeholder="or a URL", layout=W.Layout(width="18em"))
        self.url.add_class("wb-claim-url")
        self.relation = W.Dropdown(
            description="as",
            options=[r.value for r in SourceRelation],
            layout=W.Layout(width="17em"),
        )
        self.relation.add_class("wb-claim-relation")
        self.link_note = W.Text(placeholder="note (optional)", layout=W.Layout(width="16em"))
        self.link_button = button("Link source", style="info")
        self.link_button.add_class("wb-link")
        self.text = W.Textarea(
            description="Text", layout=W.Layout(width="36em", height="5em", margin="8px 0 0 0")
        )
        self.text.add_class("wb-claim-text")
        self.kind = W.Dropdown(
            description="Kind", options=[k.value for k in ClaimKind], layout=W.Layout(width="16em")
        )
        self.kind.add_class("wb-claim-kind")
        self.text_button = button("Save text and kind", tooltip="correct the claim's wording")
        self.text_button.add_class("wb-save-claim")

        editor = W.VBox(
            [
                W.HBox([self.status, self.status_button]),
                self.note,
                W.HBox([self.speaker, self.speaker_button]),
                W.HBox([self.source, self.url]),
                W.HBox([self.relation, self.link_note, self.link_button]),
                self.text,
                W.HBox([self.kind, self.text_button]),
            ]
        )
        self.widget = W.VBox(
            [
                W.HTML(TABLE_CSS),
                W.HBox(
                    [
                        self.search,
                        self.status_filter,
                        self.speaker_filter,
                        self.outlet_filter,
                        self.range_label,
                        self.clear_range,
                        self.count,
                    ]
                ),
                self.listing,
                W.HBox([self.details, editor]),
            ]
        )
        self.widget.add_class("wb-claims-panel")
        for control in (self.search, self.status_filter, self.speaker_filter, self.outlet_filter):
            control.observe(self.guard(lambda _c: self._fill_listing()), names="value")
        self.listing.observe(self.guard(self._picked), names="value")
        self.clear_range.on_click(
            self.guard(lambda _b: setattr(self.ctx.selection, "date_range", None))
        )
        self.status_button.on_click(self.guard(lambda _b: self.set_status()))
        self.speaker_button.on_click(self.guard(lambda _b: self.set_speaker()))
        self.link_button.on_click(self.guard(lambda _b: self.link_source()))
        self.text_button.on_click(self.guard(lambda _b: self.save_text_and_kind()))
        ctx.selection.observe(self.guard(self._selection_changed), names=["claim_id", "date_range"])

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        snap = self.snapshot
        self._actors = {a.id: a for a in snap.actors() if a.status.value != "rejected"}
        self._all = claim_rows(snap)  # with the corroboration flags
        self._rows = {r.claim_id: r for r in self._all}
        speakers = {r.speaker for r in self._rows.values() if r.speaker}
        outlets = {o for r in self._rows.values() for o in r.channels}
        outlets |= {
            k.source for r in self._rows.values() for k in r.links if k.source in self._actors
        }
        media = sorted(
            (a for a in self._actors.values() if a.type.value == "media"),
            key=lambda a: a.name.casefold(),
        )
        everyone = sorted(self._actors.values(), key=lambda a: a.name.casefold())
        self._refreshing = True
        try:
            self._set_options(
                self.speaker_filter,
                [("any speaker", ""), ("unnamed source", UNNAMED)]
                + sorted((self._actors[s].name, s) for s in speakers),
            )
            self._set_options(
                self.outlet_filter,
                [("any outlet", "")] + sorted((self._actors[o].name, o) for o in outlets),
            )
            self._set_options(
                self.speaker, [("unnamed / unknown", UNNAMED)] + [(a.name, a.id) for a in everyone]
            )
            self._set_options(self.source, [("(a URL)", "")] + [(a.name, a.id) for a in media])
        finally:
            self._refreshing = False
        self._fill_listing()

    @staticmethod
    def _set_options(dropdown: W.Dropdown, options: list) -> None:
        value = dropdown.value
        values = [v for _, v in options]
        set_options(
            dropdown, options, value if value in values else (values[0] if values else None)
        )

    def visible_claims(self) -> list:
        """The claim rows the filters let through (the filtering itself is the core's)."""
        speaker = self.speaker_filter.value
        rows = filter_claim_rows(
            self._all,
            status=self.status_filter.value or None,
            speaker=speaker if speaker and speaker != UNNAMED else None,
            outlet=self.outlet_filter.value or None,
            date_range=self.ctx.selection.date_range,
        )
        text = self.search.value.strip().casefold()
        return [
            r
            for r in rows
            if (speaker != UNNAMED or r.speaker is None) and (not text or text in r.text.casefold())
        ]

    def _fill_listing(self) -> None:
        if self._refreshing:
            return
        claims = self.visible_claims()
        wanted = self.ctx.selection.claim_id
        self._refreshing = True
        try:
            ids = {r.claim_id for r in claims}
            set_options(
                self.listing,
                [(claim_label(r), r.claim_id) for r in claims],
                wanted if wanted in ids else None,
            )
        finally:
            self._refreshing = False
        date_range = self.ctx.selection.date_range
        self.range_label.value = (
            f"<small>dates {escape(date_range[0])} to {escape(date_range[1])}</small>"
            if date_range
            else ""
        )
        self.clear_range.layout.display = "" if date_range else "none"
        self.count.value = f"<small>{len(claims)} of {len(self._rows)} claims</small>"
        self._show_details()

    def _show_details(self) -> None:
        claim = self._rows.get(self.listing.value) if self.listing.value else None
        for control in (
            self.status,
            self.status_button,
            self.speaker,
            self.speaker_button,
            self.source,
            self.link_button,
            self.text,
            self.kind,
            self.text_button,
        ):
            control.disabled = claim is None
        if claim is None:
            self.details.value = "<small>Select a claim.</small>"
            return
        self.status.value = claim.status
        self._show_drafts(claim)
        self.speaker.value = claim.speaker if claim.speaker in self._actors else UNNAMED
        self.details.value = self._details_html(claim)

    def _show_drafts(self, claim) -> None:
        """Fill the text, kind and note boxes for `claim`, keeping nothing typed for another.

        Typed but unsaved text stays while the same claim is redrawn (after another edit);
        when another claim is chosen the note boxes are emptied, and a text correction left
        unsaved is dropped and said so in the status line, so it is never silently lost.
        """
        shown = (str(self.case.path), claim.claim_id)
        typed = self.text.value.strip()
        if shown != self._shown:
            self.note.value = self.link_note.value = ""
            edited = self._shown is not None and typed != self._shown_text
            if edited:
                self.ctx.failed(
                    f"The unsaved text edit of claim {self._shown[1]} was discarded "
                    f"(now showing claim {claim.claim_id})."
                )
            self.text.value, self.kind.value = claim.text, claim.kind
        else:
            if typed in (self._shown_text, claim.text):  # no draft: follow the case
                self.text.value = claim.text
            if self.kind.value == self._shown_kind:
                self.kind.value = claim.kind
        self._shown, self._shown_text, self._shown_kind = shown, claim.text, claim.kind

    def _details_html(self, row) -> str:
        rows = [
            ("claim", row.text),
            ("speaker", row.speaker_label),
            ("speaker in text", row.speaker_text or "-"),
            ("through", " → ".join(row.channel_names) or "-"),
            ("kind", row.kind),
            ("status", row.status),
            ("article", f"{row.article_title} ({row.published or 'undated'})"),
        ]
        rows += [(k.relation.replace("_", " "), f"{k.label}  {k.note or ''}") for k in row.links]
        rows += [("note", note) for note in row.notes]
        body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in rows)
        flags = "".join(
            f'<span class="wb-flag">{escape(str(f).replace("_", " "))}</span>' for f in row.flags
        )
        return f'<table class="wb-table wb-claim-details">{body}</table>{flags}'

    def _picked(self, change) -> None:
        if self._refreshing:
            return
        if change["new"]:
            self.ctx.selection.claim_id = change["new"]
        self._show_details()

    def _selection_changed(self, change) -> None:
        if change["name"] == "date_range":
            self._fill_listing()
        elif change["new"] != self.listing.value and change["new"] in self._rows:
            if change["new"] not in [v for _, v in self.listing.options]:
                self.search.value = ""  # a claim chosen elsewhere must be visible here
                self.status_filter.value = self.speaker_filter.value = self.outlet_filter.value = ""
            self.listing.value = change["new"]

    # --- editing -----------------------------------------------------------------------------

    def set_status(self) -> None:
        claim_id, status, note = self.listing.value, self.status.value, self.note.value.strip()
        if not claim_id:
            return
        if self.run(
            lambda: self.case.set_claim_status(claim_id, status, note=note or None),
            f"Claim {claim_id} is now {status}",
        ):
            self.note.value = ""

    def set_speaker(self) -> None:
        claim_id = self.listing.value
        if not claim_id:
            return
        # the case API reads "" as "unnamed" (None would mean "leave as is")
        speaker = "" if self.speaker.value == UNNAMED else self.speaker.value
        actor = self._actors.get(speaker)
        name = actor.name if actor else (speaker or "unnamed")
        self.run(
            lambda: self.case.update_claim(claim_id, speaker=speaker),
            f"Claim {claim_id}: speaker {name}",
        )

    def save_text_and_kind(self) -> None:
        """Correct the selected claim's wording and kind (direct, indirect, mixed)."""
        row = self._rows.get(self.listing.value) if self.listing.value else None
        if row is None:
            return
        changes = {}
        text = self.text.value.strip()
        if text != row.text:
            changes["text"] = text  # an empty text is refused by the case, with a reason
        if self.kind.value != row.kind:
            changes["kind"] = self.kind.value
        if not changes:
            self.ctx.failed("The claim's text and kind are unchanged: nothing to save.")
            return
        what = " and ".join(changes)
        self.run(
            lambda: self.case.update_claim(row.claim_id, **changes),
            f"Claim {row.claim_id}: corrected its {what}",
        )

    def link_source(self) -> None:
        claim_id = self.listing.value
        source = self.source.value or self.url.value.strip()
        if not claim_id or not source:
            self.ctx.failed("Choose a claim and a source (an outlet or a URL) first.")
            return
        relation, note = self.relation.value, self.link_note.value.strip() or None
        shown = self._actors[source].name if source in self._actors else source
        if self.run(
            lambda: self.case.link_source(claim_id, source, relation=relation, note=note),
            f"Linked claim {claim_id} to {shown} ({relation.replace('_', ' ')})",
        ):
            self.url.value = self.link_note.value = ""
