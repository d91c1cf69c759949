"""One row per annotation (CSV or Parquet): the shape pandas, polars and DuckDB load in one line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any, BinaryIO

import orjson

from tui.formats.common import ExportReport, Snapshot

Record = dict[str, Any]
PARQUET_HINT = "pyarrow is not installed: pip install 'newsmark[parquet]' (or use --format csv)"
# (column, parquet type) in output order; offsets are code points, `text` is the span's text.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("document_id", "string"),
    ("document_title", "string"),
    ("document_source", "string"),
    ("document_date", "string"),
    ("annotation_id", "string"),
    ("kind", "string"),
    ("label", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("text", "string"),
    ("source_start", "int64"),
    ("source_end", "int64"),
    ("state", "string"),
    ("entity_id", "string"),
    ("entity_name", "string"),
    ("entity_type", "string"),
    ("claim_type", "string"),
    ("stance", "string"),
    ("speaker_text", "string"),
    ("speaker_entity_id", "string"),
    ("speaker_entity_name", "string"),
    ("speaker_annotation_id", "string"),
    ("cue_start", "int64"),
    ("cue_end", "int64"),
    ("cue_text", "string"),
    ("note", "string"),
    ("relations", "relations"),
    ("annotator", "string"),
    ("created", "string"),
    ("updated", "string"),
)
NAMES = tuple(name for name, _ in COLUMNS)


def rows(snapshot: Snapshot, report: ExportReport) -> Iterator[Record]:
    """Every annotation (orphans and suggestions too, with their `state`) as a flat row."""
    documents: dict[str | None, Record] = {
        d["id"]: d for d in snapshot.get("documents", []) if "id" in d
    }
    entities: dict[str | None, Record] = {
        e["id"]: e for e in snapshot.get("entities", []) if "id" in e
    }
    outgoing: dict[str | None, list[Record]] = {}
    for relation in snapshot.get("relations", []):
        outgoing.setdefault(relation.get("from"), []).append(
            {"type": relation.get("type") or "related", "to": relation.get("to")}
        )
        report.relations += 1
    seen_documents: set[str] = set()
    for annotation in snapshot.get("annotations", []):
        document = documents.get(annotation.get("document_id"))
        if document is None:
            report.lost("annotations whose document is missing from the database")
            continue
        seen_documents.add(document["id"])
        yield _row(annotation, document, entities, outgoing.get(annotation.get("id"), []))
        report.annotations += 1
    report.documents = len(seen_documents)
    report.lost(
        "relations whose `from` end is a registry entity",
        sum(len(v) for k, v in outgoing.items() if k in entities),
    )
    report.lost("entity aliases and external ids (name and type are columns)", len(entities))
    report.lost("document texts (each row has its span's text)", len(documents))


def _row(
    annotation: Record,
    document: Record,
    entities: dict[str | None, Record],
    relations: list[Record],
) -> Record:
    text = document.get("text") or ""
    start, end = annotation.get("start"), annotation.get("end")
    placed = annotation.get("state", "ok") != "orphaned" and _fits(start, end, text)
    attributes = annotation.get("attributes") or {}
    speaker: Record = attributes["speaker"] if isinstance(attributes.get("speaker"), dict) else {}
    cue: Record = attributes["cue"] if isinstance(attributes.get("cue"), dict) else {}
    cue_start, cue_end = cue.get("start"), cue.get("end")
    metadata = document.get("metadata") or {}
    entity = entities.get(annotation.get("entity_id")) or {}
    speaker_entity = entities.get(speaker.get("entity_id")) or {}
    return {
        "document_id": document["id"],
        "document_title": document.get("title"),
        "document_source": metadata.get("source") or metadata.get("url"),
        "document_date": metadata.get("date"),
        "annotation_id": annotation.get("id"),
        "kind": annotation.get("kind"),
        "label": annotation.get("label"),
        "start": start,
        "end": end,
        "text": text[start:end] if placed else annotation.get("exact"),
        "source_start": annotation.get("source_start"),
        "source_end": annotation.get("source_end"),
        "state": annotation.get("state", "ok"),
        "entity_id": annotation.get("entity_id"),
        "entity_name": entity.get("name"),
        "entity_type": entity.get("type"),
        "claim_type": attributes.get("type"),
        "stance": attributes.get("stance"),
        "speaker_text": speaker.get("text"),
        "speaker_entity_id": speaker.get("entity_id"),
        "speaker_entity_name": speaker_entity.get("name"),
        "speaker_annotation_id": speaker.get("annotation_id"),
        "cue_start": cue_start,
        "cue_end": cue_end,
        "cue_text": text[cue_start:cue_end] if placed and _fits(cue_start, cue_end, text) else None,
        "note": attributes.get("note"),
        "relations": relations,
        "annotator": annotation.get("annotator"),
        "created": annotation.get("created"),
        "updated": annotation.get("updated"),
    }


def _fits(start: object, end: object, text: str) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)


def export_csv(snapshot: Snapshot, out: BinaryIO) -> ExportReport:
    """RFC 4180 CSV, UTF-8, a header row; `relations` is a JSON list of {type, to} per row."""
    report = ExportReport("csv")
    stream = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(stream)
        writer.writerow(NAMES)
        dumps = orjson.dumps
        for row in rows(snapshot, report):
            row["relations"] = dumps(row["relations"]).decode() if row["relations"] else ""
            writer.writerow(["" if row[name] is None else row[name] for name in NAMES])
        stream.flush()
    finally:
        stream.detach()
    return report


def export_parquet(snapshot: Snapshot, out: BinaryIO) -> ExportReport:
    """Apache Parquet with typed columns; `relations` is a list of structs {type, to}."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RuntimeError(PARQUET_HINT) from None
    report = ExportReport("parquet")
    relation = pa.list_(pa.struct([("type", pa.string()), ("to", pa.string())]))
    types = {"string": pa.string(), "int64": pa.int64(), "relations": relation}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS])
    columns: dict[str, list[Any]] = {name: [] for name in NAMES}
    for row in rows(snapshot, report):
        for name in NAMES:
            columns[name].append(row[name])
    table = pa.Table.from_pydict(columns, schema=schema)
    pq.write_table(table, out)
    return report
