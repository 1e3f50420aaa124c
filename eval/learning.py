"""Does the case learn? Corrections a person makes on the first articles of a story are
applied to the articles added after them; actor errors on those, before and after.

The story is the dev set (`eval/gold`, Middle East politics 2016-2020) in order of
publication. The person is the gold annotation: on each of the first `CHECKED` articles
they confirm every actor the gold has (retyping it, merging the case actors it was split
into, adding the mentions extraction missed, adding the actors it missed) and reject every
actor of that article the gold does not have. The later articles are then extracted
twice, as a case without corrections would (`before`) and with the case's knowledge
(`after`, what `Case.add_article` does), and scored against their gold.

Actor errors = spurious mentions + missed mentions + matched mentions of the wrong type
(the dev set's tolerant mention matching, `eval.scoring`). The later articles are split
alternately into the part the rules were tuned on and a part held apart from tuning.

    python -m eval.learning [--out build/learning.json]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import CaseError
from workbench.model import ActorType, Extraction

from .scoring import (
    accepted_types,
    match_mentions,
    match_one_to_one,
    mention_similarity,
    overlap,
)

CHECKED = 7  # articles the person checks first (a third of the dev set)
RECHECKED = "re-extracted"
PARTS = (RECHECKED, "tuned on", "held apart")
TYPES = {t.value for t in ActorType}


@dataclass(frozen=True)
class ActorErrors:
    spurious: int = 0
    missed: int = 0
    mistyped: int = 0
    taught: int = 0  # of them, errors on a name the person's corrections speak to

    @property
    def total(self) -> int:
        return self.spurious + self.missed + self.mistyped

    def __add__(self, other: ActorErrors) -> ActorErrors:
        return ActorErrors(
            self.spurious + other.spurious,
            self.missed + other.missed,
            self.mistyped + other.mistyped,
            self.taught + other.taught,
        )

    def to_dict(self) -> dict[str, int]:
        return {
            "spurious": self.spurious,
            "missed": self.missed,
            "mistyped": self.mistyped,
            "total": self.total,
            "taught": self.taught,
        }


def error_texts(gold: dict, extraction: Extraction) -> list[tuple[str, str]]:
    """(kind, words) of every actor error, as `score_mentions` counts them (tolerant)."""
    text = gold["text"]
    golds, systems, pairs, _ = match_mentions(gold, extraction)
    matched_gold = {gi for gi, _ in pairs}
    matched_system = {si for _, si in pairs}
    optional = [(m["start"], m["end"]) for m in gold.get("optional_mentions", [])]
    errors = [("missed", g.text) for gi, g in enumerate(golds) if gi not in matched_gold]
    errors += [
        ("spurious", text[span[0] : span[1]])
        for si, (span, _) in enumerate(systems)
        if si not in matched_system and not any(overlap(o, span) for o in optional)
    ]
    errors += [
        ("mistyped", golds[gi].text)
        for gi, si in pairs
        if systems[si][1].type.value not in accepted_types(gold["actors"][golds[gi].actor])
    ]
    return errors


def actor_errors(gold: dict, extraction: Extraction, knowledge=None) -> ActorErrors:
    """Errors by kind; `taught` counts those whose words the case knows or rejects (what
    learning can mend at all: a name no checked article holds is new to the case)."""
    errors = error_texts(gold, extraction)
    kinds = Counter(kind for kind, _ in errors)
    taught = 0
    if knowledge is not None:
        taught = sum(
            1 for _, words in errors if knowledge.recognise(words) or knowledge.rejects(words)
        )
    return ActorErrors(kinds["spurious"], kinds["missed"], kinds["mistyped"], taught)


def teach(case, article_id: str, gold: dict) -> int:
    """The person's corrections of one article, made through the case API, as the gold
    says (mentions matched as the scoring matches them); returns how many actions."""
    text = gold["text"]
    mentions = list(case.mentions(article_id=article_id))
    golds = [(index, m) for index, a in enumerate(gold["actors"]) for m in a["mentions"]]
    pairs = match_one_to_one(
        golds,
        mentions,
        lambda g, m: mention_similarity(
            text, (g[1]["start"], g[1]["end"]), (m.start, m.end), tolerant=True
        ),
    )
    optional = [(m["start"], m["end"]) for m in gold.get("optional_mentions", [])]
    votes: dict[str, Counter[int]] = defaultdict(Counter)
    for gi, mi in pairs:
        votes[mentions[mi].actor_id][golds[gi][0]] += 1
    matched = {mi for _, mi in pairs}
    wrong = [
        m
        for mi, m in enumerate(mentions)
        if mi not in matched and not any(overlap(o, (m.start, m.end)) for o in optional)
    ]
    actions = 0
    for mention in wrong:  # a stray mention of a real actor goes; an actor of none, too
        if mention.actor_id in votes:
            case.remove_mention(mention.id)
        elif case.actor(mention.actor_id).status.value == "extracted":
            case.update_actor(mention.actor_id, status="rejected")
        else:
            continue
        actions += 1
    by_gold: dict[int, list[str]] = defaultdict(list)
    for actor_id, counts in votes.items():
        by_gold[counts.most_common(1)[0][0]].append(actor_id)
    found = {gi for gi, _ in pairs}
    for index, entry in enumerate(gold["actors"]):
        wanted = entry["type"] if entry["type"] in TYPES else None
        missed = [
            (article_id, m["start"], m["end"])
            for gi, (owner, m) in enumerate(golds)
            if owner == index and gi not in found
        ]
        ids = by_gold.get(index, [])
        if not ids:
            actions += _add_missed(case, entry["name"], wanted, missed)
            continue
        keep = ids[0]
        if len(ids) > 1:
            case.merge_actors(keep, ids[1:])
            actions += 1
        actor = case.actor(keep)
        change = {"type": wanted} if wanted and actor.type.value != wanted else {}
        if actor.status.value != "confirmed" or change:
            case.update_actor(keep, status="confirmed", **change)
            actions += 1
        for _, start, end in missed:
            try:
                case.add_mention(keep, article_id, start, end)
                actions += 1
            except CaseError:
                pass
    return actions


def _add_missed(case, name: str, actor_type: str | None, mentions: list) -> int:
    if not mentions or actor_type is None:
        return 0
    try:
        case.add_actor(name, actor_type, mentions=mentions)
        return 1
    except CaseError:  # the case knows the name already, under another actor
        return 0


def run(golds: list[dict], *, checked: int = CHECKED) -> dict:
    from workbench import Case
    from workbench.extract import Extractor

    from .__main__ import article_of

    golds = sorted(golds, key=lambda g: (str(g.get("published") or ""), g["id"]))
    first, later = golds[:checked], golds[checked:]
    plain = Extractor()
    with tempfile.TemporaryDirectory() as folder, Case.open(Path(folder) / "story.case") as case:
        case._extractor_cache = plain  # noqa: SLF001 - one loaded model for both runs
        actions = 0
        for gold in first:
            stored = case.add_article(article_of(gold))
            actions += teach(case, stored.id, gold)
        knowledge = case.knowledge()
        learning = case._extractor()  # noqa: SLF001 - the extractor add_article uses
        parts: dict[str, dict[str, ActorErrors]] = {
            name: {"before": ActorErrors(), "after": ActorErrors()} for name in PARTS
        }
        per_article = {}
        # the checked articles themselves, extracted again (as `Case.reextract` does),
        # then the later ones, alternately in the tuned-on and the held-apart part
        runs = [(RECHECKED, g) for g in first]
        runs += [(PARTS[1] if i % 2 == 0 else PARTS[2], g) for i, g in enumerate(later)]
        for part, gold in runs:
            article = article_of(gold)
            before = actor_errors(gold, plain.extract(article), knowledge)
            after = actor_errors(gold, learning.extract(article), knowledge)
            parts[part]["before"] += before
            parts[part]["after"] += after
            per_article[gold["id"]] = {
                "part": part,
                "before": before.to_dict(),
                "after": after.to_dict(),
            }
    return {
        "checked_articles": [g["id"] for g in first],
        "corrections": actions,
        "known_names": len(knowledge.known),
        "rejected_names": len(knowledge.rejected),
        "parts": {
            name: {
                "articles": sum(1 for a in per_article.values() if a["part"] == name),
                "before": errors["before"].to_dict(),
                "after": errors["after"].to_dict(),
                "fewer": _fewer(errors["before"], errors["after"]),
            }
            for name, errors in parts.items()
        },
        "per_article": per_article,
    }


def _fewer(before: ActorErrors, after: ActorErrors) -> float:
    return round(1 - after.total / before.total, 4) if before.total else 0.0


def report(results: dict) -> str:
    lines = [
        f"\n== the case learns: {len(results['checked_articles'])} articles checked by the "
        f"person ({results['corrections']} corrections; {results['known_names']} names known, "
        f"{results['rejected_names']} rejected), actor errors on the later ones",
        f"{'part':<12} {'articles':>8}  {'before':>28}  {'after':>28}  fewer"
        "  (on taught names: before -> after)",
    ]
    for name, part in results["parts"].items():
        cells = []
        for when in ("before", "after"):
            e = part[when]
            cells.append(
                f"{e['total']:>4} ({e['spurious']} spurious, {e['missed']} missed, "
                f"{e['mistyped']} typed)"
            )
        lines.append(
            f"{name:<12} {part['articles']:>8}  {cells[0]:>28}  {cells[1]:>28}  {part['fewer']:.0%}"
            f"  ({part['before']['taught']} -> {part['after']['taught']})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from .__main__ import GOLD_DIR, load_dev_set

    parser = argparse.ArgumentParser(prog="python -m eval.learning", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("build/learning.json"))
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="dev set folder")
    args = parser.parse_args(argv)
    results = run(load_dev_set(args.gold))
    print(report(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
