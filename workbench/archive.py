"""An archive of extractions as a Parquet dataset, and a case's selection from it.

`workbench extract --dask` writes one (see `workbench.distributed` and docs/archives.md):
a folder with one sub-folder per table, each Hive-partitioned by input partition::

    archive/
      _workbench_archive.json          format, extraction schema, model, counts
      articles/part=0/part-0.parquet    one row per article (its text and metadata)
      actors/part=0/part-0.parquet      one row per actor of an article
      mentions/...  claims/...  events/...  relations/...

Every row carries `seq`, the article's place in the input (0, 1, 2, ...), so the archive
gives the extractions back in input order and a table joins to its article by it. The
Parquet files also carry the archive format and the extraction schema in their metadata.

`read_extractions` gives back `Extraction`s equal to those written; `add_archive` puts a
selection of them (by words in the title or text, publication dates, outlet) into a case
through the case's public `add_extraction`, one transaction per article.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
import types
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .model import (
    SCHEMA_ID,
    Actor,
    Article,
    Claim,
    Event,
    Extraction,
    Mention,
    Relation,
    to_plain,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from .case import CaseArticle, CaseFile

ARCHIVE_FORMAT = "workbench.archive/1"
MANIFEST = "_workbench_archive.json"
TABLES = ("articles", "actors", "mentions", "claims", "events", "relations")
CHUNK = 500  # articles read back at a time: memory stays flat however large the archive


class ArchiveError(InputError):
    """An archive that cannot be written or read as asked."""


# each table holds one record type's fields (worked out from the model, so a field added
# there is archived too), after `seq` and, but for articles, `n`: the record's place in
# its extraction. Mentions are their own table, tied to their actor by `actor_id`.
_RECORDS = {
    "articles": Article,
    "actors": Actor,
    "mentions": Mention,
    "claims": Claim,
    "events": Event,
    "relations": Relation,
}


def _arrow_type(hint: Any) -> pa.DataType:
    import pyarrow as pa

    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        hint = args[0]
    if hint is datetime.date:
        return pa.date32()
    if hint is bool:
        return pa.bool_()
    if hint is int:
        return pa.int64()
    if hint is float:
        return pa.float64()
    if typing.get_origin(hint) is tuple:
        return pa.list_(pa.string())
    return pa.string()  # text, enums by value, partial dates in their ISO form


@lru_cache(maxsize=1)
def _schemas() -> dict[str, pa.Schema]:
    import pyarrow as pa

    metadata = {"workbench.archive": ARCHIVE_FORMAT, "workbench.extraction": SCHEMA_ID}
    schemas = {}
    for table, record in _RECORDS.items():
        hints = typing.get_type_hints(record)
        columns = [pa.field("seq", pa.int64())]
        if table != "articles":
            columns.append(pa.field("n", pa.int64()))
        if table == "mentions":
            columns.append(pa.field("actor_id", pa.string()))
        columns += [
            pa.field(f.name, _arrow_type(hints[f.name]))
            for f in fields(record)
            if f.name != "mentions"
        ]
        schemas[table] = pa.schema(columns, metadata=metadata)
    return schemas


_COLUMNS: dict[type, tuple[str, ...]] = {}


def _columns(record_type: type) -> tuple[str, ...]:
    found = _COLUMNS.get(record_type)
    if found is None:
        found = _COLUMNS[record_type] = tuple(
            f.name for f in fields(record_type) if f.name != "mentions"
        )
    return found


_PLAIN = (str, int, float, bool, type(None))


def _row(record: Any, **extra: Any) -> dict[str, Any]:
    # the archive is written on the client for every partition: text, numbers and days go
    # in as they are and only enums, partial dates and lists through `to_plain` (the
    # generic path cost a tenth of the extraction's own CPU time)
    row = dict(extra)
    for name in _columns(type(record)):
        value = getattr(record, name)
        if type(value) in _PLAIN or isinstance(value, datetime.date):
            row[name] = value
        else:
            row[name] = to_plain(value)
    return row


def extraction_rows(seq: int, extraction: Extraction) -> dict[str, list[dict[str, Any]]]:
    """The rows one extraction adds to each table."""
    rows: dict[str, list[dict[str, Any]]] = {"articles": [_row(extraction.article, seq=seq)]}
    rows["actors"] = [_row(a, seq=seq, n=n) for n, a in enumerate(extraction.actors)]
    rows["mentions"] = [
        _row(m, seq=seq, n=n, actor_id=a.id)
        for n, a in enumerate(extraction.actors)
        for m in a.mentions
    ]
    for table in ("claims", "events", "relations"):
        records = getattr(extraction, table)
        rows[table] = [_row(r, seq=seq, n=n) for n, r in enumerate(records)]
    return rows


def write_partition(
    folder: str | os.PathLike[str], number: int, items: Sequence[tuple[int, Extraction]]
) -> None:
    """Write the extractions of one input partition (`(seq, extraction)` pairs), each
    table's file whole or not at all."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for seq, extraction in items:
        for table, rows in extraction_rows(seq, extraction).items():
            tables[table] += rows
    for table, schema in _schemas().items():
        where = Path(folder) / table / f"part={number}"
        where.mkdir(parents=True, exist_ok=True)
        data = pa.Table.from_pylist(tables[table], schema=schema)
        fd, tmp = tempfile.mkstemp(dir=where, prefix=".part-", suffix=".tmp")
        os.close(fd)
        pq.write_table(data, tmp)
        os.replace(tmp, where / f"part-{number}.parquet")


