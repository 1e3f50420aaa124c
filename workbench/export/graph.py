"""The case's network as GraphML or GEXF (Gephi), written by networkx from `network_data`.

Every string written is XML-safe: the characters XML 1.0 forbids (control characters
other than tab, newline and carriage return; lone surrogates; U+FFFE and U+FFFF) are
dropped, so the export succeeds and stays valid XML whatever the case holds.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import networkx as nx

from ..analysis import CaseReader, NetworkData, network_data
from .common import replacing

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters an XML 1.0 document cannot hold."""
    return _NOT_XML.sub("", text)


def to_networkx(data: NetworkData) -> nx.MultiDiGraph:
    """A directed multigraph: two actors can both have "met" and "co-occurs" edges."""
    graph = nx.MultiDiGraph()
    for node in data.nodes:
        graph.add_node(
            xml_safe(node.id),
            label=xml_safe(node.label),
            type=xml_safe(node.type),
            weight=node.weight,
            title=xml_safe(node.title),
            status=xml_safe(node.status),
        )
    for edge in data.edges:
        kind = xml_safe(edge.kind)
        graph.add_edge(
            xml_safe(edge.source),
            xml_safe(edge.target),
            key=kind,
            kind=kind,
            weight=float(edge.weight),
        )
    return graph


def write_graph(case: CaseReader, path: str | os.PathLike[str], *, format: str) -> Path:
    """`format` is "graphml" or "gexf"."""
    graph = to_networkx(network_data(case))
    with replacing(path, mode="wb") as handle:
        if format == "graphml":
            nx.write_graphml(graph, handle, encoding="utf-8")
        else:
            nx.write_gexf(graph, handle, encoding="utf-8")
    return Path(path)
