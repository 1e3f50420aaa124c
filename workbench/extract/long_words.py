"""A tokenizer that stays linear on runs of thousands of characters with no space.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free run one at a time,
searching the whole remaining run each time: a run of n quotation marks, brackets or full
stops costs n² (10,000 `"` took 10 s with the English model, 20,000 `«` 19 s with the
Arabic rules), so a hostile article of a million such characters would hang the
extraction for hours. No word, name or web address of real news is that long, so a run
longer than `LONG_RUN` characters is cut into tokens of `LONG_RUN` characters without
asking the affix rules; everything else goes through spaCy's own tokenizer. The Doc keeps
every character of the text (`doc.text == text`), so offsets hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# longer than the web addresses wire stories print; short enough that such a
# run is split faster than its pieces are then parsed (the time stays linear in the text)
LONG_RUN = 300
_LONG = re.compile(rf"\S{{{LONG_RUN + 1},}}")


class LinearTokenizer:
    """`tokenizer`, with whitespace-free runs longer than `LONG_RUN` cut into plain tokens."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab  # type: ignore[attr-defined]  # spaCy's Tokenizer: no stub

    def __call__(self, text: str) -> Doc:
        runs = [m.span() for m in _LONG.finditer(text)]
        if not runs:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        done = 0
        for start, end in runs:
            self._spacy_tokens(text[done:start], words, spaces)
            for cut in range(start, end, LONG_RUN):
                words.append(text[cut : min(cut + LONG_RUN, end)])
                spaces.append(False)
            done = end
        self._spacy_tokens(text[done:], words, spaces)
        from spacy.tokens import Doc

        return Doc(self.vocab, words=words, spaces=spaces)

    def _spacy_tokens(self, part: str, words: list[str], spaces: list[bool]) -> None:
        """spaCy's tokens of `part`, as words and whether a space follows each."""
        if not part:
            return
        for token in self.tokenizer(part):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def __getattr__(self, name: str) -> Any:
        # the rest of spaCy's Tokenizer (rules, to_bytes ...) as it is; never for the
        # wrapped tokenizer itself (asked before it is set, e.g. while unpickling)
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def linear_tokenizer(nlp: Language) -> None:
    """Give `nlp` the linear tokenizer (once)."""
    if not isinstance(nlp.tokenizer, LinearTokenizer):
        nlp.tokenizer = LinearTokenizer(nlp.tokenizer)
