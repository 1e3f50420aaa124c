"""Extraction on a Dask distributed cluster: the same `Extractor`, spread over machines.

    >>> for result in extract_on_dask(articles, scheduler="tcp://10.0.0.5:8786",
    ...                               archive="archive/"):
    ...     ...                                  # Extraction or WorkbenchError, input order

The client (this process) reads the inputs as a stream and cuts them into partitions of
`partition_size` articles; each partition is one task. A worker process loads the spaCy
model once, on its first task, and keeps it for every later one. At most `in_flight`
partitions are out on the cluster at a time (by default three times the cluster's
threads: the scheduler keeps those no worker is free for, and gives each to the first
worker that is done, see `CLUSTER_CONFIG`), and at most `HOLD`
times that many done partitions wait for an earlier one to be given on in order, so a
corpus of any size streams through in bounded memory. Results come back to the client,
which hands out the next partition first, then writes the one that came back to the
Parquet archive (`workbench.archive`) and gives the extractions on in input order, for
the JSONL output.

An article that cannot be extracted comes back as a `WorkbenchError` in its place, as in
`Extractor.extract_many(errors="yield")`; the others go on. A partition whose task fails
outright (a worker died, say) gives an `ExtractionError` for each of its articles. A
problem of the setup (the model is not installed on a worker) stops the run with its
message. Workers need workbench and the model installed (docs/archives.md).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .archive import finish_archive, start_archive, write_partition
from .errors import ExtractionError, WorkbenchError
from .model import Article, Extraction
from .nlp import choose_model

if TYPE_CHECKING:
    from distributed import Client

Result = Extraction | WorkbenchError

# Dask settings for a cluster that runs extraction: `dask.config.set(CLUSTER_CONFIG)`
# before a LocalCluster starts, or as environment variables for `dask scheduler` and
# `dask worker` (docs/archives.md). Each Dask process wakes its event loop 50 times a
# second to check it is not blocked, reads the system's counters twice a second, and a
# worker samples the running task's stack every 10 ms for the dashboard's profile page.
# Idle, that was 4% of a core for a scheduler and one worker here, 1.5% with these; a run
# on a busy machine lasts long, so it added up to most of the cluster's overhead.
# And the nanny starts each worker with MALLOC_TRIM_THRESHOLD_=65536, so that glibc gives
# freed memory back to the system at once: spaCy allocates and frees arrays for every
# batch, and each one then came back as fresh pages, 10 times the page faults of one
# process and 12 to 22% more CPU for the same extraction (benchmarks/bench_dask.py
# prints both). None leaves glibc's own threshold, which adapts to the program.
# And a worker-saturation of 1.0: the scheduler gives a worker a task only when it has a
# free thread, and keeps the rest queued itself, handing each to the first worker that is
# done. With Dask's 1.1, each one-thread worker also held a second task in its own
# queue, and no work stealing moved it (Dask steals only from a worker far busier than
# the average): in bench_dask.py's task stream one worker idled its last 6 s of a 38 s
# run while the other worked through what was queued behind its slow partition. The
# scheduler queues only a group of over twice the cluster's threads, hence the client's
# 3 x threads out at a time.
# And the memory monitor once a second, not every 100 ms: each worker and its nanny read
# the worker's memory 10 times a second, half of what an idle cluster still cost after the
# settings above (worker 0.65% of a core -> 0.3%, scheduler and nanny 0.95% -> 0.5%,
# measured per thread in session 6). Dask's event loops cost CPU by the second, not by
# the article, so on a busy machine, where a run lasts three or four times its CPU
# time, they were most of the cluster's overhead (benchmarks/bench_dask.py splits it:
# a worker's task thread took the single process's CPU within the machine's noise).
# A partition's memory grows far slower than that: a worker still pauses, spills or is
# restarted at Dask's thresholds, a second later at most.
CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}

# Done partitions held for order, as a multiple of `in_flight`. They used to count against
# `in_flight` itself: behind one slow partition, the others' results filled the limit and
# no worker got new work until the slow one was done (a worker idled 2.6 s of a 38 s run
# in bench_dask.py's task stream). Results are small (about 10 KB an article), so holding
# more of them costs little memory and keeps both workers busy.
HOLD = 4

_load_lock = threading.Lock()
_extractors: dict[str, Any] = {}


def _worker_extractor(model: str):
    """The worker process's extractor for `model`, built (and the model loaded) once."""
    with _load_lock:
        found = _extractors.get(model)
        if found is None:
            from .extract import Extractor

            found = Extractor(model=model)
            found.nlp  # noqa: B018 - load now, under the lock: threads share one model
            _extractors[model] = found
    return found


def extract_partition(articles: list[Article], model: str) -> list[Result]:
    """One task: the partition's extractions (or errors), in order. Runs on a worker."""
    extractor = _worker_extractor(model)
    return list(extractor.extract_many(articles, errors="yield"))


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    stream = iter(articles)
    while batch := list(islice(stream, size)):
        yield batch


