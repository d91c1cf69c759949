"""CAS XMI for INCEpTION: read back by dkpro-cassis itself, and round trip record by record."""

from __future__ import annotations

import json

import pytest

from tui.formats.xmi import CLAIM, NAMED_ENTITY, RELATION, SENTENCE, TOKEN, export_xmi
from tui.formats.xmi_import import read_xmi
from tui.store import Store

cassis = pytest.importorskip("cassis")


def test_cassis_loads_every_document_with_dkpro_types(awkward, tmp_path):
    report = export_xmi(awkward, tmp_path)
    with (tmp_path / "TypeSystem.xml").open("rb") as stream:
        typesystem = cassis.load_typesystem(stream)
    texts = {d["id"]: d["text"] for d in awkward["documents"]}
    entities = 0
    for file in sorted(tmp_path.glob("*.xmi")):
        with file.open("rb") as stream:
            cas = cassis.load_cas_from_xmi(stream, typesystem=typesystem)
        document = next(iter(cas.select("webanno.custom.NewsmarkDocument")))
        text = texts[document.documentId]
        assert len(cas.sofa_string) == len(text)
        for fs in cas.select(NAMED_ENTITY):
            assert fs.get_covered_text() == text[fs.begin : fs.end]
            entities += 1
        assert list(cas.select(SENTENCE)) and list(cas.select(TOKEN))
        tokens = [t.get_covered_text() for t in cas.select(TOKEN)]
        assert not any(t[:1] in ("\u0301", "\u0308", "\u200d") for t in tokens)
    assert entities == 10 and report.annotations == 12 and report.relations == 2
    assert "\ufffd" not in "".join(texts.values())


def test_claims_and_relations_use_the_custom_layers(awkward, tmp_path):
    export_xmi(awkward, tmp_path)
    with (tmp_path / "TypeSystem.xml").open("rb") as stream:
        typesystem = cassis.load_typesystem(stream)
    with (tmp_path / "awkward_crlf.txt.xmi").open("rb") as stream:
        cas = cassis.load_cas_from_xmi(stream, typesystem=typesystem)
    (claim,) = cas.select(CLAIM)
    assert (claim.claimType, claim.stance, claim.speaker) == (
        "assertion",
        "disputed",
        "Acme\x85Corp",
    )
    (relation,) = cas.select(RELATION)
    assert relation.label == "said_by" and relation.Governor.xmiID == claim.xmiID
    assert (
        relation.Dependent.identifier == "urn:newsmark:entity:0b7c1a1e-0000-4000-8000-000000000001"
    )


def test_xmi_round_trip_record_by_record(awkward_db, tmp_path):
    with Store.open(awkward_db, read_only=True) as store:
        snapshot = store.snapshot()
    export_xmi(snapshot, tmp_path)
    imported = read_xmi(tmp_path)
    assert imported.warnings == []
    documents = {d["id"]: d for d in imported.documents}
    for document in snapshot["documents"]:
        back = documents[document["id"]]
        assert back["text"] == document["text"]  # CRLF, U+0085, U+2028 and the form feed kept
        assert (back["title"], back["metadata"]) == (document["title"], document["metadata"])
    got = {(a["document_id"], a["start"], a["end"], a["label"]): a for a in imported.annotations}
    placed = [a for a in snapshot["annotations"] if a["state"] == "ok"]
    assert len(got) == len(placed)
    for annotation in placed:
        back = got[
            (annotation["document_id"], annotation["start"], annotation["end"], annotation["label"])
        ]
        assert back["kind"] == annotation["kind"]
        assert back["entity_id"] == annotation["entity_id"]
        assert json.dumps(back["attributes"], sort_keys=True) == json.dumps(
            annotation["attributes"], sort_keys=True
        )
    ids = {a["id"]: (a["document_id"], a["start"], a["end"]) for a in imported.annotations}
    by_id = {a["id"]: (a["document_id"], a["start"], a["end"]) for a in snapshot["annotations"]}
    relations = sorted((ids[r["from"]], ids[r["to"]], r["type"]) for r in imported.relations)
    assert relations == sorted(
        (by_id[r["from"]], by_id[r["to"]], r["type"])
        for r in snapshot["relations"]
        if r["type"] == "said_by"
    )


