"""Arabic actors: gazetteer names, names introduced by a title ("اللواء علي مملوك"), and
later mentions by surname ("مملوك", "المملوك"); each actor carries a Latin name (the
gazetteer's, else a romanisation) and its Arabic forms as aliases."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ... import lexicon
from ...lexicon.gazetteer import countries, country_of_capital
from ...lexicon.transliterate import romanize
from ...model import Actor, ActorType, Mention
from .body_names import is_adjective
from .gazetteer import (
    Entry,
    Match,
    by_name,
    demonym_country,
    entry_for,
    find_all,
    is_outlet_noun,
    source_nouns,
)
from .latin import MAGHREB, person_latin
from .parties import parties as find_parties
from .tokens import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    THAT_WORDS,
    Token,
    normal,
    normal_keep_ya,
    without_article,
)

if TYPE_CHECKING:
    from ..known_actors import ActorKnowledge

_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
MAX_NAME_WORDS = 2
# the second words of compound given names (نور الدين، سيف الإسلام), in normal form
_COMPOUND_SECOND = frozenset(normal(w) for w in ("الدين", "الإسلام"))
# how many words a title's role may run before the name it introduces
_MAX_ROLE_WORDS = 10


@lru_cache(maxsize=1)
def titles() -> dict[tuple[str, ...], str]:
    """Title words (normal form) -> rank | office | head."""
    return {
        tuple(normal(w) for w in row["title"].split()): row["kind"]
        for row in lexicon.table("ar_titles.csv")
    }


@lru_cache(maxsize=1)
def _no_feminine() -> frozenset[tuple[str, ...]]:
    """Titles whose feminine form is another word (محافظة: a province)."""
    return frozenset(
        tuple(normal(w) for w in row["title"].split())
        for row in lexicon.table("ar_titles.csv")
        if row["feminine"] == "no"
    )


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    # compared with ى kept apart from ي: the name علي (Ali) is not the preposition على (on);
    # a word listed with a final ي also counts written with ى, as Egyptian papers write
    # في, الذي and التي (فى، الذى، التى)
    words = {normal_keep_ya(w) for w in lexicon.words("ar_stop_words.txt")}
    return frozenset(words | {w[:-1] + "ى" for w in words if w.endswith("ي")})


@lru_cache(maxsize=1)
def acting_words() -> frozenset[str]:
    """ "بالنيابة" (acting): a title's word, never a body's (ar_acting_words.txt)."""
    return frozenset(normal(w) for w in lexicon.words("ar_acting_words.txt"))


@lru_cache(maxsize=1)
def title_links() -> frozenset[str]:
    return frozenset(normal(w) for w in lexicon.words("ar_title_links.txt"))


@lru_cache(maxsize=1)
def body_nouns() -> frozenset[str]:
    return frozenset(normal(w) for w in lexicon.words("ar_body_nouns.txt"))


@lru_cache(maxsize=1)
def naming_outlet_nouns() -> frozenset[str]:
    """Outlet nouns after which a definite word is an outlet's name (ar_source_nouns.csv)."""
    return frozenset(
        normal(r["noun"])
        for r in lexicon.table("ar_source_nouns.csv")
        if r["names"] in ("yes", "reporting")
    )


@lru_cache(maxsize=1)
def reporting_outlet_nouns() -> frozenset[str]:
    """Outlet nouns that also name other things (قناة: a channel, or a canal), naming an
    outlet only where something is reported (ar_source_nouns.csv `names` = reporting)."""
    return frozenset(
        normal(r["noun"]) for r in lexicon.table("ar_source_nouns.csv") if r["names"] == "reporting"
    )


# words that put an outlet noun in a report: "نقلت عن قناة", "بحسب قناة", "وفقا لقناة"
_REPORTING_BEFORE = frozenset(normal(w) for w in ("عن", "حسب", "بحسب", "وفق", "وفقا"))


def _in_a_report(tokens: list[Token], n: int) -> bool:
    """Whether the outlet noun at `n` stands in a report: after a cue or a source word
    ("ذكرت قناة", "بحسب قناة"), with ل ("لقناة"), or before إن/أن or a cue ("قناة X أن")."""
    noun = tokens[n]
    if noun.norm.startswith("ل") or (n > 0 and tokens[n - 1].norm in _REPORTING_BEFORE):
        return True
    if n > 0 and any(w in cue_words() for _, w in tokens[n - 1].readings()[:2]):
        return True
    after = tokens[n + 2] if n + 2 < len(tokens) else None
    return after is not None and (
        after.norm in THAT_WORDS or any(w in cue_words() for _, w in after.readings()[:2])
    )


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    return frozenset(normal(r["cue"]) for r in lexicon.table("ar_cues.csv"))


@lru_cache(maxsize=1)
def _compound_first() -> frozenset[str]:
    # the first words of compound given names (عبد الله, أبو بكر): from the letters table's
    # neighbour, the transliterator, which joins the same words
    from ...lexicon.transliterate import _COMPOUND_FIRST

    return frozenset(normal(w) for w in _COMPOUND_FIRST)


@dataclass(frozen=True)
class Title:
    first: int
    last: int
    kind: str


def title_at(tokens: list[Token], i: int) -> Title | None:
    """The longest title starting at token `i` (its first word may carry و ب ل)."""
    table = titles()
    for length in (3, 2, 1):
        words = tokens[i : i + length]
        if len(words) < length:
            continue
        rest = tuple(t.norm for t in words[1:])
        for _, first in words[0].readings():
            # a title's feminine ends in ة (ه in normal form): وزيرة الخارجية, المتحدثة باسم
            # (not محافظة, a province: ar_titles.csv `feminine` = no)
            for form in (first, first[:-1]) if first.endswith("ه") else (first,):
                kind = table.get((form, *rest))
                if form != first and (form, *rest) in _no_feminine():
                    kind = None
                if kind is not None:
                    return Title(i, i + length - 1, kind)
    return None


