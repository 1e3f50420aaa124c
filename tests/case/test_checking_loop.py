"""The checking loop in the store: every extracted item can be accepted, fixed, rejected
or added; each action is one transaction and one audit row, undone whole, kept by
re-extraction; an edit made against a version that changed since is refused.

The story is the two hand-built reports (no spaCy); offsets are found in their texts as
a selection in the Article panel would give them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from case_builders import FIRST_TEXT, SECOND_TEXT, actor_named, first_extraction

from workbench import Case
from workbench.case import StaleEditError
from workbench.errors import CaseError, NotFoundError
from workbench.model import ActorType, ReviewStatus

FIRST = "syrian-security-chief-visits-cairo"
SECOND = "sisi-receives-syrian-envoy"


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def claim_with(case: Case, fragment: str) -> str:
    (found,) = [c.id for c in case.claims(include_rejected=True) if fragment in c.text]
    return found


def state(case: Case) -> tuple:
    return (
        case.actors(),
        case.mentions(include_rejected=True),
        case.claims(include_rejected=True),
        case.events(),
        case.links(),
        case.notes(),
    )


def reextract(case: Case) -> None:
    """Re-extraction as the extractor would give it again: the first report, unchanged."""
    case.apply_reextraction([first_extraction()])


# --- claims ----------------------------------------------------------------------------------


def test_add_claim_takes_its_text_from_the_article_and_survives_reextraction(story):
    sana, afp = actor_named(story, "SANA").id, actor_named(story, "AFP").id
    start, end = span(FIRST_TEXT, "Ali Mamlouk made an official visit to Cairo")
    added = story.add_claim(
        FIRST, start - 1, end, speaker=sana, channels=[sana, (afp, "citing")], kind="indirect"
    )
    # the spaces around the selection are trimmed; the text is the article's
    assert (added.start, added.end, added.text) == (
        start,
        end,
        "Ali Mamlouk made an official visit to Cairo",
    )
    assert added.channels == (sana, afp) and added.channel_kinds == ("reported_by", "citing")
    assert added.review is ReviewStatus.CONFIRMED and "added" in added.edited
    assert story.history()[-1].action == "add_claim"
    reextract(story)
    assert story.claim(added.id) == added  # neither changed nor removed by extraction


def test_add_claim_is_undone_whole(story):
    before = state(story)
    story.add_claim(FIRST, *span(FIRST_TEXT, "Khaled Fawzy"), speaker_text="a source")
    assert state(story) != before
    assert story.undo().action == "add_claim"
    assert state(story) == before


def test_a_new_actor_as_speaker_and_an_unnamed_one_with_a_description(story):
    start, end = span(SECOND_TEXT, "Saudi Arabia condemned the visit")
    claim = story.add_claim(SECOND, start, end, speaker=("Saudi UN envoy", "person"))
    envoy = story.actor(claim.speaker)
    assert (envoy.name, envoy.type, envoy.status) == (
        "Saudi UN envoy",
        ActorType.PERSON,
        ReviewStatus.CONFIRMED,
    )
    unnamed = story.update_claim(claim.id, speaker="", speaker_text="Saudi diplomats")
    assert (unnamed.speaker, unnamed.speaker_text) == (None, "Saudi diplomats")
    # one action made the claim and its speaker: one undo takes both away
    story.undo()
    story.undo()
    assert not [a for a in story.actors() if a.name == "Saudi UN envoy"]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(-1, 5, "not inside"), (5, 5, "not inside"), (0, 10**6, "not inside"), ("0", 5, "offset")],
)
def test_a_span_outside_the_article_is_refused_in_one_line(story, start, end, message):
    with pytest.raises(CaseError, match=message) as error:
        story.add_claim(FIRST, start, end)
    assert "\n" not in str(error.value)


def test_reject_hides_a_claim_restore_brings_it_back_and_reextraction_keeps_it(story):
    claim = claim_with(story, "Mamluk had met")
    story.reject_claim(claim)
    assert claim not in [c.id for c in story.claims()]
    assert claim in [c.id for c in story.claims(include_rejected=True)]
    assert [c.id for c in story.claims(review="rejected")] == [claim]
    reextract(story)
    assert story.claim(claim).review is ReviewStatus.REJECTED  # never comes back
    story.restore_claim(claim)
    assert claim in [c.id for c in story.claims()]
    assert story.claim(claim).review is ReviewStatus.EXTRACTED
    with pytest.raises(CaseError, match="not rejected"):
        story.restore_claim(claim)


def test_accept_confirms_a_claim(story):
    claim = claim_with(story, "Mamluk had met")
    assert story.accept_claim(claim).review is ReviewStatus.CONFIRMED
    assert story.history()[-1].action == "accept_claim"


def test_a_new_span_moves_the_text_and_reextraction_keeps_both(story):
    claim = story.claim(claim_with(story, "Mamluk had met"))
    start, end = span(FIRST_TEXT, "Mamluk had met Egyptian officials")
    edited = story.update_claim(claim.id, start=start, end=end)
    assert edited.text == "Mamluk had met Egyptian officials"
    reextract(story)
    kept = story.claim(claim.id)
    assert (kept.start, kept.end, kept.text) == (start, end, "Mamluk had met Egyptian officials")
    with pytest.raises(CaseError, match="not both"):
        story.update_claim(claim.id, start=start, text="other words")


def test_the_chain_is_reordered_with_citing_steps_and_kept(story):
    claim = story.claim(claim_with(story, "Mamluk had met"))
    afp, mee = claim.channels
    changed = story.update_claim(claim.id, channels=[mee, {"actor": afp, "kind": "citing"}])
    assert changed.channels == (mee, afp) and changed.channel_kinds == ("reported_by", "citing")
    reextract(story)
    assert story.claim(claim.id).channels == (mee, afp)
    assert story.claim(claim.id).channel_kinds == ("reported_by", "citing")
    removed = story.update_claim(claim.id, channels=[afp])
    assert removed.channels == (afp,)
    with pytest.raises(NotFoundError):
        story.update_claim(claim.id, channels=["A999"])
    with pytest.raises(CaseError, match="twice"):
        story.update_claim(claim.id, channels=[afp, afp])
    with pytest.raises(CaseError, match="channel step kind"):
        story.update_claim(claim.id, channels=[(afp, "overheard")])


def test_split_makes_two_claims_and_merge_makes_one_again(story):
    claim = story.claim(claim_with(story, "Mamluk had met"))
    at = FIRST_TEXT.index("Egyptian officials")
    second = story.split_claim(claim.id, at)
    first = story.claim(claim.id)
    assert (first.text, second.text) == ("Mamluk had met", "Egyptian officials before")
    assert second.channels == claim.channels and second.speaker_text == claim.speaker_text
    reextract(story)
    assert story.claim(claim.id).text == "Mamluk had met"
    assert story.claim(second.id).text == "Egyptian officials before"
    merged = story.merge_claims(claim.id, second.id)
    assert merged.text == "Mamluk had met Egyptian officials before"
    assert story.claim(second.id).review is ReviewStatus.REJECTED
    reextract(story)  # the merged-away claim does not come back
    assert [c.id for c in story.claims(article_id=FIRST) if "Egyptian officials" in c.text] == [
        claim.id
    ]
    with pytest.raises(CaseError, match="inside its span"):
        story.split_claim(claim.id, 0)
    other = claim_with(story, "their political stances")
    with pytest.raises(CaseError, match="different articles"):
        story.merge_claims(claim.id, other)


# --- actors and mentions -------------------------------------------------------------------------


def test_add_actor_with_its_mentions_and_remove_a_wrong_mention(story):
    actor = story.add_actor(
        "Egyptian officials", "group", mentions=[(FIRST, *span(FIRST_TEXT, "Egyptian officials"))]
    )
    assert actor.status is ReviewStatus.CONFIRMED and actor.mention_count == 1
    (mention,) = story.mentions(actor_id=actor.id)
    assert mention.text == "Egyptian officials" and mention.review is ReviewStatus.CONFIRMED
    reextract(story)
    assert [m.id for m in story.mentions(actor_id=actor.id)] == [mention.id]
    with pytest.raises(CaseError, match="already actor"):
        story.add_actor("egyptian officials", "group")

    mamlouk = actor_named(story, "Ali Mamlouk")
    wrong = next(m for m in story.mentions(actor_id=mamlouk.id) if m.text == "Mamluk")
    story.remove_mention(wrong.id)
    assert wrong.id not in [m.id for m in story.mentions()]
    reextract(story)  # extraction finds "Mamluk" there again: the person said no
    assert not [m for m in story.mentions(article_id=FIRST) if m.start == wrong.start]
    assert story.actor(mamlouk.id).mention_count == mamlouk.mention_count - 1


def test_add_mention_to_an_actor(story):
    syria = actor_named(story, "Syria")
    start, end = span(SECOND_TEXT, "Syrian envoy")
    mention = story.add_mention(syria.id, SECOND, start, end)
    assert (mention.actor_id, mention.text) == (syria.id, "Syrian envoy")
    reextract(story)
    assert mention.id in [m.id for m in story.mentions(actor_id=syria.id)]


# --- events --------------------------------------------------------------------------------------


def test_events_added_fixed_attached_and_rejected(story):
    start, end = span(FIRST_TEXT, "16 October 2016")
    claim = claim_with(story, "Mamluk had met")
    event = story.add_event(FIRST, start, end, "2016-10-15", summary="the visit", claim=claim)
    assert (event.date.isoformat(), event.precision.value, event.claim) == (
        "2016-10-15",
        "day",
        claim,
    )
    fixed = story.update_event(event.id, date="October 2016", date_end="2016-11")
    assert (fixed.date.isoformat(), fixed.precision.value) == ("2016-10", "month")
    assert story.update_event(event.id, claim="").claim is None
    reextract(story)
    assert story.event(event.id).summary == "the visit"
    extracted = next(e for e in story.events() if e.id != event.id and e.article_id == FIRST)
    assert story.reject_event(extracted.id).review is ReviewStatus.REJECTED
    reextract(story)
    assert story.event(extracted.id).review is ReviewStatus.REJECTED
    with pytest.raises(CaseError, match="not in the article"):
        story.update_event(event.id, claim=claim_with(story, "their political stances"))


# --- source links --------------------------------------------------------------------------------


def test_a_link_changes_relation_and_note(story):
    claim = claim_with(story, "Mamluk had met")
    link = story.link_source(claim, actor_named(story, "SANA").id, note="first")
    changed = story.update_link(link.id, relation="contradicts", note="SANA says otherwise")
    assert (changed.relation.value, changed.note) == ("contradicts", "SANA says otherwise")
    assert story.update_link(link.id, note="").note is None
    story.undo()
    assert story.links(claim)[0].note == "SANA says otherwise"


def test_several_claims_at_once_are_one_action_at_the_versions_seen(story, case_path):
    ids = [
        claim_with(story, "Mamluk had met"),
        claim_with(story, "two sides agreed to coordinate political"),
    ]
    seen = {i: story.claim(i).version for i in ids}
    story.accept_claim(ids[0])  # one already accepted: left as it is, the other accepted
    seen[ids[0]] += 1
    done = story.update_claims(ids, review="confirmed", expected=seen)
    assert [c.review for c in done] == [ReviewStatus.CONFIRMED] * 2
    # a new version only for the claim the action changed
    assert [c.version for c in done] == [seen[ids[0]], seen[ids[1]] + 1]
    done = story.update_claims(ids, status="false", expected={c.id: c.version for c in done})
    assert {c.status.value for c in done} == {"false"}
    assert story.history()[-1].action == "update_claims"
    story.undo()  # the status of both, in one step
    assert {story.claim(i).status.value for i in ids} == {"unverified"}
    # another tab changed one of them: the whole action is refused, nothing written
    with Case.open(case_path) as other_tab:
        other_tab.set_claim_status(ids[1], "disputed")
    current = {i: story.claim(i).version for i in ids}
    with pytest.raises(StaleEditError, match="status now disputed, accepted"):
        story.update_claims(
            ids, review="rejected", expected={**current, ids[1]: current[ids[1]] - 1}
        )
    assert story.claim(ids[0]).review is ReviewStatus.CONFIRMED
    with pytest.raises(CaseError, match="are so already"):
        story.update_claims(ids, review="confirmed", expected=current)
    with pytest.raises(CaseError, match="confirmed or rejected"):
        story.update_claims(ids, review="extracted")


# --- every action: one audit row, undone whole ---------------------------------------------------

ACTIONS: dict[str, Callable[[Case], object]] = {
    "add_claim": lambda c: c.add_claim(FIRST, *span(FIRST_TEXT, "Khaled Fawzy")),
    "reject_claim": lambda c: c.reject_claim(claim_with(c, "Mamluk had met")),
    "accept_claim": lambda c: c.accept_claim(claim_with(c, "Mamluk had met")),
    "update_claim": lambda c: c.update_claim(
        claim_with(c, "Mamluk had met"), channels=[actor_named(c, "SANA").id]
    ),
    "split_claim": lambda c: c.split_claim(
        claim_with(c, "Mamluk had met"), FIRST_TEXT.index("Egyptian")
    ),
    "merge_claims": lambda c: c.merge_claims(
        claim_with(c, "two sides agreed to coordinate political"), claim_with(c, "Mamluk had met")
    ),
    "add_actor": lambda c: c.add_actor(
        "Egyptian officials", "group", mentions=[(FIRST, *span(FIRST_TEXT, "Egyptian officials"))]
    ),
    "add_mention": lambda c: c.add_mention(
        actor_named(c, "Syria").id, SECOND, *span(SECOND_TEXT, "Syrian")
    ),
    "remove_mention": lambda c: c.remove_mention(c.mentions()[0].id),
    "add_event": lambda c: c.add_event(FIRST, *span(FIRST_TEXT, "16 October"), "2016-10-16"),
    "reject_event": lambda c: c.reject_event(c.events()[0].id),
    "update_claims": lambda c: c.update_claims(
        [
            claim_with(c, "Mamluk had met"),
            claim_with(c, "two sides agreed to coordinate political"),
        ],
        review="rejected",
        status="disputed",
    ),
    "update_link": lambda c: c.update_link(
        c.link_source(claim_with(c, "Mamluk had met"), "https://example.org/x").id,
        relation="corroborates",
    ),
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_each_action_is_one_audit_row_and_one_undo(story, action):
    if action == "update_link":  # the link is made first, as its own action
        ACTIONS[action](story)
        entries = story.history()
        assert [e.action for e in entries[-2:]] == ["link_source", "update_link"]
        story.undo()
        story.undo()
        return
    before, rows = state(story), len(story.history())
    ACTIONS[action](story)
    entries = story.history()
    assert len(entries) == rows + 1 and entries[-1].action == action
    assert entries[-1].undoable and entries[-1].before.keys() == entries[-1].after.keys()
    assert state(story) != before
    assert story.undo().action == action
    assert state(story) == before


# --- stale edits ---------------------------------------------------------------------------------


def test_an_edit_against_a_stale_version_is_refused_with_the_current_value(story, case_path):
    claim = story.claim(claim_with(story, "Mamluk had met"))
    with Case.open(case_path) as other_tab:
        seen = other_tab.claim(claim.id).version
        story.reject_claim(claim.id, expected=claim.version)  # this tab first
        with pytest.raises(StaleEditError) as error:
            other_tab.update_claim(claim.id, kind="direct", expected=seen)
        message = str(error.value)
        assert "\n" not in message
        # plain words: the field that changed and its value as the Claims table shows it
        assert message.startswith("The claim \u201c") and "Mamluk had met" in message
        assert "was changed since you saw it (status now rejected)" in message
        assert "review" not in message and "extracted" not in message
        assert f"(claim {claim.id}, version {seen + 1}, you saw {seen})" in message
        # the edit refused wrote nothing; made against the current version, it goes in
        assert other_tab.claim(claim.id).kind == claim.kind
        current = other_tab.claim(claim.id).version
        assert current == seen + 1
        other_tab.update_claim(claim.id, kind="direct", expected=current)


def test_a_stale_refusal_names_the_fields_changed_with_names_not_ids(story, case_path):
    claim = story.claim(claim_with(story, "Mamluk had met"))
    afp, mee = claim.channels
    mamlouk = actor_named(story, "Ali Mamlouk")
    with Case.open(case_path) as other_tab:
        other_tab.update_claim(claim.id, speaker=mamlouk.id)
        other_tab.update_claim(claim.id, channels=[mee, {"actor": afp, "kind": "citing"}])
    with pytest.raises(StaleEditError) as error:
        story.set_claim_status(claim.id, "false", expected=claim.version)
    message = str(error.value)
    names = {a.id: a.name for a in story.actors()}
    # both edits made since are told, each once, as the Claims table words them
    assert (
        f"(speaker now Ali Mamlouk, outlets now {names[afp]} (citing) \u2190 {names[mee]})"
        in message
    )
    assert "status now" not in message and "kind now" not in message
    assert not any(f"{actor_id}," in message or f"{actor_id})" in message for actor_id in names)
    assert f"you saw {claim.version})" in message


def test_a_stale_link_and_event_say_their_fields_in_words(story, case_path):
    claim = story.claim(claim_with(story, "Mamluk had met"))
    link = story.link_source(claim.id, "https://example.org/a", relation="corroborates")
    event = story.events()[0]
    with Case.open(case_path) as other_tab:
        other_tab.update_link(link.id, relation="contradicts", note="denied next day")
        other_tab.update_event(event.id, date="2016-10")
    with pytest.raises(StaleEditError, match=r"\(relation now contradicts, note now .denied"):
        story.update_link(link.id, note="mine", expected=link.version)
    with pytest.raises(StaleEditError, match=r"\(date now 2016-10\)"):
        story.update_event(event.id, date="2016", expected=event.version)


@pytest.mark.parametrize(
    "edit",
    [
        lambda c, v: c.update_actor(actor_named(c, "Cairo").id, type="country", expected=v),
        lambda c, v: c.update_event(c.events()[0].id, date="2016", expected=v),
        lambda c, v: c.remove_mention(c.mentions()[0].id, expected=v),
        lambda c, v: c.set_claim_status(claim_with(c, "Mamluk"), "false", expected=v),
    ],
    ids=["actor", "event", "mention", "claim status"],
)
def test_every_kind_of_record_refuses_a_stale_edit(story, edit):
    with pytest.raises(StaleEditError, match="was changed since you saw it .* you saw 0"):
        edit(story, 0)


def test_undo_brings_back_the_version_too(story):
    claim = story.claim(claim_with(story, "Mamluk had met"))
    story.reject_claim(claim.id)
    assert story.claim(claim.id).version == claim.version + 1
    story.undo()
    # as it was: an edit made against that state is no longer stale
    assert story.claim(claim.id) == claim
    story.accept_claim(claim.id, expected=claim.version)


def test_expected_must_be_a_version_number(story):
    with pytest.raises(CaseError, match="version number"):
        story.reject_claim(claim_with(story, "Mamluk"), expected="1")  # type: ignore[arg-type]


def test_two_sessions_racing_on_one_version_one_wins(story, case_path):
    """Both tabs saw the same version and click at once: one edit goes in, the other is
    refused (the version is checked inside the write transaction, not before it)."""
    import threading

    claim = story.claim(claim_with(story, "Mamluk had met"))
    results: dict[str, object] = {}
    start = threading.Barrier(2)

    def click(name: str, edit: Callable[[Case], object]) -> None:
        with Case.open(case_path) as tab:
            start.wait()
            try:
                results[name] = edit(tab)
            except StaleEditError as exc:
                results[name] = exc

    tabs = [
        threading.Thread(
            target=click,
            args=("reject", lambda t: t.reject_claim(claim.id, expected=claim.version)),
        ),
        threading.Thread(
            target=click,
            args=("accept", lambda t: t.accept_claim(claim.id, expected=claim.version)),
        ),
    ]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join(timeout=60)
    refused = [name for name, result in results.items() if isinstance(result, StaleEditError)]
    assert len(results) == 2 and len(refused) == 1
    winner = "accept" if refused == ["reject"] else "reject"
    expected_review = {"accept": ReviewStatus.CONFIRMED, "reject": ReviewStatus.REJECTED}
    assert story.claim(claim.id).review is expected_review[winner]
    assert story.claim(claim.id).version == claim.version + 1


def test_a_claim_reextraction_changed_is_a_new_version(story):
    import dataclasses

    claim = story.claim(claim_with(story, "the two sides agreed to coordinate political"))
    narrower = first_extraction()
    changed = [
        dataclasses.replace(c, kind="mixed") if c.text == claim.text else c for c in narrower.claims
    ]
    story.apply_reextraction([dataclasses.replace(narrower, claims=tuple(changed))])
    assert story.claim(claim.id).version == claim.version + 1
    # a re-extraction's changes are not in the log: the main fields, in words
    with pytest.raises(StaleEditError, match="kind now partly quoted"):
        story.reject_claim(claim.id, expected=claim.version)
    unchanged = story.claim(claim_with(story, "Mamluk had met"))
    story.apply_reextraction([first_extraction()])  # as before: no new version
    assert story.claim(unchanged.id).version == unchanged.version


def test_merges_splits_and_bulk_updates_refuse_stale_versions(story, case_path):
    mamlouk, cairo = actor_named(story, "Ali Mamlouk"), actor_named(story, "Cairo")
    with Case.open(case_path) as other_tab:
        other_tab.update_actor(cairo.id, type="country")
    seen = {mamlouk.id: mamlouk.version, cairo.id: cairo.version}
    with pytest.raises(StaleEditError, match=r"The actor Cairo was changed .*\(type now country\)"):
        story.merge_actors(mamlouk.id, cairo.id, expected=seen)
    with pytest.raises(StaleEditError):
        story.update_actors([mamlouk.id, cairo.id], status="confirmed", expected=seen)
    assert story.actor(cairo.id).status is ReviewStatus.EXTRACTED  # nothing written
    story.update_actors(
        [mamlouk.id, cairo.id],
        status="confirmed",
        expected={mamlouk.id: mamlouk.version, cairo.id: cairo.version + 1},
    )
    with pytest.raises(StaleEditError):
        story.split_alias(mamlouk.id, "Mamluk", expected=mamlouk.version)
    assert story.split_alias(mamlouk.id, "Mamluk", expected=mamlouk.version + 1)
