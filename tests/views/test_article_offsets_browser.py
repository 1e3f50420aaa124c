"""The selection-to-offsets mapping in a real browser (chromium, no server): the highlighted
HTML of a hostile, mixed-script text, selected by range and by double-click, must give back
the article's own character offsets, right to left included."""

from __future__ import annotations

import json

import pytest

from workbench.views.article_selection import SELECTION_JS, resolve_selection
from workbench.views.highlight import CSS, Mark, highlight_html

pytestmark = [pytest.mark.browser]

TEXT = (
    'Dr. <img src=x onerror="window.__pwned=1"> Smith & co\r\n'
    "told Reuters 😀 that «the Israeli army» left.\n\n"
    "قال علي مملوك إن التنسيق مع مصر مستمر، بحسب سانا."
)


def _marks() -> list[Mark]:
    def at(words: str, kind: str, ref: str, **extra) -> Mark:
        start = TEXT.index(words)
        return Mark(start, start + len(words), kind, ref, **extra)

    return [
        at("Smith", "actor", "A1", css="person", mention="M1"),
        at("told Reuters 😀 that «the Israeli army» left.", "claim", "C1"),
        at("Reuters", "actor", "A2", css="media", mention="M2", known=True),
        at("علي مملوك", "actor", "A3", css="person", mention="M3"),
        at("قال علي مملوك إن التنسيق", "claim", "C2"),
    ]


@pytest.fixture
def pages(browser):
    """A new page per call, each with the highlighted text (left to right, or `language`);
    all closed after the test."""
    opened = []

    def open_page(language: str | None):
        page = browser.new_page()
        opened.append(page)
        html = highlight_html(TEXT, _marks(), title="<b>Title</b>", language=language)
        page.set_content(
            f"<style>{CSS}</style><div id='root'>{html}</div><script>{SELECTION_JS}</script>"
        )
        return page

    yield open_page
    for page in opened:
        page.close()


@pytest.mark.parametrize("language", [None, "ar"])
def test_every_range_maps_back_to_its_offsets(pages, language):
    page = pages(language)
    # ranges from every third code point: one, seven characters long, and to the end
    pairs = [(i, j) for i in range(0, len(TEXT), 3) for j in (i + 1, i + 7, len(TEXT))]
    pairs = [(i, j) for i, j in pairs if j <= len(TEXT)]
    found = page.evaluate(
        """(pairs) => {
          const root = document.getElementById("root");
          const pieces = [...root.querySelectorAll("[data-o]")];
          const position = (offset) => {  // code point offset -> (text node, UTF-16 offset)
            for (const piece of pieces) {
              const base = parseInt(piece.getAttribute("data-o"), 10);
              const chars = [...piece.firstChild.data];
              if (offset < base + chars.length || piece === pieces[pieces.length - 1]) {
                return [piece.firstChild, chars.slice(0, offset - base).join("").length];
              }
            }
          };
          return pairs.map(([i, j]) => {
            const range = document.createRange();
            range.setStart(...position(i));
            range.setEnd(...position(j));
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            return selectionOffsets(root, selection);
          });
        }""",
        pairs,
    )
    for (i, j), got in zip(pairs, found, strict=True):
        assert (got["start"], got["end"]) == (i, j), (i, j, got)
        assert got["text"] == TEXT[i:j]


def test_element_boundaries_and_the_title(pages):
    page = pages(None)
    got = page.evaluate(
        """() => {
          const root = document.getElementById("root");
          const article = root.querySelector(".wb-article");
          // the claim is cut where the marks inside it start and end: several spans
          const spans = root.querySelectorAll('[data-claim="C1"]');
          const claim = spans[0], last = spans[spans.length - 1];
          const select = (a, b, c, d) => {
            const range = document.createRange();
            range.setStart(a, b); range.setEnd(c, d);
            const s = window.getSelection(); s.removeAllRanges(); s.addRange(range);
            return selectionOffsets(root, s);
          };
          return {
            claim: select(claim, 0, last, last.childNodes.length),
            title: select(article.querySelector("h3").firstChild, 2, claim, 0),
            all: select(article, 0, article, article.childNodes.length),
          };
        }"""
    )
    claim = TEXT.index("told Reuters")
    assert (got["claim"]["start"], got["claim"]["end"]) == (claim, TEXT.index("\n\nقال"))
    assert (got["title"]["start"], got["title"]["end"]) == (0, claim)
    assert (
        resolve_selection(
            TEXT, got["title"]["start"], got["title"]["end"], got["title"]["text"]
        ).start
        == 0
    )
    assert (got["all"]["start"], got["all"]["end"]) == (0, len(TEXT))
    assert page.evaluate("typeof window.__pwned") == "undefined"


@pytest.mark.parametrize(
    ("language", "word"),
    [(None, "Smith"), (None, "Israeli"), ("ar", "مملوك"), ("ar", "التنسيق"), (None, "سانا")],
)
def test_a_double_clicked_word_gives_its_offsets(pages, language, word):
    page = pages(language)
    start = TEXT.index(word)
    # the piece holding the word, double-clicked where the word is drawn
    box = page.evaluate(
        """([start, length]) => {
          for (const piece of document.querySelectorAll("[data-o]")) {
            const base = parseInt(piece.getAttribute("data-o"), 10);
            const chars = [...piece.firstChild.data];
            if (start >= base && start < base + chars.length) {
              const from = chars.slice(0, start - base).join("").length;
              const to = chars.slice(0, start - base + length).join("").length;
              const range = document.createRange();
              range.setStart(piece.firstChild, from); range.setEnd(piece.firstChild, to);
              const r = range.getBoundingClientRect();
              return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
            }
          }
        }""",
        [start, len(word)],
    )
    page.mouse.dblclick(box["x"], box["y"])
    got = page.evaluate(
        "() => selectionOffsets(document.getElementById('root'), window.getSelection())"
    )
    picked = resolve_selection(TEXT, got["start"], got["end"], got["text"])
    assert (picked.start, picked.end, picked.text) == (start, start + len(word), word), json.dumps(
        got, ensure_ascii=False
    )
