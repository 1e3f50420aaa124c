"""Benchmark the Timeline's redraw after the edits that used to rebuild it whole: an actor
merge (of two of the least named, and of the two speakers quoted most), rename, retype, reject, an added article, a brushed range; a claim's status as the
yardstick. Goals (issue 11): 100 ms at 500 articles, 250 ms at 5,000.

    .venv/bin/python benchmarks/bench_timeline_redraw.py [--sizes 500,5000] [--repeat 5]
                                                         [--keep DIR]

`make bench` runs it. The cases are bench_case.py's (the sample articles extracted once, the
only NLP, stored again with new ids). Each figure is the median ms from an edit's commit to
the Timeline tab redrawn by the app (`Workbench._edited`: the case read again as the app
reads it after an edit, carried, then the panel's refresh); the edit's own write is not
counted. "brushed range" is the panel's work when the shared date range moves (the brush
lives in the browser: Python redraws nothing). `--keep DIR` keeps the grown cases there
and reuses them on the next run (the growing is most of the run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_case import numbered, sample_extractions, timed  # noqa: E402

from workbench import Case  # noqa: E402

TYPES = ("person", "organization", "group")


def grown(folder: Path, size: int, samples: Callable[[], list]) -> Path:
    """A case of `size` articles in `folder` (built once, then reused)."""
    path = folder / f"timeline-{size}.case"
    if path.exists():
        return path
    made = samples()
    with Case.open(path) as case:
        for i in range(size):
            case.add_extraction(numbered(made[i % len(made)], i))
    return path


def clocked(function: Callable[[], object]) -> tuple[float, float]:
    """ms of wall time and of this process's CPU time (a busy machine swells the first)."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return 1000 * (time.perf_counter() - wall), 1000 * (time.process_time() - cpu)


def medians(times: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def edit_redraws(case: Case, extra: list, repeat: int) -> dict[str, tuple[float, float]]:
    from workbench.errors import WorkbenchError
    from workbench.views.app import Workbench

    app = Workbench(case)
    claims = sorted(case.claims(), key=lambda c: c.id)
    live = sorted(
        (a for a in case.actors() if a.status.value != "rejected"), key=lambda a: a.mention_count
    )
    # speakers of claims: edits the timeline must show (lanes and labels name them)
    speaking = [a.id for a in live if any(c.speaker == a.id for c in claims[:400])][-2 * repeat :]
    least = [a.id for a in live[: 8 * repeat + 2]]
    # the speakers quoted most, merged pairwise: thousands of items at 5,000 articles
    quoted = Counter(c.speaker for c in claims if c.speaker)
    most = [a for a, _ in quoted.most_common(2 * repeat + 2)]
    statuses = ("corroborated", "disputed", "false", "in_progress")
    added = iter(extra)
    edits: dict[str, Callable[[int], object]] = {
        "claim status": lambda i: case.set_claim_status(
            claims[(i * 37 + 11) % len(claims)].id, statuses[i % len(statuses)]
        ),
        "actor merge": lambda i: case.merge_actors(least.pop(), least.pop()),
        # the most quoted takes in the next one each time
        "merge of two most-quoted speakers": lambda i: case.merge_actors(most[0], most.pop(1)),
        "actor rename": lambda i: case.update_actor(
            speaking[i % len(speaking)], name=f"Renamed {i}"
        ),
        "actor retype": lambda i: case.update_actor(
            speaking[i % len(speaking)], type=TYPES[i % len(TYPES)]
        ),
        "actor reject": lambda i: case.update_actor(least.pop(), status="rejected"),
        "added article": lambda i: case.add_extraction(next(added)),
    }
    got: dict[str, tuple[float, float]] = {}
    rounds = 0
    try:
        app.show("Timeline")
        for name, edit in edits.items():
            times = []
            for _ in range(repeat):
                rounds += 1
                try:
                    edit(rounds)
                except WorkbenchError:
                    continue  # two actors that cannot be merged: the next pair
                times.append(clocked(lambda: app._edited("bench")))
            if times:
                got[name] = medians(times)
        selection = app.ctx.selection
        spans = [("2016-10-01", "2016-10-20"), ("2016-10-10", "2016-10-31"), None]
        times = []
        for i in range(repeat):
            times.append(clocked(lambda i=i: setattr(selection, "date_range", spans[i % 3])))
        got["brushed range"] = medians(times)
    finally:
        app.close()
    return got


def report(sizes: list[int], repeat: int, keep: Path | None) -> None:
    started = time.perf_counter()
    cache: list = []

    def samples() -> list:
        if not cache:
            cache.extend(sample_extractions())
        return cache

    rows: dict[str, dict[int, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for size in sizes:
            t, source = timed(lambda s=size: grown(folder, s, samples))
            print(f"  case of {size:,} articles ready ({t / 1000:.0f} s)", flush=True)
            work = Path(scratch) / f"edited-{size}.case"  # edits never touch the kept case
            shutil.copyfile(source, work)
            extra = [numbered(samples()[i % len(samples())], 900_000 + i) for i in range(repeat)]
            with Case.open(work) as case:
                for name, value in edit_redraws(case, extra, repeat).items():
                    rows.setdefault(name, {})[size] = value
    print(
        f"\nTimeline redraw after an edit, Timeline tab shown (median of {repeat}, ms: wall"
        f" / CPU; load {os.getloadavg()[0]:.1f})"
    )
    width = max(len(k) for k in rows)
    print(f"  {'':{width}}" + "".join(f"{s:>16,}" for s in sizes) + "  articles")
    nan = (float("nan"), float("nan"))
    for name, values in rows.items():
        cells = (values.get(s, nan) for s in sizes)
        print(f"  {name:{width}}" + "".join(f"{w:>9.1f} /{c:>5.0f}" for w, c in cells))
    print(
        f"  (goals: 100 ms at 500 articles, 250 ms at 5,000; {time.perf_counter() - started:.0f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="500,5000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    report([int(s) for s in args.sizes.split(",")], args.repeat, args.keep)


if __name__ == "__main__":
    main()
