"""Put an `Imported` batch into a Store as one undo step, wiring up ids the store assigns."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.formats.common import Record
from tui.formats.imported import Imported
from tui.wording import plural

if TYPE_CHECKING:
    from tui.store import Store

IMPORTED_CLEANER = "imported"  # cleaner_version of documents whose text was taken as is


@dataclass
class ImportSummary:
    """Counts of what an import added or found already present, and what it had to skip."""

    documents_added: int = 0
    documents_changed: int = 0
    documents_unchanged: int = 0
    annotations_added: int = 0
    annotations_present: int = 0
    relations_added: int = 0
    entities_added: int = 0
    labels_added: int = 0
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One summary line (and one line for re-anchored documents) for stderr."""
        documents = self.documents_added + self.documents_changed + self.documents_unchanged
        lines = [
            f"imported {plural(documents, 'document')} ({self.documents_added} new,"
            f" {self.documents_changed} with changed text, {self.documents_unchanged} unchanged),"
            f" {plural(self.annotations_added, 'annotation')} ({self.annotations_present} already"
            f" present), {plural(self.relations_added, 'relation')},"
            f" {plural(self.entities_added, 'entity', 'entities')},"
            f" {plural(self.labels_added, 'label')}"
        ]
        if self.documents_changed:
            lines.append(
                f"{self.documents_changed} existing documents got new text: their annotations were re-anchored;"
                " run `newsmark check` to list any orphans"
            )
        return lines


def apply_import(store: Store, imported: Imported) -> ImportSummary:
    """Insert documents, labels, entities, annotations and relations; skip what is already there."""
    summary = ImportSummary(warnings=list(imported.warnings))
    with store.transaction(f"import {len(imported.documents)} documents"):
        _labels(store, imported, summary)
        entity_ids = _entities(store, imported, summary)
        _documents(store, imported, summary)
        annotation_ids = _annotations(store, imported, entity_ids, summary)
        _relations(store, imported, {**entity_ids, **annotation_ids}, summary)
    return summary


_DOCUMENT_STATE = ("status", "cursor")


def _provenance(record: Record) -> Record:
    """Id (when it is a UUID, i.e. came from newsmark), annotator and times to keep on import."""
    kept: Record = {k: record[k] for k in ("annotator", "created", "updated") if k in record}
    try:
        kept["id"] = str(uuid.UUID(str(record.get("id"))))
    except ValueError:
        pass
    return kept


def _labels(store: Store, imported: Imported, summary: ImportSummary) -> None:
    known = {label["name"] for label in store.labels()}
    wanted = [
        (label.get("name"), label.get("kind", "entity"), label.get("hotkey"), label.get("color"))
        for label in imported.labels
    ]
    wanted += [(a["label"], a["kind"], None, None) for a in imported.annotations]
    for name, kind, hotkey, color in wanted:
        if name and name not in known:
            try:
                store.add_label(
                    name, kind if kind in ("entity", "claim") else "entity", hotkey, color
                )
            except ValueError as error:
                summary.warnings.append(f"label {name!r} not added: {error}")
                continue
            known.add(name)
            summary.labels_added += 1


def _entities(store: Store, imported: Imported, summary: ImportSummary) -> dict[str, str]:
    """Import entity id -> store entity id: same id, else same name and type, else a new record."""
    by_name = {(e["name"], e.get("type")): e["id"] for e in store.entities()}
    mapping: dict[str, str] = {}
    for entity in imported.entities:
        local = entity.get("id")
        if not local or local in mapping:
            continue
        if store.get_entity(local) is not None:
            mapping[local] = local
        elif (entity.get("name"), entity.get("type")) in by_name:
            mapping[local] = by_name[(entity.get("name"), entity.get("type"))]
        else:
            _add_entity(
                store,
                local,
                entity.get("name") or local,
                entity.get("type") or "",
                (mapping, by_name, summary),
                _provenance(entity),
                aliases=entity.get("aliases") or (),
                external_id=entity.get("external_id"),
            )
    _linked_only(store, imported, mapping, by_name, summary)
    return mapping


def _add_entity(
    store: Store,
    local: str,
    name: str,
    kind: str,
    into: tuple[dict[str, str], dict[tuple[str, str | None], str], ImportSummary],
    restore: Record,
    aliases: Iterable[str] = (),
    external_id: str | None = None,
) -> bool:
    """Add one registry entity for the file's id `local`, recorded in the id and name maps and
    counted; a refusal becomes a warning (False)."""
    mapping, by_name, summary = into
    try:
        record = store.add_entity(
            name, kind, aliases=aliases, external_id=external_id, restore=restore
        )
    except ValueError as error:
        summary.warnings.append(f"entity {local!r} not added: {error}")
        return False
    mapping[local] = record["id"]
    by_name[(record["name"], record["type"])] = record["id"]
    summary.entities_added += 1
    return True


def _linked_only(
    store: Store,
    imported: Imported,
    mapping: dict[str, str],
    by_name: dict[tuple[str, str | None], str],
    summary: ImportSummary,
) -> None:
    """Entities the files link to but do not list (Label Studio and XMI carry only the id) are
    made from their first mention's text and label, so the links survive a fresh database."""
    wanted: dict[str, tuple[str, str]] = {}
    texts = {d["id"]: d.get("text") or "" for d in imported.documents}
    for annotation in imported.annotations:
        local = annotation.get("entity_id")
        if isinstance(local, str) and local and local not in mapping and local not in wanted:
            document = annotation["document_id"]
            if document not in texts:
                texts[document] = (store.get_document(document) or {}).get("text") or ""
            mention = texts[document][annotation["start"] : annotation["end"]]
            wanted[local] = (" ".join(mention.split()), annotation["label"])
    for annotation in imported.annotations:
        speaker = (annotation.get("attributes") or {}).get("speaker")
        if not isinstance(speaker, dict):
            continue
        local = speaker.get("entity_id")
        if isinstance(local, str) and local and local not in mapping and local not in wanted:
            wanted[local] = (" ".join(str(speaker.get("text") or "").split()), "")
    made = 0
    for local, (name, kind) in wanted.items():
        if store.get_entity(local) is not None:
            continue  # the link stands as it is
        if (name, kind) in by_name:
            mapping[local] = by_name[(name, kind)]
            continue
        into = (mapping, by_name, summary)
        made += _add_entity(store, local, name or local, kind, into, _provenance({"id": local}))
    if made:
        summary.warnings.append(
            f"{made} linked entities were not in the files' registry: added, named after their"
            " first mention (aliases were not carried)"
        )


