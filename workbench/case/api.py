"""`CaseFile`: the store's API over one case file. It holds what a person and extraction
put in it and never runs ingest or extraction itself: `workbench.Case` (workflow.py) adds
that on top.

    >>> case = CaseFile.open("story.case")          # created if missing
    >>> [a.name for a in case.actors()]
    >>> case.set_claim_status("C1", "corroborated", note="SANA and AFP agree")
    >>> case.undo()
    >>> case.close()

Reads query the file each time, so two objects on one file (two notebooks) see each other's
committed edits. Each edit is one transaction plus one audit row, committed before the
method returns, all written by one recorder (`_recording`). A case may be used from any
thread of its process (a widget callback, say): its calls take turns on its one connection.
Opening the same file again in the same process is safe too.
"""

from __future__ import annotations

import dataclasses
import getpass
import json
import os
import uuid
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

from ..dates import parse_day
from ..errors import CaseError, NotFoundError
from ..model import ActorType, Article, ClaimStatus, Extraction, ReviewStatus
from . import checking, edits, kept_updates, pg_edits, reads, removal, touched
from .audit import (
    ACTIONS,
    NOT_UNDOABLE,
    case_counts,
    changed_by,
    changed_since,
    missing_reference,
    read_record,
    read_record_later,
    record_after,
    send_queued,
    state_of,
    write_entry,
)
from .corrections import CheckingEdits
from .derived import Codec, records_codec
from .knowledge import Knowledge, read_knowledge
from .loading import (
    find_article_by_text,
    insert_article,
    remove_unused_actors,
    rewrite_article_recorded,
    store_extraction,
    text_sha1,
)
from .migrations import CHECKING_FORMAT, SESSION_FORMAT
from .records import (
    ActorLabel,
    ArticleHead,
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
from .versions import bump_versions, checked_row

Self = TypeVar("Self", bound="CaseFile")
T = TypeVar("T")


class ArticleExtractor(Protocol):
    """What the case file needs of extraction when an edit means extracting again (a new
    publication date). `workbench.extract.Extractor` is one; the store imports none."""

    @property
    def model(self) -> str | None: ...

    def extract(self, article: Article) -> Extraction: ...


class Recording:
    """One action in the making: its transaction, its target, and the records it concerns
    (audit key -> (kind, id)) with their state before. The audit row's `before` and `after`
    hold those records as read before the change and as the transaction leaves them."""

    def __init__(
        self,
        store: Store,
        tx: Transaction,
        target: str | None,
        subjects: dict[str, tuple[str, str | None]],
    ) -> None:
        self.tx = tx
        self.target = target
        self.cancelled = False
        self._store = store
        self.subjects = dict(subjects)
        # each filled in when read: on a server an actor's read goes with the edit's next
        # statement (`read_record_later`); the keys in the subjects' order meanwhile
        self.before: dict[str, Any] = dict.fromkeys(subjects)
        self._read_before: dict[str, Any] = {}  # on a server, the rows read (`_was`)
        for key, (kind, record_id) in subjects.items():
            read_record_later(store, kind, record_id, self._was(key, kind))
        self.extra_after: dict[str, Any] = {}
        self.records_after: dict[str, Any] = {}

    def _was(self, key: str, kind: str) -> Callable[[Any, Any], None]:
        def was(record: Any, read: Any) -> None:
            self.before[key] = state_of(kind, record)
            if read is not None:
                self._read_before[key] = read

        return was

    def _record_after(self, key: str, kind: str, record_id: str | None) -> Any:
        """The record as the action leaves it: worked out from its row as read before and
        the action's changes when these are updates of that row alone (on a server: a
        round trip fewer, the update then going with the COMMIT), else read."""
        read = self._read_before.get(key)
        if record_id is not None and read is not None and not self.tx.unrecorded:
            found = record_after(kind, record_id, read, self.tx.changes)
            if found is not None:
                return found
        return read_record(self._store, kind, record_id)

    def track(self, key: str, kind: str, record_id: str | None) -> None:
        """A record the action creates: no state before, its state after."""
        self.subjects[key] = (kind, record_id)
        self.before.setdefault(key, None)

    def cancel(self) -> None:
        """Nothing was changed after all: no audit row."""
        self.cancelled = True

    def after(self) -> dict[str, Any]:
        # kept: an edit hands back the record it changed as read here (on a server each
        # read is a round trip)
        self.records_after = {key: self._record_after(key, *s) for key, s in self.subjects.items()}
        send_queued(self._store)  # every state before is in (the reads above sent them)
        states = {
            key: state_of(self.subjects[key][0], record)
            for key, record in self.records_after.items()
        }
        return {**states, **self.extra_after}


def _ids(ids: str | Sequence[str], what: str) -> list[str]:
    """One id or several, as a list: at least one, none twice."""
    found = [ids] if isinstance(ids, str) else list(ids)
    if not found:
        raise CaseError(f"no actors to {what}: give at least one actor id")
    twice = sorted({i for i in found if found.count(i) > 1})
    if twice:
        raise CaseError(f"actor {twice[0]!r} is given twice")
    return found


def _handed_back(rec: Recording, key: str, read: Callable[[], T]) -> T:
    """What an edit hands back: its record as the edit's transaction left it, read for
    its audit row (on a server a read is a round trip), else `read()` anew."""
    found = rec.records_after.get(key)
    return found if found is not None else read()


# a claim's statuses as stored (`ClaimStatus` values): another is the ordinary path's to refuse
_CLAIM_STATUSES = frozenset(s.value for s in ClaimStatus)


def _cleaned(type: str | None, status: str | None) -> dict[str, str]:
    """An actor edit's columns as `edits.update_actor` sets them (type, then status), each
    cleaned; {} when one is not a valid value (the ordinary path then says so)."""
    values: dict[str, str] = {}
    for column, value, enum in (("type", type, ActorType), ("status", status, ReviewStatus)):
        if value is None:
            continue
        try:
            values[column] = enum(value).value
        except ValueError:
            return {}
    return values


def _check_versions(tx: Transaction, table: str, expected: Mapping[str, int] | None) -> None:
    """Several rows at the versions a person saw (by id), or a StaleEditError."""
    for row_id, version in (expected or {}).items():
        checked_row(tx, table, row_id, version)


# how many of its latest edits' row changes a case object keeps (`recorded_changes`): an
# app redraws after each edit, so the latest is asked for; a few more for a redraw that
# follows several edits
RECENT_CHANGES = 4


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no passwd entry, as in some containers
        return os.environ.get("USER") or "unknown"


class CaseFile(CheckingEdits):
    """An investigation as stored: articles, actors, claims, events, source links, notes,
    history. Extraction results come in through `add_extraction` and `apply_reextraction`."""

    def __init__(
        self, store: Store, *, model: str | None = None, session: str | None = None
    ) -> None:
        self._store = store
        self.model = model
        self.user = current_user()
        # this object's actions, apart from those of another notebook or Voila visitor on
        # the same file (all the same OS user): `undo` reverts only its own
        self.session = session or uuid.uuid4().hex
        # the row changes of this object's latest edits, by audit row, as written
        # (`recorded_changes`)
        self._recent_changes: dict[int, list[dict[str, Any]]] = {}

    # --- life cycle --------------------------------------------------------------------------

    @classmethod
    def open(
        cls: type[Self],
        path: str | os.PathLike[str],
        *,
        model: str | None = None,
        session: str | None = None,
    ) -> Self:
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

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one state of the case, whatever other sessions commit meanwhile."""
        with self._store.snapshot():
            yield

    def __enter__(self: Self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.path)!r})"

    # --- adding articles ----------------------------------------------------------------------

    def add_extraction(self, extraction: Extraction, *, model: str | None = None) -> CaseArticle:
        """Store an article already extracted (e.g. read from `workbench extract` JSON).
        An article whose text is in the case already is not added again."""
        self._check_writable(ACTIONS["add_article"])
        with self._store.snapshot():
            existing = self._store.row(
                "SELECT id FROM articles WHERE sha1 = ?", (text_sha1(extraction.article.text),)
            )
        if existing is not None:
            return self.article(existing[0])
        with self._recording("add_article", None) as rec:
            # checked again inside the transaction: another session may have added it
            article_id = find_article_by_text(rec.tx, extraction.article.text)
            if article_id is None:
                article_id = insert_article(rec.tx, extraction.article, model=model)
                actor_ids = store_extraction(rec.tx, article_id, extraction)
                remove_unused_actors(rec.tx, among=actor_ids)
                rec.target = article_id
                rec.track("article", "article", article_id)
            else:
                rec.cancel()
        return self.article(article_id)

    def find_article(self, text: str) -> CaseArticle | None:
        """The stored article with exactly this text, if any."""
        found = self._store.row("SELECT id FROM articles WHERE sha1 = ?", (text_sha1(text),))
        return self.article(found[0]) if found is not None else None

    def actor_labels(self, actor_ids: Iterable[str]) -> dict[str, ActorLabel]:
        """The name, type and status of each of these actors (those that exist), by id."""
        ids = sorted(set(actor_ids))
        found: dict[str, ActorLabel] = {}
        for start in range(0, len(ids), 500):  # SQLite allows so many parameters at most
            part = ids[start : start + 500]
            for row in self._store.rows(
                "SELECT id, name, type, status FROM actors "
                f"WHERE id IN ({', '.join('?' * len(part))})",
                part,
            ):
                found[row["id"]] = ActorLabel(
                    id=row["id"], name=row["name"], type=row["type"], status=row["status"]
                )
        return found

    def article_heads(self) -> list[ArticleHead]:
        """Every article's id, title, outlet and publication date, in the order added,
        without its text (the app lists a large case's articles by these)."""
        rows = self._store.rows("SELECT id, title, outlet, published FROM articles ORDER BY rowid")
        # each stored day parsed once: thousands of articles share a few days
        days = {d: parse_day(d) for d in {r["published"] for r in rows} if d}
        return [
            ArticleHead(r["id"], r["title"], r["outlet"], days.get(r["published"])) for r in rows
        ]

    def counts(self) -> dict[str, Any]:
        """What the case holds, counted where it is stored (no record is read): articles;
        actors and events not rejected; actors still as extracted; claims not rejected, by
        status; source links; notes. A large case's summary in milliseconds."""
        with self._store.snapshot():
            row = self._store.row(
                "SELECT (SELECT count(*) FROM articles), "
                "(SELECT count(*) FROM actors WHERE status != 'rejected'), "
                "(SELECT count(*) FROM actors WHERE status = 'extracted'), "
                "(SELECT count(*) FROM events WHERE review != 'rejected'), "
                "(SELECT count(*) FROM links), (SELECT count(*) FROM notes)"
            )
            by_status = self._store.rows(
                "SELECT status, count(*) FROM claims WHERE review != 'rejected' GROUP BY status"
            )
        assert row is not None  # one row of counts, always
        names = ("articles", "actors", "actors_to_review", "events", "links", "notes")
        counts: dict[str, Any] = {name: int(value) for name, value in zip(names, row, strict=True)}
        counts["claims_by_status"] = {str(r[0]): int(r[1]) for r in by_status}
        return counts

    def apply_reextraction(
        self, extractions: Iterable[Extraction], *, model: str | None = None
    ) -> int:
        """Rewrite stored articles from new extractions (matched to them by article id),
        keeping every decision a person made: `workbench.Case.reextract` runs the NLP and
        calls this; tests and tools that bring their own extractions call it directly.
        """
        extractions = list(extractions)
        with self._recording("reextract", None) as rec:
            tx = rec.tx
            rec.before["case"] = case_counts(tx)
            for extraction in extractions:
                article_id = extraction.article.id
                if tx.row("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is None:
                    raise NotFoundError(f"no article {article_id!r} in this case")
                store_extraction(tx, article_id, extraction)
                # its row named: kept results that read articles are brought up to date
                # from the rows the re-extraction wrote, not worked out again
                tx.execute(
                    "UPDATE articles SET model = ? WHERE id = ?",
                    (model, article_id),
                    rows=[{"id": article_id}],
                )
            remove_unused_actors(tx)
            rec.extra_after["case"] = case_counts(tx)
        return len(extractions)

    def update_article(
        self,
        article_id: str,
        *,
        published: object = None,
        outlet: str | None = None,
        title: str | None = None,
    ) -> CaseArticle:
        """Set or correct an article's publication date, outlet or title.

        The date goes through the one date parser (`workbench.dates`): "2016-10-17" and
        "17 October 2016" alike; it must name a day. A new publication date changes what the
        article's relative dates mean ("on Sunday", "yesterday"), so the article is extracted
        again with it and rewritten as re-extraction would rewrite it, keeping every decision
        a person made. Extraction runs first, outside the transaction (it may take a while);
        then the new fields and the rewritten article are written in one transaction with
        one audit row, so the case is either wholly updated or untouched. `undo()` restores
        the old fields and events. An outlet or title of "" clears it.
        """
        self._check_writable(ACTIONS["update_article"])
        if published is None and outlet is None and title is None:
            raise CaseError("nothing to change: give published, outlet or title")
        day = parse_day(published) if published is not None else None
        stored = self.article(article_id)
        values: dict[str, Any] = {}
        if day is not None and day != stored.published:
            values["published"] = day
        for name, value in (("outlet", outlet), ("title", title)):
            if value is not None and (value.strip() or None) != getattr(stored, name):
                values[name] = value.strip() or None
        if not values:
            return stored  # nothing differs: no action to record
        extraction = model = None
        if "published" in values:
            extractor = self._extractor()
            extraction = extractor.extract(dataclasses.replace(stored.to_article(), **values))
            model = extractor.model
        with self._recording("update_article", article_id, article=("article", article_id)) as rec:
            current = rec.tx.row("SELECT sha1, published FROM articles WHERE id = ?", (article_id,))
            if current is None:
                raise NotFoundError(f"no article {article_id!r} in this case")
            stored_day = stored.published.isoformat() if stored.published else None
            if extraction is not None and (
                current["sha1"] != text_sha1(stored.text) or current["published"] != stored_day
            ):
                raise CaseError(
                    f"article {article_id!r} was changed in another session meanwhile: try again"
                )
            rec.tx.update("articles", {"id": article_id}, values)
            if extraction is not None:
                rewrite_article_recorded(rec.tx, article_id, extraction)
                rec.tx.update("articles", {"id": article_id}, {"model": model})
        return self.article(article_id)

    def _extractor(self) -> ArticleExtractor:
        """Extraction, for an edit that needs it. The store has none of its own."""
        raise CaseError(
            "correcting a publication date extracts the article again: "
            "open the case with workbench.Case"
        )

    # --- reading --------------------------------------------------------------------------------

    def articles(self) -> Records[CaseArticle]:
        return reads.load_articles(self._store)

    def article(self, article_id: str) -> CaseArticle:
        return reads.one(
            reads.load_articles(self._store, article_id=article_id), "article", article_id
        )

    def derived(self, name: Hashable, compute: Callable[[], T], codec: Codec[T]) -> T:
        """`compute()`, a result worked out from the whole case (the memo), kept until the
        case changes: in memory, and in the case for the next session (`Store.derived`)."""
        return self._store.derived(name, compute, codec)

    def memory(self, name: Hashable) -> dict[Any, Any]:
        """A dict of the caller's, held in memory with this open case and emptied when it
        closes (`Store.memory`): the memo's HTML of each claim, reused after an edit."""
        return self._store.memory(name)

    def forget_kept(self) -> int:
        """Drop the results kept in the case (after it was edited with other tools, which
        the count of changes does not see): the next look computes them from the rows.
        The number dropped (`Store.forget_derived`)."""
        return self._store.forget_derived()

    def actors(self) -> Records[CaseActor]:
        # kept until the case changes: a large case's listing groups every mention
        kept = self._store.derived(
            "actors",
            lambda: reads.load_actors(self._store),
            records_codec(CaseActor),
            touched.ACTORS_READ,
            lambda listing, since: kept_updates.update_actors(self._store, listing, since),
        )
        return Records.of(CaseActor, kept)  # a list of the caller's own

    def actor(self, actor_id: str) -> CaseActor:
        return reads.one(reads.load_actors(self._store, actor_id=actor_id), "actor", actor_id)

    def mentions(
        self,
        *,
        article_id: str | None = None,
        actor_id: str | None = None,
        include_rejected: bool = False,
    ) -> Records[CaseMention]:
        """Mentions, without those a person removed unless `include_rejected`."""
        return reads.load_mentions(
            self._store,
            article_id=article_id,
            actor_id=actor_id,
            include_rejected=include_rejected,
        )

    def claims(
        self,
        *,
        article_id: str | None = None,
        status: str | None = None,
        review: str | None = None,
        include_rejected: bool = False,
    ) -> Records[CaseClaim]:
        """Claims, without the rejected ones unless `include_rejected` (or `review=
        "rejected"`, which gives only those)."""
        if status is not None:
            status = edits.choice(ClaimStatus, status, "claim status").value
        if review is not None:
            review = edits.choice(ReviewStatus, review, "review status").value
        return reads.load_claims(
            self._store,
            article_id=article_id,
            status=status,
            review=review,
            include_rejected=include_rejected,
        )

    def claim(self, claim_id: str) -> CaseClaim:
        return reads.one(reads.load_claims(self._store, claim_id=claim_id), "claim", claim_id)

    def events(self, *, article_id: str | None = None) -> Records[CaseEvent]:
        return reads.load_events(self._store, article_id=article_id)

    def event(self, event_id: str) -> CaseEvent:
        return reads.one(reads.load_events(self._store, event_id=event_id), "event", event_id)

    def claims_by_id(self, claim_ids: Iterable[str]) -> dict[str, CaseClaim]:
        """The claims (rejected ones too) with these ids, by id, each as `claim(id)` reads
        it; ids the case does not hold are left out. One read for thousands of ids."""
        return reads.load_claims_by_id(self._store, claim_ids)

    def events_by_id(self, event_ids: Iterable[str]) -> dict[str, CaseEvent]:
        """The events with these ids, by id, each as `event(id)` reads it; ids the case
        does not hold are left out. One read for thousands of ids."""
        return reads.load_events_by_id(self._store, event_ids)

    def relations(self, *, article_id: str | None = None) -> Records[CaseRelation]:
        return reads.load_relations(self._store, article_id=article_id)

    def relations_by_id(self, relation_ids: Iterable[str]) -> dict[str, CaseRelation]:
        """The relations with these ids, by id; ids the case does not hold are left out."""
        return reads.load_relations_by_id(self._store, relation_ids)

    def links(self, claim_id: str | None = None) -> Records[SourceLink]:
        return reads.load_links(self._store, claim_id=claim_id)

    def notes(self, target_id: str | None = None) -> Records[Note]:
        return reads.load_notes(self._store, target_id=target_id)

    def knowledge(self) -> Knowledge:
        """What the case has learnt from the person (confirmed, retyped, merged, split,
        added and rejected actors' names), for extraction of later articles."""
        with self._store.snapshot():
            return read_knowledge(self._store)

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

    # --- edits: one transaction and one audit row each, written by `_recording` ------------

    def merge_actors(
        self,
        keep_id: str,
        other_ids: str | Sequence[str],
        *,
        expected: Mapping[str, int] | None = None,
    ) -> CaseActor:
        """Make `other_ids` (one actor id, or several) part of `keep_id`: their names,
        mentions, claims and links move. Several are one action, undone as one.
        `expected`: the versions the person saw, by actor id (any of them changed since:
        refused)."""
        others = _ids(other_ids, "merge into the kept actor")
        # one merged actor: "other", as ever; several: one key per merged actor's id
        keys = ["other"] if len(others) == 1 else others
        one_trip = pg_edits.merge_actors(self, keep_id, others, keys, expected)  # on a server
        if one_trip is not None:
            return cast(CaseActor, one_trip)
        subjects = {key: ("actor", o) for key, o in zip(keys, others, strict=True)}
        with self._recording("merge_actors", keep_id, keep=("actor", keep_id), **subjects) as rec:
            _check_versions(rec.tx, "actors", expected)
            for other_id in others:
                edits.merge_actors(rec.tx, keep_id, other_id)
        return _handed_back(rec, "keep", lambda: self.actor(keep_id))

    def split_alias(self, actor_id: str, alias: str, *, expected: int | None = None) -> str:
        """Make `alias` an actor of its own (with its mentions); returns the new actor id."""
        one_trip = pg_edits.split_alias(self, actor_id, alias, expected)  # on a server
        if one_trip is not None:
            return one_trip
        with self._recording("split_alias", actor_id, actor=("actor", actor_id)) as rec:
            checked_row(rec.tx, "actors", actor_id, expected)
            new_id = edits.split_alias(rec.tx, actor_id, alias)
            rec.track("new_actor", "actor", new_id)
        return new_id

    def update_actor(
        self,
        actor_id: str,
        *,
        name: str | None = None,
        type: str | None = None,
        status: str | None = None,
        expected: int | None = None,
    ) -> CaseActor:
        """Rename, retype, confirm or reject an actor (status: extracted/confirmed/rejected).
        `expected`: the actor's `version` the person saw (refused if it changed since)."""
        if name is None:  # on a server, one round trip (a rename adds alias rules)
            one_trip = pg_edits.update_row(
                self,
                "update_actor",
                "actor",
                actor_id,
                _cleaned(type, status),
                expected,
            )
            if one_trip is not None:
                return cast(CaseActor, one_trip)
        elif name.strip() and (_cleaned(type, status) or (type is None and status is None)):
            # a rename, with its alias rule: one round trip too
            renamed = pg_edits.update_actors(
                self,
                "update_actor",
                [actor_id],
                ["actor"],
                {"name": name.strip(), **_cleaned(type, status)},
                None if expected is None else {actor_id: expected},
            )
            if renamed is not None:
                return cast(CaseActor, renamed[0])
        with self._recording("update_actor", actor_id, actor=("actor", actor_id)) as rec:
            row = checked_row(rec.tx, "actors", actor_id, expected)
            edits.update_actor(rec.tx, actor_id, name=name, type=type, status=status, row=row)
        # as the edit's transaction left it, read for its audit row
        found: CaseActor | None = rec.records_after.get("actor")
        return found if found is not None else self.actor(actor_id)

    def update_actors(
        self,
        actor_ids: str | Sequence[str],
        *,
        type: str | None = None,
        status: str | None = None,
        expected: Mapping[str, int] | None = None,
    ) -> Records[CaseActor]:
        """Retype, confirm or reject several actors at once: one action, undone as one.
        `expected`: the versions the person saw, by actor id."""
        ids = _ids(actor_ids, "update")
        if type is None and status is None:
            raise CaseError("nothing to change: give type or status")
        cleaned = _cleaned(type, status)
        one_trip = pg_edits.update_actors(self, "update_actors", ids, ids, cleaned, expected)
        if one_trip is not None:  # on a server, one round trip (with the actors after)
            return Records.of(CaseActor, one_trip)
        subjects = {i: ("actor", i) for i in ids}
        with self._recording("update_actors", ", ".join(ids), **subjects) as rec:
            _check_versions(rec.tx, "actors", expected)
            for actor_id in ids:
                edits.update_actor(rec.tx, actor_id, type=type, status=status)
        return Records.of(CaseActor, [self.actor(i) for i in ids])

    def update_claim(
        self,
        claim_id: str,
        *,
        text: str | None = None,
        start: int | None = None,
        end: int | None = None,
        speaker: checking.Speaker = None,
        speaker_text: str | None = None,
        channels: Sequence[checking.Step] | None = None,
        kind: str | None = None,
        review: str | None = None,
        expected: int | None = None,
    ) -> CaseClaim:
        """Correct a claim. `start`/`end`: a new span in its article (the text follows it);
        `speaker`: an actor id, a new actor as (name, type), or "" for an unnamed source
        (described by `speaker_text`); `channels`: the whole chain, origin first, each step
        an actor id or (actor id, "reported_by" | "citing"); `review` a ReviewStatus.
        `expected`: the claim's `version` the person saw (refused if it changed since)."""
        fields: dict[str, Any] = dict(
            text=text,
            start=start,
            end=end,
            speaker=speaker,
            speaker_text=speaker_text,
            channels=channels,
            kind=kind,
            review=review,
            expected=expected,
        )
        one_trip = pg_edits.update_claim_fields(self, claim_id, **fields)  # a server: one trip
        if one_trip is not None:
            return cast(CaseClaim, one_trip)
        with self._recording("update_claim", claim_id, claim=("claim", claim_id)) as rec:
            checking.update_claim(rec.tx, claim_id, **fields)
        return _handed_back(rec, "claim", lambda: self.claim(claim_id))

    def update_event(
        self,
        event_id: str,
        *,
        date: object = None,
        date_end: object = None,
        precision: str | None = None,
        summary: str | None = None,
        review: str | None = None,
        claim: str | None = None,
        expected: int | None = None,
    ) -> CaseEvent:
        """Correct or review a dated event. Dates go through the one date parser
        (2016, 2016-10, 2016-10-17, 17 October 2016 ...); a new date without a precision
        takes the date's own (a month for "October 2016"); `date_end=""` ends a range.
        `claim`: the claim of its article that reports it ("" detaches it). `expected`:
        the event's `version` the person saw (refused if it changed since)."""
        one_trip = pg_edits.update_event(  # on a server, one round trip
            self,
            event_id,
            date=date,
            date_end=date_end,
            precision=precision,
            summary=summary,
            review=review,
            claim=claim,
            expected=expected,
        )
        if one_trip is not None:
            return cast(CaseEvent, one_trip)
        with self._recording("update_event", event_id, event=("event", event_id)) as rec:
            checked_row(rec.tx, "events", event_id, expected)
            edits.update_event(
                rec.tx,
                event_id,
                date=date,
                date_end=date_end,
                precision=precision,
                summary=summary,
                review=review,
                claim=claim,
            )
        return _handed_back(rec, "event", lambda: self.event(event_id))

    def set_claim_status(
        self,
        claim_id: str,
        status: str,
        *,
        note: str | None = None,
        expected: int | None = None,
    ) -> CaseClaim:
        """Record a verification status (unverified, in_progress, corroborated, disputed,
        false, unverifiable), with an optional note, in one action."""
        if status in _CLAIM_STATUSES and (not note or note.strip()):  # on a server, one trip
            one_trip = pg_edits.update_row(
                self,
                "set_claim_status",
                "claim",
                claim_id,
                {"status": status},
                expected,
                ["note"],
                note or None,
            )
            if one_trip is not None:
                return cast(CaseClaim, one_trip)
        with self._recording("set_claim_status", claim_id, claim=("claim", claim_id)) as rec:
            row = checked_row(rec.tx, "claims", claim_id, expected)
            edits.set_claim_status(rec.tx, claim_id, status, who=self.user, row=row)
            note_id = edits.add_note(rec.tx, claim_id, note, who=self.user) if note else None
            rec.track("note", "note", note_id)
        return _handed_back(rec, "claim", lambda: self.claim(claim_id))

    def link_source(
        self,
        claim_id: str,
        source: str,
        *,
        relation: str = "reported_by",
        note: str | None = None,
    ) -> SourceLink:
        """Tie a claim to a source: a media actor id of the case, or an http(s) URL."""
        one_trip = pg_edits.link_source(self, claim_id, source, relation, note)  # on a server
        if one_trip is not None:
            return cast(SourceLink, one_trip)
        with self._recording("link_source", claim_id) as rec:
            link_id = edits.link_source(
                rec.tx, claim_id, source, relation=relation, note=note, who=self.user
            )
            rec.track("link", "link", link_id)
        return _handed_back(rec, "link", lambda: reads.load_links(self._store, link_id=link_id)[0])

    def unlink_source(self, link_id: str, *, expected: int | None = None) -> None:
        """Remove a source link."""
        if pg_edits.unlink_source(self, link_id, expected):  # on a server, one round trip
            return
        with self._recording("unlink_source", None, link=("link", link_id)) as rec:
            checked_row(rec.tx, "links", link_id, expected)
            rec.target = edits.unlink_source(rec.tx, link_id)["claim_id"]

    def add_note(self, target_id: str, text: str) -> Note:
        """A note on any article, actor, claim, event or link."""
        one_trip = pg_edits.add_note(self, target_id, text)  # on a server, one round trip
        if one_trip is not None:
            return cast(Note, one_trip)
        with self._recording("add_note", target_id) as rec:
            note_id = edits.add_note(rec.tx, target_id, text, who=self.user)
            rec.track("note", "note", note_id)
        return _handed_back(rec, "note", lambda: reads.load_notes(self._store, note_id=note_id)[0])

    def remove_article(self, article_id: str) -> dict[str, int]:
        """Remove an article with its mentions, claims, events and relations, the links and
        notes on them, and the actors only it mentioned that no person worked on.

        One action: `undo()` puts it all back. Returns how many of each were removed.
        """
        with self._recording("remove_article", article_id, article=("article", article_id)) as rec:
            removed = removal.remove_article(rec.tx, article_id)
            rec.before["removed"] = None
            rec.extra_after["removed"] = removed
        return removed

    def undo(self) -> HistoryEntry:
        """Revert the last action of this session (this `Case` object) not yet undone; the
        undo is itself recorded in the history. Another session's actions are never undone.

        Adding articles and re-extraction cannot be undone; an undo stops at them. An action
        whose records another session has changed since is not undone either (CaseError):
        reverting it would overwrite that work. Nor is one whose revert would point a row
        back to a record another session has removed since, or remove a record another
        session's rows refer to since. Returns the history entry that was undone.
        """
        one_trip = pg_edits.undo(self)  # on a server, one round trip (with the entry read)
        if one_trip is not None:
            return cast(HistoryEntry, one_trip)
        with self._store.write(ACTIONS["undo"]) as tx:
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
            # a row it wrote changed since, or a foreign key its revert would break
            conflict = changed_since(tx, changes) or missing_reference(tx, changes)
            if conflict is not None:  # reverting would overwrite another session's work
                raise CaseError(self._conflict_message(tx, last, conflict))
            tx.revert(changes)  # versions included: the rows are back as they were
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

    # --- internals -----------------------------------------------------------------------------

    def _check_writable(self, what: str) -> None:
        if self._store.readonly:
            raise CaseError(f"{self.path} is read-only: cannot {what}")

    @contextmanager
    def _recording(
        self, action: str, target: str | None, **subjects: tuple[str, str | None]
    ) -> Iterator[Recording]:
        """The one way an edit is written: a transaction, the state before and after of the
        records it concerns, and its audit row (with the row changes `undo` replays), all
        committed together or not at all."""
        with self._store.write(ACTIONS[action]) as tx:
            tx.versioned = self._store.format_version >= CHECKING_FORMAT
            recording = Recording(self._store, tx, target, subjects)
            yield recording
            if self._store.format_version >= CHECKING_FORMAT:
                bump_versions(tx, tx.changes)
            if not recording.cancelled:
                # written with the COMMIT: on a server, in its round trip
                self._audit(
                    tx,
                    action,
                    recording.target,
                    before=recording.before,
                    after=recording.after(),
                    at_commit=True,
                )
        entry_id = tx.committed_id
        # kept once committed: the id of a row rolled back may be given to a later one
        if entry_id is not None and action not in NOT_UNDOABLE:
            self._remember(entry_id, tx.changes)

    def _remember(self, entry_id: int, changes: list[dict[str, Any]]) -> None:
        """The row changes of this object's committed action `entry_id` (`recorded_changes`)."""
        self._recent_changes[entry_id] = changes
        while len(self._recent_changes) > RECENT_CHANGES:
            del self._recent_changes[next(iter(self._recent_changes))]

    def recorded_changes(self, entry_id: int) -> list[dict[str, Any]] | None:
        """The row changes the audit row `entry_id` records (its `changes`), when this
        object wrote it among its latest edits: as written, not parsed again from the log.
        None otherwise. Do not change the list: it is the one undo would replay.

        An app redraws after its own edit by what the edit changed
        (`views.changes.changes_since`): a merge of an actor named across 5,000 articles
        records 16,500 row changes, 2 MB of JSON that took 25 ms to parse again."""
        return self._recent_changes.get(entry_id)

    def _audit(
        self,
        tx: Transaction,
        action: str,
        target: str | None,
        *,
        before: dict[str, Any],
        after: dict[str, Any],
        at_commit: bool = False,
    ) -> int:
        recorded = self._store.format_version >= SESSION_FORMAT
        return write_entry(
            tx,
            at_commit=at_commit,
            who=self.user,
            session=self.session if recorded else None,
            action=action,
            target=target,
            before=before,
            after=after,
        )
