"""Check the claims: a sortable, filterable table (status, speaker, words, outlets, article,
kind, flags, links) and, for the claim chosen in it, every correction a person makes:
accept, reject, restore; speaker (any actor, a new one, or unnamed with a description);
the chain of outlets; kind and wording; split in two, merge two; verification status with
a note; source links (add, change, remove) and passages of the outlets' own articles
proposed as sources.

Every edit names the version of the claim (or link) the person was looking at; if someone
else changed it since (another tab, the CLI), the case refuses it, the status line says
what the claim is now, and the row is drawn again from the case.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W

from ..model import ActorType, ClaimKind, ClaimStatus
from .claims_actions import NEW_ACTOR, UNNAMED, ClaimEdits
from .claims_chain import ChainEditor
from .claims_links import RELATIONS, CheckingPanel, LinksEditor, ProposalsView
from .claims_rows import (
    COLUMNS,
    KIND_WORDS,
    RELATION_WORDS,
    STATUS_WORDS,
    ClaimEntry,
    claim_entries,
    split_points,
    words_for,
)
from .claims_speaker import ActorPicker
from .panel import TABLE_CSS, button, set_options
from .selection import Context
from .table import Table, TableRow
from .ticks import SeenTicks

CSS = """<style>
.wb-claims-panel .wb-section { border: 1px solid #e3e3e3; border-radius: 4px; padding: 4px 8px;
  margin: 4px 4px 0 0; }
.wb-claims-panel .wb-section-title { font-weight: bold; font-size: 13px; margin-bottom: 2px; }
.wb-passage { font-size: 13px; border-left: 3px solid #9bc; padding: 2px 6px; margin: 2px 0 6px;
  unicode-bidi: plaintext; }
