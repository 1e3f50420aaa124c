"""`workbench lab` / `workbench app` through `workbench.cli.main`, without starting a server:
the supervised run is replaced by one that records the command line and environment (the
real servers are started in tests/views/test_serving*.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.views import launch


@pytest.fixture
def calls(monkeypatch) -> list[tuple[list[str], dict[str, str]]]:
    made: list[tuple[list[str], dict[str, str]]] = []
    monkeypatch.setattr(
        launch.supervise, "run", lambda command, env: made.append((command, env)) or 0
    )
    return made


def test_app_binds_localhost_unless_told(calls, tmp_path):
    assert main(["app", "--no-browser", "--case", str(tmp_path / "class.case")]) == 0
    command, env = calls[-1]
    assert "--Voila.ip=127.0.0.1" in command and "--template=workbench" in command
    assert command[-1] == "--no-browser"
    assert Path(command[3]).name == "workbench.ipynb"
    assert env[launch.CASE_ENV] == str(tmp_path / "class.case")

    assert main(["app", "classroom", "--ip", "0.0.0.0", "--port", "9000"]) == 0
    command, _env = calls[-1]
    assert "--Voila.ip=0.0.0.0" in command and "--port=9000" in command
    assert Path(command[3]).name == "classroom.ipynb"


def test_lab_command(calls):
    assert main(["lab", "api-tour"]) == 0
    command, _env = calls[-1]
    assert command[1:3] == ["-m", "jupyterlab"]
    assert "--ServerApp.ip=127.0.0.1" in command
    assert Path(command[3]).name == "api-tour.ipynb"


def test_the_server_exit_code_is_the_commands(monkeypatch):
    monkeypatch.setattr(launch.supervise, "run", lambda command, env: 3)
    assert main(["lab", "--no-browser"]) == 3


def test_building_the_commands_imports_no_widgets():
    code = (
        "import sys\n"
        "from workbench.cli import build_parser\n"
        "build_parser()\n"
        "heavy = {'ipywidgets', 'pyvis', 'altair', 'anywidget', 'IPython'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cases_dir_is_created_passed_on_and_holds_the_default_case(calls, tmp_path):
    folder = tmp_path / "class-cases"
    main(["app", "--no-browser", "--cases-dir", str(folder)])
    _command, env = calls[-1]
    assert folder.is_dir()
    assert env[launch.CASES_DIR_ENV] == str(folder.resolve())
    assert env[launch.CASE_ENV] == str(folder.resolve() / "workbench.case")

    main(["lab", "--cases-dir", str(folder), "--case", str(tmp_path / "start.case")])
    _command, env = calls[-1]
    assert env[launch.CASES_DIR_ENV] == str(folder.resolve())
    assert env[launch.CASE_ENV] == str(tmp_path / "start.case")


def test_missing_notebook_is_a_clear_error(calls, capsys):
    assert main(["lab", "no-such-notebook", "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert "no such notebook" in err and err.count("\n") == 1
    assert calls == []


def test_the_kernel_knows_when_the_app_is_open_to_the_network(monkeypatch, calls, tmp_path):
    monkeypatch.delenv(launch.SERVED_TO_NETWORK_ENV, raising=False)
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
            main([command, "--no-browser", "--case", case, "--ip", ip])
            _command, env = calls[-1]
            expected = open_to_network and command == "app"  # the lab keeps its token
            assert (env.get(launch.SERVED_TO_NETWORK_ENV) == "1") is expected, (ip, command)
    main(["app", "--no-browser", "--case", case])  # the default, 127.0.0.1
    assert launch.SERVED_TO_NETWORK_ENV not in calls[-1][1]


def test_the_app_caps_and_culls_kernels(calls, tmp_path):
    main(["app", "--no-browser", "--case", str(tmp_path / "c.case")])
    command, _env = calls[-1]
    assert command[1:3] == ["-m", "workbench.views.voila_server"]
    assert "--VisitorKernelManager.max_kernels=40" in command
    assert "--MappingKernelManager.cull_idle_timeout=600" in command
    assert "--MappingKernelManager.cull_connected=False" in command  # an open page stays

    main(["app", "--no-browser", "--max-visitors", "3", "--idle-minutes", "0.1"])
    command, _env = calls[-1]
    assert "--VisitorKernelManager.max_kernels=3" in command
    assert "--MappingKernelManager.cull_idle_timeout=6" in command
    assert "--MappingKernelManager.cull_interval=3" in command


def test_the_app_can_keep_warm_kernels(calls, tmp_path):
    """Voila's pre-heated kernels, only when asked: each holds memory while it waits."""
    main(["app", "--no-browser", "--case", str(tmp_path / "c.case")])
    assert not any("preheat" in part for part in calls[-1][0])
    main(["app", "--no-browser", "--warm-kernels", "2"])
    command, _env = calls[-1]
    assert "--preheat_kernel=True" in command and "--pool_size=2" in command
    assert f"--VoilaKernelManager.fill_delay={launch.WARM_REFILL_DELAY}" in command


@pytest.mark.parametrize(
    "option",
    [
        ["--max-visitors", "0"],
        ["--max-visitors", "x"],
        ["--idle-minutes", "nan"],
        ["--warm-kernels", "-1"],
    ],
)
def test_bad_limits_are_one_line_and_exit_2(calls, capsys, option):
    with pytest.raises(SystemExit) as stop:
        main(["app", "--no-browser", *option])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("workbench: ") and err.count("\n") == 1
    assert calls == []


def test_the_cli_defaults_are_the_launchers():
    from workbench.cli import servers

    assert servers.MAX_VISITORS == launch.MAX_VISITORS
    assert servers.IDLE_MINUTES == launch.IDLE_MINUTES


def test_visitors_get_their_own_case_when_the_app_is_open_to_the_network(calls, tmp_path):
    case = str(tmp_path / "class.case")
    for options, expected in [
        ([], "shared"),  # 127.0.0.1: one person, their case
        (["--ip", "0.0.0.0"], "own"),  # a class: a case per visitor
        (["--ip", "0.0.0.0", "--visitors", "shared"], "shared"),  # one case, on purpose
        (["--visitors", "own"], "own"),
    ]:
        main(["app", "--no-browser", "--case", case, *options])
        assert calls[-1][1][launch.VISITORS_ENV] == expected, options
    main(["lab", "--no-browser", "--case", case, "--ip", "0.0.0.0"])
    assert launch.VISITORS_ENV not in calls[-1][1]


def test_the_kernels_share_one_extraction_queue(calls, tmp_path):
    from workbench.views.extraction_queue import QUEUE_ENV, SLOTS_ENV

    main(["app", "--no-browser", "--case", str(tmp_path / "c.case"), "--max-extractions", "3"])
    env = calls[-1][1]
    assert env[SLOTS_ENV] == "3"
    assert env[QUEUE_ENV].startswith(launch.tempfile.gettempdir())
    assert not launch.os.path.exists(env[QUEUE_ENV])  # removed once the server stopped