def start_archive(folder: str | os.PathLike[str]) -> Path:
    """Make the archive's folder; refuse one that holds anything (runs never mix)."""
    path = Path(folder)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ArchiveError(f"cannot write an archive to {path}: it exists and is not empty")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchiveError(f"cannot write an archive to {path}: {exc.strerror or exc}") from None
    return path


def finish_archive(folder: str | os.PathLike[str], **facts: Any) -> None:
    """Write the manifest last: an archive without one is an unfinished run."""
    manifest = {"format": ARCHIVE_FORMAT, "extraction_schema": SCHEMA_ID} | facts
    path = Path(folder) / MANIFEST
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def read_manifest(folder: str | os.PathLike[str]) -> dict[str, Any]:
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        what = "an unfinished archive" if Path(folder).is_dir() else "no archive"
        raise ArchiveError(f"{folder}: {what} (no {MANIFEST})") from None
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"{folder}: cannot read {MANIFEST} ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
        raise ArchiveError(f"{folder}: not a {ARCHIVE_FORMAT} archive")
    if manifest.get("extraction_schema") != SCHEMA_ID:
        raise ArchiveError(
            f"{folder}: holds {manifest.get('extraction_schema')!r} extractions; "
            f"this release reads {SCHEMA_ID}"
        )
    return manifest


def _dataset(folder: Path, table: str):
    import pyarrow.dataset as ds

    return ds.dataset(
        folder / table, format="parquet", partitioning="hive", schema=_with_part(table)
    )


def _with_part(table: str) -> pa.Schema:
    import pyarrow as pa

    return _schemas()[table].append(pa.field("part", pa.int32()))


def _selection(
    query: str | None, since: datetime.date | None, until: datetime.date | None, outlet: str | None
):
    import pyarrow.compute as pc

    wanted = pc.scalar(True)
    if since is not None:
        wanted = wanted & (pc.field("published") >= pc.scalar(since))
    if until is not None:
        wanted = wanted & (pc.field("published") <= pc.scalar(until))
    if outlet is not None:
        wanted = wanted & (pc.utf8_lower(pc.field("outlet")) == outlet.casefold())
    if query is not None:
        in_text = pc.match_substring(pc.field("text"), query, ignore_case=True)
        in_title = pc.match_substring(
            pc.coalesce(pc.field("title"), pc.scalar("")), query, ignore_case=True
        )
        wanted = wanted & (in_text | in_title)
    return wanted


