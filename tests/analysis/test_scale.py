"""What made a case of 5,000 articles fast gives what the plain code gave, on small cases.

Each faster path is compared with the straightforward one it replaced or stands beside
(kept here as the reference): the actor listing against the plain SQL grouping, an actor
read alone against the listing, rows made into records against the constructors, the
knowledge read through `IN` against the join, corroboration's shared lookups against each
claim worked out alone, similar claims sorted as tuples against records sorted by key, and
a memo drawn from one read against one drawn by sections reading the case each.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

import pytest
from analysis_builders import (
    actor_id,
    build_story_case,
    claim_id,
    hostile_extraction,
    visit_extraction,
)

from workbench.analysis import (
    SimilarClaims,
    case_summary,
    claim_rows,
    claim_sources,
    corroborate_claims,
    network_data,
    similar_claims,
    source_rows,
    timeline_rows,
)
from workbench.case import reads
from workbench.case.knowledge import _TOUCHED, read_knowledge
from workbench.case.records import CaseActor, CaseClaim
from workbench.export.report import Memo, gather_memo, render_html, render_markdown
from workbench.model import Mention, Origin, _cleaners_of, to_plain


def _reference_actors(store) -> list[CaseActor]:
    """The actor listing as it was read before: SQL DISTINCT and GROUP BY over the mentions."""
    rows = store.rows("SELECT * FROM actors ORDER BY rowid")
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in store.rows("SELECT actor_id, alias FROM aliases ORDER BY rowid"):
        if r["alias"] not in aliases[r["actor_id"]]:
            aliases[r["actor_id"]].append(r["alias"])
    kept = " WHERE review != 'rejected'"
    for r in store.rows(f"SELECT DISTINCT actor_id, text FROM mentions{kept} ORDER BY rowid"):
        if r["text"] not in aliases[r["actor_id"]]:
            aliases[r["actor_id"]].append(r["text"])
    articles: dict[str, list[str]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for r in store.rows(
        f"SELECT actor_id, article_id, count(*) AS n FROM mentions{kept} "
        "GROUP BY actor_id, article_id ORDER BY min(rowid)"
    ):
        articles[r["actor_id"]].append(r["article_id"])
        counts[r["actor_id"]] += r["n"]
    actors = []
    for r in rows:
        edited = reads._json(r["edited"], [])
        names = aliases.get(r["id"], [])
        if r["name"] not in names:
            names = [r["name"], *names]
        actors.append(
            CaseActor(
                id=r["id"],
                name=r["name"],
                type=r["type"],
                status=r["status"],
                aliases=tuple(names),
                roles=tuple(reads._json(r["roles"], [])),
                articles=tuple(articles.get(r["id"], ())),
                mention_count=counts.get(r["id"], 0),
                origin=Origin.USER if edited else Origin.EXTRACTED,
                edited=tuple(edited),
                version=r["version"],
            )
        )
    return actors


@pytest.fixture
def worked_case(tmp_path):
    """The story, its hostile twin and a third report, with merges, a split, a removed and
    an added mention: every way an actor's names, articles and counts can change."""
    case = build_story_case(tmp_path / "story.case")
    case.add_extraction(hostile_extraction())
    copy = visit_extraction()
    text = copy.article.text + " "
    forms = [Mention(m.start(), m.end(), m.group()) for m in re.finditer(r"Mamlouk|Mamluk", text)]
    actors = tuple(
        dataclasses.replace(a, mentions=tuple(forms)) if a.name == "Ali Mamlouk" else a
        for a in copy.actors
    )
    case.add_extraction(
        dataclasses.replace(
            copy, article=dataclasses.replace(copy.article, id="again", text=text), actors=actors
        )
    )
    mamlouk = actor_id(case, "Ali Mamlouk")
    sana, afp = actor_id(case, "SANA"), actor_id(case, "AFP")
    case.merge_actors(sana, afp)
    case.split_alias(mamlouk, "Mamluk")
    first = case.mentions(actor_id=mamlouk)[0]
    case.remove_mention(first.id)
    text = case.article("sisi").text
    start = text.index("Cairo")
    case.add_mention(mamlouk, "sisi", start, start + len("Cairo"))
    case.set_claim_status(claim_id(case, "coordinate"), "in_progress")
    yield case
    case.close()


def test_actor_listing_is_the_grouping_it_replaced(worked_case):
    store = worked_case._store
    listed = list(worked_case.actors())
    assert listed == _reference_actors(store)
    assert any(a.mention_count > 1 and len(a.aliases) > 1 for a in listed)  # not vacuous


def test_records_built_from_rows_are_the_constructors(worked_case):
    records = [
        *worked_case.articles(),
        *worked_case.mentions(include_rejected=True),
        *worked_case.claims(include_rejected=True),
        *worked_case.events(),
        *worked_case.relations(),
    ]
    assert {type(r).__name__ for r in records} >= {"CaseMention", "CaseEvent", "CaseRelation"}
    for record in records:
        # from the stored (plain) form, as a row gives it, both ways
        plain = {f.name: to_plain(getattr(record, f.name)) for f in dataclasses.fields(record)}
        plain = {k: tuple(v) if isinstance(v, list) else v for k, v in plain.items()}
        built, made = reads.build_record(type(record), plain), type(record)(**plain)
        assert built == made == record
        for f in dataclasses.fields(record):
            assert type(getattr(built, f.name)) is type(getattr(made, f.name)), f.name
    with pytest.raises(TypeError, match="no field 'colour'"):
        reads.build_record(CaseClaim, {"colour": "red"})
    with pytest.raises(TypeError, match="needs a value for 'id'"):
        reads.build_record(CaseClaim, {})
    with pytest.raises(ValueError):
        reads.build_record(CaseClaim, {**plain_claim(), "status": "maybe"})


