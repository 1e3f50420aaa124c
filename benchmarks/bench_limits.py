"""Time and peak memory of extracting one long article: prose, and pathological text.

One article of 100 KB, 300 KB and 900 KB (the product refuses more than 1,000,000
characters), of each kind:
- `prose`: Wikinews articles one after another (eval/corpora/wikinews), blank lines between;
- `lines`: "a\\n" repeated (450,000 lines at 900 KB: one token per two characters, no
  sentence end anywhere), the input that once took 11 minutes and 14.5 GB;
- `word`: one "word" without a space ("x" repeated), which a tokenizer may find quadratic;
- `marks`: quotation marks without a space ("«" repeated), which spaCy's tokenizer strips
  one at a time, searching the rest of the run each time (n²: minutes at 100 KB before
  `workbench/extract/long_words.py` cut such runs).

Each run is a fresh process (`--one KIND KB`), so its peak resident memory (ru_maxrss) is
its own: the model loaded plus the extraction. The extraction is checked as
`workbench extract` output is (`validate_extraction`: offsets exact). Long texts are
extracted in pieces of `workbench.extract.pieces.PIECE_CHARS` characters.

    .venv/bin/python benchmarks/bench_limits.py                  # 100, 300, 900 KB; all kinds
    .venv/bin/python benchmarks/bench_limits.py --sizes 100,300  # quicker
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "eval" / "corpora" / "wikinews"
KINDS = ("prose", "lines", "word", "marks")


def make_text(kind: str, chars: int) -> str:
    if kind == "lines":
        return ("a\n" * (chars // 2))[:chars].strip()
    if kind == "word":
        return "x" * chars
    if kind == "marks":  # quotation marks with no space: spaCy strips them one at a time
        return "«" * chars
    from workbench.ingest import iter_articles
    from workbench.model import Article

    articles = [
        a.text
        for a in iter_articles([str(p) for p in sorted(CORPUS.glob("*.csv"))])
        if isinstance(a, Article)
    ]
    parts: list[str] = []
    total = 0
    while total < chars:  # the corpus again, if one pass is not enough
        for text in articles:
            parts.append(text)
            total += len(text) + 2
            if total >= chars:
                break
    return "\n\n".join(parts)[:chars].strip()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def run_one(kind: str, kilobytes: int) -> dict:
    from workbench.extract import Extractor
    from workbench.extract.pieces import PIECE_CHARS
    from workbench.model import Article
    from workbench.schema import validate_extraction

    extractor = Extractor()
    extractor.extract(Article(id="warm-up", text="The minister said the talks failed."))
    model_mb = peak_mb()
    text = make_text(kind, kilobytes * 1000)
    started, cpu = time.perf_counter(), time.process_time()
    extraction = extractor.extract(Article(id=kind, text=text))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    validate_extraction(extraction.to_dict())
    return {
        "kind": kind,
        "kb": kilobytes,
        "chars": len(text),
        "pieces_of": PIECE_CHARS,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "model_mb": round(model_mb),
        "peak_mb": round(peak_mb()),
        "actors": len(extraction.actors),
        "claims": len(extraction.claims),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,900", help="KB, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--one", nargs=2, metavar=("KIND", "KB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    print(f"{'kind':6} {'KB':>5} {'seconds':>8} {'cpu s':>7} {'s per 100 KB':>12} "
          f"{'model MB':>9} {'peak MB':>8}")  # fmt: skip
    failed = 0
    for kind in args.kinds.split(","):
        for size in args.sizes.split(","):
            proc = subprocess.run(
                [sys.executable, __file__, "--one", kind, size],
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                print(f"{kind:6} {size:>5} failed: {proc.stderr.strip().splitlines()[-1:]}")
                failed += 1
                continue
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            per_100 = row["cpu_seconds"] / row["kb"] * 100
            print(
                f"{kind:6} {row['kb']:>5} {row['seconds']:>8} {row['cpu_seconds']:>7} "
                f"{per_100:>12.1f} {row['model_mb']:>9} {row['peak_mb']:>8}",
                flush=True,
            )
    if failed:  # the other rows are printed; `make bench` must still stop here
        sys.exit(f"bench_limits: {failed} run(s) failed")


if __name__ == "__main__":
    main()
