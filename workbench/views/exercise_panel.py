"""The Tasks tab: the classroom exercise's tasks, each with a Check button that reads the
student's case and says done or not yet, with a hint (`exercise.check_task`)."""

from __future__ import annotations

import contextlib
from html import escape

import ipywidgets as W

from .exercise import MISSING, TASKS, add_articles, check_task, find_articles
from .extraction_queue import ExtractionQueue
from .panel import Panel, button
from .selection import Context

INTRO = (
    "<p><b>A sourcing exercise.</b> Two reports of one story, a fire at a port: "
    "<i>an invented story written for this exercise</i> (the people, the fire and the "
    "reports are not real). The workbench has read both, and left work for you. Do each "
    "task in the other tabs, then press <b>Check</b>: it reads your case as it is now.</p>"
)
CSS = """<style>
.wb-task { border: 1px solid #ddd; border-radius: 4px; padding: 6px 10px; margin: 6px 0;
  max-width: 60em; }
.wb-task-result .wb-done { color: #176d2b; font-weight: bold; }
.wb-task-result .wb-not-yet { color: #8a5300; }
</style>"""


class TasksPanel(Panel):
    title = "Tasks"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.add_button = button("Add the exercise's articles", style="primary")
        self.add_button.add_class("wb-tasks-add")
        self.add_button.on_click(self.guard(lambda _b: self.add_articles()))
        self.missing = W.HTML(f"<p>{escape(MISSING)}</p>")
        self.start = W.VBox([self.missing, self.add_button])
        # shown by `refresh` only when the case lacks the articles: a case that holds them
        # never flashes the button while the tab is first drawn
        self.start.layout.display = "none"
        self.results: dict[str, W.HTML] = {}
        boxes = []
        for task in TASKS:
            check = button("Check", tooltip="read my case and say whether this task is done")
            check.add_class("wb-task-check")
            check.add_class(f"wb-task-check-{task.key}")
            check.on_click(self.guard(lambda _b, key=task.key: self.check(key)))
            check.layout.flex = "0 0 auto"  # a long hint beside it must not squeeze it
            result = W.HTML(layout=W.Layout(flex="1 1 auto", margin="0 0 0 8px"))
            result.add_class("wb-task-result")
            self.results[task.key] = result
            box = W.VBox(
                [
                    W.HTML(
                        f"<b>{escape(task.title)}</b><br>{escape(task.instruction)}",
                        layout=W.Layout(max_width="60em"),
                    ),
                    W.HBox([check, result]),
                ]
            )
            box.add_class("wb-task")
            box.add_class(f"wb-task-{task.key}")
            boxes.append(box)
        self.tasks = W.VBox(boxes)
        self.widget = W.VBox([W.HTML(CSS + INTRO), self.start, self.tasks])
        self.widget.add_class("wb-tasks")

    def refresh(self) -> None:
        complete = find_articles(self.case).complete
        self.start.layout.display = "none" if complete else ""
        # an answer shown before an edit (an undo, say) may no longer hold: check it again
        for key, result in self.results.items():
            if result.value:
                self.check(key)

    def check(self, key: str) -> bool:
        """Check one task; show and return whether it is done."""
        verdict = check_task(self.case, key)
        css = "wb-done" if verdict.done else "wb-not-yet"
        mark = "✔" if verdict.done else "✘"
        self.results[key].value = f'<span class="{css}">{mark} {escape(verdict.message)}</span>'
        return verdict.done

    def add_articles(self) -> None:
        """Add the exercise's articles the case lacks (extraction: waits its turn in a class)."""
        self.ctx.busy("Adding the exercise's articles (about half a minute)…")
        queue = ExtractionQueue.from_env()  # a class's students press it all at once
        added: list[int] = []

        def action() -> None:
            with queue.turn(lambda _ahead: None) if queue else contextlib.nullcontext():
                added.append(add_articles(self.case))

        if self.run(action, "Added the exercise's articles"):
            for result in self.results.values():
                result.value = ""
