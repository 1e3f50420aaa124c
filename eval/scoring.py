"""Scorers: compare one article's gold annotation (a dict, see eval/gold/README.md) with an
`Extraction`. Pure functions; counts add up over articles with `+`.

Span matching, used throughout:
- claims: a system claim matches a gold claim when their character overlap covers at least
  0.3 of the longer of the two spans (`CLAIM_OVERLAP`); matching is one-to-one, best first.
  The strict figure needs 0.8 (`STRICT_CLAIM_OVERLAP`, issue 10's "strict").
- mentions: `exact` means the same offsets; `tolerant` (the headline figure) also accepts
  spans with the same right boundary once a possessive or trailing punctuation is dropped,
  the longer one adding only modifiers in front ("General Khaled Fawzy" / "Khaled Fawzy":
  English names end in their head; not "Guard Corps of Iran" / "Iran"), or a character
  Jaccard of at least 0.5 ("the Kingdom" / "Kingdom"). One-to-one, most overlap first.
  A system mention overlapping an optional gold span (a demonym, the name of an event)
  is neither right nor wrong.
- dates: a system event matches a gold date expression when their spans overlap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any

from workbench.dates import DateError, parse_date
from workbench.model import Actor, Extraction

CLAIM_OVERLAP = 0.3
STRICT_CLAIM_OVERLAP = 0.8
MENTION_JACCARD = 0.5

Span = tuple[int, int]


@dataclass(frozen=True)
class Counts:
    """Detection counts: precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Ratio:
    """An accuracy: right out of total."""

    right: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.right + other.right, self.total + other.total)

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"right": self.right, "total": self.total, "value": round(self.value, 4)}


# ---------------------------------------------------------------- span matching


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def claim_overlap(a: Span, b: Span) -> float:
    """Shared characters as a share of the longer span."""
    longest = max(a[1] - a[0], b[1] - b[0])
    return overlap(a, b) / longest if longest else 0.0


def jaccard(a: Span, b: Span) -> float:
    shared = overlap(a, b)
    union = (a[1] - a[0]) + (b[1] - b[0]) - shared
    return shared / union if union else 0.0


_TRAILING = re.compile(r"(?:['’]s|['’]|[\s.,;:!?\"“”)\]]+)$")


def right_edge(text: str, span: Span) -> int:
    """The span's end with a possessive or trailing punctuation dropped."""
    start, end = span
    piece = text[start:end]
    while True:
        trimmed = _TRAILING.sub("", piece)
        if trimmed == piece or not trimmed:
            break
        piece = trimmed
    return start + len(piece)


_CONNECTOR = re.compile(r"\b(?:of|for|and|to|at|in|on)\b")


def same_head(text: str, a: Span, b: Span) -> bool:
    """Same right boundary, and the longer span only adds modifiers in front:
    "General Khaled Fawzy" / "Khaled Fawzy", not "Revolutionary Guard Corps of Iran" / "Iran"."""
    if right_edge(text, a) != right_edge(text, b):
        return False
    longer, shorter = (a, b) if a[1] - a[0] >= b[1] - b[0] else (b, a)
    prefix = text[longer[0] : shorter[0]] if longer[0] <= shorter[0] else ""
    return not _CONNECTOR.search(prefix)


def mention_similarity(text: str, gold: Span, system: Span, *, tolerant: bool) -> float:
    """How well a system mention matches a gold one; 0 means no match."""
    if gold == system:
        return 2.0
    if not tolerant or not overlap(gold, system):
        return 0.0
    score = jaccard(gold, system)
    return score if score >= MENTION_JACCARD or same_head(text, gold, system) else 0.0


