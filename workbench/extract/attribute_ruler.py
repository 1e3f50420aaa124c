"""spaCy's attribute ruler, the same rules applied through the doc's arrays.

The English models' `attribute_ruler` maps each fine tag to its coarse part of speech and
morphology, and fixes a few words ("n't", "'s", "that" as a conjunction): 179 rules, run
through spaCy's `Matcher`, which tries every rule at every token and builds a `Span` and a
`Token` for every match. That was a tenth of the whole pipeline's time (1.0 s of 10 on
the bench's 120 articles), more than all our rules but the actor rules. Nearly every rule
looks at one token only, and what it decides depends on a few of that token's values (its
tag, its lower-case form, its dependency label, whether it is a space): decided once per
combination of these values (kept from article to article), written to the doc in one
`Doc.from_array`. The few rules over more than one token (and any rule whose pattern this
module does not read itself) still go through a `Matcher` of their own, which is cheap
with so few rules.

The output is spaCy's own, token for token: a later rule wins over an earlier one for each
attribute it sets (spaCy applies the matches sorted by rule), whichever way each was
found. `tests/extract/test_attribute_ruler.py` compares every attribute with spaCy's
ruler on parsed articles and on hand-built docs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

FACTORY = "workbench_attribute_ruler"
# what a rule may set for it to be written through the arrays (`Token.set_struct_attr`
# writes these as they are; the others, extensions among them, need spaCy's own ruler)
_WRITABLE = (POS, MORPH, LEMMA, TAG, DEP)
# the token values a one-token pattern may test here: all of them integers in
# `Doc.to_array`, compared as spaCy's `Matcher` compares them
# (in the order a pattern is filed by: a word is shared by fewer rules than a tag)
_READ_ORDER = ("ORTH", "LOWER", "TAG", "DEP", "IS_SPACE")
_FLAGS = frozenset({"IS_SPACE"})
# a bound on the remembered combinations of values, for a process that reads for days
_MAX_REMEMBERED = 500_000
# the longest pattern decided here (a slot bit per token of each longer pattern)
_MAX_LENGTH = 8

Test = Callable[[tuple[int, ...], Any], bool]  # (token values, the doc's strings)
_Decision = tuple[tuple[int, int, int], ...]  # (column, rule, value) per attribute set


class ArrayAttributeRuler(AttributeRuler):
    """An `AttributeRuler` whose one-token rules are decided per combination of token
    values and written through the doc's arrays (see the module's docstring)."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._compiled: _Compiled | None = None

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def add(self, patterns: Any, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    def __call__(self, doc: Doc) -> Doc:
        if self._compiled is None:
            self._compiled = _Compiled(self)
        if not self._compiled.usable:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._compiled.apply(doc)
            return doc
        except Exception as exc:  # noqa: BLE001 - spaCy's own error handling, as its ruler
            return error_handler(self.name, self, [doc], exc)


@Language.factory(FACTORY, default_config={"validate": False})
def make_array_attribute_ruler(nlp: Language, name: str, validate: bool) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.vocab, name, validate=validate)


def use_array_attribute_ruler(nlp: Language) -> None:
    """Put an `ArrayAttributeRuler` with the model's rules in place of its
    `attribute_ruler` (once; a model without one is left as it is)."""
    name = "attribute_ruler"
    if name not in nlp.pipe_names or isinstance(nlp.get_pipe(name), ArrayAttributeRuler):
        return
    rules = nlp.get_pipe(name).patterns  # type: ignore[attr-defined]
    ruler = nlp.replace_pipe(name, FACTORY)
    ruler.add_patterns(rules)  # type: ignore[attr-defined]


