"""The public record methods of the Store: documents, annotations, registry, relations, labels."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from tui.store import records as R
from tui.store.core import StoreCore
from tui.store.errors import NotFoundError
from tui.store.text_change import reanchored

ANNOTATION_FIELDS = {
    "label",
    "kind",
    "start",
    "end",
    "attributes",
    "entity_id",
    "state",
    "source_start",
    "source_end",
}
DOCUMENT_FIELDS = {"status", "cursor", "overrides", "title", "metadata", "path"}


class TableMethods(StoreCore):
    """Mixed into Store; relies on its _apply/_get/_require/_lock/transaction."""

    # -- documents --------------------------------------------------------------------
    def upsert_document(
        self,
        doc_id: str,
        *,
        text: str,
        path: str | None = None,
        raw_sha256: str | None = None,
        clean_sha256: str | None = None,
        cleaner_version: str | None = None,
        title: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        overrides: Mapping[int | str, str] | None = None,
        source_span: Callable[[int, int], tuple[int, int] | None] | None = None,
    ) -> dict[str, Any]:
        """Insert or refresh a document; if its clean text changed, re-anchor its annotations.

        `source_span(start, end) -> (raw_start, raw_end) | None` (e.g. `Cleaned.raw_span`) lets
        re-anchored annotations get fresh raw offsets. Returns a report dict[str, Any]:
        {"document", "created", "text_changed", "kept", "moved", "fuzzy", "orphaned": [ids]}.
        """
        self._check_writable()
        with self._lock:
            old = self._get("documents", doc_id)
            fresh = R.document_record(
                doc_id,
                text=text,
                path=path,
                raw_sha256=raw_sha256,
                cleaner_version=cleaner_version,
                title=title,
                metadata=metadata,
                overrides=overrides,
            )
            report = {
                "created": old is None,
                "text_changed": False,
                "kept": 0,
                "moved": 0,
                "fuzzy": 0,
                "orphaned": [],
            }
            if old is not None:
                keep: dict[str, Any] = {
                    k: old[k] for k in ("status", "cursor", "created") if k in old
                }
                if overrides is None:
                    keep["overrides"] = old.get("overrides", {})
                fresh.update(keep)
                unchanged = all(fresh.get(k) == old.get(k) for k in fresh if k != "updated")
                if unchanged:
                    report["document"] = old
                    return report
            if old is None and self._undo.open_step is None:
                # Recording an article the user opened is not an action to undo; an import
                # (inside a transaction) still is.
                self._apply("documents", doc_id, fresh, undoable=False)
                report["document"] = fresh
                return report
            with self.transaction(f"{'update' if old else 'add'} document {doc_id}"):
                self._apply("documents", doc_id, fresh)
                if old is not None and old["text"] != text:
                    report["text_changed"] = True
                    self._reanchor_all(old, fresh, source_span, report)
            report["document"] = fresh
            return report

    def _reanchor_all(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        source_span: Callable[[int, int], tuple[int, int] | None] | None,
        report: dict[str, Any],
    ) -> None:
        anns = [
            record
            for a in self._by_doc.get(old["id"], {})
            if (record := self._get("annotations", a)) is not None
        ]
        for record in reanchored(anns, old, new, source_span, report):
            self._apply("annotations", record["id"], record)

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        with self._lock:
            record = self._get("documents", doc_id)
            return dict(record) if record else None

    def update_document(
        self, doc_id: str, *, undoable: bool = False, **fields: Any
    ) -> dict[str, Any]:
        """Change status, cursor, overrides, title, metadata or path (text goes through upsert)."""
        unknown = set(fields) - DOCUMENT_FIELDS
        if unknown:
            raise ValueError(
                f"cannot update document field(s) {sorted(unknown)}; allowed: {sorted(DOCUMENT_FIELDS)}"
            )
        if "status" in fields and fields["status"] not in R.DOC_STATUSES:
            raise ValueError(
                f"status must be one of {', '.join(R.DOC_STATUSES)}, not {fields['status']!r}"
            )
        self._check_writable()
        if "overrides" in fields:
            fields["overrides"] = R.normalize_overrides(fields["overrides"])
        with self._lock:
            record = dict(self._require("documents", doc_id), **fields, updated=R.now())
            self._apply("documents", doc_id, record, undoable=undoable)
            return dict(record)

    def documents(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(d) for d in self._rows["documents"].values()]

    # -- annotations ------------------------------------------------------------------
    def add_annotation(
        self,
        doc_id: str,
        kind: str,
        label: str,
        start: int,
        end: int,
        *,
        attributes: Mapping[str, Any] | None = None,
        entity_id: str | None = None,
        source_start: int | None = None,
        source_end: int | None = None,
        state: str = "ok",
        restore: Mapping[str, Any] | None = None,
        undoable: bool = True,
    ) -> dict[str, Any]:
        """Tag text[start:end] of a document; quote, prefix, suffix and hash are filled in here.

        `restore` (from a backup being imported) keeps the record's own id when it is free,
        and its annotator, created and updated, so a restored database matches the original.
        `undoable=False` is for machine suggestions shown on opening an article: they are not a
        user's action, so `u` must not take them back (accepting or rejecting one is undoable).
        """
        self._check_writable()
        with self._lock:
            doc = self._require("documents", doc_id)
            if entity_id is not None:
                self._require("entities", entity_id)
            record = R.annotation_record(
                doc,
                kind,
                label,
                start,
                end,
                attributes=attributes,
                entity_id=entity_id,
                source_start=source_start,
                source_end=source_end,
                state=state,
                annotator=self.annotator,
            )
            record.update(
                R.restored(restore, self._get("annotations", (restore or {}).get("id", "")))
            )
            self._apply("annotations", record["id"], record, undoable=undoable)
            return dict(record)

    def update_annotation(self, ann_id: str, **changes: Any) -> dict[str, Any]:
        """Relabel, move, or edit attributes; moving re-reads the quote and clears `orphaned`."""
        unknown = set(changes) - ANNOTATION_FIELDS
        if unknown:
            raise ValueError(
                f"cannot update annotation field(s) {sorted(unknown)}; allowed: {sorted(ANNOTATION_FIELDS)}"
            )
        self._check_writable()
        with self._lock:
            old = self._require("annotations", ann_id)
            record = dict(old, **changes)
            if record["kind"] not in R.KINDS:
                raise ValueError(f"annotation kind must be one of {', '.join(R.KINDS)}")
            if record["state"] not in R.STATES:
                raise ValueError(f"annotation state must be one of {', '.join(R.STATES)}")
            if "attributes" in changes:
                record["attributes"] = R.check_attributes(changes["attributes"])
            if changes.get("entity_id") is not None:
                self._require("entities", changes["entity_id"])
            if "start" in changes or "end" in changes:
                doc = self._require("documents", old["document_id"])
                R.check_span(doc["text"], record["start"], record["end"])
                record.update(R.quote(doc["text"], record["start"], record["end"]))
                record["clean_sha256"] = doc["clean_sha256"]
                if "state" not in changes and record["state"] == "orphaned":
                    record["state"] = "ok"
            record["updated"] = R.now()
            self._apply("annotations", ann_id, record)
            return dict(record)

    def delete_annotation(self, ann_id: str) -> None:
        """Delete one annotation (undoable); relations pointing at it go in the same step."""
        self._check_writable()
        with self._lock:
            self._require("annotations", ann_id)
            dangling = list(self._by_end.get(ann_id, {}))
            with self.transaction("delete annotation"):
                for rel_id in dangling:
                    self._apply("relations", rel_id, None)
                self._apply("annotations", ann_id, None)

    def get_annotation(self, ann_id: str) -> dict[str, Any] | None:
        with self._lock:
            record = self._get("annotations", ann_id)
            return dict(record) if record else None

    def annotations(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Annotations of one document (or all), sorted by (start, -end) so outer spans come first."""
        with self._lock:
            if doc_id is None:
                found = list(self._rows["annotations"].values())
            else:
                found = [
                    record
                    for a in self._by_doc.get(doc_id, {})
                    if (record := self._get("annotations", a)) is not None
                ]
        found.sort(key=lambda a: (a["document_id"], a["start"], -a["end"]))
        return [dict(a) for a in found]

    def orphans(self) -> list[dict[str, Any]]:
        return [a for a in self.annotations() if a["state"] == "orphaned"]

    # -- registry, relations, labels --------------------------------------------------
    def add_entity(
        self,
        name: str,
        type: str,
        *,
        aliases: Iterable[str] = (),
        external_id: str | None = None,
        restore: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        record = R.entity_record(name, type, aliases, external_id)
        record.update(R.restored(restore, self._get("entities", (restore or {}).get("id", ""))))
        self._apply("entities", record["id"], record)
        return dict(record)

    def update_entity(self, entity_id: str, **changes: Any) -> dict[str, Any]:
        unknown = set(changes) - {"name", "type", "aliases", "external_id"}
        if unknown:
            raise ValueError(f"cannot update entity field(s) {sorted(unknown)}")
        with self._lock:
            record = dict(self._require("entities", entity_id), **changes)
            record["aliases"] = list(record["aliases"])
            self._apply("entities", entity_id, record)
            return dict(record)

    def entities(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(e) for e in self._rows["entities"].values()]

    def get_entity(self, entity_id: str) -> dict[str, Any] | None:
        with self._lock:
            record = self._get("entities", entity_id)
            return dict(record) if record else None

    def delete_entity(self, entity_id: str) -> None:
        """Remove a registry entity that no mention or relation refers to any more."""
        with self._lock:
            self._require("entities", entity_id)
            linked = any(
                a.get("entity_id") == entity_id for a in self._rows["annotations"].values()
            )
            related = any(
                entity_id in (r["from"], r["to"]) for r in self._rows["relations"].values()
            )
            if linked or related:
                raise ValueError(f"entity {entity_id!r} is still linked; unlink or merge it first")
            self._apply("entities", entity_id, None)

    def link(self, ann_id: str, entity_id: str | None) -> dict[str, Any]:
        """Point a mention at a registry entity (None unlinks)."""
        self._check_writable()
        if entity_id is not None and self._get("entities", entity_id) is None:
            raise NotFoundError(f"no entity with id {entity_id!r}; add it with add_entity first")
        return self.update_annotation(ann_id, entity_id=entity_id)

    def add_relation(
        self,
        from_id: str,
        to_id: str,
        type: str,
        *,
        note: str | None = None,
        restore: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        self._check_writable()
        with self._lock:
            for end in (from_id, to_id):
                if self._get("annotations", end) is None and self._get("entities", end) is None:
                    raise NotFoundError(
                        f"relation end {end!r} is neither an annotation nor an entity"
                    )
            record = R.relation_record(from_id, to_id, type, self.annotator)
            if note:
                record["note"] = note
            record.update(
                R.restored(restore, self._get("relations", (restore or {}).get("id", "")))
            )
            self._apply("relations", record["id"], record)
            return dict(record)

    def delete_relation(self, relation_id: str) -> None:
        with self._lock:
            self._require("relations", relation_id)
            self._apply("relations", relation_id, None)

    def relations(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(r) for r in self._rows["relations"].values()]

    def relations_of(self, ann_id: str) -> list[dict[str, Any]]:
        """Relations from or to one annotation, from an index (not a scan of every relation)."""
        with self._lock:
            found = (self._get("relations", rel_id) for rel_id in self._by_end.get(ann_id, {}))
            return [dict(r) for r in found if r is not None]

    def labels(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(label) for label in self._rows["labels"].values()]

    def add_label(
        self, name: str, kind: str, hotkey: str | None = None, color: str | None = None
    ) -> dict[str, Any]:
        """Add a user label, or update the existing label of that name."""
        self._check_writable()
        with self._lock:
            existing = next(
                (label for label in self._rows["labels"].values() if label["name"] == name), None
            )
            record = R.label_record(name, kind, hotkey, color)
            if existing is not None:
                record["id"] = existing["id"]
            self._apply("labels", record["id"], record)
            return dict(record)

    # -- tagging sessions (time and counts; not undoable) ----------------------------
    def save_session(self, record: Mapping[str, Any]) -> None:
        """Insert or replace one tagging-session record by its id; undo never touches it."""
        if not record.get("id"):
            raise ValueError("a session record needs an id")
        self._apply("sessions", str(record["id"]), dict(record), undoable=False)

    def sessions(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(s) for s in self._rows["sessions"].values()]

    # -- UI session state (not undoable) ----------------------------------------------
    def get_state(self, key: str, default: Any = None) -> Any:
        with self._lock:
            return self._meta().get("state", {}).get(key, default)

    def set_state(self, key: str, value: Any) -> None:
        with self._lock:
            meta = self._meta()
            state = dict(meta.get("state", {}), **{key: value})
            self._apply("meta", meta["id"], dict(meta, state=state), undoable=False)

    def snapshot(self) -> dict[str, list[dict[str, Any]]]:
        """Every table as a list of records (the shape the exporters take)."""
        with self._lock:
            return {t: [dict(r) for r in self._rows[t].values()] for t in R.TABLES}
