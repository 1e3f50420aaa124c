"""The Claims panel after an edit redraws only the claims the edit touched (and the table
keeps its order without sorting again): after any sequence of edits its rows, order, filter
choices and entries are exactly those of a whole redraw. A hand-built case: no model."""

from __future__ import annotations

import contextlib
import dataclasses
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from workbench.analysis import CaseSnapshot, source_rows
from workbench.case import CaseFile
from workbench.errors import CaseError
from workbench.model import Actor, ActorType, Article, Claim, ClaimKind, Extraction, Mention
from workbench.views import Workbench

TEXT = (
    "Mamlouk visited Cairo. A Syrian source told AFP it was his first public visit, "
    "Middle East Eye reported. Saudi Arabia condemned its long-time ally."
)
OUTLETS = ("SANA", "Reuters", None, "Syrian Arab TV")


def extraction(n: int) -> Extraction:
    def mention(name):
        at = TEXT.index(name)
        return Mention(at, at + len(name), name)

    def actor(i, name, kind, alias):
        return Actor(f"a{n}{i}", name, kind, (alias,), mentions=(mention(alias),))

    actors = (
        actor(1, "Ali Mamlouk", ActorType.PERSON, "Mamlouk"),
        actor(2, "AFP", ActorType.MEDIA, "AFP"),
        actor(3, "Middle East Eye", ActorType.MEDIA, "Middle East Eye"),
        actor(4, "Saudi Arabia", ActorType.COUNTRY, "Saudi Arabia"),
    )
    said = "it was his first public visit"
    ally = "its long-time ally"
    claims = (
        Claim(
            f"c{n}1",
            said,
            TEXT.index(said),
            TEXT.index(said) + len(said),
            ClaimKind.INDIRECT,
            speaker_text="A Syrian source",
            channels=(f"a{n}2", f"a{n}3"),
        ),
        Claim(
            f"c{n}2",
            ally,
            TEXT.index(ally),
            TEXT.index(ally) + len(ally),
            ClaimKind.INDIRECT,
            speaker=f"a{n}4",
        ),
    )
    article = Article(
        f"art{n}", TEXT, title=f"Visit {n}", published="2016-10-17", outlet=OUTLETS[n % 4]
    )
    return Extraction(article, actors=actors, claims=claims)


EDITS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "status",
                "speaker",
                "unnamed",
                "link",
                "url",
                "unlink",
                "reject",
                "restore",
                "rename",
                "reject actor",
                "retype",
                "merge",
                "add article",
                "remove article",
                "undo",
            ]
        ),
        st.integers(0, 50),
    ),
    min_size=1,
    max_size=8,
)


def apply(case, edit: str, k: int) -> None:
    # refused (a link made twice, nothing to undo): nothing changed
    with contextlib.suppress(CaseError):
        _apply(case, edit, k)


def _apply(case, edit: str, k: int) -> None:
    claims = case.claims(include_rejected=True)
    claim = claims[k % len(claims)]
    actors = case.actors()
    actor = actors[k % len(actors)]
    if edit == "status":
        case.set_claim_status(claim.id, ("disputed", "corroborated", "false")[k % 3], note=f"n{k}")
    elif edit == "speaker":
        case.update_claim(claim.id, speaker=actor.id)
    elif edit == "unnamed":
        case.update_claim(claim.id, speaker="", speaker_text="a source")
    elif edit == "link":
        case.link_source(claim.id, actor.id, relation=("corroborates", "contradicts")[k % 2])
    elif edit == "url":
        case.link_source(claim.id, "https://sana.sy/en/?p=1", relation="reported_by")
    elif edit == "unlink":
        links = case.links()
        if links:
            case.unlink_source(links[k % len(links)].id)
    elif edit in ("reject", "restore"):
        case.update_claim(claim.id, review="rejected" if edit == "reject" else "confirmed")
    elif edit == "rename":
        case.update_actor(actor.id, name=f"{actor.name} {k}")
    elif edit == "reject actor":
        case.update_actor(actor.id, status="rejected")
    elif edit == "retype":
        case.update_actor(actor.id, type=("media", "person")[k % 2])
    elif edit == "merge":
        case.merge_actors(actor.id, [actors[(k + 1) % len(actors)].id])
    elif edit == "add article":  # a distinct text (spaces after every mark): a new article
        found = extraction(10 + k + len(case.articles()))
        text = found.article.text + " " * (k + len(case.articles()))
        case.add_extraction(
            dataclasses.replace(found, article=dataclasses.replace(found.article, text=text))
        )
    elif edit == "remove article" and len(case.articles()) > 1:
        case.remove_article(case.articles()[k % len(case.articles())].id)
    elif edit == "undo" and case.history(limit=1):
        case.undo()


