"""The claims table: one row per claim with its speaker, outlet, cluster and relations (CSV/Parquet)."""

from __future__ import annotations

import csv
import io
from typing import Any, BinaryIO

from tui.analysis.claim_rows import ClaimCluster, claim_clusters, claim_rows
from tui.formats.common import ExportReport, Snapshot
from tui.formats.table import PARQUET_HINT

COLUMNS = (
    "claim_id", "document_id", "document_title", "source", "date", "quote", "content",
    "attribution", "speaker", "speaker_entity_id", "claim_type", "stance", "state",
    "start", "end", "cluster_id", "cluster_documents", "attribution_differs",
    "same_claim", "supports", "contradicts",
)  # fmt: skip
INTEGERS = {"start", "end", "cluster_documents"}


def table(snapshot: Snapshot, report: ExportReport) -> list[dict[str, Any]]:
    """Rows for every claim; relation columns hold the other claims' ids, `;`-separated."""
    rows = claim_rows(
        snapshot.get("documents", []),
        snapshot.get("entities", []),
        snapshot.get("relations", []),
        snapshot.get("annotations", []),
    )
    cluster_of: dict[str, ClaimCluster] = {}
    for cluster in claim_clusters(rows):
        for claim in cluster.claims:
            cluster_of[claim.id] = cluster
    report.lost(
        "suggested claims (accept them first)",
        sum(
            1
            for a in snapshot.get("annotations", [])
            if a.get("kind") == "claim" and a.get("state") == "suggested"
        ),
    )
    annotations = snapshot.get("annotations", [])
    report.lost(
        "entity mentions (rows are claims; --format csv has every annotation)",
        sum(1 for a in annotations if a.get("kind") == "entity"),
    )
    report.lost(
        "raw-file offsets",
        sum(
            1 for a in annotations if a.get("kind") == "claim" and a.get("source_start") is not None
        ),
    )
    out = []
    for row in rows:
        found = cluster_of.get(row.id)
        record: dict[str, Any] = {
            "claim_id": row.id,
            "document_id": row.document_id,
            "document_title": row.document_title,
            "source": row.source,
            "date": row.date,
            "quote": row.quote,
            "content": row.content,
            "attribution": row.attribution,
            "speaker": row.speaker_text,
            "speaker_entity_id": row.speaker_entity,
            "claim_type": row.type,
            "stance": row.stance,
            "state": row.state,
            "start": row.start,
            "end": row.end,
            "cluster_id": found.id if found else None,
            "cluster_documents": found.documents if found else None,
            "attribution_differs": str(found.attribution_differs).lower() if found else None,
        }
        for kind in ("same_claim", "supports", "contradicts"):
            record[kind] = ";".join(other for t, other in row.relations if t == kind) or None
        out.append(record)
    report.annotations = len(out)
    report.relations = sum(len(r.relations) for r in rows) // 2
    report.documents = len({r.document_id for r in rows})
    return out


def export_claims_csv(snapshot: Snapshot, out: BinaryIO) -> ExportReport:
    """RFC 4180 CSV, UTF-8, a header row: `pandas.read_csv` loads it as is."""
    report = ExportReport("claims-csv")
    stream = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for row in table(snapshot, report):
            writer.writerow(["" if row[c] is None else row[c] for c in COLUMNS])
        stream.flush()
    finally:
        stream.detach()
    return report


def export_claims_parquet(snapshot: Snapshot, out: BinaryIO) -> ExportReport:
    """The same table with types, for pandas/polars/DuckDB (needs pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RuntimeError(PARQUET_HINT) from None
    report = ExportReport("claims-parquet")
    rows = table(snapshot, report)
    schema = pa.schema([(c, pa.int64() if c in INTEGERS else pa.string()) for c in COLUMNS])
    columns = {c: [row[c] for row in rows] for c in COLUMNS}
    pq.write_table(pa.Table.from_pydict(columns, schema=schema), out)
    return report
