"""Claims: what was said, by whom, and through which outlets.

Rules over the dependency parse, in three passes:
1. every speech verb (`speech.py`) outside a quotation gives a draft claim: its content
   is the verb's clausal complement ("reported that ..."), or for verbs such as
   "condemned" its object; its speaker is the subject, inherited by participles
   ("..., saying that ...") and conjoined verbs (`attribution.py` finds both in the
   parse, `speakers.py` names the speaker); "according to X" and nouns of saying
   ("Iran's claim that ...") give drafts too;
2. quotations (`quotes.py`) are matched to drafts: content inside one quotation is
   direct speech, content with quoted fragments is mixed; a verb with no complement
   takes the quotation next to it ("al-Mouallimi said, “...”"), and a quotation that
   opens a sentence right after a claim continues its speaker's words;
3. channels: a speaker that is an outlet, the outlet told ("told AFP"), then the outlets
   that relayed it ("as reported by the Middle East Eye", "according to Reuters"); an
   outlet reporting that someone said something is a channel of that claim, not its
   speaker ("Reuters reported a source said ...").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy
from spacy.strings import hash_string  # type: ignore[attr-defined]  # in strings.pyx, not its .pyi

from .. import lexicon
from ..model import Actor, ActorType, Claim, ClaimKind
from .attribution import (
    cited_source,
    citing_after,
    citing_participle,
    clause_beside,
    clause_taken_for_object,
    complement,
    inverted_speaker,
    is_contact,
    is_negated,
    is_relay,
    judges,
    lacks_what_it_needs,
    object_content,
    quoted_heads,
    quoter,
    speaker_heads,
)
from .content_edges import trim_edges
from .headlines import headline_labels, label_kind
from .quotes import NestedQuotes, Quote, find_nested_quotes, find_quotes, quote_at
from .spans import ActorIndex, doc_text, tokens_spelled
from .speakers import (
    PronounResolver,
    Speaker,
    actor_of_phrase,
    noun_phrase,
    speaker_from_head,
    speaker_from_subjects,
)
from .speech import (
    CHANNEL_PREPOSITIONS,
    CLAIM_NOUNS,
    COLLECTIVE_NOUNS,
    COMMIT_VERBS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    GOVERNMENT_NOUNS,
    HEARER_VERBS,
    MEDIA_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    RELAY_VERBS,
    SAY_VERBS,
    cue_text,
    speech_verb,
    speech_verbs,
)
from .wire_leads import WireLead, wire_lead

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs of going on with what one said: cues for a quotation beside them only.
_GOING_ON = frozenset(" ".join(e.words) for e in lexicon.entries("going_on_verbs.txt"))
# Verbs with a "that" clause that report no speech (see `_unlisted_speech_verbs`).
_THINKING_VERBS = lexicon.words("thinking_verbs.txt")
# Nouns of people and bodies who speak, for a verb of saying the lexicon does not list.
_SPEAKING_NOUNS = PERSON_NOUNS | COLLECTIVE_NOUNS | GOVERNMENT_NOUNS | MEDIA_NOUNS
_FINITE = frozenset({"VBD", "VBZ", "VBP", "VB"})
# Participles that say whom the speaker spoke to or where ("speaking to AFP, ...").
_CONTACT_VERBS = lexicon.words("contact_verbs.txt")
# Nouns naming an outlet by description ("Syria's state news agency", "state television").
_OUTLET_NOUNS = lexicon.words("outlet_nouns.txt")
_LEADING_JUNK = re.compile(r"^[\s,;:\u2014\u2013-]+")
_TRAILING_JUNK = re.compile(r"[\s,;:\u2014\u2013-]+$")
_TRAILING_STOP = re.compile(r"[\s,;:.\u2014\u2013-]+$")
_TRAILING_WORD = re.compile(r"(?:[\s,]+(?:and|but|as|while|or))+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s")
# A wire dateline opening a paragraph: "BAGHDAD (Reuters) - ", "CAIRO: ", "SANAA, Yemen -- "
_DATELINE = re.compile(
    r"[A-Z][A-Z .'\-]{2,}(?:,\s*[A-Z][\w .]+)?\s*(?:\([^)\n]{1,40}\))?\s*(?:-{1,2}|[:\u2014\u2013])\s+"
)
# How far (characters) a quotation may stand from the verb that introduces it, when
# the parser did not join them: "said, without giving a timeline ..., “...”".
_QUOTE_REACH_AFTER = 90
_QUOTE_REACH_BEFORE = 60
# How long the words between the cue and the second part of a split quotation may be
# ('“A,” wrote Trump on Twitter, “B”').
_SPLIT_QUOTE_GAP = 40
# How long a time set before a reported clause may be ("As of yesterday evening, ...").
_LEADING_TIME_CHARS = 40
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

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the content shares a character with [start, end)."""
        if self.start is None or self.end is None or self.end <= self.start:
            return False
        return start < self.end and end > self.start


def extract_claims(doc: Doc, actors: Sequence[Actor], *, index: ActorIndex) -> list[Claim]:
    """Claims in text order, with ids c1, c2, ..."""
    text = doc_text(doc)
    candidates = _cue_candidates(doc)
    quotes = _end_unclosed_before_speech(find_quotes(text), candidates)
    nested = find_nested_quotes(text)
    resolver = PronounResolver(doc, index)
    drafts: list[_Draft] = []
    for token in candidates:
        verb = speech_verb(token)
        if verb is None or quote_at(quotes, token.idx) is not None:
            continue  # a verb inside a quotation is part of what was said
        if is_relay(token) or is_contact(token):
            continue  # "as reported by X", "speaking to X, she said": how a claim travelled
        if token.dep_ == "amod" or _asks(token, text) or lacks_what_it_needs(token):
            continue  # "alleged abuse" describes; "Do you think that ...?" asks
        draft = _draft_from_verb(token, verb.takes_object, index, resolver)
        if draft is not None:
            drafts.append(draft)
    for token in _unlisted_speech_verbs(doc, index):
        if quote_at(quotes, token.idx) is None and not _asks(token, text):
            draft = _draft_from_verb(token, False, index, resolver)
            if draft is not None and draft.has_content:
                drafts.append(draft)
    drafts.extend(_headline_drafts(doc, text, index, drafts))
    drafts.extend(_according_to_drafts(candidates, drafts, index, resolver, quotes))
    drafts.extend(_noun_cue_drafts(candidates, index, resolver, quotes))
    for draft in drafts:
        if draft.has_content and not _clip_to_quotes(draft, nested, text):
            _drop_trailing_relative(draft, doc, quotes)
            _drop_writers_sequel(draft, doc, quotes)
            _drop_clause_appositive(draft, doc, quotes)
            _drop_writers_close(draft, doc, quotes)
            _drop_leading_time(draft, doc, text)
            assert draft.start is not None and draft.end is not None
            draft.start, draft.end = trim_edges(
                doc, draft.start, draft.end, quotes, draft.cue_token
            )
            _shape_content(draft, text, quotes)
    _attach_quotes(drafts, quotes, text)
    drafts.extend(_continuations(drafts, quotes, text, doc, index, resolver))
    going_on = _going_on_drafts(doc, index, resolver, quotes)
    _attach_quotes(going_on, quotes, text, taken=drafts)
    drafts.extend(going_on)
    _add_relays(candidates, drafts, index)
    _keep_channels_of_the_statement(drafts)
    _cut_carrying_statement(drafts, doc, quotes, index)
    return _finish(drafts, text)


def _going_on_drafts(
    doc: Doc, index: ActorIndex, resolver: PronounResolver, quotes: list[Quote]
) -> list[_Draft]:
    """ "Johnson continued, “...”": a verb of going on (`going_on_verbs.txt`) with a
    subject who can speak is a cue for the quotation beside it and nothing else. It gets
    a quotation last, one no speech verb took and no run of quoted sentences continued
    ('“...”, Graham continued.' continues his statement, its outlet with it); "continued
    to fight" has none: no claim."""
    found = []
    for token in tokens_spelled(doc, tuple({w.split()[0] for w in _GOING_ON}), attr="LEMMA"):
        particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
        spelled = {token.lemma_.lower(), *(f"{token.lemma_.lower()} {p}" for p in particles)}
        if token.pos_ != "VERB" or not spelled & _GOING_ON or quote_at(quotes, token.idx):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if len(subjects) != 1 or is_negated(token):
            continue
        subject = subjects[0]
        if not (subject.lower_ in PERSON_PRONOUNS or _can_speak(subject, index)):
            continue  # "The fighting continued."
        speaker = speaker_from_subjects(subjects, index, resolver)
        found.append(_Draft(cue_token=token, cue=cue_text(token), speaker=speaker))
    return found


