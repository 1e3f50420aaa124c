"""`workbench extract` and `workbench models`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..dates import parse_day
from ..errors import ExtractionError, InputError, WorkbenchError
from ..files import replacing
from . import dask_extract
from .common import EXIT_BUG, EXIT_OK, EXIT_USAGE, Commands, positive_int, warn
from .inputs import read_inputs

MODEL_HELP = "spaCy model (default: $WORKBENCH_MODEL or the best installed)"
PUBLISHED_METAVAR = "YYYY-MM-DD"


def register(commands: Commands) -> None:
    cmd = commands.add_parser(
        "extract",
        help="extract actors, claims, events and relations as JSON",
        description=(
            "Extract actors, claims, dated events and relations from articles "
            "(schema workbench.extraction/1, see docs/extraction-format.md). "
            "INPUT is a .txt/.md/.html/.pdf file, a .csv/.jsonl corpus, a directory, "
            "an http(s) URL, or - for standard input."
        ),
    )
    cmd.add_argument("inputs", nargs="+", metavar="INPUT")
    cmd.add_argument(
        "--published",
        metavar=PUBLISHED_METAVAR,
        type=parse_day,
        help="publication date for inputs that have none (a corpus row's own date wins)",
    )
    cmd.add_argument("--model", help=MODEL_HELP)
    cmd.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="json: one object, or an array for several articles; jsonl: one object per line",
    )
    cmd.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    cmd.add_argument(
        "--workers", type=positive_int, default=1, metavar="N", help="processes for a corpus"
    )
    dask_extract.add_arguments(cmd)
    cmd.set_defaults(func=run_extract)

    models = commands.add_parser("models", help="list the spaCy models found and the one in use")
    models.set_defaults(func=run_models)


def _with_progress(items: Iterable, total: int, *, label: str) -> Iterator:
    """Report progress on stderr, only when a person is watching it."""
    show = total > 1 and sys.stderr.isatty()
    for done, item in enumerate(items, start=1):
        if show:
            print(f"\r{label} {done}/{total}", end="", file=sys.stderr, flush=True)
        yield item
    if show:
        print(file=sys.stderr)


def _write_extractions(extractions: Iterable, out: TextIO, *, fmt: str, count: int) -> None:
    if fmt == "jsonl":
        for extraction in extractions:
            out.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
        return
    objects = [e.to_dict() for e in extractions]
    if not objects:
        return
    # one object for one article; an array for several, even when some failed
    payload = objects[0] if count == 1 else objects
    out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def run_extract(args: argparse.Namespace) -> int:
    from ..extract import Extractor

    if args.dask:
        return dask_extract.run_extract_on_dask(args)
    if args.archive:
        raise InputError("--archive is for --dask: the archive of a cluster run")
    articles, failed = read_inputs(args.inputs, published=args.published)
    if not articles:
        raise InputError("no article to extract from")
    extractor = Extractor(model=args.model)
    outcome = {"input": failed, "bug": False}

    def extractions() -> Iterator:
        results = extractor.extract_many(articles, workers=args.workers, errors="yield")
        for result in _with_progress(results, len(articles), label="extracting"):
            if isinstance(result, WorkbenchError):
                warn(str(result))
                outcome["bug" if isinstance(result, ExtractionError) else "input"] = True
            else:
                _warn_unsupported_language(result.article)
                yield result

    count = len(articles)
    if args.output:
        with replacing(args.output, error=InputError) as out:
            _write_extractions(extractions(), out, fmt=args.format, count=count)
    else:
        _write_extractions(extractions(), sys.stdout, fmt=args.format, count=count)
    if outcome["bug"]:
        return EXIT_BUG
    return EXIT_USAGE if outcome["input"] else EXIT_OK


def _warn_unsupported_language(article) -> None:
    """An article in a language without rules is written (with its language), never
    silently empty: say why it has no actors, claims or events."""
    from ..language import is_supported, unsupported_message

    if not is_supported(article.language):
        name = article.path or article.url or article.id
        warn(unsupported_message(name, article.language))


def run_models(args: argparse.Namespace) -> int:
    from ..nlp import ENV_VAR, choose_model, installed_models

    found = installed_models()
    print("installed: " + (", ".join(found) if found else "none"))
    in_use = f"in use:    {choose_model()}"
    print(in_use + (f" (from ${ENV_VAR})" if os.environ.get(ENV_VAR) else ""))
    return EXIT_OK
