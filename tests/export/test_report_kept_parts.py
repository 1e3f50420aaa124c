"""The memo reuses the case's kept corroboration (`Case.corroboration`) rather than work it
out again: the memo's bytes are the same either way, on the story case and on a case of
200 articles with sources linked, a claim disputed and one rejected."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from analysis_builders import build_story_case, claim_id, sisi_extraction, visit_extraction

from workbench import Case
from workbench.analysis import CaseSnapshot, corroboration
from workbench.export import report
from workbench.model import Extraction


def _memos(case: Case) -> tuple[str, str]:
    """The memo through the case (its kept corroboration) and through a plain snapshot of
    it (worked out in `claim_rows`), HTML and Markdown joined."""
    kept = report.gather_memo(case, title="t", generated_at="g")
    fresh = report.gather_memo(CaseSnapshot(case), title="t", generated_at="g")
    return (
        report.render_html(kept) + report.render_markdown(kept),
        report.render_html(fresh) + report.render_markdown(fresh),
    )


def _copy(extraction: Extraction, number: int) -> Extraction:
    article = dataclasses.replace(
        extraction.article,
        id=f"{extraction.article.id}-{number}",
        text=extraction.article.text + f" (copy {number})",
        outlet=("SANA", "AFP", "Al-Akhbar", None)[number % 4],
    )
    return dataclasses.replace(extraction, article=article)


@pytest.fixture
def large(tmp_path: Path) -> Case:
    case = build_story_case(tmp_path / "large.case")
    for number in range(99):
        case.add_extraction(_copy(visit_extraction(), number))
        case.add_extraction(_copy(sisi_extraction(), number))
    claims = case.claims()
    case.set_claim_status(claims[5].id, "disputed")
    case.reject_claim(claims[9].id)
    case.link_source(claims[12].id, "https://example.org/report", relation="contradicts")
    yield case
    case.close()


def test_the_memo_is_the_same_with_the_kept_corroboration(
    tmp_path: Path, large: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(large.articles()) == 200
    story = build_story_case(tmp_path / "story.case")
    try:
        story.link_source(
            claim_id(story, "political stances"), "https://example.org/x", relation="corroborates"
        )
        for case in (story, large):
            with_kept, worked_out = _memos(case)
            assert with_kept == worked_out
    finally:
        story.close()
    # and the memo through the case does not work corroboration out again when it is kept
    large.corroboration()
    calls = []
    original = corroboration.corroborate_claims

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr("workbench.analysis.claims.corroborate_claims", counted)
    report.gather_memo(large, title="t", generated_at="g")
    assert calls == []


def test_after_an_edit_the_memo_writes_only_the_changed_claims_again(
    large: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each claim's HTML is kept by its row: after a claim's new status only that claim's
    is written again, and the memo is the one written from nothing."""
    kept: dict[int, report.KeptHtml] = {}

    def html(kept: dict[int, report.KeptHtml] | None) -> str:
        return report.render_html(report.gather_memo(large, title="t", generated_at="g"), kept)

    html(kept)
    written = []
    original = report._claim_html

    def counted(row: report.ClaimRow) -> str:
        written.append(row.claim_id)
        return original(row)

    monkeypatch.setattr(report, "_claim_html", counted)
    claim = large.claims()[40].id
    large.set_claim_status(claim, "corroborated")
    again = html(kept)
    assert written == [claim]
    assert len(kept) == len(large.claims())  # this memo's rows only
    assert html(None) == again
