"""Starting the servers (`workbench.views.launch`): command lines, the environment, the private
Voila template folder. The options that reach them are tested in tests/cli/test_servers.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workbench.views import launch


def test_voila_finds_the_template_through_jupyter_path():
    env = launch.server_env(None)
    code = (
        "from voila.paths import collect_template_paths\n"
        "paths = collect_template_paths(['voila', 'nbconvert'], 'workbench', prune=True)\n"
        "print(paths[0])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    found = Path(out.stdout.strip())
    for name in ("index.html.j2", "conf.json"):  # a link to the package's, or an installed copy
        assert (found / name).read_text() == (launch.PACKAGE_TEMPLATE / name).read_text()


def test_lab_allows_root_only_when_root(monkeypatch, tmp_path):
    from workbench.views import launch

    notebook = tmp_path / "x.ipynb"
    monkeypatch.setattr(launch.os, "geteuid", lambda: 0)
    assert "--allow-root" in launch.lab_command(notebook)
    monkeypatch.setattr(launch.os, "geteuid", lambda: 1000)
    assert "--allow-root" not in launch.lab_command(notebook)


def _uninstalled_template(monkeypatch, tmp_path) -> Path:
    """A temp folder of our own and no installed template: the folder is what is used."""
    import jupyter_core.paths

    monkeypatch.setattr(jupyter_core.paths, "jupyter_path", lambda *a: [])
    monkeypatch.setattr(launch.tempfile, "tempdir", str(tmp_path))
    return tmp_path / f"workbench-jupyter-{launch.os.getuid()}"


def _planted(root: Path) -> Path:
    planted = root / "voila" / "templates" / launch.TEMPLATE_NAME
    planted.mkdir(parents=True)
    (planted / "index.html.j2").write_text("<script>planted</script>")
    return planted


def test_a_template_folder_others_can_write_in_is_not_used(monkeypatch, tmp_path):
    shared = _uninstalled_template(monkeypatch, tmp_path)
    _planted(shared)
    shared.chmod(0o777)
    root = launch.voila_template_root()
    assert root is not None and root != shared
    assert launch.os.stat(root).st_mode & 0o077 == 0
    template = root / "voila" / "templates" / launch.TEMPLATE_NAME
    assert template.resolve() == launch.PACKAGE_TEMPLATE.resolve()
    assert "planted" not in (template / "index.html.j2").read_text()


def test_the_template_folder_is_private_and_a_planted_template_is_replaced(monkeypatch, tmp_path):
    mine = _uninstalled_template(monkeypatch, tmp_path)
    assert launch.voila_template_root() == mine
    assert launch.os.stat(mine).st_mode & 0o777 == 0o700
    template = mine / "voila" / "templates" / launch.TEMPLATE_NAME
    template.unlink()
    _planted(mine)  # say, left by an older version, or by someone when it was open
    assert launch.voila_template_root() == mine
    assert template.resolve() == launch.PACKAGE_TEMPLATE.resolve()
    assert "planted" not in (template / "index.html.j2").read_text()
