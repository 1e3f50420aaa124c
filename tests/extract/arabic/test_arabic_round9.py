"""Round 9 of the Arabic rules: the fifth fresh set's error kinds, each tested in other
words and names than that set's (no model: fast tier)."""

from __future__ import annotations

import datetime

import pytest

from workbench.extract.arabic import extract_arabic
from workbench.extract.arabic.dates import find_dates
from workbench.model import Article

SUNDAY = datetime.date(2024, 3, 10)


def found(text: str, published: datetime.date = SUNDAY) -> list[tuple[str, str, str | None]]:
    return [
        (
            text[f.start : f.end],
            f.value.date.isoformat(),
            f.value.date_end.isoformat() if f.value.date_end else None,
        )
        for f in find_dates(text, published)
    ]


def extract(text: str, published: datetime.date = SUNDAY):
    return extract_arabic(Article(id="t", text=text, published=published, language="ar"))


# ---------------------------------------------------------------- dates


def test_two_years_after_one_noun_are_two_dates():
    assert found("ارتفعت مقارنة بعامي 2019 و2020") == [
        ("2019", "2019", None),
        ("2020", "2020", None),
    ]
    assert found("خلال العامين ٢٠١٥ و٢٠١٦") == [("٢٠١٥", "2015", None), ("٢٠١٦", "2016", None)]


@pytest.mark.parametrize(
    ("text", "expression", "iso"),
    [
        # a deadline is the period's last day (as the English side reads "by the end of")
        ("سيُنجز قبل نهاية نيسان/أبريل المقبل", "قبل نهاية نيسان/أبريل المقبل", "2024-04-30"),
        ("وقبل نهاية العام الجاري", "قبل نهاية العام الجاري", "2024-12-31"),
        ("بحلول نهاية الشهر المقبل", "بحلول نهاية الشهر المقبل", "2024-04-30"),
    ],
)
def test_a_deadline_is_the_last_day_of_its_period(text, expression, iso):
    assert found(text) == [(expression, iso, None)]


def test_the_end_of_a_period_without_a_deadline_stays_a_range():
    assert found("في نهاية الشهر الجاري") == [("نهاية الشهر الجاري", "2024-03-21", "2024-03-31")]


def test_tomorrow_with_its_weekday_is_the_coming_day():
    # "يوم غد الخميس" published on a Wednesday: the next day, never the Thursday before
    wednesday = datetime.date(2024, 3, 13)
    assert found("يصل الوفد يوم غد الخميس", wednesday) == [("يوم غد الخميس", "2024-03-14", None)]


# ---------------------------------------------------------------- speakers and channels


def names(x, ids) -> list[str]:
    return [x.actor(i).name for i in ids]


def test_a_lone_title_after_the_dateline_speaks_not_the_dateline_place():
    x = extract("إربد (بترا) - أكد رئيس البلدية أن «المياه ستعود خلال يومين».")
    (claim,) = x.claims
    assert claim.speaker is None and claim.speaker_text == "رئيس البلدية"
    assert names(x, [a.id for a in x.actors if a.type.value == "media"]) == ["Petra"]


def test_a_chain_of_two_outlets_is_given_origin_first():
    x = extract("ونقلت وكالة رويترز عن صحيفة «الغد» أن «المفاوضات متعثرة».")
    (claim,) = x.claims
    assert names(x, claim.channels) == ["Al-Ghad", "Reuters"]


def test_two_unnamed_sources_relayed_by_an_outlet_speak_not_the_outlet():
    x = extract("ونقلت وكالة الأناضول عن مصدرين أمنيين أن «الهجوم وقع فجراً».")
    (claim,) = x.claims
    assert claim.speaker is None and claim.speaker_text == "مصدرين أمنيين"
    assert names(x, claim.channels) == ["Anadolu Agency"]


def test_a_body_whose_name_goes_on_is_not_the_un_body_of_a_shorter_name():
    x = extract("وقال وزير الداخلية سامي العلي عقب اجتماع لمجلس الأمن الفرعي إن «الوضع مستقر».")
    assert "UN Security Council" not in [a.name for a in x.actors]
    x = extract("دعا مجلس الأمن الدولي إلى وقف النار.")
    assert [a.name for a in x.actors if "Security" in a.name] == ["UN Security Council"]


def test_a_meeting_after_the_verb_is_no_speaker_the_subject_before_is():
    x = extract("أما وزير المالية يوسف الخليل، فقال بعد ترؤسه اجتماعاً للجنة المال أمس، "
                "إن «الرواتب ستدفع».")  # fmt: skip
    (claim,) = x.claims
    assert x.actor(claim.speaker).name == "Youssef al-Khalil"


