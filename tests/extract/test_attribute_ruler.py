"""`ArrayAttributeRuler` sets what spaCy's `AttributeRuler` sets, token for token."""

from __future__ import annotations

import numpy
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from workbench.extract.attribute_ruler import ArrayAttributeRuler, use_array_attribute_ruler

ATTRS = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ORTH", "NORM"]

# rules of every kind the array ruler decides itself, and one it leaves to a Matcher
RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["DT", "WDT"]}, "LOWER": "that"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"POS": "PART", "LEMMA": "not"}},
    {"patterns": [[{"LOWER": "the", "DEP": {"NOT_IN": ["det", ""]}}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP"}},
    # a longer pattern, its index on either token; then a one-token rule after it wins
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"LOWER": "na"}, {"TAG": "VB"}]], "attrs": {"POS": "PART"}},
    {"patterns": [[{"LOWER": "na", "TAG": "TO"}]], "attrs": {"LEMMA": "later"}},
    # a longer pattern after a one-token rule setting the same attribute wins over it
    {"patterns": [[{"TAG": "DT"}, {"TAG": "NN"}]], "attrs": {"POS": "DET"}},
    # an operator: the Matcher's
    {
        "patterns": [[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]],
        "attrs": {"POS": "ADJ"},
        "index": -1,
    },
    {"patterns": [[{"DEP": "nsubj"}], [{"DEP": "nsubjpass"}]], "attrs": {"MORPH": "Case=Nom"}},
]

WORDS = ["that", "the", "n't", "nt", "gon", "na", "very", "good", "go", "\n\n", "house", "He"]
TAGS = ["NN", "DT", "WDT", "RB", "TO", "VB", "JJ", "_SP", "PRP"]
DEPS = ["det", "nsubj", "nsubjpass", "dobj", "advmod", "ROOT", "dep"]


def _doc(vocab, words, tags, deps) -> Doc:
    # a flat tree: every word hangs from the first, which is the root
    heads = [0] * len(words)
    deps = ["ROOT", *deps[1:]]
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)


def _both(rules, words, tags, deps):
    """The doc after spaCy's ruler and after ours, same rules, same vocab."""
    vocab = spacy.blank("en").vocab
    theirs, ours = AttributeRuler(vocab), ArrayAttributeRuler(vocab)
    theirs.add_patterns(rules)
    ours.add_patterns(rules)
    return theirs(_doc(vocab, words, tags, deps)), ours(_doc(vocab, words, tags, deps))


def _same(a: Doc, b: Doc) -> None:
    assert numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS))
    assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in a] == [
        (t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in b
    ]


def test_every_kind_of_rule_sets_what_spacys_ruler_sets():
    words = ["He", "said", "that", "the", "gon", "na", "go", "n't", "very", "very", "good"]
    tags = ["PRP", "VBD", "WDT", "DT", "VBG", "TO", "VB", "RB", "RB", "RB", "JJ"]
    deps = [
        "nsubj",
        "ROOT",
        "mark",
        "nsubj",
        "xcomp",
        "aux",
        "xcomp",
        "neg",
        "advmod",
        "advmod",
        "acomp",
    ]
    theirs, ours = _both(RULES, words, tags, deps)
    _same(theirs, ours)
    # the rules really fired (else the comparison proves little)
    assert [t.lemma_ for t in ours][4:6] == ["go", "later"]
    assert ours[5].pos_ == "PART" and ours[10].pos_ == "ADJ" and ours[7].lemma_ == "not"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)),
        min_size=1,
        max_size=12,
    )
)
def test_any_doc_gets_what_spacys_ruler_gives(tokens):
    words, tags, deps = (list(column) for column in zip(*tokens, strict=True))
    _same(*_both(RULES, words, tags, deps))


def test_a_rule_setting_what_arrays_cannot_hold_runs_spacys_own_way():
    rules = [*RULES, {"patterns": [[{"LOWER": "house"}]], "attrs": {"NORM": "home"}}]
    theirs, ours = _both(rules, ["the", "house"], ["DT", "NN"], ["det", "ROOT"])
    _same(theirs, ours)
    assert ours[1].norm_ == "home"


def test_rules_added_after_a_doc_are_used_for_the_next():
    vocab = spacy.blank("en").vocab
    ours = ArrayAttributeRuler(vocab)
    ours.add_patterns(RULES[:1])
    assert ours(_doc(vocab, ["house"], ["NN"], ["ROOT"]))[0].pos_ == "NOUN"
    ours.add_patterns([{"patterns": [[{"LOWER": "house"}]], "attrs": {"POS": "VERB"}}])
    assert ours(_doc(vocab, ["house"], ["NN"], ["ROOT"]))[0].pos_ == "VERB"


def test_an_empty_doc_is_left_as_it_is():
    vocab = spacy.blank("en").vocab
    ours = ArrayAttributeRuler(vocab)
    ours.add_patterns(RULES)
    assert len(ours(Doc(vocab, words=[]))) == 0


def test_the_extraction_pipeline_uses_it_with_the_models_rules(nlp, raw_nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, ArrayAttributeRuler)
    assert ruler.patterns == raw_nlp.get_pipe("attribute_ruler").patterns
    assert nlp.pipe_names.index("attribute_ruler") == nlp.pipe_names.index("parser") + 1


# the model's own rules: contractions, "there is", pronouns by case, conjunctions
TEXTS = [
    "Y'all ain't gonna believe it: let's go, c'mon, we gotta leave. There is no doubt.",
    "He said that the ministry, which it runs, didn't know; I told them so, 'cause it's late.",
    "Somethin' is wrong, nothin' works.\n\nThe army said ten people were killed in Aleppo.",
]


@pytest.mark.slow
def test_the_models_rules_give_spacys_attributes_on_real_text(nlp, raw_nlp):
    # the two pipelines differ in our components, so the ruler is compared alone: the
    # same parsed doc through spaCy's ruler and through ours
    theirs_ruler = raw_nlp.get_pipe("attribute_ruler")
    ours_ruler = ArrayAttributeRuler(raw_nlp.vocab)
    ours_ruler.add_patterns(nlp.get_pipe("attribute_ruler").patterns)
    before = raw_nlp.pipe_names[: raw_nlp.pipe_names.index("attribute_ruler")]
    for text in TEXTS:
        with raw_nlp.select_pipes(enable=before):
            parsed = raw_nlp(text)
        _same(theirs_ruler(parsed.copy()), ours_ruler(parsed.copy()))


def test_a_pipeline_without_an_attribute_ruler_is_left_alone():
    blank = spacy.blank("en")
    use_array_attribute_ruler(blank)
    assert blank.pipe_names == []