def _asks(token: Token, text: str) -> bool:
    """Whether the token's sentence is a question (read from the text: `Span.text` joins
    the sentence's tokens anew for every cue)."""
    if "?" not in text:
        return False  # most articles ask nothing: no sentence to find
    sent = token.sent
    return text[sent.start_char : sent.end_char].rstrip().endswith("?")


def _end_unclosed_before_speech(quotes: list[Quote], candidates: list[Token]) -> list[Quote]:
    """A quotation never closed ends before the first later sentence inside it that has
    a speech verb with a subject of its own ('the "deal" is "off. She said ...'): that
    sentence reports someone speaking, it is not what the first speaker said."""
    cut = list(quotes)
    for token in candidates:
        i = bisect.bisect_right(cut, token.idx, key=lambda q: q.start) - 1
        if i < 0 or cut[i].closed or not cut[i].start <= token.idx < cut[i].end:
            continue
        quote, sent = cut[i], token.sent
        if sent.start_char <= quote.inner_start or speech_verb(token) is None:
            continue
        if not any(c.dep_ == "nsubj" for c in token.children):
            continue
        end = sent.start_char
        text = doc_text(token.doc)
        while end > quote.inner_start and text[end - 1].isspace():
            end -= 1
        # what follows is read afresh: her own quotation may open there ('no "really')
        rest = find_quotes(text, within=(sent.start_char, quote.end))
        head = Quote(quote.start, end, quote.inner_start, end, False, quote.paragraphs)
        cut[i : i + 1] = [head, *rest]
    return [q for q in cut if q.inner_end > q.inner_start]


def _clip_to_quotes(draft: _Draft, nested: NestedQuotes, text: str) -> bool:
    """Keep a claim's content inside the quotations it belongs to: within the innermost
    one around its cue (Jones speaking inside Smith's quotation says nothing of Smith's
    around it), and, when it starts inside a quotation that does not hold the cue, ending
    with that quotation. True when the content is then that whole quotation: direct."""
    assert draft.start is not None and draft.end is not None
    if draft.cue_token is not None:
        around = nested.innermost(draft.cue_token.idx)
        if around is not None:
            draft.start = max(draft.start, around.inner_start)
            draft.end = min(draft.end, around.inner_end)
    else:
        around = None
    inside = nested.innermost(draft.start)
    if inside is None or inside is around or draft.end <= inside.inner_end:
        return False
    draft.end = inside.inner_end
    if text[inside.inner_start : draft.start].strip():
        return False  # it starts in the middle of the quotation: shaped as usual
    draft.start, draft.end = _trim_direct(text, inside)
    draft.kind = ClaimKind.DIRECT
    return True


def _cue_candidates(doc: Doc) -> list[Token]:
    """The tokens that could cue a claim, picked from the doc's arrays: making a Token
    object for every word of a long article costs more than all our rules together."""
    rows = doc.to_array(["LEMMA", "LOWER"])
    wanted = _cue_hashes()
    hits = numpy.isin(rows[:, 0], wanted) | numpy.isin(rows[:, 1], wanted)
    return [doc[int(i)] for i in numpy.flatnonzero(hits)]


_HEADLINE_SPEAKERS = frozenset(
    {ActorType.PERSON, ActorType.ORGANIZATION, ActorType.GROUP, ActorType.COUNTRY, ActorType.MEDIA}
)


def _headline_drafts(doc: Doc, text: str, index: ActorIndex, drafts: list[_Draft]) -> list[_Draft]:
    """ "Pelosi: impeachment inquiry will move forward": a headline whose label is one
    actor's whole name says that actor said the rest; a label naming nobody gives an
    unnamed claim only when it is a noun of who can speak ("Police: ..."): a topic
    ("Coronavirus: ...") gives none (`headlines.label_kind`)."""
    found = []
    for match in headline_labels(text):
        what = match["what"].rstrip()
        start, end = match.start("who"), match.end("who")
        mentions = index.mentions_in(start, end)
        if not mentions and label_kind(match["who"], text, end) == "source":
            actor = None  # "Officials: ...": unnamed
        elif len(mentions) != 1 or (mentions[0][0], mentions[0][1]) != (start, end):
            continue
        else:
            actor = index.by_id[mentions[0][2]]
            if actor.type not in _HEADLINE_SPEAKERS:
                continue
            # the NER names topics too ("Cholera:", "Cyclone Idai:"); a country's name
            # stays its speaker ("Iran: ...")
            if (
                actor.type is not ActorType.COUNTRY
                and label_kind(match["who"], text, end) == "topic"
            ):
                continue
        content_start = match.start("what")
        content_end = content_start + len(what)
        if any(d.overlaps(content_start, content_end) for d in drafts):
            continue  # a verb in the line already gave it ("Iran says ...")
        head = doc.char_span(start, end, alignment_mode="expand")
        if head is None:
            continue
        speaker = Speaker(actor, text[start:end], start, end, head.root)
        found.append(
            _Draft(cue_token=None, cue=":", speaker=speaker, start=content_start, end=content_end)
        )
    return found


def _unlisted_speech_verbs(doc: Doc, index: ActorIndex) -> list[Token]:
    """Verbs of saying the lexicon does not list, known by their syntax: a "that" clause
    after the verb and a subject who can speak (an actor, or a person, group or government
    noun): "The commander contended that ...", "Erdogan signalled that ...". Verbs of
    knowing and perceiving ("know that", "see that": `thinking_verbs.txt`) are none."""
    found = []
    for clause in tokens_spelled(doc, ("ccomp",), attr="DEP"):
        verb = clause.head
        lemma = verb.lemma_.lower()
        # a finite verb after its subject: participles without a subject of their own are
        # where the parser errs ("Working station, improving that ...")
        if verb.pos_ != "VERB" or verb.tag_ not in _FINITE or clause.i < verb.i:
            continue
        if lemma in speech_verbs() or lemma in DOCUMENT_VERBS or lemma in _THINKING_VERBS:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subjects) == 1 and _can_speak(subjects[0], index) and verb not in found:
            found.append(verb)
    return found


def _can_speak(subject: Token, index: ActorIndex) -> bool:
    """An actor that is no place, or a noun for people who speak ("the commander")."""
    actor = actor_of_phrase(subject, index)
    if actor is not None:
        return actor.type is not ActorType.PLACE
    return subject.pos_ == "NOUN" and subject.lemma_.lower() in _SPEAKING_NOUNS


@lru_cache(maxsize=1)
def _cue_hashes() -> numpy.ndarray:
    words = {*speech_verbs(), *DOCUMENT_VERBS, *RELAY_VERBS, *CLAIM_NOUNS, "according"}
    return numpy.array(sorted(hash_string(w) for w in words), dtype=numpy.uint64)


# -- pass 1: speech verbs -------------------------------------------------------------


