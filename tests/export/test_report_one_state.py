"""The memo is of one state of the case, on both back ends: a colleague removing an article
while it is gathered changes no part of it (it was a bare KeyError when the kept
corroboration came from after the removal and the claims from before). And what the memo
keeps to write the next one faster (each claim's HTML by its row) goes with the case."""

from __future__ import annotations

import gc
import re
import weakref
from pathlib import Path

import pytest
from analysis_builders import build_story_case

from workbench import Case
from workbench.analysis import CaseSnapshot, claim_rows
from workbench.export import report

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)]


@pytest.fixture(params=BACKENDS)
def where(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    if request.param == "sqlite":
        return tmp_path / "story.case"
    return str(request.getfixturevalue("postgres_server").url())


def _fresh(case: Case, format: str) -> str:
    """The memo gathered from nothing (no kept part) in the case's state now."""
    memo = report.gather_memo(CaseSnapshot(case), title=case.path.stem, generated_at="G")
    return report.render_markdown(memo) if format == "md" else report.render_html(memo)


def _undated(text: str) -> str:
    return re.sub(r"Generated [^<\n]*\.", "Generated G.", text, count=1)


@pytest.mark.parametrize("format", ["html", "md"])
def test_a_colleague_removing_an_article_mid_memo_changes_no_part_of_it(
    where: Path | str, tmp_path: Path, format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = build_story_case(where)
    try:
        case.corroboration()  # kept, as after a look at the panel
        victim = case.articles()[-1].id
        before = _fresh(case, format)
        real = case.corroboration
        removed = []

        def racing() -> list:
            # another connection (a colleague) commits at the moment the memo asks for
            # the kept corroboration, after the claims were read
            with Case.open(where) as other:
                other.remove_article(victim)
            removed.append(victim)
            return real()

        monkeypatch.setattr(case, "corroboration", racing)
        written = report.write_report(case, tmp_path / f"memo.{format}", format=format)
        monkeypatch.undo()
        assert removed == [victim]  # the race happened
        after = _fresh(case, format)
        assert victim not in {a.id for a in case.articles()}
        assert before != after
        assert _undated(written.read_text(encoding="utf-8")) in (before, after)
    finally:
        case.close()


def test_claim_rows_work_out_a_claim_the_given_corroboration_lacks(
    story: Case,
) -> None:
    snap = CaseSnapshot(story)
    fresh = claim_rows(snap)
    kept = story.corroboration()
    assert claim_rows(snap, corroboration=kept[1:]) == fresh
    assert claim_rows(snap, corroboration=[]) == fresh


def test_the_claims_html_kept_goes_with_the_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = build_story_case(tmp_path / "story.case")
    out = tmp_path / "memo.html"
    try:
        first = report.write_report(case, out, format="html").read_text(encoding="utf-8")
        kept = case.memory(report.CLAIMS_HTML)
        assert len(kept) == len(case.claims())
        # after an edit only the edited claim's HTML is written again, and the memo is the
        # one written from nothing
        written = []
        original = report._claim_html

        def counted(row: report.ClaimRow) -> str:
            written.append(row.claim_id)
            return original(row)

        monkeypatch.setattr(report, "_claim_html", counted)
        claim = case.claims()[0].id
        case.set_claim_status(claim, "false", note="checked")
        again = report.write_report(case, out, format="html").read_text(encoding="utf-8")
        assert written == [claim]
        assert _undated(again) != _undated(first)
        assert _undated(again) == _undated(_fresh(case, "html"))
        assert len(kept) == len(case.claims())  # this memo's rows only
        row = weakref.ref(next(iter(kept.values()))[0])
    finally:
        case.close()
    del kept
    gc.collect()
    assert row() is None  # nothing of the case's rows outlives it
