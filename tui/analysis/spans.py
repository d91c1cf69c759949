"""Annotators' spans read from database snapshots, in the one shape agreement and merging compare."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Snapshot = Mapping[str, Sequence[Mapping[str, Any]]]
RELATION_TYPES = ("same_claim", "contradicts")
TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, order=True)
class SpanKey:
    """What must be equal for two annotators' spans to agree exactly (claim type and stance too)."""

    doc: str
    start: int
    end: int
    kind: str
    label: str
    claim_type: str | None = None
    stance: str | None = None

    @property
    def place(self) -> tuple[str, int, int, str]:
        """Where and what, without the claim attributes: what exact span matching compares."""
        return (self.doc, self.start, self.end, self.label)


@dataclass(frozen=True)
class RelationKey:
    """A relation by the places of its two ends; same_claim and contradicts are symmetric."""

    type: str
    doc: str
    ends: frozenset[tuple[int, int, str]]


@dataclass
class Annotator:
    """One database as an annotator's work: their spans, relations and the documents they did."""

    name: str
    texts: dict[str, str]
    sha: dict[str, str]
    spans: list[SpanKey]
    records: dict[SpanKey, Mapping[str, Any]]
    relations: set[RelationKey]
    annotated: set[str] = field(default_factory=set)


def span_key(record: Mapping[str, Any]) -> SpanKey:
    attributes = record.get("attributes") or {}
    claim = record["kind"] == "claim"
    return SpanKey(
        str(record["document_id"]),
        int(record["start"]),
        int(record["end"]),
        str(record["kind"]),
        str(record["label"]),
        attributes.get("type") if claim else None,
        attributes.get("stance") if claim else None,
    )


def load_annotator(name: str, snapshot: Snapshot) -> Annotator:
    """Accepted spans only: tool suggestions and orphans are not an annotator's answer."""
    docs = {str(d["id"]): d for d in snapshot.get("documents", [])}
    spans: list[SpanKey] = []
    records: dict[SpanKey, Mapping[str, Any]] = {}
    by_id: dict[str, SpanKey] = {}
    annotated = {d for d, doc in docs.items() if doc.get("status") == "done"}
    for record in snapshot.get("annotations", []):
        if record.get("state", "ok") != "ok" or record.get("document_id") not in docs:
            continue
        key = span_key(record)
        by_id[str(record["id"])] = key
        if key not in records:
            spans.append(key)
            records[key] = record
        annotated.add(key.doc)
    relations: set[RelationKey] = set()
    for rel in snapshot.get("relations", []):
        ends = [by_id.get(str(rel.get("from"))), by_id.get(str(rel.get("to")))]
        if rel.get("type") not in RELATION_TYPES or ends[0] is None or ends[1] is None:
            continue
        places = frozenset((e.start, e.end, e.label) for e in ends if e is not None)
        relations.add(RelationKey(str(rel["type"]), ends[0].doc, places))
    return Annotator(
        name,
        texts={d: str(doc.get("text", "")) for d, doc in docs.items()},
        sha={d: str(doc.get("clean_sha256", "")) for d, doc in docs.items()},
        spans=spans,
        records=records,
        relations=relations,
        annotated=annotated,
    )


def shared_documents(annotators: Sequence[Annotator]) -> list[str]:
    """Documents every annotator worked on, over the same clean text (else offsets differ)."""
    first, *rest = annotators
    return sorted(
        d
        for d in first.annotated
        if all(d in other.annotated and other.sha.get(d) == first.sha[d] for other in rest)
    )


def tokens(text: str) -> list[tuple[int, int]]:
    """Word and punctuation tokens: the units token-level kappa and alpha are counted over."""
    return [(m.start(), m.end()) for m in TOKEN.finditer(text)]


def token_labels(text: str, spans: Sequence[SpanKey], kind: str) -> list[str]:
    """Each token's label of one layer (entity or claim): the innermost covering span, else O."""
    labels: list[str] = []
    layer = sorted((s for s in spans if s.kind == kind), key=lambda s: (s.end - s.start, s.start))
    for start, end in tokens(text):
        covering = next((s for s in layer if s.start <= start and end <= s.end), None)
        labels.append(covering.label if covering else "O")
    return labels
