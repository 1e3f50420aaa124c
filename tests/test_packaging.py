"""The project's promises about itself: environment.yml in step, docs for every command."""

from __future__ import annotations

import re
import tomllib

import yaml


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    wanted |= {_name(r) for r in project["optional-dependencies"]["test"]}
    env = yaml.safe_load((root / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)}
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pip_names = {_name(r) for r in pip if not r.startswith("-")}
    have = conda | pip_names
    assert wanted - have == set(), "add these to environment.yml"
    assert have - wanted - {"python", "pip"} == set(), "environment.yml lists extras"
    assert "-e ." in pip


def test_every_cli_command_is_documented(root):
    from workbench.cli import build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001
    docs = (root / "README.md").read_text() + "".join(
        p.read_text() for p in (root / "docs").glob("*.md")
    )
    names = []
    for name, sub in commands.items():
        names.append(name)
        if sub._subparsers is not None:  # noqa: SLF001
            names += [f"{name} {s}" for s in sub._subparsers._group_actions[0].choices]  # noqa: SLF001
    missing = [n for n in names if f"workbench {n}" not in docs]
    assert missing == [], f"document these commands in README.md or docs/: {missing}"


def test_readme_starts_with_the_two_commands(root):
    readme = (root / "README.md").read_text()
    first_block = readme[: readme.index("\n## ", readme.index("make test"))]
    assert "make run" in first_block and "make test" in first_block


def test_ci_runs_the_readme_test_command(root):
    ci = (root / ".ci" / "run").read_text()
    assert "make test" in ci and "chromium" in ci


def test_changelog_exists(root):
    assert (root / "CHANGELOG.md").read_text().strip()
    assert (root / "CONTRIBUTING.md").read_text().strip()
