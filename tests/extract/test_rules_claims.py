"""Claim rules on hand-built parses (`hand_docs.py`): speech verbs and their speakers,
"according to", a quotation before its speech verb, negation. No model: the fast tier.

The same rules on the model's own parses of longer sentences: `test_claims.py`.
"""

from __future__ import annotations

from hand_docs import (
    ACCORDING_TO_SANA,
    DID_NOT_SAY,
    OFFICIAL_TOLD_REUTERS,
    POINTED_AT,
    POINTED_OUT,
    QUOTE_THEN_SAID,
    SHOUKRY_SAID,
    claims_of,
)

from workbench.extract.speech import cue_text, speech_verb
from workbench.model import ClaimKind


def test_x_said_that_makes_x_the_speaker_of_the_clause():
    claims, actors = claims_of(SHOUKRY_SAID)
    [claim] = claims
    assert claim.text == "Egypt would attend the talks"
    assert claim.kind is ClaimKind.INDIRECT
    assert claim.cue == "said"
    assert claim.speaker == actors["Sameh Shoukry"].id
    # the title is part of the words naming the speaker, not of the actor's name
    assert claim.speaker_text == "Foreign Minister Sameh Shoukry"
    assert claim.channels == ()


def test_an_unnamed_source_telling_an_outlet_makes_the_outlet_the_channel():
    claims, actors = claims_of(OFFICIAL_TOLD_REUTERS)
    [claim] = claims
    assert claim.text == "the talks had failed"
    assert claim.cue == "told"
    assert claim.speaker is None  # "a senior official" is nobody we can name
    assert claim.speaker_text == "A senior official"
    assert claim.channels == (actors["Reuters"].id,)


def test_according_to_an_outlet_attributes_the_clause_before_it():
    claims, actors = claims_of(ACCORDING_TO_SANA)
    [claim] = claims
    sana = actors["Syrian Arab News Agency"]  # the outlet's full name, from the gazetteer
    assert claim.text == "The talks failed"
    assert claim.cue == "according to"
    assert claim.speaker == sana.id
    assert claim.speaker_text == "SANA"
    assert claim.channels == (sana.id,)  # an outlet speaking carried its own claim


def test_a_quotation_before_its_speech_verb_is_a_direct_claim():
    claims, _ = claims_of(QUOTE_THEN_SAID)
    [claim] = claims
    assert claim.kind is ClaimKind.DIRECT
    assert claim.text == "We will not leave Syria"  # inside the marks, comma left out
    assert claim.cue == "said"
    assert claim.speaker is None
    assert claim.speaker_text == "the minister"


def test_a_negated_speech_verb_makes_no_claim():
    claims, _ = claims_of(DID_NOT_SAY)
    assert claims == []


def test_a_phrasal_speech_verb_is_cued_with_its_particle():
    claims, actors = claims_of(POINTED_OUT)
    [claim] = claims
    assert claim.cue == "pointed out"
    assert claim.text == "the border was closed"
    assert claim.speaker == actors["Mamlouk"].id


def test_speech_verbs_are_found_by_lemma_and_particle():
    said = SHOUKRY_SAID.doc()[4]
    assert speech_verb(said).lemma == "say"
    pointed = POINTED_OUT.doc()[1]
    verb = speech_verb(pointed)
    assert (verb.lemma, verb.particle) == ("point", "out")
    assert cue_text(pointed) == "pointed out"
    # without its particle "point" says nothing
    assert speech_verb(POINTED_AT.doc()[1]) is None
    assert claims_of(POINTED_AT)[0] == []
    # a verb the lexicon does not list is no speech verb, whatever its shape
    attend = SHOUKRY_SAID.doc()[8]
    assert attend.lemma_ == "attend" and speech_verb(attend) is None
