"""The widget views: panels over one `Case` sharing one selection, and the app composing them.

This is the only package that imports ipywidgets, pyvis, altair, anywidget or IPython.
Importing `workbench.views` itself is cheap (the CLI imports `workbench.views.launch`);
the widgets load when `Workbench` is first used.

    >>> from workbench.views import Workbench
    >>> Workbench.open("story.case")         # in a notebook cell: the whole app
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import Workbench

__all__ = ["Workbench"]


def __getattr__(name: str) -> Any:
    if name == "Workbench":
        from .app import Workbench

        return Workbench
    raise AttributeError(f"module 'workbench.views' has no attribute {name!r}")
