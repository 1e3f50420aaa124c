"""Outlets named by their description only: the gazetteer's country, kind and ownership,
and `outlet_descriptions.csv` where a country has several of a kind."""

from __future__ import annotations

from workbench.extract.outlet_descriptions import outlet_described
from workbench.model import Article


def _name(outlet):
    return outlet.name if outlet is not None else None


def test_the_one_outlet_of_its_country_and_kind():
    assert _name(outlet_described("Egypt", "agency", frozenset({"state"}))) == (
        "Middle East News Agency"
    )
    assert _name(outlet_described("Syria", "agency", frozenset())) == "Syrian Arab News Agency"


def test_words_of_standing_single_one_out_or_name_nobody():
    assert _name(outlet_described("Iran", "agency", frozenset({"official"}))) == (
        "Islamic Republic News Agency"
    )
    assert outlet_described("Iran", "agency", frozenset({"semi-official"})) is None  # four
    assert outlet_described("Egypt", "newspaper", frozenset({"state-owned"})) is None  # three
    assert outlet_described("Iran", "agency", frozenset()) is None


def _extract(extractor, text):
    extraction = extractor.extract(Article(id="t", text=text, published="2019-09-20"))
    return extraction, {a.id: a for a in extraction.actors}


def test_a_described_outlet_citing_a_source_is_the_channel(extractor):
    extraction, by_id = _extract(
        extractor,
        "Turkey's state-run news agency, citing security sources, said two suspects "
        "had been detained.",
    )
    (claim,) = extraction.claims
    assert [by_id[c].name for c in claim.channels] == ["Anadolu Agency"]
    assert claim.speaker is None and claim.speaker_text == "security sources"
    # the country keeps its own mention; the outlet's is the description after it
    outlet = next(a for a in extraction.actors if a.name == "Anadolu Agency")
    assert [m.text for m in outlet.mentions] == ["state-run news agency"]
    assert any(a.name == "Turkey" for a in extraction.actors)


def test_a_named_outlet_is_not_described_twice(extractor):
    extraction, _ = _extract(
        extractor, "Syria's state news agency SANA reported that the talks had ended."
    )
    sana = next(a for a in extraction.actors if a.name == "Syrian Arab News Agency")
    assert [m.text for m in sana.mentions] == ["SANA"]
