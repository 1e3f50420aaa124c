"""Reading articles from files, corpora, directories, URLs and stdin.

`read_articles(source)` is strict: the first bad input raises InputError.
`iter_articles(sources)` is lenient: a bad file or corpus row is yielded as an InputError
value, so the caller can report it and go on with the rest.

Metadata, later sources winning: what the document itself says (front matter, HTML
metadata, PDF info), then a sidecar `NAME.meta.json` beside the file. The `published`
option only fills a date that is still missing.

A CSV or JSONL corpus (up to 1 GB) is read as a stream, row by row, never whole: its
encoding is told from a sample (its first 64 KB and a few windows further in) and checked
as the rest is read; a CSV's delimiter (comma, semicolon or tab) from its header.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import json
import os
import re
import stat
import sys
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from .dates import parse_optional_day
from .documents import Metadata, metadata_from, parse_document, read_sidecar, sniff_format
from .errors import InputError
from .fetch import fetch_url, is_url
from .files import shown
from .model import Article, slug
from .normalize import bom_encoding, detect_encoding, looks_binary, normalize_text

DEFAULT_MAX_BYTES = 20_000_000
# A corpus holds many articles: its file may be larger, each row's text still may not.
CORPUS_MAX_BYTES = 1_000_000_000
DEFAULT_TIMEOUT = 20.0
FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".csv": "csv",
    ".jsonl": "jsonl",
}
FORMATS_HINT = "use .txt, .md, .html, .pdf, .csv, .jsonl or a URL"
# Files a folder of articles usually carries that are not articles, skipped without a word
# (besides hidden files and sidecars): README, README.md, LICENSE.txt, CHANGELOG.md... and
# the SOURCES.md of the sample folder. Any other name is read: `notice.txt` may be a story.
_NOT_ARTICLES = re.compile(r"(readme|licen[cs]e|changelog)(\.[^.]+)?|sources\.md", re.IGNORECASE)
# A corpus is read as a stream: its start tells its encoding and, for CSV, its delimiter;
# a few windows further in catch a legacy character that its start lacks.
_SAMPLE_BYTES = 65_536
_PROBE_BYTES = 16_384
_PROBES = 4
_CSV_DELIMITERS = ",;\t"
# A JSONL record may escape every character of its text (`\u0645` is 6 characters for 2
# bytes), so a line's limit is a multiple of the limit on one article's text.
_JSONL_LINE_FACTOR = 6


@dataclass(frozen=True)
class _Options:
    published: datetime.date | None
    max_bytes: int
    timeout: float
    public_only: bool = False


class _Ids:
    """Readable article ids, unique within one call: `story`, `story-2`, ..."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{base}-{n}"
        self._taken.add(candidate)
        return candidate


def read_articles(
    source: str,
    *,
    published: object = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    public_only: bool = False,
) -> list[Article]:
    """Every article in one input (file, corpus, directory, URL or "-"); raises InputError.

    public_only: a URL inside a network is refused (see `fetch_url`).
    """
    options = _options(published, max_bytes, timeout, public_only=public_only)
    articles = []
    # closing: a corpus stops at its first bad row, and its file is closed then, not later
    with closing(_read_source(str(source), options, _Ids())) as items:
        for item in items:
            if isinstance(item, InputError):
                raise item
            articles.append(item)
    return articles


