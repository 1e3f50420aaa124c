"""Rows to records: the store's read boundary. Nothing above this module sees a row."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from ..collector import collector_held
from ..errors import NotFoundError
from ..model import Origin, _cleaners_of
from . import backend
from .migrations import CHECKING_FORMAT, LANGUAGE_FORMAT, LISTING_FORMAT, SESSION_FORMAT
from .records import (
    CaseActor,
    CaseArticle,
    CaseClaim,
    CaseEvent,
    CaseMention,
    CaseRelation,
    HistoryEntry,
    Note,
    Records,
    SourceLink,
)
from .store import Store

_ARTICLE_COLUMNS = "id, text, title, published, outlet, url, path, author, added_at, model"
# listings follow the order articles were added, then the text
_BY_ARTICLE = "(SELECT a.rowid FROM articles a WHERE a.id = article_id)"


R = TypeVar("R")


@dataclasses.dataclass(frozen=True)
class _Spec:
    """What building a record of one class needs, worked out once per class."""

    fields: tuple[tuple[str, Any], ...]  # (name, default or MISSING), in field order
    names: frozenset[str]
    required: frozenset[str]  # fields without a default
    # the fields with a cleaner: name, cleaner, and the values it cleaned so far
    cleaned: tuple[tuple[str, Callable[[Any], Any], dict[Any, Any]], ...]


_SPECS: dict[type, _Spec] = {}


def _spec(cls: type) -> _Spec:
    found = _SPECS.get(cls)
    if found is None:
        cleaners = dict(_cleaners_of(cls))
        fields = tuple((f.name, f.default) for f in dataclasses.fields(cls) if f.init)
        found = _SPECS[cls] = _Spec(
            fields=fields,
            names=frozenset(name for name, _ in fields),
            required=frozenset(n for n, d in fields if d is dataclasses.MISSING),
            cleaned=tuple((n, cleaners[n], {}) for n, _ in fields if n in cleaners),
        )
    return found


def record_spec(cls: type) -> _Spec:
    """What building a record of `cls` needs (its fields, their cleaners and the values
    each cleaned so far): for `derived`, which rebuilds kept records the same way."""
    return _spec(cls)


def build_record(cls: type[R], values: Mapping[str, Any]) -> R:
    """`cls(**values)`: the same record, made several times faster for the many rows of a
    large case (tests/analysis/test_scale.py compares the two).

    A record's constructor cleans each field by its type (`model.Record`): an enum from its
    value, a date through the one date parser. A case repeats the same few statuses, kinds
    and dates thousands of times, so each distinct value is cleaned once per field here and
    its cleaned form reused: the cleaners are pure functions of the value and give
    immutable values. Lists (the JSON columns) are cleaned each time. Only the fields that
    have a cleaner are visited one by one (a claim has 17 fields, 8 of them cleaned).
    """
    spec = _spec(cls)
    keys = values.keys()
    if not keys <= spec.names:
        raise TypeError(f"{cls.__name__} has no field {sorted(set(keys) - spec.names)[0]!r}")
    if not spec.required <= keys:
        missing = next(n for n, _ in spec.fields if n in spec.required and n not in keys)
        raise TypeError(f"{cls.__name__} needs a value for {missing!r}")
    get = values.get
    state = {name: get(name, default) for name, default in spec.fields}
    for name, clean, cleaned in spec.cleaned:
        value = state[name]
        key = (type(value), value)  # typed: 1 and True are different values here
        try:
            state[name] = cleaned[key]
        except KeyError:
            state[name] = cleaned[key] = clean(value)
        except TypeError:  # a list: not hashable, cleaned each time
            state[name] = clean(value)
    record = object.__new__(cls)
    # frozen: set as the dataclass's own __init__ does, underneath
    object.__setattr__(record, "__dict__", state)
    return record


def _json(value: str | None, default: Any = None) -> Any:
    if not value:
        return default
    return [] if value == "[]" else json.loads(value)


def _get(row: sqlite3.Row, name: str, default: Any) -> Any:
    """A column a case at an older format lacks (one being filled from an old export)."""
    return row[name] if name in row.keys() else default  # noqa: SIM118 - a Row iterates values


def _where(conditions: dict[str, Any]) -> tuple[str, list[Any]]:
    used = {k: v for k, v in conditions.items() if v is not None}
    if not used:
        return "", []
    return " WHERE " + " AND ".join(f"{k} = ?" for k in used), list(used.values())


def article_from_row(row: sqlite3.Row) -> CaseArticle:
    return build_record(CaseArticle, dict(row))


def load_articles(store: Store, *, article_id: str | None = None) -> Records[CaseArticle]:
    where, params = _where({"id": article_id})
    language = "language" if store.format_version >= LANGUAGE_FORMAT else "NULL AS language"
    rows = store.rows(
        f"SELECT {_ARTICLE_COLUMNS}, {language} FROM articles{where} ORDER BY rowid", params
    )
    return Records.of(CaseArticle, (article_from_row(r) for r in rows))


def load_actors(store: Store, *, actor_id: str | None = None) -> Records[CaseActor]:
    if actor_id is not None:
        if backend.on_server(store.db):
            sql, params = one_actor_on_server(store, actor_id)
            return actors_on_server(actor_id, store.rows(sql, params))
        return _actor_records(*_read_actors(store, [actor_id]))
    # the whole listing is a burst of records and lists (a record, its names and its
    # articles for each of 5,000 actors, and each actor's articles decoded): with the
    # collector on, 90 passes ran while it was made, one of them a full pass over
    # everything the process holds (0.06 of the 0.16 s of CPU of a first listing at
    # 5,000 articles, the spaCy model loaded)
    with collector_held():
        return _actor_records(*_read_actors(store, None))


def load_actors_by_id(store: Store, actor_ids: Iterable[str]) -> dict[str, CaseActor]:
    """The actors with these ids, by id, each the one `load_actors(actor_id=...)` reads, in
    one consistent read of a few queries per `BY_ID_CHUNK` ids (not per actor: on a
    server each query is a round trip); an id the case does not hold is left out."""
    ids = list(dict.fromkeys(actor_ids))
    found: dict[str, CaseActor] = {}
    with store.snapshot():
        for at in range(0, len(ids), BY_ID_CHUNK):
            chunk = ids[at : at + BY_ID_CHUNK]
            if backend.on_server(store.db):
                sql, params = _actors_on_server_sql(store, chunk)
                for row in store.rows(sql, params):
                    found.update((a.id, a) for a in actors_on_server(row["id"], [row]))
            else:
                found.update((a.id, a) for a in _actor_records(*_read_actors(store, chunk)))
    return found


def _actor_records(
    rows: Sequence[Any],  # rows of `actors` (sqlite3.Row, or a dict worked out: `actor_after`)
    aliases: dict[str, list[str]],
    articles: dict[str, list[str]],
    counts: dict[str, int],
) -> Records[CaseActor]:
    # each record made straight from its values (as `build_record` would make it, in
    # field order): its four tuples need no cleaning, and `build_record` would hash each
    # one (an actor's articles run to thousands) to look it up among the values it cleaned
    cleaned = {name: (clean, seen) for name, clean, seen in _spec(CaseActor).cleaned}
    (clean_type, types), (clean_status, statuses) = cleaned["type"], cleaned["status"]
    new, put = object.__new__, object.__setattr__
    no_names: list[str] = []
    actors = []
    # an older format has no version (a Row iterates values: its keys are asked for)
    versioned = bool(rows) and "version" in rows[0].keys()  # noqa: SIM118
    for r in rows:
        actor_id, name, type_, status = r["id"], r["name"], r["type"], r["status"]
        edited = tuple(_json(r["edited"], []))
        names = aliases.get(actor_id, no_names)
        key = (type(type_), type_)  # typed, as `build_record` keys the values it cleaned
        try:
            type_ = types[key]
        except KeyError:
            type_ = types[key] = clean_type(type_)
        key = (type(status), status)
        try:
            status = statuses[key]
        except KeyError:
            status = statuses[key] = clean_status(status)
        record = new(CaseActor)
        put(
            record,
            "__dict__",
            {
                "id": actor_id,
                "name": name,
                "type": type_,
                "aliases": tuple(names) if name in names else (name, *names),
                "roles": tuple(_json(r["roles"], [])),
                "status": status,
                "articles": tuple(articles.get(actor_id, ())),
                "mention_count": counts.get(actor_id, 0),
                "origin": Origin.USER if edited else Origin.EXTRACTED,
                "edited": edited,
                "version": r["version"] if versioned else 1,
            },
        )
        actors.append(record)
    return Records.of(CaseActor, actors)


def _ids_in(column: str, ids: Sequence[str] | None) -> tuple[str, list[Any]]:
    """A WHERE clause keeping the rows whose `column` is one of `ids` (all rows: None)."""
    if ids is None:
        return "", []
    return f" WHERE {column} IN ({', '.join('?' for _ in ids)})", list(ids)


def _read_actors(
    store: Store, actor_ids: Sequence[str] | None
) -> tuple[list[sqlite3.Row], dict[str, list[str]], dict[str, list[str]], dict[str, int]]:
    """Actors' rows (every actor's, or those of `actor_ids`), their names (alias rules,
    then the forms the articles use), articles and mention counts, read in one snapshot."""
    where, params = _ids_in("id", actor_ids)
    with store.snapshot():
        rows = store.rows(f"SELECT * FROM actors{where} ORDER BY rowid", params)
        alias_where, alias_params = _ids_in("actor_id", actor_ids)
        aliases: dict[str, list[str]] = defaultdict(list)
        for r in store.rows(
            f"SELECT actor_id, alias FROM aliases{alias_where} ORDER BY rowid", alias_params
        ):
            if r["alias"] not in aliases[r["actor_id"]]:
                aliases[r["actor_id"]].append(r["alias"])
        # surface forms that normalise alike ("Al-Mamlouk", "Mamlouk") share one alias
        # rule; the actor still lists every form the articles use
        # a mention a person removed names nobody
        checked = store.format_version >= CHECKING_FORMAT
        kept = (" AND " if alias_where else " WHERE ") + "review != 'rejected'" if checked else ""
        # grouped in SQL over the `mentions_actor_article` index (format 8): an actor
        # named in thousands of articles is read alone in milliseconds, every actor of a
        # case of 5,000 articles in a fifth of a second of CPU (SQLite)
        where = f"{alias_where}{kept}"
        articles: dict[str, list[str]] = defaultdict(list)
        counts: dict[str, int] = defaultdict(int)
        if listing_kept(store):
            _listing_from_inputs(store, actor_ids, aliases, articles, counts)
            return rows, aliases, articles, counts
        for r in store.rows(
            f"SELECT DISTINCT actor_id, text FROM mentions{where} ORDER BY rowid",
            alias_params,
        ):
            if r["text"] not in aliases[r["actor_id"]]:
                aliases[r["actor_id"]].append(r["text"])
        if backend.on_server(store.db):
            for r in store.rows(
                f"SELECT actor_id, article_id, count(*) AS n FROM mentions{where} "
                "GROUP BY actor_id, article_id ORDER BY min(rowid)",
                alias_params,
            ):
                articles[r["actor_id"]].append(r["article_id"])
                counts[r["actor_id"]] += r["n"]
        else:
            _articles_by_actor(store, actor_ids, checked, articles, counts)
    return rows, aliases, articles, counts


_JSON_DECODER = json.JSONDecoder()


def listing_kept(store: Store) -> bool:
    """Whether the listing reads its inputs as the case keeps them (`LISTING_TABLES`,
    format 11): on a server too, where grouping the mentions took the server three times
    as long (133 against 39 ms at 1,000 articles)."""
    return store.format_version >= LISTING_FORMAT


def _listing_from_inputs(
    store: Store,
    actor_ids: Sequence[str] | None,
    aliases: dict[str, list[str]],
    articles: dict[str, list[str]],
    counts: dict[str, int],
) -> None:
    """Each actor's mention texts, articles and mention count as `_read_actors` finds them
    from the mentions, read from the rows the case keeps of them (a row per actor and
    text, per actor and article, each with its first mention's rowid and its count: a
    fifth of the rows, and no grouping of every mention). Its articles come as an object
    of article id -> rowid of its first mention there, sorted here (as in
    `_articles_by_actor`)."""
    where, params = _ids_in("actor_id", actor_ids)
    for actor_id, text in store.rows(
        f"SELECT actor_id, text FROM listing_texts{where} ORDER BY first_row", params
    ):
        names = aliases[actor_id]
        if text not in names:
            names.append(text)
    decode = _JSON_DECODER.raw_decode
    # PostgreSQL's aggregate of the same object, which its driver hands back decoded
    aggregate = "json_object_agg" if backend.on_server(store.db) else "json_group_object"
    for actor_id, first_rows, n in store.rows(
        f"SELECT actor_id, {aggregate}(article_id, first_row), sum(mentions) "
        f"FROM listing_articles{where} GROUP BY actor_id",
        params,
    ):
        first_row = first_rows if isinstance(first_rows, dict) else decode(first_rows)[0]
        articles[actor_id] = sorted(first_row, key=first_row.__getitem__)
        counts[actor_id] = int(n)  # a server's sum is a numeric


def _articles_by_actor(
    store: Store,
    actor_ids: Sequence[str] | None,
    checked: bool,  # the case's mentions have a review (a removed one names nobody)
    articles: dict[str, list[str]],
    counts: dict[str, int],
) -> None:
    """Each actor's articles (in the order of its first mention in each) and mention count,
    the same as the server's query in `_read_actors` gives, read a row per actor (SQLite
    only: its JSON aggregates): a row per actor and article (90,000 at 5,000 articles)
    cost more to fetch and walk than grouping them did. Each actor's mentions are sought
    in the `mentions_actor_article` index, grouped by article as they come (grouping every
    mention by actor would sort them all first). Its articles come as an object of article
    id -> rowid of its first mention there (no two the same), sorted here: SQLite does not
    promise the order an aggregate sees its rows in."""
    where, params = _ids_in("a.id", actor_ids)
    mine = "actor_id = a.id" + (" AND review != 'rejected'" if checked else "")
    # SQLite's JSON has no surrounding space: decoded straight (`json.loads` looks for it)
    decode = _JSON_DECODER.raw_decode
    for actor_id, first_rows, n in store.rows(
        "SELECT a.id, (SELECT json_group_object(article_id, first_row) FROM "
        "(SELECT article_id, min(rowid) AS first_row FROM mentions "
        f"WHERE {mine} GROUP BY article_id)), "
        f"(SELECT count(*) FROM mentions WHERE {mine}) FROM actors a{where}",
        params,
    ):
        first_row = decode(first_rows)[0]
        articles[actor_id] = sorted(first_row, key=first_row.__getitem__)
        counts[actor_id] = n


def one_actor_on_server(store: Store, actor_id: str) -> tuple[str, tuple[str]]:
    """The statement reading one actor as `_read_actors` reads it (`actors_on_server` makes
    the record of its rows): on a server each statement is a round trip, and an edit reads
    its actor before and after, then hands it back (5 round trips each with a snapshot's
    BEGIN and COMMIT; one statement needs no snapshot, and can be sent with others). Its
    names and its mentions grouped by article and text come as JSON lists."""
    sql, _ = _actors_on_server_sql(store, [actor_id])
    return sql, (actor_id,)


def _actors_on_server_sql(store: Store, actor_ids: Sequence[str]) -> tuple[str, list[str]]:
    """`one_actor_on_server`'s statement for several actors: a row per actor."""
    kept = "" if store.format_version < CHECKING_FORMAT else " AND review != 'rejected'"
    return (
        "SELECT a.*, "
        "(SELECT json_agg(alias ORDER BY rowid) FROM aliases WHERE actor_id = a.id) "
        "AS wb_aliases, "
        "(SELECT json_agg(json_build_array(article_id, text, n, first_row)) FROM "
        "(SELECT article_id, text, count(*) AS n, min(rowid) AS first_row FROM mentions "
        f"WHERE actor_id = a.id{kept} GROUP BY article_id, text) m) AS wb_mentions "
        f"FROM actors a WHERE a.id IN ({', '.join('?' for _ in actor_ids)})",
        list(actor_ids),
    )


