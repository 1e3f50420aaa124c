"""The case learns: a person's corrections become knowledge the extraction of every later
article (and re-extraction) uses. Fast tests build the knowledge from the hand-built
story and run the matcher on a blank spaCy pipeline; the slow ones go end to end with
the real model."""

from __future__ import annotations

import pytest
import spacy
from case_builders import actor_named, first_extraction

from workbench import Case
from workbench.extract.known_actors import apply_known_types, mark_known_names
from workbench.model import Actor, ActorType, Article, Extraction, Mention

FIRST = "syrian-security-chief-visits-cairo"


def test_knowledge_holds_what_a_person_did_to_actors(story):
    assert not story.knowledge()  # nothing taught yet: extraction as it is
    mamlouk = actor_named(story, "Ali Mamlouk")
    story.update_actor(mamlouk.id, status="confirmed")
    story.update_actor(actor_named(story, "Cairo").id, type="country")  # a retype
    story.update_actor(actor_named(story, "Khaled Fawzy").id, status="rejected")
    knowledge = story.knowledge()
    # every name and spelling of a confirmed actor, within the alias rules
    for written in ("Ali Mamlouk", "Mamluk", "al-Mamlouk", "MAMLOUK"):
        assert knowledge.recognise(written) == ("Ali Mamlouk", ActorType.PERSON), written
    assert knowledge.recognise("Cairo") == ("Cairo", ActorType.COUNTRY)
    assert knowledge.rejects("Khaled Fawzy") and knowledge.recognise("Khaled Fawzy") is None
    assert knowledge.recognise("SANA") is None  # never checked: extraction decides


def test_a_surname_shared_by_two_known_people_names_neither(story):
    story.add_actor("Hafez al-Assad", "person")
    story.add_actor("Bashar al-Assad", "person")
    assert story.knowledge().recognise("Assad") is None
    assert story.knowledge().recognise("Bashar al-Assad") == ("Bashar al-Assad", ActorType.PERSON)


def test_known_names_become_entities_and_rejected_ones_go(story):
    story.add_actor("Israeli army", "organization")
    story.update_actor(actor_named(story, "Ali Mamlouk").id, status="confirmed")
    story.update_actor(actor_named(story, "SANA").id, status="rejected")
    nlp = spacy.blank("en")
    doc = nlp("The Israeli army met Al-Mamlouk and SANA (Israeli) army men.")
    sana = doc[8:9]
    doc.ents = [doc.char_span(sana.start_char, sana.end_char, label="ORG")]
    mark_known_names(doc, story.knowledge())
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Israeli army", "ORG"),
        ("Al-Mamlouk", "PERSON"),
    ]  # "(Israeli) army" crosses a bracket: no name


def test_known_names_run_together_in_one_entity_come_apart(story):
    story.add_actor("Hong Kong", "place")
    story.add_actor("Carrie Lam", "person")
    nlp = spacy.blank("en")
    doc = nlp("Chief Executive of Hong Kong Carrie Lam spoke at Hong Kong Police Headquarters.")
    # the model's entities: two names run together, and a fuller name holding a known one
    doc.ents = [doc.char_span(19, 39, label="GPE"), doc.char_span(49, 78, label="FAC")]
    mark_known_names(doc, story.knowledge())
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Hong Kong", "LOC"),
        ("Carrie Lam", "PERSON"),
        ("Hong Kong Police Headquarters", "FAC"),  # the fuller name stays
    ]


def test_extracted_actors_take_the_case_name_and_type(story):
    story.update_actor(actor_named(story, "Cairo").id, type="country")
    story.update_actor(actor_named(story, "Ali Mamlouk").id, status="confirmed")
    story.update_actor(actor_named(story, "SANA").id, status="rejected")
    actors = [
        Actor("a1", "Cairo", ActorType.PLACE, mentions=(Mention(0, 5, "Cairo"),)),
        Actor("a2", "Al-Mamlouk", ActorType.ORGANIZATION, mentions=(Mention(6, 16, "Al-Mamlouk"),)),
        Actor("a3", "SANA", ActorType.MEDIA, mentions=(Mention(17, 21, "SANA"),)),
    ]
    found = apply_known_types(actors, story.knowledge())
    assert [(a.name, a.type, a.aliases) for a in found] == [
        ("Cairo", ActorType.COUNTRY, ()),
        ("Ali Mamlouk", ActorType.PERSON, ("Al-Mamlouk",)),
    ]


