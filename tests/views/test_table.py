"""The table's rules (TableModel) without a browser, and its widget driven from Python."""

from __future__ import annotations

import time

import pytest

from workbench.views.table import Column, Table, TableModel, TableRow

COLUMNS = (
    Column("status", "status", choices=True),
    Column("speaker", "speaker", choices=True),
    Column("words", "words"),
    Column("links", "links", sort_numeric=True),
)


def row(i: int, status: str = "not checked", speaker: str = "AFP", words: str = "") -> TableRow:
    return TableRow(
        f"C{i}",
        {"status": status, "speaker": speaker, "words": words or f"claim {i}", "links": str(i)},
    )


def model(rows=(), **kwargs) -> TableModel:
    m = TableModel(COLUMNS, **kwargs)
    m.set_rows(rows)
    return m


def test_text_filter_matches_every_word_in_any_cell_casefolded():
    m = model([row(1, words="Mamlouk visited Cairo"), row(2, speaker="SANA", words="Cairo")])
    m.set_query("cairo MAMLOUK")
    assert m.shown_ids() == ["C1"]
    m.set_query("sana")
    assert m.shown_ids() == ["C2"]
    m.set_query("")
    assert m.shown_ids() == ["C1", "C2"]


def test_choice_filters_and_facets():
    chained = TableRow(
        "C9",
        {"status": "confirmed", "speaker": "x", "words": "w", "links": "0"},
        facets={"speaker": ("AFP", "Middle East Eye")},
    )
    m = model([row(1), row(2, status="confirmed", speaker="SANA"), chained])
    assert m.choice_options("status") == ["confirmed", "not checked"]
    assert m.choice_options("speaker") == ["AFP", "Middle East Eye", "SANA"]
    m.set_choice("status", "confirmed")
    assert m.shown_ids() == ["C2", "C9"]
    m.set_choice("speaker", "Middle East Eye")
    assert m.shown_ids() == ["C9"]
    m.set_choice("speaker", "")
    m.set_choice("status", "")
    assert len(m.shown_ids()) == 3
    with pytest.raises(KeyError):
        m.set_choice("nope", "x")


def test_sort_toggles_and_numbers_sort_as_numbers():
    m = model([row(10), row(9), row(100)])
    m.toggle_sort("links")
    assert m.shown_ids() == ["C9", "C10", "C100"]  # not "10" < "100" < "9"
    m.toggle_sort("links")
    assert m.shown_ids() == ["C100", "C10", "C9"]
    m.toggle_sort("words")
    assert (m.sort_key, m.descending) == ("words", False)


def test_empty_cells_sort_last_both_ways():
    m = model([row(1, speaker=""), row(2, speaker="b"), row(3, speaker="a")])
    m.toggle_sort("speaker")
    assert m.shown_ids() == ["C3", "C2", "C1"]
    m.toggle_sort("speaker")
    assert m.shown_ids() == ["C2", "C3", "C1"]


def test_order_values_override_the_text():
    rows = [
        TableRow(
            "A", {"status": "x", "speaker": "", "words": "", "links": "many"}, order={"links": 50}
        ),
        TableRow(
            "B", {"status": "x", "speaker": "", "words": "", "links": "few"}, order={"links": 2}
        ),
    ]
    m = model(rows)
    m.toggle_sort("links")
    assert m.shown_ids() == ["B", "A"]


def test_pages_and_show_row():
    m = model([row(i) for i in range(250)], page_size=100)
    assert m.page_count() == 3
    assert m.page_ids()[0] == "C0"
    m.set_page(7)  # past the end: the last page
    assert m.page == 2 and len(m.page_ids()) == 50
    m.set_query("claim 3")
    assert m.page == 0
    assert m.show_row("C240")  # hidden by the filter and on another page
    assert m.query == "" and "C240" in m.page_ids()
    assert not m.show_row("nope")


def test_selection_single_and_multiple():
    single = model([row(1), row(2)])
    single.click("C1")
    single.click("C2", toggle=True)  # no checkboxes: a click selects one row
    assert single.selected == ["C2"]
    single.select(["C1", "C2"])
    assert single.selected == ["C2"]

    m = model([row(i) for i in range(5)], multiple=True)
    m.click("C1")
    m.click("C3", toggle=True)
    assert (m.selected, m.current) == (["C1", "C3"], "C3")
    m.click("C3", toggle=True)
    assert (m.selected, m.current) == (["C1"], "C1")
    m.set_query("claim 2")
    m.select_all_shown()
    assert m.selected == ["C2"] and m.all_shown_selected()
    m.set_query("")
    assert not m.all_shown_selected()
    m.select_all_shown()
    assert len(m.selected) == 5
    m.remove_rows(["C2"])
    assert "C2" not in m.selected
    m.set_rows([row(1)])
    assert m.selected == ["C1"]


