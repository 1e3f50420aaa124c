"""A sortable, filterable table with row selection, for any panel: offline, in Voila and
JupyterLab alike (an anywidget whose script is this module's string, no CDN).

The logic is `TableModel`, a plain dataclass testable without a browser: the rows, the text
filter, per-column choice filters, the sort, the selection and the page. `Table` is the thin
widget over it: the browser receives only the page on show (100 rows by default), so 5,000
rows cost one page of DOM; typing, sorting or paging asks Python for the next page. Every
cell is set with `textContent` (never `innerHTML`): cells hold article text.

    >>> from workbench.views.table import Column, Table, TableRow
    >>> table = Table(
    ...     [Column("status", "status", choices=True), Column("name", "name", width="20em")],
    ...     multiple=True,                       # checkboxes and "select all shown"
    ... )
    >>> table.set_rows([TableRow("A1", {"status": "confirmed", "name": "Ali Mamlouk"})])
    >>> table.observe(lambda change: print(change["new"]), names="selected")
    >>> table.update_rows([TableRow("A1", {"status": "rejected", "name": "Ali Mamlouk"})])
    >>> table.select(["A1"])                     # or a click in the browser
    >>> table.model.shown_ids()                  # the ids the filters let through, sorted

API, for a panel:
- `Column(key, header, *, choices=False, width="", sort_numeric=False)`: `header` is the
  plain word shown; `choices=True` gives the column a drop-down filter of its values (or
  `choices=(...)` fixed values); a row may list several values for one column in
  `TableRow.facets` (an outlets column matching any outlet of the chain).
- `TableRow(id, cells, *, order=None, facets=None, muted=False)`: `cells` maps column key to
  the text shown; `order` maps a column key to the value sorted by (a number, a date) where
  the text would sort wrong; `muted` greys the row (a rejected item shown on request).
- `Table.set_rows(rows)` replaces every row; `update_rows(rows)` replaces or adds those
  rows only; `remove_rows(ids)`. The page is resent only when a row on it changed.
- `Table.selected` (a traitlet, list of ids, in the order chosen; observe it): a click on a
  row selects that row alone; with `multiple=True` a row's checkbox adds or removes it and
  the header's checkbox selects every row shown by the filters (on every page).
  `Table.select(ids)`, `Table.select_all_shown()`, `Table.clear_selection()` do the same
  from Python. `Table.current` is the row last clicked (the one a panel edits).
- `Table.query` (the text box), `Table.choice_values` ({column key: value}), `Table.sort`
  ([column key, descending]) and `Table.page` are traitlets too: setting them from Python
  is what a person does in the browser. `Table.show_row(id)` clears the filters hiding a
  row and turns to its page (a row selected in another panel).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import anywidget
import traitlets

PAGE_SIZE = 100  # rows drawn at once: one screenful or two, cheap in any browser


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the plain word shown above the column
    choices: bool | tuple[str, ...] = False  # a drop-down filter: its values, or these
    width: str = ""  # a CSS width ("8em"); empty: as wide as the text needs
    sort_numeric: bool = False  # sort the cells as numbers (when `order` is not given)


@dataclass(frozen=True)
class TableRow:
    id: str
    cells: Mapping[str, str]
    order: Mapping[str, Any] | None = None  # column key -> value to sort by
    facets: Mapping[str, Sequence[str]] | None = None  # column key -> values a choice matches
    muted: bool = False

    def cell(self, key: str) -> str:
        value = self.cells.get(key)
        return "" if value is None else str(value)

    def values(self, key: str) -> Sequence[str]:
        """What a choice filter on `key` matches: the facets given, else the cell."""
        if self.facets and key in self.facets:
            return self.facets[key]
        return (self.cell(key),)

    def sort_value(self, column: Column) -> tuple:
        # (missing?, value): empty cells sort last whichever way round
        if self.order and column.key in self.order:
            value = self.order[column.key]
            return (value is None, value if value is not None else 0)
        text = self.cell(column.key)
        if column.sort_numeric:
            try:
                return (text == "", float(text) if text else 0.0)
            except ValueError:
                return (True, 0.0)
        return (text == "", text.casefold())


ANY = ""  # the choice filter value meaning "any"


class _Reversed:
    """A sort value that orders the other way round (a descending column's rows)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.value < self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and bool(self.value == other.value)

    __hash__ = None  # type: ignore[assignment]


@dataclass
class TableModel:
    """The table's state and every rule of it; the widget only shows it."""

    columns: tuple[Column, ...]
    multiple: bool = False
    page_size: int = PAGE_SIZE
    rows: dict[str, TableRow] = field(default_factory=dict)  # insertion order kept
    query: str = ""
    choice_values: dict[str, str] = field(default_factory=dict)
    sort_key: str | None = None
    descending: bool = False
    page: int = 0
    selected: list[str] = field(default_factory=list)
    current: str | None = None  # the row last clicked or selected: the one a panel edits
    _shown: list[str] | None = field(default=None, repr=False)  # cache of shown_ids()
    # each row's cells as one casefolded text, made once per row for the text filter
    _texts: dict[str, str] = field(default_factory=dict, repr=False)
    # per choice column, how many rows hold each value (None: count again when asked), and
    # the sorted options made from them: an edit of one row moves the counts by its delta
    _counts: dict[str, Counter[str]] | None = field(default=None, repr=False)
    _options: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        keys = [c.key for c in self.columns]
        if len(set(keys)) != len(keys):
            raise ValueError(f"column keys must differ: {keys}")

    # --- rows ----------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[TableRow]) -> None:
        old, self.rows = self.rows, {r.id: r for r in rows}
        self._texts = {i: t for i, t in self._texts.items() if old.get(i) == self.rows.get(i)}
        self._set_selected([i for i in self.selected if i in self.rows])
        self._counts, self._options = None, {}
        self._shown = None
        self._changed()

    def update_rows(self, rows: Iterable[TableRow]) -> set[str]:
        """Replace or add `rows`; returns the ids whose row differs from before.

        The order shown is kept, not worked out again, when every changed row was shown
        and still is, with the same sort value: a row replaced keeps its place in `rows`
        (so among equal sort values too), which is all the order depends on."""
        changed = set()
        keep = self._shown is not None
        sort = self.column(self.sort_key) if self.sort_key is not None else None
        # no filter: every row matches (not asked again for each of 3,500 rows)
        filtered = bool(self.choice_values) or bool(self.query.split())
        matches = self.matches if filtered else lambda _row: True
        new: list[TableRow] = []  # rows added: put into the order shown, not sorted again
        moved: list[TableRow] = []  # rows whose sort value changed: taken out, put back
        for row in rows:
            old = self.rows.get(row.id)
            if old == row:
                continue
            if keep and old is not None:
                keep = matches(old)
                if keep and sort is not None and old.sort_value(sort) != row.sort_value(sort):
                    moved.append(row)
            self._recount(old, row)
            self.rows[row.id] = row
            self._texts.pop(row.id, None)
            if keep and old is not None:
                keep = matches(row)
            elif old is None:
                new.append(row)
            changed.add(row.id)
        if changed:
            if keep and moved and len(moved) * 4 > len(self.rows):
                keep = False  # most rows moved: one sort is cheaper
            if not keep:
                self._shown = None
            else:
                if moved and sort is not None:
                    self._move_shown(moved, sort)
                if new:
                    self._add_shown(new, sort)
            self._changed()
        return changed

    def _move_shown(self, moved: list[TableRow], sort: Column) -> None:
        """Put rows whose sort value changed back where a sort of every row would: a sort
        is stable, so among equal values a row keeps its place in `rows` (a mention count
        changed by an added article moved 5,118 actors' rows through a sort: 0.1 s)."""
        shown = self._shown
        assert shown is not None
        ids = {r.id for r in moved}
        shown[:] = [i for i in shown if i not in ids]
        at = {i: n for n, i in enumerate(self.rows)}

        def place(row_id: str) -> tuple:
            return (self._place(self.rows[row_id], sort), at[row_id])

        for row in moved:
            if self.matches(row):
                shown.insert(bisect.bisect_left(shown, place(row.id), key=place), row.id)

    def _add_shown(self, new: list[TableRow], sort: Column | None) -> None:
        """Put rows just added (last in `rows`) into the order shown where a sort of every
        row would: after the rows equal to them (the sort is stable), the empty ones last."""
        shown = self._shown
        assert shown is not None
        for row in new:
            if not self.matches(row):
                continue
            if sort is None:
                shown.append(row.id)
                continue
            shown.insert(
                bisect.bisect_right(
                    shown, self._place(row, sort), key=lambda i: self._place(self.rows[i], sort)
                ),
                row.id,
            )

    def _place(self, row: TableRow, sort: Column) -> tuple:
        """What orders `row` in the rows shown (as `shown_ids` sorts them)."""
        empty, value = row.sort_value(sort)
        return (empty, _Reversed(value) if self.descending else value)

    def remove_rows(self, ids: Iterable[str]) -> set[str]:
        gone = set()
        for i in ids:
            row = self.rows.pop(i, None)
            if row is not None:
                self._count(row, -1)
                self._texts.pop(i, None)
                gone.add(i)
        if gone:
            self._set_selected([i for i in self.selected if i not in gone])
            if self._shown is not None:  # the rest keep their order: not sorted again
                self._shown = [i for i in self._shown if i not in gone]
            self._changed()
        return gone

    def _count(self, row: TableRow | None, by: int) -> None:
        """Move the choice counts by `row`'s values (when they are kept)."""
        if row is None or self._counts is None:
            return
        for key in self._counts:
            self._count_values(key, row.values(key), by)

    def _recount(self, old: TableRow | None, new: TableRow) -> None:
        """Move the choice counts from `old`'s values to `new`'s, in the columns where they
        differ (a merge renames the speaker of 3,500 claims and leaves their five other
        choice columns as they were)."""
        if old is None or self._counts is None:
            self._count(new, +1)
            return
        for key in self._counts:
            before, after = old.values(key), new.values(key)
            if before != after:
                self._count_values(key, before, -1)
                self._count_values(key, after, +1)

    def _count_values(self, key: str, values: Sequence[str], by: int) -> None:
        counts = self._counts[key] if self._counts is not None else Counter()
        for value in values:
            if value:
                counts[value] += by
                if counts[value] <= 0:
                    del counts[value]
                    self._options.pop(key, None)
                elif by > 0 and counts[value] == 1:
                    self._options.pop(key, None)  # a new value: sort the options again

    def _changed(self) -> None:
        # a choice no row holds any more (a speaker renamed, an outlet merged) would hide
        # every row behind a drop-down that cannot show it: let it go
        for key, value in list(self.choice_values.items()):
            if value not in self.choice_options(key):
                del self.choice_values[key]
                self._shown = None
        self.page = min(self.page, max(self.page_count() - 1, 0))

    # --- filters and sort ------------------------------------------------------------------

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"no column {key!r}")

    def set_query(self, text: str) -> None:
        if text != self.query:
            self.query, self.page = text, 0
            self._shown = None

    def set_choice(self, key: str, value: str) -> None:
        self.column(key)  # a typo in a key is a bug: say so
        current = self.choice_values.get(key, ANY)
        if value != current:
            self.choice_values = {**self.choice_values, key: value}
            if not value:
                del self.choice_values[key]
            self.page = 0
            self._shown = None

    def clear_filters(self) -> None:
        self.query, self.choice_values, self.page = "", {}, 0
        self._shown = None

    def toggle_sort(self, key: str) -> None:
        """A header click: sort by this column, or the other way round if it already is."""
        self.column(key)
        if self.sort_key == key:
            self.descending = not self.descending
        else:
            self.sort_key, self.descending = key, False
        self._shown = None

    def set_sort(self, key: str | None, descending: bool = False) -> None:
        if key is not None:
            self.column(key)
        if (key, descending) != (self.sort_key, self.descending):
            self.sort_key, self.descending = key, descending
            self._shown = None

    def choice_options(self, key: str) -> list[str]:
        """The values a column's drop-down offers: given ones, or those in the rows."""
        column = self.column(key)
        if isinstance(column.choices, tuple):
            return list(column.choices)
        if self._counts is None:
            self._counts = {
                c.key: Counter(v for row in self.rows.values() for v in row.values(c.key) if v)
                for c in self.columns
                if c.choices is True
            }
            self._options = {}
        options = self._options.get(key)
        if options is None:
            options = self._options[key] = sorted(self._counts[key], key=str.casefold)
        return list(options)

    def matches(self, row: TableRow) -> bool:
        for key, wanted in self.choice_values.items():
            if wanted and wanted not in row.values(key):
                return False
        words = self.query.casefold().split()
        if words:
            text = self._texts.get(row.id)
            if text is None:
                text = " ".join(row.cell(c.key) for c in self.columns).casefold()
                self._texts[row.id] = text
            return all(word in text for word in words)
        return True

    def shown_ids(self) -> list[str]:
        """Every row the filters let through, in the sort order (all pages)."""
        if self._shown is None:
            rows = [r for r in self.rows.values() if self.matches(r)]
            if self.sort_key is not None:
                column = self.column(self.sort_key)
                rows.sort(key=lambda r: r.sort_value(column), reverse=self.descending)
                if self.descending:  # empty cells last in both directions
                    rows.sort(key=lambda r: r.sort_value(column)[0])
            self._shown = [r.id for r in rows]
        return self._shown

    # --- pages -----------------------------------------------------------------------------

    def page_count(self) -> int:
        return max(1, math.ceil(len(self.shown_ids()) / self.page_size))

    def set_page(self, page: int) -> None:
        self.page = min(max(page, 0), self.page_count() - 1)

    def page_ids(self) -> list[str]:
        start = self.page * self.page_size
        return self.shown_ids()[start : start + self.page_size]

    def show_row(self, row_id: str) -> bool:
        """Make `row_id` visible: clear the filters hiding it, turn to its page."""
        if row_id not in self.rows:
            return False
        if row_id not in self.shown_ids():
            self.clear_filters()
        self.page = self.shown_ids().index(row_id) // self.page_size
        return True

    # --- selection -------------------------------------------------------------------------

    def select(self, ids: Iterable[str]) -> None:
        ids = [i for i in dict.fromkeys(ids) if i in self.rows]
        self._set_selected(ids if self.multiple else ids[-1:])

    def _set_selected(self, ids: list[str], current: str | None = None) -> None:
        self.selected = ids
        if current in ids:
            self.current = current
        elif self.current not in ids:
            self.current = ids[-1] if ids else None

    def click(self, row_id: str, *, toggle: bool = False) -> None:
        """A click on a row (alone), or on its checkbox (`toggle`: add or remove it)."""
        if row_id not in self.rows:
            return
        if toggle and self.multiple:
            if row_id in self.selected:
                self._set_selected([i for i in self.selected if i != row_id])
            else:
                self._set_selected([*self.selected, row_id], row_id)
        else:
            self._set_selected([row_id], row_id)

    def select_all_shown(self) -> None:
        shown = self.shown_ids() if self.multiple else self.shown_ids()[:1]
        self._set_selected(list(shown))

    def clear_selection(self) -> None:
        self._set_selected([])

    def all_shown_selected(self) -> bool:
        shown = self.shown_ids()
        return bool(shown) and set(shown) <= set(self.selected)

    # --- what the browser draws --------------------------------------------------------------

    def page_payload(self) -> list[dict[str, Any]]:
        keys = [c.key for c in self.columns]
        chosen = set(self.selected)
        return [
            {
                "id": row.id,
                "cells": [row.cell(k) for k in keys],
                "selected": row.id in chosen,
                "muted": row.muted,
            }
            for row in (self.rows[i] for i in self.page_ids())
        ]

    def columns_payload(self) -> list[dict[str, Any]]:
        return [
            {
                "key": c.key,
                "header": c.header,
                "width": c.width,
                "choices": self.choice_options(c.key) if c.choices else None,
            }
            for c in self.columns
        ]


