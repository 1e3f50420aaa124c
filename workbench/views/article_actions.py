"""What a person does with words they selected in the Article panel: add what the machine
missed (a claim, an actor, a mention, a dated event) or move a claim's span there; and
remove a wrong mention they clicked.

One small form at a time under the article: the action bar shows the selected words and a
button per action; each form saves through the case API (`CheckingEdits`), one action
each, undoable (`Panel.run`).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import ipywidgets as W

from ..case.resolve import normalise_name
from ..model import ActorType, ClaimKind, Precision
from .article_selection import DateGuess, TextSelection, guess_date, short
from .claims_speaker import ActorPicker
from .panel import Panel, button, set_options

if TYPE_CHECKING:
    from ..case.records import CaseActor

UNNAMED = "__unnamed__"
NEW = "__new__"
NONE = ""
STEP_WORDS = {"reported_by": "reported by", "citing": "citing the one before"}
KIND_WORDS = {
    "direct": "direct quote",
    "indirect": "reported speech",
    "mixed": "reported speech with quoted words",
}


def actor_label(actor: CaseActor) -> str:
    return f"{actor.name} ({actor.type.value})"


def is_media(actor: CaseActor) -> bool:
    return actor.type.value == "media"


def _labelled(widget: W.Widget, css: str) -> W.Widget:
    widget.add_class(css)
    return widget


class SelectionActions:
    """The action bar and its forms. `panel` is the Article panel: its case, its article
    and its selected words (`panel.selected`)."""

    def __init__(self, panel: Panel) -> None:
        self.panel = panel
        self.selection: TextSelection | None = None
        self.article_id: str | None = None
        self.chain: list[tuple[str, str]] = []  # (actor id, "reported_by" | "citing")
        self._actors: dict[str, CaseActor] = {}
        self._read: object = None  # the snapshot's actor list `_actors` was built from
        # The bar and each form are built on their first use, not at open: hidden until
        # words are selected, they were 116 widget models (136 with the find boxes) for the
        # browser to make at each open (tests/views/test_article_actions_picker.py counts).
        self._forms: dict[str, W.Widget] = {}
        self._pickers: list[ActorPicker] = []
        self.form = W.VBox()
        self.form.add_class("wb-selection-form")
        self.widget = W.VBox()
        self.widget.add_class("wb-selection-actions")
        self.widget.layout.display = "none"

    def _build_bar(self) -> None:
        guard = self.panel.guard
        self.picked = W.HTML()
        self.claim_button = _labelled(button("Add claim", style="primary"), "wb-sel-claim")
        self.actor_button = _labelled(button("Add actor", style="primary"), "wb-sel-actor")
        self.mention_button = _labelled(button("Add mention to…"), "wb-sel-mention")
        self.event_button = _labelled(button("Add event", style="primary"), "wb-sel-event")
        self.span_button = _labelled(button("Set as claim's words"), "wb-sel-span")
        self.close_button = _labelled(button("✕", tooltip="forget the selection"), "wb-sel-close")
        self.bar = W.HBox(
            [
                self.picked,
                self.claim_button,
                self.actor_button,
                self.mention_button,
                self.event_button,
                self.span_button,
                self.close_button,
            ],
            layout=W.Layout(flex_flow="row wrap", align_items="center"),
        )
        self.bar.add_class("wb-selection-bar")
        self.widget.children = (self.bar, self.form)
        self.claim_button.on_click(guard(lambda _b: self.open_form("claim")))
        self.actor_button.on_click(guard(lambda _b: self.open_form("actor")))
        self.mention_button.on_click(guard(lambda _b: self.open_form("mention")))
        self.event_button.on_click(guard(lambda _b: self.open_form("event")))
        self.span_button.on_click(guard(lambda _b: self.set_claim_span()))
        self.close_button.on_click(guard(lambda _b: self.panel.forget_selection()))

    def _form(self, which: str) -> W.Widget:
        """The form `which` ("claim", "actor", "mention", "event"), built the first time."""
        if which not in self._forms:
            build = {
                "claim": self._build_claim_form,
                "actor": self._build_actor_form,
                "mention": self._build_mention_form,
                "event": self._build_event_form,
            }[which]
            self._forms[which] = build()
        return self._forms[which]

    def _picker(self, *args, **kwargs) -> ActorPicker:
        picker = ActorPicker(*args, label=actor_label, **kwargs)
        picker.find.description = "Find"  # aligned with the list it fills
        self._pickers.append(picker)
        return picker

    def _build_claim_form(self) -> W.Widget:
        guard = self.panel.guard
        # speaker, outlet and mentioned actor: a find box over a short list, not a drop-down
        # of every actor (5,118 at 5,000 articles, sent again after each actor edit)
        self.speaker = self._picker(
            "Speaker",
            [("unnamed source (describe it)", UNNAMED), ("a new actor…", NEW)],
            css="wb-new-speaker",
            width="26em",
        )
        self.speaker_name = _labelled(
            W.Text(description="Name", layout=W.Layout(width="22em")), "wb-new-speaker-name"
        )
        self.speaker_type = _labelled(
            W.Dropdown(
                description="Type",
                options=[t.value for t in ActorType],
                layout=W.Layout(width="14em"),
            ),
            "wb-new-speaker-type",
        )
        self.speaker_text = _labelled(
            W.Text(
                description="Described as",
                placeholder="e.g. a Syrian political source",
                style={"description_width": "initial"},
                layout=W.Layout(width="26em"),
            ),
            "wb-new-speaker-text",
        )
        self.outlet = self._picker("Outlet", [], css="wb-new-outlet", width="22em", prefer=is_media)
        self.step = _labelled(
            W.Dropdown(
                options=[(words, kind) for kind, words in STEP_WORDS.items()],
                layout=W.Layout(width="13em"),
            ),
            "wb-new-step",
        )
        self.add_step_button = _labelled(button("Add to chain"), "wb-add-step")
        self.drop_step_button = _labelled(button("Remove last"), "wb-drop-step")
        self.chain_label = W.HTML()
        self.kind = _labelled(
            W.Dropdown(
                description="Kind",
                options=[(KIND_WORDS[k.value], k.value) for k in ClaimKind],
                layout=W.Layout(width="26em"),
            ),
            "wb-new-kind",
        )
        self.save_claim_button = _labelled(
            button("Save claim", style="success"), "wb-save-claim-new"
        )
        self.new_speaker_box = W.HBox([self.speaker_name, self.speaker_type])
        self.speaker.observe(guard(lambda _c: self._speaker_mode()), names="value")
        self.add_step_button.on_click(guard(lambda _b: self.add_step()))
        self.drop_step_button.on_click(guard(lambda _b: self.drop_step()))
        self.save_claim_button.on_click(guard(lambda _b: self.save_claim()))
        return W.VBox(
            [
                self.speaker.find,
                W.HBox([self.speaker.choice, self.speaker_text]),
                self.speaker.hint,
                self.new_speaker_box,
                self.outlet.find,
                W.HBox(
                    [self.outlet.choice, self.step, self.add_step_button, self.drop_step_button]
                ),
                self.outlet.hint,
                self.chain_label,
                W.HBox([self.kind, self.save_claim_button]),
            ]
        )

    def _build_actor_form(self) -> W.Widget:
        self.actor_name = _labelled(
            W.Text(description="Name", layout=W.Layout(width="26em")), "wb-new-actor-name"
        )
        self.actor_type = _labelled(
            W.Dropdown(
                description="Type",
                options=[t.value for t in ActorType],
                value="organization",
                layout=W.Layout(width="14em"),
            ),
            "wb-new-actor-type",
        )
        self.save_actor_button = _labelled(
            button("Save actor", style="success"), "wb-save-actor-new"
        )
        self.save_actor_button.on_click(self.panel.guard(lambda _b: self.save_actor()))
        return W.HBox([self.actor_name, self.actor_type, self.save_actor_button])

    def _build_mention_form(self) -> W.Widget:
        self.mention_actor = self._picker("Actor", [], css="wb-mention-actor", width="30em")
        self.save_mention_button = _labelled(
            button("Add mention", style="success"), "wb-save-mention"
        )
        self.save_mention_button.on_click(self.panel.guard(lambda _b: self.save_mention()))
        return W.VBox(
            [
                self.mention_actor.find,
                W.HBox([self.mention_actor.choice, self.save_mention_button]),
                self.mention_actor.hint,
            ]
        )

    def _build_event_form(self) -> W.Widget:
        self.date = _labelled(
            W.Text(description="Date", placeholder="2016-10-17, October 2016, 2016"),
            "wb-new-date",
        )
        self.precision = _labelled(
            W.Dropdown(
                description="Precision",
                options=[("as the date says", NONE)] + [(p.value, p.value) for p in Precision],
                layout=W.Layout(width="20em"),
            ),
            "wb-new-precision",
        )
        self.date_end = _labelled(
            W.Text(description="Until", placeholder="end of a range (optional)"), "wb-new-until"
        )
        self.summary = _labelled(
            W.Text(description="What", placeholder="what happened", layout=W.Layout(width="36em")),
            "wb-new-summary",
        )
        self.event_claim = _labelled(
            W.Dropdown(description="Claim", layout=W.Layout(width="36em")), "wb-new-event-claim"
        )
        self.save_event_button = _labelled(button("Save event", style="success"), "wb-save-event")
        self.save_event_button.on_click(self.panel.guard(lambda _b: self.save_event()))
        return W.VBox(
            [
                W.HBox([self.date, self.precision, self.date_end]),
                self.summary,
                W.HBox([self.event_claim, self.save_event_button]),
            ]
        )

    # --- showing --------------------------------------------------------------------------------

    @property
    def case(self):
        return self.panel.case

    def show(self, selection: TextSelection | None, article_id: str | None = None) -> None:
        """Offer the actions for `selection` (None: hide the bar and its form)."""
        self.selection, self.article_id = selection, article_id
        if selection is None:
            self.widget.layout.display = "none"
            self.form.children = ()
            return
        if not self.widget.children:
            self._build_bar()
        self.widget.layout.display = ""
        self.picked.value = (
            f"<b>Selected</b> «<bdi>{escape(short(selection.text, 60))}</bdi>» "
            f"<small>({selection.start}–{selection.end})</small>"
        )
        claim = self._selected_claim()
        self.span_button.disabled = claim is None
        self.span_button.tooltip = (
            f"make these words the text of claim {claim.id}"
            if claim
            else "select a claim of this article first (click it), then select its words"
        )
        if self.form.children:  # the form open stays open, filled for the new words
            self.open_form(self._open)

    _open = ""
    _date_guess: DateGuess | None = None

    def _selected_claim(self):
        claim_id = self.panel.ctx.selection.claim_id
        if not claim_id:
            return None
        claim = next((c for c in self.panel.snapshot.claims() if c.id == claim_id), None)
        return claim if claim is not None and claim.article_id == self.article_id else None

    def open_form(self, which: str) -> None:
        if self.selection is None:
            return
        self._open = which
        form = self._form(which)
        snap = self.panel.snapshot
        self._read_actors()
        if which == "claim":
            self._fill_claim_form()
        elif which == "actor":
            self.actor_name.value = " ".join(self.selection.text.split())
        elif which == "mention":
            self.mention_actor.set_actors(self._actors)
            guess = self._actor_named(self.selection.text)
            if guess is not None:  # the actor these words name, listed whatever is typed
                self.mention_actor.show(guess)
        elif which == "event":
            self._fill_event_form(snap)
        self.form.children = (form,)

    def _read_actors(self) -> None:
        actors = self.panel.snapshot.actors()
        if actors is not self._read:  # the same read: the pickers' matches are kept too
            self._read = actors
            self._actors = {a.id: a for a in actors if a.status.value != "rejected"}

    def refresh(self) -> None:
        """After an edit (here or elsewhere): the open form's pickers name the actors as
        they are now (a list is sent again only when what it shows changed)."""
        if self.selection is None or not self.form.children:
            return
        self._read_actors()
        if self._open == "claim":
            self._fill_claim_form()
        elif self._open == "mention":
            self.mention_actor.set_actors(self._actors)

    def _actor_named(self, words: str) -> str | None:
        norm = normalise_name(words)
        for actor in self._actors.values():
            if any(normalise_name(n) == norm for n in (actor.name, *actor.aliases)):
                return actor.id
        return None

    def _fill_claim_form(self) -> None:
        # the choices made stay (the first fixed one, or the best match, when gone)
        self.speaker.set_actors(self._actors)
        self.outlet.set_actors(self._actors)
        self.chain = [(a, k) for a, k in self.chain if a in self._actors]
        self._show_chain()
        self._speaker_mode()

    def _speaker_mode(self) -> None:
        self.new_speaker_box.layout.display = "" if self.speaker.value == NEW else "none"

    def _show_chain(self) -> None:
        if not self.chain:
            self.chain_label.value = "<small>Outlets: none (add them origin first)</small>"
            return
        steps = []
        for index, (actor_id, kind) in enumerate(self.chain):
            name = escape(self._actors[actor_id].name)
            steps.append(name if index == 0 else f"{escape(STEP_WORDS[kind])} {name}")
        self.chain_label.value = "<small>Outlets: " + " → ".join(steps) + "</small>"

    def _fill_event_form(self, snap) -> None:
        selection = self.selection
        assert selection is not None
        article = next(a for a in snap.articles() if a.id == self.article_id)
        guess = self._date_guess = guess_date(selection, article.published)
        self.date.value = guess.date.isoformat() if guess else ""
        self.precision.value = guess.precision.value if guess else NONE
        self.date_end.value = guess.date_end.isoformat() if guess and guess.date_end else ""
        self.summary.value = ""
        claims = [c for c in snap.claims(article_id=self.article_id)]
        options = [("no claim", NONE)] + [(f"{c.id}: {short(c.text, 70)}", c.id) for c in claims]
        around = next(
            (c.id for c in claims if c.start <= selection.start and selection.end <= c.end), NONE
        )
        set_options(self.event_claim, options, around)

    # --- the chain ------------------------------------------------------------------------------

    def add_step(self) -> None:
        if self.outlet.value:
            self.chain.append((self.outlet.value, self.step.value))
            self._show_chain()

    def drop_step(self) -> None:
        if self.chain:
            self.chain.pop()
            self._show_chain()

    # --- saving ---------------------------------------------------------------------------------

    def _done(self) -> None:
        self.chain = []
        for picker in self._pickers:
            # the next words start from the short list, the choice kept (as it was before)
            chosen = picker.value
            picker.find.value = ""
            picker.show(chosen)
        self.panel.forget_selection()

    def save_claim(self) -> None:
        selection, article_id = self.selection, self.article_id
        if selection is None or article_id is None:
            return
        speaker: str | tuple[str, str] | None
        who = self.speaker.value
        if who == NEW:
            name = self.speaker_name.value.strip()
            if not name:
                self.panel.ctx.failed("Give the new speaker's name, or pick another speaker.")
                return
            speaker, shown = (name, self.speaker_type.value), name
        elif who == UNNAMED:
            speaker, shown = None, self.speaker_text.value.strip() or "an unnamed source"
        else:
            speaker, shown = who, self._actors[who].name
        channels = [(a, k) for a, k in self.chain]
        description = self.speaker_text.value.strip() or None
        kind = self.kind.value

        def action() -> None:
            self.case.add_claim(
                article_id,
                selection.start,
                selection.end,
                speaker=speaker,
                speaker_text=description,
                channels=channels,
                kind=kind,
            )

        through = ", ".join(self._actors[a].name for a, _ in channels)
        message = f"Added a claim by {shown}" + (f" through {through}" if through else "")
        if self.panel.run(action, message):
            self.speaker_text.value = self.speaker_name.value = ""
            self._done()

    def save_actor(self) -> None:
        selection, article_id = self.selection, self.article_id
        if selection is None or article_id is None:
            return
        name, actor_type = self.actor_name.value.strip(), self.actor_type.value

        def action() -> None:
            self.case.add_actor(
                name, actor_type, mentions=[(article_id, selection.start, selection.end)]
            )

        if self.panel.run(action, f"Added the actor {name} ({actor_type})"):
            self._done()

    def save_mention(self) -> None:
        selection, article_id = self.selection, self.article_id
        actor_id = self.mention_actor.value
        if selection is None or article_id is None or not actor_id:
            return
        name = self._actors[actor_id].name

        def action() -> None:
            self.case.add_mention(actor_id, article_id, selection.start, selection.end)

        if self.panel.run(action, f"Marked «{short(selection.text, 40)}» as {name}"):
            self._done()

    def save_event(self) -> None:
        selection, article_id = self.selection, self.article_id
        if selection is None or article_id is None:
            return
        guess = self._date_guess
        # the event's words are the date's own words when the selection holds more
        start, end = (guess.start, guess.end) if guess else (selection.start, selection.end)
        date, until = self.date.value.strip(), self.date_end.value.strip()
        precision = self.precision.value or None
        summary, claim = self.summary.value.strip(), self.event_claim.value or None

        def action() -> None:
            self.case.add_event(
                article_id,
                start,
                end,
                date,
                precision=precision,
                date_end=until or None,
                summary=summary,
                claim=claim,
            )

        if self.panel.run(action, f"Added an event on {date or '?'}"):
            self._done()

    def set_claim_span(self) -> None:
        selection, claim = self.selection, self._selected_claim()
        if selection is None or claim is None:
            self.panel.ctx.failed("Click a claim of this article first, then select its words.")
            return

        def action() -> None:
            self.case.update_claim(
                claim.id, start=selection.start, end=selection.end, expected=claim.version
            )

        if self.panel.run(action, f"Claim {claim.id} now reads «{short(selection.text, 40)}»"):
            self._done()
