"""GraphML and GEXF written by networkx, read back by networkx."""

from __future__ import annotations

import networkx as nx
import pytest
from analysis_builders import HOSTILE_NAME, actor_id

from workbench.analysis import network_data
from workbench.export import export_case


@pytest.mark.parametrize(("suffix", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_read_back_with_nodes_edges_and_attributes(story, tmp_path, suffix, read):
    path = export_case(story, tmp_path / f"story.{suffix}")
    graph = read(path)
    data = network_data(story)
    assert set(graph.nodes) == {n.id for n in data.nodes}
    assert graph.number_of_edges() == len(data.edges)
    mamlouk = actor_id(story, "Ali Mamlouk")
    attrs = graph.nodes[mamlouk]
    assert attrs["label"] == "Ali Mamlouk"
    assert attrs["type"] == "person" and attrs["status"] == "confirmed"
    assert int(attrs["weight"]) == 2
    kinds = {d["kind"] for _, _, d in graph.edges(data=True)}
    assert {"met", "received", "attribution", "reported_by", "contradicts"} <= kinds
    cairo = actor_id(story, "Cairo")
    visited = [
        d for u, v, d in graph.edges(data=True) if (u, v, d["kind"]) == (mamlouk, cairo, "visited")
    ]
    assert [float(d["weight"]) for d in visited] == [2.0]


def test_hostile_names_are_data_in_the_graph(hostile, tmp_path):
    graph = nx.read_graphml(export_case(hostile, tmp_path / "h.graphml"))
    assert HOSTILE_NAME in {d["label"] for _, d in graph.nodes(data=True)}
    raw = (tmp_path / "h.graphml").read_text(encoding="utf-8")
    assert "<img" not in raw and "<script" not in raw  # escaped as XML text
