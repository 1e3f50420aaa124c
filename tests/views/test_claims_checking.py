"""The Claims panel as a checking tool, driven from Python as a person drives it: every
action edits the case file (read back through a second connection), says what happened in
plain words, and is refused, with the current value, when the claim changed meanwhile."""

from __future__ import annotations

import pytest

from workbench import Case
from workbench.views import Workbench

pytestmark = pytest.mark.slow  # the real spaCy model extracts the seed article


@pytest.fixture
def app(seed_case):
    app = Workbench(seed_case)
    app.show("Claims")
    yield app
    app.case.close()


def claim_with(case, words: str):
    return next(c for c in case.claims(include_rejected=True) if words in c.text)


def stored(app, claim_id: str):
    with Case.open(app.case.path) as other:
        return other.claim(claim_id)


def test_reject_hides_show_rejected_restores_undo_says_what(app):
    claims = app.panel("Claims")
    junk = claim_with(app.case, "Syrian officials had traveled to the country")
    claims.choose(junk.id)
    claims.reject_button.click()
    assert f"Rejected claim {junk.id}" in app.status.value
    assert stored(app, junk.id).review.value == "rejected"
    assert junk.id not in claims.visible_claims()

    claims.show_rejected.value = True
    assert junk.id in claims.visible_claims()
    assert claims.table.row(junk.id).cells["status"] == "rejected"
    claims.table.choice_values = {"status": "rejected"}
    assert claims.visible_claims() == [junk.id]
    claims.choose(junk.id)
    assert claims.restore_button.layout.display == ""
    claims.restore_button.click()
    assert f"Restored claim {junk.id}" in app.status.value
    assert stored(app, junk.id).review.value == "extracted"

    claims.undo_button.click()
    assert (
        "Undid restore a claim (“Syrian officials had traveled to the country”)" in app.status.value
    )
    assert stored(app, junk.id).review.value == "rejected"
    # a rejected claim is restored, not accepted or rejected again
    assert claims.accept_button.layout.display == claims.reject_button.layout.display == "none"


def test_the_chain_edited_step_by_step(app):
    claims = app.panel("Claims")
    relayed = claim_with(app.case, "first public visit")
    afp, mee = relayed.channels
    claims.choose(relayed.id)
    chain = claims.chain
    assert [label for label, _ in chain.steps.options][0].startswith("1. Agence France-Presse")

    chain.steps.value = 0
    chain.down_button.click()
    assert "moved Agence France-Presse away from the origin" in app.status.value
    assert stored(app, relayed.id).channels == (mee, afp)
    assert chain.steps.value == 1  # the moved step stays chosen
    assert claims.table.row(relayed.id).cells["outlets"].startswith("Agence France-Presse ←")

    chain.citing_button.click()
    assert stored(app, relayed.id).channel_kinds == ("reported_by", "citing")
    assert "(citing)" in claims.table.row(relayed.id).cells["outlets"]

    chain.steps.value = 0
    chain.remove_button.click()
    assert "removed Middle East Eye from the chain" in app.status.value
    assert stored(app, relayed.id).channels == (afp,)
    chain.outlet.value = mee
    chain.add_button.click()
    assert stored(app, relayed.id).channels == (afp, mee)
    chain.add_button.click()  # twice the same outlet: refused, nothing written
    assert "in the chain already" in app.status.value

    for _ in range(4):  # undo every step, back to the extracted chain
        claims.undo_button.click()
        assert "Undid update a claim" in app.status.value
    assert stored(app, relayed.id).channels == (afp, mee)
    assert stored(app, relayed.id).channel_kinds == ("reported_by", "reported_by")


def test_an_edit_on_a_stale_claim_is_refused_and_the_row_redrawn(app):
    claims = app.panel("Claims")
    claim = claim_with(app.case, "first public visit")
    claims.choose(claim.id)
    with Case.open(app.case.path) as other:  # another tab, or the command line
        other.set_claim_status(claim.id, "false")
    claims.kind.value = "direct"
    claims.kind_button.click()
    status = app.status.value
    assert "✘" in status and "was changed since you saw it (status now false)" in status
    assert stored(app, claim.id).kind == claim.kind  # not written
    assert claims.table.row(claim.id).cells["status"] == "false"  # drawn again from the case
    assert claims.status.value == "false"
    claims.kind.value = "direct"
    claims.kind_button.click()  # made against the version now shown: done
    assert "is now quoted" in app.status.value
    assert stored(app, claim.id).kind.value == "direct"


