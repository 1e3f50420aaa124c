"""Parties, movements, fronts and blocs no gazetteer row names, found by their head noun
(`ar_party_nouns.csv`: حزب، حركة، تيار، جبهة، كتلة، تكتل، ائتلاف، تحالف) and named in English
as the press names them: the party's own words first, the head noun last ("جبهة القوى
الاشتراكية" the Socialist Forces Front, "كتلة «التنمية والتحرير»" the Development and
Liberation Bloc, "الحزب الديموقراطي الكردستاني" the Kurdistan Democratic Party).

Three shapes: the head and the name in quotation marks ("تيار «المردة»": the mention is the
quoted name, as the Lebanese press writes it); the head inside them ("«جبهة الخلاص الوطني»");
and no quotation marks, where the words after the head must all be words the body-word list
translates ("حزب العمال"; "التيار الكهربائي" is an electric current), and a head that also
heads ordinary phrases (حركة، تيار: column `alone`) names a party only with quotation marks.
In English each Arabic noun follows its adjectives in reverse ("الخلاص الوطني" National
Salvation), nouns in construct are joined by "of" ("«دولة القانون»" the State of Law
Coalition), nouns joined by و keep their order ("Development and Liberation"). A name with a word the list
lacks is romanised before the head's English ("Mrda Movement").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ... import lexicon
from ...lexicon.transliterate import romanize
from .body_names import word_reading
from .gazetteer import Match, demonym_country
from .tokens import CLOSE_QUOTES, OPEN_QUOTES, Token, normal, without_article

_MAX_WORDS = 5  # words of a party's name after its head


@dataclass(frozen=True)
class Party:
    first: int  # the mention's tokens
    last: int
    start_skip: int  # clitic letters before the mention's first token ("لحزب")
    name: str


@lru_cache(maxsize=1)
def _not_parties() -> frozenset[tuple[str, str]]:
    """(head noun, word) pairs that are ordinary phrases: جبهة الجنوب (the southern front)."""
    return frozenset(
        (normal(r["noun"]), normal(w))
        for r in lexicon.table("ar_party_nouns.csv")
        for w in r["not"].split("|")
        if w
    )


@lru_cache(maxsize=1)
def _heads() -> dict[str, tuple[str, bool]]:
    """Head noun (normal, no article) -> (English, names a party without quotation marks)."""
    return {
        normal(r["noun"]): (r["english"], r["alone"] == "yes")
        for r in lexicon.table("ar_party_nouns.csv")
    }


def _head(token: Token) -> tuple[int, str, bool, bool] | None:
    """(clitics skipped, English, alone, with the article) when `token` is a party noun."""
    for skipped, word in token.readings():
        bare = without_article(word)
        if bare in _heads():
            english, alone = _heads()[bare]
            return skipped, english, alone, bare != word
    return None


def party_noun(token: Token) -> str | None:
    """The party noun a word is (normal form, no article, no clitics: "الحزب" -> حزب), or None."""
    return next(
        (without_article(w) for _, w in token.readings() if without_article(w) in _heads()), None
    )


def _close(tokens: list[Token], o: int) -> int | None:
    """The closing mark of a short quotation opening at `o` (a name: six words at most)."""
    for q in range(o + 2, min(o + 8, len(tokens))):
        if tokens[q].text in CLOSE_QUOTES:
            return q
        if tokens[q].is_punct:
            return None
    return None


def parties(
    tokens: list[Token],
    taken: set[int],
    matches: list[Match],
    adjective_of: Callable[[str], str],
) -> list[Party]:
    """The parties named in the text (their mentions' tokens and English names); `taken`:
    tokens already an actor's; `matches`: the gazetteer's names (a country or a place
    inside a party's name is its own English name: "«لبنان القوي»" Strong Lebanon);
    `adjective_of`: a country's English adjective (الحزب الشيوعي السوداني: Sudanese)."""
    inside = {m.first: m for m in matches}
    # "حزب الله", "حزب العمال الكردستاني": the gazetteer's own bodies and groups are theirs;
    # a listed person right after a party is its leader, not a name it goes on into
    # ("الأمين العام لحزب العدالة والتنمية عبد الإله بنكيران")
    known = taken | {
        k for m in matches if m.entry.type.value not in ("country", "place", "person")
        for k in range(m.first, m.last + 1)
    }  # fmt: skip
    found: list[Party] = []
    n = 0
    while n < len(tokens):
        party = _party_at(tokens, n, known, inside, adjective_of)
        if party is None:
            n += 1
            continue
        found.append(party)
        n = party.last + 1
    return found


def _party_at(
    tokens: list[Token],
    n: int,
    taken: set[int],
    inside: dict[int, Match],
    adjective_of: Callable[[str], str],
) -> Party | None:
    token = tokens[n]
    if n in taken:
        return None
    if token.text in OPEN_QUOTES and n + 1 < len(tokens):
        # "«جبهة الخلاص الوطني»": the head inside the quotation
        close = _close(tokens, n)
        head = _head(tokens[n + 1]) if close is not None else None
        if close is None or head is None or head[0] or close == n + 2:
            return None
        if any(k in taken for k in range(n + 1, close)):
            return None
        name = _english(tokens, n + 2, close - 1, head[1], inside, adjective_of, quoted=True)
        return Party(n + 1, close - 1, 0, name) if name else None
    head = _head(token)
    if head is None:
        return None
    skipped, english, alone, definite = head
    k = n + 1
    if k < len(tokens) and (inner := _head(tokens[k])) is not None and not inner[0]:
        return None  # "حزب جبهة العمل الإسلامي": the front is the party, named next
    if k < len(tokens) and tokens[k].text in OPEN_QUOTES and not definite:
        # "كتلة «التنمية والتحرير»", "تيار «المردة»": the quoted name is the mention
        close = _close(tokens, k)
        if close is None or any(j in taken for j in range(k + 1, close)):
            return None
        if _head(tokens[k + 1]) is not None:
            return None  # "حزب «جبهة العمل»": the quotation's own head names it
        whole = close - 1 == k + 1 and k + 1 in inside and inside[k + 1].last == k + 1
        if whole and inside[k + 1].entry.type.value not in ("country", "place"):
            return None  # "حركة «حماس»": the gazetteer's own
        name = _english(tokens, k + 1, close - 1, english, inside, adjective_of, quoted=True)
        return Party(k + 1, close - 1, 0, name) if name else None
    if not alone or n + 1 >= len(tokens):
        return None
    bare = without_article(next(w for s, w in token.readings() if s == skipped))
    if (bare, tokens[n + 1].norm) in _not_parties():
        return None  # "جبهة الجنوب": the southern front
    last = _unquoted_end(tokens, n, definite, taken)
    if last == n or last + 1 in taken:
        return None  # "حزب العمال الكردستاني": a known name goes on after it
    if definite and all(
        (r := word_reading(tokens, k, last)) is not None and r[3] == "head-adjective"
        for k in range(n + 1, last + 1)
        if demonym_country(tokens[k]) is None
    ):
        return None  # "التحالف الدولي": the international coalition, a description
    name = _english(tokens, n + 1, last, english, inside, adjective_of, quoted=False)
    return Party(n, last, skipped, name) if name else None


def _unquoted_end(tokens: list[Token], n: int, definite: bool, taken: set[int]) -> int:
    """The last word of a party's name after its head without quotation marks: definite
    words the body-word list reads (a bare head: its genitive and the genitive's
    adjectives, "حزب العمال", "جبهة القوى الاشتراكية"; a definite head: its adjectives,
    "الحزب الديموقراطي الكردستاني"), or the head alone (n) when there are none."""
    last = n
    k = n + 1
    while k < len(tokens) and k - n <= _MAX_WORDS and k not in taken:
        token = tokens[k]
        if demonym_country(token) is not None and k > n + 1:
            last = k  # "الحزب الشيوعي السوداني": the state's adjective ends the name
            break
        reading = word_reading(tokens, k, len(tokens) - 1)
        joined = token.text.startswith("و") and reading is not None and reading[0] == "و"
        if not (token.norm.startswith("ال") or (joined and k > n + 1)) or reading is None:
            break  # "حزب العدالة والتنمية": a definite word, or one joined by و to it
        if definite and reading[3] == "noun" and k == n + 1:
            break  # "الحزب الحاكم ...": a definite head takes adjectives, not a genitive
        last = k + reading[4] - 1
        k = last + 1
    return last


def _english(
    tokens: list[Token],
    a: int,
    b: int,
    head: str,
    inside: dict[int, Match],
    adjective_of: Callable[[str], str],
    *,
    quoted: bool,
) -> str | None:
    """The English name of a party whose own words are tokens a..b and whose head's English
    is `head`. Without quotation marks every word must be read; in them, a word the list
    lacks makes the name romanised."""
    units: list[tuple[str, list[str], bool]] = []  # noun, its adjectives, joined by و
    head_adjectives: list[str] = []
    state: str | None = None
    proper = False  # the last word was a name (a country, a place)
    k = a
    while k <= b:
        if (
            k in inside
            and inside[k].last <= b
            and inside[k].entry.type.value in ("country", "place")
        ):
            units.append((inside[k].entry.name, [], tokens[k].text.startswith("و")))
            k, proper = inside[k].last + 1, True
            continue
        country = demonym_country(tokens[k])
        if country is not None:  # "السوداني": the party's state, first in English
            state = adjective_of(country)
            k, proper = k + 1, False
            continue
        reading = word_reading(tokens, k, b)
        if reading is not None and proper and reading[3] == "noun" and not reading[0]:
            # a name is never in construct with a noun after it: "«لبنان القوي»" is Lebanon
            # the strong (القوي), not القوى (forces), which the list reads in normal form
            reading = None
        proper = False
        if reading is None:
            if not quoted:
                return None
            words = " ".join(t.text for t in tokens[a : b + 1])
            latin = romanize(words).removeprefix("al-")
            return f"{latin[:1].upper()}{latin[1:]} {head}"
        clitic, _, english, kind, step = reading
        if kind == "noun":
            units.append((english, [], clitic == "و"))
        elif units:
            units[-1][1].append(english)
        else:
            head_adjectives.append(english)
        k += step
    chains: list[list[tuple[str, list[str], bool]]] = []
    for unit in units:
        if unit[2] or not chains:
            chains.append([unit])
        else:
            chains[-1].append(unit)
    parts = [
        " of ".join(" ".join((*reversed(adjectives), noun)) for noun, adjectives, _ in chain)
        for chain in chains
    ]
    own = [" and ".join(parts)] if parts else []
    return " ".join((*((state,) if state else ()), *own, *reversed(head_adjectives), head))