def test_mentions_of_known_names_are_marked(story):
    story.update_actor(actor_named(story, "Ali Mamlouk").id, status="confirmed")
    story.apply_reextraction([first_extraction()])
    marked = {m.text: m.known for m in story.mentions(article_id=FIRST)}
    assert marked["Ali Mamlouk"] and marked["Mamluk"]
    assert not marked["SANA"]


# --- end to end, with the real model -------------------------------------------------------------

FIRST_TEXT = (
    "Clashes near Hama\n\nQalb Lawzeh Battalion said it struck targets near Hama on Monday. "
    "Lebanese officials told Reuters that Jaysh al-Islam was on alert. "
    "Witch Hunt was the slogan of the day, Mamluk said."
)
LATER_TEXT = (
    "More clashes\n\nQalb Lawzeh Battalion held its positions on Tuesday, and Jaysh al-Islam "
    "answered. "
    "Witch Hunt, said a banner. Al-Mamlouk flew to Cairo."
)


@pytest.mark.slow
def test_corrections_apply_to_articles_added_later(case: Case, extractor) -> None:
    case._extractor_cache = extractor
    case.add_article(Article(id="one", text=FIRST_TEXT))
    # a group the model alone misses (the rules now find "Liwa al-Quds" and any name that
    # "struck again": a name of no known kind, with no verb of fighting, is the test)
    start = FIRST_TEXT.index("Qalb Lawzeh Battalion")
    liwa = case.add_actor("Qalb Lawzeh Battalion", "group", mentions=[("one", start, start + 21)])
    mamlouk = actor_named(case, "Mamluk")
    case.update_actor(mamlouk.id, name="Ali Mamlouk", status="confirmed")
    case.update_actor(actor_named(case, "Jaysh al-Islam").id, type="group")  # a retype
    witch_hunt = actor_named(case, "Witch Hunt")
    case.update_actor(witch_hunt.id, status="rejected")

    plain = extractor.extract(Article(id="two", text=LATER_TEXT))
    assert "Qalb Lawzeh Battalion" not in [a.name for a in plain.actors]  # missed alone

    case.add_article(Article(id="two", text=LATER_TEXT))
    later = {m.text: m for m in case.mentions(article_id="two")}
    assert later["Qalb Lawzeh Battalion"].actor_id == liwa.id
    assert later["Qalb Lawzeh Battalion"].known
    assert later["Al-Mamlouk"].actor_id == mamlouk.id  # the surname, in another spelling
    assert case.actor(later["Jaysh al-Islam"].actor_id).type is ActorType.GROUP
    assert "Witch Hunt" not in later  # not proposed again
    assert not case.mentions(actor_id=witch_hunt.id, article_id="two")

    case.reextract()  # and re-extraction learns the same
    again = {m.text: m for m in case.mentions(article_id="two")}
    assert again["Qalb Lawzeh Battalion"].actor_id == liwa.id and "Witch Hunt" not in again


def test_a_split_alias_stays_split_and_a_merged_pair_merged(story):
    mamlouk = actor_named(story, "Ali Mamlouk")  # not confirmed: only "Mamluk" is taught
    mamluk = story.split_alias(mamlouk.id, "Mamluk")
    knowledge = story.knowledge()
    assert knowledge.recognise("Ali Mamlouk") is None
    assert knowledge.recognise("Mamluk") == ("Mamluk", ActorType.PERSON)
    together = Actor(
        "a1",
        "Ali Mamlouk",
        ActorType.PERSON,
        aliases=("Mamluk",),
        mentions=(Mention(0, 11, "Ali Mamlouk"), Mention(20, 26, "Mamluk")),
    )
    (found,) = apply_known_types([together], knowledge)
    assert found.name == "Ali Mamlouk"  # not renamed after the split-off name
    # and the store sends the split-off form to its own actor, as before
    story.apply_reextraction([first_extraction()])
    forms = {m.text: m.actor_id for m in story.mentions(article_id=FIRST)}
    assert forms["Mamluk"] == mamluk and forms["Ali Mamlouk"] == mamlouk.id

    fawzy = actor_named(story, "Khaled Fawzy")
    story.merge_actors(mamlouk.id, fawzy.id)  # merged by the person: one actor from now on
    assert story.knowledge().recognise("Khaled Fawzy") == ("Ali Mamlouk", ActorType.PERSON)
    story.apply_reextraction([first_extraction()])
    assert {m.actor_id for m in story.mentions(article_id=FIRST) if m.text == "Khaled Fawzy"} == {
        mamlouk.id
    }


