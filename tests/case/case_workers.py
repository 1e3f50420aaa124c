"""Functions run in child processes by the reliability tests (importable under spawn)."""

from __future__ import annotations

import dataclasses
import os

from case_builders import first_extraction

from workbench import Case
from workbench.model import Extraction


def numbered_extraction(number: int) -> Extraction:
    """The first report, made distinct by a suffix after its text (offsets stay valid)."""
    extraction = first_extraction()
    article = dataclasses.replace(
        extraction.article,
        id=f"copy-{number}",
        text=extraction.article.text + f" (copy {number})",
    )
    return dataclasses.replace(extraction, article=article)


def _log(log_path: str, line: str) -> None:
    # one line per committed action, on disk before we go on: the parent trusts these
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(line + "\n")
        log.flush()
        os.fsync(log.fileno())


def add_articles(case_path: str, start: int, count: int, log_path: str) -> None:
    with Case.open(case_path) as case:
        for number in range(start, start + count):
            article = case.add_extraction(numbered_extraction(number))
            _log(log_path, article.id)


def add_notes(case_path: str, label: str, count: int, log_path: str) -> None:
    with Case.open(case_path) as case:
        claims = [c.id for c in case.claims()]
        for number in range(count):
            claim_id = claims[number % len(claims)]
            note = case.add_note(claim_id, f"{label} {number}")
            case.set_claim_status(claim_id, "in_progress" if number % 2 else "disputed")
            _log(log_path, note.id)
