"""doccano and Prodigy files read by (a faithful copy of) doccano's importer, and back by ours."""

from __future__ import annotations

import io
import json

from doccano_importer import doccano_import

from tui.formats.doccano import export_doccano, export_doccano_relations, export_prodigy
from tui.formats.jsonl import export_jsonl, read_jsonl


def _write(exporter, snapshot, **options):
    out = io.BytesIO()
    report = exporter(snapshot, out, **options)
    return out.getvalue().decode("utf-8"), report


def _placed(snapshot, document_id):
    return sorted(
        (a["start"], a["end"], a["label"])
        for a in snapshot["annotations"]
        if a["document_id"] == document_id and a["state"] == "ok"
    )


def test_doccano_sequence_labelling_imports_every_span(awkward):
    """Issue 10 #2: our JSONL imported into doccano with zero labels."""
    content, report = _write(export_doccano, awkward)
    result = doccano_import(content, allow_overlapping=True)
    assert result.errors == []
    for example, document in zip(result.examples, awkward["documents"], strict=True):
        assert example.text == document["text"]
        assert sorted(example.spans) == _placed(awkward, document["id"])
        assert example.meta["document_id"] == document["id"]
    # a project without overlapping spans drops exactly what the report warned about
    strict = doccano_import(content)
    dropped = sum(
        len(a.spans) - len(b.spans) for a, b in zip(result.examples, strict.examples, strict=True)
    )
    assert dropped > 0
    assert any(f"changed: {dropped} overlapping spans" in line for line in report.lines())


def test_the_newsmark_jsonl_shape_is_what_doccano_silently_ignored(awkward):
    content, _ = _write(export_jsonl, awkward)
    result = doccano_import(content, allow_overlapping=True)
    assert result.errors == [] and all(example.spans == [] for example in result.examples)


def test_doccano_relation_extraction_reads_entities_and_relations(awkward):
    content, report = _write(export_doccano_relations, awkward)
    result = doccano_import(content, relation_mode=True, allow_overlapping=True)
    assert result.errors == []
    spans = sum(len(example.spans) for example in result.examples)
    relations = sum(len(example.relations) for example in result.examples)
    assert spans == report.annotations == 12
    assert relations == report.relations == 2  # the two said_by links inside one document
    assert sum(report.not_carried.values()) > 0
    assert all(
        isinstance(e["id"], int)
        for line in content.splitlines()
        for e in json.loads(line)["entities"]
    )


def test_prodigy_keeps_its_spans_shape(awkward):
    content, report = _write(export_prodigy, awkward)
    records = [json.loads(line) for line in content.splitlines()]
    assert [r["answer"] for r in records] == ["accept", "accept"]
    for record, document in zip(records, awkward["documents"], strict=True):
        spans = sorted((s["start"], s["end"], s["label"]) for s in record["spans"])
        assert spans == _placed(awkward, document["id"])
    assert report.annotations == 12


def test_doccano_and_prodigy_files_import_back(awkward, tmp_path):
    for exporter in (export_doccano, export_doccano_relations, export_prodigy):
        path = tmp_path / f"{exporter.__name__}.jsonl"
        path.write_text(_write(exporter, awkward)[0], encoding="utf-8")
        imported = read_jsonl(path)
        assert [d["id"] for d in imported.documents] == [d["id"] for d in awkward["documents"]]
        for document in awkward["documents"]:
            got = sorted(
                (a["start"], a["end"], a["label"])
                for a in imported.annotations
                if a["document_id"] == document["id"]
            )
            assert got == _placed(awkward, document["id"]), exporter.__name__
    assert len(imported.relations) == 0


def test_doccano_relations_import_back_with_their_links(awkward, tmp_path):
    path = tmp_path / "rel.jsonl"
    path.write_text(_write(export_doccano_relations, awkward)[0], encoding="utf-8")
    imported = read_jsonl(path)
    assert sorted(r["type"] for r in imported.relations) == ["said_by", "said_by"]
