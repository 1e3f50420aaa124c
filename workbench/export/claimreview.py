"""schema.org ClaimReview JSON-LD for each checked claim (https://schema.org/ClaimReview).

A claim is "checked" once a person gave it a verdict: corroborated, disputed, false or
unverifiable (unverified and in-progress claims have none; rejected claims are not claims).
Each review says:

- `claimReviewed`: the words of the claim; `itemReviewed`: a `Claim` whose `author` is the
  speaker (a Person, or an Organization for a state, a body or an outlet; an unnamed
  source keeps the article's words for it), whose `firstAppearance` is the first outlet of
  its chain (or the article when the claim has no outlet chain) and whose `appearance`s
  are the other outlets, the article itself and the sources a person linked as reporting it;
- `reviewRating`: the verification status, named in `alternateName` (what fact-check
  readers show), with a value on a three-step scale where the status is a verdict on truth;
- `reviewBody`: the reviewer's latest note on the claim, with its author and date.

Only the properties schema.org's vocabulary gives these types are used
(tests/export/test_claimreview.py checks each against a shipped subset of it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import ActorType, ClaimStatus, ReviewStatus, SourceRelation
from .common import replacing

if TYPE_CHECKING:
    from ..analysis import CaseReader
    from ..case import CaseActor, CaseArticle, CaseClaim

CONTEXT = "https://schema.org"

VERDICTS = {
    ClaimStatus.FALSE: ("False", 1),
    ClaimStatus.DISPUTED: ("Disputed", 2),
    ClaimStatus.CORROBORATED: ("Corroborated", 3),
    ClaimStatus.UNVERIFIABLE: ("Unverifiable", None),
}


def _party(actor: CaseActor | None, fallback: str | None) -> dict[str, Any] | None:
    if actor is None:
        return {"@type": "Person", "name": fallback} if fallback else None
    kind = "Person" if actor.type is ActorType.PERSON else "Organization"
    return {"@type": kind, "name": actor.name}


def _outlet_work(actor: CaseActor) -> dict[str, Any]:
    return {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": actor.name}}


def _article_work(article: CaseArticle) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title or article.id}
    if article.url:
        work["url"] = article.url
    if article.published:
        work["datePublished"] = article.published.isoformat()
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work


def _rating(status: ClaimStatus) -> dict[str, Any]:
    name, value = VERDICTS[status]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": name}
    if value is not None:
        rating.update(ratingValue=value, worstRating=1, bestRating=3)
    return rating


def claim_review(
    case: CaseReader, claim: CaseClaim, *, actors: dict[str, CaseActor], article: CaseArticle
) -> dict[str, Any]:
    """One ClaimReview object (without its @context) for a checked claim."""
    chain = [actors[a] for a in claim.channels if a in actors]
    item: dict[str, Any] = {"@type": "Claim", "text": claim.text}
    author = _party(actors.get(claim.speaker or ""), claim.speaker_text)
    if author is not None:
        item["author"] = author
    if article.published:
        item["datePublished"] = article.published.isoformat()
    appearances = [_outlet_work(a) for a in chain[1:]] + [_article_work(article)]
    item["firstAppearance"] = _outlet_work(chain[0]) if chain else appearances.pop()
    for link in case.links(claim.id):
        if link.relation is not SourceRelation.REPORTED_BY:
            continue
        if link.url:
            appearances.append({"@type": "CreativeWork", "url": link.url})
        elif link.actor_id in actors:
            appearances.append(_outlet_work(actors[link.actor_id]))
    if appearances:
        item["appearance"] = appearances
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"urn:workbench:{case.path.stem}:claim:{claim.id}",
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": _rating(claim.status),
    }
    notes = case.notes(claim.id)
    if notes:
        note = notes[-1]
        review["reviewBody"] = note.text
        if note.created_by:
            review["author"] = {"@type": "Person", "name": note.created_by}
        if note.created_at:
            review["datePublished"] = note.created_at[:10]
    return review


def claim_reviews(case: CaseReader) -> list[dict[str, Any]]:
    actors = {a.id: a for a in case.actors() if a.status is not ReviewStatus.REJECTED}
    articles = {a.id: a for a in case.articles()}
    return [
        claim_review(case, claim, actors=actors, article=articles[claim.article_id])
        for claim in case.claims()
        if claim.status in VERDICTS and claim.review is not ReviewStatus.REJECTED
    ]


def claimreview_document(case: CaseReader) -> dict[str, Any]:
    """Every checked claim's review, as one JSON-LD document (`@graph`)."""
    return {"@context": CONTEXT, "@graph": claim_reviews(case)}


def claimreview_json(case: CaseReader) -> str:
    """The document as JSON text that is safe inside a web page's
    `<script type="application/ld+json">`, where publishers put ClaimReview: article text
    is hostile, and a "</script>" in a claim would end the script. `<`, `>` and `&` are
    written as JSON escapes, which read back as the same characters."""
    text = json.dumps(claimreview_document(case), ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def write_claimreview(case: CaseReader, path: str | os.PathLike[str]) -> Path:
    with replacing(path) as handle:
        handle.write(claimreview_json(case))
    return Path(path)
