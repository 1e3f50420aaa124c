"""The classroom exercise: two reports of one (invented) story, and tasks a student checks.

The articles (`sample_articles/exercise-port-fire-*.txt`) were written so that the
extraction leaves real work, verified on the real model (tests/views/test_exercise.py):
the governor is two actors (Karim Haddad, Kareem Hadad: the alias rules do not join the
spellings), the second report's lead claim is given to the agency that carried it (AFP)
instead of the minister who made it, one claim rests on a single unnamed source, and "asked
not to be named" is taken for a claim.

Each task is checked against the student's own case, read as it stands: `check_task`
answers done or not yet, with a hint that points at where to look, never at the answer.
The same checks fill the teacher's progress table (`class_view`). No widgets here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..case.records import CaseArticle, CaseClaim
from ..errors import WorkbenchError
from ..ingest import read_articles
from ..model import ClaimStatus, ReviewStatus
from ..workflow import Case

FILES = ("exercise-port-fire-1.txt", "exercise-port-fire-2.txt")


def samples_dir() -> Path:
    """The repository's sample_articles/ (as the Load panel finds it)."""
    return Path(__file__).resolve().parents[2] / "sample_articles"


def exercise_files(folder: Path | None = None) -> list[Path]:
    folder = folder or samples_dir()
    return [folder / name for name in FILES]


@dataclass(frozen=True)
class Verdict:
    done: bool
    message: str  # what the student reads: "Done: ..." or a hint


@dataclass(frozen=True)
class Articles:
    """The exercise's two articles as the student's case holds them (None if missing)."""

    first: CaseArticle | None
    second: CaseArticle | None

    @property
    def complete(self) -> bool:
        return self.first is not None and self.second is not None


@lru_cache(maxsize=4)
def _texts(folder: Path | None) -> tuple[str, ...]:
    """The exercise articles' texts as a case stores them (read once: the app asks at each
    redraw whether its case is an exercise's)."""
    texts = []
    for path in exercise_files(folder):
        (article,) = read_articles(str(path))
        texts.append(article.text)
    return tuple(texts)


def find_articles(case: Case, folder: Path | None = None) -> Articles:
    """The exercise's articles in the case, found by their text (ids may differ)."""
    found = [case.find_article(text) for text in _texts(folder)]
    return Articles(found[0], found[1])


def is_exercise_case(case: Case, folder: Path | None = None) -> bool:
    """Whether the case holds an article of the exercise (the app then shows its Tasks)."""
    articles = find_articles(case, folder)
    return articles.first is not None or articles.second is not None


def add_articles(case: Case, folder: Path | None = None) -> int:
    """Add whichever exercise article the case lacks; how many were added."""
    added = 0
    for path in exercise_files(folder):
        (article,) = read_articles(str(path))
        if case.find_article(article.text) is None:
            case.add_article(article)
            added += 1
    return added


# --- reading the case --------------------------------------------------------------------------


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def _actor_of_mention(case: Case, article: CaseArticle, words: str) -> str | None:
    """The actor holding the first mention that covers `words` in the article."""
    start = article.text.find(words)
    if start < 0:
        return None
    end = start + len(words)
    for mention in case.mentions(article_id=article.id):
        if mention.start <= start and end <= mention.end:
            return mention.actor_id
    return None


def _names(case: Case, actor_id: str) -> set[str]:
    actor = case.actor(actor_id)
    forms = {actor.name, *actor.aliases}
    forms |= {m.text for m in case.mentions(actor_id=actor_id)}
    return {_fold(f) for f in forms}


def _claims_over(case: Case, article: CaseArticle, words: str) -> list[CaseClaim]:
    """The article's claims whose span overlaps `words` (rejected ones included)."""
    start = article.text.find(words)
    if start < 0:
        return []
    end = start + len(words)
    return [
        c
        for c in case.claims(article_id=article.id, include_rejected=True)
        if c.start < end and start < c.end
    ]


def _standing_claims_over(case: Case, article: CaseArticle, words: str) -> list[CaseClaim]:
    """The article's claims over `words` that are not rejected: what a task asks about."""
    return [c for c in _claims_over(case, article, words) if c.review is not ReviewStatus.REJECTED]


def _not_yet(hint: str) -> Verdict:
    """A task not done, and the hint that points at where to look (never at the answer)."""
    return Verdict(False, f"Not yet: {hint}")


def _gone(where: str) -> Verdict:
    """The claim a task is about was rejected (or its words removed): say how to get it back."""
    return _not_yet(f"the claim is gone (rejected?). {where}")


def _has_note(case: Case, claim_id: str) -> bool:
    return any(note.text.strip() for note in case.notes(target_id=claim_id))


# --- the tasks ---------------------------------------------------------------------------------

GOVERNOR = ("Karim Haddad", "Kareem Hadad")
OTHER_PEOPLE = ("Nadia Saleh", "Rami Khoury", "Omar Fares", "Samir Aoun")
MISATTRIBUTED = "rejected claims that a fire at Tripoli port was arson"
MINISTER = "Nadia Saleh"
SINGLE_SOURCE = "two men had been seen near the warehouse"
NOT_A_CLAIM = "asked not to be named"
# a status a single unnamed source allows: still being checked, or cannot be checked
SINGLE_SOURCE_OK = (ClaimStatus.IN_PROGRESS, ClaimStatus.UNVERIFIABLE)


