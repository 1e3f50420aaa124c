"""The docs' Python examples run: every ```python block of a page, in order, in one namespace.

Each page runs in an empty temporary folder where `sample_articles` links to the
repository's, as a reader following the page from a fresh notebook would. A block that
raises fails the test with the page, the block's line and the block itself.
"""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def python_blocks(page: Path) -> list[tuple[int, str]]:
    """(line number, code) of every ```python block, in page order."""
    text = page.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in FENCE.finditer(text)]


PAGES = sorted(p for p in DOCS.glob("*.md") if python_blocks(p))


def test_block_finder_sees_the_api_page():
    assert DOCS / "python-api.md" in PAGES
    assert len(python_blocks(DOCS / "python-api.md")) >= 10


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_examples_run(page, tmp_path, monkeypatch):
    (tmp_path / "sample_articles").symlink_to(ROOT / "sample_articles", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WORKBENCH_CASE", raising=False)
    namespace: dict = {"__name__": "__docs__"}
    try:
        for line, code in python_blocks(page):
            try:
                exec(compile(code, f"{page.name}:{line}", "exec"), namespace)  # noqa: S102
            except Exception:
                pytest.fail(
                    f"{page.name}, block at line {line} raised:\n{traceback.format_exc()}\n"
                    f"--- the block ---\n{code}",
                    pytrace=False,
                )
    finally:
        # close any case the page left open, so its file handles go with the temp folder
        for value in list(namespace.values()):
            close = getattr(value, "close", None)
            if type(value).__name__ == "Case" and callable(close):
                close()
    assert os.getcwd() == str(tmp_path)
