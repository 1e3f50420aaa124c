"""The seventh round of Arabic rules (issue 13): an interview's outlet carried to its guest's
later statements, a lone title naming the person named before, parties and blocs by their
head noun with English names, ratings agencies as organisations, blame in a relative
clause, a second claim after لكنه and after فيما with a present-tense cue, towns by their
name alone, the occupation army, a body ending with its country, and three date shapes.
Written in other words than the dev texts (no model: fast tier)."""

from __future__ import annotations

import datetime

from workbench.extract.arabic import extract_arabic
from workbench.extract.arabic.dates import find_dates
from workbench.model import ActorType, Article


def extract(text: str, published: datetime.date = datetime.date(2024, 3, 13)):
    return extract_arabic(Article(id="t", text=text, published=published, language="ar"))


def by_id(x):
    return {a.id: a for a in x.actors}


def speaker_names(x) -> list[str | None]:
    actors = by_id(x)
    return [actors[c.speaker].name if c.speaker else None for c in x.claims]


def channel_names(x) -> list[list[str]]:
    actors = by_id(x)
    return [[actors[i].name for i in c.channels] for c in x.claims]


def latin(x, kind: ActorType) -> dict[str, str]:
    return {a.mentions[0].text: a.name for a in x.actors if a.type is kind}


_INTERVIEW = (
    "قال وزير النفط العراقي حيان عبد الغني، في مقابلة مع قناة «الرابعة» مساء أمس، إن "
    "الصادرات «ستعود قريباً». وأوضح عبد الغني أن الأنبوب «سليم». وشدد الوزير على أن "
    "بغداد «لن تقبل بالتحكيم». ورداً على سؤال عن الأسعار، قال الوزير إن السوق «مستقرة». "
)


def test_an_interviews_outlet_is_the_channel_of_its_guests_later_statements():
    x = extract(_INTERVIEW)
    assert len(x.claims) == 4
    assert len(set(speaker_names(x))) == 1 and speaker_names(x)[0] is not None
    assert channel_names(x) == [[channel_names(x)[0][0]]] * 4
    assert latin(x, ActorType.MEDIA) == {"الرابعة": channel_names(x)[0][0]}


def test_another_setting_ends_the_interview():
    x = extract(_INTERVIEW + "وقال عبد الغني، في بيان اليوم، إن الوزارة «ماضية في خطتها».")
    assert channel_names(x)[-1] == []


def test_a_lone_title_is_the_person_named_before_with_that_title():
    x = extract(
        "قال وزير الخارجية الكويتي سالم الصباح إن الحوار «ضروري». وقال النائب عن كتلة «الوفاق» "
        "علي الفضلي إن الجلسة «مؤجلة». وأكد الوزير أن الزيارة «ناجحة»."
    )
    assert speaker_names(x)[2] == speaker_names(x)[0] != speaker_names(x)[1]


def test_parties_and_blocs_by_their_head_noun_with_english_names():
    x = extract(
        "وقال الأمين الأول لـ«حزب التقدم والاشتراكية» المعارض محمد نبيل بنعبد الله إن "
        "الحكومة «فشلت». وأعلن الحزب الشيوعي السوداني رفضه الاتفاق. وقالت جبهة الخلاص "
        "الوطني إن الانتخابات «مزورة». وطالب ائتلاف «دولة المواطنة» بإجراء تحقيق."
    )
    parties = latin(x, ActorType.ORGANIZATION)
    assert parties["الحزب الشيوعي السوداني"] == "Sudanese Communist Party"
    assert parties["جبهة الخلاص الوطني"] == "National Salvation Front"
    assert "حزب التقدم والاشتراكية" in parties and "دولة المواطنة" in parties
    people = latin(x, ActorType.PERSON)
    assert list(people) == ["محمد نبيل"] or list(people) == ["محمد نبيل بنعبد"]
    assert speaker_names(x)[0] == next(iter(people.values()))


