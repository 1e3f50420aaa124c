"""A bug in a widget callback is shown in the status line and logged, never swallowed, and
never leaves the status line on "busy" (ipywidgets itself would only print it somewhere)."""

from __future__ import annotations

import logging

import pytest

from workbench.views import Workbench

pytestmark = pytest.mark.slow  # the real spaCy model extracts the seed article


@pytest.fixture
def app(seed_case):
    app = Workbench(seed_case)
    yield app
    app.case.close()


def boom(*_args, **_kwargs):
    raise RuntimeError("disk <b>gone</b>")


def shows_the_error(app, caplog) -> bool:
    status = app.status.value
    logged = [r for r in caplog.records if r.name == "workbench.views" and r.exc_info]
    return (
        "Unexpected error: RuntimeError: disk &lt;b&gt;gone&lt;/b&gt;" in status
        and "your saved work is safe" in status
        and "<b>gone" not in status
        and "wb-busy" not in status
        and bool(logged)
    )


def test_an_unexpected_error_in_an_edit_clears_busy(app, caplog, monkeypatch, samples_dir):
    monkeypatch.setattr(app.case, "add_article", boom)
    app.show("Load")
    load = app.panel("Load")
    with caplog.at_level(logging.ERROR):
        # an article not yet in the case: the seed is, and would be "nothing added"
        other = samples_dir / "iran-admits-downing-ukrainian-jet.txt"
        assert load.add_sources([str(other)]) is False
    assert shows_the_error(app, caplog)


def test_an_unexpected_error_behind_a_button_is_shown(app, caplog, monkeypatch):
    app.show("Claims")
    claims = app.panel("Claims")
    claims.choose(app.case.claims()[0].id)
    monkeypatch.setattr(app.case, "update_claim", boom)
    with caplog.at_level(logging.ERROR):
        claims.speaker_button.click()  # ipywidgets would swallow what escapes the handler
    assert shows_the_error(app, caplog)


def test_the_speaker_name_is_looked_up_safely(app):
    app.show("Claims")
    claims = app.panel("Claims")
    claim = app.case.claims()[0]
    claims.choose(claim.id)
    actor = next(
        v for _, v in claims.speaker.options if v not in (claim.speaker, "__unnamed__", "__new__")
    )
    claims.speaker.value = actor
    del claims._actors[actor]  # as read before another kernel rejected it, say
    claims.speaker_button.click()
    assert "Saved" in app.status.value
    assert app.case.claim(claim.id).speaker == actor


def test_an_error_drawing_a_tab_is_shown_and_the_tab_drawn_again(app, caplog, monkeypatch):
    from workbench.views import network_view

    monkeypatch.setattr(network_view, "vis_graph", boom)
    with caplog.at_level(logging.ERROR):
        app.show("Network")
    assert shows_the_error(app, caplog)
    network = app.panels[[p.title for p in app.panels].index("Network")]
    assert network.stale  # not marked drawn: opening the tab again tries again
    app.status.value = ""
    caplog.clear()
    with caplog.at_level(logging.ERROR):
        network.focus.value = not network.focus.value  # an observer calling draw()
    assert shows_the_error(app, caplog)


def test_an_error_in_the_timeline_brush_is_shown(app, caplog, monkeypatch):
    from workbench.views import timeline_view

    app.show("Timeline")
    timeline = app.panel("Timeline")
    monkeypatch.setattr(timeline_view, "brushed_range", boom)
    with caplog.at_level(logging.ERROR):
        timeline.chart._vl_selections = {
            timeline_view.BRUSH: {"value": {"start": [631152000000, 662601600000]}, "store": []}
        }
    assert shows_the_error(app, caplog)
