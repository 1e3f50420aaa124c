"""Claim spans and speakers the new dev articles of session 6 showed wrong (issue 10), on
hand-built parses (`hand_docs.py`): the content of a claim is what was said, without the
day or the medium of saying, without the writer's relative clause after it, and without
a second attribution inside it; a split or doubled quotation is one claim; a name hung on
a role's place, a capitalised role and an outlet citing its source name the speaker.
No model: the fast tier.
"""

from __future__ import annotations

from hand_docs import (
    ACCORDING_TO_WHICH_CITED,
    ANNOUNCED_ON_TELEVISION,
    ASIDE_AFTER_SUBJECT,
    CALLED_IT_QUOTED,
    CALLING_IT_QUOTED,
    MAYOR_OF_PLACE_NAMED,
    NESTED_SAID_RELATIVE,
    QUOTE_AND_QUOTE,
    QUOTE_SPLIT_BY_PLATFORM,
    SAID_ON_A_DAY,
    SUBJECT_WITH_A_DAY,
    THE_PRIME_MINISTER_SAID,
    TIME_BEFORE_ACCORDING_TO,
    WRITERS_RELATIVE_AFTER,
    claims_of,
)

from workbench.model import ClaimKind


def test_a_cue_inside_the_clause_it_reports_starts_a_claim_of_its_own():
    claims, _ = claims_of(NESTED_SAID_RELATIVE)
    assert [c.text for c in claims] == ["she would block the bill", "would raise taxes"]


def test_a_quoted_predicate_the_parser_set_beside_the_object_is_the_claim():
    claims, actors = claims_of(CALLED_IT_QUOTED)
    [claim] = claims
    assert claim.text == 'the proposal "a disgrace to the state"'
    assert claim.kind is ClaimKind.MIXED
    assert claim.speaker == actors["Tom Reyes"].id


def test_a_name_hung_on_the_place_of_a_role_is_the_speaker():
    claims, actors = claims_of(MAYOR_OF_PLACE_NAMED)
    [claim] = claims
    assert claim.speaker == actors["Zuhair al-Araji"].id
    assert claim.speaker_text == "The mayor of Mosul, Zuhair al-Araji"


def test_a_capitalised_role_stands_for_the_person_last_given_it():
    claims, actors = claims_of(THE_PRIME_MINISTER_SAID)
    [claim] = claims
    assert claim.text == "the talks were productive"
    assert claim.speaker == actors["Adil Abdul-Mahdi"].id


def test_an_aside_after_the_subject_reports_the_whole_clause():
    claims, _ = claims_of(ASIDE_AFTER_SUBJECT)
    [claim] = claims
    assert claim.text == "The convoy, the ministry said, was hit near the border"
    assert claim.speaker_text == "the ministry"


def test_an_outlet_citing_its_source_in_a_relative_clause_is_the_channel():
    claims, actors = claims_of(ACCORDING_TO_WHICH_CITED)
    [claim] = claims
    assert claim.text == "the talks failed"
    assert claim.speaker is None
    assert claim.speaker_text == "two officials"
    assert claim.channels == (actors["Reuters"].id,)


def test_the_day_of_saying_is_not_part_of_what_was_said():
    claims, _ = claims_of(SAID_ON_A_DAY)
    [claim] = claims
    assert claim.text == "she would block the bill"


def test_the_medium_of_an_announcement_is_not_part_of_it():
    claims, _ = claims_of(ANNOUNCED_ON_TELEVISION)
    [claim] = claims
    assert claim.text == "the death"


def test_the_writers_relative_clause_after_reported_speech_is_left_out():
    claims, _ = claims_of(WRITERS_RELATIVE_AFTER)
    [claim] = claims
    assert claim.text == "Sisi received the envoy"


def test_two_quotations_joined_by_and_are_one_claim():
    claims, actors = claims_of(QUOTE_AND_QUOTE)
    [claim] = claims
    assert claim.text == 'We made a plea" and "He resisted.'
    assert claim.kind is ClaimKind.DIRECT
    assert claim.speaker == actors["Schumer"].id


def test_a_quotation_split_by_a_long_attribution_is_one_claim():
    claims, actors = claims_of(QUOTE_SPLIT_BY_PLATFORM)
    [claim] = claims
    assert claim.text.startswith("We will win,")
    assert claim.text.endswith("and we will stay.")
    assert claim.speaker == actors["Maria Lopez"].id
    assert claim.channels == (actors["Twitter"].id,)


def test_a_time_before_a_clause_according_to_a_source_is_the_writers():
    claims, _ = claims_of(TIME_BEFORE_ACCORDING_TO)
    [claim] = claims
    assert claim.text == "the rebels seized the airport"


def test_a_subject_holding_a_day_stays_in_the_claim():
    claims, _ = claims_of(SUBJECT_WITH_A_DAY)
    [claim] = claims
    assert claim.text == "A second strike on Sunday, near the airport, killed four soldiers"


def test_a_quoted_predicate_the_parser_took_for_a_second_object_is_the_claim():
    claims, actors = claims_of(CALLING_IT_QUOTED)
    [claim] = claims
    assert claim.text == 'it "a crime against our people" and a provocation'
    assert claim.kind is ClaimKind.MIXED
    assert claim.speaker == actors["Hassan Nasrallah"].id
