"""The eighth round of Arabic rules (issue 13, the fourth fresh set's kinds of error): a
name set between commas after its title, a compound given name in الدين, a statement and a
lone body noun speaking for whoever issued them, an unnamed source described by where they
are, a reply "from" a capital, a relayed report's origin after نشرة, a second claim joined
by تعهد / غير أنها / كاشفاً, a ministry's joined portfolios, the Maghreb's months and الفاتح,
and early next week. Written in other words than the dev texts (no model: fast tier)."""

from __future__ import annotations

import datetime

from workbench.extract.arabic import extract_arabic
from workbench.extract.arabic.dates import find_dates
from workbench.model import ActorType, Article


def extract(text: str, published: datetime.date = datetime.date(2024, 5, 15)):
    return extract_arabic(Article(id="t", text=text, published=published, language="ar"))


def by_id(x):
    return {a.id: a for a in x.actors}


def speakers(x) -> list[str | None]:
    actors = by_id(x)
    return [actors[c.speaker].mentions[0].text if c.speaker else None for c in x.claims]


def channels(x) -> list[list[str]]:
    actors = by_id(x)
    return [[actors[i].mentions[0].text for i in c.channels] for c in x.claims]


# ---------------------------------------------------------------- names found by their place


def test_a_name_between_commas_after_its_title_speaks():
    x = extract(
        "وقال المتحدث باسم الحماية المدنية، المقدم كمال بوزيد، إن الحريق أتى على مئة هكتار. "
        "وقالت سفيرة كندا لدى الأردن، ماري لوريان، إن بلادها سترسل مساعدات."
    )
    assert speakers(x) == ["كمال بوزيد", "ماري لوريان"]
    people = {a.mentions[0].text: a for a in x.actors if a.type is ActorType.PERSON}
    assert people["كمال بوزيد"].roles == ("المتحدث باسم الحماية المدنية",)


def test_a_name_of_three_words_between_commas_is_whole():
    x = extract(
        "وقال ممثل حركة العدل والمساواة في الدوحة، أحمد حسين آدم، في تصريح صحافي، إن الوفد وصل."
    )
    assert speakers(x) == ["أحمد حسين آدم"]


def test_a_date_or_a_clause_between_commas_is_no_name():
    x = extract("وقال الوزير، أمس، إن المفاوضات انتهت. وقال المدير، وهو غاضب، إن القرار خاطئ.")
    assert not [a for a in x.actors if a.type is ActorType.PERSON]


def test_a_given_name_compounded_with_din_is_not_cut():
    x = extract("وقال رئيس بلدية صفاقس عز الدين المرزوقي إن الأشغال ستنتهي قريباً.")
    assert "عز الدين المرزوقي" in [a.mentions[0].text for a in x.actors]
    assert speakers(x) == ["عز الدين المرزوقي"]


def test_a_governor_in_the_maghreb_is_a_title():
    x = extract("وقال والي قسنطينة، رشيد بوعزة، إن الطريق أعيد فتحه. وأضاف بوعزة أن الضرر محدود.")
    assert speakers(x) == ["رشيد بوعزة", "رشيد بوعزة"]
    assert "قسنطينة" in [a.mentions[0].text for a in x.actors if a.type is ActorType.PLACE]


# ---------------------------------------------------------------- who a statement speaks for


def test_a_statement_speaks_for_whoever_issued_it():
    x = extract(
        "أصدرت الهيئة العليا المستقلة للانتخابات مساء الثلاثاء بياناً حول الطعون. "
        "وأكد البيان أن «النتائج نهائية»، مشيراً إلى أن الطعون رُفضت."
    )
    body = next(a for a in x.actors if a.type is ActorType.ORGANIZATION)
    assert [c.speaker for c in x.claims] == [body.id, body.id]


def test_a_statement_issued_in_an_aside_speaks_for_its_issuer():
    x = extract(
        "أعلنت المديرية العامة للأمن الوطني، في بيان لها، توقيف المشتبه به. "
        "وأوضح البيان أن التحقيق متواصل."
    )
    assert speakers(x)[-1] == "المديرية العامة للأمن الوطني"


def test_a_statement_with_no_issuer_before_it_speaks_for_no_one():
    x = extract("وأوضح البيان أن الموعد الجديد لم يحدد.")
    assert [c.speaker for c in x.claims] == [None]


def test_a_lone_body_noun_then_where_it_spoke_is_that_body():
    x = extract(
        "أعلنت هيئة تنظيم الاتصالات أن الخدمة عادت. وقالت الهيئة في تحديث مسائي إن «الأعطال أصلحت»."
    )
    assert speakers(x) == ["هيئة تنظيم الاتصالات", "هيئة تنظيم الاتصالات"]


