"""Parsed docs built by hand, as spaCy's own tests build them: the rules run on them with
no model loaded, so their tests belong to the fast tier (`make test-fast`).

A doc is written as its text and a table, one row per token:

    word  lemma  POS  TAG  head  dep  entity

`head` is the index of the token's head (a root heads itself), `entity` an IOB label
("B-PERSON", "I-PERSON") or "O". Each table is what the small English model gives for its
text after the named pipeline (`raw`: the bare model; `full`: with our components, so
outlets are MEDIA entities), or a deliberate change of it said in a comment where a test
needs the model's known mistake. `tests/extract/test_rules_docs.py` parses every
text below with the real model (a slow test) and checks that the tables are still its parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.tokens import Doc, Span
from spacy.util import get_words_and_spaces


@lru_cache(maxsize=1)
def blank():
    """One blank English pipeline: its vocab for every hand-built doc, its tokenizer for
    the rules' matchers (a matcher and the docs it reads must share a vocab)."""
    return spacy.blank("en")


@dataclass(frozen=True)
class HandDoc:
    text: str
    table: str
    pipeline: str  # "raw" or "full": which pipeline's parse the table copies
    kb_ids: dict[str, str] = field(default_factory=dict)  # entity text -> kb_id_
    as_parsed: bool = True  # False where a test changed the parse on purpose

    def rows(self) -> list[list[str]]:
        return [line.split() for line in self.table.strip().splitlines()]

    def doc(self) -> Doc:
        rows = self.rows()
        assert all(len(row) == 7 for row in rows), [r for r in rows if len(r) != 7]
        words, spaces = get_words_and_spaces([r[0] for r in rows], self.text)
        assert words == [r[0] for r in rows], f"the table's words are not the text: {words}"
        doc = Doc(
            blank().vocab,
            words=words,
            spaces=spaces,
            lemmas=[r[1] for r in rows],
            pos=[r[2] for r in rows],
            tags=[r[3] for r in rows],
            heads=[int(r[4]) for r in rows],
            deps=[r[5] for r in rows],
            ents=[r[6] for r in rows],
        )
        if self.kb_ids:
            doc.ents = [
                Span(doc, e.start, e.end, label=e.label_, kb_id=self.kb_ids.get(e.text, ""))
                for e in doc.ents
            ]
        return doc


def table_of(doc: Doc) -> list[list[str]]:
    """A parsed doc as table rows, to compare with a hand-written table."""
    return [
        [
            t.text,
            t.lemma_,
            t.pos_,
            t.tag_,
            str(t.head.i),
            t.dep_,
            f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O",
        ]
        for t in doc
    ]


def every_doc() -> dict[str, HandDoc]:
    """The docs below by name, for the check against the model."""
    return {name: value for name, value in globals().items() if isinstance(value, HandDoc)}


# --- speech verbs and "according to" (full pipeline) -----------------------------------

SHOUKRY_SAID = HandDoc(
    "Foreign Minister Sameh Shoukry said that Egypt would attend the talks.",
    """
    Foreign   Foreign   PROPN NNP  1 compound O
    Minister  Minister  PROPN NNP  3 compound O
    Sameh     Sameh     PROPN NNP  3 compound B-PERSON
    Shoukry   Shoukry   PROPN NNP  4 nsubj    I-PERSON
    said      say       VERB  VBD  4 ROOT     O
    that      that      SCONJ IN   8 mark     O
    Egypt     Egypt     PROPN NNP  8 nsubj    B-GPE
    would     would     AUX   MD   8 aux      O
    attend    attend    VERB  VB   4 ccomp    O
    the       the       DET   DT  10 det      O
    talks     talk      NOUN  NNS  8 dobj     O
    .         .         PUNCT .    4 punct    O
    """,
    "full",
)

OFFICIAL_TOLD_REUTERS = HandDoc(
    "A senior official told Reuters that the talks had failed.",
    """
    A         a         DET   DT   2 det      O
    senior    senior    ADJ   JJ   2 amod     O
    official  official  NOUN  NN   3 nsubj    O
    told      tell      VERB  VBD  3 ROOT     O
    Reuters   Reuters   PROPN NNP  3 dobj     B-MEDIA
    that      that      SCONJ IN   9 mark     O
    the       the       DET   DT   7 det      O
    talks     talk      NOUN  NNS  9 nsubj    O
    had       have      AUX   VBD  9 aux      O
    failed    fail      VERB  VBN  3 ccomp    O
    .         .         PUNCT .    3 punct    O
    """,
    "full",
    kb_ids={"Reuters": "Reuters"},
)

ACCORDING_TO_SANA = HandDoc(
    "The talks failed, according to SANA.",
    """
    The       the       DET   DT   1 det      O
    talks     talk      NOUN  NNS  2 nsubj    O
    failed    fail      VERB  VBD  2 ROOT     O
    ,         ,         PUNCT ,    2 punct    O
    according accord    VERB  VBG  2 prep     O
    to        to        ADP   IN   4 prep     O
    SANA      SANA      PROPN NNP  5 pobj     B-MEDIA
    .         .         PUNCT .    2 punct    O
    """,
    "full",
    kb_ids={"SANA": "Syrian Arab News Agency"},
)

QUOTE_THEN_SAID = HandDoc(
    "“We will not leave Syria,” the minister said.",
    """
    “         "         PUNCT ``  10 punct    O
    We        we        PRON  PRP  4 nsubj    O
    will      will      AUX   MD   4 aux      O
    not       not       PART  RB   4 neg      O
    leave     leave     VERB  VB  10 ccomp    O
    Syria     Syria     PROPN NNP  4 dobj     B-GPE
    ,         ,         PUNCT ,   10 punct    O
    ”         "         PUNCT ''  10 punct    O
    the       the       DET   DT   9 det      O
    minister  minister  PROPN NNP 10 nsubj    O
    said      say       VERB  VBD 10 ROOT     O
    .         .         PUNCT .   10 punct    O
    """,
    "full",
)

DID_NOT_SAY = HandDoc(
    "The minister did not say that the talks had failed.",
    """
    The       the       DET   DT   1 det      O
    minister  minister  NOUN  NN   4 nsubj    O
    did       do        AUX   VBD  4 aux      O
    not       not       PART  RB   4 neg      O
    say       say       VERB  VB   4 ROOT     O
    that      that      SCONJ IN   9 mark     O
    the       the       DET   DT   7 det      O
    talks     talk      NOUN  NNS  9 nsubj    O
    had       have      AUX   VBD  9 aux      O
    failed    fail      VERB  VBN  4 ccomp    O
    .         .         PUNCT .    4 punct    O
    """,
    "full",
)

POINTED_OUT = HandDoc(
    "Mamlouk pointed out that the border was closed.",
    """
    Mamlouk   Mamlouk   PROPN NNP  1 nsubj     B-ORG
    pointed   point     VERB  VBD  1 ROOT      O
    out       out       ADP   RP   1 prt       O
    that      that      SCONJ IN   7 mark      O
    the       the       DET   DT   5 det       O
    border    border    NOUN  NN   7 nsubjpass O
    was       be        AUX   VBD  7 auxpass   O
    closed    close     VERB  VBN  1 ccomp     O
    .         .         PUNCT .    1 punct     O
    """,
    "full",
)

POINTED_AT = HandDoc(
    "He pointed at the map.",
    """
    He        he        PRON  PRP  1 nsubj    O
    pointed   point     VERB  VBD  1 ROOT     O
    at        at        ADP   IN   1 prep     O
    the       the       DET   DT   4 det      O
    map       map       NOUN  NN   2 pobj     O
    .         .         PUNCT .    1 punct    O
    """,
    "full",
)


# --- the media ruler's input: the bare model's parse ----------------------------------

SANA_REPORTED = HandDoc(
    "SANA reported that Mamlouk visited Cairo.",
    """
    SANA      SANA      PROPN NNP  1 nsubj    O
    reported  report    VERB  VBD  1 ROOT     O
    that      that      SCONJ IN   4 mark     O
    Mamlouk   Mamlouk   PROPN NNP  4 nsubj    B-ORG
    visited   visit     VERB  VBD  1 ccomp    O
    Cairo     Cairo     PROPN NNP  4 dobj     B-GPE
    .         .         PUNCT .    1 punct    O
    """,
    "raw",
)

ACCORDING_TO_SANA_RAW = HandDoc(
    "The talks failed, according to SANA.",
    """
    The       the       DET   DT   1 det      O
    talks     talk      NOUN  NNS  2 nsubj    O
    failed    fail      VERB  VBD  2 ROOT     O
    ,         ,         PUNCT ,    2 punct    O
    according accord    VERB  VBG  2 prep     O
    to        to        ADP   IN   4 prep     O
    SANA      SANA      PROPN NNP  5 pobj     B-PERSON
    .         .         PUNCT .    2 punct    O
    """,
    "raw",
)

BLOOMBERG_TWICE = HandDoc(
    "Michael Bloomberg spoke. Bloomberg said the plan works.",
    """
    Michael   Michael   PROPN NNP  1 compound B-PERSON
    Bloomberg Bloomberg PROPN NNP  2 nsubj    I-PERSON
    spoke     speak     VERB  VBD  2 ROOT     O
    .         .         PUNCT .    2 punct    O
    Bloomberg Bloomberg PROPN NNP  5 nsubj    B-ORG
    said      say       VERB  VBD  5 ROOT     O
    the       the       DET   DT   7 det      O
    plan      plan      NOUN  NN   8 nsubj    O
    works     work      VERB  VBZ  5 ccomp    O
    .         .         PUNCT .    5 punct    O
    """,
    "raw",
)

GUARDIAN_COUNCIL = HandDoc(
    "The Guardian Council rejected the law.",
    """
    The       the       DET   DT   2 det      B-ORG
    Guardian  Guardian  PROPN NNP  2 compound I-ORG
    Council   Council   PROPN NNP  3 nsubj    I-ORG
    rejected  reject    VERB  VBD  3 ROOT     O
    the       the       DET   DT   5 det      O
    law       law       NOUN  NN   3 dobj     O
    .         .         PUNCT .    3 punct    O
    """,
    "raw",
)

TOLD_AFP_MONDAY = HandDoc(
    "A source told AFP Monday that the talks failed.",
    """
    A         a         DET   DT   1 det      O
    source    source    NOUN  NN   2 nsubj    O
    told      tell      VERB  VBD  2 ROOT     O
    AFP       AFP       PROPN NNP  2 dobj     O
    Monday    Monday    PROPN NNP  2 npadvmod B-DATE
    that      that      SCONJ IN   8 mark     O
    the       the       DET   DT   7 det      O
    talks     talk      NOUN  NNS  8 nsubj    O
    failed    fail      VERB  VBD  2 ccomp    O
    .         .         PUNCT .    2 punct    O
    """,
    "raw",
)

ATLANTIC_COAST = HandDoc(
    "They sailed along the Atlantic coast.",
    """
    They      they      PRON  PRP  1 nsubj    O
    sailed    sail      VERB  VBD  1 ROOT     O
    along     along     ADP   IN   1 prep     O
    the       the       DET   DT   5 det      B-LOC
    Atlantic  Atlantic  PROPN NNP  5 amod     I-LOC
    coast     coast     NOUN  NN   2 pobj     I-LOC
    .         .         PUNCT .    1 punct    O
    """,
    "raw",
)