def test_an_outlets_owner_is_no_speaker_the_outlet_is():
    x = extract("وذكرت قناة «المسيرة» التابعة لجماعة أنصار الله أن «الغارات استهدفت صعدة».")
    (claim,) = x.claims
    assert x.actor(claim.speaker).type.value == "media"
    x = extract("وذكرت وكالة «سبأ»، بنسختها التي يديرها الحوثيون، أن «الوفد وصل».")
    (claim,) = x.claims
    assert x.actor(claim.speaker).name == "Saba News Agency"


# ---------------------------------------------------------------- Latin names


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("عادل الحداد", "Adel al-Haddad"),  # a family name of the table, with its article
        ("سامي الخوالدة", "Sami al-Khawaldeh"),  # the pattern of family plurals in ة
        ("هاني الطراونة", "Hani al-Tarawneh"),
        ("أحمد الشرقاوي", "Ahmed al-Sharqawi"),  # the nisba in اوي
        ("جاسم الكبيسي", "Jassem al-Kubaisi"),  # a given and a family name of the table
        ("عبد الستار الساعدي", "Abdul Sattar al-Saadi"),
    ],
)
def test_names_come_out_as_the_wires_spell_them(arabic, latin):
    from workbench.lexicon.transliterate import romanize

    assert romanize(arabic) == latin


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقالت نقابة المهندسين إن الأجور متدنية.", "Syndicate of Engineers"),
        ("وأعلن اتحاد المستثمرين أن الخسائر كبيرة.", "Union of Investors"),
        ("وقرر المجلس الوطني المؤقت للإعلام أن", "Provisional National Council of Media"),
    ],
)
def test_a_body_no_list_knows_is_named_word_by_word_not_letter_by_letter(text, name):
    assert [a.name for a in extract(text).actors] == [name]


def test_a_capital_acting_on_a_capital_stands_for_its_state_and_so_does_its_object():
    x = extract("وتتهم بغداد أنقرة بانتهاك السيادة العراقية منذ سنوات.")
    assert sorted(a.name for a in x.actors) == ["Iraq", "Turkey"]
    x = extract("وصل الوفد إلى أنقرة أمس.")  # a destination stays the city
    assert [a.name for a in x.actors] == ["Ankara"]


def test_a_country_before_a_papers_colon_is_its_capital():
    x = extract("الكويت: «القبس»\n\nأعلنت الحكومة أمس استقالتها.")
    assert "Kuwait City" in [a.name for a in x.actors]


def test_a_second_verb_of_the_same_speaker_in_the_sentence_keeps_the_outlet():
    x = extract("وقال رئيس الغرفة نبيل الحاج لقناة «الجديد» إن «الأسواق راكدة»، "
                "ولفت الحاج إلى أن «الأسعار ارتفعت».")  # fmt: skip
    first, second = x.claims
    assert names(x, second.channels) == names(x, first.channels) == ["Al Jadeed"]


def test_who_a_report_was_about_goes_on_speaking_through_the_outlet():
    x = extract("وذكرت وكالة «سبأ» أن رئيس الحكومة أحمد عوض استقبل الوفد في عدن، "
                "وأكد له أن «الحكومة ملتزمة بالهدنة».")  # fmt: skip
    second = x.claims[-1]
    assert x.actor(second.speaker).name == "Ahmed Awad"
    assert names(x, second.channels) == ["Saba News Agency"]


def test_an_outlet_in_brackets_after_a_tatweel_is_the_channel():
    x = extract("وقال رئيس الهيئة، سمير العبيدي، في تصريح لـ(وات)، إن «الملف مكتمل».")
    (claim,) = x.claims
    assert names(x, claim.channels) == ["Tunis Afrique Presse"]


def test_a_platform_fronted_before_the_verb_is_the_channel():
    x = extract("وعلى منصة «إكس»، كتب أحد الوزراء السابقين أن «الأزمة ستطول».")
    (claim,) = x.claims
    assert claim.speaker is None and names(x, claim.channels) == ["X"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the press's short form, with or without the state (the guideline's choice)
        ("وأعلنت وزارة الداخلية أن الطرق مغلقة.", "Interior Ministry"),
        ("وأعربت وزارة الخارجية السعودية عن قلقها.", "Saudi Foreign Ministry"),  # not "KSA"
        # a ministry with no demonym is the dateline's state's
        ("الرباط - أعلنت وزارة الداخلية أن الطرق مغلقة.", "Moroccan Interior Ministry"),
        ("وأعلنت وزارة الزراعة أن المحصول تضرر.", "Ministry of Agriculture"),
    ],
)
def test_a_ministry_is_named_as_the_press_names_it(text, name):
    assert name in [a.name for a in extract(text).actors]


# ---------------------------------------------------------------- mentions


def test_a_compound_surname_is_found_whole_and_never_its_second_word_alone():
    x = extract("وقال الناطق باسم الجماعة محمد عبد الرحيم إن «الوفد وصل». "
                "وأضاف عبد الرحيم أن الرحيم بالناس لا يظلم.")  # fmt: skip
    (person,) = [a for a in x.actors if a.type.value == "person"]
    assert [m.text for m in person.mentions] == ["محمد عبد الرحيم", "عبد الرحيم"]