def test_update_rows_reports_only_changes():
    m = model([row(1), row(2)])
    assert m.update_rows([row(1), row(2, status="confirmed")]) == {"C2"}
    assert m.update_rows([row(3)]) == {"C3"}
    assert m.shown_ids() == ["C1", "C2", "C3"]


def test_widget_sends_one_page_and_resends_only_when_it_changes():
    table = Table(COLUMNS, multiple=True, page_size=50)
    table.set_rows([row(i) for i in range(5000)])
    assert len(table.rows_page) == 50 and table.page_count == 100 and table.total == 5000
    pages = []
    table.observe(lambda c: pages.append(c["new"]), names="rows_page")
    table.update_rows([row(4999, status="confirmed")])  # not on the page shown
    assert pages == []
    table.update_rows([row(1, status="confirmed")])
    assert len(pages) == 1 and pages[0][1]["cells"][0] == "confirmed"


def test_widget_driven_as_the_browser_drives_it():
    table = Table(COLUMNS, multiple=True)
    table.set_rows([row(i, status="confirmed" if i % 2 else "not checked") for i in range(10)])
    seen = []
    table.observe(lambda c: seen.append((list(c["new"]), table.current)), names="selected")
    table.query = "claim 3"  # the filter box
    assert [r["id"] for r in table.rows_page] == ["C3"]
    table.query = ""
    table.choice_values = {"status": "confirmed"}
    assert table.shown_count == 5
    table.sort = ["links", True]
    assert table.rows_page[0]["id"] == "C9"
    table._message(table, {"event": "sort", "column": "links"}, None)  # a header click
    assert table.sort == ["links", False]
    table._message(table, {"event": "click", "id": "C3", "toggle": False}, None)
    table._message(table, {"event": "click", "id": "C5", "toggle": True}, None)
    assert seen[-1] == (["C3", "C5"], "C5")
    table._message(table, {"event": "select_all_shown"}, None)
    assert sorted(table.selected) == ["C1", "C3", "C5", "C7", "C9"]
    assert table.all_shown_selected
    table._message(table, {"event": "clear_selection"}, None)
    assert table.selected == [] and table.current is None
    table.selected = ["C2"]  # set from Python, as a panel does
    assert table.current == "C2"
    assert [r["selected"] for r in table.rows_page if r["id"] == "C2"] in ([], [True])


def test_cells_reach_the_browser_as_text_never_markup():
    table = Table(COLUMNS)
    table.set_rows([row(1, words="<img src=x onerror=alert(1)>")])
    assert table.rows_page[0]["cells"][2] == "<img src=x onerror=alert(1)>"
    # the script sets cells through textContent, nowhere through innerHTML
    assert "innerHTML" not in Table._esm and "textContent = text" in Table._esm


def test_five_thousand_rows_filter_and_sort_quickly():
    m = model([row(i, speaker=f"speaker {i % 40}") for i in range(5000)])
    started = time.perf_counter()
    m.set_query("speaker 3")
    m.toggle_sort("speaker")
    m.shown_ids()
    m.set_choice("status", "not checked")
    m.page_ids()
    assert time.perf_counter() - started < 0.5


def test_the_text_filter_sees_rows_changed_after_it_ran():
    m = model([row(1, words="Cairo"), row(2, words="Cairo")])
    m.set_query("cairo")
    assert m.shown_ids() == ["C1", "C2"]
    m.update_rows([row(1, words="Damascus")])
    assert m.shown_ids() == ["C2"]
    m.set_rows([row(1, words="Damascus"), row(2, words="Beirut")])
    assert m.shown_ids() == []
    m.set_query("damascus")
    assert m.shown_ids() == ["C1"]


def test_a_choice_no_row_holds_any_more_is_dropped():
    m = model([row(1, speaker="SANA"), row(2, speaker="AFP")])
    m.set_choice("speaker", "SANA")
    assert m.shown_ids() == ["C1"]
    m.update_rows([row(1, speaker="Syrian Arab News Agency")])  # renamed
    assert m.choice_values == {} and m.shown_ids() == ["C1", "C2"]
    m.set_choice("status", "not checked")
    m.set_rows([row(3)])
    assert m.choice_values == {"status": "not checked"}  # still held: kept