# The model tags ISIS ORG here; the NER missing it (as it does in other sentences) is
# the case the ruler's acronym rule is for, so the entity is taken out by hand.
ISIS_MISSED = HandDoc(
    "ISIS fighters attacked the town.",
    """
    ISIS      isis      NOUN  NN   1 compound O
    fighters  fighter   NOUN  NNS  2 nsubj    O
    attacked  attack    VERB  VBD  2 ROOT     O
    the       the       DET   DT   4 det      O
    town      town      NOUN  NN   2 dobj     O
    .         .         PUNCT .    2 punct    O
    """,
    "raw",
    as_parsed=False,
)


# --- dates against the publication date (full pipeline) --------------------------------

ARRIVED_SUNDAY = HandDoc(
    "The minister arrived in Cairo on Sunday.",
    """
    The       the       DET   DT   1 det      O
    minister  minister  NOUN  NN   2 nsubj    O
    arrived   arrive    VERB  VBD  2 ROOT     O
    in        in        ADP   IN   2 prep     O
    Cairo     Cairo     PROPN NNP  3 pobj     B-GPE
    on        on        ADP   IN   2 prep     O
    Sunday    Sunday    PROPN NNP  5 pobj     B-DATE
    .         .         PUNCT .    2 punct    O
    """,
    "full",
)

WILL_ARRIVE_SUNDAY = HandDoc(
    "The minister will arrive in Cairo on Sunday.",
    """
    The       the       DET   DT   1 det      O
    minister  minister  NOUN  NN   3 nsubj    O
    will      will      AUX   MD   3 aux      O
    arrive    arrive    VERB  VB   3 ROOT     O
    in        in        ADP   IN   3 prep     O
    Cairo     Cairo     PROPN NNP  4 pobj     B-GPE
    on        on        ADP   IN   3 prep     O
    Sunday    Sunday    PROPN NNP  6 pobj     B-DATE
    .         .         PUNCT .    3 punct    O
    """,
    "full",
)


# --- who speaks, where the parse hides it (full pipeline; issue 10) -----------------------

BLAMING_ON_TWITTER = HandDoc(
    "Senator Lindsey Graham posted a message on Twitter blaming Iran for the attack.",
    """
    Senator Senator PROPN NNP 2  compound O
    Lindsey Lindsey PROPN NNP 2  compound B-PERSON
    Graham  Graham  PROPN NNP 3  nsubj    I-PERSON
    posted  post    VERB  VBD 3  ROOT     O
    a       a       DET   DT  5  det      O
    message message NOUN  NN  3  dobj     O
    on      on      ADP   IN  5  prep     O
    Twitter Twitter PROPN NNP 6  pobj     B-MEDIA
    blaming blame   VERB  VBG 7  acl      O
    Iran    Iran    PROPN NNP 8  dobj     B-GPE
    for     for     ADP   IN  8  prep     O
    the     the     DET   DT  12 det      O
    attack  attack  NOUN  NN  10 pobj     O
    .       .       PUNCT .   3  punct    O
    """,
    "full",
    kb_ids={"Twitter": "Twitter"},
)

QUICK_IN_BLAMING = HandDoc(
    "The European Union was quick in blaming Russia for the attack.",
    """
    The      the      DET   DT  2  det      O
    European European PROPN NNP 2  compound B-ORG
    Union    Union    PROPN NNP 3  nsubj    I-ORG
    was      be       AUX   VBD 3  ROOT     O
    quick    quick    ADJ   JJ  3  acomp    O
    in       in       ADP   IN  4  prep     O
    blaming  blame    VERB  VBG 5  pcomp    O
    Russia   Russia   PROPN NNP 6  dobj     B-GPE
    for      for      ADP   IN  6  prep     O
    the      the      DET   DT  10 det      O
    attack   attack   NOUN  NN  8  pobj     O
    .        .        PUNCT .   3  punct    O
    """,
    "full",
)

SURNAME_AS_SUBJECT = HandDoc(
    "President Donald Trump spoke on Monday. Trump characterized the call as perfect.",
    """
    President     President    PROPN NNP 2  compound O
    Donald        Donald       PROPN NNP 2  compound B-PERSON
    Trump         Trump        PROPN NNP 3  nsubj    I-PERSON
    spoke         speak        VERB  VBD 3  ROOT     O
    on            on           ADP   IN  3  prep     O
    Monday        Monday       PROPN NNP 4  pobj     B-DATE
    .             .            PUNCT .   3  punct    O
    Trump         trump        NOUN  NN  8  nsubj    O
    characterized characterize VERB  VBD 8  ROOT     O
    the           the          DET   DT  10 det      O
    call          call         NOUN  NN  8  dobj     O
    as            as           ADV   RB  12 advmod   O
    perfect       perfect      ADJ   JJ  10 amod     O
    .             .            PUNCT .   8  punct    O
    """,
    "full",
)

QUOTE_AFTER_COLON = HandDoc(
    'King Abdullah of Jordan met the envoy on Monday. In his speech, he thanked the envoy: "Our region needs peace now more than ever before."',
    """
    King     King     PROPN NNP  1  compound B-PERSON
    Abdullah Abdullah PROPN NNP  4  nsubj    I-PERSON
    of       of       ADP   IN   1  prep     O
    Jordan   Jordan   PROPN NNP  2  pobj     B-GPE
    met      meet     VERB  VBD  4  ROOT     O
    the      the      DET   DT   6  det      O
    envoy    envoy    NOUN  NN   4  dobj     O
    on       on       ADP   IN   4  prep     O
    Monday   Monday   PROPN NNP  7  pobj     B-DATE
    .        .        PUNCT .    4  punct    O
    In       in       ADP   IN   15 prep     O
    his      his      PRON  PRP$ 12 poss     O
    speech   speech   NOUN  NN   10 pobj     O
    ,        ,        PUNCT ,    15 punct    O
    he       he       PRON  PRP  15 nsubj    O
    thanked  thank    VERB  VBD  15 ROOT     O
    the      the      DET   DT   17 det      O
    envoy    envoy    NOUN  NN   15 dobj     O
    :        :        PUNCT :    15 punct    O
    "        "        PUNCT ``   15 punct    O
    Our      our      PRON  PRP$ 21 poss     O
    region   region   NOUN  NN   22 nsubj    O
    needs    need     VERB  VBZ  15 ccomp    O
    peace    peace    NOUN  NN   22 dobj     O
    now      now      ADV   RB   22 advmod   O
    more     more     ADV   RBR  22 advmod   O
    than     than     ADP   IN   25 prep     O
    ever     ever     ADV   RB   28 advmod   O
    before   before   ADV   RB   26 pcomp    O
    .        .        PUNCT .    22 punct    O
    "        "        PUNCT ''   22 punct    O
    """,
    "full",
)

JOINED_TO_A_THING = HandDoc(
    "In his statement, Egyptian President Abdel Fattah el-Sisi found the air strike justified and called Netanyahu's order swift, forceful and decisive.",
    """
    In        in        ADP   IN   11 prep     O
    his       his       PRON  PRP$ 2  poss     O
    statement statement NOUN  NN   0  pobj     O
    ,         ,         PUNCT ,    11 punct    O
    Egyptian  egyptian  ADJ   JJ   5  amod     B-NORP
    President President PROPN NNP  10 compound O
    Abdel     Abdel     PROPN NNP  10 compound B-PERSON
    Fattah    Fattah    PROPN NNP  10 compound I-PERSON
    el        el        PROPN NNP  10 compound I-PERSON
    -         -         PUNCT HYPH 10 punct    I-PERSON
    Sisi      Sisi      PROPN NNP  11 nsubj    I-PERSON
    found     find      VERB  VBD  11 ROOT     O
    the       the       DET   DT   14 det      O
    air       air       NOUN  NN   14 compound O
    strike    strike    NOUN  NN   15 nsubj    O
    justified justify   VERB  VBD  11 ccomp    O
    and       and       CCONJ CC   15 cc       O
    called    call      VERB  VBD  15 conj     O
    Netanyahu Netanyahu PROPN NNP  20 poss     B-PERSON
    's        's        PART  POS  18 case     O
    order     order     NOUN  NN   17 oprd     O
    swift     swift     ADJ   JJ   20 amod     O
    ,         ,         PUNCT ,    21 punct    O
    forceful  forceful  ADJ   JJ   21 conj     O
    and       and       CCONJ CC   23 cc       O
    decisive  decisive  ADJ   JJ   23 conj     O
    .         .         PUNCT .    11 punct    O
    """,
    "full",
)

THE_OFFICE_ASKED = HandDoc(
    "The British Embassy in Tehran suspended its work on Sunday. The office asked British citizens to leave the country.",
    """
    The       the     DET   DT   2  det      B-ORG
    British   British PROPN NNP  2  compound I-ORG
    Embassy   Embassy PROPN NNP  5  nsubj    I-ORG
    in        in      ADP   IN   2  prep     O
    Tehran    Tehran  PROPN NNP  3  pobj     B-GPE
    suspended suspend VERB  VBD  5  ROOT     O
    its       its     PRON  PRP$ 7  poss     O
    work      work    NOUN  NN   5  dobj     O
    on        on      ADP   IN   5  prep     O
    Sunday    Sunday  PROPN NNP  8  pobj     B-DATE
    .         .       PUNCT .    5  punct    O
    The       the     DET   DT   12 det      O
    office    office  NOUN  NN   13 nsubj    O
    asked     ask     VERB  VBD  13 ROOT     O
    British   british ADJ   JJ   15 amod     B-NORP
    citizens  citizen NOUN  NNS  13 dobj     O
    to        to      PART  TO   17 aux      O
    leave     leave   VERB  VB   13 xcomp    O
    the       the     DET   DT   19 det      O
    country   country NOUN  NN   17 dobj     O
    .         .       PUNCT .    13 punct    O
    """,
    "full",
)

ARMY_AFTER_MILITARY = HandDoc(
    "A plane of the Iranian military crashed near Karaj. The army said the crew had died.",
    """
    A        a        DET   DT  1  det   O
    plane    plane    NOUN  NN  6  nsubj O
    of       of       ADP   IN  1  prep  O
    the      the      DET   DT  5  det   O
    Iranian  iranian  ADJ   JJ  5  amod  B-ORG
    military military NOUN  NN  2  pobj  I-ORG
    crashed  crash    VERB  VBD 6  ROOT  O
    near     near     ADP   IN  6  prep  O
    Karaj    Karaj    PROPN NNP 7  pobj  B-GPE
    .        .        PUNCT .   6  punct O
    The      the      DET   DT  11 det   O
    army     army     NOUN  NN  12 nsubj O
    said     say      VERB  VBD 12 ROOT  O
    the      the      DET   DT  14 det   O
    crew     crew     NOUN  NN  16 nsubj O
    had      have     AUX   VBD 16 aux   O
    died     die      VERB  VBN 12 ccomp O
    .        .        PUNCT .   12 punct O
    """,
    "full",
)

PUBLICATION_STATED = HandDoc(
    "The Aviation Herald reported the landing failed. The industry publication stated the jet overran the runway.",
    """
    The         the         DET   DT  2  det      B-ORG
    Aviation    Aviation    PROPN NNP 2  compound I-ORG
    Herald      Herald      PROPN NNP 3  nsubj    I-ORG
    reported    report      VERB  VBD 3  ROOT     O
    the         the         DET   DT  5  det      O
    landing     landing     NOUN  NN  6  nsubj    O
    failed      fail        VERB  VBD 3  ccomp    O
    .           .           PUNCT .   3  punct    O
    The         the         DET   DT  10 det      O
    industry    industry    NOUN  NN  10 compound O
    publication publication NOUN  NN  11 nsubj    O
    stated      state       VERB  VBD 11 ROOT     O
    the         the         DET   DT  13 det      O
    jet         jet         NOUN  NN  14 nsubj    O
    overran     overrun     VERB  VBD 11 ccomp    O
    the         the         DET   DT  16 det      O
    runway      runway      NOUN  NN  14 dobj     O
    .           .           PUNCT .   11 punct    O
    """,
    "full",
)

