"""docs/cli.md documents every command, argument and option, and nothing that is gone
(sqlite-utils' tests/test_docs.py does this for its CLI)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from workbench.cli import build_parser

HEADING = re.compile(r"^## `(workbench(?: [a-z-]+)*)`$", re.MULTILINE)
OPTION = re.compile(r"`(--?[a-z][a-z-]*)")


def _commands(
    parser: argparse.ArgumentParser, name: str = "workbench"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield name, parser
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub_name, sub in action.choices.items():
                yield from _commands(sub, f"{name} {sub_name}")


COMMANDS = dict(_commands(build_parser()))


@pytest.fixture(scope="module")
def sections(root) -> dict[str, str]:
    text = (root / "docs" / "cli.md").read_text(encoding="utf-8")
    found = {}
    matches = list(HEADING.finditer(text))
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(text)
        found[match.group(1)] = text[match.end() : end]
    return found


def _items(section: str) -> list[str]:
    """The list items of a section: one line each (continuation lines are not items)."""
    return [line for line in section.splitlines() if line.startswith("- `")]


def _positional_name(action: argparse.Action) -> str:
    metavar = action.metavar if isinstance(action.metavar, str) else None
    return metavar or action.dest.upper()


def test_the_walk_finds_every_family():
    assert {"workbench extract", "workbench case add", "workbench app"} <= set(COMMANDS)


def test_every_command_has_a_section_and_every_section_a_command(sections):
    assert sorted(set(COMMANDS) - set(sections)) == []
    assert sorted(set(sections) - set(COMMANDS)) == [], "docs/cli.md names commands that are gone"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_argument_and_option_has_a_line(sections, command):
    items = _items(sections[command])
    for action in COMMANDS[command]._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            continue
        if action.option_strings:
            for option in action.option_strings:
                if command != "workbench" and option in ("-h", "--help"):
                    continue  # every command has it; documented once, at the top
                assert any(re.search(f"`{option}[` ]", line) for line in items), (
                    f"docs/cli.md: no line for {command} {option}"
                )
        else:
            name = _positional_name(action)
            assert any(line.startswith(f"- `{name}`") for line in items), (
                f"docs/cli.md: no line for {command}'s {name}"
            )


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_documented_option_exists(sections, command):
    known = {o for a in COMMANDS[command]._actions for o in a.option_strings}  # noqa: SLF001
    documented = {
        option for line in _items(sections[command]) for option in OPTION.findall(line[:40])
    }
    assert sorted(documented - known) == [], f"docs/cli.md: {command} has no such option"
