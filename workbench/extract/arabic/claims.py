"""Arabic claims: who said what, and through which outlets.

Arabic news reports speech verb-first: "قال X إن ...", "ذكرت صحيفة الأخبار أن ...",
"نقلت وكالة فرانس برس عن مصدر سياسي سوري قوله إن ..." (the outlet a channel, the source
the speaker); or with a phrase of attribution, "بحسب سانا" / "وفقا لوكالة سانا", whose
content is the rest of the sentence. The content runs from إن/أن, a colon or a quotation
mark to the end of the sentence; a quotation alone is a direct claim, a reported one with
quoted words mixed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import takewhile

from ... import lexicon
from ...model import Actor, ActorType, Claim, ClaimKind
from .actors import aside_words as _aside_words
from .actors import title_at
from .bodies import head_reading
from .cues import AUXILIARIES as _AUXILIARIES
from .cues import COMMA as _COMMA
from .cues import blames, clauses, cue_of, cues, goes_on, preposition_of, says_object
from .gazetteer import source_nouns
from .parties import party_noun
from .referents import honoured, outlet_named_before
from .tokens import CLOSE_QUOTES, OPEN_QUOTES, THAT_WORDS, Token, normal, without_article

# the words that open reported content; "قوله" ("his saying") sits between source and content
_THAT = THAT_WORDS
_FROM = normal("عن")
_SAYING = frozenset(normal(w) for w in ("قوله", "قولها", "قولهم"))


@lru_cache(maxsize=1)
def _openers() -> tuple[tuple[str, ...], ...]:
    """Sentence openers before a subject (ar_sentence_openers.csv), normal forms."""
    return tuple(
        tuple(normal(w) for w in row["opener"].split())
        for row in lexicon.table("ar_sentence_openers.csv")
    )


def _is_aside(token: Token) -> bool:
    return any(w in _aside_words() for _, w in token.readings()[:2])


def _own_end(tokens: list[Token], a: int, b: int) -> int:
    """Where a source's own words end among tokens a..b: before an aside ("X، في بيان،",
    "في تصريحات نقلتها هيئة الإذاعة"), which names where it was said, never who said it."""
    n = a
    while n < b and tokens[n].text in _COMMA:
        n += 1
    if n < b and _is_aside(tokens[n]):
        return a  # nothing but the aside: "وأضاف في مؤتمر صحافي أن"
    depth = 0
    for j in range(a, b - 1):
        text = tokens[j].text
        if text in "«(":
            depth += 1
        elif text in "»)":
            depth = max(0, depth - 1)
        elif depth == 0 and text in _COMMA and _is_aside(tokens[j + 1]):
            return j
        elif depth == 0 and j > a and _in_a_statement(tokens, j, b):
            return j  # "وقال المجلس في بيان": the body speaks; the statement is where
        elif depth == 0 and text in _COMMA and tokens[j + 1].norm in _relatives():
            return j  # "X، الذي حضر الجلسة،": a relative clause describes the speaker
    return b


_IN = normal("في")


@lru_cache(maxsize=1)
def _relatives() -> frozenset[str]:
    """Relative pronouns (ar_relative_pronouns.txt): "X، الذي حضر الجلسة،"."""
    return frozenset(normal(w) for w in lexicon.words("ar_relative_pronouns.txt"))


@lru_cache(maxsize=1)
def _own() -> frozenset[str]:
    """ "في بيان له": the statement's own pronoun (ar_own_pronouns.txt)."""
    return frozenset(normal(w) for w in lexicon.words("ar_own_pronouns.txt"))


def _in_a_statement(tokens: list[Token], j: int, b: int) -> bool:
    """Whether tokens j.. are "في بيان", "في كلمة", "في مقابلة" (ar_statement_nouns.txt,
    the interview nouns): where it was said, with no comma before it."""
    return (
        tokens[j].norm == _IN
        and j + 1 < b
        and (
            _a_statement(tokens[j + 1], definite=False) or tokens[j + 1].norm in _interview_nouns()
        )
    )


@dataclass(frozen=True)
class _Said:
    start: int  # content, characters
    end: int
    kind: ClaimKind
    cue: str
    speaker: str | None
    speaker_text: str | None
    channels: tuple[str, ...]


