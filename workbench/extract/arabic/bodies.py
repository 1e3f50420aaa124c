"""Bodies no gazetteer row names, found by their head noun (`ar_institution_nouns.txt`):
"المؤسسة الوطنية للنفط", "المديرية العامة للوقاية المدنية", "هيئة النزاهة الاتحادية",
"شركة نفط الشمال", "مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية".

Arabic names a body as a noun phrase: the head noun, then in construct what it is of (a
definite word, or a bare word and a definite one: "شركة تسويق النفط"), its adjectives (definite
words and demonyms: "الوطنية", "العراقية"), and genitives after ل ("للنفط", "لجمعيات الصليب
الأحمر"), coordinated with و after such a genitive ("للمواطنة وحقوق الإنسان"). The phrase
stops at a preposition ("في ليبيا": the body is the corporation, not Libya), a verb, a
name, or punctuation. A head with the article and nothing after it ("المؤسسة") is a body
named before, not a new one (`claims.py` reads it as that body speaking).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ... import lexicon
from .body_names import is_adjective
from .gazetteer import Match, demonym_country
from .tokens import Token, normal, without_article

# how many words a body's name may run after its head
_MAX_WORDS = 8


@lru_cache(maxsize=1)
def institution_nouns() -> frozenset[str]:
    """Head nouns that name a body with what follows them (normal form, no article)."""
    return frozenset(normal(w) for w in lexicon.words("ar_institution_nouns.txt"))


@lru_cache(maxsize=1)
def _of_place_nouns() -> frozenset[str]:
    return frozenset(normal(w) for w in lexicon.words("ar_institution_nouns.txt", flag="of-place"))


def _of_place(token: Token) -> bool:
    """A head noun that takes a country right after it as its name's end (بنك، مصرف)."""
    return any(without_article(w) in _of_place_nouns() for _, w in token.readings())


def head_reading(token: Token) -> tuple[int, str] | None:
    """(clitics skipped, the word) when `token` is an institution noun, with or without its
    article: "المؤسسة", "وهيئة", "لغرفة"."""
    return next(
        ((n, w) for n, w in token.readings() if without_article(w) in institution_nouns()), None
    )


def bodies(
    tokens: list[Token],
    taken: set[int],
    matches: list[Match],
    word: Callable[[Token], bool],
    definite: Callable[[Token], bool],
) -> list[tuple[int, int]]:
    """Token ranges (first, last) of bodies named by a head noun. `taken`: tokens already
    an actor's; a gazetteer body or place inside the phrase right after a bare word
    ("مكتب الأمم المتحدة", "حكومة إقليم كردستان") is part of it. `word`: whether a token
    may be a word of a name (no function word, cue or number); `definite`: whether it
    carries the article."""
    inside = {m.first: m for m in matches if m.entry.type.value != "person"}
    found = []
    n = 0
    while n < len(tokens):
        head = head_reading(tokens[n]) if n not in taken else None
        if head is None:
            n += 1
            continue
        definite_head = head[1].startswith("ال")
        last = _phrase_end(tokens, n, definite_head, taken, inside, word, definite)
        named = (
            not definite_head
            or any(
                _after_clitic(t, "ل") or demonym_country(t) is not None
                for t in tokens[n + 1 : last + 1]
            )
            or sum(is_adjective(t) for t in tokens[n + 1 : last + 1]) >= 2
        )  # "الحكومة الجديدة" (the new government) names none; "المجلس الأعلى للأمن" does,
        # and so do two adjectives of a body's name ("المجلس الشعبي الوطني"; one, "اللجنة
        # الخاصة", is a description)
        if last > n and named:
            found.append((n, last))
            n = last + 1
        else:
            n += 1
    return found


