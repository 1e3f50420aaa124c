"""The lexicon: every word list is a data file with a header, defined once, read by code;
and no word list creeps back into the extraction rules as a literal."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

from workbench import lexicon

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workbench"
NAMES = lexicon.names()
TEXT_FILES = [n for n in NAMES if n.endswith(".txt")]
CSV_FILES = [n for n in NAMES if n.endswith(".csv")]
# A literal with more words than this in workbench/extract is a word list: it belongs in
# the lexicon. Small closed sets ("quote", "cite") may stay next to the rule that reads them.
MAX_LITERAL_WORDS = 5


def test_the_folder_holds_data_files_only():
    folder = PACKAGE / "lexicon"
    others = {
        p.name
        for p in folder.iterdir()
        # the loader, and the gazetteer's lookups over its tables
        if p.suffix not in (".txt", ".csv")
        and p.name not in ("__init__.py", "gazetteer.py", "transliterate.py", "__pycache__")
    }
    assert not others
    assert len(NAMES) >= 30 and "months.txt" in NAMES and "outlet_nouns.txt" in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_file_has_a_header_saying_what_format_use_and_source(name):
    header = lexicon.header(name)
    assert header and header[0], f"{name}: the first line says what the file holds"
    text = "\n".join(header)
    for key in ("Format:", "Used by:", "Source:"):
        assert key in text, f"{name}: the header lacks {key!r}"


@pytest.mark.parametrize("name", NAMES)
def test_every_file_loads_and_has_data(name):
    if name.endswith(".csv"):
        rows = lexicon.table(name)
        assert rows
        assert all(next(iter(r.values())) for r in rows), f"{name}: a row without its key"
    else:
        assert lexicon.entries(name)
        assert lexicon.words(name)


@pytest.mark.parametrize("name", TEXT_FILES)
def test_text_files_have_no_duplicates_nor_stray_characters(name):
    words = [w for e in lexicon.entries(name) for w in e.words]
    twice = [w for w, n in Counter(words).items() if n > 1]
    assert not twice, f"{name}: {twice}"
    for line in lexicon.lines(name):
        assert "#" not in line, f"{name}: comments go in the header: {line!r}"
        assert not line.startswith("+"), f"{name}: a flag without a word: {line!r}"


@pytest.mark.parametrize("name", CSV_FILES)
def test_csv_files_have_no_duplicate_keys(name):
    rows = lexicon.table(name)
    key = next(iter(rows[0]))
    twice = [k for k, n in Counter(r[key] for r in rows).items() if n > 1]
    assert not twice, f"{name}: {twice}"


def _python_sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("name", NAMES)
def test_every_file_is_read_by_some_code(name):
    assert f'"{name}"' in _python_sources(), f"{name}: no module reads it (an orphan)"


def _documented_flags(name: str) -> set[str]:
    return set(re.findall(r"^\s*\+([\w-]+)\s", "\n".join(lexicon.header(name)), re.MULTILINE))


@pytest.mark.parametrize("name", TEXT_FILES)
def test_every_flag_is_documented_and_read(name):
    used = {f for e in lexicon.entries(name) for f in e.flags}
    documented = _documented_flags(name)
    assert used <= documented, f"{name}: flags not explained in the header: {used - documented}"
    source = _python_sources()
    for flag in used:
        readers = (f'flag="{flag}"', f'verbs_flagged("{flag}")', f'"{flag}" in entry.flags')
        assert any(r in source for r in readers), f"{name}: +{flag} is read by no code"


def test_the_report_flag_types_a_reporting_name_as_an_outlet():
    from workbench.extract.speech import OUTLET_VERBS, speech_verbs

    assert {"report"} == OUTLET_VERBS
    assert speech_verbs()["report"][0].names_outlet


def test_month_and_weekday_numbers():
    months = lexicon.month_numbers()
    assert months["january"] == 1 and months["sept"] == 9 and months["dec"] == 12
    assert sorted(set(months.values())) == list(range(1, 13))
    days = lexicon.weekday_numbers()
    assert days["monday"] == 0 and days["sun"] == 6 and len(set(days.values())) == 7


def test_words_by_flag_are_a_part_of_all_words():
    every = lexicon.words("outlet_nouns.txt")
    assert lexicon.words("outlet_nouns.txt", flag="after") < lexicon.words(
        "outlet_nouns.txt", flag="before"
    )
    assert lexicon.words("outlet_nouns.txt", flag="near") < every
    assert lexicon.words("outlet_nouns.txt", flag="nonexistent") == frozenset()


# -- the guard: no word lists as literals in the extraction rules ---------------------

_LABELS = frozenset(GLOSSARY)
_WORD = re.compile(r"[a-z][a-z'\-]*(?: [a-z][a-z'\-]*)*\.?", re.IGNORECASE)


def _words_in(node: ast.AST) -> list[str]:
    """The word strings of a set, list, tuple or dict literal (a dict by its keys), or of
    one string split into words for a set (`frozenset("a b c".split())`)."""
    if isinstance(node, ast.Dict):
        items = [k for k in node.keys if k is not None]
    elif isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        items = list(node.elts)
    else:
        return []
    strings = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
    # spaCy's own labels (dependencies, parts of speech, entity types) are code, not words
    return [s for s in strings if _WORD.fullmatch(s) and s not in _LABELS]


def _split_strings(node: ast.AST) -> list[str]:
    """ "a b c d e f".split(): a word list written as one string."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return node.func.value.value.split()
    return []


def _affixes(tree: ast.AST) -> set[int]:
    """Literals given to `str.endswith`/`startswith`: word endings are morphology, not words."""
    return {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("endswith", "startswith")
        for arg in node.args
    }


def word_literals(source: str) -> list[tuple[int, list[str]]]:
    found = []
    tree = ast.parse(source)
    affixes = _affixes(tree)
    for node in ast.walk(tree):
        if id(node) in affixes:
            continue
        words = _words_in(node) or _split_strings(node)
        if len(words) > MAX_LITERAL_WORDS:
            found.append((node.lineno, words))
    return found


def test_the_guard_finds_a_word_list():
    source = 'A = frozenset({"say", "tell", "add", "state", "stress", "note"})\nB = "a b c d e f".split()'
    assert sorted(line for line, _ in word_literals(source)) == [1, 2]
    labels = 'DEPS = frozenset({"nsubj", "dobj", "attr", "oprd", "prep", "dative", "xcomp"})'
    assert word_literals(labels) == []


@pytest.mark.parametrize("path", sorted((PACKAGE / "extract").glob("*.py")), ids=lambda p: p.name)
def test_no_word_list_literals_in_the_extraction_rules(path):
    found = word_literals(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name}: word lists belong in workbench/lexicon/: {found}"
