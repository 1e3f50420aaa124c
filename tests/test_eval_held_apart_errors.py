"""`python -m eval --all-problems` lists what goes wrong on dev material only: the
held-apart articles measure only while nobody writing rules has read their errors (as the
held-apart probe sets go out by class only, tests/test_eval_probe_sets.py). The dates-only
sets are scored with a stand-in for the extraction here: no model runs."""

from __future__ import annotations

from eval.__main__ import ERRORS_SHOWN
from eval.gold_dates import DATES_DIR, load, run
from eval.scoring import ArticleScores, DateScores


def test_only_dev_datasets_list_their_errors():
    assert "dev set" in ERRORS_SHOWN
    assert not any("held" in name or "GUM" in name for name in ERRORS_SHOWN)


def test_the_held_apart_dates_errors_are_not_printed(capsys):
    dev_ids = {g["id"] for g in load(DATES_DIR)}

    def evaluate(golds):
        wrong = [
            ArticleScores(dates=DateScores(problems=(f"missed date in {g['id']}",))) for g in golds
        ]
        return {"ours": wrong, "baseline": [ArticleScores()] * len(golds)}

    run(evaluate, all_problems=True)
    listed = {
        line.split(" in ", 1)[1].strip()
        for line in capsys.readouterr().out.splitlines()
        if line.strip().startswith("missed date in ")
    }
    assert listed == dev_ids


def test_all_problems_lists_every_dev_article_and_no_held_apart_one(capsys):
    # the flag once tested the last subset's name ("dev set, Syria/Iraq ...") instead of
    # the dataset's, so the dev set's errors were never listed
    from eval.__main__ import print_problems

    per_article = {"a": {"problems": ["missed claim x"]}, "b": {"problems": []}}
    print_problems("dev set", per_article, all_problems=True)
    out = capsys.readouterr().out
    assert "-- a: what we get wrong" in out and "missed claim x" in out
    assert "-- b: what we get wrong" in out
    print_problems("held apart", per_article, all_problems=True)
    assert "what we get wrong" not in capsys.readouterr().out
