"""Probe sentences: one construction each, with what the extraction should give.

The sets in `eval/probes/` (one JSON object a line, format below), in `PROBE_SETS`:
- `tuned.jsonl`: written while changing the rules, and checked by
  `tests/extract/test_probes.py` (every probe must pass);
- `dev_open.jsonl`: dev probes written while changing the rules that still fail (moved
  out of `tuned.jsonl`, which must pass whole): dev material, scored as its own row with
  its failures printed, never counted as held apart; empty while every dev probe passes;
- `held_apart.jsonl`: written before the rule changes for the same classes, in other
  words, and never tuned on: `python -m eval` reports it next to the tuned set so the
  difference between the two says how much the rules only fit their own examples;
- `held_apart_fresh.jsonl`: written on 7 December (issue 10) when `held_apart.jsonl` had
  been read by the engineers tuning the rules, by someone who read no rule, word list or
  tuned probe; scored as its own row, never tuned on;
- `held_apart_fresh2.jsonl`: a second fresh set (80 probes, committed at 13:04 UTC on 7
  December before any extraction ran on it), by someone who read no rule, word list,
  tuned probe or list of errors, in other words, places, names and outlets than the sets
  above, with one more class (`right-side`: a claim relayed by the other side's outlet);
  its own row, never tuned on;
- `held_apart_fresh3.jsonl`: a third fresh set (88 probes, the same 15 classes with five
  or more each, committed at 17:25 UTC on 7 December before any extraction ran on it), by
  someone who read no rule, word list, tuned probe or list of errors, in other words,
  places, names and outlets than every set above; its own row, never tuned on;
- `held_apart_fresh4.jsonl`: a fourth fresh set (90 probes, the same 15 classes, six
  each, committed at 18:47 UTC on 7 December in `eval/fresh_pending/` before any
  extraction ran on it and before any rule of that session, by someone who read no rule,
  word list, tuned probe, other held-apart set or list of errors), moved here when the
  session's rules were frozen and scored once; its own row, never tuned on;
- `held_apart_fresh5.jsonl`: a fifth fresh set (90 probes, the same 15 classes, six each,
  committed at 20:16 UTC on 7 December in `eval/fresh_pending/` before the second round of
  that session's rules, by someone who read no rule, word list, tuned probe, other
  held-apart set or list of errors), scored once at the second freeze; its own row, never
  tuned on. Its six dateline probes expect the dateline's city to be no actor, where the
  dev guideline and the tuned probes make it a place (`docs/evaluation.md`);
- `held_apart_fresh6.jsonl`: a sixth fresh set (90 probes, the same 15 classes, six each,
  committed at 21:58 UTC on 7 December in `eval/fresh_pending/` before any rule of session
  11, by someone who read no rule, word list, tuned probe, other held-apart set or list of
  errors), moved here at that session's freeze and scored once; its own row, never tuned on;
- `held_apart_fresh7.jsonl`: a seventh fresh set (90 probes, the same classes, six each,
  committed at 23:15 UTC on 7 December before session 11's second round of rules, written
  the same way), scored once at that round's freeze. Its writer typed named armed groups
  `organization` (five expectations), where the project's convention is `group`
  (`docs/evaluation.md` gives the set's figure both ways).

A probe passes when every expectation it states holds (pure functions over an
`Extraction`; the baseline is scored the same way): `claim` (null: no claim at all),
`speaker`, `speaker_text`, `channels`, `kind`, `claim_text`, `no_claim_cues`; `actors`
(form -> type, null: no actor); `one_actor` (lists of forms one actor must hold a mention
of each: synonyms); `dates` (date text -> value, null: no date).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from workbench.lexicon.gazetteer import media_info
from workbench.model import Actor, ActorType, Article, Claim, Extraction

PROBES = Path(__file__).resolve().parent / "probes"
PUBLISHED = "2019-09-20"  # every probe is read as if published that day
# every set `python -m eval` scores, each its own row: a file left out of it would be
# written and never measured (tests/test_eval_probe_sets.py checks the folder against it)
PROBE_SETS = (
    "tuned",
    "dev_open",
    "held_apart",
    "held_apart_fresh",
    "held_apart_fresh2",
    "held_apart_fresh3",
    "held_apart_fresh4",
    "held_apart_fresh5",
    "held_apart_fresh6",
    "held_apart_fresh7",
)


class MalformedProbe(ValueError):
    """A probe that states an expectation no extraction could be checked against."""


def load_probes(path: Path) -> list[dict]:
    probes = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line:
            probe = json.loads(line)
            problem = malformed(probe)
            if problem:
                raise MalformedProbe(f"{path.name}:{number}: malformed probe: {problem}")
            probes.append(probe)
    return probes


def malformed(probe: dict) -> str | None:
    """What makes a probe unusable, or None: an empty `one_actor` list names no forms."""
    groups = probe.get("one_actor", [])
    if not isinstance(groups, list) or any(not isinstance(g, list) or not g for g in groups):
        return f"one_actor must be lists of one form or more, not {groups!r}"
    return None


def probe_article(probe: dict, number: int) -> Article:
    return Article(id=f"probe-{number}", text=probe["text"], published=PUBLISHED)


def _names(actor: Actor | None) -> set[str]:
    """The actor's names; for an outlet also the gazetteer's other names of it ("IRNA" is
    the Islamic Republic News Agency, also where the text only describes it)."""
    if actor is None:
        return set()
    names = {actor.name.lower(), *(a.lower() for a in actor.aliases)}
    outlet = media_info(actor.name) if actor.type is ActorType.MEDIA else None
    if outlet is not None:
        names |= {outlet.name.lower(), *(v.lower() for v in outlet.variants)}
    return names


def _claim_for(probe: dict, extraction: Extraction) -> Claim | None:
    """The claim whose content holds the probe's expected claim words (or lies in them)."""
    wanted = probe["claim"].lower()
    for claim in extraction.claims:
        text = claim.text.lower()
        if wanted in text or (len(text) > 10 and text in wanted):
            return claim
    return None


