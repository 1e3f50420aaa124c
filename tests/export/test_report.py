"""The verification memo: what it says, and that nothing in a hostile case can run in it."""

from __future__ import annotations

import gc
from html.parser import HTMLParser

import pytest
from analysis_builders import HOSTILE_NAME, claim_id

from workbench.analysis import CaseSnapshot
from workbench.export import export_case, report
from workbench.export.report import md, write_report

# every element the HTML report may contain; anything else came from the case
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "strong", "em", "table",
    "thead", "tbody", "tr", "th", "td", "div", "span", "blockquote", "dl", "dt", "dd", "a",
    "svg", "g", "line", "circle", "rect", "text",
    # what Markdown renders to
    "h3", "ul", "li", "code",
}  # fmt: skip


class Tags(HTMLParser):
    """Every start tag and its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def assert_nothing_executable(page: str) -> None:
    tags = tags_of(page)
    assert {t for t, _ in tags} <= ALLOWED_TAGS, {t for t, _ in tags} - ALLOWED_TAGS
    for tag, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "xlink:href", "action", "formaction"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)
        if tag == "a":
            assert attrs["href"].startswith(("https://", "http://")), attrs


def test_html_report_is_self_contained_and_offline(story, tmp_path):
    page = export_case(story, tmp_path / "memo.html").read_text(encoding="utf-8")
    assert_nothing_executable(page)
    tags = tags_of(page)
    csp = next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in csp
    # nothing loaded: no src anywhere, no stylesheet links, no @import or url() in CSS
    assert not [a for _, a in tags if "src" in a]
    assert not [t for t, _ in tags if t in ("link", "script", "img", "iframe")]
    assert "@import" not in page and "url(" not in page
    # it holds the memo: claims with speaker, channels, status, sources, notes, flags
    for expected in (
        "A Syrian political source",
        "AFP, Middle East Eye",
        "only an unnamed source",
        "AFP wire, 17 Oct",
        "unnamed source only",
        "contradicted",
        "Mamlouk met Khaled Fawzy",
        "Syria",  # SANA's country from the gazetteer
    ):
        assert expected in page, expected
    assert page.count("<svg") == 2  # the timeline and the network


def test_html_report_of_a_hostile_case_runs_nothing(hostile, tmp_path):
    page = export_case(hostile, tmp_path / "memo.html").read_text(encoding="utf-8")
    assert_nothing_executable(page)
    assert "<script" not in page.lower()
    assert "&lt;img src=x onerror=alert(1)&gt;Evil &quot;Corp&quot;" in page
    assert "&lt;script&gt;alert(7)&lt;/script&gt; a note" in page
    # the linked URL stays a plain https link, its markup escaped inside the attribute
    link = next(a for t, a in tags_of(page) if t == "a")
    assert link["href"] == "https://example.org/?q=<script>alert(8)</script>"
    assert "alert(8)&lt;/script&gt;</a>" in page


def test_markdown_memo_says_what_the_case_holds(story, tmp_path):
    text = export_case(story, tmp_path / "memo.md").read_text(encoding="utf-8")
    officials = claim_id(story, "Egyptian officials")
    assert f"### {officials}: disputed" in text
    assert "- Speaker: A Syrian political source (unnamed)" in text
    assert "- Channels: AFP, Middle East Eye" in text
    assert "- reported by: AFP (AFP wire, 17 Oct)" in text
    assert "| SANA | Syria | agency | yes |" in text
    assert "| 2016-10-01 | 2016-10-31 | month | Saudi Arabia condemned the visit |" in text


def test_markdown_escaping_neutralises_markup():
    assert md("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert md("[a](javascript:alert(1))") == "\\[a\\]\\(javascript:alert\\(1\\)\\)"
    assert md("![i](x) *b* _c_ `d` a|b") == "\\!\\[i\\]\\(x\\) \\*b\\* \\_c\\_ \\`d\\` a\\|b"
    assert md("line\n# heading\n\n- item") == "line \\# heading - item"


@pytest.mark.parametrize("renderer", ["markdown_it", "mistune"])
def test_markdown_memo_of_a_hostile_case_renders_inert(hostile, tmp_path, renderer):
    text = export_case(hostile, tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "<" not in text.replace("&lt;", "")  # no raw markup at all
    if renderer == "markdown_it":
        markdown_it = pytest.importorskip("markdown_it")
        # html=True passes raw HTML through: the most dangerous way to render it
        page = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    else:
        mistune = pytest.importorskip("mistune")
        page = mistune.create_markdown(escape=False, plugins=["table", "url"])(text)
    assert_nothing_executable(page)
    # the only link is the https URL a person linked; the hostile text made none
    hrefs = [a["href"] for t, a in tags_of(page) if t == "a"]
    assert all(h.startswith("https://example.org/?q=") for h in hrefs), hrefs
    assert HOSTILE_NAME.replace("<", "&lt;").replace(">", "&gt;").split('"')[0] in page


@pytest.mark.parametrize("format", ["html", "md"])
def test_the_memo_is_made_with_the_collector_held_off(story, tmp_path, monkeypatch, format):
    """A memo's records hold no cycles: the collector is off while it is gathered and
    rendered (at 5,000 articles its collections walked every live object, a fifth of the
    memo's CPU), back on after, and a caller's collector that was off is left off."""
    seen: list[bool] = []
    for name in ("gather_memo", "render_html", "render_markdown"):
        made = getattr(report, name)
        monkeypatch.setattr(
            report, name, lambda *a, made=made, **k: (seen.append(gc.isenabled()), made(*a, **k))[1]
        )
    story.forget_kept()  # the memo made, not the kept one read
    write_report(story, tmp_path / f"memo.{format}", format=format)
    write_report(CaseSnapshot(story), tmp_path / f"again.{format}", format=format)
    assert seen == [False] * 4
    assert gc.isenabled()
    gc.disable()
    try:
        write_report(CaseSnapshot(story), tmp_path / f"off.{format}", format=format)
        assert not gc.isenabled()
    finally:
        gc.enable()
