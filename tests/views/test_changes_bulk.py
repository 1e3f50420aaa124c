"""`changes_since` after many added articles (a bulk load from another kernel or the command
line): past a few, the app reads the case whole rather than each article's records one by
one (no spaCy: extractions made by hand)."""

from __future__ import annotations

import dataclasses

from analysis_builders import visit_extraction

from workbench import Case
from workbench.views.changes import ADDED_ARTICLES_CARRIED, changes_since


def numbered(number: int):
    extraction = visit_extraction()
    article = dataclasses.replace(
        extraction.article,
        id=f"visit-{number}",
        text=f"{extraction.article.text}\n\nCopy {number}.",
    )
    return dataclasses.replace(extraction, article=article)


def newest(case: Case) -> int:
    return case.history(limit=1)[0].id


def test_a_few_added_articles_are_read_in_place_many_are_read_whole(tmp_path):
    with Case.open(tmp_path / "bulk.case") as case:
        case.add_extraction(numbered(0))
        drawn = newest(case)
        case.add_extraction(numbered(1))
        few = changes_since(case, drawn, newest(case))
        assert few is not None and few.deltas["articles"].ids
        for number in range(2, ADDED_ARTICLES_CARRIED + 3):
            case.add_extraction(numbered(number))
        assert changes_since(case, drawn, newest(case)) is None
