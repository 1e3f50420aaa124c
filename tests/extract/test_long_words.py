"""Whitespace-free runs of any length: tokenized in linear time, every character kept."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract.arabic.tokens import arabic_nlp
from workbench.extract.long_words import LONG_RUN, LinearTokenizer
from workbench.extract.pipeline import build_nlp

# the characters spaCy strips one at a time from a word's ends: its n² case
AFFIXES = "«»\"“”()[].,:;!?'-"


@pytest.fixture(scope="module", params=["en", "ar"])
def nlp(request):
    return build_nlp() if request.param == "en" else arabic_nlp()


def test_both_pipelines_use_the_linear_tokenizer(nlp):
    assert isinstance(nlp.tokenizer, LinearTokenizer)


def test_a_long_run_is_cut_into_plain_tokens_and_keeps_every_character(nlp):
    text = "He said «" + "«" * 2_500 + "» then" + " " * 3 + "x" * (LONG_RUN + 1) + "\n\nend."
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert max(len(t) for t in doc) <= LONG_RUN
    assert [t.text for t in doc][:2] == ["He", "said"]


def test_text_without_long_runs_is_tokenized_as_spacy_does(nlp):
    text = "Le président «Assad» a dit: (rien) — 'non'... https://sana.sy/?p=12345 ok"
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in nlp.tokenizer.tokenizer(text)]


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(
        st.one_of(
            st.text(alphabet=AFFIXES + "ab قال", max_size=20),
            st.builds(lambda c, n: c * n, st.sampled_from(AFFIXES + "aق"), st.integers(1, 900)),
            st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\u00a0"]),
        ),
        max_size=12,
    )
)
def test_any_text_comes_back_whole(parts):
    text = "".join(parts)
    for nlp in (build_nlp(), arabic_nlp()):
        assert nlp.make_doc(text).text == text


@pytest.mark.parametrize("pipeline", ["build_nlp()", "arabic_nlp()"])
def test_a_run_of_300_000_quotation_marks_does_not_hang(pipeline):
    # spaCy alone takes minutes on this (n²); a run in its own process, so a hang is a
    # failure and not a stuck suite: the limit is generous, the linear run takes a second
    code = (
        "from workbench.extract.pipeline import build_nlp\n"
        "from workbench.extract.arabic.tokens import arabic_nlp\n"
        f"doc = {pipeline}.make_doc('«' * 150_000 + ' ' + '\"' * 150_000)\n"
        "print(len(doc))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    assert int(done.stdout) <= 2 * 150_000 // LONG_RUN + 3
