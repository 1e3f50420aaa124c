"""What the new dev stories of issue 10's session 8 showed wrong (three Wikinews articles
of 2019: Rosselló's resignation, the House's subpoena to Pompeo, the UK's call to waive
Anne Sacoolas' immunity), each rule on a hand-built parse (`hand_docs.py`) in other
words than the story's: a quotation after "X continued," is X's, never the subject's of
a "refers to" sentence after it; a bare force noun ("police said") is the force named
before; a concession at the edges of reported speech is the writer's; a tensed act
joined to an urged infinitive is the speaker's next act; "Both she and X" is a joint
claim; the means, times and occasions of announcing close what was announced ("by live
television on Wednesday and again ... in a rally on Friday"); "according to X" after a colon attributes the list that follows it; a quoted predicate the parser took for an adjective of the object, and a clause's subject
it glued to the outlet told, stay in what was said; the alert an advice came in and "earlier" before the reported clause's subject are not
what was said; a second "that" clause joined to the speech verb is more of what was said; people given as examples of
plural speakers after the content are not what was urged; a wire dateline is never part of the speaker ("BAMAKO: Mali's ruling junta said",
the kind of a looked-at fresh probe's failure, in other words and places). No model: the
fast tier.
"""

from __future__ import annotations

from hand_docs import (
    A_SECOND_THAT_CLAUSE_JOINED_TO_THE_VERB,
    ACCORDING_TO_AFTER_A_COLON,
    ADVISED_IN_A_TRAVEL_ALERT,
    ANNOUNCED_AT_A_RALLY,
    BARE_FORCE_NOUN_AFTER_ITS_NAME,
    CONTINUED_TO_ACT,
    DATELINE_INSIDE_THE_SPEAKER_PHRASE,
    DATELINE_TAKEN_FOR_A_SUBJECT,
    EXAMPLES_OF_PLURAL_SPEAKERS_AFTER_THE_CONTENT,
    GOING_ON_BEFORE_A_REFERS_TO,
    JOINT_CLAIM_OF_A_PRONOUN_AND_A_NAME,
    LEADING_CONCESSION_BEFORE_ITS_SOURCE,
    MEANS_TIMES_AND_OCCASION_OF_ANNOUNCING,
    QUOTED_PREDICATE_PARSED_AS_AN_ADJECTIVE,
    SAID_EARLIER_BEFORE_THE_SUBJECT,
    SUBJECT_GLUED_TO_THE_OUTLET_TOLD,
    TENSED_ACT_JOINED_TO_AN_URGED_INFINITIVE,
    TRAILING_CONCESSION_WITH_A_CLAUSE,
    claims_of,
)

from workbench.model import ClaimKind


def test_a_quotation_after_continued_is_the_speakers_not_the_next_sentences_subject():
    # "The Capitol refers to the seat of Congress" names a meaning, it quotes nobody: the
    # quotation before it went to the Capitol (an Israeli statement to Lebanon's agency
    # is the same error in a conflict story)
    claims, actors = claims_of(GOING_ON_BEFORE_A_REFERS_TO)
    [claim] = claims
    assert claim.text == "We will send the bill to the Capitol."
    assert claim.kind is ClaimKind.DIRECT
    assert claim.speaker == actors["Maria Lopez"].id


def test_continuing_to_do_something_says_nothing():
    claims, _ = claims_of(CONTINUED_TO_ACT)
    assert claims == []


def test_a_bare_force_noun_is_the_force_named_before():
    claims, actors = claims_of(BARE_FORCE_NOUN_AFTER_ITS_NAME)
    [claim] = claims
    assert claim.text == "The suspect had fled abroad"
    assert claim.speaker == actors["Essex Police"].id


def test_a_concession_before_a_clause_whose_source_follows_is_the_writers():
    claims, _ = claims_of(LEADING_CONCESSION_BEFORE_ITS_SOURCE)
    [claim] = claims
    assert claim.text == "the ferry sailed at night"


def test_a_concession_with_a_clause_of_its_own_after_the_claim_is_the_writers():
    claims, _ = claims_of(TRAILING_CONCESSION_WITH_A_CLAUSE)
    [claim] = claims
    assert claim.text == "she had balanced the budget"


