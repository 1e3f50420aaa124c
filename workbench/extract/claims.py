"""Claims: what was said, by whom, and through which outlets.

Rules over the dependency parse, in three passes:
1. every speech verb (`speech.py`) outside a quotation gives a draft claim: its content
   is the verb's clausal complement ("reported that ..."), or for verbs such as
   "condemned" its object; its speaker is the subject, inherited by participles
   ("..., saying that ...") and conjoined verbs; "according to X" gives one too;
2. quotations (`quotes.py`) are matched to drafts: content inside one quotation is
   direct speech, content with quoted fragments is mixed; a verb with no complement
   takes the quotation next to it ("al-Mouallimi said, “...”"), and a quotation that
   opens a sentence right after a claim continues its speaker's words;
3. channels: a speaker that is an outlet, the outlet told ("told AFP"), then the outlets
   that relayed it ("as reported by the Middle East Eye", "according to Reuters").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, ActorType, Claim, ClaimKind
from .quotes import Quote, find_quotes, quote_at
from .spans import ActorIndex
from .speakers import (
    PronounResolver,
    Speaker,
    actor_of_phrase,
    speaker_from_head,
    speaker_from_subjects,
)
from .speech import CHANNEL_PREPOSITIONS, DOCUMENT_NOUNS, cue_text, speech_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs whose object is the person told, not what was said.
_HEARER_VERBS = frozenset(
    {"tell", "inform", "notify", "assure", "brief", "warn", "caution", "speak", "talk"}
)
# Participles that say whom the speaker spoke to or where ("speaking to AFP, ...").
_CONTACT_VERBS = frozenset({"speak", "talk", "write", "post", "tweet", "appear", "tell"})
# Verbs of plain assertion: their complement is a proposition, never an act or a hearer.
_SAY_VERBS = frozenset(
    {"say", "add", "state", "claim", "report", "write", "explain", "note", "insist", "argue"}
    | {"maintain", "assert"}
)
# Verbs that pass a claim on when they have an agent: "as reported by", "as quoted by".
_RELAY_VERBS = frozenset({"report", "quote", "cite", "carry", "publish", "broadcast", "air"})
# Dependents of a participle or conjoined verb that do not belong to a claim's content.
_CONTENT_STOP_DEPS = frozenset({"cc", "conj", "punct", "advcl", "parataxis"})
# Object verbs whose object alone is not a claim: what must come with it.
_OBJECT_NEEDS = {
    "call": ("oprd", "for", "on", "ccomp", "xcomp"),
    "urge": ("xcomp", "ccomp"),
    "advise": ("xcomp", "ccomp"),
    "ask": ("xcomp", "ccomp"),
}
# Prepositions that open the circumstances of an act, not part of what was said.
_CIRCUMSTANCE = frozenset(
    {"as", "amid", "after", "before", "despite", "during", "since", "following", "while", "via"}
)
# ... except "as" after verbs of describing: "characterized the attack as a violation".
_DESCRIBING = frozenset(
    {"describe", "characterize", "characterise", "label", "brand", "dub", "call", "name"}
)
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "prep", "dative", "xcomp", "ccomp", "acomp"})
_LEADING_JUNK = re.compile(r"^[\s,;:\u2014\u2013-]+")
_TRAILING_JUNK = re.compile(r"[\s,;:\u2014\u2013-]+$")
_TRAILING_STOP = re.compile(r"[\s,;:.\u2014\u2013-]+$")
_TRAILING_WORD = re.compile(r"(?:[\s,]+(?:and|but|as|while|or))+$", re.IGNORECASE)
_TIME_ENTS = frozenset({"DATE", "TIME"})
_SENTENCE_END = re.compile(r"[.!?]\s")
# How far (characters) a quotation may stand from the verb that introduces it, when
# the parser did not join them: "said, without giving a timeline ..., “...”".
_QUOTE_REACH_AFTER = 90
_QUOTE_REACH_BEFORE = 60
# A quotation that continues the previous speaker must start this close to that claim.
_CONTINUATION_REACH = 400
_MIN_CONTINUATION_WORDS = 4


@dataclass
class _Draft:
    cue_token: Token | None
    cue: str | None
    speaker: Speaker | None
    start: int | None = None  # the content, as character offsets
    end: int | None = None
    kind: ClaimKind = ClaimKind.INDIRECT
    channels: list[str] = field(default_factory=list)
    relays: list[str] = field(default_factory=list)  # outlets that passed it on

    @property
    def has_content(self) -> bool:
        return self.start is not None and self.end is not None and self.end > self.start


def extract_claims(doc: Doc, actors: Sequence[Actor], *, index: ActorIndex) -> list[Claim]:
    """Claims in text order, with ids c1, c2, ..."""
    text = doc.text
    quotes = find_quotes(text)
    resolver = PronounResolver(doc, index)
    drafts: list[_Draft] = []
    for token in doc:
        if quote_at(quotes, token.idx) is not None:
            continue  # a verb inside a quotation is part of what was said
        if _is_relay(token) or _contact(token):
            continue  # "as reported by X", "speaking to X, she said": how a claim travelled
        verb = speech_verb(token)
        if verb is None:
            continue
        draft = _draft_from_verb(token, verb.takes_object, index, resolver)
        if draft is not None:
            drafts.append(draft)
    drafts.extend(_according_to_drafts(doc, drafts, index, resolver, quotes))
    for draft in drafts:
        if draft.has_content:
            _shape_content(draft, text, quotes)
    _attach_quotes(drafts, quotes, text)
    drafts.extend(_continuations(drafts, quotes, text, doc))
    _add_relays(doc, drafts, index, resolver)
    return _finish(drafts, text)


# -- pass 1: speech verbs -------------------------------------------------------------


def _is_relay(token: Token) -> bool:
    """ "as reported by X", "as quoted by X", "citing X": passing a claim on, not making one."""
    if token.lemma_ in ("quote", "cite") and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in token.children
    ):
        return True  # "quoted X as saying": the claim is the participle's
    if token.lemma_ in _RELAY_VERBS:
        has_agent = any(c.dep_ == "agent" for c in token.children)
        has_content = any(c.dep_ == "ccomp" for c in token.children)
        return has_agent and not has_content
    return token.lemma_ == "cite" and token.tag_ == "VBG"


def _contact(token: Token) -> bool:
    """ "Speaking to AFP, X said": the participle says to whom, the claim is X's "said"."""
    if token.lemma_ not in ("speak", "talk") or token.tag_ != "VBG":
        return False
    return any(t.lemma_ not in ("speak", "talk") and speech_verb(t) is not None for t in token.sent)


