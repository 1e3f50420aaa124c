"""Three people at once making the edits a verification session makes (on either back end;
on a server each is one round trip, `pg_edits`): links and unlinks, several actors'
statuses, renames, claim texts and merges. Nothing committed is lost, nothing is written
twice, and each edit has its audit row."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from backends import integrity
from case_builders import first_extraction, second_extraction

from workbench import Case

SPAWN = multiprocessing.get_context("spawn")
STEPS = 40  # each step is 5 edits: 3 x 200 in all


def _log(log_path: str, line: str) -> None:
    # one line per committed edit, on disk before we go on: the parent trusts these
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(line + "\n")
        log.flush()
        os.fsync(log.fileno())


def verify(case_path: str, editor: int, steps: int, log_path: str) -> None:
    """Editor `editor`'s session: its own claims and actors (a third of each), so no edit
    of it is stale; at its last step a merge of two of its own actors (the editor with
    four of the case's ten)."""
    with Case.open(case_path) as case:
        claims = [c.id for i, c in enumerate(case.claims()) if i % 3 == editor]
        actors = [a.id for i, a in enumerate(case.actors()) if i % 3 == editor]
        for step in range(steps):
            claim = claims[step % len(claims)]
            link = case.link_source(claim, f"https://example.org/{editor}/{step}")
            _log(log_path, f"link {link.id}")
            if step % 2:
                case.unlink_source(link.id)
                _log(log_path, f"unlink {link.id}")
            else:
                case.update_claim(claim, text=f"editor {editor} step {step}")
                _log(log_path, f"text {claim} editor {editor} step {step}")
            status = "confirmed" if step % 2 else "rejected"
            case.update_actors(actors[:2], status=status)
            _log(log_path, f"status {status}")
            case.update_actor(actors[-1], name=f"Editor {editor} Name {step}")
            _log(log_path, f"name {actors[-1]} Editor {editor} Name {step}")
            if step == steps - 1 and len(actors) > 3:  # one not renamed, into a third
                case.merge_actors(actors[0], actors[2])
                _log(log_path, f"merge {actors[2]}")
            else:
                case.add_note(claim, f"editor {editor} step {step}")
                _log(log_path, "note")


def logged(log: Path) -> list[str]:
    return [line for line in log.read_text().split("\n") if line]


def test_three_sessions_of_verification_edits_lose_nothing(case_path: Path, tmp_path: Path) -> None:
    with Case.open(case_path) as case:
        case.add_extraction(first_extraction())
        case.add_extraction(second_extraction())
        before = len(case.history())
    logs = [tmp_path / f"editor-{n}.log" for n in range(3)]
    workers = [
        SPAWN.Process(target=verify, args=(str(case_path), n, STEPS, str(log)))
        for n, log in enumerate(logs)
    ]
    try:
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=600)
    finally:
        # a worker still running (a hang, a lock wait) would hold the case into the rest
        # of the suite: ended before any assert
        for worker in workers:
            if worker.is_alive():
                worker.kill()
                worker.join()
    assert [worker.exitcode for worker in workers] == [0] * len(workers)
    assert integrity(case_path) == "ok"
    lines = [line for log in logs for line in logged(log)]
    with Case.open(case_path) as case:
        history = case.history()[before:]
        # each committed edit once, with its audit row
        assert len(history) == len(lines) == 3 * STEPS * 5
        assert len({e.id for e in history}) == len(history)
        linked = {line.split()[1] for line in lines if line.startswith("link ")}
        unlinked = {line.split()[1] for line in lines if line.startswith("unlink ")}
        assert {link.id for link in case.links()} == linked - unlinked
        # the last text and name each editor wrote are there
        for log in logs:
            mine = logged(log)
            claim, text = [line for line in mine if line.startswith("text ")][-1].split(" ", 2)[1:]
            assert case.claim(claim).text == text
            actor, name = [line for line in mine if line.startswith("name ")][-1].split(" ", 2)[1:]
            assert case.actor(actor).name == name
            merged = [line.split()[1] for line in mine if line.startswith("merge ")]
            assert all(m not in {a.id for a in case.actors()} for m in merged)
        counted = {a: sum(1 for e in history if e.action == a) for a in {e.action for e in history}}
        assert counted["link_source"] == len(linked) and counted["unlink_source"] == len(unlinked)
        assert counted["merge_actors"] == sum(line.startswith("merge ") for line in lines) == 1
