"""Extraction on a Dask cluster against the single-process run, on the same texts.

Measures, on the first `--articles` Wikinews articles:
- `Extractor().extract_many(...)` in this process (the model loaded beforehand);
- `workbench.distributed.extract_on_dask` on a LocalCluster of 1 and then 2 worker
  processes (one thread each, on 127.0.0.1), the Parquet archive written as in
  `workbench extract --dask`. Each worker has loaded the model before the clock starts
  (a warm-up partition per worker), as on a cluster that has been running for a while;
  the cluster's start and the model loading are shown apart.
The overhead of the cluster is 1 - (1 worker's rate / the single process's rate); the
scaling is 2 workers' rate / 1 worker's (the issue's goals: under 10%, at least 1.7x).
Runs are interleaved in rounds (`--repeat`, 5: a median of 3 moved with one slow
round); each round is printed as it ends, then the best of each run, then one VERDICT
line per partition size: the scaling best and median (ratios within a round), the
overhead by CPU (best, median, worst, and its two parts) and by wall, the two workers'
busy fractions and tail, and the load. `--busy N` runs N processes burning a core each
beside the timed runs: a busy machine, the same from one run to the next. A machine with fewer than two free cores cannot show
the scaling by the wall clock, so each run also gives the CPU seconds of all our
processes (this one, which runs client and scheduler, the nannies and the workers), each
worker's busy fraction (its tasks' time / the wall: under 1, it waited for work), the
tail (one worker idle while the other finishes) and the other processes' CPU seconds in
the same time: starved workers and a machine taken by others read differently.

The CPU seconds are split by thread (Linux's /proc): the client (this process's main
thread and its client loop: results, the Parquet archive), the scheduler (the cluster's
event loop in this process, where the nannies also run) and, in each worker, its task
thread (the extraction itself) and the rest (Dask's event loop: heartbeats, the memory
monitor). So the VERDICT splits the overhead into Dask's own work, which it costs by the
wall second and so grows on a busy machine, and the extraction in a worker's thread
against the same in this process, which varies as the machine does (the single
process's own spread across rounds is printed beside it).

Beside the CPU seconds, the minor page faults of each side: a worker that gets its
memory back from the system for every batch shows there (see `CLUSTER_CONFIG`).

Then the memory of each worker (peak resident set) on one synthetic archive of short
articles (templates filled from the gazetteer and the people of the corpus, made one at
a time and streamed to a fresh 2-worker cluster, never held whole), read as the articles
done pass each of `--synthetic` (2,000 / 5,000 / 10,000 / 20,000 by default, the issue's
size): flat as the archive grows is the goal.

    .venv/bin/python benchmarks/bench_dask.py
    .venv/bin/python benchmarks/bench_dask.py --synthetic 500,1000   # a shorter archive
    .venv/bin/python benchmarks/bench_dask.py --quick       # 16 articles, 200,400
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extract import CORPUS, load_articles  # noqa: E402

from workbench.model import Article  # noqa: E402

# Sentences of the kinds the extraction reads (a claim with its speaker and outlet, a
# dated event, a meeting, a quote), filled with names from the gazetteer and people the
# corpus names: a few sentences an article, so a 20,000-article archive extracts in
# minutes rather than hours, and each article is new text (its own numbers, days, mix of
# names), as an archive's would be.
TEMPLATES = (
    "{person}, the {demonym} foreign minister, said on {weekday} that {count} people had "
    "been killed in {capital}.",
    "According to {outlet}, {org} officials met {person} in {capital} on {day} {month}.",
    '"We will not accept this," {person} told {outlet}, adding that talks with {org} '
    "would resume in {month}.",
    "{group} fighters attacked a checkpoint near {capital} on {weekday}, {outlet} reported, "
    "citing {count} witnesses.",
    "The {demonym} government denied the report, which {person} called false.",
    "{org} said on {day} {month} {year} that aid had reached {count} families in {country}.",
    "{person} visited {country} in {month} {year} and met {other}, {outlet} said.",
)
MONTHS = "January February March April May June July August September October November December"
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"


def people_of(extractions) -> list[str]:
    """The names of the people the extractions found: real names, as an archive has."""
    names = {a.name for x in extractions for a in x.actors if a.type.value == "person"}
    return sorted(n for n in names if " " in n)


def synthetic(people: list[str], count: int, *, seed: int = 7) -> Iterator[Article]:
    """`count` short articles (3 to 6 sentences of `TEMPLATES`), made one at a time."""
    from workbench.lexicon import gazetteer

    countries = [c for c in gazetteer.countries() if c.demonyms and c.capital]
    outlets = [o.name for o in gazetteer.media_outlets()]
    orgs = [o.name for o in gazetteer.organizations()]
    groups = [g.name for g in gazetteer.armed_groups()]
    months, weekdays = MONTHS.split(), WEEKDAYS.split()
    pick = random.Random(seed)
    for n in range(count):
        country = pick.choice(countries)
        names = {
            "person": pick.choice(people),
            "other": pick.choice(people),
            "demonym": country.demonyms[0],
            "capital": country.capital,
            "country": country.name,
            "outlet": pick.choice(outlets),
            "org": pick.choice(orgs),
            "group": pick.choice(groups),
            "weekday": pick.choice(weekdays),
            "month": pick.choice(months),
            "day": pick.randint(1, 28),
            "year": pick.randint(2010, 2024),
            "count": pick.randint(2, 400),
        }
        body = " ".join(t.format(**names) for t in pick.sample(TEMPLATES, pick.randint(3, 6)))
        yield Article(id=f"synthetic-{n}", text=body, published="2020-01-01", outlet="Wikinews")


@contextlib.contextmanager
def cluster(workers: int):
    import dask
    from distributed import LocalCluster

    from workbench.distributed import CLUSTER_CONFIG

    # the settings docs/archives.md gives for a cluster that extracts
    with (
        dask.config.set(CLUSTER_CONFIG),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # any free port: 8787 may be taken
        ) as running,
    ):
        yield running


def loop_thread_of(running) -> int:
    """The thread id of a LocalCluster's event loop, where its scheduler and nannies run
    (in this process): their CPU, told apart from the client's."""

    async def native_id() -> int:
        return threading.get_native_id()

    return running.sync(native_id)