def test_a_party_noun_of_an_ordinary_phrase_names_no_party():
    x = extract("وقال المتحدث إن التيار الكهربائي انقطع، وإن حركة المرور توقفت في حزب الله.")
    names = latin(x, ActorType.ORGANIZATION)
    assert "التيار الكهربائي" not in names and "حركة المرور" not in names


def test_a_known_party_stays_the_gazetteers():
    x = extract("وقال حزب العمال الكردستاني في بيان إن الهجوم «مدان».")
    assert "PKK" in {a.name for a in x.actors}
    assert "Workers Party" not in {a.name for a in x.actors}


def test_a_ratings_agency_is_an_organisation_not_an_outlet():
    x = extract(
        "وخفضت وكالة «فيتش» للتصنيف الائتماني تصنيف مصر، فيما رأت وكالة موديز أن الديون «مرتفعة»."
    )
    kinds = {a.name: a.type for a in x.actors}
    assert kinds["Fitch Ratings"] is ActorType.ORGANIZATION
    assert kinds["Moody's"] is ActorType.ORGANIZATION
    assert speaker_names(x) == ["Moody's"] and channel_names(x) == [[]]


def test_blame_in_a_relative_clause_is_a_claim():
    x = extract(
        "وتأتي الزيارة بعد التفجير الذي حمّلت دمشق مسؤوليته لتنظيم «داعش». وحمل المتظاهرون "
        "لافتات في الساحة."
    )
    assert [c.text for c in x.claims] == ["مسؤوليته لتنظيم «داعش»"]
    assert speaker_names(x) == ["Syria"]


def test_a_second_claim_after_but_and_after_while_says():
    x = extract(
        "قال الناطق باسم الحكومة المغربية مصطفى بايتاس إن الأسعار «تراجعت»، لكنه أقر بأن "
        "الوقود «ما زال غالياً»، فيما تقول النقابات إن الأجور لم تتحرك."
    )
    assert [c.text for c in x.claims] == [
        "الأسعار «تراجعت»",
        "الوقود «ما زال غالياً»",
        "الأجور لم تتحرك",
    ]
    assert speaker_names(x)[0] == speaker_names(x)[1] is not None
    assert speaker_names(x)[2] is None and x.claims[2].speaker_text == "النقابات"


def test_described_object_is_a_claim():
    x = extract("ووصف رئيس الوزراء الأردني بشر الخصاونة القرار بأنه «خطوة شجاعة».")
    assert [c.text for c in x.claims] == ["القرار بأنه «خطوة شجاعة»"]


def test_towns_by_their_name_alone_and_squares_by_their_kind():
    x = extract(
        "وقال شهود إن القصف طال بلدة كفر نبل وقرية البارة قبل أن يصل المحتجون إلى ساحة "
        "الأمويين في مدينة إدلب."
    )
    places = latin(x, ActorType.PLACE)
    assert "كفر نبل" in places and "البارة" in places
    assert places["ساحة الأمويين"].endswith("Square")
    assert not any(name.startswith(("بلدة", "قرية")) for name in places)


def test_the_occupation_army_is_the_states_forces():
    x = extract("وقالت مصادر محلية إن قوات الاحتلال الأمريكي انسحبت من القاعدة.")
    assert "US forces" in {a.name for a in x.actors}


def test_a_body_ends_with_its_country():
    x = extract("وقال مصرف سوريا المركزي إن الليرة استقرت، وأعلن بنك المغرب رفع الفائدة.")
    names = latin(x, ActorType.ORGANIZATION)
    assert names["بنك المغرب"] == "Bank of Morocco"
    assert "Morocco" not in {a.name for a in x.actors}  # the bank's, not the country


def test_a_quoted_name_after_an_outlet_noun_is_the_outlet_not_the_country():
    x = extract("وقال الوزير في حديث لقناة «المملكة» إن المشروع «قائم».")
    assert [(a.name, a.type) for a in x.actors if a.mentions[0].text == "المملكة"][0][
        1
    ] is ActorType.MEDIA


