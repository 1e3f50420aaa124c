"""The SQLite dialect the case modules write, translated to PostgreSQL's.

The store's SQL is written once, for SQLite; this module rewrites each statement for
PostgreSQL (cached: the case modules use a few hundred distinct statements). Pure
functions of the text, no connection: `workbench.case.postgres` runs what they give.

What changes, and why:
- `?` and `:name` parameters become psycopg's `%s` and `%(name)s` (and a literal `%`, `%%`);
  `IS ?` / `IS NOT ?` become `IS [NOT] DISTINCT FROM`, SQLite's null-safe comparison.
- Tables get a `rowid` column (a sequence, so it only grows, like SQLite's rowid without
  reuse), which `ORDER BY rowid` and the undo data use; a `*` hides it, as in SQLite.
- Column types: INTEGER is 64-bit (BIGINT), REAL is DOUBLE PRECISION, TEXT compares and
  sorts bytewise (`COLLATE "C"`, SQLite's BINARY) whatever the database's locale;
  `INTEGER PRIMARY KEY AUTOINCREMENT` is an identity column; foreign keys are DEFERRABLE,
  so `PRAGMA defer_foreign_keys` has its meaning (`SET CONSTRAINTS ALL DEFERRED`).
- `INSERT OR IGNORE` / `OR REPLACE` become `ON CONFLICT`; an upsert's unqualified column
  (`SET value = value + 1`) is qualified with its table, which PostgreSQL requires.
- `json_each(x) j` (a JSON list's items as `j.value`) is `jsonb_array_elements_text`;
  `json_extract(x, '$.a.b')` and `json_array_length(x)`, their jsonb forms; `ifnull`,
  `instr`, `group_concat` and two-argument `min`/`max` their PostgreSQL names.
- LIKE ignores case, as SQLite's does (ILIKE).
- A subquery in FROM gets the alias PostgreSQL 15 requires; `SELECT DISTINCT a ... ORDER
  BY rowid` (an order by a column not selected, which SQLite allows) becomes a GROUP BY
  ordered by the first such row.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>--[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^']|'')*')
  | (?P<quoted>"(?:[^"]|"")*")
  | (?P<number>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_$]*)
  | (?P<param>\?\d*|:[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op><>|!=|<=|>=|==|\|\||::|[^\s])
    """,
    re.VERBOSE | re.DOTALL,
)

# words after which a parenthesised subquery's closing paren is not followed by an alias
_CLAUSE_WORDS = frozenset(
    {
        "where", "group", "order", "limit", "offset", "having", "union", "intersect", "except",
        "join", "inner", "left", "right", "full", "cross", "natural", "on", "using", "window",
        "returning", "as",
    }
)  # fmt: skip
_TYPES = {
    "integer": "BIGINT",
    "int": "BIGINT",
    "bigint": "BIGINT",
    "real": "DOUBLE PRECISION",
    "float": "DOUBLE PRECISION",
    "double": "DOUBLE PRECISION",
    "text": 'TEXT COLLATE "C"',
    "blob": "BYTEA",
}
_RENAMED = {"ifnull": "coalesce", "instr": "strpos"}
_TABLE_CONSTRAINTS = frozenset({"primary", "unique", "check", "foreign", "constraint"})


class Unsupported(ValueError):
    """SQLite SQL this translation does not cover."""


@dataclass(frozen=True)
class Token:
    kind: str
    text: str

    @property
    def word(self) -> str:
        """A keyword or unquoted name, lower-cased ("" for anything else)."""
        return self.text.lower() if self.kind == "name" else ""


@dataclass(frozen=True)
class Statement:
    """A statement ready for psycopg, and how to read its rows."""

    sql: str
    # "all": drop every column named rowid (a `*` brought it); "extra": keep the first
    # (selected by name) and drop the ones a `*` added; "": keep every column
    hide_rowid: str = ""
    replace_table: str | None = None  # INSERT OR REPLACE: its conflict target is looked up
    numbered: bool = False  # `?1`, `?2`: the parameters are passed by name, p1, p2, ...


