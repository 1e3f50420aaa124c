"""Definite descriptions of actors named earlier: "the group", "the ministry", "the
government", "the crown prince".

Wire copy names an actor once and then describes it ("Hezbollah fired ... The group
said"). The description stands for the nearest earlier actor it agrees with, by one of:
- type: "the group" (group nouns, `group_nouns.txt`) is the last group actor;
- the head noun of its name: "the ministry" is the last actor whose name ends in
  "Ministry" ("Iraq's Interior Ministry"), "the council" the last "... Council", "the
  army" the last "... military" (one kind in `force_nouns.csv`);
- a person's role: "the crown prince" is the last person given that role (titles and
  appositions, `roles.py`), "the president" likewise, and "the premier" the last prime
  minister (other words for an office, `role_synonyms.csv`);
- "the office", "the body" (`body_nouns.txt`): the organisation that was the subject of
  its sentence or the one before ("The US Embassy ... had suspended operations. The
  office asked");
- "the government" with no country in it: the country of the sentence or the nearest
  country before it (its own adjective counts: "an Iranian council member ..., the
  government announced").
Nothing agrees: the description stays an unnamed speaker, which is the honest answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lexicon
from ..lexicon.gazetteer import country_of_demonym
from ..model import Actor, ActorType
from .spans import ActorIndex

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

GROUP_NOUNS = lexicon.words("group_nouns.txt")
PERSON_NOUNS = lexicon.words("person_nouns.txt")
# words before a role that make it another role: a "Vice President" is not "the president"
_TITLE_MODIFIERS = frozenset({"vice", "deputy", "acting", "former"})
GOVERNMENT_ALONE = lexicon.words("government_nouns.txt", flag="alone")
BODY_NOUNS = lexicon.words("body_nouns.txt")
# "the army" after "the Iranian military": force nouns of one kind name the same forces
_FORCE_KINDS = {row["phrase"]: row["kind"] for row in lexicon.table("force_nouns.csv")}
# "the premier" for the person named with the title "Prime Minister": other words for an office
_OFFICES = {
    row["description"]: tuple(o.strip() for o in row["offices"].split(";") if o.strip())
    for row in lexicon.table("role_synonyms.csv")
}
# How far back (characters) a description may look for what it stands for.
REACH = 1500
_NAMED_TYPES = (ActorType.ORGANIZATION, ActorType.GROUP, ActorType.MEDIA)


def _lemma_of_name_word(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _same_head(word: str, noun: str) -> bool:
    """Whether the last word of a name and a description's noun name the same thing."""
    kind = _FORCE_KINDS.get(noun)
    return word == noun or (kind is not None and _FORCE_KINDS.get(word) == kind)


def _before(offset: int, index: ActorIndex) -> list[Actor]:
    """Actors mentioned in the `REACH` characters before `offset`, nearest first."""
    seen: list[Actor] = []
    for _, end, actor_id in reversed(index.mentions_in(max(0, offset - REACH), offset)):
        actor = index.by_id[actor_id]
        if end <= offset and actor not in seen:
            seen.append(actor)
    return seen


def antecedent(head: Token, span: Span, index: ActorIndex) -> Actor | None:
    """The actor "the <noun>" stands for, or None. `span` is the speaker phrase."""
    noun = head.lemma_.lower()
    if span[0].lower_ != "the" and _bare_force(head, span):
        # "police revealed on Saturday": a force noun needs no article; it is the force
        # named before ("Kent Police"), by the head of its name alone
        return next((a for a in _before(span.start_char, index) if _named_by_head(a, noun)), None)
    if span[0].lower_ == "the" and (age := _age_of(span)) is not None:
        return _aged(age, span, index)
    if span[0].lower_ != "the" or not (head.pos_ == "NOUN" or _title(head)):
        return None
    words = [t.lower_ for t in span if t.i != span.start and not t.is_punct]
    if any((t.pos_ == "PROPN" and not _title(t)) or t.ent_type_ for t in span):
        return None  # "the Saudi-led coalition", "the Houthi group": named in place
    earlier = _before(span.start_char, index)
    if noun in GROUP_NOUNS:
        return next((a for a in earlier if a.type is ActorType.GROUP), None)
    if noun in GOVERNMENT_ALONE:
        return _country_of_context(head, span, earlier, index)
    if noun in BODY_NOUNS:
        return subject_body(head, index)
    for actor in earlier:
        if _named_by_head(actor, noun):
            return actor
        if actor.type is ActorType.PERSON and len(words) >= 1:
            description = " ".join(words)
            offices = (description, *_OFFICES.get(description, ()))
            if any(_holds(role.lower(), o) for role in actor.roles for o in offices):
                return actor
    return _named_beside(head, index, appositions=noun in PERSON_NOUNS)


