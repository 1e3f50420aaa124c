"""The server side of the one-round-trip edits (`pg_edits.py`): functions of the
connection's own (`pg_temp`), made in its first such edit's round trip.

Three layers, each written once:

- the records as the audit log keeps them (`wb_actor_state`, `wb_claim_state`,
  `wb_link_state`: the fields of `to_dict()`, worked out as `reads` works them out);
- the recorder, as `Transaction` and `CaseFile._recording` write an action: a row set
  (`wb_set`: the changed columns only, the version bumped once per row and action), added
  (`wb_ins`) or removed (`wb_del`), each recorded in the action's log (`wb_log`, a
  temporary table: a row per write, so an action of thousands of writes stays linear;
  `changes`, the undo data as `Transaction` records it, and `ops`, what it wrote, from
  which the client notes the journal's entry as `touched.Touched` would); then
  `wb_finish`: the one audit insert (`wb_audit`) and the count of changes with what the
  writes touched (`wb_names`, `wb_count`);
- the edits themselves, each the ordinary path's steps in the same order, answering
  `{"outcome": ...}`: anything but "done" wrote nothing and the client takes the
  ordinary path, whose errors a person knows.
"""

from __future__ import annotations

from .audit import AUDIT_COLUMNS
from .migrations import VERSIONED_TABLES

_VERSIONED = "ARRAY[" + ", ".join(f"'{t}'" for t in VERSIONED_TABLES) + "]::text[]"

