"""The JSON Schemas shipped with the package: `workbench.extraction/1` (what `extract`
writes) and `workbench.case-export/1` (what `case export` writes and `case import` reads)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

EXTRACTION_SCHEMA_FILE = "extraction-1.json"
CASE_EXPORT_SCHEMA_FILE = "case-export-1.json"
# how much of a refused value a one-line message quotes
_SHOWN_CHARS = 160


@lru_cache(maxsize=1)
def extraction_schema() -> dict[str, Any]:
    return json.loads(resources.files(__name__).joinpath(EXTRACTION_SCHEMA_FILE).read_text("utf-8"))


@lru_cache(maxsize=1)
def case_export_schema() -> dict[str, Any]:
    text = resources.files(__name__).joinpath(CASE_EXPORT_SCHEMA_FILE).read_text("utf-8")
    return json.loads(text)


def case_export_problem(data: Any) -> str | None:
    """Why `data` is not a valid case export, in one line (where, and what is wrong); None
    when it is one. Every problem found is counted, the first (in document order) told."""
    import jsonschema

    validator_class = jsonschema.validators.validator_for(case_export_schema())
    validator = validator_class(case_export_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if not errors:
        return None
    first = jsonschema.exceptions.best_match(errors) or errors[0]
    where = first.json_path
    message = " ".join(first.message.split())
    if len(message) > _SHOWN_CHARS:
        message = message[: _SHOWN_CHARS - 1] + "\u2026"
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}"


def validate_extraction(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `data` is a valid extraction/1 object,
    including the offset rule: article.text[start:end] equals each span's text."""
    import jsonschema

    jsonschema.validate(data, extraction_schema())
    text = data["article"]["text"]
    spans = [(m, "text") for a in data["actors"] for m in a["mentions"]]
    spans += [(c, "text") for c in data["claims"]]
    spans += [(e, "date_text") for e in data["events"]]
    for span, key in spans:
        if text[span["start"] : span["end"]] != span[key]:
            raise jsonschema.ValidationError(
                f"offsets {span['start']}:{span['end']} do not give {span[key]!r}"
            )
    ids = {a["id"] for a in data["actors"]}
    claim_ids = {c["id"] for c in data["claims"]}
    for claim in data["claims"]:
        for ref in [claim["speaker"], *claim["channels"]]:
            if ref is not None and ref not in ids:
                raise jsonschema.ValidationError(f"claim {claim['id']} names unknown actor {ref}")
    for event in data["events"]:
        unknown = set(event["actors"]) - ids
        if unknown or (event["claim"] is not None and event["claim"] not in claim_ids):
            raise jsonschema.ValidationError(f"event {event['id']} names an unknown actor or claim")
    for rel in data["relations"]:
        if rel["source"] not in ids or rel["target"] not in ids:
            raise jsonschema.ValidationError(f"relation {rel} names an unknown actor")
