"""The one selection every panel shares, and what a panel gets from the app.

A panel never talks to another panel: it reads the case, watches the selection, and
reports its edits through `Context.edited`, after which the app refreshes every panel.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import traitlets

if TYPE_CHECKING:
    from ..case import Case


class Selection(traitlets.HasTraits):
    """What the person is looking at; `None` means nothing selected."""

    article_id = traitlets.Unicode(None, allow_none=True)
    actor_id = traitlets.Unicode(None, allow_none=True)
    claim_id = traitlets.Unicode(None, allow_none=True)
    # an ISO date range chosen on the timeline: (first, last), both inclusive
    date_range = traitlets.Tuple(None, allow_none=True)

    def clear(self) -> None:
        with self.hold_trait_notifications():
            self.actor_id = None
            self.claim_id = None
            self.date_range = None


class CasePerThread:
    """One case file, one connection per thread.

    ipykernel 7 under JupyterLab 4.6 runs widget callbacks in another thread than the cell
    that opened the case, and a sqlite3 connection refuses to be used from a thread other
    than its own; each thread gets its own connection to the same file (WAL keeps them
    consistent: every edit is committed before the call returns).
    """

    def __init__(self, case: Case) -> None:
        self.path = case.path
        self._cases = {threading.get_ident(): case}
        self._lock = threading.Lock()

    def get(self) -> Case:
        ident = threading.get_ident()
        with self._lock:
            case = self._cases.get(ident)
            if case is None:
                from ..case import Case

                case = self._cases[ident] = Case.open(self.path)
            return case


@dataclass
class Context:
    """State and callbacks handed to every panel."""

    cases: CasePerThread
    selection: Selection
    edited: Callable[[str], None]  # call after a change to the case: message for the status line
    failed: Callable[[str], None]  # call with a message when an action could not be done
    open_case: Callable[[str], None]  # switch every panel to the case file at this path
    busy: Callable[[str], None]  # say that long work has started (extraction)

    @property
    def case(self) -> Case:
        return self.cases.get()

    @case.setter
    def case(self, case: Case) -> None:
        self.cases = CasePerThread(case)
