"""JSONL in the doccano/Prodigy shape: one document per line with `text` and `spans`."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import BinaryIO

import orjson

from tui.formats.common import (
    ExportReport,
    Record,
    Snapshot,
    codepoint_converter,
    iter_documents,
    json_line,
    offset_converter,
    utf8_lines,
)
from tui.formats.imported import Imported, span_ok

# Span keys beyond Prodigy's start/end/label that newsmark writes so a re-import loses nothing.
_EXTRA_SPAN_KEYS = (
    "kind",
    "entity_id",
    "attributes",
    "annotator",
    "created",
    "updated",
    "source_start",
    "source_end",
)


def export_jsonl(snapshot: Snapshot, out: BinaryIO, *, offsets: str = "codepoint") -> ExportReport:
    """Write one JSON object per document; relations and the entity registry have no place here."""
    report = ExportReport("jsonl")
    entities = {entity["id"]: entity for entity in snapshot.get("entities", []) if "id" in entity}
    carried: set[str] = set()
    for document, doc_annotations in iter_documents(snapshot, report):
        text = document.get("text") or ""
        unit = offset_converter(text, offsets)
        spans = []
        for annotation in doc_annotations:
            span: Record = {
                "start": unit(annotation["start"]),
                "end": unit(annotation["end"]),
                "label": annotation.get("label"),
                "id": annotation.get("id"),
            }
            for key in _EXTRA_SPAN_KEYS:
                value = annotation.get(key)
                if value not in (None, {}, ""):
                    span[key] = value
            for entity_id in _entity_refs(annotation):
                if entity_id in entities:
                    span.setdefault("entities", {})[entity_id] = _entity(entities[entity_id])
                    carried.add(entity_id)
            spans.append(span)
        record = {
            "id": document["id"],
            "text": text,
            "meta": _meta(document),
            "spans": spans,
        }
        if offsets != "codepoint":
            record["offsets"] = offsets
        out.write(json_line(record))
        report.annotations += len(spans)
    report.lost("relations (JSONL spans have no links)", len(snapshot.get("relations", [])))
    report.lost("entity registry records no exported span links to", len(set(entities) - carried))
    return report


def _entity_refs(annotation: Record) -> list[str]:
    """The registry entities a span points at: its own link and a claim's speaker."""
    speaker = (annotation.get("attributes") or {}).get("speaker") or {}
    return [
        e for e in (annotation.get("entity_id"), speaker.get("entity_id")) if isinstance(e, str)
    ]


def _entity(entity: Record) -> Record:
    return {key: entity.get(key) for key in ("name", "type", "aliases", "external_id")}


def _meta(document: Record) -> Record:
    meta = {"title": document.get("title")}
    meta.update(document.get("metadata") or {})
    if document.get("path"):
        meta["path"] = document["path"]
    return {key: value for key, value in meta.items() if value not in (None, "")}


