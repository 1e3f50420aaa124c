"""Rows of this package as pandas DataFrames (pandas is imported only when asked for)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


def to_frame(rows: Iterable[Any]) -> pd.DataFrame:
    """A DataFrame of any list of rows from this package (one column per field)."""
    import pandas as pd

    rows = list(rows)
    return pd.DataFrame([asdict(r) for r in rows]) if rows else pd.DataFrame()


__all__ = ["to_frame"]
