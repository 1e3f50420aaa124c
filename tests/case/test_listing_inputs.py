"""The actor listing's inputs kept by the case (format 11, `migrations.LISTING_TABLES`):
triggers count each mention into a row per actor and article and per actor and text,
whatever writes it. After every kind of edit and its undo, an upgrade from format 10, a
restored export and writes from outside, the kept rows are those grouped afresh from the
mentions, and the listing read from them is the one read from the mentions. Both back
ends (on a server the listing still groups the mentions; the rows are kept there too, so
a copy between the two finds them right)."""

from __future__ import annotations

from pathlib import Path

import pytest
from case_builders import actor_named, first_extraction, second_extraction
from test_kept_changes import EDITS

from workbench import Case
from workbench.case import reads
from workbench.case.migrations import FORMAT_VERSION, LISTING_FORMAT
from workbench.case.store import Store

# what each kept row must hold: the mentions grouped afresh (rejected ones left out)
GROUPED = {
    "listing_articles": "article_id",
    "listing_texts": "text",
}


def kept_rows(case: Case) -> dict[str, list[tuple]]:
    return {
        table: sorted(
            tuple(r)
            for r in case._store.rows(
                f"SELECT actor_id, {column}, first_row, mentions FROM {table}"
            )
        )
        for table, column in GROUPED.items()
    }


def grouped_afresh(case: Case) -> dict[str, list[tuple]]:
    return {
        table: sorted(
            tuple(r)
            for r in case._store.rows(
                f"SELECT actor_id, {column}, min(rowid), count(*) FROM mentions "
                f"WHERE review != 'rejected' GROUP BY actor_id, {column}"
            )
        )
        for table, column in GROUPED.items()
    }


def from_mentions(case: Case, monkeypatch: pytest.MonkeyPatch) -> list:
    """The listing as read from the mentions themselves (formats before 11, a server)."""
    with monkeypatch.context() as patched:
        patched.setattr(reads, "listing_kept", lambda store: False)
        return list(reads.load_actors(case._store))


