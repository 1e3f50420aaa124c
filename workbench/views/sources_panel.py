"""The outlets in the case as a table (country, kind, state-run, the claims each carries,
corroborates or contradicts); link a claim to an outlet, and change or remove the links of
the selected claim (the same editor as the Claims tab's)."""

from __future__ import annotations

import dataclasses
from typing import Any

import ipywidgets as W

from ..analysis import SourceRow, source_rows
from ..analysis.sources import claim_outlets
from ..model import ActorType, ReviewStatus, SourceRelation
from .claims_links import RELATIONS, CheckingPanel, LinksEditor
from .claims_rows import RELATION_WORDS, short, words_for
from .claims_speaker import ClaimPicker
from .panel import TABLE_CSS, button, set_options
from .selection import Context
from .table import Column, Table, TableRow

COLUMNS = (
    Column("outlet", "outlet", width="14em"),
    Column("country", "country", choices=True, width="8em"),
    Column("kind", "kind", choices=True, width="8em"),
    Column("state", "state-run", choices=True, width="6em"),
    Column("carries", "carries", width="14em"),
    Column("corroborates", "corroborates", width="10em"),
    Column("contradicts", "contradicts", width="10em"),
)


# the relations a row shows (as "carries", "corroborates", "contradicts")
COUNTED = (SourceRelation.REPORTED_BY, SourceRelation.CORROBORATES, SourceRelation.CONTRADICTS)


def _yes_no(value: bool | None) -> str:
    return "?" if value is None else ("yes" if value else "no")


def _claims(ids: tuple[str, ...]) -> str:
    return ", ".join(ids) or "-"


