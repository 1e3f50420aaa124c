"""The dated events of the case as a table: fix a date, its precision or range, what
happened, the claim that reports it; confirm or reject it. A missed event is added from the
Article panel, by selecting the words of its date.

Every edit names the version of the event the person was looking at (`expected=`): an
event changed meanwhile in another tab or the CLI is refused with its current value, and
the table is read again.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W

from ..model import ReviewStatus
from .article_selection import short
from .panel import Panel, button, set_options
from .selection import Context
from .table import Column, Table, TableRow

REVIEW_WORDS = {
    "extracted": "found by the machine",
    "confirmed": "confirmed",
    "rejected": "rejected",
}
PRECISION_WORDS = {
    "day": "day",
    "month": "month",
    "year": "year",
    "approximate": "approximate (a range)",
}
NO_CLAIM = ""
COLUMNS = (
    Column("date", "date", width="13em"),
    Column("precision", "precision", choices=True, width="8em"),
    Column("words", "words in the text", width="10em"),
    Column("summary", "what happened", width="18em"),
    Column("actors", "actors", width="12em"),
    Column("article", "article", choices=True, width="12em"),
    Column("claim", "claim", width="14em"),
    Column("status", "status", choices=True, width="11em"),
)


def date_label(event) -> str:
    """The date as written at its precision; a range as its two ends."""
    if event.date_end is not None:
        return f"{event.date.isoformat()} to {event.date_end.isoformat()}"
    return event.date.isoformat()


def event_row(event, *, actors: dict, articles: dict, claims: dict) -> TableRow:
    claim = claims.get(event.claim) if event.claim else None
    names = [actors[a].name for a in event.actors if a in actors]
    article = articles.get(event.article_id)
    return TableRow(
        event.id,
        {
            "date": date_label(event),
            "precision": PRECISION_WORDS.get(event.precision.value, event.precision.value),
            "words": event.date_text,
            "summary": event.summary,
            "actors": ", ".join(names),
            "article": (article.title or article.id) if article else event.article_id,
            "claim": f"{claim.id}: {short(claim.text, 60)}" if claim else "",
            "status": REVIEW_WORDS.get(event.review.value, event.review.value),
        },
        order={"date": (event.date.first, (event.date_end or event.date).last)},
        facets={"actors": names},
        muted=event.review is ReviewStatus.REJECTED,
    )


class EventsPanel(Panel):
    title = "Events"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._events: dict = {}
        self._claims: dict = {}
        self.table = Table(COLUMNS)
        self.table.model.set_sort("date")  # the story in order; a header click re-sorts
        self.table.add_class("wb-events-table")
        self.show_rejected = W.Checkbox(description="show rejected", indent=False)
        self.count = W.HTML()
        self.date = W.Text(description="Date", placeholder="2016-10-17, 2016-10, 2016")
        self.date.add_class("wb-event-date")
        self.precision = W.Dropdown(
            description="Precision",
            options=[(words, value) for value, words in PRECISION_WORDS.items()],
            layout=W.Layout(width="20em"),
        )
        self.precision.add_class("wb-event-precision")
        self.date_end = W.Text(description="Until", placeholder="end of a range")
        self.date_end.add_class("wb-event-until")
        self.summary = W.Text(description="What", layout=W.Layout(width="40em"))
        self.summary.add_class("wb-event-summary")
        self.claim = W.Dropdown(description="Claim", layout=W.Layout(width="40em"))
        self.claim.add_class("wb-event-claim")
        self.save_button = button("Save changes", style="primary")
        self.save_button.add_class("wb-event-save")
        self.confirm_button = button("Confirm", style="success", tooltip="the event is right")
        self.confirm_button.add_class("wb-event-confirm")
        self.reject_button = button("Reject", style="danger", tooltip="not an event of the story")
        self.reject_button.add_class("wb-event-reject")
        self.details = W.HTML()
        editor = W.VBox(
            [
                self.details,
                W.HBox([self.date, self.precision, self.date_end]),
                self.summary,
                self.claim,
                W.HBox([self.save_button, self.confirm_button, self.reject_button]),
            ]
        )
        self.editor = editor
        self.widget = W.VBox(
            [
                W.HBox([self.show_rejected, self.count]),
                self.table,
                W.HTML(
                    "<small>A missed event: select the words of its date in the Article "
                    "panel, then <b>Add event</b>.</small>"
                ),
                editor,
            ]
        )
        self.widget.add_class("wb-events-panel")
        self.show_rejected.observe(self.guard(lambda _c: self.refresh()), names="value")
        self.table.observe(self.guard(self._picked), names="selected")
        self.save_button.on_click(self.guard(lambda _b: self.save()))
        self.confirm_button.on_click(self.guard(lambda _b: self.set_review("confirmed")))
        self.reject_button.on_click(self.guard(lambda _b: self.set_review("rejected")))

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        snap = self.snapshot
        everything = list(snap.events())
        self._events = {e.id: e for e in everything}
        self._claims = {c.id: c for c in snap.claims()}
        actors = {a.id: a for a in snap.actors()}
        articles = {a.id: a for a in snap.articles()}
        shown = [
            e
            for e in everything
            if self.show_rejected.value or e.review is not ReviewStatus.REJECTED
        ]
        self.table.set_rows(
            event_row(e, actors=actors, articles=articles, claims=self._claims) for e in shown
        )
        hidden = len(everything) - len(shown)
        self.count.value = (
            f"<small>{len(shown)} events"
            + (f", {hidden} rejected hidden" if hidden else "")
            + "</small>"
        )
        self._show_editor()

    def current(self):
        row_id = self.table.current
        return self._events.get(row_id) if row_id else None

    def _picked(self, _change) -> None:
        event = self.current()
        if event is not None and self.ctx.selection.article_id != event.article_id:
            self.ctx.selection.article_id = event.article_id
        self._show_editor()

    def _show_editor(self) -> None:
        event = self.current()
        for control in (
            self.date,
            self.precision,
            self.date_end,
            self.summary,
            self.claim,
            self.save_button,
            self.confirm_button,
            self.reject_button,
        ):
            control.disabled = event is None
        if event is None:
            self.details.value = "<small>Select an event in the table to fix it.</small>"
            return
        self.details.value = (
            f"<b>Event {escape(event.id)}</b> · «{escape(short(event.date_text, 40))}» · "
            f"{escape(REVIEW_WORDS.get(event.review.value, event.review.value))}"
        )
        self.date.value = event.date.isoformat()
        self.precision.value = event.precision.value
        self.date_end.value = event.date_end.isoformat() if event.date_end else ""
        self.summary.value = event.summary
        claims = [c for c in self._claims.values() if c.article_id == event.article_id]
        options = [("no claim", NO_CLAIM)] + [
            (f"{c.id}: {short(c.text, 70)}", c.id) for c in claims
        ]
        value = event.claim if event.claim in {c.id for c in claims} else NO_CLAIM
        set_options(self.claim, options, value)
        self.confirm_button.disabled = event.review is ReviewStatus.CONFIRMED
        self.reject_button.disabled = event.review is ReviewStatus.REJECTED

    # --- editing -----------------------------------------------------------------------------

    def save(self) -> None:
        event = self.current()
        if event is None:
            return
        changes: dict = {}
        date = self.date.value.strip()
        if date != event.date.isoformat():
            changes["date"] = date  # "" is refused by the case, with its reason
        if self.precision.value != event.precision.value:
            changes["precision"] = self.precision.value
        until = self.date_end.value.strip()
        if until != (event.date_end.isoformat() if event.date_end else ""):
            changes["date_end"] = until  # "" ends the range
        if self.summary.value.strip() != event.summary:
            changes["summary"] = self.summary.value.strip()
        if (self.claim.value or None) != event.claim:
            changes["claim"] = self.claim.value  # "" detaches it
        if not changes:
            self.ctx.failed(f"Event {event.id} is unchanged: nothing to save.")
            return
        what = ", ".join(k.replace("date_end", "end date") for k in changes)

        def action() -> None:
            self.case.update_event(event.id, expected=event.version, **changes)

        self.run(action, f"Event {event.id}: corrected its {what}")

    def set_review(self, review: str) -> None:
        event = self.current()
        if event is None:
            return
        if review == "rejected":

            def action() -> None:
                self.case.reject_event(event.id, expected=event.version)

        else:

            def action() -> None:
                self.case.update_event(event.id, review=review, expected=event.version)

        self.run(action, f"Event {event.id} {REVIEW_WORDS[review]}")

    def select_event(self, event_id: str) -> None:
        """Show and pick one event (as a click on its row does)."""
        self.table.show_row(event_id)
        self.table.click(event_id)


__all__ = ["EventsPanel", "date_label", "event_row"]
