"""`workbench app` as a class meets it, without a browser: the real command on a free port
of 127.0.0.1, and visitors made of an HTTP client and a kernel websocket, doing what the
page's JavaScript does (load the page, connect to its kernel, ask for the kernel's shutdown
when the page goes away). Shared by tests/views/test_serving*.py."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener, urlopen

import psutil
import websocket

PAGE = 180  # s: Voila runs the notebook before it answers; many at once on 2 cores
STOP = 60  # s: `workbench app` stops Voila, which shuts its kernels down
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, *, proc: subprocess.Popen, timeout: float = PAGE) -> None:
    """Wait until `url` answers with any HTTP status (polled: a server has no event to wait on)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with {proc.returncode}")
        try:
            urlopen(url, timeout=2)
            return
        except HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing answered at {url}")


def isolated_env(tmp: Path) -> dict[str, str]:
    """Jupyter's config, data and runtime dirs in `tmp`, so the user's own are not touched."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    for name, variable in [
        ("config", "JUPYTER_CONFIG_DIR"),
        ("data", "JUPYTER_DATA_DIR"),
        ("runtime", "JUPYTER_RUNTIME_DIR"),
        ("ipython", "IPYTHONDIR"),
        ("xdg-config", "XDG_CONFIG_HOME"),
        ("xdg-cache", "XDG_CACHE_HOME"),
    ]:
        (tmp / name).mkdir(parents=True, exist_ok=True)
        env[variable] = str(tmp / name)
    return env


@dataclass
class App:
    proc: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def processes(self) -> list[psutil.Process]:
        """`workbench app` and every process under it."""
        try:
            root = psutil.Process(self.proc.pid)
            return [root, *root.children(recursive=True)]
        except psutil.Error:
            return []

    def kernels(self) -> list[psutil.Process]:
        found = []
        for process in self.processes():
            try:
                if "ipykernel_launcher" in " ".join(process.cmdline()):
                    found.append(process)
            except psutil.Error:
                pass
        return found

    def rss_mb(self) -> float:
        """Resident memory of the whole process tree, in MB."""
        total = 0
        for process in self.processes():
            with contextlib.suppress(psutil.Error):
                total += process.memory_info().rss
        return total / 2**20

    def wait_kernels(self, count: int, timeout: float) -> None:
        """Wait (polling: a process tree sends no event) until `count` kernels are left."""
        deadline = time.monotonic() + timeout
        while len(self.kernels()) != count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(self.kernels())} kernels, expected {count}")
            time.sleep(0.5)


def start_app(tmp_path: Path, *options: str) -> App:
    """`workbench app` (the command a teacher types) on a free port, its log in tmp_path."""
    port = free_port()
    env = isolated_env(tmp_path / "jupyter")
    command = [
        sys.executable,
        "-m",
        "workbench",
        "app",
        "--no-browser",
        "--port",
        str(port),
        "--case",
        str(tmp_path / "class.case"),
        *options,
    ]
    log = tmp_path / "app.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    app = App(proc, port, log)
    try:
        wait_for_http(f"{app.url}voila/static/", proc=proc)
    except BaseException:
        stop_app(app)
        raise
    return app


def stop_app(app: App) -> None:
    if app.proc.poll() is None:
        app.proc.terminate()
        try:
            app.proc.wait(timeout=STOP)
        except subprocess.TimeoutExpired:
            app.proc.kill()
            app.proc.wait()


class Visitor:
    """One browser tab: its cookies, its page's kernel, its websocket to that kernel."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.cookies = CookieJar()
        self.http = build_opener(HTTPCookieProcessor(self.cookies))
        self.kernel_id: str | None = None
        self.socket: websocket.WebSocket | None = None

    def open(self) -> str:
        """Load the page (Voila starts a kernel and runs the notebook) and connect to it."""
        html = self.http.open(self.app.url, timeout=PAGE).read().decode()
        found = KERNEL_ID.search(html)
        assert found, html[-2000:]
        self.kernel_id = found.group(1)
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.cookies)
        self.socket = websocket.create_connection(
            f"ws://127.0.0.1:{self.app.port}/api/kernels/{self.kernel_id}/channels"
            f"?session_id={uuid.uuid4().hex}",
            cookie=cookie,
            timeout=PAGE,
        )
        # a browser reads its socket all the time, which answers the server's pings; a
        # socket no one reads is dropped after the ping timeout, and its kernel culled
        self.socket.settimeout(2)
        threading.Thread(target=self._read, args=(self.socket,), daemon=True).start()
        return html

    @staticmethod
    def _read(socket: websocket.WebSocket) -> None:
        while socket.connected:
            try:
                socket.recv()
            except websocket.WebSocketTimeoutException:
                continue
            except Exception:  # noqa: BLE001 - closed by vanish(), or by the server
                return

    def xsrf(self) -> str:
        return next((c.value for c in self.cookies if c.name == "_xsrf"), "")

    def leave(self) -> int:
        """What the page does on `beforeunload`: ask for its kernel's shutdown (with the
        `_xsrf` cookie's value, as the page's script sends it), then drop the socket.
        Returns the HTTP status of the shutdown request."""
        assert self.kernel_id
        request = Request(
            f"{self.app.url}voila/api/shutdown/{self.kernel_id}",
            data=urlencode({"_xsrf": self.xsrf()}).encode(),
        )
        try:
            status = self.http.open(request, timeout=STOP).status
        except HTTPError as error:
            status = error.code
        self.vanish()
        return status

    def vanish(self) -> None:
        """The tab is gone without a word (a crash, a lost network): the socket closes."""
        if self.socket is not None:
            self.socket.close()
            self.socket = None