class SourcesPanel(CheckingPanel):
    title = "Sources"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._names: dict[str, str] = {}
        self._labels: dict[str, tuple[str, str]] = {}  # claim id -> (its words, its label)
        # the outlets' rows last drawn, and from which read
        self._drawn_rows: list[SourceRow] = []
        self._rows_from: int | None = None
        # the claims a link may name (not rejected), and the read's list they came from
        self._every: object = None
        self._live: list = []
        self.table = Table(COLUMNS)
        self.table.add_class("wb-source-list")
        self.empty = W.HTML()
        self.source = W.Dropdown(description="Outlet", layout=W.Layout(width="22em"))
        # found by its words (a drop-down of every claim: 47,500 options at 5,000 articles)
        self.claim = ClaimPicker("Claim", css="wb-source-claim")
        self.relation = W.Dropdown(
            description="as", options=RELATIONS, layout=W.Layout(width="17em")
        )
        self.note = W.Text(placeholder="note (optional)")
        self.link_button = button("Link", style="info")
        self.links = LinksEditor(self)
        self.widget = W.VBox(
            [
                W.HTML(TABLE_CSS),
                self.empty,
                self.table,
                W.HTML("<b>Link a claim to an outlet</b>"),
                W.HBox([self.source, self.relation]),
                self.claim.find,
                W.HBox([self.claim.choice, self.note, self.link_button]),
                self.claim.hint,
                W.HTML("<b>The claim's source links</b>"),
                self.links.widget,
            ]
        )
        self.widget.add_class("wb-sources-panel")
        self.link_button.on_click(self.guard(lambda _b: self.link()))
        self.table.observe(self.guard(self._outlet_picked), names="selected")
        self.claim.observe(self.guard(self._claim_picked), names="value")
        ctx.selection.observe(self.guard(self._claim_selected), names="claim_id")

    def refresh(self) -> None:
        snap = self.snapshot
        kept = self._kept_rows(snap)
        same = kept is self._drawn_rows
        rows = kept if kept is not None else source_rows(snap)
        self._drawn_rows, self._rows_from = rows, snap.serial
        self._actors_drawn = {a.id: a for a in snap.actors()}
        self.empty.value = (
            ""
            if rows
            else "<i>No outlets in the case: retype an actor as media in the Actors tab.</i>"
        )
        if not same:
            self._draw(rows)
        self._names = {a.id: a.name for a in snap.actors()}
        self._refreshing = True
        try:
            current = self.source.value
            ids = [r.actor_id for r in rows]
            set_options(
                self.source,
                [(r.name, r.actor_id) for r in rows],
                current if current in ids else (ids[0] if ids else None),
            )
            every = snap.claims(include_rejected=True)
            if every is not self._every:  # the same list: the same claims
                self._every = every
                self._live = [c for c in every if c.review is not ReviewStatus.REJECTED]
            self.claim.set_claims(self._live, self._label)
            self.claim.show(self.ctx.selection.claim_id or self.claim.value)
        finally:
            self._refreshing = False
        self._show_links()

    def _draw(self, rows: list[SourceRow]) -> None:
        self.table.set_rows(
            TableRow(
                r.actor_id,
                {
                    "outlet": r.name,
                    "country": r.country or "?",
                    "kind": r.kind or "?",
                    "state": _yes_no(r.state_run),
                    "carries": _claims(r.claims),
                    "corroborates": _claims(r.corroborates),
                    "contradicts": _claims(r.contradicts),
                },
                order={"carries": len(r.claims)},
            )
            for r in rows
        )

    _actors_drawn: dict[str, Any] = {}

    def _kept_rows(self, snap) -> list[SourceRow] | None:
        """The outlets' rows last drawn, when they still hold: this read was carried from
        that one, no actor that is an outlet (before or after) changed its name, kind or
        status, and no claim changed or went that counts for another outlet or relation
        than it did (a status, a speaker; a person merged or renamed). The claims of an
        article added last are added to the rows they count for (they come last in the
        case's order). None: count them again."""
        if (
            self._rows_from is None
            or snap.carried_from != self._rows_from
            or snap.reread - {"notes", "events", "relations", "mentions"}
        ):
            return None
        shown = {r.actor_id: r for r in self._drawn_rows}
        actors = snap.changed.get("actors", frozenset())
        if actors:
            # an actor that is no outlet, before or after (a person merged, renamed), or an
            # outlet whose counts of mentions alone changed: no row changes but through
            # the claims it was said by, counted below
            now = {a.id: a for a in snap.actors()}
            media = {i for i, a in now.items() if a.type is ActorType.MEDIA}
            touched = {
                i
                for i in actors
                if _drawn_actor(now.get(i)) != _drawn_actor(self._actors_drawn.get(i))
            }
            if not touched.isdisjoint(shown.keys() | media):
                return None
        changed = snap.changed.get("claims", frozenset())
        # what each changed claim counted for when drawn: one pass over the rows (a merge
        # changes thousands of claims; an agency carries thousands)
        before: dict[str, set] = {i: set() for i in changed}
        for r in shown.values():
            for relation, ids in (
                (SourceRelation.REPORTED_BY, r.claims),
                (SourceRelation.CORROBORATES, r.corroborates),
                (SourceRelation.CONTRADICTS, r.contradicts),
            ):
                for claim_id in changed.intersection(ids):
                    before[claim_id].add((r.actor_id, relation))
        new = snap.added.get("claims", frozenset())
        adds: dict[str, list] = {}
        for claim_id, counts in claim_outlets(snap, changed).items():
            now_counted = {(a, k) for a, k in counts if a in shown and k in COUNTED}
            if before[claim_id] == now_counted:
                continue
            if claim_id not in new or not self._added_last(snap):
                return None
            adds[claim_id] = list(now_counted)
        if not adds:
            return self._drawn_rows
        added: dict[tuple[str, SourceRelation], list[str]] = {}
        for claim in snap.claims(include_rejected=True):  # the case's order
            for pair in adds.get(claim.id, ()):
                added.setdefault(pair, []).append(claim.id)
        return [
            dataclasses.replace(
                r,
                claims=r.claims + tuple(added.get((r.actor_id, SourceRelation.REPORTED_BY), ())),
                corroborates=r.corroborates
                + tuple(added.get((r.actor_id, SourceRelation.CORROBORATES), ())),
                contradicts=r.contradicts
                + tuple(added.get((r.actor_id, SourceRelation.CONTRADICTS), ())),
            )
            for r in self._drawn_rows
        ]

    @staticmethod
    def _added_last(snap) -> bool:
        """Whether the articles this read added are the last of the case (their claims
        come after every other)."""
        added = snap.added.get("articles", frozenset())
        articles = snap.articles()
        return bool(added) and {a.id for a in articles[len(articles) - len(added) :]} == added

    def _label(self, claim) -> str:
        """The claim's choice label, made again only for a claim read again: shortening
        47,000 claims' words took most of a redraw at 5,000 articles."""
        kept = self._labels.get(claim.id)
        if kept is not None and kept[0] == claim.text:
            return kept[1]
        label = f"{claim.id}: {short(claim.text, 80)}"
        self._labels[claim.id] = (claim.text, label)
        return label

    def _show_links(self) -> None:
        claim_id = self.claim.value
        links = [k for k in self.snapshot.links() if k.claim_id == claim_id] if claim_id else []
        labels = [self._names.get(k.actor_id or "", "") or k.url or "" for k in links]
        self.links.show(links, labels)

    def _outlet_picked(self, _change) -> None:
        if self.table.current in [v for _, v in self.source.options]:
            self.source.value = self.table.current

    def _claim_picked(self, change) -> None:
        if self._refreshing:
            return
        self._show_links()

    def _claim_selected(self, change) -> None:
        if change["new"] and self.claim.knows(change["new"]):
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
            f"Linked claim {claim_id} to {name} ({words_for(RELATION_WORDS, relation)})",
        ):
            self.note.value = ""


def _drawn_actor(actor) -> tuple | None:
    """What the outlets' rows read of an actor (not its counts of mentions)."""
    if actor is None:
        return None
    return (actor.name, actor.type, actor.status, actor.aliases)