TITLES_AND_NAME = HandDoc(
    "He declined to comment. Retired FBI agent and terrorism specialist Ali Soufan told reporters Hamza had appeared in videos.",
    """
    He         he         PRON  PRP 1  nsubj    O
    declined   decline    VERB  VBD 1  ROOT     O
    to         to         PART  TO  3  aux      O
    comment    comment    VERB  VB  1  xcomp    O
    .          .          PUNCT .   1  punct    O
    Retired    retire     VERB  VBN 7  amod     O
    FBI        FBI        PROPN NNP 7  compound B-ORG
    agent      agent      NOUN  NN  13 nsubj    O
    and        and        CCONJ CC  7  cc       O
    terrorism  terrorism  NOUN  NN  10 compound O
    specialist specialist NOUN  NN  7  conj     O
    Ali        Ali        PROPN NNP 12 compound B-PERSON
    Soufan     Soufan     PROPN NNP 7  conj     I-PERSON
    told       tell       VERB  VBD 13 ROOT     O
    reporters  reporter   NOUN  NNS 15 compound O
    Hamza      Hamza      PROPN NNP 17 nsubj    B-PERSON
    had        have       AUX   VBD 17 aux      O
    appeared   appear     VERB  VBN 13 ccomp    O
    in         in         ADP   IN  17 prep     O
    videos     video      NOUN  NNS 18 pobj     O
    .          .          PUNCT .   13 punct    O
    """,
    "full",
)

TOLD_NPR_GLUED = HandDoc(
    "Middle East analyst Hassan Hassan told NPR Abu Bakr al-Baghdadi had been hiding in Idlib.",
    """
    Middle   Middle   PROPN NNP 1  compound B-LOC
    East     East     PROPN NNP 2  compound I-LOC
    analyst  analyst  NOUN  NN  4  compound O
    Hassan   Hassan   PROPN NNP 4  compound B-PERSON
    Hassan   Hassan   PROPN NNP 5  nsubj    I-PERSON
    told     tell     VERB  VBD 5  ROOT     O
    NPR      NPR      PROPN NNP 8  compound B-MEDIA
    Abu      Abu      PROPN NNP 8  compound O
    Bakr     Bakr     PROPN NNP 11 compound O
    al       al       PROPN NNP 11 compound O
    -        -        PROPN NNP 11 punct    O
    Baghdadi Baghdadi PROPN NNP 14 nsubj    O
    had      have     AUX   VBD 14 aux      O
    been     be       AUX   VBN 14 aux      O
    hiding   hide     VERB  VBG 5  ccomp    O
    in       in       ADP   IN  14 prep     O
    Idlib    Idlib    PROPN NNP 15 pobj     B-GPE
    .        .        PUNCT .   5  punct    O
    """,
    "full",
    kb_ids={"NPR": "NPR"},
)

CITING_AFTER_XCOMP = HandDoc(
    "Several outlets reported the commander to be dead citing sources within the Iraqi Interior Ministry.",
    """
    Several   several   ADJ   JJ  1  amod     O
    outlets   outlet    NOUN  NNS 2  nsubj    O
    reported  report    VERB  VBD 2  ROOT     O
    the       the       DET   DT  4  det      O
    commander commander NOUN  NN  2  dobj     O
    to        to        PART  TO  6  aux      O
    be        be        AUX   VB  2  xcomp    O
    dead      dead      ADJ   JJ  6  acomp    O
    citing    cite      VERB  VBG 6  advcl    O
    sources   source    NOUN  NNS 8  dobj     O
    within    within    ADP   IN  9  prep     O
    the       the       DET   DT  14 det      B-ORG
    Iraqi     iraqi     ADJ   JJ  14 amod     I-ORG
    Interior  Interior  PROPN NNP 14 compound I-ORG
    Ministry  Ministry  PROPN NNP 10 pobj     I-ORG
    .         .         PUNCT .   2  punct    O
    """,
    "full",
)

ACCORDING_KEEPS_CHANNEL = HandDoc(
    "Analyst Hassan Hassan told the BBC that the group was regrouping. The fighters moved south, according to Hassan.",
    """
    Analyst    Analyst PROPN NNP 2  compound O
    Hassan     Hassan  PROPN NNP 2  compound B-PERSON
    Hassan     Hassan  PROPN NNP 3  nsubj    I-PERSON
    told       tell    VERB  VBD 3  ROOT     O
    the        the     DET   DT  5  det      O
    BBC        BBC     PROPN NNP 3  dobj     B-MEDIA
    that       that    SCONJ IN  10 mark     O
    the        the     DET   DT  8  det      O
    group      group   NOUN  NN  10 nsubj    O
    was        be      AUX   VBD 10 aux      O
    regrouping regroup VERB  VBG 3  ccomp    O
    .          .       PUNCT .   3  punct    O
    The        the     DET   DT  13 det      O
    fighters   fighter NOUN  NNS 14 nsubj    O
    moved      move    VERB  VBD 14 ROOT     O
    south      south   ADV   RB  14 advmod   O
    ,          ,       PUNCT ,   14 punct    O
    according  accord  VERB  VBG 14 prep     O
    to         to      ADP   IN  17 prep     O
    Hassan     Hassan  PROPN NNP 18 pobj     B-PERSON
    .          .       PUNCT .   14 punct    O
    """,
    "full",
    kb_ids={"BBC": "BBC"},
)

TITLE_IN_PERSON_ENTITY = HandDoc(
    "According to Chief Superintendent Graciano Mijares of the police, the confirmed deaths are fourteen civilians. Mijares further claimed 90 civilians were wounded.",
    """
    According      accord         VERB  VBG  13 prep      O
    to             to             ADP   IN   0  prep      O
    Chief          Chief          PROPN NNP  5  compound  O
    Superintendent Superintendent PROPN NNP  5  compound  B-PERSON
    Graciano       Graciano       PROPN NNP  5  compound  I-PERSON
    Mijares        Mijares        PROPN NNPS 1  pobj      O
    of             of             ADP   IN   5  prep      O
    the            the            DET   DT   8  det       O
    police         police         NOUN  NN   6  pobj      O
    ,              ,              PUNCT ,    13 punct     O
    the            the            DET   DT   12 det       O
    confirmed      confirm        VERB  VBN  12 amod      O
    deaths         death          NOUN  NNS  13 nsubj     O
    are            be             AUX   VBP  13 ROOT      O
    fourteen       fourteen       NUM   CD   15 nummod    B-CARDINAL
    civilians      civilian       NOUN  NNS  13 attr      O
    .              .              PUNCT .    13 punct     O
    Mijares        mijare         NOUN  NNS  19 nsubj     O
    further        far            ADV   RB   19 advmod    O
    claimed        claim          VERB  VBD  19 ROOT      O
    90             90             NUM   CD   21 nummod    B-CARDINAL
    civilians      civilian       NOUN  NNS  23 nsubjpass O
    were           be             AUX   VBD  23 auxpass   O
    wounded        wound          VERB  VBN  19 ccomp     O
    .              .              PUNCT .    19 punct     O
    """,
    "full",
)

SAID_IN_THE_MIDDLE = HandDoc(
    "On Sunday morning, the ministry said, three soldiers were killed near the border.",
    """
    On       on       ADP   IN  11 prep      O
    Sunday   Sunday   PROPN NNP 2  compound  B-DATE
    morning  morning  NOUN  NN  0  pobj      B-TIME
    ,        ,        PUNCT ,   6  punct     O
    the      the      DET   DT  5  det       O
    ministry ministry NOUN  NN  6  nsubj     O
    said     say      VERB  VBD 11 parataxis O
    ,        ,        PUNCT ,   11 punct     O
    three    three    NUM   CD  9  nummod    B-CARDINAL
    soldiers soldier  NOUN  NNS 11 nsubjpass O
    were     be       AUX   VBD 11 auxpass   O
    killed   kill     VERB  VBN 11 ROOT      O
    near     near     ADP   IN  11 prep      O
    the      the      DET   DT  14 det       O
    border   border   NOUN  NN  12 pobj      O
    .        .        PUNCT .   11 punct     O
    """,
    "full",
)

TITLE_INSIDE_AN_ORG = HandDoc(
    "Early yesterday morning, United States Representative Elijah Cummings died while in hospice care.",
    """
    Early          early          ADJ   JJ  2  amod     B-DATE
    yesterday      yesterday      NOUN  NN  2  compound I-DATE
    morning        morning        NOUN  NN  9  npadvmod B-TIME
    ,              ,              PUNCT ,   9  punct    O
    United         United         PROPN NNP 5  compound B-ORG
    States         States         PROPN NNP 6  compound I-ORG
    Representative Representative PROPN NNP 8  compound I-ORG
    Elijah         Elijah         PROPN NNP 8  compound I-ORG
    Cummings       Cummings       PROPN NNP 9  nsubj    I-ORG
    died           die            VERB  VBD 9  ROOT     O
    while          while          SCONJ IN  9  prep     O
    in             in             ADP   IN  9  prep     O
    hospice        hospice        NOUN  NN  13 compound O
    care           care           NOUN  NN  11 pobj     O
    .              .              PUNCT .   9  punct    O
    """,
    "full",
)

# --- a surname the NER took for a nationality (full pipeline) -----------------------

SURNAME_TAGGED_NORP = HandDoc(
    "Ali bin Tamim, a Qatari envoy, arrived on Monday. Tamim claimed the talks had failed.",
    """
    Ali      Ali      PROPN NNP   2  compound B-PERSON
    bin      bin      PROPN NNP   2  compound I-PERSON
    Tamim    Tamim    PROPN NNP   8  nsubj    I-PERSON
    ,        ,        PUNCT ,     2  punct    O
    a        a        DET   DT    6  det      O
    Qatari   qatari   ADJ   JJ    6  amod     B-NORP
    envoy    envoy    NOUN  NN    2  appos    O
    ,        ,        PUNCT ,     2  punct    O
    arrived  arrive   VERB  VBD   8  ROOT     O
    on       on       ADP   IN    8  prep     O
    Monday   Monday   PROPN NNP   9  pobj     B-DATE
    .        .        PUNCT .     8  punct    O
    Tamim    Tamim    PROPN NNP   13 nsubj    B-NORP
    claimed  claim    VERB  VBD   13 ROOT     O
    the      the      DET   DT    15 det      O
    talks    talk     NOUN  NNS   17 nsubj    O
    had      have     AUX   VBD   17 aux      O
    failed   fail     VERB  VBN   13 ccomp    O
    .        .        PUNCT .     13 punct    O
    """,
    "full",
)

SATELLITE_IMAGES_FROM = HandDoc(
    "Satellite images from the United Nations showed that the village was destroyed.",
    """
    Satellite satellite NOUN  NN  1  compound  O
    images    image     NOUN  NNS 6  nsubj     O
    from      from      ADP   IN  1  prep      O
    the       the       DET   DT  5  det       O
    United    United    PROPN NNP 5  compound  B-ORG
    Nations   Nations   PROPN NNP 2  pobj      I-ORG
    showed    show      VERB  VBD 6  ROOT      O
    that      that      SCONJ IN  11 mark      O
    the       the       DET   DT  9  det       O
    village   village   NOUN  NN  11 nsubjpass O
    was       be        AUX   VBD 11 auxpass   O
    destroyed destroy   VERB  VBN 6  ccomp     O
    .         .         PUNCT .   6  punct     O
    """,
    "full",
)


