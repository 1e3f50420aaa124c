"""The two-article story (no spaCy) opened in a panel's context, the way the app opens it:
the one builder of the Timeline tests (and any panel test driven from Python)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from analysis_builders import build_story_case

from workbench.views.selection import Context, Selection


@contextmanager
def story_panel(panel_class, folder: Path, *, shown: bool = False) -> Iterator:
    """A `panel_class` on the story case in `folder`; drawn at once if `shown`. On leaving,
    the panel must have reported no failure, and the case is closed."""
    case = build_story_case(folder / "story.case")
    failures: list[str] = []
    ctx = Context(
        case=case,
        selection=Selection(),
        edited=lambda _message, _panel=None: None,
        failed=failures.append,
        open_case=lambda _name: None,
        busy=lambda _message: None,
    )
    try:
        panel = panel_class(ctx)
        if shown:
            panel.shown = True
            panel.refresh()
        yield panel
        assert failures == []
    finally:
        case.close()
