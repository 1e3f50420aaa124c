"""`Case`: the case file with ingest and extraction on top. The one object notebooks,
widgets and the CLI use.

    >>> from workbench import Case
    >>> case = Case.open("story.case")          # created if missing
    >>> article = case.add_article("sample_articles/mamlouk-visits-cairo.txt")
    >>> [a.name for a in case.actors()]
    >>> case.set_claim_status("C1", "corroborated", note="SANA and AFP agree")
    >>> case.undo()
    >>> case.close()

The store (`workbench.case.CaseFile`) keeps what a person and extraction put in it and knows
nothing of either; this module composes ingest -> extract -> case file, and gives the
analysis (corroboration, similar claims) and exports a case is asked for.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .analysis import ClaimSources, SimilarClaims, corroborate_claims, similar_claims
from .analysis.corroboration import ArticleOutlet, ClaimChannels, updated_corroboration
from .analysis.memo_reads import MemoReads
from .analysis.similarity import ClaimWords
from .analysis.similarity_update import updated_similar_claims
from .article_input import read_article, read_articles_from
from .case import CaseArticle, CaseFile, reads, touched
from .case.derived import records_codec
from .case.kept_updates import changed_claims, corroboration_reach
from .errors import WorkbenchError
from .model import Article, Extraction

if TYPE_CHECKING:
    from .analysis.crosslang import SourceProposal
    from .extract import Extractor


class Case(CaseFile):
    """An investigation: the case file, plus reading and extracting the articles added."""

    _extractor_cache: Extractor | None = None

    def add_article(
        self,
        source: str | os.PathLike[str] | Article,
        *,
        published: object = None,
        outlet: str | None = None,
        title: str | None = None,
        public_only: bool = False,
    ) -> CaseArticle:
        """Read an article (a path, an http(s) URL, or the text itself), extract, store.

        `published` goes through the one date parser ("2016-10-17", "17 October 2016").
        Adding an article whose text is already in the case returns the stored one.
        `public_only` refuses a URL inside a network (the app open to a network sets it).
        """
        self._check_writable("add an article")  # before minutes of NLP, not after
        article = read_article(
            source, published=published, outlet=outlet, title=title, public_only=public_only
        )
        stored = self.find_article(article.text)
        if stored is not None:  # already in the case: no need to extract it again
            return stored
        extractor = self._extractor()
        return self.add_extraction(extractor.extract(article), model=extractor.model)

    def add_articles(
        self,
        sources: Iterable[str | os.PathLike[str] | Article],
        *,
        published: object = None,
        on_error: Callable[[WorkbenchError], None] | None = None,
    ) -> list[CaseArticle]:
        """Several articles; a folder or corpus adds all of its own. One transaction per
        article, so a crash keeps those already added.

        Without `on_error`, the first source that cannot be read or article that cannot be
        extracted (too long, say) is raised. With it, each such failure is passed to
        `on_error` and the others are still added: one bad article must not cost a folder.
        """
        self._check_writable("add articles")
        articles: list[Article] = []
        for source in sources:
            try:
                articles.extend(read_articles_from(source, published=published))
            except WorkbenchError as exc:
                if on_error is None:
                    raise
                on_error(exc)
        extractor = self._extractor()
        added = []
        for result in extractor.extract_many(articles, errors="yield"):
            if isinstance(result, WorkbenchError):
                if on_error is None:
                    raise result
                on_error(result)
                continue
            added.append(self.add_extraction(result, model=extractor.model))
        return added

    def reextract(self, *, model: str | None = None) -> int:
        """Re-run extraction on every article, keeping every decision a person made.

        Extraction runs first; the results are then written in one transaction, so the case
        is either wholly re-extracted or untouched. Returns the number of articles.
        """
        self._check_writable("re-extract the case")
        if model is not None:
            self.model = model
            self._extractor_cache = None
        extractor = self._extractor()
        stored = self.articles()
        extractions = list(_raising(extractor.extract_many([a.to_article() for a in stored])))
        return self.apply_reextraction(extractions, model=extractor.model)

    def _extractor(self) -> Extractor:
        if self._extractor_cache is None:
            # spaCy loads only when a case first extracts: opening and editing stay fast
            from .extract import Extractor

            self._extractor_cache = Extractor(model=self.model)
        # the case learns: what a person confirmed, retyped, merged, split, added or
        # rejected so far is known to the extraction of every article from now on
        knowing = getattr(self._extractor_cache, "knowing", None)
        if knowing is None:  # an extractor of one's own that takes no knowledge
            return self._extractor_cache
        extractor: Extractor = knowing(self.knowledge())
        return extractor

    # --- analysis and export ---------------------------------------------------------------

    def corroboration(self) -> list[ClaimSources]:
        """Independent sources and flags for every claim (`workbench.analysis`); worked out
        again only after the case changed (`Store.derived`)."""

        def compute() -> list[ClaimSources]:
            with self.snapshot():
                # only what `touched.CORROBORATION_READ` declares is read: a claim's
                # status or review, an article's text, leave the kept result valid
                return corroborate_claims(
                    self.claim_channels(),
                    links=self.links(),
                    actors=self.actors(),  # the kept listing: names, types, aliases used
                    articles=self._article_outlets(),
                )

        def update(
            previous: list[ClaimSources], entries: list[touched.Touched]
        ) -> list[ClaimSources] | None:
            # only the claims this session's writes reach are worked out again (their rows,
            # links, articles, the actors they name): the result equals a fresh one
            reach = corroboration_reach(self._store, entries)
            if reach is None:
                return None
            claims, actors, articles = reach
            return updated_corroboration(
                previous,
                self.claim_channels(),
                changed_claims=claims,
                changed_actors=actors,
                changed_articles=articles,
                links=self.links(),
                actors=self.actors(),
                articles=self._article_outlets(),
            )

        found = self._store.derived(
            "corroboration",
            compute,
            records_codec(ClaimSources),
            touched.CORROBORATION_READ,
            update,
        )
        return list(found)  # a list of one's own

    def memo_reads(self) -> MemoReads:
        """The memo's read of the case and its network's tally (`analysis.memo_reads`),
        held in memory with the case: after this session's edits, carried from the last
        memo's (only the records they wrote read again), else read afresh."""

        def update(held: MemoReads, entries: list[touched.Touched]) -> MemoReads | None:
            return held.carried(self, self._store, entries)

        return self._store.derived("memo reads", lambda: MemoReads.fresh(self), update=update)

    def _article_outlets(self) -> list[ArticleOutlet]:
        return [ArticleOutlet(*row) for row in self._store.rows("SELECT id, outlet FROM articles")]

    def similar_claims(
        self, *, threshold: float = 0.6, per_claim: int | None = 5
    ) -> list[SimilarClaims]:
        """Pairs of claims in different articles that look like the same claim; worked out
        again only after the case changed (`Store.derived`)."""

        def update(
            previous: list[SimilarClaims], entries: list[touched.Touched]
        ) -> list[SimilarClaims] | None:
            # only the claims this session's writes name are paired again (a rejected
            # claim, a new wording, an added article's): the result equals a fresh one
            changed = changed_claims(entries)
            if changed is None:
                return None
            return updated_similar_claims(
                previous, self.claim_words(), changed, threshold=threshold, per_claim=per_claim
            )

        found = self._store.derived(
            ("similar claims", threshold, per_claim),
            lambda: similar_claims(self.claim_words(), threshold=threshold, per_claim=per_claim),
            records_codec(SimilarClaims),
            touched.SIMILAR_READ,
            update,
        )
        return list(found)

    def claim_words(self) -> list[ClaimWords]:
        """Each claim's id, article and text, as `claims()` lists them (rejected ones left
        out, in the same order): all that similar claims read (`touched.SIMILAR_READ`)."""
        rows = self._store.rows(
            "SELECT id, article_id, text FROM claims WHERE review != 'rejected' "
            f"ORDER BY {reads._BY_ARTICLE}, start, rowid"  # as `claims()` orders them
        )
        return [ClaimWords(*row) for row in rows]

    def claim_channels(self) -> list[ClaimChannels]:
        """Each claim's id, article, channels and speaker, as `claims(include_rejected=True)`
        lists them (every claim, rejected ones too: `workbench case show` asks for any; in
        the same order): all corroboration reads of claims (`touched.CORROBORATION_READ`)."""
        rows = self._store.rows(
            "SELECT id, article_id, channels, speaker FROM claims "
            f"ORDER BY {reads._BY_ARTICLE}, start, rowid"  # as `claims()` orders them
        )
        # the same few channel lists repeat across thousands of claims: each decoded once
        lists: dict[str | None, tuple[str, ...]] = {}
        found = []
        for claim_id, article_id, channels, speaker in rows:
            listed = lists.get(channels)
            if listed is None:
                listed = lists[channels] = tuple(json.loads(channels) if channels else ())
            found.append(ClaimChannels(claim_id, article_id, listed, speaker))
        return found

    def propose_sources(self, claim_id: str, *, limit: int = 5) -> list[SourceProposal]:
        """Passages of the claim's outlets' own articles, in any language, that may carry
        it, best first; accept one with `link_source` (`workbench.analysis.crosslang`)."""
        from .analysis.crosslang import propose_sources

        with self.snapshot():
            return propose_sources(self, claim_id, limit=limit)

    def export(self, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
        """Write the case as json, csv, graphml, gexf, timeline, md or html (export layer)."""
        from .export import export_case  # export reads a Case: imported when asked for

        result = export_case(self, path, format=format)
        return Path(result) if result is not None else Path(path)


def _raising(results: Iterable[Extraction | WorkbenchError]) -> Iterator[Extraction]:
    """Extractions, with the first failed article raised (the whole call then fails)."""
    for result in results:
        if isinstance(result, WorkbenchError):
            raise result
        yield result


__all__ = ["Case"]
