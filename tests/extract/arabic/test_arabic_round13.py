"""Round 13 of the Arabic rules: the ninth fresh set's error kinds (as listed by kind),
each tested in other words and names than that set's and the round's tuned text (no
model: fast tier)."""

from __future__ import annotations

import datetime

from workbench.extract.arabic import extract_arabic
from workbench.model import ActorType, Article

THURSDAY = datetime.date(2018, 5, 10)


def extract(text: str, published: datetime.date = THURSDAY):
    return extract_arabic(Article(id="t", text=text, published=published, language="ar"))


def speakers(text: str) -> list[str | None]:
    x = extract(text)
    names = {a.id: a.name for a in x.actors}
    return [names.get(c.speaker) if c.speaker else None for c in x.claims]


def dates(text: str, published: datetime.date = THURSDAY) -> dict[str, str]:
    return {e.date_text: e.date.isoformat() for e in extract(text, published).events}


def test_a_title_in_construct_names_the_person_it_named_before() -> None:
    # "ولي العهد" alone: the crown prince named with that title earlier in the text
    text = (
        "استقبل ولي العهد السعودي الأمير محمد بن نايف الوفد في جدة.\n\n"
        "وقال ولي العهد إن المملكة «تدعم كل جهد للسلام»."
    )
    assert speakers(text) == ["Mohammed bin Nayef"]


def test_a_month_with_no_year_after_a_dated_month_takes_its_year() -> None:
    # published May 2018: October alone would be October 2017, the last before it
    text = "وكان الوزير قد زار موسكو في آب/أغسطس 2016، ثم عاد إليها في تشرين الأول/أكتوبر."
    found = dates(text)
    assert found["آب/أغسطس 2016"] == "2016-08"
    assert found["تشرين الأول/أكتوبر"] == "2016-10"


def test_a_later_month_of_the_next_year_and_a_new_sentence_start_again() -> None:
    text = (
        "بدأت المفاوضات في تشرين الثاني/نوفمبر 2016 واستمرت حتى آذار/مارس.\n\n"
        "وتعثرت المحادثات في تشرين الأول/أكتوبر."
    )
    found = dates(text)
    assert found["آذار/مارس"] == "2017-03"  # after November 2016: the next March
    assert found["تشرين الأول/أكتوبر"] == "2017-10"  # its own sentence: the publication's


def test_today_in_a_statement_made_yesterday_is_that_day() -> None:
    text = "وأعلنت الوزارة في بيان أمس أن الوفد وصل إلى الرياض اليوم."
    assert dates(text) == {"أمس": "2018-05-09", "اليوم": "2018-05-09"}


def test_today_in_a_sentence_of_its_own_stays_the_publication_day() -> None:
    text = "وقالت الوزارة أمس إن الوفد غادر.\n\nويصل الوزير إلى الرياض اليوم."
    assert dates(text)["اليوم"] == "2018-05-10"


def test_a_weekday_with_a_future_verb_is_the_coming_one() -> None:
    # Thursday 10 May 2018: "will meet on Tuesday" is 15 May, "met on Tuesday" the 8th
    assert dates("وقال المتحدث إن اللجنة ستجتمع الثلاثاء.")["الثلاثاء"] == "2018-05-15"
    assert dates("وقال المتحدث إن اللجنة اجتمعت الثلاثاء.")["الثلاثاء"] == "2018-05-08"
    # a noun that opens like a future verb is none: "سياسة" (policy)
    assert dates("وناقش المجلس سياسة الحكومة الثلاثاء.")["الثلاثاء"] == "2018-05-08"


def test_words_that_open_like_a_future_verb_and_are_none_leave_the_weekday_past() -> None:
    # review J2: a past verb and an adjective; "سيطرح" is a future (ar_future_verbs.txt)
    assert dates("سيطرت القوات على المدينة الثلاثاء.")["الثلاثاء"] == "2018-05-08"
    assert dates("التقى الوزير وفدا سياسيا الأحد.")["الأحد"] == "2018-05-06"
    assert dates("وقال إنه سيطرح الخطة الأحد.")["الأحد"] == "2018-05-13"


def test_a_noun_with_a_pronoun_or_a_given_name_is_no_future_verb() -> None:
    # review J2 (rest): "سيطرته" (its control), foreign given names
    assert dates("أعلن الجيش سيطرته على البلدة الثلاثاء.")["الثلاثاء"] == "2018-05-08"
    assert dates("أكدت القوات سيطرتها على المدينة الأحد.")["الأحد"] == "2018-05-06"
    assert dates("التقى سيرغي لافروف نظيره التركي الأربعاء.")["الأربعاء"] == "2018-05-09"
    assert dates("وصل ستيفان دوجاريك إلى بيروت الاثنين.")["الاثنين"] == "2018-05-07"


def test_before_the_end_of_a_named_year_is_its_last_day() -> None:
    found = dates("وأكد أن الانتخابات ستجرى قبل نهاية عام 2019.")
    assert found == {"قبل نهاية عام 2019": "2019-12-31"}


