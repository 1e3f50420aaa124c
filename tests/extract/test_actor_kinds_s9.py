"""Issue 10, session 9: kinds of actor the second fresh probe set's failures named (read
by kind only), each on a hand-built parse (tests/extract/hand_docs.py's format; each table
is the small English model's parse with our components, copied when the test was written,
or changed on purpose where a comment says so), in other words and names than that set.

- an armed group by agreement: the subject of an armed act ("fired two rockets at a border
  post", "claimed the attack") is a group, whether the NER called it a person, a body, or
  nothing; its initials join it, the Arabic article's letter left out ("JAB");
- a state's forces with a modifier ("the Lebanese internal security forces") and a
  coalition by its leader ("the French-led coalition"): the whole phrase, one actor;
- a dateline's place in capitals before an agency in brackets ("KHAN SHEIKHOUN (AFP) --");
- where an armed act fell is a place: a name the NER missed ("fired rockets at Ofakim") or
  called a body ("landed near Kissufim and Nirim"); a mountain is a place ("Mount Tabor");
- "previously known as" declares a second name; a body's name without its closing
  "for" phrase ("the Yemeni Centre") is the body; a person's surname joins the full name
  the NER took for a body ("Morgan Tsvangirai of the MDC").
"""

from __future__ import annotations

from hand_docs import HandDoc

from workbench.extract.actors import extract_actors
from workbench.model import ActorType

FIRED_AT_A_POST = HandDoc(
    "Liwa Thar fired two rockets at a border post.",
    """
    Liwa    Liwa   PROPN NNP 1 compound B-PERSON
    Thar    Thar   PROPN NNP 2 nsubj    I-PERSON
    fired   fire   VERB  VBD 2 ROOT     O
    two     two    NUM   CD  4 nummod   B-CARDINAL
    rockets rocket NOUN  NNS 2 dobj     O
    at      at     ADP   IN  2 prep     O
    a       a      DET   DT  8 det      O
    border  border NOUN  NN  8 compound O
    post    post   NOUN  NN  5 pobj     O
    .       .      PUNCT .   2 punct    O
    """,
    "full",
)

CLAIMED_THE_ATTACK = HandDoc(
    "Sarya claimed the attack on the convoy.",
    """
    Sarya   Sarya  NOUN  NNS 1 nsubj O
    claimed claim  VERB  VBD 1 ROOT  O
    the     the    DET   DT  3 det   O
    attack  attack NOUN  NN  1 dobj  O
    on      on     ADP   IN  3 prep  O
    the     the    DET   DT  6 det   O
    convoy  convoy NOUN  NN  4 pobj  O
    .       .      PUNCT .   1 punct O
    """,
    "full",
)

BRIGADES_AND_THEIR_INITIALS = HandDoc(
    "Jund al-Aqsa Brigades attacked a checkpoint. JAB denied it.",
    """
    Jund       Jund       PROPN NNP  4  compound B-PERSON
    al         al         PROPN NNP  4  compound I-PERSON
    -          -          PROPN NNP  4  compound I-PERSON
    Aqsa       Aqsa       PROPN NNP  4  compound I-PERSON
    Brigades   Brigades   PROPN NNPS 5  nsubj    I-PERSON
    attacked   attack     VERB  VBD  5  ROOT     O
    a          a          DET   DT   7  det      O
    checkpoint checkpoint NOUN  NN   5  dobj     O
    .          .          PUNCT .    5  punct    O
    JAB        JAB        PROPN NNP  10 nsubj    B-ORG
    denied     deny       VERB  VBD  10 ROOT     O
    it         it         PRON  PRP  10 dobj     O
    .          .          PUNCT .    10 punct    O
    """,
    "full",
)