def assert_kept_right(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    assert kept_rows(case) == grouped_afresh(case)
    assert list(reads.load_actors(case._store)) == from_mentions(case, monkeypatch)


def test_a_new_case_keeps_the_listings_inputs(story: Case, monkeypatch) -> None:
    assert story._store.format_version == FORMAT_VERSION >= LISTING_FORMAT
    assert all(kept_rows(story).values())
    assert_kept_right(story, monkeypatch)


@pytest.mark.parametrize("edit", list(EDITS))
def test_after_each_kind_of_edit_and_its_undo_the_kept_rows_are_right(
    story: Case, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    change, _ = EDITS[edit]
    if edit == "added article":
        story.remove_article(story.articles()[-1].id)
        assert_kept_right(story, monkeypatch)
    before = kept_rows(story)
    change(story)
    assert_kept_right(story, monkeypatch)
    if edit == "added article":
        assert kept_rows(story) != before
        return
    story.undo()
    assert_kept_right(story, monkeypatch)


def test_a_removed_and_restored_mention_moves_the_first_row(
    story: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mention removed by a person (its review set to rejected) and put back: an
    article's first mention of an actor moves to its next one and back."""
    actor = max(story.actors(), key=lambda a: a.mention_count)
    first = story.mentions(actor_id=actor.id)[0]
    story.remove_mention(first.id)
    assert_kept_right(story, monkeypatch)
    story.undo()
    assert_kept_right(story, monkeypatch)
    # a mention a person adds, earlier in the article than the first extracted one
    added = story.add_mention(actor.id, first.article_id, 0, 3)
    assert_kept_right(story, monkeypatch)
    assert story.actor(actor.id).mention_count == actor.mention_count + 1
    story.remove_mention(added.id)
    assert_kept_right(story, monkeypatch)


def test_an_article_extracted_again_and_removed_keeps_them_right(
    story: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    story.apply_reextraction([first_extraction(), second_extraction()], model="again")
    assert_kept_right(story, monkeypatch)
    story.remove_article(story.articles()[0].id)
    assert_kept_right(story, monkeypatch)
    story.undo()
    assert_kept_right(story, monkeypatch)


def test_a_case_of_format_10_upgraded_keeps_them(
    case_path: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = Case(Store.create_at_format(case_path, LISTING_FORMAT - 1))
    try:
        old.add_extraction(first_extraction())
        old.add_extraction(second_extraction())
        actor = max(old.actors(), key=lambda a: a.mention_count)
        old.remove_mention(old.mentions(actor_id=actor.id)[0].id)
        assert old._store.format_version == LISTING_FORMAT - 1
        at_10 = list(reads.load_actors(old._store))
    finally:
        old.close()
    with Case.open(case_path) as case:
        assert case._store.format_version == FORMAT_VERSION
        assert all(kept_rows(case).values())
        assert_kept_right(case, monkeypatch)
        assert list(reads.load_actors(case._store)) == at_10
        case.add_extraction(first_extraction())  # counted in by the triggers from now on
        assert_kept_right(case, monkeypatch)


def test_rows_written_from_outside_are_ignored(
    story: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kept row is the triggers' alone: one inserted over it, one naming no such first
    mention, and a delete of the rows (a restored export's load does both) change
    nothing."""
    before = kept_rows(story)
    actor_id, article_id, first_row, _ = before["listing_articles"][0]
    with story._store.write("rows from outside") as tx:
        tx.execute("DELETE FROM listing_articles")
        tx.execute("DELETE FROM listing_texts")
        tx.execute(
            "INSERT INTO listing_articles (actor_id, article_id, first_row, mentions) "
            "VALUES (?, ?, ?, ?)",
            (actor_id, article_id, first_row + 1000, 99),
        )
        tx.execute(
            "INSERT INTO listing_articles (actor_id, article_id, first_row, mentions) "
            "VALUES (?, ?, ?, ?)",
            (actor_id, "no such article", first_row, 1),
        )
    assert kept_rows(story) == before
    assert_kept_right(story, monkeypatch)


def test_a_case_exported_and_imported_keeps_them_right(
    story: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export's rows load into a new case whose mentions get new rowids: the kept rows
    are counted by the triggers as the mentions load, not taken from the export."""
    from workbench.case import dump_tables, restore_tables

    actor = max(story.actors(), key=lambda a: a.mention_count)
    story.remove_mention(story.mentions(actor_id=actor.id)[0].id)
    story.remove_article(story.articles()[0].id)  # rowids with a gap before the rest
    story.add_extraction(first_extraction())
    version, tables = dump_tables(story)
    target = tmp_path / "restored.case"
    restore_tables(target, tables, case_format=version)
    with Case.open(target) as restored:
        assert_kept_right(restored, monkeypatch)
        assert list(restored.actors()) == list(story.actors())
        restored.merge_actors(restored.actors()[0].id, restored.actors()[1].id)
        assert_kept_right(restored, monkeypatch)


def test_the_triggers_work_without_the_indexes_they_are_fast_with(
    story: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another tool may drop an index: the triggers name none, so edits still work (a
    trigger naming its index failed every merge and mention removal)."""
    with story._store.write("indexes dropped by another tool") as tx:
        tx.execute("DROP INDEX mentions_actor_text")
        tx.execute("DROP INDEX mentions_actor_article")
    story.merge_actors(actor_named(story, "SANA").id, actor_named(story, "AFP").id)
    assert_kept_right(story, monkeypatch)
    actor = max(story.actors(), key=lambda a: a.mention_count)
    story.remove_mention(story.mentions(actor_id=actor.id)[0].id)
    assert_kept_right(story, monkeypatch)
    story.undo()
    story.undo()
    assert_kept_right(story, monkeypatch)