# --- claim spans and speakers from the new dev articles (issue 10, session 6) -----------
# Each in other words than the article it came from: a cue inside the clause it reports,
# a predicate quoted beside its object, a name hung on a role's place, a capitalised role,
# an aside after the subject, an outlet citing its source in a relative clause, the day of
# saying, the medium, the writer's relative clause, two quotations joined by "and", and a
# quotation split by a long attribution.

NESTED_SAID_RELATIVE = HandDoc(
    "Lopez said she would block the bill, which she said would raise taxes.",
    """
    Lopez  Lopez  PROPN NNP   1 nsubj     O
    said   say    VERB  VBD   1 ROOT      O
    she    she    PRON  PRP   4 nsubj     O
    would  would  AUX   MD    4 aux       O
    block  block  VERB  VB    1 ccomp     O
    the    the    DET   DT    6 det       O
    bill   bill   NOUN  NN    4 dobj      O
    ,      ,      PUNCT ,     6 punct     O
    which  which  PRON  WDT  12 nsubj     O
    she    she    PRON  PRP  10 nsubj     O
    said   say    VERB  VBD   6 relcl     O
    would  would  AUX   MD   12 aux       O
    raise  raise  VERB  VB   10 ccomp     O
    taxes  taxis  NOUN  NNS  12 dobj      O
    .      .      PUNCT .     1 punct     O
    """,
    "full",
)

CALLED_IT_QUOTED = HandDoc(
    'Governor Tom Reyes called the proposal "a disgrace to the state".',
    """
    Governor  Governor  PROPN NNP   2 compound  O
    Tom       Tom       PROPN NNP   2 compound  B-PERSON
    Reyes     Reyes     PROPN NNP   3 nsubj     I-PERSON
    called    call      VERB  VBD   3 ROOT      O
    the       the       DET   DT    5 det       O
    proposal  proposal  NOUN  NN    3 dobj      O
    "         "         PUNCT ``    5 punct     O
    a         a         DET   DT    8 det       O
    disgrace  disgrace  NOUN  NN    5 appos     O
    to        to        ADP   IN    8 prep      O
    the       the       DET   DT   11 det       O
    state     state     NOUN  NN    9 pobj      O
    "         "         PUNCT ''    3 punct     O
    .         .         PUNCT .     3 punct     O
    """,
    "full",
)

# changed from the model's parse (name on "mayor"): on "The mayor of Paris, Anne Hidalgo,
# wrote" the model hangs the name on the place, the parse the rule repairs
MAYOR_OF_PLACE_NAMED = HandDoc(
    "The mayor of Mosul, Zuhair al-Araji, said the bridge had reopened.",
    """
    The       the     DET   DT    1 det       O
    mayor     mayor   NOUN  NN   10 nsubj     O
    of        of      ADP   IN    1 prep      O
    Mosul     Mosul   PROPN NNP   2 pobj      B-GPE
    ,         ,       PUNCT ,     1 punct     O
    Zuhair    Zuhair  PROPN NNP   8 compound  B-PERSON
    al        al      PROPN NNP   8 compound  I-PERSON
    -         -       PUNCT HYPH  8 punct     I-PERSON
    Araji     Araji   PROPN NNP   3 appos     I-PERSON
    ,         ,       PUNCT ,     1 punct     O
    said      say     VERB  VBD  10 ROOT      O
    the       the     DET   DT   12 det       O
    bridge    bridge  NOUN  NN   14 nsubj     O
    had       have    AUX   VBD  14 aux       O
    reopened  reopen  VERB  VBN  10 ccomp     O
    .         .       PUNCT .    10 punct     O
    """,
    "full",
    as_parsed=False,
)

THE_PRIME_MINISTER_SAID = HandDoc(
    "Prime Minister Adil Abdul-Mahdi met the delegation. The Prime Minister said the talks were productive.",
    """
    Prime       Prime       PROPN NNP   1 compound  O
    Minister    Minister    PROPN NNP   5 compound  O
    Adil        Adil        PROPN NNP   5 compound  B-PERSON
    Abdul       Abdul       PROPN NNP   5 compound  I-PERSON
    -           -           PUNCT HYPH  5 punct     I-PERSON
    Mahdi       Mahdi       PROPN NNP   6 nsubj     I-PERSON
    met         meet        VERB  VBD   6 ROOT      O
    the         the         DET   DT    8 det       O
    delegation  delegation  NOUN  NN    6 dobj      O
    .           .           PUNCT .     6 punct     O
    The         the         DET   DT   12 det       O
    Prime       Prime       PROPN NNP  12 compound  O
    Minister    Minister    PROPN NNP  13 nsubj     O
    said        say         VERB  VBD  13 ROOT      O
    the         the         DET   DT   15 det       O
    talks       talk        NOUN  NNS  16 nsubj     O
    were        be          AUX   VBD  13 ccomp     O
    productive  productive  ADJ   JJ   16 acomp     O
    .           .           PUNCT .    13 punct     O
    """,
    "full",
)

ASIDE_AFTER_SUBJECT = HandDoc(
    "The convoy, the ministry said, was hit near the border.",
    """
    The       the       DET   DT    1 det       O
    convoy    convoy    NOUN  NN    8 nsubjpass O
    ,         ,         PUNCT ,     5 punct     O
    the       the       DET   DT    4 det       O
    ministry  ministry  NOUN  NN    5 nsubj     O
    said      say       VERB  VBD   8 parataxis O
    ,         ,         PUNCT ,     5 punct     O
    was       be        AUX   VBD   8 auxpass   O
    hit       hit       VERB  VBN   8 ROOT      O
    near      near      ADP   IN    8 prep      O
    the       the       DET   DT   11 det       O
    border    border    NOUN  NN    9 pobj      O
    .         .         PUNCT .     8 punct     O
    """,
    "full",
)

ACCORDING_TO_WHICH_CITED = HandDoc(
    "According to Reuters, which cited two officials, the talks failed.",
    """
    According  accord    VERB  VBG  11 prep      O
    to         to        ADP   IN    0 prep      O
    Reuters    Reuters   PROPN NNP   1 pobj      B-MEDIA
    ,          ,         PUNCT ,     2 punct     O
    which      which     PRON  WDT   5 nsubj     O
    cited      cite      VERB  VBD   2 relcl     O
    two        two       NUM   CD    7 nummod    B-CARDINAL
    officials  official  NOUN  NNS   5 dobj      O
    ,          ,         PUNCT ,    11 punct     O
    the        the       DET   DT   10 det       O
    talks      talk      NOUN  NNS  11 nsubj     O
    failed     fail      VERB  VBD  11 ROOT      O
    .          .         PUNCT .    11 punct     O
    """,
    "full",
    kb_ids={"Reuters": "Reuters"},
)

SAID_ON_A_DAY = HandDoc(
    "Lopez said on Tuesday she would block the bill.",
    """
    Lopez    Lopez    PROPN NNP   1 nsubj     O
    said     say      VERB  VBD   1 ROOT      O
    on       on       ADP   IN    6 prep      O
    Tuesday  Tuesday  PROPN NNP   2 pobj      B-DATE
    she      she      PRON  PRP   6 nsubj     O
    would    would    AUX   MD    6 aux       O
    block    block    VERB  VB    1 ccomp     O
    the      the      DET   DT    8 det       O
    bill     bill     NOUN  NN    6 dobj      O
    .        .        PUNCT .     1 punct     O
    """,
    "full",
)

ANNOUNCED_ON_TELEVISION = HandDoc(
    "The ministry announced the death on television.",
    """
    The         the         DET   DT    1 det       O
    ministry    ministry    NOUN  NN    2 nsubj     O
    announced   announce    VERB  VBD   2 ROOT      O
    the         the         DET   DT    4 det       O
    death       death       NOUN  NN    2 dobj      O
    on          on          ADP   IN    4 prep      O
    television  television  NOUN  NN    5 pobj      O
    .           .           PUNCT .     2 punct     O
    """,
    "full",
)

WRITERS_RELATIVE_AFTER = HandDoc(
    "Officials said Sisi received the envoy, who has visited Jordan.",
    """
    Officials  official  NOUN  NNS   1 nsubj     O
    said       say       VERB  VBD   1 ROOT      O
    Sisi       Sisi      PROPN NNP   3 nsubj     B-ORG
    received   receive   VERB  VBD   1 ccomp     O
    the        the       DET   DT    5 det       O
    envoy      envoy     NOUN  NN    3 dobj      O
    ,          ,         PUNCT ,     5 punct     O
    who        who       PRON  WP    9 nsubj     O
    has        have      AUX   VBZ   9 aux       O
    visited    visit     VERB  VBN   5 relcl     O
    Jordan     Jordan    PROPN NNP   9 dobj      B-GPE
    .          .         PUNCT .     1 punct     O
    """,
    "full",
)

QUOTE_AND_QUOTE = HandDoc(
    'Schumer said "We made a plea" and "He resisted."',
    """
    Schumer   Schumer  PROPN NNP   1 nsubj     B-PERSON
    said      say      VERB  VBD   1 ROOT      O
    "         "        PUNCT ``    1 punct     O
    We        we       PRON  PRP   4 nsubj     O
    made      make     VERB  VBD   1 ccomp     O
    a         a        DET   DT    6 det       O
    plea      plea     NOUN  NN    4 dobj      O
    "         "        PUNCT ''    4 punct     O
    and       and      CCONJ CC    4 cc        O
    "         "        PUNCT ``   11 punct     O
    He        he       PRON  PRP  11 nsubj     O
    resisted  resist   VERB  VBD   4 conj      O
    .         .        PUNCT .     1 punct     O
    "         "        PUNCT ''    1 punct     O
    """,
    "full",
)

QUOTE_SPLIT_BY_PLATFORM = HandDoc(
    '"We will win," wrote Senator Maria Lopez on Twitter, "and we will stay."',
    """
    "        "        PUNCT ``    6 punct     O
    We       we       PRON  PRP   3 nsubj     O
    will     will     AUX   MD    3 aux       O
    win      win      VERB  VB    6 ccomp     O
    ,        ,        PUNCT ,     6 punct     O
    "        "        PUNCT ''    6 punct     O
    wrote    write    VERB  VBD   6 ROOT      O
    Senator  Senator  PROPN NNP   9 compound  O
    Maria    Maria    PROPN NNP   9 compound  B-PERSON
    Lopez    Lopez    PROPN NNP   6 nsubj     I-PERSON
    on       on       ADP   IN    6 prep      O
    Twitter  Twitter  PROPN NNP  10 pobj      B-MEDIA
    ,        ,        PUNCT ,     6 punct     O
    "        "        PUNCT ``    6 punct     O
    and      and      CCONJ CC    6 cc        O
    we       we       PRON  PRP  17 nsubj     O
    will     will     AUX   MD   17 aux       O
    stay     stay     VERB  VB    6 conj      O
    .        .        PUNCT .    17 punct     O
    "        "        PUNCT ''   17 punct     O
    """,
    "full",
    kb_ids={"Twitter": "Twitter"},
)

