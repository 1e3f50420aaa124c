"""`workbench lab` and `workbench app`: options only; `workbench.views.launch` starts the
servers (command line, environment, template folder). Both bind 127.0.0.1 unless `--ip`
says otherwise."""

from __future__ import annotations

import argparse

from .common import Commands, cases_folder, positive_int

NOTEBOOK = "workbench"
# the defaults of workbench/views/launch.py, repeated so that --help imports no server code
MAX_VISITORS = 40
IDLE_MINUTES = 10.0
LAB_PORT = 8888
APP_PORT = 8866


def register(commands: Commands) -> None:
    lab = commands.add_parser(
        "lab",
        help="open JupyterLab on the workbench notebook",
        description="Open JupyterLab on the workbench notebooks (127.0.0.1 unless --ip).",
    )
    _add_server_options(lab, port=LAB_PORT)
    lab.set_defaults(func=run_lab)
    app = commands.add_parser(
        "app",
        help="serve the workbench as a web page (Voila), e.g. for a class",
        description="Serve a workbench notebook as a web page with Voila, no code shown, "
        "offline (127.0.0.1 unless --ip; --ip 0.0.0.0 for a class on a trusted network).",
    )
    _add_server_options(app, port=APP_PORT)
    app.add_argument(
        "--max-visitors",
        type=positive_int,
        default=MAX_VISITORS,
        help=f"most pages open at once, one kernel (about 300 MB) each (default {MAX_VISITORS})",
    )
    app.add_argument(
        "--idle-minutes",
        type=_positive_float,
        default=IDLE_MINUTES,
        help="a kernel no page is connected to is stopped after this many idle minutes "
        f"(default {IDLE_MINUTES:g})",
    )
    app.add_argument(
        "--max-extractions",
        type=positive_int,
        help="extractions run at once for all visitors, the others wait in a queue "
        "(default: half the CPU cores, at least 1)",
    )
    app.add_argument(
        "--visitors",
        choices=["own", "shared"],
        help="own: each visitor gives a name and works in a case of their own in the cases "
        "folder; shared: everyone works on --case (default: own with an --ip open to the "
        "network, else shared)",
    )
    app.add_argument(
        "--warm-kernels",
        type=positive_int,
        metavar="N",
        help="keep N kernels ready with the case already open, so a page opens in 2-3 s "
        "instead of 4-7 (each holds its memory while it waits and counts towards "
        "--max-visitors; default none)",
    )
    app.set_defaults(func=run_app)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < 10_000:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes above 0")
    return value


def _add_server_options(parser: argparse.ArgumentParser, *, port: int) -> None:
    parser.add_argument(
        "notebook",
        nargs="?",
        default=NOTEBOOK,
        help="a notebook path, or a name in notebooks/ (workbench, classroom, api-tour); "
        f"default {NOTEBOOK}",
    )
    parser.add_argument(
        "--ip",
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1, this machine only); "
        "--ip 0.0.0.0 opens it to the network, e.g. for a class",
    )
    parser.add_argument("--port", type=int, default=port, help=f"port (default {port})")
    parser.add_argument(
        "--case",
        help="the case file the notebooks open (default workbench.case, in --cases-dir if given)",
    )
    parser.add_argument(
        "--cases-dir",
        type=cases_folder,
        help="the only folder in which the app's case box opens or creates cases, by name "
        "(default: the folder of --case)",
    )
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")


def _server_options(args: argparse.Namespace) -> dict:
    return {
        "ip": args.ip,
        "port": args.port,
        "open_browser": not args.no_browser,
        "case": args.case,
        "cases_dir": args.cases_dir,
    }


def run_lab(args: argparse.Namespace) -> int:
    from ..views.launch import start_lab

    return start_lab(args.notebook, **_server_options(args))


def run_app(args: argparse.Namespace) -> int:
    from ..views.launch import start_app

    return start_app(
        args.notebook,
        **_server_options(args),
        max_visitors=args.max_visitors,
        idle_minutes=args.idle_minutes,
        visitors=args.visitors,
        max_extractions=args.max_extractions,
        warm_kernels=args.warm_kernels or 0,
    )
