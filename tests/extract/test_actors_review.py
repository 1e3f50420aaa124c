"""Actor rules from the review of Wikinews 2020 articles: one owner per short form,
capitals used both ways, demonym phrases, outlets by context, coordinated places,
listed acronyms the NER missed."""

from __future__ import annotations

import spacy
from test_actors import blank_doc, by_name, check_offsets

from workbench.extract.actor_mentions import Candidate
from workbench.extract.actors import extract_actors, link_demonyms
from workbench.extract.aliases import Cluster, one_cluster_per_mention, one_owner_per_short_form
from workbench.extract.media_ruler import MediaRuler
from workbench.lexicon.gazetteer import media_info
from workbench.model import ActorType


def owners(actors, form):
    return [a.name for a in actors if any(m.text == form for m in a.mentions)]


def test_a_surname_shared_by_two_people_joins_one_of_them():
    text = "Hafez al-Assad ruled. Assad died. Bashar al-Assad rules. Assad spoke."
    doc = blank_doc(
        text,
        [
            ("Hafez al-Assad", "PERSON"),
            ("Assad", "PERSON"),
            ("Bashar al-Assad", "PERSON"),
            ("Assad", "PERSON"),
        ],
    )
    actors = extract_actors(doc)
    assert len(owners(actors, "Assad")) == 1
    assert len(actors) == 2
    check_offsets(doc, actors)


def test_a_short_form_joins_the_name_spelled_like_it():
    text = "Qasem Soleimani died. Hassan Soleymani spoke. Soleimani was a general."
    doc = blank_doc(
        text,
        [("Qasem Soleimani", "PERSON"), ("Hassan Soleymani", "PERSON"), ("Soleimani", "PERSON")],
    )
    actors = extract_actors(doc)
    assert owners(actors, "Soleimani") == ["Qasem Soleimani"]  # not the nearer Soleymani


def test_an_honorific_joins_the_person_already_named():
    text = "Qasem Soleimani died. Shahid Soleymani is the face of the resistance."
    doc = blank_doc(text, [("Qasem Soleimani", "PERSON"), ("Shahid Soleymani", "PERSON")])
    (actor,) = extract_actors(doc)
    assert actor.name == "Qasem Soleimani"
    assert actor.aliases == ("Shahid Soleymani",)
    # alone, the same word is a given name
    doc = blank_doc("Shahid Afridi scored.", [("Shahid Afridi", "PERSON")])
    assert [a.name for a in extract_actors(doc)] == ["Shahid Afridi"]


def test_a_capital_used_both_ways_puts_each_mention_in_one_actor(nlp):
    doc = nlp(
        "Athens expelled the Libyan ambassador to Greece. "
        "The summit was held in Athens at the Zappeion Hall."
    )
    actors = by_name(extract_actors(doc))
    greece, athens = actors["Greece"], actors["Athens"]
    assert athens.type is ActorType.PLACE
    government = [m.start for m in greece.mentions if m.text == "Athens"]
    place = [m.start for m in athens.mentions]
    assert government == [0]
    assert place == [doc.text.rindex("Athens")]


def test_a_mention_taken_twice_stays_with_the_fixed_name():
    doc = spacy.blank("en")("Athens expelled him.")
    span = doc[0:1]

    def mention():
        return Candidate(span=span, start=0, end=6, text="Athens", label="GPE")

    country = Cluster(mentions=[mention()], key="country:Greece", type=ActorType.COUNTRY)
    place = Cluster(mentions=[mention()], type=ActorType.PLACE)
    twice = Cluster(mentions=[mention(), mention()], type=ActorType.PLACE)
    one_cluster_per_mention([place, country, twice])
    assert len(country.mentions) == 1
    assert place.mentions == [] and twice.mentions == []


def test_demonym_phrases_are_no_actors(nlp):
    doc = nlp("He was sanctioned over a plot to kill the Saudi Arabian ambassador to Canada.")
    assert [a.name for a in extract_actors(doc)] == ["Canada"]
    assert "Saudi Arabia" in {link.country for link in link_demonyms(doc)}
    doc = nlp("He was known for mediating in several Middle Eastern disputes.")
    assert extract_actors(doc) == []


def test_outlets_of_greece_cyprus_turkey_and_norway_are_listed():
    for name, country in [
        ("Kathimerini", "Greece"),
        ("Cyprus Mail", "Cyprus"),
        ("NRK", "Norway"),
        ("Habertürk", "Turkey"),
        ("Aftenposten", "Norway"),
        ("Phileleftheros", "Cyprus"),
    ]:
        outlet = media_info(name)
        assert outlet is not None and outlet.country == country, name


def test_listed_outlets_the_ner_calls_people_are_media(nlp):
    doc = nlp("Greek daily Kathimerini said Greece had to speed up. Cyprus Mail reported it.")
    actors = by_name(extract_actors(doc))
    assert actors["Kathimerini"].type is ActorType.MEDIA
    assert actors["Cyprus Mail"].type is ActorType.MEDIA


def _with_pos(doc, **pos):
    for token in doc:
        token.pos_ = pos.get(token.text, "PROPN" if token.is_title else "VERB")
    return doc


def test_an_unlisted_name_called_a_newspaper_is_media():
    doc = _with_pos(
        blank_doc("The newspaper Dagsposten wrote it.", [("Dagsposten", "PERSON")]),
        newspaper="NOUN",
    )
    assert extract_actors(doc)[0].type is ActorType.MEDIA
    doc = _with_pos(
        blank_doc("Dagsposten newspaper wrote it.", [("Dagsposten", "ORG")]), newspaper="NOUN"
    )
    assert extract_actors(doc)[0].type is ActorType.MEDIA
    doc = _with_pos(
        blank_doc("The Dagsposten Newspaper Company sued.", [("Dagsposten", "ORG")]),
        Newspaper="NOUN",
    )
    assert extract_actors(doc)[0].type is ActorType.ORGANIZATION  # a longer name


