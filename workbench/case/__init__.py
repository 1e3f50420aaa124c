"""The case file: one SQLite file per investigation, and `CaseFile`, the store's API over it.

The case package is the store (records, edits, audit, undo, migrations, dump/restore); it
runs neither ingest nor extraction. Most callers want `workbench.Case`, which adds them:

    >>> from workbench import Case
    >>> with Case.open("story.case") as case:
    ...     case.add_article("sample_articles/mamlouk-visits-cairo.txt")
    ...     case.claims().to_frame()

Records returned by reads are frozen dataclasses (`workbench.case.records`); lists of them
are `Records`, a list with `.to_frame()`. Corroboration and similar claims are analysis
(`workbench.analysis`).
"""

from .api import ArticleExtractor, CaseFile
from .dump import dump_tables, restore_tables
from .knowledge import Knowledge, KnownActor, read_knowledge
from .migrations import FORMAT_VERSION
from .records import (
    CaseActor,
    CaseArticle,
    CaseClaim,
    CaseEvent,
    CaseMention,
    CaseRelation,
    ChannelKind,
    HistoryEntry,
    Note,
    Records,
    SourceLink,
)
from .versions import StaleEditError

__all__ = [
    "FORMAT_VERSION",
    "ArticleExtractor",
    "CaseFile",
    "CaseActor",
    "CaseArticle",
    "CaseClaim",
    "CaseEvent",
    "CaseMention",
    "CaseRelation",
    "ChannelKind",
    "HistoryEntry",
    "Knowledge",
    "KnownActor",
    "Note",
    "Records",
    "SourceLink",
    "StaleEditError",
    "dump_tables",
    "read_knowledge",
    "restore_tables",
]