def match_one_to_one(
    gold: Sequence[Any], system: Sequence[Any], score: Callable[[Any, Any], float]
) -> list[tuple[int, int]]:
    """(gold index, system index) pairs, best score first, each item used at most once."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            value = score(g, s)
            if value > 0:
                candidates.append((-value, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, gi, si in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gi, si))
    return sorted(pairs)


# ---------------------------------------------------------------- actor identity


def normalise_name(name: str) -> str:
    name = name.strip().lower().replace("’", "'")
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"'s?$", "", name)
    return re.sub(r"[\s\-]+", " ", name).strip(" .,")


def gold_actor(gold: dict, name: str | None) -> dict | None:
    return next((a for a in gold["actors"] if a["name"] == name), None) if name else None


def same_actor(gold_entry: dict, actor: Actor | None, text: str) -> bool:
    """Does the system actor stand for the gold actor? By name forms or by matching mentions."""
    if actor is None:
        return False
    gold_forms = {normalise_name(f) for f in [gold_entry["name"], *gold_entry["aliases"]]}
    forms = [actor.name, *actor.aliases, *(m.text for m in actor.mentions)]
    if any(normalise_name(f) in gold_forms for f in forms):
        return True
    gold_spans = [(m["start"], m["end"]) for m in gold_entry["mentions"]]
    return any(
        mention_similarity(text, g, (m.start, m.end), tolerant=True)
        for m in actor.mentions
        for g in gold_spans
    )


# ---------------------------------------------------------------- claims


@dataclass(frozen=True)
class ClaimScores:
    found: Counts = Counts()
    speaker: Ratio = Ratio()
    channels: Ratio = Ratio()
    kind: Ratio = Ratio()
    problems: tuple[str, ...] = ()
    # matched claims whose speaker is an actor on another side: neither the gold speaker
    # nor named in the gold speaker's words ("right" counts the wrong ones here)
    wrong_side: Ratio = Ratio()
    # the same detection with a match needing `STRICT_CLAIM_OVERLAP` (issue 10's "strict")
    strict: Counts = Counts()

    def __add__(self, other: ClaimScores) -> ClaimScores:
        return ClaimScores(
            self.found + other.found,
            self.speaker + other.speaker,
            self.channels + other.channels,
            self.kind + other.kind,
            self.problems + other.problems,
            self.wrong_side + other.wrong_side,
            self.strict + other.strict,
        )


def _speaker_right(
    gold: dict, gold_claim: dict, extraction: Extraction, speaker: str | None
) -> bool:
    if gold_claim["speaker"] is None:
        return speaker is None
    entry = gold_actor(gold, gold_claim["speaker"])
    actor = extraction.actor(speaker) if speaker else None
    return entry is not None and same_actor(entry, actor, gold["text"])


def _wrong_side(gold: dict, gold_claim: dict, extraction: Extraction, speaker: str | None) -> bool:
    """The claim is credited to an actor that is not the gold speaker and is not named in
    the gold speaker's words: "the Yemeni army" for "a Yemeni army spokesman" is the same
    side; Reuters for a Houthi spokesperson, or Cairo for a Hamas official, is not."""
    actor = extraction.actor(speaker) if speaker else None
    if actor is None:
        return False  # unnamed: nobody credited
    if gold_claim["speaker"] is not None:
        entry = gold_actor(gold, gold_claim["speaker"])
        if entry is not None and same_actor(entry, actor, gold["text"]):
            return False
    words = normalise_name(gold_claim.get("speaker_text") or "")
    forms = {actor.name, *actor.aliases, *(m.text for m in actor.mentions)}
    return not any(form and normalise_name(form) in words for form in forms)


def _channels_right(
    gold: dict, gold_claim: dict, extraction: Extraction, channels: Sequence[str]
) -> bool:
    wanted = gold_claim["channels"]
    if len(wanted) != len(channels):
        return False
    return all(
        (entry := gold_actor(gold, name)) is not None
        and same_actor(entry, extraction.actor(cid), gold["text"])
        for name, cid in zip(wanted, channels, strict=True)
    )


def _actor_name(extraction: Extraction, actor_id: str | None) -> str | None:
    actor = extraction.actor(actor_id) if actor_id else None
    return actor.name if actor else None


def score_claims(gold: dict, extraction: Extraction) -> ClaimScores:
    gold_claims = gold["claims"]
    claims = list(extraction.claims)
    pairs = match_one_to_one(
        gold_claims,
        claims,
        lambda g, c: (
            v
            if (v := claim_overlap((g["start"], g["end"]), (c.start, c.end))) >= CLAIM_OVERLAP
            else 0.0
        ),
    )
    speaker = channels = kind = wrong_side = Ratio()
    problems = []
    for gi, si in pairs:
        g, c = gold_claims[gi], claims[si]
        speaker_ok = _speaker_right(gold, g, extraction, c.speaker)
        channels_ok = _channels_right(gold, g, extraction, c.channels)
        speaker += Ratio(int(speaker_ok), 1)
        channels += Ratio(int(channels_ok), 1)
        kind += Ratio(int(c.kind.value == g["kind"]), 1)
        wrong = _wrong_side(gold, g, extraction, c.speaker)
        wrong_side += Ratio(int(wrong), 1)
        if wrong:
            problems.append(
                f"wrong side: {_actor_name(extraction, c.speaker)!r} "
                f"(gold {g['speaker'] or g['speaker_text']!r}): {g['text'][:70]!r}"
            )
        elif not speaker_ok:
            problems.append(
                f"wrong speaker {_actor_name(extraction, c.speaker) or c.speaker_text!r} "
                f"(gold {g['speaker'] or g['speaker_text']!r}): {g['text'][:70]!r}"
            )
        if not channels_ok:
            got = [_actor_name(extraction, cid) for cid in c.channels]
            problems.append(f"wrong channels {got} (gold {g['channels']}): {g['text'][:70]!r}")
    matched_gold = {gi for gi, _ in pairs}
    matched_system = {si for _, si in pairs}
    problems += [
        f"missed claim ({g['speaker'] or g['speaker_text']}): {g['text'][:90]!r}"
        for gi, g in enumerate(gold_claims)
        if gi not in matched_gold
    ]
    problems += [
        f"spurious claim: {c.text[:90]!r}"
        for si, c in enumerate(claims)
        if si not in matched_system
    ]
    found = Counts(len(pairs), len(claims) - len(pairs), len(gold_claims) - len(pairs))
    strict_pairs = match_one_to_one(
        gold_claims,
        claims,
        lambda g, c: (
            v
            if (v := claim_overlap((g["start"], g["end"]), (c.start, c.end)))
            >= STRICT_CLAIM_OVERLAP
            else 0.0
        ),
    )
    n = len(strict_pairs)
    strict = Counts(n, len(claims) - n, len(gold_claims) - n)
    return ClaimScores(found, speaker, channels, kind, tuple(problems), wrong_side, strict)


# ---------------------------------------------------------------- actors: mentions and types


@dataclass(frozen=True)
class MentionScores:
    exact: Counts = Counts()
    tolerant: Counts = Counts()
    person_typing: Ratio = Ratio()
    full_typing: Ratio = Ratio()
    problems: tuple[str, ...] = ()

    def __add__(self, other: MentionScores) -> MentionScores:
        return MentionScores(
            self.exact + other.exact,
            self.tolerant + other.tolerant,
            self.person_typing + other.person_typing,
            self.full_typing + other.full_typing,
            self.problems + other.problems,
        )


@dataclass(frozen=True)
class GoldMention:
    span: Span
    actor: int  # index into gold["actors"]
    text: str


def gold_mentions(gold: dict) -> list[GoldMention]:
    return [
        GoldMention((m["start"], m["end"]), index, m["text"])
        for index, actor in enumerate(gold["actors"])
        for m in actor["mentions"]
    ]


def system_mentions(extraction: Extraction) -> list[tuple[Span, Actor]]:
    return [((m.start, m.end), actor) for actor in extraction.actors for m in actor.mentions]


def accepted_types(entry: dict) -> set[str]:
    """The system types that count as right: GUM's coarse types accept several of ours."""
    return set(entry.get("accepts") or [entry["type"]])


