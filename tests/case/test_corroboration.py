"""Independent sources behind each claim, warning flags, and look-alike claims across articles."""

from __future__ import annotations

from case_builders import actor_named

from workbench import Case
from workbench.analysis.corroboration import (
    CONTRADICTED,
    NO_SOURCE,
    SINGLE_SOURCE,
    STATE_MEDIA_ONLY,
    UNNAMED_SOURCE_ONLY,
    claim_sources,
)
from workbench.analysis.similarity import claim_tokens, similar_claims, token_set_similarity
from workbench.case.records import CaseActor, CaseArticle, CaseClaim, SourceLink


def sources_of(case: Case, claim_id: str):
    return next(s for s in case.corroboration() if s.claim_id == claim_id)


def claim_with(case: Case, words: str) -> CaseClaim:
    return next(c for c in case.claims() if words in c.text)


def test_state_media_only_single_source(story: Case) -> None:
    # SANA's claim, in a Middle East Eye article: SANA is Syrian state media, MEE is not
    sana_claim = claim_with(story, "agreed to coordinate political")
    found = sources_of(story, sana_claim.id)
    assert "Syrian Arab News Agency" in found.independent
    assert "Middle East Eye" in found.independent
    assert SINGLE_SOURCE not in found.flags and STATE_MEDIA_ONLY not in found.flags


def test_unnamed_source_relayed_by_two_outlets(story: Case) -> None:
    relayed = claim_with(story, "Mamluk had met")
    found = sources_of(story, relayed.id)
    assert UNNAMED_SOURCE_ONLY in found.flags
    # AFP and Middle East Eye (the channel and the article's outlet are one voice)
    assert sorted(found.independent) == ["Agence France-Presse", "Middle East Eye"]
    story.link_source(relayed.id, "https://www.reuters.com/x", relation="corroborates")
    found = sources_of(story, relayed.id)
    assert UNNAMED_SOURCE_ONLY not in found.flags
    # a web address on an outlet's site counts as that outlet (reuters.com is Reuters)
    assert "Reuters" in found.independent


def test_two_state_outlets_of_one_state_are_one_voice() -> None:
    claim = CaseClaim(
        id="C1",
        article_id="x",
        text="t",
        start=0,
        end=1,
        kind="direct",
        speaker="A9",
        channels=("A1",),
    )
    actors = [CaseActor(id="A1", name="SANA", type="media")]
    article = CaseArticle(id="x", text="t", outlet="SANA")
    found = claim_sources(claim, actors=actors, article=article)
    assert found.flags == (SINGLE_SOURCE, STATE_MEDIA_ONLY)
    # an independent outlet breaks both flags
    link = SourceLink(id="L1", claim_id="C1", relation="corroborates", url="https://apnews.com/x")
    found = claim_sources(claim, links=[link], actors=actors, article=article)
    assert found.flags == ()
    assert found.independent_count == 2


def test_no_source_and_contradicted() -> None:
    claim = CaseClaim(
        id="C1", article_id="x", text="t", start=0, end=1, kind="direct", speaker="A2"
    )
    assert claim_sources(claim).flags == (NO_SOURCE,)
    link = SourceLink(id="L1", claim_id="C1", relation="contradicts", url="https://x.org/denial")
    found = claim_sources(claim, links=[link])
    assert CONTRADICTED in found.flags and found.contradicting[0].url == "https://x.org/denial"
    assert found.sources == ()


def test_unknown_outlets_count_by_name(story: Case) -> None:
    akhbar_claim = claim_with(story, "their political stances")
    found = sources_of(story, akhbar_claim.id)
    assert len(found.independent) == 1  # Al-Akhbar as channel and as the article's outlet
    assert SINGLE_SOURCE in found.flags


def test_the_same_claim_in_two_articles_is_a_candidate(story: Case) -> None:
    pairs = story.similar_claims()
    first = claim_with(story, "agreed to coordinate political")
    second = claim_with(story, "their political stances")
    assert [(p.claim_id, p.other_id) for p in pairs] == [(first.id, second.id)]
    assert pairs[0].score == 1.0  # "their" is a function word: the same content words
    story.update_claim(second.id, text="Egypt denied any coordination with Damascus")
    assert story.similar_claims() == []


def test_similarity_ignores_function_words() -> None:
    a = claim_tokens("The army has withdrawn from the city")
    b = claim_tokens("the army withdrew from the city of Afrin")
    assert token_set_similarity(a, a) == 1.0
    assert 0 < token_set_similarity(a, b) < 1
    assert token_set_similarity(a, frozenset()) == 0.0


def test_similar_claims_within_one_article_are_not_offered() -> None:
    claims = [
        CaseClaim(
            id=f"C{i}",
            article_id="same",
            text="troops will leave Iraq soon",
            start=0,
            end=5,
            kind="direct",
        )
        for i in range(3)
    ]
    assert similar_claims(claims) == []


def test_corroboration_uses_linked_media_actors(story: Case) -> None:
    claim = claim_with(story, "their political stances")
    afp = actor_named(story, "AFP")
    story.link_source(claim.id, afp.id, relation="reported_by")
    found = sources_of(story, claim.id)
    assert "Agence France-Presse" in found.independent and SINGLE_SOURCE not in found.flags


def test_without_a_gazetteer_every_outlet_counts_alone(monkeypatch) -> None:
    from workbench.analysis import corroboration

    monkeypatch.setattr(corroboration, "media_info", lambda name: None)
    claim = CaseClaim(
        id="C1",
        article_id="x",
        text="t",
        start=0,
        end=1,
        kind="direct",
        speaker="A9",
        channels=("A1",),
    )
    actors = [CaseActor(id="A1", name="SANA", type="media")]
    found = claim_sources(
        claim, actors=actors, article=CaseArticle(id="x", text="t", outlet="Syrian TV")
    )
    assert found.independent == ("SANA", "Syrian TV")
    assert found.flags == ()


def test_each_claim_is_offered_a_few_candidates_only() -> None:
    claims = [
        CaseClaim(
            id=f"C{i}",
            article_id=f"article-{i}",
            text="troops will leave Iraq soon",
            start=0,
            end=5,
            kind="direct",
        )
        for i in range(30)
    ]
    assert len(similar_claims(claims, per_claim=None)) == 30 * 29 // 2
    capped = similar_claims(claims, per_claim=3)
    counts: dict[str, int] = {}
    for pair in capped:
        for claim_id in (pair.claim_id, pair.other_id):
            counts[claim_id] = counts.get(claim_id, 0) + 1
    assert {c.id for c in claims} == set(counts)
    assert len(capped) < 30 * 3