def _quoter(verb: Token) -> Token | None:
    """The verb in "quoted X as saying" / "cited X as stating", for the participle."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        head = verb.head.head
        if head.lemma_ in ("quote", "cite") and any(c.dep_ == "dobj" for c in head.children):
            return head
    return None


def _negated(verb: Token) -> bool:
    """ "did not say", "declined to say", "no group claimed": no claim was made."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            d.dep_ == "det" and d.lower_ in ("no", "neither") for d in child.children
        ):
            return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in ("decline", "refuse")


def _draft_from_verb(
    verb: Token, takes_object: bool, index: ActorIndex, resolver: PronounResolver
) -> _Draft | None:
    if _negated(verb):
        return None
    inverted = _inverted_speaker(verb)
    quoter = _quoter(verb)
    if inverted is not None:
        # "The bomb was placed in a market, stated Minister Moammar al-Eryani, ..."
        subjects, chain = [inverted], [verb]
    elif quoter is not None:
        # "SANA quoted a military source as saying ...": the source speaks
        subjects, chain = [c for c in quoter.children if c.dep_ == "dobj"], [verb]
    else:
        subjects, chain = _subjects(verb)
    speaker = speaker_from_subjects(subjects, index, resolver) if subjects else None
    draft = _Draft(cue_token=verb, cue=cue_text(verb), speaker=speaker)
    if quoter is not None:
        outlet, _ = _subjects(quoter)
        carrier = speaker_from_subjects(outlet, index, resolver).actor if outlet else None
        if _media(carrier):
            assert carrier is not None
            draft.relays.append(carrier.id)
    content = _complement(verb)
    if content is None and inverted is not None:
        content = verb.sent.start_char, verb.doc[verb.i - 1].idx
    if content is None and takes_object:
        content = _object_content(verb)
    if content is None and takes_object and subjects and subjects[0].dep_ == "pobj":
        # "The operation was condemned by members of the EU": the passive subject
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            content = (passive.left_edge.idx, passive.idx + len(passive.text))
    if content is None and verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "The bill would pass, he predicted, if the votes hold."
        clause = verb.doc[verb.head.left_edge.i : verb.head.right_edge.i + 1]
        content = _rest_of_sentence(clause, verb.left_edge.i, verb.right_edge.i + 1)
    if content is None and not takes_object:
        content = _clause_beside(verb)
    if content is not None:
        draft.start, draft.end = content
    if speaker is not None:
        # "BBC's Jonathan Marcus said": the outlet the speaker works for carried it
        for actor in index.actors_in(speaker.start, speaker.end):
            if _media(actor) and actor is not speaker.actor:
                draft.channels.append(actor.id)
    for link in chain:
        draft.channels.extend(_told_channels(link, index, draft))
    cited = _cited(verb)
    if cited is not None and speaker is not None and _media(speaker.actor):
        # "Reuters reported, citing anonymous sources, that ...": the sources spoke,
        # Reuters carried it
        assert speaker.actor is not None
        draft.channels.insert(0, speaker.actor.id)
        draft.speaker = speaker_from_head(cited, index, resolver)
    return draft


