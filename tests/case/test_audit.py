"""The audit log: every action's `before` and `after` have one shape, decoded JSON."""

from __future__ import annotations

import json
from dataclasses import fields

from backends import rows
from case_builders import actor_named, first_extraction

from workbench import Case
from workbench.case import CaseActor, CaseClaim

ACTIONS = {
    "add_article",
    "split_alias",
    "merge_actors",
    "update_actor",
    "update_actors",
    "update_claim",
    "update_event",
    "set_claim_status",
    "link_source",
    "unlink_source",
    "add_note",
    "remove_article",
    "undo",
    "reextract",
}


def one_of_each_action(case: Case) -> None:
    mamlouk = actor_named(case, "Ali Mamlouk")
    case.merge_actors(mamlouk.id, case.split_alias(mamlouk.id, "Mamluk"))
    case.update_actor(actor_named(case, "Khaled Fawzy").id, name="Khaled Fawzi", type="person")
    case.update_actors([actor_named(case, n).id for n in ("SANA", "AFP")], status="confirmed")
    claim = case.claims()[0]
    case.update_claim(claim.id, kind="mixed", review="confirmed")
    case.update_event(case.events()[0].id, summary="Mamlouk met Fawzy")
    case.set_claim_status(claim.id, "in_progress")
    case.set_claim_status(claim.id, "corroborated", note="Al-Akhbar agrees")
    case.unlink_source(case.link_source(claim.id, actor_named(case, "AFP").id).id)
    case.add_note(actor_named(case, "SANA").id, "Syrian state media")
    case.remove_article(case.articles()[1].id)
    case.undo()
    case.apply_reextraction([first_extraction()], model="test-model")


def check_plain(value: object, where: str) -> None:
    """JSON values all the way down, with no JSON text left encoded inside a value."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert isinstance(key, str), where
            check_plain(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_plain(item, f"{where}[{index}]")
    elif isinstance(value, str):
        if value[:1] in ("[", "{"):
            try:
                decoded = json.loads(value)
            except ValueError:
                return
            assert not isinstance(decoded, (list, dict)), f"{where} is JSON text: {value!r}"
    else:
        assert value is None or isinstance(value, (bool, int, float)), f"{where}: {value!r}"


def audit_rows(case: Case) -> list[tuple[str, str, str]]:
    return rows(str(case.path), "SELECT action, before, after FROM audit ORDER BY id")


def test_every_action_records_before_and_after_with_the_same_keys(story: Case) -> None:
    one_of_each_action(story)
    rows = audit_rows(story)
    assert {action for action, _, _ in rows} == ACTIONS
    for action, before_text, after_text in rows:
        before, after = json.loads(before_text), json.loads(after_text)
        assert isinstance(before, dict) and isinstance(after, dict), action
        assert before and before.keys() == after.keys(), action
        check_plain(before, f"{action}.before")
        check_plain(after, f"{action}.after")
        for key in before:
            # a record on both sides is the same kind of record: the same fields
            if isinstance(before[key], dict) and isinstance(after[key], dict):
                assert before[key].keys() == after[key].keys(), f"{action}.{key}"


def test_actor_edits_record_the_actor_as_the_read_api_gives_it(story: Case) -> None:
    sana, akhbar = actor_named(story, "SANA"), actor_named(story, "Al-Akhbar")
    story.merge_actors(sana.id, akhbar.id)
    merge = story.history()[-1]
    story.update_actor(sana.id, status="confirmed")
    update = story.history()[-1]
    actor_fields = {f.name for f in fields(CaseActor)}
    for record in (merge.before["keep"], merge.before["other"], merge.after["keep"]):
        assert record.keys() == actor_fields
        assert isinstance(record["roles"], list) and isinstance(record["edited"], list)
    assert merge.before["other"] == akhbar.to_dict() and merge.after["other"] is None
    assert merge.after["keep"]["edited"] == ["merged"]
    assert update.before["actor"] == merge.after["keep"]
    assert update.after["actor"] == story.actor(sana.id).to_dict()


def test_claim_edits_record_the_claim_and_the_note(story: Case) -> None:
    claim = story.claims()[0]
    story.set_claim_status(claim.id, "disputed", note="AFP denies it")
    entry = story.history()[-1]
    assert entry.before == {"claim": claim.to_dict(), "note": None}
    assert entry.after["claim"] == story.claim(claim.id).to_dict()
    assert entry.after["claim"].keys() == {f.name for f in fields(CaseClaim)}
    assert entry.after["note"]["text"] == "AFP denies it"
