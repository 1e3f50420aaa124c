"""The date finder's first-word lookahead and lower-case search find exactly what its
patterns alone find: one sentence per pattern, and the Wikinews corpus the project carries."""

from __future__ import annotations

import csv
import re

import pytest

from workbench.extract import dates
from workbench.extract.dates import find_date_expressions

# the patterns as they were searched before the lookahead: case ignored, every word tried
_PLAIN = re.compile(r"\b(?:" + "|".join(dates._FIND_PATTERNS) + r")\b", re.IGNORECASE)

# one sentence (or more) for each of `_FIND_PATTERNS`, in their order
SENTENCES = [
    "It opened on Monday, March 4, 2019 in Rome.",
    "It opened on Tuesday 5th of March 2019 and the 6 March 2019.",
    "The talks ran March 4-6, 2019 and March 4 to 6, 2019.",
    "The file is dated 2019-03-04.",
    "It began in early March 2019, by the end of May of 2020.",
    "It began in mid-2019, and at the beginning of the 1990s.",
    "Prices rose in the late 1980s, the '90s and the nineties.",
    "The custom dates from the 19th century, or from fifth century Rome.",
    "A drought in summer of 2018 and in Spring 2019.",
    "The plan for 2019-20 was adopted.",
    "The vote is on March the 5th, and late May 12.",
    "The vote is on the 5th of March.",
    "It happened on Sunday, July 2.",
    "It happened on Sunday July 2, and from July 3 to 5, and July 6-8.",
    "The vote is at the start of March.",
    "The camp is open Monday through Friday.",
    "They met this past Friday evening and last Monday.",
    "They met the day before yesterday, tonight, today and last night.",
    "Prices rose early this week and over the coming year, and the previous decade.",
    "It happened over the weekend, or this weekend.",
    "It happened last spring.",
    "He left a year-and-a-half ago, or two and a half years ago.",
    "He left a few days ago, two weeks back and 3 years ago. [Ten] years ago, he said.",
    "It will close later this month and earlier in the year.",
    "It happened that same day, later that night.",
    "Exports rose in the first half of this year and the third quarter of 2019.",
    "It happened in March of this year and May last year.",
    "It happened late last July.",
    "Over the past two weeks and for the next few months it fell.",
    "It fell in recent weeks.",
    "Shortly after the vote and two days after the attack it fell.",
    "Two days later it rose; three weeks earlier it fell.",
    "It reopens in two days, or in three weeks' time.",
    "It fell two days after Israel struck, four months in advance of the vote.",
    "A week into the offensive, it fell.",
    "On day five of the Cup, the fourth or fifth day of the fair, the opening night, it rose.",
    "On the eve of the vote it rose.",
    "The next day and the following week it rose.",
    "The day before it rose. The night before it fell.",
    "By year-end, or the end of the year, it rose.",
    # not dates, or written in capitals or with letters lower case would lengthen
    "The MARCH 4, 2019 ruling in İzmir, on 5 May 2020, may stand.",
]


def _plain(text: str) -> list[tuple[int, int]]:
    """What the finder gave before the lookahead: the same sentences and cued words."""
    found: set[tuple[int, int]] = set()
    for start, end in dates._sentences(text):
        if not dates._TRIGGER_ANY_CASE.search(text, start, end):
            continue
        found.update(
            (m.start(), m.end())
            for m in _PLAIN.finditer(text, start, end)
            if dates._months_capitalised(m.group())
        )
        for m in dates._CUED.finditer(text, start, end):
            if dates.cued(text, m):
                found.add((m.start("x"), m.end("x")))
    return sorted(dates._bracketed(text, found))


@pytest.mark.parametrize("text", SENTENCES)
def test_each_pattern_is_found_as_before(text):
    found = [(e.start, e.end) for e in find_date_expressions(text)]
    assert found == _plain(text)
    assert found, "every sentence here holds a date"


def test_the_corpus_gives_the_same_finds(corpora_dir):
    texts = []
    for path in sorted((corpora_dir / "wikinews").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            texts += [row["text"] for row in csv.DictReader(handle)]
    assert len(texts) > 200
    for text in texts:
        assert [(e.start, e.end) for e in find_date_expressions(text)] == _plain(text)