def _by_seq(rows: Iterable[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r["seq"], r.get("n", 0))):
        grouped[row["seq"]].append(row)
    return grouped


def _rows(folder: Path, table: str, parts: set[int], seqs: set[int]) -> list[dict[str, Any]]:
    import pyarrow.compute as pc

    wanted = pc.field("part").isin(sorted(parts)) & pc.field("seq").isin(sorted(seqs))
    return _dataset(folder, table).to_table(filter=wanted).to_pylist()


def _extraction(article: dict[str, Any], tables: dict[str, dict[int, list[dict[str, Any]]]]):
    seq = article["seq"]
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for m in tables["mentions"].get(seq, []):
        mentions[m["actor_id"]].append(Mention.from_dict(m))
    return Extraction(
        article=Article.from_dict(article),
        actors=tuple(
            Actor.from_dict(a | {"mentions": mentions[a["id"]]})
            for a in tables["actors"].get(seq, [])
        ),
        claims=tuple(Claim.from_dict(c) for c in tables["claims"].get(seq, [])),
        events=tuple(Event.from_dict(e) for e in tables["events"].get(seq, [])),
        relations=tuple(Relation.from_dict(r) for r in tables["relations"].get(seq, [])),
    )


def read_extractions(
    folder: str | os.PathLike[str],
    *,
    query: str | None = None,
    since: object = None,
    until: object = None,
    outlet: str | None = None,
    limit: int | None = None,
) -> Iterator[Extraction]:
    """The archived extractions that match, in input order.

    `query`: words found (case-insensitively) in the title or the text; `since`/`until`:
    publication dates, each end included (read by the one date parser); `outlet`: the
    outlet's name, in any case. Articles are read `CHUNK` at a time.
    """
    from .dates import parse_optional_day

    path = Path(folder)
    read_manifest(path)
    if not (path / "articles").is_dir():
        return  # a finished run that had no article
    first = parse_optional_day(since, what="since date")
    last = parse_optional_day(until, what="until date")
    selected = _dataset(path, "articles").to_table(
        columns=["seq", "part"], filter=_selection(query, first, last, outlet)
    )
    pairs = sorted(zip(selected["seq"].to_pylist(), selected["part"].to_pylist(), strict=True))
    if limit is not None:
        pairs = pairs[:limit]
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        seqs, parts = {s for s, _ in chunk}, {p for _, p in chunk}
        tables = {t: _by_seq(_rows(path, t, parts, seqs)) for t in TABLES}
        for seq, _ in chunk:
            article = {k: v for k, v in tables["articles"][seq][0].items() if k != "part"}
            yield _extraction(article, tables)


def add_archive(
    case: CaseFile,
    folder: str | os.PathLike[str],
    *,
    query: str | None = None,
    since: object = None,
    until: object = None,
    outlet: str | None = None,
    limit: int | None = None,
    on_added: Callable[[CaseArticle], None] | None = None,
) -> list[CaseArticle]:
    """Add the selected articles of an archive to `case`, with their extractions as
    archived (no spaCy run): one transaction per article; an article already in the
    case is not added again. Returns the case's articles, in archive order."""
    manifest = read_manifest(folder)
    added = []
    for extraction in read_extractions(
        folder, query=query, since=since, until=until, outlet=outlet, limit=limit
    ):
        article = case.add_extraction(extraction, model=manifest.get("model"))
        added.append(article)
        if on_added is not None:
            on_added(article)
    return added


__all__ = [
    "ARCHIVE_FORMAT",
    "ArchiveError",
    "TABLES",
    "add_archive",
    "extraction_rows",
    "finish_archive",
    "read_extractions",
    "read_manifest",
    "start_archive",
    "write_partition",
]