class _SpanIndex:
    """An article's mention spans, built once for all its sentences: looking up the spans
    within a stretch by bisection, and a span's presence in a set, keeps a text of thousands
    of quoted names linear (scanning every span of the article per name did not)."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        # sorted by start, each with its place in `spans` to give them back in its order
        self._by_start = sorted((s, n) for n, (s, _, _) in enumerate(spans))
        self._starts = [s for s, _ in self._by_start]
        self._spans = spans
        self.pairs = {(s, e) for s, e, _ in spans}  # (start, end) of every span

    def within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The spans with start <= s and e <= end, in the order of `spans`."""
        lo = bisect_left(self._starts, start)
        hi = bisect_right(self._starts, end)
        found = sorted(n for _, n in self._by_start[lo:hi])
        return [self._spans[n] for n in found if self._spans[n][1] <= end]

    def starting(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The spans with start <= s < end, in the order of `spans`."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end)
        return [self._spans[n] for n in sorted(n for _, n in self._by_start[lo:hi])]


class _Sentence:
    def __init__(
        self,
        tokens: list[Token],
        first: int,
        last: int,
        text: str,
        spans: list[tuple[int, int, str]],
        actors: dict[str, Actor],
        times: tuple[int, ...] = (),
        opening: int | None = None,
        index: _SpanIndex | None = None,
    ) -> None:
        self.tokens, self.first, self.last, self.text = tokens, first, last, text
        # where the whole sentence starts when this is a later clause of it ("التقى الأسد
        # الوزير، وأكد أن ...": the clause's subject is the sentence's)
        self.opening = first if opening is None else opening
        self.spans, self.actors = spans, actors
        # the article's spans indexed (shared by its sentences: built once per article)
        self.index = _SpanIndex(spans) if index is None else index
        self.times = times  # where date expressions start

    def actors_in(self, a: int, b: int) -> list[Actor]:
        """Actors mentioned between tokens a and b (exclusive), in order."""
        if a >= b:
            return []
        start, end = self.tokens[a].start, self.tokens[b - 1].end
        ids = [i for _, _, i in self.index.within(start, end)]
        return [self.actors[i] for i in dict.fromkeys(ids)]


def _content_end(sentence: _Sentence, k: int) -> int:
    """The last content token (exclusive index): the sentence's end without its full stop."""
    end = sentence.last
    while end > k and sentence.tokens[end - 1].text in ".!?؟،,":
        end -= 1
    return end


def _kind_of(tokens: list[Token], a: int, b: int) -> tuple[ClaimKind, int, int]:
    """Direct when the content is one quotation (marks dropped), mixed with quoted words."""
    # at least one word between the marks: a lone '"' both opens and closes
    if b - a >= 3 and tokens[a].text in OPEN_QUOTES and tokens[b - 1].text in CLOSE_QUOTES:
        inner = [t.text for t in tokens[a + 1 : b - 1]]
        if not any(q in inner for q in ("«", "»")):
            return ClaimKind.DIRECT, a + 1, b - 1
    if any(t.text in OPEN_QUOTES for t in tokens[a:b]):
        return ClaimKind.MIXED, a, b
    return ClaimKind.INDIRECT, a, b


def _said_between(
    tokens: list[Token],
    a: int,
    b: int,
    cue: int,
    who: tuple[str | None, str | None, tuple[str, ...]],
) -> _Said:
    """The claim whose content is tokens `a` to `b` (its kind, and a quotation's marks
    dropped, read by `_kind_of`), said with the cue at token `cue` by `who` (speaker id,
    speaker words, channels)."""
    claim_kind, a, b = _kind_of(tokens, a, b)
    return _Said(tokens[a].start, tokens[b - 1].end, claim_kind, _cue_text(tokens[cue]), *who)


def _who(
    sentence: _Sentence, a: int, b: int, *, told: bool = False
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Speaker id, speaker words and channels from the words naming the source.

    "صحيفة الأخبار عن مصدر مطلع": outlets before عن are channels, the source after it the
    speaker; "مصدر سياسي لوكالة فرانس برس": the outlet a channel, the source unnamed. An
    aside ("، في تصريح لموقع «العهد»،") is no source; an outlet in it is a channel. `told`:
    the words follow a verb of saying, where an outlet after ل is whom it was said to.
    """
    after, addressed = _addressee(sentence, a, b) if told else (a, ())
    if addressed:
        # "قال لقناة «العربية» مسؤول", "وكان X قد قال لصحيفة «الصباح» إن": the outlet told is
        # a channel, and whoever the rest names (or the subject before the verb) speaks
        speaker, speaker_text, channels = _who(sentence, after, b)
        return speaker, speaker_text, tuple(dict.fromkeys((*addressed, *channels)))
    own = _own_end(sentence.tokens, a, b)
    speaker, speaker_text, channels = _who_in(sentence, a, own, spoken_to=told)
    aside = [x.id for x in sentence.actors_in(own, b) if x.type is ActorType.MEDIA]
    return speaker, speaker_text, tuple(dict.fromkeys((*channels, *aside)))


def _addressee(sentence: _Sentence, a: int, b: int) -> tuple[int, tuple[str, ...]]:
    """An outlet after ل right after the verb is whom the source spoke to, never the source:
    "لقناة «العربية»", "لوكالة فرانس برس", "لـ«الأخبار»". (The token after its name, and its
    id), or (a, ()) when the words at `a` are no such outlet."""
    tokens = sentence.tokens
    if a >= b or not tokens[a].text.startswith("ل"):
        return a, ()
    lo, hi = tokens[a].start, tokens[min(b, a + 4) - 1].end
    outlet = next(
        (
            (s, e, i)
            for s, e, i in sentence.index.within(lo, hi)
            if sentence.actors[i].type is ActorType.MEDIA
        ),
        None,
    )
    if outlet is None:
        return a, ()
    # only ل, an outlet noun and a quotation mark stand before the name
    before = "".join(ch for ch in sentence.text[lo : outlet[0]] if ch not in ' ـ«"“')
    if before != "ل" and not (
        before.startswith("ل") and source_nouns().get(normal(before[1:])) == "outlet"
    ):
        return a, ()
    n = a
    while n < b and tokens[n].start < outlet[1]:
        n += 1
    if n < b and tokens[n].text in CLOSE_QUOTES:
        n += 1
    return n, (outlet[2],)


def _who_in(
    sentence: _Sentence, a: int, b: int, *, spoken_to: bool = False
) -> tuple[str | None, str | None, tuple[str, ...]]:
    tokens = sentence.tokens
    words = [t for t in tokens[a:b] if t.norm not in _SAYING]
    if not words:
        return None, None, ()
    # "نقلت X عن Y": the outlets before عن, the source after it; not the عن of a title
    # ("النائب عن تحالف الفتح")
    # ("النائب عن تحالف الفتح"), nor "، طلب عدم الكشف عن اسمه،" in an aside after a comma
    quoted = _quoted_tokens(tokens, a, b)
    split = next(
        (
            t.i
            for t in words
            if t.norm == _FROM
            and t.i not in quoted  # موقع «كل شيء عن الجزائر»: the name's own عن
            and not _in_title(tokens, t.i)
            and (
                t.i == words[0].i
                or _media_between(sentence, a, t.i)
                or not any(w.text in _COMMA for w in tokens[a : t.i])
            )
        ),
        None,
    )
    origin_from = split + 1 if split is not None else a
    channels = [
        x
        for x in sentence.actors_in(a, split if split is not None else b)
        if x.type is ActorType.MEDIA
    ]
    source = [x for x in sentence.actors_in(origin_from, b) if x.type is not ActorType.MEDIA]
    owned = _outlet_owner_from(sentence, origin_from, b)
    if owned is not None:  # "قناة «المنار» التابعة لحزب الله": the owner describes it
        source = [x for x in source if x.id not in {y.id for y in sentence.actors_in(owned, b)}
                  or x.id in {y.id for y in sentence.actors_in(origin_from, owned)}]  # fmt: skip
    speaker_tokens = [t for t in tokens[origin_from:b] if t.norm not in _SAYING]
    people = [x for x in source if x.type is ActorType.PERSON]
    lone = _before_setting(speaker_tokens)
    aside = next((n for n, t in enumerate(speaker_tokens) if n and _is_aside(t)), None)
    head = speaker_tokens[:aside]  # the words before "في منشور", "خلال اتصال"
    if not people and head and (ruler := honoured(sentence, head)) is not None:
        # "وأكد جلالته أن", "وكتب سمو الأمير في منشور على منصة «إكس»": the ruler named
        # before speaks (a platform or place among the words is where, never who)
        honorific = sentence.text[head[0].start : head[-1].end]
        return ruler.id, honorific, tuple(c.id for c in channels)
    if not source and lone and (paper := outlet_named_before(sentence, lone, sentence.text)):
        # "وقالت الصحيفة إن": the paper named before speaks, through itself; "وقالت الوكالة"
        # after the IAEA: the agency of the UN, which is no outlet
        through = (paper.id,) if paper.type is ActorType.MEDIA else ()
        return paper.id, sentence.text[lone[0].start : lone[-1].end], through
    if (
        not source
        and (again := _person_titled_before(sentence, _before_setting(speaker_tokens))) is not None
    ):
        # "قال الوزير إن": the minister named before, not a title with no name
        titled = sentence.text[speaker_tokens[0].start : speaker_tokens[-1].end]
        return again.id, titled, tuple(c.id for c in channels)
    # "مستشار قائد قوات الدعم السريع": a person described by a title and no name, unnamed;
    # a body in the title's role does not speak
    titled_nobody = not people and _titled_nobody(tokens, speaker_tokens)
    described = _described_at(sentence, speaker_tokens, source)
    if (
        channels
        and split is None
        and speaker_tokens
        and (_starts_unnamed(speaker_tokens) or titled_nobody or described)
    ):
        # "مصادر مطلعة لـ«الأخبار»": the source's words end where the outlet it spoke to begins
        first_outlet = min(
            s for s, _, i in sentence.spans if i == channels[0].id and s >= tokens[a].start
        )
        speaker_tokens = [t for t in speaker_tokens if t.end <= first_outlet]
        while speaker_tokens and (
            speaker_tokens[-1].is_punct
            or len(normal(speaker_tokens[-1].text)) <= 1
            or _is_outlet_noun(speaker_tokens[-1])  # "... لقناة الجزيرة"
        ):
            speaker_tokens.pop()
    # "أعلنت المستشارة الألمانية أنغيلا ميركل يوم الأحد أن": the time is not the speaker's
    cut = next((n for n, t in enumerate(speaker_tokens) if n and t.start in sentence.times), None)
    speaker_tokens = speaker_tokens[:cut]
    speaker_text = (
        sentence.text[speaker_tokens[0].start : speaker_tokens[-1].end] if speaker_tokens else None
    )
    unnamed = _starts_unnamed(speaker_tokens) or described
    if unnamed:  # "مسؤول في الخارجية الأمريكية، طلب عدم الكشف عن اسمه،": the description
        speaker_tokens = list(takewhile(lambda t: t.text not in _COMMA, speaker_tokens))
        speaker_text = (
            sentence.text[speaker_tokens[0].start : speaker_tokens[-1].end]
            if speaker_tokens
            else None
        )
    if unnamed or titled_nobody:
        return None, speaker_text, tuple(c.id for c in channels)
    # a place is where, never who: "وقال رئيس بلدية صبراتة", "مصدر من مدينة الزاوية" (a
    # capital that speaks for its state was made the state by the actor rules)
    able = [x for x in source if x.type is not ActorType.PLACE]
    if able:
        # "المندوب السعودي لدى الأمم المتحدة عبد الله المعلمي": the person speaks
        speaker = _titled_last(sentence, people, origin_from, b) if people else able[0]
        return speaker.id, speaker_text, tuple(c.id for c in channels)
    if source and not channels:
        return None, speaker_text, ()
    # "وقالت الهيئة في تحديث لاحق", "وأوضحت الوزارة في بيانها": a lone noun, then where
    lone = _before_setting(speaker_tokens)
    again = _body_named_before(sentence, lone) or _issuer_before(sentence, lone)
    if again is not None:  # "وقالت المؤسسة": the corporation named before speaks
        return again.id, speaker_text, tuple(c.id for c in channels)
    told = [c for c in channels if spoken_to and _told(sentence, c.id, a, b)]
    if told and split is None and len(told) == len(channels):
        # "وقالت الوزارة لوكالة «سبوتنيك» إن": the outlet told is no speaker; the words
        # before it name one no list knows
        first = min(s for s, _, i in sentence.spans if i == told[0].id and s >= tokens[a].start)
        before = [t for t in speaker_tokens if t.end <= first and not t.is_punct]
        aside = next((n for n, t in enumerate(before) if n and _is_aside(t)), None)
        before = before[:aside]  # "الوزارة في بيان لوكالة سانا": the aside is no source
        while before and (len(normal(before[-1].text)) <= 1 or _is_outlet_noun(before[-1])):
            before.pop()
        said_by = sentence.text[before[0].start : before[-1].end] if before else None
        return None, said_by, tuple(c.id for c in channels)
    if channels:
        media_after = [x for x in sentence.actors_in(origin_from, b) if x.type is ActorType.MEDIA]
        if split is not None and media_after:  # نقلت X عن Y, both outlets, origin first
            # (the model's order): Y told X
            return media_after[0].id, speaker_text, tuple(c.id for c in media_after + channels)
        return channels[0].id, speaker_text, (channels[0].id,)
    return None, speaker_text, ()


@lru_cache(maxsize=1)
def _owner_words() -> frozenset[str]:
    """Words opening whose an outlet is (ar_outlet_description_words.txt)."""
    return frozenset(normal(w) for w in lexicon.words("ar_outlet_description_words.txt"))


def _outlet_owner_from(sentence: _Sentence, a: int, b: int) -> int | None:
    """The token where an outlet's owner is told among tokens a..b ("التابعة لحزب الله",
    "التي يديرها الحوثيون"), after an outlet named there; else None."""
    tokens = sentence.tokens
    for t in tokens[a:b]:
        if any(w in _owner_words() for _, w in t.readings()[:2]):
            before = sentence.actors_in(a, t.i)
            return t.i if any(x.type is ActorType.MEDIA for x in before) else None
    return None


def _quoted_tokens(tokens: list[Token], a: int, b: int) -> set[int]:
    """The tokens inside «» among tokens a..b."""
    inside: set[int] = set()
    depth = 0
    for token in tokens[a:b]:
        if token.text == "«":
            depth += 1
        elif token.text == "»":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(token.i)
    return inside


def _body_named_before(sentence: _Sentence, words: list[Token]) -> Actor | None:
    """The body a lone head noun with the article names again ("وقالت المؤسسة", "وأكدت
    المديرية"): the last body before it whose name begins with that noun."""
    if len(words) != 1 or not words[0].norm.startswith("ال"):
        return None
    head = head_reading(words[0])
    noun = without_article(head[1]) if head is not None else party_noun(words[0])
    if noun is None:
        return None
    before = [
        (s, i)
        for s, e, i in sentence.spans
        if e <= words[0].start
        and sentence.actors[i].type in (ActorType.ORGANIZATION, ActorType.GROUP)
    ]
    for s, i in sorted(before, reverse=True):
        first = sentence.text[s:].split(maxsplit=1)[0]
        # "تيار «المردة» ... وقال التيار": a party's head noun stands before its quoted name
        previous = sentence.text[max(0, s - 12) : s].replace("«", " ").split()[-1:]
        if without_article(normal(first)) == noun or (
            head is None and [without_article(normal(w)) for w in previous] == [noun]
        ):
            return sentence.actors[i]
    return None


_WHERE = frozenset(normal(w) for w in ("في", "من", "داخل"))


def _described_at(sentence: _Sentence, words: list[Token], source: list[Actor]) -> bool:
    """Whether the source's words describe someone unnamed by what they do and where
    ("ربان سفينة تجارية في جيبوتي", "وسيط تأمين بحري في لندن"): a bare first word no actor,
    title or article begins, and only places after في or من (or ب on them). The place is
    where the source is, never the source."""
    if not words or not source or any(x.type not in (ActorType.PLACE, ActorType.COUNTRY)
                                      for x in source):  # fmt: skip
        return False
    first = words[0]
    if (
        first.norm.startswith("ال")
        or title_at(sentence.tokens, first.i) is not None
        or any(s < first.end and first.start < e for s, e, _ in sentence.spans)
    ):
        return False
    ids = {x.id for x in source}
    for s, _, i in sentence.spans:
        if i not in ids or not words[0].start <= s < words[-1].end:
            continue
        at = next(t for t in words if t.start <= s < t.end)
        before = sentence.tokens[at.i - 1] if at.i > 0 else None
        if s == at.start and (before is None or before.norm not in _WHERE):
            return False  # a place standing alone in the source's words may be the source
    return True


def _before_setting(words: list[Token]) -> list[Token]:
    """A lone noun's word when an aside about where it was said follows it ("الهيئة في
    تحديث لاحق", "الوزارة في بيانها"), else the words as they are."""
    if len(words) > 1 and words[0].norm.startswith("ال") and _is_aside(words[1]):
        return words[:1]
    return words


@lru_cache(maxsize=1)
def _statement_nouns() -> frozenset[str]:
    return frozenset(normal(w) for w in lexicon.words("ar_statement_nouns.txt"))


def _a_statement(token: Token, *, definite: bool) -> bool:
    """Whether `token` is a statement noun ("البيان"; with `definite` False also "بيانا",
    "بيانها", "ببيان"): its readings without the article and a possessive or accusative end."""
    for _, word in token.readings():
        if definite and not word.startswith("ال"):
            continue
        bare = without_article(word)
        for end in ("", "ا", "ه", "ها", "هم"):
            if bare.endswith(end) and bare[: len(bare) - len(end)] in _statement_nouns():
                return True
    return False


# a statement's issuer is looked for this many tokens back (a hostile text of statement
# nouns alone stays linear)
_ISSUER_LOOKBACK = 120


def _issuer_before(sentence: _Sentence, words: list[Token]) -> Actor | None:
    """Who issued the statement a lone "البيان" names ("وأوضح البيان أن"): the first body,
    state or person in the sentence where the last statement before it was issued
    ("أصدرت الوزارة ... بيانا", "أعلنت الرئاسة، في بيان لها،")."""
    if len(words) != 1 or not _a_statement(words[0], definite=True):
        return None
    tokens = sentence.tokens
    floor = max(0, words[0].i - _ISSUER_LOOKBACK)
    issued = next(
        (j for j in range(words[0].i - 1, floor - 1, -1)
         if _a_statement(tokens[j], definite=False) and not tokens[j].norm.startswith("ال")),
        None,
    )  # fmt: skip
    if issued is None:
        return None
    start = next(
        (j + 1 for j in range(issued - 1, floor - 1, -1) if tokens[j].text in ".!?؟\n"), floor
    )
    lo, hi = tokens[start].start, tokens[issued].start
    kinds = (ActorType.ORGANIZATION, ActorType.GROUP, ActorType.COUNTRY, ActorType.PERSON)
    first = min(
        ((s, i) for s, e, i in sentence.spans
         if lo <= s and e <= hi and sentence.actors[i].type in kinds),
        default=None,
    )  # fmt: skip
    return sentence.actors[first[1]] if first is not None else None


def _told(sentence: _Sentence, outlet: str, a: int, b: int) -> bool:
    """Whether the outlet is named after ل within tokens a..b: whom the source told."""
    tokens = sentence.tokens
    lo, hi = tokens[a].start, tokens[b - 1].end
    for s, _, i in sentence.index.starting(lo, hi):  # by bisection: linear on long texts
        if i != outlet:
            continue
        n = next((t.i for t in tokens[a:b] if t.start <= s < t.end), None)
        # "لوكالة «سبوتنيك»": the ل stands up to three tokens before the name
        if n is not None and any(
            _addressee(sentence, j, b)[1] == (outlet,) for j in range(max(a, n - 3), n + 1)
        ):
            return True
    return False


def _media_between(sentence: _Sentence, a: int, b: int) -> bool:
    return any(x.type is ActorType.MEDIA for x in sentence.actors_in(a, b))


def _titled_last(sentence: _Sentence, people: list[Actor], a: int, b: int) -> Actor:
    """The person who speaks among several in the source's words: the first, unless a
    title right after a person introduces the next ("المتحدث باسم رئيس الوزراء عبد الله حمدوك
    الدكتور فيصل محمد صالح": the first belongs to the spokesman's role)."""
    tokens = sentence.tokens
    lo, hi = tokens[a].start, tokens[b - 1].end
    ids = {x.id for x in people}
    # the spans in the words by bisection, not a walk over the article's (review 10, F10)
    spans = sorted((s, e, i) for s, e, i in sentence.index.within(lo, hi) if i in ids)
    speaker = spans[0] if spans else None
    for later in spans[1:]:
        if speaker is None or later[2] == speaker[2]:
            continue
        between = [t for t in tokens[a:b] if speaker[1] <= t.start and t.end <= later[0]]
        if _title_ends_at(tokens, between) or _apposed_last(tokens[a:b], between, later):
            speaker = later
    chosen = speaker[2] if speaker is not None else people[0].id
    return next(x for x in people if x.id == chosen)


def _apposed_last(words: list[Token], between: list[Token], later: tuple[int, int, str]) -> bool:
    """Whether the next person is set off by a comma at the end of the source's words, the
    person the title phrase before describes: "مدير حملة المرشح نبيل القروي، سامي الطرابلسي،"
    (the campaign's director speaks, not the candidate his title names)."""
    return (
        bool(between)
        and all(t.text in _COMMA for t in between)
        and all(t.is_punct for t in words if t.start >= later[1])
    )


def _titled_nobody(tokens: list[Token], words: list[Token]) -> bool:
    """Whether the source's words are a title (an office or post, not a rank) and its role
    with no name after them: "مستشار قائد قوات الدعم السريع"."""
    if not words:
        return False
    title = title_at(tokens, words[0].i)
    return title is not None and title.kind != "rank"


def _in_title(tokens: list[Token], i: int) -> bool:
    """Whether token `i` is a word of a title that starts just before it (النائب عن)."""
    return i > 0 and (found := title_at(tokens, i - 1)) is not None and found.last >= i


def _title_ends_at(tokens: list[Token], between: list[Token]) -> bool:
    """Whether a title ends right before the next person: "المتحدث باسم تحالف ... في اليمن
    العميد تركي المالكي" (العميد introduces the speaker, whatever came before it)."""
    return bool(between) and any(
        (found := title_at(tokens, t.i)) is not None and found.last == between[-1].i
        for t in between
    )


def _said_with_verb(sentence: _Sentence, c: int, kind: str, previous: _Said | None) -> _Said | None:
    tokens = sentence.tokens
    k = c + 1
    preposition = preposition_of(tokens[c])  # "أشار إلى أن", "شدد X على أن", "حذر X من أن"
    if preposition is not None and k < sentence.last and tokens[k].norm == preposition:
        k += 1
    if k < sentence.last and _TOLD_PRONOUN.fullmatch(tokens[k].norm):
        k += 1  # "وأكد لهما أن": whom it was said to, no source
    # the source: from after the cue to إن/أن, a colon or a quotation mark
    m = _content_marker(sentence, k)
    if kind == "participle" and says_object(tokens[c]) and k < sentence.last and m > k:
        # "...، متهماً الأمم المتحدة بـ«التقصير»": its object is what was said, quotation and all
        m = k
    if m >= sentence.last:
        quoted = _quote_before(sentence, c, kind)
        if quoted is None and (kind == "object" or (kind == "say" and says_object(tokens[c]))):
            return _said_object(sentence, c)  # "أكدت إيران إجراء محادثات": confirmed
        if quoted is not None or kind != "participle" or not says_object(tokens[c]):
            return quoted
        m = k  # "...، نافياً ما تردد عن توقيع اتفاق": the participle's object was said
    content_start = m + 1 if tokens[m].norm in _THAT or tokens[m].text == ":" else m
    if content_start < sentence.last and tokens[content_start].text == ":":
        content_start += 1
    end = _content_end(sentence, content_start)
    end = _quotation_then_comment(tokens, content_start, end)
    trailing = _trailing_source(sentence, content_start, end)
    if trailing is not None:
        end = trailing[0]
    if content_start >= end:
        return None
    source_end = m
    if (
        preposition is not None
        and source_end - 1 > k
        and tokens[source_end - 1].norm == preposition
    ):
        source_end -= 1  # "حذر النائب ... من أن": من is neither speaker nor content
    k = _past_aside_to_source(sentence, k, source_end, kind)
    speaker, speaker_text, channels = _who(sentence, k, source_end, told=True)
    if kind == "inform":
        speaker, speaker_text, channels = _informer(sentence, c, k, source_end, channels)
    if speaker is None and not _names_a_source(sentence, k, source_end):
        # "وكانت وسائل إعلام مصرية قد أفادت خلال ... بأن", "X، في تسجيل ...، نفى أن": the
        # subject came first; an outlet in an aside after the verb still carried it
        subject = _subject_before(sentence, c)
        if subject[0] is not None or subject[1] is not None:
            speaker, speaker_text = subject[0], subject[1]
            channels = tuple(dict.fromkeys((*subject[2], *channels)))
    if kind == "relay" and not channels and tokens[k].norm == _FROM:
        # "وكانت صحيفة «الصباح» قد نقلت عن مصدر": the outlet before the verb relayed it
        subject = _subject_before(sentence, c)
        channels = tuple(
            i for i in dict.fromkeys((subject[0], *subject[2]))
            if i is not None and sentence.actors[i].type is ActorType.MEDIA
        )  # fmt: skip
    if speaker is None and speaker_text is None:
        before = sentence.actors_in(sentence.first, c)
        opening = tokens[sentence.opening].start
        same_sentence = previous is not None and previous.start >= opening
        if before:  # "السيسي قال إن": the subject first
            speaker = before[-1].id
            speaker_text = sentence.text[tokens[sentence.first].start : tokens[c].start].strip()
        elif (
            previous is not None
            and _no_source_words(sentence, k, source_end)
            and (same_sentence or sentence.opening == sentence.first)
        ):
            # "وأضاف أن", "...، مشيراً إلى أن": the same speaker goes on, through the same
            # outlets unless an aside names its own ("وأضاف في حديث لقناة X")
            speaker, speaker_text = previous.speaker, previous.speaker_text
            channels = channels or previous.channels
            reported = _reported_subject(sentence, previous)
            if reported is not None and previous.speaker is not None:
                # "ذكرت الوكالة أن المشاط استقبل الوفدين، وأكد لهما أن": who the report
                # was about goes on speaking, through the outlet
                channels = channels or (previous.speaker,)
                speaker, speaker_text = reported, None
        elif sentence.opening < sentence.first:
            # a later clause with no subject of its own: the sentence's ("وتحدث مصدر أمني
            # لـ«العربي الجديد» عن ...، مؤكداً أن": the unnamed source, through the paper)
            first_subject = _opening_subject(sentence)
            earlier = sentence.actors_in(sentence.opening, sentence.first)
            if first_subject is not None:
                speaker, speaker_text = first_subject[0], first_subject[1]
                channels = channels or first_subject[2]
            elif earlier:
                chosen = _sentence_subject(earlier)
                speaker = chosen.id
                speaker_text = chosen.name
    if (
        not channels
        and previous is not None
        and (goes_on(tokens[c]) or previous.start >= tokens[sentence.opening].start)
        and previous.speaker == speaker
        and (speaker is not None or speaker_text is not None)
    ):
        # "وأضاف عبد السلام أن": the same statement goes on, through the same outlets; so
        # does a second verb of the same speaker in the same sentence ("...، ولفت X إلى أن")
        channels = previous.channels
    if not channels:
        channels = _fronted_outlets(sentence, c)
    if kind == "report" and speaker is not None and not channels:
        actor = sentence.actors.get(speaker)
        if actor is not None and actor.type is ActorType.MEDIA:
            channels = (speaker,)
    if trailing is not None:
        speaker, speaker_text, channels = _relayed(
            sentence, trailing[1], speaker, speaker_text, channels
        )
    return _said_between(tokens, content_start, end, c, (speaker, speaker_text, channels))


_ON = normal("على")  # "وعلى منصة «إكس»،": on a platform


def _fronted_outlets(sentence: _Sentence, c: int) -> tuple[str, ...]:
    """The outlets of an aside that opens the clause before its verb ("وعلى منصة «إكس»،
    كتب أحد النواب أن", "وفي حديث لقناة «الجديد»، قال"): where it was said, a channel."""
    tokens = sentence.tokens
    a = sentence.first
    # "وفي حديث": a word of three letters keeps its و in `readings`, so it is read off here
    bare = tokens[a].norm[1:] if tokens[a].norm.startswith("و") else ""
    opens = (
        _is_aside(tokens[a])
        or bare in _aside_words()
        or any(w == _ON for _, w in tokens[a].readings()[:2])
    )
    if c - a < 3 or tokens[c - 1].text not in _COMMA or not opens:
        return ()
    if any(t.text in _COMMA for t in tokens[a : c - 1]):
        return ()
    return tuple(x.id for x in sentence.actors_in(a, c - 1) if x.type is ActorType.MEDIA)


# ل with a pronoun right after a verb of saying: whom it was said to ("وأكد لهما أن")
_TOLD_PRONOUN = re.compile(r"ل(?:ه|ها|هم|هما|هن|نا|ي|ك|كم)")
# how far into a report's content its subject may start ("أن رئيس المجلس ... X استقبل")
_SUBJECT_REACH = 80


def _reported_subject(sentence: _Sentence, previous: _Said) -> str | None:
    """The person a report by an outlet was about, when that person opens its content
    ("ذكرت سبأ أن رئيس المجلس السياسي الأعلى مهدي المشاط استقبل"), else None."""
    outlet = sentence.actors.get(previous.speaker) if previous.speaker else None
    if outlet is None or outlet.type is not ActorType.MEDIA:
        return None
    first = min(
        (
            (s, i) for s, _, i in sentence.spans
            if previous.start <= s < min(previous.end, previous.start + _SUBJECT_REACH)
        ),
        default=None,
    )  # fmt: skip
    if first is None or sentence.actors[first[1]].type is not ActorType.PERSON:
        return None
    return first[1]


def _past_aside_to_source(sentence: _Sentence, k: int, b: int, kind: str) -> int:
    """Where a relay's source words start: at its عن past an aside or a time before it
    ("نقلت في ١٨ نيسان/أبريل الماضي عن مسؤولين مطلعين أن": the officials are the source)."""
    tokens = sentence.tokens
    if kind != "relay" or k >= b or tokens[k].norm == _FROM:
        return k
    if not (_is_aside(tokens[k]) or tokens[k].start in sentence.times):
        return k
    j = next((t.i for t in tokens[k:b] if t.norm == _FROM and not _in_title(tokens, t.i)), None)
    return j if j is not None else k


def _informer(
    sentence: _Sentence, c: int, k: int, b: int, channels: tuple[str, ...]
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Who speaks with a verb of telling ("أبلغ X نظيره Y أن"): the subject before the verb
    ("وكان X قد أبلغ Y أن"), else the first actor after it; the person told is no speaker."""
    subject = _subject_before(sentence, c)
    if subject[0] is not None or subject[1] is not None:
        return subject[0], subject[1], tuple(dict.fromkeys((*subject[2], *channels)))
    own = _own_end(sentence.tokens, k, b)
    first = next(iter(sentence.actors_in(k, own)), None)
    if first is None:
        return _who(sentence, k, b)
    end = max(e for s, e, i in sentence.spans if i == first.id and s >= sentence.tokens[k].start)
    n = k
    while n < own and sentence.tokens[n].start < end:
        n += 1
    speaker, speaker_text, _ = _who(sentence, k, n)
    return speaker, speaker_text, channels


def _only_role_before(sentence: _Sentence, k: int, start: int) -> bool:
    """Whether the words from token `k` to the character `start` are a title's role: no
    comma, quotation mark or cue among them, and a few at most."""
    words = [t for t in sentence.tokens[k : sentence.last] if t.end <= start]
    return len(words) <= 10 and not any(
        t.text in _COMMA or t.text in OPEN_QUOTES or cue_of(t) is not None for t in words
    )


def _quotation_then_comment(tokens: list[Token], a: int, b: int) -> int:
    """The content's end when it opens with a quotation closed before a comma: "أن «هيبة
    الدولة خط أحمر»، وذلك بعد ساعات من ..." (the words after the comma are the reporter's)."""
    if a >= b or tokens[a].text != "«":
        return b
    depth = 0
    for q in range(a, b):
        depth += tokens[q].text == "«"
        depth -= tokens[q].text == "»"
        if depth == 0:
            if q + 2 < b and tokens[q + 1].text in _COMMA and _goes_on_that(tokens[q + 2]):
                return b  # "أن «لا أحد فوق القانون»، وأن القضاء «...»": the same claim goes on
            return q + 1 if q + 1 < b and tokens[q + 1].text in _COMMA else b
    return b


def _goes_on_that(token: Token) -> bool:
    """ "وأن", "وإن": a second that-clause of the same saying."""
    return token.text.startswith("و") and normal(token.text[1:]) in _THAT


def _said_object(sentence: _Sentence, c: int) -> _Said | None:
    """ "اتهم وزير الخارجية الأمريكي مايك بومبيو إيران بالوقوف وراء الهجوم", "نفت طهران أي
    علاقة لها به": a verb whose object is what was said, with no إن/أن. The speaker is the
    actor after the verb (with the title before it); the content is the rest of the clause.
    """
    tokens = sentence.tokens
    k = c + 1
    if k >= sentence.last:
        return None
    lo, hi = tokens[k].start, tokens[sentence.last - 1].end
    after = sorted((s, e, i) for s, e, i in sentence.spans if s >= lo and e <= hi)
    again = _body_named_before(sentence, [tokens[k]])
    if again is not None:
        # "فيما نفى الحزب أي صلة له به": the party named before denies
        a = _past_aside_time(sentence, k + 1)
        b = _object_end(sentence, a, _content_end(sentence, a))
        if a >= b:
            return None
        return _said_between(tokens, a, b, c, (again.id, tokens[k].text, ()))
    if not after:
        return None
    chosen = after[0]
    if title_at(tokens, k) is not None:
        # "أعلن المتحدث باسم وزارة الصحة في غزة أشرف القدرة ارتفاع": the title's person speaks
        person = next((x for x in after if sentence.actors[x[2]].type is ActorType.PERSON), None)
        if person is not None and _only_role_before(sentence, k, person[0]):
            chosen = person
    if title_at(tokens, k) is None and chosen[0] >= tokens[min(k + 1, sentence.last - 1)].end:
        # "قرر الشاب السفر إلى ألمانيا": the subject is the phrase right after the verb; an
        # actor further on is inside the object (after a verbal noun), never its speaker
        return None
    for following in after[1:]:
        if following[2] == chosen[2] or sentence.actors[following[2]].type is not ActorType.PERSON:
            break
        between = [t for t in tokens[k : sentence.last] if chosen[1] <= t.start < following[0]]
        if sentence.actors[chosen[2]].type is not ActorType.PERSON and len(between) <= 2:
            # "رئيس مكتب الأمن الوطني اللواء علي مملوك": the body is the title's, the person speaks
            chosen = following
        elif _title_ends_at(tokens, between):
            # "المتحدث باسم قوات X اللواء Y": a title after a person introduces the speaker
            chosen = following
        else:
            break
    a = next((t.i + 1 for t in tokens[k : sentence.last] if t.end >= chosen[1]), sentence.last)
    a = _past_place(sentence, a)
    a = _past_aside_time(sentence, a)
    b = _object_end(sentence, a, _content_end(sentence, a))
    if a >= b:
        return None
    return _said_between(tokens, a, b, c, _who(sentence, k, a))


def _object_end(sentence: _Sentence, a: int, b: int) -> int:
    """Where an announced object ends: at a comma outside «» before a word in و that has no
    article, a coordinated verb ("أعلنت المفوضية النتائج الأولية ...، وأظهرت تصدّر ...": the
    results showed, the commission did not say it); "...، والمناطق" goes on."""
    tokens = sentence.tokens
    depth = 0
    for j in range(a + 1, b - 1):
        depth += tokens[j].text == "«"
        depth -= tokens[j].text == "»"
        after = tokens[j + 1]
        if (
            depth <= 0
            and tokens[j].text in _COMMA
            and after.text.startswith("و")
            and not after.text.startswith("وال")
            and len(after.text) > 3
            and cue_of(after) is None
        ):
            return j
    return b


_WHERE = frozenset(normal(w) for w in ("في", "لدى"))


def _past_place(sentence: _Sentence, a: int) -> int:
    """Past the place a speaking body is in: "أعلنت المؤسسة الوطنية للنفط في ليبيا، ..." (the
    announcement starts after "في ليبيا")."""
    tokens = sentence.tokens
    if a + 1 >= sentence.last or tokens[a].norm not in _WHERE:
        return a
    start = tokens[a + 1].start
    place = next(
        (
            e
            for s, e, i in sentence.spans
            if start <= s < tokens[a + 1].end
            and sentence.actors[i].type in (ActorType.PLACE, ActorType.COUNTRY)
        ),
        None,
    )
    if place is None:
        return a
    n = a + 1
    while n < sentence.last and tokens[n].start < place:
        n += 1
    return n


def _past_aside_time(sentence: _Sentence, a: int) -> int:
    """The first content token after the speaker's name, past a time set off by commas:
    "أعلن الوزير X، أمس، خطة ..." (the plan is what was announced, not "، أمس،")."""
    tokens = sentence.tokens
    n = a
    if _in_a_statement(tokens, n, sentence.last):
        n = _past_statement(sentence, n)
    while n < sentence.last and tokens[n].text in _COMMA:
        n += 1
    if n < sentence.last and tokens[n].start in sentence.times:
        while n < sentence.last and tokens[n].text not in _COMMA:
            n += 1
        while n < sentence.last and tokens[n].text in _COMMA:
            n += 1
        return n
    if n > a and n < sentence.last and _is_aside(tokens[n]):
        # "أعلن X، في بيان متلفز بثته قناة «المسيرة»، مسؤولية الجماعة": where it was said,
        # set off by commas, is no part of what was announced (its outlet is the channel)
        depth = 0
        for j in range(n, min(sentence.last, n + _ASIDE_REACH)):
            text = tokens[j].text
            depth += text == "«"
            depth -= text == "»" and depth > 0
            if not depth and text in _COMMA:
                while j < sentence.last and tokens[j].text in _COMMA:
                    j += 1
                return j
    return n if n > a else a


# an aside set off by commas runs this many tokens at most
_ASIDE_REACH = 25
# the outlet that carried a statement is named within this many tokens after it
_CARRIER_REACH = 4


def _past_statement(sentence: _Sentence, n: int) -> int:
    """Past "في بيان [له] [بثه تلفزيون الكويت] [أمس]" with no commas: the statement, the
    outlet that carried it (a verb of carrying, an outlet noun and a quotation mark may
    stand before its name) and its day."""
    tokens, last = sentence.tokens, sentence.last
    j = n + 2
    if j < last and tokens[j].norm in _own():
        j += 1
    reach = min(j + _CARRIER_REACH, last)
    if j < reach:
        outlets = [e for s, e, i in sentence.index.starting(tokens[j].start, tokens[reach - 1].end)
                   if sentence.actors[i].type is ActorType.MEDIA]  # fmt: skip
        if outlets:
            j = next((t.i + 1 for t in tokens[j:last] if t.end >= outlets[0]), last)
            if j < last and tokens[j].text == "»":
                j += 1
    if j < last and tokens[j].start in sentence.times:
        j += 1
    return j


def _trailing_source(
    sentence: _Sentence, a: int, b: int
) -> tuple[int, tuple[str | None, str | None, tuple[str, ...]]] | None:
    """ "ذكرت صحيفة X أن ...، وفقاً لمصادر في الشركة": a phrase of attribution closing the
    content names where the outlet had it from. (Where the content ends, and the phrase's
    speaker, speaker words and channels), or None."""
    tokens = sentence.tokens
    depth = 0
    for j in range(a + 1, b):
        token = tokens[j]
        if token.text == "«":
            depth += 1
        elif token.text == "»":
            depth = max(0, depth - 1)
        found = cue_of(token) if depth == 0 and tokens[j - 1].text in _COMMA else None
        if found is None or found[1] != "according":
            continue
        k = j + 1
        if k < b and tokens[k].norm == _FROM:  # نقلا عن
            k += 1
        m = k
        while m < b and tokens[m].text not in _COMMA:
            m += 1
        source = _who(sentence, k, m)
        if source[0] is None and source[1] is None:
            return None
        end = j
        while end > a and tokens[end - 1].text in _COMMA:
            end -= 1
        return end, _without_preposition(sentence, k, source)
    return None


def _without_preposition(
    sentence: _Sentence, k: int, source: tuple[str | None, str | None, tuple[str, ...]]
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """ "وفقاً لمسؤولين": the speaker's words without the ل that وفقا takes."""
    speaker, words, channels = source
    first = sentence.tokens[k] if k < sentence.last else None
    if (
        words
        and first is not None
        and words.startswith(first.text)
        and first.text[:1] == "ل"
        and any(skipped == 1 for skipped, _ in first.readings())
    ):
        words = words[1:]
    return speaker, words, channels


def _relayed(
    sentence: _Sentence,
    source: tuple[str | None, str | None, tuple[str, ...]],
    speaker: str | None,
    speaker_text: str | None,
    channels: tuple[str, ...],
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The claim of an outlet that names its source after the content: the source speaks,
    the outlet (and an outlet the source is) carried it; a person's claim keeps its
    speaker, and an outlet named after it is a channel."""
    by_id = sentence.actors
    actor = by_id.get(speaker) if speaker is not None else None
    source_speaker, source_words, source_channels = source
    if actor is not None and actor.type is not ActorType.MEDIA:
        relays = [c for c in (*source_channels, source_speaker) if c is not None]
        relays = [c for c in relays if by_id[c].type is ActorType.MEDIA]
        return speaker, speaker_text, tuple(dict.fromkeys((*channels, *relays)))
    outlets = (*channels, *((speaker,) if actor is not None else ()))
    source_actor = by_id.get(source_speaker) if source_speaker is not None else None
    if source_actor is not None and source_actor.type is ActorType.MEDIA:
        outlets = (*outlets, source_speaker)
    return (
        source_speaker,
        source_words,
        tuple(dict.fromkeys((*outlets, *source_channels))),
    )


_MARKER_REACH = 80


def _content_marker(sentence: _Sentence, k: int) -> int:
    """Where the content starts after a cue: إن/أن or a colon outside «»; else the first
    quotation mark; else the sentence's end. A marker after a quotation wins over it
    ('قال ... في مؤتمر "الحوار الوطني"، إن ...': the quotation names a thing), and an
    outlet's name in quotation marks (لـ«الأخبار») is part of the source."""
    tokens = sentence.tokens
    first_quote: int | None = None
    depth = 0
    m = k
    # a source's words run a few dozen tokens at most: looked for no further, so a hostile
    # sentence of cues with no أن stays linear (each cue once scanned to its end)
    reach = min(sentence.last, k + _MARKER_REACH)
    while m < reach:
        token = tokens[m]
        if token.text in OPEN_QUOTES and (close := _quoted_name(sentence, m)) is not None:
            m = close + 1
            continue
        if token.text == "«" or (token.text in OPEN_QUOTES and token.text != "»"):
            if first_quote is None:
                first_quote = m
            depth += token.text == "«"
        elif token.text == "»":
            depth = max(0, depth - 1)
        elif depth == 0 and (token.norm in _THAT or token.text == ":"):
            # "قال X "إن ..."": a plain quotation mark right before the marker opens it
            return first_quote if first_quote == m - 1 else m
        m += 1
    return first_quote if first_quote is not None else sentence.last


def _no_source_words(sentence: _Sentence, a: int, b: int) -> bool:
    """Nothing but "قوله" (or an aside: "في مؤتمر صحافي") between the cue and the content:
    the subject is the last one's."""
    tokens = sentence.tokens
    a = _addressee(sentence, a, b)[0]  # "وقال لصحيفة «الصباح» إن": told an outlet, no source
    return all(t.norm in _SAYING for t in tokens[a : _own_end(tokens, a, b)])


def _opening_subject(
    sentence: _Sentence,
) -> tuple[str | None, str | None, tuple[str, ...]] | None:
    """The subject of a sentence's first clause, read as a source: in its first stretch
    between commas that names a person, a body or an unnamed source (its opening verb
    skipped), not a place ("وفي نيويورك، رحب المبعوث ..."). None when there is none."""
    tokens = sentence.tokens
    a = sentence.opening
    while a < sentence.first:
        b = a
        while b < sentence.first and tokens[b].text not in _COMMA:
            b += 1
        start = a + 1 if a == sentence.opening else a
        # "تحدث مصدر ... عن وصول تعزيزات": what it spoke about is no source
        end = next(
            (t.i for t in tokens[start:b] if t.norm == _FROM and not _in_title(tokens, t.i)), b
        )
        if start < end:
            who = _who_in(sentence, start, end)
            actor = sentence.actors.get(who[0]) if who[0] is not None else None
            if actor is not None and actor.type is not ActorType.PLACE:
                return who
            if actor is None and _starts_unnamed(tokens[start:end]):
                return who
        a = b + 1
    return None


def _sentence_subject(earlier: list[Actor]) -> Actor:
    """Who a sentence is about when a later clause has no subject: its first person ("وفي
    نيويورك، رحب المبعوث ... غريفيث بالمبادرة السعودية، وقال"), else its first actor that is
    no place."""
    people = [x for x in earlier if x.type is ActorType.PERSON]
    if people:
        return people[0]
    return next((x for x in earlier if x.type is not ActorType.PLACE), earlier[-1])


def _quoted_name(sentence: _Sentence, o: int) -> int | None:
    """The closing mark of a short quotation that is a name («الأخبار»), else None."""
    tokens = sentence.tokens
    for q in range(o + 1, min(o + 5, sentence.last)):
        if tokens[q].text in CLOSE_QUOTES:
            inside = sentence.actors_in(o + 1, q)
            span = (tokens[o + 1].start, tokens[q - 1].end) if q > o + 1 else None
            whole = span is not None and span in sentence.index.pairs
            return q if inside and whole else None
    return None


def _names_a_source(sentence: _Sentence, a: int, b: int) -> bool:
    """Whether the words after a cue name its source: an actor, or an unnamed source (after
    عن: "نقلت عن مصدر"); an aside names none."""
    a = _addressee(sentence, a, b)[0]
    b = _own_end(sentence.tokens, a, b)
    words = [t for t in sentence.tokens[a:b] if t.norm not in _SAYING]
    if words and words[0].norm == _FROM:
        words = words[1:]
    if not words:
        return False
    return bool(sentence.actors_in(a, b)) or _starts_unnamed(words)


def _is_outlet_noun(token: Token) -> bool:
    nouns = source_nouns()
    return any(nouns.get(without_article(w)) == "outlet" for _, w in token.readings())


@lru_cache(maxsize=1)
def _quantifiers() -> frozenset[str]:
    return frozenset(normal(w) for w in lexicon.words("ar_source_quantifiers.txt"))


def _starts_unnamed(words: list[Token]) -> bool:
    """Whether words begin with an unnamed source, after a number or quantifier ("ثلاثة
    مسؤولين أمنيين", "أحد المسؤولين", "عدد من الدبلوماسيين")."""
    n = 0
    while n < len(words) and (words[n].norm in _quantifiers() or words[n].text.isdigit()):
        n += 1
    if 0 < n < len(words) and without_article(words[n].norm) != words[n].norm:
        return True  # "أحد المحتجين", "أحد الناجين": one of the people the noun names
    return n < len(words) and _is_source_noun(words[n])


def _is_source_noun(token: Token) -> bool:
    nouns = source_nouns()
    return any(nouns.get(without_article(w)) in ("person", "people") for _, w in token.readings())


def _subject_before(sentence: _Sentence, c: int) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The speaker named before the cue, when the sentence opens with it (after كان/قد)."""
    tokens = sentence.tokens
    a = _past_dateline(tokens, sentence.first, c)
    for opener in _openers():  # "غير أن وزير المياه ... نفى": the subject after the opener
        if tuple(t.norm for t in tokens[a : a + len(opener)]) == opener:
            a += len(opener)
            while a < c and tokens[a].text in _COMMA:
                a += 1
            break
    while a < c and (cue_of(tokens[a]) is None and tokens[a].norm in _AUXILIARIES):
        a += 1
    b = c
    while b > a and tokens[b - 1].norm in _AUXILIARIES:
        b -= 1
    if a >= b or not (_starts_unnamed(tokens[a:b]) or sentence.actors_in(a, b)):
        return None, None, ()
    return _who(sentence, a, b)


# the dashes after a dateline ("تونس 5 جوان (وات) - أكد الوالي")
_DATELINE_DASHES = frozenset("-–—")
_DATELINE_REACH = 12


def _past_dateline(tokens: list[Token], a: int, c: int) -> int:
    """Where the subject can start in the text's first sentence: after its dateline's dash.
    The place, date and agency of "عمّان (بترا) - أكد المحافظ" are no speaker: the governor
    with no name speaks, never the dateline's city or country."""
    if a != 0:
        return a
    dash = next((t.i for t in tokens[a : min(c, a + _DATELINE_REACH)] if t.text in
                 _DATELINE_DASHES), None)  # fmt: skip
    return a if dash is None else dash + 1


def _quote_before(sentence: _Sentence, c: int, kind: str) -> _Said | None:
    """«...»، قال X: a quotation first, its speaker after the cue."""
    tokens = sentence.tokens
    q = c - 1
    while q >= sentence.first and tokens[q].text in _COMMA:
        q -= 1
    if q < sentence.first or tokens[q].text not in CLOSE_QUOTES:
        return None
    o = q - 1
    while o >= sentence.first and tokens[o].text not in OPEN_QUOTES:
        o -= 1
    if o < sentence.first or o + 1 >= q:
        return None
    speaker, speaker_text, channels = _who(sentence, c + 1, _content_end(sentence, c + 1))
    return _Said(
        tokens[o + 1].start,
        tokens[q - 1].end,
        ClaimKind.DIRECT,
        _cue_text(tokens[c]),
        speaker,
        speaker_text,
        channels,
    )


def _said_according(sentence: _Sentence, c: int) -> _Said | None:
    """ "بحسب سانا" / "وفقا لوكالة سانا" / "نقلا عن": the source follows the cue up to a comma
    or the end; the content is the rest of the sentence."""
    tokens = sentence.tokens
    k = c + 1
    if k < sentence.last and tokens[k].norm == _FROM:  # نقلا عن
        k += 1
    m = k
    while m < sentence.last and tokens[m].text not in _COMMA and tokens[m].text not in ".!?؟":
        m += 1
    speaker, speaker_text, channels = _who(sentence, k, m)
    if speaker is None and speaker_text is None:
        return None
    if speaker is not None and not channels:
        actor = sentence.actors.get(speaker)
        if actor is not None and actor.type is ActorType.MEDIA:
            channels = (speaker,)
    if c > sentence.first + 1:  # the content before: "..., بحسب سانا"
        a, b = sentence.first, c
        while b > a and tokens[b - 1].text in _COMMA:
            b -= 1
    else:  # "بحسب سانا، فإن ...": the content after
        a = m + 1 if m < sentence.last and tokens[m].text in _COMMA else m
        if a < sentence.last and tokens[a].norm in _THAT:
            a += 1
        b = _content_end(sentence, a)
    if a >= b:
        return None
    return _said_between(tokens, a, b, c, (speaker, speaker_text, channels))


@lru_cache(maxsize=1)
def _interview_nouns() -> frozenset[str]:
    return frozenset(normal(w) for w in lexicon.words("ar_interview_nouns.txt"))


def _setting(sentence: _Sentence, c: int, item: _Said) -> str | None:
    """Where a claim was said, from the words between its cue and its content: "interview"
    ("في مقابلة مع قناة «المملكة»", "في حديث لصحيفة «النهار»", "خلال لقاء على شاشة
    «الشرق»"), "other" (another setting: "في بيان", "في ندوة صحافية"), or None."""
    tokens = sentence.tokens
    words = [t for t in tokens[c + 1 : sentence.last] if t.end <= item.start]
    for n, token in enumerate(words[:-1]):
        if not _is_aside(token):
            continue
        following = words[n + 1]
        if any(without_article(w) in _interview_nouns() for _, w in following.readings()):
            return "interview"
        if not following.is_punct:
            return "other"
    return None


def _in_interview(
    sentence: _Sentence, c: int, item: _Said, interviews: dict[str, tuple[str, ...]]
) -> _Said:
    """An interview's outlet is the channel of everything its guest says after it ("قال
    الوزير X، في مقابلة مع قناة «المملكة»، إن ..."; "وأوضح X أن", "وشدد الوزير على أن", "ورداً
    على سؤال ... قال X إن"), until the guest speaks somewhere else ("في بيان") or through
    another outlet. `interviews`: each guest's outlets so far, updated."""
    if item.speaker is None:
        return item
    setting = _setting(sentence, c, item)
    if setting == "interview" and item.channels:
        interviews[item.speaker] = item.channels
    elif setting == "other" or (item.channels and item.channels != interviews.get(item.speaker)):
        interviews.pop(item.speaker, None)
    elif not item.channels and item.speaker in interviews:
        return replace(item, channels=interviews[item.speaker])
    return item


# a title in construct that names a person again ("ولي العهد", "رئيس الوزراء"): at most
# this many words, the last one definite
_TITLE_WORDS = 3


def _person_titled_before(sentence: _Sentence, words: list[Token]) -> Actor | None:
    """The person a lone title with the article names again ("قال الوزير", "وشدد النائب على
    أن"), or a title in construct ("وقال ولي العهد إن"): the last person named before whose
    role begins with that title."""
    if not words or len(words) > _TITLE_WORDS or any(t.is_punct for t in words):
        return None
    if not words[-1].norm.startswith("ال") or len(words[-1].norm) < 5:
        return None
    if len(words) == 1:
        wanted = without_article(words[0].norm)
        forms = {wanted, wanted[:-1]} if wanted.endswith("ه") else {wanted}  # الوزيرة: a وزير
        wanted_rest: list[str] = []
    else:  # "ولي العهد": the construct's head, then its definite words as they stand
        forms = {words[0].norm}
        wanted_rest = [t.norm for t in words[1:]]
    before = sorted(
        ((s, i) for s, e, i in sentence.spans
         if e <= words[0].start and sentence.actors[i].type is ActorType.PERSON),
        reverse=True,
    )  # fmt: skip
    for _, i in before:
        for role in sentence.actors[i].roles:
            role_words = [normal(w) for w in role.split()]
            if (
                len(role_words) > len(wanted_rest)
                and without_article(role_words[0]) in forms
                and role_words[1 : 1 + len(wanted_rest)] == wanted_rest
            ):
                return sentence.actors[i]
    return None


def _cue_text(token: Token) -> str:
    skipped = next((n for n, w in token.readings()[:2] if w in cues()), 0)
    return token.text[skipped:]


def extract_claims(
    tokens: list[Token],
    sentence_ranges: list[tuple[int, int]],
    text: str,
    actors: list[Actor],
    spans: list[tuple[int, int, str]],
    times: tuple[int, ...] = (),
) -> list[Claim]:
    """The claims of an article; `times`: where its date expressions start (they end a
    speaker's words)."""
    by_id = {a.id: a for a in actors}
    index = _SpanIndex(spans)
    said: list[_Said] = []
    previous: _Said | None = None
    interviews: dict[str, tuple[str, ...]] = {}  # speaker -> the outlet they are talking to
    for opening, first, last in (
        (s, *c) for s, e in sentence_ranges for c in clauses(tokens, s, e)
    ):
        sentence = _Sentence(tokens, first, last, text, spans, by_id, times, opening, index)
        depth = 0
        for c in range(first, last):
            token = tokens[c]
            if token.text == "«":
                depth += 1
            elif token.text == "»":
                depth = max(0, depth - 1)
            found = cue_of(token) if depth == 0 else None
            if found is None:
                continue
            _, kind = found
            if kind == "aside":  # "مطالباً برفع الحصار": asks, asserts nothing
                continue
            if kind == "blame":  # "حمّلت أنقرة مسؤوليته لـ ...": its object was said
                if not blames(tokens, c, last):
                    continue  # "حمل المتظاهرون لافتات": carried
                kind = "object"
            if kind == "according":
                item = _said_according(sentence, c)
            elif kind == "describe":  # "وصف X القرار بأنه «...»": the description was said
                item = _said_object(sentence, c)
            else:
                item = _said_with_verb(sentence, c, kind, previous)
            if item is not None:
                item = _in_interview(sentence, c, item, interviews)
                said.append(item)
                previous = item
                break  # one claim per clause: the first cue governs it
    return [
        Claim(
            id=f"c{n}",
            text=text[s.start : s.end],
            start=s.start,
            end=s.end,
            kind=s.kind,
            cue=s.cue,
            speaker=s.speaker,
            speaker_text=s.speaker_text,
            channels=s.channels,
        )
        for n, s in enumerate(sorted(said, key=lambda s: s.start), start=1)
    ]
