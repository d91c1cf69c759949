"""UIMA CAS XMI for INCEpTION/WebAnno, written and read with dkpro-cassis.

One `<document>.xmi` per document plus `TypeSystem.xml` (zip the folder for INCEpTION's "UIMA
CAS XMI" import). Entity mentions are DKPro `NamedEntity` (`value` = label, `identifier` = the
registry entity's `urn:newsmark:entity:<id>`, the feature INCEpTION's entity linking fills);
sentences and tokens are DKPro `Sentence`/`Token`. Claims are a custom span layer
`webanno.custom.Claim` (label, claimType, stance, speaker, speakerEntity, speakerMention, note,
cueBegin, cueEnd): an INCEpTION project with a span layer "Claim" with those features shows
them. Relations are the relation layer `webanno.custom.Relation` (Governor, Dependent, label).
XML 1.0 cannot hold control characters other than tab, LF and CR: they become U+FFFD in the
text and are kept, with their positions, in `webanno.custom.NewsmarkDocument` for our import.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from tui.formats.brat import file_stem
from tui.formats.common import (
    ExportReport,
    Snapshot,
    count_raw_offsets,
    iter_documents,
    progress,
    relations_within,
)
from tui.formats.conll import tokens
from tui.text import sentences

Record = dict[str, Any]

NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
SENTENCE = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
TOKEN = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
CLAIM = "webanno.custom.Claim"
RELATION = "webanno.custom.Relation"
DOCUMENT = "webanno.custom.NewsmarkDocument"
TYPESYSTEM_FILE = "TypeSystem.xml"
ENTITY_PREFIX = "urn:newsmark:entity:"
INSTALL_HINT = "dkpro-cassis is not installed: pip install dkpro-cassis"
CLAIM_FEATURES = {
    "label": "label",
    "claimType": "type",
    "stance": "stance",
    "speaker": "speaker.text",
    "speakerEntity": "speaker.entity_id",
    "speakerMention": "speaker.annotation_id",
    "note": "note",
}
PROCESSES = 4  # at most; never more than the machine's cores
PARALLEL_FROM = 200  # documents: below this a pool costs more than it saves
_XML10_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _cassis() -> Any:
    try:
        import cassis
    except ImportError:
        raise RuntimeError(INSTALL_HINT) from None
    return cassis


def typesystem() -> Any:
    """DKPro Core's type system plus newsmark's claim, relation and document layers."""
    cassis = _cassis()
    ts = cassis.load_dkpro_core_typesystem()
    claim = ts.create_type(CLAIM, supertypeName="uima.tcas.Annotation")
    for name in CLAIM_FEATURES:
        ts.create_feature(claim, name, "uima.cas.String")
    for name in ("cueBegin", "cueEnd"):
        ts.create_feature(claim, name, "uima.cas.Integer")
    relation = ts.create_type(RELATION, supertypeName="uima.tcas.Annotation")
    ts.create_feature(relation, "Governor", "uima.tcas.Annotation")
    ts.create_feature(relation, "Dependent", "uima.tcas.Annotation")
    ts.create_feature(relation, "label", "uima.cas.String")
    document = ts.create_type(DOCUMENT, supertypeName="uima.tcas.Annotation")
    for name in ("documentId", "title", "metadata", "replaced"):
        ts.create_feature(document, name, "uima.cas.String")
    return ts


@functools.cache
def _types() -> tuple[Any, dict[str, Any]]:
    """One type system per process (building it costs ~50 ms; workers reuse theirs)."""
    ts = typesystem()
    names = (NAMED_ENTITY, SENTENCE, TOKEN, CLAIM, RELATION, DOCUMENT)
    return ts, {name: ts.get_type(name) for name in names}


def export_xmi(snapshot: Snapshot, directory: str | Path) -> ExportReport:
    """Write TypeSystem.xml and one XMI per document (NamedEntity, Claim, Relation, Sentence, Token).

    cassis serialises about 3,500 feature structures a second per core, so large exports
    spread the documents over a process pool (each CAS is independent).
    """
    _cassis()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    report = ExportReport("xmi")
    relations, missing = relations_within(snapshot, _placed_ids(snapshot))
    report.lost(
        "relations with an end that is not an exported span (orphan, suggestion or registry entity)",
        missing,
    )
    by_document: dict[str, list[Record]] = {}
    document_of = {a["id"]: a["document_id"] for a in snapshot.get("annotations", [])}
    for relation in relations:
        if document_of[relation["from"]] != document_of[relation["to"]]:
            report.lost("relations across documents (a CAS holds one document)")
        else:
            by_document.setdefault(document_of[relation["from"]], []).append(relation)
    taken: set[str] = set()
    jobs = [
        (
            directory / f"{file_stem(document['id'], taken)}.xmi",
            document,
            spans,
            by_document.get(document["id"], []),
        )
        for document, spans in iter_documents(snapshot, report)
    ]
    workers = min(PROCESSES, os.cpu_count() or 1) if len(jobs) >= PARALLEL_FROM else 1
    if workers > 1:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            parts = list(progress(pool.map(_write_cas, jobs, chunksize=64), "xmi", len(jobs)))
    else:
        parts = [_write_cas(job) for job in progress(jobs, "xmi", len(jobs))]
    for part in parts:
        report.annotations += part.annotations
        report.relations += part.relations
        report.not_carried.update(part.not_carried)
        report.changed.update(part.changed)
    _types()[0].to_xml(directory / TYPESYSTEM_FILE)
    report.lost(
        "entity registry records (mentions carry urn:newsmark:entity:<id>)",
        len(snapshot.get("entities", [])),
    )
    count_raw_offsets(snapshot, report)
    report.lost("annotation ids, annotators and times", report.annotations)
    return report


def _write_cas(job: tuple[Path, Record, list[Record], list[Record]]) -> ExportReport:
    """Build and write one document's CAS; returns what it wrote and could not carry."""
    cassis = _cassis()
    path, document, spans, relations = job
    ts, types = _types()
    report = ExportReport("xmi")
    text = document.get("text") or ""
    safe = _XML10_ILLEGAL.sub("\ufffd", text)
    replaced = [[m.start(), ord(m.group())] for m in _XML10_ILLEGAL.finditer(text)]
    report.change(
        "control characters XML 1.0 cannot hold, written as U+FFFD (restored on import)",
        len(replaced),
    )
    cas = cassis.Cas(typesystem=ts)
    cas.sofa_string = safe
    cas.add(
        types[DOCUMENT](
            begin=0,
            end=len(safe),
            documentId=document["id"],
            title=document.get("title"),
            metadata=json.dumps(document.get("metadata") or {}, ensure_ascii=False),
            replaced=json.dumps(replaced),
        )
    )
    for start, end in sentences(text):
        cas.add(types[SENTENCE](begin=start, end=end))
    boundaries = {a["start"] for a in spans} | {a["end"] for a in spans}
    for start, end in tokens(text, boundaries):
        cas.add(types[TOKEN](begin=start, end=end))
    made = {}
    for annotation in spans:
        made[annotation["id"]] = fs = _span(types, annotation, report)
        cas.add(fs)
    for relation in relations:
        governor, dependent = made.get(relation["from"]), made.get(relation["to"])
        if governor is None or dependent is None:
            report.lost("relations with an end outside its document's text")
            continue
        cas.add(
            types[RELATION](
                begin=dependent.begin,
                end=dependent.end,
                Governor=governor,
                Dependent=dependent,
                label=relation.get("type") or "related",
            )
        )
        report.relations += 1
    report.annotations += len(spans)
    cas.to_xmi(path)
    return report


