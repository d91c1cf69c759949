"""Making and editing claims: the span `c` proposes, its attributes, and who said it.

A service of its own (`session.claiming`) so the attribution rules — a picked speaker mention
is linked to the registry and gets a `said_by` relation, a typed registry name links to that
entity, a deleted speaker mention leaves its name behind — live in one class with one job.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, cast

from tui.store import Store
from tui.text import sentences_in
from tui.workspace.articles import Article
from tui.workspace.records import AnnotationRecord, EntityRecord, LabelRecord
from tui.workspace.suggestions import SuggestionService

__all__ = ["ClaimService", "Labelling"]


class Labelling(Protocol):
    """The two label operations a claim needs (Session provides them)."""

    def claim_label(self) -> LabelRecord | None: ...

    def apply_label(
        self,
        article: Article,
        label: LabelRecord,
        start: int,
        end: int,
        current: Sequence[AnnotationRecord] | None = None,
    ) -> AnnotationRecord: ...


class ClaimService:
    """Claim spans, attributes and speakers, through the store."""

    def __init__(self, store: Store, labelling: Labelling, suggestions: SuggestionService) -> None:
        self.store = store
        self.labelling = labelling
        self.suggestions = suggestions

    def claim_range(
        self, article: Article, selection: tuple[int, int] | None, cursor: int
    ) -> tuple[int, int]:
        """A claim covers the selection, else the sentence under the cursor."""
        if selection and selection[0] < selection[1]:
            return selection
        for start, end in sentences_in(article.text, cursor, cursor + 1):
            if start <= cursor < end:
                return start, end
        raise ValueError("the cursor is not in a sentence; select the claim with v first")

    def add_claim(
        self, article: Article, start: int, end: int, attributes: dict[str, Any]
    ) -> AnnotationRecord:
        """Create a claim with its attributes as one undo step, linking a picked speaker mention."""
        label = self.labelling.claim_label()
        if label is None:
            raise ValueError(
                "no label of kind 'claim'; add one with store.add_label or the labels table"
            )
        with self.store.transaction("add claim"):
            claim = self.labelling.apply_label(article, label, start, end)
            claim = self.set_claim_attributes(claim["id"], attributes)
        return claim

    def set_claim_attributes(self, claim_id: str, attributes: dict[str, Any]) -> AnnotationRecord:
        """Store the claim's attributes; a speaker picked from the text is linked to the entity registry
        and gets a said_by relation, so exports can say who said what across articles."""
        with self.store.transaction("claim attributes"):
            speaker = attributes.get("speaker")
            speaker = speaker if isinstance(speaker, dict) else {}
            target = speaker.get("annotation_id")
            if target and self.store.get_annotation(target) is None:
                # the speaker's mention was deleted: keep the name and registry entity, drop the dead link
                target, speaker = None, {**speaker, "annotation_id": None}
                attributes = {**attributes, "speaker": speaker}
            if target:
                attributes = {
                    **attributes,
                    "speaker": {**speaker, "entity_id": self.registry_entity(target)},
                }
            elif isinstance(speaker, dict) and speaker.get("text") and not speaker.get("entity_id"):
                entity = self.suggestions.entity_named(speaker["text"])  # a typed registry name
                attributes = {**attributes, "speaker": {**speaker, "entity_id": entity}}
            claim = cast(
                AnnotationRecord, self.store.update_annotation(claim_id, attributes=attributes)
            )
            said_by = [
                r
                for r in self.store.relations_of(claim_id)
                if r["from"] == claim_id and r["type"] == "said_by"
            ]
            for relation in said_by:
                if relation["to"] != target:  # the speaker changed: the old link would name two
                    self.store.delete_relation(relation["id"])
            if target and not any(r["to"] == target for r in said_by):
                self.store.add_relation(claim_id, target, "said_by")
        return claim

    def registry_entity(self, mention_id: str) -> str | None:
        """The registry entity of a mention: its link, else an entity with the same name and type
        (created if needed), which the mention is then linked to."""
        mention = cast(AnnotationRecord | None, self.store.get_annotation(mention_id))
        if mention is None:
            return None
        linked = mention.get("entity_id")
        if linked:
            return linked
        name = " ".join(mention["exact"].split())
        folded = name.casefold()
        entities = cast(list[EntityRecord], self.store.entities())
        entity = next(
            (
                e
                for e in entities
                if e["type"] == mention["label"]
                and folded in [n.casefold() for n in [e["name"], *e.get("aliases", [])]]
            ),
            None,
        ) or cast(EntityRecord, self.store.add_entity(name, mention["label"]))
        self.store.link(mention_id, entity["id"])
        return entity["id"]

    def speakers(self, doc_id: str) -> list[AnnotationRecord]:
        """Entity mentions in the article, one per distinct text, people first, as speaker choices."""
        seen: dict[str, AnnotationRecord] = {}
        for annotation in cast(list[AnnotationRecord], self.store.annotations(doc_id)):
            if annotation["kind"] == "entity" and annotation.get("state", "ok") == "ok":
                seen.setdefault(" ".join(annotation.get("exact", "").split()), annotation)
        return sorted(seen.values(), key=lambda a: (a["label"] != "PERSON", a["start"]))

    def guess_speaker(self, doc_id: str, start: int, end: int) -> AnnotationRecord | None:
        """The mention nearest a claim (people first, within 40 characters): a default the user confirms."""
        best: tuple[tuple[bool, int], AnnotationRecord] | None = None
        for mention in self.speakers(doc_id):
            distance = max(0, start - mention["end"], mention["start"] - end)
            if distance <= 40:
                rank = (mention["label"] != "PERSON", distance)
                if best is None or rank < best[0]:
                    best = (rank, mention)
        return best[1] if best else None
