"""Wire leads: "Four soldiers were wounded in the blast, army and hospital sources said."

A wire story's first sentence ends with its sources after a comma, often several joined
("police and medical sources", "security and hospital officials"). The small model reads
the joined modifiers as going on with the clause before the comma: it takes "the blast,
army and hospital" for one phrase and makes it the subject's, so the claim loses its last
words and the speaker gains the writer's; it joins "police" to "the raid" and leaves the
verb with no subject ("medical sources" alone speaks); or it joins the speech verb to the
clause ("... in Basra, security sources told Reuters" with "told" a second verb of
"shot"), and no claim is found. The sentence's shape says what the parse does not: a comma, a phrase of
nouns and their modifiers with no verb in it, the speech verb, and after it nothing but
the hearer and when. The phrase is the whole source; what comes before the comma is what
it said.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# what a source phrase is made of: nouns, their modifiers, "and"/"or", numbers, hyphens
_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "CCONJ", "DET", "NUM", "PUNCT"})
_LONGEST = 8  # words: a longer run after the comma is a clause, not a source


@dataclass(frozen=True)
class WireLead:
    head: Token  # the source phrase's last noun
    first: int  # token index where the phrase starts (after the comma)
    comma: int  # token index of the comma that ends what was said


def wire_lead(verb: Token) -> WireLead | None:
    """The source phrase of "<clause>, <nouns> <verb> [hearer] [when]." or None."""
    doc, sent = verb.doc, verb.sent
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2:
        return None
    after = doc[verb.i + 1 : sent.end]
    if any(t.pos_ in ("VERB", "AUX") or t.is_quote or t.text in (",", ";", ":") for t in after):
        return None  # the verb goes on with a clause of its own: not a closing source
    head = doc[verb.i - 1]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if head.pos_ not in ("NOUN", "PROPN") or any(s.i != head.i for s in subjects):
        return None  # the noun before the verb is its subject, or the parser gave it none
    comma = next(
        (
            i
            for i in range(verb.i - 2, max(sent.start, verb.i - 2 - _LONGEST), -1)
            if doc[i].text == ","
        ),
        None,
    )
    if comma is None or comma <= sent.start + 2:
        return None
    phrase = doc[comma + 1 : verb.i]
    if any(t.pos_ not in _PHRASE_POS or t.is_quote or t.text in (",", ";") for t in phrase):
        return None
    if phrase[0].pos_ in ("CCONJ", "PUNCT") or not any(t.pos_ == "CCONJ" for t in phrase):
        return None  # ", and officials said" joins clauses; one noun alone parses right
    before = doc[sent.start : comma]
    if any(t.is_quote for t in before) or not any(t.pos_ in ("VERB", "AUX") for t in before):
        return None  # a quotation has its own rules; no verb before it: no clause was said
    return WireLead(head=head, first=comma + 1, comma=comma)
