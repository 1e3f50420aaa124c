"""Benchmark the network and the timeline at 50, 500 and 5,000 articles: redraw times and
what each drawing sends to the browser; then how fast chromium draws and zooms networks of
growing size (how many nodes stay usable).

    .venv/bin/python benchmarks/bench_redraw.py [--sizes 50,500,5000] [--repeat 5] [--browser]

`make bench` runs it from bench_views.py. The cases are bench_case.py's: the sample articles
extracted once (the only NLP), stored again and again with new ids and a correspondent's
byline each; one case grows from the smallest size to the largest. For each size:
- network: the data (`network_data`), what is drawn (`readable_network`: the cap, the
  layout, the labels), the vis-network drawing (`vis_graph`), the panel's whole redraw, and
  the bytes of one drawing; the same for the ego view of the most connected actor;
- timeline: the items, the frame, the altair spec, the panel's whole redraw (the chart's
  spec replaced), and the bytes of the spec;
- after an edit (a claim's status, its speaker, a note, an actor merge, rename, retype or
  rejection, an added article) with the Network or the Timeline tab shown: the app's
  redraw (`Workbench._edited`), which reads again only what the edit changed and redraws
  from the panels' tallies (`NetworkTally`, `TimelineTally`), and with the Network shown
  the bytes its canvas sent (the changes since the drawing sent whole, or the drawing);
  and a brushed date range with the Network shown (`NetworkTally.brush`: wall and CPU
  time); the "panel redraw" rows above are the full rebuild these replace.
With --browser (the default from bench_views): chromium draws networks of 80 to 2,400
nodes with the canvas's own settings (positions given, physics off) and zooms them for a
second; the time to the first picture and the frames per second say where the cap belongs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_case import numbered, sample_extractions, timed  # noqa: E402

from workbench import Case  # noqa: E402

CAPS_IN_BROWSER = (80, 200, 400, 800, 2400)


def median_ms(function: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t, result = timed(function)
        times.append(t)
    return statistics.median(times), result


def panel_context(case: Case):
    from workbench.views.selection import Context, Selection

    return Context(
        case=case,
        selection=Selection(),
        edited=lambda _m, _p=None: None,
        failed=lambda message: print("  panel failed:", message),
        open_case=lambda _n: None,
        busy=lambda _m: None,
    )


def measure_size(case: Case, repeat: int, samples: list | None = None) -> dict[str, float]:
    """Timings (ms) and sizes (bytes) of one redraw of each view on `case` as it is."""
    from workbench.analysis import CaseSnapshot, network_data
    from workbench.analysis.network_readable import readable_network
    from workbench.analysis.timeline_items import dense_period, timeline_items
    from workbench.views.network_view import NetworkPanel, vis_graph
    from workbench.views.timeline_chart import lane_order, timeline_chart, timeline_frame
    from workbench.views.timeline_view import TimelinePanel, choose_items

    got: dict[str, float] = {}
    snap = CaseSnapshot(case)
    got["network data"], data = median_ms(lambda: network_data(snap), repeat)
    got["nodes in the case's network"] = len(data.nodes)
    got["readable (cap, layout, labels)"], shown = median_ms(lambda: readable_network(data), repeat)
    got["vis drawing (pyvis)"], graph = median_ms(lambda: vis_graph(shown), repeat)
    got["network drawing, bytes"] = len(json.dumps(graph))
    hub = shown.nodes[0].id
    _, ego = median_ms(lambda: readable_network(data, focus=hub), 1)
    got["ego view drawing, bytes"] = len(json.dumps(vis_graph(ego)))

    ctx = panel_context(case)
    network = NetworkPanel(ctx)
    network.shown = True
    network.refresh()

    def redraw_network() -> None:
        ctx.snapshot = CaseSnapshot(case)  # what an edit does: a new read of the case
        network._drawn = None
        network.draw()

    got["Network panel redraw (read + draw)"], _ = median_ms(redraw_network, repeat)
    network.actor.value = hub
    network.focus.value = True
    got["Network panel redraw, ego view"], _ = median_ms(redraw_network, repeat)

    got["timeline items"], items = median_ms(lambda: timeline_items(snap), repeat)
    got["timeline items in the case"] = len(items)
    shown_items = choose_items(items)
    period = dense_period(shown_items)
    got["timeline frame"], frame = median_ms(
        lambda: timeline_frame(shown_items, period=period), repeat
    )
    lanes = lane_order(shown_items)
    got["timeline spec (altair to_dict)"], spec = median_ms(
        lambda: timeline_chart(frame, lane_names=lanes, period=period).to_dict(), repeat
    )
    got["timeline spec, bytes"] = len(json.dumps(spec))
    timeline = TimelinePanel(ctx)
    timeline.shown = True
    got["Timeline panel first show (altair, chart)"], _ = timed(timeline.refresh)

    def redraw_timeline() -> None:
        ctx.snapshot = CaseSnapshot(case)
        timeline._drawn = None
        timeline.draw()

    got["Timeline panel redraw (read + new spec)"], _ = median_ms(redraw_timeline, repeat)
    got.update(edit_redraws(case, repeat, samples))
    return got


def edit_redraws(
    case: Case, repeat: int, samples: list | None = None, tabs: tuple = ("Network", "Timeline")
) -> dict[str, float]:
    """ms from an edit's commit to the tab in view redrawn (`Workbench._edited`: the case
    read again as the app reads it after an edit, carried, then the panel's refresh), for
    each kind of edit with the Network or the Timeline tab shown. The edit itself (the
    store's write) is not counted. Then, with the Network shown, a brushed date range:
    from the selection's range set to the canvas's drawing made."""
    from workbench.errors import WorkbenchError
    from workbench.views.app import Workbench

    app = Workbench(case)
    claims = sorted(case.claims(), key=lambda c: c.id)
    live = sorted(
        (a for a in case.actors() if a.status.value != "rejected"), key=lambda a: a.mention_count
    )
    speakers = [a.id for a in live[-20:]]
    least = [a.id for a in live[: 10 * repeat + 2]]
    statuses = ("corroborated", "disputed", "false", "in_progress")
    edits: dict[str, Callable[[int], object]] = {
        "claim status": lambda i: case.set_claim_status(
            claims[(i * 37 + 11) % len(claims)].id, statuses[i % len(statuses)]
        ),
        "claim speaker": lambda i: case.update_claim(
            claims[(i * 41 + 5) % len(claims)].id, speaker=speakers[i % len(speakers)]
        ),
        "note": lambda i: case.add_note(claims[i % len(claims)].id, f"checked, round {i}"),
        "actor merge": lambda i: case.merge_actors(least.pop(), least.pop()),
        "actor rename": lambda i: case.update_actor(
            speakers[i % len(speakers)], name=f"Renamed {i:04d}"
        ),
        "actor retype": lambda i: case.update_actor(
            speakers[i % len(speakers)], type=("person", "organization")[i % 2]
        ),
        "actor rejected": lambda i: case.update_actor(least.pop(), status="rejected"),
    }
    if samples:  # another article each time (its claims, relations and actors)
        added = iter(range(len(case.articles()) + 10_000, len(case.articles()) + 20_000))
        edits["added article"] = lambda i: case.add_extraction(
            numbered(samples[i % len(samples)], next(added))
        )
    got: dict[str, float] = {}
    rounds = 0
    sizes: list[int] = []
    try:
        for tab in tabs:
            app.show(tab)
            for name, edit in edits.items():
                times = []
                for _ in range(repeat):
                    rounds += 1  # another claim each time, another status: a real change
                    try:
                        edit(rounds)
                    except WorkbenchError:
                        continue  # two actors that cannot be merged: the next pair
                    sent = sent_by(app) if tab == "Network" else None
                    t, _ = timed(lambda: app._edited("bench"))
                    times.append(t)
                    if sent is not None:
                        sizes.append(sent())
                if times:
                    got[f"{tab} shown, redraw after a {name}"] = statistics.median(times)
                if sizes:
                    got[f"{tab} shown, bytes sent after a {name}"] = statistics.median(sizes)
                sizes = []
        app.show("Network")
        got.update(brush_redraws(app, case, repeat))
    finally:
        app.close()
    return got


def sent_by(app) -> Callable[[], int]:
    """After a redraw: the bytes the Network's canvas sent (its changes, or the drawing
    whole when it was sent again)."""
    canvas = app.panel("Network").canvas
    whole, changes = canvas.whole, canvas.changes

    def sent() -> int:
        if canvas.whole is not whole:
            return len(json.dumps(canvas.whole))
        return len(json.dumps(canvas.changes)) if canvas.changes is not changes else 0

    return sent


def brush_redraws(app, case: Case, repeat: int) -> dict[str, float]:
    """Median ms to redraw the Network for a brushed date range: dragged along the case's
    publication days a day at a time (a tenth of them wide), and jumping between the
    earlier and the later half of them (most of the network comes or goes)."""
    days = sorted({str(a.published)[:10] for a in case.articles() if a.published})
    width = max(1, len(days) // 10)
    selection = app.ctx.selection
    got: dict[str, float] = {}
    if len(days) <= width + 1:
        return got  # too few days to brush
    for name, ranges in (
        ("dragged a day", [(days[k], days[k + width]) for k in range(len(days) - width)]),
        ("from half to half", [(days[0], days[len(days) // 2]), (days[len(days) // 2], days[-1])]),
    ):
        selection.date_range = ranges[0]  # the first range brushed: not timed
        times, cpu = [], []
        for k in range(1, 3 * repeat + 1):
            wanted = ranges[k % len(ranges)]
            started = time.process_time()
            t, _ = timed(lambda r=wanted: setattr(selection, "date_range", r))
            times.append(t)
            cpu.append(1000 * (time.process_time() - started))
        got[f"Network shown, redraw after a brushed range {name}"] = statistics.median(times)
        got[f"Network shown, brushed range {name}, CPU ms"] = statistics.median(cpu)
        selection.date_range = None
    return got


def grow(case: Case, samples: list, start: int, stop: int) -> None:
    for i in range(start, stop):
        case.add_extraction(numbered(samples[i % len(samples)], i))


def browser_network_draw(graphs: dict[int, dict]) -> dict[int, tuple[float, float]]:
    """For each drawing: ms to the first picture and frames per second while zooming."""
    from playwright.sync_api import sync_playwright

    from workbench.views.network_canvas import vis_module

    module = vis_module().replace("export default { render };", "window.__render = render;")
    page_html = (
        "<html><body><div id='el' style='width:1380px'></div>"
        f"<style>.wb-network-canvas{{width:100%;height:560px}}</style>"
        f"<script type='module'>{module}</script></body></html>"
    )
    found = {}
    args = ["--headless", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.set_content(page_html)
        page.wait_for_function("() => window.__render !== undefined", timeout=60_000)
        for size, graph in graphs.items():
            result = page.evaluate(
                """async (graph) => {
                    const el = document.getElementById("el");
                    el.innerHTML = "";
                    const handlers = {};
                    const model = {get: () => graph, on: (n, f) => { handlers[n] = f; },
                                   set: () => {}, save_changes: () => {}};
                    const started = performance.now();
                    window.__render({model, el});
                    const network = el.querySelector(".wb-network-canvas").__wbNetwork;
                    await new Promise((ok) => network.once("afterDrawing", ok));
                    const first = performance.now() - started;
                    let frames = 0;
                    network.on("afterDrawing", () => { frames += 1; });
                    const scale = network.getScale();
                    const until = performance.now() + 1000;
                    while (performance.now() < until) {
                        network.moveTo({scale: scale * (1 + 0.5 * Math.random())});
                        await new Promise((ok) => requestAnimationFrame(ok));
                    }
                    return [first, frames];
                }""",
                graph,
            )
            found[size] = (result[0], result[1])
        browser.close()
    return found


def report(sizes: list[int], repeat: int, *, browser: bool) -> None:
    started = time.perf_counter()
    samples = sample_extractions()
    rows: dict[str, dict[int, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        case = Case.open(Path(folder) / "redraw.case")
        stored = 0
        for size in sizes:
            t, _ = timed(lambda s=stored, z=size: grow(case, samples, s, z))
            stored = size
            print(f"  case grown to {size} articles ({t / 1000:.0f} s)", flush=True)
            for name, value in measure_size(case, repeat, samples).items():
                rows.setdefault(name, {})[size] = value
        big = case
        print(
            f"\nNetwork and timeline redraws (median of {repeat}; ms unless said; the cap is"
            " the default, 80 nodes)"
        )
        width = max(len(k) for k in rows)
        print(f"  {'':{width}}" + "".join(f"{s:>12,}" for s in sizes) + "  articles")
        for name, values in rows.items():
            cells = "".join(
                f"{values[s]:>12,.0f}" if values[s] >= 100 else f"{values[s]:>12.1f}" for s in sizes
            )
            print(f"  {name:{width}}{cells}")
        if browser:
            from workbench.analysis import network_data
            from workbench.analysis.network_readable import readable_network
            from workbench.views.network_view import vis_graph

            data = network_data(big)
            graphs = {}
            for cap in CAPS_IN_BROWSER:
                if cap > len(data.nodes):
                    break
                # past the panel's ceiling (400) only here: to see why there is one
                import workbench.analysis.network_readable as readable

                ceiling, readable.MAX_CAP = readable.MAX_CAP, max(cap, readable.MAX_CAP)
                try:
                    graphs[cap] = vis_graph(readable_network(data, cap=cap))
                finally:
                    readable.MAX_CAP = ceiling
            drawn = browser_network_draw(graphs)
            print(f"\nchromium (headless, software drawing) on the {sizes[-1]}-article case:")
            print(
                f"  {'nodes':>6} {'edges':>7} {'kB sent':>8} {'first picture':>14} {'zoom fps':>9}"
            )
            for cap, (first, frames) in drawn.items():
                graph = graphs[cap]
                print(
                    f"  {len(graph['nodes']):>6} {len(graph['edges']):>7}"
                    f" {len(json.dumps(graph)) / 1000:>8.0f} {first:>12.0f}ms {frames:>9.0f}"
                )
        big.close()
    print(f"  (total {time.perf_counter() - started:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,500,5000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--browser", action="store_true", help="also draw in chromium")
    args = parser.parse_args()
    report([int(s) for s in args.sizes.split(",")], args.repeat, browser=args.browser)


if __name__ == "__main__":
    main()
