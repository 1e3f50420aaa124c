"""Who speaks where the parse hides it (issue 10), on hand-built parses (`hand_docs.py`):
a participle hung on the platform it was posted on, on an adjective, on a conjoined verb
whose subject is a thing; a surname the tagger took for a noun; a quotation after a
colon; "the office" for the body just named, "the army" for the military, "the
industry publication" for the outlet; titles coordinated before a name; an outlet told
glued to the clause; "citing" closing a report; "according to" the same speaker. No model: the fast tier. The headline
label ("Schiff: ...") needs a line break, which a table cannot hold: `eval/probes`.
"""

from __future__ import annotations

from hand_docs import (
    ACCORDING_KEEPS_CHANNEL,
    ARMY_AFTER_MILITARY,
    BLAMING_ON_TWITTER,
    CITING_AFTER_XCOMP,
    JOINED_TO_A_THING,
    PUBLICATION_STATED,
    QUICK_IN_BLAMING,
    QUOTE_AFTER_COLON,
    SAID_IN_THE_MIDDLE,
    SATELLITE_IMAGES_FROM,
    SURNAME_AS_SUBJECT,
    SURNAME_TAGGED_NORP,
    THE_OFFICE_ASKED,
    TITLE_IN_PERSON_ENTITY,
    TITLE_INSIDE_AN_ORG,
    TITLES_AND_NAME,
    TOLD_NPR_GLUED,
    claims_of,
)

from workbench.extract.actors import extract_actors
from workbench.model import ActorType, ClaimKind


def test_a_participle_hung_on_the_platform_speaks_for_who_posted():
    claims, actors = claims_of(BLAMING_ON_TWITTER)
    [claim] = claims
    assert claim.text == "Iran for the attack"
    assert claim.speaker == actors["Lindsey Graham"].id
    assert claim.speaker_text == "Senator Lindsey Graham"


def test_a_participle_on_an_adjective_speaks_for_the_copulas_subject():
    claims, actors = claims_of(QUICK_IN_BLAMING)
    [claim] = claims
    assert claim.text == "Russia for the attack"
    assert claim.speaker == actors["European Union"].id


def test_a_surname_tagged_as_a_noun_is_the_person_named_before():
    claims, actors = claims_of(SURNAME_AS_SUBJECT)
    [claim] = claims
    assert claim.cue == "characterized"
    assert claim.speaker == actors["Donald Trump"].id
    assert claim.speaker_text == "Trump"
    trump = actors["Donald Trump"]
    assert [SURNAME_AS_SUBJECT.text[m.start : m.end] for m in trump.mentions] == [
        "Donald Trump",
        "Trump",
    ]


def test_a_quotation_after_a_colon_belongs_to_the_clause_it_ends():
    claims, actors = claims_of(QUOTE_AFTER_COLON)
    [claim] = claims
    assert claim.text == "Our region needs peace now more than ever before."
    assert claim.kind is ClaimKind.DIRECT
    # "he" is the king, the subject before it: the colon's clause has no verb of saying
    assert claim.speaker == actors["Abdullah"].id
    assert claim.speaker_text == "he"


def test_a_verb_joined_to_a_clause_about_a_thing_speaks_for_the_clauses_speaker():
    claims, actors = claims_of(JOINED_TO_A_THING)
    [claim] = claims
    assert claim.cue == "called"
    assert claim.speaker == actors["Abdel Fattah el-Sisi"].id  # not "the air strike"
    assert claim.speaker_text == "Egyptian President Abdel Fattah el-Sisi"


def test_the_office_is_the_body_that_was_the_subject_just_before():
    claims, actors = claims_of(THE_OFFICE_ASKED)
    [claim] = claims
    assert claim.text == "British citizens to leave the country"
    assert claim.speaker == actors["British Embassy"].id
    assert claim.speaker_text == "The office"


def test_the_army_is_the_military_named_before():
    claims, actors = claims_of(ARMY_AFTER_MILITARY)
    [claim] = claims
    assert claim.speaker == actors["Iranian military"].id  # one kind in force_nouns.csv
    assert claim.speaker_text == "The army"


