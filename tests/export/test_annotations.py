"""W3C Web Annotations: quote and position selectors that find their span again after the
text changes (re-extraction with other normalisation, an edited page, a re-import)."""

from __future__ import annotations

import json

from workbench.export import export_case
from workbench.export.annotations import anchor, annotation_collection, selectors

MOTIVATIONS = {"assessing", "bookmarking", "classifying", "commenting", "describing",
               "editing", "highlighting", "identifying", "linking", "moderating",
               "questioning", "replying", "tagging"}  # fmt: skip


def _items(story):
    return annotation_collection(story)["first"]["items"]


def test_collection_holds_one_annotation_per_claim_and_mention(story, tmp_path):
    path = export_case(story, tmp_path / "story.annotations.json")
    data = json.loads(path.read_text())
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    claims = [c for c in story.claims() if c.review.value != "rejected"]
    mentions = [m for m in story.mentions() if story.actor(m.actor_id).status.value != "rejected"]
    assert data["total"] == len(items) == len(claims) + len(mentions)
    for item in items:
        assert item["type"] == "Annotation" and item["motivation"] in MOTIVATIONS
        assert all(b["purpose"] in MOTIVATIONS for b in item["body"])
        kinds = [s["type"] for s in item["target"]["selector"]]
        assert kinds == ["TextQuoteSelector", "TextPositionSelector"]


def test_selectors_anchor_on_the_text_they_came_from(story):
    texts = {a.id: a.text for a in story.articles()}
    for claim in story.claims():
        found = anchor(
            texts[claim.article_id], selectors(texts[claim.article_id], claim.start, claim.end)
        )
        assert found == (claim.start, claim.end)


def test_spans_survive_a_changed_text(story):
    """The text a re-extraction or a re-import gives: a new first line and whitespace
    collapsed. Offsets no longer hold; every quote is found again where it now is."""
    by_source = {}
    for article in story.articles():
        by_source[article.url or f"urn:workbench:{story.path.stem}:article:{article.id}"] = article
    moved = 0
    for item in _items(story):
        article = by_source[item["target"]["source"]]
        changed = "Updated on Tuesday with a correction.\n\n" + article.text.replace("  ", " ")
        quote, position = item["target"]["selector"]
        start, end = anchor(changed, item["target"]["selector"])
        assert changed[start:end] == quote["exact"]
        assert start != position["start"]
        moved += 1
    assert moved == len(_items(story))


def test_prefix_and_suffix_choose_between_repeated_quotes():
    text = "Reuters said the talks failed. Later AFP said the talks failed, citing aides."
    second = text.rindex("the talks failed")
    chosen = selectors(text, second, second + len("the talks failed"))
    edited = "Breaking. " + text.replace("Reuters said", "Reuters, the agency, said")
    start, end = anchor(edited, chosen)
    assert edited[start:end] == "the talks failed"
    assert edited[start - 9 : start] == "AFP said "  # the second one, not the first


def test_a_quote_no_longer_in_the_text_is_not_anchored():
    text = "The minister said the border would stay closed."
    chosen = selectors(text, 18, 46)
    assert anchor("The minister said nothing.", chosen) is None
