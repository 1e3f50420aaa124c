"""Right to left: an Arabic article's box runs from the right, its text still escaped."""

from __future__ import annotations

from workbench.views.highlight import CSS, Mark, highlight_html

TEXT = "قال <b>علي مملوك</b> إن التنسيق مستمر"


def test_an_arabic_article_is_right_to_left_with_its_language():
    html = highlight_html(TEXT, [Mark(8, 17, "actor", "A1", "Ali Mamlouk")], language="ar")
    assert html.startswith('<div class="wb-article" dir="rtl" lang="ar">')
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_without_a_language_the_browser_reads_the_direction():
    html = highlight_html("Mamlouk visited Cairo", [], title="عنوان")
    assert html.startswith('<div class="wb-article" dir="auto">')
    assert "<h3>عنوان</h3>" in html


def test_each_paragraph_takes_its_own_direction():
    assert "unicode-bidi: plaintext" in CSS
