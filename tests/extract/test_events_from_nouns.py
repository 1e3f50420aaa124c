"""Dates counted from an event the article names once as a verb and once as a noun ("the
committee met on September 3 ... four days after the meeting"), or as the subject of a verb
of beginning ("a week after the trial began"); a quotation's "today" said on the story's day
although a day ahead is named in between; editors' brackets, "late last July", "the coming
week". Hand-built parses, checked against the model by the slow test."""

from __future__ import annotations

from datetime import date

import pytest
from hand_docs import HandDoc, table_of

from workbench.dates import PartialDate
from workbench.extract.dates import ResolvedDate, find_date_expressions, resolve_date
from workbench.extract.event_anchors import verbs_of_noun
from workbench.extract.events import extract_events
from workbench.extract.spans import ActorIndex
from workbench.model import Precision

PUBLISHED = date(2019, 9, 20)  # a Friday

MET_THEN_MEETING = HandDoc(
    "The committee met on September 3. Four days after the meeting, the chairman resigned.",
    """
    The       the       DET   DT  1  det      O
    committee committee NOUN  NN  2  nsubj    O
    met       meet      VERB  VBD 2  ROOT     O
    on        on        ADP   IN  2  prep     O
    September September PROPN NNP 3  pobj     B-DATE
    3         3         NUM   CD  4  nummod   I-DATE
    .         .         PUNCT .   2  punct    O
    Four      four      NUM   CD  8  nummod   B-DATE
    days      day       NOUN  NNS 9  npadvmod I-DATE
    after     after     ADP   IN  15 prep     O
    the       the       DET   DT  11 det      O
    meeting   meeting   NOUN  NN  9  pobj     O
    ,         ,         PUNCT ,   15 punct    O
    the       the       DET   DT  14 det      O
    chairman  chairman  NOUN  NN  15 nsubj    O
    resigned  resign    VERB  VBD 15 ROOT     O
    .         .         PUNCT .   15 punct    O
    """,
    "full",
)

TRIAL_BEGAN = HandDoc(
    "The trial opened on September 2. A week after the trial began, the judge fell ill.",
    """
    The       the       DET   DT  1  det      O
    trial     trial     NOUN  NN  2  nsubj    O
    opened    open      VERB  VBD 2  ROOT     O
    on        on        ADP   IN  2  prep     O
    September September PROPN NNP 3  pobj     B-DATE
    2         2         NUM   CD  4  nummod   I-DATE
    .         .         PUNCT .   2  punct    O
    A         a         DET   DT  8  det      B-DATE
    week      week      NOUN  NN  12 npadvmod I-DATE
    after     after     SCONJ IN  12 mark     O
    the       the       DET   DT  11 det      O
    trial     trial     NOUN  NN  12 nsubj    O
    began     begin     VERB  VBD 16 advcl    O
    ,         ,         PUNCT ,   16 punct    O
    the       the       DET   DT  15 det      O
    judge     judge     NOUN  NN  16 nsubj    O
    fell      fall      VERB  VBD 16 ROOT     O
    ill       ill       ADV   RB  16 advmod   O
    .         .         PUNCT .   16 punct    O
    """,
    "full",
)

TODAY_AFTER_A_DAY_AHEAD = HandDoc(
    'The governor spoke on Wednesday. He leaves office on October 2. He said, "Today I feel tired."',
    """
    The       the       DET   DT  1  det      O
    governor  governor  NOUN  NN  2  nsubj    O
    spoke     speak     VERB  VBD 2  ROOT     O
    on        on        ADP   IN  2  prep     O
    Wednesday Wednesday PROPN NNP 3  pobj     B-DATE
    .         .         PUNCT .   2  punct    O
    He        he        PRON  PRP 7  nsubj    O
    leaves    leave     VERB  VBZ 7  ROOT     O
    office    office    NOUN  NN  7  dobj     O
    on        on        ADP   IN  7  prep     O
    October   October   PROPN NNP 9  pobj     B-DATE
    2         2         NUM   CD  10 nummod   I-DATE
    .         .         PUNCT .   7  punct    O
    He        he        PRON  PRP 14 nsubj    O
    said      say       VERB  VBD 14 ROOT     O
    ,         ,         PUNCT ,   14 punct    O
    "         "         PUNCT ``  14 punct    O
    Today     today     NOUN  NN  19 npadvmod O
    I         I         PRON  PRP 19 nsubj    O
    feel      feel      VERB  VBP 14 ccomp    O
    tired     tired     ADJ   JJ  19 acomp    O
    .         .         PUNCT .   14 punct    O
    "         "         PUNCT ''  14 punct    O
    """,
    "full",
)

