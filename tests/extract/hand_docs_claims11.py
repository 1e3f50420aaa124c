"""Hand-built parses for the session 11 claim rules (issue 10): the span of what was said
(an object the parser took for the clause's subject, the speaker's own next act, a measured
time after the content, a medium after an object, a second infinitive, a "that" clause hung
on the interview), "state media ... citing" and "the alliance". Built as `hand_docs.py`
builds its docs (the small English model's parse after our pipeline);
`test_claims_session11.py` checks that they are still the model's parse."""

from __future__ import annotations

from hand_docs import HandDoc

OBJECT_BEFORE_A_BRACKETED_NAME = HandDoc(
    "The SDF said dozens of PKK (Kurdistan Workers' Party) fighters crossed the border near Zakho.",
    """
    The       the       DET   DT    1  det      O
    SDF       SDF       PROPN NNP   2  nsubj    B-ORG
    said      say       VERB  VBD   2  ROOT     O
    dozens    dozen     NOUN  NNS   2  dobj     B-CARDINAL
    of        of        ADP   IN    3  prep     O
    PKK       PKK       PROPN NNP   4  pobj     B-ORG
    (         (         PUNCT -LRB- 5  punct    O
    Kurdistan Kurdistan PROPN NNP   8  compound B-ORG
    Workers   Workers   PROPN NNPS  10 poss     I-ORG
    '         '         PART  POS   8  case     I-ORG
    Party     Party     PROPN NNP   5  appos    I-ORG
    )         )         PUNCT -RRB- 2  punct    O
    fighters  fighter   NOUN  NNS   13 nsubj    O
    crossed   cross     VERB  VBD   2  ccomp    O
    the       the       DET   DT    15 det      O
    border    border    NOUN  NN    13 dobj     O
    near      near      ADP   IN    15 prep     O
    Zakho     Zakho     PROPN NNP   16 pobj     B-GPE
    .         .         PUNCT .     13 punct    O
    """,
    "full",
)


OBJECT_BEFORE_THE_DAY_TAKEN_FOR_SUBJECT = HandDoc(
    "The council commented the mayor's letters Monday were a clear breach of the rules.",
    """
    The       the     DET   DT  1  det   O
    council   council NOUN  NN  2  nsubj O
    commented comment VERB  VBD 2  ROOT  O
    the       the     DET   DT  4  det   O
    mayor     mayor   NOUN  NN  6  poss  O
    's        's      PART  POS 4  case  O
    letters   letter  NOUN  NNS 2  dobj  O
    Monday    Monday  PROPN NNP 8  nsubj B-DATE
    were      be      AUX   VBD 2  ccomp O
    a         a       DET   DT  11 det   O
    clear     clear   ADJ   JJ  11 amod  O
    breach    breach  NOUN  NN  8  attr  O
    of        of      ADP   IN  11 prep  O
    the       the     DET   DT  14 det   O
    rules     rule    NOUN  NNS 12 pobj  O
    .         .       PUNCT .   2  punct O
    """,
    "full",
)


SPEAKERS_OWN_ACT_AFTER_COMMA_AND = HandDoc(
    "Egypt backed the Russian draft, saying that it wanted a quick end to the fighting, and also voted for the French text.",
    """
    Egypt    Egypt    PROPN NNP 1  nsubj  B-GPE
    backed   back     VERB  VBD 1  ROOT   O
    the      the      DET   DT  4  det    O
    Russian  russian  ADJ   JJ  4  amod   B-NORP
    draft    draft    NOUN  NN  1  dobj   O
    ,        ,        PUNCT ,   1  punct  O
    saying   say      VERB  VBG 1  advcl  O
    that     that     SCONJ IN  9  mark   O
    it       it       PRON  PRP 9  nsubj  O
    wanted   want     VERB  VBD 6  ccomp  O
    a        a        DET   DT  12 det    O
    quick    quick    ADJ   JJ  12 amod   O
    end      end      NOUN  NN  9  dobj   O
    to       to       ADP   IN  12 prep   O
    the      the      DET   DT  15 det    O
    fighting fighting NOUN  NN  13 pobj   O
    ,        ,        PUNCT ,   9  punct  O
    and      and      CCONJ CC  9  cc     O
    also     also     ADV   RB  19 advmod O
    voted    vote     VERB  VBD 9  conj   O
    for      for      ADP   IN  19 prep   O
    the      the      DET   DT  23 det    O
    French   french   ADJ   JJ  23 amod   B-NORP
    text     text     NOUN  NN  20 pobj   O
    .        .        PUNCT .   1  punct  O
    """,
    "full",
)