def connect(scheduler: str | Client) -> tuple[Client, bool]:
    """A client for `scheduler` (an address) and whether we opened it (so must close it)."""
    from distributed import Client

    if not isinstance(scheduler, str):
        return scheduler, False
    try:
        return Client(scheduler, timeout="30s"), True
    except OSError as exc:
        raise WorkbenchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def extract_on_dask(
    articles: Iterable[Article],
    *,
    scheduler: str | Client,
    archive: str | os.PathLike[str],
    model: str | None = None,
    partition_size: int = 32,
    in_flight: int | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> Iterator[Result]:
    """Extract `articles` on the cluster at `scheduler`, writing the Parquet archive.

    Yields each article's `Extraction` (or its `WorkbenchError`) in input order;
    `on_progress(n)` hears the number of articles done after each partition. The archive's
    manifest is written when the last partition is in: a run stopped halfway leaves an
    archive that `workbench.archive` refuses as unfinished.
    """
    from distributed import as_completed

    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    name = choose_model(model)
    client, opened = connect(scheduler)
    try:
        folder = start_archive(archive)  # once the cluster answers: no folder left behind
        threads = sum(client.nthreads().values()) or 1
        # more than twice the threads out: the scheduler then counts them a "root-ish"
        # group and keeps those no worker is free for in its own queue (below)
        limit = in_flight or 3 * threads
        hold = HOLD * limit
        sizes: dict[int, int] = {}
        counts = {"articles": 0, "failed": 0, "done": 0}
        ready: dict[int, list[Result]] = {}
        waiting = as_completed()
        futures: dict[Any, tuple[int, list[Article]]] = {}
        parts = enumerate(_partitions(articles, partition_size))
        next_out = 0
        seq_of: dict[int, int] = {}  # partition -> the seq of its first article

        def top_up() -> None:
            # results held for order have their own bound: behind a slow partition the
            # others go on, but do not pile up in memory without end
            out: list[tuple[int, list[Article]]] = []
            while len(futures) + len(out) < limit and len(ready) < hold:
                try:
                    out.append(next(parts))
                except StopIteration:
                    break
            if not out:
                return
            for number, batch in out:
                seq_of[number] = counts["articles"]
                sizes[number] = len(batch)
                counts["articles"] += len(batch)
            # sent as one graph: the scheduler sees them together as one group of many
            # tasks, which it queues itself (see CLUSTER_CONFIG's worker-saturation)
            sent = client.map(extract_partition, [b for _, b in out], model=name, pure=False)
            for future, item in zip(sent, out, strict=True):
                futures[future] = item
                waiting.add(future)

        top_up()
        for future in waiting:
            number, batch = futures.pop(future)
            results = _results_of(future, batch)
            ready[number] = results
            top_up()  # the worker's next partition goes out before we write and yield this one
            first = seq_of[number]
            ok = [(first + i, r) for i, r in enumerate(results) if isinstance(r, Extraction)]
            write_partition(folder, number, ok)
            counts["failed"] += len(results) - len(ok)
            counts["done"] += len(results)
            if on_progress is not None:
                on_progress(counts["done"])
            while next_out in ready:
                yield from ready.pop(next_out)
                next_out += 1
            top_up()
        finish_archive(
            folder,
            model=name,
            articles=counts["articles"],
            extracted=counts["articles"] - counts["failed"],
            failed=counts["failed"],
            partitions=len(sizes),
            partition_size=partition_size,
        )
    finally:
        if opened:
            client.close()


def _results_of(future, batch: list[Article]) -> list[Result]:
    """A task's results; a task that failed as a whole fails each of its articles, except
    for a setup problem (a workbench error such as a missing model), which is raised."""
    error = future.exception()
    if error is None:
        return future.result()
    if isinstance(error, WorkbenchError):
        raise error
    return [
        ExtractionError(
            f"{a.path or a.url or a.id}: extraction failed on the cluster "
            f"({type(error).__name__}: {error})"
        )
        for a in batch
    ]


def worker_memory(client: Client) -> dict[str, dict[str, int]]:
    """Each worker process's memory in bytes: `peak` and `resident` (now) resident set
    size, for the benchmark."""
    return {str(k): v for k, v in client.run(process_memory).items()}


def process_memory() -> dict[str, int]:
    """This process's peak and current resident memory, in bytes.

    Linux's VmHWM is the peak of this program's own memory; `ru_maxrss` (the fallback
    elsewhere) also counts the parent's memory at the fork, which for a Dask worker is
    the whole parent process."""
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
        status = {k: v for k, _, v in (line.partition(":") for line in lines)}
        kilobytes = {k: int(status[k].split()[0]) for k in ("VmHWM", "VmRSS")}
        return {"peak": kilobytes["VmHWM"] * 1024, "resident": kilobytes["VmRSS"] * 1024}
    except (OSError, KeyError, ValueError, IndexError):
        import resource
        import sys

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak = peak if sys.platform == "darwin" else peak * 1024
        return {"peak": peak, "resident": peak}


__all__ = [
    "CLUSTER_CONFIG",
    "HOLD",
    "connect",
    "extract_on_dask",
    "extract_partition",
    "process_memory",
    "worker_memory",
]
