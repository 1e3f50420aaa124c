"""Round 11 of the Arabic rules: the seventh fresh set's error kinds, each tested in other
words and names than that set's and the round's tuned text (no model: fast tier)."""

from __future__ import annotations

import datetime

from workbench.extract.arabic import extract_arabic
from workbench.model import ActorType, Article

TUESDAY = datetime.date(2024, 8, 6)


def extract(text: str):
    return extract_arabic(Article(id="t", text=text, published=TUESDAY, language="ar"))


def speakers(text: str) -> list[str | None]:
    x = extract(text)
    names = {a.id: a.name for a in x.actors}
    return [names.get(c.speaker) if c.speaker else None for c in x.claims]


def test_a_mauritanian_name_goes_on_past_ould_like_bin():
    # ولد "son of" inside a Mauritanian name is a lineage word, as بن is: the name is not
    # cut at the given names before it
    # (a name no gazetteer lists, in the Mauritanian press's spelling since round 12)
    text = "نواكشوط - وقال رئيس الوزراء المختار ولد بوبكر إن الحكومة «ستواصل الإصلاحات»."
    assert speakers(text) == ["Mokhtar Ould Boubker"]
    persons = [a.name for a in extract(text).actors if a.type is ActorType.PERSON]
    assert persons == ["Mokhtar Ould Boubker"]


def test_a_lineage_word_after_two_given_names_goes_on():
    # "سيدي محمد ولد ..." after a two-word given name: the lineage is still the name's
    text = "نواكشوط - وقال وزير المالية سيدي أحمد ولد أباه إن الميزانية «متوازنة»."
    assert speakers(text) == ["Sidi Ahmed Ould Abah"]


def test_the_person_at_the_end_of_a_title_phrase_speaks_and_joins_the_bare_surname():
    # the campaign's director, set off by commas before إن, speaks, not the candidate his
    # title names; the later bare surname is the same person
    text = (
        "تونس - وقال مدير حملة المرشح نبيل القروي، سامي الطرابلسي، إن النتائج «لا تعكس "
        "حقيقة ما جرى». وأضاف الطرابلسي أن القروي سيطعن فيها."
    )
    # (Tunis: the Tunisian press's spelling, no article: round 12's Maghreb convention)
    assert speakers(text) == ["Sami Trabelsi", "Sami Trabelsi"]


def test_a_given_name_alone_after_the_full_name_is_that_person():
    text = (
        "تونس - وقال وزير الخارجية سامي الطرابلسي إن الحكومة «ستواصل». "
        "وأضاف سامي أن الانتخابات «نزيهة»."
    )
    assert speakers(text) == ["Sami Trabelsi", "Sami Trabelsi"]


def test_a_given_name_two_people_share_joins_neither():
    text = (
        "تونس - وقال وزير الخارجية سامي الطرابلسي إن الحكومة «ستواصل». "
        "وقال وزير المالية سامي الزواري إن «لا». وأضاف سامي أن الانتخابات «نزيهة»."
    )
    assert speakers(text)[2] is None


def test_a_given_name_set_off_by_a_description_is_a_new_person():
    # "قال محمد، وهو صاحب متجر،": a man in the street introduced by first name and a
    # description is not the one famous person of that first name (review G4)
    text = (
        "الرياض - وقال ولي العهد الأمير محمد بن سلمان إن «الاقتصاد ينمو». وفي سوق الرياض، "
        "قال محمد، وهو صاحب متجر، إن «الأسعار ارتفعت»."
    )
    assert speakers(text)[0] == "Mohammed bin Salman"
    assert speakers(text)[1] != "Mohammed bin Salman"


def test_a_given_name_before_the_full_name_is_not_that_person():
    # the student named first is not the minister named only later (review G4)
    text = (
        "القاهرة - وقال أحمد، وهو طالب، إن «الجامعة مغلقة». "
        "وقال وزير الخارجية أحمد أبو الغيط إن «لا»."
    )
    assert speakers(text)[0] != "Ahmed Aboul Gheit"
    assert speakers(text)[1] == "Ahmed Aboul Gheit"


def test_a_given_name_before_an_aside_is_still_the_person_named_before():
    text = (
        "تونس - وقال وزير الخارجية سامي الطرابلسي إن الحكومة «ستواصل». "
        "وأضاف سامي، في بيان، أن الانتخابات «نزيهة»."
    )
    assert speakers(text) == ["Sami Trabelsi", "Sami Trabelsi"]