# the links from an age up to the name it is given to: "Salha, 35," (appos), "a
# 35-year-old nurse" (nummod, npadvmod, amod, then the nurse's appos), "aged 35" (acl)
_AGE_LINKS = frozenset({"appos", "nummod", "npadvmod", "amod", "acl", "dobj", "advmod"})


def _age_of(span: Span) -> str | None:
    """ "the 35-year-old": the age a description gives as all it says of someone."""
    words = [t.lower_ for t in span]
    if len(words) == 6 and words[2:] == ["-", "year", "-", "old"] and span[1].like_num:
        return span[1].text
    return None


def _aged(age: str, span: Span, index: ActorIndex) -> Actor | None:
    """The person whose age was given as `age` before the description, nearest first:
    "Mohammed Abu Salha, 35, a paramedic ... The 35-year-old said" (the number set beside
    the name), "Rania Haddad, a 35-year-old nurse" (the number in the name's apposition)."""
    doc = span.doc
    floor = span.start_char - REACH
    for token in reversed(doc[: span.start]):
        if token.idx < floor:
            break
        if token.text != age:
            continue
        # the number beside the name, or inside a phrase beside it: climb to the name
        current = token
        for _ in range(4):
            actor = index.actor_at(current.idx, current.idx + len(current.text))
            if actor is not None and actor.type is ActorType.PERSON:
                return actor
            if current.dep_ not in _AGE_LINKS or current.head.i == current.i:
                break
            current = current.head
    return None


def _named_beside(head: Token, index: ActorIndex, *, appositions: bool) -> Actor | None:
    """ "Qatar's foreign ministry spokesman, Majed al-Ansari, met reporters. The spokesman
    said": the person named in apposition to the same noun earlier (where no role was
    recorded for them), or with it as the title right before the name ("parliament speaker
    Mohammed al-Halbousi ... The speaker said"), the nearest first."""
    doc = head.doc
    floor = head.idx - REACH
    for token in reversed(doc[: head.i]):
        if token.idx < floor:
            break
        if token.lemma_ != head.lemma_ or token.pos_ not in ("NOUN", "PROPN"):
            continue
        names = _appositions_of(token) if appositions and token.pos_ == "NOUN" else []
        # the word as a title glued to the name after it ("speaker Mohammed al-Halbousi"),
        # which the parser makes the name's compound or the name its apposition
        names += [c for c in token.rights if c.dep_ == "appos" and c.left_edge.i == token.i + 1]
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
        if token.dep_ == "compound" and token.head.i > token.i and after.ent_type_ == "PERSON":
            names.append(token.head)
        for name in names:
            actor = index.actor_at(name.idx, name.idx + len(name.text))
            if actor is not None and actor.type is ActorType.PERSON:
                return actor
    return None


def _appositions_of(token: Token) -> list[Token]:
    """Names set beside the noun phrase `token` ends: its own appositions, the one it is
    an apposition to, and those the parser hung on the head of the phrase it is inside
    ("Qatar's ministry of foreign affairs spokesman, Majed al-Ansari": on "ministry")."""
    beside = [token.head] if token.dep_ == "appos" else []
    current = token
    for _ in range(4):
        beside += [c for c in current.children if c.dep_ == "appos" and c.i > token.i]
        if current.dep_ not in ("pobj", "prep", "compound") or current.head.i == current.i:
            break
        current = current.head
    return beside