class Spans(list):
    """An actor's mention spans in the order found, answering `in` from a set beside the
    list: a long article names one actor thousands of times, and a list scan per mention
    added made its actors quadratic (review 10, F10: x4 for twice the text)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        super().__init__(spans)
        self._seen = set(self)

    def __contains__(self, span: object) -> bool:
        return span in self._seen

    def append(self, span: tuple[int, int]) -> None:
        super().append(span)
        self._seen.add(span)

    def extend(self, spans: Iterable[tuple[int, int]]) -> None:
        for span in spans:
            self.append(span)


@dataclass
class Found:
    """One actor being built: its key, names and mentions."""

    key: str
    name: str
    type: ActorType
    arabic: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def __setattr__(self, name: str, value: object) -> None:
        # every list of mentions given (the rules filter them by rebuilding the list) is
        # kept as Spans, so that `in` never scans
        if name == "mentions" and not isinstance(value, Spans):
            value = Spans(value)  # type: ignore[arg-type]
        object.__setattr__(self, name, value)


def _name_like(token: Token) -> bool:
    return (
        bool(_ARABIC_WORD.fullmatch(token.norm))
        and len(token.norm) >= 2
        and token.norm not in acting_words()
        and normal_keep_ya(token.text) not in stop_words()
        and not any(w in cue_words() for _, w in token.readings())
        # "لقناة", "لمصدر": a source or outlet noun with a clitic is no name either
        and not any(without_article(w) in source_nouns() for _, w in token.readings())
        and token.norm not in body_nouns()
        and demonym_country(token) is None
        # "اتصالاً": a word written with tanween is an indefinite noun, never a name
        and not any(mark in token.text for mark in _TANWEEN)
    )


_TANWEEN = "\u064b\u064c\u064d"


def _definite(token: Token) -> bool:
    """Whether a word carries the article ال (after its clitics: "للصليب"), written with a
    plain alif: "ألكسندر" (Alexander) and "إلياس" begin with a hamza, no article."""
    for skipped, word in token.readings():
        if word.startswith("ال") and len(word) > 3:
            rest = token.text[skipped:]
            if rest.startswith("ال") or (
                rest.startswith("ل") and skipped and word[1:] == normal(rest)[: len(word) - 1]
            ):
                return True
    return False


def _told(token: Token) -> bool:
    """An outlet noun or name after ل ("لوكالة", "لقناة", "لرويترز"): whom a source told."""
    return token.text.startswith("ل") and any(
        n == 1 and (without_article(w) in source_nouns() or entry_for([token.text[1:]]) is not None)
        for n, w in token.readings()
    )


def _describes_title(token: Token, title: Title) -> bool:
    """A word that belongs to a title's role before the name: a definite word (الـ, also
    after ل: للصليب) after an office or a post, or a word joining the title to a body
    (باسم، لدى). A name never starts with the article (`_name_after`), so these words
    cannot be the name the title introduces."""
    if token.is_punct or any(w in cue_words() for _, w in token.readings()):
        return False
    if _told(token):
        return False  # "المتحدث لوكالة سبأ": the outlet he spoke to, not his role
    if token.norm in title_links() or token.norm in acting_words():
        return True  # "رئيس مجلس النواب بالنيابة": an acting title goes on to the name
    if title.kind == "rank" and _definite(token) and _participle(token):
        return True  # "النائب المستقل سجاد سالم", "النائب المنتخب": the rank's adjective
    if title.kind == "rank" or normal_keep_ya(token.text) in stop_words():
        return False
    if any(w in body_nouns() for _, w in token.readings()):
        return True  # "رئيس هيئة التفاوض": a body in construct, no article, not a name
    return _definite(token)


def _participle(token: Token) -> bool:
    """Whether a definite word has the shape of a derived participle, an adjective: م and
    at least four letters after the article ("المستقل", "المنتخب", "المعارض", "المكلف"),
    or the shapes of `_adjective_shaped` ("السابق" no: a stop word; "الحالي")."""
    word = without_article(token.norm)
    return (word.startswith("م") and len(word) >= 5) or _adjective_shaped(word)


def _role_goes_on(tokens: list[Token], k: int, by_first: dict[int, Match]) -> bool:
    """Whether a title's role goes on at token `k`, after a word joining it to a body
    (باسم, لدى, في, عن): a body or place the gazetteer knows, a demonym, another title, a
    body noun or a definite word ("السفير الإيراني في بغداد", "القيادي في الحشد الشعبي");
    not "قال الرئيس في كلمة", where في starts what he said it in."""
    if k >= len(tokens):
        return False
    token = tokens[k]
    if k in by_first:
        return True
    if demonym_country(token) is not None or title_at(tokens, k) is not None:
        return True
    if normal_keep_ya(token.text) in stop_words() or token.is_punct:
        return False
    readings = [w for _, w in token.readings()]
    return any(w in body_nouns() for w in readings) or _definite(token) or _construct(tokens, k)


def _construct(tokens: list[Token], k: int) -> bool:
    """A bare word and a definite one after it, in construct: "شرق المتوسط"."""
    return (
        k + 1 < len(tokens)
        and _name_like(tokens[k])
        and not _definite(tokens[k])
        and _definite(tokens[k + 1])
        and _name_like(tokens[k + 1])
    )


def _genitive_in_role(tokens: list[Token], k: int, by_first: dict[int, Match]) -> int | None:
    """The last token of a genitive after ل، ب or و inside a title's role, when the role
    goes on after it: "لتنسيق الشؤون الإنسانية", "لشؤون الطوارئ في", "بشأن ليبيا",
    "للمواطنة وحقوق الإنسان" (the body's or the post's words, not a name: "المتحدث باسم X
    لطيف الشيخ إن" keeps the name)."""
    token = tokens[k]
    if not any(n == 1 and token.text[:1] in "لبو" for n, _ in token.readings()):
        return None
    if _definite(token) or not _name_like(token) or k + 1 >= len(tokens):
        return None
    if k + 1 in by_first and by_first[k + 1].entry.type is not ActorType.PERSON:
        last = by_first[k + 1].last
    elif _definite(tokens[k + 1]) and _name_like(tokens[k + 1]):
        last = k + 1
    else:
        return None
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    goes_on = (
        nxt is not None
        and (
            nxt.norm in title_links()
            or (_definite(nxt) and _name_like(nxt))
            or demonym_country(nxt) is not None
            or (last + 1 in by_first and by_first[last + 1].entry.type is ActorType.PERSON)
            or (_name_like(nxt) and by_first.get(k + 1) is not None)
            # "للمواطنة وحقوق الإنسان إدريس السدراوي": a genitive joined by و, then the name
            or (token.text[:1] == "و" and _name_like(nxt))
        )
    )
    return last if goes_on else None


def _given_with_article(tokens: list[Token], k: int) -> bool:
    """A given name written with the article (الطيب، المنصف) before another word of a name:
    the name begins there ("الطيب زيتوني", "المنصف المرزوقي"), not the title's role."""
    from ...lexicon.transliterate import clean_arabic, given_names_with_article

    return (
        k + 1 < len(tokens)
        and clean_arabic(tokens[k].text) in given_names_with_article()
        and _name_like(tokens[k + 1])
        and title_at(tokens, k + 1) is None
    )


def _possessed(token: Token) -> bool:
    """A noun with a possessive pronoun, "its" or "their" (خارجيتها، حكومتهم): no name
    (a name of five letters or more never ends so; مها, Maha, is shorter)."""
    return len(token.text) >= 5 and token.text.endswith(("ها", "هم", "هما"))


def _quoted_in_role(tokens: list[Token], k: int, by_first: dict[int, Match]) -> int | None:
    """The closing mark of a body's name in quotation marks inside a title's role, opening
    at token `k` (or after a lone ل: "لـ«جبهة ...»"), when it names no outlet (an outlet told
    ends the role: "المتحدث لـ«الأخبار»") and a name or more of the role follows it."""
    o = k + 1 if tokens[k].text in ("لـ", "ل") and k + 1 < len(tokens) else k
    if tokens[o].text not in OPEN_QUOTES:
        return None
    close = next(
        (q for q in range(o + 2, min(o + 8, len(tokens))) if tokens[q].text in CLOSE_QUOTES), None
    )
    if close is None or close + 1 >= len(tokens) or tokens[close + 1].is_punct:
        return None
    if any(m.entry.type is ActorType.MEDIA for j, m in by_first.items() if o < j < close):
        return None
    if is_outlet_noun(tokens[k]) or not _name_like(tokens[close + 1]):
        return None
    return close


def _bracketed(tokens: list[Token], k: int) -> int | None:
    """The closing bracket of a few words in brackets opening at token `k`, else None."""
    if tokens[k].text != "(":
        return None
    return next((q for q in range(k + 2, min(k + 6, len(tokens))) if tokens[q].text == ")"), None)


_COMMAS = ("،", ",")


def _apposed_name(
    tokens: list[Token], k: int, taken: set[int], by_first: dict[int, Match]
) -> tuple[int, int] | None:
    """Where a person's name begins and ends when a comma sets it beside the title's role and
    another closes it ("ممثل جبهة البوليساريو لدى الأمم المتحدة، سيدي محمد عمار، في
    تصريح"; a rank or السيد may open it: "، العميد حسام الدين الجبابلي،"), else None. The
    closing comma is what makes the words a name in apposition, not the start of a clause."""
    if k >= len(tokens) or tokens[k].text not in _COMMAS:
        return None
    j = k + 1
    rank = title_at(tokens, j) if j < len(tokens) else None
    if rank is not None and rank.kind == "rank":
        j = rank.last + 1
    if j in by_first and by_first[j].entry.type is ActorType.PERSON:
        last = by_first[j].last
    elif (span := _name_after(tokens, j, taken)) is not None and not any(
        _date_word(tokens[n]) for n in range(span[0], span[1] + 1)
    ):
        last = span[1]
        # "، سيدي محمد عمار،": between commas a name may run to a third or fourth word
        while (
            last + 1 < len(tokens)
            and last + 1 - j < MAX_NAME_WORDS + 2
            and tokens[last + 1].text not in _COMMAS
            and last + 1 not in taken
            and _name_like(tokens[last + 1])
            and not _definite(tokens[last + 1])
            and title_at(tokens, last + 1) is None
        ):
            last += 1
    else:
        return None
    if tokens[last].text in _lineage():
        return None  # "، محمد ولد،": a name never ends on a bare lineage word
    return (j, last) if last + 1 < len(tokens) and tokens[last + 1].text in _COMMAS else None


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Words of a date ("أمس", "الاثنين"): never a name between commas ("قال الوزير، أمس،")."""
    rows = lexicon.table("ar_relative_dates.csv")
    words = {w for r in rows for w in r["phrase"].split()}
    words |= {r["name"] for r in lexicon.table("ar_weekdays.csv")}
    words |= {r["name"] for r in lexicon.table("ar_months.csv")}
    return frozenset(without_article(normal(w)) for w in words)


def _date_word(token: Token) -> bool:
    return any(without_article(w) in _date_words() for _, w in token.readings())


@lru_cache(maxsize=1)
def _lineage() -> dict[str, int]:
    """A name's lineage words (as written; normal() makes آل the article) and how many words
    of the name each brings (ar_name_words.csv `lineage`): بن and its father's name, آل and
    its family's; the Mauritanian ولد "son of" like بن: "محمد سالم ولد مرزوك"."""
    return {
        row["arabic"]: int(row["lineage"])
        for row in lexicon.table("ar_name_words.csv")
        if row["lineage"]
    }


def _lineage_goes_on(tokens: list[Token], i: int, taken: set[int]) -> bool:
    """Whether the word at `i`, after a lineage word, can be the next word of a name: not a
    preposition, number, date word or another lineage word. ولد is also the verb "was born"
    ("الوزير أحمد سالم ولد في أطار عام 1962"): only a name word after it makes it "son of"."""
    if i >= len(tokens) or i in taken:
        return False
    word = tokens[i]
    return (
        _name_like(word)
        and word.text not in _lineage()
        and not _date_word(word)
        and not _possessed(word)
    )


def _in_lineage(tokens: list[Token], match: Match) -> bool:
    """A listed person right after بن or آل is a father's or a family's name inside a longer
    name ("خليفة بن حمد بن خليفة آل ثاني" is not the father emir حمد بن خليفة آل ثاني)."""
    return (
        match.entry.type is ActorType.PERSON
        and match.first > 0
        and tokens[match.first - 1].text in _lineage()
    )


# the days relative to publication, which follow a title's place as often as a name does
_RELATIVE_DAYS = frozenset(normal(w) for w in ("أمس", "اليوم", "غداً", "غدا"))


# ب or ل written onto a word opening with a hamza on alif (بإعفاء، لإجراء، بأن): no name
# is written so after a title
_PREPOSITION_ON_HAMZA = re.compile(r"[بل][أإ]")


def _name_after(tokens: list[Token], k: int, taken: set[int]) -> tuple[int, int] | None:
    """The person's name a title introduces, from token `k`: up to two words (three with a
    compound first name, عبد الله المعلمي), not beginning with the article."""
    if k >= len(tokens) or k in taken or not _name_like(tokens[k]):
        return None
    if (_definite(tokens[k]) and not _given_with_article(tokens, k)) or _possessed(tokens[k]):
        return None
    if _PREPOSITION_ON_HAMZA.match(tokens[k].text):
        return None  # "الأمر القاضي بإعفاء ...": a preposition on a verbal noun, no name
    if tokens[k].norm in _RELATIVE_DAYS:
        return None  # "زارت الوزيرة مسقط أمس": when, after a place the title skipped
    if (normal("ال" + without_article(tokens[k].norm)),) in _portfolios():
        return None  # "لوزير خارجية هولندي": a portfolio without its article, no name
    limit = MAX_NAME_WORDS + (1 if tokens[k].norm in _compound_first() else 0)
    # "حسام الدين الجبابلي", "نصر الدين عامر": a given name compounded with الدين is one word
    if k + 1 < len(tokens) and tokens[k + 1].norm in _COMPOUND_SECOND:
        limit += 1
    lineage = _lineage()
    last = k
    while last + 1 < len(tokens) and (
        last + 1 - k < limit
        or tokens[last].norm in _compound_first()
        # "محمد سالم ولد مرزوك": a lineage word after a two-word given name goes on too
        or tokens[last + 1].text in lineage
    ):
        # a compound given name is never cut: محمد عبد السلام, not محمد عبد
        nxt = tokens[last + 1]
        if nxt.text in lineage and not _lineage_goes_on(tokens, nxt.i + 1, taken):
            break  # "أحمد سالم ولد في أطار": ولد "was born"; the name ended before it
        # "خليفة بن حمد بن خليفة آل ثاني", "حسن بن عبدالله الغانم": a lineage goes on past
        # the two words of a name, each بن with its father's name, آل with its family's
        limit += lineage.get(nxt.text, 0)
        # "عبد الأمير الشمري": after عبد a title word (الأمير، الملك) is the name's; after
        # a lineage word too ("محمد ولد الشيخ الغزواني": the father's name opens with الشيخ)
        titled = (
            title_at(tokens, nxt.i) is not None
            and tokens[last].norm not in _compound_first()
            and tokens[last].text not in lineage
        )
        if (
            nxt.i in taken
            or titled
            or _possessed(nxt)  # "زيتوني مسؤوليتها": the name, then "its responsibility"
            or not (_name_like(nxt) or tokens[last].norm in _compound_first())
        ):
            break
        last += 1
    while last > k and tokens[last].text in lineage:
        last -= 1  # a name never ends on a bare lineage word ("محمد سالم بن" + a cut)
    if last - k + 1 == limit and _third_name_word(tokens, last + 1, taken):
        last += 1  # "رشيد الطالبي العلمي إن": a third name word, the clause's end after it
    while (
        last + 2 < len(tokens)
        and tokens[last + 1].text == "-"
        and tokens[last].end == tokens[last + 1].start
        and tokens[last + 1].end == tokens[last + 2].start
        and last + 2 not in taken
        and _name_like(tokens[last + 2])
    ):
        last += 2  # "جينين هينيس-بلاسخارت": a hyphenated surname is one word of the name
    return k, last


# what may follow a person's name where the name's clause ends: "that", a comma or a stop
_NAME_CLAUSE_ENDS = frozenset(normal(w) for w in ("إن", "أن", "بأن", "،", ",", ".", ":"))


def _third_name_word(tokens: list[Token], n: int, taken: set[int]) -> bool:
    """Whether the word at `n`, after a title's two name words, is the name's third: a
    name-like word, no title, date or function word, with the clause's end right after it
    ("رئيس مجلس النواب رشيد الطالبي العلمي إن", "رئيس الحركة عبد العالي حساني شريف إن"; the
    Maghreb's and the Gulf's names often have three words). Anything else after it ("الرئيس
    قيس سعيد فاز بولاية") leaves the name at two words."""
    if n + 1 >= len(tokens) or n in taken:
        return False
    word, after = tokens[n], tokens[n + 1]
    return (
        _name_like(word)
        and title_at(tokens, n) is None
        and not _date_word(word)
        and not _possessed(word)
        and normal_keep_ya(word.text) not in stop_words()
        and not any(w in cue_words() for _, w in word.readings())
        and (after.norm in _NAME_CLAUSE_ENDS or after.text in _NAME_CLAUSE_ENDS)
    )


def extract_actors(
    tokens: list[Token], text: str, *, known: ActorKnowledge | None = None
) -> tuple[list[Actor], list[tuple[int, int, str]]]:
    """The article's actors, and every mention as (start, end, actor id) in text order.

    `known`: the case's knowledge; a name a person confirmed (in either script) is found
    under its case name and type, and a name they rejected is no actor."""
    every = find_all(tokens)
    outlets = _quoted_outlets(tokens, every) + _outlets_named_after_a_place(tokens, every)
    # "كتلة «التنمية والتحرير»", "جبهة القوى الاشتراكية": parties by their head noun
    parties = [
        p for p in find_parties(tokens, set(), every, _english_adjective)
        if not any(first <= p.last and p.first <= last for first, last in outlets)
    ]  # fmt: skip
    in_party = {n for p in parties for n in range(p.first, p.last + 1)}
    bodies = [  # منظمة «أطباء بلا حدود»
        (first, last) for first, last in _quoted_outlets(tokens, every, noun=_is_body_noun)
        if not any(n in in_party for n in range(first, last + 1))
    ]  # fmt: skip
    quoted = {n for first, last in outlets + bodies for n in range(first, last + 1)} | in_party
    # a name the gazetteer knows inside an outlet's quoted name is part of it:
    # شبكة "دير الزور 24" is an outlet, not the city
    matches = [
        m for m in every
        if m.first not in quoted and m.last not in quoted and not _in_lineage(tokens, m)
    ]  # fmt: skip
    taken = {n for m in matches for n in range(m.first, m.last + 1)} | quoted
    by_first = {m.first: m for m in matches}
    found: dict[str, Found] = {}

    def add(key: str, name: str, kind: ActorType, arabic: str, span: tuple[int, int]) -> Found:
        actor = found.setdefault(key, Found(key, name, kind, arabic))
        if span not in actor.mentions:
            actor.mentions.append(span)
        return actor

    for match in matches:
        entry = match.entry
        if _adjective_not_place(tokens, match, by_first):
            continue  # "«القوة القاهرة»" (force majeure), "من الغبار الرمادي" (grey dust)
        city = _dateline_city(tokens, match)
        if city is not None:
            # "الجزائر -", "الكويت -": a dateline names a city; a country there is its
            # capital of the same name (Algiers, Kuwait City)
            add(city, city, ActorType.PLACE, entry.arabic, (match.start, match.end))
            continue
        government = _speaking_capital(tokens, match) or _capital_between(tokens, match)
        if government is not None:
            # "نفت طهران", "أكد أن موسكو ملتزمة": the capital speaks for its country
            add(government.name, government.name, government.type, government.arabic,
                (match.start, match.end))  # fmt: skip
            continue
        add(entry.name, entry.name, entry.type, entry.arabic, (match.start, match.end))
    _the_kingdom(found, text)
    home = _dateline_state(tokens, matches)
    for first, last, name, kind in _missions(tokens, matches, taken, home):
        # "السفارة الأمريكية في بغداد": the US Embassy in Baghdad
        start = tokens[first].start + _clitics_before(tokens[first], _mission_firsts())
        add(name, name, kind, text[start : tokens[last].end], (start, tokens[last].end))
        taken |= set(range(first, last + 1))
    for first, last, name in _agencies_for_news(tokens, every, taken):
        # "وكالة تونس أفريقيا للأنباء (وات)": an agency no list names, with the place in it
        start = tokens[first].start + _clitics_before(tokens[first], source_nouns())
        for actor in found.values():  # "تونس" inside the agency's name is not Tunisia
            actor.mentions = [
                (s, e) for s, e in actor.mentions if not (start <= s and e <= tokens[last].end)
            ]
        add(normal(text[start : tokens[last].end]), name, ActorType.MEDIA,
            text[start : tokens[last].end], (start, tokens[last].end))  # fmt: skip
        taken |= set(range(first, last + 1))
    # "قناة المملكة": a state's or a place's name with the article after an outlet noun
    # that names is the outlet's ("the Kingdom" channel), not the state
    named_so = {m.first for m in matches if m.first == m.last and tokens[m.first].norm.startswith("ال")
                and m.entry.type in (ActorType.COUNTRY, ActorType.PLACE)}  # fmt: skip
    # "تلفزيون الكويت": a state's broadcaster, by the wires' name (ar_state_broadcasters.csv)
    states_named = {m.first: m.entry.name for m in matches if m.first in named_so
                    and m.entry.type is ActorType.COUNTRY}  # fmt: skip
    # "تلفزيون قطر": a state's name with no article after a broadcaster noun, too
    bare_states = []
    for m in matches:
        if (m.first == m.last and m.first > 0 and m.first not in named_so
                and m.entry.type is ActorType.COUNTRY
                and _broadcaster_noun(tokens[m.first - 1])):  # fmt: skip
            bare_states.append((m.first, m.first))
            states_named[m.first] = m.entry.name
    for first, last in _described_outlets(tokens, taken - named_so) + bare_states:
        taken |= set(range(first, last + 1))
        outlets.append((first, last))
        named_at = (tokens[first].start, tokens[last].end)
        for actor in found.values():
            actor.mentions = [m for m in actor.mentions if m != named_at]
    for first, last in outlets:
        arabic = text[tokens[first].start : tokens[last].end]
        latin = _state_broadcaster(tokens, first, last, states_named) or _outlet_latin(arabic)
        add(normal(arabic), latin, ActorType.MEDIA, arabic,
            (tokens[first].start, tokens[last].end))  # fmt: skip
    for first, last in bodies:
        arabic = text[tokens[first].start : tokens[last].end]
        add(normal(arabic), romanize(arabic), ActorType.ORGANIZATION, arabic,
            (tokens[first].start, tokens[last].end))  # fmt: skip
    for party in parties:
        start, end = tokens[party.first].start + party.start_skip, tokens[party.last].end
        add(normal(text[start:end]), party.name, ActorType.ORGANIZATION, text[start:end],
            (start, end))  # fmt: skip
    if known:
        for first, last, start, name, kind in _known_names(tokens, text, known, taken):
            add(name, name, kind, text[start : tokens[last].end], (start, tokens[last].end))
            taken |= set(range(first, last + 1))

    # names introduced by titles: "وزير الخارجية السوري وليد المعلم", "رئيس مكتب الأمن
    # الوطني اللواء علي مملوك" (an office, what it heads, a rank, the name)
    i = 0
    while i < len(tokens):
        title = title_at(tokens, i)
        if title is None or i in taken:
            i += 1
            continue
        role_start, k = tokens[title.first].start, title.last + 1
        role_end = tokens[title.last].end
        construct = False  # the last role word was a body noun without the article
        while k < len(tokens) and k - title.last <= _MAX_ROLE_WORDS:
            after_body, construct = construct, False
            if (
                (after_body or (title.kind == "governor" and k == title.last + 1))
                and k not in taken
                and k not in by_first
                and _name_like(tokens[k])
                and not _definite(tokens[k])
                and title_at(tokens, k) is None
            ):
                # "تحالف دعم الشرعية": the body's own word; "محافظ نينوى": the province
                if not after_body:
                    add(tokens[k].norm, romanize(tokens[k].text), ActorType.PLACE,
                        tokens[k].text, (tokens[k].start, tokens[k].end))  # fmt: skip
                    taken.add(k)
                role_end = tokens[k].end
                k += 1
            elif _given_with_article(tokens, k):
                break  # "وزير التجارة الطيب زيتوني": the name begins with the article
            elif demonym_country(tokens[k]) is not None:
                role_end = tokens[k].end
                k += 1
            elif (
                k in by_first
                and by_first[k].entry.type is not ActorType.PERSON
                and not (by_first[k].entry.type is ActorType.MEDIA and _told(tokens[k]))
            ):
                role_end = tokens[by_first[k].last].end
                k = by_first[k].last + 1
            elif (chained := title_at(tokens, k)) is not None:
                k = chained.last + 1
            elif k not in taken and (genitive := _genitive_in_role(tokens, k, by_first)):
                # "المتحدث باسم مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية ينس لاركيه"
                role_end = tokens[genitive].end
                k = genitive + 1
            elif tokens[k - 1].norm in title_links() and k not in taken and _construct(tokens, k):
                # "مدير ... في شرق المتوسط ريتشارد برينان": a place in construct after في
                role_end = tokens[k + 1].end
                k += 2
            elif (close := _quoted_in_role(tokens, k, by_first)) is not None:
                # "النائب عن كتلة «التنمية والتحرير» قاسم هاشم", "الأمين الأول لـ«جبهة القوى
                # الاشتراكية» المعارضة يوسف أوشيش": a body's name in quotation marks
                role_end = tokens[close].end
                k = close + 1
            elif (close := _bracketed(tokens, k)) is not None:
                # "مدير الدفاع المدني السوري (الخوذ البيضاء) رائد الصالح": the body's other
                # name in brackets is the role's, the name follows it
                role_end = tokens[close].end
                k = close + 1
            elif (
                _describes_title(tokens[k], title)
                and k not in taken
                and (tokens[k].norm not in title_links() or _role_goes_on(tokens, k + 1, by_first))
            ):
                # "المتحدث العسكري باسم ...", "رئيس الائتلاف الوطني السوري": the title's
                # adjectives, the word joining it to a body, a body no gazetteer lists
                construct = tokens[k].norm in body_nouns()
                role_end = tokens[k].end
                k += 1
            else:
                break
        role = _strip_clitics(text[role_start:role_end], tokens[title.first])
        apposed = _apposed_name(tokens, k, taken, by_first)
        if apposed is not None:
            k = apposed[0]  # "المتحدثة باسم المجلس الرئاسي، نجوى وهيبة،": the name between commas
        if k in by_first and by_first[k].entry.type is ActorType.PERSON:
            person = found[by_first[k].entry.name]
        elif (span := apposed or _name_after(tokens, k, taken)) is not None and not (
            span[0] == span[1]
            and span[1] + 1 in by_first
            and by_first[span[1] + 1].entry.type in (ActorType.COUNTRY, ActorType.PLACE)
        ):
            # (one word before a known state or place is a noun in construct, no name:
            # "مدير مشروع إيران", "مسؤول ملف سوريا")
            first, last = span
            arabic = text[tokens[first].start : tokens[last].end]
            norm_key = " ".join(normal(t.text) for t in tokens[first : last + 1])
            person = add(
                norm_key,
                person_latin(arabic, _person_country(tokens, title.first, first, home)),
                ActorType.PERSON,
                arabic,
                (tokens[first].start, tokens[last].end),
            )
            taken |= set(range(first, last + 1))
        else:
            i = k
            continue
        if title.kind != "rank" and role not in person.roles:
            person.roles.append(role)
        i = k

    from .bare_names import bare_names  # bare_names.py reads this module's name tests

    for first, last in bare_names(tokens, taken, _name_after, _name_like):
        # "وقال فهد المهندي من مدينة الخور إن": a person with no title beside the verb
        arabic = text[tokens[first].start : tokens[last].end]
        norm_key = " ".join(normal(t.text) for t in tokens[first : last + 1])
        latin = person_latin(arabic, _person_country(tokens, first, first, home))
        add(norm_key, latin, ActorType.PERSON, arabic, (tokens[first].start, tokens[last].end))
        taken |= set(range(first, last + 1))
    for first, last, name in _forces(tokens, taken):
        # "الجيش السوري", "قوات الأمن العراقية": a state's forces, one collective actor
        start = tokens[first].start + _clitics_before(tokens[first], _force_nouns_first())
        add(name, name, ActorType.ORGANIZATION, text[start : tokens[last].end],
            (start, tokens[last].end))  # fmt: skip
        taken |= set(range(first, last + 1))
    for first, last, name in _ministries(tokens, taken, home):
        # "وزارة الموارد المائية": a ministry no gazetteer row names whole
        arabic = text[tokens[first].start : tokens[last].end]
        start = tokens[first].start + _clitics(tokens[first])
        add(name, name, ActorType.ORGANIZATION, arabic[start - tokens[first].start :],
            (start, tokens[last].end))  # fmt: skip
        taken |= set(range(first, last + 1))
    # "المؤسسة الوطنية للنفط", "هيئة النزاهة الاتحادية": a body by its head noun; a known
    # body or place it is of becomes part of its name ("مكتب الأمم المتحدة لتنسيق ...")
    from .bodies import bodies as by_head  # bodies.py reads this module's word tests
    from .body_names import broadcasts, english_name

    for first, last in by_head(tokens, taken, matches, _body_word, _definite):
        last = _before_a_date(tokens, first, last)
        if _definite(tokens[first]) and any(
            without_article(w) in _mission_firsts() for _, w in tokens[first].readings()
        ):
            continue  # "الحكومة اللبنانية": the state (`_missions`), or a role's words
        start = tokens[first].start + _clitics_before_head(tokens[first])
        end = tokens[last].end
        for actor in found.values():
            actor.mentions = [(s, e) for s, e in actor.mentions if not (start <= s and e <= end)]
        arabic = text[start:end]
        inside = {m.first: m for m in matches if first < m.first <= last}
        name = english_name(tokens, first, last, inside, _english_adjective) or romanize(arabic)
        # "مجلس النواب" in Baghdad or Beirut: the Iraqi, the Lebanese Parliament
        name = _parliament_name(tokens, first, last, home) or name
        # "هيئة البث الإسرائيلية": a broadcaster is an outlet, the channel of what it reports
        kind = ActorType.MEDIA if broadcasts(tokens, first, last) else ActorType.ORGANIZATION
        add(normal(arabic), name, kind, arabic, (start, end))
        taken |= set(range(first, last + 1))
    for first, last, name in _named_places(tokens, taken):
        # "نهر الكارون", "سد الروصيرص": a place no list knows, named by its kind
        # the clitics before the place noun ("وبلدة"); a town's name alone has none
        start = tokens[first].start + _clitics_before(tokens[first], _place_nouns())
        add(name, name, ActorType.PLACE, text[start : tokens[last].end], (start, tokens[last].end))
        taken |= set(range(first, last + 1))
    for n in _places_beside_places(tokens, by_first, taken):
        # "بين نواكشوط وورقلة": the other end of a stretch between a known place and a word
        skip = 1 if tokens[n].text.startswith("و") and not _name_like_whole(tokens[n]) else 0
        start = tokens[n].start + skip
        arabic = text[start : tokens[n].end]
        add(normal(arabic), romanize(arabic), ActorType.PLACE, arabic, (start, tokens[n].end))
        taken.add(n)
    for n in _places_in_a_list(tokens, by_first, taken):
        # "في بيروت وعاليه والغازية": the list goes on in places no list knows
        start = tokens[n].start + 1
        arabic = text[start : tokens[n].end]
        add(normal(arabic), romanize(arabic), ActorType.PLACE, arabic, (start, tokens[n].end))
        taken.add(n)
    _join_bracketed_outlets(tokens, found)
    _add_acronyms(tokens, text, found, taken)
    _add_surnames(tokens, found, taken)
    _add_given_names(tokens, found, taken)
    if known:
        for actor in found.values():
            actor.mentions = [(s, e) for s, e in actor.mentions if not known.rejects(text[s:e])]
    if home in MAGHREB:
        _maghreb_outlets(found, home)
    return _actors(found, text)


@lru_cache(maxsize=1)
def _maghreb_outlet_names() -> dict[str, dict[str, str]]:
    return {normal(r["arabic"]): r for r in lexicon.table("ar_maghreb_outlets.csv")}


def _maghreb_outlets(found: dict[str, Found], country: str) -> None:
    """Outlets of a text from the Maghreb by their own Latin names (ar_maghreb_outlets.csv):
    "الشروق" in Algiers or Tunis is Echorouk, not Cairo's Al-Shorouk; "لوماتان" Le Matin."""
    names = _maghreb_outlet_names()
    for actor in found.values():
        row = names.get(normal(actor.arabic)) if actor.type is ActorType.MEDIA else None
        if row is not None:
            actor.name = row.get(country.lower()) or row["latin"]


def _person_country(tokens: list[Token], first: int, name: int, home: str | None) -> str | None:
    """The country of the person named at token `name` whose title begins at `first`: a
    demonym in the title ("وزير الخارجية الجزائري"), else the state whose capital or name
    opens the sentence ("وفي الجزائر،"), else the dateline's. Its press's convention writes
    the person's Latin name (`latin.person_latin`)."""
    hosted = False
    for n in range(first, name):
        token = tokens[n]
        if token.norm in _HOST_WORDS and n + 1 < name:
            after = tokens[n + 1]
            # "سفير قطر لدى تونس": the state after لدى hosts him
            hosted = hosted or bool(_country_word(after) or _capital_word_country(after))
            continue
        country = demonym_country(token) or (None if hosted else _country_word(token))
        if country is not None:
            return country  # "السفير القطري", "سفير قطر": his own state
    if hosted:
        return None  # an envoy to a state is not of it, whatever the dateline
    return _fronted_state(tokens, name) or home


# the words after which a title names the state that hosts its holder (an envoy's)
_HOST_WORDS = frozenset(normal(w) for w in ("لدى", "في", "إلى"))


@lru_cache(maxsize=1)
def _broadcaster_nouns() -> dict[str, str]:
    return {normal(r["noun"]): r["latin"] for r in lexicon.table("ar_state_broadcasters.csv")}


def _broadcaster_noun(token: Token) -> bool:
    return any(word in _broadcaster_nouns() for _, word in token.readings())


def _state_broadcaster(
    tokens: list[Token], first: int, last: int, states: dict[int, str]
) -> str | None:
    """ "تلفزيون الكويت": the Latin name of a state's broadcaster, a broadcaster noun before
    the state's name (ar_state_broadcasters.csv: Kuwait TV), or None."""
    if first != last or first not in states or first == 0:
        return None
    for _, word in tokens[first - 1].readings():
        if word in _broadcaster_nouns():
            return _broadcaster_nouns()[word].format(state=states[first])
    return None


def _outlet_latin(arabic: str) -> str:
    """An outlet no list knows in Latin letters as the press writes outlets' names: the
    article "Al-" capitalised and a feminine nisba "iya" ("العراقية" Al-Iraqiya, "الإخبارية"
    Al-Ikhbariya), word by word over the romaniser's spelling."""
    arabic_words, latin_words = arabic.split(), romanize(arabic).split()
    if len(arabic_words) != len(latin_words):  # a compound name read as one word
        return " ".join(latin_words)
    words = []
    for word, latin in zip(arabic_words, latin_words, strict=True):
        if latin.startswith("al-"):
            latin = "Al-" + latin[3:]
        if normal(word).endswith("يه") and latin.endswith("ia"):
            latin = latin[:-2] + "iya"
            # "البغدادية", "العراقية": the nisba of a place a list knows keeps its spelling
            stem = without_article(normal(word))[:-2]
            place = entry_for([stem]) or entry_for(["ال" + stem])
            if place is not None and " " not in place.name and place.name.isalpha():
                latin = ("Al-" if latin.startswith("Al-") else "") + place.name + "iya"
        words.append(latin)
    return " ".join(words)


def _the_kingdom(found: dict[str, Found], text: str) -> None:
    """A bare "المملكة" (the Kingdom) is the kingdom the text names otherwise ("وقعه الأردن
    ... على المملكة": Jordan), when the gazetteer's kingdom for it is named nowhere else."""
    from .gazetteer import is_the_kingdom, kingdoms

    for owner in [a for a in found.values() if a.name in kingdoms()]:
        bare = [(s, e) for s, e in owner.mentions if is_the_kingdom(text[s:e])]
        if not bare or len(bare) < len(owner.mentions):
            continue  # named otherwise too: "السعودية ... المملكة" is Saudi Arabia
        others = [a for a in found.values() if a is not owner and a.name in kingdoms()]
        named = max(others, key=lambda a: len(a.mentions), default=None)
        if named is not None and named.mentions:
            owner.mentions = [m for m in owner.mentions if m not in bare]
            named.mentions.extend(bare)


def _body_word(token: Token) -> bool:
    """A word that may stand in a body's name: Arabic letters, no function word, cue or
    title ("مجلس المفوضين القاضي جليل عدنان": the judge introduces a name)."""
    return (
        bool(_ARABIC_WORD.fullmatch(token.norm))
        and (token.norm,) not in titles()
        and len(token.norm) >= 2
        and token.norm not in acting_words()
        and normal_keep_ya(token.text) not in stop_words()
        and not any(w in cue_words() for _, w in token.readings())
    )


@lru_cache(maxsize=1)
def _parliaments() -> dict[str, dict[str, str]]:
    return {r["country"]: r for r in lexicon.table("ar_parliaments.csv")}


def _parliament_name(tokens: list[Token], first: int, last: int, home: str | None) -> str | None:
    """The wires' name of a state's house where it is "<demonym> Parliament"
    (ar_parliaments.csv): its state is the demonym after it, else the dateline's."""
    country = demonym_country(tokens[last]) if last > first else None
    end = last - 1 if country is not None else last
    row = _parliaments().get(country or home or "")
    if row is None:
        return None
    head = tokens[first].text[_clitics_before_head(tokens[first]) :]
    words = " ".join((head, *(t.text for t in tokens[first + 1 : end + 1])))
    return row["name"] if normal(words) == normal(row["arabic"]) else None


def _before_a_date(tokens: list[Token], first: int, last: int) -> int:
    """The body's last token without a date expression its name ran into: "الجمعية الوطنية
    الفرنسية الشهر المقبل" ends at الفرنسية. Two date words or more at the end make a date
    ("الشهر المقبل", "العام الماضي"); one alone stays ("الأمن العام", General Security)."""
    end = last
    while end > first and _date_word(tokens[end]):
        end -= 1
    return end if last - end >= 2 else last


def _clitics_before_head(token: Token) -> int:
    """How many clitic letters stand before a body's head noun ("لغرفة", "والمؤسسة")."""
    from .bodies import head_reading

    found = head_reading(token)
    return found[0] if found is not None else 0


def _known_names(
    tokens: list[Token], text: str, known: ActorKnowledge, taken: set[int]
) -> list[tuple[int, int, int, str, ActorType]]:
    """(first token, last token, start, case name, type) of each name the case knows,
    longest first, clitics before the first word left out."""
    found = []
    i = 0
    while i < len(tokens):
        hit = None
        for length in range(min(known.max_words, len(tokens) - i), 0, -1):
            words = tokens[i : i + length]
            if any(t.is_punct or t.i in taken for t in words):
                continue
            for skipped, _ in words[0].readings():
                start = words[0].start + skipped
                recognised = known.recognise(text[start : words[-1].end])
                if recognised is not None:
                    hit = (i, i + length - 1, start, *recognised)
                    break
            if hit:
                break
        if hit:
            found.append(hit)
            i = hit[1] + 1
        else:
            i += 1
    return found


def _is_body_noun(token: Token) -> bool:
    return any(w in body_nouns() for _, w in token.readings())


def _quoted_outlets(
    tokens: list[Token], matches: list[Match], noun: Callable[[Token], bool] = is_outlet_noun
) -> list[tuple[int, int]]:
    """Outlets the gazetteer does not know, named in quotation marks after an outlet noun:
    شبكة "دير الزور 24" الإخبارية, موقع «عنب بلدي»; with `noun` a body noun, bodies: منظمة
    «أطباء بلا حدود», شركة «توتال إنيرجي». (Token ranges of the names.)"""
    found = []
    # each match's place in `matches` by its first token: the matches within a quotation are
    # looked up, not filtered from all of them per quotation (linear in a text of thousands)
    by_first: dict[int, list[int]] = {}
    for place, m in enumerate(matches):
        by_first.setdefault(m.first, []).append(place)
    for n, token in enumerate(tokens[:-2]):
        if not noun(token) or tokens[n + 1].text not in OPEN_QUOTES:
            continue
        close = next(
            (q for q in range(n + 2, min(n + 8, len(tokens))) if tokens[q].text in CLOSE_QUOTES),
            None,
        )
        if close is None or close == n + 2:
            continue
        places = sorted(p for first in range(n + 2, close) for p in by_first.get(first, ()))
        inside = [matches[p] for p in places if matches[p].last < close]
        if any(m.entry.type is ActorType.MEDIA for m in inside) or (
            inside
            and (inside[0].first, inside[-1].last) == (n + 2, close - 1)
            and inside[0].entry.type not in (ActorType.COUNTRY, ActorType.PLACE)
        ):
            continue  # صحيفة «الأخبار», حركة «حماس»: the gazetteer's own
        # (قناة «المملكة», صحيفة «البلاد»: a country's or a word's name quoted after an
        # outlet noun is the outlet, not the kingdom)
        found.append((n + 2, close - 1))
    return found


@lru_cache(maxsize=1)
def _portfolios() -> dict[tuple[str, ...], str]:
    return {
        tuple(normal(w) for w in r["portfolio"].split()): r["latin"]
        for r in lexicon.table("ar_ministries.csv")
    }


_MINISTRY = normal("وزارة")


def _clitics(token: Token) -> int:
    """How many clitic letters stand before a word's reading as وزارة (لوزارة, ووزارة)."""
    return next((n for n, w in token.readings() if w == _MINISTRY), 0)


@lru_cache(maxsize=1)
def _force_nouns() -> dict[tuple[str, ...], str]:
    return {
        tuple(without_article(normal(w)) for w in r["noun"].split()): r["latin"]
        for r in lexicon.table("ar_force_nouns.csv")
    }


@lru_cache(maxsize=1)
def _force_nouns_first() -> dict[str, str]:
    return {words[0]: latin for words, latin in _force_nouns().items()}


def _forces(tokens: list[Token], taken: set[int]) -> list[tuple[int, int, str]]:
    """A force noun and a demonym (ar_force_nouns.csv): (first, last, "Syrian Army")."""
    found = []
    longest = max(len(w) for w in _force_nouns())
    for n in range(len(tokens)):
        if n in taken:
            continue
        for length in range(longest, 0, -1):
            words = tokens[n : n + length]
            if len(words) < length or n + length >= len(tokens) or n + length in taken:
                continue
            firsts = {without_article(w) for _, w in words[0].readings()}
            rest = tuple(without_article(t.norm) for t in words[1:])
            latin = next((_force_nouns()[(f, *rest)] for f in firsts
                          if (f, *rest) in _force_nouns()), None)  # fmt: skip
            country = demonym_country(tokens[n + length]) if latin is not None else None
            # definite, as a name is: "قوات الأمن", "الجيش"; not "جيش سوري" (a Syrian army)
            definite = any(w.startswith("ال") for t in words for _, w in t.readings())
            if latin is None or country is None or not definite:
                continue
            found.append((n, n + length, f"{_english_adjective(country)} {latin}"))
            break
    return found


def _dateline_state(tokens: list[Token], matches: list[Match]) -> str | None:
    """The state of the dateline ("تونس - ", "دمشق-سانا"): the country named first, or whose
    capital is, right before the dateline's dash; else None."""
    first = next((m for m in matches if m.first == 0), None)
    if first is None or first.last + 1 >= len(tokens):
        return None
    k = first.last + 1
    if (close := _bracketed(tokens, k)) is not None:
        k = close + 1
    if k >= len(tokens) or tokens[k].text not in _DATELINE_DASHES:
        return None
    if first.entry.type is ActorType.COUNTRY:
        return first.entry.name
    country = country_of_capital(first.entry.name)
    if country is not None:
        return country.name
    # "البصرة -", "وهران -": a city not a capital is its state's too (one state only)
    return _place_countries().get(first.entry.name) if first.entry.type is ActorType.PLACE else None


@lru_cache(maxsize=1)
def _place_countries() -> dict[str, str]:
    """A town's Latin name or variant -> its state, for names that lie in one state only
    (places_middle_east.csv, GeoNames): "Tripoli" (Libya and Lebanon) has none."""
    seen: dict[str, set[str]] = {}
    for row in lexicon.table("places_middle_east.csv"):
        for name in (row["name"], *row["variants"].split("|")):
            if name:
                seen.setdefault(name, set()).add(row["country"])
    return {name: next(iter(states)) for name, states in seen.items() if len(states) == 1}


def _ministries(
    tokens: list[Token], taken: set[int], home: str | None = None
) -> list[tuple[int, int, str]]:
    """وزارة and a portfolio (ar_ministries.csv), and a demonym after it: (first token, last
    token, Latin name), "Iraqi Ministry of Water Resources" or "Ministry of Agriculture".
    `home`: the dateline's state, whose a ministry with no demonym is ("تونس - أصدرت وزارة
    الشؤون الخارجية": the Tunisian Foreign Ministry)."""
    found = []
    longest = max((len(p) for p in _portfolios()), default=0)
    for n, token in enumerate(tokens):
        if n in taken or not any(w == _MINISTRY for _, w in token.readings()):
            continue
        for length in range(longest, 0, -1):
            words = tokens[n + 1 : n + 1 + length]
            portfolio = _portfolios().get(tuple(t.norm for t in words))
            if len(words) < length or portfolio is None or any(t.i in taken for t in words):
                continue
            last = _joined_portfolios(tokens, n + length, taken)
            country = demonym_country(tokens[last + 1]) if last + 1 < len(tokens) else None
            if country is not None:
                last += 1
            country = country or _fronted_state(tokens, n) or home
            # the press's short form where it has one, with or without the state
            # ("Interior Ministry", "Lebanese Interior Ministry"; the guideline's choice,
            # eval/gold/arabic/README.md), else "Ministry of Agriculture"
            name = _short_names().get(portfolio, f"Ministry of {portfolio}")
            if country is not None:
                name = f"{_english_adjective(country)} {name}"
            found.append((n, last, name))
            break
    return found + _ministries_by_portfolio(tokens, taken)


# how far back a ministry's sentence may open ("وفي طهران، قال المتحدث باسم وزارة الخارجية")
_OPENING_REACH = 30
_IN = normal("في")


def _fronted_state(tokens: list[Token], n: int) -> str | None:
    """The state whose capital opens the sentence of the word at `n` ("وفي طهران، قال
    المتحدث باسم وزارة الخارجية": Iran's ministry, whatever the dateline's state), else None."""
    start = n
    while start > 0 and n - start < _OPENING_REACH and tokens[start - 1].text not in ".؟!\n":
        start -= 1
    if start + 2 >= n or tokens[start + 2].text not in _COMMAS:
        return None
    opener = tokens[start]
    if not any(w == _IN for _, w in ((0, opener.norm), (1, opener.norm[1:]))):
        return None  # "في" or "وفي" (three letters: `readings` keeps its و)
    # "وفي طهران،", and a state named itself: "وفي الجزائر،", "وفي لبنان،"
    return _capital_word_country(tokens[start + 1]) or _country_word(tokens[start + 1])


def _country_word(token: Token) -> str | None:
    """The country the word names alone, with no clitic ("الجزائر"), or None."""
    from .gazetteer import entry_for

    entry = entry_for([token.text])
    return entry.name if entry is not None and entry.type is ActorType.COUNTRY else None


def _joined_portfolios(tokens: list[Token], last: int, taken: set[int]) -> int:
    """The last word of a ministry's name whose first portfolio is joined by و to others
    and to where its people live ("وزارة الشؤون الخارجية والهجرة والتونسيين بالخارج"):
    definite words after و, and one after ب (بالخارج); the name keeps the first portfolio."""
    k = last + 1
    while k < len(tokens) and k not in taken and demonym_country(tokens[k]) is None:
        token = tokens[k]
        joined = token.text.startswith(("وال", "بال")) and len(token.text) > 4
        if not joined or not _name_like(token):
            break
        last = k
        k += 1
        if token.text.startswith("بال"):
            break
    return last


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """Portfolio's Latin -> the press's short name of a state's ministry ("Foreign Ministry")."""
    return {r["latin"]: r["short"] for r in lexicon.table("ar_ministries.csv") if r["short"]}


@lru_cache(maxsize=1)
def _portfolios_alone() -> dict[str, tuple[str, str]]:
    """Portfolio (normal form) -> (as written, Latin) for those named without وزارة."""
    return {
        normal(r["portfolio"]): (r["portfolio"], r["latin"])
        for r in lexicon.table("ar_ministries.csv")
        if r["alone"] == "yes"
    }


def _inside_title(tokens: list[Token], n: int) -> bool:
    """Whether token `n` is a word of a title that starts before it (رئيس الحكومة)."""
    return any(
        (t := title_at(tokens, j)) is not None and t.last >= n for j in range(max(0, n - 2), n)
    )


def _ministries_by_portfolio(tokens: list[Token], taken: set[int]) -> list[tuple[int, int, str]]:
    """ "أدانت الخارجية المصرية", "قالت الدفاع الروسية": a ministry named by its portfolio and
    the state's adjective, not inside a minister's title ("وزير الخارجية السوري")."""
    found = []
    for n, token in enumerate(tokens[:-1]):
        portfolio = next((_portfolios_alone()[w] for _, w in token.readings()
                          if w in _portfolios_alone()), None)  # fmt: skip
        if portfolio is None or n in taken or n + 1 in taken:
            continue
        country = demonym_country(tokens[n + 1])
        if country is None:
            continue
        if _inside_title(tokens, n):
            continue  # "وزير الخارجية السوري": the minister's title
        if n > 0 and any(w == _MINISTRY for _, w in tokens[n - 1].readings()):
            continue
        known = entry_for(["وزارة", portfolio[0], tokens[n + 1].text])
        name = (
            known.name
            if known is not None
            else (
                f"{_english_adjective(country)} "
                f"{_short_names().get(portfolio[1], f'Ministry of {portfolio[1]}')}"
            )
        )
        found.append((n, n + 1, name))
    return found


@lru_cache(maxsize=1)
def _mission_nouns() -> dict[tuple[str, ...], tuple[str, ActorType]]:
    """Noun words (normal, without the article) -> (Latin noun, actor type)."""
    return {
        tuple(without_article(normal(w)) for w in r["noun"].split()): (
            r["latin"],
            ActorType(r["type"]),
        )
        for r in lexicon.table("ar_missions.csv")
    }


@lru_cache(maxsize=1)
def _mission_firsts() -> dict[str, str]:
    return {words[0]: latin for words, (latin, _) in _mission_nouns().items()}


_OFFICIAL = frozenset(normal(w) for w in ("الرسمي", "الرسمية"))


def _english_adjective(country: str) -> str:
    """ "US", "UK" where the English gazetteer has such a two-letter form, else the first demonym
    ("Iranian"), else the country's name."""
    entry = next((c for c in countries() if c.name == country), None)
    if entry is None:
        return country
    # two letters only: "KSA" is a name, never an adjective ("Saudi Foreign Ministry")
    short = next((v for v in entry.variants if v.isupper() and v.isalpha() and len(v) <= 2), None)
    return short or (entry.demonyms[0] if entry.demonyms else country)


def _missions(
    tokens: list[Token], matches: list[Match], taken: set[int], home: str | None = None
) -> list[tuple[int, int, str, ActorType]]:
    """A state's mission, news agency or television named by its noun and demonym
    ("السفارة الأمريكية", "وكالة الأنباء الليبية", "التلفزيون الرسمي السوري"), with the place
    after في or لدى when the gazetteer knows it: (first token, last token, Latin name, type).
    "التلفزيون الرسمي" with no demonym is the dateline's state's (`home`)."""
    nouns = _mission_nouns()
    places = {m.first: m for m in matches if m.entry.type in (ActorType.PLACE, ActorType.COUNTRY)}
    found: list[tuple[int, int, str, ActorType]] = []
    for n, token in enumerate(tokens[:-1]):
        if n in taken:
            continue
        for words, (noun, kind) in nouns.items():
            last = n + len(words) - 1
            if last + 1 >= len(tokens) or any(i in taken for i in range(n, last + 2)):
                continue
            firsts = {without_article(w) for _, w in token.readings()}
            rest = tuple(without_article(t.norm) for t in tokens[n + 1 : last + 1])
            if words[0] not in firsts or rest != words[1:]:
                continue
            official = False
            if tokens[last + 1].norm in _OFFICIAL and last + 2 < len(tokens):
                last += 1  # "التلفزيون الرسمي السوري"
                official = True
            country = demonym_country(tokens[last + 1])
            if country is None and official and home is not None and kind is ActorType.MEDIA:
                country = home  # "بثها التلفزيون الرسمي": the dateline state's broadcaster
            elif country is None:
                continue
            else:
                last += 1
            if kind is ActorType.COUNTRY:  # "الحكومة العراقية": the state itself
                # not "رئيس الحكومة العراقية" nor "وزير الإعلام في الحكومة اليمنية": a role
                if not _inside_title(tokens, n) and not (
                    n > 0 and tokens[n - 1].norm in title_links()
                ):
                    found.append((n, last, country, kind))
                break
            name = f"{_english_adjective(country)} {noun}"
            if last + 2 < len(tokens) and tokens[last + 1].norm in (normal("في"), normal("لدى")):
                place = places.get(last + 2)
                if place is not None:
                    name += f" in {place.entry.name}"
            found.append((n, last, name, kind))
            break
    return found


def _described_outlets(tokens: list[Token], taken: set[int]) -> list[tuple[int, int]]:
    """Outlets no gazetteer knows, named by the definite word after an outlet noun that
    names ("قناة المسيرة", "صحيفة الوطن"): the word, if nothing else claimed it and it is no
    adjective of nationality, function word or source noun. (Token ranges of the names.)"""
    found = []
    nouns = naming_outlet_nouns()
    for n, token in enumerate(tokens[:-1]):
        name = tokens[n + 1]
        if n in taken or n + 1 in taken:
            continue
        if not any(w in nouns for _, w in token.readings()) and not (
            _told(token) and is_outlet_noun(token)
        ):
            continue
        bare_told = (
            _told(token)
            and is_outlet_noun(token)
            and _name_like(name)
            and n + 2 < len(tokens)
            and (tokens[n + 2].norm in THAT_WORDS or tokens[n + 2].text in "،,:")
        )  # "لوكالة سبأ أن": the agency he told, named without the article
        if not bare_told and not (
            name.norm.startswith("ال") and len(name.norm) > 3 and _name_like(name)
        ):
            continue
        if any(w in reporting_outlet_nouns() for _, w in token.readings()) and not _in_a_report(
            tokens, n
        ):
            continue  # "قناة السويس": the canal
        found.append((n + 1, n + 1))
    return found


@lru_cache(maxsize=1)
def _news_genitives() -> dict[str, str]:
    """The genitive of a news agency's noun (ar_missions.csv: "وكالة الأنباء" -> الأنباء,
    normal form without the article) -> the English noun ("News Agency")."""
    return {
        without_article(normal(r["noun"].split()[1])): r["latin"]
        for r in lexicon.table("ar_missions.csv")
        if r["type"] == "media" and len(r["noun"].split()) == 2
    }


def _agencies_for_news(
    tokens: list[Token], matches: list[Match], taken: set[int]
) -> list[tuple[int, int, str]]:
    """A news agency no list names, "وكالة X Y للأنباء" ("وكالة تونس أفريقيا للأنباء"): the
    agency noun, one to three words of its name (a place the gazetteer knows among them),
    and the news genitive after ل. (First token, last token, Latin name: the words'
    English or romanisation and "News Agency".)"""
    places = {m.first: m for m in matches if m.entry.type in (ActorType.PLACE, ActorType.COUNTRY)}
    found = []
    for n, token in enumerate(tokens):
        if n in taken or not is_outlet_noun(token):
            continue
        k, words = n + 1, list[str]()
        while k < len(tokens) and len(words) < 4 and (k not in taken or k in places):
            genitive = next(
                (_news_genitives()[without_article(w)] for skipped, w in tokens[k].readings()
                 if skipped == 1 and tokens[k].text.startswith("ل")
                 and without_article(w) in _news_genitives()),
                None,
            )  # fmt: skip
            if genitive is not None:
                if words:
                    found.append((n, k, " ".join((*words, genitive))))
                break
            if k in places:
                words.append(places[k].entry.name)
                k = places[k].last + 1
            elif words and is_adjective(tokens[k]):
                k += 1  # "وكالة موريتانيا الرسمية للأنباء": its adjective, not its name
            elif _name_like(tokens[k]) and not _definite(tokens[k]):
                latin = romanize(tokens[k].text)
                words.append(f"{latin[:1].upper()}{latin[1:]}")
                k += 1
            else:
                break
    return found


def _outlets_named_after_a_place(
    tokens: list[Token], matches: list[Match]
) -> list[tuple[int, int]]:
    """Outlets whose name begins with a country or a place, after an outlet noun that names:
    "قناة ليبيا الأحرار", "تلفزيون السودان القومي" (the place and the definite word after it;
    token ranges). The place alone ("قناة سوريا") stays the place: it may be a channel's
    subject rather than its name."""
    nouns = naming_outlet_nouns()
    found = []
    for match in matches:
        if match.entry.type not in (ActorType.COUNTRY, ActorType.PLACE) or match.first == 0:
            continue
        noun, k = tokens[match.first - 1], match.last + 1
        if k >= len(tokens) or not any(w in nouns for _, w in noun.readings()):
            continue
        word = tokens[k]
        if word.norm.startswith("ال") and len(word.norm) > 3 and _name_like(word):
            found.append((match.first, k))
    return found


# the words before a noun phrase that make the definite word after a noun its adjective
_QAD = normal("قد")
_WITH = normal("مع")
_PHRASE_BEFORE = frozenset(normal(w) for w in ("من", "في", "إلى", "على", "عن", "مع"))


def _adjectival(word: str) -> bool:
    """Whether a word (normal form, no article) has an adjective's form: an active
    participle فاعل/فاعلة (قاهرة "compelling") or a nisba in ي (رمادي "grey")."""
    participle = len(word) in (4, 5) and word[1] == "ا" and (len(word) == 4 or word[-1] == "ه")
    return participle or (len(word) >= 4 and word.endswith("ي"))


def _adjective_shaped(word: str) -> bool:
    """Whether a bare word (normal form) has an adjective's shape: a participle فاعل(ة)
    ("واحدة"), a nisba in ي or ية ("حدودية"), or فعيل(ة) ("صغيرة")."""
    stem = word[:-1] if word.endswith("ه") else word
    return _adjectival(word) or word.endswith("يه") or (len(stem) == 4 and stem[2] == "ي")


def _adjective_not_place(tokens: list[Token], match: Match, by_first: dict[int, Match]) -> bool:
    """Whether a place that is always written with its article stands as the adjective of
    the definite noun before it, not as a name: "«القوة القاهرة»", "من الغبار الرمادي". By
    its form (a participle or a nisba) and its place: right after a definite noun that
    itself opens a quotation, follows a preposition or a noun in construct (a bare word in
    ة: "حالة القوة القاهرة"), where no verb can stand between them ("وصل الوفد القاهرة"
    keeps Cairo, the object of an unknown verb)."""
    entry, n = match.entry, match.first
    if entry.type is not ActorType.PLACE or not entry.definite or match.last != n or n < 2:
        return False
    if not _adjectival(without_article(tokens[n].norm)) or not tokens[n].norm.startswith("ال"):
        return False
    noun = tokens[n - 1]
    if not _definite(noun) or (n - 1) in by_first or demonym_country(noun) is not None:
        return False
    if title_at(tokens, n - 1) is not None:
        return False
    before = tokens[n - 2]
    clitic = any(k == 1 and noun.text[:1] in "بلك" for k, _ in noun.readings())
    # a bare word in ة is a noun in construct, never a verb: "حالة القوة القاهرة"
    construct = before.text.endswith("ة") and not _definite(before)
    return clitic or construct or before.text in OPEN_QUOTES or before.norm in _PHRASE_BEFORE


# the dashes after a dateline: "عمّان - قال ...", "الجزائر – ", and the colon of a paper's
# ("الكويت: «الشرق الأوسط»")
_DATELINE_DASHES = frozenset("-–—:")


def _dateline_city(tokens: list[Token], match: Match) -> str | None:
    """The capital a country's name stands for at the head of the text, before the dateline's
    dash ("الجزائر - قال وزير ...": Algiers): the English gazetteer's capital, or None."""
    if match.entry.type is not ActorType.COUNTRY or match.first != 0:
        return None
    k = match.last + 1
    if k < len(tokens) and (close := _bracketed(tokens, k)) is not None:
        k = close + 1  # "تونس (رويترز) -": the agency in brackets
    after = tokens[k] if k < len(tokens) else None
    if after is None or after.text not in _DATELINE_DASHES:
        return None
    country = next((c for c in countries() if c.name == match.entry.name), None)
    return country.capital if country is not None and country.capital else None


def _speaking_capital(tokens: list[Token], match: Match) -> Entry | None:
    """The country whose capital `match` names when the capital speaks or acts for its
    government: right after a speech verb (its subject, verb first: "نفت طهران"), as the
    subject of reported content ("أكد أن موسكو ملتزمة"), or in construct after a noun of what
    a government holds ("مخاوف أنقرة", `ar_government_nouns.txt`). As the English rules make
    "Riyadh suspended" Saudi Arabia; after a preposition ("في موسكو", "بدمشق") it stays a place."""
    entry = match.entry
    if entry.type is not ActorType.PLACE or match.first == 0:
        return None
    if match.start != tokens[match.first].start:
        return None  # a clitic on it: "بموسكو", "لطهران"
    country = country_of_capital(entry.name)
    if country is None:
        return None
    before = tokens[match.first - 1]
    speaks = before.norm in THAT_WORDS or any(w in cue_words() for _, w in before.readings()[:2])
    # "اتهمت عمّان دمشق", "تتهم عمّان دمشق بالتراخي": a state's act between states; the
    # capital after the verb is its subject, and one right after that capital its object
    speaks = (
        speaks
        or _acts(before)
        or (
            match.first >= 2
            and _capital_word_country(before) is not None
            and _acts(tokens[match.first - 2])
        )
    )
    # "وكانت واشنطن قد أعلنت", "وبغداد أكدت": the capital before its verb (or قد and the
    # verb), as the subject of a sentence that opens with it; never after a preposition
    after = tokens[match.last + 1] if match.last + 1 < len(tokens) else None
    speaks = speaks or (
        after is not None
        and before.norm not in _PHRASE_BEFORE
        and (
            after.norm == _QAD
            or _acts(after)
            or any(w in cue_words() for _, w in after.readings()[:2])
        )
    )
    # "محادثات مع بغداد": talks, ties with the capital are with its state
    speaks = speaks or (
        before.norm == _WITH
        and match.first >= 2
        and any(
            without_article(w) in _dealings_nouns() for _, w in tokens[match.first - 2].readings()
        )
    )
    # "مخاوف أنقرة", "موقف طهران": in construct after a noun of what a government holds
    holds = not _definite(before) and any(w in _government_nouns() for _, w in before.readings())
    # "وفي أول رد فعل من الرباط، نقلت ...": a reply from the capital is its state's
    replies = (
        before.norm == "من"
        and match.first >= 2
        and not _definite(tokens[match.first - 2])
        and any(w in _government_nouns() for _, w in tokens[match.first - 2].readings())
    )
    return by_name().get(country.name) if speaks or holds or replies else None


@lru_cache(maxsize=1)
def _state_verbs() -> frozenset[str]:
    """The verbs of a stance between actors (ar_relation_verbs.csv), normal forms; not those
    of a meeting or visit, whose capital after the verb is where ("زار مسقط": Muscat)."""
    rows = lexicon.table("ar_relation_verbs.csv")
    return frozenset(normal(r["verb"]) for r in rows if r["kind"] not in _PLACE_ACTS)


_PLACE_ACTS = frozenset(("meet", "visit", "receive"))


def _acts(token: Token) -> bool:
    return any(w in _state_verbs() for _, w in token.readings()[:2])


@lru_cache(maxsize=1)
def _dealings_nouns() -> frozenset[str]:
    return frozenset(normal(w) for w in lexicon.words("ar_dealings_nouns.txt"))


# how far before "بين" the noun of dealings may stand ("المحادثات غير المباشرة بين")
_DEALINGS_REACH = 4


def _capital_between(tokens: list[Token], match: Match) -> Entry | None:
    """The state a capital stands for in "<dealings> بين <capital> و<capital>" (talks, ties,
    a mediation between the two states: "المحادثات بين طهران وواشنطن"), else None; "الطريق
    بين دمشق وبيروت" keeps the cities."""
    if match.entry.type is not ActorType.PLACE or match.first != match.last:
        return None
    country = country_of_capital(match.entry.name)
    if country is None:
        return None
    f = match.first
    if f >= 1 and tokens[f - 1].norm == _BETWEEN and f + 1 < len(tokens):
        # the first of the two: the other right after it, with its و
        other = tokens[f + 1]
        paired = other.text.startswith("و") and (
            _capital_word_country(
                Token(other.i, other.text[1:], other.start + 1, other.end, normal(other.text[1:]))
            )
            is not None
        )
        between = f - 1
    elif f >= 2 and tokens[f - 2].norm == _BETWEEN and tokens[f].text.startswith("و"):
        paired = _capital_word_country(tokens[f - 1]) is not None  # the second, after و
        between = f - 2
    else:
        return None
    dealings = any(
        without_article(w) in _dealings_nouns()
        for t in tokens[max(0, between - _DEALINGS_REACH) : between]
        for _, w in t.readings()
    )
    return by_name().get(country.name) if paired and dealings else None


def _capital_word_country(token: Token) -> str | None:
    """The country whose capital the word names alone, with no clitic ("عمّان"), or None."""
    from .gazetteer import entry_for

    entry = entry_for([token.text])
    if entry is None or entry.type is not ActorType.PLACE:
        return None
    country = country_of_capital(entry.name)
    return country.name if country is not None else None


@lru_cache(maxsize=1)
def _government_nouns() -> frozenset[str]:
    return frozenset(normal(w) for w in lexicon.words("ar_government_nouns.txt"))


def _strip_clitics(role: str, first: Token) -> str:
    skipped = next((n for n, w in first.readings() if n and w in {k[0] for k in titles()}), 0)
    return role[skipped:]


@lru_cache(maxsize=1)
def _place_nouns() -> dict[str, str]:
    return {normal(r["noun"]): r["latin"] for r in lexicon.table("ar_place_nouns.csv")}


@lru_cache(maxsize=1)
def _settlement_nouns() -> frozenset[str]:
    """Place nouns the English press drops, naming a town by its name alone (بلدة، قرية)."""
    return frozenset(normal(r["noun"]) for r in lexicon.table("ar_place_nouns.csv") if r["alone"])


def _second_name_word(tokens: list[Token], k: int, taken: set[int]) -> bool:
    """Whether the bare word at `k` goes on a place's name after a bare first word ("عين
    أميناس", "بور سعيد"): a word that could be a name, not a clitic's (وقرية), not a common
    word of a body's name (جنوب: "ورقلة جنوب البلاد") nor another place noun."""
    from .body_names import is_common_word

    if k >= len(tokens) or k in taken or not _name_like(tokens[k]) or _definite(tokens[k]):
        return False
    word = tokens[k]
    return (
        not word.text.startswith("و")
        and not is_common_word(word)
        and not any(without_article(w) in _place_nouns() for _, w in word.readings())
        and title_at(tokens, k) is None
    )


@lru_cache(maxsize=1)
def _not_places() -> frozenset[tuple[str, str]]:
    """(place noun, word) pairs that are ordinary phrases: سد الفراغ, حقل الألغام."""
    return frozenset(
        (normal(r["noun"]), normal(w)) for r in lexicon.table("ar_place_nouns.csv")
        for w in r["not"].split("|") if w
    )  # fmt: skip


def _clitics_before(token: Token, words: dict[str, str]) -> int:
    """How many clitic letters stand before the reading of `token` that is in `words`."""
    return next((n for n, w in token.readings() if without_article(w) in words), 0)


def _named_places(tokens: list[Token], taken: set[int]) -> list[tuple[int, int, str]]:
    """A place noun and the name after it that no list knows ("نهر الكارون", "قاعدة عين
    الأسد"): (first token, last token, Latin name). The name is a word that could be one
    (no function word, cue or demonym), and a definite word after a bare one (عين الأسد)."""
    nouns = _place_nouns()
    found = []
    for n, token in enumerate(tokens[:-1]):
        reading = next((w for _, w in token.readings() if without_article(w) in nouns), None)
        name = n + 1
        if reading is None or n in taken or name in taken or not _name_like(tokens[name]):
            continue
        if reading != without_article(reading):
            continue  # "المخيم", "للسد": the one just named, with the article; no name follows
        if (reading, tokens[name].norm) in _not_places():
            continue  # "سد الفراغ": filling the void
        noun = nouns[reading]
        last = name
        if (
            not tokens[name].norm.startswith("ال")
            and name + 1 < len(tokens)
            and name + 1 not in taken
            and tokens[name + 1].norm.startswith("ال")
            and _name_like(tokens[name + 1])
            and demonym_country(tokens[name + 1]) is None
        ):
            last = name + 1  # "عين الأسد": a construct name
        elif not tokens[name].norm.startswith("ال") and _second_name_word(tokens, name + 1, taken):
            last = name + 1  # "بلدة عين أميناس", "ساحة بور سعيد": a name of two words
        latin = romanize(" ".join(t.text for t in tokens[name : last + 1]))
        # the English press drops the article before the kind: "Karun River", "Roseires Dam"
        latin = latin.removeprefix("al-")
        latin = f"{latin[:1].upper()}{latin[1:]}"
        if reading in _settlement_nouns():
            if not tokens[name].norm.startswith("ال") and _adjective_shaped(tokens[name].norm):
                continue  # "بلدة حدودية", "قرية صغيرة": a border town, a small village
            found.append((name, last, latin))  # "بلدة كفرشوبا": Kfarshouba, the name alone
        else:
            found.append((n, last, f"{latin} {noun}"))
    return found


_BETWEEN = normal("بين")


def _name_like_whole(token: Token) -> bool:
    """Whether a word starting with و is a name as it stands (وهران, Oran), not و + a name:
    only a known name says so; an unknown one is read as و and the name."""
    return entry_for([token.text]) is not None


def _places_beside_places(
    tokens: list[Token], by_first: dict[int, Match], taken: set[int]
) -> list[int]:
    """Tokens naming a place no list knows at one end of "بين X وY" whose other end is a
    known place ("بين نواكشوط وورقلة", "بين ذهيبة ووازن"): one bare word, no adjective, no
    common word of a body's name, no title, not taken."""
    from .body_names import is_common_word

    places = (ActorType.PLACE, ActorType.COUNTRY)
    found = []
    for n, token in enumerate(tokens[:-2]):
        if token.norm != _BETWEEN:
            continue
        first, second = n + 1, None
        if first in by_first and by_first[first].entry.type in places:
            second = by_first[first].last + 1
        elif first + 1 < len(tokens) and tokens[first + 1].text.startswith("و"):
            second = first + 1
        if second is None or second >= len(tokens) or not tokens[second].text.startswith("و"):
            continue
        known_first = first in by_first and by_first[first].entry.type in places
        known_second = second in by_first and by_first[second].entry.type in places
        if known_first == known_second:
            continue
        other = second if known_first else first
        word = tokens[other]
        if (
            other in taken
            or not _name_like(word)
            or _definite(word)
            or _adjective_shaped(word.norm)
            or is_common_word(word)
            or title_at(tokens, other) is not None
        ):
            continue
        found.append(other)
    return found


def _places_in_a_list(
    tokens: list[Token], by_first: dict[int, Match], taken: set[int]
) -> list[int]:
    """Tokens naming places no list knows in a list after a known place, up to its comma or
    full stop ("في بيروت وعاليه والغازية وشتورة،"): each one word after و, not a common word
    of a body's name, no title, no possessed noun, not taken."""
    from .body_names import is_common_word

    places = (ActorType.PLACE,)
    found: list[int] = []
    for match in by_first.values():
        if match.entry.type not in places:
            continue
        n, members = match.last + 1, []
        while n < len(tokens) and tokens[n].text.startswith("و") and len(tokens[n].text) > 2:
            members.append(n)
            n += 1
        if not members or (n < len(tokens) and tokens[n].text not in _LIST_ENDS):
            continue
        if len(members) == 1 and _definite(tokens[members[0]]):
            continue  # "في بيروت والمناطق": one definite word, a common noun as often
        for k in members:
            word = tokens[k]
            known = k in by_first
            if known or k in taken:
                continue
            if (
                not _name_like(word)
                or is_common_word(word)
                or _possessed(word)
                or title_at(tokens, k) is not None
            ):
                break  # "في بيروت والمناطق ...": a list of places only while each is a name
            found.append(k)
    return found


_LIST_ENDS = frozenset(("،", ",", ".", "؛"))


def _join_bracketed_outlets(tokens: list[Token], found: dict[str, Found]) -> None:
    """ "وكالة الأنباء الإيرانية الرسمية (إرنا)": an outlet named by its words, then (past up to
    two adjectives) a known outlet in brackets, is that outlet: one actor, the list's name."""
    starts = {t.start: t.i for t in tokens}
    media = [a for a in found.values() if a.type is ActorType.MEDIA]
    owner_at = {s: a for a in media for s, _ in a.mentions}
    for actor in media:
        for _, end in list(actor.mentions):
            after = _token_after(tokens, starts, end)
            if after is None:
                continue
            n = after  # past "الرسمية": definite words, no name's
            while n < len(tokens) and n - after < 2 and tokens[n].norm.startswith("ال"):
                n += 1
            if n >= len(tokens) - 2 or tokens[n].text != "(":
                continue
            inner = owner_at.get(tokens[n + 1].start)
            if inner is None or inner is actor or tokens[n + 2].text != ")":
                continue
            inner.mentions.extend(m for m in actor.mentions if m not in inner.mentions)
            actor.mentions = []
            break


def _token_after(tokens: list[Token], starts: dict[int, int], end: int) -> int | None:
    """The index of the first token after the character offset `end` (a space or none)."""
    for gap in (1, 0):
        if end + gap in starts:
            return starts[end + gap]
    return None


def _add_acronyms(tokens: list[Token], text: str, found: dict[str, Found], taken: set[int]) -> None:
    """ "وكالة الأنباء العراقية (واع)": a word in brackets right after a body's or an outlet's
    name is its acronym, a mention of it there and wherever else it stands."""
    # a person's or a place's name takes no acronym ("الدوحة (قنا) -": the dateline's agency)
    ends = {e: actor for actor in found.values()
            if actor.type not in (ActorType.PERSON, ActorType.PLACE)
            for _, e in actor.mentions}  # fmt: skip
    acronyms: dict[str, Found] = {}
    for n in range(1, len(tokens) - 2):
        owner = ends.get(tokens[n - 1].end)
        if owner is None and n > 1 and demonym_country(tokens[n - 1]) is not None:
            owner = ends.get(tokens[n - 2].end)  # "الدفاع المدني السوري (الخوذ البيضاء)"
        close = _bracketed(tokens, n) if owner is not None else None
        if owner is None or close is None or close > n + 3:
            continue
        words = tokens[n + 1 : close]
        if any(t.i in taken or not _ARABIC_WORD.fullmatch(t.norm) for t in words):
            continue
        if len(words) > 1:  # "الدفاع المدني (الخوذ البيضاء)": its other name, there
            owner.mentions.append((words[0].start, words[-1].end))
            taken |= {t.i for t in words}
            continue
        if len(words[0].norm) < 2:
            continue
        acronyms[words[0].norm] = owner
    if not acronyms:
        return
    for token in tokens:
        owner = acronyms.get(token.norm)
        if owner is not None and token.i not in taken:
            owner.mentions.append((token.start, token.end))
            taken.add(token.i)


def _add_surnames(tokens: list[Token], found: dict[str, Found], taken: set[int]) -> None:
    """A later "مملوك" or "المملوك" is the person whose name ends with it."""
    surnames: dict[str, Found] = {}
    compounds: dict[tuple[str, str], Found] = {}
    for actor in found.values():
        words = actor.arabic.split()
        if (
            actor.type is ActorType.PERSON
            and len(words) > 2
            and normal(words[-2]) in _compound_first()
        ):
            # "محمد عبد السلام": his surname is "عبد السلام" whole, never "سلام" (peace)
            compounds.setdefault((normal(words[-2]), normal(words[-1])), actor)
        elif actor.type is ActorType.PERSON and len(words) > 1:
            surnames.setdefault(without_article(normal(words[-1])), actor)
    for token in tokens:
        if token.i in taken:
            continue
        after = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
        pair = next(
            (
                (skipped, compounds[(word, after.norm)])
                for skipped, word in token.readings()
                if after is not None and after.i not in taken and (word, after.norm) in compounds
            ),
            None,
        )
        if pair is not None and after is not None:
            pair[1].mentions.append((token.start + pair[0], after.end))
            taken |= {token.i, after.i}
            continue
        for skipped, word in token.readings():
            owner = surnames.get(without_article(word))
            if owner is not None and len(without_article(word)) >= 3:
                owner.mentions.append((token.start + skipped, token.end))
                taken.add(token.i)
                break


@lru_cache(maxsize=1)
def aside_words() -> frozenset[str]:
    """Words opening an aside about where or how it was said (ar_asides.txt: "في بيان"),
    read here for the claim rules too."""
    return frozenset(normal(w) for w in lexicon.words("ar_asides.txt"))


def _given_name_goes_on(tokens: list[Token], after: Token) -> bool:
    """Whether what follows a bare given name after a verb of saying keeps it the speaker
    named before: إن/أن, or a comma opening an aside ("وأضاف سامي، في بيان، أن"). Any other
    comma opens a description of someone new ("قال محمد، وهو صاحب متجر،", "، 34 عاما،")."""
    if after.norm in THAT_WORDS:
        return True
    if after.text not in _COMMAS or after.i + 1 >= len(tokens):
        return False
    return any(w in aside_words() for _, w in tokens[after.i + 1].readings()[:2])


def _add_given_names(tokens: list[Token], found: dict[str, Found], taken: set[int]) -> None:
    """A given name alone right after a verb of saying, then إن/أن or an aside ("وأضاف سامي
    أن"), is the one person named before it whose name opens with it; two such people, none.
    A person named only later is no one's antecedent."""
    from ...lexicon.transliterate import clean_arabic
    from .bare_names import given_names, says

    owners: dict[str, list[tuple[int, Found]]] = {}
    for actor in found.values():
        words = actor.arabic.split()
        if actor.type is ActorType.PERSON and len(words) > 1 and actor.mentions:
            first = clean_arabic(words[0])
            if first in given_names():
                owners.setdefault(first, []).append((min(actor.mentions)[0], actor))
    for token in tokens[1:-1]:
        if token.i in taken or not says(tokens[token.i - 1]):
            continue
        if not _given_name_goes_on(tokens, tokens[token.i + 1]):
            continue
        people = owners.get(clean_arabic(token.text), [])
        if len(people) == 1 and people[0][0] < token.start:
            people[0][1].mentions.append((token.start, token.end))
            taken.add(token.i)


def _actors(found: dict[str, Found], text: str) -> tuple[list[Actor], list[tuple[int, int, str]]]:
    ordered = sorted((f for f in found.values() if f.mentions), key=lambda f: min(f.mentions))
    actors: list[Actor] = []
    spans: list[tuple[int, int, str]] = []
    for n, item in enumerate(ordered, start=1):
        actor_id = f"a{n}"
        mentions = sorted(set(item.mentions))
        forms = list(dict.fromkeys(text[s:e] for s, e in mentions))
        aliases = [f for f in dict.fromkeys([item.arabic, *forms]) if f != item.name]
        actors.append(
            Actor(
                id=actor_id,
                name=item.name,
                type=item.type,
                aliases=tuple(aliases),
                roles=tuple(item.roles),
                mentions=tuple(Mention(start=s, end=e, text=text[s:e]) for s, e in mentions),
            )
        )
        spans.extend((s, e, actor_id) for s, e in mentions)
    return actors, sorted(spans)