def test_speaker_new_actor_unnamed_and_any(app):
    claims = app.panel("Claims")
    claim = claim_with(app.case, "it supported all efforts")
    claims.choose(claim.id)
    claims.speaker.value = "__new__"
    claims.speaker_button.click()
    assert "✘" in app.status.value and "name first" in app.status.value
    claims.new_name.value = "Lebanese officials"
    claims.new_type.value = "group"
    claims.speaker_button.click()
    assert "the speaker is now Lebanese officials, a new group" in app.status.value
    speaker = app.case.actor(stored(app, claim.id).speaker)
    assert (speaker.name, speaker.type.value) == ("Lebanese officials", "group")

    claims.speaker.value = "__unnamed__"
    claims.speaker_text.value = "a Gulf diplomat"
    claims.speaker_button.click()
    assert stored(app, claim.id).speaker is None
    assert stored(app, claim.id).speaker_text == "a Gulf diplomat"
    assert claims.table.row(claim.id).cells["speaker"] == "a Gulf diplomat"


def test_split_at_a_word_and_merge_two_ticked(app):
    claims = app.panel("Claims")
    claim = claim_with(app.case, "first public visit")
    claims.choose(claim.id)
    label, at = next((label, at) for label, at in claims.split_at.options if "| but" in label)
    claims.split_at.value = at
    claims.split_button.click()
    assert f"Split claim {claim.id} in two" in app.status.value
    first = stored(app, claim.id)
    second = next(c for c in app.case.claims() if c.start == at)
    assert first.end <= at and second.text.startswith("but")
    assert f"claim {second.id}" in app.status.value

    claims.table.select([second.id, claim.id])  # ticked in the table
    assert not claims.merge_button.disabled
    claims.merge_button.click()
    assert f"Merged claim {second.id} into claim {claim.id}" in app.status.value
    merged = stored(app, claim.id)
    assert (merged.start, merged.end) == (claim.start, claim.end)
    assert stored(app, second.id).review.value == "rejected"


def test_the_ticked_claims_accepted_rejected_and_given_a_status_at_once(app):
    claims = app.panel("Claims")
    assert claims.bulk_accept.disabled and claims.bulk_reject.disabled  # nothing ticked yet
    ids = claims.visible_claims()[:3]
    claims.table.select(ids)  # ticked in the table
    assert "3 ticked" in claims.ticked_count.value
    assert not claims.bulk_accept.disabled and ("false", "false") in claims.bulk_status.options
    seen = {i: stored(app, i).version for i in ids}

    claims.bulk_status.value = "disputed"
    claims.bulk_status_button.click()
    assert "3 claims now disputed (one undo puts them back)" in app.status.value
    assert {stored(app, i).status.value for i in ids} == {"disputed"}
    assert all(claims.table.row(i).cells["status"] == "disputed" for i in ids)
    assert app.case.history()[-1].action == "update_claims"  # one action for the three
    assert {stored(app, i).version for i in ids} == {v + 1 for v in seen.values()}

    claims.table.select(ids)
    claims.bulk_accept.click()
    assert "3 claims accepted" in app.status.value
    assert {stored(app, i).review.value for i in ids} == {"confirmed"}
    claims.table.select(ids)
    claims.bulk_reject.click()
    assert {stored(app, i).review.value for i in ids} == {"rejected"}
    assert not set(ids) & set(claims.visible_claims())  # hidden, as one rejected claim is

    claims.undo_button.click()  # one undo: the three back
    assert {stored(app, i).review.value for i in ids} == {"confirmed"}
    assert set(ids) <= set(claims.visible_claims())


def test_a_ticked_claim_changed_elsewhere_refuses_the_bulk_action(app):
    claims = app.panel("Claims")
    ids = claims.visible_claims()[:2]
    claims.table.select(ids)
    with Case.open(app.case.path) as other:  # another tab: every row's version is checked
        other.set_claim_status(ids[1], "false")
    claims.bulk_reject.click()
    assert "✘" in app.status.value and "(status now false)" in app.status.value
    assert {stored(app, i).review.value for i in ids} == {"extracted"}  # nothing written
    assert claims.table.row(ids[1]).cells["status"] == "false"  # drawn again from the case


