"""Round 10 of the Arabic rules: the sixth fresh set's error kinds (speakers and channels),
each tested in other words and names than that set's and the round's tuned texts (no
model: fast tier)."""

from __future__ import annotations

import datetime

from workbench.extract.arabic import extract_arabic
from workbench.lexicon.transliterate import romanize
from workbench.model import ActorType, Article

MONDAY = datetime.date(2025, 2, 3)


def extract(text: str):
    return extract_arabic(Article(id="t", text=text, published=MONDAY, language="ar"))


def said(text: str) -> list[tuple[str | None, str | None, list[str]]]:
    """(speaker's name, speaker's words, channels' names) of each claim, in order."""
    x = extract(text)
    names = {a.id: a.name for a in x.actors}
    return [
        (
            names.get(c.speaker) if c.speaker else None,
            c.speaker_text,
            [names[i] for i in c.channels],
        )
        for c in x.claims
    ]


def people(text: str) -> list[str]:
    return [a.name for a in extract(text).actors if a.type is ActorType.PERSON]


# ---------------------------------------------------------------- honorifics


def test_his_majesty_is_the_king_named_before():
    text = (
        "عمّان - استقبل جلالة الملك عبدالله الثاني في قصر الحسينية رئيس الوزراء. "
        "وأكد جلالته أن الأردن «سيبقى سنداً لأشقائه»."
    )
    assert said(text) == [("Abdullah II", "جلالته", [])]


def test_his_highness_and_the_emir_by_title_are_the_emir_named_before():
    text = (
        "الكويت - افتتح صاحب السمو الشيخ مشعل الأحمد الجابر الصباح دور الانعقاد. "
        "وقال سموه إن الكويت «تمضي نحو الإصلاح». "
        "وشدد صاحب السمو على أن الوحدة الوطنية «خط أحمر»."
    )
    speakers = [s for s, _, _ in said(text)]
    assert speakers == ["Mishal al-Ahmad al-Jaber al-Sabah"] * 2


def test_an_honorific_on_a_platform_is_the_ruler_and_the_platform_his_channel():
    text = (
        "الرباط - ترأس صاحب الجلالة الملك محمد السادس مجلساً وزارياً. "
        "وكتب جلالة الملك في تدوينة على منصة «إكس» أن المغرب «ماض في أوراشه»."
    )
    assert said(text) == [("Mohammed VI", "جلالة الملك", ["X"])]


def test_an_honorific_with_no_ruler_named_before_names_no_one():
    text = "وأكد جلالته أن البلاد «ماضية في الإصلاح»."
    assert [s for s, _, _ in said(text)] == [None]


def test_an_honorific_skips_a_person_named_without_its_marks():
    text = (
        "مسقط - استقبل حضرة صاحب الجلالة السلطان هيثم بن طارق الوزير الهندي سوبرامانيام "
        "جايشانكار. وأكد جلالته أن العلاقات «راسخة»."
    )
    assert [s for s, _, _ in said(text)] == ["Haitham bin Tariq"]


# ---------------------------------------------------------------- the paper named before


def test_the_paper_is_the_paper_named_before_and_its_own_channel():
    text = (
        "ذكرت صحيفة «لوموند» أن باريس تدرس العرض. "
        "وقال وزير الخارجية الفرنسي جان نويل بارو إن القرار «لم يتخذ بعد». "
        "وقالت الصحيفة إن الرئاسة «منقسمة»."
    )
    assert said(text)[-1] == ("Le Monde", "الصحيفة", ["Le Monde"])


def test_the_agency_is_the_agency_named_before_not_the_paper():
    text = (
        "ونقلت وكالة «سبوتنيك» عن مصدر أن الاجتماع انتهى. "
        "وذكرت صحيفة «لوموند» أن باريس تدرس العرض. "
        "وقالت الوكالة إن الوفد «غادر مساء»."
    )
    assert said(text)[-1] == ("Sputnik", "الوكالة", ["Sputnik"])


# ---------------------------------------------------------------- people with no title


def test_two_name_words_after_a_verb_of_saying_are_a_person():
    text = "وقال سالم الكعبي من مدينة العين لقناة «سكاي نيوز عربية» إن الأسعار «ارتفعت كثيراً»."
    assert said(text)[0][0] == "Salem al-Kaabi"
    assert "Salem al-Kaabi" in people(text)


def test_a_name_before_the_verb_at_a_clause_start_is_a_person():
    text = "وفي السوق، سالم الكعبي قال إن الأسعار «ارتفعت كثيراً»."
    assert said(text)[0][0] == "Salem al-Kaabi"


def test_one_given_name_or_words_running_on_are_no_person():
    assert people("وقال محمد إن الأسعار ارتفعت.") == []
    assert people("وقال سعيد الأسعار المرتفعة تثقل الناس.") == []


def test_a_name_then_a_role_in_apposition_is_the_speaker_not_the_roles_noun():
    text = "وقال كريم بيطار، مدير برنامج لبنان في المعهد، إن الانتخابات «مفصلية»."
    assert said(text)[0][0] == "Karim Bitar"
    assert "Brnamj" not in " ".join(people(text))


