"""Label Studio import: its JSON export (a list of tasks) or our tasks.json, into store records."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import orjson

from tui.formats.common import codepoint_converter, utf8_json
from tui.formats.imported import Imported, span_ok
from tui.formats.label_studio import CHOICES, CUE, CUE_LABEL, TASKS_FILE, TEXT, TEXTAREAS

Record = dict[str, Any]
SPAN_TYPES = ("labels", "hypertextlabels")
CLAIM_KEYS = ("type", "stance", "speaker", "cue", "note")


def read_label_studio(path: str | Path, *, label_kinds: dict[str, str] | None = None) -> Imported:
    """Read the tasks (a JSON list, one task object, or a folder holding tasks.json)."""
    path = Path(path)
    file = path / TASKS_FILE if path.is_dir() else path
    try:
        data = orjson.loads(utf8_json(file.read_bytes()))
    except orjson.JSONDecodeError as error:
        raise ValueError(
            f"{file}: not valid JSON ({error}); export JSON from Label Studio"
        ) from None
    tasks = data if isinstance(data, list) else [data]
    imported = Imported()
    seen: set[str] = set()
    for number, task in enumerate(tasks, start=1):
        where = f"{file}: task {number}"
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            imported.warnings.append(f'{where}: skipped: a task needs a "data" object')
            continue
        text = _text(task["data"])
        if text is None:
            imported.warnings.append(f'{where}: skipped: no "{TEXT}" string in its data')
            continue
        document_id = str(
            task["data"].get("document_id") or f"{file.name}#{task.get('id', number)}"
        )
        if document_id in seen:
            imported.warnings.append(f"{where}: skipped: duplicate document {document_id!r}")
            continue
        seen.add(document_id)
        meta = task["data"].get("meta")
        imported.documents.append(
            {
                "id": document_id,
                "text": text,
                "title": task["data"].get("title"),
                "metadata": meta if isinstance(meta, dict) else {},
                "path": str(file.resolve()),
            }
        )
        for group, state in (("annotations", "ok"), ("predictions", "suggested")):
            for item in task.get(group) or []:
                if not isinstance(item, dict) or item.get("was_cancelled"):
                    continue
                _read_result(item, text, document_id, state, where, label_kinds or {}, imported)
    return imported


def _text(data: Record) -> str | None:
    if isinstance(data.get(TEXT), str):
        return str(data[TEXT])
    strings = [value for value in data.values() if isinstance(value, str)]
    return strings[0] if len(strings) == 1 else None


def _local(document_id: str, region_id: object) -> str:
    """Label Studio's region ids are unique within a task; newsmark's own (UUIDs) everywhere."""
    try:
        return str(uuid.UUID(str(region_id)))
    except ValueError:
        return f"{document_id}#{region_id}"


def _read_result(
    item: Record,
    text: str,
    document_id: str,
    state: str,
    where: str,
    label_kinds: dict[str, str],
    imported: Imported,
) -> None:
    spans: dict[str, Record] = {}
    extras: dict[str, Record] = {}
    cues: dict[str, tuple[int, int]] = {}
    relations: list[Record] = []
    for region in item.get("result") or []:
        if not isinstance(region, dict):
            continue
        kind, value, rid = region.get("type"), region.get("value") or {}, region.get("id")
        if kind == "relation":
            relations.append(region)
        elif kind in SPAN_TYPES and isinstance(value, dict):
            labels = value.get("labels") or []
            start, end = _offsets(text, value, f"{where}: region {rid}", imported)
            if not labels or not span_ok(text, start, end):
                imported.warnings.append(
                    f"{where}: skipped region {rid}: needs a label and offsets inside the text"
                )
            elif region.get("from_name") == CUE or labels[0] == CUE_LABEL:
                cues[str(rid)] = (int(start or 0), int(end or 0))
            else:
                if len(labels) > 1:
                    imported.warnings.append(
                        f"{where}: region {rid} has {len(labels)} labels; kept {labels[0]!r}"
                    )
                spans[str(rid)] = {"label": labels[0], "start": start, "end": end}
        elif kind in ("choices", "textarea") and isinstance(value, dict):
            _attribute(extras.setdefault(str(rid), {}), str(region.get("from_name")), value)
    for relation in relations:
        source, target = str(relation.get("from_id")), str(relation.get("to_id"))
        if target in cues and source in spans:
            cue_start, cue_end = cues[target]
            extras.setdefault(source, {}).setdefault("attributes", {})["cue"] = {
                "start": cue_start,
                "end": cue_end,
            }
    provenance = _provenance(item)
    for rid, span in spans.items():
        extra = extras.get(rid, {})
        attributes = extra.get("attributes", {})
        claim = any(key in attributes for key in CLAIM_KEYS)
        kind = label_kinds.get(span["label"]) or ("claim" if claim else "entity")
        imported.annotations.append(
            {
                "id": _local(document_id, rid),
                "document_id": document_id,
                "kind": kind,
                **span,
                "attributes": attributes if kind == "claim" or attributes else {},
                "entity_id": extra.get("entity_id"),
                "state": state,
                **provenance,
            }
        )
    for relation in relations:
        source, target = str(relation.get("from_id")), str(relation.get("to_id"))
        if target in cues:
            continue
        if source not in spans or target not in spans:
            imported.warnings.append(
                f"{where}: skipped a relation whose end is not a labelled region"
            )
            continue
        labels = relation.get("labels") or ["related"]
        imported.relations.append(
            {
                "from": _local(document_id, source),
                "to": _local(document_id, target),
                "type": str(labels[0]),
            }
        )


def _offsets(text: str, value: Record, where: str, imported: Imported) -> tuple[Any, Any]:
    """Code-point offsets; Label Studio before 1.4 wrote UTF-16 ones, recognised by `value.text`."""
    start, end = value.get("start"), value.get("end")
    quoted = value.get("text")
    if not (isinstance(quoted, str) and isinstance(start, int) and isinstance(end, int)):
        return start, end
    if not span_ok(text, start, end) or text[start:end] == quoted:
        return start, end
    to_codepoint = codepoint_converter(text, "utf16")
    start16, end16 = to_codepoint(start), to_codepoint(end)
    if span_ok(text, start16, end16) and text[start16:end16] == quoted:
        return start16, end16
    imported.warnings.append(
        f"{where}: its text {quoted!r} differs from the document's; offsets kept"
    )
    return start, end


def _attribute(extra: Record, control: str, value: Record) -> None:
    attributes = extra.setdefault("attributes", {})
    if control in CHOICES and value.get("choices"):
        attributes[CHOICES[control][0]] = str(value["choices"][0])
    elif control in TEXTAREAS and value.get("text"):
        text = value["text"]
        content = str(text[0] if isinstance(text, list) else text)
        key = TEXTAREAS[control]
        if key == "entity_id":
            extra["entity_id"] = content
        elif key.startswith("speaker."):
            attributes.setdefault("speaker", {})[key.split(".", 1)[1]] = content
        else:
            attributes[key] = content


def _provenance(item: Record) -> Record:
    kept: Record = {}
    who = item.get("completed_by")
    if isinstance(who, dict) and who.get("email"):
        kept["annotator"] = str(who["email"])
    for ours, theirs in (("created", "created_at"), ("updated", "updated_at")):
        if isinstance(item.get(theirs), str):
            kept[ours] = item[theirs]
    return kept
