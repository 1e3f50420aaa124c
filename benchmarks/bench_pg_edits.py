"""An actor edit on PostgreSQL, old code against new, alternately, under chosen loads.

    .venv/bin/python benchmarks/bench_pg_edits.py --old OLD_CHECKOUT [--new NEW_CHECKOUT]
        [--articles 1000] [--case CASE_FILE] [--busy 0,4,12] [--alternations 5]

OLD_CHECKOUT and NEW_CHECKOUT are two checkouts of workbench (`git worktree add`); NEW
defaults to this one. A throwaway PostgreSQL is started (`tests/postgres_server.py`:
initdb in a temporary folder, a free port, stopped at the end), a case of `--articles`
copies of the sample reports is made in a file (or `--case` is taken) and copied to the
server twice, one copy per checkout, each by its own `workbench case copy`. Then,
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
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
names += ["send_as_one"] if hasattr(postgres.Connection, "send_as_one") else []
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


def _proc(pid: int | str, name: str) -> str:
    try:
        return Path(f"/proc/{pid}/{name}").read_text()
    except OSError:
        return ""


def _sched(pid: int | str) -> tuple[float, float, int, int]:
    """A task's seconds on a CPU and runnable waiting for one (schedstat), and its
    voluntary and involuntary context switches (a wait for an answer or I/O, a CPU taken
    away) so far."""
    ran, queued = (int(v) / 1e9 for v in (_proc(pid, "schedstat").split() or ["0", "0"])[:2])
    switches = dict(
        line.split(":\t") for line in _proc(pid, "status").splitlines() if "ctxt_switches" in line
    )
    return (
        ran,
        queued,
        int(switches.get("voluntary_ctxt_switches", 0)),
        int(switches.get("nonvoluntary_ctxt_switches", 0)),
    )


# the edits profiled (`--profile`): each made on one of `rounds` records, then undone
def _profiled_edits(case: Any) -> dict[str, Callable[[int], object]]:
    actors, claims = case.actors(), case.claims()
    small = sorted(actors, key=lambda a: len(a.articles))[: len(actors) // 2]

    def actor(i: int) -> Any:
        return actors[(i * 53) % len(actors)]

    def claim(i: int) -> Any:
        return claims[(i * 97) % len(claims)]

    return {
        "update_actor (status)": lambda i: case.update_actor(actor(i).id, status="confirmed"),
        "set_claim_status": lambda i: case.set_claim_status(claim(i).id, "disputed"),
        "link_source": lambda i: case.link_source(claim(i).id, "https://example.org/s"),
        "update_actors (3)": lambda i: case.update_actors(
            [actor(i).id, actor(i + 100).id, actor(i + 200).id], status="rejected"
        ),
        "rename": lambda i: case.update_actor(actor(i).id, name=f"Renamed {i}"),
        "update_claim (text)": lambda i: case.update_claim(claim(i).id, text=f"words {i}"),
        "merge (small actors)": lambda i: case.merge_actors(
            small[(2 * i) % len(small)].id, small[(2 * i + 1) % len(small)].id
        ),
    }


def profile(url: str, rounds: int, burners: int, log: Path | None) -> None:
    """Where an edit's wall time goes on a server of this machine, per kind of edit: the
    client's CPU and its wait for a CPU, the server process's CPU and its wait for one,
    their context switches, and the rest (sleeping: the socket, the WAL's flush at
    COMMIT); then the server's time in each of the edit's functions (track_functions),
    and, with `log` (the server's log), each statement's time inside them (auto_explain)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_case import busy

    from workbench import Case

    with Case.open(url) as case:
        db = case._store.db
        backend = int(case._store.rows("SELECT pg_backend_pid()")[0][0])
        db.execute("SET track_functions = 'all'")
        edits = _profiled_edits(case)
        for edit in edits.values():  # the functions made, the plans cached: not timed
            edit(0)
            case.undo()
        print(
            "edit | wall p50 / p95 ms | client CPU / CPU wait ms | server CPU / CPU wait ms | "
            "rest ms | switches client vol/invol, server vol/invol | runnable"
        )
        for name, edit in edits.items():
            rows: list[dict[str, float]] = []
            with busy(burners) as load:
                for i in range(rounds):
                    client0, server0 = _sched("thread-self"), _sched(backend)
                    start = time.perf_counter()
                    edit(i)
                    wall = time.perf_counter() - start
                    client1, server1 = _sched("thread-self"), _sched(backend)
                    case.undo()
                    c = [b - a for a, b in zip(client0, client1, strict=True)]
                    v = [b - a for a, b in zip(server0, server1, strict=True)]
                    rows.append(
                        {
                            "wall": wall * 1000,
                            "ccpu": c[0] * 1000,
                            "cwait": c[1] * 1000,
                            "scpu": v[0] * 1000,
                            "swait": v[1] * 1000,
                            "rest": (wall - c[0] - c[1] - v[0] - v[1]) * 1000,
                            "cvol": c[2],
                            "cinv": c[3],
                            "svol": v[2],
                            "sinv": v[3],
                        }
                    )
            walls = sorted(r["wall"] for r in rows)
            mean = {k: statistics.mean(r[k] for r in rows) for k in rows[0]}
            print(
                f"{name} | {statistics.median(walls):.1f} / "
                f"{walls[int(0.95 * (len(walls) - 1))]:.1f} | {mean['ccpu']:.2f} / "
                f"{mean['cwait']:.2f} | {mean['scpu']:.2f} / {mean['swait']:.2f} | "
                f"{mean['rest']:.2f} | {mean['cvol']:.1f}/{mean['cinv']:.1f}, "
                f"{mean['svol']:.1f}/{mean['sinv']:.1f} | {load}",
                flush=True,
            )
        db.execute("SELECT pg_stat_force_next_flush()")
        print("\nthe server's time in each function, all edits above and their undos (ms):")
        print("function | calls | total | self | self per call")
        for row in case._store.rows(
            "SELECT funcname, calls, total_time, self_time FROM pg_stat_user_functions "
            "WHERE schemaname LIKE 'pg_temp%' ORDER BY self_time DESC"
        ):
            print(
                f"{row[0]} | {row[1]} | {row[2]:.1f} | {row[3]:.1f} | {row[3] / max(row[1], 1):.3f}"
            )
        if log is not None:
            _statements(case, edits, log)


def _statements(case: Any, edits: dict[str, Callable[[int], object]], log: Path) -> None:
    """Each statement's time inside one edit of each kind (auto_explain, nested
    statements, from the server's log), the slowest first."""
    db = case._store.db
    for setting in (
        "LOAD 'auto_explain'",
        "SET auto_explain.log_min_duration = 0",
        "SET auto_explain.log_nested_statements = on",
        "SET auto_explain.log_analyze = on",
        "SET auto_explain.log_timing = on",
    ):
        db.execute(setting)
    for name, edit in edits.items():
        start = len(log.read_text(errors="replace"))
        edit(1)
        text = log.read_text(errors="replace")[start:]
        found = re.findall(
            r"duration: ([\d.]+) ms\s+plan:\s+Query Text: (.*?)\n\s+(\S.*?)\n", text, re.S
        )
        found.sort(key=lambda f: -float(f[0]))
        print(f"\n{name}: the statements inside it, slowest first (ms)")
        for duration, query, plan in found[:8]:
            print(
                f"  {float(duration):7.3f}  {' '.join(query.split())[:110]}  [{plan.strip()[:60]}]"
            )
        case.undo()
    db.execute("SET auto_explain.log_min_duration = -1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--profile",
        action="store_true",
        help="no old code: where each kind of edit's time goes, on this checkout",
    )
    parser.add_argument("--rounds", type=int, default=40, help="edits of each kind (--profile)")
    parser.add_argument("--old", type=Path, help="the old code's checkout")
    parser.add_argument("--new", type=Path, default=ROOT, help="the new code's checkout")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--case", type=Path, help="a case file to copy (else one is made)")
    parser.add_argument("--busy", default="0,4,12", help="burners for each row, by commas")
    parser.add_argument("--alternations", type=int, default=5)
    args = parser.parse_args()
    if not args.profile and args.old is None:
        parser.error("--old is needed (or --profile)")
    sys.path.insert(0, str(ROOT / "tests"))
    from postgres_server import start_or_skip

    server = start_or_skip()
    folder = tempfile.TemporaryDirectory()
    try:
        case_file = args.case
        if case_file is None:
            case_file = Path(folder.name) / "bench.case"
            make_case(case_file, args.articles)
        if args.profile:
            url = server.url("bench_profile")
            source = Path(folder.name) / "profiled.case"  # opening it may upgrade it
            shutil.copyfile(case_file, source)
            run_in(ROOT, "-m", "workbench", "case", "copy", str(source), url)
            for burners in (int(b) for b in args.busy.split(",")):
                print(f"\n{burners} burners, {args.articles} articles")
                profile(url, args.rounds, burners, server.folder / "server.log")
            return
        checkouts = {"old": args.old.resolve(), "new": args.new.resolve()}
        urls = {name: server.url(f"bench_{name}") for name in checkouts}
        for name, checkout in checkouts.items():
            # copied by each checkout's own code: each writes its own case format (the
            # new one may have migrations the old cannot read: format 10's indexes)
            source = Path(folder.name) / f"{name}.case"  # opening it may upgrade it
            shutil.copyfile(case_file, source)
            run_in(checkout, "-m", "workbench", "case", "copy", str(source), urls[name])
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
