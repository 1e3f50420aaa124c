"""The eval scorers on tiny hand-made gold/system pairs: no model, no corpus."""

from __future__ import annotations

import pytest

from eval.scoring import (
    Counts,
    Ratio,
    claim_overlap,
    date_right,
    match_one_to_one,
    mention_similarity,
    score_alias_pairs,
    score_claims,
    score_dates,
    score_mentions,
)
from workbench.model import Actor, Article, Claim, Event, Extraction, Mention

TEXT = (
    "SANA reported that Ali Mamlouk visited Cairo. "  # 0..45
    "General Khaled Fawzy met Mamlouk. "  # 46..79
    "A source told AFP that Mamluk had been there before. "  # 80..132
    "Saudi Arabia reacted, the Kingdom said on October 8."  # 133..
)


def span(text: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def gold_mention(text: str, nth: int = 1) -> dict:
    start, end = span(text, nth)
    return {"start": start, "end": end, "text": text}


def mention(text: str, nth: int = 1) -> Mention:
    start, end = span(text, nth)
    return Mention(start, end, text)


def gold_actor(name: str, kind: str, *forms: tuple[str, int]) -> dict:
    mentions = [gold_mention(text, nth) for text, nth in forms]
    return {
        "name": name,
        "type": kind,
        "aliases": sorted({m["text"] for m in mentions}),
        "mentions": mentions,
    }


def gold_claim(text: str, speaker: str | None, channels: list[str], kind="indirect") -> dict:
    start, end = span(text)
    return {
        "text": text,
        "start": start,
        "end": end,
        "kind": kind,
        "speaker": speaker,
        "speaker_text": speaker or "a source",
        "channels": channels,
    }


GOLD = {
    "id": "tiny",
    "text": TEXT,
    "published": "2016-10-17",
    "actors": [
        gold_actor("SANA", "media", ("SANA", 1)),
        gold_actor("Ali Mamlouk", "person", ("Ali Mamlouk", 1), ("Mamlouk", 2), ("Mamluk", 1)),
        gold_actor("Cairo", "place", ("Cairo", 1)),
        gold_actor("Khaled Fawzy", "person", ("Khaled Fawzy", 1)),
        gold_actor("AFP", "media", ("AFP", 1)),
        gold_actor("Saudi Arabia", "country", ("Saudi Arabia", 1), ("Kingdom", 1)),
    ],
    "optional_mentions": [gold_mention("October", 1)],
    "claims": [
        gold_claim("Ali Mamlouk visited Cairo", "SANA", ["SANA"]),
        gold_claim("Mamluk had been there before", None, ["AFP"]),
    ],
    "events": [
        {
            "date_text": "October 8",
            "start": span("October 8")[0],
            "end": span("October 8")[1],
            "date": "2016-10-08",
            "precision": "day",
            "date_end": None,
        }
    ],
}


def extraction(actors=(), claims=(), events=()) -> Extraction:
    return Extraction(
        article=Article(id="tiny", text=TEXT, published="2016-10-17"),
        actors=tuple(actors),
        claims=tuple(claims),
        events=tuple(events),
    )


def actor(actor_id: str, name: str, kind: str, *mentions: Mention, aliases=()) -> Actor:
    return Actor(id=actor_id, name=name, type=kind, aliases=tuple(aliases), mentions=mentions)


def claim(claim_id: str, text: str, speaker=None, channels=(), kind="indirect") -> Claim:
    start, end = span(text)
    return Claim(claim_id, text, start, end, kind, speaker=speaker, channels=tuple(channels))


# ---------------------------------------------------------------- arithmetic


def test_counts_give_precision_recall_f1():
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == pytest.approx(0.75)
    assert counts.recall == pytest.approx(0.6)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 0.0
    assert (counts + Counts(1, 0, 0)).tp == 4
    assert Ratio(1, 4).value == 0.25 and Ratio().value == 0.0


def test_claim_overlap_is_shared_share_of_the_longer_span():
    assert claim_overlap((0, 10), (5, 20)) == pytest.approx(5 / 15)
    assert claim_overlap((0, 10), (10, 20)) == 0.0
    assert claim_overlap((0, 10), (0, 10)) == 1.0


def test_matching_is_one_to_one_best_first():
    pairs = match_one_to_one([(0, 10)], [(0, 4), (0, 9)], lambda g, s: claim_overlap(g, s))
    assert pairs == [(0, 1)]


# ---------------------------------------------------------------- claims


def test_claims_found_speakers_and_channels():
    sana = actor("a1", "Syrian Arab News Agency", "media", mention("SANA"), aliases=["SANA"])
    afp = actor("a2", "Agence France-Presse", "media", mention("AFP"))
    system = extraction(
        actors=[sana, afp],
        claims=[
            # the content with a little extra still overlaps well
            claim("c1", "that Ali Mamlouk visited Cairo", speaker="a1", channels=["a1"]),
            # unnamed source kept unnamed, channel found by mention
            claim("c2", "Mamluk had been there before", speaker=None, channels=["a2"]),
            claim("c3", "the Kingdom said", speaker=None),  # not a gold claim
        ],
    )
    scores = score_claims(GOLD, system)
    assert scores.found == Counts(tp=2, fp=1, fn=0)
    assert scores.speaker == Ratio(2, 2)
    assert scores.channels == Ratio(2, 2)
    assert scores.kind == Ratio(2, 2)


def test_claim_speaker_wrong_when_unnamed_source_gets_a_name_and_overlap_too_small():
    mamlouk = actor("a1", "Ali Mamlouk", "person", mention("Mamluk"))
    system = extraction(
        actors=[mamlouk],
        claims=[
            claim("c1", "Mamluk had been there before", speaker="a1"),
            claim("c2", "Cairo", speaker=None),  # 5 of 25 characters: below 0.3
        ],
    )
    scores = score_claims(GOLD, system)
    assert scores.found == Counts(tp=1, fp=1, fn=1)
    assert scores.speaker == Ratio(0, 1)
    assert scores.channels == Ratio(0, 1)  # AFP missing
    assert any(p.startswith("missed claim") for p in scores.problems)


def test_the_strict_figure_needs_most_of_the_longer_span():
    system = extraction(
        claims=[
            # 25 of 30 characters: a match at 0.3 and at 0.8
            claim("c1", "that Ali Mamlouk visited Cairo"),
            # 28 of 49 characters: a match at 0.3 only
            claim("c2", "A source told AFP that Mamluk had been there before"),
        ],
    )
    scores = score_claims(GOLD, system)
    assert scores.found == Counts(tp=2, fp=0, fn=0)
    assert scores.strict == Counts(tp=1, fp=1, fn=1)


def test_a_claim_credited_to_another_actor_is_on_the_wrong_side():
    cairo = actor("a1", "Cairo", "place", mention("Cairo"))
    sana = actor("a2", "Syrian Arab News Agency", "media", mention("SANA"), aliases=["SANA"])
    afp = actor("a3", "Agence France-Presse", "media", mention("AFP"))
    wrong = extraction(
        actors=[cairo, afp],
        claims=[
            claim("c1", "Ali Mamlouk visited Cairo", speaker="a1"),  # SANA's, not Cairo's
            claim("c2", "Mamluk had been there before", speaker="a3"),  # "a source", not AFP
        ],
    )
    scores = score_claims(GOLD, wrong)
    assert scores.wrong_side == Ratio(2, 2)
    assert sum(p.startswith("wrong side") for p in scores.problems) == 2
    right = extraction(
        actors=[sana],
        claims=[
            claim("c1", "Ali Mamlouk visited Cairo", speaker="a2"),
            claim("c2", "Mamluk had been there before", speaker=None),  # unnamed: nobody
        ],
    )
    assert score_claims(GOLD, right).wrong_side == Ratio(0, 2)


def test_two_system_claims_on_one_gold_claim_count_one_hit_one_false_alarm():
    system = extraction(
        claims=[
            claim("c1", "Mamluk had been there before"),
            claim("c2", "Mamluk had been there"),
        ]
    )
    assert score_claims(GOLD, system).found == Counts(tp=1, fp=1, fn=1)


# ---------------------------------------------------------------- mentions and types


def test_mention_similarity_exact_and_tolerant():
    start, end = span("Khaled Fawzy")
    longer = span("General Khaled Fawzy")
    assert mention_similarity(TEXT, (start, end), longer, tolerant=False) == 0.0
    assert mention_similarity(TEXT, (start, end), longer, tolerant=True) > 0
    kingdom = span("Kingdom")
    assert mention_similarity(TEXT, kingdom, span("the Kingdom"), tolerant=True) > 0
    # overlapping but neither the same head nor half the characters
    assert mention_similarity(TEXT, span("Saudi Arabia"), span("Saudi"), tolerant=True) == 0.0


def test_mentions_f1_typing_and_optional_spans():
    system = extraction(
        actors=[
            actor("a1", "SANA", "person", mention("SANA")),  # typed wrong
            actor("a2", "Khaled Fawzy", "person", mention("General Khaled Fawzy")),
            actor("a3", "Cairo", "place", mention("Cairo")),
            actor("a4", "October", "organization", mention("October")),  # optional span
            actor("a5", "A source", "person", mention("A source")),  # spurious
        ]
    )
    scores = score_mentions(GOLD, system)
    gold_total = sum(len(a["mentions"]) for a in GOLD["actors"])
    assert scores.tolerant == Counts(tp=3, fp=1, fn=gold_total - 3)
    assert scores.exact == Counts(tp=2, fp=2, fn=gold_total - 2)
    assert scores.person_typing == Ratio(2, 3)  # SANA as a person is wrong
    assert scores.full_typing == Ratio(2, 3)


# ---------------------------------------------------------------- alias pairs


def test_alias_pairs_joined_and_wrongly_joined():
    system = extraction(
        actors=[
            actor("a1", "Ali Mamlouk", "person", mention("Ali Mamlouk"), mention("Mamlouk", 2)),
            # Mamluk left apart, and wrongly put with Saudi Arabia
            actor("a2", "Mamluk", "person", mention("Mamluk"), mention("Saudi Arabia")),
        ]
    )
    scores = score_alias_pairs(GOLD, system)
    # gold pairs: (ali mamlouk, mamlouk), (ali mamlouk, mamluk), (mamlouk, mamluk),
    # (saudi arabia, kingdom)
    assert scores.joined == Ratio(1, 4)
    assert scores.wrong_joins == 1
    assert scores.join_precision == pytest.approx(0.5)


def test_alias_pairs_over_names_only_leave_out_forms_that_are_no_names():
    import copy

    gold = copy.deepcopy(GOLD)
    # "Kingdom" written only as a form our guideline does not call a name
    gold["actors"][-1]["mentions"][1]["not_a_name"] = "title"
    system = extraction(
        actors=[
            actor("a1", "Ali Mamlouk", "person", mention("Ali Mamlouk"), mention("Mamlouk", 2)),
            actor("a2", "Saudi Arabia", "country", mention("Saudi Arabia")),
            actor("a3", "Kingdom", "country", mention("Kingdom")),
        ]
    )
    scores = score_alias_pairs(gold, system)
    assert scores.joined == Ratio(1, 4)
    assert scores.joined_names == Ratio(1, 3)  # (saudi arabia, kingdom) left out
    assert score_alias_pairs(GOLD, system).joined_names == Ratio(1, 4)


def test_a_gold_type_accepting_person_and_group_is_right_either_way():
    gold = {**GOLD, "actors": [{**GOLD["actors"][1], "accepts": ["person", "group"]}]}
    as_group = extraction(actors=[actor("a1", "Ali Mamlouk", "group", mention("Ali Mamlouk"))])
    as_body = extraction(
        actors=[actor("a1", "Ali Mamlouk", "organization", mention("Ali Mamlouk"))]
    )
    assert score_mentions(gold, as_group).person_typing == Ratio(1, 1)
    assert score_mentions(gold, as_body).person_typing == Ratio(0, 1)
    assert score_mentions(GOLD, as_group).person_typing == Ratio(0, 1)


# ---------------------------------------------------------------- dates


def event(value: str, precision: str, text: str = "October 8", end_value=None) -> Event:
    start, end = span(text)
    return Event("e1", value, precision, text, start, end, date_end=end_value)


@pytest.mark.parametrize(
    ("value", "precision", "end_value", "right"),
    [
        ("2016-10-08", "day", None, True),
        ("2026-10-08", "day", None, False),  # the year of "now", not of the article
        ("2016-10", "month", None, False),
        ("2016-10-08", "approximate", "2016-10-08", True),  # a one-day range is that day
        ("2016-10-01", "approximate", "2016-10-10", False),
    ],
)
def test_calendar_date_needs_value_and_precision(value, precision, end_value, right):
    scores = score_dates(GOLD, extraction(events=[event(value, precision, end_value=end_value)]))
    assert scores.calendar == Ratio(int(right), 1)
    assert scores.found == Counts(1, 0, 0)


def test_approximate_gold_needs_an_overlapping_range():
    gold = {"date": "2016-10-01", "precision": "approximate", "date_end": "2016-10-10"}
    assert date_right(gold, "2016-10-05", "approximate", "2016-10-15")
    assert not date_right(gold, "2016-10-11", "approximate", "2016-10-15")
    assert not date_right(gold, "2016-10-05", "day", None)
    year = {"date": "2014", "precision": "year", "date_end": None}
    assert date_right(year, "2014-01-01", "approximate", "2014-12-31")
    assert date_right(year, "2014", "year", None)


def test_missed_and_spurious_dates():
    spurious = event("2016-10-17", "day", text="Saudi Arabia")
    scores = score_dates(GOLD, extraction(events=[spurious]))
    assert scores.found == Counts(tp=0, fp=1, fn=1)
    assert scores.calendar == Ratio(0, 1)


def test_same_head_needs_only_modifiers_in_front():
    text = "the Islamic Revolutionary Guard Corps of Iran and General Khaled Fawzy"
    corps = (text.index("Islamic"), text.index(" and"))
    iran = (text.index("Iran"), text.index(" and"))
    fawzy = (text.index("Khaled"), len(text))
    general = (text.index("General"), len(text))
    assert mention_similarity(text, corps, iran, tolerant=True) == 0.0
    assert mention_similarity(text, fawzy, general, tolerant=True) > 0


# ---------------------------------------------------------------- GUM


GUM_TSV = """#FORMAT=WebAnno TSV 3.2
#T_SP=webanno.custom.Referent|entity|infstat|salience|identity|centering
#T_RL=webanno.custom.Coref|type|BT_webanno.custom.Referent


#Text=President Donald Trump met Trump 's staff on Friday .
1-1\t0-9\tPresident\tperson[1]\tnew[1]\t_\tDonald_Trump[1]\t_\tcoref\t1-5[2_1]\t
1-2\t10-16\tDonald\tperson[1]\tnew[1]\t_\tDonald_Trump[1]\t_\t_\t_\t
1-3\t17-22\tTrump\tperson[1]\tnew[1]\t_\tDonald_Trump[1]\t_\t_\t_\t
1-4\t23-26\tmet\t_\t_\t_\t_\t_\t_\t_\t
1-5\t27-32\tTrump\tperson[3]|person[2]\tnew[3]|giv[2]\t_\t_|Donald_Trump[2]\t_\t_\t_\t
1-6\t33-35\t's\tperson[3]|person[2]\tnew[3]|giv[2]\t_\t_|Donald_Trump[2]\t_\t_\t_\t
1-7\t36-41\tstaff\tperson[3]\tnew[3]\t_\t_\t_\t_\t_\t
1-8\t42-44\ton\t_\t_\t_\t_\t_\t_\t_\t
1-9\t45-51\tFriday\ttime[4]\tnew[4]\t_\t_\t_\t_\t_\t
1-10\t52-53\t.\t_\t_\t_\t_\t_\t_\t_\t
"""

GUM_XML = """<text id="GUM_news_tiny" dateCreated="2017-07-18" title="Tiny">
<s>
President\tNP
Donald\tNP
Trump\tNP
met\tVVD
Trump\tNP
's\tPOS
staff\tNN
on\tIN
<date when="2017-07-21">
Friday\tNP
</date>
.\tSENT
</s>
</text>
"""


def test_gum_document_gives_named_chains_and_dates(tmp_path):
    from eval.gum import load_document

    (tmp_path / "tiny.tsv").write_text(GUM_TSV, encoding="utf-8")
    (tmp_path / "tiny.xml").write_text(GUM_XML, encoding="utf-8")
    gold = load_document(tmp_path / "tiny.tsv", tmp_path / "tiny.xml")
    assert gold["text"].startswith("President Donald Trump met Trump 's staff on Friday")
    (trump,) = gold["actors"]  # "Trump 's staff" is not a name
    assert [m["text"] for m in trump["mentions"]] == ["President Donald Trump", "Trump"]
    assert trump["accepts"] == ["person"]
    (friday,) = gold["events"]
    assert (friday["date_text"], friday["date"], friday["precision"]) == (
        "Friday",
        "2017-07-21",
        "day",
    )
    assert gold["published"] == "2017-07-18"  # no dateline: dateCreated


def test_gum_people_accept_our_group_type(tmp_path):
    from eval.gum import load_document

    head = GUM_TSV.split("#Text=")[0]
    rows = [
        "#Text=Muslims met Trump .",
        "1-1\t0-7\tMuslims\tperson\tnew\t_\t_\t_\t_\t_\t",
        "1-2\t8-11\tmet\t_\t_\t_\t_\t_\t_\t_\t",
        "1-3\t12-17\tTrump\tperson\tnew\t_\t_\t_\t_\t_\t",
        "1-4\t18-19\t.\t_\t_\t_\t_\t_\t_\t_\t",
    ]
    xml = '<text id="GUM_news_people" dateCreated="2017-07-18" title="People">\n<s>\n'
    xml += "Muslims\tNPS\nmet\tVVD\nTrump\tNP\n.\tSENT\n</s>\n</text>\n"
    (tmp_path / "people.tsv").write_text(head + "\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "people.xml").write_text(xml, encoding="utf-8")
    gold = load_document(tmp_path / "people.tsv", tmp_path / "people.xml")
    accepts = {a["name"]: a["accepts"] for a in gold["actors"]}
    assert accepts == {"Muslims": ["person", "group"], "Trump": ["person"]}


def test_gum_people_titles_and_nested_names():
    from eval.gum import Entity, Token, _is_name, _nested, _title_alone

    def tokens(*pairs: tuple[str, str], at: int = 0) -> list[Token]:
        found = []
        for word, pos in pairs:
            found.append(Token("1-1", at, at + len(word), word, pos))
            at += len(word) + 1
        return found

    weekly = Entity("1", "organization", tokens(("LA", "NP"), ("Weekly", "NP")))
    la = Entity("2", "place", weekly.tokens[:1])
    alone = Entity("3", "place", tokens(("LA", "NP"), at=40))
    assert _is_name(weekly.tokens)
    assert _nested(la, [weekly]) and not _nested(alone, [weekly])
    # "Trump 's staff" is no name: the "Trump" in it is not nested in a name
    assert not _is_name(tokens(("Trump", "NP"), ("'s", "POS"), ("staff", "NN")))
    assert _title_alone("person", tokens(("The", "DT"), ("Home", "NP"), ("Secretary", "NP")))
    assert _title_alone("person", tokens(("Man", "NP")))
    assert not _title_alone("person", tokens(("President", "NP"), ("Trump", "NP")))
    assert not _title_alone("organization", tokens(("Secretary", "NP")))
