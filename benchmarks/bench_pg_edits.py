"""An actor edit on PostgreSQL, old code against new, alternately, under chosen loads.

    .venv/bin/python benchmarks/bench_pg_edits.py --old OLD_CHECKOUT [--new NEW_CHECKOUT]
        [--articles 1000] [--case CASE_FILE] [--busy 0,4,12] [--alternations 5]

OLD_CHECKOUT and NEW_CHECKOUT are two checkouts of workbench (`git worktree add`); NEW
defaults to this one. A throwaway PostgreSQL is started (`tests/postgres_server.py`:
initdb in a temporary folder, a free port, stopped at the end), a case of `--articles`
copies of the sample reports is made in a file (or `--case` is taken) and copied to the
server twice with the new checkout's `workbench case copy`, one copy per checkout. Then,
for each alternation and each number of burners, each checkout's `bench_case.py --edits`
runs on its own copy (update_actor plus reading the actor back, 50 actors, each undone,
with N CPU-burning processes alongside), the two in turn and their order swapped at each
alternation, so the others' work on the machine falls on both alike. Each run prints its
p50 and p95, the CPU per edit of the client and of the server's process, and the runnable
tasks it saw (the load: others' work on the machine counts too).

Round trips per edit and read-back are counted in each checkout's own code, where it talks
to the server: `Connection._send` (new: each call is one round trip, what was queued and
what is sent, pipelined), or `_run`, `_run_script` and `_pipelined` (old: one each), as
`tests/case/test_postgres.py` counts them, in the caller's thread only (the store writes
kept results from a thread of its own).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# run inside a checkout (`--count`): round trips of 5 edits with their read-back
COUNT = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from workbench import Case
from workbench.case import postgres

import threading
calls = [0]
caller = threading.get_ident()  # a kept result is written by a thread of the store's own
def counted(name):
    original = getattr(postgres.Connection, name)
    def wrapper(self, *args, **kwargs):
        if threading.get_ident() == caller:
            calls[0] += 1
        return original(self, *args, **kwargs)
    setattr(postgres.Connection, name, wrapper)

names = ["_send"] if hasattr(postgres.Connection, "_send") else ["_run", "_run_script", "_pipelined"]
with Case.open(sys.argv[2]) as case:
    actors = case.actors()
    for name in names:
        counted(name)
    per_edit = []
    for actor in actors[:5]:
        before = calls[0]
        case.update_actor(actor.id, status="confirmed")
        case.actor(actor.id)
        per_edit.append(calls[0] - before)
        case.undo()  # not counted
        calls[0] = before + per_edit[-1]
print(json.dumps(per_edit))
"""

LINE = re.compile(
    r"median (?P<p50>[\d.]+) ms, p95 (?P<p95>[\d.]+) ms; CPU per edit with its undo: "
    r"client (?P<client>[\d.]+) ms(?:, server (?P<server>[\d.]+) ms)?; (?P<burners>\d+) "
    # a run shorter than the half second between samples has the load average only
    r"burners, (?:runnable tasks mean (?P<runnable>[\d.]+)|load average (?P<average>[\d.]+))"
)


def python() -> str:
    return sys.executable


def run_in(checkout: Path, *args: str, timeout: float = 3600) -> str:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        [python(), *args],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{checkout}: {' '.join(args[:3])} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def make_case(path: Path, articles: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_case import numbered, sample_extractions

    from workbench import Case

    samples = sample_extractions()
    with Case.open(path) as case:
        for number in range(articles):
            case.add_extraction(numbered(samples[number % len(samples)], number))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, required=True, help="the old code's checkout")
    parser.add_argument("--new", type=Path, default=ROOT, help="the new code's checkout")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--case", type=Path, help="a case file to copy (else one is made)")
    parser.add_argument("--busy", default="0,4,12", help="burners for each row, by commas")
    parser.add_argument("--alternations", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from postgres_server import start_or_skip

    server = start_or_skip()
    folder = tempfile.TemporaryDirectory()
    try:
        case_file = args.case
        if case_file is None:
            case_file = Path(folder.name) / "bench.case"
            make_case(case_file, args.articles)
        checkouts = {"old": args.old.resolve(), "new": args.new.resolve()}
        urls = {name: server.url(f"bench_{name}") for name in checkouts}
        for name, checkout in checkouts.items():
            # copied by the new code (the same case format): an old checkout's copy may
            # have a bug of its own
            copier = checkouts["new"]
            run_in(copier, "-m", "workbench", "case", "copy", str(case_file), urls[name])
            trips = json.loads(run_in(checkout, "-c", COUNT, str(checkout), urls[name]))
            print(f"{name}: round trips per edit and read-back {trips}", flush=True)
        results: dict[tuple[str, int], list[dict[str, float]]] = {}
        for alternation in range(args.alternations):
            order = list(checkouts) if alternation % 2 == 0 else list(reversed(checkouts))
            for burners in (int(b) for b in args.busy.split(",")):
                for name in order:
                    out = run_in(
                        checkouts[name],
                        str(checkouts[name] / "benchmarks" / "bench_case.py"),
                        "--edits",
                        urls[name],
                        "--busy",
                        str(burners),
                    )
                    found = LINE.search(out)
                    if found is None:
                        raise SystemExit(f"{name}: no figures in {out!r}")
                    row = {k: float(v) for k, v in found.groupdict().items() if v is not None}
                    row.setdefault("runnable", row.get("average", float("nan")))
                    results.setdefault((name, burners), []).append(row)
                    print(
                        f"alternation {alternation + 1} {name} {burners} burners: p50 "
                        f"{row['p50']:.1f} ms, p95 {row['p95']:.1f} ms, CPU client "
                        f"{row['client']:.2f} / server {row.get('server', -1):.2f} ms, "
                        f"runnable {row['runnable']:.1f}",
                        flush=True,
                    )
        print("\ncode burners | runnable mean (min-max) | p95 median (worst) | p50 median")
        for (name, burners), rows in sorted(results.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            p95 = [r["p95"] for r in rows]
            runnable = [r["runnable"] for r in rows]
            print(
                f"{name} {burners} | {statistics.median(runnable):.1f} "
                f"({min(runnable):.1f}-{max(runnable):.1f}) | {statistics.median(p95):.1f} "
                f"({max(p95):.1f}) ms | {statistics.median(r['p50'] for r in rows):.1f} ms "
                f"| p95s {', '.join(f'{v:.1f}' for v in p95)}"
            )
    finally:
        server.stop()
        folder.cleanup()


if __name__ == "__main__":
    main()