def match_mentions(
    gold: dict, extraction: Extraction, *, tolerant: bool = True
) -> tuple[list[GoldMention], list[tuple[Span, Actor]], list[tuple[int, int]], int]:
    """Gold and system mentions, their one-to-one matches, and how many system mentions
    fell on optional spans (neither right nor wrong)."""
    text = gold["text"]
    golds = gold_mentions(gold)
    systems = system_mentions(extraction)
    pairs = match_one_to_one(
        golds, systems, lambda g, s: mention_similarity(text, g.span, s[0], tolerant=tolerant)
    )
    matched = {si for _, si in pairs}
    optional = [(m["start"], m["end"]) for m in gold.get("optional_mentions", [])]
    ignored = sum(
        1
        for si, (span, _) in enumerate(systems)
        if si not in matched and any(overlap(o, span) for o in optional)
    )
    return golds, systems, pairs, ignored


def score_mentions(gold: dict, extraction: Extraction) -> MentionScores:
    counts = {}
    for tolerant in (False, True):
        golds, systems, pairs, ignored = match_mentions(gold, extraction, tolerant=tolerant)
        counts[tolerant] = Counts(
            len(pairs), len(systems) - len(pairs) - ignored, len(golds) - len(pairs)
        )
    person = full = Ratio()
    problems = []
    for gi, si in pairs:
        entry = gold["actors"][golds[gi].actor]
        actor = systems[si][1]
        is_person = entry["type"] == "person"
        type_ok = actor.type.value in accepted_types(entry)
        # a gold type that accepts both ("Muslims": GUM's person, our group) is right either way
        person += Ratio(int(is_person == (actor.type.value == "person") or type_ok), 1)
        full += Ratio(int(type_ok), 1)
        if not type_ok:
            problems.append(f"{golds[gi].text!r} typed {actor.type.value} (gold {entry['type']})")
    matched = {gi for gi, _ in pairs}
    problems += [f"missed mention {g.text!r}" for gi, g in enumerate(golds) if gi not in matched]
    found = {si for _, si in pairs}
    text = gold["text"]
    optional = [(m["start"], m["end"]) for m in gold.get("optional_mentions", [])]
    problems += [
        f"spurious mention {text[s[0] : s[1]]!r} ({a.type.value})"
        for si, (s, a) in enumerate(systems)
        if si not in found and not any(overlap(o, s) for o in optional)
    ]
    return MentionScores(counts[False], counts[True], person, full, tuple(dict.fromkeys(problems)))


