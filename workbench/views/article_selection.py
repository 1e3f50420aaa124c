"""A person's text selection in the Article panel, as character offsets into the article.

The browser gives a selection as DOM positions (a text node and an offset in UTF-16 code
units); the case wants offsets into the article text (Python's: code points). The
highlighted HTML (`highlight.highlight_html`) puts every piece of text in a
`<span data-o="N">` holding its offset, so `SELECTION_JS` turns a position into
N + the code points before it in its piece, whatever marks, title or right-to-left runs
surround it; a position between elements takes the next piece's offset. The browser's
selection runs in logical (reading) order in any direction, so Arabic needs nothing more.

The kernel checks what the browser sent against the article text (`resolve_selection`):
a selection that does not fit is refused, never stored at the wrong place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import PartialDate, Precision
from ..extract.date_values import ResolvedDate

# Shared by the widget (article_panel.ArticleView) and the browser test of the mapping.
SELECTION_JS = r"""
function cpLength(s) {
  // code points, as Python counts them: a surrogate pair is one character
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { i++; }
    }
    n++;
  }
  return n;
}
function pieceBase(piece) { return parseInt(piece.getAttribute("data-o"), 10); }
function textEnd(root) {
  const pieces = root.querySelectorAll("[data-o]");
  if (!pieces.length) { return 0; }
  const last = pieces[pieces.length - 1];
  return pieceBase(last) + cpLength(last.textContent);
}
function offsetAt(root, container, offset) {
  // the article offset of a DOM position (container, offset) in or around `root`
  const pieces = root.querySelectorAll("[data-o]");
  const point = document.createRange();
  point.setStart(container, offset);
  for (const piece of pieces) {
    if (piece === container || piece.contains(container)) {
      if (container.nodeType === Node.TEXT_NODE) {
        return pieceBase(piece) + cpLength(container.data.slice(0, offset));
      }
      return offset === 0 ? pieceBase(piece) : pieceBase(piece) + cpLength(piece.textContent);
    }
    // the first piece that starts at or after the position
    if (point.comparePoint(piece, 0) >= 0) { return pieceBase(piece); }
  }
  return textEnd(root);
}
function positionAt(article, offset) {
  // the DOM position (text node, UTF-16 index) of an article offset: selectionOffsets's
  // inverse, to put a selection back after a redraw
  let found = null;
  for (const piece of article.querySelectorAll("[data-o]")) {
    if (pieceBase(piece) > offset) { break; }
    found = piece;
  }
  const node = found && found.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) { return null; }
  let left = offset - pieceBase(found), i = 0;
  while (left > 0 && i < node.data.length) {
    const c = node.data.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < node.data.length ? 2 : 1;
    left--;
  }
  return [node, i];
}
function selectionOffsets(root, selection) {
  // {start, end, text} of a selection that touches the article, else null
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return null; }
  const range = selection.getRangeAt(0);
  const article = root.querySelector(".wb-article");
  if (!article || !range.intersectsNode(article)) { return null; }
  const start = offsetAt(article, range.startContainer, range.startOffset);
  const end = offsetAt(article, range.endContainer, range.endOffset);
  if (end <= start) { return null; }
  return { start: start, end: end, text: range.toString() };
}
"""


class SelectionError(ValueError):
    """A selection that does not fit the article text."""


@dataclass(frozen=True)
class TextSelection:
    """Words of an article a person selected: `text == article_text[start:end]`."""

    start: int
    end: int
    text: str


def _squash(text: str) -> str:
    return " ".join(text.split())


def resolve_selection(article_text: str, start: int, end: int, shown: str = "") -> TextSelection:
    """The selection as offsets into `article_text`, trimmed of spaces.

    `shown` is what the browser says was selected (`Selection.toString()`): the offsets
    must give the same words (spaces aside; a selection running over the title may hold
    more). If they do not, the words are looked for in the text, nearest `start` first;
    not found, SelectionError."""
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise SelectionError(f"the selection's {name} is not an offset: {value!r}")
    start, end = max(0, start), min(len(article_text), end)
    found, wanted = _squash(article_text[start:end]), _squash(shown)
    # a selection that ran on past the article (over its title, say) was cut at its edge
    fits = (
        found == wanted
        or (start == 0 and wanted.endswith(found))
        or (end == len(article_text) and wanted.startswith(found))
    )
    if wanted and found and not fits:
        start, end = _relocate(article_text, shown.strip(), start)
    while start < end and article_text[start].isspace():
        start += 1
    while end > start and article_text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise SelectionError("the selection holds no words of the article: select some text")
    return TextSelection(start, end, article_text[start:end])


def _relocate(article_text: str, words: str, near: int) -> tuple[int, int]:
    spans = [m.span() for m in re.finditer(re.escape(words), article_text)] if words else []
    if not spans:
        raise SelectionError(
            "the selection could not be matched to the article text: select the words again"
        )
    begin, finish = min(spans, key=lambda span: abs(span[0] - near))
    return begin, finish


@dataclass(frozen=True)
class DateGuess:
    """A date found in the selected words, resolved against the publication date."""

    date: PartialDate
    precision: Precision
    date_end: PartialDate | None
    words: str  # the date's own words in the selection
    start: int  # offset in the article of those words
    end: int


_ARABIC = re.compile(r"[\u0600-\u06ff]")


def guess_date(selection: TextSelection, published) -> DateGuess | None:
    """The longest date expression in the selection that resolves, or None. Arabic words
    are read by the Arabic rules (Levantine months, Hijri dates, Arabic-Indic digits)."""
    text = selection.text
    found: list[tuple[int, int, ResolvedDate]] = []
    if _ARABIC.search(text):
        from ..extract.arabic.dates import find_dates  # the Arabic rules: only when needed

        found = [(f.start, f.end, f.value) for f in find_dates(text, published)]
    else:
        # the date patterns compile for half a second: not while the app opens
        from ..extract.dates import find_date_expressions, resolve_date

        for expression in find_date_expressions(text):
            value = resolve_date(expression.text, published=published)
            if value is not None:
                found.append((expression.start, expression.end, value))
    if not found:
        return None
    start, end, value = max(found, key=lambda f: f[1] - f[0])
    return DateGuess(
        value.date,
        value.precision,
        value.date_end,
        text[start:end],
        selection.start + start,
        selection.start + end,
    )


def short(text: str, limit: int = 80) -> str:
    """Selected words on one line, cut to `limit` characters."""
    text = _squash(text)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