def _draft_from_verb(
    verb: Token, takes_object: bool, index: ActorIndex, resolver: PronounResolver
) -> _Draft | None:
    if is_negated(verb):
        return None
    inverted = inverted_speaker(verb)
    quoting = quoter(verb)
    lead = wire_lead(verb) if inverted is None and quoting is None else None
    if lead is not None:
        # "Four soldiers were wounded in the blast, army and hospital sources said."
        subjects, chain = [lead.head], [verb]
    elif inverted is not None:
        # "The bomb was placed in a market, stated Minister Moammar al-Eryani, ..."
        subjects, chain = [inverted], [verb]
    elif verb.lemma_ == "read":
        # "“...,” read the statement": the document is the subject, wherever parsed
        subjects = [c for c in verb.children if c.lemma_.lower() in DOCUMENT_NOUNS][:1]
        chain = [verb]
    elif quoting is not None:
        # "SANA quoted a military source as saying ...": the source speaks
        subjects, chain = quoted_heads(quoting), [verb]
    else:
        subjects, chain = speaker_heads(verb)
    relative = _relative_report(verb)
    if relative is not None:
        # "..., which Politico reported left some experts disappointed": Politico speaks
        subjects = [s for s in subjects if s.tag_ not in ("WDT", "WP")]
    reduced = _taken_for_a_modifier(verb, index)
    if reduced is not None:
        subjects = [verb.head]
    if len(subjects) == 1 and _joint_speakers(subjects[0], index):
        return None
    speaker = speaker_from_subjects(subjects, index, resolver) if subjects else None
    if lead is not None and speaker is not None:
        speaker = _lead_speaker(speaker, lead, index)
    draft = _Draft(cue_token=verb, cue=cue_text(verb), speaker=speaker)
    if quoting is not None:
        outlet, _ = speaker_heads(quoting)
        carrier = speaker_from_subjects(outlet, index, resolver).actor if outlet else None
        if _media(carrier):
            assert carrier is not None
            draft.relays.append(carrier.id)
    content = complement(verb)
    if content is None and relative is not None:
        content = relative
    if content is not None:
        content = _with_backshifted_verb(verb, content)
    if lead is not None:
        doc = verb.doc
        content = verb.sent.start_char, doc[lead.comma - 1].idx + len(doc[lead.comma - 1].text)
    if content is None and inverted is not None:
        content = verb.sent.start_char, verb.doc[verb.i - 1].idx
    if content is None and takes_object:
        content = object_content(verb)
    if (
        content is None
        and takes_object
        and not judges(verb)
        and subjects
        and subjects[0].dep_ == "pobj"
    ):
        # "The deal was announced by Russia": the passive subject; "The operation was
        # condemned by members of the EU" is a judgement with no content (issue 10)
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        # "the meeting, which was called by Russia": a relative pronoun says nothing
        if passive is not None and passive.tag_ not in ("WDT", "WP"):
            content = (passive.left_edge.idx, passive.idx + len(passive.text))
    if content is None and verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "The bill would pass, he predicted, if the votes hold."
        clause = verb.doc[verb.head.left_edge.i : verb.head.right_edge.i + 1]
        content = _rest_of_sentence(clause, verb.left_edge.i, verb.right_edge.i + 1)
    if content is None and verb.dep_ == "parataxis" and verb.head.i > verb.i:
        content = _after_parenthetical(verb)
    if content is None and subjects and subjects[0].i > verb.i:
        content = _around_inverted_aside(verb, subjects[0])
    if content is None and reduced is not None:
        content = reduced
    if content is None and verb.lemma_ in COMMIT_VERBS:
        content = _promised(verb)
    if content is None and not takes_object:
        content = clause_taken_for_object(verb)
    if content is None and not (takes_object and any(c.dep_ == "dobj" for c in verb.children)):
        # "announced on Twitter on Monday there were arrests": an object verb with no
        # object, the clause hung beside it
        content = clause_beside(verb)
    if content is not None:
        draft.start, draft.end = _before_speaker(content, speaker, verb)
        _split_hearer(verb, draft, index)
    if speaker is not None and not _no_longer(speaker.head):
        # "BBC's Jonathan Marcus said": the outlet the speaker works for carried it (not
        # "a former editor of the Tehran Times": who they worked for)
        for actor in index.actors_in(speaker.start, speaker.end):
            if _media(actor) and actor is not speaker.actor:
                draft.channels.append(actor.id)
    for link in chain:
        draft.channels.extend(_told_channels(link, index, draft))
    cited = cited_source(verb)
    if (
        cited is not None
        and speaker is not None
        and (_media(speaker.actor) or _outlet_noun(speaker.head))
    ):
        # "Reuters reported, citing anonymous sources, that ...": the sources spoke,
        # Reuters carried it; "Syria's state news agency, citing an official, said":
        # likewise, with the outlet a channel only where it is named
        if _media(speaker.actor):
            assert speaker.actor is not None
            draft.channels.insert(0, speaker.actor.id)
        draft.speaker = speaker_from_head(cited, index, resolver)
        citing = citing_participle(verb)
        if (
            citing is not None
            and draft.start is not None
            and draft.start < citing.idx < (draft.end or 0)
        ):
            draft.end = citing.idx  # "reported X to be dead citing sources": not what was said
    return draft


def _outlet_noun(token: Token) -> bool:
    """ "Syria's state news agency", "Syrian state media" (lemma "medium": the word is read
    as written too)."""
    return token.lemma_.lower() in _OUTLET_NOUNS or token.lower_ in _OUTLET_NOUNS


def _before_speaker(
    content: tuple[int, int], speaker: Speaker | None, verb: Token
) -> tuple[int, int]:
    """ "A bomb hit a bus, killing six soldiers, Mohammed Hussein, a commander, told
    Sputnik": the parser can hang the speaker's phrase on the clause before it, whose
    subtree then runs into it; what was said ends before the speaker's words. (Content
    that goes on after the verb, "The checkpoint, the ministry said, was attacked", holds
    the interruption on purpose.)"""
    start, end = content
    if speaker is None or end > verb.idx or not start < speaker.start < end:
        return content
    doc = verb.doc
    words = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if words is None or not len(words):
        return content
    cut = _end_before_token(doc, words[0].i, verb.sent.start)
    return (start, cut) if cut > start else content


