"""Hand-built parses for the claim rules of issue 10, session 9 (the kinds the second fresh
probe set failed on, in other words and names, and the new dev articles' kinds): a
participle inside "between A, claiming ..., and B"; "recalled"/"outlined" with a noun
phrase; "the premier"; "..., announced a spokesman for X, according to <Agency>"; wire
leads with joined sources; a semicolon closing what "according to" opens. Built as
`hand_docs.py` builds its docs (the small English model's parse after our pipeline);
`test_claims_session9.py` checks that they are still the model's parse."""

from __future__ import annotations

from hand_docs import HandDoc

CLAIMING_INSIDE_A_PAIR = HandDoc(
    "The envoy set up a call between Ahmed Saleh, claiming to act for the tribes, and the minister.",
    """
    The      the      DET   DT  1  det      O
    envoy    envoy    NOUN  NN  2  nsubj    O
    set      set      VERB  VBD 2  ROOT     O
    up       up       ADP   RP  2  prt      O
    a        a        DET   DT  5  det      O
    call     call     NOUN  NN  2  dobj     O
    between  between  ADP   IN  5  prep     O
    Ahmed    Ahmed    PROPN NNP 8  compound B-PERSON
    Saleh    Saleh    PROPN NNP 6  pobj     I-PERSON
    ,        ,        PUNCT ,   2  punct    O
    claiming claim    VERB  VBG 2  advcl    O
    to       to       PART  TO  12 aux      O
    act      act      VERB  VB  10 xcomp    O
    for      for      ADP   IN  12 prep     O
    the      the      DET   DT  15 det      O
    tribes   tribe    NOUN  NNS 13 pobj     O
    ,        ,        PUNCT ,   10 punct    O
    and      and      CCONJ CC  2  cc       O
    the      the      DET   DT  19 det      O
    minister minister NOUN  NN  2  conj     O
    .        .        PUNCT .   2  punct    O
    """,
    "full",
)

RECALLED_WHAT_HAPPENED = HandDoc(
    "The senator recalled the threats he received during the campaign.",
    """
    The      the      DET   DT  1 det   O
    senator  senator  NOUN  NN  2 nsubj O
    recalled recall   VERB  VBD 2 ROOT  O
    the      the      DET   DT  4 det   O
    threats  threat   NOUN  NNS 2 dobj  O
    he       he       PRON  PRP 6 nsubj O
    received receive  VERB  VBD 4 relcl O
    during   during   ADP   IN  6 prep  O
    the      the      DET   DT  9 det   O
    campaign campaign NOUN  NN  7 pobj  O
    .        .        PUNCT .   2 punct O
    """,
    "full",
)

RECALLED_AN_ENVOY = HandDoc(
    "Iran recalled its ambassador to Denmark.",
    """
    Iran       Iran       PROPN NNP  1 nsubj B-GPE
    recalled   recall     VERB  VBD  1 ROOT  O
    its        its        PRON  PRP$ 3 poss  O
    ambassador ambassador NOUN  NN   1 dobj  O
    to         to         ADP   IN   1 prep  O
    Denmark    Denmark    PROPN NNP  4 pobj  B-GPE
    .          .          PUNCT .    1 punct O
    """,
    "full",
)

OUTLINED_A_PLAN = HandDoc(
    "The governor outlined his proposal to raise the minimum wage.",
    """
    The      the      DET   DT   1 det   O
    governor governor NOUN  NN   2 nsubj O
    outlined outline  VERB  VBD  2 ROOT  O
    his      his      PRON  PRP$ 4 poss  O
    proposal proposal NOUN  NN   2 dobj  O
    to       to       PART  TO   6 aux   O
    raise    raise    VERB  VB   4 acl   O
    the      the      DET   DT   9 det   O
    minimum  minimum  ADJ   JJ   9 amod  O
    wage     wage     NOUN  NN   6 dobj  O
    .        .        PUNCT .    2 punct O
    """,
    "full",
)