.wb-passage mark { background: #fff1a8; }
</style>"""


def section(title: str, *children: W.Widget, css: str = "") -> W.VBox:
    box = W.VBox([W.HTML(f'<div class="wb-section-title">{escape(title)}</div>'), *children])
    box.add_class("wb-section")
    if css:
        box.add_class(css)
    return box


class ClaimsPanel(ClaimEdits, CheckingPanel):
    title = "Claims"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._actors: dict = {}  # the actors a claim may name (not rejected), by id
        self._actors_of: object = None  # the read's list they were taken from
        self._entries: dict[str, ClaimEntry] = {}
        # the version of each ticked claim as the person saw it: the bulk actions' versions
        self.seen_ticks = SeenTicks()
        # each claim's row as last drawn, with the entry it was made from: a whole redraw
        # (another filter, a read not carried) makes again only the rows whose claim (or
        # its links, names, flags) changed; an edit's redraw looks only at the claims it
        # touched (`_touched`)
        self._rows: dict[str, tuple[ClaimEntry, TableRow]] = {}
        # what the table was last drawn from: the read's number and the filters, and each
        # claim's links and notes then, to tell which claims an edit touched
        self._drawn: tuple[int, bool] | None = None
        self._links_of: dict[str, tuple] = {}
        self._notes_of: dict[str, tuple] = {}
        self.last_touched: set[str] | None = None
        self._article_texts: dict[str, str] = {}
        # the claim whose text and kind the boxes were filled with: (case file, claim id)
        self._shown: tuple[str, str] | None = None
        self._shown_text = self._shown_kind = ""

        self.table = Table(COLUMNS, multiple=True)
        self.table.add_class("wb-claim-list")
        self.show_rejected = W.Checkbox(description="show rejected", indent=False)
        self.show_rejected.layout.width = "10em"
        self.show_rejected.add_class("wb-show-rejected")
        self.range_label = W.HTML()
        self.clear_range = button("Clear dates")
        self.count = W.HTML()
        self.details = W.HTML()
        self.details.add_class("wb-claim-details-box")
        self.details.layout.width = "100%"

        # review: accept, reject, restore, undo; merge the two ticked, split this one
        self.accept_button = button("Accept", style="success", tooltip="the claim is right")
        self.accept_button.add_class("wb-claim-accept")
        self.reject_button = button("Reject", style="danger", tooltip="not a claim: hide it")
        self.reject_button.add_class("wb-claim-reject")
        self.restore_button = button("Restore", tooltip="bring a rejected claim back")
        self.restore_button.add_class("wb-claim-restore")
        self.undo_button = button("Undo last edit", tooltip="revert the last change you made")
        self.undo_button.add_class("wb-claim-undo")
        self.merge_button = button(
            "Merge the two ticked", tooltip="tick two claims of one article in the table"
        )
        self.merge_button.add_class("wb-merge-claims")
        self.split_at = W.Dropdown(description="Cut", layout=W.Layout(width="22em"))
        self.split_at.add_class("wb-split-at")
        self.split_button = button("Split here", tooltip="cut the claim in two before this word")
        self.split_button.add_class("wb-split-claim")

        # the ticked rows at once: accept, reject, set a status (each one undoable action)
        self.ticked_count = W.HTML()
        self.ticked_count.add_class("wb-ticked-count")
        self.bulk_accept = button("Accept ticked", style="success", tooltip="all ticked are right")
        self.bulk_accept.add_class("wb-bulk-accept")
        self.bulk_reject = button("Reject ticked", style="danger", tooltip="none ticked is a claim")
        self.bulk_reject.add_class("wb-bulk-reject")
        self.bulk_status = W.Dropdown(
            options=[(words_for(STATUS_WORDS, s.value), s.value) for s in ClaimStatus],
            layout=W.Layout(width="11em"),
        )
        self.bulk_status.add_class("wb-bulk-status")
        self.bulk_status_button = button("Set status of ticked", tooltip="one status for all")
        self.bulk_status_button.add_class("wb-bulk-set-status")
        bulk = W.HBox(
            [
                self.ticked_count,
                self.bulk_accept,
                self.bulk_reject,
                self.bulk_status,
                self.bulk_status_button,
            ],
            layout=W.Layout(flex_flow="row wrap", align_items="center"),
        )
        bulk.add_class("wb-claims-bulk")

        # verification
        self.status = W.Dropdown(
            description="Status",
            options=[(words_for(STATUS_WORDS, s.value), s.value) for s in ClaimStatus],
            layout=W.Layout(width="17em"),
        )
        self.status.add_class("wb-claim-status")
        self.note = W.Textarea(
            placeholder="a note with the status: what you checked, where",
            layout=W.Layout(width="100%", height="3.5em"),
        )
        self.note.add_class("wb-claim-note")
        self.status_button = button("Set status", style="primary")
        self.status_button.add_class("wb-set-status")

        # speaker: a find box over a short list (not every actor: thousands, re-sent at
        # each actor edit), the claim's own speaker always in it
        self.speaker = ActorPicker(
            "Speaker",
            [("unnamed source", UNNAMED), ("a new actor…", NEW_ACTOR)],
            css="wb-claim-speaker",
        )
        self.new_name = W.Text(placeholder="new actor's name", layout=W.Layout(width="13em"))
        self.new_name.add_class("wb-new-speaker-name")
        self.new_type = W.Dropdown(
            options=[t.value for t in ActorType], value="person", layout=W.Layout(width="9em")
        )
        self.new_type.add_class("wb-new-speaker-type")
        self.speaker_text = W.Text(
            placeholder="who, in the article's words (a Syrian political source)",
            layout=W.Layout(width="22em"),
        )
        self.speaker_text.add_class("wb-speaker-text")
        self.speaker_button = button("Set speaker")
        self.speaker_button.add_class("wb-set-speaker")

        # wording and kind
        self.text = W.Textarea(layout=W.Layout(width="100%", height="4.5em"))
        self.text.add_class("wb-claim-text")
        self.kind = W.Dropdown(
            description="Kind",
            options=[(words_for(KIND_WORDS, k.value), k.value) for k in ClaimKind],
            layout=W.Layout(width="15em"),
        )
        self.kind.add_class("wb-claim-kind")
        self.kind_button = button("Set kind")
        self.kind_button.add_class("wb-set-kind")
        self.text_button = button("Save text and kind", tooltip="correct the claim's wording")
        self.text_button.add_class("wb-save-claim")

        # sources: a new link, the links, the proposed passages
        self.source = W.Dropdown(description="Source", layout=W.Layout(width="19em"))
        self.source.add_class("wb-claim-source")
        self.url = W.Text(placeholder="or a web address", layout=W.Layout(width="12em"))
        self.url.add_class("wb-claim-url")
        self.relation = W.Dropdown(
            description="as", options=RELATIONS, layout=W.Layout(width="14em")
        )
        self.relation.add_class("wb-claim-relation")
        self.link_note = W.Text(placeholder="note (optional)", layout=W.Layout(width="10em"))
        self.link_button = button("Link source", style="info")
        self.link_button.add_class("wb-link")
        self.links = LinksEditor(self)
        self.proposals = ProposalsView(self, lambda: self.current)
        self.chain = ChainEditor(self, self.set_chain)

        review = W.HBox(
            [self.accept_button, self.reject_button, self.restore_button, self.undo_button]
        )
        # three columns side by side on a wide screen, one under another in a narrow window
        column = {"flex": "1 1 30%", "min_width": "27em", "margin": "0 4px 0 0"}
        first = W.VBox(
            [
                review,
                self.details,
                section(
                    "Verification",
                    W.HBox([self.status, self.status_button]),
                    self.note,
                    css="wb-verification",
                ),
            ],
            layout=W.Layout(**column),
        )
        second = W.VBox(
            [
                section(
                    "Who said it",
                    self.speaker.find,
                    W.HBox([self.speaker.choice, self.speaker_button]),
                    self.speaker.hint,
                    W.HBox([self.new_name, self.new_type]),
                    self.speaker_text,
                ),
                section("Through which outlets", self.chain.widget),
                section(
                    "Words and kind",
                    self.text,
                    W.HBox([self.kind, self.kind_button, self.text_button]),
                ),
                section(
                    "Split or merge", W.HBox([self.split_at, self.split_button]), self.merge_button
                ),
            ],
            layout=W.Layout(**column),
        )
        third = W.VBox(
            [
                section(
                    "Sources",
                    self.links.widget,
                    W.HTML('<div class="wb-section-title">Link another</div>'),
                    W.HBox([self.source, self.url]),
                    W.HBox([self.relation, self.link_note, self.link_button]),
                    css="wb-claim-sources",
                ),
                section("Passages of its outlets' own articles", self.proposals.widget),
            ],
            layout=W.Layout(**column),
        )
        self.widget = W.VBox(
            [
                W.HTML(TABLE_CSS + CSS),
                W.HBox([self.show_rejected, self.range_label, self.clear_range, self.count]),
                self.table,
                bulk,
                W.HBox([first, second, third], layout=W.Layout(flex_flow="row wrap")),
            ]
        )
        self.widget.add_class("wb-claims-panel")
        self.show_rejected.observe(self.guard(lambda _c: self.refresh()), names="value")
        self.table.observe(self.guard(self._picked), names="selected")
        self.speaker.observe(self.guard(lambda _c: self._speaker_boxes()), names="value")
        self.clear_range.on_click(
            self.guard(lambda _b: setattr(self.ctx.selection, "date_range", None))
        )
        self.accept_button.on_click(self.guard(lambda _b: self.accept()))
        self.reject_button.on_click(self.guard(lambda _b: self.reject()))
        self.restore_button.on_click(self.guard(lambda _b: self.restore()))
        self.undo_button.on_click(self.guard(lambda _b: self.undo()))
        self.merge_button.on_click(self.guard(lambda _b: self.merge()))
        self.bulk_accept.on_click(self.guard(lambda _b: self.update_ticked(review="confirmed")))
        self.bulk_reject.on_click(self.guard(lambda _b: self.update_ticked(review="rejected")))
        self.bulk_status_button.on_click(
            self.guard(lambda _b: self.update_ticked(status=self.bulk_status.value))
        )
        self.split_button.on_click(self.guard(lambda _b: self.split()))
        self.status_button.on_click(self.guard(lambda _b: self.set_status()))
        self.speaker_button.on_click(self.guard(lambda _b: self.set_speaker()))
        self.kind_button.on_click(self.guard(lambda _b: self.set_kind()))
        self.link_button.on_click(self.guard(lambda _b: self.link_source()))
        self.text_button.on_click(self.guard(lambda _b: self.save_text_and_kind()))
        ctx.selection.observe(self.guard(self._selection_changed), names=["claim_id", "date_range"])

    # --- reading -----------------------------------------------------------------------------

    @property
    def current(self) -> str | None:
        """The claim being edited: the row last clicked."""
        return self.table.current

    def entry(self, claim_id: str | None = None) -> ClaimEntry | None:
        return self._entries.get(claim_id or self.current or "")

    def choose(self, claim_id: str) -> None:
        """Select one claim, as a click on its row does (showing it if a filter hid it)."""
        self.table.show_row(claim_id)
        self.table.select([claim_id])

    def ticked(self) -> list[str]:
        """The ticked claims the table holds, in the table's order."""
        return [i for i in self.table.selected if i in self._entries]

    def visible_claims(self) -> list[str]:
        """The ids of the claims the table shows, in its order (every page)."""
        return self.table.shown_ids()

    def refresh(self) -> None:
        snap = self.snapshot
        if self._actors_of is not snap.actors():  # the same list: the same actors
            self._actors_of = snap.actors()
            self._actors = {a.id: a for a in self._actors_of if a.status.value != "rejected"}
        self._article_texts = {a.id: a.text for a in snap.articles()}
        date_range = self.ctx.selection.date_range
        touched = self._touched(snap, date_range)
        entries = claim_entries(
            snap,
            include_rejected=self.show_rejected.value,
            date_range=date_range,
            only=touched,
        )
        if touched is not None and not self._in_place(touched, entries):
            touched = None  # a claim came into the table: drawn whole, in the case's order
            entries = claim_entries(
                snap, include_rejected=self.show_rejected.value, date_range=date_range
            )
        if touched is None:
            self._entries = {e.id: e for e in entries}
            # the claims-by-actor index made with this whole draw (a third of a second at
            # 5,000 articles), not at the first actor edit; carried from read to read after
            snap.claims_naming(())
        else:
            # in place: the entries keep the case's order
            for claim_id in touched - {e.id for e in entries}:
                self._entries.pop(claim_id, None)
            self._entries.update((e.id, e) for e in entries)
        self._remember(snap, date_range)
        self._note_ticks(looked=not self.ctx.elsewhere)
        self.last_touched = touched  # what the last redraw made again (None: everything)
        media = sorted(
            (a for a in self._actors.values() if a.type.value == "media"),
            key=lambda a: a.name.casefold(),
        )
        self._refreshing = True
        try:
            if touched is None:
                self.table.set_rows([self._row(e) for e in entries])
            else:
                self.table.remove_rows(touched - {e.id for e in entries})
                self.table.update_rows([self._row(e) for e in entries])
            wanted = self.ctx.selection.claim_id
            if wanted in self._entries and self.current != wanted:
                self.table.show_row(wanted)
                self.table.select([wanted])
            self.speaker.set_actors(self._actors)
            self.chain.outlet.set_actors(self._actors)
            self._set_options(
                self.source, [("(a web address)", "")] + [(a.name, a.id) for a in media]
            )
        finally:
            self._refreshing = False
        self.range_label.value = (
            f"<small>dates {escape(date_range[0])} to {escape(date_range[1])}</small>"
            if date_range
            else ""
        )
        self.clear_range.layout.display = "" if date_range else "none"
        # without "show rejected" the table holds none: no need to count 20,000 entries
        shown = self._entries.values() if self.show_rejected.value else ()
        rejected = sum(e.rejected for e in shown)
        # the table counts its rows; this says how many of them are rejected ones
        self.count.value = f"<small>({rejected} rejected among them)</small>" if rejected else ""
        self._show_details()

    def _touched(self, snap, date_range) -> set[str] | None:
        """The claims whose row an edit may have changed, when the table was drawn from
        the read this one was carried from (`CaseSnapshot.carry`); None: draw it whole.

        A claim's row and flags come from its record, its links, its notes, the actors it
        names (speaker, outlets, linked sources) and its article; an actor edited in place
        touches the claims naming it, and those linked to a web address (a page of an
        outlet's site counts for that outlet); an article changed, its claims. A merge
        changes the merged actor's claims (their speaker), which come in `changed`."""
        drawn = self._drawn
        if (
            drawn is None
            or snap.carried_from != drawn[0]
            or drawn[1] != self.show_rejected.value
            or date_range is not None
            or snap.reread - {"links", "notes", "events", "relations", "mentions"}
        ):
            return None
        touched = set(snap.changed.get("claims", ()))
        if "links" in snap.reread:
            links = _grouped(snap.links())
            touched |= {
                i
                for i in links.keys() | self._links_of.keys()
                if links.get(i) != self._links_of.get(i)
            }
        if "notes" in snap.reread:
            notes = _grouped(snap.notes(), key="target_id")
            touched |= {
                i
                for i in notes.keys() | self._notes_of.keys()
                if notes.get(i) != self._notes_of.get(i)
            }
        articles = snap.changed.get("articles", frozenset())
        if articles:  # an article's title or date: its claims' rows
            touched |= snap.claims_of_articles(articles)
        actors = snap.changed.get("actors", frozenset())
        if actors:
            # what a claim's row reads of an actor; an added article changes the counts of
            # the actors it names, not their claims' rows
            now = {a.id: a for a in snap.actors()}
            was = self._actors_drawn
            actors = frozenset(
                i for i in actors if _drawn_actor(now.get(i)) != _drawn_actor(was.get(i))
            )
        if actors:
            # the claims linked to one of them or to a web address (links are few: a web
            # address is an outlet's by its names and aliases), then those naming one
            # whose name or status changed (a merge adds the merged names to the actor
            # kept: the rows of its 3,500 claims stay as they were)
            linked = {
                claim_id
                for claim_id, own in _grouped(snap.links()).items()
                if any(k.actor_id in actors or not k.actor_id for k in own)
            }
            touched |= linked
            named = [i for i in actors if _named_as(now.get(i)) != _named_as(was.get(i))]
            touched |= snap.claims_naming(named)  # an index kept with the read
        return touched

    def _in_place(self, touched: set[str], entries: list[ClaimEntry]) -> bool:
        """Whether the touched claims' rows can be replaced where they are, and the new
        ones added after them: a new claim is one of an article added last (an article's
        claims come after those of the articles added before it)."""
        new = [e for e in entries if e.id not in self._entries]
        if not new:
            return True
        snap = self.snapshot
        added = snap.added.get("articles", frozenset())
        articles = snap.articles()
        last = {a.id for a in articles[len(articles) - len(added) :]} if added else set()
        return last == added and all(e.claim.article_id in added for e in new)

    _actors_drawn: dict[str, Any] = {}

    def _remember(self, snap, date_range) -> None:
        self._actors_drawn = {a.id: a for a in snap.actors()}
        self._drawn = None if date_range is not None else (snap.serial, self.show_rejected.value)
        self._links_of = _grouped(snap.links())
        self._notes_of = _grouped(snap.notes(), key="target_id")

    def _row(self, entry: ClaimEntry) -> TableRow:
        drawn = self._rows.get(entry.id)
        if drawn is not None and drawn[0] == entry:
            return drawn[1]
        row = entry.row()
        self._rows[entry.id] = (entry, row)
        return row

    @staticmethod
    def _set_options(dropdown: W.Dropdown, options: list) -> None:
        value = dropdown.value
        values = [v for _, v in options]
        set_options(
            dropdown, options, value if value in values else (values[0] if values else None)
        )

    def _show_details(self) -> None:
        entry = self.entry()
        none = entry is None
        for control in (
            self.status,
            self.status_button,
            self.speaker,
            self.speaker_button,
            self.source,
            self.link_button,
            self.text,
            self.kind,
            self.kind_button,
            self.text_button,
            self.accept_button,
            self.reject_button,
            self.split_at,
            self.split_button,
            self.proposals.find_button,
        ):
            control.disabled = none
        ticked = len(self.ticked())
        self.merge_button.disabled = ticked != 2
        for control in (self.bulk_accept, self.bulk_reject, self.bulk_status_button):
            control.disabled = not ticked
        self.ticked_count.value = (
            f"<b>{ticked} ticked:</b>"
            if ticked
            else "<small>Tick claims to act on several:</small>"
        )
        self.restore_button.layout.display = "" if entry is not None and entry.rejected else "none"
        self.reject_button.layout.display = "none" if entry is not None and entry.rejected else ""
        self.accept_button.layout.display = self.reject_button.layout.display
        names = {a.id: a.name for a in self.snapshot.actors()}
        self.chain.show(entry.claim if entry else None, names)
        if entry is None:
            self.details.value = "<small>Click a claim in the table.</small>"
            self.links.show((), ())
            self.proposals.clear()
            return
        claim = entry.claim
        self.status.value = claim.status.value
        self._show_drafts(entry)
        self.speaker.show(claim.speaker if claim.speaker in self._actors else UNNAMED)
        self.speaker_text.value = "" if claim.speaker else (claim.speaker_text or "")
        self._speaker_boxes()
        text = self._article_texts.get(claim.article_id, "")
        points = split_points(text, claim.start, claim.end)
        set_options(self.split_at, points, points[len(points) // 2][1] if points else None)
        self.split_button.disabled = not points
        self.links.show(entry.links, entry.link_labels)
        self.details.value = self._details_html(entry)

    def _speaker_boxes(self) -> None:
        new = self.speaker.value == NEW_ACTOR
        self.new_name.layout.display = self.new_type.layout.display = "" if new else "none"
        self.speaker_text.layout.display = "" if self.speaker.value == UNNAMED else "none"

    def _show_drafts(self, entry: ClaimEntry) -> None:
        """Fill the text, kind and note boxes for `entry`, keeping nothing typed for another.

        Typed but unsaved text stays while the same claim is redrawn (after another edit);
        when another claim is chosen the note boxes are emptied, and a text correction left
        unsaved is dropped and said so in the status line, so it is never silently lost.
        """
        claim = entry.claim
        shown = (str(self.case.path), claim.id)
        typed = self.text.value.strip()
        if shown != self._shown:
            self.note.value = self.link_note.value = ""
            self.proposals.clear()
            edited = self._shown is not None and typed != self._shown_text
            if edited:
                self.ctx.failed(
                    f"The unsaved text edit of claim {self._shown[1]} was discarded "
                    f"(now showing claim {claim.id})."
                )
            self.text.value, self.kind.value = claim.text, claim.kind.value
        else:
            if typed in (self._shown_text, claim.text):  # no draft: follow the case
                self.text.value = claim.text
            if self.kind.value == self._shown_kind:
                self.kind.value = claim.kind.value
        self._shown, self._shown_text, self._shown_kind = shown, claim.text, claim.kind.value

    def _details_html(self, entry: ClaimEntry) -> str:
        claim = entry.claim
        rows = [
            ("claim", f"{claim.id}: {claim.text}"),
            ("speaker", entry.speaker),
            ("speaker in text", claim.speaker_text or "-"),
            ("through", entry.outlets() if claim.channels else "-"),
            ("kind", words_for(KIND_WORDS, claim.kind.value)),
            ("status", entry.status_words()),
            ("article", f"{entry.article} ({entry.published or 'undated'})"),
        ]
        rows += [
            (words_for(RELATION_WORDS, k.relation.value), f"{label}  {k.note or ''}")
            for k, label in zip(entry.links, entry.link_labels, strict=True)
        ]
        rows += [("note", note) for note in entry.notes]
        body = "".join(
            f"<tr><th>{escape(k)}</th><td dir='auto'>{escape(str(v))}</td></tr>" for k, v in rows
        )
        flags = "".join(
            f'<span class="wb-flag">{escape(f)}</span>'
            for f in entry.row().cells["flags"].split(", ")
            if f
        )
        return f'<table class="wb-table wb-claim-details">{body}</table>{flags}'

    def _note_ticks(self, *, looked: bool = False) -> None:
        self.seen_ticks.note(self.ticked(), self._version, looked=looked)

    def _version(self, claim_id: str) -> int:
        return self._entries[claim_id].claim.version

    def _picked(self, change) -> None:
        self._note_ticks()
        if self._refreshing:
            return
        current = self.current
        if current and current != self.ctx.selection.claim_id:
            self.ctx.selection.claim_id = current
        self._show_details()

    def _selection_changed(self, change) -> None:
        if change["name"] == "date_range":
            self.refresh()
        elif change["new"] and change["new"] != self.current and change["new"] in self._entries:
            self.choose(change["new"])


def _grouped(records, key: str = "claim_id") -> dict[str, tuple]:
    found: dict[str, list] = {}
    for record in records:
        found.setdefault(getattr(record, key), []).append(record)
    return {k: tuple(v) for k, v in found.items()}


__all__ = ["ClaimsPanel", "NEW_ACTOR", "UNNAMED"]


def _drawn_actor(actor) -> tuple | None:
    """What the claims' rows and flags read of an actor (not its counts of mentions)."""
    if actor is None:
        return None
    return (actor.name, actor.type, actor.status, actor.aliases, actor.roles)


def _named_as(actor) -> tuple | None:
    """What the row and flags of a claim naming an actor (speaker, outlet) read of it: its
    name, and whether it was rejected (corroboration counts an outlet by its name)."""
    if actor is None:
        return None
    return (actor.name, actor.status)
