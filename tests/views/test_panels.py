"""The panels driven from Python, as a person would drive them: set values, click buttons,
then check the case file itself changed and every panel shows it."""

from __future__ import annotations

import re

import pytest

from workbench import Case
from workbench.views import Workbench

pytestmark = pytest.mark.slow  # the real spaCy model extracts the seed article


@pytest.fixture
def app(seed_case):
    app = Workbench(seed_case)
    yield app
    app.case.close()


def mamlouk(case: Case):
    """The actor the seed article names Ali Mamlouk, Mamlouk, Mamluk and Al-Mamlouk."""
    return max(
        (a for a in case.actors() if any("maml" in n.casefold() for n in a.aliases)),
        key=lambda a: a.mention_count,
    )


def test_split_merge_confirm_rename_from_the_actors_panel(app):
    app.show("Actors")  # a panel draws when its tab opens
    actors = app.panel("Actors")
    first = mamlouk(app.case)
    alias = next(a for a in first.aliases if a != first.name)
    actors.choose(first.id)
    actors.alias.value = alias
    actors.split_button.click()
    assert "Saved: Split" in app.status.value
    split = next(a for a in app.case.actors() if a.name == alias and a.id != first.id)

    actors.choose(first.id, split.id)
    actors.merge_button.click()
    assert "Saved: Merged" in app.status.value
    remaining = {a.id for a in app.case.actors()} & {first.id, split.id}
    assert len(remaining) == 1  # kept: the one with more mentions
    keep = app.case.actor(remaining.pop())
    assert {alias, first.name} <= set(keep.aliases)
    assert app.selection.actor_id == keep.id
    assert actors.table.selected == [keep.id]

    actors.confirm_button.click()
    actors.name.value = "Ali Mamlouk (NSB chief)"
    actors.type.value = "person"
    actors.save_button.click()
    reopened = Case.open(app.case.path)  # a second connection: the edit is on disk
    stored = reopened.actor(keep.id)
    assert (stored.name, stored.status.value) == ("Ali Mamlouk (NSB chief)", "confirmed")
    reopened.close()
    # the other panels show it as soon as their tab opens
    app.show("Article")
    assert "Ali Mamlouk (NSB chief)" in app.panel("Article").view.html
    app.show("Claims")
    assert any(
        label == "Ali Mamlouk (NSB chief)" for label, _ in app.panel("Claims").speaker.options
    )


def test_search_filter_and_reject(app):
    app.show("Actors")
    actors = app.panel("Actors")
    actors.table.query = "mamluk"  # an alias finds the actor
    keep = mamlouk(app.case)
    assert actors.table.shown_ids() == [keep.id]
    actors.table.query = ""
    actors.table.choice_values = {"type": "media"}
    assert all(app.case.actor(v).type.value == "media" for v in actors.table.shown_ids())
    actors.table.choice_values = {}
    actors.choose(keep.id)
    actors.reject_button.click()
    assert app.case.actor(keep.id).status.value == "rejected"
    # a rejected actor is no longer highlighted in the article
    app.show("Article")
    assert f'data-actor="{keep.id}"' not in app.panel("Article").view.html


def afp(case: Case) -> str:
    return next(a.id for a in case.actors() if "AFP" in a.aliases)


def test_claim_status_note_and_source_links(app):
    afp_id = afp(app.case)
    app.show("Claims")
    claims = app.panel("Claims")
    claim = next(c for c in app.case.claims() if "first public visit" in c.text)
    claims.choose(claim.id)
    assert app.selection.claim_id == claim.id

    claims.status.value = "in_progress"
    claims.note.value = "asked AFP's Damascus desk <b>today</b>"
    claims.status_button.click()
    claims.source.value = afp_id
    claims.relation.value = "reported_by"
    claims.link_button.click()
    claims.source.value = ""
    claims.url.value = "https://www.middleeasteye.net/news/syria-mamlouk-cairo"
    claims.relation.value = "reported_by"
    claims.link_button.click()

    stored = app.case.claim(claim.id)
    assert stored.status.value == "in_progress"
    assert [n.text for n in app.case.notes(claim.id)] == ["asked AFP's Damascus desk <b>today</b>"]
    assert {(k.actor_id, k.url) for k in app.case.links(claim.id)} == {
        (afp_id, None),
        (None, "https://www.middleeasteye.net/news/syria-mamlouk-cairo"),
    }
    details = claims.details.value
    assert "&lt;b&gt;today&lt;/b&gt;" in details and "<b>today" not in details
    assert app.case.actor(afp_id).name in details
    # the status filter and the sources panel see the change
    claims.table.choice_values = {"status": "checking"}  # in_progress, in plain words
    assert claims.visible_claims() == [claim.id]
    app.show("Sources")
    assert claim.id in app.panel("Sources").table.row(afp_id).cells["carries"]


