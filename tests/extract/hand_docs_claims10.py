"""Hand-built parses for the session 10 claim rules (issue 10): the passive "was quoted
by <Outlet> as saying", an outlet "quoting" its sources, "told <Outlet> that ...,
<Outlet> reported", a named source in apposition before "told", sources joined by "and",
"the envoy" for the "UN envoy for Yemen", and the dateline "CITY, Country —". Built as
`hand_docs.py` builds its docs (the small English model's parse after our pipeline);
`test_claims_session10.py` checks that they are still the model's parse."""

from __future__ import annotations

from hand_docs import HandDoc

QUOTED_BY_AN_OUTLET = HandDoc(
    "An Israeli officer was quoted by Haaretz as saying Hamas had rebuilt its tunnels under Rafah.",
    """
    An      an      DET   DT   2  det       O
    Israeli israeli ADJ   JJ   2  amod      B-NORP
    officer officer NOUN  NN   4  nsubjpass O
    was     be      AUX   VBD  4  auxpass   O
    quoted  quote   VERB  VBN  4  ROOT      O
    by      by      ADP   IN   4  agent     O
    Haaretz Haaretz PROPN NNP  5  pobj      B-MEDIA
    as      as      ADP   IN   4  prep      O
    saying  say     VERB  VBG  7  pcomp     O
    Hamas   Hamas   PROPN NNP  11 nsubj     B-ORG
    had     have    AUX   VBD  11 aux       O
    rebuilt rebuild VERB  VBN  8  ccomp     O
    its     its     PRON  PRP$ 13 poss      O
    tunnels tunnel  NOUN  NNS  11 dobj      O
    under   under   ADP   IN   13 prep      O
    Rafah   Rafah   PROPN NNP  14 pobj      B-PERSON
    .       .       PUNCT .    4  punct     O
    """,
    "full",
    kb_ids={"Haaretz": "Haaretz"},
)


OUTLET_QUOTING_SOURCES = HandDoc(
    "Al-Akhbar, quoting sources close to Hezbollah, said the group had rejected the French proposal.",
    """
    Al        Al        PROPN NNP  2  compound B-MEDIA
    -         -         PUNCT HYPH 2  punct    I-MEDIA
    Akhbar    Akhbar    PROPN NNP  10 nsubj    I-MEDIA
    ,         ,         PUNCT ,    10 punct    O
    quoting   quote     VERB  VBG  10 advcl    O
    sources   source    NOUN  NNS  4  dobj     O
    close     close     ADJ   JJ   5  amod     O
    to        to        ADP   IN   6  prep     O
    Hezbollah Hezbollah PROPN NNP  7  pobj     B-ORG
    ,         ,         PUNCT ,    10 punct    O
    said      say       VERB  VBD  10 ROOT     O
    the       the       DET   DT   12 det      O
    group     group     NOUN  NN   14 nsubj    O
    had       have      AUX   VBD  14 aux      O
    rejected  reject    VERB  VBN  10 ccomp    O
    the       the       DET   DT   17 det      O
    French    french    ADJ   JJ   17 amod     B-NORP
    proposal  proposal  NOUN  NN   14 dobj     O
    .         .         PUNCT .    10 punct    O
    """,
    "full",
    kb_ids={"Al-Akhbar": "Al-Akhbar"},
)


