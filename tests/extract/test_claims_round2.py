"""Session 10, round 2 (issue 10): "according to <Outlet>, citing <source>" and a verb of
promising whose object is an amount. Hand-built parses (the small English model's parse
after our pipeline), checked against the model by the last test."""

from __future__ import annotations

import pytest
from hand_docs import HandDoc, claims_of, table_of

ACCORDING_TO_AN_OUTLET_CITING = HandDoc(
    "According to Asharq Al-Awsat, citing Lebanese officials, the army will deploy along the Litani river.",
    """
    According  accord     VERB   VBG  14  prep      O
    to         to         ADP    IN   0   prep      O
    Asharq     Asharq     PROPN  NNP  5   compound  B-MEDIA
    Al         Al         PROPN  NNP  5   compound  I-MEDIA
    -          -          PUNCT  HYPH 5   punct     I-MEDIA
    Awsat      Awsat      PROPN  NNP  1   pobj      I-MEDIA
    ,          ,          PUNCT  ,    14  punct     O
    citing     cite       VERB   VBG  14  advcl     O
    Lebanese   lebanese   ADJ    JJ   9   amod      B-NORP
    officials  official   NOUN   NNS  7   dobj      O
    ,          ,          PUNCT  ,    14  punct     O
    the        the        DET    DT   12  det       O
    army       army       NOUN   NN   14  nsubj     O
    will       will       AUX    MD   14  aux       O
    deploy     deploy     VERB   VB   14  ROOT      O
    along      along      ADP    IN   14  prep      O
    the        the        DET    DT   18  det       O
    Litani     Litani     PROPN  NNP  18  compound  B-NORP
    river      river      NOUN   NN   15  pobj      O
    .          .          PUNCT  .    14  punct     O
    """,
    "full",
    kb_ids={"Asharq Al-Awsat": "Asharq Al-Awsat"},
)

PLEDGED_AN_AMOUNT = HandDoc(
    "Kuwait welcomed the ceasefire and pledged $50 million for reconstruction in Gaza.",
    """
    Kuwait          Kuwait          PROPN  NNP  1   nsubj     B-GPE
    welcomed        welcome         VERB   VBD  1   ROOT      O
    the             the             DET    DT   3   det       O
    ceasefire       ceasefire       NOUN   NN   1   dobj      O
    and             and             CCONJ  CC   1   cc        O
    pledged         pledge          VERB   VBD  1   conj      O
    $               $               SYM    $    8   quantmod  B-MONEY
    50              50              NUM    CD   8   compound  I-MONEY
    million         million         NUM    CD   5   dobj      I-MONEY
    for             for             ADP    IN   8   prep      O
    reconstruction  reconstruction  NOUN   NN   9   pobj      O
    in              in              ADP    IN   5   prep      O
    Gaza            Gaza            PROPN  NNP  11  pobj      B-GPE
    .               .               PUNCT  .    1   punct     O
    """,
    "full",
)


def test_according_to_an_outlet_citing_a_source_gives_the_source_and_the_outlet():
    # before: Asharq Al-Awsat was the speaker and the officials it cited were lost
    claims, actors = claims_of(ACCORDING_TO_AN_OUTLET_CITING)
    names = {a.id: a.name for a in actors.values()}
    assert [(c.text, c.speaker_text) for c in claims] == [
        ("the army will deploy along the Litani river", "Lebanese officials")
    ]
    assert claims[0].speaker is None
    assert [names[c] for c in claims[0].channels] == ["Asharq Al-Awsat"]


def test_a_promise_of_an_amount_is_a_gift_not_a_claim():
    # before: "pledged '$50 million for reconstruction in Gaza'" was a claim
    claims, _ = claims_of(PLEDGED_AN_AMOUNT)
    assert [(c.cue, c.text) for c in claims] == []


@pytest.mark.parametrize("hand", [ACCORDING_TO_AN_OUTLET_CITING, PLEDGED_AN_AMOUNT])
def test_the_tables_are_the_models_parse(hand, nlp):
    doc = nlp(hand.text)
    assert table_of(doc) == hand.rows()
    assert {e.text: e.kb_id_ for e in doc.ents if e.kb_id_} == hand.kb_ids