def test_updated_rows_keep_their_place_or_are_sorted_again_as_a_whole_table_would():
    import random

    rng = random.Random(7)
    statuses = ("not checked", "disputed", "false", "corroborated")
    speakers = ("AFP", "SANA", "Reuters")
    for sort, descending in ((None, False), ("status", False), ("speaker", True)):
        rows = [row(i, rng.choice(statuses), rng.choice(speakers)) for i in range(40)]
        quick = model(rows)
        quick.set_sort(sort, descending)
        quick.set_choice("speaker", "SANA")
        for _ in range(60):
            i = rng.randrange(40)
            rows[i] = row(i, rng.choice(statuses), rng.choice((*speakers, "TASS")))
            quick.shown_ids()  # the order shown before the edit, kept when it may be
            quick.update_rows([rows[i]])
            whole = model(rows)
            whole.set_sort(sort, descending)
            whole.set_choice("speaker", quick.choice_values.get("speaker", ""))
            assert quick.shown_ids() == whole.shown_ids()
            for key in ("status", "speaker"):
                assert quick.choice_options(key) == whole.choice_options(key)
        kept = quick.shown_ids()
        same = quick.rows[kept[0]]
        quick.update_rows([TableRow(same.id, {**same.cells, "words": "new words"})])
        assert quick.shown_ids() is kept  # nothing that orders or filters changed: not redone


def test_added_rows_go_where_a_whole_sort_puts_them():
    """Rows added (an article's claims) are put into the order shown, not sorted again:
    after the rows equal to them, empty cells last, both ways round."""
    import random

    rng = random.Random(11)
    statuses = ("not checked", "disputed", "", "corroborated")
    speakers = ("AFP", "SANA", "Reuters", "")
    for sort, descending in (
        (None, False),
        ("status", False),
        ("status", True),
        ("speaker", True),
        ("links", False),
        ("links", True),
    ):
        rows = [row(i, rng.choice(statuses), rng.choice(speakers)) for i in range(30)]
        quick = model(rows)
        quick.set_sort(sort, descending)
        for n in range(30, 60, 3):
            quick.shown_ids()
            new = [row(n + j, rng.choice(statuses), rng.choice(speakers)) for j in range(3)]
            rows += new
            quick.update_rows(new)
            whole = model(rows)
            whole.set_sort(sort, descending)
            kept = quick._shown
            assert quick.shown_ids() == whole.shown_ids(), (sort, descending, n)
            assert quick.shown_ids() is kept  # put in, not worked out again


def test_rows_whose_sort_value_changed_are_moved_where_a_whole_sort_puts_them():
    """An edit that changes a few rows' sort values (an added article: its actors' counts)
    moves those rows, ties kept in the rows' order, not every row sorted again."""
    import random

    rng = random.Random(5)
    statuses = ("not checked", "disputed", "", "corroborated")
    for sort, descending in (("status", False), ("status", True), ("links", True)):
        rows = [row(i, rng.choice(statuses)) for i in range(40)]
        quick = model(rows)
        quick.set_sort(sort, descending)
        for _ in range(40):
            i = rng.randrange(40)
            cells = {**rows[i].cells, "status": rng.choice(statuses)}
            cells["links"] = str(rng.randrange(5))
            rows[i] = TableRow(rows[i].id, cells)
            quick.shown_ids()
            kept = quick._shown
            quick.update_rows([rows[i]])
            whole = model(rows)
            whole.set_sort(sort, descending)
            assert quick.shown_ids() == whole.shown_ids(), (sort, descending)
            assert quick.shown_ids() is kept  # moved in place, not worked out again


def test_removed_rows_leave_the_rest_in_the_order_shown():
    rows = [row(i, ("disputed", "", "false")[i % 3], ("AFP", "SANA")[i % 2]) for i in range(40)]
    quick = model(rows)
    quick.set_sort("status", True)
    quick.set_choice("speaker", "AFP")
    quick.shown_ids()
    quick.remove_rows(["C2", "C7", "C8", "C30"])
    kept = quick._shown
    whole = model([r for r in rows if r.id not in {"C2", "C7", "C8", "C30"}])
    whole.set_sort("status", True)
    whole.set_choice("speaker", "AFP")
    assert quick.shown_ids() == whole.shown_ids()
    assert quick.shown_ids() is kept  # not worked out again
