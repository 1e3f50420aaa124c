"""Arabic extraction: spaCy's Arabic tokenizer and our rules, no model (fast tier)."""

from __future__ import annotations

import datetime
import json

import pytest

from workbench.extract.arabic import extract_arabic
from workbench.extract.arabic.dates import find_dates
from workbench.extract.arabic.tokens import tokenize
from workbench.model import Article, Precision
from workbench.schema import validate_extraction

PUBLISHED = datetime.date(2016, 10, 17)


def extract(text: str, published: datetime.date | None = PUBLISHED):
    return extract_arabic(Article(id="t", text=text, published=published, language="ar"))


def names(extraction) -> dict[str, str]:
    return {a.id: a.name for a in extraction.actors}


def test_the_tokenizer_splits_quotation_marks_and_clitic_quotes():
    tokens = [t.text for t in tokenize("قال: «إن التنسيق مستمر». وقالت مصادر لـ«الأخبار» إن")]
    assert tokens[:8] == ["قال", ":", "«", "إن", "التنسيق", "مستمر", "»", "."]
    assert "«" in tokens[9:] and "الأخبار" in tokens


def test_gazetteer_names_carry_their_latin_names_and_arabic_aliases():
    x = extract("زار اللواء علي مملوك القاهرة والتقى بالرئيس السيسي في مصر.")
    by_name = {a.name: a for a in x.actors}
    assert by_name["Ali Mamlouk"].type.value == "person"
    assert "علي مملوك" in by_name["Ali Mamlouk"].aliases
    assert by_name["Abdel Fattah el-Sisi"].mentions[0].text == "السيسي"  # ب and ال off
    assert by_name["Cairo"].type.value == "place" and by_name["Egypt"].type.value == "country"


def test_a_title_introduces_an_unknown_name_and_its_surname_comes_back():
    text = "وقال وزير الخارجية السوري محمد الخطيب إن الزيارة ناجحة. وأضاف الخطيب أن التنسيق مستمر."
    x = extract(text)
    (person,) = [a for a in x.actors if a.type.value == "person"]
    assert [m.text for m in person.mentions] == ["محمد الخطيب", "الخطيب"]
    assert person.roles == ("وزير الخارجية السوري",)
    # romanised (no gazetteer knows him); the given name in its usual spelling
    assert person.name.startswith("Mohammed al-")


def test_an_ambiguous_outlet_name_needs_its_noun_or_quotation_marks():
    plain = extract("تابعت الأخبار العاجلة من الشرق الأوسط.")
    assert not [a for a in plain.actors if a.type.value == "media"]
    named = extract("ذكرت صحيفة الأخبار أن الوفد وصل. وقالت «الشرق الأوسط» إن اللقاء تم.")
    assert {a.name for a in named.actors if a.type.value == "media"} == {
        "Al-Akhbar",
        "Asharq Al-Awsat",
    }


def test_a_relayed_claim_has_the_outlet_as_channel_and_the_unnamed_source_as_speaker():
    text = (
        "ونقلت وكالة فرانس برس عن مصدر سياسي سوري في دمشق قوله إن مملوك «التقى مسؤولين "
        "مصريين سابقاً»."
    )
    x = extract(text)
    (claim,) = x.claims
    assert claim.speaker is None and claim.speaker_text == "مصدر سياسي سوري في دمشق"
    assert [names(x)[c] for c in claim.channels] == ["Agence France-Presse"]
    assert claim.kind.value == "mixed" and claim.text.startswith("مملوك «التقى")
    assert claim.cue == "نقلت"


def test_an_agency_by_its_bracketed_short_name_is_the_channel():
    # Tunisian copy names TAP by its short name alone, in brackets: "(وات)"
    x = extract("وأفاد مراسل (وات) في القصرين بأن الطريق أعيد فتحها.")
    (claim,) = x.claims
    assert [names(x)[c] for c in claim.channels] == ["Tunis Afrique Presse"]


def test_an_outlet_reporting_is_speaker_and_channel():
    x = extract("وذكرت وكالة سانا أن الجانبين «اتفقا على تنسيق المواقف».")
    (claim,) = x.claims
    assert names(x)[claim.speaker] == "Syrian Arab News Agency"
    assert claim.channels == (claim.speaker,)


def test_a_quotation_alone_is_direct_without_its_marks():
    x = extract("وقال المندوب السعودي عبد الله المعلمي: «كان ذلك مؤلماً».")
    (claim,) = x.claims
    assert claim.kind.value == "direct" and claim.text == "كان ذلك مؤلماً"
    assert names(x)[claim.speaker] == "Abdallah al-Mouallimi"


def test_according_to_takes_the_rest_of_the_sentence():
    x = extract("وبحسب مصادر نفطية، أوقفت أرامكو الشحنات إلى مصر.")
    (claim,) = x.claims
    assert claim.text == "أوقفت أرامكو الشحنات إلى مصر" and claim.speaker is None
    assert claim.speaker_text == "مصادر نفطية"
    after = extract("أوقفت أرامكو الشحنات إلى مصر، وفقا لوكالة سانا.")
    (claim,) = after.claims
    assert claim.text == "أوقفت أرامكو الشحنات إلى مصر"
    assert names(after)[claim.speaker] == "Syrian Arab News Agency"


