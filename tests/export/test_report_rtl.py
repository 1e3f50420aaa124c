"""The memo shows Arabic claims and names right to left inside the English page."""

from __future__ import annotations

import datetime

from workbench import Case
from workbench.export.report import write_report
from workbench.extract.arabic import extract_arabic
from workbench.model import Article


def test_arabic_claims_are_quoted_with_their_own_direction(tmp_path):
    text = "وذكرت وكالة سانا أن اللواء علي مملوك «زار القاهرة». <script>alert(1)</script>"
    article = Article(id="ar", text=text, published=datetime.date(2016, 10, 17), language="ar")
    with Case.open(tmp_path / "c.case") as case:
        case.add_extraction(extract_arabic(article))
        page = write_report(case, tmp_path / "memo.html", format="html").read_text()
    assert '<blockquote dir="auto">أن اللواء علي مملوك' not in page  # content, not the cue
    assert '<blockquote dir="auto">اللواء علي مملوك «زار القاهرة»</blockquote>' in page
    assert "td, dd, blockquote { unicode-bidi: plaintext" in page
    assert "<script>alert" not in page


def test_a_date_after_an_arabic_title_stays_left_to_right(tmp_path):
    text = "قال علي مملوك إن الوفد وصل."
    article = Article(
        id="ar", text=text, title="عنوان عربي", published=datetime.date(2016, 10, 17), language="ar"
    )
    with Case.open(tmp_path / "c.case") as case:
        case.add_extraction(extract_arabic(article))
        page = write_report(case, tmp_path / "memo.html", format="html").read_text()
    assert 'عنوان عربي (<span dir="ltr">2016-10-17</span>)' in page
