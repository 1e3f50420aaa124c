"""The timeline's items: every claim placed, lanes, the default period, labels that do not
run into each other, and one date rule for the brush, the claims list and the network."""

from __future__ import annotations

import datetime

import pytest
from analysis_builders import actor_id, build_story_case, claim_id, extraction

from workbench import Case
from workbench.analysis import claim_dates, claim_in_range, claim_rows, network_data
from workbench.analysis.periods import range_bounds
from workbench.analysis.timeline_items import (
    BY_ARTICLE,
    MIN_ROOM,
    OTHER_LANE,
    Placement,
    TimelineItem,
    dense_period,
    in_brush,
    label_anchor,
    label_reach,
    label_scales,
    label_stops,
    label_width,
    lane_map,
    lanes,
    outside,
    place_labels,
    right_room,
    timeline_items,
)

D = datetime.date


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    case = build_story_case(tmp_path_factory.mktemp("story") / "story.case")
    yield case
    case.close()


def item(item_id: str, day: D, *, actor: str = "A", label: str = "x", end: D | None = None):
    return TimelineItem(
        id=item_id, kind="event", start=day, end=end or day, by_publication=False, label=label,
        text=label, date_text="", precision="day", actors=(actor,), actor_names=(actor,),
        claim_id=None, claim_status=None, article_id="art", article_title="Article",
    )  # fmt: skip


def test_every_claim_is_placed_on_its_own_date_or_its_article_s(story):
    items = {i.id: i for i in timeline_items(story)}
    stances, officials, received = (
        claim_id(story, t) for t in ("stances", "Egyptian officials", "received")
    )
    # no date of their own: on the publication day of their article, marked so
    for claim in (stances, officials):
        placed = items[claim]
        assert (placed.kind, placed.start, placed.by_publication) == (
            "claim",
            D(2016, 10, 17),
            True,
        )
    assert items[officials].claim_status == "disputed"  # the disputed one is there too
    # "received" is reported by an event (October 2016): drawn once, as that event
    reporting = [i for i in items.values() if i.claim_id == received]
    assert len(reporting) == 1 and reporting[0].kind == "event"
    assert (reporting[0].start, reporting[0].end) == (D(2016, 10, 1), D(2016, 10, 31))
    assert not reporting[0].by_publication
    placed = claim_dates(story)
    assert placed[received].event_id == reporting[0].id and not placed[received].by_publication


def test_a_claim_with_no_date_anywhere_is_in_no_range(tmp_path):
    case = Case.open(tmp_path / "undated.case")
    text = "Nothing dated\n\nSANA said the talks went well."
    case.add_extraction(
        extraction("undated", text, published=None, actors=[("SANA", "media")],
                   claims=[("the talks went well", "SANA", None, ["SANA"])])
    )  # fmt: skip
    claim = case.claims()[0]
    assert claim.id not in claim_dates(case)
    assert claim_in_range(None, None) and not claim_in_range(None, range_bounds((None, None)))
    assert [r.claim_id for r in claim_rows(case)] == [claim.id]
    assert claim_rows(case, date_range=(None, "2030")) == []
    assert timeline_items(case) == []
    case.close()


@pytest.mark.parametrize(
    "date_range",
    [("2016-10-17", "2016-10-17"), ("2016-10-18", "2016-10-31"), ("2016-11", "2016-11"),
     ("2016-10-01", "2016-10-05"), (None, "2016-09-30"), ("2016-01", "2017-12")],
)  # fmt: skip
def test_a_brush_keeps_the_claims_it_is_drawn_to_keep(story, date_range):
    """The claims list and the network keep exactly the claims whose timeline items the
    brush keeps (the chart fades the rest by the same rule)."""
    bounds = range_bounds(date_range)
    on_timeline = {i.claim_id for i in timeline_items(story) if i.claim_id and in_brush(i, bounds)}
    listed = {r.claim_id for r in claim_rows(story, date_range=date_range)}
    assert listed == on_timeline
    in_network = {c for e in network_data(story, date_range=date_range).edges for c in e.claims}
    assert in_network == on_timeline


def test_a_brush_excludes_what_it_excludes(story):
    # the disputed claim has no date of its own: a brush after its publication day drops it
    officials = claim_id(story, "Egyptian officials")
    kept = {r.claim_id for r in claim_rows(story, date_range=("2016-10-18", "2016-12-31"))}
    assert officials not in kept


