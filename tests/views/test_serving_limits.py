"""Limits of a served app (issue 12): one queue of extractions for every kernel, with a
message saying how many are ahead; upload size and article length when open to a network."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import threading
import time

import pytest

from workbench.views import launch
from workbench.views.app import Workbench
from workbench.views.extraction_queue import QUEUE_ENV, SLOTS_ENV, ExtractionQueue
from workbench.views.load_panel import MAX_ARTICLE_CHARS, MAX_UPLOAD_BYTES

WAIT = 60  # s: a few Python processes starting on a busy machine

TAKE_A_TURN = """
import json, sys, time
from workbench.views.extraction_queue import ExtractionQueue
queue = ExtractionQueue(sys.argv[1], 1, poll=0.05)
told = []
with queue.turn(told.append):
    start = time.monotonic()
    time.sleep(float(sys.argv[2]))
    end = time.monotonic()
print(json.dumps({"start": start, "end": end, "told": told}))
"""


def _tickets(folder) -> int:
    return len([p for p in folder.iterdir() if not p.name.startswith(".")])


def _wait_tickets(folder, count: int) -> None:
    deadline = time.monotonic() + WAIT
    while _tickets(folder) < count:  # polled: a folder sends no event
        assert time.monotonic() < deadline, f"{_tickets(folder)} tickets, expected {count}"
        time.sleep(0.05)


def test_kernels_extract_one_at_a_time_in_arrival_order(tmp_path):
    queue = tmp_path / "queue"
    queue.mkdir()
    runs = []
    for index, hold in enumerate(["2", "1", "0.2"]):
        runs.append(
            subprocess.Popen(
                [sys.executable, "-c", TAKE_A_TURN, str(queue), hold],
                stdout=subprocess.PIPE,
                text=True,
            )
        )
        _wait_tickets(queue, index + 1)  # the next one arrives after this one
    results = [json.loads(run.communicate(timeout=WAIT)[0]) for run in runs]
    for earlier, later in zip(results, results[1:], strict=False):
        assert earlier["end"] <= later["start"]  # one at a time, first come first served
    assert [r["told"] for r in results] == [[], [1], [2, 1]]
    assert _tickets(queue) == 0


def test_a_dead_kernels_ticket_is_not_waited_for(tmp_path):
    (tmp_path / "00000000000000000001-999999-dead").write_text("")  # no one holds it
    told = []
    with ExtractionQueue(tmp_path, 1, poll=0.01).turn(told.append):
        pass
    assert told == []
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def served(monkeypatch, tmp_path):
    """The app as `workbench app --ip 0.0.0.0` serves it, on an empty case."""
    monkeypatch.setenv(launch.SERVED_TO_NETWORK_ENV, "1")
    monkeypatch.delenv(launch.VISITORS_ENV, raising=False)
    app = Workbench(tmp_path / "class.case")
    yield app
    app.case.close()


def _file(name: str, content: bytes) -> dict:
    """An uploaded file as the browser sends it to the FileUpload widget."""
    return {
        "name": name,
        "type": "text/plain",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": datetime.datetime.now(datetime.UTC),
    }


def test_a_paste_over_the_length_limit_is_refused(served):
    load = served.panel("Load")
    load.paste.value = "Title\n\n" + "word " * (MAX_ARTICLE_CHARS // 5 + 10)
    load.add_pasted()
    assert "this app takes articles of up to" in served.status.value
    assert served.case.articles() == []


def test_an_upload_over_the_size_limit_is_refused(served):
    load = served.panel("Load")
    load.upload.value = (_file("big.txt", b"a " * (MAX_UPLOAD_BYTES // 2 + 1)),)
    load.add_uploads()
    assert "this app takes files of up to" in served.status.value
    assert served.case.articles() == []


def test_an_upload_whose_text_is_too_long_is_refused_before_extraction(served):
    load = served.panel("Load")
    text = "Title\n\n" + "Word and word. " * (MAX_ARTICLE_CHARS // 15 + 10)
    load.upload.value = (_file("long.txt", text.encode()),)
    load.add_uploads()
    assert "characters; this app takes articles of up to" in served.status.value
    assert served.case.articles() == []


@pytest.mark.slow
def test_a_visitor_is_told_how_many_extractions_are_ahead(served, tmp_path, monkeypatch):
    queue = tmp_path / "queue"
    queue.mkdir()
    monkeypatch.setenv(QUEUE_ENV, str(queue))
    monkeypatch.setenv(SLOTS_ENV, "1")
    load = served.panel("Load")
    load.paste.value = "A visit\n\nThe minister said on Monday that the talks would go on."
    messages = []
    served.status.observe(lambda change: messages.append(change["new"]), names="value")
    other = ExtractionQueue(queue, 1)  # another visitor's kernel, extracting
    entered, release = threading.Event(), threading.Event()

    def busy() -> None:
        with other.turn(lambda _n: None):
            entered.set()
            release.wait(WAIT)

    holder = threading.Thread(target=busy)
    holder.start()
    assert entered.wait(WAIT)
    adding = threading.Thread(target=load.add_pasted)
    adding.start()
    deadline = time.monotonic() + WAIT
    while not any("Waiting for 1 other extraction" in m for m in messages):
        assert time.monotonic() < deadline, messages
        time.sleep(0.05)
    assert served.case.articles() == []  # still waiting
    release.set()
    holder.join(WAIT)
    adding.join(WAIT * 3)
    assert "Saved: Added" in served.status.value, served.status.value
    assert len(served.case.articles()) == 1
