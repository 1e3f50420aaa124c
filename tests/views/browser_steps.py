"""What a person does in the workbench page, as Playwright steps shared by the Voila and
JupyterLab tests. Labels to pick are computed from the case file the page edits."""

from __future__ import annotations

import os
import re
from pathlib import Path

from workbench import Case
from workbench.analysis import claim_rows

HOSTILE_ARTICLE = (
    "Hostile <script>window.__pwned = 'script'</script> report\n\n"
    "Mr. <img src=x onerror=\"window.__pwned = 'img'\"> Smith told Reuters that "
    "<a href=\"javascript:window.__pwned='link'\">the deal</a> was off, "
    "according to the <b onmouseover=\"window.__pwned='b'\">ministry</b>.\n"
)
HOSTILE_NAME = "Dr. <img src=x onerror=\"window.__pwned='name'\"> javascript:window.__pwned='js'"
# Every wait has a limit set here, generous for a busy 2-core machine, and waits for
# something on the page, never for a time. Playwright's own defaults (30 s, 5 s for
# `expect`) are replaced by these in tests/views/conftest.py.
PAGE_LOAD = 180_000  # ms: Voila runs the whole notebook before it answers (17-25 s when busy)
WAIT = 120_000  # ms: a kernel answering an action, extracting an article at worst
LAUNCH = 120_000  # ms: chromium starting

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS_ENV = "WORKBENCH_SCREENSHOTS"


def screenshots_dir(default: Path) -> Path:
    """Where pictures go: `default` (a tmp folder) unless WORKBENCH_SCREENSHOTS names one,
    as `make screenshots` does to refresh docs/screenshots; a relative path is the repo's."""
    chosen = os.environ.get(SCREENSHOTS_ENV)
    folder = ROOT / chosen if chosen else default
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot(page_or_locator, folder: Path, name: str) -> Path:
    """Save a picture of the page (or one element) as FOLDER/NAME.png."""
    path = folder / f"{name}.png"
    page_or_locator.screenshot(path=str(path), timeout=WAIT)
    return path


def read_case(path: Path):
    """A fresh read of the case the page edits (a second connection, as a colleague would)."""
    case = Case.open(path)
    return case, list(case.actors()), claim_rows(case)


def open_tab(page, title: str) -> None:
    page.locator(".wb-app .lm-TabBar-tab", has_text=title).first.click()


def print_log_console(page) -> None:
    if page.locator(".jp-LabShell").count() == 0:
        return
    page.locator(".lm-MenuBar-itemLabel", has_text="View").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Show Log Console").first.click()
    console = page.locator(".jp-LogConsolePanel").first
    console.wait_for(timeout=WAIT)
    print("JupyterLab log console:", console.inner_text()[-3000:])


def wait_status(page, text: str) -> None:
    """Wait for the status line to report `text`; fail at once if it reports a failure."""
    line = page.locator(".wb-status-line")
    try:
        line.filter(has_text=text).or_(line.filter(has_text="✘")).wait_for(timeout=WAIT)
    except Exception:
        print_log_console(page)  # JupyterLab shows widget callback errors only there
        raise
    assert text in line.inner_text(), line.inner_text()


def mamlouk(actors):
    return max(
        (a for a in actors if any("maml" in n.casefold() for n in a.aliases)),
        key=lambda a: a.mention_count,
    )


def pick_actors(page, first, *more) -> None:
    """Click `first`'s row in the Actors table (the actor edited), tick the others' rows."""
    from playwright.sync_api import expect

    table = page.locator(".wb-actors-table")
    table.locator(f'tr[data-id="{first.id}"]').click()
    expect(page.locator(".wb-actor-name input")).to_have_value(first.name)
    for actor in more:
        table.locator(f'tr[data-id="{actor.id}"] .wb-tbl-tick').click()
    expect(table.locator("tr.wb-tbl-selected")).to_have_count(1 + len(more))


def split_and_merge(page, case_path: Path) -> str:
    """Split an alias off Mamlouk, merge it back, confirm him; returns his actor id."""
    open_tab(page, "Actors")
    case, actors, _ = read_case(case_path)
    first = mamlouk(actors)
    alias = next(a for a in first.aliases if a != first.name)
    pick_actors(page, first)
    page.select_option(".wb-actor-alias select", label=alias)
    page.click(".wb-split")
    wait_status(page, "Saved: Split")
    split = next(a for a in case.actors() if a.name == alias and a.id != first.id)
    first = case.actor(first.id)
    pick_actors(page, first, split)
    page.click(".wb-merge")
    wait_status(page, "Saved: Merged")
    keep = next(a for a in case.actors() if a.id in (first.id, split.id))
    pick_actors(page, keep)
    page.click(".wb-confirm")
    wait_status(page, "Saved: Confirmed")
    case.close()
    return keep.id