def test_items_of_one_actor_or_one_article(story):
    sisi = actor_id(story, "Abdel Fattah el-Sisi")
    assert {i.article_id for i in timeline_items(story, article_id="sisi")} == {"sisi"}
    saudi = actor_id(story, "Saudi Arabia")
    assert [i.label for i in timeline_items(story, actor_ids=[saudi])] == [
        "Saudi Arabia condemned the visit"
    ]
    assert timeline_items(story, actor_ids=[sisi]) == []  # named in no dated item


def test_lanes_by_actor_or_article_most_items_first_the_rest_together():
    items = [item(f"i{n}", D(2016, 10, 1), actor=f"actor {n % 5}") for n in range(20)]
    items += [item("lone", D(2016, 10, 2), actor="zz loner")]
    assert lanes(items, limit=3) == ["actor 0", "actor 1", OTHER_LANE]
    mapped = lane_map(items, limit=3)
    assert mapped["lone"] == OTHER_LANE and mapped["i5"] == "actor 0"
    assert lanes(items, by=BY_ARTICLE) == ["Article"]


def test_the_default_period_is_where_the_story_is():
    story = [item(f"d{n}", D(2016, 10, 1) + datetime.timedelta(days=n)) for n in range(20)]
    old = item("old", D(2012, 1, 1), end=D(2012, 12, 31))
    low, high = dense_period([*story, old])
    assert D(2016, 9, 1) < low <= D(2016, 10, 1) and D(2016, 10, 20) <= high < D(2016, 11, 15)
    assert outside([*story, old], (low, high)) == [old]
    assert dense_period([]) is None


def test_labels_in_a_lane_do_not_run_into_each_other():
    period = (D(2016, 10, 1), D(2016, 10, 31))
    items = [item(f"i{n}", D(2016, 10, 10), label="a label of some length") for n in range(5)]
    lane = dict.fromkeys((i.id for i in items), "A")
    placed = place_labels(items, lane, period, max_rows=3)
    rows = [placed[i.id] for i in items]
    assert [p.row for p in rows[:3]] == [0, 1, 2] and all(p.labelled for p in rows[:3])
    assert not any(p.labelled for p in rows[3:])  # no room left: on hover only
    far_right = item("late", D(2016, 10, 30), label="a label of some length")
    assert place_labels([far_right], {"late": "A"}, period)["late"].left  # written leftwards


def test_a_label_is_never_written_over_a_bar_and_starts_after_its_own():
    # a talks round known only as 10-20 October, a meeting on the 14th on the same line
    talks = item("talks", D(2016, 10, 10), end=D(2016, 10, 20), label="Talks in Geneva")
    meeting = item("meeting", D(2016, 10, 14), label="Mamlouk met Fawzy")
    lane = {"talks": "A", "meeting": "A"}
    placed = {"talks": Placement(0, True), "meeting": Placement(0, False)}  # one line
    stops = label_stops([talks, meeting], lane, placed, {})
    assert stops["meeting"].blocked  # its words would lie on the talks' bar at any zoom
    # written from its bar's end, clear of the meeting's dot, with nothing after it
    assert not stops["talks"].blocked and stops["talks"].day == float("inf")
    assert label_anchor(talks, False) == D(2016, 10, 21).toordinal()  # the day after its last
    assert label_anchor(talks, True) == D(2016, 10, 10).toordinal()  # a left one: its dot
    assert label_anchor(meeting, False) == D(2016, 10, 14).toordinal()  # one day: no bar


def marks_px(i: TimelineItem, s: float) -> list[tuple[float, float]]:
    """What the chart draws of an item at `s` pixels a day: its dot (5 px either side of
    its centre) and, known to several days, its bar (from its first day to the day after
    its last)."""
    x = i.start.toordinal() * s
    bar = [(x, (i.end.toordinal() + 1) * s)] if i.end > i.start else []
    return [(x - 5, x + 5), *bar]


def label_px(i: TimelineItem, placement: Placement, s: float) -> tuple[float, float]:
    low, high = label_reach(i.label, placement.left)
    anchor = label_anchor(i, placement.left) * s
    return anchor + low, anchor + high