MEASURED_TIME_AFTER_THE_CONTENT = HandDoc(
    "The governor said the curfew started on May 3, nearly a week before the order.",
    """
    The      the      DET   DT  1  det      O
    governor governor NOUN  NN  2  nsubj    O
    said     say      VERB  VBD 2  ROOT     O
    the      the      DET   DT  4  det      O
    curfew   curfew   NOUN  NN  5  nsubj    O
    started  start    VERB  VBD 2  ccomp    O
    on       on       ADP   IN  5  prep     O
    May      May      PROPN NNP 6  pobj     B-DATE
    3        3        NUM   CD  7  nummod   I-DATE
    ,        ,        PUNCT ,   7  punct    O
    nearly   nearly   ADV   RB  11 advmod   B-DATE
    a        a        PRON  DT  12 nummod   I-DATE
    week     week     NOUN  NN  13 npadvmod I-DATE
    before   before   ADP   IN  5  prep     O
    the      the      DET   DT  15 det      O
    order    order    NOUN  NN  13 pobj     O
    .        .        PUNCT .   2  punct    O
    """,
    "full",
)


OBJECT_THEN_MEDIUM_WITH_NO_CLAUSE = HandDoc(
    'The senator noted their "courage and resolve" on Facebook.',
    """
    The      the      DET   DT   1 det   O
    senator  senator  NOUN  NN   2 nsubj O
    noted    note     VERB  VBD  2 ROOT  O
    their    their    PRON  PRP$ 5 poss  O
    "        "        PUNCT ``   5 punct O
    courage  courage  NOUN  NN   2 dobj  O
    and      and      CCONJ CC   5 cc    O
    resolve  resolve  VERB  VB   5 conj  O
    "        "        PUNCT ''   7 punct O
    on       on       ADP   IN   5 prep  O
    Facebook Facebook PROPN NNP  9 pobj  B-MEDIA
    .        .        PUNCT .    2 punct O
    """,
    "full",
    kb_ids={"Facebook": "Facebook"},
)


SECOND_INFINITIVE_JOINED_TO_THE_VERB = HandDoc(
    'She described the shelling as a "cowardly act" and urged frightened residents to help the police and "deny the attackers any success".',
    """
    She        she        PRON  PRP 1  nsubj  O
    described  describe   VERB  VBD 1  ROOT   O
    the        the        DET   DT  3  det    O
    shelling   shelling   NOUN  NN  1  dobj   O
    as         as         ADP   IN  1  prep   O
    a          a          DET   DT  8  det    O
    "          "          PUNCT ``  8  punct  O
    cowardly   cowardly   ADV   RB  8  advmod O
    act        act        NOUN  NN  4  pobj   O
    "          "          PUNCT ''  8  punct  O
    and        and        CCONJ CC  1  cc     O
    urged      urge       VERB  VBD 1  conj   O
    frightened frightened ADJ   JJ  13 amod   O
    residents  resident   NOUN  NNS 11 dobj   O
    to         to         PART  TO  15 aux    O
    help       help       VERB  VB  11 xcomp  O
    the        the        DET   DT  17 det    O
    police     police     NOUN  NN  15 dobj   O
    and        and        CCONJ CC  11 cc     O
    "          "          PUNCT ``  20 punct  O
    deny       deny       VERB  VB  11 conj   O
    the        the        DET   DT  22 det    O
    attackers  attacker   NOUN  NNS 20 dative O
    any        any        DET   DT  24 det    O
    success    success    NOUN  NN  20 dobj   O
    "          "          PUNCT ''  20 punct  O
    .          .          PUNCT .   1  punct  O
    """,
    "full",
)