def _cited(verb: Token) -> Token | None:
    """The source an outlet cites: "Reuters reported, citing two officials, that ..."."""
    candidates = list(verb.children)
    for complement in (c for c in verb.children if c.dep_ == "ccomp"):
        candidates += [c for c in complement.lefts if c.dep_ == "advcl"]
    for child in candidates:
        if child.lemma_ == "cite" and child.tag_ == "VBG":
            return next((c for c in child.children if c.dep_ == "dobj"), None)
    return None


def _complement(verb: Token) -> tuple[int, int] | None:
    """Character span of the verb's clausal complement, without nested speech clauses."""
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    if not complements:
        return None
    after = [c for c in complements if c.i > verb.i]
    head = after[0] if after else complements[-1]
    start, end = head.left_edge.i, head.right_edge.i
    mark = next((c for c in head.lefts if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is not None:
        start = mark.i + 1  # what precedes "that" belongs to the attribution
    for token in head.subtree:
        # "..., adding that ..." hanging off the complement is a claim of its own
        if (
            token.i > head.i
            and token.dep_ in ("advcl", "conj")
            and speech_verb(token) is not None
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        ):
            end = min(end, token.left_edge.i - 1)
    if head.i < verb.i:
        # trailing attribution: "..., Al-Akhbar reported." keep the content before the verb
        end = min(end, verb.left_edge.i - 1)
    doc = verb.doc
    if end < start:
        return None
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker after the verb in "..., said the minister" when the parser took it
    for an object."""
    doc = verb.doc
    if verb.lemma_ not in _SAY_VERBS or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # ", claiming a right to ...": a participle, its object is the claim
    if any(c.dep_ in ("nsubj", "ccomp") for c in verb.children):
        return None
    if verb.i - verb.sent.start < 4:
        return None
    after = next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod")), None)
    if after is None or after.pos_ not in ("NOUN", "PROPN") or after.left_edge.i != verb.i + 1:
        return None
    return after


def _clause_beside(verb: Token) -> tuple[int, int] | None:
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
            marked = any(c.dep_ == "mark" for c in child.children)
            if has_subject and not marked and speech_verb(child) is None:
                return child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if (
        obj is not None
        and verb.tag_ != "VB"
        and obj.pos_ in ("NOUN", "PROPN")
        and verb.lemma_ in _SAY_VERBS
        and not any(c.dep_ == "ccomp" for c in verb.children)
    ):
        # "a statement saying an attack on the base produced no casualties": the parser
        # took the clause's subject for an object; the clause runs to the sentence end
        last = sent[-1]
        while last.i > obj.i and (last.is_punct or last.is_space):
            last = last.doc[last.i - 1]
        return obj.left_edge.idx, last.idx + len(last.text)
    subject_start = min((c.left_edge.i for c in verb.lefts if c.dep_ == "nsubj"), default=verb.i)
    rest = [t for t in doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    before = doc[sent.start : subject_start]
    if rest or len(before) < 4 or before[-1].text != ",":
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return before.start_char, before[-1].idx
    return None


def _circumstance(token: Token) -> bool:
    if token.dep_ != "prep" or token.lower_ not in _CIRCUMSTANCE:
        return False
    return not (token.lower_ == "as" and token.head.lemma_ in _DESCRIBING)


def _object_content(verb: Token) -> tuple[int, int] | None:
    """ "condemned Egypt's vote in favor of ...": the object and what completes it."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "Italy and Egypt were called to join": the object is the hearer
    parts = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS]
    needs = _OBJECT_NEEDS.get(verb.lemma_)
    if needs is not None:
        # "called the deal “null and void”", "called for a ceasefire", but not "called him"
        if not any(c.dep_ in needs or c.lower_ in needs for c in parts):
            return None
    elif not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in parts):
        return None
    if not parts:
        return None
    stops = [
        c.i
        for c in verb.rights
        if c.i > parts[0].i and (c.dep_ in _CONTENT_STOP_DEPS or _circumstance(c))
    ]
    limit = min(stops) if stops else len(verb.doc)
    parts = [c for c in parts if c.i < limit]
    doc = verb.doc
    first, last = parts[0].left_edge, max(p.right_edge.i for p in parts)
    last = min(last, limit - 1)
    return first.idx, doc[last].idx + len(doc[last].text)


