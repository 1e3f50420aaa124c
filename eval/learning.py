"""Does the case learn? Corrections a person makes on the first articles of a story are
applied to the articles added after them; actor errors on those, before and after.

Two benchmarks, one loaded model:
- story by story (`eval/stories.py`): each story (several articles on one news story, in
  order of publication; one of them held apart from any tuning) is its own case; the
  person checks its first articles (a third, at least one), the later ones are scored.
- the dev set (`eval/gold`, many stories of 2016-2020) as one story: the first `CHECKED`
  articles checked, the later ones split alternately into a tuned-on and a held-apart
  part, and the checked ones re-extracted (what `Case.reextract` does).

The person is the gold annotation: on each checked article they confirm every actor the
gold has (retyping it, merging the case actors it was split into, adding the mentions
extraction missed, adding the actors it missed) and reject every actor of that article
the gold does not have. The later articles are then extracted twice, as a case without
corrections would (`before`) and with the case's knowledge (`after`, what
`Case.add_article` does), and scored against their gold.

Actor errors = spurious mentions + missed mentions + matched mentions of the wrong type
(the dev set's tolerant mention matching, `eval.scoring`); of them, `taught` are those on
words the case knows or rejects (what learning can mend at all).

    python -m eval.learning [--out build/learning.json] [--stories-only]
"""

from __future__ import annotations

import argparse
import json
import sys
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
LATER = "later"  # a story's articles after the checked ones
TUNED, HELD = "tuned", "held apart"
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


def learn(first: list[dict], runs: list[tuple[str, dict]], plain) -> dict:
    """One case: the person checks `first` (the gold through the case API), then each
    (part, gold) of `runs` is extracted before (`plain`, no knowledge) and after (the
    case's extractor, what `Case.add_article` uses) and its actor errors counted."""
    from workbench import Case

    from .__main__ import article_of

    with tempfile.TemporaryDirectory() as folder, Case.open(Path(folder) / "story.case") as case:
        case._extractor_cache = plain  # noqa: SLF001 - one loaded model for every run
        actions = 0
        for gold in first:
            stored = case.add_article(article_of(gold))
            actions += teach(case, stored.id, gold)
        knowledge = case.knowledge()
        learning = case._extractor()  # noqa: SLF001 - the extractor add_article uses
        per_article = {}
        for part, gold in runs:
            article = article_of(gold)
            entry: dict = {"part": part}
            for when, extractor in (("before", plain), ("after", learning)):
                extraction = extractor.extract(article)
                entry[when] = actor_errors(gold, extraction, knowledge)
                # the errors themselves, for the per-error analysis the docs give
                entry[f"{when}_errors"] = [f"{k}: {w}" for k, w in error_texts(gold, extraction)]
            per_article[gold["id"]] = entry
    return {
        "checked_articles": [g["id"] for g in first],
        "corrections": actions,
        "known_names": len(knowledge.known),
        "rejected_names": len(knowledge.rejected),
        "per_article": per_article,
    }


def summed(per_article: dict, part: str) -> dict:
    """Articles and errors before/after of one part, as the tables print them."""
    rows = [a for a in per_article.values() if a["part"] == part]
    before = sum((a["before"] for a in rows), ActorErrors())
    after = sum((a["after"] for a in rows), ActorErrors())
    return {
        "articles": len(rows),
        "before": before.to_dict(),
        "after": after.to_dict(),
        "fewer": _fewer(before, after),
    }


def _plain_per_article(per_article: dict) -> dict:
    return {
        key: {
            **a,
            "before": a["before"].to_dict(),
            "after": a["after"].to_dict(),
        }
        for key, a in per_article.items()
    }


def run_stories(loaded: list | None = None, plain=None) -> dict:
    """Each story its own case: the person checks its first articles (`eval.stories`),
    the later ones are scored before and after; totals for the tuned and held-apart ones.
    `loaded`: (Story, golds) pairs, the project's `STORIES` by default."""
    from .stories import STORIES, load_story, split

    if loaded is None:
        loaded = [(story, load_story(story)) for story in STORIES]
    if plain is None:
        from workbench.extract import Extractor

        plain = Extractor()
    results: dict = {"stories": {}, "totals": {}}
    later: dict[str, dict] = {TUNED: {}, HELD: {}}
    for story, golds in loaded:
        first, rest = split(golds)
        learned = learn(first, [(LATER, g) for g in rest], plain)
        group = HELD if story.held_apart else TUNED
        later[group].update({f"{story.key}/{k}": v for k, v in learned["per_article"].items()})
        results["stories"][story.key] = {
            "title": story.title,
            "held_apart": story.held_apart,
            "note": story.note,
            "checked_articles": learned["checked_articles"],
            "corrections": learned["corrections"],
            "known_names": learned["known_names"],
            "rejected_names": learned["rejected_names"],
            **summed(learned["per_article"], LATER),
            "per_article": _plain_per_article(learned["per_article"]),
        }
    for group, per_article in later.items():
        results["totals"][group] = summed(per_article, LATER)
    return results


