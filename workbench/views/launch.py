"""Starting JupyterLab or Voila as a subprocess (`workbench lab`, `workbench app`).

The command line, the environment and the private template folder are built here; the
CLI (workbench/cli/servers.py) only parses its options and calls `start_lab`/`start_app`.
Imports nothing from Jupyter or ipywidgets at import time, so the CLI stays fast; the
servers run in their own process. Both bind 127.0.0.1 unless `--ip` says otherwise:
`--ip 0.0.0.0` opens the server to the network (a classroom), and then anyone who can
reach the port can use it, so do that only on a network you trust.
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

from ..case.backend import is_server
from . import supervise
from .cases_folder import CASES_DIR_ENV
from .extraction_queue import QUEUE_ENV, SLOTS_ENV, default_slots

TEMPLATE_NAME = "workbench"
PACKAGE_TEMPLATE = Path(__file__).parent / "templates" / "voila" / TEMPLATE_NAME
CASE_ENV = "WORKBENCH_CASE"  # the case file the notebooks open; set by `--case`
# set (to "1") when `--ip` is not a loopback address: the URL box then refuses addresses
# inside a network (`fetch_url(public_only=True)`), since any visitor could type one
SERVED_TO_NETWORK_ENV = "WORKBENCH_SERVED_TO_NETWORK"
DEFAULT_CASE_NAME = "workbench.case"
VISITORS_ENV = "WORKBENCH_VISITORS"  # "own": a case per visitor (views/visitors.py)
OWN, SHARED = "own", "shared"
MAX_VISITORS = 40  # kernels (open pages) at once: about 300 MB each
IDLE_MINUTES = 10.0  # a kernel no page is connected to goes after this long idle
CULL_INTERVAL = 60  # s between two looks for such kernels
# `--warm-kernels`: a visitor's kernel starts and runs the notebook (opening the case)
# before they come, so the page is drawn from it at once; 0: started on each visit
WARM_KERNELS = 0
# s after a visitor took the warm kernel before the next one starts: not while their page
# loads and they first click (the next kernel takes a CPU for 2-3 s)
WARM_REFILL_DELAY = 10


def notebooks_dir() -> Path:
    """The repository's notebooks/ (a checkout or editable install), else ./notebooks."""
    repo_notebooks = Path(__file__).resolve().parents[2] / "notebooks"
    return repo_notebooks if repo_notebooks.is_dir() else Path.cwd() / "notebooks"


def _private_folder() -> Path:
    """/tmp/workbench-jupyter-<uid> if it is ours and no one else can write in it, else a new one.

    Voila serves the template found there, so a folder someone else made (or may write in)
    must not be used as found: it is created with mode 0700, and one that already exists is
    used only if this user owns it and it is not writable by the group or others.
    """
    root = Path(tempfile.gettempdir()) / f"workbench-jupyter-{os.getuid()}"
    try:
        os.makedirs(root, mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return Path(tempfile.mkdtemp(prefix="workbench-jupyter-"))
    info = os.lstat(root)  # a symbolic link is not followed: it is not our folder
    if (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        return root
    return Path(tempfile.mkdtemp(prefix="workbench-jupyter-"))


def voila_template_root(env: dict[str, str] | None = None) -> Path | None:
    """A Jupyter data dir holding voila/templates/workbench, or None if one is installed.

    A regular install puts the template in <prefix>/share/jupyter/voila/templates/ (see
    pyproject's data-files). An editable install or a checkout does not, so we point
    JUPYTER_PATH at a small folder that links to the template inside the package.
    """
    from jupyter_core.paths import jupyter_path

    if any(
        Path(p, "voila", "templates", TEMPLATE_NAME, "index.html.j2").is_file()
        for p in jupyter_path()
    ):
        return None
    root = _private_folder()
    target = root / "voila" / "templates" / TEMPLATE_NAME
    if target.resolve() != PACKAGE_TEMPLATE.resolve():
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.exists():
            shutil.rmtree(target)
        try:
            target.symlink_to(PACKAGE_TEMPLATE, target_is_directory=True)
        except OSError:  # no symlinks here: a copy does as well
            shutil.copytree(PACKAGE_TEMPLATE, target)
    return root


def is_loopback(ip: str) -> bool:
    """Whether a server bound to `ip` is reachable from this machine only."""
    if ip.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(ip.strip()).is_loopback
    except ValueError:  # "", a host name, a network interface's name: assume the network
        return False


def server_env(
    case: str | None,
    cases_dir: str | None = None,
    *,
    ip: str = "127.0.0.1",
    visitors: str | None = None,
) -> dict[str, str]:
    """The servers' environment: the case to start with, the cases folder, the template,
    and whether the app is open to the network (`ip` not a loopback address; only
    `workbench app` passes it: JupyterLab keeps its token, and its user can run any code).

    `cases_dir` is the only folder whose cases the app's case box opens or creates (by
    name); without it, the folder of `case`. It is created if missing, and the starting
    case defaults to `workbench.case` in it. `visitors` (`own` or `shared`, only from
    `workbench app`) says whether each visitor gets a case of their own.
    """
    env = dict(os.environ)
    env.pop(VISITORS_ENV, None)
    if not is_loopback(ip):
        env[SERVED_TO_NETWORK_ENV] = "1"
    if visitors:
        env[VISITORS_ENV] = visitors
    if cases_dir:
        folder = Path(cases_dir).expanduser().resolve()
        folder.mkdir(parents=True, exist_ok=True)
        env[CASES_DIR_ENV] = str(folder)
        case = case or str(folder / DEFAULT_CASE_NAME)
    if case:
        # a case on a PostgreSQL server is its URL, not a path to resolve
        env[CASE_ENV] = case if is_server(case) else str(Path(case).expanduser().resolve())
    root = voila_template_root()
    if root is not None:
        env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(root), env.get("JUPYTER_PATH")]))
    return env


