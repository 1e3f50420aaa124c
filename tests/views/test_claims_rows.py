"""The Claims panel's pure parts: plain words, the chain being edited, where a claim can be
cut, and the table rows made from a case (a hand-built one: no model needed)."""

from __future__ import annotations

import pytest

from workbench.analysis import CaseSnapshot
from workbench.case import CaseFile
from workbench.model import (
    Actor,
    ActorType,
    Article,
    Claim,
    ClaimKind,
    ClaimStatus,
    Extraction,
    Mention,
)
from workbench.views.claims_rows import (
    CITING,
    REPORTED_BY,
    STATUS_WORDS,
    Chain,
    chain_text,
    claim_entries,
    split_points,
)

TEXT = (
    "Mamlouk visited Cairo. A Syrian source told AFP it was his first public visit, "
    "Middle East Eye reported. Saudi Arabia condemned its long-time ally."
)


def test_no_internal_name_reaches_a_person():
    assert set(STATUS_WORDS) == {s.value for s in ClaimStatus}
    assert "in_progress" not in STATUS_WORDS.values() and STATUS_WORDS["unverified"] == (
        "not checked"
    )


def test_chain_edits_give_new_chains():
    chain = Chain(("A1", "A2"), (REPORTED_BY, REPORTED_BY))
    assert chain.move(0, 1).steps() == [("A2", REPORTED_BY), ("A1", REPORTED_BY)]
    assert chain.remove(0).steps() == [("A2", REPORTED_BY)]
    assert chain.add("A3").actors == ("A1", "A2", "A3")
    assert chain.set_kind(1, CITING).kinds == (REPORTED_BY, CITING)
    assert chain.steps() == [("A1", REPORTED_BY), ("A2", REPORTED_BY)]  # unchanged
    with pytest.raises(ValueError, match="cannot move further"):
        chain.move(1, 1)
    with pytest.raises(ValueError, match="already"):
        chain.add("A1")
    with pytest.raises(ValueError, match="choose a step"):
        chain.remove(5)


def test_chain_text_reads_latest_outlet_first():
    assert (
        chain_text(["AFP", "Middle East Eye"], [REPORTED_BY, CITING], "a Syrian source")
        == "Middle East Eye (citing) ← AFP ← a Syrian source"
    )
    assert chain_text(["SANA"], [REPORTED_BY], "SANA") == "SANA"  # said on its own wire
    assert chain_text([], [], "Saudi Arabia") == "Saudi Arabia"


def test_split_points_are_article_offsets_before_each_word():
    start = TEXT.index("A Syrian")
    end = TEXT.index(", Middle")
    points = split_points(TEXT, start, end)
    assert points[0] == ("…A | Syrian…", start + 2)
    assert all(TEXT[at - 1] == " " for _, at in points)
    assert len(points) == len(TEXT[start:end].split()) - 1
    assert split_points(TEXT, 0, 7) == []  # one word: nowhere to cut


@pytest.fixture
def case(tmp_path):
    def mention(name):
        at = TEXT.index(name)
        return Mention(at, at + len(name), name)

    actors = (
        Actor("a1", "Ali Mamlouk", ActorType.PERSON, ("Mamlouk",), mentions=(mention("Mamlouk"),)),
        Actor("a2", "AFP", ActorType.MEDIA, ("AFP",), mentions=(mention("AFP"),)),
        Actor(
            "a3",
            "Middle East Eye",
            ActorType.MEDIA,
            ("Middle East Eye",),
            mentions=(mention("Middle East Eye"),),
        ),
        Actor(
            "a4",
            "Saudi Arabia",
            ActorType.COUNTRY,
            ("Saudi Arabia",),
            mentions=(mention("Saudi Arabia"),),
        ),
    )
    relayed = TEXT.index("it was his")
    ally = TEXT.index("its long-time ally")
    claims = (
        Claim(
            "c1",
            "it was his first public visit",
            relayed,
            relayed + len("it was his first public visit"),
            ClaimKind.INDIRECT,
            speaker_text="A Syrian source",
            channels=("a2", "a3"),
        ),
        Claim(
            "c2",
            "its long-time ally",
            ally,
            ally + len("its long-time ally"),
            ClaimKind.INDIRECT,
            speaker="a4",
        ),
    )
    article = Article("visit", TEXT, title="Mamlouk <b>visits</b>", published="2016-10-17")
    case = CaseFile.open(tmp_path / "rows.case")
    case.add_extraction(Extraction(article, actors=actors, claims=claims))
    yield case
    case.close()


def test_rows_in_plain_words_and_rejected_ones_only_when_asked(case):
    relayed = next(c for c in case.claims() if c.text.startswith("it was"))
    ally = next(c for c in case.claims() if c.text == "its long-time ally")
    case.set_claim_status(relayed.id, "in_progress")
    case.accept_claim(relayed.id)
    case.reject_claim(ally.id)
    entries = claim_entries(CaseSnapshot(case))
    assert [e.id for e in entries] == [relayed.id]
    row = entries[0].row()
    assert row.cells["status"] == "checking, accepted"
    assert row.cells["speaker"] == "A Syrian source"
    assert row.cells["outlets"] == "Middle East Eye ← AFP ← A Syrian source"
    assert row.cells["kind"] == "paraphrased"
    assert row.cells["article"] == "Mamlouk <b>visits</b>"  # text: the table escapes it
    assert row.cells["links"] == "0"
    assert "unnamed source only" in row.cells["flags"]
    assert set(row.facets["status"]) == {"checking", "accepted"}
    assert set(row.facets["outlets"]) == {"AFP", "Middle East Eye"}
    assert "_" not in "".join(row.cells.values())

    every = claim_entries(CaseSnapshot(case), include_rejected=True)
    rejected = next(e for e in every if e.id == ally.id)
    assert rejected.row().cells["status"] == "rejected" and rejected.row().muted
    assert rejected.row().facets["status"] == ("rejected",)


def test_rows_follow_the_date_range_as_the_core_does(case):
    assert claim_entries(CaseSnapshot(case), date_range=("2016-10-01", "2016-10-31"))
    assert claim_entries(CaseSnapshot(case), date_range=("2017-01-01", "2017-12-31")) == []
    ally = next(c for c in case.claims() if c.text == "its long-time ally")
    case.reject_claim(ally.id)
    kept = claim_entries(
        CaseSnapshot(case), include_rejected=True, date_range=("2016-10-17", "2016-10-17")
    )
    assert ally.id in {e.id for e in kept}