def run_on(address, articles, *, partition_size: int, on_progress=None) -> tuple[int, int]:
    """Articles done and failed, the archive written to a temporary folder."""
    from workbench.distributed import extract_on_dask
    from workbench.errors import WorkbenchError

    with tempfile.TemporaryDirectory() as tmp:
        results = extract_on_dask(
            articles,
            scheduler=address,
            archive=Path(tmp) / "archive",
            partition_size=partition_size,
            on_progress=on_progress,
        )
        outcomes = [isinstance(r, WorkbenchError) for r in results]
    return len(outcomes), sum(outcomes)


BURNERS: set[int] = set()  # the pids of --busy's processes


@contextlib.contextmanager
def burning(count: int):
    """`count` processes that burn a core each while the block runs: a machine taken by
    others, as the issue measured on, made the same from one run to the next."""
    import signal
    import subprocess

    # each stops by itself if this process dies without stopping it (killed outright)
    parent = os.getpid()
    loop = f"import os\nwhile os.getppid() == {parent}:\n    for _ in range(10**6):\n        pass"
    # SIGTERM ends us through the `finally` below, as Ctrl-C does
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    burners = [subprocess.Popen([sys.executable, "-c", loop]) for _ in range(count)]
    BURNERS.update(b.pid for b in burners)
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
        BURNERS.clear()
        signal.signal(signal.SIGTERM, previous)


def tree_cpu() -> dict[int, float]:
    """CPU seconds of this process and every process under it (the cluster's nannies and
    workers), by pid: all the CPU a run costs, not only the workers'."""
    import psutil

    here = psutil.Process()
    used = {}
    for proc in [here, *here.children(recursive=True)]:
        if proc.pid in BURNERS:  # --busy's load is the others', not ours
            continue
        with contextlib.suppress(psutil.Error):
            times = proc.cpu_times()
            used[proc.pid] = times.user + times.system
    return used


