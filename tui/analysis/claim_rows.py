"""Claims as rows with who said them, where and when, and grouped into clusters across articles.

Pure functions over the database's record lists, shared by the claims screen, `newsmark claims`
and the claims table export.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tui.analysis.claim_clusters import (
    ClaimText,
    attribution_differences,
    candidate_pairs,
    clusters,
    split_claim,
    word_diff,
)
from tui.analysis.claim_clusters import Piece as DiffPiece
from tui.text import sentences_in

Record = dict[str, Any]
CLAIM_RELATIONS = ("same_claim", "supports", "contradicts")


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around a span, on one line (the span itself when there is no sentence)."""
    return sentence_around(text, start, end)[0]


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence around a span on one line, and where the span starts in it, so a long
    sentence can be shown around the span rather than cut off before it."""
    span = next(
        ((s, e) for s, e in sentences_in(text, start, max(end, start + 1)) if s <= start < e),
        None,
    )
    if span is None:
        return " ".join(text[start:end].split()), 0
    before = " ".join(text[span[0] : start].split())
    at = len(before) + (1 if before and text[start - 1].isspace() else 0)
    return " ".join(text[span[0] : span[1]].split()), at


@dataclass(frozen=True)
class ClaimRow:
    """A claim with who said it, where and when, and its relations to other claims."""

    id: str
    document_id: str
    document_title: str
    source: str | None
    date: str | None
    quote: str
    content: str
    attribution: str
    speaker_text: str | None
    speaker_entity: str | None
    type: str | None
    stance: str | None
    state: str
    start: int
    end: int
    relations: tuple[tuple[str, str], ...]  # (relation type, other claim id)


@dataclass(frozen=True)
class ClaimPair:
    """Two claims of a cluster side by side, with their word-level differences."""

    a: ClaimRow
    b: ClaimRow
    score: float
    quote_diff: tuple[tuple[DiffPiece, ...], tuple[DiffPiece, ...]]
    attribution_diff: tuple[tuple[DiffPiece, ...], tuple[DiffPiece, ...]]
    relation: str | None
    differences: tuple[str, ...]


@dataclass(frozen=True)
class ClaimCluster:
    """Claims that say the same thing; flagged when their attributions differ."""

    id: str
    claims: tuple[ClaimRow, ...]
    documents: int
    pairs: tuple[ClaimPair, ...]
    attribution_differs: bool
    differing: tuple[str, ...]


def claim_rows(
    documents: Iterable[Record],
    entities: Iterable[Record],
    relations: Iterable[Record],
    annotations: Iterable[Record],
) -> list[ClaimRow]:
    """Every claim (suggestions left out) with its speaker, outlet, date and claim relations."""
    by_doc = {d["id"]: d for d in documents}
    by_entity = {e["id"]: e for e in entities}
    linked: dict[str, list[tuple[str, str]]] = {}
    for relation in relations:
        if relation.get("type") in CLAIM_RELATIONS:
            linked.setdefault(relation["from"], []).append((relation["type"], relation["to"]))
            linked.setdefault(relation["to"], []).append((relation["type"], relation["from"]))
    rows = [
        _row(a, by_doc.get(a["document_id"], {}), by_entity, linked.get(a["id"], []))
        for a in annotations
        if a.get("kind") == "claim" and a.get("state", "ok") != "suggested"
    ]
    rows.sort(key=lambda row: (row.document_id, row.start))
    return rows


def claim_clusters(rows: Iterable[ClaimRow]) -> list[ClaimCluster]:
    """Near-duplicate claims across articles (orphans left out), clusters across articles first."""
    usable = [row for row in rows if row.state == "ok"]
    by_id = {row.id: row for row in usable}
    texts = [
        ClaimText(
            r.id, r.document_id, r.content, r.attribution, r.speaker_text or "", r.speaker_entity
        )
        for r in usable
    ]
    text_of = {t.id: t for t in texts}
    found: list[ClaimCluster] = []
    for cluster in clusters(texts, candidate_pairs(texts)):
        pairs: list[ClaimPair] = []
        differing: list[str] = []
        for pair in cluster.pairs:
            a, b = by_id[pair.a], by_id[pair.b]
            if a.document_id == b.document_id:
                continue
            differences = attribution_differences(text_of[a.id], text_of[b.id])
            differing.extend(d for d in differences if d not in differing)
            pairs.append(
                ClaimPair(
                    a,
                    b,
                    pair.score,
                    word_diff(a.content, b.content),
                    word_diff(a.attribution, b.attribution),
                    next((t for t, other in a.relations if other == b.id), None),
                    tuple(differences),
                )
            )
        if not pairs:
            continue
        ids = cluster.claim_ids
        cluster_id = "c" + hashlib.sha1("|".join(sorted(ids)).encode()).hexdigest()[:8]
        found.append(
            ClaimCluster(
                cluster_id,
                tuple(by_id[i] for i in ids),
                cluster.documents,
                tuple(pairs),
                bool(differing),
                tuple(differing),
            )
        )
    return found


def _row(
    annotation: Record,
    document: Record,
    entities: Mapping[str, Record],
    relations: list[tuple[str, str]],
) -> ClaimRow:
    attributes = annotation.get("attributes") or {}
    speaker = attributes.get("speaker") if isinstance(attributes.get("speaker"), dict) else {}
    speaker_entity = speaker.get("entity_id") if speaker else None
    named = entities.get(speaker_entity) if isinstance(speaker_entity, str) else None
    speaker_text = (speaker or {}).get("text") or (named["name"] if named else None)
    text = document.get("text") or ""
    exact = annotation.get("exact", "")
    sentence = sentence_of(text, annotation["start"], annotation["end"]) if text else exact
    content, attribution = split_claim(exact, sentence)
    metadata = document.get("metadata") or {}
    return ClaimRow(
        annotation["id"],
        annotation["document_id"],
        document.get("title") or annotation["document_id"],
        metadata.get("source") or metadata.get("sitename") or metadata.get("url"),
        metadata.get("date"),
        " ".join(exact.split()),
        content,
        attribution,
        speaker_text,
        speaker_entity,
        attributes.get("type"),
        attributes.get("stance"),
        annotation.get("state", "ok"),
        annotation["start"],
        annotation["end"],
        tuple(relations),
    )
