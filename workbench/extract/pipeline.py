"""The extraction pipeline: one spaCy pass, then our rules, returning our dataclasses."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ExtractionError, InputError, WorkbenchError
from ..model import Article, Extraction
from ..nlp import choose_model, freeze_loaded_objects
from .actors import configure_pipeline, extract_actors
from .attribute_ruler import use_array_attribute_ruler
from .by_language import extract_other_language, uses_english_rules, with_language
from .claims import extract_claims
from .events import extract_events
from .known_actors import (
    ActorKnowledge,
    apply_known_types,
    drop_rejected_claims,
    mark_known_names,
)
from .long_words import linear_tokenizer
from .paragraphs import add_paragraph_breaks
from .pieces import extract_in_pieces, needs_pieces
from .relations import extract_relations
from .spans import ActorIndex, remember_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@lru_cache(maxsize=4)
def build_nlp(model: str | None = None) -> Language:
    """The chosen spaCy model plus our components (gazetteer, type fixes), once per process."""
    import spacy

    from ..errors import ModelError

    name = choose_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: is it installed?") from exc
    use_array_attribute_ruler(nlp)  # spaCy's rules, the same output, a seventh of the time
    configure_pipeline(nlp)
    add_paragraph_breaks(nlp)
    linear_tokenizer(nlp)
    freeze_loaded_objects()  # the model lives as long as the process: no need to scan it
    return nlp


def extraction_from_doc(
    doc: Doc, article: Article, known: ActorKnowledge | None = None
) -> Extraction:
    """Run our rules over a parsed article (with what the case knows of actors, if given)."""
    found = mark_known_names(doc, known) if known else []
    actors = extract_actors(doc)
    if known:
        actors = apply_known_types(actors, known, found=found)
    index = ActorIndex(actors)
    claims = extract_claims(doc, actors, index=index)
    if known:
        claims = drop_rejected_claims(claims, known)
    events = extract_events(doc, actors, claims, published=article.published, index=index)
    relations = extract_relations(doc, index=index)
    return Extraction(
        article=article,
        actors=tuple(actors),
        claims=tuple(claims),
        events=tuple(events),
        relations=tuple(relations),
    )


class Extractor:
    """Extracts actors, claims, events and relations from articles.

    >>> extractor = Extractor()                # the best installed English model
    >>> extraction = extractor.extract(article)
    """

    def __init__(self, *, model: str | None = None, known: ActorKnowledge | None = None) -> None:
        self.model = choose_model(model)
        self.known = known  # a case's knowledge of actors (`known_actors`), for every article

    def knowing(self, known: ActorKnowledge | None) -> Extractor:
        """This extractor with a case's knowledge (the model is shared, loaded once)."""
        return Extractor(model=self.model, known=known)

    @property
    def nlp(self) -> Language:
        return build_nlp(self.model)

    def extract(self, article: Article, *, known: ActorKnowledge | None = None) -> Extraction:
        article = with_language(article)
        if not uses_english_rules(article):
            other = extract_other_language(article, known or self.known)
            if isinstance(other, WorkbenchError):
                raise other
            return other
        check_length(article, self.nlp)
        return _in_pieces(self.nlp, article, known or self.known)

    def extract_many(
        self,
        articles: Iterable[Article],
        *,
        workers: int = 1,
        batch_size: int = 16,
        errors: str = "raise",
    ) -> Iterator[Extraction | WorkbenchError]:
        """Extractions in input order; `workers` > 1 spreads the articles over processes.

        With ``errors="yield"``, an article that cannot be extracted (too long, or a bug in
        a rule) comes back as a `WorkbenchError` in its place and the others go on: one
        bad article must not cost a corpus run. With ``errors="raise"`` it is raised.
        """
        if errors not in ("raise", "yield"):
            raise ValueError(f"errors must be 'raise' or 'yield', not {errors!r}")
        results = (
            self._extract_here(articles, batch_size=batch_size)
            if workers <= 1
            else self._extract_in_processes(articles, workers=workers)
        )
        for result in results:
            if isinstance(result, WorkbenchError) and errors == "raise":
                raise result
            yield result

    def _extract_here(
        self, articles: Iterable[Article], *, batch_size: int
    ) -> Iterator[Extraction | WorkbenchError]:
        nlp = self.nlp
        for batch in _batches(articles, batch_size):
            fitting: list[Article | WorkbenchError | Extraction] = []
            for article in map(with_language, batch):
                if not uses_english_rules(article):
                    fitting.append(extract_other_language(article, self.known))
                    continue
                try:
                    check_length(article, nlp)
                    fitting.append(article)
                except InputError as exc:
                    fitting.append(exc)
            ok = [a for a in fitting if isinstance(a, Article) and not _long(a)]
            docs = iter(nlp.pipe((a.text for a in ok), batch_size=batch_size))
            for item in fitting:
                if isinstance(item, WorkbenchError | Extraction):
                    yield item
                elif _long(item):  # in bounded pieces, on its own (extract/pieces.py)
                    yield _guarded_pieces(nlp, item, self.known)
                else:
                    doc = remember_text(next(docs), item.text)
                    yield _guarded(extraction_from_doc, doc, item, self.known)

    def _extract_in_processes(
        self, articles: Iterable[Article], *, workers: int
    ) -> Iterator[Extraction | WorkbenchError]:
        with ProcessPoolExecutor(
            max_workers=min(workers, os.cpu_count() or 1),
            initializer=_init_worker,
            initargs=(self.model, self.known),
        ) as pool:
            yield from pool.map(_extract_in_worker, articles, chunksize=4)


