"""The status line says what happened: nothing added, which edit was undone, what was
exported, a change made elsewhere; one line, each message replacing the last."""

from __future__ import annotations

from html import unescape

import pytest

from workbench import Case
from workbench.views import Workbench

pytestmark = pytest.mark.slow  # the real spaCy model extracts the seed article


def said(app) -> str:
    """The status line as a person reads it."""
    return unescape(app.status.value)


@pytest.fixture
def app(seed_case):
    app = Workbench(seed_case)
    yield app
    app.close()


def test_adding_an_article_already_in_the_case_says_nothing_was_added(app, samples_dir):
    before = len(app.case.history())
    load = app.panel("Load")
    assert load.add_sources([str(samples_dir / "mamlouk-visits-cairo.txt")]) is False
    assert "Nothing added" in said(app) and "already in the case" in said(app)
    assert "Saved" not in said(app)
    assert len(app.case.articles()) == 1
    assert len(app.case.history()) == before  # no audit row: nothing happened
    assert app.selection.article_id == app.case.articles()[0].id  # shown, as asked


def test_an_article_in_a_language_without_rules_is_added_with_a_warning(app, tmp_path):
    french = tmp_path / "depeche.txt"
    french.write_text(
        "Le ministre syrien des Affaires étrangères a déclaré mardi que les négociations "
        "reprendraient la semaine prochaine à Genève, selon l'agence officielle de presse. "
        "Les diplomates européens ont salué cette annonce, tout en restant prudents. "
        "Selon un responsable de l'opposition, aucune date n'a encore été fixée pour la "
        "rencontre, et plusieurs questions restent ouvertes sur la présence des délégations "
        "régionales, notamment celles de l'Iran et de la Turquie, qui soutiennent des camps "
        "opposés depuis le début du conflit.",
        encoding="utf-8",
    )
    assert app.panel("Load").add_sources([str(french)]) is True
    assert "depeche.txt" in said(app) and "detected as 'fr'" in said(app)
    assert "no actors, claims or events were extracted" in said(app)
    added = next(a for a in app.case.articles() if a.language == "fr")
    assert app.case.claims(article_id=added.id) == []


def test_undo_says_which_edit_it_undid(app):
    actor = next(a for a in app.case.actors() if "SANA" in a.aliases)
    app.case.update_actor(actor.id, status="confirmed")  # this app's session
    summary = app.panel("Summary")
    summary.undo_button.click()
    assert "Undid update an actor (Syrian Arab News Agency)" in said(app)
    assert app.case.actor(actor.id).status.value == "extracted"
    summary.undo_button.click()  # the next is adding the article: never undone
    assert "✘ Nothing undone: the last action (add an article) cannot be undone" in said(app)


def test_an_export_is_reported_in_the_status_line_with_its_download(app):
    app.status.saved("an older message")
    summary = app.panel("Summary")
    summary.export("md", ".md")
    assert "older" not in said(app)
    assert "Exported: wrote" in said(app) and "seed-export.md" in said(app)
    assert 'class="wb-download" download="seed-export.md"' in said(app)
    # one status line: the panel keeps no message line of its own
    assert not hasattr(summary, "exported")


def test_a_change_made_elsewhere_is_drawn_and_said(app):
    app.show("Summary")
    summary = app.panel("Summary")
    assert app.watcher.check() is False  # nothing new since the app drew the case
    claim = app.case.claims()[0]
    with Case.open(app.case.path) as other:  # another kernel, or the CLI
        other.set_claim_status(claim.id, "disputed")
    assert "disputed</td><td>0" in summary.numbers.value
    assert app.watcher.check() is True
    assert "disputed</td><td>1" in summary.numbers.value
    assert "Updated: set a claim's status" in said(app)
    assert "made elsewhere" in said(app)
    assert app.watcher.check() is False
    # the app's own edits are not news
    app.case.set_claim_status(claim.id, "false")
    summary.undo_button.click()
    assert "Undid" in said(app)
    assert app.watcher.check() is False