def test_a_preposition_on_a_verbal_noun_after_a_title_is_no_name():
    x = extract("صدر الأمر القاضي بإقالة عشرين موظفاً.")
    assert [a for a in x.actors if a.type.value == "person"] == []


def test_afp_by_its_long_arabic_name_and_more_states():
    x = extract("ونقلت وكالة الصحافة الفرنسية عن دبلوماسي في سويسرا أن «المحادثات انتهت».")
    assert sorted(a.name for a in x.actors) == ["Agence France-Presse", "Switzerland"]


def test_a_list_after_a_known_place_goes_on_in_places_no_list_knows():
    x = extract("أغلقت المصارف فروعها في طرابلس وزغرتا والبترون، بعد الاقتحامات.")
    places = {m.text for a in x.actors if a.type.value == "place" for m in a.mentions}
    assert {"زغرتا", "البترون"} <= places
    x = extract("وتوقفت محطات الوقود في بيروت والمناطق.")  # one definite word: a common noun
    assert [a.name for a in x.actors] == ["Beirut"]


# ---------------------------------------------------------------- hostile input


def test_long_runs_of_the_new_triggers_stay_linear():
    # each new mechanism's trigger repeated over 160,000 characters, in its own process so
    # that a hang fails, not sticks: the deadline looks back a bounded distance, the list
    # of places and the owner of an outlet read forward within one clause
    import subprocess
    import sys

    code = (
        "import datetime\n"
        "from workbench.extract.arabic import extract_arabic\n"
        "from workbench.model import Article\n"
        "runs = ['قبل نهاية العام الجاري ', 'بعامي 2021 و2022 ', 'يوم غد الاثنين ',\n"
        "        'في بيروت وعاليه ', 'وذكرت قناة «المنار» التابعة لحزب الله أن ',\n"
        "        'وعلى منصة «إكس»، كتب ', 'لـ(وات) ', 'وأكد لهما أن ',\n"
        "        'مجلس الأمن المركزي ', 'وتتهم عمّان دمشق ', 'محمد عبد السلام ']\n"
        "for run in runs:\n"
        "    text = run * (160_000 // len(run))\n"
        "    x = extract_arabic(Article(id='t', text=text, published=datetime.date(2024, 1, 1),\n"
        "                               language='ar'))\n"
        "    print(len(x.claims) >= 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True
    )
    assert done.stdout.split() == ["True"] * 11


def test_a_province_and_a_palace_no_list_knows_are_places():
    x = extract("وصل الوفد إلى محافظة الطفيلة ثم إلى قصر الحمراء.")
    assert {m.text for a in x.actors for m in a.mentions} == {"الطفيلة", "قصر الحمراء"}
    assert not extract("وشدد على المحافظة على الأمن.").actors


def test_an_outlet_no_list_knows_is_written_as_the_press_writes_outlets():
    x = extract("وقال الوزير لقناة «البغدادية» إن «الخطة جاهزة».")
    assert [a.name for a in x.actors if a.type.value == "media"] == ["Al-Baghdadiya"]


def test_a_plural_demonym_names_the_state_of_a_body_not_a_noun_after_and():
    x = extract("وقالت رابطة المهندسين الأردنيين إن الأجور متدنية.")
    assert [a.name for a in x.actors] == ["Jordanian League of Engineers"]
    x = extract("أصدرت وزارة الشؤون الخارجية والهجرة والتونسيين بالخارج بياناً.")
    assert len(x.actors) == 1 and x.actors[0].type.value == "organization"


def test_the_head_of_a_professions_body_introduces_the_name_after_a_place():
    x = extract("وقال نقيب الصحفيين في عمّان راكان السعايدة إن «الحريات مصانة».")
    (claim,) = x.claims
    assert x.actor(claim.speaker).type.value == "person"


def test_an_outlet_relaying_in_an_aside_is_the_second_channel():
    x = extract("وذكرت صحيفة «الغد»، بحسب ما نقلته عنها وكالة الأناضول، أن «الوفد وصل».")
    (claim,) = x.claims
    assert names(x, claim.channels) == ["Al-Ghad", "Anadolu Agency"]


def test_the_sultanate_is_oman_and_a_visited_capital_stays_a_city():
    assert [a.name for a in extract("وأكدت السلطنة أنها «ستواصل مساعيها».").actors] == ["Oman"]
    assert [a.name for a in extract("وزارت مسقط وفود عدة.").actors] == ["Muscat"]


def test_a_relative_day_after_a_titles_place_is_no_name():
    assert [a.name for a in extract("وزارت الوزيرة مسقط أمس.").actors] == ["Muscat"]
