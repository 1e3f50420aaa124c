"""A claim's source links, edited in place (change the relation, edit the note, remove),
and the passages of the claim's outlets' own articles proposed as sources (issue 13: an
Arabic SANA or Al-Akhbar article carrying an English claim), each linked with one click.

Both the Claims and the Sources panel show a `LinksEditor` for the selected claim; every
edit goes through the owning panel's `run`, with the link's version (`expected=`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from html import escape

import ipywidgets as W

from ..case.records import SourceLink
from ..errors import WorkbenchError
from ..model import SourceRelation
from .claims_rows import RELATION_WORDS, words_for
from .panel import Panel, button, set_options

log = logging.getLogger("workbench.views")

RELATIONS = [(words_for(RELATION_WORDS, r.value), r.value) for r in SourceRelation]
CONTEXT = 160  # characters of the article shown either side of a proposed passage


def links_html(links: Sequence[SourceLink], labels: Sequence[str]) -> str:
    """The links as a small table; every cell escaped (notes and URLs are typed text)."""
    if not links:
        return "<small><i>No source linked to this claim yet.</i></small>"
    body = "".join(
        f"<tr><td>{escape(words_for(RELATION_WORDS, link.relation.value))}</td>"
        f"<td dir='auto'>{escape(label)}</td><td dir='auto'>{escape(link.note or '')}</td></tr>"
        for link, label in zip(links, labels, strict=True)
    )
    return (
        '<table class="wb-table wb-claim-links"><thead><tr><th>relation</th><th>source</th>'
        f"<th>note</th></tr></thead><tbody>{body}</tbody></table>"
    )


class CheckingPanel(Panel):
    """A panel whose edits name the version they were made against (the Claims and the
    Sources panel): a refused stale edit says what the item is now and redraws it."""


class LinksEditor:
    """The selected claim's links: pick one, change its relation or note, or remove it."""

    def __init__(self, panel: CheckingPanel) -> None:
        self.panel = panel
        self._links: dict[str, SourceLink] = {}
        self._labels: dict[str, str] = {}
        self.table = W.HTML()
        self.choice = W.Dropdown(description="Link", layout=W.Layout(width="20em"))
        self.choice.add_class("wb-link-choice")
        self.relation = W.Dropdown(options=RELATIONS, layout=W.Layout(width="11em"))
        self.relation.add_class("wb-link-relation")
        self.note = W.Text(placeholder="its note", layout=W.Layout(width="12em"))
        self.note.add_class("wb-link-note")
        self.save_button = button("Save relation and note", tooltip="change the chosen link")
        self.save_button.add_class("wb-link-save")
        self.remove_button = button("Remove link", style="warning")
        self.remove_button.add_class("wb-link-remove")
        self.widget = W.VBox(
            [
                self.table,
                W.HBox([self.choice, self.relation]),
                W.HBox([self.note, self.save_button, self.remove_button]),
            ]
        )
        self.widget.add_class("wb-links-editor")
        self.choice.observe(panel.guard(lambda _c: self._fill()), names="value")
        self.save_button.on_click(panel.guard(lambda _b: self.save()))
        self.remove_button.on_click(panel.guard(lambda _b: self.remove()))

    def show(self, links: Sequence[SourceLink], labels: Sequence[str]) -> None:
        self._links = {k.id: k for k in links}
        self._labels = dict(zip(self._links, labels, strict=True))
        self.table.value = links_html(links, labels)
        options = [
            (f"{words_for(RELATION_WORDS, k.relation.value)} {label}", k.id)
            for k, label in zip(links, labels, strict=True)
        ]
        current = self.choice.value if self.choice.value in self._links else None
        set_options(self.choice, options, current or (options[0][1] if options else None))
        self._fill()
        for control in (self.choice, self.relation, self.note, self.save_button):
            control.disabled = not links
        self.remove_button.disabled = not links

    def _fill(self) -> None:
        link = self._links.get(self.choice.value or "")
        if link is not None:
            self.relation.value = link.relation.value
            self.note.value = link.note or ""

    def save(self) -> None:
        link = self._links.get(self.choice.value or "")
        if link is None:
            self.panel.ctx.failed("Choose a source link first.")
            return
        relation, note = self.relation.value, self.note.value.strip()
        if relation == link.relation.value and note == (link.note or ""):
            self.panel.ctx.told("The link's relation and note are unchanged: nothing to save.")
            return
        label = self._labels.get(link.id, link.source)
        self.panel.run(
            lambda: self.panel.case.update_link(
                link.id, relation=relation, note=note, expected=link.version
            ),
            f"Claim {link.claim_id}: the link to {label} now says "
            f"{words_for(RELATION_WORDS, relation)}" + (f", note {note!r}" if note else ""),
        )

    def remove(self) -> None:
        link = self._links.get(self.choice.value or "")
        if link is None:
            self.panel.ctx.failed("Choose a source link first.")
            return
        label = self._labels.get(link.id, link.source)
        self.panel.run(
            lambda: self.panel.case.unlink_source(link.id, expected=link.version),
            f"Removed the link of claim {link.claim_id} to {label} "
            f"({words_for(RELATION_WORDS, link.relation.value)})",
        )


