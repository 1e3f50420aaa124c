"""Writing files so that a failure never leaves half a file, and never a traceback."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import WorkbenchError


@contextmanager
def replacing(
    path: str | os.PathLike[str],
    *,
    mode: str = "w",
    error: type[WorkbenchError] = WorkbenchError,
) -> Iterator:
    """A file opened beside `path` that replaces it only if the block ends without error.

    A path that is not a regular file (`/dev/stdout`, a named pipe) is written in place:
    replacing a device node would be wrong. Problems with the path raise `error` with a
    one-line message.
    """
    target = Path(path)
    encoding = None if "b" in mode else "utf-8"
    newline = None if "b" in mode else ""
    try:
        if target.exists() and not stat.S_ISREG(target.stat().st_mode):
            if target.is_dir():
                raise error(f"cannot write {target}: it is a folder")
            with open(target, mode, encoding=encoding, newline=newline) as handle:
                yield handle
            return
        if not target.parent.is_dir():
            raise error(f"cannot write {target}: the folder {target.parent} does not exist")
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise error(f"cannot write {target}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with open(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
        # mkstemp makes the file private (0600); the result gets the permissions of any
        # new file, or keeps those of the file it replaces
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else default_mode())
        os.replace(tmp, target)
    except OSError as exc:
        raise error(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


def shown(text: object) -> str:
    """A path (or a message naming one) as it may be printed: every character that is not
    printable (a newline, an escape code that would drive the terminal, a bidi override,
    a line separator) is written as its Python escape, so a file named by someone else
    can neither break a one-line message nor act on the terminal."""
    value = str(text)
    if value.isprintable():
        return value
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in value
    )


def default_mode() -> int:
    """The permissions a new file gets under the current umask."""
    # reading the umask means setting it; set it straight back
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