TOLD_AN_OUTLET_THEN_REPORTED = HandDoc(
    "An Iraqi security official told Shafaq News that two rockets landed near the airport, the Lebanese broadcaster Al Mayadeen reported.",
    """
    An          an          DET   DT  3  det      O
    Iraqi       iraqi       ADJ   JJ  3  amod     B-NORP
    security    security    NOUN  NN  3  compound O
    official    official    NOUN  NN  4  nsubj    O
    told        tell        VERB  VBD 20 ccomp    O
    Shafaq      Shafaq      PROPN NNP 6  compound B-MEDIA
    News        News        PROPN NNP 4  dobj     I-MEDIA
    that        that        SCONJ IN  10 mark     O
    two         two         NUM   CD  9  nummod   B-CARDINAL
    rockets     rocket      NOUN  NNS 10 nsubj    O
    landed      land        VERB  VBD 4  ccomp    O
    near        near        ADP   IN  10 prep     O
    the         the         DET   DT  13 det      O
    airport     airport     NOUN  NN  11 pobj     O
    ,           ,           PUNCT ,   20 punct    O
    the         the         DET   DT  17 det      O
    Lebanese    lebanese    ADJ   JJ  17 amod     B-NORP
    broadcaster broadcaster NOUN  NN  19 compound O
    Al          Al          PROPN NNP 19 compound B-MEDIA
    Mayadeen    Mayadeen    PROPN NNP 20 nsubj    I-MEDIA
    reported    report      VERB  VBD 20 ROOT     O
    .           .           PUNCT .   20 punct    O
    """,
    "full",
    kb_ids={"Shafaq News": "Shafaq News", "Al Mayadeen": "Al Mayadeen"},
)


NAMED_SOURCE_TOLD_AN_OUTLET = HandDoc(
    "A roadside bomb hit an army bus near Palmyra, killing six soldiers, Mohammed Hussein, a commander of the local militia, told Sputnik.",
    """
    A         a         DET   DT  2  det      O
    roadside  roadside  NOUN  NN  2  compound O
    bomb      bomb      NOUN  NN  3  nsubj    O
    hit       hit       VERB  VBD 24 ccomp    O
    an        an        DET   DT  6  det      O
    army      army      NOUN  NN  6  compound O
    bus       bus       NOUN  NN  3  dobj     O
    near      near      ADP   IN  6  prep     O
    Palmyra   Palmyra   PROPN NNP 7  pobj     B-GPE
    ,         ,         PUNCT ,   3  punct    O
    killing   kill      VERB  VBG 3  advcl    O
    six       six       NUM   CD  12 nummod   B-CARDINAL
    soldiers  soldier   NOUN  NNS 10 dobj     O
    ,         ,         PUNCT ,   12 punct    O
    Mohammed  Mohammed  PROPN NNP 15 compound B-PERSON
    Hussein   Hussein   PROPN NNP 12 appos    I-PERSON
    ,         ,         PUNCT ,   15 punct    O
    a         a         DET   DT  18 det      O
    commander commander NOUN  NN  15 appos    O
    of        of        ADP   IN  18 prep     O
    the       the       DET   DT  22 det      O
    local     local     ADJ   JJ  22 amod     O
    militia   militia   NOUN  NN  19 pobj     O
    ,         ,         PUNCT ,   12 punct    O
    told      tell      VERB  VBD 24 ROOT     O
    Sputnik   Sputnik   PROPN NNP 24 dobj     B-MEDIA
    .         .         PUNCT .   24 punct    O
    """,
    "full",
    kb_ids={"Sputnik": "Sputnik"},
)


