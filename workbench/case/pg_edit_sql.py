"""The one-round-trip edits' own functions on the server (`pg_edits.py` calls them;
`pg_functions.py` holds the records' states and the recorder they are written with).

Each does an edit's steps in the ordinary path's order (`edits.py`, `checking.py`,
`CaseFile`), and answers `{"outcome": ...}`: "done" with what `wb_finish` gives, or why it
wrote nothing ("missing", "stale", "duplicate", "conflict", "unusual", "fallback"), the
ordinary path then doing it again with its own errors and messages; or "names": the names
the server cannot normalise as `resolve.normalise_name` does (other than plain ASCII),
asked of the client before anything is written, which calls again with them.
"""

from __future__ import annotations

EDITS = (
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
        v_old jsonb; v_before json; v_after json; v_edited text; v_note jsonb;
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
        v_edited := pg_temp.wb_edited(v_old->>'edited', p_edited);
        IF v_edited IS NULL THEN
            RETURN json_build_object('outcome', 'unusual');
        END IF;
        v_cols := p_cols || 'edited'::text;
        v_vals := p_vals || v_edited;
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
            v_note := pg_temp.wb_note(p_id, p_note, p_created, p_who);
            v_changes := (v_changes::jsonb || jsonb_build_array(v_note))::json;
            v_note := v_note->'after';
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
        v_audit := pg_temp.wb_audit(p_at, p_who, p_action, p_id, v_before::text,
                                    v_after::text, v_changes::text, p_session);
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
    DECLARE v_change jsonb; v_audit bigint;
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
        v_change := pg_temp.wb_note(p_target, p_text, p_created, p_who);
        v_audit := pg_temp.wb_audit(p_at, p_who, 'add_note', p_target, '{"note": null}',
            jsonb_build_object('note', v_change->'after')::text,
            jsonb_build_array(v_change)::text, p_session);
        PERFORM pg_temp.wb_count(p_names);
        RETURN json_build_object('outcome', 'done', 'audit', v_audit,
                                 'id', v_change->'key'->>'id', 'changes', jsonb_build_array(v_change));
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
        v_last record; v_change jsonb; v_key jsonb; v_table text; v_where text;
        v_row jsonb; v_cols text[]; v_ops jsonb; v_undo bigint; v_entry jsonb;
        v_where_key text; v_seen record;
    BEGIN
        SELECT id, action, target, changes INTO v_last FROM audit
            WHERE action <> 'undo' AND undone_by IS NULL AND session = p_session
            ORDER BY id DESC LIMIT 1;
        IF NOT FOUND OR v_last.changes IS NULL THEN
            RETURN json_build_object('outcome', 'fallback');
        END IF;
        -- the rows the action wrote, one row each in `wb_rows` (a table, not a JSON value
        -- grown and copied at each: an undo of thousands of rows stays linear)
        DELETE FROM pg_temp.wb_rows;  -- a conflict's, left by the last undo
        -- audit._expected_rows: each row as the action left it (null: removed)
        FOR v_change IN SELECT * FROM jsonb_array_elements(v_last.changes::jsonb) LOOP
            INSERT INTO pg_temp.wb_rows AS r (key, tbl, rkey, cols) VALUES (
                (v_change->>'table') || ' ' || (v_change->'key')::text, v_change->>'table',
                v_change->'key', CASE v_change->>'op'
                    WHEN 'delete' THEN 'null'::jsonb
                    WHEN 'insert' THEN (v_change->'after') - 'rowid'
                    ELSE v_change->'after' END)
            ON CONFLICT (key) DO UPDATE SET cols = CASE WHEN v_change->>'op' = 'update'
                THEN coalesce(nullif(r.cols, 'null'::jsonb), '{}') || excluded.cols
                ELSE excluded.cols END;
        END LOOP;
        FOR v_seen IN SELECT key, tbl, rkey, cols FROM pg_temp.wb_rows LOOP
            SELECT string_agg(format('%I::text = $1->>%L', k, k), ' AND ') INTO v_where
                FROM jsonb_object_keys(v_seen.rkey) AS k;
            EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE %s', v_seen.tbl, v_where)
                INTO v_row USING v_seen.rkey;
            -- kept for the revert below, which read each row again before
            UPDATE pg_temp.wb_rows SET now = coalesce(v_row, 'null') WHERE key = v_seen.key;
            IF jsonb_typeof(v_seen.cols) = 'null' THEN
                IF v_row IS NOT NULL THEN
                    RETURN json_build_object('outcome', 'conflict');
                END IF;
            ELSIF v_row IS NULL OR EXISTS (
                    SELECT 1 FROM jsonb_each(v_seen.cols) AS e(k, v)
                    WHERE (v_row->e.k) IS DISTINCT FROM e.v) THEN
                RETURN json_build_object('outcome', 'conflict');
            END IF;
        END LOOP;
        -- Transaction.revert: the changes backwards, each write logged (`wb_log`'s `op`)
        FOR v_change IN SELECT value FROM jsonb_array_elements(v_last.changes::jsonb)
                WITH ORDINALITY AS x(value, o) ORDER BY o DESC LOOP
            v_table := v_change->>'table';
            v_key := v_change->'key';
            v_where_key := v_table || ' ' || v_key::text;
            SELECT string_agg(format('%I::text = $1->>%L', k, k), ' AND ') INTO v_where
                FROM jsonb_object_keys(v_key) AS k;
            IF v_change->>'op' = 'delete' THEN
                v_row := v_change->'before';
                SELECT array_agg(k) INTO v_cols FROM jsonb_object_keys(v_row) AS k;
                EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM jsonb_populate_record(NULL::%I, $1)',
                               v_table, (SELECT string_agg(format('%I', k), ', ') FROM unnest(v_cols) k),
                               (SELECT string_agg(format('%I', k), ', ') FROM unnest(v_cols) k),
                               v_table) USING v_row;
                INSERT INTO pg_temp.wb_log (op) VALUES (jsonb_build_object(
                    'op', 'wrote', 'table', v_table, 'row', v_row));
                UPDATE pg_temp.wb_rows SET now = v_row WHERE key = v_where_key;
            ELSE
                -- the row as the check read it, with this revert's own writes since
                SELECT now INTO v_row FROM pg_temp.wb_rows WHERE key = v_where_key;
                CONTINUE WHEN v_row IS NULL OR jsonb_typeof(v_row) = 'null';
                IF v_change->>'op' = 'insert' THEN
                    EXECUTE format('DELETE FROM %I WHERE %s', v_table, v_where) USING v_key;
                    UPDATE pg_temp.wb_rows SET now = 'null' WHERE key = v_where_key;
                    INSERT INTO pg_temp.wb_log (op) VALUES (jsonb_build_object(
                        'op', 'wrote', 'table', v_table, 'row', v_row));
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
                    INSERT INTO pg_temp.wb_log (op) VALUES (jsonb_build_object(
                        'op', 'updated', 'table', v_table, 'row', v_row, 'cols', to_jsonb(v_cols),
                        'set', (SELECT jsonb_object_agg(k, v_change->'before'->k) FROM unnest(v_cols) k)));
                    UPDATE pg_temp.wb_rows SET now = v_row || (
                        SELECT jsonb_object_agg(k, v_change->'before'->k) FROM unnest(v_cols) k)
                        WHERE key = v_where_key;
                END IF;
            END IF;
        END LOOP;
        SELECT coalesce(jsonb_agg(op ORDER BY seq), '[]') INTO v_ops FROM pg_temp.wb_log;
        DELETE FROM pg_temp.wb_log;
        DELETE FROM pg_temp.wb_rows;
        v_undo := pg_temp.wb_audit(p_at, p_who, 'undo', v_last.id::text,
            json_build_object('entry', json_build_object('id', v_last.id,
                'action', v_last.action, 'target', v_last.target, 'undone', false))::text,
            json_build_object('entry', json_build_object('id', v_last.id,
                'action', v_last.action, 'target', v_last.target, 'undone', true))::text,
            NULL, p_session);
        UPDATE audit SET undone_by = v_undo WHERE id = v_last.id;
        PERFORM pg_temp.wb_count(p_always || pg_temp.wb_names(v_ops, p_unread));
        SELECT to_jsonb(x) INTO v_entry FROM (
            SELECT id, at, who, action, target, before, after,
                   (undone_by IS NOT NULL)::int AS undone, (changes IS NOT NULL)::int AS undoable,
                   session FROM audit WHERE id = v_last.id) x;
        RETURN json_build_object('outcome', 'done', 'entry', v_entry, 'ops', v_ops);
    END $$""",
    # CaseFile.link_source (edits.link_source): the claim, the source (an actor of the
    # case, else a URL when `p_url_ok`), no such link yet, the link's next id
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_link_source(
        p_claim text, p_source text, p_url_ok boolean, p_relation text, p_note text,
        p_created text, p_ctx jsonb)
    RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE v_actor text; v_url text; v_id text;
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM claims WHERE id = p_claim) THEN
            RETURN jsonb_build_object('outcome', 'missing');
        END IF;
        IF EXISTS (SELECT 1 FROM actors WHERE id = p_source) THEN
            v_actor := p_source;
        ELSIF p_url_ok THEN
            v_url := p_source;
        ELSE
            RETURN jsonb_build_object('outcome', 'missing');
        END IF;
        IF EXISTS (SELECT 1 FROM links WHERE claim_id = p_claim AND relation = p_relation
                   AND actor_id IS NOT DISTINCT FROM v_actor AND url IS NOT DISTINCT FROM v_url) THEN
            RETURN jsonb_build_object('outcome', 'duplicate');
        END IF;
        v_id := 'L' || pg_temp.wb_next('L');
        PERFORM pg_temp.wb_ins('links', jsonb_build_object(
            'id', v_id, 'claim_id', p_claim, 'relation', p_relation, 'actor_id', v_actor,
            'url', v_url, 'note', p_note, 'created_at', p_created,
            'created_by', p_ctx->>'who'), '{id}');
        RETURN pg_temp.wb_finish('link_source', p_claim, '{"link": null}',
                                 json_build_object('link', pg_temp.wb_link_state(v_id)), p_ctx);
    END $$""",
    # CaseFile.unlink_source: the link at the version seen, removed; the target its claim
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_unlink_source(
        p_link text, p_expected bigint, p_ctx jsonb)
    RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE v_out text := pg_temp.wb_check('links', p_link, p_expected); v_before json;
    BEGIN
        IF v_out IS NOT NULL THEN
            RETURN jsonb_build_object('outcome', v_out);
        END IF;
        v_before := pg_temp.wb_link_state(p_link);
        PERFORM pg_temp.wb_del('links', jsonb_build_object('id', p_link));
        RETURN pg_temp.wb_finish(
            'unlink_source', v_before->>'claim_id', json_build_object('link', v_before),
            '{"link": null}', p_ctx);
    END $$""",
    # CaseFile.update_actors and update_actor (a rename too: edits.update_actor's alias
    # rule of the new name, `p_norm`, for each type of the actor's rules): the versions
    # seen (by id), each actor's columns `p_vals` set and its `edited` grown by
    # `p_edited`; the audit's records keyed by `p_keys` (one per id)
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_update_actors(
        p_ids text[], p_keys text[], p_expected jsonb, p_vals jsonb, p_edited text[],
        p_norm text, p_action text, p_target text, p_ctx jsonb)
    RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
        v_out text; v_row jsonb; v_edited text; v_before json;
        v_types text[]; v_type text; v_id text;
    BEGIN
        v_out := pg_temp.wb_check_all('actors', p_expected);
        IF v_out IS NOT NULL THEN
            RETURN jsonb_build_object('outcome', v_out);
        END IF;
        IF (SELECT count(*) FROM actors WHERE id = ANY(p_ids)) <> cardinality(p_ids) THEN
            RETURN jsonb_build_object('outcome', 'missing');
        END IF;
        IF EXISTS (SELECT 1 FROM actors WHERE id = ANY(p_ids)
                   AND pg_temp.wb_edited(edited, p_edited) IS NULL) THEN
            RETURN jsonb_build_object('outcome', 'unusual');  -- before any write
        END IF;
        v_before := (SELECT json_object_agg(k, pg_temp.wb_actor_state(i) ORDER BY o)
                     FROM unnest(p_keys, p_ids) WITH ORDINALITY AS u(k, i, o));
        FOREACH v_id IN ARRAY p_ids LOOP
            SELECT to_jsonb(t) INTO v_row FROM actors t WHERE id = v_id;
            IF coalesce(p_norm, '') <> '' THEN
                v_types := ARRAY(SELECT type FROM aliases WHERE actor_id = v_id
                                 GROUP BY type ORDER BY min(rowid));
                IF cardinality(v_types) = 0 THEN
                    v_types := ARRAY[v_row->>'type'];
                END IF;
                FOREACH v_type IN ARRAY v_types LOOP
                    IF NOT EXISTS (SELECT 1 FROM aliases WHERE norm = p_norm AND type = v_type) THEN
                        PERFORM pg_temp.wb_ins('aliases', jsonb_build_object(
                            'actor_id', v_id, 'norm', p_norm, 'type', v_type,
                            'alias', p_vals->>'name', 'pinned', 0), '{norm,type}');
                    END IF;
                END LOOP;
            END IF;
            v_edited := pg_temp.wb_edited(v_row->>'edited', p_edited);
            PERFORM pg_temp.wb_set('actors', jsonb_build_object('id', v_id),
                                      p_vals || jsonb_build_object('edited', v_edited));
        END LOOP;
        RETURN pg_temp.wb_finish(p_action, p_target, v_before,
            (SELECT json_object_agg(k, pg_temp.wb_actor_state(i) ORDER BY o)
             FROM unnest(p_keys, p_ids) WITH ORDINALITY AS u(k, i, o)), p_ctx);
    END $$""",
    # CaseFile.update_claim (checking.update_claim): its values cleaned by the client
    # (`p_vals`, the edited names `p_edited`), the speaker and the chain's actors
    # (`p_actors`) checked to be the case's; a new span (`p_span`: start, end, either
    # NULL for the claim's own) checked and trimmed as `checking.article_span` does, of
    # the characters Python's str.isspace takes (`p_spaces`); with the claim's row after,
    # in its columns' order
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_update_claim(
        p_id text, p_expected bigint, p_vals jsonb, p_edited text[], p_actors text[],
        p_span bigint[], p_spaces text, p_ctx jsonb)
    RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
        v_out text := pg_temp.wb_check('claims', p_id, p_expected); v_before json;
        v_edited text; v_done jsonb; v_claim jsonb; v_text text;
        v_start bigint; v_end bigint; v_piece text;
    BEGIN
        IF v_out IS NOT NULL THEN
            RETURN jsonb_build_object('outcome', v_out);
        END IF;
        IF EXISTS (SELECT 1 FROM unnest(p_actors) a
                   WHERE NOT EXISTS (SELECT 1 FROM actors WHERE id = a)) THEN
            RETURN jsonb_build_object('outcome', 'missing');
        END IF;
        SELECT to_jsonb(t) INTO v_claim FROM claims t WHERE id = p_id;
        IF p_span IS NOT NULL THEN
            SELECT text INTO v_text FROM articles WHERE id = v_claim->>'article_id';
            v_start := coalesce(p_span[1], (v_claim->>'start')::bigint);
            v_end := coalesce(p_span[2], (v_claim->>'end')::bigint);
            IF v_text IS NULL OR NOT (0 <= v_start AND v_start < v_end
                                      AND v_end <= char_length(v_text)) THEN
                RETURN jsonb_build_object('outcome', 'unusual');
            END IF;
            v_piece := substr(v_text, (v_start + 1)::int, (v_end - v_start)::int);
            v_start := v_start + char_length(v_piece) - char_length(ltrim(v_piece, p_spaces));
            v_piece := btrim(v_piece, p_spaces);
            IF v_piece = '' THEN
                RETURN jsonb_build_object('outcome', 'unusual');  -- spaces alone
            END IF;
            p_vals := p_vals || jsonb_build_object(
                'start', v_start, 'end', v_start + char_length(v_piece), 'text', v_piece);
        END IF;
        v_before := pg_temp.wb_claim_state(p_id);
        v_edited := pg_temp.wb_edited(v_claim->>'edited', p_edited);
        IF v_edited IS NULL THEN
            RETURN jsonb_build_object('outcome', 'unusual');
        END IF;
        PERFORM pg_temp.wb_set('claims', jsonb_build_object('id', p_id),
                                  p_vals || jsonb_build_object('edited', v_edited));
        v_done := pg_temp.wb_finish('update_claim', p_id,
            json_build_object('claim', v_before),
            json_build_object('claim', pg_temp.wb_claim_state(p_id)), p_ctx);
        -- json, not jsonb: a row's columns in the table's order (`reads.claim_of_row`)
        RETURN v_done || jsonb_build_object('row', (
            SELECT row_to_json(c)::text FROM claims c WHERE id = p_id));
    END $$""",
    # CaseFile.update_event (edits.update_event): its values cleaned by the client
    # (`p_vals`; `p_edited` the edited names); a new date's own precision (`p_own`) set
    # too when no precision is given and the event's is neither it nor `p_loose`
    # (approximate), the edited names then `p_edited_own`; the claim that reports it
    # (`p_claim`) one of its article's; with the event's row after
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_update_event(
        p_id text, p_expected bigint, p_vals jsonb, p_edited text[], p_own text,
        p_loose text, p_edited_own text[], p_claim text, p_ctx jsonb)
    RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
        v_out text := pg_temp.wb_check('events', p_id, p_expected); v_event jsonb;
        v_before json; v_edited text; v_done jsonb;
    BEGIN
        IF v_out IS NOT NULL THEN
            RETURN jsonb_build_object('outcome', v_out);
        END IF;
        SELECT to_jsonb(t) INTO v_event FROM events t WHERE id = p_id;
        IF p_claim IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM claims WHERE id = p_claim
                AND article_id = v_event->>'article_id') THEN
            RETURN jsonb_build_object('outcome', 'unusual');  -- no such claim, or elsewhere
        END IF;
        IF p_own IS NOT NULL AND NOT (v_event->>'precision' = ANY(ARRAY[p_own, p_loose])) THEN
            p_vals := p_vals || jsonb_build_object('precision', p_own);
            p_edited := p_edited_own;
        END IF;
        v_before := pg_temp.wb_event_state(p_id);
        v_edited := pg_temp.wb_edited(v_event->>'edited', p_edited);
        IF v_edited IS NULL THEN
            RETURN jsonb_build_object('outcome', 'unusual');
        END IF;
        -- a statement of its own: the state after (STABLE) sees what came before it
        PERFORM pg_temp.wb_set('events', jsonb_build_object('id', p_id),
                                  p_vals || jsonb_build_object('edited', v_edited));
        v_done := pg_temp.wb_finish('update_event', p_id,
            json_build_object('event', v_before),
            json_build_object('event', pg_temp.wb_event_state(p_id)), p_ctx);
        RETURN v_done || jsonb_build_object('row', (
            SELECT row_to_json(e)::text FROM events e WHERE id = p_id));
    END $$""",
    # CaseFile.split_alias (edits.split_alias): the actor's alias rules under the alias's
    # normal form (`p_norm`, Python's) and its mentions and the claims it speaks by a
    # description of that form go to a new actor (`p_new`: its row, the id and type
    # added here); a text the server cannot normalise (`wb_norm_of`) is asked of the
    # client first, before any write (outcome "names"). With the new actor's id
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_split_alias(
        p_actor text, p_alias text, p_norm text, p_expected bigint, p_new jsonb,
        p_norms jsonb, p_ctx jsonb)
    RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
        v_out text := pg_temp.wb_check('actors', p_actor, p_expected); v_actor jsonb;
        v_asks jsonb; v_before json; v_new text;
        v_key jsonb; v_ruled boolean := false;
    BEGIN
        IF v_out IS NOT NULL THEN
            RETURN jsonb_build_object('outcome', v_out);
        END IF;
        SELECT to_jsonb(t) INTO v_actor FROM actors t WHERE id = p_actor;
        v_asks := pg_temp.wb_unnormalised(ARRAY[v_actor->>'name']
            || ARRAY(SELECT text FROM mentions WHERE actor_id = p_actor)
            || ARRAY(SELECT speaker_text FROM claims WHERE speaker = p_actor
                     AND coalesce(speaker_text, '') <> ''), p_norms);
        IF jsonb_array_length(v_asks) > 0 THEN
            RETURN jsonb_build_object('outcome', 'names', 'names', v_asks);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM aliases WHERE actor_id = p_actor AND norm = p_norm)
                AND NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = p_actor
                                AND pg_temp.wb_norm_of(text, p_norms) = p_norm)
                OR pg_temp.wb_norm_of(v_actor->>'name', p_norms) = p_norm THEN
            RETURN jsonb_build_object('outcome', 'unusual');  -- no such alias; its name
        END IF;
        v_before := json_build_object('actor', pg_temp.wb_actor_state(p_actor), 'new_actor', NULL);
        v_new := 'A' || pg_temp.wb_next('A');
        PERFORM pg_temp.wb_ins('actors', p_new || jsonb_build_object(
            'id', v_new, 'type', v_actor->>'type'), '{id}');
        FOR v_key IN SELECT jsonb_build_object('norm', norm, 'type', type) FROM aliases
                WHERE actor_id = p_actor AND norm = p_norm ORDER BY rowid LOOP
            PERFORM pg_temp.wb_set('aliases', v_key,
                                      jsonb_build_object('actor_id', v_new, 'pinned', 1));
            v_ruled := true;
        END LOOP;
        IF NOT v_ruled THEN
            PERFORM pg_temp.wb_ins('aliases', jsonb_build_object(
                'actor_id', v_new, 'norm', p_norm, 'type', v_actor->>'type',
                'alias', p_alias, 'pinned', 1), '{norm,type}');
        END IF;
        PERFORM pg_temp.wb_move('mentions', 'actor_id', ARRAY(
            SELECT id FROM mentions WHERE actor_id = p_actor
            AND pg_temp.wb_norm_of(text, p_norms) = p_norm ORDER BY rowid), v_new);
        PERFORM pg_temp.wb_move('claims', 'speaker', ARRAY(
            SELECT id FROM claims WHERE speaker = p_actor AND coalesce(speaker_text, '') <> ''
            AND pg_temp.wb_norm_of(speaker_text, p_norms) = p_norm ORDER BY rowid), v_new);
        RETURN pg_temp.wb_finish('split_alias', p_actor, v_before,
            json_build_object('actor', pg_temp.wb_actor_state(p_actor),
                              'new_actor', pg_temp.wb_actor_state(v_new)), p_ctx)
            || jsonb_build_object('id', v_new);
    END $$""",
    # a JSON list column's rows naming `p_old` (edits._replace_in_json_lists): each
    # `p_new` instead, each once
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_replace_in_lists(
        p_table text, p_column text, p_old text, p_new text)
    RETURNS void LANGUAGE plpgsql AS $$
    DECLARE v_item record; v_list text;
    BEGIN
        FOR v_item IN EXECUTE format(
                'SELECT id, %1$I AS list FROM %2$I WHERE %1$I LIKE $1 AND EXISTS ('
                'SELECT 1 FROM json_array_elements_text(pg_temp.wb_list(%1$I)) j WHERE j = $2) '
                'ORDER BY rowid', p_column, p_table)
                USING '%' || p_old || '%', p_old LOOP
            v_list := pg_temp.wb_json_list(ARRAY(
                SELECT v FROM (
                    SELECT CASE WHEN e = p_old THEN p_new ELSE e END AS v, min(o) AS o
                    FROM json_array_elements_text(pg_temp.wb_list(v_item.list))
                        WITH ORDINALITY AS t(e, o)
                    GROUP BY 1) x ORDER BY o));
            IF v_list IS NULL THEN
                RAISE EXCEPTION 'wb: unusual list' USING ERRCODE = 'WB001';
            END IF;
            PERFORM pg_temp.wb_set(p_table, jsonb_build_object('id', v_item.id),
                                      jsonb_build_object(p_column, v_list));
        END LOOP;
    END $$""",
    # CaseFile.merge_actors (edits.merge_actors, for each actor merged in turn): its alias
    # rules, its name as a rule of the kept actor (`wb_norm_of`: a name the server cannot
    # normalise is asked of the client first, outcome "names"), its mentions, claims,
    # links, relations and notes, the chains and events naming it, its roles; then it goes
    r"""CREATE OR REPLACE FUNCTION pg_temp.wb_merge(
        p_keep text, p_others text[], p_keys text[], p_expected jsonb, p_norms jsonb,
        p_ctx jsonb)
    RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
        v_out text; v_keep jsonb; v_other jsonb; v_before json;
        v_id text; v_norm text; v_key jsonb; v_roles text; v_edited text;
        v_asks jsonb;
    BEGIN
        v_out := pg_temp.wb_check_all('actors', p_expected);
        IF v_out IS NOT NULL THEN
            RETURN jsonb_build_object('outcome', v_out);
        END IF;
        IF (SELECT count(*) FROM actors WHERE id = ANY(ARRAY[p_keep] || p_others))
                <> 1 + cardinality(p_others) THEN
            RETURN jsonb_build_object('outcome', 'missing');
        END IF;
        v_asks := pg_temp.wb_unnormalised(
            ARRAY(SELECT name FROM actors WHERE id = ANY(p_others)), p_norms);
        IF jsonb_array_length(v_asks) > 0 THEN  -- before any write: asked of the client
            RETURN jsonb_build_object('outcome', 'names', 'names', v_asks);
        END IF;
        v_before := (SELECT json_object_agg(k, pg_temp.wb_actor_state(i) ORDER BY o)
                     FROM unnest(ARRAY['keep'] || p_keys, ARRAY[p_keep] || p_others)
                          WITH ORDINALITY AS u(k, i, o));
        FOREACH v_id IN ARRAY p_others LOOP
            SELECT to_jsonb(t) INTO v_other FROM actors t WHERE id = v_id;
            FOR v_key IN SELECT jsonb_build_object('norm', norm, 'type', type) FROM aliases
                    WHERE actor_id = v_id ORDER BY rowid LOOP
                PERFORM pg_temp.wb_set('aliases', v_key,
                                          jsonb_build_object('actor_id', p_keep));
            END LOOP;
            v_norm := pg_temp.wb_norm_of(v_other->>'name', p_norms);
            IF v_norm IS NULL THEN  -- renamed since it was asked: the ordinary path
                RAISE EXCEPTION 'wb: unusual name' USING ERRCODE = 'WB001';
            END IF;
            IF v_norm <> '' AND NOT EXISTS (SELECT 1 FROM aliases WHERE norm = v_norm
                                            AND type = v_other->>'type') THEN
                PERFORM pg_temp.wb_ins('aliases', jsonb_build_object(
                    'actor_id', p_keep, 'norm', v_norm, 'type', v_other->>'type',
                    'alias', v_other->>'name', 'pinned', 0), '{norm,type}');
            END IF;
            -- its rows, in the order they were added (`wb_move`: a few statements for
            -- any number of them)
            PERFORM pg_temp.wb_move('mentions', 'actor_id', ARRAY(
                SELECT id FROM mentions WHERE actor_id = v_id ORDER BY rowid), p_keep);
            PERFORM pg_temp.wb_move('claims', 'speaker', ARRAY(
                SELECT id FROM claims WHERE speaker = v_id ORDER BY rowid), p_keep);
            PERFORM pg_temp.wb_move('links', 'actor_id', ARRAY(
                SELECT id FROM links WHERE actor_id = v_id ORDER BY rowid), p_keep);
            PERFORM pg_temp.wb_move('relations', 'source', ARRAY(
                SELECT id FROM relations WHERE source = v_id ORDER BY rowid), p_keep);
            PERFORM pg_temp.wb_move('relations', 'target', ARRAY(
                SELECT id FROM relations WHERE target = v_id ORDER BY rowid), p_keep);
            PERFORM pg_temp.wb_move('notes', 'target_id', ARRAY(
                SELECT id FROM notes WHERE target_id = v_id ORDER BY rowid), p_keep);
            PERFORM pg_temp.wb_replace_in_lists('claims', 'channels', v_id, p_keep);
            PERFORM pg_temp.wb_replace_in_lists('events', 'actors', v_id, p_keep);
            SELECT to_jsonb(t) INTO v_keep FROM actors t WHERE id = p_keep;
            v_roles := pg_temp.wb_json_list(ARRAY(
                SELECT e FROM (
                    SELECT e, min(o) AS o FROM (
                        SELECT e, o FROM json_array_elements_text(pg_temp.wb_list(v_keep->>'roles'))
                            WITH ORDINALITY AS t(e, o)
                        UNION ALL
                        SELECT e, 1000000000 + o FROM json_array_elements_text(
                            pg_temp.wb_list(v_other->>'roles')) WITH ORDINALITY AS u(e, o)
                    ) x GROUP BY e) y ORDER BY o));
            v_edited := pg_temp.wb_edited(v_keep->>'edited', '{merged}');
            IF v_roles IS NULL OR v_edited IS NULL THEN
                RAISE EXCEPTION 'wb: unusual list' USING ERRCODE = 'WB001';
            END IF;
            PERFORM pg_temp.wb_set('actors', jsonb_build_object('id', p_keep),
                jsonb_build_object('roles', v_roles, 'edited', v_edited));
            PERFORM pg_temp.wb_del('actors', jsonb_build_object('id', v_id));
        END LOOP;
        RETURN pg_temp.wb_finish('merge_actors', p_keep, v_before,
            (SELECT json_object_agg(k, CASE WHEN o = 1 THEN pg_temp.wb_actor_state(i) END
                                    ORDER BY o)
             FROM unnest(ARRAY['keep'] || p_keys, ARRAY[p_keep] || p_others) WITH ORDINALITY AS u(k, i, o)),
            p_ctx);
    EXCEPTION WHEN SQLSTATE 'WB001' THEN  -- what the block wrote is undone with it
        RETURN jsonb_build_object('outcome', 'unusual');
    END $$""",
)


def edit_functions() -> tuple[str, ...]:
    """The edits' statements, ready to send."""
    return EDITS


__all__ = ["EDITS", "edit_functions"]
