"""The workbench app: every panel around one case and one shared selection.

Each edit goes straight into the case file (the case API commits it); the app then reads
the case once (an `analysis.CaseSnapshot` every panel shares) and redraws the panel in view
and the one that made the edit. Panels on hidden tabs are marked stale and redraw from a
fresh read when their tab opens, so an edit shows in every panel a person can see at once.
"""

from __future__ import annotations

import contextlib
import os
from html import escape
from pathlib import Path

import ipywidgets as W

from ..analysis import CaseSnapshot
from ..workflow import Case
from .actors_panel import ActorsPanel
from .article_panel import ArticlePanel
from .cases_folder import RefusedName, case_file, case_name, default_cases_dir
from .claims_panel import ClaimsPanel
from .events_panel import EventsPanel
from .extraction_queue import ExtractionQueue
from .load_panel import LoadPanel
from .network_view import NetworkPanel
from .panel import Panel, guarded
from .selection import Context, Selection
from .shared_cases import release, shared_case, use
from .sources_panel import SourcesPanel
from .summary_panel import SummaryPanel
from .timeline_view import TimelinePanel
from .visitors import OWN, VisitorGate, visitors_mode

DEFAULT_CASE = "workbench.case"
CASE_ENV = "WORKBENCH_CASE"  # `workbench app --case` sets it for the notebook's kernel


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
    ) -> None:
        """`case`: an open case, or a case file path (opened once per process).

        `cases_dir`: the only folder whose cases the Load panel opens or creates, by name
        (default: `WORKBENCH_CASES_DIR`, else the folder of `case`). `case_locked`: the app
        stays on this case (a class visitor's own): no case box, `open_case` refused.
        """
        self.case_locked = case_locked
        if not isinstance(case, Case):
            case = shared_case(case)
        use(case)  # counted, so the Load panel closes it only when no other app uses it
        self.cases_dir = (
            Path(cases_dir).expanduser().resolve() if cases_dir else default_cases_dir(case.path)
        )
        self.selection = Selection()
        self.ctx = Context(
            case=case,
            selection=self.selection,
            edited=self._edited,
            failed=self._failed,
            open_case=self.open_case,
            busy=self._busy,
            cases_dir=self.cases_dir,
        )
        self.status = W.HTML()
        self.status.add_class("wb-status-line")
        self.panels: list[Panel] = [
            LoadPanel(self.ctx, samples_dir=samples_dir, case_box=not case_locked),
            ArticlePanel(self.ctx),
            ActorsPanel(self.ctx),
            ClaimsPanel(self.ctx),
            SourcesPanel(self.ctx),
            NetworkPanel(self.ctx),
            TimelinePanel(self.ctx),
            EventsPanel(self.ctx),
            SummaryPanel(self.ctx),
        ]
        self.tabs = W.Tab(children=[p.widget for p in self.panels])
        self.tabs.titles = tuple(p.title for p in self.panels)
        self.tabs.selected_index = 1
        self.panels[1].shown = True
        self.tabs.observe(guarded(self._failed, self._tab_opened), names="selected_index")
        self.header = W.HTML()
        self.widget = W.VBox([self.header, self.status, self.tabs])
        self.widget.add_class("wb-app")
        self.refresh()

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        sample: str | os.PathLike[str] | None = None,
        published: str | None = None,
        samples_dir: Path | None = None,
        cases_dir: str | os.PathLike[str] | None = None,
    ) -> Workbench | VisitorGate:
        """Open (or create) a case and show it; add `sample` if the case has no article yet.

        Served with `workbench app --visitors own` (`WORKBENCH_VISITORS=own`, the default
        with `--ip`), the result first asks the visitor's name and shows the app on their
        own case in the cases folder (`workbench.views.visitors`).
        """
        path = path or os.environ.get(CASE_ENV) or DEFAULT_CASE
        if visitors_mode() == OWN:
            starting = Path(path).expanduser().resolve()
            folder = Path(cases_dir).expanduser().resolve() if cases_dir else None
            folder = folder or default_cases_dir(starting)

            def build(own: Path, _new: bool) -> Workbench:
                return cls._on_case(own, sample, published, samples_dir, folder, case_locked=True)

            return VisitorGate(folder, starting, build)
        return cls._on_case(path, sample, published, samples_dir, cases_dir)

    @classmethod
    def _on_case(
        cls,
        path: str | os.PathLike[str],
        sample: str | os.PathLike[str] | None,
        published: str | None,
        samples_dir: Path | None,
        cases_dir: str | os.PathLike[str] | None,
        *,
        case_locked: bool = False,
    ) -> Workbench:
        case = shared_case(path)
        problem = None
        if sample and not list(case.articles()):
            options = {"published": published} if published else {}
            queue = ExtractionQueue.from_env()  # a class's new cases arrive all at once
            try:
                with queue.turn(lambda _ahead: None) if queue else contextlib.nullcontext():
                    case.add_article(str(sample), **options)
            except Exception as exc:  # noqa: BLE001 - the app must still open, showing why
                problem = f"Could not add the sample {Path(sample).name}: {exc}"
        app = cls(case, samples_dir=samples_dir, cases_dir=cases_dir, case_locked=case_locked)
        if problem:
            app._failed(problem)
        return app

    @property
    def case(self) -> Case:
        """The case, usable like a `Case` from any thread."""
        return self.ctx.case

    def panel(self, title: str) -> Panel:
        """The panel called `title`, drawn from the case as it is (a hidden one may be stale)."""
        panel = next(p for p in self.panels if p.title == title)
        if panel.stale:
            panel.stale = False
            panel.refresh()
        return panel

    def show(self, title: str) -> None:
        """Open the tab of the panel called `title`."""
        self.tabs.selected_index = [p.title for p in self.panels].index(title)

    # --- refreshing --------------------------------------------------------------------------

    def refresh(self, *, also: Panel | None = None) -> None:
        """Read the case once and redraw the panel in view (and `also`); mark the rest stale."""
        self.ctx.snapshot = CaseSnapshot(self.case)
        for panel in self.panels:
            if panel.shown or panel is also:
                panel.stale = False
                panel.refresh()
            else:
                panel.stale = True
        self.header.value = (
            # the name alone for a case in the cases folder: a class need not see the
            # server's folders
            f"<b>Workbench</b> · case <code>{escape(case_name(self.case.path, self.cases_dir))}</code>"
            f" · {len(self.ctx.snapshot.articles())} article(s)"
        )

    def _tab_opened(self, change) -> None:
        for index, panel in enumerate(self.panels):
            panel.shown = index == change["new"]
            if panel.shown and panel.stale:
                # a fresh read: another kernel (a Voila visitor) may have changed the case
                self.ctx.snapshot = CaseSnapshot(self.case)
                panel.refresh()
                panel.stale = False  # only once drawn: a failed draw is tried again

    def _edited(self, message: str, origin: Panel | None = None) -> None:
        self.refresh(also=origin)
        self.status.value = f'<span class="wb-saved">✔ Saved: {escape(message)}</span>'

    def _failed(self, message: str) -> None:
        self.status.value = f'<span class="wb-error" style="color:#b00">✘ {escape(message)}</span>'

    def _busy(self, message: str) -> None:
        self.status.value = f'<span class="wb-busy">… {escape(message)}</span>'

    def open_case(self, name: str) -> None:
        """Open or create the case called `name` in the cases folder (a name, not a path)."""
        from ..errors import WorkbenchError

        if self.case_locked:  # the box is hidden, but a page can still send the click
            self._failed("This app stays on your own case: reload the page to use another name.")
            return
        try:
            path = case_file(name, self.cases_dir)
        except RefusedName as exc:
            self._failed(str(exc))
            return
        try:
            case = shared_case(path)
        except WorkbenchError as exc:
            self._failed(str(exc))
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
        self.status.value = f"<span>Opened {escape(str(case.path))}</span>"

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
