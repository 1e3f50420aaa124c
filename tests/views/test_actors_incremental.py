"""The Actors panel after an actor edit or an added article remakes only the rows that
changed and keeps the table's order, filter counts and sort: after any sequence of edits
its rows, order and filter choices are exactly those of a whole redraw. A hand-built case:
no model."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_claims_speaker import witness
from test_snapshot_carry import EDITS, article, edit

from workbench.analysis import CaseSnapshot
from workbench.case import CaseFile
from workbench.views import Workbench


def drawn(panel) -> tuple:
    model = panel.table.model
    choices = {c.key: model.choice_options(c.key) for c in model.columns if c.choices}
    return list(model.rows.items()), model.shown_ids(), choices


@settings(
    max_examples=12,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edits=EDITS, sort=st.sampled_from([None, "name", "mentions", "status"]))
def test_an_actor_edit_redraws_as_a_whole_redraw_would(edits, sort):
    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "actors.case")
        try:
            for n in range(3):
                case.add_extraction(article(n))
            app = Workbench(case, watch=False)
            app.show("Actors")
            panel = app.panel("Actors")
            panel.table.model.set_sort(sort, descending=sort == "mentions")
            added: list[int] = []
            for name, k in edits:
                edit(case, name, k, added)
                app.refresh(carry=True)  # what the app does after an edit
                quick = drawn(panel)
                panel._rows = {}  # the same panel drawn whole from a fresh read
                app.ctx.snapshot = CaseSnapshot(case)
                panel.refresh()
                assert drawn(panel) == quick, (name, k)
            app.close()
        finally:
            case.close()


def test_an_added_article_remakes_only_the_rows_of_the_actors_it_names():
    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "added.case")
        try:
            for n in range(3):
                case.add_extraction(article(n))
                case.add_extraction(witness(n))
            app = Workbench(case, watch=False)
            app.show("Actors")
            panel = app.panel("Actors")
            before = {a.id: a for a in case.actors()}
            made = panel.rows_made
            case.add_extraction(witness(7))  # a new actor, and the rest untouched
            app._edited("added", None)
            changed = {a.id for a in case.actors() if before.get(a.id) != a}
            assert changed and len(changed) < len(before)  # some actors, not all
            assert panel.rows_made - made == len(changed)
            whole = drawn(panel)
            app.ctx.snapshot = CaseSnapshot(case)
            panel._rows = {}
            panel.refresh()
            assert drawn(panel) == whole
            app.close()
        finally:
            case.close()
