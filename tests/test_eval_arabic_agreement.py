"""Agreement between two annotators of the same Arabic texts (eval/arabic_agreement.py):
one annotator's gold read as a system's output and scored by eval.arabic's scorers, each way."""

from __future__ import annotations

import copy
import json

import pytest

from eval import arabic_agreement
from eval.arabic import ARABIC_DIR, SPLITS, build, load
from eval.arabic_agreement import AGREEMENT_DIR, AgreementError, agreement, as_extraction, pairs

TEXT = (
    "قال وزير الخارجية علي مملوك لقناة الميادين أمس الاثنين إن المحادثات مستمرة. "
    "وأضاف مملوك أن الوفد سيعود. "
    "ونقلت رويترز عن مصدر مطلع أن الاتفاق قريب. "
    "وقال خالد فوزي في 17 أكتوبر 2016 إن «القاهرة لن تتراجع»."
)


def _span(text: str, words: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words)}


def _actor(name: str, kind: str, *forms: str) -> dict:
    return {"name": name, "type": kind, "aliases": sorted(forms),
            "mentions": [{**_span(TEXT, f), "text": f} for f in forms]}  # fmt: skip


def _claim(words: str, kind: str, speaker: str | None, channels: list[str]) -> dict:
    return {"text": words, **_span(TEXT, words), "kind": kind, "speaker": speaker,
            "speaker_text": None, "channels": channels}  # fmt: skip


def _date(words: str, value: str, precision: str = "day") -> dict:
    return {"date_text": words, **_span(TEXT, words), "date": value, "precision": precision,
            "date_end": None}  # fmt: skip


def annotation() -> dict:
    return {
        "id": "t1", "title": None, "published": "2016-10-18", "text": TEXT,
        "optional_mentions": [],
        "actors": [
            _actor("Ali Mamlouk", "person", "علي مملوك", "مملوك"),
            _actor("Al Mayadeen", "media", "الميادين"),
            _actor("Reuters", "media", "رويترز"),
            _actor("Khaled Fawzy", "person", "خالد فوزي"),
        ],
        "claims": [
            _claim("المحادثات مستمرة", "indirect", "Ali Mamlouk", ["Al Mayadeen"]),
            _claim("الوفد سيعود", "indirect", "Ali Mamlouk", ["Al Mayadeen"]),
            _claim("الاتفاق قريب", "indirect", None, ["Reuters"]),
            _claim("القاهرة لن تتراجع", "direct", "Khaled Fawzy", []),
        ],
        "events": [_date("أمس الاثنين", "2016-10-17"), _date("17 أكتوبر 2016", "2016-10-17")],
    }  # fmt: skip


def _value(found: dict, side: str, measure: str) -> float:
    return found[side][measure]["value"]


def _counts(row: dict, *keys: str) -> tuple[int, ...]:
    return tuple(row[k] for k in keys)


def test_an_annotation_against_itself_agrees_on_every_measure():
    found = agreement([(annotation(), annotation())])
    for side in ("A as reference", "B as reference"):
        for measure in ("named mentions F1 (tolerant)", "Latin name right", "claims F1 (0.3 overlap)",
                        "speaker accuracy", "channel accuracy", "calendar dates right"):  # fmt: skip
            assert _value(found, side, measure) == 1.0, (side, measure)
    assert found["A as reference"]["speaker accuracy"]["total"] == 4
    assert found["differences"] == []


def test_one_claim_dropped_by_b_is_one_miss_one_way_and_one_false_alarm_the_other():
    b = annotation()
    del b["claims"][1]
    found = agreement([(annotation(), b)])
    a_ref, b_ref = found["A as reference"], found["B as reference"]
    assert _counts(a_ref["claims F1 (0.3 overlap)"], "tp", "fp", "fn") == (3, 0, 1)
    assert _counts(b_ref["claims F1 (0.3 overlap)"], "tp", "fp", "fn") == (3, 1, 0)
    # F1 = 2 * 3 / (2 * 3 + 1): the same both ways, precision and recall trading places
    assert a_ref["claims F1 (0.3 overlap)"]["value"] == b_ref["claims F1 (0.3 overlap)"]["value"]
    assert a_ref["claims F1 (0.3 overlap)"]["value"] == pytest.approx(6 / 7, abs=1e-4)
    assert (a_ref["claims recall"]["value"], b_ref["claims precision"]["value"]) == (0.75, 0.75)
    # speakers and channels count over the claims both annotators have
    assert (a_ref["speaker accuracy"]["right"], a_ref["speaker accuracy"]["total"]) == (3, 3)
    assert any("missed claim" in p and "الوفد سيعود" in p for p in found["differences"])