INTERNAL_SECURITY_FORCES = HandDoc(
    "The Lebanese internal security forces said a suspect was held.",
    """
    The      the      DET   DT  4 det       O
    Lebanese lebanese ADJ   JJ  4 amod      B-NORP
    internal internal ADJ   JJ  4 amod      O
    security security NOUN  NN  4 compound  O
    forces   force    NOUN  NNS 5 nsubj     O
    said     say      VERB  VBD 5 ROOT      O
    a        a        DET   DT  7 det       O
    suspect  suspect  NOUN  NN  9 nsubjpass O
    was      be       AUX   VBD 9 auxpass   O
    held     hold     VERB  VBN 5 ccomp     O
    .        .        PUNCT .   5 punct     O
    """,
    "full",
)

LED_COALITION = HandDoc(
    "The French-led coalition said its jets struck a depot.",
    """
    The       the       DET   DT   4  det      O
    French    French    PROPN NNP  3  npadvmod B-NORP
    -         -         PUNCT HYPH 3  punct    O
    led       lead      VERB  VBN  4  amod     O
    coalition coalition NOUN  NN   5  nsubj    O
    said      say       VERB  VBD  5  ROOT     O
    its       its       PRON  PRP$ 7  poss     O
    jets      jet       NOUN  NNS  8  nsubj    O
    struck    strike    VERB  VBD  5  ccomp    O
    a         a         DET   DT   10 det      O
    depot     depot     NOUN  NN   8  dobj     O
    .         .         PUNCT .    5  punct    O
    """,
    "full",
)

DATELINE_OF_TWO_WORDS = HandDoc(
    "KHAN SHEIKHOUN (AFP) -- Troops entered the town.",
    """
    KHAN      KHAN      PROPN NNP   1 compound B-PERSON
    SHEIKHOUN SHEIKHOUN PROPN NNP   1 ROOT     O
    (         (         PUNCT -LRB- 1 punct    O
    AFP       AFP       PROPN NNP   1 appos    B-MEDIA
    )         )         PUNCT -RRB- 1 punct    O
    --        --        PUNCT :     1 punct    O
    Troops    troop     NOUN  NNS   7 nsubj    O
    entered   enter     VERB  VBD   7 ROOT     O
    the       the       DET   DT    9 det      O
    town      town      NOUN  NN    7 dobj     O
    .         .         PUNCT .     7 punct    O
    """,
    "full",
)

FIRED_AT_AN_UNKNOWN_TOWN = HandDoc(
    "Militants fired three rockets at Ofakim on Tuesday.",
    """
    Militants militant NOUN  NNS 1 nsubj  O
    fired     fire     VERB  VBD 1 ROOT   O
    three     three    NUM   CD  3 nummod B-CARDINAL
    rockets   rocket   NOUN  NNS 1 dobj   O
    at        at       ADP   IN  1 prep   O
    Ofakim    Ofakim   PROPN NNP 4 pobj   O
    on        on       ADP   IN  1 prep   O
    Tuesday   Tuesday  PROPN NNP 6 pobj   B-DATE
    .         .        PUNCT .   1 punct  O
    """,
    "full",
)

LANDED_NEAR_TWO_TOWNS = HandDoc(
    "A shell landed near Kissufim and Nirim.",
    """
    A        a        DET   DT  1 det   O
    shell    shell    NOUN  NN  2 nsubj O
    landed   land     VERB  VBD 2 ROOT  O
    near     near     ADP   IN  2 prep  O
    Kissufim Kissufim PROPN NNP 3 pobj  B-GPE
    and      and      CCONJ CC  4 cc    O
    Nirim    Nirim    PROPN NNP 4 conj  B-ORG
    .        .        PUNCT .   2 punct O
    """,
    "full",
)

MOUNTAIN_RESIDENTS = HandDoc(
    "Mount Tabor residents said the shelling had stopped.",
    """
    Mount     Mount    PROPN NNP 1 compound B-ORG
    Tabor     Tabor    PROPN NNP 2 compound I-ORG
    residents resident NOUN  NNS 3 nsubj    O
    said      say      VERB  VBD 3 ROOT     O
    the       the      DET   DT  5 det      O
    shelling  shelling NOUN  NN  7 nsubj    O
    had       have     AUX   VBD 7 aux      O
    stopped   stop     VERB  VBN 3 ccomp    O
    .         .        PUNCT .   3 punct    O
    """,
    "full",
)

