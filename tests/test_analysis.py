"""The pure data-shaping functions, on a two-article case built without spaCy."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from analysis_builders import actor_id, build_story_case, claim_id

from workbench.analysis import (
    ATTRIBUTION,
    case_summary,
    claim_rows,
    event_span,
    network_data,
    source_rows,
    timeline_rows,
    to_frame,
)
from workbench.dates import DateError
from workbench.model import Precision


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    case = build_story_case(tmp_path_factory.mktemp("story") / "story.case")
    yield case
    case.close()


@pytest.fixture
def fresh_story(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    yield case
    case.close()


def ids(story, *names):
    return {actor_id(story, n) for n in names}


def edge_set(data):
    return {(e.source, e.target, e.kind) for e in data.edges}


# --- dates ------------------------------------------------------------------------------


def test_partial_dates_become_the_days_they_cover():
    assert event_span("2016-10", Precision.MONTH, None) == (date(2016, 10, 1), date(2016, 10, 31))
    assert event_span("2016-02", Precision.MONTH, None)[1] == date(2016, 2, 29)
    assert event_span("2016", Precision.YEAR, None) == (date(2016, 1, 1), date(2016, 12, 31))
    assert event_span("2016-10-16", Precision.DAY, None) == (date(2016, 10, 16), date(2016, 10, 16))
    assert event_span("2016-10-01", Precision.APPROXIMATE, "2016-10-10") == (
        date(2016, 10, 1),
        date(2016, 10, 10),
    )
    with pytest.raises(DateError):
        event_span("October", Precision.MONTH, None)


# --- network ----------------------------------------------------------------------------


def test_network_has_interactions_and_attribution_chains(story):
    data = network_data(story)
    mamlouk, fawzy, cairo, sisi = (actor_id(story, n) for n in (
        "Ali Mamlouk", "Khaled Fawzy", "Cairo", "Abdel Fattah el-Sisi"))  # fmt: skip
    sana, afp, mee, akhbar = (actor_id(story, n) for n in (
        "SANA", "AFP", "Middle East Eye", "Al-Akhbar"))  # fmt: skip
    unnamed = f"unnamed:{claim_id(story, 'Egyptian officials')}"
    edges = edge_set(data)
    assert {(mamlouk, fawzy, "met"), (sisi, mamlouk, "received")} <= edges
    # the unnamed source told AFP, relayed by Middle East Eye, in the article
    assert {
        (unnamed, afp, ATTRIBUTION),
        (afp, mee, ATTRIBUTION),
        (mee, "visit", ATTRIBUTION),
        (sana, "visit", ATTRIBUTION),
        (akhbar, "sisi", ATTRIBUTION),
    } <= edges
    # links a person made: AFP reported it, Al-Akhbar contradicts it
    assert {(afp, "visit", "reported_by"), (akhbar, "visit", "contradicts")} <= edges
    weights = {(e.source, e.target, e.kind): e.weight for e in data.edges}
    assert weights[(mamlouk, cairo, "visited")] == 2  # once in each article
    node = data.node(unnamed)
    assert node is not None and node.label == "A Syrian political source"
    assert node.type == "unnamed"
    assert data.node("visit").type == "article"
    assert data.neighbours(afp) == {unnamed, mee, "visit"}


def test_network_nodes_carry_plain_titles_weights_and_status(story):
    data = network_data(story)
    mamlouk = data.node(actor_id(story, "Ali Mamlouk"))
    assert mamlouk.status == "confirmed"
    assert mamlouk.weight == 2  # mentions
    assert mamlouk.title.startswith("Ali Mamlouk (person)")
    assert "status: confirmed" in mamlouk.title
    assert "<" not in mamlouk.title
    assert data.node("visit").weight == 3  # 1 + its two claims


def test_rejected_actor_is_not_in_the_network(story):
    data = network_data(story)
    aramco = actor_id(story, "Aramco")
    assert data.node(aramco) is None
    assert all(aramco not in (e.source, e.target) for e in data.edges)


def test_network_date_range_places_claims_as_the_timeline_does(story):
    # the sisi article (published in November) holds relations, and one claim whose own
    # date is October 2016: in November its relations stay and its claim goes
    data = network_data(story, date_range=("2016-11", "2016-11"))
    node_ids = {n.id for n in data.nodes}
    assert "sisi" not in node_ids and "visit" not in node_ids
    assert actor_id(story, "Abdel Fattah el-Sisi") in node_ids
    october = network_data(story, date_range=("2016-10-18", "2016-10-31"))
    assert (actor_id(story, "Al-Akhbar"), "sisi", ATTRIBUTION) in edge_set(october)
    assert "visit" not in {n.id for n in october.nodes}  # its claims are dated 2016-10-17
    assert actor_id(story, "Khaled Fawzy") not in node_ids
    weights = {(e.source, e.target, e.kind): e.weight for e in data.edges}
    assert weights[(actor_id(story, "Ali Mamlouk"), actor_id(story, "Cairo"), "visited")] == 1


def test_network_focus_on_actors_keeps_their_edges_and_neighbours(story):
    fawzy = actor_id(story, "Khaled Fawzy")
    data = network_data(story, actor_ids=[fawzy])
    assert edge_set(data) == {(actor_id(story, "Ali Mamlouk"), fawzy, "met")}
    assert {n.id for n in data.nodes} == ids(story, "Ali Mamlouk", "Khaled Fawzy")


def test_network_min_weight_drops_light_edges_and_loose_articles(story):
    data = network_data(story, min_weight=2)
    assert edge_set(data) == {(actor_id(story, "Ali Mamlouk"), actor_id(story, "Cairo"), "visited")}
    types = {n.type for n in data.nodes}
    assert "article" not in types and "unnamed" not in types
    assert data.node(actor_id(story, "Khaled Fawzy")) is not None  # actors stay


def test_rejected_claim_leaves_the_network_and_the_claim_list(fresh_story):
    claim = claim_id(fresh_story, "Egyptian officials")
    fresh_story.update_claim(claim, review="rejected")
    assert claim not in {r.claim_id for r in claim_rows(fresh_story)}
    assert network_data(fresh_story).node(f"unnamed:{claim}") is None


# --- timeline ---------------------------------------------------------------------------


def test_timeline_rows_are_ranges_in_order(story):
    rows = timeline_rows(story)
    assert [(r.start, r.end, r.precision) for r in rows] == [
        (date(2016, 10, 1), date(2016, 10, 10), "approximate"),
        (date(2016, 10, 1), date(2016, 10, 31), "month"),
        (date(2016, 10, 16), date(2016, 10, 16), "day"),
    ]
    aramco_event, condemned, met = rows
    assert aramco_event.actors == ()  # Aramco was rejected
    assert aramco_event.date_text == "early this month"
    assert condemned.claim_id == claim_id(story, "received")
    assert condemned.claim_status == "corroborated"
    assert condemned.article_title == "Sisi receives Syrian envoy"
    assert met.label == "Mamlouk met Khaled Fawzy"
    assert met.actor_names == ("Ali Mamlouk", "Khaled Fawzy")


def test_timeline_filters(story):
    labels = lambda rows: [r.label for r in rows]  # noqa: E731
    in_range = timeline_rows(story, date_range=(date(2016, 10, 15), "2016-10-20"))
    assert labels(in_range) == ["Saudi Arabia condemned the visit", "Mamlouk met Khaled Fawzy"]
    fawzy = actor_id(story, "Khaled Fawzy")
    assert labels(timeline_rows(story, actor_ids={fawzy})) == ["Mamlouk met Khaled Fawzy"]
    assert labels(timeline_rows(story, status="corroborated")) == [
        "Saudi Arabia condemned the visit"
    ]
    assert timeline_rows(story, status=["false", "disputed"]) == []


# --- claims, sources, summary -----------------------------------------------------------


def test_claim_rows_carry_speaker_channels_links_notes_and_flags(story):
    rows = {r.claim_id: r for r in claim_rows(story)}
    unnamed = rows[claim_id(story, "Egyptian officials")]
    assert unnamed.speaker is None
    assert unnamed.speaker_label == "A Syrian political source"
    assert unnamed.channel_names == ("AFP", "Middle East Eye")
    assert unnamed.status == "disputed"
    assert [(k.relation, k.label, k.note) for k in unnamed.links] == [
        ("reported_by", "AFP", "AFP wire, 17 Oct"),
        ("contradicts", "Al-Akhbar", None),
    ]
    assert unnamed.notes == ("only an unnamed source",)
    assert "unnamed_source_only" in unnamed.flags and "contradicted" in unnamed.flags
    received = rows[claim_id(story, "received")]
    assert received.links[0].label == "https://example.org/sisi"
    assert str(received.published) == "2016-11-02"
    assert len(received.independent_sources) >= 2  # Al-Akhbar and the linked site


def test_claim_rows_filters(story):
    def claims(**options):
        return {r.claim_id for r in claim_rows(story, **options)}

    officials, received, stances = (
        claim_id(story, t) for t in ("Egyptian officials", "received", "stances")
    )
    assert claims() == {officials, received, stances}
    assert claims(status="disputed") == {officials}
    assert claims(status=["corroborated", "unverified"]) == {received, stances}
    assert claims(speaker=actor_id(story, "SANA")) == {stances}
    assert claims(outlet=actor_id(story, "Middle East Eye")) == {officials}
    # a channel, or a source a person linked
    assert claims(outlet=actor_id(story, "Al-Akhbar")) == {received, officials}
    # placed as the timeline draws them: "received" has a date of its own (October 2016,
    # its event), the others their article's publication day (2016-10-17)
    assert claims(date_range=("2016-11-01", None)) == set()
    assert claims(date_range=(None, "2016-10-31")) == {officials, received, stances}
    assert claims(date_range=("2016-10-17", "2016-10-17")) == {officials, received, stances}
    assert claims(date_range=("2016-10-18", "2016-10-31")) == {received}


def test_source_rows_know_outlets_and_their_claims(story):
    rows = {r.name: r for r in source_rows(story)}
    assert set(rows) == {"SANA", "AFP", "Middle East Eye", "Al-Akhbar"}
    sana = rows["SANA"]
    assert (sana.country, sana.kind, sana.state_run) == ("Syria", "agency", True)
    assert rows["AFP"].state_run is False
    assert rows["AFP"].claims == (claim_id(story, "Egyptian officials"),)  # no duplicate
    akhbar = rows["Al-Akhbar"]
    assert akhbar.claims == (claim_id(story, "received"),)
    assert akhbar.contradicts == (claim_id(story, "Egyptian officials"),)


def test_case_summary_counts(story):
    summary = case_summary(story)
    assert (summary.articles, summary.actors, summary.claims, summary.events) == (2, 9, 3, 3)
    assert summary.actors_to_review == 8  # one confirmed, one rejected (not counted)
    assert (summary.claims_checked, summary.claims_open, summary.claims_disputed) == (2, 1, 1)
    assert summary.claims_by_status["corroborated"] == 1
    assert sum(summary.claims_by_status.values()) == summary.claims
    assert (summary.source_links, summary.notes) == (3, 2)


def test_rows_become_frames(story):
    frame = to_frame(claim_rows(story))
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == 3 and {"claim_id", "status", "flags"} <= set(frame.columns)
    assert to_frame([]).empty


def test_one_sentence_naming_a_date_twice_is_one_timeline_row(tmp_path):
    from workbench import Case
    from workbench.model import Article, Event, Extraction

    text = "In August 2015 Mamlouk travelled to Egypt in August 2015. He left in 2016."
    sentence = text[: text.index(".") + 1]
    events = (
        Event("e1", "2015-08", "month", "August 2015", 3, 14, summary=sentence),
        Event("e2", "2015-08", "month", "August 2015", 45, 56, summary=sentence),
        Event("e3", "2016", "year", "2016", 69, 73, summary="He left in 2016."),
    )
    assert [text[e.start : e.end] for e in events] == ["August 2015", "August 2015", "2016"]
    with Case.open(tmp_path / "t.case") as case:
        case.add_extraction(
            Extraction(article=Article(id="t", text=text, published="2016-10-17"), events=events)
        )
        rows = timeline_rows(case)
    assert [r.date_text for r in rows] == ["August 2015", "2016"]
