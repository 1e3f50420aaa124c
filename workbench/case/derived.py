"""Derived results kept in the case itself (format 9), so the first look at a large case
after opening it is a read, not minutes of work on a busy machine.

A result (the actor listing, corroboration, similar claims, the memo) is stored once
computed, under three keys that must all still hold for it to be used again:
- the case's count of changes (`counters.changes`), which every committed write bumps
  (`Store.write`, and every migration step): an edit, an undo, an added article, another
  connection's commit;
- the arguments it was computed with (`name`: a threshold, a format);
- `code_digest()`: a digest of the package's source and word lists (their contents) and
  of the versions of the packages that shape results, so a release (or a lexicon edit, or
  another numpy) that computes differently never reads a result the old code left.

Payloads are JSON (zlib-compressed), decoded into records through their own cleaning
(`reads.build_record`): never pickle, since a case file may come from anyone. A damaged
or hostile payload (nested too deep for the parser, larger than `MAX_PAYLOAD` once
decompressed, values of the wrong types, a pool index out of range) is ignored and the
result computed again: `read` and `Store.derived` treat any error of decoding so.

Even a well-formed result is data read from a file anyone may have written (the memo is
HTML written out as it is): a kept row is used only if this user's install wrote it. Each
row is signed (HMAC-SHA-256 over its kind, name, stamp, code and payload) under this
user's key (`signing.py`, in the user's cache folder) and keyed by the key's public id, so
each user of a shared case keeps their own; a row whose signature does not verify (written
under another key, or edited in place) is ignored and computed again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
import types
import typing
import zlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..collector import collector_held
from ..model import Record, to_plain
from . import pagecheck, signing

if TYPE_CHECKING:
    from .store import Store

T = TypeVar("T")
R = TypeVar("R", bound=Record)

_PACKAGE = Path(__file__).resolve().parent.parent


# at most this much is decompressed from one kept payload (a zip bomb in a case file
# must not fill the memory): far above the largest result (the 20,000-article case's
# similar claims are tens of MB as JSON)
MAX_PAYLOAD = 512 * 1024 * 1024

# what the kept results are computed by: the store and its records, the analysis, the
# memo, and the word lists they look names up in (not extraction, the views or the CLI)
_COMPUTING = ("case", "analysis", "export", "lexicon", "model.py", "dates.py", "errors.py")


# the installed packages whose versions shape a result: this one's own (an installed
# release), and those the analysis computes with
_VERSIONED = ("workbench", "numpy", "networkx", "spacy")
_SUFFIXES = (".py", ".txt", ".json", ".csv", ".tsv", ".yaml")


@cache
def code_digest() -> str:
    """A digest of what computes a kept result: the contents of the source and data files
    of `_COMPUTING`, and the versions of the packages of `_VERSIONED`. A new release, an
    edited word list or another numpy computes its results again.

    Reading every file's contents takes half a second on a busy machine, so their digest
    is noted in the user's cache folder under their paths, sizes and modification times
    (a few milliseconds to list, once per process): read again only when one of those
    changes."""
    paths = (p for part in _COMPUTING for p in (_PACKAGE / part, *(_PACKAGE / part).rglob("*")))
    files = sorted(p for p in paths if p.suffix in _SUFFIXES and p.is_file())
    listing = hashlib.sha256()
    for path in files:
        stat = path.stat()
        listing.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    digest = hashlib.sha256(_contents_digest(files, listing.hexdigest()).encode())
    for package in _VERSIONED:
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\n{package}={version}".encode())
    return digest.hexdigest()[:16]


def _contents_digest(files: list[Path], listing: str) -> str:
    """The digest of `files`' contents, noted in the user's cache folder under `listing`
    (their paths, sizes and modification times) and read from there while it holds."""
    note = pagecheck.cache_folder() / "code" / listing[:32]
    try:
        noted = note.read_text(encoding="ascii")
        if re.fullmatch(r"[0-9a-f]{64}", noted):
            return noted
    except (OSError, ValueError):
        pass
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path.relative_to(_PACKAGE)}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    found = digest.hexdigest()
    pagecheck.write_note(note, found)  # a read-only home: read in full at each process's start
    return found


@dataclass(frozen=True)
class Codec(Generic[T]):
    """How a result is written into the case and read back."""

    encode: Callable[[T], Any]  # to JSON-ready values
    decode: Callable[[Any], T]


def records_codec(record_type: type[R]) -> Codec[list[R]]:
    """A list of records as one list per field (JSON reads long flat lists three times as
    fast as a small list per record), each record rebuilt and its fields cleaned by their
    types as a read of the case cleans them (`reads.build_record`), each distinct value (a
    status, a source record) cleaned once per field."""
    names = [f.name for f in fields(record_type)]  # type: ignore[arg-type]
    hints = typing.get_type_hints(record_type)
    nested = {n: kind for n in names if (kind := _nested(hints[n])) is not None}
    plain = {n for n in names if _is_plain(hints[n])}

    def encode(records: list[R]) -> Any:
        columns = []
        pools: dict[str, list[Any]] = {}
        for n in names:
            if n in plain:  # JSON writes it as it is (a tuple of strings as a list)
                columns.append([getattr(r, n) for r in records])
                continue
            if n not in nested:
                columns.append([to_plain(getattr(r, n)) for r in records])
                continue
            # nested records (a claim's sources) repeat: each distinct one is kept once, in
            # a pool, and rows name them by their place in it
            index: dict[Record, int] = {}
            columns.append(
                [[index.setdefault(v, len(index)) for v in getattr(r, n)] for r in records]
            )
            pools[n] = [to_plain(v) for v in index]
        return {"fields": names, "columns": columns, "pools": pools}

    def decode(data: Any) -> list[R]:
        if not isinstance(data, dict) or data.get("fields") != names:
            raise ValueError("kept records of other fields")  # not this code's: computed again
        columns, pools = data.get("columns"), data.get("pools")
        if not isinstance(columns, list) or not isinstance(pools, dict):
            raise ValueError("kept records of another shape")
        # no garbage collection while the records are made: each of the collections their
        # number triggers would walk every object the process holds, for nothing (they
        # hold no cycles)
        with collector_held():
            return _decode_columns(record_type, names, columns, pools)

    return Codec(encode, decode)


_PLAIN = (str, int, float, type(None))


def _is_plain(hint: Any) -> bool:
    """A field JSON writes as it is, needing no `to_plain`: text, numbers, their optional
    forms, and tuples of those (not bool: an int to JSON's eye, and not enums or dates)."""
    origin = typing.get_origin(hint)
    if origin is tuple:
        return all(a is Ellipsis or a in _PLAIN for a in typing.get_args(hint))
    if origin in (typing.Union, types.UnionType):
        return all(a in _PLAIN for a in typing.get_args(hint))
    return hint in _PLAIN


def _nested(hint: Any) -> type[Record] | None:
    """The record type of a `tuple[SomeRecord, ...]` field, else None."""
    if typing.get_origin(hint) is not tuple:
        return None
    item = typing.get_args(hint)[0]
    return item if isinstance(item, type) and issubclass(item, Record) else None


_JSON_TYPES: dict[Any, frozenset[type]] = {
    str: frozenset({str}),
    int: frozenset({int}),
    float: frozenset({int, float}),  # JSON writes 1.0 as 1.0, but a computed 1 may be an int
    bool: frozenset({bool}),
    type(None): frozenset({type(None)}),
}


def _json_types(hint: Any) -> tuple[frozenset[type], frozenset[type] | None] | None:
    """The types JSON gives back for a field of type `hint` (and for the items of a tuple
    field), or None where the field's cleaner alone decides (an enum's or a date's)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        found: set[type] = set()
        for arg in typing.get_args(hint):
            inner = _json_types(arg)
            if inner is None or inner[1] is not None:
                return None
            found |= inner[0]
        return frozenset(found), None
    if origin is tuple:
        item = _JSON_TYPES.get(typing.get_args(hint)[0])
        return (frozenset({list}), item) if item is not None else None
    if hint in _JSON_TYPES:
        return _JSON_TYPES[hint], None
    return None


def _check_column(hint: Any, column: Any) -> None:
    """ValueError unless `column` is a list of what JSON writes for `hint`: a kept result
    is read from a file anyone may have written, and the fields without a cleaner (a
    claim's id) would be taken as they are (`bool` is not an `int` here, as in JSON)."""
    if not isinstance(column, list):
        raise ValueError("a kept column that is not a list")
    expected = _json_types(hint)
    if expected is None:
        return
    kinds, items = expected
    if not set(map(type, column)) <= kinds:
        raise ValueError("a kept value of another type")
    if items is not None and not {type(x) for value in column for x in value} <= items:
        raise ValueError("a kept item of another type")


def _check_places(column: Any, size: int) -> None:
    """ValueError unless every row names places in its pool: whole numbers in range (a
    negative index would name another record of the pool)."""
    if not isinstance(column, list) or not set(map(type, column)) <= {list}:
        raise ValueError("kept places that are not lists")
    places = [i for row in column for i in row]
    if not set(map(type, places)) <= {int}:
        raise ValueError("a kept place that is not a whole number")
    if places and (min(places) < 0 or max(places) >= size):
        raise ValueError("a kept place out of its pool")


def _pool_records(kind: type[Record], entries: Any) -> list[Any]:
    """A pool's records, each entry checked against `kind`'s fields as a column is."""
    from .reads import build_record

    if not isinstance(entries, list) or not set(map(type, entries)) <= {dict}:
        raise ValueError("a kept pool that is not a list of objects")
    hints = typing.get_type_hints(kind)
    for entry in entries:
        if not set(entry) <= set(hints):
            raise ValueError("a kept pool entry of other fields")
    for name, hint in hints.items():
        _check_column(hint, [entry[name] for entry in entries if name in entry])
    return [build_record(kind, values) for values in entries]


def _cleaned_column(
    column: list[Any], clean: Callable[[Any], Any], cleaned: dict[Any, Any]
) -> list[Any]:
    """One field's values cleaned by its type, each distinct value once (`cleaned`, shared
    with the reads)."""
    out = []
    for value in column:
        if isinstance(value, list):
            out.append(clean(value))
            continue
        key = (type(value), value)  # typed: 1 and True are different values here
        try:
            out.append(cleaned[key])
        except KeyError:
            out.append(cleaned.setdefault(key, clean(value)))
    return out


def _decode_columns(
    record_type: type[R], names: list[str], columns: list[list[Any]], pools: dict[str, Any]
) -> list[R]:
    from .reads import record_spec

    if len(columns) != len(names) or not all(isinstance(c, list) for c in columns):
        raise ValueError("kept columns of another shape")
    if len({len(c) for c in columns}) > 1:
        raise ValueError("kept columns of other lengths")
    hints = typing.get_type_hints(record_type)
    columns = list(columns)
    for name, at in zip(names, range(len(names)), strict=True):
        if _nested(hints[name]) is None:
            _check_column(hints[name], columns[at])
    for name, clean, cleaned in record_spec(record_type).cleaned:
        at = names.index(name)
        kind = _nested(hints[name])
        if kind is None:
            columns[at] = _cleaned_column(columns[at], clean, cleaned)
            continue
        pool = _pool_records(kind, pools.get(name))
        _check_places(columns[at], len(pool))
        columns[at] = [tuple(pool[i] for i in places) for places in columns[at]]
    new, set_state = object.__new__, object.__setattr__
    records = []
    for values in zip(*columns, strict=True):
        record = new(record_type)
        # frozen: set underneath, as `build_record` does
        set_state(record, "__dict__", dict(zip(names, values, strict=True)))
        records.append(record)
    return records


_PLACEHOLDER = re.compile(r"[0-9a-f]{32}(?:\n|\Z)")


def _kept_text(data: Any) -> str:
    """A kept text as written (`export.report`): a string whose first line is its random
    placeholder word, 32 hex digits; anything else is not one (ValueError)."""
    if not isinstance(data, str) or _PLACEHOLDER.match(data) is None:
        raise ValueError("not a kept text")
    return data


TEXT_CODEC: Codec[str] = Codec(lambda text: text, _kept_text)


def shown_name(name: Hashable) -> str:
    """The arguments as stored: equal names, equal text."""
    return json.dumps(list(name) if isinstance(name, tuple) else [name])


def count(store: Store) -> int | None:
    """The case's count of changes (None in a case made without one). Under the lock."""
    row = store.db.execute("SELECT value FROM counters WHERE name = 'changes'").fetchone()
    return None if row is None else int(row[0])


def _head(kind: str, signer: str, name: str, stamp: int, code: str) -> bytes:
    """A kept row's keys as its signature covers them: one line of JSON."""
    return json.dumps([kind, signer, name, stamp, code]).encode()


def signed_table(store: Store) -> bool:
    """Whether the case's table of kept results has signed rows; not in a case made by
    format 9 before they were signed (unreleased, made for a morning): nothing is read or
    kept there until `workbench case forget-kept` makes the table anew. Asked once per
    store. Under the lock."""
    if store.signed_derived is None:
        columns = {row[1] for row in store.db.execute("PRAGMA table_info(derived)")}
        store.signed_derived = "signature" in columns and "signer" in columns
    return store.signed_derived


def read(store: Store, kind: str, name: Hashable, stamp: int) -> Any:
    """The stored result of `kind` if this user's install kept it (its signature verifies
    under this user's key), computed at the count `stamp`, with `name`, by this code; else
    None. Under the store's lock."""
    secret = signing.key()
    if secret is None or not signed_table(store):
        return None
    signer, shown, code = signing.signer_id(secret), shown_name(name), code_digest()
    # every key in the WHERE: a stale row's payload (tens of MB at 20,000 articles) is
    # never fetched, only to be thrown away (over the network, on a server)
    row = store.db.execute(
        "SELECT payload, signature FROM derived "
        "WHERE kind = ? AND signer = ? AND name = ? AND stamp = ? AND code = ?",
        (kind, signer, shown, stamp, code),
    ).fetchone()
    if row is None:
        return None
    payload = bytes(row[0])
    if not signing.verifies(secret, _head(kind, signer, shown, stamp, code), payload, row[1]):
        return None  # another user's install, or edited in place: not trusted
    return _payload(payload)


def _payload(blob: bytes) -> Any:
    """The JSON value a kept payload holds, or None if it is damaged or hostile: computed
    again and written over. Decompressed to `MAX_PAYLOAD` at most; any error of decoding
    (a nesting too deep for the parser is a RecursionError) counts as damage."""
    try:
        inflate = zlib.decompressobj()
        text = inflate.decompress(blob, MAX_PAYLOAD)
        if inflate.unconsumed_tail or not inflate.eof:  # larger than allowed, or cut short
            return None
        return json.loads(text)
    except Exception:  # noqa: BLE001 - whatever a hostile payload raises, it is not kept
        return None


def write(store: Store, kind: str, name: Hashable, stamp: int, data: Any) -> None:
    """Keep `data` as `kind`'s result at `stamp`, in a transaction of its own that counts
    no change. Skipped when the case is busy: keeping is only a saving."""
    secret = signing.key()
    if secret is None:  # no key of this user's: nothing kept that could be trusted later
        return
    # never a blocking `with store.lock`: the keeper thread runs this, and a close from
    # inside a snapshot holds the lock while it waits for the keeper (`Store.settle`)
    if not store._lock_unless_closing():
        return
    try:
        if store.closed or not signed_table(store):
            return
    finally:
        store.lock.release()
    signer, shown, code = signing.signer_id(secret), shown_name(name), code_digest()
    payload = zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 1)
    signature = signing.sign(secret, _head(kind, signer, shown, stamp, code), payload)
    store.keep_derived(
        "INSERT INTO derived (kind, signer, name, stamp, code, payload, signature) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, signer) DO UPDATE SET "
        "name = excluded.name, stamp = excluded.stamp, code = excluded.code, "
        "payload = excluded.payload, signature = excluded.signature",
        (kind, signer, shown, stamp, code, payload, signature),
    )


__all__ = ["TEXT_CODEC", "Codec", "code_digest", "count", "read", "records_codec", "write"]
