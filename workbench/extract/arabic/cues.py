"""Arabic speech cues, and the clauses of a sentence that may each hold a claim.

A sentence may report two speakers: "اتهم X إيران بالوقوف وراء الهجوم، فيما نفت طهران أي
علاقة لها به". A comma followed by a joiner (فيما، بينما، في حين) and a cue, by a cue with
و ("...، وقال") or by a participle of saying ("...، مشيراً إلى أن") starts a new clause;
`claims.py` reads one claim per clause.
"""

from __future__ import annotations

from functools import lru_cache

from ... import lexicon
from .tokens import CLOSE_QUOTES, Token, normal

# words between a sentence's start and its subject, or its subject and the verb
AUXILIARIES = frozenset(normal(w) for w in ("وكان", "وكانت", "كان", "كانت", "قد", "وقد"))
COMMA = frozenset("،,")
_FROM = normal("عن")


@lru_cache(maxsize=1)
def cues() -> dict[str, str]:
    """Cue word (normal form) -> say | report | relay | according | point | object | judge |
    participle | aside | inform | blame | describe (a judge verb reads as say: a claim only
    with إن/أن or a quotation; a participle as say, going on with the sentence's speaker; an
    aside ends a clause and says nothing; inform as say, the person told after the speaker
    being no speaker; blame as object when a word of responsibility follows; describe: its
    object and the description are what was said)."""
    return {normal(r["cue"]): r["kind"] for r in lexicon.table("ar_cues.csv")}


@lru_cache(maxsize=1)
def takes() -> dict[str, str]:
    """Cue word (normal form) -> the preposition it may take before its content (normal
    form): أشار إلى، شدد على، حذر من."""
    return {
        normal(r["cue"]): normal(r["takes"]) for r in lexicon.table("ar_cues.csv") if r["takes"]
    }


@lru_cache(maxsize=1)
def _going_on() -> frozenset[str]:
    return frozenset(normal(r["cue"]) for r in lexicon.table("ar_cues.csv") if r["goes_on"])


def goes_on(token: Token) -> bool:
    """Whether the cue at `token` continues the last statement (أضاف, مشيراً)."""
    return any(w in _going_on() for _, w in token.readings()[:2])


@lru_cache(maxsize=1)
def _with_object() -> frozenset[str]:
    return frozenset(normal(r["cue"]) for r in lexicon.table("ar_cues.csv") if r["object"])


def says_object(token: Token) -> bool:
    """Whether the participle at `token` takes what was said as its object, as a verb of
    kind object does ("...، نافياً ما تردد عن توقيع اتفاق")."""
    return any(w in _with_object() for _, w in token.readings()[:2])


def preposition_of(token: Token) -> str | None:
    """The preposition the cue at `token` takes, if any."""
    table = takes()
    return next((table[w] for _, w in token.readings()[:2] if w in table), None)


@lru_cache(maxsize=1)
def joiners() -> tuple[tuple[str, ...], ...]:
    """Words opening a second clause after a comma (فيما، بينما، في حين), normal forms."""
    return tuple(
        tuple(normal(w) for w in line.split()) for line in lexicon.lines("ar_clause_joiners.txt")
    )


def _joins(words: tuple[str, ...], joiner: tuple[str, ...]) -> bool:
    """Whether `words` are the joiner, its last word's pronoun he (ه) also she or they
    ("غير أنه", "غير أنها", "غير أنهم")."""
    if words == joiner:
        return True
    if len(words) != len(joiner) or words[:-1] != joiner[:-1] or not joiner[-1].endswith("ه"):
        return False
    return words[-1] in (joiner[-1] + "ا", joiner[-1] + "م")


