"""Review the actors in a table: sort and filter by any column (type, status, article, what
the case knows), select several rows and confirm, reject, retype or merge them with one
click; rename, split an alias off, remove a wrong mention; add an actor the machine missed.

Every edit names the versions of the actors the person was looking at (`expected=`): an
actor changed meanwhile in another tab or the CLI is refused with its current value, and
the table is read again.
"""

from __future__ import annotations

import ipywidgets as W

from ..case.words import ACTOR_STATUS_WORDS
from ..model import ActorType, ReviewStatus
from .article_selection import short
from .panel import TABLE_CSS, Panel, button, html_table, set_options
from .selection import Context
from .table import Column, Table, TableRow
from .ticks import SeenTicks

STATUS_WORDS = ACTOR_STATUS_WORDS
KNOWN = "known to the case"  # its names are recognised in later articles and re-extraction
ADDED = "added by you"
COLUMNS = (
    Column("name", "name", width="14em"),
    Column("type", "type", choices=tuple(t.value for t in ActorType), width="7em"),
    Column("aliases", "aliases", width="14em"),
    Column("mentions", "mentions", sort_numeric=True, width="5em"),
    Column("articles", "articles", choices=True, width="9em"),
    Column("status", "status", choices=tuple(STATUS_WORDS.values()), width="9em"),
    Column("known", "known", choices=(KNOWN, ADDED), width="15em"),
)


def actor_label(actor) -> str:
    """One line naming an actor (status lines, other panels' lists)."""
    mentions = f"{actor.mention_count} mention" + ("" if actor.mention_count == 1 else "s")
    return f"{actor.name} · {actor.type.value} · {mentions} · {actor.status.value}"


def actor_row(actor, *, titles: dict[str, str], known: set[str]) -> TableRow:
    others = [a for a in actor.aliases if a != actor.name]
    articles = [titles.get(a, a) for a in actor.articles]
    marks = []
    if actor.id in known:
        marks.append(KNOWN)
    if "added" in actor.edited:
        marks.append(ADDED)
    return TableRow(
        actor.id,
        {
            "name": actor.name,
            "type": actor.type.value,
            "aliases": ", ".join(others),
            "mentions": str(actor.mention_count),
            "articles": ", ".join(articles) if len(articles) <= 1 else f"{len(articles)} articles",
            "status": STATUS_WORDS.get(actor.status.value, actor.status.value),
            "known": ", ".join(marks),
        },
        facets={"articles": articles, "known": marks},
        muted=actor.status is ReviewStatus.REJECTED,
    )