def test_a_ticked_claim_redrawn_for_a_change_elsewhere_still_refuses(app):
    """The app's poll may notice a colleague's change (and redraw the table) between the
    tick and the click: the person ticked the claim as it was, so the action is still
    refused. A redraw the person caused (the refusal's own) lets them redo it."""
    claims = app.panel("Claims")
    ids = claims.visible_claims()[:2]
    claims.table.select(ids)
    with Case.open(app.case.path) as other:
        other.set_claim_status(ids[1], "false")
    assert app.watcher.check()  # the poll: noticed, redrawn while ticked
    assert claims.table.row(ids[1]).cells["status"] == "false"
    assert set(claims.ticked()) == set(ids)
    claims.bulk_accept.click()
    assert "✘" in app.status.value and "(status now false)" in app.status.value
    assert {stored(app, i).review.value for i in ids} == {"extracted"}
    claims.table.select(ids)  # looked at again, ticked again: done
    claims.bulk_accept.click()
    assert "2 claims accepted" in app.status.value
    assert {stored(app, i).review.value for i in ids} == {"confirmed"}


def test_status_with_a_note_in_plain_words(app):
    claims = app.panel("Claims")
    claim = claim_with(app.case, "first public visit")
    claims.choose(claim.id)
    assert ("checking", "in_progress") in claims.status.options
    claims.status.value = "in_progress"
    claims.note.value = "asked AFP"
    claims.status_button.click()
    assert f"Claim {claim.id} is now checking (with your note)" in app.status.value
    assert "in_progress" not in app.status.value


def test_links_changed_and_removed_from_claims_and_sources(app):
    claims = app.panel("Claims")
    claim = claim_with(app.case, "first public visit")
    afp = next(a for a in app.case.actors() if "AFP" in a.aliases)
    url = "https://www.middleeasteye.net/news/x"
    app.case.link_source(claim.id, afp.id)
    app.case.link_source(claim.id, url)
    app.refresh()
    claims.choose(claim.id)
    links = claims.links
    assert [label for label, _ in links.choice.options] == [
        f"reported by {afp.name}",
        f"reported by {url}",
    ]
    links.choice.value = links.choice.options[0][1]
    links.relation.value = "corroborates"
    links.note.value = "their <b>Damascus</b> desk"
    links.save_button.click()
    assert f"the link to {afp.name} now says corroborates" in app.status.value
    link = next(k for k in app.case.links(claim.id) if k.actor_id == afp.id)
    assert (link.relation.value, link.note) == ("corroborates", "their <b>Damascus</b> desk")
    assert "&lt;b&gt;Damascus" in links.table.value and "<b>Damascus" not in links.table.value

    app.show("Sources")
    sources = app.panel("Sources")
    assert sources.claim.value == claim.id
    sources.links.choice.value = next(v for lbl, v in sources.links.choice.options if url in lbl)
    sources.links.remove_button.click()
    assert f"Removed the link of claim {claim.id} to {url}" in app.status.value
    assert [k.actor_id for k in app.case.links(claim.id)] == [afp.id]
    assert sources.table.row(afp.id).cells["corroborates"] == claim.id


def test_the_table_filters_by_article_status_and_speaker(app, samples_dir):
    app.case.add_article(samples_dir / "iran-admits-downing-ukrainian-jet.txt")
    app.refresh()
    claims = app.panel("Claims")
    table = claims.table
    titles = table.model.choice_options("article")
    assert len(titles) == 2
    every = set(claims.visible_claims())
    table.choice_values = {"article": titles[0]}
    some = set(claims.visible_claims())
    assert some and some < every
    assert {app.case.claim(i).article_id for i in some} == {
        next(a.id for a in app.case.articles() if (a.title or a.id) == titles[0])
    }
    table.choice_values = {"speaker": "Abduallah al-Mouallimi"}
    assert claims.visible_claims() and all(
        table.row(i).cells["speaker"] == "Abduallah al-Mouallimi" for i in claims.visible_claims()
    )
    table.choice_values = {"status": "not checked"}
    assert set(claims.visible_claims()) == every


def test_proposed_passages_of_the_arabic_article_are_linked(app, samples_dir):
    app.case.add_article(samples_dir / "mamlouk-visits-cairo-ar.txt")
    app.refresh()
    claims = app.panel("Claims")
    claim = next(c for c in app.case.claims() if "Sisi received" in c.text and c.article_id != "x")
    claims.choose(claim.id)
    claims.proposals.find_button.click()
    found = claims.proposals.found.children
    assert found and len(found[0].children) == 2, [w for w in found]
    shown = found[0].children[0].value
    assert "<mark>" in shown and "السيسي" in shown and 'dir="auto"' in shown
    found[0].children[1].click()  # "Link this passage"
    assert f"Linked claim {claim.id} to the passage of" in app.status.value
    (link,) = app.case.links(claim.id)
    assert link.relation.value == "reported_by"
    assert link.note.startswith("mamlouk-visits-cairo-ar [") and "السيسي" in link.note
