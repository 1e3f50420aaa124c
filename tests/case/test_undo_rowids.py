"""An undo puts a removed row back even when another session's new row took its rowid
(review10 F7). SQLite gives the next row max(rowid) + 1, so once the last rows of a table
are removed another session's insert takes the rowid of the first of them; a server's
sequence never gives one twice. The undo used to put each row back with its old rowid:
on a file it failed ("UNIQUE constraint failed: links.rowid") where a server undid. Now
a row whose rowid is taken goes back under a new one (last in rowid order: the rowid
only orders rows), on both back ends the undo goes through, and what is kept by rowid
(the actor listing's first mentions, format 11) stays what the mentions give afresh.
Each table an undo puts rows back into: a link, a merged actor, mentions and an article
(a removed article's rows). Both back ends (`case_path`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from backends import foreign_key_problems, integrity, rows
from case_builders import (
    FIRST_TEXT,
    actor_named,
    build_extraction,
    first_extraction,
    fresh_results,
    second_extraction,
)
from test_listing_inputs import assert_kept_right

from workbench import Case

THIRD_TEXT = (
    "Jordan hosts talks\n\n"
    "Petra reported that Ayman Safadi met Fuad Hussein in Amman. "
    "Petra said the ministers discussed border crossings."
)


def third_extraction():
    return build_extraction(
        "jordan-hosts-talks",
        THIRD_TEXT,
        outlet="Petra",
        actors=[
            ("Petra", "media", []),
            ("Ayman Safadi", "person", []),
            ("Fuad Hussein", "person", []),
            ("Amman", "place", []),
        ],
        claims=[
            {
                "text": "the ministers discussed border crossings",
                "speaker": "Petra",
                "channels": ["Petra"],
            }
        ],
        relations=[("Ayman Safadi", "Fuad Hussein", "met")],
    )


@pytest.fixture
def two(case_path: Path | str):
    """Two sessions on one case holding both hand-built reports."""
    with Case.open(case_path, session="a") as a, Case.open(case_path, session="b") as b:
        a.add_extraction(first_extraction())
        a.add_extraction(second_extraction())
        yield a, b


def last_rowid(case_path: Path | str, table: str) -> int:
    return int(rows(case_path, f"SELECT max(rowid) FROM {table}")[0][0])


def rowid_of(case_path: Path | str, table: str, record_id: str) -> int:
    return int(rows(case_path, f"SELECT rowid FROM {table} WHERE id = '{record_id}'")[0][0])


def assert_sound(
    case_path: Path | str, sessions: tuple[Case, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case whole, its keys kept, and each session's listing (kept results included)
    the one worked out afresh from the rows, as are the listing's kept inputs."""
    assert integrity(case_path) == "ok"
    assert foreign_key_problems(case_path) == []
    for case in sessions:
        assert_kept_right(case, monkeypatch)
        assert list(case.actors()) == list(fresh_results(case)["actors"])


