"""Hypothesis round-trips: what goes into the case file comes back out, the same."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from workbench import Case
from workbench.case.resolve import normalise_name
from workbench.model import (
    Actor,
    ActorType,
    Article,
    Claim,
    ClaimKind,
    ClaimStatus,
    Event,
    Extraction,
    Mention,
    Precision,
    Relation,
)

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.text(
    alphabet=st.characters(categories=("L", "N"), exclude_characters="\x00"), min_size=1, max_size=8
)
free_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(str.strip)


@st.composite
def extractions(draw) -> Extraction:
    """A valid extraction: every span's offsets point at its text."""
    names = draw(st.lists(words.map(str.title), min_size=1, max_size=5, unique_by=str.casefold))
    types = [draw(st.sampled_from(list(ActorType))) for _ in names]
    pieces: list[str] = []
    mentions: dict[int, list[Mention]] = {i: [] for i in range(len(names))}
    spans: list[tuple[int, int, str]] = []
    position = 0
    for _ in range(draw(st.integers(1, 8))):
        filler = draw(free_text) + " "
        spans.append((position, position + len(filler) - 1, filler[:-1]))
        pieces.append(filler)
        position += len(filler)
        i = draw(st.integers(0, len(names) - 1))
        mentions[i].append(Mention(position, position + len(names[i]), names[i]))
        pieces.append(names[i] + ". ")
        position += len(names[i]) + 2
    text = "".join(pieces)
    actors = tuple(
        Actor(id=f"a{i + 1}", name=name, type=types[i], mentions=tuple(mentions[i]))
        for i, name in enumerate(names)
    )
    ids = [a.id for a in actors]
    claims = tuple(
        Claim(
            id=f"c{k + 1}",
            text=span[2],
            start=span[0],
            end=span[1],
            kind=draw(st.sampled_from(list(ClaimKind))),
            cue=draw(st.none() | words),
            speaker=draw(st.none() | st.sampled_from(ids)),
            speaker_text=draw(st.none() | free_text),
            channels=tuple(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))),
        )
        for k, span in enumerate(spans)
        if draw(st.booleans())
    )
    events = tuple(
        Event(
            id=f"e{k + 1}",
            date=draw(st.sampled_from(["2016", "2016-10", "2016-10-17"])),
            precision=draw(st.sampled_from(list(Precision))),
            date_text=span[2],
            start=span[0],
            end=span[1],
            date_end=draw(st.none() | st.just("2016-11")),
            summary=draw(st.just("") | free_text),
            actors=tuple(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))),
        )
        for k, span in enumerate(spans)
        if draw(st.booleans())
    )
    relations = tuple(
        Relation(draw(st.sampled_from(ids)), draw(st.sampled_from(ids)), draw(words))
        for _ in range(draw(st.integers(0, 3)))
    )
    article = Article(
        id=draw(words),
        text=text,
        title=draw(st.none() | free_text),
        published=draw(st.none() | st.just("2016-10-17")),
        outlet=draw(st.none() | free_text),
        url=draw(st.none() | st.just("https://example.org/a")),
    )
    return Extraction(article, actors, claims, events, relations)


def same_speaker(case: Case, extraction: Extraction, local: str | None, stored: str | None) -> bool:
    if local is None:
        return stored is None
    return same_actor(case, extraction, local, stored)


def same_actor(case: Case, extraction: Extraction, local: str, stored: str) -> bool:
    """The stored actor is the extracted one: its name is among the stored actor's names,
    compared as the case compares them (`normalise_name`: one actor per key, so "Ì" and
    "I" of one extraction are one actor, under the first spelling)."""
    names = {normalise_name(alias) for alias in case.actor(stored).aliases}
    return normalise_name(extraction.actor(local).name) in names


