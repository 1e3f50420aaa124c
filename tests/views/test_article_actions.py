"""Adding what the machine missed from the Article panel, driven from Python as the browser
drives it: a selection arrives as offsets, the person fills a form and saves; the case file
itself changes, once per action, undoably, and re-extraction keeps it."""

from __future__ import annotations

import pytest

from workbench import Case
from workbench.views import Workbench

pytestmark = pytest.mark.slow  # the real spaCy model extracts the articles

# what the machine misses here: the village council (an actor), the claim of the Lebanese
# officials (no speech verb it knows), the mukhtar
STORY = (
    "Border village emptied\n\n"
    "The village council of Kfar Kila counted the empty houses on Sunday. In the view of "
    "Lebanese officials speaking to Reuters, the Israeli army had left the village for good. "
    "The mukhtar hopes the families return before winter.\n"
)


@pytest.fixture
def app(seed_case):
    seed_case.add_article(STORY, published="2016-10-17")
    app = Workbench(seed_case)
    yield app
    app.case.close()


def select(panel, words: str, *, nth: int = 0):
    """What the browser sends when a person selects `words` in the shown article."""
    text = panel.case.article(panel.choice.value).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    panel.view.selection = {"start": start, "end": start + len(words), "text": words, "at": 1}
    return start


def story_id(app) -> str:
    return next(a.id for a in app.case.articles() if a.title == "Border village emptied")


def test_add_a_missed_claim_actor_and_event_then_undo_and_reextract(app):
    article = app.panel("Article")
    article.choice.value = story_id(app)
    actions = article.actions
    assert actions.widget.layout.display == "none"  # nothing selected: no bar

    # a missed actor, from its words
    start = select(article, "The village council of Kfar Kila")
    assert actions.widget.layout.display == ""
    assert "The village council of Kfar Kila" in actions.picked.value
    # the words stay marked while the person fills a form (the browser's selection is gone)
    assert '<span class="wb-picked" data-picked="selection">' in article.view.html
    actions.actor_button.click()
    assert actions.actor_name.value == "The village council of Kfar Kila"
    actions.actor_name.value = "Kfar Kila village council"
    actions.actor_type.value = "organization"
    actions.save_actor_button.click()
    assert "Saved: Added the actor Kfar Kila village council" in app.status.value
    army = next(a for a in app.case.actors() if a.name == "Kfar Kila village council")
    assert army.status.value == "confirmed"
    mentions = app.case.mentions(actor_id=army.id)
    assert [(m.start, m.end) for m in mentions] == [(start, start + 32)]
    assert f'data-actor="{army.id}"' in article.view.html
    assert actions.widget.layout.display == "none"  # the selection is used up
    assert "data-picked" not in article.view.html

    # a missed claim: unnamed speaker described, through Reuters
    reuters = next(a for a in app.case.actors() if a.name == "Reuters" or "Reuters" in a.aliases)
    words = "the Israeli army had left the village for good"
    start = select(article, words)
    actions.claim_button.click()
    actions.speaker.value = "__unnamed__"
    actions.speaker_text.value = "Lebanese officials"
    actions.outlet.value = reuters.id
    actions.add_step_button.click()
    assert "Reuters" in actions.chain_label.value
    actions.kind.value = "indirect"
    actions.save_claim_button.click()
    assert "Saved: Added a claim by Lebanese officials through" in app.status.value
    claim = next(c for c in app.case.claims() if c.text == words)
    assert (claim.start, claim.speaker, claim.speaker_text) == (start, None, "Lebanese officials")
    assert claim.channels == (reuters.id,) and claim.kind.value == "indirect"

    # a missed event: the date prefilled from the selected words, tied to the claim
    select(article, "counted the empty houses on Sunday")
    actions.event_button.click()
    assert (actions.date.value, actions.precision.value) == ("2016-10-16", "day")
    actions.summary.value = "Israeli army leaves Kfar Kila"
    actions.event_claim.value = claim.id
    actions.save_event_button.click()
    assert "Saved: Added an event on 2016-10-16" in app.status.value, app.status.value
    event = next(e for e in app.case.events() if e.summary == "Israeli army leaves Kfar Kila")
    assert (event.date_text, event.claim, event.review.value) == ("Sunday", claim.id, "confirmed")

    # undo the event: gone; the claim and the actor stay
    app.panel("Summary").undo_button.click()
    assert all(e.id != event.id for e in app.case.events())
    # re-extraction keeps what a person added
    app.case.reextract()
    with Case.open(app.case.path) as again:
        assert again.actor(army.id).status.value == "confirmed"
        assert again.claim(claim.id).speaker_text == "Lebanese officials"
        assert [m.text for m in again.mentions(actor_id=army.id)][0].startswith("The village")


