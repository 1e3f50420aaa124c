"""Arabic bodies found by their head noun, common words that are no place names, and the
month pairs and back references of the wires' dates (no model: fast tier). Written in other
words than the dev texts."""

from __future__ import annotations

import datetime

from workbench.extract.arabic import extract_arabic
from workbench.model import ActorType, Article


def extract(text: str, published: datetime.date = datetime.date(2024, 6, 12)):
    return extract_arabic(Article(id="t", text=text, published=published, language="ar"))


def names(x, kind: ActorType | None = None) -> list[str]:
    return [a.aliases[0] if a.aliases else a.name for a in x.actors if kind in (None, a.type)]


def speakers(x) -> list[str | None]:
    by_id = {a.id: a for a in x.actors}
    return [
        (by_id[c.speaker].aliases or [by_id[c.speaker].name])[0] if c.speaker else None
        for c in x.claims
    ]


def test_a_body_no_list_knows_speaks_not_its_country():
    x = extract(
        "أعلنت الهيئة العامة للطيران المدني في الأردن، الأحد، تعليق الرحلات إلى بيروت. "
        "وقالت الهيئة، في بيان، إن القرار «احترازي»."
    )
    body = "الهيئة العامة للطيران المدني"
    assert body in names(x, ActorType.ORGANIZATION)
    assert speakers(x) == [body, body]
    assert [c.text for c in x.claims] == ["تعليق الرحلات إلى بيروت", "القرار «احترازي»"]


def test_a_body_in_construct_and_with_adjectives():
    x = extract("وقال مسؤول في شركة مياه الجنوب إن محطة الضخ توقفت، وفق هيئة الرقابة المالية.")
    assert names(x, ActorType.ORGANIZATION) == ["شركة مياه الجنوب", "هيئة الرقابة المالية"]


def test_a_head_noun_with_an_adjective_only_names_no_body():
    x = extract("وقال النائب إن الحكومة الجديدة ستعقد جلستها الأولى، وإن مجلس إدارة المؤسسة اجتمع.")
    assert names(x, ActorType.ORGANIZATION) == []


def test_a_body_inside_a_title_leaves_the_person_speaking():
    x = extract(
        "وقال المتحدث باسم مفوضية الانتخابات العليا لشؤون الإعلام جمانة الغلاي إن النتائج "
        "«ستعلن الأسبوع المقبل»."
    )
    people = names(x, ActorType.PERSON)
    assert people == ["جمانة الغلاي"]
    assert speakers(x) == ["جمانة الغلاي"]
    assert names(x, ActorType.ORGANIZATION) == ["مفوضية الانتخابات العليا لشؤون الإعلام"]


def test_a_genitive_with_b_in_a_title_is_no_name():
    x = extract("وقال المبعوث الخاص للأمين العام بشأن سوريا غير بيدرسن إن الحل سياسي.")
    assert "بشأن" not in " ".join(names(x, ActorType.PERSON))
    assert [a.name for a in x.actors if a.type is ActorType.PERSON] == ["Geir Pedersen"]


def test_a_place_always_written_with_its_article_needs_it():
    x = extract("قدمت الحكومة ورقة عمل إلى البرلمان، ثم زار الوفد الرقة.")
    assert [m.text for a in x.actors if a.name == "Raqqa" for m in a.mentions] == ["الرقة"]


def test_a_place_that_is_an_adjective_after_a_noun_is_no_place():
    x = extract(
        "وأعلنت الشركة «الظروف القاهرة» ثم حالة القوة القاهرة، وتصاعد دخان من المبنى "
        "الرمادي، ووصل الوفد إلى "
        "القاهرة. وقال إن القاهرة تدعم الاتفاق."
    )
    assert [m.text for a in x.actors for m in a.mentions] == ["القاهرة", "القاهرة"]


def test_a_madda_is_no_hamza():
    x = extract("واتهم الوزير أطرافاً باستخدام الملف لتحقيق مآرب سياسية في مأرب.")
    assert [m.text for a in x.actors if a.name == "Marib" for m in a.mentions] == ["مأرب"]


def test_dates_in_the_egyptian_order_with_the_levantine_month_in_brackets():
    x = extract(
        "وشهدت البلاد احتجاجات في مارس (آذار) وأغسطس (آب) ٢٠١٩، ثم في ٣ يونيو (حزيران) الجاري."
    )
    got = [(e.date_text, str(e.date)) for e in x.events]
    assert got == [
        ("مارس (آذار)", "2019-03"),
        ("أغسطس (آب) ٢٠١٩", "2019-08"),
        ("٣ يونيو (حزيران) الجاري", "2024-06-03"),
    ]


def test_a_day_of_the_same_month_and_a_weekday_before_a_date():
    x = extract(
        "وصل الوفد في ١٢ أيار/مايو الماضي، وغادر في ١٥ من الشهر ذاته. "
        "وقع الانفجار صباح يوم الأحد 2 حزيران/يونيو."
    )
    got = [(e.date_text, str(e.date)) for e in x.events]
    assert got == [
        ("١٢ أيار/مايو الماضي", "2024-05-12"),
        ("١٥ من الشهر ذاته", "2024-05-15"),
        ("صباح يوم الأحد 2 حزيران/يونيو", "2024-06-02"),
    ]


def test_a_body_found_by_its_head_noun_gets_an_english_name():
    x = extract(
        "وأعلنت الهيئة العامة للطيران المدني الأردنية تعليق الرحلات. وقال رئيس حكومة الوحدة "
        "الوطنية إن الأمر صعب. وقالت هيئة الرقابة الاتحادية إن الأمر صعب، فيما قالت شركة "
        "بلابلا الجديدة إن الأمر سهل."
    )
    assert [a.name for a in x.actors if a.type is ActorType.ORGANIZATION] == [
        "Jordanian General Commission of Civil Aviation",
        "Government of National Unity",
        "Federal Commission of Oversight",
        "Shrka Blabla al-Jdida",  # a word the list lacks: the romanisation
    ]


def test_a_demonym_the_gazetteer_also_lists_is_the_bodys_country():
    x = extract("أعلنت الهيئة العامة للموانئ السورية استئناف الملاحة.")
    assert [a.name for a in x.actors] == ["Syrian General Commission of Ports"]


def test_two_words_the_press_names_as_one():
    x = extract("وأكدت رئاسة الجمهورية التونسية أن الانتخابات في موعدها. وقال مجلس الشعب إن.")
    assert [a.name for a in x.actors if a.type is ActorType.ORGANIZATION] == [
        "Tunisian Presidency",
        "People's Assembly",
    ]


def test_a_ministry_named_again_by_its_noun_speaks():
    x = extract("أعلنت وزارة الصحة الأردنية ارتفاع الإصابات. وقالت الوزارة إن المستشفيات ممتلئة.")
    assert speakers(x) == ["وزارة الصحة الأردنية", "وزارة الصحة الأردنية"]