def thread_cpu() -> dict[int, tuple[str, float]]:
    """CPU seconds of each thread of this process, by its id, with its Python name ("" for
    one Python did not start): which part of a process the CPU went to. Linux's /proc, in
    clock ticks (10 ms); elsewhere nothing, and the parts are not shown."""
    names = {t.native_id: t.name for t in threading.enumerate()}
    tick = os.sysconf("SC_CLK_TCK")
    used: dict[int, tuple[str, float]] = {}
    with contextlib.suppress(OSError):
        for tid in os.listdir("/proc/self/task"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                stat = Path(f"/proc/self/task/{tid}/stat").read_text()
                fields = stat[stat.rindex(")") + 2 :].split()
                seconds = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
                used[int(tid)] = (names.get(int(tid), ""), seconds)
    return used


def task_thread_cpu() -> float:
    """CPU seconds of a worker's task threads (Dask names them ...-Dask-Default-Threads-...):
    the extraction itself, the rest of the worker being Dask's event loop and its helpers."""
    return sum(cpu for name, cpu in thread_cpu().values() if "Dask-Default-Threads" in name)


def machine_busy() -> float:
    """CPU seconds the whole machine has spent busy (all processes, everyone's)."""
    import psutil

    times = psutil.cpu_times()
    # guest time is counted in user time already; idle and iowait are not busy
    busy = ("user", "nice", "system", "irq", "softirq", "steal")
    return sum(getattr(times, name, 0.0) for name in busy)


def measure(client, run, loop_thread: int | None = None) -> dict:
    """Run `run()` (it returns the articles that failed) and its figures: wall seconds;
    CPU seconds of every process of ours (`cpu`), of this process (`here`), split into the
    `scheduler` (the cluster's event-loop thread, `loop_thread`: the scheduler and the
    nannies) and the `client` (the rest: its event loop, results, Parquet); of each worker,
    and of its task thread (`tasks`: the extraction; the rest of a worker is Dask's own
    event loop); the machine's busy CPU seconds and the part of it that
    was not ours (`others`); page faults; the load average at the end; and, on a
    cluster, each worker's busy fraction (its tasks' compute time / the wall time: a
    worker below 1 was waiting for work) and the `tail` (seconds from the first worker's
    last task ending to the last one's: one worker idle while the other finishes)."""
    from distributed import get_task_stream

    before, machine = tree_cpu(), machine_busy()
    ours, faults = time.process_time(), page_faults(client) + page_faults()
    workers = client.run(time.process_time) if client is not None else {}
    tasks_before = client.run(task_thread_cpu) if client is not None else {}
    threads = thread_cpu()
    stream = get_task_stream(client=client) if client is not None else contextlib.nullcontext()
    wall = time.perf_counter()
    with stream as tasks:
        failed = run()
    seconds = time.perf_counter() - wall
    after = tree_cpu()
    figures = {
        "seconds": seconds,
        # a process that ended during the run counts for what we saw of it
        "cpu": sum(after[p] - before.get(p, 0.0) for p in after),
        "here": time.process_time() - ours,
        "machine": machine_busy() - machine,
        "faults": page_faults(client) + page_faults() - faults,
        "load": os.getloadavg()[0],
        "failed": failed,
    }
    figures["others"] = max(0.0, figures["machine"] - figures["cpu"])
    figures["scheduler"] = 0.0
    if loop_thread is not None:
        later = thread_cpu()
        if loop_thread in later and loop_thread in threads:
            figures["scheduler"] = later[loop_thread][1] - threads[loop_thread][1]
    figures["client"] = figures["here"] - figures["scheduler"]
    figures["tasks"] = figures["cpu"] if client is None else 0.0
    if client is not None:
        now = client.run(time.process_time)
        tasks_now = client.run(task_thread_cpu)
        figures["worker_cpu"] = sorted(now[w] - workers[w] for w in now)
        # each worker's (CPU, of which its task thread), the busier first
        figures["workers"] = sorted(
            ((now[w] - workers[w], tasks_now[w] - tasks_before[w]) for w in now), reverse=True
        )
        figures["tasks"] = sum(t for _, t in figures["workers"])
        busy: dict[str, float] = {}
        last: dict[str, float] = {}
        for task in tasks.data:
            for span in task["startstops"]:
                if span["action"] == "compute":
                    busy[task["worker"]] = (
                        busy.get(task["worker"], 0.0) + span["stop"] - span["start"]
                    )
                    last[task["worker"]] = max(last.get(task["worker"], 0.0), span["stop"])
        figures["busy"] = sorted(b / seconds for b in busy.values())
        figures["tail"] = max(last.values()) - min(last.values()) if len(last) > 1 else 0.0
    return figures


def page_faults(client=None) -> int:
    """Minor page faults of this process, or of the cluster's workers when given one."""
    if client is not None:
        return sum(client.run(page_faults).values())
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def memory_curve(people: list[str], checkpoints: list[int], *, partition_size: int) -> dict:
    """Each worker's peak resident memory (MB) as one synthetic archive of
    `max(checkpoints)` articles streams through a fresh 2-worker cluster, read when the
    articles done first reach each checkpoint; with the seconds taken and this process's."""
    from distributed import Client

    from workbench.distributed import process_memory, worker_memory

    marks = sorted(checkpoints)
    rows: list[dict] = []
    with cluster(2) as running, Client(running.scheduler_address) as client:
        start = time.perf_counter()

        def on_progress(done: int) -> None:
            while len(rows) < len(marks) and done >= marks[len(rows)]:
                used = worker_memory(client)
                rows.append(
                    {
                        "articles": done,
                        "seconds": time.perf_counter() - start,
                        "worker_peak_mb": sorted(v["peak"] / 2**20 for v in used.values()),
                        "client_peak_mb": process_memory()["peak"] / 2**20,
                        "load": os.getloadavg()[0],
                    }
                )
                row = rows[-1]
                print(
                    f"  {row['articles']:>6} articles, {row['seconds']:5.0f} s, load "
                    f"{row['load']:4.1f}: peak per worker "
                    + ", ".join(f"{mb:.0f} MB" for mb in row["worker_peak_mb"])
                    + f"; this process {row['client_peak_mb']:.0f} MB",
                    flush=True,
                )

        done, failed = run_on(
            client,
            synthetic(people, marks[-1]),
            partition_size=partition_size,
            on_progress=on_progress,
        )
    if failed:
        raise SystemExit(f"bench_dask: {failed} synthetic articles failed")
    return {"articles": done, "checkpoints": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=96, help="Wikinews articles timed")
    parser.add_argument(
        "--partition-size",
        # Two workers can only share the work if there are several tasks to share: 64
        # articles in partitions of 64 was one task, so a second worker could never help
        # (the x0.79-0.99 of earlier runs), and partitions of 32 were two tasks of
        # unequal length. 8 and 16 give 12 and 6 tasks here; a real archive's
        # partitions of 32 (extract --dask's) are as many as its articles allow.
        default="8,16",
        help="sizes to time, comma-separated (extract --dask uses 32 on a real archive)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds")
    parser.add_argument(
        "--synthetic",
        default="2000,5000,10000,20000",
        help="articles done at which the workers' memory is read; the last is the archive's size",
    )
    parser.add_argument(
        "--synthetic-partition-size", type=int, default=128, help="short articles: bigger"
    )
    parser.add_argument(
        "--busy",
        type=int,
        default=0,
        metavar="N",
        help="N processes burning a core each beside the timed runs (not the memory curve)",
    )
    parser.add_argument("--quick", action="store_true", help="16 articles, 200,400")
    parser.add_argument(
        "--memory-only", action="store_true", help="only the synthetic archive's memory"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.synthetic, args.repeat = 16, "200,400", 1
    sizes = [int(s) for s in args.synthetic.split(",") if s.strip()]
    partition_sizes = [int(s) for s in args.partition_size.split(",") if s.strip()]

    from distributed import Client

    from workbench.distributed import process_memory
    from workbench.extract import Extractor

    corpus = load_articles(args.corpus, 0)
    articles = corpus[: args.articles]
    words = sum(len(a.text.split()) for a in articles)
    extractor = Extractor()
    list(extractor.extract_many(articles[:4]))  # load the model, touch every component
    setup: dict[str, float] = {}
    rounds: dict[str, list[dict]] = {}  # per run: the figures of each round, in order

    def timed(name: str, client, run, loop_thread: int | None = None) -> None:
        figures = measure(client, run, loop_thread)
        if figures["failed"]:
            raise SystemExit(f"bench_dask: {figures['failed']} articles failed in {name!r}")
        rounds.setdefault(name, []).append(figures)
        print(f"  round {len(rounds[name])}: {row(name, figures)}", flush=True)

    def row(name: str, f: dict) -> str:
        line = (
            f"{name:28} {f['seconds']:7.2f} s, {len(articles) / f['seconds']:5.2f} art./s; "
            f"CPU {f['cpu']:6.2f} s ("
        )
        if "workers" in f:
            line += f"client {f['client']:.2f}, scheduler {f['scheduler']:.2f}, workers "
            # each worker's extraction (its task thread) + Dask's own (its event loop)
            line += " / ".join(f"{t:.2f} + {c - t:.2f}" for c, t in f["workers"])
            line += f"); busy {' / '.join(f'{b:.0%}' for b in f['busy'])}, tail {f['tail']:.1f} s"
        else:
            line += "one process)"
        return (
            line
            + f"; others' CPU {f['others']:.1f} s; faults {f['faults']:,}; load {f['load']:.1f}"
        )

    def single() -> int:
        return sum(
            isinstance(r, Exception) for r in alone_extractor.extract_many(articles, errors="yield")
        )

    people = people_of(extractor.extract_many(articles))  # for the synthetic archive

    # Interleaved rounds: the machine is shared, and a slow stretch of it falls on every
    # kind of run alike; each round is printed, then the best and the median of each.
    # The wall clock says what a user waits; on a shared machine the CPU seconds (all our
    # processes': this one, the nannies, the workers), the workers' busy fractions and the
    # other processes' CPU in the same seconds say why: a worker busy near 100% whose
    # CPU is well under its wall time was running but had no core (others took it);
    # a worker busy well under 100% was waiting for work (the cluster's fault).
    # One cluster up at a time, and none during the single-process run: this process
    # runs a cluster's scheduler, whose CPU would be billed to whatever runs beside it.
    # So each round starts its clusters anew. Both sides have seen the texts once before
    # the clock starts (the model loaded, spaCy's vocabulary and our caches holding their
    # words): the single process's second round would otherwise run on warm caches against
    # workers that are always cold. The runs use the client already connected, as a long
    # run does: connecting once is not part of the per-article cost.
    overhead: dict[int, dict[str, float]] = {}
    alone_extractor = extractor
    if not args.memory_only:
        print(
            f"{len(articles)} Wikinews articles, {words} words, model {extractor.model}, "
            f"{args.repeat} interleaved rounds, {os.cpu_count()} cores; CPU s of the "
            "client (this process's main thread and client loop: results, Parquet), the "
            "scheduler (the cluster's loop in this process, with the nannies) and each "
            "worker as its task thread (the extraction) + the rest (Dask's event loop); "
            "busy: each worker's task time / wall; tail: one worker idle while the other "
            "finishes; others' CPU: the machine's busy CPU seconds in the run that were "
            f"not ours{f'; {args.busy} other processes burning a core each (--busy)' if args.busy else ''}"
        )
        # --busy: the others' load, the same in every run
        with burning(args.busy):
            for _ in range(args.repeat):
                # a fresh extractor that has seen the texts once, as each round's new workers
                # have: one extractor kept across rounds had seen them three or four times by
                # the last round, against the workers' once
                alone_extractor = Extractor()
                list(alone_extractor.extract_many(articles))
                timed("single process", None, single)
                for size in partition_sizes:
                    for workers in (1, 2):
                        start = time.perf_counter()
                        with (
                            cluster(workers) as running,
                            Client(running.scheduler_address) as client,
                        ):
                            run_on(client, articles, partition_size=size)
                            setup[f"{workers} worker(s)"] = time.perf_counter() - start
                            timed(
                                f"{workers} worker{'s' if workers > 1 else ''}, partitions of {size}",
                                client,
                                lambda c=client, n=size: run_on(c, articles, partition_size=n)[1],
                                loop_thread_of(running),
                            )
        print("best of each (by the wall clock):")
        for name, runs in rounds.items():
            print("  " + row(name, min(runs, key=lambda f: f["seconds"])))
        alone = rounds["single process"]
        verdicts = []
        for size in partition_sizes:
            ones = rounds[f"1 worker, partitions of {size}"]
            twos = rounds[f"2 workers, partitions of {size}"]
            # ratios within a round: the runs of one round saw the same stretch of load
            scaling = [o["seconds"] / t["seconds"] for o, t in zip(ones, twos, strict=True)]
            wall = [1 - a["seconds"] / o["seconds"] for a, o in zip(alone, ones, strict=True)]
            cpu = [1 - a["cpu"] / o["cpu"] for a, o in zip(alone, ones, strict=True)]
            # the overhead in two parts that add up to it: Dask's own work (the client, the
            # scheduler and nannies, each worker's event loop) and the same extraction
            # run in a worker's task thread rather than in this process (what varies
            # there is the machine's noise, seen in the single process's own spread)
            own = [(o["cpu"] - o["tasks"]) / o["cpu"] for o in ones]
            moved = [(o["tasks"] - a["cpu"]) / o["cpu"] for a, o in zip(alone, ones, strict=True)]
            busy = [b for t in twos for b in t["busy"]]
            # what the wall clock would give with a free core per worker: one worker's CPU
            # seconds against the busier of the two workers' (their tasks ran nearly all
            # the time, so on a shared machine the rest of their wall time was others')
            by_cpu = [
                sum(o["worker_cpu"]) / max(t["worker_cpu"]) for o, t in zip(ones, twos, strict=True)
            ]
            overhead[size] = {
                "scaling_best": max(scaling),
                "scaling_median": statistics.median(scaling),
                "overhead_wall_best": min(wall),
                "overhead_wall_median": statistics.median(wall),
                "overhead_cpu_best": min(cpu),
                "overhead_cpu_median": statistics.median(cpu),
                "overhead_cpu_worst": max(cpu),
                "dask_own_cpu_median": statistics.median(own),
                "dask_own_cpu_worst": max(own),
                "extraction_in_worker_median": statistics.median(moved),
                "one_worker_tasks_cpu": [o["tasks"] for o in ones],
                "scaling_by_cpu_median": statistics.median(by_cpu),
                "two_workers_busy_median": statistics.median(busy),
                "two_workers_tail_median": statistics.median(t["tail"] for t in twos),
            }
            o = overhead[size]
            loads = [f["load"] for f in (*alone, *ones, *twos)]
            scaled = "MET" if o["scaling_median"] >= 1.7 else "missed"
            if max(cpu) < 0.10:
                cheap = "MET in every round"
            else:
                cheap = "MET by median" if o["overhead_cpu_median"] < 0.10 else "missed"
            singles = [a["cpu"] for a in alone]
            in_worker = o["one_worker_tasks_cpu"]
            verdicts.append(
                f"VERDICT partitions of {size} ({-(-len(articles) // size)} tasks): 2 workers vs 1 "
                f"x{o['scaling_best']:.2f} best, x{o['scaling_median']:.2f} median (goal >= 1.7: "
                f"{scaled}), x{o['scaling_by_cpu_median']:.2f} median by CPU (1 worker's CPU "
                f"s / the busier of 2's); cluster overhead by CPU {o['overhead_cpu_best']:+.0%} best, "
                f"{o['overhead_cpu_median']:+.0%} median, {max(cpu):+.0%} worst (goal < 10%: "
                f"{cheap}): Dask's own work {o['dask_own_cpu_median']:+.1%} median "
                f"({o['dask_own_cpu_worst']:+.1%} worst), the extraction in a worker's thread "
                f"{o['extraction_in_worker_median']:+.1%} median ({min(in_worker):.2f}-"
                f"{max(in_worker):.2f} s against the single process's {min(singles):.2f}-"
                f"{max(singles):.2f} s); by wall {o['overhead_wall_median']:+.0%} median; "
                "2 workers busy "
                f"{o['two_workers_busy_median']:.0%} median, tail "
                f"{o['two_workers_tail_median']:.1f} s median; load {min(loads):.1f}-"
                f"{max(loads):.1f}"
            )
        print(
            "cluster start + model loading, not timed above: "
            + ", ".join(f"{k} {v:.1f} s" for k, v in setup.items())
        )
        print("\n".join(verdicts))

    memory = {}
    if sizes:
        print(
            f"synthetic archive of {max(sizes):,} short articles on 2 workers, partitions of "
            f"{args.synthetic_partition_size}:"
        )
        memory = memory_curve(people, sizes, partition_size=args.synthetic_partition_size)
        first, last = memory["checkpoints"][0], memory["checkpoints"][-1]
        growth = max(
            b / a - 1 for a, b in zip(first["worker_peak_mb"], last["worker_peak_mb"], strict=True)
        )
        took = last["seconds"]
        print(
            f"  {memory['articles']:,} articles in {took:.0f} s ({memory['articles'] / took:.1f}"
            f" articles/s); worker peak from {first['articles']:,} to {last['articles']:,} "
            f"articles: {growth:+.1%} (goal: flat)"
        )
    client_mb = process_memory()["peak"] / 2**20
    print(f"this process (the client, with the single-process run's model): {client_mb:.0f} MB")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        figures = {
            "articles": len(articles),
            "words": words,
            "rounds": rounds,
            "by_partition_size": overhead,
            "setup_seconds": setup,
            "synthetic_archive": memory,
        }
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