def voila_command(
    notebook: Path,
    *,
    ip: str = "127.0.0.1",
    port: int = 8866,
    open_browser: bool = True,
    max_visitors: int = MAX_VISITORS,
    idle_minutes: float = IDLE_MINUTES,
    cull_interval: int = CULL_INTERVAL,
    warm_kernels: int = WARM_KERNELS,
) -> list[str]:
    """The Voila command line serving `notebook` with the offline template.

    `voila_server` is Voila with the page setting the `_xsrf` cookie (so closing or
    reloading a page shuts its kernel down) and at most `max_visitors` kernels. A kernel
    no page is connected to is culled after `idle_minutes` without activity (checked every
    `cull_interval` s); one a page is connected to is never culled.

    `warm_kernels`: how many kernels Voila keeps started with the notebook already run
    (its pre-heated kernels): a visitor gets one and the page is drawn at once (on a case
    of 5,000 articles, 2.4-2.8 s to interactive against 6.6 s, load 10). Each waits with
    the case open (about 100 MB, or 300 with the model loaded) and counts towards
    `max_visitors`; it is never culled, and is refilled `WARM_REFILL_DELAY` s after a visitor
    took it. A change made to the case meanwhile shows, as it does in any open page.
    """
    manager = "workbench.views.voila_server.VisitorKernelManager"
    idle = max(1, round(idle_minutes * 60))  # s
    command = [
        sys.executable,
        "-m",
        "workbench.views.voila_server",
        str(notebook),
        f"--template={TEMPLATE_NAME}",
        f"--Voila.ip={ip}",
        f"--port={port}",
        "--show_tracebacks=False",
        f"--VoilaConfiguration.multi_kernel_manager_class={manager}",
        f"--VisitorKernelManager.max_kernels={max_visitors}",
        # at the cap, a kernel with no page is reclaimed sooner than the culler would
        f"--VisitorKernelManager.reclaim_after={min(30, idle)}",
        f"--MappingKernelManager.cull_idle_timeout={idle}",
        f"--MappingKernelManager.cull_interval={max(1, min(cull_interval, idle // 2))}",
        "--MappingKernelManager.cull_connected=False",
    ]
    if warm_kernels > 0:
        command += [
            "--preheat_kernel=True",
            f"--pool_size={warm_kernels}",
            f"--VoilaKernelManager.fill_delay={WARM_REFILL_DELAY}",
        ]
    if not open_browser:
        command.append("--no-browser")
    return command


def lab_command(
    notebook: Path, *, ip: str = "127.0.0.1", port: int = 8888, open_browser: bool = True
) -> list[str]:
    """The JupyterLab command line opening `notebook` (with its usual token)."""
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        str(notebook),
        f"--ServerApp.ip={ip}",
        f"--ServerApp.port={port}",
        f"--ServerApp.root_dir={notebook.parent}",
        # offline and private: no news feed, no update check (both would call the internet);
        # JupyterLab may still ask whether to show news: either answer fetches nothing
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # JupyterLab refuses to start as root unless told; containers and CI run as root
        command.append("--allow-root")
    return command


def find_notebook(name: str) -> Path:
    """A notebook path, or a name in notebooks/ (`workbench`, `classroom`, `api-tour`)."""
    from ..errors import InputError

    path = Path(name)
    if not path.suffix:
        path = notebooks_dir() / f"{name}.ipynb"
    if not path.is_file():
        raise InputError(
            f"{path}: no such notebook (run from the workbench folder, or give a path)"
        )
    return path


def start_lab(
    notebook: str,
    *,
    ip: str = "127.0.0.1",
    port: int = 8888,
    open_browser: bool = True,
    case: str | None = None,
    cases_dir: str | None = None,
) -> int:
    """Run JupyterLab on `notebook` until it stops; its exit code."""
    command = lab_command(find_notebook(notebook), ip=ip, port=port, open_browser=open_browser)
    # the lab keeps its token, and its user may run any code: no network flag for it
    return supervise.run(command, server_env(case, cases_dir))


def start_app(
    notebook: str,
    *,
    ip: str = "127.0.0.1",
    port: int = 8866,
    open_browser: bool = True,
    case: str | None = None,
    cases_dir: str | None = None,
    max_visitors: int = MAX_VISITORS,
    idle_minutes: float = IDLE_MINUTES,
    visitors: str | None = None,
    max_extractions: int | None = None,
    warm_kernels: int = WARM_KERNELS,
) -> int:
    """Serve `notebook` with Voila until it stops (or `workbench` is stopped); its exit code.

    `visitors`: `own` (each visitor asked a name and kept in their own case) or `shared`
    (all on `case`); by default `own` when `ip` opens the app to the network, else `shared`.
    `max_extractions`: how many extractions the kernels run at once (one queue for all,
    in a private folder that goes when the server stops); default half the CPU cores.
    `warm_kernels`: kernels kept ready with the notebook run (`voila_command`).
    """
    visitors = visitors or (SHARED if is_loopback(ip) else OWN)
    command = voila_command(
        find_notebook(notebook),
        ip=ip,
        port=port,
        open_browser=open_browser,
        max_visitors=max_visitors,
        idle_minutes=idle_minutes,
        warm_kernels=warm_kernels,
    )
    env = server_env(case, cases_dir, ip=ip, visitors=visitors)
    with tempfile.TemporaryDirectory(prefix="workbench-queue-") as queue:
        env[QUEUE_ENV] = queue
        env[SLOTS_ENV] = str(max_extractions or default_slots())
        return supervise.run(command, env)
