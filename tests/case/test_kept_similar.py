"""Similar claims after a change to the claims (a rejection, a new wording or span, an added
article) are brought up to date from the result held, not paired again
(`analysis/similarity_update.py`), and equal similar claims paired afresh from the rows:
each claim's five best partners, on a case of many copies of two reports (ties between
partners everywhere). Both back ends."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from case_builders import first_extraction, second_extraction

from workbench import Case, workflow
from workbench.analysis import similar_claims
from workbench.model import Extraction


def _copy(extraction: Extraction, number: int) -> Extraction:
    """A distinct copy of a report: a suffix after its text (offsets stay valid)."""
    article = dataclasses.replace(
        extraction.article,
        id=f"{extraction.article.id}-{number}",
        text=extraction.article.text + f" (copy {number})",
    )
    return dataclasses.replace(extraction, article=article)


@pytest.fixture
def copies(case: Case) -> Case:
    for number in range(6):
        case.add_extraction(_copy(first_extraction(), number))
        case.add_extraction(_copy(second_extraction(), number))
    return case


@pytest.fixture
def paired(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per pairing of all the claims (`similar_claims` through `Case`)."""
    calls: list[int] = []

    def counted(*args, **kwargs):
        calls.append(1)
        return similar_claims(*args, **kwargs)

    monkeypatch.setattr(workflow, "similar_claims", counted)
    return calls


def _middle(case: Case, words: str) -> str:
    """A claim with these words, from an article in the middle of the case."""
    found = [c.id for c in case.claims() if words in c.text]
    return found[len(found) // 2]


CHANGES: dict[str, Callable[[Case], object]] = {
    "rejected": lambda c: c.reject_claim(_middle(c, "political stances")),
    # worded as another claim: it joins that claim's copies
    "reworded": lambda c: c.update_claim(
        _middle(c, "political stances"), text="Saudi Arabia condemned the visit in October 2016."
    ),
    "reworded apart": lambda c: c.update_claim(
        _middle(c, "political stances"), text="Rain fell on Cairo all day long"
    ),
    "span": lambda c: c.update_claim(_middle(c, "political stances"), start=0, end=60),
    "added article": lambda c: c.add_extraction(_copy(second_extraction(), 99)),
}


@pytest.mark.parametrize("kind", list(CHANGES))
def test_similar_claims_after_a_change_are_updated_and_equal_fresh_ones(
    copies: Case, case_path: Path | str, paired: list[int], kind: str
) -> None:
    first = copies.similar_claims()
    assert len(first) > 20  # many pairs, among ties
    copies._store.settle()
    CHANGES[kind](copies)
    after = copies.similar_claims()
    assert after == similar_claims(copies.claims())
    assert after != first
    assert len(paired) == 1  # brought up to date, not paired again
    # the next session reads the updated result kept in the case
    copies._store.settle()
    with Case.open(case_path) as again:
        assert again.similar_claims() == after
    assert len(paired) == 1
    # undone (an added article removed): equal to a fresh pairing again
    if kind == "added article":
        copies.remove_article(copies.articles()[-1].id)
    else:
        copies.undo()
        assert copies.similar_claims() == first
        assert len(paired) == 1  # the undo's rows are told too
    assert copies.similar_claims() == similar_claims(copies.claims())


def test_similar_claims_after_another_connections_change_are_paired_again(
    copies: Case, case_path: Path | str, paired: list[int]
) -> None:
    """Another connection's writes are not in this session's journal: paired again."""
    copies.similar_claims()
    with Case.open(case_path) as other:
        other.reject_claim(_middle(other, "political stances"))
    assert copies.similar_claims() == similar_claims(copies.claims())
    assert len(paired) == 2


def test_similar_claims_after_one_article_extracted_again_are_updated(
    copies: Case, paired: list[int]
) -> None:
    """Re-extraction of one article names every row it writes (the article's `model` too):
    its claims are paired again, not the case's (paired whole before)."""
    first = copies.similar_claims()
    target = copies.articles()[4].id
    again = _copy(first_extraction(), 2)
    assert again.article.id == target
    # extracted again with one claim fewer: the others' partners change
    copies.apply_reextraction([dataclasses.replace(again, claims=again.claims[1:])])
    after = copies.similar_claims()
    assert after == similar_claims(copies.claims())
    assert after != first
    assert len(paired) == 1
