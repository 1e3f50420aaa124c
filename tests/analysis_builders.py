"""Cases built from hand-made extractions (no spaCy), for the analysis and export tests.

`story_case` is the seed story in two reports plus decisions a person made; the hostile
case carries script tags, event handlers and `javascript:` links in its text and names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from workbench import Case
from workbench.model import Actor, Article, Claim, Event, Extraction, Mention, Relation

VISIT_TEXT = (
    "Syrian security chief visits Cairo\n\n"
    "SANA reported that Ali Mamlouk made an official visit to Cairo. "
    "SANA said the two sides agreed to coordinate political stances. "
    "A Syrian political source told AFP that Mamluk had met Egyptian officials before, "
    "as reported by Middle East Eye. "
    "Mamlouk met Khaled Fawzy on 16 October 2016. "
    "Aramco halted oil shipments early this month."
)
SISI_TEXT = (
    "Sisi receives Syrian envoy\n\n"
    "Al-Akhbar reported that Abdel Fattah el-Sisi received Ali Mamlouk in Cairo. "
    "Saudi Arabia condemned the visit in October 2016."
)
HOSTILE_NAME = '<img src=x onerror=alert(1)>Evil "Corp"'
HOSTILE_SPEAKER = "<script>alert('speaker')</script>"
HOSTILE_TEXT = (
    "<script>alert(1)</script> Breaking [click](javascript:alert(2)) news\n\n"
    f"{HOSTILE_SPEAKER} said that <img src=x onerror=alert(3)> is safe "
    "and [here](javascript:alert(4)) is proof. "
    f"{HOSTILE_NAME} met Ali Mamlouk on 3 March 2017."
)


def _mentions(text: str, names: Sequence[str]) -> tuple[Mention, ...]:
    found = []
    for name in names:
        for m in re.finditer(re.escape(name), text):
            found.append(Mention(m.start(), m.end(), name))
    return tuple(sorted(set(found), key=lambda m: m.start))


def extraction(
    article_id: str,
    text: str,
    *,
    actors: Sequence[tuple[str, str]],
    claims: Sequence[tuple[str, str | None, str | None, Sequence[str]]] = (),
    events: Sequence[tuple[str, str, str, str | None, str, Sequence[str], int | None]] = (),
    relations: Sequence[tuple[str, str, str]] = (),
    published: str | None = "2016-10-17",
    outlet: str | None = None,
) -> Extraction:
    """actors: (name, type); claims: (text, speaker name, speaker_text, channel names);
    events: (date_text, date, precision, date_end, summary, actor names, claim number)."""
    ids = {name: f"a{i}" for i, (name, _) in enumerate(actors, start=1)}
    built_actors = tuple(
        Actor(id=ids[name], name=name, type=kind, mentions=_mentions(text, [name]))
        for name, kind in actors
    )
    built_claims = []
    for i, (said, speaker, speaker_text, channels) in enumerate(claims, start=1):
        start = text.index(said)
        built_claims.append(
            Claim(
                id=f"c{i}",
                text=said,
                start=start,
                end=start + len(said),
                kind="indirect",
                cue="said",
                speaker=ids.get(speaker or ""),
                speaker_text=speaker_text or speaker,
                channels=tuple(ids[c] for c in channels),
            )
        )
    built_events = []
    for i, (date_text, day, precision, date_end, summary, names, claim) in enumerate(
        events, start=1
    ):
        start = text.index(date_text)
        built_events.append(
            Event(
                id=f"e{i}",
                date=day,
                precision=precision,
                date_text=date_text,
                start=start,
                end=start + len(date_text),
                date_end=date_end,
                summary=summary,
                actors=tuple(ids[n] for n in names),
                claim=f"c{claim}" if claim else None,
            )
        )
    return Extraction(
        article=Article(
            id=article_id,
            text=text,
            title=text.splitlines()[0],
            published=published,
            outlet=outlet,
        ),
        actors=built_actors,
        claims=tuple(built_claims),
        events=tuple(built_events),
        relations=tuple(Relation(ids[s], ids[t], k) for s, t, k in relations),
    )


def visit_extraction() -> Extraction:
    return extraction(
        "visit",
        VISIT_TEXT,
        outlet="Middle East Eye",
        actors=[
            ("Ali Mamlouk", "person"),
            ("Cairo", "place"),
            ("SANA", "media"),
            ("AFP", "media"),
            ("Middle East Eye", "media"),
            ("Khaled Fawzy", "person"),
            ("Aramco", "organization"),
        ],
        claims=[
            ("the two sides agreed to coordinate political stances", "SANA", None, ["SANA"]),
            (
                "Mamluk had met Egyptian officials before",
                None,
                "A Syrian political source",
                ["AFP", "Middle East Eye"],
            ),
        ],
        events=[
            (
                "16 October 2016",
                "2016-10-16",
                "day",
                None,
                "Mamlouk met Khaled Fawzy",
                ["Ali Mamlouk", "Khaled Fawzy"],
                None,
            ),
            (
                "early this month",
                "2016-10-01",
                "approximate",
                "2016-10-10",
                "Aramco halted oil shipments",
                ["Aramco"],
                None,
            ),
        ],
        relations=[("Ali Mamlouk", "Khaled Fawzy", "met"), ("Ali Mamlouk", "Cairo", "visited")],
    )


def sisi_extraction() -> Extraction:
    return extraction(
        "sisi",
        SISI_TEXT,
        published="2016-11-02",
        outlet="Al-Akhbar",
        actors=[
            ("Al-Akhbar", "media"),
            ("Abdel Fattah el-Sisi", "person"),
            ("Ali Mamlouk", "person"),
            ("Cairo", "place"),
            ("Saudi Arabia", "country"),
        ],
        claims=[
            ("Abdel Fattah el-Sisi received Ali Mamlouk in Cairo", "Al-Akhbar", None, ["Al-Akhbar"])
        ],
        events=[
            (
                "October 2016",
                "2016-10",
                "month",
                None,
                "Saudi Arabia condemned the visit",
                ["Saudi Arabia"],
                1,
            )
        ],
        relations=[
            ("Abdel Fattah el-Sisi", "Ali Mamlouk", "received"),
            ("Ali Mamlouk", "Cairo", "visited"),
        ],
    )


def hostile_extraction() -> Extraction:
    return extraction(
        "hostile",
        HOSTILE_TEXT,
        published="2017-03-04",
        outlet="<b>javascript:alert(5)</b>",
        actors=[
            (HOSTILE_SPEAKER, "person"),
            (HOSTILE_NAME, "media"),
            ("Ali Mamlouk", "person"),
        ],
        claims=[
            (
                "<img src=x onerror=alert(3)> is safe and [here](javascript:alert(4)) is proof",
                HOSTILE_SPEAKER,
                None,
                [HOSTILE_NAME],
            )
        ],
        events=[
            (
                "3 March 2017",
                "2017-03-03",
                "day",
                None,
                "<script>alert(6)</script> met",
                [HOSTILE_NAME, "Ali Mamlouk"],
                1,
            )
        ],
        relations=[(HOSTILE_NAME, "Ali Mamlouk", "met")],
    )


def actor_id(case: Case, name: str) -> str:
    return next(a.id for a in case.actors() if a.name == name)


def claim_id(case: Case, fragment: str) -> str:
    return next(c.id for c in case.claims() if fragment in c.text)


def build_story_case(path: Path) -> Case:
    """The two reports, with a person's decisions: statuses, links, notes, a rejection."""
    case = Case.open(path)
    case.add_extraction(visit_extraction())
    case.add_extraction(sisi_extraction())
    afp = actor_id(case, "AFP")
    sources = claim_id(case, "Egyptian officials")
    received = claim_id(case, "received")
    case.set_claim_status(received, "corroborated", note="SANA and Al-Akhbar agree")
    case.set_claim_status(sources, "disputed", note="only an unnamed source")
    case.link_source(sources, afp, relation="reported_by", note="AFP wire, 17 Oct")
    case.link_source(received, "https://example.org/sisi", relation="corroborates")
    case.link_source(sources, actor_id(case, "Al-Akhbar"), relation="contradicts")
    case.update_actor(actor_id(case, "Aramco"), status="rejected")
    case.update_actor(actor_id(case, "Ali Mamlouk"), status="confirmed")
    return case


def build_hostile_case(path: Path) -> Case:
    case = Case.open(path)
    case.add_extraction(hostile_extraction())
    claim = case.claims()[0].id
    case.set_claim_status(claim, "false", note="<script>alert(7)</script> a note")
    case.link_source(claim, "https://example.org/?q=<script>alert(8)</script>")
    return case
