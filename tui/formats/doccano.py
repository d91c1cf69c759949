"""doccano and Prodigy JSONL, each in the exact shape its own importer reads.

doccano 1.8 (backend/data_import/pipeline: builders.py, label.py, labels.py) reads a sequence
labelling file's `text` column and `label` column of `[start_offset, end_offset, "LABEL"]`
lists; a relation-extraction project reads `entities` (`{"id": int, "start_offset",
"end_offset", "label"}`) and `relations` (`{"id", "from_id", "to_id", "type"}`, int ids). Every
other key becomes the example's metadata. Prodigy reads `text` and `spans` of
`{"start", "end", "label"}`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

from tui.formats.common import (
    ExportReport,
    Snapshot,
    count_raw_offsets,
    iter_documents,
    json_line,
    offset_converter,
)

Record = dict[str, Any]


def export_doccano(
    snapshot: Snapshot, out: BinaryIO, *, offsets: str = "codepoint"
) -> ExportReport:
    """doccano sequence labelling: `label: [[start, end, "LABEL"], ...]` per document."""
    return _export(snapshot, out, offsets, "doccano", _doccano_labels)


def export_doccano_relations(
    snapshot: Snapshot, out: BinaryIO, *, offsets: str = "codepoint"
) -> ExportReport:
    """doccano relation extraction: `entities` with integer ids and `relations` between them."""
    return _export(snapshot, out, offsets, "doccano-relations", _doccano_entities)


def export_prodigy(
    snapshot: Snapshot, out: BinaryIO, *, offsets: str = "codepoint"
) -> ExportReport:
    """Prodigy: `spans: [{"start", "end", "label"}]`, answer `accept`."""
    return _export(snapshot, out, offsets, "prodigy", _prodigy_spans)


Writer = Callable[[Record, list[Record], Callable[[int], int], list[Record]], int]


def _export(
    snapshot: Snapshot, out: BinaryIO, offsets: str, name: str, write: Writer
) -> ExportReport:
    report = ExportReport(name)
    exported: set[str] = set()
    by_document = _relations_by_document(snapshot)
    for document, spans in iter_documents(snapshot, report):
        text = document.get("text") or ""
        record: Record = {"text": text, "document_id": document["id"]}
        meta = {k: v for k, v in (document.get("metadata") or {}).items() if v not in (None, "")}
        if document.get("title"):
            meta["title"] = document["title"]
        if meta:
            record["meta"] = meta
        ids = {a["id"] for a in spans}
        relations = [
            r for r in by_document.get(document["id"], []) if r["from"] in ids and r["to"] in ids
        ]
        report.relations += write(record, spans, offset_converter(text, offsets), relations)
        if offsets != "codepoint":
            record["offsets"] = offsets
        out.write(json_line(record))
        report.annotations += len(spans)
        exported |= ids
        if name != "prodigy":
            report.change(
                "overlapping spans (doccano keeps them only in projects that allow overlapping)",
                _overlapping(spans),
            )
    count_raw_offsets(snapshot, report)
    _count_losses(snapshot, report, exported)
    return report


def _relations_by_document(snapshot: Snapshot) -> dict[str, list[Record]]:
    document_of = {a.get("id"): a.get("document_id") for a in snapshot.get("annotations", [])}
    grouped: dict[str, list[Record]] = {}
    for relation in snapshot.get("relations", []):
        document = document_of.get(relation.get("from"))
        if document is not None and document == document_of.get(relation.get("to")):
            grouped.setdefault(document, []).append(relation)
    return grouped


def _doccano_labels(
    record: Record, annotations: list[Record], unit: Callable[[int], int], _: list[Record]
) -> int:
    record["label"] = [[unit(a["start"]), unit(a["end"]), a["label"]] for a in annotations]
    return 0


def _doccano_entities(
    record: Record, annotations: list[Record], unit: Callable[[int], int], relations: list[Record]
) -> int:
    numbers = {a["id"]: number for number, a in enumerate(annotations, start=1)}
    record["entities"] = [
        {
            "id": numbers[a["id"]],
            "label": a["label"],
            "start_offset": unit(a["start"]),
            "end_offset": unit(a["end"]),
        }
        for a in annotations
    ]
    record["relations"] = [
        {
            "id": number,
            "from_id": numbers[r["from"]],
            "to_id": numbers[r["to"]],
            "type": r.get("type") or "related",
        }
        for number, r in enumerate(relations, start=1)
    ]
    return len(relations)


def _prodigy_spans(
    record: Record, annotations: list[Record], unit: Callable[[int], int], _: list[Record]
) -> int:
    record["spans"] = [
        {"start": unit(a["start"]), "end": unit(a["end"]), "label": a["label"]} for a in annotations
    ]
    record["answer"] = "accept"
    return 0


def _overlapping(annotations: list[Record]) -> int:
    count, last_end = 0, -1
    for annotation in annotations:  # sorted by (start, -end)
        if annotation["start"] < last_end:
            count += 1
        else:
            last_end = annotation["end"]
    return count


def _count_losses(snapshot: Snapshot, report: ExportReport, exported: set[str]) -> None:
    placed = [a for a in snapshot.get("annotations", []) if a.get("id") in exported]
    claims = sum(1 for a in placed if a.get("kind") == "claim" and a.get("attributes"))
    report.lost("claim attribute sets (speaker, cue, type, stance, note)", claims)
    report.lost(
        "entity links to the registry (entity_id)", sum(1 for a in placed if a.get("entity_id"))
    )
    report.lost("entity registry records", len(snapshot.get("entities", [])))
    report.lost("annotation kinds, ids, annotators and times (use --format jsonl)", len(placed))
    report.lost(
        "relations across documents, to registry entities or to spans not exported"
        if report.format == "doccano-relations"
        else "relations (doccano-relations carries those within one document)",
        len(snapshot.get("relations", [])) - report.relations,
    )
