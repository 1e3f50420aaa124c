"""Case format 5: an event date stored before the one date parser that names no real day
("2016-02-31" passed the old shape check) is corrected on opening, and a note keeps what the
person wrote. Reads then never meet an impossible date."""

from __future__ import annotations

from pathlib import Path

from case_builders import first_extraction

from workbench import Case
from workbench.case.migrations import FORMAT_VERSION, _nearest_real
from workbench.case.store import Store
from workbench.dates import PartialDate


def test_impossible_dates_become_the_nearest_real_day_with_a_note(tmp_path: Path) -> None:
    old = Case(Store.create_at_format(tmp_path / "old.case", 4))
    old.add_extraction(first_extraction())
    event_id = old._store.rows("SELECT id FROM events ORDER BY rowid")[0][0]  # noqa: SLF001
    with old._store.write("type a date as format 4 allowed") as tx:  # noqa: SLF001
        tx.update("events", {"id": event_id}, {"date": "2016-02-31", "date_end": "2016-13-40"})
    old.close()

    with Case.open(tmp_path / "old.case") as case:
        assert case._store.format_version == FORMAT_VERSION  # noqa: SLF001
        event = case.event(event_id)
        assert (event.date, event.date_end) == (PartialDate(2016, 2, 29), PartialDate(2016, 12, 31))
        (note,) = case.notes(event_id)
        assert "'2016-02-31' became 2016-02-29" in note.text and "2016-13-40" in note.text
        assert all(e.date for e in case.events())  # every other event reads as before


def test_nearest_real_keeps_real_dates_and_their_precision() -> None:
    assert [_nearest_real(v) for v in ("2016", "2016-10", "2016-10-17", "2015-02-29")] == [
        "2016",
        "2016-10",
        "2016-10-17",
        "2015-02-28",
    ]
