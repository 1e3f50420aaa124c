"""The teacher's view of a class: every visitor's case in the cases folder, side by side.

`workbench app class --cases-dir DIR` (on 127.0.0.1, apart from the class's own server) or,
in a notebook, `ClassView("DIR")`. It opens each case for reading only (no control here
edits anything, and each case is closed again once read), and shows one row per case
(articles, claims, how many claims have each status, the last change), each student's
progress on the exercise's tasks (`exercise.py`: the same checks as the student's Check
buttons), and one row per claim, matched across cases by its article's title and its
text, with each visitor's status, so the class's verdicts can be compared. The teacher's
answer key (docs/classroom-answer-key.md) opens below. Nothing here writes to a case.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import ipywidgets as W

from ..analysis import claim_rows
from ..workflow import Case
from .claims_rows import STATUS_WORDS, words_for
from .exercise import progress, task_titles

ANSWER_KEY = Path(__file__).resolve().parents[2] / "docs" / "classroom-answer-key.md"


@dataclass
class CaseSummary:
    name: str
    articles: int = 0
    claims: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    last_change: str = ""
    problem: str = ""  # why the case could not be read
    # the exercise's task key -> done; None when the case lacks the exercise's articles
    tasks: dict[str, bool] | None = None


@dataclass
class ClassReading:
    """What the class view shows, read from the cases folder (no widgets: testable)."""

    cases: list[CaseSummary]
    # (article title, claim text) -> {case name: status}
    claims: dict[tuple[str, str], dict[str, str]]


def read_class(folder: str | os.PathLike[str], *, skip: tuple[str, ...] = ()) -> ClassReading:
    """Read every `*.case` in `folder` (but those named in `skip`), each closed once read."""
    cases: list[CaseSummary] = []
    claims: dict[tuple[str, str], dict[str, str]] = {}
    for path in sorted(Path(folder).glob("*.case")):
        if path.name in skip or path.name.startswith("."):
            continue
        summary = CaseSummary(path.stem)
        cases.append(summary)
        try:
            with Case.open(path) as case:
                summary.articles = len(case.articles())
                rows = claim_rows(case)
                history = list(case.history(limit=1))
                summary.tasks = progress(case)
        except Exception as exc:  # noqa: BLE001 - one unreadable case must not hide the rest
            summary.problem = str(exc)
            continue
        summary.claims = len(rows)
        for row in rows:
            summary.statuses[row.status] = summary.statuses.get(row.status, 0) + 1
            claims.setdefault((row.article_title, row.text), {})[path.stem] = row.status
        if history:
            summary.last_change = str(history[0].at)[:19]
    return ClassReading(cases, claims)


def class_tables(reading: ClassReading) -> str:
    """The two tables as HTML, every value escaped (article text is hostile)."""
    head = "<tr><th>case</th><th>articles</th><th>claims</th><th>statuses</th><th>last change</th></tr>"
    rows = []
    for case in reading.cases:
        statuses = ", ".join(
            f"{escape(words_for(STATUS_WORDS, k))} {v}" for k, v in sorted(case.statuses.items())
        )
        if case.problem:
            statuses = f'<span style="color:#b00">{escape(case.problem)}</span>'
        rows.append(
            f"<tr><td>{escape(case.name)}</td><td>{case.articles}</td><td>{case.claims}</td>"
            f"<td>{statuses}</td><td>{escape(case.last_change)}</td></tr>"
        )
    names = [c.name for c in reading.cases if not c.problem]
    progress_table = progress_html(reading)
    compare_head = "<tr><th>article</th><th>claim</th>" + "".join(
        f"<th>{escape(n)}</th>" for n in names
    )
    compare = []
    for (title, text), by_case in sorted(reading.claims.items()):
        differ = len(set(by_case.values())) > 1
        cells = "".join(
            f"<td>{escape(words_for(STATUS_WORDS, by_case[n]) if n in by_case else '-')}</td>"
            for n in names
        )
        style = ' style="background:#fff3cd"' if differ else ""
        compare.append(
            f"<tr{style}><td>{escape(title)}</td><td>{escape(text[:160])}</td>{cells}</tr>"
        )
    return (
        "<style>.wb-class-view th, .wb-class-view td {padding: 2px 10px; text-align: left;"
        " vertical-align: top} .wb-task-done {color: #176d2b; font-weight: bold}"
        " .wb-task-open {color: #8a5300}</style>"
        f'<table class="wb-class-cases">{head}{"".join(rows)}</table>'
        f"{progress_table}"
        "<p>Each claim, with each case's status (highlighted where the class disagrees):</p>"
        f'<table class="wb-class-claims">{compare_head}</tr>{"".join(compare)}</table>'
    )


def progress_html(reading: ClassReading) -> str:
    """Each student's progress on the exercise's tasks: done, not yet, or no exercise."""
    titles = list(task_titles())
    head = "<tr><th>case</th>" + "".join(f"<th>{escape(t)}</th>" for _, t in titles)
    head += "<th>done</th></tr>"
    rows = []
    for case in reading.cases:
        if case.problem:
            continue
        if case.tasks is None:
            cells = f'<td colspan="{len(titles) + 1}">no exercise articles in this case</td>'
        else:
            marks = [
                '<td class="wb-task-done">✔ done</td>'
                if case.tasks.get(key)
                else '<td class="wb-task-open">not yet</td>'
                for key, _ in titles
            ]
            done = sum(1 for key, _ in titles if case.tasks.get(key))
            cells = "".join(marks) + f"<td>{done} of {len(titles)}</td>"
        rows.append(f'<tr data-case="{escape(case.name)}"><td>{escape(case.name)}</td>{cells}</tr>')
    return (
        "<p>The exercise: each student's tasks, checked as their Check buttons check them:</p>"
        f'<table class="wb-class-progress">{head}{"".join(rows)}</table>'
    )


def answer_key_html(path: Path = ANSWER_KEY) -> str:
    """The teacher's answer key, as preformatted text (escaped: it quotes the articles)."""
    if not path.is_file():
        return f"<p>No answer key at {escape(str(path))}.</p>"
    text = path.read_text(encoding="utf-8")
    # the Markdown as written (no renderer among our dependencies), kept compact
    style = "white-space: pre-wrap; max-width: 60em; line-height: 1.35; font-size: 13px"
    return f'<pre style="{style}">{escape(text)}</pre>'


class ClassView:
    """The class's cases, read-only, with a button to read them again."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        from .cases_folder import CASES_DIR_ENV

        chosen = folder or os.environ.get(CASES_DIR_ENV) or "."
        self.folder = Path(chosen).expanduser().resolve()
        self.starting = os.environ.get("WORKBENCH_CASE", "")
        self.table = W.HTML()
        self.table.add_class("wb-class-view")
        self.reload = W.Button(description="Read the cases again")
        self.reload.on_click(lambda _b: self.refresh())
        # the answer key, closed until the teacher opens it (a class may see the screen)
        self.answer_key = W.Accordion(
            children=[W.HTML(answer_key_html())], titles=("Answer key (the exercise)",)
        )
        self.answer_key.selected_index = None
        self.answer_key.add_class("wb-answer-key")
        self.widget = W.VBox(
            [
                W.HTML(
                    f"<b>Class</b> · cases in <code>{escape(str(self.folder))}</code> (read only)"
                ),
                self.reload,
                self.table,
                self.answer_key,
            ]
        )
        self.refresh()

    def refresh(self) -> None:
        skip = (Path(self.starting).name,) if self.starting else ()
        self.table.value = class_tables(read_class(self.folder, skip=skip))

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
