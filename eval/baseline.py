"""The raw-spaCy baseline the issue compares against, built as an `Extraction`.

- actors: the model's NER entities; every distinct string is its own actor
  (PERSON -> person, ORG -> organization, GPE -> country, NORP -> group, LOC/FAC -> place);
- claims: a textbook quote extractor: the text inside quote marks (three words or more);
  the speaker is the PERSON/ORG entity that is the subject of a said-verb in the quote's
  sentence, else the nearest PERSON/ORG entity in that sentence; no channels;
- dates: DATE entities parsed by dateparser with its defaults (no publication date as
  the base), precision from dateparser's period.
"""

from __future__ import annotations

import re
import warnings
from datetime import date

from workbench.model import Actor, Article, Claim, Event, Extraction, Mention

ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "country",
    "NORP": "group",
    "LOC": "place",
    "FAC": "place",
}
SAID_VERBS = {
    "say",
    "tell",
    "add",
    "state",
    "claim",
    "announce",
    "report",
    "write",
    "declare",
    "explain",
    "continue",
    "note",
    "warn",
    "stress",
}
QUOTE = re.compile(r"[\"“]([^\"“”]+)[\"”]")
MIN_QUOTE_WORDS = 3


def baseline_actors(doc) -> list[Actor]:
    by_text: dict[str, list] = {}
    for ent in doc.ents:
        if ent.label_ in ENTITY_TYPES:
            by_text.setdefault(ent.text, []).append(ent)
    actors = []
    for number, (text, ents) in enumerate(by_text.items(), 1):
        actors.append(
            Actor(
                id=f"a{number}",
                name=text,
                type=ENTITY_TYPES[ents[0].label_],
                aliases=(text,),
                mentions=tuple(Mention(e.start_char, e.end_char, e.text) for e in ents),
            )
        )
    return actors


def _actor_of(ent, actors: list[Actor]) -> Actor | None:
    return next((a for a in actors if a.name == ent.text), None)


def _quote_speaker(doc, start: int, end: int, actors: list[Actor]):
    sent = doc.char_span(start, end, alignment_mode="expand")
    if sent is None:
        return None
    sentence = sent[0].sent
    people = [
        e
        for e in doc.ents
        if e.label_ in ("PERSON", "ORG")
        and sentence.start <= e.start < sentence.end
        and not (start <= e.start_char < end)
    ]
    for token in sentence:
        if token.lemma_ in SAID_VERBS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    for ent in people:
                        if ent.start <= child.i < ent.end:
                            return ent
    if not people:
        return None
    return min(people, key=lambda e: min(abs(e.start_char - end), abs(e.end_char - start)))


def baseline_claims(doc, actors: list[Actor]) -> list[Claim]:
    claims = []
    for match in QUOTE.finditer(doc.text):
        start, end = match.span(1)
        if len(match.group(1).split()) < MIN_QUOTE_WORDS:
            continue
        ent = _quote_speaker(doc, start, end, actors)
        actor = _actor_of(ent, actors) if ent is not None else None
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                text=doc.text[start:end],
                start=start,
                end=end,
                kind="direct",
                speaker=actor.id if actor else None,
                speaker_text=ent.text if ent is not None else None,
            )
        )
    return claims


def _parse_date(text: str) -> tuple[str, str] | None:
    import dateparser.date

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = dateparser.date.DateDataParser(languages=["en"]).get_date_data(text)
    if data is None or data.date_obj is None:
        try:
            return date.fromisoformat(text).isoformat(), "day"
        except ValueError:
            return None
    value = data.date_obj.date()
    if data.period == "year":
        return f"{value.year:04d}", "year"
    if data.period == "month":
        return f"{value.year:04d}-{value.month:02d}", "month"
    return value.isoformat(), "day"


def baseline_events(doc) -> list[Event]:
    events = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        parsed = _parse_date(ent.text)
        if parsed is None:
            continue
        value, precision = parsed
        events.append(
            Event(
                id=f"e{len(events) + 1}",
                date=value,
                precision=precision,
                date_text=ent.text,
                start=ent.start_char,
                end=ent.end_char,
            )
        )
    return events


def baseline_extraction(doc, article: Article) -> Extraction:
    actors = baseline_actors(doc)
    return Extraction(
        article=article,
        actors=tuple(actors),
        claims=tuple(baseline_claims(doc, actors)),
        events=tuple(baseline_events(doc)),
    )


def run_baseline(articles: list[Article]) -> list[Extraction]:
    from workbench.nlp import load_nlp

    nlp = load_nlp()
    docs = nlp.pipe(a.text for a in articles)
    return [baseline_extraction(doc, a) for doc, a in zip(docs, articles, strict=True)]