THE_PREMIER_SAID = HandDoc(
    "Prime Minister Imran Khan visited the border on Monday. The premier said the army was ready.",
    """
    Prime    Prime    PROPN NNP 1  compound O
    Minister Minister PROPN NNP 3  compound O
    Imran    Imran    PROPN NNP 3  compound B-PERSON
    Khan     Khan     PROPN NNP 4  nsubj    I-PERSON
    visited  visit    VERB  VBD 4  ROOT     O
    the      the      DET   DT  6  det      O
    border   border   NOUN  NN  4  dobj     O
    on       on       ADP   IN  4  prep     O
    Monday   Monday   PROPN NNP 7  pobj     B-DATE
    .        .        PUNCT .   4  punct    O
    The      the      DET   DT  11 det      O
    premier  premier  NOUN  NN  12 nsubj    O
    said     say      VERB  VBD 12 ROOT     O
    the      the      DET   DT  14 det      O
    army     army     NOUN  NN  15 nsubj    O
    was      be       AUX   VBD 12 ccomp    O
    ready    ready    ADJ   JJ  15 acomp    O
    .        .        PUNCT .   12 punct    O
    """,
    "full",
)

ANNOUNCED_A_SPOKESMAN_ACCORDING_TO = HandDoc(
    "The ceasefire would hold, announced a spokesman for the regional council, according to the Tasnim News Agency.",
    """
    The       the       DET   DT  1  det      O
    ceasefire ceasefire NOUN  NN  3  nsubj    O
    would     would     AUX   MD  3  aux      O
    hold      hold      VERB  VB  5  ccomp    O
    ,         ,         PUNCT ,   5  punct    O
    announced announce  VERB  VBD 5  ROOT     O
    a         a         DET   DT  7  det      O
    spokesman spokesman NOUN  NN  5  dobj     O
    for       for       ADP   IN  7  prep     O
    the       the       DET   DT  11 det      O
    regional  regional  ADJ   JJ  11 amod     O
    council   council   NOUN  NN  8  pobj     O
    ,         ,         PUNCT ,   5  punct    O
    according accord    VERB  VBG 5  prep     O
    to        to        ADP   IN  13 prep     O
    the       the       DET   DT  18 det      O
    Tasnim    Tasnim    PROPN NNP 18 compound B-MEDIA
    News      News      PROPN NNP 18 compound I-MEDIA
    Agency    Agency    PROPN NNP 14 pobj     I-MEDIA
    .         .         PUNCT .   5  punct    O
    """,
    "full",
    kb_ids={"Tasnim News Agency": "Tasnim News Agency"},
)

CONFIRMED_AN_OFFICIAL_UNJOINED = HandDoc(
    "The strikes hit 12 targets, confirmed a senior official, according to Al Arabiya.",
    """
    The       the      DET   DT  1  det      O
    strikes   strike   NOUN  NNS 2  nsubj    O
    hit       hit      VERB  VBD 2  ROOT     O
    12        12       NUM   CD  4  nummod   B-CARDINAL
    targets   target   NOUN  NNS 2  dobj     O
    ,         ,        PUNCT ,   2  punct    O
    confirmed confirm  VERB  VBD 2  conj     O
    a         a        DET   DT  9  det      O
    senior    senior   ADJ   JJ  9  amod     O
    official  official NOUN  NN  6  dobj     O
    ,         ,        PUNCT ,   6  punct    O
    according accord   VERB  VBG 6  prep     O
    to        to       ADP   IN  11 prep     O
    Al        Al       PROPN NNP 14 compound B-MEDIA
    Arabiya   Arabiya  PROPN NNP 12 pobj     I-MEDIA
    .         .        PUNCT .   2  punct    O
    """,
    "full",
    kb_ids={"Al Arabiya": "Al Arabiya"},
)

WIRE_LEAD_STOLEN_OBJECT = HandDoc(
    "Four soldiers were wounded in the blast, army and hospital sources said.",
    """
    Four     four     NUM   CD  1  nummod    B-CARDINAL
    soldiers soldier  NOUN  NNS 3  nsubjpass O
    were     be       AUX   VBD 3  auxpass   O
    wounded  wound    VERB  VBN 12 ccomp     O
    in       in       ADP   IN  3  prep      O
    the      the      DET   DT  6  det       O
    blast    blast    NOUN  NN  11 nmod      O
    ,        ,        PUNCT ,   6  punct     O
    army     army     NOUN  NN  11 nmod      O
    and      and      CCONJ CC  8  cc        O
    hospital hospital NOUN  NN  8  conj      O
    sources  source   NOUN  NNS 12 nsubj     O
    said     say      VERB  VBD 12 ROOT      O
    .        .        PUNCT .   12 punct     O
    """,
    "full",
)

