"""TimelineJS JSON: the documented structure, dates at their precision, escaped text."""

from __future__ import annotations

import json

import jsonschema

from workbench.export import export_case

DATE = {
    "type": "object",
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
    },
    "required": ["year"],
    "additionalProperties": False,
}
TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
# https://timeline.knightlab.com/docs/json-format.html
TIMELINE_SCHEMA = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": {"text": TEXT}},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "text"],
                "properties": {
                    "start_date": DATE,
                    "end_date": DATE,
                    "text": TEXT,
                    "group": {"type": "string"},
                    "display_date": {"type": "string"},
                    "unique_id": {"type": "string"},
                },
            },
        },
    },
}


def test_timeline_json_follows_the_format(story, tmp_path):
    data = json.loads(export_case(story, tmp_path / "t.timeline.json").read_text("utf-8"))
    jsonschema.validate(data, TIMELINE_SCHEMA)
    events = data["events"]
    assert [e["text"]["headline"] for e in events] == [
        "Aramco halted oil shipments",
        "Saudi Arabia condemned the visit",
        "Mamlouk met Khaled Fawzy",
    ]
    approximate, month, day = events
    assert approximate["start_date"] == {"year": 2016, "month": 10, "day": 1}
    assert approximate["end_date"] == {"year": 2016, "month": 10, "day": 10}
    assert approximate["display_date"] == "early this month"
    assert month["start_date"] == {"year": 2016, "month": 10} and "end_date" not in month
    assert month["group"] == "corroborated"
    assert day["start_date"] == {"year": 2016, "month": 10, "day": 16}
    assert "Khaled Fawzy" in day["text"]["text"]


def test_timeline_text_is_escaped_html(hostile, tmp_path):
    path = export_case(hostile, tmp_path / "t.json", format="timelinejs")
    data = json.loads(path.read_text("utf-8"))
    jsonschema.validate(data, TIMELINE_SCHEMA)
    event = data["events"][0]
    assert event["text"]["headline"] == "&lt;script&gt;alert(6)&lt;/script&gt; met"
    assert "<img" not in event["text"]["text"] and "&lt;img" in event["text"]["text"]
    assert "<script" not in path.read_text("utf-8")
