"""The lexicon: every word list the workbench uses, as data, each defined once.

Each file in this folder opens with a header (lines starting with ``#``) saying what it
holds, its format, who reads it and where it came from; docs/lexicon.md lists them all.
Two formats:

- ``.txt``: one entry a line (a word, or a phrase such as "point out"), optionally
  followed by flags written ``+flag``; word lists may put several words on a line.
- ``.csv``: a CSV table whose first row after the header names its columns.

This module is the one loader; results are cached, so rules may call these functions
freely (at import time too).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

_FLAG = "+"


@dataclass(frozen=True)
class Entry:
    """One line of a ``.txt`` file: its words and its flags (without the ``+``)."""

    words: tuple[str, ...]
    flags: frozenset[str]

    @property
    def text(self) -> str:
        return " ".join(self.words)


def names() -> tuple[str, ...]:
    """Every data file of the lexicon, sorted."""
    folder = resources.files(__package__)
    return tuple(sorted(p.name for p in folder.iterdir() if p.name.endswith((".txt", ".csv"))))


def header(name: str) -> tuple[str, ...]:
    """The header of a file: its leading comment lines, without the ``#``."""
    found = []
    for line in _text(name).splitlines():
        if not line.startswith("#"):
            break
        found.append(line[1:].strip())
    return tuple(found)


def lines(name: str) -> tuple[str, ...]:
    """The data lines of a lexicon file: comment and blank lines dropped."""
    return _lines(name)


@cache
def entries(name: str) -> tuple[Entry, ...]:
    """The entries of a ``.txt`` file, one a line, with their flags."""
    found = []
    for line in lines(name):
        parts = line.split()
        found.append(
            Entry(
                words=tuple(p for p in parts if not p.startswith(_FLAG)),
                flags=frozenset(p[1:] for p in parts if p.startswith(_FLAG)),
            )
        )
    return tuple(found)


@cache
def words(name: str, *, flag: str | None = None) -> frozenset[str]:
    """Every word of a ``.txt`` file, or only those on lines carrying ``+flag``."""
    return frozenset(
        word
        for entry in entries(name)
        if flag is None or flag in entry.flags
        for word in entry.words
    )


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a ``.csv`` file as dicts by column name (cells stripped)."""
    rows = csv.DictReader(line for line in _text(name).splitlines() if not line.startswith("#"))
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in rows)


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation, lower case, to its number (1-12)."""
    return {
        word: number
        for number, entry in enumerate(entries("months.txt"), start=1)
        for word in entry.words
    }


@cache
def weekday_numbers() -> dict[str, int]:
    """Every weekday name and abbreviation, lower case, to its number (Monday is 0)."""
    return {
        word: number for number, entry in enumerate(entries("weekdays.txt")) for word in entry.words
    }


@cache
def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def _lines(name: str) -> tuple[str, ...]:
    return tuple(
        line.strip()
        for line in _text(name).splitlines()
        if line.strip() and not line.startswith("#")
    )


__all__ = [
    "Entry",
    "entries",
    "header",
    "lines",
    "month_numbers",
    "names",
    "table",
    "weekday_numbers",
    "words",
]
