"""Inter-annotator agreement on the fifth fresh Arabic set, and the system against each annotator.

    python -m eval.arabic_agreement            # A against B, each way, by measure and by text
    python -m eval.arabic_agreement --system   # also the extraction scored against A and B
    python -m eval.arabic_agreement --build    # rebuild gold/arabic/agreement/*.json

Annotator A's gold is `gold/arabic/<id>.json` (`split: fresh5`), annotator B's is
`gold/arabic/agreement/<id>.json`, built from B's sheets in `agreement/src/` by the same
builder. One annotator's gold is read as if it were a system's output (`as_extraction`)
and scored against the other's with `eval.arabic`'s own scorers (`eval.arabic.scored`:
mentions, Latin names, claims, speakers, channels, dates), so that agreement and the
system's figures are measured the same way. Where a measure counts over the reference's
items (Latin names over the reference's actors both found, speakers and channels over
matched claims, calendar dates over the reference's dates) it differs by direction, so
every measure is given both ways: "A as reference" scores B against A.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbench.model import (
    Actor,
    ActorType,
    Claim,
    ClaimKind,
    Event,
    Extraction,
    Mention,
    Precision,
)

from .arabic import ARABIC_DIR, article_of, load, run, scored, write_gold
from .scoring import score_article

AGREEMENT_DIR = ARABIC_DIR / "agreement"
SPLIT = "fresh5"
# the six targets, then what helps read them
MEASURES = (
    "named mentions F1 (tolerant)",
    "Latin name right",
    "Latin name, same consonants",
    "claims F1 (0.3 overlap)",
    "claims F1 (0.8 overlap)",
    "speaker accuracy",
    "channel accuracy",
    "claim kind accuracy",
    "calendar dates right",
    "date expressions F1",
    "approximate ranges right",
    "typing full type",
)


class AgreementError(ValueError):
    pass


def as_extraction(gold: dict) -> Extraction:
    """One annotator's gold as a system's output: its actors with their mentions, claims
    with speakers and channels as actor ids, dates as events (optional spans are no
    mentions: a system has none)."""
    ids = {actor["name"]: f"a{n}" for n, actor in enumerate(gold["actors"], 1)}
    actors = tuple(
        Actor(
            ids[a["name"]], a["name"], ActorType(a["type"]), aliases=tuple(a["aliases"]),
            mentions=tuple(Mention(m["start"], m["end"], m["text"]) for m in a["mentions"]),
        )
        for a in gold["actors"]
    )  # fmt: skip
    claims = tuple(
        Claim(
            f"c{n}", c["text"], c["start"], c["end"], ClaimKind(c["kind"]),
            speaker=ids[c["speaker"]] if c["speaker"] else None,
            speaker_text=c["speaker_text"],
            channels=tuple(ids[name] for name in c["channels"]),
        )
        for n, c in enumerate(gold["claims"], 1)
    )  # fmt: skip
    events = tuple(
        Event(
            f"e{n}", e["date"], Precision(e["precision"]), e["date_text"], e["start"],
            e["end"], date_end=e["date_end"],
        )
        for n, e in enumerate(gold["events"], 1)
    )  # fmt: skip
    return Extraction(article_of(gold), actors, claims, events)


def other_problems(golds: list[dict], extractions: list[Extraction]) -> list[str]:
    """The mention and date problems, which `eval.arabic.scored` leaves out of its list
    (it lists claims and Latin names): the kinds of error need them too."""
    found = []
    for gold, extraction in zip(golds, extractions, strict=True):
        scores = score_article(gold, extraction)
        found += [f"{gold['id']}: {p}" for p in (*scores.mentions.problems, *scores.dates.problems)]
    return found


def pairs(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """The two annotators' golds of each text, by id; the same texts on both sides."""
    by_id = {g["id"]: g for g in second}
    if sorted(by_id) != sorted(g["id"] for g in first):
        missing = sorted(set(by_id) ^ {g["id"] for g in first})
        raise AgreementError(f"the two annotations do not cover the same texts: {missing}")
    found = [(g, by_id[g["id"]]) for g in first]
    for a, b in found:
        if a["text"] != b["text"]:
            raise AgreementError(f"{a['id']}: the two annotations are not of the same text")
    return found


