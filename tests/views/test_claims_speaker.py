"""The Claims panel's speaker (and outlet) picker: a find box over a short list, not a
drop-down of every actor. The list never holds more than the fixed choices, the claim's
own speaker and `LISTED` matches; typing a name finds any actor; an actor edit elsewhere in
the case sends no new list. A hand-built case of many speakers: no model."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from workbench.case import CaseFile
from workbench.case.records import CaseActor
from workbench.model import Actor, ActorType, Article, Claim, ClaimKind, Extraction, Mention
from workbench.views import Workbench
from workbench.views.claims_panel import NEW_ACTOR, UNNAMED
from workbench.views.claims_speaker import LISTED, best_matches

WITNESSES = LISTED + 15  # more speakers than the list shows


def witness(n: int) -> Extraction:
    """Article `n`: one witness (named in it `n % 3 + 1` times) makes one claim."""
    name = f"Witness Number{n:02d}"
    text = f"{name} said the road was closed. " + f"{name} again. " * (n % 3)
    said = "the road was closed"
    mentions = tuple(
        Mention(m, m + len(name), name)
        for m in (i for i in range(len(text)) if text.startswith(name, i))
    )
    actor = Actor(f"w{n}", name, ActorType.PERSON, (name,), mentions=mentions)
    claim = Claim(
        f"c{n}",
        said,
        text.index(said),
        text.index(said) + len(said),
        ClaimKind.INDIRECT,
        speaker=f"w{n}",
    )
    article = Article(f"art{n}", text, title=f"Road {n}", published="2016-10-17")
    return Extraction(article, actors=(actor,), claims=(claim,))


@pytest.fixture
def app():
    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "witnesses.case")
        for n in range(WITNESSES):
            case.add_extraction(witness(n))
        app = Workbench(case, watch=False)
        app.show("Claims")
        try:
            yield app
        finally:
            app.close()
            case.close()


def names(picker) -> list[str]:
    return [label for label, _ in picker.options]


def test_the_list_is_short_and_holds_the_claims_own_speaker(app):
    claims = app.panel("Claims")
    last = app.case.claims()[-1]  # a witness among the least named: not in the top list
    claims.choose(last.id)
    speaker = app.case.actor(last.speaker).name
    assert len(claims.speaker.options) <= LISTED + 3  # the fixed two, its own, the best
    assert names(claims.speaker)[:3] == ["unnamed source", "a new actor…", speaker]
    assert claims.speaker.value == last.speaker
    assert "most named of 40 actors" in claims.speaker.hint.value
    # the outlets to add to the chain: short too
    assert len(claims.chain.outlet.options) <= LISTED + 1


def test_typing_finds_any_actor_and_sets_it_as_speaker(app):
    claims = app.panel("Claims")
    first = app.case.claims()[0]
    claims.choose(first.id)
    claims.speaker.find.value = "number3"  # a word of the name, any case
    found = names(claims.speaker)[3:]
    assert found and all("Number3" in n for n in found)
    assert len(found) == sum(1 for n in range(WITNESSES) if f"{n:02d}".startswith("3"))
    claims.speaker.find.value = "witness number37"
    wanted = next(a for a in app.case.actors() if a.name == "Witness Number37")
    assert claims.speaker.value == wanted.id  # the best match chosen as one types
    claims.speaker_button.click()
    assert app.case.claim(first.id).speaker == wanted.id
    assert "the speaker is now Witness Number37" in app.status.value
    claims.speaker.find.value = "nobody at all"
    assert "No actor's name holds “nobody at all”" in claims.speaker.hint.value
    assert claims.speaker.value == wanted.id  # nothing matched: the choice stays


def test_an_actor_edit_elsewhere_sends_no_new_list(app):
    claims = app.panel("Claims")
    claims.choose(app.case.claims()[0].id)
    sent = []
    claims.speaker.choice.observe(lambda c: sent.append(c), names="options")
    unlisted = next(
        a for a in app.case.actors() if a.id not in {v for _, v in claims.speaker.options}
    )
    app.case.update_actor(unlisted.id, name="Witness Renamed")
    app._edited("renamed", None)
    assert sent == []  # not listed: nothing to send
    claims.speaker.find.value = "renamed"
    assert names(claims.speaker)[3:] == ["Witness Renamed"]


def test_fixed_choices_still_show_their_boxes(app):
    claims = app.panel("Claims")
    claims.choose(app.case.claims()[0].id)
    claims.speaker.value = NEW_ACTOR
    assert claims.new_name.layout.display == ""
    claims.speaker.value = UNNAMED
    assert claims.speaker_text.layout.display == ""


def actor(name: str, mentions: int = 1, aliases: tuple[str, ...] = (), kind="person"):
    return CaseActor(
        id=name.lower().replace(" ", "-"),
        name=name,
        type=ActorType(kind),
        aliases=(name, *aliases),
        mention_count=mentions,
    )


def test_best_matches_rank_the_start_of_a_name_then_a_word_then_inside_then_aliases():
    actors = [
        actor("Assad regime", 5),
        actor("Bashar al-Assad", 50),
        actor("Al-Assadiya Front", 1),
        actor("Syrian President", 9, aliases=("the Assad government",)),
        actor("Assafir", 3),
        actor("Nobody", 99),
    ]
    got = [a.name for a in best_matches(actors, "  ASSAD ")]
    assert got == ["Assad regime", "Bashar al-Assad", "Al-Assadiya Front", "Syrian President"]
    assert [a.name for a in best_matches(actors, "", limit=2)] == ["Nobody", "Bashar al-Assad"]
    media = [actor("SANA", 2, kind="media"), actor("Sana Ahmed", 40)]
    prefer = lambda a: a.type.value == "media"  # noqa: E731
    assert [a.name for a in best_matches(media, "sana", prefer=prefer)] == ["SANA", "Sana Ahmed"]


def test_the_sources_claim_is_found_by_id_or_words_and_the_selected_one_listed(app):
    app.show("Sources")
    sources = app.panel("Sources")
    assert len(sources.claim.options) <= LISTED + 1  # not the case's every claim
    last = app.case.claims()[-1]
    app.selection.claim_id = last.id  # chosen elsewhere (the Claims tab): listed here
    assert sources.claim.value == last.id
    assert sources.claim.options[0][1] == last.id
    seventh = app.case.claims()[7].id
    sources.claim.find.value = seventh.swapcase()  # an id, in any case: that claim
    assert [v for _, v in sources.claim.options[1:]] == [seventh]
    assert sources.claim.value == seventh
    sources.claim.find.value = "ROAD WAS"  # words, any case: the first matches
    assert len(sources.claim.options) == LISTED + 1
    assert "type words of the one you want" in sources.claim.hint.value
