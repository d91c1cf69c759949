"""The corpus-wide entity registry as the UI and the commands use it: link, merge, split, compare."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rapidfuzz import fuzz, process

from tui.analysis.claim_rows import sentence_around
from tui.analysis.names import NameRecord, acronyms_in, fold, same_entity_candidates
from tui.store import Store
from tui.workspace.crossdoc_records import (
    EntityMatch,
    EntitySummary,
    MentionRow,
    SameEntityCandidate,
)

DISMISSED_KEY = "registry.dismissed"


def mention_name(annotation: dict[str, Any]) -> str:
    return " ".join(str(annotation.get("exact", "")).split())


class EntityRegistry:
    """Entities across articles: every mutation is one undo step, never applied silently."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.last_entity: str | None = None

    # reading ------------------------------------------------------------------------
    def entities(self) -> list[EntitySummary]:
        counts: dict[str, int] = defaultdict(int)
        documents: dict[str, set[str]] = defaultdict(set)
        for annotation in self.store.annotations():
            entity_id = annotation.get("entity_id")
            if entity_id and annotation["kind"] == "entity":
                counts[entity_id] += 1
                documents[entity_id].add(annotation["document_id"])
        rows = [
            EntitySummary(
                e["id"],
                e["name"],
                e["type"],
                tuple(e.get("aliases") or ()),
                counts[e["id"]],
                tuple(sorted(documents[e["id"]])),
                e.get("external_id"),
            )
            for e in self.store.entities()
        ]
        rows.sort(key=lambda row: (-row.mentions, row.name.casefold()))
        return rows

    def search(self, query: str, limit: int = 20) -> list[EntityMatch]:
        """Entities whose name or an alias is like `query` (any type), best first."""
        choices: list[tuple[str, dict[str, Any]]] = []
        for entity in self.store.entities():
            for name in (entity["name"], *(entity.get("aliases") or ())):
                choices.append((name, entity))
        if not query.strip():
            named = [(name, e) for name, e in choices if name == e["name"]]
            return [EntityMatch(e["id"], e["name"], e["type"], e["name"], 1.0) for _, e in named][
                :limit
            ]
        scored = process.extract(
            fold(query), [fold(name) for name, _ in choices], scorer=fuzz.WRatio, limit=limit * 3
        )
        best: dict[str, EntityMatch] = {}
        for _, score, index in scored:
            name, entity = choices[index]
            if score < 50 or entity["id"] in best:
                continue
            best[entity["id"]] = EntityMatch(
                entity["id"], entity["name"], entity["type"], name, round(score / 100, 3)
            )
        return sorted(best.values(), key=lambda m: -m.score)[:limit]

    def mentions(self, entity_id: str) -> list[MentionRow]:
        rows: list[MentionRow] = []
        documents = {d["id"]: d for d in self.store.documents()}
        for annotation in self.store.annotations():
            if annotation.get("entity_id") != entity_id:
                continue
            document = documents.get(annotation["document_id"], {})
            text = document.get("text") or ""
            sentence, at = sentence_around(text, annotation["start"], annotation["end"])
            rows.append(
                MentionRow(
                    annotation["id"],
                    annotation["document_id"],
                    document.get("title") or annotation["document_id"],
                    annotation["start"],
                    annotation["end"],
                    mention_name(annotation),
                    sentence,
                    annotation.get("state", "ok"),
                    at,
                )
            )
        return rows

    def candidates(self) -> list[SameEntityCandidate]:
        """Entities that are probably one (name order, spelling, acronyms, accents), best first."""
        records = [
            NameRecord(e["id"], e["name"], e["type"], tuple(e.get("aliases") or ()))
            for e in self.store.entities()
        ]
        long_forms: dict[str, str] = {}
        for document in self.store.documents():
            for short, long in acronyms_in(document.get("text") or "").items():
                long_forms.setdefault(short, long)
        dismissed = [tuple(pair) for pair in self.store.get_state(DISMISSED_KEY, []) or []]
        found = same_entity_candidates(records, long_forms, [(a, b) for a, b in dismissed])
        return [SameEntityCandidate(c.a, c.b, c.a_name, c.b_name, c.score, c.reason) for c in found]

    # changing -----------------------------------------------------------------------
    def link(self, annotation_id: str, entity_id: str) -> None:
        """Link a mention to an entity; its text becomes an alias when the entity lacks it."""
        mention = self._mention(annotation_id)
        entity = self._entity(entity_id)
        with self.store.transaction("link mention"):
            self.store.link(annotation_id, entity_id)
            self._add_alias(entity, mention_name(mention))
        self.last_entity = entity_id

    def link_to_last(self, annotation_id: str) -> str:
        if self.last_entity is None or self.store.get_entity(self.last_entity) is None:
            raise ValueError("no entity chosen yet: link one mention with the picker first")
        self.link(annotation_id, self.last_entity)
        return self.last_entity

    def new_entity_from_mention(self, annotation_id: str) -> str:
        mention = self._mention(annotation_id)
        with self.store.transaction("new entity"):
            entity = self.store.add_entity(mention_name(mention), mention["label"])
            self.store.link(annotation_id, entity["id"])
        self.last_entity = entity["id"]
        return str(entity["id"])

    def rename(self, entity_id: str, name: str) -> None:
        entity = self._entity(entity_id)
        name = " ".join(name.split())
        if not name:
            raise ValueError("an entity needs a name")
        aliases = list(entity.get("aliases") or [])
        if entity["name"] not in aliases:
            aliases.append(entity["name"])  # the old name stays findable
        self.store.update_entity(entity_id, name=name, aliases=[a for a in aliases if a != name])

    def set_type(self, entity_id: str, type: str) -> None:
        self._entity(entity_id)
        self.store.update_entity(entity_id, type=type)

    def set_aliases(self, entity_id: str, aliases: list[str]) -> None:
        entity = self._entity(entity_id)
        clean = list(dict.fromkeys(" ".join(a.split()) for a in aliases if a.strip()))
        self.store.update_entity(entity_id, aliases=[a for a in clean if a != entity["name"]])

    def merge(self, keep_id: str, drop_id: str) -> None:
        """One entity from two: mentions, relations and aliases follow (one undo step)."""
        if keep_id == drop_id:
            raise ValueError("pick two different entities to merge")
        keep, drop = self._entity(keep_id), self._entity(drop_id)
        with self.store.transaction(f"merge {drop['name']} into {keep['name']}"):
            for annotation in self.store.annotations():
                if annotation.get("entity_id") == drop_id:
                    self.store.link(annotation["id"], keep_id)
                speaker = (annotation.get("attributes") or {}).get("speaker")
                if isinstance(speaker, dict) and speaker.get("entity_id") == drop_id:
                    attributes = dict(annotation["attributes"])
                    attributes["speaker"] = {**speaker, "entity_id": keep_id}
                    self.store.update_annotation(annotation["id"], attributes=attributes)
            for relation in self.store.relations_of(drop_id):
                if drop_id in (relation["from"], relation["to"]):
                    self.store.delete_relation(relation["id"])
                    ends = [
                        keep_id if end == drop_id else end
                        for end in (relation["from"], relation["to"])
                    ]
                    if ends[0] != ends[1]:
                        self.store.add_relation(ends[0], ends[1], relation["type"])
            names = [*(keep.get("aliases") or []), drop["name"], *(drop.get("aliases") or [])]
            self.store.update_entity(
                keep_id, aliases=[n for n in dict.fromkeys(names) if n != keep["name"]]
            )
            self.store.delete_entity(drop_id)
        self.last_entity = keep_id

    def split(self, annotation_ids: list[str], name: str | None = None) -> str:
        """Move mentions off their entity into a new one (one undo step)."""
        if not annotation_ids:
            raise ValueError("select the mentions to split off first")
        first = self._mention(annotation_ids[0])
        with self.store.transaction("split entity"):
            entity = self.store.add_entity(name or mention_name(first), first["label"])
            for annotation_id in annotation_ids:
                self.store.link(annotation_id, entity["id"])
        return str(entity["id"])

    def dismiss(self, a: str, b: str) -> None:
        """Remember that two entities are not one, so the pair is not offered again."""
        dismissed = list(self.store.get_state(DISMISSED_KEY, []) or [])
        dismissed.append(sorted((a, b)))
        self.store.set_state(DISMISSED_KEY, dismissed)

    # helpers ------------------------------------------------------------------------
    def _mention(self, annotation_id: str) -> dict[str, Any]:
        mention = self.store.get_annotation(annotation_id)
        if mention is None or mention["kind"] != "entity":
            raise ValueError("that is not an entity mention; move onto a tagged name")
        return mention

    def _entity(self, entity_id: str) -> dict[str, Any]:
        entity = self.store.get_entity(entity_id)
        if entity is None:
            raise ValueError(f"no entity {entity_id!r} (was it merged away?)")
        return entity

    def _add_alias(self, entity: dict[str, Any], text: str) -> None:
        known = {fold(n) for n in (entity["name"], *(entity.get("aliases") or ()))}
        if text and fold(text) not in known:
            self.store.update_entity(entity["id"], aliases=[*(entity.get("aliases") or []), text])
