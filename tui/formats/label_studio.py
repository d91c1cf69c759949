"""Label Studio: task JSON (text, annotations, predictions, relations) and its labeling config.

Label Studio's `<Text>` regions count code points (label-studio-frontend PR 308), as newsmark
does. One task per document; accepted annotations go in `annotations`,
suggestions in `predictions` (one annotation per task holds every annotator's regions, so
relations between them survive). A region's id is the newsmark annotation id, so an import keeps
it; claim attributes are per-region controls; the cue is a `Cue` region linked by a `cue`
relation, as in the brat export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import orjson

from tui.formats.common import ExportReport, Snapshot, count_raw_offsets, iter_documents

Record = dict[str, Any]

TASKS_FILE = "tasks.json"
CONFIG_FILE = "labeling-config.xml"
TEXT = "text"  # the <Text> object's name and data key
LABELS = "label"  # the <Labels> control for entity and claim labels
CUE = "cue"  # the <Labels> control (one label, Cue) and the relation label linking a claim to it
CUE_LABEL = "Cue"
CLAIM_TYPES = ("direct quote", "indirect quote", "assertion", "prediction", "opinion")
STANCES = ("unverified", "supported", "disputed", "false")
# per-region controls: name -> (claim attribute path, kind)
CHOICES = {"claim_type": ("type", CLAIM_TYPES), "stance": ("stance", STANCES)}
TEXTAREAS = {
    "speaker": "speaker.text",
    "speaker_entity": "speaker.entity_id",
    "speaker_mention": "speaker.annotation_id",
    "note": "note",
    "entity": "entity_id",
}
SUGGESTIONS_MODEL = "newsmark-suggestions"
_CSS_COLOUR = re.compile(r"#[0-9a-fA-F]{6}|[a-z]+")


def export_label_studio(snapshot: Snapshot, directory: str | Path) -> ExportReport:
    """Write tasks.json and labeling-config.xml into `directory` (import both into one project)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    report = ExportReport("label-studio")
    tasks: list[Record] = []
    ids_in: dict[str, str] = {}  # annotation id -> document id, for relations
    placed: dict[str, Record] = {}
    suggestions = [a for a in snapshot.get("annotations", []) if a.get("state") == "suggested"]
    suggested_in: dict[str, list[Record]] = {}
    for annotation in suggestions:
        suggested_in.setdefault(annotation.get("document_id") or "", []).append(annotation)
    carried = 0
    for document, spans in iter_documents(snapshot, report):
        task_suggestions = [a for a in suggested_in.get(document["id"], []) if _fits(a, document)]
        carried += len(task_suggestions)
        tasks.append(_task(document, spans, task_suggestions, report))
        for annotation in spans:
            ids_in[annotation["id"]] = document["id"]
            placed[annotation["id"]] = annotation
        report.annotations += len(spans)
    # suggestions were counted as lost by iter_documents; they travel as predictions
    report.not_carried["unconfirmed suggestions (kept in native json)"] -= carried
    if report.not_carried["unconfirmed suggestions (kept in native json)"] <= 0:
        del report.not_carried["unconfirmed suggestions (kept in native json)"]
    report.change("suggestions written as predictions (model newsmark-suggestions)", carried)
    _relations(snapshot, tasks, ids_in, report)
    report.lost(
        "entity registry records (mentions keep the entity id)", len(snapshot.get("entities", []))
    )
    report.lost("annotator names and times (Label Studio records its own users)", len(placed))
    labels = sorted(
        {a.get("label") or "" for a in placed.values()}
        | {a.get("label") or "" for a in suggestions}
    )
    relation_types = sorted({r.get("type") or "related" for r in snapshot.get("relations", [])})
    colours = {str(label.get("name")): label.get("color") for label in snapshot.get("labels", [])}
    count_raw_offsets(snapshot, report)
    (directory / CONFIG_FILE).write_text(
        labeling_config(labels, relation_types, colours), encoding="utf-8"
    )
    (directory / TASKS_FILE).write_bytes(orjson.dumps(tasks, option=orjson.OPT_INDENT_2))
    return report


def _fits(annotation: Record, document: Record) -> bool:
    start, end = annotation.get("start"), annotation.get("end")
    length = len(document.get("text") or "")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def _task(
    document: Record, annotations: list[Record], suggestions: list[Record], report: ExportReport
) -> Record:
    text = document.get("text") or ""
    data: Record = {TEXT: text, "document_id": document["id"]}
    if document.get("title"):
        data["title"] = document["title"]
    if document.get("metadata"):
        data["meta"] = document["metadata"]
    result = [r for a in annotations for r in _regions(a, text, report)]
    task: Record = {"data": data, "annotations": [{"result": result, "ground_truth": False}]}
    if suggestions:
        result = [r for a in suggestions for r in _regions(a, text, report)]
        task["predictions"] = [{"model_version": SUGGESTIONS_MODEL, "result": result}]
    return task


