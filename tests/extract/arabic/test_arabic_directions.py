"""Arabic dates with a direction or a part of the month (ar_date_modifiers.csv), and the
bodies, platforms and places of the region the gazetteer names (no model: fast tier)."""

from __future__ import annotations

import datetime

import pytest

from workbench.extract.arabic import extract_arabic
from workbench.extract.arabic.dates import find_dates
from workbench.model import Article

TUESDAY = datetime.date(2022, 8, 16)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("يزور البصرة الخميس المقبل", "2022-08-18", None),  # next, not last Thursday
        ("اجتمعوا الثلاثاء المقبل", "2022-08-23", None),  # the publication's weekday: a week on
        ("اجتمعوا الثلاثاء الماضي", "2022-08-09", None),  # ... and a week back
        ("اجتمعوا الثلاثاء", "2022-08-16", None),  # no direction: the latest, today
        ("قبل مطلع أيلول/سبتمبر المقبل", "2022-09-01", "2022-09-10"),
        ("تظاهرات أواخر تموز/يوليو الماضي", "2022-07-21", "2022-07-31"),
        ("في منتصف آب", "2022-08-11", "2022-08-20"),  # a part makes a bare month a date
        ("في آب المقبل", "2023-08", None),  # the next August after publication
        ("مطلع الشهر المقبل", "2022-09-01", "2022-09-10"),
        ("أواخر الشهر الماضي", "2022-07-21", "2022-07-31"),
        ("الأسبوع المقبل", "2022-08-22", "2022-08-28"),  # the whole week, past publication
        ("العام المقبل", "2023", None),
        ("يغادر غداً", "2022-08-17", None),
        ("يصل بعد غد", "2022-08-18", None),
        ("وصل أمس الأول", "2022-08-14", None),
        ("في الخامس من آذار الماضي", "2022-03-05", None),  # an ordinal day in words
        ("الحادي والعشرين من أيلول 2021", "2021-09-21", None),
        ("وصل أمس الاثنين", "2022-08-15", None),  # one expression, the weekday its own day
    ],
)
def test_a_direction_or_a_part_of_the_month_is_read(text, first, last):
    (found,) = find_dates(text, TUESDAY)
    assert found.value.date.isoformat() == first
    assert (found.value.date_end.isoformat() if found.value.date_end else None) == last


def test_a_bare_month_name_is_still_no_date():
    assert find_dates("وصل في آب", TUESDAY) == []
    assert find_dates("غدا الوضع صعباً", TUESDAY) == []  # غدا "became", not غداً "tomorrow"


def extract(text: str):
    return extract_arabic(Article(id="t", text=text, published=TUESDAY, language="ar"))


@pytest.mark.parametrize(
    ("text", "form", "name", "kind"),
    [
        ("أعلن الاتحاد الأفريقي تعليق عضوية السودان.", "الاتحاد الأفريقي", "African Union",
         "organization"),
        ("حذرت منظمة الصحة العالمية من انتشار الكوليرا.", "منظمة الصحة العالمية",
         "World Health Organization", "organization"),
        ("انتشرت فصائل من الحشد الشعبي قرب المطار.", "الحشد الشعبي",
         "Popular Mobilization Forces", "group"),
        ("نشر بياناً على «تلغرام» صباح اليوم.", "تلغرام", "Telegram", "media"),
        ("وصل الوفد إلى أم درمان.", "أم درمان", "Omdurman", "place"),
    ],
)  # fmt: skip
def test_the_regions_bodies_platforms_and_places_are_named(text, form, name, kind):
    found = {m.text: a for a in extract(text).actors for m in a.mentions}
    assert form in found
    assert (found[form].name, found[form].type.value) == (name, kind)


def test_a_gazetteer_outlet_that_is_an_ordinary_word_needs_its_outlet_noun():
    # الصباح is "the morning" unless a paper is named: صحيفة «الصباح»
    plain = extract("وصل الوفد في الصباح إلى بغداد.")
    assert "Al-Sabah" not in [a.name for a in plain.actors]
    named = extract("ونقلت صحيفة «الصباح» عن مصدر قوله إن الخطة ستقلص.")
    assert "Al-Sabah" in [a.name for a in named.actors]


def test_a_place_no_list_knows_is_named_by_its_kind():
    x = extract("انخفض منسوب نهر الكارون قرب سد الروصيرص، ثم وصلوا إلى مخيم الهول.")
    places = {a.name: [m.text for m in a.mentions] for a in x.actors if a.type.value == "place"}
    assert places == {
        "Karoun River": ["نهر الكارون"],
        "Rousirs Dam": ["سد الروصيرص"],
        "Houl Camp": ["مخيم الهول"],
    }


def test_a_place_noun_with_the_article_names_nothing_after_it():
    # "ملء للسد يمثل خرقاً": the dam just named, then a verb
    x = extract("قال إن أي ملء أحادي للسد يمثل خرقاً للاتفاق.")
    assert [a for a in x.actors if a.type.value == "place"] == []


def test_an_acronym_in_brackets_after_an_outlet_is_the_outlet_there_and_later():
    x = extract("وقالت وكالة الأنباء العراقية (واع) إن الطرق مفتوحة. وذكرت واع أن الوضع هادئ.")
    (agency,) = [a for a in x.actors if a.name == "Iraqi News Agency"]
    assert [m.text for m in agency.mentions] == ["وكالة الأنباء العراقية", "واع", "واع"]
    assert x.claims[1].speaker == agency.id


def test_an_ordinary_phrase_with_a_place_noun_names_no_place():
    x = extract("وتسعى الكتل إلى سد الفراغ الرئاسي على قاعدة التفاهم وإزالة حقل الألغام.")
    assert [a for a in x.actors if a.type.value == "place"] == []
