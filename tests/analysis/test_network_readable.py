"""What of a network is drawn: the cap, the ego view, filters, an empty result, the layout
and the labels. Built on hand-made networks and on the two-article story (no spaCy)."""

from __future__ import annotations

import itertools
import random

import pytest
from analysis_builders import actor_id, build_story_case, claim_id

from workbench.analysis import ATTRIBUTION, NetworkData, NetworkEdge, NetworkNode, network_data
from workbench.analysis.network_layout import HEIGHT, ROW, WIDTH, layout
from workbench.analysis.network_readable import (
    MAX_CAP,
    empty_message,
    label_box,
    readable_network,
    short_label,
)


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    case = build_story_case(tmp_path_factory.mktemp("story") / "story.case")
    yield case
    case.close()


def node(node_id: str, weight: int = 1, kind: str = "person") -> NetworkNode:
    return NetworkNode(node_id, f"Name of {node_id}", kind, weight, node_id, "extracted")


def star_and_chain() -> NetworkData:
    """A hub with five spokes of rising weight, and a chain of three loose ends."""
    nodes = [node("hub"), *(node(f"s{i}") for i in range(5)), *(node(f"c{i}") for i in range(3))]
    edges = [NetworkEdge("hub", f"s{i}", "met", float(i + 1)) for i in range(5)]
    edges += [NetworkEdge("c0", "c1", "met", 1.0), NetworkEdge("c1", "c2", "met", 1.0)]
    return NetworkData(tuple(nodes), tuple(edges))


def random_network(n: int, seed: int) -> NetworkData:
    rng = random.Random(seed)
    nodes = [node(f"n{i}", rng.randint(1, 12)) for i in range(n)]
    pairs = rng.sample(list(itertools.combinations(range(n), 2)), 2 * n)
    edges = [NetworkEdge(f"n{a}", f"n{b}", "co-occurs", rng.randint(1, 4)) for a, b in pairs]
    return NetworkData(tuple(nodes), tuple(edges))


# --- the cap and the ego view ---------------------------------------------------------------


def test_the_cap_keeps_the_most_connected_and_says_what_is_hidden():
    shown = readable_network(star_and_chain(), cap=3)
    assert {n.id for n in shown.nodes} == {"hub", "s4", "s3"}  # the heaviest spokes
    assert {(e.source, e.target) for e in shown.edges} == {("hub", "s4"), ("hub", "s3")}
    assert shown.total == 9
    assert "The 3 most connected of 9 nodes; the other 6 are hidden" in shown.message


def test_everything_fits_under_the_cap():
    shown = readable_network(star_and_chain())
    assert len(shown.nodes) == 9 and shown.message == "All 9 nodes."


def test_the_cap_has_a_ceiling():
    shown = readable_network(random_network(MAX_CAP + 50, seed=1), cap=10_000)
    assert len(shown.nodes) == MAX_CAP


def test_the_ego_view_shows_the_actor_and_its_neighbours_only():
    shown = readable_network(star_and_chain(), focus="c1")
    assert {n.id for n in shown.nodes} == {"c0", "c1", "c2"}  # the rest hidden, not greyed
    assert shown.focus == "c1"
    assert shown.message == "Name of c1 and 2 neighbour(s); the other 6 node(s) are hidden."
    capped = readable_network(star_and_chain(), focus="hub", cap=3)
    assert {n.id for n in capped.nodes} == {"hub", "s4", "s3"}
    assert "3 less connected neighbour(s) left out" in capped.message


def test_an_ego_view_of_an_actor_the_filters_removed_is_empty():
    shown = readable_network(star_and_chain(), focus="nobody")
    assert shown.empty and shown.total == 9


def test_nothing_to_draw_is_empty_and_says_why():
    assert readable_network(NetworkData()).empty
    assert empty_message(case_empty=True).startswith("The case has no actors yet")
    assert empty_message(types=frozenset()).startswith("No kind of node is ticked")
    said = empty_message(
        types=frozenset({"people"}),
        min_weight=3,
        article="Sisi receives Syrian envoy",
        statuses=frozenset({"false"}),
        date_range=("1990-01-01", "1990-12-31"),
    )
    assert said.startswith("Nothing matches only people; edges seen at least 3 times;")
    assert "“Sisi receives Syrian envoy”" in said and "claims false" in said
    assert "dates 1990-01-01 to 1990-12-31" in said and said.endswith(
        "Loosen a filter to see more."
    )


# --- layout ---------------------------------------------------------------------------------


def test_the_layout_is_the_same_every_time_and_fills_its_box():
    data = random_network(60, seed=2)
    first = readable_network(data).positions()
    again = readable_network(NetworkData(tuple(reversed(data.nodes)), data.edges)).positions()
    assert first == again  # seeded by the node ids, not by their order
    xs, ys = [p[0] for p in first.values()], [p[1] for p in first.values()]
    assert max(map(abs, xs)) <= WIDTH / 2 and max(map(abs, ys)) <= HEIGHT / 2 + ROW
    assert max(xs) - min(xs) > WIDTH * 0.8  # spread out, not a ball in the middle


