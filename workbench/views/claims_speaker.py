"""Choosing an actor among thousands: a box to type a name in and a short list of the best
matches, in place of a drop-down of every actor.

A drop-down of every actor sends them all to the browser, and sends them again whenever
one changes: 5,118 options after each merge or rename on a 5,000-article case, most of a
redraw. Here the list holds the few fixed choices ("unnamed source"), the actor chosen
now (always there, whatever is typed) and the `LISTED` best matches of what was typed
(the most mentioned actors while nothing is). Plain widgets: it works in Voila, and by
keyboard (type, Tab to the list, arrows, Tab to the button).
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape
from operator import attrgetter
from typing import Any

import ipywidgets as W

from ..case.records import CaseActor, CaseClaim
from .panel import set_options

LISTED = 25  # actors the list shows for what was typed


def best_matches(
    actors: Iterable[CaseActor],
    typed: str,
    *,
    limit: int = LISTED,
    prefer: Callable[[CaseActor], bool] | None = None,
) -> list[CaseActor]:
    """The `limit` actors whose names best match `typed`: a name that starts with it, then
    one with a word that does, then one holding it, then one with another name (an alias)
    holding it; the `prefer`red first within each, then the most mentioned. Nothing typed:
    the most mentioned (the preferred first)."""
    words = " ".join(typed.casefold().split())
    if not words:  # the most named: a number per actor, compared in C (5,000 of them)
        count = attrgetter("mention_count")
        if prefer is None:
            return heapq.nlargest(limit, actors, key=count)
        every = list(actors)
        first = heapq.nlargest(limit, [a for a in every if prefer(a)], key=count)
        rest = [a for a in every if not prefer(a)] if len(first) < limit else []
        return first + heapq.nlargest(limit - len(first), rest, key=count)
    ranked = []
    for actor in actors:
        rank = _rank(actor, words)
        if rank is None:
            continue
        first = 0 if prefer is None or prefer(actor) else 1
        ranked.append(((rank, first, -actor.mention_count, actor.name.casefold(), actor.id), actor))
    return [actor for _, actor in heapq.nsmallest(limit, ranked, key=lambda p: p[0])]


def _rank(actor: CaseActor, words: str) -> int | None:
    if not words:
        return 0
    name = actor.name.casefold()
    if name.startswith(words):
        return 0
    if f" {words}" in f" {name.replace('-', ' ')}":  # a word of it: "assad", al-Assad
        return 1
    if words in name:
        return 2
    if any(words in alias.casefold() for alias in actor.aliases):
        return 3
    return None


def _find_box(
    placeholder: str, description: str, *, css: str, width: str
) -> tuple[W.Text, W.Dropdown, W.HTML]:
    """A picker's parts: the box typed in, the short drop-down, and the line saying what
    the list holds; each with its CSS class (`css`-find, `css`, `css`-hint) for the page."""
    find = W.Text(placeholder=placeholder, continuous_update=True, layout=W.Layout(width=width))
    find.add_class(f"{css}-find")
    choice = W.Dropdown(description=description, layout=W.Layout(width=width))
    choice.add_class(css)
    hint = W.HTML()
    hint.add_class(f"{css}-hint")
    return find, choice, hint


class _Picker:
    """A find box over a short drop-down (`choice`): what both pickers share. `value` is
    the choice, `options` the list, `observe` hears the choice change, as a drop-down's."""

    def __init__(self, placeholder: str, description: str, *, css: str, width: str) -> None:
        self.find, self.choice, self.hint = _find_box(
            placeholder, description, css=css, width=width
        )
        self.find.observe(self._typed, names="value")

    def _typed(self, change) -> None:
        raise NotImplementedError

    @property
    def value(self) -> str | None:
        return self.choice.value

    @property
    def options(self) -> tuple:
        return self.choice.options

    def observe(self, handler: Callable[[Any], None], names: str = "value") -> None:
        self.choice.observe(handler, names=names)


