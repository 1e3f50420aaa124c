"""The gazetteer data and its lookups (no spaCy needed)."""

from __future__ import annotations

import pytest

from workbench.lexicon.gazetteer import (
    MEDIA_KINDS,
    countries,
    country_info,
    country_of_capital,
    country_of_demonym,
    media_info,
    media_outlets,
    name_key,
    organization_info,
    strip_particles,
)

TERRITORIES = {"Hong Kong"}


def test_at_least_200_outlets_with_valid_fields():
    outlets = media_outlets()
    assert len(outlets) >= 200
    assert len({o.name for o in outlets}) == len(outlets)
    for outlet in outlets:
        assert outlet.kind in MEDIA_KINDS, outlet
        assert isinstance(outlet.state_run, bool)
        assert country_info(outlet.country) or outlet.country in TERRITORIES, outlet


@pytest.mark.parametrize(
    "written",
    [
        "AFP",
        "Reuters",
        "AP",
        "SANA",
        "MENA",
        "SPA",
        "WAM",
        "QNA",
        "IRNA",
        "TASS",
        "Xinhua",
        "Anadolu",
        "Petra",
        "KUNA",
        "BNA",
        "ONA",
        "Fars",
        "Tasnim",
        "Mehr",
        "ISNA",
        "EFE",
        "ANSA",
        "dpa",
        "Kyodo",
        "Yonhap",
    ]
    + [
        "RIA Novosti",
        "Associated Press",
        "Al Jazeera",
        "Al Arabiya",
        "BBC",
        "CNN",
        "Al-Akhbar",
        "Al-Ahram",
        "Asharq Al-Awsat",
        "Middle East Eye",
        "Haaretz",
        "The New York Times",
        "Washington Post",
        "Guardian",
        "Le Monde",
        "RT",
        "Press TV",
        "Al Mayadeen",
        "Al-Manar",
        "Al-Masry Al-Youm",
        "Daily News Egypt",
        "Arab News",
        "Gulf News",
        "The National",
        "Hurriyet",
        "Daily Sabah",
        "Times of Israel",
        "Jerusalem Post",
        "Wikinews",
    ],
)
def test_required_outlets_are_listed(written):
    assert media_info(written) is not None


@pytest.mark.parametrize(
    ("written", "outlet"),
    [
        ("Daily Al-Akhbar", "Al-Akhbar"),
        ("al Akhbar", "Al-Akhbar"),
        ("Al Akhbar", "Al-Akhbar"),
        ("the Middle East Eye", "Middle East Eye"),
        ("New York Times", "The New York Times"),
        ("al-Jazeera", "Al Jazeera"),
        ("Asharq al-Awsat", "Asharq Al-Awsat"),
        ("SANA", "Syrian Arab News Agency"),
    ],
)
def test_media_variants(written, outlet):
    assert media_info(written).name == outlet


def test_media_info_fields():
    sana = media_info("SANA")
    assert (sana.country, sana.kind, sana.state_run) == ("Syria", "agency", True)
    assert media_info("Reuters").state_run is False
    assert sana.to_dict()["country"] == "Syria"


def test_unknown_names_are_not_outlets():
    assert media_info("Sabah Province") is None
    assert media_info("Ali Mamlouk") is None
    assert media_info("") is None


def test_countries_demonyms_capitals():
    assert len(countries()) >= 190
    assert country_info("US").name == "United States"
    assert country_info("Britain").name == "United Kingdom"
    assert country_info("the United States").name == "United States"
    assert country_of_demonym("Syrian").name == "Syria"
    assert country_of_demonym("Syrians").name == "Syria"
    assert country_of_demonym("Saudi").name == "Saudi Arabia"
    assert country_of_demonym("Senegalese").name == "Senegal"
    assert country_of_capital("Riyadh").name == "Saudi Arabia"
    assert country_of_capital("Cairo").name == "Egypt"
    assert country_of_capital("Aleppo") is None
    assert "Kingdom" in country_info("Saudi Arabia").state_terms


def test_organizations():
    assert organization_info("E.U.").name == "European Union"
    assert organization_info("UN").name == "United Nations"
    assert organization_info("Mamlouk") is None


def test_name_keys():
    assert name_key("The Al-Akhbar") == name_key("al Akhbar")
    assert name_key("U.S.") == name_key("US")
    assert strip_particles("Daily Al-Akhbar") == "Akhbar"


def test_armed_groups_and_their_names():
    from workbench.lexicon.gazetteer import armed_group_info

    assert armed_group_info("ISIL").name == "Islamic State"
    assert armed_group_info("Islamic State of Iraq and the Levant").name == "Islamic State"
    assert armed_group_info("Houthi movement").name == "Houthis"
    assert armed_group_info("PKK").name == "Kurdistan Workers' Party"
    assert armed_group_info("Egypt") is None
