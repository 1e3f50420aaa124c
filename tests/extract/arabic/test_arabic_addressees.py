"""Arabic speakers who spoke to an outlet, were told something or relayed it, and the
objects of denying and accusing participles (no model: fast tier). The sentences are
written in other words than the dev texts (the second fresh set's error kinds)."""

from __future__ import annotations

import datetime

from workbench.extract.arabic import extract_arabic
from workbench.model import Article


def extract(text: str):
    return extract_arabic(
        Article(id="t", text=text, published=datetime.date(2024, 6, 12), language="ar")
    )


def said(x) -> list[tuple[str | None, str, tuple[str, ...]]]:
    """(speaker's name or words, content, channels' names) of each claim."""
    names = {a.id: a.name for a in x.actors}
    return [
        (names[c.speaker] if c.speaker else c.speaker_text, c.text,
         tuple(names[i] for i in c.channels))
        for c in x.claims
    ]  # fmt: skip


def test_the_outlet_a_source_spoke_to_is_a_channel_not_the_speaker():
    x = extract(
        "وكان وزير الخارجية الأردني أيمن الصفدي قد قال لقناة «الجزيرة» إن عمّان "
        "«لن تكون ساحة لأي صراع»."
    )
    assert said(x) == [("Ayman Safadi", "عمّان «لن تكون ساحة لأي صراع»", ("Al Jazeera",))]


def test_a_continuing_statement_to_an_outlet_keeps_the_speaker():
    x = extract(
        "قال وزير الخارجية الأردني أيمن الصفدي إن الحدود مغلقة. "
        "وقال لصحيفة «الغد» إن «القرار مؤقت»."
    )
    assert said(x)[1] == ("Ayman Safadi", "القرار مؤقت", ("Al-Ghad",))


def test_after_a_phrase_of_attribution_the_outlet_still_speaks():
    x = extract("أغلقت السلطات المعبر، وفقا لوكالة رويترز.")
    assert said(x) == [("Reuters", "أغلقت السلطات المعبر", ("Reuters",))]


def test_one_of_the_people_a_definite_noun_names_is_an_unnamed_source():
    x = extract("وقال أحد السكان لوكالة رويترز إن المياه «مقطوعة منذ أسبوع».")
    assert said(x) == [("أحد السكان", "المياه «مقطوعة منذ أسبوع»", ("Reuters",))]


def test_a_source_asking_not_to_be_named_is_no_relay():
    x = extract(
        "وقال دبلوماسي أوروبي لوكالة فرانس برس، مفضلاً عدم الكشف عن هويته، إن الاتفاق «بات وشيكاً»."
    )
    assert said(x) == [("دبلوماسي أوروبي", "الاتفاق «بات وشيكاً»", ("Agence France-Presse",))]


def test_a_relay_names_its_source_after_a_time():
    x = extract(
        "ونقلت وكالة رويترز في ٣ حزيران/يونيو الجاري عن دبلوماسيين غربيين أن المفاوضات تعثرت."
    )
    assert said(x) == [("دبلوماسيين غربيين", "المفاوضات تعثرت", ("Reuters",))]


def test_the_person_told_is_not_the_speaker():
    x = extract(
        "وأخبر رئيس الوزراء الأردني بشر الخصاونة الرئيس الفرنسي إيمانويل ماكرون، في "
        "اتصال هاتفي، أن بلاده «ترفض أي تهجير»."
    )
    assert said(x) == [("Bisher Khasawneh", "بلاده «ترفض أي تهجير»", ())]
    before = extract(
        "وكانت وزيرة الخارجية الألمانية أنالينا بيربوك قد أبلغت نظيرها الأردني أيمن الصفدي "
        "أن برلين ستزيد مساعداتها."
    )
    assert [s[0] for s in said(before)] == ["Annalena Baerbock"]


def test_a_denying_or_accusing_participle_says_its_object():
    x = extract(
        "وقال المتحدث باسم الحكومة الأردنية مهند مبيضين إن المعبر يعمل، نافياً ما نشر عن "
        "إغلاقه، ومتهماً جهات خارجية بـ«نشر الشائعات»."
    )
    speaker = said(x)[0][0]
    assert [s[0] for s in said(x)] == [speaker, speaker, speaker]
    assert [s[1] for s in said(x)][1:] == [
        "ما نشر عن إغلاقه",
        "جهات خارجية بـ«نشر الشائعات»",
    ]


def test_a_name_written_with_a_hamza_keeps_its_first_letters():
    # "ألباريس" (Albares) is no "باريس" (Paris) with an article; Germany with or without
    # its hamza is Germany
    x = extract("قال الوزير خوسيه ألباريس إن ألمانيا والمانيا واحدة.")
    assert [a.name for a in x.actors if a.type.value == "place"] == []
    assert [m.text for a in x.actors if a.name == "Germany" for m in a.mentions] == [
        "ألمانيا",
        "المانيا",
    ]
    # and a text's hamza the list's form leaves out: "إلياس" for "الياس"
    y = extract("وقال النائب إلياس بو صعب إن الاتفاق نهائي.")
    assert [a.name for a in y.actors] == ["Elias Bou Saab"]


def test_a_bodys_other_name_in_brackets_is_part_of_a_title():
    x = extract("وقال مدير الدفاع المدني السوري (الخوذ البيضاء) رائد الصالح إن الفرق تعمل.")
    assert said(x)[0][0] == "Raed al-Saleh"
    civil = next(a for a in x.actors if a.name == "Civil Defence")
    assert [m.text for m in civil.mentions] == ["الدفاع المدني", "الخوذ البيضاء"]


def test_a_news_portal_named_in_quotation_marks_is_an_outlet():
    x = extract("وقال مصدر أمني لبوابة «المرصد» إن الطريق آمن. وعبرت الشاحنات بوابة المعبر.")
    assert said(x) == [("مصدر أمني", "الطريق آمن", ("Al-Mrsd",))]


def test_an_outlet_told_after_the_source_never_speaks():
    x = extract("وقالت الوزارة في بيان لوكالة «سبوتنيك» إن الوفد وصل.")
    assert said(x) == [("الوزارة", "الوفد وصل", ("Sputnik",))]


def test_the_agency_told_after_a_title_is_an_outlet_not_a_name():
    x = extract("وأعلن الناطق باسم الحكومة اليمنية لوكالة سبأ أن الهدنة انتهت.")
    assert [(a.type.value, a.mentions[0].text) for a in x.actors] == [("media", "سبأ")]
    assert said(x)[0][0] == "الناطق باسم الحكومة اليمنية"
