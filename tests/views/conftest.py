"""Fixtures for the views: a case with the seed article, and real servers and a real browser.

Browser tests run Debian's chromium through Playwright, never a downloaded browser. Every
page goes through a route handler that lets only this machine through and records the rest,
so a test can assert that nothing left the machine.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser_steps import LAUNCH, PAGE_LOAD, WAIT, screenshots_dir

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-dev-shm-usage",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"data", "blob", "about"}
ROOT = Path(__file__).resolve().parents[2]
# s: Voila and JupyterLab start in 5-10 s on a quiet machine, several times that when busy
SERVER_START = 180
SERVER_STOP = 60  # s: they shut their kernels down before they exit
# set by .ci/run: there a missing browser or Voila is a broken setup, not a reason to skip
REQUIRE_BROWSER = os.environ.get("WORKBENCH_REQUIRE_BROWSER") == "1"


def _missing(reason: str) -> None:
    if REQUIRE_BROWSER:
        pytest.fail(f"{reason} (WORKBENCH_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def seed_case(tmp_path, samples_dir):
    """A case holding the seed article."""
    from workbench import Case

    case = Case.open(tmp_path / "seed.case")
    case.add_article(samples_dir / "mamlouk-visits-cairo.txt", published="2016-10-17")
    yield case
    case.close()


# --- browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _missing(f"browser tests need Debian chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import expect, sync_playwright

    # `expect` waits 5 s by default; a kernel on a busy machine can take much longer
    expect.set_options(timeout=WAIT)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=LAUNCH
        )
        yield browser
        browser.close()


@dataclass
class Watched:
    """A page whose requests to other hosts are blocked and recorded, and whose errors are kept."""

    page: object
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or parsed.hostname in LOCAL_HOSTS


@pytest.fixture
def watched_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    # every click, fill and select waits for the kernel to draw its target: Playwright's
    # 30 s default is too short on a busy 2-core machine
    context.set_default_timeout(WAIT)
    context.set_default_navigation_timeout(PAGE_LOAD)
    watched = Watched(page=None)

    def route(route):
        if _is_local(route.request.url):
            route.continue_()
        else:
            watched.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda exc: watched.errors.append(str(exc)))

    def on_dialog(dialog):
        if dialog.type == "beforeunload":  # JupyterLab asks before leaving a changed notebook
            dialog.accept()
            return
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    watched.page = page
    yield watched
    context.close()


@pytest.fixture
def screenshots(tmp_path) -> Path:
    """The folder browser tests save pictures in: tmp_path, so `make test` leaves the tree
    clean; `make screenshots` sets WORKBENCH_SCREENSHOTS=docs/screenshots to refresh the docs."""
    return screenshots_dir(tmp_path / "screenshots")


# --- servers ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(
    url: str, *, timeout: float = SERVER_START, proc: subprocess.Popen | None = None
) -> None:
    """Wait until `url` answers with any HTTP status (polled: a server has no event to wait on)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise TimeoutError(f"nothing answered at {url}")


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM and wait: Voila and Jupyter shut their kernels down on it."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=SERVER_STOP)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def isolated_env(tmp: Path, base: dict[str, str] | None = None, **extra: str) -> dict[str, str]:
    """Jupyter's config, data and runtime dirs in `tmp`, so the user's own are not touched."""
    env = dict(os.environ if base is None else base)
    for name in ("config", "data", "runtime", "ipython", "xdg-config", "xdg-cache", "settings"):
        (tmp / name).mkdir(parents=True, exist_ok=True)
    env.update(
        JUPYTER_CONFIG_DIR=str(tmp / "config"),
        JUPYTER_DATA_DIR=str(tmp / "data"),
        JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
        IPYTHONDIR=str(tmp / "ipython"),
        XDG_CONFIG_HOME=str(tmp / "xdg-config"),
        XDG_CACHE_HOME=str(tmp / "xdg-cache"),
        JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


@dataclass
class Server:
    url: str
    case_path: Path
    proc: subprocess.Popen
    log: Path


@pytest.fixture
def voila_server(tmp_path):
    """`workbench app`'s Voila command on a free port, with the case in tmp_path."""
    if shutil.which("voila", path=str(Path(sys.executable).parent)) is None:
        _missing("voila is not installed in this environment")
    from workbench.views.launch import server_env, voila_command

    port = free_port()
    case_path = tmp_path / "class.case"
    env = isolated_env(tmp_path / "jupyter", server_env(str(case_path)))
    command = voila_command(ROOT / "notebooks" / "workbench.ipynb", port=port, open_browser=False)
    log = tmp_path / "voila.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path
        )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/voila/static/", proc=proc)
        yield Server(f"http://127.0.0.1:{port}/", case_path, proc, log)
    finally:
        stop(proc)


@pytest.fixture
def lab_server(tmp_path):
    """JupyterLab on the notebooks, token off, its settings and state in tmp_path."""
    from workbench.views.launch import lab_command, server_env

    port = free_port()
    case_path = tmp_path / "lab.case"
    jupyter = tmp_path / "jupyter"
    env = isolated_env(jupyter, server_env(str(case_path)))
    # every cell rendered even off screen, so the page can be driven as a whole
    tracker = jupyter / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True, exist_ok=True)
    (tracker / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    # a copy: JupyterLab writes checkpoints (and saves) beside the notebook it opens, and
    # the suite leaves the work tree as it found it
    notebook = tmp_path / "notebooks" / "workbench.ipynb"
    notebook.parent.mkdir()
    shutil.copyfile(ROOT / "notebooks" / "workbench.ipynb", notebook)
    command = lab_command(notebook, port=port, open_browser=False)
    command += [
        "--IdentityProvider.token=",
        "--ServerApp.jpserver_extensions=jupyter_lsp=False",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = tmp_path / "lab.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path
        )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/api/status", proc=proc)
        yield Server(f"http://127.0.0.1:{port}/", case_path, proc, log)
    finally:
        stop(proc)
