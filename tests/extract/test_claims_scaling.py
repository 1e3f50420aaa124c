"""Claim extraction stays near-linear in the number of quotations.

Measured in executed lines of the claim rules (a count, not a clock): an article with
four times the quotations must cost about four times the lines, not sixteen, as it did
when every speech verb scanned every quotation of the article.
"""

from __future__ import annotations

from line_counting import lines_run

from workbench.extract import claims as claims_module
from workbench.extract import quotes as quotes_module
from workbench.extract.claims import extract_claims
from workbench.extract.spans import ActorIndex

_RULE_FILES = {claims_module.__file__, quotes_module.__file__}


def _article(paragraphs: int) -> str:
    return "\n\n".join(
        f"“We played well and we will win game number {i},” the coach said."
        for i in range(paragraphs)
    )


def _lines_run(nlp, text: str) -> tuple[int, int]:
    doc = nlp(text)
    count, found = lines_run(_RULE_FILES, lambda: extract_claims(doc, [], index=ActorIndex([])))
    return count, len(found)


def test_four_times_the_quotations_cost_about_four_times_the_work(nlp):
    small = 30
    lines_small, claims_small = _lines_run(nlp, _article(small))
    lines_large, claims_large = _lines_run(nlp, _article(4 * small))
    assert (claims_small, claims_large) == (small, 4 * small)
    assert lines_large < 5 * lines_small, (lines_small, lines_large)
