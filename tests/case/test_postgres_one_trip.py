"""The common edits in one round trip on a server (`workbench/case/pg_edits.py`): counted,
and compared with the same edits on an SQLite file, where the ordinary path writes them:
the audit rows (states before and after, undo data), the rows, and the counters kept
results are stamped with (`touched.py`) must be the same on both."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from case_builders import first_extraction, second_extraction

from workbench import Case
from workbench.case import pg_edits, postgres
from workbench.case.versions import StaleEditError
from workbench.errors import CaseError, NotFoundError, WorkbenchError

pytestmark = pytest.mark.slow


def counting(monkeypatch) -> list[list[str]]:
    """The statements of each round trip (`Connection._send`, or `send_as_one`: one
    message) made by this thread."""
    sent: list[list[str]] = []
    send, send_as_one = postgres.Connection._send, postgres.Connection.send_as_one
    caller = threading.get_ident()

    def counted(self, items):
        if threading.get_ident() == caller:
            sent.append([q.sql for q in (*self._queue, *items)])
        return send(self, items)

    def counted_as_one(self, statements):
        if threading.get_ident() == caller:
            sent.append([*(q.sql for q in self._queue), *(sql for sql, _ in statements)])
        return send_as_one(self, statements)

    monkeypatch.setattr(postgres.Connection, "_send", counted)
    monkeypatch.setattr(postgres.Connection, "send_as_one", counted_as_one)
    return sent


def test_each_common_edit_is_one_round_trip(postgres_server, monkeypatch) -> None:
    """An actor's status, a claim's status, a note and an undo: one round trip each (2, 2, 7
    and 7 before), the record handed back as a read gives it."""
    with Case.open(postgres_server.url("one_trip_count")) as case:
        case.add_extraction(first_extraction())
        actor, claim = case.actors()[0], case.claims()[0]
        sent = counting(monkeypatch)
        trips: dict[str, int] = {}

        def count(name: str, call: Callable[[], object]) -> object:
            before = len(sent)
            found = call()
            trips[name] = len(sent) - before
            return found

        edited = count("update_actor", lambda: case.update_actor(actor.id, type="group"))
        assert edited == case.actor(actor.id)
        undone = count("undo", case.undo)
        assert case.actor(actor.id) == actor
        assert undone == case.history()[-2] and undone.undone
        status = count("set_claim_status", lambda: case.set_claim_status(claim.id, "false"))
        assert status == case.claim(claim.id)
        note = count("add_note", lambda: case.add_note(claim.id, "a note"))
        assert note == case.notes(target_id=claim.id)[0]
        noted = count(
            "set_claim_status with a note",
            lambda: case.set_claim_status(claim.id, "disputed", note="why", expected=2),
        )
        assert noted == case.claim(claim.id) and noted.status.value == "disputed"
        assert [n.text for n in case.notes(target_id=claim.id)] == ["a note", "why"]
        assert trips == {
            "update_actor": 1,
            "undo": 1,
            "set_claim_status": 1,
            "add_note": 1,
            "set_claim_status with a note": 1,
        }
        assert all(trip[0] == "BEGIN" and trip[-1] == "COMMIT" for trip in sent if len(trip) > 1)


def test_the_other_common_edits_are_one_round_trip_each(postgres_server, monkeypatch) -> None:
    """A verification session's other edits: a source linked and unlinked, several actors'
    status, a rename, a claim's text and speaker, a merge; one round trip each (2-7 before,
    and the actors read back one by one after `update_actors`), each handed back as a read
    gives it, and each undone in one."""
    with Case.open(postgres_server.url("one_trip_more")) as case:
        _story(case)
        actors, claim = case.actors(), case.claims()[0]
        sent = counting(monkeypatch)
        trips: dict[str, int] = {}

        def count(name: str, call: Callable[[], object]) -> object:
            before = len(sent)
            found = call()
            trips[name] = len(sent) - before
            return found

        link = count("link_source", lambda: case.link_source(claim.id, actors[2].id, note="n"))
        assert link == case.links(claim.id)[0]
        url = count("link a URL", lambda: case.link_source(claim.id, "https://example.org/a"))
        assert url.url == "https://example.org/a" and url.actor_id is None
        count("unlink_source", lambda: case.unlink_source(link.id, expected=link.version))
        assert [x.id for x in case.links(claim.id)] == [url.id]
        both = count(
            "update_actors",
            lambda: case.update_actors(
                [actors[0].id, actors[1].id],
                status="confirmed",
                expected={actors[0].id: actors[0].version},
            ),
        )
        assert list(both) == [case.actor(actors[0].id), case.actor(actors[1].id)]
        renamed = count(
            "rename", lambda: case.update_actor(actors[3].id, name="Another Name", type="group")
        )
        assert renamed == case.actor(actors[3].id) and "Another Name" in renamed.aliases
        edited = count(
            "update_claim",
            lambda: case.update_claim(claim.id, text="new words", speaker=actors[0].id),
        )
        assert edited == case.claim(claim.id) and edited.speaker == actors[0].id
        merged = count("merge_actors", lambda: case.merge_actors(actors[0].id, actors[4].id))
        assert merged == case.actor(actors[0].id)
        for name in ("merge", "claim", "rename", "actors", "unlink", "link URL", "link"):
            count(f"undo {name}", case.undo)
        assert case.actors() == actors and case.claim(claim.id) == claim
        assert case.links(claim.id) == []
        assert set(trips.values()) == {1}, trips
        assert len(trips) == 14


def test_the_server_normalises_plain_names_as_python_does(postgres_server) -> None:
    """A merged actor's name becomes an alias rule of the kept one under its normalised
    form, worked out on the server for a name of plain ASCII (`pg_temp.wb_norm`): the same
    as `resolve.normalise_name`; NULL (the ordinary path) for any other."""
    from workbench.case.resolve import normalise_name

    names = [
        "Ali Mamlouk",
        "Al-Mamlouk",
        "al Mamlouk",
        "The Guardian",
        "the",
        "Ash Sharq",
        "As-Safir",
        "O'Brien",
        "  Middle   East_Eye ",
        "AT&T",
        "ad-Dustour!",
        "El",
        "al ",
        "Reuters/AP",
        "x",
        "",
        "12 3",
        "An_Nahar",
        "at the time",
    ]
    with Case.open(postgres_server.url("one_trip_norm")) as case:
        _story(case)
        case.update_actor(case.actors()[0].id, status="confirmed")  # makes the functions
        db = case._store.db
        for name in names:
            found = db.execute("SELECT pg_temp.wb_norm(?)", (name,)).fetchone()[0]
            assert found == normalise_name(name), name
        for other in ("Mamlūk", "الأسد", "tab\tname"):
            assert db.execute("SELECT pg_temp.wb_norm(?)", (other,)).fetchone()[0] is None


def _story(case: Case) -> None:
    case.add_extraction(first_extraction())
    case.add_extraction(second_extraction())


def _edits(case: Case) -> None:
    """Edits of every kind the one trip covers, undone or not, among ordinary ones (a merge
    and a rejected mention, undone by the one-trip undo; a rename, on the ordinary path)."""
    actors = case.actors()
    claims = case.claims()
    first, second = actors[0], actors[1]
    case.update_actor(first.id, status="confirmed", expected=first.version)
    case.update_actor(first.id, status="confirmed")  # nothing changes: an audit row alone
    case.update_actor(second.id, type="organization", status="rejected")
    case.undo()
    case.set_claim_status(claims[0].id, "disputed", expected=claims[0].version)
    case.set_claim_status(claims[1].id, "corroborated", note="two sources")
    case.set_claim_status(claims[1].id, "corroborated", note="same status, a note")
    case.set_claim_status(claims[2].id, "false", note="")  # no note
    case.add_note(first.id, "Ünïcode \u201cquoted\u201d \\ note")
    case.undo()
    case.add_note(claims[0].id, "kept")
    mention = case.mentions(actor_id=first.id)[0]
    case.remove_mention(mention.id)  # the actor's state leaves rejected mentions out
    case.update_actor(first.id, type="person")
    case.merge_actors(first.id, actors[2].id)
    case.undo()  # a merge: rows put back with their rowids, alias rules by their key
    case.update_actor(actors[3].id, name="Another Name")  # a rename, with its alias rule
    case.update_actor(actors[3].id, status="rejected")
    case.undo()
    case.undo()
    # the rest of a verification session: links, several actors, claim edits, merges
    link = case.link_source(claims[0].id, actors[2].id, relation="corroborates", note="seen")
    case.link_source(claims[1].id, "https://example.org/story")
    case.unlink_source(link.id, expected=link.version)
    case.undo()
    case.update_actors([first.id, second.id, actors[4].id], status="rejected", type="group")
    case.update_actors(
        [second.id], type="person", expected={second.id: case.actor(second.id).version}
    )
    case.undo()
    case.update_actor(actors[5].id, name="  Renamed Again ", status="confirmed")
    case.update_actor(actors[5].id, name="Renamed Again")  # the same name: no rule added
    case.update_claim(claims[0].id, text="corrected words", kind="direct", review="confirmed")
    case.update_claim(claims[1].id, speaker=actors[2].id, expected=claims[1].version + 1)
    case.update_claim(claims[1].id, speaker="")  # an unnamed source
    case.undo()
    case.merge_actors(actors[2].id, [actors[4].id, actors[6].id])  # chains, links, notes move
    case.add_note(actors[2].id, "after the merge")
    case.merge_actors(first.id, actors[1].id, expected={first.id: case.actor(first.id).version})
    case.undo()


def _comparable(location: Path | str) -> dict[str, object]:
    """What both back ends must hold alike: the audit log (parsed; its times and ids
    aside), the edited tables' rows, and the counters."""
    with Case.open(location) as case:
        store = case._store
        audit = [
            (
                r["who"],
                r["action"],
                r["target"] if r["action"] != "undo" else None,
                _timeless(json.loads(r["before"])),
                _timeless(json.loads(r["after"])),
                None if r["changes"] is None else _timeless(json.loads(r["changes"])),
                r["undone_by"] is not None,
                r["session"],
            )
            for r in store.rows("SELECT * FROM audit ORDER BY id")
        ]
        for row in audit:  # an undo's entry names the entry undone by its id
            for state in (row[3], row[4]):
                if isinstance(state.get("entry"), dict):
                    state["entry"].pop("id")
        tables = {
            table: sorted(
                json.dumps(_timeless(dict(r)), sort_keys=True)
                for r in store.rows(f"SELECT * FROM {table}")
            )
            for table in (
                "actors",
                "claims",
                "notes",
                "aliases",
                "mentions",
                "links",
                "events",
                "relations",
            )
        }
        counters = dict(store.rows("SELECT name, value FROM counters ORDER BY name"))
        return {"audit": audit, "tables": tables, "counters": counters}