def test_speaker_edit_and_unnamed(app):
    app.show("Claims")
    claims = app.panel("Claims")
    claim = next(c for c in app.case.claims() if c.speaker)
    claims.choose(claim.id)
    claims.speaker.value = "__unnamed__"
    claims.speaker_button.click()
    assert app.case.claim(claim.id).speaker is None


def test_one_selection_across_panels(app):
    article = app.panel("Article")
    actor = mamlouk(app.case)
    article.view.clicked = {"kind": "actor", "id": actor.id, "at": 1}  # what a click sends
    assert app.selection.actor_id == actor.id
    assert "wb-selected" in article.view.html
    app.show("Actors")
    assert app.panel("Actors").table.selected == [actor.id]
    app.show("Network")  # drawn when its tab opens, with the selection
    assert app.panel("Network").actor.value == actor.id

    claim = app.case.claims()[0]
    app.show("Article")
    article.view.clicked = {"kind": "claim", "id": claim.id, "at": 2}
    app.show("Claims")
    assert app.panel("Claims").current == claim.id
    app.show("Sources")
    assert app.panel("Sources").claim.value == claim.id


def test_timeline_brush_filters_claims_and_network(app):
    from workbench.views.timeline_view import BRUSH

    app.show("Claims")
    claims = app.panel("Claims")
    everything = len(claims.visible_claims())
    assert everything > 0
    app.show("Timeline")
    timeline = app.panel("Timeline")
    assert timeline.chart.spec, "the chart has a spec"
    # what the browser sends when a person drags across 1990: nothing published then
    timeline.chart._vl_selections = {
        BRUSH: {"value": {"start": [631152000000, 662601600000]}, "store": []}
    }
    assert app.selection.date_range == ("1990-01-01", "1990-12-31")
    app.show("Claims")
    assert claims.visible_claims() == []
    app.show("Network")
    network = app.panel("Network")
    assert network.readable().empty  # nothing in 1990, and it says so
    assert "dates 1990-01-01 to 1990-12-31" in network.canvas.graph["message"]
    app.show("Claims")
    claims.clear_range.click()
    assert app.selection.date_range is None
    assert len(claims.visible_claims()) == everything


def test_network_is_offline_small_and_follows_the_selection(app):
    import json

    app.show("Network")
    network = app.panel("Network")
    # vis-network comes with the widget's module, once: nothing from another host
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", network.canvas._esm)
    graph = network.canvas.graph
    assert graph["nodes"] and len(json.dumps(graph)) < 100_000  # a drawing, not a page
    actor = mamlouk(app.case)
    network.canvas.clicked = {"id": actor.id, "at": 1}  # what a click on his dot sends
    assert app.selection.actor_id == actor.id and network.actor.value == actor.id
    selected = [n for n in network.canvas.graph["nodes"] if n["borderWidth"] > 1]
    assert [n["id"] for n in selected] == [actor.id]
    network.focus.value = True
    shown = {n["id"] for n in network.canvas.graph["nodes"]}
    assert actor.id in shown and len(shown) < len(graph["nodes"])  # the rest hidden


def test_failures_are_shown_not_raised(app):
    app.show("Claims")
    claims = app.panel("Claims")
    claim = app.case.claims()[0]
    claims.choose(claim.id)
    claims.source.value = ""
    claims.url.value = "javascript:alert(1)"
    claims.link_button.click()
    assert "✘" in app.status.value and "javascript:alert(1)" in app.status.value
    assert app.case.links(claim.id) == []
    assert claims.url.value == "javascript:alert(1)"  # kept, for the person to correct


def test_load_panel_pasted_text_and_bad_date(app):
    load = app.panel("Load")
    load.published.value = "17/10/2016"
    load.paste.value = "A title\n\nReuters reported that Egypt denied the visit."
    load.paste_button.click()
    assert "YYYY-MM-DD" in app.status.value
    assert len(app.case.articles()) == 1

    load.published.value = "2016-10-18"
    load.paste_button.click()
    articles = app.case.articles()
    assert len(articles) == 2
    added = next(a for a in articles if a.title == "A title")
    assert str(added.published) == "2016-10-18"
    assert app.selection.article_id == added.id
    assert (
        "denied" in app.panel("Article").view.html
        and "<h3>A title</h3>" in app.panel("Article").view.html
    )


