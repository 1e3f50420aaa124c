"""Arabic attribution: spokesmen and heads of bodies no gazetteer lists, compound given
names, and an outlet's source named after the content (no model: fast tier)."""

from __future__ import annotations

import datetime

from workbench.extract.arabic import extract_arabic
from workbench.model import Article


def extract(text: str):
    return extract_arabic(
        Article(id="t", text=text, published=datetime.date(2019, 8, 3), language="ar")
    )


def _speaker(extraction):
    (claim,) = extraction.claims
    by_id = {a.id: a for a in extraction.actors}
    return claim, by_id.get(claim.speaker) if claim.speaker else None, by_id


def test_a_spokesman_described_before_his_body_is_the_speaker_not_the_body():
    x = extract("قال المتحدث العسكري باسم الحوثيين يحيى سريع إن «الهجوم نجح».")
    claim, speaker, _ = _speaker(x)
    assert speaker is not None and speaker.type.value == "person"
    assert [m.text for m in speaker.mentions] == ["يحيى سريع"]
    assert speaker.roles == ("المتحدث العسكري باسم الحوثيين",)


def test_the_head_of_a_body_no_gazetteer_knows_is_the_name_after_it():
    x = extract("وقال رئيس الائتلاف الوطني السوري أنس العبدة إن المفاوضات متعثرة.")
    _, speaker, _ = _speaker(x)
    assert speaker is not None and [m.text for m in speaker.mentions] == ["أنس العبدة"]


def test_a_compound_given_name_is_not_cut():
    x = extract("قال الناطق باسم الحوثيين محمد عبد السلام إن الرد قادم.")
    _, speaker, _ = _speaker(x)
    assert speaker is not None and [m.text for m in speaker.mentions] == ["محمد عبد السلام"]


def test_an_outlets_source_named_after_the_content_speaks_through_it():
    x = extract("وذكرت صحيفة «الشرق الأوسط» أن الحرائق أخمدت، وفقاً لمصادر في الشركة.")
    claim, speaker, by_id = _speaker(x)
    assert speaker is None and claim.speaker_text == "مصادر في الشركة"
    assert [by_id[c].name for c in claim.channels] == ["Asharq Al-Awsat"]
    assert claim.text == "الحرائق أخمدت"


def test_a_named_source_after_the_content_speaks_and_the_outlet_carried_it():
    x = extract("وذكرت وكالة الأناضول أن سبعة مدنيين قتلوا، بحسب المرصد السوري لحقوق الإنسان.")
    claim, speaker, by_id = _speaker(x)
    assert speaker is not None and speaker.name == "Syrian Observatory for Human Rights"
    assert [by_id[c].name for c in claim.channels] == ["Anadolu Agency"]


def test_a_person_keeps_his_claim_and_an_outlet_after_it_is_a_channel():
    x = extract("وقال وزير الخارجية السوري وليد المعلم إن الحل سياسي، بحسب وكالة سانا.")
    claim, speaker, by_id = _speaker(x)
    assert speaker is not None and speaker.type.value == "person"
    assert [by_id[c].name for c in claim.channels] == ["Syrian Arab News Agency"]