WIRE_LEAD_JOINED_TOLD = HandDoc(
    "Two protesters were shot dead in Basra, security and medical sources told Reuters.",
    """
    Two        two       NUM   CD  1  nummod    B-CARDINAL
    protesters protester NOUN  NNS 3  nsubjpass O
    were       be        AUX   VBD 3  auxpass   O
    shot       shoot     VERB  VBN 3  ROOT      O
    dead       dead      ADJ   JJ  3  oprd      O
    in         in        ADP   IN  3  prep      O
    Basra      Basra     PROPN NNP 5  pobj      B-GPE
    ,          ,         PUNCT ,   6  punct     O
    security   security  NOUN  NN  11 nmod      O
    and        and       CCONJ CC  8  cc        O
    medical    medical   ADJ   JJ  8  conj      O
    sources    source    NOUN  NNS 12 nsubj     O
    told       tell      VERB  VBD 3  conj      O
    Reuters    Reuters   PROPN NNP 12 dobj      B-MEDIA
    .          .         PUNCT .   12 punct     O
    """,
    "full",
    kb_ids={"Reuters": "Reuters"},
)

WIRE_LEAD_SPLIT_MODIFIERS = HandDoc(
    "Six people died in the attack, army and hospital officials said.",
    """
    Six       six      NUM   CD  1  nummod B-CARDINAL
    people    people   NOUN  NNS 2  nsubj  O
    died      die      VERB  VBD 11 ccomp  O
    in        in       ADP   IN  2  prep   O
    the       the      DET   DT  5  det    O
    attack    attack   NOUN  NN  3  pobj   O
    ,         ,        PUNCT ,   5  punct  O
    army      army     NOUN  NN  5  conj   O
    and       and      CCONJ CC  7  cc     O
    hospital  hospital NOUN  NN  7  conj   O
    officials official NOUN  NNS 11 nsubj  O
    said      say      VERB  VBD 11 ROOT   O
    .         .        PUNCT .   11 punct  O
    """,
    "full",
)

SEMICOLON_ENDS_ACCORDING_TO = HandDoc(
    'According to the French embassy in Kabul, the engineer died on Monday; Afghan officials referred to him as "a hostage."',
    """
    According accord   VERB  VBG 10 prep  O
    to        to       ADP   IN  0  prep  O
    the       the      DET   DT  4  det   O
    French    french   ADJ   JJ  4  amod  B-NORP
    embassy   embassy  NOUN  NN  1  pobj  O
    in        in       ADP   IN  4  prep  O
    Kabul     Kabul    PROPN NNP 5  pobj  B-GPE
    ,         ,        PUNCT ,   10 punct O
    the       the      DET   DT  9  det   O
    engineer  engineer NOUN  NN  10 nsubj O
    died      die      VERB  VBD 16 ccomp O
    on        on       ADP   IN  10 prep  O
    Monday    Monday   PROPN NNP 11 pobj  B-DATE
    ;         ;        PUNCT :   16 punct O
    Afghan    afghan   ADJ   JJ  15 amod  B-NORP
    officials official NOUN  NNS 16 nsubj O
    referred  refer    VERB  VBD 16 ROOT  O
    to        to       ADP   IN  16 prep  O
    him       he       PRON  PRP 17 pobj  O
    as        as       ADP   IN  16 prep  O
    "         "        PUNCT ``  19 punct O
    a         a        DET   DT  22 det   O
    hostage   hostage  NOUN  NN  19 pobj  O
    .         .        PUNCT .   16 punct O
    "         "        PUNCT ''  16 punct O
    """,
    "full",
)
FORMER_EDITOR_OF_A_PAPER = HandDoc(
    "A former editor of the Jakarta Post said the ban was unlawful.",
    """
    A        a        DET   DT  2  det      O
    former   former   ADJ   JJ  2  amod     O
    editor   editor   NOUN  NN  7  nsubj    O
    of       of       ADP   IN  2  prep     O
    the      the      DET   DT  6  det      B-MEDIA
    Jakarta  Jakarta  PROPN NNP 6  compound I-MEDIA
    Post     Post     PROPN NNP 3  pobj     I-MEDIA
    said     say      VERB  VBD 7  ROOT     O
    the      the      DET   DT  9  det      O
    ban      ban      NOUN  NN  10 nsubj    O
    was      be       AUX   VBD 7  ccomp    O
    unlawful unlawful ADJ   JJ  10 acomp    O
    .        .        PUNCT .   7  punct    O
    """,
    "full",
    kb_ids={"the Jakarta Post": "Jakarta Post"},
)