JOINED_SOURCES_TOLD_AN_OUTLET = HandDoc(
    "The reservoir had fallen to its lowest level in decades, an engineer at the Mosul Dam and an official at the water ministry told The National.",
    """
    The       the       DET   DT   1  det      O
    reservoir reservoir NOUN  NN   3  nsubj    O
    had       have      AUX   VBD  3  aux      O
    fallen    fall      VERB  VBN  24 ccomp    O
    to        to        ADP   IN   3  prep     O
    its       its       PRON  PRP$ 7  poss     O
    lowest    low       ADJ   JJS  7  amod     O
    level     level     NOUN  NN   4  pobj     O
    in        in        ADP   IN   7  prep     O
    decades   decade    NOUN  NNS  8  pobj     B-DATE
    ,         ,         PUNCT ,    3  punct    O
    an        an        DET   DT   12 det      O
    engineer  engineer  NOUN  NN   24 nsubj    O
    at        at        ADP   IN   12 prep     O
    the       the       DET   DT   16 det      B-FAC
    Mosul     Mosul     PROPN NNP  16 compound I-FAC
    Dam       Dam       PROPN NNP  13 pobj     I-FAC
    and       and       CCONJ CC   12 cc       O
    an        an        DET   DT   19 det      O
    official  official  NOUN  NN   12 conj     O
    at        at        ADP   IN   19 prep     O
    the       the       DET   DT   23 det      B-ORG
    water     water     NOUN  NN   23 compound I-ORG
    ministry  ministry  PROPN NNP  20 pobj     I-ORG
    told      tell      VERB  VBD  24 ROOT     O
    The       the       DET   DT   26 det      B-MEDIA
    National  National  PROPN NNP  24 dobj     I-MEDIA
    .         .         PUNCT .    24 punct    O
    """,
    "full",
    kb_ids={"The National": "The National"},
)


ENVOY_FOR_A_COUNTRY = HandDoc(
    "The UN envoy for Yemen, Hans Grundberg, visited Sanaa on Thursday. The envoy said both sides had agreed to extend the truce.",
    """
    The       the       DET   DT  2  det      O
    UN        UN        PROPN NNP 2  compound B-ORG
    envoy     envoy     NOUN  NN  9  nsubj    O
    for       for       ADP   IN  2  prep     O
    Yemen     Yemen     PROPN NNP 3  pobj     B-GPE
    ,         ,         PUNCT ,   2  punct    O
    Hans      Hans      PROPN NNP 7  compound B-PERSON
    Grundberg Grundberg PROPN NNP 2  appos    I-PERSON
    ,         ,         PUNCT ,   2  punct    O
    visited   visit     VERB  VBD 9  ROOT     O
    Sanaa     Sanaa     PROPN NNP 9  dobj     B-PERSON
    on        on        ADP   IN  9  prep     O
    Thursday  Thursday  PROPN NNP 11 pobj     B-DATE
    .         .         PUNCT .   9  punct    O
    The       the       DET   DT  15 det      O
    envoy     envoy     NOUN  NN  16 nsubj    O
    said      say       VERB  VBD 16 ROOT     O
    both      both      DET   DT  18 det      O
    sides     side      NOUN  NNS 20 nsubj    O
    had       have      AUX   VBD 20 aux      O
    agreed    agree     VERB  VBN 16 ccomp    O
    to        to        PART  TO  22 aux      O
    extend    extend    VERB  VB  20 xcomp    O
    the       the       DET   DT  24 det      O
    truce     truce     NOUN  NN  22 dobj     O
    .         .         PUNCT .   16 punct    O
    """,
    "full",
)


DATELINE_WITH_COUNTRY = HandDoc(
    "ERBIL, Iraq \u2014 Two drones hit the airport compound late on Tuesday, the Kurdish counterterrorism service said.",
    """
    ERBIL            ERBIL            PROPN NNP 18 nsubj    B-GPE
    ,                ,                PUNCT ,   0  punct    O
    Iraq             Iraq             PROPN NNP 0  npadvmod B-GPE
    —                —                PUNCT :   6  punct    O
    Two              two              NUM   CD  5  nummod   B-CARDINAL
    drones           drone            NOUN  NNS 6  nsubj    O
    hit              hit              VERB  VBD 18 ccomp    O
    the              the              DET   DT  9  det      O
    airport          airport          NOUN  NN  9  compound O
    compound         compound         NOUN  NN  6  dobj     O
    late             late             ADV   RB  6  advmod   O
    on               on               ADP   IN  6  prep     O
    Tuesday          Tuesday          PROPN NNP 11 pobj     B-DATE
    ,                ,                PUNCT ,   18 punct    O
    the              the              DET   DT  17 det      O
    Kurdish          kurdish          ADJ   JJ  17 amod     B-NORP
    counterterrorism counterterrorism NOUN  NN  17 compound O
    service          service          NOUN  NN  18 nsubj    O
    said             say              VERB  VBD 18 ROOT     O
    .                .                PUNCT .   18 punct    O
    """,
    "full",
)


