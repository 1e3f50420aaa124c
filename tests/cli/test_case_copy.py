"""`workbench case copy SRC DEST` between an SQLite file and a PostgreSQL server, both ways,
and the other `workbench case` commands on a server case's URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.case.case_builders import actor_named, first_extraction, second_extraction
from workbench.case import dump_tables
from workbench.cli import main
from workbench.workflow import Case

pytestmark = pytest.mark.slow  # starts a PostgreSQL server


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["case", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def worked_case(location: Path | str) -> str:
    """A case with a person's work in it: statuses, a note, a link, a merge, a split, an
    undone action and one left to undo. Returns the session that can undo it."""
    with Case.open(location) as case:
        case.add_extraction(first_extraction())
        case.add_extraction(second_extraction())
        claims = case.claims()
        case.set_claim_status(claims[0].id, "disputed", note="one source only")
        case.link_source(claims[1].id, "https://example.org/report", relation="corroborates")
        mamlouk = actor_named(case, "Ali Mamlouk")
        case.split_alias(mamlouk.id, "Al-Mamlouk")
        case.merge_actors(actor_named(case, "AFP").id, actor_named(case, "SANA").id)
        case.undo()  # the merge: undone, with its undo recorded
        case.update_actor(mamlouk.id, status="confirmed")  # left for the copy's undo
        return case.session


def snapshot(location: Path | str) -> tuple[int, dict]:
    with Case.open(location) as case:
        return dump_tables(case)


def test_copy_to_the_server_and_back_keeps_every_row(tmp_path, postgres_server, capsys) -> None:
    original = tmp_path / "story.case"
    session = worked_case(original)
    url = postgres_server.url()
    code, out, err = run(capsys, "copy", str(original), url)
    assert (code, err) == (0, "")
    assert out.startswith("copied ") and "found the same" in out
    back = tmp_path / "back.case"
    code, _, err = run(capsys, "copy", url, str(back))
    assert (code, err) == (0, "")
    version, tables = snapshot(original)
    # the round trip: file -> server -> file holds the very same rows, undo data included
    assert snapshot(url) == (version, tables) == snapshot(back)
    assert [row["action"] for row in tables["audit"]][-2:] == ["undo", "update_actor"]
    assert all(row["changes"] for row in tables["audit"] if row["action"] == "update_actor")
    # the person's session carries on in the copy: their last action is undone there
    with Case.open(url, session=session) as shared:
        assert shared.undo().action == "update_actor"
        assert shared.actor(actor_named(shared, "Ali Mamlouk").id).status.value == "extracted"
        # and new work gets new ids, after the copied ones (no clash with copied counters)
        note = shared.add_note(shared.claims()[0].id, "on the server")
        assert note.id == "N2"
        assert shared.history()[-1].id == len(tables["audit"]) + 2


def test_copy_refuses_an_existing_destination_and_a_missing_source(
    tmp_path, postgres_server, capsys
) -> None:
    original = tmp_path / "story.case"
    worked_case(original)
    url = postgres_server.url()
    assert run(capsys, "copy", str(original), url)[0] == 0
    before = snapshot(url)
    code, _, err = run(capsys, "copy", str(original), url)
    assert code == 2 and "a case is there already" in err and err.count("\n") == 1
    assert snapshot(url) == before
    code, _, err = run(capsys, "copy", url, str(original))
    assert code == 2 and "a case is there already" in err
    code, _, err = run(capsys, "copy", str(tmp_path / "none.case"), postgres_server.url())
    assert code == 2 and "no such case" in err
    code, _, err = run(capsys, "copy", postgres_server.url(), str(tmp_path / "x.case"))
    assert code == 2 and "no such case" in err
    assert not (tmp_path / "x.case").exists()


def test_a_failed_copy_leaves_nothing_under_the_name(
    tmp_path, postgres_server, capsys, monkeypatch
) -> None:
    from workbench.case import copying

    original = tmp_path / "story.case"
    worked_case(original)
    url = postgres_server.url()

    def differs(location, tables, version) -> None:
        raise copying.CaseError("the copy's claims row 1 differs from the original (text)")

    monkeypatch.setattr(copying, "_check_same", differs)
    code, _, err = run(capsys, "copy", str(original), url)
    assert code == 2 and "differs" in err
    assert not copying.case_exists(url)
    code, _, err = run(capsys, "copy", str(original), str(tmp_path / "copy.case"))
    assert code == 2 and not (tmp_path / "copy.case").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.case"]


def test_the_case_commands_take_a_server_url(postgres_server, capsys) -> None:
    url = postgres_server.url()
    assert run(capsys, "new", url)[0] == 0
    code, _, err = run(capsys, "new", url)
    assert code == 2 and "already exists" in err
    with Case.open(url) as case:
        case.add_extraction(first_extraction())
        claim = case.claims()[0].id
    code, out, _ = run(capsys, "status", url, claim, "corroborated", "--note", "AFP too")
    assert (code, out.strip()) == (0, f"{claim}: corroborated")
    code, out, _ = run(capsys, "list", url, "claims")
    assert code == 0 and "corroborated" in out
    code, out, _ = run(capsys, "undo", url)
    assert code == 0
    with Case.open(url) as case:
        assert case.claim(claim).status.value == "unverified"


def test_a_server_url_that_cannot_be_reached_is_one_line(tmp_path, capsys) -> None:
    url = f"postgresql://alice:secret@/newsroom?host={tmp_path}&port=1&case=story"
    code, _, err = run(capsys, "list", url)
    assert code == 2 and err.startswith("workbench: cannot connect to postgresql://alice@")
    assert err.count("\n") == 1 and "secret" not in err
    code, _, err = run(capsys, "list", "postgresql://x@/db?case=no-dashes")
    assert code == 2 and "case name" in err


def test_the_app_opens_a_server_case_by_its_url(postgres_server, tmp_path, monkeypatch) -> None:
    from workbench.views.app import Workbench
    from workbench.views.launch import server_env

    url = postgres_server.url()
    monkeypatch.chdir(tmp_path)  # the app's cases folder, for a case that is no file
    with Case.open(url) as case:
        case.add_extraction(first_extraction())
        claim = case.claims()[0].id
    # `workbench app --case URL` hands the URL to the notebook as it is, not as a path
    assert server_env(url, None)["WORKBENCH_CASE"] == url
    app = Workbench(url, watch=False)
    try:
        assert str(app.case.path) == url
        assert len(app.panel("Claims").case.claims()) == 2
        app.case.set_claim_status(claim, "disputed")
        with Case.open(url) as colleague:
            assert colleague.claim(claim).status.value == "disputed"
        # the case box shows the URL; it opens case files by name only, so asking it to
        # open the URL is refused in a line instead of making a file named like the case
        load = app.panel("Load")
        load.refresh()
        assert load.case_path.value == url
        app.open_case(load.case_path.value)
        assert str(app.case.path) == url
        assert not list(tmp_path.iterdir())
    finally:
        app.case.close()
