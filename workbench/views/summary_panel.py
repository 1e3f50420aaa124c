"""Where the case stands (claims checked, open, disputed) and the export buttons."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

import ipywidgets as W

from ..analysis.summary import counted_summary
from ..errors import WorkbenchError
from .panel import TABLE_CSS, Panel, button, html_table
from .selection import Context
from .status import plain_actions, undo_message

EXPORTS = [  # (button label, format, file suffix)
    ("Report (HTML)", "html", ".html"),
    ("Report (Markdown)", "md", ".md"),
    ("Case (JSON)", "json", ".json"),
    ("Tables (CSV)", "csv", "-csv"),
    ("Network (GraphML)", "graphml", ".graphml"),
    ("Network (GEXF)", "gexf", ".gexf"),
    ("TimelineJS", "timeline", ".timeline.json"),
]


DOWNLOAD_LIMIT = 5_000_000  # bytes: larger files stay on disk only
MIME = {".html": "text/html", ".md": "text/markdown", ".json": "application/json",
        ".graphml": "application/xml", ".gexf": "application/xml"}  # fmt: skip


def download_link(path: Path) -> str:
    """A link that hands the exported file to the browser (Voila users see no disk).

    The file is ours (an export), carried in a data: URL with `download`, so the browser
    saves it rather than opening it.
    """
    if not path.is_file() or path.stat().st_size > DOWNLOAD_LIMIT:
        return ""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    mime = MIME.get(path.suffix, "application/octet-stream")
    return (
        f'<a class="wb-download" download="{escape(path.name)}" '
        f'href="data:{mime};base64,{data}">download {escape(path.name)}</a>'
    )


class SummaryPanel(Panel):
    title = "Summary"

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.numbers = W.HTML()
        self.undo_button = button("Undo last edit", tooltip="revert the last change you made")
        self.undo_button.add_class("wb-undo")
        self.buttons = []
        for label, fmt, suffix in EXPORTS:
            b = button(label)
            b.add_class(f"wb-export-{fmt}")
            b.on_click(self.guard(lambda _b, fmt=fmt, suffix=suffix: self.export(fmt, suffix)))
            self.buttons.append(b)
        self.undo_button.on_click(self.guard(lambda _b: self.undo()))
        self.widget = W.VBox(
            [
                W.HTML(TABLE_CSS),
                self.numbers,
                W.HBox([self.undo_button]),
                W.HTML("<b>Export</b> (written next to the case file)"),
                W.HBox(self.buttons, layout=W.Layout(flex_flow="row wrap")),
            ]
        )
        self.widget.add_class("wb-summary-panel")

    def refresh(self) -> None:
        # counted by SQL, not read: the tab opens at once on a case of 5,000 articles
        s = counted_summary(self.case)
        counts = [
            ["articles", s.articles],
            ["actors", s.actors],
            ["actors still to review", s.actors_to_review],
            ["claims", s.claims],
            ["claims checked (a verdict)", s.claims_checked],
            ["claims open", s.claims_open],
            ["claims disputed", s.claims_disputed],
            ["dated events", s.events],
            ["source links", s.source_links],
            ["notes", s.notes],
        ]
        by_status = [[k.replace("_", " "), v] for k, v in s.claims_by_status.items()]
        self.numbers.value = (
            '<div style="display:flex;gap:2em;align-items:flex-start">'
            + html_table(["the case", ""], counts)
            + html_table(["claims by status", ""], by_status)
            + "</div>"
        )

    def export(self, fmt: str, suffix: str) -> None:
        """Write the case in `fmt` next to the case file; the status line says where, with a
        link that hands the file to the browser."""
        case_path = Path(self.case.path)
        target = case_path.with_name(case_path.stem + "-export" + suffix)
        self.ctx.busy(f"Exporting as {fmt}...")
        try:
            written = self.case.export(target, format=fmt)
        except (WorkbenchError, OSError) as exc:
            self.ctx.failed(f"Export as {fmt} failed: {exc}")
            return
        self.ctx.told(f"Exported: wrote {written}", link=download_link(Path(written)))

    def undo(self) -> None:
        """Undo this session's last edit; the status line says which edit it was."""
        entry = {}

        def action() -> None:
            entry["undone"] = self.case.undo()

        try:
            action()
        except WorkbenchError as exc:
            self.ctx.failed(f"Nothing undone: {plain_actions(str(exc))}")
            return
        self.ctx.edited(undo_message(entry["undone"]), self)