def _relative_report(verb: Token) -> tuple[int, int] | None:
    """ "the response, which Politico reported left some experts disappointed": a
    relative clause whose pronoun and a named source are both the verb's subjects, with
    the verb of what was said hung on it as a complement; what was said is that verb's
    phrase (about the noun the pronoun stands for)."""
    if verb.dep_ != "relcl":
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 2 or not any(s.tag_ in ("WDT", "WP") for s in subjects):
        return None
    said = next((c for c in verb.rights if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if said is None and verb.right_edge.i == verb.i and verb.i + 1 < len(verb.doc):
        # (or the parser joined that verb to the main clause: the verb right after it)
        after = verb.doc[verb.i + 1]
        said = after if after.pos_ == "VERB" and after.dep_ in ("conj", "ccomp") else None
    if said is None:
        return None
    last = said.right_edge
    while last.i > said.i and (last.is_punct or last.is_space):
        last = last.doc[last.i - 1]
    return said.idx, last.idx + len(last.text)


def _with_backshifted_verb(verb: Token, content: tuple[int, int]) -> tuple[int, int]:
    """ "stated she was uninterested in the post, but would fill it as needed": the parser
    joins the second verb to the speech verb (she stated, but would fill); a modal with
    no subject of its own after a past speech verb is reported speech shifted back, more
    of what was said."""
    if verb.tag_ not in ("VBD", "VBN"):
        return content
    for conj in verb.rights:
        if (
            conj.dep_ == "conj"
            and conj.idx >= content[1]
            and speech_verb(conj) is None
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children)
            and any(c.dep_ == "aux" and c.tag_ == "MD" and c.i < conj.i for c in conj.children)
        ):
            last = conj.right_edge
            while last.i > conj.i and (last.is_punct or last.is_space):
                last = last.doc[last.i - 1]
            return content[0], last.idx + len(last.text)
    return content


# "a former editor", "an ex-Al Jazeera producer": no longer the role they are described by
_PAST_ROLE_WORDS = lexicon.words("past_role_words.txt")


def _no_longer(head: Token) -> bool:
    return any(c.i < head.i and c.lower_ in _PAST_ROLE_WORDS for c in head.children)


def _lead_speaker(speaker: Speaker, lead: WireLead, index: ActorIndex) -> Speaker:
    """The wire lead's whole source phrase, and it alone: the parser may have run it back
    over the comma into the clause before, or left its first words there (its actor then
    kept only if named inside it)."""
    doc = lead.head.doc
    start = doc[lead.first].idx
    if speaker.start == start:
        return speaker
    span = doc[lead.first : lead.head.i + 1]
    actor = speaker.actor
    if actor is not None and not index.actors_in(span.start_char, span.end_char):
        actor = None
    return replace(speaker, text=span.text, start=span.start_char, end=span.end_char, actor=actor)


def _media(actor: Actor | None) -> bool:
    return actor is not None and actor.type is ActorType.MEDIA


def _keep_channels_of_the_statement(drafts: list[_Draft]) -> None:
    """ "Soufan told NPR ... X, according to Soufan.": "according to" the speaker of the
    claim just before, with no outlet of its own, goes on with the same statement and
    keeps its channels (a new statement with its own verb does not: "McGurk later wrote")."""
    ordered = sorted((d for d in drafts if d.has_content), key=lambda d: d.start or 0)
    for before, draft in zip(ordered, ordered[1:], strict=False):
        if (
            (draft.cue or "").lower() == "according to"
            and not draft.channels
            and before.channels
            and draft.speaker is not None
            and before.speaker is not None
            and draft.speaker.actor is not None
            and draft.speaker.actor is before.speaker.actor
            and (draft.start or 0) - (before.end or 0) <= _CONTINUATION_REACH
        ):
            draft.channels = list(before.channels)


def _split_hearer(verb: Token, draft: _Draft, index: ActorIndex) -> None:
    """ "Soufan told NPR Hamza bin Laden had appeared ...": the parser glued the outlet
    told to the clause's subject; the outlet is the hearer, not what was said."""
    if verb.lemma_ not in HEARER_VERBS or draft.start is None or verb.i + 1 >= len(verb.doc):
        return
    after = verb.doc[verb.i + 1]
    if after.idx != draft.start or after.ent_type_ != "MEDIA":  # media_ruler.MEDIA_LABEL
        return
    outlet = index.actor_at(after.idx, after.idx + len(after.text))
    if outlet is None or outlet.type is not ActorType.MEDIA:
        return
    mention_end = max(
        e for s, e, a in index.mentions_in(after.idx, after.idx + 1) if a == outlet.id
    )
    rest = next((t for t in verb.doc[after.i :] if t.idx >= mention_end and not t.is_space), None)
    if rest is None or rest.idx >= (draft.end or 0):
        return
    draft.start = rest.idx
    draft.channels.append(outlet.id)


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
    # 'Speaking to NBC News, she said, "..."': the parser hangs the participle on the
    # quotation's verb and the speech verb beside it; one opening the sentence is hers
    if verb.dep_ == "parataxis" and verb.head.i > verb.i:
        children += [
            grandchild
            for child in verb.head.lefts
            if child.dep_ == "advcl"
            and child.lemma_ in _CONTACT_VERBS
            and child.tag_ == "VBG"
            and child.i < verb.i
            for grandchild in child.children
        ]
    # "Osama Hamdan, speaking to Al Jazeera from Beirut, said": hung on the subject
    children += [
        grandchild
        for subject in verb.children
        if subject.dep_ == "nsubj"
        for child in subject.rights
        if child.dep_ == "acl" and child.lemma_ in _CONTACT_VERBS and child.tag_ == "VBG"
        for grandchild in child.children
    ]
    # "announced the order on Twitter": the parser hangs the medium on the object; it is
    # where it was said when the content stops before it
    children += [
        grandchild
        for child in verb.children
        if child.dep_ == "dobj" and draft.end is not None
        for grandchild in child.rights
        if grandchild.dep_ == "prep" and grandchild.idx >= draft.end
    ]
    found: list[str] = []
    for child in children:
        hearer = child.dep_ in ("dobj", "dative") and child.head.lemma_ in HEARER_VERBS
        if not hearer and not (child.dep_ == "prep" and child.lower_ in CHANNEL_PREPOSITIONS):
            continue
        span = child.doc[child.left_edge.i : child.right_edge.i + 1]
        start, end = span.start_char, span.end_char
        if draft.overlaps(start, end):
            if draft.start is None or start >= draft.start:
                continue
            end = draft.start  # 'told MSNBC Cummings "..."': the outlet before the content
        for actor in index.actors_in(start, end):
            if _media(actor) and actor.id not in found:
                found.append(actor.id)
    return found


# -- "according to X" -----------------------------------------------------------------


def _according_to_drafts(
    candidates: list[Token],
    drafts: list[_Draft],
    index: ActorIndex,
    resolver: PronounResolver,
    quotes: list[Quote],
) -> list[_Draft]:
    found = []
    semicolons: list[int] | None = None
    for token in candidates:
        doc = token.doc
        if (
            token.lower_ != "according"
            or token.i + 1 >= len(doc)
            or doc[token.i + 1].lower_ != "to"
        ):
            continue
        if quote_at(quotes, token.idx) is not None:
            continue
        to = doc[token.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        phrase_end = pobj.right_edge.i + 1
        if _after_colon(token):
            # the list after it is what X said, which the parser can hang on X's name
            phrase_end = noun_phrase(pobj)[1]
        phrase_end = _with_relative_about_source(token, phrase_end)
        # "According to X, the man died; Chinese authorities referred to him as ...": a
        # semicolon ends the clause "according to" opens, and another source's words
        if semicolons is None:
            semicolons = [t.i for t in tokens_spelled(doc, (";",))]
        sent = _up_to_semicolon(token, semicolons)
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
        cited = _cited_by_outlet(pobj)
        if cited is None:
            # "According to Asharq Al-Awsat, citing Lebanese officials, ...": the same
            # chain, the participle beside the outlet's phrase
            cited = citing_after(doc, phrase_end)
        if cited is not None and _media(speaker.actor):
            # "According to AFP, which cited sources close to the investigation, ...":
            # the sources spoke, the agency carried it
            assert speaker.actor is not None
            draft.channels.append(speaker.actor.id)
            draft.speaker = speaker_from_head(cited, index, resolver)
            phrase_end = max(phrase_end, cited.head.right_edge.i + 1)
        draft.relays.extend(also)  # "according to Reuters and NBC"
        draft.start, draft.end = _rest_of_sentence(_attributed_clause(token), token.i, phrase_end)
        first = next((t for t in doc[phrase_end : sent.end] if not t.is_punct), None)
        if sent.end < token.sent.end and token.i <= sent.start + 1 and first is not None:
            draft.start, draft.end = first.idx, sent.end_char  # what "according to" opens
        found.append(draft)
    return found


def _with_relative_about_source(according: Token, phrase_end: int) -> int:
    """ "..., according to officials, some of whom were hospitalised.": a relative clause
    closing the sentence after the source is about the source; the attribution phrase
    runs to the end, and what was said is the clause before it."""
    doc, sent = according.doc, according.sent
    if phrase_end >= sent.end or doc[phrase_end].text != ",":
        return phrase_end
    opening = doc[phrase_end + 1 : min(sent.end, phrase_end + 5)]  # its first words only
    if any(t.tag_ in ("WP", "WDT", "WP$") for t in opening):
        return sent.end
    return phrase_end


def _up_to_semicolon(token: Token, semicolons: list[int]) -> Span:
    """The token's sentence up to the first semicolon after the token (or all of it);
    `semicolons`: the doc's semicolon token indexes, found once (many cues in one long
    sentence each looking for the next one made it quadratic)."""
    sent, doc = token.sent, token.doc
    at = bisect.bisect_left(semicolons, token.i)
    stop = semicolons[at] if at < len(semicolons) and semicolons[at] < sent.end else sent.end
    return doc[sent.start : stop]


def _cited_by_outlet(outlet: Token) -> Token | None:
    """Whom an outlet cites in a relative clause: "AFP, which cited sources ..."."""
    for clause in outlet.children:
        if clause.dep_ == "relcl" and clause.lemma_ == "cite":
            return next((c for c in clause.children if c.dep_ == "dobj"), None)
    return None


def _noun_cue_drafts(
    candidates: list[Token], index: ActorIndex, resolver: PronounResolver, quotes: list[Quote]
) -> list[_Draft]:
    """ "Iran's claim that the drone was shot down ...", "a warning from the ministry that
    ...": a noun of saying with its "that" clause; the speaker is its owner, if named."""
    found = []
    for noun in candidates:
        doc = noun.doc
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CLAIM_NOUNS:
            continue
        if quote_at(quotes, noun.idx) is not None:
            continue
        clause = next(
            (
                c
                for c in noun.rights
                if c.dep_ in ("acl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None or _relative_on_the_noun(clause):
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next(
                (c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")),
                None,
            )
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        cue = noun.text
        verb = noun.head.head if noun.dep_ == "pobj" else None
        if verb is not None and speech_verb(verb) is not None:
            # "The campaign said in a statement that ...": the verb's claim, misparsed
            cue, heads = cue_text(verb), speaker_heads(verb)[0]
            speaker = speaker_from_subjects(heads, index, resolver) if heads else None
        elif owner is not None:
            speaker = speaker_from_head(owner, index, resolver)
        elif noun.dep_ == "dobj" and (issuer := speaker_heads(noun.head)[0]):
            speaker = speaker_from_subjects(issuer, index, resolver)  # "issued a warning that"
        else:
            speaker = None
        draft = _Draft(cue_token=noun, cue=cue, speaker=speaker)
        mark = next(m for m in clause.children if m.dep_ == "mark")
        last = clause.right_edge
        draft.start, draft.end = doc[mark.i + 1].idx, last.idx + len(last.text)
        found.append(draft)
    return found


def _relative_on_the_noun(clause: Token) -> bool:
    """ "a claim that officials have rejected": a verb of saying or answering ("rejected",
    "denied", "made") with no object or clause of its own has the noun for its object; the
    "that" is a relative pronoun the parser took for a conjunction, and the clause says
    who answered the claim, not what it was."""
    return speech_verb(clause) is not None and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass") for c in clause.children
    )


def _in_sentence(draft: _Draft, sent: Span) -> bool:
    return draft.cue_token is not None and sent.start <= draft.cue_token.i < sent.end


def _after_colon(according: Token) -> bool:
    """ "...: potentially, according to X, A, B and C": "according to" opens what follows
    a colon (after an adverb at most)."""
    doc, start = according.doc, according.sent.start
    # walk back only over what may stand between the colon and "according to": the words
    # walked are O(adverbs), not the whole sentence for every cue (review F3)
    i = according.i - 1
    while i >= start and doc[i].text != ":" and (doc[i].pos_ == "ADV" or doc[i].is_punct):
        i -= 1
    return i >= start and doc[i].text == ":"


def _attributed_clause(according: Token) -> Span:
    """What "according to X" is attached to: the sentence, or a clause inside it
    ("Women, who make up 16% of the military, according to CNA, have been serving"), or
    what follows the colon it stands after."""
    sent = according.sent
    doc = according.doc
    if _after_colon(according):
        # "... from other places: potentially, according to Al Jazeera, $3.6 billion from
        # ...": what follows the colon is attributed, the clause before it is the writer's
        return doc[according.i : sent.end]
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
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    closing = all(t.is_punct or t.is_space for t in doc[according.right_edge.i + 1 : sent.end])
    if (
        verb.dep_ in ("relcl", "advcl")
        and verb.i != sent.root.i
        and not (closing and _participle_of(verb))
    ):
        # (a participle's clause only where "according to X" closes the sentence: "...,
        # killing at least 20 according to officials on Thursday, and leaving ..." cites
        # the officials for the toll alone, review J14)
        return according.doc[verb.left_edge.i : max(verb.right_edge.i, according.i) + 1]
    return sent


def _participle_of(verb: Token) -> bool:
    """ "another aircraft confused the two airports, performing an emergency go around,
    according to X": a participle after its clause with no subject or mark of its own
    goes on that clause's act, and the source vouches for both."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.i > verb.head.i
        and not any(c.dep_ in ("nsubj", "mark") for c in verb.children)
    )


def _after_parenthetical(verb: Token) -> tuple[int, int] | None:
    """ "At 2:45 a.m., his office said, he died at the hospice": a verb of saying set in
    the middle of the clause it reports, whose subject follows it; the content is the
    clause from its subject on (what comes before is when or where it happened)."""
    head = verb.head
    # the parser may hang the subject on an auxiliary: "they had, X says, paid ..."
    holders = [head, *(c for c in head.children if c.dep_ in ("aux", "auxpass"))]
    subject = next(
        (c for h in holders for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None
    )
    if subject is None:
        return None
    if subject.i < verb.i:
        # "The attack, police said, killed five": the whole clause, the aside within it
        doc = verb.doc
        left, right = verb.left_edge.i, verb.right_edge.i
        # only an aside set off by commas on both sides
        if "," not in (doc[left].text, doc[max(left - 1, 0)].text):
            return None
        if "," not in (doc[right].text, doc[min(right + 1, len(doc) - 1)].text):
            return None
        first, last = subject.left_edge.i, head.right_edge.i
    else:
        # what follows the aside in the clause (a parse's subtree is its edges' span;
        # walking it for each aside was quadratic in a long chain of them)
        first, last = verb.right_edge.i + 1, head.right_edge.i
    doc = verb.doc
    while first <= last and doc[first].is_punct:
        first += 1
    while last >= first and doc[last].is_punct:
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _joint_speakers(subject: Token, index: ActorIndex) -> bool:
    """ "Both Saudi Arabia and the United States have alleged ...", "Biden and others in
    the party warned ...": a claim made jointly by several speakers, one of them named,
    is none by the guideline (eval/gold/README.md); "police and security sources told
    Reuters" names nobody and is one unnamed source."""
    joined = [c for c in subject.children if c.dep_ == "conj" and c.i > subject.i]
    if not joined or not any(c.dep_ == "cc" for c in subject.children):
        return False
    # a name heads the subject: "Retired FBI agent and terrorism specialist Ali Soufan" is
    # one person's titles, parsed as "agent" joined to "Soufan"
    first = actor_of_phrase(subject, index) if subject.pos_ == "PROPN" else None
    if first is None and subject.lower_ in PERSON_PRONOUNS:
        # "Both he and the county's commissioner urged ...": the pronoun names someone
        return any(actor_of_phrase(c, index) is not None for c in joined)
    if first is None:
        return False
    # another named actor, or people besides it ("and others"); not a word of the same
    # name ("the Islamic State of Iraq and the Levant")
    return any(
        ((other := actor_of_phrase(c, index)) is not None and other is not first)
        or (other is None and c.tag_ == "NNS")
        for c in joined
    )


def _taken_for_a_modifier(verb: Token, index: ActorIndex) -> tuple[int, int] | None:
    """ "The security chief, Abdullah al-Jahafi, announced on Facebook on Tuesday there
    were suspects": the parser took the speech verb for a participle on its subject
    ("the chief announced on ...") and made what was said the main clause. A speaker that
    can speak, the subject of a main verb after the speech verb, and nothing said on the
    verb itself show it; what was said is the rest of the sentence."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return None
    noun, main = verb.head, verb.head.head
    if noun.dep_ != "nsubj" or main.i <= verb.right_edge.i or not _can_speak(noun, index):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in verb.children):
        return None
    words = [
        t
        for t in verb.doc[verb.right_edge.i + 1 : main.right_edge.i + 1]
        if not (t.is_punct or t.is_space)
    ]
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _promised(verb: Token) -> tuple[int, int] | None:
    """ "vowed to keep fighting with court cases": the "to" clause after a verb of
    promising is what was promised (a bare "promised" or "promised him" says nothing)."""
    clause = next(
        (
            c
            for c in verb.rights
            if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts)
        ),
        None,
    )
    if clause is None:
        return None
    words = [t for t in clause.subtree if not t.is_punct or t.is_quote]
    # "vowed to keep fighting and promised to appeal": the parser joins the second speech
    # act to the promised verb; it is a claim of its own, so the promise ends before it
    second = next((t for t in words if t.dep_ == "conj" and _speech_act(t)), None)
    if second is not None:
        words = [t for t in words if t.i < second.left_edge.i]
        while words and words[-1].dep_ == "cc":
            words.pop()
    while words and words[-1].is_quote and words[-1].i == clause.right_edge.i:
        words.pop()  # a closing mark of quoted words ends them, not the promise
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _speech_act(token: Token) -> bool:
    """A verb of saying or of promising ("promised", "said")."""
    return token.pos_ == "VERB" and (token.lemma_ in speech_verbs() or token.lemma_ in COMMIT_VERBS)


def _around_inverted_aside(verb: Token, subject: Token) -> tuple[int, int] | None:
    """ "Because only Congress may allocate funds, reads the motion, the declaration
    violates the Constitution": a verb and its subject after it, set off by commas in the
    middle of a sentence, attribute the whole sentence around them (the parser hangs
    such an aside anywhere, so its place in the tree says nothing)."""
    doc, sent = verb.doc, verb.sent
    left, right = verb.i, subject.right_edge.i
    if left - 1 <= sent.start or right + 1 >= sent.end - 1:
        return None
    if doc[left - 1].text != "," or doc[right + 1].text != ",":
        return None
    if any(t.is_quote for t in sent):
        return None  # a quotation split by its attribution is the quotation rules' work
    words = [t for t in sent if not t.is_punct and not left <= t.i <= right]
    if not any(t.i < left for t in words) or not any(t.i > right for t in words):
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _rest_of_sentence(sent: Span, start: int, end: int) -> tuple[int, int]:
    """The sentence without the attribution phrase [start, end) when it opens or closes it."""
    doc = sent.doc
    # the sentence's first and last words, walked to from its ends: listing its words for
    # every cue made one long sentence with many cues quadratic (review F3)
    first, last = sent.start, sent.end - 1
    while first < sent.end and (doc[first].is_punct or doc[first].is_space):
        first += 1
    if first == sent.end:
        return sent.start_char, sent.end_char
    while doc[last].is_punct or doc[last].is_space:
        last -= 1
    before, after = first < start, last >= end
    if not before and after:
        return doc[end].idx, sent.end_char
    if before and not after:
        return sent.start_char, doc[start].idx
    return sent.start_char, sent.end_char


# -- pass 2: quotations ---------------------------------------------------------------


def _drop_trailing_relative(draft: _Draft, doc: Doc, quotes: list[Quote]) -> None:
    """ "... funding for the wall, which was one of his campaign promises": a relative
    clause set off by a comma at the end of reported speech is the writer's aside about
    a word in it, not what the speaker said (inside the content it stays: "The stampede,
    which occurred in Kerman, resulted in ...")."""
    assert draft.start is not None and draft.end is not None
    if ", wh" not in doc_text(doc)[draft.start : draft.end]:
        return  # no relative clause set off by a comma: no tokens to look at
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return
    last = words[-1]
    for token in span:
        # (the parser takes ", which residents welcomed" for an adverbial clause: the
        # pronoun stands for the whole clause before it, the writer's aside all the same)
        if token.dep_ not in ("relcl", "advcl") or token.right_edge.i < last.i:
            continue
        opener = token.left_edge
        if token.dep_ == "advcl" and opener.tag_ != "WDT":
            continue
        if (
            opener.tag_ in ("WDT", "WP", "WP$")
            and opener.i > span.start + 2
            and doc[opener.i - 1].text == ","
            and quote_at(quotes, opener.idx) is None
        ):
            draft.end = doc[opener.i - 1].idx
            return


# "after", "before", "following": what opens a circumstance of an act (prepositions.txt)
_CIRCUMSTANCE_MARKS = lexicon.words("prepositions.txt", flag="circumstance")


def _drop_writers_sequel(draft: _Draft, doc: Doc, quotes: list[Quote]) -> None:
    """ "it had entered into an agreement with Syria after Turkey began an offensive on
    Wednesday": reported speech is shifted back ("had entered"), the writer's own
    narration is not; a clause closing the content with another subject, opened by
    "after"/"before" and in the plain past, is the writer telling when, not the
    speaker's words."""
    assert draft.start is not None and draft.end is not None
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or len(span) < 6:
        return
    last = span[-1]
    # the clause must close the content: it is among the last word's heads (walking them,
    # not the whole span, keeps many overlapping claims of one sentence linear)
    for token in itertools.chain((last,), last.ancestors):  # lazily: the walk stops early
        # a clause reaching back to the content's start has its head outside the content,
        # and so has every clause above it: none can be the writer's sequel
        if token.i < span.start or token.left_edge.i <= span.start:
            break
        if _measured_time_after(token, last, span.start, quotes):
            # ", almost two weeks before the proclamation itself": a span of time set off
            # by a comma, counted from another event, dates what was said for the reader
            draft.end = _end_before_token(doc, token.left_edge.i, span.start)
            return
        if token.dep_ != "advcl" or not _plain_past(token) or token.right_edge.i < last.i - 1:
            continue
        mark = next((c for c in token.children if c.dep_ == "mark" and c.i < token.i), None)
        if mark is None or mark.lower_ not in _CIRCUMSTANCE_MARKS or mark.i <= span.start + 2:
            continue
        # ", nearly a month before the law was signed": a measure of time before the mark
        # opens the writer's clause with it
        opener = token.left_edge
        measured = opener.i < mark.i and all(
            t.dep_ in ("npadvmod", "advmod", "nummod", "det", "amod") or t.head.dep_ == "npadvmod"
            for t in doc[opener.i : mark.i]
        )
        if not measured:
            opener = mark
        if (doc[mark.i - 1].is_punct and not measured) or quote_at(quotes, mark.idx) is not None:
            continue
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        head = token.head
        # (a "would" is no such sign: "would reopen after the storm passed" is the
        # speaker's own "will reopen after the storm passes")
        shifted = any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in head.children
        )
        if own and shifted and span.start <= head.i < opener.i:
            draft.end = _end_before_token(doc, opener.i, span.start)
            return


def _measured_time_after(token: Token, last: Token, start: int, quotes: list[Quote]) -> bool:
    """A phrase "<time span> before/after <event>" closing the content after a comma: the
    preposition with its measure hung before it ("almost two weeks before ...")."""
    if (
        token.dep_ != "prep"
        or token.lower_ not in _CIRCUMSTANCE_MARKS
        or token.right_edge.i < last.i - 1
    ):
        return False
    measure = next((c for c in token.lefts if c.dep_ == "npadvmod"), None)
    if measure is None or measure.ent_type_ != "DATE":
        return False
    # the writer dates a past report; a plan's date is part of it ("the vote would take
    # place in March, two weeks before the holiday": review H2)
    verb = token.head
    if verb.tag_ not in ("VBD", "VBN") or any(
        c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children
    ):
        return False
    opener = token.left_edge
    doc = token.doc
    return (
        opener.i > start + 2
        and doc[opener.i - 1].text == ","
        and quote_at(quotes, opener.idx) is None
    )


_APPOSITIVE_DEPTH = 8  # heads from the content's last word up to the comment's noun


def _last_word(span: Span) -> Token:
    """The span's last word, walking back from its end over punctuation and spaces (not
    the whole span: many overlapping claims of one long sentence stay linear)."""
    doc = span.doc
    i = span.end - 1
    while i > span.start and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    return doc[i]


def _drop_clause_appositive(draft: _Draft, doc: Doc, quotes: list[Quote]) -> None:
    """ "the vote would take place next week, a move Republicans called premature": a noun
    phrase set off by a comma after the clause, naming the whole clause ("a move", "a
    step") and saying what others made of it, is the writer's comment on what was said."""
    assert draft.start is not None and draft.end is not None
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or len(span) < 6:
        return
    last = _last_word(span)
    # the noun phrase holds the last word a few heads up (a bounded walk: a chain of
    # nested reports in one sentence makes the ancestors as many as its verbs)
    for steps, token in enumerate((last, *last.ancestors)):
        if token.i < span.start or steps > _APPOSITIVE_DEPTH:
            break
        if token.dep_ not in ("npadvmod", "appos") or token.pos_ != "NOUN":
            continue
        opener = token.left_edge
        if (
            token.head.pos_ == "VERB"
            and opener.lower_ in ("a", "an")
            and opener.i > span.start + 2
            and doc[opener.i - 1].text == ","
            and any(c.dep_ in ("relcl", "acl") for c in token.rights)
            and quote_at(quotes, opener.idx) is None
        ):
            draft.end = _end_before_token(doc, opener.i, span.start)
        return


# Verbs of how a speaker spoke ("echoing remarks by ..."), not of what was said.
_SPEAKER_ACTS = lexicon.words("speaker_act_verbs.txt")
_CLOSE_DEPTH = 6  # heads from the content's last word up to the closing phrase


def _drop_writers_close(draft: _Draft, doc: Doc, quotes: list[Quote]) -> None:
    """The writer's words closing reported speech after a comma (or a dash): the document
    it is known from (", according to a transcript released by ..."), how the speaker
    spoke (", echoing remarks by ...": `speaker_act_verbs.txt`), or a noun of saying that
    names the statement itself ("— a claim that officials have rejected")."""
    assert draft.start is not None and draft.end is not None
    cue = draft.cue_token
    if cue is None or draft.start < cue.idx:
        return  # only content reported after its cue
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or len(span) < 5:
        return
    last = _last_word(span)
    for steps, token in enumerate((last, *last.ancestors)):
        if token.i <= span.start + 2 or steps > _CLOSE_DEPTH:
            return
        opener = token.left_edge
        if opener.i <= span.start + 2 or doc[opener.i - 1].text not in (",", "\u2014", "\u2013"):
            continue
        if quote_at(quotes, opener.idx) is not None:
            return
        if _writers_close(token):
            draft.end = _end_before_token(doc, opener.i, span.start)
            return


def _writers_close(token: Token) -> bool:
    if token.lower_ == "according" and token.dep_ == "prep":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        return bool(objects) and objects[0].lemma_.lower() in DOCUMENT_NOUNS
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        return token.lemma_.lower() in _SPEAKER_ACTS
    return (
        token.dep_ in ("appos", "npadvmod")
        and token.lemma_.lower() in CLAIM_NOUNS
        and token.left_edge.lower_ in ("a", "an")
    )


def _plain_past(verb: Token) -> bool:
    """ "began", "was signed": the plain past, active or passive."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children
    )


def _drop_leading_time(draft: _Draft, doc: Doc, text: str) -> None:
    """ "One day later, the supplies were resumed, according to the EGPC": when the source
    is named after what it says (or "according to" it), a time set before the clause by a
    comma dates the event for the writer; what the source said starts after it. (A time
    inside a reported clause after its cue, "reported that, in late July, Trump ...", stays.)"""
    assert draft.start is not None and draft.end is not None
    cue = draft.cue_token
    if cue is None or not (cue.lower_ == "according" or draft.end <= cue.idx):
        return
    comma = text.find(",", draft.start, draft.end)
    if comma < 0 or comma - draft.start > _LEADING_TIME_CHARS:
        return
    lead = doc.char_span(draft.start, comma, alignment_mode="expand")
    if lead is None or any(t.pos_ in ("VERB", "AUX") for t in lead):
        return  # "When the talks failed, ...": a clause, not a time
    # a time and nothing else: "A second fire on Saturday, ..." is the subject, "On Sunday
    # in London, ..." a place too, "As a result of Saturday's unrest" a cause
    nouns = [t for t in lead if t.pos_ in ("NOUN", "PROPN", "NUM", "PRON")]
    if not nouns:
        return
    if any(t.ent_type_ not in ("DATE", "TIME") for t in nouns) and not _setting_of_words(lead):
        return
    rest = comma + 1
    while rest < draft.end and text[rest].isspace():
        rest += 1
    if rest < draft.end:
        draft.start = rest


# Occasions and documents words come in: "In the announcement on television, ..."
_SETTINGS = lexicon.words("occasion_nouns.txt") | DOCUMENT_NOUNS
_SETTING_PREPOSITIONS = frozenset({"in", "at", "during"})


def _setting_of_words(lead: Span) -> bool:
    """ "In the announcement on television, the government criticized ..., ABC reported":
    the document or occasion the words came in, set before the clause, is where they
    were said, not what."""
    opener = lead[0]
    return opener.lower_ in _SETTING_PREPOSITIONS and any(
        t.dep_ == "pobj" and t.head.i == opener.i and t.lemma_.lower() in _SETTINGS for t in lead
    )


def _shape_content(draft: _Draft, text: str, quotes: list[Quote]) -> None:
    """Trim the content and classify it as indirect, mixed or direct."""
    assert draft.start is not None and draft.end is not None
    start, end = _trim(text, draft.start, draft.end)
    if end <= start:
        draft.start = draft.end = None
        return
    overlapping = _overlapping(quotes, start, end)
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


def _overlapping(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    """The quotations that overlap [start, end): `quotes` are in text order and never
    overlap, so their ends are in order too and two bisections find them."""
    lo = bisect.bisect_right(quotes, start, key=lambda q: q.end)
    hi = bisect.bisect_left(quotes, end, key=lambda q: q.start)
    return quotes[lo:hi]


def _claimed(drafts: list[_Draft], quotes: list[Quote]) -> set[int]:
    """The quotations that some draft's content already covers."""
    claimed: set[int] = set()
    for draft in drafts:
        if draft.has_content:
            assert draft.start is not None and draft.end is not None
            claimed.update(id(q) for q in _overlapping(quotes, draft.start, draft.end))
    return claimed


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
    dateline = _DATELINE.match(text, start, end)
    if dateline and (start == 0 or text[start - 1] == "\n"):
        start = dateline.end()  # "BAGHDAD (Reuters) - ": where the copy was filed
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


def _attach_quotes(
    drafts: list[_Draft], quotes: list[Quote], text: str, *, taken: Sequence[_Draft] = ()
) -> None:
    """Give each verb without content the quotation beside it that no draft (nor one of
    `taken`) has."""
    claimed = _claimed([*drafts, *taken], quotes)
    for draft in drafts:
        if draft.has_content or draft.cue_token is None:
            continue
        quote = _adjacent_quote(draft.cue_token, quotes, claimed, text)
        if quote is None:
            continue
        if judges(draft.cue_token) and quote.words(text) < _MIN_CONTINUATION_WORDS:
            # "described it with the “painful” stance": a word a judgement quotes is no
            # statement (issue 10); a verb of saying keeps it ('said “no”')
            continue
        claimed.add(id(quote))
        draft.start, draft.end = _trim_direct(text, quote)
        draft.kind = ClaimKind.DIRECT
    for draft in drafts:
        if draft.kind is ClaimKind.DIRECT and draft.cue_token is not None:
            _join_split_quote(draft, quotes, claimed, text)
            _join_quote_and_quote(draft, quotes, claimed, text)


def _join_split_quote(draft: _Draft, quotes: list[Quote], claimed: set[int], text: str) -> None:
    """“While we await ...,” he said, “we strongly urge ...”: one quotation cut in two
    by its attribution (the first part ends with a comma) is one claim."""
    assert draft.cue_token is not None and draft.start is not None and draft.end is not None
    cue = draft.cue_token
    # the last quotation ending before the cue and the first starting after it, whichever
    # of the two the draft was given (quotes in text order, never overlapping: starts and
    # ends both sorted)
    last = bisect.bisect_right(quotes, cue.idx, key=lambda q: q.end)
    first_after = bisect.bisect_left(quotes, cue.idx + len(cue.text), key=lambda q: q.start)
    if last == 0 or first_after >= len(quotes):
        return
    first, second = quotes[last - 1], quotes[first_after]
    if not text[first.inner_start : first.inner_end].rstrip().endswith((",", ";")):
        return
    gap_before = text[first.end : cue.idx]
    gap_after = text[cue.idx + len(cue.text) : second.start]
    if len(gap_before) > _QUOTE_REACH_BEFORE or "\n" in gap_before + gap_after:
        return
    # '“A,” he said, “B”', '“A,” wrote Trump on Twitter, “B”', '“A;” read the statement;
    # “B”': the words after the cue name who and where, and end as the first part did
    named_after = len(gap_after) <= _SPLIT_QUOTE_GAP and gap_after.rstrip().endswith((",", ";"))
    if (len(gap_after) > 4 and not named_after) or _SENTENCE_END.search(gap_after):
        return
    if not (draft.start <= second.inner_end and draft.end >= first.inner_start):
        return
    claimed.update({id(first), id(second)})
    draft.start = _trim_direct(text, first)[0]
    draft.end = _trim_direct(text, second)[1]


def _join_quote_and_quote(draft: _Draft, quotes: list[Quote], claimed: set[int], text: str) -> None:
    """'said “A” and “B”': two quotations given as one statement's words are one claim."""
    assert draft.start is not None and draft.end is not None
    at = bisect.bisect_left(quotes, draft.start, key=lambda q: q.inner_end)
    if at >= len(quotes) or not quotes[at].inner_start <= draft.start:
        return
    current = quotes[at]
    while at + 1 < len(quotes):
        following = quotes[at + 1]
        if id(following) in claimed or text[current.end : following.start].strip() != "and":
            return
        claimed.add(id(following))
        draft.end = _trim_direct(text, following)[1]
        current, at = following, at + 1


def _adjacent_quote(cue: Token, quotes: list[Quote], claimed: set[int], text: str) -> Quote | None:
    cue_end = cue.idx + len(cue.text)
    best: tuple[int, Quote] | None = None
    # only quotations within reach of the cue: those ending from _QUOTE_REACH_BEFORE
    # characters before it to those starting _QUOTE_REACH_AFTER characters after it
    lo = bisect.bisect_left(quotes, cue.idx - _QUOTE_REACH_BEFORE, key=lambda q: q.end)
    hi = bisect.bisect_right(quotes, cue_end + _QUOTE_REACH_AFTER, key=lambda q: q.start)
    for quote in quotes[lo:hi]:
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


def _continuations(
    drafts: list[_Draft],
    quotes: list[Quote],
    text: str,
    doc: Doc,
    index: ActorIndex,
    resolver: PronounResolver,
) -> list[_Draft]:
    """Quotations that open a sentence right after a claim, with no verb of their own:
    news copy leaves the speaker of a run of quoted sentences implicit. A quotation after
    a colon belongs to the clause the colon ends, whatever its verb ("In his message, he
    praised Soleimani's life: “...”"), before any claim made earlier."""
    used = _claimed(drafts, quotes)
    found: list[_Draft] = []
    ordered = sorted(
        [d for d in drafts if d.has_content] + _judgements(drafts), key=lambda d: d.start or 0
    )
    # the claim ending last before a quotation: by end, the first in text order on a tie
    by_end = sorted(enumerate(ordered), key=lambda p: (p[1].end or 0, -p[0]))
    for quote in quotes:
        if id(quote) in used or quote.words(text) < _MIN_CONTINUATION_WORDS:
            continue
        if not _opens_sentence(text, quote.start):
            continue
        i = bisect.bisect_right(by_end, quote.start, key=lambda p: p[1].end or 0)
        last = by_end[i - 1][1] if i else None
        if found and (last is None or (found[-1].end or 0) > (last.end or 0)):
            last = found[-1]  # found in text order, each ending before this quotation
        introduced = _colon_speaker(doc, text, quote, index, resolver)
        if introduced is not None and (last is None or (last.end or 0) < introduced.sent_start):
            last = _Draft(cue_token=None, cue=None, speaker=introduced.speaker, end=quote.start)
        if last is None:
            continue
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


@dataclass(frozen=True)
class _Introduced:
    speaker: Speaker
    sent_start: int  # where the clause the colon ends begins


def _colon_speaker(
    doc: Doc, text: str, quote: Quote, index: ActorIndex, resolver: PronounResolver
) -> _Introduced | None:
    """The subject of the clause a colon right before `quote` ends, when it can speak."""
    colon = quote.start - 1
    while colon >= 0 and text[colon].isspace():
        colon -= 1
    if colon < 0 or text[colon] != ":":
        return None
    span = doc.char_span(colon, colon + 1)
    if span is None:
        return None
    # the clause the colon ends: the highest word before it whose head is before it too
    # (the parser may hang that clause on the quotation's verb)
    verb = doc[span[0].i - 1] if span[0].i > 0 else span[0]
    while verb.head.i < span[0].i and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subjects, _ = speaker_heads(verb)
    if len(subjects) != 1 or not (subjects[0].pos_ == "PRON" or _can_speak(subjects[0], index)):
        return None
    speaker = speaker_from_subjects(subjects, index, resolver)
    if speaker.actor is None:
        return None  # "the sign read:": nobody named to credit it to
    return _Introduced(speaker, verb.sent.start_char)


def _judgements(drafts: list[_Draft]) -> list[_Draft]:
    """Verbs of judging with no content, standing in for their sentence: "McGurk also
    criticized the decision via Twitter. “The WH statement ...”": the quotation after it is
    his, though the judgement itself is no claim (issue 10). Never claims themselves."""
    found = []
    for draft in drafts:
        cue = draft.cue_token
        if draft.has_content or cue is None or not judges(cue):
            continue
        found.append(replace(draft, start=cue.idx, end=cue.sent.end_char))
    return found


def _opens_sentence(text: str, offset: int) -> bool:
    i = offset - 1
    while i >= 0 and text[i].isspace():
        i -= 1  # the last character before the quotation that is not a space
    return i < 0 or text[i] in '.!?:\n\u201d"' or text[offset - 1] == "\n"


# -- pass 3: relays -------------------------------------------------------------------


def _add_relays(candidates: list[Token], drafts: list[_Draft], index: ActorIndex) -> None:
    """ "as reported by X", "according to X", "citing X" next to a claim: X relayed it."""
    # an outlet named by two cues of a sentence is already every draft's relay there (each
    # draft takes it from a cue not its own): later cues naming it again change nothing,
    # and walking the drafts for each of them made many cues in one sentence quadratic
    named: dict[tuple[int, str], int] = {}
    for token in candidates:
        doc = token.doc
        if token.lemma_ not in RELAY_VERBS and token.lower_ != "according":
            continue
        outlet_heads: list[Token] = []
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None and is_relay(token):
            outlet_heads = [c for c in agent.children if c.dep_ == "pobj"]
        elif (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            outlet_heads = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if not outlet_heads:
                outlet_heads = _named_after_to(token)
        if not outlet_heads:
            continue
        actor = actor_of_phrase(outlet_heads[0], index)
        if not _media(actor):
            continue
        assert actor is not None
        sent = token.sent
        if named.get((sent.start, actor.id), 0) >= 2:
            continue
        named[(sent.start, actor.id)] = named.get((sent.start, actor.id), 0) + 1
        for draft in drafts:
            if (draft.cue_token is not None and draft.cue_token.i == token.i) or not _in_sentence(
                draft, sent
            ):
                continue
            if actor.id not in draft.relays and actor.id not in draft.channels:
                draft.relays.append(actor.id)
            _cut_trailing_relay(draft, token, sent)


def _cut_trailing_relay(draft: _Draft, relay: Token, sent: Span) -> None:
    """ "Hamas had accepted the proposal, according to The Times of Israel": the outlet
    that passed the claim on, closing its content, is the writer's word, not the claim."""
    if draft.start is None or draft.end is None or not draft.start < relay.idx < draft.end:
        return
    doc = relay.doc
    last = relay.right_edge
    if last.idx + len(last.text) < draft.end or doc[relay.i - 1].text != ",":
        return
    cut = _end_before_token(doc, relay.i, sent.start)
    if cut > draft.start:
        draft.end = cut


def _named_after_to(according: Token) -> list[Token]:
    """ "According to semi-official news agency ISNA, the prosecutor ... said": the parser
    can leave "to" with no object and make the outlet's name the verb's subject; the
    name is the last one before the comma that closes the phrase."""
    doc = according.doc
    end = next(
        (t.i for t in doc[according.i + 2 : according.sent.end] if t.text == ","),
        according.sent.end,
    )
    names = [t for t in doc[according.i + 2 : end] if t.pos_ == "PROPN"]
    return names[-1:]


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
        if not _asserts(verb):
            continue  # "NPR reported X recommended ...": a report of an act
        if outer_actor.id not in inner.relays:
            inner.relays.append(outer_actor.id)
        dropped.add(id(outer))
    return [d for d in drafts if id(d) not in dropped]


def _asserts(cue: Token) -> bool:
    """A verb of plain assertion ("said"), or one told to a hearer with a clause of what
    was told ("told Shafaq News that ..."): someone's claim an outlet can carry."""
    if cue.lemma_ in SAY_VERBS:
        return True
    return cue.lemma_ in HEARER_VERBS and any(c.dep_ == "ccomp" for c in cue.children)


def _fold_trailing_reports(drafts: list[_Draft]) -> list[_Draft]:
    """ "X said <content>, <Outlet> reported.": X made the claim, the outlet carried it.
    The reporting clause inside the outlet's content has a subject and a speech verb of
    its own, so the outlet is a channel, not the side that spoke (however the parser
    joins the two verbs); the trailing ", <Outlet> reported" is no part of X's words."""
    by_cue = {d.cue_token.i: d for d in drafts if d.cue_token is not None and d.has_content}
    dropped: set[int] = set()
    for report in drafts:
        verb = report.cue_token
        if verb is None or not report.has_content or verb.lemma_ not in RELAY_VERBS:
            continue
        outlet = report.speaker
        if outlet is None or (outlet.actor is not None and outlet.actor.type is ActorType.PERSON):
            continue  # a person "reported": their own word, not a channel's
        subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        doc = verb.doc
        if subject is None or subject.left_edge.i < 1 or doc[subject.left_edge.i - 1].text != ",":
            continue  # not a trailing ", <Outlet> reported"
        said = _reporting_clause(verb, subject, by_cue, report)
        if said is None:
            continue
        assert said.end is not None
        comma = doc[subject.left_edge.i - 1]
        if said.end > comma.idx:
            said.end = _end_before_token(doc, comma.i, said.cue_token.i if said.cue_token else 0)
        if _media(outlet.actor) and outlet.actor is not None and outlet.actor.id not in said.relays:
            said.relays.append(outlet.actor.id)
        dropped.add(id(report))
    return [d for d in drafts if id(d) not in dropped]


def _statements_carried(drafts: list[_Draft]) -> None:
    """ "A statement carried by <Outlet> said ...", "according to a statement carried by
    <Outlet>": the statement spoke and the outlet carried it, so the outlet is a channel;
    whose statement it was the phrase does not say (an unnamed source)."""
    for draft in drafts:
        speaker = draft.speaker
        if speaker is None or not _media(speaker.actor):
            continue
        # the statement heads the speaker phrase, or is a subject of the cue before the
        # outlet the parser took for a second one ("A statement carried by the agency WAM
        # said": WAM an nsubj too)
        cue = draft.cue_token
        subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")] if cue else []
        if any(
            head.pos_ == "NOUN"
            and head.i <= speaker.head.i
            and any(c.dep_ == "acl" and c.lemma_ in RELAY_VERBS for c in head.children)
            for head in [speaker.head, *subjects]
        ):
            assert speaker.actor is not None
            # the outlet stays the origin, first of the channels as it was as the speaker
            draft.channels = [speaker.actor.id] + [
                c for c in draft.channels if c != speaker.actor.id
            ]
            draft.relays = [c for c in draft.relays if c != speaker.actor.id]
            draft.speaker = replace(speaker, actor=None)


def _reporting_clause(
    verb: Token, subject: Token, by_cue: dict[int, _Draft], report: _Draft
) -> _Draft | None:
    """The claim of "X said" before ", <Outlet> `verb`", inside the outlet's content and
    joined to `verb` in the tree (either may head the other), if X is named."""
    assert report.start is not None and report.end is not None
    sent = verb.sent
    for i in range(subject.left_edge.i - 1, sent.start - 1, -1):
        said = by_cue.get(i)
        if said is None:
            continue
        cue = said.cue_token
        assert cue is not None
        if (
            (_asserts(cue) or not judges(cue))
            and report.start <= cue.idx < report.end
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in cue.children)
            and said.speaker is not None
            and (cue.is_ancestor(verb) or verb.is_ancestor(cue))
        ):
            return said
        return None  # only the nearest claim before the reporting clause
    return None


def _cut_carrying_statement(
    drafts: list[_Draft], doc: Doc, quotes: list[Quote], index: ActorIndex
) -> None:
    """ "X said <content>, in a statement carried by <Outlet>.": the statement and the
    outlet that carried it are the writer's word on where X said it, not X's words; the
    outlet is a channel ("state news agency SANA": the outlet named anywhere in it)."""
    for verb in tokens_spelled(doc, RELAY_VERBS, attr="LEMMA"):
        noun = verb.head
        prep = noun.head
        if verb.dep_ != "acl" or noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.i < 1:
            continue
        comma = doc[prep.i - 1]
        if comma.text != "," or prep.left_edge.i != prep.i or quote_at(quotes, comma.idx):
            continue
        if any(c.dep_ == "nsubj" for t in doc[prep.i : prep.sent.end] for c in t.children):
            continue  # the phrase closes the sentence (no clause of its own after it)
        last = doc[prep.sent.end - 1]
        outlets = [
            actor_id
            for _, _, actor_id in index.mentions_in(verb.idx, last.idx + len(last))
            if _media(index.by_id.get(actor_id))
        ]
        for draft in drafts:
            cue = draft.cue_token
            if (
                cue is not None
                and cue.i < comma.i
                and draft.start is not None
                and draft.end is not None
                and draft.start < comma.idx < draft.end
            ):
                draft.end = _end_before_token(doc, comma.i, cue.i)
                if outlets and outlets[0] not in draft.relays + draft.channels:
                    draft.relays.append(outlets[0])


def _end_before_token(doc: Doc, i: int, floor: int) -> int:
    """The end offset of the last word before token i, separators skipped."""
    j = i - 1
    while j > floor and (doc[j].is_punct or doc[j].is_space):
        j -= 1
    return doc[j].idx + len(doc[j].text)


def _finish(drafts: list[_Draft], text: str) -> list[Claim]:
    _statements_carried(drafts)
    drafts = _fold_trailing_reports(drafts)
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
