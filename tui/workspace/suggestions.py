"""Suggested annotations (state `suggested`): create them, accept, reject, and tag all occurrences.

A service of its own, composed into Session (`session.suggestions`), so the UI and the
`newsmark suggest` command share one set of rules: a suggestion never covers a span already
tagged, a rejected span is remembered per document and never suggested again, and accepting
links the mention to the registry entity it came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tui.analysis.claims import Candidate, Mention, candidates, split_sentence
from tui.analysis.gazetteer import Gazetteer, Name
from tui.analysis.model import ModelMatch, model_matches
from tui.analysis.occurrences import context_of, find_all, find_in_corpus
from tui.store import Store
from tui.text import sentences_in

__all__ = ["Occurrence", "Proposal", "SuggestionService"]

REJECTED_KEY = "suggestions.rejected"
RawSpan = Callable[[int, int], "tuple[int, int] | None"]


@dataclass(frozen=True)
class Proposal:
    """A span to suggest: kind, label, where it came from, and its registry entity if any."""

    start: int
    end: int
    label: str
    source: str
    kind: str = "entity"
    entity_id: str | None = None
    attributes: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Occurrence:
    """Another place the same text occurs, with its sentence and article, for the preview."""

    document_id: str
    title: str
    start: int
    end: int
    context: str
    offset: int  # where the match starts inside `context`


def _key(start: int, end: int, label: str) -> str:
    return f"{start}:{end}:{label}"


class SuggestionService:
    """Reads and writes suggestions through the store; analysis stays in tui.analysis."""

    def __init__(self, store: Store, on_added: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.on_added = on_added  # told the label of each annotation made here (session stats)
        self._gazetteer: tuple[tuple[Any, ...], Gazetteer] | None = None

    # finding -------------------------------------------------------------------
    def gazetteer(self) -> Gazetteer:
        """An automaton over registry names and aliases, rebuilt only when the registry changed."""
        entities = self.store.entities()
        stamp = tuple((e["id"], e["name"], tuple(e.get("aliases") or ())) for e in entities)
        if self._gazetteer is None or self._gazetteer[0] != stamp:
            names = [
                Name(text, e["id"], e["type"])
                for e in entities
                for text in [e["name"], *(e.get("aliases") or ())]
            ]
            self._gazetteer = (stamp, Gazetteer(names))
        return self._gazetteer[1]

    def registry_proposals(self, doc_id: str) -> list[Proposal]:
        text = self._text(doc_id)
        return [
            Proposal(m.start, m.end, m.name.label, "registry", entity_id=m.name.entity_id)
            for m in self.gazetteer().find(text)
        ]

    def model_proposals(
        self, doc_id: str, nlp: Any, name: str, label_map: Mapping[str, str] | None = None
    ) -> list[Proposal]:
        """Run a spaCy pipeline over the stored text (slow: call it from a worker thread)."""
        matches: list[ModelMatch] = model_matches(nlp, self._text(doc_id), label_map)
        return [Proposal(m.start, m.end, m.label, f"model:{name}") for m in matches]

    def claim_proposals(self, doc_id: str) -> list[Proposal]:
        text = self._text(doc_id)
        mentions = self.mentions(doc_id)
        proposals = []
        for c in candidates(text, mentions):
            speaker = None
            if c.speaker_text:
                speaker = {
                    "text": c.speaker_text,
                    "entity_id": c.speaker.entity_id if c.speaker else None,
                    "annotation_id": c.speaker.annotation_id if c.speaker else None,
                }
            attributes = {
                "cue": {"start": c.cue_start, "end": c.cue_end},
                "speaker": speaker,
                "type": c.type,
                "stance": "unverified",
                "note": "",
            }
            proposals.append(Proposal(c.start, c.end, "CLAIM", "claims", "claim", None, attributes))
        return proposals

    def mentions(self, doc_id: str) -> list[Mention]:
        """Accepted entity mentions of a document, as the claim splitter's speaker choices."""
        return [
            Mention(a["start"], a["end"], a["label"], a["id"], a.get("entity_id"))
            for a in self.store.annotations(doc_id)
            if a["kind"] == "entity" and a.get("state", "ok") == "ok"
        ]

    def claim_split(self, doc_id: str, start: int, end: int) -> Candidate | None:
        """The content/cue/speaker split `c` proposes when [start, end) is a whole sentence."""
        text = self._text(doc_id)
        if (start, end) not in sentences_in(text, start, end):
            return None
        return split_sentence(text, start, end, self.mentions(doc_id))

    def entity_named(self, name: str) -> str | None:
        """The registry entity whose name or alias is `name` (case and spacing aside), people and
        organisations first: a typed speaker name links to it."""
        folded = " ".join(name.split()).casefold()
        if not folded:
            return None
        found = [
            e
            for e in self.store.entities()
            if folded
            in (" ".join(n.split()).casefold() for n in [e["name"], *e.get("aliases", [])])
        ]
        found.sort(key=lambda e: e["type"] not in ("PERSON", "ORG"))
        return str(found[0]["id"]) if found else None

    # writing ---------------------------------------------------------------------
    def add(self, doc_id: str, proposals: Iterable[Proposal]) -> list[dict[str, Any]]:
        """Store proposals as suggestions, skipping rejected spans and spans already tagged."""
        rejected = set(self.rejected(doc_id))
        existing = self.store.annotations(doc_id)
        taken = [(a["start"], a["end"], a["kind"]) for a in existing]
        claim_label = self._claim_label()
        added: list[dict[str, Any]] = []
        for p in proposals:
            label = claim_label if p.kind == "claim" else p.label
            if label is None or _key(p.start, p.end, label) in rejected:
                continue
            if any(s < p.end and p.start < e and k == p.kind for s, e, k in taken):
                continue
            record = self.store.add_annotation(
                doc_id,
                p.kind,
                label,
                p.start,
                p.end,
                attributes={**p.attributes, "suggested_by": p.source},
                entity_id=p.entity_id,
                state="suggested",
                undoable=False,
            )
            taken.append((p.start, p.end, p.kind))
            added.append(record)
        return added

    def open_suggestions(self, doc_id: str) -> list[dict[str, Any]]:
        return [a for a in self.store.annotations(doc_id) if a.get("state") == "suggested"]

    def count(self, doc_id: str | None = None) -> int:
        return sum(1 for a in self.store.annotations(doc_id) if a.get("state") == "suggested")

    def accept(self, annotation_id: str) -> dict[str, Any]:
        """Make a suggestion a real annotation; a claim's guessed speaker mention gets said_by."""
        with self.store.transaction("accept suggestion"):
            record = self.store.update_annotation(annotation_id, state="ok")
            speaker = (record.get("attributes") or {}).get("speaker")
            target = speaker.get("annotation_id") if isinstance(speaker, dict) else None
            if record["kind"] == "claim" and target and self.store.get_annotation(target):
                self.store.add_relation(annotation_id, target, "said_by")
        self._added([record])
        return record

    def accept_all(self, doc_id: str) -> list[dict[str, Any]]:
        """Accept every open suggestion of a document as one undo step."""
        with self.store.transaction("accept all suggestions"):
            return [self.accept(a["id"]) for a in self.open_suggestions(doc_id)]

    def alike(self, annotation_id: str) -> list[dict[str, Any]]:
        """Open suggestions of the same document with the same text, kind and label (the one
        given included, in text order): what one key accepts or rejects together."""
        record = self.store.get_annotation(annotation_id)
        if record is None or record.get("state") != "suggested":
            return []
        text = " ".join(str(record["exact"]).split())
        return [
            a
            for a in self.open_suggestions(record["document_id"])
            if (a["kind"], a["label"]) == (record["kind"], record["label"])
            and " ".join(str(a["exact"]).split()) == text
        ]

    def decide_alike(self, annotation_id: str, accept: bool) -> list[dict[str, Any]]:
        """Accept or reject a suggestion and every one alike in its article, as one undo step."""
        group = self.alike(annotation_id)
        verb = "accept" if accept else "reject"
        with self.store.transaction(f"{verb} {len(group)} suggestions alike"):
            if accept:
                return [self.accept(a["id"]) for a in group]
            return [self.reject(a["id"]) for a in group]

    def reject(self, annotation_id: str) -> dict[str, Any]:
        """Delete a suggestion and remember its span so it is never suggested again here."""
        record = self.store.get_annotation(annotation_id)
        if record is None or record.get("state") != "suggested":
            raise ValueError("not a suggestion; x deletes an accepted annotation")
        rejected = dict(self.store.get_state(REJECTED_KEY) or {})
        keys = list(rejected.get(record["document_id"], []))
        keys.append(_key(record["start"], record["end"], record["label"]))
        rejected[record["document_id"]] = sorted(set(keys))
        self.store.set_state(REJECTED_KEY, rejected)
        self.store.delete_annotation(annotation_id)
        return record

    def rejected(self, doc_id: str) -> list[str]:
        state = self.store.get_state(REJECTED_KEY) or {}
        return list(state.get(doc_id, [])) if isinstance(state, dict) else []

    # all occurrences -------------------------------------------------------------
    def occurrences(
        self, source: Mapping[str, Any], *, corpus: bool = False, ignore_case: bool = False
    ) -> list[Occurrence]:
        """Other places the source annotation's text occurs where nothing of its kind is tagged yet."""
        needle = str(source["exact"])
        doc_id = str(source["document_id"])
        if corpus:
            docs = {d["id"]: d for d in self.store.documents()}
            order = [doc_id, *sorted(d for d in docs if d != doc_id)]
            hits = find_in_corpus(
                ((d, docs[d]["text"]) for d in order), needle, ignore_case=ignore_case
            )
            spans = [(h.document_id, h.start, h.end) for h in hits]
        else:
            docs = {doc_id: self.store.get_document(doc_id) or {"text": ""}}
            text = docs[doc_id]["text"]
            spans = [(doc_id, s, e) for s, e in find_all(text, needle, ignore_case=ignore_case)]
        tagged: dict[str, list[tuple[int, int]]] = {}
        found = []
        for doc, start, end in spans:
            if doc not in tagged:
                tagged[doc] = [
                    (a["start"], a["end"])
                    for a in self.store.annotations(doc)
                    if a["kind"] == source["kind"] and a.get("state") != "suggested"
                ]
            if any(s < end and start < e for s, e in tagged[doc]):
                continue  # already tagged, or inside a longer tagged name ("China" in "China Mobile")
            text = docs[doc]["text"]
            begin, finish = context_of(text, start, end)
            title = str(docs[doc].get("title") or doc)
            found.append(Occurrence(doc, title, start, end, text[begin:finish], start - begin))
        return found

    def tag_occurrences(
        self,
        source: Mapping[str, Any],
        hits: Sequence[Occurrence],
        raw_span: RawSpan | None = None,
    ) -> list[dict[str, Any]]:
        """Tag the chosen occurrences like the source (label, registry entity) as one undo step.

        `raw_span` maps clean offsets of the source's own article to raw ones (others get None).
        """
        records: list[dict[str, Any]] = []
        with self.store.transaction(f"tag {len(hits)} occurrence{'s' if len(hits) != 1 else ''}"):
            for hit in hits:
                covering = [
                    a
                    for a in self.store.annotations(hit.document_id)
                    if (a["start"], a["end"]) == (hit.start, hit.end)
                    and a["kind"] == source["kind"]
                ]
                raw = (
                    raw_span(hit.start, hit.end)
                    if raw_span and hit.document_id == source["document_id"]
                    else None
                )
                if any(a.get("state") != "suggested" for a in covering):
                    continue  # tagged meanwhile (the corpus search ran in a worker)
                for ghost in covering:
                    self.store.delete_annotation(ghost["id"])  # a suggestion here gives way
                records.append(
                    self.store.add_annotation(
                        hit.document_id,
                        str(source["kind"]),
                        str(source["label"]),
                        hit.start,
                        hit.end,
                        entity_id=source.get("entity_id"),
                        source_start=raw[0] if raw else None,
                        source_end=raw[1] if raw else None,
                    )
                )
        self._added(records)
        return records

    # helpers ---------------------------------------------------------------------
    def _added(self, records: Sequence[Mapping[str, Any]]) -> None:
        if self.on_added is not None:
            for record in records:
                self.on_added(str(record["label"]))

    def _text(self, doc_id: str) -> str:
        record = self.store.get_document(doc_id)
        if record is None:
            raise ValueError(f"{doc_id} is not in the database; open or import it first")
        return str(record["text"])

    def _claim_label(self) -> str | None:
        return next((str(lb["name"]) for lb in self.store.labels() if lb["kind"] == "claim"), None)
