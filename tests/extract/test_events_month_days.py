"""Month-day dates without a year in the slots they take in news: beside their weekday, with
or without a comma ("on Tuesday, July 2", "on Tuesday July 2": one date, whatever weekday
July 2 is in the year the finder probes with), and a stretch of days of one month ("from
July 2 to 5"). Hand-built parses (`hand_docs.HandDoc`), checked against the model by the slow
test here."""

from __future__ import annotations

from datetime import date

import pytest
from hand_docs import HandDoc, table_of

from workbench.extract.events import extract_events
from workbench.extract.spans import ActorIndex

PUBLISHED = date(2019, 9, 20)  # a Friday; July 2, 2019 was a Tuesday

TUESDAY_COMMA_JULY_2 = HandDoc(
    "Talks were held on Tuesday, July 2 in Doha.",
    """
    Talks   talk    NOUN  NNS 2 nsubjpass O
    were    be      AUX   VBD 2 auxpass   O
    held    hold    VERB  VBN 2 ROOT      O
    on      on      ADP   IN  2 prep      O
    Tuesday Tuesday PROPN NNP 3 pobj      B-DATE
    ,       ,       PUNCT ,   4 punct     I-DATE
    July    July    PROPN NNP 4 appos     I-DATE
    2       2       NUM   CD  6 nummod    I-DATE
    in      in      ADP   IN  2 prep      O
    Doha    Doha    PROPN NNP 8 pobj      B-GPE
    .       .       PUNCT .   2 punct     O
    """,
    "full",
)


TUESDAY_JULY_2 = HandDoc(
    "Talks were held on Tuesday July 2 in Doha.",
    """
    Talks   talk    NOUN  NNS 2 nsubjpass O
    were    be      AUX   VBD 2 auxpass   O
    held    hold    VERB  VBN 2 ROOT      O
    on      on      ADP   IN  2 prep      O
    Tuesday Tuesday PROPN NNP 3 pobj      B-DATE
    July    July    PROPN NNP 4 appos     I-DATE
    2       2       NUM   CD  5 nummod    I-DATE
    in      in      ADP   IN  2 prep      O
    Doha    Doha    PROPN NNP 7 pobj      B-GPE
    .       .       PUNCT .   2 punct     O
    """,
    "full",
)


JULY_2_TO_5 = HandDoc(
    "Fighting raged from July 2 to 5.",
    """
    Fighting fighting NOUN  NN  1 nsubj  O
    raged    rag      VERB  VBD 1 ROOT   O
    from     from     ADP   IN  1 prep   O
    July     July     PROPN NNP 2 pobj   B-DATE
    2        2        NUM   CD  3 nummod I-DATE
    to       to       ADP   IN  2 prep   I-DATE
    5        5        NUM   CD  5 pobj   I-DATE
    .        .        PUNCT .   1 punct  O
    """,
    "full",
)


DOCS = {name: value for name, value in globals().items() if isinstance(value, HandDoc)}


def dates_of(hand: HandDoc, published=PUBLISHED):
    events = extract_events(hand.doc(), [], [], published=published, index=ActorIndex([]))
    return [(e.date_text, str(e.date), str(e.date_end) if e.date_end else None) for e in events]


def test_a_date_beside_its_weekday_is_one_date():
    # July 2, 2000 (the finder's probe year) was a Sunday: the pair was dropped as no date
    assert dates_of(TUESDAY_COMMA_JULY_2) == [("Tuesday, July 2", "2019-07-02", None)]


def test_a_date_beside_its_weekday_without_a_comma_is_one_date():
    assert dates_of(TUESDAY_JULY_2) == [("Tuesday July 2", "2019-07-02", None)]


def test_a_stretch_of_days_of_one_month_is_a_range():
    assert dates_of(JULY_2_TO_5) == [("July 2 to 5", "2019-07-02", "2019-07-05")]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DOCS))
def test_the_tables_are_the_models_parse(name, nlp):
    hand = DOCS[name]
    assert table_of(nlp(hand.text)) == hand.rows()