def test_an_actor_whose_roles_change_on_reextraction_gets_a_new_version(story):
    """Roles are shown with the actor: a person who saw the old ones edits a stale row."""
    import dataclasses

    def with_roles(*roles: str):
        extraction = first_extraction()
        actors = tuple(
            dataclasses.replace(a, roles=roles) if a.name == "Ali Mamlouk" else a
            for a in extraction.actors
        )
        return dataclasses.replace(extraction, actors=actors)

    mamlouk = actor_named(story, "Ali Mamlouk")
    story.apply_reextraction([with_roles("security chief")])
    changed = story.actor(mamlouk.id)
    assert changed.roles == ("security chief",) and changed.version == mamlouk.version + 1
    story.apply_reextraction([with_roles("security chief")])  # the same roles: no new version
    assert story.actor(mamlouk.id).version == changed.version
    story.apply_reextraction([with_roles("envoy")])  # one more role
    assert story.actor(mamlouk.id).roles == ("security chief", "envoy")
    assert story.actor(mamlouk.id).version == changed.version + 1


def test_a_rejected_claim_teaches_its_pattern(story):
    assert not story.knowledge().rejects_claim("asked", "not to be named")
    claim = next(c for c in story.claims() if "Egyptian officials" in c.text)
    story.reject_claim(claim.id)
    knowledge = story.knowledge()
    assert knowledge  # a rejected claim alone is knowledge extraction uses
    assert knowledge.rejects_claim(claim.cue, claim.text.upper())  # the same words, any case
    assert not knowledge.rejects_claim("said", claim.text)  # another cue: another claim
    # a claim of six words is no fragment: it teaches only its own words
    assert not knowledge.rejects_claim(claim.cue, "Mamluk had met Saudi officials")
    story.restore_claim(claim.id)
    assert not story.knowledge().rejects_claim(claim.cue, claim.text)


JUNK_FIRST = (
    "Port fire\n\nThe source, who asked not to be named, said police were looking for two men."
)
JUNK_LATER = (
    "Port reopens\n\nA worker, who asked not to be identified, said the port was closed. "
    "The mayor asked residents to stay calm, officials said."
)


@pytest.mark.slow
def test_a_rejected_claim_pattern_is_not_proposed_again(case: Case, extractor) -> None:
    case._extractor_cache = extractor
    case.add_article(Article(id="one", text=JUNK_FIRST))
    junk = next(c for c in case.claims(article_id="one") if c.text == "not to be named")
    case.reject_claim(junk.id)
    plain = extractor.extract(Article(id="two", text=JUNK_LATER))
    assert "not to be identified" in [c.text for c in plain.claims]  # the rules alone
    case.add_article(Article(id="two", text=JUNK_LATER))
    later = [c.text for c in case.claims(article_id="two")]
    assert "not to be identified" not in later  # "asked" + "not to be ...": no speech
    assert "the port was closed" in later  # the same sentence's real claim stays
    case.reextract()
    assert "not to be named" not in [c.text for c in case.claims(article_id="one")]
    assert "the port was closed" in [c.text for c in case.claims(article_id="two")]


