"""Merging annotators' databases: spans all agree on are kept, the rest become suggestions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tui.analysis.spans import Annotator, Snapshot, SpanKey


@dataclass(frozen=True)
class MergedSpan:
    """One span of the merged database: agreed (`ok`) or a suggestion naming its annotators."""

    key: SpanKey
    record: Mapping[str, Any]
    annotators: tuple[str, ...]
    agreed: bool

    @property
    def attributes(self) -> dict[str, Any]:
        attributes = dict(self.record.get("attributes") or {})
        if not self.agreed:
            attributes["annotators"] = list(self.annotators)
        return attributes


@dataclass
class MergePlan:
    documents: list[Mapping[str, Any]]
    spans: list[MergedSpan]
    relations: list[tuple[SpanKey, SpanKey, str]]
    entities: list[Mapping[str, Any]]
    labels: list[Mapping[str, Any]]
    skipped: dict[str, list[str]]  # annotator -> documents whose text differs from the first's


def plan_merge(annotators: Sequence[Annotator], snapshots: Sequence[Snapshot]) -> MergePlan:
    """Documents from the first database; another's spans count only where its text is the same."""
    documents: dict[str, Mapping[str, Any]] = {}
    for snapshot in snapshots:
        for doc in snapshot.get("documents", []):
            documents.setdefault(str(doc["id"]), doc)
    sha = {d: str(doc.get("clean_sha256", "")) for d, doc in documents.items()}
    holders: dict[SpanKey, list[str]] = {}
    records: dict[SpanKey, Mapping[str, Any]] = {}
    skipped: dict[str, list[str]] = {}
    for annotator in annotators:
        for span in annotator.spans:
            if annotator.sha.get(span.doc) != sha.get(span.doc):
                if span.doc not in skipped.get(annotator.name, []):
                    skipped.setdefault(annotator.name, []).append(span.doc)
                continue
            holders.setdefault(span, []).append(annotator.name)
            records.setdefault(span, annotator.records[span])
    every = len(annotators)
    spans = [
        MergedSpan(key, records[key], tuple(names), len(names) == every)
        for key, names in sorted(holders.items())
    ]
    relations: dict[tuple[SpanKey, SpanKey, str], None] = {}
    for annotator, snapshot in zip(annotators, snapshots, strict=True):
        by_id = {str(r["id"]): key for key, r in annotator.records.items()}
        for rel in snapshot.get("relations", []):
            ends = by_id.get(str(rel.get("from"))), by_id.get(str(rel.get("to")))
            if ends[0] in holders and ends[1] in holders:
                relations[(ends[0], ends[1], str(rel["type"]))] = None
    entities: dict[str, Mapping[str, Any]] = {}
    labels: dict[str, Mapping[str, Any]] = {}
    for snapshot in snapshots:
        for entity in snapshot.get("entities", []):
            entities.setdefault(str(entity["id"]), entity)
        for label in snapshot.get("labels", []):
            labels.setdefault(str(label["name"]), label)
    return MergePlan(
        list(documents.values()),
        spans,
        list(relations),
        list(entities.values()),
        list(labels.values()),
        skipped,
    )


def conflicts(suggested: Sequence[Mapping[str, Any]]) -> list[list[Mapping[str, Any]]]:
    """Suggested annotations grouped into clusters of overlapping spans of one kind, one per decision."""
    ordered = sorted(suggested, key=lambda a: (a["document_id"], a["start"], -a["end"]))
    groups: list[list[Mapping[str, Any]]] = []
    open_group: dict[tuple[str, str], tuple[list[Mapping[str, Any]], int]] = {}
    for ann in ordered:
        key = (str(ann["document_id"]), str(ann["kind"]))
        current = open_group.get(key)
        if current is not None and ann["start"] < current[1]:
            current[0].append(ann)
            open_group[key] = (current[0], max(current[1], int(ann["end"])))
        else:
            group = [ann]
            groups.append(group)
            open_group[key] = (group, int(ann["end"]))
    return groups