def _documents(store: Store, imported: Imported, summary: ImportSummary) -> None:
    for document in imported.documents:
        text = document["text"]
        existing = store.get_document(document["id"])
        if existing is not None and existing["text"] == text:
            summary.documents_unchanged += 1
            continue
        store.upsert_document(
            document["id"],
            text=text,
            path=document.get("path"),
            raw_sha256=document.get("raw_sha256")
            or hashlib.sha256(text.encode("utf-8")).hexdigest(),
            cleaner_version=document.get("cleaner_version") or IMPORTED_CLEANER,
            title=document.get("title"),
            metadata=document.get("metadata") or {},
            overrides=document.get("overrides") or None,
        )
        kept = {k: document[k] for k in _DOCUMENT_STATE if document.get(k) not in (None, "")}
        if kept and existing is None:
            store.update_document(document["id"], undoable=True, **kept)
        if existing is None:
            summary.documents_added += 1
        else:
            summary.documents_changed += 1


def _annotations(
    store: Store, imported: Imported, entity_ids: Record, summary: ImportSummary
) -> dict[str, str]:
    """Import annotation id -> store annotation id (an identical existing span counts as present)."""
    present: dict[str, dict[tuple[str, str, int, int], str]] = {}
    mapping: dict[str, str] = {}

    def entity(local: object, where: str) -> str | None:
        if not local or not isinstance(local, str):
            return None
        if local in entity_ids:
            return str(entity_ids[local])
        if store.get_entity(local) is not None:
            return local
        summary.warnings.append(
            f"{where}: link to entity {local!r} dropped: no such entity in this database"
        )
        return None

    planned = _plan_ids(store, imported, present, mapping, summary)
    for annotation in planned:
        document_id = annotation["document_id"]
        where = f"{document_id}: annotation {annotation.get('id')!r}"
        attributes = dict(annotation.get("attributes") or {})
        speaker = attributes.get("speaker")
        if isinstance(speaker, dict):
            speaker = dict(speaker)
            if speaker.get("entity_id"):
                speaker["entity_id"] = entity(speaker["entity_id"], where)
            if speaker.get("annotation_id"):
                speaker["annotation_id"] = _mention(store, mapping, speaker["annotation_id"])
            attributes["speaker"] = speaker
        try:
            store.add_annotation(
                document_id,
                annotation["kind"],
                annotation["label"],
                annotation["start"],
                annotation["end"],
                attributes=attributes,
                entity_id=entity(annotation.get("entity_id"), where),
                source_start=annotation.get("source_start"),
                source_end=annotation.get("source_end"),
                state=annotation.get("state") or "ok",
                restore={**_provenance(annotation), "id": mapping[annotation["id"]]},
            )
        except (ValueError, TypeError, KeyError) as error:
            summary.warnings.append(f"{where} not added: {error}")
            del mapping[annotation["id"]]
            continue
        summary.annotations_added += 1
    return mapping


def _plan_ids(
    store: Store,
    imported: Imported,
    present: Record,
    mapping: dict[str, str],
    summary: ImportSummary,
) -> list[Record]:
    """Give every imported annotation its store id before any is added (so a claim's speaker
    mention can point at one added after it): an identical span already there, the file's own
    UUID when free, else a new one. Returns the annotations to add."""
    planned = []
    for annotation in imported.annotations:
        document_id = annotation["document_id"]
        if document_id not in present:
            present[document_id] = {
                (a["kind"], a["label"], a["start"], a["end"]): a["id"]
                for a in store.annotations(document_id)
            }
        key = (annotation["kind"], annotation["label"], annotation["start"], annotation["end"])
        if key in present[document_id]:
            mapping[annotation["id"]] = present[document_id][key]
            summary.annotations_present += 1
            continue
        wanted = _provenance(annotation).get("id")
        if wanted is None or wanted in mapping.values() or store.get_annotation(wanted):
            wanted = str(uuid.uuid4())
        mapping[annotation["id"]] = present[document_id][key] = wanted
        planned.append(annotation)
    return planned


def _mention(store: Store, mapping: dict[str, str], local: str) -> str | None:
    """A speaker's mention: an annotation of this import, or one already in the store."""
    if local in mapping:
        return mapping[local]
    return local if store.get_annotation(local) is not None else None


def _relations(
    store: Store, imported: Imported, ids: dict[str, str], summary: ImportSummary
) -> None:
    existing = {(r["from"], r["to"], r["type"]) for r in store.relations()}
    for relation in imported.relations:
        source, target = ids.get(relation.get("from") or ""), ids.get(relation.get("to") or "")
        if source is None or target is None:
            summary.warnings.append(
                f"relation {relation.get('type')!r} not added: one of its ends was not imported"
            )
            continue
        key = (source, target, str(relation.get("type") or "related"))
        if key in existing:
            continue
        store.add_relation(*key, restore=_provenance(relation))
        existing.add(key)
        summary.relations_added += 1
