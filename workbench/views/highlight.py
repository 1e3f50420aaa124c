"""The highlighted article: text plus marks (actors, claims, dates) to an escaped HTML string.

Pure and widget-free, like displaCy: the article panel only shows the string. Article text
is untrusted, so every piece of it goes through `html.escape`; the only markup in the
output is ours. Marks may overlap (an actor inside a claim), so the text is cut at every
mark boundary and each piece is wrapped in the marks that cover it.

Each piece of text sits in its own innermost `<span data-o="N">`, N its character offset
in the article: the Article panel maps a person's selection back to offsets from there
(`article_selection.SELECTION_JS`), whatever marks, titles or right-to-left runs surround
it. A carriage return is written as `&#13;`, which HTML keeps as it is (a literal one would
be folded into the newline after it, and every later offset would be one off).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# scripts written right to left: the article's box runs from the right; a paragraph's own
# first letters still decide its direction (unicode-bidi: plaintext), so an English quote
# in an Arabic article, or the reverse, reads the right way
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "yi"})

ACTOR_COLOURS = {
    "person": "#fde2a7",
    "organization": "#c9e4ff",
    "media": "#e3d4ff",
    "country": "#c8f0d0",
    "place": "#d8f3ec",
    "group": "#ffd3d3",
}
CSS = """
.wb-article { line-height: 1.7; white-space: pre-wrap; font-size: 14px; max-width: 60em;
  unicode-bidi: plaintext; text-align: start; }
.wb-article h3 { white-space: normal; unicode-bidi: plaintext; }
.wb-article:lang(ar) { font-size: 17px; line-height: 1.9; }
.wb-actor { border-radius: 3px; padding: 0 1px; cursor: pointer; }
.wb-claim { border-bottom: 2px solid #d9822b; background: rgba(255, 200, 120, 0.18); cursor: pointer; }
.wb-date { border-bottom: 2px dotted #2b6cd9; }
.wb-selected { outline: 2px solid #d92b2b; }
.wb-picked { background: #fff0a0; border-bottom: 2px solid #c9a400; }
.wb-known { box-shadow: inset 0 -3px 0 #1f8a4c; }
.wb-legend .wb-known-key { box-shadow: inset 0 -3px 0 #1f8a4c; background: #f3f3f3; }
.wb-claim.wb-added { border-bottom: 2px dashed #7b3fc4; background: rgba(150, 110, 230, 0.16); }
.wb-date.wb-added { border-bottom: 2px dashed #7b3fc4; }
.wb-legend .wb-added-key { border-bottom: 2px dashed #7b3fc4; background: rgba(150, 110, 230, 0.16); }
.wb-legend span { margin-right: 0.8em; padding: 0 4px; border-radius: 3px; }
""" + "".join(
    f".wb-actor.wb-{kind} {{ background: {colour}; }}\n" for kind, colour in ACTOR_COLOURS.items()
)


@dataclass(frozen=True)
class Mark:
    """A highlighted span of the article: `kind` is "actor", "claim", "date" or "picked"."""

    start: int
    end: int
    kind: str
    ref: str  # the actor, claim or event id the span belongs to
    label: str = ""  # shown as a tooltip (title attribute), escaped like the text
    css: str = ""  # an extra class, e.g. the actor type
    mention: str = ""  # an actor mark's mention id: clicking it offers to remove the mention
    known: bool = False  # the case recognised it from a person's corrections (its knowledge)
    added: bool = False  # a person added it (a claim or event the machine missed)


# outer to inner when marks cover the same piece; "picked": the words a person selected and
# is acting on (the browser's own selection is gone once a form has the focus)
_ORDER = {"picked": -1, "claim": 0, "date": 1, "actor": 2}
_DATA_ATTR = {
    "actor": "data-actor",
    "claim": "data-claim",
    "date": "data-event",
    "picked": "data-picked",
}


def _open_tag(mark: Mark, selected: frozenset[str]) -> str:
    classes = [f"wb-{mark.kind}"]
    if mark.css:
        classes.append(f"wb-{mark.css}")
    if mark.known:
        classes.append("wb-known")
    if mark.added:
        classes.append("wb-added")
    if mark.ref in selected:
        classes.append("wb-selected")
    attrs = [
        f'class="{escape(" ".join(classes))}"',
        f'{_DATA_ATTR[mark.kind]}="{escape(mark.ref)}"',
    ]
    if mark.mention:
        attrs.append(f'data-mention="{escape(mark.mention)}"')
    if mark.label:
        attrs.append(f'title="{escape(mark.label)}"')
    return f"<span {' '.join(attrs)}>"


def escape_text(text: str) -> str:
    """Article text as HTML text that the browser reads back character for character."""
    return escape(text).replace("\r", "&#13;")


def highlight_html(
    text: str,
    marks: list[Mark] | tuple[Mark, ...],
    *,
    title: str | None = None,
    selected: set[str] | frozenset[str] = frozenset(),
    language: str | None = None,
) -> str:
    """Escaped HTML of `text` with `marks` wrapped in spans; `selected` ids are outlined.

    `language` (an ISO code) sets the box's direction and `lang` (Arabic right to left);
    without it the browser reads the direction from the text (`dir="auto"`)."""
    selected = frozenset(selected)
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    direction = "rtl" if language in RTL_LANGUAGES else "auto"
    lang = f' lang="{escape(language)}"' if language else ""
    parts = [f'<div class="wb-article" dir="{direction}"{lang}>']
    if title:
        parts.append(f"<h3>{escape(title)}</h3>")  # its direction: plaintext (CSS)
    for begin, end in zip(cuts, cuts[1:], strict=False):
        covering = sorted(
            (m for m in valid if m.start <= begin and end <= m.end),
            key=lambda m: (_ORDER.get(m.kind, 9), m.start, -m.end),
        )
        piece = escape_text(text[begin:end])
        parts.append("".join(_open_tag(m, selected) for m in covering))
        parts.append(f'<span data-o="{begin}">{piece}</span>')
        parts.append("</span>" * len(covering))
    parts.append("</div>")
    return "".join(parts)


def legend_html() -> str:
    """A key to the actor colours and the claim and date marks."""
    items = [f'<span class="wb-actor wb-{kind}">{escape(kind)}</span>' for kind in ACTOR_COLOURS]
    items.append('<span class="wb-claim">claim</span>')
    items.append('<span class="wb-date">date</span>')
    items.append(
        '<span class="wb-known-key" title="names the case knows from your corrections">'
        "known to the case</span>"
    )
    items.append(
        '<span class="wb-added-key" title="claims and events you added (the machine missed '
        'them)">added by you</span>'
    )
    return f'<div class="wb-legend">{"".join(items)}</div>'