def test_a_continuing_cue_keeps_the_speaker():
    x = extract("قال علي مملوك إن التنسيق مستمر. وأضاف أن اللقاء كان إيجابياً.")
    first, second = x.claims
    assert second.speaker == first.speaker and names(x)[second.speaker] == "Ali Mamlouk"


def test_no_cue_no_claim():
    assert extract("زار مملوك القاهرة يوم الأحد والتقى مسؤولين مصريين.").claims == ()


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("في 8 تشرين الأول/أكتوبر ٢٠١٦", "2016-10-08", Precision.DAY),
        ("في ٨ أكتوبر", "2016-10-08", Precision.DAY),
        ("في آب/أغسطس 2015", "2015-08", Precision.MONTH),
        ("عام 2012", "2012", Precision.YEAR),
        ("16 محرم 1438 هـ", "2016-10-17", Precision.DAY),
        # ذو after a day's number is written ذي (the genitive): the form dates come in
        ("في ٩ ذي الحجة ١٤٤٤ هـ", "2023-06-27", Precision.DAY),
        ("في 20 ذي القعدة 1437هـ", "2016-08-23", Precision.DAY),
        ("أمس", "2016-10-16", Precision.DAY),
        ("يوم الخميس", "2016-10-13", Precision.DAY),
        ("مطلع الشهر الجاري", "2016-10-01", Precision.APPROXIMATE),
        ("في ديسمبر", None, None),  # a bare month name is no date: "آب" is also a word
    ],
)
def test_dates(text, iso, precision):
    found = find_dates(text, PUBLISHED)
    if iso is None:
        assert found == []
        return
    (date,) = found
    assert date.value.date.isoformat() == iso and date.value.precision is precision


def test_relative_dates_need_a_publication_date():
    assert find_dates("أمس", None) == []
    assert [f.value.date.isoformat() for f in find_dates("عام 2012", None)] == ["2012"]


def test_the_sample_article_validates_and_carries_the_seed_story(samples_dir):
    path = samples_dir / "mamlouk-visits-cairo-ar.txt"
    title, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = json.loads(path.with_name("mamlouk-visits-cairo-ar.meta.json").read_text())
    x = extract(body, datetime.date.fromisoformat(meta["published"]))
    validate_extraction(x.to_dict())
    got = {a.name for a in x.actors}
    assert {"Ali Mamlouk", "Khaled Fawzy", "Abdel Fattah el-Sisi", "Al-Akhbar"} <= got
    assert {"Syrian Arab News Agency", "Agence France-Presse", "Cairo"} <= got
    by_id = names(x)
    channels = [[by_id[c] for c in claim.channels] for claim in x.claims]
    assert ["Al-Akhbar"] in channels and ["Agence France-Presse"] in channels
    assert "2016-10-08" in {e.date.isoformat() for e in x.events}
    for e in x.events:
        assert body[e.start : e.end] == e.date_text


def test_offsets_hold_with_diacritics_and_tatweel():
    text = "قَالَ الرئيسُ السيسي إنّ الزيارة ناجحة، بحسب سـانا."
    x = extract(text)
    for actor in x.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    for claim in x.claims:
        assert text[claim.start : claim.end] == claim.text


def test_an_unnamed_source_speaking_to_an_outlet_is_described_without_it():
    x = extract("وقال مسؤول سوري رفيع لوكالة فرانس برس إن الوفد وصل.")
    (claim,) = x.claims
    assert claim.speaker is None and claim.speaker_text == "مسؤول سوري رفيع"
    assert [names(x)[c] for c in claim.channels] == ["Agence France-Presse"]


def test_a_quoted_name_before_the_content_is_part_of_the_source():
    x = extract('قال الوزير محمد الخطيب في كلمته أمام مؤتمر "الحوار الوطني"، إن الوضع تحسن.')
    (claim,) = x.claims
    assert claim.text == "الوضع تحسن" and claim.kind.value == "indirect"
    assert names(x)[claim.speaker].startswith("Mohammed al-")


def test_an_outlet_named_in_quotation_marks_after_its_noun_is_an_outlet():
    x = extract('وذكرت شبكة "أخبار الرقة 24" الإخبارية، أن الطائرات قصفت المدينة.')
    (outlet,) = [a for a in x.actors if a.type.value == "media"]
    assert outlet.mentions[0].text == "أخبار الرقة 24"
    assert "Raqqa" not in {a.name for a in x.actors}  # the city's name is the outlet's
    (claim,) = x.claims
    assert claim.speaker == outlet.id and claim.channels == (outlet.id,)


def test_an_unknown_source_does_not_inherit_the_last_speaker():
    x = extract("قال علي مملوك إن التنسيق مستمر. وذكر مراقب إلكتروني أن الوفد غادر.")
    first, second = x.claims
    assert first.speaker is not None and second.speaker is None
    assert second.speaker_text == "مراقب إلكتروني"


def test_a_known_outlet_in_quotation_marks_keeps_its_gazetteer_name():
    x = extract("وذكرت صحيفة «الشرق الأوسط» أن الحرائق أخمدت.")
    (claim,) = x.claims
    assert names(x)[claim.speaker] == "Asharq Al-Awsat"