OWNERS_ARMED_WING = HandDoc(
    "Hamas's armed wing said in a statement on Telegram that its fighters had destroyed an Israeli tank in Beit Hanoun.",
    """
    Hamas     Hamas     PROPN NNP  3  poss     B-ORG
    's        's        PART  POS  0  case     O
    armed     armed     ADJ   JJ   3  amod     O
    wing      wing      NOUN  NN   4  nsubj    O
    said      say       VERB  VBD  4  ROOT     O
    in        in        ADP   IN   4  prep     O
    a         a         DET   DT   7  det      O
    statement statement NOUN  NN   5  pobj     O
    on        on        ADP   IN   7  prep     O
    Telegram  Telegram  PROPN NNP  8  pobj     B-MEDIA
    that      that      PRON  WDT  14 mark     O
    its       its       PRON  PRP$ 12 poss     O
    fighters  fighter   NOUN  NNS  14 nsubj    O
    had       have      AUX   VBD  14 aux      O
    destroyed destroy   VERB  VBN  4  ccomp    O
    an        an        DET   DT   17 det      O
    Israeli   israeli   ADJ   JJ   17 amod     B-NORP
    tank      tank      NOUN  NN   14 dobj     O
    in        in        ADP   IN   17 prep     O
    Beit      Beit      PROPN NNP  20 compound B-GPE
    Hanoun    Hanoun    PROPN NNP  18 pobj     I-GPE
    .         .         PUNCT .    4  punct    O
    """,
    "full",
    kb_ids={"Telegram": "Telegram"},
)


OUTLET_NAME_AS_ADJECTIVE_QUOTED = HandDoc(
    "Iran's IRNA news agency quoted the judiciary spokesman as saying the British tanker crew would be freed.",
    """
    Iran      Iran      PROPN NNP 4  poss      B-GPE
    's        's        PART  POS 0  case      O
    IRNA      irna      ADJ   JJ  4  amod      B-MEDIA
    news      news      NOUN  NN  4  compound  O
    agency    agency    NOUN  NN  5  nsubj     O
    quoted    quote     VERB  VBD 5  ROOT      O
    the       the       DET   DT  8  det       O
    judiciary judiciary NOUN  NN  8  compound  O
    spokesman spokesman NOUN  NN  5  dobj      O
    as        as        ADP   IN  5  prep      O
    saying    say       VERB  VBG 9  pcomp     O
    the       the       DET   DT  14 det       O
    British   british   ADJ   JJ  14 amod      B-NORP
    tanker    tanker    NOUN  NN  14 compound  O
    crew      crew      NOUN  NN  17 nsubjpass O
    would     would     AUX   MD  17 aux       O
    be        be        AUX   VB  17 auxpass   O
    freed     free      VERB  VBN 10 ccomp     O
    .         .         PUNCT .   5  punct     O
    """,
    "full",
    kb_ids={"IRNA": "Islamic Republic News Agency"},
)


ACCUSED_THEN_OUTLET_REPORTED = HandDoc(
    "Iraqi Kurdish officials accused Turkey of bombing a refugee camp near Makhmour, Rudaw reported.",
    """
    Iraqi     iraqi    ADJ   JJ  2  amod     B-NORP
    Kurdish   kurdish  ADJ   JJ  2  amod     B-NORP
    officials official NOUN  NNS 3  nsubj    O
    accused   accuse   VERB  VBD 14 ccomp    O
    Turkey    Turkey   PROPN NNP 3  dobj     B-GPE
    of        of       ADP   IN  3  prep     O
    bombing   bomb     VERB  VBG 5  pcomp    O
    a         a        DET   DT  9  det      O
    refugee   refugee  NOUN  NN  9  compound O
    camp      camp     NOUN  NN  6  dobj     O
    near      near     ADP   IN  9  prep     O
    Makhmour  Makhmour PROPN NNP 10 pobj     B-GPE
    ,         ,        PUNCT ,   14 punct    O
    Rudaw     Rudaw    PROPN NNP 14 nsubj    B-MEDIA
    reported  report   VERB  VBD 14 ROOT     O
    .         .        PUNCT .   14 punct    O
    """,
    "full",
    kb_ids={"Rudaw": "Rudaw"},
)


