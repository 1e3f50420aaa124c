"""The workbench app: every panel around one case and one shared selection.

Each edit goes straight into the case file (the case API commits it); the app then reads
the case once (an `analysis.CaseSnapshot` every panel shares) and redraws the panel in view
and the one that made the edit. Panels on hidden tabs are marked stale and redraw from a
fresh read when their tab opens, so an edit shows in every panel a person can see at once.

Opening is fast: a panel's module is imported, and the panel built, only when its tab
first opens (the network's pyvis and the timeline's altair cost seconds to import), and
spaCy loads only when an article must be extracted. A case that needs its sample extracted
first opens at once with a progress bar; the extraction runs in a thread meanwhile.
Changes made elsewhere (another page, the CLI) are noticed by polling the case's audit
log (`changes.py`) and redrawn without a reload.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import threading
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as W

from ..collector import collector_held
from .app_read import article_heads
from .cases_folder import RefusedName, case_file, case_name, default_cases_dir
from .changes import Changes, ChangeWatcher, call_in_loop, changes_since, kernel_loop
from .extraction_queue import ExtractionQueue, waiting_message
from .panel import guarded
from .selection import Context, Selection
from .shared_cases import release, shared_case, use
from .status import StatusLine, describe
from .visitors import OWN, VisitorGate, visitors_mode

if TYPE_CHECKING:
    from ..workflow import Case
    from .panel import Panel

log = logging.getLogger("workbench.views")

DEFAULT_CASE = "workbench.case"
CASE_ENV = "WORKBENCH_CASE"  # `workbench app --case` sets it for the notebook's kernel

# The tabs, in order: title, the module and class of the panel. A panel is built (and its
# module imported) when its tab first opens. The Load panel takes two more arguments.
TABS: tuple[tuple[str, str, str], ...] = (
    ("Load", ".load_panel", "LoadPanel"),
    ("Article", ".article_panel", "ArticlePanel"),
    ("Actors", ".actors_panel", "ActorsPanel"),
    ("Claims", ".claims_panel", "ClaimsPanel"),
    ("Sources", ".sources_panel", "SourcesPanel"),
    ("Network", ".network_view", "NetworkPanel"),
    ("Timeline", ".timeline_view", "TimelinePanel"),
    ("Events", ".events_panel", "EventsPanel"),
    ("Summary", ".summary_panel", "SummaryPanel"),
    ("Tasks", ".exercise_panel", "TasksPanel"),  # the classroom exercise (views/exercise.py)
)
FIRST_TAB = "Article"
# shown only on an exercise's case (`exercise.is_exercise_case`) or in a class, where each
# visitor has a case of their own: a journalist's case has no tasks to check
EXERCISE_TAB = "Tasks"
# The app fits a narrow window (JupyterLab beside another panel, a phone, 800 px): rows of
# controls in every panel wrap instead of being clipped, and no control is wider than the
# window. Panels keep building their rows with HBox; this one rule makes them all wrap.
# A labelled control (label and drop-down or box: `widget-inline-hbox`) never wraps: its
# control shrinks instead. Wrapped, the control fell below its own box's height and was
# hidden under the next row, so "Status", "Kind" and "as" read as blanks at 1440 px.
APP_CSS = """<style>
.wb-app { max-width: 100%; min-width: 0; }
.wb-app .widget-hbox, .wb-app .jupyter-widgets.widget-hbox { flex-wrap: wrap; row-gap: 4px; }
.wb-app .widget-text, .wb-app .widget-textarea, .wb-app .widget-dropdown,
.wb-app .widget-select, .wb-app .widget-select-multiple { max-width: 100%; min-width: 0; }
.wb-app .widget-inline-hbox { flex-wrap: nowrap; }
.wb-app .widget-inline-hbox > select, .wb-app .widget-inline-hbox > input { min-width: 0; }
.wb-app .widget-label { min-width: 0; }
.wb-app .widget-box > * { min-width: 0; max-width: 100%; }
.wb-app .lm-TabBar { min-height: fit-content; overflow: visible; }
.wb-app .lm-TabBar-content { flex-wrap: wrap; }
.wb-app .lm-TabBar-tab { min-width: 0; flex: 0 0 auto; }
</style>"""
# rows of controls wrap onto the next line in a narrow window instead of being clipped
_WRAP = W.Layout(flex_flow="row wrap", align_items="center")


def new_snapshot(case: Case) -> Any:
    # an article's records read alone until a tab reads the whole table (app_read.py)
    from .app_read import AppSnapshot

    return AppSnapshot(case)


class Workbench:
    """The whole app over one case.

    >>> app = Workbench.open("story.case", sample="sample_articles/mamlouk-visits-cairo.txt")
    >>> app              # in a notebook: shows the panels
    >>> app.panel("Actors").merge_selected()    # widgets can be driven from Python too
    """

    def __init__(
        self,
        case: Case | str | os.PathLike[str],
        *,
        samples_dir: Path | None = None,
        cases_dir: str | os.PathLike[str] | None = None,
        case_locked: bool = False,
        watch: bool = True,
        exercise: bool | None = None,
    ) -> None:
        """`case`: an open case, or a case file path (opened once per process).

        `cases_dir`: the only folder whose cases the Load panel opens or creates, by name
        (default: `WORKBENCH_CASES_DIR`, else the folder of `case`). `case_locked`: the app
        stays on this case (a class visitor's own): no case box, `open_case` refused.
        `watch`: in a kernel, look for changes made elsewhere every few seconds.
        `exercise`: show the Tasks tab of the classroom exercise (default: when the case
        holds an exercise's article, or each visitor has a case of their own, a class).
        """
        self.case_locked = case_locked
        self.exercise = exercise
        self.samples_dir = samples_dir
        if isinstance(case, (str, os.PathLike)):
            case = shared_case(case)
        use(case)  # counted, so the Load panel closes it only when no other app uses it
        self.cases_dir = (
            Path(cases_dir).expanduser().resolve() if cases_dir else default_cases_dir(case.path)
        )
        # one edit or redraw at a time: under JupyterLab widget callbacks run in another
        # thread than the timer that redraws for changes made elsewhere
        self.lock = threading.RLock()
        self.selection = Selection()
        self.status = StatusLine()
        self.ctx = Context(
            case=case,
            selection=self.selection,
            edited=self._edited,
            failed=self.status.failed,
            open_case=self.open_case,
            busy=self.status.busy,
            cases_dir=self.cases_dir,
            told=self.status.told,
        )
        self._built: dict[str, Panel] = {}
        self._tasks_looked_at: Case | None = None  # the case whose Tasks tab was decided
        self._holders = {title: W.Box(layout=W.Layout(width="100%")) for title, _, _ in TABS}
        self.titles: tuple[str, ...] = ()  # the tabs shown, in order (see _show_tabs)
        self.tabs = W.Tab()
        self._show_tabs(exercise=bool(exercise))
        self.tabs.selected_index = self._index(FIRST_TAB)
        self.tabs.observe(guarded(self.status.failed, self._tab_opened), names="selected_index")
        self.header = W.HTML()
        self.progress = W.IntProgress(
            min=0, max=3, value=0, description="", layout=W.Layout(display="none", width="20em")
        )
        self.progress.add_class("wb-progress")
        self.widget = W.VBox(
            [
                W.HTML(APP_CSS),
                self.header,
                W.HBox([self.status.widget, self.progress], layout=_WRAP),
                self.tabs,
            ]
        )
        self.widget.add_class("wb-app")
        self.watcher = ChangeWatcher(lambda: self.ctx.case, self._changed_elsewhere)
        self.extraction: threading.Thread | None = None
        self._added: tuple[str, str | None] | None = None  # a sample added, not yet shown
        self.refresh()
        self._open(FIRST_TAB)
        if watch:
            self.watcher.start()

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        sample: str | os.PathLike[str] | None = None,
        published: str | None = None,
        samples_dir: Path | None = None,
        cases_dir: str | os.PathLike[str] | None = None,
        background: bool | None = None,
    ) -> Workbench | VisitorGate:
        """Open (or create) a case and show it; add `sample` if the case has no article yet.

        `background`: extract the sample in a thread while the app is already shown, with
        a progress bar (default: in a kernel, where the page can be drawn meanwhile).
        Served with `workbench app --visitors own` (`WORKBENCH_VISITORS=own`, the default
        with `--ip`), the result first asks the visitor's name and shows the app on their
        own case in the cases folder (`workbench.views.visitors`).
        """
        path = path or os.environ.get(CASE_ENV) or DEFAULT_CASE
        if background is None:
            background = kernel_loop() is not None
        if visitors_mode() == OWN:
            starting = Path(path).expanduser().resolve()
            folder = Path(cases_dir).expanduser().resolve() if cases_dir else None
            folder = folder or default_cases_dir(starting)

            def build(own: Path, _new: bool) -> Workbench:
                return cls._on_case(
                    own, sample, published, samples_dir, folder, background, case_locked=True
                )

            return VisitorGate(folder, starting, build)
        return cls._on_case(path, sample, published, samples_dir, cases_dir, background)

    @classmethod
    def _on_case(
        cls,
        path: str | os.PathLike[str],
        sample: str | os.PathLike[str] | None,
        published: str | None,
        samples_dir: Path | None,
        cases_dir: str | os.PathLike[str] | None,
        background: bool = False,
        *,
        case_locked: bool = False,
    ) -> Workbench:
        case = shared_case(path)
        app = cls(case, samples_dir=samples_dir, cases_dir=cases_dir, case_locked=case_locked)
        if sample and not case.articles():
            options = {"published": published} if published else {}
            app.add_sample(sample, options, background=background)
        return app

    @property
    def case(self) -> Case:
        """The case, usable like a `Case` from any thread."""
        return self.ctx.case

    @property
    def panels(self) -> list[Panel]:
        """Every panel, built now if its tab was never opened (in tab order)."""
        return [self._build(title) for title in self.titles]

    def panel(self, title: str) -> Panel:
        """The panel called `title`, drawn from the case as it is (a hidden one may be stale)."""
        panel = self._build(title)
        if panel.stale:
            with self.lock:
                panel.stale = False
                panel.refresh()
        return panel

    def show(self, title: str) -> None:
        """Open the tab of the panel called `title`."""
        self.tabs.selected_index = self._index(title)

    def _index(self, title: str) -> int:
        """The place of `title`'s tab among the tabs shown."""
        if title not in self.titles:
            raise ValueError(f"no {title} tab in this app (tabs: {', '.join(self.titles)})")
        return self.titles.index(title)

    def _show_tabs(self, *, exercise: bool) -> None:
        """Show every tab, the exercise's Tasks only if `exercise`; the tab in view stays
        (the first one if it went)."""
        titles = tuple(t for t, _, _ in TABS if exercise or t != EXERCISE_TAB)
        if titles == self.titles:
            return
        index = self.tabs.selected_index
        current = self.titles[index] if index is not None and index < len(self.titles) else None
        self.titles = titles
        self.tabs.children = [self._holders[t] for t in titles]
        self.tabs.titles = titles
        if current is not None:
            self.tabs.selected_index = titles.index(current if current in titles else FIRST_TAB)

    def _is_exercise(self) -> bool:
        """Whether this app shows the Tasks tab (see `exercise`)."""
        if self.exercise is not None:
            return self.exercise
        if visitors_mode() == OWN:  # a class: each student on a case of their own
            return True
        from .exercise import is_exercise_case  # reads files: only once a case is shown

        return is_exercise_case(self.case)

    def _build(self, title: str) -> Panel:
        """The panel called `title`; its module is imported and the panel built on first use."""
        panel = self._built.get(title)
        if panel is None:
            _, module, name = next(tab for tab in TABS if tab[0] == title)
            panel_class = getattr(importlib.import_module(module, __package__), name)
            options: dict[str, Any] = {}
            if title == "Load":
                options = {"samples_dir": self.samples_dir, "case_box": not self.case_locked}
            panel = panel_class(self.ctx, **options)
            self._built[title] = panel
            self._holders[title].children = (panel.widget,)
        return panel

    def _open(self, title: str) -> None:
        """Build (if need be) and draw the panel whose tab just opened."""
        panel = self._build(title)
        for other in self._built.values():
            other.shown = other is panel
        if panel.stale:
            with self.lock:
                panel.refresh()
                panel.stale = False  # only once drawn: a failed draw is tried again

    # --- refreshing --------------------------------------------------------------------------

    def refresh(self, *, also: Panel | None = None, carry: bool = False) -> None:
        """Read the case once and redraw the panel in view (and `also`); mark the rest stale.

        `carry`: read again only what the audit log says changed since the last drawing,
        taking the rest from the last read (an edit's redraw touches what it changed).
        The garbage collector waits until it is drawn: a merge across 5,000 articles makes
        thousands of records and rows, each batch of them a pass of the collector (and now
        and then a full one) while none is garbage yet."""
        with self.lock, collector_held():
            drawn, now = self.watcher.marker, self.watcher.latest()  # before reading
            older = self.ctx.snapshot
            self.ctx.snapshot = new_snapshot(self.case)
            same_articles = False  # whether the case's articles are those last drawn
            if carry and older is not None and older.case is self.case:
                changes = self._since(drawn, now)
                if changes is not None:
                    self._carry(older, changes)
                    same_articles = "articles" in changes.unchanged
            for panel in self._built.values():
                if panel.shown or panel is also:
                    panel.stale = False
                    panel.refresh()
                else:
                    panel.stale = True
            # the articles' titles, not their texts (`AppSnapshot.article_heads`)
            count = len(article_heads(self.ctx.snapshot))
            self.header.value = (
                # the name alone for a case in the cases folder: a class need not see the
                # server's folders
                "<b>Workbench</b> · case "
                f"<code>{escape(case_name(self.case.path, self.cases_dir))}</code>"
                f" · {count} article{'' if count == 1 else 's'}"
            )
            # what was drawn: a change after `now` shows at the next look, even one made
            # while this drew
            self.watcher.marker = now
            # whether the Tasks tab shows depends on the case and its articles only: looked
            # at again when either changed, not at each edit's redraw. Last: a tab that goes
            # opens another one, which looks for changes made elsewhere, and this read is
            # the latest
            if not same_articles or self._tasks_looked_at is not self.case:
                self._tasks_looked_at = self.case
                self._show_tabs(exercise=self._is_exercise())

    def _carry(self, older: Any, changes: Changes) -> None:
        """Keep what `changes` did not touch from the `older` read; the records it names are
        read one by one (`CaseSnapshot.carry`)."""
        self.ctx.snapshot.carry(older, changes.unchanged, deltas=changes.deltas)

    def _since(self, drawn: int, now: int) -> Changes | None:
        try:
            return changes_since(self.case, drawn, now)
        except Exception:  # noqa: BLE001 - a read of it all is always right, only slower
            log.exception("could not read what changed; reading the whole case")
            return None

    def _tab_opened(self, change) -> None:
        if change["new"] is None or change["new"] >= len(self.titles):
            return  # no tab (the tabs themselves changed)
        title = self.titles[change["new"]]
        # a fresh read if the case changed since the last one (another kernel, the CLI)
        self.watcher.check()
        self._open(title)

    def _edited(self, message: str, origin: Panel | None = None) -> None:
        self.refresh(also=origin, carry=True)
        self.status.saved(message)

    def _changed_elsewhere(self, entry: Any) -> None:
        """Someone else changed the case (`entry`: the newest audit row): redraw."""
        if entry is not None and entry.session == getattr(self.case, "session", None):
            self.refresh(carry=True)
            return  # this app's own edit, from another thread: drawn, not news
        self.ctx.elsewhere = True
        try:
            self.refresh(carry=True)
        finally:
            self.ctx.elsewhere = False
        what = describe(entry) if entry is not None else "a change"
        # not who: every visitor of a class is the same user of the server
        self.status.told(f"Updated: {what}, made elsewhere (another page or the command line).")

    # --- adding the sample -------------------------------------------------------------------

    def add_sample(
        self, sample: str | os.PathLike[str], options: dict[str, Any], *, background: bool
    ) -> None:
        """Extract `sample` into the empty case, with a progress bar; in a thread if
        `background` (the app answers meanwhile), else here."""
        name = Path(sample).name
        loop = kernel_loop()
        self.progress.layout.display = ""
        self.progress.value = 0
        self.status.busy(f"Adding the sample article {name}: loading the language model...")

        def work() -> None:
            problem = None
            try:
                queue = ExtractionQueue.from_env()  # a class's new cases arrive all at once
                waiting = lambda ahead: self.status.busy(waiting_message(ahead, name))  # noqa: E731
                with queue.turn(waiting) if queue else contextlib.nullcontext():
                    self.case._extractor()  # spaCy: the slow part of a first extraction
                    self.progress.value = 1
                    self.status.busy(f"Adding the sample article {name}: extracting...")
                    self.case.add_article(str(sample), **options)
                    self.progress.value = 2
            except Exception as exc:  # noqa: BLE001 - the app is open: it shows why
                problem = f"Could not add the sample {name}: {exc}"
            self._added = (name, problem)
            call_in_loop(loop if background else None, self._sample_added)

        if background:
            self.extraction = threading.Thread(target=work, name="workbench-sample", daemon=True)
            self.extraction.start()
        else:
            work()

    def _sample_added(self) -> None:
        """Show the sample added (once: `wait` may have shown it before the loop's turn)."""
        with self.lock:
            if self._added is None:
                return
            name, problem = self._added
            self._added = None
            self.progress.layout.display = "none"
            if problem:
                self.status.failed(problem)
                return
            self.progress.value = 3
            self.refresh()
            self.status.saved(f"Added the sample article {name}")

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a sample being added in the background (for scripts and tests)."""
        if self.extraction is not None:
            self.extraction.join(timeout)
        # drawn here: a cell that waits holds the kernel's loop, where it was to be drawn
        self._sample_added()

    def open_case(self, name: str) -> None:
        """Open or create the case called `name` in the cases folder (a name, not a path)."""
        from ..errors import WorkbenchError

        if self.case_locked:  # the box is hidden, but a page can still send the click
            self.status.failed(
                "This app stays on your own case: reload the page to use another name."
            )
            return
        try:
            path = case_file(name, self.cases_dir)
        except RefusedName as exc:
            self.status.failed(str(exc))
            return
        try:
            case = shared_case(path)
        except WorkbenchError as exc:
            self.status.failed(str(exc))
            return
        old = self.ctx.case
        if case is not old:
            use(case)
        self.ctx.case = case
        self.selection.clear()
        self.selection.article_id = None
        self.refresh()
        if case is not old:
            release(old)  # closed unless another app in this kernel still uses it
        self.status.told(f"Opened {case.path}")

    def close(self) -> None:
        """Stop watching the case (the case itself stays open: it may be shared)."""
        self.watcher.stop()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
