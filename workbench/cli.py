"""The `workbench` command: a thin layer over the library.

Exit codes: 0 success, 2 bad usage or bad input (a one-line message, never a traceback),
1 an unexpected error (a bug: one line too, the traceback with WORKBENCH_DEBUG=1),
130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .errors import ExtractionError, InputError, WorkbenchError
from .files import replacing

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_BUG = 1
EXIT_INTERRUPTED = 130
DEBUG_VAR = "WORKBENCH_DEBUG"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line plus a hint, with our prefix and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"workbench: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench",
        description="Investigate news stories: actors, claims, sources and dated events.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    _add_extract_command(commands)
    _add_models_command(commands)
    from .case.cli import add_case_commands
    from .views.launch import add_view_commands

    add_case_commands(commands)
    add_view_commands(commands)
    return parser


def _add_extract_command(commands: argparse._SubParsersAction) -> None:
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
        metavar="YYYY-MM-DD",
        type=_iso_date,
        help="publication date for inputs that have none (a corpus row's own date wins)",
    )
    cmd.add_argument(
        "--model", help="spaCy model (default: $WORKBENCH_MODEL or the best installed)"
    )
    cmd.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="json: one object, or an array for several articles; jsonl: one object per line",
    )
    cmd.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    cmd.add_argument(
        "--workers", type=_positive_int, default=1, metavar="N", help="processes for a corpus"
    )
    cmd.set_defaults(func=run_extract)


def _add_models_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser("models", help="list the spaCy models found and the one in use")
    cmd.set_defaults(func=run_models)


def _iso_date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def warn(message: str) -> None:
    print(f"workbench: {message}", file=sys.stderr)


# --- extract -------------------------------------------------------------------------------


CORPUS_SUFFIXES = (".csv", ".jsonl")


def collect_articles(inputs: Sequence[str], *, published: str | None) -> tuple[list, bool]:
    """Read every input. Returns the articles and whether an input failed outright.

    A container (a directory or a CSV/JSONL corpus) is like a folder of articles: a bad
    file or row in it is reported and skipped. An input named on the command line that
    gives no article at all makes the run fail, after the others are done.
    """
    from .ingest import iter_articles

    articles = []
    failed = False
    for source in inputs:
        path = Path(source)
        container = source != "-" and (path.is_dir() or path.suffix.lower() in CORPUS_SUFFIXES)
        found = 0
        for item in iter_articles([source], published=published):
            if isinstance(item, InputError):
                warn(f"skipped {item}" if container else str(item))
            else:
                found += 1
                articles.append(item)
        failed = failed or found == 0
    return articles, failed


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
    from .extract import Extractor

    articles, failed = collect_articles(args.inputs, published=args.published)
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


def run_models(args: argparse.Namespace) -> int:
    from .nlp import ENV_VAR, choose_model, installed_models

    found = installed_models()
    print("installed: " + (", ".join(found) if found else "none"))
    print(
        f"in use:    {choose_model()}" + (f" (from ${ENV_VAR})" if os.environ.get(ENV_VAR) else "")
    )
    return EXIT_OK


# --- entry point -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or EXIT_OK)
    except WorkbenchError as exc:
        warn(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        warn("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `workbench extract ... | head`: the reader left; not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # a bug of ours: one line for the user, the details on request
        if os.environ.get(DEBUG_VAR):
            raise
        warn(
            f"unexpected error ({type(exc).__name__}: {exc}); "
            f"please report it. {DEBUG_VAR}=1 shows the details"
        )
        return EXIT_BUG


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
