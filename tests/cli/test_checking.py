"""The checking loop from the command line (`workbench case claim|actor|event ...`,
`unlink`, `link-edit`, `undo`), through the real entry point, on the hand-built story."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.case.case_builders import (
    FIRST_TEXT,
    SECOND_TEXT,
    actor_named,
    first_extraction,
    second_extraction,
)
from workbench.cli import main
from workbench.workflow import Case

FIRST = "syrian-security-chief-visits-cairo"
SECOND = "sisi-receives-syrian-envoy"


@pytest.fixture
def story(tmp_path: Path) -> str:
    path = tmp_path / "story.case"
    with Case.open(path) as case:
        case.add_extraction(first_extraction())
        case.add_extraction(second_extraction())
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["case", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def offsets(text: str, words: str) -> list[str]:
    start = text.index(words)
    return [str(start), str(start + len(words))]


def claim_with(path: str, fragment: str) -> str:
    with Case.open(path) as case:
        (found,) = [c.id for c in case.claims(include_rejected=True) if fragment in c.text]
    return found


def test_add_a_missed_claim_with_a_chain_and_undo_it(story: str, capsys) -> None:
    with Case.open(story) as case:
        sana, afp = actor_named(case, "SANA").id, actor_named(case, "AFP").id
    words = "Ali Mamlouk made an official visit to Cairo"
    code, out, err = run(
        capsys,
        "claim",
        "add",
        story,
        FIRST,
        *offsets(FIRST_TEXT, words),
        "--speaker",
        sana,
        "--channel",
        sana,
        "--channel",
        f"{afp}:citing",
        "--kind",
        "indirect",
    )
    assert code == 0, err
    assert f"channels {sana}, {afp} (citing): '{words}'" in out
    claim = out.split()[0]
    with Case.open(story) as case:
        assert case.claim(claim).channel_kinds == ("reported_by", "citing")
    code, out, _ = run(capsys, "undo", story)
    assert code == 0 and out.startswith(f"undid add_claim {claim}")
    with Case.open(story) as case:
        assert claim not in [c.id for c in case.claims()]


def test_reject_hides_from_the_list_and_restore_brings_back(story: str, capsys) -> None:
    claim = claim_with(story, "Mamluk had met")
    code, out, _ = run(capsys, "claim", "reject", story, claim)
    assert code == 0 and f"{claim} v2: rejected" in out
    _, listed, _ = run(capsys, "list", story)
    assert claim not in listed
    _, listed, _ = run(capsys, "list", story, "--rejected")
    assert claim in listed
    code, out, _ = run(capsys, "show", story, claim)  # a rejected claim is still shown
    assert code == 0 and '"review": "rejected"' in out
    code, out, _ = run(capsys, "claim", "restore", story, claim)
    assert code == 0 and "extracted" in out


def test_a_stale_edit_is_refused_in_one_line(story: str, capsys) -> None:
    claim = claim_with(story, "Mamluk had met")
    run(capsys, "claim", "accept", story, claim, "--expected", "1")
    code, out, err = run(
        capsys, "claim", "edit", story, claim, "--kind", "direct", "--expected", "1"
    )
    assert code == 2 and not out
    assert err.count("\n") == 1 and err.startswith("workbench: The claim ")
    assert "changed since you saw it (status now not checked, accepted)" in err
    assert f"(claim {claim}, version 2, you saw 1)" in err


def test_edit_a_span_speaker_and_chain(story: str, capsys) -> None:
    claim = claim_with(story, "Mamluk had met")
    start, end = offsets(FIRST_TEXT, "Mamluk had met Egyptian officials")
    code, out, err = run(
        capsys, "claim", "edit", story, claim, "--start", start, "--end", end, "--no-channels"
    )
    assert code == 0, err
    assert "channels none: 'Mamluk had met Egyptian officials'" in out
    code, out, _ = run(
        capsys, "claim", "edit", story, claim, "--speaker-name", "Syrian official", "--unnamed"
    )
    assert code == 2


def test_split_and_merge(story: str, capsys) -> None:
    claim = claim_with(story, "Mamluk had met")
    at = str(FIRST_TEXT.index("Egyptian officials"))
    code, out, _ = run(capsys, "claim", "split", story, claim, at)
    assert code == 0 and "'Mamluk had met'" in out and "'Egyptian officials before'" in out
    second = out.splitlines()[1].split()[0]
    code, out, _ = run(capsys, "claim", "merge", story, claim, second)
    assert code == 0 and "'Mamluk had met Egyptian officials before'" in out


def test_actors_added_mentioned_and_unmentioned(story: str, capsys) -> None:
    start, end = offsets(FIRST_TEXT, "Egyptian officials")
    code, out, err = run(
        capsys, "actor", "add", story, "Egyptian officials", "group", "--mention",
        f"{FIRST}:{start}:{end}",
    )  # fmt: skip
    assert code == 0, err
    assert "Egyptian officials (group, confirmed), 1 mentions" in out
    actor = out.split()[0]
    with Case.open(story) as case:
        syria = actor_named(case, "Syria").id
    code, out, _ = run(
        capsys, "actor", "mention", story, syria, SECOND, *offsets(SECOND_TEXT, "Syrian")
    )
    assert code == 0 and "'Syrian' of " in out
    mention = out.split(":")[0]
    code, out, _ = run(capsys, "actor", "unmention", story, mention)
    assert (code, out.strip()) == (0, f"removed mention {mention}")
    code, out, _ = run(capsys, "actor", "edit", story, actor, "--type", "organization")
    assert code == 0 and "(organization, confirmed)" in out
    code, _, err = run(capsys, "actor", "add", story, "Egyptian officials", "group")
    assert code == 2 and "already actor" in err
    with pytest.raises(SystemExit) as usage:  # argparse's own usage error
        run(capsys, "actor", "add", story, "X", "group", "--mention", "nonsense")
    assert usage.value.code == 2 and "ARTICLE_ID:START:END" in capsys.readouterr().err


def test_events_added_fixed_and_rejected(story: str, capsys) -> None:
    claim = claim_with(story, "Mamluk had met")
    code, out, err = run(
        capsys, "event", "add", story, FIRST, *offsets(FIRST_TEXT, "16 October 2016"),
        "16 October 2016", "--claim", claim,
    )  # fmt: skip
    assert code == 0, err
    assert f"2016-10-16 (day), confirmed, claim {claim}" in out
    event = out.split()[0]
    code, out, _ = run(capsys, "event", "edit", story, event, "--date", "2016-10", "--claim", "")
    assert code == 0 and "2016-10 (month), confirmed, claim none" in out
    code, out, _ = run(capsys, "event", "reject", story, event)
    assert code == 0 and "rejected" in out
    code, _, err = run(capsys, "event", "add", story, FIRST, "0", "5", "31 February 2016")
    assert code == 2 and err.startswith("workbench: ")


def test_links_edited_and_removed(story: str, capsys) -> None:
    claim = claim_with(story, "Mamluk had met")
    with Case.open(story) as case:
        link = case.link_source(claim, "https://example.org/report").id
    code, out, _ = run(
        capsys, "link-edit", story, link, "--relation", "contradicts", "--note", "says no"
    )
    assert code == 0 and f"{link} v2: {claim} contradicts https://example.org/report" in out
    code, out, _ = run(capsys, "unlink", story, link, "--expected", "1")
    assert code == 2
    code, out, _ = run(capsys, "unlink", story, link, "--expected", "2")
    assert (code, out.strip()) == (0, f"removed link {link}")
    code, out, _ = run(capsys, "undo", story)
    assert code == 0 and "undid unlink_source" in out


def test_undo_touches_only_command_line_work(story: str, capsys) -> None:
    code, _, err = run(capsys, "undo", story)
    assert code == 2 and "nothing to undo" in err
