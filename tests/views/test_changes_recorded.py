"""What changed since a drawing (`changes_since`) is the same whether the case object that
made the edits hands their row changes over as written (`CaseFile.recorded_changes`) or
they are parsed from the audit log (another object: an edit made elsewhere), and the
same as taking each recorded row change one by one. A hand-built case: no model."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from test_snapshot_carry import EDITS, article, edit

from workbench.case import CaseFile
from workbench.views import changes as changes_module
from workbench.views.changes import Changes, changes_since


def one_by_one(case: CaseFile, after_id: int, until_id: int) -> Changes | None:
    """`changes_since` as it was: each row change of the log taken alone (`_take`)."""
    store = case._store
    found = Changes()
    for row in store.rows(
        "SELECT action, target, changes FROM audit WHERE id > ? AND id <= ? ORDER BY id",
        (after_id, until_id),
    ):
        recorded = row["changes"]
        if recorded is None and row["action"] == "undo":
            recorded = store.row("SELECT changes FROM audit WHERE id = ?", (int(row["target"]),))[
                "changes"
            ]
        if recorded is None:
            changes_module._added_article(store, found, str(row["target"]))
            continue
        for change in json.loads(recorded):
            if not changes_module._take(store, found, change):
                return None
    if found.unplaced:
        changes_module._place_mentions(store, found)
    for table in found.tables:
        found.deltas.pop(table, None)
    return found


def same(a: Changes | None, b: Changes | None) -> bool:
    if a is None or b is None:
        return a is b
    return (
        a.tables == b.tables
        and a.unplaced == b.unplaced
        and {t: vars(d) for t, d in a.deltas.items()} == {t: vars(d) for t, d in b.deltas.items()}
        # the order records were written in (a dict's), which places new ones
        and all(list(a.deltas[t].ids) == list(b.deltas[t].ids) for t in a.deltas)
    )


@settings(
    max_examples=30,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edits=EDITS, removed=st.lists(st.integers(0, 40), max_size=2))
@example(edits=[("merge two", 0), ("undo", 0), ("split", 3), ("undo", 0)], removed=[])
# a mention removed changes only its review (and version): neither article nor actor
@example(edits=[("rename", 1)], removed=[2])
def test_changes_kept_by_the_editor_are_those_the_log_holds(edits, removed):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.case"
        case = CaseFile.open(path)
        elsewhere = CaseFile.open(path)  # keeps none of the other's edits
        try:
            for n in range(3):
                case.add_extraction(article(n))
            added: list[int] = []
            marker = case.history(limit=1)[0].id
            for name, k in [*edits, *(("remove mention", k) for k in removed)]:
                if name == "remove mention":
                    mentions = case.mentions()
                    case.remove_mention(mentions[k % len(mentions)].id)
                else:
                    edit(case, name, k, added)
                now = case.history(limit=1)[0].id
                if now == marker:
                    continue  # refused: nothing recorded
                kept = changes_since(case, marker, now)
                assert kept is not None, name
                assert same(kept, changes_since(elsewhere, marker, now)), name
                assert same(kept, one_by_one(case, marker, now)), name
                marker = now
        finally:
            elsewhere.close()
            case.close()