_ESM = r"""
function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;  // text only: cells hold article text
  return node;
}

function render({ model, el: root }) {
  const box = el("div", "wb-tbl");
  root.appendChild(box);
  const bar = el("div", "wb-tbl-bar");
  const search = el("input", "wb-tbl-search");
  search.type = "search";
  search.placeholder = "filter: type words";
  search.setAttribute("aria-label", "filter the rows");
  const choices = el("span", "wb-tbl-choices");
  const count = el("span", "wb-tbl-count");
  const pager = el("span", "wb-tbl-pager");
  const prev = el("button", "wb-tbl-prev", "‹ previous");
  const next = el("button", "wb-tbl-next", "next ›");
  const where = el("span", "wb-tbl-where");
  pager.append(prev, where, next);
  bar.append(search, choices, count, pager);
  const scroller = el("div", "wb-tbl-scroll");
  const table = el("table", "wb-tbl-table");
  const head = el("thead");
  const body = el("tbody");
  table.append(head, body);
  scroller.appendChild(table);
  box.append(bar, scroller);

  let timer = null;
  search.addEventListener("input", () => {
    clearTimeout(timer);  // one message per pause in typing, not per key
    timer = setTimeout(() => { model.set("query", search.value); model.save_changes(); }, 200);
  });
  prev.addEventListener("click", () => { model.set("page", model.get("page") - 1); model.save_changes(); });
  next.addEventListener("click", () => { model.set("page", model.get("page") + 1); model.save_changes(); });

  const drawChoices = () => {
    choices.replaceChildren();
    const values = model.get("choice_values");
    for (const column of model.get("columns")) {
      if (!column.choices) continue;
      const pick = el("select", "wb-tbl-choice");
      pick.dataset.column = column.key;
      pick.setAttribute("aria-label", "only this " + column.header);
      pick.appendChild(new Option("any " + column.header, ""));
      for (const value of column.choices) pick.appendChild(new Option(value, value));
      pick.value = values[column.key] || "";
      pick.addEventListener("change", () => {
        const next = Object.assign({}, model.get("choice_values"));
        if (pick.value) { next[column.key] = pick.value; } else { delete next[column.key]; }
        model.set("choice_values", next);
        model.save_changes();
      });
      choices.appendChild(pick);
    }
  };

  const drawHead = () => {
    head.replaceChildren();
    const row = el("tr");
    if (model.get("multiple")) {
      const th = el("th", "wb-tbl-check");
      const all = el("input", "wb-tbl-all");
      all.type = "checkbox";
      all.title = "select all shown";
      all.setAttribute("aria-label", "select all shown");
      all.checked = model.get("all_shown_selected");
      all.addEventListener("change", () => {
        model.send({ event: all.checked ? "select_all_shown" : "clear_selection" });
      });
      th.appendChild(all);
      row.appendChild(th);
    }
    const [sortKey, descending] = model.get("sort");
    for (const column of model.get("columns")) {
      const th = el("th", "wb-tbl-head", column.header);
      th.dataset.column = column.key;
      th.title = "sort by " + column.header;
      if (column.width) th.style.width = column.width;
      if (column.key === sortKey) {
        th.appendChild(el("span", "wb-tbl-arrow", descending ? " ▼" : " ▲"));
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      }
      th.addEventListener("click", () => { model.send({ event: "sort", column: column.key }); });
      row.appendChild(th);
    }
    head.appendChild(row);
  };

  const drawBody = () => {
    body.replaceChildren();
    const multiple = model.get("multiple");
    const rows = model.get("rows_page");
    for (const data of rows) {
      const tr = el("tr", "wb-tbl-row");
      tr.dataset.id = data.id;
      if (data.selected) tr.classList.add("wb-tbl-selected");
      if (data.muted) tr.classList.add("wb-tbl-muted");
      if (multiple) {
        const td = el("td", "wb-tbl-check");
        const tick = el("input", "wb-tbl-tick");
        tick.type = "checkbox";
        tick.checked = data.selected;
        tick.setAttribute("aria-label", "select row " + data.id);
        tick.addEventListener("click", (event) => {
          event.stopPropagation();
          model.send({ event: "click", id: data.id, toggle: true });
        });
        td.appendChild(tick);
        tr.appendChild(td);
      }
      for (const text of data.cells) {
        const td = el("td", "wb-tbl-cell", text);
        td.title = text;
        td.dir = "auto";  // Arabic cells right to left, Latin ones left to right
        tr.appendChild(td);
      }
      tr.tabIndex = 0;  // reachable with Tab; Enter or Space picks the row
      tr.addEventListener("click", () => { model.send({ event: "click", id: data.id, toggle: false }); });
      tr.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        model.send({ event: "click", id: data.id, toggle: false });
      });
      body.appendChild(tr);
    }
    if (!rows.length) {
      const tr = el("tr", "wb-tbl-empty");
      const td = el("td", "", model.get("total") ? "No row matches the filters." : "Nothing here yet.");
      td.colSpan = model.get("columns").length + (multiple ? 1 : 0);
      tr.appendChild(td);
      body.appendChild(tr);
    }
    const shown = model.get("shown_count"), total = model.get("total");
    const selected = model.get("selected").length;
    count.textContent = (shown === total ? total + " rows" : shown + " of " + total + " rows") +
      (selected ? ", " + selected + " selected" : "");
    const page = model.get("page"), pages = model.get("page_count");
    pager.style.display = pages > 1 ? "" : "none";
    where.textContent = " page " + (page + 1) + " of " + pages + " ";
    prev.disabled = page <= 0;
    next.disabled = page >= pages - 1;
    if (search.value !== model.get("query") && document.activeElement !== search) {
      search.value = model.get("query");
    }
  };

  drawChoices(); drawHead(); drawBody();
  model.on("change:columns", () => { drawChoices(); drawHead(); });
  model.on("change:choice_values", drawChoices);
  model.on("change:sort", drawHead);
  model.on("change:all_shown_selected", drawHead);
  model.on("change:rows_page", drawBody);
  model.on("change:selected", drawBody);
  model.on("change:query", drawBody);
}
export default { render };
"""