SPOKESMAN_NAMED_BESIDE_EARLIER = HandDoc(
    "Qatar's ministry of foreign affairs spokesman, Majed al-Ansari, met reporters in Doha. The spokesman said talks on a hostage deal were continuing.",
    """
    Qatar      Qatar     PROPN NNP 2  poss     B-GPE
    's         's        PART  POS 0  case     O
    ministry   ministry  NOUN  NN  13 nsubj    B-ORG
    of         of        ADP   IN  2  prep     I-ORG
    foreign    foreign   PROPN NNP 5  compound I-ORG
    affairs    affair    NOUN  NNS 6  compound I-ORG
    spokesman  spokesman NOUN  NN  3  pobj     O
    ,          ,         PUNCT ,   2  punct    O
    Majed      Majed     PROPN NNP 11 compound B-PERSON
    al         al        PROPN NNP 11 compound I-PERSON
    -          -         PROPN NNP 11 punct    I-PERSON
    Ansari     Ansari    PROPN NNP 2  appos    I-PERSON
    ,          ,         PUNCT ,   2  punct    O
    met        meet      VERB  VBD 13 ROOT     O
    reporters  reporter  NOUN  NNS 13 dobj     O
    in         in        ADP   IN  13 prep     O
    Doha       Doha      PROPN NNP 15 pobj     B-GPE
    .          .         PUNCT .   13 punct    O
    The        the       DET   DT  19 det      O
    spokesman  spokesman NOUN  NN  20 nsubj    O
    said       say       VERB  VBD 20 ROOT     O
    talks      talk      NOUN  NNS 27 nsubj    O
    on         on        ADP   IN  21 prep     O
    a          a         DET   DT  25 det      O
    hostage    hostage   NOUN  NN  25 compound O
    deal       deal      NOUN  NN  22 pobj     O
    were       be        AUX   VBD 27 aux      O
    continuing continue  VERB  VBG 20 ccomp    O
    .          .         PUNCT .   20 punct    O
    """,
    "full",
)


THE_AGENCY_WITH_NO_OUTLET = HandDoc(
    "The World Health Organization sent medical supplies to Hodeidah. The agency said cholera cases had doubled since June.",
    """
    The          the          DET   DT  3  det      O
    World        World        PROPN NNP 3  compound B-ORG
    Health       Health       PROPN NNP 3  compound I-ORG
    Organization Organization PROPN NNP 4  nsubj    I-ORG
    sent         send         VERB  VBD 4  ROOT     O
    medical      medical      ADJ   JJ  6  amod     O
    supplies     supply       NOUN  NNS 4  dobj     O
    to           to           ADP   IN  4  prep     O
    Hodeidah     Hodeidah     PROPN NNP 7  pobj     B-ORG
    .            .            PUNCT .   4  punct    O
    The          the          DET   DT  11 det      O
    agency       agency       NOUN  NN  12 nsubj    O
    said         say          VERB  VBD 12 ROOT     O
    cholera      cholera      NOUN  NN  14 compound O
    cases        case         NOUN  NNS 16 nsubj    O
    had          have         AUX   VBD 16 aux      O
    doubled      double       VERB  VBN 12 ccomp    O
    since        since        SCONJ IN  16 prep     O
    June         June         PROPN NNP 17 pobj     B-DATE
    .            .            PUNCT .   12 punct    O
    """,
    "full",
)


