"""Dates counted from an event the article dates in other words or other ways: "a week into
the offensive" (from the offensive's first date), "two days after the vote" when "elections
were held on Saturday" (`event_synonyms.txt`), an event dated in the clause before "and" in
the same sentence, a month counted from a day ("a month after he resigned on April 2"), and
"in two days" counted from the day a quotation was said; "went to the polls on Saturday"
dates the polls (not "met after the referendum on Sunday").
Hand-built parses (`hand_docs.HandDoc`), checked against the model by the slow test here."""

from __future__ import annotations

from datetime import date

import pytest
from hand_docs import HandDoc, table_of

from workbench.extract.events import extract_events
from workbench.extract.spans import ActorIndex
from workbench.model import Claim, ClaimKind

PUBLISHED = date(2019, 9, 20)  # a Friday

OFFENSIVE_BEGAN = HandDoc(
    "The army began its offensive on August 8. Ten days into the offensive, the rebels withdrew.",
    """
    The       the       DET   DT   1  det      O
    army      army      NOUN  NN   2  nsubj    O
    began     begin     VERB  VBD  2  ROOT     O
    its       its       PRON  PRP$ 4  poss     O
    offensive offensive NOUN  NN   2  dobj     O
    on        on        ADP   IN   2  prep     O
    August    August    PROPN NNP  5  pobj     B-DATE
    8         8         NUM   CD   6  nummod   I-DATE
    .         .         PUNCT .    2  punct    O
    Ten       ten       NUM   CD   10 nummod   B-DATE
    days      day       NOUN  NNS  17 npadvmod I-DATE
    into      into      ADP   IN   10 prep     O
    the       the       DET   DT   13 det      O
    offensive offensive NOUN  NN   11 pobj     O
    ,         ,         PUNCT ,    17 punct    O
    the       the       DET   DT   16 det      O
    rebels    rebel     NOUN  NNS  17 nsubj    O
    withdrew  withdraw  VERB  VBD  17 ROOT     O
    .         .         PUNCT .    17 punct    O
    """,
    "full",
)


SIEGE_TIGHTENED = HandDoc(
    "The siege began on May 4. "
    "The siege was tightened on May 20. Three weeks into the siege, food ran out.",
    """
    The       the     DET   DT  1  det       O
    siege     siege   NOUN  NN  2  nsubj     O
    began     begin   VERB  VBD 2  ROOT      O
    on        on      ADP   IN  2  prep      O
    May       May     PROPN NNP 3  pobj      B-DATE
    4         4       NUM   CD  4  nummod    I-DATE
    .         .       PUNCT .   2  punct     O
    The       the     DET   DT  8  det       O
    siege     siege   NOUN  NN  10 nsubjpass O
    was       be      AUX   VBD 10 auxpass   O
    tightened tighten VERB  VBN 10 ROOT      O
    on        on      ADP   IN  10 prep      O
    May       May     PROPN NNP 11 pobj      B-DATE
    20        20      NUM   CD  12 nummod    I-DATE
    .         .       PUNCT .   10 punct     O
    Three     three   NUM   CD  16 nummod    B-DATE
    weeks     week    NOUN  NNS 22 npadvmod  I-DATE
    into      into    ADP   IN  16 prep      O
    the       the     DET   DT  19 det       O
    siege     siege   NOUN  NN  17 pobj      O
    ,         ,       PUNCT ,   22 punct     O
    food      food    NOUN  NN  22 nsubj     O
    ran       run     VERB  VBD 22 ROOT      O
    out       out     ADP   RP  22 prt       O
    .         .       PUNCT .   22 punct     O
    """,
    "full",
)


ELECTIONS_HELD = HandDoc(
    "Parliamentary elections were held on Saturday. "
    "Two days after the vote, the opposition rejected the result.",
    """
    Parliamentary parliamentary ADJ   JJ  1  amod      O
    elections     election      NOUN  NNS 3  nsubjpass O
    were          be            AUX   VBD 3  auxpass   O
    held          hold          VERB  VBN 3  ROOT      O
    on            on            ADP   IN  3  prep      O
    Saturday      Saturday      PROPN NNP 4  pobj      B-DATE
    .             .             PUNCT .   3  punct     O
    Two           two           NUM   CD  8  nummod    B-DATE
    days          day           NOUN  NNS 9  npadvmod  I-DATE
    after         after         ADP   IN  15 prep      O
    the           the           DET   DT  11 det       O
    vote          vote          NOUN  NN  9  pobj      O
    ,             ,             PUNCT ,   15 punct     O
    the           the           DET   DT  14 det       O
    opposition    opposition    NOUN  NN  15 nsubj     O
    rejected      reject        VERB  VBD 15 ROOT      O
    the           the           DET   DT  17 det       O
    result        result        NOUN  NN  15 dobj      O
    .             .             PUNCT .   15 punct     O
    """,
    "full",
)


