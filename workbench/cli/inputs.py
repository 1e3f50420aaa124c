"""Reading the inputs a command names, each bad one reported as `extract` reports it: one
place for `extract`, `extract --dask` and `case add`."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .common import warn


def read_inputs(inputs: Sequence[str], *, published: datetime.date | None) -> tuple[list, bool]:
    """Read every input, reporting each bad one. Returns the articles and whether anything
    was skipped.

    A container (a directory or a CSV/JSONL corpus) is like a folder of articles: a bad
    file or row in it is reported as skipped and the others are read. Whatever was
    skipped (a file, a row, a whole input) makes the run's exit status 2, after the rest
    is done: `extract` and `case add` agree on it.
    """
    outcome: dict[str, bool] = {}
    articles = list(stream_inputs(inputs, published=published, outcome=outcome))
    return articles, outcome.get("input", False)


def stream_inputs(
    inputs: Sequence[str], *, published: datetime.date | None, outcome: dict[str, bool]
) -> Iterator[Article]:
    """The articles of every input as they are read (`read_inputs` without holding them
    all: a cluster run streams them), each bad one reported; `outcome["input"]` says that
    something was skipped, `outcome["read"]` that an article was read."""
    from ..ingest import FORMATS, iter_articles

    for source in inputs:
        path = Path(source)
        container = source != "-" and (
            path.is_dir() or FORMATS.get(path.suffix.lower()) in ("csv", "jsonl")
        )
        for item in iter_articles([source], published=published):
            if isinstance(item, InputError):
                warn(f"skipped {item}" if container else str(item))
                outcome["input"] = True
            else:
                outcome["read"] = True
                yield item