MEDIUM_HUNG_ON_THE_OBJECT = HandDoc(
    "Governor Phil Reyes announced a statewide mask order on Twitter.",
    """
    Governor  Governor  PROPN NNP 2 compound O
    Phil      Phil      PROPN NNP 2 compound B-PERSON
    Reyes     Reyes     PROPN NNP 3 nsubj    I-PERSON
    announced announce  VERB  VBD 3 ROOT     O
    a         a         DET   DT  7 det      O
    statewide statewide ADJ   JJ  6 amod     O
    mask      mask      NOUN  NN  7 compound O
    order     order     NOUN  NN  3 dobj     O
    on        on        ADP   IN  7 prep     O
    Twitter   Twitter   PROPN NNP 8 pobj     B-MEDIA
    .         .         PUNCT .   3 punct    O
    """,
    "full",
    kb_ids={"Twitter": "Twitter"},
)


MEASURED_WRITERS_SEQUEL = HandDoc(
    "A Treasury spokesperson said the program had started on April 3, nearly a month before the law was signed.",
    """
    A            a            DET   DT  2  det       O
    Treasury     Treasury     PROPN NNP 2  compound  B-ORG
    spokesperson spokesperson NOUN  NN  3  nsubj     O
    said         say          VERB  VBD 3  ROOT      O
    the          the          DET   DT  5  det       O
    program      program      NOUN  NN  7  nsubj     O
    had          have         AUX   VBD 7  aux       O
    started      start        VERB  VBN 3  ccomp     O
    on           on           ADP   IN  7  prep      O
    April        April        PROPN NNP 8  pobj      B-DATE
    3            3            NUM   CD  9  nummod    I-DATE
    ,            ,            PUNCT ,   9  punct     O
    nearly       nearly       ADV   RB  13 advmod    B-DATE
    a            a            PRON  DT  14 nummod    I-DATE
    month        month        NOUN  NN  19 npadvmod  I-DATE
    before       before       SCONJ IN  19 mark      O
    the          the          DET   DT  17 det       O
    law          law          NOUN  NN  19 nsubjpass O
    was          be           AUX   VBD 19 auxpass   O
    signed       sign         VERB  VBN 7  advcl     O
    .            .            PUNCT .   3  punct     O
    """,
    "full",
)


CLAUSE_APPOSITIVE_AFTER_CONTENT = HandDoc(
    "Speaker Nancy Pelosi said the vote would take place next week, a move Republicans called premature.",
    """
    Speaker     Speaker     PROPN NNP  2  compound O
    Nancy       Nancy       PROPN NNP  2  compound B-PERSON
    Pelosi      Pelosi      PROPN NNP  3  nsubj    I-PERSON
    said        say         VERB  VBD  3  ROOT     O
    the         the         DET   DT   5  det      O
    vote        vote        NOUN  NN   7  nsubj    O
    would       would       AUX   MD   7  aux      O
    take        take        VERB  VB   3  ccomp    O
    place       place       NOUN  NN   7  dobj     O
    next        next        ADJ   JJ   10 amod     B-DATE
    week        week        NOUN  NN   7  npadvmod I-DATE
    ,           ,           PUNCT ,    7  punct    O
    a           a           DET   DT   13 det      O
    move        move        NOUN  NN   7  npadvmod O
    Republicans Republicans PROPN NNPS 15 nsubj    B-NORP
    called      call        VERB  VBD  13 relcl    O
    premature   premature   ADV   RB   15 oprd     O
    .           .           PUNCT .    3  punct    O
    """,
    "full",
)


