"""Case format 4 drops the relations that only restated claims (told, reported_by): old case
files and old exports stop showing edges their claims no longer support."""

from __future__ import annotations

import json
from pathlib import Path

from analysis_builders import actor_id, claim_id, sisi_extraction, visit_extraction

from workbench import Case
from workbench.analysis import network_data
from workbench.case.migrations import FORMAT_VERSION
from workbench.case.store import Store
from workbench.export import export_case, import_case
from workbench.model import Extraction, Relation

RESTATED = {"told", "reported_by"}


def with_restated_relations(extraction: Extraction, *pairs: tuple[str, str, str]) -> Extraction:
    """The extraction as releases before format 4 stored it: attribution as relations too."""
    ids = {a.name: a.id for a in extraction.actors}
    extra = tuple(Relation(ids[s], ids[t], kind) for s, t, kind in pairs)
    return Extraction(
        article=extraction.article,
        actors=extraction.actors,
        claims=extraction.claims,
        events=extraction.events,
        relations=(*extraction.relations, *extra),
    )


def format_3_case(path: Path) -> Case:
    case = Case(Store.create_at_format(path, 3))
    case.add_extraction(
        with_restated_relations(visit_extraction(), ("AFP", "Middle East Eye", "reported_by"))
    )
    case.add_extraction(
        with_restated_relations(sisi_extraction(), ("Abdel Fattah el-Sisi", "Al-Akhbar", "told"))
    )
    return case


def kinds(case: Case) -> set[str]:
    return {r.kind for r in case.relations()}


def test_opening_an_old_case_drops_restated_relations_and_their_stale_edges(tmp_path):
    old = format_3_case(tmp_path / "old.case")
    # the claim is rejected: the stored "reported_by" copy of its chain would still show
    old.update_claim(claim_id(old, "Egyptian officials"), review="rejected")
    assert kinds(old) >= RESTATED
    old.remove_article("sisi")  # its undo data holds the "told" relation it deleted
    session = old.session
    old.close()

    with Case.open(tmp_path / "old.case", session=session) as case:
        assert case._store.format_version == FORMAT_VERSION  # noqa: SLF001
        assert kinds(case) == {"met", "visited"}
        afp, mee = actor_id(case, "AFP"), actor_id(case, "Middle East Eye")
        assert not [e for e in network_data(case).edges if {e.source, e.target} == {afp, mee}]
        # undoing the removal brings the article back without the dropped relation
        assert case.undo().action == "remove_article"
        assert kinds(case) == {"met", "visited", "received"}


def test_an_old_export_imports_without_restated_relations(tmp_path):
    old = format_3_case(tmp_path / "old.case")
    export_case(old, tmp_path / "old.json")
    old.close()
    data = json.loads((tmp_path / "old.json").read_text(encoding="utf-8"))
    assert data["case_format"] == 3
    assert {r["kind"] for r in data["tables"]["relations"]} >= RESTATED
    with import_case(tmp_path / "old.json", tmp_path / "new.case") as copy:
        assert kinds(copy) == {"met", "visited", "received"}
