"""One open `Case` per case file per process, shared by every app in a kernel.

A cell run twice, or two apps on one case, reuse one connection instead of opening the
file again. A `Case` may be used from any thread, which matters here: under JupyterLab 4.6
(ipykernel 7 with kernel subshells) widget callbacks run in another thread than the cell
that built the app.

Apps count themselves as users of their case (`use` / `release`): a case the Load panel
switches away from is closed once no app in the kernel uses it. Only cases opened here are
ever closed; one handed to an app by its owner stays the owner's to close.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..workflow import Case

_OPEN: dict[str, Case] = {}
_USERS: dict[str, int] = {}  # how many apps use each case in _OPEN
_LOCK = threading.Lock()


def _key(path: str | os.PathLike[str]) -> str:
    from ..case.backend import is_server, shown

    if is_server(str(path)):  # a case on a PostgreSQL server: its URL, as shown
        return shown(str(path))
    return os.path.realpath(os.path.expanduser(path))


def shared_case(path: str | os.PathLike[str]) -> Case:
    """The case at `path`, opened once per process (again if it was closed since)."""
    from ..workflow import Case

    key = _key(path)
    with _LOCK:
        case = _OPEN.get(key)
        if case is None or case.closed:
            case = _OPEN[key] = Case.open(path)
            _USERS[key] = 0
        return case


def use(case: Case) -> None:
    """Count one more app using `case` (if it was opened by `shared_case`)."""
    key = _key(case.path)
    with _LOCK:
        if _OPEN.get(key) is case:
            _USERS[key] = _USERS.get(key, 0) + 1


def release(case: Case) -> bool:
    """One app less uses `case`; close it if it was the last (and it was opened here)."""
    key = _key(case.path)
    with _LOCK:
        if _OPEN.get(key) is not case:
            return False
        users = _USERS.get(key, 0) - 1
        if users > 0:
            _USERS[key] = users
            return False
        del _OPEN[key]
        _USERS.pop(key, None)
    case.close()
    return True
