"""Every notebook runs top to bottom in a real kernel, then a cell drives its widgets."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.slow

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

DRIVE_APP = """
app.wait()  # the sample is extracted in the background while the app is shown
actors = app.panel("Actors")
mamlouk = max((a for a in app.case.actors() if "Mamluk" in a.aliases), key=lambda a: a.mention_count)
actors.choose(mamlouk.id)
actors.confirm_button.click()
claims = app.panel("Claims")
claims.choose(app.case.claims()[0].id)
claims.status.value = "in_progress"
claims.note.value = "from the notebook"
claims.status_button.click()
print("STATUS", app.case.actor(mamlouk.id).status.value, app.case.claims()[0].status.value)
"""


def run(name: str, tmp_path: Path, monkeypatch, extra: str | None = None) -> list[str]:
    monkeypatch.setenv("WORKBENCH_CASE", str(tmp_path / f"{name}.case"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    if extra:
        notebook.cells.append(nbformat.v4.new_code_cell(extra))
    NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    printed = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", output
            if output.get("name") == "stdout":
                printed.append(output["text"])
    return printed


@pytest.mark.parametrize("name", ["workbench", "classroom"])
def test_app_notebooks_run_and_their_widgets_edit_the_case(name, tmp_path, monkeypatch):
    printed = run(name, tmp_path, monkeypatch, DRIVE_APP)
    assert "STATUS confirmed in_progress" in "".join(printed)
    assert (tmp_path / f"{name}.case").exists()


def test_api_tour_runs(tmp_path, monkeypatch):
    run("api-tour", tmp_path, monkeypatch)