def _placed_ids(snapshot: Snapshot) -> set[str]:
    return {a["id"] for a in snapshot.get("annotations", []) if a.get("state", "ok") == "ok"}


def _span(types: dict[str, Any], annotation: Record, report: ExportReport) -> Any:
    start, end = annotation["start"], annotation["end"]
    if annotation.get("kind") != "claim":
        identifier = (
            ENTITY_PREFIX + annotation["entity_id"] if annotation.get("entity_id") else None
        )
        return types[NAMED_ENTITY](
            begin=start, end=end, value=annotation.get("label"), identifier=identifier
        )
    attributes = annotation.get("attributes") or {}
    speaker: Record = attributes["speaker"] if isinstance(attributes.get("speaker"), dict) else {}
    values: Record = {"label": annotation.get("label")}
    for feature, key in CLAIM_FEATURES.items():
        if key.startswith("speaker."):
            values[feature] = speaker.get(key.split(".", 1)[1])
        elif key != "label":
            values[feature] = attributes.get(key)
    cue = attributes.get("cue")
    if (
        isinstance(cue, dict)
        and isinstance(cue.get("start"), int)
        and isinstance(cue.get("end"), int)
    ):
        values["cueBegin"], values["cueEnd"] = cue["start"], cue["end"]
    extra = set(attributes) - {"type", "stance", "note", "speaker", "cue"}
    report.lost("claim attributes with no XMI feature", len(extra))
    return types[CLAIM](begin=start, end=end, **{k: v for k, v in values.items() if v is not None})
