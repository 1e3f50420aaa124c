"""`Case`: the one object notebooks, widgets and the CLI use to work with a case file.

    >>> case = Case.open("story.case")          # created if missing
    >>> article = case.add_article("sample_articles/mamlouk-visits-cairo.txt")
    >>> [a.name for a in case.actors()]
    >>> case.set_claim_status("C1", "corroborated", note="SANA and AFP agree")
    >>> case.undo()
    >>> case.close()

Reads query the file each time, so two `Case` objects (two notebooks) see each other's
committed edits. Each edit is one transaction plus one audit row, committed before the
method returns. A `Case` may be used from any thread of its process (a widget callback, say):
its calls take turns on its one connection. Opening the same file again in the same process
is safe too.
"""

from __future__ import annotations

import dataclasses
import datetime
import getpass
import json
import os
import re
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import CaseError, NotFoundError
from ..model import Article, Extraction
from . import edits, reads, removal
from .article_input import read_article, read_articles_from
from .audit import case_counts, changed_by, changed_since, record_state, write_entry
from .loading import (
    find_article_by_text,
    insert_article,
    remove_unused_actors,
    rewrite_article_recorded,
    store_extraction,
    text_sha1,
)
from .migrations import SESSION_FORMAT
from .records import (
    CaseActor,
    CaseArticle,
    CaseClaim,
    CaseEvent,
    CaseMention,
    CaseRelation,
    HistoryEntry,
    Note,
    Records,
    SourceLink,
)
from .store import Store, Transaction


def _ids(ids: str | Sequence[str], what: str) -> list[str]:
    """One id or several, as a list: at least one, none twice."""
    found = [ids] if isinstance(ids, str) else list(ids)
    if not found:
        raise CaseError(f"no actors to {what}: give at least one actor id")
    twice = sorted({i for i in found if found.count(i) > 1})
    if twice:
        raise CaseError(f"actor {twice[0]!r} is given twice")
    return found


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no passwd entry, as in some containers
        return os.environ.get("USER") or "unknown"


