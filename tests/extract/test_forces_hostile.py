"""The "-led" pattern of forces.py on a long run of spaces (review session 9, F3): the
shortest leader was tried at every character of the run, each try scanning the rest of it
(0.7 s of CPU for 20,000 spaces, four times that for twice the run)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workbench.extract.forces import forces_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saudi-led coalition", ("Saudi-led coalition", "coalition")),
        ("Saudi - led  Coalition", ("Saudi-led coalition", "coalition")),
        ("US-led forces", ("US-led forces", "armed")),
        ("a" + " " * 200 + "b", None),
    ],
)
def test_the_led_pattern_reads_as_before(text, expected):
    assert forces_name(text) == expected


def test_a_long_run_of_spaces_is_read_in_bounded_time():
    # in its own process under a CPU limit, so a slow run is a failure, not a stuck suite:
    # 400,000 spaces took minutes with the old pattern; now well under a second past imports
    code = (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_CPU, (30, 30))\n"
        "from workbench.extract.forces import forces_name\n"
        "print(forces_name('a' + ' ' * 400_000 + 'b'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "None"
