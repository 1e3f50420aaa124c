"""ClaimReview JSON-LD: expanded by pyld (offline) and checked against schema.org's vocabulary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyld import jsonld

from workbench.export import export_case
from workbench.export.claimreview import claimreview_document

VOCAB = json.loads((Path(__file__).parent / "data" / "schemaorg-subset.json").read_text())
SDO = "https://schema.org/"
# the schema.org context, reduced to what matters for expansion: every term is a schema.org IRI
CONTEXT = {"@context": {"@vocab": SDO}}


def _offline_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise AssertionError(f"the test asked the network for {url}")


def _ancestors(name: str) -> set[str]:
    found = {name}
    for parent in VOCAB["classes"].get(name, []):
        found |= _ancestors(parent)
    return found


def _fits(value: dict, ranges: list[str]) -> bool:
    if "@value" in value:
        literal = value["@value"]
        if isinstance(literal, bool):
            return False
        if isinstance(literal, int | float):
            return bool({"Number", "Integer"} & set(ranges))
        if {"Text", "URL"} & set(ranges):
            return True
        return bool({"Date", "DateTime"} & set(ranges)) and literal[:4].isdigit()
    if "@id" in value and "@type" not in value:
        return "URL" in ranges
    types = [t.removeprefix(SDO) for t in value.get("@type", [])]
    return any(set(ranges) & _ancestors(t) for t in types)


def schema_org_errors(document: dict) -> list[str]:
    """What in `document` schema.org's vocabulary does not allow (empty when valid)."""
    errors: list[str] = []

    def walk(node: dict, where: str) -> None:
        types = [t.removeprefix(SDO) for t in node.get("@type", [])]
        for t in types:
            if t not in VOCAB["classes"]:
                errors.append(f"{where}: unknown type {t}")
        kinds = set().union(*(_ancestors(t) for t in types)) if types else set()
        for key, values in node.items():
            if key.startswith("@"):
                continue
            name = key.removeprefix(SDO)
            prop = VOCAB["properties"].get(name)
            if prop is None or not key.startswith(SDO):
                errors.append(f"{where}: unknown property {key}")
                continue
            if not kinds & set(prop["domain"]):
                errors.append(f"{where}: {name} is not a property of {types}")
            for value in values:
                if not _fits(value, prop["range"]):
                    errors.append(f"{where}.{name}: {value} is not one of {prop['range']}")
                if "@value" not in value:
                    walk(value, f"{where}.{name}")

    for i, node in enumerate(jsonld.expand(document, {"documentLoader": _offline_loader})):
        walk(node, f"[{i}]")
    return errors


def _reviews(story):
    return claimreview_document(story)["@graph"]


def test_each_checked_claim_is_reviewed_valid_against_schema_org(story, tmp_path):
    path = export_case(story, tmp_path / "story.claimreview.json")
    document = json.loads(path.read_text())
    assert document["@context"] == "https://schema.org"
    checked = [c for c in story.claims() if c.status.value not in ("unverified", "in_progress")]
    assert len(document["@graph"]) == len(checked) == 2
    assert schema_org_errors(document) == []


def test_the_validator_refuses_what_schema_org_does_not_allow(story):
    review = dict(_reviews(story)[0])
    review["firstAppearance"] = {"@type": "CreativeWork"}  # a Claim's property, not a review's
    review["reviewRating"] = {"@type": "Person", "name": "x"}
    review["verdict"] = "made up"
    errors = schema_org_errors({"@context": "https://schema.org", "@graph": [review]})
    assert any("firstAppearance is not a property" in e for e in errors)
    assert any("reviewRating" in e and "Rating" in e for e in errors)
    assert any("unknown property" in e and "verdict" in e for e in errors)


def test_review_says_claim_speaker_chain_verdict_and_note(story):
    by_text = {r["claimReviewed"]: r for r in _reviews(story)}
    received = next(c for c in story.claims() if "received" in c.text)
    review = by_text[received.text]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["text"] == received.text
    speaker = story.actor(received.speaker) if received.speaker else None
    if speaker is not None:
        assert item["author"]["name"] == speaker.name
    assert review["reviewRating"]["alternateName"] == "Corroborated"
    assert review["reviewRating"]["ratingValue"] == 3
    assert review["reviewBody"] == "SANA and Al-Akhbar agree"
    channels = [story.actor(a).name for a in received.channels]
    first = item["firstAppearance"]
    if channels:
        assert first["publisher"]["name"] == channels[0]
        later = [a["publisher"]["name"] for a in item["appearance"] if "publisher" in a]
        assert later[: len(channels) - 1] == channels[1:]
    assert any(a["@type"] == "NewsArticle" for a in [first, *item.get("appearance", [])])


def test_unnamed_source_claim_keeps_the_article_words_and_its_outlet_chain(story):
    disputed = next(r for r in _reviews(story) if r["reviewRating"]["alternateName"] == "Disputed")
    claim = next(c for c in story.claims() if c.text == disputed["claimReviewed"])
    assert claim.channels, "the builder's unnamed-source claim runs through AFP"
    assert (
        disputed["itemReviewed"]["firstAppearance"]["publisher"]["name"]
        == story.actor(claim.channels[0]).name
    )
    # the AFP link a person made ("reported_by") is one more appearance
    names = [a.get("publisher", {}).get("name") for a in disputed["itemReviewed"]["appearance"]]
    assert "AFP" in names


@pytest.mark.parametrize("name", ["x.claimreview.json", "x.claimreview.jsonld"])
def test_suffixes_name_the_format(name):
    from workbench.export import format_of

    assert format_of(name) == "claimreview"


def test_hostile_claims_cannot_end_the_script_a_page_embeds_them_in(hostile, tmp_path):
    path = export_case(hostile, tmp_path / "hostile.claimreview.json")
    text = path.read_text()
    assert "<" not in text and ">" not in text
    document = json.loads(text)
    assert document == claimreview_document(hostile)  # the same characters, read back
    assert "<script>" in json.dumps(document)  # the hostile note is there, escaped
    assert schema_org_errors(document) == []