def test_an_unlisted_name_that_reports_is_media(nlp):
    doc = nlp("Kanalnord reported that the fire started in a car.")
    assert [(a.name, a.type) for a in extract_actors(doc)] == [("Kanalnord", ActorType.MEDIA)]
    # a body that reports is still the body
    doc = nlp(
        "The National Emergency Operation Centre (NEOC) announced the decision. "
        "NEOC reported a high rate."
    )
    (neoc,) = extract_actors(doc)
    assert neoc.type is ActorType.ORGANIZATION


def test_coordinated_places_tagged_as_one_are_split():
    doc = blank_doc("The sea between Crete and Cyprus is Turkish.", [("Crete and Cyprus", "ORG")])
    actors = extract_actors(doc)
    assert [(a.name, a.type) for a in actors] == [
        ("Crete", ActorType.PLACE),
        ("Cyprus", ActorType.COUNTRY),
    ]
    check_offsets(doc, actors)
    doc = blank_doc("Ferries to Kos and Rhodes resumed.", [("Kos and Rhodes", "GPE")])
    assert [a.name for a in extract_actors(doc)] == ["Kos", "Rhodes"]


def test_names_with_and_stay_whole():
    for text, label, name, actor_type in [
        ("Trinidad and Tobago won.", "GPE", "Trinidad and Tobago", ActorType.COUNTRY),
        ("Bosnia and Herzegovina voted.", "GPE", "Bosnia and Herzegovina", ActorType.COUNTRY),
        ("Procter and Gamble rose.", "ORG", "Procter and Gamble", ActorType.ORGANIZATION),
    ]:
        doc = blank_doc(text, [(name, label)])
        assert [(a.name, a.type) for a in extract_actors(doc)] == [(name, actor_type)]


def test_listed_acronyms_the_ner_missed(nlp):
    ruler = MediaRuler(nlp)
    doc = spacy.blank("en")("They guard captured ISIS fighters in the USA.")
    doc = ruler(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("ISIS", "ORG"), ("USA", "GPE")]
    # a shouted English word is that word
    assert ruler(spacy.blank("en")("WHO CARES ABOUT IT")).ents == ()
    actors = by_name(extract_actors(doc))
    assert actors["Islamic State"].type is ActorType.GROUP
    assert actors["United States"].aliases == ("USA",)


def test_a_cluster_emptied_by_a_merge_is_no_owner():
    doc = blank_doc("Hafez al-Assad ruled. Assad died.", [("Assad", "PERSON")])
    span = doc.ents[0]
    short = Candidate(span=span, start=span.start_char, end=span.end_char, text="Assad", label="")
    full = Candidate(span=span, start=0, end=14, text="Hafez al-Assad", label="PERSON")
    emptied = Cluster(mentions=[], type=ActorType.PERSON)
    owner = Cluster(mentions=[full, short], type=ActorType.PERSON)
    one_owner_per_short_form([emptied, owner])
    assert owner.mentions == [full, short] and emptied.mentions == []


def test_a_shared_name_and_a_body_with_and_stay_whole():
    doc = blank_doc("North and South Korea met.", [("North and South Korea", "GPE")])
    assert [a.name for a in extract_actors(doc)] == ["North and South Korea"]
    text = "Rogaland Fire and Rescue said so. Rescue came. Rogaland Fire left."
    doc = blank_doc(
        text,
        [("Rogaland Fire and Rescue", "ORG"), ("Rescue", "ORG"), ("Rogaland Fire", "ORG")],
    )
    assert "Rogaland Fire and Rescue" in [a.name for a in extract_actors(doc)]


def test_a_body_with_a_longer_name_that_reports_is_no_outlet(nlp):
    doc = nlp("The US Geological Survey reported a magnitude of 7.0.")
    assert ActorType.MEDIA not in {a.type for a in extract_actors(doc)}


def test_daily_before_a_name_makes_an_outlet_only_after_a_name_or_the():
    for text, name, expected in [
        ("Greek daily Dagsposten said so.", "Dagsposten", ActorType.MEDIA),
        ("He took the daily Dagsposten home.", "Dagsposten", ActorType.MEDIA),
        ("He was given a daily Aspirin.", "Aspirin", ActorType.ORGANIZATION),
    ]:
        doc = _with_pos(blank_doc(text, [(name, "ORG")]), daily="ADJ")
        assert extract_actors(doc)[0].type is expected, text


def test_militias_named_like_bodies_are_groups():
    for text, name, canonical in [
        ("The Badr Organization said so.", "Badr Organization", "Badr Organization"),
        ("The Qassam Brigades fired.", "Qassam Brigades", "Izz ad-Din al-Qassam Brigades"),
        ("Fighters of ISWAP attacked.", "ISWAP", "Islamic State West Africa Province"),
    ]:
        doc = blank_doc(text, [(name, "ORG")])
        assert [(a.name, a.type) for a in extract_actors(doc)] == [(canonical, ActorType.GROUP)]


def test_an_unlisted_magazine_is_media():
    doc = blank_doc("Outdoor Trails Magazine reported it.", [("Outdoor Trails Magazine", "ORG")])
    assert extract_actors(doc)[0].type is ActorType.MEDIA
