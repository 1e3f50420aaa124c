"""A throwaway PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster made
by `initdb` in a temporary folder, a free port, its unix socket in that folder, trust
authentication for the local user `postgres`. Run as the `postgres` user when we are root
(as CI is: the server refuses to run as root). Stopped and removed at the end.

Where the binaries (or psycopg) are missing the PostgreSQL tests skip with the reason, and
fail instead under `.ci/run` (`WORKBENCH_REQUIRE_POSTGRES=1`), which installs them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

BIN_DIRS = (
    "/usr/lib/postgresql/17/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/15/bin",
)
START_TIMEOUT = 60  # seconds pg_ctl waits for the server to accept connections
REQUIRED = os.environ.get("WORKBENCH_REQUIRE_POSTGRES") == "1"


def find_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: Debian's versioned folder, else the PATH."""
    for folder in BIN_DIRS:
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """One cluster; `url()` gives a fresh, empty case location (a schema of its own)."""

    def __init__(self, bin_dir: Path, *, tls: bool = False) -> None:
        self.bin_dir = bin_dir
        # tls: also listen on 127.0.0.1 over TCP, TLS only (a self-signed certificate for
        # 127.0.0.1, `cert`), as a server on another machine would be reached
        self.tls = tls
        self.cert = Path()
        self.folder = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.database = "workbench"

    def _run(self, *args: str | Path, timeout: float = 120) -> None:
        command = [str(a) for a in args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")

    def start(self) -> PostgresServer:
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(
            self.bin_dir / "initdb",
            "-D",
            self.data,
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",  # a throwaway cluster: its creation need not survive power loss
        )
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=''"
        if self.tls:
            options = self._tls_options()
        self._run(
            self.bin_dir / "pg_ctl",
            "-D",
            self.data,
            "-o",
            options,
            "-l",
            self.folder / "server.log",
            "-w",
            "-t",
            str(START_TIMEOUT),
            "start",
            timeout=START_TIMEOUT + 30,
        )
        import psycopg

        with psycopg.connect(self.server_url("postgres"), autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{self.database}"')
        return self

    def _tls_options(self) -> str:
        """A certificate for 127.0.0.1, and client authentication that refuses TCP without
        TLS (the first matching line of pg_hba.conf wins)."""
        self.cert = self.folder / "server.crt"
        key = self.folder / "server.key"
        make_certificate(self.cert, key)
        if self.as_root:
            shutil.chown(key, "postgres", "postgres")
        hba = self.data / "pg_hba.conf"
        rules = "hostssl all all 127.0.0.1/32 trust\nhostnossl all all 0.0.0.0/0 reject\n"
        hba.write_text(rules + hba.read_text())
        return (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c ssl=on "
            f"-c ssl_cert_file={self.cert} -c ssl_key_file={key}"
        )

    def tcp_url(self, sslmode: str, **params: str) -> str:
        """A fresh case location reached over TCP (a `tls` server), with libpq's `sslmode`."""
        query = "&".join(f"{k}={v}" for k, v in {"sslmode": sslmode, **params}.items())
        case = f"case_{uuid.uuid4().hex[:12]}"
        return f"postgresql://postgres@127.0.0.1:{self.port}/{self.database}?{query}&case={case}"

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(self.bin_dir / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def server_url(self, database: str | None = None) -> str:
        name = database or self.database
        return f"postgresql://postgres@/{name}?host={self.folder}&port={self.port}"

    def url(self, name: str | None = None) -> str:
        """A case location in a schema of its own (made on first open), so each test starts
        from an empty case without the cost of a database per test."""
        case = name or f"case_{uuid.uuid4().hex[:12]}"
        return f"{self.server_url()}&case={case}"


def make_certificate(cert: Path, key: Path) -> None:
    """A self-signed certificate for 127.0.0.1 (its name and IP address), by `openssl`."""
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
            "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert),
        ],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    key.chmod(0o600)  # the server refuses a key others may read


def start_or_skip(*, tls: bool = False) -> PostgresServer:
    """A started server, or a skip (a failure under `WORKBENCH_REQUIRE_POSTGRES=1`)."""
    reason = None
    try:
        import psycopg  # noqa: F401
    except ImportError:
        reason = "psycopg is not installed (pip install -e '.[postgres]')"
    bin_dir = find_binaries()
    if reason is None and bin_dir is None:
        reason = "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql)"
    if reason is None and tls and shutil.which("openssl") is None:
        reason = "openssl is not installed (apt-get install openssl): no certificate for TLS"
    if reason is not None:
        if REQUIRED:
            pytest.fail(f"WORKBENCH_REQUIRE_POSTGRES=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    assert bin_dir is not None
    server = PostgresServer(bin_dir, tls=tls)
    try:
        return server.start()
    except BaseException:
        server.stop()
        raise


@pytest.fixture(scope="session")
def postgres_server():
    """One throwaway PostgreSQL per test process, stopped when the session ends."""
    server = start_or_skip()
    try:
        yield server
    finally:
        server.stop()
