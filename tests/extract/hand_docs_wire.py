"""Hand-built parses for the wire-report credit rules (issue 10, session 8): "X said
<content>, <Outlet> reported", "in a statement carried by <Outlet>". Built as
`hand_docs.py` builds its docs (the small English model's parse after our pipeline);
`test_claims_carried.py` checks that they are still the model's parse."""

from __future__ import annotations

from hand_docs import HandDoc

SAID_THEN_OUTLET_REPORTED = HandDoc(
    "The coalition said its jets had destroyed a weapons depot near Marib, Al Arabiya reported.",
    """
    The       the       DET   DT   1  det      O
    coalition coalition NOUN  NN   2  nsubj    O
    said      say       VERB  VBD  2  ROOT     O
    its       its       PRON  PRP$ 4  poss     O
    jets      jet       NOUN  NNS  6  nsubj    O
    had       have      AUX   VBD  6  aux      O
    destroyed destroy   VERB  VBN  15 ccomp    O
    a         a         DET   DT   9  det      O
    weapons   weapon    NOUN  NNS  9  compound O
    depot     depot     NOUN  NN   6  dobj     O
    near      near      ADP   IN   9  prep     O
    Marib     Marib     PROPN NNP  10 pobj     B-GPE
    ,         ,         PUNCT ,    15 punct    O
    Al        Al        PROPN NNP  14 compound B-MEDIA
    Arabiya   Arabiya   PROPN NNP  15 nsubj    I-MEDIA
    reported  report    VERB  VBD  2  ccomp    O
    .         .         PUNCT .    2  punct    O
    """,
    "full",
    kb_ids={"Al Arabiya": "Al Arabiya"},
)


SAID_THEN_STATE_TV_REPORTED = HandDoc(
    "The Iraqi army said two soldiers were killed in an ambush, state television reported.",
    """
    The        the        DET   DT  2  det       O
    Iraqi      iraqi      ADJ   JJ  2  amod      B-ORG
    army       army       NOUN  NN  3  nsubj     I-ORG
    said       say        VERB  VBD 3  ROOT      O
    two        two        NUM   CD  5  nummod    B-CARDINAL
    soldiers   soldier    NOUN  NNS 7  nsubjpass O
    were       be         AUX   VBD 7  auxpass   O
    killed     kill       VERB  VBN 14 ccomp     O
    in         in         ADP   IN  7  prep      O
    an         an         DET   DT  10 det       O
    ambush     ambush     NOUN  NN  8  pobj      O
    ,          ,          PUNCT ,   14 punct     O
    state      state      NOUN  NN  13 compound  O
    television television NOUN  NN  14 nsubj     O
    reported   report     VERB  VBD 3  ccomp     O
    .          .          PUNCT .   3  punct     O
    """,
    "full",
)


PERSON_SAID_OUTLET_REPORTED = HandDoc(
    "John Smith said the talks had failed, Reuters reported.",
    """
    John     John    PROPN NNP 1 compound B-PERSON
    Smith    Smith   PROPN NNP 2 nsubj    I-PERSON
    said     say     VERB  VBD 9 ccomp    O
    the      the     DET   DT  4 det      O
    talks    talk    NOUN  NNS 6 nsubj    O
    had      have    AUX   VBD 6 aux      O
    failed   fail    VERB  VBN 2 ccomp    O
    ,        ,       PUNCT ,   9 punct    O
    Reuters  Reuters PROPN NNP 9 nsubj    B-MEDIA
    reported report  VERB  VBD 9 ROOT     O
    .        .       PUNCT .   9 punct    O
    """,
    "full",
    kb_ids={"Reuters": "Reuters"},
)


CONTENT_THEN_CARRYING_STATEMENT = HandDoc(
    "The ministry said five soldiers died, in a statement carried by state news agency SANA.",
    """
    The       the       DET   DT  1  det      O
    ministry  ministry  NOUN  NN  2  nsubj    O
    said      say       VERB  VBD 2  ROOT     O
    five      five      NUM   CD  4  nummod   B-CARDINAL
    soldiers  soldier   NOUN  NNS 5  nsubj    O
    died      die       VERB  VBD 2  ccomp    O
    ,         ,         PUNCT ,   5  punct    O
    in        in        ADP   IN  5  prep     O
    a         a         DET   DT  9  det      O
    statement statement NOUN  NN  7  pobj     O
    carried   carry     VERB  VBN 9  acl      O
    by        by        ADP   IN  10 agent    O
    state     state     NOUN  NN  14 compound O
    news      news      NOUN  NN  14 compound O
    agency    agency    NOUN  NN  11 pobj     O
    SANA      SANA      VERB  VBD 5  advcl    B-MEDIA
    .         .         PUNCT .   2  punct    O
    """,
    "full",
    kb_ids={"SANA": "Syrian Arab News Agency"},
)


STATEMENT_CARRIED_BY_SPOKE = HandDoc(
    "A statement carried by Al Manar said two fighters were killed in the raid.",
    """
    A         a         DET   DT  1  det       O
    statement statement NOUN  NN  6  nsubj     O
    carried   carry     VERB  VBN 1  acl       O
    by        by        ADP   IN  2  agent     O
    Al        Al        PROPN NNP 5  compound  B-MEDIA
    Manar     Manar     PROPN NNP 3  pobj      I-MEDIA
    said      say       VERB  VBD 6  ROOT      O
    two       two       NUM   CD  8  nummod    B-CARDINAL
    fighters  fighter   NOUN  NNS 10 nsubjpass O
    were      be        AUX   VBD 10 auxpass   O
    killed    kill      VERB  VBN 6  ccomp     O
    in        in        ADP   IN  10 prep      O
    the       the       DET   DT  13 det       O
    raid      raid      NOUN  NN  11 pobj      O
    .         .         PUNCT .   6  punct     O
    """,
    "full",
    kb_ids={"Al Manar": "Al-Manar"},
)
