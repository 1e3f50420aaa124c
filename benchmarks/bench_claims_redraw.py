"""Benchmark the Claims and Sources panels' redraw after one edit, at 500 and 5,000 articles.

    .venv/bin/python benchmarks/bench_claims_redraw.py [--sizes 500,5000] [--repeat 5]
        [--keep PATH] [--profile]

The cases are bench_case.py's (the sample articles extracted once, stored again with new
ids and a correspondent's byline each). In the app, the Claims tab shown, a person sets a
claim's status (with a note) and then its speaker; the time is the click to the redrawn
panels (the edit, the app's read of what changed, the Claims panel, and the Sources panel
when it is shown too). With --profile, cProfile's top functions of one status change.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_case import grow_to, timed  # noqa: E402

from workbench import Case  # noqa: E402


def measure(case: Case, repeat: int, *, profile: bool = False) -> dict[str, float]:
    """Click to redrawn, the Claims tab shown (then the Sources tab shown), median ms."""
    from workbench.views import Workbench

    app = Workbench(case)
    got: dict[str, float] = {"claims in the case": len(case.claims())}
    claims = [c.id for c in case.claims()]
    people = [a.id for a in case.actors() if a.type.value == "person"]
    for tab in ("Claims", "Sources"):
        app.show("Claims")
        panel = app.panel("Claims")
        if tab == "Sources":  # both drawn after each edit: Claims (the origin) and Sources
            app.show("Sources")
        status, speaker = [], []
        for i in range(repeat):
            claim_id = claims[(i * 37 + 11) % len(claims)]
            panel.table.clear_selection()
            panel.choose(claim_id)
            panel.status.value = "disputed" if i % 2 else "corroborated"
            panel.note.value = f"checked with the ministry ({i})"
            if profile and i == 0 and tab == "Claims":
                profiler = cProfile.Profile()
                profiler.enable()
            wanted = panel.status.value
            status.append(timed(panel.status_button.click)[0])
            # a refused edit (a stale row) would time a refusal and a whole read instead
            assert case.claim(claim_id).status.value == wanted, app.status.value
            if profile and i == 0 and tab == "Claims":
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
            panel.speaker.value = people[(i * 13) % len(people)]
            speaker.append(timed(panel.speaker_button.click)[0])
            assert case.claim(claim_id).speaker == panel.speaker.value, app.status.value
            case.undo()
            case.undo()
            app.refresh(also=panel)  # the Claims panel drawn as the case is now, tab or not
        got[f"{tab} tab shown: status with a note (ms)"] = statistics.median(status)
        got[f"{tab} tab shown: speaker (ms)"] = statistics.median(speaker)
    return got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", metavar="PATH", help="grow the case here and keep it")
    parser.add_argument("--profile", action="store_true", help="cProfile one status change")
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.sizes.split(","))
    folder = Path(tempfile.mkdtemp(prefix="bench-claims-"))
    path = Path(args.keep) if args.keep else folder / "bench.case"
    samples = None
    with Case.open(path) as case:
        for size in sizes:
            samples = grow_to(case, size, samples)
            found = measure(case, args.repeat, profile=args.profile)
            print(f"--- {size} articles ---")
            for name, value in found.items():
                print(f"  {name:<44} {value:>10.1f}")


if __name__ == "__main__":
    main()