THAT_CLAUSE_HUNG_ON_THE_INTERVIEW = HandDoc(
    "A Houthi official told Al Mayadeen in an interview aired on Monday that the group would keep attacking ships.",
    """
    A         a         DET   DT  2  det      O
    Houthi    Houthi    PROPN NNP 2  compound B-ORG
    official  official  NOUN  NN  3  nsubj    O
    told      tell      VERB  VBD 3  ROOT     O
    Al        Al        PROPN NNP 5  compound B-MEDIA
    Mayadeen  Mayadeen  PROPN NNP 3  dobj     I-MEDIA
    in        in        ADP   IN  3  prep     O
    an        an        DET   DT  8  det      O
    interview interview NOUN  NN  6  pobj     O
    aired     air       VERB  VBN 8  acl      O
    on        on        ADP   IN  9  prep     O
    Monday    Monday    PROPN NNP 10 pobj     B-DATE
    that      that      SCONJ IN  16 mark     O
    the       the       DET   DT  14 det      O
    group     group     NOUN  NN  16 nsubj    O
    would     would     AUX   MD  16 aux      O
    keep      keep      VERB  VB  9  ccomp    O
    attacking attack    VERB  VBG 16 xcomp    O
    ships     ship      NOUN  NNS 17 dobj     O
    .         .         PUNCT .   3  punct    O
    """,
    "full",
    kb_ids={"Al Mayadeen": "Al Mayadeen"},
)


STATE_MEDIA_CITING_A_SOURCE = HandDoc(
    "Two rockets hit the Green Zone, Iraqi state media said, citing a security source.",
    """
    Two      two      NUM   CD  1  nummod   B-CARDINAL
    rockets  rocket   NOUN  NNS 2  nsubj    O
    hit      hit      VERB  VBD 10 ccomp    O
    the      the      DET   DT  5  det      B-LOC
    Green    Green    PROPN NNP 5  compound I-LOC
    Zone     Zone     PROPN NNP 2  dobj     I-LOC
    ,        ,        PUNCT ,   10 punct    O
    Iraqi    iraqi    ADJ   JJ  9  amod     B-NORP
    state    state    NOUN  NN  9  compound O
    media    medium   NOUN  NNS 10 nsubj    O
    said     say      VERB  VBD 10 ROOT     O
    ,        ,        PUNCT ,   10 punct    O
    citing   cite     VERB  VBG 10 advcl    O
    a        a        DET   DT  15 det      O
    security security NOUN  NN  15 compound O
    source   source   NOUN  NN  12 dobj     O
    .        .        PUNCT .   10 punct    O
    """,
    "full",
)


THE_ALLIANCE_FOR_A_GROUP = HandDoc(
    "Hayat Tahrir al-Sham seized two villages near Idlib. The alliance said four fighters were killed.",
    """
    Hayat    Hayat    PROPN NNP 4  compound  B-ORG
    Tahrir   Tahrir   PROPN NNP 4  compound  I-ORG
    al       al       PROPN NNP 4  compound  I-ORG
    -        -        PROPN NNP 4  compound  I-ORG
    Sham     Sham     PROPN NNP 5  nsubj     I-ORG
    seized   seize    VERB  VBD 5  ROOT      O
    two      two      NUM   CD  7  nummod    B-CARDINAL
    villages village  NOUN  NNS 5  dobj      O
    near     near     ADP   IN  7  prep      O
    Idlib    Idlib    PROPN NNP 8  pobj      B-GPE
    .        .        PUNCT .   5  punct     O
    The      the      DET   DT  12 det       O
    alliance alliance NOUN  NN  13 nsubj     O
    said     say      VERB  VBD 13 ROOT      O
    four     four     NUM   CD  15 nummod    B-CARDINAL
    fighters fighter  NOUN  NNS 17 nsubjpass O
    were     be       AUX   VBD 17 auxpass   O
    killed   kill     VERB  VBN 13 ccomp     O
    .        .        PUNCT .   13 punct     O
    """,
    "full",
)


SPEAKERS_NEXT_ACT_AFTER_A_CLAUSE_TAKEN_FOR_OBJECT = HandDoc(
    "The paper cited the navy as stating Gulf Marine owned the tanker, and claimed a second explosion.",
    """
    The       the       DET   DT  1  det      O
    paper     paper     NOUN  NN  2  nsubj    O
    cited     cite      VERB  VBD 2  ROOT     O
    the       the       DET   DT  4  det      O
    navy      navy      NOUN  NN  2  dobj     O
    as        as        ADP   IN  2  prep     O
    stating   state     VERB  VBG 5  pcomp    O
    Gulf      Gulf      PROPN NNP 8  compound B-ORG
    Marine    Marine    PROPN NNP 6  dobj     I-ORG
    owned     own       VERB  VBD 2  conj     O
    the       the       DET   DT  11 det      O
    tanker    tanker    NOUN  NN  9  dobj     O
    ,         ,         PUNCT ,   9  punct    O
    and       and       CCONJ CC  9  cc       O
    claimed   claim     VERB  VBD 9  conj     O
    a         a         DET   DT  17 det      O
    second    second    ADJ   JJ  17 amod     B-ORDINAL
    explosion explosion NOUN  NN  14 dobj     O
    .         .         PUNCT .   2  punct    O
    """,
    "full",
)