class _Compiled:
    """The ruler's rules split into those decided here (patterns of a fixed number of
    tokens with plain conditions: all the English models' rules) and the rest, left to a
    `Matcher`; and what the rules decided for each combination of token values seen."""

    def __init__(self, ruler: ArrayAttributeRuler) -> None:
        self.usable = all(set(attrs) <= set(_WRITABLE) for attrs in ruler.attrs)
        self.writes = [attr for attr in _WRITABLE if any(attr in a for a in ruler.attrs)]
        self.attrs = ruler.attrs
        self.vocab = ruler.vocab
        self.indices = ruler.indices
        self.others = Matcher(ruler.vocab, validate=ruler.validate)
        plain: list[tuple[int, list[list[list[tuple[str, Any]]]]]] = []
        for rule, entry in enumerate(ruler.patterns):
            spec: dict[str, Any] = dict(entry)  # spaCy types each value as a union of all
            patterns = _plain_patterns(spec["patterns"], spec["index"])
            if patterns is None:
                self.others.add(str(rule), spec["patterns"])
            else:
                plain.append((rule, patterns))
        names = {n for _, ps in plain for p in ps for token in p for n, _ in token}
        self.reads = sorted(names, key=_READ_ORDER.index)
        self.read_ids = [IDS[name] for name in self.reads]
        # Each token's conditions are filed under one value they need (a word before a
        # tag: fewer rules share it), so that a new combination of values tries only the
        # conditions it may meet. A one-token pattern's conditions decide its rule; each
        # token of a longer pattern is a bit ("slot"), the sequence checked in `apply`.
        self.filed: dict[tuple[int, int], list[tuple[int, int, list[Test]]]] = {}
        self.unfiled: list[tuple[int, int, list[Test]]] = []
        self.sequences: list[tuple[int, int, list[int]]] = []  # rule, index, slot bits
        strings = ruler.vocab.strings
        for rule, patterns in plain:
            for pattern in patterns:
                bits = [1 << (len(self.sequences) * _MAX_LENGTH + j) for j in range(len(pattern))]
                if len(pattern) > 1:
                    self.sequences.append((rule, self.indices[rule], bits))
                for token, bit in zip(pattern, bits, strict=True):
                    slot = bit if len(pattern) > 1 else 0
                    tests = [_test(self.reads.index(n), n, spec, strings) for n, spec in token]
                    anchor = _anchor(token, self.reads, strings)
                    if anchor is None:
                        self.unfiled.append((rule, slot, tests))
                    for key in anchor or ():
                        self.filed.setdefault(key, []).append((rule, slot, tests))
        # a combination of token values -> its decision's number; a decision: what the
        # one-token rules set (rule and value per attribute) and the slots met
        self.decided: dict[tuple[int, ...], int] = {}
        self.decisions: dict[tuple, int] = {}
        self._tables: _Tables | None = None

    def apply(self, doc: Doc) -> None:
        if not len(doc) or not self.writes:
            return
        values = _columns(doc, self.writes)
        rank = numpy.full(values.shape, -1, dtype=numpy.int64)  # the rule that set each
        if self.read_ids:
            decided, decide, strings = self.decided, self._decide, doc.vocab.strings
            numbers = [
                decided[key] if key in decided else decide(key, strings)
                for key in map(tuple, _columns(doc, self.read_ids).tolist())
            ]
            tables = self._tables or self._make_tables()
            chosen = numpy.array(numbers, dtype=numpy.intp)
            mask = tables.sets[chosen]
            values = numpy.where(mask, tables.values[chosen], values)
            rank = numpy.where(mask, tables.rank[chosen], rank)
            if self.sequences:
                slots = {
                    int(i): tables.slots[numbers[i]]
                    for i in numpy.flatnonzero(tables.any_slot[chosen])
                }
                self._apply_sequences(slots, values, rank)
        if len(self.others):
            self._apply_others(doc, values, rank)
        doc.from_array(self.writes, values)  # type: ignore[arg-type]  # numpy for Ints2d

    def _decide(self, key: tuple[int, ...], strings: Any) -> int:
        """The number of the decision for tokens with these values: for each attribute,
        the last matching one-token rule's value (spaCy applies rules in their order),
        and the slots of longer patterns the token meets."""
        tried = list(self.unfiled)
        for column, value in enumerate(key):
            tried.extend(self.filed.get((column, value), ()))
        met = [
            (rule, slot) for rule, slot, tests in tried if all(test(key, strings) for test in tests)
        ]
        won: list[tuple[int, int] | None] = [None] * len(self.writes)
        for rule in sorted({rule for rule, slot in met if not slot}):
            for column, attr in enumerate(self.writes):
                if attr in self.attrs[rule]:
                    won[column] = (rule, self.attrs[rule][attr])
        slots = 0
        for _, slot in met:
            slots |= slot
        decision = (*won, slots)
        number = self.decisions.get(decision)
        if number is None:
            number = self.decisions[decision] = len(self.decisions)
            self._tables = None  # a new decision: the tables are made again
        if len(self.decided) >= _MAX_REMEMBERED:
            self.decided.clear()
        self.decided[key] = number
        return number

    def _make_tables(self) -> _Tables:
        shape = (len(self.decisions), len(self.writes))
        tables = _Tables(
            sets=numpy.zeros(shape, dtype=bool),
            values=numpy.zeros(shape, dtype=numpy.uint64),
            rank=numpy.full(shape, -1, dtype=numpy.int64),
            slots=[0] * len(self.decisions),
            any_slot=numpy.zeros(len(self.decisions), dtype=bool),
        )
        for decision, number in self.decisions.items():
            *won, slots = decision
            for column, set_by in enumerate(won):
                if set_by is not None:
                    tables.sets[number, column] = True
                    tables.rank[number, column], tables.values[number, column] = set_by
            tables.slots[number] = slots
            tables.any_slot[number] = bool(slots)
        self._tables = tables
        return tables

    def _apply_sequences(
        self, slots: dict[int, int], values: numpy.ndarray, rank: numpy.ndarray
    ) -> None:
        """The longer patterns: every run of tokens meeting a pattern's slots in order (a
        fixed-length pattern matches at each start where all its tokens do)."""
        for start, met in slots.items():
            for rule, index, bits in self.sequences:
                if not met & bits[0]:
                    continue
                if all(slots.get(start + j, 0) & bit for j, bit in enumerate(bits)):
                    at = start + (index if index >= 0 else len(bits) + index)
                    self._set(rule, at, values, rank)

    def _apply_others(self, doc: Doc, values: numpy.ndarray, rank: numpy.ndarray) -> None:
        strings = self.vocab.strings
        for match_id, start, end in self.others(doc, allow_missing=True):
            rule = int(strings[match_id])
            index = self.indices[rule]
            at = (start if index >= 0 else end) + index
            if not start <= at < end:
                raise ValueError(
                    f"attribute rule {rule}: index {index} is outside its match "
                    f"{[t.text for t in doc[start:end]]}"
                )
            self._set(rule, at, values, rank)

    def _set(self, rule: int, at: int, values: numpy.ndarray, rank: numpy.ndarray) -> None:
        """What `rule` sets, on token `at`, where no later rule has set it."""
        for column, attr in enumerate(self.writes):
            if attr in self.attrs[rule] and rule > rank[at, column]:
                values[at, column] = self.attrs[rule][attr]
                rank[at, column] = rule