def read_jsonl(path: str | Path, *, label_kinds: dict[str, str] | None = None) -> Imported:
    """Read doccano (`label`/`entities`) or Prodigy (`spans`) JSONL into records for the store."""
    path = Path(path)
    label_kinds = label_kinds or {}
    imported = Imported()
    seen_ids: set[str] = set()
    with path.open("rb") as stream:
        for number, line in enumerate(utf8_lines(stream), start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                imported.warnings.append(f"{where}: skipped: not valid JSON ({error})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                imported.warnings.append(f'{where}: skipped: a record needs a "text" string')
                continue
            if record.get("answer") in ("reject", "ignore"):
                imported.warnings.append(
                    f"{where}: skipped: Prodigy answer is {record['answer']!r}"
                )
                continue
            document_id = _document_id(record, path, number)
            if document_id in seen_ids:
                imported.warnings.append(f"{where}: skipped: duplicate document id {document_id!r}")
                continue
            seen_ids.add(document_id)
            _read_record(record, document_id, path, where, label_kinds, imported)
    return imported


def _document_id(record: Record, path: Path, number: int) -> str:
    meta: Record = record["meta"] if isinstance(record.get("meta"), dict) else {}
    for value in (record.get("document_id"), record.get("id"), meta.get("id")):
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value):
            return str(value)
    return f"{path.name}#{number}"


def _read_record(
    record: Record,
    document_id: str,
    path: Path,
    where: str,
    label_kinds: Record,
    imported: Imported,
) -> None:
    text = record["text"]
    meta = dict(record.get("meta") or {}) if isinstance(record.get("meta"), dict) else {}
    title = meta.pop("title", None)
    meta.pop("path", None)
    meta.pop("id", None)
    imported.documents.append(
        {
            "id": document_id,
            "text": text,
            "title": title,
            "metadata": meta,
            "path": str(path.resolve()),
        }
    )
    offsets = record.get("offsets", "codepoint")
    try:
        to_codepoint = codepoint_converter(text, offsets)
    except ValueError as error:
        imported.warnings.append(f"{where}: skipped its spans: {error}")
        return
    for index, span in enumerate(_spans(record)):
        label = span.get("label")
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int):
            start, end = to_codepoint(start), to_codepoint(end)
        if not isinstance(label, str) or not label or not span_ok(text, start, end):
            imported.warnings.append(
                f"{where}: skipped span {index + 1}: needs a label and 0 <= start < end <= {len(text)}"
            )
            continue
        annotation: Record = {
            "id": _local_id(document_id, span.get("id"), index),
            "document_id": document_id,
            "kind": span.get("kind")
            if span.get("kind") in ("entity", "claim")
            else label_kinds.get(label, "entity"),
            "label": label,
            "start": start,
            "end": end,
            "attributes": span.get("attributes")
            if isinstance(span.get("attributes"), dict)
            else {},
            "entity_id": span.get("entity_id"),
        }
        for key in ("annotator", "created", "updated"):
            if isinstance(span.get(key), str):
                annotation[key] = span[key]
        for key in ("source_start", "source_end"):
            if isinstance(span.get(key), int):
                annotation[key] = span[key]
        imported.annotations.append(annotation)
        for entity_id, entity in (span.get("entities") or {}).items():
            if isinstance(entity, dict) and entity.get("name"):
                imported.entities.append({**entity, "id": entity_id})
    _read_doccano_relations(record, document_id, where, imported)


def _local_id(document_id: str, span_id: object, index: int) -> str:
    """Span ids are only unique within a record (doccano numbers them), so qualify them; a UUID
    (newsmark's own ids) is unique already and is kept, so a re-import keeps the same ids."""
    if isinstance(span_id, str):
        try:
            return str(uuid.UUID(span_id))
        except ValueError:
            pass
    return f"{document_id}#{span_id if span_id not in (None, '') else f'span{index + 1}'}"


def _read_doccano_relations(
    record: Record, document_id: str, where: str, imported: Imported
) -> None:
    """doccano's relation export: [{"from_id", "to_id", "type"}] between span ids."""
    relations = record.get("relations")
    if not isinstance(relations, list):
        return
    for relation in relations:
        if not isinstance(relation, dict) or "from_id" not in relation or "to_id" not in relation:
            imported.warnings.append(f"{where}: skipped a relation without from_id/to_id")
            continue
        imported.relations.append(
            {
                "from": _local_id(document_id, relation["from_id"], -1),
                "to": _local_id(document_id, relation["to_id"], -1),
                "type": str(relation.get("type") or "related"),
            }
        )


def _spans(record: Record) -> list[Record]:
    """Prodigy `spans`, doccano's `entities` objects, or doccano's `label` [[start, end, label]]."""
    if isinstance(record.get("spans"), list):
        return [span for span in record["spans"] if isinstance(span, dict)]
    if isinstance(record.get("entities"), list):
        return [
            {
                "start": e.get("start_offset"),
                "end": e.get("end_offset"),
                "label": e.get("label"),
                "id": e.get("id"),
            }
            for e in record["entities"]
            if isinstance(e, dict)
        ]
    if isinstance(record.get("label"), list):
        return [
            {"start": item[0], "end": item[1], "label": item[2]}
            for item in record["label"]
            if isinstance(item, list) and len(item) == 3
        ]
    return []
