"""Actor rules: typing, alias merging, capitals and demonyms, mentions' offsets.

Hand-built docs (`spacy.blank` + entities) where the rule needs no parse; the session
pipeline on one sentence where it does.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from workbench.extract.actors import extract_actors, link_demonyms
from workbench.model import ActorType


def blank_doc(text, ents):
    """A doc with entities given as (surface text, label), found left to right."""
    doc = spacy.blank("en")(text)
    spans, offset = [], 0
    for surface, label in ents:
        start = text.index(surface, offset)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
        offset = start + len(surface)
    doc.ents = spans
    return doc


def by_name(actors):
    return {a.name: a for a in actors}


def check_offsets(doc, actors):
    for actor in actors:
        for m in actor.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_ids_in_order_of_first_mention():
    doc = blank_doc("Egypt and Ali Mamlouk met.", [("Egypt", "GPE"), ("Ali Mamlouk", "PERSON")])
    actors = extract_actors(doc)
    assert [(a.id, a.name) for a in actors] == [("a1", "Egypt"), ("a2", "Ali Mamlouk")]


def test_surname_particle_and_transliteration_join_the_full_name():
    text = "Ali Mamlouk came. Mamlouk left. Mamluk spoke. Al-Mamlouk\u2019s name is listed."
    doc = blank_doc(
        text,
        [
            ("Ali Mamlouk", "PERSON"),
            ("Mamlouk", "ORG"),
            ("Mamluk", "PERSON"),
            ("Al-Mamlouk\u2019s", "PERSON"),
        ],
    )
    actors = extract_actors(doc)
    assert len(actors) == 1
    actor = actors[0]
    assert actor.type is ActorType.PERSON  # the ORG-tagged surname does not outvote the name
    assert actor.name == "Ali Mamlouk"
    assert actor.aliases == ("Al-Mamlouk", "Mamlouk", "Mamluk")
    assert actor.mentions[-1].text == "Al-Mamlouk"  # possessive stripped
    check_offsets(doc, actors)


def test_different_surnames_stay_apart():
    doc = blank_doc(
        "Ali Mamlouk met Khaled Fawzy. Fawzy spoke.",
        [("Ali Mamlouk", "PERSON"), ("Khaled Fawzy", "PERSON"), ("Fawzy", "PERSON")],
    )
    actors = by_name(extract_actors(doc))
    assert set(actors) == {"Ali Mamlouk", "Khaled Fawzy"}
    assert actors["Khaled Fawzy"].aliases == ("Fawzy",)


def test_org_tagged_short_form_of_a_person():
    doc = blank_doc(
        "Abdel Fattah el-Sisi spoke. Sisi has moved closer to Russia.",
        [("Abdel Fattah el-Sisi", "PERSON"), ("Sisi", "ORG"), ("Russia", "GPE")],
    )
    actors = by_name(extract_actors(doc))
    assert actors["Abdel Fattah el-Sisi"].type is ActorType.PERSON
    assert actors["Abdel Fattah el-Sisi"].aliases == ("Sisi",)


def test_generic_head_does_not_join_an_organisation():
    doc = blank_doc(
        "The Supreme Council met. The Council of Europe objected.",
        [("Supreme Council", "ORG"), ("Council of Europe", "ORG")],
    )
    assert len(extract_actors(doc)) == 2


def test_acronym_joins_its_expansion(nlp):
    doc = nlp(
        "Aramco informed the Egyptian General Petroleum Corporation (EGPC) of the halt, "
        "according to the EGPC."
    )
    actors = by_name(extract_actors(doc))
    egpc = actors["Egyptian General Petroleum Corporation"]
    assert egpc.type is ActorType.ORGANIZATION
    assert egpc.aliases == ("EGPC",)
    assert [m.text for m in egpc.mentions].count("EGPC") == 2  # "(EGPC)" the NER missed
    check_offsets(doc, list(actors.values()))


def test_demonym_before_a_name_is_a_company():
    doc = blank_doc(
        "Saudi Petrochemicals informed the Syrian people.",
        [("Saudi Petrochemicals", "NORP"), ("Syrian", "NORP")],
    )
    actors = extract_actors(doc)
    assert [(a.name, a.type) for a in actors] == [("Saudi Petrochemicals", ActorType.ORGANIZATION)]


def test_capital_as_subject_or_possessor_is_the_government(nlp):
    actors = by_name(extract_actors(nlp("Days after the vote, Riyadh suspended its oil aid.")))
    assert actors["Saudi Arabia"].type is ActorType.COUNTRY
    assert actors["Saudi Arabia"].aliases == ("Riyadh",)
    actors = by_name(extract_actors(nlp("Saudi Arabia reacted angrily to Cairo\u2019s move.")))
    assert "Cairo" in actors["Egypt"].aliases


def test_capital_as_destination_is_a_place(nlp):
    actors = by_name(extract_actors(nlp("Mamlouk made an official visit to Cairo.")))
    assert actors["Cairo"].type is ActorType.PLACE
    assert "Egypt" not in actors


def test_the_kingdom_is_the_country_named_before(nlp):
    doc = nlp("Saudi Arabia reacted angrily, with the Kingdom publicly criticizing its ally.")
    actors = by_name(extract_actors(doc))
    assert actors["Saudi Arabia"].aliases == ("Kingdom",)
    assert len(actors) == 1


def test_countries_by_canonical_name():
    doc = blank_doc(
        "The US, France and Britain vetoed it. The U.S. insisted.",
        [("US", "GPE"), ("France", "GPE"), ("Britain", "GPE"), ("U.S.", "GPE")],
    )
    actors = by_name(extract_actors(doc))
    assert actors["United States"].aliases == ("U.S.", "US")
    assert actors["United Kingdom"].type is ActorType.COUNTRY
    assert actors["France"].type is ActorType.COUNTRY


def test_places_are_not_countries():
    doc = blank_doc("Fighting in Aleppo and the Gulf.", [("Aleppo", "GPE"), ("Gulf", "LOC")])
    assert {a.type for a in extract_actors(doc)} == {ActorType.PLACE}


def test_demonyms_link_to_countries_without_actors(nlp):
    doc = nlp("Syrian officials met Egyptian officials in Damascus.")
    actors = extract_actors(doc)
    assert [a.name for a in actors] == ["Damascus"]
    links = link_demonyms(doc, actors)
    assert [(link.text, link.country, link.actor) for link in links] == [
        ("Syrian", "Syria", None),
        ("Egyptian", "Egypt", None),
    ]


def test_plural_people_are_a_group(nlp):
    actors = by_name(extract_actors(nlp("The Kurds rejected the plan.")))
    assert actors["Kurds"].type is ActorType.GROUP


def test_ner_mistypes_fixed_by_gazetteers():
    doc = blank_doc(
        "SANA said the E.U. and the Bashar al-Assad regime disagree.",
        [("SANA", "PERSON"), ("E.U.", "NORP"), ("the Bashar al-Assad", "FAC")],
    )
    actors = {a.name: a.type for a in extract_actors(doc)}
    assert actors == {
        "Syrian Arab News Agency": ActorType.MEDIA,
        "European Union": ActorType.ORGANIZATION,
        "Bashar al-Assad": ActorType.PERSON,
    }


def test_title_before_a_name_makes_a_person(nlp):
    actors = by_name(extract_actors(nlp("He met with General Zorba Quintax in the capital.")))
    person = next(a for a in actors.values() if "Quintax" in a.name)
    assert person.type is ActorType.PERSON
    assert "General" in person.roles


def test_surname_tagged_as_a_place_follows_the_person():
    doc = blank_doc(
        "Charles Bolden spoke. Bolden added more.",
        [("Charles Bolden", "PERSON"), ("Bolden", "GPE")],
    )
    actors = extract_actors(doc)
    assert [(a.name, a.type, a.aliases) for a in actors] == [
        ("Charles Bolden", ActorType.PERSON, ("Bolden",))
    ]


def test_a_town_tagged_person_once_is_still_the_town():
    doc = blank_doc(
        "He grew up in Evansville. Evansville welcomed him.",
        [("Evansville", "GPE"), ("Evansville", "PERSON")],
    )
    actors = extract_actors(doc)
    assert [(a.name, a.type, len(a.mentions)) for a in actors] == [
        ("Evansville", ActorType.PLACE, 2)
    ]


def test_lowercase_guesses_are_dropped():
    doc = blank_doc("They went to the disco club.", [("disco club", "ORG")])
    assert extract_actors(doc) == []


def test_possessives_never_in_mentions():
    doc = blank_doc(
        "Egypt\u2019s vote and Egypt's stance.", [("Egypt\u2019s", "GPE"), ("Egypt's", "GPE")]
    )
    (egypt,) = extract_actors(doc)
    assert [m.text for m in egypt.mentions] == ["Egypt", "Egypt"]
    check_offsets(doc, [egypt])


def test_unlisted_newspaper_is_media():
    doc = blank_doc("The Edmonton Sun reported it.", [("Edmonton Sun", "ORG")])
    assert extract_actors(doc)[0].type is ActorType.MEDIA


def test_empty_doc():
    assert extract_actors(spacy.blank("en")("")) == []


def test_non_actor_labels_ignored():
    doc = spacy.blank("en")("On October 8 two votes.")
    doc.ents = [Span(doc, 1, 3, label="DATE"), Span(doc, 3, 4, label="CARDINAL")]
    assert extract_actors(doc) == []


def test_country_glued_to_a_name_is_split():
    doc = blank_doc(
        "President of Ukraine Volodymyr Zelenskyy said so.",
        [("Ukraine Volodymyr Zelenskyy", "ORG")],
    )
    actors = {a.name: a.type for a in extract_actors(doc)}
    assert actors == {"Ukraine": ActorType.COUNTRY, "Volodymyr Zelenskyy": ActorType.PERSON}


def test_words_of_a_title_and_clock_words_are_not_actors():
    doc = blank_doc(
        "US Secretary of State Mike Pompeo spoke at 4 A.M. UTC.",
        [
            ("US", "GPE"),
            ("State", "ORG"),
            ("Mike Pompeo", "PERSON"),
            ("A.M.", "GPE"),
            ("UTC", "ORG"),
        ],
    )
    assert [a.name for a in extract_actors(doc)] == ["United States", "Mike Pompeo"]


def test_one_written_name_one_type():
    doc = blank_doc("The QRF fought. QRF fighters left.", [("QRF", "ORG"), ("QRF", "GPE")])
    actors = extract_actors(doc)
    assert [(a.name, a.type, len(a.mentions)) for a in actors] == [
        ("QRF", ActorType.ORGANIZATION, 2)
    ]


def test_armed_groups_are_groups_under_any_name():
    doc = blank_doc(
        "The YPG and the People's Protection Units are one. ISIL, or ISIS, lost.",
        [("YPG", "GPE"), ("People's Protection Units", "ORG"), ("ISIL", "ORG"), ("ISIS", "ORG")],
    )
    actors = extract_actors(doc)
    assert [(a.name, a.type, a.aliases) for a in actors] == [
        ("People's Protection Units", ActorType.GROUP, ("YPG",)),
        ("Islamic State", ActorType.GROUP, ("ISIL", "ISIS")),
    ]


def test_a_country_name_tagged_norp_is_the_country():
    doc = blank_doc(
        "Syria, officially the Syrian Arab Republic, objected.",
        [("Syria", "GPE"), ("Syrian Arab Republic", "NORP")],
    )
    (syria,) = extract_actors(doc)
    assert syria.aliases == ("Syrian Arab Republic",)


def test_bracketed_short_form_after_a_name(nlp):
    doc = nlp("The coalition fights the Islamic State (ISIS). ISIS lost ground.")
    actors = by_name(extract_actors(doc))
    assert actors["Islamic State"].aliases == ("ISIS",)


def test_an_organisation_is_not_its_last_word():
    doc = blank_doc(
        "The Global Coalition to Defeat ISIS met. ISIS lost.",
        [("Global Coalition to Defeat ISIS", "ORG"), ("ISIS", "ORG")],
    )
    assert len(extract_actors(doc)) == 2


def test_the_head_noun_names_the_organisation(nlp):
    doc = nlp(
        "The Church of Scientology denied it. Critics say the Church pressured him, "
        "and Scientology refused to comment."
    )
    actors = by_name(extract_actors(doc))
    church = actors["Church of Scientology"]
    assert {"Church", "Scientology"} <= set(church.aliases)


def test_first_names_seen_in_the_article_make_people():
    doc = blank_doc(
        "Nikos Dendias and Nikos Christodoulides met.",
        [("Nikos Dendias", "PERSON"), ("Nikos Christodoulides", "ORG")],
    )
    assert {a.type for a in extract_actors(doc)} == {ActorType.PERSON}


def test_a_role_only_people_hold_makes_a_person(nlp):
    doc = nlp("A State Department spokesperson, Morgan Ortagus, indicated the plan.")
    actor = next(a for a in extract_actors(doc) if "Ortagus" in a.name)
    assert actor.type is ActorType.PERSON


def test_unlisted_television_is_media():
    doc = blank_doc("The rebels' al-Masirah TV said so.", [("al-Masirah TV", "ORG")])
    assert extract_actors(doc)[0].type is ActorType.MEDIA


def test_an_open_bracket_ends_a_name():
    doc = blank_doc(
        "The World Health Organization (WHO said so.",
        [("World Health Organization (WHO", "ORG")],
    )
    (who,) = extract_actors(doc)
    assert who.mentions[0].text == "World Health Organization"


def test_a_place_glued_to_a_person_is_cut_off():
    doc = blank_doc(
        "Senator from Vermont Bernie Sanders spoke. Sanders won.",
        [("Vermont Bernie Sanders", "ORG"), ("Sanders", "ORG")],
    )
    actors = extract_actors(doc)
    assert [(a.name, a.type, a.aliases) for a in actors] == [
        ("Bernie Sanders", ActorType.PERSON, ("Sanders",))
    ]


def test_two_known_people_tagged_as_one_organisation():
    doc = blank_doc(
        "Joe Biden met Bernie Sanders. Later Biden and Sanders spoke.",
        [("Joe Biden", "PERSON"), ("Bernie Sanders", "PERSON"), ("Biden and Sanders", "ORG")],
    )
    actors = by_name(extract_actors(doc))
    assert set(actors) == {"Joe Biden", "Bernie Sanders"}
    assert actors["Joe Biden"].aliases == ("Biden",)
    assert actors["Bernie Sanders"].aliases == ("Sanders",)


def test_a_company_named_for_two_words_stays_whole():
    doc = blank_doc("Marks and Spencer said so.", [("Marks and Spencer", "ORG")])
    assert [a.name for a in extract_actors(doc)] == ["Marks and Spencer"]


def test_a_first_name_alone_names_the_one_person_who_has_it():
    doc = blank_doc(
        "Sultan Qaboos bin Said died. Qaboos ruled for decades.",
        [("Qaboos bin Said", "PERSON"), ("Qaboos", "GPE")],
    )
    actors = extract_actors(doc)
    assert [(a.name, a.type, a.aliases) for a in actors] == [
        ("Qaboos bin Said", ActorType.PERSON, ("Qaboos",))
    ]


def test_a_shared_first_name_alone_joins_no_one():
    doc = blank_doc(
        "John Bolton and John Kerry met. John left.",
        [("John Bolton", "PERSON"), ("John Kerry", "PERSON"), ("John", "PERSON")],
    )
    assert len(extract_actors(doc)) == 3


def test_names_built_like_bodies_are_organisations(nlp):
    doc = blank_doc(
        "Movimento 5 Stelle and Instituto Gonzaga objected.",
        [("Movimento 5 Stelle", "PERSON"), ("Instituto Gonzaga", "PERSON")],
    )
    assert {a.type for a in extract_actors(doc)} == {ActorType.ORGANIZATION}
    doc = nlp("The localist group Civic Passion won a seat.")
    actor = next(a for a in extract_actors(doc) if "Passion" in a.name)
    assert actor.type is ActorType.ORGANIZATION


def test_occupation_before_a_name_makes_a_person(nlp):
    doc = nlp("Belgian goalkeeper Thibaut Courtois saved the penalty.")
    actor = next(a for a in extract_actors(doc) if "Courtois" in a.name)
    assert actor.type is ActorType.PERSON


def test_a_government_is_its_country():
    doc = blank_doc(
        "Iraq protested, and the Government of Iraq and the Iraqi government agreed.",
        [("Iraq", "GPE"), ("Government of Iraq", "ORG"), ("Iraqi government", "ORG")],
    )
    (iraq,) = extract_actors(doc)
    assert iraq.type is ActorType.COUNTRY
    assert iraq.aliases == ("Government of Iraq", "Iraqi government")


def test_a_known_body_under_a_nationality(nlp):
    doc = blank_doc(
        "The Afghan Taliban and the Taliban.", [("Afghan Taliban", "ORG"), ("Taliban", "ORG")]
    )
    (taliban,) = extract_actors(doc)
    assert (taliban.name, taliban.type) == ("Taliban", ActorType.GROUP)


def test_the_words_a_bracketed_acronym_spells_are_one_body(nlp):
    # the model tags "Stelle" alone, a person; "M5S" spells all three words' initials
    doc = nlp("Requests came from the deputies of Movimento 5 Stelle (M5S) in Genoa.")
    actors = by_name(extract_actors(doc))
    body = actors["Movimento 5 Stelle"]
    assert body.type is ActorType.ORGANIZATION
    assert {m.text for m in body.mentions} == {"Movimento 5 Stelle", "M5S"}
    assert "Stelle" not in actors
