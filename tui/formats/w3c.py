"""W3C Web Annotation JSON-LD: an AnnotationCollection that annotation servers and viewers read."""

from __future__ import annotations

from typing import BinaryIO
from urllib.parse import quote
from uuid import NAMESPACE_URL, uuid5

import orjson

from tui.formats.common import (
    ExportReport,
    Record,
    Snapshot,
    count_raw_offsets,
    iter_documents,
    relations_within,
)

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
WIKIDATA = "http://www.wikidata.org/entity/"
QUOTE_CONTEXT = 32


def document_iri(document_id: str) -> str:
    """A stable IRI for a document's clean text (offsets refer to it, not to the web page)."""
    return "urn:newsmark:document:" + quote(document_id, safe="")


def annotation_iri(annotation_id: str) -> str:
    """Annotations are UUIDs, so the urn:uuid scheme names them globally."""
    return "urn:uuid:" + annotation_id


def entity_iri(entity_id: str) -> str:
    """Registry entities are named in the newsmark namespace (brat's tools.conf uses the same)."""
    return "urn:newsmark:entity:" + quote(entity_id, safe="")


def export_w3c(snapshot: Snapshot, out: BinaryIO) -> ExportReport:
    """Write one Annotation per span (TextQuote + TextPosition selectors) and one per relation.

    Positions are always Unicode code points, as the Web Annotation model defines them.
    """
    report = ExportReport("w3c")
    entities = {entity["id"]: entity for entity in snapshot.get("entities", []) if "id" in entity}
    items: list[Record] = []
    exported: set[str] = set()
    for document, doc_annotations in iter_documents(snapshot, report):
        text = document.get("text") or ""
        source = document_iri(document["id"])
        for annotation in doc_annotations:
            items.append(_annotation(annotation, text, source, entities))
            exported.add(annotation["id"])
    report.annotations = len(items)
    relations, missing = relations_within(snapshot, exported | set(entities))
    report.lost(
        "relations with an end that is not an exported span (orphan or suggestion)", missing
    )
    for relation in relations:
        items.append(_relation(relation, entities))
    report.relations = len(relations)
    report.lost(
        "entity registry records' aliases and types (mentions carry the entity id and name)",
        len(entities),
    )
    report.lost("document titles and metadata (targets name documents by id)", report.documents)
    count_raw_offsets(snapshot, report)
    collection_id = "urn:uuid:" + str(
        uuid5(NAMESPACE_URL, "newsmark:w3c:" + "\n".join(sorted(i["id"] for i in items)))
    )
    collection = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "newsmark annotations",
        "total": len(items),
        "first": {
            "id": collection_id + "?page=0",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        },
    }
    out.write(orjson.dumps(collection, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
    return report


def _annotation(annotation: Record, text: str, source: str, entities: Record) -> Record:
    start, end = annotation["start"], annotation["end"]
    record = {
        "@context": CONTEXT,
        "id": annotation_iri(annotation["id"]),
        "type": "Annotation",
        "motivation": "tagging" if annotation.get("kind") == "claim" else "identifying",
        "body": _bodies(annotation, text, source, entities),
        "target": {
            "source": source,
            "selector": [
                _quote_selector(text, start, end),
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }
    for key in ("created", "updated"):
        if annotation.get(key):
            record["created" if key == "created" else "modified"] = annotation[key]
    if annotation.get("annotator"):
        record["creator"] = {"type": "Person", "nickname": annotation["annotator"]}
    return record


def _quote_selector(text: str, start: int, end: int) -> Record:
    return {
        "type": "TextQuoteSelector",
        "exact": text[start:end],
        "prefix": text[max(0, start - QUOTE_CONTEXT) : start],
        "suffix": text[end : end + QUOTE_CONTEXT],
    }


def _bodies(annotation: Record, text: str, source: str, entities: Record) -> list[Record]:
    """The label as a tag; linked entities as identifying bodies; claim attributes by purpose."""
    bodies = [_textual(annotation.get("label") or "", "tagging")]
    entity = entities.get(annotation.get("entity_id") or "")
    if entity is not None:
        bodies.extend(_entity_bodies(entity, "identifying"))
    if annotation.get("kind") != "claim":
        return bodies
    attributes = annotation.get("attributes") or {}
    if attributes.get("type"):
        bodies.append(_textual(f"claim type: {attributes['type']}", "classifying"))
    if attributes.get("stance"):
        bodies.append(_textual(str(attributes["stance"]), "assessing"))
    if attributes.get("note"):
        bodies.append(_textual(str(attributes["note"]), "commenting"))
    speaker = attributes.get("speaker") or {}
    speaker_entity = entities.get(speaker.get("entity_id") or "")
    if speaker.get("text") or speaker_entity:
        name = speaker.get("text") or (speaker_entity or {}).get("name")
        bodies.append(_textual(f"said by: {name}", "describing"))
    if speaker_entity is not None:
        bodies.extend(_entity_bodies(speaker_entity, "describing"))
    if isinstance(speaker.get("annotation_id"), str):  # the mention the speaker was picked from
        bodies.append(_linked(annotation_iri(speaker["annotation_id"]), "describing"))
    cue = attributes.get("cue") or {}
    if (
        isinstance(cue.get("start"), int)
        and isinstance(cue.get("end"), int)
        and 0 <= cue["start"] < cue["end"] <= len(text)
    ):
        bodies.append(
            {
                "type": "SpecificResource",
                "purpose": "describing",
                "source": source,
                "selector": [
                    _quote_selector(text, cue["start"], cue["end"]),
                    {
                        "type": "TextPositionSelector",
                        "start": cue["start"],
                        "end": cue["end"],
                    },
                ],
            }
        )
    return bodies


def _textual(value: str, purpose: str) -> Record:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}


def _entity_bodies(entity: Record, purpose: str) -> list[Record]:
    """The registry entity as a SpecificResource (its id), its Wikidata IRI when known, its name."""
    bodies = [_linked(entity_iri(entity["id"]), purpose)]
    external = str(entity.get("external_id") or "")
    if external.startswith(("http://", "https://")):
        bodies.append(_linked(external, purpose))
    elif external[:1] == "Q" and external[1:].isdigit():
        bodies.append(_linked(WIKIDATA + external, purpose))
    if entity.get("name"):
        bodies.append(_textual(f"entity: {entity['name']}", "describing"))
    return bodies


def _linked(iri: str, purpose: str) -> Record:
    """A web resource with a purpose must be wrapped in a SpecificResource (model 3.3.5)."""
    return {"type": "SpecificResource", "source": iri, "purpose": purpose}


def _relation(relation: Record, entities: Record) -> Record:
    """A relation is a linking annotation: the target is the `from` annotation, a body the `to`."""

    def iri(end: str) -> str:
        return entity_iri(end) if end in entities else annotation_iri(end)

    return {
        "@context": CONTEXT,
        "id": annotation_iri(
            relation.get("id") or str(uuid5(NAMESPACE_URL, repr(sorted(relation.items()))))
        ),
        "type": "Annotation",
        "motivation": "linking",
        "body": [
            _linked(iri(relation["to"]), "linking"),
            _textual(relation.get("type") or "related", "tagging"),
        ],
        "target": iri(relation["from"]),
    }