FORMER_PRODUCER_OF_AN_OUTLET = HandDoc(
    "A former Al Jazeera producer said the channel had been warned.",
    """
    A        a        DET   DT  4  det       O
    former   former   ADJ   JJ  4  amod      O
    Al       Al       PROPN NNP 3  compound  B-MEDIA
    Jazeera  Jazeera  PROPN NNP 4  compound  I-MEDIA
    producer producer NOUN  NN  5  nsubj     O
    said     say      VERB  VBD 5  ROOT      O
    the      the      DET   DT  7  det       O
    channel  channel  NOUN  NN  10 nsubjpass O
    had      have     AUX   VBD 10 aux       O
    been     be       AUX   VBN 10 auxpass   O
    warned   warn     VERB  VBN 5  ccomp     O
    .        .        PUNCT .   5  punct     O
    """,
    "full",
    kb_ids={"Al Jazeera": "Al Jazeera"},
)

DENIED_FUNDING = HandDoc(
    "Congress has repeatedly denied funding for such a wall.",
    """
    Congress   Congress   PROPN NNP 3 nsubj  B-ORG
    has        have       AUX   VBZ 3 aux    O
    repeatedly repeatedly ADV   RB  3 advmod O
    denied     deny       VERB  VBN 3 ROOT   O
    funding    funding    NOUN  NN  3 dobj   O
    for        for        ADP   IN  4 prep   O
    such       such       DET   PDT 8 predet O
    a          a          DET   DT  8 det    O
    wall       wall       NOUN  NN  5 pobj   O
    .          .          PUNCT .   3 punct  O
    """,
    "full",
)

DENIED_THE_REPORT = HandDoc(
    "The ministry denied the report.",
    """
    The      the      DET   DT  1 det   O
    ministry ministry NOUN  NN  2 nsubj O
    denied   deny     VERB  VBD 2 ROOT  O
    the      the      DET   DT  4 det   O
    report   report   NOUN  NN  2 dobj  O
    .        .        PUNCT .   2 punct O
    """,
    "full",
)

BACKSHIFTED_SECOND_VERB = HandDoc(
    "The minister said he was tired, but would stay in office.",
    """
    The      the      DET   DT  1  det   O
    minister minister NOUN  NN  2  nsubj O
    said     say      VERB  VBD 2  ROOT  O
    he       he       PRON  PRP 4  nsubj O
    was      be       AUX   VBD 2  ccomp O
    tired    tired    ADJ   JJ  4  acomp O
    ,        ,        PUNCT ,   2  punct O
    but      but      CCONJ CC  2  cc    O
    would    would    AUX   MD  9  aux   O
    stay     stay     VERB  VB  2  conj  O
    in       in       ADP   IN  9  prep  O
    office   office   NOUN  NN  10 pobj  O
    .        .        PUNCT .   2  punct O
    """,
    "full",
)
BACKED_BY_A_BODY = HandDoc(
    "The UN-backed government said the airport was safe.",
    """
    The        the        DET   DT  4 det      O
    UN         UN         PROPN NNP 4 compound B-ORG
    -          -          ADJ   JJ  4 amod     O
    backed     back       VERB  VBN 4 amod     O
    government government NOUN  NN  5 nsubj    O
    said       say        VERB  VBD 5 ROOT     O
    the        the        DET   DT  7 det      O
    airport    airport    NOUN  NN  8 nsubj    O
    was        be         AUX   VBD 5 ccomp    O
    safe       safe       ADJ   JJ  8 acomp    O
    .          .          PUNCT .   5 punct    O
    """,
    "full",
)

ALLIED_TO_A_STATE = HandDoc(
    "The Russia-allied government said the talks were over.",
    """
    The        the        DET   DT   4 det      O
    Russia     Russia     PROPN NNP  3 npadvmod B-GPE
    -          -          PUNCT HYPH 3 punct    O
    allied     ally       VERB  VBN  4 amod     O
    government government NOUN  NN   5 nsubj    O
    said       say        VERB  VBD  5 ROOT     O
    the        the        DET   DT   7 det      O
    talks      talk       NOUN  NNS  8 nsubj    O
    were       be         AUX   VBD  5 ccomp    O
    over       over       ADV   RB   8 advmod   O
    .          .          PUNCT .    5 punct    O
    """,
    "full",
)