EVE_OF_THE_VOTE = HandDoc(
    "Parliament voted on the bill on Wednesday. On the eve of the vote, protesters gathered outside.",
    """
    Parliament Parliament PROPN NNP 1  nsubj  B-ORG
    voted      vote       VERB  VBD 1  ROOT   O
    on         on         ADP   IN  1  prep   O
    the        the        DET   DT  4  det    O
    bill       bill       NOUN  NN  2  pobj   O
    on         on         ADP   IN  1  prep   O
    Wednesday  Wednesday  PROPN NNP 5  pobj   B-DATE
    .          .          PUNCT .   1  punct  O
    On         on         ADP   IN  16 prep   O
    the        the        DET   DT  10 det    O
    eve        eve        NOUN  NN  8  pobj   O
    of         of         ADP   IN  10 prep   O
    the        the        DET   DT  13 det    O
    vote       vote       NOUN  NN  11 pobj   O
    ,          ,          PUNCT ,   16 punct  O
    protesters protester  NOUN  NNS 16 nsubj  O
    gathered   gather     VERB  VBD 16 ROOT   O
    outside    outside    ADV   RB  16 advmod O
    .          .          PUNCT .   16 punct  O
    """,
    "full",
)

DOCS = {
    "EVE_OF_THE_VOTE": EVE_OF_THE_VOTE,
    "MET_THEN_MEETING": MET_THEN_MEETING,
    "TRIAL_BEGAN": TRIAL_BEGAN,
    "TODAY_AFTER_A_DAY_AHEAD": TODAY_AFTER_A_DAY_AHEAD,
}


def dates_of(hand: HandDoc):
    events = extract_events(hand.doc(), [], [], published=PUBLISHED, index=ActorIndex([]))
    return [(e.date_text, str(e.date)) for e in events]


def test_a_meeting_is_dated_by_the_day_they_met():
    assert dates_of(MET_THEN_MEETING) == [
        ("September 3", "2019-09-03"),
        ("Four days after the meeting", "2019-09-07"),
    ]


def test_a_trial_that_began_is_dated_by_the_day_it_opened():
    assert dates_of(TRIAL_BEGAN) == [("September 2", "2019-09-02"), ("A week after", "2019-09-09")]


def test_a_quotations_today_is_the_day_of_the_speech_not_a_day_ahead():
    assert dates_of(TODAY_AFTER_A_DAY_AHEAD) == [
        ("Wednesday", "2019-09-18"),
        ("October 2", "2019-10-02"),
        ("Today", "2019-09-18"),
    ]


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("meeting", "meet"),
        ("explosion", "explode"),
        ("blast", "explode"),
        ("withdrawal", "withdraw"),
        ("election", "elect"),
        ("demonstration", "demonstrate"),
        ("announcement", "announce"),
        ("death", "die"),
        ("dissolution", "dissolve"),
        ("execution", "execute"),
        ("suspension", "suspend"),
        ("expansion", "expand"),
    ],
)
def test_an_event_noun_gives_its_verb(noun, verb):
    assert verb in verbs_of_noun(noun)


def test_a_short_stem_gives_no_verb():
    # "session" is no "set", "mission" no "mit"
    assert "set" not in verbs_of_noun("session")
    assert not verbs_of_noun("mission") & {"mit", "mite"}


def test_an_editors_bracketed_number_counts_back():
    text = '"[ Ten ] years ago, nobody came," she said.'
    assert [e.text for e in find_date_expressions(text)] == ["[ Ten ] years ago"]
    resolved = resolve_date("[ Ten ] years ago", published=PUBLISHED)
    assert resolved is not None and str(resolved.date) == "2009"


def test_a_part_of_a_month_named_from_now():
    resolved = resolve_date("late last July", published=PUBLISHED, tense="past")
    assert resolved is not None
    assert (str(resolved.date), str(resolved.date_end)) == ("2019-07-21", "2019-07-31")
    found = find_date_expressions("a call made late last July to Kyiv")
    assert "late last July" in [e.text for e in found]


def test_the_coming_week_is_the_seven_days_ahead():
    resolved = resolve_date("the coming week", published=date(2019, 9, 30))
    assert resolved is not None
    assert (str(resolved.date), str(resolved.date_end)) == ("2019-09-30", "2019-10-06")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DOCS))
def test_the_tables_are_the_models_parse(name, nlp):
    hand = DOCS[name]
    assert table_of(nlp(hand.text)) == hand.rows()


def test_a_weekday_beside_a_date_is_that_date_when_it_agrees():
    text = "It happened on Tuesday, July 2, officials said."
    assert "Tuesday, July 2" in [e.text for e in find_date_expressions(text)]
    resolved = resolve_date("Tuesday, July 2", published=PUBLISHED, tense="past")
    assert resolved is not None and str(resolved.date) == "2019-07-02"
    # a weekday that is not the date's is a slip: neither is trusted
    assert resolve_date("Sunday, July 2", published=PUBLISHED, tense="past") is None


def test_the_eve_of_an_event_is_the_day_before_it():
    assert dates_of(EVE_OF_THE_VOTE) == [("Wednesday", "2019-09-18"), ("the eve", "2019-09-17")]


def test_the_night_before_and_the_week_after_an_event_day():
    summit = ResolvedDate(PartialDate.from_date(date(2019, 9, 12)), Precision.DAY)
    night = resolve_date("The night before", published=PUBLISHED, anchor=summit)
    assert night is not None and str(night.date) == "2019-09-11"
    week = resolve_date("the week after", published=PUBLISHED, anchor=summit)
    assert week is not None and (str(week.date), str(week.date_end)) == ("2019-09-13", "2019-09-19")