@dataclass
class _Tables:
    """Per decision (rows) and attribute (columns): whether it sets it, the value and
    the rule; and per decision the slots met."""

    sets: numpy.ndarray
    values: numpy.ndarray
    rank: numpy.ndarray
    slots: list[int]
    any_slot: numpy.ndarray


def _columns(doc: Doc, attrs: list[int]) -> numpy.ndarray:
    """`doc.to_array(attrs)` as a two-dimensional array, one column per attribute."""
    columns: list[int | str] = [*attrs]
    return doc.to_array(columns).reshape((len(doc), len(attrs)))


def _plain_patterns(patterns: list, index: int) -> list[list[list[tuple[str, Any]]]] | None:
    """A rule's patterns, each a list of tokens, each token a list of (attribute,
    condition) pairs: when every token of every pattern has only conditions this module
    reads (no operators such as "OP") and `index` falls inside each pattern; else None
    (the rule goes to the `Matcher`)."""
    found = []
    for pattern in patterns:
        if not 0 < len(pattern) <= _MAX_LENGTH or not -len(pattern) <= index < len(pattern):
            return None
        tokens = []
        for token in pattern:
            if not isinstance(token, dict):
                return None
            pairs = []
            for name, spec in token.items():
                if not isinstance(name, str) or name.upper() not in _READ_ORDER:
                    return None
                if not _plain_condition(name.upper(), spec):
                    return None
                pairs.append((name.upper(), spec))
            tokens.append(pairs)
        found.append(tokens)
    return found


def _plain_condition(name: str, spec: Any) -> bool:
    """A value, or {"IN": [...]}, {"NOT_IN": [...]} of values, or {"REGEX": "..."} on a
    string attribute: the conditions spaCy's `Matcher` compares as the decision here does."""
    if name in _FLAGS:
        return isinstance(spec, bool)
    if isinstance(spec, str):
        return True
    if not isinstance(spec, dict) or len(spec) != 1:
        return False
    ((op, value),) = spec.items()
    if op in ("IN", "NOT_IN"):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return op == "REGEX" and isinstance(value, str)


def _test(column: int, name: str, spec: Any, strings: Any) -> Test:
    """The condition `spec` on the value in `column` of a token's values."""
    if name in _FLAGS:
        wanted = int(spec)
        return lambda key, _: key[column] == wanted
    if isinstance(spec, str):
        value = strings.add(spec)
        return lambda key, _: key[column] == value
    ((op, listed),) = spec.items()
    if op == "REGEX":
        regex = re.compile(listed)
        # on the doc's strings, as the Matcher reads them
        return lambda key, doc_strings: bool(regex.search(doc_strings[key[column]]))
    values = frozenset(strings.add(v) for v in listed)
    if op == "IN":
        return lambda key, _: key[column] in values
    return lambda key, _: key[column] not in values


def _anchor(pattern: list[tuple[str, Any]], reads: list[str], strings: Any):
    """(column, value) pairs of which a token must have one for `pattern` to match: those
    of its first value or list of values in `_READ_ORDER`; None if it has neither."""
    for name in _READ_ORDER:
        for attr, spec in pattern:
            if attr != name:
                continue
            column = reads.index(attr)
            if name in _FLAGS:
                return [(column, int(spec))]
            if isinstance(spec, str):
                return [(column, strings.add(spec))]
            ((op, listed),) = spec.items()
            if op == "IN":
                return [(column, strings.add(v)) for v in listed]
    return None
