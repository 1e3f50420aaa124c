"""Edits on PostgreSQL, old code against new, alternately, under chosen loads.

    .venv/bin/python benchmarks/bench_pg_edits.py --old OLD_CHECKOUT [--new NEW_CHECKOUT]
        [--mix] [--rounds 40] [--articles 1000] [--case CASE_FILE] [--busy 0,4,12]
        [--alternations 5]
    .venv/bin/python benchmarks/bench_pg_edits.py --profile [--rounds 40] [--busy 0]

OLD_CHECKOUT and NEW_CHECKOUT are two checkouts of workbench (`git worktree add`, or
`git archive COMMIT | tar -x -C DIR`); NEW defaults to this one. A throwaway PostgreSQL
is started (`tests/postgres_server.py`: initdb in a temporary folder, a free port,
stopped at the end), and each checkout gets its own case on it, made by its own code, so
code older than this one's case format (which cannot open a newer case) is compared too:

- without `--case`, each checkout makes a case file of `--articles` numbered copies of
  the sample reports with its own extractor and case code, then copies it to the server
  with its own `workbench case copy`: the same articles, each in its own code's format;
- with `--case`, each checkout copies that file; one that cannot open it (a format newer
  than its own) makes its own as above, and the output says which case each one timed.

Then, for each alternation and each number of burners, each checkout's edits run on its
own copy, the two in turn and their order swapped at each alternation, so the others'
work on the machine falls on both alike:

- by default `bench_case.py --edits` of each checkout (update_actor plus reading the
  actor back, 50 actors, each undone): its p50 and p95, the CPU per edit of the client
  and of the server's process, the runnable tasks it saw;
- with `--mix`, `--rounds` edits of each kind the one-trip work covers, each undone (not
  timed): an actor's status, a claim's new span, a claim's chain and speaker's
  description, an event's date and summary, a split of an alias, a merge of an actor
  named in Arabic (renamed before it, not timed): p50 and p95 of each kind, and its round
  trips. A kind the new code sends in one trip through a `pg_edits` function that `Case`
  does not call yet is called through it (as `Case` will), else through `Case`.

Round trips per edit are counted in each checkout's own code, where it talks to the
server: `Connection._send` and `send_as_one` (new: each call is one round trip), or
`_run`, `_run_script` and `_pipelined` (old: one each), as `tests/case/test_postgres.py`
counts them, in the caller's thread only (the store writes kept results from a thread of
its own).
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
# both scripts count the round trips of the caller's thread: the connection's sending
# methods wrapped (`counted(name)`), `calls[0]` the count
COUNTING = r"""
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
"""

COUNT = (
    r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from workbench import Case
from workbench.case import postgres
"""
    + COUNTING
    + r"""
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
)

# run inside a checkout: a case file of `articles` numbered copies of the sample
# reports, made by that checkout's extractor and case code (its own format)
MAKE = r"""
import sys
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/benchmarks"]
from bench_case import numbered, sample_extractions
from workbench import Case

samples = sample_extractions()
with Case.open(sys.argv[2]) as case:
    for number in range(int(sys.argv[3])):
        case.add_extraction(numbered(samples[number % len(samples)], number))
"""

# run inside a checkout (`--mix`): `rounds` edits of each kind, each undone, timed
MIX = (
    r"""
import json, statistics, sys, threading, time
sys.path.insert(0, sys.argv[1])
from workbench import Case
from workbench.case import pg_edits, postgres
from workbench.case.resolve import normalise_name

rounds = int(sys.argv[3])
"""
    + COUNTING
    + r"""
