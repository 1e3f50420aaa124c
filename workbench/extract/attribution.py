"""Attribution in the parse: which verbs report speech, who their speaker is, and what
their content is, for the claim rules in `claims.py`.

Written against the small English model's parses, which go wrong in known ways: a
subject split in two ("Syria's state news agency" and "SANA"), a subject hung on a
preposition ("as a source in Damascus told AFP"), an "according to" outlet taken for the
subject, a bare complement clause taken for an object ("saying an attack ... produced").
Each repair below is for one of those, and names it.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy

from .. import lexicon
from .places import is_dateline_span
from .spans import DATELINE_ENDS, doc_text
from .speech import (
    APPOINTING_VERBS,
    COLLECTIVE_NOUNS,
    COMMIT_VERBS,
    DESCRIBING_VERBS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    GOVERNMENT_NOUNS,
    HEARER_VERBS,
    JUDGING_VERBS,
    MEDIA_NOUNS,
    NAMING_VERBS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    RECOLLECTING_VERBS,
    REFUSAL_VERBS,
    RELAY_VERBS,
    SAY_VERBS,
    speech_verb,
    speech_verbs,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependents of a participle or conjoined verb that do not belong to a claim's content.
_CONTENT_STOP_DEPS = frozenset({"cc", "conj", "punct", "advcl", "parataxis"})
# Object verbs whose object alone is not a claim: what must come with it.
_OBJECT_NEEDS = {
    "call": ("oprd", "for", "on", "ccomp", "xcomp"),
    "urge": ("xcomp", "ccomp"),
    "advise": ("xcomp", "ccomp"),
    "ask": ("xcomp", "ccomp"),
    # "referred to the vote as a hoax" names it; "referred the case to a court" says nothing
    "refer": ("as",),
}
# A verb of judging ("condemned", "criticized", "described") reports content only with a
# clause or an "as" predication: "condemned Egypt's vote" says nothing that can be true or
# false, "condemned the strike as a war crime" does (a quotation is found by quotes.py).
_JUDGING_NEEDS = ("ccomp", "xcomp", "oprd", "as")
# Prepositions that open the circumstances of an act, not part of what was said.
_CIRCUMSTANCE = lexicon.words("prepositions.txt", flag="circumstance")
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "prep", "dative", "xcomp", "ccomp", "acomp"})
_TIME_ENTS = frozenset({"DATE", "TIME"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_TIME_ADVERBS = frozenset({"late", "early", "earlier", "later"})
# Characters before a subject that can hold "according to X," (8 tokens of a name).
_ACCORDING_REACH = 120
# Nouns of a platform a statement goes out on ("on state television"); outlets by name
# are MEDIA entities.
MEDIUM_NOUNS = lexicon.words("outlet_nouns.txt")
# Words that open a clause of purpose or reason, which the parser can hang on a speech
# verb as its complement ("declared last Friday so he could fund a wall"): never what
# was said.
_REASON_MARKS = frozenset({"so", "because", "although", "though"})
# Occasions a statement is made at ("in a speech", "at a rally"), which close its content.
_OCCASION_NOUNS = lexicon.words("occasion_nouns.txt")
_OCCASION_PREPOSITIONS = lexicon.words("prepositions.txt", flag="occasion")
# Objects that make a speech act none: "criticized nobody", "said nothing".
_NOBODY = frozenset({"nobody", "nothing", "none", "noone"})
# People a statement is made to ("announced it to members of the House").
_HEARER_NOUNS = PERSON_NOUNS | COLLECTIVE_NOUNS


def is_relay(token: Token) -> bool:
    """ "as reported by X", "as quoted by X", "citing X": passing a claim on, not making one."""
    if token.lemma_ in NAMING_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in token.children
    ):
        return True  # "quoted X as saying": the claim is the participle's
    if _citing(token):
        return True
    if token.lemma_ in RELAY_VERBS:
        has_agent = any(c.dep_ == "agent" for c in token.children)
        has_content = any(c.dep_ == "ccomp" for c in token.children)
        return has_agent and not has_content
    return False


def citing_after(doc: Doc, i: int) -> Token | None:
    """Whom a "citing"/"quoting" participle right after an outlet's phrase names
    ("according to Asharq Al-Awsat, citing Lebanese officials, ..."), skipping a comma."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or not _citing(doc[i]):
        return None
    return next((c for c in doc[i].children if c.dep_ == "dobj"), None)


def _citing(token: Token) -> bool:
    """ "citing two officials", "quoting sources close to X": the participle of an
    outlet's report that names whom it got the claim from."""
    return token.lemma_ in NAMING_VERBS and token.tag_ == "VBG"


def is_contact(token: Token) -> bool:
    """ "Speaking to AFP, X said": the participle says to whom, the claim is X's "said"."""
    if token.lemma_ not in ("speak", "talk") or token.tag_ != "VBG":
        return False
    return any(t.lemma_ not in ("speak", "talk") and speech_verb(t) is not None for t in token.sent)