TITLE_CASE_DATELINE_TAKEN_FOR_SUBJECT = HandDoc(
    "Riyadh, Saudi Arabia (CNN) \u2014 The kingdom's defence ministry said it had intercepted a ballistic missile.",
    """
    Riyadh      Riyadh    PROPN NNP   13 nsubj    B-GPE
    ,           ,         PUNCT ,     0  punct    O
    Saudi       Saudi     PROPN NNP   3  compound B-GPE
    Arabia      Arabia    PROPN NNP   0  appos    I-GPE
    (           (         PUNCT -LRB- 5  punct    O
    CNN         CNN       PROPN NNP   3  appos    B-MEDIA
    )           )         PUNCT -RRB- 3  punct    O
    —           —         PUNCT :     0  punct    O
    The         the       DET   DT    9  det      O
    kingdom     kingdom   NOUN  NN    12 poss     O
    's          's        PART  POS   9  case     O
    defence     defence   NOUN  NN    12 compound B-ORG
    ministry    ministry  PROPN NNP   0  appos    I-ORG
    said        say       VERB  VBD   13 ROOT     O
    it          it        PRON  PRP   16 nsubj    O
    had         have      AUX   VBD   16 aux      O
    intercepted intercept VERB  VBN   13 ccomp    O
    a           a         DET   DT    19 det      O
    ballistic   ballistic ADJ   JJ    19 amod     O
    missile     missile   NOUN  NN    16 dobj     O
    .           .         PUNCT .     13 punct    O
    """,
    "full",
    kb_ids={"CNN": "CNN"},
)


TITLE_BEFORE_THE_NAME_THEN_THE_DESCRIPTION = HandDoc(
    "Iraq's parliament speaker Mohammed al-Halbousi met tribal leaders in Anbar. The speaker said the province needed more funds.",
    """
    Iraq       Iraq       PROPN NNP 3  poss     B-GPE
    's         's         PART  POS 0  case     O
    parliament parliament NOUN  NN  3  compound O
    speaker    speaker    NOUN  NN  8  nsubj    O
    Mohammed   Mohammed   PROPN NNP 7  compound B-PERSON
    al         al         PROPN NNP 7  compound I-PERSON
    -          -          PROPN NNP 7  punct    I-PERSON
    Halbousi   Halbousi   PROPN NNP 3  appos    I-PERSON
    met        meet       VERB  VBD 8  ROOT     O
    tribal     tribal     ADJ   JJ  10 amod     O
    leaders    leader     NOUN  NNS 8  dobj     O
    in         in         ADP   IN  8  prep     O
    Anbar      Anbar      PROPN NNP 11 pobj     B-GPE
    .          .          PUNCT .   8  punct    O
    The        the        DET   DT  15 det      O
    speaker    speaker    NOUN  NN  16 nsubj    O
    said       say        VERB  VBD 16 ROOT     O
    the        the        DET   DT  18 det      O
    province   province   NOUN  NN  19 nsubj    O
    needed     need       VERB  VBD 16 ccomp    O
    more       more       ADJ   JJR 21 amod     O
    funds      fund       NOUN  NNS 19 dobj     O
    .          .          PUNCT .   16 punct    O
    """,
    "full",
)


QUOTING_HUNG_ON_THE_OUTLET_THEN_ACCORDING_TO = HandDoc(
    "Sky News Arabia, quoting Egyptian sources, said Hamas had accepted the truce proposal, according to The Times of Israel.",
    """
    Sky       Sky      PROPN NNP 2  compound B-MEDIA
    News      News     PROPN NNP 2  compound I-MEDIA
    Arabia    Arabia   PROPN NNP 8  nsubj    I-MEDIA
    ,         ,        PUNCT ,   2  punct    O
    quoting   quote    VERB  VBG 2  acl      O
    Egyptian  egyptian ADJ   JJ  6  amod     B-NORP
    sources   source   NOUN  NNS 4  dobj     O
    ,         ,        PUNCT ,   8  punct    O
    said      say      VERB  VBD 8  ROOT     O
    Hamas     Hamas    PROPN NNP 11 nsubj    B-ORG
    had       have     AUX   VBD 11 aux      O
    accepted  accept   VERB  VBN 8  ccomp    O
    the       the      DET   DT  14 det      O
    truce     truce    NOUN  NN  14 compound O
    proposal  proposal NOUN  NN  11 dobj     O
    ,         ,        PUNCT ,   11 punct    O
    according accord   VERB  VBG 11 prep     O
    to        to       ADP   IN  16 prep     O
    The       the      DET   DT  19 det      B-MEDIA
    Times     Times    PROPN NNP 17 pobj     I-MEDIA
    of        of       ADP   IN  19 prep     I-MEDIA
    Israel    Israel   PROPN NNP 20 pobj     I-MEDIA
    .         .        PUNCT .   8  punct    O
    """,
    "full",
    kb_ids={"Sky News Arabia": "Sky News Arabia", "The Times of Israel": "Times of Israel"},
)


