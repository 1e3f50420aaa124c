"""Who speaks where the parse hides it (issue 10), on hand-built parses (`hand_docs.py`):
a participle hung on the platform it was posted on, on an adjective, on a conjoined verb
whose subject is a thing; a surname the tagger took for a noun; a quotation after a
colon; "the office" for the body just named. No model: the fast tier. The headline
label ("Schiff: ...") needs a line break, which a table cannot hold: `eval/probes`.
"""

from __future__ import annotations

from hand_docs import (
    BLAMING_ON_TWITTER,
    JOINED_TO_A_THING,
    QUICK_IN_BLAMING,
    QUOTE_AFTER_COLON,
    SURNAME_AS_SUBJECT,
    THE_OFFICE_ASKED,
)
from test_rules_claims import claims_of

from workbench.model import ClaimKind


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