# when a row or record was made: each back end's own clock
CLOCKS = frozenset({"added_at", "created_at"})


def _timeless(value: object) -> object:
    """`value` without the times it holds (`CLOCKS`), at any depth."""
    if isinstance(value, dict):
        return {k: _timeless(v) for k, v in value.items() if k not in CLOCKS}
    if isinstance(value, list):
        return [_timeless(v) for v in value]
    return value


def test_the_one_trip_edits_write_what_the_ordinary_path_writes(
    tmp_path: Path, postgres_server, monkeypatch
) -> None:
    """The same edits on a file (the ordinary path) and on a server (one round trip where
    it can): the same audit rows, rows and counters."""
    file = tmp_path / "story.case"
    url = postgres_server.url("one_trip_same")
    for location in (file, url):
        with Case.open(location, session="one-session") as case:
            _story(case)
            _edits(case)
    on_file, on_server = _comparable(file), _comparable(url)
    assert on_server["audit"] == on_file["audit"]
    assert on_server["tables"] == on_file["tables"]
    assert on_server["counters"] == on_file["counters"]


def test_stale_missing_and_conflicting_edits_are_refused_as_before(postgres_server) -> None:
    """What the one trip does not do (a stale version, no such record, an undo that would
    overwrite another session's work) writes nothing and is refused by the ordinary path
    with its own message."""
    url = postgres_server.url("one_trip_refused")
    with Case.open(url) as mine, Case.open(url) as theirs:
        _story(mine)
        actor = mine.actors()[0]
        entries = len(mine.history())
        theirs.update_actor(actor.id, status="confirmed")
        with pytest.raises(StaleEditError, match="was changed since you saw it"):
            mine.update_actor(actor.id, status="rejected", expected=actor.version)
        with pytest.raises(NotFoundError, match="no actor 'A999'"):
            mine.update_actor("A999", status="rejected")
        # several versions checked by one loop on the server (`wb_check_all`): any stale
        # or missing one refuses the whole edit, as `_check_versions` does
        other = mine.actors()[1]
        several = {other.id: other.version, actor.id: actor.version}
        with pytest.raises(StaleEditError, match="was changed since you saw it"):
            mine.update_actors([other.id, actor.id], status="rejected", expected=several)
        with pytest.raises(StaleEditError, match="was changed since you saw it"):
            mine.merge_actors(other.id, actor.id, expected=several)
        with pytest.raises(NotFoundError, match="no actor 'A999'"):
            mine.merge_actors(other.id, actor.id, expected={"A999": 1})
        assert mine.actor(other.id) == other
        with pytest.raises(NotFoundError, match="no article, actor"):
            mine.add_note("X1", "on nothing")
        with pytest.raises(CaseError, match="not a claim status"):
            mine.set_claim_status(mine.claims()[0].id, "maybe")
        assert len(mine.history()) == entries + 1
        mine.update_actor(actor.id, type="group")
        theirs.update_actor(actor.id, type="organization")
        with pytest.raises(CaseError, match="cannot undo update_actor"):
            mine.undo()
        with Case.open(url) as fresh, pytest.raises(CaseError, match="nothing to undo"):
            fresh.undo()
        assert mine.actor(actor.id).type.value == "organization"


