"""Two writers on one case, and writers killed mid-action: nothing committed is lost."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest
from backends import integrity
from case_builders import first_extraction, second_extraction
from case_workers import add_articles, add_notes, numbered_extraction

from workbench import Case

SPAWN = multiprocessing.get_context("spawn")


def logged(log: Path) -> list[str]:
    if not log.exists():
        return []
    # a line cut short by the kill has no newline yet: not confirmed, not counted
    return [line for line in log.read_text().split("\n")[:-1] if line]


def test_two_case_objects_see_each_others_edits(case_path: Path) -> None:
    with Case.open(case_path) as one, Case.open(case_path) as two:
        one.add_extraction(first_extraction())
        two.add_extraction(second_extraction())
        claim = two.claims()[0]
        two.set_claim_status(claim.id, "corroborated")
        assert one.claim(claim.id).status.value == "corroborated"
        one.add_note(claim.id, "from one")
        two.add_note(claim.id, "from two")
        assert len(one.articles()) == 2
        assert sorted(n.text for n in one.notes(claim.id)) == ["from one", "from two"]
        # undo in one reverts one's own last action, never two's
        one.undo()
        assert [n.text for n in two.notes(claim.id)] == ["from two"]


def test_two_processes_editing_at_once_lose_nothing(case_path: Path, tmp_path: Path) -> None:
    with Case.open(case_path) as case:
        case.add_extraction(first_extraction())
        case.add_extraction(second_extraction())
    logs = [tmp_path / "one.log", tmp_path / "two.log"]
    workers = [
        SPAWN.Process(target=add_notes, args=(str(case_path), label, 40, str(log)))
        for label, log in zip(("one", "two"), logs, strict=True)
    ]
    workers.append(
        SPAWN.Process(target=add_articles, args=(str(case_path), 0, 15, str(tmp_path / "a.log")))
    )
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert integrity(case_path) == "ok"
    with Case.open(case_path) as case:
        notes = case.notes()
        assert len(notes) == 80
        assert sorted(n.id for n in notes) == sorted(logged(logs[0]) + logged(logs[1]))
        assert {n.text for n in notes} == {f"{w} {i}" for w in ("one", "two") for i in range(40)}
        assert len(case.articles()) == 17
        actions = [e.action for e in case.history()]
        assert actions.count("add_note") == 80 and actions.count("set_claim_status") == 80


def test_three_processes_of_200_edits_each_lose_nothing(case_path: Path, tmp_path: Path) -> None:
    """Three people editing one case at once (on either back end): 3 x 200 edits, each
    committed edit in the case, none twice, each with its audit row."""
    with Case.open(case_path) as case:
        case.add_extraction(first_extraction())
        case.add_extraction(second_extraction())
    logs = [tmp_path / f"editor-{n}.log" for n in range(3)]
    # add_notes: a note and a status per step, so 100 steps are 200 edits
    workers = [
        SPAWN.Process(target=add_notes, args=(str(case_path), f"editor {n}", 100, str(log)))
        for n, log in enumerate(logs)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=600)
        assert worker.exitcode == 0
    assert integrity(case_path) == "ok"
    with Case.open(case_path) as case:
        notes = case.notes()
        assert sorted(n.id for n in notes) == sorted(sum((logged(log) for log in logs), []))
        assert {n.text for n in notes} == {f"editor {w} {i}" for w in range(3) for i in range(100)}
        actions = [e.action for e in case.history()]
        assert actions.count("add_note") == actions.count("set_claim_status") == 300
        assert len({e.id for e in case.history()}) == len(actions)


def kill_midway(target, args: tuple, log: Path, *, after: int, delay: float) -> list[str]:
    worker = SPAWN.Process(target=target, args=args)
    worker.start()
    deadline = time.monotonic() + 60
    while len(logged(log)) < after and time.monotonic() < deadline and worker.is_alive():
        time.sleep(0.005)
    time.sleep(delay)
    os.kill(worker.pid, signal.SIGKILL)
    worker.join(timeout=30)
    assert worker.exitcode == -signal.SIGKILL, "the worker finished before it was killed"
    return logged(log)


@pytest.mark.parametrize("delay", [0.0, 0.013, 0.031])
def test_killed_while_adding_articles_keeps_every_committed_one(
    case_path: Path, tmp_path: Path, delay: float
) -> None:
    Case.open(case_path).close()
    log = tmp_path / "added.log"
    committed = kill_midway(
        add_articles, (str(case_path), 0, 500, str(log)), log, after=3, delay=delay
    )
    assert len(committed) >= 3
    assert integrity(case_path) == "ok"
    with Case.open(case_path) as case:
        stored = {a.id for a in case.articles()}
        assert set(committed) <= stored
        # every stored article is whole: none half-written
        for article_id in stored:
            assert len(case.claims(article_id=article_id)) == 2
            assert len(case.mentions(article_id=article_id)) == len(
                case.mentions(article_id="copy-0")
            )
        # and the case takes new work
        case.add_extraction(numbered_extraction(9999))


@pytest.mark.parametrize("delay", [0.0, 0.017])
def test_killed_while_saving_edits_keeps_every_committed_one(
    case_path: Path, tmp_path: Path, delay: float
) -> None:
    with Case.open(case_path) as case:
        case.add_extraction(first_extraction())
    log = tmp_path / "notes.log"
    committed = kill_midway(
        add_notes, (str(case_path), "edit", 2000, str(log)), log, after=5, delay=delay
    )
    assert integrity(case_path) == "ok"
    with Case.open(case_path) as case:
        notes = {n.id for n in case.notes()}
        assert set(committed) <= notes
        # each note and its audit row were committed together
        assert [e.action for e in case.history()].count("add_note") == len(notes)
        # the file is fully usable: it takes an edit and undoes it
        note = case.add_note(case.claims()[0].id, "after the crash")
        assert case.undo().target == note.target_id
        assert {n.id for n in case.notes()} == notes