SPEAKING_TO_AN_OUTLET_HUNG_ON_THE_SUBJECT = HandDoc(
    "Hamas official Osama Hamdan, speaking to Al Jazeera from Beirut, said Israel was stalling the talks.",
    """
    Hamas    Hamas    PROPN NNP 1  compound B-ORG
    official official NOUN  NN  3  compound O
    Osama    Osama    PROPN NNP 3  compound B-PERSON
    Hamdan   Hamdan   PROPN NNP 12 nsubj    I-PERSON
    ,        ,        PUNCT ,   3  punct    O
    speaking speak    VERB  VBG 3  acl      O
    to       to       ADP   IN  5  prep     O
    Al       Al       PROPN NNP 8  compound B-MEDIA
    Jazeera  Jazeera  PROPN NNP 6  pobj     I-MEDIA
    from     from     ADP   IN  5  prep     O
    Beirut   Beirut   PROPN NNP 9  pobj     B-GPE
    ,        ,        PUNCT ,   3  punct    O
    said     say      VERB  VBD 12 ROOT     O
    Israel   Israel   PROPN NNP 15 nsubj    B-GPE
    was      be       AUX   VBD 15 aux      O
    stalling stall    VERB  VBG 12 ccomp    O
    the      the      DET   DT  17 det      O
    talks    talk     NOUN  NNS 15 dobj     O
    .        .        PUNCT .   12 punct    O
    """,
    "full",
    kb_ids={"Al Jazeera": "Al Jazeera"},
)


DATELINE_WITH_COUNTRY_DATE_AND_AGENCY = HandDoc(
    "Beirut, Lebanon, Oct. 4 (AP) \u2014 Lebanon's army said it had deployed troops along the southern border.",
    """
    Beirut   Beirut   PROPN NNP   13 nsubj    B-GPE
    ,        ,        PUNCT ,     0  punct    O
    Lebanon  Lebanon  PROPN NNP   0  appos    B-GPE
    ,        ,        PUNCT ,     0  punct    O
    Oct.     Oct.     PROPN NNP   0  npadvmod B-DATE
    4        4        NUM   CD    4  nummod   I-DATE
    (        (        PUNCT -LRB- 4  punct    O
    AP       AP       PROPN NNP   4  appos    B-MEDIA
    )        )        PUNCT -RRB- 0  punct    O
    —        —        PUNCT :     0  punct    O
    Lebanon  Lebanon  PROPN NNP   12 poss     B-GPE
    's       's       PART  POS   10 case     O
    army     army     NOUN  NN    13 nsubj    O
    said     say      VERB  VBD   13 ROOT     O
    it       it       PRON  PRP   16 nsubj    O
    had      have     AUX   VBD   16 aux      O
    deployed deploy   VERB  VBN   13 ccomp    O
    troops   troop    NOUN  NNS   16 dobj     O
    along    along    ADP   IN    17 prep     O
    the      the      DET   DT    21 det      O
    southern southern ADJ   JJ    21 amod     O
    border   border   NOUN  NN    18 pobj     O
    .        .        PUNCT .     13 punct    O
    """,
    "full",
    kb_ids={"AP": "Associated Press"},
)
