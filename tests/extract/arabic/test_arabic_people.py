"""The bilingual people gazetteer (ar_people.csv): a person the Arabic wires name carries
the English wire spelling, not a letter-by-letter guess."""

from __future__ import annotations

from workbench import lexicon
from workbench.extract.arabic import extract_arabic
from workbench.extract.arabic.gazetteer import _split, key
from workbench.lexicon.transliterate import is_arabic
from workbench.model import Article


def extract(text: str):
    return extract_arabic(Article(id="t", text=text, language="ar"))


def people(text: str) -> dict[str, list[str]]:
    return {
        a.name: [m.text for m in a.mentions]
        for a in extract(text).actors
        if a.type.value == "person"
    }


def test_a_known_person_without_a_title_carries_the_wire_spelling():
    # letter by letter these were "Aimn al-Sfdi" and "Imanouil Makroun"
    found = people("أكد أيمن الصفدي أن الحوار مستمر، فيما قال إيمانويل ماكرون إن باريس مستعدة.")
    assert found["Ayman Safadi"] == ["أيمن الصفدي"]
    assert found["Emmanuel Macron"] == ["إيمانويل ماكرون"]


def test_a_spelling_variant_and_a_distinctive_surname_name_the_same_person():
    found = people(
        "وقال وزير الخارجية جان إيف لو دريان إن الوضع خطير. وأضاف لودريان أن الحل سياسي."
    )
    assert found == {"Jean-Yves Le Drian": ["جان إيف لو دريان", "لودريان"]}


def test_a_surname_that_is_an_ordinary_word_is_no_person_alone():
    # البرهان is "the proof": only the whole name عبد الفتاح البرهان names the general
    assert people("وقدم البرهان على صحة روايته.") == {}
    assert "Abdel Fattah al-Burhan" in people("التقى عبد الفتاح البرهان الوفد.")


def test_the_people_file_is_several_hundred_people_each_form_naming_one_person():
    rows = lexicon.table("ar_people.csv")
    assert len(rows) >= 300
    header = "\n".join(lexicon.header("ar_people.csv"))
    assert "Licence:" in header
    forms: dict[tuple[str, ...], str] = {}
    for row in lexicon.table("ar_actors.csv"):
        for form in (row["arabic"], *_split(row["variants"])):
            forms.setdefault(key(form.split()), row["name"])
    for row in rows:
        assert row["name"] and not is_arabic(row["name"]), row
        assert row["who"], row
        for form in (row["arabic"], *_split(row["variants"])):
            assert is_arabic(form), row
            assert forms.setdefault(key(form.split()), row["name"]) == row["name"], form


def test_the_regions_agencies_and_channels_carry_their_english_names():
    x = extract(
        "وذكرت وكالة الأنباء القطرية أن الوفد وصل، ونقلت قناة الجديد عن مصدر أن الاجتماع انتهى."
    )
    found = {a.name: a.type.value for a in x.actors}
    assert found.get("Qatar News Agency") == "media"
    assert found.get("Al Jadeed") == "media"
    # الجديد is "the new": without its outlet noun it names nothing
    assert "Al Jadeed" not in {a.name for a in extract("وقال إن القانون الجديد صدر.").actors}
