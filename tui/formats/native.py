"""Native JSON: the whole database in one file, lossless, for backups and other tools."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

import orjson

from tui.formats.common import ExportReport, Record, Snapshot, utf8_json
from tui.formats.imported import Imported

FORMAT_TAG = "newsmark"
FORMAT_VERSION = 1
TABLES = ("documents", "annotations", "entities", "relations", "labels")


def export_native(snapshot: Snapshot, out: BinaryIO) -> ExportReport:
    """Write every table as stored (orphans and suggestions included), documents with their text."""
    report = ExportReport("json")
    payload: Record = {"format": FORMAT_TAG, "version": FORMAT_VERSION}
    if "meta" in snapshot:
        payload["meta"] = snapshot["meta"]
    for table in TABLES:
        payload[table] = snapshot.get(table, [])
    out.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
    report.documents = len(payload["documents"])
    report.annotations = len(payload["annotations"])
    report.relations = len(payload["relations"])
    return report


def read_native(path: str | Path, *, label_kinds: dict[str, str] | None = None) -> Imported:
    """Read a native export, or a newsmark TinyDB file (tables keyed by doc_id), for import.

    `label_kinds` is accepted for a uniform reader signature; records carry their own kind.
    """
    path = Path(path)
    try:
        data = orjson.loads(utf8_json(path.read_bytes()))
    except orjson.JSONDecodeError as error:
        raise ValueError(f"{path}: not valid JSON ({error}); is it a newsmark export?") from None
    if not isinstance(data, dict) or not any(table in data for table in TABLES):
        raise ValueError(
            f"{path}: no newsmark tables found; export it with `newsmark export --format json`"
        )
    return imported_from_tables(data, str(path))


def imported_from_tables(data: dict[str, Any], where: str = "snapshot") -> Imported:
    """A native export or database (or a Store snapshot) as records to import, ids kept."""
    tables = {table: _records(data.get(table, [])) for table in TABLES}
    imported = Imported(
        entities=tables["entities"], relations=tables["relations"], labels=tables["labels"]
    )
    for document in tables["documents"]:
        if isinstance(document.get("text"), str) and document.get("id"):
            imported.documents.append(document)
        else:
            imported.warnings.append(f"{where}: skipped a document without id or text")
    known = {document["id"] for document in imported.documents}
    for annotation in tables["annotations"]:
        if annotation.get("document_id") in known:
            imported.annotations.append(annotation)
        else:
            imported.warnings.append(
                f"{where}: skipped annotation {annotation.get('id')}: its document is missing"
            )
    return imported


def _records(table: object) -> list[Record]:
    """TinyDB stores tables as {doc_id: record}; exports store lists."""
    if isinstance(table, dict):
        return [record for record in table.values() if isinstance(record, dict)]
    return (
        [record for record in table if isinstance(record, dict)] if isinstance(table, list) else []
    )