class ActorsPanel(Panel):
    title = "Actors"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._actors: dict = {}
        self.seen_ticks = SeenTicks()  # the ticked actors' versions as the person saw them
        self._mentions: list = []
        # each actor's row as last drawn, with what it was made from (the actor's record and
        # whether the case knows it): a refresh after an edit makes again only the rows of
        # the actors it changed; the article titles they were made with
        self._rows: dict[str, tuple[object, bool, TableRow]] = {}
        self._titles: dict[str, str] = {}
        self.rows_made = 0  # rows made since the panel was built (the benchmark reads it)
        # the actors the case knows (`Case.knowledge()`), and the touched actors it was read
        # for: the knowledge is made from those alone, so it is read again only when they change
        self._known: set[str] = set()
        self._known_from: tuple | None = None
        self._known_case = None
        self.table = Table(COLUMNS, multiple=True)
        self.table.add_class("wb-actors-table")
        # the rows a person sees first: the best attested
        self.table.model.set_sort("mentions", descending=True)

        self.confirm_button = button("Confirm", style="success", tooltip="the selected are right")
        self.confirm_button.add_class("wb-confirm")
        self.reject_button = button("Reject", style="danger", tooltip="the selected are no actors")
        self.reject_button.add_class("wb-reject")
        self.merge_button = button(
            "Merge selected", style="warning", tooltip="one actor: the one with most mentions"
        )
        self.merge_button.add_class("wb-merge")
        self.retype = W.Dropdown(options=[t.value for t in ActorType], layout=W.Layout(width="9em"))
        self.retype.add_class("wb-retype-type")
        self.retype_button = button("Set type", tooltip="give the selected actors this type")
        self.retype_button.add_class("wb-retype")
        self.selected_count = W.HTML()
        actions = W.HBox(
            [
                self.selected_count,
                self.confirm_button,
                self.reject_button,
                self.merge_button,
                self.retype,
                self.retype_button,
            ],
            layout=W.Layout(flex_flow="row wrap", align_items="center"),
        )
        actions.add_class("wb-actor-actions")

        self.new_name = W.Text(placeholder="name of an actor the machine missed")
        self.new_name.add_class("wb-add-actor-name")
        self.new_type = W.Dropdown(
            options=[t.value for t in ActorType], value="organization", layout=W.Layout(width="9em")
        )
        self.new_type.add_class("wb-add-actor-type")
        self.add_button = button("Add actor", tooltip="to mark its words, select them in Article")
        self.add_button.add_class("wb-add-actor")

        self.name = W.Text(description="Name", layout=W.Layout(width="24em"))
        self.name.add_class("wb-actor-name")
        self.type = W.Dropdown(
            description="Type", options=[t.value for t in ActorType], layout=W.Layout(width="16em")
        )
        self.type.add_class("wb-actor-type")
        self.save_button = button("Save name and type", style="primary")
        self.save_button.add_class("wb-save-actor")
        self.alias = W.Dropdown(description="Alias", layout=W.Layout(width="24em"))
        self.alias.add_class("wb-actor-alias")
        self.split_button = button("Split alias off", tooltip="make the alias an actor of its own")
        self.split_button.add_class("wb-split")
        self.mention = W.Dropdown(description="Mention", layout=W.Layout(width="34em"))
        self.mention.add_class("wb-actor-mention")
        self.remove_mention_button = button(
            "Remove mention", tooltip="these words do not name this actor"
        )
        self.remove_mention_button.add_class("wb-remove-actor-mention")
        self.details = W.HTML()
        editor = W.VBox(
            [
                W.HBox([self.name, self.type, self.save_button]),
                W.HBox([self.alias, self.split_button]),
                W.HBox([self.mention, self.remove_mention_button]),
                self.details,
            ]
        )
        editor.add_class("wb-actor-editor")
        self.widget = W.VBox(
            [
                W.HTML(TABLE_CSS),
                actions,
                self.table,
                W.HBox([self.new_name, self.new_type, self.add_button]),
                editor,
            ]
        )
        self.widget.add_class("wb-actors-panel")

        self.table.observe(self.guard(self._picked), names="selected")
        self.confirm_button.on_click(
            self.guard(lambda _b: self._set_status(ReviewStatus.CONFIRMED))
        )
        self.reject_button.on_click(self.guard(lambda _b: self._set_status(ReviewStatus.REJECTED)))
        self.merge_button.on_click(self.guard(lambda _b: self.merge_selected()))
        self.retype_button.on_click(self.guard(lambda _b: self.retype_selected()))
        self.add_button.on_click(self.guard(lambda _b: self.add_actor()))
        self.save_button.on_click(self.guard(lambda _b: self.save_name_and_type()))
        self.split_button.on_click(self.guard(lambda _b: self.split_alias()))
        self.remove_mention_button.on_click(self.guard(lambda _b: self.remove_mention()))
        ctx.selection.observe(self.guard(self._selection_changed), names="actor_id")

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        snap = self.snapshot
        self._actors = {a.id: a for a in snap.actors()}
        titles = {a.id: a.title or a.id for a in snap.articles()}
        if any(titles.get(i) != t for i, t in self._titles.items()):
            # an article renamed or gone (or another case): every row again; an article
            # added changes the rows of the actors it names alone (their records changed)
            self._rows = {}
        self._titles = titles
        known = self._known_actors()
        drawn, self._rows = self._rows, {}
        remade = []
        for actor in self._actors.values():
            is_known = actor.id in known
            row = drawn.get(actor.id)
            # the very record (a carried read keeps what did not change): no comparing
            if row is None or row[1] != is_known or (row[0] is not actor and row[0] != actor):
                made = actor_row(actor, titles=titles, known=known)
                row = (actor, is_known, made)
                self.rows_made += 1
                remade.append(made)
            self._rows[actor.id] = row
        gone = drawn.keys() - self._rows.keys()
        new = [i for i in self._rows if i not in drawn]
        if drawn and list(self._rows)[len(self._rows) - len(new) :] == new:
            # rows changed in place, new ones last (the case's order): the table keeps its
            # order, filter counts and text index for the rest
            self.table.remove_rows(gone)
            self.table.update_rows(remade)
        else:
            self.table.set_rows(row[2] for row in self._rows.values())
        wanted = self.ctx.selection.actor_id
        if not self.table.selected and wanted in self._actors:
            self.table.show_row(wanted)
            self.table.select([wanted])
        self.seen_ticks.note(self.selected_ids(), self._version, looked=not self.ctx.elsewhere)
        self._show_editor()

    def _known_actors(self) -> set[str]:
        """The ids of the actors the case knows from the person's corrections."""
        # the knowledge is made from the actors a person touched (confirmed, rejected,
        # retyped, renamed, merged, split, added): their names, aliases and mentions
        touched = tuple(
            a for a in self._actors.values() if a.status is not ReviewStatus.EXTRACTED or a.edited
        )
        if touched != self._known_from or self._known_case != self.case.path:
            self._known = {k.actor_id for k in self.case.knowledge().known.values()}
            self._known_from, self._known_case = touched, self.case.path
        return self._known

    def choose(self, *actor_ids: str) -> None:
        """Select these rows, as ticking them does (one: the actor edited)."""
        self.table.select(actor_ids)

    def selected_ids(self) -> list[str]:
        return [i for i in self.table.selected if i in self._actors]

    def _show_editor(self) -> None:
        ids = self.selected_ids()
        current = self.table.current if self.table.current in ids else None
        actor = self._actors.get(current) if current else None
        self.selected_count.value = (
            f"<small>{len(ids)} selected</small>"
            if ids
            else ("<small>Tick rows to act on several</small>")
        )
        for control in (
            self.name,
            self.type,
            self.save_button,
            self.alias,
            self.split_button,
            self.mention,
            self.remove_mention_button,
        ):
            control.disabled = actor is None
        self.merge_button.disabled = len(ids) < 2
        self.confirm_button.disabled = self.reject_button.disabled = not ids
        self.retype_button.disabled = not ids
        if actor is None:
            self.details.value = "<small>Click a row to edit that actor.</small>"
            set_options(self.alias, [], None)
            set_options(self.mention, [], None)
            return
        self.name.value = actor.name
        self.type.value = actor.type.value
        others = [a for a in actor.aliases if a != actor.name]
        # a browser shows the first option as chosen: the kernel must agree
        set_options(self.alias, others, others[0] if others else None)
        self._mentions = list(self.case.mentions(actor_id=actor.id))
        titles = {a.id: a.title or a.id for a in self.snapshot.articles()}
        options = [
            (
                f"«{short(m.text, 30)}» in {short(titles.get(m.article_id, m.article_id), 30)} "
                f"at {m.start}" + (" (known)" if m.known else ""),
                m.id,
            )
            for m in self._mentions
        ]
        set_options(self.mention, options, options[0][1] if options else None)
        self.details.value = html_table(
            ["", ""],
            [
                ["name", actor.name],
                ["type", actor.type.value],
                ["status", STATUS_WORDS.get(actor.status.value, actor.status.value)],
                ["aliases", ", ".join(actor.aliases)],
                ["roles", "; ".join(actor.roles)],
                ["mentions", actor.mention_count],
                ["articles", ", ".join(titles.get(a, a) for a in actor.articles)],
                ["changed by you", ", ".join(actor.edited) or "-"],
            ],
        )

    def _picked(self, _change) -> None:
        ids = self.selected_ids()
        self.seen_ticks.note(ids, self._version)
        if len(ids) == 1 and self.ctx.selection.actor_id != ids[0]:
            self.ctx.selection.actor_id = ids[0]
        self._show_editor()

    def _selection_changed(self, change) -> None:
        actor_id = change["new"]
        if actor_id and actor_id in self._actors and self.table.selected != [actor_id]:
            self.table.show_row(actor_id)
            self.table.select([actor_id])
            self._show_editor()

    # --- editing -----------------------------------------------------------------------------

    def _names(self, ids: list[str]) -> str:
        return ", ".join(self._actors[i].name for i in ids if i in self._actors)

    def _versions(self, ids: list[str]) -> dict[str, int]:
        """The ticked actors' versions as the person saw them (`SeenTicks`)."""
        return self.seen_ticks.expected(ids, self._version)

    def _version(self, actor_id: str) -> int:
        return self._actors[actor_id].version

    def _set_status(self, status: ReviewStatus) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        names, expected = self._names(ids), self._versions(ids)

        def action() -> None:
            # one action: one Undo reverts the whole click, a failure changes nothing
            self.case.update_actors(ids, status=status.value, expected=expected)

        self.run(action, f"{status.value.capitalize()}: {names}")

    def retype_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        actor_type, expected = self.retype.value, self._versions(ids)

        def action() -> None:
            self.case.update_actors(ids, type=actor_type, expected=expected)

        self.run(action, f"Now {actor_type}: {self._names(ids)}")

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            return
        # keep the best attested actor: its name is most likely the one the story uses
        keep = max(ids, key=lambda i: self._actors[i].mention_count)
        others = [i for i in ids if i != keep]
        message = f"Merged {self._names(others)} into {self._actors[keep].name}"
        expected = self._versions(ids)

        def action() -> None:
            self.case.merge_actors(keep, others, expected=expected)  # one action, undone as one

        if self.run(action, message):
            self.table.select([keep])
            self.ctx.selection.actor_id = keep
            self._show_editor()

    def add_actor(self) -> None:
        name, actor_type = self.new_name.value.strip(), self.new_type.value
        if not name:
            self.ctx.failed("Give the new actor's name.")
            return
        if self.run(lambda: self.case.add_actor(name, actor_type), f"Added {name}"):
            self.new_name.value = ""

    def save_name_and_type(self) -> None:
        actor = self._actors.get(self.table.current or "")
        if actor is None:
            return
        changes = {}
        if self.name.value.strip() and self.name.value.strip() != actor.name:
            changes["name"] = self.name.value.strip()
        if self.type.value != actor.type.value:
            changes["type"] = self.type.value
        if not changes:
            self.ctx.failed(f"{actor.name}: name and type unchanged, nothing to save.")
            return
        self.run(
            lambda: self.case.update_actor(actor.id, expected=actor.version, **changes),
            f"Changed {actor.name}: " + ", ".join(f"{k} {v}" for k, v in changes.items()),
        )

    def split_alias(self) -> None:
        actor = self._actors.get(self.table.current or "")
        alias = self.alias.value
        if actor is None or not alias:
            return
        self.run(
            lambda: self.case.split_alias(actor.id, alias, expected=actor.version),
            f"Split {alias!r} off {actor.name}",
        )

    def remove_mention(self) -> None:
        actor = self._actors.get(self.table.current or "")
        mention = next((m for m in self._mentions if m.id == self.mention.value), None)
        if actor is None or mention is None:
            return
        self.run(
            lambda: self.case.remove_mention(mention.id, expected=mention.version),
            f"Removed the mention «{short(mention.text, 40)}» of {actor.name}",
        )