ELECTION_AND_VOTE = HandDoc(
    "The election took place on Saturday, "
    "and two days after the vote the opposition rejected the result.",
    """
    The        the        DET   DT  1  det      O
    election   election   NOUN  NN  2  nsubj    O
    took       take       VERB  VBD 2  ROOT     O
    place      place      NOUN  NN  2  dobj     O
    on         on         ADP   IN  2  prep     O
    Saturday   Saturday   PROPN NNP 4  pobj     B-DATE
    ,          ,          PUNCT ,   2  punct    O
    and        and        CCONJ CC  2  cc       O
    two        two        NUM   CD  9  nummod   B-DATE
    days       day        NOUN  NNS 10 npadvmod I-DATE
    after      after      ADP   IN  15 prep     O
    the        the        DET   DT  12 det      O
    vote       vote       NOUN  NN  10 pobj     O
    the        the        DET   DT  14 det      O
    opposition opposition NOUN  NN  15 nsubj    O
    rejected   reject     VERB  VBD 2  conj     O
    the        the        DET   DT  17 det      O
    result     result     NOUN  NN  15 dobj     O
    .          .          PUNCT .   2  punct    O
    """,
    "full",
)


RESIGNED_APRIL = HandDoc(
    "The president resigned on April 2. A month after he resigned, elections were held.",
    """
    The       the       DET   DT  1  det       O
    president president NOUN  NN  2  nsubj     O
    resigned  resign    VERB  VBD 2  ROOT      O
    on        on        ADP   IN  2  prep      O
    April     April     PROPN NNP 3  pobj      B-DATE
    2         2         NUM   CD  4  nummod    I-DATE
    .         .         PUNCT .   2  punct     O
    A         a         DET   DT  8  det       B-DATE
    month     month     NOUN  NN  15 npadvmod  I-DATE
    after     after     SCONJ IN  11 mark      O
    he        he        PRON  PRP 11 nsubj     O
    resigned  resign    VERB  VBD 8  advcl     O
    ,         ,         PUNCT ,   15 punct     O
    elections election  NOUN  NNS 15 nsubjpass O
    were      be        AUX   VBD 15 auxpass   O
    held      hold      VERB  VBN 15 ROOT      O
    .         .         PUNCT .   15 punct     O
    """,
    "full",
)


TOLD_ON_THURSDAY = HandDoc(
    '"Let\'s discuss this emergency in two days!" the president told reporters on Thursday.',
    """
    "         "         PUNCT ``  1  punct  O
    Let       let       VERB  VB  1  ROOT   O
    's        us        PRON  PRP 3  nsubj  O
    discuss   discuss   VERB  VB  1  ccomp  O
    this      this      DET   DT  5  det    O
    emergency emergency NOUN  NN  3  dobj   O
    in        in        ADP   IN  3  prep   O
    two       two       NUM   CD  8  nummod B-DATE
    days      day       NOUN  NNS 6  pobj   I-DATE
    !         !         PUNCT .   1  punct  O
    "         "         PUNCT ''  1  punct  O
    the       the       DET   DT  12 det    O
    president president NOUN  NN  13 nsubj  O
    told      tell      VERB  VBD 13 ROOT   O
    reporters reporter  NOUN  NNS 13 dobj   O
    on        on        ADP   IN  13 prep   O
    Thursday  Thursday  PROPN NNP 15 pobj   B-DATE
    .         .         PUNCT .   13 punct  O
    """,
    "full",
)


FELL_IN_TWO_DAYS = HandDoc(
    "The city fell in two days.",
    """
    The  the  DET   DT  1 det    O
    city city NOUN  NN  2 nsubj  O
    fell fall VERB  VBD 2 ROOT   O
    in   in   ADP   IN  2 prep   O
    two  two  NUM   CD  5 nummod B-DATE
    days day  NOUN  NNS 3 pobj   I-DATE
    .    .    PUNCT .   2 punct  O
    """,
    "full",
)