def test_a_mark_left_in_the_servers_log_skips_no_version_bump(postgres_server) -> None:
    """The server's log of an action (`wb_log`) starts empty at each edit: a mark some
    earlier action left there (a row's version bumped) must not stop this edit bumping
    that row's version, or the stale-edit check would pass edits it must refuse."""
    with Case.open(postgres_server.url("one_trip_log_left")) as case:
        _story(case)
        claim = case.claims()[0]
        case.update_claim(claim.id, text="first words")  # makes the functions
        case._store.db.execute(
            "INSERT INTO pg_temp.wb_log (bumped) VALUES (?)", (f"claims {claim.id}",)
        )
        edited = case.update_claim(claim.id, text="second words", expected=claim.version + 1)
        assert edited.version == claim.version + 2 == case.claim(claim.id).version


def test_a_server_that_refuses_the_functions_gets_the_ordinary_path(
    postgres_server, monkeypatch
) -> None:
    """A role that may not make temporary functions: the first edit falls back to the
    ordinary path (and is written once), and so do the next ones, without trying again."""
    monkeypatch.setattr(pg_edits, "FUNCTIONS", ("CREATE FUNCTION pg_temp.broken( AS",))
    with Case.open(postgres_server.url("one_trip_refused_functions")) as case:
        _story(case)
        actor = case.actors()[0]
        sent = counting(monkeypatch)
        case.update_actor(actor.id, status="confirmed")
        assert case._store.db.one_trip is False
        before = len(sent)
        case.update_actor(actor.id, status="rejected")
        assert len(sent) - before == 2  # the ordinary path's two
        assert [e.action for e in case.history()][-2:] == ["update_actor", "update_actor"]
        assert case.actor(actor.id).version == actor.version + 2