def test_speaker_channel_date_and_latin_name_differences_are_counted_each_way():
    b = annotation()
    b["claims"][1]["speaker"] = "Khaled Fawzy"  # another speaker
    b["claims"][2]["channels"] = []  # the relaying outlet left out
    b["events"] = b["events"][:1]  # one date not annotated
    b["events"][0]["date"] = "2016-10-16"  # ... and the other read as another day
    b["actors"][3]["name"] = "Khald Fouzi"  # the same consonants
    b["actors"][2]["name"] = "Anadolu"  # another name
    for claim in b["claims"]:
        claim["speaker"] = "Khald Fouzi" if claim["speaker"] == "Khaled Fawzy" else claim["speaker"]
    found = agreement([(annotation(), b)])
    a_ref, b_ref = found["A as reference"], found["B as reference"]
    for side in (a_ref, b_ref):
        assert (side["speaker accuracy"]["right"], side["speaker accuracy"]["total"]) == (3, 4)
        assert (side["channel accuracy"]["right"], side["channel accuracy"]["total"]) == (3, 4)
        assert (side["Latin name right"]["right"], side["Latin name right"]["total"]) == (2, 4)
        assert side["Latin name, same consonants"]["right"] == 3
    # dates count over the reference's dates: asymmetric
    assert _counts(a_ref["calendar dates right"], "right", "total") == (0, 2)
    assert _counts(b_ref["calendar dates right"], "right", "total") == (0, 1)
    assert a_ref["date expressions F1"]["fn"] == 1 and b_ref["date expressions F1"]["fp"] == 1


def test_a_gold_read_as_an_extraction_keeps_its_speakers_channels_and_dates():
    extraction = as_extraction(annotation())
    names = {a.id: a.name for a in extraction.actors}
    assert [names.get(c.speaker) for c in extraction.claims] == [
        "Ali Mamlouk", "Ali Mamlouk", None, "Khaled Fawzy"]  # fmt: skip
    assert [tuple(names[i] for i in c.channels) for c in extraction.claims][2] == ("Reuters",)
    assert [str(e.date) for e in extraction.events] == ["2016-10-17", "2016-10-17"]


def test_two_annotations_of_other_texts_are_refused():
    other = annotation()
    other["id"] = "t2"
    with pytest.raises(AgreementError, match="same texts"):
        pairs([annotation()], [other])
    changed = annotation()
    changed["text"] = TEXT + " "
    with pytest.raises(AgreementError, match="not of the same text"):
        pairs([annotation()], [changed])


def test_the_command_says_one_line_and_exits_2_on_bad_input(monkeypatch, capsys):
    def broken():
        raise AgreementError("no fresh5 gold")

    monkeypatch.setattr(arabic_agreement, "fifth_set", broken)
    assert arabic_agreement.main([]) == 2
    assert capsys.readouterr().err == "error: no fresh5 gold\n"


B_GOLD = sorted(AGREEMENT_DIR.glob("*.json"))


@pytest.mark.parametrize("path", B_GOLD, ids=lambda p: p.stem)
def test_annotator_b_gold_is_its_sheet_of_the_same_text(path):
    stored = json.loads(path.read_text(encoding="utf-8"))
    built = json.loads(json.dumps(build(AGREEMENT_DIR / "src" / f"{path.stem}.ann")))
    assert built == stored, "run `python -m eval.arabic_agreement --build`"
    assert stored["text"] == (ARABIC_DIR / "src" / f"{path.stem}.txt").read_text(encoding="utf-8")


def test_the_second_annotation_is_no_gold_of_eval_arabic():
    assert len(B_GOLD) == 5
    read = load(ARABIC_DIR)  # what eval.arabic scores: the folder, not its subfolders
    assert len([g for g in read if g["id"].startswith("ar-fresh5-")]) == 5
    assert all(g.get("split") == "fresh5" for g in read if g["id"].startswith("ar-fresh5-"))
    # scored once (docs/arabic.md, "Fifth fresh set"): on its own line of python -m eval.arabic
    assert "fresh5" in SPLITS


def test_the_fifth_set_pairs_every_text_of_a_with_b():
    both = arabic_agreement.fifth_set()
    assert [a["id"] for a, _ in both] == [p.stem for p in B_GOLD]
    assert all(a is not b and a["text"] == b["text"] for a, b in both)
    found = agreement(copy.deepcopy(both))
    assert found["A as reference"]["claims F1 (0.3 overlap)"]["tp"] > 0