def tokenize(sql: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(sql):
        kind = match.lastgroup or "op"
        tokens.append(Token(kind, match.group()))
    return tokens


def _significant(tokens: list[Token]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.kind not in ("space", "comment")]


def _closing(tokens: list[Token], open_at: int) -> int:
    """The index of the parenthesis closing the one at `open_at`."""
    depth = 0
    for i in range(open_at, len(tokens)):
        if tokens[i].text == "(":
            depth += 1
        elif tokens[i].text == ")":
            depth -= 1
            if depth == 0:
                return i
    raise Unsupported("unbalanced parentheses")


def _join(tokens: list[Token]) -> str:
    return "".join(t.text for t in tokens)


def _sub(text: str) -> Token:
    return Token("raw", text)


@functools.lru_cache(maxsize=2048)
def translate(sql: str) -> Statement:
    """One SQLite statement as PostgreSQL runs it (PRAGMAs and BEGIN are the caller's)."""
    tokens = tokenize(sql)
    sig = _significant(tokens)
    if not sig:
        return Statement(sql)
    first = tokens[sig[0]].word
    replace_table = None
    if first == "create" and any(tokens[i].word == "trigger" for i in sig[1:4]):
        raise Unsupported("triggers are written per back end")
    if first == "create" and any(tokens[i].word == "table" for i in sig[1:4]):
        tokens = _create_table(tokens)
    elif first == "alter":
        tokens = _alter_table(tokens)
    elif first in ("insert", "replace"):
        tokens, replace_table = _insert(tokens)
    tokens = _functions(tokens)
    tokens = _like(tokens)
    tokens = _json_each(tokens)
    tokens = _subquery_aliases(tokens)
    tokens = _distinct_order(tokens)
    hide = _hidden_rowid(tokens)
    numbered = any(t.kind == "param" and t.text[1:].isdigit() for t in tokens)
    tokens = _params(tokens)
    return Statement(_join(tokens), hide_rowid=hide, replace_table=replace_table, numbered=numbered)


# --- parameters and null-safe comparison -------------------------------------------------------


def _params(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    sig_before: list[int] = []  # indices into `out` of significant tokens
    for token in tokens:
        if token.kind == "param":
            name = token.text[1:]
            mark = f"%({name})s" if token.text.startswith(":") else "%s"
            if token.text.startswith("?") and name:
                mark = f"%(p{int(name)})s"
            # `x IS ?` / `x IS NOT ?`: SQLite's null-safe equality
            last = [out[i].word for i in sig_before[-2:]]
            if last[-1:] == ["is"]:
                out[sig_before[-1]] = _sub("IS NOT DISTINCT FROM")
            elif last == ["is", "not"]:
                out[sig_before[-2]] = _sub("IS DISTINCT")
                out[sig_before[-1]] = _sub("FROM")
            out.append(_sub(mark))
        elif "%" in token.text:
            out.append(Token(token.kind, token.text.replace("%", "%%")))
        elif token.text == "==":
            out.append(_sub("="))
        else:
            out.append(token)
        if token.kind not in ("space", "comment"):
            sig_before.append(len(out) - 1)
    return out


# --- DDL ------------------------------------------------------------------------------------------


def _column_definition(tokens: list[Token]) -> list[Token]:
    """One column definition or table constraint of CREATE TABLE / ADD COLUMN."""
    sig = _significant(tokens)
    if not sig:
        return tokens
    out = list(tokens)
    words = [tokens[i].word for i in sig]
    if words[0] not in _TABLE_CONSTRAINTS and len(sig) > 1 and words[1] in _TYPES:
        type_at = sig[1]
        if words[1:5] == ["integer", "primary", "key", "autoincrement"]:
            out[type_at] = _sub("BIGINT GENERATED BY DEFAULT AS IDENTITY")
            out[sig[4]] = _sub("")
        else:
            out[type_at] = _sub(_TYPES[words[1]])
    # foreign keys deferrable, so a bulk load may defer them to its commit
    for n, i in enumerate(sig):
        if tokens[i].word == "references":
            end = sig[n + 1]
            if n + 2 < len(sig) and tokens[sig[n + 2]].text == "(":
                end = _closing(tokens, sig[n + 2])
            out[end] = _sub(tokens[end].text + " DEFERRABLE INITIALLY IMMEDIATE")
    return out


def _split_top(tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """Ranges of `tokens[start:end]` split at commas outside parentheses."""
    parts, depth, begin = [], 0, start
    for i in range(start, end):
        text = tokens[i].text
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif text == "," and depth == 0:
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return parts


def _create_table(tokens: list[Token]) -> list[Token]:
    open_at = next(i for i, t in enumerate(tokens) if t.text == "(")
    close_at = _closing(tokens, open_at)
    out = tokens[: open_at + 1]
    for n, (begin, end) in enumerate(_split_top(tokens, open_at + 1, close_at)):
        if n:
            out.append(tokens[begin - 1])  # the comma
        out.extend(_column_definition(tokens[begin:end]))
    # SQLite's implicit rowid, as a column: ORDER BY rowid and undo data rely on it
    out.append(_sub(", rowid BIGSERIAL NOT NULL"))
    out.extend(tokens[close_at:])
    return out


def _alter_table(tokens: list[Token]) -> list[Token]:
    sig = _significant(tokens)
    words = [tokens[i].word for i in sig]
    if "add" not in words:
        return tokens
    at = words.index("add") + 1
    if at < len(words) and words[at] == "column":
        at += 1
    if at >= len(sig):
        return tokens
    begin = sig[at]
    return tokens[:begin] + _column_definition(tokens[begin:])


# --- INSERT OR IGNORE / REPLACE, upserts ----------------------------------------------------------


def _insert(tokens: list[Token]) -> tuple[list[Token], str | None]:
    sig = _significant(tokens)
    words = [tokens[i].word for i in sig]
    action = None
    out = list(tokens)
    if words[0] == "replace":
        action = "replace"
        out[sig[0]] = _sub("INSERT")
    elif words[1:2] == ["or"] and len(words) > 2:
        action = words[2]
        if action not in ("ignore", "replace"):
            raise Unsupported(f"INSERT OR {action.upper()}")
        out[sig[1]] = out[sig[2]] = _sub("")
    into = words.index("into")
    table_token = tokens[sig[into + 1]]
    table = table_token.text.strip('"').replace('""', '"')
    returning = next(
        (sig[n] for n, w in enumerate(words) if w == "returning"),
        len(tokens),
    )
    if action == "ignore":
        out.insert(returning, _sub(" ON CONFLICT DO NOTHING "))
    elif action == "replace":
        out.insert(returning, _sub(" /*replace*/ "))
    if "conflict" in words and "set" in words:
        out = _qualify_upsert(out, table_token.text)
    return out, table if action == "replace" else None


def _qualify_upsert(tokens: list[Token], table: str) -> list[Token]:
    """In `ON CONFLICT ... DO UPDATE SET a = expr`, a bare column in `expr` is the row's."""
    sig = _significant(tokens)
    words = [tokens[i].word for i in sig]
    start = max(n for n, w in enumerate(words) if w == "set") + 1
    stop = next(
        (n for n in range(start, len(words)) if words[n] in ("where", "returning")), len(words)
    )
    out = list(tokens)
    depth, expecting_target = 0, True
    for n in range(start, stop):
        token = tokens[sig[n]]
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif token.text == "," and depth == 0:
            expecting_target = True
        elif token.text == "=" and depth == 0 and expecting_target:
            expecting_target = False
        elif token.kind in ("name", "quoted") and not expecting_target:
            before = tokens[sig[n - 1]].text
            after = tokens[sig[n + 1]].text if n + 1 < len(sig) else ""
            if before != "." and after not in (".", "(") and token.word not in _SQL_WORDS:
                out[sig[n]] = _sub(f"{table}.{token.text}")
    return out


_SQL_WORDS = frozenset(
    {
        "and", "or", "not", "null", "is", "case", "when", "then", "else", "end", "in", "like",
        "between", "excluded", "true", "false", "cast", "as", "distinct", "from", "exists",
    }
)  # fmt: skip


def replace_clause(columns: list[str], key: list[str]) -> str:
    """What `/*replace*/` stands for, once the table's primary key is known."""
    sets = [c for c in columns if c not in key]
    target = ", ".join(key)
    if not sets:
        return f" ON CONFLICT ({target}) DO NOTHING "
    update = ", ".join(f"{c} = EXCLUDED.{c}" for c in sets)
    return f" ON CONFLICT ({target}) DO UPDATE SET {update} "


def inserted_columns(sql: str) -> list[str]:
    """The column list of `INSERT INTO t (a, b) ...`, as written."""
    tokens = tokenize(sql)
    open_at = next((i for i, t in enumerate(tokens) if t.text == "("), None)
    if open_at is None:
        raise Unsupported("INSERT OR REPLACE without a column list")
    close_at = _closing(tokens, open_at)
    return [_join(tokens[b:e]).strip() for b, e in _split_top(tokens, open_at + 1, close_at)]


# --- functions -------------------------------------------------------------------------------------


def _call_args(tokens: list[Token], open_at: int) -> tuple[int, list[tuple[int, int]]]:
    close_at = _closing(tokens, open_at)
    return close_at, _split_top(tokens, open_at + 1, close_at)


def _functions(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    sig = _significant(tokens)
    for n, i in enumerate(sig[:-1]):
        word = tokens[i].word
        nxt = tokens[sig[n + 1]]
        if nxt.text != "(" or not word:
            continue
        if n and tokens[sig[n - 1]].text == ".":
            continue
        if word in _RENAMED:
            out[i] = _sub(_RENAMED[word])
        elif word in ("min", "max"):
            _, args = _call_args(tokens, sig[n + 1])
            if len(args) > 1:  # SQLite's scalar min/max
                out[i] = _sub("least" if word == "min" else "greatest")
        elif word == "group_concat":
            close_at, args = _call_args(tokens, sig[n + 1])
            out[i] = _sub("string_agg")
            if len(args) == 1:
                out[close_at] = _sub(", ',')")
            out[sig[n + 1]] = _sub("(CAST(")
            first_end = args[0][1]
            out[first_end] = _sub(" AS TEXT)" + tokens[first_end].text)
        elif word == "json_array_length":
            close_at, _ = _call_args(tokens, sig[n + 1])
            out[i] = _sub("jsonb_array_length")
            out[sig[n + 1]] = _sub("(CAST(")
            out[close_at] = _sub(" AS jsonb))")
        elif word == "json_extract":
            close_at, args = _call_args(tokens, sig[n + 1])
            if len(args) != 2:
                raise Unsupported("json_extract with other than one path")
            path_tokens = [t for t in tokens[args[1][0] : args[1][1]] if t.kind == "string"]
            if len(path_tokens) != 1:
                raise Unsupported("json_extract with a path that is not a literal")
            keys = _json_path(path_tokens[0].text[1:-1].replace("''", "'"))
            out[i] = _sub("")
            out[sig[n + 1]] = _sub("(CAST(")
            for j in range(args[1][0] - 1, close_at):  # the comma and the path
                out[j] = _sub("")
            out[close_at] = _sub(f" AS jsonb) #>> '{{{keys}}}')")
    return out


def _like(tokens: list[Token]) -> list[Token]:
    """SQLite's LIKE ignores case (ASCII letters); PostgreSQL's ILIKE does too (all
    letters: the closest there is). GLOB has no counterpart here."""
    out = []
    for token in tokens:
        if token.word == "glob":
            raise Unsupported("GLOB")
        out.append(_sub("ILIKE") if token.word == "like" else token)
    return out


def _json_path(path: str) -> str:
    if not path.startswith("$"):
        raise Unsupported(f"JSON path {path!r}")
    parts = re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", path[1:])
    if "".join(f".{a}" if a else f"[{b}]" for a, b in parts) != path[1:]:
        raise Unsupported(f"JSON path {path!r}")
    return ",".join(a or b for a, b in parts)


def _json_each(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    sig = _significant(tokens)
    for n, i in enumerate(sig):
        if tokens[i].word != "json_each":
            continue
        close_at, args = _call_args(tokens, sig[n + 1])
        if len(args) != 1:
            raise Unsupported("json_each with a path")
        after = [s for s in sig if s > close_at]
        alias = None
        if after and tokens[after[0]].word == "as":
            after = after[1:]
        if after and tokens[after[0]].kind == "name" and tokens[after[0]].word not in _CLAUSE_WORDS:
            alias = after[0]
        out[i] = _sub("jsonb_array_elements_text")
        out[sig[n + 1]] = _sub("(CAST(")
        if alias is None:
            out[close_at] = _sub(" AS jsonb)) AS json_each(value)")
        else:
            out[close_at] = _sub(" AS jsonb))")
            out[alias] = _sub(f"{tokens[alias].text}(value)")
    return out


# --- SELECT shapes -------------------------------------------------------------------------------------


def _subquery_aliases(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    sig = _significant(tokens)
    count = 0
    for n, i in enumerate(sig[:-1]):
        if tokens[i].word not in ("from", "join") or tokens[sig[n + 1]].text != "(":
            continue
        if n + 2 >= len(sig) or tokens[sig[n + 2]].word not in ("select", "with", "values"):
            continue
        close_at = _closing(tokens, sig[n + 1])
        after = [s for s in sig if s > close_at]
        aliased = after and (
            tokens[after[0]].kind == "quoted"
            or (tokens[after[0]].kind == "name" and tokens[after[0]].word not in _CLAUSE_WORDS)
            or tokens[after[0]].word == "as"
        )
        if not aliased:
            count += 1
            out[close_at] = _sub(f") AS _subquery{count}")
    return out


def _select_list(tokens: list[Token]) -> tuple[int, int] | None:
    """The top-level SELECT's list, as (index of SELECT, index of its FROM or the end)."""
    sig = _significant(tokens)
    if not sig or tokens[sig[0]].word != "select":
        return None
    depth = 0
    for i in sig[1:]:
        if tokens[i].text == "(":
            depth += 1
        elif tokens[i].text == ")":
            depth -= 1
        elif depth == 0 and tokens[i].word in ("from", "where", "order", "group", "limit", "union"):
            return sig[0], i
    return sig[0], len(tokens)


def _hidden_rowid(tokens: list[Token]) -> str:
    found = _select_list(tokens)
    if found is None:
        return ""
    start, end = found
    depth, star, named = 0, False, False
    previous = "select"
    for token in tokens[start + 1 : end]:
        if token.kind in ("space", "comment"):
            continue
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif depth == 0:
            if token.text == "*" and previous in ("select", "distinct", "all", ",", "."):
                star = True
            if token.word == "rowid" or token.text == '"rowid"':
                named = True
        previous = token.word or token.text
    if not star:
        return ""
    return "extra" if named else "all"


def _distinct_order(tokens: list[Token]) -> list[Token]:
    """`SELECT DISTINCT cols ... ORDER BY x` where x is not selected: GROUP BY cols,
    ORDER BY min(x) (the first such row), as SQLite's answer."""
    found = _select_list(tokens)
    if found is None:
        return tokens
    start, end = found
    sig = [i for i in _significant(tokens) if i > start]
    if not sig or tokens[sig[0]].word != "distinct":
        return tokens
    depth, order_at, has_group = 0, None, False
    for n, i in enumerate(sig):
        if tokens[i].text == "(":
            depth += 1
        elif tokens[i].text == ")":
            depth -= 1
        elif depth == 0 and tokens[i].word == "group":
            has_group = True
        elif depth == 0 and tokens[i].word == "order" and n + 1 < len(sig):
            order_at = i
    if order_at is None or has_group:
        return tokens
    columns = [_join(tokens[b:e]).strip() for b, e in _split_top(tokens, sig[0] + 1, end)]
    plain = [c.split()[-1].split(".")[-1] for c in columns]  # what ORDER BY may name
    by_at = next(i for i in _significant(tokens) if i > order_at)
    limit_at = next(
        (i for i in _significant(tokens) if i > by_at and tokens[i].word in ("limit", "offset")),
        len(tokens),
    )
    items = _split_top(tokens, by_at + 1, limit_at)
    orders = []
    needs = False
    for b, e in items:
        text = _join(tokens[b:e]).strip()
        parts = text.split()
        direction = parts[-1] if parts[-1].lower() in ("asc", "desc") else ""
        expr = text[: len(text) - len(direction)].strip() if direction else text
        if expr in columns or expr.split(".")[-1] in plain:
            orders.append(text)
        else:
            needs = True
            orders.append(f"min({expr}) {direction}".strip())
    if not needs:
        return tokens
    out = list(tokens)
    out[sig[0]] = _sub("")  # DISTINCT
    group = f"GROUP BY {', '.join(columns)} ORDER BY {', '.join(orders)} "
    return [*out[:order_at], _sub(group), *out[limit_at:]]