def test_a_tensed_act_joined_to_an_urged_infinitive_is_not_what_was_urged():
    claims, _ = claims_of(TENSED_ACT_JOINED_TO_AN_URGED_INFINITIVE)
    [claim] = claims
    assert claim.text == "the regulator to act"


def test_a_pronoun_and_a_name_speaking_together_make_a_joint_claim():
    # the guideline: a claim made jointly by several named speakers is none
    claims, _ = claims_of(JOINT_CLAIM_OF_A_PRONOUN_AND_A_NAME)
    assert claims == []


def test_a_dateline_the_parser_made_a_subject_is_not_the_speaker():
    claims, actors = claims_of(DATELINE_TAKEN_FOR_A_SUBJECT)
    [claim] = claims
    assert claim.text == "elections would be delayed"
    assert claim.speaker_text == "Mali's ruling junta"
    assert claim.speaker != actors["BAMAKO"].id


def test_a_dateline_the_parser_took_into_the_speaker_phrase_is_left_out_of_it():
    claims, _ = claims_of(DATELINE_INSIDE_THE_SPEAKER_PHRASE)
    [claim] = claims
    assert claim.speaker_text == "Ethiopia's election board"


def test_the_means_times_and_occasion_of_announcing_are_not_what_was_announced():
    claims, _ = claims_of(MEANS_TIMES_AND_OCCASION_OF_ANNOUNCING)
    [claim] = claims
    assert claim.text == "the bill"


def test_the_rally_an_announcement_was_made_at_is_not_what_was_announced():
    claims, _ = claims_of(ANNOUNCED_AT_A_RALLY)
    [claim] = claims
    assert claim.text == "the budget"


def test_according_to_after_a_colon_attributes_what_follows_the_colon():
    # the parser hangs the list on the outlet's name: it is what the outlet reported
    claims, actors = claims_of(ACCORDING_TO_AFTER_A_COLON)
    [claim] = claims
    assert (
        claim.text
        == "$2 billion from housing, $1 billion from schools, and $500 million from parks"
    )
    assert claim.speaker == actors["Reuters"].id


def test_a_quoted_predicate_parsed_as_an_adjective_of_the_object_is_the_predication():
    claims, _ = claims_of(QUOTED_PREDICATE_PARSED_AS_AN_ADJECTIVE)
    [claim] = claims
    assert claim.text == 'the contracts "fair and fully consistent with labor law"'
    assert claim.kind is ClaimKind.MIXED


def test_a_clauses_subject_glued_to_the_outlet_told_is_part_of_what_was_said():
    claims, actors = claims_of(SUBJECT_GLUED_TO_THE_OUTLET_TOLD)
    [claim] = claims
    assert claim.text == 'Ramirez "was a fine public servant,"'
    assert claim.speaker == actors["Amy Klobuchar"].id


def test_the_alert_an_advice_came_in_is_not_what_was_advised():
    claims, _ = claims_of(ADVISED_IN_A_TRAVEL_ALERT)
    [claim] = claims
    assert claim.text == "citizens to leave the city immediately"


def test_earlier_before_the_reported_subject_is_when_it_was_said():
    claims, _ = claims_of(SAID_EARLIER_BEFORE_THE_SUBJECT)
    [claim] = claims
    assert claim.text == "she might close the bridge"


def test_a_second_that_clause_joined_to_the_verb_is_more_of_what_was_said():
    claims, _ = claims_of(A_SECOND_THAT_CLAUSE_JOINED_TO_THE_VERB)
    [claim] = claims
    assert claim.text == (
        "it had asked for the manager's resignation Thursday night, "
        "and that he offered it the next morning"
    )


def test_people_given_as_examples_of_plural_speakers_are_not_what_was_urged():
    claims, _ = claims_of(EXAMPLES_OF_PLURAL_SPEAKERS_AFTER_THE_CONTENT)
    [claim] = claims
    assert claim.text == "her to drop the bill"
    assert claim.speaker_text == "Several Democrats"