def test_three_date_shapes():
    text = (
        "قال مساء أمس (الثلاثاء) إن المفاوضات تبدأ مطلع العام المقبل، وإن الوفود تصل بين ٣ و٧ "
        "نيسان/أبريل المقبل، ويصدر التقرير أواخر العام الجاري."
    )
    found = {text[f.start : f.end]: f.value for f in find_dates(text, datetime.date(2024, 3, 13))}
    assert str(found["مساء أمس (الثلاثاء)"].date) == "2024-03-12"  # one expression
    early = found["مطلع العام المقبل"]
    assert (str(early.date), early.precision.value) == ("2025-01-01", "approximate")
    assert str(found["٣"].date) == "2024-04-03" and str(found["٧ نيسان/أبريل المقبل"].date) == (
        "2024-04-07"
    )
    assert str(found["أواخر العام الجاري"].date).startswith("2024-09")


def test_a_news_agency_no_list_names_with_its_acronym():
    x = extract(
        "ونقلت وكالة موريتانيا الرسمية للأنباء (ومأ) عن وزير الداخلية قوله إن الحدود «آمنة». "
        "وذكرت ومأ أن الدوريات «تضاعفت»."
    )
    agency = next(a for a in x.actors if a.type is ActorType.MEDIA)
    assert agency.name.endswith("News Agency") and "Mauritania" in agency.name
    assert [m.text for m in agency.mentions][1:] == ["ومأ", "ومأ"]
    assert "Mauritania" not in {a.name for a in x.actors if a.type is ActorType.COUNTRY}
    assert channel_names(x) == [[agency.name], [agency.name]]


def test_a_judge_introduces_a_name_and_ends_a_bodys_name():
    x = extract("وقال رئيس هيئة النزاهة القاضي حيدر حنون إن الملفات «أحيلت».")
    assert "حيدر حنون" in latin(x, ActorType.PERSON)
    assert "هيئة النزاهة" in latin(x, ActorType.ORGANIZATION)


def test_a_capital_after_a_noun_of_what_a_government_holds_is_its_state():
    x = extract("وقال المبعوث إن موقف الرياض «واضح» وإن مطار الرياض مغلق.")
    assert [m.text for a in x.actors if a.name == "Saudi Arabia" for m in a.mentions] == ["الرياض"]
    assert [m.text for a in x.actors if a.name == "Riyadh" for m in a.mentions] == ["الرياض"]


def test_a_second_that_clause_after_a_quotation_is_the_same_claim():
    x = extract(
        "وأكد الرئيس اللبناني جوزيف عون أن «الدولة وحدها تحمل السلاح»، وأن الجيش «سينتشر في "
        "الجنوب»."
    )
    assert [c.text for c in x.claims] == [
        "«الدولة وحدها تحمل السلاح»، وأن الجيش «سينتشر في الجنوب»"
    ]


def test_a_description_ends_before_the_next_saying():
    x = extract(
        "ووصف رئيس الوزراء العراقي محمد شياع السوداني الهجوم بأنه «جبان»، وقال في بيان إن "
        "التحقيق «بدأ»."
    )
    assert [c.text for c in x.claims] == ["الهجوم بأنه «جبان»", "التحقيق «بدأ»"]


def test_a_country_at_the_dateline_is_its_capital():
    x = extract("تونس (رويترز) - قال الرئيس التونسي قيس سعيد إن تونس «لن تقبل الإملاءات».")
    assert [(a.name, a.type) for a in x.actors if a.mentions[0].text == "تونس"] == [
        ("Tunis", ActorType.PLACE),
        ("Tunisia", ActorType.COUNTRY),
    ]


