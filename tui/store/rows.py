"""The tables in memory, in TinyDB's file layout, with the indexes every lookup and save needs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tui.store import records as R
from tui.store.errors import CorruptDatabaseError, SchemaVersionError, StoreError
from tui.store.segments import SEGMENT
from tui.store.storage import corrupt_message

Record = dict[str, Any]


def segment_ids(seg: int) -> range:
    return range(seg * SEGMENT, (seg + 1) * SEGMENT)


class Rows:
    """`{table: {doc_id: record}}` plus ids -> doc_ids, annotations by document, relations by end.

    Records are never mutated in place: `put` swaps whole records, which is what makes the
    saver's snapshots and the undo images safe to share. Not locked: the Store holds its lock.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows: dict[str, dict[int, Record]] = {t: {} for t in R.TABLES}
        self.index: dict[str, dict[str, int]] = {t: {} for t in R.TABLES}
        self.next: dict[str, int] = {t: 1 for t in R.TABLES}
        self.dirty: dict[str, set[int]] = {t: set() for t in R.TABLES}  # segments changed
        self.by_doc: dict[str, dict[str, None]] = {}  # document id -> its annotation ids
        self.by_end: dict[str, dict[str, None]] = {}  # annotation/entity id -> its relation ids
        self.extra: dict[str, Any] = {}  # tables this version does not know, written back as read

    # -- loading ----------------------------------------------------------------------
    def load(self, data: Mapping[str, Any]) -> None:
        """Take a parsed file; refuse a newer schema, records without ids, annotations without a span."""
        meta = next(iter((data.get("meta") or {}).values()), None)
        version = meta.get("schema_version") if isinstance(meta, dict) else None
        if not isinstance(version, int):
            raise StoreError(corrupt_message(self.path, "has no schema_version in its meta table"))
        if version > R.SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} uses schema version {version}, newer than this newsmark understands "
                f"({R.SCHEMA_VERSION}). Upgrade newsmark to open it; the file was not changed."
            )
        for table in R.TABLES:
            raw = data.get(table) or {}
            if not isinstance(raw, dict):
                raise StoreError(
                    corrupt_message(self.path, f"has a {table!r} table that is not an object")
                )
            try:
                rows = {int(key): record for key, record in raw.items()}
                if table == "annotations":  # indexed with the field check: one pass over 100k
                    self.index[table] = self._index_annotations(rows)
                else:
                    self.index[table] = {record["id"]: doc_id for doc_id, record in rows.items()}
            except (TypeError, KeyError, ValueError):
                raise StoreError(
                    corrupt_message(self.path, f"has a record without an id in {table!r}")
                ) from None
            self.rows[table] = rows
            self.next[table] = max(rows, default=0) + 1
        self.extra = {name: table for name, table in data.items() if name not in R.TABLES}
        self.mark_all_dirty()  # nothing encoded yet
        for relation in self.rows["relations"].values():
            self._index_relation(relation, add=True)

    def _index_annotations(self, rows: dict[int, Record]) -> dict[str, int]:
        """Ids -> doc_ids and annotations by document, refusing one without a usable span.

        One loop touches each record once: at 100k the records do not fit in the CPU cache,
        and a second pass over them costs about as much as the first.
        """
        index: dict[str, int] = {}
        by_doc = self.by_doc
        known = by_doc.get
        for doc_id, ann in rows.items():
            ann_id = ann["id"]
            document_id = ann.get("document_id")
            if not (  # type() tests cost half of isinstance's
                type(document_id) is str
                and type(ann.get("start")) is int
                and type(ann.get("end")) is int
                and type(ann.get("exact")) is str
                and type(ann.get("label")) is str
            ):
                raise CorruptDatabaseError(
                    corrupt_message(
                        self.path,
                        f"has annotation {ann_id!r} without start/end/document_id/exact/label",
                    )
                )
            index[ann_id] = doc_id
            ids = known(document_id)
            if ids is None:
                ids = by_doc[document_id] = {}
            ids[ann_id] = None
        return index

    def mark_all_dirty(self) -> None:
        """Every segment must be encoded again (after opening, or when the save cache was lost)."""
        for table in R.TABLES:
            self.dirty[table] |= set(range(self.next[table] // SEGMENT + 1))

    # -- reading and changing ---------------------------------------------------------
    def get(self, table: str, rec_id: str) -> Record | None:
        doc_id = self.index[table].get(rec_id)
        return self.rows[table][doc_id] if doc_id is not None else None

    def put(self, table: str, rec_id: str, record: Record | None) -> Record | None:
        """Replace (or create, or delete with None) one record and its indexes; returns the old one."""
        index, rows = self.index[table], self.rows[table]
        doc_id = index.get(rec_id)
        before = rows.get(doc_id) if doc_id is not None else None
        if record is None:
            if doc_id is not None:
                del rows[doc_id]
                del index[rec_id]
        else:
            if doc_id is None:
                doc_id = self.next[table]
                self.next[table] += 1
                index[rec_id] = doc_id
            rows[doc_id] = record
        if doc_id is not None:
            self.dirty[table].add(doc_id // SEGMENT)
        if table == "annotations":
            if before is not None and (
                record is None or record["document_id"] != before["document_id"]
            ):
                self.by_doc.get(before["document_id"], {}).pop(rec_id, None)
            if record is not None:
                self.by_doc.setdefault(record["document_id"], {})[rec_id] = None
        elif table == "relations":  # every change, undo and redo included, passes here
            if before is not None:
                self._index_relation(before, add=False)
            if record is not None:
                self._index_relation(record, add=True)
        return before

    def _index_relation(self, relation: Record, *, add: bool) -> None:
        """Keep `by_end` current, so a claim finds its links at once."""
        for end in {relation.get("from"), relation.get("to")}:
            if not isinstance(end, str):
                continue
            if add:
                self.by_end.setdefault(end, {})[relation["id"]] = None
            else:  # drop an emptied entry: a key per annotation ever linked grew memory without bound
                ids = self.by_end.get(end)
                if ids is not None:
                    ids.pop(relation["id"], None)
                    if not ids:
                        del self.by_end[end]

    # -- what a save needs ------------------------------------------------------------
    def take_changed(self) -> dict[str, tuple[set[int], dict[int, Record]]]:
        """The changed segments of each table and their records (or the whole row map if many).

        Few changed segments: pick their records now. Many (the first save after opening a
        large file): copy the table's row map instead, a C-speed copy, so a key press never
        waits for ~100k lookups.
        """
        taken = {}
        for table in R.TABLES:
            dirty, self.dirty[table] = self.dirty[table], set()
            rows = self.rows[table]
            if len(dirty) > 8:
                taken[table] = (dirty, dict(rows))
            else:
                picked = {d: rows[d] for seg in dirty for d in segment_ids(seg) if d in rows}
                taken[table] = (dirty, picked)
        return taken

    def segment(self, table: str, seg: int) -> dict[str, Record]:
        """One segment's records keyed as in the file."""
        rows = self.rows[table]
        return {str(d): rows[d] for d in segment_ids(seg) if d in rows}


def group_by_segment(
    taken: dict[str, tuple[set[int], dict[int, Record]]],
) -> dict[str, dict[int, dict[str, Record]]]:
    """Sort taken records into their segments (outside the lock: it touches every record)."""
    work = {}
    for table, (dirty, rows) in taken.items():
        grouped: dict[int, dict[str, Record]] = {seg: {} for seg in dirty}
        for doc_id, record in rows.items():
            members = grouped.get(doc_id // SEGMENT)
            if members is not None:
                members[str(doc_id)] = record
        work[table] = grouped
    return work
