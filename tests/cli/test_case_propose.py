"""`workbench case propose`: the passages of a claim's outlet's own Arabic article, best
first, each with the command that accepts it."""

from __future__ import annotations

import datetime
import shlex

from workbench import Case
from workbench.cli import main
from workbench.extract.arabic import extract_arabic
from workbench.model import Actor, ActorType, Article, Claim, ClaimKind, Extraction, Mention

ENGLISH = "Lebanese Daily Al-Akhbar reported that Abdel Fattah el-Sisi received Ali Mamlouk."


def _english() -> Extraction:
    def actor(n: int, name: str, kind: ActorType) -> Actor:
        start = ENGLISH.index(name)
        return Actor(f"a{n}", name, kind, mentions=(Mention(start, start + len(name), name),))

    content = "Abdel Fattah el-Sisi received Ali Mamlouk"
    start = ENGLISH.index(content)
    claim = Claim("c1", content, start, start + len(content), ClaimKind.INDIRECT,
                  cue="reported", speaker="a1", speaker_text="Al-Akhbar", channels=("a1",))  # fmt: skip
    actors = (
        actor(1, "Al-Akhbar", ActorType.MEDIA),
        actor(2, "Abdel Fattah el-Sisi", ActorType.PERSON),
        actor(3, "Ali Mamlouk", ActorType.PERSON),
    )
    return Extraction(Article(id="en", text=ENGLISH), actors=actors, claims=(claim,))


def test_propose_prints_the_arabic_passage_and_how_to_accept_it(tmp_path, samples_dir, capsys):
    body = (samples_dir / "mamlouk-visits-cairo-ar.txt").read_text(encoding="utf-8")
    body = body.split("\n\n", 1)[1]
    arabic = Article(id="ar", text=body, published=datetime.date(2016, 10, 17),
                     outlet="Al-Akhbar", language="ar")  # fmt: skip
    path = tmp_path / "story.case"
    with Case.open(path) as case:
        case.add_extraction(_english())
        case.add_extraction(extract_arabic(arabic))
        claim_id = next(c.id for c in case.claims() if c.article_id == "en")
    assert main(["case", "propose", str(path), claim_id]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("1. ar [") and "Abdel Fattah el-Sisi" in out[0]
    assert "عبد الفتاح السيسي استقبل المملوك" in out[1]
    accept = shlex.split(out[2].split("accept: ", 1)[1])
    assert accept[:5] == ["workbench", "case", "link", str(path), claim_id]
    assert main(accept[1:]) == 0  # the printed command links the claim
    with Case.open(path) as case:
        (link,) = case.links(claim_id)
        assert link.relation.value == "corroborates" and "السيسي" in (link.note or "")


def test_propose_for_an_unknown_claim_is_a_clean_error(tmp_path, capsys):
    path = tmp_path / "empty.case"
    with Case.open(path):
        pass
    assert main(["case", "propose", str(path), "C9"]) == 2
    assert "no claim 'C9'" in capsys.readouterr().err