PREVIOUSLY_KNOWN_AS = HandDoc(
    "Istanbul, previously known as Constantinople, hosted the talks.",
    """
    Istanbul       Istanbul       PROPN NNP 7 nsubj  B-GPE
    ,              ,              PUNCT ,   0 punct  O
    previously     previously     ADV   RB  3 advmod O
    known          know           VERB  VBN 0 acl    O
    as             as             ADP   IN  3 prep   O
    Constantinople Constantinople PROPN NNP 4 pobj   B-ORG
    ,              ,              PUNCT ,   0 punct  O
    hosted         host           VERB  VBD 7 ROOT   O
    the            the            DET   DT  9 det    O
    talks          talk           NOUN  NNS 7 dobj   O
    .              .              PUNCT .   7 punct  O
    """,
    "full",
)

WITHOUT_ITS_FOR_PHRASE = HandDoc(
    "The Yemeni Centre for Human Rights said 12 died. The Yemeni Centre later revised it.",
    """
    The     the    DET   DT   2  det      B-ORG
    Yemeni  yemeni ADJ   JJ   2  amod     I-ORG
    Centre  Centre PROPN NNP  6  nsubj    I-ORG
    for     for    ADP   IN   2  prep     I-ORG
    Human   Human  PROPN NNP  5  compound I-ORG
    Rights  Rights PROPN NNPS 3  pobj     I-ORG
    said    say    VERB  VBD  6  ROOT     O
    12      12     NUM   CD   8  nsubj    B-CARDINAL
    died    die    VERB  VBD  6  ccomp    O
    .       .      PUNCT .    6  punct    O
    The     the    DET   DT   12 det      B-ORG
    Yemeni  yemeni ADJ   JJ   12 amod     I-ORG
    Centre  Centre PROPN NNP  14 nsubj    I-ORG
    later   later  ADV   RB   14 advmod   O
    revised revise VERB  VBD  14 ROOT     O
    it      it     PRON  PRP  14 dobj     O
    .       .      PUNCT .    14 punct    O
    """,
    "full",
)

FULL_NAME_TAKEN_FOR_A_BODY = HandDoc(
    "Morgan Tsvangirai of the MDC lost. Tsvangirai said the count was rigged.",
    """
    Morgan     Morgan     PROPN NNP 1  compound  B-ORG
    Tsvangirai Tsvangirai PROPN NNP 5  nsubj     I-ORG
    of         of         ADP   IN  1  prep      O
    the        the        DET   DT  4  det       O
    MDC        MDC        PROPN NNP 2  pobj      B-ORG
    lost       lose       VERB  VBN 5  ROOT      O
    .          .          PUNCT .   5  punct     O
    Tsvangirai Tsvangirai PROPN NNP 8  nsubj     B-PERSON
    said       say        VERB  VBD 8  ROOT      O
    the        the        DET   DT  10 det       O
    count      count      NOUN  NN  12 nsubjpass O
    was        be         AUX   VBD 12 auxpass   O
    rigged     rig        VERB  VBN 8  ccomp     O
    .          .          PUNCT .   8  punct     O
    """,
    "full",
)


def _actors(hand: HandDoc) -> dict[str, tuple[ActorType, list[str]]]:
    doc = hand.doc()
    return {
        a.name: (a.type, [hand.text[m.start : m.end] for m in a.mentions])
        for a in extract_actors(doc)
    }


def test_who_fires_at_a_post_is_an_armed_group_not_a_person():
    assert _actors(FIRED_AT_A_POST)["Liwa Thar"][0] is ActorType.GROUP


def test_an_untagged_name_that_claims_an_attack_is_a_group():
    assert _actors(CLAIMED_THE_ATTACK) == {"Sarya": (ActorType.GROUP, ["Sarya"])}