def test_the_benchmark_counts_errors_and_those_on_taught_names(story):
    from eval.learning import actor_errors

    text = "Mamluk met Khaled Fawzy and Witch Hunt in Cairo."
    gold = {
        "text": text,
        "actors": [
            {"name": "Ali Mamlouk", "type": "person", "aliases": [], "mentions": [
                {"start": 0, "end": 6, "text": "Mamluk"}]},
            {"name": "Khaled Fawzy", "type": "person", "aliases": [], "mentions": [
                {"start": 11, "end": 23, "text": "Khaled Fawzy"}]},
            {"name": "Cairo", "type": "place", "aliases": [], "mentions": [
                {"start": 42, "end": 47, "text": "Cairo"}]},
        ],
    }  # fmt: skip
    extraction = Extraction(
        article=Article(id="x", text=text),
        actors=(
            Actor("a1", "Khaled Fawzy", ActorType.ORGANIZATION, mentions=(Mention(11, 23, "Khaled Fawzy"),)),
            Actor("a2", "Witch Hunt", ActorType.PERSON, mentions=(Mention(28, 38, "Witch Hunt"),)),
            Actor("a3", "Cairo", ActorType.PLACE, mentions=(Mention(42, 47, "Cairo"),)),
        ),
    )  # fmt: skip
    errors = actor_errors(gold, extraction)
    assert (errors.missed, errors.spurious, errors.mistyped, errors.taught) == (1, 1, 1, 0)
    story.update_actor(actor_named(story, "Ali Mamlouk").id, status="confirmed")
    story.update_actor(actor_named(story, "Khaled Fawzy").id, status="rejected")
    taught = actor_errors(gold, extraction, story.knowledge())
    # "Mamluk" (known) and "Khaled Fawzy" (rejected) were taught; "Witch Hunt" never was
    assert taught.taught == 2 and taught.total == errors.total


def test_a_known_person_is_recognised_in_another_spelling(story):
    from workbench.case.knowledge import same_spelling, spelling

    def same(a: str, b: str) -> bool:
        return same_spelling(spelling(a), spelling(b))

    assert same("Mamluk", "Al-Mamlouk") and same("Kareem Hadad", "Karim Haddad")
    assert same("Muhammad bin Salman", "Mohammed bin Salman") and same("Husayn", "Hussein")
    assert not same("Malik", "Mamlouk")  # another consonant
    assert not same("Hassan", "Hussein") and not same("Hamad", "Hamid")  # other vowels
    assert not same("Ahmed Hassan", "Hamad Hassan")  # a first vowel is kept
    assert spelling("علي مملوك") == ()  # Latin script only (across scripts: resolve.py)

    story.add_actor("Karim Haddad", "person")
    story.update_actor(actor_named(story, "Ali Mamlouk").id, status="confirmed")
    story.add_actor("Hamad Hassan", "person")
    story.add_actor("Hamad Hussein", "person")
    knowledge = story.knowledge()
    person = ActorType.PERSON
    assert knowledge.recognise("Kareem Hadad") == ("Karim Haddad", person)
    assert knowledge.recognise("Mamlook") == ("Ali Mamlouk", person)  # a surname, 4 letters
    assert knowledge.recognise("Malik") is None
    assert knowledge.recognise("Hadad") is None  # a short surname alone: too many share it
    assert knowledge.recognise("Hamad Hasan") == ("Hamad Hassan", person)
    assert knowledge.recognise("Hamad Husain") == ("Hamad Hussein", person)
    assert knowledge.recognise("Hamid Hassan") is None
    # a spelling two known people share names neither
    story.add_actor("Hamad Husayn", "person")
    assert story.knowledge().recognise("Hamad Husain") is None


@pytest.mark.slow
def test_the_governor_in_another_spelling_joins_him_once_confirmed(case: Case, extractor):
    from workbench.views import exercise

    case._extractor_cache = extractor
    first, second = exercise.exercise_files()
    case.add_article(str(first))
    governor = actor_named(case, "Karim Haddad")
    case.update_actor(governor.id, status="confirmed")
    case.add_article(str(second))
    later = {m.text: m.actor_id for m in case.mentions() if "Ha" in m.text}
    assert later["Kareem Hadad"] == governor.id  # another spelling, one person
    assert later["Hadad"] == governor.id  # "Hadad's deputy": the short form follows him
