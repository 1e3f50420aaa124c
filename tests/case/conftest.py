"""Case fixtures: a fresh case file, and one holding two hand-built reports of a story."""

from __future__ import annotations

from pathlib import Path

import pytest
from case_builders import first_extraction, second_extraction

from workbench import Case


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    return tmp_path / "story.case"


@pytest.fixture
def case(case_path: Path):
    with Case.open(case_path) as opened:
        yield opened


@pytest.fixture
def story(case: Case) -> Case:
    """A case holding the two reports."""
    case.add_extraction(first_extraction())
    case.add_extraction(second_extraction())
    return case
