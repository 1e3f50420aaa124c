"""`workbench lab` / `workbench app`: their command lines, without starting a server."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from workbench.views import launch


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="workbench")
    launch.add_view_commands(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_app_binds_localhost_unless_told(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(
        launch.subprocess, "call", lambda command, env: calls.append((command, env)) or 0
    )
    args = parse(["app", "--no-browser", "--case", str(tmp_path / "class.case")])
    assert args.func(args) == 0
    command, env = calls[-1]
    assert "--Voila.ip=127.0.0.1" in command and "--template=workbench" in command
    assert command[-1] == "--no-browser"
    assert Path(command[3]).name == "workbench.ipynb"
    assert env[launch.CASE_ENV] == str(tmp_path / "class.case")

    args = parse(["app", "classroom", "--ip", "0.0.0.0", "--port", "9000"])
    args.func(args)
    command, _env = calls[-1]
    assert "--Voila.ip=0.0.0.0" in command and "--port=9000" in command
    assert Path(command[3]).name == "classroom.ipynb"


def test_lab_command(monkeypatch):
    calls = []
    monkeypatch.setattr(
        launch.subprocess, "call", lambda command, env: calls.append((command, env)) or 0
    )
    args = parse(["lab", "api-tour"])
    args.func(args)
    command, _env = calls[-1]
    assert command[1:3] == ["-m", "jupyterlab"]
    assert "--ServerApp.ip=127.0.0.1" in command
    assert Path(command[3]).name == "api-tour.ipynb"


def test_registering_the_commands_imports_no_widgets():
    code = (
        "import sys, argparse\n"
        "from workbench.views.launch import add_view_commands\n"
        "add_view_commands(argparse.ArgumentParser().add_subparsers())\n"
        "heavy = {'ipywidgets', 'pyvis', 'altair', 'anywidget', 'IPython'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_voila_finds_the_template_through_jupyter_path():
    env = launch._server_env(None)
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


def test_cases_dir_is_created_passed_on_and_holds_the_default_case(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(
        launch.subprocess, "call", lambda command, env: calls.append((command, env)) or 0
    )
    folder = tmp_path / "class-cases"
    args = parse(["app", "--no-browser", "--cases-dir", str(folder)])
    args.func(args)
    _command, env = calls[-1]
    assert folder.is_dir()
    assert env[launch.CASES_DIR_ENV] == str(folder.resolve())
    assert env[launch.CASE_ENV] == str(folder.resolve() / "workbench.case")

    args = parse(["lab", "--cases-dir", str(folder), "--case", str(tmp_path / "start.case")])
    args.func(args)
    _command, env = calls[-1]
    assert env[launch.CASES_DIR_ENV] == str(folder.resolve())
    assert env[launch.CASE_ENV] == str(tmp_path / "start.case")


def test_lab_allows_root_only_when_root(monkeypatch, tmp_path):
    from workbench.views import launch

    notebook = tmp_path / "x.ipynb"
    monkeypatch.setattr(launch.os, "geteuid", lambda: 0)
    assert "--allow-root" in launch.lab_command(notebook)
    monkeypatch.setattr(launch.os, "geteuid", lambda: 1000)
    assert "--allow-root" not in launch.lab_command(notebook)


def test_missing_notebook_is_a_clear_error(capsys):
    from workbench.cli import main

    assert main(["lab", "no-such-notebook", "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert "no such notebook" in err and err.count("\n") == 1


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


def test_the_kernel_knows_when_the_app_is_open_to_the_network(monkeypatch, tmp_path):
    monkeypatch.delenv(launch.SERVED_TO_NETWORK_ENV, raising=False)
    calls = []
    monkeypatch.setattr(
        launch.subprocess, "call", lambda command, env: calls.append((command, env)) or 0
    )
    case = str(tmp_path / "class.case")
    for ip, open_to_network in [
        ("127.0.0.1", False),
        ("localhost", False),
        ("::1", False),
        ("127.0.0.2", False),
        ("0.0.0.0", True),
        ("192.168.1.20", True),
        ("::", True),
        ("", True),
        ("my-laptop.local", True),
    ]:
        for command in ("app", "lab"):
            args = parse([command, "--no-browser", "--case", case, "--ip", ip])
            args.func(args)
            _command, env = calls[-1]
            expected = open_to_network and command == "app"  # the lab keeps its token
            assert (env.get(launch.SERVED_TO_NETWORK_ENV) == "1") is expected, (ip, command)
    args = parse(["app", "--no-browser", "--case", case])  # the default, 127.0.0.1
    args.func(args)
    assert launch.SERVED_TO_NETWORK_ENV not in calls[-1][1]
