"""Benchmark the Actors table's redraw after one edit, at 500 and 5,000 articles.

    .venv/bin/python benchmarks/bench_actors_table.py [--sizes 500,5000] [--repeat 5]
        [--keep PATH] [--only-edits] [--panels Actors,Claims] [--no-freeze]

The cases are bench_case.py's (the sample articles extracted once, stored again with new
ids and a correspondent's byline each: about one new actor per article). For each size:
what a refresh of the panel costs after a person confirms one actor (the app reads the case
again, then redraws), after a claim edit (no actor changed), and its parts: reading the
actors, the case's knowledge, making every row, and how many rows were made again. Then,
with each of the Actors, Claims, Sources, Article and Summary tabs shown, the app's redraw
after an actor merge, rename, retype, rejection, an alias split off, and an added article
(`actor_edits`; `--only-edits` for these alone, `--panels` to choose the tabs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_case import grow_to, numbered, sample_extractions, timed  # noqa: E402
from bench_redraw import panel_context  # noqa: E402

from workbench import Case  # noqa: E402


def median(function, repeat: int) -> float:
    return statistics.median(timed(function)[0] for _ in range(repeat))


def timed_cpu(function) -> tuple[float, float]:
    """Wall and process CPU time of `function`, in ms: on a shared machine the wall time
    carries other processes' load, the CPU time does not (nor a wait for the disk)."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def measure(case: Case, repeat: int) -> dict[str, float]:
    from workbench.analysis import CaseSnapshot
    from workbench.views.actors_panel import ActorsPanel, actor_row

    got: dict[str, float] = {}
    snap = CaseSnapshot(case)
    got["actors in the case"] = len(snap.actors())
    got["read the actors (ms)"] = median(lambda: CaseSnapshot(case).actors(), repeat)
    got["case.knowledge() (ms)"] = median(case.knowledge, repeat)
    titles = {a.id: a.title or a.id for a in snap.articles()}
    got["make every row (ms)"] = median(
        lambda: [actor_row(a, titles=titles, known=set()) for a in snap.actors()], repeat
    )
    ctx = panel_context(case)
    panel = ActorsPanel(ctx)
    panel.shown = True
    got["first refresh (ms)"], _ = timed(panel.refresh)
    actors = list(snap.actors())
    confirm, claim = [], []
    made = []
    for i in range(repeat):
        actor = actors[(i * 53) % len(actors)]
        case.update_actor(actor.id, status="rejected", expected=actor.version)
        ctx.snapshot = None  # what the app does after an edit: the case read again
        before = getattr(panel, "rows_made", 0)
        confirm.append(timed(panel.refresh)[0])
        made.append(getattr(panel, "rows_made", 0) - before)
        case.undo()
        ctx.snapshot = None
        panel.refresh()
        claims = case.claims()
        one = claims[(i * 31) % min(100, len(claims))]  # small cases (the smoke test) too
        case.set_claim_status(one.id, "disputed")
        ctx.snapshot = None
        claim.append(timed(panel.refresh)[0])
        case.undo()
        ctx.snapshot = None
        panel.refresh()
    got["refresh after an actor edit (ms)"] = statistics.median(confirm)
    got["rows made again after it"] = statistics.median(made) if made[0] or made[-1] else -1
    got["refresh after a claim edit (ms)"] = statistics.median(claim)
    got.update(in_the_app(case, actors, repeat))
    return got


PANELS = ("Actors", "Claims", "Sources", "Article", "Summary")


def said(name: str, got: dict[str, float]) -> None:
    """Each figure as soon as it is measured (a run at 5,000 articles takes a while)."""
    print(f"  {name:<44} {got[name]:>10.1f}", flush=True)


def both(name: str, runs: list[tuple[float, float]], got: dict[str, float]) -> None:
    """The median wall and CPU times of `runs`, said at once."""
    got[f"{name} (ms)"] = statistics.median(w for w, _ in runs)
    got[f"{name} (cpu ms)"] = statistics.median(c for _, c in runs)
    said(f"{name} (ms)", got)
    said(f"{name} (cpu ms)", got)


