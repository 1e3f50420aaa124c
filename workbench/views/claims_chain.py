"""The channel chain of one claim, edited step by step: add an outlet, remove one, move it
towards or away from the origin, mark a step as "citing" the one before. Each button is one
edit of the case (`update_claim(channels=..., expected=version)`), undoable on its own."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as W

from ..case.records import CaseClaim
from .claims_rows import CITING, REPORTED_BY, STEP_WORDS, Chain
from .claims_speaker import ActorPicker
from .panel import Panel, button, set_options


class ChainEditor:
    """Shows `Chain.of(claim)` and turns each button into a new chain for `apply`."""

    def __init__(self, panel: Panel, apply: Callable[[Chain, str], None]) -> None:
        self.panel = panel
        self._apply = apply
        self._chain = Chain()
        self._names: dict[str, str] = {}
        self.steps = W.Select(rows=4, layout=W.Layout(width="26em"))
        self.steps.add_class("wb-chain-steps")
        # outlets are found by name (media first), not listed all: see claims_speaker
        self.outlet = ActorPicker(
            "", [], css="wb-chain-outlet", width="16em", prefer=lambda a: a.type.value == "media"
        )
        self.add_button = button("Add outlet", tooltip="add it at the end, after the last step")
        self.add_button.add_class("wb-chain-add")
        self.remove_button = button("Remove")
        self.remove_button.add_class("wb-chain-remove")
        self.up_button = button("Move up", tooltip="towards the origin")
        self.up_button.add_class("wb-chain-up")
        self.down_button = button("Move down", tooltip="away from the origin")
        self.down_button.add_class("wb-chain-down")
        self.citing_button = button(
            "Citing or not", tooltip="mark the step as citing the step before, or not"
        )
        self.citing_button.add_class("wb-chain-citing")
        self.widget = W.VBox(
            [
                W.HTML("<small>origin first; the last outlet published it</small>"),
                W.HBox(
                    [
                        self.steps,
                        W.VBox(
                            [
                                self.up_button,
                                self.down_button,
                                self.remove_button,
                                self.citing_button,
                            ]
                        ),
                    ]
                ),
                self.outlet.find,
                W.HBox([self.outlet.choice, self.add_button]),
                self.outlet.hint,
            ]
        )
        self.widget.add_class("wb-chain-editor")
        for control in (self.up_button, self.down_button, self.remove_button, self.citing_button):
            control.layout.width = "8.5em"
        self.add_button.on_click(panel.guard(lambda _b: self.add()))
        self.remove_button.on_click(panel.guard(lambda _b: self._edit(self._removed)))
        self.up_button.on_click(panel.guard(lambda _b: self._edit(lambda i: self._moved(i, -1))))
        self.down_button.on_click(panel.guard(lambda _b: self._edit(lambda i: self._moved(i, 1))))
        self.citing_button.on_click(panel.guard(lambda _b: self._edit(self._toggled)))

    def show(self, claim: CaseClaim | None, names: dict) -> None:
        """Draw `claim`'s chain (the outlets to add: `outlet.set_actors`)."""
        self._names = names
        self._chain = Chain.of(claim) if claim is not None else Chain()
        keep = self.steps.value
        options = [
            (f"{n + 1}. {self._name(a)} — {STEP_WORDS.get(k, k)}", n)
            for n, (a, k) in enumerate(self._chain.steps())
        ]
        set_options(self.steps, options, keep if keep is not None and keep < len(options) else None)
        for control in (self.add_button, self.outlet, self.steps):
            control.disabled = claim is None
        for control in (self.remove_button, self.up_button, self.down_button, self.citing_button):
            control.disabled = claim is None or not options

    def _name(self, actor_id: str) -> str:
        return self._names.get(actor_id, actor_id)

    def add(self) -> None:
        outlet = self.outlet.value
        if not outlet:
            self.panel.ctx.failed("Choose an outlet to add first.")
            return
        try:
            chain = self._chain.add(outlet)
        except ValueError as exc:
            self.panel.ctx.failed(f"{self._name(outlet)}: {exc}.")
            return
        self._apply(chain, f"added {self._name(outlet)} to the end of the chain")

    def _edit(self, change: Callable[[int], tuple[Chain, str, int | None]]) -> None:
        index = self.steps.value
        if index is None:
            self.panel.ctx.failed("Choose a step of the chain first.")
            return
        try:
            chain, message, keep = change(index)
        except ValueError as exc:
            self.panel.ctx.failed(f"{str(exc)[0].upper()}{str(exc)[1:]}.")
            return
        self._apply(chain, message)
        if keep is not None and keep < len(self.steps.options):
            self.steps.value = keep  # the moved step stays chosen: move it again

    def _removed(self, index: int) -> tuple[Chain, str, int | None]:
        name = self._name(self._chain.actors[index])
        return self._chain.remove(index), f"removed {name} from the chain", None

    def _moved(self, index: int, by: int) -> tuple[Chain, str, int | None]:
        chain = self._chain.move(index, by)
        name = self._name(self._chain.actors[index])
        where = "towards the origin" if by < 0 else "away from the origin"
        return chain, f"moved {name} {where} (now step {index + by + 1})", index + by

    def _toggled(self, index: int) -> tuple[Chain, str, int | None]:
        kind = REPORTED_BY if self._chain.kinds[index] == CITING else CITING
        name = self._name(self._chain.actors[index])
        words = "cites the step before" if kind == CITING else "carried it (not citing)"
        return self._chain.set_kind(index, kind), f"{name} now {words}", index
