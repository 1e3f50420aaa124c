"""The JSON Schema of `workbench.extraction/1`, shipped with the package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

EXTRACTION_SCHEMA_FILE = "extraction-1.json"


@lru_cache(maxsize=1)
def extraction_schema() -> dict[str, Any]:
    return json.loads(resources.files(__name__).joinpath(EXTRACTION_SCHEMA_FILE).read_text("utf-8"))


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
