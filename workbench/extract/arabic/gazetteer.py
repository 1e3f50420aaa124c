"""The Arabic gazetteer: names in Arabic script and the Latin name each carries, matched
over tokens with clitics and the article ignored. Two data files: ar_actors.csv (places,
outlets, groups, bodies and a few people) and ar_people.csv (the people who recur in the
region's news, each with the English wire spelling of the name)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ... import lexicon
from ...model import ActorType
from .tokens import Token, normal, without_article

MAX_WORDS = 8


@dataclass(frozen=True)
class Entry:
    arabic: str  # the usual Arabic form
    name: str  # the Latin name
    type: ActorType
    needs_noun: bool  # also an ordinary word: an outlet only after an outlet noun or quoted
    # a place always written with its article (الرقة, القاهرة): without it the word is
    # another ("ورقة": and a card)
    definite: bool = False


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def key(words: list[str]) -> tuple[str, ...]:
    """Words compared without their article: "المملوك" and "مملوك" meet."""
    return tuple(without_article(normal(w)) for w in words)


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, ...], Entry]:
    index: dict[tuple[str, ...], Entry] = {}
    for row in lexicon.table("ar_actors.csv"):
        forms = (row["arabic"], *_split(row["variants"]))
        kind = ActorType(row["type"])
        entry = Entry(
            arabic=row["arabic"],
            name=row["name"],
            type=kind,
            needs_noun=row["needs_noun"] == "yes",
            definite=kind in (ActorType.PLACE, ActorType.COUNTRY)
            and all(normal(f).startswith("ال") for f in forms),
        )
        for form in forms:
            for words in _keys(form):
                index.setdefault(words, entry)
    # people: a name is never an ordinary word (the file keeps out surnames that are), so
    # no outlet noun is needed; ar_actors.csv comes first and keeps a form it already has
    for row in lexicon.table("ar_people.csv"):
        entry = Entry(row["arabic"], row["name"], ActorType.PERSON, needs_noun=False)
        for form in (row["arabic"], *_split(row["variants"])):
            for words in _keys(form):
                index.setdefault(words, entry)
    return index


def _keys(form: str) -> list[tuple[str, ...]]:
    """The keys a form is found under: without its article; a word written with a hamza
    (ألمانيا) keeps its أل, as the text's word does (`match_at`), and is also found as
    written without the hamza (المانيا), and the other way round."""
    words = form.split()
    exact = tuple(_without_article(w, normal(w)) for w in words)
    # and as written, for a text that writes the hamza the form leaves out ("إلياس" for the
    # form "الياس": a word written with a hamza keeps its first letters)
    written = tuple(normal(w) for w in words)
    return list(dict.fromkeys((exact, key(words), written)))


def entry_for(words: list[str]) -> Entry | None:
    """The gazetteer's entry for a whole name given as words ("وزارة الخارجية الروسية")."""
    return _index().get(key(words))


# "the Kingdom": a bare form the gazetteer gives one kingdom, which a text may use for another
_KINGDOM = "المملكة"


@lru_cache(maxsize=1)
def kingdoms() -> frozenset[str]:
    """The Latin names of the states the gazetteer names "المملكة ..." (Saudi Arabia, Jordan,
    the United Kingdom): those a bare "المملكة" may stand for."""
    first = key([_KINGDOM])[0]
    return frozenset(
        row["name"]
        for row in lexicon.table("ar_actors.csv")
        if row["type"] == "country"
        and any(key(f.split()[:1])[0] == first for f in (row["arabic"], *_split(row["variants"])))
    )


def is_the_kingdom(form: str) -> bool:
    """Whether a mention is the bare "المملكة" (the Kingdom), with or without clitics."""
    return key([form])[0] == key([_KINGDOM])[0]


@lru_cache(maxsize=1)
def by_name() -> dict[str, Entry]:
    """Latin name -> its entry (the usual Arabic form first): "Russia" -> روسيا."""
    found: dict[str, Entry] = {}
    for entry in _index().values():
        found.setdefault(entry.name, entry)
    return found


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Arabic demonym (normal form, without article) -> the country's Latin name."""
    found = {}
    for row in lexicon.table("ar_actors.csv"):
        for word in _split(row["demonyms"]):
            found[without_article(normal(word))] = row["name"]
    return found


def demonym_country(token: Token) -> str | None:
    """The country a demonym names ("السوري", "والمصرية"), if the word is one."""
    table = demonyms()
    for skipped, word in token.readings():
        bare = without_article(word)
        found = table.get(bare)
        if found is None and not skipped and len(bare) > 4 and bare.endswith(("يين", "يون")):
            # "القضاة التونسيين": the plural of "تونسي" as an adjective; with و it is
            # mostly a noun ("والتونسيين بالخارج": and Tunisians abroad)
            found = table.get(bare[:-2])
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1)
def source_nouns() -> dict[str, str]:
    """Nouns of unnamed sources and of outlets (normal form) -> person | people | outlet."""
    return {normal(r["noun"]): r["kind"] for r in lexicon.table("ar_source_nouns.csv")}