def _region(region_id: str, control: str, kind: str, value: Record) -> Record:
    return {"id": region_id, "from_name": control, "to_name": TEXT, "type": kind, "value": value}


def _regions(annotation: Record, text: str, report: ExportReport) -> Iterable[Record]:
    start, end = annotation["start"], annotation["end"]
    span = {"start": start, "end": end, "text": text[start:end]}
    rid = annotation["id"]
    yield _region(rid, LABELS, "labels", {**span, "labels": [annotation.get("label") or ""]})
    attributes = annotation.get("attributes") or {}
    if annotation.get("entity_id"):
        yield _region(rid, "entity", "textarea", {**span, "text": [annotation["entity_id"]]})
    if not attributes:
        return
    speaker: Record = attributes["speaker"] if isinstance(attributes.get("speaker"), dict) else {}
    for control, (key, _) in CHOICES.items():
        if attributes.get(key):
            yield _region(rid, control, "choices", {**span, "choices": [str(attributes[key])]})
    for control, key in TEXTAREAS.items():
        if key.startswith("speaker."):
            value = speaker.get(key[8:])
        elif key != "entity_id":
            value = attributes.get(key)
        else:
            continue
        if value:
            yield _region(rid, control, "textarea", {**span, "text": [str(value)]})
    cue = attributes.get("cue")
    if isinstance(cue, dict):
        cue_start, cue_end = cue.get("start"), cue.get("end")
        if (
            isinstance(cue_start, int)
            and isinstance(cue_end, int)
            and 0 <= cue_start < cue_end <= len(text)
        ):
            cue_id = f"{rid}-cue"
            cue_value = {"start": cue_start, "end": cue_end, "text": text[cue_start:cue_end]}
            yield _region(cue_id, CUE, "labels", {**cue_value, "labels": [CUE_LABEL]})
            yield {
                "type": "relation",
                "from_id": rid,
                "to_id": cue_id,
                "direction": "right",
                "labels": [CUE],
            }
        else:
            report.lost("claim cues outside their document's text")
    known = {"type", "stance", "note", "cue", "speaker"}
    report.lost(
        "attributes with no Label Studio control",
        sum(1 for k, v in attributes.items() if k not in known and v not in (None, "", {})),
    )


def _relations(
    snapshot: Snapshot, tasks: list[Record], ids_in: dict[str, str], report: ExportReport
) -> None:
    """Relations between regions of one task go into the annotation holding their `from` end."""
    holder: dict[str, list[Record]] = {}
    for task in tasks:
        for annotation in task["annotations"]:
            for region in annotation["result"]:
                if region.get("type") == "labels":
                    holder[region["id"]] = annotation["result"]
    for relation in snapshot.get("relations", []):
        source, target = relation.get("from"), relation.get("to")
        if source not in ids_in or target not in ids_in:
            report.lost(
                "relations with an end that is not an exported span or is a registry entity"
            )
        elif ids_in[source] != ids_in[target]:
            report.lost("relations across documents (a Label Studio relation stays in one task)")
        else:
            holder[source].append(
                {
                    "type": "relation",
                    "from_id": source,
                    "to_id": target,
                    "direction": "right",
                    "labels": [relation.get("type") or "related"],
                }
            )
            report.relations += 1


def labeling_config(
    labels: Iterable[str], relation_types: Iterable[str], colours: dict[str, Any] | None = None
) -> str:
    """The <View> a Label Studio project needs for these tasks (Text, Labels, Relations, attributes)."""
    colours = colours or {}
    lines = ["<View>", f'  <Labels name="{LABELS}" toName="{TEXT}">']
    for label in labels:
        colour = colours.get(label)
        background = (
            f" background={quoteattr(colour)}"
            if isinstance(colour, str) and _CSS_COLOUR.fullmatch(colour)
            else ""
        )
        lines.append(f"    <Label value={quoteattr(label)}{background}/>")
    lines += [
        "  </Labels>",
        f'  <Labels name="{CUE}" toName="{TEXT}">',
        f'    <Label value="{CUE_LABEL}" background="#999999"/>',
        "  </Labels>",
        f'  <Text name="{TEXT}" value="${TEXT}"/>',
        "  <Relations>",
        *(f"    <Relation value={quoteattr(kind)}/>" for kind in sorted({*relation_types, CUE})),
        "  </Relations>",
        '  <View visibleWhen="region-selected">',
    ]
    for control, (_, choices) in CHOICES.items():
        lines.append(
            f'    <Choices name="{control}" toName="{TEXT}" perRegion="true" choice="single">'
        )
        lines += [f"      <Choice value={quoteattr(choice)}/>" for choice in choices]
        lines.append("    </Choices>")
    for control in TEXTAREAS:
        lines.append(
            f'    <TextArea name="{control}" toName="{TEXT}" perRegion="true" maxSubmissions="1"/>'
        )
    lines += ["  </View>", "</View>"]
    return "\n".join(lines) + "\n"