def passage_html(article_text: str, start: int, end: int) -> str:
    """The passage marked inside a little of its article; all text escaped."""
    before = article_text[max(0, start - CONTEXT) : start]
    after = article_text[end : end + CONTEXT]
    lead = "…" if start > CONTEXT else ""
    tail = "…" if end + CONTEXT < len(article_text) else ""
    return (
        f'<div class="wb-passage" dir="auto">{lead}{escape(before)}'
        f"<mark>{escape(article_text[start:end])}</mark>{escape(after)}{tail}</div>"
    )


class ProposalsView:
    """Passages of the claim's outlets' own articles that may carry it, best first."""

    def __init__(self, panel: CheckingPanel, claim_id: Callable[[], str | None]) -> None:
        self.panel = panel
        self._claim_id = claim_id
        self.find_button = button(
            "Find its passages",
            tooltip="look for the claim in the articles of the outlets that carried it",
        )
        self.find_button.add_class("wb-propose")
        self.relation = W.Dropdown(
            description="link as", options=RELATIONS, layout=W.Layout(width="16em")
        )
        self.relation.add_class("wb-propose-relation")
        self.found = W.VBox()
        self.found.add_class("wb-proposals")
        self.widget = W.VBox([W.HBox([self.find_button, self.relation]), self.found])
        self.find_button.on_click(panel.guard(lambda _b: self.find()))

    def clear(self) -> None:
        self.found.children = ()

    def find(self) -> None:
        claim_id = self._claim_id()
        if not claim_id:
            self.panel.ctx.failed("Choose a claim first.")
            return
        try:
            proposals = self.panel.case.propose_sources(claim_id)
        except WorkbenchError as exc:
            self.panel.ctx.failed(str(exc))
            return
        snap = self.panel.snapshot
        articles = {a.id: a for a in snap.articles()}
        names = {a.id: a.name for a in snap.actors()}
        rows: list[W.Widget] = []
        for proposal in proposals:
            article = articles.get(proposal.article_id)
            if article is None:
                continue
            why = [names.get(a, a) for a in proposal.shared_actors]
            why += list(proposal.shared_places) + list(proposal.shared_numbers)
            why += list(proposal.shared_dates)
            head = (
                f"<b>{escape(names.get(proposal.outlet_id, proposal.outlet_id))}</b>, "
                f"{escape(article.title or article.id)}"
                + (f" · shares {escape(', '.join(why))}" if why else "")
            )
            info = W.HTML(
                f"<small>{head}</small>" + passage_html(article.text, proposal.start, proposal.end)
            )
            info.layout.width = "100%"
            link = button("Link this passage", style="info")
            link.add_class("wb-propose-link")
            link.on_click(
                self.panel.guard(lambda _b, p=proposal, t=article.title: self.accept(p, t))
            )
            rows.append(W.VBox([info, link]))
        if not rows:
            rows = [
                W.HTML(
                    "<small><i>No passage found: the case holds no article of this claim's "
                    "outlets that shares its actors, numbers, dates or places.</i></small>"
                )
            ]
        self.found.children = tuple(rows)

    def accept(self, proposal, title: str | None) -> None:
        relation = self.relation.value
        note = proposal.note()  # the passage, as `workbench case propose` writes it
        if self.panel.run(
            lambda: self.panel.case.link_source(
                proposal.claim_id, proposal.source, relation=relation, note=note
            ),
            f"Linked claim {proposal.claim_id} to the passage of {title or proposal.article_id} "
            f"({words_for(RELATION_WORDS, relation)})",
        ):
            self.clear()