# a time set before a clause whose source is named after it (issue 10, session 6), and a
# subject that holds a day, which is no such time
TIME_BEFORE_ACCORDING_TO = HandDoc(
    "Late on Sunday, the rebels seized the airport, according to the ministry.",
    """
    Late       late      ADV   RB    1 advmod    O
    on         on        ADP   IN    6 prep      O
    Sunday     Sunday    PROPN NNP   1 pobj      B-DATE
    ,          ,         PUNCT ,     6 punct     O
    the        the       DET   DT    5 det       O
    rebels     rebel     NOUN  NNS   6 nsubj     O
    seized     seize     VERB  VBD   6 ROOT      O
    the        the       DET   DT    8 det       O
    airport    airport   NOUN  NN    6 dobj      O
    ,          ,         PUNCT ,     6 punct     O
    according  accord    VERB  VBG   6 prep      O
    to         to        ADP   IN   10 prep      O
    the        the       DET   DT   13 det       O
    ministry   ministry  NOUN  NN   11 pobj      O
    .          .         PUNCT .     6 punct     O
    """,
    "full",
)

SUBJECT_WITH_A_DAY = HandDoc(
    "A second strike on Sunday, near the airport, killed four soldiers, the ministry said.",
    """
    A         a         DET   DT    2 det       O
    second    second    ADJ   JJ    2 amod      B-ORDINAL
    strike    strike    NOUN  NN   10 nsubj     O
    on        on        ADP   IN    2 prep      O
    Sunday    Sunday    PROPN NNP   3 pobj      B-DATE
    ,         ,         PUNCT ,     2 punct     O
    near      near      ADP   IN    2 prep      O
    the       the       DET   DT    8 det       O
    airport   airport   NOUN  NN    6 pobj      O
    ,         ,         PUNCT ,     2 punct     O
    killed    kill      VERB  VBD  16 ccomp     O
    four      four      NUM   CD   12 nummod    B-CARDINAL
    soldiers  soldier   NOUN  NNS  10 dobj      O
    ,         ,         PUNCT ,    16 punct     O
    the       the       DET   DT   15 det       O
    ministry  ministry  NOUN  NN   16 nsubj     O
    said      say       VERB  VBD  16 ROOT      O
    .         .         PUNCT .    16 punct     O
    """,
    "full",
)

# a quoted predicate the parser took for a second object of "calling" (issue 10, session 6)
CALLING_IT_QUOTED = HandDoc(
    'Hassan Nasrallah condemned the raid, calling it "a crime against our people" and a provocation.',
    """
    Hassan       Hassan       PROPN NNP   1 compound  B-PERSON
    Nasrallah    Nasrallah    PROPN NNP   2 nsubj     I-PERSON
    condemned    condemn      VERB  VBD   2 ROOT      O
    the          the          DET   DT    4 det       O
    raid         raid         NOUN  NN    2 dobj      O
    ,            ,            PUNCT ,     2 punct     O
    calling      call         VERB  VBG   2 advcl     O
    it           it           PRON  PRP   6 dobj      O
    "            "            PUNCT ``    6 punct     O
    a            a            DET   DT   10 det       O
    crime        crime        NOUN  NN    6 dobj      O
    against      against      ADP   IN   10 prep      O
    our          our          PRON  PRP$ 13 poss      O
    people       people       NOUN  NNS  11 pobj      O
    "            "            PUNCT ''   10 punct     O
    and          and          CCONJ CC   10 cc        O
    a            a            DET   DT   17 det       O
    provocation  provocation  NOUN  NN   10 conj      O
    .            .            PUNCT .     2 punct     O
    """,
    "full",
)


def claims_of(hand: HandDoc):
    """The claims of the doc, and its actors by name (each claim's text checked against
    its offsets): what the claim and speaker rule tests ask of a hand-built parse."""
    from workbench.extract.actors import extract_actors
    from workbench.extract.claims import extract_claims
    from workbench.extract.spans import ActorIndex

    doc = hand.doc()
    actors = extract_actors(doc)
    claims = extract_claims(doc, actors, index=ActorIndex(actors))
    for claim in claims:
        assert doc.text[claim.start : claim.end] == claim.text
    return claims, {a.name: a for a in actors}


# --- issue 10, session 7: the US political dev stories' kinds, in other words (full pipeline) ---

NEGATION_SHARED_BY_A_JOINED_VERB = HandDoc(
    "The minister did not confirm or deny the report, and said the talks would go on.",
    """
    The      the      DET   DT  1  det   O
    minister minister NOUN  NN  4  nsubj O
    did      do       AUX   VBD 4  aux   O
    not      not      PART  RB  4  neg   O
    confirm  confirm  VERB  VB  4  ROOT  O
    or       or       CCONJ CC  4  cc    O
    deny     deny     VERB  VB  4  conj  O
    the      the      DET   DT  8  det   O
    report   report   NOUN  NN  6  dobj  O
    ,        ,        PUNCT ,   4  punct O
    and      and      CCONJ CC  4  cc    O
    said     say      VERB  VBD 4  conj  O
    the      the      DET   DT  13 det   O
    talks    talk     NOUN  NNS 15 nsubj O
    would    would    AUX   MD  15 aux   O
    go       go       VERB  VB  11 ccomp O
    on       on       ADP   RP  15 prt   O
    .        .        PUNCT .   4  punct O
    """,
    "full",
)


ANNOUNCED_IN_A_LETTER_TO_MEMBERS = HandDoc(
    "Senator Maria Lopez announced the new bill in a letter earlier this month to other members of the committee.",
    """
    Senator   Senator   PROPN NNP 2  compound O
    Maria     Maria     PROPN NNP 2  compound B-PERSON
    Lopez     Lopez     PROPN NNP 3  nsubj    I-PERSON
    announced announce  VERB  VBD 3  ROOT     O
    the       the       DET   DT  6  det      O
    new       new       ADJ   JJ  6  amod     O
    bill      bill      NOUN  NN  3  dobj     O
    in        in        ADP   IN  3  prep     O
    a         a         DET   DT  9  det      O
    letter    letter    NOUN  NN  7  pobj     O
    earlier   early     ADV   RBR 12 advmod   B-DATE
    this      this      DET   DT  12 det      I-DATE
    month     month     NOUN  NN  3  npadvmod I-DATE
    to        to        ADP   IN  3  prep     O
    other     other     ADJ   JJ  15 amod     O
    members   member    NOUN  NNS 13 pobj     O
    of        of        ADP   IN  15 prep     O
    the       the       DET   DT  18 det      O
    committee committee NOUN  NN  16 pobj     O
    .         .         PUNCT .   3  punct    O
    """,
    "full",
)


REFERRED_TO_AS_QUOTED = HandDoc(
    'The governor referred to the strike as "an act of sabotage".',
    """
    The      the      DET   DT  1  det   O
    governor governor NOUN  NN  2  nsubj O
    referred refer    VERB  VBD 2  ROOT  O
    to       to       ADP   IN  2  prep  O
    the      the      DET   DT  5  det   O
    strike   strike   NOUN  NN  3  pobj  O
    as       as       ADP   IN  2  prep  O
    "        "        PUNCT ``  6  punct O
    an       an       DET   DT  9  det   O
    act      act      NOUN  NN  6  pobj  O
    of       of       ADP   IN  9  prep  O
    sabotage sabotage NOUN  NN  10 pobj  O
    "        "        PUNCT ''  2  punct O
    .        .        PUNCT .   2  punct O
    """,
    "full",
)


CLAUSE_TAKEN_FOR_OBJECT = HandDoc(
    "Two unions filed a petition claiming the closure of the plant is illegal and broke their contract.",
    """
    Two      two      NUM   CD   1  nummod B-CARDINAL
    unions   union    NOUN  NNS  2  nsubj  O
    filed    file     VERB  VBD  2  ROOT   O
    a        a        DET   DT   4  det    O
    petition petition NOUN  NN   2  dobj   O
    claiming claim    VERB  VBG  4  acl    O
    the      the      DET   DT   7  det    O
    closure  closure  NOUN  NN   5  dobj   O
    of       of       ADP   IN   7  prep   O
    the      the      DET   DT   10 det    O
    plant    plant    NOUN  NN   8  pobj   O
    is       be       AUX   VBZ  2  conj   O
    illegal  illegal  ADJ   JJ   11 acomp  O
    and      and      CCONJ CC   11 cc     O
    broke    break    VERB  VBD  11 conj   O
    their    their    PRON  PRP$ 16 poss   O
    contract contract NOUN  NN   14 dobj   O
    .        .        PUNCT .    2  punct  O
    """,
    "full",
)


ASIDE_OF_A_DOCUMENT = HandDoc(
    "Since no budget was passed, reads the complaint, the spending order breaks the law.",
    """
    Since     since     SCONJ IN  4  mark      O
    no        no        DET   DT  2  det       O
    budget    budget    NOUN  NN  4  nsubjpass O
    was       be        AUX   VBD 4  auxpass   O
    passed    pass      VERB  VBN 6  advcl     O
    ,         ,         PUNCT ,   6  punct     O
    reads     read      VERB  VBZ 13 ccomp     O
    the       the       DET   DT  8  det       O
    complaint complaint NOUN  NN  6  dobj      O
    ,         ,         PUNCT ,   13 punct     O
    the       the       DET   DT  12 det       O
    spending  spending  NOUN  NN  12 compound  O
    order     order     NOUN  NN  13 nsubj     O
    breaks    break     VERB  VBZ 13 ROOT      O
    the       the       DET   DT  15 det       O
    law       law       NOUN  NN  13 dobj      O
    .         .         PUNCT .   13 punct     O
    """,
    "full",
)


THE_HEAD_OF_A_NAME = HandDoc(
    "The Ministry of Health reported new cases on Monday. The ministry said the outbreak was under control.",
    """
    The      the      DET   DT  1  det   B-ORG
    Ministry Ministry PROPN NNP 4  nsubj I-ORG
    of       of       ADP   IN  1  prep  I-ORG
    Health   Health   PROPN NNP 2  pobj  I-ORG
    reported report   VERB  VBD 4  ROOT  O
    new      new      ADJ   JJ  6  amod  O
    cases    case     NOUN  NNS 4  dobj  O
    on       on       ADP   IN  4  prep  O
    Monday   Monday   PROPN NNP 7  pobj  B-DATE
    .        .        PUNCT .   4  punct O
    The      the      DET   DT  11 det   O
    ministry ministry NOUN  NN  12 nsubj O
    said     say      VERB  VBD 12 ROOT  O
    the      the      DET   DT  14 det   O
    outbreak outbreak NOUN  NN  15 nsubj O
    was      be       AUX   VBD 12 ccomp O
    under    under    ADP   IN  15 prep  O
    control  control  NOUN  NN  16 pobj  O
    .        .        PUNCT .   12 punct O
    """,
    "full",
)


VOWED_TO_WITH_QUOTED_WORDS = HandDoc(
    'The senator vowed to keep pushing "the reform bill" through the committee.',
    """
    The       the       DET   DT  1  det      O
    senator   senator   NOUN  NN  2  nsubj    O
    vowed     vow       VERB  VBD 2  ROOT     O
    to        to        PART  TO  4  aux      O
    keep      keep      VERB  VB  2  xcomp    O
    pushing   push      VERB  VBG 4  xcomp    O
    "         "         PUNCT ``  5  punct    O
    the       the       DET   DT  9  det      O
    reform    reform    NOUN  NN  9  compound O
    bill      bill      NOUN  NN  5  dobj     O
    "         "         PUNCT ''  9  punct    O
    through   through   ADP   IN  5  prep     O
    the       the       DET   DT  13 det      O
    committee committee NOUN  NN  11 pobj     O
    .         .         PUNCT .   2  punct    O
    """,
    "full",
)


