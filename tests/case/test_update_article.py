"""Correcting an article's publication date, outlet and title (`Case.update_article`)."""

from __future__ import annotations

import datetime

import pytest
from case_builders import build_extraction

from workbench import Case
from workbench.dates import DateError
from workbench.errors import CaseError
from workbench.model import Article, Extraction

TEXT = (
    "Envoy visits Cairo\n\n"
    "Ali Mamlouk arrived in Cairo yesterday, SANA said. "
    "He met Khaled Fawzy three days ago."
)


class DateExtractor:
    """Resolves "yesterday" and "three days ago" against the article's publication date,
    as the real extractor does, without spaCy."""

    model = "stub-dates"

    def __init__(self) -> None:
        self.calls = 0

    def extract(self, article: Article) -> Extraction:
        self.calls += 1
        published = article.published or datetime.date(2016, 10, 17)
        extraction = build_extraction(
            article.id,
            TEXT,
            actors=[("Ali Mamlouk", "person", []), ("SANA", "media", [])],
            claims=[{"text": "Ali Mamlouk arrived in Cairo yesterday", "speaker": "SANA"}],
            events=[
                {"date_text": "yesterday", "date": str(published - datetime.timedelta(days=1))},
                {
                    "date_text": "three days ago",
                    "date": str(published - datetime.timedelta(days=3)),
                },
            ],
            published=article.published,
            outlet=article.outlet,
        )
        return Extraction(
            article=article,
            actors=extraction.actors,
            claims=extraction.claims,
            events=extraction.events,
        )


@pytest.fixture
def dated(case: Case) -> Case:
    case._extractor_cache = DateExtractor()
    case.add_extraction(
        DateExtractor().extract(Article(id="envoy", text=TEXT, published="2016-10-17")),
        model="stub-dates",
    )
    return case


def _dates(case: Case) -> dict[str, str]:
    return {e.date_text: str(e.date) for e in case.events()}


def test_a_new_publication_date_moves_relative_dates(dated: Case) -> None:
    assert _dates(dated) == {"yesterday": "2016-10-16", "three days ago": "2016-10-14"}
    article = dated.update_article("envoy", published="2016-10-20")
    assert str(article.published) == "2016-10-20"
    assert _dates(dated) == {"yesterday": "2016-10-19", "three days ago": "2016-10-17"}
    (entry,) = [h for h in dated.history() if h.action == "update_article"]
    assert entry.target == "envoy"
    assert entry.before["article"]["published"] == "2016-10-17"
    assert entry.after["article"]["published"] == "2016-10-20"


def test_an_edited_event_and_reviewed_claim_keep_their_values(dated: Case) -> None:
    event = next(e for e in dated.events() if e.date_text == "yesterday")
    dated.update_event(event.id, date="2016-10-01", summary="arrival")
    claim = dated.claims()[0]
    dated.set_claim_status(claim.id, "corroborated", note="seen on SANA")
    actor = next(a for a in dated.actors() if a.name == "Ali Mamlouk")
    dated.update_actor(actor.id, name="Ali Mamlouk (NSB)", status="confirmed")
    dated.update_article("envoy", published="2016-10-20")
    assert str(dated.event(event.id).date) == "2016-10-01"
    assert dated.event(event.id).summary == "arrival"
    assert _dates(dated)["three days ago"] == "2016-10-17"
    assert dated.claim(claim.id).status.value == "corroborated"
    assert [n.text for n in dated.notes(claim.id)] == ["seen on SANA"]
    kept = dated.actor(actor.id)
    assert (kept.name, kept.status.value) == ("Ali Mamlouk (NSB)", "confirmed")


def test_undo_restores_the_old_date_and_events(dated: Case) -> None:
    events_before = [e.to_dict() for e in dated.events()]
    mentions_before = [m.to_dict() for m in dated.mentions()]
    claims_before = [c.to_dict() for c in dated.claims()]
    actors_before = [a.to_dict() for a in dated.actors()]
    dated.update_article("envoy", published="2016-10-20", outlet="AFP")
    assert dated.undo().action == "update_article"
    assert str(dated.article("envoy").published) == "2016-10-17"
    assert dated.article("envoy").outlet is None
    assert [e.to_dict() for e in dated.events()] == events_before
    assert [m.to_dict() for m in dated.mentions()] == mentions_before
    assert [c.to_dict() for c in dated.claims()] == claims_before
    assert [a.to_dict() for a in dated.actors()] == actors_before


def test_outlet_and_title_change_only_those_fields(dated: Case) -> None:
    extractor = dated._extractor_cache
    before = dated.article("envoy").to_dict()
    events = [e.to_dict() for e in dated.events()]
    article = dated.update_article("envoy", outlet=" Reuters ", title="Envoy in Cairo")
    assert extractor.calls == 0  # no new date: nothing to extract again
    assert {k: v for k, v in article.to_dict().items() if k not in ("outlet", "title")} == {
        k: v for k, v in before.items() if k not in ("outlet", "title")
    }
    assert (article.outlet, article.title) == ("Reuters", "Envoy in Cairo")
    assert [e.to_dict() for e in dated.events()] == events
    dated.undo()
    assert dated.article("envoy").to_dict() == before


@pytest.mark.parametrize("bad", ["17/10/2016", "2016-10", "2016-02-30", "yesterday", ""])
def test_a_bad_publication_date_is_refused_and_nothing_written(dated: Case, bad: str) -> None:
    history = len(dated.history())
    with pytest.raises(DateError, match="YYYY-MM-DD"):
        dated.update_article("envoy", published=bad)
    assert str(dated.article("envoy").published) == "2016-10-17"
    assert len(dated.history()) == history


def test_nothing_to_change_is_refused(dated: Case) -> None:
    with pytest.raises(CaseError, match="nothing to change"):
        dated.update_article("envoy")
