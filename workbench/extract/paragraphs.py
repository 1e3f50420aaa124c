"""Paragraph breaks are sentence breaks: a pipeline component that says so to the parser.

The statistical parser joins a title or a paragraph without final punctuation to the
next paragraph ("... between the two countries.security\n\nSyria's state news agency
SANA reported ..."), which gives the speech verbs of the second paragraph the wrong
subjects and complements. Sentence starts set before the parser are kept by it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "workbench_paragraphs"
_ENDS_SENTENCE = frozenset(".!?:;\u201d\"'\u2019)")


@Language.component(COMPONENT)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    # set through the array: `token.is_sent_start = True` scans the whole doc each time
    starts = None
    for token in doc[:-1]:
        if not (token.is_space and "\n" in token.text):
            continue
        following = doc[token.i + 1]
        previous = doc[token.i - 1] if token.i > 0 else None
        # a single newline after a word, before a lower-case word, is a line wrap
        blank_line = token.text.count("\n") > 1
        wrapped = (
            not blank_line
            and previous is not None
            and previous.text[-1] not in _ENDS_SENTENCE
            and following.text[:1].islower()
        )
        if not wrapped:
            if starts is None:
                starts = doc.to_array(["SENT_START"])
            starts[following.i] = 1
    if starts is not None:
        # spaCy's stub types to_array's result as floats; it holds the attribute's ints
        doc.from_array(["SENT_START"], starts)  # type: ignore[arg-type]
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    """Put the component before the parser (or first, for a pipeline without one)."""
    if COMPONENT in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    else:
        nlp.add_pipe(COMPONENT, first=True)