def actors_on_server(actor_id: str, rows: Sequence[Any]) -> Records[CaseActor]:
    """The actor (none or one) that `one_actor_on_server`'s rows give."""
    aliases: dict[str, list[str]] = defaultdict(list)
    articles: dict[str, list[str]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    if rows:
        for alias in rows[0]["wb_aliases"] or ():
            if alias not in aliases[actor_id]:
                aliases[actor_id].append(alias)
        _one_actors_mentions(actor_id, rows[0]["wb_mentions"] or (), aliases, articles, counts)
    return _actor_records(rows, aliases, articles, counts)


def _one_actors_mentions(
    actor_id: str,
    groups: Sequence[Sequence[Any]],
    aliases: dict[str, list[str]],
    articles: dict[str, list[str]],
    counts: dict[str, int],
) -> None:
    """One actor's names in the articles, articles and mention count, as the listing finds
    them (texts and articles in the order of their first mention), from its mentions
    grouped by (article, text, count, first rowid)."""
    first_of_text: dict[str, int] = {}
    first_in_article: dict[str, int] = {}
    for article_id, text, n, first in groups:
        if first < first_of_text.get(text, first + 1):
            first_of_text[text] = first
        if first < first_in_article.get(article_id, first + 1):
            first_in_article[article_id] = first
        counts[actor_id] += n
    for text in sorted(first_of_text, key=first_of_text.__getitem__):
        if text not in aliases[actor_id]:
            aliases[actor_id].append(text)
    articles[actor_id] = sorted(first_in_article, key=first_in_article.__getitem__)


def load_mentions(
    store: Store,
    *,
    article_id: str | None = None,
    actor_id: str | None = None,
    mention_id: str | None = None,
    include_rejected: bool = False,
) -> Records[CaseMention]:
    where, params = _where({"article_id": article_id, "actor_id": actor_id, "id": mention_id})
    checked = store.format_version >= CHECKING_FORMAT
    if checked and not include_rejected:
        where += (" AND " if where else " WHERE ") + "review != 'rejected'"
    columns = 'id, article_id, actor_id, start, "end", text'
    if checked:
        columns += ", review, known, version"
    rows = store.rows(
        f"SELECT {columns} FROM mentions{where} ORDER BY {_BY_ARTICLE}, start, rowid", params
    )
    return Records.of(CaseMention, (build_record(CaseMention, dict(r)) for r in rows))


def _claim_reader(columns: tuple[str, ...]) -> Callable[[Sequence[Any]], CaseClaim]:
    """Row values (in `columns` order) -> a claim. The columns a case at an older format
    lacks are found once per read, not once per row, and each distinct JSON list (the
    same few channels repeat across thousands of claims) is decoded once per read."""
    at = {name: i for i, name in enumerate(columns)}
    kinds_at, version_at = at.get("channel_kinds"), at.get("version")
    (id_, article, text, start, end, kind, cue, speaker, speaker_text, channels, status) = (
        at[c]
        for c in (
            "id",
            "article_id",
            "text",
            "start",
            "end",
            "kind",
            "cue",
            "speaker",
            "speaker_text",
            "channels",
            "status",
        )
    )
    review, edited_at, detached = at["review"], at["edited"], at["detached"]
    lists: dict[str | None, tuple[Any, ...]] = {}

    def listed(value: str | None) -> tuple[Any, ...]:
        found = lists.get(value)
        if found is None:
            found = lists[value] = tuple(_json(value, []))
        return found

    # the only fields whose stored form is not already the record's: three enums, each
    # distinct value cleaned once (as `build_record` does)
    enums: dict[str, tuple[Callable[[Any], Any], dict[Any, Any]]] = {
        name: (clean, {}) for name, clean, _ in _spec(CaseClaim).cleaned
    }

    def enum(name: str, value: Any) -> Any:
        clean, cleaned = enums[name]
        try:
            return cleaned[value]
        except KeyError:
            found = cleaned[value] = clean(value)
            return found

    def claim(r: Sequence[Any]) -> CaseClaim:
        edited = listed(r[edited_at])
        record = object.__new__(CaseClaim)
        # every field, in field order, each as CaseClaim(...) would hold it
        state = {
            "id": r[id_],
            "text": r[text],
            "start": r[start],
            "end": r[end],
            "kind": enum("kind", r[kind]),
            "cue": r[cue],
            "speaker": r[speaker],
            "speaker_text": r[speaker_text],
            "channels": listed(r[channels]),
            "article_id": r[article],
            "status": enum("status", r[status]),
            "review": enum("review", r[review]),
            "origin": Origin.USER if edited else Origin.EXTRACTED,
            "edited": edited,
            "detached": bool(r[detached]),
            "channel_kinds": listed(r[kinds_at]) if kinds_at is not None else (),
            "version": r[version_at] if version_at is not None else 1,
        }
        object.__setattr__(record, "__dict__", state)
        return record

    return claim


def load_claims(
    store: Store,
    *,
    claim_id: str | None = None,
    article_id: str | None = None,
    status: str | None = None,
    review: str | None = None,
    include_rejected: bool = True,
) -> Records[CaseClaim]:
    where, params = _where(
        {"id": claim_id, "article_id": article_id, "status": status, "review": review}
    )
    if not include_rejected and review is None:
        where += (" AND " if where else " WHERE ") + "review != 'rejected'"
    rows = store.rows(f"SELECT * FROM claims{where} ORDER BY {_BY_ARTICLE}, start, rowid", params)
    if not rows:
        return Records.of(CaseClaim, ())
    claim = _claim_reader(tuple(rows[0].keys()))
    return Records.of(CaseClaim, (claim(r) for r in rows))


def claim_of_row(row: Mapping[str, Any]) -> CaseClaim:
    """One claim from its row as `SELECT * FROM claims` gives it (names to values, in the
    table's order), as `load_claims` reads it."""
    return _claim_reader(tuple(row))(tuple(row.values()))


# ids asked for in one query at most: SQLite's oldest builds allow 999 parameters
BY_ID_CHUNK = 500


def _rows_by_id(store: Store, table: str, ids: Sequence[str]) -> list[list[Any]]:
    """The rows of `table` whose id is one of `ids`, in one consistent read: a query per
    `BY_ID_CHUNK` ids (in no order: the caller takes them by id)."""
    chunks = [ids[i : i + BY_ID_CHUNK] for i in range(0, len(ids), BY_ID_CHUNK)]
    with store.snapshot():
        return [
            store.rows(
                f"SELECT * FROM {table} WHERE id IN ({', '.join('?' for _ in chunk)})",
                tuple(chunk),
            )
            for chunk in chunks
        ]


def load_claims_by_id(store: Store, claim_ids: Iterable[str]) -> dict[str, CaseClaim]:
    """The claims (rejected ones too) with these ids, by id; an id the case does not hold
    is left out. Each claim is the one `load_claims(claim_id=...)` reads, at a few queries
    for thousands (a merge of an actor named across a case changes 3,500 claims)."""
    found: dict[str, CaseClaim] = {}
    for rows in _rows_by_id(store, "claims", list(dict.fromkeys(claim_ids))):
        if rows:
            claim = _claim_reader(tuple(rows[0].keys()))
            found.update((c.id, c) for c in map(claim, rows))
    return found


def _event_from_row(r: sqlite3.Row) -> CaseEvent:
    data = dict(r)
    data["actors"] = tuple(_json(data["actors"], []))
    data["edited"] = tuple(_json(data["edited"], []))
    data["origin"] = Origin.USER if data["edited"] else Origin.EXTRACTED
    return build_record(CaseEvent, data)


def load_events(
    store: Store, *, event_id: str | None = None, article_id: str | None = None
) -> Records[CaseEvent]:
    where, params = _where({"id": event_id, "article_id": article_id})
    rows = store.rows(f"SELECT * FROM events{where} ORDER BY {_BY_ARTICLE}, start, rowid", params)
    return Records.of(CaseEvent, (_event_from_row(r) for r in rows))


def load_events_by_id(store: Store, event_ids: Iterable[str]) -> dict[str, CaseEvent]:
    """The events with these ids, by id, as `load_claims_by_id` reads claims."""
    found: dict[str, CaseEvent] = {}
    for rows in _rows_by_id(store, "events", list(dict.fromkeys(event_ids))):
        found.update((e.id, e) for e in map(_event_from_row, rows))
    return found


# a relation's fields have no cleaner (ids, a word, a weight): its record is its row, read
# by field name (a field without a column fails in SQL, not silently)
# (tests/case/test_fast_reads.py checks the records are what the constructor makes)
_RELATION_FIELDS = tuple(f.name for f in dataclasses.fields(CaseRelation))


def load_relations(store: Store, *, article_id: str | None = None) -> Records[CaseRelation]:
    """Relations (180,000 at 5,000 articles): each made straight from its row, a third of
    the CPU `build_record` takes (its checks and per-field lookups buy nothing here)."""
    where, params = _where({"article_id": article_id})
    columns = ", ".join(f'"{name}"' for name in _RELATION_FIELDS)
    rows = store.rows(f"SELECT {columns} FROM relations{where} ORDER BY rowid", params)
    new, put, names = object.__new__, object.__setattr__, _RELATION_FIELDS
    relations = []
    for row in rows:
        record = new(CaseRelation)
        put(record, "__dict__", dict(zip(names, row, strict=True)))
        relations.append(record)
    return Records.of(CaseRelation, relations)


def load_relations_by_id(store: Store, relation_ids: Iterable[str]) -> dict[str, CaseRelation]:
    """The relations with these ids, by id, each as `load_relations` makes it; an id the
    case does not hold is left out. A merge of an actor named across a case rewrites
    thousands of relations: read by article, one query each, they took seconds."""
    found: dict[str, CaseRelation] = {}
    new, put, names = object.__new__, object.__setattr__, _RELATION_FIELDS
    for rows in _rows_by_id(store, "relations", list(dict.fromkeys(relation_ids))):
        for row in rows:
            values = dict(row)
            record = new(CaseRelation)
            put(record, "__dict__", {name: values[name] for name in names})
            found[record.id] = record
    return found


def load_links(
    store: Store, *, claim_id: str | None = None, link_id: str | None = None
) -> Records[SourceLink]:
    where, params = _where({"claim_id": claim_id, "id": link_id})
    rows = store.rows(f"SELECT * FROM links{where} ORDER BY rowid", params)
    return Records.of(SourceLink, (SourceLink(**dict(r)) for r in rows))


def load_notes(
    store: Store, *, target_id: str | None = None, note_id: str | None = None
) -> Records[Note]:
    where, params = _where({"target_id": target_id, "id": note_id})
    rows = store.rows(f"SELECT * FROM notes{where} ORDER BY rowid", params)
    return Records.of(Note, (Note(**dict(r)) for r in rows))


def load_history(
    store: Store, *, limit: int | None = None, entry_id: int | None = None
) -> Records[HistoryEntry]:
    where, params = _where({"id": entry_id})
    # a case built at an older format (to load an old export into) has no session column
    session = "session" if store.format_version >= SESSION_FORMAT else "NULL AS session"
    sql = (
        "SELECT id, at, who, action, target, before, after, undone_by IS NOT NULL AS undone, "
        f"changes IS NOT NULL AS undoable, {session} FROM audit{where} ORDER BY id"
    )
    if limit is not None and limit > 0:
        # the newest `limit` entries, still oldest first
        sql = f"SELECT * FROM ({sql} DESC LIMIT {int(limit)}) ORDER BY id"
    rows = store.rows(sql, params)
    if limit is not None and limit <= 0:
        rows = []
    entries = []
    for r in rows:
        data = dict(r)
        data["before"] = _json(data["before"])
        data["after"] = _json(data["after"])
        entries.append(HistoryEntry(**data))
    return Records.of(HistoryEntry, entries)


def one(records: Records, what: str, record_id: str) -> Any:
    if not records:
        raise NotFoundError(f"no {what} {record_id!r} in this case")
    return records[0]
