"""The outlets in the case: country, kind, state-run, the claims each carries; link from here."""

from __future__ import annotations

import ipywidgets as W

from ..analysis import source_rows
from ..model import SourceRelation
from .panel import TABLE_CSS, Panel, button, html_table, set_options
from .selection import Context


def _yes_no(value: bool | None) -> str:
    return "?" if value is None else ("yes" if value else "no")


class SourcesPanel(Panel):
    title = "Sources"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.table = W.HTML()
        self.source = W.Dropdown(description="Outlet", layout=W.Layout(width="22em"))
        self.claim = W.Dropdown(description="Claim", layout=W.Layout(width="40em"))
        self.relation = W.Dropdown(
            description="as",
            options=[r.value for r in SourceRelation],
            layout=W.Layout(width="17em"),
        )
        self.note = W.Text(placeholder="note (optional)")
        self.link_button = button("Link", style="info")
        self.widget = W.VBox(
            [
                W.HTML(TABLE_CSS),
                self.table,
                W.HTML("<b>Link a claim to an outlet</b>"),
                W.HBox([self.source, self.relation]),
                W.HBox([self.claim, self.note, self.link_button]),
            ]
        )
        self.widget.add_class("wb-sources-panel")
        self.link_button.on_click(self.guard(lambda _b: self.link()))
        ctx.selection.observe(self.guard(self._claim_selected), names="claim_id")

    def refresh(self) -> None:
        snap = self.snapshot
        rows = source_rows(snap)
        claims = {c.id: c for c in snap.claims()}
        self.table.value = (
            html_table(
                [
                    "outlet",
                    "country",
                    "kind",
                    "state-run",
                    "carries",
                    "corroborates",
                    "contradicts",
                ],
                [
                    [
                        r.name,
                        r.country or "?",
                        r.kind or "?",
                        _yes_no(r.state_run),
                        ", ".join(r.claims) or "-",
                        ", ".join(r.corroborates) or "-",
                        ", ".join(r.contradicts) or "-",
                    ]
                    for r in rows
                ],
            )
            if rows
            else "<i>No outlets in the case: retype an actor as media in the Actors tab.</i>"
        )
        self._refreshing = True
        try:
            current = self.source.value
            ids = [r.actor_id for r in rows]
            set_options(
                self.source,
                [(r.name, r.actor_id) for r in rows],
                current if current in ids else (ids[0] if ids else None),
            )
            live = [c for c in claims.values() if c.review.value != "rejected"]
            value = self.ctx.selection.claim_id or self.claim.value
            if not any(c.id == value for c in live):
                value = live[0].id if live else None
            set_options(self.claim, [(f"{c.id}: {c.text[:80]}", c.id) for c in live], value)
        finally:
            self._refreshing = False

    def _claim_selected(self, change) -> None:
        if change["new"] in [v for _, v in self.claim.options]:
            self.claim.value = change["new"]

    def link(self) -> None:
        claim_id, source = self.claim.value, self.source.value
        if not claim_id or not source:
            self.ctx.failed("Choose an outlet and a claim first.")
            return
        relation, note = self.relation.value, self.note.value.strip() or None
        name = dict((v, k) for k, v in self.source.options)[source]
        if self.run(
            lambda: self.case.link_source(claim_id, source, relation=relation, note=note),
            f"Linked claim {claim_id} to {name} ({relation.replace('_', ' ')})",
        ):
            self.note.value = ""
