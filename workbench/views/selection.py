"""The one selection every panel shares, and what a panel gets from the app.

A panel never talks to another panel: it reads the case, watches the selection, and
reports its edits through `Context.edited`, after which the app redraws the panel in view
(and the one that made the edit); the others redraw when their tab opens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import traitlets

if TYPE_CHECKING:
    from ..analysis import CaseSnapshot
    from ..workflow import Case
    from .panel import Panel


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


@dataclass
class Context:
    """State and callbacks handed to every panel."""

    case: Case  # a Case, used through the one thread that owns its connection
    selection: Selection
    # call after a change to the case: a message for the status line, and the panel that
    # made the change (redrawn even if its tab is not open)
    edited: Callable[[str, Panel | None], None]
    failed: Callable[[str], None]  # call with a message when an action could not be done
    open_case: Callable[[str], None]  # switch every panel to the case of this name
    busy: Callable[[str], None]  # say that long work has started (extraction)
    cases_dir: Path | None = None  # the folder whose cases `open_case` may open or create
    # call when something happened that changed nothing in the case (nothing added, an
    # export written): a message, and optionally a link of our own making (keyword `link`)
    told: Callable[..., None] = lambda message, **_: None
    # the case as read for the last redraw, shared by every panel; the app takes a new one
    # after each edit (see Panel.snapshot)
    snapshot: CaseSnapshot | None = None
    # True while the app redraws for a change made elsewhere (its poll): what the person
    # has not looked at yet, so a ticked row keeps the version it was ticked at
    elsewhere: bool = False