def test_a_place_in_the_speakers_words_is_never_the_speaker():
    text = "وقال خالد العتيبي من مدينة الجهراء لصحيفة «القبس» إن المياه «انقطعت»."
    assert said(text)[0][0] == "Khaled al-Otaibi"


# ---------------------------------------------------------------- a name's lineage


def test_a_lineage_with_bin_and_al_is_one_name():
    text = "وقال ولي عهد دبي الشيخ حمدان بن محمد بن راشد آل مكتوم إن الإمارة «جاهزة»."
    speaker = said(text)[0][0]
    assert speaker.startswith("Hamdan bin Mohammed bin R") and speaker.endswith(" Al Maktoum")
    assert "Mohammed bin Rashid Al Maktoum" not in people(text)


def test_a_lineage_goes_on_to_the_family_name():
    text = "وقال وزير المالية عبدالرحمن بن محمد العساف إن العجز «تراجع»."
    assert said(text)[0][0].startswith("Abdulrahman bin Mohammed al-")


# ---------------------------------------------------------------- channels


def test_a_fronted_interview_is_the_channel_of_what_follows():
    text = "وفي حوار مع وكالة «سبوتنيك»، قال المبعوث ألكسندر لافرنتييف إن الحل «سياسي»."
    assert said(text)[0][2] == ["Sputnik"]


def test_the_datelines_agency_in_brackets_is_an_outlet_not_the_towns_acronym():
    x = extract("الوكرة (قنا) - أعلن المدير العام أن الميناء «جاهز».")
    names = {a.name: a.type for a in x.actors}
    assert names.get("Qatar News Agency") is ActorType.MEDIA


def test_an_agencys_name_and_its_known_acronym_are_one_outlet():
    text = "ونقلت وكالة الأنباء الإيرانية الرسمية (إرنا) عن المتحدث أن الوفد «سيعود»."
    media = [a.name for a in extract(text).actors if a.type is ActorType.MEDIA]
    assert media == ["Islamic Republic News Agency"]


# ---------------------------------------------------------------- romanisation


def test_a_compound_name_written_as_one_word_takes_its_usual_spelling():
    assert romanize("عبدالرحمن") == "Abdulrahman"
    assert romanize("عبدالعزيز الحربي").startswith("Abdulaziz ")


def test_ya_and_waw_before_a_long_alif_are_consonants():
    assert romanize("الراية") == "al-Raya"
    assert romanize("رواية") == "Rwaya"


def test_a_town_in_an_unnamed_speakers_words_is_not_the_speaker():
    text = "وقال أبو خالد من مدينة الجهراء لصحيفة «القبس» إن المياه «انقطعت»."
    speaker, words, channels = said(text)[0]
    assert speaker is None
    assert words.startswith("أبو خالد") and len(channels) == 1


# ---------------------------------------------------------------- capitals between states


def _types(text: str) -> dict[str, ActorType]:
    return {a.name: a.type for a in extract(text).actors}


def test_two_capitals_after_a_noun_of_dealings_and_between_are_the_states():
    found = _types("وتحسنت العلاقات بين الرياض وطهران منذ الاتفاق.")
    assert found.get("Saudi Arabia") is ActorType.COUNTRY
    assert found.get("Iran") is ActorType.COUNTRY


def test_two_capitals_on_a_road_between_them_stay_the_cities():
    found = _types("وأعيد فتح الطريق بين دمشق وبيروت أمس.")
    assert found.get("Damascus") is ActorType.PLACE
    assert found.get("Beirut") is ActorType.PLACE


def test_a_ministry_in_a_sentence_opened_by_a_capital_is_that_states():
    text = (
        "عمّان - أعلن الوزير الخطة. وفي أنقرة، أعلنت وزارة الدفاع أن التدريبات انتهت. "
        "وقالت وزارة الدفاع إن الجنود عادوا."
    )
    ministries = [a.name for a in extract(text).actors if "Ministry" in a.name]
    assert ministries == ["Turkish Defence Ministry", "Jordanian Defence Ministry"]


def test_a_field_noun_stands_before_its_council_or_union_as_the_press_writes():
    text = (
        "وأعلن مجلس الأمن القومي العراقي أن الحدود آمنة. "
        "وقال اتحاد المزارعين اللبنانيين إن المحصول تضرر."
    )
    names = [a.name for a in extract(text).actors if a.type is ActorType.ORGANIZATION]
    assert names == ["Iraqi National Security Council", "Lebanese Farmers Union"]


def test_the_agency_after_a_body_named_agency_is_that_body_not_an_earlier_outlet():
    text = (
        "ونقلت وكالة «رويترز» عن مصدر أن الاجتماع انتهى. "
        "ذكرت الوكالة الدولية للطاقة الذرية في تقرير أن المخزون ارتفع. "
        "وقالت الوكالة إن المفتشين «لم يتمكنوا» من الوصول."
    )
    assert said(text)[-1] == ("International Atomic Energy Agency", "الوكالة", [])
