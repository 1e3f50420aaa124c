"""One open `Case` per case file per process, shared by every app in a kernel.

A cell run twice, or two apps on one case, reuse one connection instead of opening the
file again. A `Case` may be used from any thread, which matters here: under JupyterLab 4.6
(ipykernel 7 with kernel subshells) widget callbacks run in another thread than the cell
that built the app.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..case import Case

_OPEN: dict[str, Case] = {}
_LOCK = threading.Lock()


def shared_case(path: str | os.PathLike[str]) -> Case:
    """The case at `path`, opened once per process (again if it was closed since)."""
    from ..case import Case

    key = os.path.realpath(os.path.expanduser(path))
    with _LOCK:
        case = _OPEN.get(key)
        if case is None or case.closed:
            case = _OPEN[key] = Case.open(path)
        return case
