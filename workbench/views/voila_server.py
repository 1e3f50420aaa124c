"""The Voila server `workbench app` runs: Voila with two fixes for a class.

Run as `python -m workbench.views.voila_server NOTEBOOK [voila options]` (launch.py builds
the command). Two things differ from `python -m voila`:

- **The page sets the `_xsrf` cookie.** On leaving the page, Voila's JavaScript asks the
  server to shut the page's kernel down (a POST carrying the `_xsrf` cookie's value). Voila's
  page handler never sets that cookie, so a browser that had none got "403: '_xsrf' argument
  missing" on its first reload or close, and the old kernel (270-380 MB) stayed. Our page
  handler touches `xsrf_token`, which makes tornado set the cookie on the page's response.
- **Kernels are capped.** `VisitorKernelManager.max_kernels` bounds how many kernels run
  at once. At the cap, a kernel no page is connected to and that has been idle for
  `reclaim_after` seconds (a tab closed without the shutdown reaching us) is shut down to
  make room; if there is none, the visitor gets a 503 page saying the app is full.
  Idle kernels are also culled by jupyter_server's own culler (`cull_idle_timeout`, set by
  launch.py), which never touches a kernel a page is connected to.
- **Memory goes back after a page closes.** Each page's messages pass through this process
  (the widgets' state, hundreds of kB); glibc keeps the freed heap pages for reuse, so the
  server grew by 2-3 MB per page served (108 -> 222 MB after a class of 40), although
  tracemalloc showed no Python object kept. After each kernel shutdown the server collects
  garbage and hands the free heap back to the system (`malloc_trim`).
- **Warm kernels are kept.** With `workbench app --warm-kernels N`, Voila's pre-heated
  kernels (the notebook already run, the case open) wait for the next visitors; the cap
  never reclaims one of them to make room. A refill refused at the cap is made again once
  a kernel goes (Voila refilled only when a warm kernel was taken, and its kernel shutdown
  raised on the refused start, leaving the kernel running: `_kernel_manager_factory`).
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import datetime
import functools
import gc

import voila.app
from jupyter_core.utils import ensure_async
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Integer
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler
from voila.voila_kernel_manager import voila_kernel_manager_factory

LATER = 5  # s after a kernel's shutdown: its page's connections have closed by then
FULL_MESSAGE = (
    "This workbench is full: {count} visitors are using it, its limit. "
    "Try again in a few minutes, or ask the teacher."
)


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None  # glibc only


def release_memory() -> None:
    """Free what the last page left (cycles included) and return free heap to the system."""
    gc.collect()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


class VisitorKernelManager(AsyncMappingKernelManager):
    """Voila's kernel manager with a cap on running kernels (one kernel per open page)."""

    max_kernels = Integer(40, config=True, help="Most kernels (open pages) at once; 0 for no cap.")
    reclaim_after = Integer(
        30,
        config=True,
        help="At the cap, a kernel with no page connected and idle this many seconds "
        "is shut down to make room.",
    )

    async def start_kernel(self, *args, **kwargs):
        if self.max_kernels > 0 and len(self.list_kernel_ids()) >= self.max_kernels:
            victim = self._reclaimable()
            if victim is None:
                self.log.warning("Kernel refused: %d running, the cap", self.max_kernels)
                # as the reason: Voila's error page shows the reason, never the message
                raise web.HTTPError(503, reason=FULL_MESSAGE.format(count=self.max_kernels))
            self.log.warning("At the cap: shutting down kernel %s (no page, idle)", victim)
            await ensure_async(self.shutdown_kernel(victim))
        return await super().start_kernel(*args, **kwargs)

    async def shutdown_kernel(self, kernel_id, *args, **kwargs):
        try:
            return await super().shutdown_kernel(kernel_id, *args, **kwargs)
        finally:
            release_memory()  # the page's messages are gone: give their memory back
            # and once more when the page's websocket, closed after the shutdown, is gone
            asyncio.get_running_loop().call_later(LATER, release_memory)

    def _drop_refused(self) -> list[str]:
        """Take out of Voila's pools of warm kernels the starts refused at the cap; the
        notebooks whose pool lost one."""
        notebooks = []
        for notebook, pool in getattr(self, "_pools", {}).items():
            refused = [t for t in pool if t.done() and (t.cancelled() or t.exception())]
            for task in refused:
                pool.remove(task)
            if refused:
                notebooks.append(notebook)
        return notebooks

    def _reclaimable(self) -> str | None:
        """The longest-idle kernel with no page connected and not busy, if idle long enough;
        never a warm kernel waiting for a visitor (`launch.voila_command`'s warm_kernels)."""
        now = datetime.datetime.now(datetime.UTC)
        candidates = []
        warm = self._warm()
        for kernel_id in self.list_kernel_ids():
            kernel = self.get_kernel(kernel_id)
            last = getattr(kernel, "last_activity", None)
            if (
                last is None
                or kernel_id in warm
                or self._kernel_connections.get(kernel_id, 0) > 0
                or getattr(kernel, "execution_state", "") == "busy"
                or (now - last).total_seconds() < self.reclaim_after
            ):
                continue
            candidates.append((last, kernel_id))
        return min(candidates)[1] if candidates else None

    def _warm(self) -> set[str]:
        """The kernels Voila keeps ready for the next visitors (its pre-heated pool)."""
        ready = set()
        for pool in getattr(self, "_pools", {}).values():
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    ready.add(task.result()["kernel_id"])
        return ready


def _kernel_manager_factory(base_class, preheat_kernel, default_pool_size, **options):
    """Voila's kernel manager class, and with warm kernels (its pre-heated pool) one that
    mends two things. A refill refused at the cap stays in Voila's pool as a failed start:
    Voila's own kernel shutdown reads every finished start's result, so each shutdown then
    raised (503) and left its kernel running; and the pool was never refilled, as Voila
    refills only when a warm kernel is taken. A shutdown now drops the refused start first,
    and refills once the kernel has gone (there is room again)."""
    made = voila_kernel_manager_factory(base_class, preheat_kernel, default_pool_size, **options)
    if not preheat_kernel:
        return made

    class WarmKernelManager(made):
        async def shutdown_kernel(self, kernel_id, *args, **kwargs):
            refused = self._drop_refused()
            try:
                return await super().shutdown_kernel(kernel_id, *args, **kwargs)
            finally:
                for notebook in refused:
                    self.log.info("Room again: a warm kernel for %s", notebook)
                    self.fill_if_needed(notebook_name=notebook)

    return WarmKernelManager


class PageHandler(TornadoVoilaHandler):
    """Voila's page, setting the `_xsrf` cookie its shutdown request needs."""

    async def prepare(self, *args, **kwargs):
        await super().prepare(*args, **kwargs)
        _ = self.xsrf_token  # tornado sets the cookie when the token is first read


class WorkbenchVoila(Voila):
    """Voila serving the page through `PageHandler`, its kernels managed by the class
    `_kernel_manager_factory` makes."""

    def init_settings(self):
        # Voila makes its kernel manager class here, by this module-level name
        voila.app.voila_kernel_manager_factory = _kernel_manager_factory
        return super().init_settings()

    def init_handlers(self):
        return [
            (handler[0], PageHandler, *handler[2:])
            if len(handler) > 1 and handler[1] is TornadoVoilaHandler
            else handler
            for handler in super().init_handlers()
        ]


main = WorkbenchVoila.launch_instance

if __name__ == "__main__":
    main()
