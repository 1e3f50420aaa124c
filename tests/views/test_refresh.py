"""How the app redraws after an edit: one read of the case shared by every panel, hidden
panels redrawn when their tab opens, nothing redrawn that did not change."""

from __future__ import annotations

from collections import Counter

import pytest

from workbench.analysis import claim_rows
from workbench.views import Workbench
from workbench.views.claims_rows import STATUS_WORDS

pytestmark = pytest.mark.slow  # the real spaCy model extracts the seed article

TABLES = ("articles", "actors", "claims", "events", "relations", "links", "notes")


class CountingCase:
    """The app's case, counting how often each whole table is read."""

    def __init__(self, case) -> None:
        self._case = case
        self.reads: Counter[str] = Counter()

    def __getattr__(self, name):
        value = getattr(self._case, name)
        if name in TABLES:

            def read(*args, **kwargs):
                if not args and not kwargs:
                    self.reads[name] += 1
                return value(*args, **kwargs)

            return read
        return value


@pytest.fixture
def app(seed_case):
    app = Workbench(seed_case)
    yield app
    app.case.close()


def test_an_edit_reads_each_table_once_for_every_panel(app):
    app.show("Claims")
    counting = CountingCase(app.ctx.case)
    app.ctx.case = counting
    for panel in app.panels:  # every panel in view: the worst case
        panel.shown = True
    claims = app.panel("Claims")
    claims.choose(app.case.claims()[0].id)
    claims.status.value = "disputed"
    counting.reads.clear()
    claims.status_button.click()
    assert "Saved" in app.status.value
    assert counting.reads and max(counting.reads.values()) == 1, counting.reads
    assert app.panel("Network").canvas.graph and app.panel("Timeline").chart.spec
    assert "disputed</td><td>1" in app.panel("Summary").numbers.value


def test_hidden_panels_wait_for_their_tab(app):
    app.show("Actors")
    actors = app.panel("Actors")
    claims = app.panel("Claims")
    app.show("Claims")
    app.show("Actors")
    actor = next(a for a in app.case.actors() if a.type.value == "person")
    actors.choose(actor.id)
    actors.name.value = "Renamed Person"
    actors.save_button.click()
    assert claims.stale  # hidden: not redrawn yet, so it still shows the old name
    assert all(label != "Renamed Person" for label, _ in claims.speaker.options)
    app.show("Claims")
    assert not claims.stale
    assert any(label == "Renamed Person" for label, _ in claims.speaker.options)


def test_the_network_is_not_rebuilt_when_nothing_in_it_changed(app, monkeypatch):
    import workbench.views.network_view as network_view

    app.show("Network")
    network = app.panel("Network")
    built = []
    original = network_view.vis_graph
    monkeypatch.setattr(
        network_view, "vis_graph", lambda *a, **k: built.append(1) or original(*a, **k)
    )
    claim = app.case.claims()[0]
    claims = app.panel("Claims")
    app.show("Claims")
    network.shown = True  # as in the benchmark: the network stays live under the edit
    app.refresh()  # the case read again, unchanged
    assert built == []
    claims.choose(claim.id)
    claims.status.value = "in_progress"
    claims.status_button.click()  # the edges carrying the claim name its status
    assert len(built) == 1
    actor = next(a for a in app.case.actors() if a.type.value == "person")
    app.case.update_actor(actor.id, status="confirmed")  # an actor's status is (its tooltip)
    app.refresh()
    assert len(built) == 2


def test_the_claim_filters_agree_with_the_core(app):
    app.show("Claims")
    claims = app.panel("Claims")
    case = app.case
    claim = case.claims()[0]
    case.set_claim_status(claim.id, "disputed")
    afp = next(a.id for a in case.actors() if "AFP" in a.aliases)
    case.link_source(case.claims()[1].id, afp, relation="corroborates")
    app.refresh()

    def listed() -> list[str]:
        return claims.visible_claims()

    table = claims.table
    for status in ("disputed", "unverified", "false"):
        table.choice_values = {"status": STATUS_WORDS[status]}  # the words a person picks
        assert listed() == [r.claim_id for r in claim_rows(case, status=status)]
    table.choice_values = {}
    names = {a.name: a.id for a in case.actors() if a.status.value != "rejected"}
    speakers = [n for n in table.model.choice_options("speaker") if n in names]
    assert speakers
    for name in speakers:
        table.choice_values = {"speaker": name}
        assert listed() == [r.claim_id for r in claim_rows(case, speaker=names[name])]
    table.choice_values = {}
    outlets = [n for n in table.model.choice_options("outlets") if n in names]
    assert case.actor(afp).name in outlets
    for name in outlets:
        table.choice_values = {"outlets": name}
        expected = [r.claim_id for r in claim_rows(case, outlet=names[name])]
        if case.actor(names[name]).type.value == "media":  # the core filters by outlets
            assert listed() == expected
        assert listed()
    table.choice_values = {}
    app.selection.date_range = ("2016-10-01", "2016-10-31")
    assert listed() == [r.claim_id for r in claim_rows(case, date_range=("2016-10", "2016-10"))]
    app.selection.date_range = ("2017-01-01", "2017-12-31")
    assert listed() == []
