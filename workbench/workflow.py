"""Composes ingest -> extract -> case file. (Being split out of workbench.case: for now the
store's Case still does it all; import `Case` from here so callers need not change again.)"""

from .case import Case

__all__ = ["Case"]