def test_new_speaker_mention_and_claim_span(app):
    article = app.panel("Article")
    article.choice.value = story_id(app)
    actions = article.actions
    select(article, "the Israeli army had left the village for good")
    actions.claim_button.click()
    actions.speaker.value = "__new__"
    assert actions.new_speaker_box.layout.display == ""
    actions.speaker_name.value = ""
    actions.save_claim_button.click()
    assert "✘" in app.status.value and "name" in app.status.value  # refused, said why
    actions.speaker_name.value = "Lebanese officials"
    actions.speaker_type.value = "group"
    actions.save_claim_button.click()
    assert "Saved: Added a claim by Lebanese officials" in app.status.value
    claim = next(c for c in app.case.claims() if c.text.startswith("the Israeli army had"))
    speaker = app.case.actor(claim.speaker)
    assert (speaker.name, speaker.type.value) == ("Lebanese officials", "group")

    # a mention of an existing actor: the actor whose name the words spell is proposed
    kfar_kila = next(a for a in app.case.actors() if a.name == "Kfar Kila")
    select(article, "the village")
    actions.mention_button.click()
    assert actions.mention_actor.value is not None
    select(article, "Kfar Kila")  # words that spell its name: it is proposed
    assert actions.mention_actor.value == kfar_kila.id  # the form open follows the words
    select(article, "the village")
    actions.mention_actor.value = kfar_kila.id
    actions.save_mention_button.click()
    assert "Saved: Marked «the village» as Kfar Kila" in app.status.value, app.status.value
    israel = kfar_kila
    added = [m for m in app.case.mentions(actor_id=israel.id) if m.text == "the village"]
    assert len(added) == 1

    # the mention is wrong after all: click it, remove it
    article.view.clicked = {"kind": "actor", "id": israel.id, "mention": added[0].id, "at": 2}
    assert article.mention_bar.widget.layout.display == ""
    label = article.mention_bar.label.value
    assert "«<bdi>the village</bdi>» is marked as <b><bdi>Kfar Kila" in label
    article.mention_bar.remove_button.click()
    assert "Saved: Removed the mention" in app.status.value
    assert all(m.id != added[0].id for m in app.case.mentions(actor_id=israel.id))

    # a claim's words moved: click the claim, select its right words, set them
    article.view.clicked = {"kind": "claim", "id": claim.id, "at": 3}
    select(article, "The mukhtar hopes the families return before winter.")
    assert not actions.span_button.disabled
    actions.span_button.click()
    assert app.case.claim(claim.id).text == "The mukhtar hopes the families return before winter."


def test_a_stale_edit_says_so_and_redraws(app):
    article = app.panel("Article")
    article.choice.value = story_id(app)
    mention = app.case.mentions(article_id=story_id(app))[0]
    article.view.clicked = {"kind": "actor", "id": mention.actor_id, "mention": mention.id, "at": 1}
    # another tab marks the same words as another actor meanwhile: the mention moves
    with Case.open(app.case.path) as other:
        council = other.add_actor("Kfar Kila village council", "organization")
        other.add_mention(council.id, story_id(app), mention.start, mention.end)
    article.mention_bar.remove_button.click()
    assert "✘" in app.status.value and "The mention" in app.status.value
    assert "(status now accepted, actor now Kfar Kila village council)" in app.status.value
    moved = next(m for m in app.case.mentions(article_id=story_id(app)) if m.id == mention.id)
    assert moved.actor_id == council.id  # the other tab's edit stands
    assert f'data-actor="{council.id}"' in article.view.html  # and is shown: redrawn


def test_known_names_are_marked_and_the_language_shown(app, tmp_path):
    case = app.case
    army = case.add_actor("Kfar Kila village council", "organization")
    case.add_article(
        "Later report\n\nThe Kfar Kila village council said on Monday it had met.\n",
        published="2016-10-18",
    )
    app.refresh()
    article = app.panel("Article")
    later = next(a.id for a in case.articles() if a.title == "Later report")
    article.choice.value = later
    known = [m for m in case.mentions(article_id=later) if m.actor_id == army.id]
    assert known and known[0].known
    assert "wb-known" in article.view.html and "known to the case" in article.view.html
    assert f"{len(known)} name" in article.info.value and "known to the case" in article.info.value
    assert "language English" in article.info.value and article.language_warning.value == ""

    case.add_article("Ein Bericht\n\n" + "Die Armee hat das Dorf am Sonntag verlassen. " * 8)
    app.refresh()
    german = next(a.id for a in case.articles() if a.title == "Ein Bericht")
    article.choice.value = german
    assert "language de" in article.info.value
    assert "rules for English (en), Arabic (ar) only" in article.language_warning.value


def test_claims_and_events_you_added_are_marked_apart_from_extracted_ones(app):
    import re

    article = app.panel("Article")
    article.choice.value = story_id(app)
    text = app.case.article(story_id(app)).text
    words = "the Israeli army had left the village for good"
    start = text.index(words)
    claim = app.case.add_claim(story_id(app), start, start + len(words), speaker_text="officials")
    sunday = text.index("Sunday")
    event = app.case.add_event(story_id(app), sunday, sunday + 6, "2016-10-16", claim=claim.id)
    app.refresh()
    html = article.view.html
    # the opening tag of each mark: its classes and tooltip
    opening = r'<span class="([^"]*)" data-(?:claim|event)="([^"]+)"'
    tags = {m.group(2): m.group(1) for m in re.finditer(opening, html)}
    assert "wb-added" in tags[claim.id].split() and "wb-added" in tags[event.id].split()
    extracted = [c.id for c in app.case.claims() if "added" not in c.edited]
    assert extracted and all("wb-added" not in tags.get(i, "") for i in extracted)
    assert re.search(rf'data-claim="{claim.id}" title="[^"]*· added by you"', html)
    assert re.search(rf'data-event="{event.id}" title="[^"]*· added by you"', html)
    # the legend says what the mark means
    legend = [c.value for c in article.widget.children if "wb-legend" in getattr(c, "value", "")]
    assert legend and 'class="wb-added-key"' in legend[0] and "added by you" in legend[0]