def run_dev_set(golds: list[dict], *, checked: int = CHECKED, plain=None) -> dict:
    """The dev set as one story (many, in fact): its first `checked` articles checked, the
    later ones alternately in the tuned-on and the held-apart part."""
    from .stories import in_order

    if plain is None:
        from workbench.extract import Extractor

        plain = Extractor()
    golds = in_order(golds)
    first, later = golds[:checked], golds[checked:]
    # the checked articles themselves, extracted again (as `Case.reextract` does),
    # then the later ones, alternately in the tuned-on and the held-apart part
    runs = [(RECHECKED, g) for g in first]
    runs += [(PARTS[1] if i % 2 == 0 else PARTS[2], g) for i, g in enumerate(later)]
    learned = learn(first, runs, plain)
    return {
        "checked_articles": learned["checked_articles"],
        "corrections": learned["corrections"],
        "known_names": learned["known_names"],
        "rejected_names": learned["rejected_names"],
        "parts": {name: summed(learned["per_article"], name) for name in PARTS},
        "per_article": _plain_per_article(learned["per_article"]),
    }


def run(golds: list[dict], *, checked: int = CHECKED, stories: list | None = None) -> dict:
    """Both benchmarks with one loaded model: the stories, then the whole dev set."""
    from workbench.extract import Extractor

    plain = Extractor()
    return {
        "stories": run_stories(stories, plain),
        "dev_set": run_dev_set(golds, checked=checked, plain=plain),
    }


def _fewer(before: ActorErrors, after: ActorErrors) -> float:
    return round(1 - after.total / before.total, 4) if before.total else 0.0


def _cells(part: dict) -> str:
    cells = []
    for when in ("before", "after"):
        e = part[when]
        cells.append(
            f"{e['total']:>4} ({e['spurious']} spurious, {e['missed']} missed, "
            f"{e['mistyped']} typed)"
        )
    return (
        f"{part['articles']:>8}  {cells[0]:>28}  {cells[1]:>28}  {part['fewer']:>5.0%}"
        f"  ({part['before']['taught']} -> {part['after']['taught']})"
    )


def report_stories(results: dict) -> str:
    lines = [
        "\n== the case learns, story by story: the person checks the first articles of each "
        "story (a third, at least one), actor errors on the later ones",
        f"{'story':<20} {'checked':>7} {'later':>8}  {'before':>28}  {'after':>28}  fewer"
        "  (on taught names: before -> after)",
    ]
    for key, story in results["stories"].items():
        name = key + (" *" if story["held_apart"] else "")
        lines.append(f"{name:<20} {len(story['checked_articles']):>7} {_cells(story)}")
    for group, part in results["totals"].items():
        lines.append(f"{'all ' + group:<20} {'':>7} {_cells(part)}")
    lines.append("  * held apart: never used to tune the rules or the learning")
    lines += [f"  {key}: {s['note']}" for key, s in results["stories"].items() if s.get("note")]
    return "\n".join(lines)


def report_dev_set(results: dict) -> str:
    lines = [
        f"\n== the case learns, the dev set as one story: {len(results['checked_articles'])} "
        f"articles checked by the person ({results['corrections']} corrections; "
        f"{results['known_names']} names known, {results['rejected_names']} rejected), "
        "actor errors on the later ones",
        f"{'part':<12} {'articles':>8}  {'before':>28}  {'after':>28}  fewer"
        "  (on taught names: before -> after)",
    ]
    for name, part in results["parts"].items():
        lines.append(f"{name:<12} {_cells(part)}")
    return "\n".join(lines)


def report(results: dict) -> str:
    return report_stories(results["stories"]) + "\n" + report_dev_set(results["dev_set"])


def main(argv: list[str] | None = None) -> int:
    from .__main__ import GOLD_DIR, load_dev_set

    parser = argparse.ArgumentParser(prog="python -m eval.learning", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("build/learning.json"))
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="dev set folder")
    parser.add_argument("--stories-only", action="store_true", help="leave the dev set out")
    args = parser.parse_args(argv)
    if not args.stories_only and not any(args.gold.glob("*.json")):
        print(f"no dev set (gold *.json) in {args.gold}", file=sys.stderr)
        return 2
    if args.stories_only:
        results = {"stories": run_stories()}
        print(report_stories(results["stories"]))
    else:
        results = run(load_dev_set(args.gold))
        print(report(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
