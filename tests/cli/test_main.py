"""The top-level command: the one error mapping, dates through the one parser, a fast --help."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest

from workbench.cli import build_parser, main
from workbench.dates import DateError, parse_day
from workbench.errors import CaseError

HEAVY = ("spacy", "pandas", "trafilatura", "jupyter_core", "ipywidgets", "IPython", "voila")


@pytest.mark.parametrize("argv", [["--help"], ["case", "add", "--help"], ["app", "--help"]])
def test_help_loads_no_heavy_library(argv):
    code = (
        "import json, sys\n"
        "from workbench.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit as stop:\n"
        "    assert stop.code == 0, stop.code\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.splitlines()[-1]) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "--published", "{date}", "story.txt"],
        ["case", "add", "story.case", "story.txt", "--published", "{date}"],
        ["case", "article", "story.case", "a1", "--published", "{date}"],
    ],
)
@pytest.mark.parametrize("date", ["17/10/2016", "2016-02-31", "October 2016", "soon"])
def test_a_bad_date_option_is_the_date_parsers_one_line(capsys, tmp_path, monkeypatch, argv, date):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DateError) as expected:
        parse_day(date)
    code = main([a.format(date=date) for a in argv])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == f"workbench: {expected.value}\n"
    assert not (tmp_path / "story.case").exists()  # refused before anything is opened


@pytest.mark.parametrize("written", ["2016-10-17", "17 October 2016", "Oct 17, 2016"])
def test_a_date_option_takes_what_the_date_parser_takes(written):
    for argv in (
        ["extract", "--published", written, "x.txt"],
        ["case", "article", "c.case", "a1", "--published", written],
    ):
        assert build_parser().parse_args(argv).published == datetime.date(2016, 10, 17)


def test_our_errors_exit_2_and_bugs_exit_1(capsys, monkeypatch):
    from workbench.cli import extract

    def refuse(args):
        raise CaseError("refused, in one line")

    monkeypatch.setattr(extract, "run_models", refuse)  # registered when main builds the parser
    assert main(["models"]) == 2
    assert capsys.readouterr().err == "workbench: refused, in one line\n"

    def crash(args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(extract, "run_models", crash)
    monkeypatch.delenv("WORKBENCH_DEBUG", raising=False)
    assert main(["models"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ZeroDivisionError: a bug" in err and "WORKBENCH_DEBUG" in err
    monkeypatch.setenv("WORKBENCH_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["models"])


def test_usage_errors_are_one_line_with_a_hint(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["case", "list"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith("workbench: ")
    assert "see `workbench case list --help`" in err


def test_python_m_workbench_is_the_same_command():
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and proc.stdout.startswith("workbench ")