def clauses(tokens: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """Token ranges of a sentence's clauses that may each hold a claim: a comma outside «»
    followed by a joiner and a speech cue ("...، فيما نفت طهران ..."), or by a cue with و
    ("...، وقال ..."), starts a new one. Without such a comma the sentence is one clause."""
    found = []
    start = first
    depth = 0
    for j in range(first, last - 1):
        text = tokens[j].text
        if text == "«":
            depth += 1
        elif text == "»":
            depth = max(0, depth - 1)
        if not depth and j > start + 1 and blames(tokens, j, last):
            # "... بعد انقطاع حمّلت المؤسسة مسؤوليته لـ ...", "الأزمة التي حمّل الوزير
            # مسؤوليتها للمضاربين": a blame inside a relative clause is a claim of its own
            found.append((start, j))
            start = j
            continue
        if depth or text not in COMMA:
            continue
        p = j + 1
        joiner = next(
            (w for w in joiners() if _joins(tuple(t.norm for t in tokens[p : p + len(w)]), w)),
            None,
        )
        if joiner is not None:
            p += len(joiner)
        while p < last and tokens[p].norm in AUXILIARIES:
            p += 1
        cue = cue_of(tokens[p]) if p < last else None
        if cue is None or (cue[1] == "relay" and not _relays_from(tokens, p, last)):
            continue  # "ونقل إليهم رسالة": conveying, not reporting
        # after a quotation the cue may be its own ("«...»، وقال المتحدث"), unless a cue
        # came before the quotation ("وصف X النتائج بأنها «مفبركة»، وقال في بيان")
        # (looked for within a few dozen words: a hostile text may close quotations forever)
        floor = max(start, j - _LOOKBACK)
        after_quote = (
            j > first
            and tokens[j - 1].text in CLOSE_QUOTES
            and not any(
                cue_of(t) is not None for t in tokens[floor : _quote_opening(tokens, j - 1, floor)]
            )
        )
        if cue[1] in ("participle", "aside") or joiner is not None:
            # "...، مشيراً إلى أن", "...»، فيما حذر": a new claim, after a quotation too;
            # "...، مطالباً برفع الحصار": the content ends, nothing new is said
            found.append((start, j + 1))
            start = j + 1
        elif cue[0] > 0 and not after_quote:
            found.append((start, j + 1))
            start = j + 1
    found.append((start, last))
    return found


@lru_cache(maxsize=1)
def _responsibility_words() -> frozenset[str]:
    return frozenset(normal(w) for w in lexicon.words("ar_responsibility_words.txt"))


# a possessive pronoun after a word of responsibility: "مسؤوليته", "مسؤوليتها"
_POSSESSIVES = ("ها", "هم", "ه")


def blames(tokens: list[Token], c: int, last: int) -> bool:
    """Whether the token at `c` is a verb of blaming (kind blame: حمّل) with a word of
    responsibility after it in the next words ("حمّلت أنقرة مسؤوليته لحزب العمال")."""
    found = cue_of(tokens[c])
    if found is None or found[1] != "blame":
        return False
    words = _responsibility_words()
    for token in tokens[c + 1 : min(last, c + 8)]:
        for _, word in token.readings():
            bare = word[2:] if word.startswith("ال") else word
            # "مسؤوليتها": the word in ة (ه in normal form) before a pronoun is written ت
            stems = {bare} | {bare[: -len(p)] for p in _POSSESSIVES if bare.endswith(p)}
            if any(s in words or (s.endswith("ت") and s[:-1] + "ه" in words) for s in stems):
                return True
    return False


# how far back a clause's quotation and cue are looked for
_LOOKBACK = 60


def _quote_opening(tokens: list[Token], q: int, floor: int) -> int:
    """The opening mark of the quotation closing at token `q`, not before `floor` (q itself
    if none)."""
    depth = 0
    for o in range(q, floor - 1, -1):
        depth += tokens[o].text == "»"
        depth -= tokens[o].text == "«"
        if depth == 0:
            return o
    return q


def _relays_from(tokens: list[Token], p: int, last: int) -> bool:
    """Whether a relay verb at `p` names where it had the claim from (نقل ... عن)."""
    return any(t.norm == _FROM for t in tokens[p + 1 : min(last, p + 8)])


def cue_of(token: Token) -> tuple[int, str] | None:
    """(clitics skipped, kind) when the token is a cue, with و or ف before it or not."""
    table = cues()
    for skipped, word in token.readings()[:2]:
        kind = table.get(word)
        if kind is not None:
            return skipped, kind
    return None
