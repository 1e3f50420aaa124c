"""What every command module shares: exit codes, the parser class, printing."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from ..files import shown

EXIT_OK = 0
EXIT_BUG = 1
EXIT_USAGE = 2  # bad usage or bad input
EXIT_INTERRUPTED = 130
DEBUG_VAR = "WORKBENCH_DEBUG"

Commands = argparse._SubParsersAction  # what each module's `register` adds its commands to


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line plus a hint, with our prefix and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"workbench: {message} (see `{self.prog} --help`)\n")


def warn(message: str) -> None:
    """One line on stderr, with the prefix every message of ours has. A path named in it
    may hold a newline or an escape code: shown escaped, the message stays one line."""
    print(f"workbench: {shown(message)}", file=sys.stderr)


def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def cases_folder(value: str) -> str:
    """`--cases-dir`: a folder, or a path where one can be made. Checked when the options
    are read, so that a file given there (`/etc/passwd`) is one line and exit 2, not a
    server that fails to start."""
    import os
    from pathlib import Path

    folder = Path(value).expanduser().resolve()
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise argparse.ArgumentTypeError(f"{shown(existing)} is a file, not a folder")
    if existing != folder and not os.access(existing, os.W_OK | os.X_OK):
        raise argparse.ArgumentTypeError(
            f"cannot create the folder {shown(folder)}: {shown(existing)} is not writable"
        )
    return value