def _subjects(verb: Token) -> tuple[list[Token], list[Token]]:
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
            if (
                c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and current.lemma_ in ("quote", "cite"))
            )
            and not _after_according_to(c)
        ]
        if subjects:
            return subjects, chain
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in current.children):
            return [], chain  # "it was reported that ...": nobody is named
        if current.dep_ == "acl" and current.head.lemma_.lower() in DOCUMENT_NOUNS:
            return [current.head], chain  # "a statement saying that ..."
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
        if current.dep_ != "conj" and (
            current.tag_ in ("VBD", "VBZ", "VBP") or current.dep_ == "ROOT"
        ):
            # a finite verb the parser left without a subject: take the phrase just
            # before it ("... as a Syrian political source in Damascus told AFP")
            left = _phrase_before(current)
            return ([left] if left is not None else []), chain
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


def _after_according_to(token: Token) -> bool:
    """Whether the parser took the outlet in "According to ISNA, X said" for the subject."""
    doc = token.doc
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
        if head.i >= verb.i or head is current:
            break
        if current.dep_ in ("compound", "flat", "amod", "nmod"):
            current = head
        elif current.dep_ == "pobj" and head.dep_ == "prep" and head.head.i < verb.i:
            owner = head.head
            # "Mitsotakis speaking to the Atlantic Council called ...": out of the
            # participle too, to the noun it describes
            if owner.dep_ == "acl" and owner.head.i < owner.i:
                owner = owner.head
            elif owner.tag_ == "VBG":
                subject = next((c for c in owner.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    return subject
            if owner.pos_ not in ("NOUN", "PROPN"):
                break
            current = owner
        else:
            break
    return current


def _media(actor: Actor | None) -> bool:
    return actor is not None and actor.type is ActorType.MEDIA


def _told_channels(verb: Token, index: ActorIndex, draft: _Draft) -> list[str]:
    """Outlets the speaker spoke to: "told AFP", "said in an interview with Al Jazeera"."""
    children = list(verb.children)
    # "Speaking to Agence France-Presse, X said": the participle's prepositions count too
    children += [
        grandchild
        for child in verb.children
        if child.dep_ == "advcl" and child.lemma_ in _CONTACT_VERBS
        for grandchild in child.children
    ]
    found: list[str] = []
    for child in children:
        hearer = child.dep_ in ("dobj", "dative") and child.head.lemma_ in _HEARER_VERBS
        if not hearer and not (child.dep_ == "prep" and child.lower_ in CHANNEL_PREPOSITIONS):
            continue
        span = child.doc[child.left_edge.i : child.right_edge.i + 1]
        if draft.has_content and span.start_char < draft.end and span.end_char > draft.start:
            continue
        for actor in index.actors_in(span.start_char, span.end_char):
            if _media(actor) and actor.id not in found:
                found.append(actor.id)
    return found


# -- "according to X" -----------------------------------------------------------------


def _according_to_drafts(
    doc: Doc,
    drafts: list[_Draft],
    index: ActorIndex,
    resolver: PronounResolver,
    quotes: list[Quote],
) -> list[_Draft]:
    found = []
    for token in doc[:-1]:
        if token.lower_ != "according" or doc[token.i + 1].lower_ != "to":
            continue
        if quote_at(quotes, token.idx) is not None:
            continue
        to = doc[token.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        phrase_end = pobj.right_edge.i + 1
        sent = token.sent
        if any(_in_sentence(d, sent) and d.has_content for d in drafts):
            continue  # a relay for that claim: handled with the other relays
        speaker = speaker_from_head(pobj, index, resolver)
        also = [
            actor.id
            for conj in pobj.children
            if conj.dep_ == "conj"
            and _media(actor := actor_of_phrase(conj, index))
            and actor is not None
        ]
        draft = _Draft(cue_token=token, cue=doc[token.i : token.i + 2].text, speaker=speaker)
        draft.relays.extend(also)  # "according to Reuters and NBC"
        draft.start, draft.end = _rest_of_sentence(_attributed_clause(token), token.i, phrase_end)
        found.append(draft)
    return found


def _in_sentence(draft: _Draft, sent: Span) -> bool:
    return draft.cue_token is not None and sent.start <= draft.cue_token.i < sent.end


def _attributed_clause(according: Token) -> Span:
    """What "according to X" is attached to: the sentence, or a clause inside it
    ("Women, who make up 16% of the military, according to CNA, have been serving")."""
    sent = according.sent
    doc = according.doc
    previous = doc[according.i - 2] if doc[according.i - 1].text == "," else None
    if previous is not None:
        relative = next(
            (a for a in [previous, *previous.ancestors] if a.dep_ == "relcl"),
            None,
        )
        if relative is not None and relative.right_edge.i == previous.i:
            # "who make up 16% of the military, according to CNA": the relative clause
            return doc[relative.left_edge.i : according.i]
    verb = according.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    if verb.dep_ in ("relcl", "advcl") and verb.i != sent.root.i:
        return according.doc[verb.left_edge.i : max(verb.right_edge.i, according.i) + 1]
    return sent


def _rest_of_sentence(sent: Span, start: int, end: int) -> tuple[int, int]:
    """The sentence without the attribution phrase [start, end) when it opens or closes it."""
    doc = sent.doc
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words:
        return sent.start_char, sent.end_char
    before = [t for t in words if t.i < start]
    after = [t for t in words if t.i >= end]
    if not before and after:
        return doc[end].idx, sent.end_char
    if before and not after:
        return sent.start_char, doc[start].idx
    return sent.start_char, sent.end_char


# -- pass 2: quotations ---------------------------------------------------------------


def _shape_content(draft: _Draft, text: str, quotes: list[Quote]) -> None:
    """Trim the content and classify it as indirect, mixed or direct."""
    assert draft.start is not None and draft.end is not None
    start, end = _trim(text, draft.start, draft.end)
    if end <= start:
        draft.start = draft.end = None
        return
    overlapping = [q for q in quotes if q.start < end and q.end > start]
    if not overlapping:
        draft.start, draft.end, draft.kind = start, end, ClaimKind.INDIRECT
        return
    if len(overlapping) == 1 and _only_quote(text, start, end, overlapping[0]):
        quote = overlapping[0]
        draft.start, draft.end = _trim_direct(text, quote)
        draft.kind = ClaimKind.DIRECT
        return
    # quoted fragments are kept whole, marks included
    start = min([start] + [q.start for q in overlapping])
    end = max([end] + [q.end for q in overlapping])
    draft.start, draft.end, draft.kind = start, end, ClaimKind.MIXED


def _only_quote(text: str, start: int, end: int, quote: Quote) -> bool:
    outside = text[start : max(start, quote.start)] + " " + text[min(end, quote.end) : end]
    words = re.findall(r"\w+", outside)
    return all(w.lower() == "that" for w in words)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    lead = _LEADING_JUNK.match(span)
    if lead:
        start += lead.end()
    if text[start : start + 5].lower() == "that ":
        start += 5
    span = text[start:end]
    while True:
        stripped = _TRAILING_WORD.sub("", _TRAILING_STOP.sub("", span))
        if stripped == span:
            break
        span = stripped
    return start, start + len(span)


def _trim_direct(text: str, quote: Quote) -> tuple[int, int]:
    start, end = quote.inner_start, quote.inner_end
    while start < end and text[start].isspace():
        start += 1
    inner = _TRAILING_JUNK.sub("", text[start:end])
    return start, start + len(inner)


def _attach_quotes(drafts: list[_Draft], quotes: list[Quote], text: str) -> None:
    """Give each verb without content the unclaimed quotation beside it."""
    claimed = {id(q) for q in quotes for d in drafts if d.has_content and _covers(d, q)}
    for draft in drafts:
        if draft.has_content or draft.cue_token is None:
            continue
        quote = _adjacent_quote(draft.cue_token, quotes, claimed, text)
        if quote is None:
            continue
        claimed.add(id(quote))
        draft.start, draft.end = _trim_direct(text, quote)
        draft.kind = ClaimKind.DIRECT
    for draft in drafts:
        if draft.kind is ClaimKind.DIRECT and draft.cue_token is not None:
            _join_split_quote(draft, quotes, claimed, text)


def _join_split_quote(draft: _Draft, quotes: list[Quote], claimed: set[int], text: str) -> None:
    """“While we await ...,” he said, “we strongly urge ...”: one quotation cut in two
    by its attribution (the first part ends with a comma) is one claim."""
    assert draft.cue_token is not None and draft.start is not None and draft.end is not None
    cue = draft.cue_token
    before = [q for q in quotes if q.end <= cue.idx and q.inner_end <= draft.start]
    after = [
        q for q in quotes if q.start >= cue.idx + len(cue.text) and q.inner_start >= draft.start
    ]
    if not before or not after:
        return
    first, second = before[-1], after[0]
    if not text[first.inner_start : first.inner_end].rstrip().endswith(","):
        return
    gap_before = text[first.end : cue.idx]
    gap_after = text[cue.idx + len(cue.text) : second.start]
    if len(gap_before) > _QUOTE_REACH_BEFORE or len(gap_after) > 4 or "\n" in gap_before:
        return
    if not (draft.start <= second.inner_end and draft.end >= first.inner_start):
        return
    claimed.update({id(first), id(second)})
    draft.start = _trim_direct(text, first)[0]
    draft.end = _trim_direct(text, second)[1]


def _covers(draft: _Draft, quote: Quote) -> bool:
    assert draft.start is not None and draft.end is not None
    return quote.start < draft.end and quote.end > draft.start


def _adjacent_quote(cue: Token, quotes: list[Quote], claimed: set[int], text: str) -> Quote | None:
    cue_end = cue.idx + len(cue.text)
    best: tuple[int, Quote] | None = None
    for quote in quotes:
        if id(quote) in claimed:
            continue
        if quote.start >= cue_end:
            gap = text[cue_end : quote.start]
            if len(gap) > _QUOTE_REACH_AFTER or _SENTENCE_END.search(gap):
                continue
            distance = len(gap)
        elif quote.end <= cue.idx:
            gap = text[quote.end : cue.idx]
            if len(gap) > _QUOTE_REACH_BEFORE or _SENTENCE_END.search(gap) or "\n" in gap:
                continue
            distance = len(gap)
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, quote)
    return best[1] if best else None


def _continuations(drafts: list[_Draft], quotes: list[Quote], text: str, doc: Doc) -> list[_Draft]:
    """Quotations that open a sentence right after a claim, with no verb of their own:
    news copy leaves the speaker of a run of quoted sentences implicit."""
    used = {id(q) for q in quotes for d in drafts if d.has_content and _covers(d, q)}
    found: list[_Draft] = []
    ordered = sorted((d for d in drafts if d.has_content), key=lambda d: d.start or 0)
    for quote in quotes:
        if id(quote) in used or quote.words(text) < _MIN_CONTINUATION_WORDS:
            continue
        if not _opens_sentence(text, quote.start):
            continue
        previous = [d for d in ordered + found if (d.end or 0) <= quote.start]
        if not previous:
            continue
        last = max(previous, key=lambda d: d.end or 0)
        if quote.start - (last.end or 0) > _CONTINUATION_REACH or last.speaker is None:
            continue
        start, end = _trim_direct(text, quote)
        found.append(
            _Draft(
                cue_token=None,
                cue=None,
                speaker=last.speaker,
                start=start,
                end=end,
                kind=ClaimKind.DIRECT,
                channels=list(last.channels),
                relays=list(last.relays),
            )
        )
    return found


def _opens_sentence(text: str, offset: int) -> bool:
    before = text[:offset].rstrip()
    return not before or before[-1] in '.!?:\n\u201d"' or text[offset - 1] == "\n"


# -- pass 3: relays -------------------------------------------------------------------


def _add_relays(
    doc: Doc, drafts: list[_Draft], index: ActorIndex, resolver: PronounResolver
) -> None:
    """ "as reported by X", "according to X", "citing X" next to a claim: X relayed it."""
    for token in doc:
        outlet_heads: list[Token] = []
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None and token.lemma_ in _RELAY_VERBS and _is_relay(token):
            outlet_heads = [c for c in agent.children if c.dep_ == "pobj"]
        elif (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            outlet_heads = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
        if not outlet_heads:
            continue
        actor = actor_of_phrase(outlet_heads[0], index)
        if not _media(actor):
            continue
        assert actor is not None
        sent = token.sent
        for draft in drafts:
            if draft.cue_token is token or not _in_sentence(draft, sent):
                continue
            if actor.id not in draft.relays and actor.id not in draft.channels:
                draft.relays.append(actor.id)


# -- output ---------------------------------------------------------------------------


def _fold_reports(drafts: list[_Draft]) -> list[_Draft]:
    """ "Reuters reported a source said ...": the source made the claim, Reuters carried it."""
    by_cue = {d.cue_token.i: d for d in drafts if d.cue_token is not None and d.has_content}
    dropped: set[int] = set()
    for inner in drafts:
        verb = inner.cue_token
        if verb is None or verb.dep_ != "ccomp" or verb.head.i not in by_cue:
            continue
        outer = by_cue[verb.head.i]
        outer_actor = outer.speaker.actor if outer.speaker else None
        if not _media(outer_actor) or not inner.has_content:
            continue
        assert outer_actor is not None
        if verb.head.i > verb.i:
            # "X criticized Y, ABC reported": the report is the claim, Y is inside it
            dropped.add(id(inner))
            continue
        if verb.lemma_ not in _SAY_VERBS:
            continue  # "NPR reported X recommended ...": a report of an act
        if outer_actor.id not in inner.relays:
            inner.relays.append(outer_actor.id)
        dropped.add(id(outer))
    return [d for d in drafts if id(d) not in dropped]


def _finish(drafts: list[_Draft], text: str) -> list[Claim]:
    drafts = _fold_reports(drafts)
    kept: dict[tuple[int, int], _Draft] = {}
    for draft in drafts:
        if not draft.has_content:
            continue
        assert draft.start is not None and draft.end is not None
        key = (draft.start, draft.end)
        if key in kept:
            continue  # two cues for one content: the first in text order wins
        kept[key] = draft
    claims = []
    for number, ((start, end), draft) in enumerate(sorted(kept.items()), start=1):
        speaker = draft.speaker
        actor = speaker.actor if speaker else None
        channels = ([actor.id] if _media(actor) and actor is not None else []) + [
            c for c in draft.channels + draft.relays if actor is None or c != actor.id
        ]
        claims.append(
            Claim(
                id=f"c{number}",
                text=text[start:end],
                start=start,
                end=end,
                kind=draft.kind,
                cue=draft.cue,
                speaker=actor.id if actor else None,
                speaker_text=speaker.text if speaker else None,
                channels=tuple(dict.fromkeys(channels)),
            )
        )
    return claims