def test_the_process_pool_writes_the_same_files(awkward, tmp_path, monkeypatch):
    import tui.formats.xmi as xmi

    serial = export_xmi(awkward, tmp_path / "serial")
    monkeypatch.setattr(xmi, "PARALLEL_FROM", 1)
    monkeypatch.setattr(xmi.os, "cpu_count", lambda: 2)
    pooled = export_xmi(awkward, tmp_path / "pooled")
    assert serial.lines() == pooled.lines()
    for file in (tmp_path / "serial").iterdir():
        assert (tmp_path / "pooled" / file.name).read_bytes() == file.read_bytes()


def test_an_inception_style_zip_imports_through_the_cli(tmp_path):
    """A CAS made with the DKPro types only (as INCEpTION exports it), zipped with its types."""
    import zipfile

    from click.testing import CliRunner

    from tui.cli import cli

    typesystem = cassis.load_dkpro_core_typesystem()
    metadata = typesystem.create_type(
        "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData",
        supertypeName="uima.tcas.DocumentAnnotation",
    )
    for name in ("documentTitle", "documentId"):
        typesystem.create_feature(metadata, name, "uima.cas.String")
    cas = cassis.Cas(typesystem=typesystem)
    cas.sofa_string = "Zoe\u0308 Lee met \U0001f680 Acme in Berlin.\r\nThe end."
    cas.add(metadata(begin=0, end=len(cas.sofa_string), documentTitle="t", documentId="inc/1.txt"))
    entity = typesystem.get_type(NAMED_ENTITY)
    text = cas.sofa_string
    rocket, berlin = text.index("\U0001f680"), text.index("Berlin")
    cas.add(entity(begin=0, end=8, value="PER"))
    cas.add(entity(begin=rocket, end=rocket + 6, value="ORG", identifier="http://x.org/Q1"))
    cas.add(entity(begin=berlin, end=berlin + 6, value="LOC"))
    archive = tmp_path / "inception-export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("curation/inc1.xmi", cas.to_xmi())
        out.writestr("TypeSystem.xml", typesystem.to_xml())
    db = tmp_path / "db.json"
    result = CliRunner().invoke(cli, ["import", str(archive), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(db, read_only=True) as store:
        (document,) = store.documents()
        spans = [(a["exact"], a["label"]) for a in store.annotations()]
    assert document["id"] == "inc/1.txt" and document["title"] == "t"
    assert spans == [("Zoe\u0308 Lee", "PER"), ("\U0001f680 Acme", "ORG"), ("Berlin", "LOC")]


def test_many_files_are_read_in_a_process_pool_with_the_same_records(
    awkward, tmp_path, monkeypatch
):
    """cassis takes ~25 ms a file (51 s for 2,138): from PARALLEL_FROM files they are read by
    the corpus's ordered process pool, and the records come back as one process reads them."""
    import tui.formats.xmi_import as xmi_import

    export_xmi(awkward, tmp_path / "out")
    alone = read_xmi(tmp_path / "out", label_kinds={"CLAIM": "claim"})
    pooled = []
    real = xmi_import.ordered_map

    def spy(fn, items, jobs):
        pooled.append(jobs)
        return real(fn, items, jobs)

    monkeypatch.setattr(xmi_import, "ordered_map", spy)
    monkeypatch.setattr(xmi_import, "PARALLEL_FROM", 1)
    monkeypatch.setattr(xmi_import, "local_cores", lambda: 2)
    together = read_xmi(tmp_path / "out", label_kinds={"CLAIM": "claim"})
    assert pooled == [2]
    for name in ("documents", "annotations", "relations", "warnings"):
        assert getattr(together, name) == getattr(alone, name), name