def test_brigades_that_attack_are_a_group_and_their_initials_skip_the_article():
    actors = _actors(BRIGADES_AND_THEIR_INITIALS)
    assert actors == {"Jund al-Aqsa Brigades": (ActorType.GROUP, ["Jund al-Aqsa Brigades", "JAB"])}


def test_forces_with_a_modifier_are_one_collective_actor_with_the_nationality():
    actors = _actors(INTERNAL_SECURITY_FORCES)
    assert actors == {
        "Lebanese internal security forces": (
            ActorType.ORGANIZATION,
            ["Lebanese internal security forces"],
        )
    }


def test_a_coalition_named_by_its_leader_is_one_actor():
    actors = _actors(LED_COALITION)
    assert actors == {"French-led coalition": (ActorType.ORGANIZATION, ["French-led coalition"])}


def test_a_dateline_of_two_words_in_capitals_is_one_place():
    actors = _actors(DATELINE_OF_TWO_WORDS)
    assert actors["KHAN SHEIKHOUN"] == (ActorType.PLACE, ["KHAN SHEIKHOUN"])
    assert not any(t is ActorType.PERSON for t, _ in actors.values())


def test_an_untagged_name_rockets_were_fired_at_is_a_place():
    assert _actors(FIRED_AT_AN_UNKNOWN_TOWN) == {"Ofakim": (ActorType.PLACE, ["Ofakim"])}


def test_a_name_called_a_body_where_a_shell_landed_is_a_place():
    actors = _actors(LANDED_NEAR_TWO_TOWNS)
    assert actors["Nirim"] == (ActorType.PLACE, ["Nirim"])


def test_a_mountain_called_a_body_is_a_place():
    assert _actors(MOUNTAIN_RESIDENTS)["Mount Tabor"][0] is ActorType.PLACE


def test_previously_known_as_declares_a_second_name():
    actors = _actors(PREVIOUSLY_KNOWN_AS)
    assert len(actors) == 1
    ((_, forms),) = actors.values()
    assert sorted(forms) == ["Constantinople", "Istanbul"]


def test_a_body_named_without_its_closing_for_phrase_is_the_body():
    actors = _actors(WITHOUT_ITS_FOR_PHRASE)
    assert actors == {
        "Yemeni Centre for Human Rights": (
            ActorType.ORGANIZATION,
            ["Yemeni Centre for Human Rights", "Yemeni Centre"],
        )
    }


def test_a_surname_joins_the_full_name_the_ner_called_a_body():
    actors = _actors(FULL_NAME_TAKEN_FOR_A_BODY)
    assert actors["Morgan Tsvangirai"] == (
        ActorType.PERSON,
        ["Morgan Tsvangirai", "Tsvangirai"],
    )


# the guideline's decision (eval/gold/README.md): a compass word standing for a country
# named before ("the North" after North Korea) is that country, as "the Kingdom" is
THE_NORTH_AFTER_NORTH_KOREA = HandDoc(
    "North Korea fired a missile. The North said the test worked.",
    """
    North   North   PROPN NNP 1  compound B-GPE
    Korea   Korea   PROPN NNP 2  nsubj    I-GPE
    fired   fire    VERB  VBD 2  ROOT     O
    a       a       DET   DT  4  det      O
    missile missile NOUN  NN  2  dobj     O
    .       .       PUNCT .   2  punct    O
    The     the     DET   DT  7  det      O
    North   North   PROPN NNP 8  nsubj    B-ORG
    said    say     VERB  VBD 8  ROOT     O
    the     the     DET   DT  10 det      O
    test    test    NOUN  NN  11 nsubj    O
    worked  work    VERB  VBD 8  ccomp    O
    .       .       PUNCT .   8  punct    O
    """,
    "full",
)