def _phrase_end(
    tokens: list[Token],
    n: int,
    head_definite: bool,
    taken: set[int],
    inside: dict[int, Match],
    word: Callable[[Token], bool],
    definite: Callable[[Token], bool],
) -> int:
    """The last token of the body's name whose head is at `n` (n itself: no body)."""
    last = n
    k = n + 1
    construct = not head_definite  # the last word was bare: what follows is its genitive
    after_genitive = False  # a ل-genitive was read: و may join another
    while k < len(tokens) and k - n <= _MAX_WORDS:
        token = tokens[k]
        if construct and k in inside:
            # "مكتب الأمم المتحدة لتنسيق ...": a known body or place it is of, when the name
            # goes on after it ("شركة أرامكو" alone is Aramco, the gazetteer's)
            after = inside[k].last + 1
            if (
                after >= len(tokens)
                or after in taken
                or not _goes_on(tokens[after], word, definite)
            ):
                if inside[k].entry.type.value in ("country", "place") and (
                    k > n + 1 or _of_place(tokens[n])
                ):
                    # "مؤسسة كهرباء لبنان", "بنك الجزائر": the body of that country, whose
                    # name ends with it (not "حكومة لبنان", the state)
                    last = inside[k].last
                break
            last = k = inside[k].last
            k += 1
            construct = False
            continue
        if not construct and k in inside and demonym_country(token) is not None:
            last = k  # "هيئة التفاوض السورية": the adjective, though the gazetteer has it
            k += 1
            continue
        if k in taken or token.is_punct or not word(token):
            break
        lam = _after_clitic(token, "ل")
        waw = _after_clitic(token, "و")
        if construct:
            if definite(token) and not _bare_head(token):
                last, construct = k, False  # "هيئة النزاهة", "تسويق النفط"
            elif not definite(token) and (
                _bare_genitive(tokens, k, word, definite)
                or (k + 1 in inside and inside[k + 1].entry.type.value in ("country", "place"))
            ):
                # "شركة تسويق النفط": a bare word, then the definite one; "مؤسسة كهرباء
                # لبنان": then a country
                construct = True
            else:
                break
        elif demonym_country(token) is not None or (definite(token) and not lam and not waw):
            if _bare_head(token):
                break  # "مجلس إدارة المؤسسة": the body named before, not a new one's word
            last = k  # an adjective: "الوطنية", "العامة", "العراقية"
        elif lam and definite(token):
            last, after_genitive = k, True  # "للنفط", "للأمن"
        elif lam and _bare_genitive(tokens, k, word, definite):
            construct, after_genitive = True, True  # "لجمعيات الصليب", "لتنسيق الشؤون"
        elif (
            waw
            and after_genitive
            and (definite(token) or _bare_genitive(tokens, k, word, definite))
        ):
            construct = not definite(token)  # "للمواطنة وحقوق الإنسان"
            if not construct:
                last = k
        else:
            break
        k += 1
    return last  # a bare word left without its genitive is not the name's


def _goes_on(
    token: Token, word: Callable[[Token], bool], definite: Callable[[Token], bool]
) -> bool:
    """Whether a body's name goes on at `token`: an adjective or a ل-genitive."""
    return word(token) and (
        definite(token) or demonym_country(token) is not None or (_after_clitic(token, "ل"))
    )


def _after_clitic(token: Token, letter: str) -> bool:
    """Whether `token` is read with the clitic `letter` before the word."""
    return token.text.startswith(letter) and any(n == 1 for n, _ in token.readings())


def _bare_head(token: Token) -> bool:
    """A head noun with the article and nothing of its own: "المؤسسة" (the one named)."""
    return head_reading(token) is not None and token.norm.startswith("ال")


def _bare_genitive(
    tokens: list[Token], k: int, word: Callable[[Token], bool], definite: Callable[[Token], bool]
) -> bool:
    """Whether a bare word at `k` is in construct with a definite word after it
    ("تسويق النفط", "نفط الشمال", "لتنسيق الشؤون")."""
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return after is not None and word(after) and definite(after) and demonym_country(after) is None
