"""Long articles in bounded pieces (workbench/extract/pieces.py, issue 12): the cuts, the
join, and the same results as one whole parse as far as the pieces allow."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.model import (
    Actor,
    ActorType,
    Article,
    Claim,
    ClaimKind,
    Event,
    Extraction,
    Mention,
    Relation,
)
from workbench.schema import validate_extraction


def test_pieces_cover_the_text_and_stay_under_the_limit() -> None:
    from workbench.extract.pieces import piece_bounds

    paragraphs = [f"Paragraph {n} says the talks went on. " * (3 + n % 7) for n in range(300)]
    text = "\n\n".join(paragraphs)
    bounds = piece_bounds(text, limit=2_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in zip(bounds, bounds[1:], strict=False))
    assert all(0 < end - start <= 2_000 for start, end in bounds)
    # every cut is at a paragraph break
    assert all(text[end - 2 : end] == "\n\n" for _, end in bounds[:-1])


@pytest.mark.parametrize(
    ("text", "cut_after"),
    [
        ("a\n" * 3_000, "\n"),  # lines: at a line break
        ("One sentence ends here. " * 500, ". "),  # no line break: at a sentence end
        ("word " * 2_000, " "),  # no sentence end: at a space
    ],
)
def test_without_paragraphs_a_piece_ends_at_the_next_best_break(text: str, cut_after: str) -> None:
    from workbench.extract.pieces import piece_bounds

    bounds = piece_bounds(text, limit=1_000)
    assert len(bounds) > 1
    assert all(text[:end].endswith(cut_after) for _, end in bounds[:-1])


def test_a_piece_holds_at_most_piece_words_words() -> None:
    """Memory follows the tokens: lines of "a" have five times as many per character as
    prose, so a piece is bounded in words too."""
    from workbench.extract.pieces import PIECE_CHARS, PIECE_WORDS, needs_pieces, piece_bounds

    text = "a\n" * (PIECE_CHARS // 2 - 10)  # under the character limit
    assert len(text) < PIECE_CHARS and needs_pieces(text)
    bounds = piece_bounds(text)
    assert len(bounds) == 3
    assert all(len(text[s:e].split()) <= PIECE_WORDS for s, e in bounds)
    assert not needs_pieces("word " * (PIECE_WORDS - 1))


def test_a_word_longer_than_a_piece_is_cut_but_never_before_a_combining_mark() -> None:
    from workbench.extract.pieces import piece_bounds

    text = "e\u0301" * 3_000  # e + combining acute, no space anywhere
    bounds = piece_bounds(text, limit=1_001)
    assert all(end - start <= 1_001 for start, end in bounds)
    assert all(text[end] == "e" for _, end in bounds[:-1])


def _piece(shift_text: str, actors, claims=(), events=(), relations=()) -> Extraction:
    return Extraction(
        article=Article(id="x", text=shift_text),
        actors=tuple(actors),
        claims=tuple(claims),
        events=tuple(events),
        relations=tuple(relations),
    )


def _actor(actor_id: str, name: str, kind: ActorType, text: str, *aliases: str) -> Actor:
    start = text.index(name)
    return Actor(
        id=actor_id,
        name=name,
        type=kind,
        aliases=aliases,
        mentions=(Mention(start, start + len(name), name),),
    )


def test_join_shifts_offsets_joins_actors_by_alias_and_surname_and_renumbers() -> None:
    from workbench.extract.pieces import join_pieces

    first = "Ali Mamlouk met officials of the Egyptian General Petroleum Corporation.\n\n"
    second = "Mamlouk told SANA that EGPC would resume talks on 5 May 2016.\n\n"
    text = first + second
    part1 = _piece(
        first,
        [
            _actor("a1", "Ali Mamlouk", ActorType.PERSON, first),
            _actor(
                "a2",
                "Egyptian General Petroleum Corporation",
                ActorType.ORGANIZATION,
                first,
                "EGPC",
            ),
        ],
        relations=[Relation("a1", "a2", "met", 1.0), Relation("a1", "a2", "co-occurs", 1.0)],
    )
    claim_text = "EGPC would resume talks on 5 May 2016"
    start = second.index(claim_text)
    date_start = second.index("5 May 2016")
    part2 = _piece(
        second,
        [
            _actor("a1", "Mamlouk", ActorType.PERSON, second),
            _actor("a2", "SANA", ActorType.MEDIA, second),
            _actor("a3", "EGPC", ActorType.ORGANIZATION, second),
        ],
        claims=[
            Claim(
                id="c1",
                text=claim_text,
                start=start,
                end=start + len(claim_text),
                kind=ClaimKind.INDIRECT,
                cue="told",
                speaker="a1",
                speaker_text="Mamlouk",
                channels=("a2",),
            )
        ],
        events=[
            Event(
                id="e1",
                date="2016-05-05",
                precision="day",
                date_text="5 May 2016",
                start=date_start,
                end=date_start + len("5 May 2016"),
                actors=("a1", "a3"),
                claim="c1",
            )
        ],
        relations=[Relation("a1", "a3", "co-occurs", 2.0)],
    )
    whole = join_pieces(Article(id="x", text=text), [(0, part1), (len(first), part2)])
    validate_extraction(whole.to_dict())  # offsets exact in the whole text
    names = [(a.id, a.name, len(a.mentions)) for a in whole.actors]
    assert names == [
        ("a1", "Ali Mamlouk", 2),
        ("a2", "Egyptian General Petroleum Corporation", 2),
        ("a3", "SANA", 1),
    ]
    assert "Mamlouk" in whole.actors[0].aliases
    (claim,) = whole.claims
    assert (claim.speaker, claim.channels, text[claim.start : claim.end]) == (
        "a1",
        ("a3",),
        claim_text,
    )
    (event,) = whole.events
    assert (event.actors, event.claim) == (("a1", "a2"), "c1")
    weights = {(r.source, r.target, r.kind): r.weight for r in whole.relations}
    assert weights == {("a1", "a2", "met"): 1.0, ("a1", "a2", "co-occurs"): 3.0}


class _Recorder:
    """A blank English pipeline that remembers the longest text it was given."""

    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.blank("en")
        self.longest = 0
        self.most_words = 0

    def __call__(self, text: str):
        self.longest = max(self.longest, len(text))
        self.most_words = max(self.most_words, len(text.split()))
        return self.nlp(text)

    def pipe(self, texts, batch_size: int = 16):
        for text in texts:
            yield self(text)

    @property
    def max_length(self) -> int:
        return self.nlp.max_length


def test_the_extractor_never_parses_more_than_a_piece_at_once(monkeypatch) -> None:
    """Through `Extractor.extract` and `extract_many`: 450,000 characters of lines reach spaCy
    in pieces of at most PIECE_CHARS, whatever the rules then do with them."""
    from workbench.extract import pipeline
    from workbench.extract.pieces import PIECE_CHARS, PIECE_WORDS

    recorder = _Recorder()
    monkeypatch.setattr(pipeline.Extractor, "nlp", property(lambda self: recorder))

    def no_rules(doc, article, known=None) -> Extraction:
        return Extraction(article=article)

    monkeypatch.setattr(pipeline, "extraction_from_doc", no_rules)
    extractor = pipeline.Extractor()
    article = Article(id="lines", text=("a\n" * 225_000).strip())
    assert extractor.extract(article).article.text == article.text
    assert 0 < recorder.longest <= PIECE_CHARS
    assert recorder.most_words <= PIECE_WORDS
    recorder.longest = 0
    short = Article(id="short", text="The minister said the talks failed.")
    results = list(extractor.extract_many([short, article, short]))
    assert [r.article.id for r in results] == ["short", "lines", "short"]
    assert 0 < recorder.longest <= PIECE_CHARS


def _wikinews_text(chars: int) -> str:
    from workbench.ingest import iter_articles

    corpus = Path(__file__).parents[2] / "eval" / "corpora" / "wikinews"
    text = ""
    for article in iter_articles([str(p) for p in sorted(corpus.glob("*.csv"))]):
        if isinstance(article, Article):
            text += article.text + "\n\n"
            if len(text) > chars:
                break
    return text.strip()


@pytest.mark.slow  # the real model over 45,000 characters, twice
def test_pieces_give_what_one_whole_parse_gives(extractor, monkeypatch) -> None:
    from workbench.extract import pieces, pipeline

    article = Article(id="long", text=_wikinews_text(45_000))
    assert len(pieces.piece_bounds(article.text)) >= 3
    in_pieces = extractor.extract(article)
    validate_extraction(in_pieces.to_dict())
    monkeypatch.setattr(pieces, "PIECE_CHARS", 10**9)
    monkeypatch.setattr(pieces, "PIECE_WORDS", 10**9)
    assert not pipeline._long(article)
    whole = extractor.extract(article)

    def spans(extraction: Extraction) -> dict[str, set]:
        return {
            "claims": {(c.start, c.end, c.speaker_text) for c in extraction.claims},
            "mentions": {(m.start, m.end) for a in extraction.actors for m in a.mentions},
            "actors": {(a.name, a.type) for a in extraction.actors},
            "events": {(e.start, e.end, str(e.date)) for e in extraction.events},
        }

    # the same as far as the pieces allow: a name met again after a cut lacks what the
    # earlier piece said of it (a person's surname alone may be typed otherwise)
    for what, found in spans(in_pieces).items():
        expected = spans(whole)[what]
        assert len(found & expected) >= 0.97 * len(found | expected), what