def _named_by_head(actor: Actor, noun: str) -> bool:
    """Whether an organisation's names end in the noun (or one of its kind): any of its
    names, "the army" after "the Israeli army" (the IDF's alias)."""
    if actor.type not in _NAMED_TYPES:
        return False
    lasts = [head for name in (actor.name, *actor.aliases) for head in _heads(name)]
    return any(_same_head(_lemma_of_name_word(last), noun) for last in lasts)


def _bare_force(head: Token, span: Span) -> bool:
    """ "police said", "security forces said": a force noun with no determiner or name,
    which news copy writes for the force already named (one kind in `force_nouns.csv`)."""
    words = " ".join(t.lower_ for t in span if not t.is_punct)
    return (
        head.pos_ == "NOUN"
        and words in _FORCE_KINDS
        and not any(t.dep_ in ("det", "poss") or t.pos_ == "PROPN" for t in span)
    )


# words after the head noun of a name that opens with it ("Commission on Presidential
# Debates", "Department of Justice", "Organisation for Security ...")
_HEAD_FIRST_LINKS = frozenset({"of", "on", "for"})


# the words after a role's head noun that tie it to a place or body ("envoy to Yemen")
_ROLE_LINKS = _HEAD_FIRST_LINKS | {"to"}


def _heads(name: str) -> list[str]:
    """The words a name's head noun may be: its last word, and in a name that opens with
    its head ("Commission on Presidential Debates") the word before the first "of", "on"
    or "for" ("the commission")."""
    words = name.split()
    if not words:
        return []
    heads = [words[-1]]
    link = next((i for i, w in enumerate(words) if w.lower() in _HEAD_FIRST_LINKS), 0)
    if link > 0:
        heads.append(words[link - 1])
    return heads


def _holds(role: str, description: str) -> bool:
    """Whether a role is the one described: "the president" is a "US President", not a
    "Vice President"."""
    words = role.split()
    # "UN envoy for Yemen", "ambassador to Iraq": a role's head noun stands before its
    # first link word, and the description names the head ("the envoy")
    link = next((i for i, w in enumerate(words) if w in _ROLE_LINKS), len(words))
    for head in {role, " ".join(words[:link])}:
        if head.endswith(description):
            before = head[: len(head) - len(description)].split()
            if not before or before[-1] not in _TITLE_MODIFIERS:
                return True
    return False


def _title(token: Token) -> bool:
    """ "The President", "The Vice President": a role written with capitals, which the
    parser tags as a proper noun though it names nobody by itself."""
    if token.pos_ != "PROPN" or token.ent_type_:
        return False
    if token.lower_ in PERSON_NOUNS:
        return True
    # "The Prime Minister", "The Vice President": a capitalised word before the role
    return token.dep_ == "compound" and _title(token.head)


def subject_body(head: Token, index: ActorIndex) -> Actor | None:
    """The organisation that was a subject in the description's sentence or the one
    before, nearest first: a body described by what it is is the topic just named. (No
    further: three sentences back gave "the organisation" the ministry an NGO disputes
    with and "the network" the Senate's hearing, review J4; no type agreement tells an
    NGO's or an outlet's description from a state organ yet.)"""
    doc = head.doc
    start = doc[head.sent.start - 1].sent.start if head.sent.start > 0 else head.sent.start
    for token in reversed(doc[start : head.i]):
        if token.idx < head.idx - REACH:
            break  # one endless sentence: look no further back than any description
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        actor = index.actor_at(token.idx, token.idx + len(token.text))
        if actor is not None and actor.type is ActorType.ORGANIZATION:
            return actor
    return None


def _country_of_context(
    head: Token, span: Span, earlier: list[Actor], index: ActorIndex
) -> Actor | None:
    """ "the government" alone: the country its sentence speaks of, else the last one."""
    for token in reversed(list(head.sent[: span.start - head.sent.start])):
        country = country_of_demonym(token.text)
        if country is not None:
            found = _country_named(country.name, index)
            if found is not None:
                return found
    return next((a for a in earlier if a.type is ActorType.COUNTRY), None)


def _country_named(name: str, index: ActorIndex) -> Actor | None:
    from .speakers import _country_actor  # the one matcher of country names

    return _country_actor(name, index)
