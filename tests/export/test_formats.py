"""export_case: the format from the path, clear errors, and no half-written files."""

from __future__ import annotations

import os
import stat

import pytest

from workbench.export import ExportError, export_case, format_of


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.json", "json"),
        ("a.timeline.json", "timelinejs"),
        ("a.ZIP", "csv"),
        ("a.graphml", "graphml"),
        ("a.gexf", "gexf"),
        ("a.md", "md"),
        ("a.markdown", "md"),
        ("a.html", "html"),
        ("a.htm", "html"),
    ],
)
def test_format_from_the_extension(name, expected):
    assert format_of(name) == expected


def test_explicit_format_wins_and_aliases_are_understood():
    assert format_of("a.json", format="timelinejs") == "timelinejs"
    assert format_of("folder", format="CSV") == "csv"
    assert format_of("memo.txt", format="markdown") == "md"


@pytest.mark.parametrize(
    ("name", "format", "message"),
    [
        ("a.csv", None, "folder or a .zip"),
        ("a.pdf", None, "cannot tell the format"),
        ("folder", None, "format='csv'"),
        ("a.json", "docx", "unknown export format"),
    ],
)
def test_unknown_formats_are_clear_errors(name, format, message):
    with pytest.raises(ExportError, match=message):
        format_of(name, format=format)


def test_case_export_method_uses_the_export_layer(story, tmp_path):
    written = story.export(tmp_path / "memo.md")
    assert written == tmp_path / "memo.md"
    assert written.read_text(encoding="utf-8").startswith("# Verification memo")


def test_a_failed_export_keeps_the_previous_file(story, tmp_path, monkeypatch):
    target = tmp_path / "memo.html"
    target.write_text("the last good report", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("workbench.export.report.render_html", broken)
    with pytest.raises(RuntimeError):
        export_case(story, target)
    assert target.read_text(encoding="utf-8") == "the last good report"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.html"]


def test_export_into_a_missing_folder_is_a_clear_error(story, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_case(story, tmp_path / "nope" / "x.graphml")


def test_a_new_export_gets_ordinary_file_permissions(story, tmp_path):
    umask = os.umask(0o022)
    try:
        path = export_case(story, tmp_path / "story.gexf")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not mkstemp's private 0600