def check_claim(page, case_path: Path, note: str) -> tuple[str, str]:
    """Dispute the "first public visit" claim with a note and link it to AFP."""
    open_tab(page, "Claims")
    case, actors, rows = read_case(case_path)
    row = next(r for r in rows if "first public visit" in r.text)
    afp = next(a for a in actors if "AFP" in a.aliases)
    case.close()
    page.locator(f'.wb-claim-list tr[data-id="{row.claim_id}"]').click()
    page.locator(".wb-claim-details-box", has_text=row.text[:30]).wait_for(timeout=WAIT)
    page.select_option(".wb-claim-status select", label="disputed")
    page.fill(".wb-claim-note textarea", note)
    page.click(".wb-set-status")
    wait_status(page, "is now disputed")
    page.select_option(".wb-claim-source select", label=afp.name)
    page.select_option(".wb-claim-relation select", label="reported by")
    page.click(".wb-link")
    wait_status(page, "Linked claim")
    return row.claim_id, afp.id


def network_drawn(page) -> int:
    """Open the network tab; the number of nodes vis-network drew (0 with a message)."""
    open_tab(page, "Network")
    canvas = page.locator(".wb-network-canvas[data-shown] canvas")
    canvas.or_(page.locator(".wb-network-empty")).first.wait_for(timeout=WAIT)
    return int(page.locator(".wb-network-canvas").first.get_attribute("data-nodes"))


def network_settled(page) -> None:
    """Wait until vis-network has painted the latest drawing, fitted to a canvas whose size
    no longer changes (two polls alike), so that a picture or a click sees the final view.
    The positions come from Python (no physics): nothing moves once painted."""
    page.wait_for_function(
        """() => {
            const canvas = document.querySelector(".wb-network-canvas[data-shown]");
            const box = canvas && canvas.closest(".wb-network-box").parentElement;
            const painted = canvas && canvas.dataset.painted;
            if (!painted || !painted.startsWith(box.dataset.drawn + ":")) return false;
            const same = painted === window.__workbenchLastPainted;
            window.__workbenchLastPainted = painted;
            return same;
        }""",
        polling=500,
        timeout=WAIT,
    )


def timeline_drawn(page) -> int:
    """Open the timeline tab; the number of events drawn."""
    open_tab(page, "Timeline")
    # one dot per event marks its start (the bars share their mark class with the brush)
    dots = page.locator(".wb-timeline-panel .vega-embed svg g.mark-symbol.role-mark path")
    dots.first.wait_for(state="attached", timeout=WAIT)
    return dots.count()


def add_hostile_article(page) -> None:
    open_tab(page, "Load")
    page.fill(".wb-paste textarea", HOSTILE_ARTICLE)
    page.click(".wb-add-pasted")
    wait_status(page, "Saved: Added")
    open_tab(page, "Article")
    page.locator(".wb-article", has_text="window.__pwned = 'script'").wait_for(timeout=WAIT)


def nothing_executed(page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    article = page.locator(".wb-article").first
    # the markup is on the page as text, and no element came from the article
    assert "<script>window.__pwned" in article.inner_text()
    assert article.locator("script, img, a, b").count() == 0


def rename_to_hostile(page, case_path: Path) -> str:
    """Give an actor of the latest article a name made of markup; returns its id."""
    case = Case.open(case_path)
    latest = case.articles()[-1].id
    actor = next(a for a in case.actors() if latest in a.articles)
    case.close()
    open_tab(page, "Actors")
    pick_actors(page, actor)
    page.fill(".wb-actor-name input", HOSTILE_NAME)
    page.click(".wb-save-actor")
    wait_status(page, "Changed")
    return actor.id


def nothing_executed_in_frames(page) -> None:
    for frame in page.frames:
        assert frame.evaluate("typeof window.__pwned") == "undefined", frame.url


def brush_timeline(page) -> str:
    """Drag across the left half of the timeline's overview strip (the brush); the date
    range the Claims tab then shows."""
    timeline_drawn(page)
    # the strip above the story: the first view's cell (the story pans and zooms)
    view = page.locator(".wb-timeline-panel svg g.mark-group.role-scope").first
    strip = view.locator("path.background").first
    strip.scroll_into_view_if_needed(timeout=WAIT)
    frame = strip.bounding_box()
    y = frame["y"] + frame["height"] / 2
    page.mouse.move(frame["x"] + 5, y)
    page.mouse.down()
    page.mouse.move(frame["x"] + frame["width"] / 2, y, steps=8)
    page.mouse.up()
    open_tab(page, "Claims")
    label = page.locator(".wb-claims-panel small", has_text=re.compile(r"dates \d{4}-"))
    label.first.wait_for(timeout=WAIT)
    return page.locator(".wb-claims-panel").inner_text()
