"""Bring articles in: a sample, an upload, pasted text or a URL; open or create a case.

Whatever is typed here may come from anyone who can reach the app (`workbench app --ip`),
and the kernel acts as the server's user. So the URL box takes http(s) addresses only
(never a path on the server), the case box takes a case name in the app's cases folder
(`cases_folder.py`), and uploaded or pasted articles are written to a private temporary
folder that is removed as soon as they are read. When the app is open to the network
(`SERVED_TO_NETWORK_ENV`, set by `workbench app --ip`), a URL whose host is inside a
network (this machine, a private network, link-local...) is refused, redirects included.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import ipywidgets as W

from ..article_input import read_article
from ..dates import DateError, parse_optional_day
from ..errors import InputError
from ..language import is_supported, unsupported_message
from .cases_folder import case_name
from .extraction_queue import ExtractionQueue, waiting_message
from .launch import SERVED_TO_NETWORK_ENV
from .panel import NothingChanged, Panel, button
from .selection import Context

SAMPLE_SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf"}
WEB_SCHEMES = ("http", "https")
# Limits when the app is open to the network (docs/app.md): one visitor's upload or paste
# must not take the server down for the class. The websocket itself refuses a message
# (an upload) over 10 MB before it reaches us (tornado's websocket_max_message_size).
MAX_UPLOAD_BYTES = 5_000_000  # per file
MAX_ARTICLE_CHARS = 200_000  # about 30,000 words: a long report, extracted in a minute or so


def url_problem(value: str) -> str | None:
    """Why the URL box must not fetch `value`, or None for an http(s) address."""
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    if (
        parts is None
        or parts.scheme.lower() not in WEB_SCHEMES
        or not host
        or any(ch.isspace() or not ch.isprintable() for ch in value)
    ):
        shown = value if len(value) <= 80 else value[:77] + "..."
        return f"{shown!r} is not a web address: the URL box takes http:// or https:// URLs only."
    return None


def served_to_network() -> bool:
    """Whether the app is open to the network: then URLs inside a network are not fetched."""
    return os.environ.get(SERVED_TO_NETWORK_ENV, "").strip() not in ("", "0")


def _upload_name(name: str, taken: set[str]) -> str:
    """A plain file name for an uploaded file: no folder, not "..", not one already used."""
    name = Path(name.replace("\\", "/")).name
    if name in ("", ".", ".."):
        name = "upload.txt"
    base, n = name, 1
    while name in taken:
        n += 1
        name = f"{n}-{base}"
    taken.add(name)
    return name


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

    def __init__(
        self, ctx: Context, *, samples_dir: Path | None = None, case_box: bool = True
    ) -> None:
        """`case_box`: show the box that opens or creates a case by name (not for a class
        visitor kept in their own case)."""
        super().__init__(ctx)
        self.samples_dir = samples_dir or default_samples_dir()
        self.case_path = W.Text(
            description="Case",
            placeholder="a name, e.g. class-2",
            layout=W.Layout(width="36em"),
        )
        self.case_path.add_class("wb-case-name")
        self.open_button = button(
            "Open or create", tooltip="open the case of this name in the cases folder, or create it"
        )
        self.open_button.add_class("wb-open-case")
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
        self.url.add_class("wb-url")
        self.url_button = button("Fetch and add")
        self.published = W.Text(
            description="Published", placeholder="YYYY-MM-DD or 17 October 2016"
        )
        self.published.add_class("wb-published")
        self.outlet = W.Text(description="Outlet", placeholder="e.g. Middle East Eye")
        self.progress = W.IntProgress(min=0, max=1, value=0, layout=W.Layout(display="none"))
        self.summary = W.HTML()
        case_row = [W.HTML("<b>Case</b>"), W.HBox([self.case_path, self.open_button])]
        self.widget = W.VBox(
            [
                *(case_row if case_box else []),
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
        self.open_button.on_click(
            self.guard(lambda _b: self.ctx.open_case(self.case_path.value.strip()))
        )
        self.sample_button.on_click(self.guard(lambda _b: self.add_sources([self.sample.value])))
        self.upload_button.on_click(self.guard(lambda _b: self.add_uploads()))
        self.paste_button.on_click(self.guard(lambda _b: self.add_pasted()))
        self.url_button.on_click(self.guard(lambda _b: self.add_url()))

    def refresh(self) -> None:
        folder = self.ctx.cases_dir
        path = self.case.path
        self.case_path.value = case_name(path, folder) if folder else str(path)
        articles = self.snapshot.articles()
        self.summary.value = f"<small>{len(articles)} article{'s' if len(articles) != 1 else ''} in the case.</small>"

    def _options(self) -> dict[str, Any] | None:
        try:  # the one date parser, as everywhere: the same dates accepted, the same message
            published = parse_optional_day(self.published.value)
        except DateError as error:
            self.ctx.failed(f"{error}.")
            return None
        options: dict[str, Any] = {}
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
        queue = ExtractionQueue.from_env()
        for source, name in zip(sources, names, strict=True):
            article = {}

            def action(source=source, name=name, article=article) -> None:
                public = served_to_network()
                read = read_article(source, public_only=public, **options)
                if public and len(read.text) > MAX_ARTICLE_CHARS:
                    raise InputError(
                        f"{name}: {len(read.text):,} characters; this app takes articles "
                        f"of up to {MAX_ARTICLE_CHARS:,} (split it, or use workbench case add)"
                    )
                stored = self.case.find_article(read.text)
                if stored is not None:  # the case keeps one copy of a text: say so
                    article["record"] = stored
                    raise NothingChanged(
                        f"Nothing added: {name} is already in the case"
                        f" (as “{stored.title or stored.id}”)."
                    )
                self.ctx.busy(f"Reading and extracting {name}...")
                article["record"] = self.case.add_article(read, public_only=public)

            def waiting(ahead: int, name=name) -> None:
                self.ctx.busy(waiting_message(ahead, name))

            self.ctx.busy(f"Reading {name}...")
            with queue.turn(waiting) if queue else contextlib.nullcontext():
                done = self.run(action, f"Added {name}")
            if not done and "record" not in article:
                break
            if done:
                added.append(article["record"])
                self._say_language(article["record"], name)
            else:  # already in the case: shown, as a person who added it expects
                self.ctx.selection.article_id = article["record"].id
            self.progress.value += 1
        if added:
            last = added[-1]
            self.ctx.selection.article_id = getattr(last, "id", last)
            if len(added) < len(sources) and len(sources) > 1:
                self.ctx.told(
                    f"Added {len(added)} of {len(sources)} articles; "
                    "the others were already in the case."
                )
        self.progress.layout.display = "none"
        return len(added) == len(sources)

    def _say_language(self, record: object, name: str) -> None:
        """An article in a language without rules is added (its text can still be read
        and linked) but nothing was extracted from it: the status line says so at once,
        in the words the CLI and the case use; the Article panel shows every language."""
        language = getattr(record, "language", None)
        if not is_supported(language):
            self.ctx.told(unsupported_message(name, language or "?"))

    def add_url(self) -> bool:
        """Fetch the URL box's address and add the article; only http(s) is accepted."""
        url = self.url.value.strip()
        if not url:
            self.ctx.failed("Give a URL first (https://...).")
            return False
        problem = url_problem(url)
        if problem:
            self.ctx.failed(problem)
            return False
        if self.add_sources([url], names=[url]):
            self.url.value = ""
            return True
        return False

    def add_uploads(self) -> None:
        if not self.upload.value:
            self.ctx.failed("Choose a file to upload first.")
            return
        # files, so that each is read by its kind (.html, .pdf...); in a private folder
        # (mode 0700) that goes as soon as they are read, whatever happened
        folder = Path(tempfile.mkdtemp(prefix="workbench-upload-"))
        try:
            paths, names, taken = [], [], set()
            for item in self.upload.value:
                name = _upload_name(str(item["name"]), taken)
                size = len(item["content"])
                if served_to_network() and size > MAX_UPLOAD_BYTES:
                    self.ctx.failed(
                        f"{name} is {size / 1e6:.1f} MB; this app takes files of up to "
                        f"{MAX_UPLOAD_BYTES / 1e6:.0f} MB."
                    )
                    return
                path = folder / name
                path.write_bytes(bytes(item["content"]))
                paths.append(str(path))
                names.append(name)
            added = self.add_sources(paths, names=names)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if added:
            self.upload.value = ()

    def add_pasted(self) -> None:
        text = self.paste.value
        if not text.strip():
            self.ctx.failed("Paste some text first.")
            return
        if served_to_network() and len(text) > MAX_ARTICLE_CHARS:
            self.ctx.failed(
                f"The pasted text has {len(text):,} characters; this app takes articles of "
                f"up to {MAX_ARTICLE_CHARS:,}."
            )
            return
        # a file, not the text itself: `add_article` would read a one-line paste that names
        # a file on the server ("/etc/passwd") as that file. As a .txt file it keeps the
        # "title line, blank line" convention; the private folder goes once it is read.
        folder = Path(tempfile.mkdtemp(prefix="workbench-paste-"))
        try:
            path = folder / "pasted.txt"
            path.write_text(text, encoding="utf-8")
            added = self.add_sources([str(path)], names=["pasted text"])
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if added:
            self.paste.value = ""  # kept when it failed, for the person to correct
