"""Armed groups by agreement: who fires, bombs and claims attacks.

A name the NER calls a person or a body, and nothing else types ("Liwa Thar claimed the
attack", "Jund al-Haqq fired rockets at a patrol", "Sarya fighters"), is an armed group
when it is the subject of an armed act or names the fighters after it. And where an armed
act fell or happened, a name the NER missed or gave a label of no actor, is a place
("fired rockets at Ofakim", "arrested in Beita"). The words are data
(lexicon/armed_acts.txt, movement_verbs.txt, prepositions.txt's places).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import country_of_demonym, fold
from .spans import tokens_spelled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# "Liwa al-Quds", "Jabhat Ansar al-Din": the kind of unit first, then the group's name
# lower-case words inside a transliterated name: "Saraya Awliya al-Dam", "Jund al-Haqq"
_NAME_PARTICLES = lexicon.words("armed_group_heads.txt", flag="particle")
GROUP_HEADS = lexicon.words("armed_group_heads.txt") - _NAME_PARTICLES
_GROUP_NAME_TOKENS = 8  # "Jabhat Ansar al-Din" is six tokens; a name stops before this
_VERBS = lexicon.words("armed_acts.txt", flag="verb")
_OBJECTS = lexicon.words("armed_acts.txt", flag="object")
# "Sarya fighters", "Liwa Thar militants": the name of the group the fighters are of
_MEMBERS = lexicon.words("armed_acts.txt", flag="member")
# "the X Division shelled Tal Tamr": verbs of fighting whatever their object
_ALONE = lexicon.words("armed_acts.txt", flag="alone")
# "the Turkish-backed X": the name a patron backs
_BACKERS = lexicon.words("armed_acts.txt", flag="backer")
# "the UN-backed Government of National Accord": a backed government is no armed group
_GOVERNMENT_NOUNS = lexicon.words("government_nouns.txt")
# "fighters of X", "gunmen from X", "militants loyal to X": whose fighters they are
_FIGHTERS_OF = ("of", "from", "to")
_SUBJECTS = ("nsubj", "nsubjpass")
_PEOPLES = lexicon.words("peoples.txt")
_STRUCK = lexicon.words("armed_acts.txt", flag="target")
# "pushed into Lataminah", "captured Morek": where forces went is a place too
_WENT = lexicon.words("movement_verbs.txt") - lexicon.words("movement_verbs.txt", flag="visit")
# "the Amal movement", "Amal fighters": a group's name that is also a given name, named one
_NAMED_BY = lexicon.words("armed_acts.txt", flag="named") | _MEMBERS
# given names, the hand-written and the world-wide lists: "Amal" is a woman's as often
_GIVEN = frozenset(
    fold(n) for name in ("given_names.txt", "given_names_world.txt") for n in lexicon.lines(name)
)
# "the shelling of Maarat al-Numan", "the siege of Madaya": where the blows fell
_STRUCK_NOUNS = lexicon.words("armed_acts.txt", flag="of-place")
# "killed in Talbiseh": where it happened, after a preposition only
_SCENE = lexicon.words("armed_acts.txt", flag="scene")
# "troops entered Zerbeh", "the convoy reached Jarablus": verbs of going anywhere, a place
# where forces are their subject (a person "visits" a person; forces enter a town)
_MOVES = lexicon.words("movement_verbs.txt")
_MOVERS = lexicon.words("armed_acts.txt", flag="mover") | _MEMBERS
_TARGET_VERBS = _VERBS | _STRUCK | _WENT | _SCENE
# a name as the object: "struck Ofakim", "captured Morek"; not "attacked X", which may be
# a group, nor "visited X", a person
_OBJECT_VERBS = (_STRUCK | _WENT) - (_VERBS - _STRUCK)
# "fired at", "landed near", "fell towards": where the blow fell
_WHERE = lexicon.words("prepositions.txt", flag="locative") | lexicon.words(
    "prepositions.txt", flag="direction"
)


def acts_armed(span: Span, *, alone: bool = True) -> bool:
    """Whether the name fights here: the subject of an armed act done with or to an armed
    object, or the name before its fighters ("X fighters attacked"). With `alone`, also
    weaker evidence, which a person fits too: the subject of a verb of fighting whatever
    its object ("X shelled Tal Tamr"; "Khalifa Haftar shelled Tripoli"), or a name of one
    word or the NER's person that fighters are loyal to ("fighters loyal to Haftar",
    "fighters loyal to Khalifa Haftar")."""
    root = span.root
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in _MEMBERS and root.head.i == after.i:
        return True
    if _fighters_of(root) or _backed(span):
        return True
    if owed_allegiance(span) and (
        alone or (len(span.text.split()) > 1 and span.label_ != "PERSON")
    ):
        # a leader is owed loyalty as often as a body: a name of one word ("Haftar",
        # "Hemedti") or one the NER calls a person ("Khalifa Haftar") is weaker evidence
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        verb = root.head.head  # "the attack was claimed by Liwa Thar"
    elif root.dep_ in _SUBJECTS:
        verb = root.head
    else:
        return False
    # "X shelled the post and fired rockets": each conjunct has the first one's subject
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(
        v.lemma_.lower() in _VERBS
        and (
            (alone and v.lemma_.lower() in _ALONE)
            or any(_armed_object(child) for child in v.children)
        )
        for v in verbs
    )


def _fighters_of(root: Token) -> bool:
    """ "Fighters of the X Movement", "gunmen from X", "militants loyal to X": the name
    whose fighters they are (after a preposition under the fighters' noun, or under an
    adjective of theirs)."""
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "fighters of X and Y"
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in _FIGHTERS_OF:
        return False
    return prep.head.lower_ in _MEMBERS


def owed_allegiance(span: Span) -> bool:
    """ "militants loyal to X", "forces loyal to X": the name the fighters are loyal to,
    after a preposition under an adjective of theirs. A leader is owed it as often as a
    body ("fighters loyal to Haftar"), so it is weaker evidence of a group than "fighters
    of X"; and no town is."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "loyal to X and Y"
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in _FIGHTERS_OF:
        return False
    adjective = prep.head
    return (
        adjective.pos_ == "ADJ" and adjective.dep_ == "amod" and adjective.head.lower_ in _MEMBERS
    )


