"""Cases for the export tests, built once per module from hand-made extractions."""

from __future__ import annotations

import pytest
from analysis_builders import build_hostile_case, build_story_case


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    case = build_story_case(tmp_path_factory.mktemp("story") / "story.case")
    yield case
    case.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    case = build_hostile_case(tmp_path_factory.mktemp("hostile") / "hostile.case")
    yield case
    case.close()
