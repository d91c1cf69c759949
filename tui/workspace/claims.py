"""Claims compared across outlets: clusters of one statement, their differences, their relations."""

from __future__ import annotations

import re

from tui.analysis.claim_rows import CLAIM_RELATIONS, claim_clusters, claim_rows
from tui.analysis.names import fold
from tui.store import Store
from tui.workspace.crossdoc_records import ClaimCluster, ClaimRow, SearchHit

__all__ = ["CLAIM_RELATIONS", "ClaimComparison"]


class ClaimComparison:
    """Every claim of the corpus, grouped into clusters a person confirms with one key."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def claims(self) -> list[ClaimRow]:
        store = self.store
        return claim_rows(
            store.documents(), store.entities(), store.relations(), store.annotations()
        )

    def clusters(self) -> list[ClaimCluster]:
        """Near-duplicate claims (orphaned ones are left out), clusters across articles first."""
        return claim_clusters(self.claims())

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

    def relations_of(self, claim_id: str) -> list[tuple[str, str]]:
        """(relation, other article's title) for a claim, cheaply, for the reader's side panel."""
        found = []
        for relation in self.store.relations_of(claim_id):  # indexed: no scan of every relation
            if relation["type"] not in CLAIM_RELATIONS:
                continue
            other = relation["to"] if relation["from"] == claim_id else relation["from"]
            annotation = self.store.get_annotation(other)
            document = self.store.get_document(annotation["document_id"]) if annotation else None
            title = (document or {}).get("title") or (annotation or {}).get("document_id", "?")
            found.append((relation["type"], str(title)))
        return found

    def search_corpus(self, query: str) -> list[SearchHit]:
        """Recorded articles whose text or tagged entity names match `query`, most hits first."""
        documents = self.store.documents()
        texts = {d["id"]: d.get("text") or "" for d in documents}
        titles = {d["id"]: d.get("title") or d["id"] for d in documents}
        return self.search_texts(query, texts, titles)

    def search_texts(
        self, query: str, texts: dict[str, str], titles: dict[str, str]
    ) -> list[SearchHit]:
        """Hits of `query` in `texts` (case-insensitive), plus mentions of entities it names."""
        needle = query.strip()
        if not needle:
            return []
        pattern = re.compile(re.escape(needle), re.IGNORECASE)
        folded = fold(needle)
        named = {
            entity["id"]
            for entity in self.store.entities()
            if folded
            and any(folded in fold(n) for n in (entity["name"], *(entity.get("aliases") or ())))
        }
        mentions: dict[str, list[int]] = {}
        if named:
            for annotation in self.store.annotations():
                if annotation.get("entity_id") in named:
                    mentions.setdefault(annotation["document_id"], []).append(annotation["start"])
        hits: list[SearchHit] = []
        for doc_id, text in texts.items():
            offsets = {m.start() for m in pattern.finditer(text)}
            offsets.update(mentions.get(doc_id, []))
            if offsets:
                hits.append(
                    SearchHit(doc_id, titles.get(doc_id, doc_id), len(offsets), min(offsets))
                )
        hits.sort(key=lambda hit: (-hit.hits, hit.title))
        return hits

    def _remove(self, a_id: str, b_id: str) -> None:
        for relation in self.store.relations_of(a_id):
            if relation["type"] in CLAIM_RELATIONS and {relation["from"], relation["to"]} == {
                a_id,
                b_id,
            }:
                self.store.delete_relation(relation["id"])