HYPHEN_IS_NO_DATELINE = HandDoc(
    "US-backed forces said they had cleared the village.",
    """
    US      US      PROPN NNP  2 npadvmod B-GPE
    -       -       PUNCT HYPH 2 punct    O
    backed  back    VERB  VBN  3 amod     O
    forces  force   NOUN  NNS  4 nsubj    O
    said    say     VERB  VBD  4 ROOT     O
    they    they    PRON  PRP  7 nsubj    O
    had     have    AUX   VBD  7 aux      O
    cleared clear   VERB  VBN  4 ccomp    O
    the     the     DET   DT   9 det      O
    village village NOUN  NN   7 dobj     O
    .       .       PUNCT .    4 punct    O
    """,
    "full",
)
CONFIRMED_A_NOMINATION = HandDoc(
    "The Senate voted to confirm Smith's nomination on Friday.",
    """
    The        the        DET   DT  1 det   O
    Senate     Senate     PROPN NNP 2 nsubj B-ORG
    voted      vote       VERB  VBD 2 ROOT  O
    to         to         PART  TO  4 aux   O
    confirm    confirm    VERB  VB  2 xcomp O
    Smith      Smith      PROPN NNP 7 poss  B-ORG
    's         's         PART  POS 5 case  O
    nomination nomination NOUN  NN  4 dobj  O
    on         on         ADP   IN  4 prep  O
    Friday     Friday     PROPN NNP 8 pobj  B-DATE
    .          .          PUNCT .   2 punct O
    """,
    "full",
)

CONFIRMED_HIM = HandDoc(
    "The Senate confirmed him as secretary of state.",
    """
    The       the       DET   DT  1 det   O
    Senate    Senate    PROPN NNP 2 nsubj B-ORG
    confirmed confirm   VERB  VBD 2 ROOT  O
    him       he        PRON  PRP 2 dobj  O
    as        as        ADP   IN  2 prep  O
    secretary secretary PROPN NNP 4 pobj  O
    of        of        ADP   IN  5 prep  O
    state     state     PROPN NNP 6 pobj  O
    .         .         PUNCT .   2 punct O
    """,
    "full",
)

RELATIVE_REPORTED_JOINED = HandDoc(
    "The mayor did not close the schools during the storm, which the Tribune reported left many parents angry.",
    """
    The      the     DET   DT  1  det   O
    mayor    mayor   NOUN  NN  4  nsubj O
    did      do      AUX   VBD 4  aux   O
    not      not     PART  RB  4  neg   O
    close    close   VERB  VB  4  ROOT  O
    the      the     DET   DT  6  det   O
    schools  school  NOUN  NNS 4  dobj  O
    during   during  ADP   IN  4  prep  O
    the      the     DET   DT  9  det   O
    storm    storm   NOUN  NN  7  pobj  O
    ,        ,       PUNCT ,   9  punct O
    which    which   PRON  WDT 14 nsubj O
    the      the     DET   DT  13 det   O
    Tribune  Tribune PROPN NNP 14 nsubj B-ORG
    reported report  VERB  VBD 9  relcl O
    left     leave   VERB  VBD 14 xcomp O
    many     many    ADJ   JJ  17 amod  O
    parents  parent  NOUN  NNS 15 dobj  O
    angry    angry   ADJ   JJ  15 oprd  O
    .        .       PUNCT .   4  punct O
    """,
    "full",
)

