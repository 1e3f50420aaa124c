"""A date in a participle alone ("the law, passed on March 3, was void"; "Elected on March 3,
the mayor took office") is past when its clause is told as past or present, never the March 3
ahead of publication; and a date in a participle describing a noun tells about that thing,
so "the same day" after it counts from the story's day; "having entered ... on October 29"
is past too. "The same day" is the last date in discourse, a thing's date too ("The October
30 edition ... On the same day"), but a date embedded beside a main-clause date of its
sentence yields to it. Hand-built parses
(`hand_docs.HandDoc`), checked against the model by the slow test here."""

from __future__ import annotations

from datetime import date

import pytest
from hand_docs import HandDoc, table_of

from workbench.extract.events import extract_events
from workbench.extract.spans import ActorIndex

PUBLISHED = date(2019, 11, 8)  # a Friday: the nearest March 3 is the one ahead

LAW_PASSED = HandDoc(
    "The court ruled on Tuesday that the law, passed on March 3, was void. "
    "On the same day, the government appealed.",
    """
    The        the        DET   DT  1  det    O
    court      court      NOUN  NN  2  nsubj  O
    ruled      rule       VERB  VBD 2  ROOT   O
    on         on         ADP   IN  2  prep   O
    Tuesday    Tuesday    PROPN NNP 3  pobj   B-DATE
    that       that       SCONJ IN  14 mark   O
    the        the        DET   DT  7  det    O
    law        law        NOUN  NN  14 nsubj  O
    ,          ,          PUNCT ,   7  punct  O
    passed     pass       VERB  VBN 7  acl    O
    on         on         ADP   IN  9  prep   O
    March      March      PROPN NNP 10 pobj   B-DATE
    3          3          NUM   CD  11 nummod I-DATE
    ,          ,          PUNCT ,   7  punct  O
    was        be         AUX   VBD 2  ccomp  O
    void       void       ADJ   JJ  14 acomp  O
    .          .          PUNCT .   2  punct  O
    On         on         ADP   IN  24 prep   O
    the        the        DET   DT  20 det    B-DATE
    same       same       ADJ   JJ  20 amod   I-DATE
    day        day        NOUN  NN  17 pobj   I-DATE
    ,          ,          PUNCT ,   24 punct  O
    the        the        DET   DT  23 det    O
    government government NOUN  NN  24 nsubj  O
    appealed   appeal     VERB  VBD 24 ROOT   O
    .          .          PUNCT .   24 punct  O
    """,
    "full",
)


ELECTED_ON = HandDoc(
    "Elected on March 3, the mayor took office in April.",
    """
    Elected elect  VERB  VBN 7 advcl  O
    on      on     ADP   IN  0 prep   O
    March   March  PROPN NNP 1 pobj   B-DATE
    3       3      NUM   CD  2 nummod I-DATE
    ,       ,      PUNCT ,   7 punct  O
    the     the    DET   DT  6 det    O
    mayor   mayor  NOUN  NN  7 nsubj  O
    took    take   VERB  VBD 7 ROOT   O
    office  office NOUN  NN  7 dobj   O
    in      in     ADP   IN  7 prep   O
    April   April  PROPN NNP 9 pobj   B-DATE
    .       .      PUNCT .   7 punct  O
    """,
    "full",
)


HAVING_ENTERED = HandDoc(
    "The army, having entered the town on October 29, withdrew.",
    """
    The      the      DET   DT  1  det    O
    army     army     NOUN  NN  11 nsubj  O
    ,        ,        PUNCT ,   11 punct  O
    having   having   AUX   VBG 4  aux    O
    entered  enter    VERB  VBN 11 advcl  O
    the      the      DET   DT  6  det    O
    town     town     NOUN  NN  4  dobj   O
    on       on       ADP   IN  4  prep   O
    October  October  PROPN NNP 7  pobj   B-DATE
    29       29       NUM   CD  8  nummod I-DATE
    ,        ,        PUNCT ,   11 punct  O
    withdrew withdraw VERB  VBD 11 ROOT   O
    .        .        PUNCT .   11 punct  O
    """,
    "full",
)


