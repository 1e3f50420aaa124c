"""`make lint` as part of the suite: ruff check and ruff format --check are clean, and mypy
finds no error in the core (its settings are in pyproject.toml)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PATHS = ["workbench", "tests", "eval", "benchmarks"]


def _ruff() -> str:
    found = Path(sys.executable).with_name("ruff")
    if found.exists():
        return str(found)
    path = shutil.which("ruff")
    if path is None:
        pytest.skip("ruff is not installed (it is in the test extras)")
    return path


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff_is_clean(root, command):
    proc = subprocess.run(
        [_ruff(), *command, *PATHS], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]


# About 25 s with a cold cache (it reads the stubs of spaCy, numpy and pandas), 1 s warm.
# The cache is the project's .mypy_cache, as `make lint` uses: mypy git-ignores it itself.
@pytest.mark.slow
def test_mypy_is_clean(root):
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (it is in the test extras)")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=root, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0 and "Success" in proc.stdout, (
        proc.stdout[-3000:] + proc.stderr[-1000:]
    )