def drawn(panel) -> tuple:
    model = panel.table.model
    choices = {c.key: model.choice_options(c.key) for c in model.columns if c.choices}
    return (
        list(model.rows.items()),
        model.shown_ids(),
        choices,
        list(panel._entries.items()),
        panel.count.value,
    )


# each example draws a whole app: few, and no shrinking (a failure names its edits)
@settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    edits=EDITS,
    sort=st.sampled_from([None, "status", "speaker", "flags", "links"]),
    rejected=st.booleans(),
)
# an article added (its claims come last), the first one removed and put back by an undo
# (its claims come first again: not added at the end), a merge and its undo
@example(
    edits=[("add article", 0), ("remove article", 0), ("undo", 0), ("merge", 1), ("undo", 0)],
    sort=None,
    rejected=False,
)
def test_an_edit_redraws_as_a_whole_redraw_would(edits, sort, rejected):
    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "inc.case")
        try:
            for n in range(4):
                case.add_extraction(extraction(n))
            app = Workbench(case)
            app.show("Claims")
            panel = app.panel("Claims")
            panel.show_rejected.value = rejected
            panel.table.model.set_sort(sort, descending=sort == "links")
            app.refresh(also=panel, carry=True)
            sources = app.panel("Sources")
            sources.shown = True
            for edit, k in edits:
                apply(case, edit, k)
                app.refresh(also=panel, carry=True)  # what the app does after an edit
                quick = drawn(panel)
                if edit == "status":  # one claim and its notes changed: that row alone
                    assert panel.last_touched is not None and len(panel.last_touched) == 1
                shown_sources = list(sources.table.model.rows.values())
                shown_choices = (list(sources.claim.options), sources.claim.value)
                # the same panel drawn whole from a fresh read of the case
                panel._drawn = None
                app.ctx.snapshot = CaseSnapshot(case)
                panel.refresh()
                assert drawn(panel) == quick, (edit, k)
                assert [r.id for r in shown_sources] == [
                    r.actor_id for r in source_rows(CaseSnapshot(case))
                ]
                sources.refresh()
                assert list(sources.table.model.rows.values()) == shown_sources, (edit, k)
                assert (list(sources.claim.options), sources.claim.value) == shown_choices
        finally:
            case.close()


def test_a_merge_redraws_the_merged_actors_claims_not_the_kept_ones():
    """The actor kept by a merge gains the other's names: its own claims' rows read only
    its name and status, so they are not made again (3,500 rows at 5,000 articles); the
    merged actor's claims, whose speaker changed, are."""
    with tempfile.TemporaryDirectory() as folder:
        case = CaseFile.open(Path(folder) / "merge.case")
        try:
            for n in range(3):
                case.add_extraction(extraction(n))
            app = Workbench(case)
            app.show("Claims")
            panel = app.panel("Claims")
            app.refresh(also=panel, carry=True)
            named = {a.name: a.id for a in case.actors()}
            saudi, afp = named["Saudi Arabia"], named["AFP"]
            said_by = {c.id for c in case.claims() if c.speaker == saudi}
            carried = {c.id for c in case.claims() if afp in c.channels}
            assert said_by and carried and not said_by & carried
            case.merge_actors(saudi, [afp])  # AFP's claims now name Saudi Arabia
            app.refresh(also=panel, carry=True)
            assert panel.last_touched == carried
            case.undo()
            app.refresh(also=panel, carry=True)
            assert panel.last_touched == carried
            case.update_actor(saudi, name="Kingdom of Saudi Arabia")  # its rows name it
            app.refresh(also=panel, carry=True)
            assert panel.last_touched == said_by
            app.close()
        finally:
            case.close()
