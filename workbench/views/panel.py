"""What every panel has in common: a widget, a refresh, and a safe way to run an edit."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as W

from ..errors import WorkbenchError
from .selection import Context


class Panel:
    """A view over the case. Subclasses build `self.widget` and implement `refresh()`."""

    title = ""
    lazy = False  # costly to draw: redrawn only while its tab is open (see `defer`)

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.shown = False  # set by the app when the panel's tab opens or closes
        self.stale = False
        self.widget: W.Widget = W.VBox()
        self._refreshing = False  # set while options are rebuilt, so observers stay quiet

    @property
    def case(self):  # the case can be swapped by the load panel
        return self.ctx.case

    def refresh(self) -> None:
        raise NotImplementedError

    def defer(self) -> bool:
        """True (and remember to redraw) when a lazy panel is hidden."""
        if self.lazy and not self.shown:
            self.stale = True
            return True
        return False

    def run(self, action: Callable[[], object], message: str) -> bool:
        """Do one edit on the case; report it, or report why it could not be done."""
        try:
            action()
        except WorkbenchError as exc:
            self.ctx.failed(str(exc))
            return False
        self.ctx.edited(message)
        return True


def button(description: str, *, style: str = "", tooltip: str = "", width: str = "") -> W.Button:
    layout = W.Layout(width=width) if width else W.Layout(width="auto")
    return W.Button(description=description, button_style=style, tooltip=tooltip, layout=layout)


def html_table(headers: list[str], rows: list[list[object]], *, css_class: str = "wb-table") -> str:
    """An HTML table whose every cell is escaped: cells hold article text."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape('' if c is None else str(c))}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return f'<table class="{css_class}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


TABLE_CSS = """<style>
.wb-table { border-collapse: collapse; font-size: 13px; }
.wb-table th, .wb-table td { border-bottom: 1px solid #ddd; padding: 2px 8px; text-align: left;
  vertical-align: top; }
.wb-table th { background: #f3f3f3; }
.wb-flag { background: #ffe8b0; border-radius: 3px; padding: 0 4px; margin-right: 4px; font-size: 12px; }
.wb-status { font-weight: bold; }
</style>"""