def quoter(verb: Token) -> Token | None:
    """The verb in "quoted X as saying" / "cited X as stating", for the participle; also
    passive, "X was quoted by Haaretz as saying", where X is the one quoted."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        head = verb.head.head
        if head.lemma_ in NAMING_VERBS and quoted_heads(head):
            return head
    return None


def quoted_heads(quoting: Token) -> list[Token]:
    """Who is quoted: the object of "quoted X as saying", the subject of "X was quoted
    (by Y) as saying" (Y, the agent, carried it)."""
    return [c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")]


def is_negated(verb: Token) -> bool:
    """ "did not say", "declined to say", "no group claimed": no claim was made."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children
        ):
            return True
    if any(c.dep_ == "dobj" and c.lower_ in _NOBODY for c in verb.children):
        return True  # "criticizing nobody", "said nothing"
    if _shares_negation(verb):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in ("decline", "refuse")


def _shares_negation(verb: Token) -> bool:
    """ "did not concede or admit defeat": a bare verb joined to a negated one shares its
    auxiliary, so its "not" too. A verb with a tense or a subject of its own ("did not
    resign and said ...") is a new statement the negation does not reach."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VB" or head.tag_ != "VB" or head.i > verb.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "neg") for c in verb.children):
        return False
    return any(c.dep_ == "neg" for c in head.children) and any(
        c.dep_ == "aux" for c in head.children
    )


def cited_source(verb: Token) -> Token | None:
    """The source an outlet cites: "Reuters reported, citing two officials, that ..."."""
    citing = citing_participle(verb)
    if citing is None:
        return None
    return next((c for c in citing.children if c.dep_ == "dobj"), None)


def citing_participle(verb: Token) -> Token | None:
    """The "citing" of an outlet's report: on the verb, before its clause, or closing
    the clause the parser hung it on ("reported X to be dead citing sources within ...")."""
    candidates = list(verb.children)
    # "Sky News Arabia, quoting Egyptian sources, said": the parser hangs it on the subject
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        candidates += [c for c in subject.rights if c.dep_ == "acl"]
    for complement in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        candidates += [c for c in complement.lefts if c.dep_ == "advcl"]
        candidates += [
            c
            for c in complement.rights
            if c.dep_ == "advcl" and c.right_edge.i == complement.right_edge.i
        ]
    for child in candidates:
        if _citing(child):
            return child
    return None


def complement(verb: Token) -> tuple[int, int] | None:
    """Character span of the verb's clausal complement, without nested speech clauses."""
    # a "complement" headed by a noun is a misparse of the hearer ("told host X “...”")
    complements = [
        c
        for c in verb.children
        if c.dep_ == "ccomp"
        and c.pos_ in ("VERB", "AUX", "ADJ")
        and not any(m.dep_ == "mark" and m.lower_ in _REASON_MARKS for m in c.children)
    ]
    # a clause before the verb and a semicolon is a sentence of its own ("..., the man died
    # in February; Chinese authorities referred to him as ..."): another source's words
    doc = verb.doc
    complements = [
        c
        for c in complements
        if c.i > verb.i or not any(t.text == ";" for t in doc[c.right_edge.i + 1 : verb.i])
    ]
    if not complements:
        complements = _clause_hung_on_the_occasion(verb)
    if not complements:
        return None
    after = [c for c in complements if c.i > verb.i]
    head = after[0] if after else complements[-1]
    start, end = head.left_edge.i, head.right_edge.i
    mark = next((c for c in head.lefts if c.dep_ == "mark" and c.lower_ == "that"), None)
    # what precedes "that" belongs to the attribution
    start = mark.i + 1 if mark is not None else _after_time_of_saying(head, start)
    subject = _subject_taken_for_the_hearer(verb, head)
    if subject is not None:
        start = subject.i
    taken = _subject_taken_for_an_object(verb, head)
    if taken is not None:
        start = taken.left_edge.i
    if start < verb.i < head.i:
        # "a state of emergency, which he said would allow him ...": the cue sits inside
        # the clause it reports (a relative pronoun opens it); what was said follows it
        start = verb.i + 1
    # the earliest next claim in what follows the head (see `_next_claim_cut`),
    # from a table built once a doc: walking each complement's subtree was quadratic in a
    # long chain of nested reports ("X told A that ..., B reported, Y told C that ...")
    cuts = _next_claim_cuts(verb.doc)
    if verb.tag_ == "VBG":
        # only after a participle ("Egypt defended its vote, saying that ..."): after a
        # finite "said", ", and killed 12 people" is the reported subject's act (review H1)
        end = min(end, _before_speakers_own_act(head))
    end = min(end, cuts[head.i])
    if head.i > verb.i:
        # "announced he had asked for it, and that Bolton tendered it": a second "that"
        # clause the parser joined to the verb is more of what was said
        for joined in verb.children:
            if (
                joined.dep_ == "conj"
                and joined.i > head.right_edge.i
                and joined.pos_ in ("VERB", "AUX")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in joined.children)
            ):
                end = max(end, joined.right_edge.i)
            elif joined.dep_ == "conj" and joined.i > head.right_edge.i and _gapped(joined):
                # "claimed 90 civilians were wounded, as were seventeen from the Armed
                # Forces, and two each from the Coast Guard": a part with no verb of its
                # own the parser joined to the verb is the clause's, its verb left out
                end = max(end, joined.right_edge.i)
    if head.i < verb.i:
        # trailing attribution: "..., Al-Akhbar reported." keep the content before the
        # speaker's words, which begin at the first left dependent after the complement
        # (the verb's own left edge is the complement's: "X, sources told Reuters.")
        # (only for the sentence's main verb: a verb inside an interrupted quotation,
        # "“A”, X said, “B”", is left to the quotation rules)
        after_content = [c.left_edge.i for c in verb.lefts if c.i > head.right_edge.i]
        first = min(after_content, default=verb.i) if verb.dep_ == "ROOT" else verb.left_edge.i
        end = min(end, first - 1)
    doc = verb.doc
    if end < start:
        return None
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def _gapped(joined: Token) -> bool:
    """A part joined by "and" with no verb in it: a number or noun phrase ("and two each
    from the Coast Guard") whose verb is the one before it, left out."""
    return joined.pos_ in ("NUM", "NOUN", "PROPN") and not any(
        t.pos_ in ("VERB", "AUX") for t in joined.subtree
    )


_CUTS_KEY = "workbench.attribution.next_claim_cuts"
# lemmas (lower case) a verb of saying can have: `speech_verb` holds for no other word
_SAYING_LEMMAS = frozenset(speech_verbs()) | DOCUMENT_VERBS


def _next_claim_cut(token: Token) -> int:
    """Where a complement must end before this token's clause, when the clause is a claim
    of its own (else past the document's end)."""
    # "..., adding that ..." hanging off the complement is a claim of its own, and so is
    # another speaker's: '"was a great man," while Trump noted his "strength"'
    if (
        token.dep_ in ("advcl", "conj")
        and speech_verb(token) is not None
        and (
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            or any(c.dep_ == "mark" for c in token.children)
        )
        and not _more_of_the_clause(token)
    ):
        return token.left_edge.i - 1
    # "... a state of emergency, which he said would allow ...": an attribution of its
    # own inside the complement is the next claim, not part of this one
    if (
        token.dep_ == "relcl"
        and speech_verb(token) is not None
        and any(c.dep_ == "ccomp" for c in token.children)
    ):
        return token.left_edge.i - 1
    return len(token.doc)


def _saying_lemma_indices(doc: Doc) -> list[int]:
    """The words whose lemma a verb of saying has (`speech_verb` can hold only for them)."""
    lemmas = doc.to_array("LEMMA")
    kinds, which = numpy.unique(lemmas, return_inverse=True)
    strings = doc.vocab.strings
    saying = numpy.array(
        [strings[int(h)].lower() in _SAYING_LEMMAS for h in kinds.tolist()], dtype=bool
    )
    return numpy.flatnonzero(saying[which.reshape(-1)]).tolist()


def _more_of_the_clause(token: Token) -> bool:
    """ "Fars reported Iran issued arrest warrants ... and demanded from Interpol to ...": a
    verb of saying joined by a bare "and" (no comma) to the verb of what an outlet
    reported, with no clause of its own, shares that clause's subject: an outlet reports,
    it does not demand (type agreement), so it is more of what was said. (A person's "said
    A and urged B" is two acts of the person, whatever the parser hangs "urged" on; ",
    and claimed ..." and "and added that ..." begin a claim of their own.)"""
    if token.dep_ != "conj" or any(c.dep_ in ("ccomp", "mark") for c in token.children):
        return False
    head = token.head
    if head.dep_ not in ("ccomp", "xcomp"):
        return False
    doc = token.doc
    opener = token.left_edge.i
    if opener < 2 or doc[opener - 1].lower_ != "and" or doc[opener - 2].text == ",":
        return False
    return any(
        c.dep_ == "nsubj" and (c.ent_type_ == "MEDIA" or c.lemma_.lower() in MEDIUM_NOUNS)
        for c in head.head.children
    )


def _next_claim_cuts(doc: Doc) -> list[int]:
    """For each token, the smallest `_next_claim_cut` in the subtrees of its right
    children: one pass over the doc, children settled before their heads (by depth, each
    found once), kept on the doc. (`Token.rights` and `.subtree` walk the span each time.)"""
    found = doc.user_data.get(_CUTS_KEY)
    if found is not None and len(found) == len(doc):
        return found
    # from the doc's arrays, a Token object only for a verb of saying (one for every
    # word was a tenth of the claim rules' time: SPEED's profile)
    n = len(doc)
    heads = (numpy.arange(n, dtype=numpy.int64) + doc.to_array("HEAD").astype(numpy.int64)).tolist()
    below = [n] * n  # the minimum over each token's subtree
    for i in _saying_lemma_indices(doc):
        below[i] = _next_claim_cut(doc[i])
    right = [len(doc)] * len(doc)  # over its right children's subtrees
    depth: list[int | None] = [None] * len(doc)
    for i in range(len(doc)):
        path: list[int] = []
        while depth[i] is None and heads[i] != i and len(path) <= len(doc):
            path.append(i)
            i = heads[i]
        settled = depth[i]
        known = settled if settled is not None else 0
        depth[i] = known
        for j in reversed(path):
            known += 1
            depth[j] = known
    for i in sorted(range(len(doc)), key=lambda i: -(depth[i] or 0)):
        head = heads[i]
        if head != i:
            below[head] = min(below[head], below[i])
            if i > head:
                right[head] = min(right[head], below[i])
    doc.user_data[_CUTS_KEY] = right
    return right


def _subject_taken_for_the_hearer(verb: Token, head: Token) -> Token | None:
    """'told MSNBC Cummings "was a great man"': the parser joins the outlet told and the
    clause's subject into one name and makes it the hearer, leaving the clause with no
    subject; the name after the outlet (the compound's head) is the clause's subject."""
    if _mark_or_subject(head) or verb.lemma_ not in HEARER_VERBS:
        return None
    hearer = next((c for c in verb.children if c.dep_ == "dobj" and c.i < head.i), None)
    if (
        hearer is None
        or hearer.pos_ != "PROPN"
        or hearer.right_edge.i + 1 < head.left_edge.i
        or not any(c.dep_ == "compound" and c.i < hearer.i for c in hearer.children)
    ):
        return None
    return hearer


def _clause_hung_on_the_occasion(verb: Token) -> list[Token]:
    """ "told Al Hadath in an interview broadcast on Sunday that his forces would not
    withdraw": the parser hangs the "that" clause on the noun of the occasion ("in an
    interview", "in a statement") as a relative clause, or on a participle after it ("an
    interview aired on Monday that ..."); a clause opened by the conjunction "that" (a
    relative one has "that" as its subject or object) is what was said."""
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            for clause in noun.rights:
                if clause.dep_ not in ("relcl", "acl"):
                    continue
                # ("in an interview aired on Monday that ...": or on the participle)
                for candidate in (clause, *(c for c in clause.rights if c.dep_ == "ccomp")):
                    if any(
                        c.dep_ == "mark" and c.lower_ == "that" and c.i < candidate.i
                        for c in candidate.children
                    ):
                        return [candidate]
    return []


def _before_speakers_own_act(head: Token) -> int:
    """ "Egypt defended its vote, saying that it supported all efforts ..., and also voted
    in favor of ...": after a participle of saying, a verb joined to the clause after a
    comma and "and", with no subject of its own, goes on with the main clause's act (the
    speaker's), not what was said; the content ends before the comma. (Without the comma,
    and with "but", "said he opposed the bill, but would not block a vote", it is more of
    what was said; after a finite "said" it is the reported subject's act: "Police said
    the gunmen opened fire, and killed 12 people".)"""
    doc = head.doc
    for conj in head.rights:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.tag_ != "VBD":
            continue
        cc = doc[conj.left_edge.i - 1] if conj.left_edge.i > head.i else None
        if (
            cc is not None
            and cc.lower_ == "and"
            and doc[cc.i - 1].text == ","
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in conj.children)
            and _speakers_act(head, conj)
        ):
            return cc.i - 2
    return len(doc)