# the same with a lower-case "north": a part of a country, no actor (the table changed on
# purpose: the words are the first doc's, "north" written in lower case)
THE_NORTH_IN_LOWER_CASE = HandDoc(
    "North Korea fired a missile. Rebels in the north fled.",
    """
    North   North   PROPN NNP 1  compound B-GPE
    Korea   Korea   PROPN NNP 2  nsubj    I-GPE
    fired   fire    VERB  VBD 2  ROOT     O
    a       a       DET   DT  4  det      O
    missile missile NOUN  NN  2  dobj     O
    .       .       PUNCT .   2  punct    O
    Rebels  rebel   NOUN  NNS 10 nsubj    O
    in      in      ADP   IN  6  prep     O
    the     the     DET   DT  9  det      O
    north   north   NOUN  NN  7  pobj     O
    fled    flee    VERB  VBN 10 ROOT     O
    .       .       PUNCT .   10 punct    O
    """,
    "full",
    as_parsed=False,
)


def test_the_north_after_north_korea_is_north_korea():
    actors = _actors(THE_NORTH_AFTER_NORTH_KOREA)
    assert actors == {"North Korea": (ActorType.COUNTRY, ["North Korea", "North"])}


def test_the_north_in_lower_case_is_no_mention():
    assert _actors(THE_NORTH_IN_LOWER_CASE) == {"North Korea": (ActorType.COUNTRY, ["North Korea"])}


# a hospital, an airport, a station the text only puts somewhere is a place; one that
# speaks is the body
DIED_AT_A_HOSPITAL = HandDoc(
    "He died at Gleneagles Hospital in Singapore.",
    """
    He         he         PRON  PRP 1 nsubj    O
    died       die        VERB  VBD 1 ROOT     O
    at         at         ADP   IN  1 prep     O
    Gleneagles Gleneagles PROPN NNP 4 compound B-ORG
    Hospital   Hospital   PROPN NNP 2 pobj     I-ORG
    in         in         ADP   IN  4 prep     O
    Singapore  Singapore  PROPN NNP 5 pobj     B-GPE
    .          .          PUNCT .   1 punct    O
    """,
    "full",
)

THE_HOSPITAL_SPEAKS = HandDoc(
    "The Gleneagles Hospital said he died.",
    """
    The        the        DET   DT  2 det      B-ORG
    Gleneagles Gleneagles PROPN NNP 2 compound I-ORG
    Hospital   Hospital   PROPN NNP 3 nsubj    I-ORG
    said       say        VERB  VBD 3 ROOT     O
    he         he         PRON  PRP 5 nsubj    O
    died       die        VERB  VBD 3 ccomp    O
    .          .          PUNCT .   3 punct    O
    """,
    "full",
)


def test_a_hospital_only_placed_is_a_place_and_one_that_speaks_a_body():
    assert _actors(DIED_AT_A_HOSPITAL)["Gleneagles Hospital"][0] is ActorType.PLACE
    assert _actors(THE_HOSPITAL_SPEAKS)["Gleneagles Hospital"][0] is ActorType.ORGANIZATION


# a people's fighters are one collective actor, the whole phrase (lexicon/peoples.txt)
A_PEOPLES_MILITIAMEN = HandDoc(
    "Alawite militiamen said they had left.",
    """
    Alawite    Alawite    PROPN NNP 1 compound O
    militiamen militiaman NOUN  NNS 2 nsubj    O
    said       say        VERB  VBD 2 ROOT     O
    they       they       PRON  PRP 5 nsubj    O
    had        have       AUX   VBD 5 aux      O
    left       leave      VERB  VBN 2 ccomp    O
    .          .          PUNCT .   2 punct    O
    """,
    "full",
)


def test_a_peoples_militiamen_are_one_collective_actor_the_whole_phrase():
    assert _actors(A_PEOPLES_MILITIAMEN) == {
        "Alawite militiamen": (ActorType.GROUP, ["Alawite militiamen"])
    }


