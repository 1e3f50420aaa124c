"""A web address on an outlet's site counts as that outlet: a claim linked to SANA and to
a sana.sy page has one source, and the sana.sy link counts for SANA in the Sources table."""

from __future__ import annotations

from pathlib import Path

from workbench.analysis import claim_sources, source_rows
from workbench.analysis.web_sources import actor_of_url, outlet_of_url
from workbench.case.records import CaseActor, CaseArticle, CaseClaim, SourceLink
from workbench.model import ActorType, ClaimKind, SourceRelation

SANA = CaseActor(id="A1", name="Syrian Arab News Agency", type=ActorType.MEDIA, aliases=("SANA",))
RUDAW = CaseActor(id="A2", name="Rudaw", type=ActorType.MEDIA)  # not in the gazetteer
SPEAKER = CaseActor(id="A3", name="Ali Mamlouk", type=ActorType.PERSON)
CLAIM = CaseClaim(
    id="C1",
    text="he made an official visit",
    start=0,
    end=25,
    kind=ClaimKind.DIRECT,
    speaker="A3",
    channels=("A1",),
    article_id="art",
)


def link(link_id: str, url: str, relation=SourceRelation.CORROBORATES) -> SourceLink:
    return SourceLink(id=link_id, claim_id="C1", relation=relation, url=url)


class Reader:
    """The few records of a case, read as analysis reads a case."""

    path = Path("test.case")

    def __init__(self, links: list[SourceLink]) -> None:
        self._links = links

    def articles(self):
        return [CaseArticle(id="art", text="he made an official visit")]

    def actors(self):
        return [SANA, RUDAW, SPEAKER]

    def claims(self, *, article_id=None, include_rejected=False):
        return [CLAIM]

    def links(self, claim_id=None):
        return self._links

    def notes(self, target_id=None):
        return []

    def events(self, *, article_id=None):
        return []

    def relations(self, *, article_id=None):
        return []

    def mentions(self, *, article_id=None):
        return []


def test_an_address_names_its_outlet_by_its_host():
    assert outlet_of_url("https://sana.sy/en/?p=123").name == "Syrian Arab News Agency"
    assert outlet_of_url("http://www.middleeasteye.net/news/x").name == "Middle East Eye"
    assert outlet_of_url("https://english.alarabiya.net/a").name == "Al Arabiya"
    assert outlet_of_url("https://www.bbc.co.uk/news/1").name == "BBC"
    assert outlet_of_url("https://example.com/sana") is None
    actors = [SANA, RUDAW, SPEAKER]
    assert actor_of_url("https://www.rudaw.net/english/1", actors) is RUDAW  # by its name
    assert actor_of_url("https://sana.sy/en/?p=1", actors) is SANA  # by the gazetteer
    assert actor_of_url("https://example.org/", actors) is None


def test_an_outlet_and_its_site_are_one_source():
    sources = claim_sources(
        CLAIM, links=[link("L1", "https://sana.sy/en/?p=1")], actors=[SANA, SPEAKER]
    )
    assert sources.independent == ("Syrian Arab News Agency",)
    assert "single_source" in sources.flags and "state_media_only" in sources.flags
    other = claim_sources(
        CLAIM, links=[link("L1", "https://www.reuters.com/world/x")], actors=[SANA, SPEAKER]
    )
    assert other.independent_count == 2  # Reuters is another voice, named as an outlet
    assert "Reuters" in other.independent


def test_a_link_to_an_outlets_site_counts_for_that_outlet():
    links = [
        link("L1", "https://sana.sy/en/?p=1", SourceRelation.REPORTED_BY),
        link("L2", "https://www.rudaw.net/english/1"),
        link("L3", "https://example.com/blog"),
    ]
    rows = {r.name: r for r in source_rows(Reader(links))}
    assert rows["Syrian Arab News Agency"].claims == ("C1",)  # its channel and its page: once
    assert rows["Rudaw"].corroborates == ("C1",)
