"""One queue of extractions for all the kernels of a served app (`workbench app`).

Each visitor's page is a kernel, a process of its own, and an extraction takes a CPU core
and hundreds of MB for seconds to minutes: thirty students pressing "Add" together would
run thirty at once. `workbench app` makes a private folder and tells the kernels about it
(`QUEUE_ENV`, and `SLOTS_ENV`: how many extractions run at once, `--max-extractions`). A
kernel that wants to extract writes a ticket there, named by the time it arrived, and holds
an exclusive `flock` on it; it runs once fewer than `slots` live tickets are ahead of its own
and tells the visitor how many are ("waiting for 2 other extractions") meanwhile. A ticket
whose lock can be taken belongs to a kernel that died: it is removed, never waited for.

Without `QUEUE_ENV` (JupyterLab, a notebook, a test) extractions run at once, as before.
No widgets here.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path

QUEUE_ENV = "WORKBENCH_EXTRACTION_QUEUE"
SLOTS_ENV = "WORKBENCH_EXTRACTIONS"
POLL = 0.5  # s between two looks at the queue while waiting


def default_slots() -> int:
    """Half the CPU cores, at least one: the server and the pages need the rest."""
    return max(1, (os.cpu_count() or 2) // 2)


class ExtractionQueue:
    def __init__(self, folder: str | os.PathLike[str], slots: int, *, poll: float = POLL) -> None:
        self.folder, self.slots, self.poll = Path(folder), max(1, slots), poll

    @classmethod
    def from_env(cls) -> ExtractionQueue | None:
        folder = os.environ.get(QUEUE_ENV)
        if not folder or not Path(folder).is_dir():
            return None
        try:
            slots = int(os.environ.get(SLOTS_ENV, "") or default_slots())
        except ValueError:
            slots = default_slots()
        return cls(folder, slots)

    @contextlib.contextmanager
    def turn(self, waiting: Callable[[int], None]) -> Iterator[None]:
        """Wait for this kernel's turn (calling `waiting(n)` whenever the number of
        extractions ahead changes), then hold a slot until the block ends."""
        name = f"{time.time_ns():020d}-{os.getpid()}-{secrets.token_hex(4)}"
        ticket = self.folder / name
        # locked before it is in the queue (a hidden name, then renamed): a ticket in the
        # queue that can be locked is one whose kernel is gone, never one being made
        hidden = self.folder / f".{name}"
        descriptor = os.open(hidden, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            os.rename(hidden, ticket)
            told = None
            while (ahead := self.ahead_of(name)) >= self.slots:
                if ahead != told:
                    waiting(ahead)
                    told = ahead
                time.sleep(self.poll)
            yield
        finally:
            ticket.unlink(missing_ok=True)
            hidden.unlink(missing_ok=True)
            os.close(descriptor)  # releases the lock once the ticket is gone

    def ahead_of(self, name: str) -> int:
        """How many live tickets arrived before `name` (running or waiting)."""
        ahead = 0
        for other in sorted(os.listdir(self.folder)):
            if other.startswith("."):
                continue  # a ticket being made
            if other >= name:
                break
            try:
                descriptor = os.open(self.folder / other, os.O_RDONLY)
            except FileNotFoundError:
                continue  # done meanwhile
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                ahead += 1  # its kernel holds it: alive
            else:  # no one holds it: its kernel died mid-extraction
                (self.folder / other).unlink(missing_ok=True)
            finally:
                os.close(descriptor)
        return ahead


def waiting_message(ahead: int, name: str) -> str:
    others = "1 other extraction" if ahead == 1 else f"{ahead} other extractions"
    return f"Waiting for {others} to finish before reading {name} (one queue for the class)..."
