"""Claims compared across outlets: clusters of one statement, their differences, their relations."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from tui.analysis.claim_clusters import (
    ClaimText,
    attribution_differences,
    candidate_pairs,
    clusters,
    split_claim,
    word_diff,
)
from tui.analysis.names import fold
from tui.store import Store
from tui.workspace.crossdoc_records import ClaimCluster, ClaimPair, ClaimRow, SearchHit
from tui.workspace.registry import sentence_of

CLAIM_RELATIONS = ("same_claim", "supports", "contradicts")


class ClaimComparison:
    """Every claim of the corpus, grouped into clusters a person confirms with one key."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def claims(self) -> list[ClaimRow]:
        documents = {d["id"]: d for d in self.store.documents()}
        entities = {e["id"]: e for e in self.store.entities()}
        relations: dict[str, list[tuple[str, str]]] = {}
        for relation in self.store.relations():
            if relation["type"] in CLAIM_RELATIONS:
                relations.setdefault(relation["from"], []).append(
                    (relation["type"], relation["to"])
                )
                relations.setdefault(relation["to"], []).append(
                    (relation["type"], relation["from"])
                )
        rows = [
            self._row(a, documents.get(a["document_id"], {}), entities, relations.get(a["id"], []))
            for a in self.store.annotations()
            if a["kind"] == "claim" and a.get("state", "ok") != "suggested"
        ]
        rows.sort(key=lambda row: (row.document_id, row.start))
        return rows

    def clusters(self) -> list[ClaimCluster]:
        """Near-duplicate claims (orphaned ones are left out), clusters across articles first."""
        rows = [row for row in self.claims() if row.state == "ok"]
        by_id = {row.id: row for row in rows}
        texts = [
            ClaimText(
                r.id,
                r.document_id,
                r.content,
                r.attribution,
                r.speaker_text or "",
                r.speaker_entity,
            )
            for r in rows
        ]
        text_of = {t.id: t for t in texts}
        found: list[ClaimCluster] = []
        for cluster in clusters(texts, candidate_pairs(texts)):
            pairs = []
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

    def mark(self, a_id: str, b_id: str, relation: str, note: str = "") -> None:
        """Record that two claims say the same thing, support or contradict (one undo step)."""
        if relation not in CLAIM_RELATIONS:
            raise ValueError(f"relation must be one of {', '.join(CLAIM_RELATIONS)}")
        for claim_id in (a_id, b_id):
            annotation = self.store.get_annotation(claim_id)
            if annotation is None or annotation["kind"] != "claim":
                raise ValueError("both ends must be claims")
        with self.store.transaction(f"mark {relation}"):
            self._remove(a_id, b_id)
            self.store.add_relation(a_id, b_id, relation, note=note.strip() or None)

    def unmark(self, a_id: str, b_id: str) -> None:
        with self.store.transaction("remove claim relation"):
            self._remove(a_id, b_id)

    def linked(self, claim_id: str) -> list[tuple[str, ClaimRow]]:
        rows = {row.id: row for row in self.claims()}
        row = rows.get(claim_id)
        if row is None:
            return []
        return [(kind, rows[other]) for kind, other in row.relations if other in rows]

    def search_corpus(self, query: str) -> list[SearchHit]:
        """Articles whose text or tagged entity names match `query`, most hits first."""
        needle = query.strip()
        if not needle:
            return []
        pattern = re.compile(re.escape(needle), re.IGNORECASE)
        folded = fold(needle)
        named: dict[str, set[str]] = {}
        for entity in self.store.entities():
            names = (entity["name"], *(entity.get("aliases") or ()))
            if any(folded and folded in fold(n) for n in names):
                named[entity["id"]] = set(names)
        hits: list[SearchHit] = []
        mentions: dict[str, list[int]] = {}
        for annotation in self.store.annotations():
            if annotation.get("entity_id") in named:
                mentions.setdefault(annotation["document_id"], []).append(annotation["start"])
        for document in self.store.documents():
            text = document.get("text") or ""
            offsets = [m.start() for m in pattern.finditer(text)]
            offsets.extend(mentions.get(document["id"], []))
            if offsets:
                hits.append(
                    SearchHit(
                        document["id"],
                        document.get("title") or document["id"],
                        len(offsets),
                        min(offsets),
                    )
                )
        hits.sort(key=lambda hit: (-hit.hits, hit.title))
        return hits

    def _remove(self, a_id: str, b_id: str) -> None:
        for relation in self.store.relations():
            if relation["type"] in CLAIM_RELATIONS and {relation["from"], relation["to"]} == {
                a_id,
                b_id,
            }:
                self.store.delete_relation(relation["id"])

    def _row(
        self,
        annotation: dict[str, Any],
        document: dict[str, Any],
        entities: dict[str, dict[str, Any]],
        relations: list[tuple[str, str]],
    ) -> ClaimRow:
        attributes = annotation.get("attributes") or {}
        speaker = attributes.get("speaker") if isinstance(attributes.get("speaker"), dict) else {}
        speaker_entity = speaker.get("entity_id") if speaker else None
        speaker_text = (speaker or {}).get("text") or (
            entities[speaker_entity]["name"] if speaker_entity in entities else None
        )
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
