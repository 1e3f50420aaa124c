"""Time to interactive of the Voila app, measured in Debian chromium (`make bench` runs it
from bench_views.py; alone: `.venv/bin/python benchmarks/time_to_interactive.py`).

What a visitor waits for: from asking for the page until the first panel answers a
click. Each visit is a new browser context (no cache, a new kernel), against `workbench
app`'s own Voila command on 127.0.0.1:

- an already extracted case (the seed article): page, tab bar shown, the first tab's
  (Article) article drawn, then a click on the Summary tab until its table is drawn (the
  kernel builds that panel on the click);
- a large case already extracted (5,000 articles by default: the sample articles copied
  with new ids, `bench_case.numbered`): the same;
- an empty case, which the app must fill with the sample first: the same, and the time
  until the sample is extracted and shown (a progress bar meanwhile).
- the large case again, served with a warm kernel (`workbench app --warm-kernels 1`:
  Voila's pre-heated kernel, the notebook already run when the visitor comes); each visit
  comes once the next warm kernel is ready.
The goals (issue 11): 5 s (an extracted case, any size) and 10 s on this 2-core machine.

    .venv/bin/python benchmarks/time_to_interactive.py [--visits 3] [--articles 5000]
        [--case PATH]      # time a case of your own (kept as it is) instead of building one
        [--warm 1]         # warm kernels for the last measure (0: not measured)
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-sync", "--disable-background-networking", "--disable-component-update",
    "--disable-dev-shm-usage",
]  # fmt: skip
LIMIT = 180_000  # ms: a wait that ends the benchmark with an error, not a hang
SAMPLE = ROOT / "sample_articles" / "mamlouk-visits-cairo.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class VoilaApp:
    """`workbench app`'s Voila command serving the notebook on a case, Jupyter's state in a
    temporary folder."""

    def __init__(self, case_path: Path, folder: Path, *, warm: int = 0) -> None:
        from workbench.views.launch import server_env, voila_command

        self.port = _free_port()
        env = server_env(str(case_path))
        for name in ("config", "data", "runtime", "ipython"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        env.update(
            JUPYTER_CONFIG_DIR=str(folder / "config"),
            JUPYTER_DATA_DIR=str(folder / "data"),
            JUPYTER_RUNTIME_DIR=str(folder / "runtime"),
            IPYTHONDIR=str(folder / "ipython"),
        )
        command = voila_command(
            ROOT / "notebooks" / "workbench.ipynb",
            port=self.port,
            open_browser=False,
            warm_kernels=warm,
        )
        self.log_path = folder / "voila.log"
        self.log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            command, env=env, stdout=self.log, stderr=subprocess.STDOUT, cwd=folder
        )
        self.url = f"http://127.0.0.1:{self.port}/"
        deadline = time.monotonic() + LIMIT / 1000
        while time.monotonic() < deadline:  # polled: a starting server sends no event
            if self.proc.poll() is not None:
                raise RuntimeError(f"Voila exited with {self.proc.returncode}")
            try:
                urllib.request.urlopen(f"{self.url}voila/static/", timeout=2)
                return
            except urllib.error.HTTPError:
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise TimeoutError("Voila did not start")

    def warm_ready(self, count: int) -> None:
        """Wait until the `count`th warm kernel has run the notebook: Voila logs that it
        started (its pool is full), then the kernel works until the app is built; it is
        ready once its CPU time stops growing (the app's watcher takes milliseconds)."""
        import psutil

        deadline = time.monotonic() + LIMIT / 1000
        while self.log_path.read_bytes().count(b"is filled with") < count:
            if time.monotonic() > deadline:  # polled: Voila says it in its log only
                raise TimeoutError("Voila's warm kernel did not start")
            time.sleep(0.2)
        kernel = max(psutil.Process(self.proc.pid).children(), key=lambda p: p.create_time())
        used = -1.0
        while time.monotonic() < deadline:
            now = sum(kernel.cpu_times()[:2])
            if now - used < 0.02:
                return
            used = now
            time.sleep(1)
        raise TimeoutError("Voila's warm kernel did not finish the notebook")

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def visit(browser, url: str, *, sample: bool = False) -> dict[str, float]:
    """One visitor: seconds until the page, the tab bar, a panel answering a click, and
    (`sample`) the sample article shown."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.set_default_timeout(LIMIT)
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url, timeout=LIMIT)
        times = {"page": time.perf_counter() - start}
        tab = page.locator(".wb-app .lm-TabBar-tab", has_text="Summary").first
        tab.wait_for()
        times["shown"] = time.perf_counter() - start
        if not sample:  # an empty case draws its article once the sample is extracted
            page.locator(".wb-article-panel .wb-article").first.wait_for()
            times["article"] = time.perf_counter() - start
        tab.click()
        page.locator(".wb-summary-panel table").first.wait_for()
        times["interactive"] = time.perf_counter() - start
        if sample:
            page.locator(".wb-status-line", has_text="Added the sample").wait_for()
            times["sample shown"] = time.perf_counter() - start
        return times
    finally:
        context.close()


def report(label: str, runs: list[dict[str, float]]) -> None:
    if not runs:
        return
    names = list(runs[0])
    cells = ", ".join(
        f"{n} {statistics.median(r[n] for r in runs):.1f} s"
        + (f" (max {max(r[n] for r in runs):.1f})" if len(runs) > 1 else "")
        for n in names
    )
    print(f"  {label} ({len(runs)} visits, median): {cells}")


def build_large(path: Path, articles: int) -> None:
    """A case of `articles` copies of the extracted sample articles (no NLP per copy)."""
    from bench_case import numbered, sample_extractions

    from workbench import Case

    samples = sample_extractions()
    with Case.open(path) as case:
        for i in range(articles):
            case.add_extraction(numbered(samples[i % len(samples)], i))


def visits_of(
    browser, case_path: Path, folder: Path, visits: int, *, warm: int = 0
) -> list[dict[str, float]]:
    """`visits` visitors of one server on `case_path`; with `warm` kernels, each comes once
    the server has a warm kernel ready for them."""
    app = VoilaApp(case_path, folder, warm=warm)
    try:
        runs = []
        for number in range(visits):
            if warm:
                app.warm_ready(number + 1)
            runs.append(visit(browser, app.url))
        return runs
    finally:
        app.stop()


def time_to_interactive(
    visits: int = 3,
    empty_runs: int = 2,
    *,
    articles: int = 5000,
    case: Path | None = None,
    warm: int = 1,
) -> None:
    """Print the Voila app's time to interactive, measured in chromium: on the seed case,
    on a large case (`case`, else one of `articles` built here; 0: none) and on an empty
    case that gets the sample first."""
    if not CHROMIUM.exists():
        print(f"time to interactive: skipped, no chromium at {CHROMIUM}")
        return
    from playwright.sync_api import sync_playwright

    from workbench import Case

    print(f"\nTime to interactive, Voila app in chromium (1440x900; load {os.getloadavg()[0]:.1f})")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            extracted = Path(tmp) / "extracted.case"
            with Case.open(extracted) as seed:
                seed.add_article(SAMPLE, published="2016-10-17")
            runs = visits_of(browser, extracted, Path(tmp) / "extracted", visits)
            report("the seed case, extracted", runs)
            large = case
            if large is None and articles:
                large = Path(tmp) / "large.case"
                started = time.perf_counter()
                build_large(large, articles)
                print(
                    f"  (built a case of {articles} articles: {time.perf_counter() - started:.0f} s)"
                )
            if large is not None:
                with Case.open(large) as opened:
                    size = len(opened.articles())
                runs = visits_of(browser, large, Path(tmp) / "large", visits)
                report(f"a case of {size} articles, extracted", runs)
                if warm:
                    runs = visits_of(browser, large, Path(tmp) / "warm", visits, warm=warm)
                    report(f"a case of {size} articles, served with a warm kernel", runs)
            runs = []
            for i in range(empty_runs):  # a new server on a new empty case each time
                app = VoilaApp(Path(tmp) / f"empty-{i}.case", Path(tmp) / f"empty-{i}")
                try:
                    runs.append(visit(browser, app.url, sample=True))
                finally:
                    app.stop()
            report("an empty case, the sample extracted first", runs)
        finally:
            browser.close()
    print(
        "  (article: the first tab has drawn its article; interactive: the Summary tab, built"
        " by the kernel on the click, has drawn its table)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=3)
    parser.add_argument("--empty-runs", type=int, default=2)
    parser.add_argument(
        "--articles", type=int, default=5000, help="the large case's size (0: none)"
    )
    parser.add_argument(
        "--case", type=Path, help="an extracted case to time instead of building one"
    )
    parser.add_argument(
        "--warm", type=int, default=1, help="warm kernels for the last measure (0: none)"
    )
    args = parser.parse_args()
    time_to_interactive(
        args.visits, args.empty_runs, articles=args.articles, case=args.case, warm=args.warm
    )


if __name__ == "__main__":
    main()
