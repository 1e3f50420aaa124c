"""What every panel has in common: a widget, a refresh, and a safe way to run an edit."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

import ipywidgets as W

from ..analysis import CaseSnapshot
from ..case.versions import StaleEditError
from ..errors import WorkbenchError
from .selection import Context

log = logging.getLogger("workbench.views")


class NothingChanged(Exception):  # noqa: N818 - an outcome, not an error
    """Raised by an edit that found nothing to do: its message says so instead of "Saved"."""


def unexpected(exc: BaseException) -> str:
    """What the status line says about an error that is not the person's doing."""
    return (
        f"Unexpected error: {type(exc).__name__}: {exc} — your saved work is safe; please report it"
    )


def guarded(failed: Callable[[str], None], callback: Callable) -> Callable:
    """`callback`, reporting any exception in the status line (via `failed`) and the log.

    ipywidgets swallows what a widget callback raises, so every observer and click handler
    goes through this: the person sees that something went wrong, and "busy" is replaced.
    """

    @functools.wraps(callback)
    def wrapper(*args, **kwargs):
        try:
            return callback(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - shown and logged, never swallowed
            log.exception("unexpected error in %s", getattr(callback, "__qualname__", callback))
            failed(unexpected(exc))
            return None

    return wrapper


class Panel:
    """A view over the case. Subclasses build `self.widget` and implement `refresh()`.

    A panel draws only while its tab is open: hidden, it is marked stale (see `defer`) and
    the app redraws it when its tab opens. It reads the case through `self.snapshot`, the
    one read of the case that every panel shares until the next edit.
    """

    title = ""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.shown = False  # set by the app when the panel's tab opens or closes
        self.stale = True  # nothing drawn yet
        self.widget: W.Widget = W.VBox()
        self._refreshing = False  # set while options are rebuilt, so observers stay quiet

    @property
    def case(self):  # the case can be swapped by the load panel
        return self.ctx.case

    @property
    def snapshot(self) -> CaseSnapshot:
        """The case as last read for the app (`CaseSnapshot`): read once per edit."""
        snap = self.ctx.snapshot
        if snap is None or snap.case is not self.ctx.case:
            from .app_read import AppSnapshot

            snap = self.ctx.snapshot = AppSnapshot(self.ctx.case)
        return snap

    def refresh(self) -> None:
        raise NotImplementedError

    def defer(self) -> bool:
        """True (and remember to redraw when shown) while the panel's tab is hidden."""
        if not self.shown:
            self.stale = True
            return True
        return False

    def guard(self, callback: Callable) -> Callable:
        """`callback` for an observer or a button: an exception shows in the status line."""
        return guarded(lambda message: self.ctx.failed(message), callback)

    def run(self, action: Callable[[], Any], message: str | Callable[[Any], str]) -> bool:
        """Do one edit on the case; report it, or report why it could not be done.

        An action that finds nothing to do raises `NothingChanged` with what to say. An edit
        refused as stale (the item changed since the person saw it) says what it is now,
        and the panel reads the case again and redraws, so the person sees that value.
        `message` may be made from the action's result (a new claim's id, say)."""
        try:
            result = action()
        except NothingChanged as exc:
            self.ctx.told(str(exc))
            return False
        except StaleEditError as exc:
            self.ctx.failed(str(exc))
            self.ctx.snapshot = None  # the next read is a fresh one
            self.refresh()
            return False
        except WorkbenchError as exc:
            self.ctx.failed(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a bug: shown and logged, "busy" cleared
            log.exception("unexpected error while: %s", message)
            self.ctx.failed(unexpected(exc))
            return False
        self.ctx.edited(message(result) if callable(message) else message, self)
        return True


def button(description: str, *, style: str = "", tooltip: str = "", width: str = "") -> W.Button:
    layout = W.Layout(width=width) if width else W.Layout(width="auto")
    return W.Button(description=description, button_style=style, tooltip=tooltip, layout=layout)


def set_options(select: W.Widget, options: Sequence, value: object = None) -> None:
    """Give a selection widget (Dropdown, Select, SelectMultiple) options and a value.

    Options equal to the ones shown are not sent to the browser again (500 claims are
    60 kB); new ones go in one message with the value. `value` must be one of the options
    (None for no choice; a tuple for SelectMultiple). Observers of `value` may see the
    first option for a moment while the options change: guard them with `_refreshing`.
    """
    options = list(options)
    if list(select.options) != options:
        with select.hold_sync():
            select.options = options
            if select.value != value:
                select.value = value
    elif select.value != value:
        select.value = value


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
