"""FollowTheMoney export: re-parsed by `ftm validate` (the followthemoney package's own check)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from followthemoney import model
from followthemoney.cli.cli import cli as ftm_cli

from workbench.export import export_case, format_of
from workbench.export.ftm import entity_dicts


def _export(case, tmp_path):
    return entity_dicts(export_case(case, tmp_path / "story.ftm.json"))


def test_ftm_validate_keeps_every_entity_and_value(story, tmp_path):
    path = export_case(story, tmp_path / "story.ftm.json")
    result = CliRunner().invoke(ftm_cli, ["validate", "-i", str(path)])
    assert result.exit_code == 0, result.output
    validated = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    ours = entity_dicts(path)
    assert len(validated) == len(ours) > 0

    def key(e):
        return e["id"], e["schema"], {k: sorted(v) for k, v in e["properties"].items()}

    assert sorted(map(key, validated), key=str) == sorted(map(key, ours), key=str)


def test_entities_are_complete_and_references_resolve(story, tmp_path):
    entities = _export(story, tmp_path)
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract
        proxy = model.get_proxy(data, cleaned=False)
        assert schema.validate(proxy.to_dict()) is None, data  # required properties present
        for prop, values in proxy.itervalues():
            if prop.type.name == "entity":
                assert values in ids, f"{data['schema']}.{prop.name} -> missing {values}"


def test_actors_map_to_schemas_and_rejected_ones_are_left_out(story, tmp_path):
    entities = _export(story, tmp_path)
    by_name = {e["properties"]["name"][0]: e for e in entities if e["schema"] != "Mention"
               and "name" in e["properties"]}  # fmt: skip
    assert by_name["Ali Mamlouk"]["schema"] == "Person"
    assert by_name["Saudi Arabia"]["schema"] == "PublicBody"
    assert by_name["Saudi Arabia"]["properties"]["country"] == ["sa"]
    assert by_name["SANA"]["schema"] == "Organization"
    assert by_name["Cairo"]["schema"] == "Address"
    assert "Aramco" not in by_name  # a person rejected it
    mentions = [e for e in entities if e["schema"] == "Mention"]
    stored = [m for m in story.mentions() if story.actor(m.actor_id).status.value != "rejected"]
    assert len(mentions) == len(stored)
    assert sorted(m["properties"]["name"][0] for m in mentions) == sorted(m.text for m in stored)


def test_articles_claims_and_events(story, tmp_path):
    entities = _export(story, tmp_path)
    articles = [e for e in entities if e["schema"] == "Article"]
    assert len(articles) == len(story.articles())
    assert {a["properties"]["publishedAt"][0] for a in articles} == {
        a.published.isoformat() for a in story.articles()
    }
    quoted = [e for e in entities if e["schema"] == "Documentation"
              and e["properties"]["role"] == ["quoted"]]  # fmt: skip
    spoken = [c for c in story.claims() if c.speaker and c.review.value != "rejected"]
    assert {q["properties"]["summary"][0] for q in quoted} == {c.text for c in spoken}
    events = [e for e in entities if e["schema"] == "Event"]
    assert len(events) == len(story.events())
    dates = {d for e in events for d in e["properties"].get("date", [])}
    assert "2016-10-16" in dates


def test_format_names():
    assert format_of("x.ftm.json") == format_of("x.ftm") == format_of("x", format="ftm") == "ftm"
    assert format_of("x", format="followthemoney") == "ftm"


def test_without_followthemoney_the_export_says_how_to_get_it(tmp_path, monkeypatch):
    """followthemoney is an extra (it builds PyICU): a plain install gets one clear line."""
    import sys

    from workbench.export import ExportError
    from workbench.export.ftm import _Builder

    monkeypatch.setitem(sys.modules, "followthemoney", None)  # import now fails
    with pytest.raises(ExportError, match=r"pip install 'workbench\[ftm\]'"):
        _Builder("x")
