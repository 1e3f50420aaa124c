"""`Case.add_articles` with `on_error`: a failing article is reported and the others are
still added (issue 12); without it, the failure is raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Case
from workbench.errors import InputError, WorkbenchError
from workbench.model import Article

SEED = "mamlouk-visits-cairo.txt"


def _too_long() -> Article:
    return Article(id="long", text="a\n" * 600_000, path="long.txt")  # 1,200,000 characters


def test_on_error_reports_each_failure_and_adds_the_others(
    case: Case, extractor, samples_dir: Path, tmp_path: Path
) -> None:
    case._extractor_cache = extractor
    failures: list[WorkbenchError] = []
    missing = tmp_path / "missing.txt"
    added = case.add_articles(
        [_too_long(), samples_dir / SEED, str(missing)], on_error=failures.append
    )
    assert [a.id for a in added] == ["mamlouk-visits-cairo"]
    assert [a.id for a in case.articles()] == ["mamlouk-visits-cairo"]
    assert len(failures) == 2 and all(isinstance(f, InputError) for f in failures)
    assert "missing.txt" in str(failures[0])
    assert "long.txt: too long for one article" in str(failures[1])


def test_without_on_error_the_first_failure_is_raised(case: Case, extractor) -> None:
    case._extractor_cache = extractor
    with pytest.raises(InputError, match="too long"):
        case.add_articles([_too_long()])
    assert case.articles() == []