def claims(text: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    x = extract(text)
    names = {a.id: a.name for a in x.actors}
    return [
        (c.text, names.get(c.speaker) if c.speaker else None, c.speaker_text,
         [names[i] for i in c.channels])
        for c in x.claims
    ]  # fmt: skip


def test_a_royal_court_speaks_through_the_channel_that_carried_its_statement() -> None:
    # the court (ar_actors.csv) speaks, not the channel; "في بيان بثته قناة «X» أمس" is
    # where and when it was said: no part of what was announced, its outlet the channel
    text = "وأعلن الديوان الملكي الهاشمي في بيان بثته قناة «المملكة» أمس تعيين رئيس جديد للوزراء."
    [(content, speaker, speaker_text, channels)] = claims(text)
    assert content == "تعيين رئيس جديد للوزراء"
    assert speaker == "Royal Hashemite Court"
    assert speaker_text == "الديوان الملكي الهاشمي"
    assert len(channels) == 1


def test_a_body_in_a_statement_is_the_body_alone() -> None:
    text = "وقالت نقابة المهندسين في بيان إن الإضراب «سيستمر»."
    [(_, _, speaker_text, _)] = claims(text)
    assert speaker_text == "نقابة المهندسين"


def test_a_relative_clause_after_the_name_is_no_part_of_the_speaker_words() -> None:
    text = "وقال الرئيس التنفيذي لشركة أرامكو أمين الناصر، الذي حضر الجلسة، إن الإنتاج «لن يتأثر»."
    [(_, _, speaker_text, _)] = claims(text)
    assert speaker_text == "الرئيس التنفيذي لشركة أرامكو أمين الناصر"


def test_a_word_with_tanween_is_no_part_of_a_name() -> None:
    # "اتصالاً" (a call): an indefinite noun in the accusative, not the given name's surname
    x = extract("وتلقى الشيخ نواف اتصالاً هاتفياً من الملك.")
    assert [m.text for a in x.actors for m in a.mentions if "نواف" in m.text] == ["نواف"]


def test_a_broadcaster_noun_before_a_state_names_its_broadcaster() -> None:
    # ar_state_broadcasters.csv: "<state> TV", "Radio <state>", with or without the article
    names = {a.name: a.type for a in extract("وذكر تلفزيون قطر وإذاعة الكويت أن الوفد وصل.").actors}
    assert names.get("Qatar TV") is ActorType.MEDIA
    assert names.get("Radio Kuwait") is ActorType.MEDIA
    assert "Qatar" not in names  # the state's name is the broadcaster's here


def test_official_television_with_no_demonym_is_the_dateline_states() -> None:
    # "بثها التلفزيون الرسمي": the channel, the state's broadcaster by the dateline
    text = "مسقط (العمانية) - وقال الوزير في كلمة بثها التلفزيون الرسمي إن البلاد «بخير»."
    [(_, _, _, channels)] = claims(text)
    assert channels == ["Omani state television"]


def test_a_decision_announced_is_a_claim() -> None:
    # "قرر" with its object (ar_cues.csv kind object), as "أعلن" with one
    [(content, speaker, _, _)] = claims("وقررت الحكومة اللبنانية تأجيل الانتخابات البلدية عاماً.")
    assert content == "تأجيل الانتخابات البلدية عاماً"
    assert speaker == "Lebanon"


def test_only_a_listed_verb_after_the_future_prefix_makes_a_clause_future() -> None:
    # review J2 (positive evidence): places, names and nouns opening with سي/ست are none
    for text, weekday, last in (
        ("وصل الوفد إلى ستوكهولم الثلاثاء.", "الثلاثاء", "2018-05-08"),
        ("وقعت الهجمات في سيدني الأحد.", "الأحد", "2018-05-06"),
        ("أعلنت سيرلانكا الطوارئ الأحد.", "الأحد", "2018-05-06"),
        ("التقى ستارمر ماكرون الخميس.", "الخميس", "2018-05-10"),
        ("وصلت سيارته إلى المطار الأحد.", "الأحد", "2018-05-06"),
        ("قال سيناتور جمهوري الثلاثاء إن الخطة فشلت.", "الثلاثاء", "2018-05-08"),
    ):
        assert dates(text)[weekday] == last, text
    # a plural, and سوف
    assert dates("وقال إن الوزراء سيلتقون الاثنين.")["الاثنين"] == "2018-05-14"
    assert dates("وقال إن اللجنة سوف تجتمع الاثنين.")["الاثنين"] == "2018-05-14"


def test_an_actor_inside_the_object_is_never_the_speaker_of_an_object_cue() -> None:
    # review J11: the subject is the phrase right after the verb; "ألمانيا" is inside the
    # object, after the verbal noun "السفر"
    assert claims("دمشق - قرر الشاب السفر إلى ألمانيا بعد الحرب.") == []
    assert speakers("وقرر الرئيس ميشال عون تأجيل الاستشارات.") == ["Michel Aoun"]
