"""The case file: one SQLite file per investigation, and `Case`, the API over it.

    >>> from workbench.case import Case
    >>> with Case.open("story.case") as case:
    ...     case.add_article("sample_articles/mamlouk-visits-cairo.txt")
    ...     case.claims().to_frame()

Records returned by reads are frozen dataclasses (`workbench.case.records`); lists of them
are `Records`, a list with `.to_frame()`. Corroboration is analysis (`workbench.analysis`).
"""

from .api import Case
from .dump import dump_tables, restore_tables
from .migrations import FORMAT_VERSION
from .records import (
    CaseActor,
    CaseArticle,
    CaseClaim,
    CaseEvent,
    CaseMention,
    CaseRelation,
    HistoryEntry,
    Note,
    Records,
    SourceLink,
)

__all__ = [
    "FORMAT_VERSION",
    "Case",
    "CaseActor",
    "CaseArticle",
    "CaseClaim",
    "CaseEvent",
    "CaseMention",
    "CaseRelation",
    "HistoryEntry",
    "Note",
    "Records",
    "SourceLink",
    "dump_tables",
    "restore_tables",
]