# --- the rest (session 10): a claim's span and chain, an event, a split, names of other
# scripts (`Case` calls pg_edits.update_claim_fields, update_event and split_alias first)

# a third report, in French with Arabic names: accents, another script, and the no-break
# spaces French sets inside its quotation marks (a span is trimmed of them as Python does)
THIRD_TEXT = (
    "Zāhir à Damas\n\n"
    "Selon SANA, Ḥasan Zāhir a rencontré سمير حداد à Damas le 3 novembre 2016. "
    "«\u00a0Nous coopérerons\u00a0», a déclaré Zāhir, selon زاهر."
)


def _third_extraction():
    from case_builders import build_extraction

    return build_extraction(
        "zahir-a-damas",
        THIRD_TEXT,
        actors=[
            ("Ḥasan Zāhir", "person", ["Zāhir", "زاهر"]),
            ("سمير حداد", "person", []),
            ("Damas", "place", []),
            ("SANA", "media", []),
        ],
        claims=[
            {
                "text": "Nous coopérerons",
                "speaker": "Ḥasan Zāhir",
                "speaker_text": "Zāhir",
                "channels": ["SANA"],
            }
        ],
        events=[{"date_text": "3 novembre 2016", "date": "2016-11-03", "summary": "une rencontre"}],
    )


