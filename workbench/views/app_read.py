"""The app's read of its case: the first tab drawn without reading the whole case.

On a case of 5,000 articles, reading the claims and the events whole takes 3 s on this
2-core machine (47,500 and 30,500 records), and the Article tab, the first one shown,
needs one article's hundred rows of them. `AppSnapshot` reads an article's claims and
events, and the names of its actors, alone while the whole table is not read yet; a tab that lists them all (Claims,
Events, Network, Timeline) reads the table when it first opens.

Not read ahead in a thread once the page is shown: measured in chromium on a 5,000-article
case, a thread reading the rest took the GIL from the kernel answering the page and its
first click (4.6 s over the seed case's time to interactive with it, 2.6 s without).

The articles themselves are read the same way: the picker needs every article's title,
outlet and date (`article_heads`), the tab one article's text (`article`); reading the
5,000 texts took half a second at open, and they are read only when a tab asks for them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..analysis.reader import CaseReader, CaseSnapshot
from ..case.records import ArticleHead, CaseArticle, CaseClaim, CaseEvent
from ..errors import NotFoundError
from ..model import ReviewStatus

# articles read alone, per table, before the whole table is read instead: a caller that asks
# article by article for many articles is served by one read, not thousands
ALONE = 32


class AppSnapshot(CaseSnapshot):
    """A `CaseSnapshot` that reads one article's claims or events by themselves (by SQL)
    while their whole table is not read; once it is, from that read, as a CaseSnapshot."""

    def __init__(self, case: CaseReader) -> None:
        super().__init__(case)
        self._of_article: dict[tuple[str, str], Sequence[Any]] = {}
        self._heads: list[ArticleHead] | None = None
        self._one: dict[str, CaseArticle] = {}  # articles read alone, with their texts
        # the older read's heads by its article records (a carried read patched the
        # articles: the records left as they were keep their heads, not made again)
        self._heads_of: dict[int, tuple[CaseArticle, ArticleHead]] = {}

    def article_heads(self) -> list[ArticleHead]:
        """Every article's id, title, outlet and date, in the order added: from the articles
        if they were read whole, else read without their texts (`Case.article_heads`)."""
        if self._heads is None:
            if self._articles is not None or not hasattr(self.case, "article_heads"):
                kept = self._heads_of
                self._heads = [
                    held[1] if (held := kept.get(id(a))) and held[0] is a else _head(a)
                    for a in self.articles()
                ]
                self._heads_of = {}
            else:
                self._heads = self.case.article_heads()
        return self._heads

    def article(self, article_id: str) -> CaseArticle | None:
        """One article with its text (None if the case has no such article): from the
        articles if they were read whole, else read alone."""
        if self._articles is not None:
            return next((a for a in self._articles if a.id == article_id), None)
        if article_id not in self._one:
            try:
                self._one[article_id] = self.case.article(article_id)
            except NotFoundError:
                return None
        return self._one[article_id]

    def carry(self, older: CaseSnapshot, tables: Iterable[str], **changes: Any) -> None:
        tables = set(tables)
        super().carry(older, tables, **changes)
        if isinstance(older, AppSnapshot) and "articles" in tables - set(
            changes.get("deltas") or ()
        ):
            # no article changed: the list and the texts read alone still hold
            self._heads, self._one = older._heads, older._one
        elif isinstance(older, AppSnapshot) and older._heads and older._articles is not None:
            # articles patched (one added): an unchanged record is the older's very object,
            # and keeps its head (5,000 dates parsed again took 0.25 s an added article)
            # (the record held with its head: its id names no other object meanwhile)
            self._heads_of = {
                id(a): (a, h)
                for a, h in zip(older._articles, older._heads, strict=False)
                if a.id == h.id
            }

    def claims(
        self, *, article_id: str | None = None, include_rejected: bool = False
    ) -> Sequence[CaseClaim]:
        if not self._alone("claims", article_id, self._claims):
            return super().claims(article_id=article_id, include_rejected=include_rejected)
        key = ("claims", article_id)
        if key not in self._of_article:
            self._of_article[key] = self.case.claims(article_id=article_id, include_rejected=True)
        claims = self._of_article[key]
        if include_rejected:
            return claims
        return [c for c in claims if c.review is not ReviewStatus.REJECTED]

    def events(self, *, article_id: str | None = None) -> Sequence[CaseEvent]:
        if not self._alone("events", article_id, self._events):
            return super().events(article_id=article_id)
        key = ("events", article_id)
        if key not in self._of_article:
            self._of_article[key] = self.case.events(article_id=article_id)
        return self._of_article[key]

    def actor_labels(self, actor_ids: Iterable[str]) -> dict[str, Any]:
        """What a mark says of each of these actors (name, type, status): from the actors
        read whole if they were, else read alone (`Case.actor_labels`): reading every actor
        counts every mention of the case, a second on a case of 5,000 articles."""
        wanted = set(actor_ids)
        if self._actors is not None:
            return {a.id: a for a in self._actors if a.id in wanted}
        return self.case.actor_labels(wanted)

    def _alone(self, table: str, article_id: str | None, whole: object) -> bool:
        """Whether to read `article_id`'s records of `table` alone: one article asked for,
        the table not read whole, and not many articles read alone already."""
        if article_id is None or whole is not None:
            return False
        asked = sum(1 for t, _ in self._of_article if t == table)
        return (table, article_id) in self._of_article or asked < ALONE


def actor_labels(reader: Any, actor_ids: Iterable[str]) -> dict[str, Any]:
    """Name, type and status of these actors from any reader: a `Case` or an `AppSnapshot`
    reads them alone; another reader (a plain `CaseSnapshot`) from its actors."""
    if hasattr(reader, "actor_labels"):
        return reader.actor_labels(actor_ids)
    wanted = set(actor_ids)
    return {a.id: a for a in reader.actors() if a.id in wanted}


def _head(article: CaseArticle) -> ArticleHead:
    return ArticleHead(article.id, article.title, article.outlet, article.published)


def article_heads(reader: Any) -> Sequence[Any]:
    """Every article's id, title, outlet and date from any reader: an `AppSnapshot` or a
    `Case` reads them without the texts; another reader (a plain `CaseSnapshot`) gives its
    articles, which have them too."""
    if hasattr(reader, "article_heads"):
        return reader.article_heads()
    return reader.articles()


def article_of(reader: Any, article_id: str) -> CaseArticle | None:
    """One article, with its text, from any reader (None if there is none by that id)."""
    if isinstance(reader, AppSnapshot):
        return reader.article(article_id)
    return next((a for a in reader.articles() if a.id == article_id), None)
