"""What is not a date of its own: a number counting people, a weekday inside a name, a
stretch after a past clause's own time; a month naming a thing keeps no clause's tense; and
two weekdays joined by "and" are two dates.
(Kinds the dates-only dev set showed, eval/gold_dates: the Samoa, Super Tuesday, Conyers and
Australian stores articles.) Hand-built parses, checked against the model by the slow test."""

from __future__ import annotations

from datetime import date

import pytest
from hand_docs import HandDoc, table_of

from workbench.extract.date_values import FUTURE, PAST
from workbench.extract.dates import find_date_expressions, resolve_date
from workbench.extract.events import extract_events
from workbench.extract.spans import ActorIndex

PUBLISHED = date(2019, 9, 20)  # a Friday

COUNTED_PEOPLE = HandDoc(
    "Of these, 1846 persons were hospitalized and 1720 had been discharged.",
    """
    Of           of          ADP   IN  6  prep      O
    these        these       PRON  DT  0  pobj      O
    ,            ,           PUNCT ,   6  punct     O
    1846         1846        NUM   CD  4  nummod    B-DATE
    persons      person      NOUN  NNS 6  nsubjpass O
    were         be          AUX   VBD 6  auxpass   O
    hospitalized hospitalize VERB  VBN 6  ROOT      O
    and          and         CCONJ CC  6  cc        O
    1720         1720        NUM   CD  11 nsubjpass B-DATE
    had          have        AUX   VBD 11 aux       O
    been         be          AUX   VBN 11 auxpass   O
    discharged   discharge   VERB  VBN 6  conj      O
    .            .           PUNCT .   11 punct     O
    """,
    "full",
)

YEAR_OF_ELECTIONS = HandDoc(
    "Officials moved the 2020 elections to March.",
    """
    Officials official NOUN  NNS 1 nsubj  O
    moved     move     VERB  VBD 1 ROOT   O
    the       the      DET   DT  4 det    O
    2020      2020     NUM   CD  4 nummod B-DATE
    elections election NOUN  NNS 1 dobj   O
    to        to       ADP   IN  1 prep   O
    March     March    PROPN NNP 5 pobj   B-DATE
    .         .        PUNCT .   1 punct  O
    """,
    "full",
)

SUPER_TUESDAY = HandDoc(
    "In the aftermath of Super Tuesday, two candidates ended their campaigns on Wednesday.",
    """
    In         in        ADP   IN   9  prep     O
    the        the       DET   DT   2  det      O
    aftermath  aftermath NOUN  NN   0  pobj     O
    of         of        ADP   IN   2  prep     O
    Super      Super     PROPN NNP  5  compound B-GPE
    Tuesday    Tuesday   PROPN NNP  3  pobj     B-DATE
    ,          ,         PUNCT ,    9  punct    O
    two        two       NUM   CD   8  nummod   B-CARDINAL
    candidates candidate NOUN  NNS  9  nsubj    O
    ended      end       VERB  VBD  9  ROOT     O
    their      their     PRON  PRP$ 11 poss     O
    campaigns  campaign  NOUN  NNS  9  dobj     O
    on         on        ADP   IN   9  prep     O
    Wednesday  Wednesday PROPN NNP  12 pobj     B-DATE
    .          .         PUNCT .    9  punct    O
    """,
    "full",
)

OCTOBER_ELECTIONS = HandDoc(
    "Monday's bid for October elections failed.",
    """
    Monday    Monday   PROPN NNP 2 poss     B-DATE
    's        's       PART  POS 0 case     O
    bid       bid      NOUN  NN  6 nsubj    O
    for       for      ADP   IN  2 prep     O
    October   October  PROPN NNP 5 compound B-DATE
    elections election NOUN  NNS 3 pobj     O
    failed    fail     VERB  VBD 6 ROOT     O
    .         .        PUNCT .   6 punct    O
    """,
    "full",
)

DOCS = {
    "OCTOBER_ELECTIONS": OCTOBER_ELECTIONS,
    "COUNTED_PEOPLE": COUNTED_PEOPLE,
    "YEAR_OF_ELECTIONS": YEAR_OF_ELECTIONS,
    "SUPER_TUESDAY": SUPER_TUESDAY,
}


def dates_of(hand: HandDoc, published=PUBLISHED):
    events = extract_events(hand.doc(), [], [], published=published, index=ActorIndex([]))
    return [(e.date_text, str(e.date)) for e in events]


def test_a_number_counting_people_is_no_year():
    # the model calls both numbers dates; one counts the persons, the other those discharged
    assert dates_of(COUNTED_PEOPLE) == []


def test_a_year_before_a_plural_noun_after_its_article_is_a_year():
    # "moved ... to March" sets a plan's month: the March nearest publication (the 2020
    # elections' March, 2020), not the past one the clause's tense would pick (session 10)
    assert dates_of(YEAR_OF_ELECTIONS) == [("2020", "2020"), ("March", "2020-03")]


def test_a_weekday_in_a_name_is_no_day_of_the_week():
    assert dates_of(SUPER_TUESDAY) == [("Wednesday", "2019-09-18")]


def test_two_weekdays_joined_by_and_are_two_days():
    text = "The chains acted on Sunday and Saturday evening."
    assert [e.text for e in find_date_expressions(text)] == ["Sunday", "Saturday evening"]
    assert resolve_date("Sunday and Saturday", published=PUBLISHED, tense=PAST) is None
    # a range stays a range
    ranged = resolve_date("Monday to Wednesday", published=PUBLISHED, tense=PAST)
    assert ranged is not None and (str(ranged.date), str(ranged.date_end)) == (
        "2019-09-16",
        "2019-09-18",
    )


def test_a_stretch_after_a_past_clause_is_not_counted_from_publication():
    # "He spent the next five decades in Congress": after 1965, not after publication
    assert resolve_date("the next five decades", published=PUBLISHED, tense=PAST) is None
    ahead = resolve_date("the next two weeks", published=PUBLISHED, tense=FUTURE)
    assert ahead is not None and str(ahead.date) == "2019-09-20"


def test_and_cues_a_year_only_in_a_list_of_dates():
    found = find_date_expressions("Some 1846 were hospitalized and 1720 discharged.")
    assert [e.text for e in found] == []
    found = find_date_expressions("It rose in 2001 and 2005.")
    assert [e.text for e in found] == ["2001", "2005"]


def test_a_month_naming_a_thing_is_not_moved_into_the_clauses_past():
    # published Wednesday 11 September 2019: the bid failed on Monday, for elections in the
    # October ahead (the past tense of "failed" is the bid's, not the elections')
    assert dates_of(OCTOBER_ELECTIONS, published=date(2019, 9, 11)) == [
        ("Monday", "2019-09-09"),
        ("October", "2019-10"),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DOCS))
def test_the_tables_are_the_models_parse(name, nlp):
    hand = DOCS[name]
    assert table_of(nlp(hand.text)) == hand.rows()
