"""The case file's schema, as numbered migrations recorded in the file itself.

`PRAGMA user_version` holds the format version (the number of the last migration applied)
and `PRAGMA application_id` marks the file as a workbench case. A release refuses a file
whose format is newer than its own last migration, before writing anything.

The migrations are written once, in SQLite's SQL against the sqlite3 API; on a PostgreSQL
server the connection translates them (`postgres.py`, `sqlpg.py`: types, the rowid column,
PRAGMAs), so each step, a new one too, runs on both back ends unchanged.
"""

from __future__ import annotations

import calendar
import json
import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from ..dates import PartialDate

if TYPE_CHECKING:
    from .backend import Database

# "WBCS" as a big-endian int: lets `file` and us tell a case from any other SQLite file
APPLICATION_ID = 0x57424353
APP_NAME = "workbench.case"

Migration = Callable[[sqlite3.Connection], None]


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: `executescript` would COMMIT our open transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


def _m001_initial(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        -- ids are prefix + counter; counters only grow, so an id is never reused
        CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);

        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            title TEXT, published TEXT, outlet TEXT, url TEXT, path TEXT, author TEXT,
            sha1 TEXT NOT NULL,  -- of the text: adding the same article twice is a no-op
            added_at TEXT NOT NULL,
            model TEXT
        );
        CREATE INDEX articles_sha1 ON articles(sha1);

        CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'extracted',
            roles TEXT NOT NULL DEFAULT '[]',
            edited TEXT NOT NULL DEFAULT '[]'
        );
        -- The aliases are the resolution rules: an extracted actor whose name or alias
        -- normalises to `norm` with extracted type `type` is this actor. A merge moves
        -- aliases, a split moves one and pins it (its mentions follow it, whatever
        -- actor extraction groups them under).
        CREATE TABLE aliases (
            actor_id TEXT NOT NULL REFERENCES actors(id),
            norm TEXT NOT NULL,
            type TEXT NOT NULL,
            alias TEXT NOT NULL,
            pinned INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (norm, type)
        );
        CREATE INDEX aliases_actor ON aliases(actor_id);

        CREATE TABLE mentions (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            actor_id TEXT NOT NULL REFERENCES actors(id),
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_actor ON mentions(actor_id);

        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            text TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            cue TEXT,
            speaker TEXT REFERENCES actors(id),
            speaker_text TEXT,
            channels TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'unverified',
            review TEXT NOT NULL DEFAULT 'extracted',
            edited TEXT NOT NULL DEFAULT '[]',
            detached INTEGER NOT NULL DEFAULT 0,
            -- the claim as last extracted, to match it again after re-extraction
            extracted_text TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX claims_article ON claims(article_id);
        CREATE INDEX claims_status ON claims(status);

        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            date TEXT NOT NULL, date_end TEXT, precision TEXT NOT NULL,
            date_text TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            actors TEXT NOT NULL DEFAULT '[]',
            claim TEXT REFERENCES claims(id),
            review TEXT NOT NULL DEFAULT 'extracted'
        );
        CREATE INDEX events_article ON events(article_id);

        CREATE TABLE relations (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            source TEXT NOT NULL REFERENCES actors(id),
            target TEXT NOT NULL REFERENCES actors(id),
            kind TEXT NOT NULL,
            weight REAL NOT NULL DEFAULT 1.0
        );
        CREATE INDEX relations_article ON relations(article_id);

        CREATE TABLE links (
            id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims(id),
            relation TEXT NOT NULL,
            actor_id TEXT REFERENCES actors(id),
            url TEXT,
            note TEXT,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            CHECK ((actor_id IS NULL) != (url IS NULL))
        );
        CREATE INDEX links_claim ON links(claim_id);

        CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            target_id TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        );
        CREATE INDEX notes_target ON notes(target_id);

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT,
            before TEXT,
            after TEXT,
            -- the row images an undo replays backwards; NULL: not undoable
            changes TEXT,
            undone_by INTEGER REFERENCES audit(id)
        );
        """,
    )


def _m002_event_edits(db: sqlite3.Connection) -> None:
    # events became editable (update_event): which fields a person set, kept on re-extraction
    db.execute("ALTER TABLE events ADD COLUMN edited TEXT NOT NULL DEFAULT '[]'")


def _m003_audit_session(db: sqlite3.Connection) -> None:
    # the `Case` object (notebook kernel, Voila visitor) that made each change, so an undo
    # reverts only that session's actions; NULL for rows written before this step
    db.execute("ALTER TABLE audit ADD COLUMN session TEXT")


# Relation kinds extraction used to store that only restated a claim's speaker and channels:
# the analysis derives them from the current claims, so stored copies could only go stale.
RESTATED_KINDS = ("told", "reported_by")


def _m004_drop_restated_relations(db: sqlite3.Connection) -> None:
    # who told whom is derived from the claims now; a stored copy survived edits to the
    # claim (new speaker, rejection) and showed edges the case no longer has
    marks = ", ".join("?" for _ in RESTATED_KINDS)
    dropped = {
        row[0]
        for row in db.execute(f"SELECT id FROM relations WHERE kind IN ({marks})", RESTATED_KINDS)
    }
    db.execute(f"DELETE FROM relations WHERE kind IN ({marks})", RESTATED_KINDS)
    # Undo data must not bring them back (undoing a removed article re-inserts its rows)
    # nor refuse an undo because a row it wrote is gone: forget every change to them.
    for audit_id, changes_json in db.execute(
        "SELECT id, changes FROM audit WHERE changes IS NOT NULL"
    ).fetchall():
        changes = json.loads(changes_json)
        kept = [c for c in changes if not _restates(c, dropped)]
        if len(kept) != len(changes):
            db.execute(
                "UPDATE audit SET changes = ? WHERE id = ?",
                (json.dumps(kept, ensure_ascii=False), audit_id),
            )


def _restates(change: dict[str, Any], dropped: set[str]) -> bool:
    if change.get("table") != "relations":
        return False
    row = change.get("after") if change.get("op") == "insert" else change.get("before")
    kind = row.get("kind") if isinstance(row, dict) else None
    return kind in RESTATED_KINDS or change.get("key", {}).get("id") in dropped


_DIGITS = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _m005_real_event_dates(db: sqlite3.Connection) -> None:
    # Before the one date parser, an event date a person typed was checked by its shape
    # only, so "2016-02-31" could be stored; reads now refuse it. Each such date becomes
    # the nearest real one, and a note on the event keeps what the person wrote.
    rows = db.execute("SELECT id, date, date_end FROM events").fetchall()
    for event_id, date, date_end in rows:
        fixed = {n: _nearest_real(v) for n, v in (("date", date), ("date_end", date_end)) if v}
        changed = {n: v for n, v in fixed.items() if v != (date if n == "date" else date_end)}
        if not changed:
            continue
        sets = ", ".join(f"{name} = ?" for name in changed)
        db.execute(f"UPDATE events SET {sets} WHERE id = ?", (*changed.values(), event_id))
        db.execute(
            "INSERT INTO counters VALUES ('N', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1"
        )
        number = db.execute("SELECT value FROM counters WHERE name = 'N'").fetchone()[0]
        was = ", ".join(
            f"{name} {date if name == 'date' else date_end!r} became {value}"
            for name, value in changed.items()
        )
        db.execute(
            "INSERT INTO notes (id, target_id, text, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
            (
                f"N{number}",
                event_id,
                f"Not a real day, corrected on upgrade: {was}.",
                now(),
                "workbench upgrade",
            ),
        )


def _nearest_real(text: str) -> str:
    try:
        return PartialDate.from_iso(text).isoformat()
    except ValueError:
        pass
    match = _DIGITS.match(text.strip())
    if match is None:  # no year at all: the shape check never let one in; keep the text
        return text
    year = min(max(int(match[1]), 1), 9999)
    month = min(max(int(match[2]), 1), 12) if match[2] else None
    day = None
    if month is not None and match[3]:
        day = min(max(int(match[3]), 1), calendar.monthrange(year, month)[1])
    return PartialDate(year, month, day).isoformat()


# the rows a person checks one by one: each write bumps `version`, and an edit made against an
# older version is refused (`expected=`), so a stale view never overwrites newer work
VERSIONED_TABLES = ("actors", "mentions", "claims", "events", "links")


def _m006_checking(db: sqlite3.Connection) -> None:
    for table in VERSIONED_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    # a mention a person added ('confirmed') or removed ('rejected') outlives re-extraction,
    # which rebuilds only the 'extracted' ones; `known`: its name is one the case was taught
    db.execute("ALTER TABLE mentions ADD COLUMN review TEXT NOT NULL DEFAULT 'extracted'")
    db.execute("ALTER TABLE mentions ADD COLUMN known INTEGER NOT NULL DEFAULT 0")
    # how each outlet of `channels` passed the claim on ("reported_by", "citing"), same order
    db.execute("ALTER TABLE claims ADD COLUMN channel_kinds TEXT NOT NULL DEFAULT '[]'")


def _m007_article_language(db: sqlite3.Connection) -> None:
    # the language detected at extraction ("en", "ar"); NULL for articles added before,
    # which the views detect again when they show them
    db.execute("ALTER TABLE articles ADD COLUMN language TEXT")


def _m008_read_indexes(db: sqlite3.Connection) -> None:
    # one actor read alone (an edit reads it before and after) groups its mentions by
    # article: answered from this index alone, not from thousands of table rows. Plain
    # CREATE INDEX: the same statement on both back ends
    db.execute(
        "CREATE INDEX IF NOT EXISTS mentions_actor_article ON mentions(actor_id, article_id, review)"
    )


def make_derived_table(db: sqlite3.Connection) -> None:
    """The table of kept results, made anew (also by `Store.forget_derived`: a case made
    by format 9 before its rows were signed has a table of another shape)."""
    db.execute("DROP TABLE IF EXISTS derived")
    db.execute(
        "CREATE TABLE derived (kind TEXT NOT NULL, signer TEXT NOT NULL, name TEXT NOT NULL, "
        "stamp INTEGER NOT NULL, code TEXT NOT NULL, payload BLOB NOT NULL, "
        "signature TEXT NOT NULL, PRIMARY KEY (kind, signer))"
    )


def _m009_derived(db: sqlite3.Connection) -> None:
    # results worked out from the whole case (the actor listing, corroboration, similar
    # claims, the memo) kept across sessions, so that the first look after opening a large
    # case is a read: each under the `changes` count it was computed at (every committed
    # change bumps it: `Store.write`, and each migration step) and the code that computed
    # it (`derived.code_digest`). A cache: never exported or copied (`dump._SKIPPED_TABLES`).
    # One row per kind and per user (`signer`: the public id of the user's key, which
    # signs the row, `signing.py`): users of a shared case keep their own. Made anew (a
    # cache: a case taken back to an older format by hand loses nothing by it)
    make_derived_table(db)
    db.execute("INSERT INTO counters VALUES ('changes', 0) ON CONFLICT(name) DO NOTHING")


def _m010_actor_references(db: sqlite3.Connection) -> None:
    # the columns naming an actor that had no index: a merge reads the claims, relations
    # and links of the merged actor, and removing it checks each foreign key naming it
    # (both back ends): each was a scan of the whole table (25 ms a merge on a server at
    # 1,000 articles, the most of its time; growing with the case). Plain CREATE INDEX
    for name, table, column in (
        ("claims_speaker", "claims", "speaker"),
        ("relations_source", "relations", "source"),
        ("relations_target", "relations", "target"),
        ("links_actor", "links", "actor_id"),
    ):
        db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table}({column})")


# The actor listing's inputs, kept by the case itself (format 11): each actor's articles
# (with the rowid of its first mention there, which orders them) and the texts its
# mentions use (likewise), each with its count of mentions, rejected ones left out. The
# listing then reads one row per actor and article (90,000 at 5,000 articles) instead of
# grouping every mention (170,000) twice on each first look at a case (`reads.py`).
# Triggers keep them, whatever writes the mentions (an edit, an undo, an added or removed
# article, another tool): a mention added, removed, or its actor, article, text or review
# set counts in and out of its rows. A row is only ever written by them: a row written
# from outside (a restored export's copy, whose rowids are another file's) is ignored
# where a trigger can tell (a row that is already there, or that names no such first
# mention) and a kept row is not removed while it counts a mention.
LISTING_TABLES = ("listing_articles", "listing_texts")
# (table, the column its rows group each actor's mentions by, what SQLite's trigger takes
# the least of to find a row's first mention again when the one it had leaves it).
# Articles: `rowid + 0`, so the planner seeks the actor's mentions in the article in
# `mentions_actor_article` (or `mentions_article`); `min(rowid)` led it to walk all the
# actor's mentions in rowid order (`mentions_actor`: 4 ms for a most-named actor, once
# for each of the thousands of mentions a merge moves; a merge of the two most-named
# actors at 5,000 articles took 9.4 s of CPU, its undo 15.5, against 1.7 and 1.9 before
# format 11). Texts: `min(rowid)` is the first entry of `mentions_actor_text` for the
# actor and text. No index is named: a case whose index another tool dropped still works
_LISTED = (
    ("listing_articles", "article_id", "rowid + 0"),
    ("listing_texts", "text", "rowid"),
)


def _listing_tables(db: sqlite3.Connection) -> None:
    for table, column, _ in _LISTED:
        db.execute(
            f"CREATE TABLE {table} (actor_id TEXT NOT NULL, {column} TEXT NOT NULL, "
            "first_row INTEGER NOT NULL, mentions INTEGER NOT NULL, "
            f"PRIMARY KEY (actor_id, {column}))"
        )
        db.execute(
            f"INSERT INTO {table} (actor_id, {column}, first_row, mentions) "
            f"SELECT actor_id, {column}, min(rowid), count(*) FROM mentions "
            f"WHERE review != 'rejected' GROUP BY actor_id, {column}"
        )
    # a text's next first mention, sought when its first leaves (a merge moves thousands)
    db.execute("CREATE INDEX IF NOT EXISTS mentions_actor_text ON mentions(actor_id, text)")


def _sqlite_counted_in(row: str) -> str:
    """SQLite statements counting the mention `row` (new) into its listing rows."""
    out = ""
    for table, column, _ in _LISTED:
        key = f"actor_id = {row}.actor_id AND {column} = {row}.{column}"
        out += (
            f"UPDATE {table} SET mentions = mentions + 1, first_row = min(first_row, "
            f"{row}.rowid) WHERE {key};\n"
            f"INSERT INTO {table} (actor_id, {column}, first_row, mentions) "
            f"SELECT {row}.actor_id, {row}.{column}, {row}.rowid, 1 "
            f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {key});\n"
        )
    return out


def _sqlite_counted_out(row: str) -> str:
    """SQLite statements counting the mention `row` (old) out of its listing rows: the
    first mention sought again only when it was this one."""
    out = ""
    for table, column, first in _LISTED:
        key = f"actor_id = {row}.actor_id AND {column} = {row}.{column}"
        out += (
            f"UPDATE {table} SET mentions = mentions - 1, first_row = CASE WHEN first_row = "
            f"{row}.rowid THEN coalesce((SELECT min({first}) FROM mentions WHERE {key} "
            f"AND review != 'rejected'), first_row) ELSE first_row END WHERE {key};\n"
            f"DELETE FROM {table} WHERE {key} AND mentions < 1;\n"
        )
    return out


_SQLITE_TRIGGERS = (
    "mentions_listed",
    "mentions_unlisted",
    "mentions_relisted_out",
    "mentions_relisted_in",
)


def _sqlite_listing_triggers(db: sqlite3.Connection) -> None:
    listed = "UPDATE OF actor_id, article_id, text, review ON mentions"
    for name, when, body in (
        (
            "mentions_listed",
            "AFTER INSERT ON mentions WHEN new.review != 'rejected'",
            _sqlite_counted_in("new"),
        ),
        (
            "mentions_unlisted",
            "AFTER DELETE ON mentions WHEN old.review != 'rejected'",
            _sqlite_counted_out("old"),
        ),
        (
            "mentions_relisted_out",
            f"AFTER {listed} WHEN old.review != 'rejected'",
            _sqlite_counted_out("old"),
        ),
        (
            "mentions_relisted_in",
            f"AFTER {listed} WHEN new.review != 'rejected'",
            _sqlite_counted_in("new"),
        ),
    ):
        db.execute(f"CREATE TRIGGER {name} {when} BEGIN\n{body}END")
    for table, column, _ in _LISTED:
        key = f"actor_id = new.actor_id AND {column} = new.{column}"
        db.execute(
            f"CREATE TRIGGER {table}_only_counted BEFORE INSERT ON {table} "
            f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {key}) OR NOT EXISTS (SELECT 1 FROM "
            f"mentions WHERE rowid = new.first_row AND {key} AND review != 'rejected') "
            "BEGIN SELECT RAISE(IGNORE); END"
        )
        db.execute(
            f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} WHEN old.mentions > 0 "
            "BEGIN SELECT RAISE(IGNORE); END"
        )


# the functions the server's triggers run, made in the case's schema (which drop_case
# must drop with it: a schema holding functions is not dropped without them)
SERVER_FUNCTIONS = (
    "wb_listing_counted",
    *(f"wb_{table}_only_counted" for table, _, _ in _LISTED),
)


def _server_listing_triggers(db: Any) -> None:
    """The same triggers in PostgreSQL's own dialect (SQLite's are not translated)."""
    counted = ""
    for table, column, _ in _LISTED:
        key = f"actor_id = NEW.actor_id AND {column} = NEW.{column}"
        old_key = f"actor_id = OLD.actor_id AND {column} = OLD.{column}"
        counted += f"""
        IF TG_OP <> 'INSERT' AND OLD.review <> 'rejected' THEN
            UPDATE {table} SET mentions = mentions - 1, first_row = CASE
                WHEN first_row = OLD.rowid THEN coalesce((SELECT min(rowid) FROM mentions
                    WHERE {old_key} AND review <> 'rejected'), first_row)
                ELSE first_row END
            WHERE {old_key};
            DELETE FROM {table} WHERE {old_key} AND mentions < 1;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.review <> 'rejected' THEN
            UPDATE {table} SET mentions = mentions + 1, first_row = LEAST(first_row, NEW.rowid)
            WHERE {key};
            IF NOT FOUND THEN
                INSERT INTO {table} (actor_id, {column}, first_row, mentions)
                VALUES (NEW.actor_id, NEW.{column}, NEW.rowid, 1);
            END IF;
        END IF;"""
    statements = [
        "CREATE OR REPLACE FUNCTION wb_listing_counted() RETURNS trigger LANGUAGE plpgsql "
        f"SET search_path FROM CURRENT AS $$ BEGIN {counted}\n RETURN NULL; END $$",
        "CREATE TRIGGER mentions_listed AFTER INSERT OR DELETE OR UPDATE OF actor_id, "
        "article_id, text, review ON mentions FOR EACH ROW EXECUTE FUNCTION wb_listing_counted()",
    ]
    for table, column, _ in _LISTED:
        key = f"actor_id = NEW.actor_id AND {column} = NEW.{column}"
        statements += [
            f"CREATE OR REPLACE FUNCTION wb_{table}_only_counted() RETURNS trigger LANGUAGE plpgsql "
            f"SET search_path FROM CURRENT AS $$ BEGIN "
            f"IF TG_OP = 'DELETE' THEN IF OLD.mentions > 0 THEN RETURN NULL; END IF; "
            "RETURN OLD; END IF; "
            f"IF EXISTS (SELECT 1 FROM {table} WHERE {key}) OR NOT EXISTS (SELECT 1 FROM "
            f"mentions WHERE rowid = NEW.first_row AND {key} AND review <> 'rejected') "
            "THEN RETURN NULL; END IF; RETURN NEW; END $$",
            f"CREATE TRIGGER {table}_only_counted BEFORE INSERT OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION wb_{table}_only_counted()",
        ]
    for statement in statements:
        db.execute_native_later(statement)
    db.flush()


def _m011_listing_inputs(db: sqlite3.Connection) -> None:
    # the actor listing's inputs kept by triggers (`LISTING_TABLES` above): the first
    # listing of a large case (opened, copied, upgraded: nothing kept yet) reads a row
    # per actor and article, not every mention twice
    from . import backend

    server = backend.on_server(cast("Database", db))
    # made anew, from the mentions: a case taken back to an older format by hand has them
    if server:
        db.execute_native_later("DROP TRIGGER IF EXISTS mentions_listed ON mentions")  # type: ignore[attr-defined]
    else:
        for name in _SQLITE_TRIGGERS:
            db.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table, _, _ in _LISTED:
        db.execute(f"DROP TABLE IF EXISTS {table}")  # its own triggers with it
    _listing_tables(db)
    if server:
        _server_listing_triggers(db)
    else:
        _sqlite_listing_triggers(db)


# Append only: a migration, once released, never changes.
MIGRATIONS: list[tuple[int, str, Migration]] = [
    (1, "initial schema", _m001_initial),
    (2, "events record the fields a person edited", _m002_event_edits),
    (3, "audit rows record the session that wrote them", _m003_audit_session),
    (4, "relations that restate claims (told, reported_by) dropped", _m004_drop_restated_relations),
    (5, "event dates that name no real day corrected, with a note", _m005_real_event_dates),
    (6, "versions on checked rows, reviewed mentions, channel step kinds", _m006_checking),
    (7, "articles record their language", _m007_article_language),
    (8, "an index for reading one actor's mentions", _m008_read_indexes),
    (9, "derived results kept across sessions, and a count of changes", _m009_derived),
    (10, "indexes of the columns naming an actor (a merge)", _m010_actor_references),
    (11, "the actor listing's inputs kept by triggers", _m011_listing_inputs),
]
FORMAT_VERSION = MIGRATIONS[-1][0]
SESSION_FORMAT = 3  # the first format whose audit rows have a `session`
CHECKING_FORMAT = 6  # the first with row versions and reviewed mentions
LANGUAGE_FORMAT = 7  # the first whose articles record their language
DERIVED_FORMAT = 9  # the first that keeps derived results and counts its changes
LISTING_FORMAT = 11  # the first that keeps the actor listing's inputs (`LISTING_TABLES`)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def apply_migrations(db: Database, *, current: int, target: int | None = None) -> int:
    """Bring the schema from `current` to `target` (default: the latest), step by step.

    Each step's DDL and data changes, its row in `migrations` and the new `user_version`
    commit together, so a crash leaves the file at a whole version. A target below the
    latest builds a case as an older release made it (to load an old export into).
    """
    latest = MIGRATIONS[-1][0]
    target = latest if target is None else target
    if not 1 <= target <= latest:
        raise ValueError(f"no case format {target} (this release knows 1 to {latest})")
    for number, name, migrate in MIGRATIONS:
        if number <= current or number > target:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            # another process may have migrated while we waited for the lock
            if db.execute("PRAGMA user_version").fetchone()[0] >= number:
                db.execute("ROLLBACK")
                continue
            if number == 1:
                # with the first step: a case is never seen marked but without a format
                db.execute(
                    "CREATE TABLE IF NOT EXISTS migrations "
                    "(number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            # the server's connection offers the sqlite3 API the steps use (postgres.py)
            migrate(cast(sqlite3.Connection, db))
            # a step may change rows: results kept from before it are stale (a no-op
            # before format 9, which has no such count)
            db.execute("UPDATE counters SET value = value + 1 WHERE name = 'changes'")
            if number == 1:
                db.execute(
                    "INSERT INTO meta VALUES ('app', ?), ('created_at', ?)", (APP_NAME, now())
                )
            db.execute("INSERT INTO migrations VALUES (?, ?, ?)", (number, name, now()))
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return target
