"""Control characters from any input never break a GraphML or GEXF export.

Ingest drops them (workbench/normalize.py), and the graph export strips what XML 1.0
forbids on its own (workbench/export/graph.py), for cases built some other way.
"""

from __future__ import annotations

import networkx as nx
import pytest
from analysis_builders import extraction

from workbench import Case
from workbench.export import export_case
from workbench.ingest import read_articles

CONTROL_NAME = "Evil\x01\x1b[31m Corp\x00\ufffe"
TEXT = (
    "Visit\x01\x1b to Cairo\x0b\n\n"
    f"{CONTROL_NAME} met Ali Mamlouk on 3 March 2017, \x07SANA\x1f said."
)


@pytest.fixture
def control_case(tmp_path):
    case = Case.open(tmp_path / "c.case")
    case.add_extraction(
        extraction(
            "ctrl\x02",
            TEXT,
            actors=[(CONTROL_NAME, "organization"), ("Ali Mamlouk", "person")],
            claims=[("met Ali Mamlouk on 3 March 2017", CONTROL_NAME, None, [])],
            relations=[(CONTROL_NAME, "Ali Mamlouk", "met")],
        )
    )
    yield case
    case.close()


@pytest.mark.parametrize(("suffix", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_a_case_holding_control_characters_exports_valid_xml(control_case, tmp_path, suffix, read):
    path = export_case(control_case, tmp_path / f"c.{suffix}")
    graph = read(path)
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {"Evil[31m Corp", "Ali Mamlouk", "Visit to Cairo"} <= labels  # the article's title
    assert "met" in {data["kind"] for _, _, data in graph.edges(data=True)}
    raw = path.read_text(encoding="utf-8")
    assert not any(c in raw for c in "\x00\x01\x02\x07\x0b\x1b\x1f\ufffe")


def test_a_csv_title_with_control_characters_reaches_the_graph_clean(tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_text(
        'title,text\n"Visit\x01\x1b to Cairo","Ali Mamlouk met Khaled Fawzy in Cairo."\n'
    )
    (article,) = read_articles(str(corpus))
    assert article.title == "Visit to Cairo"
    case = Case.open(tmp_path / "c.case")
    try:
        case.add_extraction(
            extraction(
                article.id,
                f"{article.title}\n\n{article.text}",
                actors=[("Ali Mamlouk", "person"), ("Khaled Fawzy", "person")],
                claims=[("met Khaled Fawzy in Cairo", "Ali Mamlouk", None, [])],
                relations=[("Ali Mamlouk", "Khaled Fawzy", "met")],
            )
        )
        graph = nx.read_graphml(export_case(case, tmp_path / "c.graphml"))
    finally:
        case.close()
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert {"Ali Mamlouk", "Khaled Fawzy", "Visit to Cairo"} <= labels