OPINION_READ_IN_PART = HandDoc(
    'The opinion of the Court, released on Wednesday, read in part, "It is concluded that the oath is unconstitutional."',
    """
    The              the              DET   DT  1  det       O
    opinion          opinion          NOUN  NN  10 nsubj     O
    of               of               ADP   IN  1  prep      O
    the              the              DET   DT  4  det       O
    Court            Court            PROPN NNP 2  pobj      B-ORG
    ,                ,                PUNCT ,   1  punct     O
    released         release          VERB  VBN 1  acl       O
    on               on               ADP   IN  6  prep      O
    Wednesday        Wednesday        PROPN NNP 7  pobj      B-DATE
    ,                ,                PUNCT ,   1  punct     O
    read             read             VERB  VBN 17 ccomp     O
    in               in               ADP   IN  10 prep      O
    part             part             NOUN  NN  11 pobj      O
    ,                ,                PUNCT ,   10 punct     O
    "                "                PUNCT ``  17 punct     O
    It               it               PRON  PRP 17 nsubjpass O
    is               be               AUX   VBZ 17 auxpass   O
    concluded        conclude         VERB  VBN 17 ROOT      O
    that             that             SCONJ IN  21 mark      O
    the              the              DET   DT  20 det       O
    oath             oath             NOUN  NN  21 nsubj     O
    is               be               AUX   VBZ 17 ccomp     O
    unconstitutional unconstitutional ADJ   JJ  21 acomp     O
    .                .                PUNCT .   17 punct     O
    "                "                PUNCT ''  17 punct     O
    """,
    "full",
)
ACCORDING_TO_WITH_NO_OBJECT = HandDoc(
    "According to state news agency WAFA, the governor of Jenin, Akram Rajoub, said the curfew was lifted.",
    """
    According accord   VERB  VBG 15 prep      O
    to        to       ADP   IN  0  prep      O
    state     state    NOUN  NN  4  compound  O
    news      news     NOUN  NN  4  compound  O
    agency    agency   NOUN  NN  5  compound  O
    WAFA      WAFA     PROPN NNP 15 nsubj     B-MEDIA
    ,         ,        PUNCT ,   5  punct     O
    the       the      DET   DT  8  det       O
    governor  governor NOUN  NN  5  appos     O
    of        of       ADP   IN  8  prep      O
    Jenin     Jenin    PROPN NNP 9  pobj      B-GPE
    ,         ,        PUNCT ,   10 punct     O
    Akram     Akram    PROPN NNP 13 compound  B-PERSON
    Rajoub    Rajoub   PROPN NNP 10 appos     I-PERSON
    ,         ,        PUNCT ,   5  punct     O
    said      say      VERB  VBD 15 ROOT      O
    the       the      DET   DT  17 det       O
    curfew    curfew   NOUN  NN  19 nsubjpass O
    was       be       AUX   VBD 19 auxpass   O
    lifted    lift     VERB  VBN 15 ccomp     O
    .         .        PUNCT .   15 punct     O
    """,
    "full",
    kb_ids={"WAFA": "Wafa"},
)
ATTACKED_AS_QUOTED = HandDoc(
    'The governor attacked the audit as "a partisan stunt."',
    """
    The      the      DET   DT  1 det   O
    governor governor NOUN  NN  2 nsubj O
    attacked attack   VERB  VBD 2 ROOT  O
    the      the      DET   DT  4 det   O
    audit    audit    NOUN  NN  2 dobj  O
    as       as       ADP   IN  2 prep  O
    "        "        PUNCT ``  9 punct O
    a        a        DET   DT  9 det   O
    partisan partisan ADJ   JJ  9 amod  O
    stunt    stunt    NOUN  NN  5 pobj  O
    .        .        PUNCT .   2 punct O
    "        "        PUNCT ''  2 punct O
    """,
    "full",
)

ATTACKED_A_BASE = HandDoc(
    "Gunmen attacked a convoy as it passed through the valley.",
    """
    Gunmen   gunman  NOUN  NNS 1 nsubj O
    attacked attack  VERB  VBD 1 ROOT  O
    a        a       DET   DT  3 det   O
    convoy   convoy  NOUN  NN  1 dobj  O
    as       as      SCONJ IN  6 mark  O
    it       it      PRON  PRP 6 nsubj O
    passed   pass    VERB  VBD 1 advcl O
    through  through ADP   IN  6 prep  O
    the      the     DET   DT  9 det   O
    valley   valley  NOUN  NN  7 pobj  O
    .        .       PUNCT .   1 punct O
    """,
    "full",
)

