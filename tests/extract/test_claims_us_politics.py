"""Claims the US political dev stories of session 7 showed wrong (issue 10), each rule on a
hand-built parse (`hand_docs.py`) in other words than the story's: a negation shared by a
joined verb, the circumstances of saying that close an object ("in a letter", "earlier
this month", "to other members"), "referred to X as Y", a clause the parser took for an
object, a document's aside in the middle of what it says, and "the ministry" for a name
that opens with its head noun; what a verb of promising promises, some of a party's members
as an unnamed speaker, and a person's campaign speaking for the person. No model: the fast
tier.
"""

from __future__ import annotations

from hand_docs import (
    ANNOUNCED_IN_A_LETTER_TO_MEMBERS,
    ASIDE_OF_A_DOCUMENT,
    CLAUSE_TAKEN_FOR_OBJECT,
    NEGATION_SHARED_BY_A_JOINED_VERB,
    REFERRED_TO_AS_QUOTED,
    SOME_MEMBERS_OF_A_PARTY,
    THE_CAMPAIGN_OF_A_PERSON,
    THE_HEAD_OF_A_NAME,
    VOWED_TO_WITH_QUOTED_WORDS,
    claims_of,
)

from workbench.model import ClaimKind


def test_a_bare_verb_joined_to_a_negated_one_shares_its_negation():
    # "did not confirm or deny the report": nothing was denied; "and said ..." was said
    claims, _ = claims_of(NEGATION_SHARED_BY_A_JOINED_VERB)
    assert [c.text for c in claims] == ["the talks would go on"]


def test_the_document_the_date_and_the_people_told_close_an_announced_object():
    claims, actors = claims_of(ANNOUNCED_IN_A_LETTER_TO_MEMBERS)
    [claim] = claims
    assert claim.text == "the new bill"
    assert claim.speaker == actors["Maria Lopez"].id


def test_referred_to_as_names_what_it_refers_to():
    claims, _ = claims_of(REFERRED_TO_AS_QUOTED)
    [claim] = claims
    assert claim.text == 'the strike as "an act of sabotage"'
    assert claim.kind is ClaimKind.MIXED


def test_a_clause_the_parser_took_for_an_object_is_the_claim():
    # the parse hangs "is illegal" on "filed": the object alone was "the closure ..."
    claims, _ = claims_of(CLAUSE_TAKEN_FOR_OBJECT)
    [claim] = claims
    assert claim.text == "the closure of the plant is illegal and broke their contract"
    assert claim.speaker_text == "a petition"


def test_a_documents_aside_attributes_the_sentence_around_it():
    claims, _ = claims_of(ASIDE_OF_A_DOCUMENT)
    [claim] = claims
    assert claim.text.startswith("Since no budget was passed")
    assert claim.text.endswith("the spending order breaks the law")
    assert claim.speaker_text == "the complaint"


def test_the_head_noun_of_a_name_that_opens_with_it_stands_for_the_name():
    claims, actors = claims_of(THE_HEAD_OF_A_NAME)
    said = next(c for c in claims if c.text == "the outbreak was under control")
    assert said.speaker == actors["Ministry of Health"].id


def test_the_to_clause_of_a_verb_of_promising_is_what_was_promised():
    claims, _ = claims_of(VOWED_TO_WITH_QUOTED_WORDS)
    [claim] = claims
    assert claim.text == 'to keep pushing "the reform bill" through the committee'
    assert claim.kind is ClaimKind.MIXED


def test_a_plural_name_with_a_quantifier_is_some_members_unnamed():
    # "Republicans" is an actor of the article; "Several Republicans" are some of them
    claims, actors = claims_of(SOME_MEMBERS_OF_A_PARTY)
    assert "Republicans" in actors
    [claim] = claims
    assert claim.speaker is None
    assert claim.speaker_text == "Several Republicans"


def test_a_persons_campaign_speaks_for_the_person():
    claims, actors = claims_of(THE_CAMPAIGN_OF_A_PERSON)
    [claim] = claims
    assert claim.speaker == actors["Kamala Harris"].id