EDITION = HandDoc(
    "The minister spoke to reporters on October 28. "
    "The October 30 edition of the paper carried the interview. On the same day, the ministry denied it.",
    """
    The       the       DET   DT  1  det    O
    minister  minister  NOUN  NN  2  nsubj  O
    spoke     speak     VERB  VBD 2  ROOT   O
    to        to        ADP   IN  2  prep   O
    reporters reporter  NOUN  NNS 3  pobj   O
    on        on        ADP   IN  2  prep   O
    October   October   PROPN NNP 5  pobj   B-DATE
    28        28        NUM   CD  6  nummod I-DATE
    .         .         PUNCT .   2  punct  O
    The       the       DET   DT  12 det    O
    October   October   PROPN NNP 12 nmod   B-DATE
    30        30        NUM   CD  10 nummod I-DATE
    edition   edition   NOUN  NN  16 nsubj  O
    of        of        ADP   IN  12 prep   O
    the       the       DET   DT  15 det    O
    paper     paper     NOUN  NN  13 pobj   O
    carried   carry     VERB  VBD 16 ROOT   O
    the       the       DET   DT  18 det    O
    interview interview NOUN  NN  16 dobj   O
    .         .         PUNCT .   16 punct  O
    On        on        ADP   IN  27 prep   O
    the       the       DET   DT  23 det    B-DATE
    same      same      ADJ   JJ  23 amod   I-DATE
    day       day       NOUN  NN  20 pobj   I-DATE
    ,         ,         PUNCT ,   27 punct  O
    the       the       DET   DT  26 det    O
    ministry  ministry  NOUN  NN  27 nsubj  O
    denied    deny      VERB  VBD 27 ROOT   O
    it        it        PRON  PRP 27 dobj   O
    .         .         PUNCT .   27 punct  O
    """,
    "full",
)


ARRESTED_RELEASED = HandDoc(
    "The mayor was arrested on May 3 and released on May 9. The same day, his deputy resigned.",
    """
    The      the     DET   DT   1  det       O
    mayor    mayor   NOUN  NN   3  nsubjpass O
    was      be      AUX   VBD  3  auxpass   O
    arrested arrest  VERB  VBN  3  ROOT      O
    on       on      ADP   IN   3  prep      O
    May      May     PROPN NNP  4  pobj      B-DATE
    3        3       NUM   CD   5  nummod    I-DATE
    and      and     CCONJ CC   3  cc        O
    released release VERB  VBN  3  conj      O
    on       on      ADP   IN   8  prep      O
    May      May     PROPN NNP  9  pobj      B-DATE
    9        9       NUM   CD   10 nummod    I-DATE
    .        .       PUNCT .    3  punct     O
    The      the     DET   DT   15 det       B-DATE
    same     same    ADJ   JJ   15 amod      I-DATE
    day      day     NOUN  NN   19 npadvmod  I-DATE
    ,        ,       PUNCT ,    19 punct     O
    his      his     PRON  PRP$ 18 poss      O
    deputy   deputy  NOUN  NN   19 nsubj     O
    resigned resign  VERB  VBD  19 ROOT      O
    .        .       PUNCT .    19 punct     O
    """,
    "full",
)


DOCS = {name: value for name, value in globals().items() if isinstance(value, HandDoc)}


def dates_of(hand: HandDoc, published=PUBLISHED):
    events = extract_events(hand.doc(), [], [], published=published, index=ActorIndex([]))
    return [(e.date_text, str(e.date), str(e.date_end) if e.date_end else None) for e in events]


def test_a_participle_describing_a_noun_is_past_and_not_the_storys_day():
    assert dates_of(LAW_PASSED) == [
        ("Tuesday", "2019-11-05", None),
        ("March 3", "2019-03-03", None),
        ("the same day", "2019-11-05", None),
    ]


def test_a_participle_opening_a_past_sentence_is_past():
    assert dates_of(ELECTED_ON) == [
        ("March 3", "2019-03-03", None),
        ("April", "2019-04", None),
    ]


def test_a_perfect_participle_is_past():
    # "having" keeps its own lemma in the model: the perfect was not seen, and October 29
    # was the one ahead of publication
    assert dates_of(HAVING_ENTERED, published=date(2019, 9, 20)) == [
        ("October 29", "2018-10-29", None)
    ]


def test_the_same_day_after_a_things_date_is_that_date():
    # "The October 30 edition": a date naming a thing, the last in discourse; it was left
    # out of the story's time, and "the same day" counted from October 28
    assert dates_of(EDITION) == [
        ("October 28", "2019-10-28", None),
        ("October 30", "2019-10-30", None),
        ("the same day", "2019-10-30", None),
    ]


def test_the_same_day_after_two_joined_clauses_is_the_last_date():
    # "released on May 9" is joined to the main clause by "and": main too, and the later
    assert dates_of(ARRESTED_RELEASED) == [
        ("May 3", "2019-05-03", None),
        ("May 9", "2019-05-09", None),
        ("The same day", "2019-05-09", None),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DOCS))
def test_the_tables_are_the_models_parse(name, nlp):
    hand = DOCS[name]
    assert table_of(nlp(hand.text)) == hand.rows()
