"""Extraction throughput on the Wikinews corpus: our `Extractor` against raw spaCy.

Same model, same texts, same run. Measures words per second of
- raw `nlp.pipe` of the bare model (`workbench.nlp.load_nlp()`), one process;
- `Extractor().extract_many(...)` (model + our components + our rules), one process;
  the ratio of the two is the issue's target (>= 0.75);
- then both on N processes (`nlp.pipe(n_process=N)` and `extract_many(workers=N)`),
  process start-up and model loading included, as a user running a corpus would see;
- peak resident memory of this process and of its worker processes (ru_maxrss).
Each timing is the best of `--repeat` runs, raw and ours interleaved, after a warm-up.

    .venv/bin/python benchmarks/bench_extract.py            # first 120 articles
    .venv/bin/python benchmarks/bench_extract.py --quick    # 24 articles, one repeat
    .venv/bin/python benchmarks/bench_extract.py --articles 0 --workers 2   # all 295
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.model import Article  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews"


def load_articles(folder: Path, limit: int) -> list[Article]:
    """Wikinews rows in file order (2019, then 2020); `limit` 0 means all."""
    csv.field_size_limit(10**8)
    articles = []
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                articles.append(
                    Article(
                        id=f"{path.stem}-{len(articles)}",
                        text=row["text"],
                        title=row["title"],
                        published=row["date"][:10] or None,
                        url=row["url"],
                    )
                )
    return articles[:limit] if limit else articles


def best_time(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def peak_memory_mb() -> tuple[float, float]:
    """Peak resident set size of this process and of its (waited-for) children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=120, help="first N articles; 0 = all")
    parser.add_argument("--workers", type=int, default=2, help="processes for the scaling run")
    parser.add_argument("--repeat", type=int, default=2, help="best of N timings")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--quick", action="store_true", help="24 articles, one repeat")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.repeat = 24, 1

    from workbench.extract import Extractor
    from workbench.nlp import load_nlp

    articles = load_articles(args.corpus, args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    extractor = Extractor()
    raw_nlp = load_nlp(extractor.model)
    # warm-up: load both pipelines, touch every component once
    list(raw_nlp.pipe(texts[:4]))
    list(extractor.extract_many(articles[:4]))

    timings: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, run in (
            ("raw", lambda: list(raw_nlp.pipe(texts, batch_size=args.batch_size))),
            ("ours", lambda: list(extractor.extract_many(articles, batch_size=args.batch_size))),
        ):
            elapsed = best_time(run, 1)
            timings[name] = min(timings.get(name, float("inf")), elapsed)
    if args.workers > 1:
        timings[f"raw x{args.workers}"] = best_time(
            lambda: list(raw_nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers)),
            args.repeat,
        )
        timings[f"ours x{args.workers}"] = best_time(
            lambda: list(extractor.extract_many(articles, workers=args.workers)), args.repeat
        )
    own_mb, children_mb = peak_memory_mb()

    rate = {name: words / seconds for name, seconds in timings.items()}
    print(
        f"{len(articles)} Wikinews articles, {words} words, model {extractor.model}, "
        f"best of {args.repeat}"
    )
    print(f"{'run':22} {'seconds':>8} {'words/s':>9} {'vs raw x1':>10}")
    for name, seconds in timings.items():
        print(f"{name:22} {seconds:8.2f} {rate[name]:9.0f} {rate[name] / rate['raw']:10.2f}")
    ratio = rate["ours"] / rate["raw"]
    print(f"\nours / raw spaCy, one process: {ratio:.2f} (target >= 0.75)")
    if args.workers > 1:
        ours_scaling = rate[f"ours x{args.workers}"] / rate["ours"]
        raw_scaling = rate[f"raw x{args.workers}"] / rate["raw"]
        print(
            f"scaling on {args.workers} processes: ours x{ours_scaling:.2f}, "
            f"raw spaCy x{raw_scaling:.2f}"
        )
    print(f"peak memory: this process {own_mb:.0f} MB, largest worker {children_mb:.0f} MB")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "articles": len(articles),
                    "words": words,
                    "model": extractor.model,
                    "seconds": timings,
                    "words_per_second": rate,
                    "ratio_one_process": ratio,
                    "peak_memory_mb": {"self": own_mb, "children": children_mb},
                },
                indent=1,
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
