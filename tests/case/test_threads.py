"""One `Case` used from several threads, and several `Case` objects on one file in one process.

Widget callbacks run in another thread than the cell that opened the case (JupyterLab 4.6),
and two panels or two notebooks in one kernel may open the same file twice.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from backends import integrity
from case_builders import first_extraction, second_extraction
from case_workers import add_notes

from workbench import Case
from workbench.errors import CaseError
from workbench.export.json_io import dump_case

SPAWN = multiprocessing.get_context("spawn")


def in_thread(function: Callable[[], Any]) -> Any:
    """Run `function` in a new thread and give back its result (or raise its error here)."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = function()
        except BaseException as exc:  # handed back to the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def run_process(target: Callable[..., None], *args: Any) -> None:
    worker = SPAWN.Process(target=target, args=args)
    worker.start()
    worker.join(timeout=120)
    assert worker.exitcode == 0


def test_a_case_opened_in_one_thread_reads_and_edits_from_another(story: Case) -> None:
    claim_id = story.claims()[0].id

    def callback() -> tuple[int, str, int]:
        claims = story.claims()
        story.set_claim_status(claim_id, "disputed", note="from a widget callback")
        link = story.link_source(claim_id, "https://example.org/report")
        with story._store.snapshot():  # several reads in one transaction, in this thread
            seen = len(story.links(claim_id))
        return len(claims), link.id, seen

    count, link_id, seen = in_thread(callback)
    assert count == len(story.claims()) and seen == 1
    assert story.claim(claim_id).status.value == "disputed"
    assert [n.text for n in story.notes(claim_id)] == ["from a widget callback"]
    assert [link.id for link in story.links(claim_id)] == [link_id]
    story.undo()  # back in the opening thread: the link made in the other one goes
    assert story.links(claim_id) == []


def test_a_case_opened_in_a_thread_that_ended_is_usable_here(case_path: Path) -> None:
    case = in_thread(lambda: Case.open(case_path))
    try:
        case.add_extraction(first_extraction())
        assert len(case.articles()) == 1
        in_thread(lambda: case.add_extraction(second_extraction()))
        assert len(case.articles()) == 2
    finally:
        in_thread(case.close)
    # a closed case says so, in any thread, instead of a raw SQLite error
    with pytest.raises(CaseError, match="closed"):
        case.claims()
    with pytest.raises(CaseError, match="closed"):
        in_thread(lambda: case.add_note("A1", "too late"))


def test_threads_editing_one_case_at_once_lose_nothing(story: Case) -> None:
    claims = [c.id for c in story.claims()]
    editors, edits = 4, 25
    start = threading.Barrier(editors + 1)
    done = threading.Event()
    errors: list[BaseException] = []
    made: list[str] = []

    def edit(label: int) -> None:
        try:
            start.wait()
            for number in range(edits):
                claim_id = claims[(label + number) % len(claims)]
                made.append(story.add_note(claim_id, f"{label} {number}").id)
                story.set_claim_status(claim_id, "in_progress" if number % 2 else "disputed")
        except BaseException as exc:
            errors.append(exc)

    def read() -> None:
        # a reader iterating cursors and holding snapshots while the editors write
        try:
            start.wait()
            while not done.is_set():
                story.corroboration()
                dump_case(story)
                story.history(limit=5)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(editors)]
    reader = threading.Thread(target=read)
    for thread in [*threads, reader]:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    done.set()
    reader.join(timeout=60)
    assert not any(t.is_alive() for t in [*threads, reader])
    assert errors == []
    notes = story.notes()
    assert len(notes) == editors * edits == len(set(made))
    assert sorted(n.id for n in notes) == sorted(made)
    assert {n.text for n in notes} == {f"{t} {i}" for t in range(editors) for i in range(edits)}
    actions = [e.action for e in story.history()]
    assert actions.count("add_note") == actions.count("set_claim_status") == editors * edits
    assert integrity(story.path) == "ok"


def test_a_second_case_on_the_same_file_closing_keeps_the_first_ones_locks(
    case_path: Path, tmp_path: Path
) -> None:
    """Opening and closing the file a second time in this process must not drop the POSIX
    locks of the first `Case`: without them another process, closing, deletes the WAL the
    first one still writes to, and its edits vanish."""
    texts: list[str] = []
    with Case.open(case_path) as first:
        first.add_extraction(first_extraction())
        claim_id = first.claims()[0].id
        second = Case.open(case_path)
        second.add_note(claim_id, "second")
        texts.append("second")
        second.close()
        run_process(add_notes, str(case_path), "other", 5, str(tmp_path / "other.log"))
        texts += [f"other {i}" for i in range(5)]
        for number in range(5):
            first.add_note(claim_id, f"first {number}")
            texts.append(f"first {number}")
        # a third process, while the first is still open, sees its edits and adds its own
        run_process(add_notes, str(case_path), "third", 5, str(tmp_path / "third.log"))
        texts += [f"third {i}" for i in range(5)]
        first.add_note(claim_id, "first last")
        texts.append("first last")
        assert sorted(n.text for n in first.notes()) == sorted(texts)
    assert integrity(case_path) == "ok"
    with Case.open(case_path) as case:
        notes = case.notes()
        assert sorted(n.text for n in notes) == sorted(texts)
        assert len({n.id for n in notes}) == len(texts)