def iter_articles(
    sources: Iterable[str],
    *,
    published: object = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[Article | InputError]:
    """Articles in input order, with each bad file or row yielded as an InputError value."""
    options = _options(published, max_bytes, timeout)
    ids = _Ids()
    for source in sources:
        yield from _read_source(str(source), options, ids)


def _options(
    published: object, max_bytes: int, timeout: float, *, public_only: bool = False
) -> _Options:
    day = parse_optional_day(published)
    return _Options(published=day, max_bytes=max_bytes, timeout=timeout, public_only=public_only)


# --- dispatch ------------------------------------------------------------------------------


def _read_source(
    source: str, options: _Options, ids: _Ids
) -> Generator[Article | InputError, None, None]:
    """A generator, not any iterator: `read_articles` closes it at the first bad item."""
    if source == "-":
        yield from _guarded(_read_stdin, options, ids)
    elif is_url(source):
        yield from _guarded(_read_url, source, options, ids)
    else:
        path = Path(source)
        if path.is_dir():
            for file in _directory_files(path):
                yield from _guarded(_read_file, file, options, ids)
        elif not path.exists():
            yield InputError(f"{shown(source)}: no such file or directory")
        else:
            yield from _guarded(_read_file, path, options, ids)


def _guarded(reader, *args) -> Iterator[Article | InputError]:
    """Run a reader, turning an InputError that ends it into a yielded value."""
    try:
        yield from reader(*args)
    except InputError as exc:
        yield exc


def _directory_files(root: Path) -> Iterator[Path]:
    """Files under root in sorted order, without hidden files, sidecars, READMEs and licences."""
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "__")))
        for name in sorted(names):
            if name.startswith(".") or name.endswith(".meta.json"):
                continue
            if _NOT_ARTICLES.fullmatch(name):
                continue
            yield Path(folder) / name


def _read_file(path: Path, options: _Options, ids: _Ids) -> Iterator[Article | InputError]:
    name = shown(path)  # for messages: a file name may hold a newline or an escape code
    _check_regular(path, name=name)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        what = f"unsupported format {path.suffix}" if path.suffix else "no file extension"
        raise InputError(f"{name}: {what}; {FORMATS_HINT}")
    if kind in ("csv", "jsonl"):
        yield from _read_corpus(path, kind, options, ids)
        return
    data = _read_bytes(path, name=name, max_bytes=options.max_bytes)
    text, meta = parse_document(data, kind=kind, name=name)
    meta = meta.updated(read_sidecar(path))
    yield _article(text, meta, base_id=slug(path.stem), path=name, options=options, ids=ids)


