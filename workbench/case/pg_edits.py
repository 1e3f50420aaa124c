"""The common edits in one round trip on a PostgreSQL server.

Each round trip to a server waits twice for a CPU on a busy machine (the client, then the
server's process), so an edit's p95 under load grows with its round trips. An actor's
status or type, a claim's status (with its note), a note and an undo are sent here as one
call of a function of
the connection's own (`pg_temp`, made in the first such edit's round trip: always the
code of the workbench release that calls it, whatever another person's release is), with
the transaction's BEGIN, the writers' lock and its COMMIT, all in one round trip:

- the stale-edit check (the row's version against the one the person saw);
- the update of the changed columns only, the row's version bumped (`Transaction.update`,
  `bump_versions`), and the undo data (`changes`) as `Transaction` records it; an undo's
  check that every row the action wrote is as it left it (`audit.changed_since`), then
  its changes replayed backwards (`Transaction.revert`);
- the audit row, its `before` and `after` the records as the read API gives them
  (`wb_actor_state`, `wb_claim_state`: the same fields as `to_dict()`, worked out in SQL
  the way `reads` works them out: tests/case/test_postgres_one_trip.py compares the two);
- the case's count of changes and what the change touched (`touched.py`'s counters: the
  names come from `touched.Touched`, the server keeping those of the columns that changed).

The record handed back is made by the read API's own code: a claim from its row as it
was and the update, an actor from its state after (as the audit row holds it), an undone
entry from its audit row. Anything unusual (no such record, a stale version, an undo
another session's work would be overwritten by, a rename, a case at an older format, a
role that may not make temporary functions) writes nothing
and is done again by the ordinary path, whose errors and messages are the ones a person
knows (`None` from these functions).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import CaseError
from . import postgres, touched
from .audit import _record_of_row, record_after
from .migrations import FORMAT_VERSION, now
from .reads import _actor_records, _json
from .records import HistoryEntry

if TYPE_CHECKING:
    from .store import Store

# the plain-words check of `edited` lists: Python's json.dumps writes these exactly as the
# SQL below does (any other list is left to the ordinary path)
FUNCTIONS = (
    # a stored JSON list as reads' `_json(value, [])` reads it
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_list(p text) RETURNS json
    LANGUAGE plpgsql IMMUTABLE AS
    $$ BEGIN RETURN CASE WHEN coalesce(p, '') = '' THEN '[]'::json ELSE p::json END; END $$""",
    # an actor as `reads.actors_on_server` makes it, as `to_dict()` gives it: its alias
    # rules' names (each once, oldest rule first), then the texts of its mentions not
    # among them (by first mention), the name first unless among them; its articles by
    # first mention; rejected mentions left out
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_actor_state(p_id text) RETURNS json
    LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN (
    WITH m AS (
        SELECT article_id, text, rowid FROM mentions
        WHERE actor_id = p_id AND review <> 'rejected'),
    rules AS (SELECT alias, min(rowid) AS r FROM aliases WHERE actor_id = p_id GROUP BY alias),
    texts AS (
        SELECT text, min(rowid) AS r FROM m
        WHERE NOT EXISTS (SELECT 1 FROM rules WHERE rules.alias = m.text) GROUP BY text),
    names AS (
        SELECT ARRAY(SELECT n FROM (SELECT alias AS n, 0 AS g, r FROM rules
                                    UNION ALL SELECT text, 1, r FROM texts) x
                     ORDER BY g, r) AS arr)
    SELECT json_build_object(
        'id', a.id, 'name', a.name, 'type', a.type,
        'aliases', to_json(CASE WHEN a.name = ANY(names.arr) THEN names.arr
                                ELSE array_prepend(a.name, names.arr) END),
        'roles', pg_temp.wb_list(a.roles), 'status', a.status,
        'articles', to_json(ARRAY(SELECT article_id FROM m GROUP BY article_id
                                  ORDER BY min(rowid))),
        'mention_count', (SELECT count(*) FROM m),
        'origin', CASE WHEN json_array_length(pg_temp.wb_list(a.edited)) > 0
                       THEN 'user' ELSE 'extracted' END,
        'edited', pg_temp.wb_list(a.edited), 'version', a.version)
    FROM actors a, names WHERE a.id = p_id); END $$""",
    # a claim as `reads.claim_of_row` makes it, as `to_dict()` gives it
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_claim_state(p_id text) RETURNS json
    LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN (
    SELECT json_build_object(
        'id', c.id, 'text', c.text, 'start', c.start, 'end', c."end", 'kind', c.kind,
        'cue', c.cue, 'speaker', c.speaker, 'speaker_text', c.speaker_text,
        'channels', pg_temp.wb_list(c.channels), 'article_id', c.article_id,
        'status', c.status, 'review', c.review,
        'origin', CASE WHEN json_array_length(pg_temp.wb_list(c.edited)) > 0
                       THEN 'user' ELSE 'extracted' END,
        'edited', pg_temp.wb_list(c.edited), 'detached', coalesce(c.detached, 0) <> 0,
        'channel_kinds', pg_temp.wb_list(c.channel_kinds), 'version', c.version)
    FROM claims c WHERE c.id = p_id); END $$""",
    # touched.count_statement's upsert, for names given as an array
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_count(p_names text[]) RETURNS void
    LANGUAGE plpgsql AS $$ BEGIN
    INSERT INTO counters (name, value)
    SELECT name, (SELECT value + 1 FROM counters WHERE name = 'changes') FROM (
        SELECT unnest(p_names) AS name
        UNION SELECT 'changes:base' WHERE COALESCE((SELECT value FROM counters
            WHERE name = 'changes:tracked'), -1) <> (SELECT value FROM counters
            WHERE name = 'changes')) AS touched
    WHERE (SELECT value FROM counters WHERE name = 'changes') IS NOT NULL
    ON CONFLICT (name) DO UPDATE SET value = excluded.value; END $$""",
    # one versioned row's text columns set (an actor's type or status, a claim's status),
    # its `edited` list grown, with its audit row and the count of changes; the outcome
    # and the row as it was with the record after (as its audit row has it)
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_update(
        p_table text, p_kind text, p_id text, p_cols text[], p_vals text[],
        p_edited text[], p_expected bigint, p_always text[], p_per_col jsonb,
        p_at text, p_who text, p_session text, p_action text, p_none text[],
        p_note text, p_created text)
    RETURNS json LANGUAGE plpgsql AS $$
    DECLARE
        v_old jsonb; v_before json; v_after json; v_list text[]; v_n bigint;
        v_note jsonb; v_note_id text;
        v_nones jsonb := (SELECT jsonb_object_agg(k, 'null'::jsonb) FROM unnest(p_none) k);
        v_cols text[]; v_vals text[]; v_changed text[] := '{}';
        v_was jsonb := '{}'; v_now jsonb := '{}'; v_changes json := '[]';
        v_version bigint; v_audit bigint; i int;
    BEGIN
        -- static statements (planned once per session), not EXECUTE (planned each time)
        IF p_kind = 'actor' THEN
            SELECT to_jsonb(t) INTO v_old FROM actors t WHERE id = p_id;
        ELSE
            SELECT to_jsonb(t) INTO v_old FROM claims t WHERE id = p_id;
        END IF;
        IF v_old IS NULL THEN
            RETURN json_build_object('outcome', 'missing');
        END IF;
        v_version := (v_old->>'version')::bigint;
        IF p_expected IS NOT NULL AND v_version IS DISTINCT FROM p_expected THEN
            RETURN json_build_object('outcome', 'stale');
        END IF;
        -- edits._with_edited: the stored list, then the new names, each once
        v_list := ARRAY(
            SELECT e FROM (
                SELECT e, min(o) AS o FROM (
                    SELECT e, o FROM json_array_elements_text(
                        pg_temp.wb_list(v_old->>'edited')) WITH ORDINALITY AS t(e, o)
                    UNION ALL
                    SELECT e, 1000000000 + o FROM unnest(p_edited) WITH ORDINALITY AS u(e, o)
                ) x GROUP BY e) y ORDER BY o);
        IF EXISTS (SELECT 1 FROM unnest(v_list) AS e WHERE e !~ '^[A-Za-z_]+$') THEN
            RETURN json_build_object('outcome', 'unusual');
        END IF;
        v_cols := p_cols || 'edited'::text;
        v_vals := p_vals || ('[' || array_to_string(
            ARRAY(SELECT '"' || e || '"' FROM unnest(v_list) WITH ORDINALITY AS u(e, o)
                  ORDER BY o), ', ') || ']');
        FOR i IN 1 .. cardinality(v_cols) LOOP
            IF (v_old->>v_cols[i]) IS DISTINCT FROM v_vals[i] THEN
                v_changed := v_changed || v_cols[i];
                v_was := v_was || jsonb_build_object(v_cols[i], v_old->v_cols[i]);
                v_now := v_now || jsonb_build_object(v_cols[i], v_vals[i]);
            END IF;
        END LOOP;
        IF p_kind = 'actor' THEN
            v_before := pg_temp.wb_actor_state(p_id);
        ELSE
            v_before := pg_temp.wb_claim_state(p_id);
        END IF;
        v_after := v_before;
        IF cardinality(v_changed) > 0 THEN
            -- the changed columns (text: type, status, edited) set, the others as they are
            IF p_kind = 'actor' THEN
                UPDATE actors SET type = coalesce((v_now->>'type'), type),
                    status = coalesce((v_now->>'status'), status),
                    edited = coalesce((v_now->>'edited'), edited), version = version + 1
                    WHERE id = p_id;
            ELSE
                UPDATE claims SET status = coalesce((v_now->>'status'), status),
                    edited = coalesce((v_now->>'edited'), edited), version = version + 1
                    WHERE id = p_id;
            END IF;
            -- the record after: its fields of those columns as the read API gives them
            -- (its names, articles and mentions are as they were)
            v_after := (v_before::jsonb || (v_now - 'edited') || jsonb_build_object(
                'edited', pg_temp.wb_list(v_vals[cardinality(v_vals)]),
                'origin', CASE WHEN json_array_length(pg_temp.wb_list(v_vals[cardinality(v_vals)])) > 0
                               THEN 'user' ELSE 'extracted' END,
                'version', v_version + 1))::json;
            v_was := v_was || jsonb_build_object('version', v_version);
            v_now := v_now || jsonb_build_object('version', v_version + 1);
            v_changes := json_build_array(json_build_object(
                'op', 'update', 'table', p_table, 'key', json_build_object('id', p_id),
                'before', v_was, 'after', v_now));
        END IF;
        IF p_note IS NOT NULL THEN  -- a claim's status with a note (edits.add_note)
            INSERT INTO counters (name, value) VALUES ('N', 1) ON CONFLICT (name)
                DO UPDATE SET value = counters.value + 1 RETURNING value INTO v_n;
            v_note_id := 'N' || v_n;
            INSERT INTO notes (id, target_id, text, created_at, created_by)
                VALUES (v_note_id, p_id, p_note, p_created, p_who);
            v_note := jsonb_build_object('id', v_note_id, 'target_id', p_id, 'text', p_note,
                                         'created_at', p_created, 'created_by', p_who);
            v_changes := (v_changes::jsonb || jsonb_build_array(jsonb_build_object(
                'op', 'insert', 'table', 'notes', 'key', jsonb_build_object('id', v_note_id),
                'after', v_note)))::json;
        END IF;
        v_before := json_build_object(p_kind, v_before);
        v_after := json_build_object(p_kind, v_after);
        IF v_nones IS NOT NULL THEN  -- records the action names that it did not make
            v_before := (v_before::jsonb || v_nones)::json;
            v_after := (v_after::jsonb || v_nones)::json;
        END IF;
        IF v_note IS NOT NULL THEN
            v_after := (v_after::jsonb || jsonb_build_object('note', v_note))::json;
        END IF;
        INSERT INTO audit (at, who, action, target, before, after, changes, session)
            VALUES (p_at, p_who, p_action, p_id, v_before::text, v_after::text,
                    v_changes::text, p_session)
            RETURNING id INTO v_audit;
        PERFORM pg_temp.wb_count(p_always || ARRAY(
            SELECT n FROM jsonb_each_text(p_per_col) AS e(n, c)
            WHERE c = ANY(v_changed) OR (c = '*' AND cardinality(v_changed) > 0)));
        RETURN json_build_object('outcome', 'done', 'audit', v_audit, 'read', v_old,
                                 'changes', v_changes, 'after', v_after);
    END $$""",
    # edits.add_note: the note on any record of the case, its audit row and the count
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_add_note(
        p_target text, p_text text, p_created text, p_who text, p_at text,
        p_session text, p_names text[])
    RETURNS json LANGUAGE plpgsql AS $$
    DECLARE v_n bigint; v_id text; v_note json; v_changes json; v_audit bigint;
    BEGIN
        IF NOT (EXISTS (SELECT 1 FROM articles WHERE id = p_target)
                OR EXISTS (SELECT 1 FROM actors WHERE id = p_target)
                OR EXISTS (SELECT 1 FROM claims WHERE id = p_target)
                OR EXISTS (SELECT 1 FROM events WHERE id = p_target)
                OR EXISTS (SELECT 1 FROM relations WHERE id = p_target)
                OR EXISTS (SELECT 1 FROM links WHERE id = p_target)
                OR EXISTS (SELECT 1 FROM notes WHERE id = p_target)) THEN
            RETURN json_build_object('outcome', 'missing');
        END IF;
        INSERT INTO counters (name, value) VALUES ('N', 1) ON CONFLICT (name)
            DO UPDATE SET value = counters.value + 1 RETURNING value INTO v_n;
        v_id := 'N' || v_n;
        INSERT INTO notes (id, target_id, text, created_at, created_by)
            VALUES (v_id, p_target, p_text, p_created, p_who);
        v_note := json_build_object('id', v_id, 'target_id', p_target, 'text', p_text,
                                    'created_at', p_created, 'created_by', p_who);
        v_changes := json_build_array(json_build_object(
            'op', 'insert', 'table', 'notes', 'key', json_build_object('id', v_id),
            'after', v_note));
        INSERT INTO audit (at, who, action, target, before, after, changes, session)
            VALUES (p_at, p_who, 'add_note', p_target, '{"note": null}',
                    json_build_object('note', v_note)::text, v_changes::text, p_session)
            RETURNING id INTO v_audit;
        PERFORM pg_temp.wb_count(p_names);
        RETURN json_build_object('outcome', 'done', 'audit', v_audit, 'id', v_id,
                                 'changes', v_changes);
    END $$""",
    # CaseFile.undo: the session's last action not undone, checked (`audit.changed_since`:
    # every row it wrote still as it left it) and reverted as `Transaction.revert` does
    # (a column set only where it differs; a row removed, or put back with its rowid),
    # its audit row and the undone one's `undone_by`, the count of changes with what the
    # revert touched (as `touched.Touched` names it); the entry undone, as
    # `reads.load_history` reads it, and what was written for the journal
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_undo(
        p_session text, p_at text, p_who text, p_always text[], p_unread text[])
    RETURNS json LANGUAGE plpgsql AS $$
    DECLARE
        v_last record; v_change jsonb; v_expect jsonb := '{}'; v_item jsonb; v_key jsonb;
        v_table text; v_where text; v_row jsonb; v_cols text[]; v_names text[] := '{}';
        v_ops jsonb := '[]'; v_undo bigint; v_entry jsonb; v_where_key text; c text;
        v_name constant text := '^[A-Za-z_][A-Za-z0-9_]*$';
    BEGIN
        SELECT id, action, target, changes INTO v_last FROM audit
            WHERE action <> 'undo' AND undone_by IS NULL AND session = p_session
            ORDER BY id DESC LIMIT 1;
        IF NOT FOUND OR v_last.changes IS NULL THEN
            RETURN json_build_object('outcome', 'fallback');
        END IF;
        -- audit._expected_rows: each row as the action left it (null: removed)
        FOR v_change IN SELECT * FROM jsonb_array_elements(v_last.changes::jsonb) LOOP
            v_where_key := (v_change->>'table') || ' ' || (v_change->'key')::text;
            IF v_change->>'op' = 'delete' THEN
                v_item := 'null';
            ELSIF v_change->>'op' = 'insert' THEN
                v_item := (v_change->'after') - 'rowid';
            ELSE
                v_item := coalesce(nullif(v_expect->v_where_key->'cols', 'null'), '{}')
                          || (v_change->'after');
            END IF;
            v_expect := v_expect || jsonb_build_object(v_where_key, jsonb_build_object(
                'table', v_change->'table', 'key', v_change->'key', 'cols', v_item));
        END LOOP;
        FOR v_item IN SELECT value FROM jsonb_each(v_expect) LOOP
            v_table := v_item->>'table';
            SELECT string_agg(format('%I::text = $1->>%L', k, k), ' AND ') INTO v_where
                FROM jsonb_object_keys(v_item->'key') AS k;
            EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE %s', v_table, v_where)
                INTO v_row USING v_item->'key';
            IF jsonb_typeof(v_item->'cols') = 'null' THEN
                IF v_row IS NOT NULL THEN
                    RETURN json_build_object('outcome', 'conflict');
                END IF;
            ELSIF v_row IS NULL OR EXISTS (
                    SELECT 1 FROM jsonb_each(v_item->'cols') AS e(k, v)
                    WHERE (v_row->e.k) IS DISTINCT FROM e.v) THEN
                RETURN json_build_object('outcome', 'conflict');
            END IF;
        END LOOP;
        -- Transaction.revert: the changes backwards
        FOR v_change IN SELECT value FROM jsonb_array_elements(v_last.changes::jsonb)
                WITH ORDINALITY AS x(value, o) ORDER BY o DESC LOOP
            v_table := v_change->>'table';
            v_key := v_change->'key';
            SELECT string_agg(format('%I::text = $1->>%L', k, k), ' AND ') INTO v_where
                FROM jsonb_object_keys(v_key) AS k;
            IF v_change->>'op' = 'delete' THEN
                v_row := v_change->'before';
                SELECT array_agg(k) INTO v_cols FROM jsonb_object_keys(v_row) AS k;
                EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM jsonb_populate_record(NULL::%I, $1)',
                               v_table, (SELECT string_agg(format('%I', k), ', ') FROM unnest(v_cols) k),
                               (SELECT string_agg(format('%I', k), ', ') FROM unnest(v_cols) k),
                               v_table) USING v_row;
                v_ops := v_ops || jsonb_build_array(jsonb_build_object(
                    'op', 'wrote', 'table', v_table, 'row', v_row));
                v_cols := '{}';
            ELSE
                EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE %s', v_table, v_where)
                    INTO v_row USING v_key;
                CONTINUE WHEN v_row IS NULL;
                IF v_change->>'op' = 'insert' THEN
                    EXECUTE format('DELETE FROM %I WHERE %s', v_table, v_where) USING v_key;
                    v_ops := v_ops || jsonb_build_array(jsonb_build_object(
                        'op', 'wrote', 'table', v_table, 'row', v_row));
                    v_cols := '{}';
                ELSE
                    SELECT coalesce(array_agg(e.k), '{}') INTO v_cols
                        FROM jsonb_each(v_change->'before') AS e(k, v)
                        WHERE e.k <> 'rowid' AND (v_row->e.k) IS DISTINCT FROM e.v;
                    CONTINUE WHEN cardinality(v_cols) = 0;
                    EXECUTE format('UPDATE %I SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::%I, $2)) WHERE %s',
                                   v_table,
                                   (SELECT string_agg(format('%I', k), ', ') FROM unnest(v_cols) k),
                                   (SELECT string_agg(format('%I', k), ', ') FROM unnest(v_cols) k),
                                   v_table, v_where) USING v_key, v_change->'before';
                    v_ops := v_ops || jsonb_build_array(jsonb_build_object(
                        'op', 'updated', 'table', v_table, 'row', v_row, 'cols', to_jsonb(v_cols),
                        'set', (SELECT jsonb_object_agg(k, v_change->'before'->k) FROM unnest(v_cols) k)));
                END IF;
            END IF;
            -- touched.Touched.wrote / updated: the counters of this write
            CONTINUE WHEN v_table = ANY(p_unread);
            IF v_table !~ v_name OR EXISTS (SELECT 1 FROM unnest(v_cols) k WHERE k !~ v_name) THEN
                v_names := v_names || 'changes:base'::text;
            ELSIF v_change->>'op' = 'update' THEN
                v_names := v_names || ('changes:table:' || v_table)
                    || ARRAY(SELECT 'changes:col:' || v_table || '.' || k FROM unnest(v_cols) k);
            ELSE
                v_names := v_names || ('changes:table:' || v_table) || ('changes:rows:' || v_table);
            END IF;
        END LOOP;
        INSERT INTO audit (at, who, action, target, before, after, changes, session)
            VALUES (p_at, p_who, 'undo', v_last.id::text,
                    json_build_object('entry', json_build_object('id', v_last.id,
                        'action', v_last.action, 'target', v_last.target, 'undone', false))::text,
                    json_build_object('entry', json_build_object('id', v_last.id,
                        'action', v_last.action, 'target', v_last.target, 'undone', true))::text,
                    NULL, p_session)
            RETURNING id INTO v_undo;
        UPDATE audit SET undone_by = v_undo WHERE id = v_last.id;
        PERFORM pg_temp.wb_count(p_always || v_names);
        SELECT to_jsonb(x) INTO v_entry FROM (
            SELECT id, at, who, action, target, before, after,
                   (undone_by IS NOT NULL)::int AS undone, (changes IS NOT NULL)::int AS undoable,
                   session FROM audit WHERE id = v_last.id) x;
        RETURN json_build_object('outcome', 'done', 'entry', v_entry, 'ops', v_ops);
    END $$""",
)

