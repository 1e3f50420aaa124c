"""The `workbench` command: parses, calls the library, maps errors to exit codes.

One module per family of commands (`extract`, `case`, `servers`), each with a `register`
that adds its commands; every command sets `func(args) -> exit code`. Errors are mapped
here and nowhere else:

- 0 success;
- 2 bad usage or bad input: a `WorkbenchError` (an `InputError`, a `CaseError`, a
  `DateError` from an option...) is one line on stderr, never a traceback;
- 1 an unexpected error, a bug of ours: one line too, the traceback with WORKBENCH_DEBUG=1;
- 130 interrupted.

Importing this package loads no spaCy, pandas or Jupyter: `workbench --help` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import WorkbenchError
from . import case, extract, servers
from .common import DEBUG_VAR, EXIT_BUG, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Parser, warn


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="workbench",
        description="Investigate news stories: actors, claims, sources and dated events.",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True
    extract.register(commands)
    case.register(commands)
    servers.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        # inside the mapping: an option's type (the date parser) raises our errors too
        args = build_parser().parse_args(argv)
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


__all__ = ["build_parser", "main"]