def agreement(both: list[tuple[dict, dict]]) -> dict:
    """Every measure each way: `A as reference` scores B's annotation against A's."""
    firsts, seconds = [a for a, _ in both], [b for _, b in both]
    as_a, as_b = [as_extraction(a) for a in firsts], [as_extraction(b) for b in seconds]
    a_ref, a_problems = scored(firsts, as_b)
    b_ref, b_problems = scored(seconds, as_a)
    a_problems += other_problems(firsts, as_b)
    b_problems += other_problems(seconds, as_a)
    return {
        "A as reference": a_ref,
        "B as reference": b_ref,
        # B's annotation read against A's: what B lacks, adds or reads otherwise
        "differences": a_problems,
        "differences, B as reference": b_problems,
    }


def _cell(row: dict | None) -> str:
    if row is None:
        return "-"
    text = f"{row['value']:.3f}"
    if "right" in row:
        text += f" ({row['right']}/{row['total']})"
    elif "tp" in row:
        text += f" (P {row['precision']:.3f}, R {row['recall']:.3f})"
    return text


def table(title: str, columns: dict[str, dict]) -> str:
    lines = [title, f"  {'':30}" + "".join(f" {name:>26}" for name in columns)]
    for key in MEASURES:
        lines.append(f"  {key:30}" + "".join(f" {_cell(c.get(key)):>26}" for c in columns.values()))
    return "\n".join(lines)


def fifth_set(
    a_folder: Path = ARABIC_DIR, b_folder: Path = AGREEMENT_DIR
) -> list[tuple[dict, dict]]:
    first = [g for g in load(a_folder) if g.get("split") == SPLIT]
    second = load(b_folder)
    if not first or not second:
        raise AgreementError(f"no {SPLIT} gold in {a_folder} or none in {b_folder}")
    return pairs(first, second)


def evaluate(both: list[tuple[dict, dict]], *, system: bool) -> dict:
    results: dict = {"agreement": agreement(both), "by text": {}}
    found = results["agreement"]
    print(table(f"== Agreement, {SPLIT}: annotator A against annotator B ({len(both)} texts)",
                {"A as reference": found["A as reference"],
                 "B as reference": found["B as reference"]}))  # fmt: skip
    for a, b in both:
        one = agreement([(a, b)])
        results["by text"][a["id"]] = {k: one[k] for k in ("A as reference", "B as reference")}
    print("\n  by text (A as reference: mentions F1; claims F1; speakers; channels; dates):")
    for name, one in results["by text"].items():
        row = one["A as reference"]
        print(f"    {name:34} " + "; ".join(_cell(row[k]) for k in (
            "named mentions F1 (tolerant)", "claims F1 (0.3 overlap)", "speaker accuracy",
            "channel accuracy", "calendar dates right")))  # fmt: skip
    print("\n  where B differs from A (A as reference):")
    print("\n".join(f"    {p}" for p in found["differences"]) or "    nothing")
    if system:
        extractions = run([a for a, _ in both], baseline=False)
        for label, index in (("against A", 0), ("against B", 1)):
            golds = [pair[index] for pair in both]
            rows, problems = scored(golds, extractions)
            problems += other_problems(golds, extractions)
            results[f"system {label}"] = {"figures": rows, "problems": problems}
        print("\n" + table(f"== The extraction on {SPLIT}, scored against each annotator", {
            "against A": results["system against A"]["figures"],
            "against B": results["system against B"]["figures"]}))  # fmt: skip
        for label in ("against A", "against B"):
            print(f"\n  what the extraction gets wrong, {label}:")
            problems = results[f"system {label}"]["problems"]
            print("\n".join(f"    {p}" for p in problems) or "    nothing")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.arabic_agreement", description=__doc__)
    parser.add_argument("--build", action="store_true", help="rebuild annotator B's gold files")
    parser.add_argument("--system", action="store_true",
                        help="also run the extraction and score it against A and B")  # fmt: skip
    parser.add_argument("--out", type=Path, default=Path("build/eval-arabic-agreement.json"))
    args = parser.parse_args(argv)
    if args.build:
        return write_gold(AGREEMENT_DIR)
    try:
        results = evaluate(fifth_set(), system=args.system)
    except (AgreementError, KeyError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["agreement", "as_extraction", "evaluate", "fifth_set", "pairs"]