def actor_edits(case: Case, repeat: int, *, panels=PANELS) -> dict[str, float]:
    """The app's redraw after the actor edits and an added article, each panel's tab
    shown in turn: merge (two spellings of one correspondent, named in one article each;
    and two actors named across the case), rename, retype, reject, an alias split off, and
    an article added. Median ms of the redraw (the app's read of what changed and the panel
    drawn), the edit itself apart."""
    from workbench.views import Workbench

    samples = sample_extractions()
    app = Workbench(case, watch=False)
    got: dict[str, float] = {}
    people = [a for a in case.actors() if a.type.value == "person"]
    bylines = [a for a in people if a.name.startswith("Correspondent")]
    named = sorted(people, key=lambda a: -a.mention_count)
    split = next((a for a in named if len(a.aliases) > 1), None)
    number = len(case.articles()) + 10_000
    for tab in panels:
        app.show(tab)
        app.refresh()
        edits = {
            "merge (one article each)": lambda i: case.merge_actors(
                bylines[2 * i].id, bylines[2 * i + 1].id
            ),
            "merge (named across the case)": lambda i: case.merge_actors(
                named[i].id, named[i + 1].id
            ),
            "rename": lambda i: case.update_actor(named[i].id, name=f"{named[i].name} ({i})"),
            "retype": lambda i: case.update_actor(named[i].id, type="organization"),
            "reject": lambda i: case.update_actor(named[i].id, status="rejected"),
            "alias split off": lambda i: case.split_alias(
                split.id, next(n for n in split.aliases if n != split.name)
            ),
        }
        for name, edit in edits.items():
            if name == "alias split off" and split is None:
                continue
            redraws = []
            for i in range(repeat):
                edit(i)
                redraws.append(timed_cpu(lambda: app._edited("edited", None)))
                case.undo()
                app._edited("undone", None)
            both(f"{tab}: {name}", redraws, got)
        added = []
        for i in range(repeat):
            number += 1
            new = case.add_extraction(numbered(samples[i % len(samples)], number))
            added.append(timed_cpu(lambda: app._edited("added", None)))
            case.remove_article(new.id)
            app._edited("removed", None)
        both(f"{tab}: article added", added, got)
    app.close()
    return got


def in_the_app(case: Case, actors: list, repeat: int) -> dict[str, float]:
    """What a person waits for in the app, the Actors tab open: a click on Confirm (the
    edit, the app's read of what changed, the redraw) and the rows made again."""
    from workbench.views import Workbench

    app = Workbench(case)
    app.show("Actors")
    panel = app.panel("Actors")
    clicks, made = [], []
    for i in range(repeat):
        actor = actors[(i * 53 + 7) % len(actors)]
        panel.table.clear_selection()
        panel.choose(actor.id)
        before = getattr(panel, "rows_made", 0)
        clicks.append(timed(panel.confirm_button.click)[0])
        made.append(getattr(panel, "rows_made", 0) - before)
        case.undo()
        app.refresh()
    return {
        "app: Confirm clicked to redrawn (ms)": statistics.median(clicks),
        "app: rows made again": statistics.median(made) if any(made) else -1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", metavar="PATH", help="grow the case here and keep it")
    parser.add_argument(
        "--only-edits", action="store_true", help="only the actor edits and an added article"
    )
    parser.add_argument("--panels", default=",".join(PANELS))
    parser.add_argument(
        "--no-freeze", action="store_true", help="reads not frozen out of the collector (gc)"
    )
    args = parser.parse_args()
    if args.no_freeze:  # to measure what freezing a read saves
        import workbench.analysis.reader as reader

        reader.FROZEN_AT = 10**12
    sizes = sorted(int(n) for n in args.sizes.split(","))
    folder = Path(tempfile.mkdtemp(prefix="bench-actors-"))
    path = Path(args.keep) if args.keep else folder / "bench.case"
    samples = None
    with Case.open(path) as case:
        for size in sizes:
            samples = grow_to(case, size, samples)
            load = os.getloadavg()[0]  # the CPU times compare across loads, wall times not
            found = {} if args.only_edits else measure(case, args.repeat)
            found.update(actor_edits(case, args.repeat, panels=args.panels.split(",")))
            print(f"--- {size} articles (load {load:.1f} -> {os.getloadavg()[0]:.1f}) ---")
            for name, value in found.items():
                print(f"  {name:<36} {value:>10.1f}")


if __name__ == "__main__":
    main()
