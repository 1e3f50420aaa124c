"""Claims matched across languages: an English claim that names Al-Akhbar is pointed at
the passage of Al-Akhbar's Arabic article that carries it."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "case"))
from case_builders import build_extraction  # noqa: E402

from workbench import Case  # noqa: E402
from workbench.analysis.crosslang import passages, propose_sources  # noqa: E402
from workbench.errors import NotFoundError  # noqa: E402
from workbench.extract.arabic import extract_arabic  # noqa: E402
from workbench.model import Article  # noqa: E402

ENGLISH = (
    "A Top Syrian Security Official Visits Egypt\n\n"
    "Lebanese Daily Al-Akhbar reported that Abdel Fattah el-Sisi received Ali Mamlouk in "
    "Cairo. Egypt voted for the Russian resolution on October 8."
)


def _english():
    return build_extraction(
        "seed-like",
        ENGLISH,
        outlet="Middle East Eye",
        actors=[
            ("Al-Akhbar", "media", ["Daily Al-Akhbar"]),
            ("Abdel Fattah el-Sisi", "person", []),
            ("Ali Mamlouk", "person", []),
            ("Cairo", "place", []),
            ("Egypt", "country", []),
        ],
        claims=[
            {
                "text": "Abdel Fattah el-Sisi received Ali Mamlouk in Cairo",
                "speaker": "Al-Akhbar",
                "channels": ["Al-Akhbar"],
                "cue": "reported",
            }
        ],
    )


def _arabic(samples_dir: Path, *, outlet: str | None = "Al-Akhbar"):
    path = samples_dir / "mamlouk-visits-cairo-ar.txt"
    _, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    article = Article(
        id="akhbar-ar",
        text=body,
        published=datetime.date(2016, 10, 17),
        outlet=outlet,
        url="https://example.org/akhbar/mamlouk",
        language="ar",
    )
    return extract_arabic(article)


@pytest.fixture
def story(tmp_path, samples_dir):
    with Case.open(tmp_path / "story.case") as case:
        case.add_extraction(_english())
        case.add_extraction(_arabic(samples_dir))
        yield case


def _claim(case: Case, article_id: str):
    return next(c for c in case.claims() if c.article_id == article_id)


def test_the_outlets_own_arabic_passage_comes_first(story):
    claim = _claim(story, "seed-like")
    proposals = propose_sources(story, claim.id)
    assert proposals, "no proposal"
    best = proposals[0]
    assert "عبد الفتاح السيسي استقبل المملوك في القاهرة" in best.text
    article = story.article(best.article_id)
    assert article.text[best.start : best.end] == best.text
    names = {a.id: a.name for a in story.actors()}
    assert {names[i] for i in best.shared_actors} == {"Abdel Fattah el-Sisi", "Ali Mamlouk"}
    assert [names[i] for i in best.shared_places] == ["Cairo"]
    assert best.claims  # the Arabic article's own claim in that passage
    assert all(p.score <= best.score for p in proposals)


def test_a_proposal_is_accepted_as_a_source_link(story):
    claim = _claim(story, "seed-like")
    best = propose_sources(story, claim.id)[0]
    link = story.link_source(claim.id, best.source, relation="reported_by", note=best.note())
    assert link.url == "https://example.org/akhbar/mamlouk"
    assert "السيسي" in (link.note or "")


def test_only_the_outlets_own_articles_are_searched(tmp_path, samples_dir):
    with Case.open(tmp_path / "other.case") as case:
        case.add_extraction(_english())
        case.add_extraction(_arabic(samples_dir, outlet="Al Jazeera"))
        claim = _claim(case, "seed-like")
        assert propose_sources(case, claim.id) == []


def test_a_claim_without_an_outlet_gets_no_proposal(story):
    arabic_claim = next(
        c
        for c in story.claims()
        if c.article_id == "akhbar-ar" and c.speaker is None and not c.channels
    )
    assert propose_sources(story, arabic_claim.id) == []


def test_passages_split_sentences_in_both_scripts():
    text = "قال: «نعم». ثم غادر.\nA second line. And more"
    spans = passages(text)
    assert [text[s:e] for s, e in spans] == [
        "قال: «نعم».",
        "ثم غادر.",
        "A second line.",
        "And more",
    ]


def test_the_case_proposes_sources_itself(story):
    claim = _claim(story, "seed-like")
    assert story.propose_sources(claim.id) == propose_sources(story, claim.id)
    with pytest.raises(NotFoundError, match="no claim 'C999'"):
        story.propose_sources("C999")
