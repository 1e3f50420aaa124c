"""Whatever the text, extraction returns a valid extraction/1 object (offsets included).

Hypothesis builds news-like texts from fragments that stress the rules: unbalanced and
nested quote marks, speech verbs with no speaker, names next to punctuation, date words
without dates, right-to-left text, emoji, markup-like text.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.model import Article
from workbench.schema import validate_extraction

FRAGMENTS = [
    "Ali Mamlouk",
    "al-Mouallimi",
    "SANA",
    "AFP",
    "the Middle East Eye",
    "Reuters",
    "Egypt",
    "Riyadh",
    "the Kingdom",
    "He",
    "She",
    "They",
    "a source",
    "officials",
    "Sisi's",
    "said",
    "told",
    "reported that",
    "according to",
    "added",
    "saying that",
    "as reported by",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    ":",
    ",",
    ".",
    "!",
    "?",
    ";",
    "(",
    ")",
    " - ",
    "–",
    "on October 8",
    "over the weekend",
    "days after the vote",
    "in 2012",
    "last week",
    "one day later",
    "early this month",
    "in the past year",
    "Monday",
    "May",
    "March 32",
    "\n\n",
    "\n",
    " ",
    "  ",
    "مرحبا بالعالم",
    "🙂",
    "<script>alert(1)</script>",
    "&amp;",
    "the vote",
    "met with",
    "received",
    "visited",
    "condemned",
    "the UN",
    "E.U.",
    "U.S.",
]

texts = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40).map(" ".join)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=texts, published=st.sampled_from([None, "2016-10-17", "2020-02-29"]))
def test_any_text_gives_a_valid_extraction(extractor, text, published):
    extraction = extractor.extract(Article(id="h", text=text, published=published))
    validate_extraction(extraction.to_dict())


def test_long_article_of_repeated_paragraphs(extractor, samples_dir):
    text = (samples_dir / "mamlouk-visits-cairo.txt").read_text(encoding="utf-8") * 8
    extraction = extractor.extract(Article(id="long", text=text, published="2016-10-17"))
    validate_extraction(extraction.to_dict())
    assert len(extraction.claims) >= 8