def check_length(article: Article, nlp: Language) -> None:
    """spaCy refuses texts over `nlp.max_length` (and would need ~1 GB per 100,000
    characters to parse them): say so for this article, in a sentence."""
    if len(article.text) > nlp.max_length:
        raise InputError(
            f"{article.path or article.url or article.id}: too long for one article "
            f"({len(article.text):,} characters; the limit is {nlp.max_length:,}); "
            "split it into parts"
        )


def _guarded(
    extract, doc: Doc, article: Article, known: ActorKnowledge | None = None
) -> Extraction | WorkbenchError:
    """A bug in one of our rules becomes an error for this article, not for the run."""
    try:
        return extract(doc, article, known)
    except Exception as exc:  # noqa: BLE001 - reported to the user, per article
        return ExtractionError(
            f"{article.path or article.url or article.id}: extraction failed "
            f"({type(exc).__name__}: {exc}); please report it"
        )


def _long(article: Article) -> bool:
    return needs_pieces(article.text)


def _in_pieces(nlp: Language, article: Article, known: ActorKnowledge | None) -> Extraction:
    """The article's extraction; a long one in bounded pieces (extract/pieces.py)."""
    return extract_in_pieces(
        nlp,
        article,
        lambda doc, part: extraction_from_doc(remember_text(doc, part.text), part, known),
    )


def _guarded_pieces(
    nlp: Language, article: Article, known: ActorKnowledge | None
) -> Extraction | WorkbenchError:
    """`_guarded` for `_in_pieces`."""
    try:
        return _in_pieces(nlp, article, known)
    except Exception as exc:  # noqa: BLE001 - reported to the user, per article
        return ExtractionError(
            f"{article.path or article.url or article.id}: extraction failed "
            f"({type(exc).__name__}: {exc}); please report it"
        )


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_worker_extractor: Extractor | None = None


def _init_worker(model: str, known: ActorKnowledge | None = None) -> None:
    global _worker_extractor
    _worker_extractor = Extractor(model=model, known=known)
    _worker_extractor.nlp  # noqa: B018 - load the model once, before the first article


def _extract_in_worker(article: Article) -> Extraction | WorkbenchError:
    assert _worker_extractor is not None
    article = with_language(article)
    if not uses_english_rules(article):
        return extract_other_language(article, _worker_extractor.known)
    nlp = _worker_extractor.nlp
    try:
        check_length(article, nlp)
    except InputError as exc:
        return exc
    return _guarded_pieces(nlp, article, _worker_extractor.known)
