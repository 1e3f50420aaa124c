"""`workbench extract --dask SCHEDULER --archive DIR`: the extraction on a Dask cluster.

The inputs are read here as a stream (a corpus or folder is never held whole), the
extraction runs on the cluster (`workbench.distributed`), the Parquet archive is written
to DIR and the extractions go to stdout or -o as JSON lines, in input order. Bad inputs
and articles are reported one line each and the run goes on; exit codes as `extract`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import TextIO

from ..errors import ExtractionError, InputError, WorkbenchError
from ..files import replacing
from .common import EXIT_BUG, EXIT_OK, EXIT_USAGE, positive_int, warn
from .inputs import stream_inputs


def add_arguments(cmd: argparse.ArgumentParser) -> None:
    group = cmd.add_argument_group("on a Dask cluster (docs/archives.md)")
    group.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="run on the Dask cluster at this address (tcp://HOST:8786); needs --archive; "
        "the output is JSON lines",
    )
    group.add_argument(
        "--archive",
        metavar="DIR",
        help="with --dask: write the Parquet archive here (a new folder)",
    )
    group.add_argument(
        "--partition-size",
        type=positive_int,
        default=32,
        metavar="N",
        help="with --dask: articles per task (default 32)",
    )


def _progress(done: int) -> None:
    if sys.stderr.isatty():
        print(f"\rextracting on the cluster: {done} articles done", end="", file=sys.stderr)


def _write(results: Iterator, out: TextIO, outcome: dict[str, bool]) -> None:
    # the same warnings as the run without --dask (imported here: extract imports us)
    from .extract import _warn_unsupported_language

    for result in results:
        if isinstance(result, WorkbenchError):
            warn(str(result))
            outcome["bug" if isinstance(result, ExtractionError) else "input"] = True
        else:
            _warn_unsupported_language(result.article)
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")


def run_extract_on_dask(args: argparse.Namespace) -> int:
    from ..distributed import extract_on_dask

    if not args.archive:
        raise InputError("--dask needs --archive DIR: the folder for the Parquet archive")
    outcome = {"input": False, "bug": False, "read": False}
    results = extract_on_dask(
        stream_inputs(args.inputs, published=args.published, outcome=outcome),
        scheduler=args.dask,
        archive=args.archive,
        model=args.model,
        partition_size=args.partition_size,
        on_progress=_progress,
    )
    if args.output:
        with replacing(args.output, error=InputError) as out:
            _write(results, out, outcome)
    else:
        _write(results, sys.stdout, outcome)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if not outcome["read"]:
        raise InputError("no article to extract from")
    if outcome["bug"]:
        return EXIT_BUG
    return EXIT_USAGE if outcome["input"] else EXIT_OK