TWO_PROMISES_JOINED = HandDoc(
    "He vowed to keep fighting and promised to appeal.",
    """
    He       he       PRON  PRP 1 nsubj O
    vowed    vow      VERB  VBD 1 ROOT  O
    to       to       PART  TO  3 aux   O
    keep     keep     VERB  VB  1 xcomp O
    fighting fight    VERB  VBG 3 xcomp O
    and      and      CCONJ CC  3 cc    O
    promised promise  VERB  VBD 3 conj  O
    to       to       PART  TO  8 aux   O
    appeal   appeal   VERB  VB  6 xcomp O
    .        .        PUNCT .   1 punct O
    """,
    "full",
)


SOME_MEMBERS_OF_A_PARTY = HandDoc(
    "Mike Lee met Republicans on Monday. Several Republicans said the vote was rushed.",
    """
    Mike        Mike        PROPN NNP  1  compound  B-PERSON
    Lee         Lee         PROPN NNP  2  nsubj     I-PERSON
    met         meet        VERB  VBD  2  ROOT      O
    Republicans Republicans PROPN NNPS 2  dobj      B-NORP
    on          on          ADP   IN   2  prep      O
    Monday      Monday      PROPN NNP  4  pobj      B-DATE
    .           .           PUNCT .    2  punct     O
    Several     several     ADJ   JJ   8  amod      O
    Republicans Republicans PROPN NNPS 9  nsubj     B-NORP
    said        say         VERB  VBD  9  ROOT      O
    the         the         DET   DT   11 det       O
    vote        vote        NOUN  NN   13 nsubjpass O
    was         be          AUX   VBD  13 auxpass   O
    rushed      rush        VERB  VBN  9  ccomp     O
    .           .           PUNCT .    9  punct     O
    """,
    "full",
)


MAINTAINED_CLAUSE_JOINED_TO_THE_VERB = HandDoc(
    "Committee chairman Mark Green of Texas has repeatedly maintained a formal review is what the panel is already doing.",
    """
    Committee  committee  NOUN  NN  1  compound O
    chairman   chairman   NOUN  NN  3  compound O
    Mark       Mark       PROPN NNP 3  compound B-PERSON
    Green      Green      PROPN NNP 8  nsubj    I-PERSON
    of         of         ADP   IN  3  prep     O
    Texas      Texas      PROPN NNP 4  pobj     B-GPE
    has        have       AUX   VBZ 8  aux      O
    repeatedly repeatedly ADV   RB  8  advmod   O
    maintained maintain   VERB  VBN 12 csubj    O
    a          a          DET   DT  11 det      O
    formal     formal     ADJ   JJ  11 amod     O
    review     review     NOUN  NN  8  dobj     O
    is         be         AUX   VBZ 12 ROOT     O
    what       what       PRON  WP  18 dobj     O
    the        the        DET   DT  15 det      O
    panel      panel      NOUN  NN  18 nsubj    O
    is         be         AUX   VBZ 18 aux      O
    already    already    ADV   RB  18 advmod   O
    doing      do         VERB  VBG 12 ccomp    O
    .          .          PUNCT .   12 punct    O
    """,
    "full",
)


ANOTHER_SPEAKER_IN_A_WHILE_CLAUSE = HandDoc(
    'Senator Susan Collins told CNN Romney "was a good man," while Democrat Joe Manchin noted his "courage and honesty" on Twitter.',
    """
    Senator  Senator  PROPN NNP  2  compound O
    Susan    Susan    PROPN NNP  2  compound B-PERSON
    Collins  Collins  PROPN NNP  3  nsubj    I-PERSON
    told     tell     VERB  VBD  3  ROOT     O
    CNN      CNN      PROPN NNP  5  compound B-ORG
    Romney   Romney   PROPN NNP  3  dobj     B-PRODUCT
    "        "        PUNCT ``   7  punct    O
    was      be       AUX   VBD  3  ccomp    O
    a        a        DET   DT   10 det      O
    good     good     ADJ   JJ   10 amod     O
    man      man      NOUN  NN   7  attr     O
    ,        ,        PUNCT ,    7  punct    O
    "        "        PUNCT ''   7  punct    O
    while    while    SCONJ IN   17 mark     O
    Democrat Democrat PROPN NNP  16 compound B-NORP
    Joe      Joe      PROPN NNP  16 compound B-PERSON
    Manchin  Manchin  PROPN NNP  17 nsubj    I-PERSON
    noted    note     VERB  VBD  7  advcl    O
    his      his      PRON  PRP$ 20 poss     O
    "        "        PUNCT ``   20 punct    O
    courage  courage  NOUN  NN   17 dobj     O
    and      and      CCONJ CC   20 cc       O
    honesty  honesty  NOUN  NN   20 conj     O
    "        "        PUNCT ''   20 punct    O
    on       on       ADP   IN   20 prep     O
    Twitter  Twitter  PROPN NNP  24 pobj     B-MEDIA
    .        .        PUNCT .    3  punct    O
    """,
    "full",
    kb_ids={"Twitter": "Twitter"},
)


ANNOUNCED_BY_TELEVISION = HandDoc(
    "The governor announced the plan by television on Sunday.",
    """
    The        the        DET   DT  1 det   O
    governor   governor   NOUN  NN  2 nsubj O
    announced  announce   VERB  VBD 2 ROOT  O
    the        the        DET   DT  4 det   O
    plan       plan       NOUN  NN  2 dobj  O
    by         by         ADP   IN  4 prep  O
    television television NOUN  NN  5 pobj  O
    on         on         ADP   IN  2 prep  O
    Sunday     Sunday     PROPN NNP 7 pobj  B-DATE
    .          .          PUNCT .   2 punct O
    """,
    "full",
)


CLAUSE_BESIDE_AN_OBJECT_VERB = HandDoc(
    "The town's police chief, Omar Haddad, announced on Twitter on Monday there were arrests in the case.",
    """
    The       the      DET   DT  1  det      O
    town      town     NOUN  NN  4  poss     O
    's        's       PART  POS 1  case     O
    police    police   NOUN  NN  4  compound O
    chief     chief    NOUN  NN  9  nsubj    O
    ,         ,        PUNCT ,   4  punct    O
    Omar      Omar     PROPN NNP 7  compound B-PERSON
    Haddad    Haddad   PROPN NNP 4  appos    I-PERSON
    ,         ,        PUNCT ,   4  punct    O
    announced announce VERB  VBD 9  ROOT     O
    on        on       ADP   IN  9  prep     O
    Twitter   Twitter  PROPN NNP 10 pobj     B-MEDIA
    on        on       ADP   IN  15 prep     O
    Monday    Monday   PROPN NNP 12 pobj     B-DATE
    there     there    PRON  EX  15 expl     O
    were      be       VERB  VBD 9  advcl    O
    arrests   arrest   NOUN  NNS 15 attr     O
    in        in       ADP   IN  16 prep     O
    the       the      DET   DT  19 det      O
    case      case     NOUN  NN  17 pobj     O
    .         .        PUNCT .   9  punct    O
    """,
    "full",
    kb_ids={"Twitter": "Twitter"},
)


# Changed on purpose: the model parses this sentence around "chief" as its root; on a dev
# sentence of this shape it took "announced" for a past participle (VBN) on "chief", the
# subject of "were", which it made the root. The table copies that parse.
ANNOUNCED_TAKEN_FOR_A_MODIFIER = HandDoc(
    "The town's security chief, Salem al-Hakimi, announced on Facebook on Tuesday there were suspects in custody.",
    """
    The       the      DET   DT   1  det      O
    town      town     NOUN  NN   4  poss     O
    's        's       PART  POS  1  case     O
    security  security NOUN  NN   4  compound O
    chief     chief    NOUN  NN   17 nsubj    O
    ,         ,        PUNCT ,    4  punct    O
    Salem     Salem    PROPN NNP  9  compound B-PERSON
    al        al       PROPN NNP  9  compound I-PERSON
    -         -        PUNCT HYPH 9  punct    I-PERSON
    Hakimi    Hakimi   PROPN NNP  4  appos    I-PERSON
    ,         ,        PUNCT ,    4  punct    O
    announced announce VERB  VBN  4  acl      O
    on        on       ADP   IN   11 prep     O
    Facebook  Facebook PROPN NNP  12 pobj     B-MEDIA
    on        on       ADP   IN   11 prep     O
    Tuesday   Tuesday  PROPN NNP  14 pobj     B-DATE
    there     there    PRON  EX   17 expl     O
    were      be       VERB  VBD  17 ROOT     O
    suspects  suspect  NOUN  NNS  17 attr     O
    in        in       ADP   IN   18 prep     O
    custody   custody  NOUN  NN   19 pobj     O
    .         .        PUNCT .    17 punct    O
    """,
    "full",
    kb_ids={"Facebook": "Facebook"},
    as_parsed=False,
)


JOINT_CLAIM_OF_TWO_NAMED = HandDoc(
    "Both France and Germany have claimed the deal was signed too early.",
    """
    Both    both    DET   DT  1  det       O
    France  France  PROPN NNP 5  nsubj     B-GPE
    and     and     CCONJ CC  1  cc        O
    Germany Germany PROPN NNP 1  conj      B-GPE
    have    have    AUX   VBP 5  aux       O
    claimed claim   VERB  VBN 5  ROOT      O
    the     the     DET   DT  7  det       O
    deal    deal    NOUN  NN  9  nsubjpass O
    was     be      AUX   VBD 9  auxpass   O
    signed  sign    VERB  VBN 5  ccomp     O
    too     too     ADV   RB  11 advmod    O
    early   early   ADV   RB  9  advmod    O
    .       .       PUNCT .   5  punct     O
    """,
    "full",
)


JOINT_CLAIM_WITH_OTHERS = HandDoc(
    "Mayor Karen Bass and others in the council warned the budget could collapse.",
    """
    Mayor    Mayor    PROPN NNP 2  compound O
    Karen    Karen    PROPN NNP 2  compound B-PERSON
    Bass     Bass     PROPN NNP 8  nsubj    I-PERSON
    and      and      CCONJ CC  2  cc       O
    others   other    NOUN  NNS 2  conj     O
    in       in       ADP   IN  4  prep     O
    the      the      DET   DT  7  det      O
    council  council  NOUN  NN  5  pobj     O
    warned   warn     VERB  VBD 8  ROOT     O
    the      the      DET   DT  10 det      O
    budget   budget   NOUN  NN  12 nsubj    O
    could    could    AUX   MD  12 aux      O
    collapse collapse VERB  VB  8  ccomp    O
    .        .        PUNCT .   8  punct    O
    """,
    "full",
)


CLAIMED_WITH_AN_ASIDE_BEFORE_THE_VERB = HandDoc(
    "Analysts have claimed Russia, in particular, among other foreign powers, is quietly funding the campaign.",
    """
    Analysts   analyst    NOUN  NNS 2  nsubj  O
    have       have       AUX   VBP 2  aux    O
    claimed    claim      VERB  VBN 2  ROOT   O
    Russia     Russia     PROPN NNP 2  dobj   B-GPE
    ,          ,          PUNCT ,   2  punct  O
    in         in         ADP   IN  2  prep   O
    particular particular ADJ   JJ  5  amod   O
    ,          ,          PUNCT ,   2  punct  O
    among      among      ADP   IN  2  prep   O
    other      other      ADJ   JJ  11 amod   O
    foreign    foreign    ADJ   JJ  11 amod   O
    powers     power      NOUN  NNS 8  pobj   O
    ,          ,          PUNCT ,   2  punct  O
    is         be         AUX   VBZ 15 aux    O
    quietly    quietly    ADV   RB  15 advmod O
    funding    fund       VERB  VBG 2  conj   O
    the        the        DET   DT  17 det    O
    campaign   campaign   NOUN  NN  15 dobj   O
    .          .          PUNCT .   2  punct  O
    """,
    "full",
)