# ---------------------------------------------------------------- actors: alias pairs


@dataclass(frozen=True)
class AliasScores:
    joined: Ratio = Ratio()  # gold pairs of forms of one actor that we put in one actor
    wrong_joins: int = 0  # pairs of forms of different gold actors that we put in one actor
    right_joins: int = 0
    problems: tuple[str, ...] = ()
    # the same, over the pairs whose two forms are names under our guideline: a gold form
    # written only as a title alone or inside a longer name ("not_a_name", GUM) is left out
    joined_names: Ratio = Ratio()

    def __add__(self, other: AliasScores) -> AliasScores:
        return AliasScores(
            self.joined + other.joined,
            self.wrong_joins + other.wrong_joins,
            self.right_joins + other.right_joins,
            self.problems + other.problems,
            self.joined_names + other.joined_names,
        )

    @property
    def join_precision(self) -> float:
        joins = self.right_joins + self.wrong_joins
        return self.right_joins / joins if joins else 0.0


def surface_form(text: str) -> str:
    return normalise_name(text)


def score_alias_pairs(gold: dict, extraction: Extraction) -> AliasScores:
    """Pairs of distinct surface forms: joined when one system actor holds a mention of each."""
    golds, systems, pairs, _ = match_mentions(gold, extraction, tolerant=True)
    clusters: dict[tuple[int, str], set[str]] = {}
    for gm in golds:
        clusters.setdefault((gm.actor, surface_form(gm.text)), set())
    for gi, si in pairs:
        clusters[(golds[gi].actor, surface_form(golds[gi].text))].add(systems[si][1].id)
    # forms written at least once as a name our guideline counts
    names = {
        (index, surface_form(m["text"]))
        for index, actor in enumerate(gold["actors"])
        for m in actor["mentions"]
        if not m.get("not_a_name")
    }
    joined = joined_names = Ratio()
    right = wrong = 0
    problems = []
    for a, b in combinations(sorted(clusters), 2):
        together = bool(clusters[a] & clusters[b])
        if a[0] == b[0]:
            joined += Ratio(int(together), 1)
            if a in names and b in names:
                joined_names += Ratio(int(together), 1)
            right += int(together)
            if not together:
                problems.append(f"not joined: {a[1]!r} / {b[1]!r}")
        elif together:
            wrong += 1
            problems.append(f"wrongly joined: {a[1]!r} / {b[1]!r}")
    return AliasScores(joined, wrong, right, tuple(problems), joined_names)


