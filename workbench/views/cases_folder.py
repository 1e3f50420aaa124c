"""The one folder the app opens and creates case files in, and the names it accepts there.

Under `workbench app --ip 0.0.0.0` anyone on the network can type into the app's boxes, and
the kernel acts as the server's user. So the Load panel's case box takes a *name*, never a
path: `class-2` or `class-2.case` means `<cases folder>/class-2.case`. A name with a folder
in it, `..`, an absolute path, a hidden name, or a symbolic link that leads out of the
folder is refused. No widgets here: `launch` imports it too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

CASES_DIR_ENV = "WORKBENCH_CASES_DIR"  # set by `workbench app --cases-dir`
SUFFIX = ".case"
# a letter or digit first (no ".", no "-"): then letters, digits, spaces, "-", "_", "."
NAME = re.compile(r"^[^\W_][\w .-]{0,99}$")


class RefusedName(ValueError):
    """A case name the app will not open; the message says why, for the person."""


def default_cases_dir(case_path: str | os.PathLike[str]) -> Path:
    """`WORKBENCH_CASES_DIR` if set, else the folder of the case the app starts with."""
    chosen = os.environ.get(CASES_DIR_ENV)
    return Path(chosen or Path(case_path).parent).expanduser().resolve()


def case_file(name: str, folder: str | os.PathLike[str]) -> Path:
    """The case file called `name` inside `folder`; RefusedName if it would be elsewhere.

    >>> case_file("class-2", "/srv/cases")
    PosixPath('/srv/cases/class-2.case')
    """
    name = name.strip()
    if not name:
        raise RefusedName("Give the name of a case first, e.g. class-2.")
    if "/" in name or "\\" in name or name.startswith("~") or ".." in name:
        raise RefusedName(
            f"{name!r}: give a case name, not a path: cases are opened and created"
            " only in the app's cases folder."
        )
    if not NAME.match(name) or name.rstrip(" .") != name:
        raise RefusedName(
            f"{name!r}: a case name is made of letters, digits, spaces, '-', '_' and '.',"
            " starting with a letter or digit."
        )
    if not name.endswith(SUFFIX):
        name += SUFFIX
    root = Path(folder).resolve()
    target = root / name
    # a symbolic link in the folder must not lead out of it (realpath follows every link)
    if Path(os.path.realpath(target)).parent != root:
        raise RefusedName(f"{name!r} leads out of the cases folder: refused.")
    if target.exists() and not target.is_file():
        raise RefusedName(f"{name!r} is not a case file.")
    return target


def case_name(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> str:
    """How the case box shows `path`: its name if it is in `folder`, else the full path (a
    case on a PostgreSQL server: its URL, which the box then refuses to open as a name)."""
    if "://" in str(path):
        return str(path)
    path = Path(path)
    return path.name if path.resolve().parent == Path(folder).resolve() else str(path)
