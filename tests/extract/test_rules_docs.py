"""The hand-built docs of the rule tests (`hand_docs.py`): they build, and they are still
what the model parses (the one slow test here; a model update that changes a parse
shows up as a table to rewrite, not as a rule test gone quietly stale)."""

from __future__ import annotations

import pytest
from hand_docs import HandDoc, every_doc, table_of

DOCS = every_doc()


@pytest.mark.parametrize("name", sorted(DOCS))
def test_a_hand_built_doc_is_its_text_parsed(name):
    hand: HandDoc = DOCS[name]
    doc = hand.doc()
    assert doc.text == hand.text
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG")
    assert [t.text for t in doc] == [row[0] for row in hand.rows()]
    assert len(list(doc.sents)) == sum(1 for row in hand.rows() if row[5] == "ROOT")


@pytest.mark.parametrize("name", sorted(n for n, d in DOCS.items() if d.as_parsed))
def test_the_tables_are_the_models_parse(name, nlp, raw_nlp):
    hand: HandDoc = DOCS[name]
    doc = (nlp if hand.pipeline == "full" else raw_nlp)(hand.text)
    assert table_of(doc) == hand.rows()
    assert {e.text: e.kb_id_ for e in doc.ents if e.kb_id_} == hand.kb_ids