# ---------------------------------------------------------------- places that do not speak


def test_a_place_in_an_unnamed_sources_description_is_not_the_source():
    x = extract(
        "وقال صياد في الحديدة لوكالة فرانس برس إن «البحر صار مقبرة»، مضيفاً أن القوارب تغيب. "
        "وقالت طهران إن الأمر لا يعنيها."
    )
    assert speakers(x) == [None, None, "طهران"]
    assert [c.speaker_text for c in x.claims][:1] == ["صياد في الحديدة"]
    actors = by_id(x)
    assert [[actors[i].name for i in c.channels] for c in x.claims][:2] == [
        ["Agence France-Presse"],
        ["Agence France-Presse"],
    ]


def test_a_reply_from_a_capital_is_its_state():
    x = extract(
        "وفي أول رد فعل من القاهرة، نقلت وكالة أسوشيتد براس عن مسؤول مصري أن «الاتفاق قائم». "
        "وعاد الوفد من القاهرة مساء."
    )
    kinds = {(a.name, a.type) for a in x.actors}
    assert ("Egypt", ActorType.COUNTRY) in kinds and ("Cairo", ActorType.PLACE) in kinds
    assert speakers(x) == [None]
    assert channels(x) == [["أسوشيتد براس"]]


# ---------------------------------------------------------------- relays and outlets


def test_a_relayed_bulletin_is_the_origin_and_both_outlets_channels():
    x = extract(
        "ونقلت صحيفة «الغارديان» عن نشرة «شيبينغ ووتش» المتخصصة أن الأسعار «تضاعفت». "
        "وقال مذيع نشرة الأخبار إن الطقس حار."
    )
    assert speakers(x)[0] == "شيبينغ ووتش"
    assert sorted(channels(x)[0]) == sorted(["الغارديان", "شيبينغ ووتش"])
    assert "الأخبار" not in [a.mentions[0].text for a in x.actors]


def test_the_maghrebs_spellings_of_agencies_and_its_own_agencies():
    x = extract(
        "ونقلت وكالة فرانس براس عن مصدر أمني أن الحدود مغلقة. "
        "وذكرت الوكالة الموريتانية للأنباء أن الجيش عزز دورياته."
    )
    assert [a.name for a in x.actors if a.type is ActorType.MEDIA] == [
        "Agence France-Presse",
        "Mauritanian News Agency",
    ]


def test_international_commands_and_missions_are_found_by_their_arabic_names():
    x = extract(
        "وقالت القيادة الأمريكية في أفريقيا (أفريكوم) إن الغارة استهدفت مخزناً. "
        "وأكدت بعثة يونامي أن الانتخابات جرت بهدوء."
    )
    names = [a.name for a in x.actors]
    assert "US Africa Command" in names and "UNAMI" in names
    assert [by_id(x)[c.speaker].name for c in x.claims] == ["US Africa Command", "UNAMI"]


# ---------------------------------------------------------------- second claims


def test_a_second_claim_joined_by_a_vow_a_yet_or_a_revealing_participle():
    x = extract(
        "وقال القائد العسكري إن الهجوم «فشل»، وتوعد بأن الرد سيكون «قاسياً». "
        "وقالت النقابة إن الإضراب مستمر، غير أنها رأت أن الحوار ممكن. "
        "وأعلن المتحدث أن الشرطة أوقفت خمسة أشخاص، كاشفاً أن بينهم قاصرين. "
        "وأعلن تنظيم داعش مسؤوليته عن التفجير، زاعماً أن الموقع «ثكنة»."
    )
    texts = [c.text for c in x.claims]
    assert texts == [
        "الهجوم «فشل»",
        "الرد سيكون «قاسياً»",
        "الإضراب مستمر",
        "الحوار ممكن",
        "الشرطة أوقفت خمسة أشخاص",
        "بينهم قاصرين",
        "مسؤوليته عن التفجير",
        "الموقع «ثكنة»",
    ]
    assert x.claims[2].speaker_text == x.claims[3].speaker_text or x.claims[3].speaker_text is None


def test_an_announced_object_after_an_aside_set_off_by_commas():
    x = extract("وأعلنت هيئة الطيران المدني، في بيان نشرته وكالة «بترا»، تعليق الرحلات إلى بيروت.")
    assert [c.text for c in x.claims] == ["تعليق الرحلات إلى بيروت"]
    assert speakers(x) == ["هيئة الطيران المدني"]
    assert channels(x) == [["بترا"]]


def test_a_ministry_with_joined_portfolios_is_one_body():
    ministry = "وزارة الشؤون الخارجية والتعاون والجاليات بالخارج"
    x = extract(f"وقالت {ministry} إن السفارة أغلقت أبوابها.")
    bodies = [a for a in x.actors if a.type is ActorType.ORGANIZATION]
    assert [a.mentions[0].text for a in bodies] == [ministry]
    assert bodies[0].name == "Foreign Ministry"  # the press's short form (guideline)
    assert speakers(x) == [ministry]


