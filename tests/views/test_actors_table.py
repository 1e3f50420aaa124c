"""The Actors panel as a table, driven from Python as the browser drives it: filter, sort,
tick several rows and act on them; every action one entry of the case's history; a stale
edit refused with the current value and the table read again."""

from __future__ import annotations

import pytest

from workbench import Case
from workbench.views import Workbench

pytestmark = pytest.mark.slow  # the real spaCy model extracts the seed article


@pytest.fixture
def app(seed_case):
    app = Workbench(seed_case)
    yield app
    app.case.close()


def mamlouk(case):
    return max(
        (a for a in case.actors() if any("maml" in n.casefold() for n in a.aliases)),
        key=lambda a: a.mention_count,
    )


def test_columns_sort_and_filters(app):
    app.show("Actors")
    actors = app.panel("Actors")
    table = actors.table
    keep = mamlouk(app.case)
    shown = table.shown_ids()
    assert len(shown) == len(app.case.actors())
    counts = [int(table.row(i).cell("mentions")) for i in shown]
    assert counts == sorted(counts, reverse=True)  # best attested first
    row = table.row(keep.id)
    assert row.cell("status") == "found by the machine"  # plain words
    assert "Mamluk" in row.cell("aliases") and row.cell("type") == "person"

    table.query = "mamluk"  # an alias finds the actor
    assert table.shown_ids() == [keep.id]
    table.query = ""
    table.choice_values = {"type": "media"}
    assert table.shown_ids() and all(
        app.case.actor(i).type.value == "media" for i in table.shown_ids()
    )
    table.choice_values = {}
    title = app.case.articles()[0].title
    table.choice_values = {"articles": title}
    assert set(table.shown_ids()) == {a.id for a in app.case.actors() if a.articles}
    table.choice_values = {}
    table.sort = ["name", False]
    names = [table.row(i).cell("name").casefold() for i in table.shown_ids()]
    assert names == sorted(names)


def test_several_rows_confirm_retype_merge_and_known(app):
    app.show("Actors")
    actors = app.panel("Actors")
    ids = [a.id for a in app.case.actors() if a.type.value == "media"][:2]
    assert len(ids) == 2
    entries = len(app.case.history())
    actors.choose(*ids)
    assert "2 selected" in actors.selected_count.value and not actors.merge_button.disabled
    actors.confirm_button.click()
    assert {app.case.actor(i).status.value for i in ids} == {"confirmed"}
    assert len(app.case.history()) == entries + 1  # one click, one action
    # confirmed names are what the case knows: the table says so
    assert all(actors.table.row(i).cell("known") == "known to the case" for i in ids)
    assert actors.table.row(ids[0]).cell("status") == "confirmed"

    actors.retype.value = "organization"
    actors.retype_button.click()
    assert {app.case.actor(i).type.value for i in ids} == {"organization"}
    actors.merge_button.click()
    assert "Saved: Merged" in app.status.value
    assert len({a.id for a in app.case.actors()} & set(ids)) == 1
    app.panel("Summary").undo_button.click()
    assert {a.id for a in app.case.actors()} >= set(ids)


def test_add_an_actor_rename_remove_a_mention(app):
    app.show("Actors")
    actors = app.panel("Actors")
    actors.new_name.value = "Kfar Kila village council"
    actors.new_type.value = "organization"
    actors.add_button.click()
    added = next(a for a in app.case.actors() if a.name == "Kfar Kila village council")
    assert actors.table.row(added.id).cell("known") == "known to the case, added by you"

    keep = mamlouk(app.case)
    actors.choose(keep.id)
    assert app.selection.actor_id == keep.id
    before = len(app.case.mentions(actor_id=keep.id))
    assert len(actors.mention.options) == before
    wrong = actors.mention.options[-1][1]
    actors.mention.value = wrong
    actors.remove_mention_button.click()
    assert "Saved: Removed the mention" in app.status.value
    assert len(app.case.mentions(actor_id=keep.id)) == before - 1
    assert wrong not in [v for _, v in actors.mention.options]


def test_a_stale_edit_is_refused_and_the_table_read_again(app):
    app.show("Actors")
    actors = app.panel("Actors")
    keep = mamlouk(app.case)
    actors.choose(keep.id)
    with Case.open(app.case.path) as other:  # another tab renames him meanwhile
        other.update_actor(keep.id, name="Ali Mamlouk (other tab)")
    actors.name.value = "Ali Mamlouk (this tab)"
    actors.save_button.click()
    assert "✘" in app.status.value and "Ali Mamlouk (other tab)" in app.status.value
    assert app.case.actor(keep.id).name == "Ali Mamlouk (other tab)"
    assert actors.table.row(keep.id).cell("name") == "Ali Mamlouk (other tab)"  # redrawn
    actors.name.value = "Ali Mamlouk (this tab)"
    actors.save_button.click()  # against what is now shown: saved
    assert app.case.actor(keep.id).name == "Ali Mamlouk (this tab)"


def test_ticked_actors_redrawn_for_a_change_elsewhere_still_refuse_the_action(app):
    """The poll may redraw a ticked actor changed by a colleague before the click: the
    person ticked it as it was, so confirming the ticked is refused; ticked again, done."""
    app.show("Actors")
    actors = app.panel("Actors")
    ids = [a.id for a in app.case.actors()][:2]
    actors.choose(*ids)
    with Case.open(app.case.path) as other:
        other.update_actor(ids[1], name="Renamed in another tab")
    assert app.watcher.check()  # the poll: noticed, redrawn while ticked
    assert actors.table.row(ids[1]).cell("name") == "Renamed in another tab"
    assert set(actors.selected_ids()) == set(ids)
    actors.confirm_button.click()
    assert "✘" in app.status.value and "Renamed in another tab" in app.status.value
    assert {app.case.actor(i).status.value for i in ids} == {"extracted"}
    actors.choose(*ids)
    actors.confirm_button.click()
    assert {app.case.actor(i).status.value for i in ids} == {"confirmed"}


def test_a_refresh_after_one_edit_makes_again_only_the_rows_it_changed(app, monkeypatch):
    app.show("Actors")
    actors = app.panel("Actors")
    reads = []
    knowledge = app.case.knowledge
    monkeypatch.setattr(app.case, "knowledge", lambda: reads.append(1) or knowledge())
    every = len(app.case.actors())

    # a claim edit: no actor changed, no row made again, the knowledge not read again
    made = actors.rows_made
    claim = app.case.claims()[0]
    app.panel("Claims")  # built, not shown: the edit below redraws the Actors panel only
    app.case.set_claim_status(claim.id, "disputed")
    app.refresh()
    assert actors.rows_made == made and not reads

    # one actor confirmed: its row alone is made again, now known to the case
    keep = mamlouk(app.case)
    actors.choose(keep.id)
    actors.confirm_button.click()
    assert actors.rows_made == made + 1 and len(reads) == 1
    assert actors.table.row(keep.id).cell("status") == "confirmed"
    assert "known to the case" in actors.table.row(keep.id).cell("known")
    assert len(actors.table.shown_ids()) == every

    # undone: that row again, drawn as it was
    app.case.undo()
    app.refresh()
    assert actors.rows_made == made + 2
    assert actors.table.row(keep.id).cell("status") == "found by the machine"
    assert actors.table.row(keep.id).cell("known") == ""