with Case.open(sys.argv[2]) as case:
    actors, claims, events = case.actors(), case.claims(), case.events()
    small = sorted(actors, key=lambda a: (len(a.articles), a.id))[: max(2, len(actors) // 2)]
    media = [a for a in actors if a.type.value == "media"] or actors
    long_claims = [c for c in claims if c.end - c.start > 4]
    rules = {(r[0], r[1]) for r in case._store.rows("SELECT actor_id, norm FROM aliases")}
    # the actors with the fewest mentions first (an actor of the sample reports is in
    # every copy: its split moves hundreds of mentions, on either path)
    splittable = [
        (a, alias) for a in sorted(actors, key=lambda a: (a.mention_count, a.id))
        for alias in a.aliases
        if normalise_name(alias) != normalise_name(a.name) and (a.id, normalise_name(alias)) in rules
    ][:20]

    def pick(items, i, step=1):
        return items[(i * step) % len(items)]

    def via(function, fallback, *args, **kwargs):
        # the one-trip function where this checkout has it (`Case` calls it once api.py's
        # hook is in), else the Case method
        one_trip = getattr(pg_edits, function, None)
        found = one_trip(case, *args, **kwargs) if one_trip is not None else None
        return found if found is not None else fallback()

    def claim_span(i):
        c = pick(long_claims, i, 97)
        values = {"start": c.start + 1, "end": c.end - 1}
        return via("update_claim_fields", lambda: case.update_claim(c.id, **values), c.id, **values)

    def claim_chain(i):
        c, m = pick(claims, i, 97), pick(media, i)
        values = {"channels": [(m.id, "citing")], "speaker_text": f"a source {i}"}
        return via("update_claim_fields", lambda: case.update_claim(c.id, **values), c.id, **values)

    def event(i):
        e = pick(events, i, 31)
        values = {"date": "2016-10", "summary": f"summary {i}"}
        return via("update_event", lambda: case.update_event(e.id, **values), e.id, **values)

    def split(i):
        a, alias = pick(splittable, i, 7)
        return via("split_alias", lambda: case.split_alias(a.id, alias), a.id, alias, None)

    def rename_in_arabic(i):  # before the merge, not timed
        case.update_actor(pick(small, 2 * i + 1, 3).id, name=f"اسم عربي {i}")

    def merge(i):
        return case.merge_actors(pick(small, 2 * i, 3).id, pick(small, 2 * i + 1, 3).id)

    kinds = {
        "update_actor (status)": (None, lambda i: case.update_actor(pick(actors, i, 53).id, status="confirmed")),
        "update_claim (span)": (None, claim_span),
        "update_claim (chain, speaker text)": (None, claim_chain),
        "update_event (date, summary)": (None, event),
        "split_alias": (None, split),
        "merge_actors (a name in Arabic)": (rename_in_arabic, merge),
    }
    for name in ["_send"] if hasattr(postgres.Connection, "_send") else ["_run", "_run_script", "_pipelined"]:
        counted(name)
    if hasattr(postgres.Connection, "send_as_one"):
        counted("send_as_one")
    found = {}
    for kind, (prepare, edit) in kinds.items():
        for warm in range(2):  # the functions made, the plans cached: not timed
            if prepare:
                prepare(warm)
            edit(warm)
            case.undo()
            if prepare:
                case.undo()
        times, trips = [], []
        for i in range(rounds):
            if prepare:
                prepare(i)
            before, start = calls[0], time.perf_counter()
            edit(i)
            times.append((time.perf_counter() - start) * 1000)
            trips.append(calls[0] - before)
            case.undo()
            if prepare:
                case.undo()
        times.sort()
        found[kind] = {
            "p50": statistics.median(times),
            "p95": times[int(0.95 * (len(times) - 1))],
            "trips": statistics.median(trips),
        }
print(json.dumps(found))
"""
)

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
        what = "a script" if args[0] == "-c" else " ".join(args[:3])
        raise SystemExit(f"{checkout}: {what} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def make_case(path: Path, articles: int, checkout: Path = ROOT) -> None:
    """A case file of `articles` numbered copies of the sample reports, made by the code
    of `checkout` (its extractor, its case format)."""
    run_in(checkout, "-c", MAKE, str(checkout), str(path), str(articles))


def case_on_server(
    name: str, checkout: Path, case: Path | None, articles: int, url: str, folder: Path
) -> str:
    """`checkout`'s own copy of the case on the server, made by its own code: `case`
    copied, or, without one or when this code cannot open it (a newer format), its own
    case of `articles` numbered sample reports. Says which."""
    source = folder / f"{name}.case"  # a copy: opening it may upgrade it
    if case is not None:
        shutil.copyfile(case, source)
        try:
            run_in(checkout, "-m", "workbench", "case", "copy", str(source), url)
            return f"{case} copied by its own code"
        except SystemExit as refused:  # e.g. a case of a newer format than its code's
            print(f"{name}: cannot copy {case}: {str(refused).splitlines()[-1]}", flush=True)
            source.unlink()
    make_case(source, articles, checkout)
    run_in(checkout, "-m", "workbench", "case", "copy", str(source), url)
    return f"its own case of {articles} sample reports, made by its own code"


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


def mix(checkouts: dict[str, Path], urls: dict[str, str], args: argparse.Namespace) -> None:
    """Each kind of edit (`MIX`), old and new code alternately under each number of
    burners: p50 and p95 of each run, then the medians over the alternations."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_case import busy

    results: dict[tuple[str, int], list[dict[str, dict[str, float]]]] = {}
    for alternation in range(args.alternations):
        order = list(checkouts) if alternation % 2 == 0 else list(reversed(checkouts))
        for burners in (int(b) for b in args.busy.split(",")):
            for name in order:
                checkout = checkouts[name]
                with busy(burners) as load:
                    out = run_in(checkout, "-c", MIX, str(checkout), urls[name], str(args.rounds))
                found = json.loads(out.strip().splitlines()[-1])
                results.setdefault((name, burners), []).append(found)
                print(f"alternation {alternation + 1} {name} {burners} burners ({load}):")
                for kind, row in found.items():
                    print(
                        f"  {kind}: p50 {row['p50']:.1f} ms, p95 {row['p95']:.1f} ms, "
                        f"round trips {row['trips']:g}",
                        flush=True,
                    )
    print(
        "\nkind | burners | old p50 / p95 ms (median of runs) | new p50 / p95 | round trips old / new"
    )
    kinds = next(iter(results.values()))[0]
    for burners in (int(b) for b in args.busy.split(",")):
        for kind in kinds:
            cells = []
            for name in ("old", "new"):
                runs = [run[kind] for run in results[(name, burners)]]
                cells.append(
                    (
                        statistics.median(r["p50"] for r in runs),
                        statistics.median(r["p95"] for r in runs),
                        statistics.median(r["trips"] for r in runs),
                    )
                )
            (o50, o95, otrips), (n50, n95, ntrips) = cells
            print(
                f"{kind} | {burners} | {o50:.1f} / {o95:.1f} | {n50:.1f} / {n95:.1f} | "
                f"{otrips:g} / {ntrips:g}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--profile",
        action="store_true",
        help="no old code: where each kind of edit's time goes, on this checkout",
    )
    parser.add_argument(
        "--rounds", type=int, default=40, help="edits of each kind (--profile, --mix)"
    )
    parser.add_argument(
        "--mix",
        action="store_true",
        help="time each kind of edit (status, a claim's span and chain, an event, a split, "
        "a merge of an Arabic name) instead of bench_case.py --edits",
    )
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
        if args.profile:
            case_file = args.case
            if case_file is None:
                case_file = Path(folder.name) / "bench.case"
                make_case(case_file, args.articles)
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
            # each checkout's own code writes its own case (format 10's indexes, say, are
            # the new code's; old code cannot open a case of a newer format)
            timed = case_on_server(
                name, checkout, args.case, args.articles, urls[name], Path(folder.name)
            )
            print(f"{name} ({checkout}): {timed}", flush=True)
            trips = json.loads(run_in(checkout, "-c", COUNT, str(checkout), urls[name]))
            print(f"{name}: round trips per edit and read-back {trips}", flush=True)
        if args.mix:
            mix(checkouts, urls, args)
            return
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