# two spellings of one key in one extraction, the second only a claim's channel (CI found it)
FOLDED_CHANNEL = Extraction(
    article=Article(id="0", text="0 0. 0 0. 0 0. "),
    actors=(
        Actor(id="a1", name="0", type=ActorType.PERSON, mentions=(Mention(2, 3, "0"),)),
        Actor(id="a2", name="\u00cc", type=ActorType.PERSON),
        Actor(id="a4", name="I", type=ActorType.PERSON),
    ),
    claims=(Claim(id="c3", text="0", start=10, end=11, kind=ClaimKind.DIRECT, channels=("a4",)),),
)


@SETTINGS
@given(extraction=extractions())
@example(extraction=FOLDED_CHANNEL)
def test_an_extraction_comes_back_as_stored(extraction: Extraction) -> None:
    with tempfile.TemporaryDirectory() as folder, Case.open(Path(folder) / "x.case") as case:
        stored = case.add_extraction(extraction)
        article = extraction.article
        assert stored.to_article() == Article(**{**article.__dict__, "id": stored.id})
        expected = sorted((m.start, m.end, m.text) for a in extraction.actors for m in a.mentions)
        assert sorted((m.start, m.end, m.text) for m in case.mentions()) == expected
        for mention in case.mentions():
            assert stored.text[mention.start : mention.end] == mention.text
        claims = case.claims()
        assert len(claims) == len(extraction.claims)
        by_span = {(c.start, c.end): c for c in claims}
        for claim in extraction.claims:
            got = by_span[(claim.start, claim.end)]
            assert (got.text, got.kind, got.cue, got.speaker_text) == (
                claim.text,
                claim.kind,
                claim.cue,
                claim.speaker_text,
            )
            assert same_speaker(case, extraction, claim.speaker, got.speaker)
            assert len(got.channels) == len(claim.channels)
            for local, stored_channel in zip(claim.channels, got.channels, strict=True):
                assert same_actor(case, extraction, local, stored_channel)
            assert got.status is ClaimStatus.UNVERIFIED
        events = case.events()
        assert sorted(
            (e.start, e.date, e.date_end, e.precision, e.summary) for e in events
        ) == sorted(
            (e.start, e.date, e.date_end, e.precision, e.summary) for e in extraction.events
        )
        assert len(case.relations()) == len(extraction.relations)


@SETTINGS
@given(
    extraction=extractions(),
    note=free_text,
    name=free_text,
    claim_text=free_text,
    status=st.sampled_from(list(ClaimStatus)),
)
def test_edits_survive_reopening(
    extraction: Extraction, note: str, name: str, claim_text: str, status: ClaimStatus
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.case"
        with Case.open(path) as case:
            article = case.add_extraction(extraction)
            actor = case.actors()[0]
            case.update_actor(actor.id, name=name)
            case.add_note(article.id, note)
            for claim in case.claims()[:1]:
                case.update_claim(claim.id, text=claim_text)
                case.set_claim_status(claim.id, status.value, note=note)
                case.link_source(claim.id, actor.id)
            everything = _everything(case)
        with Case.open(path) as case:
            assert _everything(case) == everything
            assert case.actor(actor.id).name == name.strip()
            assert note in [n.text for n in case.notes()]


def _everything(case: Case) -> tuple:
    return (
        case.articles(),
        case.actors(),
        case.mentions(),
        case.claims(),
        case.events(),
        case.relations(),
        case.links(),
        case.notes(),
        case.history(),
    )


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extraction=extractions())
def test_reextracting_the_same_extraction_changes_nothing(extraction: Extraction) -> None:
    import dataclasses

    with tempfile.TemporaryDirectory() as folder, Case.open(Path(folder) / "x.case") as case:
        stored = case.add_extraction(extraction)
        before = _content(case)
        again = dataclasses.replace(
            extraction, article=dataclasses.replace(extraction.article, id=stored.id)
        )
        case.apply_reextraction([again])
        assert _content(case) == before


def _content(case: Case) -> tuple:
    # mentions and relations are rebuilt with new ids: compare what they say
    return (
        case.actors(),
        case.claims(),
        case.events(),
        sorted((m.article_id, m.actor_id, m.start, m.end) for m in case.mentions()),
        sorted((r.source, r.target, r.kind, r.weight) for r in case.relations()),
    )