class Case:
    """An investigation: articles, actors, claims, events, source links, notes, history."""

    def __init__(
        self, store: Store, *, model: str | None = None, session: str | None = None
    ) -> None:
        self._store = store
        self.model = model
        self.user = current_user()
        # this object's actions, apart from those of another notebook or Voila visitor on
        # the same file (all the same OS user): `undo` reverts only its own
        self.session = session or uuid.uuid4().hex

    # --- life cycle --------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, model: str | None = None, session: str | None = None
    ) -> Case:
        """Open the case at `path`, creating it if missing.

        Each `Case` is a session of its own (`case.session`, a fresh id) unless `session`
        names an earlier one to carry on: `undo` reverts only its session's actions.

        Raises CaseError for a file that is not a case, is damaged, or was written by a newer
        release; nothing is written to such a file. A read-only file opens for reading and
        refuses edits with a CaseError.
        """
        return cls(Store.open(path), model=model, session=session)

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def readonly(self) -> bool:
        return self._store.readonly

    @property
    def closed(self) -> bool:
        return self._store.closed

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Case({str(self.path)!r})"

    # --- adding articles ----------------------------------------------------------------------

    def add_article(
        self,
        source: str | os.PathLike[str] | Article,
        *,
        published: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
        public_only: bool = False,
    ) -> CaseArticle:
        """Read an article (a path, an http(s) URL, or the text itself), extract, store.

        Adding an article whose text is already in the case returns the stored one.
        `public_only` refuses a URL inside a network (the app open to a network sets it).
        """
        self._check_writable("add an article")  # before minutes of NLP, not after
        article = read_article(
            source, published=published, outlet=outlet, title=title, public_only=public_only
        )
        stored = self._store.row(
            "SELECT id FROM articles WHERE sha1 = ?", (text_sha1(article.text),)
        )
        if stored is not None:  # already in the case: no need to extract it again
            return self.article(stored[0])
        extraction = self._extractor().extract(article)
        return self.add_extraction(extraction, model=self._extractor().model)

    def add_articles(
        self, sources: Iterable[str | os.PathLike[str] | Article], *, published: str | None = None
    ) -> list[CaseArticle]:
        """Several articles; a folder or corpus adds all of its own. One transaction per
        article, so a crash keeps those already added."""
        self._check_writable("add articles")
        articles = [a for s in sources for a in read_articles_from(s, published=published)]
        extractor = self._extractor()
        return [
            self.add_extraction(e, model=extractor.model) for e in extractor.extract_many(articles)
        ]

    def add_extraction(self, extraction: Extraction, *, model: str | None = None) -> CaseArticle:
        """Store an article already extracted (e.g. read from `workbench extract` JSON)."""
        with self._store.write("add an article") as tx:
            existing = find_article_by_text(tx, extraction.article.text)
            if existing is not None:
                article_id = existing
            else:
                article_id = insert_article(tx, extraction.article, model=model)
                actor_ids = store_extraction(tx, article_id, extraction)
                remove_unused_actors(tx, among=actor_ids)
                after = record_state(self._store, "article", article_id)
                self._audit(
                    tx,
                    "add_article",
                    article_id,
                    before={"article": None},
                    after={"article": after},
                )
        return self.article(article_id)

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
        extractions = list(extractor.extract_many([a.to_article() for a in stored]))
        return self.apply_reextraction(extractions, model=extractor.model)

    def apply_reextraction(
        self, extractions: Iterable[Extraction], *, model: str | None = None
    ) -> int:
        """Rewrite stored articles from new extractions (matched to them by article id).

        This is `reextract` without the NLP: tests and tools that bring their own
        extractions use it.
        """
        extractions = list(extractions)
        with self._store.write("re-extract the case") as tx:
            before = case_counts(tx)
            for extraction in extractions:
                article_id = extraction.article.id
                if tx.row("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is None:
                    raise NotFoundError(f"no article {article_id!r} in this case")
                store_extraction(tx, article_id, extraction)
                tx.execute("UPDATE articles SET model = ? WHERE id = ?", (model, article_id))
            remove_unused_actors(tx)
            self._audit(
                tx, "reextract", None, before={"case": before}, after={"case": case_counts(tx)}
            )
        return len(extractions)

    def update_article(
        self,
        article_id: str,
        *,
        published: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
    ) -> CaseArticle:
        """Set or correct an article's publication date (YYYY-MM-DD), outlet or title.

        A new publication date changes what the article's relative dates mean ("on
        Sunday", "yesterday"), so the article is extracted again with it and rewritten as
        `reextract` would rewrite it, keeping every decision a person made. Extraction runs
        first, outside the transaction (it may take a while); then the new fields and the
        rewritten article are written in one transaction with one audit row, so the case is
        either wholly updated or untouched. `undo()` restores the old fields and events.
        An outlet or title of "" clears it.
        """
        self._check_writable("update an article")
        if published is None and outlet is None and title is None:
            raise CaseError("nothing to change: give published, outlet or title")
        if published is not None:
            published = published.strip()
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
                    raise ValueError(published)
                datetime.date.fromisoformat(published)
            except ValueError:
                raise CaseError(
                    f"{published!r} is not a publication date: give it as YYYY-MM-DD"
                ) from None
        stored = self.article(article_id)
        values: dict[str, Any] = {}
        if published is not None and published != stored.published:
            values["published"] = published
        for name, value in (("outlet", outlet), ("title", title)):
            if value is not None and (value.strip() or None) != getattr(stored, name):
                values[name] = value.strip() or None
        if not values:
            return stored  # nothing differs: no action to record
        extraction = model = None
        if "published" in values:
            extractor = self._extractor()
            article = dataclasses.replace(stored.to_article(), **values)
            extraction, model = extractor.extract(article), extractor.model
        with self._store.write("update an article") as tx:
            before = {"article": self._state("article", article_id)}
            current = tx.row("SELECT sha1, published FROM articles WHERE id = ?", (article_id,))
            if current is None:
                raise NotFoundError(f"no article {article_id!r} in this case")
            if extraction is not None and (
                current["sha1"] != text_sha1(stored.text)
                or current["published"] != stored.published
            ):
                raise CaseError(
                    f"article {article_id!r} was changed in another session meanwhile: try again"
                )
            if values:
                tx.update("articles", {"id": article_id}, values)
            if extraction is not None:
                rewrite_article_recorded(tx, article_id, extraction)
                tx.update("articles", {"id": article_id}, {"model": model})
            after = {"article": self._state("article", article_id)}
            self._audit(tx, "update_article", article_id, before=before, after=after)
        return self.article(article_id)

    _extractor_cache: Any = None

    def _extractor(self) -> Any:
        if self._extractor_cache is None:
            from ..extract import Extractor

            self._extractor_cache = Extractor(model=self.model)
        return self._extractor_cache

    # --- reading --------------------------------------------------------------------------------

    def articles(self) -> Records[CaseArticle]:
        return reads.load_articles(self._store)

    def article(self, article_id: str) -> CaseArticle:
        return reads.one(
            reads.load_articles(self._store, article_id=article_id), "article", article_id
        )

    def actors(self) -> Records[CaseActor]:
        return reads.load_actors(self._store)

    def actor(self, actor_id: str) -> CaseActor:
        return reads.one(reads.load_actors(self._store, actor_id=actor_id), "actor", actor_id)

    def mentions(
        self, *, article_id: str | None = None, actor_id: str | None = None
    ) -> Records[CaseMention]:
        return reads.load_mentions(self._store, article_id=article_id, actor_id=actor_id)

    def claims(
        self, *, article_id: str | None = None, status: str | None = None
    ) -> Records[CaseClaim]:
        if status is not None:
            status = edits._enum(edits.ClaimStatus, status, "claim status").value
        return reads.load_claims(self._store, article_id=article_id, status=status)

    def claim(self, claim_id: str) -> CaseClaim:
        return reads.one(reads.load_claims(self._store, claim_id=claim_id), "claim", claim_id)

    def events(self, *, article_id: str | None = None) -> Records[CaseEvent]:
        return reads.load_events(self._store, article_id=article_id)

    def event(self, event_id: str) -> CaseEvent:
        return reads.one(reads.load_events(self._store, event_id=event_id), "event", event_id)

    def relations(self, *, article_id: str | None = None) -> Records[CaseRelation]:
        return reads.load_relations(self._store, article_id=article_id)

    def links(self, claim_id: str | None = None) -> Records[SourceLink]:
        return reads.load_links(self._store, claim_id=claim_id)

    def notes(self, target_id: str | None = None) -> Records[Note]:
        return reads.load_notes(self._store, target_id=target_id)

    def history(self, *, limit: int | None = None) -> Records[HistoryEntry]:
        return reads.load_history(self._store, limit=limit)

    def get(self, record_id: str) -> Any:
        """Any record by id: article, actor, claim, event, link or note."""
        for loader in (self.actor, self.claim, self.event, self.article):
            try:
                return loader(record_id)
            except NotFoundError:
                pass
        for found in (
            reads.load_links(self._store, link_id=record_id),
            reads.load_notes(self._store, note_id=record_id),
        ):
            if found:
                return found[0]
        raise NotFoundError(f"nothing with id {record_id!r} in this case")

    # --- edits: one transaction and one audit row each -------------------------------------

    def merge_actors(self, keep_id: str, other_ids: str | Sequence[str]) -> CaseActor:
        """Make `other_ids` (one actor id, or several) part of `keep_id`: their names,
        mentions, claims and links move. Several are one action, undone as one."""
        others = _ids(other_ids, "merge into the kept actor")
        with self._store.write("merge actors") as tx:
            # one merged actor: "other", as ever; several: one key per merged actor's id
            keys = ["other"] if len(others) == 1 else others
            before = {"keep": self._state("actor", keep_id)}
            before.update(
                {key: self._state("actor", o) for key, o in zip(keys, others, strict=True)}
            )
            for other_id in others:
                edits.merge_actors(tx, keep_id, other_id)
            after = {"keep": self._state("actor", keep_id), **dict.fromkeys(keys)}
            self._audit(tx, "merge_actors", keep_id, before=before, after=after)
        return self.actor(keep_id)

    def split_alias(self, actor_id: str, alias: str) -> str:
        """Make `alias` an actor of its own (with its mentions); returns the new actor id."""
        with self._store.write("split an alias") as tx:
            before = {"actor": self._state("actor", actor_id), "new_actor": None}
            new_id = edits.split_alias(tx, actor_id, alias)
            after = {
                "actor": self._state("actor", actor_id),
                "new_actor": self._state("actor", new_id),
            }
            self._audit(tx, "split_alias", actor_id, before=before, after=after)
        return new_id

    def update_actor(
        self,
        actor_id: str,
        *,
        name: str | None = None,
        type: str | None = None,
        status: str | None = None,
    ) -> CaseActor:
        """Rename, retype, confirm or reject an actor (status: extracted/confirmed/rejected)."""
        with self._store.write("update an actor") as tx:
            before = {"actor": self._state("actor", actor_id)}
            edits.update_actor(tx, actor_id, name=name, type=type, status=status)
            after = {"actor": self._state("actor", actor_id)}
            self._audit(tx, "update_actor", actor_id, before=before, after=after)
        return self.actor(actor_id)

    def update_actors(
        self,
        actor_ids: str | Sequence[str],
        *,
        type: str | None = None,
        status: str | None = None,
    ) -> Records[CaseActor]:
        """Retype, confirm or reject several actors at once: one action, undone as one."""
        ids = _ids(actor_ids, "update")
        if type is None and status is None:
            raise CaseError("nothing to change: give type or status")
        with self._store.write("update actors") as tx:
            before = {i: self._state("actor", i) for i in ids}
            for actor_id in ids:
                edits.update_actor(tx, actor_id, type=type, status=status)
            after = {i: self._state("actor", i) for i in ids}
            self._audit(tx, "update_actors", ", ".join(ids), before=before, after=after)
        return Records.of(CaseActor, [self.actor(i) for i in ids])

    def update_claim(
        self,
        claim_id: str,
        *,
        text: str | None = None,
        speaker: str | None = None,
        kind: str | None = None,
        review: str | None = None,
    ) -> CaseClaim:
        """Correct a claim. `speaker` is an actor id ("" for unnamed); `review` a ReviewStatus."""
        with self._store.write("update a claim") as tx:
            before = {"claim": self._state("claim", claim_id)}
            edits.update_claim(tx, claim_id, text=text, speaker=speaker, kind=kind, review=review)
            after = {"claim": self._state("claim", claim_id)}
            self._audit(tx, "update_claim", claim_id, before=before, after=after)
        return self.claim(claim_id)

    def update_event(
        self,
        event_id: str,
        *,
        date: str | None = None,
        date_end: str | None = None,
        precision: str | None = None,
        summary: str | None = None,
        review: str | None = None,
    ) -> CaseEvent:
        """Correct or review a dated event (date as YYYY, YYYY-MM or YYYY-MM-DD)."""
        with self._store.write("update an event") as tx:
            before = {"event": self._state("event", event_id)}
            edits.update_event(
                tx,
                event_id,
                date=date,
                date_end=date_end,
                precision=precision,
                summary=summary,
                review=review,
            )
            after = {"event": self._state("event", event_id)}
            self._audit(tx, "update_event", event_id, before=before, after=after)
        return self.event(event_id)

    def set_claim_status(self, claim_id: str, status: str, *, note: str | None = None) -> CaseClaim:
        """Record a verification status (unverified, in_progress, corroborated, disputed,
        false, unverifiable), with an optional note, in one action."""
        with self._store.write("set a claim's status") as tx:
            before = {"claim": self._state("claim", claim_id), "note": None}
            edits.set_claim_status(tx, claim_id, status, who=self.user)
            note_id = edits.add_note(tx, claim_id, note, who=self.user) if note else None
            after = {"claim": self._state("claim", claim_id), "note": self._state("note", note_id)}
            self._audit(tx, "set_claim_status", claim_id, before=before, after=after)
        return self.claim(claim_id)

    def link_source(
        self,
        claim_id: str,
        source: str,
        *,
        relation: str = "reported_by",
        note: str | None = None,
    ) -> SourceLink:
        """Tie a claim to a source: a media actor id of the case, or an http(s) URL."""
        with self._store.write("link a source") as tx:
            link_id = edits.link_source(
                tx, claim_id, source, relation=relation, note=note, who=self.user
            )
            after = {"link": self._state("link", link_id)}
            self._audit(tx, "link_source", claim_id, before={"link": None}, after=after)
        return reads.load_links(self._store, link_id=link_id)[0]

    def unlink_source(self, link_id: str) -> None:
        with self._store.write("remove a source link") as tx:
            before = {"link": self._state("link", link_id)}
            link = edits.unlink_source(tx, link_id)
            self._audit(tx, "unlink_source", link["claim_id"], before=before, after={"link": None})

    def add_note(self, target_id: str, text: str) -> Note:
        """A note on any article, actor, claim, event or link."""
        with self._store.write("add a note") as tx:
            note_id = edits.add_note(tx, target_id, text, who=self.user)
            after = {"note": self._state("note", note_id)}
            self._audit(tx, "add_note", target_id, before={"note": None}, after=after)
        return reads.load_notes(self._store, note_id=note_id)[0]

    def remove_article(self, article_id: str) -> dict[str, int]:
        """Remove an article with its mentions, claims, events and relations, the links and
        notes on them, and the actors only it mentioned that no person worked on.

        One action: `undo()` puts it all back. Returns how many of each were removed.
        """
        with self._store.write("remove an article") as tx:
            before = self._state("article", article_id)
            removed = removal.remove_article(tx, article_id)
            self._audit(
                tx,
                "remove_article",
                article_id,
                before={"article": before, "removed": None},
                after={"article": None, "removed": removed},
            )
        return removed

    def undo(self) -> HistoryEntry:
        """Revert the last action of this session (this `Case` object) not yet undone; the
        undo is itself recorded in the history. Another session's actions are never undone.

        Adding articles and re-extraction cannot be undone; an undo stops at them. An action
        whose records another session has changed since is not undone either (CaseError):
        reverting it would overwrite that work. Returns the history entry that was undone.
        """
        with self._store.write("undo") as tx:
            last = tx.row(
                "SELECT id, action, target, changes FROM audit WHERE action != 'undo' "
                "AND undone_by IS NULL AND session = ? ORDER BY id DESC LIMIT 1",
                (self.session,),
            )
            if last is None:
                raise CaseError("nothing to undo in this session")
            if last["changes"] is None:
                raise CaseError(f"the last action ({last['action']}) cannot be undone")
            changes = json.loads(last["changes"])
            conflict = changed_since(tx, changes)
            if conflict is not None:  # reverting would overwrite another session's work
                raise CaseError(self._conflict_message(tx, last, conflict))
            tx.revert(changes)
            entry = {"id": last["id"], "action": last["action"], "target": last["target"]}
            undo_id = self._audit(
                tx,
                "undo",
                str(last["id"]),
                before={"entry": {**entry, "undone": False}},
                after={"entry": {**entry, "undone": True}},
            )
            tx.execute("UPDATE audit SET undone_by = ? WHERE id = ?", (undo_id, last["id"]))
            undone_id = last["id"]
        return reads.load_history(self._store, entry_id=undone_id)[0]

    def _conflict_message(
        self, tx: Transaction, last: Any, conflict: tuple[str, dict[str, Any], str]
    ) -> str:
        table, key, what = conflict
        done = f"{last['action']} {last['target'] or ''}".strip()
        other = changed_by(tx, last["id"], self.session, table, key)
        by = ""
        if other is not None:
            by = f" by {other['who']} ({other['action']} {other['target'] or ''}".rstrip()
            by += f" at {other['at']})"
        return (
            f"cannot undo {done} (history entry {last['id']}): {what} was changed since"
            f"{by} in another session; undo that first or edit by hand"
        )

    # --- analysis helpers --------------------------------------------------------------------

    def corroboration(self) -> list[Any]:
        """Independent sources and flags for every claim (see `corroboration.py`)."""
        from .corroboration import corroborate_claims

        with self._store.snapshot():
            return corroborate_claims(
                self.claims(), links=self.links(), actors=self.actors(), articles=self.articles()
            )

    def similar_claims(self, *, threshold: float = 0.6, per_claim: int | None = 5) -> list[Any]:
        """Pairs of claims in different articles that look like the same claim."""
        from .similarity import similar_claims

        return similar_claims(self.claims(), threshold=threshold, per_claim=per_claim)

    def export(self, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
        """Write the case as json, csv, graphml, gexf, timeline, md or html (export layer)."""
        from ..export import export_case

        result = export_case(self, path, format=format)
        return Path(result) if result is not None else Path(path)

    # --- internals -----------------------------------------------------------------------------

    def _check_writable(self, what: str) -> None:
        if self._store.readonly:
            raise CaseError(f"{self.path} is read-only: cannot {what}")

    def _audit(
        self,
        tx: Transaction,
        action: str,
        target: str | None,
        *,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> int:
        recorded = self._store.format_version >= SESSION_FORMAT
        return write_entry(
            tx,
            who=self.user,
            session=self.session if recorded else None,
            action=action,
            target=target,
            before=before,
            after=after,
        )

    def _state(self, kind: str, record_id: str | None) -> dict[str, Any] | None:
        """A record for the audit log, as the open transaction sees it."""
        return record_state(self._store, kind, record_id)
