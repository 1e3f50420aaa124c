"""The timeline in Debian chromium at 1440x900 on a crowded case (the story and forty wire
reports, a day apart): its labels, and its axes' days, never overlap, at the default view,
zoomed out and zoomed in; and an edit made elsewhere is swapped into the chart shown, so the zoom and a
brushed range stay as the person left them while the new item appears. No page error."""

from __future__ import annotations

import datetime
import re

import pytest
from analysis_builders import build_story_case, extraction
from browser_steps import PAGE_LOAD, WAIT, open_tab, screenshot, timeline_drawn

from workbench import Case

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPORTS = 40
STORY = ".wb-timeline-panel svg g.mark-group.role-scope"  # [0] the strip, [1] the story
LABELS = """() => [...document.querySelectorAll(
    ".wb-timeline-panel svg g.mark-text.role-mark text")]
    .filter((t) => t.textContent.trim() !== "")
    .map((t) => { const b = t.getBoundingClientRect();
                  return [t.textContent, b.left, b.top, b.right, b.bottom]; })"""
DOTS = ".wb-timeline-panel svg g.mark-symbol.role-mark path"
# the story's dots and bars, as boxes (a label must cover none of another item's)
MARKS = """() => [...document.querySelectorAll(
    ".wb-timeline-panel svg g.mark-symbol.role-mark path, "
    + ".wb-timeline-panel svg g.mark-rect.role-mark path")]
    .map((m) => { const b = m.getBoundingClientRect();
                  return ["mark", b.left, b.top, b.right, b.bottom]; })"""
AXIS = """() => [...document.querySelectorAll(
    ".wb-timeline-panel svg g.role-axis-label text")].map((t) => t.textContent).join("|")"""
# the written day labels of each time axis (vega hides a crowded one with opacity 0)
AXIS_BOXES = """() => [...document.querySelectorAll(".wb-timeline-panel svg g.role-axis")]
    .map((axis) => [...axis.querySelectorAll("g.role-axis-label text")]
        .filter((t) => t.textContent.trim() !== "" && t.getAttribute("opacity") !== "0"
                       && getComputedStyle(t).opacity !== "0")
        .map((t) => { const b = t.getBoundingClientRect();
                      return [t.textContent, b.left, b.top, b.right, b.bottom]; }))"""
COUNTS = """() => { const el = document.querySelector(".wb-timeline-chart");
    return [Number(el.dataset.wbEmbeds || 0), Number(el.dataset.wbSwaps || 0)]; }"""


def report(number: int, day: datetime.date):
    """A wire report published on `day`: a claim with no date of its own (placed on that
    day, in Reuters' lane) and a dated meeting (in Ali Mamlouk's), each with a long label."""
    said = f"Ali Mamlouk held talks round {number} with Egyptian officials in Cairo"
    when = f"On {day.day} {day:%B %Y}"
    text = f"Wire report {number}\nReuters said that {said}. {when} Mamlouk met the officials."
    return extraction(
        f"wire-{number}",
        text,
        actors=[("Reuters", "media"), ("Ali Mamlouk", "person")],
        claims=[(said, "Reuters", None, [])],
        events=[
            (
                when,
                day.isoformat(),
                "day",
                None,
                f"Mamlouk met officials, round {number}",
                ["Ali Mamlouk"],
                None,
            )
        ],  # fmt: skip
        published=day.isoformat(),
    )


@pytest.fixture
def crowded(voila_server):
    """The app's case made crowded before the page opens (no extraction to wait for)."""
    case = build_story_case(voila_server.case_path)
    first = datetime.date(2016, 10, 1)
    for n in range(REPORTS):
        case.add_extraction(report(n, first + datetime.timedelta(days=n)))
    case.close()
    return voila_server


def overlaps(boxes: list) -> list[tuple[str, str]]:
    """Pairs of written labels whose boxes cross (half a pixel of slack for rounding)."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5 and a[2] < b[4] - 0.5 and b[2] < a[4] - 0.5:
                found.append((a[0], b[0]))
    return found


def wheel(page, clicks: int) -> None:
    """Scroll over the story's middle: positive zooms out, negative in."""
    story = page.locator(STORY).nth(1).locator("path.background").first
    box = story.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 20)
    axis = page.evaluate(AXIS)
    for _ in range(abs(clicks)):
        page.mouse.wheel(0, 120 if clicks > 0 else -120)
    page.wait_for_function(f"() => ({AXIS})() !== {axis!r}", timeout=WAIT)
    page.wait_for_timeout(300)  # vega redraws on the next frame: let the labels settle


