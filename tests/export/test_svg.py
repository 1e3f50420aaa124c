"""The inline pictures: drawn from rows alone, escaped, bounded in size."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from xml.etree import ElementTree

from workbench.analysis import NetworkData, NetworkEdge, NetworkNode, TimelineRow
from workbench.export.svg import MAX_NODES, _ticks, network_svg, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # well-formed XML, or this raises


def node(i: int, label: str = "n", weight: int = 1) -> NetworkNode:
    return NetworkNode(f"A{i}", label, "person", weight, f"{label}\ntitle", "extracted")


def test_empty_pictures_say_so():
    assert "No actors" in network_svg(NetworkData())
    assert "No dated events" in timeline_svg([])


def test_network_keeps_the_heaviest_nodes_and_escapes_labels():
    nodes = tuple(node(i, weight=i) for i in range(MAX_NODES + 10)) + (
        node(999, label="<script>alert(1)</script>", weight=1000),
    )
    edges = (NetworkEdge("A999", "A1", "met", 1.0), NetworkEdge("A999", "A998", "met", 1.0))
    root = parse(network_svg(NetworkData(nodes, edges)))
    assert len(root.findall(f".//{SVG}circle")) == MAX_NODES
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "<script>alert(1)</script>" in texts  # as text: the parser unescaped it
    assert len(root.findall(f".//{SVG}line")) == 0  # A1 and A998 are not among the drawn
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert "<script>alert(1)</script>\ntitle" in titles


DRAW_A_NETWORK = """
from workbench.analysis import NetworkData, NetworkEdge, NetworkNode
from workbench.export.svg import network_svg
nodes = tuple(NetworkNode(f"A{i}", f"actor {i}", "person", 1, "", "extracted") for i in range(12))
edges = tuple(NetworkEdge(f"A{i}", f"A{(i * 5) % 12}", "met", 1.0) for i in range(12))
print(network_svg(NetworkData(nodes, edges)))
"""


def test_the_same_network_is_drawn_the_same_in_every_process():
    # node ids are strings: their set order, and a layout started from it, would follow
    # the hash seed of the process writing the memo
    def drawn(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", DRAW_A_NETWORK], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-500:]
        return done.stdout

    assert drawn("1") == drawn("2") == drawn("3")


def test_single_node_network_is_drawn():
    root = parse(network_svg(NetworkData((node(1),))))
    assert len(root.findall(f".//{SVG}circle")) == 1


def test_timeline_bar_length_is_the_uncertainty():
    rows = [
        TimelineRow(
            "E1",
            date(2016, 10, 1),
            date(2016, 10, 31),
            "month",
            "October",
            "<b>x",
            (),
            (),
            None,
            None,
            "a",
            "A",
        ),  # fmt: skip
        TimelineRow(
            "E2",
            date(2016, 10, 16),
            date(2016, 10, 16),
            "day",
            "16 Oct",
            "y",
            (),
            (),
            "C1",
            "false",
            "a",
            "A",
        ),  # fmt: skip
    ]
    root = parse(timeline_svg(rows))
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    month, day = (float(b.get("width")) for b in bars)
    assert month > 20 * day
    assert "<b>x" in [t.text for t in root.iter(f"{SVG}text")]


def test_axis_ticks_fit_the_span():
    assert [label for _, label in _ticks(date(2006, 5, 1), date(2020, 1, 1))][:2] == [
        "2007",
        "2008",
    ]
    months = _ticks(date(2016, 9, 20), date(2017, 2, 1))
    assert [d for d, _ in months] == [date(2016, 10, 1), date(2016, 11, 1), date(2016, 12, 1),
                                      date(2017, 1, 1), date(2017, 2, 1)]  # fmt: skip
    assert all(
        date(2016, 10, 1) <= d <= date(2016, 10, 20)
        for d, _ in _ticks(date(2016, 10, 1), date(2016, 10, 20))
    )
