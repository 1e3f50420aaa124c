"""The case's network as GraphML or GEXF (Gephi), written by networkx from `network_data`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx

from ..analysis import NetworkData, network_data
from .common import replacing


def to_networkx(data: NetworkData) -> nx.MultiDiGraph:
    """A directed multigraph: two actors can both have "met" and "co-occurs" edges."""
    graph = nx.MultiDiGraph()
    for node in data.nodes:
        graph.add_node(
            node.id,
            label=node.label,
            type=node.type,
            weight=node.weight,
            title=node.title,
            status=node.status,
        )
    for edge in data.edges:
        graph.add_edge(
            edge.source, edge.target, key=edge.kind, kind=edge.kind, weight=float(edge.weight)
        )
    return graph


def write_graph(case: Any, path: str | os.PathLike[str], *, format: str) -> Path:
    """`format` is "graphml" or "gexf"."""
    graph = to_networkx(network_data(case))
    with replacing(path, mode="wb") as handle:
        if format == "graphml":
            nx.write_graphml(graph, handle, encoding="utf-8")
        else:
            nx.write_gexf(graph, handle, encoding="utf-8")
    return Path(path)