DISSOLUTION = HandDoc(
    "The parliament was dissolved on September 3. "
    "Two days after the dissolution, the prime minister resigned.",
    """
    The         the         DET   DT  1  det       O
    parliament  parliament  NOUN  NN  3  nsubjpass O
    was         be          AUX   VBD 3  auxpass   O
    dissolved   dissolve    VERB  VBN 3  ROOT      O
    on          on          ADP   IN  3  prep      O
    September   September   PROPN NNP 4  pobj      B-DATE
    3           3           NUM   CD  5  nummod    I-DATE
    .           .           PUNCT .   3  punct     I-DATE
    Two         two         NUM   CD  9  nummod    B-DATE
    days        day         NOUN  NNS 10 npadvmod  I-DATE
    after       after       ADP   IN  17 prep      O
    the         the         DET   DT  12 det       O
    dissolution dissolution NOUN  NN  10 pobj      O
    ,           ,           PUNCT ,   17 punct     O
    the         the         DET   DT  16 det       O
    prime       prime       ADJ   JJ  16 compound  O
    minister    minister    NOUN  NN  17 nsubj     O
    resigned    resign      VERB  VBD 17 ROOT      O
    .           .           PUNCT .   17 punct     O
    """,
    "full",
)


QUIT = HandDoc(
    "The minister resigned on June 11. A month after he quit, the currency collapsed.",
    """
    The       the      DET   DT  1  det      O
    minister  minister NOUN  NN  2  nsubj    O
    resigned  resign   VERB  VBD 2  ROOT     O
    on        on       ADP   IN  2  prep     O
    June      June     PROPN NNP 3  pobj     B-DATE
    11        11       NUM   CD  4  nummod   I-DATE
    .         .        PUNCT .   2  punct    O
    A         a        DET   DT  8  det      B-DATE
    month     month    NOUN  NN  15 npadvmod I-DATE
    after     after    SCONJ IN  11 mark     O
    he        he       PRON  PRP 11 nsubj    O
    quit      quit     VERB  VBP 8  advcl    O
    ,         ,        PUNCT ,   15 punct    O
    the       the      DET   DT  14 det      O
    currency  currency NOUN  NN  15 nsubj    O
    collapsed collapse VERB  VBD 15 ROOT     O
    .         .        PUNCT .   15 punct    O
    """,
    "full",
)


WENT_TO_THE_POLLS = HandDoc(
    "Voters went to the polls on Saturday. "
    "Two days after the ballot, the opposition rejected the result.",
    """
    Voters     voter      NOUN  NNS 1  nsubj    O
    went       go         VERB  VBD 1  ROOT     O
    to         to         ADP   IN  1  prep     O
    the        the        DET   DT  4  det      O
    polls      poll       NOUN  NNS 2  pobj     O
    on         on         ADP   IN  1  prep     O
    Saturday   Saturday   PROPN NNP 5  pobj     B-DATE
    .          .          PUNCT .   1  punct    O
    Two        two        NUM   CD  9  nummod   B-DATE
    days       day        NOUN  NNS 10 npadvmod I-DATE
    after      after      ADP   IN  16 prep     O
    the        the        DET   DT  12 det      O
    ballot     ballot     NOUN  NN  10 pobj     O
    ,          ,          PUNCT ,   16 punct    O
    the        the        DET   DT  15 det      O
    opposition opposition NOUN  NN  16 nsubj    O
    rejected   reject     VERB  VBD 16 ROOT     O
    the        the        DET   DT  18 det      O
    result     result     NOUN  NN  16 dobj     O
    .          .          PUNCT .   16 punct    O
    """,
    "full",
)


MET_AFTER_THE_REFERENDUM = HandDoc(
    "Officials met after the referendum on Sunday. "
    "Two days after the referendum, the president resigned.",
    """
    Officials  official   NOUN  NNS 1  nsubj    O
    met        meet       VERB  VBD 1  ROOT     O
    after      after      ADP   IN  1  prep     O
    the        the        DET   DT  4  det      O
    referendum referendum NOUN  NN  2  pobj     O
    on         on         ADP   IN  1  prep     O
    Sunday     Sunday     PROPN NNP 5  pobj     B-DATE
    .          .          PUNCT .   1  punct    O
    Two        two        NUM   CD  9  nummod   B-DATE
    days       day        NOUN  NNS 10 npadvmod I-DATE
    after      after      ADP   IN  16 prep     O
    the        the        DET   DT  12 det      O
    referendum referendum NOUN  NN  10 pobj     O
    ,          ,          PUNCT ,   16 punct    O
    the        the        DET   DT  15 det      O
    president  president  NOUN  NN  16 nsubj    O
    resigned   resign     VERB  VBD 16 ROOT     O
    .          .          PUNCT .   16 punct    O
    """,
    "full",
)


