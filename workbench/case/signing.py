"""This user's key for kept results (`derived.py`): a case file may come from anyone, so a
kept result is trusted only when this install wrote it, signed with HMAC-SHA-256 under a
key only this user can read.

The key is 32 random bytes (hex) in the user's cache folder (`pagecheck.cache_folder`,
never in or beside the case), made with 0600 permissions on first use. A key file others
may read or write, or one that cannot be made (a read-only home), gives no key: nothing is
kept or read, everything is computed as before keeping existed. Its public id (the first 16
hex digits of its SHA-256) keys a kept row, so users of one shared case on a server each
keep their own results and never overwrite one another's.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
import tempfile
from functools import cache
from pathlib import Path

from .pagecheck import cache_folder


def key_path() -> Path:
    return cache_folder() / "derived.key"


def key() -> bytes | None:
    """This user's key, made on first use; None where none can be had safely."""
    return _key_at(key_path())


@cache
def _key_at(path: Path) -> bytes | None:
    try:
        if not path.exists():
            _make(path)
        with open(path, "rb") as found:
            info = os.fstat(found.fileno())
            if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO) or info.st_uid != os.getuid():
                return None  # others could read (and so forge) or write it: not this user's
            text = found.read(100).strip()
        return bytes.fromhex(text.decode("ascii")) if len(text) == 64 else None
    except (OSError, ValueError):
        return None


def _make(path: Path) -> None:
    """Write a new key: in a file of its own (mkstemp: 0600), linked into place so two
    processes making one at once both end up with the one that won."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".key", suffix=".new")
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(32))
        # another process that made one first wins: its key is the one
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def signer_id(secret: bytes) -> str:
    """The key's public id: names it in a kept row without telling anything of it."""
    return hashlib.sha256(secret).hexdigest()[:16]


def sign(secret: bytes, head: bytes, payload: bytes) -> str:
    """The signature of a kept row: its keys (`head`, one line) and its payload."""
    return hmac.new(secret, head + b"\n" + payload, hashlib.sha256).hexdigest()


def verifies(secret: bytes, head: bytes, payload: bytes, signature: object) -> bool:
    return isinstance(signature, str) and hmac.compare_digest(
        sign(secret, head, payload), signature
    )


__all__ = ["key", "key_path", "sign", "signer_id", "verifies"]