A_RELATIVE_NAMED_LATER = HandDoc(
    'They had, her younger sister says, left the camp at night. "It was cold," said her sister, Mona Haddad.',
    """
    They    they   PRON  PRP  1  nsubj     O
    had     have   AUX   VBD  8  aux       O
    ,       ,      PUNCT ,    6  punct     O
    her     her    PRON  PRP$ 5  poss      O
    younger young  ADJ   JJR  5  amod      O
    sister  sister NOUN  NN   6  nsubj     O
    says    say    VERB  VBZ  8  parataxis O
    ,       ,      PUNCT ,    6  punct     O
    left    leave  VERB  VBD  8  ROOT      O
    the     the    DET   DT   10 det       O
    camp    camp   NOUN  NN   8  dobj      O
    at      at     ADP   IN   8  prep      O
    night   night  NOUN  NN   11 pobj      B-TIME
    .       .      PUNCT .    8  punct     O
    "       "      PUNCT ``   20 punct     O
    It      it     PRON  PRP  16 nsubj     O
    was     be     AUX   VBD  20 ccomp     O
    cold    cold   ADJ   JJ   16 acomp     O
    ,       ,      PUNCT ,    20 punct     O
    "       "      PUNCT ''   20 punct     O
    said    say    VERB  VBD  20 ROOT      O
    her     her    PRON  PRP$ 22 poss      O
    sister  sister NOUN  NN   20 nsubj     O
    ,       ,      PUNCT ,    22 punct     O
    Mona    Mona   PROPN NNP  25 compound  B-PERSON
    Haddad  Haddad PROPN NNP  22 appos     I-PERSON
    .       .      PUNCT .    20 punct     O
    """,
    "full",
)


PURPOSE_CLAUSE_TAKEN_FOR_A_COMPLEMENT = HandDoc(
    "Voters rejected the state of emergency Governor Tom Hill declared last Friday so he could build a dam on the river.",
    """
    Voters    voter     NOUN  NNS 1  nsubj    O
    rejected  reject    VERB  VBD 1  ROOT     O
    the       the       DET   DT  3  det      O
    state     state     NOUN  NN  1  dobj     O
    of        of        ADP   IN  3  prep     O
    emergency emergency NOUN  NN  4  pobj     O
    Governor  Governor  PROPN NNP 8  compound O
    Tom       Tom       PROPN NNP 8  compound B-PERSON
    Hill      Hill      PROPN NNP 9  nsubj    I-PERSON
    declared  declare   VERB  VBD 1  conj     O
    last      last      ADJ   JJ  11 amod     B-DATE
    Friday    Friday    PROPN NNP 9  npadvmod I-DATE
    so        so        SCONJ IN  15 mark     O
    he        he        PRON  PRP 15 nsubj    O
    could     could     AUX   MD  15 aux      O
    build     build     VERB  VB  9  ccomp    O
    a         a         DET   DT  17 det      O
    dam       dam       NOUN  NN  15 dobj     O
    on        on        ADP   IN  17 prep     O
    the       the       DET   DT  20 det      O
    river     river     NOUN  NN  18 pobj     O
    .         .         PUNCT .   9  punct    O
    """,
    "full",
)


# --- issue 10, session 8: content edges and speakers of the new dev stories, in other words (full pipeline) ---

GOING_ON_BEFORE_A_REFERS_TO = HandDoc(
    'Senator Maria Lopez continued, "We will send the bill to the Capitol." The Capitol refers to the seat of Congress.',
    """
    Senator   Senator  PROPN NNP 2  compound O
    Maria     Maria    PROPN NNP 2  compound B-PERSON
    Lopez     Lopez    PROPN NNP 3  nsubj    I-PERSON
    continued continue VERB  VBD 3  ROOT     O
    ,         ,        PUNCT ,   3  punct    O
    "         "        PUNCT ``  3  punct    O
    We        we       PRON  PRP 8  nsubj    O
    will      will     AUX   MD  8  aux      O
    send      send     VERB  VB  3  ccomp    O
    the       the      DET   DT  10 det      O
    bill      bill     NOUN  NN  8  dobj     O
    to        to       ADP   IN  8  dative   O
    the       the      DET   DT  13 det      O
    Capitol   Capitol  PROPN NNP 11 pobj     B-FAC
    .         .        PUNCT .   3  punct    O
    "         "        PUNCT ''  3  punct    O
    The       the      DET   DT  17 det      O
    Capitol   Capitol  PROPN NNP 18 nsubj    B-ORG
    refers    refer    VERB  VBZ 18 ROOT     O
    to        to       ADP   IN  18 prep     O
    the       the      DET   DT  21 det      O
    seat      seat     NOUN  NN  19 pobj     O
    of        of       ADP   IN  21 prep     O
    Congress  Congress PROPN NNP 22 pobj     B-ORG
    .         .        PUNCT .   18 punct    O
    """,
    "full",
)

CONTINUED_TO_ACT = HandDoc(
    "The army continued to shell the town.",
    """
    The       the      DET   DT  1 det   O
    army      army     NOUN  NN  2 nsubj O
    continued continue VERB  VBD 2 ROOT  O
    to        to       PART  TO  4 aux   O
    shell     shell    VERB  VB  2 xcomp O
    the       the      DET   DT  6 det   O
    town      town     NOUN  NN  4 dobj  O
    .         .        PUNCT .   2 punct O
    """,
    "full",
)

BARE_FORCE_NOUN_AFTER_ITS_NAME = HandDoc(
    "Essex Police searched the house on Monday. The suspect had fled abroad, police said on Tuesday.",
    """
    Essex    Essex   PROPN NNP 1  compound B-ORG
    Police   Police  PROPN NNP 2  nsubj    I-ORG
    searched search  VERB  VBD 2  ROOT     O
    the      the     DET   DT  4  det      O
    house    house   NOUN  NN  2  dobj     O
    on       on      ADP   IN  2  prep     O
    Monday   Monday  PROPN NNP 5  pobj     B-DATE
    .        .       PUNCT .   2  punct    O
    The      the     DET   DT  9  det      O
    suspect  suspect NOUN  NN  11 nsubj    O
    had      have    AUX   VBD 11 aux      O
    fled     flee    VERB  VBN 15 ccomp    O
    abroad   abroad  ADV   RB  11 advmod   O
    ,        ,       PUNCT ,   15 punct    O
    police   police  NOUN  NNS 15 nsubj    O
    said     say     VERB  VBD 15 ROOT     O
    on       on      ADP   IN  15 prep     O
    Tuesday  Tuesday PROPN NNP 16 pobj     B-DATE
    .        .       PUNCT .   15 punct    O
    """,
    "full",
)

LEADING_CONCESSION_BEFORE_ITS_SOURCE = HandDoc(
    "Despite the warnings, the ferry sailed at night, the coastguard said.",
    """
    Despite    despite    SCONJ IN  6  prep  O
    the        the        DET   DT  2  det   O
    warnings   warning    NOUN  NNS 0  pobj  O
    ,          ,          PUNCT ,   6  punct O
    the        the        DET   DT  5  det   O
    ferry      ferry      NOUN  NN  6  nsubj O
    sailed     sail       VERB  VBD 12 ccomp O
    at         at         ADP   IN  6  prep  O
    night      night      NOUN  NN  7  pobj  B-TIME
    ,          ,          PUNCT ,   12 punct O
    the        the        DET   DT  11 det   O
    coastguard coastguard NOUN  NN  12 nsubj O
    said       say        VERB  VBD 12 ROOT  O
    .          .          PUNCT .   12 punct O
    """,
    "full",
)

TRAILING_CONCESSION_WITH_A_CLAUSE = HandDoc(
    "The mayor claimed she had balanced the budget despite auditors finding a large deficit.",
    """
    The      the     DET   DT  1  det   O
    mayor    mayor   NOUN  NN  2  nsubj O
    claimed  claim   VERB  VBD 2  ROOT  O
    she      she     PRON  PRP 5  nsubj O
    had      have    AUX   VBD 5  aux   O
    balanced balance VERB  VBN 2  ccomp O
    the      the     DET   DT  7  det   O
    budget   budget  NOUN  NN  5  dobj  O
    despite  despite SCONJ IN  5  prep  O
    auditors auditor NOUN  NNS 8  pobj  O
    finding  find    VERB  VBG 9  acl   O
    a        a       DET   DT  13 det   O
    large    large   ADJ   JJ  13 amod  O
    deficit  deficit NOUN  NN  10 dobj  O
    .        .       PUNCT .   2  punct O
    """,
    "full",
)

TENSED_ACT_JOINED_TO_AN_URGED_INFINITIVE = HandDoc(
    "The senator urged the regulator to act and flew to Boston for talks.",
    """
    The       the       DET   DT  1  det   O
    senator   senator   NOUN  NN  2  nsubj O
    urged     urge      VERB  VBD 2  ROOT  O
    the       the       DET   DT  4  det   O
    regulator regulator NOUN  NN  2  dobj  O
    to        to        PART  TO  6  aux   O
    act       act       VERB  VB  2  xcomp O
    and       and       CCONJ CC  6  cc    O
    flew      fly       VERB  VBD 6  conj  O
    to        to        ADP   IN  8  prep  O
    Boston    Boston    PROPN NNP 9  pobj  B-GPE
    for       for       ADP   IN  8  prep  O
    talks     talk      NOUN  NNS 11 pobj  O
    .         .         PUNCT .   2  punct O
    """,
    "full",
)

JOINT_CLAIM_OF_A_PRONOUN_AND_A_NAME = HandDoc(
    "Both she and Governor Tom Reed urged the road be closed.",
    """
    Both     both     PRON  DT  1  preconj  O
    she      she      PRON  PRP 6  nsubj    O
    and      and      CCONJ CC  1  cc       O
    Governor Governor PROPN NNP 5  compound O
    Tom      Tom      PROPN NNP 5  compound B-PERSON
    Reed     Reed     PROPN NNP 1  conj     I-PERSON
    urged    urge     VERB  VBD 6  ROOT     O
    the      the      DET   DT  8  det      O
    road     road     NOUN  NN  6  dobj     O
    be       be       AUX   VB  10 auxpass  O
    closed   close    VERB  VBN 6  ccomp    O
    .        .        PUNCT .   6  punct    O
    """,
    "full",
)
DATELINE_TAKEN_FOR_A_SUBJECT = HandDoc(
    "BAMAKO: Mali's ruling junta said elections would be delayed.",
    """
    BAMAKO    BAMAKO   PROPN NNP 6  nsubj     B-GPE
    :         :        PUNCT :   0  punct     O
    Mali      Mali     PROPN NNP 5  poss      B-PERSON
    's        's       PART  POS 2  case      O
    ruling    rule     VERB  VBG 5  amod      O
    junta     junta    NOUN  NN  6  nsubj     O
    said      say      VERB  VBD 6  ROOT      O
    elections election NOUN  NNS 10 nsubjpass O
    would     would    AUX   MD  10 aux       O
    be        be       AUX   VB  10 auxpass   O
    delayed   delay    VERB  VBN 6  ccomp     O
    .         .        PUNCT .   6  punct     O
    """,
    "full",
)

