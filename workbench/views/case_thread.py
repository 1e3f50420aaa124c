"""A case used from any thread, through the one thread that owns its SQLite connection.

Under JupyterLab 4.6 (ipykernel 7 with kernel subshells) widget callbacks run in another
thread than the cell that built the app, and a sqlite3 connection refuses to be used from
a thread other than its own. A second connection per thread is no cure: opening the case
again in the same process reads the file outside SQLite, which drops the process's POSIX
locks on it, and another process closing its connection may then take its WAL away.
So every call goes to one worker thread that opened the case and is its only user, and
`shared_case` hands the same one to every app in a kernel (a cell run twice opens nothing new).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any


class CaseOnOneThread:
    """Forwards attribute reads and method calls of a `Case` to its own worker thread.

    >>> case = CaseOnOneThread("story.case")
    >>> case.claims()            # runs on the worker, returns frozen records
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        from ..case import Case

        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="workbench-case")
        self._worker: threading.Thread | None = None
        try:
            self._case = self._run(self._open, Case, path)
        except BaseException:
            self._executor.shutdown(wait=False)
            raise

    def _open(self, case_type, path):
        self._worker = threading.current_thread()
        return case_type.open(path)

    def _run(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is self._worker:
            return function(*args, **kwargs)  # a call from the worker itself: no hop
        return self._executor.submit(function, *args, **kwargs).result()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        value = self._run(getattr, self._case, name)
        if callable(value):

            def call(*args: Any, **kwargs: Any) -> Any:
                return self._run(value, *args, **kwargs)

            call.__name__ = name
            call.__doc__ = getattr(value, "__doc__", None)
            return call
        return value

    def close(self) -> None:
        """Close the case and stop the worker."""
        with _OPEN_LOCK:
            for key, case in list(_OPEN.items()):
                if case is self:
                    del _OPEN[key]
        try:
            self._run(self._case.close)
        finally:
            self._executor.shutdown(wait=True)

    def __repr__(self) -> str:
        return f"CaseOnOneThread({str(self.path)!r})"


_OPEN: dict[str, CaseOnOneThread] = {}
_OPEN_LOCK = threading.Lock()


def shared_case(path: str | os.PathLike[str]) -> CaseOnOneThread:
    """The case at `path`, opened once per process and shared by every app in it."""
    key = os.path.realpath(os.path.expanduser(path))
    with _OPEN_LOCK:
        case = _OPEN.get(key)
        if case is None:
            case = _OPEN[key] = CaseOnOneThread(path)
        return case
