"""`workbench case ...` through the real entry point, `workbench.cli.main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.case.case_builders import actor_named, first_extraction, second_extraction
from workbench.cli import main
from workbench.workflow import Case


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    return tmp_path / "story.case"


@pytest.fixture
def story_path(case_path: Path) -> Path:
    with Case.open(case_path) as case:
        case.add_extraction(first_extraction())
        case.add_extraction(second_extraction())
    return case_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["case", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_creates_and_refuses_to_overwrite(case_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "new", str(case_path))
    assert code == 0 and "created" in out and case_path.exists()
    code, _, err = run(capsys, "new", str(case_path))
    assert code == 2 and err.startswith("workbench: ") and "already exists" in err


def test_list_claims_as_table_and_json(story_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "list", str(story_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["ID", "STATUS", "REVIEW"]
    assert len(lines) == 1 + 3
    code, out, _ = run(capsys, "list", str(story_path), "actors", "--format", "json")
    names = {a["name"] for a in json.loads(out)}
    assert {"Ali Mamlouk", "SANA", "Al-Akhbar"} <= names


def test_status_link_show_round_trip(story_path: Path, capsys) -> None:
    with Case.open(story_path) as case:
        claim = case.claims()[0].id
        afp = actor_named(case, "AFP").id
    code, out, _ = run(
        capsys, "status", str(story_path), claim, "corroborated", "--note", "AFP too"
    )
    assert (code, out.strip()) == (0, f"{claim}: corroborated")
    code, out, _ = run(capsys, "link", str(story_path), claim, afp, "--relation", "corroborates")
    assert code == 0 and "corroborates" in out
    code, out, _ = run(capsys, "show", str(story_path), claim)
    shown = json.loads(out)
    assert shown["status"] == "corroborated"
    assert [n["text"] for n in shown["notes"]] == ["AFP too"]
    assert shown["links"][0]["actor_id"] == afp
    assert (
        "Agence France-Presse" in shown["independent_sources"]
        or "AFP" in shown["independent_sources"]
    )
    code, out, _ = run(capsys, "list", str(story_path), "claims", "--status", "corroborated")
    assert claim in out and len(out.splitlines()) == 2
    code, out, _ = run(capsys, "list", str(story_path), "history")
    assert "set_claim_status" in out and "link_source" in out
    assert "SESSION" in out.splitlines()[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("status", "{case}", "C999", "false"), "no claim 'C999'"),
        (("link", "{case}", "C1", "nowhere"), "neither an actor"),
        (("show", "{case}", "X1"), "nothing with id"),
        (("list", "{missing}"), "no such case file"),
        (("list", "{case}", "actors", "--status", "false"), "claims only"),
        (("report", "{case}", "{dir}/memo.txt"), "Markdown or HTML"),
        (("report", "{case}", "{dir}/memo.json"), "Markdown or HTML"),
    ],
)
def test_errors_are_one_line_and_exit_2(story_path: Path, capsys, argv, message) -> None:
    fill = {
        "case": str(story_path),
        "missing": str(story_path) + ".nope",
        "dir": str(story_path.parent),
    }
    code, out, err = run(capsys, *(a.format(**fill) for a in argv))
    assert code == 2
    assert err.startswith("workbench: ") and message in err and len(err.splitlines()) == 1


def test_a_non_case_file_is_a_clear_error(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    code, _, err = run(capsys, "list", str(path))
    assert code == 2 and "not a case file" in err
    assert path.read_text() == "hello"


def test_export_and_report(story_path: Path, tmp_path: Path, capsys) -> None:
    pytest.importorskip("workbench.export")
    out_json = tmp_path / "case.json"
    code, out, err = run(capsys, "export", str(story_path), str(out_json))
    assert code == 0, err
    assert json.loads(out_json.read_text())
    memo = tmp_path / "memo.md"
    code, out, err = run(capsys, "report", str(story_path), str(memo))
    assert code == 0, err
    assert "Mamlouk" in memo.read_text()


@pytest.mark.slow
def test_add_extracts_a_sample_article(case_path: Path, samples_dir: Path, capsys) -> None:
    sample = samples_dir / "mamlouk-visits-cairo.txt"
    code, out, err = run(capsys, "add", str(case_path), str(sample), "--published", "2016-10-17")
    assert code == 0, err
    assert "actors" in out and "claims" in out
    with Case.open(case_path) as case:
        (article,) = case.articles()
        assert str(article.published) == "2016-10-17"
        assert any("Mamlouk" in a.name for a in case.actors())


@pytest.mark.slow
def test_add_reports_a_bad_input_and_adds_the_others(case_path, samples_dir, tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(
        (samples_dir / "mamlouk-visits-cairo.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "empty.txt").write_bytes(b"")
    missing = tmp_path / "missing.txt"
    argv = ("add", str(case_path), str(folder), str(missing), "--outlet", "SANA", "--title", "T")
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert [line.split(":")[0] for line in out.splitlines()] == ["good"]
    assert "empty.txt" in err and "missing.txt" in err and len(err.splitlines()) == 2
    with Case.open(case_path) as case:
        (article,) = case.articles()
        assert (article.id, article.outlet, article.title) == ("good", "SANA", "T")
    code, out, _ = run(capsys, "add", str(case_path), str(folder / "good.txt"))
    assert code == 0 and out.startswith("good: ")  # already there: not added twice
    with Case.open(case_path) as case:
        assert len(case.articles()) == 1


def test_export_json_then_import_gives_the_same_case(story_path: Path, tmp_path: Path, capsys):
    claim = None
    with Case.open(story_path) as case:
        claim = case.claims()[0].id
        case.set_claim_status(claim, "disputed", note="two outlets disagree")
    exported = tmp_path / "story.json"
    assert run(capsys, "export", str(story_path), str(exported))[0] == 0
    copy = tmp_path / "copy.case"
    code, out, _ = run(capsys, "import", str(exported), str(copy))
    assert code == 0 and "created" in out
    with Case.open(story_path) as a, Case.open(copy) as b:
        assert a.claims() == b.claims() and a.actors() == b.actors()
        assert b.claim(claim).status.value == "disputed"
    code, _, err = run(capsys, "import", str(exported), str(copy))
    assert code == 2 and "exists" in err and err.count("\n") == 1


def test_remove_takes_an_article_out(story_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "remove", str(story_path), "sisi-receives-syrian-envoy")
    assert code == 0
    assert out.startswith("removed sisi-receives-syrian-envoy: 6 mentions, 1 claims, 1 events")
    with Case.open(story_path) as case:
        assert [a.id for a in case.articles()] == ["syrian-security-chief-visits-cairo"]
        assert case.history()[-1].action == "remove_article"
    code, _, err = run(capsys, "remove", str(story_path), "sisi-receives-syrian-envoy")
    assert (
        code == 2
        and err.strip() == "workbench: no article 'sisi-receives-syrian-envoy' in this case"
    )


def test_article_corrects_outlet_and_title_and_refuses_a_bad_date(story_path: Path, capsys):
    article_id = first_extraction().article.id
    code, out, _ = run(
        capsys, "article", str(story_path), article_id, "--outlet", "SANA", "--title", "Visit"
    )
    assert code == 0 and "outlet SANA" in out and "title Visit" in out
    code, _, err = run(capsys, "article", str(story_path), article_id, "--published", "17.10.16")
    assert code == 2 and err.startswith("workbench: ") and "YYYY-MM-DD" in err
    with Case.open(story_path) as case:
        article = case.article(article_id)
        facts = (article.outlet, article.title, str(article.published))
        assert facts == ("SANA", "Visit", "2016-10-17")  # str: a date or its text form
        assert [h.action for h in case.history()].count("update_article") == 1