def _one_governor(case: Case, articles: Articles) -> Verdict:
    assert articles.first is not None and articles.second is not None
    first = _actor_of_mention(case, articles.first, GOVERNOR[0])
    second = _actor_of_mention(case, articles.second, GOVERNOR[1])
    if first is None or second is None:
        return _not_yet(
            "a name in one of the reports is no longer marked as a person. "
            "Undo the last change in the Summary tab, or add the name back in the Article tab.",
        )
    if first != second:
        return _not_yet(
            "the same person appears in both reports, written two ways, and your "
            "case still has two actors for them. Compare the people in the Actors tab: "
            "who holds the same job in both reports?",
        )
    if case.actor(first).status is ReviewStatus.REJECTED:
        return _not_yet("you merged the right names, but the actor is rejected.")
    names = _names(case, first)
    if any(_fold(other) in names for other in OTHER_PEOPLE):
        return _not_yet(
            "the actor you made holds more than one person. Split off the names "
            "that belong to someone else (Actors tab).",
        )
    return Verdict(True, "Done: one person, one actor, whatever the spelling.")


def _who_said_it(case: Case, articles: Articles) -> Verdict:
    assert articles.second is not None
    claims = _standing_claims_over(case, articles.second, MISATTRIBUTED)
    if not claims:
        return _gone(
            "Restore it in the Claims tab (show the rejected ones), or add it again by "
            "selecting its words in the Article tab."
        )
    speakers = [c.speaker for c in claims]
    if any(s is not None and _fold(MINISTER) in _names(case, s) for s in speakers):
        return Verdict(True, "Done: the claim now has the speaker who made it.")
    if all(s is None for s in speakers):
        return _not_yet(
            "the claim has no named speaker, but the article names who is "
            "speaking. Read on to the next paragraph.",
        )
    types = {case.actor(s).type.value for s in speakers if s is not None}
    if types == {"media"}:
        return _not_yet(
            "a news agency carries words; did it make this claim? Find who the "
            "sentence says is speaking.",
        )
    return _not_yet(
        "read the first sentence of the second report again, and the one after "
        "it: whose words are these?",
    )


def _single_source(case: Case, articles: Articles) -> Verdict:
    assert articles.first is not None
    claims = _standing_claims_over(case, articles.first, SINGLE_SOURCE)
    if not claims:
        return _gone("It is a claim: restore it in the Claims tab (show the rejected ones).")
    statuses = {c.status for c in claims}
    if ClaimStatus.CORROBORATED in statuses:
        return _not_yet(
            "corroborated needs at least two independent sources. How many stand "
            "behind this claim, and are they named?",
        )
    if ClaimStatus.FALSE in statuses:
        return _not_yet("does anything in the two reports show it is false?")
    if ClaimStatus.DISPUTED in statuses:
        return _not_yet(
            "disputed means someone contradicts it. Does anyone in the two reports "
            "deny this particular claim?",
        )
    if ClaimStatus.UNVERIFIED in statuses and not statuses & set(SINGLE_SOURCE_OK):
        return _not_yet(
            "the claim still has the status every claim starts with. Decide what "
            "its sourcing allows and set it in the Claims tab.",
        )
    if not any(_has_note(case, c.id) for c in claims):
        return Verdict(
            False,
            "Almost: the status is sound. Now say why in a note (set the status again with a "
            "note): who is the source, and what would it take to check it?",
        )
    return Verdict(True, "Done: a status its sourcing allows, and why, in a note.")


def _not_a_claim(case: Case, articles: Articles) -> Verdict:
    assert articles.first is not None
    if _standing_claims_over(case, articles.first, NOT_A_CLAIM):
        return _not_yet(
            "one 'claim' in the first report is not a claim at all. Read each claim "
            "of that report as a sentence: did someone assert it?",
        )
    return Verdict(True, "Done: what no one asserted is no claim.")


@dataclass(frozen=True)
class Task:
    key: str
    title: str
    instruction: str
    check: Callable[[Case, Articles], Verdict]


TASKS = (
    Task(
        "merge",
        "One person, two spellings",
        "Someone appears in both reports under two spellings of one name, and the workbench "
        "made two actors of them. Find them in the Actors tab and merge them.",
        _one_governor,
    ),
    Task(
        "speaker",
        "Who really said it?",
        "In the second report, the workbench gave a claim to the wrong speaker. Find the "
        "claim whose speaker is not the person who made it, and set the right speaker in "
        "the Claims tab.",
        _who_said_it,
    ),
    Task(
        "single-source",
        "A claim on one source",
        "In the first report, the claim that two men were seen near the warehouse rests on "
        "a single source. Give it the status its sourcing allows, with a note saying why.",
        _single_source,
    ),
    Task(
        "not-a-claim",
        "Not a claim at all",
        "One of the first report's claims is no claim: nobody asserted it. Find it and "
        "reject it in the Claims tab.",
        _not_a_claim,
    ),
)

MISSING = (
    "The exercise's two reports are not in this case yet: press “Add the exercise's "
    "articles” (about half a minute)."
)


def check_task(case: Case, key: str, folder: Path | None = None) -> Verdict:
    """Check one task (by its key) against the case as it stands now."""
    task = next((t for t in TASKS if t.key == key), None)
    if task is None:
        raise WorkbenchError(f"no exercise task {key!r}")
    articles = find_articles(case, folder)
    if not articles.complete:
        return Verdict(False, MISSING)
    return task.check(case, articles)


def progress(case: Case, folder: Path | None = None) -> dict[str, bool] | None:
    """Each task's key -> done, for the teacher; None when the case lacks the articles."""
    articles = find_articles(case, folder)
    if not articles.complete:
        return None
    return {task.key: task.check(case, articles).done for task in TASKS}


def task_titles() -> Iterable[tuple[str, str]]:
    return ((t.key, t.title) for t in TASKS)
