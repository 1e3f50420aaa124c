"""A few end-to-end checks with the real extractor (the spaCy model is loaded once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Case
from workbench.model import ClaimStatus, ReviewStatus

pytestmark = pytest.mark.slow

SEED = "mamlouk-visits-cairo.txt"


@pytest.fixture
def extracted_case(case: Case, extractor, samples_dir: Path) -> Case:
    case._extractor_cache = extractor  # share the session's loaded model
    case.add_article(samples_dir / SEED, published="2016-10-17")
    return case


def test_add_article_from_a_path_keeps_offsets(extracted_case: Case) -> None:
    (article,) = extracted_case.articles()
    assert str(article.published) == "2016-10-17"
    assert article.model
    assert extracted_case.claims() and extracted_case.actors()
    for mention in extracted_case.mentions():
        assert article.text[mention.start : mention.end] == mention.text
    for claim in extracted_case.claims():
        if not claim.edited:
            assert article.text[claim.start : claim.end] == claim.text


def test_add_article_from_raw_text(case: Case, extractor, tmp_path: Path) -> None:
    case._extractor_cache = extractor
    title = "Iraq votes to expel US troops"
    body = "Iraq's parliament voted on Sunday, Reuters reported."
    text = f"{title}\n\n{body}"
    article = case.add_article(text, published="2020-01-05", outlet="Wikinews")
    assert article.id == "iraq-votes-to-expel-us-troops"
    assert (article.outlet, str(article.published)) == ("Wikinews", "2020-01-05")
    # the first line is the title, as when the same text is read from a .txt file
    assert (article.title, article.text) == (title, body)
    assert case.add_article(text).id == article.id  # the same text is not added twice
    (tmp_path / "iraq.txt").write_text(text, encoding="utf-8")
    assert case.add_article(tmp_path / "iraq.txt").id == article.id  # nor the same file
    assert len(case.articles()) == 1


def test_reextract_with_the_model_keeps_decisions(extracted_case: Case) -> None:
    case = extracted_case
    claim = case.claims()[0]
    actor = next(a for a in case.actors() if "Mamlouk" in a.name)
    case.set_claim_status(claim.id, "corroborated", note="seen on SANA")
    case.update_actor(actor.id, name="Ali Mamlouk (NSB chief)", status="confirmed")
    link = case.link_source(claim.id, "https://sana.sy/en/?p=1")
    claims_before = len(case.claims())
    assert case.reextract() == 1
    assert case.claim(claim.id).status is ClaimStatus.CORROBORATED
    assert case.links(claim.id) == [link]
    renamed = case.actor(actor.id)
    assert renamed.name == "Ali Mamlouk (NSB chief)" and renamed.status is ReviewStatus.CONFIRMED
    assert renamed.mention_count > 0
    assert len(case.claims()) == claims_before
    assert not any(c.detached for c in case.claims())


def test_two_sample_articles_share_actors(extracted_case: Case, samples_dir: Path) -> None:
    case = extracted_case
    case.add_article(samples_dir / "kurds-deal-with-assad-turkey-invades.txt")
    shared = [a for a in case.actors() if len(a.articles) == 2]
    assert {"Syria", "Egypt"} & {a.name for a in shared} or any(
        a.type.value == "country" for a in shared
    )


def test_add_articles_in_one_batch(case: Case, extractor, samples_dir: Path) -> None:
    case._extractor_cache = extractor
    paths = [samples_dir / SEED, samples_dir / "iraq-parliament-votes-us-troops-out.txt"]
    added = case.add_articles(paths)
    assert [a.id for a in added] == [a.id for a in case.articles()]
    assert len(added) == 2 and all(case.claims(article_id=a.id) for a in added)
