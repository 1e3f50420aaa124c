"""Case fixtures: a fresh case on each back end, and one holding two hand-built reports.

`case_path` is where a fresh case goes, once per back end: an SQLite file, and a case on a
throwaway PostgreSQL server (`tests/postgres_server.py`; those runs are marked slow, since
they start a server). `case_file` is always an SQLite file, for what only a file has
(its header, its locks, its folder's permissions).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from case_builders import first_extraction, second_extraction

from workbench import Case

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    return tmp_path / "story.case"


@pytest.fixture
def case_path(backend: str, case_file: Path, request: pytest.FixtureRequest) -> Path | str:
    if backend == "sqlite":
        return case_file
    return request.getfixturevalue("postgres_server").url()


@pytest.fixture
def case(case_path: Path | str):
    with Case.open(case_path) as opened:
        yield opened


@pytest.fixture
def story(case: Case) -> Case:
    """A case holding the two reports."""
    case.add_extraction(first_extraction())
    case.add_extraction(second_extraction())
    return case
