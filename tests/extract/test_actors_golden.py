"""Golden test: the seed article's actors, checked by hand and kept in golden/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.extract.actors import extract_actors

GOLDEN = Path(__file__).parent / "golden" / "seed_actors.json"


@pytest.fixture(scope="module")
def seed_actors(nlp, corpora_dir):
    text = (corpora_dir / "seed" / "mamlouk-visits-cairo.txt").read_text(encoding="utf-8")
    return text, extract_actors(nlp(text))


def test_seed_actors_match_the_golden_file(seed_actors):
    _, actors = seed_actors
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))["actors"]
    got = [
        {
            "name": a.name,
            "type": a.type.value,
            "aliases": list(a.aliases),
            "roles": list(a.roles),
            "mentions": [m.text for m in a.mentions],
        }
        for a in actors
    ]
    assert got == expected


def test_seed_offsets_and_ids(seed_actors):
    text, actors = seed_actors
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    firsts = [a.mentions[0].start for a in actors]
    assert firsts == sorted(firsts)
    for actor in actors:
        assert actor.name not in actor.aliases
        assert list(actor.aliases) == sorted(set(actor.aliases))
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
            assert not m.text.endswith(("'s", "\u2019s"))


def test_seed_every_named_actor_is_one_cluster(seed_actors):
    """The issue's list: one actor each, of the right type, whatever the spelling."""
    _, actors = seed_actors
    owner = {}
    for actor in actors:
        for m in actor.mentions:
            owner.setdefault(m.text, set()).add((actor.name, actor.type.value))
    expect = {
        "Mamlouk": ("Ali Mamlouk", "person"),
        "Mamluk": ("Ali Mamlouk", "person"),
        "Al-Mamlouk": ("Ali Mamlouk", "person"),
        "Sisi": ("Abdel Fattah el-Sisi", "person"),
        "SANA": ("Syrian Arab News Agency", "media"),
        "Daily Al-Akhbar": ("Al-Akhbar", "media"),
        "AFP": ("Agence France-Presse", "media"),
        "Middle East Eye": ("Middle East Eye", "media"),
        "EGPC": ("Egyptian General Petroleum Corporation", "organization"),
        "Riyadh": ("Saudi Arabia", "country"),
        "Kingdom": ("Saudi Arabia", "country"),
        "al-Mouallimi": ("Abduallah al-Mouallimi", "person"),
        "Khaled Fawzy": ("Khaled Fawzy", "person"),
    }
    for text, actor in expect.items():
        assert owner[text] == {actor}, text
    # Cairo is the place visited and, as "Cairo's diplomatic move", Egypt's government
    assert owner["Cairo"] == {("Cairo", "place"), ("Egypt", "country")}
    assert "Syrian" not in owner and "Egyptian" not in owner  # demonyms are not actors


def test_sample_articles_mentions_are_exact_and_disjoint(nlp, samples_dir):
    english = [p for p in sorted(samples_dir.glob("*.txt")) if not p.stem.endswith("-ar")]
    texts = [p.read_text(encoding="utf-8") for p in english]
    assert texts, "no sample articles"
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        actors = extract_actors(doc)
        assert actors
        spans = sorted((m.start, m.end) for a in actors for m in a.mentions)
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert start >= end, text[start : start + 40]
        for actor in actors:
            assert actor.name == actor.name.strip()
            for m in actor.mentions:
                assert text[m.start : m.end] == m.text == m.text.strip()