# where forces went is a place too, the NER silent (movement_verbs.txt)
PUSHED_INTO_A_TOWN = HandDoc(
    "Government forces pushed into Lataminah after heavy fighting.",
    """
    Government government NOUN  NN  1 compound O
    forces     force      NOUN  NNS 2 nsubj    O
    pushed     push       VERB  VBD 2 ROOT     O
    into       into       ADP   IN  2 prep     O
    Lataminah  Lataminah  PROPN NNP 3 pobj     O
    after      after      ADP   IN  2 prep     O
    heavy      heavy      ADJ   JJ  7 amod     O
    fighting   fighting   NOUN  NN  5 pobj     O
    .          .          PUNCT .   2 punct    O
    """,
    "full",
)


def test_an_untagged_name_forces_pushed_into_is_a_place():
    assert _actors(PUSHED_INTO_A_TOWN) == {"Lataminah": (ActorType.PLACE, ["Lataminah"])}


# where it happened is a place, the model's label of no actor aside (armed_acts.txt +scene)
ARRESTED_IN_A_TOWN_TAKEN_FOR_AN_EVENT = HandDoc(
    "Three protesters were arrested in Beita on Monday.",
    """
    Three      three     NUM   CD  1 nummod    B-CARDINAL
    protesters protester NOUN  NNS 3 nsubjpass O
    were       be        AUX   VBD 3 auxpass   O
    arrested   arrest    VERB  VBN 3 ROOT      O
    in         in        ADP   IN  3 prep      O
    Beita      Beita     PROPN NNP 4 pobj      B-EVENT
    on         on        ADP   IN  3 prep      O
    Monday     Monday    PROPN NNP 6 pobj      B-DATE
    .          .         PUNCT .   3 punct     O
    """,
    "full",
)

# the same with a NORP label, as the model gives "Heish" in "Clashes erupted near Heish"
ERUPTED_NEAR_A_TOWN_TAKEN_FOR_A_PEOPLE = HandDoc(
    "Clashes erupted near Heish on Monday.",
    """
    Clashes clash  NOUN  NNS 1 nsubj O
    erupted erupt  VERB  VBD 1 ROOT  O
    near    near   ADP   IN  1 prep  O
    Heish   Heish  PROPN NNP 2 pobj  B-NORP
    on      on     ADP   IN  1 prep  O
    Monday  Monday PROPN NNP 4 pobj  B-DATE
    .       .      PUNCT .   1 punct O
    """,
    "full",
)


def test_a_town_where_people_were_arrested_is_a_place_whatever_the_label():
    assert _actors(ARRESTED_IN_A_TOWN_TAKEN_FOR_AN_EVENT) == {"Beita": (ActorType.PLACE, ["Beita"])}
    assert _actors(ERUPTED_NEAR_A_TOWN_TAKEN_FOR_A_PEOPLE) == {
        "Heish": (ActorType.PLACE, ["Heish"])
    }


# "formerly" alone declares the name after it (alias_cues.txt +alone)
FORMERLY_ALONE = HandDoc(
    "The Levant Front, formerly Liwa al-Fatah, took the town.",
    """
    The      the      DET   DT   2  det      B-ORG
    Levant   Levant   PROPN NNP  2  compound I-ORG
    Front    Front    PROPN NNP  10 nsubj    I-ORG
    ,        ,        PUNCT ,    2  punct    O
    formerly formerly ADV   RB   5  advmod   O
    Liwa     Liwa     PROPN NNP  8  compound B-PERSON
    al       al       PROPN NNP  8  compound I-PERSON
    -        -        PUNCT HYPH 8  punct    I-PERSON
    Fatah    Fatah    PROPN NNP  2  appos    I-PERSON
    ,        ,        PUNCT ,    2  punct    O
    took     take     VERB  VBD  10 ROOT     O
    the      the      DET   DT   12 det      O
    town     town     NOUN  NN   10 dobj     O
    .        .        PUNCT .    10 punct    O
    """,
    "full",
)


def test_formerly_alone_declares_the_name_after_it():
    actors = _actors(FORMERLY_ALONE)
    assert len(actors) == 1
    ((_, forms),) = actors.values()
    assert forms == ["Levant Front", "Liwa al-Fatah"]
