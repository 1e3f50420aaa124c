"""The dates-only sets (`eval/gold_dates/`): Wikinews articles annotated for their dates alone.

The full dev set has too few dates to show the remaining kinds of error, and a whole
sheet (actors, claims, dates) takes an hour an article; a dates-only sheet takes minutes.
Its sheets are the dev set's format with `E` lines only (eval/gold/README.md, "Dates"),
built by the same code; scoring reads only the dates, so the missing actors and claims
count for nothing. `eval/gold_dates/held_apart/` is scored, never tuned on.

    python -m eval.gold_dates          # rebuild the JSON from the sheets
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from .gold_build import CORPORA_DIR, _build_folder
from .report import figures, table
from .scoring import ArticleScores, total

DATES_DIR = Path(__file__).resolve().parent / "gold_dates"
DATES_HELD_APART_DIR = DATES_DIR / "held_apart"
# the rows `python -m eval` prints for these sets: dates only (report.figures' date rows)
DATE_ROWS = (
    "date expressions F1",
    "date expressions P",
    "date expressions R",
    "calendar dates right",
    "approximate ranges right",
)


def dates_only(rows: dict[str, dict]) -> dict[str, dict]:
    """The date rows of a figures() table: the other tasks have no gold in these sheets."""
    return {name: row for name, row in rows.items() if name in DATE_ROWS}


def load(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def run(
    evaluate: Callable[[list[dict]], dict[str, list[ArticleScores]]], *, all_problems: bool
) -> dict:
    """Score both dates-only sets with `evaluate` (python -m eval's: ours and raw spaCy),
    print their date rows, and return the figures for the JSON file."""
    results = {}
    for name, folder in (
        ("dates-only dev set", DATES_DIR),
        ("dates-only held apart", DATES_HELD_APART_DIR),
    ):
        golds = load(folder)
        if not golds:
            continue
        scores = evaluate(golds)
        ours = dates_only(figures(total(scores["ours"]), with_claims=False))
        base = dates_only(figures(total(scores["baseline"]), with_claims=False))
        dates = sum(len(g["events"]) for g in golds)
        print(table(f"\n== {name}: {len(golds)} articles, {dates} dates", ours, base))
        wrong = {
            g["id"]: list(s.dates.problems) for g, s in zip(golds, scores["ours"], strict=True)
        }
        if all_problems and folder == DATES_DIR:  # never the held-apart set's errors
            for article_id, lines in wrong.items():
                print(f"\n-- {article_id}: what we get wrong")
                print("\n".join(f"  {line}" for line in lines) or "  nothing")
        results[name] = {"articles": list(wrong), "ours": ours, "baseline": base, "problems": wrong}
    return results


def main() -> int:
    failed = 0
    for folder in (DATES_DIR, DATES_HELD_APART_DIR):
        failed += _build_folder(folder, CORPORA_DIR)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