DOCS = {name: value for name, value in globals().items() if isinstance(value, HandDoc)}


def dates_of(hand: HandDoc, claims=(), published=PUBLISHED):
    events = extract_events(hand.doc(), [], list(claims), published=published, index=ActorIndex([]))
    return [(e.date_text, str(e.date), str(e.date_end) if e.date_end else None) for e in events]


def test_a_count_into_an_event_counts_from_its_start():
    assert dates_of(OFFENSIVE_BEGAN) == [
        ("August 8", "2019-08-08", None),
        ("Ten days into the offensive", "2019-08-18", None),
    ]


def test_a_count_into_an_event_counts_from_its_first_date_not_its_nearest():
    # May 20 is nearer, but three weeks into the siege is three weeks after it began
    assert dates_of(SIEGE_TIGHTENED) == [
        ("May 4", "2019-05-04", None),
        ("May 20", "2019-05-20", None),
        ("Three weeks into the siege", "2019-05-25", None),
    ]


def test_an_event_named_in_other_words_dates_the_count():
    # "the vote" is the elections held on Saturday the 14th
    assert dates_of(ELECTIONS_HELD) == [
        ("Saturday", "2019-09-14", None),
        ("Two days after the vote", "2019-09-16", None),
    ]


def test_an_event_dated_before_and_in_the_same_sentence_dates_the_count():
    # the clause before "and" is the election's; the one after it holds the count
    assert dates_of(ELECTION_AND_VOTE) == [
        ("Saturday", "2019-09-14", None),
        ("two days after the vote", "2019-09-16", None),
    ]


def test_a_single_month_counted_from_a_day_gives_a_day():
    # May 2, not "May": a reader counts one month to the day
    assert dates_of(RESIGNED_APRIL) == [
        ("April 2", "2019-04-02", None),
        ("A month after", "2019-05-02", None),
    ]


def test_in_two_days_in_a_quotation_counts_from_the_day_it_was_said():
    text = TOLD_ON_THURSDAY.text
    content = "Let's discuss this emergency in two days!"
    start = text.index(content)
    claim = Claim(
        id="c1",
        text=content,
        start=start,
        end=start + len(content),
        kind=ClaimKind.DIRECT,
        cue="told",
    )
    # said on Thursday the 19th: Saturday the 21st, whatever the publication date
    assert dates_of(TOLD_ON_THURSDAY, claims=[claim], published=date(2019, 9, 24)) == [
        ("in two days", "2019-09-21", None),
        ("Thursday", "2019-09-19", None),
    ]


def test_in_two_days_told_as_done_is_no_date():
    assert dates_of(FELL_IN_TWO_DAYS) == []


def test_a_noun_in_ution_is_made_from_its_verb():
    # "the dissolution" is "was dissolved" (event_noun_endings.csv)
    assert dates_of(DISSOLUTION) == [
        ("September 3", "2019-09-03", None),
        ("Two days after the dissolution", "2019-09-05", None),
    ]


def test_a_verb_of_the_same_kind_dates_the_count():
    # "he quit" is "resigned" (event_synonyms.txt: a line of verbs and nouns)
    assert dates_of(QUIT) == [
        ("June 11", "2019-06-11", None),
        ("A month after", "2019-07-11", None),
    ]


def test_an_event_where_the_doing_took_place_is_dated_by_its_verb():
    # "went to the polls on Saturday": the polls' date is the going's ("the ballot" is of
    # the kind of "polls")
    assert dates_of(WENT_TO_THE_POLLS) == [
        ("Saturday", "2019-09-14", None),
        ("Two days after the ballot", "2019-09-16", None),
    ]


def test_an_event_set_beside_another_in_time_is_not_dated_by_its_verb():
    # "met after the referendum on Sunday": the meeting was on Sunday, not the referendum
    assert dates_of(MET_AFTER_THE_REFERENDUM) == [("Sunday", "2019-09-15", None)]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DOCS))
def test_the_tables_are_the_models_parse(name, nlp):
    hand = DOCS[name]
    assert table_of(nlp(hand.text)) == hand.rows()
