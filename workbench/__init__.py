"""workbench: investigate news stories offline.

    >>> from workbench import Case
    >>> case = Case.open("story.case")

Importing the package is cheap: spaCy and the case file load only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .extract import Extractor
    from .workflow import Case

__all__ = ["Case", "Extractor", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy, so `workbench --help` and `import workbench` don't pay for spaCy or SQLite setup.
    if name == "Case":
        from .workflow import Case

        return Case
    if name == "Extractor":
        from .extract import Extractor

        return Extractor
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")
