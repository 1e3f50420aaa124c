"""The app's read of its case: the first tab drawn without reading the whole case.

On a case of 5,000 articles, reading the claims and the events whole takes 3 s on this
2-core machine (47,500 and 30,500 records), and the Article tab, the first one shown,
needs one article's hundred rows of them. `AppSnapshot` reads an article's claims and
events, and the names of its actors, alone while the whole table is not read yet; a tab that lists them all (Claims,
Events, Network, Timeline) reads the table when it first opens.

Not read ahead in a thread once the page is shown: measured in chromium on a 5,000-article
case, a thread reading the rest took the GIL from the kernel answering the page and its
first click (4.6 s over the seed case's time to interactive with it, 2.6 s without).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..analysis.reader import CaseReader, CaseSnapshot
from ..case.records import CaseClaim, CaseEvent
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
