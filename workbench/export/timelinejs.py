"""The case's events as TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html).

TimelineJS renders `headline` and `text` as HTML, so every string from the case is
escaped here. Dates carry only the parts that are known: a month-precision event has no
`day`; an approximate one has an `end_date`.
"""

from __future__ import annotations

import json
import os
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from ..analysis import CaseReader, TimelineRow, timeline_rows
from .common import replacing


def _date_parts(day: date, precision: str) -> dict[str, int]:
    parts = {"year": day.year}
    if precision != "year":
        parts["month"] = day.month
    if precision == "day":
        parts["day"] = day.day
    return parts


def _event(row: TimelineRow) -> dict[str, Any]:
    # for an approximate date the range's ends are days; otherwise the precision says
    precision = "day" if row.precision == "approximate" else row.precision
    details = [f"In the article: \u201c{row.date_text}\u201d ({row.precision})"]
    if row.actor_names:
        details.append("Actors: " + ", ".join(row.actor_names))
    if row.claim_id:
        details.append(f"Reported in claim {row.claim_id}, status: {row.claim_status}")
    details.append(f"Source: {row.article_title}")
    event: dict[str, Any] = {
        "unique_id": row.event_id,
        "start_date": _date_parts(row.start, precision),
        "display_date": escape(row.date_text),
        "text": {
            "headline": escape(row.label),
            "text": "".join(f"<p>{escape(d)}</p>" for d in details),
        },
        "group": escape(row.claim_status or "no claim"),
    }
    if row.precision == "approximate" or (precision == "day" and row.end != row.start):
        event["end_date"] = _date_parts(row.end, precision)
    return event


def timeline_json(case: CaseReader, *, title: str | None = None) -> dict[str, Any]:
    rows = timeline_rows(case)
    data: dict[str, Any] = {"events": [_event(r) for r in rows]}
    name = title or case.path.stem
    data["title"] = {
        "text": {
            "headline": escape(name),
            "text": f"<p>{len(rows)} dated events from {len(case.articles())} articles</p>",
        }
    }
    return data


def write_timelinejs(case: CaseReader, path: str | os.PathLike[str]) -> Path:
    with replacing(path) as handle:
        json.dump(timeline_json(case), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return Path(path)