class ActorPicker(_Picker):
    """A find box over a short drop-down (`choice`); `value` is the actor (or fixed choice)
    chosen. Give it the actors a choice may name (`set_actors`) and the current one (`show`)."""

    def __init__(
        self,
        description: str,
        fixed: list[tuple[str, str]],
        *,
        css: str,
        width: str = "22em",
        prefer: Callable[[CaseActor], bool] | None = None,
        label: Callable[[CaseActor], str] = attrgetter("name"),
    ) -> None:
        self.fixed = fixed
        self.prefer = prefer
        self.label = label  # an actor's words in the list (the Article tab adds its type)
        self.actors: Mapping[str, CaseActor] = {}
        self._pinned: str | None = None  # the current choice: listed whatever is typed
        self._found: tuple[tuple[Mapping[str, CaseActor], str], list[CaseActor]] | None = None
        super().__init__("type a name to find an actor", description, css=css, width=width)

    # the drop-down's face, so the panel uses a picker as it used the drop-down
    @_Picker.value.setter
    def value(self, value: str | None) -> None:
        """Choose `value` (a fixed choice or any actor given), listing it if it was not."""
        if value is not None and value not in self._values():
            self._pinned = value if value in self.actors else self._pinned
        self._draw(value)

    @property
    def disabled(self) -> bool:
        return self.choice.disabled

    @disabled.setter
    def disabled(self, disabled: bool) -> None:
        self.find.disabled = self.choice.disabled = disabled

    def set_actors(self, actors: Mapping[str, CaseActor]) -> None:
        """The actors a choice may name now; the list drawn again if they differ."""
        self.actors = actors
        value = self.choice.value
        if self._pinned is not None and self._pinned not in actors:
            self._pinned = None
        self._draw(value if value in self._fixed_values() or value in actors else None)

    def show(self, current: str | None) -> None:
        """Choose `current` (an actor id, a fixed choice or None) and keep it listed."""
        self._pinned = current if current in self.actors else None
        self._draw(current)

    def _typed(self, change) -> None:
        """What was typed: its best match chosen (the current one when none matches)."""
        found = self._matches()
        self._draw(found[0].id if found else self.choice.value, found)

    def _matches(self) -> list[CaseActor]:
        """The best matches of what is typed, found once per set of actors and words."""
        key = (self.actors, self.find.value)
        if self._found is None or self._found[0][0] is not key[0] or self._found[0][1] != key[1]:
            found = best_matches(self.actors.values(), self.find.value, prefer=self.prefer)
            self._found = (key, found)
        return self._found[1]

    def _fixed_values(self) -> set[str]:
        return {v for _, v in self.fixed}

    def _values(self) -> set[str | None]:
        return {v for _, v in self.choice.options}

    def _draw(self, value: str | None, found: list[CaseActor] | None = None) -> None:
        found = self._matches() if found is None else found
        pinned = self.actors.get(self._pinned or "")
        listed = ([pinned] if pinned is not None else []) + [a for a in found if a is not pinned]
        options = list(self.fixed) + [(self.label(a), a.id) for a in listed]
        values = [v for _, v in options]
        if value not in values:
            value = values[0] if values else None
        set_options(self.choice, options, value)
        self.hint.value = _hint(self.find.value.strip(), len(found), len(self.actors))


def _hint(typed: str, found: int, actors: int) -> str:
    """What the list holds, when it does not hold every actor."""
    if typed and not found:
        return f"<small>No actor's name holds “{escape(typed)}”.</small>"
    if found >= actors:
        return ""
    if not typed:
        return f"<small>The {found} most named of {actors:,} actors: type to find another.</small>"
    return (
        f"<small>The first {found} matches: type more of the name.</small>"
        if (found >= LISTED)
        else ""
    )


class ClaimPicker(_Picker):
    """A claim found by its words or id: a find box over the first `LISTED` matches in the
    case's order (a drop-down of every claim sent 47,500 options, again after each added
    article), the chosen claim always listed. `value` is the chosen claim's id."""

    def __init__(self, description: str, *, css: str, width: str = "40em") -> None:
        self.claims: Sequence[CaseClaim] = ()
        self._label: Callable[[CaseClaim], str] = lambda c: c.id
        self._by_id: tuple[Sequence[CaseClaim], dict[str, CaseClaim]] | None = None
        self._pinned: str | None = None
        self._found: tuple[tuple[Sequence[CaseClaim], str], list[CaseClaim]] | None = None
        super().__init__("type words of a claim, or its id", description, css=css, width=width)

    @_Picker.value.setter
    def value(self, value: str | None) -> None:
        self.show(value)

    def set_claims(self, claims: Sequence[CaseClaim], label: Callable[[CaseClaim], str]) -> None:
        """The claims a choice may name (in the case's order), and each one's label."""
        self.claims, self._label = claims, label

    def show(self, current: str | None) -> None:
        """Choose `current` (a claim id; the first match when it is none of the claims)."""
        self._pinned = current if current in self._ids() else None
        self._draw(current)

    def knows(self, claim_id: str) -> bool:
        """Whether `claim_id` is one of the claims a choice may name."""
        return claim_id in self._ids()

    def _ids(self) -> dict[str, CaseClaim]:
        if self._by_id is None or self._by_id[0] is not self.claims:
            self._by_id = (self.claims, {c.id: c for c in self.claims})
        return self._by_id[1]

    def _typed(self, change) -> None:
        found = self._matches()
        self._draw(found[0].id if found else self.choice.value)

    def _matches(self) -> list[CaseClaim]:
        key = (self.claims, " ".join(self.find.value.casefold().split()))
        if self._found is None or self._found[0][0] is not key[0] or self._found[0][1] != key[1]:
            words = key[1]
            found = (
                c
                for c in self.claims
                if not words or c.id.casefold() == words or words in c.text.casefold()
            )
            self._found = (key, list(itertools.islice(found, LISTED)))
        return self._found[1]

    def _draw(self, value: str | None) -> None:
        found = self._matches()
        pinned = self._ids().get(self._pinned or "")
        listed = ([pinned] if pinned is not None else []) + [c for c in found if c is not pinned]
        options = [(self._label(c), c.id) for c in listed]
        values = [v for _, v in options]
        if value not in values:
            value = values[0] if values else None
        set_options(self.choice, options, value)
        typed = self.find.value.strip()
        if typed and not found:
            self.hint.value = f"<small>No claim holds “{escape(typed)}”.</small>"
        elif len(found) >= LISTED or (not typed and len(self.claims) > len(found)):
            self.hint.value = (
                f"<small>{len(found)} of {len(self.claims):,} claims shown: "
                "type words of the one you want.</small>"
            )
        else:
            self.hint.value = ""


__all__ = ["LISTED", "ActorPicker", "ClaimPicker", "best_matches"]