# how the audit row is inserted (`audit.write_entry`): what `touched` notes of it
AUDIT_INSERT = (
    "INSERT INTO audit (at, who, action, target, before, after, changes, session) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


class Editor(Protocol):
    """What the one-trip edits need of a case object (`CaseFile`)."""

    _store: Store
    user: str
    session: str

    def _remember(self, entry_id: int, changes: list[dict[str, Any]]) -> None: ...


def available(store: Store) -> bool:
    """Whether edits can be sent in one round trip: a case on a server, at this release's
    format, on a connection that could make its functions (or has not tried)."""
    db = store.db
    return (
        isinstance(db, postgres.Connection)
        and db.one_trip is not False
        and store.format_version == FORMAT_VERSION
        and not store.readonly
    )


def update_row(
    case: Editor,
    action: str,
    kind: str,
    record_id: str,
    values: Mapping[str, str],
    expected: object,
    none: Sequence[str] = (),
    note: str | None = None,
) -> Any:
    """Set text columns of one actor or claim (`values`, cleaned already, each named in
    its `edited` list) as `edits.update_actor` / `set_claim_status` do, in one round trip;
    `none`: records the audit row names as neither before nor after (a claim's status
    names its note, which `set_claim_status` may add); `note`: that note's text, added in
    the same action. The record as the edit leaves it, or None: done by the ordinary path
    instead."""
    store = case._store
    if not values or not available(store):
        return None
    if expected is not None and (isinstance(expected, bool) or not isinstance(expected, int)):
        return None  # the ordinary path says what is wrong with it
    table = {"actor": "actors", "claim": "claims"}[kind]
    cols = list(values)
    always, per_col = _counter_names(table, cols)
    if note is not None:  # the note's row too, as `Transaction.insert` notes it
        noted = touched.Touched()
        noted.wrote("notes", {"id": None, "target_id": record_id})
        always = list(dict.fromkeys([*always, *_names(noted)]))
    result = _one_trip(
        store,
        f"{action.replace('_', ' ')}",
        "SELECT pg_temp.wb_update(%s::text, %s::text, %s::text, %s::text[], %s::text[], %s::text[], "
        "%s::bigint, %s::text[], %s::jsonb, %s::text, %s::text, %s::text, %s::text, %s::text[], "
        "%s::text, %s::text)",
        (
            table,
            kind,
            record_id,
            cols,
            [values[c] for c in cols],
            cols,
            expected,
            always,
            json.dumps(per_col),
            now(),
            case.user,
            case.session,
            action,
            list(none),
            note,
            now(),
        ),
        lambda found: _noted_update(table, found),
    )
    if result is None:
        return None
    changes = result["changes"]
    case._remember(int(result["audit"]), changes)
    if kind == "actor":  # made of its state after, as the audit row has it
        return _actor_of_state(result["after"][kind])
    read = {k: v for k, v in result["read"].items() if k != "rowid"}  # as `SELECT *` hides it
    after = record_after(kind, record_id, read, [c for c in changes if c["table"] == table])
    return after if after is not None else _record_of_row(kind, record_id, read)


def _actor_of_state(state: dict[str, Any]) -> Any:
    """The actor (`CaseActor`) whose `to_dict()` is `state`, made by the read API's code."""
    actor_id = state["id"]
    row = {
        **{k: state[k] for k in ("id", "name", "type", "status", "version")},
        "roles": json.dumps(state["roles"]),
        "edited": json.dumps(state["edited"]),
    }
    found = _actor_records(
        [row],
        {actor_id: list(state["aliases"])},
        {actor_id: list(state["articles"])},
        {actor_id: int(state["mention_count"])},
    )
    return found[0]


def add_note(case: Editor, target_id: str, text: str) -> Any:
    """`edits.add_note` in one round trip: the note, or None (the ordinary path then)."""
    from .records import Note

    store = case._store
    if not text.strip() or not available(store):
        return None
    noted = touched.Touched()
    noted.wrote("notes", {"id": None, "target_id": target_id})
    noted.statement(AUDIT_INSERT)
    created = now()
    result = _one_trip(
        store,
        "add a note",
        "SELECT pg_temp.wb_add_note(%s::text, %s::text, %s::text, %s::text, %s::text, %s::text, "
        "%s::text[])",
        (target_id, text, created, case.user, now(), case.session, _names(noted)),
        lambda found: _noted_insert(found),
    )
    if result is None:
        return None
    case._remember(int(result["audit"]), result["changes"])
    return Note(
        id=result["id"], target_id=target_id, text=text, created_at=created, created_by=case.user
    )


def undo(case: Editor) -> Any:
    """`CaseFile.undo` in one round trip: the history entry undone, or None (nothing to
    undo, an action that cannot be undone, one whose rows another session changed since:
    the ordinary path then, which says so)."""
    store = case._store
    if not available(store):
        return None
    base = touched.Touched()
    base.statement(UNDONE_BY)
    result = _one_trip(
        store,
        "undo",
        "SELECT pg_temp.wb_undo(%s::text, %s::text, %s::text, %s::text[], %s::text[])",
        (case.session, now(), case.user, _names(base), sorted(touched._UNREAD)),
        _noted_revert,
    )
    if result is None:
        return None
    # as `reads.load_history` makes it of its row
    entry = dict(result["entry"])
    entry["before"], entry["after"] = _json(entry["before"]), _json(entry["after"])
    return HistoryEntry(**entry)


# how `CaseFile.undo` marks the entry it undid (what `touched` notes of it)
UNDONE_BY = "UPDATE audit SET undone_by = ? WHERE id = ?"


def _noted_revert(found: dict[str, Any]) -> touched.Touched:
    """What an undo's revert touched, as `Transaction.revert` notes it."""
    noted = touched.Touched()
    for op in found["ops"]:
        row = op["row"]
        if op["op"] == "updated":
            noted.updated(op["table"], op["cols"], row, {**row, **op["set"]})
        else:
            noted.wrote(op["table"], row)
    noted.statement(UNDONE_BY)
    return noted


def _names(noted: touched.Touched) -> list[str]:
    """The counters a change noted as `noted` moves, as `touched.count_statement` names
    them."""
    return ["changes", "changes:tracked", *noted.names()]


def _counter_names(table: str, cols: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """The counters an update of `cols` (and `edited`, `version`) of one row of `table`
    with its audit row moves: those moved whatever changed, and the rest by the column
    whose change moves them ("*": any column's)."""
    base = touched.Touched()
    base.statement(AUDIT_INSERT)
    always = _names(base)
    any_column = touched.Touched()
    any_column.updated(table, [])
    for_any = set(any_column.names())
    per_col: dict[str, str] = {}
    for column in [*cols, "edited", "version"]:
        one = touched.Touched()
        one.updated(table, [column])
        for name in one.names():
            if name not in always:
                per_col[name] = "*" if name in for_any or column == "version" else column
    return always, per_col


def _noted_update(table: str, found: dict[str, Any]) -> touched.Touched:
    """What the update touched, as `Transaction.update` notes it (the journal's entry)."""
    noted = touched.Touched()
    read = {k: v for k, v in found["read"].items() if k != "rowid"}  # as `SELECT *` hides it
    for change in found["changes"]:
        if change["op"] == "update":
            noted.updated(table, list(change["after"]), read, {**read, **change["after"]})
        else:  # a claim's status's note
            noted.wrote(change["table"], change["after"])
    noted.statement(AUDIT_INSERT)
    return noted


def _noted_insert(found: dict[str, Any]) -> touched.Touched:
    noted = touched.Touched()
    for change in found["changes"]:
        noted.wrote(change["table"], change["after"])
    noted.statement(AUDIT_INSERT)
    return noted


def _one_trip(
    store: Store,
    what: str,
    sql: str,
    params: Sequence[Any],
    noted: Callable[[dict[str, Any]], touched.Touched],
) -> dict[str, Any] | None:
    """BEGIN with the writers' lock, the functions if this connection has not made them
    yet, the call and COMMIT, in one round trip. The call's answer when it did the edit
    (its change then in the store's journal, `noted`), else None (nothing written)."""
    db = store.db
    assert isinstance(db, postgres.Connection)
    answer: list[Any] = []
    installing = not db.one_trip
    with store.lock:
        if store.closed:
            raise CaseError(f"{store.path} is closed: cannot {what}")
        if db.in_transaction:  # this thread's own: only it can hold the lock
            raise CaseError(f"cannot {what} inside another change to the case")
        db.execute("BEGIN IMMEDIATE")  # sent with what follows
        if installing:
            for function in FUNCTIONS:
                db.execute_native_later(function)
        db.execute_native_later(sql, params, lambda rows: answer.append(rows[0][0]))
        try:
            db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            store._rollback()
            if "busy or locked" in str(exc):
                raise CaseError(f"cannot {what}: {exc}") from None
            if installing:  # no temporary functions for this role: the ordinary path
                db.one_trip = False
            return None
        except sqlite3.DatabaseError:
            store._rollback()
            return None
        db.one_trip = True
        found = answer[0] if answer else None
        if not isinstance(found, dict) or found.get("outcome") != "done":
            return None
        store.committed(noted(found))
    return found


__all__ = ["FUNCTIONS", "add_note", "available", "undo", "update_row"]
