"""The Article tab's forms choose the speaker, the outlet and the mentioned actor with a find
box over a short list (`claims_speaker.ActorPicker`), not a drop-down of every actor: the
list never holds more than the fixed choices, the chosen actor and `LISTED` matches; typing
a name finds any actor; an actor edit elsewhere sends no new list. A hand-built case of many
witnesses: no model."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from workbench.case import CaseFile
from workbench.model import Actor, ActorType, Article, Claim, ClaimKind, Extraction, Mention
from workbench.views import Workbench
from workbench.views.article_actions import SelectionActions
from workbench.views.claims_speaker import LISTED

WITNESSES = LISTED + 15  # more actors than a list shows
SAID = "the road was closed"


def witness(n: int) -> Extraction:
    """Article `n`: one witness (named in it `n % 3 + 1` times) says the road was closed,
    and a newspaper (a media actor, named once) reports it."""
    name, paper = f"Witness Number{n:02d}", f"Gazette {n:02d}"
    text = f"{name} said {SAID} to {paper}. " + f"{name} again. " * (n % 3)
    mentions = tuple(
        Mention(m, m + len(name), name)
        for m in (i for i in range(len(text)) if text.startswith(name, i))
    )
    actor = Actor(f"w{n}", name, ActorType.PERSON, (name,), mentions=mentions)
    at = text.index(paper)
    gazette = Actor(
        f"g{n}", paper, ActorType.MEDIA, (paper,), mentions=(Mention(at, at + len(paper), paper),)
    )
    start = text.index(SAID)
    claim = Claim(f"c{n}", SAID, start, start + len(SAID), ClaimKind.INDIRECT, speaker=f"w{n}")
    article = Article(f"art{n}", text, title=f"Road {n}", published="2016-10-17")
    return Extraction(article, actors=(actor, gazette), claims=(claim,))


@pytest.fixture
def app():
    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "witnesses.case")
        for n in range(WITNESSES):
            case.add_extraction(witness(n))
        app = Workbench(case, watch=False)
        app.show("Article")
        try:
            yield app
        finally:
            app.close()
            case.close()


def select(app, article_id: str, words: str) -> None:
    """What the browser sends when a person selects `words` in article `article_id`."""
    panel = app.panel("Article")
    panel.choice.value = article_id
    start = app.case.article(article_id).text.index(words)
    panel.view.selection = {"start": start, "end": start + len(words), "text": words, "at": 1}


def actor_named(app, name: str):
    return next(a for a in app.case.actors() if a.name == name)


def test_the_claim_forms_lists_are_short_and_typing_finds_any_speaker(app):
    actions = app.panel("Article").actions
    select(app, "art39", "Witness Number39 said")
    actions.claim_button.click()
    labels = [label for label, _ in actions.speaker.options]
    assert len(labels) <= LISTED + 2  # the two fixed choices and the most named
    assert labels[:2] == ["unnamed source (describe it)", "a new actor…"]
    assert actions.speaker.value == "__unnamed__"
    assert f"most named of {2 * WITNESSES} actors" in actions.speaker.hint.value
    # outlets: the media first, a short list too
    outlets = [label for label, _ in actions.outlet.options]
    assert len(outlets) == LISTED and all(o.endswith("(media)") for o in outlets)

    actions.speaker.find.value = "number39"  # a word of the name, any case
    wanted = actor_named(app, "Witness Number39")
    assert actions.speaker.value == wanted.id  # the best match chosen as one types
    assert actions.speaker.options[2] == ("Witness Number39 (person)", wanted.id)
    actions.outlet.find.value = "gazette 39"
    gazette = actor_named(app, "Gazette 39")
    assert actions.outlet.value == gazette.id
    actions.add_step_button.click()
    assert "Gazette 39" in actions.chain_label.value
    actions.save_claim_button.click()
    assert "Saved: Added a claim by Witness Number39 through Gazette 39" in app.status.value
    added = [c for c in app.case.claims() if c.article_id == "art39" and "added" in c.edited]
    assert [(c.speaker, c.channels) for c in added] == [(wanted.id, (gazette.id,))]
    # the next words start from the short list again, the speaker kept for them
    select(app, "art38", SAID)
    actions.claim_button.click()
    assert actions.speaker.find.value == "" and actions.speaker.value == wanted.id
    assert len(actions.speaker.options) <= LISTED + 3


def test_the_mention_form_proposes_the_actor_the_words_name_even_when_unlisted(app):
    actions = app.panel("Article").actions
    least = min(app.case.actors(), key=lambda a: (a.mention_count, a.type.value, a.name))
    article = app.case.mentions(actor_id=least.id)[0].article_id
    select(app, article, least.name)
    actions.mention_button.click()
    assert actions.mention_actor.value == least.id  # named by the words: chosen, listed
    assert len(actions.mention_actor.options) <= LISTED + 1
    actions.mention_actor.find.value = "number07"
    assert actions.mention_actor.value == actor_named(app, "Witness Number07").id


def test_an_actor_edit_elsewhere_sends_no_new_list(app):
    actions = app.panel("Article").actions
    select(app, "art39", SAID)
    actions.claim_button.click()
    sent = []
    actions.speaker.choice.observe(sent.append, names="options")
    listed = {v for _, v in actions.speaker.options}
    unlisted = next(a for a in app.case.actors() if a.id not in listed)
    app.case.update_actor(unlisted.id, name="Witness Renamed")
    app._edited("renamed", None)
    assert sent == []  # not listed: nothing to send
    actions.speaker.find.value = "renamed"
    assert [label for label, _ in actions.speaker.options][2:] == ["Witness Renamed (person)"]


def models() -> set[str]:
    """The ids of the widget models alive: each one the browser makes a view of."""
    from ipywidgets.widgets.widget import _instances

    return set(_instances)


def test_the_bar_and_forms_are_built_on_first_use_not_at_open(app):
    before = models()
    unused = SelectionActions(app.panel("Article"))  # as the app builds it at open
    assert len(models() - before) <= 4  # two boxes and their layouts (were 136 models)
    assert unused.widget.layout.display == "none" and unused.widget.children == ()

    actions = app.panel("Article").actions
    select(app, "art39", SAID)
    assert actions.widget.layout.display == "" and actions.claim_button.description
    before = models()
    actions.claim_button.click()  # the claim form: built now
    built = models() - before
    assert built and actions.form.children[0].children[0] is actions.speaker.find
    actions.actor_button.click()
    before = models()
    actions.claim_button.click()  # again: the same form, nothing new built
    assert models() - before == set()
    assert actions.form.children[0].children[0] is actions.speaker.find
