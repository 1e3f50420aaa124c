"""`workbench case add-archive CASE ARCHIVE`: a case fed from a Parquet archive selection.

The archive is what `workbench extract --dask ... --archive DIR` wrote (docs/archives.md);
the selected articles come in with their archived extractions, so no spaCy model runs.
One transaction per article (`workbench.archive.add_archive`): an interrupted run keeps
the articles already added, and running it again skips them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..dates import parse_day
from ..errors import InputError
from ..files import shown
from .common import EXIT_OK, out, positive_int

DATE_METAVAR = "DATE"


def register(sub: Any) -> None:
    """Adds `add-archive` to the `workbench case` commands."""
    cmd = sub.add_parser(
        "add-archive",
        help="add articles from a Parquet archive (`extract --dask --archive`) to a case, "
        "with their archived extractions (no spaCy run)",
    )
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("archive", metavar="ARCHIVE")
    cmd.add_argument("--query", help="words found in the title or the text (any case)")
    cmd.add_argument(
        "--from",
        dest="since",
        metavar=DATE_METAVAR,
        type=parse_day,
        help="articles published on this day or later",
    )
    cmd.add_argument(
        "--to",
        dest="until",
        metavar=DATE_METAVAR,
        type=parse_day,
        help="articles published on this day or earlier",
    )
    cmd.add_argument("--outlet", help="the outlet's name (any case)")
    cmd.add_argument(
        "--limit", type=positive_int, metavar="N", help="at most N articles, the first in order"
    )
    cmd.set_defaults(func=run_add_archive)


def _progress(count: list[int]) -> Any:
    def step(_article: object) -> None:
        count[0] += 1
        if sys.stderr.isatty():
            print(f"\radding from the archive: {count[0]} articles", end="", file=sys.stderr)

    return step


def run_add_archive(args: argparse.Namespace) -> int:
    from ..archive import add_archive, read_manifest
    from ..case.migrations import now
    from .case import _open

    if not Path(args.archive).is_dir():
        raise InputError(f"{args.archive}: no such archive folder")
    if args.since is not None and args.until is not None and args.since > args.until:
        raise InputError(f"--from {args.since} is after --to {args.until}: nothing to select")
    read_manifest(args.archive)  # an unfinished or foreign archive: refused before the case exists
    count = [0]
    with _open(args.case, must_exist=False) as case:
        started = now()
        added = add_archive(
            case,
            args.archive,
            query=args.query,
            since=args.since,
            until=args.until,
            outlet=args.outlet,
            limit=args.limit,
            on_added=_progress(count),
        )
        if count[0] and sys.stderr.isatty():
            print(file=sys.stderr)
        # an article already in the case comes back as stored, with its older `added_at`
        new = sum(1 for a in added if str(a.added_at) >= started)
    out(
        f"{shown(args.case)}: {len(added)} articles selected from {shown(args.archive)}, "
        f"{new} added ({len(added) - new} already in the case)"
    )
    return EXIT_OK


__all__ = ["register", "run_add_archive"]