def check_probe(probe: dict, extraction: Extraction) -> list[str]:
    """What is wrong, one line per failed expectation ([] when the probe passes)."""
    by_id = {a.id: a for a in extraction.actors}
    wrong: list[str] = []
    for cue in probe.get("no_claim_cues", []):
        wrong += [f"claim cued by {cue!r}: {c.text!r}" for c in extraction.claims if c.cue == cue]
    if "claim" in probe and probe["claim"] is None:
        wrong += [f"claim that is none: {c.cue} {c.text!r}" for c in extraction.claims]
    elif "claim" in probe:
        claim = _claim_for(probe, extraction)
        if claim is None:
            return [f"missed claim {probe['claim']!r}"]
        speaker = by_id.get(claim.speaker) if claim.speaker else None
        if probe.get("speaker") is None and speaker is not None:
            wrong.append(f"speaker {speaker.name!r}, expected unnamed")
        elif probe.get("speaker") and probe["speaker"].lower() not in _names(speaker):
            wrong.append(
                f"speaker {speaker.name if speaker else None!r}, expected {probe['speaker']!r}"
            )
        if "speaker_text" in probe and (claim.speaker_text or "") != probe["speaker_text"]:
            wrong.append(f"speaker text {claim.speaker_text!r}, expected {probe['speaker_text']!r}")
        if "channels" in probe:
            got = [by_id[c] for c in claim.channels if c in by_id]
            expected = [c.lower() for c in probe["channels"]]
            if len(got) != len(expected) or any(
                e not in _names(a) for e, a in zip(expected, got, strict=False)
            ):
                wrong.append(f"channels {[a.name for a in got]}, expected {probe['channels']}")
        if "claim_text" in probe and claim.text != probe["claim_text"]:
            wrong.append(f"claim text {claim.text!r}, expected {probe['claim_text']!r}")
        if "kind" in probe and claim.kind.value != probe["kind"]:
            wrong.append(f"kind {claim.kind.value}, expected {probe['kind']}")
    for form, actor_type in probe.get("actors", {}).items():
        typed = {a.type.value for a in extraction.actors for m in a.mentions if m.text == form}
        if actor_type is None and typed:
            wrong.append(f"{form!r} is an actor ({', '.join(sorted(typed))}), expected none")
        elif actor_type is not None and typed != {actor_type}:
            wrong.append(f"{form!r} typed {sorted(typed) or 'not found'}, expected {actor_type}")
    problem = malformed(probe)
    if problem:
        raise MalformedProbe(f"malformed probe {probe.get('text', '')[:60]!r}: {problem}")
    for forms in probe.get("one_actor", []):
        # synonyms: one actor holds a mention of every form
        owners = [
            {a.id for a in extraction.actors for m in a.mentions if m.text == f} for f in forms
        ]
        if not set.intersection(*owners):
            wrong.append(f"{' / '.join(forms)} not one actor")
    for date_text, value in probe.get("dates", {}).items():
        events = [e for e in extraction.events if date_text in e.date_text]
        got = {str(e.date) if e.date is not None else None for e in events}
        if value is None and got - {None}:
            wrong.append(f"{date_text!r} dated {sorted(g for g in got if g)}, expected no date")
        elif value is not None and value not in got:
            wrong.append(f"{date_text!r} dated {sorted(g for g in got if g)}, expected {value}")
    return wrong


def score_probes(probes: list[dict], extractions: Iterable[Extraction]) -> dict:
    """Passes per class and in all, and the failures with their reasons."""
    per_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for probe, extraction in zip(probes, extractions, strict=True):
        wrong = check_probe(probe, extraction)
        per_class[probe["class"]][1] += 1
        if wrong:
            failures.append({"text": probe["text"], "class": probe["class"], "wrong": wrong})
        else:
            per_class[probe["class"]][0] += 1
    passed = sum(p for p, _ in per_class.values())
    return {
        "passed": passed,
        "total": len(probes),
        "classes": {k: {"passed": p, "total": t} for k, (p, t) in sorted(per_class.items())},
        "failures": failures,
    }


def probe_table(title: str, ours: dict, baseline: dict) -> str:
    lines = [title, f"{'class':32} {'ours':>18} {'raw spaCy':>18}"]
    for name, row in ours["classes"].items():
        base = baseline["classes"][name]
        lines.append(
            f"{name:32} {row['passed']:>12}/{row['total']:<5} {base['passed']:>12}/{base['total']:<5}"
        )
    lines.append(
        f"{'all probes':32} {ours['passed']:>12}/{ours['total']:<5} "
        f"{baseline['passed']:>12}/{baseline['total']:<5}"
    )
    return "\n".join(lines)


def run_probe_sets(run_ours, run_baseline, folder: Path = PROBES) -> dict[str, dict]:
    """Each probe set scored for our extraction and the baseline: {set: {ours, baseline}}."""
    results = {}
    for name in PROBE_SETS:
        path = folder / f"{name}.jsonl"
        if not path.exists():
            continue
        probes = load_probes(path)
        if not probes:  # dev_open.jsonl is empty while every dev probe passes
            continue
        articles = [probe_article(p, i) for i, p in enumerate(probes)]
        results[name] = {
            "ours": score_probes(probes, run_ours(articles)),
            "baseline": score_probes(probes, run_baseline(articles)),
        }
    return results