def is_outlet_noun(token: Token) -> bool:
    nouns = source_nouns()
    return any(nouns.get(without_article(w)) == "outlet" for _, w in token.readings())


@dataclass(frozen=True)
class Match:
    entry: Entry
    first: int  # token index
    last: int  # token index, inclusive
    start: int  # character offsets, clitics excluded
    end: int


def match_at(tokens: list[Token], i: int) -> Match | None:
    """The longest gazetteer name starting at token `i` (its first word may carry clitics)."""
    index = _index()
    for length in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
        words = tokens[i : i + length]
        if any(t.is_punct for t in words):
            continue
        rest = tuple(_without_article(t.text, t.norm) for t in words[1:])
        for skipped, first in words[0].readings():
            madda = any(
                "آ" in t[1:] for t in (words[0].text[skipped:], *(w.text for w in words[1:]))
            )
            entry = index.get((_without_article(words[0].text[skipped:], first), *rest))
            if entry is None:
                continue
            if entry.definite and not first.startswith("ال"):
                continue  # "ورقة" is no Raqqa: الرقة is always written with its article
            if madda and not _with_madda(entry):
                continue  # "مآرب" (aims) is no مأرب (Marib): a madda is no hamza
            if entry.needs_noun and not _introduced(tokens, i, i + length - 1):
                continue
            if entry.type is ActorType.ORGANIZATION and _name_goes_on(tokens, i + length):
                continue  # "مجلس الأمن المركزي" (Lebanon's) is not "مجلس الأمن" (the UN's)
            return Match(entry, i, i + length - 1, words[0].start + skipped, words[-1].end)
    return None


def _name_goes_on(tokens: list[Token], n: int) -> bool:
    """Whether token `n` carries a body's name on past a gazetteer name: a definite nisba
    adjective that names no country ("مجلس الأمن المركزي", "مجلس الأمن الداخلي"), so the
    whole is another body. A full name beats a partial one: an adjective that keeps the
    same body is in the entry's own forms ("مجلس الأمن الدولي"), matched first as longer."""
    if n >= len(tokens) or tokens[n].is_punct or not tokens[n].norm.startswith("ال"):
        return False
    word = without_article(tokens[n].norm)
    nisba = len(word) >= 4 and (word.endswith("ي") or word.endswith("يه"))
    return nisba and demonym_country(tokens[n]) is None


@lru_cache(maxsize=1)
def _madda_entries() -> frozenset[str]:
    """Latin names of the entries with a form written with a madda inside a word (آ)."""
    rows = (*lexicon.table("ar_actors.csv"), *lexicon.table("ar_people.csv"))
    return frozenset(
        r["name"]
        for r in rows
        if any("آ" in w[1:] for f in (r["arabic"], *_split(r["variants"])) for w in f.split())
    )


def _with_madda(entry: Entry) -> bool:
    return entry.name in _madda_entries()


def _without_article(raw: str, norm: str) -> str:
    """A word's key without its article; a word written with a hamza (ألباريس, إلياس) has
    none: "ألباريس" (Albares) is not "باريس" (Paris)."""
    return norm if raw[:1] in "أإ" else without_article(norm)


def _introduced(tokens: list[Token], first: int, last: int) -> bool:
    """An ambiguous outlet name counts only after an outlet noun or inside quotation marks."""
    before = tokens[first - 1] if first > 0 else None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if before is not None and before.text in ("«", '"', "“") and after is not None:
        return after.text in ("»", '"', "”")
    if before is not None and before.text == "(" and after is not None and after.text == ")":
        # "مسقط (العمانية) -", "الدوحة (قنا) -": the dateline's brackets hold its agency
        dash = tokens[last + 2] if last + 2 < len(tokens) else None
        return dash is not None and dash.text in ("-", "–", "—", ":")
    # "نشرة الأخبار" is the news bulletin: نشرة names an outlet only in quotation marks
    return before is not None and is_outlet_noun(before) and not _quoted_only(before)


@lru_cache(maxsize=1)
def _quoted_only_nouns() -> frozenset[str]:
    """Outlet nouns that name an outlet only in quotation marks (ar_source_nouns.csv `names`
    = quoted: "نشرة «لويدز ليست»"; "نشرة الأخبار" is the news bulletin)."""
    rows = lexicon.table("ar_source_nouns.csv")
    return frozenset(normal(r["noun"]) for r in rows if r["names"] == "quoted")


def _quoted_only(token: Token) -> bool:
    return any(without_article(w) in _quoted_only_nouns() for _, w in token.readings())


def find_all(tokens: list[Token]) -> list[Match]:
    """Every gazetteer name, longest first, left to right, not overlapping."""
    found = []
    i = 0
    while i < len(tokens):
        match = match_at(tokens, i)
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match.last + 1
    return found