# ---------------------------------------------------------------- dates


@dataclass(frozen=True)
class DateScores:
    found: Counts = Counts()
    calendar: Ratio = Ratio()  # gold day/month/year dates with the right value and precision
    approximate: Ratio = Ratio()  # gold ranges overlapped by an approximate system range
    problems: tuple[str, ...] = ()

    def __add__(self, other: DateScores) -> DateScores:
        return DateScores(
            self.found + other.found,
            self.calendar + other.calendar,
            self.approximate + other.approximate,
            self.problems + other.problems,
        )


def date_range(value: object, end: object = None) -> tuple[date, date]:
    """First and last day covered by a date at any precision (or a range), read by the
    product's own date parser: gold and system dates are compared as the same type."""
    first = parse_date(value).first
    last = parse_date(end if end is not None else value).last
    return first, last


def date_right(gold_event: dict, value: str, precision: str, value_end: str | None) -> bool:
    """Calendar gold: the same value at the same precision (a range covering exactly that
    year, month or day counts as the same value). Approximate gold: an approximate system
    range that overlaps the gold range."""
    try:
        ours = date_range(value, value_end)
    except (ValueError, DateError):
        return False
    theirs = date_range(gold_event["date"], gold_event["date_end"])
    if gold_event["precision"] != "approximate":
        if precision == "approximate":
            return ours == theirs
        same = parse_date(value) == parse_date(gold_event["date"])
        return same and precision == gold_event["precision"]
    if precision != "approximate":
        return False
    return ours[0] <= theirs[1] and theirs[0] <= ours[1]


def score_dates(gold: dict, extraction: Extraction) -> DateScores:
    gold_events = gold["events"]
    events = list(extraction.events)
    pairs = match_one_to_one(
        gold_events, events, lambda g, e: overlap((g["start"], g["end"]), (e.start, e.end))
    )
    by_gold = dict(pairs)
    calendar = approximate = Ratio()
    problems = []
    for gi, g in enumerate(gold_events):
        event = events[by_gold[gi]] if gi in by_gold else None
        right = event is not None and date_right(
            g, event.date, event.precision.value, event.date_end
        )
        if g["precision"] == "approximate":
            approximate += Ratio(int(right), 1)
        else:
            calendar += Ratio(int(right), 1)
        if event is None:
            problems.append(f"missed date {g['date_text']!r} ({g['date']})")
        elif not right:
            got = f"{event.date}/{event.precision.value}" + (
                f"..{event.date_end}" if event.date_end else ""
            )
            want = f"{g['date']}/{g['precision']}" + (f"..{g['date_end']}" if g["date_end"] else "")
            problems.append(f"wrong date {g['date_text']!r}: {got} (gold {want})")
    found = Counts(len(pairs), len(events) - len(pairs), len(gold_events) - len(pairs))
    return DateScores(found, calendar, approximate, tuple(problems))


# ---------------------------------------------------------------- one article, all tasks


@dataclass(frozen=True)
class ArticleScores:
    claims: ClaimScores = field(default_factory=ClaimScores)
    mentions: MentionScores = field(default_factory=MentionScores)
    aliases: AliasScores = field(default_factory=AliasScores)
    dates: DateScores = field(default_factory=DateScores)

    def __add__(self, other: ArticleScores) -> ArticleScores:
        return ArticleScores(
            self.claims + other.claims,
            self.mentions + other.mentions,
            self.aliases + other.aliases,
            self.dates + other.dates,
        )


def score_article(gold: dict, extraction: Extraction) -> ArticleScores:
    return ArticleScores(
        claims=score_claims(gold, extraction),
        mentions=score_mentions(gold, extraction),
        aliases=score_alias_pairs(gold, extraction),
        dates=score_dates(gold, extraction),
    )


def total(scores: Iterable[ArticleScores]) -> ArticleScores:
    result = ArticleScores()
    for score in scores:
        result = result + score
    return result
