"""Benchmark the widget app on a 50-article case: does an edit show in every panel at once?

    .venv/bin/python benchmarks/bench_views.py [--articles 50] [--repeat 20]

Issue 5: "a case of 50 articles stays responsive: an edit shows in all panels in well under
a second". The case holds real extractions of the sample articles, copied with new ids
(bench_case.py's helpers; the one NLP run is not benchmarked). The app is built headless and
driven from Python as tests/views/test_panels.py drives it: set widget values, click a button.
An edit is timed from the click until `Workbench._edited` has refreshed the panels (it runs
synchronously: the click returns then). Network and timeline are lazy: while their tab is
hidden an edit only marks them stale and they redraw when their tab opens, so the rows
"every panel live" force them shown to time an edit that redraws every panel (the worst case).
The same edits through the bare `Case` API are the reference: the ratio is the views' overhead.
Prints a table of medians and p95, where an edit's time goes, and the peak memory.
First, the Voila app's time to interactive, measured in chromium (time_to_interactive.py);
then the network and timeline redraws at 50, 500 and 5,000 articles (bench_redraw.py).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from bench_case import numbered, percentile, sample_extractions, timed
from time_to_interactive import time_to_interactive

from workbench import Case

STATUSES = ["in_progress", "corroborated", "disputed", "unverified"]
LIVE = ", every panel live"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Breakdown:
    """Time in wrapped methods per label and per measurement.

    `panel` wrappers count the outermost call only (a panel's refresh calls its own draw);
    `detail` wrappers count every call, nested or not, with the number of calls.
    """

    def __init__(self) -> None:
        self.depth = 0
        self.current: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self.totals: dict[str, Counter[str]] = defaultdict(Counter)
        self.details: dict[str, Counter[str]] = defaultdict(Counter)
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.elapsed: Counter[str] = Counter()
        self.runs: Counter[str] = Counter()
        self.detail_labels: set[str] = set()

    def _wrapper(self, original: Callable, label: str, detail: bool) -> Callable:
        def wrapper(*args, **kwargs):
            self.depth += not detail
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                ms = (time.perf_counter() - start) * 1000
                if detail:
                    self.current[label] += ms
                    self.calls[label] += 1
                else:
                    self.depth -= 1
                    if self.depth == 0:
                        self.current[label] += ms

        return wrapper

    def wrap(self, obj: object, attr: str, label: str, *, detail: bool = False) -> None:
        """Replace `obj.attr` (an instance's method, or a module's function) in this process."""
        if detail:
            self.detail_labels.add(label)
        setattr(obj, attr, self._wrapper(getattr(obj, attr), label, detail))

    def measure(self, name: str, action: Callable[[], object]) -> float:
        self.current, self.calls = Counter(), Counter()
        ms, _ = timed(action)
        for label, value in self.current.items():
            target = self.details if label in self.detail_labels else self.totals
            target[name][label] += value
        self.counts[name].update(self.calls)
        self.elapsed[name] += ms
        self.runs[name] += 1
        return ms

    def report(self) -> None:
        for name, parts in self.totals.items():
            total, runs = self.elapsed[name], self.runs[name]
            shares = sorted(parts.items(), key=lambda kv: -kv[1])
            shares.append(("rest (app.refresh header, widgets)", total - sum(parts.values())))
            print(
                f"  {name} ({total / runs:.0f} ms each): "
                + ", ".join(f"{k} {v / total:.0%}" for k, v in shares if v / total >= 0.01)
            )
            inside = [
                kv
                for kv in sorted(self.details[name].items(), key=lambda kv: -kv[1])
                if kv[1] / total >= 0.02
            ]
            if inside:
                print(
                    "      calls per run: "
                    + ", ".join(
                        f"{k} x{self.counts[name][k] / runs:g} = {v / runs:.0f} ms ({v / total:.0%})"
                        for k, v in inside
                    )
                )


def build_case(path: Path, count: int) -> Case:
    t, samples = timed(sample_extractions)
    print(f"extracted {len(samples)} sample articles once (NLP, not benchmarked): {t / 1000:.1f} s")
    case = Case.open(path)
    start = time.perf_counter()
    for i in range(count):
        case.add_extraction(numbered(samples[i % len(samples)], i))
    print(f"stored {count} copies with new ids: {time.perf_counter() - start:.1f} s")
    return case


def least_attested(case: Case) -> tuple[str, str]:
    """The two least attested actors (correspondents first): merging them keeps the story."""
    actors = sorted(
        (a for a in case.actors() if a.status.value != "rejected"),
        key=lambda a: (a.mention_count, a.name),
    )
    return actors[0].id, actors[1].id


def api_reference(case: Case, repeat: int) -> dict[str, list[float]]:
    """The same edits through the bare case API; each undone afterwards (not timed)."""
    actors = sorted(case.actors(), key=lambda a: a.id)
    claims = sorted(case.claims(), key=lambda c: c.id)
    times: dict[str, list[float]] = defaultdict(list)
    for i in range(repeat):
        actor, claim = actors[(i * 53) % len(actors)], claims[(i * 37) % len(claims)]
        keep, other = least_attested(case)
        edits = {
            "confirm": lambda a=actor: case.update_actor(a.id, status="confirmed"),
            "rename": lambda a=actor, i=i: case.update_actor(a.id, name=f"{a.name} ({i})"),
            "merge": lambda k=keep, o=other: case.merge_actors(k, o),
            "claim status+note": lambda c=claim, i=i: case.set_claim_status(
                c.id, STATUSES[i % 4], note=f"api note {i}"
            ),
        }
        for name, edit in edits.items():
            times[name].append(timed(edit)[0])
            case.undo()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--visits", type=int, default=3, help="browser visits timed to interactive (0: none)"
    )
    parser.add_argument(
        "--redraw-sizes",
        default="50,500,5000",
        help="case sizes (articles) for the network and timeline redraws ('' for none)",
    )
    args = parser.parse_args()
    if args.visits:  # first, in chromium, while this process holds no app yet
        time_to_interactive(args.visits)
    if args.redraw_sizes:  # its own cases, grown from 50 to 5,000 articles
        from bench_redraw import report as redraw_report

        print("\nThe network and the timeline as the case grows (bench_redraw.py):")
        redraw_report([int(s) for s in args.redraw_sizes.split(",")], repeat=5, browser=True)
    n = args.repeat
    started = time.perf_counter()
    folder = tempfile.TemporaryDirectory()
    case = build_case(Path(folder.name) / "views.case", args.articles)
    counts = {k: len(getattr(case, k)()) for k in ("articles", "actors", "claims", "events")}
    print("case: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"peak memory after the NLP and the case (ru_maxrss, spaCy included): {peak_mb():.0f} MB")

    t, _ = timed(lambda: __import__("workbench.views.app"))
    print(
        f"import the views (ipywidgets, anywidget, pyvis, altair), once: {t:.0f} ms;"
        f" peak memory then {peak_mb():.0f} MB"
    )
    from ipywidgets.widgets.widget import _instances as live_widgets

    import workbench.analysis as analysis
    import workbench.views.claims_panel as claims_module
    import workbench.views.claims_rows as claims_rows
    from workbench.analysis import CaseView
    from workbench.analysis.network_readable import readable_network
    from workbench.analysis.timeline_items import dense_period, timeline_items
    from workbench.views.app import Workbench
    from workbench.views.network_view import vis_graph
    from workbench.views.timeline_chart import lane_order, timeline_chart, timeline_frame

    results: dict[str, list[float]] = {}
    api = api_reference(case, n)
    # the views' own module-level widgets (shared layouts) outlive every app: never close them
    lasting = set(live_widgets)

    def drop(app: Workbench) -> None:
        """A notebook keeps one app: stop this one's watcher and close its widgets."""
        app.close()
        for key in set(live_widgets) - lasting:
            live_widgets[key].close()

    # --- (1) building the app ---------------------------------------------------------------
    t_first, first = timed(lambda: Workbench(case))
    drop(first)
    builds = []
    for _ in range(n):
        t, built = timed(lambda: Workbench(case))
        builds.append(t)
        drop(built)
    results["(1) build the app on the case"] = builds
    tracemalloc.start()
    app = Workbench(case)
    app_bytes = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak memory after building the app {n + 2} times: {peak_mb():.0f} MB")

    # where the time goes: every panel's drawing, the case's edits, and the full case reads
    br = Breakdown()
    drawing = {
        "Article": ["refresh", "_draw"],
        "Actors": ["refresh", "_show_editor"],
        "Claims": ["refresh", "_show_details"],
        "Network": ["refresh", "draw"],
    }
    for panel in app.panels:
        for attr in drawing.get(panel.title, ["refresh"]):
            br.wrap(panel, attr, f"{panel.title}")
    for attr in ("update_actor", "update_actors", "merge_actors", "set_claim_status"):
        br.wrap(case, attr, "case write")
    # `CaseView.of` on the panels' shared snapshot reads once; `_read` is the read itself
    br.wrap(CaseView, "_read", "CaseView._read (reads the whole case)", detail=True)
    br.wrap(case, "relations", "case.relations()", detail=True)
    br.wrap(case, "corroboration", "case.corroboration()", detail=True)
    br.wrap(claims_module, "claim_entries", "claims_panel claim_entries()", detail=True)
    # the Claims table's rows call it through claims_rows' own import of it
    br.wrap(claims_rows, "corroborate_claims", "corroborate_claims()", detail=True)

    actors_panel, claims_panel = app.panel("Actors"), app.panel("Claims")
    network, timeline = app.panel("Network"), app.panel("Timeline")

    def actor_edits(label: str, kinds: tuple[str, ...]) -> None:
        edits: dict[str, list[float]] = defaultdict(list)
        for i in range(n):
            listed = actors_panel.table.shown_ids()
            actor_id = listed[(i * 53 + 7) % len(listed)]
            actors_panel.choose(actor_id)  # picking is timed in (4)
            if "confirm" in kinds:
                edits["confirm"].append(
                    br.measure(f"confirm{label}", actors_panel.confirm_button.click)
                )
            if "rename" in kinds:
                actors_panel.name.value = f"{actors_panel.name.value} ({i})"
                click = actors_panel.save_button.click
                edits["rename"].append(br.measure(f"rename{label}", click))
            if "merge" in kinds:
                actors_panel.choose(*least_attested(case))
                click = actors_panel.merge_button.click
                edits["merge"].append(br.measure(f"merge{label}", click))
            assert "Saved" in app.status.value, app.status.value
        for kind, values in edits.items():
            results[f"(2) actor {kind}{label}"] = values

    def claim_edits(label: str) -> None:
        claims = sorted(case.claims(), key=lambda c: c.id)
        values = []
        for i in range(n):
            claims_panel.choose(claims[(i * 37) % len(claims)].id)
            claims_panel.status.value = STATUSES[(i + 1) % 4]
            claims_panel.note.value = f"checked with the desk, round {i}"
            click = claims_panel.status_button.click
            values.append(br.measure(f"claim status+note{label}", click))
            assert "Saved" in app.status.value, app.status.value
        results[f"(3) claim status+note{label}"] = values

    # --- (2), (3): edits on the Actors and Claims tabs; network and timeline only go stale ----
    app.show("Actors")
    actor_edits("", ("confirm", "rename", "merge"))
    app.show("Claims")
    claim_edits("")

    # --- (4) selecting an actor -------------------------------------------------------------
    live = sorted(a.id for a in case.actors() if a.status.value != "rejected")
    app.show("Actors")
    picks = []
    for i in range(n):
        pick = live[(i * 17) % len(live)]
        # as a click on its row in the table does
        picks.append(br.measure("select", lambda p=pick: actors_panel.table.click(p)))
    results["(4) select an actor: Actors tab"] = picks
    app.show("Network")
    picks = []
    for i in range(n):
        pick = live[(i * 17 + 5) % len(live)]
        picks.append(br.measure("select on Network tab", lambda p=pick: setattr(network.actor, "value", p)))  # fmt: skip
    results["(4) select an actor: Network tab"] = picks

    # --- (5) network and timeline: the data, the drawing, the panel -------------------------
    parts: dict[str, list[float]] = defaultdict(list)
    page_sizes = []
    for _ in range(n):
        t, data = timed(lambda: analysis.network_data(case))
        parts["(5) network data (analysis.network_data)"].append(t)
        t, graph = timed(lambda d=data: vis_graph(readable_network(d)))
        parts["(5) network drawing (cap, layout, labels, vis_graph)"].append(t)
        page_sizes.append(len(json.dumps(graph)))
        parts["(5) Network panel refresh, tab open"].append(timed(network.refresh)[0])
        t, items = timed(lambda: timeline_items(case))
        parts["(5) timeline items (analysis.timeline_items)"].append(t)
        t, _ = timed(
            lambda i=items: timeline_chart(
                timeline_frame(i, period=dense_period(i)),
                lane_names=lane_order(i),
                period=dense_period(i),
            ).to_dict()
        )
        parts["(5) timeline chart spec (altair to_dict)"].append(t)
        app.show("Timeline")
        parts["(5) Timeline panel refresh, tab open"].append(timed(timeline.refresh)[0])
        app.show("Network")
    results.update(parts)

    # --- (2), (3) with every panel live: network and timeline redraw on each edit -----------
    app.show("Actors")
    network.shown = timeline.shown = True
    actor_edits(LIVE, ("confirm",))
    claim_edits(LIVE)
    network.shown = timeline.shown = False

    print(
        f"\nThe views on {counts['articles']} articles, {len(case.actors())} actors,"
        f" {counts['claims']} claims, {counts['events']} events ({n} repetitions each)"
    )
    width = max(len(k) for k in results)
    print(f"  {'':{width}}  {'median':>9} {'p95':>9} {'max':>9}")
    for name, v in results.items():
        print(
            f"  {name:{width}}  {statistics.median(v):7.1f}ms {percentile(v, 0.95):7.1f}ms"
            f" {max(v):7.1f}ms"
        )
    print(f"  (the first build in a fresh kernel took {t_first:.0f} ms)")

    print("\nThe views' overhead: the same edit through the app, and through the bare Case API")
    print(f"  {'':{width}}  {'API':>9} {'app':>9}  ratio")
    for kind in ("actor confirm", "actor rename", "actor merge", "claim status+note"):
        ref = statistics.median(api[kind.removeprefix("actor ")])
        for name in (k for k in results if k[4:] in (kind, kind + LIVE)):
            got = statistics.median(results[name])
            print(f"  {name:{width}}  {ref:7.1f}ms {got:7.1f}ms  {got / ref:4.0f}x")

    print("\nWhere the time goes (share of the measured total, over all repetitions):")
    br.report()
    print(
        f"\nsent to the browser: network drawing {statistics.median(page_sizes) / 1e3:.0f} kB"
        f" per draw; article view {len(app.panel('Article').view.html) / 1e3:.0f} kB"
    )
    print(f"one app's Python allocations at their peak (tracemalloc): {app_bytes / 1e6:.0f} MB")
    print(f"peak memory (ru_maxrss, includes the spaCy model): {peak_mb():.0f} MB")
    print(
        f"total run: {time.perf_counter() - started:.0f} s"
        f" ({time.process_time():.0f} s CPU: more wall time means other work shares the cores)"
    )
    drop(app)
    case.close()
    folder.cleanup()


if __name__ == "__main__":
    main()