def _read_bytes(path: Path, *, name: str, max_bytes: int) -> bytes:
    try:
        # Checked before reading: a 50 MB file is refused without loading it.
        _check_size(path, name=name, max_bytes=max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    if len(data) > max_bytes:
        raise _too_big(name, len(data), max_bytes)
    if not data:
        raise InputError(f"{name}: the file is empty")
    return data


def _check_regular(path: Path, *, name: str) -> None:
    """Only regular files are read: opening a named pipe waits for a writer forever, and a
    device may never end. `stat` takes no descriptor, so nothing blocks here."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise _unreadable(name, exc) from None
    if not stat.S_ISREG(mode):
        raise InputError(
            f"{name}: not a regular file (a named pipe, device or socket); give a file"
        )


def _check_size(path: Path, *, name: str, max_bytes: int) -> None:
    size = path.stat().st_size
    if size > max_bytes:
        raise _too_big(name, size, max_bytes)


def _unreadable(name: str, exc: OSError) -> InputError:
    if isinstance(exc, PermissionError):
        return InputError(f"{name}: cannot read this file (permission denied)")
    return InputError(f"{name}: cannot read this file ({exc.strerror or exc})")


def _too_big(name: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{name}: the file is too big ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:g} MB)"
    )


def _read_stdin(options: _Options, ids: _Ids) -> Iterator[Article]:
    if sys.stdin is None:  # started without one, e.g. by a service manager
        raise InputError("standard input: nothing was given")
    stream = getattr(sys.stdin, "buffer", None)
    raw = stream.read(options.max_bytes + 1) if stream else sys.stdin.read().encode("utf-8")
    if len(raw) > options.max_bytes:
        raise _too_big("standard input", len(raw), options.max_bytes)
    if not raw:
        raise InputError("standard input: nothing was given")
    text, meta = parse_document(raw, kind=sniff_format(raw) or "text", name="standard input")
    yield _article(text, meta, base_id="stdin", path=None, options=options, ids=ids)


def _read_url(url: str, options: _Options, ids: _Ids) -> Iterator[Article]:
    fetched = fetch_url(
        url,
        timeout=options.timeout,
        max_bytes=options.max_bytes,
        public_only=options.public_only,
    )
    if not fetched.data.strip():
        raise InputError(f"{url}: the page is empty")
    kind = _kind_of_response(fetched.content_type, fetched.url, fetched.data)
    if kind is None:
        raise InputError(f"{url}: unsupported content type {fetched.content_type}; {FORMATS_HINT}")
    data = fetched.data if kind == "pdf" else _decode_declared(fetched.data, fetched.charset)
    text, meta = parse_document(data, kind=kind, name=url, url=fetched.url)
    meta = Metadata(url=fetched.url).updated(meta)
    yield _article(text, meta, base_id=_url_slug(url), path=None, options=options, ids=ids)


def _decode_declared(data: bytes, charset: str | None) -> bytes | str:
    """Text in the charset the server declared; the bytes, to be guessed, when that fails.

    Valid UTF-8 comes first: servers often declare a default charset they do not use.
    """
    if bom_encoding(data):
        return data  # its byte order mark says how to read it: parse_document does
    if looks_binary(data):
        return data  # for parse_document to refuse
    for encoding in ("utf-8", charset):
        if encoding:
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return data


_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}


def _kind_of_response(content_type: str, url: str, data: bytes) -> str | None:
    if content_type in _CONTENT_TYPES:
        return _CONTENT_TYPES[content_type]
    by_suffix = FORMATS.get(PurePosixPath(urlsplit(url).path).suffix.lower())
    if by_suffix in ("html", "pdf", "text", "markdown"):
        return by_suffix
    return sniff_format(data)


# --- metadata and articles -----------------------------------------------------------------


def _article(
    text: str, meta: Metadata, *, base_id: str, path: str | None, options: _Options, ids: _Ids
) -> Article:
    return Article(
        id=ids.take(base_id),
        text=text,
        title=meta.title,
        published=meta.published or options.published,
        outlet=meta.outlet,
        url=meta.url,
        path=path,
        author=meta.author,
    )


def _url_slug(url: str) -> str:
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    stems = [PurePosixPath(s).stem for s in segments]
    while stems and stems[-1].lower() in ("index", "default", "article", ""):
        stems.pop()
    return slug(stems[-1] if stems else parts.hostname or "page", fallback="page")


# --- corpora -------------------------------------------------------------------------------


def _corpus_articles(
    rows: Iterator[tuple[str, dict[str, Any]] | InputError],
    *,
    path: Path,
    options: _Options,
    ids: _Ids,
) -> Iterator[Article | InputError]:
    stem = slug(path.stem)
    for number, item in enumerate(rows, start=1):
        if isinstance(item, InputError):
            yield item
            continue
        where, row = item
        try:
            row = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
            text = row.get("text")
            if not isinstance(text, str):
                raise InputError(f"{where}: the text should be a string")
            text = normalize_text(text)
            if not text:
                raise InputError(f"{where}: the text is empty")
            meta = metadata_from(row, name=where)
        except InputError as exc:
            yield exc
            continue
        row_id = str(row.get("id") or "").strip() or str(number)
        base_id = f"{stem}-{slug(row_id, fallback=str(number))}"
        yield _article(text, meta, base_id=base_id, path=str(path), options=options, ids=ids)


def _read_corpus(path: Path, kind: str, options: _Options, ids: _Ids) -> Iterator:
    """A CSV or JSONL corpus, row by row: the file is never held in memory whole."""
    name = shown(path)
    try:
        _check_size(path, name=name, max_bytes=max(options.max_bytes, CORPUS_MAX_BYTES))
        handle = path.open("rb")
    except OSError as exc:
        raise _unreadable(name, exc) from None
    with handle:
        try:
            head, probes = _corpus_sample(handle)
            handle.seek(0)
        except OSError as exc:
            raise _unreadable(name, exc) from None
        if not head:
            raise InputError(f"{name}: the file is empty")
        complete = not probes and len(head) < _SAMPLE_BYTES
        encoding = detect_encoding(
            _whole_lines(head) + probes if probes else head, name=name, complete=complete
        )
        # strict: a byte past the sample that the encoding cannot read ends the corpus with
        # an error, rather than a character silently replaced
        stream = io.TextIOWrapper(
            handle, encoding=encoding, errors="strict", newline="" if kind == "csv" else "\n"
        )
        if kind == "csv":
            head_text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head)
            rows = _csv_rows(stream, head_text, name=name, max_bytes=options.max_bytes)
        else:
            line_limit = _JSONL_LINE_FACTOR * options.max_bytes
            rows = _jsonl_rows(stream, name=name, max_chars=line_limit)
        yield from _corpus_articles(rows, path=path, options=options, ids=ids)


def _corpus_sample(handle: io.BufferedReader) -> tuple[bytes, bytes]:
    """The first bytes of a corpus, and whole lines from a few places further in."""
    head = handle.read(_SAMPLE_BYTES)
    if len(head) < _SAMPLE_BYTES or b"\x00" in head or b"\n" not in head:
        return head, b""  # all of it; or UTF-16/32, binary, or a first line longer than it
    size = os.fstat(handle.fileno()).st_size
    probes = []
    for number in range(1, _PROBES + 1):
        handle.seek(max(size * number // (_PROBES + 1), _SAMPLE_BYTES))
        window = _whole_lines(handle.read(_PROBE_BYTES), drop_first=True)
        probes.append(window)
    return head, b"".join(probes)


def _whole_lines(data: bytes, *, drop_first: bool = False) -> bytes:
    """The complete lines in a window of an ASCII-compatible text: no character cut in two."""
    start = data.find(b"\n") + 1 if drop_first else 0
    end = data.rfind(b"\n") + 1
    return data[start:end] if end > start else b""


def _changed_encoding(where: str, encoding: str) -> InputError:
    return InputError(
        f"{where}: the text stops being valid {encoding} here, unlike the start of the file; "
        "save the file as UTF-8 and try again"
    )


def _csv_rows(stream: io.TextIOWrapper, head: str, *, name: str, max_bytes: int) -> Iterator:
    # A news article in one cell easily passes csv's default field limit of 128 KB.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    reader = csv.DictReader(stream, delimiter=_csv_delimiter(head))
    try:
        columns = [str(c).strip().lower() for c in reader.fieldnames or ()]
    except csv.Error as exc:
        raise InputError(f"{name}: not a readable CSV file ({exc})") from None
    except UnicodeDecodeError:
        raise _changed_encoding(name, stream.encoding) from None
    if "text" not in columns:
        found = ", ".join(c for c in columns if c) or "none"
        raise InputError(
            f"{name}: a corpus needs a 'text' column with each article's text "
            f"(found the columns: {found})"
        )
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"{name}, row {number}: not readable as CSV ({exc})")
            return
        except UnicodeDecodeError:
            # the decoder reads ahead: the bad byte is in this row or a few rows further on
            yield _changed_encoding(f"{name}, near row {number}", stream.encoding)
            return
        yield f"{name}, row {number}", row


def _csv_delimiter(head: str) -> str:
    """Comma, semicolon or tab: the one that gives a `text` column, else csv.Sniffer's guess."""
    for delimiter in _CSV_DELIMITERS:
        try:
            header = next(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter), [])
        except csv.Error:
            continue
        if "text" in (column.strip().lower() for column in header):
            return delimiter
    lines = head[: head.rfind("\n") + 1] or head
    try:
        return csv.Sniffer().sniff(lines, delimiters=_CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _jsonl_rows(stream: io.TextIOWrapper, *, name: str, max_chars: int) -> Iterator:
    """One JSON object a line. Lines end at "\n" only: U+2028 or U+0085 may sit in a string."""
    lineno = 0
    while True:
        lineno += 1
        where = f"{name}, line {lineno}"
        try:
            line = stream.readline(max_chars + 1)
            if len(line) > max_chars and not line.endswith("\n"):
                _skip_line(stream)
                yield InputError(
                    f"{where}: the record is too long (over {max_chars / 1e6:g} million characters)"
                )
                continue
        except UnicodeDecodeError:
            # the decoder reads ahead: the bad byte is on this line or a few lines further on
            yield _changed_encoding(f"{name}, near line {lineno}", stream.encoding)
            return
        if not line:
            return
        line = line.removesuffix("\n").removesuffix("\r")
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            yield InputError(f"{where}: expected a JSON object with a 'text' field")
            continue
        yield where, row


def _skip_line(stream: io.TextIOWrapper) -> None:
    while (part := stream.readline(_SAMPLE_BYTES)) and not part.endswith("\n"):
        pass


__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "iter_articles", "read_articles", "slug"]