SETTING_OF_THE_WORDS_BEFORE_THE_CLAUSE = HandDoc(
    "In the announcement on state television, the council criticized the new dams, Al Jazeera reported.",
    """
    In           in           ADP   IN  9  prep     O
    the          the          DET   DT  2  det      O
    announcement announcement NOUN  NN  0  pobj     O
    on           on           ADP   IN  2  prep     O
    state        state        NOUN  NN  5  compound O
    television   television   NOUN  NN  3  pobj     O
    ,            ,            PUNCT ,   9  punct    O
    the          the          DET   DT  8  det      O
    council      council      NOUN  NN  9  nsubj    O
    criticized   criticize    VERB  VBD 16 ccomp    O
    the          the          DET   DT  12 det      O
    new          new          ADJ   JJ  12 amod     O
    dams         dams         NOUN  NN  9  dobj     O
    ,            ,            PUNCT ,   16 punct    O
    Al           Al           PROPN NNP 15 compound B-MEDIA
    Jazeera      Jazeera      PROPN NNP 16 nsubj    I-MEDIA
    reported     report       VERB  VBD 16 ROOT     O
    .            .            PUNCT .   16 punct    O
    """,
    "full",
    kb_ids={"Al Jazeera": "Al Jazeera"},
)


COMMENTS_RELAYED_BY_AN_OUTLET = HandDoc(
    "A Hamas official told Al Jazeera that the talks had stalled, in comments relayed by Reuters.",
    """
    A        a        DET   DT  2  det      O
    Hamas    Hamas    PROPN NNP 2  compound B-ORG
    official official NOUN  NN  3  nsubj    O
    told     tell     VERB  VBD 3  ROOT     O
    Al       Al       PROPN NNP 5  compound B-MEDIA
    Jazeera  Jazeera  PROPN NNP 3  dobj     I-MEDIA
    that     that     SCONJ IN  10 mark     O
    the      the      DET   DT  8  det      O
    talks    talk     NOUN  NNS 10 nsubj    O
    had      have     AUX   VBD 10 aux      O
    stalled  stall    VERB  VBN 3  ccomp    O
    ,        ,        PUNCT ,   10 punct    O
    in       in       ADP   IN  10 prep     O
    comments comment  NOUN  NNS 12 pobj     O
    relayed  relay    VERB  VBN 13 acl      O
    by       by       ADP   IN  14 agent    O
    Reuters  Reuters  PROPN NNP 15 pobj     B-MEDIA
    .        .        PUNCT .   3  punct    O
    """,
    "full",
    kb_ids={"Al Jazeera": "Al Jazeera", "Reuters": "Reuters"},
)


SAYING_VERB_JOINED_BY_A_BARE_AND = HandDoc(
    "The agency IRNA reported Tehran seized two tankers near Bandar Abbas and demanded from London to release its ship.",
    """
    The      the     DET   DT   1  det      O
    agency   agency  NOUN  NN   3  nsubj    O
    IRNA     IRNA    PROPN NNP  3  nsubj    B-MEDIA
    reported report  VERB  VBD  3  ROOT     O
    Tehran   Tehran  PROPN NNP  5  nsubj    B-GPE
    seized   seize   VERB  VBD  3  ccomp    O
    two      two     NUM   CD   7  nummod   B-CARDINAL
    tankers  tanker  NOUN  NNS  5  dobj     O
    near     near    ADP   IN   5  prep     O
    Bandar   Bandar  PROPN NNP  10 compound B-PERSON
    Abbas    Abbas   PROPN NNP  8  pobj     I-PERSON
    and      and     CCONJ CC   5  cc       O
    demanded demand  VERB  VBD  5  conj     O
    from     from    ADP   IN   12 prep     O
    London   London  PROPN NNP  13 pobj     B-GPE
    to       to      PART  TO   16 aux      O
    release  release VERB  VB   12 advcl    O
    its      its     PRON  PRP$ 18 poss     O
    ship     ship    NOUN  NN   16 dobj     O
    .        .       PUNCT .    3  punct    O
    """,
    "full",
    kb_ids={"IRNA": "Islamic Republic News Agency"},
)