DESCRIBED_AS_AFTER_WHAT = HandDoc(
    "She sent a letter giving them access to what she described as post-election resources for a transition.",
    """
    She        she        PRON  PRP 1  nsubj  O
    sent       send       VERB  VBD 1  ROOT   O
    a          a          DET   DT  3  det    O
    letter     letter     NOUN  NN  1  dobj   O
    giving     give       VERB  VBG 3  acl    O
    them       they       PRON  PRP 4  dative O
    access     access     NOUN  NN  4  dobj   O
    to         to         ADP   IN  6  prep   O
    what       what       PRON  WP  10 dobj   O
    she        she        PRON  PRP 10 nsubj  O
    described  describe   VERB  VBD 7  pcomp  O
    as         as         ADP   IN  10 prep   O
    post       post       ADJ   JJ  15 amod   O
    -          -          ADJ   JJ  15 amod   O
    election   election   ADJ   JJ  15 amod   O
    resources  resource   NOUN  NNS 11 pobj   O
    for        for        ADP   IN  15 prep   O
    a          a          DET   DT  18 det    O
    transition transition NOUN  NN  16 pobj   O
    .          .          PUNCT .   1  punct  O
    """,
    "full",
)
AFTER_CLAUSE_OF_THE_WRITER = HandDoc(
    "The ministry said the talks had collapsed after the envoy left Geneva.",
    """
    The       the      DET   DT  1  det   O
    ministry  ministry NOUN  NN  2  nsubj O
    said      say      VERB  VBD 2  ROOT  O
    the       the      DET   DT  4  det   O
    talks     talk     NOUN  NNS 6  nsubj O
    had       have     AUX   VBD 6  aux   O
    collapsed collapse VERB  VBN 2  ccomp O
    after     after    SCONJ IN  10 mark  O
    the       the      DET   DT  9  det   O
    envoy     envoy    NOUN  NN  10 nsubj O
    left      leave    VERB  VBD 6  advcl O
    Geneva    Geneva   PROPN NNP 10 dobj  B-GPE
    .         .        PUNCT .   2  punct O
    """,
    "full",
)

AFTER_CLAUSE_OF_THE_SPEAKER = HandDoc(
    "The minister said the border would reopen after the storm passed.",
    """
    The      the      DET   DT  1  det   O
    minister minister NOUN  NN  2  nsubj O
    said     say      VERB  VBD 2  ROOT  O
    the      the      DET   DT  4  det   O
    border   border   NOUN  NN  6  nsubj O
    would    would    AUX   MD  6  aux   O
    reopen   reopen   VERB  VB  2  ccomp O
    after    after    SCONJ IN  10 mark  O
    the      the      DET   DT  9  det   O
    storm    storm    NOUN  NN  10 nsubj O
    passed   pass     VERB  VBD 6  advcl O
    .        .        PUNCT .   2  punct O
    """,
    "full",
)

WHICH_FOR_THE_WHOLE_CLAUSE = HandDoc(
    "The mayor said the curfew would end, which residents welcomed.",
    """
    The       the      DET   DT  1  det   O
    mayor     mayor    NOUN  NN  2  nsubj O
    said      say      VERB  VBD 2  ROOT  O
    the       the      DET   DT  4  det   O
    curfew    curfew   NOUN  NN  6  nsubj O
    would     would    AUX   MD  6  aux   O
    end       end      VERB  VB  2  ccomp O
    ,         ,        PUNCT ,   6  punct O
    which     which    PRON  WDT 10 dobj  O
    residents resident NOUN  NNS 10 nsubj O
    welcomed  welcome  VERB  VBD 6  advcl O
    .         .        PUNCT .   2  punct O
    """,
    "full",
)

ACCORDING_TO_THEN_RELATIVE = HandDoc(
    "At least seventeen people died and 35 were rescued, according to officials, some of whom were hospitalised.",
    """
    At           at          ADV   RB  1  advmod    B-CARDINAL
    least        least       ADJ   JJS 2  advmod    I-CARDINAL
    seventeen    seventeen   NUM   CD  3  nummod    I-CARDINAL
    people       people      NOUN  NNS 4  nsubj     O
    died         die         VERB  VBD 4  ROOT      O
    and          and         CCONJ CC  4  cc        O
    35           35          NUM   CD  8  nsubjpass B-CARDINAL
    were         be          AUX   VBD 8  auxpass   O
    rescued      rescue      VERB  VBN 4  conj      O
    ,            ,           PUNCT ,   8  punct     O
    according    accord      VERB  VBG 8  prep      O
    to           to          ADP   IN  10 prep      O
    officials    official    NOUN  NNS 11 pobj      O
    ,            ,           PUNCT ,   8  punct     O
    some         some        PRON  DT  18 nsubjpass O
    of           of          ADP   IN  14 prep      O
    whom         whom        PRON  WP  15 pobj      O
    were         be          AUX   VBD 18 auxpass   O
    hospitalised hospitalise VERB  VBN 8  advcl     O
    .            .           PUNCT .   8  punct     O
    """,
    "full",
)