def written_px(i: TimelineItem, placement: Placement, s: float, scales, stops):
    """What the chart writes of an item's label at `s` pixels a day, as pixels (None: not
    written): a left label whole once its scale is reached; a right one shortened to its
    room before its stop, when that room holds its words or `MIN_ROOM` pixels of them."""
    if placement.left:
        return label_px(i, placement, s) if scales[i.id] <= s else None
    stop = stops[i.id]
    room = right_room(i, stop, s)
    if stop.blocked or room < min(label_width(i.label), MIN_ROOM):
        return None
    low = label_anchor(i, False) * s + label_reach(i.label, False)[0]
    return low, low + min(label_width(i.label), room)


def test_a_written_label_covers_no_other_label_dot_or_bar_of_its_line_at_any_zoom():
    # a crowded lane: 60 items over a month, some known only to a few days, short and long
    first = D(2016, 10, 1)
    items = [
        item(
            f"i{n:02}",
            first + datetime.timedelta(days=(n * 7) % 30),
            end=first + datetime.timedelta(days=(n * 7) % 30 + (n % 4 == 0) * (n % 3 + 1)),
            label="word " * (1 + n % 5),
        )
        for n in range(60)
    ]
    lane = dict.fromkeys((i.id for i in items), "A")
    placed = place_labels(items, lane, (first, first + datetime.timedelta(days=30)))
    scales = label_scales(items, lane, placed, {})
    stops = label_stops(items, lane, placed, {})
    counts = {}
    for s in (5.0, 25.0, 60.0, 150.0, 400.0, 2000.0):  # pixels a day, zoomed out to far in
        written = {i.id: written_px(i, placed[i.id], s, scales, stops) for i in items}
        written = {k: v for k, v in written.items() if v is not None}
        counts[s] = len(written)
        for i in items:
            if i.id not in written:
                continue
            here = written[i.id]
            for other in items:
                if other is i or placed[other.id].row != placed[i.id].row:
                    continue
                covered = marks_px(other, s)
                if other.id in written:
                    covered.append(written[other.id])
                for low, high in covered:
                    assert here[1] <= low or high <= here[0], (s, i.id, other.id)
    assert counts[5.0] < counts[60.0] <= counts[2000.0]
    assert any(stops[i.id].blocked for i in items if i.id in stops)


def test_a_crowded_line_writes_the_start_of_each_label_at_middle_zooms():
    """Ten reports a day apart on one line, each label longer than a day at 60 pixels a
    day: each is written shortened to the room before the next dot (it used to give way
    to the next dot, and none was written until far in)."""
    first = D(2016, 10, 1)
    label = "Ali Mamlouk held talks with Egyptian officials in Cairo"
    items = [item(f"r{n}", first + datetime.timedelta(days=n), label=label) for n in range(10)]
    lane = dict.fromkeys((i.id for i in items), "A")
    placed = {i.id: Placement(0, False) for i in items}  # one line, none labelled by default
    scales = label_scales(items, lane, placed, {})
    stops = label_stops(items, lane, placed, {})
    written = [written_px(i, placed[i.id], 60.0, scales, stops) for i in items]
    assert all(w is not None for w in written)
    assert all(w[1] - w[0] < label_width(label) for w in written[:-1])  # shortened
    assert written[-1][1] - written[-1][0] == label_width(label)  # the last: whole
    assert all(a[1] <= b[0] for a, b in zip(written, written[1:], strict=False))
    assert all(w is None for w in
               (written_px(i, placed[i.id], 8.0, scales, stops) for i in items[:-1]))  # fmt: skip


def test_a_label_that_fits_on_neither_side_takes_the_roomier_one():
    """(Then shortened to its room there, with an ellipsis: the chart's `limit`.)"""
    period = (D(2016, 10, 1), D(2016, 10, 31))
    long = "Saudi Arabia's envoy to the United Nations condemned the Egyptian vote " * 2
    late = item("late", D(2016, 10, 29), label=long)
    early = item("early", D(2016, 10, 3), label=long)
    lane = {"late": "A", "early": "B"}
    placed = place_labels([late, early], lane, period, width=200)  # a narrow chart
    assert placed["late"].left and not placed["early"].left