def test_a_bodys_field_stands_before_its_head_in_english_word_by_word():
    x = extract(
        "وقالت هيئة الاتصالات الأردنية إن الشبكة عادت. وأعلنت مؤسسة موانئ خليج عدن أن الرصيف "
        "أغلق. وقالت الهيئة العامة للطيران المدني إن الرحلات استؤنفت."
    )
    assert [a.name for a in x.actors if a.type is ActorType.ORGANIZATION] == [
        "Jordanian Telecommunications Authority",
        "Gulf of Aden Ports Corporation",
        "General Commission of Civil Aviation",  # after ل the genitive keeps "of"
    ]


def test_an_area_noun_names_a_place_unless_an_ordinary_phrase():
    x = extract(
        "وقتل جنديان في منطقة تل الصفا، قرب منطقة عازلة ومنطقة خفض التصعيد ومنطقة شرق النهر."
    )
    assert [a.mentions[0].text for a in x.actors] == ["تل الصفا"]


def test_the_other_end_of_a_stretch_between_a_known_place_and_a_word_is_a_place():
    x = extract("وقطعت القافلة الطريق بين زليتن وطرابلس، ثم بين صبراتة وغيرها، وبين تبسة والأخرى.")
    places = {a.mentions[0].text: a.type for a in x.actors}
    assert places["زليتن"] is ActorType.PLACE
    assert "غيرها" not in places and "الأخرى" not in places


def test_a_public_broadcaster_named_by_its_field_is_an_outlet():
    x = extract("وذكرت هيئة البث الأردنية أن الحدود أغلقت.")
    (actor,) = x.actors
    assert (actor.name, actor.type) == ("Jordanian Broadcasting Authority", ActorType.MEDIA)
    assert channels(x) == [["هيئة البث الأردنية"]]


# ---------------------------------------------------------------- dates


def found(text: str, published: str) -> list[tuple[str, str]]:
    return [
        (text[f.start : f.end], str(f.value.date))
        + ((str(f.value.date_end),) if f.value.date_end else ())
        for f in find_dates(text, datetime.date.fromisoformat(published))
    ]


def test_the_maghrebs_month_names_and_its_first_day():
    assert found("منذ الفاتح جانفي وحتى 12 فيفري الماضي", "2024-03-10") == [
        ("الفاتح جانفي", "2024-01-01"),
        ("12 فيفري الماضي", "2024-02-12"),
    ]
    assert found("يوم 5 جوان و14 جويلية 2022", "2024-03-10")[1] == ("14 جويلية 2022", "2022-07-14")
    assert found("الفاتح من أفريل", "2024-05-10") == [("الفاتح من أفريل", "2024-04-01")]


def test_early_next_week_is_its_first_working_days():
    # published on a Thursday: next week runs from Sunday the 19th (Monday the 20th in
    # Lebanon and the Maghreb)
    assert found("سيعقد الاجتماع مطلع الأسبوع المقبل", "2024-05-16") == [
        ("مطلع الأسبوع المقبل", "2024-05-19", "2024-05-21")
    ]
    assert found("أواخر الأسبوع الماضي", "2024-05-16") == [
        ("أواخر الأسبوع الماضي", "2024-05-09", "2024-05-11")
    ]


# ---------------------------------------------------------------- hostile input


def test_long_runs_of_the_new_triggers_stay_linear():
    # each new mechanism's trigger repeated over 160,000 characters, in its own process so
    # that a hang fails, not sticks: a statement's issuer is looked for a bounded distance
    # back, an apposition reads a few words after a comma
    import subprocess
    import sys

    code = (
        "import datetime\n"
        "from workbench.extract.arabic import extract_arabic\n"
        "from workbench.model import Article\n"
        "runs = ['وأوضح البيان أن ', 'وقال المتحدث، علي حسن، إن ', '، غير أنها رأت أن ',\n"
        "        'وقال صياد في بغداد إن ', 'من القاهرة، نقلت ', 'وزارة الصحة والسكان ',\n"
        "        'الفاتح جانفي ', 'مطلع الأسبوع المقبل ', 'نشرة «x» ', 'بين دمشق وزليتن ']\n"
        "for run in runs:\n"
        "    text = run * (160_000 // len(run))\n"
        "    x = extract_arabic(Article(id='t', text=text, published=datetime.date(2024, 1, 1),\n"
        "                               language='ar'))\n"
        "    print(len(x.claims) >= 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True
    )
    assert done.stdout.split() == ["True"] * 10