def test_an_unlinked_source_comes_back_when_another_link_took_its_rowid(
    two, case_path: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = two
    first, second = a.claims()[0], a.claims()[1]
    mine = b.link_source(first.id, "https://example.org/x")
    b.unlink_source(mine.id)
    theirs = a.link_source(second.id, "https://example.org/y")  # a file: mine's rowid

    undone = b.undo()
    assert undone.action == "unlink_source"
    assert {link.id: link.url for link in b.links()} == {
        mine.id: "https://example.org/x",
        theirs.id: "https://example.org/y",
    }
    assert_sound(case_path, (a, b), monkeypatch)


def test_a_merged_actor_comes_back_when_a_new_actor_took_its_rowid(
    two, case_path: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = two
    keep = actor_named(a, "Ali Mamlouk")
    [(other_id,)] = rows(case_path, "SELECT id FROM actors ORDER BY rowid DESC LIMIT 1")
    other = a.actor(other_id)
    b.merge_actors(keep.id, other.id)
    added = a.add_actor("Fuad Hussein", "person")  # a file: the merged actor's rowid

    assert b.undo().action == "merge_actors"
    back = b.actor(other.id)
    assert (back.name, back.mention_count, back.articles) == (
        other.name,
        other.mention_count,
        other.articles,
    )
    assert b.actor(keep.id).mention_count == keep.mention_count
    assert a.actor(added.id).name == "Fuad Hussein"
    assert_sound(case_path, (a, b), monkeypatch)


def test_mentions_come_back_when_a_new_mention_took_a_rowid(
    two, case_path: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The removed article's mentions: one of them goes back under a new rowid, which
    the listing's first mention of its actor in that article follows."""
    a, b = two
    first_article, second_article = a.articles()[0], a.articles()[1]
    before = {m.id: m for m in a.mentions(article_id=second_article.id)}
    listing = {actor.id: actor for actor in a.actors()}
    b.remove_article(second_article.id)
    fawzy = actor_named(a, "Khaled Fawzy")
    start = FIRST_TEXT.index("Egyptian officials")
    added = a.add_mention(fawzy.id, first_article.id, start, start + len("Egyptian officials"))

    assert b.undo().action == "remove_article"
    assert {m.id: m for m in b.mentions(article_id=second_article.id)} == before
    assert [m.text for m in b.mentions(actor_id=fawzy.id) if m.id == added.id] == [
        "Egyptian officials"
    ]
    for actor in b.actors():
        if actor.id != fawzy.id:
            assert actor == listing[actor.id]
    assert_sound(case_path, (a, b), monkeypatch)


def test_a_removed_article_comes_back_when_a_new_article_took_its_rowids(
    two, case_path: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = two
    removed = a.articles()[-1]
    claims = {c.id: c for c in a.claims(article_id=removed.id)}
    events = {e.id: e for e in a.events(article_id=removed.id)}
    old_rowid = rowid_of(case_path, "articles", removed.id)
    b.remove_article(removed.id)
    added = a.add_extraction(third_extraction())  # a file: the removed rows' rowids

    assert b.undo().action == "remove_article"
    assert {article.id for article in b.articles()} == {
        *(article.id for article in a.articles()),
        removed.id,
        added.id,
    }
    assert b.article(removed.id).title == removed.title
    assert {c.id: c for c in b.claims(article_id=removed.id)} == claims
    assert {e.id: e for e in b.events(article_id=removed.id)} == events
    # its old place, or last where the new article holds it: the rowid only orders rows
    now = rowid_of(case_path, "articles", removed.id)
    assert now == old_rowid or now == last_rowid(case_path, "articles")
    assert_sound(case_path, (a, b), monkeypatch)


def test_an_app_view_carried_over_such_an_undo_is_a_fresh_read(case_file: Path) -> None:
    """The app's snapshot carried over the undo (`changes_since`) holds what a fresh read
    does: the article put back under a new rowid comes last, after the new one. Only a
    file: a server's rowids are never taken."""
    from workbench.analysis import CaseSnapshot
    from workbench.views.changes import changes_since

    with Case.open(case_file, session="a") as a, Case.open(case_file, session="b") as b:
        a.add_extraction(first_extraction())
        a.add_extraction(second_extraction())
        b.remove_article(b.articles()[-1].id)
        a.add_extraction(third_extraction())
        older = CaseSnapshot(b)
        for table in ("articles", "actors", "claims", "relations"):
            list(getattr(older, table)())
        marker = b.history(limit=1)[0].id
        b.undo()
        changes = changes_since(b, marker, b.history(limit=1)[0].id)
        assert changes is not None
        carried = CaseSnapshot(b)
        carried.carry(older, changes.unchanged, deltas=changes.deltas)
        fresh = CaseSnapshot(b)
        for table in ("articles", "actors", "claims", "relations"):
            assert list(getattr(carried, table)()) == list(getattr(fresh, table)()), table
