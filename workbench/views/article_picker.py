"""The Article tab's picker: the latest articles listed, any article found as you type.

A case of 5,000 articles made a 5,000-option drop-down: 415 kB of the 570 kB of widget
state the page received at open, drawn by the browser before the first click, and every
article's text read to label it. The picker lists the `LISTED` articles published last
(and the one shown), and a search box finds any other by its title, outlet, date or id:
each word typed must begin a word of these, and the first `FOUND` matches, the latest
first, are listed below it. It needs
only the articles' titles, outlets and dates (`Case.article_heads`), never their texts.

It is driven like the drop-down it replaces: `value` is the id of the article shown (None
for no article), set from Python or by a person's choice; observe it to follow.

The Network and Timeline tabs filter by article with it too (`every="all articles"`): the
drop-down then begins with that choice, whose `value` is None, and None is the default.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

import ipywidgets as W
import traitlets

LISTED = 30  # articles in the drop-down: the latest published, as a person scans them
FOUND = 50  # matches listed under the search box; a person types more words to narrow
_WRAP = W.Layout(flex_flow="row wrap", align_items="center")


def head_label(head: Any, *, with_id: bool = False) -> str:
    """How an article is named in the picker: its title, outlet and date, and its id when
    another article has the same title (a story carried by several outlets). Plain text:
    the widgets show labels as text, never as HTML."""
    name = head.title or head.id
    facts = ", ".join(str(f) for f in (head.outlet, head.published) if f)
    label = f"{name} — {facts}" if facts else name
    return f"{label} ({head.id})" if with_id and head.title else label


def _searchable(head: Any) -> str:
    """What a search looks through, as words each starting after a space: the title,
    outlet, id, and the date as written in both forms a person types ("2016-10-17",
    "17 October 2016"); a hyphenated word also by its parts ("al-Assad": "assad")."""
    words = [head.title or "", head.outlet or "", head.id]
    published = head.published
    if isinstance(published, datetime.date):
        words += [published.isoformat(), f"{published.day} {published:%B %Y}"]
    tokens = " ".join(words).casefold().split()
    tokens += [part for token in tokens if "-" in token for part in token.split("-") if part]
    return " " + " ".join(tokens)


def _matches(haystack: str, words: Sequence[str]) -> bool:
    """Whether each of `words` begins a word of `haystack` ("oct" finds October, "7" does
    not find 17)."""
    return all(f" {word}" in haystack for word in words)


def _latest_first(heads: Sequence[Any]) -> list[Any]:
    """The articles by publication date, the latest first; undated ones after the dated,
    and among equals the one added last first."""
    placed = sorted(
        enumerate(heads),
        key=lambda item: (item[1].published is not None, item[1].published or _NO_DATE, item[0]),
        reverse=True,
    )
    return [head for _, head in placed]


_NO_DATE = datetime.date.min


class ArticlePicker(traitlets.HasTraits):
    """A drop-down of the latest articles and a search box that finds any article."""

    value = traitlets.Unicode(None, allow_none=True)

    def __init__(
        self,
        *,
        listed: int = LISTED,
        found: int = FOUND,
        every: str | None = None,
        css: str = "wb-article",
        width: str = "40em",
    ) -> None:
        """`every`: the label of a first choice meaning no article in particular (a filter's
        "all articles"); `css`: the prefix of the parts' classes (one picker per tab)."""
        super().__init__()
        self.listed, self.found, self.every = listed, found, every
        self.dropdown = W.Dropdown(description="Article", layout=W.Layout(width=width))
        self.dropdown.add_class(f"{css}-choice")
        self.search = W.Text(
            placeholder="find an article: words of its title, outlet or date",
            continuous_update=True,
            layout=W.Layout(width="24em"),
        )
        self.search.add_class(f"{css}-search")
        self.note = W.HTML()
        self.note.add_class(f"{css}-note")
        self.matches = W.Select(rows=8, layout=W.Layout(width="48em", display="none"))
        self.matches.add_class(f"{css}-matches")
        self.widget = W.VBox(
            [W.HBox([self.dropdown, self.search, self.note], layout=_WRAP), self.matches]
        )
        self._heads: list[Any] = []  # in the order added
        self._by_id: dict[str, Any] = {}
        self._latest: list[Any] = []
        self._haystacks: dict[str, str] = {}  # made on the first search
        self._shared_titles: set[str] = set()  # titles more than one article has
        self._quiet = False  # while the widgets are set from here, their changes are not picks
        self.dropdown.observe(self._picked, names="value")
        self.matches.observe(self._picked, names="value")
        self.search.observe(self._searched, names="value")

    # --- the articles -----------------------------------------------------------------------

    def set_articles(self, heads: Sequence[Any], wanted: str | None = None) -> None:
        """List `heads` (each with id, title, outlet, published; in the order added) and show
        `wanted`, else the last added (as the drop-down of every article did), or with
        `every`, no article in particular."""
        if list(heads) != self._heads:
            self._heads = list(heads)
            self._by_id = {h.id: h for h in self._heads}
            self._latest = _latest_first(self._heads)
            self._haystacks = {}
            seen: set[str] = set()
            self._shared_titles = {
                h.title for h in self._heads if h.title and (h.title in seen or seen.add(h.title))
            }
        if wanted not in self._by_id:
            wanted = self._heads[-1].id if self._heads and self.every is None else None
        self._list(wanted)
        if self.value != wanted:
            self.value = wanted
        if self.search.value:
            self._show_matches(self.search.value)
        self._say()

    def knows(self, article_id: str | None) -> bool:
        """Whether `article_id` is one of the case's articles (listed or not)."""
        return article_id in self._by_id

    @property
    def options(self) -> list[tuple[str, str]]:
        """Every article as (label, id), in the order added: the whole choice, of which the
        drop-down lists only the latest."""
        return [(self._label(h), h.id) for h in self._heads]

    @property
    def label(self) -> str | None:
        """How the article chosen is named (the `every` label, or None, for none)."""
        return self._label(self._by_id[self.value]) if self.value else self.every

    @property
    def chosen(self) -> Any:
        """The head (id, title, outlet, published) of the article chosen, None for none."""
        return self._by_id.get(self.value) if self.value else None

    def _label(self, head: Any) -> str:
        return head_label(head, with_id=head.title in self._shared_titles)

    @traitlets.validate("value")
    def _known(self, proposal: Any) -> str | None:
        value = proposal["value"]
        if value is not None and value not in self._by_id:
            raise traitlets.TraitError(f"no article {value!r} in this case")
        return value

    @traitlets.observe("value")
    def _shown(self, change: Any) -> None:
        self._list(change["new"])

    # --- what the widgets show --------------------------------------------------------------

    def _list(self, current: str | None) -> None:
        """The drop-down: the latest articles, with `current` first if it is not among them."""
        latest = self._latest[: self.listed]
        if current is not None and all(h.id != current for h in latest):
            latest = [self._by_id[current], *latest]
        options = [(self._label(h), h.id) for h in latest]
        if self.every is not None:  # its value "": a drop-down's None is no choice at all
            options.insert(0, (self.every, ""))
            current = current or ""
        self._quiet = True
        try:
            if list(self.dropdown.options) != options:
                with self.dropdown.hold_sync():
                    self.dropdown.options = options
                    self.dropdown.value = current
            elif self.dropdown.value != current:
                self.dropdown.value = current
        finally:
            self._quiet = False

    def _say(self) -> None:
        total = len(self._heads)
        if self.search.value.strip():
            return  # the matches' count is shown
        if total > self.listed:
            self.note.value = (
                f"<small>{total:,} articles: the {self.listed} latest listed; "
                "type to find any other</small>"
            )
        else:
            self.note.value = ""

    def _searched(self, change: Any) -> None:
        self._show_matches(change["new"])
        self._say()

    def _show_matches(self, query: str) -> None:
        words = query.casefold().split()
        if not words:
            self.matches.layout.display = "none"
            self._set_matches([])
            return
        if not self._haystacks:
            self._haystacks = {h.id: _searchable(h) for h in self._heads}
        found = [h for h in self._latest if _matches(self._haystacks[h.id], words)]
        self._set_matches([(self._label(h), h.id) for h in found[: self.found]])
        self.matches.layout.display = ""
        if not found:
            self.note.value = "<small>no article matches: try other words</small>"
        elif len(found) > self.found:
            self.note.value = (
                f"<small>{len(found):,} articles match: the {self.found} latest listed; "
                "type more words to narrow</small>"
            )
        else:
            plural = "s match" if len(found) > 1 else " matches"
            self.note.value = f"<small>{len(found)} article{plural}: pick one below</small>"

    def _set_matches(self, options: list[tuple[str, str]]) -> None:
        self._quiet = True
        try:
            with self.matches.hold_sync():
                self.matches.options = options
                self.matches.value = None
                self.matches.rows = max(2, min(8, len(options)))  # no empty box under a few
        finally:
            self._quiet = False

    def _picked(self, change: Any) -> None:
        """A person chose an article in the drop-down or among the matches."""
        if self._quiet or change["new"] is None:
            return
        if change["owner"] is self.matches:
            self.search.value = ""  # the matches go; the drop-down shows the one picked
        self.value = change["new"] or None  # "": the `every` choice
