"""`capitalised_outside_entities` picks the tokens a per-token test would pick."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from workbench.extract.spans import capitalised_outside_entities


def _by_tokens(doc: Doc) -> list[int]:
    return [t.i for t in doc if not t.ent_type_ and t.text[:1].isupper()]


def test_capitalised_words_outside_entities_on_a_hand_built_doc():
    vocab = spacy.blank("en").vocab
    words = ["Daesh", "fighters", "attacked", "Deir", "ez-Zor", "(", "ISIL", ")", "É", "1st"]
    ents = ["O", "O", "O", "B-GPE", "I-GPE", "O", "O", "O", "O", "O"]
    doc = Doc(vocab, words=words, ents=ents)
    assert capitalised_outside_entities(doc) == [0, 6, 8] == _by_tokens(doc)
    assert capitalised_outside_entities(Doc(vocab, words=[])) == []


@pytest.mark.slow
def test_the_same_tokens_as_the_per_token_test_on_a_parsed_article(nlp):
    doc = nlp(
        "BAGHDAD (Reuters) - Iraqi security forces said on Monday that Daesh fighters had "
        "attacked a checkpoint near Kirkuk, the ministry said.\n\nThe U.S.-led coalition said..."
    )
    assert capitalised_outside_entities(doc) == _by_tokens(doc)
