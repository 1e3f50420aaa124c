"""One visitor cannot overwrite another (issue 12): with `--visitors own` each visitor gives
a name and works in a copy of the starting case of their own; the teacher reads them all,
side by side, without writing. Driven from Python here (the widgets the page shows)."""

from __future__ import annotations

import os
import stat

import pytest

from workbench import Case
from workbench.analysis import claim_rows
from workbench.views import launch
from workbench.views.app import Workbench
from workbench.views.class_view import class_tables, read_class
from workbench.views.visitors import VisitorGate

pytestmark = pytest.mark.slow  # the starting case holds the seed article, extracted


@pytest.fixture
def class_folder(seed_case, monkeypatch):
    """The class's folder: the teacher's starting case (the seed article) and nothing else."""
    folder = seed_case.path.parent
    monkeypatch.setenv(launch.VISITORS_ENV, "own")
    monkeypatch.setenv(launch.CASE_ENV, str(seed_case.path))
    monkeypatch.delenv("WORKBENCH_CASES_DIR", raising=False)
    return folder


def _enter(name: str) -> Workbench:
    gate = Workbench.open()
    assert isinstance(gate, VisitorGate)
    assert gate.enter(name), gate.message.value
    assert gate.widget.children == (gate.app.widget,)
    return gate.app


def _dispute_first_claim(app: Workbench) -> str:
    claim = claim_rows(app.case)[0]
    app.case.set_claim_status(claim.claim_id, "disputed", note="mine")
    return claim.claim_id


def test_each_visitor_works_in_a_copy_of_the_starting_case(class_folder, seed_case):
    ada, bob = _enter("ada"), _enter("bob")
    assert ada.case.path == class_folder / "ada.case"
    assert bob.case.path == class_folder / "bob.case"
    assert stat.S_IMODE(os.stat(ada.case.path).st_mode) == 0o600
    # the teacher's article is in both copies
    assert [a.title for a in ada.case.articles()] == [a.title for a in seed_case.articles()]
    claim_id = _dispute_first_claim(ada)
    with Case.open(class_folder / "bob.case") as other:
        assert other.claim(claim_id).status.value != "disputed"
    assert seed_case.claim(claim_id).status.value != "disputed"
    # ada comes back (a reload): the same case, her edit kept
    again = _enter("ada")
    assert again.case.claim(claim_id).status.value == "disputed"


def test_a_visitor_cannot_leave_their_case(class_folder, seed_case):
    ada = _enter("ada")
    assert ada.panel("Load").case_path not in _descendants(ada.panel("Load").widget)
    ada.open_case("bob")  # as a page could still send it
    assert ada.case.path == class_folder / "ada.case"
    assert "stays on your own case" in ada.status.value
    assert not (class_folder / "bob.case").exists()


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "seed", ".hidden", ""])
def test_names_that_are_not_a_visitors_own_case_are_refused(class_folder, name):
    gate = Workbench.open()
    assert not gate.enter(name)
    assert "✘" in gate.message.value
    assert gate.app is None
    assert sorted(p.name for p in class_folder.glob("*.case")) == ["seed.case"]


def test_the_teacher_reads_every_case_and_sees_where_they_differ(class_folder, seed_case):
    claim_id = _dispute_first_claim(_enter("ada"))
    _enter("bob")
    before = {p: p.stat().st_mtime_ns for p in class_folder.glob("*.case")}
    reading = read_class(class_folder, skip=("seed.case",))
    assert [c.name for c in reading.cases] == ["ada", "bob"]
    text = seed_case.claim(claim_id).text
    by_case = next(v for (_title, t), v in reading.claims.items() if t == text)
    assert by_case["ada"] == "disputed" and by_case["bob"] != "disputed"
    html = class_tables(reading)
    assert "background:#fff3cd" in html  # the disagreement stands out
    assert {p: p.stat().st_mtime_ns for p in class_folder.glob("*.case")} == before


def test_shared_mode_keeps_everyone_on_the_starting_case(class_folder, seed_case, monkeypatch):
    monkeypatch.setenv(launch.VISITORS_ENV, "shared")
    app = Workbench.open()
    assert isinstance(app, Workbench)
    assert app.case.path == seed_case.path


def _descendants(widget) -> list:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found.extend(_descendants(child))
    return found


def test_the_class_notebook_shows_the_cases(class_folder, tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    _dispute_first_claim(_enter("ada"))
    monkeypatch.setenv("WORKBENCH_CASES_DIR", str(class_folder))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    notebook = nbformat.read(launch.notebooks_dir() / "class.ipynb", as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell("print('TABLE', _.table.value.count('disputed'))")
    )
    NotebookClient(notebook, timeout=180, kernel_name="python3").execute()
    printed = "".join(
        o.get("text", "") for c in notebook.cells for o in c.get("outputs", []) if "text" in o
    )
    assert "TABLE 2" in printed, printed  # ada's summary and her claim