def _speakers_act(clause: Token, conj: Token) -> bool:
    """The joined verb can be the speaker's only when the clause's subject is a pronoun
    standing for the speaker ("saying that it supported ..., and also voted") or when it
    is itself a verb of saying (", and claimed a sixteenth death": a claim of its own);
    "saying Israeli troops raided the camp, and arrested 15 people" is the troops' (H1)."""
    if speech_verb(conj) is not None:
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "PRP" for c in clause.children)


def _subject_taken_for_an_object(verb: Token, head: Token) -> Token | None:
    """ "commented the president's tweets Monday are likely ...", "said hundreds of ISIS
    (...) fighters escaped": after a verb that takes no hearer and no object of what was
    said, the parser makes the clause's subject the verb's object, leaving the clause
    with no subject, or with a stray word as one (the day, "Monday were ...", or the noun
    after a bracketed name, ") fighters escaped"); the object right before the clause is
    where what was said starts."""
    if verb.lemma_ in HEARER_VERBS or any(c.dep_ in ("mark", "expl") for c in head.children):
        return None
    entry = speech_verb(verb)
    if entry is None or entry.takes_object:
        return None
    taken = next((c for c in verb.children if c.dep_ == "dobj" and c.i < head.i), None)
    if taken is None or taken.i < verb.i:
        return None
    subject = next((c for c in head.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and not _stray_subject(subject, taken):
        return None
    first = subject.i if subject is not None else head.left_edge.i
    # only a day the words were said, or a closing bracket, between object and clause
    between = verb.doc[taken.right_edge.i + 1 : first]
    if any(not (t.dep_ == "npadvmod" or t.text in _CLOSING) for t in between):
        return None
    return taken


_CLOSING = frozenset({")", "]"})


def _stray_subject(subject: Token, taken: Token) -> bool:
    """One word the parser made the clause's subject though the object before it is: a
    day ("letters Monday were"), or a bare noun right after a bracket closing the
    object's name ("fighters" in "ISIS (...) fighters escaped")."""
    if subject.left_edge.i != subject.i or subject.right_edge.i != subject.i:
        return False
    before = subject.doc[subject.i - 1]
    if subject.ent_type_ in _TIME_ENTS:
        return before.i == taken.right_edge.i
    return subject.pos_ == "NOUN" and before.text in _CLOSING


def _mark_or_subject(head: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in head.children)


def _after_time_of_saying(head: Token, start: int) -> int:
    """ "said on Friday he can declare ...": the parser hangs the day the words were said
    on the complement, before its subject; it is when they were said, not what."""
    subject = next((c for c in head.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None:
        return start
    for child in head.lefts:
        if (
            child.i < subject.left_edge.i
            and child.left_edge.i == start
            and (
                (
                    child.dep_ in ("prep", "npadvmod")
                    and any(t.ent_type_ in _TIME_ENTS for t in child.subtree)
                )
                # "also said earlier she might rename it": when, before the subject
                or (child.dep_ == "advmod" and child.lower_ in _TIME_ADVERBS)
            )
        ):
            start = child.right_edge.i + 1
            while start < subject.left_edge.i and head.doc[start].is_punct:
                start += 1
    return start


def inverted_speaker(verb: Token) -> Token | None:
    """The speaker after the verb in "..., said the minister" when the parser took it
    for an object."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    # "The ceasefire would hold, announced a spokesman for the council": a verb whose
    # object can be what was said is inverted only after its content, with a person after it
    # (or the parser joined the verb to the clause before it with no "and": "The strikes
    # hit 12 targets, confirmed a senior official")
    content_before = any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) or (
        verb.dep_ in ("conj", "dep")
        and not judges(verb)
        and verb.head.i < verb.i
        and not any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children)
    )
    if verb.lemma_ not in SAY_VERBS and not content_before:
        return None
    if verb.lemma_ in HEARER_VERBS:
        return None  # "..., a commander told Sputnik": the object of "told" is who heard it
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # ", claiming a right to ...": a participle, its object is the claim
    if any(c.dep_ == "nsubj" or (c.dep_ == "ccomp" and c.i > verb.i) for c in verb.children):
        return None  # a complement before the verb is the content: "X, stated a spokesman"
    if verb.i - verb.sent.start < 4:
        return None
    after = next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod")), None)
    if after is None or after.pos_ not in ("NOUN", "PROPN") or after.left_edge.i != verb.i + 1:
        return None
    if verb.lemma_ not in SAY_VERBS and not _voiced(after):
        return None
    return after


def _before_closing_medium(obj: Token, last: Token) -> Token:
    """The last word before "on Twitter" / "via Facebook" when that phrase, hung on the
    object, closes it; else `last`."""
    for prep in obj.rights:
        if (
            prep.dep_ == "prep"
            and prep.lower_ in ("on", "via")
            and prep.right_edge.i == last.i
            and any(
                c.dep_ == "pobj" and (c.ent_type_ == "MEDIA" or c.lemma_.lower() in MEDIUM_NOUNS)
                for c in prep.children
            )
        ):
            end = prep.doc[prep.i - 1]
            while end.i > obj.i and (end.is_punct or end.is_space):
                end = end.doc[end.i - 1]
            return end
    return last


def _voiced(token: Token) -> bool:
    """A noun that can say something, not be what was said: a person, a body, an outlet."""
    return (
        _person(token)
        or token.lemma_.lower() in _VOICED_NOUNS
        or token.ent_type_ in ("ORG", "PERSON", "NORP", "MEDIA")
    )


def clause_beside(verb: Token) -> tuple[int, int] | None:
    """A clause the parser did not attach as the complement: "The office has suspended the
    permit, German officials said." (the clause is the sentence before the attribution)
    or "announced on Facebook there were suspects" (a clause with its own subject)."""
    doc = verb.doc
    sent = verb.sent
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "no deaths were reported on the ground, with ..."
    for child in verb.rights:
        if child.dep_ in ("advcl", "parataxis", "dep") and child.pos_ in ("VERB", "AUX"):
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
            # "when she was 14", "because ...": a circumstance, not what was said
            marked = any(c.dep_ == "mark" or c.tag_ == "WRB" for c in child.children)
            if has_subject and not marked and speech_verb(child) is None:
                # "announced on Twitter on Monday there were arrests": the day is when
                # it was said
                start = doc[_after_time_of_saying(child, child.left_edge.i)]
                return start.idx, child.right_edge.idx + len(child.right_edge.text)
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if (
        obj is not None
        and verb.tag_ != "VB"
        and obj.pos_ in ("NOUN", "PROPN")
        and verb.lemma_ in SAY_VERBS
        and not any(c.dep_ == "ccomp" for c in verb.children)
    ):
        # "a statement saying an attack on the base produced no casualties": the parser
        # took the clause's subject for an object; the clause runs to the sentence end
        last = sent[-1]
        while last.i > obj.i and (last.is_punct or last.is_space):
            last = last.doc[last.i - 1]
        if not any(t.tag_ in _FINITE_TAGS for t in doc[obj.right_edge.i + 1 : sent.end]):
            # 'noted his "strength, passion and wisdom" on Twitter': no clause follows;
            # the medium closing the object is where it was said, not what (review H13:
            # everything else, a second object or a date, stays)
            last = _before_closing_medium(obj, last)
        return obj.left_edge.idx, last.idx + len(last.text)
    subject_start = min((c.left_edge.i for c in verb.lefts if c.dep_ == "nsubj"), default=verb.i)
    if subject_start == verb.i and (left := _phrase_before(verb)) is not None:
        # "X, a war monitor said.": the parser hung the speaker on X as an apposition
        subject_start = left.left_edge.i
    # circumstances after the verb ("said on Saturday", "said in a statement") leave the
    # clause before it the content; anything else after it is the verb's own content
    adjuncts = {
        t.i
        for c in verb.rights
        if c.dep_ in ("prep", "npadvmod", "advmod")
        and not any(t.pos_ in ("VERB", "AUX") for t in c.subtree)
        for t in c.subtree
    }
    # the first such word is enough (a list of them all, for each verb of one long
    # sentence, grew with the square of the sentence)
    rest = next(
        (
            t
            for t in doc[verb.i + 1 : sent.end]
            if not (t.is_punct or t.is_space) and t.i not in adjuncts
        ),
        None,
    )
    before = doc[sent.start : subject_start]
    if rest is not None or len(before) < 4 or before[-1].text != ",":
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return before.start_char, before[-1].idx
    return None


def _circumstance(token: Token) -> bool:
    if token.dep_ != "prep" or token.lower_ not in _CIRCUMSTANCE:
        return False
    return not (token.lower_ == "as" and token.head.lemma_ in DESCRIBING_VERBS)


def _clause_as(token: Token) -> bool:
    """ "criticizing its ally as rifts between the two continue": an "as" the parser took for
    a preposition, though a finite verb follows its noun; it opens a clause of time or
    cause, not a predication on the object."""
    if token.lower_ != "as":
        return False
    after = token.right_edge.i + 1
    return after < len(token.doc) and token.doc[after].tag_ in ("VBP", "VBZ", "VBD", "MD")


def lacks_what_it_needs(verb: Token) -> bool:
    """ "The White House refers to the president's office": a verb that says something
    only with a word it lacks ("refer" without "as") is no cue, not even for a quotation
    beside it (issue 10: a quote before such a sentence went to its subject)."""
    needs = _OBJECT_NEEDS.get(verb.lemma_)
    return needs == ("as",) and not any(t.lower_ == "as" for t in verb.subtree)


def judges(verb: Token) -> bool:
    """ "condemned", "criticized", "praised": a verb of judging (`+judge` in the lexicon)."""
    return verb.lemma_.lower() in JUDGING_VERBS


def _person(token: Token) -> bool:
    return (
        token.ent_type_ == "PERSON"
        or token.lemma_.lower() in PERSON_NOUNS
        or token.lower_ in PERSON_PRONOUNS
    )


def _recollection(verb: Token) -> bool:
    """ "The senator recalled the threats he received": a person telling what they
    remember; "Iran recalled its ambassador", "Ford recalled 10,000 cars" withdraw
    someone or something, and say nothing (`+recollect`)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not subjects or not objects or not all(_person(s) for s in subjects):
        return False
    return not any(_person(o) or o.ent_type_ in ("NORP", "ORG", "GPE") for o in objects)


# "denied funding for the wall": things given or refused, not claims denied
_REFUSED = lexicon.words("refused_things.txt")


def _refusal(verb: Token) -> bool:
    """ "Congress has denied funding for such a wall", "denied them entry": a refusal
    (`+refusal`): a person it is refused to, or a thing refused, as its object."""
    if any(c.dep_ == "dative" for c in verb.children):
        return True
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _REFUSED for c in verb.children)


# "the Senate confirmed his nomination": putting someone in an office
_APPOINTMENTS = lexicon.words("appointment_nouns.txt")


def _appointment(verb: Token) -> bool:
    """ "The Senate confirmed him", "to confirm a candidate", "confirmed Smith's
    nomination": a person or a nomination approved (`+appoint`), no claim confirmed."""
    return any(
        c.dep_ == "dobj" and (_person(c) or c.lemma_.lower() in _APPOINTMENTS)
        for c in verb.children
    )


# Entity types of an amount: a promise of one is a gift ("pledged $50 million"), not words
_AMOUNT_ENTS = frozenset({"MONEY", "QUANTITY"})


def _amount_given(verb: Token) -> bool:
    """ "pledged $50 million for reconstruction", "promised 10,000 tonnes of wheat": a verb
    of promising whose object is an amount gives it; it says nothing (`+commit`)."""
    return any(c.dep_ == "dobj" and c.ent_type_ in _AMOUNT_ENTS for c in verb.children)


def object_content(verb: Token) -> tuple[int, int] | None:
    """ "condemned Egypt's vote in favor of ...": the object and what completes it."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "Italy and Egypt were called to join": the object is the hearer
    if verb.lemma_.lower() in RECOLLECTING_VERBS and not _recollection(verb):
        return None
    if verb.lemma_.lower() in REFUSAL_VERBS and _refusal(verb):
        return None
    if verb.lemma_.lower() in APPOINTING_VERBS and _appointment(verb):
        return None
    if verb.lemma_.lower() in COMMIT_VERBS and _amount_given(verb):
        return None
    clause = clause_taken_for_object(verb)
    if clause is not None:
        return clause
    parts = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
    needs = _JUDGING_NEEDS if judges(verb) else _OBJECT_NEEDS.get(verb.lemma_)
    if needs is not None:
        # "called the deal “null and void”", "called for a ceasefire", but not "called him"
        # the parser hangs "as" on the object as often as on the verb ("condemned [the
        # attack as a war crime]")
        found = parts
        if needs is _JUDGING_NEEDS:
            found = parts + [g for c in parts if c.dep_ == "dobj" for g in c.children]
        # 'called the plan “a disgrace”': the parser sets the predicate beside the object
        # as an apposition; it is the predication all the same ("called his brother, a
        # doctor," is not: the predicate stands in quotation marks)
        # (or as a second object: 'calling it “an aggression on Iraq”')
        doc = verb.doc
        objects = [c for c in parts if c.dep_ == "dobj"]
        # (or as an adjective after it: 'calling the deal “legitimate and lawful”')
        quoted = [
            g
            for c in objects
            for g in c.children
            if g.dep_ == "appos" or (g.dep_ == "amod" and g.i > c.i)
        ] + objects[1:]
        predicate = verb.lemma_ == "call" and any(
            g.left_edge.i > 0 and doc[g.left_edge.i - 1].is_quote for g in quoted
        )
        if not predicate and not any(
            (c.dep_ in needs or c.lower_ in needs) and not _clause_as(c) for c in found
        ):
            return None
    elif not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in parts):
        return None
    if not parts:
        return None
    # a quotation mark opens quoted words, it ends nothing: 'called it “a non-starter”'
    going_on = _infinitive_joined(verb, parts)
    stops = [
        c.i
        for c in verb.rights
        if c.i > parts[0].i
        and not c.is_quote
        and (c.dep_ in _CONTENT_STOP_DEPS or _circumstance(c))
        and c.i not in going_on
    ]
    parts += [c for c in verb.rights if c.i in going_on and c.dep_ == "conj"]
    limit = min(stops) if stops else len(verb.doc)
    parts = [c for c in parts if c.i < limit]
    doc = verb.doc
    first, last = parts[0].left_edge, max(p.right_edge.i for p in parts)
    if first.dep_ == "prep" and first.lower_ == "to" and verb.lemma_ == "refer":
        first = doc[first.i + 1]  # "referred to the vote as ...": what is named is the vote
    if first.dep_ == "prep" and first.lower_ == "as" and first.head.i == verb.i:
        # "what she described as post-election resources": the object went before the
        # verb (a relative "what"); what was said is the predicate after "as"
        first = doc[first.i + 1]
    last = min(last, limit - 1)
    # "announced his resignation in 1995", "announced the death on television": when and
    # where it was said close the object, on the verb or on the object's noun
    # "announced the vote in a letter earlier this week to other members": closed from the
    # right, one circumstance at a time, since each must reach the end of what is left
    closed = True
    while closed:
        closed = False
        for token in doc[first.i + 1 : last + 1]:
            if (
                token.right_edge.i >= last
                and (token.head.i == verb.i or token.head in parts)
                and _circumstance_of_saying(token, verb)
            ):
                last = token.left_edge.i - 1
                # "ended its search late on Tuesday": the adverb goes with the date
                if last > first.i and doc[last].pos_ == "ADV" and doc[last].lower_ in _TIME_ADVERBS:
                    last -= 1
                while last > first.i and doc[last].text in (",", ";", ":"):
                    last -= 1
                closed = last > first.i
                break
    last = _period_after_object(verb, last)
    return first.idx, doc[last].idx + len(doc[last].text)


def _period_after_object(verb: Token, last: int) -> int:
    """ "announced three days of national mourning, Wednesday through Friday": a date with
    a preposition inside it (one date entity) is a period, and saying takes a moment, not
    a period: the parser hung it on the verb, yet it is the object's time. The last word of
    what was said: the period's, or `last` as it was."""
    doc = verb.doc
    i = last + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].head.i != verb.i or doc[i].dep_ != "npadvmod":
        return last
    if doc[i].ent_type_ != "DATE" or doc[i].ent_iob_ != "B":
        return last
    end = i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return end if any(t.pos_ == "ADP" for t in doc[i : end + 1]) else last


def _infinitive_joined(verb: Token, parts: list[Token]) -> set[int]:
    """'urged vigilant locals to assist authorities and "deny terrorism any victory"':
    the parser joins the second infinitive to the finite speech verb; a bare infinitive
    with no subject cannot be the speaker's next act (that would be finite, "urged ... and
    left"), it is more of what was urged. Its "and" and itself, by index."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not any(p.dep_ == "xcomp" for p in parts):
        return set()
    last = max(p.right_edge.i for p in parts)
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.i < last:
            continue
        cc = next((c for c in verb.rights if c.dep_ == "cc" and last < c.i < conj.i), None)
        if (
            conj.tag_ == "VB"
            and cc is not None
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in conj.children)
        ):
            return {cc.i, conj.i}
        return set()
    return set()


def clause_taken_for_object(verb: Token) -> tuple[int, int] | None:
    """ "filed a motion claiming the state of emergency is unconstitutional and violated
    ...", "has maintained an impeachment inquiry is what the committee is doing": the
    parser can take a clause's subject for the speech verb's object and hang the clause's
    verb on the sentence's main verb, or join it to the speech verb. A finite verb right
    after that object, outside it, shows the clause; it runs to the end of the sentence."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].right_edge.i <= verb.i:
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    doc, obj = verb.doc, objects[0]
    after = _past_aside(doc, obj.right_edge.i + 1, verb.sent.end)
    if after >= verb.sent.end or doc[after].tag_ not in ("VBZ", "VBD", "VBP", "MD"):
        return None
    # the clause's verb, joined to the speech verb ("is" may be its auxiliary)
    clause = doc[after].head if doc[after].dep_ in ("aux", "auxpass") else doc[after]
    joined = clause.dep_ == "conj" and clause.head.i == verb.i
    if doc[after] in obj.subtree or (doc[after] in verb.subtree and not joined):
        return None
    last = verb.sent.end - 1
    # "cited the Air Force as stating Saha Airlines owned the plane, and claimed a
    # sixteenth death": a verb with no subject joined after ", and" to the head the clause
    # hangs on is the sentence's next act, not more of the clause
    # (the parser hangs it on either)
    nxt = next(
        (
            c
            for c in itertools.chain(clause.head.rights, clause.rights)
            if c.dep_ == "conj"
            and c.i > clause.i
            and c.pos_ == "VERB"
            and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
        ),
        None,
    )
    if (
        joined is False
        and verb.tag_ == "VBG"  # "as stating X owned ...": after a participle only (H1)
        and nxt is not None
        and _speakers_act(clause, nxt)
        and doc[nxt.left_edge.i - 1].lower_ == "and"
        and doc[nxt.left_edge.i - 2].text == ","
    ):
        last = min(last, nxt.left_edge.i - 3)
    while last > after and doc[last].is_punct:
        last -= 1
    return obj.left_edge.idx, doc[last].idx + len(doc[last].text)


# How many tokens an aside between a clause's subject and its verb may hold.
_ASIDE_REACH = 12


def _past_aside(doc, start: int, end: int) -> int:
    """The token after an aside set off by commas at `start` ("Iran, especially, amongst
    other outside parties, is ..."), or `start` when none is there."""
    if start >= end or doc[start].text != ",":
        return start
    for i in range(start + 1, min(end, start + _ASIDE_REACH)):
        if doc[i].pos_ in ("VERB", "AUX"):
            return i if doc[i - 1].text == "," else start
    return start


def _circumstance_of_saying(token: Token, verb: Token) -> bool:
    """When, where and to whom something was said: "on Tuesday", "on television", "in a
    letter", "earlier this week" (a bare date on the verb), "to other members"."""
    if token.dep_ == "prep":
        return _when_or_where_said(token) or _told_to(token, verb)
    if token.dep_ != "npadvmod" or token.head.i != verb.i:
        return False
    return all(t.ent_type_ in _TIME_ENTS for t in token.subtree if not t.is_punct)


def _told_to(preposition: Token, verb: Token) -> bool:
    """ "announced the vote to other members of the House": the people told, on the verb
    (a "to" on the object belongs to it: "an end to the war")."""
    if preposition.lower_ != "to" or preposition.head.i != verb.i:
        return False
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return len(objects) == 1 and (
        objects[0].lemma_.lower() in _HEARER_NOUNS or objects[0].ent_type_ == "PERSON"
    )


def _when_or_where_said(preposition: Token) -> bool:
    """ "in 1995", "on Tuesday", "on television", "on Twitter": a date, or the medium or
    outlet a statement went out on."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if len(objects) != 1:
        return False
    # "on Wednesday and again ... on Friday": the parser hangs the "and" on the date
    words = [t for t in objects[0].subtree if not t.is_punct and t.dep_ != "cc"]
    if all(t.ent_type_ in _TIME_ENTS for t in words):
        return True
    head = objects[0]
    medium = head.lemma_.lower() in MEDIUM_NOUNS or head.ent_type_ == "MEDIA"
    if medium and preposition.lower_ in ("on", "via", "by"):
        return True
    # "announced it by video", "via a letter": the means it went out by
    if preposition.lower_ in ("via", "by") and head.lemma_.lower() in DOCUMENT_NOUNS:
        return True
    # "announced the change in a rally", "said at a briefing": the occasion it was said at
    if preposition.lower_ in _OCCASION_PREPOSITIONS and head.lemma_.lower() in _OCCASION_NOUNS:
        return True
    # "announced the vote in a letter", "said in a statement": the document it came in
    return preposition.lower_ in ("in", "through") and head.lemma_.lower() in DOCUMENT_NOUNS


def speaker_heads(verb: Token) -> tuple[list[Token], list[Token]]:
    """Heads of the speaker phrase of a speech verb ([] when nobody is named), following
    participles and conjoined verbs up to the clause that has a subject; and the verbs
    walked through, whose prepositions can name the outlet ("posted on Twitter, saying")."""
    current = verb
    chain = [verb]
    seen_speech = False
    for _ in range(8):
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = [c for c in agent.children if c.dep_ == "pobj"]
            if pobj:
                return pobj, chain
        subjects = [
            c
            for c in current.children
            if (c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and current.lemma_ in NAMING_VERBS))
            and not _after_according_to(c)
        ]
        if len(subjects) > 1:
            # "BAMAKO: Mali's ruling junta said": the parser made the dateline a subject
            subjects = [c for c in subjects if not _dateline(c)] or subjects
        # "Riyadh, Saudi Arabia (CNN) — The kingdom's defence ministry said": the parser
        # made the dateline the subject and the speaker its apposition
        subjects = [_past_dateline(c) for c in subjects]
        if _joined_to_a_thing(current, subjects, chain):
            # "Netanyahu found the strike justified and called Trump's order swift": the
            # parser joined "called" to "justified", whose subject is a thing; the
            # speaker is the subject of the verb that clause hangs on
            current = current.head
            chain.append(current)
            continue
        if subjects:
            return subjects, chain
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in current.children):
            return [], chain  # "it was reported that ...": nobody is named
        if current.dep_ == "acl" and current.head.lemma_.lower() in DOCUMENT_NOUNS:
            return [current.head], chain  # "a statement saying that ..."
        interrupted = _noun_before_interruption(current)
        if interrupted is not None:
            return [interrupted], chain
        if current.dep_ == "acl" and current.tag_ == "VBG":
            # "with the Kingdom publicly criticizing ...": the noun just before it
            before = current.i - 1
            while before > 0 and current.doc[before].dep_ in ("advmod", "neg"):
                before -= 1
            noun = current.doc[before]
            if (
                noun.pos_ in ("NOUN", "PROPN")
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "with"
            ):
                return [noun], chain
        channel = _channel_of_participle(current)
        if channel is not None:
            # "Pompeo posted a message on Twitter blaming Iran": the parser hangs the
            # participle on the platform; the one blaming is whoever posted there
            if channel.dep_ == "dobj" and channel.head.pos_ == "VERB":
                channel = channel.head  # "posted a message on X": who posted it
            elif channel.lemma_.lower() in DOCUMENT_NOUNS:
                return [channel], chain  # its author speaks: "in a video on X"
            current = channel
            chain.append(current)
            continue
        if current.dep_ != "conj" and (
            current.tag_ in ("VBD", "VBZ", "VBP") or current.dep_ == "ROOT"
        ):
            # a finite verb the parser left without a subject: take the phrase just
            # before it ("... as a Syrian political source in Damascus told AFP")
            left = _phrase_before(current)
            return ([left] if left is not None else []), chain
        if current.dep_ == "acomp" and current.pos_ == "ADJ":
            # "The United States was more forceful in blaming Iran": the participle
            # hangs on the adjective, whose subject is the copula's
            current = current.head
            chain.append(current)
            continue
        if current.dep_ not in ("advcl", "conj", "xcomp", "pcomp", "ccomp", "acl", "prep"):
            return [], chain
        parent = current.head
        # a participle hanging off the content of another speech verb ("SANA said
        # “...,” adding that") speaks for that verb's speaker, not the content's subject
        if (
            (current.tag_ == "VBG" or current.dep_ == "conj")
            and not seen_speech
            and parent.dep_ == "ccomp"
        ):
            ancestor = next((a for a in parent.ancestors if speech_verb(a) is not None), None)
            if ancestor is not None:
                parent = ancestor
                seen_speech = True
        current = parent
        chain.append(current)
    return [], chain


def _noun_before_interruption(verb: Token) -> Token | None:
    """ "a meeting between Giuliani, claiming to represent the State Department, and
    Andriy Yermak": a participle set off by commas inside a noun phrase that goes on with
    "and" after it describes the noun just before it, wherever the parser hung it (on the
    main verb, whose subject would then be credited: a claim on the wrong side). Only the
    phrase interrupted and then continued shows it; a participle closing the sentence
    ("He met the mayor, saying ...") is the subject's."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "conj"):
        return None
    doc = verb.doc
    left = verb.left_edge.i
    if left != verb.i or left < 2 or doc[left - 1].text != ",":
        return None
    # the participle's own words: the parser may hang the "and" part on it as well
    own = [c for c in verb.rights if c.dep_ not in ("cc", "conj", "punct")]
    right = max((c.right_edge.i for c in own), default=verb.i)
    after = right + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    if after + 1 >= len(doc) or doc[after].lower_ not in ("and", "or"):
        return None
    if doc[after + 1].pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM"):
        return None  # "..., saying the deal was fair, and left": the subject's verbs go on
    noun = doc[left - 2]
    if noun.pos_ != "PROPN" or noun.dep_ not in ("pobj", "dobj", "conj", "appos"):
        return None
    return noun


def _past_dateline(subject: Token) -> Token:
    """The apposition after a dateline's dash when the parser took the dateline (a name
    opening the sentence, then a dash or colon set off by spaces) for the subject."""
    doc = subject.doc
    if subject.i != subject.sent.start or subject.pos_ != "PROPN":
        return subject
    dash = next(
        (
            t
            for t in doc[subject.i + 1 : min(subject.right_edge.i, subject.i + 10)]
            if t.text in DATELINE_ENDS and t.text != "(" and t.whitespace_
        ),
        None,
    )
    if dash is None or not doc[dash.i - 1].whitespace_ and doc[dash.i - 1].text != ")":
        return subject
    after = [c for c in subject.rights if c.dep_ == "appos" and c.i > dash.i]
    return after[0] if after else subject


def _dateline(token: Token) -> bool:
    """A wire dateline opening the sentence ("BAMAKO:", "ADDIS ABABA -"): capitals from the
    sentence's start to the token, then a colon, a dash or a bracket."""
    doc, start = token.doc, token.sent.start
    if token.i == start and is_dateline_span(doc[token.i : token.i + 1]):
        return True  # "Beirut, Lebanon, Oct. 4 (AP) —": the places' reading of datelines
    end = token.i + 1
    if end < len(doc) and doc[end].text == ",":
        # "ERBIL, Iraq —": the city in capitals, then its country or region
        end += 1
        while end < min(len(doc), token.i + 5) and doc[end].pos_ == "PROPN":
            end += 1
    if end >= len(doc) or doc[end].text not in DATELINE_ENDS or end == token.i + 2:
        return False
    return all(t.text.isupper() and len(t.text) > 1 for t in doc[start : token.i + 1])


# Nouns of people, bodies and documents, which can say something; any other common noun
# with no name in it is a thing ("the strike", "the order").
_VOICED_NOUNS = PERSON_NOUNS | COLLECTIVE_NOUNS | GOVERNMENT_NOUNS | MEDIA_NOUNS | DOCUMENT_NOUNS


def _mute(subject: Token) -> bool:
    """A subject that cannot have said anything: a common noun for a thing, no name."""
    return (
        subject.pos_ == "NOUN"
        and not subject.ent_type_
        and subject.lemma_.lower() not in _VOICED_NOUNS
        and not any(t.ent_type_ for t in subject.subtree)
    )


def _joined_to_a_thing(verb: Token, subjects: list[Token], chain: list[Token]) -> bool:
    """Whether the walk came to `verb`, a clause's verb, from a verb conjoined to it, and
    every subject of `verb` is a thing."""
    return (
        bool(subjects)
        and verb.dep_ == "ccomp"
        and len(chain) >= 2
        and chain[-2].dep_ == "conj"
        and all(_mute(s) for s in subjects)
    )


def _channel_of_participle(verb: Token) -> Token | None:
    """The verb or document a participle of saying reports through when the parser hung it
    on the platform it was posted on ("a message on Twitter blaming", "spoke on state
    television accusing"): the preposition's head, for a platform the outlet rules named
    (a MEDIA entity) or an outlet noun."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    platform = verb.head
    if platform.dep_ != "pobj" or platform.head.dep_ != "prep":
        return None
    if platform.ent_type_ != "MEDIA" and platform.lemma_.lower() not in MEDIUM_NOUNS:
        return None
    return platform.head.head


def _after_according_to(token: Token) -> bool:
    """Whether the parser took the outlet in "According to ISNA, X said" for the subject."""
    doc = token.doc
    # most subjects have no "according to" before them: the text says so without a
    # Token made for each word looked back over (issue 10's speed target)
    if "ccording" not in doc_text(doc)[max(0, token.idx - _ACCORDING_REACH) : token.idx]:
        return False
    for i in range(token.i - 1, max(token.sent.start, token.i - 8) - 1, -1):
        if doc[i].text in (",", ";", ":") or doc[i].pos_ in ("VERB", "AUX"):
            return doc[i].lower_ == "according"
        if doc[i].lower_ == "to" and i > 0 and doc[i - 1].lower_ == "according":
            return True
    return False


def _phrase_before(verb: Token) -> Token | None:
    """Head of the noun phrase ending right before `verb`, climbing out of its
    prepositional modifiers ("source" in "a source in Damascus told"); a name closed by
    a comma is its own phrase ("the prosecutor general of Tehran, Ali Mehr, said")."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].dep_ in ("advmod", "neg", "aux") or doc[i].is_space):
        i -= 1
    if i > 0 and doc[i].text == ",":
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN", "PRON") or doc[i].ent_type_ in _TIME_ENTS:
        return None
    current = doc[i]
    for _ in range(6):
        head = current.head
        if head.i >= verb.i or head.i == current.i:
            break
        if current.dep_ in ("compound", "flat", "amod", "nmod"):
            current = head
        elif current.dep_ == "appos" and head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
            # "..., Mohammed Hussein, a commander of the militia, told": the name the
            # description stands beside speaks (and no further: the parser may have hung
            # the name itself on a noun of the clause before)
            return head
        elif current.dep_ == "pobj" and head.dep_ == "prep" and head.head.i < verb.i:
            owner = head.head
            # "Mitsotakis speaking to the Atlantic Council called ...": out of the
            # participle too, to the noun it describes
            if owner.dep_ == "acl" and owner.head.i < owner.i:
                owner = owner.head
            elif owner.tag_ in ("VBG", "VBN") or owner.pos_ == "ADJ":
                # "Mitsotakis speaking to ...", "a Hamas official also present in Cairo
                # told AFP": the place is where the speaker was, the subject speaks
                subject = next((c for c in owner.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    return subject
            if owner.pos_ not in ("NOUN", "PROPN"):
                break
            current = owner
        else:
            break
    return current
