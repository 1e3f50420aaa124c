"""The extraction pipeline: one spaCy pass, then our rules, returning our dataclasses."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Article, Extraction
from ..nlp import choose_model
from .actors import configure_pipeline, extract_actors
from .claims import extract_claims
from .events import extract_events
from .paragraphs import add_paragraph_breaks
from .relations import extract_relations
from .spans import ActorIndex

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
    configure_pipeline(nlp)
    add_paragraph_breaks(nlp)
    return nlp


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def extraction_from_doc(doc: Doc, article: Article) -> Extraction:
    """Run our rules over a parsed article."""
    actors = extract_actors(doc)
    index = ActorIndex(actors)
    claims = extract_claims(doc, actors, index=index)
    events = extract_events(doc, actors, claims, published=_published(article), index=index)
    relations = extract_relations(doc, actors, claims, events, index=index)
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

    def __init__(self, *, model: str | None = None) -> None:
        self.model = choose_model(model)

    @property
    def nlp(self) -> Language:
        return build_nlp(self.model)

    def extract(self, article: Article) -> Extraction:
        return extraction_from_doc(self.nlp(article.text), article)

    def extract_many(
        self, articles: Iterable[Article], *, workers: int = 1, batch_size: int = 16
    ) -> Iterator[Extraction]:
        """Extractions in input order; `workers` > 1 spreads the articles over processes."""
        if workers <= 1:
            articles = list(articles) if not isinstance(articles, list) else articles
            docs = self.nlp.pipe((a.text for a in articles), batch_size=batch_size)
            for doc, article in zip(docs, articles, strict=True):
                yield extraction_from_doc(doc, article)
            return
        with ProcessPoolExecutor(
            max_workers=min(workers, os.cpu_count() or 1),
            initializer=_init_worker,
            initargs=(self.model,),
        ) as pool:
            yield from pool.map(_extract_in_worker, articles, chunksize=4)


_worker_extractor: Extractor | None = None


def _init_worker(model: str) -> None:
    global _worker_extractor
    _worker_extractor = Extractor(model=model)
    _worker_extractor.nlp  # noqa: B018 - load the model once, before the first article


def _extract_in_worker(article: Article) -> Extraction:
    assert _worker_extractor is not None
    return _worker_extractor.extract(article)
