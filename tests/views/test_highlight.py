"""The highlighted article is a pure function: text and marks in, escaped HTML out."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from workbench.views.highlight import Mark, highlight_html

HOSTILE = (
    'Dr. <img src=x onerror="alert(1)"> said <script>alert(2)</script> '
    'and <a href="javascript:alert(3)">click</a> & more'
)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


def test_hostile_text_and_labels_stay_text():
    name_end = HOSTILE.index(">") + 1
    marks = [
        Mark(
            0,
            name_end,
            "actor",
            'A1"><script>',
            label='<img src=x onerror="alert(4)">',
            css="person",
        ),
        Mark(0, len(HOSTILE), "claim", "C1", label="javascript:alert(5)"),
    ]
    html = highlight_html(HOSTILE, marks, title="<script>alert(6)</script>")
    parsed = parse(html)
    assert {tag for tag, _ in parsed.tags} <= {"div", "h3", "span"}
    for _tag, attrs in parsed.tags:
        assert not any(name.startswith("on") or name == "href" for name in attrs)
    # every character of the article is there, as text, in order
    assert "".join(parsed.text).endswith(HOSTILE)
    assert "<script>alert(6)</script>" in "".join(parsed.text)


def test_overlapping_marks_nest_and_cover_the_text():
    text = "SANA said Ali Mamlouk visited Cairo on October 8."
    marks = [
        Mark(10, 41, "claim", "C1"),
        Mark(10, 21, "actor", "A1", css="person"),
        Mark(30, 35, "actor", "A2", css="place"),
        Mark(39, 48, "date", "E1"),
        Mark(0, 4, "actor", "A3", css="media"),
    ]
    html = highlight_html(text, marks, selected={"A1"})
    assert "".join(parse(html).text) == text
    assert re.search(r'class="wb-actor wb-person wb-selected" data-actor="A1"', html)
    # "Ali Mamlouk" sits inside the claim, the date straddles the claim's end
    assert html.index('data-claim="C1"') < html.index('data-actor="A1"')
    assert html.count('data-event="E1"') == 2
    assert html.count("<span") == html.count("</span>")


def test_marks_outside_the_text_are_ignored():
    html = highlight_html("short", [Mark(3, 99, "actor", "A1"), Mark(-1, 2, "claim", "C1")])
    assert "data-actor" not in html and "data-claim" not in html
    assert '<span data-o="0">short</span>' in html  # the text, with its offset


def test_marks_a_person_added_are_drawn_apart_and_keyed_in_the_legend():
    from workbench.views.highlight import CSS, legend_html

    text = "Officials said the army left on Sunday."
    marks = [
        Mark(0, 24, "claim", "C1", "extracted"),
        Mark(25, 38, "claim", "C2", "yours", added=True),
        Mark(32, 38, "date", "E1", "yours", added=True),
    ]
    classes = {
        attrs.get("data-claim") or attrs.get("data-event"): attrs["class"].split()
        for tag, attrs in parse(highlight_html(text, marks)).tags
        if "class" in attrs and ("data-claim" in attrs or "data-event" in attrs)
    }
    assert "wb-added" not in classes["C1"]
    assert "wb-added" in classes["C2"] and "wb-added" in classes["E1"]
    assert ".wb-claim.wb-added" in CSS and ".wb-date.wb-added" in CSS  # drawn differently
    assert 'class="wb-added-key"' in legend_html() and "added by you" in legend_html()