ACCORDING_TO_A_TRANSCRIPT_CLOSING = HandDoc(
    "The minister said the talks had been useful, according to a transcript released by his office.",
    """
    The        the        DET   DT   1  det   O
    minister   minister   NOUN  NN   2  nsubj O
    said       say        VERB  VBD  2  ROOT  O
    the        the        DET   DT   4  det   O
    talks      talk       NOUN  NNS  6  nsubj O
    had        have       AUX   VBD  6  aux   O
    been       be         AUX   VBN  2  ccomp O
    useful     useful     ADJ   JJ   6  acomp O
    ,          ,          PUNCT ,    6  punct O
    according  accord     VERB  VBG  6  prep  O
    to         to         ADP   IN   9  prep  O
    a          a          DET   DT   12 det   O
    transcript transcript NOUN  NN   10 pobj  O
    released   release    VERB  VBN  12 acl   O
    by         by         ADP   IN   13 agent O
    his        his        PRON  PRP$ 16 poss  O
    office     office     NOUN  NN   14 pobj  O
    .          .          PUNCT .    2  punct O
    """,
    "full",
)


ECHOING_REMARKS_CLOSING = HandDoc(
    "The senator said the bill was a gift to insurers, echoing remarks by other Democrats.",
    """
    The       the       DET   DT   1  det   O
    senator   senator   NOUN  NN   2  nsubj O
    said      say       VERB  VBD  2  ROOT  O
    the       the       DET   DT   4  det   O
    bill      bill      NOUN  NN   5  nsubj O
    was       be        AUX   VBD  2  ccomp O
    a         a         DET   DT   7  det   O
    gift      gift      NOUN  NN   5  attr  O
    to        to        ADP   IN   7  prep  O
    insurers  insurer   NOUN  NNS  8  pobj  O
    ,         ,         PUNCT ,    5  punct O
    echoing   echo      VERB  VBG  5  advcl O
    remarks   remark    NOUN  NNS  11 dobj  O
    by        by        ADP   IN   12 prep  O
    other     other     ADJ   JJ   15 amod  O
    Democrats Democrats PROPN NNPS 13 pobj  B-NORP
    .         .         PUNCT .    2  punct O
    """,
    "full",
)


A_CLAIM_THAT_OTHERS_REJECTED_AFTER_A_DASH = HandDoc(
    "The governor said the election was stolen — a claim that state officials have rejected.",
    """
    The       the      DET   DT  1  det       O
    governor  governor NOUN  NN  2  nsubj     O
    said      say      VERB  VBD 2  ROOT      O
    the       the      DET   DT  4  det       O
    election  election NOUN  NN  6  nsubjpass O
    was       be       AUX   VBD 6  auxpass   O
    stolen    steal    VERB  VBN 2  ccomp     O
    —         —        PUNCT :   6  punct     O
    a         a        DET   DT  9  det       O
    claim     claim    NOUN  NN  4  appos     O
    that      that     SCONJ IN  14 mark      O
    state     state    NOUN  NN  12 compound  O
    officials official NOUN  NNS 14 nsubj     O
    have      have     AUX   VBP 14 aux       O
    rejected  reject   VERB  VBN 9  acl       O
    .         .        PUNCT .   2  punct     O
    """,
    "full",
)


SPEAKING_TO_HUNG_ON_THE_QUOTATION = HandDoc(
    'Speaking to Sky News, he said, "The border will stay closed."',
    """
    Speaking speak  VERB  VBG 12 advcl     O
    to       to     ADP   IN  0  prep      O
    Sky      Sky    PROPN NNP 3  compound  B-MEDIA
    News     News   PROPN NNP 1  pobj      I-MEDIA
    ,        ,      PUNCT ,   6  punct     O
    he       he     PRON  PRP 6  nsubj     O
    said     say    VERB  VBD 12 parataxis O
    ,        ,      PUNCT ,   6  punct     O
    "        "      PUNCT ``  6  punct     O
    The      the    DET   DT  10 det       O
    border   border NOUN  NN  12 nsubj     O
    will     will   AUX   MD  12 aux       O
    stay     stay   VERB  VB  12 ROOT      O
    closed   closed ADJ   JJ  12 acomp     O
    .        .      PUNCT .   12 punct     O
    "        "      PUNCT ''  12 punct     O
    """,
    "full",
    kb_ids={"Sky News": "Sky News"},
)
