"""Each visitor in a case of their own (`workbench app --visitors own`, the default with `--ip`).

Served to a class, every browser tab is a kernel of its own but, before, all of them opened
the one starting case: one student's edits landed in everyone's work. In `own` mode the page
first asks the visitor's name; their case is `<name>.case` in the cases folder, created on
first use as a copy of the starting case (the teacher's prepared articles), or with the
sample article when there is none; the same name again (a reload, the next lesson) opens the
same case. The app's case box is then hidden and refused: a visitor stays in their case.

There is no password: a visitor who types someone else's name opens that case, so a name
is a convenience, not a lock (docs/privacy-and-safety.md). `shared` mode (`--visitors
shared`) keeps every visitor on the starting case on purpose, e.g. a class editing one case
together.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as W

from .cases_folder import RefusedName, case_file
from .launch import OWN, SHARED, VISITORS_ENV


def visitors_mode() -> str:
    """`own` if the server asked for a case per visitor, else `shared`."""
    return OWN if os.environ.get(VISITORS_ENV, "").strip().lower() == OWN else SHARED


def visitor_case(name: str, folder: Path, starting: Path) -> tuple[Path, bool]:
    """The case file of the visitor called `name` in `folder`, and whether it is new.

    A new one is a copy of `starting` (SQLite's backup: a consistent copy even while another
    kernel writes to it) when that case exists; else it is left for the app to create.
    RefusedName for a name that is not a case name, or is the starting case's own name.
    """
    path = case_file(name, folder)
    if path.resolve() == starting.resolve():
        raise RefusedName(f"{name!r} is the class's starting case: choose your own name.")
    if path.exists():
        return path, False
    if starting.is_file():
        _copy_case(starting, path)
    return path, True


def _copy_case(source: Path, target: Path) -> None:
    # the copy is private like every case the workbench makes (0600), made under a temporary
    # name and renamed, so a half-made copy is never opened as the visitor's case
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
            finally:
                dst.close()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


class VisitorGate:
    """Asks the visitor's name, then shows the app on the visitor's own case.

    `build(path, new)` makes the app on the case at `path` (`new`: just created); it is
    called once, from the Start button, and its widget replaces the form.
    """

    def __init__(self, folder: Path, starting: Path, build: Callable[[Path, bool], Any]) -> None:
        self.folder, self.starting, self._build = folder, starting, build
        self.app: Any = None
        self.name = W.Text(
            description="Your name",
            placeholder="e.g. ada-l (letters, digits, '-', '_')",
            layout=W.Layout(width="30em"),
        )
        self.name.add_class("wb-visitor-name")
        self.start = W.Button(description="Start", button_style="primary")
        self.start.add_class("wb-visitor-start")
        self.message = W.HTML(
            "<p><b>Your name, please.</b> Each person works in a case of their own, kept under their name: give the "
            "same name next time to carry on. Anyone who types your name opens your case, "
            "so pick one only you would use.</p>"
        )
        self.message.add_class("wb-visitor-message")
        self.widget = W.VBox([self.message, W.HBox([self.name, self.start])])
        self.widget.add_class("wb-visitor-gate")
        self.start.on_click(lambda _b: self.enter(self.name.value))

    def enter(self, name: str) -> bool:
        """Open (or create) the case of `name` and show the app on it; False if refused."""
        if self.app is not None:
            return True
        try:
            path, new = visitor_case(name, self.folder, self.starting)
            self.start.disabled = True
            self.app = self._build(path, new)
        except RefusedName as exc:
            self._say(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - shown to the visitor, who can try again
            self.start.disabled = False
            self._say(f"Could not open your case: {exc}")
            return False
        self.widget.children = [self.app.widget]
        return True

    def _say(self, text: str) -> None:
        self.message.value = f'<span class="wb-error" style="color:#b00">✘ {escape(text)}</span>'

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
