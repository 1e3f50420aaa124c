"""Review the actors: confirm, reject, rename, retype, merge, split an alias; filter and search."""

from __future__ import annotations

import ipywidgets as W

from ..model import ActorType, ReviewStatus
from .panel import TABLE_CSS, Panel, button, html_table, set_options
from .selection import Context


def actor_label(actor) -> str:
    mentions = f"{actor.mention_count} mention" + ("" if actor.mention_count == 1 else "s")
    return f"{actor.name} · {actor.type.value} · {mentions} · {actor.status.value}"


def matches(actor, *, text: str, actor_type: str, status: str) -> bool:
    if actor_type and actor.type.value != actor_type:
        return False
    if status and actor.status.value != status:
        return False
    needle = text.strip().casefold()
    return not needle or any(needle in n.casefold() for n in (actor.name, *actor.aliases))


class ActorsPanel(Panel):
    title = "Actors"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._actors: dict = {}
        self.search = W.Text(placeholder="search names and aliases", layout=W.Layout(width="16em"))
        self.search.add_class("wb-actor-search")
        self.type_filter = W.Dropdown(
            options=[("all types", "")] + [(t.value, t.value) for t in ActorType],
            layout=W.Layout(width="10em"),
        )
        self.status_filter = W.Dropdown(
            options=[("any status", "")] + [(s.value, s.value) for s in ReviewStatus],
            layout=W.Layout(width="10em"),
        )
        self.listing = W.SelectMultiple(rows=14, layout=W.Layout(width="34em"))
        self.listing.add_class("wb-actor-list")
        self.confirm_button = button(
            "Confirm", style="success", tooltip="confirm the selected actors"
        )
        self.confirm_button.add_class("wb-confirm")
        self.reject_button = button("Reject", style="danger", tooltip="reject the selected actors")
        self.reject_button.add_class("wb-reject")
        self.merge_button = button(
            "Merge selected", style="warning", tooltip="merge into the one with most mentions"
        )
        self.merge_button.add_class("wb-merge")
        self.name = W.Text(description="Name", layout=W.Layout(width="24em"))
        self.name.add_class("wb-actor-name")
        self.type = W.Dropdown(
            description="Type", options=[t.value for t in ActorType], layout=W.Layout(width="16em")
        )
        self.type.add_class("wb-actor-type")
        self.save_button = button("Save name and type", style="primary")
        self.save_button.add_class("wb-save-actor")
        self.alias = W.Dropdown(description="Alias", layout=W.Layout(width="24em"))
        self.split_button = button("Split alias off", tooltip="make the alias an actor of its own")
        self.split_button.add_class("wb-split")
        self.alias.add_class("wb-actor-alias")
        self.details = W.HTML()
        self.count = W.HTML()

        editor = W.VBox(
            [
                W.HBox([self.confirm_button, self.reject_button, self.merge_button]),
                W.HBox([self.name]),
                W.HBox([self.type, self.save_button]),
                W.HBox([self.alias, self.split_button]),
                self.details,
            ],
            layout=W.Layout(padding="0 0 0 12px"),
        )
        self.widget = W.VBox(
            [
                W.HTML(TABLE_CSS),
                W.HBox([self.search, self.type_filter, self.status_filter, self.count]),
                W.HBox([self.listing, editor]),
            ]
        )
        self.widget.add_class("wb-actors-panel")

        for control in (self.search, self.type_filter, self.status_filter):
            control.observe(self.guard(lambda _change: self._fill_listing()), names="value")
        self.listing.observe(self.guard(self._picked), names="value")
        self.confirm_button.on_click(
            self.guard(lambda _b: self._set_status(ReviewStatus.CONFIRMED))
        )
        self.reject_button.on_click(self.guard(lambda _b: self._set_status(ReviewStatus.REJECTED)))
        self.merge_button.on_click(self.guard(lambda _b: self.merge_selected()))
        self.save_button.on_click(self.guard(lambda _b: self.save_name_and_type()))
        self.split_button.on_click(self.guard(lambda _b: self.split_alias()))
        ctx.selection.observe(self.guard(self._selection_changed), names="actor_id")

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._actors = {a.id: a for a in self.snapshot.actors()}
        self._fill_listing()

    def _fill_listing(self) -> None:
        actors = sorted(
            (
                a
                for a in self._actors.values()
                if matches(
                    a,
                    text=self.search.value,
                    actor_type=self.type_filter.value,
                    status=self.status_filter.value,
                )
            ),
            key=lambda a: (-a.mention_count, a.name.casefold()),
        )
        self._refreshing = True
        try:
            listed = {a.id for a in actors}
            keep = tuple(v for v in self.listing.value if v in listed)
            wanted = self.ctx.selection.actor_id
            if not keep and wanted and wanted in listed:
                keep = (wanted,)
            set_options(self.listing, [(actor_label(a), a.id) for a in actors], keep)
        finally:
            self._refreshing = False
        self.count.value = f"<small>{len(actors)} of {len(self._actors)} actors</small>"
        self._show_editor()

    def selected_ids(self) -> list[str]:
        return list(self.listing.value)

    def _show_editor(self) -> None:
        ids = self.selected_ids()
        actor = self._actors.get(ids[0]) if len(ids) == 1 else None
        for control in (self.name, self.type, self.save_button, self.alias, self.split_button):
            control.disabled = actor is None
        self.merge_button.disabled = len(ids) < 2
        self.confirm_button.disabled = self.reject_button.disabled = not ids
        if actor is None:
            self.details.value = (
                f"<small>{len(ids)} selected</small>" if ids else "<small>Select an actor.</small>"
            )
            return
        self.name.value = actor.name
        self.type.value = actor.type.value
        others = [a for a in actor.aliases if a != actor.name]
        # a browser shows the first option as chosen: the kernel must agree
        set_options(self.alias, others, others[0] if others else None)
        self.details.value = html_table(
            ["", ""],
            [
                ["name", actor.name],
                ["type", actor.type.value],
                ["status", actor.status.value],
                ["aliases", ", ".join(actor.aliases)],
                ["roles", "; ".join(actor.roles)],
                ["mentions", actor.mention_count],
                ["articles", ", ".join(actor.articles)],
                ["changed by you", ", ".join(actor.edited) or "-"],
            ],
        )

    def _picked(self, change) -> None:
        if self._refreshing:
            return
        ids = list(change["new"])
        if len(ids) == 1:
            self.ctx.selection.actor_id = ids[0]
        self._show_editor()

    def _selection_changed(self, change) -> None:
        actor_id = change["new"]
        listed = any(v == actor_id for _, v in self.listing.options)
        if actor_id and listed and tuple(self.listing.value) != (actor_id,):
            self._refreshing = True
            try:
                self.listing.value = (actor_id,)
            finally:
                self._refreshing = False
            self._show_editor()

    # --- editing -----------------------------------------------------------------------------

    def _names(self, ids: list[str]) -> str:
        return ", ".join(self._actors[i].name for i in ids if i in self._actors)

    def _set_status(self, status: ReviewStatus) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        names = self._names(ids)

        def action() -> None:
            # one action: one Undo reverts the whole click, a failure changes nothing
            self.case.update_actors(ids, status=status.value)

        self.run(action, f"{status.value.capitalize()}: {names}")

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2:
            return
        # keep the best attested actor: its name is most likely the one the story uses
        keep = max(ids, key=lambda i: self._actors[i].mention_count)
        others = [i for i in ids if i != keep]
        message = f"Merged {self._names(others)} into {self._actors[keep].name}"

        def action() -> None:
            self.case.merge_actors(keep, others)  # one action, undone as one

        if self.run(action, message):
            self.ctx.selection.actor_id = keep

    def save_name_and_type(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        actor = self._actors[ids[0]]
        changes = {}
        if self.name.value.strip() and self.name.value.strip() != actor.name:
            changes["name"] = self.name.value.strip()
        if self.type.value != actor.type.value:
            changes["type"] = self.type.value
        if changes:
            self.run(
                lambda: self.case.update_actor(actor.id, **changes),
                f"Changed {actor.name}: " + ", ".join(f"{k} {v}" for k, v in changes.items()),
            )

    def split_alias(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1 or not self.alias.value:
            return
        actor, alias = self._actors[ids[0]], self.alias.value
        self.run(
            lambda: self.case.split_alias(actor.id, alias), f"Split {alias!r} off {actor.name}"
        )