STATES = (
    # a stored JSON list as reads' `_json(value, [])` reads it
    # (plain SQL: the planner writes it into the queries that call it, 2,700 calls of
    # a PL/pgSQL function in 40 edits of each kind. The others that are PL/pgSQL stay so:
    # as SQL they were planned at every call, 4 to 7 times slower)
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_list(p text) RETURNS json
    LANGUAGE sql IMMUTABLE AS
    $$ SELECT CASE WHEN coalesce(p, '') = '' THEN '[]'::json ELSE p::json END $$""",
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
    # an event as `reads._event_from_row` makes it, as `to_dict()` gives it
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_event_state(p_id text) RETURNS json
    LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN (
    SELECT json_build_object(
        'id', e.id, 'date', e.date, 'precision', e.precision, 'date_text', e.date_text,
        'start', e.start, 'end', e."end", 'date_end', e.date_end, 'summary', e.summary,
        'actors', pg_temp.wb_list(e.actors), 'claim', e.claim, 'article_id', e.article_id,
        'review', e.review,
        'origin', CASE WHEN json_array_length(pg_temp.wb_list(e.edited)) > 0
                       THEN 'user' ELSE 'extracted' END,
        'edited', pg_temp.wb_list(e.edited), 'version', e.version)
    FROM events e WHERE e.id = p_id); END $$""",
    # a source link as `reads.load_links` makes it, as `to_dict()` gives it
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_link_state(p_id text) RETURNS json
    LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN (
    SELECT json_build_object(
        'id', l.id, 'claim_id', l.claim_id, 'relation', l.relation, 'actor_id', l.actor_id,
        'url', l.url, 'note', l.note, 'created_at', l.created_at, 'created_by', l.created_by,
        'version', l.version)
    FROM links l WHERE l.id = p_id); END $$""",
)

RECORDER = (
    # an action's log, as `Transaction` keeps one in Python: its changes (the undo data)
    # and what it wrote, one row per write (a row per write, not a JSON value grown and
    # copied at each: a merge or split of thousands of rows stays linear), and the rows
    # whose version it bumped. The connection's own; emptied by `wb_finish` (an action
    # that does not reach it raises, and its rows go with the rollback). Not ON COMMIT
    # DELETE ROWS: that truncates the table and rebuilds its index at every commit of a
    # transaction that calls a pg_temp function, each edit's (10 ms more at p50, measured)
    r"""CREATE TEMP TABLE IF NOT EXISTS wb_log (
        seq bigint GENERATED ALWAYS AS IDENTITY, change jsonb, op jsonb, bumped text)""",
    r"""CREATE INDEX IF NOT EXISTS wb_log_bumped ON pg_temp.wb_log (bumped)""",
    # an undo's rows (`pg_edit_sql.wb_undo`), one each: its table and key, the columns as
    # the action left them (`cols`, null: removed) and the row as it is now (`now`)
    r"""CREATE TEMP TABLE IF NOT EXISTS wb_rows (
        key text PRIMARY KEY, tbl text, rkey jsonb, cols jsonb, now jsonb)""",
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
    # audit.write_entry's row (its columns: `audit.AUDIT_COLUMNS`), the one audit insert
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_audit(
        p_at text, p_who text, p_action text, p_target text, p_before text, p_after text,
        p_changes text, p_session text)
    RETURNS bigint LANGUAGE plpgsql AS $$
    DECLARE v_id bigint;
    BEGIN
        INSERT INTO audit (AUDIT_COLUMNS)
            VALUES (p_at, p_who, p_action, p_target, p_before, p_after, p_changes, p_session)
            RETURNING id INTO v_id;
        RETURN v_id;
    END $$""",
    # backend.next_counter: the counter plus one, stored
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_next(p_name text) RETURNS bigint
    LANGUAGE plpgsql AS $$
    DECLARE v_n bigint;
    BEGIN
        INSERT INTO counters (name, value) VALUES (p_name, 1) ON CONFLICT (name)
            DO UPDATE SET value = counters.value + 1 RETURNING value INTO v_n;
        RETURN v_n;
    END $$""",
    # edits.add_note's row: the note (its next id), as its insert's undo data
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_note(
        p_target text, p_text text, p_created text, p_who text)
    RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE v_id text := 'N' || pg_temp.wb_next('N');
    BEGIN
        INSERT INTO notes (id, target_id, text, created_at, created_by)
            VALUES (v_id, p_target, p_text, p_created, p_who);
        RETURN jsonb_build_object('op', 'insert', 'table', 'notes',
            'key', jsonb_build_object('id', v_id),
            'after', jsonb_build_object('id', v_id, 'target_id', p_target, 'text', p_text,
                                        'created_at', p_created, 'created_by', p_who));
    END $$""",
    # a list of plain words as Python's json.dumps writes it (edited lists, roles, actor
    # ids); NULL for any other word (its escaping may differ: the ordinary path then)
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_json_list(p text[]) RETURNS text
    LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM unnest(p) e WHERE e IS NULL OR e !~ '^[A-Za-z0-9_ .:/-]*$') THEN
            RETURN NULL;
        END IF;
        RETURN '[' || coalesce((SELECT string_agg('"' || e || '"', ', ' ORDER BY o)
                                FROM unnest(p) WITH ORDINALITY AS u(e, o)), '') || ']';
    END $$""",
    # edits._with_edited: the stored list, then the new names, each once (NULL: unusual)
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_edited(p_stored text, p_names text[])
    RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
        RETURN pg_temp.wb_json_list(ARRAY(
            SELECT e FROM (
                SELECT e, min(o) AS o FROM (
                    SELECT e, o FROM json_array_elements_text(pg_temp.wb_list(p_stored))
                        WITH ORDINALITY AS t(e, o)
                    UNION ALL
                    SELECT e, 1000000000 + o FROM unnest(p_names) WITH ORDINALITY AS u(e, o)
                ) x GROUP BY e) y ORDER BY o));
    END $$""",
    # resolve.normalise_name for a name of printable ASCII (the accents and case folding
    # of other scripts are Python's: NULL, and the ordinary path, for those); checked
    # against it by tests/case/test_postgres_one_trip.py
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_norm(p text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE AS $$
    DECLARE v text;
    BEGIN
        IF p IS NULL OR p !~ '^[ -~]*$' THEN
            RETURN NULL;
        END IF;
        v := lower(replace(p, '''', ''));
        v := btrim(regexp_replace(replace(regexp_replace(v, '[^a-z0-9_]+', ' ', 'g'), '_', ' '),
                                  ' +', ' ', 'g'));
        RETURN regexp_replace(v, '^(the|al|el|ad|an|as|ash|at|az) (?=[^ ])', '');
    END $$""",
    # a name's normal form: the server's for plain ASCII (`wb_norm`), else the one the
    # client worked out with `resolve.normalise_name` (`p_norms`, by name), else NULL
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_norm_of(p text, p_norms jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(pg_temp.wb_norm(p), p_norms->>p) $$""",
    # the names among `p` that neither the server nor `p_norms` can normalise: the
    # client is asked for them (outcome "names") before anything is written
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_unnormalised(p text[], p_norms jsonb)
    RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_agg(DISTINCT n), '[]') FROM unnest(p) n
    WHERE n IS NOT NULL AND pg_temp.wb_norm_of(n, p_norms) IS NULL $$""",
    # a row's key as a WHERE clause on $1 (the key as JSON)
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_where(p_key jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(format('%I::text = $1->>%L', k, k), ' AND ')
    FROM jsonb_object_keys(p_key) AS k $$""",
    # versions.checked_row: 'missing', 'stale', or NULL (the row is at the version seen)
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_check(p_table text, p_id text, p_expected bigint)
    RETURNS text LANGUAGE plpgsql AS $$
    DECLARE v bigint;
    BEGIN
        -- (EXECUTE leaves FOUND as it was: a row's version is never NULL)
        EXECUTE format('SELECT version FROM %I WHERE id = $1', p_table) INTO v USING p_id;
        IF v IS NULL THEN
            RETURN 'missing';
        END IF;
        RETURN CASE WHEN p_expected IS NOT NULL AND v IS DISTINCT FROM p_expected
                    THEN 'stale' END;
    END $$""",
    # api._check_versions: each row of `p_expected` ({id: version seen}) checked by
    # `wb_check`; the first not as seen ('missing', 'stale': the ordinary path then says
    # which, with its message), or NULL. The one loop of the edits that check several rows
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_check_all(p_table text, p_expected jsonb)
    RETURNS text LANGUAGE plpgsql AS $$
    DECLARE v_out text; v_seen record;
    BEGIN
        FOR v_seen IN SELECT key, value FROM jsonb_each_text(coalesce(p_expected, '{}')) LOOP
            v_out := pg_temp.wb_check(p_table, v_seen.key, v_seen.value::bigint);
            IF v_out IS NOT NULL THEN
                RETURN v_out;
            END IF;
        END LOOP;
        RETURN NULL;
    END $$""",
    # Transaction.update: the columns that differ set, the version bumped by the first
    # update of a checked row in this action, recorded in the action's log (`wb_log`)
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_set(p_table text, p_key jsonb, p_vals jsonb)
    RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
        v_where text := pg_temp.wb_where(p_key); v_row jsonb; v_cols text[]; v_list text;
        v_mark text := p_table || ' ' || coalesce(p_key->>'id', '');
    BEGIN
        EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE %s', p_table, v_where)
            INTO v_row USING p_key;
        IF v_row IS NULL THEN
            RETURN;
        END IF;
        SELECT coalesce(array_agg(e.k), '{}') INTO v_cols FROM jsonb_each(p_vals) AS e(k, v)
            WHERE e.k <> 'rowid' AND (v_row->e.k) IS DISTINCT FROM e.v;
        IF cardinality(v_cols) = 0 THEN
            RETURN;
        END IF;
        IF p_table = ANY(VERSIONED) AND p_key ? 'id' AND NOT ('version' = ANY(v_cols))
                AND NOT EXISTS (SELECT 1 FROM pg_temp.wb_log WHERE bumped = v_mark) THEN
            v_cols := v_cols || 'version'::text;
            p_vals := p_vals || jsonb_build_object('version', (v_row->>'version')::bigint + 1);
            INSERT INTO pg_temp.wb_log (bumped) VALUES (v_mark);
        END IF;
        v_list := (SELECT string_agg(format('%I', k), ', ') FROM unnest(v_cols) k);
        EXECUTE format('UPDATE %I SET (%s) = (SELECT %s FROM jsonb_populate_record(NULL::%I, $2)) WHERE %s',
                       p_table, v_list, v_list, p_table, v_where) USING p_key, p_vals;
        p_vals := (SELECT jsonb_object_agg(k, p_vals->k) FROM unnest(v_cols) k);
        INSERT INTO pg_temp.wb_log (change, op) VALUES (
            jsonb_build_object('op', 'update', 'table', p_table, 'key', p_key,
                'before', (SELECT jsonb_object_agg(k, v_row->k) FROM unnest(v_cols) k),
                'after', p_vals),
            jsonb_build_object('op', 'updated', 'table', p_table, 'row', v_row,
                               'cols', to_jsonb(v_cols), 'set', p_vals));
    END $$""",
    # `wb_set` of one column to one value on many rows by id (`p_ids`, in that order: a
    # merge's or split's moves), in three statements whatever their number, not a
    # function call with two statements made as text for each row: the same writes,
    # versions bumped and log rows as `wb_set` on each row in turn
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_move(
        p_table text, p_column text, p_ids text[], p_value text)
    RETURNS void LANGUAGE plpgsql AS $$
    DECLARE v_versioned boolean := p_table = ANY(VERSIONED);
    BEGIN
        IF cardinality(p_ids) = 0 THEN
            RETURN;
        END IF;
        EXECUTE format($f$
            WITH was AS (
                SELECT g.o, to_jsonb(t) AS r, %3$s AND NOT EXISTS (
                    SELECT 1 FROM pg_temp.wb_log l WHERE l.bumped = %1$L || ' ' || t.id) AS bump
                FROM unnest($1::text[]) WITH ORDINALITY AS g(id, o) JOIN %1$I t ON t.id = g.id
                WHERE t.%2$I IS DISTINCT FROM $2),
            moved AS (
                UPDATE %1$I t SET %2$I = $2 %4$s FROM was WHERE t.id = was.r->>'id'),
            logged AS (
                SELECT o, r, bump,
                    jsonb_build_object(%2$L, r->%2$L) || CASE WHEN bump
                        THEN jsonb_build_object('version', r->'version') ELSE '{}' END AS before,
                    jsonb_build_object(%2$L, $2) || CASE WHEN bump
                        THEN jsonb_build_object('version', (r->>'version')::bigint + 1)
                        ELSE '{}' END AS after
                FROM was)
            INSERT INTO pg_temp.wb_log (change, op, bumped)
            SELECT change, op, bumped FROM (
                SELECT o, 0 AS k, NULL::jsonb AS change, NULL::jsonb AS op,
                       %1$L || ' ' || (r->>'id') AS bumped FROM logged WHERE bump
                UNION ALL
                SELECT o, 1, jsonb_build_object('op', 'update', 'table', %1$L,
                        'key', jsonb_build_object('id', r->>'id'), 'before', before, 'after', after),
                    jsonb_build_object('op', 'updated', 'table', %1$L, 'row', r,
                        'cols', CASE WHEN bump THEN jsonb_build_array(%2$L, 'version')
                                     ELSE jsonb_build_array(%2$L) END, 'set', after),
                    NULL FROM logged) x
            ORDER BY o, k$f$,
            p_table, p_column, v_versioned::text,
            CASE WHEN v_versioned
                 THEN ', version = CASE WHEN was.bump THEN t.version + 1 ELSE t.version END'
                 ELSE '' END) USING p_ids, p_value;
    END $$""",
    # Transaction.insert: the row added, its key (`p_keys`) and the row as undo data
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_ins(p_table text, p_row jsonb, p_keys text[])
    RETURNS void LANGUAGE plpgsql AS $$
    DECLARE v_list text := (SELECT string_agg(format('%I', k), ', ') FROM jsonb_object_keys(p_row) k);
    BEGIN
        EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM jsonb_populate_record(NULL::%I, $1)',
                       p_table, v_list, v_list, p_table) USING p_row;
        INSERT INTO pg_temp.wb_log (change, op) VALUES (
            jsonb_build_object('op', 'insert', 'table', p_table,
                'key', (SELECT jsonb_object_agg(k, p_row->k) FROM unnest(p_keys) k),
                'after', p_row),
            jsonb_build_object('op', 'wrote', 'table', p_table, 'row', p_row));
    END $$""",
    # Transaction.delete: the row removed, kept whole (with its rowid) as undo data
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_del(p_table text, p_key jsonb)
    RETURNS void LANGUAGE plpgsql AS $$
    DECLARE v_where text := pg_temp.wb_where(p_key); v_row jsonb;
    BEGIN
        EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE %s', p_table, v_where)
            INTO v_row USING p_key;
        IF v_row IS NULL THEN
            RETURN;
        END IF;
        EXECUTE format('DELETE FROM %I WHERE %s', p_table, v_where) USING p_key;
        INSERT INTO pg_temp.wb_log (change, op) VALUES (
            jsonb_build_object('op', 'delete', 'table', p_table, 'key', p_key, 'before', v_row),
            jsonb_build_object('op', 'wrote', 'table', p_table, 'row', v_row));
    END $$""",
    # touched.Touched.wrote / updated: the counters the writes move (tables no kept
    # result reads, `p_unread`, left out; a name that is not plain: the whole case)
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_names(p_ops jsonb, p_unread text[])
    RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
    DECLARE
        v_op jsonb; v_table text; v_cols text[]; v_names text[] := '{}';
        v_name constant text := '^[A-Za-z_][A-Za-z0-9_]*$';
    BEGIN
        FOR v_op IN SELECT value FROM jsonb_array_elements(p_ops) LOOP
            v_table := v_op->>'table';
            CONTINUE WHEN v_table = ANY(p_unread);
            v_cols := ARRAY(SELECT jsonb_array_elements_text(coalesce(v_op->'cols', '[]')));
            IF v_table !~ v_name OR EXISTS (SELECT 1 FROM unnest(v_cols) k WHERE k !~ v_name) THEN
                v_names := v_names || 'changes:base'::text;
            ELSIF v_op->>'op' = 'updated' THEN
                v_names := v_names || ('changes:table:' || v_table)
                    || ARRAY(SELECT 'changes:col:' || v_table || '.' || k FROM unnest(v_cols) k);
            ELSE
                v_names := v_names || ('changes:table:' || v_table) || ('changes:rows:' || v_table);
            END IF;
        END LOOP;
        RETURN v_names;
    END $$""",
    # CaseFile._recording's end: the audit row (its undo data the action's changes, as
    # logged) and the count of changes; `p_ctx`: at, who, session, and the counters moved
    # whatever was written (`always`) and the tables not noted (`unread`). The log emptied
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_finish(
        p_action text, p_target text, p_before json, p_after json, p_ctx jsonb)
    RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE v_audit bigint; v_changes jsonb; v_ops jsonb;
    BEGIN
        SELECT coalesce(jsonb_agg(change ORDER BY seq), '[]'),
               coalesce(jsonb_agg(op ORDER BY seq), '[]')
            INTO v_changes, v_ops FROM pg_temp.wb_log WHERE change IS NOT NULL;
        DELETE FROM pg_temp.wb_log;
        v_audit := pg_temp.wb_audit(p_ctx->>'at', p_ctx->>'who', p_action, p_target,
            p_before::text, p_after::text, v_changes::text, p_ctx->>'session');
        PERFORM pg_temp.wb_count(
            ARRAY(SELECT jsonb_array_elements_text(p_ctx->'always'))
            || pg_temp.wb_names(v_ops,
                                ARRAY(SELECT jsonb_array_elements_text(p_ctx->'unread'))));
        RETURN jsonb_build_object('outcome', 'done', 'audit', v_audit,
                                  'changes', v_changes, 'ops', v_ops, 'after', p_after);
    END $$""",
)


def _sql(text: str) -> str:
    # the audit's columns from the one place audit.py names them; the checked tables
    return text.replace("AUDIT_COLUMNS", ", ".join(AUDIT_COLUMNS)).replace("VERSIONED", _VERSIONED)


def functions(*groups: tuple[str, ...]) -> tuple[str, ...]:
    """The functions' statements, ready to send."""
    return tuple(_sql(text) for group in groups for text in group)


__all__ = ["RECORDER", "STATES", "functions"]