def test_the_spaces_a_span_is_trimmed_of_are_pythons() -> None:
    """`pg_edits.SPACES`, written out, is every character `str.isspace` takes: the ones
    `checking.article_span` trims a span of, sent to the server to trim it alike."""
    import sys

    scanned = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert scanned == pg_edits.SPACES


def _named(case: Case, name: str):
    return next(a for a in case.actors() if a.name == name)


def _rest_story(case: Case) -> None:
    _story(case)
    case.add_extraction(_third_extraction())


def _rest_edits(case: Case) -> None:
    """The edits the ordinary path still wrote in session 9, undone or not, with the
    errors the one trip leaves to it."""
    claims = {c.text: c for c in case.claims()}
    relayed = claims["Mamluk had met Egyptian officials before"]
    sana = claims["the two sides agreed to coordinate political stances"]
    french = claims["Nous coopérerons"]
    afp, mee = _named(case, "AFP"), _named(case, "Middle East Eye")
    # spans: wider by a space, a full stop, French no-break spaces; trimmed as Python trims
    case.update_claim(sana.id, start=sana.start - 1, end=sana.end + 1, kind="direct")
    case.update_claim(french.id, start=french.start - 1, end=french.end + 1)
    case.update_claim(french.id, start=french.start - 2, expected=french.version + 1)
    case.update_claim(relayed.id, end=relayed.end - 7, review="confirmed")
    case.undo()
    # the chain, the speaker's description, an unnamed speaker
    case.update_claim(
        relayed.id, channels=[afp.id, (mee.id, "citing")], speaker_text="  Une source "
    )
    case.update_claim(relayed.id, speaker="", speaker_text="", text="Mamluk had met them")
    case.update_claim(sana.id, channels=[], speaker=afp.id)
    case.undo()
    for target, wrong in (
        (relayed, {"start": 0, "end": 10**6}),  # outside the article
        (relayed, {"start": sana.start, "end": sana.start + 1, "text": "both"}),
        (relayed, {"channels": [afp.id, afp.id]}),
        (relayed, {"channels": ["A999"]}),
        (relayed, {"speaker": "A999"}),
        (french, {"start": french.start - 1, "end": french.start}),  # a no-break space
    ):
        with pytest.raises(CaseError):
            case.update_claim(target.id, **wrong)
    # events: a date with its own precision, a range, the claim that reports it
    events = {e.date_text: e for e in case.events()}
    first, october, french_day = (
        events["16 October 2016"],
        events["October 2016"],
        events["3 novembre 2016"],
    )
    case.update_event(first.id, date="October 2016", summary="Zāhir à Damas", review="confirmed")
    case.update_event(october.id, date="2016-10-20", date_end="2016-10-22", precision="approximate")
    case.update_event(october.id, date="2016-10-21")  # approximate stays
    case.update_event(first.id, claim=relayed.id, expected=case.event(first.id).version)
    case.update_event(french_day.id, date_end="", claim=french.id, date="2016-11")
    case.update_event(first.id, claim="")
    case.undo()
    for event_id, wrong_event in (
        (french_day.id, {"claim": sana.id}),  # a claim of another article
        (first.id, {"date": "31 February 2016"}),
        (first.id, {"precision": "hourly"}),
        (first.id, {"claim": "C999"}),
    ):
        with pytest.raises(WorkbenchError):  # CaseError, DateError
            case.update_event(event_id, **wrong_event)
    # splits: a plain alias, one of accented and Arabic texts (asked of the client)
    mamlouk, zahir = _named(case, "Ali Mamlouk"), _named(case, "Ḥasan Zāhir")
    split = case.split_alias(mamlouk.id, "Al-Mamlouk", expected=mamlouk.version)
    case.update_actor(split, status="confirmed")
    case.split_alias(zahir.id, "Zāhir")
    case.split_alias(zahir.id, "زاهر")
    case.undo()
    with pytest.raises(CaseError):
        case.split_alias(zahir.id, "Hasan Zahir")  # its own name
    with pytest.raises(NotFoundError):
        case.split_alias(zahir.id, "nobody")
    # merges of actors named in another script, or with accents
    case.merge_actors(mamlouk.id, _named(case, "سمير حداد").id)
    case.merge_actors(zahir.id, [_named(case, "Zāhir").id, _named(case, "Damas").id])
    # undone last: an actor added after one removed takes its rowid again in a file, the
    # next of a sequence on a server (so the undo data of a later removal differ)
    for _ in range(5):
        case.undo()


