"""The lexicon: every word list the workbench uses, as data, each defined once.

Each file in this folder says in its header (lines starting with ``#``) what it holds, its
format, who reads it and where it came from. This module is the one loader; results are
cached, so rules may call these functions freely.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def lines(name: str) -> tuple[str, ...]:
    """The data lines of a lexicon file: header comments and blank lines dropped."""
    return _lines(name)


@cache
def _lines(name: str) -> tuple[str, ...]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation, lower case, to its number (1-12)."""
    return {
        word: number for number, line in enumerate(lines("months.txt"), start=1)
        for word in line.split()
    }


__all__ = ["lines", "month_numbers"]