def _backed(span: Span) -> bool:
    """ "The Turkish-backed Sultan Murad Division": a patron and a hyphen before the word
    of backing that modifies the name; not a government ("the UN-backed government")."""
    if fold(span.text.split()[-1]) in _GOVERNMENT_NOUNS:
        return False
    doc = span.doc
    return any(
        child.dep_ == "amod"
        and child.lower_ in _BACKERS
        and child.i > 0
        and doc[child.i - 1].text == "-"
        for child in span.root.children
    )


def _armed_object(child: Token) -> bool:
    if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in _OBJECTS:
        return True
    if child.dep_ == "prep":  # "fired at a patrol", "claimed responsibility for"
        return any(g.dep_ == "pobj" and g.lemma_.lower() in _OBJECTS for g in child.children)
    return False


def struck_places(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of names the NER left untagged where an armed act fell:
    "fired two rockets at Ofakim", "a shell landed near Ofakim and Sderot", "struck
    Ofakim". Who is struck there is a place: a town the small model does not know."""
    found = []
    for verb in tokens_spelled(doc, _TARGET_VERBS | _MOVES, attr="LEMMA"):
        if verb.pos_ != "VERB":
            continue
        moved = forces_moved(verb)
        if verb.lemma_.lower() not in _TARGET_VERBS and not moved:
            continue
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in _WHERE:
                objects = [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "dobj" and (verb.lemma_.lower() in _OBJECT_VERBS or moved):
                objects = [child]
            else:
                continue
            for obj in objects:
                for name in (obj, *(c for c in obj.children if c.dep_ == "conj")):
                    span = untagged_name(name)
                    if span is not None:
                        found.append(span)
    return found


# labels the small model gives a town it does not know ("arrested in Beita": an EVENT)
# that make no actor; a town there is the place
_NO_ACTOR_LABELS = frozenset({"", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


def untagged_name(token: Token) -> tuple[int, int] | None:
    """The (start, end) of the name `token` ends, where the NER left it untagged or gave it
    a label of no actor ("Beita" an EVENT, "Manbij" a PRODUCT); None for anything else."""
    if token.ent_type_ not in _NO_ACTOR_LABELS or token.pos_ != "PROPN" or token.is_stop:
        return None
    if not token.is_title or country_of_demonym(token.text) or token.lower_ in _PEOPLES:
        return None  # "in Syrian territory" has no place name, "near Kurdish towns" none
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i:
        if doc[start - 1].ent_type_ not in _NO_ACTOR_LABELS or not doc[start - 1].is_title:
            return None
        start -= 1
    if doc[start].ent_iob_ == "I" or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"):
        return None  # part of a longer entity
    if token.i + 1 < len(doc) and doc[token.i + 1].is_title and doc[token.i + 1].is_alpha:
        return None  # the start of a longer name the parse split
    return start, token.i + 1


def struck_here(span: Span) -> bool:
    """Whether the name is where an armed act fell or happened: after a preposition of
    place under one ("landed near Kissufim and Nirim", "died in Jdeidet Artouz"), the object of a verb of striking, or the name
    a noun of bombardment is "of" ("the shelling of Maarat al-Numan")."""
    token = span.root
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "near Kissufim and Nirim": Nirim stands where Kissufim does
    head = token.head
    # the blows alone: a body a person "moved to" ("moved to Google") stays a body
    if token.dep_ == "pobj" and head.lower_ in _WHERE and head.dep_ == "prep":
        verb = head.head
        return verb.pos_ == "VERB" and (
            verb.lemma_.lower() in _VERBS | _STRUCK | _SCENE or forces_moved(verb)
        )
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _STRUCK_NOUNS:
        return True  # "the shelling of Maarat al-Numan"
    if token.dep_ == "dobj" and forces_moved(head):
        return True  # "Government forces entered Khan Tuman"
    return token.dep_ == "dobj" and head.lemma_.lower() in _STRUCK


def forces_moved(verb: Token) -> bool:
    """Whether forces are the subject of a verb of movement: "troops entered", "fighters
    withdrew", "rebels pulled back"; where they went or left is a place."""
    return verb.lemma_.lower() in _MOVES and any(
        child.dep_ == "nsubj" and child.lower_ in _MOVERS for child in verb.children
    )


def names_an_armed_group(text: str) -> bool:
    """Whether a name opens with the kind of armed unit it is, in Arabic transliteration,
    and goes on with a capitalised word: "Liwa al-Quds", "Saraya Awliya al-Dam"."""
    words = text.split()
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and fold(words[0]) in GROUP_HEADS
        and any(c.isupper() for w in words[1:] for c in w)  # "al-Quds"
    )


def group_name_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of armed groups' names that open with the kind of unit:
    "Fighters of Liwa al-Quds", "Jabhat Ansar al-Din fighters". The NER tags a shorter
    name inside ("al-Quds", a newspaper; "Ansar al-Din") or calls the whole a building;
    the head word says what the name is. Each head is looked at once, its name read for
    a few tokens at most: linear in the text."""
    found: list[tuple[int, int]] = []
    for head in tokens_spelled(doc, GROUP_HEADS):
        if not head.is_title or (found and head.i < found[-1][1]):
            continue
        end = _name_end(doc, head.i + 1)
        if end > head.i + 1:
            found.append((head.i, end))
    return found


def _name_end(doc: Doc, start: int) -> int:
    """Where the name after a unit's head word ends: after its last capitalised word, the
    particles between them ("al", a hyphen) counted in; `start` when none follows."""
    end = start
    for i in range(start, min(len(doc), start + _GROUP_NAME_TOKENS)):
        token = doc[i]
        if token.text == "-" and (token.whitespace_ or doc[i - 1].whitespace_):
            break  # " - ": a dash between clauses, not a hyphen inside the name
        if token.is_alpha and token.text[:1].isupper():
            end = i + 1
        elif token.text != "-" and token.lower_ not in _NAME_PARTICLES:
            break
    return end


def a_group_here(word: str, doc: Doc) -> bool:
    """Whether a listed group's one-word form `word` names the group in this text: always,
    unless it is also a given name ("Amal"); then only where the text names the group by
    it somewhere ("the Amal movement", "Amal fighters"), never in "Amal, a mother of three,
    said" or after "Amal Fathy". The words before those nouns are read once per text."""
    if " " in word or fold(word) not in _GIVEN:
        return True
    named = doc.user_data.get(_NAMED_KEY)
    if named is None:
        named = frozenset(
            fold(doc[t.i - 1].text)
            for t in tokens_spelled(doc, _NAMED_BY)
            if t.i > 0 and t.is_lower and doc[t.i - 1].is_title
        )
        doc.user_data[_NAMED_KEY] = named
    return fold(word) in named


_NAMED_KEY = "workbench.group_names_named"