def test_the_rest_writes_what_the_ordinary_path_writes(
    tmp_path: Path, postgres_server, monkeypatch
) -> None:
    """A claim's span and chain, events, splits and merges of names in other scripts, on
    a file (the ordinary path) and on a server (one round trip where it can): the same
    audit rows, rows and counters, the same errors."""
    file = tmp_path / "rest.case"
    url = postgres_server.url("one_trip_rest")
    done: list[str] = []  # the server's functions that did an edit
    one_trip = pg_edits._one_trip

    def noted(store, what, sql, params, note):
        found = one_trip(store, what, sql, params, note)
        if found is not None and found["outcome"] == "done":
            done.append(sql.split("(")[0].removeprefix("SELECT pg_temp."))
        return found

    monkeypatch.setattr(pg_edits, "_one_trip", noted)
    for location in (file, url):
        with Case.open(location, session="one-session") as case:
            _rest_story(case)
            _rest_edits(case)
    assert {f: done.count(f) for f in sorted(set(done))} == {
        "wb_merge": 2,
        "wb_split_alias": 3,
        "wb_undo": 9,
        "wb_update": 1,
        "wb_update_claim": 7,
        "wb_update_event": 6,
    }
    on_file, on_server = _comparable(file), _comparable(url)
    assert on_server["audit"] == on_file["audit"]
    assert on_server["tables"] == on_file["tables"]
    assert on_server["counters"] == on_file["counters"]


def test_the_rest_is_one_round_trip_each(postgres_server, monkeypatch) -> None:
    """A claim's new span, chain and speaker's description, an event, a split: one round
    trip each (3-4, 3, and 10 and more before); a split or a merge whose names are in
    another script, two (the server asks for their normal forms). Each handed back as a
    read gives it."""
    with Case.open(postgres_server.url("one_trip_rest_count")) as case:
        _rest_story(case)
        claim = next(c for c in case.claims() if c.text == "Nous coopérerons")
        event = case.events()[0]
        mamlouk, zahir = _named(case, "Ali Mamlouk"), _named(case, "Ḥasan Zāhir")
        afp = _named(case, "AFP")
        sent = counting(monkeypatch)
        trips: dict[str, int] = {}

        def count(name: str, call: Callable[[], object]) -> object:
            before = len(sent)
            found = call()
            trips[name] = len(sent) - before
            return found

        span = count(
            "span",
            lambda: case.update_claim(claim.id, start=claim.start - 1, end=claim.end + 1),
        )
        assert span == case.claim(claim.id) and span.text == "Nous coopérerons"
        chain = count(
            "chain",
            lambda: case.update_claim(
                claim.id, channels=[(afp.id, "citing")], speaker_text=" Zāhir "
            ),
        )
        assert chain == case.claim(claim.id) and chain.channels == (afp.id,)
        assert chain.speaker_text == "Zāhir"
        dated = count(
            "update_event",
            lambda: case.update_event(event.id, date="2016", summary="l'année"),
        )
        assert dated == case.event(event.id) and dated.precision.value == "year"
        split = count("split_alias", lambda: case.split_alias(mamlouk.id, "Mamluk"))
        assert case.actor(split).aliases == ("Mamluk",)
        other = count("split, asked", lambda: case.split_alias(zahir.id, "زاهر"))
        assert case.actor(other).name == "زاهر"
        haddad = _named(case, "سمير حداد")
        merged = count("merge, asked", lambda: case.merge_actors(mamlouk.id, haddad.id))
        assert merged == case.actor(mamlouk.id) and "سمير حداد" in merged.aliases
        for name in ("merge", "split asked", "split", "event", "chain", "span"):
            count(f"undo {name}", case.undo)
        assert trips == {
            "span": 1,
            "chain": 1,
            "update_event": 1,
            "split_alias": 1,
            "split, asked": 2,
            "merge, asked": 2,
            **{
                f"undo {name}": 1
                for name in ("merge", "split asked", "split", "event", "chain", "span")
            },
        }
        assert case.claim(claim.id) == claim and case.event(event.id) == event