_CSS = """
.wb-tbl { font-size: 13px; max-width: 100%; }
.wb-tbl-bar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 2px 0 4px; }
.wb-tbl-search { width: 16em; padding: 2px 4px; }
.wb-tbl-choices { display: inline-flex; flex-wrap: wrap; gap: 4px; }
.wb-tbl-choice { max-width: 12em; }
.wb-tbl-count { color: #555; }
.wb-tbl-scroll { max-height: 24em; overflow: auto; border: 1px solid #ddd; }
.wb-tbl-table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.wb-tbl-table th { position: sticky; top: 0; background: #f3f3f3; text-align: left;
  cursor: pointer; user-select: none; padding: 3px 6px; border-bottom: 1px solid #ccc;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.wb-tbl-table td { padding: 2px 6px; border-bottom: 1px solid #eee; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; unicode-bidi: plaintext; }
.wb-tbl-table th.wb-tbl-check, .wb-tbl-table td.wb-tbl-check { width: 2em; cursor: default; }
.wb-tbl-row { cursor: pointer; }
.wb-tbl-row:hover { background: #f5f9ff; }
.wb-tbl-row.wb-tbl-selected { background: #dbe9ff; }
.wb-tbl-row.wb-tbl-muted td { color: #999; text-decoration: line-through; }
.wb-tbl-empty td { color: #777; font-style: italic; padding: 8px; }
"""


