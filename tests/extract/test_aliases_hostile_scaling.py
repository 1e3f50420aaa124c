"""Name clustering stays about linear in the mentions of one name (review session 10, F6).

A piece saying "Assad" a thousand times: each short form was compared with every earlier
mention of its cluster (the cluster's longest name looked up again, the nearest earlier
mention searched again), so the work grew with the square of the mentions. Measured in
executed lines of aliases.py (a count, not a clock): twice the mentions must cost under
two and a half times the lines (3.3 times before the fix, 2.0 after).
"""

from __future__ import annotations

from line_counting import lines_run

from workbench.extract import aliases as aliases_module
from workbench.extract.actor_mentions import candidates_of
from workbench.extract.actor_types import classify
from workbench.extract.aliases import cluster_names
from workbench.model import ActorType

_OPENING = "President Bashar al-Assad met Hafez Makhlouf in Damascus. "
_UNIT = "Assad said so. "


def _clustering_lines(nlp, repeats: int) -> tuple[int, int]:
    doc = nlp(_OPENING + _UNIT * repeats)
    mentions = candidates_of(doc)
    for mention in mentions:
        classify(mention)
    names = [
        m for m in mentions if not m.key and m.type in (ActorType.PERSON, ActorType.ORGANIZATION)
    ]
    count, clusters = lines_run({aliases_module.__file__}, lambda: cluster_names(names))
    assads = max(clusters, key=lambda c: len(c.mentions))
    return count, len(assads.mentions)


def test_twice_the_short_forms_cost_about_twice_the_work(nlp):
    small = 150
    lines_small, joined_small = _clustering_lines(nlp, small)
    lines_large, joined_large = _clustering_lines(nlp, 2 * small)
    # the short forms joined the full name, or the test measures nothing
    assert joined_small >= small and joined_large >= 2 * small
    assert lines_large < 2.5 * lines_small, (lines_small, lines_large)


def _definite_head_lines(nlp, repeats: int) -> tuple[int, int]:
    from workbench.extract import short_forms as short_forms_module
    from workbench.extract.actors import extract_actors

    doc = nlp("The Syrian Observatory for Human Rights said the Observatory counted. " * repeats)
    count, actors = lines_run({short_forms_module.__file__}, lambda: extract_actors(doc))
    observatory = max(actors, key=lambda a: len(a.mentions))
    return count, len(observatory.mentions)


def test_twice_the_definite_heads_cost_about_twice_the_work(nlp):
    # the body and "the Observatory" a hundred times each: each finds the body named
    # before by a bisection of its head word's mentions, not by reading every head of the
    # article (session 11)
    small = 60
    lines_small, joined_small = _definite_head_lines(nlp, small)
    lines_large, joined_large = _definite_head_lines(nlp, 2 * small)
    assert joined_small >= small and joined_large >= 2 * small
    assert lines_large < 2.5 * lines_small, (lines_small, lines_large)