def test_the_kingdom_is_the_kingdom_the_text_names():
    jordan = extract("عمّان - قال الوزير إن الأردن وقع الاتفاق ولا يرتب «التزاماً على المملكة».")
    assert [m.text for a in jordan.actors if a.name == "Jordan" for m in a.mentions] == [
        "الأردن",
        "المملكة",
    ]
    saudi = extract("الرياض - قال الوزير إن الاتفاق لا يرتب «التزاماً على المملكة».")
    assert [a.name for a in saudi.actors if a.type is ActorType.COUNTRY] == ["Saudi Arabia"]


def test_a_states_name_after_an_outlet_noun_that_names_is_the_outlet():
    x = extract("وقال الوزير لقناة المملكة إن الاتفاق «قائم». وقال إن قناة السويس «آمنة».")
    assert [(m.text, a.type) for a in x.actors for m in a.mentions] == [
        ("المملكة", ActorType.MEDIA),
        ("قناة السويس", ActorType.PLACE),  # the canal, a place since session 8; no outlet
    ]
    assert channel_names(x)[0] == [x.actors[0].name]


def test_fronts_coalitions_and_towns_that_are_descriptions_name_nothing():
    x = extract(
        "وقال الجيش إن الاشتباكات تجددت على جبهة الجنوب، وإن التحالف الدولي شن غارات على بلدة "
        "حدودية وقرية صغيرة في مدينة واحدة وبلدة كفر نبل."
    )
    assert [a.mentions[0].text for a in x.actors] == ["كفر نبل"]


def test_a_party_joined_by_and_with_its_state():
    x = extract("وقال مسؤول إن حزب العدالة والتنمية التركي فاز بالانتخابات البلدية.")
    assert latin(x, ActorType.ORGANIZATION) == {
        "حزب العدالة والتنمية التركي": "Turkish Justice and Development Party"
    }


def test_an_announced_object_ends_before_a_coordinated_verb():
    x = extract(
        "أعلنت هيئة الانتخابات التونسية، مساء أمس، النتائج الأولية للاستفتاء، وأظهرت تأييد "
        "الدستور بنسبة كبيرة. وأعلن الجيش السوري السيطرة على البلدات، والمناطق المحيطة بها."
    )
    assert [c.text for c in x.claims] == [
        "النتائج الأولية للاستفتاء",
        "السيطرة على البلدات، والمناطق المحيطة بها",
    ]


def test_a_maghrebi_given_name_with_the_article_begins_the_name_after_a_title():
    x = extract(
        "وقال وزير الخارجية التونسي الأسبق المنصف المرزوقي إن الحوار «ضروري»، فيما قال وزير "
        "الصحة الهادي الزواري إن الوضع «مستقر»."
    )
    assert latin(x, ActorType.PERSON) == {
        "المنصف المرزوقي": latin(x, ActorType.PERSON)["المنصف المرزوقي"],
        "الهادي الزواري": latin(x, ActorType.PERSON)["الهادي الزواري"],
    }
    assert latin(x, ActorType.PERSON)["المنصف المرزوقي"].startswith("Moncef")
    assert speaker_names(x)[0] != speaker_names(x)[1] and None not in speaker_names(x)


def test_a_hyphenated_surname_is_one_word_of_the_name():
    x = extract("وقالت المتحدثة باسم الأمم المتحدة فيونولا ني-أولاين إن التقرير «دقيق».")
    assert list(latin(x, ActorType.PERSON)) == ["فيونولا ني-أولاين"]


def test_a_lone_party_noun_is_the_party_named_before():
    x = extract(
        "وقال حزب العمال إن الهجوم «مدان»، فيما نفى الحزب أي صلة له بالمسلحين. ودان تيار "
        "«المردة» الاعتداء، ونفى التيار علمه بالخطة."
    )
    assert [c.text for c in x.claims] == ["الهجوم «مدان»", "أي صلة له بالمسلحين", "علمه بالخطة"]
    assert speaker_names(x) == ["Workers Party", "Workers Party", "Mrda Movement"]