def test_the_industry_publication_is_the_outlet_named_before():
    claims, actors = claims_of(PUBLICATION_STATED)
    stated = next(c for c in claims if c.cue == "stated")
    herald = next(a for name, a in actors.items() if "Aviation Herald" in name)
    assert stated.speaker == herald.id
    assert stated.channels == (herald.id,)


def test_titles_coordinated_before_a_name_describe_that_person():
    claims, actors = claims_of(TITLES_AND_NAME)
    [claim] = claims
    # the parser made "agent", "specialist" and "Soufan" three subjects
    assert claim.speaker == actors["Ali Soufan"].id
    assert claim.speaker_text == "Retired FBI agent and terrorism specialist Ali Soufan"


def test_an_outlet_told_glued_to_the_clause_is_the_channel():
    claims, actors = claims_of(TOLD_NPR_GLUED)
    [claim] = claims
    assert claim.text == "Abu Bakr al-Baghdadi had been hiding in Idlib"
    assert claim.channels == (actors["NPR"].id,)
    assert claim.speaker == actors["Hassan Hassan"].id


def test_citing_at_the_end_of_a_report_names_the_source_and_ends_the_content():
    claims, _ = claims_of(CITING_AFTER_XCOMP)
    [claim] = claims
    assert claim.text == "the commander to be dead"
    assert claim.speaker is None
    assert claim.speaker_text == "sources within the Iraqi Interior Ministry"


def test_according_to_the_last_speaker_keeps_the_channel_of_the_statement():
    claims, actors = claims_of(ACCORDING_KEEPS_CHANNEL)
    told, according = claims
    assert according.cue == "according to"
    assert according.speaker == told.speaker == actors["Hassan Hassan"].id
    assert according.channels == told.channels == (actors["BBC"].id,)


def test_a_person_entity_cut_before_the_surname_is_the_whole_name_without_titles():
    claims, actors = claims_of(TITLE_IN_PERSON_ENTITY)
    # the NER tagged "Superintendent Graciano" and left "Mijares" out
    mijares = actors["Graciano Mijares"]
    text = TITLE_IN_PERSON_ENTITY.text
    assert [text[m.start : m.end] for m in mijares.mentions] == ["Graciano Mijares", "Mijares"]
    assert [c.speaker for c in claims] == [mijares.id, mijares.id]


def test_a_verb_of_saying_in_the_middle_reports_the_clause_from_its_subject_on():
    claims, _ = claims_of(SAID_IN_THE_MIDDLE)
    [claim] = claims
    assert claim.text == "three soldiers were killed near the border"
    assert claim.speaker_text == "the ministry"


def test_a_title_inside_an_organisation_entity_starts_a_persons_name():
    doc = TITLE_INSIDE_AN_ORG.doc()
    # the NER tagged "United States Representative Elijah Cummings" one organisation
    actors = {a.name: a for a in extract_actors(doc)}
    assert actors["Elijah Cummings"].type is ActorType.PERSON
    assert actors["United States"].type is ActorType.COUNTRY


def test_a_surname_the_ner_took_for_a_nationality_is_the_persons():
    # "Tamim" alone was tagged NORP, which names no people: the word is the surname of
    # "Ali bin Tamim" (a particle inside the name), and its claim is his
    claims, actors = claims_of(SURNAME_TAGGED_NORP)
    [claim] = claims
    assert claim.cue == "claimed"
    assert claim.speaker == actors["Ali bin Tamim"].id
    assert claim.speaker_text == "Tamim"


def test_images_from_a_body_are_its_claim():
    # evidence a body publishes (images, data, maps) is a document: what it shows is
    # its author's claim, as "a report from the United Nations" would be
    claims, actors = claims_of(SATELLITE_IMAGES_FROM)
    [claim] = claims
    assert claim.text == "the village was destroyed"
    assert claim.speaker == actors["United Nations"].id
    assert claim.speaker_text == "Satellite images from the United Nations"
