"""Checking a case file's pages only when the file may have changed since its last clean check.

`PRAGMA quick_check` reads every page of the file: 0.86 s at 5,000 articles on a busy
machine, most of what opening a large case costs. Its job is to refuse, at open, a file
damaged outside workbench (a half-finished copy, a sync tool, a bad disk) before a damaged
page surfaces mid-session. A file whose bytes have not changed since it last passed the
check cannot have been damaged that way, so after a clean check its signature is noted in
the user's cache folder (never in or beside the case: a case is one file, copied around,
often in folders others share) and the next open skips the check while the signature is
the same.

The signature is what `stat` tells without opening the file (the store reads the case only
through SQLite, see store.py): device, inode, size, modification and change times, of the
case and of its -wal file (unless empty: SQLite makes a new one at each first open). The
change time is set by the kernel on every write and cannot be set back by a program, so a
copy made with `cp -p` or `touch -r` still shows.

A file system stores times to its own grain (a few ms on Linux, 2 s on FAT), so a write
in the same grain as the check could leave the times as they were. As git does for its
index ("racily clean" files), no signature is noted for a file written less than
`RACY_SECONDS` before its check began: it is checked again at its next open. A noted
signature is trusted for `MAX_AGE_SECONDS` only, so even a file no program touched (a disk
going bad under it) is checked in full now and then.

Keeping a derived result (format 9) writes to the file too, at the first look at a large
case after each change: that write alone must not cost the next open its check's skip.
A store that opened a vouched-for file notes its signature before and after each such
write (taken while it holds the file's write lock: another writer's change shows as a
difference), and at close, if the file is still as its own last write left it, carries the
record over to the file as closing left it (`carry`), the time of the check kept. Any
other change (an edit, another connection's write, a copy, damage) breaks the chain and
the next open checks in full. One window is left, as narrow as the kernel's time grain:
a foreign write of the same size, in the same tick as the stat after the store's own
write or close, would go unseen, as it would after any clean check.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

RACY_SECONDS = 2.0
MAX_AGE_SECONDS = 7 * 24 * 3600

Signature = list[list[int] | None]


def signature(path: Path) -> Signature | None:
    """The case's and its -wal's stat, or None if the case cannot be stat'ed."""
    found: Signature = []
    for name in (str(path), f"{path}-wal"):
        try:
            st = os.stat(name)
        except FileNotFoundError:
            if name == str(path):
                return None
            found.append(None)
            continue
        except OSError:
            return None
        if name != str(path) and st.st_size == 0:
            # an empty -wal holds nothing, and SQLite makes a new one at each first open
            found.append(None)
            continue
        found.append([st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns])
    return found


def cache_folder() -> Path:
    """workbench's folder in the user's cache (XDG_CACHE_HOME, else ~/.cache): what it
    notes for this user only (checked files here, the key of kept results: signing.py)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "workbench"


def _record_path(path: Path) -> Path:
    key = hashlib.sha256(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return cache_folder() / "checked" / key[:32]


def unchanged_since_check(path: Path, now: Signature | None) -> bool:
    """True if `path` passed a check and its signature is still `now`'s (and not too old)."""
    if now is None:
        return False
    try:
        record = json.loads(_record_path(path).read_text(encoding="utf-8"))
        checked_at = int(record["checked_at"])
        return bool(
            record["path"] == str(path.resolve())
            and record["signature"] == now
            and 0 <= time.time_ns() - checked_at < MAX_AGE_SECONDS * 1e9
        )
    except (OSError, ValueError, KeyError, TypeError):
        return False


def remember(path: Path, before: Signature | None, started_ns: int) -> bool:
    """Note that `path` passed a check begun at `started_ns` with signature `before`, unless
    it changed during the check or was written too close to its start to be sure of.
    Whether it was noted."""
    if before is None or signature(path) != before:
        return False
    latest = max(max(part[3], part[4]) for part in before if part is not None)
    if latest > started_ns - RACY_SECONDS * 1e9:
        return False
    record = {"path": str(path.resolve()), "signature": before, "checked_at": started_ns}
    # a read-only or full home folder: the next open checks in full, as before
    write_note(_record_path(path), json.dumps(record))
    return True


def carry(path: Path, vouched: Signature, now: Signature | None) -> None:
    """Note `now` as `path`'s checked signature in place of `vouched`, keeping the time of
    the check: for a file whose only change since was workbench's own writes of kept
    results (`Store.close`), which change no page a check would find damaged. Nothing is
    noted unless the record still vouches for `vouched` (and is not too old)."""
    if now is None or not unchanged_since_check(path, vouched):
        return
    try:
        record = json.loads(_record_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    record["signature"] = now
    write_note(_record_path(path), json.dumps(record))


def write_note(target: Path, text: str) -> None:
    """Put `text` in the cache file `target`, whole or not at all (written beside it, then
    renamed over it); a cache folder that cannot be written keeps nothing, silently."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".new")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