def test_a_redraw_keeps_every_node_where_it_was():
    data = star_and_chain()
    before = readable_network(data, cap=6).positions()
    after = readable_network(data, previous=before).positions()  # three more nodes shown
    assert all(after[i] == before[i] for i in before)
    assert len(after) == 9 and len(before) == 6


def test_a_new_node_lands_beside_its_neighbour():
    grid = {f"g{i}": (-500.0 + 100 * (i % 11), -200.0 + 100 * (i // 11)) for i in range(44)}
    edges = [("new", "g10", 1.0)]  # g10: the right end of the first row
    positions = layout([*grid, "new"], edges, previous=grid)
    assert all(positions[g] == grid[g] for g in grid)  # nothing already drawn moves

    def distance(a, b):
        return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5

    new = positions["new"]
    others = sorted(distance(new, p) for g, p in grid.items() if g != "g10")
    assert distance(new, grid["g10"]) < others[len(others) // 2]


def test_actors_without_edges_wait_in_a_row_below():
    positions = layout(["a", "b", "alone"], [("a", "b", 1)])
    assert positions["alone"][1] > max(positions["a"][1], positions["b"][1])


# --- labels ---------------------------------------------------------------------------------


def overlapping(shown, zoom: float) -> list[tuple[str, str]]:
    """Pairs of labels shown at `zoom` that overlap, drawn at a constant size on screen."""
    by_id = {n.id: n for n in shown.nodes}
    visible = [n for n in shown.nodes if n.label_zoom is not None and n.label_zoom <= zoom]
    boxes = {
        n.id: label_box(
            NetworkNode(n.id, by_id[n.id].label, n.type, n.weight, "", ""), (n.x, n.y), zoom
        )
        for n in visible
    }
    return [
        (a, b)
        for a, b in itertools.combinations(boxes, 2)
        if boxes[a][0] < boxes[b][2]
        and boxes[b][0] < boxes[a][2]
        and boxes[a][1] < boxes[b][3]
        and boxes[b][1] < boxes[a][3]
    ]


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_no_two_labels_overlap_at_any_zoom(seed):
    shown = readable_network(random_network(120, seed), cap=120)
    for zoom in (1.0, 1.5, 2.0, 3.0, 4.0):
        assert overlapping(shown, zoom) == []
    at_default = [n for n in shown.nodes if n.label_zoom == 1.0]
    assert len(at_default) >= 20  # the important ones are readable at once
    # importance first: the most connected node is labelled at the default zoom
    assert shown.nodes[0].label_zoom == 1.0


def test_the_selected_actor_is_labelled_first():
    data = random_network(150, seed=6)
    quiet = min(
        data.nodes, key=lambda n: sum(e.weight for e in data.edges if n.id in (e.source, e.target))
    )
    shown = readable_network(data, cap=150, selected=quiet.id)
    chosen = next(n for n in shown.nodes if n.id == quiet.id)
    assert chosen.selected and chosen.label_zoom == 1.0


def test_long_names_are_cut_at_a_word():
    assert short_label("Syrian National Security Bureau chief") == "Syrian National Security…"
    assert short_label("Ali Mamlouk") == "Ali Mamlouk"


# --- what the edges stand for, and the filters ----------------------------------------------


def test_attribution_edges_name_their_claims_and_statuses(story):
    data = network_data(story)
    afp, mee = actor_id(story, "AFP"), actor_id(story, "Middle East Eye")
    edge = next(e for e in data.edges if (e.source, e.target, e.kind) == (afp, mee, ATTRIBUTION))
    officials = claim_id(story, "Egyptian officials")
    assert edge.claims == (officials,)
    assert edge.title.startswith("AFP → Middle East Eye: passed on, 1 claim(s)")
    assert f"“Mamluk had met Egyptian officials before” ({officials}, disputed)" in edge.title
    met = next(e for e in data.edges if e.kind == "met")
    assert met.title == "Ali Mamlouk met Khaled Fawzy" and met.claims == ()
    shown = readable_network(data)
    labels = {(e.source, e.target): e.label for e in shown.edges}
    assert labels[(afp, mee)] == "passed on"  # few edges: each carries its words


def test_the_article_and_status_filters(story):
    sisi = network_data(story, article_id="sisi")
    assert {e.kind for e in sisi.edges} == {"received", "visited", ATTRIBUTION}
    assert "visit" not in {n.id for n in sisi.nodes}
    disputed = network_data(story, status="disputed")
    officials = claim_id(story, "Egyptian officials")
    claim_edges = [e for e in disputed.edges if e.claims]
    assert claim_edges and all(e.claims == (officials,) for e in claim_edges)
    assert {"met", "visited", "received"} <= {e.kind for e in disputed.edges}  # no claims
    assert not [e for e in network_data(story, status="false").edges if e.claims]