class Table(anywidget.AnyWidget):
    """The widget over a `TableModel`; see the module's docstring for its API."""

    _esm = _ESM
    _css = _CSS
    columns = traitlets.List().tag(sync=True)  # the columns_payload
    multiple = traitlets.Bool(False).tag(sync=True)
    rows_page = traitlets.List().tag(sync=True)  # the rows of the page on show
    query = traitlets.Unicode("").tag(sync=True)
    choice_values = traitlets.Dict().tag(sync=True)
    sort = traitlets.List([None, False]).tag(sync=True)  # [column key or None, descending]
    page = traitlets.Int(0).tag(sync=True)
    page_count = traitlets.Int(1).tag(sync=True)
    shown_count = traitlets.Int(0).tag(sync=True)
    total = traitlets.Int(0).tag(sync=True)
    all_shown_selected = traitlets.Bool(False).tag(sync=True)
    selected = traitlets.List(traitlets.Unicode()).tag(sync=True)
    current = traitlets.Unicode(None, allow_none=True)  # the row last clicked (not synced)

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        multiple: bool = False,
        page_size: int = PAGE_SIZE,
        **kwargs: Any,
    ) -> None:
        super().__init__(multiple=multiple, **kwargs)
        self.model = TableModel(tuple(columns), multiple=multiple, page_size=page_size)
        self._syncing = False
        self.on_msg(self._message)
        self.observe(self._query_set, names="query")
        self.observe(self._choices_set, names="choice_values")
        self.observe(self._sort_set, names="sort")
        self.observe(self._page_set, names="page")
        self.observe(self._selected_set, names="selected")
        self._push(columns=True)

    # --- rows ----------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[TableRow]) -> None:
        self.model.set_rows(rows)
        self._push(columns=True)

    def update_rows(self, rows: Iterable[TableRow]) -> set[str]:
        """Replace or add these rows; the browser hears only if the page shown changed."""
        changed = self.model.update_rows(rows)
        if changed:
            self._push(columns=True)
        return changed

    def remove_rows(self, ids: Iterable[str]) -> set[str]:
        gone = self.model.remove_rows(ids)
        if gone:
            self._push(columns=True)
        return gone

    def row(self, row_id: str) -> TableRow | None:
        return self.model.rows.get(row_id)

    # --- selection and view ----------------------------------------------------------------

    def select(self, ids: Iterable[str]) -> None:
        self.model.select(ids)
        self._push()

    def click(self, row_id: str, *, toggle: bool = False) -> None:
        """What a click on a row (or, `toggle`, on its checkbox) does."""
        self.model.click(row_id, toggle=toggle)
        self._push()

    def select_all_shown(self) -> None:
        self.model.select_all_shown()
        self._push()

    def clear_selection(self) -> None:
        self.model.clear_selection()
        self._push()

    def show_row(self, row_id: str) -> bool:
        found = self.model.show_row(row_id)
        if found:
            self._push()
        return found

    def shown_ids(self) -> list[str]:
        return self.model.shown_ids()

    # --- sync --------------------------------------------------------------------------------

    def _push(self, *, columns: bool = False) -> None:
        """Send the model's state to the browser; traitlets skip values that did not change."""
        model = self.model
        self._syncing = True
        try:
            with self.hold_sync():
                if columns:
                    payload = model.columns_payload()
                    if payload != self.columns:
                        self.columns = payload
                page = model.page_payload()
                if page != self.rows_page:
                    self.rows_page = page
                self.query = model.query
                self.choice_values = dict(model.choice_values)
                self.sort = [model.sort_key, model.descending]
                self.page = model.page
                self.page_count = model.page_count()
                self.shown_count = len(model.shown_ids())
                self.total = len(model.rows)
                self.all_shown_selected = model.all_shown_selected()
        finally:
            self._syncing = False
        # the selection last, the row edited first: an observer of `selected` reads both
        self.current = model.current
        if list(self.selected) != model.selected:
            self._syncing = True
            try:
                self.selected = list(model.selected)
            finally:
                self._syncing = False

    def _message(self, _widget: Any, content: Mapping[str, Any], _buffers: Any) -> None:
        event = content.get("event")
        if event == "click":
            self.click(str(content.get("id")), toggle=bool(content.get("toggle")))
        elif event == "sort":
            self.model.toggle_sort(str(content.get("column")))
            self._push()
        elif event == "select_all_shown":
            self.select_all_shown()
        elif event == "clear_selection":
            self.clear_selection()

    def _query_set(self, change: Mapping[str, Any]) -> None:
        if not self._syncing:
            self.model.set_query(change["new"])
            self._push()

    def _choices_set(self, change: Mapping[str, Any]) -> None:
        if not self._syncing:
            wanted = dict(change["new"] or {})
            for column in self.model.columns:
                if column.choices:
                    self.model.set_choice(column.key, str(wanted.get(column.key) or ""))
            self._push()

    def _sort_set(self, change: Mapping[str, Any]) -> None:
        if not self._syncing:
            key, descending = (list(change["new"]) + [None, False])[:2]
            self.model.set_sort(key, bool(descending))
            self._push()

    def _page_set(self, change: Mapping[str, Any]) -> None:
        if not self._syncing:
            self.model.set_page(int(change["new"]))
            self._push()

    def _selected_set(self, change: Mapping[str, Any]) -> None:
        if not self._syncing:
            self.select(change["new"])


__all__ = ["ANY", "Column", "PAGE_SIZE", "Table", "TableModel", "TableRow"]