def test_summary_counts_export_and_undo(app, tmp_path):
    summary = app.panel("Summary")
    app.show("Claims")
    claims = app.panel("Claims")
    claim = app.case.claims()[0]
    claims.choose(claim.id)
    claims.status.value = "disputed"
    claims.status_button.click()
    app.show("Summary")
    assert "disputed</td><td>1" in summary.numbers.value
    summary.undo_button.click()
    assert app.case.claim(claim.id).status.value == "unverified"
    assert "disputed</td><td>0" in summary.numbers.value
    summary.buttons[0].click()  # the HTML report
    assert "Exported: wrote" in app.status.value, app.status.value  # the one status line
    assert 'class="wb-download" download="seed-export.html"' in app.status.value


def test_selecting_a_claim_of_another_article_shows_that_article(app, samples_dir):
    other = app.case.add_article(samples_dir / "iran-admits-downing-ukrainian-jet.txt")
    app.refresh()
    article = app.panel("Article")
    seed_claim = next(c for c in app.case.claims() if c.article_id != other.id)
    article.choice.value = other.id
    app.selection.claim_id = seed_claim.id
    assert article.choice.value == seed_claim.article_id
    assert f'data-claim="{seed_claim.id}"' in article.view.html


def test_correct_a_claims_text_and_kind(app):
    app.show("Claims")
    claims = app.panel("Claims")
    claim = next(c for c in app.case.claims() if c.kind.value != "mixed")
    claims.choose(claim.id)
    assert (claims.text.value, claims.kind.value) == (claim.text, claim.kind.value)
    claims.text.value = "Mamlouk visited <b>Cairo</b> on Saturday."
    claims.kind.value = "mixed"
    claims.text_button.click()
    assert "Saved" in app.status.value and "text and kind" in app.status.value
    stored = app.case.claim(claim.id)
    assert (stored.text, stored.kind.value) == (
        "Mamlouk visited <b>Cairo</b> on Saturday.",
        "mixed",
    )
    assert set(stored.edited) >= {"text", "kind"}
    assert "Mamlouk visited &lt;b&gt;Cairo" in claims.details.value
    assert "Mamlouk visited <b>Cairo" in claims.table.row(claim.id).cells["words"]

    claims.text.value = "   "  # refused by the case, with its reason; nothing changes
    claims.text_button.click()
    assert "✘" in app.status.value and "empty" in app.status.value
    assert app.case.claim(claim.id).text == stored.text
    claims.text.value = stored.text
    claims.text_button.click()
    assert "nothing to save" in app.status.value


def test_correct_the_publication_date_and_outlet_from_the_article_panel(app):
    article = app.panel("Article")
    article_id = article.choice.value
    assert (article.published.value, article.outlet.value) == (
        "2016-10-17",
        app.case.article(article_id).outlet or "",
    )
    october_8 = next(e for e in app.case.events() if e.date_text.endswith("October 8"))
    assert str(october_8.date) == "2016-10-08"

    article.published.value = "17.10.2017"  # refused by the case, with its reason
    article.save_button.click()
    assert "✘" in app.status.value and "YYYY-MM-DD" in app.status.value
    assert str(app.case.article(article_id).published) == "2016-10-17"

    article.published.value = "2017-10-17"
    article.outlet.value = "Asharq <Al-Awsat>"
    article.save_button.click()
    assert "Saved" in app.status.value, app.status.value
    stored = app.case.article(article_id)
    assert (str(stored.published), stored.outlet) == ("2017-10-17", "Asharq <Al-Awsat>")
    assert str(app.case.event(october_8.id).date) == "2017-10-08"  # relative dates followed
    assert "published 2017-10-17 · outlet Asharq &lt;Al-Awsat&gt;" in article.info.value
    app.show("Timeline")
    assert "2017-10-08" in app.panel("Timeline").drawn_frame.to_string()

    app.panel("Summary").undo_button.click()
    assert str(app.case.article(article_id).published) == "2016-10-17"
    assert str(app.case.event(october_8.id).date) == "2016-10-08"
    app.show("Article")
    assert article.published.value == "2016-10-17"