def test_labels_never_overlap_at_any_zoom(crowded, watched_page, screenshots):
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(crowded.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    assert timeline_drawn(page) > REPORTS
    page.locator(STORY).nth(1).scroll_into_view_if_needed(timeout=WAIT)
    written = {}
    for name, clicks in (("default", 0), ("zoomed out", 6), ("zoomed in", -30)):
        if clicks:
            wheel(page, clicks)
        boxes = page.evaluate(LABELS)
        assert boxes, f"no label written {name}"
        assert overlaps(boxes) == [], name
        # nor over another item's dot or bar (a label starts past its own dot, or bar)
        # what shows of each label: the story clips a label running past its right edge
        frame = page.locator(STORY).nth(1).locator("path.background").first.bounding_box()
        right = frame["x"] + frame["width"]
        # a label with no room to the edge is shortened to it, with an ellipsis: none is
        # cut by the chart's edge ("Saudi Arabi")
        cut = [b[0] for b in boxes if b[3] > right + 1 or b[1] < frame["x"] - 1]
        assert cut == [], f"{name}: labels cut at the chart's edge"
        shown = [[t, left, top, min(r, right), bottom] for t, left, top, r, bottom in boxes]
        shown = [box for box in shown if box[3] - box[1] > 8]  # a sliver is no word
        marks = page.evaluate(MARKS)
        covering = [p for p in overlaps(shown + marks) if "mark" in p and p != ("mark", "mark")]
        assert covering == [], f"{name}: a label covers a dot or a bar"
        for axis in page.evaluate(AXIS_BOXES):  # the days too ("11 Oct 201612 Oct 2016")
            apart = [[t, left - 2, top, right + 2, bottom] for t, left, top, right, bottom in axis]
            assert overlaps(apart) == [], f"{name}: axis labels run together"
        written[name] = {b[0] for b in boxes}
        screenshot(page, screenshots, f"timeline-{name.replace(' ', '-')}")
    # zoomed out, labels are hidden rather than piled up; zoomed in, labels with no room
    # at the default view are written
    assert len(written["zoomed out"]) < len(written["default"])
    assert written["zoomed in"] - written["default"]
    assert watched_page.errors == [] and watched_page.foreign == []


def drag_strip(page) -> None:
    """Drag across the middle third of the overview strip: a brushed range."""
    strip = page.locator(STORY).first.locator("path.background").first
    frame = strip.bounding_box()
    y = frame["y"] + frame["height"] / 2
    page.mouse.move(frame["x"] + frame["width"] / 3, y)
    page.mouse.down()
    page.mouse.move(frame["x"] + 2 * frame["width"] / 3, y, steps=8)
    page.mouse.up()


def test_an_edit_keeps_the_zoom_and_the_brush(crowded, watched_page, screenshots):
    page = watched_page.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(crowded.url, timeout=PAGE_LOAD)
    page.locator(".wb-app .wb-article").wait_for(timeout=PAGE_LOAD)
    before = timeline_drawn(page)
    page.locator(STORY).first.scroll_into_view_if_needed(timeout=WAIT)
    wheel(page, 3)  # zoomed out a little
    drag_strip(page)
    brush = page.locator(".wb-timeline-panel svg g[class*='when_brush'] path").first
    brush.wait_for(state="attached", timeout=WAIT)
    page.wait_for_function(
        "() => document.querySelector(\".wb-timeline-panel svg g[class*='when_brush'] path\")"
        ".getBBox().width > 10",
        timeout=WAIT,
    )
    zoomed, brushed = page.evaluate(AXIS), brush.get_attribute("d")
    embeds, swaps = page.evaluate(COUNTS)
    assert embeds >= 1

    # a new report from elsewhere (the command line, another kernel): the app's watcher
    # reads it and redraws the timeline
    with Case.open(crowded.case_path) as other:
        other.add_extraction(report(REPORTS, datetime.date(2016, 10, 20)))
    page.wait_for_function(f"() => ({COUNTS})()[1] > {swaps}", timeout=WAIT)
    page.wait_for_function(
        f"() => document.querySelectorAll({DOTS!r}).length > {before}", timeout=WAIT
    )
    assert page.evaluate(COUNTS)[0] == embeds, "the chart was embedded again"
    assert page.evaluate(AXIS) == zoomed, "the zoom was reset"
    assert brush.get_attribute("d") == brushed, "the brushed range was reset"
    open_tab(page, "Claims")
    label = page.locator(".wb-claims-panel small", has_text=re.compile(r"dates \d{4}-"))
    label.first.wait_for(timeout=WAIT)  # the brush still filters the claims
    open_tab(page, "Timeline")
    page.locator(STORY).first.scroll_into_view_if_needed(timeout=WAIT)
    screenshot(page, screenshots, "timeline-brushed-after-an-edit")
    assert watched_page.errors == [] and watched_page.foreign == []
