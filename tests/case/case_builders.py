"""Hand-built extractions (no spaCy) for the case tests, and small helpers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench import Case
from workbench.analysis import corroborate_claims, similar_claims
from workbench.case import reads
from workbench.model import Actor, Article, Claim, Event, Extraction, Mention, Relation

# the listing from the rows, taken before any test counts its calls by patching `reads`
LOAD_ACTORS = reads.load_actors

# Two reports of one story, written like the seed article: the same people under
# different spellings, a claim relayed through outlets, an unnamed source, dates.
FIRST_TEXT = (
    "Syrian security chief visits Cairo\n\n"
    "Syria's state news agency SANA reported that Ali Mamlouk made an official visit to Cairo. "
    "SANA said the two sides agreed to coordinate political stances. "
    "A Syrian political source told AFP that Mamluk had met Egyptian officials before, "
    "as reported by Middle East Eye. "
    "Mamlouk met Khaled Fawzy on 16 October 2016."
)
SECOND_TEXT = (
    "Sisi receives Syrian envoy\n\n"
    "Lebanon's Al-Akhbar reported that Abdel Fattah el-Sisi received Al-Mamlouk in Cairo. "
    "Al-Akhbar said the two sides agreed to coordinate their political stances. "
    "Saudi Arabia condemned the visit in October 2016."
)


def _mentions(text: str, names: Sequence[str]) -> tuple[Mention, ...]:
    taken: list[tuple[int, int]] = []
    found = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Mention(m.start(), m.end(), name))
    return tuple(sorted(found, key=lambda m: m.start))


def build_extraction(
    article_id: str,
    text: str,
    *,
    actors: Sequence[tuple[str, str, Sequence[str]]],
    claims: Sequence[dict] = (),
    events: Sequence[dict] = (),
    relations: Sequence[tuple[str, str, str]] = (),
    published: str | None = "2016-10-17",
    outlet: str | None = None,
) -> Extraction:
    """An extraction as the extractor would give it: ids a1.., offsets found in `text`.

    actors: (name, type, aliases); claims: {"text", "speaker" (name or None), "speaker_text",
    "channels" (names), "kind", "cue"}; events: {"date_text", "date", "precision"}.
    """
    built = []
    local = {}
    for i, (name, actor_type, aliases) in enumerate(actors, start=1):
        actor = Actor(
            id=f"a{i}",
            name=name,
            type=actor_type,
            aliases=tuple(aliases),
            mentions=_mentions(text, [name, *aliases]),
        )
        built.append(actor)
        local[name] = actor.id
    claim_list = []
    for i, spec in enumerate(claims, start=1):
        start = text.index(spec["text"])
        claim_list.append(
            Claim(
                id=f"c{i}",
                text=spec["text"],
                start=start,
                end=start + len(spec["text"]),
                kind=spec.get("kind", "indirect"),
                cue=spec.get("cue", "said"),
                speaker=local.get(spec.get("speaker") or ""),
                speaker_text=spec.get("speaker_text", spec.get("speaker")),
                channels=tuple(local[c] for c in spec.get("channels", ())),
            )
        )
    event_list = []
    for i, spec in enumerate(events, start=1):
        start = text.index(spec["date_text"])
        event_list.append(
            Event(
                id=f"e{i}",
                date=spec["date"],
                precision=spec.get("precision", "day"),
                date_text=spec["date_text"],
                start=start,
                end=start + len(spec["date_text"]),
                summary=spec.get("summary", ""),
                actors=tuple(local[a] for a in spec.get("actors", ())),
                claim=spec.get("claim"),
            )
        )
    return Extraction(
        article=Article(
            id=article_id, text=text, title=text.splitlines()[0], published=published, outlet=outlet
        ),
        actors=tuple(built),
        claims=tuple(claim_list),
        events=tuple(event_list),
        relations=tuple(Relation(local[s], local[t], k) for s, t, k in relations),
    )


def first_extraction() -> Extraction:
    return build_extraction(
        "syrian-security-chief-visits-cairo",
        FIRST_TEXT,
        outlet="Middle East Eye",
        actors=[
            ("Ali Mamlouk", "person", ["Mamlouk", "Mamluk"]),
            ("Cairo", "place", []),
            ("SANA", "media", []),
            ("AFP", "media", []),
            ("Middle East Eye", "media", []),
            ("Khaled Fawzy", "person", []),
            ("Syria", "country", []),
        ],
        claims=[
            {
                "text": "the two sides agreed to coordinate political stances",
                "speaker": "SANA",
                "channels": ["SANA"],
            },
            {
                "text": "Mamluk had met Egyptian officials before",
                "speaker": None,
                "speaker_text": "A Syrian political source",
                "cue": "told",
                "channels": ["AFP", "Middle East Eye"],
            },
        ],
        events=[
            {
                "date_text": "16 October 2016",
                "date": "2016-10-16",
                "summary": "Mamlouk met Khaled Fawzy",
                "actors": ["Ali Mamlouk", "Khaled Fawzy"],
            }
        ],
        relations=[("Ali Mamlouk", "Khaled Fawzy", "met"), ("Ali Mamlouk", "Cairo", "visited")],
    )


def second_extraction() -> Extraction:
    return build_extraction(
        "sisi-receives-syrian-envoy",
        SECOND_TEXT,
        outlet="Al-Akhbar",
        actors=[
            ("Al-Akhbar", "media", []),
            ("Abdel Fattah el-Sisi", "person", []),
            ("Al-Mamlouk", "person", []),
            ("Cairo", "place", []),
            ("Saudi Arabia", "country", []),
        ],
        claims=[
            {
                "text": "the two sides agreed to coordinate their political stances",
                "speaker": "Al-Akhbar",
                "channels": ["Al-Akhbar"],
            }
        ],
        events=[{"date_text": "October 2016", "date": "2016-10", "precision": "month"}],
        relations=[("Abdel Fattah el-Sisi", "Al-Mamlouk", "received")],
    )


def actor_named(case: Case, name: str):
    return next(a for a in case.actors() if a.name == name)


def fresh_results(case: Case) -> dict[str, object]:
    """Each kept result worked out from the rows now, bypassing everything kept: what a kept
    or updated result must equal."""
    return {
        "actors": LOAD_ACTORS(case._store),
        "corroboration": corroborate_claims(
            case.claims(include_rejected=True),
            links=case.links(),
            actors=LOAD_ACTORS(case._store),
            articles=case.articles(),
        ),
        "similar": similar_claims(case.claims(), threshold=0.0, per_claim=None),
    }