DATELINE_INSIDE_THE_SPEAKER_PHRASE = HandDoc(
    "ADDIS ABABA - Ethiopia's election board said the count was over.",
    """
    ADDIS    ADDIS    PROPN NNP  7  dep      B-ORG
    ABABA    ABABA    PROPN NNP  3  compound I-ORG
    -        -        PUNCT HYPH 3  punct    I-ORG
    Ethiopia Ethiopia PROPN NNP  6  poss     I-ORG
    's       's       PART  POS  3  case     I-ORG
    election election NOUN  NN   6  compound O
    board    board    NOUN  NN   7  nsubj    O
    said     say      VERB  VBD  7  ROOT     O
    the      the      DET   DT   9  det      O
    count    count    NOUN  NN   10 nsubj    O
    was      be       AUX   VBD  7  ccomp    O
    over     over     ADV   RB   10 advmod   O
    .        .        PUNCT .    7  punct    O
    """,
    "full",
)

MEANS_TIMES_AND_OCCASION_OF_ANNOUNCING = HandDoc(
    "The senator announced the bill by video on Monday and again in a speech on Thursday.",
    """
    The       the      DET   DT  1  det   O
    senator   senator  NOUN  NN  2  nsubj O
    announced announce VERB  VBD 2  ROOT  O
    the       the      DET   DT  4  det   O
    bill      bill     NOUN  NN  2  dobj  O
    by        by       ADP   IN  2  prep  O
    video     video    NOUN  NN  5  pobj  O
    on        on       ADP   IN  2  prep  O
    Monday    Monday   PROPN NNP 7  pobj  B-DATE
    and       and      CCONJ CC  7  cc    O
    again     again    ADV   RB  7  conj  O
    in        in       ADP   IN  2  prep  O
    a         a        DET   DT  13 det   O
    speech    speech   NOUN  NN  11 pobj  O
    on        on       ADP   IN  13 prep  O
    Thursday  Thursday PROPN NNP 14 pobj  B-DATE
    .         .        PUNCT .   2  punct O
    """,
    "full",
)

ANNOUNCED_AT_A_RALLY = HandDoc(
    "The governor announced the budget at a rally in Dayton on Saturday.",
    """
    The       the      DET   DT  1  det   O
    governor  governor NOUN  NN  2  nsubj O
    announced announce VERB  VBD 2  ROOT  O
    the       the      DET   DT  4  det   O
    budget    budget   NOUN  NN  2  dobj  O
    at        at       ADP   IN  2  prep  O
    a         a        DET   DT  7  det   O
    rally     rally    NOUN  NN  5  pobj  O
    in        in       ADP   IN  7  prep  O
    Dayton    Dayton   PROPN NNP 8  pobj  B-ORG
    on        on       ADP   IN  2  prep  O
    Saturday  Saturday PROPN NNP 10 pobj  B-DATE
    .         .        PUNCT .   2  punct O
    """,
    "full",
)

ACCORDING_TO_AFTER_A_COLON = HandDoc(
    "The cuts would hit several programs: probably, according to Reuters, $2 billion from housing, $1 billion from schools, and $500 million from parks.",
    """
    The       the      DET   DT  1  det      O
    cuts      cut      NOUN  NNS 3  nsubj    O
    would     would    AUX   MD  3  aux      O
    hit       hit      VERB  VB  3  ROOT     O
    several   several  ADJ   JJ  5  amod     O
    programs  program  NOUN  NNS 3  dobj     O
    :         :        PUNCT :   3  punct    O
    probably  probably ADV   RB  9  advmod   O
    ,         ,        PUNCT ,   9  punct    O
    according accord   VERB  VBG 3  prep     O
    to        to       ADP   IN  9  prep     O
    Reuters   Reuters  PROPN NNP 10 pobj     B-MEDIA
    ,         ,        PUNCT ,   11 punct    O
    $         $        SYM   $   15 quantmod B-MONEY
    2         2        NUM   CD  15 compound I-MONEY
    billion   billion  NUM   CD  11 appos    I-MONEY
    from      from     ADP   IN  15 prep     O
    housing   housing  NOUN  NN  16 pobj     O
    ,         ,        PUNCT ,   11 punct    O
    $         $        SYM   $   21 quantmod B-MONEY
    1         1        NUM   CD  21 compound I-MONEY
    billion   billion  NUM   CD  11 appos    I-MONEY
    from      from     ADP   IN  21 prep     O
    schools   school   NOUN  NNS 22 pobj     O
    ,         ,        PUNCT ,   11 punct    O
    and       and      CCONJ CC  11 cc       O
    $         $        SYM   $   28 quantmod B-MONEY
    500       500      NUM   CD  28 compound I-MONEY
    million   million  NUM   CD  11 conj     I-MONEY
    from      from     ADP   IN  28 prep     O
    parks     park     NOUN  NNS 29 pobj     O
    .         .        PUNCT .   3  punct    O
    """,
    "full",
    kb_ids={"Reuters": "Reuters"},
)

QUOTED_PREDICATE_PARSED_AS_AN_ADJECTIVE = HandDoc(
    'The union called the contracts "fair and fully consistent with labor law".',
    """
    The        the        DET   DT  1  det      O
    union      union      NOUN  NN  2  nsubj    O
    called     call       VERB  VBD 2  ROOT     O
    the        the        DET   DT  4  det      O
    contracts  contract   NOUN  NNS 2  dobj     O
    "          "          PUNCT ``  4  punct    O
    fair       fair       ADJ   JJ  4  amod     O
    and        and        CCONJ CC  6  cc       O
    fully      fully      ADV   RB  9  advmod   O
    consistent consistent ADJ   JJ  6  conj     O
    with       with       ADP   IN  2  prep     O
    labor      labor      NOUN  NN  12 compound O
    law        law        NOUN  NN  10 pobj     O
    "          "          PUNCT ''  2  punct    O
    .          .          PUNCT .   2  punct    O
    """,
    "full",
)

SUBJECT_GLUED_TO_THE_OUTLET_TOLD = HandDoc(
    'Senator Amy Klobuchar told CNN Ramirez "was a fine public servant," and left the studio.',
    """
    Senator   Senator   PROPN NNP 2  compound O
    Amy       Amy       PROPN NNP 2  compound B-PERSON
    Klobuchar Klobuchar PROPN NNP 3  nsubj    I-PERSON
    told      tell      VERB  VBD 3  ROOT     O
    CNN       CNN       PROPN NNP 5  compound B-PERSON
    Ramirez   Ramirez   PROPN NNP 3  dobj     I-PERSON
    "         "         PUNCT ``  7  punct    O
    was       be        AUX   VBD 3  ccomp    O
    a         a         DET   DT  11 det      O
    fine      fine      ADJ   JJ  11 amod     O
    public    public    ADJ   JJ  11 amod     O
    servant   servant   NOUN  NN  7  attr     O
    ,         ,         PUNCT ,   7  punct    O
    "         "         PUNCT ''  3  punct    O
    and       and       CCONJ CC  3  cc       O
    left      leave     VERB  VBD 3  conj     O
    the       the       DET   DT  17 det      O
    studio    studio    NOUN  NN  15 dobj     O
    .         .         PUNCT .   3  punct    O
    """,
    "full",
)

ADVISED_IN_A_TRAVEL_ALERT = HandDoc(
    "The embassy advised citizens to leave the city immediately in its March 4 travel alert.",
    """
    The         the         DET   DT   1  det      O
    embassy     embassy     NOUN  NN   2  nsubj    O
    advised     advise      VERB  VBD  2  ROOT     O
    citizens    citizen     NOUN  NNS  2  dobj     O
    to          to          PART  TO   5  aux      O
    leave       leave       VERB  VB   2  xcomp    O
    the         the         DET   DT   7  det      O
    city        city        NOUN  NN   5  dobj     O
    immediately immediately ADV   RB   5  advmod   O
    in          in          ADP   IN   5  prep     O
    its         its         PRON  PRP$ 14 poss     O
    March       March       PROPN NNP  14 nmod     B-DATE
    4           4           NUM   CD   11 nummod   I-DATE
    travel      travel      NOUN  NN   14 compound O
    alert       alert       NOUN  NN   9  pobj     O
    .           .           PUNCT .    2  punct    O
    """,
    "full",
)

SAID_EARLIER_BEFORE_THE_SUBJECT = HandDoc(
    "The mayor also said earlier she might close the bridge.",
    """
    The     the    DET   DT  1 det    O
    mayor   mayor  NOUN  NN  3 nsubj  O
    also    also   ADV   RB  3 advmod O
    said    say    VERB  VBD 3 ROOT   O
    earlier early  ADV   RBR 7 advmod O
    she     she    PRON  PRP 7 nsubj  O
    might   might  AUX   MD  7 aux    O
    close   close  VERB  VB  3 ccomp  O
    the     the    DET   DT  9 det    O
    bridge  bridge NOUN  NN  7 dobj   O
    .       .      PUNCT .   3 punct  O
    """,
    "full",
)

A_SECOND_THAT_CLAUSE_JOINED_TO_THE_VERB = HandDoc(
    "On Friday, the club announced it had asked for the manager's resignation Thursday night, and that he offered it the next morning.",
    """
    On          on          ADP   IN  5  prep     O
    Friday      Friday      PROPN NNP 0  pobj     B-DATE
    ,           ,           PUNCT ,   5  punct    O
    the         the         DET   DT  4  det      O
    club        club        NOUN  NN  5  nsubj    O
    announced   announce    VERB  VBD 5  ROOT     O
    it          it          PRON  PRP 8  nsubj    O
    had         have        AUX   VBD 8  aux      O
    asked       ask         VERB  VBN 5  ccomp    O
    for         for         ADP   IN  8  prep     O
    the         the         DET   DT  11 det      O
    manager     manager     NOUN  NN  13 poss     O
    's          's          PART  POS 11 case     O
    resignation resignation NOUN  NN  9  pobj     O
    Thursday    Thursday    PROPN NNP 15 compound B-DATE
    night       night       NOUN  NN  13 npadvmod B-TIME
    ,           ,           PUNCT ,   5  punct    O
    and         and         CCONJ CC  5  cc       O
    that        that        SCONJ IN  20 mark     O
    he          he          PRON  PRP 20 nsubj    O
    offered     offer       VERB  VBD 5  conj     O
    it          it          PRON  PRP 20 dobj     O
    the         the         DET   DT  24 det      B-TIME
    next        next        ADJ   JJ  24 amod     I-TIME
    morning     morning     NOUN  NN  20 npadvmod I-TIME
    .           .           PUNCT .   5  punct    O
    """,
    "full",
)

EXAMPLES_OF_PLURAL_SPEAKERS_AFTER_THE_CONTENT = HandDoc(
    "Several Democrats have urged her to drop the bill, such as Senator Tom Udall.",
    """
    Several   several   ADJ   JJ   1  amod     O
    Democrats Democrats PROPN NNPS 3  nsubj    B-NORP
    have      have      AUX   VBP  3  aux      O
    urged     urge      VERB  VBN  3  ROOT     O
    her       she       PRON  PRP  3  dobj     O
    to        to        PART  TO   6  aux      O
    drop      drop      VERB  VB   3  xcomp    O
    the       the       DET   DT   8  det      O
    bill      bill      NOUN  NN   6  dobj     O
    ,         ,         PUNCT ,    8  punct    O
    such      such      ADJ   JJ   11 amod     O
    as        as        ADP   IN   8  prep     O
    Senator   Senator   PROPN NNP  14 compound O
    Tom       Tom       PROPN NNP  14 compound B-PERSON
    Udall     Udall     PROPN NNP  11 pobj     I-PERSON
    .         .         PUNCT .    3  punct    O
    """,
    "full",
)