def plain_claim() -> dict:
    return {"id": "C1", "article_id": "a", "text": "t", "start": 0, "end": 1, "kind": "direct"}


def test_an_actor_read_alone_is_the_one_listed(worked_case):
    for actor in worked_case.actors():
        assert worked_case.actor(actor.id) == actor


def test_knowledge_through_in_is_the_join_it_replaced(worked_case):
    store = worked_case._store
    touched = f"(SELECT a.id FROM actors a WHERE {_TOUCHED})"
    pairs = [
        (
            f"SELECT s.actor_id, s.alias FROM aliases s JOIN actors a ON a.id = s.actor_id "
            f"WHERE {_TOUCHED} ORDER BY s.rowid",
            f"SELECT s.actor_id, s.alias FROM aliases s WHERE s.actor_id IN {touched} "
            "ORDER BY s.rowid",
        ),
        (
            f"SELECT DISTINCT m.actor_id, m.text FROM mentions m JOIN actors a "
            f"ON a.id = m.actor_id WHERE m.review != 'rejected' AND {_TOUCHED} ORDER BY m.rowid",
            f"SELECT DISTINCT m.actor_id, m.text FROM mentions m "
            f"WHERE m.review != 'rejected' AND m.actor_id IN {touched} ORDER BY m.rowid",
        ),
    ]
    for joined, within in pairs:
        # read_knowledge puts each actor's names in a set: the order of the rows is no part
        # of its result (DISTINCT ordered by a column it drops has none defined either)
        found = sorted(tuple(r) for r in store.rows(within))
        assert found == sorted(tuple(r) for r in store.rows(joined))
        assert found  # the merged, split and confirmed actors are touched
    known = read_knowledge(store)
    assert "ali mamlouk" in known.known and "aramco" in known.rejected


def test_shared_outlet_sources_are_the_fresh_ones(worked_case):
    claims = worked_case.claims(include_rejected=True)
    links, actors = worked_case.links(), worked_case.actors()
    articles = {a.id: a for a in worked_case.articles()}
    shared = corroborate_claims(claims, links=links, actors=actors, articles=articles.values())
    # claim_sources looks every outlet up afresh for its one claim
    fresh = [
        claim_sources(c, links=links, actors=actors, article=articles.get(c.article_id))
        for c in claims
    ]
    assert shared == fresh
    assert sum(len(s.sources) for s in shared) > len(claims)  # outlets met more than once
    # claims alike (same channels and outlet, no link) are worked out once: some are here
    linked = {k.claim_id for k in links}
    alike = [
        (c.channels, articles[c.article_id].outlet, c.speaker is None)
        for c in claims
        if c.id not in linked
    ]
    assert len(set(alike)) < len(alike)


def _claims(texts: list[tuple[str, str]]) -> list[CaseClaim]:
    return [
        CaseClaim(id=f"C{i}", article_id=article, text=text, start=0, end=len(text), kind="direct")
        for i, (article, text) in enumerate(texts, start=1)
    ]


def test_similar_pairs_keep_the_order_records_sorted_by_key_had():
    words = ["army", "minister", "talks", "border", "ceasefire", "aid", "envoy", "vote"]
    texts = []
    for n in range(60):
        chosen = [words[(n * k) % len(words)] for k in (1, 3, 7, 9)]
        texts.append((f"a{n % 9}", " ".join(chosen) + f" {words[n % 4]}"))
    claims = _claims(texts)
    for per_claim in (None, 1, 5):
        pairs = similar_claims(claims, threshold=0.5, per_claim=per_claim)
        assert len(pairs) > 10
        assert pairs == sorted(pairs, key=lambda p: (-p.score, p.claim_id, p.other_id))
        assert all(p.article_id != p.other_article_id for p in pairs)


def test_similar_claims_need_no_cleaning():
    # pairs are made without the constructor: the same records only while no field has a
    # type Record cleans
    assert _cleaners_of(SimilarClaims) == ()
    claims = _claims([("a", "army minister talks border"), ("b", "army minister talks border")])
    (pair,) = similar_claims(claims)
    assert pair == SimilarClaims("C1", "C2", "a", "b", 1.0)
    assert hash(pair) == hash(SimilarClaims("C1", "C2", "a", "b", 1.0))
    assert repr(pair) == repr(SimilarClaims("C1", "C2", "a", "b", 1.0))


def _sections(case) -> Memo:
    """The memo as gathered before: each section reading the case on its own."""
    return Memo(
        title=case.path.stem,
        generated_at="then",
        summary=case_summary(case),
        articles=tuple(case.articles()),
        claims=tuple(claim_rows(case)),
        sources=tuple(source_rows(case)),
        timeline=tuple(timeline_rows(case)),
        network=network_data(case),
    )


def test_a_memo_from_one_read_is_the_memo_of_many(worked_case):
    shared = dataclasses.replace(gather_memo(worked_case), generated_at="then")
    separate = _sections(worked_case)
    assert shared == separate
    assert render_html(shared) == render_html(separate)
    assert render_markdown(shared) == render_markdown(separate)
    assert re.search(r"<script", render_html(shared)) is None  # hostile text stays text
