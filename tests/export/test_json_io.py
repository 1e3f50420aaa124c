"""JSON export and import: the whole case, and back, exactly."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from analysis_builders import (
    actor_id,
    build_hostile_case,
    build_story_case,
    claim_id,
    extraction,
    sisi_extraction,
    visit_extraction,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench import Case
from workbench.case.migrations import FORMAT_VERSION
from workbench.case.store import Store
from workbench.errors import CaseError, WorkbenchError
from workbench.export import ExportError, dump_case, export_case, import_case

READS = ("articles", "actors", "mentions", "claims", "events", "relations", "links", "notes",
         "history")  # fmt: skip


def raw_tables(case: Case) -> dict:
    """Every stored row, read straight from the file, but each case's own bookkeeping: its
    count of changes, the results it keeps (format 9, a cache) and the listing's inputs
    its triggers keep (format 11: tests/case/test_listing_inputs.py checks them)."""
    db = sqlite3.connect(f"file:{case.path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            n: [
                row
                for row in db.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall()
                # the count of changes and what each change touched (`changes:*`)
                if n != "counters" or row[0].split(":")[0] != "changes"
            ]
            for n in names
            if n
            not in ("migrations", "sqlite_sequence", "derived", "listing_articles", "listing_texts")
        }
    finally:
        db.close()


def state(case: Case) -> dict:
    """Everything the read API shows, plus the stored tables."""
    seen = {name: [r.to_dict() for r in getattr(case, name)()] for name in READS}
    seen["tables"] = raw_tables(case)
    return seen


def round_trip(case: Case, folder: Path) -> Case:
    export_case(case, folder / "out.json")
    return import_case(folder / "out.json", folder / "copy.case")


def test_round_trip_keeps_decisions_links_notes_and_history(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    copy = round_trip(case, tmp_path)
    try:
        assert state(copy) == state(case)
        assert copy.claim(case.claims()[0].id).status == case.claims()[0].status
        assert [h.action for h in copy.history()][-2:] == ["update_actor", "update_actor"]
        # each entry keeps the session that made it
        assert [h.session for h in copy.history()] == [h.session for h in case.history()]
        assert {h.session for h in case.history()} == {case.session}
        # the undo data came along: carrying on the session, undoing in both gives the
        # same case again; a new session of the copy has nothing of its own to undo
        with pytest.raises(CaseError, match="nothing to undo in this session"):
            copy.undo()
        resumed = Case.open(copy.path, session=case.session)
        try:
            assert case.undo().action == resumed.undo().action == "update_actor"
        finally:
            resumed.close()
        assert state(copy)["actors"] == state(case)["actors"]
    finally:
        case.close()
        copy.close()


def test_hostile_text_survives_the_round_trip_unchanged(tmp_path):
    case = build_hostile_case(tmp_path / "hostile.case")
    copy = round_trip(case, tmp_path)
    try:
        assert copy.claims()[0].text == case.claims()[0].text
        assert "<script>" in copy.actors()[0].name
        assert state(copy) == state(case)
    finally:
        case.close()
        copy.close()


def test_text_that_looks_like_json_comes_back_as_the_same_text(tmp_path):
    case = Case.open(tmp_path / "odd.case")
    text = '["é"]\n\n{"k": 1} met [1,2] on Monday.'
    case.add_extraction(
        extraction(
            "odd",
            text,
            actors=[('{"k": 1}', "person"), ("[1,2]", "person")],
            relations=[('{"k": 1}', "[1,2]", "met")],
        )  # fmt: skip
    )
    copy = round_trip(case, tmp_path)
    try:
        assert copy.articles()[0].title == '["é"]'
        assert {a.name for a in copy.actors()} == {'{"k": 1}', "[1,2]"}
        assert state(copy) == state(case)
    finally:
        case.close()
        copy.close()


def test_export_file_is_plain_json_with_every_table(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    path = export_case(case, tmp_path / "story.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    case.close()
    assert data["schema"] == "workbench.case-export/1"
    claim = next(c for c in data["tables"]["claims"] if c["speaker"] is None)
    assert isinstance(claim["channels"], list) and len(claim["channels"]) == 2  # readable
    assert {"articles", "actors", "aliases", "claims", "links", "notes", "audit"} <= set(
        data["tables"]
    )
    assert len(data["tables"]["links"]) == 3


def test_import_refuses_to_overwrite_an_existing_file(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    export_case(case, tmp_path / "story.json")
    case.close()
    before = (tmp_path / "story.case").read_bytes()
    with pytest.raises(ExportError, match="exists"):
        import_case(tmp_path / "story.json", tmp_path / "story.case")
    assert (tmp_path / "story.case").read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a JSON case export"),
        ('{"schema": "workbench.extraction/1"}', "not a workbench case export"),
        ('{"schema": "workbench.case-export/1", "case_format": 99, "tables": {}}', "format 99"),
        ('{"schema": "workbench.case-export/1", "case_format": "2", "tables": {}}', "unknown case"),
        ('{"schema": "workbench.case-export/1", "case_format": 0, "tables": {}}', "unknown case"),
        ('{"schema": "workbench.case-export/1", "case_format": FORMAT, "tables": []}', "tables"),
        (
            '{"schema": "workbench.case-export/1", "case_format": FORMAT, "tables": {"evil": []}}',
            "unknown tables evil",
        ),
        (
            '{"schema": "workbench.case-export/1", "case_format": FORMAT, '
            '"tables": {"notes": [{"id": "N1", "target_id": "C1", "text": "x", '
            '"created_at": "2020-01-01", "created_by": "me", "bogus": 1}]}}',
            "unknown columns",
        ),
    ],
)
def test_import_rejects_bad_files_and_leaves_nothing(tmp_path, content, message):
    source = tmp_path / "bad.json"
    source.write_text(content.replace("FORMAT", str(FORMAT_VERSION)), encoding="utf-8")
    with pytest.raises(ExportError, match=message):
        import_case(source, tmp_path / "new.case")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


@pytest.mark.parametrize(
    ("table", "column", "value", "message"),
    [
        ("claims", "status", "pwned", r"claims\[0\]\.status: 'pwned' is not one of"),
        ("claims", "id", None, r"claims\[0\]\.id: None is not of type 'string'"),
        ("claims", "start", 2**70, r"claims\[0\]\.start: 1180591620717411303424 is greater"),
        ("actors", "type", "wizard", r"actors\[0\]\.type: 'wizard' is not one of"),
        ("links", "relation", "pwned", r"links\[0\]\.relation"),
        ("counters", "value", -(2**64), r"counters\[0\]\.value"),
        ("articles", "text", 12, r"articles\[0\]\.text: 12 is not of type"),
        ("audit", "id", None, r"audit\[0\]\.id"),
    ],
)
def test_import_validates_every_value_and_writes_nothing(tmp_path, table, column, value, message):
    """A status no case has, an integer SQLite cannot hold, a null id: refused in one line
    naming where, before anything is written (issue 12)."""
    case = build_story_case(tmp_path / "story.case")
    data = dump_case(case)
    case.close()
    assert data["tables"][table], f"the story case has no {table}"
    data["tables"][table][0][column] = value
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExportError, match=message) as error:
        import_case(source, tmp_path / "new.case")
    assert "\n" not in str(error.value) and len(str(error.value)) < 400
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "story.case"]


def test_a_column_of_a_later_format_still_needs_a_value_sqlite_stores(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    data = dump_case(case)
    case.close()
    data["tables"]["notes"][0]["later_column"] = 2**70
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExportError, match=r"notes\[0\]\.later_column"):
        import_case(source, tmp_path / "new.case")


def test_the_export_schema_knows_every_value_of_the_model_enums():
    from workbench.dates import Precision
    from workbench.model import ActorType, ClaimKind, ClaimStatus, ReviewStatus, SourceRelation
    from workbench.schema import case_export_schema

    defs = case_export_schema()["$defs"]
    for name, enum in [
        ("actor_type", ActorType),
        ("review", ReviewStatus),
        ("claim_kind", ClaimKind),
        ("claim_status", ClaimStatus),
        ("source_relation", SourceRelation),
        ("precision", Precision),
    ]:
        assert defs[name]["enum"] == [member.value for member in enum], name


def test_every_export_the_round_trips_write_is_valid(tmp_path):
    from workbench.schema import case_export_problem

    case = build_hostile_case(tmp_path / "hostile.case")
    assert case_export_problem(dump_case(case)) is None
    case.close()


def test_import_of_dangling_references_fails_whole(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    data = dump_case(case)
    case.close()
    data["tables"]["articles"] = []  # claims now point at nothing
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(WorkbenchError):
        import_case(source, tmp_path / "new.case")
    assert not (tmp_path / "new.case").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json", "story.case"]


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [("events", "date", "2016-02-31"), ("articles", "published", "17/10/2016")],
)
def test_import_refuses_a_date_the_case_would_refuse(tmp_path, table, column, value):
    """The import is a boundary like any other: the one date parser reads its dates."""
    case = build_story_case(tmp_path / "story.case")
    data = dump_case(case)
    case.close()
    data["tables"][table][0][column] = value
    source = tmp_path / "dates.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExportError) as error:
        import_case(source, tmp_path / "new.case")
    message = str(error.value)
    assert f"'{value}' is not a date" in message and "\n" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dates.json", "story.case"]


def test_import_of_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="no such file"):
        import_case(tmp_path / "nope.json", tmp_path / "new.case")


# --- exports of older and newer case formats -------------------------------------------


def format_1_case(path: Path) -> Case:
    """A case as the first release wrote it: the schema of migration 1 only, filled through
    the API calls that release had."""
    case = Case(Store.create_at_format(path, 1))
    case.add_extraction(visit_extraction())
    case.add_extraction(sisi_extraction())
    sources = claim_id(case, "Egyptian officials")
    case.set_claim_status(sources, "disputed", note="only an unnamed source")
    case.link_source(sources, actor_id(case, "AFP"), relation="reported_by", note="AFP wire")
    case.merge_actors(actor_id(case, "Ali Mamlouk"), actor_id(case, "Cairo"))
    case.update_actor(actor_id(case, "Ali Mamlouk"), status="confirmed")
    return case


def stored(path: Path, sql: str) -> list:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def test_an_export_of_format_1_imports_into_the_current_format(tmp_path):
    old = format_1_case(tmp_path / "old.case")
    export_case(old, tmp_path / "old.json")
    data = json.loads((tmp_path / "old.json").read_text(encoding="utf-8"))
    assert data["case_format"] == 1
    assert "edited" not in data["tables"]["events"][0]  # format 2 added it
    reads = [name for name in READS if name != "events"]  # format 1 cannot read as events
    expected = {name: [r.to_dict() for r in getattr(old, name)()] for name in reads}
    old_events = stored(old.path, "SELECT id, date, summary FROM events ORDER BY rowid")
    old.close()

    copy = import_case(tmp_path / "old.json", tmp_path / "new.case")
    try:
        assert stored(copy.path, "PRAGMA user_version") == [(FORMAT_VERSION,)]
        numbers = stored(copy.path, "SELECT number FROM migrations ORDER BY number")
        assert [n for (n,) in numbers] == list(range(1, FORMAT_VERSION + 1))
        assert {name: [r.to_dict() for r in getattr(copy, name)()] for name in reads} == expected
        assert [(e.id, str(e.date), e.summary, e.edited) for e in copy.events()] == [
            (*row, ()) for row in old_events
        ]
        # rows from before sessions were recorded belong to none
        assert {h.session for h in copy.history()} == {None}
        # the imported case works like a new one, and the old undo data still undoes
        # (here claimed for this session by hand: no session can undo it otherwise)
        copy.update_event(copy.events()[0].id, summary="edited after the upgrade")
        assert copy.undo().action == "update_event"
        with pytest.raises(CaseError, match="nothing to undo in this session"):
            copy.undo()
        db = sqlite3.connect(copy.path)
        with db:
            db.execute("UPDATE audit SET session = ? WHERE session IS NULL", (copy.session,))
        db.close()
        assert copy.undo().action == "update_actor"
        assert copy.actor(actor_id(copy, "Ali Mamlouk")).status.value == "extracted"
    finally:
        copy.close()


def test_an_export_of_format_2_imports_with_sessions_left_empty(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    export_case(case, tmp_path / "story.json")
    data = json.loads((tmp_path / "story.json").read_text(encoding="utf-8"))
    assert {row["session"] for row in data["tables"]["audit"]} == {case.session}
    # as the release before sessions wrote it: format 2, audit rows without the column
    data["case_format"] = 2
    for row in data["tables"]["audit"]:
        del row["session"]
    # nor the columns of format 6 (row versions, reviewed mentions, channel step kinds)
    for table, column in (
        *((t, "version") for t in ("actors", "mentions", "claims", "events", "links")),
        ("mentions", "review"),
        ("mentions", "known"),
        ("claims", "channel_kinds"),
        ("articles", "language"),  # nor format 7's
    ):
        for row in data["tables"][table]:
            del row[column]
    (tmp_path / "old.json").write_text(json.dumps(data), encoding="utf-8")
    expected = [(h.id, h.action, h.before, h.after) for h in case.history()]
    case.close()

    copy = import_case(tmp_path / "old.json", tmp_path / "copy.case")
    try:
        assert stored(copy.path, "PRAGMA user_version") == [(FORMAT_VERSION,)]
        assert [(h.id, h.action, h.before, h.after) for h in copy.history()] == expected
        assert {h.session for h in copy.history()} == {None}
        copy.update_actor(actor_id(copy, "Ali Mamlouk"), name="Ali Mamluk")
        assert copy.history()[-1].session == copy.session
        assert copy.undo().action == "update_actor"
    finally:
        copy.close()


def test_import_runs_the_data_steps_of_later_migrations(tmp_path, monkeypatch):
    from workbench.case import migrations, store

    case = build_story_case(tmp_path / "story.case")
    export_case(case, tmp_path / "story.json")
    names = sorted(a.name for a in case.actors())
    case.close()

    def capitals(db: sqlite3.Connection) -> None:
        db.execute("UPDATE actors SET name = upper(name)")

    newer = [*migrations.MIGRATIONS, (FORMAT_VERSION + 1, "names in capitals", capitals)]
    monkeypatch.setattr(migrations, "MIGRATIONS", newer)
    monkeypatch.setattr(migrations, "FORMAT_VERSION", FORMAT_VERSION + 1)
    monkeypatch.setattr(store, "FORMAT_VERSION", FORMAT_VERSION + 1)
    copy = import_case(tmp_path / "story.json", tmp_path / "copy.case")
    try:
        assert sorted(a.name for a in copy.actors()) == sorted(n.upper() for n in names)
        assert stored(copy.path, "PRAGMA user_version") == [(FORMAT_VERSION + 1,)]
    finally:
        copy.close()


def test_a_failing_migration_fails_the_import_whole(tmp_path, monkeypatch):
    from workbench.case import migrations, store

    case = build_story_case(tmp_path / "story.case")
    export_case(case, tmp_path / "story.json")
    case.close()

    def broken(db: sqlite3.Connection) -> None:
        db.execute("UPDATE actors SET name = NULL")  # NOT NULL: the step fails

    newer = [*migrations.MIGRATIONS, (FORMAT_VERSION + 1, "broken", broken)]
    monkeypatch.setattr(migrations, "MIGRATIONS", newer)
    monkeypatch.setattr(migrations, "FORMAT_VERSION", FORMAT_VERSION + 1)
    monkeypatch.setattr(store, "FORMAT_VERSION", FORMAT_VERSION + 1)
    with pytest.raises(ExportError, match="cannot import .*NOT NULL"):
        import_case(tmp_path / "story.json", tmp_path / "copy.case")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.case", "story.json"]


def test_an_export_of_a_newer_format_is_refused(tmp_path):
    case = build_story_case(tmp_path / "story.case")
    data = dump_case(case)
    case.close()
    data["case_format"] = FORMAT_VERSION + 1
    (tmp_path / "new.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExportError, match=f"newer workbench \\(case format {FORMAT_VERSION + 1}"):
        import_case(tmp_path / "new.json", tmp_path / "new.case")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.json", "story.case"]


# --- Hypothesis: random cases with random decisions -------------------------------------

NAME = st.one_of(
    st.text(alphabet="abcdeéü <>&\"'[]()", min_size=1, max_size=8).map(str.strip).filter(bool),
    # text that looks like the JSON the store keeps in some columns
    st.sampled_from(['["a"]', '{"k": 1}', "[1,2]", '["é"]']),
)
STATUSES = ("unverified", "in_progress", "corroborated", "disputed", "false", "unverifiable")


@st.composite
def extractions(draw, index):
    names = draw(st.lists(NAME, min_size=1, max_size=4, unique_by=str.casefold))
    kinds = draw(st.lists(st.sampled_from(["person", "media", "organization", "place"]),
                          min_size=len(names), max_size=len(names)))  # fmt: skip
    sentences = draw(st.lists(NAME.map(lambda s: f"claim {s} here"), max_size=3, unique=True))
    dates = draw(st.lists(st.dates(), max_size=2))
    text = f"Article {index}\n\n" + " ".join(names) + ". " + " ".join(
        f"{s}." for s in sentences
    ) + " " + " ".join(f"on {d.isoformat()}" for d in dates)  # fmt: skip
    media = [n for n, k in zip(names, kinds, strict=True) if k == "media"]
    claims = [
        (
            s,
            draw(st.sampled_from([None, *names])),
            "someone",
            draw(st.lists(st.sampled_from(media), max_size=2, unique=True)) if media else [],
        )
        for s in sentences
    ]
    events = [
        (d.isoformat(), d.isoformat(), "day", None, f"event {i}", names[:1], None)
        for i, d in enumerate(dates)
    ]
    relations = [(names[0], names[-1], "met")] if len(names) > 1 else []
    return extraction(
        f"article-{index}",
        text,
        actors=list(zip(names, kinds, strict=True)),
        claims=claims,
        events=events,
        relations=relations,
        published=draw(st.one_of(st.none(), st.dates().map(str))),
    )


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["status", "link", "url", "note", "actor", "merge", "undo"]),
        st.integers(0, 10),
        st.integers(0, 10),
        st.sampled_from(STATUSES),
        NAME,
    ),
    max_size=8,
)


def apply_actions(case: Case, actions) -> None:
    for action, i, j, status, text in actions:
        claims, actors = case.claims(), case.actors()
        try:
            if action == "undo":
                case.undo()
            elif action in ("actor", "merge") and actors:
                a, b = actors[i % len(actors)], actors[j % len(actors)]
                if action == "actor":
                    case.update_actor(a.id, status=["confirmed", "rejected"][j % 2], name=text)
                elif a.id != b.id:
                    case.merge_actors(a.id, b.id)
            elif claims:
                claim = claims[i % len(claims)]
                if action == "status":
                    case.set_claim_status(claim.id, status, note=text)
                elif action == "note":
                    case.add_note(claim.id, text)
                elif action == "url":
                    case.link_source(claim.id, f"https://example.org/{j}", relation="corroborates")
                elif actors:
                    case.link_source(claim.id, actors[j % len(actors)].id, relation="contradicts",
                                     note=text)  # fmt: skip
        except CaseError:
            pass  # a refused edit (nothing to undo, duplicate link) is part of the story


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), count=st.integers(1, 3), actions=ACTIONS)
def test_hypothesis_round_trip_gives_the_same_case(data, count, actions):
    with tempfile.TemporaryDirectory() as folder:
        case = Case.open(Path(folder) / "random.case")
        copy = None
        try:
            for index in range(count):
                case.add_extraction(data.draw(extractions(index)))
            apply_actions(case, actions)
            copy = round_trip(case, Path(folder))
            assert state(copy) == state(case)
        finally:
            case.close()
            if copy is not None:
                copy.close()
