"""Bring articles in: a sample, an upload, pasted text or a URL; open or create a case."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import ipywidgets as W

from .panel import Panel, button
from .selection import Context

SAMPLE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def default_samples_dir() -> Path:
    """The repository's sample_articles/ (beside the package in a checkout)."""
    return Path(__file__).resolve().parents[2] / "sample_articles"


def sample_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in SAMPLE_SUFFIXES
        and p.name.upper() != "SOURCES.MD"
        and p.name.upper() != "README.MD"
    )


class LoadPanel(Panel):
    title = "Load"

    def __init__(self, ctx: Context, *, samples_dir: Path | None = None) -> None:
        super().__init__(ctx)
        self.samples_dir = samples_dir or default_samples_dir()
        self.case_path = W.Text(description="Case file", layout=W.Layout(width="36em"))
        self.open_button = button(
            "Open or create", tooltip="open the case file, creating it if missing"
        )
        self.sample = W.Dropdown(
            description="Sample",
            options=[(p.name, str(p)) for p in sample_files(self.samples_dir)],
            layout=W.Layout(width="36em"),
        )
        self.sample.add_class("wb-sample")
        self.sample_button = button("Add sample", style="primary")
        self.sample_button.add_class("wb-add-sample")
        self.upload = W.FileUpload(accept=",".join(sorted(SAMPLE_SUFFIXES)), multiple=True)
        self.upload_button = button("Add uploaded files")
        self.paste = W.Textarea(
            placeholder="paste an article: a title line, a blank line, then the text",
            layout=W.Layout(width="48em", height="8em"),
        )
        self.paste.add_class("wb-paste")
        self.paste_button = button("Add pasted text")
        self.paste_button.add_class("wb-add-pasted")
        self.url = W.Text(
            description="URL", placeholder="https://...", layout=W.Layout(width="36em")
        )
        self.url_button = button("Fetch and add")
        self.published = W.Text(description="Published", placeholder="YYYY-MM-DD")
        self.published.add_class("wb-published")
        self.outlet = W.Text(description="Outlet", placeholder="e.g. Middle East Eye")
        self.progress = W.IntProgress(min=0, max=1, value=0, layout=W.Layout(display="none"))
        self.summary = W.HTML()
        self.widget = W.VBox(
            [
                W.HTML("<b>Case</b>"),
                W.HBox([self.case_path, self.open_button]),
                W.HTML("<b>Add an article</b> (the date and outlet apply to what you add next)"),
                W.HBox([self.published, self.outlet]),
                W.HBox([self.sample, self.sample_button]),
                W.HBox([self.upload, self.upload_button]),
                W.HBox([self.paste, self.paste_button]),
                W.HBox([self.url, self.url_button]),
                self.progress,
                self.summary,
            ],
            layout=W.Layout(padding="4px"),
        )
        self.widget.add_class("wb-load-panel")
        self.open_button.on_click(lambda _b: self.ctx.open_case(self.case_path.value.strip()))
        self.sample_button.on_click(lambda _b: self.add_sources([self.sample.value]))
        self.upload_button.on_click(lambda _b: self.add_uploads())
        self.paste_button.on_click(lambda _b: self.add_pasted())
        self.url_button.on_click(lambda _b: self.add_sources([self.url.value.strip()]))

    def refresh(self) -> None:
        self.case_path.value = str(self.case.path)
        articles = list(self.case.articles())
        self.summary.value = f"<small>{len(articles)} article{'s' if len(articles) != 1 else ''} in the case.</small>"

    def _options(self) -> dict[str, str] | None:
        published = self.published.value.strip()
        if published and not DATE.match(published):
            self.ctx.failed(f"Publication date {published!r}: write it as YYYY-MM-DD.")
            return None
        options = {}
        if published:
            options["published"] = published
        if self.outlet.value.strip():
            options["outlet"] = self.outlet.value.strip()
        return options

    def add_sources(self, sources: list[str], *, names: list[str] | None = None) -> bool:
        """Add each source (a path or a URL) to the case, with a progress bar; True if all were."""
        sources = [s for s in sources if s]
        options = self._options()
        if not sources or options is None:
            return False
        names = names or [Path(s).name if len(s) < 300 else "pasted text" for s in sources]
        self.progress.max, self.progress.value = len(sources), 0
        self.progress.layout.display = "" if len(sources) > 1 else "none"
        added = []
        for source, name in zip(sources, names, strict=True):
            self.ctx.busy(f"Reading and extracting {name}...")
            article = {}

            def action(source=source, article=article) -> None:
                article["record"] = self.case.add_article(source, **options)

            if not self.run(action, f"Added {name}"):
                break
            added.append(article["record"])
            self.progress.value += 1
        if added:
            last = added[-1]
            self.ctx.selection.article_id = getattr(last, "id", last)
        self.progress.layout.display = "none"
        return len(added) == len(sources)

    def add_uploads(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="workbench-upload-"))
        paths, names = [], []
        for item in self.upload.value:
            name = Path(item["name"]).name or "upload.txt"
            path = folder / name
            path.write_bytes(bytes(item["content"]))
            paths.append(str(path))
            names.append(name)
        if self.add_sources(paths, names=names):
            self.upload.value = ()

    def add_pasted(self) -> None:
        text = self.paste.value
        if not text.strip():
            self.ctx.failed("Paste some text first.")
            return
        # a file keeps the "title line, blank line" convention of .txt articles
        path = Path(tempfile.mkdtemp(prefix="workbench-paste-")) / "pasted.txt"
        path.write_text(text, encoding="utf-8")
        if self.add_sources([str(path)], names=["pasted text"]):
            self.paste.value = ""  # kept when it failed, for the person to correct
