"""Work measured as executed lines of chosen rule modules: a count, not a clock, so a
scaling test holds on a busy machine (twice the input should cost about twice the lines)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def lines_run(files: Iterable[str], call: Callable[[], T]) -> tuple[int, T]:
    """How many lines of `files` ran during `call()`, and what it gave back."""
    files = set(files)
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename not in files:
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        found = call()
    finally:
        sys.settrace(None)
    return count, found
