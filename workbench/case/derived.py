"""Derived results kept in the case itself (format 9), so the first look at a large case
after opening it is a read, not minutes of work on a busy machine.

A result (the actor listing, corroboration, similar claims, the memo) is stored once
computed, under three keys that must all still hold for it to be used again:
- the case's count of changes (`counters.changes`), which every committed write bumps
  (`Store.write`, and every migration step): an edit, an undo, an added article, another
  connection's commit;
- the arguments it was computed with (`name`: a threshold, a format);
- `CODE`: a digest of the package's source and word lists, so a release (or a lexicon
  edit) that computes differently never reads a result the old code left.

Payloads are JSON (zlib-compressed), decoded into records through their own cleaning
(`reads.build_record`): never pickle, since a case file may come from anyone.
"""

from __future__ import annotations

import gc
import hashlib
import json
import types
import typing
import zlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..model import Record, to_plain

if TYPE_CHECKING:
    from .store import Store

T = TypeVar("T")
R = TypeVar("R", bound=Record)

_PACKAGE = Path(__file__).resolve().parent.parent


# what the kept results are computed by: the store and its records, the analysis, the
# memo, and the word lists they look names up in (not extraction, the views or the CLI)
_COMPUTING = ("case", "analysis", "export", "lexicon", "model.py", "dates.py", "errors.py")


@cache
def code_digest() -> str:
    """A digest of the source and data files that compute a kept result (`_COMPUTING`):
    each one's path, size and modification time (a few milliseconds, once per process;
    their contents took half a second). An installation that changes any of them, a new
    release or an edited word list, computes its results again."""
    digest = hashlib.sha256()
    paths = (p for part in _COMPUTING for p in (_PACKAGE / part, *(_PACKAGE / part).rglob("*")))
    for path in sorted(paths):
        if path.suffix in (".py", ".txt", ".json", ".csv", ".tsv", ".yaml") and path.is_file():
            stat = path.stat()
            digest.update(
                f"{path.relative_to(_PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}".encode()
            )
    return digest.hexdigest()[:16]


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
        if data["fields"] != names:  # not this code's records: computed again
            raise ValueError("kept records of other fields")
        # no garbage collection while the records are made: each of the collections their
        # number triggers would walk every object the process holds, for nothing (they
        # hold no cycles)
        collecting = gc.isenabled()
        gc.disable()
        try:
            return _decode_columns(record_type, names, data["columns"], data["pools"])
        finally:
            if collecting:
                gc.enable()

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
    from .reads import build_record, record_spec

    if len(columns) != len(names) or len({len(c) for c in columns}) > 1:
        raise ValueError("kept columns of other lengths")
    hints = typing.get_type_hints(record_type)
    columns = list(columns)
    for name, clean, cleaned in record_spec(record_type).cleaned:
        at = names.index(name)
        kind = _nested(hints[name])
        if kind is None:
            columns[at] = _cleaned_column(columns[at], clean, cleaned)
            continue
        pool = [build_record(kind, values) for values in pools[name]]
        columns[at] = [tuple(pool[i] for i in places) for places in columns[at]]
    new, set_state = object.__new__, object.__setattr__
    records = []
    for values in zip(*columns, strict=True):
        record = new(record_type)
        # frozen: set underneath, as `build_record` does
        set_state(record, "__dict__", dict(zip(names, values, strict=True)))
        records.append(record)
    return records


TEXT_CODEC: Codec[str] = Codec(lambda text: text, str)


def shown_name(name: Hashable) -> str:
    """The arguments as stored: equal names, equal text."""
    return json.dumps(list(name) if isinstance(name, tuple) else [name])


def count(store: Store) -> int | None:
    """The case's count of changes (None in a case made without one). Under the lock."""
    row = store.db.execute("SELECT value FROM counters WHERE name = 'changes'").fetchone()
    return None if row is None else int(row[0])


def read(store: Store, kind: str, name: Hashable, stamp: int) -> Any:
    """The stored result of `kind` if it was computed at the count `stamp`, with `name`, by
    this code; else None. Under the store's lock."""
    row = store.db.execute(
        "SELECT name, stamp, code, payload FROM derived WHERE kind = ?", (kind,)
    ).fetchone()
    if row is None or row[0] != shown_name(name) or row[1] != stamp or row[2] != code_digest():
        return None
    try:
        return json.loads(zlib.decompress(bytes(row[3])))
    except (zlib.error, ValueError):  # damaged: computed again and written over
        return None


def write(store: Store, kind: str, name: Hashable, stamp: int, data: Any) -> None:
    """Keep `data` as `kind`'s result at `stamp`, in a transaction of its own that counts
    no change. Skipped when the case is busy: keeping is only a saving."""
    payload = zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 1)
    store.keep_derived(
        "INSERT INTO derived VALUES (?, ?, ?, ?, ?) ON CONFLICT(kind) DO UPDATE SET "
        "name = excluded.name, stamp = excluded.stamp, code = excluded.code, "
        "payload = excluded.payload",
        (kind, shown_name(name), stamp, code_digest(), payload),
    )


__all__ = ["TEXT_CODEC", "Codec", "code_digest", "count", "read", "records_codec", "write"]
